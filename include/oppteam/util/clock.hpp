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
  // An ISO-8601 UTC timestamp of the instant the command acts on, for the
  // records of the process (recorded_at, revised_at): with a fixed date,
  // that date and the real time of day.
  std::string now_timestamp() const;
  // An ISO-8601 UTC timestamp of the real clock, whatever date is fixed: the
  // audit log's time (`--today` never sets it).
  static std::string real_timestamp();

 private:
  std::optional<Date> fixed_;
};

}  // namespace oppteam
