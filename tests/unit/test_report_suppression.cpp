// Small-count suppression: every count below min_count is hidden, and no
// hidden value can be computed from what is shown. The check here is
// independent of the library's graph argument: it writes the row, column
// and grand-total equations as a linear system and tests by Gaussian
// elimination whether each hidden value is fixed by them.

#include "unit/report_disclosure.hpp"

#include <oppteam/process/suppression.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>

using namespace oppteam;

namespace {

// Rank of a dense matrix (rows of doubles; coefficients are small integers).
std::size_t rank_of(std::vector<std::vector<double>> m) {
  std::size_t rank = 0;
  const std::size_t cols = m.empty() ? 0 : m.front().size();
  for (std::size_t c = 0; c < cols && rank < m.size(); ++c) {
    std::size_t pivot = rank;
    for (std::size_t r = rank; r < m.size(); ++r)
      if (std::fabs(m[r][c]) > std::fabs(m[pivot][c])) pivot = r;
    if (std::fabs(m[pivot][c]) < 1e-9) continue;
    std::swap(m[pivot], m[rank]);
    for (std::size_t r = 0; r < m.size(); ++r) {
      if (r == rank) continue;
      const double f = m[r][c] / m[rank][c];
      for (std::size_t k = c; k < cols; ++k) m[r][k] -= f * m[rank][k];
    }
    ++rank;
  }
  return rank;
}

// The hidden values of the augmented table that the published equations fix.
std::vector<std::pair<std::size_t, std::size_t>> determined_cells(const SuppressedTable& t) {
  const std::size_t R = t.rows(), C = t.cols();
  std::vector<std::pair<std::size_t, std::size_t>> unknown;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> index;
  for (std::size_t r = 0; r <= R; ++r)
    for (std::size_t c = 0; c <= C; ++c)
      if (t.suppressed(r, c)) {
        index[{r, c}] = unknown.size();
        unknown.emplace_back(r, c);
      }
  // Each equation: sum of the cells of a line minus its total = 0; only the
  // coefficients of unknowns matter for whether a value is determined.
  std::vector<std::vector<double>> eq;
  auto add_line = [&](std::vector<std::pair<std::size_t, std::size_t>> plus, std::pair<std::size_t, std::size_t> minus) {
    std::vector<double> row(unknown.size(), 0.0);
    for (auto p : plus)
      if (index.count(p)) row[index[p]] += 1;
    if (index.count(minus)) row[index[minus]] -= 1;
    eq.push_back(row);
  };
  for (std::size_t r = 0; r <= R; ++r) {
    std::vector<std::pair<std::size_t, std::size_t>> cells;
    for (std::size_t c = 0; c < C; ++c) cells.emplace_back(r, c);
    add_line(cells, {r, C});
  }
  for (std::size_t c = 0; c <= C; ++c) {
    std::vector<std::pair<std::size_t, std::size_t>> cells;
    for (std::size_t r = 0; r < R; ++r) cells.emplace_back(r, c);
    add_line(cells, {R, c});
  }
  const std::size_t base = rank_of(eq);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t k = 0; k < unknown.size(); ++k) {
    auto with = eq;
    std::vector<double> e(unknown.size(), 0.0);
    e[k] = 1;
    with.push_back(e);
    if (rank_of(with) == base) out.push_back(unknown[k]);
  }
  return out;
}

// The lines (rows and columns, totals included) whose total is shown and
// whose hidden cells add up to 0: counts are never negative, so each of
// those cells is 0 ("Død <5 ... Teamet er avsluttet 48, I alt 48").
std::vector<std::string> zero_lines(const SuppressedTable& t) {
  std::vector<std::string> out;
  const std::size_t R = t.rows(), C = t.cols();
  auto check = [&](const std::string& name, auto cell, std::size_t n, std::int64_t total, bool total_shown) {
    if (!total_shown) return;
    std::int64_t hidden = total;
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
      auto [r, c] = cell(i);
      if (t.suppressed(r, c)) any = true;
      else hidden -= t.values[r][c];
    }
    if (any && hidden == 0) out.push_back(name + " hides " + std::to_string(hidden));
  };
  for (std::size_t r = 0; r <= R; ++r)
    check("row " + std::to_string(r), [&](std::size_t i) { return std::pair{r, i}; }, C, t.values[r][C], !t.suppressed(r, C));
  for (std::size_t c = 0; c <= C; ++c)
    check("column " + std::to_string(c), [&](std::size_t i) { return std::pair{i, c}; }, R, t.values[R][c], !t.suppressed(R, c));
  return out;
}

