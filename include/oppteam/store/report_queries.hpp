#pragma once
// The SQL of `report` (styringsdata): the row streams the one-pass scan
// reads (process/report_scan.cpp: each table once, in rowid order), and the
// few figures read by grouped SQL of their own (closings, appeals, goal
// states, goal attainment). Counts only: what a figure means, which rows
// count and how small counts are hidden are process/report*.cpp's.
// Runs inside the caller's read transaction.

#include <oppteam/store/database.hpp>
#include <oppteam/store/row_source.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// category -> period -> count
using ReportCounts = std::map<std::string, std::map<std::string, std::int64_t>>;

// A grouped count with the person it is about: `n` items of `person` in
// `category` in `period` (a period key as report_period_sql gives it).
struct ReportRow {
  std::string period, category;
  std::int64_t person = 0, n = 0;
};
using ReportRows = std::vector<ReportRow>;

// The SQL expression giving the report period key of the ISO date column
// `col` for `by` ("" one period "all", "month" "2026-03", "quarter"
// "2026-Q1"). Only these fixed texts are put into SQL; user values are
// always bound.
std::string report_period_sql(const std::string& by, const std::string& col);

class ReportQueries {
 public:
  explicit ReportQueries(Database& db) : db_(db) {}

  // The largest id of each table (0 when empty): the size of the arrays
  // the scan indexes by id.
  std::int64_t max_case_id();
  std::int64_t max_team_id();
  std::int64_t max_plan_id();
  std::int64_t max_evaluation_id();

  // The row streams of the scan, each read once in rowid order; the
  // columns are named by each function.
  RowStatement cases();               // id, status, opened_on, target_group, person_id
  RowStatement referrals();           // case_id, reporter_type, received_on
  RowStatement preliminary_replies(); // case_id
  RowStatement decisions();           // case_id, outcome, decided_on
  RowStatement current_members();     // team_id, service IS NOT NULL, service (members not removed)
  RowStatement teams();               // id, case_id, created_on
  RowStatement plan_revisions();      // plan_id, the date of created_at
  RowStatement plans();               // id, case_id, created_on
  RowStatement evaluations();         // id, case_id, decision, evaluated_on
  RowStatement indicator_values();    // evaluation_id, indicator, value

  // Cases closed from `from` to `to` (closed now), one row each: period
  // key, the reason and the stage of their last closing not reopened
  // (`reason_otherwise`, `stage_otherwise` for a case without one: fixed
  // texts of the caller, never a user's), the person. `from` and `to` must
  // outlive the statement.
  RowStatement closings(const std::string& by, const std::string& from, const std::string& to,
                        const char* reason_otherwise, const char* stage_otherwise);
  // The grouped counts below are per person (the case's).
  // Appeals received from `from` to `to` by where they stand now:
  // reversed, final_upheld, final_reversed, else pending.
  ReportRows appeals_by_outcome(const std::string& by, const std::string& from, const std::string& to);
  // Goals whose latest state (not active) was set from `from` to `to`.
  ReportRows goals_by_status(const std::string& by, const std::string& from, const std::string& to);

  // The goal scores of the evaluations from `from` to `to`.
  struct GoalScores {
    std::int64_t cases = 0;   // distinct cases
    std::int64_t people = 0;  // distinct people of those cases, at most people_cap
    std::int64_t scores = 0;  // goal scores
    std::optional<double> mean;
  };
  GoalScores goal_scores(const std::string& from, const std::string& to, int people_cap = -1);  // -1: no cap

 private:
  Database& db_;
  ReportRows rows(const std::string& sql, const std::string& from, const std::string& to);
  ReportRows closings(const std::string& by, const char* column, const std::string& from, const std::string& to,
                        const char* otherwise);
};

}  // namespace oppteam
