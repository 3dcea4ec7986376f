// report, person export, case export --fhir and purge through the real
// binary, on cases made with the real intake commands.

#include "cli/harness.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <ctime>

#include <fmt/format.h>

#include <sys/stat.h>

namespace {

// A synthetic fødselsnummer (month + 80) born on day `day` of month 1 of 19YY,
// individual number from `ind` upwards, with its two mod-11 control digits.
std::string synthetic_fnr(int day, int yy, int ind) {
  static const int w1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static const int w2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  for (;; ++ind) {
    std::string n = fmt::format("{:02}{:02}{:02}{:03}", day, 81, yy, ind);
    int s = 0;
    for (int i = 0; i < 9; ++i) s += (n[i] - '0') * w1[i];
    int k1 = (11 - s % 11) % 11;
    if (k1 == 10) continue;
    n += char('0' + k1);
    s = 0;
    for (int i = 0; i < 10; ++i) s += (n[i] - '0') * w2[i];
    int k2 = (11 - s % 11) % 11;
    if (k2 == 10) continue;
    return n + char('0' + k2);
  }
}

// Refers `n` people reported by `type`, received on `day`; returns their numbers.
std::vector<std::string> refer(test::Fixture& f, int n, const std::string& type, const std::string& day, int first) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    const auto fnr = synthetic_fnr(1 + (first + i) % 28, 40 + (first + i) / 28, 100);
    auto r = f.oppteam({"--today", day, "refer", "add", "--fnr", fnr, "--reporter-type", type, "--received", day, "--need", "Trenger koordinering"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    out.push_back(fnr);
  }
  return out;
}

// A municipality with three reporter types: fastlege, sykehus and nav.
std::string three_reporter_types() {
  return test::municipality_toml("Rapport kommune") + R"toml(
[[reporter_type]]
id = "fastlege"
label = "Fastlege"

[[reporter_type]]
id = "sykehus"
label = "Sykehus"

[[reporter_type]]
id = "nav"
label = "NAV"
)toml";
}

// The real date ten years back, plus one day (ISO): just inside the
// example's retention period, whenever the test runs.
std::string ten_years_ago_plus_a_day() {
  const std::time_t now = std::time(nullptr) + 24 * 3600;
  std::tm tm = *std::gmtime(&now);
  tm.tm_year -= 10;
  char buf[16];
  std::strftime(buf, sizeof buf, "%F", &tm);
  return buf;
}

}  // namespace

