#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_log.hpp>

namespace oppteam {

bool permitted(const Rammeverk& rv, std::string_view user, std::string_view permission) {
  if (!rv.access.enforce) return true;
  const auto area = permission.substr(0, permission.find('.'));
  for (const auto& u : rv.access.users) {
    if (u.name != user) continue;
    for (const auto& role_id : u.roles)
      for (const auto& r : rv.access.roles)
        if (r.id == role_id)
          for (const auto& p : r.permissions)
            if (p == "*" || p == permission || (p.size() > 2 && p.ends_with(".*") && p.substr(0, p.size() - 2) == area))
              return true;
  }
  return false;
}

void authorize(Context& ctx, std::string_view permission) {
  if (permitted(ctx.rv, ctx.actor, permission)) return;
  audit_append(ctx.db, ctx.clock, ctx.actor, "access.refused", "", "", std::string(permission));
  throw make_error(ExitCode::permission, "access.refused", ctx.actor, permission);
}

}  // namespace oppteam
