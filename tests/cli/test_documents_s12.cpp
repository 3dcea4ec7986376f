// Documents that must say what the officer saw (trial s12, findings 3, 7,
// 10 and 13): a bidi control in a PDF shown as the terminal and the HTML
// show it; a refused `archive export` leaves nothing behind; an old plan
// revision says it was replaced; a plan period the wrong way round names
// each date as it was typed and is bad input data (65).

#include "cli/test_documents_util.hpp"
#include "cli/test_team_helpers.hpp"

#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/util/markup.hpp>

#include <dirent.h>
#include <sys/stat.h>

#include <set>

using namespace team_test;
using documents_test::pdf_text;
using oppteam::Lang;
using oppteam::long_date;
using oppteam::tr;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool poppler_missing() {
  if (documents_test::have("pdftotext")) return false;
  WARN("pdftotext (poppler-utils) missing: the PDF is not read back here (CI installs it)");
  return true;
}

// `text` with every run of white space as one space (a PDF's line breaks
// fall where the page is full).
std::string flat(const std::string& text) {
  std::string out;
  for (char ch : text) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\f';
    if (!space) out += ch;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

bool exists(const std::string& path) {
  struct stat st{};
  return ::lstat(path.c_str(), &st) == 0;
}

// The names in folder `dir` (without . and ..).
std::set<std::string> names_in(const std::string& dir) {
  std::set<std::string> out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = ::readdir(d)) {
    const std::string n = e->d_name;
    if (n != "." && n != "..") out.insert(n);
  }
  ::closedir(d);
  return out;
}

// A team case (team_case) closed by its evaluation on 2026-09-01, with a
// plan of two revisions: ready to be archived.
std::string closed_case(test::Fixture& f) {
  const std::string c = team_case(f);
  ok(f, {"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"});
  ok(f, {"--today", "2026-03-12", "plan", "participated", c, "--how", "Planmøte heime"});
  ok(f, {"--today", "2026-09-01", "evaluate", c, "--goal", "1=+2", "--decision", "close", "--reason", "Målet er nådd"});
  return c;
}

// `oppteam --db DB ARGS`, on a database other than the fixture's.
test::Result on_db(test::Fixture& f, const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--as", "saksbehandler1"});
  return test::run(args, "", {{"HOME", f.dir.path()}});
}

}  // namespace

TEST_CASE("a PDF shows each bidi control as the terminal and the HTML do, never the text it would reorder", "[documents][pdf][s12]") {
  if (poppler_missing()) return;
  test::Fixture f;
  const std::string c = team_case(f);
  // The overrides, embeddings, isolates and marks (Unicode's Bidi_Control).
  const std::vector<std::pair<std::string, std::string>> marks = {
      {"\u202e", "<U+202E>"}, {"\u202b", "<U+202B>"}, {"\u2067", "<U+2067>"}, {"\u200f", "<U+200F>"}, {"\u061c", "<U+061C>"}};
  for (const auto& [mark, shown] : marks)
    ok(f, {"--today", "2026-03-12", "plan", "goal", c, "--text", "Frist 2026: ikkje " + mark + "NEI til innlegging"});
  const std::string text = ok(f, {"plan", "show", c, "--document"}).out;
  const std::string html = ok(f, {"plan", "show", c, "--document", "--html"}).out;
  const std::string pdf = f.dir.file("plan.pdf");
  ok(f, {"plan", "show", c, "--document", "--pdf", pdf});
  const std::string printed = pdf_text(pdf);
  for (const auto& [mark, shown] : marks) {
    INFO(shown);
    const std::string expected = "ikkje " + shown + "NEI til innlegging";
    CHECK(has(text, expected));
    CHECK(has(html, oppteam::markup_escape(expected)));
    CHECK(has(printed, expected));
  }
  CHECK_FALSE(has(printed, "gniggelnni"));  // "innlegging" reversed

  // The decision letter of a refusal whose grounds hold an override.
  test::Fixture g;
  const std::string r = refer(g);
  consent(g, r, "utredning");
  REQUIRE(assess(g, r, "Ane Lie", "sykepleier").code == 0);
  const std::string letter = g.dir.file("vedtak.pdf");
  ok(g, {"--today", "2026-03-10", "decide", r, "--refuse", "--grounds", "Du har \u202erett til klage ikkje", "--pdf", letter});
  const std::string sent = pdf_text(letter);
  CHECK(has(sent, "Du har <U+202E>rett til klage ikkje"));
  CHECK_FALSE(has(sent, "ejkki"));
}

