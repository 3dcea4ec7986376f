// A year of the team at work (issue 15), played with --today through the
// real binary: two meetings with agreed actions (one becomes a measure),
// log entries, a team review, an escalation to the leader, a stale case and
// plan approvals. At each step `remind --json --for NAME` is checked for
// every person: each sees exactly the work that is theirs.

#include "cli/harness.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace team_test;

namespace {

const std::vector<std::string> kPeople{"Ane Lie", "Siri Moe", "Ola Dahl", "Kari Hansen", "Lise Leder"};

std::string rammeverk() {
  std::string text = test::read_file(test::source_path("examples/rammeverk.toml"));
  auto replace = [&](const std::string& from, const std::string& to) {
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
  };
  replace("[approvals]\nplan = false", "[approvals]\nplan = true");
  // Evaluations are issue 5's scenario: none falls due in this year.
  replace("evaluation_interval = 90", "evaluation_interval = 400");
  return text + "\n[[access.user]]\nname = \"Lise Leder\"\nroles = [\"leder\"]\n";
}

struct Year {
  test::Fixture f{rammeverk()};
  std::string c;

  test::Result run(const std::string& user, const std::string& day, std::vector<std::string> args, const std::string& input = "") {
    std::vector<std::string> all{"--db", f.db(), "--as", user, "--today", day};
    all.insert(all.end(), args.begin(), args.end());
    return test::run(all, input, {{"HOME", f.dir.path()}});
  }
  void ok(const std::string& user, const std::string& day, std::vector<std::string> args, const std::string& input = "") {
    auto r = run(user, day, args, input);
    INFO(day << " " << user << ": " << r.out << r.err);
    REQUIRE(r.code == 0);
  }
  // remind --json --for each person: their kinds ("!" marks an escalated item).
  void expect(const std::string& day, std::map<std::string, std::multiset<std::string>> want) {
    for (const auto& who : kPeople) {
      auto r = run("cron", day, {"--json", "remind", "--for", who});
      INFO(day << " " << who << ": " << r.out << r.err);
      REQUIRE(r.code == 0);
      const auto doc = r.json();
      std::multiset<std::string> got;
      for (const auto& i : doc["items"]) {
        CHECK(i["case"] == c);
        got.insert(i["kind"].get<std::string>() + (i["escalated"] == true ? "!" : ""));
      }
      CHECK(got == want[who]);
    }
  }
};

}  // namespace

