#pragma once
// Vedtak: a case is granted or refused once, and (when the rammeverk's
// rules.assessment_before_decision is true) only after at least one
// assessment. A refusal needs grounds. The decision letter, in the
// rammeverk's language, states the outcome, the grounds and the right to
// appeal: to statsforvalteren through the municipality (pasient- og
// brukerrettighetsloven § 7-2) within the rammeverk's appeal deadline
// (§ 7-5). A foreløpig svar (forvaltningsloven § 11a) may be recorded
// while the case waits for its decision.

#include <oppteam/process/context.hpp>

#include <optional>
#include <string>

namespace oppteam {

struct DecisionInput {
  bool grant = false;
  std::string grounds;            // required for a refusal
  std::optional<Date> decided_on; // default today
};

struct DecisionResult {
  std::string case_number;
  std::string outcome;  // granted | refused
  std::string decided_on;
  std::string appeal_deadline;
  std::string letter;
};

// Exit 64 for a refusal without grounds; exit 2 when the case is already
// decided or closed, or lacks the assessment the rammeverk requires.
DecisionResult decide_case(const Context& ctx, std::string_view case_number, const DecisionInput& in);

struct PreliminaryReplyResult {
  std::string case_number;
  std::string sent_on;
  std::string expected_by;
  std::string letter;
};

// Records a foreløpig svar: why the case takes time and when a decision is
// expected (not before today). Exit 2 when the case is already decided.
PreliminaryReplyResult record_preliminary_reply(const Context& ctx, std::string_view case_number, Date expected_by,
                                                const std::string& reason);

}  // namespace oppteam
