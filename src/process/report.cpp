#include <oppteam/process/report.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/report_scan.hpp>
#include <oppteam/process/report_tally.hpp>
#include <oppteam/store/report_queries.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/numbers.hpp>
#include <oppteam/process/team_review.hpp>
#include <oppteam/util/dates.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace oppteam {

namespace {

using namespace std::chrono;

std::string quarter_key(const year_month_day& d) {
  return fmt::format("{:04}-Q{}", int(d.year()), (unsigned(d.month()) + 2) / 3);
}

using Counts = ReportCounts;  // category -> period -> n

// A row of a table. The rammeverk's categories and the fixed lists are
// always shown: a row that appeared only when its count was above zero
// would tell a zero (or a "<5" at least one) that suppression hides. Only a
// stored category the rammeverk no longer lists is shown where it counts.
struct Category {
  std::string id;
  std::string label;
};

ReportTable make_table(std::string id, const std::vector<Category>& known, const ReportFigures& figures,
                       const std::vector<std::string>& periods, int min_count, const std::string& unknown_label,
                       const std::vector<std::pair<std::size_t, std::size_t>>& also_hidden = {}) {
  const Counts& counts = figures.counts;
  ReportTable t;
  t.id = std::move(id);
  std::set<std::string> seen;
  // `always`: a row of `known`, kept even when every count is zero.
  auto add = [&](const std::string& cat, const std::string& label, bool always) {
    if (!seen.insert(cat).second) return;
    auto it = counts.find(cat);
    if (!always && it == counts.end()) return;
    t.row_ids.push_back(cat);
    t.row_labels.push_back(label);
  };
  for (const auto& c : known) add(c.id, c.label, true);
  for (const auto& [cat, _] : counts) add(cat, cat.empty() ? unknown_label : cat, false);
  // The count (or people) of a category in a period, 0 when none.
  auto find = [](const ReportCounts& m, const std::string& cat, const std::string& p) -> std::int64_t {
    auto it = m.find(cat);
    if (it == m.end()) return 0;
    auto jt = it->second.find(p);
    return jt == it->second.end() ? 0 : jt->second;
  };
  auto find_in = [](const std::map<std::string, std::int64_t>& m, const std::string& key) -> std::int64_t {
    auto it = m.find(key);
    return it == m.end() ? 0 : it->second;
  };
  std::vector<std::vector<std::int64_t>> cells;
  // the people behind each count, totals included (the augmented table)
  std::vector<std::vector<std::int64_t>> people;
  for (const auto& cat : t.row_ids) {
    std::vector<std::int64_t> row, row_people;
    for (const auto& p : periods) {
      row.push_back(find(counts, cat, p));
      row_people.push_back(find(figures.people.cells, cat, p));
    }
    row_people.push_back(find_in(figures.people.row_totals, cat));
    cells.push_back(std::move(row));
    people.push_back(std::move(row_people));
  }
  if (cells.empty()) {  // nothing at all: one empty row so the table still shows its zero total
    t.row_ids.push_back("");
    t.row_labels.push_back(unknown_label);
    cells.push_back(std::vector<std::int64_t>(periods.size(), 0));
    people.push_back(std::vector<std::int64_t>(periods.size() + 1, 0));
  }
  std::vector<std::int64_t> totals_people;
  for (const auto& p : periods) totals_people.push_back(find_in(figures.people.column_totals, p));
  totals_people.push_back(figures.people.total);
  people.push_back(std::move(totals_people));
  // also_hidden names column totals by column; the totals row is the last
  std::vector<std::pair<std::size_t, std::size_t>> hidden;
  for (auto [r, c] : also_hidden) hidden.emplace_back(r == std::size_t(-1) ? cells.size() : r, c);
  t.table = suppress_table(cells, min_count, hidden, people);
  return t;
}

// The column of each period key (-1 for a key outside the report).
class PeriodColumns {
 public:
  explicit PeriodColumns(const std::vector<std::string>& periods) {
    for (std::size_t c = 0; c < periods.size(); ++c) column_.emplace(periods[c], int(c));
  }
  int operator()(std::string_view key) const {
    auto it = column_.find(key);
    return it == column_.end() ? -1 : it->second;
  }

