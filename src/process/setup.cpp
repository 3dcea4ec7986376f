#include <oppteam/process/setup.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/store/rammeverk_store.hpp>

namespace oppteam {

void store_rammeverk(Database& db, const Rammeverk& rv, const Clock& clock, const std::string& actor) {
  db.write([&] {
    RammeverkStore(db).insert(clock.now_timestamp(), actor, rv.source_name, rv.hash, rv.source_text);
    AuditWriter audit(db, clock, actor, rv.hash);
    audit.append("config.store", "rammeverk", "",
                 audit_detail("config.store", "audit.d.config_store", {rv.source_name, rv.hash.substr(0, 12)}));
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
      audit.append("init", path, "", audit_detail("init", "audit.d.init", {}));
      audit.flush();
      store_rammeverk(db, rv, clock, actor);
    });
  });
}

Rammeverk stored_rammeverk(Database& db) {
  const auto stored = db.read_per_statement([&] { return RammeverkStore(db).newest(); });
  if (!stored) throw make_error(ExitCode::config, "config.none_stored", db.path());
  Rammeverk rv = load_rammeverk(stored->toml, "database");
  rv.source_name = "database (" + stored->source_name + ")";
  return rv;
}

}  // namespace oppteam
