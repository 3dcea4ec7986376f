#pragma once
// The CLI layer's view of one run: the global options of SPEC.md resolved
// (flags, then environment, then defaults), the database and rammeverk
// opened on first use, and where output goes. Commands receive it; the
// library never sees it.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/process/context.hpp>
#include <oppteam/store/database.hpp>
#include <oppteam/util/clock.hpp>
#include <oppteam/util/text.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace oppteam::cli {

struct GlobalOptions {
  std::string db;
  std::string config;
  std::string as;
  bool json = false;
  std::string lang;
  std::string today;
  bool no_pager = false;
};

// The environment of a run as a map, for running the CLI in-process (the
// tests): setenv() is not safe in a process with threads, and would carry
// one run's variables into the next.
using Environment = std::map<std::string, std::string>;

struct Streams {
  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  bool in_tty = false;
  bool out_tty = false;
  bool err_tty = false;
  // Every variable the run reads (OPPTEAM_*, XDG_*, HOME, LANG, LC_*,
  // NO_COLOR, TERM, COLUMNS, ...) comes from here; null: the process's own.
  const Environment* env = nullptr;

  // The variable `name` as getenv(3) gives it: null when it is not set.
  const char* getenv(const char* name) const;
};

class Session {
 public:
  Session(GlobalOptions& options, Streams streams);
  ~Session();

  // The database path in force (--db, $OPPTEAM_DB, XDG data home).
  std::string db_path() const;
  // The explicit rammeverk file, if any (--config, $OPPTEAM_CONFIG, XDG config home when it exists).
  std::optional<std::string> config_path() const;
  std::string actor() const;
  // The login running the program (the real user id; setgid does not change it).
  std::string login() const;
  const Clock& clock();
  bool json() const { return options_.json; }
  // The language of messages: --lang, else the rammeverk's (once loaded),
  // else the locale's ($LC_ALL, $LC_MESSAGES, $LANG), else nb.
  Lang lang();
  // lang() after loading the rammeverk, when there is one, without failing:
  // for help and usage errors that come before a command loads it.
  Lang settled_lang();

  // The database, opened (and migrated) on first use.
  Database& db();
  // The rammeverk in force: the --config file when given, else the stored one.
  const Rammeverk& rv();
  // Context for the library: opens the database and loads the rammeverk.
  Context& ctx();
  // Checks the acting user's permission (exit 77 otherwise, audited).
  void authorize(std::string_view permission);

  // Adopts a database created by this run (init).
  void adopt(Database db);

  Streams& io() { return streams_; }
  // The run's environment (Streams::env, else the process's), as getenv(3).
  Getenv getenv() const {
    return [this](const char* name) { return streams_.getenv(name); };
  }
  std::ostream& out() { return streams_.out; }
  std::ostream& err() { return streams_.err; }
  bool interactive() const { return streams_.in_tty; }
  // How stdout shows text in this run (terminal.hpp): wrapped to a
  // terminal's width and coloured only at a terminal without NO_COLOR;
  // plain and unwrapped when piped. Every table and screen is rendered
  // with it.
  const TerminalStyle& style() const { return style_; }

  // Prints `doc` as one JSON document with --json, else `text` (when not
  // empty) made safe for a terminal (printable(): stored text cannot send
  // escape sequences, CR or bidi overrides to it).
  void emit(const nlohmann::json& doc, const std::string& text);
  // JSON text of `doc` (2-space indent), the one way JSON reaches output:
  // text stored before the UTF-8 checks comes out with U+FFFD, with one
  // warning on stderr per run, instead of failing the command.
  std::string json_text(const nlohmann::json& doc);
  // With --json, a document that the error object is added to should the
  // command then fail (so stdout still holds exactly one JSON document).
  void stage(nlohmann::json doc) { staged_ = std::move(doc); }
  const std::optional<nlohmann::json>& staged() const { return staged_; }

  // A message for people (stderr) in the session's language; silent with --json.
  // Made safe for a terminal (visible()) as emit's text is: an argument may
  // be stored text (a name, a rammeverk's label).
  template <typename... Args>
  void say(std::string_view key, const Args&... args) {
    if (!json()) streams_.err << visible(tr(lang(), key, args...)) << "\n";
  }
  template <typename... Args>
  std::string text(std::string_view key, const Args&... args) {
    return tr(lang(), key, args...);
  }

 private:
  // A variable of the run's environment; unset and empty are the same.
  std::optional<std::string> env(const char* name) const;
  std::string home() const;

  GlobalOptions& options_;
  Streams streams_;
  TerminalStyle style_;
  std::optional<Clock> clock_;
  std::optional<Database> db_;
  std::optional<Rammeverk> rv_;
  std::unique_ptr<Context> ctx_;
  std::optional<nlohmann::json> staged_;
  bool warned_replaced_ = false;
  bool probed_ = false;
};

}  // namespace oppteam::cli
