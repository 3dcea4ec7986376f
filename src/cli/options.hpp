#pragma once
// What many subcommands declare alike, declared once: the "Example:" footer
// of --help, a command that groups subcommands, the CASE positional and a
// subcommand on one case, a --date option and the dates people type in
// options, and a list as a JSON array. Help texts written here are the
// English help; the help catalogue (help_i18n.hpp) gives them in nb and nn.

#include "cli/session.hpp"

#include <oppteam/util/clock.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace oppteam::cli {

// Adds an "Example:" footer to a subcommand's --help.
void examples(CLI::App* app, std::initializer_list<std::string_view> lines);

// Adds the command `name` that only groups subcommands: one of them must follow.
CLI::App* add_command_group(CLI::App* parent, std::string name, std::string description,
                            std::initializer_list<std::string_view> example_lines);

// Declares the required positional CASE (a case number as typed, YYYY/N).
CLI::Option* add_case(CLI::App* cmd, std::string& case_number);

// Declares --date: "`what`, YYYY-MM-DD (default: today)".
CLI::Option* add_date(CLI::App* cmd, std::string& typed, std::string_view what);

// The date typed for `option` (2026-03-02, 2.3.2026, i dag, +14, ...),
// relative forms counted from the session's today; exit 65 naming the
// option when it is not a date.
Date user_date(Session& s, const std::string& typed, std::string_view option);
// The same, or nullopt when the option was not given.
std::optional<Date> user_date_if_given(Session& s, const std::string& typed, std::string_view option);
// The same, or today when the option was not given.
Date user_date_or_today(Session& s, const std::string& typed, std::string_view option);

// A subcommand on one case and the options it declares: CLI11 fills them
// while parsing, its callback reads them after (so both share them).
template <typename Options>
struct CaseSubcommand {
  CLI::App* cmd;
  std::shared_ptr<Options> options;
};

// Adds the subcommand `name` with its CASE positional, read into
// `Options::case_number`; the caller declares the other options.
template <typename Options>
CaseSubcommand<Options> add_case_subcommand(CLI::App* parent, std::string name, std::string description) {
  auto options = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand(std::move(name), std::move(description));
  add_case(cmd, options->case_number);
  return {cmd, options};
}

// Adds the subcommand `name` that takes one case (CASE) and nothing else:
// `run` gets the case number as typed.
CLI::App* add_case_command(CLI::App* parent, std::string name, std::string description,
                           std::initializer_list<std::string_view> example_lines,
                           std::function<void(const std::string& case_number)> run);

// `item(x)` of every x of `range`, as one JSON array ([] when it is empty).
template <typename Range, typename Item>
nlohmann::json json_array(const Range& range, Item item) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& x : range) out.push_back(item(x));
  return out;
}

}  // namespace oppteam::cli
