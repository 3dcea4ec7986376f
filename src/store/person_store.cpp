#include <oppteam/store/person_store.hpp>

#include <oppteam/store/case_store.hpp>  // json_rows, row_as_stored
#include <oppteam/store/sql_values.hpp>
#include <oppteam/store/stored_enum.hpp>

namespace oppteam {

std::optional<Person> PersonStore::find(const std::string& fnr) {
  SQLite::Statement q(db_.sql(), "SELECT id, fnr, kind, birth_date, coalesce(name, '') FROM person WHERE fnr = ?");
  q.bind(1, fnr);
  if (!q.executeStep()) return std::nullopt;
  return Person{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                stored_enum(personal_number_kind_from, "person.kind", q.getColumn(2).getString()), q.getColumn(3).getString(),
                q.getColumn(4).getString()};
}

nlohmann::json PersonStore::shown(std::int64_t id) {
  const auto rows = json_rows(db_, "SELECT fnr, kind, birth_date, name FROM person WHERE id = ?", id, {"fnr", "kind", "birth_date", "name"});
  if (!rows.empty()) return rows[0];
  return {{"fnr", nullptr}, {"kind", nullptr}, {"birth_date", nullptr}, {"name", nullptr}};
}

StoredPerson PersonStore::stored(std::int64_t id) {
  SQLite::Statement q(db_.sql(), "SELECT fnr, kind, birth_date, name FROM person WHERE id = ?");
  q.bind(1, id);
  q.executeStep();
  return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(), sql::text_or_none(q, 3)};
}

std::vector<Guardian> PersonStore::guardians(std::int64_t person_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT id, kind, name, coalesce(address, ''), added_on, added_by, coalesce(ended_on, ''), "
                      "coalesce(ended_by, '') FROM person_guardian WHERE person_id = ? ORDER BY id");
  q.bind(1, person_id);
  std::vector<Guardian> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), stored_enum(guardian_kind_from, "person_guardian.kind", q.getColumn(1).getString()),
                   q.getColumn(2).getString(), q.getColumn(3).getString(),
                   q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(6).getString(), q.getColumn(7).getString()});
  return out;
}

std::int64_t PersonStore::add_guardian(std::int64_t person_id, const Guardian& g) {
  SQLite::Statement ins(db_.sql(),
                        "INSERT INTO person_guardian(person_id, kind, name, address, added_on, added_by) VALUES (?, ?, ?, ?, ?, ?)");
  ins.bind(1, person_id);
  ins.bind(2, std::string(to_stored(g.kind)));
  ins.bind(3, g.name);
  if (g.address.empty()) ins.bind(4);
  else ins.bind(4, g.address);
  ins.bind(5, g.added_on);
  ins.bind(6, g.added_by);
  ins.exec();
  return db_.sql().getLastInsertRowid();
}

void PersonStore::end_guardian(std::int64_t id, const std::string& on, const std::string& by) {
  SQLite::Statement up(db_.sql(), "UPDATE person_guardian SET ended_on = ?, ended_by = ? WHERE id = ?");
  up.bind(1, on);
  up.bind(2, by);
  up.bind(3, id);
  up.exec();
}

nlohmann::json PersonStore::export_person(const std::string& fnr) {
  SQLite::Statement p(db_.sql(), "SELECT * FROM person WHERE fnr = ?");
  p.bind(1, fnr);
  if (!p.executeStep()) return nullptr;
  return row_as_stored(p);
}

std::vector<std::int64_t> PersonStore::case_ids(std::int64_t person_id) {
  SQLite::Statement c(db_.sql(), "SELECT id FROM case_file WHERE person_id = ? ORDER BY year, seq");
  c.bind(1, person_id);
  std::vector<std::int64_t> out;
  while (c.executeStep()) out.push_back(c.getColumn(0).getInt64());
  return out;
}

nlohmann::json PersonStore::export_corrections(std::int64_t person_id) {
  return json_rows_as_stored(db_, "SELECT * FROM correction WHERE person_id = ? AND case_id IS NULL ORDER BY id", person_id);
}

nlohmann::json PersonStore::export_guardians(std::int64_t person_id) {
  return json_rows_as_stored(db_, "SELECT * FROM person_guardian WHERE person_id = ? ORDER BY id", person_id);
}

}  // namespace oppteam
