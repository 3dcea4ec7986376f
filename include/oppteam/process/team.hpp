#pragma once
// Oppfølgingsteam: putting the team together after a granted decision and
// keeping it up to date. Every change is one transaction, audited; members
// are never deleted (removal sets removed_on), so the team's history stays.
// The rules (decision granted, consent for team, a coordinator with a role
// that may coordinate, a GP where required, members only from services the
// person has consented to share with) are checked here and nowhere else.

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/domain/team.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// Parses "NAME:ROLE[:SERVICE]" (or "NAME:ROLE" when `with_service` is
// false), each optionally followed by ":email=ADDRESS" and ":phone=NUMBER".
// Error(usage) when the form is wrong or a key is unknown; Error(data)
// for an address or number that is not one (check_email, check_phone).
// Ids are checked later against the rammeverk.
MemberSpec parse_member_spec(std::string_view text, bool with_service, std::string_view option);

// A meeting participant: "NAME[:ROLE]" with optional ":service=ID",
// ":email=ADDRESS" and ":phone=NUMBER" (role and service need not be
// in the rammeverk: a participant may come from outside the services).
MemberSpec parse_participant_spec(std::string_view text, std::string_view option);

// An e-mail address that is safe to hand to a mail program: LOCAL@DOMAIN,
// at most 254 bytes, no spaces, quotes, commas, angle brackets or
// semicolons, not starting with '-'. Exit 65 otherwise.
void check_email(std::string_view email, std::string_view option);
// A phone number: digits, spaces, '+', '-', '(', ')', at most 32. Exit 65 otherwise.
void check_phone(std::string_view phone, std::string_view option);

// One line of the team's history (from the audit log: who, when, what).
struct TeamEvent {
  std::string at;      // ISO timestamp of the real clock
  std::string on;      // the date the change acted on (--today), YYYY-MM-DD
  std::string actor;
  std::string action;  // team.create, team.add, team.remove, ...
  std::string detail;  // as stored
  std::optional<AuditDetail> what;  // the detail read back as a message (none for free text)
};

// The team as stored with its history.
struct Team : TeamRecord {
  std::vector<TeamEvent> history;
};

struct TeamCreateInput {
  std::string case_number;
  std::string coordinator;       // empty: none named
  std::string coordinator_role;  // empty: the default coordinating role
  std::string coordinator_service;
  std::string gp;                // empty: none named
  std::vector<MemberSpec> members;
  std::vector<MemberSpec> participants;
};

// The e-mail address and phone number known for `name`: the rammeverk's
// [[contact]] first, else the newest team member row with that name that
// holds one, else the newest meeting participant's. Empty fields when none.
Contact contact_details(const Context& ctx, std::string_view name);

// The role a coordinator gets when none is named: "koordinator" when it
// may coordinate, else the first role that may. nullptr when none may.
const Role* default_coordinator_role(const Rammeverk& rv);

// Creates the team of a case (status active) and sets the case active.
// Exit 2 naming the rule when: the case has no granted decision; there is
// no valid consent for team (where required); no coordinator is named
// though rules.coordinator_required; the coordinator's role may not
// coordinate; no GP is named though rules.gp_required; a member's service
// is outside the person's deling: consents; the case already has a team.
// Exit 64 for unknown role or service ids (listing the allowed ones).
Team create_team(const Context& ctx, const TeamCreateInput& input);

// The team of a case with its members and history; audited as a read.
// Exit 1 when the case has no team.
Team show_team(const Context& ctx, std::string_view case_number);

// Adds members, participants and/or a GP to a team that is not closed.
// Same id, consent and sharing rules as create_team; a name already in
// the team is refused (exit 2).
Team add_to_team(const Context& ctx, std::string_view case_number, const std::vector<MemberSpec>& members,
                 const std::vector<MemberSpec>& participants, const std::string& gp);

// A change of a current member's contact details: a value replaces the
// stored one, an empty value removes it, no value leaves it as it is.
struct ContactChange {
  std::optional<std::string> email;
  std::optional<std::string> phone;
};

// Changes the e-mail address and/or phone number of a current member,
// participant or GP of a team that is not closed (the addresses
// `remind --by-person` and examples/remind-mail.sh use). The audit entry
// names the old and the new values. Exit 64 when nothing is given, 65 for
// an implausible address or number, 1 when no current member has the name.
Team change_contact(const Context& ctx, std::string_view case_number, std::string_view name, const ContactChange& change);

// Removes a member by name (sets removed_on; the row stays as history).
// Removing the coordinator leaves the team without one. Exit 1 when no
// member in the team has that name.
Team remove_from_team(const Context& ctx, std::string_view case_number, std::string_view name, const std::string& reason);

// Makes `name` the coordinator (role: `role`, else the member's own role
// when it may coordinate, else the default coordinating role). The former
// coordinator's row gets removed_on; when `name` was an ordinary member,
// that row is closed too and the service is kept.
Team change_coordinator(const Context& ctx, std::string_view case_number, std::string_view name, const std::string& role);

// active -> paused (a reason is required).
Team pause_team(const Context& ctx, std::string_view case_number, const std::string& reason);
// paused -> active; needs valid consent for team again.
Team resume_team(const Context& ctx, std::string_view case_number);
// active|paused -> closed. The case stays active (its plan and final
// evaluation are still open) unless `close_case`, which closes it too
// (exit 2 while the case owes a step of an appeal: require_no_appeal_owed).
Team close_team(const Context& ctx, std::string_view case_number, const std::string& reason, bool close_case);

}  // namespace oppteam
