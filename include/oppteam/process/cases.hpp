#pragma once
// Finding a case and the rules every step checks before it acts. The rules
// live here, in one place, and never in the CLI.

#include <oppteam/domain/case.hpp>
#include <oppteam/domain/case_number.hpp>
#include <oppteam/domain/decision.hpp>
#include <oppteam/domain/team.hpp>
#include <oppteam/process/context.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// CaseRef and the case statuses (CaseStatus, to_stored) are in domain/case.hpp.

// A status in the reader's words (the screens' labels), for an error's message.
std::string status_text(const Context& ctx, CaseStatus status);
std::string status_text(const Context& ctx, DecisionOutcome outcome);
std::string status_text(const Context& ctx, TeamStatus status);

// The one rule for "this case is closed" (and so may be archived and, once
// archived, purged), as an SQL condition on the case_file row `alias`.
// Declared with the case store, which defines it (store/case_store.cpp).
std::string closed_case_sql(std::string_view alias);

// The case with `number` (text as typed): exit 65 when malformed, 1 when absent.
CaseRef find_case(Database& db, std::string_view number);

// The consent to hand the follow-up over to another municipality (case
// transfer, docs/transfer.md says what it covers).
inline constexpr std::string_view kScopeTransfer = "overforing";

// Consent scopes: "utredning", "team", "ip", "overforing" and "deling:<service id>".
// Throws Error(usage, 64) for anything else, or a deling: service the
// rammeverk does not have.
void check_consent_scope(const Rammeverk& rv, std::string_view scope);

// True when the case has a consent for `scope` given on or before `on` and
// not withdrawn by then.
bool consent_valid(Database& db, std::int64_t case_id, std::string_view scope, Date on);

// The services named by the case's valid deling: consents; empty when
// sharing is not limited to named services.
std::vector<std::string> sharing_services(Database& db, std::int64_t case_id, Date on);

// For `action` ("assess", "team", "plan"): when the rammeverk's
// consent_required_for lists it, requires valid consent for its scope
// (assess → utredning, team and plan → team). Exit 2 naming the rule otherwise.
void require_consent_for(const Context& ctx, const CaseRef& c, std::string_view action);

// The consent scope an action needs.
std::string_view consent_scope_for(std::string_view action);

}  // namespace oppteam
