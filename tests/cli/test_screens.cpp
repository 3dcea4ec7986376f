// Issue 17, points 4, 7, 10 and 11 through the real binary: texts that are
// true (the deadline a case waits for, a measure not yet due), case show as
// plan show and team show, lists a person can use (--name, a default limit,
// audit log newest first), and the wrapping of a whole output to COLUMNS.

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"
#include "cli/test_team_helpers.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <sstream>

using intake_test::synthetic_fnr;

namespace {

test::Result ok(test::Fixture& f, const std::vector<std::string>& args) {
  auto r = f.oppteam(args);
  INFO(fmt::format("{}\n{}", r.out, r.err));
  REQUIRE(r.code == 0);
  return r;
}

std::string refer_named(test::Fixture& f, const std::string& fnr, const std::string& name, const std::string& received) {
  auto r = ok(f, {"--today", received, "--json", "refer", "add", "--fnr", fnr, "--name", name, "--reporter-type", "fastlege",
                  "--received", received, "--need", "Trenger koordinering"});
  return r.json().at("case").get<std::string>();
}

// The names of the persons `case list --name NAME` shows, in case order.
std::vector<std::string> names_found(test::Fixture& f, const std::string& name) {
  const auto j = ok(f, {"--today", "2026-03-05", "--json", "case", "list", "--name", name}).json();
  std::vector<std::string> names;
  for (const auto& c : j["cases"]) names.push_back(c["name"].get<std::string>());
  return names;
}

// A granted case with its team, goal 1 and one measure per (text, due date)
// given, each with Siri Moe responsible.
std::string case_with_measures(test::Fixture& f, const std::vector<std::pair<std::string, std::string>>& measures) {
  const std::string c = team_test::granted_case(f);
  ok(f, team_test::core_team(c));
  ok(f, {"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"});
  for (const auto& [text, due] : measures)
    ok(f, {"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", text, "--responsible", "Siri Moe", "--due", due});
  return c;
}

// Columns of a line without colour: its UTF-8 code points (æ, ø, å are one each).
std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (unsigned char ch : line) n += (ch & 0xC0) != 0x80;
  return n;
}

// The line of `text` holding `needle`, or "".
std::string line_with(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (l.find(needle) != std::string::npos) return l;
  return "";
}

}  // namespace

TEST_CASE("case list names the deadline an undecided case waits for, and marks it only when it has passed", "[screens]") {
  test::Fixture f;
  refer_named(f, synthetic_fnr(2, 3, 1950), "Kari Nordmann", "2026-03-02");  // foreløpig svar due 1 April
  refer_named(f, synthetic_fnr(3, 3, 1950), "Per Hansen", "2026-03-20");     // due 19 April
  auto r = ok(f, {"--today", "2026-04-10", "case", "list"});
  const std::string late = line_with(r.out, "Kari Nordmann"), due = line_with(r.out, "Per Hansen");
  INFO(r.out);
  CHECK(late.find("foreløpig svar") != std::string::npos);
  CHECK(late.find("1. april 2026 !") != std::string::npos);
  CHECK(due.find("foreløpig svar") != std::string::npos);
  CHECK(due.find("19. april 2026") != std::string::npos);
  CHECK(due.find('!') == std::string::npos);  // a date still to come is not overdue
  auto nn = ok(f, {"--today", "2026-04-10", "--lang", "nn", "case", "list"});
  CHECK(line_with(nn.out, "Kari Nordmann").find("førebels svar") != std::string::npos);
  const auto j = ok(f, {"--today", "2026-04-10", "--json", "case", "list"}).json();
  CHECK(j["cases"][0]["deadline"]["kind"] == "preliminary_reply");
  CHECK(j["cases"][0]["deadline"]["date"] == "2026-04-01");
  CHECK(j["cases"][0]["deadline"]["overdue"] == true);
  CHECK(j["cases"][0]["overdue"] == "preliminary_reply");
  CHECK(j["cases"][1]["deadline"]["overdue"] == false);
  CHECK(j["cases"][1]["overdue"].is_null());
  // After the foreløpig svar the vedtak is what the case waits for.
  ok(f, {"--today", "2026-04-10", "decide", "2026/1", "--preliminary-reply", "--expected-by", "2026-05-15"});
  const auto after = ok(f, {"--today", "2026-04-10", "--json", "case", "list"}).json();
  CHECK(after["cases"][0]["deadline"]["kind"] == "decision");
  CHECK(after["cases"][0]["deadline"]["date"] == "2026-05-15");
  CHECK(after["cases"][0]["overdue"].is_null());
}

