// The intake trial of session 10 (notes/trial-intake.md): a JSON object with
// a key twice, received dates no case number can hold, padded ids, the
// import reading values as refer add does, a rejects file imported again,
// the received date's relative forms.

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"

#include <oppteam/i18n/messages.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace intake_test;

namespace {

const std::string kHead = "external_id,fnr,reporter_type,received,need\n";

// `refer import FILE --partial --rejects REJECTS --json`: the summary.
test::Result import_partial(test::Fixture& f, const std::string& file, const std::string& rejects) {
  return f.oppteam({"--today", kToday, "--json", "refer", "import", file, "--partial", "--rejects", rejects});
}

// The (line, column, key) of each error of an import's summary.
std::vector<std::tuple<int, std::string, std::string>> errors_of(const nlohmann::json& summary) {
  std::vector<std::tuple<int, std::string, std::string>> out;
  for (const auto& e : summary.at("errors"))
    out.emplace_back(e["line"].get<int>(), e["column"].is_null() ? "" : e["column"].get<std::string>(), e["key"].get<std::string>());
  return out;
}

long count_referrals(test::Fixture& f) {
  auto r = f.oppteam({"--today", kToday, "--json", "case", "list"});
  REQUIRE(r.code == 0);
  long n = 0;
  const nlohmann::json list = r.json();  // (a range-for over r.json()["cases"] would outlive its json)
  for (const auto& c : list["cases"]) {
    auto show = f.oppteam({"--today", kToday, "--json", "case", "show", c["case"].get<std::string>()});
    REQUIRE(show.code == 0);
    n += long(show.json()["referrals"].size());
  }
  return n;
}

}  // namespace

TEST_CASE("a JSON object with a key twice, or with a mapped key and its target, is rejected naming the key", "[intake][trial]") {
  test::Fixture f;
  const std::string a = synthetic_fnr(1, 2, 1950), b = synthetic_fnr(2, 2, 1960);
  std::string t;
  // line 1: fnr twice (nlohmann keeps the last one silently)
  t += "{\"external_id\":\"D-1\",\"fnr\":\"" + a + "\",\"fnr\":\"" + b + "\",\"reporter_type\":\"fastlege\",\"received\":\"2026-03-01\",\"need\":\"x\"}\n";
  // line 2: personnummer (mapped to fnr in the example rammeverk) and fnr
  t += "{\"external_id\":\"D-2\",\"personnummer\":\"" + a + "\",\"fnr\":\"" + b +
       "\",\"reporter_type\":\"fastlege\",\"received\":\"2026-03-01\",\"need\":\"x\"}\n";
  // line 3: a key that is ignored (kilde_system = "") twice does no harm
  t += "{\"external_id\":\"D-3\",\"fnr\":\"" + a +
       "\",\"kilde_system\":\"a\",\"kilde_system\":\"b\",\"reporter_type\":\"fastlege\",\"received\":\"2026-03-01\",\"need\":\"x\"}\n";
  // line 4: an unknown key twice is refused once, as unknown (not also as repeated)
  t += "{\"external_id\":\"D-4\",\"fnr\":\"" + a +
       "\",\"ukjent\":\"a\",\"ukjent\":\"b\",\"reporter_type\":\"fastlege\",\"received\":\"2026-03-01\",\"need\":\"x\"}\n";
  auto file = f.dir.write("dup.jsonl", t);

  auto all = f.oppteam({"--today", kToday, "--json", "refer", "import", file});
  CHECK(all.code == 65);
  CHECK(test::error_key(all) == "import.failed");

  auto r = import_partial(f, file, f.dir.file("rej.jsonl"));
  INFO(r.out << r.err);
  REQUIRE(r.code == 65);
  CHECK(r.json()["stored"] == 1);
  CHECK(errors_of(r.json()) == std::vector<std::tuple<int, std::string, std::string>>{
                                   {1, "fnr", "import.repeated_key"}, {2, "fnr", "import.keys_same_column"},
                                   {4, "ukjent", "import.unknown_column"}});
  CHECK(count_referrals(f) == 1);
}

