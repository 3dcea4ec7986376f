#pragma once
// Norwegian personal numbers: fødselsnummer, D-nummer and H-nummer, with the
// synthetic test numbers of the tax authority (month + 80). Validated on
// construction; an invalid number never exists as a PersonalNumber.

#include <oppteam/domain/stored_names.hpp>
#include <oppteam/util/clock.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

enum class PersonalNumberKind { fodselsnummer, d_nummer, h_nummer };
// person.kind.
inline constexpr StoredNames<PersonalNumberKind, 3> kPersonalNumberKindNames{{{{PersonalNumberKind::fodselsnummer, "fodselsnummer"},
                                                                               {PersonalNumberKind::d_nummer, "d_nummer"},
                                                                               {PersonalNumberKind::h_nummer, "h_nummer"}}}};
constexpr std::string_view to_stored(PersonalNumberKind k) { return kPersonalNumberKindNames.of(k); }
constexpr std::optional<PersonalNumberKind> personal_number_kind_from(std::string_view text) {
  return kPersonalNumberKindNames.from(text);
}

// The stored text of `kind` (to_stored).
std::string_view kind_name(PersonalNumberKind kind);

struct PersonalNumberOptions {
  bool allow_synthetic = false;     // accept month + 80 (rammeverk allow_synthetic_ids)
  std::optional<int> birth_year;    // needed when the number no longer tells the century
};

class PersonalNumber {
 public:
  // Validates `text` (11 digits; spaces and dots, as in a pasted
  // "239239 01213", are ignored) and throws
  // Error(ExitCode::data) naming the reason: length, non-digit, control
  // digit, impossible date, synthetic not allowed, century unknown.
  static PersonalNumber parse(std::string_view text, const PersonalNumberOptions& options = {});

  const std::string& str() const { return digits_; }
  PersonalNumberKind kind() const { return kind_; }
  bool synthetic() const { return synthetic_; }
  // True when the first control digit only fits the rule in force from 2032
  // (a weighted sum computed from 12, 13 or 14 instead of 11).
  bool new_control_rule() const { return new_rule_; }
  Date birth_date() const { return birth_date_; }
  int age_on(Date day) const;

  // A form safe for logs: the birth date part and the rest masked.
  std::string masked() const;

  friend bool operator==(const PersonalNumber& a, const PersonalNumber& b) { return a.digits_ == b.digits_; }

 private:
  std::string digits_;
  PersonalNumberKind kind_ = PersonalNumberKind::fodselsnummer;
  bool synthetic_ = false;
  bool new_rule_ = false;
  Date birth_date_{};
};

// The two control digits for the first nine digits under the pre-2032 rule
// (nullopt when the first would be 10, i.e. no valid number exists).
std::optional<std::string> control_digits(std::string_view nine_digits);

}  // namespace oppteam
