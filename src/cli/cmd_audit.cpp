// oppteam audit verify | audit log

#include "cli/commands.hpp"

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/domain/personal_number.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

namespace oppteam::cli {

void setup_audit(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("audit", "Verify or list the audit log (who did what, and who has read what)");
  cmd->require_subcommand(1);

  auto* verify = cmd->add_subcommand("verify", "Walk the hash chain; name the first entry changed, removed or inserted (exit 65)");
  examples(verify, {"oppteam --db k.db audit verify", "oppteam --db k.db audit verify --json"});
  verify->callback([&s] {
    s.authorize("audit.verify");
    auto r = audit_verify(s.db());
    nlohmann::json doc = {{"ok", r.ok}, {"entries", r.entries}};
    if (!r.ok) {
      doc["first_bad_entry"] = *r.first_bad_entry;
      doc["problem"] = r.problem;
      doc["message"] = s.text(r.problem, *r.first_bad_entry);
      s.stage(doc);
      throw make_error(ExitCode::data, "audit.broken", *r.first_bad_entry, s.text(r.problem, *r.first_bad_entry));
    }
    s.emit(doc, s.text("audit.ok", r.entries));
  });

  struct LogOptions {
    std::string person, object, actor;
    std::size_t limit = 0;
  };
  auto o = std::make_shared<LogOptions>();
  auto* log = cmd->add_subcommand("log", "List audit entries, e.g. everyone who has read or changed a person's case");
  log->add_option("--person", o->person, "only entries about this personal number");
  log->add_option("--case", o->object, "only entries about this case number");
  log->add_option("--actor", o->actor, "only entries by this user");
  log->add_option("--limit", o->limit, "at most this many entries");
  examples(log, {"oppteam --db k.db audit log --person 23923901213", "oppteam --db k.db audit log --case 2026/1 --json"});
  log->callback([&s, o] {
    s.authorize("audit.log");
    auto& ctx = s.ctx();
    AuditFilter f;
    if (!o->person.empty()) {
      f.person = PersonalNumber::parse(o->person, ctx.pnr_options()).str();
    }
    if (!o->object.empty()) f.object = o->object;
    if (!o->actor.empty()) f.actor = o->actor;
    f.limit = o->limit;
    auto entries = audit_list(ctx.db, f);
    // Listing the log is itself a read of what it says about people.
    audit_append(ctx.db, ctx.clock, ctx.actor, "audit.log", f.object.value_or(""), f.person.value_or(""),
                 fmt::format("{} entries", entries.size()));
    nlohmann::json items = nlohmann::json::array();
    std::string text;
    for (const auto& e : entries) {
      items.push_back({{"id", e.id}, {"at", e.at}, {"actor", e.actor}, {"action", e.action},
                       {"object", e.object}, {"person", e.person}, {"detail", e.detail}});
      // One entry, one line: a stored field cannot break it or act on the terminal.
      text += fmt::format("{:>6}  {}  {:<12}  {:<18}  {:<10}  {}\n", e.id, visible(e.at.substr(0, 19), false),
                          visible(e.actor, false), visible(e.action, false), visible(e.object, false), visible(e.detail, false));
    }
    s.emit({{"entries", items}}, text);
  });
}

}  // namespace oppteam::cli
