#include <oppteam/util/clock.hpp>

#include <date/date.h>

namespace oppteam {

Date Clock::today() const {
  if (fixed_) return *fixed_;
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

std::string Clock::real_timestamp() {
  return date::format("%FT%TZ", std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()));
}

std::string Clock::now_timestamp() const {
  auto now = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  if (fixed_) {
    auto time_of_day = now - std::chrono::floor<std::chrono::days>(now);
    now = *fixed_ + time_of_day;
  }
  return date::format("%FT%TZ", now);
}

}  // namespace oppteam
