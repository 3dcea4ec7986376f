#pragma once
// What a reader can work out from one published table, found by search and
// not by the library's graph argument: the reader sees the shown numbers
// and the markers ("<N": 0..N-1, "x": N or more), and knows that every row
// and column adds up to its total. A hidden cell is worked out when every
// table of non-negative integers that fits what is shown gives it the same
// value. The search is a small constraint solver (bounds propagation over
// the row and column sums, then branching), complete for the cap it is
// given: an "x" is searched up to `cap`.

#include <oppteam/process/suppression.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace unit {

class Disclosure {
 public:
  // `t` as published: only t.display() and the true values (to search near
  // them first) are used.
  Disclosure(const oppteam::SuppressedTable& t, std::int64_t cap) : t_(t) {
    const std::size_t rows = t.values.size(), cols = t.values.front().size();
    index_.assign(rows, std::vector<int>(cols, -1));
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c < cols; ++c) {
        const std::string shown = t.display(r, c);
        if (shown == "x") {
          add_var(r, c, t.min_count, cap);
        } else if (!shown.empty() && shown[0] == '<') {
          add_var(r, c, 0, std::stoll(shown.substr(1)) - 1);
        }
      }
    }
    // each line: its cells minus its total = 0
    for (std::size_t r = 0; r < rows; ++r) {
      Line line;
      for (std::size_t c = 0; c < cols; ++c) term(line, r, c, c + 1 == cols ? -1 : 1);
      lines_.push_back(line);
    }
    for (std::size_t c = 0; c < cols; ++c) {
      Line line;
      for (std::size_t r = 0; r < rows; ++r) term(line, r, c, r + 1 == rows ? -1 : 1);
      lines_.push_back(line);
    }
  }

  // The hidden cells whose value no other fitting table changes; nullopt
  // when the search gave up (more than `budget` steps for one cell).
  std::optional<std::vector<std::pair<std::size_t, std::size_t>>> worked_out(long budget = 2'000'000) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t k = 0; k < vars_.size(); ++k) {
      const std::int64_t truth = vars_[k].truth;
      bool other = false;
      for (int side = 0; side < 2 && !other; ++side) {
        Domains d = initial_;
        if (side == 0) d[k].second = std::min(d[k].second, truth - 1);
        else d[k].first = std::max(d[k].first, truth + 1);
        steps_ = 0;
        budget_ = budget;
        const auto found = solve(d);
        if (!found) return std::nullopt;
        other = *found;
      }
      if (!other) out.emplace_back(vars_[k].r, vars_[k].c);
    }
    return out;
  }

 private:
  using Domains = std::vector<std::pair<std::int64_t, std::int64_t>>;
  struct Var {
    std::size_t r, c;
    std::int64_t truth;
  };
  struct Line {
    std::vector<std::pair<std::size_t, int>> terms;  // (var, +1 or -1)
    std::int64_t rhs = 0;                              // the terms add up to this
  };

  void add_var(std::size_t r, std::size_t c, std::int64_t lo, std::int64_t hi) {
    index_[r][c] = int(vars_.size());
    vars_.push_back({r, c, t_.values[r][c]});
    initial_.emplace_back(lo, hi);
  }
  void term(Line& line, std::size_t r, std::size_t c, int sign) {
    if (index_[r][c] >= 0) line.terms.emplace_back(std::size_t(index_[r][c]), sign);
    else line.rhs -= sign * std::stoll(t_.display(r, c));
  }

  // Narrows every domain to what the line sums allow; false when one empties.
  bool propagate(Domains& d) const {
    for (bool changed = true; changed;) {
      changed = false;
      for (const Line& line : lines_) {
        std::int64_t lo = 0, hi = 0;
        for (auto [v, s] : line.terms) {
          lo += s > 0 ? d[v].first : -d[v].second;
          hi += s > 0 ? d[v].second : -d[v].first;
        }
        if (line.rhs < lo || line.rhs > hi) return false;
        for (auto [v, s] : line.terms) {
          const std::int64_t own_lo = s > 0 ? d[v].first : -d[v].second;
          const std::int64_t own_hi = s > 0 ? d[v].second : -d[v].first;
          // s * x in [rhs - (hi - own_hi), rhs - (lo - own_lo)]
          const std::int64_t a = line.rhs - (hi - own_hi), b = line.rhs - (lo - own_lo);
          const std::int64_t nlo = s > 0 ? a : -b, nhi = s > 0 ? b : -a;
          if (nlo > d[v].first) { d[v].first = nlo; changed = true; }
          if (nhi < d[v].second) { d[v].second = nhi; changed = true; }
          if (d[v].first > d[v].second) return false;
        }
      }
    }
    return true;
  }

  // Whether some fitting table lies inside `d`; nullopt when over budget.
  std::optional<bool> solve(Domains d) {
    if (++steps_ > budget_) return std::nullopt;
    if (!propagate(d)) return false;
    std::size_t pick = d.size();
    for (std::size_t v = 0; v < d.size(); ++v)
      if (d[v].first < d[v].second && (pick == d.size() || d[v].second - d[v].first < d[pick].second - d[pick].first)) pick = v;
    if (pick == d.size()) return true;  // every value fixed, and every sum holds
    // the true value first, then below it, then above it
    const std::int64_t truth = std::clamp(vars_[pick].truth, d[pick].first, d[pick].second);
    const std::pair<std::int64_t, std::int64_t> parts[] = {{truth, truth}, {d[pick].first, truth - 1}, {truth + 1, d[pick].second}};
    for (auto [lo, hi] : parts) {
      if (lo > hi) continue;
      Domains next = d;
      next[pick] = {lo, hi};
      const auto found = solve(next);
      if (!found || *found) return found;
    }
    return false;
  }

  const oppteam::SuppressedTable& t_;
  std::vector<std::vector<int>> index_;
  std::vector<Var> vars_;
  Domains initial_;
  std::vector<Line> lines_;
  long steps_ = 0, budget_ = 0;
};

}  // namespace unit
