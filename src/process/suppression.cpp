#include <oppteam/process/suppression.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <utility>

namespace oppteam {

std::string SuppressedTable::display(std::size_t r, std::size_t c) const {
  switch (state[r][c]) {
    case CellState::primary:
      return fmt::format("<{}", min_count);
    case CellState::secondary:
      return "x";
    case CellState::shown:
      break;
  }
  return std::to_string(values[r][c]);
}

namespace {

// The bipartite graph of suppressed cells: nodes 0..R are rows, R+1..R+C+1
// columns; one edge per suppressed cell. Small (report tables are at most a
// few dozen cells), so it is rebuilt on every step.
struct Graph {
  std::size_t rows = 0, cols = 0;
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> adj;  // node -> (neighbour, edge id)
  std::vector<std::pair<std::size_t, std::size_t>> edges;             // edge id -> (row, col) of the cell

  explicit Graph(const SuppressedTable& t) : rows(t.values.size()), cols(t.values.front().size()) {
    adj.resize(rows + cols);
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c < cols; ++c) {
        if (t.state[r][c] == CellState::shown) continue;
        const std::size_t id = edges.size();
        edges.emplace_back(r, c);
        adj[r].emplace_back(rows + c, id);
        adj[rows + c].emplace_back(r, id);
      }
    }
  }

  // The edges that lie on no cycle (Tarjan's bridge search, iterative).
  std::vector<bool> bridges() const {
    const std::size_t n = adj.size();
    std::vector<int> disc(n, -1), low(n, 0);
    std::vector<bool> bridge(edges.size(), false);
    int time = 0;
    struct Frame {
      std::size_t node;
      std::size_t parent_edge;
      std::size_t next;
    };
    const std::size_t none = std::numeric_limits<std::size_t>::max();
    for (std::size_t s = 0; s < n; ++s) {
      if (disc[s] != -1) continue;
      std::vector<Frame> stack{{s, none, 0}};
      disc[s] = low[s] = time++;
      while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.next < adj[f.node].size()) {
          auto [to, id] = adj[f.node][f.next++];
          if (id == f.parent_edge) continue;
          if (disc[to] == -1) {
            disc[to] = low[to] = time++;
            stack.push_back({to, id, 0});
          } else {
            low[f.node] = std::min(low[f.node], disc[to]);
          }
        } else {
          const Frame done = f;
          stack.pop_back();
          if (!stack.empty()) {
            Frame& parent = stack.back();
            low[parent.node] = std::min(low[parent.node], low[done.node]);
            if (low[done.node] > disc[parent.node]) bridge[done.parent_edge] = true;
          }
        }
      }
    }
    return bridge;
  }

  // The nodes reachable from `start` without using edge `skip`.
  std::vector<bool> reach(std::size_t start, std::size_t skip) const {
    std::vector<bool> seen(adj.size(), false);
    std::vector<std::size_t> todo{start};
    seen[start] = true;
    while (!todo.empty()) {
      auto v = todo.back();
      todo.pop_back();
      for (auto [to, id] : adj[v]) {
        if (id == skip || seen[to]) continue;
        seen[to] = true;
        todo.push_back(to);
      }
    }
    return seen;
  }
};

// Cost of suppressing a cell: prefer inner cells to totals, then small values.
std::pair<int, std::int64_t> cost(const SuppressedTable& t, std::size_t r, std::size_t c) {
  const bool total = r + 1 == t.values.size() || c + 1 == t.values.front().size();
  return {total ? 1 : 0, t.values[r][c]};
}

// A suppressed cell that is a bridge of the graph of suppressed cells can be
// computed exactly from the published sums. While some suppressed cell is a
// bridge, suppress the cheapest cell that closes a cycle through it; when
// none can (both ends of the bridge are alone on their side), the cheapest
// cell in its row or column, which joins it to more of the table. Each step
// suppresses one more cell, and a table with every cell suppressed has no
// bridge, so this ends.
void close_cycles(SuppressedTable& t, std::size_t R, std::size_t C) {
  while (true) {
    Graph g(t);
    auto bridge = g.bridges();
    auto it = std::find(bridge.begin(), bridge.end(), true);
    if (it == bridge.end()) break;
    const std::size_t id = std::size_t(it - bridge.begin());
    const auto [br, bc] = g.edges[id];
    const auto side_r = g.reach(br, id);             // rows/cols on the row's side
    const auto side_c = g.reach(g.rows + bc, id);    // on the column's side
    std::optional<std::pair<std::size_t, std::size_t>> best;
    auto consider = [&](std::size_t r, std::size_t c) {
      if (t.state[r][c] != CellState::shown) return;
      if (!best || cost(t, r, c) < cost(t, best->first, best->second)) best = {r, c};
    };
    for (std::size_t r = 0; r <= R; ++r) {
      if (!side_r[r]) continue;
      for (std::size_t c = 0; c <= C; ++c) {
        if (side_c[g.rows + c]) consider(r, c);
      }
    }
    if (!best) {
      for (std::size_t c = 0; c <= C; ++c) consider(br, c);
      for (std::size_t r = 0; r <= R; ++r) consider(r, bc);
    }
    if (!best) {  // cannot happen in a table of at least 2 x 2 augmented cells
      for (std::size_t r = 0; r <= R; ++r)
        for (std::size_t c = 0; c <= C; ++c) consider(r, c);
    }
    if (!best) break;
    t.state[best->first][best->second] = CellState::secondary;
  }
}

