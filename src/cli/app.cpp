#include "cli/app.hpp"

#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "cli/help_i18n.hpp"

#include <oppteam/io/table.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/util/error.hpp>
#include <oppteam/util/text.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <optional>
#include <sstream>

namespace oppteam::cli {

namespace {

// The global options of SPEC.md that take a value as the next argument.
bool is_global_option_with_value(std::string_view a) {
  return a == "--db" || a == "--config" || a == "--as" || a == "--lang" || a == "--today";
}

}  // namespace

CLI::App* subcommand_named(CLI::App* app, std::string_view name) {
  for (auto* c : app->get_subcommands([](CLI::App*) { return true; }))
    if (c->check_name(std::string(name))) return c;
  return nullptr;
}

std::vector<std::string> visible_subcommands(CLI::App* app) {
  std::vector<std::string> out;
  for (auto* c : app->get_subcommands([](CLI::App*) { return true; }))
    if (!c->get_group().empty()) out.push_back(c->get_name());  // hidden ones have no group
  return out;
}

namespace {

constexpr const char* kDescription =
    "oppteam - oppfølgingsteam for personer med store og sammensatte behov\n"
    "\n"
    "Runs a municipality's follow-up teams for people with large and complex\n"
    "needs, step by step as the national guideline describes: a referral\n"
    "(melding om behov) is received, consent (samtykke) recorded, the person's\n"
    "situation assessed (kartlegging), a decision (vedtak) made, a team with a\n"
    "koordinator put together, a plan (individuell plan) made and evaluated.\n"
    "remind lists what is due, report gives management data (styringsdata)\n"
    "with small counts hidden, and every read and change of a person's data\n"
    "is in an audit log. audit verify finds any change to the log, and a change\n"
    "made outside oppteam to persons, referrals, consents, assessments,\n"
    "decisions, appeals, team members, goals, measures and evaluations (the\n"
    "sealed tables; docs/audit.md), also a row deleted or inserted with sqlite3\n"
    "or another tool. The rammeverk (a TOML file) holds the municipality's own\n"
    "deadlines, instruments, roles and services.\n";

constexpr const char* kFooter =
    "A case from referral to plan (synthetic personal number):\n"
    "  oppteam --db k.db init --config rammeverk.toml\n"
    "  oppteam --db k.db refer add --fnr 23923901213 --name \"Klara Nilsen\" \\\n"
    "          --reporter-type fastlege --received 2026-03-02 --need \"Trenger koordinering\"\n"
    "  oppteam --db k.db consent give 2026/1 --scope utredning --form muntlig --given-by person\n"
    "  oppteam --db k.db assess 2026/1 --instrument kjennetegn --answer flere_diagnoser=1\n"
    "  oppteam --db k.db decide 2026/1 --grant\n"
    "  oppteam --db k.db case show 2026/1\n"
    "  oppteam --db k.db remind --within 14\n"
    "\n"
    "Run 'oppteam COMMAND --help' (or 'oppteam help COMMAND') for a command's\n"
    "options and examples, and 'man oppteam' for the manual.\n"
    "\n"
    "Exit status: 0 done, 1 not found, 2 refused by a rule, 64 usage error,\n"
    "65 bad input data, 66 unreadable input, 73 cannot create the database,\n"
    "74 I/O error, 75 database busy (retry), 77 permission, 78 bad rammeverk.\n"
    "\n"
    "Environment: OPPTEAM_DB, OPPTEAM_CONFIG, OPPTEAM_USER, NO_COLOR.\n";

// How an error names argument `i`: its option ("--name" for "--name VALUE"
// or "--name=VALUE"), else its position.
std::string argument_name(const std::vector<std::string>& args, std::size_t i, Session& s) {
  const std::string& a = args[i];
  if (a.starts_with("--") && a.find('=') != std::string::npos) return a.substr(0, a.find('='));
  if (i > 0 && args[i - 1].starts_with("-") && args[i - 1].find('=') == std::string::npos) return args[i - 1];
  return s.text("error.argument", i + 1);
}

// Every error names its message key (scripts and tests test the key, not
// the wording, which depends on the language).
void report_error(Session& s, int code, const std::string& key, const std::string& message,
                  const std::vector<std::string>& details) {
  if (s.json()) {
    nlohmann::json j = s.staged().value_or(nlohmann::json::object());
    j["error"] = {{"code", code}, {"message", message}, {"key", key}};
    if (!details.empty()) j["error"]["details"] = details;
    s.out() << s.json_text(j) << "\n";
  }
  // "oppteam: feil:" in red on a terminal that takes colour (never with NO_COLOR).
  // The message may echo input: shown, not sent, to the terminal.
  const auto style = detect_terminal_style(2, s.io().err_tty, s.getenv());
  s.err() << paint("oppteam: " + s.text("error.prefix") + ":", Tone::overdue, style) << " " << visible(message) << "\n";
  for (const auto& d : details) s.err() << "  " << visible(d) << "\n";
}

// The subcommands in the order of the process, under headings, so that the
// help reads as the guideline does. Setup order decides the listing order.
struct Group {
  const char* heading;
  std::vector<const char*> names;
};
const std::vector<Group>& command_groups() {
  static const std::vector<Group> groups = {
      {"Getting started", {"init", "config"}},
      {"The process, in order", {"refer", "consent", "assess", "decide", "appeal", "team", "plan", "evaluate"}},
      {"Daily work", {"case", "remind", "meeting", "log", "approve", "report"}},
      {"Privacy and records", {"person", "audit", "purge"}},
      {"Operations", {"backup", "restore", "check"}},
  };
  return groups;
}

// get_subcommands() without a filter lists only those parsed; this lists all.
bool all_subcommands(CLI::App*) { return true; }

CLI::Option* find_option(CLI::App* app, const std::string& name) {
  for (CLI::App* a = app; a; a = a->get_parent())
    if (auto* o = a->get_option_no_throw(name)) return o;
  return nullptr;
}

struct Unknown {
  std::string word;
  bool is_option = false;
  std::vector<std::string> candidates;
  std::string where;  // "oppteam team" for messages and help
};

std::string path_of(const CLI::App* app) {
  std::string path;
  for (const CLI::App* a = app; a; a = a->get_parent()) path = a->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

// Walks the arguments as CLI11 would and returns the first word that is
// neither a known subcommand where one is expected nor a known option.
std::optional<Unknown> find_unknown(CLI::App& root, const std::vector<std::string>& args) {
  CLI::App* app = &root;
  std::size_t positionals = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& w = args[i];
    if (w == "--") break;
    if (w.size() > 1 && w[0] == '-') {
      const std::string name = w.substr(0, w.find('='));
      auto* o = find_option(app, name);
      if (!o) {
        if (name.size() > 2 && name[1] != '-') continue;  // short option clusters: leave to CLI11
        Unknown u{name, true, {}, path_of(app)};
        for (CLI::App* a = app; a; a = a->get_parent())
          for (const auto* opt : a->get_options())
            for (const auto& l : opt->get_lnames()) u.candidates.push_back("--" + l);
        return u;
      }
      if (w.find('=') == std::string::npos && o->get_items_expected_max() > 0 && o->get_type_size_max() > 0) ++i;
      continue;
    }
    if (positionals == 0) {
      if (CLI::App* sub = subcommand_named(app, w)) {
        app = sub;
        continue;
      }
      const auto subs = visible_subcommands(app);
      const bool has_positionals =
          !app->get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
      if (!subs.empty() && !has_positionals) return Unknown{w, false, subs, path_of(app)};
    }
    ++positionals;
  }
  return std::nullopt;
}

// The deepest subcommand named on the command line.
const CLI::App* deepest(const CLI::App& root) {
  const CLI::App* target = &root;
  while (true) {
    auto subs = target->get_subcommands();
    if (subs.empty()) break;
    target = subs.front();
  }
  return target;
}

// help() of `app` with its full path in the usage line ("oppteam team create").
std::string help_of(const CLI::App* app) {
  const CLI::App* parent = app->get_parent();
  return app->help(parent ? path_of(parent) : "");
}

// CLI11's help with its texts wrapped: descriptions to the terminal's width
// (80 columns when it is not a terminal, e.g. for help2man), with a blank
// line between a command's description and its usage.
class HelpFormatter : public CLI::Formatter {
 public:
  // `terminal_width`: the width of the run's output (0: not a terminal).
  explicit HelpFormatter(std::size_t terminal_width)
      : width_(terminal_width == 0 ? 80 : std::min<std::size_t>(terminal_width, 100)) {
    column_width(kColumn);
  }

