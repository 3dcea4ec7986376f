// Session 10's findings on exit codes and language (notes/trial-case.md,
// findings 9 to 12): rammeverk values are 65 and fixed sets 64, each with
// the nearest value; remind's horizon stays in the calendar; an output file
// that cannot be made is an I/O error in the reader's language; statuses,
// dates and ids in the reader's language; singular after 1; sentences with
// a capital letter; an example in every group's help; the hint to reopen
// only where reopening is allowed.

#include "cli/harness.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <oppteam/i18n/messages.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace team_test;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A granted case with a team (koordinator Ane Lie) and one goal.
std::string case_with_goal(test::Fixture& f) {
  const std::string c = granted_case(f);
  auto t = f.oppteam(core_team(c));
  INFO(t.out << t.err);
  REQUIRE(t.code == 0);
  auto g = f.oppteam({"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"});
  INFO(g.out << g.err);
  REQUIRE(g.code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "participated", c, "--how", "Planmøte"}).code == 0);
  return c;
}

}  // namespace

TEST_CASE("a value the rammeverk does not know is 65, a value outside the CLI's fixed set 64, each naming the nearest", "[s10lang][exit]") {
  test::Fixture f;
  const std::string c = granted_case(f);
  auto run = [&](std::vector<std::string> args) {
    auto r = f.oppteam(cat({"--json", "--today", "2026-03-11"}, args));
    INFO(r.out << r.err);
    return r;
  };
  // Options bound to a list of the rammeverk.
  struct Miss {
    std::vector<std::string> args;
    std::string nearest;
  };
  const std::vector<Miss> rammeverk_misses = {
      {{"refer", "add", "--fnr", kFnr, "--reporter-type", "fastleg", "--received", "2026-03-02", "--need", "x"}, "Fastlege"},
      {{"evaluate", c, "--goal", "1=1", "--indicator", "sykehusinnlegelser=0"}, ""},
      {{"case", "close", c, "--reason", "dead"}, ""},
      {{"assess", c, "--instrument", "kjenetegn"}, ""},
      {{"meeting", "add", c, "--kind", "kaffemote", "--date", "2026-03-10"}, ""},
      {{"case", "list", "--reporter-type", "ingen"}, ""},
      {{"team", "coordinator", c, "Ane Lie", "--role", "sjef"}, ""},
      {{"consent", "give", c, "--scope", "deling:navv", "--form", "muntlig", "--given-by", "person"}, ""},
  };
  for (const auto& m : rammeverk_misses) {
    auto r = run(m.args);
    INFO(m.args[0] << " " << m.args[1] << ": " << r.err);
    CHECK(r.code == 65);
    CHECK(test::error_key(r).rfind("choice.unknown", 0) == 0);
    CHECK(r.json()["error"].contains("details"));  // the valid values
  }
  // The nearest, where one is near.
  CHECK(test::error_key(run(rammeverk_misses[0].args)) == "choice.unknown_guess");
  CHECK(test::error_key(run(rammeverk_misses[3].args)) == "choice.unknown_guess");

  // Fixed sets of the CLI stay 64.
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"consent", "give", c, "--scope", "alt", "--form", "muntlig", "--given-by", "person"},
           {"consent", "give", c, "--scope", "team", "--form", "muntleg", "--given-by", "person"},
           {"consent", "give", c, "--scope", "team", "--form", "muntlig", "--given-by", "persn"},
           {"case", "list", "--status", "mottat"}}) {
    auto r = run(args);
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.code == 64);
    CHECK(test::error_key(r).rfind("choice.unknown", 0) == 0);
  }

  // Values inside a compound argument are checked by the process: 65, with the nearest.
  auto role = run({"team", "create", c, "--coordinator", "Ane Lie", "--member", "X:sykepleer:helse"});
  CHECK(role.code == 65);
  CHECK(test::error_key(role) == "team.unknown_role");
  CHECK(has(role.err, "«sykepleier»"));
  auto service = run({"team", "create", c, "--coordinator", "Ane Lie", "--member", "X:sykepleier:hjemmetjenesen"});
  CHECK(service.code == 65);
  CHECK(test::error_key(service) == "team.unknown_service");
  CHECK(has(service.err, "«hjemmetjenesten»"));
  auto item = run({"assess", c, "--instrument", "kjennetegn", "--answer", "flere_diagnoser=1", "--answer", "funksjonsfal=1", "--assessor", "Ane Lie",
                  "--profession", "sykepleier"});
  CHECK(item.code == 65);
  CHECK(test::error_key(item) == "assess.unknown_item");
  CHECK(has(item.err, "«funksjonsfall»"));

  // The import: a row with an unknown reporter type is a rejected row (65).
  const std::string batch = f.dir.write("batch.csv",
                                        "external_id,fnr,reporter_type,received,need\n"
                                        "e1,15811450038,fastleg,2026-03-01,x\n");
  auto imported = f.oppteam({"--json", "--today", "2026-03-11", "refer", "import", batch});
  INFO(imported.out << imported.err);
  CHECK(imported.code == 65);
  CHECK(imported.json()["rejected"] == 1);
  CHECK(imported.json()["errors"][0]["column"] == "reporter_type");
}

