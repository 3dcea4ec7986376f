#include <oppteam/process/plan.hpp>

#include <oppteam/process/appeal.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/process/approval.hpp>
#include <oppteam/process/case_log.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/markup.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace oppteam {

namespace {

std::string col_text(SQLite::Statement& q, int i) {
  auto c = q.getColumn(i);
  return c.isNull() ? std::string() : c.getString();
}

void bind_opt(SQLite::Statement& q, int i, const std::string& v) {
  if (v.empty()) q.bind(i);
  else q.bind(i, v);
}

struct TeamState {
  std::int64_t id = 0;
  std::string status;
};

std::optional<TeamState> team_of(Database& db, std::int64_t case_id) {
  SQLite::Statement q(db.sql(), "SELECT id, status FROM team WHERE case_id = ?");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return TeamState{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

// The rules every change of a plan checks: an active team and, when the
// rammeverk asks for it, consent for the plan.
void require_plan_rules(const Context& ctx, const CaseRef& c) {
  auto t = team_of(ctx.db, c.id);
  if (!t) throw make_error(ExitCode::refused, "plan.no_team", c.number);
  if (t->status != "active") throw make_error(ExitCode::refused, "plan.team_not_active", c.number, tr(ctx.lang, "team.status_" + t->status));
  require_consent_for(ctx, c, "plan");
}

std::string plan_status(Database& db, std::int64_t plan_id) {
  SQLite::Statement q(db.sql(), "SELECT status FROM plan WHERE id = ?");
  q.bind(1, plan_id);
  q.executeStep();
  return q.getColumn(0).getString();
}

std::int64_t existing_plan(const Context& ctx, const CaseRef& c) {
  auto id = plan_id_of(ctx.db, c.id);
  if (!id) throw make_error(ExitCode::not_found, "plan.not_found", c.number);
  if (plan_status(ctx.db, *id) == "closed") throw make_error(ExitCode::refused, "plan.closed", c.number);
  return *id;
}

// The plan of the case, created on first use: an individual plan when the
// person has consented to one (scope "ip"), else the team's follow-up plan.
std::int64_t ensure_plan(const Context& ctx, const CaseRef& c) {
  if (auto id = plan_id_of(ctx.db, c.id)) {
    if (plan_status(ctx.db, *id) == "closed") throw make_error(ExitCode::refused, "plan.closed", c.number);
    return *id;
  }
  const std::string kind(consent_valid(ctx.db, c.id, "ip", ctx.today()) ? kPlanIp : kPlanFollowUp);
  SQLite::Statement ins(ctx.db.sql(),
                        "INSERT INTO plan (case_id, kind, status, revision, created_on, period_from) "
                        "VALUES (?, ?, 'open', 0, ?, ?)");
  const std::string today = format_date(ctx.today());
  ins.bind(1, c.id);
  ins.bind(2, kind);
  ins.bind(3, today);
  ins.bind(4, today);
  ins.exec();
  return ctx.db.sql().getLastInsertRowid();
}

// The plan's current state with the team and the consents in force today.
Plan load_current(const Context& ctx, std::int64_t plan_id, const CaseRef& c) {
  Database& db = ctx.db;
  Plan p;
  p.case_number = c.number;
  {
    SQLite::Statement q(db.sql(), "SELECT name FROM person WHERE id = ?");
    q.bind(1, c.person_id);
    if (q.executeStep()) p.person_name = col_text(q, 0);
  }
  {
    SQLite::Statement q(db.sql(),
                        "SELECT kind, status, revision, created_on, participated_how, participated_on, resources, "
                        "needs, contributions, period_from, period_to, next_evaluation FROM plan WHERE id = ?");
    q.bind(1, plan_id);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "plan.not_found", c.number);
    p.kind = col_text(q, 0);
    p.status = col_text(q, 1);
    p.revision = q.getColumn(2).getInt();
    p.created_on = col_text(q, 3);
    p.participated_how = col_text(q, 4);
    p.participated_on = col_text(q, 5);
    p.resources = col_text(q, 6);
    p.needs = col_text(q, 7);
    p.contributions = col_text(q, 8);
    p.period_from = col_text(q, 9);
    p.period_to = col_text(q, 10);
    p.next_evaluation = col_text(q, 11);
  }
  {
    SQLite::Statement q(db.sql(), fmt::format("SELECT g.number, g.parent, g.text, g.source, {}, {} FROM goal g "
                                              "WHERE g.plan_id = ? ORDER BY g.number",
                                              kGoalStateSql, kGoalNoteSql));
    q.bind(1, plan_id);
    while (q.executeStep()) {
      Goal g;
      g.number = q.getColumn(0).getInt();
      if (!q.getColumn(1).isNull()) g.parent = q.getColumn(1).getInt();
      g.text = col_text(q, 2);
      g.source = col_text(q, 3);
      g.status = col_text(q, 4);
      g.status_note = col_text(q, 5);
      p.goals.push_back(std::move(g));
    }
  }
  {
    SQLite::Statement q(db.sql(),
                        "SELECT number, goal_number, text, responsible, due_on, every_days, scope, how, status "
                        "FROM measure WHERE plan_id = ? ORDER BY number");
    q.bind(1, plan_id);
    while (q.executeStep()) {
      Measure m;
      m.number = q.getColumn(0).getInt();
      m.goal = q.getColumn(1).getInt();
      m.text = col_text(q, 2);
      m.responsible = col_text(q, 3);
      m.due_on = col_text(q, 4);
      if (!q.getColumn(5).isNull()) m.every_days = q.getColumn(5).getInt();
      m.scope = col_text(q, 6);
      m.how = col_text(q, 7);
      m.status = col_text(q, 8);
      p.measures.push_back(std::move(m));
    }
  }
  {
    SQLite::Statement q(db.sql(),
                        "SELECT m.name, m.role, m.service, m.kind FROM team_member m JOIN team t ON t.id = m.team_id "
                        "WHERE t.case_id = ? AND m.removed_on IS NULL "
                        "ORDER BY CASE m.kind WHEN 'coordinator' THEN 0 WHEN 'participant' THEN 1 WHEN 'gp' THEN 2 ELSE 3 END, m.id");
    q.bind(1, c.id);
    while (q.executeStep()) p.team.push_back({col_text(q, 0), col_text(q, 1), col_text(q, 2), col_text(q, 3)});
  }
  {
    SQLite::Statement q(db.sql(),
                        "SELECT scope, form, given_by, given_on FROM consent WHERE case_id = ?1 AND given_on <= ?2 "
                        "AND (withdrawn_on IS NULL OR withdrawn_on > ?2) ORDER BY given_on, id");
    q.bind(1, c.id);
    q.bind(2, format_date(ctx.today()));
    while (q.executeStep()) p.consents.push_back({col_text(q, 0), col_text(q, 1), col_text(q, 2), col_text(q, 3)});
  }
  return p;
}

std::string change_json(const std::string& key, const std::vector<std::string>& args) {
  return nlohmann::json{{"key", key}, {"args", args}}.dump();
}

std::string render_change(Lang lang, const std::string& stored) {
  auto j = nlohmann::json::parse(stored, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return stored;
  return render_message(lang, j.value("key", ""), j.value("args", std::vector<std::string>{}));
}

bool is_member(Database& db, std::int64_t case_id, const std::string& name) {
  SQLite::Statement q(db.sql(),
                      "SELECT 1 FROM team_member m JOIN team t ON t.id = m.team_id "
                      "WHERE t.case_id = ? AND m.name = ? AND m.removed_on IS NULL LIMIT 1");
  q.bind(1, case_id);
  q.bind(2, name);
  return q.executeStep();
}

bool goal_exists(Database& db, std::int64_t plan_id, int number) {
  SQLite::Statement q(db.sql(), "SELECT 1 FROM goal WHERE plan_id = ? AND number = ?");
  q.bind(1, plan_id);
  q.bind(2, number);
  return q.executeStep();
}

int next_number(Database& db, const char* table, std::int64_t plan_id) {
  SQLite::Statement q(db.sql(), fmt::format("SELECT COALESCE(MAX(number), 0) + 1 FROM {} WHERE plan_id = ?", table));
  q.bind(1, plan_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

// The entry of a plan change; `inserted`: the row of that table it added, sealed with it.
void audit_change(const Context& ctx, const CaseRef& c, const std::string& action, const std::string& detail,
                  const char* inserted = nullptr, std::int64_t inserted_id = 0) {
  AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
  if (inserted) audit.after(inserted, inserted_id);
  audit.append(action, c.number, c.fnr, detail);
  audit.flush();
}

}  // namespace

const Goal* Plan::find_goal(int number) const {
  auto it = std::find_if(goals.begin(), goals.end(), [&](const Goal& g) { return g.number == number; });
  return it == goals.end() ? nullptr : &*it;
}

const PlanMember* Plan::coordinator() const {
  auto it = std::find_if(team.begin(), team.end(), [](const PlanMember& m) { return m.kind == "coordinator"; });
  return it == team.end() ? nullptr : &*it;
}

nlohmann::json to_json(const Plan& p) {
  using nlohmann::json;
  auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json goals = json::array();
  for (const auto& g : p.goals) {
    goals.push_back({{"number", g.number},
                     {"parent", g.parent ? json(*g.parent) : json(nullptr)},
                     {"text", g.text},
                     {"source", opt(g.source)},
                     {"status", g.status}});
    if (!g.status_note.empty()) goals.back()["status_note"] = g.status_note;
  }
  json measures = json::array();
  for (const auto& m : p.measures) {
    measures.push_back({{"number", m.number},
                        {"goal", m.goal},
                        {"text", m.text},
                        {"responsible", m.responsible},
                        {"due", m.due_on},
                        {"every_days", m.every_days ? json(*m.every_days) : json(nullptr)},
                        {"scope", opt(m.scope)},
                        {"how", opt(m.how)},
                        {"status", m.status}});
  }
  json team = json::array();
  for (const auto& t : p.team) {
    team.push_back({{"name", t.name}, {"role", t.role}, {"service", opt(t.service)}, {"kind", t.kind}});
  }
  json consents = json::array();
  for (const auto& c : p.consents) {
    consents.push_back({{"scope", c.scope}, {"form", c.form}, {"given_by", c.given_by}, {"given_on", c.given_on}});
  }
  return {{"case", p.case_number},
          {"person_name", opt(p.person_name)},
          {"kind", p.kind},
          {"status", p.status},
          {"revision", p.revision},
          {"revised_at", opt(p.revised_at)},
          {"created_on", p.created_on},
          {"participation", {{"how", opt(p.participated_how)}, {"on", opt(p.participated_on)}}},
          {"resources", opt(p.resources)},
          {"needs", opt(p.needs)},
          {"contributions", opt(p.contributions)},
          {"period", {{"from", opt(p.period_from)}, {"to", opt(p.period_to)}}},
          {"next_evaluation", opt(p.next_evaluation)},
          {"goals", goals},
          {"measures", measures},
          {"team", team},
          {"consents", consents}};
}

Plan plan_from_json(const nlohmann::json& j) {
  auto s = [](const nlohmann::json& o, const char* k) {
    auto it = o.find(k);
    return (it == o.end() || it->is_null()) ? std::string() : it->get<std::string>();
  };
  Plan p;
  p.case_number = s(j, "case");
  p.person_name = s(j, "person_name");
  p.kind = s(j, "kind");
  p.status = s(j, "status");
  p.revision = j.value("revision", 0);
  p.revised_at = s(j, "revised_at");
  p.created_on = s(j, "created_on");
  if (j.contains("participation")) {
    p.participated_how = s(j["participation"], "how");
    p.participated_on = s(j["participation"], "on");
  }
  p.resources = s(j, "resources");
  p.needs = s(j, "needs");
  p.contributions = s(j, "contributions");
  if (j.contains("period")) {
    p.period_from = s(j["period"], "from");
    p.period_to = s(j["period"], "to");
  }
  p.next_evaluation = s(j, "next_evaluation");
  for (const auto& g : j.value("goals", nlohmann::json::array())) {
    Goal x;
    x.number = g.value("number", 0);
    if (g.contains("parent") && !g["parent"].is_null()) x.parent = g["parent"].get<int>();
    x.text = s(g, "text");
    x.source = s(g, "source");
    x.status = s(g, "status");
    x.status_note = s(g, "status_note");
    p.goals.push_back(std::move(x));
  }
  for (const auto& m : j.value("measures", nlohmann::json::array())) {
    Measure x;
    x.number = m.value("number", 0);
    x.goal = m.value("goal", 0);
    x.text = s(m, "text");
    x.responsible = s(m, "responsible");
    x.due_on = s(m, "due");
    if (m.contains("every_days") && !m["every_days"].is_null()) x.every_days = m["every_days"].get<int>();
    x.scope = s(m, "scope");
    x.how = s(m, "how");
    x.status = s(m, "status");
    p.measures.push_back(std::move(x));
  }
  for (const auto& t : j.value("team", nlohmann::json::array()))
    p.team.push_back({s(t, "name"), s(t, "role"), s(t, "service"), s(t, "kind")});
  for (const auto& c : j.value("consents", nlohmann::json::array()))
    p.consents.push_back({s(c, "scope"), s(c, "form"), s(c, "given_by"), s(c, "given_on")});
  return p;
}

std::optional<std::int64_t> plan_id_of(Database& db, std::int64_t case_id) {
  SQLite::Statement q(db.sql(), "SELECT id FROM plan WHERE case_id = ?");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

void record_plan_revision(const Context& ctx, std::int64_t plan_id, const CaseRef& c, const std::string& change_key,
                          const std::vector<std::string>& change_args) {
  SQLite::Statement up(ctx.db.sql(), "UPDATE plan SET revision = revision + 1 WHERE id = ?");
  up.bind(1, plan_id);
  up.exec();
  Plan p = load_current(ctx, plan_id, c);
  p.revised_at = ctx.clock.now_timestamp();
  SQLite::Statement ins(ctx.db.sql(),
                        "INSERT INTO plan_revision (plan_id, revision, created_at, created_by, change, snapshot) "
                        "VALUES (?, ?, ?, ?, ?, ?)");
  ins.bind(1, plan_id);
  ins.bind(2, p.revision);
  ins.bind(3, p.revised_at);
  ins.bind(4, ctx.actor);
  ins.bind(5, change_json(change_key, change_args));
  ins.bind(6, to_json(p).dump());
  ins.exec();
  request_approval(ctx, c, kApprovalPlan, p.revision);  // [approvals] plan: pending until a leader approves
}

int add_goal(const Context& ctx, std::string_view case_number, const std::string& text_in, std::optional<int> from_what_matters,
             std::optional<int> parent) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  require_text(text_in, "--text");
  return ctx.db.write([&] {
    require_plan_rules(ctx, c);
    std::string text = text_in;
    std::string source;
    if (from_what_matters) {
      SQLite::Statement q(ctx.db.sql(), "SELECT text FROM what_matters WHERE case_id = ? ORDER BY id LIMIT 1 OFFSET ?");
      q.bind(1, c.id);
      q.bind(2, *from_what_matters - 1);
      if (*from_what_matters < 1 || !q.executeStep())
        throw make_error(ExitCode::not_found, "plan.no_what_matters", c.number, *from_what_matters);
      text = q.getColumn(0).getString();
      source = fmt::format("what_matters:{}", *from_what_matters);
    }
    if (text.empty()) throw make_error(ExitCode::usage, "plan.goal_text_missing");
    const std::int64_t plan_id = ensure_plan(ctx, c);
    if (parent && !goal_exists(ctx.db, plan_id, *parent))
      throw make_error(ExitCode::not_found, "plan.goal_not_found", c.number, *parent);
    const int number = next_number(ctx.db, "goal", plan_id);
    SQLite::Statement ins(ctx.db.sql(), "INSERT INTO goal (plan_id, number, parent, text, source) VALUES (?, ?, ?, ?, ?)");
    ins.bind(1, plan_id);
    ins.bind(2, number);
    if (parent) ins.bind(3, *parent);
    else ins.bind(3);
    ins.bind(4, text);
    bind_opt(ins, 5, source);
    ins.exec();
    const std::int64_t goal_id = ctx.db.sql().getLastInsertRowid();
    if (parent) record_plan_revision(ctx, plan_id, c, "plan.change.subgoal", {std::to_string(number), std::to_string(*parent)});
    else record_plan_revision(ctx, plan_id, c, "plan.change.goal", {std::to_string(number)});
    audit_change(ctx, c, "plan.goal", fmt::format("goal {}", number), "goal", goal_id);
    return number;
  });
}

int add_measure(const Context& ctx, std::string_view case_number, const MeasureInput& m) {
  return add_measure(ctx, authorize_case(ctx, "plan.write", case_number), m);
}

int add_measure(const Context& ctx, const AuthorisedCase& ac, const MeasureInput& m) {
  const AuthorisedCase plan = ac.permission() == "plan.write" ? ac : authorize_also(ctx, "plan.write", ac);
  const CaseRef& c = plan;
  require_text(m.text, "--text");
  require_text(m.responsible, "--responsible", TextField::line);
  require_text(m.how, "--how");
  return ctx.db.write([&] {
    require_plan_rules(ctx, c);
    const std::int64_t plan_id = existing_plan(ctx, c);
    if (!goal_exists(ctx.db, plan_id, m.goal)) throw make_error(ExitCode::not_found, "plan.goal_not_found", c.number, m.goal);
    if (m.text.empty()) throw make_error(ExitCode::usage, "plan.measure_text_missing");
    if (m.every_days && *m.every_days < 1) throw make_error(ExitCode::usage, "plan.bad_every", *m.every_days);
    if (!is_member(ctx.db, c.id, m.responsible))
      throw make_error(ExitCode::refused, "plan.responsible_not_member", m.responsible, c.number);
    const int number = next_number(ctx.db, "measure", plan_id);
    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO measure (plan_id, goal_number, number, text, responsible, due_on, every_days, scope, how) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, plan_id);
    ins.bind(2, m.goal);
    ins.bind(3, number);
    ins.bind(4, m.text);
    ins.bind(5, m.responsible);
    ins.bind(6, format_date(m.due));
    if (m.every_days) ins.bind(7, *m.every_days);
    else ins.bind(7);
    bind_opt(ins, 8, m.scope);
    bind_opt(ins, 9, m.how);
    ins.exec();
    const std::int64_t measure_id = ctx.db.sql().getLastInsertRowid();
    record_plan_revision(ctx, plan_id, c, "plan.change.measure", {std::to_string(number), std::to_string(m.goal)});
    audit_change(ctx, c, "plan.measure", fmt::format("measure {}", number), "measure", measure_id);
    return number;
  });
}

Measure set_measure_status(const Context& ctx, std::string_view case_number, int number, const std::string& status) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  if (status != "planned" && status != "started" && status != "done" && status != "cancelled")
    throw make_error(ExitCode::usage, "plan.bad_status", status);
  return ctx.db.write([&] {
    require_plan_rules(ctx, c);
    const std::int64_t plan_id = existing_plan(ctx, c);
    SQLite::Statement q(ctx.db.sql(), "SELECT due_on, every_days, status, id FROM measure WHERE plan_id = ? AND number = ?");
    // (the old status decides what a recurring measure goes back to)
    q.bind(1, plan_id);
    q.bind(2, number);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "plan.measure_not_found", c.number, number);
    std::string due = q.getColumn(0).getString();
    const bool recurring = !q.getColumn(1).isNull();
    const int every = recurring ? q.getColumn(1).getInt() : 0;
    std::string new_status = status;
    if (status == "done" && recurring) {
      // A recurring measure is done for this time: it stays open with its next date.
      due = format_date(parse_date(due, "due_on") + std::chrono::days(every));
      const std::string old = q.getColumn(2).getString();
      new_status = (old == "started") ? "started" : "planned";
    }
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("measure", q.getColumn(3).getInt64());
    SQLite::Statement up(ctx.db.sql(), "UPDATE measure SET status = ?, due_on = ? WHERE plan_id = ? AND number = ?");
    up.bind(1, new_status);
    up.bind(2, due);
    up.bind(3, plan_id);
    up.bind(4, number);
    up.exec();
    record_plan_revision(ctx, plan_id, c, "plan.change.status", {std::to_string(number), status});
    audit.append("plan.status", c.number, c.fnr, fmt::format("measure {} {}", number, status));
    audit.flush();
    Plan p = load_current(ctx, plan_id, c);
    for (const auto& m : p.measures)
      if (m.number == number) return m;
    return Measure{};
  });
}

void record_participation(const Context& ctx, std::string_view case_number, const std::string& how) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  require_text(how, "--how");
  if (how.empty()) throw make_error(ExitCode::usage, "error.missing_option", "--how");
  ctx.db.write([&] {
    require_plan_rules(ctx, c);
    const std::int64_t plan_id = ensure_plan(ctx, c);
    SQLite::Statement up(ctx.db.sql(),
                         "UPDATE plan SET participated_how = ?, participated_on = ?, "
                         "status = CASE status WHEN 'revising' THEN 'open' ELSE status END WHERE id = ?");
    up.bind(1, how);
    up.bind(2, format_date(ctx.today()));
    up.bind(3, plan_id);
    up.exec();
    record_plan_revision(ctx, plan_id, c, "plan.change.participated", {});
    audit_change(ctx, c, "plan.participated", "");
  });
}

