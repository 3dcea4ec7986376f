#pragma once
// How wide a text is at a terminal or in a fixed-width document: UTF-8
// decoded a code point at a time, each counted in columns (æ, ø, å one
// column each, combining marks none, East Asian wide characters two, ANSI
// colour escapes none). Tables (io/table.hpp) and the documents that
// underline their headings (documents/compose) count with it alike.

#include <cstddef>
#include <string_view>

namespace oppteam {

// Terminal columns taken by a UTF-8 string (combining marks take none,
// East Asian wide characters two; ANSI colour escapes none).
std::size_t display_width(std::string_view utf8);

// The UTF-8 code point at s[i] (i < s.size()); sets `len` to its length in
// bytes. A stray or cut-off byte sequence is U+FFFD, one column.
char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len);

// Columns taken by one code point (0, 1 or 2).
std::size_t codepoint_width(char32_t cp);

// Length in bytes of the ANSI escape sequence ("ESC [ ... final byte")
// starting at s[i], or 0 when none starts there.
std::size_t escape_length(std::string_view s, std::size_t i);

}  // namespace oppteam
