#pragma once
// A person as stored (person), and the person's foresatte and verge
// (person_guardian), with the one mapping of a guardian's kind to and from
// its stored text. Plain values: nothing here reads the store.

#include <oppteam/domain/personal_number.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

struct Person {
  std::int64_t id = 0;
  std::string fnr;         // the personal number, as stored
  PersonalNumberKind kind = PersonalNumberKind::fodselsnummer;
  std::string birth_date;  // ISO
  std::string name;        // "" when none
};

// Who a guardian is to the person.
enum class GuardianKind { foresatt, verge };

// The text stored in person_guardian.kind for `k`.
constexpr std::string_view to_stored(GuardianKind k) { return k == GuardianKind::verge ? "verge" : "foresatt"; }

// The kind stored as `text`; nothing for any other text.
constexpr std::optional<GuardianKind> guardian_kind_from(std::string_view text) {
  if (text == to_stored(GuardianKind::foresatt)) return GuardianKind::foresatt;
  if (text == to_stored(GuardianKind::verge)) return GuardianKind::verge;
  return std::nullopt;
}

struct Guardian {
  std::int64_t id = 0;
  GuardianKind kind = GuardianKind::foresatt;
  std::string name, address, added_on, added_by;
  std::string ended_on, ended_by;  // empty while the guardian holds
};

}  // namespace oppteam