TEST_CASE("archive export refused for its target leaves no file it would have written", "[documents][archive][s12]") {
  test::Fixture f;
  const std::string c = closed_case(f);
  const std::string stem = c.substr(0, 4) + "-" + c.substr(5);  // 2026/1 → 2026-1

  // The database is the package's arkivstruktur.xml: refused (64), and no
  // letter was written before the refusal.
  const std::string colx = f.dir.file("colx");
  REQUIRE(::mkdir(colx.c_str(), 0700) == 0);
  const std::string db1 = colx + "/arkivstruktur.xml";
  ok(f, {"backup", "--to", db1});
  auto r1 = on_db(f, db1, {"--json", "archive", "export", "--case", c, "--out", colx, "--force"});
  CHECK(r1.code == 64);
  CHECK(test::error_key(r1) == "output.protected");
  CHECK_FALSE(exists(colx + "/dokumenter"));
  CHECK_FALSE(exists(colx + "/sjekksummer.sha256"));
  CHECK(on_db(f, db1, {"case", "show", c}).code == 0);

  // The database is the package's second document: the first is not left
  // behind either, nor the folders this run would have made.
  const std::string pkg = f.dir.file("pkg");
  const std::string docs = pkg + "/dokumenter";
  REQUIRE(::mkdir(pkg.c_str(), 0700) == 0);
  REQUIRE(::mkdir(docs.c_str(), 0700) == 0);
  const std::string db2 = docs + "/" + stem + "-2.pdf";
  ok(f, {"backup", "--to", db2});
  const auto before = names_in(docs);
  auto r2 = on_db(f, db2, {"--json", "archive", "export", "--case", c, "--out", pkg, "--force"});
  CHECK(r2.code == 64);
  CHECK(test::error_key(r2) == "output.protected");
  CHECK(names_in(docs) == before);
  CHECK(names_in(pkg) == std::set<std::string>{"dokumenter"});

  // A write that fails after the package's files are written (a file size
  // limit of 40 KiB, which each PDF passes and the database's commit does
  // not: 74): every file and folder this run made is removed again.
  if (documents_test::have("bash")) {
    const std::string late = f.dir.file("late");
    auto limited = documents_test::tool({"bash", "-c", "trap '' XFSZ; ulimit -f 40; exec \"$0\" \"$@\" 2>/dev/null", test::binary(),
                                         "--db", f.db(), "archive", "export", "--case", c, "--out", late});
    CHECK(limited.code == 74);
    CHECK_FALSE(exists(late));
  }
  // And without the limit the same export is whole.
  auto whole = f.oppteam({"--json", "archive", "export", "--case", c, "--out", f.dir.file("late")});
  INFO(whole.err);
  CHECK(whole.code == 0);
}

