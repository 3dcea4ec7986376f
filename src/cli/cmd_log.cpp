// oppteam log add | list: the case log (issue 15).

#include "cli/commands.hpp"

#include <oppteam/io/terminal.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/case_log.hpp>
#include <oppteam/views/case_view.hpp>

namespace oppteam::cli {

void setup_log(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("log", "The case log: short dated entries between meetings");
  cmd->require_subcommand(1);
  examples(cmd, {"oppteam --db k.db log add 2026/1 --text \"Ringte fastlegen om medisinlisten\"", "oppteam --db k.db log list 2026/1"});

  struct AddOptions {
    std::string case_number, text;
  };
  auto o = std::make_shared<AddOptions>();
  auto* add = cmd->add_subcommand("add", "Write an entry in the case log, dated today, under the acting user");
  add->add_option("CASE", o->case_number, "the case number, e.g. 2026/1")->required();
  add->add_option("--text", o->text, "what happened, who was called, what was agreed")->required();
  examples(add, {"oppteam --db k.db log add 2026/1 --text \"Ringte fastlegen om medisinlisten\""});
  add->callback([&s, o] {
    auto& ctx = s.ctx();
    const LogEntry e = add_log_entry(ctx, o->case_number, o->text);
    s.emit({{"case", case_label(o->case_number)}, {"entry", to_json(e)}}, s.text("log.added", case_label(o->case_number)));
  });

  auto list_case = std::make_shared<std::string>();
  auto* list = cmd->add_subcommand("list", "The case log, newest first");
  list->add_option("CASE", *list_case, "the case number")->required();
  examples(list, {"oppteam --db k.db log list 2026/1", "oppteam --db k.db log list 2026/1 --json"});
  list->callback([&s, list_case] {
    auto& ctx = s.ctx();
    const auto entries = list_log(ctx, *list_case);
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : entries) arr.push_back(to_json(e));
    s.emit({{"case", case_label(*list_case)}, {"entries", arr}},
           entries.empty() ? s.text("log.none") + "\n" : render_log(arr, s.lang(), s.style()));
  });
}

}  // namespace oppteam::cli
