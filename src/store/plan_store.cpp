#include <oppteam/store/plan_store.hpp>

#include <oppteam/store/sql_values.hpp>

#include <fmt/format.h>

namespace oppteam {

namespace {

constexpr const char* kMeasureColumns = "number, goal_number, text, responsible, due_on, every_days, scope, how, status";

Measure read_measure(sql::Row& r) {
  return {.number = r.integer(), .goal = r.integer(), .text = r.text(), .responsible = r.text(), .due_on = r.text(),
          .every_days = r.integer_or_none(), .scope = r.text(), .how = r.text(),
          .status = r.stored(measure_status_from, "measure.status")};
}

const std::string& goal_query() {
  static const std::string sql = fmt::format("SELECT g.number, g.parent, g.text, g.source, {}, {} FROM goal g WHERE g.plan_id = ?1 "
                                             "AND (?2 IS NULL OR g.number = ?2) ORDER BY g.number",
                                             kGoalStateSql, kGoalNoteSql);
  return sql;
}

Goal read_goal_row(sql::Row& r) {
  return {.number = r.integer(), .parent = r.integer_or_none(), .text = r.text(), .source = r.text(),
          .status = r.stored(goal_status_from, "goal.status"), .status_note = r.text()};
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
  return sql::Query(db_, "SELECT id FROM plan WHERE case_id = ?", case_id).first(&sql::Row::int64);
}

PlanStatus PlanStore::status(std::int64_t plan_id) {
  return sql::Query(db_, "SELECT status FROM plan WHERE id = ?", plan_id).one([](sql::Row& r) {
    return r.stored(plan_status_from, "plan.status");
  });
}

std::int64_t PlanStore::create(std::int64_t case_id, PlanKind kind, const std::string& today) {
  return sql::insert(db_,
                     "INSERT INTO plan (case_id, kind, status, revision, created_on, period_from) "
                     "VALUES (?, ?, 'open', 0, ?, ?)",
                     case_id, kind, today, today);
}

std::optional<Plan> PlanStore::read(std::int64_t plan_id) {
  auto plan = sql::Query(db_,
                         "SELECT kind, status, revision, created_on, participated_how, participated_on, resources, "
                         "needs, contributions, period_from, period_to, next_evaluation FROM plan WHERE id = ?",
                         plan_id)
                  .first([](sql::Row& r) {
                    Plan p;
                    p.kind = r.stored(plan_kind_from, "plan.kind");
                    p.status = r.stored(plan_status_from, "plan.status");
                    r.read(p.revision, p.created_on, p.participated_how, p.participated_on, p.resources, p.needs,
                           p.contributions, p.period_from, p.period_to, p.next_evaluation);
                    return p;
                  });
  if (!plan) return std::nullopt;
  plan->goals = sql::Query(db_, goal_query(), plan_id, std::nullopt).all(read_goal_row);
  plan->measures =
      sql::Query(db_, fmt::format("SELECT {} FROM measure WHERE plan_id = ? ORDER BY number", kMeasureColumns), plan_id)
          .all(read_measure);
  return plan;
}

void PlanStore::set_kind(std::int64_t plan_id, PlanKind kind) {
  sql::exec(db_, "UPDATE plan SET kind = ? WHERE id = ?", kind, plan_id);
}

void PlanStore::set_field(std::int64_t plan_id, PlanField field, const std::string& value) {
  sql::exec(db_, fmt::format("UPDATE plan SET {} = ? WHERE id = ?", column_of(field)), sql::null_if_empty(value), plan_id);
}

void PlanStore::set_participation(std::int64_t plan_id, const std::string& how, const std::string& on) {
  sql::exec(db_,
            "UPDATE plan SET participated_how = ?, participated_on = ?, "
            "status = CASE status WHEN 'revising' THEN 'open' ELSE status END WHERE id = ?",
            how, on, plan_id);
}

void PlanStore::set_next_evaluation(std::int64_t plan_id, const std::string& next, bool revise) {
  sql::exec(db_, "UPDATE plan SET next_evaluation = ?, status = CASE WHEN ? THEN 'revising' ELSE status END WHERE id = ?",
            next, revise, plan_id);
}

void PlanStore::close(std::int64_t plan_id) {
  sql::exec(db_, "UPDATE plan SET status = 'closed', next_evaluation = NULL WHERE id = ?", plan_id);
}

std::optional<PlanStatus> PlanStore::open_status_of_case(std::int64_t case_id) {
  return sql::Query(db_, "SELECT status FROM plan WHERE case_id = ? AND status <> 'closed'", case_id).first([](sql::Row& r) {
    return r.stored(plan_status_from, "plan.status");
  });
}

void PlanStore::close_of_case(std::int64_t case_id) {
  sql::exec(db_, "UPDATE plan SET status = 'closed' WHERE case_id = ?", case_id);
}

bool PlanStore::reopen_of_case(std::int64_t case_id, PlanStatus status) {
  return sql::exec(db_, "UPDATE plan SET status = ? WHERE case_id = ?", status, case_id) > 0;
}

bool PlanStore::goal_exists(std::int64_t plan_id, int number) { return goal(plan_id, number).has_value(); }

std::optional<GoalRow> PlanStore::goal(std::int64_t plan_id, int number) {
  return sql::Query(db_, "SELECT id, text FROM goal WHERE plan_id = ? AND number = ?", plan_id, number).first([](sql::Row& r) {
    return GoalRow{r.int64(), r.text()};
  });
}

std::optional<Goal> PlanStore::read_goal(std::int64_t plan_id, int number) {
  return sql::Query(db_, goal_query(), plan_id, number).first(read_goal_row);
}

int PlanStore::next_goal_number(std::int64_t plan_id) {
  return sql::Query(db_, "SELECT COALESCE(MAX(number), 0) + 1 FROM goal WHERE plan_id = ?", plan_id).one(&sql::Row::integer);
}

std::int64_t PlanStore::add_goal(std::int64_t plan_id, int number, std::optional<int> parent, const std::string& text,
                                 const std::string& source) {
  return sql::insert(db_, "INSERT INTO goal (plan_id, number, parent, text, source) VALUES (?, ?, ?, ?, ?)", plan_id, number,
                     parent, text, sql::null_if_empty(source));
}

void PlanStore::add_goal_mark(std::int64_t plan_id, int number, GoalMark mark, const std::string& note, const std::string& on,
                              const std::string& by) {
  sql::exec(db_, "INSERT INTO goal_status (plan_id, goal_number, status, note, set_on, set_by) VALUES (?, ?, ?, ?, ?, ?)",
            plan_id, number, mark, sql::null_if_empty(note), on, by);
}

std::optional<MeasureRow> PlanStore::measure(std::int64_t plan_id, int number) {
  return sql::Query(db_, fmt::format("SELECT id, {} FROM measure WHERE plan_id = ? AND number = ?", kMeasureColumns), plan_id,
                    number)
      .first([](sql::Row& r) { return MeasureRow{r.int64(), read_measure(r)}; });
}

int PlanStore::next_measure_number(std::int64_t plan_id) {
  return sql::Query(db_, "SELECT COALESCE(MAX(number), 0) + 1 FROM measure WHERE plan_id = ?", plan_id).one(&sql::Row::integer);
}

std::int64_t PlanStore::add_measure(std::int64_t plan_id, const Measure& m) {
  return sql::insert(db_,
                     "INSERT INTO measure (plan_id, goal_number, number, text, responsible, due_on, every_days, scope, how) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     plan_id, m.goal, m.number, m.text, m.responsible, m.due_on, m.every_days, sql::null_if_empty(m.scope),
                     sql::null_if_empty(m.how));
}

void PlanStore::set_measure_status(std::int64_t plan_id, int number, MeasureStatus status, const std::string& due_on) {
  sql::exec(db_, "UPDATE measure SET status = ?, due_on = ? WHERE plan_id = ? AND number = ?", status, due_on, plan_id, number);
}

int PlanStore::bump_revision(std::int64_t plan_id) {
  return sql::Query(db_, "UPDATE plan SET revision = revision + 1 WHERE id = ? RETURNING revision", plan_id)
      .one(&sql::Row::integer);
}

void PlanStore::add_revision(std::int64_t plan_id, int revision, const std::string& at, const std::string& by,
                             const std::string& change, const std::string& snapshot) {
  sql::exec(db_,
            "INSERT INTO plan_revision (plan_id, revision, created_at, created_by, change, snapshot) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            plan_id, revision, at, by, change, snapshot);
}

std::optional<std::string> PlanStore::snapshot(std::int64_t plan_id, int revision) {
  return sql::Query(db_, "SELECT snapshot FROM plan_revision WHERE plan_id = ? AND revision = ?", plan_id, revision)
      .first(&sql::Row::text);
}

std::optional<std::string> PlanStore::revision_time(std::int64_t plan_id, int revision) {
  return sql::Query(db_, "SELECT created_at FROM plan_revision WHERE plan_id = ? AND revision = ?", plan_id, revision)
      .first(&sql::Row::text);
}

int PlanStore::latest_revision(std::int64_t plan_id) {
  return sql::Query(db_, "SELECT revision FROM plan WHERE id = ?", plan_id).first(&sql::Row::integer).value_or(0);
}

std::vector<RevisionRow> PlanStore::revisions(std::int64_t plan_id) {
  return sql::Query(db_, "SELECT revision, created_at, created_by, change FROM plan_revision WHERE plan_id = ? ORDER BY revision",
                    plan_id)
      .all([](sql::Row& r) { return RevisionRow{r.integer(), r.text(), r.text(), r.text()}; });
}

std::string PlanStore::person_name(std::int64_t person_id) {
  return sql::Query(db_, "SELECT name FROM person WHERE id = ?", person_id).first(&sql::Row::text).value_or(std::string());
}

std::optional<std::string> PlanStore::what_matters(std::int64_t case_id, int nth) {
  if (nth < 1) return std::nullopt;
  return sql::Query(db_, "SELECT text FROM what_matters WHERE case_id = ? ORDER BY id LIMIT 1 OFFSET ?", case_id, nth - 1)
      .first(&sql::Row::text);
}

std::vector<PlanConsent> PlanStore::consents_in_force(std::int64_t case_id, const std::string& on) {
  return sql::Query(db_,
                    "SELECT scope, form, given_by, given_on FROM consent WHERE case_id = ?1 AND given_on <= ?2 "
                    "AND (withdrawn_on IS NULL OR withdrawn_on > ?2) ORDER BY given_on, id",
                    case_id, on)
      .all([](sql::Row& r) { return PlanConsent{r.text(), r.text(), r.text(), r.text()}; });
}

}  // namespace oppteam
