#include <oppteam/process/appeal.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/decision.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

struct DecisionInForce {
  std::int64_t id = 0;
  std::string outcome, decided_on, appeal_deadline;
};

std::optional<DecisionInForce> decision_in_force(Database& db, std::int64_t case_id) {
  SQLite::Statement q(db.sql(), "SELECT id, outcome, decided_on, appeal_deadline FROM decision WHERE case_id = ?");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return DecisionInForce{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                         q.getColumn(3).getString()};
}

struct OpenAppeal {
  std::int64_t id = 0;
  std::string status, status_on, received_on;
};

std::optional<OpenAppeal> open_appeal(Database& db, std::int64_t case_id) {
  SQLite::Statement q(db.sql(),
                      "SELECT id, status, status_on, received_on FROM appeal WHERE case_id = ? AND "
                      "(status = 'received' OR status = 'upheld' OR status = 'forwarded' OR status = 'returned') "
                      "ORDER BY id DESC LIMIT 1");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return OpenAppeal{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).getString()};
}

// Keeps the step and moves the appeal to `status` on `on`.
void record_step(const Context& ctx, std::int64_t appeal_id, const std::string& step, const std::string& result,
                 const std::string& on, const std::string& grounds, std::string_view status) {
  SQLite::Statement s(ctx.db.sql(),
                      "INSERT INTO appeal_step(appeal_id, step, result, step_on, grounds, recorded_by) VALUES (?, ?, ?, ?, ?, ?)");
  s.bind(1, appeal_id);
  s.bind(2, step);
  if (result.empty()) s.bind(3);
  else s.bind(3, result);
  s.bind(4, on);
  if (grounds.empty()) s.bind(5);
  else s.bind(5, grounds);
  s.bind(6, ctx.actor);
  s.exec();
  SQLite::Statement u(ctx.db.sql(), "UPDATE appeal SET status = ?, status_on = ? WHERE id = ?");
  u.bind(1, std::string(status));
  u.bind(2, on);
  u.bind(3, appeal_id);
  u.exec();
}

// A date of a step: not after today, not before the step before it (65).
std::string step_date(const Context& ctx, Date on, const std::string& before, std::string_view option) {
  if (on > ctx.today()) throw make_error(ExitCode::data, "appeal.future_date", option, format_date(on));
  const std::string day = format_date(on);
  if (day < before) throw make_error(ExitCode::data, "appeal.date_before", option, day, before);
  return day;
}

// The new decision of a reversal: the other outcome, through the decision code.
DecisionResult reverse_decision(const Context& ctx, const CaseRef& c, const DecisionInForce& d, std::int64_t appeal_id,
                                const std::string& grounds, const std::string& signed_by = {}) {
  if (c.status != kCaseGranted && c.status != kCaseRefused)
    throw make_error(ExitCode::refused, "appeal.reverse_wrong_state", c.number, c.status);
  DecisionInput in;
  in.grant = d.outcome != "granted";
  in.grounds = grounds;
  in.signed_by = signed_by;
  return write_decision(ctx, c, in, appeal_id);
}

Appeal find_appeal(const Context& ctx, const CaseRef& c, std::int64_t id) {
  for (auto& a : read_appeals(ctx, c.id))
    if (a.id == id) return a;
  throw make_error(ExitCode::not_found, "appeal.none", c.number);
}

}  // namespace

bool appeal_open(std::string_view status) {
  const auto s = appeal_status_from(status);
  return s && appeal_open(*s);
}

