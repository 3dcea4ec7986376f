#include <oppteam/process/suppression.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <stdexcept>
#include <utility>

namespace oppteam {

std::string SuppressedTable::display(std::size_t r, std::size_t c) const {
  switch (state[r][c]) {
    case CellState::primary:
      return fmt::format("<{}", min_count);
    case CellState::secondary:
    case CellState::few_people:
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


// What a reader can work out, with the ranges the markers give.
//
// Nodes 0..R are the rows of the augmented table, R+1..R+C+1 its columns.
// A hidden cell may take one step along a cycle: "forward" (row to column)
// changes it by +1 in the sign-flipped table (inner cells and the grand
// total by +1, the other totals by -1), "backward" (column to row) by -1.
// It can take a step when its value stays inside the range its marker
// gives. A hidden value can be worked out exactly if and only if neither of
// its steps lies on a directed cycle of such steps (see suppression.hpp).
struct Steps {
  bool forward = false;
  bool backward = false;
};

constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max();

bool is_total(const SuppressedTable& t, std::size_t r, std::size_t c) {
  return r + 1 == t.values.size() || c + 1 == t.values.front().size();
}

// The steps of (r, c) when it is hidden with `state` (a shown cell asked
// about is taken as it would be hidden: as an "x").
Steps steps_of(const SuppressedTable& t, std::size_t r, std::size_t c, CellState state) {
  const std::int64_t lo = state == CellState::primary ? 0 : t.min_count;
  const std::int64_t hi = state == CellState::primary ? t.min_count - 1 : kUnbounded;
  const std::int64_t v = t.values[r][c];
  const bool up = v < hi, down = v > lo;
  // inner cells and the grand total count as they are; row and column totals flipped
  const bool plus = is_total(t, r, c) ? (r + 1 == t.values.size() && c + 1 == t.values.front().size()) : true;
  return plus ? Steps{up, down} : Steps{down, up};
}

class StepGraph {
 public:
  struct Arc {
    std::size_t to;
    std::size_t cell;  // r * cols + c of the augmented table
  };

  explicit StepGraph(const SuppressedTable& t) : rows_(t.values.size()), cols_(t.values.front().size()) {
    out_.resize(rows_ + cols_);
    in_.resize(rows_ + cols_);
    steps_.assign(rows_ * cols_, Steps{});
    for (std::size_t r = 0; r < rows_; ++r) {
      for (std::size_t c = 0; c < cols_; ++c) {
        if (t.state[r][c] == CellState::shown) continue;
        const Steps s = steps_of(t, r, c, t.state[r][c]);
        const std::size_t cell = r * cols_ + c;
        steps_[cell] = s;
        if (s.forward) add(r, rows_ + c, cell);
        if (s.backward) add(rows_ + c, r, cell);
      }
    }
    components();
  }

  std::size_t row_node(std::size_t cell) const { return cell / cols_; }
  std::size_t col_node(std::size_t cell) const { return rows_ + cell % cols_; }

  // True when hidden `cell` can be worked out: neither of its steps lies on
  // a directed cycle that does not use the cell twice.
  bool determined(std::size_t cell) const {
    const Steps s = steps_[cell];
    const std::size_t row = row_node(cell), col = col_node(cell);
    if (s.forward != s.backward) return component_[row] != component_[col];
    if (!s.forward) return true;
    // both steps: a path between its row and column without the cell itself
    return !reaches(col, row, cell) && !reaches(row, col, cell);
  }

 private:
  void add(std::size_t from, std::size_t to, std::size_t cell) {
    out_[from].push_back({to, cell});
    in_[to].push_back({from, cell});
  }

  bool reaches(std::size_t from, std::size_t to, std::size_t skip) const {
    std::vector<bool> seen(out_.size(), false);
    std::vector<std::size_t> todo{from};
    seen[from] = true;
    while (!todo.empty()) {
      const std::size_t v = todo.back();
      todo.pop_back();
      for (const Arc& a : out_[v]) {
        if (a.cell == skip || seen[a.to]) continue;
        if (a.to == to) return true;
        seen[a.to] = true;
        todo.push_back(a.to);
      }
    }
    return false;
  }

  // Strongly connected components (Kosaraju, iterative).
  void components() {
    const std::size_t n = out_.size();
    std::vector<std::size_t> order;
    order.reserve(n);
    std::vector<bool> seen(n, false);
    for (std::size_t s = 0; s < n; ++s) {
      if (seen[s]) continue;
      std::vector<std::pair<std::size_t, std::size_t>> stack{{s, 0}};
      seen[s] = true;
      while (!stack.empty()) {
        auto& [v, next] = stack.back();
        if (next < out_[v].size()) {
          const std::size_t to = out_[v][next++].to;
          if (!seen[to]) {
            seen[to] = true;
            stack.emplace_back(to, 0);
          }
        } else {
          order.push_back(v);
          stack.pop_back();
        }
      }
    }
    component_.assign(n, n);
    std::size_t id = 0;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      if (component_[*it] != n) continue;
      std::vector<std::size_t> todo{*it};
      component_[*it] = id;
      while (!todo.empty()) {
        const std::size_t v = todo.back();
        todo.pop_back();
        for (const Arc& a : in_[v]) {
          if (component_[a.to] != n) continue;
          component_[a.to] = id;
          todo.push_back(a.to);
        }
      }
      ++id;
    }
  }

  std::size_t rows_, cols_;
  std::vector<std::vector<Arc>> out_, in_;
  std::vector<Steps> steps_;
  std::vector<std::size_t> component_;
};

// The first hidden cell that can be worked out: primary ones (the counts
// suppression exists for) first, then the others, in row order.
std::optional<std::pair<std::size_t, std::size_t>> first_exposed(const SuppressedTable& t) {
  const StepGraph g(t);
  const std::size_t rows = t.values.size(), cols = t.values.front().size();
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c < cols; ++c) {
        const CellState s = t.state[r][c];
        if (s == CellState::shown || (s == CellState::primary) != (pass == 0)) continue;
        if (g.determined(r * cols + c)) return std::pair{r, c};
      }
    }
  }
  return std::nullopt;
}

