#pragma once
// The audit log: every change, and every read of a person's data, appends an
// entry in the same transaction. Entries form a hash chain (each hash covers
// the entry and the previous hash), so an edited, removed or inserted entry
// is found by verify(). Each change also seals the rows it wrote (digests
// of their content, hashed into its entry), so a row of an audited table
// changed outside oppteam is found too; an anchor kept outside the database
// finds a chain trimmed at its end or written anew (docs/audit.md).

#include <oppteam/store/database.hpp>
#include <oppteam/store/row_source.hpp>
#include <oppteam/util/hash.hpp>
#include <oppteam/util/clock.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;        // ISO timestamp of the real clock
  std::string acted_on;  // the date the command acted on (--today), YYYY-MM-DD; '' in entries of format 1
  std::string actor;     // the acting user (--as)
  std::string action;    // e.g. "refer.add", "case.show"
  std::string object;    // case number, team, "import:FILE", ...
  std::string person;    // the personal number concerned, when one is
  std::string detail;    // short, no health content
  std::string rammeverk; // SHA-256 of the rammeverk in force; '' in entries of format 1
  int format = 2;        // hash format: 1 (fields joined by 0x1F, before schema 6), 2 (length-prefixed, with seals)
                         // 3 (as 2, written since schema 14) or 4 (as 2, written since schema 15: its writer
                         // seals every table of audited_tables())
  std::string prev_hash;
  std::string hash;
};

// The tables whose rows are sealed: a change of their rows outside oppteam
// is found by audit_verify().
const std::vector<std::string>& audited_tables();

struct AuditVerifyResult {
  bool ok = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_bad_entry;
  // catalogue key: audit.edited | audit.removed | audit.inserted | audit.truncated |
  // audit.row_changed | audit.row_unrecorded | audit.anchor_missing | audit.anchor_mismatch
  std::string problem;
  std::string table;      // for the row problems: the table and the row (or first row of a range)
  std::int64_t row = 0;
};

// A head of the chain as recorded outside the database: entry number, hash,
// and when it was taken. One line: "oppteam-audit-anchor ENTRY HASH TIME".
struct AuditAnchor {
  std::int64_t entry = 0;
  std::string hash;
  std::string at;
  std::size_t line = 0;  // in the file it was read from
};

struct AuditFilter {
  std::optional<std::string> person;
  std::optional<std::string> object;
  std::optional<std::string> actor;
  // Entries of these days (YYYY-MM-DD, both included): the day acted on,
  // or for entries that have none the day of their time stamp.
  std::optional<std::string> since, until;
  bool newest_first = false;
  std::size_t limit = 0;  // 0: all
};

// How many entries audit_list would return without a limit.
std::size_t audit_count(Database& db, const AuditFilter& filter);

// An import is one audit entry, not one per row: this records that entry
// `audit_id` stored the referrals with ids first..last (an import holds the
// write lock, so they are one range). `audit log --person/--case` and the
// person export find the entry through the referrals it stored.
void record_import_batch(Database& db, std::int64_t audit_id, std::int64_t first_referral, std::int64_t last_referral);

// SQL yielding the ids of the import entries that stored a referral of the
// cases `case_ids_sql` (a subquery yielding case ids) — for IN (...).
std::string import_entries_sql(std::string_view case_ids_sql);

// The seal of rows a command has just inserted, made from the values it
// stored instead of by reading the rows back (a million-row import read
// them back at its end, a tenth of its time, on the thread the import
// waits for; an import seals on a thread of its own). Fed the rows in
// ascending id order, each with its values in the order of the table's
// sealed columns after the id (audit_log.cpp's kAuditedTables), exactly as
// stored: an integer, a text, or NULL. A value fed otherwise than stored
// shows in `audit verify` as a changed row. Ids skipped are sealed as no row.
class RangeSeal {
 public:
  explicit RangeSeal(std::string_view table);  // an audited table
  void row(std::int64_t id, std::span<const Cell> values);
  bool empty() const { return !started_; }
  std::int64_t first() const { return first_; }
  std::int64_t last() const { return next_ - 1; }
  const std::string& table() const { return table_; }
  // The seal digest of the rows fed (once).
  Sha256Digest finish();

 private:
  std::string table_;
  std::size_t columns_;
  bool started_ = false;
  std::int64_t first_ = 0, next_ = 0;
  Sha256 range_, row_;
  std::string data_;
};

// Appends entries; keeps the prepared statements and the chain head, so a
// bulk import appends cheaply. Use within one write transaction.
//
// Rows of the audited tables are sealed with the next entry appended:
// call before() ahead of updating or deleting such a row, after() or
// after_range() once rows are inserted. The first writer after an upgrade
// that begins to seal a table (schema 6, 14, 15) records the baseline of
// the rows written before it.
class AuditWriter {
 public:
  // `rammeverk_hash`: the SHA-256 of the rammeverk in force (Rammeverk::hash).
  AuditWriter(Database& db, const Clock& clock, std::string actor, std::string rammeverk_hash);
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Row `id` of `table` is about to be updated or deleted.
  void before(std::string_view table, std::int64_t id);
  // Every audited row of case `case_id` is about to be deleted (purge).
  void before_case(std::int64_t case_id);
  // Rows first..last of `table` were inserted by this command.
  void after_range(std::string_view table, std::int64_t first, std::int64_t last);
  void after(std::string_view table, std::int64_t id) { after_range(table, id, id); }
  // The rows fed to `seal` were inserted by this command; sealed with the
  // digest made from their values (finishes `seal`; nothing when it is empty).
  void after_range(RangeSeal& seal);

  // Returns the new entry's id. The rows announced since the last entry are sealed in it.
  std::int64_t append(const std::string& action, const std::string& object, const std::string& person = {},
                      const std::string& detail = {});
  // Writes the chain head (meta 'audit_head'); call before the transaction commits.
  void flush();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One entry, in its own transaction (for single commands that seal no
// row). `rammeverk_hash` as for AuditWriter.
void audit_record(Database& db, const Clock& clock, const std::string& actor, const std::string& rammeverk_hash,
                  const std::string& action, const std::string& object, const std::string& person = {},
                  const std::string& detail = {});
// The same with no rammeverk named: only for entries written before the
// rammeverk is known (src/process/access.cpp's refusals).
void audit_append(Database& db, const Clock& clock, const std::string& actor, const std::string& action,
                  const std::string& object, const std::string& person = {}, const std::string& detail = {});

// Walks the chain, then checks every row of the audited tables against
// the last seal that recorded it; with anchors, also that the chain still
// reaches each anchored entry with the anchored hash.
AuditVerifyResult audit_verify(Database& db, const std::vector<AuditAnchor>& anchors = {});

// The head of the chain now (entry 0 and the zero hash for an empty log), at the real time.
AuditAnchor audit_anchor(Database& db);
std::string format_anchor(const AuditAnchor& a);
// Reads an anchor file: one anchor per line, empty lines and lines starting
// with '#' skipped. Error 66 when it cannot be read, 65 on a line that is not an anchor.
std::vector<AuditAnchor> load_audit_anchors(const std::string& path);

std::vector<AuditEntry> audit_list(Database& db, const AuditFilter& filter);

// The hash of an entry of format 1 given its fields and the previous hash.
std::string audit_hash(const AuditEntry& e);
// The same in format 2, 3 or 4 (e.format): `seals` is the digest of the entry's seals ('' when none).
std::string audit_hash(const AuditEntry& e, std::string_view seals);

}  // namespace oppteam
