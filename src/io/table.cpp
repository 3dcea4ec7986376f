#include <oppteam/io/table.hpp>

#include <oppteam/util/text.hpp>

#include <algorithm>
#include <array>

namespace oppteam {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back(text.substr(start));
      break;
    }
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// Splits one word wider than `width` into lines of at most `width` columns:
// after a hyphen inside it when that gives a piece that fits ("Østby-" /
// "Haugland"), else at `width - 1` columns followed by kSplitMark, so that
// a reader sees the word goes on. ANSI escapes are kept whole and take no room.
std::vector<std::string> break_word(std::string_view word, std::size_t width) {
  std::vector<std::string> out;
  std::string_view rest = word;
  while (display_width(rest) > width) {
    std::size_t after_hyphen = 0;  // bytes of the longest prefix ending in '-' that fits
    std::size_t fits_room = 0;     // bytes of the longest prefix within width - 1 (or width 1)
    const std::size_t room = width >= 2 ? width - 1 : 1;
    std::size_t w = 0;
    for (std::size_t i = 0; i < rest.size();) {
      if (auto esc = escape_length(rest, i)) {
        i += esc;
        continue;
      }
      std::size_t len = 0;
      const char32_t cp = decode_utf8(rest, i, len);
      w += codepoint_width(cp);
      if (w > width) break;
      i += len;
      if (w <= room) fits_room = i;
      if (cp == U'-' && i < rest.size()) after_hyphen = i;
    }
    if (fits_room == 0) {  // a character wider than the column: it goes alone
      std::size_t len = 0;
      decode_utf8(rest, 0, len);
      fits_room = len;
    }
    if (after_hyphen > 0) {
      out.emplace_back(rest.substr(0, after_hyphen));
      rest.remove_prefix(after_hyphen);
    } else {
      out.push_back(std::string(rest.substr(0, fits_room)) + (width >= 2 ? std::string(kSplitMark) : std::string()));
      rest.remove_prefix(fits_room);
    }
  }
  out.emplace_back(rest);
  return out;
}

std::string rtrim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string marked_text(const TableCell& c) {
  switch (c.mark) {
    case Mark::overdue: return c.text + " " + std::string(kOverdueMarker);
    case Mark::warning: return c.text + " " + std::string(kWarningMarker);
    case Mark::none: break;
  }
  return c.text;
}

Tone tone_of(Mark m) {
  return m == Mark::overdue ? Tone::overdue : m == Mark::warning ? Tone::warning : Tone::plain;
}

// A count, score or amount: "12", "-1", "+2", "3,5", "<5", "40 %". By hand:
// a regular expression would do the same at many times the cost per cell.
bool looks_numeric(std::string_view t) {
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '<' || t[i] == '>')) ++i;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  std::size_t digits = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  if (digits == 0) return false;
  if (digits > 6 && i == t.size()) return false;  // a personal number or other id, not a quantity
  if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
    ++i;
    std::size_t frac = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++frac;
    if (frac == 0) return false;
  }
  if (i < t.size() && t[i] == ' ') ++i;
  if (i < t.size() && t[i] == '%') ++i;
  return i == t.size();
}

// A date as people read it ("2. mars 2026", "2 March 2026") or ISO: such a
// column is wrapped only when nothing else can give.
bool looks_like_date(std::string_view t) {
  if (t.size() == 10 && t[4] == '-' && t[7] == '-') return true;
  if (t.empty() || t.front() < '0' || t.front() > '9') return false;
  const auto last_space = t.rfind(' ');
  if (last_space == std::string_view::npos || t.size() - last_space - 1 != 4) return false;
  for (std::size_t i = last_space + 1; i < t.size(); ++i)
    if (t[i] < '0' || t[i] > '9') return false;
  return std::count(t.begin(), t.end(), ' ') == 2;
}

}  // namespace