// Hides the cheapest set of shown cells that gives exposed cell (er, ec) a
// cycle it can step along: the shortest path, through hidden cells for
// free and shown cells at their cost, from one end of one of its steps back
// to the other. Returns false when no such path exists.
bool protect(SuppressedTable& t, std::size_t er, std::size_t ec) {
  const std::size_t rows = t.values.size(), cols = t.values.front().size();
  const std::size_t n = rows + cols;
  const std::int64_t big = t.values[rows - 1][cols - 1] + 1;  // any total costs more than all inner cells
  struct Arc {
    std::size_t to, r, c;
    std::int64_t cost;
  };
  std::vector<std::vector<Arc>> out(n);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) {
      if (r == er && c == ec) continue;
      const bool shown = t.state[r][c] == CellState::shown;
      const Steps s = steps_of(t, r, c, shown ? CellState::secondary : t.state[r][c]);
      const std::int64_t cost = shown ? (is_total(t, r, c) ? big : 0) + t.values[r][c] + 1 : 0;
      if (s.forward) out[r].push_back({rows + c, r, c, cost});
      if (s.backward) out[rows + c].push_back({r, r, c, cost});
    }
  }
  struct Found {
    std::int64_t cost = kUnbounded;
    std::vector<std::pair<std::size_t, std::size_t>> cells;
  };
  auto shortest = [&](std::size_t from, std::size_t to) {
    std::vector<std::int64_t> dist(n, kUnbounded);
    std::vector<const Arc*> via(n, nullptr);
    std::vector<std::size_t> prev(n, n);
    using Item = std::pair<std::int64_t, std::size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    dist[from] = 0;
    queue.push({0, from});
    while (!queue.empty()) {
      auto [d, v] = queue.top();
      queue.pop();
      if (d != dist[v]) continue;
      if (v == to) break;
      for (const Arc& a : out[v]) {
        if (d + a.cost >= dist[a.to]) continue;
        dist[a.to] = d + a.cost;
        via[a.to] = &a;
        prev[a.to] = v;
        queue.push({dist[a.to], a.to});
      }
    }
    Found f;
    if (dist[to] == kUnbounded) return f;
    f.cost = dist[to];
    for (std::size_t v = to; v != from; v = prev[v])
      if (t.state[via[v]->r][via[v]->c] == CellState::shown) f.cells.emplace_back(via[v]->r, via[v]->c);
    return f;
  };
  const Steps s = steps_of(t, er, ec, t.state[er][ec]);
  Found best;
  if (s.forward) best = shortest(rows + ec, er);  // forward is row -> column; back from the column
  if (s.backward) {
    Found other = shortest(er, rows + ec);
    if (other.cost < best.cost) best = std::move(other);
  }
  if (best.cost == kUnbounded || best.cells.empty()) return false;
  for (auto [r, c] : best.cells) t.state[r][c] = CellState::secondary;
  return true;
}