void check_protected(const std::vector<std::vector<std::int64_t>>& cells, int min_count) {
  auto t = suppress_table(cells, min_count);
  INFO("table " << cells.size() << "x" << cells.front().size() << " min_count " << min_count);
  for (std::size_t r = 0; r <= t.rows(); ++r)
    for (std::size_t c = 0; c <= t.cols(); ++c) {
      if (t.values[r][c] < min_count) CHECK(t.state[r][c] == CellState::primary);
      if (t.state[r][c] == CellState::secondary) CHECK(t.values[r][c] >= min_count);
    }
  auto determined = determined_cells(t);
  CHECK(determined.empty());
  for (std::size_t r = 0; r <= t.rows(); ++r)
    for (std::size_t c = 0; c <= t.cols(); ++c)
      if (t.suppressed(r, c)) CHECK_FALSE(suppressed_cell_determined(t, r, c));
  CHECK(zero_lines(t).empty());
}

}  // namespace

TEST_CASE("suppression computes the totals and leaves large counts alone", "[report]") {
  auto t = suppress_table({{10, 20}, {30, 40}}, 5);
  CHECK(t.values[0][2] == 30);
  CHECK(t.values[2][0] == 40);
  CHECK(t.values[2][2] == 100);
  for (std::size_t r = 0; r < 3; ++r)
    for (std::size_t c = 0; c < 3; ++c) CHECK(t.state[r][c] == CellState::shown);
  CHECK(t.display(2, 2) == "100");
}

TEST_CASE("a single small count hides a rectangle so it cannot be subtracted out", "[report]") {
  auto t = suppress_table({{3, 20, 30}, {40, 50, 60}}, 5);
  CHECK(t.state[0][0] == CellState::primary);
  CHECK(t.display(0, 0) == "<5");
  // row 0 and column 0 each need a second hidden cell
  int hidden_row0 = 0, hidden_col0 = 0;
  for (std::size_t c = 0; c <= 3; ++c) hidden_row0 += t.suppressed(0, c);
  for (std::size_t r = 0; r <= 2; ++r) hidden_col0 += t.suppressed(r, 0);
  CHECK(hidden_row0 >= 2);
  CHECK(hidden_col0 >= 2);
  CHECK(t.state[0][1] == CellState::secondary);  // the smallest neighbour in the row
  CHECK(t.display(0, 1) == "x");
  CHECK(determined_cells(t).empty());
}

TEST_CASE("two hidden blocks joined by one hidden cell are not enough: the joining cell is a bridge", "[report]") {
  // Every row and column with a small count has two of them, yet without
  // more suppression the cell joining the two 2x2 blocks could be computed.
  std::vector<std::vector<std::int64_t>> cells = {
      {1, 2, 50, 60, 70}, {3, 4, 2, 60, 70}, {50, 60, 3, 1, 70}, {50, 60, 70, 2, 3}, {80, 80, 80, 80, 80}};
  check_protected(cells, 5);
}

TEST_CASE("one row or one column: the totals equal the cells and are hidden with them", "[report]") {
  check_protected({{2}, {10}, {20}}, 5);
  check_protected({{2, 10, 20}}, 5);
  check_protected({{2}}, 5);
  auto t = suppress_table({{2}, {10}, {20}}, 5);
  CHECK(t.state[0][1] != CellState::shown);  // row total = the cell itself
}