std::string printable(std::string_view text, const TerminalStyle& style) {
  if (!style.colour) return visible(text);
  // The exact codes of paint() (terminal.cpp) pass; anything else is shown.
  static constexpr std::array<std::string_view, 5> kOwn = {"\x1b[1;31m", "\x1b[33m", "\x1b[32m", "\x1b[1m", "\x1b[0m"};
  std::string out;
  std::size_t done = 0;
  for (std::size_t i = text.find('\x1b'); i != std::string_view::npos; i = text.find('\x1b', i + 1)) {
    for (auto code : kOwn) {
      if (text.compare(i, code.size(), code) != 0) continue;
      out += visible(text.substr(done, i - done));
      out += code;
      done = i + code.size();
      break;
    }
  }
  out += visible(text.substr(done));
  return out;
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  std::vector<std::string> out;
  for (auto para : split_lines(text)) {
    if (width == 0 || display_width(para) <= width) {
      out.emplace_back(para);
      continue;
    }
    std::string line;
    std::size_t line_w = 0;
    std::size_t start = 0;
    while (start <= para.size()) {
      auto sp = para.find(' ', start);
      if (sp == std::string_view::npos) sp = para.size();
      // "§ 7-2" is read as one: a paragraph sign goes with the number after
      // it when the two fit on a line together.
      if (sp < para.size() && para.substr(start, sp - start).ends_with("§")) {
        auto next = para.find(' ', sp + 1);
        if (next == std::string_view::npos) next = para.size();
        if (next > sp + 1 && display_width(para.substr(start, next - start)) <= width) {
          sp = next;
          // ... and so does the letter of a paragraph added later: "§ 11 a".
          auto after = para.find(' ', sp + 1);
          if (after == std::string_view::npos) after = para.size();
          const std::string_view letter = para.substr(std::min(sp + 1, para.size()), after - std::min(sp + 1, para.size()));
          if (!letter.empty() && letter[0] >= 'a' && letter[0] <= 'z' &&
              (letter.size() == 1 || (letter.size() == 2 && (letter[1] == ')' || letter[1] == ',' || letter[1] == '.'))) &&
              display_width(para.substr(start, after - start)) <= width)
            sp = after;
        }
      }
      std::string_view word = para.substr(start, sp - start);
      start = sp + 1;
      if (word.empty()) {
        if (sp >= para.size()) break;
        continue;
      }
      const std::size_t ww = display_width(word);
      if (!line.empty() && line_w + 1 + ww <= width) {
        line += ' ';
        line.append(word);
        line_w += 1 + ww;
      } else {
        if (!line.empty()) out.push_back(line);
        line.clear();
        line_w = 0;
        if (ww <= width) {
          line.assign(word);
          line_w = ww;
        } else {
          auto pieces = break_word(word, width);
          for (std::size_t k = 0; k + 1 < pieces.size(); ++k) out.push_back(pieces[k]);
          line = pieces.back();
          line_w = display_width(line);
        }
      }
      if (sp >= para.size()) break;
    }
    out.push_back(line);
  }
  return out;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  const auto w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
  const auto w = display_width(text);
  std::string out = w < width ? std::string(width - w, ' ') : std::string();
  out.append(text);
  return out;
}

std::string mark_legend(Lang lang) { return tr(lang, "ux.legend", kOverdueMarker, kWarningMarker); }

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {
  for (auto& h : headers_) h = visible(h);
}

void Table::add(std::vector<std::string> row) {
  std::vector<TableCell> cells;
  cells.reserve(row.size());
  for (auto& t : row) cells.push_back(TableCell{visible(t), Mark::none});
  rows_.push_back(std::move(cells));
}

void Table::mark(std::size_t column, Mark m) {
  if (rows_.empty()) return;
  auto& row = rows_.back();
  if (row.size() <= column) row.resize(column + 1);
  row[column].mark = m;
}

void Table::align_right(std::size_t column) {
  if (align_.size() <= column) align_.resize(column + 1);
  align_[column] = Align::right;
}

void Table::drop_when_narrow(std::size_t column) { droppable_.push_back(column); }

Table Table::without(std::size_t column) const {
  Table t(*this);
  auto erase_at = [column](auto& v) {
    if (column < v.size()) v.erase(v.begin() + static_cast<std::ptrdiff_t>(column));
  };
  erase_at(t.headers_);
  for (auto& r : t.rows_) erase_at(r);
  erase_at(t.align_);
  t.droppable_.clear();
  for (auto c : droppable_)
    if (c != column) t.droppable_.push_back(c > column ? c - 1 : c);
  return t;
}

