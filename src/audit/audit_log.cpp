#include <oppteam/audit/audit_log.hpp>

#include <oppteam/domain/case_number.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/store/row_source.hpp>
#include <oppteam/store/sql_values.hpp>
#include <oppteam/util/hash.hpp>

#include <fmt/format.h>

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <sstream>

namespace oppteam {

namespace {

const std::string kGenesis(64, '0');
const Sha256Digest kNoRow{};  // the digest standing for "no row with this id"

// The hash format of the entries this program writes: 2 from schema 6
// (length-prefixed fields, seals hashed in), 3 from schema 14, when the
// tables behind a vedtak and a team came to be sealed, 4 from schema 15,
// when the indicator values, what-matters answers and corrections did.
// Entries of formats 3 and 4 are hashed as format 2 under another tag: the
// format cannot be changed without changing the hash, so the log itself
// tells whether a program sealing a table has written to it since the
// upgrade (see AuditedTable).
constexpr int kFormat = 4;

// A table whose rows are sealed: its columns in a fixed order (id first;
// a column added by a later migration is not sealed until it is listed
// here with a new baseline), how its rows belong to a case (for purge), and
// the first entry format whose writer seals it. The migration that begins
// to seal a table announces its rows (seals with no entry); `verify`
// accepts such a seal only while every entry of the log is of an older
// format, that is until the first writer after the upgrade records it in
// an `audit.baseline` entry. So a row forged later and passed off as
// announced by the upgrade is found.
struct AuditedTable {
  const char* name;
  const char* columns;
  const char* of_case;  // condition on ?1 = the case id; nullptr: not part of a case
  int sealed_from;      // the entry format (kFormat at the time) from which it is sealed
};

const AuditedTable kAuditedTables[] = {
    {"person", "id, fnr, kind, birth_date, name, created_at", nullptr, 2},
    {"referral",
     "id, case_id, sender, external_id, reporter_type, reporter_name, received_on, need, content_hash, created_at, "
     "created_by",
     "case_id = ?1", 2},
    {"consent",
     "id, case_id, scope, form, given_by, giver_name, reason, document_ref, given_on, recorded_by, recorded_at, "
     "withdrawn_on, withdrawn_by, withdraw_reason",
     "case_id = ?1", 2},
    {"decision", "id, case_id, outcome, grounds, decided_on, decided_by, appeal_deadline, letter", "case_id = ?1", 2},
    {"goal", "id, plan_id, number, parent, text, source, status", "plan_id IN (SELECT id FROM plan WHERE case_id = ?1)", 2},
    {"measure", "id, plan_id, goal_number, number, text, responsible, due_on, every_days, scope, how, status",
     "plan_id IN (SELECT id FROM plan WHERE case_id = ?1)", 2},
    // Sealed from schema 14 on.
    {"assessment",
     "id, case_id, instrument, instrument_version, rammeverk_hash, assessor, profession, assessed_on, score, threshold, "
     "recommendation, partial, answers, domains, unanswered, created_by, created_at",
     "case_id = ?1", 3},
    {"evaluation", "id, case_id, evaluated_on, quality, decision, reason, comment, next_on, goals, created_by, created_at",
     "case_id = ?1", 3},
    {"appeal_step", "id, appeal_id, step, result, step_on, grounds, recorded_by",
     "appeal_id IN (SELECT id FROM appeal WHERE case_id = ?1)", 3},
    {"team_member", "id, team_id, name, role, service, kind, added_on, removed_on, removed_reason, phone, email",
     "team_id IN (SELECT id FROM team WHERE case_id = ?1)", 3},
    // Sealed from schema 15 on. A correction of a person's name belongs to
    // no case: purge deletes it with the person, after the person's last case.
    {"indicator_value", "id, evaluation_id, indicator, value",
     "evaluation_id IN (SELECT id FROM evaluation WHERE case_id = ?1)", 4},
    {"what_matters", "id, case_id, assessment_id, text", "case_id = ?1", 4},
    {"correction",
     "id, case_id, person_id, object, object_id, field, before, after, reason, corrected_on, corrected_by",
     "case_id = ?1 OR (case_id IS NULL AND person_id = (SELECT person_id FROM case_file WHERE id = ?1))", 4},
};

const AuditedTable* find_audited(std::string_view name) {
  for (const auto& t : kAuditedTables)
    if (name == t.name) return &t;
  return nullptr;
}

const AuditedTable& audited(std::string_view name) {
  if (const AuditedTable* t = find_audited(name)) return *t;
  throw std::logic_error("not an audited table: " + std::string(name));
}

// The digest of the current row of `q` (its columns as selected from
// AuditedTable::columns): each value's type, then its length and bytes.
// (SQLite's own column calls: a SQLite::Column per value cost more than
// the hashing, on the import's and verify's hundreds of thousands of rows.)
// One value of a row digest: its type, its length (8 bytes, big-endian)
// and its bytes, in two appends, not one a byte (audit verify digests every
// row of the audited tables).
void add_field(std::string& data, char type, const void* bytes, std::size_t size) {
  char head[9] = {type};
  for (int i = 0; i < 8; ++i) head[1 + i] = static_cast<char>((std::uint64_t(size) >> (56 - 8 * i)) & 0xff);
  data.append(head, sizeof head);
  data.append(static_cast<const char*>(bytes), size);
}

void add_integer(std::string& data, std::int64_t value) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  add_field(data, 'i', buf, std::size_t(end - buf));
}

Sha256Digest row_digest(const RowStatement& q, Sha256& h) {
  thread_local std::string data;
  data.clear();
  sqlite3_stmt* st = q.handle();
  const int n = sqlite3_column_count(st);
  for (int i = 0; i < n; ++i) {
    const int type = sqlite3_column_type(st, i);  // (each call takes the connection's mutex)
    switch (type) {
      case SQLITE_NULL: add_field(data, 'n', nullptr, 0); break;
      case SQLITE_INTEGER: add_integer(data, static_cast<std::int64_t>(sqlite3_column_int64(st, i))); break;
      case SQLITE_BLOB: {
        const void* blob = sqlite3_column_blob(st, i);
        add_field(data, 'b', blob, std::size_t(sqlite3_column_bytes(st, i)));
        break;
      }
      default: {  // TEXT, and FLOAT as its text
        const unsigned char* text = sqlite3_column_text(st, i);
        add_field(data, type == SQLITE_FLOAT ? 'f' : 't', text, std::size_t(sqlite3_column_bytes(st, i)));
        break;
      }
    }
  }
  h.update(data);
  return h.finish();
}

std::size_t column_count(const AuditedTable& t) {
  return std::size_t(std::count(t.columns, t.columns + std::strlen(t.columns), ',')) + 1;
}

std::string select_rows_sql(const AuditedTable& t, const char* where) {
  return fmt::format("SELECT {} FROM {} {} ORDER BY id", t.columns, t.name, where);
}

// The seal digest of rows first..last as they are now: SHA-256 over each
// id's row digest in order (kNoRow for an id with no row).
Sha256Digest range_digest(Database& db, const AuditedTable& t, std::int64_t first, std::int64_t last) {
  RowStatement q(db.sql(), select_rows_sql(t, "WHERE id BETWEEN ?1 AND ?2").c_str());
  q.bind_int64(1, first);
  q.bind_int64(2, last);
  Sha256 row, range;
  std::int64_t next = first;
  while (q.step()) {
    const std::int64_t id = q.column_int64(0);
    for (; next < id; ++next) range.update(kNoRow);
    range.update(row_digest(q, row));
    next = id + 1;
  }
  for (; next <= last; ++next) range.update(kNoRow);
  return range.finish();
}

// The digest of one row now, or nothing when there is no such row. `q`:
// the table's one-row query (one_row_sql).
std::optional<Sha256Digest> current_row_digest(RowStatement& q, std::int64_t id) {
  q.reset();
  q.bind_int64(1, id);
  if (!q.step()) return std::nullopt;
  Sha256 h;
  return row_digest(q, h);
}

std::string one_row_sql(const AuditedTable& t) { return select_rows_sql(t, "WHERE id = ?1"); }

Sha256Digest digest_of(const Sha256Digest& row) {
  Sha256 h;
  h.update(row);
  return h.finish();
}

// A seal as stored in audit_seal. audit_id 0: the baseline not yet recorded.
struct Seal {
  std::int64_t audit_id = 0;
  std::string table;
  std::int64_t first = 0, last = 0;
  std::string digest;  // hex; '' while the baseline is not recorded
  std::string before;  // hex of the single row's digest before the change; '' when there was none
  std::int64_t rowid = 0;
};

// The digest of an entry's seals, hashed into the entry ('' for none).
std::string seals_digest(const Seal* begin, const Seal* end) {
  if (begin == end) return {};
  Sha256 h;
  for (const Seal* s = begin; s != end; ++s) {
    h.field(s->table);
    h.field(std::to_string(s->first));
    h.field(std::to_string(s->last));
    h.field(s->digest);
    h.field(s->before);
  }
  return to_hex(h.finish());
}

// The head of the chain as stored in meta: "ID HASH".
std::pair<std::int64_t, std::string> read_head(Database& db) {
  auto head = db.meta("audit_head");
  if (!head) return {0, kGenesis};
  auto space = head->find(' ');
  if (space == std::string::npos) return {0, kGenesis};
  try {
    return {std::stoll(head->substr(0, space)), head->substr(space + 1)};
  } catch (const std::exception&) {
    return {-1, {}};  // not a head this program wrote
  }
}

// An audit row as selected with kEntryColumns, in that order.
constexpr const char* kEntryColumns =
    "id, at, acted_on, actor, action, object, person, detail, rammeverk, format, prev_hash, hash";

AuditEntry read_entry(SQLite::Statement& q) {
  AuditEntry e;
  sql::Row(q).read(e.id, e.at, e.acted_on, e.actor, e.action, e.object, e.person, e.detail, e.rammeverk, e.format, e.prev_hash,
                   e.hash);
  return e;
}

std::vector<Seal> load_seals(Database& db, const char* where = "") {
  std::vector<Seal> out;
  SQLite::Statement q(db.sql(), fmt::format("SELECT coalesce(audit_id, 0), tbl, first_id, last_id, coalesce(digest, ''), "
                                            "before, rowid FROM audit_seal {} ORDER BY coalesce(audit_id, 0), rowid",
                                            where));
  while (q.executeStep()) {
    Seal s;
    sql::Row(q).read(s.audit_id, s.table, s.first, s.last, s.digest, s.before, s.rowid);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

const std::vector<std::string>& audited_tables() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& t : kAuditedTables) v.emplace_back(t.name);
    return v;
  }();
  return names;
}

