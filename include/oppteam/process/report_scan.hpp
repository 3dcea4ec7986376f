#pragma once
// The figures of `report` gathered in one read of every table it needs
// (issue 18): each table is scanned once, in rowid order, into compact
// arrays indexed by case, team or plan id, and every count and lead time
// is computed from those arrays. The SQL it replaces grouped and joined
// the same tables a dozen times (a year over 1,000,000 cases took 17 times
// as long as reading the columns once).

#include <oppteam/process/report_tally.hpp>
#include <oppteam/store/database.hpp>
#include <oppteam/store/report_queries.hpp>
#include <oppteam/util/dates.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace oppteam {

struct ReportScanOptions {
  Date from, to;
  std::string by;                                     // "", "month" or "quarter"
  std::map<std::string, std::string> service_sector;  // the rammeverk's services
  int preliminary_reply_days = 0;
  int people_cap = 0;  // people are counted up to this (the report's min_count)
};

struct ReportScan {
  // Each with the people (the case's person) behind its counts.
  ReportFigures cases_by_status;       // cases opened in the period, by status now
  ReportFigures referrals_by_reporter; // referrals received in the period
  ReportFigures referrals_by_group;    // the same, by their case's target group ('' = none)
  ReportFigures decisions;             // decisions made in the period, by outcome
  ReportFigures evaluations;           // evaluations in the period, by decision
  ReportFigures teams_by_size;         // teams created in the period, by members now
  ReportFigures teams_by_sector;       // the same, counted once per sector taking part
  // lead time id -> the days of each case (unsorted), and the people behind them (up to the cap)
  std::map<std::string, std::vector<double>> lead_days;
  std::map<std::string, std::int64_t> lead_people;
  std::int64_t decisions_in_period = 0;  // with a referral
  std::int64_t late_without_reply = 0;
  // the people behind decisions_in_period, the late ones and the others (up to the cap)
  std::int64_t decisions_people = 0, late_people = 0, on_time_people = 0;
  // Indicator values of the evaluations in the period, per quarter, in
  // quarter and indicator order.
  struct Indicator {
    std::string quarter, indicator;
    std::int64_t cases = 0, values = 0, sum = 0;
    std::int64_t people = 0;  // distinct people of those cases
  };
  std::vector<Indicator> indicators;
};

// Reads the tables inside the caller's read transaction.
ReportScan scan_report(Database& db, const ReportScanOptions& options);

}  // namespace oppteam
