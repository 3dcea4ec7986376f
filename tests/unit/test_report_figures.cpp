// report on a generated population: every figure is checked against a count
// made here, in C++, from the population as generated (not from the
// database), and every hidden cell against the suppression rules.

#include "unit/report_disclosure.hpp"
#include "unit/temp_db.hpp"

#include <oppteam/config/embedded.hpp>
#include <oppteam/process/report.hpp>
#include <oppteam/views/report_view.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/util/dates.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <set>

using namespace oppteam;

namespace {

struct Member {
  std::optional<std::string> service;
  bool removed = false;
};
struct Evaluation {
  Date on;
  std::string decision;
  std::map<int, int> goals;
  std::map<std::string, int> indicators;
};
struct Case {
  std::int64_t id = 0;
  std::int64_t person = 0;
  Date opened;
  std::string status;
  std::optional<std::string> target_group;
  std::vector<std::pair<std::string, Date>> referrals;  // reporter type, received
  std::optional<std::pair<std::string, Date>> decision;  // outcome, decided
  bool preliminary_reply = false;
  std::optional<Date> team;
  std::vector<Member> members;
  std::optional<Date> plan;
  std::optional<Date> first_revision;
  std::vector<Evaluation> evaluations;
};

Date d(const char* iso) { return *try_parse_date(iso); }

std::string quarter(Date day) {
  std::chrono::year_month_day y(day);
  return fmt::format("{}-Q{}", int(y.year()), (unsigned(y.month()) + 2) / 3);
}

// How a population is drawn beyond its size: by default every case has a
// person of its own and at most two evaluations; `people` draws the cases'
// persons among that many (so that one person has several cases and many
// events), `max_evaluations` allows more evaluations per case.
struct Shape {
  int people = 0;
  int max_evaluations = 2;
};

struct Population {
  std::vector<Case> cases;

