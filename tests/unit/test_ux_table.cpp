// Tables, wrapping, markers and colour (issue 8).

#include <oppteam/io/table.hpp>
#include <oppteam/io/terminal.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <sstream>

using namespace oppteam;

namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The lines of a table of `headers` and `rows`, rendered in `style`.
std::vector<std::string> table_lines(std::vector<std::string> headers, const std::vector<std::vector<std::string>>& rows,
                                     TerminalStyle style = TerminalStyle{}) {
  Table t(std::move(headers));
  for (const auto& row : rows) t.add(row);
  return lines_of(t.render(style));
}

}  // namespace

TEST_CASE("display width counts Norwegian letters as one column each", "[ux]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("Ærlig Østby på Å") == 16);
  CHECK(display_width("e\xcc\x81") == 1);          // e + combining acute
  CHECK(display_width("\x1b[1;31mrød\x1b[0m") == 3);  // colour escapes take no room
  CHECK(display_width("日本") == 4);
}

TEST_CASE("a table aligns columns by display width, not bytes", "[ux]") {
  const auto lines = table_lines({"Navn", "By"}, {{"Åse Ødegård", "Bø"}, {"Per", "Steinkjer"}});
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "Navn         By");
  CHECK(lines[1] == "-----------  ---------");
  CHECK(lines[2] == "Åse Ødegård  Bø");
  CHECK(lines[3] == "Per          Steinkjer");
}

TEST_CASE("right-aligned columns pad on the left", "[ux]") {
  Table t({"Sak", "Antall"});
  t.align_right(1);
  t.add({"2026/1", "7"});
  t.add({"2026/12", "123"});
  const auto lines = lines_of(t.render(TerminalStyle{}));
  CHECK(lines[2] == "2026/1        7");
  CHECK(lines[3] == "2026/12     123");
}

TEST_CASE("columns of numbers right-align by themselves, text columns stay left", "[ux]") {
  const auto lines =
      table_lines({"Område", "Poeng", "Kode"}, {{"Somatisk helse", "1", "12"}, {"Tjenester og risiko", "12", "<5"}, {"Psykisk helse", "", "1a"}});
  CHECK(lines[0] == "Område               Poeng  Kode");
  CHECK(lines[2] == "Somatisk helse           1  12");
  CHECK(lines[3] == "Tjenester og risiko     12  <5");
  CHECK(table_lines({"Fødselsnummer", "Navn"}, {{"12885011266", "Klara"}})[2] == "12885011266    Klara");  // ids stay left
  Table forced({"Nr", "Tekst"});
  forced.align_left(0);
  forced.add({"7", "x"});
  forced.add({"10", "y"});
  CHECK(lines_of(forced.render(TerminalStyle{}))[2] == "7   x");
  // A report's hidden counts ("x", "<5") and a missing value ("-") keep a
  // column of numbers right-aligned.
  const auto rl = table_lines({"Meldertype", "I alt", "Median"}, {{"Fastlege", "x", "-"}, {"Pårørende", "110", "38"}, {"Andre", "<5", "-"}});
  CHECK(rl[2] == "Fastlege        x       -");
  CHECK(rl[3] == "Pårørende     110      38");
}

TEST_CASE("long cells wrap to the terminal width at word boundaries", "[ux]") {
  Table t({"Sak", "Behov"});
  t.add({"2026/1", "Trenger koordinering av hjemmesykepleie, fastlege og NAV etter flere innleggelser på sykehuset i vinter"});
  const auto out = t.render(TerminalStyle{40, false});
  const auto lines = lines_of(out);
  REQUIRE(lines.size() > 3);
  for (const auto& l : lines) CHECK(display_width(l) <= 40);
  // The continuation lines keep the second column aligned.
  CHECK(lines[2].rfind("2026/1  Trenger", 0) == 0);
  CHECK(lines[3].rfind("        ", 0) == 0);
  // Nothing is lost.
  std::string joined;
  for (std::size_t i = 2; i < lines.size(); ++i) joined += lines[i].substr(8) + " ";
  CHECK(joined.find("innleggelser på sykehuset i vinter") != std::string::npos);
}

TEST_CASE("when a table must narrow, long text gives before dates and names", "[ux]") {
  Table t({"Sak", "Status", "Mottatt", "Navn", "Frist", "Behov"});
  t.add({"2026/1", "mottatt", "2. mars 2026", "Klara Nilsen", "27. april 2026",
         "Trenger koordinering av hjemmesykepleie, fastlege og fysioterapeut"});
  const auto lines = lines_of(t.render(TerminalStyle{80, false}));
  for (const auto& l : lines) CHECK(display_width(l) <= 80);
  CHECK(lines[2].find("2. mars 2026") != std::string::npos);
  CHECK(lines[2].find("27. april 2026") != std::string::npos);
  CHECK(lines[2].find("Klara Nilsen") != std::string::npos);
  CHECK(lines.size() > 3);  // the need took more lines
  // Too narrow for whole words: words break as a last resort, nothing is lost.
  Table narrow({"Rolle", "Tjeneste"});
  narrow.add({"Fastlege (medisinskfaglig koordinering)", "Fysio- og ergoterapitjenesten"});
  const auto tight = lines_of(narrow.render(TerminalStyle{20, false}));
  for (const auto& l : tight) CHECK(display_width(l) <= 20);
}

