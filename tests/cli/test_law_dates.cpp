// Dates in order: a decision is not dated before the case's first referral
// was received nor before the assessment it rests on, a case is not reopened
// before it was closed, an appeal is not received before the decision it
// appeals, a consent is not given before the referral was received (each
// exit 65 with a key naming both dates); under [access] enforce a decision
// dated other than today needs access.other_date, as --today does; a
// foreløpig svar may not promise its decision years ahead.

#include <oppteam/i18n/dates.hpp>
#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;

namespace {

// A case received 2026-03-02, consent given 2026-03-03, assessed 2026-03-04.
std::string assessed_case(test::Fixture& f) {
  const std::string c = refer(f);
  consent(f, c, "utredning");
  auto a = assess(f, c, "Ane Lie", "sykepleier");
  INFO(a.err);
  REQUIRE(a.code == 0);
  return c;
}

// Whether the error names `date` (ISO) as messages write dates, in nb (the
// fixture's language): "2. mars 2026".
bool names(const test::Result& r, const std::string& date) {
  return r.out.find(oppteam::long_date(date, oppteam::Lang::nb)) != std::string::npos;
}

}  // namespace

TEST_CASE("a decision is not dated before the referral was received nor before its assessment", "[law][dates]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = assessed_case(f);
  auto r = f.oppteam({"--today", "2026-03-10", "--json", "decide", c, "--refuse", "--grounds", "Ikke behov", "--date", "2020-01-03"});
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "decide.before_received");
  CHECK(names(r, "2020-01-03"));
  CHECK(names(r, "2026-03-02"));
  r = f.oppteam({"--today", "2026-03-10", "--json", "decide", c, "--grant", "--date", "2026-03-03"});
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "decide.before_assessment");
  CHECK(names(r, "2026-03-03"));
  CHECK(names(r, "2026-03-04"));
  // Nothing was decided; the day of the assessment is a lawful date.
  CHECK(f.oppteam({"--json", "case", "show", c}).json()["decision"].is_null());
  r = f.oppteam({"--today", "2026-03-10", "--json", "decide", c, "--grant", "--date", "2026-03-04"});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.json()["decided_on"] == "2026-03-04");
}

TEST_CASE("case reopen is not dated before the case was closed", "[law][dates]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);
  REQUIRE(f.oppteam({"--today", "2026-09-29", "case", "close", c, "--reason", "declines"}).code == 0);
  auto r = f.oppteam({"--today", "2026-01-01", "--json", "case", "reopen", c, "--reason", "Feil"});
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "closing.reopen_before_closed");
  CHECK(names(r, "2026-01-01"));
  CHECK(names(r, "2026-09-29"));
  CHECK(f.oppteam({"--json", "case", "show", c}).json()["status"] == "closed");
  CHECK(f.oppteam({"--today", "2026-09-29", "case", "reopen", c, "--reason", "Feil"}).code == 0);
}

TEST_CASE("an appeal is not received before the decision it appeals", "[law][dates]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = granted_case(f);  // decided 2026-03-10
  auto r = f.oppteam({"--today", "2026-03-20", "--json", "appeal", "register", c, "--received", "2026-03-09", "--from", "person"});
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "appeal.date_before");
  CHECK(names(r, "2026-03-09"));
  CHECK(names(r, "2026-03-10"));
}

TEST_CASE("a consent may be given before the referral was received, as when the fastlege gets it first", "[law][dates]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);  // received 2026-03-02
  auto r = f.oppteam({"--today", "2026-03-05", "--json", "consent", "give", c, "--scope", "utredning", "--form", "muntlig",
                      "--given-by", "person", "--date", "2026-02-25"});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(f.oppteam({"--json", "consent", "list", c}).json()["consents"].size() == 1);
}

