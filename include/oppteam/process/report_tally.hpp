#pragma once
// Counting for the report (styringsdata): how many events fall in each
// category and period, and how many distinct people stand behind each of
// those counts, each row total, each column total and the grand total.
// People are counted only up to a cap (the report's min_count): enough to
// tell whether a count holds at least min_count people, without keeping
// every person's id. A count of events (referrals, evaluations, appeals)
// of fewer people than min_count points at them however large it is.

#include <oppteam/store/report_queries.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oppteam {

// The distinct people behind the counts of a table, each at most the cap.
struct ReportPeople {
  ReportCounts cells;                                 // category -> period -> people
  std::map<std::string, std::int64_t> row_totals;     // category -> people in any period
  std::map<std::string, std::int64_t> column_totals;  // period -> people of any category
  std::int64_t total = 0;                             // people in the whole table
};

struct ReportFigures {
  ReportCounts counts;  // category -> period -> events
  ReportPeople people;
};

// Distinct ids, kept only up to a cap.
class FewPeople {
 public:
  void add(std::int64_t person, std::size_t cap);
  std::int64_t count() const { return std::int64_t(ids_.size()); }

 private:
  std::vector<std::int64_t> ids_;
};

// Counts events and their people per category and period column while rows
// stream past. The few categories (statuses, reporter types) are found by a
// linear look-up with the last hit tried first, cheaper than hashing for a
// handful of short texts.
class ReportTally {
 public:
  ReportTally(std::size_t columns, int cap) : columns_(columns), cap_(cap < 0 ? 0 : std::size_t(cap)), by_column_(columns) {}
  // `n` events of `person` in `category` in period `column` (none when the
  // column is negative: outside the report's dates).
  void add(std::string_view category, int column, std::int64_t person, std::int64_t n = 1);
  // The counts and people with the period keys of the columns.
  ReportFigures figures(const std::vector<std::string>& periods) const;

 private:
  struct Row {
    std::string category;
    std::vector<std::int64_t> counts;
    std::vector<FewPeople> people;
    FewPeople all;
  };
  std::size_t columns_;
  std::size_t cap_;
  std::vector<Row> rows_;
  std::vector<FewPeople> by_column_;
  FewPeople total_;
  std::size_t last_ = 0;
};

}  // namespace oppteam
