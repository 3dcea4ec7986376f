#include <oppteam/io/terminal.hpp>

#include <charconv>
#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>

namespace oppteam {

namespace {

std::size_t columns_from_env(const Getenv& env) {
  const char* c = env("COLUMNS");
  if (!c || !*c) return 0;
  std::size_t n = 0;
  std::string_view v(c);
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size()) return 0;
  return n;
}

}  // namespace

TerminalStyle detect_terminal_style(int fd, bool is_tty) {
  return detect_terminal_style(fd, is_tty, [](const char* name) { return std::getenv(name); });
}

TerminalStyle detect_terminal_style(int fd, bool is_tty, const Getenv& env) {
  TerminalStyle s;
  if (is_tty) {
    winsize ws{};
    if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) s.width = ws.ws_col;
    if (s.width == 0) s.width = columns_from_env(env);
    if (s.width == 0) s.width = 80;
    const char* no_colour = env("NO_COLOR");
    const char* term = env("TERM");
    // NO_COLOR: any non-empty value turns colour off (no-color.org).
    s.colour = !(no_colour && *no_colour) && !(term && std::string_view(term) == "dumb");
  } else {
    s.width = columns_from_env(env);
  }
  // A width too small to show anything sensible is treated as no limit.
  if (s.width != 0 && s.width < 20) s.width = 20;
  return s;
}

std::string paint(std::string_view text, Tone tone, const TerminalStyle& style) {
  if (!style.colour || tone == Tone::plain || text.empty()) return std::string(text);
  const char* code = "";
  switch (tone) {
    case Tone::overdue: code = "\x1b[1;31m"; break;  // bold red
    case Tone::warning: code = "\x1b[33m"; break;    // yellow
    case Tone::ok: code = "\x1b[32m"; break;         // green
    case Tone::heading: code = "\x1b[1m"; break;     // bold
    case Tone::plain: break;
  }
  return std::string(code) + std::string(text) + "\x1b[0m";
}

std::string strip_ansi(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7e)) ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace oppteam
