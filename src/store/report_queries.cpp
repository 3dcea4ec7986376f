#include <oppteam/store/report_queries.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace oppteam {

std::string report_period_sql(const std::string& by, const std::string& col) {
  if (by == "month") return fmt::format("substr({0}, 1, 7)", col);
  if (by == "quarter")
    return fmt::format("substr({0}, 1, 4) || '-Q' || ((CAST(substr({0}, 6, 2) AS INTEGER) + 2) / 3)", col);
  return "'all'";
}

namespace {

std::int64_t max_id(SQLite::Database& db, const char* table) {
  return db.execAndGet(std::string("SELECT coalesce(max(id), 0) FROM ") + table).getInt64();
}

}  // namespace

std::int64_t ReportQueries::max_case_id() { return max_id(db_.sql(), "case_file"); }
std::int64_t ReportQueries::max_team_id() { return max_id(db_.sql(), "team"); }
std::int64_t ReportQueries::max_plan_id() { return max_id(db_.sql(), "plan"); }
std::int64_t ReportQueries::max_evaluation_id() { return max_id(db_.sql(), "evaluation"); }

RowStatement ReportQueries::cases() {
  return RowStatement(db_.sql(), "SELECT id, status, opened_on, target_group, person_id FROM case_file");
}
RowStatement ReportQueries::referrals() {
  return RowStatement(db_.sql(), "SELECT case_id, reporter_type, received_on FROM referral");
}
RowStatement ReportQueries::preliminary_replies() { return RowStatement(db_.sql(), "SELECT case_id FROM preliminary_reply"); }
RowStatement ReportQueries::decisions() {
  return RowStatement(db_.sql(), "SELECT case_id, outcome, decided_on FROM decision");
}
RowStatement ReportQueries::current_members() {
  return RowStatement(db_.sql(), "SELECT team_id, service IS NOT NULL, service FROM team_member WHERE removed_on IS NULL");
}
RowStatement ReportQueries::teams() { return RowStatement(db_.sql(), "SELECT id, case_id, created_on FROM team"); }
RowStatement ReportQueries::plan_revisions() {
  return RowStatement(db_.sql(), "SELECT plan_id, substr(created_at, 1, 10) FROM plan_revision");
}
RowStatement ReportQueries::plans() { return RowStatement(db_.sql(), "SELECT id, case_id, created_on FROM plan"); }
RowStatement ReportQueries::evaluations() {
  return RowStatement(db_.sql(), "SELECT id, case_id, decision, evaluated_on FROM evaluation");
}
RowStatement ReportQueries::indicator_values() {
  return RowStatement(db_.sql(), "SELECT evaluation_id, indicator, value FROM indicator_value");
}

// Rows of (period, category, person, count) from a query returning those four columns.
ReportRows ReportQueries::rows(const std::string& sql, const std::string& from, const std::string& to) {
  SQLite::Statement q(db_.sql(), sql);
  q.bind(1, from);
  q.bind(2, to);
  ReportRows out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64(), q.getColumn(3).getInt64()});
  return out;
}

RowStatement ReportQueries::closings(const std::string& by, const std::string& from, const std::string& to,
                                    const char* reason_otherwise, const char* stage_otherwise) {
  RowStatement q(db_.sql(),
                 fmt::format("SELECT {}, COALESCE(cc.reason, '{}'), COALESCE(cc.stage, '{}'), c.person_id FROM case_file c "
                             "LEFT JOIN case_closing cc ON cc.id = (SELECT x.id FROM case_closing x WHERE x.case_id = c.id "
                             "AND x.reopened_on IS NULL ORDER BY x.id DESC LIMIT 1) "
                             "WHERE c.status = 'closed' AND c.closed_on BETWEEN ?1 AND ?2",
                             report_period_sql(by, "c.closed_on"), reason_otherwise, stage_otherwise)
                     .c_str());
  q.bind_text(1, from);
  q.bind_text(2, to);
  return q;
}

ReportRows ReportQueries::appeals_by_outcome(const std::string& by, const std::string& from, const std::string& to) {
  return rows(fmt::format("SELECT {}, CASE WHEN a.status = 'reversed' OR a.status = 'final_upheld' "
                          "OR a.status = 'final_reversed' THEN a.status ELSE 'pending' END, c.person_id, COUNT(*) "
                          "FROM appeal a JOIN case_file c ON c.id = a.case_id "
                          "WHERE a.received_on BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3",
                          report_period_sql(by, "a.received_on")),
              from, to);
}

ReportRows ReportQueries::goals_by_status(const std::string& by, const std::string& from, const std::string& to) {
  return rows(fmt::format("SELECT {}, gs.status, c.person_id, COUNT(*) FROM goal_status gs "
                          "JOIN plan p ON p.id = gs.plan_id JOIN case_file c ON c.id = p.case_id "
                          "WHERE gs.set_on BETWEEN ?1 AND ?2 AND gs.status <> 'active' "
                          "AND gs.id = (SELECT max(x.id) FROM goal_status x WHERE x.plan_id = gs.plan_id "
                          "AND x.goal_number = gs.goal_number) GROUP BY 1, 2, 3",
                          report_period_sql(by, "gs.set_on")),
              from, to);
}

ReportQueries::GoalScores ReportQueries::goal_scores(const std::string& from, const std::string& to, int people_cap) {
  SQLite::Statement q(db_.sql(),
                      "SELECT COUNT(DISTINCT e.case_id), COUNT(*), AVG(CAST(j.value AS REAL)) "
                      "FROM evaluation e, json_each(e.goals) j WHERE e.evaluated_on BETWEEN ?1 AND ?2");
  q.bind(1, from);
  q.bind(2, to);
  q.executeStep();
  GoalScores g;
  g.cases = q.getColumn(0).getInt64();
  g.scores = q.getColumn(1).getInt64();
  if (!q.getColumn(2).isNull()) g.mean = q.getColumn(2).getDouble();
  // the people of those cases, counted up to `people_cap`: it stops there
  SQLite::Statement p(db_.sql(),
                      "SELECT COUNT(*) FROM (SELECT DISTINCT c.person_id FROM evaluation e JOIN case_file c ON c.id = e.case_id "
                      "WHERE e.evaluated_on BETWEEN ?1 AND ?2 AND EXISTS (SELECT 1 FROM json_each(e.goals)) LIMIT ?3)");
  p.bind(1, from);
  p.bind(2, to);
  p.bind(3, people_cap);
  p.executeStep();
  g.people = p.getColumn(0).getInt64();
  return g;
}

}  // namespace oppteam
