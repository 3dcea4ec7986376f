#pragma once
// The SQL of the plan (tables plan, goal, goal_status, measure,
// plan_revision): the plan's rows as domain values (domain/plan.hpp). The
// rules (who may change a plan, when it is closed, what a recurring measure
// does when done) are the plan process's (src/process/plan.cpp); this class
// reads and writes rows. A storage failure throws Error; a stored status of
// no known value is one (exit 65, store.bad_value).

#include <oppteam/domain/plan.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// The SQL expression of goal g's state (the latest goal_status, else its own
// status), for every reader of goals.
inline constexpr const char* kGoalStateSql =
    "COALESCE((SELECT CASE gs.status WHEN 'active' THEN 'open' ELSE gs.status END FROM goal_status gs "
    "WHERE gs.plan_id = g.plan_id AND gs.goal_number = g.number ORDER BY gs.id DESC LIMIT 1), g.status)";
inline constexpr const char* kGoalNoteSql =
    "(SELECT gs.note FROM goal_status gs WHERE gs.plan_id = g.plan_id AND gs.goal_number = g.number ORDER BY gs.id DESC LIMIT 1)";

// A field of the plan's § 19 content (`plan set`); its name is its column.
enum class PlanField { resources, needs, contributions, period_from, period_to };
std::string_view column_of(PlanField f);

// A measure's row as a change needs it.
struct MeasureRow {
  std::int64_t id = 0;
  Measure measure;
};

// A goal's row as a correction needs it.
struct GoalRow {
  std::int64_t id = 0;
  std::string text;
};

// One revision of the plan as listed by `plan history`: `change` as stored
// (JSON: a catalogue key and its arguments).
struct RevisionRow {
  int revision = 0;
  std::string created_at;
  std::string created_by;
  std::string change;
};

class PlanStore {
 public:
  explicit PlanStore(Database& db) : db_(db) {}

  // -- the plan row
  std::optional<std::int64_t> plan_of_case(std::int64_t case_id);
  PlanStatus status(std::int64_t plan_id);
  // A new plan (revision 0, open) made on `today` (also the period's first day).
  std::int64_t create(std::int64_t case_id, PlanKind kind, const std::string& today);
  // The plan row's fields, goals (with their state) and measures as a Plan
  // (case, person, team and consents are not in it); nothing when there is
  // no such plan.
  std::optional<Plan> read(std::int64_t plan_id);
  void set_kind(std::int64_t plan_id, PlanKind kind);
  void set_field(std::int64_t plan_id, PlanField field, const std::string& value);  // "": NULL
  // Participation recorded on `on`; a plan being revised is open again.
  void set_participation(std::int64_t plan_id, const std::string& how, const std::string& on);
  // After an evaluation: the next date and, when `revise`, the plan being revised.
  void set_next_evaluation(std::int64_t plan_id, const std::string& next, bool revise);
  // Closed (by an evaluation): no next evaluation.
  void close(std::int64_t plan_id);

  // -- the case's plan as a closing of the case changes it
  // The status of the case's plan when it is not closed, none otherwise.
  std::optional<PlanStatus> open_status_of_case(std::int64_t case_id);
  // The case's plan closed (its next evaluation kept, for a reopening).
  void close_of_case(std::int64_t case_id);
  // The case's plan put back to `status`; true when it has one.
  bool reopen_of_case(std::int64_t case_id, PlanStatus status);

  // -- goals
  bool goal_exists(std::int64_t plan_id, int number);
  std::optional<GoalRow> goal(std::int64_t plan_id, int number);
  std::optional<Goal> read_goal(std::int64_t plan_id, int number);
  int next_goal_number(std::int64_t plan_id);
  // Returns the new row's id.
  std::int64_t add_goal(std::int64_t plan_id, int number, std::optional<int> parent, const std::string& text,
                        const std::string& source);
  void add_goal_mark(std::int64_t plan_id, int number, GoalMark mark, const std::string& note, const std::string& on,
                     const std::string& by);

  // -- measures
  std::optional<MeasureRow> measure(std::int64_t plan_id, int number);
  int next_measure_number(std::int64_t plan_id);
  // Stores `m` (its number, goal, texts, due date, interval); returns the new row's id.
  std::int64_t add_measure(std::int64_t plan_id, const Measure& m);
  void set_measure_status(std::int64_t plan_id, int number, MeasureStatus status, const std::string& due_on);

  // -- revisions
  int bump_revision(std::int64_t plan_id);  // returns the new revision number
  void add_revision(std::int64_t plan_id, int revision, const std::string& at, const std::string& by, const std::string& change,
                    const std::string& snapshot);
  std::optional<std::string> snapshot(std::int64_t plan_id, int revision);
  std::optional<std::string> revision_time(std::int64_t plan_id, int revision);
  int latest_revision(std::int64_t plan_id);
  std::vector<RevisionRow> revisions(std::int64_t plan_id);

  // -- what the plan reads of the case
  std::string person_name(std::int64_t person_id);
  // The Nth (1-based, in order of entry) "what matters to you" answer of the case.
  std::optional<std::string> what_matters(std::int64_t case_id, int nth);
  // Consents given by `on` and not withdrawn then, oldest first.
  std::vector<PlanConsent> consents_in_force(std::int64_t case_id, const std::string& on);

 private:
  Database& db_;
};

}  // namespace oppteam
