#pragma once
// The team's meetings (issue 15): a meeting held (kind from the
// rammeverk's [[meeting_kind]], date, place, participants with contact
// details, whether the person took part, the minutes), the next one planned,
// and the actions agreed at a meeting, each with one responsible person and
// a due date (an action may become a plan measure instead). Every change is
// one transaction with its audit entry; the minutes and the actions' texts
// are health content and never go into the audit log.

#include <oppteam/domain/meeting.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>
#include <oppteam/process/team.hpp>

#include <nlohmann/json.hpp>

#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// The most the minutes of one meeting may hold (bytes).
inline constexpr std::size_t kMaxMinutesBytes = 256 * 1024;

struct MeetingInput {
  std::string kind;
  Date date{};
  std::string place;
  std::vector<MemberSpec> participants;
  bool person_present = false;
  std::optional<std::string> minutes;
};

struct ActionInput {
  int meeting = 0;
  std::string text;
  std::string responsible;
  Date due{};
  std::optional<int> measure_goal;  // make it a plan measure under this goal
};

// Exit 65 naming the valid kinds when `kind` is not a [[meeting_kind]] id.
void check_meeting_kind(const Rammeverk& rv, const std::string& kind);

// Records a meeting held on `in.date` (not after today: exit 65). A
// meeting planned for that date becomes this one. Exit 2 when the case has
// no team or its team is closed.
Meeting add_meeting(const Context& ctx, std::string_view case_number, const MeetingInput& in);

// Plans the next meeting (date after today: exit 65; kind empty: the first
// [[meeting_kind]]). Same team rule as add_meeting.
Meeting plan_meeting(const Context& ctx, std::string_view case_number, const std::string& kind, Date date, const std::string& place);

// Cancels planned meeting `number`, which will not take place: kept, with
// the day and `reason` (required), and no longer reminded. Exit 1 when
// absent; 2 when it was held or is cancelled already.
Meeting cancel_meeting(const Context& ctx, std::string_view case_number, int number, const std::string& reason);

// Records the minutes of meeting `number` (exit 1 when absent); a planned
// meeting whose date has come becomes held (a future one: exit 2).
Meeting record_minutes(const Context& ctx, std::string_view case_number, int number, const std::string& minutes);

// Records an action agreed at meeting `in.meeting` (exit 1 when absent).
// The responsible must be a current team member or a participant of that
// meeting (exit 2). With a goal, the action becomes a plan measure under it
// (plan rules apply: exit 1 without that goal, 2 when the responsible is
// not in the team). Returns it with its number.
MeetingAction add_action(const Context& ctx, std::string_view case_number, const ActionInput& in);

// Marks action `number` done (exit 1 when absent, 2 when already done).
MeetingAction finish_action(const Context& ctx, std::string_view case_number, int number);

// The case's meetings with participants and actions, oldest first; an
// audited read. show_meeting: exit 1 when there is no meeting `number`.
std::vector<Meeting> list_meetings(const Context& ctx, std::string_view case_number);
Meeting show_meeting(const Context& ctx, std::string_view case_number, int number);

// Reads the minutes from `path` ("-": `in`, spooled first as every stdin
// input is), before any transaction: exit 66 when it cannot be read, 65
// when it is not text (require_text) or longer than kMaxMinutesBytes.
// `folder` holds the spool file (the database's own folder).
std::string read_minutes(const std::string& path, std::istream* in, const std::string& folder);

nlohmann::json to_json(const Rammeverk& rv, const Meeting& m, Lang lang);
nlohmann::json to_json(const MeetingAction& a);

}  // namespace oppteam