struct Line {
  bool is_row;
  std::size_t index;
};

// The first line whose total is shown and whose hidden cells add up to 0,
// if any.
std::optional<Line> zero_line(const SuppressedTable& t, std::size_t R, std::size_t C) {
  auto zero = [&](bool is_row, std::size_t k) {
    const std::size_t n = is_row ? C : R;
    const auto total = is_row ? std::pair{k, C} : std::pair{R, k};
    if (t.state[total.first][total.second] != CellState::shown) return false;
    std::int64_t hidden = t.values[total.first][total.second];
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
      const auto [r, c] = is_row ? std::pair{k, i} : std::pair{i, k};
      if (t.state[r][c] == CellState::shown) hidden -= t.values[r][c];
      else any = true;
    }
    return any && hidden == 0;
  };
  for (std::size_t r = 0; r <= R; ++r)
    if (zero(true, r)) return Line{true, r};
  for (std::size_t c = 0; c <= C; ++c)
    if (zero(false, c)) return Line{false, c};
  return std::nullopt;
}

}  // namespace

SuppressedTable suppress_table(const std::vector<std::vector<std::int64_t>>& cells, int min_count,
                               const std::vector<std::pair<std::size_t, std::size_t>>& also_hidden) {
  if (cells.empty() || cells.front().empty()) throw std::invalid_argument("suppress_table: empty table");
  const std::size_t R = cells.size(), C = cells.front().size();
  SuppressedTable t;
  t.min_count = min_count;
  t.values.assign(R + 1, std::vector<std::int64_t>(C + 1, 0));
  t.state.assign(R + 1, std::vector<CellState>(C + 1, CellState::shown));
  for (std::size_t r = 0; r < R; ++r) {
    if (cells[r].size() != C) throw std::invalid_argument("suppress_table: ragged table");
    for (std::size_t c = 0; c < C; ++c) {
      if (cells[r][c] < 0) throw std::invalid_argument("suppress_table: negative count");
      t.values[r][c] = cells[r][c];
      t.values[r][C] += cells[r][c];
      t.values[R][c] += cells[r][c];
      t.values[R][C] += cells[r][c];
    }
  }
  if (min_count <= 1) return t;

  for (std::size_t r = 0; r <= R; ++r) {
    for (std::size_t c = 0; c <= C; ++c) {
      if (t.values[r][c] < min_count) t.state[r][c] = CellState::primary;
    }
  }
  for (auto [r, c] : also_hidden) {
    if (r <= R && c <= C && t.state[r][c] == CellState::shown) t.state[r][c] = CellState::secondary;
  }

  // Secondary suppression, two rules, each adding one cell at a time until
  // both hold (a table with every cell suppressed satisfies both, so this
  // ends):
  // - no suppressed cell is a bridge (see below);
  // - no line (row or column, totals included) whose total is shown has
  //   hidden cells that add up to 0: counts are never negative, so each of
  //   them would be 0, a zero the first rule means to hide. (A sum of 1 to
  //   min_count - 1 bounds each cell by it, which "<5" says already, and
  //   fixes none.)
  while (true) {
    close_cycles(t, R, C);
    const auto line = zero_line(t, R, C);
    if (!line) break;
    std::optional<std::pair<std::size_t, std::size_t>> best;
    for (std::size_t i = 0; i < (line->is_row ? C : R); ++i) {  // the line's inner cells first, then its total
      const auto [r, c] = line->is_row ? std::pair{line->index, i} : std::pair{i, line->index};
      if (t.state[r][c] == CellState::shown && (!best || t.values[r][c] < t.values[best->first][best->second])) best = {r, c};
    }
    if (!best) best = line->is_row ? std::pair{line->index, C} : std::pair{R, line->index};
    t.state[best->first][best->second] = CellState::secondary;
  }
  return t;
}


bool suppressed_cell_determined(const SuppressedTable& t, std::size_t r, std::size_t c) {
  if (t.state[r][c] == CellState::shown) return true;
  Graph g(t);
  auto bridge = g.bridges();
  for (std::size_t id = 0; id < g.edges.size(); ++id) {
    if (g.edges[id] == std::pair{r, c}) return bridge[id];
  }
  return true;
}

}  // namespace oppteam