void set_plan_fields(const Context& ctx, std::string_view case_number, const PlanFields& f) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  if (f.resources) require_text(*f.resources, "--resources");
  if (f.needs) require_text(*f.needs, "--needs");
  if (f.contributions) require_text(*f.contributions, "--contributions");
  if (!f.resources && !f.needs && !f.contributions && !f.period_from && !f.period_to)
    throw make_error(ExitCode::usage, "plan.set_nothing");
  if (f.period_from && f.period_to && *f.period_to < *f.period_from)
    throw make_error(ExitCode::usage, "plan.bad_period", format_date(*f.period_from), format_date(*f.period_to));
  ctx.db.write([&] {
    require_plan_rules(ctx, c);
    const std::int64_t plan_id = ensure_plan(ctx, c);
    std::vector<std::string> changed;
    auto set = [&](const char* column, const std::string& value) {
      SQLite::Statement up(ctx.db.sql(), fmt::format("UPDATE plan SET {} = ? WHERE id = ?", column));
      bind_opt(up, 1, value);
      up.bind(2, plan_id);
      up.exec();
      changed.push_back(column);
    };
    if (f.resources) set("resources", *f.resources);
    if (f.needs) set("needs", *f.needs);
    if (f.contributions) set("contributions", *f.contributions);
    if (f.period_from) set("period_from", format_date(*f.period_from));
    if (f.period_to) set("period_to", format_date(*f.period_to));
    const std::string list = join(changed);
    record_plan_revision(ctx, plan_id, c, "plan.change.fields", {list});
    audit_change(ctx, c, "plan.set", list);
  });
}

