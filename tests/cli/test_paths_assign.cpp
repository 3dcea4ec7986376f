// Issue 14, point 3: an owner for every case. case assign, case list
// --mine | --owner | --unassigned, reminders without a coordinator go to
// the owner, and under enforce the "owned:" prefix limits a role to the
// cases its user owns.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"


using namespace team_test;

TEST_CASE("case assign gives a case an owner, remind names the owner until a coordinator takes over", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c1 = refer(f);
  const std::string c2 = refer(f, robust::synthetic_fnr(7));
  auto r = f.oppteam({"--today", "2026-03-03", "--json", "case", "assign", c1, "--to", "kari"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["owner"] == "kari");
  CHECK(f.oppteam({"--today", "2026-03-03", "case", "assign", c1, "--to", "bad\x1bname"}).code == 65);
  CHECK(f.oppteam({"--today", "2026-03-03", "case", "assign", "2026/99", "--to", "kari"}).code == 1);

  auto rem = f.oppteam({"--today", "2026-05-10", "--json", "remind"});
  REQUIRE(rem.code == 0);
  const auto items = rem.json()["items"];
  int seen = 0;
  for (const auto& item : items) {
    if (item["case"] == c1) {
      CHECK(item["responsible"] == "kari");
      ++seen;
    }
    if (item["case"] == c2) CHECK(item["responsible"] != "kari");
  }
  CHECK(seen == 2);

  CHECK(case_numbers(f.oppteam({"--json", "case", "list", "--owner", "kari"})) == std::vector<std::string>{c1});
  CHECK(case_numbers(f.oppteam({"--json", "case", "list", "--unassigned"})) == std::vector<std::string>{c2});
  CHECK(case_numbers(test::run({"--db", f.db(), "--as", "kari", "--json", "case", "list", "--mine"}, "", {{"HOME", f.dir.path()}})) ==
        std::vector<std::string>{c1});
  CHECK(f.oppteam({"case", "list", "--mine", "--unassigned"}).code == 64);

  // Reassigned: the history is kept and shown.
  REQUIRE(f.oppteam({"--today", "2026-03-04", "case", "assign", c1, "--to", "ola"}).code == 0);
  auto show = f.oppteam({"--json", "case", "show", c1});
  const auto j = show.json();
  CHECK(j["owner"] == "ola");
  REQUIRE(j["owners"].size() == 2);
  CHECK(j["owners"][0]["owner"] == "kari");
  CHECK(j["owners"][1]["assigned_by"] == "saksbehandler1");
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("under enforce, owned: limits a saksbehandler to the cases they own", "[paths]") {
  test::Fixture f(paths_test::enforced(test::read_file(test::source_path("examples/rammeverk.toml")),
                                       {{"leder1", {"saksbehandler"}}, {"kari", {"egne"}}},
                                       {{"egne", {"owned:case.*", "owned:consent.*"}}}));
  const auto as = [&](const std::string& user, const std::vector<std::string>& args) { return paths_test::as(f, user, args); };
  auto r1 = as("leder1", {"--json", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege", "--need", "x"});
  INFO(r1.err);
  REQUIRE(r1.code == 0);
  const std::string c1 = r1.json()["case"].get<std::string>();
  auto r2 = as("leder1", {"--json", "refer", "add", "--fnr", robust::synthetic_fnr(3), "--reporter-type", "fastlege", "--need", "x"});
  REQUIRE(r2.code == 0);
  const std::string c2 = r2.json()["case"].get<std::string>();
  REQUIRE(as("leder1", {"case", "assign", c1, "--to", "kari"}).code == 0);

  CHECK(as("kari", {"case", "show", c1}).code == 0);
  CHECK(as("kari", {"case", "show", c2}).code == 77);
  CHECK(as("kari", {"consent", "decline", c1, "--scope", "utredning", "--form", "muntlig"}).code == 0);
  CHECK(as("kari", {"consent", "decline", c2, "--scope", "utredning", "--form", "muntlig"}).code == 77);
  CHECK(as("kari", {"case", "close", c1, "--reason", "declines"}).code == 0);
  // Owning a case does not let kari give it away.
  CHECK(as("kari", {"case", "assign", c2, "--to", "kari"}).code == 77);
}