TEST_CASE("under enforcement a decision dated other than today needs access.other_date, and a referral is never received in the future",
          "[law][dates][access]") {
  test::Fixture f(paths_test::enforced(paths_test::rammeverk(),
                                       {{"kari", {"saksbehandler"}}, {"trener", {"saksbehandler", "datoer"}}},
                                       {{"datoer", {"access.other_date"}}}));
  auto as = [&](const std::string& user, std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    return paths_test::as(f, user, args);
  };
  // Real dates: today and the days before it.
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  auto iso = [](std::chrono::sys_days d) {
    const std::chrono::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return std::string(buf);
  };
  const std::string t0 = iso(today), before = iso(today - std::chrono::days(7)), after = iso(today + std::chrono::days(1));

  // A letter that came last week is received last week; tomorrow is refused.
  auto r = as("kari", {"refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege", "--received", after, "--need", "x"});
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "refer.received_in_future");
  r = as("kari", {"refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege", "--received", before, "--need", "x"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string c = r.json()["case"].get<std::string>();
  REQUIRE(as("kari", {"consent", "give", c, "--scope", "utredning", "--form", "muntlig", "--given-by", "person"}).code == 0);
  REQUIRE(as("kari", cat({"assess", c, "--instrument", "kjennetegn"},
                         cat(kjennetegn_answers(), {"--assessor", "Ane Lie", "--profession", "sykepleier"}))).code == 0);

  // The decision's date sets the appeal deadline: another date than today is refused, audited.
  r = as("kari", {"decide", c, "--grant", "--date", before});
  CHECK(r.code == 77);
  CHECK(test::error_key(r) == "access.other_date");
  r = as("kari", {"decide", c, "--grant", "--date", t0});  // today, spelt out, is today
  INFO(r.err);
  CHECK(r.code == 0);

  // A user who holds access.other_date may date a decision (here: on a second case).
  r = as("trener", {"refer", "add", "--fnr", "04875110077", "--reporter-type", "sykehus", "--received", before, "--need", "x"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string c2 = r.json()["case"].get<std::string>();
  REQUIRE(as("trener", {"consent", "give", c2, "--scope", "utredning", "--form", "muntlig", "--given-by", "person", "--date",
                        before}).code == 0);
  REQUIRE(as("trener", {"--today", before, "assess", c2, "--instrument", "kjennetegn", "--answer", "flere_diagnoser=ja",
                        "--answer", "funksjonsfall=2", "--answer", "psykisk_helse=nei", "--answer", "rus=nei", "--answer",
                        "sosiale_forhold=ja", "--answer", "mange_tjenester=ja", "--answer", "innleggelser=nei", "--answer",
                        "parorende_belastning=nei", "--assessor", "Ane Lie", "--profession", "sykepleier"}).code == 0);
  r = as("trener", {"decide", c2, "--grant", "--date", before});
  INFO(r.err);
  CHECK(r.code == 0);
}
TEST_CASE("a foreløpig svar may not promise its decision before its own date nor more than 6 months after the referral",
          "[law][dates]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);  // received 2026-03-02
  auto prelim = [&](const std::string& expected) {
    return f.oppteam({"--today", "2026-03-30", "--json", "decide", c, "--preliminary-reply", "--expected-by", expected, "--reason",
                      "Venter på opplysninger"});
  };
  auto r = prelim("2026-03-29");
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "prelim.expected_past");
  r = prelim("2036-01-01");
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "prelim.expected_too_late");
  CHECK(names(r, "2036-01-01"));
  CHECK(names(r, "2026-08-31"));  // 2026-03-02 + 182 days, the last date allowed
  CHECK(prelim("2026-09-01").code == 65);
  r = prelim("2026-08-31");
  INFO(r.err);
  CHECK(r.code == 0);
  // The decision stays reminded on the promised date, not years ahead.
  CHECK(paths_test::reminder_kinds(f, c, "2026-08-30").empty());
  CHECK(paths_test::reminder_kinds(f, c, "2026-08-31") == std::vector<std::string>{"decision"});
}

TEST_CASE("a case older than expected_by_within may still be sent a foreløpig svar, bounded from the reply's own date",
          "[law][dates]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);  // received 2026-03-02; 182 days later is 2026-08-31
  auto prelim = [&](const std::string& expected) {
    return f.oppteam({"--today", "2026-10-01", "--json", "decide", c, "--preliminary-reply", "--expected-by", expected, "--reason",
                      "Venter på opplysninger"});
  };
  auto r = prelim("2027-04-02");  // 2026-10-01 + 183 days
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "prelim.expected_too_late");
  CHECK(names(r, "2026-10-01"));
  r = prelim("2026-11-01");
  INFO(r.err);
  CHECK(r.code == 0);
}