std::string audit_hash(const AuditEntry& e) {
  return sha256_hex_of_fields({e.prev_hash, std::to_string(e.id), e.at, e.actor, e.action, e.object, e.person, e.detail});
}

std::string audit_hash(const AuditEntry& e, std::string_view seals) {
  // The tag of each format from 2 on; a format above kFormat hashes as kFormat (verify refuses it first).
  static constexpr const char* kTags[] = {"oppteam-audit-2", "oppteam-audit-3", "oppteam-audit-4"};
  static_assert(std::size(kTags) == kFormat - 1);
  return sha256_hex_of_prefixed({kTags[std::clamp(e.format, 2, kFormat) - 2], std::to_string(e.id), e.at,
                                 e.acted_on, e.actor, e.action, e.object, e.person, e.detail, e.rammeverk, seals,
                                 e.prev_hash});
}

struct AuditWriter::Impl {
  Impl(Database& d, const Clock& c, std::string a, std::string r)
      : db(d), actor(std::move(a)), rammeverk(std::move(r)), acted_on(format_date(c.today())),
        insert(d.sql(), "INSERT INTO audit(id, at, acted_on, actor, action, object, person, detail, rammeverk, format, "
                        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {
    std::tie(last_id, last_hash) = read_head(d);
  }
  Database& db;
  std::string actor;
  std::string rammeverk;
  // One command is one instant: its entries share the time it started
  // (formatting a timestamp per entry was a fifth of a large import's time).
  // Always the real clock; the date the command acts on is stored beside it.
  std::string at = Clock::real_timestamp();
  std::string acted_on;
  SQLite::Statement insert;
  std::int64_t last_id = 0;
  std::string last_hash;
  bool dirty = false;
  // Rows announced by before()/after_range() since the last entry.
  struct Pending {
    const AuditedTable* table;
    std::int64_t first, last;
    bool changed;  // before(): an existing row, sealed only if it changed
    std::string before;
    std::optional<Sha256Digest> known;  // after_range(RangeSeal&): sealed from the values stored
  };
  std::vector<Pending> pending;
  std::set<std::pair<const AuditedTable*, std::int64_t>> announced;  // the rows of before() in `pending`
  std::map<const AuditedTable*, RowStatement> one_row;                // prepared once per table

  std::optional<Sha256Digest> row_now(const AuditedTable& t, std::int64_t id) {
    auto it = one_row.find(&t);
    if (it == one_row.end()) it = one_row.try_emplace(&t, db.sql(), one_row_sql(t).c_str()).first;
    return current_row_digest(it->second, id);
  }

  // Appends an entry sealing `seals` (their digests filled in); returns its id.
  std::int64_t write_entry(const std::string& action, const std::string& object, const std::string& person,
                           const std::string& detail, std::vector<Seal>& seals) {
    AuditEntry e;
    e.id = last_id + 1;
    e.at = at;
    e.acted_on = acted_on;
    e.actor = actor;
    e.action = action;
    e.object = object;
    e.person = person;
    e.detail = detail;
    e.rammeverk = rammeverk;
    e.format = kFormat;
    e.prev_hash = last_hash;
    e.hash = audit_hash(e, seals_digest(seals.data(), seals.data() + seals.size()));
    insert.reset();
    insert.bind(1, static_cast<int64_t>(e.id));
    insert.bind(2, e.at);
    insert.bind(3, e.acted_on);
    insert.bind(4, e.actor);
    insert.bind(5, e.action);
    insert.bind(6, e.object);
    insert.bind(7, e.person);
    insert.bind(8, e.detail);
    insert.bind(9, e.rammeverk);
    insert.bind(10, e.format);
    insert.bind(11, e.prev_hash);
    insert.bind(12, e.hash);
    insert.exec();
    last_id = e.id;
    last_hash = e.hash;
    dirty = true;
    return e.id;
  }

  // The rows written before the upgrade that began to seal their tables
  // (schema 6, 14, 15), announced by its migration: sealed as they are
  // now, in an entry of their own.
  void record_baseline() {
    std::vector<Seal> seals = load_seals(db, "WHERE audit_id IS NULL");
    if (seals.empty()) return;
    // Only what `verify` accepts as announced by an upgrade: seals of a
    // table the log's last entry is too old to seal. Any other seal with no
    // entry was added by hand (or by a migration run again): left for
    // `verify` to report, not passed off as found by the upgrade.
    const int format = db.sql().execAndGet("SELECT coalesce((SELECT format FROM audit ORDER BY id DESC LIMIT 1), 0)").getInt();
    std::erase_if(seals, [&](const Seal& s) {
      const AuditedTable* t = find_audited(s.table);
      return !t || format >= t->sealed_from;
    });
    if (seals.empty()) return;
    std::int64_t rows = 0;
    for (auto& s : seals) {
      s.digest = to_hex(range_digest(db, audited(s.table), s.first, s.last));
      rows += s.last - s.first + 1;
    }
    const std::int64_t id = write_entry("audit.baseline", "", "", fmt::format("{} ids in {} tables", rows, seals.size()), seals);
    SQLite::Statement up(db.sql(), "UPDATE audit_seal SET audit_id = ?, digest = ? WHERE rowid = ?");
    for (const auto& s : seals) {
      up.reset();
      up.bind(1, static_cast<int64_t>(id));
      up.bind(2, s.digest);
      up.bind(3, static_cast<int64_t>(s.rowid));
      up.exec();
    }
  }
};

AuditWriter::AuditWriter(Database& db, const Clock& clock, std::string actor, std::string rammeverk_hash)
    : impl_(std::make_unique<Impl>(db, clock, std::move(actor), std::move(rammeverk_hash))) {
  impl_->record_baseline();
}

AuditWriter::~AuditWriter() {
  // Callers flush() before they commit; this is the safety net for a path
  // that forgot. A destructor must not throw, and on an error path the
  // transaction is rolled back anyway.
  try {
    flush();
  } catch (...) {
  }
}

void AuditWriter::before(std::string_view table, std::int64_t id) {
  auto& s = *impl_;
  const AuditedTable& t = audited(table);
  if (!s.announced.emplace(&t, id).second) return;  // the first state counts
  const auto d = s.row_now(t, id);
  s.pending.push_back({&t, id, id, true, d ? to_hex(*d) : std::string(), std::nullopt});
}

void AuditWriter::before_case(std::int64_t case_id) {
  for (const auto& t : kAuditedTables) {
    if (!t.of_case) continue;
    SQLite::Statement q(impl_->db.sql(), fmt::format("SELECT id FROM {} WHERE {} ORDER BY id", t.name, t.of_case));
    q.bind(1, static_cast<int64_t>(case_id));
    while (q.executeStep()) before(t.name, q.getColumn(0).getInt64());
  }
}

void AuditWriter::after_range(std::string_view table, std::int64_t first, std::int64_t last) {
  if (last < first) return;
  impl_->pending.push_back({&audited(table), first, last, false, {}, std::nullopt});
}

void AuditWriter::after_range(RangeSeal& seal) {
  if (seal.empty()) return;
  const std::int64_t first = seal.first(), last = seal.last();
  impl_->pending.push_back({&audited(seal.table()), first, last, false, {}, seal.finish()});
}

RangeSeal::RangeSeal(std::string_view table) : table_(audited(table).name), columns_(column_count(audited(table))) {}

void RangeSeal::row(std::int64_t id, std::span<const Cell> values) {
  if (values.size() + 1 != columns_) throw std::logic_error("RangeSeal: a row of " + table_ + " with the wrong number of values");
  if (!started_) {
    started_ = true;
    first_ = next_ = id;
  } else if (id < next_) {
    throw std::logic_error("RangeSeal: the rows of " + table_ + " out of id order");
  }
  for (; next_ < id; ++next_) range_.update(kNoRow);
  data_.clear();
  add_integer(data_, id);
  for (const Cell& v : values) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) add_integer(data_, *n);
    else if (const auto* t = std::get_if<std::string_view>(&v)) add_field(data_, 't', t->data(), t->size());
    else add_field(data_, 'n', nullptr, 0);
  }
  row_.update(data_);
  range_.update(row_.finish());
  next_ = id + 1;
}