  Population(Database& db, const Rammeverk& rv, unsigned seed, int n, Shape shape = {}) {
    std::mt19937 rng(seed);
    std::mt19937 people_rng(seed * 7919u + 1u);  // apart, so that the default shape draws as before
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
    const Date start = d("2025-11-01");
    SQLite::Statement person(db.sql(), "INSERT INTO person (fnr, kind, birth_date, created_at) VALUES (?, 'fodselsnummer', '1950-01-01', 'x')");
    SQLite::Statement kase(db.sql(), "INSERT INTO case_file (number, year, seq, person_id, status, opened_on, target_group) VALUES (?, 2026, ?, ?, ?, ?, ?)");
    SQLite::Statement ref(db.sql(), "INSERT INTO referral (case_id, reporter_type, received_on, need, content_hash, created_at, created_by) VALUES (?, ?, ?, 'n', 'h', 'x', 't')");
    SQLite::Statement dec(db.sql(), "INSERT INTO decision (case_id, outcome, decided_on, decided_by, appeal_deadline, letter) VALUES (?, ?, ?, 't', 'x', 'l')");
    SQLite::Statement pre(db.sql(), "INSERT INTO preliminary_reply (case_id, sent_on, text, sent_by) VALUES (?, 'x', 't', 't')");
    SQLite::Statement team(db.sql(), "INSERT INTO team (case_id, created_on, created_by) VALUES (?, ?, 't')");
    SQLite::Statement mem(db.sql(), "INSERT INTO team_member (team_id, name, role, service, added_on, removed_on) VALUES (?, 'm', 'r', ?, 'x', ?)");
    SQLite::Statement plan(db.sql(), "INSERT INTO plan (case_id, created_on) VALUES (?, ?)");
    SQLite::Statement rev(db.sql(), "INSERT INTO plan_revision (plan_id, revision, created_at, created_by, change, snapshot) VALUES (?, ?, ?, 't', 'c', '{}')");
    SQLite::Statement ev(db.sql(), "INSERT INTO evaluation (case_id, evaluated_on, decision, goals, created_by, created_at) VALUES (?, ?, ?, ?, 't', 'x')");
    SQLite::Statement ind(db.sql(), "INSERT INTO indicator_value (evaluation_id, indicator, value) VALUES (?, ?, ?)");
    const char* statuses[] = {"received", "granted", "refused", "active", "closed"};
    db.sql().exec("BEGIN");
    std::vector<std::int64_t> pool;
    for (int i = 1; i <= shape.people; ++i) {
      person.bind(1, fmt::format("Q{:08}", i));
      person.exec();
      person.reset();
      pool.push_back(db.sql().getLastInsertRowid());
    }
    for (int i = 1; i <= n; ++i) {
      Case c;
      std::int64_t pid = 0;
      if (pool.empty()) {
        person.bind(1, fmt::format("P{:08}", i));  // not a personal number: rows go in with SQL
        person.exec();
        person.reset();
        pid = db.sql().getLastInsertRowid();
      } else {
        pid = pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(people_rng)];
      }
      c.person = pid;
      c.opened = start + std::chrono::days(pick(0, 300));
      c.status = statuses[pick(0, 4)];
      if (chance(0.8)) c.target_group = rv.target_groups[std::size_t(pick(0, int(rv.target_groups.size()) - 1))].id;
      kase.bind(1, fmt::format("2026/{}", i));
      kase.bind(2, i);
      kase.bind(3, pid);
      kase.bind(4, c.status);
      kase.bind(5, format_date(c.opened));
      if (c.target_group) kase.bind(6, *c.target_group); else kase.bind(6);
      kase.exec();
      kase.reset();
      c.id = db.sql().getLastInsertRowid();
      // reporter types skewed so that some are rare (small counts)
      auto reporter = [&] {
        int r = pick(0, 99);
        if (r < 2) return rv.reporter_types.back().id;
        return rv.reporter_types[std::size_t(r % 4)].id;
      };
      c.referrals.push_back({reporter(), c.opened});
      if (chance(0.2)) c.referrals.push_back({reporter(), c.opened + std::chrono::days(pick(1, 20))});
      for (auto& [type, on] : c.referrals) {
        ref.bind(1, c.id);
        ref.bind(2, type);
        ref.bind(3, format_date(on));
        ref.exec();
        ref.reset();
      }
      if (chance(0.7)) {
        c.decision = {chance(0.85) ? "granted" : "refused", c.opened + std::chrono::days(pick(3, 70))};
        dec.bind(1, c.id);
        dec.bind(2, c.decision->first);
        dec.bind(3, format_date(c.decision->second));
        dec.exec();
        dec.reset();
        if (chance(0.3)) {
          c.preliminary_reply = true;
          pre.bind(1, c.id);
          pre.exec();
          pre.reset();
        }
        if (c.decision->first == "granted" && chance(0.8)) {
          c.team = c.decision->second + std::chrono::days(pick(1, 25));
          team.bind(1, c.id);
          team.bind(2, format_date(*c.team));
          team.exec();
          team.reset();
          const auto tid = db.sql().getLastInsertRowid();
          const int members = pick(pick(0, 9) == 0 ? 0 : 1, 10);
          for (int m = 0; m < members; ++m) {
            Member mm;
            if (chance(0.8)) mm.service = rv.services[std::size_t(pick(0, int(rv.services.size()) - 1))].id;
            mm.removed = chance(0.1);
            mem.bind(1, tid);
            if (mm.service) mem.bind(2, *mm.service); else mem.bind(2);
            if (mm.removed) mem.bind(3, "2026-01-01"); else mem.bind(3);
            mem.exec();
            mem.reset();
            c.members.push_back(mm);
          }
          if (chance(0.9)) {
            c.plan = *c.team + std::chrono::days(pick(0, 10));
            plan.bind(1, c.id);
            plan.bind(2, format_date(*c.plan));
            plan.exec();
            plan.reset();
            const auto plid = db.sql().getLastInsertRowid();
            const int revisions = pick(1, 3);
            for (int r = 1; r <= revisions; ++r) {
              const Date on = *c.plan + std::chrono::days(pick(0, 30));
              if (!c.first_revision || on < *c.first_revision) c.first_revision = on;
              rev.bind(1, plid);
              rev.bind(2, r);
              rev.bind(3, format_date(on) + "T10:00:00Z");
              rev.exec();
              rev.reset();
            }
            const int evaluations = pick(0, shape.max_evaluations);
            for (int e = 0; e < evaluations; ++e) {
              Evaluation x;
              x.on = *c.plan + std::chrono::days(pick(20, 150));
              const char* decisions[] = {"continue", "revise", "close"};
              x.decision = decisions[pick(0, 9) < 7 ? 0 : pick(1, 2)];
              const int goals = pick(0, 3);
              std::string gj = "{";
              for (int g = 1; g <= goals; ++g) {
                x.goals[g] = pick(-2, 2);
                gj += fmt::format("{}\"{}\": {}", g > 1 ? ", " : "", g, x.goals[g]);
              }
              gj += "}";
              ev.bind(1, c.id);
              ev.bind(2, format_date(x.on));
              ev.bind(3, x.decision);
              ev.bind(4, gj);
              ev.exec();
              ev.reset();
              const auto eid = db.sql().getLastInsertRowid();
              for (const auto& indicator : rv.indicators) {
                if (!chance(0.7)) continue;
                x.indicators[indicator.id] = pick(0, 4);
                ind.bind(1, eid);
                ind.bind(2, indicator.id);
                ind.bind(3, x.indicators[indicator.id]);
                ind.exec();
                ind.reset();
              }
              c.evaluations.push_back(x);
            }
          }
        }
      }
      cases.push_back(std::move(c));
    }
    db.sql().exec("COMMIT");
  }
};

