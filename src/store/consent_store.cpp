#include <oppteam/store/consent_store.hpp>

#include <oppteam/store/sql_values.hpp>

namespace oppteam {

using sql::null_if_empty;

std::int64_t ConsentStore::add(std::int64_t case_id, const ConsentRecord& r) {
  return sql::insert(db_,
                     "INSERT INTO consent(case_id, scope, form, given_by, giver_name, reason, document_ref, given_on, "
                     "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     case_id, r.scope, r.form, r.given_by, null_if_empty(r.giver_name), null_if_empty(r.reason),
                     null_if_empty(r.document_ref), r.given_on, r.recorded_by, r.recorded_at);
}

std::vector<ConsentStore::InForce> ConsentStore::not_withdrawn(std::int64_t case_id, const std::string& scope,
                                                               std::optional<std::int64_t> id) {
  auto in_force = [](sql::Row& r) { return InForce{r.int64(), r.text(), r.text()}; };
  if (id)
    return sql::Query(db_, "SELECT id, scope, given_on FROM consent WHERE case_id = ? AND id = ? AND withdrawn_on IS NULL",
                      case_id, *id)
        .all(in_force);
  return sql::Query(db_, "SELECT id, scope, given_on FROM consent WHERE case_id = ? AND scope = ? AND withdrawn_on IS NULL",
                    case_id, scope)
      .all(in_force);
}

void ConsentStore::withdraw(std::int64_t consent_id, const std::string& on, const std::string& by, const std::string& reason) {
  sql::exec(db_, "UPDATE consent SET withdrawn_on = ?, withdrawn_by = ?, withdraw_reason = ? WHERE id = ?", on, by,
            null_if_empty(reason), consent_id);
}

std::vector<ConsentRecord> ConsentStore::consents(std::int64_t case_id) {
  return sql::Query(db_,
                    "SELECT id, scope, form, given_by, coalesce(giver_name, ''), coalesce(reason, ''), "
                    "coalesce(document_ref, ''), given_on, recorded_by, recorded_at, coalesce(withdrawn_on, ''), "
                    "coalesce(withdrawn_by, ''), coalesce(withdraw_reason, '') FROM consent WHERE case_id = ? ORDER BY id",
                    case_id)
      .all([](sql::Row& r) {
        return ConsentRecord{.id = r.int64(), .scope = r.text(), .form = r.text(), .given_by = r.text(),
                             .giver_name = r.text(), .reason = r.text(), .document_ref = r.text(), .given_on = r.text(),
                             .recorded_by = r.text(), .recorded_at = r.text(), .withdrawn_on = r.text(),
                             .withdrawn_by = r.text(), .withdraw_reason = r.text(), .valid = false};
      });
}

std::vector<std::string> ConsentStore::foresatt_names(std::int64_t case_id) {
  return sql::Query(db_,
                    "SELECT giver_name FROM consent WHERE case_id = ? AND given_by = 'foresatt' "
                    "AND giver_name IS NOT NULL GROUP BY giver_name ORDER BY min(id)",
                    case_id)
      .all(&sql::Row::text);
}

std::int64_t ConsentStore::add_decline(std::int64_t case_id, const DeclineRecord& d) {
  return sql::insert(db_,
                     "INSERT INTO consent_decline(case_id, scope, form, declined_by, giver_name, note, declined_on, "
                     "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     case_id, d.scope, d.form, d.declined_by, null_if_empty(d.name), null_if_empty(d.note), d.declined_on,
                     d.recorded_by, d.recorded_at);
}

std::vector<DeclineRecord> ConsentStore::declines(std::int64_t case_id) {
  return sql::Query(db_,
                    "SELECT id, scope, form, declined_by, coalesce(giver_name, ''), coalesce(note, ''), declined_on, "
                    "recorded_by, recorded_at FROM consent_decline WHERE case_id = ? ORDER BY id",
                    case_id)
      .all([](sql::Row& r) {
        return DeclineRecord{.id = r.int64(), .scope = r.text(), .form = r.text(), .declined_by = r.text(),
                             .name = r.text(), .note = r.text(), .declined_on = r.text(), .recorded_by = r.text(),
                             .recorded_at = r.text()};
      });
}

}  // namespace oppteam
