#pragma once
// Small-count suppression for published tables (styringsdata). A table of
// counts is published with its row totals, column totals and grand total.
// Every count below `min_count` (cells and totals alike) is suppressed
// (primary suppression); then further cells are suppressed (secondary
// suppression) until no suppressed value can be computed exactly from what
// is shown, i.e. from the shown cells and the row and column totals.
//
// Why this holds: put the totals into an (R+1) x (C+1) table with the signs
// of the total row and column flipped; then every row and every column of
// that table sums to zero. The changes to the suppressed cells that keep all
// the shown sums are exactly the cycles of the bipartite graph whose nodes
// are the rows and columns and whose edges are the suppressed cells. A
// suppressed cell can be computed exactly if and only if it lies on no cycle
// (it is a bridge). So secondary suppression adds cells until the graph of
// suppressed cells has no bridge. The function is pure and deterministic.

#include <cstdint>
#include <string>
#include <vector>

namespace oppteam {

enum class CellState { shown, primary, secondary };

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
  // "<N" for a primary, "x" for a secondary suppression, else the number.
  std::string display(std::size_t r, std::size_t c) const;
};

// Suppresses `cells` (R rows of C counts, R, C >= 1, all rows the same
// length, counts >= 0) with the totals computed from them. min_count <= 1
// suppresses nothing. `also_hidden` lists cells of the augmented table to
// hide in any case (e.g. a total that another table publishing the same
// total had to hide), protected like the others.
SuppressedTable suppress_table(const std::vector<std::vector<std::int64_t>>& cells, int min_count,
                               const std::vector<std::pair<std::size_t, std::size_t>>& also_hidden = {});

// True when the suppressed value at (r, c) of the augmented table can be
// computed exactly from the shown values and the totals (a bridge of the
// graph of suppressed cells). Exposed for tests and for checking.
bool suppressed_cell_determined(const SuppressedTable& t, std::size_t r, std::size_t c);

}  // namespace oppteam
