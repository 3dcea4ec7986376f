#include <oppteam/process/person_export.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

namespace oppteam {

namespace {

nlohmann::json column_value(const SQLite::Column& c) {
  if (c.isNull()) return nullptr;
  if (c.isInteger()) return c.getInt64();
  if (c.isFloat()) return c.getDouble();
  return c.getString();
}

// Rows of a fixed query (table and column names in the text are ours;
// the one value is bound), each as an object of column -> value.
nlohmann::json rows(Database& db, const std::string& sql, std::int64_t id) {
  SQLite::Statement q(db.sql(), sql);
  q.bind(1, id);
  nlohmann::json out = nlohmann::json::array();
  while (q.executeStep()) {
    nlohmann::json row = nlohmann::json::object();
    for (int i = 0; i < q.getColumnCount(); ++i) row[q.getColumnName(i)] = column_value(q.getColumn(i));
    out.push_back(std::move(row));
  }
  return out;
}

nlohmann::json one(const nlohmann::json& list) { return list.empty() ? nlohmann::json(nullptr) : list.front(); }

}  // namespace

nlohmann::json case_rows(Database& db, std::int64_t case_id) {
  return db.read([&] {
    nlohmann::json doc;
    doc["case"] = one(rows(db, "SELECT * FROM case_file WHERE id = ?", case_id));
    doc["referrals"] = rows(db, "SELECT * FROM referral WHERE case_id = ? ORDER BY received_on, id", case_id);
    doc["consents"] = rows(db, "SELECT * FROM consent WHERE case_id = ? ORDER BY given_on, id", case_id);
    doc["assessments"] = rows(db, "SELECT * FROM assessment WHERE case_id = ? ORDER BY assessed_on, id", case_id);
    doc["what_matters"] = rows(db, "SELECT * FROM what_matters WHERE case_id = ? ORDER BY id", case_id);
    doc["decision"] = one(rows(db, "SELECT * FROM decision WHERE case_id = ?", case_id));
    doc["preliminary_replies"] = rows(db, "SELECT * FROM preliminary_reply WHERE case_id = ? ORDER BY sent_on, id", case_id);
    doc["team"] = one(rows(db, "SELECT * FROM team WHERE case_id = ?", case_id));
    doc["team_members"] = rows(db,
                               "SELECT m.* FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.case_id = ? "
                               "ORDER BY m.id", case_id);
    doc["plan"] = one(rows(db, "SELECT * FROM plan WHERE case_id = ?", case_id));
    doc["plan_revisions"] = rows(db,
                                 "SELECT r.* FROM plan_revision r JOIN plan p ON p.id = r.plan_id WHERE p.case_id = ? "
                                 "ORDER BY r.revision", case_id);
    doc["goals"] = rows(db, "SELECT g.* FROM goal g JOIN plan p ON p.id = g.plan_id WHERE p.case_id = ? ORDER BY g.number",
                        case_id);
    doc["measures"] = rows(db,
                           "SELECT m.* FROM measure m JOIN plan p ON p.id = m.plan_id WHERE p.case_id = ? ORDER BY m.number",
                           case_id);
    auto evaluations = rows(db, "SELECT * FROM evaluation WHERE case_id = ? ORDER BY evaluated_on, id", case_id);
    for (auto& e : evaluations) {
      e["indicators"] = rows(db, "SELECT indicator, value FROM indicator_value WHERE evaluation_id = ? ORDER BY indicator",
                             e["id"].get<std::int64_t>());
    }
    doc["evaluations"] = evaluations;
    // Issue 14: closings, the person's no, owners, target groups, goal states, corrections.
    doc["closings"] = rows(db, "SELECT * FROM case_closing WHERE case_id = ? ORDER BY id", case_id);
    doc["declines"] = rows(db, "SELECT * FROM consent_decline WHERE case_id = ? ORDER BY id", case_id);
    doc["owners"] = rows(db, "SELECT * FROM case_owner WHERE case_id = ? ORDER BY id", case_id);
    doc["target_groups"] = rows(db, "SELECT * FROM case_target_group WHERE case_id = ? ORDER BY id", case_id);
    doc["goal_statuses"] = rows(db,
                                "SELECT gs.* FROM goal_status gs JOIN plan p ON p.id = gs.plan_id WHERE p.case_id = ? "
                                "ORDER BY gs.id", case_id);
    doc["corrections"] = rows(db, "SELECT * FROM correction WHERE case_id = ? ORDER BY id", case_id);
    // Issue 14: appeals with their steps, and decisions an appeal replaced.
    doc["appeals"] = rows(db, "SELECT * FROM appeal WHERE case_id = ? ORDER BY id", case_id);
    doc["appeal_steps"] = rows(db,
                               "SELECT s.* FROM appeal_step s JOIN appeal a ON a.id = s.appeal_id WHERE a.case_id = ? ORDER BY s.id",
                               case_id);
    doc["replaced_decisions"] = rows(db, "SELECT * FROM decision_history WHERE case_id = ? ORDER BY id", case_id);
    // The team at work (issue 15): the log newest first, meetings with their participants, actions, reviews, approvals.
    doc["log"] = rows(db, "SELECT * FROM case_log WHERE case_id = ? ORDER BY written_on DESC, id DESC", case_id);
    auto meetings = rows(db, "SELECT * FROM meeting WHERE case_id = ? ORDER BY held_on, number", case_id);
    for (auto& m : meetings)
      m["participants"] = rows(db, "SELECT * FROM meeting_participant WHERE meeting_id = ? ORDER BY id", m["id"].get<std::int64_t>());
    doc["meetings"] = meetings;
    doc["meeting_actions"] = rows(db, "SELECT * FROM meeting_action WHERE case_id = ? ORDER BY number", case_id);
    doc["team_reviews"] = rows(db, "SELECT * FROM team_review WHERE case_id = ? ORDER BY reviewed_on, id", case_id);
    doc["approvals"] = rows(db, "SELECT * FROM approval WHERE case_id = ? ORDER BY requested_on, id", case_id);
    return doc;
  });
}

nlohmann::json export_person(const Context& ctx, const std::string& fnr) {
  auto& db = ctx.db;
  return db.write([&] {
    SQLite::Statement p(db.sql(), "SELECT * FROM person WHERE fnr = ?");
    p.bind(1, fnr);
    if (!p.executeStep()) throw make_error(ExitCode::not_found, "person.not_found", fnr);
    nlohmann::json person = nlohmann::json::object();
    for (int i = 0; i < p.getColumnCount(); ++i) person[p.getColumnName(i)] = column_value(p.getColumn(i));
    const std::int64_t person_id = person["id"].get<std::int64_t>();

    nlohmann::json cases = nlohmann::json::array();
    SQLite::Statement c(db.sql(), "SELECT id FROM case_file WHERE person_id = ? ORDER BY year, seq");
    c.bind(1, person_id);
    while (c.executeStep()) cases.push_back(case_rows(db, c.getColumn(0).getInt64()));

    // The audit entries about the person, as `audit log --person` lists them.
    nlohmann::json audit = nlohmann::json::array();
    AuditFilter about;
    about.person = fnr;
    for (const auto& e : audit_list(db, about))
      audit.push_back({{"id", e.id}, {"at", e.at}, {"acted_on", e.acted_on}, {"actor", e.actor}, {"action", e.action}, {"object", e.object}, {"detail", e.detail}});
    audit_record(db, ctx.clock, ctx.actor, ctx.rv.hash, "person.export", "", fnr, fmt::format("{} cases", cases.size()));
    const nlohmann::json corrections = rows(db, "SELECT * FROM correction WHERE person_id = ? AND case_id IS NULL ORDER BY id", person_id);
    const nlohmann::json guardians = rows(db, "SELECT * FROM person_guardian WHERE person_id = ? ORDER BY id", person_id);
    return nlohmann::json{{"person", person}, {"corrections", corrections}, {"guardians", guardians}, {"cases", cases}, {"audit", audit},
                          {"exported_on", ctx.clock.now_timestamp()}, {"exported_by", ctx.actor}};
  });
}

namespace {

std::string str(const nlohmann::json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

// One table: the given rows with the given columns, in the order given.
void section(std::string& out, Lang lang, const std::string& title_key, const nlohmann::json& list) {
  if (list.is_null() || (list.is_array() && list.empty())) return;
  out += "  " + tr(lang, title_key) + "\n";
  auto print = [&](const nlohmann::json& row) {
    std::string line;
    for (const auto& [k, v] : row.items()) {
      if (k == "id" || k == "case_id" || k == "plan_id" || k == "team_id" || k == "snapshot" || v.is_null()) continue;
      if (k == "indicators") {
        for (const auto& iv : v) line += fmt::format("\n      {} = {}", str(iv["indicator"]), str(iv["value"]));
        continue;
      }
      line += fmt::format("\n      {}: {}", k, str(v));
    }
    out += "    -" + line + "\n";
  };
  if (list.is_array()) {
    for (const auto& r : list) print(r);
  } else {
    print(list);
  }
}

}  // namespace

std::string person_export_text(const nlohmann::json& doc, Lang lang) {
  std::string out;
  const auto& p = doc["person"];
  out += tr(lang, "person.export.heading", str(p["fnr"]), str(p["name"])) + "\n";
  out += tr(lang, "person.export.birth_date", str(p["birth_date"])) + "\n";
  if (doc.contains("corrections")) section(out, lang, "person.export.corrections", doc["corrections"]);
  if (doc.contains("guardians")) section(out, lang, "person.export.guardians", doc["guardians"]);
  for (const auto& c : doc["cases"]) {
    out += "\n" + tr(lang, "person.export.case", str(c["case"]["number"]), str(c["case"]["status"]),
                     str(c["case"]["opened_on"])) + "\n";
    section(out, lang, "person.export.referrals", c["referrals"]);
    section(out, lang, "person.export.consents", c["consents"]);
    section(out, lang, "person.export.assessments", c["assessments"]);
    section(out, lang, "person.export.what_matters", c["what_matters"]);
    section(out, lang, "person.export.decision", c["decision"]);
    section(out, lang, "person.export.preliminary_replies", c["preliminary_replies"]);
    section(out, lang, "person.export.team", c["team"]);
    section(out, lang, "person.export.team_members", c["team_members"]);
    section(out, lang, "person.export.plan", c["plan"]);
    section(out, lang, "person.export.goals", c["goals"]);
    section(out, lang, "person.export.measures", c["measures"]);
    section(out, lang, "person.export.evaluations", c["evaluations"]);
    for (const char* key : {"closings", "declines", "owners", "target_groups", "goal_statuses", "corrections", "appeals",
                            "appeal_steps", "replaced_decisions"})
      if (c.contains(key)) section(out, lang, std::string("person.export.") + key, c[key]);
    section(out, lang, "person.export.log", c["log"]);
    section(out, lang, "person.export.meetings", c["meetings"]);
    section(out, lang, "person.export.meeting_actions", c["meeting_actions"]);
    section(out, lang, "person.export.team_reviews", c["team_reviews"]);
    section(out, lang, "person.export.approvals", c["approvals"]);
  }
  out += "\n" + tr(lang, "person.export.audit", doc["audit"].size()) + "\n";
  for (const auto& a : doc["audit"]) {
    // One entry, one line (visible(): a stored field cannot break it).
    out += fmt::format("  {}  {:<14}  {:<16}  {}  {}\n", visible(str(a["at"]).substr(0, 19), false), visible(str(a["actor"]), false),
                       visible(str(a["action"]), false), visible(str(a["object"]), false), visible(str(a["detail"]), false));
  }
  return out;
}

}  // namespace oppteam
