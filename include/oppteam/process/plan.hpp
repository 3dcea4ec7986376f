#pragma once
// The follow-up plan (oppfølgingsplan) or individual plan (individuell plan,
// IP) of a case: goals and delmål in the person's own words, measures
// (tiltak) with one responsible team member, the person's participation and
// what forskrift om habilitering og rehabilitering, individuell plan og
// koordinator § 19 asks a plan to hold. Every change makes a new revision
// whose full snapshot is kept, so any old revision can be shown again.

#include <oppteam/domain/plan.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>
// kGoalStateSql and kGoalNoteSql (the state of a goal, for readers of goals
// elsewhere) now live in the plan store.
#include <oppteam/store/plan_store.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// The longest step of a recurring measure (--every DAYS): once a year.
inline constexpr int kMaxEveryDays = 366;

nlohmann::json to_json(const Plan& p);
Plan plan_from_json(const nlohmann::json& j);

struct MeasureInput {
  int goal = 0;
  std::string text;
  std::string responsible;
  Date due{};
  std::optional<int> every_days;
  std::string scope;
  std::string how;
};

// § 19 content set with `plan set`; an absent field is left as it is.
struct PlanFields {
  std::optional<std::string> resources, needs, contributions;
  std::optional<Date> period_from, period_to;
};

struct RevisionInfo {
  int revision = 0;
  std::string created_at;
  std::string created_by;
  std::string change;  // rendered in the context's language
};

// Every change below: exit 2 unless the case has an active team, when the
// rammeverk requires consent for "plan" and it is missing, or when the plan
// is closed; one new revision and one audit entry per call.

// Adds a goal (a delmål when `parent` is given; exit 1 when that goal does
// not exist). `from_what_matters` takes the Nth (1-based, in order of
// entry) "what matters to you" answer of the case as the text (exit 1 when
// there is none). Creates the plan on first use. Returns the goal number.
int add_goal(const Context& ctx, std::string_view case_number, const std::string& text, std::optional<int> from_what_matters,
             std::optional<int> parent);

// Adds a measure under an existing goal (exit 1 otherwise); the responsible
// must be a current team member (exit 2 otherwise). Returns its number.
int add_measure(const Context& ctx, std::string_view case_number, const MeasureInput& m);
// The same in a case authorised for another step (a meeting action that
// becomes a measure): checks plan.write in it.
int add_measure(const Context& ctx, const AuthorisedCase& c, const MeasureInput& m);

// Sets a measure's status (planned|started|done|cancelled). A recurring
// measure marked done stays open and its due date moves forward by its
// interval. Returns the measure as it is afterwards.
Measure set_measure_status(const Context& ctx, std::string_view case_number, int measure, const std::string& status);

// Records how the person took part in making the plan (required before the
// first evaluation). Also ends a revision the last evaluation asked for.
void record_participation(const Context& ctx, std::string_view case_number, const std::string& how);

// Sets the § 19 fields. Creates the plan on first use. A period that would
// end before it begins (an end not given is the stored one) is refused (65).
void set_plan_fields(const Context& ctx, std::string_view case_number, const PlanFields& f);

// Makes the plan an individual plan (needs valid consent with scope "ip",
// exit 2 otherwise) or a follow-up plan.
void set_plan_kind(const Context& ctx, std::string_view case_number, const std::string& kind);

// The plan as it is now, or at `revision` (exit 1 when there is no plan or
// no such revision). An audited read.
Plan show_plan(const Context& ctx, std::string_view case_number, std::optional<int> revision = std::nullopt);

// The revisions of the plan, oldest first (exit 1 without a plan). Audited.
std::vector<RevisionInfo> plan_history(const Context& ctx, std::string_view case_number);

// The plan as the person's own document, holding what § 19 asks, in the
// context's language: plain text, or a self-contained HTML page that prints well.
std::string plan_document_text(const Context& ctx, const Plan& p);
std::string plan_document_html(const Context& ctx, const Plan& p);

// The plan's next evaluation: the date an evaluation set, else (a plan not
// evaluated yet) the default from the day the plan was made.
std::string plan_next_evaluation(const Rammeverk& rv, const Plan& p);

// A consent's scope as people read it, in ctx.lang ("Oppfølgingsteam",
// "Deling av opplysninger med Hjemmetjenesten").
std::string consent_scope_label(const Context& ctx, const std::string& scope);

// Gives goal `number` of the case's plan a new state (issue 14): "reached",
// "partly", "dropped" or "active" (shown as "open"), with an optional note;
// every change is kept and makes a plan revision. Exit 64 for another
// state, 1 for no plan or no such goal, 2 when the plan is closed.
Goal set_goal_status(const Context& ctx, std::string_view case_number, int number, const std::string& status, const std::string& note);

// Corrections (issue 14, process/correction.hpp): a goal's text; a
// measure's text, responsible (a current team member, 2 otherwise) and due
// date. Each keeps the value before with `reason` and makes a plan
// revision; exit 1 for no such goal or measure, 2 when the plan is closed,
// 64 when nothing is to change.
struct Corrected;
struct MeasureFix {
  std::optional<std::string> text, responsible;
  std::optional<Date> due;
};
Corrected correct_goal(const Context& ctx, std::string_view case_number, int number, const std::string& text, const std::string& reason);
Corrected correct_measure(const Context& ctx, std::string_view case_number, int number, const MeasureFix& fix, const std::string& reason);

// For use inside a write transaction of this area (evaluation): the plan id
// of the case (nullopt when none) and a new revision of it with `change`
// (a catalogue key and its arguments).
std::optional<std::int64_t> plan_id_of(Database& db, std::int64_t case_id);
void record_plan_revision(const Context& ctx, std::int64_t plan_id, const CaseRef& c, const std::string& change_key,
                          const std::vector<std::string>& change_args);

}  // namespace oppteam
