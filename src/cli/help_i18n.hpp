#pragma once
// --help and CLI11's own messages in the user's language (issue 17, point 1).
//
// The English help texts stay where each command declares them (the
// English help). Once the whole command tree is built, localize_help()
// walks every subcommand and option and puts in the text of the help
// catalogue (src/i18n/catalogue_lang_help*.inc) for nb or nn, keyed by the
// command path and the option's name:
//
//   "case list"             the description of `oppteam case list`
//   "case list --status"    the help of its option --status
//   "case show CASE"        the help of its positional argument CASE
//   "oppteam --db"          a global option (the root's own: "oppteam")
//   "* CASE", "* --help"    any command's CASE or --help, unless it has its own
//   "@Usage", "@OPTIONS"    words of the help's layout, group headings, the
//                           root's "@description" and "@footer"
//
// A command added later needs its description and one text per option in
// both nb and nn; missing_help_texts() lists what is missing and a unit
// test fails on it. parse_error_text() gives CLI11's parse errors
// ("CASE is required", "--partial requires --rejects", ...) in the user's
// language from the error's type and the names it carries.

#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/terminal.hpp>

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace oppteam::cli {

// Puts every help text of `root` (recursively) in `lang`; en leaves them.
void localize_help(CLI::App& root, Lang lang);

// "KEY: English text" of every help text of `root` that the catalogue
// lacks in nb or nn (both must be there).
std::vector<std::string> missing_help_texts(const CLI::App& root);

// A CLI11 parse error in `lang`: its message key and text.
struct ParseErrorMessage {
  std::string key;
  std::string text;
};
ParseErrorMessage parse_error_message(const CLI::ParseError& e, Lang lang);

// The language named by the locale ($LC_ALL, $LC_MESSAGES, $LANG, read
// through `env`), if it is Norwegian (nb, nn, no) or English.
std::optional<Lang> locale_lang(const Getenv& env);

}  // namespace oppteam::cli
