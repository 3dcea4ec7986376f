#pragma once
// Styringsdata: aggregate figures for a period, computed from one read of
// each table it needs (report_scan.hpp; never a query per case), with every
// small count suppressed (primary and secondary, see suppression.hpp) so a
// report never points at a person. The report is audited as one entry with
// no person.

#include <oppteam/process/context.hpp>
#include <oppteam/process/suppression.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

struct ReportOptions {
  Date from;
  Date to;
  std::string by;  // "" (one column for the whole period), "month" or "quarter"
};

// A table of counts: rows are categories, columns the periods.
struct ReportTable {
  std::string id;                       // e.g. "cases_by_status"
  std::vector<std::string> row_ids;     // category ids as stored
  std::vector<std::string> row_labels;  // for people
  SuppressedTable table;                // cells, totals and what is hidden
  std::string title;                    // for people when the catalogue has no report.table.<id> (a rammeverk item)
};

// Days between two steps of the process; median and 90th percentile
// (nearest rank) over the cases whose later step falls in the period.
struct LeadTime {
  std::string id;  // referral_to_decision | decision_to_team | team_to_plan | plan_to_evaluation
  std::int64_t n = 0;
  std::optional<double> median;       // absent when suppressed or n == 0
  std::optional<std::int64_t> p90;
  bool suppressed = false;            // n below min_count
};

// Decisions made later than deadlines.preliminary_reply days after the
// first referral, with no preliminary reply sent.
struct LateDecisions {
  std::int64_t decisions = 0;
  std::int64_t late_without_reply = 0;
  int limit_days = 0;
  bool decisions_suppressed = false;
  bool late_suppressed = false;
  std::optional<double> share;  // late / decisions, absent when either is suppressed
};

struct GoalAttainment {
  std::int64_t cases = 0;   // cases with an evaluation in the period that scored goals
  std::int64_t scores = 0;  // goal scores
  std::optional<double> mean;
  bool suppressed = false;
};

struct IndicatorQuarter {
  std::string indicator;
  std::string label;
  std::string quarter;  // YYYY-Qn
  std::int64_t cases = 0;
  std::int64_t values = 0;
  std::optional<std::int64_t> sum;
  std::optional<double> mean;
  bool suppressed = false;
};

// A scale item of the team reviews (issue 15) in one period: the mean is
// shown only when at least min_count reviews answered it.
struct TeamReviewScale {
  std::string item;
  std::string text;
  std::string period;
  std::int64_t reviews = 0;
  std::optional<double> mean;
  bool suppressed = false;
};

struct Report {
  std::string from, to, by;
  int min_count = 0;
  std::vector<std::string> periods;  // column keys: "all", "2026-03" or "2026-Q1"
  std::vector<ReportTable> tables;
  std::vector<LeadTime> lead_times;
  LateDecisions late;
  GoalAttainment goal_attainment;
  std::vector<IndicatorQuarter> indicators;
  std::vector<TeamReviewScale> team_review_scales;  // yes/no items are tables "team_review.<item>"
};

// The period keys from `from` to `to` for `by` (exit 64 on another `by`).
std::vector<std::string> report_periods(Date from, Date to, const std::string& by);

// The most periods (columns) of a report by month or quarter: 20 years of
// months, 60 of quarters. A longer span is shown whole (no --by) or shorter.
inline constexpr std::size_t kMaxReportPeriods = 240;

// Computes the report (exit 65 when from is after to) and appends one audit
// entry ("report", no person).
Report build_report(const Context& ctx, const ReportOptions& options);

// The report as JSON: suppressed counts are strings ("<5", "x"), shown ones numbers.
nlohmann::json report_json(const Report& r);
// How a count below min_count is shown: "<5".
std::string report_small(int min_count);
// How a hidden count is shown: "<5" below min_count, else "x" (hidden
// because it holds fewer than min_count people, or to protect another).
std::string report_hidden(std::int64_t n, int min_count);
// One long CSV: section,row,period,value (RFC 4180).
std::string report_csv(const Report& r);

}  // namespace oppteam
