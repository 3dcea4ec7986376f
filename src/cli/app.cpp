#include "cli/app.hpp"

#include "cli/commands.hpp"

#include <oppteam/util/error.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

namespace oppteam::cli {

void examples(CLI::App* app, std::initializer_list<std::string_view> lines) {
  std::string footer = lines.size() > 1 ? "\nExamples:\n" : "\nExample:\n";
  for (auto l : lines) footer += "  " + std::string(l) + "\n";
  app->footer(footer);
}

namespace {

void report_error(Session& s, int code, const std::string& message, const std::vector<std::string>& details) {
  if (s.json()) {
    nlohmann::json j = s.staged().value_or(nlohmann::json::object());
    j["error"] = {{"code", code}, {"message", message}};
    if (!details.empty()) j["error"]["details"] = details;
    s.out() << j.dump(2) << "\n";
  }
  s.err() << "oppteam: " << s.text("error.prefix") << ": " << message << "\n";
  for (const auto& d : details) s.err() << "  " << d << "\n";
}

}  // namespace

int run_cli(const std::vector<std::string>& args, Streams streams) {
  GlobalOptions options;
  Session session(options, streams);

  CLI::App app{"oppteam: oppfølgingsteam for personer med store og sammensatte behov", "oppteam"};
  app.set_version_flag("--version", std::string(OPPTEAM_VERSION_STRING));
  app.add_option("--db", options.db, "SQLite store (default $OPPTEAM_DB, else $XDG_DATA_HOME/oppteam/oppteam.db)");
  app.add_option("--config", options.config,
                 "rammeverk TOML (default $OPPTEAM_CONFIG, else $XDG_CONFIG_HOME/oppteam/rammeverk.toml, else the stored one)");
  app.add_option("--as", options.as, "who acts (default $OPPTEAM_USER, else the login name)");
  app.add_flag("--json", options.json, "one JSON document on stdout");
  app.add_option("--lang", options.lang, "language of messages: nb, nn or en")->check(CLI::IsMember({"nb", "nn", "en"}));
  app.add_option("--today", options.today, "the date to act on, YYYY-MM-DD (default: the real date)");
  app.fallthrough();
  app.require_subcommand(0, 1);
  examples(&app, {"oppteam --db k.db init --config rammeverk.toml",
                  "oppteam --db k.db refer add --fnr 23923901213 --reporter-type fastlege --received 2026-03-02 --need \"Trenger koordinering\"",
                  "oppteam --db k.db remind --within 14"});

  setup_init(app, session);
  setup_config(app, session);
  setup_audit(app, session);
  setup_refer(app, session);
  setup_consent(app, session);
  setup_decide(app, session);
  setup_case(app, session);
  setup_assess(app, session);
  setup_team(app, session);
  setup_plan(app, session);
  setup_evaluate(app, session);
  setup_remind(app, session);
  setup_report(app, session);
  setup_person(app, session);
  setup_purge(app, session);
  {
    CLI::App* case_cmd = nullptr;
    try {
      case_cmd = app.get_subcommand("case");
    } catch (const CLI::OptionNotFound&) {
      case_cmd = app.add_subcommand("case", "Show, list and export cases");
    }
    setup_case_export(*case_cmd, session);
  }

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
    if (app.get_subcommands().empty()) {
      streams.out << app.help();
      return 0;
    }
    return 0;
  } catch (const CLI::CallForHelp&) {
    // --help at any level: the help of the deepest subcommand named.
    const CLI::App* target = &app;
    while (true) {
      auto subs = target->get_subcommands();
      if (subs.empty()) break;
      target = subs.front();
    }
    streams.out << target->help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    streams.out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    streams.out << "oppteam " << OPPTEAM_VERSION_STRING << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    report_error(session, int(ExitCode::usage), e.what(), {session.text("error.see_help")});
    return int(ExitCode::usage);
  } catch (const Error& e) {
    std::vector<std::string> details;
    for (const auto& d : e.details) details.push_back(render_message(session.lang(), d.key, d.args));
    report_error(session, int(e.code()), render_message(session.lang(), e.key(), e.args()), details);
    return int(e.code());
  } catch (const std::bad_alloc&) {
    report_error(session, int(ExitCode::io), "out of memory", {});
    return int(ExitCode::io);
  } catch (const std::exception& e) {
    report_error(session, int(ExitCode::io), e.what(), {});
    return int(ExitCode::io);
  }
}

}  // namespace oppteam::cli
