// The built-in access roles ([access] in the rammeverk). They live with the
// rammeverk because the validator must know their ids; process/access.cpp
// applies them.

#include <oppteam/config/rammeverk.hpp>

namespace oppteam {

const std::vector<AccessRole>& builtin_access_roles() {
  // "area.*" also covers the bare "area" (e.g. "assess.*" covers "assess").
  static const std::vector<AccessRole> roles = {
      {"saksbehandler",
       {"case.*", "refer.*", "consent.*", "assess.*", "decide.*", "team.*", "plan.*", "evaluate.*", "remind.*",
        "person.*", "audit.verify"}},
      {"koordinator", {"coordinated:case.read", "coordinated:plan.*", "coordinated:evaluate.*"}},
      {"leder", {"decide.*", "report.*", "case.read", "audit.*", "purge.*", "check"}},
      // Never case.*, person.* or plan.*: IT runs the batch and cron jobs
      // without seeing what a case holds. Hence encrypted backups only (a
      // plain copy is every case in a file any SQLite tool reads), and no
      // restore (it replaces the database): give "backup.plain" and
      // "restore" to an admin role.
      {"it", {"refer.import", "remind.*", "audit.verify", "backup.encrypted", "check"}},
      {"rapport", {"report.*"}},
  };
  return roles;
}

}  // namespace oppteam