TEST_CASE("case list --name finds a person whatever the case of the letters, and records a read of each person shown", "[screens]") {
  test::Fixture f;
  const std::string kristin = synthetic_fnr(12, 8, 1950);
  refer_named(f, kristin, "Kristin Marie Østby-Haugland", "2026-03-02");
  refer_named(f, synthetic_fnr(3, 3, 1950), "Per Hansen", "2026-03-03");
  auto r = ok(f, {"--today", "2026-03-05", "--json", "case", "list", "--name", "øSTBY"});
  REQUIRE(r.json()["cases"].size() == 1);
  CHECK(r.json()["cases"][0]["fnr"] == kristin);
  CHECK(ok(f, {"--today", "2026-03-05", "--json", "case", "list", "--name", "ola"}).json()["cases"].empty());
  const auto log = ok(f, {"--json", "audit", "log", "--person", kristin}).json();
  int reads = 0;
  for (const auto& e : log["entries"]) reads += e["action"] == "case.list" && e["detail"] == "name search";
  CHECK(reads == 1);
  // A control character in the search is bad data, as in every stored text.
  CHECK(f.oppteam({"case", "list", "--name", "a\x1b[2Jb"}).code == 65);
  CHECK(f.oppteam({"case", "list", "--all", "--limit", "3"}).code == 64);
}

TEST_CASE("case list --name looks names up in an index kept in step with renames and purges, and still finds short and odd searches", "[screens][name_search]") {
  test::Fixture f;
  const std::string kristin = synthetic_fnr(12, 8, 1950);
  const std::string per = synthetic_fnr(3, 3, 1950);
  refer_named(f, kristin, "Kristin Marie Østby-Haugland", "2026-03-02");
  const std::string per_case = refer_named(f, per, "Per Hansen", "2026-03-03");
  refer_named(f, synthetic_fnr(4, 3, 1950), "Ola 100% Dahl_Moe", "2026-03-04");
  auto found = [&f](const std::string& name) { return names_found(f, name); };
  using V = std::vector<std::string>;
  CHECK(found("STBY-HAU") == V{"Kristin Marie Østby-Haugland"});
  CHECK(found("hansen") == V{"Per Hansen"});
  CHECK(found("an") == V{"Kristin Marie Østby-Haugland", "Per Hansen"});  // two letters: read from every person
  CHECK(found("100%") == V{"Ola 100% Dahl_Moe"});                        // LIKE's wildcards are letters here
  CHECK(found("l%m").empty());  // as a LIKE pattern it would match "l_M"
  CHECK(found("a_l").empty());  // ... and this "ahl"
  CHECK(found("dahl_m") == V{"Ola 100% Dahl_Moe"});
  // A rename: found by the new name only.
  ok(f, {"--today", "2026-03-06", "person", "correct", per, "--name", "Per Hanssen-Lid", "--reason", "Feilstavet"});
  CHECK(found("hansen").empty());
  CHECK(found("anssen-l") == V{"Per Hanssen-Lid"});
  // A person whose cases are purged is not found, and the index holds no trace of the name.
  ok(f, {"--today", "2026-03-07", "case", "close", per_case, "--reason", "died"});
  {
    // Closed long enough ago to be purged (the retention is counted from the real date).
    robust::Sql sql(f.db());
    sql.exec("UPDATE case_file SET closed_on = '2015-03-07' WHERE number = '" + per_case + "'");
  }
  ok(f, {"purge", "--closed-before", "2016-01-01", "--force"});
  CHECK(found("hanssen").empty());
  {
    robust::Sql sql(f.db());
    CHECK(sql.number("SELECT count(*) FROM person_name_search WHERE person_name_search MATCH 'nss'") == 0);
    CHECK(sql.number("SELECT count(*) FROM person_name_search WHERE person_name_search MATCH 'kri AND tin'") == 1);
  }
  CHECK(found("østby") == V{"Kristin Marie Østby-Haugland"});
}

