#pragma once
// The SQL of the team's meetings (tables meeting, meeting_participant,
// meeting_action) as domain values (domain/meeting.hpp). The rules (which
// team may meet, when a planned meeting becomes held, who may be
// responsible for an action) are the meeting process's
// (src/process/meeting.cpp).

#include <oppteam/domain/meeting.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// A meeting's row: its id and number.
struct MeetingRow {
  std::int64_t id = 0;
  int number = 0;
};

class MeetingStore {
 public:
  explicit MeetingStore(Database& db) : db_(db) {}

  std::optional<std::int64_t> meeting_id(std::int64_t case_id, int number);
  // The first meeting planned for `date`, if any.
  std::optional<MeetingRow> planned_on(std::int64_t case_id, const std::string& date);
  int next_meeting_number(std::int64_t case_id);
  // A new meeting row; `place` "": none. Returns its id.
  std::int64_t add_meeting(std::int64_t case_id, int number, const std::string& kind, const std::string& date, const std::string& place,
                           MeetingStatus status, const std::string& created_by);
  // The meeting as held: its kind, its place (when given: "" keeps the one
  // it has), whether the person was there, and the minutes (recorded on
  // `minutes_on`) when given, else none.
  void record_held(std::int64_t id, const std::string& kind, const std::string& place, bool person_present,
                   const std::optional<std::string>& minutes, const std::string& minutes_on);
  void add_participants(std::int64_t id, const std::vector<MeetingParticipant>& participants);
  // A planned meeting that will not take place: cancelled on `on`, for `reason`.
  void cancel(std::int64_t id, const std::string& on, const std::string& reason);
  // New minutes, recorded on `on`; the meeting is held.
  void set_minutes(std::int64_t id, const std::string& minutes, const std::string& on);
  // The case's meetings (all, or the one numbered `only`) with participants
  // and actions, by date and number.
  std::vector<Meeting> meetings(std::int64_t case_id, std::optional<int> only = std::nullopt);

  // Whether `name` took part in meeting `meeting_id`.
  bool is_participant(std::int64_t meeting_id, const std::string& name);
  int next_action_number(std::int64_t case_id);
  void add_action(std::int64_t meeting_id, std::int64_t case_id, const MeetingAction& a);
  std::optional<MeetingAction> action(std::int64_t case_id, int number);
  void finish_action(std::int64_t case_id, int number, const std::string& done_on);

 private:
  Database& db_;
};

}  // namespace oppteam
