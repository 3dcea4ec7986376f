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

// True when `user` holds `permission` everywhere under `rv` (no audit, no
// throw). Always true when access is not enforced.
bool permitted(const Rammeverk& rv, std::string_view user, std::string_view permission);

// The unit's leaders: the [[access.user]] entries whose roles grant `approve`
// everywhere (whatever the role is called). They see escalated items and
// pending approvals in `remind`. Read from the roles even when access is not
// enforced, so that the list is the same either way.
std::vector<std::string> leaders(const Rammeverk& rv);

// Requires `permission` everywhere. Otherwise records "access.refused" in the
// audit log (in its own transaction: call it before any write begins) and
// throws Error(permission, exit 77) naming the missing permission.
void authorize(Context& ctx, std::string_view permission);

// For a command about one case, before the case is looked up: passes when
// the user holds `permission` everywhere or only in coordinated teams (the
// command must then call authorize_case once it has the case); refuses as
// authorize() does otherwise.
void authorize_some(Context& ctx, std::string_view permission);

// Requires `permission` in the case `c`: held everywhere, or held as
// "coordinated:" and the acting user is the team's current koordinator.
// Refuses (audited, exit 77) otherwise.
void authorize_case(Context& ctx, std::string_view permission, const CaseRef& c);

// The same for a case named by its number as typed: refuses (as
// authorize_some) before looking the case up, so a user without the
// permission anywhere learns nothing of which cases exist; then exit 65 /
// 1 for a malformed / absent case, then the check above. This is the one
// call a command about one case needs instead of authorize(); it returns
// the case it found, so the command need not look it up again.
CaseRef authorize_case(Context& ctx, std::string_view permission, std::string_view case_number);

// For case assign: authorize_case(ctx, "case.assign", case_number), and
// assigning the case to oneself needs case.assign everywhere: held only
// through coordinated: (or owned:), it is refused (audited, exit 77), so a
// koordinator cannot give themselves owned: rights that outlast the team.
CaseRef authorize_assign(Context& ctx, std::string_view case_number, const std::string& to);

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
void authorize_actor(Context& ctx, std::string_view login);

// The permission to act on a date other than the real one (--today) under
// enforcement. No built-in role has it: deadlines, "received" dates and
// letters dated at will are for tests and training databases.
inline constexpr std::string_view kOtherDatePermission = "access.other_date";

// Under enforcement, a command acting on a date other than `real_today`
// needs kOtherDatePermission: otherwise audited refusal, exit 77.
void authorize_acted_on_date(Context& ctx, Date real_today);

// When the database's stored rammeverk enforces access, it is the only
// rammeverk in force: a file given at run time (--config, $OPPTEAM_CONFIG,
// the XDG file) whose content differs from the stored one is refused with
// exit 77, and the refusal is audited under `login`. The same text as the
// stored one is accepted. No check when the stored one does not enforce.
void refuse_other_rammeverk(Database& db, const Rammeverk& file, const Clock& clock, std::string_view login);

}  // namespace oppteam