 private:
  std::map<std::string, int, std::less<>> column_;
};

// The counts and people of grouped rows (period key, category, person, n).
ReportFigures figures_of(const ReportRows& rows, const std::vector<std::string>& periods, int min_count) {
  const PeriodColumns column(periods);
  ReportTally tally(periods.size(), min_count);
  for (const auto& row : rows) tally.add(row.category, column(row.period), row.person, row.n);
  return tally.figures(periods);
}

// Median (the mean of the middle one or two) and 90th percentile (nearest
// rank) of `days`.
LeadTime lead_time(const std::string& id, std::vector<double> days) {
  LeadTime lt;
  lt.id = id;
  lt.n = std::int64_t(days.size());
  if (days.empty()) return lt;
  std::sort(days.begin(), days.end());
  const std::size_t n = days.size();
  lt.median = (days[(n + 1) / 2 - 1] + days[(n + 2) / 2 - 1]) / 2;
  lt.p90 = std::int64_t(days[(9 * n + 9) / 10 - 1]);
  return lt;
}

struct TableSpec {
  std::string id;
  std::vector<Category> known;
  ReportFigures figures;
};

// Two tables that count the same items publish the same column totals: a
// total one of them hides must be hidden in the other too, or the other
// would give it away. Repeat until both agree.
std::pair<ReportTable, ReportTable> linked_tables(const TableSpec& a, const TableSpec& b, const std::vector<std::string>& periods,
                                                  int min_count, const std::string& unknown) {
  std::vector<std::pair<std::size_t, std::size_t>> linked;
  ReportTable ta, tb;
  for (std::size_t round = 0; round <= periods.size() + 1; ++round) {  // grows each round, so this ends
    ta = make_table(a.id, a.known, a.figures, periods, min_count, unknown, linked);
    tb = make_table(b.id, b.known, b.figures, periods, min_count, unknown, linked);
    std::vector<std::pair<std::size_t, std::size_t>> next;
    for (std::size_t c = 0; c <= periods.size(); ++c) {
      if (ta.table.suppressed(ta.table.rows(), c) || tb.table.suppressed(tb.table.rows(), c)) next.emplace_back(std::size_t(-1), c);
    }
    if (next == linked) break;
    linked = next;
  }
  return {std::move(ta), std::move(tb)};
}


}  // namespace

std::vector<std::string> report_periods(Date from, Date to, const std::string& by) {
  if (by.empty()) return {"all"};
  if (by != "month" && by != "quarter") throw make_error(ExitCode::usage, "report.bad_by", by);
  std::vector<std::string> out;
  year_month ym = year_month_day(from).year() / year_month_day(from).month();
  const year_month last = year_month_day(to).year() / year_month_day(to).month();
  for (; ym <= last; ym += months(1)) {
    std::string key = by == "month" ? fmt::format("{:04}-{:02}", int(ym.year()), unsigned(ym.month()))
                                    : quarter_key(ym.year() / ym.month() / 1);
    if (out.empty() || out.back() != key) out.push_back(key);
  }
  return out;
}

namespace {

// The team reviews (issue 15): each yes/no item a table of yes and no
// counts per period (suppressed as every other table, the people being
// those of the reviewed cases), each scale item its mean per period when
// enough reviews of enough people answered it.
void add_team_reviews(const Context& ctx, const ReportOptions& o, Report& r) {
  const auto counts = ctx.db.read_per_statement(
      [&] { return team_review_counts(ctx.db, ctx.rv, r.from, r.to, report_period_sql(o.by, "r.reviewed_on")); });
  const PeriodColumns column(r.periods);
  for (const auto& item : ctx.rv.team_review_items) {
    if (item.scale) {
      // per period, in the order the rows come (by period)
      struct Scale {
        std::int64_t reviews = 0, sum = 0;
        FewPeople people;
      };
      std::vector<std::string> order;
      std::map<std::string, Scale> by_period;
      for (const auto& n : counts) {
        if (n.item != &item) continue;
        auto [it, fresh] = by_period.try_emplace(n.period);
        if (fresh) order.push_back(n.period);
        it->second.reviews += n.reviews;
        it->second.sum += n.sum;
        it->second.people.add(n.person, std::size_t(std::max(r.min_count, 0)));
      }
      for (const auto& p : order) {
        const Scale& n = by_period[p];
        TeamReviewScale x{item.id, item.text_in(ctx.lang), p, n.reviews, std::nullopt,
                          n.reviews < r.min_count || n.people.count() < r.min_count};
        if (!x.suppressed) x.mean = static_cast<double>(n.sum) / static_cast<double>(n.reviews);
        r.team_review_scales.push_back(std::move(x));
      }
      continue;
    }
    ReportTally tally(r.periods.size(), r.min_count);
    bool any = false;
    for (const auto& n : counts) {
      if (n.item != &item) continue;
      const int at = column(n.period);
      if (at < 0) continue;
      if (n.sum > 0) tally.add("yes", at, n.person, n.sum);
      if (n.reviews - n.sum > 0) tally.add("no", at, n.person, n.reviews - n.sum);
      any = true;
    }
    if (!any) continue;
    ReportTable t = make_table("team_review." + item.id, {{"yes", tr(ctx.lang, "report.yes")}, {"no", tr(ctx.lang, "report.no")}},
                               tally.figures(r.periods), r.periods, r.min_count, "");
    t.title = tr(ctx.lang, "report.team_review_title", item.text_in(ctx.lang));
    r.tables.push_back(std::move(t));
  }
}

}  // namespace