TEST_CASE("remind's --within is bounded, and a date near 9999-12-31 still shows what is overdue", "[s10lang][remind]") {
  test::Fixture f;
  const std::string c = refer(f);
  auto huge = f.oppteam({"--json", "--today", "2026-06-01", "remind", "--within", "3000000"});
  CHECK(huge.code == 64);
  CHECK(has(huge.err, "3660"));  // names the range
  auto most = f.oppteam({"--json", "--today", "2026-06-01", "remind", "--within", "3660"});
  INFO(most.err);
  CHECK(most.code == 0);
  CHECK(!most.json()["items"].empty());
  for (const std::string today : {"9999-12-20", "9999-12-31"}) {
    auto late = f.oppteam({"--json", "--today", today, "remind", "--within", "30"});
    INFO(today << ": " << late.err);
    CHECK(late.code == 0);
    CHECK(!late.json()["items"].empty());  // the case's overdue decision
  }
  // A case received on the last day: its deadlines stay in the calendar.
  test::Fixture g;
  auto added = g.oppteam({"--json", "--today", "9999-12-30", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege", "--received",
                          "9999-12-30", "--need", "x"});
  INFO(added.err);
  REQUIRE(added.code == 0);
  auto shown = g.oppteam({"--today", "9999-12-31", "case", "show", added.json()["case"].get<std::string>()});
  INFO(shown.err);
  CHECK(shown.code == 0);
  CHECK(!has(shown.out, "10000"));
  auto listed = g.oppteam({"--json", "--today", "9999-12-31", "case", "list"});
  CHECK(listed.code == 0);
  CHECK(!has(listed.out, "10000-"));
  // A relative date past the calendar is bad input.
  auto far = g.oppteam({"--json", "--today", "9999-12-30", "case", "list", "--received-to", "+30"});
  CHECK(far.code == 65);
}

TEST_CASE("an output file that cannot be made is exit 74 with the reason in the reader's language", "[s10lang][files]") {
  test::Fixture f;
  const std::string c = case_with_goal(f);
  auto r = f.oppteam({"--json", "--today", "2026-03-12", "plan", "show", c, "--document", "--pdf", "/nonexistent/dir/x.pdf"});
  INFO(r.out << r.err);
  CHECK(r.code == 74);
  CHECK(test::error_key(r) == "output.cannot_create");
  CHECK(!has(r.err, "No such file"));
  auto en = f.oppteam({"--json", "--lang", "en", "--today", "2026-03-12", "plan", "show", c, "--document", "--pdf", "/nonexistent/dir/x.pdf"});
  CHECK(en.code == 74);
  CHECK(!has(en.err, "No such file"));  // our own words in English too
  // The archive's folder likewise.
  test::Fixture g;
  const std::string d = refer(g);
  REQUIRE(g.oppteam({"--today", "2026-03-05", "case", "close", d, "--reason", "withdrawn"}).code == 0);
  auto archive = g.oppteam({"--json", "--today", "2026-03-12", "archive", "export", "--case", d, "--out", "/nonexistent/dir/pkg"});
  INFO(archive.out << archive.err);
  CHECK(archive.code == 74);
  CHECK(test::error_key(archive) == "archive.dir_unusable");
  CHECK(!has(archive.err, "No such file"));
}

TEST_CASE("statuses and dates in errors are in the reader's language", "[s10lang][words]") {
  test::Fixture f;
  const std::string c = granted_case(f);
  REQUIRE(f.oppteam(core_team(c)).code == 0);
  auto again = f.oppteam(cat({"--json"}, core_team(c)));
  CHECK(again.code == 2);
  CHECK(test::error_key(again) == "team.exists");
  CHECK(!has(again.err, "active"));
  CHECK(!has(again.err, "2026-03-11"));
  CHECK(has(again.err, "11. mars 2026"));
  CHECK(has(again.err, "aktiv"));

  test::Fixture g;
  const std::string d = refer(g);
  auto reopen = g.oppteam({"--json", "--today", "2026-03-05", "case", "reopen", d, "--reason", "x"});
  CHECK(reopen.code == 2);
  CHECK(test::error_key(reopen) == "closing.not_closed");
  CHECK(!has(reopen.err, "received"));
  CHECK(has(reopen.err, "mottatt"));
  auto nn = g.oppteam({"--json", "--lang", "nn", "--today", "2026-03-05", "case", "reopen", d, "--reason", "x"});
  CHECK(has(nn.err, "motteken"));
}

