#include <oppteam/store/plan_store.hpp>

#include <oppteam/store/sql_values.hpp>
#include <oppteam/store/stored_enum.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace oppteam {

namespace {

constexpr const char* kMeasureColumns = "number, goal_number, text, responsible, due_on, every_days, scope, how, status";

Measure read_measure(SQLite::Statement& q, int first) {
  Measure m;
  m.number = q.getColumn(first).getInt();
  m.goal = q.getColumn(first + 1).getInt();
  m.text = sql::text_or_empty(q, first + 2);
  m.responsible = sql::text_or_empty(q, first + 3);
  m.due_on = sql::text_or_empty(q, first + 4);
  m.every_days = sql::int_or_none(q, first + 5);
  m.scope = sql::text_or_empty(q, first + 6);
  m.how = sql::text_or_empty(q, first + 7);
  m.status = stored_enum(measure_status_from, "measure.status", sql::text_or_empty(q, first + 8));
  return m;
}

const std::string& goal_query() {
  static const std::string sql = fmt::format("SELECT g.number, g.parent, g.text, g.source, {}, {} FROM goal g WHERE g.plan_id = ?1 "
                                             "AND (?2 IS NULL OR g.number = ?2) ORDER BY g.number",
                                             kGoalStateSql, kGoalNoteSql);
  return sql;
}

Goal read_goal_row(SQLite::Statement& q) {
  Goal g;
  g.number = q.getColumn(0).getInt();
  g.parent = sql::int_or_none(q, 1);
  g.text = sql::text_or_empty(q, 2);
  g.source = sql::text_or_empty(q, 3);
  g.status = stored_enum(goal_status_from, "goal.status", sql::text_or_empty(q, 4));
  g.status_note = sql::text_or_empty(q, 5);
  return g;
}

}  // namespace

std::string_view column_of(PlanField f) {
  switch (f) {
    case PlanField::resources: return "resources";
    case PlanField::needs: return "needs";
    case PlanField::contributions: return "contributions";
    case PlanField::period_from: return "period_from";
    case PlanField::period_to: break;
  }
  return "period_to";
}

std::optional<std::int64_t> PlanStore::plan_of_case(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT id FROM plan WHERE case_id = ?");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

PlanStatus PlanStore::status(std::int64_t plan_id) {
  SQLite::Statement q(db_.sql(), "SELECT status FROM plan WHERE id = ?");
  q.bind(1, plan_id);
  q.executeStep();
  return stored_enum(plan_status_from, "plan.status", q.getColumn(0).getString());
}

std::int64_t PlanStore::create(std::int64_t case_id, PlanKind kind, const std::string& today) {
  SQLite::Statement ins(db_.sql(),
                        "INSERT INTO plan (case_id, kind, status, revision, created_on, period_from) "
                        "VALUES (?, ?, 'open', 0, ?, ?)");
  ins.bind(1, case_id);
  ins.bind(2, std::string(to_stored(kind)));
  ins.bind(3, today);
  ins.bind(4, today);
  ins.exec();
  return db_.sql().getLastInsertRowid();
}

std::optional<Plan> PlanStore::read(std::int64_t plan_id) {
  Plan p;
  {
    SQLite::Statement q(db_.sql(),
                        "SELECT kind, status, revision, created_on, participated_how, participated_on, resources, "
                        "needs, contributions, period_from, period_to, next_evaluation FROM plan WHERE id = ?");
    q.bind(1, plan_id);
    if (!q.executeStep()) return std::nullopt;
    p.kind = stored_enum(plan_kind_from, "plan.kind", sql::text_or_empty(q, 0));
    p.status = stored_enum(plan_status_from, "plan.status", sql::text_or_empty(q, 1));
    p.revision = q.getColumn(2).getInt();
    p.created_on = sql::text_or_empty(q, 3);
    p.participated_how = sql::text_or_empty(q, 4);
    p.participated_on = sql::text_or_empty(q, 5);
    p.resources = sql::text_or_empty(q, 6);
    p.needs = sql::text_or_empty(q, 7);
    p.contributions = sql::text_or_empty(q, 8);
    p.period_from = sql::text_or_empty(q, 9);
    p.period_to = sql::text_or_empty(q, 10);
    p.next_evaluation = sql::text_or_empty(q, 11);
  }
  {
    SQLite::Statement q(db_.sql(), goal_query());
    q.bind(1, plan_id);
    q.bind(2);
    while (q.executeStep()) p.goals.push_back(read_goal_row(q));
  }
  {
    SQLite::Statement q(db_.sql(), fmt::format("SELECT {} FROM measure WHERE plan_id = ? ORDER BY number", kMeasureColumns));
    q.bind(1, plan_id);
    while (q.executeStep()) p.measures.push_back(read_measure(q, 0));
  }
  return p;
}

void PlanStore::set_kind(std::int64_t plan_id, PlanKind kind) {
  SQLite::Statement up(db_.sql(), "UPDATE plan SET kind = ? WHERE id = ?");
  up.bind(1, std::string(to_stored(kind)));
  up.bind(2, plan_id);
  up.exec();
}

void PlanStore::set_field(std::int64_t plan_id, PlanField field, const std::string& value) {
  SQLite::Statement up(db_.sql(), fmt::format("UPDATE plan SET {} = ? WHERE id = ?", column_of(field)));
  sql::bind_text_or_null(up, 1, value);
  up.bind(2, plan_id);
  up.exec();
}

void PlanStore::set_participation(std::int64_t plan_id, const std::string& how, const std::string& on) {
  SQLite::Statement up(db_.sql(),
                       "UPDATE plan SET participated_how = ?, participated_on = ?, "
                       "status = CASE status WHEN 'revising' THEN 'open' ELSE status END WHERE id = ?");
  up.bind(1, how);
  up.bind(2, on);
  up.bind(3, plan_id);
  up.exec();
}

void PlanStore::set_next_evaluation(std::int64_t plan_id, const std::string& next, bool revise) {
  SQLite::Statement up(db_.sql(),
                       "UPDATE plan SET next_evaluation = ?, status = CASE WHEN ? THEN 'revising' ELSE status END WHERE id = ?");
  up.bind(1, next);
  up.bind(2, revise ? 1 : 0);
  up.bind(3, plan_id);
  up.exec();
}

void PlanStore::close(std::int64_t plan_id) {
  SQLite::Statement up(db_.sql(), "UPDATE plan SET status = 'closed', next_evaluation = NULL WHERE id = ?");
  up.bind(1, plan_id);
  up.exec();
}

std::optional<PlanStatus> PlanStore::open_status_of_case(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT status FROM plan WHERE case_id = ? AND status <> 'closed'");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return stored_enum(plan_status_from, "plan.status", q.getColumn(0).getString());
}

void PlanStore::close_of_case(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "UPDATE plan SET status = 'closed' WHERE case_id = ?");
  q.bind(1, case_id);
  q.exec();
}

