// util/text: the one check of stored text, visible(), clip() and
// dump_json(); the acting user's check (process/access) and the permission
// names of the rammeverk (config/access_roles).

#include "unit/errors.hpp"
#include "unit/temp_db.hpp"

#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/referral.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace oppteam;

TEST_CASE("text_problem: UTF-8 without NUL or controls, newline only in free text", "[ux][text]") {
  CHECK_FALSE(text_problem("Åse Ødegård, tab\there"));
  CHECK_FALSE(text_problem("two\nlines", TextField::lines));
  CHECK_FALSE(text_problem("\xE2\x80\xAE bidi is text (shown, not refused)", TextField::line));
  auto p = text_problem("P\xE5l");
  REQUIRE(p);
  CHECK(p->key == "text.not_utf8");
  CHECK(p->byte == 2);
  CHECK(p->shown == "\\xE5");
  CHECK(text_problem(std::string("a\0b", 3))->key == "text.nul");
  CHECK(text_problem("a\x1b[2J")->shown == "\\e");
  CHECK(text_problem("a\rb")->key == "text.control");
  CHECK(text_problem("a\x7f")->key == "text.control");
  CHECK(text_problem("a\xC2\x9B")->key == "text.control");  // C1 CSI
  CHECK(text_problem("two\nlines", TextField::line)->key == "text.line_break");
  CHECK(text_problem("\xC0\xAF")->key == "text.not_utf8");      // overlong '/'
  CHECK(text_problem("\xED\xA0\x80")->key == "text.not_utf8");  // a surrogate
  CHECK(unit::key_of([] { require_text("x\x1b", "--need"); }) == "text.control");
  CHECK(unit::code_of([] { require_text("x\x1b", "--need"); }) == ExitCode::data);
}

TEST_CASE("visible: controls, escapes, C1 and bidi overrides are shown, text and newlines stay", "[ux][text]") {
  CHECK(visible("Åse\tØ\nÅ") == "Åse\tØ\nÅ");
  CHECK(visible("a\x1b]52;c;eA==\x07z") == "a\\e]52;c;eA==\\x07z");
  CHECK(visible("a\rb") == "a\\rb");
  CHECK(visible("a\xE2\x80\xAE" "b\xE2\x81\xA6" "c") == "a<U+202E>b<U+2066>c");
  // Every Bidi_Control character, the marks too (session 12: the PDFs follow this rule).
  CHECK(visible("a\u200eb\u200fc\u061cd\u202ae\u2069f") == "a<U+200E>b<U+200F>c<U+061C>d<U+202A>e<U+2069>f");
  CHECK(visible("\u200b\u200d") == "\u200b\u200d");  // zero-width space and joiner reorder nothing: kept
  CHECK(visible("a\xC2\x9B" "1m") == "a<U+009B>1m");
  CHECK(visible("P\xE5l") == "P\\xE5l");
  CHECK(visible("one\nline\t", false) == "one\\nline\\t");
  // printable(): with colour on, only paint()'s own codes pass.
  TerminalStyle colour;
  colour.colour = true;
  CHECK(printable(paint("x", Tone::heading, colour), colour) == paint("x", Tone::heading, colour));
  CHECK(printable("\x1b[2J", colour) == "\\e[2J");
  TerminalStyle plain;
  CHECK(printable("\x1b[1m", plain) == "\\e[1m");
  // A table cell cannot carry an escape sequence to the terminal.
  Table t({"name"});
  t.add({"A\x1b[2JB"});
  CHECK(t.render(plain).find('\x1b') == std::string::npos);
}

TEST_CASE("clip: at most 200 bytes, cut at a character boundary", "[ux][text]") {
  CHECK(clip("kort") == "kort");
  const std::string long_text = std::string(199, 'x') + "ø" + std::string(100, 'y');
  const std::string c = clip(long_text);
  CHECK(c == std::string(199, 'x') + "…");
  CHECK(valid_utf8(c));
}

