#include <oppteam/domain/plan.hpp>

#include <oppteam/domain/stored_names.hpp>

#include <algorithm>

namespace oppteam {

namespace {


constexpr StoredNames<PlanKind, 2> kKinds{{{{PlanKind::ip, "ip"}, {PlanKind::follow_up, "oppfolgingsplan"}}}};

constexpr StoredNames<PlanStatus, 3> kPlanStatuses{{
    {{PlanStatus::open, "open"}, {PlanStatus::revising, "revising"}, {PlanStatus::closed, "closed"}}}};

constexpr StoredNames<GoalStatus, 4> kGoalStatuses{{{{GoalStatus::open, "open"},
                                                    {GoalStatus::reached, "reached"},
                                                    {GoalStatus::partly, "partly"},
                                                    {GoalStatus::dropped, "dropped"}}}};

constexpr StoredNames<GoalMark, 4> kGoalMarks{{
    {{GoalMark::reached, "reached"}, {GoalMark::partly, "partly"}, {GoalMark::dropped, "dropped"}, {GoalMark::active, "active"}}}};

constexpr StoredNames<MeasureStatus, 4> kMeasureStatuses{{{{MeasureStatus::planned, "planned"},
                                                          {MeasureStatus::started, "started"},
                                                          {MeasureStatus::done, "done"},
                                                          {MeasureStatus::cancelled, "cancelled"}}}};

}  // namespace

std::string_view to_stored(PlanKind k) { return kKinds.of(k); }
std::optional<PlanKind> plan_kind_from(std::string_view stored) { return kKinds.from(stored); }

std::string_view to_stored(PlanStatus s) { return kPlanStatuses.of(s); }
std::optional<PlanStatus> plan_status_from(std::string_view stored) { return kPlanStatuses.from(stored); }

std::string_view to_stored(GoalStatus s) { return kGoalStatuses.of(s); }
std::optional<GoalStatus> goal_status_from(std::string_view stored) { return kGoalStatuses.from(stored); }

std::string_view to_stored(GoalMark m) { return kGoalMarks.of(m); }
std::optional<GoalMark> goal_mark_from(std::string_view stored) { return kGoalMarks.from(stored); }

GoalStatus status_after(GoalMark m) {
  switch (m) {
    case GoalMark::reached: return GoalStatus::reached;
    case GoalMark::partly: return GoalStatus::partly;
    case GoalMark::dropped: return GoalStatus::dropped;
    case GoalMark::active: break;
  }
  return GoalStatus::open;
}

std::string_view to_stored(MeasureStatus s) { return kMeasureStatuses.of(s); }
std::optional<MeasureStatus> measure_status_from(std::string_view stored) { return kMeasureStatuses.from(stored); }

const PlanMember* Plan::coordinator() const {
  auto it = std::find_if(team.begin(), team.end(), [](const PlanMember& m) { return m.kind == MemberKind::coordinator; });
  return it == team.end() ? nullptr : &*it;
}

}  // namespace oppteam
