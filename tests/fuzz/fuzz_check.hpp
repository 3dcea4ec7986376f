#pragma once
// What every fuzz target treats as a bug: any exception other than
// oppteam::Error with the exit code the input may earn, and any broken
// promise of the code under test (checked with require()).

#include <oppteam/util/error.hpp>

#include <cstdio>
#include <cstdlib>

namespace fuzz {

// Aborts (libFuzzer then saves the input as a crash) with a message.
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz: broken promise: %s\n", what);
  std::abort();
}

inline void require(bool ok, const char* what) {
  if (!ok) fail(what);
}

// Runs f; an oppteam::Error with `allowed` exit code is the expected answer
// to bad input, anything else escaping is a bug.
template <typename F>
void expect_only(oppteam::ExitCode allowed, F&& f) {
  try {
    f();
  } catch (const oppteam::Error& e) {
    if (e.code() != allowed) fail(e.what());
  }
}

}  // namespace fuzz
