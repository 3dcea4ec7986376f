#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/store/access_store.hpp>
#include <oppteam/store/rammeverk_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

#include <algorithm>

namespace oppteam {

namespace {

// True when the pattern `p` (no scope prefix) covers `permission`.
bool covers(std::string_view p, std::string_view permission) {
  if (p == "*" || p == permission) return true;
  if (p.size() > 2 && p.ends_with(".*")) {
    const auto area = p.substr(0, p.size() - 2);
    return permission == area || (permission.size() > area.size() && permission.starts_with(area) &&
                                  permission[area.size()] == '.');
  }
  return false;
}

// True when one of `user`'s roles grants `permission` with the scope prefix `prefix`.
bool holds_scoped(const Rammeverk& rv, std::string_view user, std::string_view permission, std::string_view prefix) {
  for (const auto& u : rv.access.users) {
    if (u.name != user) continue;
    for (const auto& role_id : u.roles) {
      const AccessRole* role = find_access_role(rv, role_id);
      if (!role) continue;
      for (std::string_view p : role->permissions)
        if (p.starts_with(prefix) && covers(p.substr(prefix.size()), permission)) return true;
    }
  }
  return false;
}

// Records the refusal (after the transaction it is found in, which the
// error rolls back) and throws `error`.
[[noreturn]] void refuse(const Context& ctx, std::string_view permission, const std::string& object, Error error) {
  Database& db = ctx.db;
  db.after_transaction([&db, clock = &ctx.clock, actor = ctx.actor, hash = ctx.rv.hash, object,
                        permission = std::string(permission)] {
    audit_record(db, *clock, actor, hash, "access.refused", object, "", audit_detail("access.refused", "audit.d.refused", {permission}));
  });
  throw error;
}

}  // namespace

const AccessRole* find_access_role(const Rammeverk& rv, std::string_view id) {
  for (const auto& r : rv.access.roles)
    if (r.id == id) return &r;
  for (const auto& r : builtin_access_roles())
    if (r.id == id) return &r;
  return nullptr;
}

Grant grant_of(const Rammeverk& rv, std::string_view user, std::string_view permission) {
  if (!rv.access.enforce) return Grant::everywhere;
  Grant best = Grant::none;
  for (const auto& u : rv.access.users) {
    if (u.name != user) continue;
    for (const auto& role_id : u.roles) {
      const AccessRole* role = find_access_role(rv, role_id);
      if (!role) continue;
      for (std::string_view p : role->permissions) {
        if (p.starts_with(kCoordinatedPrefix)) {
          if (covers(p.substr(kCoordinatedPrefix.size()), permission)) best = std::max(best, Grant::coordinated);
        } else if (p.starts_with(kOwnedPrefix)) {
          if (covers(p.substr(kOwnedPrefix.size()), permission)) best = std::max(best, Grant::coordinated);
        } else if (covers(p, permission)) {
          return Grant::everywhere;
        }
      }
    }
  }
  return best;
}

bool permitted(const Rammeverk& rv, std::string_view user, std::string_view permission) {
  return grant_of(rv, user, permission) == Grant::everywhere;
}

std::vector<std::string> leaders(const Rammeverk& rv) {
  std::vector<std::string> out;
  for (const auto& u : rv.access.users)
    if (holds_scoped(rv, u.name, "approve", "") && std::find(out.begin(), out.end(), u.name) == out.end())
      out.push_back(u.name);
  return out;
}

void authorize(const Context& ctx, std::string_view permission) {
  if (permitted(ctx.rv, ctx.actor, permission)) return;
  refuse(ctx, permission, "", make_error(ExitCode::permission, "access.refused", ctx.actor, permission));
}

void authorize_some(const Context& ctx, std::string_view permission) {
  if (grant_of(ctx.rv, ctx.actor, permission) != Grant::none) return;
  refuse(ctx, permission, "", make_error(ExitCode::permission, "access.refused", ctx.actor, permission));
}

std::vector<std::string> cases_granted(const Context& ctx, std::string_view permission) {
  return ctx.db.read_per_statement([&] {
    std::vector<std::string> out;
    const AccessStore store(ctx.db);
    if (holds_scoped(ctx.rv, ctx.actor, permission, kCoordinatedPrefix)) out = store.coordinated_cases(ctx.actor);
    if (holds_scoped(ctx.rv, ctx.actor, permission, kOwnedPrefix))
      for (auto& n : store.owned_cases(ctx.actor)) out.push_back(std::move(n));
    std::sort(out.begin(), out.end());
    return out;
  });
}

bool coordinates_case(Database& db, std::string_view user, std::int64_t case_id) {
  return db.read_per_statement([&] { return AccessStore(db).coordinates(user, case_id); });
}

bool owns_case(Database& db, std::string_view user, std::int64_t case_id) {
  return db.read_per_statement([&] { return AccessStore(db).owns(user, case_id); });
}

AuthorisedCase authorize_case(const Context& ctx, std::string_view permission, const CaseRef& c) {
  const Grant g = grant_of(ctx.rv, ctx.actor, permission);
  if (g == Grant::everywhere) return AuthorisedCase(c, permission);
  if (g == Grant::coordinated) {
    if (holds_scoped(ctx.rv, ctx.actor, permission, kCoordinatedPrefix) && coordinates_case(ctx.db, ctx.actor, c.id))
      return AuthorisedCase(c, permission);
    if (holds_scoped(ctx.rv, ctx.actor, permission, kOwnedPrefix) && owns_case(ctx.db, ctx.actor, c.id))
      return AuthorisedCase(c, permission);
    refuse(ctx, permission, c.number,
           make_error(ExitCode::permission, "access.refused_case", ctx.actor, permission, c.number));
  }
  refuse(ctx, permission, c.number, make_error(ExitCode::permission, "access.refused", ctx.actor, permission));
}

AuthorisedCase authorize_case(const Context& ctx, std::string_view permission, std::string_view case_number) {
  authorize_some(ctx, permission);
  return authorize_case(ctx, permission, find_case(ctx.db, case_number));
}

AuthorisedCase authorize_also(const Context& ctx, std::string_view permission, const AuthorisedCase& c) {
  return authorize_case(ctx, permission, c.ref());
}

AuthorisedCase authorize_assign(const Context& ctx, std::string_view case_number, const std::string& to) {
  AuthorisedCase c = authorize_case(ctx, "case.assign", case_number);
  // Held only in some cases (coordinated: or owned:), the permission must
  // not become owned: rights of one's own that outlast the team.
  if (trim(to) == ctx.actor && grant_of(ctx.rv, ctx.actor, "case.assign") != Grant::everywhere)
    refuse(ctx, "case.assign", c->number,
           make_error(ExitCode::permission, "access.refused_self_assign", ctx.actor, c->number, "case.assign"));
  return c;
}

std::string checked_actor(std::string name) {
  // The name is echoed visibly and clipped: it is what was refused.
  const std::string shown = clip(visible(name, false), 2 * kMaxActorChars);
  if (name.empty()) throw make_error(ExitCode::usage, "access.actor_empty");
  // A control character, a line break or an override makes visible()
  // change the text: one test for all of them.
  if (!valid_utf8(name) || visible(name, false) != name) throw make_error(ExitCode::usage, "access.actor_unprintable", shown);
  std::size_t chars = 0;
  for (unsigned char b : name) chars += (b & 0xc0) != 0x80;
  if (chars > kMaxActorChars) throw make_error(ExitCode::usage, "access.actor_too_long", shown, chars, kMaxActorChars);
  return name;
}

void authorize_actor(const Context& ctx, std::string_view login) {
  if (!ctx.rv.access.enforce || ctx.actor == login) return;
  if (permitted(ctx.rv, login, kActAsPermission)) return;
  audit_append(ctx.db, ctx.clock, std::string(login), "access.refused", "", "",
               audit_detail("access.refused", "audit.d.refused_act_as", {ctx.actor}));
  throw make_error(ExitCode::permission, "access.not_self", login, ctx.actor, kActAsPermission);
}

void authorize_acted_on_date(const Context& ctx, Date real_today) {
  if (ctx.today() != real_today) authorize_dated(ctx, ctx.today(), real_today);
}

void authorize_dated(const Context& ctx, Date on, std::optional<Date> today) {
  if (!ctx.rv.access.enforce || on == today.value_or(ctx.today())) return;
  if (permitted(ctx.rv, ctx.actor, kOtherDatePermission)) return;
  refuse(ctx, kOtherDatePermission, "",
         make_error(ExitCode::permission, "access.other_date", ctx.actor, long_date(on, ctx.lang), kOtherDatePermission));
}

void refuse_other_rammeverk(Database& db, const Rammeverk& file, const Clock& clock, std::string_view login) {
  const bool any_stored = db.read_per_statement([&] { return RammeverkStore(db).any(); });
  if (!any_stored) return;
  const Rammeverk stored = stored_rammeverk(db);
  if (!stored.access.enforce || stored.hash == file.hash) return;
  audit_append(db, clock, std::string(login), "access.refused", "rammeverk", "",
               audit_detail("access.refused", "audit.d.refused_config", {file.hash.substr(0, 12)}));
  throw make_error(ExitCode::permission, "access.other_rammeverk", file.source_name);
}

}  // namespace oppteam
