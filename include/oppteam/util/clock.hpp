#pragma once
// Time comes from a Clock so that `--today` and tests can fix it.

#include <chrono>
#include <optional>
#include <string>

namespace oppteam {

using Date = std::chrono::sys_days;

class Clock {
 public:
  // A clock on the real date, or fixed on `today` when given.
  explicit Clock(std::optional<Date> today = std::nullopt) : fixed_(today) {}

  // The date the command acts on.
  Date today() const;
  // An ISO-8601 UTC timestamp; with a fixed date, that date and the real time of day.
  std::string now_timestamp() const;

 private:
  std::optional<Date> fixed_;
};

}  // namespace oppteam
