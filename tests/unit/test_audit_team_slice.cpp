// The audit details of the team slice (consent, assessment, decision,
// appeal, approval, closing, team review) are written through audit_detail
// and stored byte for byte as they were written before (a sealed row is
// never rewritten), and read back as the same message key and arguments.

#include "unit/audit_details.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

// Each detail as the old code formatted it (before audit_detail), beside its form.
const std::vector<unit::StoredDetail> kCases = {
    {"consent.give", "audit.d.consent", {"team", "skriftlig", "foresatt"}, std::string("team") + " " + "skriftlig" + " by " + "foresatt"},
    {"consent.decline", "audit.d.decline", {"utredning", "muntlig", "person"}, "utredning muntlig by person"},
    {"consent.withdraw", "audit.d.withdraw", {"deling:nav", "12"}, std::string("deling:nav") + " consent " + std::to_string(12)},
    {"consent.list", "audit.d.consents", {"3"}, std::to_string(3) + " consents"},
    {"assess", "audit.d.assess", {"7", "ipos", "2", "Kari", "sykepleier"}, "assessment 7 instrument ipos v2 by Kari (sykepleier)"},
    {"assess", "audit.d.assess_partial", {"8", "ipos", "1", "Ola", "lege"}, "assessment 8 instrument ipos v1 by Ola (lege), partial"},
    {"decide.grant", "audit.d.appeal_deadline", {"2026-05-01"}, "appeal deadline 2026-05-01"},
    {"decide.refuse", "audit.d.appeal_deadline_after_appeal", {"2026-06-01", "4"},
     "appeal deadline " + std::string("2026-06-01") + " (after appeal " + std::to_string(4) + ")"},
    {"decide.letter.show", "audit.d.letter_read", {}, "letter read"},
    {"decide.preliminary_reply", "audit.d.expected_by", {"2026-05-15"}, "expected by 2026-05-15"},
    {"appeal.register", "audit.d.appeal_registered", {"2", "verge", "2026-04-02"}, "appeal 2 from verge received 2026-04-02"},
    {"appeal.register", "audit.d.appeal_registered_late", {"3", "person", "2026-06-02"},
     "appeal 3 from person received 2026-06-02 (late)"},
    {"appeal.review", "audit.d.appeal_reversed", {"2"}, "appeal 2 reversed"},
    {"appeal.review", "audit.d.appeal_upheld", {"2"}, "appeal 2 upheld"},
    {"appeal.forward", "audit.d.appeal_forwarded", {"2", "2026-04-20"}, "appeal 2 to statsforvalteren 2026-04-20"},
    {"appeal.outcome", "audit.d.appeal_final_upheld", {"2", "2026-05-20"}, "appeal 2 upheld 2026-05-20"},
    {"appeal.outcome", "audit.d.appeal_final_reversed", {"2", "2026-05-20"}, "appeal 2 reversed 2026-05-20"},
    {"appeal.outcome", "audit.d.appeal_returned", {"2", "2026-05-20"}, "appeal 2 returned 2026-05-20"},
    {"approval.approve", "audit.d.approval", {"plan", "3"}, "plan 3"},
    {"approval.reject", "audit.d.approval", {"closing", "11"}, "closing 11"},
    {"case.close", "audit.d.closed_at_stage", {"moved", "granted"}, std::string("moved") + " at stage " + "granted"},
    {"case.reopen", "audit.d.reopened_to", {"active"}, "to active"},
    {"team.review", "audit.d.review_answers", {"5"}, "5 answers"},
};

}  // namespace

TEST_CASE("team slice audit details are stored byte for byte as before", "[audit][team_slice]") {
  for (const auto& c : kCases) unit::check_written_as_stored(c);
}

TEST_CASE("team slice audit details read back as their key and arguments", "[audit][team_slice]") {
  for (const auto& c : kCases) unit::check_reads_back(c);
}
