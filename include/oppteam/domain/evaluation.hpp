#pragma once
// An evaluation (evaluering) of a plan with the person, as a plain value:
// goal attainment on the Goal Attainment Scaling range -2..+2, the person's
// experienced quality 1..5, the rammeverk's indicators, and the decision.
// The rules are in process/evaluation.hpp, the SQL in store/evaluation_store.hpp.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

// Go on with the plan, revise it (the plan is reopened), or close team and case.
enum class EvaluationDecision { continue_plan, revise, close };
std::string_view to_stored(EvaluationDecision d);  // "continue" | "revise" | "close"
std::optional<EvaluationDecision> evaluation_decision_from(std::string_view stored);

struct Evaluation {
  std::int64_t id = 0;
  std::string case_number;
  std::string evaluated_on;
  std::map<int, int> goals;  // goal number -> GAS score
  std::optional<int> quality;
  std::map<std::string, int> indicators;
  std::string comment;
  EvaluationDecision decision = EvaluationDecision::continue_plan;
  std::string reason;
  std::string next_on;  // empty when the case was closed
  std::string created_by;
};

}  // namespace oppteam
