#include <oppteam/process/report_tally.hpp>

#include <algorithm>

namespace oppteam {

void FewPeople::add(std::int64_t person, std::size_t cap) {
  if (ids_.size() >= cap || std::find(ids_.begin(), ids_.end(), person) != ids_.end()) return;
  ids_.push_back(person);
}

void ReportTally::add(std::string_view category, int column, std::int64_t person, std::int64_t n) {
  if (column < 0 || std::size_t(column) >= columns_) return;
  if (last_ >= rows_.size() || rows_[last_].category != category) {
    last_ = 0;
    while (last_ < rows_.size() && rows_[last_].category != category) ++last_;
    if (last_ == rows_.size())
      rows_.push_back({std::string(category), std::vector<std::int64_t>(columns_, 0), std::vector<FewPeople>(columns_), {}});
  }
  Row& row = rows_[last_];
  const auto c = std::size_t(column);
  row.counts[c] += n;
  row.people[c].add(person, cap_);
  row.all.add(person, cap_);
  by_column_[c].add(person, cap_);
  total_.add(person, cap_);
}

ReportFigures ReportTally::figures(const std::vector<std::string>& periods) const {
  ReportFigures out;
  const std::size_t n = std::min(columns_, periods.size());
  for (const Row& row : rows_) {
    for (std::size_t c = 0; c < n; ++c) {
      if (!row.counts[c]) continue;
      out.counts[row.category][periods[c]] += row.counts[c];
      out.people.cells[row.category][periods[c]] = row.people[c].count();
    }
    out.people.row_totals[row.category] = row.all.count();
  }
  for (std::size_t c = 0; c < n; ++c) out.people.column_totals[periods[c]] = by_column_[c].count();
  out.people.total = total_.count();
  return out;
}

}  // namespace oppteam
