#pragma once
// Aligned text for people at a terminal: tables and "label: value" lists.
// Widths are counted in terminal columns (UTF-8 aware: æ, ø, å are one column
// each), long cells wrap at word boundaries to the terminal width, and a cell
// can be marked overdue or as a warning: it then carries a plain marker ("!"
// or "*") that is also coloured when the terminal takes colour (never with
// NO_COLOR or when piped; see terminal.hpp).
//
// Every render takes the style of the output it goes to (the CLI's Session
// owns it, decided once per run from stdout); nothing here reads a global.

#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/util/display_width.hpp>  // display_width, for the users of tables

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oppteam {

// Text for people as it may reach the terminal: visible() (util/text.hpp)
// of all of it (control characters, escape sequences, CR, bidi overrides
// shown, not sent), except the colour codes paint() makes when
// `style.colour` is on. Newlines and tabs stay. Tables, field lists,
// headings and paragraphs apply visible() to their cells themselves; this is
// the last pass over a whole output (Session::emit, error messages).
std::string printable(std::string_view text, const TerminalStyle& style);

// The mark at the end of a line where a word too long for its column was
// split (U+2010 HYPHEN, one column), so that a split word never looks whole.
inline constexpr std::string_view kSplitMark = "\u2010";

// Splits `text` into lines of at most `width` columns, at spaces where it
// can; a word alone too long is split after a hyphen of its own or else
// with kSplitMark. Newlines in the text are kept. `width` 0: only the text's
// own newlines break it.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

// A whole output made to fit `width` columns: every line wider is wrapped at
// word boundaries (wrap_text), its continuation lines indented as the line
// is (and past a list item's "- "). Lines that fit are left as they are, so
// tables laid out for `width` pass unchanged. `width` 0: `text` unchanged.
std::string wrap_lines(std::string_view text, std::size_t width);

// `text` padded with spaces to `width` columns (left or right aligned).
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

enum class Mark { none, warning, overdue };
enum class Align { left, right };

// The plain markers, shown after the cell's text whether or not colour is on
// (so a colour-blind reader or a pipe sees them too).
inline constexpr std::string_view kOverdueMarker = "!";
inline constexpr std::string_view kWarningMarker = "*";

// A table cell or a field's value: its text and its mark. (Not the Cell of
// store/row_source.hpp, which is a value bound to SQL.)
struct TableCell {
  std::string text;
  Mark mark = Mark::none;
};

// One line explaining the markers, e.g. "! = forfalt   * = forfaller snart".
std::string mark_legend(Lang lang);

class Table {
 public:
  // Every header and cell is stored as visible() shows it (util/text.hpp).
  explicit Table(std::vector<std::string> headers);
  void add(std::vector<std::string> row);
  // Marks cell `column` of the row added last.
  void mark(std::size_t column, Mark mark);
  // A column whose cells are all numbers ("12", "-1", "<5", "40 %") is
  // right-aligned by itself; these force one way or the other. A
  // right-aligned column is never wrapped.
  void align_right(std::size_t column);
  void align_left(std::size_t column);
  // A column left out when the table does not fit the terminal as it is
  // (without wrapping); columns named so are left out in the order named,
  // until it fits or none is left.
  void drop_when_narrow(std::size_t column);
  bool empty() const { return rows_.empty(); }
  std::size_t size() const { return rows_.size(); }
  // True when any cell is marked (the caller may then print mark_legend()).
  bool has_marks() const;

  // Two spaces between columns; the header underlined with '-' (and bold
  // when colour is on); no trailing spaces. When the natural width exceeds
  // `style.width`, columns are narrowed (long text first; dates and numbers
  // never) and their cells wrapped onto more lines at word boundaries; a
  // word is split (with kSplitMark) only when the table cannot fit without.
  std::string render(const TerminalStyle& style) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<TableCell>> rows_;
  std::vector<std::optional<Align>> align_;
  std::vector<std::size_t> droppable_;

  std::vector<Align> alignments() const;
  // Column widths for `style` (0 wide: the natural ones).
  std::vector<std::size_t> column_widths(const TerminalStyle& style) const;
  Table without(std::size_t column) const;
};

// A detail screen's "label  value" list: labels padded to the widest one,
// values wrapped to the terminal width with a hanging indent.
class FieldList {
 public:
  void add(std::string label, std::string value, Mark mark = Mark::none);
  bool empty() const { return fields_.empty(); }
  bool has_marks() const;
  std::string render(const TerminalStyle& style) const;

 private:
  std::vector<std::pair<std::string, TableCell>> fields_;
};

// A heading line (bold when colour is on) followed by nothing else.
std::string heading(std::string_view text, const TerminalStyle& style);

}  // namespace oppteam
