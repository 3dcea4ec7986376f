#include <oppteam/process/meeting.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/io/input_spool.hpp>
#include <oppteam/process/plan.hpp>
#include <oppteam/store/meeting_store.hpp>
#include <oppteam/store/plan_store.hpp>
#include <oppteam/store/team_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/nearest.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <streambuf>

namespace oppteam {

namespace {

// The rule of every change: the case has a team, and it is not closed.
void require_open_team(Database& db, const CaseRef& c) {
  const auto team = TeamStore(db).state(c.id);
  if (!team) throw make_error(ExitCode::refused, "meeting.no_team", c.number);
  if (team->status == TeamStatus::closed) throw make_error(ExitCode::refused, "meeting.team_closed", c.number);
}

std::int64_t require_meeting(Database& db, const CaseRef& c, int number) {
  auto id = MeetingStore(db).meeting_id(c.id, number);
  if (!id) throw make_error(ExitCode::not_found, "meeting.not_found", c.number, number);
  return *id;
}

Meeting load_one(Database& db, const CaseRef& c, int number) {
  auto all = MeetingStore(db).meetings(c.id, number);
  if (all.empty()) throw make_error(ExitCode::not_found, "meeting.not_found", c.number, number);
  return all.front();
}

// Nothing more happens to a cancelled meeting (no minutes, no actions).
void require_not_cancelled(const Context& ctx, const CaseRef& c, const Meeting& m) {
  if (m.status == MeetingStatus::cancelled)
    throw make_error(ExitCode::refused, "meeting.cancelled", c.number, m.number, long_date(m.cancelled_on, ctx.lang));
}

void check_texts(const MeetingInput& in) {
  require_text(in.place, "--place", TextField::line);
  if (in.minutes) {
    require_text(*in.minutes, "--minutes");
    if (in.minutes->size() > kMaxMinutesBytes)
      throw make_error(ExitCode::data, "meeting.minutes_too_long", "--minutes", kMaxMinutesBytes);
  }
}

// A view of a stream that ends after `budget` bytes: what is spooled of
// minutes from stdin stops one byte past the limit, so `yes | oppteam
// meeting add ... --minutes -` is refused (65) instead of filling the disk.
class BoundedBuf : public std::streambuf {
 public:
  BoundedBuf(std::streambuf* src, std::size_t budget) : src_(src), budget_(budget) {}

 protected:
  int_type underflow() override {
    if (budget_ == 0) return traits_type::eof();
    const std::streamsize n = src_->sgetn(buf_, static_cast<std::streamsize>(std::min(sizeof buf_, budget_)));
    if (n <= 0) return traits_type::eof();
    budget_ -= static_cast<std::size_t>(n);
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(buf_[0]);
  }

 private:
  std::streambuf* src_;
  std::size_t budget_;
  char buf_[8192];
};

// The entry of a meeting step, its detail the form `key` of audit_detail.cpp.
void audit(const Context& ctx, const CaseRef& c, const std::string& action, std::string_view key, const std::vector<std::string>& values) {
  audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, action, c.number, c.fnr, audit_detail(action, key, values));
}

}  // namespace

void check_meeting_kind(const Rammeverk& rv, const std::string& kind) {
  if (rv.find_meeting_kind(kind)) return;
  const auto ids = entry_ids(rv.meeting_kinds);
  throw unknown_value("meeting.unknown_kind", {kind, join(ids)}, kind, ids);
}

