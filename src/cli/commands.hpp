#pragma once
// One setup function per subcommand (one file each, src/cli/cmd_*.cpp): it
// declares the subcommand's options on `app` and a callback that calls the
// library and prints through the Session.

#include "cli/session.hpp"

#include <CLI/CLI.hpp>

namespace oppteam::cli {

void setup_init(CLI::App& app, Session& s);
void setup_config(CLI::App& app, Session& s);
void setup_audit(CLI::App& app, Session& s);

// Adds an "Example:" footer to a subcommand's --help.
void examples(CLI::App* app, std::initializer_list<std::string_view> lines);

}  // namespace oppteam::cli
