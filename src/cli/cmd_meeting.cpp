// oppteam meeting add | next | minutes | action | done | list | show (issue 15)

#include "cli/commands.hpp"

#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/meeting.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/views/meeting_view.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace oppteam::cli {

namespace {


std::string spool_folder(Session& s) {
  return std::filesystem::absolute(std::filesystem::path(s.db_path())).parent_path().string();
}

struct AddOptions {
  std::string case_number, kind, date, place, minutes;
  std::vector<std::string> participants;
  bool person_present = false;
};

struct CancelOptions {
  std::string case_number, reason;
  int meeting = 0;
};

// The options of meeting action fill its input itself, but for the due date as typed.
struct ActionOptions {
  std::string case_number, due;
  ActionInput in;
};

}  // namespace

void setup_meeting(CLI::App& app, Session& s) {
  auto* cmd =
      add_command_group(&app, "meeting", "The team's meetings: record one held, plan the next, agreed actions, minutes",
                        {"oppteam --db k.db meeting add 2026/1 --kind planmote --date 2026-04-01",
                         "oppteam --db k.db meeting list 2026/1"});

  auto [add, o] =
      add_case_subcommand<AddOptions>(cmd, "add", "Record a meeting held: kind, date, place, participants, minutes");
  add->add_option("--kind", o->kind, "the kind of meeting, from the rammeverk's [[meeting_kind]] (e.g. ansvarsgruppemote)")
      ->required();
  add->add_option("--date", o->date, "the day it was held, YYYY-MM-DD (not after today)")->required();
  add->add_option("--place", o->place, "where it was held");
  add->add_option("--participant", o->participants,
                  "NAME[:ROLE] with optional :service=ID, :email=ADDRESS, :phone=NUMBER (repeat)")
      ->allow_extra_args(false);
  add->add_flag("--person-present", o->person_present, "the person took part in the meeting");
  add->add_option("--minutes", o->minutes, "the minutes: a text file, or - for stdin");
  examples(add, {"oppteam --db k.db meeting add 2026/1 --kind ansvarsgruppemote --date 2026-04-01 --place Rådhuset "
                 "--participant \"Per Hansen:bruker\" --participant \"Kari Hansen:parorende:email=kari@example.org\" "
                 "--person-present --minutes referat.txt"});
  add->callback([&s, o] {
    auto& ctx = s.ctx();
    MeetingInput in;
    in.kind = o->kind;
    in.date = user_date(s, o->date, "--date");
    in.place = o->place;
    in.person_present = o->person_present;
    for (const auto& p : o->participants) in.participants.push_back(parse_participant_spec(p, "--participant"));
    if (!o->minutes.empty()) in.minutes = read_minutes(o->minutes, &s.io().in, spool_folder(s));
    const Meeting m = add_meeting(ctx, o->case_number, in);
    s.emit({{"action", "add"}, {"case", case_label(o->case_number)}, {"meeting", to_json(ctx.rv, m, s.lang())}},
           s.text("meeting.added", m.number, case_label(o->case_number)) + "\n\n" + views::meeting_screen(m, ctx.rv, s.lang(), s.style()));
  });

  auto [next, n] = add_case_subcommand<AddOptions>(
      cmd, "next", "Plan the team's next meeting (reminded before it; its minutes after it)");
  next->add_option("--date", n->date, "the day, YYYY-MM-DD (after today)")->required();
  next->add_option("--kind", n->kind, "the kind of meeting (default: the first [[meeting_kind]])");
  next->add_option("--place", n->place, "where it will be held");
  examples(next, {"oppteam --db k.db meeting next 2026/1 --date 2026-06-10 --kind evalueringsmote"});
  next->callback([&s, n] {
    auto& ctx = s.ctx();
    const Meeting m = plan_meeting(ctx, n->case_number, n->kind, user_date(s, n->date, "--date"), n->place);
    s.emit({{"action", "next"}, {"case", case_label(n->case_number)}, {"meeting", to_json(ctx.rv, m, s.lang())}},
           s.text("meeting.planned", m.number, case_label(n->case_number), long_date(m.date, s.lang())));
  });

  auto mi = std::make_shared<AddOptions>();
  auto meeting_no = std::make_shared<int>(0);
  auto* minutes = cmd->add_subcommand("minutes", "Record the minutes of a meeting (a text file, or - for stdin)");
  add_case(minutes, mi->case_number);
  minutes->add_option("MEETING", *meeting_no, "the meeting's number")->required();
  minutes->add_option("--minutes", mi->minutes, "the minutes: a text file, or - for stdin")->required();
  examples(minutes, {"oppteam --db k.db meeting minutes 2026/1 2 --minutes referat.txt"});
  minutes->callback([&s, mi, meeting_no] {
    auto& ctx = s.ctx();
    const std::string text = read_minutes(mi->minutes, &s.io().in, spool_folder(s));
    const Meeting m = record_minutes(ctx, mi->case_number, *meeting_no, text);
    s.emit({{"action", "minutes"}, {"case", case_label(mi->case_number)}, {"meeting", to_json(ctx.rv, m, s.lang())}},
           s.text("meeting.minutes_recorded", m.number, case_label(mi->case_number)));
  });

  auto [cancel, ca] = add_case_subcommand<CancelOptions>(
      cmd, "cancel", "Cancel a planned meeting that will not take place (kept, with the day and the reason; its reminders end)");
  cancel->add_option("MEETING", ca->meeting, "the meeting's number")->required();
  cancel->add_option("--reason", ca->reason, "why it will not take place (required)")->required();
  examples(cancel, {"oppteam --db k.db meeting cancel 2026/1 2 --reason \"Personen er på sykehus\""});
  cancel->callback([&s, ca] {
    auto& ctx = s.ctx();
    const Meeting m = cancel_meeting(ctx, ca->case_number, ca->meeting, ca->reason);
    s.emit({{"action", "cancel"}, {"case", case_label(ca->case_number)}, {"meeting", to_json(ctx.rv, m, s.lang())}},
           s.text("meeting.cancelled_done", m.number, case_label(ca->case_number), long_date(m.date, s.lang())));
  });

  auto [action, a] =
      add_case_subcommand<ActionOptions>(cmd, "action", "Record what was agreed at a meeting: who does what by when");
  action->add_option("MEETING", a->in.meeting, "the meeting's number")->required();
  action->add_option("--text", a->in.text, "what is to be done")->required();
  action->add_option("--responsible", a->in.responsible, "who does it (a team member or a participant of the meeting)")
      ->required();
  action->add_option("--due", a->due, "by when, YYYY-MM-DD")->required();
  action->add_option("--measure", a->in.measure_goal, "make it a plan measure under goal GOAL instead");
  examples(action, {"oppteam --db k.db meeting action 2026/1 1 --text \"Søke om TT-kort\" --responsible \"Ola Dahl\" --due 2026-04-20",
                    "oppteam --db k.db meeting action 2026/1 1 --text \"Ukentlig besøk\" --responsible \"Siri Moe\" --due 2026-05-01 --measure 1"});
  action->callback([&s, a] {
    auto& ctx = s.ctx();
    a->in.due = user_date(s, a->due, "--due");
    const MeetingAction done = add_action(ctx, a->case_number, a->in);
    nlohmann::json doc = to_json(done);
    doc["case"] = case_label(a->case_number);
    s.emit(doc, done.measure ? s.text("meeting.action_added_measure", done.number, case_label(a->case_number), *done.measure)
                             : s.text("meeting.action_added", done.number, case_label(a->case_number), done.responsible));
  });

  auto d = std::make_shared<ActionOptions>();
  auto action_no = std::make_shared<int>(0);
  auto* done = cmd->add_subcommand("done", "Mark an agreed action done (its reminders end)");
  add_case(done, d->case_number);
  done->add_option("ACTION", *action_no, "the action's number")->required();
  examples(done, {"oppteam --db k.db meeting done 2026/1 1"});
  done->callback([&s, d, action_no] {
    auto& ctx = s.ctx();
    const MeetingAction x = finish_action(ctx, d->case_number, *action_no);
    nlohmann::json doc = to_json(x);
    doc["case"] = case_label(d->case_number);
    s.emit(doc, s.text("meeting.action_finished", x.number, case_label(d->case_number)));
  });

  add_case_command(cmd, "list", "The case's meetings, oldest first",
                   {"oppteam --db k.db meeting list 2026/1", "oppteam --db k.db meeting list 2026/1 --json"},
                   [&s](const std::string& number) {
                     auto& ctx = s.ctx();
                     const auto meetings = list_meetings(ctx, number);
                     const auto item = [&](const Meeting& m) { return to_json(ctx.rv, m, s.lang()); };
                     s.emit({{"case", case_label(number)}, {"meetings", json_array(meetings, item)}},
                            views::meeting_list(meetings, ctx.rv, s.lang(), s.style()));
                   });

  auto show_case = std::make_shared<std::string>();
  auto show_no = std::make_shared<int>(0);
  auto* show = cmd->add_subcommand("show", "One meeting: participants, actions and minutes");
  add_case(show, *show_case);
  show->add_option("MEETING", *show_no, "the meeting's number")->required();
  examples(show, {"oppteam --db k.db meeting show 2026/1 1"});
  show->callback([&s, show_case, show_no] {
    auto& ctx = s.ctx();
    const Meeting m = show_meeting(ctx, *show_case, *show_no);
    s.emit({{"case", case_label(*show_case)}, {"meeting", to_json(ctx.rv, m, s.lang())}}, views::meeting_screen(m, ctx.rv, s.lang(), s.style()));
  });
}

}  // namespace oppteam::cli
