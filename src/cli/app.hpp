#pragma once
// The front end: builds the CLI11 app with the global options and every
// subcommand, runs it on an argument list, and turns every error into the
// exit code of SPEC.md. Tests call run_cli() without a process.

#include "cli/session.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace oppteam::cli {

// Builds the whole command tree on `app` (an App{"...", "oppteam"}): the
// global options, every subcommand, help groups and the value choices.
void build_app(CLI::App& app, GlobalOptions& options, Session& session);

// Runs oppteam on `args` (without the program name). Returns the exit code.
int run_cli(const std::vector<std::string>& args, Streams streams);

}  // namespace oppteam::cli
