// Issue 14, "Done when": one scenario walks the paths a case takes off the
// happy one (declined at intake, declined after assessment, withdrawn by
// the reporter, moved, died, appealed and reversed, appealed and forwarded
// and upheld, reassigned, corrected, a target group changed, a goal
// dropped); after each step `remind --json` shows exactly what is still
// owed (nothing for a closed case) and `audit verify` passes.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

#include <set>

using namespace team_test;

namespace {

using Owed = std::set<std::pair<std::string, std::string>>;  // (kind, responsible)

struct Scenario {
  test::Fixture f{paths_test::rammeverk()};

  test::Result run(const std::string& today, std::vector<std::string> args) {
    std::vector<std::string> all{"--today", today};
    all.insert(all.end(), args.begin(), args.end());
    auto r = f.oppteam(all);
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    return r;
  }

  std::string refer(const std::string& today, const std::string& fnr, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--json", "refer", "add", "--fnr", fnr, "--reporter-type", "fastlege", "--received", today,
                                  "--need", "Trenger koordinering"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(today, args).json()["case"].get<std::string>();
  }

  // What remind --within 0 --json owes for case c on `today`, and the audit log still verifies.
  Owed owed(const std::string& c, const std::string& today) {
    auto r = f.oppteam({"--today", today, "--json", "remind"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto j = r.json();
    Owed out;
    for (const auto& item : j["items"])
      if (item["case"] == c) out.insert({item["kind"].get<std::string>(), item["responsible"].get<std::string>()});
    auto v = f.oppteam({"--json", "audit", "verify"});
    INFO(v.out);
    CHECK(v.code == 0);
    return out;
  }
};

const std::string kUnit = "koordinerende enhet";

}  // namespace

TEST_CASE("scenario: every path a case takes, with what remind owes after each step", "[paths][scenario]") {
  Scenario sc;

  // 1. Declined at intake: the GP's screening, a closed case, nothing owed.
  const std::string intake = sc.refer("2026-01-05", robust::synthetic_fnr(1), {"--declined", "muntlig"});
  CHECK(sc.owed(intake, "2026-04-01").empty());

  // 2. Declined after assessment: the person says no to a team; remind asks
  // to close the case; closed, nothing is owed.
  const std::string assessed = sc.refer("2026-01-05", robust::synthetic_fnr(2));
  sc.run("2026-01-06", {"case", "assign", assessed, "--to", "kari"});
  sc.run("2026-01-06", {"consent", "give", assessed, "--scope", "utredning", "--form", "muntlig", "--given-by", "person"});
  sc.run("2026-01-08", cat({"assess", assessed, "--instrument", "kjennetegn", "--target-group", "kronisk_syke"},
                           cat(kjennetegn_answers(), {"--assessor", "Ane Lie", "--profession", "sykepleier"})));
  CHECK(sc.owed(assessed, "2026-03-10") == Owed{{"preliminary_reply", "kari"}, {"decision", "kari"}});
  sc.run("2026-03-10", {"consent", "decline", assessed, "--scope", "team", "--form", "skriftlig", "--note", "Vil klare seg selv"});
  CHECK(sc.owed(assessed, "2026-03-10") == Owed{{"preliminary_reply", "kari"}, {"decision", "kari"}, {"declined", "kari"}});
  sc.run("2026-03-11", {"case", "close", assessed, "--reason", "declines"});
  CHECK(sc.owed(assessed, "2026-06-01").empty());

  // 3. Withdrawn by the reporter before anything else happened.
  const std::string withdrawn = sc.refer("2026-01-05", robust::synthetic_fnr(3));
  CHECK(sc.owed(withdrawn, "2026-03-10") == Owed{{"preliminary_reply", kUnit}, {"decision", kUnit}});
  sc.run("2026-03-10", {"case", "close", withdrawn, "--reason", "withdrawn", "--note", "Fastlegen trakk meldingen"});
  CHECK(sc.owed(withdrawn, "2026-06-01").empty());

  // 4. Reassigned, with a team, then moved: the team and plan close with the case.
  const std::string moved = sc.refer("2026-01-05", robust::synthetic_fnr(4));
  sc.run("2026-01-06", {"case", "assign", moved, "--to", "kari"});
  sc.run("2026-01-06", {"case", "assign", moved, "--to", "ola"});
  CHECK(sc.owed(moved, "2026-03-10") == Owed{{"preliminary_reply", "ola"}, {"decision", "ola"}});
  sc.run("2026-01-06", {"consent", "give", moved, "--scope", "utredning", "--form", "muntlig", "--given-by", "person"});
  sc.run("2026-01-06", {"consent", "give", moved, "--scope", "team", "--form", "muntlig", "--given-by", "person"});
  sc.run("2026-01-08", cat({"assess", moved, "--instrument", "kjennetegn"},
                           cat(kjennetegn_answers(), {"--assessor", "Ane Lie", "--profession", "sykepleier"})));
  sc.run("2026-01-10", {"decide", moved, "--grant", "--target-group", "skrope_eldre"});
  CHECK(sc.owed(moved, "2026-01-30") == Owed{{"no_team", "ola"}});
  sc.run("2026-01-30", {"team", "create", moved, "--coordinator", "Ane Lie", "--member", "Siri Moe:hjemmesykepleie:hjemmetjenesten"});
  sc.run("2026-02-01", {"plan", "goal", moved, "--text", "Bo trygt heime"});
  sc.run("2026-02-01", {"plan", "goal", moved, "--text", "Komme seg ut"});
  sc.run("2026-02-01", {"plan", "measure", moved, "--goal", "1", "--text", "Ukentlig besøk", "--responsible", "Siri Moe", "--due",
                        "2026-02-20"});
  sc.run("2026-02-10", {"plan", "goal-status", moved, "2", "dropped", "--note", "Ikke viktig nå"});
  CHECK(sc.owed(moved, "2026-02-21") == Owed{{"measure", "Ane Lie"}});
  // Corrected: a misspelled name and a measure's due date; the reminder follows the new date.
  sc.run("2026-02-21", {"person", "correct", robust::synthetic_fnr(4), "--name", "Kari Nordmann", "--reason", "Feilstavet"});
  sc.run("2026-02-21", {"plan", "correct", moved, "--measure", "1", "--due", "2026-03-01", "--reason", "Ny avtale"});
  CHECK(sc.owed(moved, "2026-02-21").empty());
  CHECK(sc.owed(moved, "2026-03-01") == Owed{{"measure", "Ane Lie"}});
  sc.run("2026-02-21", {"case", "target-group", moved, "kronisk_syke"});
  sc.run("2026-02-21", {"case", "close", moved, "--reason", "moved", "--to-municipality", "Bergen"});
  CHECK(sc.owed(moved, "2026-02-21").empty());
  CHECK(sc.owed(moved, "2027-02-21").empty());

  // 5. Died: a granted case waiting for its team.
  const std::string died = sc.refer("2026-01-05", robust::synthetic_fnr(5));
  sc.run("2026-01-06", {"consent", "give", died, "--scope", "utredning", "--form", "muntlig", "--given-by", "person"});
  sc.run("2026-01-08", cat({"assess", died, "--instrument", "kjennetegn"},
                           cat(kjennetegn_answers(), {"--assessor", "Ane Lie", "--profession", "sykepleier"})));
  sc.run("2026-01-10", {"decide", died, "--grant"});
  CHECK(sc.owed(died, "2026-02-01") == Owed{{"no_team", kUnit}});
  sc.run("2026-02-01", {"case", "close", died, "--reason", "died"});
  CHECK(sc.owed(died, "2026-06-01").empty());

  // 6. Appealed and reversed: a refusal, the person's appeal, the municipality reverses it.
  auto refused = [&](int n) {
    const std::string c = sc.refer("2026-01-05", robust::synthetic_fnr(n));
    sc.run("2026-01-06", {"consent", "give", c, "--scope", "utredning", "--form", "muntlig", "--given-by", "person"});
    sc.run("2026-01-08", cat({"assess", c, "--instrument", "kjennetegn"},
                             cat(kjennetegn_answers(), {"--assessor", "Ane Lie", "--profession", "sykepleier"})));
    sc.run("2026-01-10", {"decide", c, "--refuse", "--grounds", "Behovet dekkes av hjemmetjenesten"});
    return c;
  };
  const std::string reversed = refused(6);
  CHECK(sc.owed(reversed, "2026-02-01").empty());
  sc.run("2026-02-01", {"appeal", "register", reversed, "--received", "2026-02-01", "--from", "person"});
  CHECK(sc.owed(reversed, "2026-02-22") == Owed{{"appeal_review", kUnit}});
  sc.run("2026-02-10", {"appeal", "review", reversed, "--reverse", "--grounds", "Ny legeerklæring viser behov"});
  CHECK(sc.owed(reversed, "2026-02-24") == Owed{{"no_team", kUnit}});

  // 7. Appealed late by the verge, upheld, forwarded to statsforvalteren, upheld there.
  const std::string upheld = refused(7);
  sc.run("2026-02-15", {"appeal", "register", upheld, "--received", "2026-02-15", "--from", "verge", "--name", "Ola Verge"});
  sc.run("2026-02-20", {"appeal", "review", upheld, "--uphold", "--grounds", "Ingen nye opplysninger"});
  CHECK(sc.owed(upheld, "2026-02-27") == Owed{{"appeal_forward", kUnit}});
  sc.run("2026-02-25", {"appeal", "forward", upheld});
  CHECK(sc.owed(upheld, "2026-02-27").empty());
  CHECK(sc.owed(upheld, "2026-05-26") == Owed{{"appeal_outcome", kUnit}});
  sc.run("2026-05-02", {"appeal", "outcome", upheld, "--upheld", "--date", "2026-05-01"});
  CHECK(sc.owed(upheld, "2027-01-01").empty());
  const auto appealed = sc.f.oppteam({"--json", "case", "show", upheld}).json();
  CHECK(appealed["appeals"][0]["late"] == true);
  CHECK(appealed["appeals"][0]["status"] == "final_upheld");

  // The case show of the moved case tells its whole path.
  const auto show = sc.f.oppteam({"--json", "case", "show", moved}).json();
  CHECK(show["owner"] == "ola");
  CHECK(show["owners"].size() == 2);
  CHECK(show["target_group"] == "kronisk_syke");
  CHECK(show["target_groups"].size() == 2);
  CHECK(show["closings"][0]["to_municipality"] == "Bergen");
  CHECK(show["closings"][0]["stage"] == "active");
  CHECK(show["team"]["status"] == "closed");
  CHECK(show["plan"]["goals"][1]["status"] == "dropped");
  CHECK(show["person"]["name"] == "Kari Nordmann");
  CHECK(show["corrections"].size() == 2);

  // The report counts the closings by reason and stage.
  auto rep = sc.f.oppteam({"--today", "2026-06-01", "--json", "report", "--from", "2026-01-01", "--to", "2026-06-01"});
  INFO(rep.err);
  REQUIRE(rep.code == 0);
  const auto tables = rep.json()["tables"];
  CHECK(tables["closings_by_reason"]["total"] == 5);
  CHECK(tables["closings_by_stage"]["total"] == 5);
}
