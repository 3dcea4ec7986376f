#pragma once
// The SQL of closing and reopening a case (case_closing, and what the
// closing rules ask of the case's transfers and other cases). Typed in,
// plain rows out; the rules (reasons, the reopening period, one open case
// per person) are process/closing.cpp's. The case's, team's and plan's own
// statuses are their stores'.

#include <oppteam/domain/case.hpp>
#include <oppteam/domain/plan.hpp>
#include <oppteam/domain/team.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace oppteam {

class ClosingStore {
 public:
  explicit ClosingStore(Database& db) : db_(db) {}

  // A closing as kept: what the case (its stage), its team and its plan
  // were (none: no team or plan open) when it was closed.
  struct Closing {
    std::int64_t id = 0;
    std::string reason;
    CaseStatus stage = CaseStatus::received;
    std::string note, to_municipality, closed_on, closed_by;
    std::optional<TeamStatus> team_status;
    std::optional<PlanStatus> plan_status;
  };
  // Stores closing `c` of the case; returns its id.
  std::int64_t add(std::int64_t case_id, const Closing& c);
  // The case's last closing not reopened, when it is the one the case is
  // closed by now (its date is the case's closed_on); none otherwise. A
  // stored status of no known value is a storage failure (65, store.bad_value).
  std::optional<Closing> current(std::int64_t case_id);
  void mark_reopened(std::int64_t closing_id, const std::string& on, const std::string& by, const std::string& reason);

  // The municipality the case was transferred to, none when it was not.
  std::optional<std::string> transferred_to(std::int64_t case_id);
  // The number of another open case of the person, none when there is none.
  std::optional<std::string> other_open_case(std::int64_t person_id, std::int64_t case_id);

 private:
  Database& db_;
};

}  // namespace oppteam