bool PlanStore::reopen_of_case(std::int64_t case_id, PlanStatus status) {
  SQLite::Statement q(db_.sql(), "UPDATE plan SET status = ? WHERE case_id = ?");
  q.bind(1, std::string(to_stored(status)));
  q.bind(2, case_id);
  return q.exec() > 0;
}

bool PlanStore::goal_exists(std::int64_t plan_id, int number) { return goal(plan_id, number).has_value(); }

std::optional<GoalRow> PlanStore::goal(std::int64_t plan_id, int number) {
  SQLite::Statement q(db_.sql(), "SELECT id, text FROM goal WHERE plan_id = ? AND number = ?");
  q.bind(1, plan_id);
  q.bind(2, number);
  if (!q.executeStep()) return std::nullopt;
  return GoalRow{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

std::optional<Goal> PlanStore::read_goal(std::int64_t plan_id, int number) {
  SQLite::Statement q(db_.sql(), goal_query());
  q.bind(1, plan_id);
  q.bind(2, number);
  if (!q.executeStep()) return std::nullopt;
  return read_goal_row(q);
}

int PlanStore::next_goal_number(std::int64_t plan_id) {
  SQLite::Statement q(db_.sql(), "SELECT COALESCE(MAX(number), 0) + 1 FROM goal WHERE plan_id = ?");
  q.bind(1, plan_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

std::int64_t PlanStore::add_goal(std::int64_t plan_id, int number, std::optional<int> parent, const std::string& text,
                                 const std::string& source) {
  SQLite::Statement ins(db_.sql(), "INSERT INTO goal (plan_id, number, parent, text, source) VALUES (?, ?, ?, ?, ?)");
  ins.bind(1, plan_id);
  ins.bind(2, number);
  if (parent) ins.bind(3, *parent);
  else ins.bind(3);
  ins.bind(4, text);
  sql::bind_text_or_null(ins, 5, source);
  ins.exec();
  return db_.sql().getLastInsertRowid();
}

void PlanStore::add_goal_mark(std::int64_t plan_id, int number, GoalMark mark, const std::string& note, const std::string& on,
                              const std::string& by) {
  SQLite::Statement ins(db_.sql(),
                        "INSERT INTO goal_status (plan_id, goal_number, status, note, set_on, set_by) VALUES (?, ?, ?, ?, ?, ?)");
  ins.bind(1, plan_id);
  ins.bind(2, number);
  ins.bind(3, std::string(to_stored(mark)));
  sql::bind_text_or_null(ins, 4, note);
  ins.bind(5, on);
  ins.bind(6, by);
  ins.exec();
}

std::optional<MeasureRow> PlanStore::measure(std::int64_t plan_id, int number) {
  SQLite::Statement q(db_.sql(), fmt::format("SELECT id, {} FROM measure WHERE plan_id = ? AND number = ?", kMeasureColumns));
  q.bind(1, plan_id);
  q.bind(2, number);
  if (!q.executeStep()) return std::nullopt;
  return MeasureRow{q.getColumn(0).getInt64(), read_measure(q, 1)};
}

int PlanStore::next_measure_number(std::int64_t plan_id) {
  SQLite::Statement q(db_.sql(), "SELECT COALESCE(MAX(number), 0) + 1 FROM measure WHERE plan_id = ?");
  q.bind(1, plan_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

std::int64_t PlanStore::add_measure(std::int64_t plan_id, const Measure& m) {
  SQLite::Statement ins(db_.sql(),
                        "INSERT INTO measure (plan_id, goal_number, number, text, responsible, due_on, every_days, scope, how) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ins.bind(1, plan_id);
  ins.bind(2, m.goal);
  ins.bind(3, m.number);
  ins.bind(4, m.text);
  ins.bind(5, m.responsible);
  ins.bind(6, m.due_on);
  if (m.every_days) ins.bind(7, *m.every_days);
  else ins.bind(7);
  sql::bind_text_or_null(ins, 8, m.scope);
  sql::bind_text_or_null(ins, 9, m.how);
  ins.exec();
  return db_.sql().getLastInsertRowid();
}

void PlanStore::set_measure_status(std::int64_t plan_id, int number, MeasureStatus status, const std::string& due_on) {
  SQLite::Statement up(db_.sql(), "UPDATE measure SET status = ?, due_on = ? WHERE plan_id = ? AND number = ?");
  up.bind(1, std::string(to_stored(status)));
  up.bind(2, due_on);
  up.bind(3, plan_id);
  up.bind(4, number);
  up.exec();
}

int PlanStore::bump_revision(std::int64_t plan_id) {
  SQLite::Statement up(db_.sql(), "UPDATE plan SET revision = revision + 1 WHERE id = ? RETURNING revision");
  up.bind(1, plan_id);
  up.executeStep();
  return up.getColumn(0).getInt();
}

void PlanStore::add_revision(std::int64_t plan_id, int revision, const std::string& at, const std::string& by,
                             const std::string& change, const std::string& snapshot) {
  SQLite::Statement ins(db_.sql(),
                        "INSERT INTO plan_revision (plan_id, revision, created_at, created_by, change, snapshot) "
                        "VALUES (?, ?, ?, ?, ?, ?)");
  ins.bind(1, plan_id);
  ins.bind(2, revision);
  ins.bind(3, at);
  ins.bind(4, by);
  ins.bind(5, change);
  ins.bind(6, snapshot);
  ins.exec();
}

std::optional<std::string> PlanStore::snapshot(std::int64_t plan_id, int revision) {
  SQLite::Statement q(db_.sql(), "SELECT snapshot FROM plan_revision WHERE plan_id = ? AND revision = ?");
  q.bind(1, plan_id);
  q.bind(2, revision);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::optional<std::string> PlanStore::revision_time(std::int64_t plan_id, int revision) {
  SQLite::Statement q(db_.sql(), "SELECT created_at FROM plan_revision WHERE plan_id = ? AND revision = ?");
  q.bind(1, plan_id);
  q.bind(2, revision);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::vector<RevisionRow> PlanStore::revisions(std::int64_t plan_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT revision, created_at, created_by, change FROM plan_revision WHERE plan_id = ? ORDER BY revision");
  q.bind(1, plan_id);
  std::vector<RevisionRow> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString()});
  return out;
}

std::string PlanStore::person_name(std::int64_t person_id) {
  SQLite::Statement q(db_.sql(), "SELECT name FROM person WHERE id = ?");
  q.bind(1, person_id);
  return q.executeStep() ? sql::text_or_empty(q, 0) : std::string();
}

std::optional<std::string> PlanStore::what_matters(std::int64_t case_id, int nth) {
  if (nth < 1) return std::nullopt;
  SQLite::Statement q(db_.sql(), "SELECT text FROM what_matters WHERE case_id = ? ORDER BY id LIMIT 1 OFFSET ?");
  q.bind(1, case_id);
  q.bind(2, nth - 1);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::vector<PlanConsent> PlanStore::consents_in_force(std::int64_t case_id, const std::string& on) {
  SQLite::Statement q(db_.sql(),
                      "SELECT scope, form, given_by, given_on FROM consent WHERE case_id = ?1 AND given_on <= ?2 "
                      "AND (withdrawn_on IS NULL OR withdrawn_on > ?2) ORDER BY given_on, id");
  q.bind(1, case_id);
  q.bind(2, on);
  std::vector<PlanConsent> out;
  while (q.executeStep()) out.push_back({sql::text_or_empty(q, 0), sql::text_or_empty(q, 1), sql::text_or_empty(q, 2), sql::text_or_empty(q, 3)});
  return out;
}

}  // namespace oppteam