TEST_CASE("hidden counts that add up to 0 are not left beside a shown total", "[report]") {
  // Closings by reason in a quarter: only "the team ended" counted. With the
  // total shown, the hidden reasons would add up to 0 and so each be 0.
  const std::vector<std::vector<std::int64_t>> closings = {{0, 0}, {0, 0}, {0, 0}, {24, 24}};
  auto t = suppress_table(closings, 5);
  CHECK(zero_lines(t).empty());
  check_protected(closings, 5);
  // Two small counts of 0 in a column of one large.
  check_protected({{0, 30}, {0, 40}, {50, 60}}, 5);
  // A table the zero rule leaves alone: its hidden cells add up to 7 in
  // their column and 10 in their rows.
  auto kept = suppress_table({{3, 7}, {4, 3}, {50, 60}}, 5);
  CHECK(zero_lines(kept).empty());
  CHECK(kept.state[2][0] == CellState::shown);
}

TEST_CASE("zero counts are below min_count too, min_count 1 hides nothing", "[report]") {
  auto t = suppress_table({{0, 10}, {10, 10}}, 5);
  CHECK(t.state[0][0] == CellState::primary);
  auto none = suppress_table({{0, 1}, {2, 3}}, 1);
  for (auto& row : none.state)
    for (auto s : row) CHECK(s == CellState::shown);
}

TEST_CASE("generated tables: no hidden value can be worked out from the totals", "[report]") {
  std::mt19937 rng(20260302);
  for (int round = 0; round < 400; ++round) {
    std::uniform_int_distribution<int> dim(1, 7);
    const int R = dim(rng), C = dim(rng);
    std::uniform_int_distribution<int> small(0, 6), large(0, 60), pick(0, 3);
    std::vector<std::vector<std::int64_t>> cells(R, std::vector<std::int64_t>(C));
    for (auto& row : cells)
      for (auto& v : row) v = pick(rng) == 0 ? small(rng) : large(rng);
    const int min_count = std::uniform_int_distribution<int>(2, 10)(rng);
    check_protected(cells, min_count);
  }
}

