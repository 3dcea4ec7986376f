#include <oppteam/store/fhir_store.hpp>

#include <SQLiteCpp/Statement.h>

namespace oppteam {

StoredPerson FhirStore::person(std::int64_t person_id) const {
  SQLite::Statement q(db_.sql(), "SELECT fnr, kind, birth_date, name FROM person WHERE id = ?");
  q.bind(1, person_id);
  q.executeStep();
  StoredPerson p{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(), std::nullopt};
  if (!q.getColumn(3).isNull()) p.name = q.getColumn(3).getString();
  return p;
}

}  // namespace oppteam
