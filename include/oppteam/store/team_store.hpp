#pragma once
// The SQL of teams (team, team_member) and of the team's own reviews
// (team_review). Typed in, domain values out; no rule: which member may be
// added, who may coordinate, when a team may be paused are process/team.cpp's.

#include <oppteam/domain/team.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// The team row of a case as the rules of plans, evaluations and meetings
// need it.
struct TeamState {
  std::int64_t id = 0;
  TeamStatus status = TeamStatus::active;
};

class TeamStore {
 public:
  explicit TeamStore(Database& db) : db_(db) {}

  // The team of case `case_id` with every member ever (in the order added)
  // and the case's status; none when the case has no team. case_number and
  // fnr are left empty (the caller knows the case). A stored status or kind
  // of no known value is a storage failure (65, store.bad_value).
  std::optional<TeamRecord> find(std::int64_t case_id);
  // The status of the case's team, none when it has no team.
  std::optional<TeamStatus> status_of(std::int64_t case_id);
  // The case's team row (id and status), none when it has no team.
  std::optional<TeamState> state(std::int64_t case_id);
  // The team's current members: the coordinator first, then participant,
  // gp, members (each in the order added).
  std::vector<TeamMember> current_members(std::int64_t case_id);
  // True when `name` is a current member of the case's team.
  bool is_current_member(std::int64_t case_id, const std::string& name);

  // A new active team; returns its id.
  std::int64_t create(std::int64_t case_id, const std::string& created_on, const std::string& created_by);
  // A member row (kind: to_stored(MemberKind)) added on `added_on`; empty
  // service, email and phone are stored as none. Returns its id.
  std::int64_t add_member(std::int64_t team_id, const MemberSpec& m, MemberKind kind, const std::string& added_on);
  // Ends a member row on `on` (empty reason: none).
  void close_member(std::int64_t member_id, const std::string& on, const std::string& reason);
  // Sets (empty: removes) a member's e-mail address or phone number.
  void set_email(std::int64_t member_id, const std::string& email);
  void set_phone(std::int64_t member_id, const std::string& phone);

  void pause(std::int64_t team_id, const std::string& on, const std::string& reason);
  // Pauses the case's team when it is active; true when it did.
  bool pause_if_active(std::int64_t case_id, const std::string& on, const std::string& reason);
  void resume(std::int64_t team_id);
  void close(std::int64_t team_id, const std::string& on, const std::string& reason);
  // Puts the case's team back to `status` (not closed); true when it has one.
  bool reopen(std::int64_t case_id, TeamStatus status);

  // The e-mail addresses and phone numbers stored for members named `name`
  // (never meeting participants'), current members first, newest first.
  struct ContactRow {
    std::string email, phone;  // empty: none
  };
  std::vector<ContactRow> contacts_named(const std::string& name);

  // Team reviews: one stored, the case's oldest first, and per period
  // (`period_expr`: SQL over r.reviewed_on) and item the number of answers
  // and their sum, for reviews dated from..to.
  void add_review(std::int64_t case_id, const TeamReview& r);
  std::vector<TeamReview> reviews(std::int64_t case_id);
  // The answers to one item in one period about one person (the case's).
  struct ReviewCountRow {
    std::string period, item;
    std::int64_t person = 0, reviews = 0, sum = 0;
  };
  std::vector<ReviewCountRow> review_counts(const std::string& from, const std::string& to, const std::string& period_expr);

 private:
  Database& db_;
};

}  // namespace oppteam
