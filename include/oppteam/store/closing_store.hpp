#pragma once
// The SQL of closing and reopening a case (case_closing, and the plan's and
// the case's status as a closing leaves them). Typed in, plain rows out;
// the rules (reasons, the reopening period, one open case per person) are
// process/closing.cpp's.

#include <oppteam/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace oppteam {

class ClosingStore {
 public:
  explicit ClosingStore(Database& db) : db_(db) {}

  // A closing as kept: what the case, its team and its plan were ("" for
  // none) when it was closed.
  struct Closing {
    std::int64_t id = 0;
    std::string reason, stage, note, to_municipality, closed_on, closed_by, team_status, plan_status;
  };
  // Stores closing `c` of the case; returns its id.
  std::int64_t add(std::int64_t case_id, const Closing& c);
  // The case's last closing not reopened, when it is the one the case is
  // closed by now (its date is the case's closed_on); none otherwise.
  std::optional<Closing> current(std::int64_t case_id);
  void mark_reopened(std::int64_t closing_id, const std::string& on, const std::string& by, const std::string& reason);

  // The municipality the case was transferred to, none when it was not.
  std::optional<std::string> transferred_to(std::int64_t case_id);
  // The number of another open case of the person, none when there is none.
  std::optional<std::string> other_open_case(std::int64_t person_id, std::int64_t case_id);

  // The status of the case's plan when it is not closed, none otherwise.
  std::optional<std::string> open_plan_status(std::int64_t case_id);
  void close_plan(std::int64_t case_id);
  // Puts the case's plan back to `status`; true when it has one.
  bool reopen_plan(std::int64_t case_id, const std::string& status);

 private:
  Database& db_;
};

}  // namespace oppteam