bool in(Date x, Date from, Date to) { return from <= x && x <= to; }

// The size bucket of the case's team by its members now, and the sectors
// of their services.
std::pair<std::string, std::set<std::string>> team_now(const Case& c, std::map<std::string, std::string>& sector_of) {
  int size = 0;
  std::set<std::string> sectors;
  for (const auto& m : c.members) {
    if (m.removed) continue;
    ++size;
    if (m.service) sectors.insert(sector_of[*m.service]);
  }
  return {size == 0 ? "0" : size <= 3 ? "1-3" : size <= 5 ? "4-5" : size <= 7 ? "6-7" : "8+", sectors};
}

// The table cell of `t` for row id `row` and column `col` (the period index,
// or periods.size() for the row total), checked against `expected`.
void check_cell(const ReportTable& t, const std::string& row, std::size_t col, std::int64_t expected, int k) {
  auto it = std::find(t.row_ids.begin(), t.row_ids.end(), row);
  if (it == t.row_ids.end()) {
    CHECK(expected == 0);  // a category with no count at all is left out
    return;
  }
  const std::size_t r = std::size_t(it - t.row_ids.begin());
  INFO(t.id << " row " << row << " col " << col);
  CHECK(t.table.values[r][col] == expected);
  if (expected < k) CHECK(t.table.state[r][col] == CellState::primary);
  if (t.table.state[r][col] == CellState::shown) CHECK(expected >= k);
}

double median_of(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}
int p90_of(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  const std::size_t rank = (9 * v.size() + 9) / 10;  // nearest rank: ceil(0.9 n)
  return v[rank - 1];
}

// The two referral tables count the same referrals, so their column totals
// are the same numbers and must be hidden alike.
void check_linked_totals(const Report& r) {
  const ReportTable* a = nullptr;
  const ReportTable* b = nullptr;
  for (const auto& t : r.tables) {
    if (t.id == "referrals_by_reporter_type") a = &t;
    if (t.id == "referrals_by_target_group") b = &t;
  }
  REQUIRE(a);
  REQUIRE(b);
  for (std::size_t c = 0; c <= a->table.cols(); ++c) {
    CHECK(a->table.values[a->table.rows()][c] == b->table.values[b->table.rows()][c]);
    CHECK(a->table.suppressed(a->table.rows(), c) == b->table.suppressed(b->table.rows(), c));
  }
}

}  // namespace

