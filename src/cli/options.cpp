#include "cli/options.hpp"

#include <oppteam/util/user_date.hpp>

namespace oppteam::cli {

void examples(CLI::App* app, std::initializer_list<std::string_view> lines) {
  std::string footer = lines.size() > 1 ? "Examples:\n" : "Example:\n";
  for (auto l : lines) footer += "  " + std::string(l) + "\n";
  app->footer(footer);
}

CLI::App* add_command_group(CLI::App* parent, std::string name, std::string description,
                            std::initializer_list<std::string_view> example_lines) {
  auto* cmd = parent->add_subcommand(std::move(name), std::move(description));
  cmd->require_subcommand(1);
  examples(cmd, example_lines);
  return cmd;
}

CLI::Option* add_case(CLI::App* cmd, std::string& case_number) {
  return cmd->add_option("CASE", case_number, "the case number, YYYY/N")->required();
}

CLI::Option* add_date(CLI::App* cmd, std::string& typed, std::string_view what) {
  return cmd->add_option("--date", typed, std::string(what) + ", YYYY-MM-DD (default: today)");
}

Date user_date(Session& s, const std::string& typed, std::string_view option) {
  return parse_user_date(typed, option, s.clock().today());
}

std::optional<Date> user_date_if_given(Session& s, const std::string& typed, std::string_view option) {
  if (typed.empty()) return std::nullopt;
  return user_date(s, typed, option);
}

Date user_date_or_today(Session& s, const std::string& typed, std::string_view option) {
  return typed.empty() ? s.clock().today() : user_date(s, typed, option);
}

CLI::App* add_case_command(CLI::App* parent, std::string name, std::string description,
                           std::initializer_list<std::string_view> example_lines,
                           std::function<void(const std::string& case_number)> run) {
  auto case_number = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand(std::move(name), std::move(description));
  add_case(cmd, *case_number);
  examples(cmd, example_lines);
  cmd->callback([case_number, run = std::move(run)] { run(*case_number); });
  return cmd;
}

}  // namespace oppteam::cli
