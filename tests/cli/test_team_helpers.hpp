#pragma once
// Helpers for the assess and team CLI tests: a case driven along the core
// path of SPEC.md (refer add, consent give, assess, decide --grant), and a
// run of the binary behind a pseudo-terminal (forkpty) for the interactive
// assessment. Personal numbers are synthetic (month + 80).

#include "cli/harness.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <map>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace team_test {

inline const char* kFnr = "23923901213";  // synthetic: 23.12.1939, month + 80

// Every answer of the example rammeverk's kjennetegn: total 6 of 12 (threshold 4).
inline std::vector<std::string> kjennetegn_answers() {
  return {"--answer", "flere_diagnoser=ja", "--answer", "funksjonsfall=2",  "--answer", "psykisk_helse=nei",
          "--answer", "rus=nei",            "--answer", "sosiale_forhold=ja", "--answer", "mange_tjenester=ja",
          "--answer", "innleggelser=nei",   "--answer", "parorende_belastning=nei"};
}

inline std::vector<std::string> cat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// refer add as the core path writes it; returns the case number.
inline std::string refer(test::Fixture& f, const std::string& fnr = kFnr) {
  auto r = f.oppteam({"--today", "2026-03-02", "--json", "refer", "add", "--fnr", fnr, "--name", "Per Hansen",
                      "--reporter-type", "fastlege", "--reporter-name", "Dr. Berg", "--received", "2026-03-02", "--need",
                      "Trenger koordinering"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  return r.json().at("case").get<std::string>();
}

inline void consent(test::Fixture& f, const std::string& c, const std::string& scope, const std::string& today = "2026-03-03",
                    const std::string& form = "muntlig") {
  auto r = f.oppteam({"--today", today, "consent", "give", c, "--scope", scope, "--form", form, "--given-by", "person"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
}

inline test::Result assess(test::Fixture& f, const std::string& c, const std::string& assessor, const std::string& profession,
                           const std::string& today = "2026-03-04") {
  return f.oppteam(cat({"--today", today, "--json", "assess", c, "--instrument", "kjennetegn"},
                       cat(kjennetegn_answers(), {"--assessor", assessor, "--profession", profession})));
}

inline void grant(test::Fixture& f, const std::string& c, const std::string& today = "2026-03-10") {
  auto r = f.oppteam({"--today", today, "decide", c, "--grant"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
}

// A case with consent for utredning and team, one assessment and a granted decision.
inline std::string granted_case(test::Fixture& f) {
  std::string c = refer(f);
  consent(f, c, "utredning");
  consent(f, c, "team");
  auto r = assess(f, c, "Ane Lie", "sykepleier");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  grant(f, c);
  return c;
}

inline std::vector<std::string> core_team(const std::string& c) {
  return {"--today", "2026-03-11", "team", "create", c, "--coordinator", "Ane Lie", "--gp", "Dr. Berg",
          "--member", "Ola Dahl:nav_veileder:nav", "--member", "Siri Moe:hjemmesykepleie:hjemmetjenesten"};
}

// Runs oppteam behind a pseudo-terminal. `steps` are (expect, send)
// pairs: wait until the output so far holds `expect` (after what the
// previous step matched), then type `send`. Returns the exit code and all
// that appeared on the terminal.
struct PtyResult {
  int code = -1;
  std::string out;
  bool timed_out = false;
};

inline PtyResult run_pty(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& steps,
                         const std::string& home) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    if (kv.rfind("OPPTEAM_", 0) == 0 || kv.rfind("XDG_", 0) == 0 || kv.rfind("HOME=", 0) == 0 || kv.rfind("TERM=", 0) == 0)
      continue;
    env_strings.push_back(kv);
  }
  env_strings.push_back("HOME=" + home);
  env_strings.push_back("TERM=dumb");
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_strings{OPPTEAM_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  PtyResult r;
  std::size_t matched_to = 0;
  std::size_t step = 0;
  std::array<char, 4096> buf{};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (true) {
    while (step < steps.size()) {
      auto at = r.out.find(steps[step].first, matched_to);
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
    int n = ::poll(&p, 1, 200);
    if (n < 0 && errno != EINTR) break;
    if (n <= 0) continue;
    ssize_t got = ::read(master, buf.data(), buf.size());
    if (got <= 0) break;  // EIO: the child closed the terminal
    r.out.append(buf.data(), std::size_t(got));
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

}  // namespace team_test
