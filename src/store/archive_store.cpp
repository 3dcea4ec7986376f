#include <oppteam/store/archive_store.hpp>

#include <oppteam/store/case_store.hpp>
#include <oppteam/store/stored_enum.hpp>

#include <SQLiteCpp/Statement.h>

namespace oppteam {

namespace {

std::string case_columns() {
  return "SELECT c.id, c.number, c.year, c.seq, coalesce(p.name, ''), p.fnr, c.opened_on, coalesce(c.closed_on, ''), "
         "coalesce(c.close_reason, ''), " + closed_case_sql("c") + " FROM case_file c JOIN person p ON p.id = c.person_id ";
}

ArchiveCaseRow case_row(SQLite::Statement& q) {
  ArchiveCaseRow a;
  a.id = q.getColumn(0).getInt64();
  a.number = q.getColumn(1).getString();
  a.year = q.getColumn(2).getInt();
  a.seq = q.getColumn(3).getInt();
  a.person_name = q.getColumn(4).getString();
  a.fnr = q.getColumn(5).getString();
  a.opened_on = q.getColumn(6).getString();
  a.closed_on = q.getColumn(7).getString();
  a.close_reason = q.getColumn(8).getString();
  a.closed = q.getColumn(9).getInt() != 0;
  return a;
}

// Letters of the columns outcome, date, author, text, id; the outcome read
// as the decision outcome stored in `outcome_column`, none without one.
std::vector<ArchiveLetterRow> letters(Database& db, const char* sql, std::int64_t case_id, const char* outcome_column = nullptr) {
  SQLite::Statement q(db.sql(), sql);
  q.bind(1, case_id);
  std::vector<ArchiveLetterRow> out;
  while (q.executeStep()) {
    std::optional<DecisionOutcome> outcome;
    if (outcome_column) outcome = stored_enum(decision_outcome_from, outcome_column, q.getColumn(0).getString());
    out.push_back({outcome, q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(), q.getColumn(4).getInt64()});
  }
  return out;
}

}  // namespace

ArchiveCaseRow ArchiveStore::case_by_id(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), case_columns() + "WHERE c.id = ?");
  q.bind(1, case_id);
  q.executeStep();
  return case_row(q);
}

std::vector<ArchiveCaseRow> ArchiveStore::closed_before(const std::string& date) {
  SQLite::Statement q(db_.sql(), case_columns() + "WHERE " + closed_case_sql("c") + " AND c.closed_on < ? ORDER BY c.year, c.seq");
  q.bind(1, date);
  std::vector<ArchiveCaseRow> out;
  while (q.executeStep()) out.push_back(case_row(q));
  return out;
}

std::vector<ArchiveLetterRow> ArchiveStore::replaced_decisions(std::int64_t case_id) {
  return letters(db_, "SELECT outcome, decided_on, decided_by, letter, id FROM decision_history WHERE case_id = ? ORDER BY id",
                 case_id, "decision_history.outcome");
}

std::optional<ArchiveLetterRow> ArchiveStore::decision(std::int64_t case_id) {
  auto rows = letters(db_, "SELECT outcome, decided_on, decided_by, letter, 0 FROM decision WHERE case_id = ?", case_id, "decision.outcome");
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<ArchiveLetterRow> ArchiveStore::preliminary_replies(std::int64_t case_id) {
  return letters(db_, "SELECT '', sent_on, sent_by, text, id FROM preliminary_reply WHERE case_id = ? ORDER BY id", case_id);
}

std::vector<ArchivePlanRevisionRow> ArchiveStore::plan_revisions(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT r.revision, r.created_at, r.created_by, r.snapshot FROM plan_revision r JOIN plan p ON p.id = r.plan_id "
                      "WHERE p.case_id = ? ORDER BY r.revision");
  q.bind(1, case_id);
  std::vector<ArchivePlanRevisionRow> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString()});
  return out;
}

void ArchiveStore::record_export(std::int64_t case_id, const std::string& exported_at, const std::string& exported_by,
                                 const std::string& package, int documents) {
  SQLite::Statement ins(db_.sql(),
                        "INSERT INTO archive_export(case_id, exported_at, exported_by, package, documents) VALUES (?, ?, ?, ?, ?)");
  ins.bind(1, case_id);
  ins.bind(2, exported_at);
  ins.bind(3, exported_by);
  ins.bind(4, package);
  ins.bind(5, documents);
  ins.exec();
}

}  // namespace oppteam
