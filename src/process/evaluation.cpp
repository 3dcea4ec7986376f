#include <oppteam/process/evaluation.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/appeal.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/plan.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/store/evaluation_store.hpp>
#include <oppteam/store/plan_store.hpp>
#include <oppteam/store/team_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/nearest.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

#include <charconv>

namespace oppteam {

namespace {

std::optional<int> to_int(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

std::pair<int, int> parse_goal_score(std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos) throw make_error(ExitCode::usage, "evaluate.bad_goal", text);
  auto n = to_int(text.substr(0, eq));
  auto v = to_int(text.substr(eq + 1));
  if (!n || !v || text.substr(0, eq).starts_with('+')) throw make_error(ExitCode::usage, "evaluate.bad_goal", text);
  return {*n, *v};
}

std::pair<std::string, int> parse_indicator_value(std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) throw make_error(ExitCode::usage, "evaluate.bad_indicator", text);
  auto v = to_int(text.substr(eq + 1));
  if (!v) throw make_error(ExitCode::usage, "evaluate.bad_indicator", text);
  return {std::string(text.substr(0, eq)), *v};
}

void add_goal_score(EvaluationInput& in, std::string_view text) {
  const auto [n, v] = parse_goal_score(text);
  // One score a goal, as team review takes one answer an item: the second would silently win.
  if (!in.goals.emplace(n, v).second) throw make_error(ExitCode::usage, "evaluate.goal_twice", n);
}

void add_indicator_value(EvaluationInput& in, std::string_view text) {
  auto [id, v] = parse_indicator_value(text);
  if (in.indicators.count(id)) throw make_error(ExitCode::usage, "evaluate.indicator_twice", id);
  in.indicators.emplace(std::move(id), v);
}

nlohmann::json to_json(const Evaluation& e) {
  nlohmann::json goals = nlohmann::json::object();
  for (const auto& [n, v] : e.goals) goals[std::to_string(n)] = v;
  nlohmann::json ind = nlohmann::json::object();
  for (const auto& [k, v] : e.indicators) ind[k] = v;
  auto opt = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"id", e.id},
          {"case", e.case_number},
          {"evaluated_on", e.evaluated_on},
          {"goals", goals},
          {"experienced_quality", e.quality ? nlohmann::json(*e.quality) : nlohmann::json(nullptr)},
          {"indicators", ind},
          {"comment", opt(e.comment)},
          {"decision", std::string(to_stored(e.decision))},
          {"reason", opt(e.reason)},
          {"next_evaluation", opt(e.next_on)},
          {"evaluated_by", e.created_by}};
}

Evaluation evaluate(const Context& ctx, std::string_view case_number, const EvaluationInput& in) {
  const AuthorisedCase ac = authorize_case(ctx, "evaluate", case_number);
  const CaseRef& c = ac;
  require_text(in.comment, "--comment");
  require_text(in.reason, "--reason");
  const auto decision = evaluation_decision_from(in.decision);
  if (!decision) throw make_error(ExitCode::usage, "evaluate.bad_decision", in.decision);
  const bool close = *decision == EvaluationDecision::close;
  if (close && in.reason.empty()) throw make_error(ExitCode::usage, "evaluate.reason_required");
  // A value off its scale is bad input data (65, SPEC.md), as in team review;
  // a value that is not a number at all is a usage error (64, parse_*).
  if (in.quality && (*in.quality < 1 || *in.quality > 5)) throw make_error(ExitCode::data, "evaluate.quality_range", *in.quality);
  for (const auto& [n, v] : in.goals)
    if (v < -2 || v > 2) throw make_error(ExitCode::data, "evaluate.gas_range", n, v);
  for (const auto& [id, v] : in.indicators) {
    const auto* ind = ctx.rv.find_indicator(id);
    if (!ind) throw unknown_value("evaluate.unknown_indicator", {id}, id, entry_ids(ctx.rv.indicators), true);
    if (ind->kind == "count" && v < 0) throw make_error(ExitCode::data, "evaluate.count_negative", id, v);
    if (ind->kind == "scale" && ind->scale && (v < ind->scale->first || v > ind->scale->second))
      throw make_error(ExitCode::data, "evaluate.scale_range", id, v, ind->scale->first, ind->scale->second);
  }
  const Date today = ctx.today();
  if (in.next && *in.next <= today) throw make_error(ExitCode::data, "evaluate.next_not_future", long_date(*in.next, ctx.lang));
  // The next evaluation may come sooner than the interval, never later: a
  // far --next would silence the evaluation's reminder for years.
  const Date latest_next = next_evaluation_due(ctx.rv, today);
  if (in.next && *in.next > latest_next)
    throw make_error(ExitCode::data, "evaluate.next_too_late", long_date(*in.next, ctx.lang), long_date(latest_next, ctx.lang),
                     ctx.rv.deadlines.evaluation_interval);

  return ctx.db.write([&] {
    PlanStore plans(ctx.db);
    auto plan_id = plans.plan_of_case(c.id);
    if (!plan_id) throw make_error(ExitCode::not_found, "plan.not_found", c.number);
    const auto plan = plans.read(*plan_id);
    if (plan->status == PlanStatus::closed) throw make_error(ExitCode::refused, "plan.closed", c.number);
    TeamStore teams(ctx.db);
    const auto team = teams.state(c.id);
    if (!team) throw make_error(ExitCode::refused, "plan.no_team", c.number);
    if (team->status == TeamStatus::closed)
      throw make_error(ExitCode::refused, "plan.team_not_active", c.number,
                       status_text(ctx, team->status));
    if (plan->participated_how.empty()) throw make_error(ExitCode::refused, "evaluate.no_participation", c.number);
    for (const auto& [n, v] : in.goals)
      if (!plans.goal_exists(*plan_id, n)) throw make_error(ExitCode::not_found, "plan.goal_not_found", c.number, n);
    if (close) require_no_appeal_owed(ctx, c);

    Evaluation e;
    e.case_number = c.number;
    e.evaluated_on = format_date(today);
    e.goals = in.goals;
    e.quality = in.quality;
    e.indicators = in.indicators;
    e.comment = in.comment;
    e.decision = *decision;
    e.reason = in.reason;
    e.created_by = ctx.actor;
    if (!close) e.next_on = format_date(in.next.value_or(next_evaluation_due(ctx.rv, today)));
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    EvaluationStore evaluations(ctx.db);
    e.id = evaluations.add(c.id, e, ctx.clock.now_timestamp());
    audit.after("evaluation", e.id);
    const auto [first, last] = evaluations.indicator_ids(e.id);
    audit.after_range("indicator_value", first, last);

    if (close) {
      plans.close(*plan_id);
      teams.close(team->id, e.evaluated_on, e.reason);
      CaseStore(ctx.db).close(c.id, e.evaluated_on, e.reason);
    } else {
      plans.set_next_evaluation(*plan_id, e.next_on, e.decision == EvaluationDecision::revise);
    }
    record_plan_revision(ctx, *plan_id, c, "plan.change.evaluation", {e.evaluated_on, std::string(to_stored(e.decision))});
    audit.append("evaluate", c.number, c.fnr, audit_detail("evaluate", "audit.d.decision", {std::string(to_stored(e.decision))}));
    if (close) audit.append("case.close", c.number, c.fnr, audit_detail("case.close", "audit.d.closed_by_evaluation", {}));
    audit.flush();
    return e;
  });
}

std::vector<Evaluation> list_evaluations(Database& db, std::int64_t case_id) {
  return db.read_per_statement([&] { return EvaluationStore(db).of_case(case_id); });
}

}  // namespace oppteam
