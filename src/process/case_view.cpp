#include <oppteam/process/case_view.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/process/appeal.hpp>
#include <oppteam/process/guardian.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/collate.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/process/approval.hpp>
#include <oppteam/process/case_log.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/store/name_search.hpp>
#include <oppteam/process/consent.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/plan.hpp>
#include <oppteam/process/transfer.hpp>
#include <oppteam/util/dates.hpp>

#include <set>

namespace oppteam {

namespace {

using nlohmann::json;

json col(SQLite::Statement& q, int i) {
  const auto c = q.getColumn(i);
  if (c.isNull()) return nullptr;
  if (c.isInteger()) return c.getInt64();
  return c.getString();
}

json parse_json_text(SQLite::Statement& q, int i) {
  const auto c = q.getColumn(i);
  if (c.isNull()) return nullptr;
  auto j = json::parse(c.getString(), nullptr, false);
  return j.is_discarded() ? json(c.getString()) : j;
}

// Runs `sql` with `id` bound to every ? and returns one JSON object per row,
// keyed by `names`.
json rows(Database& db, const char* sql, std::int64_t id, const std::vector<const char*>& names,
          const std::set<int>& json_columns = {}) {
  SQLite::Statement q(db.sql(), sql);
  for (int i = 1; i <= q.getBindParameterCount(); ++i) q.bind(i, id);
  json out = json::array();
  while (q.executeStep()) {
    json o = json::object();
    for (int i = 0; i < int(names.size()); ++i) o[names[std::size_t(i)]] = json_columns.count(i) ? parse_json_text(q, i) : col(q, i);
    out.push_back(std::move(o));
  }
  return out;
}

std::string str(const json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

std::string day(const json& j, Lang lang) { return j.is_string() ? long_date(j.get<std::string>(), lang) : ""; }

// A stored code (status, kind, decision) in the reader's language: the
// catalogue key `prefix + code`, or the code itself when there is none.
std::string code_text(Lang lang, const std::string& prefix, const json& code) {
  const std::string c = str(code);
  if (c.empty()) return "-";
  const std::string key = prefix + c;
  return has_message(key) ? tr(lang, key) : c;
}

// The history received from another municipality (case receive), each line
// marked as received: it is not this unit's own record.
std::string render_received(const json& received, Lang L) {
  std::string out;
  for (const auto& r : received) {
    const std::string from = str(r["received_from"]);
    out += "\n" + tr(L, "transfer.show_received", from, str(r["from_case"]), day(r["received_on"], L), str(r["bundle_sha256"])) + "\n";
    auto line = [&](const std::string& text) { out += "  [" + tr(L, "transfer.mark", from) + "] " + text + "\n"; };
    for (const auto& x : r.value("referrals", json::array()))
      line(tr(L, "transfer.h_referral", day(x["received"], L), str(x["reporter_type"]), str(x["need"])));
    for (const auto& x : r.value("consents", json::array()))
      line(tr(L, "transfer.h_consent", str(x["scope"]), str(x["form"]), str(x["given_by"]), day(x["given_on"], L),
              x["withdrawn_on"].is_null() ? "" : tr(L, "transfer.h_withdrawn", day(x["withdrawn_on"], L))));
    for (const auto& x : r.value("assessments", json::array()))
      line(tr(L, "transfer.h_assessment", day(x["assessed_on"], L), str(x["instrument"]), str(x["score"]), str(x["assessor"])));
    if (r.contains("decision") && r["decision"].is_object())
      line(tr(L, "transfer.h_decision", day(r["decision"]["decided_on"], L), code_text(L, "case.outcome.", r["decision"]["outcome"])));
    if (r.contains("team") && r["team"].is_object())
      for (const auto& m : r["team"]["members"]) line(tr(L, "transfer.h_member", str(m["name"]), str(m["role"])));
    if (r.contains("plan") && r["plan"].is_object()) {
      for (const auto& g : r["plan"]["goals"]) line(tr(L, "transfer.h_goal", str(g["number"]), str(g["text"])));
      for (const auto& m : r["plan"]["measures"])
        line(tr(L, "transfer.h_measure", str(m["goal"]), str(m["text"]), str(m["responsible"]), day(m["due"], L)));
    }
    for (const auto& x : r.value("evaluations", json::array()))
      line(tr(L, "transfer.h_evaluation", day(x["evaluated_on"], L), str(x["decision"])));
  }
  return out;
}

}  // namespace

nlohmann::json show_case(const Context& ctx, std::string_view case_number) {
  authorize_some(ctx, "case.read");
  return ctx.db.write([&] {
    Database& db = ctx.db;
    const CaseRef c = authorize_case(ctx, "case.read", case_number);
    const Date today = ctx.today();
    json doc;
    doc["case"] = c.number;
    doc["status"] = c.status;
    {
      SQLite::Statement q(db.sql(), "SELECT opened_on, target_group, closed_on, close_reason, owner FROM case_file WHERE id = ?");
      q.bind(1, c.id);
      q.executeStep();
      doc["owner"] = col(q, 4);
      doc["opened_on"] = col(q, 0);
      doc["target_group"] = col(q, 1);
      doc["closed_on"] = col(q, 2);
      doc["close_reason"] = col(q, 3);
    }
    {
      SQLite::Statement q(db.sql(), "SELECT fnr, kind, birth_date, name FROM person WHERE id = ?");
      q.bind(1, c.person_id);
      q.executeStep();
      json p = {{"fnr", col(q, 0)}, {"kind", col(q, 1)}, {"birth_date", col(q, 2)}, {"name", col(q, 3)}};
      if (auto b = try_parse_date(c.birth_date)) p["age"] = years_between(*b, today);
      doc["person"] = p;
    }
    doc["referrals"] = rows(db,
                            "SELECT id, received_on, reporter_type, reporter_name, need, sender, external_id, created_by, created_at "
                            "FROM referral WHERE case_id = ? ORDER BY received_on, id",
                            c.id, {"id", "received", "reporter_type", "reporter_name", "need", "sender", "external_id", "created_by", "created_at"});
    for (auto& r : doc["referrals"]) {
      r["reporter_type_label"] = label_of(ctx.rv.reporter_types, str(r["reporter_type"]), ctx.lang);
    }
    if (doc["target_group"].is_string()) {
      doc["target_group_label"] = label_of(ctx.rv.target_groups, doc["target_group"].get<std::string>(), ctx.lang);
    }
    json consents = json::array();
    for (const auto& r : read_consents(db, c.id, today)) {
      consents.push_back({{"id", r.id}, {"scope", r.scope}, {"form", r.form}, {"given_by", r.given_by},
                          {"giver_name", r.giver_name.empty() ? json(nullptr) : json(r.giver_name)},
                          {"reason", r.reason.empty() ? json(nullptr) : json(r.reason)},
                          {"document_ref", r.document_ref.empty() ? json(nullptr) : json(r.document_ref)},
                          {"given_on", r.given_on}, {"recorded_by", r.recorded_by}, {"recorded_at", r.recorded_at},
                          {"withdrawn_on", r.withdrawn_on.empty() ? json(nullptr) : json(r.withdrawn_on)},
                          {"withdrawn_by", r.withdrawn_by.empty() ? json(nullptr) : json(r.withdrawn_by)},
                          {"withdraw_reason", r.withdraw_reason.empty() ? json(nullptr) : json(r.withdraw_reason)},
                          {"valid", r.valid}});
    }
    // Consents and assessments voided as entered in error (issue 14).
    std::set<std::pair<std::string, std::int64_t>> voided;
    {
      SQLite::Statement v(db.sql(), "SELECT object, object_id FROM correction WHERE case_id = ? AND field = 'void'");
      v.bind(1, c.id);
      while (v.executeStep()) voided.insert({v.getColumn(0).getString(), v.getColumn(1).getInt64()});
    }
    for (auto& k : consents) {
      k["voided"] = voided.count({"consent", k["id"].get<std::int64_t>()}) > 0;
      k["scope_label"] = consent_scope_label(ctx, k["scope"].get<std::string>());
    }
    doc["consents"] = consents;
    json declines = json::array();
    for (const auto& x : read_declines(db, c.id))
      declines.push_back({{"scope", x.scope}, {"form", x.form}, {"declined_by", x.declined_by},
                          {"name", x.name.empty() ? json(nullptr) : json(x.name)},
                          {"note", x.note.empty() ? json(nullptr) : json(x.note)}, {"declined_on", x.declined_on},
                          {"recorded_by", x.recorded_by}});
    doc["declines"] = declines;
    doc["assessments"] = rows(db,
                              "SELECT id, instrument, instrument_version, assessor, profession, assessed_on, score, threshold, "
                              "recommendation, partial, domains, answers, unanswered FROM assessment WHERE case_id = ? ORDER BY assessed_on, id",
                              c.id, {"id", "instrument", "instrument_version", "assessor", "profession", "assessed_on", "score",
                                     "threshold", "recommendation", "partial", "domains", "answers", "unanswered"},
                              {10, 11, 12});
    for (auto& a : doc["assessments"]) a["voided"] = voided.count({"assessment", a["id"].get<std::int64_t>()}) > 0;
    {
      json professions = json::array();
      std::set<std::string> seen;
      for (const auto& a : doc["assessments"])
        if (seen.insert(str(a["profession"])).second) professions.push_back(a["profession"]);
      doc["assessment_professions"] = professions;
    }
    {
      json wm = json::array();
      SQLite::Statement q(db.sql(), "SELECT text FROM what_matters WHERE case_id = ? ORDER BY id");
      q.bind(1, c.id);
      while (q.executeStep()) wm.push_back(q.getColumn(0).getString());
      doc["what_matters"] = wm;
    }
    {
      json d = rows(db, "SELECT outcome, grounds, decided_on, decided_by, appeal_deadline, letter FROM decision WHERE case_id = ?",
                    c.id, {"outcome", "grounds", "decided_on", "decided_by", "appeal_deadline", "letter"});
      doc["decision"] = d.empty() ? json(nullptr) : d[0];
    }
    doc["preliminary_replies"] = rows(db, "SELECT sent_on, expected_by, sent_by, text FROM preliminary_reply WHERE case_id = ? ORDER BY id",
                                      c.id, {"sent_on", "expected_by", "sent_by", "text"});
    if (auto opened = try_parse_date(c.opened_on)) {
      std::optional<Date> promised;
      for (const auto& pr : doc["preliminary_replies"])
        if (auto d = try_parse_date(pr["expected_by"].get<std::string>()); d && (!promised || *d > *promised)) promised = d;
      doc["deadlines"] = {{"preliminary_reply", format_date(preliminary_reply_due(ctx.rv, *opened))},
                          {"decision", format_date(decision_due(ctx.rv, *opened, promised))}};
    }
    {
      json t = rows(db, "SELECT id, status, created_on, created_by, paused_on, pause_reason, closed_on, close_reason FROM team WHERE case_id = ?",
                    c.id, {"id", "status", "created_on", "created_by", "paused_on", "pause_reason", "closed_on", "close_reason"});
      if (t.empty()) {
        doc["team"] = nullptr;
      } else {
        json team = t[0];
        const std::int64_t team_id = team["id"].get<std::int64_t>();
        team.erase("id");
        team["members"] = rows(db, "SELECT name, role, service, kind, added_on FROM team_member WHERE team_id = ? AND removed_on IS NULL ORDER BY id",
                               team_id, {"name", "role", "service", "kind", "added_on"});
        team["history"] = rows(db, "SELECT name, role, service, kind, added_on, removed_on, removed_reason FROM team_member "
                                   "WHERE team_id = ? AND removed_on IS NOT NULL ORDER BY removed_on, id",
                               team_id, {"name", "role", "service", "kind", "added_on", "removed_on", "removed_reason"});
        for (auto* list : {&team["members"], &team["history"]})
          for (auto& m : *list) {
            m["role_label"] = label_of(ctx.rv.roles, str(m["role"]), ctx.lang);
            const auto* svc = ctx.rv.find_service(str(m["service"]));
            m["service_label"] = svc && !svc->label.empty() ? json(svc->shown(ctx.lang)) : m["service"];
          }
        doc["team"] = team;
      }
    }
    {
      json p = rows(db, "SELECT id, kind, status, revision, created_on, participated_how, participated_on, resources, needs, "
                        "contributions, period_from, period_to, next_evaluation FROM plan WHERE case_id = ?",
                    c.id, {"id", "kind", "status", "revision", "created_on", "participated_how", "participated_on", "resources",
                           "needs", "contributions", "period_from", "period_to", "next_evaluation"});
      if (p.empty()) {
        doc["plan"] = nullptr;
      } else {
        json plan = p[0];
        const std::int64_t plan_id = plan["id"].get<std::int64_t>();
        plan.erase("id");
        const std::string goals_sql = std::string("SELECT g.number, g.parent, g.text, g.source, ") + kGoalStateSql + ", " +
                                      kGoalNoteSql + " FROM goal g WHERE g.plan_id = ? ORDER BY g.number";
        plan["goals"] = rows(db, goals_sql.c_str(), plan_id, {"number", "parent", "text", "source", "status", "status_note"});
        plan["measures"] = rows(db, "SELECT number, goal_number, text, responsible, due_on, every_days, scope, how, status "
                                    "FROM measure WHERE plan_id = ? ORDER BY number",
                                plan_id, {"number", "goal", "text", "responsible", "due", "every_days", "scope", "how", "status"});
        for (auto& m : plan["measures"]) m["overdue"] = measure_overdue(str(m["status"]), str(m["due"]), today);
        json rev = rows(db, "SELECT revision, created_at, created_by, change FROM plan_revision WHERE plan_id = ? ORDER BY revision DESC LIMIT 1",
                        plan_id, {"revision", "created_at", "created_by", "change"});
        plan["last_revision"] = rev.empty() ? json(nullptr) : rev[0];
        doc["plan"] = plan;
      }
    }
    {
      json evals = rows(db, "SELECT id, evaluated_on, quality, decision, reason, comment, next_on, goals, created_by "
                            "FROM evaluation WHERE case_id = ? ORDER BY evaluated_on, id",
                        c.id, {"id", "evaluated_on", "quality", "decision", "reason", "comment", "next_on", "goals", "created_by"}, {7});
      SQLite::Statement q(db.sql(), "SELECT indicator, value FROM indicator_value WHERE evaluation_id = ? ORDER BY indicator");
      for (auto& e : evals) {
        json ind = json::object();
        q.reset();
        q.bind(1, e["id"].get<std::int64_t>());
        while (q.executeStep()) ind[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
        e["indicators"] = ind;
        e.erase("id");
      }
      doc["evaluations"] = evals;
    }
    doc["owners"] = rows(db, "SELECT owner, assigned_on, assigned_by FROM case_owner WHERE case_id = ? ORDER BY id", c.id,
                         {"owner", "assigned_on", "assigned_by"});
    doc["corrections"] = rows(db,
                              "SELECT object, object_id, field, before, after, reason, corrected_on, corrected_by FROM correction "
                              "WHERE case_id = ?1 OR (case_id IS NULL AND person_id = (SELECT person_id FROM case_file WHERE id = ?1)) "
                              "ORDER BY id",
                              c.id, {"object", "object_id", "field", "before", "after", "reason", "corrected_on", "corrected_by"});
    doc["goal_statuses"] = rows(db,
                                "SELECT gs.goal_number, gs.status, gs.note, gs.set_on, gs.set_by FROM goal_status gs "
                                "JOIN plan p ON p.id = gs.plan_id WHERE p.case_id = ? ORDER BY gs.id",
                                c.id, {"goal", "status", "note", "set_on", "set_by"});
    doc["target_groups"] = rows(db, "SELECT target_group, step, set_on, set_by FROM case_target_group WHERE case_id = ? ORDER BY id",
                                c.id, {"target_group", "step", "set_on", "set_by"});
    doc["closings"] = rows(db,
                           "SELECT reason, stage, note, to_municipality, closed_on, closed_by, reopened_on, reopened_by, reopen_reason "
                           "FROM case_closing WHERE case_id = ? ORDER BY id",
                           c.id, {"reason", "stage", "note", "to_municipality", "closed_on", "closed_by", "reopened_on",
                                  "reopened_by", "reopen_reason"});
    for (auto& cl : doc["closings"]) {
      cl["reason_label"] = label_of(ctx.rv.closing_reasons, str(cl["reason"]), ctx.lang);
    }
    {
      // Appeals (klage) with their steps, the decisions they replaced, and
      // the person's foresatte and verge (issue 14, points 3 and 8).
      json appeals = json::array();
      for (const auto& a : read_appeals(ctx, c.id)) appeals.push_back(to_json(a));
      doc["appeals"] = appeals;
      doc["replaced_decisions"] =
          rows(db, "SELECT outcome, grounds, decided_on, decided_by, appeal_id, replaced_on, replaced_by FROM decision_history "
                   "WHERE case_id = ? ORDER BY id",
               c.id, {"outcome", "grounds", "decided_on", "decided_by", "appeal", "replaced_on", "replaced_by"});
      json guardians = json::array();
      for (const auto& g : read_guardians(db, c.person_id))
        guardians.push_back({{"kind", g.kind}, {"name", g.name}, {"address", g.address.empty() ? json() : json(g.address)},
                             {"added_on", g.added_on}, {"added_by", g.added_by},
                             {"ended_on", g.ended_on.empty() ? json() : json(g.ended_on)},
                             {"ended_by", g.ended_by.empty() ? json() : json(g.ended_by)}});
      doc["guardians"] = guardians;
    }
    {
      json log = json::array();
      for (const auto& e : read_log(db, c.id)) log.push_back(to_json(e));  // newest first
      doc["log"] = log;
      json approvals = json::array();
      for (const auto& a : approvals_of(db, c.id)) approvals.push_back(to_json(a));
      doc["approvals"] = approvals;
    }
    {
      // Issue 19: where the case went, and the history received from another municipality.
      json moves = case_transfers(db, c.id);
      doc["transfers"] = moves["transfers"];
      doc["received"] = moves["received"];
      doc["received_from"] = moves["received"].empty() ? json(nullptr) : moves["received"].back()["received_from"];
    }
    AuditWriter audit(db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("case.show", c.number, c.fnr, "");
    audit.flush();
    return doc;
  });
}

std::string render_case(const nlohmann::json& d, Lang L, const TerminalStyle& style) {
  std::string out;
  auto heading = [&](std::string_view key) { out += "\n" + tr(L, key) + "\n"; };
  const json& p = d["person"];
  out += tr(L, "case.show_title", str(d["case"]), tr(L, "case.status." + str(d["status"]))) + "\n";
  out += tr(L, "case.show_person", p["name"].is_null() ? "-" : str(p["name"]), str(p["fnr"]), day(p["birth_date"], L),
            p.contains("age") ? str(p["age"]) : "?") + "\n";
  out += tr(L, "case.show_opened", day(d["opened_on"], L)) + "\n";
  if (d.contains("owner") && !d["owner"].is_null()) out += tr(L, "owner.show_line", str(d["owner"])) + "\n";
  if (!d["target_group"].is_null())
    out += tr(L, "target_group.show_line", str(d.value("target_group_label", d["target_group"]))) + "\n";
  if (d.contains("deadlines") && d["decision"].is_null() && d["status"] == "received")
    out += tr(L, "case.show_deadlines", day(d["deadlines"]["preliminary_reply"], L), day(d["deadlines"]["decision"], L)) + "\n";

  heading("case.h_referrals");
  {
    Table t({tr(L, "case.col_received"), tr(L, "case.col_reporter"), tr(L, "case.col_reporter_name"), tr(L, "case.col_need")});
    for (const auto& r : d["referrals"])
      t.add({day(r["received"], L), str(r.value("reporter_type_label", r["reporter_type"])), str(r["reporter_name"]), str(r["need"])});
    out += t.render(style);
  }
  heading("case.h_consents");
  if (d["consents"].empty()) out += tr(L, "case.none") + "\n";
  else {
    Table t({tr(L, "case.col_scope"), tr(L, "case.col_form"), tr(L, "case.col_given_by"), tr(L, "case.col_given_on"),
             tr(L, "case.col_recorded_by"), tr(L, "case.col_state")});
    for (const auto& c : d["consents"]) {
      std::string by = str(c["given_by"]);
      if (!c["giver_name"].is_null()) by += " (" + str(c["giver_name"]) + ")";
      std::string state = c["withdrawn_on"].is_null() ? tr(L, c["valid"].get<bool>() ? "case.consent_valid" : "case.consent_pending")
                                                       : tr(L, "case.consent_withdrawn", day(c["withdrawn_on"], L));
      t.add({str(c.value("scope_label", c["scope"])), code_text(L, "choice.form.", c["form"]), by, day(c["given_on"], L), str(c["recorded_by"]), state});
    }
    out += t.render(style);
  }
  if (d.contains("declines"))
    for (const auto& x : d["declines"])
      out += tr(L, "decline.line", str(x["scope"]), day(x["declined_on"], L), str(x["form"]), str(x["declined_by"]),
                str(x["recorded_by"])) + (x["note"].is_null() ? "" : ": " + str(x["note"])) + "\n";
  heading("case.h_assessments");
  if (d["assessments"].empty()) out += tr(L, "case.none") + "\n";
  else {
    // The assessor with their profession in one column: at 80 columns a
    // long name then wraps at its words and nothing is split.
    Table t({tr(L, "case.col_date"), tr(L, "case.col_instrument"), tr(L, "case.col_assessor"), tr(L, "case.col_score"),
             tr(L, "case.col_recommendation")});
    for (const auto& a : d["assessments"])
      t.add({day(a["assessed_on"], L), str(a["instrument"]), str(a["assessor"]) + " (" + str(a["profession"]) + ")",
             tr(L, "screens.score", str(a["score"]), str(a["threshold"])), code_text(L, "case.recommendation.", a["recommendation"])});
    out += t.render(style);
    std::string profs;
    for (const auto& pr : d["assessment_professions"]) profs += (profs.empty() ? "" : ", ") + str(pr);
    out += tr(L, "case.professions", profs) + "\n";
  }
  if (!d["what_matters"].empty()) {
    heading("case.h_what_matters");
    for (const auto& w : d["what_matters"]) out += "  - " + str(w) + "\n";
  }
  heading("case.h_decision");
  if (d["decision"].is_null()) {
    out += tr(L, "case.no_decision") + "\n";
    for (const auto& pr : d["preliminary_replies"])
      out += tr(L, "case.prelim_sent", day(pr["sent_on"], L), day(pr["expected_by"], L)) + "\n";
  } else {
    const json& dec = d["decision"];
    out += tr(L, "case.decision_line", tr(L, "case.outcome." + str(dec["outcome"])), day(dec["decided_on"], L), str(dec["decided_by"]),
              day(dec["appeal_deadline"], L)) + "\n";
    if (!dec["grounds"].is_null()) out += tr(L, "letter.grounds", str(dec["grounds"])) + "\n";
  }
  heading("case.h_team");
  if (d["team"].is_null()) out += tr(L, "case.none") + "\n";
  else {
    const json& t = d["team"];
    out += tr(L, "case.team_line", code_text(L, "team.status_", t["status"]), day(t["created_on"], L)) + "\n";
    if (t["status"] == "paused" && !t["paused_on"].is_null()) out += tr(L, "case.team_paused", day(t["paused_on"], L), str(t["pause_reason"])) + "\n";
    Table tb({tr(L, "case.col_name"), tr(L, "case.col_role"), tr(L, "case.col_service"), tr(L, "case.col_kind"), tr(L, "case.col_from")});
    for (const auto& m : t["members"])
      tb.add({str(m["name"]), str(m.value("role_label", m["role"])), str(m.value("service_label", m["service"])),
              code_text(L, "team.kind_", m["kind"]), day(m["added_on"], L)});
    out += tb.render(style);
    if (!t["history"].empty()) {
      out += tr(L, "case.team_history") + "\n";
      Table h({tr(L, "case.col_name"), tr(L, "case.col_role"), tr(L, "case.col_from"), tr(L, "case.col_to"), tr(L, "case.col_reason")});
      for (const auto& m : t["history"]) h.add({str(m["name"]), str(m.value("role_label", m["role"])), day(m["added_on"], L), day(m["removed_on"], L), str(m["removed_reason"])});
      out += h.render(style);
    }
  }
  heading("case.h_plan");
  if (d["plan"].is_null()) out += tr(L, "case.none") + "\n";
  else {
    const json& p2 = d["plan"];
    out += tr(L, "case.plan_line", code_text(L, "choice.plan_kind.", p2["kind"]), code_text(L, "plan.pstatus.", p2["status"]), str(p2["revision"]),
              p2["next_evaluation"].is_string() && !p2["next_evaluation"].get<std::string>().empty() ? day(p2["next_evaluation"], L) : "-") + "\n";
    if (!p2["goals"].empty()) {
      Table g({"#", tr(L, "case.col_goal"), tr(L, "case.col_state")});
      for (const auto& x : p2["goals"]) {
        std::string num = str(x["number"]);
        if (!x["parent"].is_null()) num = str(x["parent"]) + "." + num;
        g.add({num, str(x["text"]), code_text(L, "case.goal_status.", x["status"])});
      }
      out += g.render(style);
    }
    if (!p2["measures"].empty()) {
      Table m({"#", tr(L, "case.col_goal"), tr(L, "case.col_measure"), tr(L, "case.col_responsible"), tr(L, "case.col_due"), tr(L, "case.col_state")});
      for (const auto& x : p2["measures"]) {
        m.add({str(x["number"]), str(x["goal"]), str(x["text"]), str(x["responsible"]), day(x["due"], L), code_text(L, "plan.mstatus.", x["status"])});
        if (x.value("overdue", false)) m.mark(4, Mark::overdue);  // as plan show marks it
      }
      out += m.render(style);
      if (m.has_marks()) out += mark_legend(L) + "\n";
    }
  }
  if (d.contains("approvals") && !d["approvals"].empty()) {
    heading("case.h_approvals");
    for (const auto& a : d["approvals"])
      out += tr(L, "case.approval_line", tr(L, "approve.what." + str(a["what"])), str(a["ref"]),
                tr(L, "approve.status." + str(a["status"])), day(a["requested_on"], L), str(a["requested_by"])) + "\n";
  }
  if (d.contains("log") && !d["log"].empty()) {
    heading("case.h_log");
    Table t({tr(L, "log.col.date"), tr(L, "log.col.by"), tr(L, "log.col.text")});
    for (const auto& e : d["log"]) t.add({day(e["date"], L), str(e["written_by"]), str(e["text"])});
    out += t.render(style);
  }
  heading("case.h_evaluations");
  if (d["evaluations"].empty()) out += tr(L, "case.none") + "\n";
  else {
    Table t({tr(L, "case.col_date"), tr(L, "case.col_quality"), tr(L, "case.col_decision"), tr(L, "case.col_indicators"), tr(L, "case.col_next")});
    for (const auto& e : d["evaluations"]) {
      std::string ind;
      for (const auto& [k, v] : e["indicators"].items()) ind += (ind.empty() ? "" : ", ") + k + "=" + str(v);
      t.add({day(e["evaluated_on"], L), str(e["quality"]), code_text(L, "evaluate.decision.", e["decision"]), ind,
             e["next_on"].is_string() && !e["next_on"].get<std::string>().empty() ? day(e["next_on"], L) : "-"});
    }
    out += t.render(style);
  }
  if (d.contains("corrections") && !d["corrections"].empty()) {
    heading("correct.h_corrections");
    Table t({tr(L, "case.col_date"), tr(L, "correct.col_what"), tr(L, "correct.col_before"), tr(L, "correct.col_after"),
             tr(L, "case.col_reason"), tr(L, "correct.col_by")});
    for (const auto& x : d["corrections"])
      t.add({day(x["corrected_on"], L), str(x["object"]) + " " + str(x["object_id"]) + ": " + str(x["field"]), str(x["before"]),
             str(x["after"]), str(x["reason"]), str(x["corrected_by"])});
    out += t.render(style);
  }
  if (d.contains("appeals") && !d["appeals"].empty()) {
    heading("appeal.h_appeals");
    for (const auto& a : d["appeals"]) {
      out += tr(L, "appeal.show_line", str(a["id"]), day(a["received_on"], L), str(a["from"]), str(a["name"]),
                tr(L, "case.outcome." + str(a["decision_outcome"])), tr(L, "appeal.state." + str(a["status"])),
                day(a["status_on"], L)) + "\n";
      if (a["late"] == true) out += tr(L, "appeal.show_late", day(a["deadline"], L)) + "\n";
      for (const auto& st : a["steps"])
        out += tr(L, "appeal.show_step", day(st["on"], L), str(st["step"]), str(st["result"]) + (st["grounds"].is_null() ? "" : " – " + str(st["grounds"])),
                  str(st["by"])) + "\n";
      if (!a["due"].is_null()) out += tr(L, "appeal.show_due", day(a["due"], L)) + "\n";
    }
  }
  if (d.contains("guardians") && !d["guardians"].empty()) {
    heading("guardian.h_guardians");
    for (const auto& g : d["guardians"])
      out += (g["ended_on"].is_null()
                  ? tr(L, "guardian.line", str(g["kind"]), str(g["name"]) + (g["address"].is_null() ? "" : ", " + str(g["address"])),
                       day(g["added_on"], L), str(g["added_by"]))
                  : tr(L, "guardian.line_ended", str(g["kind"]), str(g["name"]), day(g["added_on"], L), str(g["added_by"]),
                       day(g["ended_on"], L), str(g["ended_by"]))) +
             "\n";
  }
  if (d.contains("closings") && !d["closings"].empty()) {
    heading("closing.h_closings");
    for (const auto& cl : d["closings"]) {
      out += tr(L, "closing.show_line", day(cl["closed_on"], L), str(cl["reason_label"]), tr(L, "case.status." + str(cl["stage"])),
                str(cl["closed_by"])) + "\n";
      if (!cl["to_municipality"].is_null()) out += tr(L, "closing.show_moved", str(cl["to_municipality"])) + "\n";
      if (!cl["note"].is_null()) out += tr(L, "closing.show_note", str(cl["note"])) + "\n";
      if (!cl["reopened_on"].is_null())
        out += tr(L, "closing.show_reopened", day(cl["reopened_on"], L), str(cl["reopened_by"]), str(cl["reopen_reason"])) + "\n";
    }
  }
  if (d.contains("transfers"))
    for (const auto& x : d["transfers"])
      out += "\n" + tr(L, "transfer.show_sent", str(x["to"]), day(x["transferred_on"], L), str(x["transferred_by"]),
                       str(x["bundle_sha256"])) + "\n";
  if (d.contains("received")) out += render_received(d["received"], L);
  return out;
}

nlohmann::json list_cases(const Context& ctx, const CaseFilter& f) {
  authorize(ctx, "case.read");
  if (!f.status.empty() && f.status != kCaseReceived && f.status != kCaseGranted && f.status != kCaseRefused &&
      f.status != kCaseActive && f.status != kCaseClosed)
    throw make_error(ExitCode::usage, "case.bad_status", f.status);
  if (!f.reporter_type.empty() && !ctx.rv.find_reporter_type(f.reporter_type))
    throw make_error(ExitCode::usage, "case.bad_reporter_type", f.reporter_type);
  // A name of three characters or more is looked up in the trigram index
  // (person_name_search, schema 13) instead of read from every person; the
  // index gives candidates, contains_folded() below decides.
  const std::string name_query = name_index_query(f.name);
  const bool by_index = !name_query.empty();
  return ctx.db.write([&] {
    const Date today = ctx.today();
    if (by_index) bring_name_index_up_to_date(ctx.db);
    SQLite::Statement q(ctx.db.sql(),
                        std::string("SELECT c.number, c.status, c.opened_on, p.fnr, p.name, "
                                    "(SELECT group_concat(DISTINCT reporter_type) FROM referral r WHERE r.case_id = c.id), "
                                    "(SELECT count(*) FROM preliminary_reply pr WHERE pr.case_id = c.id), "
                                    "(SELECT max(expected_by) FROM preliminary_reply pr WHERE pr.case_id = c.id), c.owner ") +
                            (by_index ? "FROM person_name_search s JOIN person p ON p.id = s.rowid JOIN case_file c ON c.person_id = p.id "
                                        "WHERE person_name_search MATCH :name AND "
                                      : "FROM case_file c JOIN person p ON p.id = c.person_id WHERE ") +
                            "(:status IS NULL OR c.status = :status) "
                        "AND (:owner IS NULL OR c.owner = :owner) AND (:unassigned = 0 OR c.owner IS NULL) "
                        "AND (:rt IS NULL OR EXISTS (SELECT 1 FROM referral r WHERE r.case_id = c.id AND r.reporter_type = :rt)) "
                        "AND (:from IS NULL OR c.opened_on >= :from) AND (:to IS NULL OR c.opened_on <= :to) "
                        "ORDER BY c.year, c.seq");
    if (!f.status.empty()) q.bind(":status", f.status);
    if (!f.reporter_type.empty()) q.bind(":rt", f.reporter_type);
    if (f.received_from) q.bind(":from", format_date(*f.received_from));
    if (f.received_to) q.bind(":to", format_date(*f.received_to));
    if (!f.owner.empty()) q.bind(":owner", f.owner);
    q.bind(":unassigned", f.unassigned ? 1 : 0);
    if (by_index) q.bind(":name", name_query);
    json cases = json::array();
    std::size_t total = 0;
    while (q.executeStep()) {
      if (!f.name.empty() && (q.getColumn(4).isNull() || !contains_folded(q.getColumn(4).getString(), f.name))) continue;
      json c;
      c["case"] = q.getColumn(0).getString();
      c["status"] = q.getColumn(1).getString();
      c["received"] = q.getColumn(2).getString();
      c["fnr"] = q.getColumn(3).getString();
      c["name"] = col(q, 4);
      c["owner"] = col(q, 8);
      json types = json::array();
      if (!q.getColumn(5).isNull()) {
        std::string s = q.getColumn(5).getString();
        for (std::size_t start = 0; start <= s.size();) {
          auto comma = s.find(',', start);
          if (comma == std::string::npos) comma = s.size();
          types.push_back(s.substr(start, comma - start));
          start = comma + 1;
        }
      }
      c["reporter_types"] = types;
      json overdue = nullptr;
      c["decision_due"] = nullptr;
      c["deadline"] = nullptr;
      if (c["status"] == kCaseReceived) {
        if (auto opened = try_parse_date(c["received"].get<std::string>())) {
          std::optional<Date> promised;
          if (!q.getColumn(7).isNull()) promised = try_parse_date(q.getColumn(7).getString());
          c["decision_due"] = format_date(decision_due(ctx.rv, *opened, promised));
          const CaseDeadline next = case_deadline(ctx.rv, *opened, q.getColumn(6).getInt() > 0, promised, today);
          const char* kind = next.kind == CaseDeadline::decision ? "decision" : "preliminary_reply";
          c["deadline"] = {{"kind", kind}, {"date", format_date(next.date)}, {"overdue", next.overdue}};
          if (next.overdue) overdue = kind;
        }
      }
      c["overdue"] = overdue;
      if (f.overdue && overdue.is_null()) continue;
      ++total;
      if (f.limit && cases.size() >= f.limit) continue;  // counted, not shown
      cases.push_back(std::move(c));
    }
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("case.list", "", "", std::to_string(cases.size()) + " cases");
    // A search by name looks for someone: each person it shows is a read of that person.
    if (!f.name.empty())
      for (const auto& c : cases) audit.append("case.list", c["case"].get<std::string>(), c["fnr"].get<std::string>(), "name search");
    audit.flush();
    return json{{"cases", cases}, {"total", total}, {"left_out", total - cases.size()}};
  });
}

std::string render_case_list(const nlohmann::json& doc, Lang L, const TerminalStyle& style) {
  if (doc["cases"].empty()) return tr(L, "case.list_empty");
  Table t({tr(L, "case.col_case"), tr(L, "case.col_status"), tr(L, "case.col_received"), tr(L, "case.col_reporter"),
           tr(L, "case.col_name"), tr(L, "case.col_fnr"), tr(L, "screens.col_next_deadline"), tr(L, "screens.col_deadline_date")});
  // At 80 columns the reporter types, then the received date, give way
  // rather than split a name.
  t.drop_when_narrow(3);
  t.drop_when_narrow(2);
  for (const auto& c : doc["cases"]) {
    std::string types;
    for (const auto& x : c["reporter_types"]) types += (types.empty() ? "" : ", ") + str(x);
    const json& dl = c["deadline"];
    t.add({str(c["case"]), tr(L, "case.status." + str(c["status"])), day(c["received"], L), types, str(c["name"]), str(c["fnr"]),
           dl.is_null() ? "" : tr(L, "screens.deadline." + str(dl["kind"])), dl.is_null() ? "" : day(dl["date"], L)});
    if (!dl.is_null() && dl["overdue"].get<bool>()) t.mark(7, Mark::overdue);
  }
  std::string out = t.render(style);
  if (t.has_marks()) out += mark_legend(L) + "\n";
  if (doc.value("left_out", std::size_t(0)) > 0) return out + tr(L, "screens.list_more", doc["left_out"].get<std::size_t>());
  return out + tr(L, "case.list_count", doc["cases"].size());
}

}  // namespace oppteam