void Table::align_left(std::size_t column) {
  if (align_.size() <= column) align_.resize(column + 1);
  align_[column] = Align::left;
}

bool Table::has_marks() const {
  for (const auto& r : rows_)
    for (const auto& c : r)
      if (c.mark != Mark::none) return true;
  return false;
}

std::vector<Align> Table::alignments() const {
  // A column whose cells are all numbers is right-aligned unless the caller
  // chose; so every table's counts and scores line up without asking.
  const std::size_t n = headers_.size();
  std::vector<Align> effective(n, Align::left);
  for (std::size_t i = 0; i < n; ++i) {
    if (i < align_.size() && align_[i]) {
      effective[i] = *align_[i];
      continue;
    }
    bool any = false, all = true;
    for (const auto& r : rows_) {
      // "x" (a count hidden to protect another) and "-" (no value) stand
      // in a column of numbers without making it text.
      if (i >= r.size() || r[i].text.empty() || r[i].text == "x" || r[i].text == "-") continue;
      any = true;
      if (!looks_numeric(r[i].text)) {
        all = false;
        break;
      }
    }
    if (any && all) effective[i] = Align::right;
  }
  return effective;
}

std::vector<std::size_t> Table::column_widths(const TerminalStyle& style) const {
  const std::size_t n = headers_.size();
  const auto effective = alignments();
  auto cell = [&](const std::vector<TableCell>& r, std::size_t i) { return i < r.size() ? marked_text(r[i]) : std::string(); };
  std::vector<std::size_t> widths(n, 0);
  auto widen = [&](std::size_t i, std::string_view text) {
    for (auto l : split_lines(text)) widths[i] = std::max(widths[i], display_width(l));
  };
  for (std::size_t i = 0; i < n; ++i) widen(i, headers_[i]);
  for (const auto& r : rows_)
    for (std::size_t i = 0; i < n; ++i) widen(i, cell(r, i));
  if (style.width == 0) return widths;

  // Narrow columns until the table fits, in four rounds: first the columns
  // of long text, down to their longest word; then every other column except
  // dates and numbers, down to its longest word; then down to the longest
  // part of a hyphenated word (broken after its hyphen); only then the
  // columns of text, down to kMinWidth, splitting words with a visible mark.
  // Dates and numbers never wrap. In each round the widest column gives first.
  constexpr std::size_t kMinWidth = 8;
  constexpr std::size_t kShortText = 16;
  const std::size_t gaps = 2 * (n - 1);
  const std::size_t avail = style.width > gaps ? style.width - gaps : n;
  std::vector<std::size_t> word_w(n, 0), piece_w(n, 0);  // longest word; longest part of a hyphenated one
  std::vector<bool> dates(n, true);
  // The widest word of a column, and the widest piece it can be wrapped into
  // without a mark: a word with hyphens of its own counted by its parts
  // ("Kristiansen-", "Lie"), as wrap_text breaks it.
  auto longest_word = [&](std::size_t i, std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
      auto end = text.find_first_of(" \n", start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view word = text.substr(start, end - start);
      word_w[i] = std::max(word_w[i], display_width(word));
      for (std::size_t from = 0; from < word.size();) {
        auto hyphen = word.find('-', from + 1);
        const std::size_t to = hyphen == std::string_view::npos || hyphen + 1 >= word.size() ? word.size() : hyphen + 1;
        piece_w[i] = std::max(piece_w[i], display_width(word.substr(from, to - from)));
        from = to;
      }
      start = end + 1;
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    longest_word(i, headers_[i]);
    bool any = false;
    for (const auto& r : rows_) {
      const std::string t = cell(r, i);
      longest_word(i, t);
      if (t.empty()) continue;
      any = true;
      if (!looks_like_date(r[i].text)) dates[i] = false;
    }
    if (!any) dates[i] = false;
  }
  std::size_t total = 0;
  for (auto w : widths) total += w;
  auto shrink = [&](const std::vector<std::size_t>& min_w) {
    while (total > avail) {
      std::size_t best = n;
      for (std::size_t i = 0; i < n; ++i)
        if (widths[i] > min_w[i] && (best == n || widths[i] > widths[best])) best = i;
      if (best == n) return;
      --widths[best];
      --total;
    }
  };
  auto whole = [&](std::size_t i) { return effective[i] == Align::right || dates[i]; };
  std::vector<std::size_t> min_w(n);
  for (std::size_t i = 0; i < n; ++i) {
    const bool fixed = whole(i) || widths[i] <= kShortText;
    min_w[i] = fixed ? widths[i] : std::max(kShortText, std::min(widths[i], word_w[i]));
  }
  shrink(min_w);
  for (std::size_t i = 0; i < n; ++i)
    if (!whole(i)) min_w[i] = std::min(widths[i], std::max(word_w[i], std::size_t(1)));
  shrink(min_w);
  for (std::size_t i = 0; i < n; ++i)
    if (!whole(i)) min_w[i] = std::min(widths[i], std::max(piece_w[i], std::size_t(1)));
  shrink(min_w);
  if (total <= avail) return widths;
  for (std::size_t i = 0; i < n; ++i)
    if (!whole(i)) min_w[i] = std::min(widths[i], kMinWidth);
  shrink(min_w);
  return widths;
}

std::string Table::render(const TerminalStyle& style) const {
  const std::size_t n = headers_.size();
  if (n == 0) return {};
  // Rather than wrap, leave out the columns the caller named, in turn.
  if (style.width > 0 && !droppable_.empty()) {
    std::size_t natural = 2 * (n - 1);
    for (auto w : column_widths(TerminalStyle{0, false})) natural += w;
    if (natural > style.width) return without(droppable_.front()).render(style);
  }
  const std::vector<std::size_t> widths = column_widths(style);
  const auto effective = alignments();
  auto cell = [&](const std::vector<TableCell>& r, std::size_t i) { return i < r.size() ? marked_text(r[i]) : std::string(); };
  auto align = [&](std::size_t i) { return effective[i]; };

  // One cell's piece of a line appended to `line`: padded to its column
  // (a right-aligned one before it, the last column not at all), coloured
  // without its padding, then the gap to the next column.
  auto put = [&](std::string& line, std::string_view piece, std::size_t piece_width, std::size_t i, Tone tone) {
    const bool last = i + 1 == n;
    const std::size_t pad = widths[i] > piece_width ? widths[i] - piece_width : 0;
    if (align(i) == Align::right) line.append(pad, ' ');
    if (tone != Tone::plain && !piece.empty()) line += paint(piece, tone, style);
    else line += piece;
    if (align(i) != Align::right && !last) line.append(pad, ' ');
    if (!last) line += "  ";
  };
  // Ends the line begun at `start`: no trailing spaces.
  auto end_line = [](std::string& text, std::size_t start) {
    while (text.size() > start && text.back() == ' ') text.pop_back();
    text += '\n';
  };

  auto emit_row = [&](const std::vector<std::string>& texts, const std::vector<Mark>& marks, bool is_header = false) {
    std::vector<std::vector<std::string>> lines(n);
    std::size_t height = 1;
    for (std::size_t i = 0; i < n; ++i) {
      lines[i] = wrap_text(texts[i], style.width > 0 ? widths[i] : 0);
      height = std::max(height, lines[i].size());
    }
    std::string out;
    for (std::size_t k = 0; k < height; ++k) {
      const std::size_t start = out.size();
      for (std::size_t i = 0; i < n; ++i) {
        const std::string_view piece = k < lines[i].size() ? std::string_view(lines[i][k]) : std::string_view();
        put(out, piece, display_width(piece), i, is_header ? Tone::heading : tone_of(marks[i]));
      }
      end_line(out, start);
    }
    return out;
  };

  std::string out;
  {
    // One allocation for a table of unwrapped rows (a long reminder list).
    std::size_t line = 2 * (n - 1) + 1;
    for (auto w : widths) line += w;
    out.reserve((rows_.size() + 2) * line);
  }
  out += emit_row(headers_, std::vector<Mark>(n, Mark::none), true);  // bold on a terminal
  std::vector<std::string> rule;
  for (auto w : widths) rule.push_back(std::string(w, '-'));
  out += emit_row(rule, std::vector<Mark>(n, Mark::none));
  // Most rows fit on one line each: those are written straight into `out`
  // (a reminder list of a quarter of a million rows spent a tenth of its
  // time allocating each cell's lines); the others go through emit_row.
  const std::string none;
  std::vector<std::size_t> cell_width(n);
  for (const auto& r : rows_) {
    bool one_line = true;
    for (std::size_t i = 0; i < n && one_line; ++i) {
      const TableCell* c = i < r.size() ? &r[i] : nullptr;
      const std::string& text = c ? c->text : none;
      cell_width[i] = display_width(text);
      if (c && c->mark != Mark::none)
        cell_width[i] += 1 + display_width(c->mark == Mark::overdue ? kOverdueMarker : kWarningMarker);
      one_line = text.find('\n') == std::string::npos && (style.width == 0 || cell_width[i] <= widths[i]);
    }
    if (!one_line) {
      std::vector<std::string> texts(n);
      std::vector<Mark> marks(n, Mark::none);
      for (std::size_t i = 0; i < n; ++i) {
        texts[i] = cell(r, i);
        if (i < r.size()) marks[i] = r[i].mark;
      }
      out += emit_row(texts, marks);
      continue;
    }
    const std::size_t line_start = out.size();
    for (std::size_t i = 0; i < n; ++i) {
      if (i < r.size() && r[i].mark != Mark::none) put(out, marked_text(r[i]), cell_width[i], i, tone_of(r[i].mark));
      else put(out, i < r.size() ? std::string_view(r[i].text) : std::string_view(), cell_width[i], i, Tone::plain);
    }
    end_line(out, line_start);
  }
  return out;
}

void FieldList::add(std::string label, std::string value, Mark mark) {
  fields_.emplace_back(visible(label), TableCell{visible(value), mark});
}

bool FieldList::has_marks() const {
  return std::any_of(fields_.begin(), fields_.end(), [](const auto& f) { return f.second.mark != Mark::none; });
}

std::string FieldList::render(const TerminalStyle& style) const {
  std::size_t label_w = 0;
  for (const auto& [label, value] : fields_) label_w = std::max(label_w, display_width(label));
  std::size_t value_w = 0;
  if (style.width > 0) value_w = style.width > label_w + 2 + 20 ? style.width - label_w - 2 : 20;
  std::string out;
  for (const auto& [label, value] : fields_) {
    auto lines = wrap_text(marked_text(value), value_w);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      std::string line = pad_right(k == 0 ? label : std::string(), label_w) + "  ";
      line += value.mark != Mark::none && !lines[k].empty() ? paint(lines[k], tone_of(value.mark), style) : lines[k];
      out += rtrim(line) + "\n";
    }
  }
  return out;
}

std::string heading(std::string_view text, const TerminalStyle& style) { return paint(visible(text), Tone::heading, style); }

std::string wrap_lines(std::string_view text, std::size_t width) {
  if (width == 0) return std::string(text);
  std::string out;
  const auto lines = split_lines(text);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string_view line = lines[k];
    if (display_width(line) <= width) {
      out.append(line);
    } else {
      // The continuation lines start under the text: after the line's own
      // indent, and after a list item's "- " or "* ".
      std::size_t indent = line.find_first_not_of(' ');
      if (indent == std::string_view::npos) indent = 0;
      std::size_t hang = indent;
      if (line.size() > indent + 1 && (line[indent] == '-' || line[indent] == '*') && line[indent + 1] == ' ') hang += 2;
      if (hang + 20 > width) hang = 0;
      const auto pieces = wrap_text(line.substr(hang), width - hang);
      for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (i > 0) out += '\n';
        out += i == 0 ? std::string(line.substr(0, hang)) : std::string(hang, ' ');
        out += pieces[i];
      }
    }
    if (k + 1 < lines.size()) out += '\n';
  }
  return out;
}

}  // namespace oppteam
