// oppteam audit verify | audit log

#include "cli/commands.hpp"

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/domain/personal_number.hpp>
#include <oppteam/process/audit_view.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/views/audit_view.hpp>

#include <algorithm>

namespace oppteam::cli {

void setup_audit(CLI::App& app, Session& s) {
  auto* cmd = add_command_group(&app, "audit", "Verify or list the audit log (who did what, and who has read what)",
                                {"oppteam --db k.db audit verify", "oppteam --db k.db audit log --person 23923901213"});

  auto anchor_file = std::make_shared<std::string>();
  auto* verify = cmd->add_subcommand("verify", "Walk the hash chain and check the sealed rows; name the first entry changed, removed or inserted (exit 65)");
  verify->add_option("--anchor", *anchor_file, "also check the heads recorded in FILE by 'audit anchor' (every line)");
  examples(verify, {"oppteam --db k.db audit verify", "oppteam --db k.db audit verify --json",
                    "oppteam --db k.db audit verify --anchor /srv/anker/k.anchors"});
  verify->callback([&s, anchor_file] {
    const auto anchors = anchor_file->empty() ? std::vector<AuditAnchor>{} : load_audit_anchors(*anchor_file);
    auto r = verify_audit(s.ctx(), anchors);
    nlohmann::json doc = {{"ok", r.ok}, {"entries", r.entries}};
    if (!anchor_file->empty()) doc["anchors"] = anchors.size();
    if (!r.ok) {
      doc["first_bad_entry"] = *r.first_bad_entry;
      doc["problem"] = r.problem;
      const std::string message = r.table.empty() ? s.text(r.problem, *r.first_bad_entry)
                                                  : s.text(r.problem, *r.first_bad_entry, r.table, r.row);
      if (!r.table.empty()) doc["row"] = {{"table", r.table}, {"id", r.row}};
      doc["message"] = message;
      s.stage(doc);
      throw make_error(ExitCode::data, "audit.broken", *r.first_bad_entry, message);
    }
    s.emit(doc, anchor_file->empty() ? s.text("audit.ok", r.entries) : s.text("audit.ok_anchors", r.entries, anchors.size()));
  });

  auto* anchor = cmd->add_subcommand("anchor", "Print the head of the chain (entry, hash, time) as one line to keep outside the database");
  examples(anchor, {"oppteam --db k.db audit anchor >> /srv/anker/k.anchors", "oppteam --db k.db audit anchor --json"});
  anchor->callback([&s] {
    const AuditAnchor a = anchor_audit(s.ctx());
    s.emit({{"entry", a.entry}, {"hash", a.hash}, {"at", a.at}, {"line", format_anchor(a)}}, format_anchor(a));
  });

  struct LogOptions {
    std::string person, object, actor, since, until;
    std::size_t limit = 0;
    bool all = false;
  };
  auto o = std::make_shared<LogOptions>();
  auto* log = cmd->add_subcommand("log", "List audit entries, e.g. everyone who has read or changed a person's case");
  log->add_option("--person", o->person, "only entries about this personal number");
  log->add_option("--case", o->object, "only entries about this case number");
  log->add_option("--actor", o->actor, "only entries by this user");
  log->add_option("--since", o->since, "only entries of this day or later");
  log->add_option("--until", o->until, "only entries of this day or earlier");
  auto* limit_opt = log->add_option("--limit", o->limit, "the newest N entries (default 50 on screen; --json: all)");
  log->add_flag("--all", o->all, "every entry, however many")->excludes(limit_opt);
  examples(log, {"oppteam --db k.db audit log --person 23923901213", "oppteam --db k.db audit log --case 2026/1 --json",
                 "oppteam --db k.db audit log --since 2026-03-01 --until 2026-03-31 --all"});
  log->callback([&s, o] {
    auto& ctx = s.ctx();
    AuditFilter f;
    if (!o->person.empty()) {
      f.person = PersonalNumber::parse(o->person, ctx.pnr_options()).str();
    }
    if (!o->object.empty()) f.object = o->object;
    if (!o->actor.empty()) f.actor = o->actor;
    if (!o->since.empty()) f.since = format_date(user_date(s, o->since, "--since"));
    if (!o->until.empty()) f.until = format_date(user_date(s, o->until, "--until"));
    // --limit N is the newest N entries. On screen newest first, as people
    // look for what happened last, and at most 50 unless --limit or --all,
    // with how many were left out; --json: all, oldest first (in the
    // chain's order), as scripts read it.
    f.newest_first = true;
    f.limit = o->all ? 0 : o->limit ? o->limit : s.json() ? 0 : 50;
    AuditListing listing = list_audit(ctx, f);  // itself audited: a read of what the log says about people
    auto& entries = listing.entries;
    if (s.json()) std::reverse(entries.begin(), entries.end());
    const std::size_t total = listing.total;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : entries)
      items.push_back({{"id", e.id}, {"at", e.at}, {"acted_on", e.acted_on}, {"actor", e.actor}, {"action", e.action},
                       {"object", e.object}, {"person", e.person}, {"detail", e.detail}, {"rammeverk", e.rammeverk}});
    const std::string text = render_audit_log(entries, total, &ctx.rv, s.lang(), s.style());
    s.emit({{"entries", items}, {"total", total}, {"left_out", total - entries.size()}}, text);
  });
}

}  // namespace oppteam::cli
