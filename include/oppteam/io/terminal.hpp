#pragma once
// What the terminal a text goes to can show: how wide it is, and whether it
// may be coloured. Colour is used only when the stream is a terminal, NO_COLOR
// is unset (https://no-color.org) and TERM is not "dumb"; never when piped.
// Width comes from the terminal itself (TIOCGWINSZ), else $COLUMNS; a pipe
// gets no wrapping at all unless $COLUMNS is set, so that scripts and grep see
// one line per row.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace oppteam {

struct TerminalStyle {
  std::size_t width = 0;  // columns to wrap at; 0: never wrap
  bool colour = false;    // ANSI colours allowed
};

// Decides the style for output on file descriptor `fd`; `is_tty` says
// whether it is a terminal (the caller knows; tests pass false).
// Reads NO_COLOR, TERM and COLUMNS through `env` (the front end passes
// the environment of its run: tests run it in-process with their own).
using Getenv = std::function<const char*(const char*)>;
TerminalStyle detect_terminal_style(int fd, bool is_tty, const Getenv& env);
// The same with the process's environment.
TerminalStyle detect_terminal_style(int fd, bool is_tty);

enum class Tone { plain, overdue, warning, ok, heading };

// `text` in the colour of `tone` when `style.colour`, else unchanged.
std::string paint(std::string_view text, Tone tone, const TerminalStyle& style);

// Removes ANSI escape sequences (for measuring and for tests).
std::string strip_ansi(std::string_view text);

}  // namespace oppteam
