#pragma once
// The team's meetings as plain values: a meeting (planned or held) with its
// participants, minutes and the actions agreed at it. The rules are in
// process/meeting.hpp, the SQL in store/meeting_store.hpp.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

enum class MeetingStatus { planned, held, cancelled };
std::string_view to_stored(MeetingStatus s);  // "planned" | "held" | "cancelled"
std::optional<MeetingStatus> meeting_status_from(std::string_view stored);

enum class ActionStatus { open, done };
std::string_view to_stored(ActionStatus s);  // "open" | "done"
std::optional<ActionStatus> action_status_from(std::string_view stored);

// Who took part in a meeting (need not be in the team or the rammeverk).
struct MeetingParticipant {
  std::string name;
  std::string role;     // empty: none
  std::string service;  // empty: none
  std::string email;    // empty: none
  std::string phone;    // empty: none
};

struct MeetingAction {
  int number = 0;   // per case
  int meeting = 0;  // the meeting's number
  std::string text;
  std::string responsible;
  std::string due_on;
  ActionStatus status = ActionStatus::open;
  std::string done_on;
  std::optional<int> measure;  // the plan measure it became
};

struct Meeting {
  int number = 0;  // per case
  std::string kind;
  std::string date;  // ISO
  std::string place;
  MeetingStatus status = MeetingStatus::planned;
  bool person_present = false;
  std::optional<std::string> minutes;
  std::string minutes_on;
  std::string created_by;
  std::string cancelled_on;   // status cancelled: the day (ISO) and why
  std::string cancel_reason;
  std::vector<MeetingParticipant> participants;
  std::vector<MeetingAction> actions;
};

}  // namespace oppteam