TEST_CASE("dump_json: a string that is not UTF-8 comes out as U+FFFD instead of throwing", "[ux][text]") {
  bool replaced = true;
  CHECK(dump_json(nlohmann::json{{"a", "ok"}}, -1, replaced) == R"({"a":"ok"})");
  CHECK_FALSE(replaced);
  const std::string out = dump_json(nlohmann::json{{"name", "P\xE5l"}}, 2, replaced);
  CHECK(replaced);
  CHECK(out.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK_NOTHROW(nlohmann::json::parse(out));
}

TEST_CASE("checked_actor: printable, at most 64 characters, else 64 (usage)", "[ux][text][access]") {
  CHECK(checked_actor("Åse Ødegård") == "Åse Ødegård");
  CHECK(checked_actor(std::string(64, 'a')).size() == 64);
  for (const std::string& bad : {std::string("a\nb"), std::string("a\x1b[2J"), std::string("a\r"), std::string(65, 'a'),
                                std::string("a\xE2\x80\xAE"), std::string("P\xE5l"), std::string()}) {
    INFO(bad);
    CHECK(unit::code_of([&] { checked_actor(bad); }) == ExitCode::usage);
  }
  CHECK(unit::key_of([] { checked_actor(std::string(65, 'a')); }) == "access.actor_too_long");
  CHECK(unit::key_of([] { checked_actor("a\nb"); }) == "access.actor_unprintable");
  // 64 characters of two bytes each are 64 characters, not 128.
  std::string wide;
  for (int i = 0; i < 64; ++i) wide += "ø";
  CHECK(checked_actor(wide) == wide);
}

TEST_CASE("known_permission_pattern: the permissions the commands ask for, their areas, * and coordinated:", "[ux][text][access]") {
  CHECK(known_permission_pattern("*"));
  CHECK(known_permission_pattern("case.read"));
  CHECK(known_permission_pattern("case.*"));
  CHECK(known_permission_pattern("assess.*"));
  CHECK(known_permission_pattern("coordinated:plan.*"));
  CHECK(known_permission_pattern("access.act_as"));
  CHECK_FALSE(known_permission_pattern("case.raed"));
  CHECK_FALSE(known_permission_pattern("cas.*"));
  CHECK_FALSE(known_permission_pattern("coordinated:"));
  // Every permission of the built-in roles is known.
  for (const auto& role : builtin_access_roles())
    for (const auto& p : role.permissions) CHECK(known_permission_pattern(p));
}

TEST_CASE("add_referral: a bad field is refused with the text key, naming the option, nothing stored", "[ux][text]") {
  unit::TempFolder tmp;
  Rammeverk rv = load_rammeverk(embedded::example_rammeverk, "examples/rammeverk.toml");
  Clock clock{*try_parse_date("2026-03-02")};
  Database db = init_database(tmp.file("k.db"), rv, clock, "tester");
  Context ctx{db, rv, clock, "tester", Lang::en};
  ReferralInput in;
  in.fnr = "23923901213";
  in.reporter_type = "fastlege";
  in.received = "2026-03-01";
  in.need = "Trenger\x1b[2J koordinering";
  CHECK(unit::key_of([&] { add_referral(ctx, in); }) == "text.control");
  try {
    add_referral(ctx, in);
  } catch (const Error& e) {
    CHECK(e.args().at(0) == "--need");
    CHECK(e.args().at(1) == "8");
  }
  in.need = "Trenger koordinering";
  in.name = "Per\nHansen";
  CHECK(unit::key_of([&] { add_referral(ctx, in); }) == "text.line_break");
  in.name = "P\xE5l";
  CHECK(unit::key_of([&] { add_referral(ctx, in); }) == "text.not_utf8");
  CHECK(db.sql().execAndGet("SELECT count(*) FROM referral").getInt() == 0);
}
