#pragma once
// Samtykke: given (orally or in writing) for a scope (utredning, team, ip,
// deling:<service>), by the person, a parent (foresatt) or a guardian
// (verge); recorded with who recorded it and when. The age rule: under the
// rammeverk's consent_age a foresatt or verge must give it; from that age
// the person, or a verge with a stated reason. A withdrawal is recorded,
// never deleted, and takes effect at once: an active team that no longer
// has a valid team consent is paused in the same transaction.

#include <oppteam/domain/consent.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

struct ConsentInput {
  std::string scope;
  std::string form;        // muntlig | skriftlig
  std::string given_by;    // person | foresatt | verge
  std::string giver_name;  // required for foresatt and verge
  std::string reason;      // why a verge consents for an adult
  std::string document_ref;
  std::optional<Date> given_on;  // default today
};

struct ConsentGiven {
  std::int64_t id = 0;
  std::string case_number;
  int age = 0;
};

struct ConsentWithdrawn {
  std::vector<std::int64_t> ids;
  bool team_paused = false;
};

// Records a consent on `case_number`. Exit 64 for a bad scope, form or
// given-by; exit 2 when the age rule refuses it, or the case is closed.
ConsentGiven give_consent(const Context& ctx, std::string_view case_number, const ConsentInput& in);

class AuditWriter;

// Pauses the active team of case `c` when it has no valid team consent on
// `on` (inside the caller's write), audited through `audit` as team.pause
// with the detail `why_key` (an "audit.d." key of team.pause in
// src/audit/audit_detail.cpp). True when it paused the team.
// withdraw_consent, case void of a consent and case reopen call it.
bool pause_team_without_consent(const Context& ctx, const CaseRef& c, Date on, AuditWriter& audit, const std::string& why_key);

// Withdraws the consents in force for `scope` (or only consent `id`). Exit
// 2 when none is in force.
ConsentWithdrawn withdraw_consent(const Context& ctx, std::string_view case_number, const std::string& scope,
                                  std::optional<std::int64_t> id, const std::string& reason,
                                  std::optional<Date> on = std::nullopt);

// The person's own no (issue 14): recorded, like a consent, with the date,
// how it was expressed and who recorded it. It is not a consent never
// asked for: remind stops asking for a vedtak (utredning declined) or a
// team (team declined) and asks to close the case instead, until a consent
// given later outweighs it.
struct DeclineInput {
  std::string scope;
  std::string form;                   // muntlig | skriftlig
  std::string declined_by = "person"; // person | foresatt | verge
  std::string name;                   // required for foresatt and verge
  std::string note;
  std::optional<Date> declined_on;    // default today
};

// Records a decline on `case_number`. Exit 64 for a bad scope, form or
// declined-by, 65 for a date in the future, 2 when the case is closed or a
// consent for the scope is in force (that is a withdrawal).
DeclineRecord decline_consent(const Context& ctx, std::string_view case_number, const DeclineInput& in);

// The declines of a case, oldest first (no audit: for views that audit).
std::vector<DeclineRecord> read_declines(Database& db, std::int64_t case_id);

// Every consent and every decline of the case, oldest first (an audited read).
struct ConsentList {
  std::string case_number;
  std::vector<ConsentRecord> consents;
  std::vector<DeclineRecord> declines;
};
ConsentList list_consents(const Context& ctx, std::string_view case_number);

// The same without audit, for views that audit on their own.
std::vector<ConsentRecord> read_consents(Database& db, std::int64_t case_id, Date today);

}  // namespace oppteam
