#include <oppteam/process/setup.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/store/rammeverk_store.hpp>

#include <algorithm>

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

namespace {

// Whether two definitions of an instrument score every answer alike: the
// same items (id, domain, weight, scale) and the same threshold. Texts and
// names may change under one version.
bool scores_alike(const Instrument& a, const Instrument& b) {
  if (a.recommend_at != b.recommend_at || a.items.size() != b.items.size()) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const InstrumentItem &x = a.items[i], &y = b.items[i];
    if (x.id != y.id || x.domain != y.domain || x.weight != y.weight || x.scale != y.scale) return false;
  }
  return true;
}

// The instrument of `rv` with this id and version ("ID VERSION" as
// values_in_use gives it); none when it has no such one.
const Instrument* instrument_of(const Rammeverk& rv, const std::string& id_version) {
  const auto space = id_version.rfind(' ');
  const Instrument* found = rv.find_instrument(id_version.substr(0, space));
  if (!found || space == std::string::npos || std::to_string(found->version) != id_version.substr(space + 1)) return nullptr;
  return found;
}

// Whether `rv` has the value stored rows use: by its id, as they store it
// (not by a label, which a renamed entry may keep).
bool has_value(const Rammeverk& rv, const ValueInUse& v) {
  if (v.kind == "reporter_type") return rv.find_reporter_type(v.value) != nullptr;
  if (v.kind == "target_group") {
    const auto ids = entry_ids(rv.target_groups);
    return std::find(ids.begin(), ids.end(), v.value) != ids.end();
  }
  if (v.kind == "closing_reason") return rv.find_closing_reason(v.value) != nullptr;
  if (v.kind == "role") return rv.find_role(v.value) != nullptr;
  if (v.kind == "service") return rv.find_service(v.value) != nullptr;
  return instrument_of(rv, v.value) != nullptr;  // instrument
}

}  // namespace

StoredRammeverk store_rammeverk(const Context& ctx, const Rammeverk& rv) {
  authorize(ctx, "config.store");
  return ctx.db.write([&] {
    const Rammeverk in_force = stored_rammeverk(ctx.db);
    StoredRammeverk out;
    for (auto& v : RammeverkStore(ctx.db).values_in_use()) {
      if (v.kind == "instrument") {
        const Instrument* was = instrument_of(in_force, v.value);
        const Instrument* now = instrument_of(rv, v.value);
        if (was && now && !scores_alike(*was, *now)) out.instruments_changed.push_back(v);
      }
      if (!has_value(rv, v)) out.not_in_rammeverk.push_back(std::move(v));
    }
    store_rammeverk(ctx.db, rv, ctx.clock, ctx.actor);
    return out;
  });
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