  std::string make_description(const CLI::App* app) const override {
    const std::string desc = app->get_description();
    if (desc.empty()) return {};
    if (app->get_parent() == nullptr) return desc + "\n";  // the root's own text is laid out by hand
    std::string out;
    for (const auto& l : wrap_text(desc, width())) out += l + "\n";
    return out + "\n";
  }
  std::string make_option_desc(const CLI::Option* opt) const override { return wrapped(opt->get_description()); }
  std::string make_subcommand(const CLI::App* sub) const override {
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_display_name(true), wrapped(sub->get_description()), kColumn);
    return out.str();
  }

 private:
  static constexpr std::size_t kColumn = 26;
  std::size_t width_;
  std::size_t width() const { return width_; }
  std::string wrapped(const std::string& text) const {
    std::string out;
    for (const auto& l : wrap_text(text, width() > kColumn + 20 ? width() - kColumn : 20)) out += (out.empty() ? "" : "\n") + l;
    return out;
  }
};

// The global options that decide the language (--lang, --db, --config)
// and the form of errors (--json), read before CLI11 parses: help and usage errors come before, or instead
// of, the parse that sets them (CLI11 sets the same values again).
void prescan(const std::vector<std::string>& args, GlobalOptions& options) {
  const std::pair<const char*, std::string*> wanted[] = {{"--lang", &options.lang}, {"--db", &options.db}, {"--config", &options.config}};
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    // An error before or instead of the parse is a JSON document too.
    if (args[i] == "--json") options.json = true;
    for (const auto& [name, value] : wanted) {
      const std::string n(name);
      if (args[i] == n && i + 1 < args.size()) *value = args[i + 1];
      else if (args[i].rfind(n + "=", 0) == 0) *value = args[i].substr(n.size() + 1);
    }
  }
}