TEST_CASE("case list --name finds persons an import brought once the first search has indexed them, and keeps renames, purges and a reused id in step", "[screens][name_search]") {
  test::Fixture f;
  const std::string a = synthetic_fnr(1, 2, 1950), b = synthetic_fnr(2, 2, 1950), c = synthetic_fnr(3, 2, 1950);
  const auto file = f.dir.write("batch.csv", "external_id,fnr,name,reporter_type,reporter_name,received,need\n"
                                             "E1," + a + ",Åse Ødegård,fastlege,,2026-03-02,Behov\n"
                                             "E2," + b + ",Per Iversen,fastlege,,2026-03-02,Behov\n"
                                             "E3," + c + ",Kari Nordmann,fastlege,,2026-03-02,Behov\n");
  ok(f, {"--today", "2026-03-03", "refer", "import", file});
  auto found = [&f](const std::string& name) { return names_found(f, name); };
  using V = std::vector<std::string>;
  auto mark = [&f] { return robust::Sql(f.db()).number("SELECT indexed_to FROM person_name_search_state"); };
  CHECK(mark() == 0);  // the import left the names to the first search
  CHECK(found("ØDEGÅRD") == V{"Åse Ødegård"});
  CHECK(mark() == 3);
  // A rename of an indexed person is kept by the index.
  ok(f, {"--today", "2026-03-06", "person", "correct", b, "--name", "Per Iversen-Os", "--reason", "Feilstavet"});
  CHECK(found("versen-o") == V{"Per Iversen-Os"});
  // A person stored after the mark and renamed before any search is found by the new name only.
  const std::string d = synthetic_fnr(4, 2, 1950);
  const std::string d_case = refer_named(f, d, "Ola Dahl", "2026-03-06");
  ok(f, {"--today", "2026-03-06", "person", "correct", d, "--name", "Ola Dahlen", "--reason", "Feilstavet"});
  CHECK(found("ola dahl") == V{"Ola Dahlen"});
  CHECK(found("dahlen") == V{"Ola Dahlen"});
  CHECK(mark() == 4);
  // The highest person purged, the next one may get the same id: the purge lowered the mark, so the next search indexes it; the purged name is gone.
  ok(f, {"--today", "2026-03-07", "case", "close", d_case, "--reason", "died"});
  robust::Sql(f.db()).exec("UPDATE case_file SET closed_on = '2015-03-07' WHERE number = '" + d_case + "'");
  ok(f, {"purge", "--closed-before", "2016-01-01", "--force"});
  refer_named(f, synthetic_fnr(5, 2, 1950), "Siri Moe", "2026-03-08");
  CHECK(robust::Sql(f.db()).number("SELECT max(id) FROM person") == 4);  // the id came back
  CHECK(mark() == 3);                                                       // ... above the lowered mark
  CHECK(found("siri moe") == V{"Siri Moe"});
  CHECK(found("dahlen").empty());
  CHECK(robust::Sql(f.db()).number("SELECT count(*) FROM person_name_search WHERE person_name_search MATCH 'hle'") == 0);
  CHECK(ok(f, {"audit", "verify"}).code == 0);
}

TEST_CASE("case list stops at 50 on screen and says how many it left out, with --all, --limit and --json", "[screens]") {
  test::Fixture f;
  std::string csv = "external_id,fnr,name,reporter_type,reporter_name,received,need\n";
  for (int i = 0; i < 53; ++i)
    csv += fmt::format("x{},{},Person {},fastlege,,2026-03-02,Behov\n", i, synthetic_fnr(1 + i % 28, 1 + i / 28, 1950), i);
  const std::string file = f.dir.write("m.csv", csv);
  ok(f, {"--today", "2026-03-02", "refer", "import", file});
  auto r = ok(f, {"--today", "2026-03-02", "case", "list"});
  CHECK(r.out.find("… og 3 til; bruk --all eller --limit") != std::string::npos);
  CHECK(r.out.find("2026/50 ") != std::string::npos);
  CHECK(r.out.find("2026/51 ") == std::string::npos);
  auto all = ok(f, {"--today", "2026-03-02", "case", "list", "--all"});
  CHECK(all.out.find("2026/53 ") != std::string::npos);
  CHECK(all.out.find("53 saker.") != std::string::npos);
  auto j = ok(f, {"--today", "2026-03-02", "--json", "case", "list"}).json();
  CHECK(j["cases"].size() == 53);
  CHECK(j["left_out"] == 0);
  j = ok(f, {"--today", "2026-03-02", "--json", "case", "list", "--limit", "5"}).json();
  CHECK(j["cases"].size() == 5);
  CHECK(j["total"] == 53);
  CHECK(j["left_out"] == 48);
}

