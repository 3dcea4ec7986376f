#include <oppteam/process/reminders.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/i18n/collate.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/team.hpp>
#include <oppteam/util/dates.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

namespace oppteam {

namespace {

// One SELECT per kind, joined by UNION ALL; every branch starts from an
// indexed, selective set (cases by status, teams by status, plans, open
// measures by due date) and never loops per case in C++. Thresholds are
// computed in C++ (":*_cut" = horizon minus the deadline) so each date
// comparison can use an index; the due date itself is computed only for
// the rows that match. The coordinator's name is looked up per item.
// CROSS JOIN fixes the join order where SQLite's planner, without
// statistics, would start from all active teams instead of the few due
// rows of an index; INDEXED BY names the covering indexes of migrations 3
// and 4, so a lookup never has to read the table row.
// The current coordinator of team t, else the case's owner (case assign),
// else the coordinating unit.
constexpr const char* kCoordinatorOfTeam = R"sql(COALESCE((SELECT m.name FROM team_member m INDEXED BY team_member_coordinator
                   WHERE m.team_id = t.id AND m.kind = 'coordinator' AND m.removed_on IS NULL
                   LIMIT 1), c.owner, :unit))sql";

// The same for case c, whichever of its teams (for items not about a team).
constexpr const char* kCoordinatorOfCase = R"sql(COALESCE((SELECT m.name FROM team t JOIN team_member m INDEXED BY team_member_coordinator ON m.team_id = t.id
                   WHERE t.case_id = c.id AND m.kind = 'coordinator' AND m.removed_on IS NULL
                   LIMIT 1), c.owner, :unit))sql";

// A no of the person to `scope` (consent decline) that no consent given
// later outweighs, for case c.
constexpr const char* kStandingDecline = R"sql(SELECT 1 FROM consent_decline dl WHERE dl.case_id = c.id AND dl.scope = '{scope}'
                    AND NOT EXISTS (SELECT 1 FROM consent v WHERE v.case_id = dl.case_id AND v.scope = dl.scope
                                    AND (v.given_on > dl.declined_on
                                         OR (v.given_on = dl.declined_on AND v.recorded_at > dl.recorded_at))))sql";

