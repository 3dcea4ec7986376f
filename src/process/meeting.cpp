#include <oppteam/process/meeting.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/io/input_spool.hpp>
#include <oppteam/process/plan.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <streambuf>

namespace oppteam {

namespace {

std::string opt_col(SQLite::Statement& q, int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); }

void bind_opt(SQLite::Statement& q, int i, const std::string& v) {
  if (v.empty()) q.bind(i);
  else q.bind(i, v);
}

// The rule of every change: the case has a team, and it is not closed.
void require_open_team(Database& db, const CaseRef& c) {
  SQLite::Statement q(db.sql(), "SELECT status FROM team WHERE case_id = ?");
  q.bind(1, c.id);
  if (!q.executeStep()) throw make_error(ExitCode::refused, "meeting.no_team", c.number);
  if (q.getColumn(0).getString() == "closed") throw make_error(ExitCode::refused, "meeting.team_closed", c.number);
}

int next_number(Database& db, const char* table, std::int64_t case_id) {
  SQLite::Statement q(db.sql(), fmt::format("SELECT COALESCE(MAX(number), 0) + 1 FROM {} WHERE case_id = ?", table));
  q.bind(1, case_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

std::optional<std::int64_t> meeting_id(Database& db, const CaseRef& c, int number) {
  SQLite::Statement q(db.sql(), "SELECT id FROM meeting WHERE case_id = ? AND number = ?");
  q.bind(1, c.id);
  q.bind(2, number);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::int64_t require_meeting(Database& db, const CaseRef& c, int number) {
  auto id = meeting_id(db, c, number);
  if (!id) throw make_error(ExitCode::not_found, "meeting.not_found", c.number, number);
  return *id;
}

MeetingAction read_action(SQLite::Statement& q) {
  MeetingAction a;
  a.number = q.getColumn(0).getInt();
  a.meeting = q.getColumn(1).getInt();
  a.text = q.getColumn(2).getString();
  a.responsible = q.getColumn(3).getString();
  a.due_on = q.getColumn(4).getString();
  a.status = q.getColumn(5).getString();
  a.done_on = opt_col(q, 6);
  if (!q.getColumn(7).isNull()) a.measure = q.getColumn(7).getInt();
  return a;
}

constexpr const char* kActionColumns =
    "SELECT a.number, m.number, a.text, a.responsible, a.due_on, a.status, a.done_on, a.measure "
    "FROM meeting_action a JOIN meeting m ON m.id = a.meeting_id ";

// The meetings of a case (all, or the one numbered `only`), with participants and actions.
std::vector<Meeting> load_meetings(Database& db, const CaseRef& c, std::optional<int> only = std::nullopt) {
  std::vector<Meeting> out;
  SQLite::Statement q(db.sql(),
                      "SELECT id, number, kind, held_on, place, status, person_present, minutes, minutes_on, created_by "
                      "FROM meeting WHERE case_id = ? AND (? IS NULL OR number = ?) ORDER BY held_on, number");
  q.bind(1, c.id);
  if (only) {
    q.bind(2, *only);
    q.bind(3, *only);
  } else {
    q.bind(2);
    q.bind(3);
  }
  SQLite::Statement p(db.sql(),
                      "SELECT name, role, service, email, phone FROM meeting_participant WHERE meeting_id = ? ORDER BY id");
  SQLite::Statement a(db.sql(), std::string(kActionColumns) + "WHERE a.meeting_id = ? ORDER BY a.number");
  while (q.executeStep()) {
    Meeting m;
    const std::int64_t id = q.getColumn(0).getInt64();
    m.number = q.getColumn(1).getInt();
    m.kind = q.getColumn(2).getString();
    m.date = q.getColumn(3).getString();
    m.place = opt_col(q, 4);
    m.status = q.getColumn(5).getString();
    m.person_present = q.getColumn(6).getInt() != 0;
    if (!q.getColumn(7).isNull()) m.minutes = q.getColumn(7).getString();
    m.minutes_on = opt_col(q, 8);
    m.created_by = q.getColumn(9).getString();
    p.reset();
    p.bind(1, id);
    while (p.executeStep())
      m.participants.push_back({p.getColumn(0).getString(), opt_col(p, 1), opt_col(p, 2), opt_col(p, 3), opt_col(p, 4)});
    a.reset();
    a.bind(1, id);
    while (a.executeStep()) m.actions.push_back(read_action(a));
    out.push_back(std::move(m));
  }
  return out;
}

Meeting load_one(Database& db, const CaseRef& c, int number) {
  auto all = load_meetings(db, c, number);
  if (all.empty()) throw make_error(ExitCode::not_found, "meeting.not_found", c.number, number);
  return all.front();
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

void audit(const Context& ctx, const CaseRef& c, const std::string& action, const std::string& detail) {
  audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, action, c.number, c.fnr, detail);
}

}  // namespace

void check_meeting_kind(const Rammeverk& rv, const std::string& kind) {
  if (rv.find_meeting_kind(kind)) return;
  std::string ids;
  for (const auto& k : rv.meeting_kinds) ids += (ids.empty() ? "" : ", ") + k.id;
  throw make_error(ExitCode::usage, "meeting.unknown_kind", kind, ids);
}

Meeting add_meeting(const Context& ctx, std::string_view case_number, const MeetingInput& in) {
  const AuthorisedCase ac = authorize_case(ctx, "meeting.write", case_number);
  const CaseRef& c = ac;
  check_meeting_kind(ctx.rv, in.kind);
  check_texts(in);
  if (in.date > ctx.today()) throw make_error(ExitCode::data, "meeting.future_date", format_date(in.date));
  const std::string date = format_date(in.date);
  return ctx.db.write([&] {
    require_open_team(ctx.db, c);
    // A meeting planned for this date is the one now held.
    SQLite::Statement planned(ctx.db.sql(),
                              "SELECT id, number FROM meeting WHERE case_id = ? AND held_on = ? AND status = 'planned' "
                              "ORDER BY number LIMIT 1");
    planned.bind(1, c.id);
    planned.bind(2, date);
    std::int64_t id = 0;
    int number = 0;
    if (planned.executeStep()) {
      id = planned.getColumn(0).getInt64();
      number = planned.getColumn(1).getInt();
    } else {
      number = next_number(ctx.db, "meeting", c.id);
      SQLite::Statement ins(ctx.db.sql(),
                            "INSERT INTO meeting (case_id, number, kind, held_on, status, created_by) "
                            "VALUES (?, ?, ?, ?, 'held', ?)");
      ins.bind(1, c.id);
      ins.bind(2, number);
      ins.bind(3, in.kind);
      ins.bind(4, date);
      ins.bind(5, ctx.actor);
      ins.exec();
      id = ctx.db.sql().getLastInsertRowid();
    }
    // The meeting as held (a planned one keeps its place unless a new one is given).
    SQLite::Statement up(ctx.db.sql(),
                         "UPDATE meeting SET status = 'held', kind = ?, place = COALESCE(?, place), person_present = ?, "
                         "minutes = ?, minutes_on = ? WHERE id = ?");
    up.bind(1, in.kind);
    bind_opt(up, 2, in.place);
    up.bind(3, in.person_present ? 1 : 0);
    if (in.minutes) {
      up.bind(4, *in.minutes);
      up.bind(5, format_date(ctx.today()));
    } else {
      up.bind(4);
      up.bind(5);
    }
    up.bind(6, id);
    up.exec();
    SQLite::Statement part(ctx.db.sql(),
                           "INSERT INTO meeting_participant (meeting_id, name, role, service, email, phone) VALUES (?,?,?,?,?,?)");
    for (const auto& p : in.participants) {
      part.reset();
      part.bind(1, id);
      part.bind(2, p.name);
      bind_opt(part, 3, p.role);
      bind_opt(part, 4, p.service);
      bind_opt(part, 5, p.email);
      bind_opt(part, 6, p.phone);
      part.exec();
    }
    audit(ctx, c, "meeting.add",
          fmt::format("meeting {} {} on {}, {} participants{}", number, in.kind, date, in.participants.size(),
                      in.minutes ? ", minutes" : ""));
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
  if (date <= ctx.today()) throw make_error(ExitCode::data, "meeting.next_not_future", format_date(date));
  return ctx.db.write([&] {
    require_open_team(ctx.db, c);
    const int number = next_number(ctx.db, "meeting", c.id);
    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO meeting (case_id, number, kind, held_on, place, status, created_by) "
                          "VALUES (?, ?, ?, ?, ?, 'planned', ?)");
    ins.bind(1, c.id);
    ins.bind(2, number);
    ins.bind(3, kind);
    ins.bind(4, format_date(date));
    bind_opt(ins, 5, place);
    ins.bind(6, ctx.actor);
    ins.exec();
    audit(ctx, c, "meeting.next", fmt::format("meeting {} {} planned for {}", number, kind, format_date(date)));
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
    if (m.status == kMeetingPlanned && m.date > format_date(ctx.today()))
      throw make_error(ExitCode::refused, "meeting.not_held_yet", c.number, number, m.date);
    SQLite::Statement up(ctx.db.sql(), "UPDATE meeting SET status = 'held', minutes = ?, minutes_on = ? WHERE id = ?");
    up.bind(1, minutes);
    up.bind(2, format_date(ctx.today()));
    up.bind(3, id);
    up.exec();
    audit(ctx, c, "meeting.minutes", fmt::format("meeting {} minutes{}", number, m.minutes ? " replaced" : ""));
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
    SQLite::Statement who(ctx.db.sql(),
                          "SELECT 1 FROM team_member m JOIN team t ON t.id = m.team_id "
                          "WHERE t.case_id = ? AND m.name = ? AND m.removed_on IS NULL "
                          "UNION ALL SELECT 1 FROM meeting_participant WHERE meeting_id = ? AND name = ? LIMIT 1");
    who.bind(1, c.id);
    who.bind(2, in.responsible);
    who.bind(3, mid);
    who.bind(4, in.responsible);
    if (!who.executeStep()) throw make_error(ExitCode::refused, "meeting.responsible_unknown", in.responsible, c.number, in.meeting);
    std::optional<int> measure;
    if (in.measure_goal) {
      MeasureInput mi;
      mi.goal = *in.measure_goal;
      mi.text = in.text;
      mi.responsible = in.responsible;
      mi.due = in.due;
      measure = add_measure(ctx, ac, mi);
    }
    const int number = next_number(ctx.db, "meeting_action", c.id);
    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO meeting_action (meeting_id, case_id, number, text, responsible, due_on, measure) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, mid);
    ins.bind(2, c.id);
    ins.bind(3, number);
    ins.bind(4, in.text);
    ins.bind(5, in.responsible);
    ins.bind(6, format_date(in.due));
    if (measure) ins.bind(7, *measure);
    else ins.bind(7);
    ins.exec();
    audit(ctx, c, "meeting.action",
          measure ? fmt::format("action {} of meeting {}, measure {}", number, in.meeting, *measure)
                  : fmt::format("action {} of meeting {}", number, in.meeting));
    SQLite::Statement q(ctx.db.sql(), std::string(kActionColumns) + "WHERE a.case_id = ? AND a.number = ?");
    q.bind(1, c.id);
    q.bind(2, number);
    q.executeStep();
    return read_action(q);
  });
}

MeetingAction finish_action(const Context& ctx, std::string_view case_number, int number) {
  const AuthorisedCase ac = authorize_case(ctx, "meeting.write", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    SQLite::Statement q(ctx.db.sql(), std::string(kActionColumns) + "WHERE a.case_id = ? AND a.number = ?");
    q.bind(1, c.id);
    q.bind(2, number);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "meeting.action_not_found", c.number, number);
    MeetingAction a = read_action(q);
    if (a.status == "done") throw make_error(ExitCode::refused, "meeting.action_done_already", c.number, number, a.done_on);
    a.status = "done";
    a.done_on = format_date(ctx.today());
    SQLite::Statement up(ctx.db.sql(), "UPDATE meeting_action SET status = 'done', done_on = ? WHERE case_id = ? AND number = ?");
    up.bind(1, a.done_on);
    up.bind(2, c.id);
    up.bind(3, number);
    up.exec();
    audit(ctx, c, "meeting.done", fmt::format("action {} done", number));
    return a;
  });
}

std::vector<Meeting> list_meetings(const Context& ctx, std::string_view case_number) {
  const AuthorisedCase ac = authorize_case(ctx, "case.read", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    auto out = load_meetings(ctx.db, c);
    audit(ctx, c, "meeting.list", "");
    return out;
  });
}

Meeting show_meeting(const Context& ctx, std::string_view case_number, int number) {
  const AuthorisedCase ac = authorize_case(ctx, "case.read", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    Meeting m = load_one(ctx.db, c, number);
    audit(ctx, c, "meeting.show", fmt::format("meeting {}", number));
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
          {"status", a.status},
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
          {"status", m.status},
          {"person_present", m.person_present},
          {"minutes", m.minutes ? nlohmann::json(*m.minutes) : nlohmann::json()},
          {"minutes_on", or_null(m.minutes_on)},
          {"created_by", m.created_by},
          {"participants", parts},
          {"actions", actions}};
}

}  // namespace oppteam