void set_plan_kind(const Context& ctx, std::string_view case_number, const std::string& kind) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  if (kind != kPlanIp && kind != kPlanFollowUp) throw make_error(ExitCode::usage, "plan.bad_kind", kind);
  ctx.db.write([&] {
    require_plan_rules(ctx, c);
    if (kind == kPlanIp && !consent_valid(ctx.db, c.id, "ip", ctx.today()))
      throw make_error(ExitCode::refused, "plan.ip_needs_consent", c.number);
    const std::int64_t plan_id = ensure_plan(ctx, c);
    SQLite::Statement up(ctx.db.sql(), "UPDATE plan SET kind = ? WHERE id = ?");
    up.bind(1, kind);
    up.bind(2, plan_id);
    up.exec();
    record_plan_revision(ctx, plan_id, c, "plan.change.kind", {kind});
    audit_change(ctx, c, "plan.kind", kind);
  });
}

Plan show_plan(const Context& ctx, std::string_view case_number, std::optional<int> revision) {
  const AuthorisedCase ac = authorize_case(ctx, "case.read", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    auto plan_id = plan_id_of(ctx.db, c.id);
    if (!plan_id) throw make_error(ExitCode::not_found, "plan.not_found", c.number);
    Plan p;
    if (revision) {
      SQLite::Statement q(ctx.db.sql(), "SELECT snapshot FROM plan_revision WHERE plan_id = ? AND revision = ?");
      q.bind(1, *plan_id);
      q.bind(2, *revision);
      if (!q.executeStep()) throw make_error(ExitCode::not_found, "plan.revision_not_found", c.number, *revision);
      p = plan_from_json(nlohmann::json::parse(q.getColumn(0).getString()));
    } else {
      p = load_current(ctx, *plan_id, c);
      SQLite::Statement q(ctx.db.sql(), "SELECT created_at FROM plan_revision WHERE plan_id = ? AND revision = ?");
      q.bind(1, *plan_id);
      q.bind(2, p.revision);
      if (q.executeStep()) p.revised_at = q.getColumn(0).getString();
    }
    audit_change(ctx, c, "plan.show", fmt::format("revision {}", p.revision));
    p.case_id = c.id;
    return p;
  });
}

