#pragma once
// The SQL of a person (person) and of the person's foresatte and verge
// (person_guardian). No rule and no text for people here.

#include <oppteam/domain/person.hpp>
#include <oppteam/domain/stored_person.hpp>
#include <oppteam/store/database.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

class PersonStore {
 public:
  explicit PersonStore(Database& db) : db_(db) {}

  // The person with personal number `fnr` (as stored); nothing when none.
  std::optional<Person> find(const std::string& fnr);
  // The person `id` as `case show` shows it: fnr, kind, birth_date, name (null when none).
  nlohmann::json shown(std::int64_t id);
  // The person `id` (which must exist) as stored: what the FHIR Patient is made from.
  StoredPerson stored(std::int64_t id);

  // The person's guardians, oldest first.
  std::vector<Guardian> guardians(std::int64_t person_id);
  // A new guardian (address "" is none); returns its id.
  std::int64_t add_guardian(std::int64_t person_id, const Guardian& g);
  // Guardian `id` ended on `on` by `by`.
  void end_guardian(std::int64_t id, const std::string& on, const std::string& by);

  // The person's rows as stored, for `person export`: the person (null when
  // none), the ids of their cases in number order, their own corrections
  // (of no case) and their guardians.
  nlohmann::json export_person(const std::string& fnr);
  std::vector<std::int64_t> case_ids(std::int64_t person_id);
  nlohmann::json export_corrections(std::int64_t person_id);
  nlohmann::json export_guardians(std::int64_t person_id);

 private:
  Database& db_;
};

}  // namespace oppteam