// {coordinator} stands for kCoordinatorOfTeam, {coordinator_of_case} for kCoordinatorOfCase, {owner} for the case's owner
// else the unit, {declined_utredning} and {declined_team} for kStandingDecline.
constexpr const char* kRemindTemplate = R"sql(
SELECT x.case_number, x.kind, x.due, x.responsible, x.measure, x.measure_responsible, x.scope
FROM (
  SELECT c.number AS case_number, c.year AS y, c.seq AS s, 'preliminary_reply' AS kind,
         date(c.opened_on, :pr_mod) AS due, {owner} AS responsible,
         NULL AS measure, NULL AS measure_responsible, NULL AS scope
  FROM case_file c
  WHERE c.status = 'received' AND c.opened_on <= :pr_cut
    AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.case_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM preliminary_reply r WHERE r.case_id = c.id)
    AND NOT EXISTS ({declined_utredning})
  UNION ALL
  SELECT c.number, c.year, c.seq, 'decision',
         max(date(c.opened_on, :dec_mod),
             COALESCE((SELECT max(r.expected_by) FROM preliminary_reply r WHERE r.case_id = c.id), '')),
         {owner}, NULL, NULL, NULL
  FROM case_file c
  WHERE c.status = 'received' AND c.opened_on <= :dec_cut
    AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.case_id = c.id)
    AND NOT EXISTS ({declined_utredning})
  UNION ALL
  SELECT c.number, c.year, c.seq, 'no_team', date(d.decided_on, :team_mod), {owner}, NULL, NULL, NULL
  FROM case_file c JOIN decision d ON d.case_id = c.id
  WHERE c.status = 'granted' AND d.outcome = 'granted' AND d.decided_on <= :team_cut
    AND NOT EXISTS (SELECT 1 FROM team t WHERE t.case_id = c.id)
    AND NOT EXISTS ({declined_team})
  UNION ALL
  SELECT c.number, c.year, c.seq, 'no_coordinator',
         COALESCE((SELECT max(m.removed_on) FROM team_member m WHERE m.team_id = t.id AND m.kind = 'coordinator'),
                  t.created_on),
         {owner}, NULL, NULL, NULL
  FROM team t JOIN case_file c ON c.id = t.case_id
  WHERE t.status IN ('active', 'paused')
    AND NOT EXISTS (SELECT 1 FROM team_member m INDEXED BY team_member_coordinator
                    WHERE m.team_id = t.id AND m.kind = 'coordinator' AND m.removed_on IS NULL)
  UNION ALL
  SELECT c.number, c.year, c.seq, 'no_plan', date(t.created_on, :plan_mod),
         {coordinator},
         NULL, NULL, NULL
  FROM team t JOIN case_file c ON c.id = t.case_id
  WHERE t.status = 'active' AND t.created_on <= :plan_cut
    AND NOT EXISTS (SELECT 1 FROM plan p WHERE p.case_id = t.case_id)
  UNION ALL
  SELECT c.number, c.year, c.seq, 'evaluation', p.next_evaluation,
         {coordinator},
         NULL, NULL, NULL
  FROM plan p INDEXED BY plan_evaluation_due CROSS JOIN team t INDEXED BY team_case_status CROSS JOIN case_file c
  WHERE p.next_evaluation <= :horizon AND p.status <> 'closed'
    AND t.case_id = p.case_id AND t.status = 'active' AND c.id = p.case_id
  UNION ALL
  SELECT c.number, c.year, c.seq, 'evaluation', date(p.created_on, :eval_mod),
         {coordinator},
         NULL, NULL, NULL
  FROM plan p INDEXED BY plan_unevaluated CROSS JOIN team t INDEXED BY team_case_status CROSS JOIN case_file c
  WHERE p.next_evaluation IS NULL AND p.status <> 'closed' AND p.created_on <= :eval_cut
    AND t.case_id = p.case_id AND t.status = 'active' AND c.id = p.case_id
  UNION ALL
  SELECT c.number, c.year, c.seq, 'measure', ms.due_on,
         {coordinator},
         ms.number, ms.responsible, NULL
  FROM measure ms INDEXED BY measure_open CROSS JOIN plan p CROSS JOIN team t INDEXED BY team_case_status
       CROSS JOIN case_file c
  WHERE ms.status IN ('planned', 'started') AND ms.due_on <= :horizon
    AND p.id = ms.plan_id AND p.status <> 'closed'
    AND t.case_id = p.case_id AND t.status = 'active' AND c.id = p.case_id
  UNION ALL
  SELECT c.number, c.year, c.seq, 'consent_withdrawn', max(k.withdrawn_on),
         {coordinator},
         NULL, NULL, 'team'
  FROM consent k CROSS JOIN team t CROSS JOIN case_file c
  WHERE k.withdrawn_on IS NOT NULL AND k.withdrawn_on <= :today AND k.scope = 'team'
    AND t.case_id = k.case_id AND t.status IN ('active', 'paused') AND c.id = k.case_id
    AND NOT EXISTS (SELECT 1 FROM consent v WHERE v.case_id = k.case_id AND v.scope = 'team'
                    AND v.given_on <= :today AND (v.withdrawn_on IS NULL OR v.withdrawn_on > :today))
  GROUP BY k.case_id
  UNION ALL
  SELECT c.number, c.year, c.seq, 'consent_review', date(k.given_on, :cons_mod),
         {coordinator_of_case}, NULL, NULL, k.scope
  FROM case_file c CROSS JOIN consent k
  WHERE c.status IN ('received', 'granted', 'active') AND k.case_id = c.id
    AND k.withdrawn_on IS NULL AND k.given_on <= :cons_cut
    AND NOT EXISTS (SELECT 1 FROM consent k2 WHERE k2.case_id = k.case_id AND k2.scope = k.scope
                    AND k2.withdrawn_on IS NULL
                    AND (k2.given_on > k.given_on OR (k2.given_on = k.given_on AND k2.id > k.id)))
  UNION ALL
  SELECT c.number, c.year, c.seq, 'declined', max(dl.declined_on), {owner}, NULL, NULL, dl.scope
  FROM consent_decline dl CROSS JOIN case_file c
  WHERE c.id = dl.case_id AND c.status <> 'closed' AND (dl.scope = 'utredning' OR dl.scope = 'team')
    AND NOT EXISTS (SELECT 1 FROM consent v WHERE v.case_id = dl.case_id AND v.scope = dl.scope
                    AND (v.given_on > dl.declined_on OR (v.given_on = dl.declined_on AND v.recorded_at > dl.recorded_at)))
  GROUP BY dl.case_id
  UNION ALL
  SELECT c.number, c.year, c.seq, 'meeting', date(mt.held_on, :meet_mod), {coordinator}, mt.number, NULL, NULL
  FROM meeting mt INDEXED BY meeting_planned CROSS JOIN team t INDEXED BY team_case_status CROSS JOIN case_file c
  WHERE mt.status = 'planned' AND mt.held_on >= :today AND mt.held_on <= :meet_cut
    AND t.case_id = mt.case_id AND t.status = 'active' AND c.id = mt.case_id
  UNION ALL
  SELECT c.number, c.year, c.seq, 'minutes', date(mt.held_on, :min_mod), {coordinator}, mt.number, NULL, NULL
  FROM meeting mt INDEXED BY meeting_open CROSS JOIN team t INDEXED BY team_case_status CROSS JOIN case_file c
  WHERE mt.minutes IS NULL AND mt.held_on <= :min_cut AND mt.held_on < :today
    AND t.case_id = mt.case_id AND t.status = 'active' AND c.id = mt.case_id
  UNION ALL
  SELECT c.number, c.year, c.seq, 'action', a.due_on, {coordinator}, a.number, a.responsible, NULL
  FROM meeting_action a INDEXED BY meeting_action_open CROSS JOIN team t INDEXED BY team_case_status CROSS JOIN case_file c
  WHERE a.status = 'open' AND a.measure IS NULL AND a.due_on <= :horizon
    AND t.case_id = a.case_id AND t.status = 'active' AND c.id = a.case_id
  UNION ALL
  SELECT c.number, c.year, c.seq, 'team_review',
         date(COALESCE((SELECT max(rv.reviewed_on) FROM team_review rv WHERE rv.case_id = t.case_id), t.created_on), :rev_mod),
         {coordinator}, NULL, NULL, NULL
  FROM team t INDEXED BY team_open CROSS JOIN case_file c
  WHERE t.status = 'active' AND t.created_on <= :rev_cut AND c.id = t.case_id
    AND NOT EXISTS (SELECT 1 FROM team_review rv WHERE rv.case_id = t.case_id AND rv.reviewed_on > :rev_cut)
  UNION ALL
  SELECT c.number, c.year, c.seq, 'approval', ap.requested_on, :unit, ap.ref, NULL, ap.what
  FROM approval ap INDEXED BY approval_pending CROSS JOIN case_file c
  WHERE ap.status = 'pending' AND ap.requested_on <= :horizon AND c.id = ap.case_id
  UNION ALL
  SELECT c.number, c.year, c.seq,
         CASE ap.status WHEN 'upheld' THEN 'appeal_forward' WHEN 'forwarded' THEN 'appeal_outcome' ELSE 'appeal_review' END,
         date(ap.status_on, CASE ap.status WHEN 'upheld' THEN :apf_mod WHEN 'forwarded' THEN :apo_mod ELSE :apr_mod END),
         {owner}, NULL, NULL, NULL
  FROM appeal ap CROSS JOIN case_file c
  WHERE (ap.status = 'received' OR ap.status = 'returned' OR ap.status = 'upheld' OR ap.status = 'forwarded')
    AND c.id = ap.case_id AND c.status <> 'closed'
  UNION ALL
  SELECT c.number, c.year, c.seq, 'stale_case', date(COALESCE(c.last_changed, c.opened_on), :stale_mod),
         {coordinator_of_case}, NULL, NULL, NULL
  FROM case_file c
  WHERE (c.status = 'received' OR c.status = 'granted' OR c.status = 'active')
    AND COALESCE(c.last_changed, c.opened_on) <= :stale_cut AND c.opened_on <= :stale_cut
) x
WHERE x.due <= :horizon AND (:for IS NULL OR x.responsible = :for OR x.measure_responsible = :for)
ORDER BY x.due, x.y, x.s, x.kind, x.measure
)sql";

