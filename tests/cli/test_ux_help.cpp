// Help at every level, suggestions for mistyped commands, the hidden
// completion command, and plain (colour-free, unwrapped) output in pipes.

#include "cli/harness.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

}  // namespace

TEST_CASE("oppteam with no arguments explains itself with real examples", "[ux]") {
  // Without --lang, a rammeverk or a Norwegian or English locale: Bokmål.
  auto r = test::run({});
  CHECK(r.code == 0);
  CHECK(r.out.find("oppfølgingsteam for personer med store og sammensatte behov") != std::string::npos);
  CHECK(r.out.find("Bruk: oppteam [VALG] [UNDERKOMMANDO]") != std::string::npos);
  CHECK(r.out.find("Prosessen, i rekkefølge:") != std::string::npos);
  CHECK(r.out.find("oppteam --db k.db refer add --fnr 23923901213") != std::string::npos);
  CHECK(r.out.find("complete") == std::string::npos);  // the completion engine is hidden
  // Help is wrapped to 80 columns when not at a terminal.
  for (const auto& l : lines_of(r.out)) CHECK(l.size() <= 100);
  auto h = test::run({"--help"});
  CHECK(h.code == 0);
  CHECK(h.out == r.out);
  auto en = test::run({}, "", {{"LANG", "en_GB.UTF-8"}});
  CHECK(en.out.find("Usage: oppteam [OPTIONS] [SUBCOMMAND]") != std::string::npos);
  CHECK(en.out.find("The process, in order:") != std::string::npos);
  CHECK(en.out.find("oppteam --db k.db refer add --fnr 23923901213") != std::string::npos);
  auto nn = test::run({}, "", {{"LANG", "nn_NO.UTF-8"}});
  CHECK(nn.out.find("Prosessen, i rekkjefølgje:") != std::string::npos);
}

TEST_CASE("every subcommand at every level has --help with an example", "[ux]") {
  auto top = test::run({"complete", "commands"});
  REQUIRE(top.code == 0);
  const auto commands = lines_of(top.out);
  REQUIRE(commands.size() >= 14);
  for (const auto& c : commands) {
    auto r = test::run({"--lang", "en", c, "--help"});
    INFO(c);
    CHECK(r.code == 0);
    CHECK(r.out.find("Usage: oppteam " + c) != std::string::npos);
    // A group of subcommands too (SPEC: "Each has --help with an example").
    CHECK((r.out.find("Example:") != std::string::npos || r.out.find("Examples:") != std::string::npos));
    CHECK(r.out.find(" " + c + " ", r.out.find("Example")) != std::string::npos);  // an example of the group
    for (const auto& sub : lines_of(test::run({"complete", "commands", "--", c}).out)) {
      auto s = test::run({"--lang", "en", c, sub, "--help"});
      INFO(c << " " << sub);
      CHECK(s.code == 0);
      CHECK(s.out.find("Usage: oppteam " + c + " " + sub) != std::string::npos);
      CHECK(s.out.find("oppteam ") != std::string::npos);
      CHECK((s.out.find("Example:") != std::string::npos || s.out.find("Examples:") != std::string::npos));
    }
  }
  auto via_help = test::run({"--lang", "en", "help", "refer", "add"});
  CHECK(via_help.code == 0);
  CHECK(via_help.out.find("Usage: oppteam refer add") != std::string::npos);
}

TEST_CASE("a mistyped subcommand names the nearest one and exits 64", "[ux]") {
  auto r = test::run({"refr"});
  CHECK(r.code == 64);
  CHECK(r.out.empty());
  CHECK(r.err.find("«refr» er ikke en kommando. Mente du «refer»?") != std::string::npos);

  auto nested = test::run({"--lang", "en", "team", "craete"});
  CHECK(nested.code == 64);
  CHECK(nested.err.find("'craete' is not a command. Did you mean 'create'?") != std::string::npos);
  CHECK(nested.err.find("See 'oppteam team --help'.") != std::string::npos);

  auto nn = test::run({"--lang", "nn", "remnd"});
  CHECK(nn.code == 64);
  CHECK(nn.err.find("Meinte du «remind»?") != std::string::npos);

  auto with_help = test::run({"plan", "participaton", "--help"});
  CHECK(with_help.code == 64);
  CHECK(with_help.err.find("Mente du «participated»?") != std::string::npos);

  auto far = test::run({"xyzzy"});
  CHECK(far.code == 64);
  CHECK(far.err.find("Kommandoer: init, config, refer") != std::string::npos);

  auto option = test::run({"refer", "add", "--fn", "23923901213"});
  CHECK(option.code == 64);
  CHECK(option.err.find("Mente du «--fnr»?") != std::string::npos);

  auto json = test::run({"--json", "refr"});
  CHECK(json.code == 64);
  auto j = json.json();
  CHECK(j["error"]["code"] == 64);
  CHECK(test::error_key(json) == "ux.did_you_mean");
  CHECK(j["error"]["message"].get<std::string>().find("refer") != std::string::npos);
  CHECK(test::error_key(test::run({"--json", "refer", "add", "--fn", "23923901213"})) == "ux.did_you_mean_option");
  CHECK(test::error_key(test::run({"--json", "xyzzy"})) == "ux.unknown_command");
  CHECK(test::error_key(test::run({"--json", "refer", "add", "--zzzzzzzzzzzz", "1"})) == "ux.unknown_option");
}

