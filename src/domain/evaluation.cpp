#include <oppteam/domain/evaluation.hpp>

#include <oppteam/domain/stored_names.hpp>

namespace oppteam {

namespace {

constexpr StoredNames<EvaluationDecision, 3> kDecisions{{{{EvaluationDecision::continue_plan, "continue"},
                                                                        {EvaluationDecision::revise, "revise"},
                                                                        {EvaluationDecision::close, "close"}}}};

}  // namespace

std::string_view to_stored(EvaluationDecision d) { return kDecisions.of(d); }
std::optional<EvaluationDecision> evaluation_decision_from(std::string_view stored) {
  return kDecisions.from(stored);
}

}  // namespace oppteam
