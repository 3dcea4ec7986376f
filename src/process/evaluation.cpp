#include <oppteam/process/evaluation.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/plan.hpp>
#include <oppteam/util/dates.hpp>
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
  if (*v < -2 || *v > 2) throw make_error(ExitCode::usage, "evaluate.gas_range", *n, *v);
  return {*n, *v};
}

std::pair<std::string, int> parse_indicator_value(std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) throw make_error(ExitCode::usage, "evaluate.bad_indicator", text);
  auto v = to_int(text.substr(eq + 1));
  if (!v) throw make_error(ExitCode::usage, "evaluate.bad_indicator", text);
  return {std::string(text.substr(0, eq)), *v};
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
          {"decision", e.decision},
          {"reason", opt(e.reason)},
          {"next_evaluation", opt(e.next_on)},
          {"evaluated_by", e.created_by}};
}

Evaluation evaluate(const Context& ctx, std::string_view case_number, const EvaluationInput& in) {
  const AuthorisedCase ac = authorize_case(ctx, "evaluate", case_number);
  const CaseRef& c = ac;
  require_text(in.comment, "--comment");
  require_text(in.reason, "--reason");
  if (in.decision != "continue" && in.decision != "revise" && in.decision != "close")
    throw make_error(ExitCode::usage, "evaluate.bad_decision", in.decision);
  if (in.decision == "close" && in.reason.empty()) throw make_error(ExitCode::usage, "evaluate.reason_required");
  if (in.quality && (*in.quality < 1 || *in.quality > 5)) throw make_error(ExitCode::usage, "evaluate.quality_range", *in.quality);
  for (const auto& [n, v] : in.goals)
    if (v < -2 || v > 2) throw make_error(ExitCode::usage, "evaluate.gas_range", n, v);
  for (const auto& [id, v] : in.indicators) {
    const auto* ind = ctx.rv.find_indicator(id);
    if (!ind) throw make_error(ExitCode::usage, "evaluate.unknown_indicator", id);
    if (ind->kind == "count" && v < 0) throw make_error(ExitCode::usage, "evaluate.count_negative", id, v);
    if (ind->kind == "scale" && ind->scale && (v < ind->scale->first || v > ind->scale->second))
      throw make_error(ExitCode::usage, "evaluate.scale_range", id, v, ind->scale->first, ind->scale->second);
  }
  const Date today = ctx.today();
  if (in.next && *in.next <= today) throw make_error(ExitCode::usage, "evaluate.next_not_future", format_date(*in.next));

  return ctx.db.write([&] {
    auto plan_id = plan_id_of(ctx.db, c.id);
    if (!plan_id) throw make_error(ExitCode::not_found, "plan.not_found", c.number);
    std::string plan_status, participated;
    {
      SQLite::Statement q(ctx.db.sql(), "SELECT status, participated_how FROM plan WHERE id = ?");
      q.bind(1, *plan_id);
      q.executeStep();
      plan_status = q.getColumn(0).getString();
      participated = q.getColumn(1).isNull() ? "" : q.getColumn(1).getString();
    }
    if (plan_status == "closed") throw make_error(ExitCode::refused, "plan.closed", c.number);
    std::int64_t team_id = 0;
    {
      SQLite::Statement q(ctx.db.sql(), "SELECT id, status FROM team WHERE case_id = ?");
      q.bind(1, c.id);
      if (!q.executeStep()) throw make_error(ExitCode::refused, "plan.no_team", c.number);
      team_id = q.getColumn(0).getInt64();
      const std::string status = q.getColumn(1).getString();
      if (status == "closed") throw make_error(ExitCode::refused, "plan.team_not_active", c.number, tr(ctx.lang, "team.status_" + status));
    }
    if (participated.empty()) throw make_error(ExitCode::refused, "evaluate.no_participation", c.number);
    {
      SQLite::Statement q(ctx.db.sql(), "SELECT 1 FROM goal WHERE plan_id = ? AND number = ?");
      for (const auto& [n, v] : in.goals) {
        q.reset();
        q.bind(1, *plan_id);
        q.bind(2, n);
        if (!q.executeStep()) throw make_error(ExitCode::not_found, "plan.goal_not_found", c.number, n);
      }
    }

    Evaluation e;
    e.case_number = c.number;
    e.evaluated_on = format_date(today);
    e.goals = in.goals;
    e.quality = in.quality;
    e.indicators = in.indicators;
    e.comment = in.comment;
    e.decision = in.decision;
    e.reason = in.reason;
    e.created_by = ctx.actor;
    if (in.decision != "close")
      e.next_on = format_date(in.next.value_or(next_evaluation_due(ctx.rv, today)));

    nlohmann::json goals = nlohmann::json::object();
    for (const auto& [n, v] : in.goals) goals[std::to_string(n)] = v;
    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO evaluation (case_id, evaluated_on, quality, decision, reason, comment, next_on, goals, "
                          "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, c.id);
    ins.bind(2, e.evaluated_on);
    if (in.quality) ins.bind(3, *in.quality);
    else ins.bind(3);
    ins.bind(4, e.decision);
    if (e.reason.empty()) ins.bind(5);
    else ins.bind(5, e.reason);
    if (e.comment.empty()) ins.bind(6);
    else ins.bind(6, e.comment);
    if (e.next_on.empty()) ins.bind(7);
    else ins.bind(7, e.next_on);
    ins.bind(8, goals.dump());
    ins.bind(9, ctx.actor);
    ins.bind(10, ctx.clock.now_timestamp());
    ins.exec();
    e.id = ctx.db.sql().getLastInsertRowid();

    SQLite::Statement iv(ctx.db.sql(), "INSERT INTO indicator_value (evaluation_id, indicator, value) VALUES (?, ?, ?)");
    for (const auto& [id, v] : in.indicators) {
      iv.reset();
      iv.bind(1, e.id);
      iv.bind(2, id);
      iv.bind(3, v);
      iv.exec();
    }

    if (in.decision == "close") {
      SQLite::Statement p(ctx.db.sql(), "UPDATE plan SET status = 'closed', next_evaluation = NULL WHERE id = ?");
      p.bind(1, *plan_id);
      p.exec();
      SQLite::Statement t(ctx.db.sql(), "UPDATE team SET status = 'closed', closed_on = ?, close_reason = ? WHERE id = ?");
      t.bind(1, e.evaluated_on);
      t.bind(2, e.reason);
      t.bind(3, team_id);
      t.exec();
      SQLite::Statement k(ctx.db.sql(), "UPDATE case_file SET status = 'closed', closed_on = ?, close_reason = ? WHERE id = ?");
      k.bind(1, e.evaluated_on);
      k.bind(2, e.reason);
      k.bind(3, c.id);
      k.exec();
    } else {
      SQLite::Statement p(ctx.db.sql(),
                          "UPDATE plan SET next_evaluation = ?, "
                          "status = CASE WHEN ? = 'revise' THEN 'revising' ELSE status END WHERE id = ?");
      p.bind(1, e.next_on);
      p.bind(2, e.decision);
      p.bind(3, *plan_id);
      p.exec();
    }
    record_plan_revision(ctx, *plan_id, c, "plan.change.evaluation", {e.evaluated_on, e.decision});
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("evaluate", c.number, c.fnr, e.decision);
    if (in.decision == "close") audit.append("case.close", c.number, c.fnr, "closed by evaluation");
    audit.flush();
    return e;
  });
}

std::vector<Evaluation> list_evaluations(Database& db, std::int64_t case_id) {
  return db.read_per_statement([&] {
    SQLite::Statement q(db.sql(),
                        "SELECT e.id, c.number, e.evaluated_on, e.quality, e.decision, e.reason, e.comment, e.next_on, e.goals, "
                        "e.created_by FROM evaluation e JOIN case_file c ON c.id = e.case_id WHERE e.case_id = ? "
                        "ORDER BY e.evaluated_on, e.id");
    SQLite::Statement iv(db.sql(), "SELECT indicator, value FROM indicator_value WHERE evaluation_id = ? ORDER BY indicator");
    q.bind(1, case_id);
    std::vector<Evaluation> out;
    auto text = [&](int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); };
    while (q.executeStep()) {
      Evaluation e;
      e.id = q.getColumn(0).getInt64();
      e.case_number = text(1);
      e.evaluated_on = text(2);
      if (!q.getColumn(3).isNull()) e.quality = q.getColumn(3).getInt();
      e.decision = text(4);
      e.reason = text(5);
      e.comment = text(6);
      e.next_on = text(7);
      auto goals = nlohmann::json::parse(text(8), nullptr, false);
      if (goals.is_object())
        for (auto it = goals.begin(); it != goals.end(); ++it) e.goals[std::stoi(it.key())] = it.value().get<int>();
      e.created_by = text(9);
      iv.reset();
      iv.bind(1, e.id);
      while (iv.executeStep()) e.indicators[iv.getColumn(0).getString()] = iv.getColumn(1).getInt();
      out.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace oppteam