std::vector<RevisionInfo> plan_history(const Context& ctx, std::string_view case_number) {
  const AuthorisedCase ac = authorize_case(ctx, "case.read", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    auto plan_id = plan_id_of(ctx.db, c.id);
    if (!plan_id) throw make_error(ExitCode::not_found, "plan.not_found", c.number);
    SQLite::Statement q(ctx.db.sql(),
                        "SELECT revision, created_at, created_by, change FROM plan_revision WHERE plan_id = ? ORDER BY revision");
    q.bind(1, *plan_id);
    std::vector<RevisionInfo> out;
    while (q.executeStep()) {
      out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     render_change(ctx.lang, q.getColumn(3).getString())});
    }
    audit_change(ctx, c, "plan.history", fmt::format("{} revisions", out.size()));
    return out;
  });
}

std::string consent_scope_label(const Context& ctx, const std::string& scope) {
  if (scope.starts_with("deling:")) {
    const auto id = scope.substr(7);
    const auto* svc = ctx.rv.find_service(id);
    return ctx.text("plan.scope.deling", svc ? svc->shown(ctx.lang) : id);
  }
  const std::string key = "plan.scope." + scope;
  return has_message(key) ? ctx.text(key) : scope;
}

namespace {

// The document as sections of paragraphs, rendered as text or HTML below.
struct DocParagraph {
  std::string head;                // shown in bold in HTML
  std::vector<std::string> lines;  // further lines
};
struct DocSection {
  std::string title;
  std::vector<DocParagraph> paragraphs;
};
struct Document {
  std::string title;
  std::vector<std::string> header;
  std::vector<DocSection> sections;
};

std::string label_or(const std::string& key, const Context& ctx, const std::string& fallback) {
  return has_message(key) ? ctx.text(key) : fallback;
}

Document build_document(const Context& ctx, const Plan& p) {
  const Lang L = ctx.lang;
  auto or_none = [&](const std::string& v) { return v.empty() ? ctx.text("plan.doc.none") : v; };
  Document d;
  d.title = ctx.text(p.kind == kPlanIp ? "plan.doc.title_ip" : "plan.doc.title_fu",
                     p.person_name.empty() ? p.case_number : p.person_name);
  d.header.push_back(ctx.text("plan.doc.case", p.case_number, ctx.rv.municipality.name));
  d.header.push_back(ctx.text("plan.doc.revision", p.revision,
                              long_date(p.revised_at.size() >= 10 ? p.revised_at.substr(0, 10) : p.created_on, L)));
  if (p.status == "closed") d.header.push_back(ctx.text("plan.doc.closed"));
  else if (p.status == "revising") d.header.push_back(ctx.text("plan.doc.revising"));

  DocSection goals{ctx.text("plan.doc.goals"), {}};
  for (const auto& g : p.goals) {
    if (g.parent) continue;
    DocParagraph para{ctx.text("plan.doc.goal", g.number, g.text), {}};
    if (g.status != "open" && has_message("case.goal_status." + g.status))
      para.lines.push_back(ctx.text("goal_status.doc_line", ctx.text("case.goal_status." + g.status)) +
                           (g.status_note.empty() ? "" : ": " + g.status_note));
    for (const auto& sub : p.goals)
      if (sub.parent && *sub.parent == g.number) para.lines.push_back(ctx.text("plan.doc.subgoal", sub.number, sub.text));
    goals.paragraphs.push_back(std::move(para));
  }
  if (goals.paragraphs.empty()) goals.paragraphs.push_back({ctx.text("plan.doc.none"), {}});
  d.sections.push_back(std::move(goals));

  d.sections.push_back({ctx.text("plan.doc.resources"), {{or_none(p.resources), {}}}});
  d.sections.push_back({ctx.text("plan.doc.needs"), {{or_none(p.needs), {}}}});

  DocSection coordinator{ctx.text("plan.doc.coordinator"), {}};
  if (const auto* co = p.coordinator()) {
    const auto* role = ctx.rv.find_role(co->role);
    coordinator.paragraphs.push_back({co->name, {role ? role->shown(ctx.lang) : co->role}});
  } else {
    coordinator.paragraphs.push_back({ctx.text("plan.doc.no_coordinator"), {}});
  }
  d.sections.push_back(std::move(coordinator));

  DocSection who{ctx.text("plan.doc.participants"), {}};
  for (const auto& m : p.team) {
    const auto* role = ctx.rv.find_role(m.role);
    std::string line = role ? role->shown(ctx.lang) : m.role;
    if (!m.service.empty()) {
      const auto* svc = ctx.rv.find_service(m.service);
      line += ", " + (svc ? svc->shown(ctx.lang) : m.service);
    }
    if (m.kind != "member") line += " (" + label_or("plan.member_kind." + m.kind, ctx, m.kind) + ")";
    who.paragraphs.push_back({m.name, {line}});
  }
  if (who.paragraphs.empty()) who.paragraphs.push_back({ctx.text("plan.doc.none"), {}});
  d.sections.push_back(std::move(who));

  d.sections.push_back({ctx.text("plan.doc.contributions"), {{or_none(p.contributions), {}}}});

  DocSection measures{ctx.text("plan.doc.measures"), {}};
  for (const auto& m : p.measures) {
    DocParagraph para{ctx.text("plan.doc.measure", m.number, m.text, m.goal), {}};
    para.lines.push_back(ctx.text("plan.doc.measure_responsible", m.responsible));
    if (!m.scope.empty()) para.lines.push_back(ctx.text("plan.doc.measure_scope", m.scope));
    if (!m.how.empty()) para.lines.push_back(ctx.text("plan.doc.measure_how", m.how));
    if (m.every_days) para.lines.push_back(ctx.text("plan.doc.measure_every", *m.every_days, long_date(m.due_on, L)));
    else para.lines.push_back(ctx.text("plan.doc.measure_due", long_date(m.due_on, L)));
    para.lines.push_back(ctx.text("plan.doc.measure_status", label_or("plan.mstatus." + m.status, ctx, m.status)));
    measures.paragraphs.push_back(std::move(para));
  }
  if (measures.paragraphs.empty()) measures.paragraphs.push_back({ctx.text("plan.doc.none"), {}});
  d.sections.push_back(std::move(measures));

  DocSection period{ctx.text("plan.doc.period"), {}};
  const std::string from = p.period_from.empty() ? p.created_on : p.period_from;
  period.paragraphs.push_back({p.period_to.empty() ? ctx.text("plan.doc.period_open", long_date(from, L))
                                                   : ctx.text("plan.doc.period_to", long_date(from, L), long_date(p.period_to, L)),
                               {}});
  if (p.status != "closed") {
    std::string next = p.next_evaluation;
    if (next.empty()) {
      if (auto created = try_parse_date(p.created_on))
        next = format_date(next_evaluation_due(ctx.rv, *created));
    }
    period.paragraphs.push_back({ctx.text("plan.doc.next_evaluation", long_date(next, L)), {}});
  }
  d.sections.push_back(std::move(period));

  DocSection part{ctx.text("plan.doc.participation"), {}};
  if (p.participated_how.empty()) part.paragraphs.push_back({ctx.text("plan.doc.not_participated"), {}});
  else part.paragraphs.push_back({p.participated_how, {long_date(p.participated_on, L)}});
  d.sections.push_back(std::move(part));

  DocSection consents{ctx.text("plan.doc.consents"), {}};
  for (const auto& c : p.consents) {
    consents.paragraphs.push_back({consent_scope_label(ctx, c.scope),
                                   {ctx.text("plan.doc.consent_line", label_or("choice.form." + c.form, ctx, c.form),
                                             label_or("plan.given_by." + c.given_by, ctx, c.given_by),
                                             long_date(c.given_on, L))}});
  }
  if (consents.paragraphs.empty()) consents.paragraphs.push_back({ctx.text("plan.doc.no_consents"), {}});
  d.sections.push_back(std::move(consents));

  const std::int64_t case_id = find_case(ctx.db, p.case_number).id;
  // Appeals against the decision and where they stand (issue 14), when any.
  const auto appeals = read_appeals(ctx, case_id);
  if (!appeals.empty()) {
    DocSection section{ctx.text("plan.doc_appeals"), {}};
    for (const auto& a : appeals)
      section.paragraphs.push_back({ctx.text("appeal.state." + a.status) + " (" + long_date(a.status_on, L) + ")",
                                    {ctx.text("appeal.doc_line", long_date(a.received_on, L), ctx.text("appeal.from." + a.from))}});
    d.sections.push_back(std::move(section));
  }

  // The case log, where the rammeverk says so ([plan_document] log): the
  // plan's readers (the person among them) then see what the team wrote
  // between meetings. Read with the plan (whose read is audited).
  if (ctx.rv.plan_document.log) {
    DocSection log{ctx.text("plan.doc.log"), {}};
    for (const auto& e : read_log(ctx.db, case_id))
      log.paragraphs.push_back({e.text, {ctx.text("plan.doc.log_line", long_date(e.date, L), e.written_by)}});
    if (log.paragraphs.empty()) log.paragraphs.push_back({ctx.text("plan.doc.none"), {}});
    d.sections.push_back(std::move(log));
  }
  return d;
}

// HTML escaping of text (util/markup).
std::string esc(const std::string& s) { return markup_escape(s); }

}  // namespace

