#include <oppteam/domain/evaluation.hpp>

#include "stored_names.hpp"

namespace oppteam {

namespace {

constexpr domain_detail::StoredNames<EvaluationDecision, 3> kDecisions{{{EvaluationDecision::continue_plan, "continue"},
                                                                        {EvaluationDecision::revise, "revise"},
                                                                        {EvaluationDecision::close, "close"}}};

}  // namespace

std::string_view to_stored(EvaluationDecision d) { return domain_detail::stored_name(kDecisions, d); }
std::optional<EvaluationDecision> evaluation_decision_from(std::string_view stored) {
  return domain_detail::from_stored_name(kDecisions, stored);
}

}  // namespace oppteam