const std::string& remind_query() {
  static const std::string sql =
      fmt::format(fmt::runtime(kRemindTemplate), fmt::arg("coordinator", kCoordinatorOfTeam),
                  fmt::arg("coordinator_of_case", kCoordinatorOfCase),
                  fmt::arg("owner", "COALESCE(c.owner, :unit)"),
                  fmt::arg("declined_utredning", fmt::format(fmt::runtime(kStandingDecline), fmt::arg("scope", "utredning"))),
                  fmt::arg("declined_team", fmt::format(fmt::runtime(kStandingDecline), fmt::arg("scope", "team"))));
  return sql;
}

struct Params {
  std::vector<std::pair<std::string, std::string>> text;  // name -> value (all text but :for)
  std::optional<std::string> for_name;
};

Params params(const Context& ctx, const ReminderQuery& rq) {
  const Date today = ctx.today();
  const Date horizon = today + std::chrono::days(rq.within);
  auto cut = [&](int days) { return format_date(horizon - std::chrono::days(days)); };
  // The day counts and rules of process/deadlines (decision_due: the
  // latest promised date when later, applied in the query itself).
  auto mod = [](int days) { return sql_days(days); };
  const auto& d = ctx.rv.deadlines;
  Params p;
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
            {":meet_cut", format_date(horizon + std::chrono::days(d.meeting_notice))},
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

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) {
    if (ch == '\'') out += "''";
    else out += ch;
  }
  return out + "'";
}

}  // namespace

