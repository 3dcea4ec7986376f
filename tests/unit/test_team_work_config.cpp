// The rammeverk keys and built-in permissions of the team at work (issue 15):
// [escalation], [approvals], [[meeting_kind]], [[team_review.item]],
// [[contact]], the new [deadlines] keys, and who may hold meetings, write
// the log, review the team and approve.

#include "unit/access_toml.hpp"
#include "unit/errors.hpp"

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

TEST_CASE("the team-at-work keys have the issue's defaults and are read from a file", "[config][team]") {
  const Rammeverk d = default_rammeverk();
  CHECK(d.deadlines.meeting_notice == 7);
  CHECK(d.deadlines.minutes_after == 7);
  CHECK(d.deadlines.team_review_interval == 180);
  CHECK(d.escalation.after_days == 14);
  CHECK(d.escalation.stale_days == 60);
  CHECK_FALSE(d.approvals.plan);
  CHECK_FALSE(d.approvals.assessment);
  REQUIRE(d.meeting_kinds.size() == 4);
  CHECK(d.find_meeting_kind("ansvarsgruppemote"));
  CHECK(d.find_meeting_kind("evalueringsmote"));
  REQUIRE(d.team_review_items.size() == 5);
  CHECK_FALSE(d.team_review_items[0].scale);
  REQUIRE(d.team_review_items[3].scale);
  CHECK(*d.team_review_items[3].scale == std::pair<int, int>{1, 5});

  const Rammeverk rv = load_rammeverk(R"toml(
[deadlines]
meeting_notice = 3
[escalation]
after_days = 5
[approvals]
plan = true
[[meeting_kind]]
id = "kaffemote"
label = "Kaffemøte"
[team_review]
  [[team_review.item]]
  id = "trivsel"
  text = "Trivsel"
  scale = [0, 10]
[[contact]]
name = "koordinerende enhet"
email = "ke@kommune.example"
[[access.user]]
name = "Lise"
roles = ["leder"]
)toml", "r.toml");
  CHECK(rv.deadlines.meeting_notice == 3);
  CHECK(rv.deadlines.minutes_after == 7);
  CHECK(rv.escalation.after_days == 5);
  CHECK(rv.approvals.plan);
  REQUIRE(rv.meeting_kinds.size() == 1);
  CHECK(rv.meeting_kinds[0].label == "Kaffemøte");
  REQUIRE(rv.team_review_items.size() == 1);
  CHECK(rv.find_contact("koordinerende enhet")->email == "ke@kommune.example");
  CHECK(leaders(rv) == std::vector<std::string>{"Lise"});
  CHECK(show_rammeverk(rv).find("[escalation]") != std::string::npos);
  CHECK(show_rammeverk(rv).find("kaffemote") != std::string::npos);
  // What config show prints is itself a valid rammeverk.
  CHECK_NOTHROW(load_rammeverk(show_rammeverk(rv), "shown.toml"));
}

TEST_CASE("bad team-at-work keys are config errors naming the key", "[config][team]") {
  for (const char* text : {"[escalation]\nafter = 3\n", "[approvals]\nclosure = true\n", "[plan_document]\nlog = 1\n", "[[meeting_kind]]\nid = \"x\"\n",
                           "[[contact]]\nname = \"x\"\nemail = \"-oQ/tmp/x@evil\"\n", "[[contact]]\nname = \"x\"\nemail = \"a b@c\"\n",
                           "[team_review]\n  [[team_review.item]]\n  id = \"x\"\n  text = \"X\"\n  scale = [5, 1]\n",
                           "[deadlines]\nmeeting_notice = -1\n"}) {
    INFO(text);
    CHECK(unit::code_of([&] { load_rammeverk(text, "r.toml"); }) == ExitCode::config);
  }
}

TEST_CASE("meetings, the log and reviews are case work, approving is a leader's", "[access][team]") {
  const Rammeverk rv = unit::enforced_access({{"siri", {"saksbehandler"}}, {"Ane Lie", {"koordinator"}}, {"leif", {"leder"}}});
  for (const char* p : {"meeting.write", "log.write", "team.review"}) {
    CHECK(permitted(rv, "siri", p));
    CHECK(grant_of(rv, "Ane Lie", p) == Grant::coordinated);
    CHECK_FALSE(permitted(rv, "leif", p));
  }
  unit::check_permitted(rv, {{"leif", "approve", true}, {"leif", "remind", true}, {"siri", "approve", false}});
  CHECK(grant_of(rv, "Ane Lie", "approve") == Grant::none);
}