TEST_CASE("a received date before the person's birth, or before any case number's year, is refused in refer add, the import and refer correct",
          "[intake][trial]") {
  test::Fixture f;
  const std::string born_2010 = synthetic_fnr(1, 10, 2010), born_1950 = synthetic_fnr(5, 5, 1950);
  auto add = [&](const std::string& fnr, const std::string& received) {
    return f.oppteam({"--today", kToday, "--json", "refer", "add", "--fnr", fnr, "--reporter-type", "fastlege", "--need", "x",
                      "--received", received});
  };
  auto ancient = add(born_1950, "0001-01-01");  // opened case 1/1, which no command could address
  CHECK(ancient.code == 65);
  CHECK(test::error_key(ancient) == "refer.received_too_early");
  auto unborn = add(born_2010, "1900-01-01");
  CHECK(unborn.code == 65);
  CHECK(test::error_key(unborn) == "refer.received_before_birth");
  CHECK(add(born_2010, "2010-10-01").code == 0);  // the day of birth is fine

  std::string t = kHead;
  t += "R-1," + born_1950 + ",fastlege,0001-01-01,x\n";  // line 2
  t += "R-2," + born_1950 + ",fastlege,1899-12-31,x\n";  // line 3
  t += "R-3," + born_1950 + ",fastlege,1950-05-04,x\n";  // line 4: the day before the birth
  t += "R-4," + born_1950 + ",fastlege,2026-03-03,x\n";  // line 5: after --today
  t += "R-5," + born_1950 + ",fastlege,1950-05-05,x\n";  // line 6: good
  auto r = import_partial(f, f.dir.write("old.csv", t), f.dir.file("old.rej.csv"));
  INFO(r.out << r.err);
  REQUIRE(r.code == 65);
  CHECK(r.json()["stored"] == 1);
  CHECK(errors_of(r.json()) == std::vector<std::tuple<int, std::string, std::string>>{
                                   {2, "received", "refer.received_too_early"},
                                   {3, "received", "refer.received_too_early"},
                                   {4, "received", "refer.received_before_birth"},
                                   {5, "received", "refer.received_in_future"}});

  auto correct = f.oppteam({"--today", kToday, "--json", "refer", "correct", "2010/1", "1", "--received", "2009-12-31", "--reason", "typo"});
  CHECK(correct.code == 65);
  CHECK(test::error_key(correct) == "refer.received_before_birth");
  auto floor = f.oppteam({"--today", kToday, "--json", "refer", "correct", "2010/1", "1", "--received", "1.1.1899", "--reason", "typo"});
  CHECK(floor.code == 65);
  CHECK(test::error_key(floor) == "refer.received_too_early");
}

TEST_CASE("the import and refer add read an id or a date without its surrounding spaces, so a padded re-send is a duplicate",
          "[intake][trial]") {
  test::Fixture f;
  const std::string per = synthetic_fnr(1, 3, 1960);
  auto first = f.oppteam({"--today", kToday, "--json", "refer", "import", f.dir.write("a.csv", kHead + "R-1," + per + ",fastlege,2026-03-01,first\n")});
  REQUIRE(first.code == 0);
  // A fixed-width export pads its fields: the same referral, not a second one.
  auto padded = f.oppteam({"--today", kToday, "--json", "refer", "import",
                           f.dir.write("b.csv", kHead + "R-1 ,  " + per + " , fastlege , 2026-03-01 ,first\n")});
  INFO(padded.out << padded.err);
  REQUIRE(padded.code == 0);
  CHECK(padded.json()["stored"] == 0);
  CHECK(padded.json()["duplicates"] == 1);
  // The same in JSON Lines, with a padded target group on a new case.
  auto jsonl = f.oppteam({"--today", kToday, "--json", "refer", "import",
                          f.dir.write("c.jsonl", "{\"external_id\":\" R-2\",\"fnr\":\"" + synthetic_fnr(2, 3, 1960) +
                                                     "\",\"reporter_type\":\" nav\",\"received\":\"2026-03-01 \",\"need\":\"x\","
                                                     "\"target_group\":\"skrope_eldre \"}\n")});
  INFO(jsonl.out << jsonl.err);
  REQUIRE(jsonl.code == 0);
  CHECK(jsonl.json()["stored"] == 1);
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/2"});
  REQUIRE(show.code == 0);
  CHECK(show.json()["referrals"][0]["external_id"] == "R-2");
  CHECK(show.json()["referrals"][0]["reporter_type"] == "nav");
  CHECK(show.json()["target_group"] == "skrope_eldre");
  // An id of only spaces is a missing id.
  auto blank = import_partial(f, f.dir.write("d.csv", kHead + "   ," + per + ",fastlege,2026-03-01,x\n"), f.dir.file("d.rej.csv"));
  REQUIRE(blank.code == 65);
  CHECK(errors_of(blank.json()) == std::vector<std::tuple<int, std::string, std::string>>{{2, "external_id", "import.missing"}});

  // refer add: the same id with a space after it is the same referral.
  std::vector<std::string> add{"--today", kToday, "--json", "refer", "add", "--fnr", per, "--reporter-type", "fastlege",
                               "--received", "2026-03-01", "--need", "first", "--external-id"};
  auto again = add;
  again.push_back("R-1 ");
  auto r = f.oppteam(again);
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["duplicate"] == true);
}

