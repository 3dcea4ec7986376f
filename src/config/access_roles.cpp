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
        "person.*", "audit.verify", "meeting.*", "log.*", "appeal.*"}},
      {"koordinator", {"coordinated:case.read", "coordinated:plan.*", "coordinated:evaluate.*", "coordinated:meeting.*",
                       "coordinated:log.*", "coordinated:team.review", "coordinated:remind"}},
      {"leder", {"decide.*", "appeal.*", "report.*", "case.read", "audit.*", "purge.*", "archive.*", "check", "approve", "remind"}},
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

const std::vector<std::string_view>& known_permissions() {
  // The names the commands pass to authorize() (src/cli/cmd_*.cpp, the
  // library's own checks) and process/access.hpp's kActAsPermission and
  // kOtherDatePermission.
  static const std::vector<std::string_view> names = {
      "access.act_as", "access.other_date", "appeal.write", "approve", "archive.export", "assess", "audit.log",
      "audit.verify", "backup.encrypted", "backup.plain", "case.assign", "case.close", "case.export",
      "case.read", "case.receive", "case.transfer", "check", "config.store", "consent.write", "decide", "evaluate",
      "log.write", "meeting.write", "person.correct", "person.export", "plan.write", "purge",
      "refer.add", "refer.correct", "refer.import", "remind", "report", "restore",
      "team.review", "team.write",
  };
  return names;
}

bool known_permission_pattern(std::string_view p) {
  constexpr std::string_view kCoordinated = "coordinated:";
  constexpr std::string_view kOwned = "owned:";  // issue 14: the cases the user owns (process/access.hpp)
  if (p.starts_with(kCoordinated)) p.remove_prefix(kCoordinated.size());
  else if (p.starts_with(kOwned)) p.remove_prefix(kOwned.size());
  if (p == "*") return true;
  const auto& names = known_permissions();
  if (p.size() > 2 && p.ends_with(".*")) {
    const auto area = p.substr(0, p.size() - 2);
    for (auto n : names)
      if (n == area || (n.size() > area.size() && n.starts_with(area) && n[area.size()] == '.')) return true;
    return false;
  }
  for (auto n : names)
    if (n == p) return true;
  return false;
}

}  // namespace oppteam
