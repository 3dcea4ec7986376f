#pragma once
// Who may do what ([access] in the rammeverk). With `enforce = false` (the
// default) everyone may do everything; with `enforce = true` the acting user
// must hold a role whose permissions include the one asked for.

#include <oppteam/process/context.hpp>

#include <string_view>

namespace oppteam {

// Throws Error(permission, exit 77) naming the missing permission, after
// recording the refusal in the audit log.
void authorize(Context& ctx, std::string_view permission);

// True when `user` holds `permission` under `rv` (no audit, no throw).
bool permitted(const Rammeverk& rv, std::string_view user, std::string_view permission);

}  // namespace oppteam
