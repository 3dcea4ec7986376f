#include <oppteam/store/rammeverk_store.hpp>

#include <oppteam/store/sql_values.hpp>

namespace oppteam {

void RammeverkStore::insert(const std::string& stored_at, const std::string& stored_by, const std::string& source_name,
                            const std::string& hash, const std::string& toml) {
  sql::exec(db_, "INSERT INTO rammeverk(stored_at, stored_by, source_name, hash, toml) VALUES (?, ?, ?, ?, ?)", stored_at,
            stored_by, source_name, hash, toml);
}

std::optional<StoredRammeverkRow> RammeverkStore::newest() const {
  return sql::Query(db_, "SELECT toml, source_name FROM rammeverk ORDER BY id DESC LIMIT 1").first([](sql::Row& r) {
    return StoredRammeverkRow{r.text(), r.text()};
  });
}

bool RammeverkStore::any() const { return db_.sql().execAndGet("SELECT count(*) FROM rammeverk").getInt() > 0; }

}  // namespace oppteam
