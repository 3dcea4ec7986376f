#pragma once
// Evaluation (evaluering) of a plan with the person: goal attainment on the
// Goal Attainment Scaling range -2..+2, the person's experienced quality
// 1..5, the rammeverk's indicators, and a decision: continue, revise the
// plan, or close the team and the case. Evaluations are kept as a series.

#include <oppteam/domain/evaluation.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

struct EvaluationInput {
  std::map<int, int> goals;                  // goal number -> GAS score
  std::optional<int> quality;                // experienced quality 1..5
  std::map<std::string, int> indicators;     // rammeverk indicator id -> value
  std::string comment;
  std::string decision;                      // continue | revise | close
  std::string reason;                        // required for close
  std::optional<Date> next;                  // else today + evaluation_interval
};

nlohmann::json to_json(const Evaluation& e);

// Parses "N=SCORE" (GAS) and "ID=VALUE" option values (exit 64 when
// malformed; the range is evaluate's to check).
std::pair<int, int> parse_goal_score(std::string_view text);
std::pair<std::string, int> parse_indicator_value(std::string_view text);

// Adds a --goal "N=SCORE" or --indicator "ID=VALUE" to `in`: exit 64 when
// malformed, or when that goal or indicator has a value already (given twice).
void add_goal_score(EvaluationInput& in, std::string_view text);
void add_indicator_value(EvaluationInput& in, std::string_view text);

// Records an evaluation. Exit 1 without a plan or for an unknown goal; exit
// 2 when the plan is closed, the team is not active or paused, or the
// person's participation in the plan has not been recorded, and for close
// while the case owes a step of an appeal (require_no_appeal_owed); exit 65
// for scores, quality or indicators off their scale, an unknown indicator,
// or a `next` later than deadlines.evaluation_interval after today; exit 64
// for a `next` not after today or a missing reason for close. Sets the
// plan's next evaluation date, reopens the plan (revise), or closes plan,
// team and case (close). One plan revision and one audit entry.
Evaluation evaluate(const Context& ctx, std::string_view case_number, const EvaluationInput& in);

// The evaluations of a case, oldest first (no audit: for callers that audit
// the read they are part of, such as case show).
std::vector<Evaluation> list_evaluations(Database& db, std::int64_t case_id);

}  // namespace oppteam