Sha256Digest RangeSeal::finish() { return range_.finish(); }

std::int64_t AuditWriter::append(const std::string& action, const std::string& object, const std::string& person,
                                 const std::string& detail) {
  auto& s = *impl_;
  std::vector<Seal> seals;
  for (const auto& p : s.pending) {
    Seal seal;
    seal.table = p.table->name;
    seal.first = p.first;
    seal.last = p.last;
    seal.before = p.before;
    if (p.known) {
      seal.digest = to_hex(*p.known);
    } else if (p.changed) {
      const auto now = s.row_now(*p.table, p.first);
      const std::string now_hex = now ? to_hex(*now) : std::string();
      if (now_hex == p.before) continue;  // unchanged: nothing to seal
      seal.digest = to_hex(digest_of(now ? *now : kNoRow));
    } else {
      seal.digest = to_hex(range_digest(s.db, *p.table, p.first, p.last));
    }
    seals.push_back(std::move(seal));
  }
  s.pending.clear();
  s.announced.clear();
  const std::int64_t id = s.write_entry(action, object, person, detail, seals);
  if (!seals.empty()) {
    SQLite::Statement q(s.db.sql(), "INSERT INTO audit_seal(audit_id, tbl, first_id, last_id, digest, before) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& seal : seals) {
      q.reset();
      q.bind(1, static_cast<int64_t>(id));
      q.bind(2, seal.table);
      q.bind(3, static_cast<int64_t>(seal.first));
      q.bind(4, static_cast<int64_t>(seal.last));
      q.bind(5, seal.digest);
      q.bind(6, seal.before);
      q.exec();
    }
  }
  return id;
}

