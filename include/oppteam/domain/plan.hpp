#pragma once
// The follow-up plan (oppfølgingsplan) or individual plan (individuell plan,
// IP) of a case as plain values: goals and delmål in the person's own words,
// measures (tiltak) with one responsible team member, the team and the
// consents in force at a revision. Each status is an enum with one mapping
// to and from the string it is stored as (in the database, in a revision's
// snapshot and in JSON). The rules are in process/plan.hpp, the SQL in
// store/plan_store.hpp.

#include <oppteam/domain/team.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

// An individual plan (needs consent with scope "ip") or the team's follow-up plan.
enum class PlanKind { ip, follow_up };
std::string_view to_stored(PlanKind k);  // "ip" | "oppfolgingsplan"
std::optional<PlanKind> plan_kind_from(std::string_view stored);

// open; revising (an evaluation asked for a revision, until participation is
// recorded again); closed (by an evaluation that closed the case).
enum class PlanStatus { open, revising, closed };
std::string_view to_stored(PlanStatus s);  // "open" | "revising" | "closed"
std::optional<PlanStatus> plan_status_from(std::string_view stored);

// The state of a goal: its latest mark (below), else open.
enum class GoalStatus { open, reached, partly, dropped };
std::string_view to_stored(GoalStatus s);  // "open" | "reached" | "partly" | "dropped"
std::optional<GoalStatus> goal_status_from(std::string_view stored);

// A mark given with `plan goal-status` and kept in the goal's history:
// "active" makes the goal open again.
enum class GoalMark { reached, partly, dropped, active };
std::string_view to_stored(GoalMark m);  // "reached" | "partly" | "dropped" | "active"
std::optional<GoalMark> goal_mark_from(std::string_view stored);
GoalStatus status_after(GoalMark m);

enum class MeasureStatus { planned, started, done, cancelled };
std::string_view to_stored(MeasureStatus s);  // "planned" | "started" | "done" | "cancelled"
std::optional<MeasureStatus> measure_status_from(std::string_view stored);

struct Goal {
  int number = 0;
  std::optional<int> parent;  // a delmål names the goal it belongs to
  std::string text;
  std::string source;  // "what_matters:N" when taken from the assessment
  GoalStatus status = GoalStatus::open;
  std::string status_note;  // the note of the latest plan goal-status
};

struct Measure {
  int number = 0;
  int goal = 0;
  std::string text;
  std::string responsible;
  std::string due_on;             // ISO date
  std::optional<int> every_days;  // recurring measure
  std::string scope;              // omfang
  std::string how;                // hvordan det skal gjennomføres
  MeasureStatus status = MeasureStatus::planned;
};

struct PlanMember {
  std::string name;
  std::string role;
  std::string service;
  MemberKind kind = MemberKind::member;  // the team member's kind when the revision was made
};

struct PlanConsent {
  std::string scope;
  std::string form;
  std::string given_by;
  std::string given_on;
};

// What became of an old revision: a later one replaced it, so a printed
// copy must not look like the plan in force.
struct PlanReplacement {
  int latest = 0;  // the plan's latest revision
  int by = 0;      // the revision that replaced this one (the next)
  std::string at;  // when that revision was made (timestamp); empty when not stored
};

// A plan as a whole: the current state, or one revision read back from its
// snapshot. Team members and consents are those in force at the revision.
struct Plan {
  std::string case_number;
  std::int64_t case_id = 0;  // case_file.id (set by show_plan, not stored in a revision)
  std::string person_name;
  PlanKind kind = PlanKind::follow_up;
  PlanStatus status = PlanStatus::open;
  int revision = 0;
  std::string revised_at;
  std::string created_on;
  std::string participated_how, participated_on;
  std::string resources, needs, contributions;
  std::string period_from, period_to;
  std::string next_evaluation;
  std::vector<Goal> goals;
  std::vector<Measure> measures;
  std::vector<PlanMember> team;
  std::vector<PlanConsent> consents;
  // Set for a revision a later one replaced (show_plan of an old revision,
  // the archive's older versions); never part of a stored snapshot.
  std::optional<PlanReplacement> replaced;

  const PlanMember* coordinator() const;
};

}  // namespace oppteam