std::string remind_sql(const Context& ctx, const ReminderQuery& rq) {
  authorize(ctx, "remind");
  const Params p = params(ctx, rq);
  std::string sql = remind_query();
  auto replace_all = [&](const std::string& name, const std::string& literal) {
    for (std::size_t pos = sql.find(name); pos != std::string::npos; pos = sql.find(name, pos + literal.size())) {
      const std::size_t end = pos + name.size();
      // whole parameter names only (":pr_cut" must not match inside ":pr_cutoff")
      if (end < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_')) {
        pos += 1;
        continue;
      }
      sql.replace(pos, name.size(), literal);
    }
  };
  for (const auto& [name, value] : p.text) replace_all(name, quote(value));
  replace_all(":for", p.for_name ? quote(*p.for_name) : "NULL");
  while (!sql.empty() && (sql.back() == '\n' || sql.back() == ' ')) sql.pop_back();
  return sql.substr(sql.find_first_not_of('\n')) + ";\n";
}

std::vector<Reminder> remind(const Context& ctx, const ReminderQuery& rq_in) {
  authorize(ctx, "remind");
  if (rq_in.within < 0) throw make_error(ExitCode::usage, "remind.bad_within", rq_in.within);
  // A leader (an [[access.user]] who may approve) also sees what is
  // escalated and the pending approvals: the query then keeps everything
  // and the items are chosen below.
  const std::vector<std::string> leaders = oppteam::leaders(ctx.rv);
  const bool leader =
      rq_in.for_name && std::find(leaders.begin(), leaders.end(), *rq_in.for_name) != leaders.end();
  ReminderQuery rq = rq_in;
  if (leader) rq.for_name.reset();
  const Params p = params(ctx, rq);
  const Date today = ctx.today();
  // The query reads one consistent snapshot (WAL) without the write lock,
  // so a long run over a large store never holds up case workers' changes;
  // the audit entry is then written in its own short write transaction
  // (busy past the timeout: exit 75, and nothing is printed).
  std::vector<Reminder> out = ctx.db.read_per_statement([&] {
    // The query touches index pages all over a large file: read them through
    // a memory map instead of copying each page (SQLite's default is to copy).
    ctx.db.sql().exec("PRAGMA mmap_size = 1073741824");
    SQLite::Statement q(ctx.db.sql(), remind_query());
    for (const auto& [name, value] : p.text) q.bind(name.c_str(), value);
    if (p.for_name) q.bind(":for", *p.for_name);
    else q.bind(":for");
    std::vector<Reminder> items;
    while (q.executeStep()) {
      Reminder r;
      r.case_number = q.getColumn(0).getString();
      r.kind = q.getColumn(1).getString();
      r.due = q.getColumn(2).getString();
      r.responsible = q.getColumn(3).getString();
      // Column 4 is the number of what the item is about: a measure, an
      // action or a meeting; column 5 who carries it (measure, action).
      if (!q.getColumn(4).isNull()) {
        const int n = q.getColumn(4).getInt();
        if (r.kind == "action") r.action = n;
        else if (r.kind == "meeting" || r.kind == "minutes") r.meeting = n;
        else r.measure = n;
      }
      if (!q.getColumn(5).isNull()) r.measure_responsible = q.getColumn(5).getString();
      r.assignee = r.measure_responsible.empty() ? r.responsible : r.measure_responsible;
      if (r.kind == "approval") {
        r.ref = r.measure ? std::optional<std::int64_t>(*r.measure) : std::nullopt;
        r.measure.reset();
      }
      if (!q.getColumn(6).isNull()) r.scope = q.getColumn(6).getString();
      if (auto d = try_parse_date(r.due)) r.days_overdue = days_between(*d, today);
      r.escalated = r.days_overdue > ctx.rv.escalation.after_days;
      items.push_back(std::move(r));
    }
    return items;
  });
  if (leader || rq_in.escalated_only) {
    std::erase_if(out, [&](const Reminder& r) {
      if (rq_in.escalated_only && !r.escalated && r.kind != "approval") return true;
      if (!leader) return false;
      const std::string& n = *rq_in.for_name;
      return !(r.escalated || r.kind == "approval" || r.responsible == n || r.assignee == n);
    });
  }
  ctx.db.write([&] {
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("remind", "", "",
                 fmt::format("{} items, within {} days{}{}", out.size(), rq_in.within,
                             rq_in.for_name ? ", for " + *rq_in.for_name : std::string(),
                             rq_in.escalated_only ? ", escalated" : ""));
    audit.flush();
  });
  return out;
}

nlohmann::json to_json(const Reminder& r) {
  nlohmann::json j = {{"case", r.case_number}, {"kind", r.kind}, {"due", r.due}, {"responsible", r.responsible},
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
  if (r.kind == "approval") {
    j.erase("scope");
    j["what"] = r.scope;
    j["ref"] = r.ref ? nlohmann::json(*r.ref) : nlohmann::json();
  }
  j["assignee"] = r.assignee;
  j["escalated"] = r.escalated;
  return j;
}

std::vector<PersonReminders> group_by_person(const Context& ctx, const std::vector<Reminder>& items) {
  // Each item goes to whoever must act; an escalated item also to every
  // leader, a pending approval to the leaders only (the unit when none).
  const std::vector<std::string> leaders = oppteam::leaders(ctx.rv);
  std::map<std::string, std::vector<Reminder>> by_name;
  for (const auto& r : items) {
    if (r.kind == "approval" && !leaders.empty()) {
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
