#pragma once
// The audit log: every change, and every read of a person's data, appends an
// entry in the same transaction. Entries form a hash chain (each hash covers
// the entry and the previous hash), so an edited, removed or inserted entry
// is found by verify().

#include <oppteam/store/database.hpp>
#include <oppteam/util/clock.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;      // ISO timestamp
  std::string actor;   // the acting user (--as)
  std::string action;  // e.g. "refer.add", "case.show"
  std::string object;  // case number, team, "import:FILE", ...
  std::string person;  // the personal number concerned, when one is
  std::string detail;  // short, no health content
  std::string prev_hash;
  std::string hash;
};

struct AuditVerifyResult {
  bool ok = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_bad_entry;
  std::string problem;  // catalogue key: audit.edited | audit.removed | audit.inserted | audit.truncated
};

struct AuditFilter {
  std::optional<std::string> person;
  std::optional<std::string> object;
  std::optional<std::string> actor;
  std::size_t limit = 0;  // 0: all
};

// An import is one audit entry, not one per row: this records that entry
// `audit_id` stored the referrals with ids first..last (an import holds the
// write lock, so they are one range). `audit log --person/--case` and the
// person export find the entry through the referrals it stored.
void record_import_batch(Database& db, std::int64_t audit_id, std::int64_t first_referral, std::int64_t last_referral);

// SQL yielding the ids of the import entries that stored a referral of the
// cases `case_ids_sql` (a subquery yielding case ids) — for IN (...).
std::string import_entries_sql(std::string_view case_ids_sql);

// Appends entries; keeps the prepared statements and the chain head, so a
// bulk import appends cheaply. Use within one write transaction.
class AuditWriter {
 public:
  AuditWriter(Database& db, const Clock& clock, std::string actor);
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Returns the new entry's id.
  std::int64_t append(const std::string& action, const std::string& object, const std::string& person = {},
                      const std::string& detail = {});
  // Writes the chain head (meta 'audit_head'); call before the transaction commits.
  void flush();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One entry, in its own statement set (for single commands).
void audit_append(Database& db, const Clock& clock, const std::string& actor, const std::string& action,
                  const std::string& object, const std::string& person = {}, const std::string& detail = {});

AuditVerifyResult audit_verify(Database& db);
std::vector<AuditEntry> audit_list(Database& db, const AuditFilter& filter);

// The hash of an entry given its fields and the previous hash.
std::string audit_hash(const AuditEntry& e);

}  // namespace oppteam
