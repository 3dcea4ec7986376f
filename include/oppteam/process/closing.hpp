#pragma once
// A case can end at any stage (issue 14): `case close` with a reason of the
// rammeverk's [[closing_reason]] list, and `case reopen` within
// deadlines.reopen_within_days. Closing ends everything the case still
// owes: an open team and plan are closed with it (what they were is kept,
// so a reopening puts back exactly that), and `remind` has nothing more
// for it. An appeal still owed is not ended by a closing: the case is not
// closed until it is done (require_no_appeal_owed, process/appeal.hpp). Every closing is kept with its stage (the case's status when it
// was closed), for `case show` and the report.

#include <oppteam/domain/case.hpp>
#include <oppteam/process/context.hpp>
#include <oppteam/process/referral.hpp>

#include <string>

namespace oppteam {

struct CloseInput {
  std::string reason;           // an id (or label) of the rammeverk's closing reasons
  std::string note;             // free text, optional
  std::string to_municipality;  // required for a reason with needs_municipality, refused otherwise
  bool transfer = false;        // set by case transfer only: to_municipality is where the case was sent
};

struct CaseClosed {
  std::string case_number;
  std::string reason;  // the id
  CaseStatus stage = CaseStatus::received;  // the case's status when closed: received | granted | refused | active
  std::string closed_on;
  bool team_closed = false;
  bool plan_closed = false;
  bool pending_approval = false;  // [approvals] closing: waits for approve --what closing
};

// Closes the case. Exit 65 for a reason the rammeverk does not know (naming
// the valid ones), 64 when --to-municipality is missing for a move or given
// for another reason, 2 when the case is closed already or owes a step of
// an appeal.
CaseClosed close_case(const Context& ctx, std::string_view case_number, const CloseInput& in);

struct CaseReopened {
  std::string case_number;
  CaseStatus status = CaseStatus::received;  // the status the case had when it was closed (and has again)
  bool team_reopened = false;
  bool team_paused = false;  // the team was active, but has no valid team consent now: it comes back paused
  bool plan_reopened = false;
};

// Reopens the case closed by its last `case close`, with `reason` (required,
// 64 when empty). Exit 2 when the case is not closed, was closed otherwise
// (by an evaluation or with its team), the period has passed, or the person
// has another open case (a referral since opened one).
CaseReopened reopen_case(const Context& ctx, std::string_view case_number, const std::string& reason);

// The GP's screening path: a referral of a person who has said no to
// follow-up (`form`: muntlig | skriftlig). In one transaction: the referral
// (a new case; exit 2 when the person has an open case, where the no is
// recorded with consent decline), the no to utredning, and the closing with
// the reason "declines". A re-send (same sender and external id) is a no-op.
ReferralResult add_declined_referral(const Context& ctx, const ReferralInput& in, const std::string& form);

// The ids of the rammeverk's closing reasons, comma-separated (for messages).
std::string closing_reason_list(const Rammeverk& rv);

}  // namespace oppteam
