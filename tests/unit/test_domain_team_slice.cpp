// The one mapping between each status of the team slice's aggregates (team,
// consent, assessment, decision and appeal, approval) and its stored
// strings: every value has its string (the schema's CHECK lists), every
// string reads back as its value, and anything else reads as none.

#include <oppteam/domain/approval.hpp>
#include <oppteam/domain/assessment.hpp>
#include <oppteam/domain/consent.hpp>
#include <oppteam/domain/decision.hpp>
#include <oppteam/domain/team.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace oppteam;

namespace {

// Each stored string of `names`, in order, after checking the round trip of its row.
template <class Names>
std::vector<std::string> round_trip(const Names& names) {
  std::vector<std::string> out;
  for (const auto& [value, text] : names.rows) {
    CHECK(names.of(value) == text);
    REQUIRE(names.from(text).has_value());
    CHECK(*names.from(text) == value);
    out.emplace_back(text);
  }
  CHECK_FALSE(names.from("").has_value());
  CHECK_FALSE(names.from("Active").has_value());
  CHECK_FALSE(names.from("unknown").has_value());
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("team status and member kind map to the stored strings and back", "[domain][team_slice]") {
  CHECK(round_trip(kTeamStatusNames) == Strings{"active", "paused", "closed"});
  CHECK(round_trip(kMemberKindNames) == Strings{"coordinator", "gp", "member", "participant"});
  CHECK(to_stored(TeamStatus::paused) == "paused");
  CHECK(team_status_from("closed") == TeamStatus::closed);
  CHECK(member_kind_from("gp") == MemberKind::gp);
  CHECK_FALSE(member_kind_from("koordinator").has_value());
  CHECK(to_stored(TeamStatus::active) == "active");
  CHECK(to_stored(MemberKind::participant) == "participant");
}

TEST_CASE("consent form and party map to the stored strings and back", "[domain][team_slice]") {
  CHECK(round_trip(kConsentFormNames) == Strings{"muntlig", "skriftlig"});
  CHECK(round_trip(kPartyNames) == Strings{"person", "foresatt", "verge"});
  CHECK(consent_form_from("skriftlig") == ConsentForm::skriftlig);
  CHECK(party_from("verge") == Party::verge);
  CHECK_FALSE(party_from("guardian").has_value());
}

TEST_CASE("assessment recommendation maps to the stored strings and back", "[domain][team_slice]") {
  CHECK(round_trip(kRecommendationNames) == Strings{"team", "no_team"});
  CHECK(recommendation_from("no_team") == Recommendation::no_team);
  CHECK(kRecommendTeam == "team");
}

TEST_CASE("decision outcome, appeal status and appeal step map to the stored strings and back", "[domain][team_slice]") {
  CHECK(round_trip(kDecisionOutcomeNames) == Strings{"granted", "refused"});
  CHECK(round_trip(kAppealStatusNames) ==
        Strings{"received", "reversed", "upheld", "forwarded", "returned", "final_upheld", "final_reversed"});
  CHECK(round_trip(kAppealStepNames) == Strings{"review", "forward", "outcome"});
  CHECK(decision_outcome_from("refused") == DecisionOutcome::refused);
  // A step is owed while the appeal is received, upheld, forwarded or returned.
  for (const auto& [status, text] : kAppealStatusNames.rows) {
    const bool open = text == "received" || text == "upheld" || text == "forwarded" || text == "returned";
    CHECK(appeal_open(status) == open);
  }
}

TEST_CASE("an appeal step's result maps to the stored strings and back, none to the empty text", "[domain][team_slice]") {
  const Strings stored{"", "reverse", "uphold", "upheld", "reversed", "returned"};
  Strings texts;
  for (const auto& [value, text] : kAppealStepResultNames.rows) {
    CHECK(to_stored(value) == text);
    CHECK(appeal_step_result_from(text) == value);
    texts.emplace_back(text);
  }
  CHECK(texts == stored);
  CHECK(appeal_step_result_from("") == AppealStepResult::none);  // a forwarding's NULL, read as ""
  CHECK(to_stored(AppealStepResult::none).empty());
  CHECK_FALSE(appeal_step_result_from("Upheld").has_value());
  CHECK_FALSE(appeal_step_result_from("forward").has_value());
  CHECK_FALSE(appeal_step_result_from("unknown").has_value());
  // statsforvalteren's outcomes are upheld, reversed and returned; a review's are not.
  for (const auto& [result, text] : kAppealStepResultNames.rows)
    CHECK(appeal_final_outcome(result) == (text == "upheld" || text == "reversed" || text == "returned"));
}

TEST_CASE("approval what and status map to the stored strings and back", "[domain][team_slice]") {
  CHECK(round_trip(kApprovalWhatNames) == Strings{"plan", "assessment", "closing"});
  CHECK(round_trip(kApprovalStatusNames) == Strings{"pending", "approved", "rejected"});
  CHECK(approval_status_from("approved") == ApprovalStatus::approved);
  CHECK(kApprovalClosing == "closing");
}

// The constants compare at compile time too: a status is a constant expression.
static_assert(to_stored(TeamStatus::closed) == "closed");
static_assert(appeal_status_from("final_reversed") == AppealStatus::final_reversed);
static_assert(!approval_what_from("meeting").has_value());