TEST_CASE("report through the CLI: counts, primary and secondary suppression, audited once", "[report]") {
  // Three reporter types, so that nav is the one small count among them.
  test::Fixture f(three_reporter_types());
  refer(f, 7, "fastlege", "2026-02-10", 0);
  refer(f, 6, "sykehus", "2026-05-10", 7);
  refer(f, 2, "nav", "2026-02-11", 13);

  auto r = f.oppteam({"--today", "2026-06-30", "--json", "report", "--from", "2026-01-01", "--to", "2026-06-30"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto j = r.json();
  CHECK(j["min_count"] == 5);
  CHECK(j["periods"] == nlohmann::json::array({"all"}));
  const auto& rows = j["tables"]["referrals_by_reporter_type"]["rows"];
  std::map<std::string, nlohmann::json> total;
  for (const auto& row : rows) total[row["id"]] = row["total"];
  CHECK(total["fastlege"] == 7);
  CHECK(total["nav"] == "<5");
  // 15 in all: with the total shown, nav = 15 - 7 - 6 could be worked out, so
  // the smallest other count is hidden too (shown as "x", not as "<5")
  CHECK(total["sykehus"] == "x");
  CHECK(total.size() == 3);  // every reporter type of the rammeverk, no other
  const auto& grand = j["tables"]["referrals_by_reporter_type"]["total"];
  CHECK(grand == 15);
  int hidden = 0;
  for (const auto& [k, v] : total) hidden += v.is_string();
  hidden += grand.is_string();
  CHECK(hidden >= 2);
  CHECK(j["tables"]["cases_by_status"]["rows"][0]["id"] == "received");
  CHECK(j["tables"]["decisions"]["rows"][0]["total"] == "<5");
  CHECK(j["lead_times"]["referral_to_decision"]["suppressed"] == true);

  // by month: one column per month
  r = f.oppteam({"--today", "2026-06-30", "--json", "report", "--from", "2026-01-01", "--to", "2026-06-30", "--by", "month"});
  REQUIRE(r.code == 0);
  j = r.json();
  CHECK(j["periods"].size() == 6);
  // In May only sykehus counted (6): shown beside the May total, it would
  // tell that fastlege and nav had 0 that month. In every month whose total
  // is shown, the hidden cells must hold something.
  const auto& by_type = j["tables"]["referrals_by_reporter_type"];
  int checked = 0;
  for (const auto& p : j["periods"]) {
    const auto& total = by_type["totals"][p.get<std::string>()];
    if (!total.is_number()) continue;
    std::int64_t shown = 0;
    bool hidden = false;
    for (const auto& row : by_type["rows"]) {
      const auto& n = row["counts"][p.get<std::string>()];
      if (n.is_number()) shown += n.get<std::int64_t>();
      else hidden = true;
    }
    INFO(p);
    if (hidden) {
      CHECK(shown < total.get<std::int64_t>());
      ++checked;
    }
  }
  CHECK(checked > 0);  // the months with both a shown total and hidden cells (February)
  CHECK(j["tables"]["referrals_by_reporter_type"]["total"] == 15);

  // CSV and text
  r = f.oppteam({"--today", "2026-06-30", "report", "--from", "2026-01-01", "--csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("section,row,period,value\n", 0) == 0);
  CHECK(r.out.find("referrals_by_reporter_type,fastlege,all,7\n") != std::string::npos);
  CHECK(r.out.find("referrals_by_reporter_type,nav,all,<5\n") != std::string::npos);
  r = f.oppteam({"--today", "2026-06-30", "--lang", "en", "report"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Referrals by reporter type") != std::string::npos);
  CHECK(r.out.find("<5") != std::string::npos);

  // audited as one entry each, with no person
  r = f.oppteam({"--json", "audit", "log"});
  REQUIRE(r.code == 0);
  const auto log = r.json();
  int reports = 0;
  for (const auto& e : log["entries"])
    if (e["action"] == "report") {
      ++reports;
      CHECK(e["person"] == "");
    }
  CHECK(reports == 4);
}

TEST_CASE("report: bad options are usage errors, a bad date is bad data", "[report]") {
  test::Fixture f;
  CHECK(f.oppteam({"report", "--by", "week"}).code == 64);
  CHECK(f.oppteam({"--json", "report", "--csv"}).code == 64);
  // A period that ends before it begins is bad data (65), as for plan set (session 12).
  CHECK(f.oppteam({"report", "--from", "2026-05-01", "--to", "2026-04-01"}).code == 65);
  CHECK(f.oppteam({"report", "--from", "2026-13-01"}).code == 65);
  // Trial s12 #15: --by month over 0001-9999 wrote 82 MB (120,000 columns). At most 240 periods
  // (20 years of months, 60 of quarters); the whole span in one column is fine.
  auto wide = f.oppteam({"--json", "report", "--from", "0001-01-01", "--to", "9999-12-31", "--by", "month"});
  CHECK(wide.code == 64);
  CHECK(test::error_key(wide) == "report.too_many_periods");
  CHECK(f.oppteam({"--json", "report", "--from", "2000-01-01", "--to", "2059-12-31", "--by", "quarter"}).code == 0);
  CHECK(f.oppteam({"--json", "report", "--from", "2000-01-01", "--to", "2060-01-01", "--by", "quarter"}).code == 64);
  CHECK(f.oppteam({"--json", "report", "--from", "0001-01-01", "--to", "9999-12-31"}).code == 0);
  auto r = f.oppteam({"report", "--help"});
  CHECK(r.code == 0);
  CHECK((r.out.find("Eksempel:") != std::string::npos || r.out.find("Eksempler:") != std::string::npos));  // the help is in the rammeverk's language
}

TEST_CASE("person export through the CLI: the cases, the log, and the export audited", "[report]") {
  test::Fixture f;
  auto fnr = refer(f, 1, "fastlege", "2026-03-02", 0).front();
  REQUIRE(f.oppteam({"case", "show", "2026/1"}).code == 0);
  auto r = f.oppteam({"--json", "person", "export", fnr});
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto j = r.json();
  CHECK(j["person"]["fnr"] == fnr);
  REQUIRE(j["cases"].size() == 1);
  CHECK(j["cases"][0]["case"]["number"] == "2026/1");
  CHECK(j["cases"][0]["referrals"][0]["need"] == "Trenger koordinering");
  bool shown = false;
  for (const auto& e : j["audit"]) shown |= e["actor"] == "saksbehandler1" && e["action"] != "refer.add";
  CHECK(shown);

  r = f.oppteam({"person", "export", fnr});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Innsyn") != std::string::npos);
  CHECK(r.out.find("skrev ut innsyn") != std::string::npos);  // the first export shows in the second, in words

  CHECK(f.oppteam({"person", "export", synthetic_fnr(5, 50, 100)}).code == 1);
  r = f.oppteam({"person", "export", "12345678901"});
  CHECK(r.code == 65);
}

TEST_CASE("case export --fhir through the CLI: a Bundle on stdout or a private file", "[report]") {
  test::Fixture f;
  auto fnr = refer(f, 1, "fastlege", "2026-03-02", 0).front();
  auto r = f.oppteam({"case", "export", "2026/1", "--fhir"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto b = r.json();
  CHECK(b["resourceType"] == "Bundle");
  CHECK(b["entry"][0]["resource"]["resourceType"] == "Patient");
  CHECK(b["entry"][0]["resource"]["identifier"][0]["system"] == "urn:oppteam:identifier:synthetic-personal-number");
  CHECK(b["entry"][0]["resource"]["identifier"][0]["value"] == fnr);
  CHECK(b["entry"][1]["resource"]["resourceType"] == "ServiceRequest");
  CHECK(b["entry"][1]["resource"]["subject"]["reference"] == b["entry"][0]["fullUrl"]);

  const auto file = f.dir.file("sak.json");
  r = f.oppteam({"--json", "case", "export", "2026/1", "--fhir", "--out", file});
  REQUIRE(r.code == 0);
  CHECK(r.json()["entries"] == 3);  // Patient, ServiceRequest, the municipality (Organization)
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(nlohmann::json::parse(test::read_file(file)) == b);

  CHECK(f.oppteam({"case", "export", "2026/1"}).code == 64);
  CHECK(f.oppteam({"case", "export", "2026/9", "--fhir"}).code == 1);
  CHECK(f.oppteam({"case", "export", "nonsense", "--fhir"}).code == 65);
}

TEST_CASE("purge through the CLI: retention period, dry run, audit chain still verifies", "[report]") {
  // the example rammeverk keeps closed cases for 10 years
  test::Fixture f;
  refer(f, 2, "fastlege", "2026-03-02", 0);
  auto r = f.oppteam({"--json", "--today", "2026-06-01", "purge", "--closed-before", "2026-01-01"});
  CHECK(r.code == 2);
  CHECK(test::error_key(r) == "purge.retention");
  CHECK(r.err.find("10") != std::string::npos);  // names the retention period
  CHECK(f.oppteam({"purge"}).code == 64);
  CHECK(f.oppteam({"--today", "2040-01-01", "purge", "--closed-before", "2026-02-30"}).code == 65);

  // Retention counts from the real date; a date moved forward does not open it early.
  CHECK(f.oppteam({"--today", "2040-01-01", "purge", "--closed-before", "2030-01-01"}).code == 2);
  r = f.oppteam({"--json", "purge", "--closed-before", "2016-01-01", "--dry-run"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["cases"].empty());  // nothing is closed
  r = f.oppteam({"--json", "purge", "--closed-before", "2016-01-01"});
  REQUIRE(r.code == 0);
  CHECK(r.json()["deleted"] == 0);
  r = f.oppteam({"--json", "audit", "verify"});
  CHECK(r.code == 0);
  CHECK(r.json()["ok"] == true);
}

TEST_CASE("purge through the CLI removes a case closed by evaluate, and its person, the log stays", "[report]") {
  test::Fixture f;
  const auto closed = refer(f, 1, "fastlege", "2015-02-01", 0).front();
  const auto open = refer(f, 1, "sykehus", "2015-02-01", 1).front();
  auto ok = [&](std::vector<std::string> args) {
    auto r = f.oppteam(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
  };
  ok({"--today", "2015-02-03", "consent", "give", "2015/1", "--scope", "utredning", "--form", "skriftlig", "--given-by", "person"});
  ok({"--today", "2015-02-03", "consent", "give", "2015/1", "--scope", "team", "--form", "skriftlig", "--given-by", "person"});
  ok({"--today", "2015-02-10", "assess", "2015/1", "--instrument", "kjennetegn", "--answer", "flere_diagnoser=1", "--answer",
      "funksjonsfall=3", "--answer", "psykisk_helse=1", "--answer", "rus=1", "--allow-partial", "--assessor", "Ane Lie",
      "--profession", "sykepleier"});
  ok({"--today", "2015-02-20", "decide", "2015/1", "--grant"});
  ok({"--today", "2015-02-25", "team", "create", "2015/1", "--coordinator", "Ane Lie", "--gp", "Dr. Berg"});
  ok({"--today", "2015-03-01", "plan", "goal", "2015/1", "--text", "Klare meg selv"});
  ok({"--today", "2015-03-01", "plan", "participated", "2015/1", "--how", "Planmøte"});
  ok({"--today", "2015-12-10", "evaluate", "2015/1", "--goal", "1=+2", "--decision", "close", "--reason", "Mål nådd"});

  // With the example's 10 years, from the real date (never --today): a day
  // less than ten years ago must wait; the day the case closed need not.
  CHECK(f.oppteam({"--today", "2040-01-01", "purge", "--closed-before", ten_years_ago_plus_a_day()}).code == 2);
  auto r = f.oppteam({"--json", "purge", "--closed-before", "2015-12-11", "--dry-run"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["cases"] == nlohmann::json::array({"2015/1"}));
  CHECK(r.json()["persons_deleted"] == 1);
  REQUIRE(f.oppteam({"--json", "person", "export", closed}).code == 0);  // still there after a dry run

  CHECK(r.json()["not_archived"] == nlohmann::json::array({"2015/1"}));
  // Not archived yet: refused (2), nothing deleted; archived, it goes.
  r = f.oppteam({"--json", "purge", "--closed-before", "2015-12-11"});
  CHECK(r.code == 2);
  CHECK(f.oppteam({"case", "show", "2015/1"}).code == 0);
  auto a = f.oppteam({"--json", "archive", "export", "--case", "2015/1", "--out", f.dir.file("arkiv")});
  INFO(a.err);
  REQUIRE(a.code == 0);
  CHECK(a.json()["cases"] == nlohmann::json::array({"2015/1"}));
  r = f.oppteam({"--json", "purge", "--closed-before", "2015-12-11"});
  REQUIRE(r.code == 0);
  CHECK(r.json()["deleted"] == 1);
  CHECK(f.oppteam({"case", "show", "2015/1"}).code == 1);
  CHECK(f.oppteam({"person", "export", closed}).code == 1);
  CHECK(f.oppteam({"person", "export", open}).code == 0);
  r = f.oppteam({"--json", "audit", "verify"});
  CHECK(r.code == 0);
  CHECK(r.json()["ok"] == true);
  r = f.oppteam({"--json", "audit", "log", "--case", "2015/1"});
  const auto log = r.json();
  REQUIRE(!log["entries"].empty());
  bool purged = false;
  for (const auto& e : log["entries"]) purged |= e["action"] == "purge" && e["person"] == "";
  CHECK(purged);
}

TEST_CASE("report shows every category of the rammeverk, so a row's presence tells nothing a hidden count hides", "[report]") {
  test::Fixture f;
  refer(f, 7, "nav", "2026-03-01", 0);
  refer(f, 1, "fastlege", "2026-05-10", 7);
  auto shown = f.oppteam({"--json", "config", "show"});
  REQUIRE(shown.code == 0);
  const std::size_t reporter_types = shown.json()["reporter_types"];
  // Two reports one day apart: without the rows that count nothing, the
  // day's own report would name the reporter type of the one referral.
  for (const std::string& day : {std::string("2026-05-09"), std::string("2026-05-10")}) {
    auto r = f.oppteam({"--today", "2026-06-01", "--json", "report", "--from", day, "--to", day});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto j = r.json();
    for (const char* table : {"referrals_by_reporter_type", "referrals_by_target_group", "teams_by_size", "teams_by_sector"}) {
      INFO(table << " on " << day);
      std::vector<std::string> ids;
      for (const auto& row : j["tables"][table]["rows"]) {
        ids.push_back(row["id"]);
        CHECK(row["total"] == "<5");  // zero and one are both hidden
      }
      CHECK(ids.size() >= 2);
      if (std::string(table) == "referrals_by_reporter_type") {
        CHECK(ids.size() == reporter_types);
      }
    }
  }
}

namespace {

// `report --json` with `args`, on 2026-06-30; it must succeed.
nlohmann::json report_json(test::Fixture& f, const std::vector<std::string>& args) {
  auto r = f.oppteam(team_test::cat({"--today", "2026-06-30", "--json", "report"}, args));
  INFO(r.err);
  REQUIRE(r.code == 0);
  return r.json();
}

// Row id -> row total of table `id`.
std::map<std::string, nlohmann::json> row_totals(const nlohmann::json& report, const std::string& id) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& row : report["tables"][id]["rows"]) out[row["id"].get<std::string>()] = row["total"];
  return out;
}

// Every count of table `id` in a --json report, cells and totals: a number
// when shown, a string ("<5", "x") when hidden.
std::vector<nlohmann::json> all_counts(const nlohmann::json& report, const std::string& id) {
  const auto& t = report["tables"][id];
  std::vector<nlohmann::json> out;
  for (const auto& row : t["rows"]) {
    for (const auto& [period, n] : row["counts"].items()) out.push_back(n);
    out.push_back(row["total"]);
  }
  for (const auto& [period, n] : t["totals"].items()) out.push_back(n);
  out.push_back(t["total"]);
  return out;
}

}  // namespace

TEST_CASE("report: five evaluations of one person show no count, and the hidden ones cannot be worked out (trial s12 #4)", "[report][disclosure]") {
  // The trial's steps: one granted case with a team and a plan, evaluated
  // five times ("continue"). Before: "Fortsette x, Revidere planen <5,
  // Avslutte teamet <5, I alt 5": an x is at least 5, so it was 5 and the
  // other two 0, and all five were one person's.
  test::Fixture f;
  const std::string c = team_test::team_case(f);
  team_test::ok(f, {"--today", "2026-09-10", "plan", "goal", c, "--text", "Bo trygt heime"});
  team_test::ok(f, {"--today", "2026-09-10", "plan", "participated", c, "--how", "Planmøte"});
  for (const char* day : {"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05"})
    team_test::ok(f, {"--today", day, "evaluate", c, "--goal", "1=0", "--decision", "continue"});
  for (const std::vector<std::string>& by : {std::vector<std::string>{}, std::vector<std::string>{"--by", "quarter"}}) {
    auto args = team_test::cat({"--today", "2026-11-01", "--json", "report", "--from", "2026-01-01", "--to", "2026-12-31"}, by);
    auto r = f.oppteam(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto j = r.json();
    INFO(j["tables"]["evaluations_by_decision"].dump());
    for (const auto& n : all_counts(j, "evaluations_by_decision")) CHECK(n.is_string());
    // the grand total is 5 evaluations of one person: hidden as x, not as <5
    CHECK(j["tables"]["evaluations_by_decision"]["total"] == "x");
    // one person's plan to evaluation is no statistic either
    CHECK(j["lead_times"]["plan_to_evaluation"]["suppressed"] == true);
  }
  auto text = f.oppteam({"--today", "2026-11-01", "report", "--from", "2026-01-01", "--to", "2026-12-31"});
  REQUIRE(text.code == 0);
  const auto at = text.out.find("Evalueringer etter beslutning");
  REQUIRE(at != std::string::npos);
  const std::string table = text.out.substr(at, text.out.find("\n\n", at) - at);
  INFO(table);
  CHECK(table.find("I alt                x") != std::string::npos);
  // no line ends in a shown count ("I alt 5"): only "<5" and "x"
  std::size_t from = 0;
  while (from < table.size()) {
    const std::size_t end = std::min(table.find('\n', from), table.size());
    const std::string line = table.substr(from, end - from);
    std::size_t digits = line.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(line[digits - 1]))) --digits;
    if (digits < line.size()) CHECK((digits > 0 && line[digits - 1] == '<'));
    from = end + 1;
  }
}

TEST_CASE("report: a count of many referrals of one person is hidden as x, the same count of as many people is shown", "[report][disclosure]") {
  test::Fixture f(three_reporter_types());
  refer(f, 7, "fastlege", "2026-02-10", 0);  // seven people
  refer(f, 8, "nav", "2026-02-12", 20);      // eight people
  // one person referred six times by the hospital
  const auto fnr = synthetic_fnr(3, 60, 100);
  for (const char* day : {"2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06"}) {
    auto r = f.oppteam({"--today", day, "refer", "add", "--fnr", fnr, "--reporter-type", "sykehus", "--received", day, "--need", "Trenger koordinering"});
    INFO(r.err);
    REQUIRE(r.code == 0);
  }
  const auto j = report_json(f, {"--from", "2026-01-01", "--to", "2026-06-30"});
  auto total = row_totals(j, "referrals_by_reporter_type");
  INFO(j["tables"]["referrals_by_reporter_type"].dump());
  CHECK(total["sykehus"] == "x");  // six referrals, one person
  CHECK(total["nav"] == 8);         // eight referrals, eight people
  // Beside a shown total of 21, fastlege 7 and nav 8 would give the six
  // away: one more of them is hidden (the smaller count, fastlege).
  const auto& grand = j["tables"]["referrals_by_reporter_type"]["total"];
  CHECK((total["fastlege"].is_string() || grand.is_string()));
  auto csv = f.oppteam({"--today", "2026-06-30", "report", "--from", "2026-01-01", "--to", "2026-06-30", "--csv"});
  REQUIRE(csv.code == 0);
  CHECK(csv.out.find("referrals_by_reporter_type,sykehus,all,x\n") != std::string::npos);
}