Appeal register_appeal(const Context& ctx, std::string_view case_number, const AppealInput& in) {
  authorize_some(ctx, "appeal.write");
  if (in.from != "person" && in.from != "foresatt" && in.from != "verge")
    throw make_error(ExitCode::usage, "appeal.bad_from", in.from);
  require_text(in.name, "--name", TextField::line);
  const std::string name = trim(in.name);
  if (name.empty() && in.from != "person") throw make_error(ExitCode::usage, "appeal.name_required", in.from);
  const std::string received = step_date(ctx, in.received, "", "--received");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "appeal.write", case_number);
    if (c.status == kCaseClosed) throw make_error(ExitCode::refused, "appeal.case_closed", c.number);
    const auto d = decision_in_force(ctx.db, c.id);
    if (!d) throw make_error(ExitCode::refused, "appeal.no_decision", c.number);
    if (received < d->decided_on) throw make_error(ExitCode::data, "appeal.date_before", "--received", received, d->decided_on);
    if (const auto open = open_appeal(ctx.db, c.id))
      throw make_error(ExitCode::refused, "appeal.open_already", c.number, open->received_on);
    const bool late = received > d->appeal_deadline;
    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO appeal(case_id, decision_id, received_on, appellant, appellant_name, deadline, late, "
                          "decision_outcome, status, status_on, registered_on, registered_by) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?)");
    ins.bind(1, c.id);
    ins.bind(2, d->id);
    ins.bind(3, received);
    ins.bind(4, in.from);
    if (name.empty()) ins.bind(5);
    else ins.bind(5, name);
    ins.bind(6, d->appeal_deadline);
    ins.bind(7, late ? 1 : 0);
    ins.bind(8, d->outcome);
    ins.bind(9, received);
    ins.bind(10, format_date(ctx.today()));
    ins.bind(11, ctx.actor);
    ins.exec();
    const std::int64_t id = ctx.db.sql().getLastInsertRowid();
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "appeal.register", c.number, c.fnr,
                 "appeal " + std::to_string(id) + " from " + in.from + " received " + received + (late ? " (late)" : ""));
    return find_appeal(ctx, c, id);
  });
}

AppealReviewed review_appeal(const Context& ctx, std::string_view case_number, bool reverse, const std::string& grounds_in,
                             const std::string& signed_by) {
  authorize_some(ctx, "appeal.write");
  if (reverse) authorize_some(ctx, "decide");  // a reversal is a new decision
  const std::string grounds = required_value(grounds_in, "--grounds", TextField::lines);
  return ctx.db.write([&] {
    const AuthorisedCase ac = authorize_case(ctx, "appeal.write", case_number);
    if (reverse) authorize_also(ctx, "decide", ac);
    const CaseRef c = ac;
    const auto a = open_appeal(ctx.db, c.id);
    if (!a || (a->status != kAppealReceived && a->status != kAppealReturned))
      throw make_error(ExitCode::refused, "appeal.no_review_owed", c.number);
    const std::string today = format_date(ctx.today());
    AppealReviewed out;
    // The new decision first: its own audit entry is written and flushed before this step's.
    if (reverse) {
      const auto d = decision_in_force(ctx.db, c.id);
      const DecisionResult r = reverse_decision(ctx, c, *d, a->id, grounds, signed_by);
      out.new_outcome = r.outcome;
      out.letter = r.letter;
    }
    record_step(ctx, a->id, "review", reverse ? "reverse" : "uphold", today, grounds,
                reverse ? kAppealReversed : kAppealUpheld);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "appeal.review", c.number, c.fnr,
                 "appeal " + std::to_string(a->id) + (reverse ? " reversed" : " upheld"));
    out.appeal = find_appeal(ctx, c, a->id);
    return out;
  });
}

Appeal forward_appeal(const Context& ctx, std::string_view case_number, Date on) {
  authorize_some(ctx, "appeal.write");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "appeal.write", case_number);
    const auto a = open_appeal(ctx.db, c.id);
    if (!a || a->status != kAppealUpheld) throw make_error(ExitCode::refused, "appeal.no_forward_owed", c.number);
    const std::string day = step_date(ctx, on, a->status_on, "--date");
    record_step(ctx, a->id, "forward", "", day, "", kAppealForwarded);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "appeal.forward", c.number, c.fnr,
                 "appeal " + std::to_string(a->id) + " to statsforvalteren " + day);
    return find_appeal(ctx, c, a->id);
  });
}

