#include <oppteam/store/case_store.hpp>

#include <oppteam/store/sql_values.hpp>

#include <algorithm>

namespace oppteam {

namespace {

using nlohmann::json;

json col(SQLite::Statement& q, int i) {
  const auto c = q.getColumn(i);
  if (c.isNull()) return nullptr;
  if (c.isInteger()) return c.getInt64();
  return c.getString();
}

json column_value(const SQLite::Column& c) {
  if (c.isNull()) return nullptr;
  if (c.isInteger()) return c.getInt64();
  if (c.isFloat()) return c.getDouble();
  return c.getString();
}

json parse_json_text(SQLite::Statement& q, int i) {
  const auto c = q.getColumn(i);
  if (c.isNull()) return nullptr;
  auto j = json::parse(c.getString(), nullptr, false);
  return j.is_discarded() ? json(c.getString()) : j;
}

json first_or_null(const json& list) { return list.empty() ? json(nullptr) : list.front(); }

const char* column_of(CaseStore::Field f) { return f == CaseStore::Field::owner ? "owner" : "target_group"; }

}  // namespace

std::string closed_case_sql(std::string_view alias) {
  const std::string a(alias);
  return "(" + a + ".status = 'closed' AND " + a + ".closed_on IS NOT NULL)";
}

json json_rows(Database& db, const std::string& sql, std::int64_t id, const std::vector<const char*>& names,
               const std::vector<int>& json_columns) {
  SQLite::Statement q(db.sql(), sql);
  for (int i = 1; i <= q.getBindParameterCount(); ++i) q.bind(i, id);
  json out = json::array();
  while (q.executeStep()) {
    json o = json::object();
    for (int i = 0; i < int(names.size()); ++i)
      o[names[std::size_t(i)]] =
          std::find(json_columns.begin(), json_columns.end(), i) != json_columns.end() ? parse_json_text(q, i) : col(q, i);
    out.push_back(std::move(o));
  }
  return out;
}

json json_rows_as_stored(Database& db, const std::string& sql, std::int64_t id) {
  SQLite::Statement q(db.sql(), sql);
  q.bind(1, id);
  json out = json::array();
  while (q.executeStep()) {
    out.push_back(row_as_stored(q));
  }
  return out;
}

json row_as_stored(SQLite::Statement& q) {
  json row = json::object();
  for (int i = 0; i < q.getColumnCount(); ++i) row[q.getColumnName(i)] = column_value(q.getColumn(i));
  return row;
}

std::optional<CaseRef> CaseStore::find(const CaseNumber& n) {
  return db_.read_per_statement([&]() -> std::optional<CaseRef> {
    return sql::Query(db_,
                      "SELECT c.id, c.number, c.status, c.person_id, p.fnr, p.birth_date, c.opened_on "
                      "FROM case_file c JOIN person p ON p.id = c.person_id WHERE c.year = ? AND c.seq = ?",
                      n.year(), n.seq())
        .first([](sql::Row& r) {
          return CaseRef{.id = r.int64(), .number = r.text(), .status = r.stored(case_status_from, "case_file.status"),
                         .person_id = r.int64(), .fnr = r.text(), .birth_date = r.text(), .opened_on = r.text()};
        });
  });
}

void CaseStore::set_status(std::int64_t case_id, CaseStatus status) {
  sql::exec(db_, "UPDATE case_file SET status = ? WHERE id = ?", status, case_id);
}

void CaseStore::close(std::int64_t case_id, const std::string& on, const std::string& reason) {
  sql::exec(db_, "UPDATE case_file SET status = ?, closed_on = ?, close_reason = ? WHERE id = ?", CaseStatus::closed, on, reason,
            case_id);
}

void CaseStore::reopen(std::int64_t case_id, CaseStatus status) {
  sql::exec(db_, "UPDATE case_file SET status = ?, closed_on = NULL, close_reason = NULL WHERE id = ?", status, case_id);
}

bool CaseStore::consent_holds(std::int64_t case_id, std::string_view scope, const std::string& day) {
  return db_.read_per_statement([&] {
    return sql::Query(db_,
                      "SELECT 1 FROM consent WHERE case_id = ? AND scope = ? AND given_on <= ? "
                      "AND (withdrawn_on IS NULL OR withdrawn_on > ?) LIMIT 1",
                      case_id, scope, day, day)
        .next();
  });
}

std::vector<std::string> CaseStore::sharing_services(std::int64_t case_id, const std::string& day) {
  return db_.read_per_statement([&] {
    return sql::Query(db_,
                      "SELECT DISTINCT substr(scope, 8) FROM consent WHERE case_id = ? AND scope LIKE 'deling:%' "
                      "AND given_on <= ? AND (withdrawn_on IS NULL OR withdrawn_on > ?) ORDER BY 1",
                      case_id, day, day)
        .all(&sql::Row::text);
  });
}

std::string CaseStore::value(std::int64_t case_id, Field field) {
  return sql::Query(db_, std::string("SELECT coalesce(") + column_of(field) + ", '') FROM case_file WHERE id = ?", case_id)
      .first(&sql::Row::text)
      .value_or(std::string());
}

void CaseStore::set_value(std::int64_t case_id, Field field, const std::string& value) {
  sql::exec(db_, std::string("UPDATE case_file SET ") + column_of(field) + " = ? WHERE id = ?", value, case_id);
}

void CaseStore::add_owner(std::int64_t case_id, const std::string& owner, const std::string& on, const std::string& by) {
  sql::exec(db_, "INSERT INTO case_owner(case_id, owner, assigned_on, assigned_by) VALUES (?, ?, ?, ?)", case_id, owner, on, by);
}

void CaseStore::add_target_group(std::int64_t case_id, const std::string& target_group, std::string_view step, const std::string& on,
                                 const std::string& by) {
  sql::exec(db_, "INSERT INTO case_target_group(case_id, target_group, step, set_on, set_by) VALUES (?, ?, ?, ?, ?)", case_id,
            target_group, step, on, by);
}

std::int64_t CaseStore::add_log(std::int64_t case_id, const LogEntry& e) {
  return sql::insert(db_, "INSERT INTO case_log (case_id, written_on, written_by, written_at, text) VALUES (?, ?, ?, ?, ?)",
                     case_id, e.date, e.written_by, e.written_at, e.text);
}

std::vector<LogEntry> CaseStore::log(std::int64_t case_id) {
  return sql::Query(db_,
                    "SELECT id, written_on, written_by, written_at, text FROM case_log WHERE case_id = ? "
                    "ORDER BY written_on DESC, id DESC",
                    case_id)
      .all([](sql::Row& r) {
        return LogEntry{.id = r.int64(), .date = r.text(), .written_by = r.text(), .written_at = r.text(), .text = r.text()};
      });
}

std::int64_t CaseStore::add_correction(std::optional<std::int64_t> case_id, std::int64_t person_id, std::string_view object,
                                       std::int64_t object_id, const std::string& field, const std::string& before,
                                       const std::string& after, const std::string& reason, const std::string& on,
                                       const std::string& by) {
  return sql::insert(db_,
                     "INSERT INTO correction(case_id, person_id, object, object_id, field, before, after, reason, "
                     "corrected_on, corrected_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     case_id, person_id, object, object_id, field, before, after, reason, on, by);
}

void CaseStore::set_column(std::string_view table, std::int64_t id, std::string_view column, const std::optional<std::string>& value) {
  sql::exec(db_, "UPDATE " + std::string(table) + " SET " + std::string(column) + " = ? WHERE id = ?", value, id);
}

std::optional<std::vector<std::string>> CaseStore::referral_fields(std::int64_t case_id, std::int64_t referral_id) {
  return sql::Query(db_,
                    "SELECT need, received_on, reporter_type, coalesce(reporter_name, '') FROM referral WHERE id = ? AND case_id = ?",
                    referral_id, case_id)
      .first([](sql::Row& r) { return std::vector<std::string>{r.text(), r.text(), r.text(), r.text()}; });
}

void CaseStore::reopen_on_first_referral(std::int64_t case_id) {
  sql::exec(db_, "UPDATE case_file SET opened_on = (SELECT min(received_on) FROM referral WHERE case_id = ?1) WHERE id = ?1", case_id);
}

std::optional<ConsentToVoid> CaseStore::consent_to_void(std::int64_t case_id, std::int64_t consent_id) {
  return sql::Query(db_,
                    "SELECT k.given_on, coalesce(k.withdrawn_on, ''), k.scope, EXISTS (SELECT 1 FROM correction x WHERE "
                    "x.object = 'consent' AND x.object_id = k.id AND x.field = 'void') FROM consent k "
                    "WHERE k.id = ? AND k.case_id = ?",
                    consent_id, case_id)
      .first([](sql::Row& r) { return ConsentToVoid{r.text(), r.text(), r.text(), r.flag()}; });
}

void CaseStore::void_consent(std::int64_t consent_id, const std::string& by, const std::string& reason) {
  sql::exec(db_,
            "UPDATE consent SET withdrawn_by = CASE WHEN withdrawn_on IS NULL THEN ? ELSE withdrawn_by END, "
            "withdraw_reason = CASE WHEN withdrawn_on IS NULL THEN ? ELSE withdraw_reason END, "
            "withdrawn_on = given_on WHERE id = ?",
            by, reason, consent_id);
}

std::optional<bool> CaseStore::assessment_voided(std::int64_t case_id, std::int64_t assessment_id) {
  return sql::Query(db_,
                    "SELECT EXISTS (SELECT 1 FROM correction x WHERE x.object = 'assessment' AND x.object_id = a.id "
                    "AND x.field = 'void') FROM assessment a WHERE a.id = ? AND a.case_id = ?",
                    assessment_id, case_id)
      .first(&sql::Row::flag);
}

void CaseStore::add_transfer(std::int64_t case_id, const NewTransfer& t) {
  sql::exec(db_,
            "INSERT INTO case_transfer(case_id, direction, municipality, municipality_number, remote_case, bundle_sha256, "
            "file, history, transferred_on, transferred_at, transferred_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            case_id, t.direction, t.municipality, t.municipality_number, t.remote_case, t.bundle_sha256, t.file, t.history, t.on,
            t.at, t.by);
}

std::optional<std::pair<std::string, std::string>> CaseStore::received_before(const std::string& sha256, const std::string& from_number,
                                                                               const std::string& remote_case) {
  return sql::Query(db_,
                    "SELECT c.number, t.transferred_on FROM case_transfer t JOIN case_file c ON c.id = t.case_id "
                    "WHERE t.direction = 'in' AND (t.bundle_sha256 = ? OR (t.municipality_number = ? AND t.remote_case = ?))",
                    sha256, from_number, remote_case)
      .first([](sql::Row& r) { return std::pair{r.text(), r.text()}; });
}

std::vector<TransferRow> CaseStore::transfers(std::int64_t case_id) {
  return db_.read_per_statement([&] {
    return sql::Query(db_,
                      "SELECT direction, municipality, coalesce(municipality_number, ''), coalesce(remote_case, ''), bundle_sha256, "
                      "coalesce(file, ''), coalesce(history, '{}'), transferred_on, transferred_by FROM case_transfer "
                      "WHERE case_id = ? ORDER BY id",
                      case_id)
        .all([](sql::Row& r) {
          return TransferRow{.direction = r.text(), .municipality = r.text(), .municipality_number = r.text(),
                             .remote_case = r.text(), .bundle_sha256 = r.text(), .file = r.text(), .history = r.text(),
                             .transferred_on = r.text(), .transferred_by = r.text()};
        });
  });
}

void CaseStore::list(const CaseListQuery& f, const std::function<void(CaseListRow&)>& row) {
  const bool by_index = !f.name_match.empty();
  SQLite::Statement q(db_.sql(),
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
  if (f.status) q.bind(":status", std::string(to_stored(*f.status)));
  if (!f.reporter_type.empty()) q.bind(":rt", f.reporter_type);
  if (f.opened_from) q.bind(":from", *f.opened_from);
  if (f.opened_to) q.bind(":to", *f.opened_to);
  if (!f.owner.empty()) q.bind(":owner", f.owner);
  q.bind(":unassigned", f.unassigned ? 1 : 0);
  if (by_index) q.bind(":name", f.name_match);
  CaseListRow r;
  while (q.executeStep()) {
    sql::Row c(q);
    c.read(r.number);
    r.status = c.stored(case_status_from, "case_file.status");
    c.read(r.opened_on, r.fnr, r.name, r.reporter_types, r.preliminary_replies, r.promised, r.owner);
    row(r);
  }
}

std::vector<ClosedCase> CaseStore::closed_before(const std::string& day) {
  return sql::Query(db_,
                    "SELECT c.id, c.number, c.person_id, EXISTS (SELECT 1 FROM archive_export a WHERE a.case_id = c.id) "
                    "FROM case_file c WHERE " + closed_case_sql("c") + " AND c.closed_on < ? ORDER BY c.year, c.seq",
                    day)
      .all([](sql::Row& r) { return ClosedCase{r.int64(), r.text(), r.int64(), r.flag()}; });
}

bool CaseStore::keeps_a_case(std::int64_t person_id, const std::string& day) {
  return sql::Query(db_,
                    "SELECT COUNT(*) FROM case_file c WHERE c.person_id = ? AND NOT (" + closed_case_sql("c") + " AND c.closed_on < ?)",
                    person_id, day)
             .one(&sql::Row::int64) != 0;
}

void CaseStore::delete_case(std::int64_t case_id, std::int64_t person_id) {
  sql::exec(db_, "DELETE FROM case_file WHERE id = ?", case_id);
  // A person goes with their last case.
  sql::exec(db_, "DELETE FROM person WHERE id = ? AND NOT EXISTS (SELECT 1 FROM case_file WHERE person_id = ?)", person_id,
            person_id);
}

json CaseStore::file_row(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT opened_on, target_group, closed_on, close_reason, owner FROM case_file WHERE id = ?");
  q.bind(1, case_id);
  q.executeStep();
  return {{"opened_on", col(q, 0)}, {"target_group", col(q, 1)}, {"closed_on", col(q, 2)}, {"close_reason", col(q, 3)}, {"owner", col(q, 4)}};
}

json CaseStore::referral_rows(std::int64_t case_id) {
  return json_rows(db_,
                   "SELECT id, received_on, reporter_type, reporter_name, need, sender, external_id, created_by, created_at "
                   "FROM referral WHERE case_id = ? ORDER BY received_on, id",
                   case_id, {"id", "received", "reporter_type", "reporter_name", "need", "sender", "external_id", "created_by", "created_at"});
}

std::vector<std::pair<std::string, std::int64_t>> CaseStore::voided(std::int64_t case_id) {
  return sql::Query(db_, "SELECT object, object_id FROM correction WHERE case_id = ? AND field = 'void'", case_id)
      .all([](sql::Row& r) { return std::pair{r.text(), r.int64()}; });
}

json CaseStore::assessment_rows(std::int64_t case_id) {
  return json_rows(db_,
                   "SELECT id, instrument, instrument_version, assessor, profession, assessed_on, score, threshold, "
                   "recommendation, partial, domains, answers, unanswered FROM assessment WHERE case_id = ? ORDER BY assessed_on, id",
                   case_id,
                   {"id", "instrument", "instrument_version", "assessor", "profession", "assessed_on", "score", "threshold",
                    "recommendation", "partial", "domains", "answers", "unanswered"},
                   {10, 11, 12});
}

std::vector<std::string> CaseStore::what_matters(std::int64_t case_id) {
  return sql::Query(db_, "SELECT text FROM what_matters WHERE case_id = ? ORDER BY id", case_id).all(&sql::Row::text);
}

json CaseStore::decision_row(std::int64_t case_id) {
  return first_or_null(json_rows(db_, "SELECT outcome, grounds, decided_on, decided_by, NULLIF(appeal_deadline, ''), letter FROM decision WHERE case_id = ?",
                                 case_id, {"outcome", "grounds", "decided_on", "decided_by", "appeal_deadline", "letter"}));
}

json CaseStore::preliminary_reply_rows(std::int64_t case_id) {
  return json_rows(db_, "SELECT sent_on, expected_by, sent_by, text FROM preliminary_reply WHERE case_id = ? ORDER BY id", case_id,
                   {"sent_on", "expected_by", "sent_by", "text"});
}

json CaseStore::team_row(std::int64_t case_id) {
  json t = json_rows(db_, "SELECT id, status, created_on, created_by, paused_on, pause_reason, closed_on, close_reason FROM team WHERE case_id = ?",
                     case_id, {"id", "status", "created_on", "created_by", "paused_on", "pause_reason", "closed_on", "close_reason"});
  if (t.empty()) return nullptr;
  json team = t[0];
  const std::int64_t team_id = team["id"].get<std::int64_t>();
  team.erase("id");
  team["members"] = json_rows(db_, "SELECT name, role, service, kind, added_on FROM team_member WHERE team_id = ? AND removed_on IS NULL ORDER BY id",
                              team_id, {"name", "role", "service", "kind", "added_on"});
  team["history"] = json_rows(db_,
                              "SELECT name, role, service, kind, added_on, removed_on, removed_reason FROM team_member "
                              "WHERE team_id = ? AND removed_on IS NOT NULL ORDER BY removed_on, id",
                              team_id, {"name", "role", "service", "kind", "added_on", "removed_on", "removed_reason"});
  return team;
}

json CaseStore::plan_row(std::int64_t case_id, std::string_view goal_state_sql, std::string_view goal_note_sql) {
  json p = json_rows(db_,
                     "SELECT id, kind, status, revision, created_on, participated_how, participated_on, resources, needs, "
                     "contributions, period_from, period_to, next_evaluation FROM plan WHERE case_id = ?",
                     case_id, {"id", "kind", "status", "revision", "created_on", "participated_how", "participated_on", "resources", "needs",
                               "contributions", "period_from", "period_to", "next_evaluation"});
  if (p.empty()) return nullptr;
  json plan = p[0];
  const std::int64_t plan_id = plan["id"].get<std::int64_t>();
  plan.erase("id");
  const std::string goals_sql = "SELECT g.number, g.parent, g.text, g.source, " + std::string(goal_state_sql) + ", " +
                                std::string(goal_note_sql) + " FROM goal g WHERE g.plan_id = ? ORDER BY g.number";
  plan["goals"] = json_rows(db_, goals_sql, plan_id, {"number", "parent", "text", "source", "status", "status_note"});
  plan["measures"] = json_rows(db_,
                               "SELECT number, goal_number, text, responsible, due_on, every_days, scope, how, status "
                               "FROM measure WHERE plan_id = ? ORDER BY number",
                               plan_id, {"number", "goal", "text", "responsible", "due", "every_days", "scope", "how", "status"});
  plan["last_revision"] = first_or_null(json_rows(
      db_, "SELECT revision, created_at, created_by, change FROM plan_revision WHERE plan_id = ? ORDER BY revision DESC LIMIT 1", plan_id,
      {"revision", "created_at", "created_by", "change"}));
  return plan;
}

json CaseStore::evaluation_rows(std::int64_t case_id) {
  json evals = json_rows(db_,
                         "SELECT id, evaluated_on, quality, decision, reason, comment, next_on, goals, created_by "
                         "FROM evaluation WHERE case_id = ? ORDER BY evaluated_on, id",
                         case_id, {"id", "evaluated_on", "quality", "decision", "reason", "comment", "next_on", "goals", "created_by"}, {7});
  SQLite::Statement q(db_.sql(), "SELECT indicator, value FROM indicator_value WHERE evaluation_id = ? ORDER BY indicator");
  for (auto& e : evals) {
    json ind = json::object();
    q.reset();
    q.bind(1, e["id"].get<std::int64_t>());
    while (q.executeStep()) ind[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
    e["indicators"] = ind;
    e.erase("id");
  }
  return evals;
}

json CaseStore::owner_rows(std::int64_t case_id) {
  return json_rows(db_, "SELECT owner, assigned_on, assigned_by FROM case_owner WHERE case_id = ? ORDER BY id", case_id,
                   {"owner", "assigned_on", "assigned_by"});
}

json CaseStore::correction_rows(std::int64_t case_id) {
  return json_rows(db_,
                   "SELECT object, object_id, field, before, after, reason, corrected_on, corrected_by FROM correction "
                   "WHERE case_id = ?1 OR (case_id IS NULL AND person_id = (SELECT person_id FROM case_file WHERE id = ?1)) "
                   "ORDER BY id",
                   case_id, {"object", "object_id", "field", "before", "after", "reason", "corrected_on", "corrected_by"});
}

json CaseStore::goal_status_rows(std::int64_t case_id) {
  return json_rows(db_,
                   "SELECT gs.goal_number, gs.status, gs.note, gs.set_on, gs.set_by FROM goal_status gs "
                   "JOIN plan p ON p.id = gs.plan_id WHERE p.case_id = ? ORDER BY gs.id",
                   case_id, {"goal", "status", "note", "set_on", "set_by"});
}

json CaseStore::target_group_rows(std::int64_t case_id) {
  return json_rows(db_, "SELECT target_group, step, set_on, set_by FROM case_target_group WHERE case_id = ? ORDER BY id", case_id,
                   {"target_group", "step", "set_on", "set_by"});
}

json CaseStore::closing_rows(std::int64_t case_id) {
  return json_rows(db_,
                   "SELECT reason, stage, note, to_municipality, closed_on, closed_by, reopened_on, reopened_by, reopen_reason "
                   "FROM case_closing WHERE case_id = ? ORDER BY id",
                   case_id, {"reason", "stage", "note", "to_municipality", "closed_on", "closed_by", "reopened_on", "reopened_by", "reopen_reason"});
}

json CaseStore::replaced_decision_rows(std::int64_t case_id) {
  return json_rows(db_,
                   "SELECT outcome, grounds, decided_on, decided_by, appeal_id, replaced_on, replaced_by FROM decision_history "
                   "WHERE case_id = ? ORDER BY id",
                   case_id, {"outcome", "grounds", "decided_on", "decided_by", "appeal", "replaced_on", "replaced_by"});
}

namespace {

// What person export takes of a case, every column as stored: a key of the
// document and the query of its rows (? is the case id); `one`: the first
// row, or null when there is none, instead of the list.
struct ExportPart {
  const char* key;
  const char* sql;
  bool one = false;
};

constexpr ExportPart kExportParts[] = {
    {"case", "SELECT * FROM case_file WHERE id = ?", true},
    {"referrals", "SELECT * FROM referral WHERE case_id = ? ORDER BY received_on, id"},
    {"consents", "SELECT * FROM consent WHERE case_id = ? ORDER BY given_on, id"},
    {"assessments", "SELECT * FROM assessment WHERE case_id = ? ORDER BY assessed_on, id"},
    {"what_matters", "SELECT * FROM what_matters WHERE case_id = ? ORDER BY id"},
    {"decision", "SELECT * FROM decision WHERE case_id = ?", true},
    {"preliminary_replies", "SELECT * FROM preliminary_reply WHERE case_id = ? ORDER BY sent_on, id"},
    {"team", "SELECT * FROM team WHERE case_id = ?", true},
    {"team_members", "SELECT m.* FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.case_id = ? ORDER BY m.id"},
    {"plan", "SELECT * FROM plan WHERE case_id = ?", true},
    {"plan_revisions", "SELECT r.* FROM plan_revision r JOIN plan p ON p.id = r.plan_id WHERE p.case_id = ? ORDER BY r.revision"},
    {"goals", "SELECT g.* FROM goal g JOIN plan p ON p.id = g.plan_id WHERE p.case_id = ? ORDER BY g.number"},
    {"measures", "SELECT m.* FROM measure m JOIN plan p ON p.id = m.plan_id WHERE p.case_id = ? ORDER BY m.number"},
    {"evaluations", "SELECT * FROM evaluation WHERE case_id = ? ORDER BY evaluated_on, id"},
    // Issue 14: closings, the person's no, owners, target groups, goal states, corrections.
    {"closings", "SELECT * FROM case_closing WHERE case_id = ? ORDER BY id"},
    {"declines", "SELECT * FROM consent_decline WHERE case_id = ? ORDER BY id"},
    {"owners", "SELECT * FROM case_owner WHERE case_id = ? ORDER BY id"},
    {"target_groups", "SELECT * FROM case_target_group WHERE case_id = ? ORDER BY id"},
    {"goal_statuses", "SELECT gs.* FROM goal_status gs JOIN plan p ON p.id = gs.plan_id WHERE p.case_id = ? ORDER BY gs.id"},
    {"corrections", "SELECT * FROM correction WHERE case_id = ? ORDER BY id"},
    // Issue 14: appeals with their steps, and decisions an appeal replaced.
    {"appeals", "SELECT * FROM appeal WHERE case_id = ? ORDER BY id"},
    {"appeal_steps", "SELECT s.* FROM appeal_step s JOIN appeal a ON a.id = s.appeal_id WHERE a.case_id = ? ORDER BY s.id"},
    {"replaced_decisions", "SELECT * FROM decision_history WHERE case_id = ? ORDER BY id"},
    // The team at work (issue 15): the log newest first, meetings (with their participants below), actions, reviews, approvals.
    {"log", "SELECT * FROM case_log WHERE case_id = ? ORDER BY written_on DESC, id DESC"},
    {"meetings", "SELECT * FROM meeting WHERE case_id = ? ORDER BY held_on, number"},
    {"meeting_actions", "SELECT * FROM meeting_action WHERE case_id = ? ORDER BY number"},
    {"team_reviews", "SELECT * FROM team_review WHERE case_id = ? ORDER BY reviewed_on, id"},
    {"approvals", "SELECT * FROM approval WHERE case_id = ? ORDER BY requested_on, id"},
};

// The rows that belong to each row of a part, put in that row under `key`
// (? is the row's id).
struct ExportChildren {
  const char* part;
  const char* key;
  const char* sql;
};

constexpr ExportChildren kExportChildren[] = {
    {"evaluations", "indicators", "SELECT indicator, value FROM indicator_value WHERE evaluation_id = ? ORDER BY indicator"},
    {"meetings", "participants", "SELECT * FROM meeting_participant WHERE meeting_id = ? ORDER BY id"},
};

}  // namespace

json CaseStore::export_rows(std::int64_t case_id) {
  return db_.read_per_statement([&] {
    json doc;
    for (const auto& part : kExportParts) {
      json rows = json_rows_as_stored(db_, part.sql, case_id);
      doc[part.key] = part.one ? first_or_null(rows) : std::move(rows);
    }
    for (const auto& children : kExportChildren)
      for (auto& row : doc[children.part]) row[children.key] = json_rows_as_stored(db_, children.sql, row["id"].get<std::int64_t>());
    return doc;
  });
}

}  // namespace oppteam
