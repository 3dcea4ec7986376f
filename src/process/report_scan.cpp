#include <oppteam/process/report_scan.hpp>

#include <oppteam/store/report_queries.hpp>

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace oppteam {

namespace {

constexpr int kNoDay = INT_MIN;

int day_number(std::string_view text) {
  const auto d = try_parse_date(text);
  return d ? int(d->time_since_epoch().count()) : kNoDay;
}

// The period column of each day from `from` to `to`: the same keys as
// report_periods gives. A column is the running number of its month or
// quarter, counted from the first; for a span of up to kIndexDays days it
// is looked up in a table of the days (a row is then one array read),
// beyond that computed (0001-9999 has 3.65 million days, and the indicator
// table is by quarter whatever --by says).
class PeriodOf {
 public:
  explicit PeriodOf(const ReportScanOptions& o)
      : first_(int(o.from.time_since_epoch().count())),
        last_(int(o.to.time_since_epoch().count())),
        months_(o.by == "month" ? 1 : o.by == "quarter" ? 3 : 0) {
    if (months_ == 0) {
      keys_.push_back("all");
      return;
    }
    first_period_ = period_number(first_);
    const int last_period = period_number(last_);
    for (int p = first_period_; p <= last_period; ++p) keys_.push_back(key_of(p));
    if (last_ - first_ < kIndexDays) {
      index_.reserve(std::size_t(last_ - first_ + 1));
      for (int day = first_; day <= last_; ++day) index_.push_back(period_number(day) - first_period_);
    }
  }
  // The period's column, or -1 outside the report's dates.
  int operator()(int day) const {
    if (day < first_ || day > last_) return -1;
    if (months_ == 0) return 0;
    return index_.empty() ? period_number(day) - first_period_ : index_[std::size_t(day - first_)];
  }
  bool inside(int day) const { return day >= first_ && day <= last_; }
  // The key of each column ("all", "2026-03", "2026-Q1"), as report_periods gives them.
  const std::vector<std::string>& keys() const { return keys_; }

 private:
  static constexpr int kIndexDays = 1 << 17;  // about 359 years

  // The running number of the month or quarter holding `day`.
  int period_number(int day) const {
    const date::year_month_day ymd{date::sys_days{date::days{day}}};
    return (int(ymd.year()) * 12 + int(unsigned(ymd.month())) - 1) / months_;
  }
  std::string key_of(int period) const {
    const int month0 = period * months_;  // the period's first month, counted from year 0
    const int year = month0 / 12, month = month0 % 12 + 1;
    return months_ == 1 ? fmt::format("{:04}-{:02}", year, month) : fmt::format("{:04}-Q{}", year, (month + 2) / 3);
  }

  int first_, last_, months_;
  int first_period_ = 0;
  std::vector<int> index_;
  std::vector<std::string> keys_;
};

// Ids from a column, checked against the size of the array they index
// (a row pointing past the largest id of its parent cannot exist with
// foreign keys on; one that does is skipped rather than trusted).
bool in_range(std::int64_t id, std::size_t size) { return id > 0 && std::uint64_t(id) < size; }

// Values grouped by owner id (the decisions of a case, the teams of a
// case, the plans of a case): collected as rows stream past, then put in
// owner order by a counting sort, so that an owner's values are found by
// index, not by searching (a binary search per team was a third of the scan).
class ByOwner {
 public:
  explicit ByOwner(std::size_t owners) : owners_(owners) {}
  void add(std::int64_t owner, int value) {
    if (in_range(owner, owners_)) pairs_.emplace_back(std::uint32_t(owner), value);
  }
  void finish() {
    start_.assign(owners_ + 1, 0);
    for (const auto& p : pairs_) ++start_[p.first + 1];
    for (std::size_t i = 1; i < start_.size(); ++i) start_[i] += start_[i - 1];
    values_.resize(pairs_.size());
    std::vector<std::uint32_t> next(start_.begin(), start_.end() - 1);
    for (const auto& p : pairs_) values_[next[p.first]++] = p.second;
    std::vector<std::pair<std::uint32_t, int>>().swap(pairs_);
  }
  template <typename F>
  void each(std::int64_t owner, F&& f) const {
    if (!in_range(owner, owners_)) return;
    for (std::uint32_t i = start_[std::size_t(owner)]; i < start_[std::size_t(owner) + 1]; ++i) f(values_[i]);
  }

 private:
  std::size_t owners_;
  std::vector<std::pair<std::uint32_t, int>> pairs_;
  std::vector<std::uint32_t> start_;
  std::vector<int> values_;
};

const char* size_bucket(std::int64_t n) {
  if (n == 0) return "0";
  if (n <= 3) return "1-3";
  if (n <= 5) return "4-5";
  if (n <= 7) return "6-7";
  return "8+";
}

}  // namespace

ReportScan scan_report(Database& database, const ReportScanOptions& o) {
  ReportQueries queries(database);
  const PeriodOf period(o);
  const std::size_t columns = period.keys().size();
  ReportScan out;
  auto& lead = out.lead_days;

  // Cases: the target group of each (referrals are counted by it), and the
  // cases opened in the period by their status now.
  const std::size_t cases = std::size_t(queries.max_case_id()) + 1;
  std::vector<std::uint16_t> case_group(cases, 0);  // index into groups + 1; 0 = none or ''
  std::vector<bool> case_exists(cases, false);
  std::vector<std::int64_t> case_person(cases, 0);  // the person of each case
  const int cap = o.people_cap;
  // The person of a case id (0 for an id out of range, never a person's id).
  auto person_of = [&](std::int64_t case_id) { return in_range(case_id, cases) ? case_person[std::size_t(case_id)] : 0; };
  std::vector<std::string> groups;
  {
    ReportTally status(columns, cap);
    RowStatement q = queries.cases();
    while (q.step()) {
      const std::int64_t id = q.column_int64(0);
      if (!in_range(id, cases)) continue;
      case_exists[std::size_t(id)] = true;
      case_person[std::size_t(id)] = q.column_int64(4);
      const std::string_view group = q.column_text(3);
      if (!group.empty()) {
        auto it = std::find(groups.begin(), groups.end(), group);
        if (it == groups.end()) it = groups.insert(groups.end(), std::string(group));
        case_group[std::size_t(id)] = std::uint16_t(std::min<std::size_t>(std::size_t(it - groups.begin()) + 1, 65535));
      }
      status.add(q.column_text(1), period(day_number(q.column_text(2))), case_person[std::size_t(id)]);
    }
    out.cases_by_status = status.figures(period.keys());
  }

  // Referrals: by reporter type and by their case's target group; the
  // first referral of each case (lead times and late decisions).
  std::vector<int> first_referral(cases, INT_MAX);
  {
    ReportTally reporter(columns, cap), group(columns, cap);
    RowStatement q = queries.referrals();
    while (q.step()) {
      const std::int64_t case_id = q.column_int64(0);
      const int day = day_number(q.column_text(2));
      if (!in_range(case_id, cases) || !case_exists[std::size_t(case_id)]) continue;
      if (day != kNoDay) first_referral[std::size_t(case_id)] = std::min(first_referral[std::size_t(case_id)], day);
      const int column = period(day);
      if (column < 0) continue;
      const std::int64_t person = case_person[std::size_t(case_id)];
      reporter.add(q.column_text(1), column, person);
      const std::uint16_t g = case_group[std::size_t(case_id)];
      group.add(g ? std::string_view(groups[g - 1u]) : std::string_view(), column, person);
    }
    out.referrals_by_reporter = reporter.figures(period.keys());
    out.referrals_by_group = group.figures(period.keys());
  }
  std::vector<bool> has_reply(cases, false);
  {
    RowStatement q = queries.preliminary_replies();
    while (q.step()) {
      const std::int64_t case_id = q.column_int64(0);
      if (in_range(case_id, cases)) has_reply[std::size_t(case_id)] = true;
    }
  }

  // Decisions: by outcome; referral to decision; late without a reply.
  ByOwner decisions_of_case(cases);
  {
    ReportTally outcome(columns, cap);
    FewPeople to_decision_people, decided_people, late_people, on_time_people;
    auto& to_decision = lead["referral_to_decision"];
    RowStatement q = queries.decisions();
    while (q.step()) {
      const std::int64_t case_id = q.column_int64(0);
      const int day = day_number(q.column_text(2));
      if (day == kNoDay) continue;
      decisions_of_case.add(case_id, day);
      const int column = period(day);
      if (column < 0) continue;
      const std::int64_t person = person_of(case_id);
      outcome.add(q.column_text(1), column, person);
      if (!in_range(case_id, cases) || first_referral[std::size_t(case_id)] == INT_MAX) continue;
      const int days = day - first_referral[std::size_t(case_id)];
      to_decision.push_back(days);
      to_decision_people.add(person, std::size_t(cap));
      ++out.decisions_in_period;
      decided_people.add(person, std::size_t(cap));
      if (days > o.preliminary_reply_days && !has_reply[std::size_t(case_id)]) {
        ++out.late_without_reply;
        late_people.add(person, std::size_t(cap));
      } else {
        on_time_people.add(person, std::size_t(cap));
      }
    }
    decisions_of_case.finish();
    out.decisions = outcome.figures(period.keys());
    out.lead_people["referral_to_decision"] = to_decision_people.count();
    out.decisions_people = decided_people.count();
    out.late_people = late_people.count();
    out.on_time_people = on_time_people.count();
  }
  std::vector<int>().swap(first_referral);

  // Team members now: how many per team, and which sectors take part.
  const std::size_t teams = std::size_t(queries.max_team_id()) + 1;
  std::vector<std::uint16_t> members(teams, 0);
  std::vector<std::string> sectors;
  // The sectors of each team as a bit set (a municipality has a handful);
  // a 65th sector and beyond, as (team, sector) pairs made unique below.
  std::vector<std::uint64_t> team_sectors(teams, 0);
  std::vector<std::pair<std::int64_t, std::uint16_t>> more_sectors;
  {
    RowStatement q = queries.current_members();
    std::vector<std::pair<std::string, std::uint16_t>> sector_of_service;  // the services met so far
    while (q.step()) {
      const std::int64_t team = q.column_int64(0);
      if (!in_range(team, teams)) continue;
      if (members[std::size_t(team)] < UINT16_MAX) ++members[std::size_t(team)];
      if (q.column_int64(1) == 0) continue;
      const std::string_view service = q.column_text(2);
      auto known = std::find_if(sector_of_service.begin(), sector_of_service.end(),
                                [&](const auto& p) { return p.first == service; });
      if (known == sector_of_service.end()) {
        // A service the rammeverk does not name counts as a sector of its own.
        auto s = o.service_sector.find(std::string(service));
        const std::string sector = s == o.service_sector.end() ? std::string(service) : s->second;
        auto it = std::find(sectors.begin(), sectors.end(), sector);
        if (it == sectors.end()) it = sectors.insert(sectors.end(), sector);
        known = sector_of_service.insert(sector_of_service.end(),
                                         {std::string(service), std::uint16_t(it - sectors.begin())});
      }
      const std::uint16_t last_sector = known->second;
      if (last_sector < 64) team_sectors[std::size_t(team)] |= std::uint64_t(1) << last_sector;
      else more_sectors.emplace_back(team, last_sector);
    }
    std::sort(more_sectors.begin(), more_sectors.end());
    more_sectors.erase(std::unique(more_sectors.begin(), more_sectors.end()), more_sectors.end());
  }

  // Teams created in the period: by size, by sector; decision to team.
  ByOwner teams_of_case(cases);
  {
    ReportTally size(columns, cap), sector(columns, cap);
    FewPeople to_team_people;
    auto& to_team = lead["decision_to_team"];
    RowStatement q = queries.teams();
    while (q.step()) {
      const std::int64_t id = q.column_int64(0), case_id = q.column_int64(1);
      const int day = day_number(q.column_text(2));
      if (day == kNoDay) continue;
      teams_of_case.add(case_id, day);
      const int column = period(day);
      if (column < 0) continue;
      const std::int64_t person = person_of(case_id);
      size.add(size_bucket(in_range(id, teams) ? members[std::size_t(id)] : 0), column, person);
      if (in_range(id, teams))
        for (std::uint64_t bits = team_sectors[std::size_t(id)]; bits; bits &= bits - 1)
          sector.add(sectors[std::size_t(__builtin_ctzll(bits))], column, person);
      if (!more_sectors.empty()) {
        auto it = std::lower_bound(more_sectors.begin(), more_sectors.end(), std::make_pair(id, std::uint16_t(0)));
        for (; it != more_sectors.end() && it->first == id; ++it) sector.add(sectors[it->second], column, person);
      }
      decisions_of_case.each(case_id, [&](int decided) {
        to_team.push_back(day - decided);
        to_team_people.add(person, std::size_t(cap));
      });
    }
    teams_of_case.finish();
    out.teams_by_size = size.figures(period.keys());
    out.teams_by_sector = sector.figures(period.keys());
    out.lead_people["decision_to_team"] = to_team_people.count();
  }

  // Plans: team to plan (the plan's first revision), and the plans of each
  // case for plan to evaluation.
  const std::size_t plans = std::size_t(queries.max_plan_id()) + 1;
  std::vector<int> first_revision(plans, INT_MAX);
  {
    RowStatement q = queries.plan_revisions();
    while (q.step()) {
      const std::int64_t plan = q.column_int64(0);
      const int day = day_number(q.column_text(1));
      if (in_range(plan, plans) && day != kNoDay) first_revision[std::size_t(plan)] = std::min(first_revision[std::size_t(plan)], day);
    }
  }
  ByOwner plans_of_case(cases);
  {
    auto& to_plan = lead["team_to_plan"];
    FewPeople to_plan_people;
    RowStatement q = queries.plans();
    while (q.step()) {
      const std::int64_t id = q.column_int64(0), case_id = q.column_int64(1);
      const int day = day_number(q.column_text(2));
      if (day != kNoDay) plans_of_case.add(case_id, day);
      if (!in_range(id, plans)) continue;
      const int first = first_revision[std::size_t(id)];
      if (first == INT_MAX || !period.inside(first)) continue;
      teams_of_case.each(case_id, [&](int created) {
        to_plan.push_back(first - created);
        to_plan_people.add(person_of(case_id), std::size_t(cap));
      });
    }
    plans_of_case.finish();
    out.lead_people["team_to_plan"] = to_plan_people.count();
  }

  // Evaluations: by decision; plan to evaluation (the case's first one).
  const std::size_t evaluations = std::size_t(queries.max_evaluation_id()) + 1;
  std::vector<std::uint32_t> evaluation_case(evaluations, 0);
  std::vector<int> evaluation_day(evaluations, kNoDay);
  {
    ReportTally decision(columns, cap);
    std::vector<std::pair<std::int64_t, int>> first_evaluation;  // (case, day)
    RowStatement q = queries.evaluations();
    while (q.step()) {
      const std::int64_t id = q.column_int64(0), case_id = q.column_int64(1);
      const int day = day_number(q.column_text(3));
      if (day == kNoDay) continue;
      if (in_range(id, evaluations) && in_range(case_id, cases)) {
        evaluation_case[std::size_t(id)] = std::uint32_t(case_id);
        evaluation_day[std::size_t(id)] = day;
      }
      first_evaluation.emplace_back(case_id, day);
      decision.add(q.column_text(2), period(day), person_of(case_id));
    }
    out.evaluations = decision.figures(period.keys());
    std::sort(first_evaluation.begin(), first_evaluation.end());
    auto& to_evaluation = lead["plan_to_evaluation"];
    FewPeople to_evaluation_people;
    for (std::size_t i = 0; i < first_evaluation.size(); ++i) {
      if (i > 0 && first_evaluation[i - 1].first == first_evaluation[i].first) continue;  // not the case's first
      const auto case_id = first_evaluation[i].first;
      const auto first = first_evaluation[i].second;
      if (!period.inside(first)) continue;
      plans_of_case.each(case_id, [&](int created) {
        to_evaluation.push_back(first - created);
        to_evaluation_people.add(person_of(case_id), std::size_t(cap));
      });
    }
    out.lead_people["plan_to_evaluation"] = to_evaluation_people.count();
  }

  // Indicator values of the evaluations in the period, per quarter whatever
  // the report's columns: values, their sum, and the distinct cases.
  {
    ReportScanOptions by_quarter = o;
    by_quarter.by = "quarter";
    const PeriodOf quarter(by_quarter);
    const std::vector<std::string>& quarters = quarter.keys();
    std::vector<std::string> indicators;
    struct Value {
      std::uint32_t key;  // quarter * indicators + indicator, set once all indicators are known
      std::uint32_t quarter, indicator, case_id;
      std::int64_t value;
    };
    std::vector<Value> values;
    RowStatement q = queries.indicator_values();
    while (q.step()) {
      const std::int64_t id = q.column_int64(0);
      if (!in_range(id, evaluations)) continue;
      const int column = quarter(evaluation_day[std::size_t(id)]);
      if (column < 0) continue;
      const std::string_view indicator = q.column_text(1);
      auto it = std::find(indicators.begin(), indicators.end(), indicator);
      if (it == indicators.end()) it = indicators.insert(indicators.end(), std::string(indicator));
      values.push_back({0, std::uint32_t(column), std::uint32_t(it - indicators.begin()), evaluation_case[std::size_t(id)],
                        q.column_int64(2)});
    }
    // In the order of the old ORDER BY quarter, indicator: quarter keys sort
    // as text in time order; indicators by their ids' bytes.
    std::vector<std::uint32_t> rank(indicators.size());
    {
      std::vector<std::uint32_t> order(indicators.size());
      for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(), [&](auto a, auto b) { return indicators[a] < indicators[b]; });
      for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    }
    for (auto& v : values) v.key = v.quarter * std::uint32_t(indicators.size()) + rank[v.indicator];
    std::sort(values.begin(), values.end(),
              [](const Value& a, const Value& b) { return a.key != b.key ? a.key < b.key : a.case_id < b.case_id; });
    for (std::size_t i = 0; i < values.size();) {
      ReportScan::Indicator ind;
      ind.quarter = quarters[values[i].quarter];
      ind.indicator = indicators[values[i].indicator];
      std::size_t j = i;
      std::vector<std::int64_t> people;
      for (; j < values.size() && values[j].key == values[i].key; ++j) {
        ++ind.values;
        ind.sum += values[j].value;
        if (j == i || values[j].case_id != values[j - 1].case_id) {
          ++ind.cases;
          people.push_back(person_of(values[j].case_id));
        }
      }
      std::sort(people.begin(), people.end());
      ind.people = std::int64_t(std::unique(people.begin(), people.end()) - people.begin());
      out.indicators.push_back(std::move(ind));
      i = j;
    }
  }
  return out;
}

}  // namespace oppteam
