#include <oppteam/process/setup.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>

namespace oppteam {

void store_rammeverk(Database& db, const Rammeverk& rv, const Clock& clock, const std::string& actor) {
  db.write([&] {
    SQLite::Statement q(db.sql(),
                        "INSERT INTO rammeverk(stored_at, stored_by, source_name, hash, toml) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, clock.now_timestamp());
    q.bind(2, actor);
    q.bind(3, rv.source_name);
    q.bind(4, rv.hash);
    q.bind(5, rv.source_text);
    q.exec();
    AuditWriter audit(db, clock, actor, rv.hash);
    audit.append("config.store", "rammeverk", "", rv.source_name + " " + rv.hash.substr(0, 12));
    audit.flush();
  });
}

void store_rammeverk(const Context& ctx, const Rammeverk& rv) {
  authorize(ctx, "config.store");
  store_rammeverk(ctx.db, rv, ctx.clock, ctx.actor);
}

Database init_database(const std::string& path, const Rammeverk& rv, const Clock& clock, const std::string& actor) {
  return Database::create(path, Database::kDefaultBusyTimeoutMs, [&](Database& db) {
    db.write([&] {
      db.set_meta("created_at", clock.now_timestamp());
      db.set_meta("created_by", actor);
      AuditWriter audit(db, clock, actor, rv.hash);
      audit.append("init", path);
      audit.flush();
      store_rammeverk(db, rv, clock, actor);
    });
  });
}

Rammeverk stored_rammeverk(Database& db) {
  auto [text, name] = db.read_per_statement([&] {
    SQLite::Statement q(db.sql(), "SELECT toml, source_name FROM rammeverk ORDER BY id DESC LIMIT 1");
    if (!q.executeStep()) throw make_error(ExitCode::config, "config.none_stored", db.path());
    return std::pair{q.getColumn(0).getString(), q.getColumn(1).getString()};
  });
  Rammeverk rv = load_rammeverk(text, "database");
  rv.source_name = "database (" + name + ")";
  return rv;
}

}  // namespace oppteam