void record_import_batch(Database& db, std::int64_t audit_id, std::int64_t first_referral, std::int64_t last_referral) {
  SQLite::Statement q(db.sql(), "INSERT INTO import_batch(first_referral, last_referral, audit_id) VALUES (?, ?, ?)");
  q.bind(1, static_cast<int64_t>(first_referral));
  q.bind(2, static_cast<int64_t>(last_referral));
  q.bind(3, static_cast<int64_t>(audit_id));
  q.exec();
}

std::string import_entries_sql(std::string_view case_ids_sql) {
  // The batch holding a referral is the one with the greatest first id at
  // or below it, if that batch reaches it.
  return fmt::format(
      "SELECT b.audit_id FROM referral r JOIN import_batch b ON b.first_referral = "
      "(SELECT max(first_referral) FROM import_batch WHERE first_referral <= r.id) "
      "WHERE r.case_id IN ({}) AND r.id <= b.last_referral",
      case_ids_sql);
}

void AuditWriter::flush() {
  if (!impl_->pending.empty()) throw std::logic_error("audit: rows announced but no entry appended");
  if (!impl_->dirty) return;
  impl_->db.set_meta("audit_head", std::to_string(impl_->last_id) + " " + impl_->last_hash);
  impl_->dirty = false;
}

void audit_record(Database& db, const Clock& clock, const std::string& actor, const std::string& rammeverk_hash,
                  const std::string& action, const std::string& object, const std::string& person,
                  const std::string& detail) {
  db.write([&] {
    AuditWriter w(db, clock, actor, rammeverk_hash);
    w.append(action, object, person, detail);
    w.flush();
  });
}