TEST_CASE("report figures match an independent count over a generated population", "[report]") {
  unit::TempFolder tmp;
  Rammeverk rv = load_rammeverk(embedded::example_rammeverk, "test.toml");
  rv.reports.min_count = 5;
  Clock clock(d("2026-09-01"));
  Database db = init_database(tmp.file("k.db"), rv, clock, "tester");
  Population pop(db, rv, 4242, 700);
  Context ctx{db, rv, clock, "leder", Lang::en};
  const Date from = d("2026-01-01"), to = d("2026-06-30");
  Report r = build_report(ctx, {from, to, "quarter"});
  const int k = 5;
  REQUIRE(r.periods == std::vector<std::string>{"2026-Q1", "2026-Q2"});
  auto col = [&](Date day) { return std::size_t(std::find(r.periods.begin(), r.periods.end(), quarter(day)) - r.periods.begin()); };
  auto table = [&](const std::string& id) -> const ReportTable& {
    for (const auto& t : r.tables)
      if (t.id == id) return t;
    FAIL("no table " << id);
    return r.tables.front();
  };

  // expected counts: table -> row -> column -> n (column 2 = total)
  std::map<std::string, std::map<std::string, std::map<std::size_t, std::int64_t>>> want;
  std::map<std::string, std::vector<int>> lead;
  std::int64_t decisions = 0, late = 0, goal_scores = 0;
  std::set<std::int64_t> goal_cases;
  double goal_sum = 0;
  std::map<std::pair<std::string, std::string>, std::tuple<std::set<std::int64_t>, std::int64_t>> indicators;
  std::map<std::string, std::string> sector_of;
  for (const auto& s : rv.services) sector_of[s.id] = s.sector;
  auto count = [&](const std::string& t, const std::string& row, Date on) {
    want[t][row][col(on)] += 1;
    want[t][row][2] += 1;
  };
  for (const auto& c : pop.cases) {
    if (in(c.opened, from, to)) count("cases_by_status", c.status, c.opened);
    for (const auto& [type, on] : c.referrals) {
      if (!in(on, from, to)) continue;
      count("referrals_by_reporter_type", type, on);
      count("referrals_by_target_group", c.target_group.value_or(""), on);
    }
    const Date first = c.referrals.front().second;
    if (c.decision && in(c.decision->second, from, to)) {
      count("decisions", c.decision->first, c.decision->second);
      const int days = days_between(first, c.decision->second);
      lead["referral_to_decision"].push_back(days);
      ++decisions;
      if (days > rv.deadlines.preliminary_reply && !c.preliminary_reply) ++late;
    }
    if (c.team && in(*c.team, from, to)) {
      lead["decision_to_team"].push_back(days_between(c.decision->second, *c.team));
      const auto [size, sectors] = team_now(c, sector_of);
      count("teams_by_size", size, *c.team);
      for (const auto& s : sectors) count("teams_by_sector", s, *c.team);
    }
    if (c.first_revision && in(*c.first_revision, from, to)) lead["team_to_plan"].push_back(days_between(*c.team, *c.first_revision));
    if (!c.evaluations.empty()) {
      Date first_eval = c.evaluations.front().on;
      for (const auto& e : c.evaluations) first_eval = std::min(first_eval, e.on);
      if (in(first_eval, from, to)) lead["plan_to_evaluation"].push_back(days_between(*c.plan, first_eval));
    }
    for (const auto& e : c.evaluations) {
      if (!in(e.on, from, to)) continue;
      count("evaluations_by_decision", e.decision, e.on);
      for (const auto& [g, score] : e.goals) {
        goal_sum += score;
        ++goal_scores;
        goal_cases.insert(c.id);
      }
      for (const auto& [id, v] : e.indicators) {
        auto& [cases, sum] = indicators[{quarter(e.on), id}];
        cases.insert(c.id);
        sum += v;
      }
    }
  }

  SECTION("every count table, every cell and total") {
    for (const auto& [tid, rows] : want) {
      const auto& t = table(tid);
      std::map<std::size_t, std::int64_t> column_totals;
      for (const auto& [row, cols] : rows) {
        for (std::size_t c = 0; c <= 2; ++c) {
          const auto it = cols.find(c);
          const std::int64_t n = it == cols.end() ? 0 : it->second;
          check_cell(t, row, c, n, k);
          column_totals[c] += n;
        }
      }
      // the totals row (teams_by_sector counts team-sector pairs)
      for (std::size_t c = 0; c <= 2; ++c) CHECK(t.table.values[t.table.rows()][c] == column_totals[c]);
      // no hidden value can be computed from the row and column totals
      for (std::size_t i = 0; i <= t.table.rows(); ++i)
        for (std::size_t c = 0; c <= t.table.cols(); ++c)
          if (t.table.suppressed(i, c)) CHECK_FALSE(suppressed_cell_determined(t.table, i, c));
    }
    // the population is made so that at least one cell is small
    bool any_primary = false;
    for (const auto& t : r.tables)
      for (const auto& row : t.table.state)
        for (auto s : row) any_primary |= s == CellState::primary;
    CHECK(any_primary);
    check_linked_totals(r);
  }

  SECTION("lead times: median and 90th percentile") {
    for (const auto& lt : r.lead_times) {
      INFO(lt.id);
      const auto& v = lead[lt.id];
      CHECK(lt.n == std::int64_t(v.size()));
      REQUIRE(v.size() >= std::size_t(k));
      REQUIRE(lt.median);
      CHECK(*lt.median == Approx(median_of(v)));
      CHECK(*lt.p90 == p90_of(v));
    }
  }

  SECTION("late decisions, goal attainment, indicators per quarter") {
    CHECK(r.late.decisions == decisions);
    CHECK(r.late.late_without_reply == late);
    REQUIRE(r.late.share);
    CHECK(*r.late.share == Approx(double(late) / double(decisions)));
    CHECK(r.goal_attainment.cases == std::int64_t(goal_cases.size()));
    REQUIRE(r.goal_attainment.mean);
    CHECK(*r.goal_attainment.mean == Approx(goal_sum / double(goal_scores)));
    CHECK(r.indicators.size() == indicators.size());
    for (const auto& iq : r.indicators) {
      const auto& [cases, sum] = indicators[{iq.quarter, iq.indicator}];
      CHECK(iq.cases == std::int64_t(cases.size()));
      CHECK(iq.suppressed == (cases.size() < std::size_t(k)));
      if (!iq.suppressed) CHECK(*iq.sum == sum);
    }
  }

  SECTION("the report is audited once, with no person") {
    SQLite::Statement q(db.sql(), "SELECT COUNT(*), MAX(person), MAX(actor) FROM audit WHERE action = 'report'");
    q.executeStep();
    CHECK(q.getColumn(0).getInt() == 1);
    CHECK(q.getColumn(1).getString().empty());
    CHECK(q.getColumn(2).getString() == "leder");
  }
}