void set_group(CLI::App& app, const char* name, const char* heading) {
  for (auto* c : app.get_subcommands(all_subcommands))
    if (c->get_name() == name) c->group(heading);
}

}  // namespace

namespace {

// The setups of the top-level commands, each with the names it adds.
struct CommandPart {
  std::vector<std::string_view> names;
  void (*setup)(CLI::App&, Session&);
};

const std::vector<CommandPart>& command_parts() {
  static const std::vector<CommandPart> parts{
      {{"init"}, setup_init},       {{"config"}, setup_config},   {{"refer"}, setup_refer},
      {{"consent"}, setup_consent}, {{"assess"}, setup_assess},   {{"decide"}, setup_decide},
      {{"appeal"}, setup_appeal},   {{"team"}, setup_team},       {{"plan"}, setup_plan},
      {{"evaluate"}, setup_evaluate}, {{"case"}, setup_case},     {{"remind"}, setup_remind},
      {{"meeting"}, setup_meeting}, {{"log"}, setup_log},         {{"approve"}, setup_approve},
      {{"report"}, setup_report},   {{"person"}, setup_person},   {{"audit"}, setup_audit},
      {{"purge"}, setup_purge},     {{"archive"}, setup_archive},
      {{"backup", "restore", "check"}, setup_backup},
  };
  return parts;
}

}  // namespace

std::optional<std::string> command_to_build(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (is_global_option_with_value(a)) {
      ++i;
      continue;
    }
    if (a.starts_with("-")) continue;
    // `complete` walks the whole tree; anything else unknown is left to the
    // full tree, which names the nearest command.
    for (const auto& part : command_parts())
      for (auto n : part.names)
        if (n == a) return a;
    return std::nullopt;
  }
  return std::nullopt;
}