TEST_CASE("audit log lists the newest entries first under a header, --limit N gives the newest N, --since and --until keep days", "[screens]") {
  test::Fixture f;
  const std::string c = team_test::refer(f);
  team_test::consent(f, c, "utredning", "2026-03-03");
  team_test::consent(f, c, "team", "2026-03-05");
  auto r = ok(f, {"audit", "log", "--limit", "2"});
  INFO(r.out);
  CHECK(r.out.rfind("Nr", 0) != std::string::npos);  // a header row
  CHECK(r.out.find("Handling") != std::string::npos);
  const auto first_consent = r.out.find("consent.give");
  REQUIRE(first_consent != std::string::npos);
  CHECK(r.out.find("refer.add") == std::string::npos);  // the oldest are left out
  CHECK(r.out.find("2026-03-05") < r.out.find("2026-03-03"));  // newest first
  CHECK(r.out.find("… og") != std::string::npos);
  auto j = ok(f, {"--json", "audit", "log", "--since", "2026-03-03", "--until", "3.3.2026"}).json();
  REQUIRE(j["entries"].size() == 1);
  CHECK(j["entries"][0]["acted_on"] == "2026-03-03");
  j = ok(f, {"--json", "audit", "log", "--case", c, "--limit", "2"}).json();  // (the listings above are entries too)
  REQUIRE(j["entries"].size() == 2);
  CHECK(j["entries"][0]["id"].get<int>() < j["entries"][1]["id"].get<int>());  // JSON in the chain's order
  CHECK(j["entries"][1]["acted_on"] == "2026-03-05");
  CHECK(f.oppteam({"audit", "log", "--since", "30.2.2026"}).code == 65);
  // A period that ends before it begins is refused, not an empty list (as report's).
  auto reversed = f.oppteam({"--json", "audit", "log", "--since", "2026-03-05", "--until", "2026-03-03"});
  CHECK(reversed.code == 65);
  CHECK(test::error_key(reversed) == "audit.since_after_until");
}

TEST_CASE("case show reads as plan show and team show: scores with their threshold, overdue measures marked, labels", "[screens]") {
  test::Fixture f;
  const std::string c = case_with_measures(f, {{"Trening", "2026-04-01"}, {"Legemidler", "2026-04-20"}});
  auto r = ok(f, {"--today", "2026-04-10", "case", "show", c});
  INFO(r.out);
  CHECK(r.out.find("6\u00a0(terskel\u00a04)") != std::string::npos);  // no-break spaces: never wrapped
  CHECK(r.out.find("/4") == std::string::npos);
  CHECK(line_with(r.out, "Trening").find("1. april 2026 !") != std::string::npos);
  CHECK(line_with(r.out, "Legemidler").find('!') == std::string::npos);
  CHECK(r.out.find("! = forfalt") != std::string::npos);
  CHECK(line_with(r.out, "Siri Moe").find("Hjemmesykepleie") != std::string::npos);  // the role's label
  CHECK(line_with(r.out, "Siri Moe").find("Hjemmetjenesten") != std::string::npos);  // the service's label
  CHECK(r.out.find("Kartlegging og utredning") != std::string::npos);               // the consent's scope in words
  auto j = ok(f, {"--today", "2026-04-10", "--json", "case", "show", c}).json();
  CHECK(j["plan"]["measures"][0]["overdue"] == true);
  CHECK(j["plan"]["measures"][1]["overdue"] == false);
  CHECK(j["team"]["members"][3]["role"] == "hjemmesykepleie");  // JSON keeps the ids
}

TEST_CASE("remind says a measure not yet due is coming due, not that it has passed its deadline", "[screens]") {
  test::Fixture f;
  case_with_measures(f, {{"Trening", "2026-04-21"}});
  for (const char* lang : {"nb", "nn"}) {
    auto r = ok(f, {"--today", "2026-04-10", "--lang", lang, "remind", "--within", "14"});
    const std::string row = line_with(r.out, "21. april 2026");
    INFO(r.out);
    CHECK(row.find("passert") == std::string::npos);
    CHECK(row.find("nærm") != std::string::npos);
  }
  auto late = ok(f, {"--today", "2026-04-30", "remind"});
  CHECK(line_with(late.out, "21. april 2026").find("passert") != std::string::npos);
}

TEST_CASE("with COLUMNS set, every line of a text output fits: a letter wraps at word boundaries", "[screens]") {
  test::Fixture f;
  const std::string c = team_test::refer(f);
  team_test::consent(f, c, "utredning");
  REQUIRE(team_test::assess(f, c, "Ane Lie", "sykepleier").code == 0);
  auto r = test::run({"--db", f.db(), "--as", "saksbehandler1", "--today", "2026-03-10", "decide", c, "--grant"}, "",
                     {{"HOME", f.dir.path()}, {"COLUMNS", "60"}});
  REQUIRE(r.code == 0);
  std::istringstream in(r.out);
  std::string joined;
  for (std::string l; std::getline(in, l);) {
    CHECK(columns(l) <= 60);
    joined += l + " ";
  }
  CHECK(joined.find("Klagefristen er 28 dager") != std::string::npos);  // nothing lost, no word split
}
