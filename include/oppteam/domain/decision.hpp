#pragma once
// Vedtak and klage as stored: the decision in force (one per case; the ones
// it replaced are in decision_history) and the appeals against it with
// their steps. Plain values; the rules are in process/decision.cpp and
// process/appeal.cpp, the SQL in store/decision_store.cpp.

#include <oppteam/domain/stored_names.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

// decision.outcome (and appeal.decision_outcome).
enum class DecisionOutcome { granted, refused };
inline constexpr StoredNames<DecisionOutcome, 2> kDecisionOutcomeNames{
    {{{DecisionOutcome::granted, "granted"}, {DecisionOutcome::refused, "refused"}}}};
constexpr std::string_view to_stored(DecisionOutcome o) { return kDecisionOutcomeNames.of(o); }
constexpr std::optional<DecisionOutcome> decision_outcome_from(std::string_view text) { return kDecisionOutcomeNames.from(text); }

// The decision in force of a case.
struct Decision {
  std::int64_t id = 0;
  DecisionOutcome outcome = DecisionOutcome::granted;
  std::string grounds;  // empty: none
  std::string decided_on, decided_by, appeal_deadline;
  std::string letter;
};

// appeal.status: the step last taken. Open (a step is owed): received
// (review owed), upheld (forwarding owed), forwarded (the outcome awaited),
// returned (a new review owed). Done: reversed (by the municipality),
// final_upheld, final_reversed (by statsforvalteren).
enum class AppealStatus { received, reversed, upheld, forwarded, returned, final_upheld, final_reversed };
inline constexpr StoredNames<AppealStatus, 7> kAppealStatusNames{{{{AppealStatus::received, "received"},
                                                                   {AppealStatus::reversed, "reversed"},
                                                                   {AppealStatus::upheld, "upheld"},
                                                                   {AppealStatus::forwarded, "forwarded"},
                                                                   {AppealStatus::returned, "returned"},
                                                                   {AppealStatus::final_upheld, "final_upheld"},
                                                                   {AppealStatus::final_reversed, "final_reversed"}}}};
constexpr std::string_view to_stored(AppealStatus s) { return kAppealStatusNames.of(s); }
constexpr std::optional<AppealStatus> appeal_status_from(std::string_view text) { return kAppealStatusNames.from(text); }

// True while a step is owed (received, upheld, forwarded, returned).
constexpr bool appeal_open(AppealStatus s) {
  return s == AppealStatus::received || s == AppealStatus::upheld || s == AppealStatus::forwarded ||
         s == AppealStatus::returned;
}

// appeal_step.step.
enum class AppealStepKind { review, forward, outcome };
inline constexpr StoredNames<AppealStepKind, 3> kAppealStepNames{
    {{{AppealStepKind::review, "review"}, {AppealStepKind::forward, "forward"}, {AppealStepKind::outcome, "outcome"}}}};
constexpr std::string_view to_stored(AppealStepKind k) { return kAppealStepNames.of(k); }
constexpr std::optional<AppealStepKind> appeal_step_from(std::string_view text) { return kAppealStepNames.from(text); }

// appeal_step.result: what the step decided. A review reverses or upholds;
// statsforvalteren's outcome is upheld, reversed or returned; a forwarding
// decides nothing (none: stored NULL, read as "").
enum class AppealStepResult { none, reverse, uphold, upheld, reversed, returned };
inline constexpr StoredNames<AppealStepResult, 6> kAppealStepResultNames{{{{AppealStepResult::none, ""},
                                                                          {AppealStepResult::reverse, "reverse"},
                                                                          {AppealStepResult::uphold, "uphold"},
                                                                          {AppealStepResult::upheld, "upheld"},
                                                                          {AppealStepResult::reversed, "reversed"},
                                                                          {AppealStepResult::returned, "returned"}}}};
constexpr std::string_view to_stored(AppealStepResult r) { return kAppealStepResultNames.of(r); }
constexpr std::optional<AppealStepResult> appeal_step_result_from(std::string_view text) {
  return kAppealStepResultNames.from(text);
}

// True for statsforvalteren's outcomes (upheld, reversed, returned).
constexpr bool appeal_final_outcome(AppealStepResult r) {
  return r == AppealStepResult::upheld || r == AppealStepResult::reversed || r == AppealStepResult::returned;
}

struct AppealStep {
  AppealStepKind step = AppealStepKind::review;
  AppealStepResult result = AppealStepResult::none;  // reverse | uphold (review); upheld | reversed | returned (outcome); none (forward)
  std::string on, by, grounds;
};

struct Appeal {
  std::int64_t id = 0;
  std::string case_number;
  std::string received_on, from, name;
  std::string deadline;  // the appeal deadline of the decision appealed
  bool late = false;
  DecisionOutcome decision_outcome = DecisionOutcome::granted;  // the outcome appealed against
  AppealStatus status = AppealStatus::received;
  std::string status_on;
  std::string registered_by;
  std::string due;  // the owed step's due date, "" when done
  std::vector<AppealStep> steps;
};

}  // namespace oppteam
