#pragma once
// A person as the store holds them (table `person`): what a document about
// the person (the FHIR Patient) is made from.

#include <optional>
#include <string>

namespace oppteam {

struct StoredPerson {
  std::string fnr;
  std::string kind;        // fodselsnummer | d_nummer | h_nummer
  std::string birth_date;  // ISO
  std::optional<std::string> name;
};

}  // namespace oppteam