TEST_CASE("without a width (a pipe) nothing wraps", "[ux]") {
  const std::string need(300, 'x');
  const auto lines = table_lines({"Sak", "Behov"}, {{"2026/1", need}}, TerminalStyle{0, false});
  REQUIRE(lines.size() == 3);
  CHECK(lines[2] == "2026/1  " + need);
}

TEST_CASE("wrap_text breaks words only when they are too long", "[ux]") {
  CHECK(wrap_text("Å bo heime", 5) == std::vector<std::string>{"Å bo", "heime"});
  CHECK(wrap_text("Å bo heime", 4) == std::vector<std::string>{"Å bo", "hei‐", "me"});
  CHECK(wrap_text("abcdefghij", 4) == std::vector<std::string>{"abc‐", "def‐", "ghij"});
  CHECK(wrap_text("æøåæøå", 3) == std::vector<std::string>{"æø‐", "åæ‐", "øå"});
  CHECK(wrap_text("to\nlinjer", 0) == std::vector<std::string>{"to", "linjer"});
  CHECK(wrap_text("", 10) == std::vector<std::string>{""});
}

TEST_CASE("a paragraph sign stays on the line of the number it names", "[ux]") {
  // Without the rule "§" ends the first line and "7-2" starts the next.
  CHECK(wrap_text("klage etter § 7-2 til", 13) == std::vector<std::string>{"klage etter", "§ 7-2 til"});
  CHECK(wrap_text("jf. §§ 7-2 og 7-5", 7) == std::vector<std::string>{"jf.", "§§ 7-2", "og 7-5"});
  // Where the two do not fit on one line together they part as before.
  CHECK(wrap_text("§ 7-2", 3) == std::vector<std::string>{"§", "7-2"});
  // A paragraph's letter goes with it too: "§ 11 a" is one, also before a bracket.
  CHECK(wrap_text("svar (fvl. § 11 a) nå", 14) == std::vector<std::string>{"svar (fvl.", "§ 11 a) nå"});
  CHECK(wrap_text("etter § 11 a og", 10) == std::vector<std::string>{"etter", "§ 11 a og"});
  // ... but not a word that only starts with a letter.
  CHECK(wrap_text("etter § 11 annet", 11) == std::vector<std::string>{"etter § 11", "annet"});
}

TEST_CASE("a word split inside carries a visible mark, a hyphenated name breaks at its hyphen", "[ux]") {
  CHECK(wrap_text("Kristin Marie Østby-Haugland", 15) == std::vector<std::string>{"Kristin Marie", "Østby-Haugland"});
  CHECK(wrap_text("Kristin Marie Østby-Haugland", 10) ==
        std::vector<std::string>{"Kristin", "Marie", "Østby-", "Haugland"});
  CHECK(wrap_text("sykehusinnleggelser=0", 10) == std::vector<std::string>{"sykehusin‐", "nleggelse‐", "r=0"});
  CHECK(wrap_text("ab", 1) == std::vector<std::string>{"a", "b"});  // no room for a mark
}

TEST_CASE("at 80 columns a case list keeps dates, headers and numbers whole", "[ux]") {
  Table t({"Sak", "Status", "Mottatt", "Meldertype", "Navn", "Fødselsnummer", "Frist", "Dato"});
  t.drop_when_narrow(3);
  t.drop_when_narrow(2);
  t.add({"2026/1", "mottatt", "30. september 2026", "fastlege, pårørende", "Kristin Marie Østby-Haugland", "12885011266",
         "foreløpig svar", "30. oktober 2026"});
  t.mark(7, Mark::overdue);
  const auto out = t.render(TerminalStyle{80, false});
  for (const auto& l : lines_of(out)) CHECK(display_width(l) <= 80);
  CHECK(out.find("Fødselsnummer") != std::string::npos);
  CHECK(out.find("12885011266") != std::string::npos);
  CHECK(out.find("30. oktober 2026 !") != std::string::npos);
  CHECK(out.find("Østby-") != std::string::npos);
  // The wide table still shows everything when there is room.
  const auto wide = t.render(TerminalStyle{200, false});
  CHECK(wide.find("30. september 2026") != std::string::npos);
  CHECK(wide.find("fastlege, pårørende") != std::string::npos);
}

TEST_CASE("dates never wrap, even in a table too narrow for its words", "[ux]") {
  Table t({"Dato", "Tekst", "Tekst2"});
  t.add({"30. september 2026", "hjemmesykepleietjenesten", "fysioterapitjenesten"});
  const auto lines = lines_of(t.render(TerminalStyle{50, false}));
  CHECK(lines[2].find("30. september 2026") != std::string::npos);
  for (const auto& l : lines) CHECK(display_width(l) <= 50);
  std::string all;
  for (const auto& l : lines) all += l + "\n";
  CHECK(all.find("‐") != std::string::npos);  // a word split shows its mark
}

