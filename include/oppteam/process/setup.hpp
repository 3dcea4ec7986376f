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
// Returns what the caller should tell: the values stored rows use that `rv`
// no longer has, and the instruments (as "ID VERSION") whose items or
// threshold `rv` changes under the version stored assessments were scored
// with. Both are stored all the same: the rows keep their values, an
// assessment its score and the hash of the rammeverk it was scored under.
struct StoredRammeverk {
  std::vector<ValueInUse> not_in_rammeverk;
  std::vector<ValueInUse> instruments_changed;
};
StoredRammeverk store_rammeverk(const Context& ctx, const Rammeverk& rv);

// The rammeverk stored in the database (the newest), validated again.
Rammeverk stored_rammeverk(Database& db);

}  // namespace oppteam
