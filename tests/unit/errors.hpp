#pragma once
// What a call throws, for CHECKs on refusals: its exit code or catalogue key.

#include <oppteam/util/error.hpp>

#include <functional>
#include <string>

namespace unit {

// The exit code of the Error `f` throws, or ok when it throws none.
inline oppteam::ExitCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const oppteam::Error& e) {
    return e.code();
  }
  return oppteam::ExitCode::ok;
}

// The catalogue key of the Error `f` throws, or "" when it throws none.
inline std::string key_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const oppteam::Error& e) {
    return e.key();
  }
  return {};
}

}  // namespace unit
