#pragma once
// Fixtures that write rows with SQL instead of oppteam's commands: run that
// SQL through as_command(), which seals what it changed in an audit entry
// as a command would, so `audit_verify` still holds afterwards.

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/store/database.hpp>
#include <oppteam/util/clock.hpp>

#include <fmt/format.h>

#include <map>
#include <string>

namespace unit {

template <typename Write>
void as_command(oppteam::Database& db, const oppteam::Rammeverk& rv, const oppteam::Clock& clock, Write write) {
  db.write([&] {
    oppteam::AuditWriter audit(db, clock, "fixture", rv.hash);
    std::map<std::string, std::int64_t> last;
    for (const auto& t : oppteam::audited_tables()) {
      SQLite::Statement q(db.sql(), fmt::format("SELECT id FROM {}", t));
      while (q.executeStep()) audit.before(t, q.getColumn(0).getInt64());  // (fixtures are small)
      last[t] = db.sql().execAndGet(fmt::format("SELECT coalesce(max(id), 0) FROM {}", t)).getInt64();
    }
    write();
    for (const auto& t : oppteam::audited_tables())
      audit.after_range(t, last[t] + 1, db.sql().execAndGet(fmt::format("SELECT coalesce(max(id), 0) FROM {}", t)).getInt64());
    audit.append("test.fixture", "");
    audit.flush();
  });
}

}  // namespace unit
