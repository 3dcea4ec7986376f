#pragma once
// Who may do what ([access] in the rammeverk). With `enforce = false` (the
// default) everyone may do everything; with `enforce = true` the acting user
// must hold a role whose permissions include the one asked for.
//
// Permissions are names like "plan.write"; a role may list "*" (all),
// "area.*" (every permission of an area, and the bare "area"), or an exact
// name. A permission prefixed with "coordinated:" (e.g.
// "coordinated:plan.*") holds only in cases whose team the acting user
// coordinates (team_member kind 'coordinator', not removed, with the acting
// user's name). A permission prefixed with "owned:" (e.g. "owned:case.*")
// holds only in cases the acting user owns (case assign, issue 14).
//
// Built-in roles (usable in [[access.user]] roles without defining them; a
// file's [[access.role]] with the same id replaces the built-in one):
//   saksbehandler  all case work (refer, consent, assess, decide, team, plan,
//                  evaluate, remind, case and person reads and exports)
//   koordinator    plan, evaluate and read a case, only in teams they coordinate
//   leder          decide, report, read a case, audit, purge, check
//   it             import, remind, verify the audit log, encrypted backups and
//                  the health check; never a case's content
//   rapport        report only

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

// The scope prefix of a permission that holds only in coordinated teams.
inline constexpr std::string_view kCoordinatedPrefix = "coordinated:";
// The scope prefix of a permission that holds only in the cases the user owns.
inline constexpr std::string_view kOwnedPrefix = "owned:";
// The permission that lets a login act under another name (--as, $OPPTEAM_USER).
inline constexpr std::string_view kActAsPermission = "access.act_as";

// The built-in role definitions listed above: builtin_access_roles() in
// include/oppteam/config/rammeverk.hpp.

// The role `id` in force: the rammeverk's own, else the built-in one; nullptr when neither.
const AccessRole* find_access_role(const Rammeverk& rv, std::string_view id);

// Where `user` holds `permission`.
enum class Grant {
  none,         // nowhere
  coordinated,  // only in some cases: those whose team the user coordinates, or owns ("owned:")
  everywhere,
};
Grant grant_of(const Rammeverk& rv, std::string_view user, std::string_view permission);

// The numbers of the cases in which the actor holds `permission` when it is
// held only in some (Grant::coordinated): the cases whose team they
// coordinate now (coordinated:) and those they own (owned:).
std::vector<std::string> cases_granted(const Context& ctx, std::string_view permission);

// True when `user` holds `permission` everywhere under `rv` (no audit, no
// throw). Always true when access is not enforced.
bool permitted(const Rammeverk& rv, std::string_view user, std::string_view permission);

// The unit's leaders: the [[access.user]] entries whose roles grant `approve`
// everywhere (whatever the role is called). They see escalated items and
// pending approvals in `remind`. Read from the roles even when access is not
// enforced, so that the list is the same either way.
std::vector<std::string> leaders(const Rammeverk& rv);

// Every operation checks its own permission (issue 16): the library's
// operations call the functions below, the command line never does. A
// refusal is audited ("access.refused") and thrown as Error(permission,
// exit 77); found inside a transaction, it is recorded just after that
// transaction is rolled back (Database::after_transaction).

// Requires `permission` everywhere.
void authorize(const Context& ctx, std::string_view permission);

// Passes when the user holds `permission` everywhere or only in some cases
// (coordinated: or owned:); refuses as authorize() does otherwise. An
// operation on one case calls it first, before any other check, so that a
// user without the permission anywhere learns nothing of the case or of
// the operation's rules; authorize_case then settles it for the case.
void authorize_some(const Context& ctx, std::string_view permission);

// A case found and authorised for one permission. Only authorize_case
// makes one, so an operation given one knows that the acting user holds
// the permission in this very case; it is the case as looked up then, and
// the operation uses it instead of looking the case up again.
class AuthorisedCase {
 public:
  const CaseRef& ref() const { return case_; }
  operator const CaseRef&() const { return case_; }
  const CaseRef* operator->() const { return &case_; }
  // The permission the acting user was found to hold in the case.
  const std::string& permission() const { return permission_; }