TEST_CASE("long lines of a whole output wrap to the terminal at word boundaries", "[ux]") {
  const std::string text = "Person: Kristin Marie Østby-Haugland, fødselsnummer 12885011266, født 12. august 1950 (76 år)\n"
                           "  - Å bo heime så lenge som mogleg og ha kontakt med barnebarna i Bø og i Tromsø\nkort\n";
  const auto out = wrap_lines(text, 40);
  for (const auto& l : lines_of(out)) CHECK(display_width(l) <= 40);
  CHECK(out.find("\n    kontakt med") != std::string::npos);  // a list item keeps its hanging indent
  CHECK(out.find("\nkort\n") != std::string::npos);
  CHECK(wrap_lines(text, 0) == text);
  CHECK(out.back() == '\n');
}

TEST_CASE("an overdue cell has a plain marker, and colour only when colour is on", "[ux]") {
  Table t({"Sak", "Frist"});
  t.add({"2026/1", "2. mars 2026"});
  t.mark(1, Mark::overdue);
  t.add({"2026/2", "9. mars 2026"});
  t.mark(1, Mark::warning);
  CHECK(t.has_marks());
  const auto plain = t.render(TerminalStyle{80, false});
  CHECK(plain.find("2. mars 2026 !") != std::string::npos);
  CHECK(plain.find("9. mars 2026 *") != std::string::npos);
  CHECK(plain.find('\x1b') == std::string::npos);
  const auto coloured = t.render(TerminalStyle{80, true});
  CHECK(coloured.rfind("\x1b[1mSak\x1b[0m", 0) == 0);  // a bold header
  CHECK(coloured.find("\x1b[1;31m2. mars 2026 !\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[33m9. mars 2026 *\x1b[0m") != std::string::npos);
  CHECK(strip_ansi(coloured) == plain);
}

TEST_CASE("the marker legend is in the catalogue's languages", "[ux]") {
  CHECK(mark_legend(Lang::nb) == "! = forfalt   * = forfaller snart");
  CHECK(mark_legend(Lang::nn) == "! = forfalle   * = forfell snart");
  CHECK(mark_legend(Lang::en) == "! = overdue   * = due soon");
}

TEST_CASE("a field list pads labels and wraps values with a hanging indent", "[ux]") {
  FieldList f;
  f.add("Sak", "2026/1");
  f.add("Behov", "Trenger hjelp til å koordinere tjenestene rundt seg etter hjerneslag");
  f.add("Foreløpig svar", "1. april 2026", Mark::overdue);
  const auto lines = lines_of(f.render(TerminalStyle{40, false}));
  REQUIRE(lines.size() >= 4);
  CHECK(lines[0] == "Sak             2026/1");
  CHECK(lines[1].rfind("Behov           Trenger", 0) == 0);
  CHECK(lines[2].rfind("                ", 0) == 0);
  CHECK(lines.back() == "Foreløpig svar  1. april 2026 !");
  for (const auto& l : lines) CHECK(display_width(l) <= 40);
}

namespace {
// Restores an environment variable when the test ends.
struct EnvGuard {
  std::string name;
  std::optional<std::string> old;
  explicit EnvGuard(std::string n) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) old = v;
  }
  ~EnvGuard() {
    if (old) ::setenv(name.c_str(), old->c_str(), 1);
    else ::unsetenv(name.c_str());
  }
};
}  // namespace

TEST_CASE("colour is decided by the terminal and NO_COLOR, never for a pipe", "[ux]") {
  EnvGuard g1("NO_COLOR"), g2("TERM"), g3("COLUMNS");
  ::unsetenv("NO_COLOR");
  ::setenv("TERM", "xterm-256color", 1);
  ::unsetenv("COLUMNS");
  CHECK_FALSE(detect_terminal_style(1, false).colour);
  CHECK(detect_terminal_style(1, false).width == 0);
  ::setenv("COLUMNS", "100", 1);
  CHECK(detect_terminal_style(1, false).width == 100);
  // fd -1 is no terminal: the width falls back to $COLUMNS.
  CHECK(detect_terminal_style(-1, true).width == 100);
  CHECK(detect_terminal_style(-1, true).colour);
  ::setenv("NO_COLOR", "1", 1);
  CHECK_FALSE(detect_terminal_style(-1, true).colour);
  ::unsetenv("NO_COLOR");
  ::setenv("TERM", "dumb", 1);
  CHECK_FALSE(detect_terminal_style(-1, true).colour);
  ::unsetenv("COLUMNS");
  CHECK(detect_terminal_style(-1, true).width == 80);
  CHECK(paint("x", Tone::overdue, TerminalStyle{80, false}) == "x");
}