void audit_append(Database& db, const Clock& clock, const std::string& actor, const std::string& action,
                  const std::string& object, const std::string& person, const std::string& detail) {
  audit_record(db, clock, actor, "", action, object, person, detail);
}

namespace {

struct Problem {
  std::int64_t entry;
  const char* key;
  std::string table;
  std::int64_t row = 0;
};

// Checks every row of `t` against the seals that recorded it (`seals`: the
// table's seals in entry order). Each id's records, in entry order, must
// fit together: the state a record found before its change (a single row's
// `before`; none for a range, which holds new rows) is the state the record
// before it sealed, and the last record seals the row as it is now (or its
// absence). A range's rows are checked through its aggregate digest.
std::optional<Problem> check_rows(Database& db, const AuditedTable& t, const std::vector<const Seal*>& seals,
                                  std::int64_t head) {
  struct Range {
    const Seal* seal;
    Sha256 agg;
  };
  std::vector<Range> ranges;
  std::map<std::int64_t, std::vector<const Seal*>> singles;
  for (const Seal* s : seals) {
    if (s->first == s->last) singles[s->first].push_back(s);
    else if (s->first < s->last) ranges.push_back({s, Sha256()});
  }
  std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.seal->first < b.seal->first; });

  auto sealed = [](const Seal* s) { return s->audit_id != 0; };
  auto digest_is = [](const Sha256Digest& d, const std::string& hex) { return to_hex(d) == hex; };
  auto before_of = [](const Seal* s) {
    Sha256Digest d = kNoRow;
    if (s->first == s->last && !s->before.empty() && !from_hex(s->before, d)) d.fill(0xff);  // never matches
    return d;
  };

  RowStatement q(db.sql(), select_rows_sql(t, "").c_str());
  Sha256 row_hash;
  bool have_row = q.step();
  std::int64_t row_id = 0;
  Sha256Digest row_d{};
  auto load_row = [&] {
    if (!have_row) return;
    row_id = q.column_int64(0);
    row_d = row_digest(q, row_hash);
  };
  load_row();

  auto single_it = singles.begin();
  std::size_t next_range = 0;
  std::vector<std::size_t> active;
  std::int64_t cur = std::numeric_limits<std::int64_t>::min();
  struct Record {
    std::int64_t audit_id;
    const Seal* seal;
    Range* range;
  };
  std::vector<Record> records;
  for (;;) {
    std::int64_t next = std::numeric_limits<std::int64_t>::max();
    if (have_row) next = std::min(next, row_id);
    if (single_it != singles.end()) next = std::min(next, single_it->first);
    if (next_range < ranges.size()) next = std::min(next, ranges[next_range].seal->first);
    if (!active.empty()) next = std::min(next, cur + 1);
    if (next == std::numeric_limits<std::int64_t>::max()) break;
    cur = next;
    while (next_range < ranges.size() && ranges[next_range].seal->first == cur) active.push_back(next_range++);

    const bool present = have_row && row_id == cur;
    const Sha256Digest current = present ? row_d : kNoRow;
    records.clear();
    for (const std::size_t i : active) records.push_back({ranges[i].seal->audit_id, ranges[i].seal, &ranges[i]});
    if (single_it != singles.end() && single_it->first == cur)
      for (const Seal* s : single_it->second) records.push_back({s->audit_id, s, nullptr});
    std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.audit_id < b.audit_id; });

    if (records.empty()) {
      if (present) return Problem{head + 1, "audit.row_unrecorded", t.name, cur};
    } else {
      const Record& first = records.front();
      if (!first.range && sealed(first.seal) && !first.seal->before.empty())
        return Problem{first.audit_id, "audit.row_unrecorded", t.name, cur};  // it was there before oppteam first wrote it
      for (std::size_t k = 1; k < records.size(); ++k) {
        const Record& p = records[k - 1];
        const Sha256Digest before = records[k].range ? kNoRow : before_of(records[k].seal);
        if (p.range) p.range->agg.update(before);
        else if (sealed(p.seal) && !digest_is(digest_of(before), p.seal->digest))
          return Problem{p.audit_id, "audit.row_changed", t.name, cur};
      }
      const Record& last = records.back();
      if (last.range) last.range->agg.update(current);
      else if (sealed(last.seal) && !digest_is(digest_of(current), last.seal->digest))
        return Problem{last.audit_id, "audit.row_changed", t.name, cur};
    }

    if (present) {
      have_row = q.step();
      load_row();
    }
    if (single_it != singles.end() && single_it->first == cur) ++single_it;
    for (auto it = active.begin(); it != active.end();) {
      Range& r = ranges[*it];
      if (r.seal->last != cur) {
        ++it;
        continue;
      }
      if (sealed(r.seal) && !digest_is(r.agg.finish(), r.seal->digest))
        return Problem{r.seal->audit_id, "audit.row_changed", t.name, r.seal->first};
      it = active.erase(it);
    }
  }
  return std::nullopt;
}

}  // namespace