 private:
  AuthorisedCase(CaseRef c, std::string_view permission) : case_(std::move(c)), permission_(permission) {}
  friend AuthorisedCase authorize_case(const Context& ctx, std::string_view permission, const CaseRef& c);

  CaseRef case_;
  std::string permission_;
};

// Requires `permission` in the case `c`: held everywhere, or held as
// "coordinated:" and the acting user is the team's current koordinator, or
// as "owned:" and the user owns the case. Refuses (audited, exit 77) otherwise.
AuthorisedCase authorize_case(const Context& ctx, std::string_view permission, const CaseRef& c);

// The same for a case named by its number as typed: refuses (as
// authorize_some) before looking the case up, so a user without the
// permission anywhere learns nothing of which cases exist; then exit 65 /
// 1 for a malformed / absent case, then the check above. The one lookup of
// the case an operation makes: call it inside the operation's transaction.
AuthorisedCase authorize_case(const Context& ctx, std::string_view permission, std::string_view case_number);

// A further permission in a case already authorised for another (a meeting
// action that becomes a plan measure needs plan.write too): no lookup.
AuthorisedCase authorize_also(const Context& ctx, std::string_view permission, const AuthorisedCase& c);

// For case assign: authorize_case(ctx, "case.assign", case_number), and
// assigning the case to oneself needs case.assign everywhere: held only
// through coordinated: (or owned:), it is refused (audited, exit 77), so a
// koordinator cannot give themselves owned: rights that outlast the team.
AuthorisedCase authorize_assign(const Context& ctx, std::string_view case_number, const std::string& to);

// True when `user` owns case `case_id` (case_file.owner).
bool owns_case(Database& db, std::string_view user, std::int64_t case_id);

// True when `user` is the current koordinator of the team of case `case_id`.
bool coordinates_case(Database& db, std::string_view user, std::int64_t case_id);

// The acting user's name (--as, $OPPTEAM_USER or the login) as it may be
// stored and shown: not empty, at most kMaxActorChars characters of UTF-8,
// none of them a control character, a line break or a bidirectional
// override. Returns it; throws Error(usage, exit 64) otherwise, before
// anything is stored (an audit entry under a forged name would be a lie).
inline constexpr std::size_t kMaxActorChars = 64;
std::string checked_actor(std::string name);

// Under enforcement, the acting user must be the login running the program
// (`login`), unless the login holds "access.act_as": otherwise audited
// refusal, exit 77. Without enforcement anyone may name any actor.
void authorize_actor(const Context& ctx, std::string_view login);

// The permission to act on a date other than the real one (--today) under
// enforcement. No built-in role has it: deadlines, "received" dates and
// letters dated at will are for tests and training databases.
inline constexpr std::string_view kOtherDatePermission = "access.other_date";

// Under enforcement, a command acting on a date other than `real_today`
// needs kOtherDatePermission: otherwise audited refusal, exit 77.
void authorize_acted_on_date(const Context& ctx, Date real_today);

// Under enforcement, a step dated `on` other than `today` (default: the day
// acted on) needs kOtherDatePermission, as --today does: otherwise audited
// refusal, exit 77. For a date that sets a deadline others rely on (a
// decision's date sets its appeal deadline).
void authorize_dated(const Context& ctx, Date on, std::optional<Date> today = std::nullopt);

// When the database's stored rammeverk enforces access, it is the only
// rammeverk in force: a file given at run time (--config, $OPPTEAM_CONFIG,
// the XDG file) whose content differs from the stored one is refused with
// exit 77, and the refusal is audited under `login`. The same text as the
// stored one is accepted. No check when the stored one does not enforce.
void refuse_other_rammeverk(Database& db, const Rammeverk& file, const Clock& clock, std::string_view login);

}  // namespace oppteam