Meeting add_meeting(const Context& ctx, std::string_view case_number, const MeetingInput& in) {
  const AuthorisedCase ac = authorize_case(ctx, "meeting.write", case_number);
  const CaseRef& c = ac;
  check_meeting_kind(ctx.rv, in.kind);
  check_texts(in);
  if (in.date > ctx.today()) throw make_error(ExitCode::data, "meeting.future_date", long_date(in.date, ctx.lang));
  const std::string date = format_date(in.date);
  // The team meets about a case it has: not before the case was opened.
  if (date < c.opened_on)
    throw make_error(ExitCode::data, "meeting.before_case", long_date(in.date, ctx.lang), c.number, long_date(c.opened_on, ctx.lang));
  return ctx.db.write([&] {
    require_open_team(ctx.db, c);
    MeetingStore store(ctx.db);
    // A meeting planned for this date is the one now held.
    std::int64_t id = 0;
    int number = 0;
    if (auto planned = store.planned_on(c.id, date)) {
      id = planned->id;
      number = planned->number;
    } else {
      number = store.next_meeting_number(c.id);
      id = store.add_meeting(c.id, number, in.kind, date, "", MeetingStatus::held, ctx.actor);
    }
    // The meeting as held (a planned one keeps its place unless a new one is given).
    store.record_held(id, in.kind, in.place, in.person_present, in.minutes, format_date(ctx.today()));
    std::vector<MeetingParticipant> participants;
    for (const auto& p : in.participants) participants.push_back({p.name, p.role, p.service, p.email, p.phone});
    store.add_participants(id, participants);
    audit(ctx, c, "meeting.add", in.minutes ? "audit.d.meeting_added_minutes" : "audit.d.meeting_added",
          {std::to_string(number), in.kind, date, std::to_string(in.participants.size())});
    return load_one(ctx.db, c, number);
  });
}

Meeting plan_meeting(const Context& ctx, std::string_view case_number, const std::string& kind_in, Date date, const std::string& place) {
  const AuthorisedCase ac = authorize_case(ctx, "meeting.write", case_number);
  const CaseRef& c = ac;
  std::string kind = kind_in;
  if (kind.empty() && !ctx.rv.meeting_kinds.empty()) kind = ctx.rv.meeting_kinds.front().id;
  check_meeting_kind(ctx.rv, kind);
  require_text(place, "--place", TextField::line);
  if (date <= ctx.today()) throw make_error(ExitCode::data, "meeting.next_not_future", long_date(date, ctx.lang));
  return ctx.db.write([&] {
    require_open_team(ctx.db, c);
    MeetingStore store(ctx.db);
    const int number = store.next_meeting_number(c.id);
    store.add_meeting(c.id, number, kind, format_date(date), place, MeetingStatus::planned, ctx.actor);
    audit(ctx, c, "meeting.next", "audit.d.meeting_next", {std::to_string(number), kind, format_date(date)});
    return load_one(ctx.db, c, number);
  });
}

Meeting record_minutes(const Context& ctx, std::string_view case_number, int number, const std::string& minutes) {
  const AuthorisedCase ac = authorize_case(ctx, "meeting.write", case_number);
  const CaseRef& c = ac;
  MeetingInput check;
  check.minutes = minutes;
  check_texts(check);
  return ctx.db.write([&] {
    require_open_team(ctx.db, c);
    const std::int64_t id = require_meeting(ctx.db, c, number);
    const Meeting m = load_one(ctx.db, c, number);
    require_not_cancelled(ctx, c, m);
    if (m.status == MeetingStatus::planned && m.date > format_date(ctx.today()))
      throw make_error(ExitCode::refused, "meeting.not_held_yet", c.number, number, long_date(m.date, ctx.lang));
    MeetingStore(ctx.db).set_minutes(id, minutes, format_date(ctx.today()));
    audit(ctx, c, "meeting.minutes", m.minutes ? "audit.d.minutes_replaced" : "audit.d.minutes", {std::to_string(number)});
    return load_one(ctx.db, c, number);
  });
}

