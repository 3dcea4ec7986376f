#pragma once
// A case as an HL7 FHIR R4 Bundle (type "collection"): Patient,
// ServiceRequest per referral, Consent per consent, QuestionnaireResponse
// and RiskAssessment per assessment, CareTeam, CarePlan with Goals and an
// activity per measure, and Observations for evaluation indicators, goal
// attainment and experienced quality. Every entry has a fullUrl
// urn:uuid:... derived deterministically from the municipality, the case
// number and the row (the same case exports to the same bundle), and every
// reference inside the bundle points at one of those fullUrls.

#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace oppteam {

// OIDs of the Norwegian identifier systems (Direktoratet for e-helse).
inline constexpr std::string_view kOidFodselsnummer = "urn:oid:2.16.578.1.12.4.1.4.1";
inline constexpr std::string_view kOidDNummer = "urn:oid:2.16.578.1.12.4.1.4.2";
inline constexpr std::string_view kOidHNummer = "urn:oid:2.16.578.1.12.4.1.4.3";

// A name-based UUID (RFC 9562 version 8, from SHA-256 of `name`) as urn:uuid:...
std::string deterministic_urn_uuid(std::string_view name);

// The bundle for case `number` (exit 65 malformed, 1 absent). Appends
// "case.export" to the audit log in the same transaction as the reads.
nlohmann::json export_case_fhir(const Context& ctx, std::string_view number);

}  // namespace oppteam