void build_app(CLI::App& app, GlobalOptions& options, Session& session, const std::optional<std::string>& only) {
  app.formatter(std::make_shared<HelpFormatter>(session.style().width));
  app.set_version_flag("--version", std::string(OPPTEAM_VERSION_STRING));
  app.add_option("--db", options.db, "SQLite store (default $OPPTEAM_DB, else $XDG_DATA_HOME/oppteam/oppteam.db)");
  app.add_option("--config", options.config,
                 "rammeverk TOML (default $OPPTEAM_CONFIG, else $XDG_CONFIG_HOME/oppteam/rammeverk.toml, else the stored one)");
  app.add_option("--as", options.as, "who acts (default $OPPTEAM_USER, else the login name)");
  app.add_flag("--json", options.json, "one JSON document on stdout");
  app.add_option("--lang", options.lang, "language of messages: nb, nn or en")->check(CLI::IsMember({"nb", "nn", "en"}));
  app.add_option("--today", options.today, "the date to act on, YYYY-MM-DD (default: the real date)");
  app.add_flag("--no-pager", options.no_pager, "never page long output (default: $PAGER or less -FRX at a terminal)");
  app.fallthrough();
  app.require_subcommand(0, 1);

  // In the order of the help (see command_groups()). With `only`, just the
  // parts of that one top-level command (see command_to_build()).
  const auto wants = [&](std::string_view name) { return !only || *only == name; };
  for (const auto& part : command_parts())
    if (std::any_of(part.names.begin(), part.names.end(), wants)) part.setup(app, session);
  if (wants("case")) {
    CLI::App* case_cmd = subcommand_named(&app, "case");
    if (!case_cmd) case_cmd = app.add_subcommand("case", "Show, list and export cases");
    setup_case_export(*case_cmd, session);
    setup_case_transfer(*case_cmd, session);
    setup_case_receive(*case_cmd, session);
    setup_case_paths(*case_cmd, session);
  }
  if (CLI::App* plan_cmd = subcommand_named(&app, "plan")) setup_plan_goals(*plan_cmd, session);
  setup_corrections(app, session);
  if (CLI::App* team_cmd = subcommand_named(&app, "team")) setup_team_review(*team_cmd, session);
  if (wants("complete")) setup_complete(app, session);
  // Values from closed sets in the user's words, for every command (choices.hpp).
  bind_choices(app, session);
  // After the setups: a subcommand copies its parent's footer when created.
  app.footer(kFooter);
  for (const auto& g : command_groups())
    for (const char* name : g.names) set_group(app, name, g.heading);
  for (auto* c : app.get_subcommands(all_subcommands)) {
    if (c->get_group() == "Subcommands") c->group("Other");
  }

}

