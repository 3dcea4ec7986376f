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