TEST_CASE("lead times over fewer than min_count cases are suppressed, a small population hides its counts", "[report]") {
  unit::TempFolder tmp;
  Rammeverk rv = load_rammeverk(embedded::example_rammeverk, "test.toml");
  Clock clock(d("2026-09-01"));
  Database db = init_database(tmp.file("k.db"), rv, clock, "tester");
  Population pop(db, rv, 7, 6);
  Context ctx{db, rv, clock, "leder", Lang::nb};
  Report r = build_report(ctx, {d("2025-01-01"), d("2026-12-31"), ""});
  for (const auto& lt : r.lead_times) {
    if (lt.n >= rv.reports.min_count) continue;
    CHECK(lt.suppressed);
    CHECK_FALSE(lt.median);
    CHECK_FALSE(lt.p90);
  }
  check_linked_totals(r);
  auto j = report_json(r);
  CHECK(j["tables"]["decisions"]["rows"][1]["total"] == fmt::format("<{}", rv.reports.min_count));
  const std::string text = report_text(r, Lang::nb, TerminalStyle{});
  CHECK(text.find("Styringsdata 1. januar 2025") != std::string::npos);
  CHECK(text.find("<5") != std::string::npos);
}

TEST_CASE("linked referral tables hide the same totals on many generated populations", "[report]") {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    unit::TempFolder tmp;
    Rammeverk rv = load_rammeverk(embedded::example_rammeverk, "test.toml");
    Clock clock(d("2026-09-01"));
    Database db = init_database(tmp.file("k.db"), rv, clock, "tester");
    Population pop(db, rv, seed, 20 + int(seed) * 15);
    Context ctx{db, rv, clock, "leder", Lang::en};
    Report r = build_report(ctx, {d("2025-11-01"), d("2026-08-31"), "month"});
    INFO("seed " << seed);
    check_linked_totals(r);
    for (const auto& t : r.tables)
      for (std::size_t i = 0; i <= t.table.rows(); ++i)
        for (std::size_t c = 0; c <= t.table.cols(); ++c)
          if (t.table.suppressed(i, c)) CHECK_FALSE(suppressed_cell_determined(t.table, i, c));
  }
}