std::string plan_document_text(const Context& ctx, const Plan& p) {
  const Document d = build_document(ctx, p);
  std::string out = d.title + "\n" + std::string(std::min<std::size_t>(display_width(d.title), 72), '=') + "\n";
  for (const auto& h : d.header) out += h + "\n";
  for (const auto& s : d.sections) {
    out += "\n" + s.title + "\n" + std::string(std::min<std::size_t>(display_width(s.title), 72), '-') + "\n";
    for (const auto& para : s.paragraphs) {
      out += para.head + "\n";
      for (const auto& l : para.lines) out += "    " + l + "\n";
    }
  }
  return out;
}

std::string plan_document_html(const Context& ctx, const Plan& p) {
  const Document d = build_document(ctx, p);
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(ctx.lang)) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + esc(d.title) + "</title>\n";
  out += R"css(<style>
  body { font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #111; }
  h1 { font-size: 1.7rem; margin-bottom: .2rem; }
  header p { margin: .1rem 0; color: #444; }
  h2 { font-size: 1.15rem; border-bottom: 1px solid #999; padding-bottom: .15rem; margin-top: 1.6rem; }
  section p { margin: .5rem 0 0 0; }
  section p strong { display: block; }
  section p span { display: block; margin-left: 1.2rem; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    h2 { break-after: avoid; page-break-after: avoid; }
    section p { break-inside: avoid; page-break-inside: avoid; }
  }
</style>
)css";
  out += "</head>\n<body>\n<header>\n<h1>" + esc(d.title) + "</h1>\n";
  for (const auto& h : d.header) out += "<p>" + esc(h) + "</p>\n";
  out += "</header>\n";
  for (const auto& s : d.sections) {
    out += "<section>\n<h2>" + esc(s.title) + "</h2>\n";
    for (const auto& para : s.paragraphs) {
      out += "<p><strong>" + esc(para.head) + "</strong>";
      for (const auto& l : para.lines) out += "<span>" + esc(l) + "</span>";
      out += "</p>\n";
    }
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

Goal set_goal_status(const Context& ctx, std::string_view case_number, int number, const std::string& status, const std::string& note) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  if (status != "reached" && status != "partly" && status != "dropped" && status != "active")
    throw make_error(ExitCode::usage, "goal_status.bad_status", status);
  require_text(note, "--note", TextField::lines);
  return ctx.db.write([&] {
    const std::int64_t plan_id = existing_plan(ctx, c);
    if (!goal_exists(ctx.db, plan_id, number)) throw make_error(ExitCode::not_found, "plan.goal_not_found", c.number, number);
    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO goal_status (plan_id, goal_number, status, note, set_on, set_by) VALUES (?, ?, ?, ?, ?, ?)");
    ins.bind(1, plan_id);
    ins.bind(2, number);
    ins.bind(3, status);
    if (note.empty()) ins.bind(4);
    else ins.bind(4, note);
    ins.bind(5, format_date(ctx.today()));
    ins.bind(6, ctx.actor);
    ins.exec();
    record_plan_revision(ctx, plan_id, c, "plan.change.goal_status", {std::to_string(number), status});
    audit_change(ctx, c, "plan.goal_status", fmt::format("goal {} {}", number, status));
    const Plan p = load_current(ctx, plan_id, c);
    return *p.find_goal(number);
  });
}

Corrected correct_goal(const Context& ctx, std::string_view case_number, int number, const std::string& text_in, const std::string& reason_in) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  const std::string reason = correction_reason(reason_in);
  const std::string text = required_value(text_in, "--text", TextField::lines);
  return ctx.db.write([&] {
    const std::int64_t plan_id = existing_plan(ctx, c);
    SQLite::Statement q(ctx.db.sql(), "SELECT id, text FROM goal WHERE plan_id = ? AND number = ?");
    q.bind(1, plan_id);
    q.bind(2, number);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "plan.goal_not_found", c.number, number);
    Corrected out{c.number, "goal", q.getColumn(0).getInt64(), {{"text", q.getColumn(1).getString(), text}}};
    q.reset();
    if (out.changes[0].before == text) throw make_error(ExitCode::usage, "correct.nothing");
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("goal", out.object_id);
    apply_correction(ctx, "goal", out.object_id, out.changes[0], c.id, c.person_id, reason);
    record_plan_revision(ctx, plan_id, c, "plan.change.corrected_goal", {std::to_string(number)});
    audit.append("correct.goal", c.number, c.fnr, fmt::format("goal {}: text", number));
    audit.flush();
    return out;
  });
}

