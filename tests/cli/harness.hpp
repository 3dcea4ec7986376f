#pragma once
// Runs oppteam in a fresh temporary directory and captures its exit code,
// stdout and stderr. Every CLI test uses this. A run is in-process, through
// run_cli() (src/cli/app.hpp), when that is the same as starting the binary;
// otherwise (OPPTEAM_TEST_BINARY set, a working directory of its own, a run
// from another thread) it starts the real binary.

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace test {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
  nlohmann::json json() const;  // stdout parsed as JSON (fails the test if it is not)
};

// The oppteam binary under test: $OPPTEAM_TEST_BINARY when set (another
// build: a sanitized one, or the commit before a fix), else this build's.
std::string binary();

// The environment of a run: the test's own without OPPTEAM_*, XDG_*,
// NO_COLOR, LANG and LC_*, with `env` on top.
std::map<std::string, std::string> environment(const std::map<std::string, std::string>& env);

// argv and envp for running the oppteam binary under test (environment()).
class Command {
 public:
  Command(const std::vector<std::string>& args, const std::map<std::string, std::string>& env)
      : Command(binary(), args, env) {}
  Command(const std::string& program, const std::vector<std::string>& args, const std::map<std::string, std::string>& env);
  Command(const Command&) = delete;
  Command& operator=(const Command&) = delete;
  char* const* argv() { return argv_.data(); }
  char* const* envp() { return envp_.data(); }

 private:
  std::vector<std::string> args_, env_;
  std::vector<char*> argv_, envp_;
};

// A temporary directory, removed with everything in it at the end of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  // Writes `content` to `name` inside the directory; returns the full path.
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

// Runs `oppteam ARGS` with `input` on stdin, in `cwd`, with the environment
// of the test plus `env` (OPPTEAM_* of the caller are cleared first, and
// HOME/XDG_* point into the temporary directory so nothing leaks out).
// In-process unless OPPTEAM_TEST_BINARY is set, `cwd` is given or the
// caller is not the main thread (run_cli() sets the output style, a global).
Result run(const std::vector<std::string>& args, const std::string& input = "",
           const std::map<std::string, std::string>& env = {}, const std::string& cwd = "");
// The same with another copy of the binary (`program`: a path).
Result run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input = "",
                   const std::map<std::string, std::string>& env = {}, const std::string& cwd = "");

// Runs oppteam behind a pseudo-terminal (stdin, stdout and stderr all the
// terminal, as for a person; TERM=dumb, HOME=`home`). `steps` are (expect,
// send) pairs: wait until the output holds `expect` after what the previous
// step matched, then type `send` and Enter. Gives up after 30 seconds.
struct PtyResult {
  int code = -1;
  std::string out;  // all that appeared on the terminal
  bool timed_out = false;
};
PtyResult run_pty(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& steps,
                  const std::string& home);

// A temporary directory holding an initialised database `k.db` made from
// the example rammeverk, and helpers to run commands against it.
class Fixture {
 public:
  explicit Fixture(const std::string& rammeverk = "");
  Result oppteam(std::vector<std::string> args, const std::string& input = "");
  std::string db() const { return dir.file("k.db"); }
  TempDir dir;
};

// Pieces of a test's own rammeverk (the built-in defaults for the rest):
// a [municipality] that allows synthetic personal numbers, named `name`
// unless it is empty, and [rules] under which a case needs no consent and
// is decided without an assessment (a test that reaches later steps soon).
std::string municipality_toml(const std::string& name = "");
inline constexpr const char* kQuickRulesToml = "[rules]\nconsent_required_for = []\nassessment_before_decision = false\n";

// The number of rounds of a stress test: `n` in a plain build, a quarter
// (at least 4) under a sanitizer, where every process runs about ten times
// slower. The sanitizer runs look for memory and thread errors, which a
// few rounds find as well as many; the plain build keeps the full count.
// A sanitized build of these tests is one; so is a plain build run against
// a sanitized binary with OPPTEAM_TEST_SANITIZED=1 (how .ci/run does it).
int scaled(int n);

// The message key of the error a run ended with, from the error object of
// its --json output (SPEC.md): a test asserts on the key and the exit code,
// not on wording that changes with the language. The run must have had
// --json; fails the test when stdout holds no error object.
std::string error_key(const Result& r);

// Checks each key of `expected` (a JSON object) against the same key of
// `object`: one CHECK a key, the key named when it fails (a missing key
// reads as null). For a JSON answer whose fields a test lists as a table.
void check_fields(const nlohmann::json& object, const nlohmann::json& expected);

std::string source_path(const std::string& relative);
std::string read_file(const std::string& path);

}  // namespace test
