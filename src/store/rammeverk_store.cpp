#include <oppteam/store/rammeverk_store.hpp>

#include <SQLiteCpp/Statement.h>

namespace oppteam {

void RammeverkStore::insert(const std::string& stored_at, const std::string& stored_by, const std::string& source_name,
                            const std::string& hash, const std::string& toml) {
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO rammeverk(stored_at, stored_by, source_name, hash, toml) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, stored_at);
  q.bind(2, stored_by);
  q.bind(3, source_name);
  q.bind(4, hash);
  q.bind(5, toml);
  q.exec();
}

std::optional<StoredRammeverkRow> RammeverkStore::newest() const {
  SQLite::Statement q(db_.sql(), "SELECT toml, source_name FROM rammeverk ORDER BY id DESC LIMIT 1");
  if (!q.executeStep()) return std::nullopt;
  return StoredRammeverkRow{q.getColumn(0).getString(), q.getColumn(1).getString()};
}

bool RammeverkStore::any() const { return db_.sql().execAndGet("SELECT count(*) FROM rammeverk").getInt() > 0; }

}  // namespace oppteam
