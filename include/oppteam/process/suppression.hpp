#pragma once
// Small-count suppression for published tables (styringsdata). A table of
// counts is published with its row totals, column totals and grand total.
// Every count below `min_count` (cells and totals alike) is suppressed
// (primary suppression), and so is every count of events (referrals,
// evaluations) that holds fewer than `min_count` distinct people; then
// further cells are suppressed (secondary, or complementary, suppression)
// until no suppressed value can be worked out from what is shown.
//
// What a reader knows: the shown cells, the totals that are shown, and what
// each marker says: "<N" is 0..N-1, "x" is at least N. Put the totals into
// an (R+1) x (C+1) table with the signs of the total row and column
// flipped; then every row and every column of that table sums to zero, and
// the changes to the suppressed cells that keep every shown sum are the
// sums of cycles of the bipartite graph whose nodes are the rows and
// columns and whose edges are the suppressed cells, with +1 and -1
// alternating around each cycle. A suppressed value can be worked out
// exactly if and only if no such cycle through it can be followed by one
// step from the true table without leaving a marker's range (a "<5" already
// at 0 cannot go down, an "x" at N cannot go down, a "<5" at 4 cannot go
// up). Without the ranges this is the old test (the cell lies on no cycle,
// a bridge); with them it also catches "x, <5, <5, total 5" (the x is 5,
// so both <5 are 0). Cells are added, each time along the cheapest path
// that gives an exposed cell such a cycle (inner cells before totals,
// small values first: the network heuristic of complementary suppression),
// until no suppressed value is exposed. The function is pure and
// deterministic.

#include <cstdint>
#include <string>
#include <vector>

namespace oppteam {

// primary: below min_count ("<N"); secondary: hidden to protect another
// cell ("x"); few_people: at least min_count events of fewer than
// min_count people ("x" too: a reader cannot tell it from a secondary).
enum class CellState { shown, primary, secondary, few_people };

struct SuppressedTable {
  // The augmented table: rows 0..R-1 and columns 0..C-1 are the cells;
  // row R holds the column totals, column C the row totals, [R][C] the
  // grand total.
  std::vector<std::vector<std::int64_t>> values;
  std::vector<std::vector<CellState>> state;
  int min_count = 0;

  std::size_t rows() const { return values.empty() ? 0 : values.size() - 1; }
  std::size_t cols() const { return values.empty() ? 0 : values.front().size() - 1; }
  bool suppressed(std::size_t r, std::size_t c) const { return state[r][c] != CellState::shown; }
  // "<N" for a primary, "x" for a secondary or few_people, else the number.
  std::string display(std::size_t r, std::size_t c) const;
};

// Suppresses `cells` (R rows of C counts, R, C >= 1, all rows the same
// length, counts >= 0) with the totals computed from them. min_count <= 1
// suppresses nothing. `also_hidden` lists cells of the augmented table to
// hide in any case (e.g. a total that another table publishing the same
// total had to hide), protected like the others. `people`, when not empty,
// is the augmented table ((R+1) x (C+1), totals included) of the distinct
// people behind each count (counted at least up to min_count): a count of
// min_count or more whose people are fewer is hidden as few_people.
SuppressedTable suppress_table(const std::vector<std::vector<std::int64_t>>& cells, int min_count,
                               const std::vector<std::pair<std::size_t, std::size_t>>& also_hidden = {},
                               const std::vector<std::vector<std::int64_t>>& people = {});

// True when the suppressed value at (r, c) of the augmented table can be
// worked out exactly from what is shown: the shown values and totals and
// the range each marker gives ("<N": 0..N-1, "x": N or more). Exposed for
// tests and for checking.
bool suppressed_cell_determined(const SuppressedTable& t, std::size_t r, std::size_t c);

}  // namespace oppteam
