#pragma once
// Text that comes from outside (arguments, files, the database) on its way
// in and on its way out. In: one check for every text a user stores
// (valid UTF-8; no NUL, no control character but tab and newline, and no
// line break in a one-line field). Out: visible() for a terminal, clip()
// for an error that echoes input, dump_json() for a database that holds
// bad bytes from before the check.

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

// True when `text` is well-formed UTF-8 (ICU's converter decides).
bool valid_utf8(std::string_view text);

// What a stored text field may hold.
enum class TextField {
  line,   // one line: a name, an id, a label, a reason
  lines,  // free text (need, goal, grounds, comment): newlines allowed
};

// The first thing wrong with `text` as a field of kind `field`.
struct TextProblem {
  std::string key;        // text.not_utf8, text.nul, text.control or text.line_break
  std::size_t byte = 0;   // 1-based byte position in the text
  std::string shown;      // the offending character as visible() shows it ("\e", "\xE5", "\r")
};
// Tab and newline (LF) are the only control characters allowed, newline
// only in `lines`. CR is refused everywhere: the readers turn a file's CRLF
// line ends into LF before a value gets here, so a CR left in a value is a
// stray one (or a terminal trick). C1 controls (U+0080-U+009F) and DEL are
// control characters too.
std::optional<TextProblem> text_problem(std::string_view text, TextField field = TextField::lines);

// The one check of text entering the library: throws Error(data, exit 65)
// "what: <problem> at byte N" when text_problem() finds something.
void require_text(std::string_view text, std::string_view what, TextField field = TextField::lines);

// True when `email` is an address safe to hand to a mail program:
// LOCAL@DOMAIN, one '@', at most 254 bytes, not starting with '-', and no
// space, control character, quote, comma, semicolon, bracket, backslash,
// backquote, '|' or '$'.
bool plausible_email(std::string_view email);

// `text` made safe to send to a terminal, with what would act on it shown
// instead: ESC as \e, CR as \r, other C0 controls and DEL as \xNN, C1
// controls, the bidi controls (embeddings and overrides U+202A-U+202E,
// isolates U+2066-U+2069, marks U+200E, U+200F, U+061C) and line/paragraph
// separators as <U+XXXX>, a byte that is not UTF-8 as \xNN. Tab and newline
// are kept with `keep_lines`; otherwise shown as \t and \n (a one-line
// field cannot forge another line). The one rule of what a reader is shown:
// the terminal, the HTML plan document and every PDF (render_pdf) apply it
// alike, so a document says what the officer read.
std::string visible(std::string_view text, bool keep_lines = true);

// At most `max_bytes` of `text` (cut at a character boundary, "…" added),
// for an error message that echoes input.
inline constexpr std::size_t kEchoBytes = 200;
std::string clip(std::string_view text, std::size_t max_bytes = kEchoBytes);
// clip() of each argument of an error message.
std::vector<std::string> clip_all(const std::vector<std::string>& args, std::size_t max_bytes = kEchoBytes);

// `s` without leading and trailing spaces, tabs and line ends.
std::string trim(std::string_view s);
// The same as a view into `s` (no copy).
std::string_view trimmed(std::string_view s);

// `parts` with `sep` between them ("a, b, c").
std::string join(const std::vector<std::string>& parts, std::string_view sep = ", ");

// JSON text of `doc` (indent as nlohmann's dump()). A string that is not
// UTF-8 (stored before the checks above) comes out with U+FFFD in place of
// its bad bytes instead of failing; `replaced` tells whether that happened.
std::string dump_json(const nlohmann::json& doc, int indent, bool& replaced);

}  // namespace oppteam
