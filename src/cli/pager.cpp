#include "cli/pager.hpp"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace oppteam::cli {

namespace {
std::string value(const Getenv& env, const char* name) {
  const char* v = env(name);
  return v ? std::string(v) : std::string();
}
}  // namespace

std::optional<std::string> pager_command(const Getenv& env) {
  if (!value(env, "CI").empty()) return std::nullopt;
  const std::string term = value(env, "TERM");
  if (term.empty() || term == "dumb") return std::nullopt;
  std::string cmd;
  if (const char* own = env("OPPTEAM_PAGER")) cmd = own;
  else if (const char* pager = env("PAGER")) cmd = pager;
  else cmd = "less -FRX";
  if (cmd.find_first_not_of(" \t") == std::string::npos || cmd == "cat") return std::nullopt;
  return cmd;
}

std::size_t terminal_rows(const Getenv& env) {
  winsize ws{};
  if (::ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
  const std::string lines = value(env, "LINES");
  std::size_t n = 0;
  auto [p, ec] = std::from_chars(lines.data(), lines.data() + lines.size(), n);
  if (ec == std::errc() && p == lines.data() + lines.size() && n > 0) return n;
  return 24;
}

bool page_text(const std::string& command, std::string_view text) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return false;
  }
  if (pid == 0) {
    // Under the setgid layout (docs/deployment.md) this process holds the
    // database's group. The pager is the user's own program, and less can
    // start a shell (!cmd, v): it must run as the user alone, or it would
    // reach the database past every check and the audit log. Not dropped:
    // no pager (the caller prints the text).
    const gid_t gid = ::getgid();
    const uid_t uid = ::getuid();
    if (::setresgid(gid, gid, gid) != 0 || ::setresuid(uid, uid, uid) != 0) ::_exit(127);
    ::dup2(fds[0], 0);  // the copy on 0 is not close-on-exec
    ::setenv("LESS", "FRX", 0);  // as git: a bare "less" quits when the text fits
    ::setenv("LV", "-c", 0);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[0]);
  // The reader may quit before reading it all (EPIPE, not a signal), and
  // Ctrl-C belongs to the pager while it runs.
  struct sigaction ignore {}, old_pipe{}, old_int{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old_pipe);
  ::sigaction(SIGINT, &ignore, &old_int);
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fds[1], text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fds[1]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ::sigaction(SIGPIPE, &old_pipe, nullptr);
  ::sigaction(SIGINT, &old_int, nullptr);
  // sh could not run the pager ("not found"): the caller prints the text.
  return !(WIFEXITED(status) && (WEXITSTATUS(status) == 127 || WEXITSTATUS(status) == 126));
}

}  // namespace oppteam::cli
