#include <oppteam/store/consent_store.hpp>

#include <oppteam/store/sql_values.hpp>

namespace oppteam {

using sql::bind_text_or_null;

std::int64_t ConsentStore::add(std::int64_t case_id, const ConsentRecord& r) {
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO consent(case_id, scope, form, given_by, giver_name, reason, document_ref, given_on, "
                      "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, case_id);
  q.bind(2, r.scope);
  q.bind(3, r.form);
  q.bind(4, r.given_by);
  bind_text_or_null(q, 5, r.giver_name);
  bind_text_or_null(q, 6, r.reason);
  bind_text_or_null(q, 7, r.document_ref);
  q.bind(8, r.given_on);
  q.bind(9, r.recorded_by);
  q.bind(10, r.recorded_at);
  q.exec();
  return db_.sql().getLastInsertRowid();
}

std::vector<ConsentStore::InForce> ConsentStore::not_withdrawn(std::int64_t case_id, const std::string& scope,
                                                               std::optional<std::int64_t> id) {
  SQLite::Statement q(db_.sql(), id ? "SELECT id, scope FROM consent WHERE case_id = ? AND id = ? AND withdrawn_on IS NULL"
                                    : "SELECT id, scope FROM consent WHERE case_id = ? AND scope = ? AND withdrawn_on IS NULL");
  q.bind(1, case_id);
  if (id) q.bind(2, *id);
  else q.bind(2, scope);
  std::vector<InForce> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
  return out;
}

void ConsentStore::withdraw(std::int64_t consent_id, const std::string& on, const std::string& by, const std::string& reason) {
  SQLite::Statement u(db_.sql(), "UPDATE consent SET withdrawn_on = ?, withdrawn_by = ?, withdraw_reason = ? WHERE id = ?");
  u.bind(1, on);
  u.bind(2, by);
  bind_text_or_null(u, 3, reason);
  u.bind(4, consent_id);
  u.exec();
}

std::vector<ConsentRecord> ConsentStore::consents(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT id, scope, form, given_by, coalesce(giver_name, ''), coalesce(reason, ''), "
                      "coalesce(document_ref, ''), given_on, recorded_by, recorded_at, coalesce(withdrawn_on, ''), "
                      "coalesce(withdrawn_by, ''), coalesce(withdraw_reason, '') FROM consent WHERE case_id = ? ORDER BY id");
  q.bind(1, case_id);
  std::vector<ConsentRecord> out;
  while (q.executeStep()) {
    ConsentRecord r;
    r.id = q.getColumn(0).getInt64();
    r.scope = q.getColumn(1).getString();
    r.form = q.getColumn(2).getString();
    r.given_by = q.getColumn(3).getString();
    r.giver_name = q.getColumn(4).getString();
    r.reason = q.getColumn(5).getString();
    r.document_ref = q.getColumn(6).getString();
    r.given_on = q.getColumn(7).getString();
    r.recorded_by = q.getColumn(8).getString();
    r.recorded_at = q.getColumn(9).getString();
    r.withdrawn_on = q.getColumn(10).getString();
    r.withdrawn_by = q.getColumn(11).getString();
    r.withdraw_reason = q.getColumn(12).getString();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> ConsentStore::foresatt_names(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT giver_name FROM consent WHERE case_id = ? AND given_by = 'foresatt' "
                      "AND giver_name IS NOT NULL GROUP BY giver_name ORDER BY min(id)");
  q.bind(1, case_id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::int64_t ConsentStore::add_decline(std::int64_t case_id, const DeclineRecord& d) {
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO consent_decline(case_id, scope, form, declined_by, giver_name, note, declined_on, "
                      "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, case_id);
  q.bind(2, d.scope);
  q.bind(3, d.form);
  q.bind(4, d.declined_by);
  bind_text_or_null(q, 5, d.name);
  bind_text_or_null(q, 6, d.note);
  q.bind(7, d.declined_on);
  q.bind(8, d.recorded_by);
  q.bind(9, d.recorded_at);
  q.exec();
  return db_.sql().getLastInsertRowid();
}

std::vector<DeclineRecord> ConsentStore::declines(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT id, scope, form, declined_by, coalesce(giver_name, ''), coalesce(note, ''), declined_on, "
                      "recorded_by, recorded_at FROM consent_decline WHERE case_id = ? ORDER BY id");
  q.bind(1, case_id);
  std::vector<DeclineRecord> out;
  while (q.executeStep()) {
    DeclineRecord d;
    d.id = q.getColumn(0).getInt64();
    d.scope = q.getColumn(1).getString();
    d.form = q.getColumn(2).getString();
    d.declined_by = q.getColumn(3).getString();
    d.name = q.getColumn(4).getString();
    d.note = q.getColumn(5).getString();
    d.declined_on = q.getColumn(6).getString();
    d.recorded_by = q.getColumn(7).getString();
    d.recorded_at = q.getColumn(8).getString();
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace oppteam
