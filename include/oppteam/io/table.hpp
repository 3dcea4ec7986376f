#pragma once
// Aligned text tables for people at a terminal. Widths are counted in
// terminal columns (UTF-8 aware: æ, ø, å are one column each).

#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

// Terminal columns taken by a UTF-8 string (combining marks take none,
// East Asian wide characters two).
std::size_t display_width(std::string_view utf8);

class Table {
 public:
  explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  // Renders with two spaces between columns; the header underlined with '-'.
  std::string render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace oppteam
