#pragma once
// Klage (issue 14, point 3): an appeal against the decision in force is
// registered with the date it was received and who appeals; it is flagged
// late when received after the decision's appeal deadline (the rammeverk's
// [deadlines] appeal, counted from the letter's date) and is registered all
// the same (a late appeal may still be considered, forvaltningsloven § 31).
// The municipality reviews it (§ 33): reversing makes a new decision and
// letter through the decision code (the one before is kept in
// decision_history); upholding owes a forwarding to statsforvalteren, and
// statsforvalteren's outcome is recorded at last (upheld, reversed, or
// returned for a new review). Each step is kept (appeal_step) and audited;
// the step still owed is a reminder (remind), its due date from
// process/deadlines.

#include <oppteam/domain/decision.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

struct AppealInput {
  Date received;
  std::string from;  // person | foresatt | verge
  std::string name;  // who appeals; optional for the person
};

// Registers an appeal against the case's decision in force. Exit 64 for a
// bad --from, or a foresatt or verge without --name; 65 for a date after
// today or before the decision; 2 when the case has no decision, is
// closed, has an open appeal already, or statsforvalteren has decided an
// appeal in it (upheld or reversed: that decision is final, forvaltningsloven
// § 28 third paragraph).
Appeal register_appeal(const Context& ctx, std::string_view case_number, const AppealInput& in);

struct AppealReviewed {
  Appeal appeal;
  std::optional<DecisionOutcome> new_outcome;  // when reversed: the new decision's outcome
  std::string letter;       // when reversed: the new decision's letter
};

// The municipality's review of the open appeal (received or returned):
// `reverse` makes a new decision (the other outcome) with `grounds` and its
// letter; otherwise the decision is upheld and a forwarding is owed. Exit
// 64 without grounds; 2 when no appeal awaits a review, or (reverse) the
// case has a team (close the team first). A new letter is signed with
// `signed_by`, else the officer's full name and title.
AppealReviewed review_appeal(const Context& ctx, std::string_view case_number, bool reverse, const std::string& grounds,
                             const std::string& signed_by = {});

// Records that the upheld appeal went to statsforvalteren on `on`. Exit 2
// when no upheld appeal awaits forwarding; 65 for a date after today or
// before the review.
Appeal forward_appeal(const Context& ctx, std::string_view case_number, Date on);

// statsforvalteren's outcome (upheld | reversed | returned) of the
// forwarded appeal, received on `on`. Reversed makes a new decision (the
// other outcome) and letter as a review does, but final: made in the appeal
// case, it has no appeal deadline and its letter offers no appeal
// (forvaltningsloven § 28 third paragraph); returned owes a new review.
// Exit 64 for a bad outcome; 2 when no appeal is forwarded; 65 for a date
// after today or before the forwarding.
AppealReviewed appeal_outcome(const Context& ctx, std::string_view case_number, AppealStepResult outcome, Date on);

// A case is not closed while it owes a step of an appeal: the municipality
// must treat every appeal (forvaltningsloven § 33), and a closed case would
// hide it. Exit 2 naming the appeal (its received date) and the step that
// ends it: the review (received or returned), the forwarding (upheld), or
// statsforvalteren's outcome (forwarded). Called by every closing of a case
// (case close and transfer, evaluate --decision close, team close
// --close-case) in its transaction, before it changes anything.
void require_no_appeal_owed(const Context& ctx, const CaseRef& c);

// The appeals of a case, oldest first, with their steps and the owed
// step's due date (no audit: for views that audit).
std::vector<Appeal> read_appeals(const Context& ctx, std::int64_t case_id);

nlohmann::json to_json(const Appeal& a);

}  // namespace oppteam
