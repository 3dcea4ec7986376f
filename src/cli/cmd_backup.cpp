// oppteam backup --to FILE [--encrypt-to PUBKEY] [--force] | backup keygen --out KEYFILE
// oppteam restore FROM --to DB [--key SECRETKEY] [--force]
// oppteam check [--anchor FILE] [--backup-dir DIR | --last-backup FILE] [--min-free-mb N] [--max-backup-age-hours N]

#include "cli/commands.hpp"

#include <oppteam/process/backup.hpp>
#include <oppteam/views/check_view.hpp>

namespace oppteam::cli {

namespace {

nlohmann::json head_json(const AuditHead& h) { return {{"id", h.id}, {"hash", h.hash}, {"at", h.at}}; }

void setup_backup_command(CLI::App& app, Session& s) {
  struct Options {
    std::string to, encrypt_to, out;
    bool force = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("backup", "Write a consistent copy of the database (0600), optionally encrypted, while others work");
  cmd->add_option("--to", o->to, "the backup file to write (never the database; an existing file only with --force)");
  cmd->add_option("--encrypt-to", o->encrypt_to, "encrypt to this public key (a KEYFILE.pub of 'backup keygen')");
  cmd->add_flag("--force", o->force, "replace an existing backup file");
  cmd->require_subcommand(0, 1);
  auto* keygen = cmd->add_subcommand("keygen", "Make a key pair for encrypted backups: KEYFILE (secret) and KEYFILE.pub");
  keygen->add_option("--out", o->out, "the secret key file to write; the public key goes to FILE.pub")->required();
  examples(keygen, {"oppteam backup keygen --out /root/oppteam-backup.key"});
  examples(cmd, {"oppteam --db k.db backup --to /var/backups/oppteam/k-2026-03-02.db",
                 "oppteam --db k.db backup --to k.db.enc --encrypt-to oppteam-backup.key.pub --json",
                 "oppteam backup keygen --out oppteam-backup.key"});
  keygen->callback([&s, o] {
    const auto files = backup_keygen(o->out);
    s.emit({{"secret_key", files.secret_path}, {"public_key", files.public_path}},
           s.text("backup.keygen_done", files.secret_path, files.public_path));
  });
  cmd->callback([&s, o, cmd, keygen] {
    if (cmd->got_subcommand(keygen)) return;
    if (o->to.empty()) throw make_error(ExitCode::usage, "backup.needs_to");
    BackupOptions bo{o->to, o->force, std::nullopt};
    if (!o->encrypt_to.empty()) bo.encrypt_to = o->encrypt_to;
    const auto r = make_backup(s.ctx(), bo);
    nlohmann::json doc = {{"backup", r.path}, {"encrypted", r.encrypted}, {"bytes", r.bytes},
                          {"schema_version", r.schema_version}, {"audit_head", head_json(r.head)}};
    s.emit(doc, s.text(r.encrypted ? "backup.done_encrypted" : "backup.done", r.path, r.head.id, r.head.hash, r.head.at));
  });
}

void setup_restore(CLI::App& app, Session& s) {
  struct Options {
    std::string from, to, key;
    bool force = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("restore", "Check a backup (integrity, foreign keys, audit chain, schema) and restore it");
  cmd->add_option("FROM", o->from, "the backup file (plain or encrypted)")->required();
  cmd->add_option("--to", o->to, "the database to write (an existing one only with --force)")->required();
  cmd->add_option("--key", o->key, "the secret key file, for an encrypted backup");
  cmd->add_flag("--force", o->force, "replace an existing database (stop its users first)");
  examples(cmd, {"oppteam restore /var/backups/oppteam/k-2026-03-02.db --to /tmp/drill.db",
                 "oppteam restore k.db.enc --key /root/oppteam-backup.key --to k.db --force"});
  cmd->callback([&s, o] {
    RestoreOptions ro{o->from, o->to, o->force, std::nullopt, s.login()};
    if (!o->key.empty()) ro.key = o->key;
    const auto r = restore_backup(ro, s.clock(), s.actor(), s.lang());
    nlohmann::json doc = {{"restored", r.path},       {"from", o->from},       {"encrypted", r.encrypted},
                          {"entries", r.entries},     {"cases", r.cases},      {"schema_version", r.schema_version},
                          {"audit_head", head_json(r.head)}};
    if (r.replaced_head) {
      doc["replaced_audit_head"] = head_json(*r.replaced_head);
      doc["replaced_newer"] = r.replaced_newer;
      // What the replaced database held after the backup is gone: say how far its log reached.
      if (r.replaced_newer) s.say(s.text("restore.replaced_newer", r.path, r.replaced_head->id, r.replaced_head->at, r.head.id, r.head.at));
    }
    s.emit(doc, s.text("restore.done", o->from, r.path, r.entries, r.cases, r.head.id, r.head.hash, r.head.at));
  });
}

void setup_check(CLI::App& app, Session& s) {
  struct Options {
    std::string anchor, backup_dir, last_backup;
    std::int64_t min_free_mb = 100;
    std::int64_t max_backup_age_hours = 26;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("check", "Health check for monitoring: integrity, audit chain, file modes, disk, last backup");
  cmd->add_option("--anchor", o->anchor, "also check the audit chain against this anchor file (not yet in this oppteam: a FAIL line)");
  auto* dir = cmd->add_option("--backup-dir", o->backup_dir, "the newest file in this folder is the last backup");
  auto* last = cmd->add_option("--last-backup", o->last_backup, "the last backup file");
  dir->excludes(last);
  cmd->add_option("--min-free-mb", o->min_free_mb, "fail when less space is free beside the database (default 100)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-backup-age-hours", o->max_backup_age_hours, "fail when the last backup is older (default 26)")
      ->check(CLI::NonNegativeNumber);
  examples(cmd, {"oppteam --db k.db check", "oppteam --db k.db check --backup-dir /var/backups/oppteam --json"});
  cmd->callback([&s, o] {
    CheckOptions co;
    co.db_path = s.db_path();
    if (!o->anchor.empty()) co.anchor = o->anchor;
    if (!o->backup_dir.empty()) co.backup_dir = o->backup_dir;
    if (!o->last_backup.empty()) co.last_backup = o->last_backup;
    co.min_free_mb = o->min_free_mb;
    co.max_backup_age_hours = o->max_backup_age_hours;
    CheckLine database;
    const Context* ctx = nullptr;
    if (auto opened = open_for_check(co.db_path, database)) {
      s.adopt(std::move(*opened));
      try {
        ctx = &s.ctx();
      } catch (const Error& e) {
        if (e.code() == ExitCode::permission) throw;
        database = CheckLine{"database", false, e.code(), e.key(), e.args()};
      }
    }
    // run_checks asks for the "check" permission itself.
    const auto report = run_checks(co, ctx, database, s.lang());
    nlohmann::json checks = nlohmann::json::array();
    int failed = 0;
    for (const auto& l : report.lines) {
      checks.push_back({{"check", l.name}, {"ok", l.ok}, {"code", int(l.code)}, {"detail", check_detail(l, s.lang())}});
      failed += l.ok ? 0 : 1;
    }
    const std::string text = render_check_report(report, s.lang());
    nlohmann::json doc = {{"ok", report.ok()}, {"checks", checks}};
    if (report.ok()) return s.emit(doc, text);
    if (s.json()) s.stage(doc);
    else s.out() << text;
    throw make_error(report.exit_code(), "check.failed", failed, report.lines.size());
  });
}

}  // namespace

void setup_backup(CLI::App& app, Session& s) {
  setup_backup_command(app, s);
  setup_restore(app, s);
  setup_check(app, s);
}

}  // namespace oppteam::cli
