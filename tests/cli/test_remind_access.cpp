// Trial s12 #5: under [access], a koordinator got either no reminders (the
// built-in role had no remind) or, given plain remind, every team's cases,
// including cases `case show` refused them; coordinated:remind was accepted
// by config check and did nothing. remind now keeps a coordinated: or
// owned: grant to the cases it covers.

#include "cli/access_helpers.hpp"
#include "cli/test_intake_helpers.hpp"
#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace team_test;

namespace {

// The case numbers of `remind --json` as `user` (the run must succeed).
std::set<std::string> reminded_cases(const test::Fixture& f, const std::string& user, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"--json", "remind", "--within", "400"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = access_test::as(f, user, args);
  INFO(user << ": " << r.out << r.err);
  REQUIRE(r.code == 0);
  const auto j = r.json();
  std::set<std::string> out;
  for (const auto& item : j["items"]) out.insert(item["case"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("remind under [access]: a koordinator sees the cases of the teams they coordinate, and no other", "[access][remind][s12]") {
  // The fixture's user sets the cases up (on dates of 2026); the login running
  // the tests acts as each user (on the real date: the cases are overdue by then).
  const std::string me = "saksbehandler1";
  test::Fixture f(access_test::enforced(paths_test::rammeverk(),  // (nothing stale: the cases are months old by the real date)

      {{me, {"saksbehandler", "dater"}}, {"Ane Lie", {"koordinator"}}, {"Bo Ek", {"koordinator"}}, {"Eva Eier", {"eier"}},
       {"Per Plain", {"plain"}}},
      {{"dater", {"access.other_date"}}, {"eier", {"owned:remind", "owned:case.read"}}, {"plain", {"case.read"}}}));
  const std::string a = team_case(f);  // Ane Lie coordinates
  const std::string b = granted_case(f, intake_test::synthetic_fnr(2, 2, 1960));
  ok(f, {"--today", "2026-03-11", "team", "create", b, "--coordinator", "Bo Ek", "--gp", "Dr. Berg", "--member",
         "Siri Moe:hjemmesykepleie:hjemmetjenesten"});
  const std::string c = granted_case(f, intake_test::synthetic_fnr(3, 3, 1970));  // no team: owed to whoever owns it
  ok(f, {"case", "assign", c, "--to", "Eva Eier"});

  CHECK(reminded_cases(f, me) == std::set<std::string>{a, b, c});
  CHECK(reminded_cases(f, "Ane Lie") == std::set<std::string>{a});
  CHECK(reminded_cases(f, "Bo Ek") == std::set<std::string>{b});
  CHECK(reminded_cases(f, "Eva Eier") == std::set<std::string>{c});
  // --by-person and --for keep to the same cases.
  auto by = access_test::as(f, "Ane Lie", {"--json", "remind", "--within", "400", "--by-person"});
  INFO(by.out << by.err);
  REQUIRE(by.code == 0);
  const auto people = by.json();
  CHECK_FALSE(people["people"].empty());
  for (const auto& p : people["people"])
    for (const auto& item : p["items"]) CHECK(item["case"] == a);
  CHECK(reminded_cases(f, "Ane Lie", {"--for", "Bo Ek"}).empty());
  // The query itself names every case: only for whoever may remind everywhere.
  auto sql = access_test::as(f, "Ane Lie", {"--json", "remind", "--print-sql"});
  CHECK(sql.code == 77);
  CHECK(test::error_key(sql) == "access.refused");
  // No remind at all: 77 as before.
  auto none = access_test::as(f, "Per Plain", {"--json", "remind"});
  CHECK(none.code == 77);
}