TEST_CASE("a command that needs a subcommand shows its help on stderr, exit 64", "[ux]") {
  auto r = test::run({"team"});
  CHECK(r.code == 64);
  CHECK(r.out.empty());
  CHECK(r.err.find("«oppteam team» trenger en underkommando") != std::string::npos);
  CHECK(r.err.find("create") != std::string::npos);
  CHECK(test::error_key(test::run({"--json", "team"})) == "ux.needs_subcommand");
}

TEST_CASE("complete prints the rammeverk's ids and open case numbers", "[ux]") {
  test::Fixture f;
  auto add = f.oppteam({"refer", "add", "--fnr", "23923901213", "--name", "Klara Nilsen", "--reporter-type", "fastlege",
                        "--received", "2026-03-02", "--need", "Trenger koordinering"});
  REQUIRE(add.code == 0);
  auto types = f.oppteam({"complete", "reporter-types"});
  CHECK(types.code == 0);
  CHECK(lines_of(types.out).front() == "bruker");
  CHECK(types.out.find("fastlege\n") != std::string::npos);
  CHECK(f.oppteam({"complete", "cases"}).out == "2026/1\n");
  CHECK(f.oppteam({"complete", "instruments"}).out.find("kjennetegn\n") != std::string::npos);
  CHECK_FALSE(f.oppteam({"complete", "roles"}).out.empty());
  CHECK_FALSE(f.oppteam({"complete", "services"}).out.empty());
  CHECK(f.oppteam({"complete", "words", "--", "refer", "add", "--reporter-type", "fa"}).out == "fastlege\n");
  CHECK(f.oppteam({"complete", "words", "--", "case", "show", ""}).out == "2026/1\n");
  CHECK(f.oppteam({"complete", "words", "--", "re"}).out == "refer\nremind\nreport\nrestore\n");
  CHECK(f.oppteam({"complete", "words", "--", "consent", "give", "2026/1", "--form", ""}).out == "muntlig\nskriftlig\n");
  CHECK(f.oppteam({"complete", "words", "--", "refer", "import", ""}).out == "@files\n");
  auto bad = f.oppteam({"complete", "nonsense"});
  CHECK(bad.code == 64);
  // No database: nothing to offer, and no error on the screen.
  auto none = test::run({"--db", f.dir.file("missing.db"), "complete", "cases"});
  CHECK(none.code == 0);
  CHECK(none.out.empty());
  CHECK(none.err.empty());
}

TEST_CASE("output to a pipe has no colour and no wrapping, whatever the terminal type", "[ux]") {
  test::Fixture f;
  const std::string need(200, 'x');
  auto add = test::run({"--db", f.db(), "refer", "add", "--fnr", "23923901213", "--name", "Ærlig Østby", "--reporter-type",
                        "fastlege", "--received", "2026-03-02", "--need", "Trenger " + need},
                       "", {{"HOME", f.dir.path()}, {"TERM", "xterm-256color"}});
  REQUIRE(add.code == 0);
  auto list = test::run({"--db", f.db(), "--today", "2026-06-01", "case", "list"}, "",
                        {{"HOME", f.dir.path()}, {"TERM", "xterm-256color"}});
  CHECK(list.code == 0);
  CHECK(list.out.find('\x1b') == std::string::npos);
  CHECK(list.out.find("2026/1") != std::string::npos);
  auto show = test::run({"--db", f.db(), "case", "show", "2026/1"}, "", {{"HOME", f.dir.path()}, {"TERM", "xterm-256color"}});
  CHECK(show.code == 0);
  CHECK(show.out.find('\x1b') == std::string::npos);
  CHECK(show.out.find(need) != std::string::npos);  // one line: grep finds it whole
}