Meeting cancel_meeting(const Context& ctx, std::string_view case_number, int number, const std::string& reason) {
  const AuthorisedCase ac = authorize_case(ctx, "meeting.write", case_number);
  const CaseRef& c = ac;
  require_text(reason, "--reason", TextField::line);
  if (trim(reason).empty()) throw make_error(ExitCode::usage, "error.missing_option", "--reason");
  return ctx.db.write([&] {
    require_open_team(ctx.db, c);
    const std::int64_t id = require_meeting(ctx.db, c, number);
    const Meeting m = load_one(ctx.db, c, number);
    require_not_cancelled(ctx, c, m);
    if (m.status == MeetingStatus::held)
      throw make_error(ExitCode::refused, "meeting.cancel_held", c.number, number, long_date(m.date, ctx.lang));
    MeetingStore(ctx.db).cancel(id, format_date(ctx.today()), reason);
    audit(ctx, c, "meeting.cancel", "audit.d.meeting_cancelled", {std::to_string(number), m.date});
    return load_one(ctx.db, c, number);
  });
}

MeetingAction add_action(const Context& ctx, std::string_view case_number, const ActionInput& in) {
  const AuthorisedCase ac = authorize_case(ctx, "meeting.write", case_number);
  const CaseRef& c = ac;
  if (in.measure_goal) authorize_also(ctx, "plan.write", ac);  // the action becomes a plan measure
  require_text(in.text, "--text");
  require_text(in.responsible, "--responsible", TextField::line);
  if (in.text.empty()) throw make_error(ExitCode::usage, "error.missing_option", "--text");
  if (in.responsible.empty()) throw make_error(ExitCode::usage, "error.missing_option", "--responsible");
  return ctx.db.write([&] {
    require_open_team(ctx.db, c);
    const std::int64_t mid = require_meeting(ctx.db, c, in.meeting);
    const Meeting m = load_one(ctx.db, c, in.meeting);
    require_not_cancelled(ctx, c, m);
    // An action agreed at a meeting falls due after it.
    if (format_date(in.due) < m.date)
      throw make_error(ExitCode::data, "meeting.action_before_meeting", long_date(in.due, ctx.lang), in.meeting,
                       long_date(m.date, ctx.lang));
    MeetingStore store(ctx.db);
    if (!TeamStore(ctx.db).is_current_member(c.id, in.responsible) && !store.is_participant(mid, in.responsible))
      throw make_error(ExitCode::refused, "meeting.responsible_unknown", in.responsible, c.number, in.meeting);
    std::optional<int> measure;
    if (in.measure_goal) {
      MeasureInput mi;
      mi.goal = *in.measure_goal;
      mi.text = in.text;
      mi.responsible = in.responsible;
      mi.due = in.due;
      measure = add_measure(ctx, ac, mi);
    }
    MeetingAction a;
    a.number = store.next_action_number(c.id);
    a.meeting = in.meeting;
    a.text = in.text;
    a.responsible = in.responsible;
    a.due_on = format_date(in.due);
    a.measure = measure;
    store.add_action(mid, c.id, a);
    if (measure)
      audit(ctx, c, "meeting.action", "audit.d.action_measure",
            {std::to_string(a.number), std::to_string(in.meeting), std::to_string(*measure)});
    else
      audit(ctx, c, "meeting.action", "audit.d.action", {std::to_string(a.number), std::to_string(in.meeting)});
    return *store.action(c.id, a.number);
  });
}

MeetingAction finish_action(const Context& ctx, std::string_view case_number, int number) {
  const AuthorisedCase ac = authorize_case(ctx, "meeting.write", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    MeetingStore store(ctx.db);
    auto found = store.action(c.id, number);
    if (!found) throw make_error(ExitCode::not_found, "meeting.action_not_found", c.number, number);
    MeetingAction a = *found;
    if (a.status == ActionStatus::done) throw make_error(ExitCode::refused, "meeting.action_done_already", c.number, number, long_date(a.done_on, ctx.lang));
    a.status = ActionStatus::done;
    a.done_on = format_date(ctx.today());
    store.finish_action(c.id, number, a.done_on);
    audit(ctx, c, "meeting.done", "audit.d.action_done", {std::to_string(number)});
    return a;
  });
}

