#include <oppteam/store/archive_store.hpp>

#include <oppteam/store/case_store.hpp>
#include <oppteam/store/sql_values.hpp>

namespace oppteam {

namespace {

std::string case_columns() {
  return "SELECT c.id, c.number, c.year, c.seq, coalesce(p.name, ''), p.fnr, c.opened_on, coalesce(c.closed_on, ''), "
         "coalesce(c.close_reason, ''), " + closed_case_sql("c") + " FROM case_file c JOIN person p ON p.id = c.person_id ";
}

ArchiveCaseRow case_row(sql::Row& r) {
  return {.id = r.int64(), .number = r.text(), .year = r.integer(), .seq = r.integer(), .person_name = r.text(),
          .fnr = r.text(), .opened_on = r.text(), .closed_on = r.text(), .close_reason = r.text(), .closed = r.flag()};
}

// Letters of the columns outcome, date, author, text, id; the outcome read
// as the decision outcome stored in `outcome_column`, none without one.
std::vector<ArchiveLetterRow> letters(Database& db, const char* sql, std::int64_t case_id, const char* outcome_column = nullptr) {
  return sql::Query(db, sql, case_id).all([&](sql::Row& r) {
    std::optional<DecisionOutcome> outcome;
    if (outcome_column) outcome = r.stored(decision_outcome_from, outcome_column);
    else r.text();
    return ArchiveLetterRow{.outcome = outcome, .date = r.text(), .author = r.text(), .text = r.text(), .id = r.int64()};
  });
}

}  // namespace

ArchiveCaseRow ArchiveStore::case_by_id(std::int64_t case_id) {
  return sql::Query(db_, case_columns() + "WHERE c.id = ?", case_id).one(case_row);
}

std::vector<ArchiveCaseRow> ArchiveStore::closed_before(const std::string& date) {
  return sql::Query(db_, case_columns() + "WHERE " + closed_case_sql("c") + " AND c.closed_on < ? ORDER BY c.year, c.seq", date)
      .all(case_row);
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
  return sql::Query(db_,
                    "SELECT r.revision, r.created_at, r.created_by, r.snapshot FROM plan_revision r JOIN plan p ON p.id = r.plan_id "
                    "WHERE p.case_id = ? ORDER BY r.revision",
                    case_id)
      .all([](sql::Row& r) { return ArchivePlanRevisionRow{r.integer(), r.text(), r.text(), r.text()}; });
}

void ArchiveStore::record_export(std::int64_t case_id, const std::string& exported_at, const std::string& exported_by,
                                 const std::string& package, int documents) {
  sql::exec(db_, "INSERT INTO archive_export(case_id, exported_at, exported_by, package, documents) VALUES (?, ?, ?, ?, ?)",
            case_id, exported_at, exported_by, package, documents);
}

}  // namespace oppteam
