#pragma once
// The rammeverk versions stored in a database (table `rammeverk`, history
// kept: the newest is in force). Reading and validating the TOML is
// config's; storing and choosing which is in force, process/setup.cpp's.

#include <oppteam/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// A value of a rammeverk list that stored rows use: its list (reporter_type,
// target_group, closing_reason, role, service, instrument), the value (an
// instrument as "ID VERSION") and how many rows use it.
struct ValueInUse {
  std::string kind;
  std::string value;
  std::int64_t count = 0;
};

struct StoredRammeverkRow {
  std::string toml;
  std::string source_name;
};

class RammeverkStore {
 public:
  explicit RammeverkStore(Database& db) : db_(db) {}

  void insert(const std::string& stored_at, const std::string& stored_by, const std::string& source_name,
              const std::string& hash, const std::string& toml);
  // The newest stored version; nullopt when none is stored.
  std::optional<StoredRammeverkRow> newest() const;
  // Whether any version is stored.
  bool any() const;
  // The rammeverk values that stored referrals, cases, closings, current
  // team members and assessments use, by list and value.
  std::vector<ValueInUse> values_in_use() const;

 private:
  Database& db_;
};

}  // namespace oppteam