TEST_CASE("the import reads a reporter type, a target group and a date as refer add does (an id or a label in any case, D.M.YYYY)",
          "[intake][trial]") {
  test::Fixture f;
  std::string t = "external_id;fnr;reporter_type;received;need;target_group\n";  // as Norwegian Excel saves it
  t += "E-1;" + synthetic_fnr(1, 4, 1940) + ";Fastlege;01.03.2026;x;Skrøpelige eldre\n";  // labels, DD.MM.YYYY
  t += "E-2;" + synthetic_fnr(2, 4, 1940) + ";FASTLEGE;1.3.2026;x;SKRØPELIGE ELDRE\n";   // in capitals, D.M.YYYY
  t += "E-3;" + synthetic_fnr(3, 4, 1940) + ";bruker selv;2026-03-01;x;skrope-eldre\n";  // a label of two words; the id folded
  t += "E-4;" + synthetic_fnr(4, 4, 1940) + ";fastlege;i dag;x;\n";                      // line 5: relative: not in a file
  t += "E-5;" + synthetic_fnr(5, 4, 1940) + ";fastlege;+1;x;\n";                         // line 6
  auto r = import_partial(f, f.dir.write("excel.csv", t), f.dir.file("excel.rej.csv"));
  INFO(r.out << r.err);
  REQUIRE(r.code == 65);
  CHECK(r.json()["stored"] == 3);
  CHECK(errors_of(r.json()) == std::vector<std::tuple<int, std::string, std::string>>{{5, "received", "import.bad_date"},
                                                                                     {6, "received", "import.bad_date"}});
  for (const char* number : {"2026/1", "2026/2", "2026/3"}) {
    auto show = f.oppteam({"--today", kToday, "--json", "case", "show", number});
    REQUIRE(show.code == 0);
    const auto j = show.json();
    CHECK(j["referrals"][0]["received"] == "2026-03-01");
    CHECK(j["target_group"] == "skrope_eldre");
    CHECK(j["referrals"][0]["reporter_type"] == (std::string(number) == "2026/3" ? "bruker" : "fastlege"));
  }
  // Sent again with the ids and ISO dates: the same referrals.
  std::string again = "external_id;fnr;reporter_type;received;need\n";
  again += "E-1;" + synthetic_fnr(1, 4, 1940) + ";fastlege;2026-03-01;x\n";
  again += "E-2;" + synthetic_fnr(2, 4, 1940) + ";fastlege;2026-03-01;x\n";
  auto dup = f.oppteam({"--today", kToday, "--json", "refer", "import", f.dir.write("again.csv", again)});
  REQUIRE(dup.code == 0);
  CHECK(dup.json()["duplicates"] == 2);
}

TEST_CASE("a rejects file, fixed, imports again (its own reason column is ignored), in CSV and JSON Lines", "[intake][trial]") {
  test::Fixture f;
  const std::string a = synthetic_fnr(1, 5, 1970), b = synthetic_fnr(2, 5, 1970);
  // CSV as Norwegian Excel writes it (';'); the rejects file keeps the delimiter.
  const std::string in = f.dir.write("in.csv", "external_id;fnr;reporter_type;received;need\nS-1;" + a + ";lege;2026-03-01;x\nS-2;" + b +
                                                   ";lege;2026-03-01;y\n");
  auto first = import_partial(f, in, f.dir.file("in.rej.csv"));
  REQUIRE(first.code == 65);
  REQUIRE(first.json()["rejected"] == 2);
  // Fixed one row only: the other is rejected again, and its rejects file has two reasons.
  std::string rej = test::read_file(f.dir.file("in.rej.csv"));
  const auto s1 = rej.find("S-1;" + a + ";lege;");
  REQUIRE(s1 != std::string::npos);
  rej.replace(rej.find(";lege;", s1), 6, ";fastlege;");
  auto second = import_partial(f, f.dir.write("fixed.csv", rej), f.dir.file("fixed.rej.csv"));
  INFO(second.out << second.err);
  REQUIRE(second.code == 65);  // one still rejected
  CHECK(second.json()["stored"] == 1);
  CHECK(errors_of(second.json()) == std::vector<std::tuple<int, std::string, std::string>>{{3, "reporter_type", "refer.unknown_reporter_type"}});
  std::string rej2 = test::read_file(f.dir.file("fixed.rej.csv"));
  rej2.replace(rej2.find(";lege;"), 6, ";fastlege;");
  auto third = f.oppteam({"--today", kToday, "--json", "refer", "import", f.dir.write("fixed2.csv", rej2)});
  INFO(third.out << third.err);
  REQUIRE(third.code == 0);
  CHECK(third.json()["stored"] == 1);

  // JSON Lines: the reason key is ignored the same way.
  const std::string c = synthetic_fnr(3, 5, 1970);
  const std::string jl = f.dir.write("in.jsonl", "{\"external_id\":\"J-1\",\"fnr\":\"" + c +
                                                    "\",\"reporter_type\":\"lege\",\"received\":\"2026-03-01\",\"need\":\"x\"}\n");
  REQUIRE(import_partial(f, jl, f.dir.file("in.rej.jsonl")).code == 65);  // its one row rejected
  std::string jrej = test::read_file(f.dir.file("in.rej.jsonl"));
  REQUIRE(jrej.find("\"reason\"") != std::string::npos);
  jrej.replace(jrej.find("\"lege\""), 6, "\"fastlege\"");
  auto j = f.oppteam({"--today", kToday, "--json", "refer", "import", f.dir.write("fixed.jsonl", jrej)});
  INFO(j.out << j.err);
  REQUIRE(j.code == 0);
  CHECK(j.json()["stored"] == 1);
}

