#pragma once
// Vedtak: a case is granted or refused once, and (when the rammeverk's
// rules.assessment_before_decision is true) only after at least one
// assessment. A refusal needs grounds. The decision letter, in the
// rammeverk's language, states the outcome, the grounds and the right to
// appeal: to statsforvalteren through the municipality (pasient- og
// brukerrettighetsloven § 7-2) within the rammeverk's appeal deadline
// (§ 7-5). A foreløpig svar (forvaltningsloven § 11a) may be recorded
// while the case waits for its decision.

#include <oppteam/domain/decision.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>

#include <optional>
#include <string>

namespace oppteam {

struct DecisionInput {
  bool grant = false;
  std::string grounds;            // required for a refusal
  std::optional<Date> decided_on; // default today
  std::string signed_by{};        // (initialised: {grant, grounds, date} stays complete) "Name, Title" under the letter; default: the officer's [[access.user]] full_name and title
  // Made in the appeal case after statsforvalteren reversed the decision
  // (forvaltningsloven § 28 third paragraph): final, with no appeal deadline.
  bool final_in_appeal = false;
};

struct DecisionResult {
  std::string case_number;
  DecisionOutcome outcome = DecisionOutcome::granted;
  std::string decided_on;
  std::string appeal_deadline;  // empty for a final decision (DecisionInput::final_in_appeal)
  std::string letter;
};

// Exit 64 for a refusal without grounds; exit 2 when the case is already
// decided or closed, or lacks the assessment the rammeverk requires.
DecisionResult decide_case(const Context& ctx, std::string_view case_number, const DecisionInput& in);

// Writes decision `in` of case `c` inside the caller's write, without the
// rules decide_case checks first (the appeal code checks its own): the
// letter (to the person, a verge, or the foresatte of a person under
// consent_age; signed by the officer; with the unit and its address), the
// row and the case's status, audited. When the case has a decision already
// (a reversal after `appeal_id`), the one before is kept in
// decision_history and the row becomes the new decision in force.
DecisionResult write_decision(const Context& ctx, const CaseRef& c, const DecisionInput& in,
                              std::optional<std::int64_t> appeal_id);

struct DecisionLetter {
  std::string case_number;
  DecisionOutcome outcome = DecisionOutcome::granted;
  std::string decided_on, letter;
};

// The letter of the decision in force, as it was sent (an audited read).
// Exit 1 when the case has no decision.
DecisionLetter decision_letter(const Context& ctx, std::string_view case_number);

struct PreliminaryReplyResult {
  std::string case_number;
  std::string sent_on;
  std::string expected_by;
  std::string letter;
};

// Records a foreløpig svar: why the case takes time and when a decision is
// expected (not before today), signed as decide_case signs (`signed_by`,
// else the officer's full name and title). Exit 2 when the case is already
// decided.
PreliminaryReplyResult record_preliminary_reply(const Context& ctx, std::string_view case_number, Date expected_by,
                                                const std::string& reason, const std::string& signed_by = {});

}  // namespace oppteam