Corrected correct_measure(const Context& ctx, std::string_view case_number, int number, const MeasureFix& fix, const std::string& reason_in) {
  const AuthorisedCase ac = authorize_case(ctx, "plan.write", case_number);
  const CaseRef& c = ac;
  const std::string reason = correction_reason(reason_in);
  if (!fix.text && !fix.responsible && !fix.due) throw make_error(ExitCode::usage, "correct.nothing");
  if (fix.text) require_text(*fix.text, "--text");
  if (fix.responsible) require_text(*fix.responsible, "--responsible", TextField::line);
  return ctx.db.write([&] {
    const std::int64_t plan_id = existing_plan(ctx, c);
    SQLite::Statement q(ctx.db.sql(), "SELECT id, text, responsible, due_on FROM measure WHERE plan_id = ? AND number = ?");
    q.bind(1, plan_id);
    q.bind(2, number);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "plan.measure_not_found", c.number, number);
    Corrected out{c.number, "measure", q.getColumn(0).getInt64(), {}};
    auto change = [&](const char* field, int column, const std::string& after) {
      const std::string before = q.getColumn(column).getString();
      if (before != after) out.changes.push_back({field, before, after});
    };
    if (fix.text) change("text", 1, trim(*fix.text));
    if (fix.responsible) change("responsible", 2, trim(*fix.responsible));
    if (fix.due) change("due_on", 3, format_date(*fix.due));
    q.reset();
    if (out.changes.empty()) throw make_error(ExitCode::usage, "correct.nothing");
    if (fix.responsible && !is_member(ctx.db, c.id, trim(*fix.responsible)))
      throw make_error(ExitCode::refused, "plan.responsible_not_member", trim(*fix.responsible), c.number);
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("measure", out.object_id);
    for (const auto& ch : out.changes) apply_correction(ctx, "measure", out.object_id, ch, c.id, c.person_id, reason);
    record_plan_revision(ctx, plan_id, c, "plan.change.corrected_measure", {std::to_string(number)});
    audit.append("correct.measure", c.number, c.fnr, fmt::format("measure {}", number));
    audit.flush();
    return out;
  });
}

}  // namespace oppteam