Report build_report(const Context& ctx, const ReportOptions& o) {
  authorize(ctx, "report");
  if (o.from > o.to) throw make_error(ExitCode::data, "report.from_after_to", long_date(o.from, ctx.lang), long_date(o.to, ctx.lang));
  Report r;
  r.from = format_date(o.from);
  r.to = format_date(o.to);
  r.by = o.by;
  r.min_count = ctx.rv.reports.min_count;
  r.periods = report_periods(o.from, o.to, o.by);
  // A column a period: more than a report can show, and a page of its CSV
  // would grow without end (--by month over 0001-9999: 82 MB).
  if (r.periods.size() > kMaxReportPeriods)
    throw make_error(ExitCode::usage, "report.too_many_periods", o.by, r.periods.size(), kMaxReportPeriods);
  const int k = r.min_count;
  const Lang lang = ctx.lang;
  auto& db = ctx.db;
  const std::string unknown = tr(lang, "report.unspecified");

  db.read_per_statement([&] {
    ReportQueries queries(db);
    ReportScanOptions scan_options{o.from, o.to, o.by, {}, ctx.rv.deadlines.preliminary_reply, k};
    for (const auto& s : ctx.rv.services) scan_options.service_sector[s.id] = s.sector;
    const ReportScan scan = scan_report(db, scan_options);

    // cases opened in the period, by their status now
    std::vector<Category> statuses;
    for (const char* s : {"received", "granted", "refused", "active", "closed"})
      statuses.push_back({s, tr(lang, std::string("report.status.") + s)});
    r.tables.push_back(make_table("cases_by_status", statuses, scan.cases_by_status, r.periods, k, unknown));

    std::vector<Category> reporters;
    for (const auto& t : ctx.rv.reporter_types) reporters.push_back({t.id, t.shown(lang)});
    const ReportFigures& by_reporter = scan.referrals_by_reporter;
    std::vector<Category> groups;
    for (const auto& t : ctx.rv.target_groups) groups.push_back({t.id, t.shown(lang)});
    groups.push_back({"", unknown});
    const ReportFigures& by_group = scan.referrals_by_group;
    // Both tables count the same referrals (see linked_tables).
    auto [t_reporter, t_group] = linked_tables({"referrals_by_reporter_type", reporters, by_reporter},
                                               {"referrals_by_target_group", groups, by_group}, r.periods, k, unknown);
    r.tables.push_back(t_reporter);
    r.tables.push_back(t_group);

    r.tables.push_back(make_table(
        "decisions", {{"granted", tr(lang, "report.outcome.granted")}, {"refused", tr(lang, "report.outcome.refused")}},
        scan.decisions, r.periods, k, unknown));

    r.tables.push_back(make_table(
        "evaluations_by_decision",
        {{"continue", tr(lang, "report.evaluation.continue")},
         {"revise", tr(lang, "report.evaluation.revise")},
         {"close", tr(lang, "report.evaluation.close")}},
        scan.evaluations, r.periods, k, unknown));

    // teams created in the period, by their members now (not removed)
    r.tables.push_back(make_table(
        "teams_by_size",
        {{"0", tr(lang, "report.size", "0")}, {"1-3", tr(lang, "report.size", "1–3")},
         {"4-5", tr(lang, "report.size", "4–5")}, {"6-7", tr(lang, "report.size", "6–7")},
         {"8+", tr(lang, "report.size", "8+")}},
        scan.teams_by_size, r.periods, k, unknown));

    // sectors taking part: teams with a current member from a service of the sector
    std::vector<Category> sectors;
    for (const auto& s : ctx.rv.sectors) sectors.push_back({s.id, s.shown(lang)});
    r.tables.push_back(make_table("teams_by_sector", sectors, scan.teams_by_sector, r.periods, k, unknown));

    // cases closed in the period (closed now), by the reason and stage of
    // their last `case close`; a case closed by its evaluation or with its
    // team counts as team_ended at stage active (issue 14)
    {
      std::vector<Category> reasons;
      for (const auto& cr : ctx.rv.closing_reasons) reasons.push_back({cr.id, cr.shown(lang)});
      std::vector<Category> stages;
      for (const char* st : {"received", "granted", "refused", "active"})
        stages.push_back({st, tr(lang, std::string("report.status.") + st)});
      ReportTally by_reason(r.periods.size(), k), by_stage(r.periods.size(), k);
      {
        const PeriodColumns column(r.periods);
        RowStatement q = queries.closings(o.by, r.from, r.to, "team_ended", "active");
        while (q.step()) {
          const int c = column(q.column_text(0));
          by_reason.add(q.column_text(1), c, q.column_int64(3));
          by_stage.add(q.column_text(2), c, q.column_int64(3));
        }
      }
      auto [t_reason, t_stage] = linked_tables({"closings_by_reason", reasons, by_reason.figures(r.periods)},
                                               {"closings_by_stage", stages, by_stage.figures(r.periods)}, r.periods, k, unknown);
      r.tables.push_back(t_reason);
      r.tables.push_back(t_stage);
    }

    // appeals received in the period, by where they stand now (issue 14):
    // still pending, reversed by the municipality, upheld or reversed by
    // statsforvalteren
    r.tables.push_back(make_table(
        "appeals_by_outcome",
        {{"pending", tr(lang, "report.appeal.pending")},
         {"reversed", tr(lang, "appeal.state.reversed")},
         {"final_upheld", tr(lang, "appeal.state.final_upheld")},
         {"final_reversed", tr(lang, "appeal.state.final_reversed")}},
        figures_of(queries.appeals_by_outcome(o.by, r.from, r.to), r.periods, k),
        r.periods, k, unknown));

    // goals whose latest state (plan goal-status) was set in the period
    r.tables.push_back(make_table(
        "goals_by_status",
        {{"reached", tr(lang, "case.goal_status.reached")},
         {"partly", tr(lang, "case.goal_status.partly")},
         {"dropped", tr(lang, "case.goal_status.dropped")}},
        figures_of(queries.goals_by_status(o.by, r.from, r.to), r.periods, k),
        r.periods, k, unknown));

    // lead times: median (mean of the middle one or two) and 90th percentile (nearest rank)
    for (const char* id : {"referral_to_decision", "decision_to_team", "team_to_plan", "plan_to_evaluation"}) {
      auto days = scan.lead_days.find(id);
      LeadTime lt = lead_time(id, days == scan.lead_days.end() ? std::vector<double>{} : days->second);
      auto people = scan.lead_people.find(id);
      if (lt.n < k || people == scan.lead_people.end() || people->second < k) {
        lt.suppressed = true;
        lt.median.reset();
        lt.p90.reset();
      }
      r.lead_times.push_back(lt);
    }

    // decisions past the preliminary-reply limit without a preliminary reply
    {
      r.late.decisions = scan.decisions_in_period;
      r.late.late_without_reply = scan.late_without_reply;
      r.late.limit_days = ctx.rv.deadlines.preliminary_reply;
      r.late.decisions_suppressed = r.late.decisions < k || scan.decisions_people < k;
      // the on-time part is decisions - late: it must not be computable either
      r.late.late_suppressed = r.late.late_without_reply < k || r.late.decisions - r.late.late_without_reply < k ||
                               scan.late_people < k || scan.on_time_people < k || r.late.decisions_suppressed;
      if (!r.late.late_suppressed && r.late.decisions > 0)
        r.late.share = double(r.late.late_without_reply) / double(r.late.decisions);
    }

    // mean goal attainment over the goal scores of evaluations in the period
    {
      const auto scores = queries.goal_scores(r.from, r.to, k);
      r.goal_attainment.cases = scores.cases;
      r.goal_attainment.scores = scores.scores;
      r.goal_attainment.suppressed = r.goal_attainment.cases < k || scores.people < k;
      if (!r.goal_attainment.suppressed) r.goal_attainment.mean = scores.mean;
    }

    // indicators per quarter: number of cases, values, sum and mean
    for (const auto& found : scan.indicators) {
      IndicatorQuarter iq;
      iq.quarter = found.quarter;
      iq.indicator = found.indicator;
      const auto* ind = ctx.rv.find_indicator(iq.indicator);
      iq.label = ind ? ind->shown(lang) : iq.indicator;
      iq.cases = found.cases;
      iq.values = found.values;
      iq.suppressed = iq.cases < k || found.people < k;
      if (!iq.suppressed) {
        iq.sum = found.sum;
        iq.mean = double(found.sum) / double(found.values);
      }
      r.indicators.push_back(iq);
    }
  });

  add_team_reviews(ctx, o, r);

  // One audit entry for the report: aggregate only, no person.
  db.write([&] {
    audit_record(db, ctx.clock, ctx.actor, ctx.rv.hash, "report", "", "",
                 o.by.empty() ? audit_detail("report", "audit.d.report", {r.from, r.to})
                              : audit_detail("report", "audit.d.report_by", {r.from, r.to, o.by}));
  });
  return r;
}