// The cheapest shown cell of the line of (r, c), else of the table: the
// last resort when no path protects an exposed cell.
bool hide_one_near(SuppressedTable& t, std::size_t r0, std::size_t c0) {
  std::optional<std::pair<std::size_t, std::size_t>> best;
  auto consider = [&](std::size_t r, std::size_t c) {
    if (t.state[r][c] != CellState::shown) return;
    if (!best || cost(t, r, c) < cost(t, best->first, best->second)) best = {r, c};
  };
  for (std::size_t c = 0; c < t.values.front().size(); ++c) consider(r0, c);
  for (std::size_t r = 0; r < t.values.size(); ++r) consider(r, c0);
  if (!best)
    for (std::size_t r = 0; r < t.values.size(); ++r)
      for (std::size_t c = 0; c < t.values.front().size(); ++c) consider(r, c);
  if (!best) return false;
  t.state[best->first][best->second] = CellState::secondary;
  return true;
}

}  // namespace

SuppressedTable suppress_table(const std::vector<std::vector<std::int64_t>>& cells, int min_count,
                               const std::vector<std::pair<std::size_t, std::size_t>>& also_hidden,
                               const std::vector<std::vector<std::int64_t>>& people) {
  if (cells.empty() || cells.front().empty()) throw std::invalid_argument("suppress_table: empty table");
  const std::size_t R = cells.size(), C = cells.front().size();
  if (!people.empty() && (people.size() != R + 1 || people.front().size() != C + 1))
    throw std::invalid_argument("suppress_table: people is not the augmented table");
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
      else if (!people.empty() && people[r].size() == C + 1 && people[r][c] < min_count) t.state[r][c] = CellState::few_people;
    }
  }
  for (auto [r, c] : also_hidden) {
    if (r <= R && c <= C && t.state[r][c] == CellState::shown) t.state[r][c] = CellState::secondary;
  }

  // Secondary suppression, three rules, each adding cells until all hold (a
  // table with every cell suppressed satisfies the first two, and the third
  // adds at least one cell each time or stops when none is left, so this
  // ends):
  // - no suppressed cell is a bridge (close_cycles);
  // - no line (row or column, totals included) whose total is shown has
  //   hidden cells that add up to 0: counts are never negative, so each of
  //   them would be 0, a zero the first rule means to hide (zero_line);
  // - no suppressed value can be worked out with the ranges the markers
  //   give ("x, <5, <5, total 5": the x is 5 and both <5 are 0), which
  //   covers the two above and more (first_exposed, protect). The first two
  //   run first so that tables they already protect keep their cells.
  while (true) {
    close_cycles(t, R, C);
    if (const auto line = zero_line(t, R, C)) {
      std::optional<std::pair<std::size_t, std::size_t>> best;
      for (std::size_t i = 0; i < (line->is_row ? C : R); ++i) {  // the line's inner cells first, then its total
        const auto [r, c] = line->is_row ? std::pair{line->index, i} : std::pair{i, line->index};
        if (t.state[r][c] == CellState::shown && (!best || t.values[r][c] < t.values[best->first][best->second])) best = {r, c};
      }
      if (!best) best = line->is_row ? std::pair{line->index, C} : std::pair{R, line->index};
      t.state[best->first][best->second] = CellState::secondary;
      continue;
    }
    const auto exposed = first_exposed(t);
    if (!exposed) break;
    if (!protect(t, exposed->first, exposed->second) && !hide_one_near(t, exposed->first, exposed->second)) break;
  }
  return t;
}

bool suppressed_cell_determined(const SuppressedTable& t, std::size_t r, std::size_t c) {
  if (t.state[r][c] == CellState::shown) return true;
  return StepGraph(t).determined(r * t.values.front().size() + c);
}

}  // namespace oppteam
