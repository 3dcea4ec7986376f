// oppteam log add | list: the case log (issue 15).

#include "cli/commands.hpp"

#include <oppteam/io/terminal.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/case_log.hpp>
#include <oppteam/views/case_view.hpp>

namespace oppteam::cli {

void setup_log(CLI::App& app, Session& s) {
  auto* cmd = add_command_group(&app, "log", "The case log: short dated entries between meetings",
                                {"oppteam --db k.db log add 2026/1 --text \"Ringte fastlegen om medisinlisten\"",
                                 "oppteam --db k.db log list 2026/1"});

  struct AddOptions {
    std::string case_number, text;
  };
  auto [add, o] =
      add_case_subcommand<AddOptions>(cmd, "add", "Write an entry in the case log, dated today, under the acting user");
  add->add_option("--text", o->text, "what happened, who was called, what was agreed")->required();
  examples(add, {"oppteam --db k.db log add 2026/1 --text \"Ringte fastlegen om medisinlisten\""});
  add->callback([&s, o] {
    auto& ctx = s.ctx();
    const LogEntry e = add_log_entry(ctx, o->case_number, o->text);
    s.emit({{"case", case_label(o->case_number)}, {"entry", to_json(e)}}, s.text("log.added", case_label(o->case_number)));
  });

  add_case_command(cmd, "list", "The case log, newest first",
                   {"oppteam --db k.db log list 2026/1", "oppteam --db k.db log list 2026/1 --json"},
                   [&s](const std::string& number) {
                     const auto entries = list_log(s.ctx(), number);
                     const nlohmann::json arr = json_array(entries, [](const LogEntry& e) { return to_json(e); });
                     s.emit({{"case", case_label(number)}, {"entries", arr}},
                            entries.empty() ? s.text("log.none") + "\n" : render_log(arr, s.lang(), s.style()));
                   });
}

}  // namespace oppteam::cli