namespace {

// The people behind each count of the tables made from the population,
// found here from the population as generated: table -> row -> column
// (period index, or `columns` for the row total) -> people; row "" of
// table T + "#total" holds the column totals and the grand total.
using PeopleOf = std::map<std::string, std::map<std::string, std::map<std::size_t, std::set<std::int64_t>>>>;

struct Expected {
  PeopleOf tables;
  std::map<std::string, std::set<std::int64_t>> lead;  // lead time id -> people
  std::set<std::int64_t> goal_people;
  std::map<std::pair<std::string, std::string>, std::set<std::int64_t>> indicators;  // (quarter, id) -> people
};

Expected expected_people(const Population& pop, const Rammeverk& rv, const Report& r, Date from, Date to) {
  const std::size_t columns = r.periods.size();
  auto col = [&](Date day) {
    std::chrono::year_month_day y(day);
    const std::string key = r.by == "quarter" ? quarter(day)
                            : r.by == "month" ? fmt::format("{:04}-{:02}", int(y.year()), unsigned(y.month()))
                                              : "all";
    return std::size_t(std::find(r.periods.begin(), r.periods.end(), key) - r.periods.begin());
  };
  Expected e;
  auto count = [&](const std::string& t, const std::string& row, Date on, std::int64_t person) {
    for (const std::string& line : {row, std::string("#total")})
      for (std::size_t c : {col(on), columns}) e.tables[t][line][c].insert(person);
  };
  std::map<std::string, std::string> sector_of;
  for (const auto& s : rv.services) sector_of[s.id] = s.sector;
  for (const auto& c : pop.cases) {
    const auto p = c.person;
    if (in(c.opened, from, to)) count("cases_by_status", c.status, c.opened, p);
    for (const auto& [type, on] : c.referrals) {
      if (!in(on, from, to)) continue;
      count("referrals_by_reporter_type", type, on, p);
      count("referrals_by_target_group", c.target_group.value_or(""), on, p);
    }
    if (c.decision && in(c.decision->second, from, to)) {
      count("decisions", c.decision->first, c.decision->second, p);
      e.lead["referral_to_decision"].insert(p);
    }
    if (c.team && in(*c.team, from, to)) {
      e.lead["decision_to_team"].insert(p);
      const auto [size, sectors] = team_now(c, sector_of);
      count("teams_by_size", size, *c.team, p);
      for (const auto& sec : sectors) count("teams_by_sector", sec, *c.team, p);
    }
    if (c.first_revision && in(*c.first_revision, from, to)) e.lead["team_to_plan"].insert(p);
    if (!c.evaluations.empty()) {
      Date first_eval = c.evaluations.front().on;
      for (const auto& ev : c.evaluations) first_eval = std::min(first_eval, ev.on);
      if (in(first_eval, from, to)) e.lead["plan_to_evaluation"].insert(p);
    }
    for (const auto& ev : c.evaluations) {
      if (!in(ev.on, from, to)) continue;
      count("evaluations_by_decision", ev.decision, ev.on, p);
      if (!ev.goals.empty()) e.goal_people.insert(p);
      for (const auto& [id, v] : ev.indicators) e.indicators[{quarter(ev.on), id}].insert(p);
    }
  }
  return e;
}

// Every table of `r`: no hidden value can be pinned down by what is shown
// (search), and every shown count of the tables made from the population
// holds at least min_count people; so do the lead times, goal attainment
// and indicators shown. Returns how many counts of min_count or more hold
// fewer people (the counts the person rule hides).
int check_people_and_disclosure(const Report& r, const Expected& e, int k) {
  int too_few = 0;
  for (const auto& t : r.tables) {
    INFO(t.id);
    std::string shown_table;
    for (std::size_t i = 0; i <= t.table.rows(); ++i) {
      for (std::size_t c = 0; c <= t.table.cols(); ++c)
        shown_table += " " + t.table.display(i, c) + "(" + std::to_string(t.table.values[i][c]) + ")";
      shown_table += "\n";
    }
    INFO(shown_table);
    unit::Disclosure d(t.table, t.table.values.back().back() + 4 * std::int64_t(k) + 4);
    const auto pinned = d.worked_out();
    REQUIRE(pinned);
    CHECK(pinned->empty());
    auto it = e.tables.find(t.id);
    if (it == e.tables.end()) continue;
    for (std::size_t i = 0; i <= t.table.rows(); ++i) {
      const std::string row = i < t.table.rows() ? t.row_ids[i] : "#total";
      for (std::size_t c = 0; c <= t.table.cols(); ++c) {
        std::size_t people = 0;
        auto rt = it->second.find(row);
        if (rt != it->second.end()) {
          auto ct = rt->second.find(c);
          if (ct != rt->second.end()) people = ct->second.size();
        }
        INFO("row " << row << " col " << c << " count " << t.table.values[i][c] << " people " << people);
        if (!t.table.suppressed(i, c)) CHECK(people >= std::size_t(k));
        if (t.table.values[i][c] >= k && people < std::size_t(k)) {
          CHECK(t.table.display(i, c) == "x");
          ++too_few;
        }
      }
    }
  }
  for (const auto& lt : r.lead_times) {
    INFO(lt.id);
    auto it = e.lead.find(lt.id);
    const std::size_t people = it == e.lead.end() ? 0 : it->second.size();
    if (!lt.suppressed) CHECK(people >= std::size_t(k));
  }
  if (!r.goal_attainment.suppressed) CHECK(e.goal_people.size() >= std::size_t(k));
  for (const auto& iq : r.indicators) {
    INFO(iq.quarter << " " << iq.indicator);
    auto it = e.indicators.find({iq.quarter, iq.indicator});
    if (!iq.suppressed) CHECK((it != e.indicators.end() && it->second.size() >= std::size_t(k)));
  }
  return too_few;
}

}  // namespace