std::vector<Meeting> list_meetings(const Context& ctx, std::string_view case_number) {
  const AuthorisedCase ac = authorize_case(ctx, "case.read", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    auto out = MeetingStore(ctx.db).meetings(c.id);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "meeting.list", c.number, c.fnr, "");
    return out;
  });
}

Meeting show_meeting(const Context& ctx, std::string_view case_number, int number) {
  const AuthorisedCase ac = authorize_case(ctx, "case.read", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    Meeting m = load_one(ctx.db, c, number);
    audit(ctx, c, "meeting.show", "audit.d.meeting", {std::to_string(number)});
    return m;
  });
}

std::string read_minutes(const std::string& path, std::istream* in, const std::string& folder) {
  auto slurp = [&](std::istream& s, const std::string& name) {
    std::string text;
    text.resize(kMaxMinutesBytes + 1);
    s.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (s.bad()) throw make_error(ExitCode::io, "error.cannot_read", name);
    text.resize(static_cast<std::size_t>(s.gcount()));
    if (text.size() > kMaxMinutesBytes) throw make_error(ExitCode::data, "meeting.minutes_too_long", name, kMaxMinutesBytes);
    require_text(text, name);
    return text;
  };
  if (path == "-") {
    if (!in) throw make_error(ExitCode::no_input, "error.cannot_read", path);
    BoundedBuf bounded(in->rdbuf(), kMaxMinutesBytes + 1);
    std::istream limited(&bounded);
    io::InputSpool spool(limited, folder, "-");
    return slurp(spool.stream(), "-");
  }
  std::error_code ec;
  std::ifstream file(path, std::ios::binary);
  if (!file || std::filesystem::is_directory(path, ec)) throw make_error(ExitCode::no_input, "error.cannot_read", path);
  if (io::needs_spool(path)) {  // a FIFO or a device: read as stdin is
    BoundedBuf bounded(file.rdbuf(), kMaxMinutesBytes + 1);
    std::istream limited(&bounded);
    io::InputSpool spool(limited, folder, path);
    return slurp(spool.stream(), path);
  }
  return slurp(file, path);
}

nlohmann::json to_json(const MeetingAction& a) {
  return {{"number", a.number},
          {"meeting", a.meeting},
          {"text", a.text},
          {"responsible", a.responsible},
          {"due", a.due_on},
          {"status", std::string(to_stored(a.status))},
          {"done_on", a.done_on.empty() ? nlohmann::json() : nlohmann::json(a.done_on)},
          {"measure", a.measure ? nlohmann::json(*a.measure) : nlohmann::json()}};
}

nlohmann::json to_json(const Rammeverk& rv, const Meeting& m, Lang lang) {
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  nlohmann::json parts = nlohmann::json::array();
  for (const auto& p : m.participants)
    parts.push_back({{"name", p.name}, {"role", or_null(p.role)}, {"service", or_null(p.service)}, {"email", or_null(p.email)},
                     {"phone", or_null(p.phone)}});
  nlohmann::json actions = nlohmann::json::array();
  for (const auto& a : m.actions) actions.push_back(to_json(a));
  const MeetingKind* k = rv.find_meeting_kind(m.kind);
  return {{"number", m.number},
          {"kind", m.kind},
          {"kind_label", k ? k->shown(lang) : m.kind},
          {"date", m.date},
          {"place", or_null(m.place)},
          {"status", std::string(to_stored(m.status))},
          {"person_present", m.person_present},
          {"minutes", m.minutes ? nlohmann::json(*m.minutes) : nlohmann::json()},
          {"minutes_on", or_null(m.minutes_on)},
          {"created_by", m.created_by},
          {"cancelled_on", or_null(m.cancelled_on)},
          {"cancel_reason", or_null(m.cancel_reason)},
          {"participants", parts},
          {"actions", actions}};
}

}  // namespace oppteam
