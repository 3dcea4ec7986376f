#include <oppteam/domain/team.hpp>

namespace oppteam {

const TeamMember* TeamRecord::coordinator() const {
  for (const auto& m : members)
    if (m.kind == MemberKind::coordinator && m.active()) return &m;
  return nullptr;
}

const TeamMember* TeamRecord::find_active(std::string_view name) const {
  for (const auto& m : members)
    if (m.active() && m.name == name) return &m;
  return nullptr;
}

}  // namespace oppteam
