#pragma once
// Samtykke as stored: consents (given, withdrawn) and the person's own no
// (declines). Plain values; the rules are in process/consent.cpp, the SQL
// in store/consent_store.cpp.

#include <oppteam/domain/stored_names.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

// consent.form, consent_decline.form.
enum class ConsentForm { muntlig, skriftlig };
inline constexpr StoredNames<ConsentForm, 2> kConsentFormNames{
    {{{ConsentForm::muntlig, "muntlig"}, {ConsentForm::skriftlig, "skriftlig"}}}};
constexpr std::string_view to_stored(ConsentForm f) { return kConsentFormNames.of(f); }
constexpr std::optional<ConsentForm> consent_form_from(std::string_view text) { return kConsentFormNames.from(text); }

// Who speaks for the person: consent.given_by, consent_decline.declined_by,
// appeal.appellant.
enum class Party { person, foresatt, verge };
inline constexpr StoredNames<Party, 3> kPartyNames{
    {{{Party::person, "person"}, {Party::foresatt, "foresatt"}, {Party::verge, "verge"}}}};
constexpr std::string_view to_stored(Party p) { return kPartyNames.of(p); }
constexpr std::optional<Party> party_from(std::string_view text) { return kPartyNames.from(text); }

struct ConsentRecord {
  std::int64_t id = 0;
  std::string scope, form, given_by, giver_name, reason, document_ref, given_on, recorded_by, recorded_at;
  std::string withdrawn_on, withdrawn_by, withdraw_reason;  // empty while in force
  bool valid = false;  // in force today
};

struct DeclineRecord {
  std::int64_t id = 0;
  std::string scope, form, declined_by, name, note, declined_on, recorded_by, recorded_at;
};

}  // namespace oppteam
