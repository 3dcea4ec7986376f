#pragma once
// Creating a database and keeping the rammeverk it holds.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/process/context.hpp>
#include <oppteam/store/database.hpp>
#include <oppteam/store/rammeverk_store.hpp>
#include <oppteam/util/clock.hpp>

#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// Creates the database at `path` and stores `rv` (validated) as the
// rammeverk in force; the first audit entry records who did it.
Database init_database(const std::string& path, const Rammeverk& rv, const Clock& clock, const std::string& actor);

// Stores a new rammeverk in force (history kept), audited.
void store_rammeverk(Database& db, const Rammeverk& rv, const Clock& clock, const std::string& actor);
// config store: the same by the acting user, who needs "config.store".
// Refuses (78, config.instrument_changed) an instrument whose items or
// threshold changed under the id and version stored assessments were
// scored with: their scores could no longer be explained (a changed
// instrument gets a new version). Returns the values stored rows use that
// `rv` no longer has (stored all the same: the rows keep their values).
struct StoredRammeverk {
  std::vector<ValueInUse> not_in_rammeverk;
};
StoredRammeverk store_rammeverk(const Context& ctx, const Rammeverk& rv);

// The rammeverk stored in the database (the newest), validated again.
Rammeverk stored_rammeverk(Database& db);

}  // namespace oppteam
