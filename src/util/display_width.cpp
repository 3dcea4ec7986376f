#include <oppteam/util/display_width.hpp>

namespace oppteam {

// Hand-written because it is a dozen lines and ICU's UTF-8 macros would pull
// ICU into every user of this header for no gain.
char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  char32_t cp = 0;
  len = 1;
  if (c < 0x80) cp = c;
  else if ((c >> 5) == 0x6) { cp = c & 0x1f; len = 2; }
  else if ((c >> 4) == 0xe) { cp = c & 0x0f; len = 3; }
  else if ((c >> 3) == 0x1e) { cp = c & 0x07; len = 4; }
  else return 0xfffd;  // a stray continuation byte: one replacement column
  if (i + len > s.size()) {
    len = s.size() - i;
    return 0xfffd;
  }
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  return cp;
}

std::size_t codepoint_width(char32_t cp) {
  if (cp < 0x20 || cp == 0x7f) return 0;
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) || cp == 0xfe0f) return 0;
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0x1f300 && cp <= 0x1faff))
    return 2;
  return 1;
}

std::size_t escape_length(std::string_view s, std::size_t i) {
  if (s[i] != '\x1b' || i + 1 >= s.size() || s[i + 1] != '[') return 0;
  std::size_t j = i + 2;
  while (j < s.size() && !(s[j] >= 0x40 && s[j] <= 0x7e)) ++j;
  return j < s.size() ? j - i + 1 : s.size() - i;
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    // Printable ASCII, most of any table, is one column a byte.
    if (const auto b = static_cast<unsigned char>(s[i]); b >= 0x20 && b < 0x7f) {
      ++width;
      ++i;
      continue;
    }
    if (auto esc = escape_length(s, i)) {
      i += esc;
      continue;
    }
    std::size_t len = 0;
    width += codepoint_width(decode_utf8(s, i, len));
    i += len;
  }
  return width;
}

}  // namespace oppteam
