#include <oppteam/audit/audit_log.hpp>

#include <oppteam/domain/case_number.hpp>
#include <oppteam/util/hash.hpp>

#include <fmt/format.h>

namespace oppteam {

namespace {

const std::string kGenesis(64, '0');

// The head of the chain as stored in meta: "ID HASH".
std::pair<std::int64_t, std::string> read_head(Database& db) {
  auto head = db.meta("audit_head");
  if (!head) return {0, kGenesis};
  auto space = head->find(' ');
  if (space == std::string::npos) return {0, kGenesis};
  return {std::stoll(head->substr(0, space)), head->substr(space + 1)};
}

// An audit row as selected with kEntryColumns, in that order.
constexpr const char* kEntryColumns = "id, at, actor, action, object, person, detail, prev_hash, hash";

AuditEntry read_entry(SQLite::Statement& q) {
  AuditEntry e;
  e.id = q.getColumn(0).getInt64();
  e.at = q.getColumn(1).getString();
  e.actor = q.getColumn(2).getString();
  e.action = q.getColumn(3).getString();
  e.object = q.getColumn(4).getString();
  e.person = q.getColumn(5).getString();
  e.detail = q.getColumn(6).getString();
  e.prev_hash = q.getColumn(7).getString();
  e.hash = q.getColumn(8).getString();
  return e;
}

}  // namespace

std::string audit_hash(const AuditEntry& e) {
  return sha256_hex_of_fields({e.prev_hash, std::to_string(e.id), e.at, e.actor, e.action, e.object, e.person, e.detail});
}

struct AuditWriter::Impl {
  Impl(Database& d, const Clock& c, std::string a)
      : db(d), clock(c), actor(std::move(a)),
        insert(d.sql(), "INSERT INTO audit(id, at, actor, action, object, person, detail, prev_hash, hash) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)") {
    std::tie(last_id, last_hash) = read_head(d);
  }
  Database& db;
  const Clock& clock;
  std::string actor;
  SQLite::Statement insert;
  std::int64_t last_id = 0;
  std::string last_hash;
  bool dirty = false;
  // One command is one instant: its entries share the time it started
  // (formatting a timestamp per entry was a fifth of a large import's time).
  std::string at = clock.now_timestamp();
};

AuditWriter::AuditWriter(Database& db, const Clock& clock, std::string actor)
    : impl_(std::make_unique<Impl>(db, clock, std::move(actor))) {}

AuditWriter::~AuditWriter() {
  // Callers flush() before they commit; this is the safety net for a path
  // that forgot. A destructor must not throw, and on an error path the
  // transaction is rolled back anyway.
  try {
    flush();
  } catch (...) {
  }
}

std::int64_t AuditWriter::append(const std::string& action, const std::string& object, const std::string& person,
                                 const std::string& detail) {
  auto& s = *impl_;
  AuditEntry e;
  e.id = s.last_id + 1;
  e.at = s.at;
  e.actor = s.actor;
  e.action = action;
  e.object = object;
  e.person = person;
  e.detail = detail;
  e.prev_hash = s.last_hash;
  e.hash = audit_hash(e);
  s.insert.reset();
  s.insert.bind(1, static_cast<int64_t>(e.id));
  s.insert.bind(2, e.at);
  s.insert.bind(3, e.actor);
  s.insert.bind(4, e.action);
  s.insert.bind(5, e.object);
  s.insert.bind(6, e.person);
  s.insert.bind(7, e.detail);
  s.insert.bind(8, e.prev_hash);
  s.insert.bind(9, e.hash);
  s.insert.exec();
  s.last_id = e.id;
  s.last_hash = e.hash;
  s.dirty = true;
  return e.id;
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
  if (!impl_->dirty) return;
  impl_->db.set_meta("audit_head", std::to_string(impl_->last_id) + " " + impl_->last_hash);
  impl_->dirty = false;
}

void audit_append(Database& db, const Clock& clock, const std::string& actor, const std::string& action,
                  const std::string& object, const std::string& person, const std::string& detail) {
  db.write([&] {
    AuditWriter w(db, clock, actor);
    w.append(action, object, person, detail);
    w.flush();
  });
}

AuditVerifyResult audit_verify(Database& db) {
  return db.read([&] {
    AuditVerifyResult r;
    r.entries = db.sql().execAndGet("SELECT count(*) FROM audit").getInt64();
    SQLite::Statement q(db.sql(), std::string("SELECT ") + kEntryColumns + " FROM audit ORDER BY id");
    std::int64_t expected_id = 1;
    std::string prev = kGenesis;
    while (q.executeStep()) {
      const AuditEntry e = read_entry(q);
      auto fail = [&](std::int64_t id, const char* why) {
        r.ok = false;
        r.first_bad_entry = id;
        r.problem = why;
      };
      if (e.id != expected_id) {
        fail(expected_id, e.id > expected_id ? "audit.removed" : "audit.inserted");
        return r;
      }
      if (e.prev_hash != prev) {
        fail(e.id, "audit.inserted");
        return r;
      }
      if (audit_hash(e) != e.hash) {
        fail(e.id, "audit.edited");
        return r;
      }
      prev = e.hash;
      ++expected_id;
    }
    auto [head_id, head_hash] = read_head(db);
    if (head_id != expected_id - 1 || head_hash != prev) {
      r.ok = false;
      // Entries after the last one present were removed, or entries were
      // appended without going through the log.
      r.first_bad_entry = head_id > expected_id - 1 ? expected_id : head_id + 1;
      r.problem = head_id > expected_id - 1 ? "audit.truncated" : "audit.inserted";
    }
    return r;
  });
}

std::vector<AuditEntry> audit_list(Database& db, const AuditFilter& f) {
  return db.read([&] {
    std::string sql = std::string("SELECT ") + kEntryColumns + " FROM audit WHERE 1";
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
    sql += " ORDER BY id";
    if (f.limit) sql += " LIMIT " + std::to_string(f.limit);
    SQLite::Statement q(db.sql(), sql);
    if (f.person) q.bind(":person", *f.person);
    if (f.object) q.bind(":object", *f.object);
    if (kase) {
      q.bind(":year", kase->year());
      q.bind(":seq", kase->seq());
    }
    if (f.actor) q.bind(":actor", *f.actor);
    std::vector<AuditEntry> out;
    while (q.executeStep()) {
      out.push_back(read_entry(q));
    }
    return out;
  });
}

}  // namespace oppteam
