#pragma once
// Helpers for the intake CLI tests: synthetic personal numbers (month + 80,
// never a real person's) and batch files.

#include "cli/harness.hpp"

#include <fmt/format.h>

#include <string>

namespace intake_test {

// The two control digits of a nine-digit prefix, or "" when none exist.
inline std::string control(const std::string& nine) {
  static const int w1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static const int w2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int s = 0;
  for (int i = 0; i < 9; ++i) s += (nine[i] - '0') * w1[i];
  int k1 = (11 - s % 11) % 11;
  if (k1 == 10) return "";
  std::string ten = nine + char('0' + k1);
  s = 0;
  for (int i = 0; i < 10; ++i) s += (ten[i] - '0') * w2[i];
  int k2 = (11 - s % 11) % 11;
  if (k2 == 10) return "";
  return std::string{char('0' + k1), char('0' + k2)};
}

// A valid synthetic fødselsnummer for the birth date (month + 80); `n`
// picks among the valid individual numbers of that day.
inline std::string synthetic_fnr(int day, int month, int year, int n = 0) {
  int individual = year >= 2000 ? 500 : 100;
  for (;; ++individual) {
    std::string nine = fmt::format("{:02}{:02}{:02}{:03}", day, month + 80, year % 100, individual);
    std::string k = control(nine);
    if (k.empty()) continue;
    if (n-- == 0) return nine + k;
  }
}

// The same number with its last digit changed (a bad control digit).
inline std::string bad_control(const std::string& fnr) {
  std::string b = fnr;
  b[10] = b[10] == '9' ? '0' : char(b[10] + 1);
  return b;
}

inline const char* kToday = "2026-03-02";

inline std::string example_rammeverk() { return test::read_file(test::source_path("examples/rammeverk.toml")); }

// The example rammeverk with decisions allowed before any assessment.
inline std::string no_assessment_rammeverk() {
  std::string t = example_rammeverk();
  const std::string from = "assessment_before_decision = true";
  auto at = t.find(from);
  if (at != std::string::npos) t.replace(at, from.size(), "assessment_before_decision = false");
  return t;
}

}  // namespace intake_test