TEST_CASE("generated populations where people have several cases and many events: every shown count holds min_count people, "
          "and no hidden value can be pinned down", "[report][disclosure]") {
  int too_few_people = 0;
  for (unsigned seed = 1; seed <= 10; ++seed) {
    unit::TempFolder tmp;
    Rammeverk rv = load_rammeverk(embedded::example_rammeverk, "test.toml");
    rv.reports.min_count = 3 + int(seed % 3);
    const int k = rv.reports.min_count;
    Clock clock(d("2026-09-01"));
    Database db = init_database(tmp.file("k.db"), rv, clock, "tester");
    const int n = 25 + int(seed) * 12;
    Population pop(db, rv, seed, n, Shape{n / 4 + 1, 6});
    Context ctx{db, rv, clock, "leder", Lang::en};
    for (const char* by : {"", "quarter"}) {
      const Date from = d("2026-01-01"), to = d("2026-06-30");
      Report r = build_report(ctx, {from, to, by});
      INFO("seed " << seed << " by '" << by << "' min_count " << k);
      too_few_people += check_people_and_disclosure(r, expected_people(pop, rv, r, from, to), k);
      check_linked_totals(r);
    }
  }
  CHECK(too_few_people > 0);  // the populations do have counts of too few people
}

TEST_CASE("report options: periods by month and quarter, bad ranges", "[report]") {
  CHECK(report_periods(d("2026-01-15"), d("2026-03-01"), "month") == std::vector<std::string>{"2026-01", "2026-02", "2026-03"});
  CHECK(report_periods(d("2025-12-01"), d("2026-04-01"), "quarter") == std::vector<std::string>{"2025-Q4", "2026-Q1", "2026-Q2"});
  CHECK(report_periods(d("2026-01-01"), d("2026-12-31"), "") == std::vector<std::string>{"all"});
  CHECK_THROWS_AS(report_periods(d("2026-01-01"), d("2026-12-31"), "week"), Error);
}

TEST_CASE("the report's decimals are written as the reader's language writes them", "[report][lang]") {
  Report r;
  r.min_count = 5;
  r.lead_times.push_back({"referral_to_decision", 12, 38.5, 66, false});
  r.late = {444, 183, 30, false, false, 183.0 / 444.0};
  r.goal_attainment = {216, 400, -0.4, false};
  r.indicators.push_back({"legevakt", "Besøk på legevakt", "2025-Q1", 43, 43, 41, 41.0 / 43.0, false});
  r.team_review_scales.push_back({"samarbeid", "Samarbeid", "all", 12, 3.25, false});
  for (Lang lang : {Lang::nb, Lang::nn}) {
    const std::string text = report_text(r, lang, TerminalStyle{});
    INFO(text);
    for (const char* decimal : {"41,2 %", "-0,40", "0,95", "38,5", "3,25"}) {
      INFO(decimal);
      CHECK(text.find(decimal) != std::string::npos);
    }
    CHECK(text.find("41.2") == std::string::npos);
  }
  const std::string en = report_text(r, Lang::en, TerminalStyle{});
  CHECK(en.find("41.2 %") != std::string::npos);
  CHECK(en.find("-0.40") != std::string::npos);
  CHECK(en.find("38.5") != std::string::npos);
}
