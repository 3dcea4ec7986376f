#pragma once
// The rammeverk versions stored in a database (table `rammeverk`, history
// kept: the newest is in force). Reading and validating the TOML is
// config's; storing and choosing which is in force, process/setup.cpp's.

#include <oppteam/store/database.hpp>

#include <optional>
#include <string>

namespace oppteam {

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

 private:
  Database& db_;
};

}  // namespace oppteam