AuditVerifyResult audit_verify(Database& db, const std::vector<AuditAnchor>& anchors) {
  // One snapshot: the count, the chain, the rows and the head are read as
  // of one moment, whatever others commit meanwhile.
  return db.snapshot([&] {
    AuditVerifyResult r;
    auto fail = [&](std::int64_t id, const char* why) {
      r.ok = false;
      r.first_bad_entry = id;
      r.problem = why;
      return r;
    };
    r.entries = db.sql().execAndGet("SELECT count(*) FROM audit").getInt64();
    const std::vector<Seal> seals = load_seals(db);
    std::size_t next_seal = 0;
    while (next_seal < seals.size() && seals[next_seal].audit_id == 0) ++next_seal;  // the baseline not yet recorded

    std::map<std::int64_t, std::string> anchored;  // entry -> its hash, for the anchors
    for (const auto& a : anchors) anchored[a.entry];
    anchored[0] = kGenesis;

    SQLite::Statement q(db.sql(), std::string("SELECT ") + kEntryColumns + " FROM audit ORDER BY id");
    std::int64_t expected_id = 1;
    std::string prev = kGenesis;
    int format = 1;
    while (q.executeStep()) {
      const AuditEntry e = read_entry(q);
      if (e.id != expected_id) return fail(expected_id, e.id > expected_id ? "audit.removed" : "audit.inserted");
      if (e.prev_hash != prev) return fail(e.id, "audit.inserted");
      // A seal for an entry that is not there.
      if (next_seal < seals.size() && seals[next_seal].audit_id < e.id) return fail(seals[next_seal].audit_id, "audit.removed");
      const std::size_t begin = next_seal;
      while (next_seal < seals.size() && seals[next_seal].audit_id == e.id) ++next_seal;
      // Formats in order (1 before 2 before 3 before 4), and format 1 seals nothing.
      if (e.format < format || e.format > kFormat || (e.format == 1 && next_seal != begin)) return fail(e.id, "audit.edited");
      format = e.format;
      const std::string hash = e.format == 1 ? audit_hash(e) : audit_hash(e, seals_digest(seals.data() + begin, seals.data() + next_seal));
      if (hash != e.hash) return fail(e.id, "audit.edited");
      if (auto it = anchored.find(e.id); it != anchored.end()) it->second = e.hash;
      prev = e.hash;
      ++expected_id;
    }
    const std::int64_t last = expected_id - 1;
    auto [head_id, head_hash] = read_head(db);
    if (head_id != last || head_hash != prev) {
      // Entries after the last one present were removed, or entries were
      // appended without going through the log.
      return fail(head_id > last ? last + 1 : head_id + 1, head_id > last ? "audit.truncated" : "audit.inserted");
    }
    if (next_seal < seals.size()) return fail(seals[next_seal].audit_id, "audit.removed");  // seals of removed entries
    // Rows announced by an upgrade but not yet sealed: only in a log of
    // entries older than the format that seals their table (the first
    // entry after the upgrade seals them), and never in an empty one.
    for (std::size_t i = 0; i < seals.size() && seals[i].audit_id == 0; ++i) {
      const AuditedTable* t = find_audited(seals[i].table);
      if (last > 0 && t && format < t->sealed_from) continue;
      fail(last + 1, "audit.row_unrecorded");
      r.table = seals[i].table;
      r.row = seals[i].first;
      return r;
    }

    // The anchors: each anchored entry still there, with the hash it had.
    for (const auto& a : anchors) {
      if (a.entry > last) return fail(last + 1, "audit.anchor_missing");
      if (anchored[a.entry] != a.hash) return fail(a.entry, "audit.anchor_mismatch");
    }

    // The rows: each as its last seal recorded it.
    std::map<std::string_view, std::vector<const Seal*>> by_table;  // each table's seals, in entry order
    for (const auto& s : seals) by_table[s.table].push_back(&s);
    std::optional<Problem> worst;
    for (const auto& t : kAuditedTables) {
      auto p = check_rows(db, t, by_table[t.name], last);
      if (p && (!worst || p->entry < worst->entry)) worst = p;
    }
    if (worst) {
      fail(worst->entry, worst->key);
      r.table = worst->table;
      r.row = worst->row;
    }
    return r;
  });
}

