#pragma once
// The team of a case (oppfølgingsteam) as stored: its status, its members
// (never deleted: a removal sets removed_on) and the team's own reviews.
// Plain values; the rules are in process/team.cpp, the SQL in
// store/team_store.cpp.

#include <oppteam/domain/case.hpp>
#include <oppteam/domain/stored_names.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

// team.status.
enum class TeamStatus { active, paused, closed };
inline constexpr StoredNames<TeamStatus, 3> kTeamStatusNames{
    {{{TeamStatus::active, "active"}, {TeamStatus::paused, "paused"}, {TeamStatus::closed, "closed"}}}};
constexpr std::string_view to_stored(TeamStatus s) { return kTeamStatusNames.of(s); }
constexpr std::optional<TeamStatus> team_status_from(std::string_view text) { return kTeamStatusNames.from(text); }

// team_member.kind.
enum class MemberKind { coordinator, gp, member, participant };
inline constexpr StoredNames<MemberKind, 4> kMemberKindNames{{{{MemberKind::coordinator, "coordinator"},
                                                               {MemberKind::gp, "gp"},
                                                               {MemberKind::member, "member"},
                                                               {MemberKind::participant, "participant"}}}};
constexpr std::string_view to_stored(MemberKind k) { return kMemberKindNames.of(k); }
constexpr std::optional<MemberKind> member_kind_from(std::string_view text) { return kMemberKindNames.from(text); }

// A member as given on the command line: "NAME:ROLE[:SERVICE]", with
// contact details after it as "email=ADDRESS" and "phone=NUMBER".
struct MemberSpec {
  std::string name;
  std::string role;
  std::string service;  // empty: none
  std::string email{};  // empty: none (initialised: {name, role, service} stays a complete initialiser)
  std::string phone{};  // empty: none
};

struct TeamMember {
  std::int64_t id = 0;
  std::string name;
  std::string role;
  std::string service;  // empty: none
  std::string email;    // empty: none
  std::string phone;    // empty: none
  MemberKind kind = MemberKind::member;
  std::string added_on;
  std::string removed_on;  // empty: still in the team
  std::string removed_reason;
  bool active() const { return removed_on.empty(); }
};

// The team row and its members, as stored (the history is the audit log's:
// process/team.hpp's Team adds it).
struct TeamRecord {
  std::int64_t id = 0;
  std::string case_number;
  CaseStatus case_status = CaseStatus::received;
  std::string fnr;
  TeamStatus status = TeamStatus::active;
  std::string created_on;
  std::string created_by;
  std::string paused_on, pause_reason;
  std::string closed_on, close_reason;
  std::vector<TeamMember> members;  // every member ever, in the order added

  // The coordinator in office, if any.
  const TeamMember* coordinator() const;
  const TeamMember* find_active(std::string_view name) const;
};

// One review of the team by itself (issue 15).
struct TeamReview {
  std::string date;  // the day reviewed (--today)
  std::string reviewed_by;
  std::map<std::string, int> answers;  // item id -> 1/0 (yes/no) or the scale value
};

}  // namespace oppteam
