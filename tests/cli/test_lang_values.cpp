// Option values in the user's words (issue 17, point 2): every value from a
// closed set takes its id or its label in nb or nn, in any case; a miss is
// one exit code (64, a usage error) with "Mente du ...?" and the valid values.
// Personal numbers are synthetic (month + 80).

#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;

namespace {

test::Result run(test::Fixture& f, const std::string& today, std::vector<std::string> args) {
  args.insert(args.begin(), {"--today", today});
  return f.oppteam(args);
}

}  // namespace

TEST_CASE("closed-set option values take the id or the nb or nn label, and JSON keeps the id", "[lang][choices]") {
  test::Fixture f;
  const std::string received = refer(f, robust::synthetic_fnr(7));
  const std::string c = granted_case(f);

  // case list --status: "mottatt" (nb), "Innvilga" (nn, capital), "AVSLÅTT" without its å.
  auto by_id = run(f, "2026-03-12", {"--json", "case", "list", "--status", "received"});
  REQUIRE(by_id.code == 0);
  auto by_nb = run(f, "2026-03-12", {"--json", "case", "list", "--status", "mottatt"});
  INFO(by_nb.err);
  REQUIRE(by_nb.code == 0);
  CHECK(case_numbers(by_nb) == case_numbers(by_id));
  CHECK(case_numbers(by_nb) == std::vector<std::string>{received});
  auto by_nn = run(f, "2026-03-12", {"--json", "case", "list", "--status", "Innvilga"});
  INFO(by_nn.err);
  REQUIRE(by_nn.code == 0);
  CHECK(case_numbers(by_nn) == std::vector<std::string>{c});
  auto folded = run(f, "2026-03-12", {"--json", "case", "list", "--status", "AVSLATT"});
  CHECK(folded.code == 0);

  // plan status ... ferdig, plan goal-status ... "delvis nådd", evaluate --decision fortsett.
  auto team = f.oppteam(core_team(c));
  INFO(team.out << team.err);
  REQUIRE(team.code == 0);
  REQUIRE(run(f, "2026-03-12", {"plan", "goal", c, "--text", "Bo trygt heime"}).code == 0);
  REQUIRE(run(f, "2026-03-12", {"plan", "measure", c, "--goal", "1", "--text", "Ukentlig besøk", "--responsible", "Siri Moe",
                                "--due", "2026-04-01"}).code == 0);
  auto done = run(f, "2026-03-13", {"plan", "status", c, "--measure", "1", "ferdig"});
  INFO(done.out << done.err);
  CHECK(done.code == 0);
  auto partly = run(f, "2026-03-13", {"plan", "goal-status", c, "1", "delvis nådd"});
  INFO(partly.out << partly.err);
  CHECK(partly.code == 0);
  const auto plan = run(f, "2026-03-13", {"--json", "plan", "show", c}).json();
  CHECK(plan["goals"][0]["status"] == "partly");
  CHECK(plan["measures"][0]["status"] == "done");

  REQUIRE(run(f, "2026-03-13", {"plan", "participated", c, "--how", "Planmøte heime"}).code == 0);
  auto eval = run(f, "2026-03-20", {"--json", "evaluate", c, "--goal", "1=1", "--experienced-quality", "4", "--indicator",
                                    "Besøk på legevakt=2", "--decision", "fortsett"});
  INFO(eval.out << eval.err);
  REQUIRE(eval.code == 0);
  const auto ej = eval.json();
  CHECK(ej.dump().find("\"continue\"") != std::string::npos);
  CHECK(ej.dump().find("legevaktbesok") != std::string::npos);
}

TEST_CASE("a value not in its set is one error with the nearest value and the valid ones: 64 for a fixed set, 65 for the rammeverk's", "[lang][choices]") {
  test::Fixture f;
  const std::string c = granted_case(f);

  auto status = run(f, "2026-03-12", {"case", "list", "--status", "motatt"});
  CHECK(status.code == 64);
  CHECK(status.err.find("Mente du «mottatt»?") != std::string::npos);
  CHECK(status.err.find("Gyldige verdier: mottatt, innvilget, avslått, aktiv, avsluttet") != std::string::npos);
  CHECK(status.err.find("received") == std::string::npos);  // no English ids in Norwegian text

  auto nn = run(f, "2026-03-12", {"--lang", "nn", "evaluate", c, "--decision", "halde framm"});
  CHECK(nn.code == 64);
  CHECK(nn.err.find("Meinte du «halde fram»?") != std::string::npos);

  // The same mistake with every kind of value: 64 for a fixed set of the
  // CLI, 65 for a list of the rammeverk (SPEC.md, additions of 2026-11-29).
  const std::vector<std::pair<std::vector<std::string>, int>> misses = {
      {{"refer", "add", "--fnr", kFnr, "--reporter-type", "fastlegen2", "--need", "x"}, 65},
      {{"assess", c, "--instrument", "kjenetegn2"}, 65},
      {{"team", "coordinator", c, "Ane Lie", "--role", "sjef"}, 65},
      {{"evaluate", c, "--indicator", "ukjent=1"}, 65},
      {{"plan", "status", c, "--measure", "1", "halvferdig"}, 64},
      {{"case", "close", c, "--reason", "kjedelig"}, 65},
      {{"meeting", "next", c, "--date", "2026-04-01", "--kind", "fest"}, 65},
      {{"consent", "give", c, "--scope", "alt", "--form", "muntlig", "--given-by", "person"}, 64},
      {{"case", "list", "--reporter-type", "ingen"}, 65},
  };
  for (const auto& [args, code] : misses) {
    auto r = run(f, "2026-03-12", cat({"--json"}, args));
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.code == code);
    CHECK(test::error_key(r).rfind("choice.unknown", 0) == 0);  // choice.unknown or choice.unknown_guess
  }
}

TEST_CASE("a rule refusal names the command that satisfies the rule", "[lang][rules]") {
  test::Fixture f;
  const std::string c = refer(f);
  // No consent for utredning yet: assess is refused and names consent give.
  auto assess_first = run(f, "2026-03-03", cat({"assess", c, "--instrument", "kjennetegn", "--assessor", "Ane Lie", "--profession",
                                                "sykepleier"},
                                               kjennetegn_answers()));
  CHECK(assess_first.code == 2);
  CHECK(assess_first.err.find(
"oppteam consent give " + c + " --scope utredning") != std::string::npos);
  // No decision yet: team create is refused and names decide --grant.
  consent(f, c, "utredning");
  consent(f, c, "team");
  auto team_first = f.oppteam(core_team(c));
  CHECK(team_first.code == 2);
  CHECK(team_first.err.find("oppteam decide " + c + " --grant") != std::string::npos);
  // In Nynorsk too, and in the JSON error's details.
  auto nn = run(f, "2026-03-11", {"--lang", "nn", "--json", "team", "create", c, "--coordinator", "Ane Lie"});
  CHECK(nn.code == 2);
  CHECK(nn.err.find("Gjer vedtaket først: oppteam decide " + c + " --grant") != std::string::npos);
  CHECK(nn.json()["error"]["details"].dump().find("oppteam decide") != std::string::npos);
}