AppealReviewed appeal_outcome(const Context& ctx, std::string_view case_number, const std::string& outcome, Date on) {
  authorize_some(ctx, "appeal.write");
  if (outcome == "reversed") authorize_some(ctx, "decide");  // the reversal becomes the decision in force
  if (outcome != "upheld" && outcome != "reversed" && outcome != "returned")
    throw make_error(ExitCode::usage, "appeal.bad_outcome", outcome);
  return ctx.db.write([&] {
    const AuthorisedCase ac = authorize_case(ctx, "appeal.write", case_number);
    if (outcome == "reversed") authorize_also(ctx, "decide", ac);
    const CaseRef c = ac;
    const auto a = open_appeal(ctx.db, c.id);
    if (!a || a->status != kAppealForwarded) throw make_error(ExitCode::refused, "appeal.no_outcome_owed", c.number);
    const std::string day = step_date(ctx, on, a->status_on, "--date");
    AppealReviewed out;
    if (outcome == "reversed") {
      const auto d = decision_in_force(ctx.db, c.id);
      const DecisionResult r =
          reverse_decision(ctx, c, *d, a->id, tr(ctx.rv.municipality.language, "appeal.reversed_grounds", long_date(on, ctx.rv.municipality.language)));
      out.new_outcome = r.outcome;
      out.letter = r.letter;
    }
    const std::string_view status =
        outcome == "upheld" ? kAppealFinalUpheld : outcome == "reversed" ? kAppealFinalReversed : kAppealReturned;
    record_step(ctx, a->id, "outcome", outcome, day, "", status);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "appeal.outcome", c.number, c.fnr,
                 "appeal " + std::to_string(a->id) + " " + outcome + " " + day);
    out.appeal = find_appeal(ctx, c, a->id);
    return out;
  });
}

std::vector<Appeal> read_appeals(const Context& ctx, std::int64_t case_id) {
  std::vector<Appeal> out;
  SQLite::Statement q(ctx.db.sql(),
                      "SELECT a.id, c.number, a.received_on, a.appellant, coalesce(a.appellant_name, ''), a.deadline, a.late, "
                      "a.decision_outcome, a.status, a.status_on, a.registered_by FROM appeal a JOIN case_file c ON c.id = a.case_id "
                      "WHERE a.case_id = ? ORDER BY a.id");
  q.bind(1, case_id);
  while (q.executeStep()) {
    Appeal a;
    a.id = q.getColumn(0).getInt64();
    a.case_number = q.getColumn(1).getString();
    a.received_on = q.getColumn(2).getString();
    a.from = q.getColumn(3).getString();
    a.name = q.getColumn(4).getString();
    a.deadline = q.getColumn(5).getString();
    a.late = q.getColumn(6).getInt() != 0;
    a.decision_outcome = q.getColumn(7).getString();
    a.status = q.getColumn(8).getString();
    a.status_on = q.getColumn(9).getString();
    a.registered_by = q.getColumn(10).getString();
    if (appeal_open(a.status)) a.due = format_date(appeal_step_due(ctx.rv, a.status, parse_date(a.status_on, "status_on")));
    out.push_back(std::move(a));
  }
  SQLite::Statement s(ctx.db.sql(),
                      "SELECT s.appeal_id, s.step, coalesce(s.result, ''), s.step_on, s.recorded_by, coalesce(s.grounds, '') "
                      "FROM appeal_step s JOIN appeal a ON a.id = s.appeal_id WHERE a.case_id = ? ORDER BY s.id");
  s.bind(1, case_id);
  while (s.executeStep()) {
    const std::int64_t id = s.getColumn(0).getInt64();
    for (auto& a : out)
      if (a.id == id)
        a.steps.push_back({s.getColumn(1).getString(), s.getColumn(2).getString(), s.getColumn(3).getString(),
                           s.getColumn(4).getString(), s.getColumn(5).getString()});
  }
  return out;
}

nlohmann::json to_json(const Appeal& a) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : a.steps) {
    nlohmann::json j = {{"step", s.step}, {"on", s.on}, {"by", s.by}};
    j["result"] = s.result.empty() ? nlohmann::json() : nlohmann::json(s.result);
    j["grounds"] = s.grounds.empty() ? nlohmann::json() : nlohmann::json(s.grounds);
    steps.push_back(j);
  }
  return {{"id", a.id},
          {"case", a.case_number},
          {"received_on", a.received_on},
          {"from", a.from},
          {"name", a.name.empty() ? nlohmann::json() : nlohmann::json(a.name)},
          {"deadline", a.deadline},
          {"late", a.late},
          {"decision_outcome", a.decision_outcome},
          {"status", a.status},
          {"status_on", a.status_on},
          {"open", appeal_open(a.status)},
          {"due", a.due.empty() ? nlohmann::json() : nlohmann::json(a.due)},
          {"registered_by", a.registered_by},
          {"steps", steps}};
}

}  // namespace oppteam