AuditAnchor audit_anchor(Database& db) {
  return db.read_per_statement([&] {
    AuditAnchor a;
    std::tie(a.entry, a.hash) = read_head(db);
    a.at = Clock::real_timestamp();
    return a;
  });
}

std::string format_anchor(const AuditAnchor& a) {
  return fmt::format("oppteam-audit-anchor {} {} {}", a.entry, a.hash, a.at);
}

std::vector<AuditAnchor> load_audit_anchors(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw make_error(ExitCode::no_input, "error.cannot_read", path);
  std::vector<AuditAnchor> out;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string tag, entry, extra;
    AuditAnchor a;
    a.line = number;
    words >> tag >> entry >> a.hash >> a.at;
    Sha256Digest d;
    const bool number_ok = !entry.empty() && entry.size() < 19 && entry.find_first_not_of("0123456789") == std::string::npos;
    if (tag != "oppteam-audit-anchor" || !number_ok || !from_hex(a.hash, d) || a.at.empty() || (words >> extra))
      throw make_error(ExitCode::data, "audit.anchor_bad_line", path, number);
    a.entry = std::stoll(entry);
    out.push_back(std::move(a));
  }
  if (in.bad()) throw make_error(ExitCode::io, "error.cannot_read", path);
  return out;
}

namespace {

// The query of audit_list and audit_count: `columns` of the entries `f`
// selects, its values bound.
SQLite::Statement audit_query(Database& db, const AuditFilter& f, const std::string& columns, bool ordered) {
  std::string sql = "SELECT " + columns + " FROM audit WHERE 1";
  // An entry is about a person when it names the person, names only one
  // of the person's cases, or is the import that stored one of their
  // referrals; about a case when it names it or is such an import.
  if (f.person) {
    const std::string cases = "SELECT c.id FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.fnr = :person";
    sql += " AND (person = :person"
           " OR (person = '' AND object IN (SELECT c.number FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.fnr = :person))"
           " OR id IN (" + import_entries_sql(cases) + "))";
  }
  std::optional<CaseNumber> kase;
  if (f.object) {
    try {
      kase = CaseNumber::parse(*f.object);
    } catch (const Error&) {
    }
    sql += kase ? " AND (object = :object OR id IN (" +
                      import_entries_sql("SELECT id FROM case_file WHERE year = :year AND seq = :seq") + "))"
                : std::string(" AND object = :object");
  }
  if (f.actor) sql += " AND actor = :actor";
  const char* day = "(CASE WHEN acted_on <> '' THEN acted_on ELSE substr(at, 1, 10) END)";
  if (f.since) sql += std::string(" AND ") + day + " >= :since";
  if (f.until) sql += std::string(" AND ") + day + " <= :until";
  if (ordered) {
    sql += f.newest_first ? " ORDER BY id DESC" : " ORDER BY id";
    if (f.limit) sql += " LIMIT " + std::to_string(f.limit);
  }
  SQLite::Statement q(db.sql(), sql);
  if (f.person) q.bind(":person", *f.person);
  if (f.object) q.bind(":object", *f.object);
  if (kase) {
    q.bind(":year", kase->year());
    q.bind(":seq", kase->seq());
  }
  if (f.actor) q.bind(":actor", *f.actor);
  if (f.since) q.bind(":since", *f.since);
  if (f.until) q.bind(":until", *f.until);
  return q;
}

}  // namespace

std::vector<AuditEntry> audit_list(Database& db, const AuditFilter& f) {
  return db.read_per_statement([&] {
    SQLite::Statement q = audit_query(db, f, kEntryColumns, true);
    std::vector<AuditEntry> out;
    while (q.executeStep()) {
      out.push_back(read_entry(q));
    }
    return out;
  });
}

std::size_t audit_count(Database& db, const AuditFilter& f) {
  return db.read_per_statement([&] {
    SQLite::Statement q = audit_query(db, f, "count(*)", false);
    q.executeStep();
    return static_cast<std::size_t>(q.getColumn(0).getInt64());
  });
}

}  // namespace oppteam
