// Dates in order after the fact: a correction or a withdrawal may not put a
// case's dates out of order. A referral's received date is not moved past
// the case's decision (the decision would then come before any referral),
// and a consent is not withdrawn on a day before it was given. Each is exit
// 65 with a key naming both dates, and nothing is changed.

#include <oppteam/i18n/dates.hpp>
#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;

namespace {

// Whether the error names `date` (ISO) as messages write dates in nb.
bool names(const test::Result& r, const std::string& date) {
  return r.out.find(oppteam::long_date(date, oppteam::Lang::nb)) != std::string::npos;
}

test::Result correct_received(test::Fixture& f, const std::string& c, const std::string& referral, const std::string& day) {
  return f.oppteam({"--today", "2026-04-01", "--json", "refer", "correct", c, referral, "--received", day, "--reason", "Feil dato"});
}

std::string received_of(test::Fixture& f, const std::string& c) {
  return f.oppteam({"--json", "case", "show", c}).json()["referrals"][0]["received"].get<std::string>();
}

}  // namespace

TEST_CASE("refer correct does not move the first referral past the case's decision", "[dates][correct]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = granted_case(f);  // received 2026-03-02, decided 2026-03-10
  auto r = correct_received(f, c, "1", "2026-03-11");
  INFO(r.out << r.err);
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "correct.received_after_decision");
  CHECK(names(r, "2026-03-11"));
  CHECK(names(r, "2026-03-10"));
  CHECK(received_of(f, c) == "2026-03-02");
  // The day of the decision itself, or earlier, is a lawful correction.
  r = correct_received(f, c, "1", "2026-03-10");
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  CHECK(received_of(f, c) == "2026-03-10");
}

TEST_CASE("a later referral to a decided case may be corrected to any day after the decision", "[dates][correct]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = granted_case(f);
  auto more = f.oppteam({"--today", "2026-03-20", "--json", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege",
                         "--received", "2026-03-20", "--need", "Ny henvisning"});
  INFO(more.out << more.err);
  REQUIRE(more.code == 0);
  REQUIRE(more.json()["case"] == c);
  const std::string second = std::to_string(more.json()["referral"].get<long>());
  auto r = correct_received(f, c, second, "2026-03-25");
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  // The first referral still opens the case before its decision: moving it
  // past the decision is refused even though another referral is earlier
  // than the one it would become.
  r = correct_received(f, c, "1", "2026-03-30");
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "correct.received_after_decision");
}

TEST_CASE("consent withdraw is not dated before the consent was given", "[dates][consent]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);
  consent(f, c, "utredning", "2026-03-05");
  auto r = f.oppteam({"--today", "2026-03-20", "--json", "consent", "withdraw", c, "--scope", "utredning", "--reason", "Vil ikke",
                      "--date", "2026-03-04"});
  INFO(r.out << r.err);
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "consent.withdraw_before_given");
  CHECK(names(r, "2026-03-04"));
  CHECK(names(r, "2026-03-05"));
  auto list = f.oppteam({"--json", "consent", "list", c});
  REQUIRE(list.code == 0);
  CHECK(list.json()["consents"][0]["withdrawn_on"].is_null());
  // On the day it was given, it may be withdrawn.
  r = f.oppteam({"--today", "2026-03-20", "--json", "consent", "withdraw", c, "--scope", "utredning", "--reason", "Vil ikke",
                 "--date", "2026-03-05"});
  INFO(r.out << r.err);
  CHECK(r.code == 0);
}
