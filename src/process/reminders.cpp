#include <oppteam/process/reminders.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/i18n/collate.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/team.hpp>
#include <oppteam/store/reminder_queries.hpp>
#include <oppteam/util/dates.hpp>


#include <algorithm>
#include <map>
#include <utility>

namespace oppteam {

namespace {

ReminderParams params(const Context& ctx, const ReminderQuery& rq) {
  if (rq.within < 0 || rq.within > kMaxWithinDays) throw make_error(ExitCode::usage, "remind.within_range", kMaxWithinDays, rq.within);
  const Date today = ctx.today();
  // Never past 9999-12-31: every date of the query is compared as text,
  // and a horizon after the calendar would hide even what is overdue.
  const Date horizon = add_days(today, rq.within);
  auto cut = [&](int days) { return format_date(horizon - std::chrono::days(days)); };
  // The day counts and rules of process/deadlines (decision_due: the
  // latest promised date when later, applied in the query itself).
  auto mod = [](int days) { return sql_days(days); };
  const auto& d = ctx.rv.deadlines;
  ReminderParams p;
  // Longer names first, so that a textual substitution never hits a prefix.
  p.text = {{":horizon", format_date(horizon)},
            {":today", format_date(today)},
            {":pr_cut", cut(d.preliminary_reply)},
            {":pr_mod", mod(d.preliminary_reply)},
            {":dec_cut", cut(d.decision)},
            {":dec_mod", mod(d.decision)},
            {":team_cut", cut(d.team_after_decision)},
            {":team_mod", mod(d.team_after_decision)},
            {":plan_cut", cut(d.plan_after_team)},
            {":plan_mod", mod(d.plan_after_team)},
            {":eval_cut", cut(d.evaluation_interval)},
            {":eval_mod", mod(d.evaluation_interval)},
            {":cons_cut", cut(d.consent_review)},
            {":cons_mod", mod(d.consent_review)},
            {":meet_cut", format_date(add_days(horizon, d.meeting_notice))},
            {":meet_mod", mod(-d.meeting_notice)},
            {":min_cut", cut(d.minutes_after)},
            {":min_mod", mod(d.minutes_after)},
            {":rev_cut", cut(d.team_review_interval)},
            {":rev_mod", mod(d.team_review_interval)},
            {":apr_mod", mod(d.appeal_review)},
            {":apf_mod", mod(d.appeal_forward)},
            {":apo_mod", mod(d.appeal_outcome)},
            {":stale_cut", cut(ctx.rv.escalation.stale_days)},
            {":stale_mod", mod(ctx.rv.escalation.stale_days)},
            {":unit", ctx.text("remind.unit")}};
  p.for_name = rq.for_name;
  return p;
}

}  // namespace

std::string remind_sql(const Context& ctx, const ReminderQuery& rq) {
  authorize(ctx, "remind");
  return ReminderQueries::literal_sql(params(ctx, rq));
}

std::vector<Reminder> remind(const Context& ctx, const ReminderQuery& rq_in) {
  // Held everywhere: every case's work. Held as coordinated: or owned: (the
  // built-in koordinator): only the work of those cases (trial s12 #5).
  authorize_some(ctx, "remind");
  const bool some_cases = grant_of(ctx.rv, ctx.actor, "remind") != Grant::everywhere;
  // A leader (an [[access.user]] who may approve; the unit when there is
  // none) also sees what is escalated and the pending approvals: the query
  // then keeps everything and the items are chosen below.
  const std::vector<std::string> leaders = escalation(ctx).to;
  const bool leader =
      rq_in.for_name && std::find(leaders.begin(), leaders.end(), *rq_in.for_name) != leaders.end();
  ReminderQuery rq = rq_in;
  if (leader) rq.for_name.reset();
  const ReminderParams p = params(ctx, rq);
  const Date today = ctx.today();
  // The query reads one consistent snapshot (WAL) without the write lock,
  // so a long run over a large store never holds up case workers' changes;
  // the audit entry is then written in its own short write transaction
  // (busy past the timeout: exit 75, and nothing is printed).
  std::vector<Reminder> out = ctx.db.read_per_statement([&] { return ReminderQueries(ctx.db).due(p); });
  if (some_cases) {
    const std::vector<std::string> mine = cases_granted(ctx, "remind");
    std::erase_if(out, [&](const Reminder& r) { return !std::binary_search(mine.begin(), mine.end(), r.case_number); });
  }
  // Who must act, how late, and whether it goes to the leaders too.
  for (auto& r : out) {
    r.assignee = r.measure_responsible.empty() ? r.responsible : r.measure_responsible;
    if (auto d = try_parse_date(r.due)) r.days_overdue = days_between(*d, today);
    r.escalated = r.days_overdue > ctx.rv.escalation.after_days;
  }
  if (leader || rq_in.escalated_only) {
    std::erase_if(out, [&](const Reminder& r) {
      if (rq_in.escalated_only && !r.escalated && r.kind != ReminderKind::approval) return true;
      if (!leader) return false;
      const std::string& n = *rq_in.for_name;
      return !(r.escalated || r.kind == ReminderKind::approval || r.responsible == n || r.assignee == n);
    });
  }
  ctx.db.write([&] {
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    std::vector<std::string> values{std::to_string(out.size()), std::to_string(rq_in.within)};
    if (rq_in.for_name) values.push_back(*rq_in.for_name);
    const std::string key = std::string(rq_in.for_name ? "audit.d.remind_for" : "audit.d.remind") +
                            (rq_in.escalated_only ? "_escalated" : "");
    audit.append("remind", "", "", audit_detail("remind", key, values));
    audit.flush();
  });
  return out;
}

nlohmann::json to_json(const Reminder& r) {
  nlohmann::json j = {{"case", r.case_number}, {"kind", std::string(to_stored(r.kind))}, {"due", r.due}, {"responsible", r.responsible},
                      {"days_overdue", r.days_overdue}};
  if (r.measure) {
    j["measure"] = *r.measure;
    j["measure_responsible"] = r.measure_responsible;
  }
  if (!r.scope.empty()) j["scope"] = r.scope;
  if (r.action) {
    j["action"] = *r.action;
    j["action_responsible"] = r.measure_responsible;
  }
  if (r.meeting) j["meeting"] = *r.meeting;
  if (r.kind == ReminderKind::approval) {
    j.erase("scope");
    j["what"] = r.scope;
    j["ref"] = r.ref ? nlohmann::json(*r.ref) : nlohmann::json();
  }
  j["assignee"] = r.assignee;
  j["escalated"] = r.escalated;
  return j;
}

Escalation escalation(const Context& ctx) {
  Escalation e{leaders(ctx.rv), true};
  if (e.to.empty()) e = {{ctx.text("remind.unit")}, false};
  return e;
}

std::vector<PersonReminders> group_by_person(const Context& ctx, const std::vector<Reminder>& items) {
  // Each item goes to whoever must act; an escalated item also to every
  // leader, a pending approval to the leaders only (the unit for both when
  // there is no leader).
  const std::vector<std::string> leaders = escalation(ctx).to;
  std::map<std::string, std::vector<Reminder>> by_name;
  for (const auto& r : items) {
    if (r.kind == ReminderKind::approval) {
      for (const auto& l : leaders) by_name[l].push_back(r);
      continue;
    }
    by_name[r.assignee].push_back(r);
    if (r.escalated)
      for (const auto& l : leaders)
        if (l != r.assignee) by_name[l].push_back(r);
  }
  std::vector<PersonReminders> out;
  for (auto& [name, list] : by_name) {
    const Contact k = contact_details(ctx, name);
    out.push_back({name, k.email, k.phone, std::move(list)});
  }
  const Collator collate(ctx.lang);
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return collate(a.name, b.name); });
  return out;
}

nlohmann::json to_json(const PersonReminders& p) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : p.items) items.push_back(to_json(r));
  return {{"name", p.name},
          {"email", p.email.empty() ? nlohmann::json() : nlohmann::json(p.email)},
          {"phone", p.phone.empty() ? nlohmann::json() : nlohmann::json(p.phone)},
          {"items", items}};
}

}  // namespace oppteam
