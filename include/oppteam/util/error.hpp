#pragma once
// The one error type of oppteam. It carries the exit code of SPEC.md and a
// message-catalogue key with its arguments, so the front end can render it in
// the user's language; what() gives the English text for logs and tests.

#include <stdexcept>
#include <string>
#include <vector>

namespace oppteam {

// Exit codes promised to scripts (SPEC.md, "Exit codes").
enum class ExitCode : int {
  ok = 0,
  not_found = 1,
  refused = 2,
  usage = 64,
  data = 65,
  no_input = 66,
  cant_create = 73,
  io = 74,
  temp_fail = 75,
  permission = 77,
  config = 78,
};

class Error : public std::runtime_error {
 public:
  // `key` names a message in the catalogue; `args` fill its {} placeholders.
  Error(ExitCode code, std::string key, std::vector<std::string> args = {});

  ExitCode code() const noexcept { return code_; }
  const std::string& key() const noexcept { return key_; }
  const std::vector<std::string>& args() const noexcept { return args_; }

  // Extra lines (e.g. every problem of a config file, every bad import row),
  // each a catalogue key with its arguments.
  struct Detail {
    std::string key;
    std::vector<std::string> args;
  };
  std::vector<Detail> details;

 private:
  ExitCode code_;
  std::string key_;
  std::vector<std::string> args_;
};

// Why a system call failed (`err`, an errno value), as an argument of an
// error message: in the reader's language for the common reasons (a folder
// or file that does not exist, no access, a full disk, a read-only file
// system, a folder where a file was meant and the reverse, a name taken),
// else the C library's own text.
std::string errno_reason(int err);

// Convenience: an Error with arguments of any type formattable by fmt.
template <typename... Args>
Error make_error(ExitCode code, std::string key, const Args&... args);

}  // namespace oppteam

#include <fmt/format.h>

namespace oppteam {
template <typename... Args>
Error make_error(ExitCode code, std::string key, const Args&... args) {
  return Error(code, std::move(key), std::vector<std::string>{fmt::format("{}", args)...});
}
}  // namespace oppteam
