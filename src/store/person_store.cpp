#include <oppteam/store/person_store.hpp>

#include <oppteam/store/case_store.hpp>  // json_rows, row_as_stored
#include <oppteam/store/sql_values.hpp>

namespace oppteam {

std::optional<Person> PersonStore::find(const std::string& fnr) {
  return sql::Query(db_, "SELECT id, fnr, kind, birth_date, coalesce(name, '') FROM person WHERE fnr = ?", fnr)
      .first([](sql::Row& r) {
        return Person{.id = r.int64(), .fnr = r.text(), .kind = r.stored(personal_number_kind_from, "person.kind"),
                      .birth_date = r.text(), .name = r.text()};
      });
}

nlohmann::json PersonStore::shown(std::int64_t id) {
  const auto rows = json_rows(db_, "SELECT fnr, kind, birth_date, name FROM person WHERE id = ?", id, {"fnr", "kind", "birth_date", "name"});
  if (!rows.empty()) return rows[0];
  return {{"fnr", nullptr}, {"kind", nullptr}, {"birth_date", nullptr}, {"name", nullptr}};
}

StoredPerson PersonStore::stored(std::int64_t id) {
  return sql::Query(db_, "SELECT fnr, kind, birth_date, name FROM person WHERE id = ?", id).one([](sql::Row& r) {
    return StoredPerson{r.text(), r.text(), r.text(), r.text_or_none()};
  });
}

std::vector<Guardian> PersonStore::guardians(std::int64_t person_id) {
  return sql::Query(db_,
                    "SELECT id, kind, name, coalesce(address, ''), added_on, added_by, coalesce(ended_on, ''), "
                    "coalesce(ended_by, '') FROM person_guardian WHERE person_id = ? ORDER BY id",
                    person_id)
      .all([](sql::Row& r) {
        return Guardian{.id = r.int64(), .kind = r.stored(guardian_kind_from, "person_guardian.kind"), .name = r.text(),
                        .address = r.text(), .added_on = r.text(), .added_by = r.text(), .ended_on = r.text(),
                        .ended_by = r.text()};
      });
}

std::int64_t PersonStore::add_guardian(std::int64_t person_id, const Guardian& g) {
  return sql::insert(db_,
                     "INSERT INTO person_guardian(person_id, kind, name, address, added_on, added_by) VALUES (?, ?, ?, ?, ?, ?)",
                     person_id, g.kind, g.name, sql::null_if_empty(g.address), g.added_on, g.added_by);
}

void PersonStore::end_guardian(std::int64_t id, const std::string& on, const std::string& by) {
  sql::exec(db_, "UPDATE person_guardian SET ended_on = ?, ended_by = ? WHERE id = ?", on, by, id);
}

nlohmann::json PersonStore::export_person(const std::string& fnr) {
  SQLite::Statement p(db_.sql(), "SELECT * FROM person WHERE fnr = ?");
  p.bind(1, fnr);
  if (!p.executeStep()) return nullptr;
  return row_as_stored(p);
}

std::vector<std::int64_t> PersonStore::case_ids(std::int64_t person_id) {
  return sql::Query(db_, "SELECT id FROM case_file WHERE person_id = ? ORDER BY year, seq", person_id).all(&sql::Row::int64);
}

nlohmann::json PersonStore::export_corrections(std::int64_t person_id) {
  return json_rows_as_stored(db_, "SELECT * FROM correction WHERE person_id = ? AND case_id IS NULL ORDER BY id", person_id);
}

nlohmann::json PersonStore::export_guardians(std::int64_t person_id) {
  return json_rows_as_stored(db_, "SELECT * FROM person_guardian WHERE person_id = ? ORDER BY id", person_id);
}

}  // namespace oppteam
