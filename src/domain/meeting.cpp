#include <oppteam/domain/meeting.hpp>

#include "stored_names.hpp"

namespace oppteam {

namespace {

constexpr domain_detail::StoredNames<MeetingStatus, 2> kMeetingStatuses{
    {{MeetingStatus::planned, "planned"}, {MeetingStatus::held, "held"}}};
constexpr domain_detail::StoredNames<ActionStatus, 2> kActionStatuses{{{ActionStatus::open, "open"}, {ActionStatus::done, "done"}}};

}  // namespace

std::string_view to_stored(MeetingStatus s) { return domain_detail::stored_name(kMeetingStatuses, s); }
std::optional<MeetingStatus> meeting_status_from(std::string_view stored) {
  return domain_detail::from_stored_name(kMeetingStatuses, stored);
}

std::string_view to_stored(ActionStatus s) { return domain_detail::stored_name(kActionStatuses, s); }
std::optional<ActionStatus> action_status_from(std::string_view stored) {
  return domain_detail::from_stored_name(kActionStatuses, stored);
}

}  // namespace oppteam
