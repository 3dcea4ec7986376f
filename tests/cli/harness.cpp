#include "cli/harness.hpp"

#include "cli/app.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <pty.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace test {

nlohmann::json Result::json() const {
  INFO("stdout: " << out << "\nstderr: " << err);
  auto j = nlohmann::json::parse(out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "oppteam-test-XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  path_ = buf.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  std::string p = file(name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

std::map<std::string, std::string> environment(const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    auto eq = kv.find('=');
    if (eq == std::string::npos) continue;
    std::string k = kv.substr(0, eq);
    // The locale chooses the language of messages when nothing else does: a
    // test gives LANG itself when it wants one.
    if (k.rfind("OPPTEAM_", 0) == 0 || k.rfind("XDG_", 0) == 0 || k == "NO_COLOR" || k == "LANG" || k == "LC_ALL" ||
        k == "LC_MESSAGES")
      continue;
    vars[k] = kv.substr(eq + 1);
  }
  for (const auto& [k, v] : env) vars[k] = v;
  return vars;
}

Command::Command(const std::string& program, const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env) {
  for (const auto& [k, v] : environment(env)) env_.push_back(k + "=" + v);
  args_.push_back(program);
  args_.insert(args_.end(), args.begin(), args.end());
  for (auto& a : args_) argv_.push_back(a.data());
  argv_.push_back(nullptr);
  for (auto& e : env_) envp_.push_back(e.data());
  envp_.push_back(nullptr);
}

namespace {

const std::thread::id main_thread = std::this_thread::get_id();

// What only a process of its own gives: another binary (a sanitized one,
// how CI runs these tests), another working directory, and a run beside
// others (the concurrency tests run from threads).
bool needs_process(const std::string& cwd) {
  const char* other = std::getenv("OPPTEAM_TEST_BINARY");
  return (other && *other) || !cwd.empty() || std::this_thread::get_id() != main_thread;
}

Result run_in_process(const std::vector<std::string>& args, const std::string& input,
                      const std::map<std::string, std::string>& env) {
  const auto vars = environment(env);
  std::ostringstream out, err;
  std::istringstream in(input);
  Result r;
  r.code = oppteam::cli::run_cli(args, {out, err, in, false, false, false, &vars});
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace

Result run(const std::vector<std::string>& args, const std::string& input, const std::map<std::string, std::string>& env,
           const std::string& cwd) {
  if (!needs_process(cwd)) return run_in_process(args, input, env);
  return run_program(binary(), args, input, env, cwd);
}

Result run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input,
                   const std::map<std::string, std::string>& env, const std::string& cwd) {
  Command command(program, args, env);
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe(in_pipe) || ::pipe(out_pipe) || ::pipe(err_pipe)) throw std::runtime_error("pipe failed");
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) ::close(fd);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) _exit(127);
    ::execve(command.argv()[0], command.argv(), command.envp());
    _exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);

  std::size_t written = 0;
  int in_fd = in_pipe[1];
  if (input.empty()) {
    ::close(in_fd);
    in_fd = -1;
  }
  Result r;
  std::array<char, 65536> buf{};
  bool out_open = true, err_open = true;
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
    if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
    if (in_fd >= 0) fds.push_back({in_fd, POLLOUT, 0});
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (const auto& p : fds) {
      if (!p.revents) continue;
      if (p.fd == in_fd) {
        ssize_t n = ::write(in_fd, input.data() + written, input.size() - written);
        if (n > 0) written += std::size_t(n);
        if (n < 0 || written == input.size()) {
          ::close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      ssize_t n = ::read(p.fd, buf.data(), buf.size());
      if (n <= 0) {
        (p.fd == out_pipe[0] ? out_open : err_open) = false;
        continue;
      }
      (p.fd == out_pipe[0] ? r.out : r.err).append(buf.data(), std::size_t(n));
    }
  }
  if (in_fd >= 0) ::close(in_fd);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

PtyResult run_pty(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& steps,
                  const std::string& home) {
  Command command(args, {{"HOME", home}, {"TERM", "dumb"}});
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execve(command.argv()[0], command.argv(), command.envp());
    _exit(127);
  }
  PtyResult r;
  std::size_t matched_to = 0, step = 0;
  std::array<char, 4096> buf{};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (true) {
    while (step < steps.size()) {
      const auto at = r.out.find(steps[step].first, matched_to);
      if (at == std::string::npos) break;
      matched_to = at + steps[step].first.size();
      const std::string line = steps[step].second + "\n";
      REQUIRE(::write(master, line.data(), line.size()) == ssize_t(line.size()));
      ++step;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      r.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    pollfd p{master, POLLIN, 0};
    const int n = ::poll(&p, 1, 200);
    if (n < 0 && errno != EINTR) break;
    if (n <= 0) continue;
    const ssize_t got = ::read(master, buf.data(), buf.size());
    if (got <= 0) break;  // EIO: the child closed the terminal
    r.out.append(buf.data(), std::size_t(got));
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

int scaled(int n) {
  bool sanitized = false;
#ifdef OPPTEAM_TEST_SANITIZED
  sanitized = true;
#endif
  if (const char* s = std::getenv("OPPTEAM_TEST_SANITIZED"); s && *s && std::string(s) != "0") sanitized = true;
  if (!sanitized) return n;
  return n / 4 > 4 ? n / 4 : (n < 4 ? n : 4);
}

std::string error_key(const Result& r) {
  INFO("exit " << r.code << "\nstdout: " << r.out << "\nstderr: " << r.err);
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE(j.is_object());
  REQUIRE(j.contains("error"));
  REQUIRE(j["error"].contains("key"));
  return j["error"]["key"].get<std::string>();
}

std::string municipality_toml(const std::string& name) {
  return "[municipality]\n" + (name.empty() ? "" : "name = \"" + name + "\"\n") + "allow_synthetic_ids = true\n";
}

void check_fields(const nlohmann::json& object, const nlohmann::json& expected) {
  REQUIRE(expected.is_object());
  for (const auto& field : expected.items()) {
    INFO(field.key());
    CHECK(object.value(field.key(), nlohmann::json()) == field.value());
  }
}

std::string binary() {
  const char* other = std::getenv("OPPTEAM_TEST_BINARY");
  return other && *other ? other : OPPTEAM_BINARY;
}

std::string source_path(const std::string& relative) { return std::string(OPPTEAM_SOURCE_DIR) + "/" + relative; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Fixture::Fixture(const std::string& rammeverk) {
  std::string config = rammeverk.empty() ? source_path("examples/rammeverk.toml") : dir.write("rammeverk.toml", rammeverk);
  auto r = run({"--db", db(), "--as", "test", "init", "--config", config}, "", {{"HOME", dir.path()}});
  INFO(r.err);
  REQUIRE(r.code == 0);
}

Result Fixture::oppteam(std::vector<std::string> args, const std::string& input) {
  std::vector<std::string> all{"--db", db(), "--as", "saksbehandler1"};
  all.insert(all.end(), args.begin(), args.end());
  return run(all, input, {{"HOME", dir.path()}});
}

}  // namespace test
