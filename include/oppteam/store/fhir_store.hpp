#pragma once
// What the FHIR export reads beyond a case's rows (process/fhir.cpp): the
// person as stored. Runs inside the caller's read. (A person repository,
// when there is one, takes this over.)

#include <oppteam/domain/stored_person.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>

namespace oppteam {

class FhirStore {
 public:
  explicit FhirStore(Database& db) : db_(db) {}

  // The person with id `person_id` (which must exist).
  StoredPerson person(std::int64_t person_id) const;

 private:
  Database& db_;
};

}  // namespace oppteam
