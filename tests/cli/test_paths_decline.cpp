// Issue 14, point 2: the person's own no (consent decline), distinct from a
// consent never asked for, and a referral registered as declined at intake
// (the GP's screening path).

#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;
using paths_test::reminder_kinds;

TEST_CASE("consent decline records the person's no, and remind asks to close instead of for a vedtak", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);
  CHECK(reminder_kinds(f, c, "2026-05-10") == std::vector<std::string>{"preliminary_reply", "decision"});

  CHECK(f.oppteam({"--today", "2026-03-05", "consent", "decline", c, "--scope", "utredning", "--form", "brev"}).code == 64);
  CHECK(f.oppteam({"--today", "2026-03-05", "consent", "decline", c, "--scope", "alt", "--form", "muntlig"}).code == 64);
  auto r = f.oppteam({"--today", "2026-03-05", "--json", "consent", "decline", c, "--scope", "utredning", "--form", "muntlig",
                      "--note", "Sa nei i telefonen"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["declined_on"] == "2026-03-05");
  CHECK(r.json()["recorded_by"] == "saksbehandler1");

  // No vedtak is asked for a person who said no; closing the case is.
  CHECK(reminder_kinds(f, c, "2026-05-10") == std::vector<std::string>{"declined"});

  auto list = f.oppteam({"--today", "2026-03-05", "--json", "consent", "list", c});
  REQUIRE(list.code == 0);
  const auto lj = list.json();
  CHECK(lj["consents"].empty());  // a no is not a consent
  REQUIRE(lj["declines"].size() == 1);
  test::check_fields(lj["declines"][0],
                     {{"scope", "utredning"}, {"form", "muntlig"}, {"declined_by", "person"}, {"note", "Sa nei i telefonen"}});

  auto show = f.oppteam({"--today", "2026-03-05", "--json", "case", "show", c});
  REQUIRE(show.json()["declines"].size() == 1);
  auto text = f.oppteam({"--today", "2026-03-05", "case", "show", c});
  CHECK(text.out.find("Sa nei") != std::string::npos);

  // A consent given later outweighs the no: the decline reminder goes.
  consent(f, c, "utredning", "2026-03-06");
  CHECK(reminder_kinds(f, c, "2026-05-10") == std::vector<std::string>{"preliminary_reply", "decision"});
  // A no to a scope with a consent in force is a withdrawal, not a decline.
  CHECK(f.oppteam({"--today", "2026-03-07", "consent", "decline", c, "--scope", "utredning", "--form", "muntlig"}).code == 2);

  auto close = f.oppteam({"--today", "2026-03-08", "case", "close", c, "--reason", "declines"});
  CHECK(close.code == 0);
  CHECK(reminder_kinds(f, c, "2026-05-10").empty());
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("refer add --declined registers the GP's screening: a closed case with the person's no", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  auto r = f.oppteam({"--today", "2026-03-02", "--json", "refer", "add", "--fnr", kFnr, "--name", "Per Hansen", "--reporter-type",
                      "fastlege", "--reporter-name", "Dr. Berg", "--received", "2026-03-02", "--need", "Screening", "--declined",
                      "muntlig"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = r.json();
  const std::string c = j["case"].get<std::string>();
  CHECK(j["status"] == "closed");
  CHECK(reminder_kinds(f, c, "2026-06-01").empty());
  auto show = f.oppteam({"--json", "case", "show", c});
  const auto sj = show.json();
  CHECK(sj["close_reason"] == "declines");
  REQUIRE(sj["declines"].size() == 1);
  CHECK(sj["declines"][0]["scope"] == "utredning");
  CHECK(f.oppteam({"--today", "2026-03-02", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege", "--received",
                   "2026-03-02", "--need", "x", "--declined", "brev"}).code == 64);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}
