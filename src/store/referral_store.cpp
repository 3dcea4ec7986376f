#include <oppteam/store/referral_store.hpp>

#include <oppteam/store/stored_enum.hpp>

#include <vector>

namespace oppteam {

namespace {

constexpr const char* kRows = "oppteam_referral_rows";

// Registers the batch's table function (ReferralStore::Column's order)
// before the first statement that reads it is prepared.
SQLite::Database& with_rows(SQLite::Database& db) {
  static const std::vector<std::string> names = {"sender", "external_id", "fnr", "kind", "birth_date", "name",
                                                 "reporter_type", "reporter_name", "received", "need", "hash",
                                                 "person_id", "case_id", "number", "year", "seq", "referral_id",
                                                 "target_group"};
  static_assert(ReferralStore::kColumns == 18);
  register_row_source(db, kRows, names);
  return db;
}

}  // namespace

ReferralStore::ReferralStore(SQLite::Database& db)
    : db_(db),
      sent_(with_rows(db), "SELECT b.rowid, r.content_hash, c.number FROM oppteam_referral_rows(?1) b "
                           "JOIN referral r ON r.sender = b.sender AND r.external_id = b.external_id "
                           "JOIN case_file c ON c.id = r.case_id"),
      insert_persons_(db, "INSERT OR FAIL INTO person(fnr, kind, birth_date, name, created_at) "
                          "SELECT fnr, kind, birth_date, name, ?2 FROM oppteam_referral_rows(?1) WHERE true "
                          "ON CONFLICT(fnr) DO NOTHING RETURNING id, fnr"),
      person_ids_(db, "SELECT b.rowid, p.id, p.name IS NOT NULL FROM oppteam_referral_rows(?1) b JOIN person p ON p.fnr = b.fnr"),
      insert_cases_(db, "INSERT OR FAIL INTO case_file(id, number, year, seq, person_id, status, opened_on, target_group) "
                        "SELECT case_id, number, year, seq, person_id, 'received', received, target_group "
                        "FROM oppteam_referral_rows(?1)"),
      insert_referrals_(db, "INSERT OR FAIL INTO referral(id, case_id, sender, external_id, reporter_type, reporter_name, "
                            "received_on, need, content_hash, created_at, created_by) "
                            "SELECT referral_id, case_id, sender, external_id, reporter_type, reporter_name, received, need, "
                            "hash, ?2, ?3 FROM oppteam_referral_rows(?1)"),
      insert_target_groups_(db, "INSERT OR FAIL INTO case_target_group(case_id, target_group, step, set_on, set_by) "
                                "SELECT case_id, target_group, 'import', received, ?2 FROM oppteam_referral_rows(?1) "
                                "WHERE target_group IS NOT NULL"),
      name_(db, "UPDATE person SET name = ? WHERE id = ? AND name IS NULL"),
      open_case_(db, "SELECT id, number, status FROM case_file WHERE person_id = ? "
                     "AND (status = 'received' OR status = 'granted' OR status = 'active') ORDER BY id DESC LIMIT 1"),
      max_case_(db, "SELECT coalesce(max(id), 0) FROM case_file"),
      next_seq_(db, "SELECT max(coalesce((SELECT last_seq FROM case_sequence WHERE year = ?1), 0), "
                    "coalesce((SELECT max(seq) FROM case_file WHERE year = ?1), 0)) + 1"),
      case_sequence_(db, "INSERT INTO case_sequence(year, last_seq) VALUES (?1, ?2) "
                         "ON CONFLICT(year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)"),
      next_ids_(db, "SELECT coalesce((SELECT max(id) FROM person), 0) + 1, "
                    "max(coalesce((SELECT max(id) FROM referral), 0), coalesce((SELECT max(last_referral) FROM import_batch), 0)) + 1"),
      any_sent_(db, "SELECT EXISTS (SELECT 1 FROM referral WHERE sender = ? AND external_id IS NOT NULL)") {}

bool ReferralStore::any_sent(std::string_view sender) {
  auto& q = any_sent_;
  q.reset();
  q.bind(1, std::string(sender));
  q.executeStep();
  const bool any = q.getColumn(0).getInt() != 0;
  q.reset();
  return any;
}

ReferralStore::NextIds ReferralStore::next_ids() {
  auto& q = next_ids_;
  q.reset();
  q.executeStep();
  NextIds ids{q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
  q.reset();
  return ids;
}

void ReferralStore::insert_cases(const RowSource& rows) {
  auto& q = insert_cases_;
  q.reset();
  q.bind_rows(1, rows);
  q.step();
}

void ReferralStore::insert_target_groups(const RowSource& rows, std::string_view actor) {
  auto& q = insert_target_groups_;
  q.reset();
  q.bind_rows(1, rows);
  q.bind_text(2, actor);
  q.step();
}

void ReferralStore::insert_referrals(const RowSource& rows, std::string_view now, std::string_view actor) {
  auto& q = insert_referrals_;
  q.reset();
  q.bind_rows(1, rows);
  q.bind_text(2, now);
  q.bind_text(3, actor);
  q.step();
}

bool ReferralStore::open_case(std::int64_t person_id, std::int64_t& id, std::string& number, CaseStatus& status) {
  auto& q = open_case_;
  q.reset();
  q.bind(1, static_cast<int64_t>(person_id));
  const bool found = q.executeStep();
  if (found) {
    id = q.getColumn(0).getInt64();
    number = q.getColumn(1).getString();
    status = stored_enum(case_status_from, "case_file.status", q.getColumn(2).getString());
  }
  q.reset();
  return found;
}

void ReferralStore::name_person(std::int64_t person_id, const std::string& name) {
  auto& q = name_;
  q.reset();
  q.bindNoCopy(1, name);
  q.bind(2, static_cast<int64_t>(person_id));
  q.exec();
}

std::int64_t ReferralStore::max_case_id() {
  auto& q = max_case_;
  q.reset();
  q.executeStep();
  const std::int64_t id = q.getColumn(0).getInt64();
  q.reset();
  return id;
}

int ReferralStore::next_case_seq(int year) {
  auto& q = next_seq_;
  q.reset();
  q.bind(1, year);
  q.executeStep();
  const int seq = q.getColumn(0).getInt();
  q.reset();
  return seq;
}

void ReferralStore::raise_case_sequence(int year, int last_seq) {
  auto& q = case_sequence_;
  q.reset();
  q.bind(1, year);
  q.bind(2, last_seq);
  q.exec();
}

}  // namespace oppteam
