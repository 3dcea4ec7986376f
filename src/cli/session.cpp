#include "cli/session.hpp"
#include "cli/pager.hpp"

#include "cli/help_i18n.hpp"

#include <oppteam/io/table.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>
#include <oppteam/util/user_date.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <pwd.h>
#include <unistd.h>

namespace oppteam::cli {

const char* Streams::getenv(const char* name) const {
  if (!env) return std::getenv(name);
  const auto it = env->find(name);
  return it == env->end() ? nullptr : it->second.c_str();
}

Session::Session(GlobalOptions& options, Streams streams)
    : options_(options), streams_(streams), style_(detect_terminal_style(1, streams_.out_tty, getenv())) {}

std::optional<std::string> Session::env(const char* name) const {
  const char* v = streams_.getenv(name);
  if (v && *v) return std::string(v);
  return std::nullopt;
}

std::string Session::home() const {
  if (auto h = env("HOME")) return *h;
  if (auto* pw = ::getpwuid(::geteuid())) return pw->pw_dir;
  return ".";
}
Session::~Session() = default;

std::string Session::db_path() const {
  if (!options_.db.empty()) return options_.db;
  if (auto p = env("OPPTEAM_DB")) return *p;
  std::string data = env("XDG_DATA_HOME").value_or(home() + "/.local/share");
  return data + "/oppteam/oppteam.db";
}

std::optional<std::string> Session::config_path() const {
  if (!options_.config.empty()) return options_.config;
  if (auto p = env("OPPTEAM_CONFIG")) return *p;
  std::string base = env("XDG_CONFIG_HOME").value_or(home() + "/.config");
  std::string p = base + "/oppteam/rammeverk.toml";
  if (std::filesystem::exists(p)) return p;
  return std::nullopt;
}

std::string Session::actor() const {
  // checked_actor: refused (64) before it can be stored or shown.
  if (!options_.as.empty()) return checked_actor(options_.as);
  if (auto u = env("OPPTEAM_USER")) return checked_actor(*u);
  if (auto* pw = ::getpwuid(::geteuid())) return checked_actor(pw->pw_name);
  if (auto u = env("USER")) return checked_actor(*u);
  return "unknown";
}

std::string Session::login() const {
  const auto* pw = ::getpwuid(::getuid());
  return pw ? pw->pw_name : "";
}

const Clock& Session::clock() {
  if (!clock_) {
    if (options_.today.empty()) clock_.emplace();
    else clock_.emplace(parse_user_date(options_.today, "--today", Clock().today()));
  }
  return *clock_;
}

Lang Session::lang() {
  if (!options_.lang.empty()) {
    if (auto l = parse_lang(options_.lang)) return *l;
  }
  if (rv_) return rv_->municipality.language;
  return locale_lang(getenv()).value_or(Lang::nb);
}

Lang Session::settled_lang() {
  if (!probed_ && !rv_ && !(!options_.lang.empty() && parse_lang(options_.lang))) {
    probed_ = true;
    try {
      if (config_path() || std::filesystem::exists(db_path())) rv();
    } catch (const std::exception&) {
      // The command meets the same problem and reports it; here only the language is wanted.
    }
  }
  return lang();
}

Database& Session::db() {
  if (!db_) {
    // $OPPTEAM_BUSY_TIMEOUT_MS: how long a locked database is waited for before exit 75.
    int timeout = Database::kDefaultBusyTimeoutMs;
    if (auto t = env("OPPTEAM_BUSY_TIMEOUT_MS")) {
      char* end = nullptr;
      const long v = std::strtol(t->c_str(), &end, 10);
      if (*end != '\0' || v < 0 || v > 3600000) throw make_error(ExitCode::usage, "access.bad_busy_timeout", *t);
      timeout = int(v);
    }
    db_.emplace(Database::open(db_path(), timeout));
  }
  return *db_;
}

void Session::adopt(Database db) {
  db_.reset();
  db_.emplace(std::move(db));
}

const Rammeverk& Session::rv() {
  if (!rv_) {
    if (auto path = config_path()) rv_.emplace(load_rammeverk_file(*path));
    else rv_.emplace(stored_rammeverk(db()));
  }
  return *rv_;
}

Context& Session::ctx() {
  if (!ctx_) {
    Database& d = db();
    rv();
    // Under a stored rammeverk that enforces access, no other file is in force.
    if (config_path()) refuse_other_rammeverk(d, *rv_, clock(), login());
    auto c = std::make_unique<Context>(Context{d, *rv_, clock(), actor(), lang()});
    // Under [access] enforce, --as and $OPPTEAM_USER may only name the login itself
    // unless the login holds access.act_as (docs/deployment.md).
    authorize_actor(*c, login());
    // ... and --today may not move the date the command acts on.
    authorize_acted_on_date(*c, Clock().today());
    ctx_ = std::move(c);
  }
  return *ctx_;
}

void Session::authorize(std::string_view permission) { oppteam::authorize(ctx(), permission); }

void Session::emit(const nlohmann::json& doc, const std::string& text) {
  if (json()) {
    streams_.out << json_text(doc) << "\n";
  } else if (!text.empty()) {
    // Every line fits the terminal: tables are laid out for its width, and
    // any longer line (a header, a letter) is wrapped at word boundaries.
    std::string shown = printable(text, style_);
    if (style_.width > 0) shown = wrap_lines(shown, style_.width);
    // Longer than the terminal: through the pager (pager.hpp says when not).
    if (streams_.out_tty && !options_.no_pager && std::count(shown.begin(), shown.end(), '\n') + 1 >= std::ptrdiff_t(terminal_rows(getenv())))
      if (auto pager = pager_command(getenv())) {
        streams_.out.flush();
        if (page_text(*pager, shown.back() == '\n' ? shown : shown + "\n")) return;
      }
    streams_.out << shown;
    if (text.back() != '\n') streams_.out << "\n";
  }
}

std::string Session::json_text(const nlohmann::json& doc) {
  bool replaced = false;
  std::string out = dump_json(doc, 2, replaced);
  if (replaced && !warned_replaced_) {
    warned_replaced_ = true;
    streams_.err << "oppteam: " << text("text.replaced") << "\n";  // also with --json: stderr is free
  }
  return out;
}

}  // namespace oppteam::cli