TEST_CASE("English output shows labels, not Norwegian ids", "[s10lang][words]") {
  test::Fixture f;
  const std::string c = refer(f);
  auto given = f.oppteam({"--today", "2026-03-03", "consent", "give", c, "--scope", "utredning", "--form", "muntlig", "--given-by", "verge",
                          "--name", "Kari Verge", "--reason", "Oppnevnt verge"});
  INFO(given.err);
  REQUIRE(given.code == 0);
  auto shown = f.oppteam({"--lang", "en", "--today", "2026-03-04", "case", "show", c});
  REQUIRE(shown.code == 0);
  CHECK(has(shown.out, "legal guardian"));
  CHECK(!has(shown.out, "verge ("));
  // A year on the consent is due for review: the note names its scope in English.
  auto due = f.oppteam({"--lang", "en", "--today", "2027-03-05", "remind", "--within", "14"});
  INFO(due.out << due.err);
  REQUIRE(due.code == 0);
  CHECK(has(due.out, "consent: assessment"));
  CHECK(!has(due.out, "utredning"));
  // What consent give says of a sharing scope reads as consent list shows it.
  auto sharing = f.oppteam({"--lang", "en", "--today", "2026-03-04", "consent", "give", c, "--scope", "deling:nav", "--form",
                            "muntlig", "--given-by", "person"});
  INFO(sharing.out << sharing.err);
  REQUIRE(sharing.code == 0);
  CHECK(has(sharing.out + sharing.err, "sharing with nav"));
  CHECK(!has(sharing.out + sharing.err, "deling:nav"));
}

TEST_CASE("a count of 1 takes the singular in nb, nn and en", "[s10lang][plural]") {
  test::Fixture f;
  const std::string c = granted_case(f);
  auto t = f.oppteam({"--today", "2026-03-11", "team", "create", c, "--coordinator", "Ane Lie"});
  INFO(t.err);
  REQUIRE(t.code == 0);
  CHECK(has(t.out + t.err, "med 1 deltaker;"));
  // One day overdue, one item, within one day: the audit log's detail of remind.
  auto r = f.oppteam({"--today", "2026-03-26", "remind", "--within", "1"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  auto log = f.oppteam({"--today", "2026-03-26", "audit", "log", "--limit", "1"});
  INFO(log.out);
  CHECK(!has(log.out, "1 punkter"));
  CHECK(!has(log.out, "1 dager"));
  CHECK(has(log.out, "innen 1 dag"));
}

TEST_CASE("case close of a case closed by evaluation gives no hint to reopen it", "[s10lang][close]") {
  test::Fixture f;
  const std::string c = case_with_goal(f);
  auto e = f.oppteam({"--today", "2026-03-20", "evaluate", c, "--goal", "1=2", "--decision", "close", "--reason", "Nådd"});
  INFO(e.err);
  REQUIRE(e.code == 0);
  auto closed = f.oppteam({"--json", "--today", "2026-03-21", "case", "close", c, "--reason", "died"});
  CHECK(closed.code == 2);
  CHECK(test::error_key(closed) == "closing.already_closed_final");
  CHECK(!has(closed.err, "case reopen"));
  CHECK(f.oppteam({"--today", "2026-03-21", "case", "reopen", c, "--reason", "x"}).code == 2);

  // Closed with case close, within the period: the hint stays, and reopen works.
  test::Fixture g;
  const std::string d = refer(g);
  REQUIRE(g.oppteam({"--today", "2026-03-05", "case", "close", d, "--reason", "withdrawn"}).code == 0);
  auto twice = g.oppteam({"--json", "--today", "2026-03-06", "case", "close", d, "--reason", "withdrawn"});
  CHECK(twice.code == 2);
  CHECK(test::error_key(twice) == "closing.already_closed");
  // Past the period: no hint.
  auto late = g.oppteam({"--json", "--today", "2027-03-06", "case", "close", d, "--reason", "withdrawn"});
  CHECK(test::error_key(late) == "closing.already_closed_final");
  CHECK(g.oppteam({"--today", "2026-03-06", "case", "reopen", d, "--reason", "x"}).code == 0);
}

TEST_CASE("messages shown as a sentence start with a capital letter", "[s10lang][words]") {
  // Every key a command says on stderr (say) or prints as its whole
  // message (emit with text, or a text = s.text(...) of its own).
  std::set<std::string> keys;
  const std::regex said(R"re((?:say|emit\([^;]*text|(?:text|msg) = s\.text)\("([a-z_.]*[a-z_])"[,)])re");
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("src/cli"))) {
    if (entry.path().filename().string().rfind("cmd_", 0) != 0) continue;
    const std::string text = test::read_file(entry.path().string());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), said); it != std::sregex_iterator(); ++it) keys.insert((*it)[1]);
  }
  REQUIRE(keys.count("plan.goal_added") == 1);
  REQUIRE(keys.count("evaluate.done_close") == 1);
  for (const auto lang : {oppteam::Lang::nb, oppteam::Lang::nn, oppteam::Lang::en})
    for (const auto& key : keys) {
      INFO(key);
      REQUIRE(oppteam::has_message(key));
      const std::string text = oppteam::render_message(lang, key, {"1", "2026/1", "3", "4", "5", "6", "7"});
      INFO(key << ": " << text);
      CHECK(!(text[0] >= 'a' && text[0] <= 'z'));
      CHECK(!(text.rfind("å", 0) == 0 || text.rfind("ø", 0) == 0 || text.rfind("æ", 0) == 0));
    }
}
