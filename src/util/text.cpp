#include <oppteam/util/text.hpp>

#include <oppteam/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <unicode/utf8.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <climits>

namespace oppteam {

namespace {

// Walks `text` one character at a time: `f(byte_offset, length, code_point)`,
// the code point negative for a byte that is not (part of) well-formed UTF-8.
// ICU's U8_NEXT decides what is well-formed (no overlong forms, no
// surrogates, nothing above U+10FFFF). Stops when `f` returns false.
template <typename F>
void each_char(std::string_view text, F&& f) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = text.size() > static_cast<std::size_t>(INT32_MAX) ? INT32_MAX : static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (!f(std::size_t(start), std::size_t(i - start), c)) return;
  }
}

bool is_control(UChar32 c) { return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f); }

// Characters that reorder or break what is shown around them: Unicode's
// Bidi_Control characters (the embeddings and overrides U+202A-U+202E, the
// isolates U+2066-U+2069, the marks U+200E, U+200F and U+061C) and the line
// and paragraph separators.
bool is_display_trick(UChar32 c) {
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c ||
         c == 0x2028 || c == 0x2029;
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  for (unsigned char b : bytes) out += fmt::format("\\x{:02X}", b);
  return out;
}

// How visible() shows the control character `c` (ASCII or C1).
std::string shown_control(UChar32 c) {
  switch (c) {
    case 0x1b: return "\\e";
    case '\r': return "\\r";
    case '\n': return "\\n";
    case '\t': return "\\t";
    case 0: return "\\0";
    default: break;
  }
  if (c < 0x80) return fmt::format("\\x{:02X}", c);
  return fmt::format("<U+{:04X}>", c);
}

}  // namespace

bool valid_utf8(std::string_view text) {
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) return false;
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  // Preflight only (no output buffer): ICU reports U_BUFFER_OVERFLOW_ERROR
  // for good input and U_INVALID_CHAR_FOUND for a malformed sequence.
  u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
  return status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status);
}

std::optional<TextProblem> text_problem(std::string_view text, TextField field) {
  if (text.size() > static_cast<std::size_t>(INT32_MAX))
    return TextProblem{"text.not_utf8", std::size_t(INT32_MAX) + 1, ""};
  std::optional<TextProblem> found;
  each_char(text, [&](std::size_t at, std::size_t len, UChar32 c) {
    if (c < 0) found = TextProblem{"text.not_utf8", at + 1, hex_bytes(text.substr(at, len))};
    else if (c == 0) found = TextProblem{"text.nul", at + 1, shown_control(c)};
    else if (c == '\n' && field == TextField::line) found = TextProblem{"text.line_break", at + 1, shown_control(c)};
    else if (is_control(c) && c != '\t' && c != '\n') found = TextProblem{"text.control", at + 1, shown_control(c)};
    return !found;
  });
  return found;
}

void require_text(std::string_view text, std::string_view what, TextField field) {
  if (auto p = text_problem(text, field)) throw make_error(ExitCode::data, p->key, what, p->byte, p->shown);
}

std::string visible(std::string_view text, bool keep_lines) {
  // Printable ASCII (most text), and the line breaks and tabs kept, pass a
  // byte at a time; only the other characters are decoded. (A table of a
  // quarter of a million reminders is shown through here whole.)
  const auto plain = [keep_lines](char ch) { return (ch >= 0x20 && ch < 0x7f) || (keep_lines && (ch == '\n' || ch == '\t')); };
  std::size_t i = 0;
  while (i < text.size() && plain(text[i])) ++i;
  if (i == text.size()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t run = 0;  // where the characters shown as they are, not yet copied, begin
  while (i < text.size()) {
    if (plain(text[i])) {
      ++i;
      continue;
    }
    const std::size_t at = i;
    std::size_t len = 0;
    UChar32 c = 0;
    each_char(text.substr(at), [&](std::size_t, std::size_t n, UChar32 first) {
      len = n;
      c = first;
      return false;  // the first character only
    });
    i = at + len;
    std::string shown;
    if (c < 0) shown = hex_bytes(text.substr(at, len));
    else if (is_control(c)) shown = shown_control(c);
    else if (is_display_trick(c)) shown = fmt::format("<U+{:04X}>", c);
    else continue;
    out.append(text.substr(run, at - run));
    out += shown;
    run = i;
  }
  out.append(text.substr(run));
  return out;
}

std::string clip(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  // Back to the first byte of a character (not a UTF-8 continuation byte).
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

std::vector<std::string> clip_all(const std::vector<std::string>& args, std::size_t max_bytes) {
  std::vector<std::string> out;
  out.reserve(args.size());
  for (const auto& a : args) out.push_back(clip(a, max_bytes));
  return out;
}

std::string dump_json(const nlohmann::json& doc, int indent, bool& replaced) {
  replaced = false;
  try {
    return doc.dump(indent);
  } catch (const nlohmann::json::type_error&) {  // 316: a string that is not UTF-8
    replaced = true;
    return doc.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) { return fmt::format("{}", fmt::join(parts, sep)); }

std::string trim(std::string_view s) { return std::string(trimmed(s)); }

std::string_view trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

bool plausible_email(std::string_view email) {
  const auto at = email.find('@');
  bool ok = !email.empty() && email.size() <= 254 && email.front() != '-' && at != std::string_view::npos && at > 0 &&
            at + 1 < email.size() && email.find('@', at + 1) == std::string_view::npos;
  constexpr std::string_view kRefused = "\"'(),;<>[]\\`|$";
  for (char ch : email) {
    const auto u = static_cast<unsigned char>(ch);
    ok = ok && u > ' ' && u != 0x7f && kRefused.find(ch) == std::string_view::npos;
  }
  return ok;
}

}  // namespace oppteam
