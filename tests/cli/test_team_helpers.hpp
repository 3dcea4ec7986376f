#pragma once
// Helpers for the assess and team CLI tests: a case driven along the core
// path of SPEC.md (refer add, consent give, assess, decide --grant), and a
// run of the binary behind a pseudo-terminal (forkpty) for the interactive
// assessment. Personal numbers are synthetic (month + 80).

#include "cli/harness.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
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

// `answers` followed by `more`, where an "--answer ITEM=V" of `more` takes
// the place of ITEM's answer in `answers` (an item may be given once with
// --answer: twice is refused, 64).
inline std::vector<std::string> answered(std::vector<std::string> answers, const std::vector<std::string>& more) {
  for (std::size_t i = 0; i < more.size(); ++i) {
    if (more[i] == "--answer" && i + 1 < more.size() && more[i + 1].find('=') != std::string::npos) {
      const std::string item = more[i + 1].substr(0, more[i + 1].find('=') + 1);
      auto at = std::find_if(answers.begin(), answers.end(), [&](const std::string& a) { return a.rfind(item, 0) == 0; });
      if (at != answers.end()) {
        *at = more[++i];
        continue;
      }
    }
    answers.push_back(more[i]);
  }
  return answers;
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

// A case (of the person `fnr`) with consent for utredning and team, one
// assessment and a granted decision.
inline std::string granted_case(test::Fixture& f, const std::string& fnr = kFnr) {
  std::string c = refer(f, fnr);
  consent(f, c, "utredning");
  consent(f, c, "team");
  auto r = assess(f, c, "Ane Lie", "sykepleier");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  grant(f, c);
  return c;
}

// A case refused on 2026-03-10 (appeal deadline 2026-04-07 under the example rammeverk).
inline std::string refused_case(test::Fixture& f) {
  const std::string c = refer(f);
  consent(f, c, "utredning");
  auto a = assess(f, c, "Ane Lie", "sykepleier");
  INFO(a.err);
  REQUIRE(a.code == 0);
  auto d = f.oppteam({"--today", "2026-03-10", "decide", c, "--refuse", "--grounds", "Behovet dekkes av hjemmetjenesten"});
  INFO(d.err);
  REQUIRE(d.code == 0);
  return c;
}

// Runs `args` on the fixture's database; the run must succeed.
inline test::Result ok(test::Fixture& f, const std::vector<std::string>& args) {
  auto r = f.oppteam(args);
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  return r;
}

inline std::vector<std::string> core_team(const std::string& c) {
  return {"--today", "2026-03-11", "team", "create", c, "--coordinator", "Ane Lie", "--gp", "Dr. Berg",
          "--member", "Ola Dahl:nav_veileder:nav", "--member", "Siri Moe:hjemmesykepleie:hjemmetjenesten"};
}

// The case numbers a `--json case list` run lists, in its order; the run
// must have succeeded.
inline std::vector<std::string> case_numbers(const test::Result& r) {
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = r.json();
  std::vector<std::string> out;
  for (const auto& c : j["cases"]) out.push_back(c["case"].get<std::string>());
  return out;
}

// A granted case (granted_case) with the core team of SPEC.md (core_team:
// Ane Lie coordinates; Ola Dahl and Siri Moe are members).
inline std::string team_case(test::Fixture& f) {
  const std::string c = granted_case(f);
  ok(f, core_team(c));
  return c;
}

}  // namespace team_test