namespace {

// The hidden cells a reader can pin down from the shown numbers, the
// totals and the markers' ranges ("<N": 0..N-1, "x": N or more), found by
// search (unit/report_disclosure.hpp), not by the library's own test.
std::vector<std::pair<std::size_t, std::size_t>> pinned_down(const SuppressedTable& t) {
  unit::Disclosure d(t, t.values.back().back() + 4 * std::int64_t(t.min_count) + 4);
  auto found = d.worked_out();
  REQUIRE(found);  // the search finished
  return *found;
}

std::string published(const SuppressedTable& t) {
  std::string out;
  for (std::size_t r = 0; r <= t.rows(); ++r) {
    for (std::size_t c = 0; c <= t.cols(); ++c) out += (c ? " " : "") + t.display(r, c) + "(" + std::to_string(t.values[r][c]) + ")";
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("an x beside two <5 and a total of min_count gives nothing away (trial s12 #4)", "[report][disclosure]") {
  // Five evaluations, all "continue": without more hidden, "x, <5, <5, I alt
  // 5" tells that the x is 5 (an x is at least 5) and both <5 are 0.
  auto t = suppress_table({{5}, {0}, {0}}, 5);
  INFO(published(t));
  CHECK(pinned_down(t).empty());
  for (std::size_t r = 0; r <= t.rows(); ++r)
    for (std::size_t c = 0; c <= t.cols(); ++c)
      if (t.suppressed(r, c)) CHECK_FALSE(suppressed_cell_determined(t, r, c));
  // the same with a period column each
  auto by_period = suppress_table({{5, 0}, {0, 0}, {0, 0}}, 5);
  INFO(published(by_period));
  CHECK(pinned_down(by_period).empty());
  // an x of 6 beside <5 and <5 and a total of 7: the two <5 add up to 1, so
  // each is 0 or 1, and the x is 6 or 7: nothing is pinned down
  auto loose = suppress_table({{6}, {1}, {0}}, 5);
  INFO(published(loose));
  CHECK(pinned_down(loose).empty());
}

TEST_CASE("an x at min_count in a row whose shown total leaves it no room is protected", "[report][disclosure]") {
  // Row 0: 5 and 3, total 8; column totals 5+40 and 3+50. With only the 3
  // hidden (and a partner), the partner's x at 5 and the row total pin it.
  for (const auto& cells : std::vector<std::vector<std::vector<std::int64_t>>>{
           {{5, 3}, {40, 50}}, {{5, 0, 9}, {0, 5, 9}, {9, 9, 9}}, {{5, 4}, {5, 4}, {30, 30}}, {{1, 5, 5}, {5, 5, 1}}}) {
    auto t = suppress_table(cells, 5);
    INFO(published(t));
    CHECK(pinned_down(t).empty());
  }
}

TEST_CASE("generated small tables: no hidden value is pinned down by what is shown and the markers' ranges", "[report][disclosure]") {
  std::mt19937 rng(20261201);
  int tables_with_hidden = 0;
  for (int round = 0; round < 600; ++round) {
    std::uniform_int_distribution<int> dim(1, 4);
    const int R = dim(rng), C = dim(rng);
    const int min_count = std::uniform_int_distribution<int>(3, 6)(rng);
    // counts near min_count, where the ranges matter most
    std::uniform_int_distribution<int> near(0, 2 * min_count), pick(0, 4), large(0, 30);
    std::vector<std::vector<std::int64_t>> cells(R, std::vector<std::int64_t>(C));
    for (auto& row : cells)
      for (auto& v : row) v = pick(rng) == 0 ? large(rng) : pick(rng) == 1 ? 0 : near(rng);
    auto t = suppress_table(cells, min_count);
    INFO("round " << round << " min_count " << min_count << "\n" << published(t));
    bool any = false;
    for (std::size_t r = 0; r <= t.rows(); ++r)
      for (std::size_t c = 0; c <= t.cols(); ++c) {
        any |= t.suppressed(r, c);
        if (t.values[r][c] < min_count) CHECK(t.state[r][c] == CellState::primary);
        if (t.suppressed(r, c)) CHECK_FALSE(suppressed_cell_determined(t, r, c));
      }
    tables_with_hidden += any;
    CHECK(pinned_down(t).empty());
  }
  CHECK(tables_with_hidden > 300);
}

TEST_CASE("a count of events of fewer than min_count people is hidden as x, and protected", "[report][disclosure]") {
  // Evaluations by decision and quarter: "continue" 6 and 7 (the 6 all of
  // one person), "revise" 9 and 8 of many people.
  const std::vector<std::vector<std::int64_t>> cells = {{6, 7}, {9, 8}};
  const std::vector<std::vector<std::int64_t>> people = {{1, 5, 5}, {5, 5, 5}, {5, 5, 5}};  // augmented, capped at 5
  auto t = suppress_table(cells, 5, {}, people);
  INFO(published(t));
  CHECK(t.state[0][0] == CellState::few_people);
  CHECK(t.display(0, 0) == "x");
  CHECK(t.state[0][1] != CellState::few_people);
  CHECK(pinned_down(t).empty());
  for (std::size_t r = 0; r <= t.rows(); ++r)
    for (std::size_t c = 0; c <= t.cols(); ++c)
      if (t.suppressed(r, c)) CHECK_FALSE(suppressed_cell_determined(t, r, c));
  // five evaluations of one person, the trial's case: nothing is shown
  auto one = suppress_table({{5}, {0}, {0}}, 5, {}, {{1, 1}, {0, 0}, {0, 0}, {1, 1}});
  INFO(published(one));
  for (std::size_t r = 0; r <= one.rows(); ++r)
    for (std::size_t c = 0; c <= one.cols(); ++c) CHECK(one.suppressed(r, c));
  CHECK(pinned_down(one).empty());
}
