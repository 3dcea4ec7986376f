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

std::vector<ValueInUse> RammeverkStore::values_in_use() const {
  return sql::Query(db_,
                    "SELECT 'reporter_type', reporter_type, count(*) FROM referral GROUP BY 2 "
                    "UNION ALL SELECT 'target_group', target_group, count(*) FROM case_file "
                    "WHERE target_group IS NOT NULL GROUP BY 2 "
                    "UNION ALL SELECT 'closing_reason', reason, count(*) FROM case_closing GROUP BY 2 "
                    "UNION ALL SELECT 'role', role, count(*) FROM team_member WHERE removed_on IS NULL GROUP BY 2 "
                    "UNION ALL SELECT 'service', service, count(*) FROM team_member "
                    "WHERE removed_on IS NULL AND service IS NOT NULL GROUP BY 2 "
                    "UNION ALL SELECT 'instrument', instrument || ' ' || instrument_version, count(*) FROM assessment "
                    "GROUP BY 2 ORDER BY 1, 2")
      .all([](sql::Row& r) { return ValueInUse{r.text(), r.text(), r.int64()}; });
}

}  // namespace oppteam
