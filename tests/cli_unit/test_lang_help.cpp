// Help and CLI11's messages in the user's language (issue 17, point 1), in
// process: the whole command tree is built as run_cli() builds it.

#include "cli/app.hpp"
#include "cli/choices.hpp"
#include "cli/help_i18n.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

Run run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  std::istringstream in;
  Run r;
  r.code = oppteam::cli::run_cli(args, {out, err, in});
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace

TEST_CASE("every command and option has its help text in nb and nn", "[lang][help]") {
  std::ostringstream out, err;
  std::istringstream in;
  oppteam::cli::GlobalOptions options;
  oppteam::cli::Session session(options, {out, err, in});
  CLI::App app{"", "oppteam"};
  oppteam::cli::build_app(app, options, session);
  const auto missing = oppteam::cli::missing_help_texts(app);
  std::string list;
  for (const auto& m : missing) list += "\n  " + m;
  INFO("help texts missing in nb or nn; add {\"KEY\", \"nb\", \"nn\"} to src/i18n/catalogue_lang_help*.inc:" << list);
  CHECK(missing.empty());
}

TEST_CASE("--help is in nb, nn or en as --lang says", "[lang][help]") {
  const auto nb = run({"--lang", "nb", "case", "list", "--help"});
  CHECK(nb.code == 0);
  CHECK(nb.out.find("Bruk:") != std::string::npos);
  CHECK(nb.out.find("Usage:") == std::string::npos);
  CHECK(nb.out.find("bare sakene ingen eier") != std::string::npos);
  const auto nn = run({"--lang", "nn", "case", "list", "--help"});
  CHECK(nn.code == 0);
  CHECK(nn.out.find("Bruk:") != std::string::npos);
  CHECK(nn.out.find("berre sakene ingen eig") != std::string::npos);
  CHECK(nn.out.find("bare") == std::string::npos);
  const auto en = run({"--lang", "en", "case", "list", "--help"});
  CHECK(en.out.find("Usage:") != std::string::npos);
  CHECK(en.out.find("received, granted, refused, active or closed") != std::string::npos);
}

TEST_CASE("CLI11's messages come in the user's language", "[lang][help]") {
  const auto missing = run({"--lang", "nn", "case", "show"});
  CHECK(missing.code == 64);
  CHECK(missing.err.find("CASE") != std::string::npos);
  CHECK(missing.err.find("is required") == std::string::npos);
  CHECK(missing.err.find("må oppgjevast") != std::string::npos);
  const auto extra = run({"--lang", "nb", "case", "show", "2026/1", "2026/2"});
  CHECK(extra.code == 64);
  CHECK(extra.err.find("was not expected") == std::string::npos);
  CHECK(extra.err.find("2026/2") != std::string::npos);
  const auto needs = run({"--lang", "nb", "refer", "import", "x.csv", "--partial"});
  CHECK(needs.code == 64);
  CHECK(needs.err.find(" requires ") == std::string::npos);
  CHECK(needs.err.find("--rejects") != std::string::npos);
}

TEST_CASE("CLI11's parse errors name their message key in the JSON error", "[lang][help]") {
  const auto key = [](const std::vector<std::string>& args) {
    const auto r = run(args);
    INFO(r.out << r.err);
    CHECK(r.code == 64);
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    return j.is_object() && j.contains("error") && j["error"].contains("key") ? j["error"]["key"].get<std::string>() : "";
  };
  CHECK(key({"--json", "case", "show"}) == "cli.required");
  CHECK(key({"case", "show", "2026/1", "2026/2", "--json"}) == "cli.extras");
  CHECK(key({"--json", "refer", "import", "x.csv", "--partial"}) == "cli.requires");
  CHECK(key({"--json", "audit", "log", "--limit", "many"}) == "choice.unknown");
  CHECK(key({"--json", "--lang", "sv", "audit", "verify"}) == "choice.unknown");
}

TEST_CASE("values are compared without case and diacritics", "[lang][choices]") {
  using oppteam::cli::fold_word;
  CHECK(fold_word("Oppfølgingsplan") == "oppfolgingsplan");
  CHECK(fold_word("ÅPENT") == "apent");
  CHECK(fold_word(" revidere_planen ") == "revidere planen");
  CHECK(fold_word("Avslått") == "avslatt");
}

