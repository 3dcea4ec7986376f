// run_cli() builds only the top-level command it runs (issue 18: a command
// of one case built the other thirty for nothing). These tests hold the
// table of command parts to the whole tree: each command built alone is the
// same, option for option and value for value, as in the whole tree.

#include "cli/app.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

using oppteam::cli::build_app;
using oppteam::cli::command_to_build;

// Everything a user can reach below `c`: every subcommand, its options with
// their names, descriptions, types and defaults, and its help groups.
void describe(const CLI::App* c, const std::string& path, std::string& out) {
  out += path + " | " + c->get_description() + " | " + c->get_group() + " | " + c->get_footer() + "\n";
  for (const CLI::Option* o : c->get_options()) {
    out += path + " " + o->get_name() + " | " + o->get_description() + " | " + o->get_type_name() + " | " +
           o->get_default_str() + " | " + (o->get_required() ? "required" : "") + " | " + o->get_group() + "\n";
  }
  for (const CLI::App* sub : c->get_subcommands([](const CLI::App*) { return true; }))
    describe(sub, path + " " + sub->get_name(), out);
}

struct Built {
  std::ostringstream out, err;
  std::istringstream in;
  oppteam::cli::GlobalOptions options;
  oppteam::cli::Session session{options, {out, err, in}};
  CLI::App app{"", "oppteam"};
  explicit Built(const std::optional<std::string>& only) { build_app(app, options, session, only); }
};

std::vector<std::string> top_level_names(CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* c : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(c->get_name());
  return names;
}

}  // namespace

TEST_CASE("each top-level command built alone is the same as in the whole tree", "[cli][lazy]") {
  Built whole(std::nullopt);
  const auto names = top_level_names(whole.app);
  REQUIRE(names.size() > 20);
  for (const auto& name : names) {
    if (name == "complete") continue;  // walks the whole tree: always built whole (below)
    INFO("command " << name);
    Built alone(name);
    // The command itself and its whole subtree.
    const CLI::App* in_whole = whole.app.get_subcommand(name);
    const CLI::App* by_itself = alone.app.get_subcommand(name);
    std::string a, b;
    describe(in_whole, name, a);
    describe(by_itself, name, b);
    CHECK(a == b);
    // The global options are there too.
    std::string ga, gb;
    for (const CLI::Option* o : whole.app.get_options()) ga += o->get_name() + "\n";
    for (const CLI::Option* o : alone.app.get_options()) gb += o->get_name() + "\n";
    CHECK(ga == gb);
    // `command_to_build` names it, so run_cli builds it alone.
    CHECK(command_to_build({"--json", name}) == name);
  }
}

TEST_CASE("the command to build is found after the global options, and only by its full name", "[cli][lazy]") {
  using V = std::vector<std::string>;
  CHECK(command_to_build(V{"case", "show", "2026/1"}) == "case");
  CHECK(command_to_build(V{"--db", "x.db", "--today", "2026-01-01", "plan", "show", "2026/1"}) == "plan");
  // A global option's value is not the command, even when it is a command's name.
  CHECK(command_to_build(V{"--as", "case", "remind"}) == "remind");
  CHECK(command_to_build(V{"--db=case", "--json", "restore"}) == "restore");
  CHECK(command_to_build(V{"check"}) == "check");
  // The whole tree: help, a mistyped or abbreviated command, completion.
  CHECK(command_to_build(V{}) == std::nullopt);
  CHECK(command_to_build(V{"--help"}) == std::nullopt);
  CHECK(command_to_build(V{"cas", "show"}) == std::nullopt);
  CHECK(command_to_build(V{"complete", "--", "oppteam", "ca"}) == std::nullopt);
  CHECK(command_to_build(V{"--db", "x.db"}) == std::nullopt);
}