int run_cli(const std::vector<std::string>& given_args, Streams streams) {
  GlobalOptions options;
  // The session decides the output's style (Session::style) from stdout.
  Session session(options, streams);

  // "oppteam [GLOBAL OPTIONS] help [COMMAND...]" is "oppteam [COMMAND...] --help".
  std::vector<std::string> args = given_args;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "help") {
      args.erase(args.begin() + std::ptrdiff_t(i));
      args.push_back("--help");
      break;
    }
    if (is_global_option_with_value(args[i])) ++i;
    else if (args[i] != "--json" && !(args[i].starts_with("--") && args[i].find('=') != std::string::npos)) break;
  }

  CLI::App app{kDescription, "oppteam"};
  build_app(app, options, session, command_to_build(args));

  // Output that could not be written (a full disk, /dev/full, a closed
  // pipe) is an I/O error, not success: scripts must not take a cut-off
  // listing for the whole one.
  auto finish = [&](int code) {
    streams.out.flush();
    if (code == 0 && !streams.out.good()) {
      streams.err << "oppteam: " << session.text("error.prefix") << ": " << session.text("error.stdout") << "\n";
      return int(ExitCode::io);
    }
    return code;
  };
  prescan(args, options);
  // Help in the user's language: only when it is shown (settled_lang() may
  // read the rammeverk).
  auto localized = [&]() -> CLI::App& {
    localize_help(app, session.settled_lang());
    return app;
  };
  try {
    // Everything stored is UTF-8: refuse a malformed argument before parsing,
    // naming its option (the library's text check names it the same way).
    for (std::size_t i = 0; i < args.size(); ++i)
      if (auto p = text_problem(args[i]); p && p->key == "text.not_utf8")
        throw make_error(ExitCode::data, p->key, argument_name(args, i, session), p->byte, p->shown);
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
    if (app.get_subcommands().empty()) {
      streams.out << localized().help();
      return finish(0);
    }
    return finish(0);
  } catch (const CLI::CallForHelp&) {
    session.settled_lang();
    // --help at any level: the help of the deepest subcommand named, unless
    // a subcommand was mistyped on the way ("plan participaton --help").
    if (auto u = find_unknown(app, args); u && !u->is_option) {
      auto guess = nearest(u->word, u->candidates);
      const std::string all = join(u->candidates);
      const std::string key = guess ? "ux.did_you_mean" : "ux.unknown_command";
      report_error(session, int(ExitCode::usage), key, session.text(key, u->word, guess ? *guess : all),
                   {session.text("ux.see_help", u->where)});
      return finish(int(ExitCode::usage));
    }
    streams.out << help_of(deepest(localized()));
    return finish(0);
  } catch (const CLI::CallForAllHelp&) {
    streams.out << localized().help("", CLI::AppFormatMode::All);
    return finish(0);
  } catch (const CLI::CallForVersion&) {
    streams.out << "oppteam " << OPPTEAM_VERSION_STRING << "\n";
    return finish(0);
  } catch (const CLI::ParseError& e) {
    session.settled_lang();
    // A mistyped subcommand or option: name the nearest one.
    if (auto u = find_unknown(app, args)) {
      std::string key, message;
      if (auto guess = nearest(u->word, u->candidates)) {
        key = u->is_option ? "ux.did_you_mean_option" : "ux.did_you_mean";
        message = u->is_option ? session.text(key, u->word, u->where, *guess) : session.text(key, u->word, *guess);
      } else if (u->is_option) {
        key = "ux.unknown_option";
        message = session.text(key, u->word, u->where);
      } else {
        std::string all;
        for (const auto& c : u->candidates) all += (all.empty() ? "" : ", ") + c;
        key = "ux.unknown_command";
        message = session.text(key, u->word, all);
      }
      report_error(session, int(ExitCode::usage), key, message, {session.text("ux.see_help", u->where)});
      return finish(int(ExitCode::usage));
    }
    // A command that needs a subcommand and got none: its help, on stderr.
    const CLI::App* target = deepest(app);
    if (target != &app && target->get_subcommands().empty() && !visible_subcommands(const_cast<CLI::App*>(target)).empty() &&
        target->get_require_subcommand_min() > 0 && dynamic_cast<const CLI::RequiredError*>(&e)) {
      session.settled_lang();
      report_error(session, int(ExitCode::usage), "ux.needs_subcommand", session.text("ux.needs_subcommand", path_of(target)), {});
      localized();
      if (!session.json()) streams.err << "\n" << help_of(target);
      return finish(int(ExitCode::usage));
    }
    // CLI11's own message, in the user's language.
    const auto parsed = parse_error_message(e, session.settled_lang());
    report_error(session, int(ExitCode::usage), parsed.key, clip(parsed.text, 2 * kEchoBytes),
                 {session.text("ux.see_help", path_of(target))});
    return finish(int(ExitCode::usage));
  } catch (const Error& e) {
    // An error may come before the rammeverk, and so its language, is read
    // (a usage error, an output file that exists, a text refused). Not after
    // a busy database: reading the rammeverk would wait its timeout again.
    if (e.code() != ExitCode::temp_fail) session.settled_lang();
    std::vector<std::string> details;
    // An argument may be a whole input line: each is clipped to about 200 bytes.
    for (const auto& d : e.details) details.push_back(render_message(session.lang(), d.key, clip_all(d.args)));
    // A rule refusal names the command that satisfies the rule ("fix.<key>").
    if (e.code() == ExitCode::refused && has_message("fix." + e.key()))
      details.push_back(render_message(session.lang(), "fix." + e.key(), clip_all(e.args())));
    report_error(session, int(e.code()), e.key(), render_message(session.lang(), e.key(), clip_all(e.args())), details);
    return finish(int(e.code()));
  } catch (const std::bad_alloc&) {
    report_error(session, int(ExitCode::io), "error.out_of_memory", session.text("error.out_of_memory"), {});
    return finish(int(ExitCode::io));
  } catch (const std::exception& e) {
    // Not foreseen (SQLite, the file system, ...): the library's own text.
    report_error(session, int(ExitCode::io), "error.unexpected", session.text("error.unexpected", e.what()), {});
    return finish(int(ExitCode::io));
  }
}

}  // namespace oppteam::cli
