#pragma once
// A long text at a terminal goes through a pager, as git does: $OPPTEAM_PAGER,
// else $PAGER, else "less -FRX" (quit at once when it fits, keep colours,
// leave the text on the screen). Never when stdout is not a terminal, under
// CI ($CI set), when TERM is unset or "dumb", with --no-pager, or when the
// pager named is "" or "cat".

#include <oppteam/io/terminal.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace oppteam::cli {

// The pager command to use for output on a terminal, or none (the rules above).
std::optional<std::string> pager_command(const Getenv& env);

// The terminal's height in lines (TIOCGWINSZ on stdout, else $LINES, else 24).
std::size_t terminal_rows(const Getenv& env);

// Runs `command` with `text` on its standard input and waits for it; the
// pager writes to our stdout. False when it could not be run (the caller
// then prints the text itself); a pager the reader quits early is fine.
bool page_text(const std::string& command, std::string_view text);

}  // namespace oppteam::cli
