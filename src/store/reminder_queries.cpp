#include <oppteam/store/reminder_queries.hpp>

#include <oppteam/store/stored_enum.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <cctype>

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

// An appeal owed is reminded of whatever the case's status: a case is not
// closed while one is owed (require_no_appeal_owed), but one closed before
// that rule may hold one, and the municipality must still treat it.
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
  WHERE mt.minutes IS NULL AND mt.status <> 'cancelled' AND mt.held_on <= :min_cut AND mt.held_on < :today
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
    AND c.id = ap.case_id
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

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) {
    if (ch == '\'') out += "''";
    else out += ch;
  }
  return out + "'";
}

}  // namespace

std::string ReminderQueries::literal_sql(const ReminderParams& p) {
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

std::vector<Reminder> ReminderQueries::due(const ReminderParams& p) {
  // The query touches index pages all over a large file: read them through
  // a memory map instead of copying each page (SQLite's default is to copy).
  db_.sql().exec("PRAGMA mmap_size = 1073741824");
  SQLite::Statement q(db_.sql(), remind_query());
  for (const auto& [name, value] : p.text) q.bind(name.c_str(), value);
  if (p.for_name) q.bind(":for", *p.for_name);
  else q.bind(":for");
  std::vector<Reminder> items;
  while (q.executeStep()) {
    Reminder r;
    r.case_number = q.getColumn(0).getString();
    r.kind = stored_enum(reminder_kind_from, "remind.kind", q.getColumn(1).getString());
    r.due = q.getColumn(2).getString();
    r.responsible = q.getColumn(3).getString();
    // Column 4 is the number of what the item is about: a measure, an
    // action or a meeting; column 5 who carries it (measure, action).
    if (!q.getColumn(4).isNull()) {
      const int n = q.getColumn(4).getInt();
      if (r.kind == ReminderKind::action) r.action = n;
      else if (r.kind == ReminderKind::meeting || r.kind == ReminderKind::minutes) r.meeting = n;
      else r.measure = n;
    }
    if (!q.getColumn(5).isNull()) r.measure_responsible = q.getColumn(5).getString();
    if (r.kind == ReminderKind::approval) {
      r.ref = r.measure ? std::optional<std::int64_t>(*r.measure) : std::nullopt;
      r.measure.reset();
    }
    if (!q.getColumn(6).isNull()) r.scope = q.getColumn(6).getString();
    items.push_back(std::move(r));
  }
  return items;
}

}  // namespace oppteam