TEST_CASE("scenario: a year of the team at work, with remind for each person at each step", "[team][scenario][long]") {
  Year y;
  y.c = granted_case(y.f);  // referred 2026-03-02, granted 2026-03-10 (assessed by saksbehandler1)
  y.ok("Ane Lie", "2026-03-11",
       {"team", "create", y.c, "--coordinator", "Ane Lie", "--gp", "Dr. Berg", "--member",
        "Ane Lie:koordinator:helse:email=ane.lie@kommune.example", "--member",
        "Ola Dahl:nav_veileder:nav:email=ola.dahl@nav.example", "--member",
        "Siri Moe:hjemmesykepleie:hjemmetjenesten:email=siri.moe@kommune.example:phone=+47 900 00 001", "--participant",
        "Kari Hansen:parorende:email=kari@example.org"});
  y.expect("2026-03-11", {});

  // The plan: every revision waits for the leader.
  y.ok("Ane Lie", "2026-03-12", {"plan", "goal", y.c, "--text", "Bo trygt heime"});
  y.expect("2026-03-12", {{"Lise Leder", {"approval"}}});
  y.ok("Lise Leder", "2026-03-13", {"approve", y.c, "--what", "plan"});
  y.expect("2026-03-13", {});

  // First meeting: three actions, one of them a plan measure.
  y.ok("Ane Lie", "2026-03-20",
       {"meeting", "add", y.c, "--kind", "ansvarsgruppemote", "--date", "2026-03-20", "--place", "Rådhuset", "--participant",
        "Per Hansen:bruker", "--participant", "Kari Hansen:parorende", "--person-present", "--minutes", "-"},
       "Per vil bo heime. Avtalt: TT-kort, nøkkelboks, ukentlig besøk.\n");
  y.ok("Ane Lie", "2026-03-20",
       {"meeting", "action", y.c, "1", "--text", "Søke om TT-kort", "--responsible", "Ola Dahl", "--due", "2026-04-15"});
  y.ok("Ane Lie", "2026-03-20",
       {"meeting", "action", y.c, "1", "--text", "Skaffe nøkkelboks", "--responsible", "Kari Hansen", "--due", "2026-04-20"});
  y.ok("Ane Lie", "2026-03-20",
       {"meeting", "action", y.c, "1", "--text", "Ukentlig besøk", "--responsible", "Siri Moe", "--due", "2026-04-10", "--measure",
        "1"});
  y.ok("Ane Lie", "2026-03-20", {"meeting", "next", y.c, "--date", "2026-05-20", "--kind", "planmote"});
  y.expect("2026-03-20", {{"Lise Leder", {"approval"}}});  // the measure is a plan revision
  y.ok("Lise Leder", "2026-03-21", {"approve", y.c, "--what", "plan"});
  y.ok("Ane Lie", "2026-03-25", {"log", "add", y.c, "--text", "Ringte NAV om TT-kort"});
  y.expect("2026-04-09", {});

  // The measure falls due: to Siri Moe, and to the coordinator who oversees it.
  y.expect("2026-04-10", {{"Siri Moe", {"measure"}}, {"Ane Lie", {"measure"}}});
  y.ok("Siri Moe", "2026-04-10", {"plan", "status", y.c, "--measure", "1", "done"});
  y.expect("2026-04-10", {{"Lise Leder", {"approval"}}});
  y.ok("Lise Leder", "2026-04-11", {"approve", y.c, "--what", "plan"});

  // The actions fall due; Kari Hansen does hers, Ola Dahl forgets his.
  y.expect("2026-04-15", {{"Ola Dahl", {"action"}}, {"Ane Lie", {"action"}}});
  y.ok("Ane Lie", "2026-04-19", {"meeting", "done", y.c, "2"});
  y.expect("2026-04-20", {{"Ola Dahl", {"action"}}, {"Ane Lie", {"action"}}});
  // Fourteen days overdue: not yet escalated; fifteen: the leader sees it too.
  y.expect("2026-04-29", {{"Ola Dahl", {"action"}}, {"Ane Lie", {"action"}}});
  y.expect("2026-04-30", {{"Ola Dahl", {"action!"}}, {"Ane Lie", {"action!"}}, {"Lise Leder", {"action!"}}});
  y.ok("Ane Lie", "2026-05-01", {"log", "add", y.c, "--text", "Purret på Ola om TT-kort"});
  y.ok("Ola Dahl", "2026-05-02", {"meeting", "done", y.c, "1"});
  y.expect("2026-05-02", {});

  // The planned meeting: reminded a week before, held, then its minutes are missing.
  y.expect("2026-05-12", {});
  y.expect("2026-05-13", {{"Ane Lie", {"meeting"}}});
  y.ok("Ane Lie", "2026-05-20", {"meeting", "add", y.c, "--kind", "planmote", "--date", "2026-05-20", "--participant",
                                 "Kari Hansen:parorende"});
  y.expect("2026-05-26", {});
  y.expect("2026-05-27", {{"Ane Lie", {"minutes"}}});
  y.ok("Ane Lie", "2026-05-28", {"meeting", "minutes", y.c, "2", "--minutes", "-"}, "Planen gjennomgått.\n");
  y.expect("2026-05-28", {});

  // A quiet summer, with the coordinator's notes in the log (no stale case).
  y.ok("Ane Lie", "2026-07-01", {"log", "add", y.c, "--text", "Per på ferie hos datteren"});
  y.ok("Siri Moe", "2026-08-25", {"log", "add", y.c, "--text", "Besøk: Per er tilbake og har det bra"});
  y.expect("2026-08-26", {});

  // The team reviews itself 180 days after it was made.
  y.expect("2026-09-06", {});
  y.expect("2026-09-07", {{"Ane Lie", {"team_review"}}});
  y.ok("Ane Lie", "2026-09-08",
       {"team", "review", y.c, "--answer", "roller_avklart=ja", "--answer", "medlemmer_informert=ja", "--answer",
        "koordinator_tid_myndighet=nei", "--answer", "brukers_opplevelse=4", "--answer", "parorendes_opplevelse=5"});
  y.expect("2026-09-08", {});

  // Second meeting: an action to Siri Moe.
  y.ok("Ane Lie", "2026-09-15", {"meeting", "add", y.c, "--kind", "evalueringsmote", "--date", "2026-09-15", "--minutes", "-"},
       "Evaluert: trygt heime.\n");
  y.ok("Ane Lie", "2026-09-15",
       {"meeting", "action", y.c, "3", "--text", "Bestille trygghetsalarm", "--responsible", "Siri Moe", "--due", "2026-10-01"});
  y.expect("2026-10-01", {{"Siri Moe", {"action"}}, {"Ane Lie", {"action"}}});
  y.ok("Siri Moe", "2026-10-02", {"meeting", "done", y.c, "4"});
  y.expect("2026-10-02", {});

  // Nothing happens for sixty days: a stale case, escalated fifteen days later.
  y.expect("2026-11-30", {});
  y.expect("2026-12-01", {{"Ane Lie", {"stale_case"}}});
  y.expect("2026-12-16", {{"Ane Lie", {"stale_case!"}}, {"Lise Leder", {"stale_case!"}}});
  y.ok("Ane Lie", "2026-12-17", {"log", "add", y.c, "--text", "Hjemmebesøk, alt vel"});
  y.expect("2026-12-17", {});
  y.expect("2027-02-14", {});
  y.expect("2027-02-15", {{"Ane Lie", {"stale_case"}}});

  // The year in the case: the log newest first, both meetings, the review, the approvals.
  auto show = y.run("Ane Lie", "2027-02-15", {"--json", "case", "show", y.c});
  REQUIRE(show.code == 0);
  const auto doc = show.json();
  REQUIRE(doc["log"].size() == 5);
  CHECK(doc["log"][0]["text"] == "Hjemmebesøk, alt vel");
  auto meetings = y.run("Ane Lie", "2027-02-15", {"--json", "meeting", "list", y.c});
  REQUIRE(meetings.code == 0);
  CHECK(meetings.json()["meetings"].size() == 3);
  std::size_t approved = 0;
  for (const auto& a : doc["approvals"]) approved += a["status"] == "approved" ? 1 : 0;
  CHECK(approved == 3);
}
