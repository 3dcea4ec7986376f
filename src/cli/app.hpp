#pragma once
// The front end: builds the CLI11 app with the global options and every
// subcommand, runs it on an argument list, and turns every error into the
// exit code of SPEC.md. Tests call run_cli() without a process.

#include "cli/session.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace oppteam::cli {

// Builds the command tree on `app` (an App{"...", "oppteam"}): the global
// options, help groups, the value choices, and every subcommand, or with
// `only` just the top-level command of that name (and all below it).
void build_app(CLI::App& app, GlobalOptions& options, Session& session,
               const std::optional<std::string>& only = std::nullopt);

// The top-level command an argument list runs, when it names one by its
// full name: only that command needs to be built (a command of one case
// built the other thirty for nothing: a tenth of its time). Nothing for
// help, a mistyped command or `complete`, which need the whole tree.
std::optional<std::string> command_to_build(const std::vector<std::string>& args);

// Runs oppteam on `args` (without the program name). Returns the exit code.
int run_cli(const std::vector<std::string>& args, Streams streams);

}  // namespace oppteam::cli
