#include <oppteam/domain/meeting.hpp>

#include <oppteam/domain/stored_names.hpp>

namespace oppteam {

namespace {

constexpr StoredNames<MeetingStatus, 3> kMeetingStatuses{{
    {{MeetingStatus::planned, "planned"}, {MeetingStatus::held, "held"}, {MeetingStatus::cancelled, "cancelled"}}}};
constexpr StoredNames<ActionStatus, 2> kActionStatuses{{{{ActionStatus::open, "open"}, {ActionStatus::done, "done"}}}};

}  // namespace

std::string_view to_stored(MeetingStatus s) { return kMeetingStatuses.of(s); }
std::optional<MeetingStatus> meeting_status_from(std::string_view stored) {
  return kMeetingStatuses.from(stored);
}

std::string_view to_stored(ActionStatus s) { return kActionStatuses.of(s); }
std::optional<ActionStatus> action_status_from(std::string_view stored) {
  return kActionStatuses.from(stored);
}

}  // namespace oppteam