TEST_CASE("assess refuses an item answered twice with --answer, naming it (the last one won silently)", "[intake][trial]") {
  test::Fixture f;
  REQUIRE(f.oppteam({"--today", kToday, "refer", "add", "--fnr", synthetic_fnr(1, 6, 1950), "--reporter-type", "fastlege", "--need", "x",
                     "--received", "2026-03-01"})
              .code == 0);
  REQUIRE(f.oppteam({"--today", kToday, "consent", "give", "2026/1", "--scope", "utredning", "--form", "muntlig", "--given-by", "person"})
              .code == 0);
  std::vector<std::string> assess{"--today", kToday, "--json", "assess", "2026/1", "--instrument", "kjennetegn", "--allow-partial",
                                  "--assessor", "Ane", "--profession", "sykepleier", "--answer", "flere_diagnoser=1", "--answer"};
  auto twice = assess;
  twice.push_back("flere_diagnoser=0");
  auto r = f.oppteam(twice);
  CHECK(r.code == 64);
  CHECK(test::error_key(r) == "assess.answer_twice");
  CHECK(r.err.find("flere_diagnoser") != std::string::npos);
  auto spaced = assess;
  spaced.push_back(" flere_diagnoser =1");  // the same item, however it is spaced
  CHECK(f.oppteam(spaced).code == 64);
  auto other = assess;
  other.push_back("rus=0");
  CHECK(f.oppteam(other).code == 0);
}

TEST_CASE("a received date may be typed as i går or -N, a bad one is answered with past forms, and --declined says the case is closed",
          "[intake][trial]") {
  test::Fixture f;
  auto add = [&](const std::string& fnr, const std::string& received, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"--today", kToday, "--json", "refer", "add", "--fnr", fnr, "--reporter-type", "fastlege", "--need", "x",
                                  "--received", received};
    args.insert(args.end(), more.begin(), more.end());
    return f.oppteam(args);
  };
  auto yesterday = add(synthetic_fnr(1, 7, 1950), "i g\xC3\xA5r");
  INFO(yesterday.out << yesterday.err);
  REQUIRE(yesterday.code == 0);
  auto minus = add(synthetic_fnr(2, 7, 1950), "-3");  // an option value, not an option
  INFO(minus.out << minus.err);
  REQUIRE(minus.code == 0);
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", minus.json()["case"].get<std::string>()});
  CHECK(show.json()["referrals"][0]["received"] == "2026-02-27");
  auto bad = add(synthetic_fnr(3, 7, 1950), "i forgårs");
  CHECK(bad.code == 65);
  CHECK(test::error_key(bad) == "date.bad_past_input");  // suggests i dag, i går, -N: not i morgen or +14

  auto declined = f.oppteam({"--today", kToday, "--lang", "en", "refer", "add", "--fnr", synthetic_fnr(4, 7, 1950), "--reporter-type",
                             "fastlege", "--need", "x", "--declined", "muntlig"});
  INFO(declined.err);
  REQUIRE(declined.code == 0);
  const std::string number = declined.out.substr(0, declined.out.find('\n'));
  CHECK(declined.err == oppteam::render_message(oppteam::Lang::en, "refer.added_declined", {number}) + "\n");
}