TEST_CASE("plan show --revision N of a replaced revision says which of how many and when it was replaced", "[plan][documents][s12]") {
  test::Fixture f;
  const std::string c = team_case(f);
  ok(f, {"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"});          // revision 1
  ok(f, {"--today", "2026-03-14", "plan", "participated", c, "--how", "Planmøte heime"});   // revision 2
  ok(f, {"--today", "2026-03-20", "plan", "goal", c, "--text", "Gå tur kvar dag"});         // revision 3

  auto old = ok(f, {"--json", "plan", "show", c, "--revision", "1"}).json();
  CHECK(old["revision"] == 1);
  CHECK(old["latest_revision"] == 3);
  CHECK(old["replaced_by"]["revision"] == 2);
  CHECK(old["replaced_by"]["at"].get<std::string>().substr(0, 10) == "2026-03-14");
  auto now = ok(f, {"--json", "plan", "show", c}).json();
  CHECK(now["latest_revision"] == 3);
  CHECK(now["replaced_by"].is_null());
  auto latest = ok(f, {"--json", "plan", "show", c, "--revision", "3"}).json();
  CHECK(latest["replaced_by"].is_null());
  auto doc = ok(f, {"--json", "plan", "show", c, "--revision", "1", "--document"}).json();
  CHECK(doc["latest_revision"] == 3);
  CHECK(doc["replaced_by"]["revision"] == 2);

  for (const Lang L : {Lang::nb, Lang::en}) {
    const std::string code(oppteam::lang_code(L));
    INFO(code);
    const std::string replaced = tr(L, "plan.replaced_by", 2, long_date("2026-03-14", L));
    const std::string screen = ok(f, {"--lang", code, "plan", "show", c, "--revision", "1"}).out;
    const std::string head = screen.substr(0, screen.find('\n'));
    CHECK(head == tr(L, "plan.view.title_fu", c, "Per Hansen", tr(L, "plan.revision_of", 1, 3), replaced));
    CHECK_FALSE(has(head, tr(L, "plan.pstatus.open")));
    const std::string current = ok(f, {"--lang", code, "plan", "show", c}).out;
    CHECK(has(current.substr(0, current.find('\n')), tr(L, "plan.pstatus.open")));

    const std::string line = tr(L, "plan.doc.replaced", 1, 3, 2, long_date("2026-03-14", L));
    CHECK(has(ok(f, {"--lang", code, "plan", "show", c, "--revision", "1", "--document"}).out, line));
    CHECK(has(ok(f, {"--lang", code, "plan", "show", c, "--revision", "1", "--document", "--html"}).out, oppteam::markup_escape(line)));
    CHECK_FALSE(has(ok(f, {"--lang", code, "plan", "show", c, "--document"}).out, line));
    if (!poppler_missing()) {
      const std::string pdf = f.dir.file("plan-" + code + ".pdf");
      ok(f, {"--lang", code, "plan", "show", c, "--revision", "1", "--document", "--pdf", pdf});
      CHECK(has(flat(pdf_text(pdf)), flat(line)));
    }
  }
}

TEST_CASE("a period the wrong way round names each date as typed and is bad input data (65)", "[plan][report][s12]") {
  test::Fixture f;
  const std::string c = team_case(f);
  const Lang L = Lang::en;
  auto message = [](const test::Result& r) { return r.json()["error"]["message"].get<std::string>(); };

  auto both = f.oppteam({"--json", "--lang", "en", "plan", "set", c, "--period-from", "2027-01-01", "--period-to", "2026-01-01"});
  CHECK(both.code == 65);
  CHECK(test::error_key(both) == "plan.bad_period");
  CHECK(message(both) == tr(L, "plan.bad_period", long_date("2026-01-01", L), long_date("2027-01-01", L)));

  // One end given, the other stored: the same check.
  ok(f, {"--today", "2026-03-12", "plan", "set", c, "--period-from", "2026-06-01"});
  auto to_only = f.oppteam({"--json", "--lang", "en", "--today", "2026-03-12", "plan", "set", c, "--period-to", "2026-05-01"});
  CHECK(to_only.code == 65);
  CHECK(test::error_key(to_only) == "plan.bad_period");
  CHECK(message(to_only) == tr(L, "plan.bad_period", long_date("2026-05-01", L), long_date("2026-06-01", L)));
  ok(f, {"--today", "2026-03-12", "plan", "set", c, "--period-to", "2026-12-31"});
  auto from_only = f.oppteam({"--json", "--lang", "en", "--today", "2026-03-12", "plan", "set", c, "--period-from", "2027-02-01"});
  CHECK(from_only.code == 65);
  CHECK(message(from_only) == tr(L, "plan.bad_period", long_date("2026-12-31", L), long_date("2027-02-01", L)));

  auto report = f.oppteam({"--json", "--lang", "en", "report", "--from", "2026-12-31", "--to", "2026-01-01"});
  CHECK(report.code == 65);
  CHECK(test::error_key(report) == "report.from_after_to");
  CHECK(message(report) == tr(L, "report.from_after_to", long_date("2026-12-31", L), long_date("2026-01-01", L)));
}