namespace {

nlohmann::json cell_json(const SuppressedTable& t, std::size_t r, std::size_t c) {
  if (t.suppressed(r, c)) return t.display(r, c);
  return t.values[r][c];
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

std::string report_small(int k) { return fmt::format("<{}", k); }

std::string report_hidden(std::int64_t n, int k) { return n < k ? report_small(k) : "x"; }


nlohmann::json report_json(const Report& r) {
  nlohmann::json doc = {{"from", r.from}, {"to", r.to}, {"by", r.by.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.by)},
                        {"min_count", r.min_count}, {"periods", r.periods}};
  nlohmann::json tables = nlohmann::json::object();
  for (const auto& t : r.tables) {
    nlohmann::json rows = nlohmann::json::array();
    const auto& s = t.table;
    for (std::size_t i = 0; i < t.row_ids.size(); ++i) {
      nlohmann::json cells = nlohmann::json::object();
      for (std::size_t c = 0; c < r.periods.size(); ++c) cells[r.periods[c]] = cell_json(s, i, c);
      rows.push_back({{"id", t.row_ids[i]}, {"label", t.row_labels[i]}, {"counts", cells}, {"total", cell_json(s, i, s.cols())}});
    }
    nlohmann::json totals = nlohmann::json::object();
    for (std::size_t c = 0; c < r.periods.size(); ++c) totals[r.periods[c]] = cell_json(s, s.rows(), c);
    tables[t.id] = {{"rows", rows}, {"totals", totals}, {"total", cell_json(s, s.rows(), s.cols())}};
    if (!t.title.empty()) tables[t.id]["title"] = t.title;
  }
  doc["tables"] = tables;
  nlohmann::json lead = nlohmann::json::object();
  for (const auto& lt : r.lead_times) {
    lead[lt.id] = {{"n", lt.suppressed ? nlohmann::json(report_hidden(lt.n, r.min_count)) : nlohmann::json(lt.n)},
                   {"median_days", lt.median ? nlohmann::json(*lt.median) : nlohmann::json(nullptr)},
                   {"p90_days", lt.p90 ? nlohmann::json(*lt.p90) : nlohmann::json(nullptr)},
                   {"suppressed", lt.suppressed}};
  }
  doc["lead_times"] = lead;
  doc["late_decisions"] = {
      {"limit_days", r.late.limit_days},
      {"decisions", r.late.decisions_suppressed ? nlohmann::json(report_hidden(r.late.decisions, r.min_count)) : nlohmann::json(r.late.decisions)},
      {"late_without_preliminary_reply",
       r.late.late_suppressed ? nlohmann::json(report_hidden(r.late.late_without_reply, r.min_count))
                              : nlohmann::json(r.late.late_without_reply)},
      {"share", r.late.share ? nlohmann::json(*r.late.share) : nlohmann::json(nullptr)}};
  doc["goal_attainment"] = {
      {"cases", r.goal_attainment.suppressed ? nlohmann::json(report_hidden(r.goal_attainment.cases, r.min_count)) : nlohmann::json(r.goal_attainment.cases)},
      {"mean", r.goal_attainment.mean ? nlohmann::json(*r.goal_attainment.mean) : nlohmann::json(nullptr)},
      {"suppressed", r.goal_attainment.suppressed}};
  nlohmann::json inds = nlohmann::json::array();
  for (const auto& iq : r.indicators) {
    inds.push_back({{"indicator", iq.indicator}, {"label", iq.label}, {"quarter", iq.quarter},
                    {"cases", iq.suppressed ? nlohmann::json(report_hidden(iq.cases, r.min_count)) : nlohmann::json(iq.cases)},
                    {"sum", iq.sum ? nlohmann::json(*iq.sum) : nlohmann::json(nullptr)},
                    {"mean", iq.mean ? nlohmann::json(*iq.mean) : nlohmann::json(nullptr)},
                    {"suppressed", iq.suppressed}});
  }
  doc["indicators"] = inds;
  nlohmann::json scales = nlohmann::json::array();
  for (const auto& x : r.team_review_scales)
    scales.push_back({{"item", x.item}, {"text", x.text}, {"period", x.period},
                      {"reviews", x.suppressed ? nlohmann::json(report_hidden(x.reviews, r.min_count)) : nlohmann::json(x.reviews)},
                      {"mean", x.mean ? nlohmann::json(*x.mean) : nlohmann::json(nullptr)}, {"suppressed", x.suppressed}});
  doc["team_review_scales"] = scales;
  return doc;
}

std::string report_csv(const Report& r) {
  std::string out = "section,row,period,value\n";
  auto line = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d) {
    out += csv_field(a) + "," + csv_field(b) + "," + csv_field(c) + "," + csv_field(d) + "\n";
  };
  for (const auto& t : r.tables) {
    const auto& s = t.table;
    for (std::size_t i = 0; i <= t.row_ids.size(); ++i) {
      const std::string row = i < t.row_ids.size() ? (t.row_ids[i].empty() ? "unspecified" : t.row_ids[i]) : "total";
      for (std::size_t c = 0; c < r.periods.size(); ++c) line(t.id, row, r.periods[c], s.display(i, c));
      if (r.periods.size() > 1) line(t.id, row, "total", s.display(i, s.cols()));
    }
  }
  for (const auto& l : r.lead_times) {
    line("lead_times", l.id + ".n", "all", l.suppressed ? report_hidden(l.n, r.min_count) : std::to_string(l.n));
    line("lead_times", l.id + ".median_days", "all", l.median ? decimal(*l.median, Lang::en, {.places = 1, .trim_zero = true}) : "");
    line("lead_times", l.id + ".p90_days", "all", l.p90 ? std::to_string(*l.p90) : "");
  }
  line("late_decisions", "decisions", "all", r.late.decisions_suppressed ? report_hidden(r.late.decisions, r.min_count) : std::to_string(r.late.decisions));
  line("late_decisions", "late_without_preliminary_reply", "all",
       r.late.late_suppressed ? report_hidden(r.late.late_without_reply, r.min_count) : std::to_string(r.late.late_without_reply));
  line("late_decisions", "share", "all", r.late.share ? fmt::format("{:.4f}", *r.late.share) : "");
  line("goal_attainment", "cases", "all", r.goal_attainment.suppressed ? report_hidden(r.goal_attainment.cases, r.min_count) : std::to_string(r.goal_attainment.cases));
  line("goal_attainment", "mean", "all", r.goal_attainment.mean ? fmt::format("{:.4f}", *r.goal_attainment.mean) : "");
  for (const auto& iq : r.indicators) {
    line("indicators", iq.indicator + ".cases", iq.quarter, iq.suppressed ? report_hidden(iq.cases, r.min_count) : std::to_string(iq.cases));
    line("indicators", iq.indicator + ".sum", iq.quarter, iq.sum ? std::to_string(*iq.sum) : "");
    line("indicators", iq.indicator + ".mean", iq.quarter, iq.mean ? fmt::format("{:.4f}", *iq.mean) : "");
  }
  for (const auto& x : r.team_review_scales) {
    line("team_review_scales", x.item + ".reviews", x.period, x.suppressed ? report_hidden(x.reviews, r.min_count) : std::to_string(x.reviews));
    line("team_review_scales", x.item + ".mean", x.period, x.mean ? fmt::format("{:.4f}", *x.mean) : "");
  }
  return out;
}

}  // namespace oppteam
