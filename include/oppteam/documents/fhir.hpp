#pragma once
// A case as an HL7 FHIR R4 Bundle (type "collection"): Patient,
// ServiceRequest per referral, the decision as a Task with its letter (and
// each foreløpig svar) as DocumentReference, Consent per consent (sharing
// names the receiving Organization in provision.actor), RelatedPerson for
// foresatt, verge and pårørende, QuestionnaireResponse and RiskAssessment per
// assessment, CareTeam of PractitionerRoles (Practitioner, Organization per
// service and the municipality), CarePlan with Goals (expressedBy the person
// for "Hva er viktig for deg?", sub-goals linked) and an activity per measure
// (due dates as timing), and Observations per evaluation: its decision
// holding the indicators, goal attainment and experienced quality. Statuses
// follow the case (docs/case-export.md has the mapping). Every entry has a fullUrl
// urn:uuid:... derived deterministically from the municipality, the case
// number and the row (the same case exports to the same bundle), and every
// reference inside the bundle points at one of those fullUrls.

//
// Composed here from plain data (the case's rows as case_rows() gives
// them, the person, the rammeverk); reading them and auditing the export
// is process/fhir.cpp's.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/domain/stored_person.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

// OIDs of the Norwegian identifier systems (Direktoratet for e-helse).
inline constexpr std::string_view kOidFodselsnummer = "urn:oid:2.16.578.1.12.4.1.4.1";
inline constexpr std::string_view kOidDNummer = "urn:oid:2.16.578.1.12.4.1.4.2";
inline constexpr std::string_view kOidHNummer = "urn:oid:2.16.578.1.12.4.1.4.3";
// The tax authority's synthetic test numbers (month + 80) are exported under
// this system, never under a national OID (docs/case-export.md).
inline constexpr std::string_view kSysSyntheticNumber = "urn:oppteam:identifier:synthetic-personal-number";
// Code systems of our own that a receiving oppteam reads back (case receive).
inline constexpr const char* kSysReporterType = "urn:oppteam:reporter-type";
inline constexpr const char* kSysConsentScope = "urn:oppteam:consent-scope";
inline constexpr const char* kSysConsentForm = "urn:oppteam:consent-form";
inline constexpr const char* kSysObservation = "urn:oppteam:observation";
inline constexpr const char* kSysCase = "urn:oppteam:case";
inline constexpr const char* kSysTask = "urn:oppteam:task";
inline constexpr const char* kSysDecision = "urn:oppteam:decision-outcome";
inline constexpr const char* kSysEvaluationDecision = "urn:oppteam:evaluation-decision";
inline constexpr const char* kSysMunicipality = "urn:oppteam:municipality-number";
inline constexpr const char* kSysGoalNumber = "urn:oppteam:goal-number";

// A name-based UUID (RFC 9562 version 8, from SHA-256 of `name`) as urn:uuid:...
std::string deterministic_urn_uuid(std::string_view name);

// The case a bundle is about.
struct FhirCase {
  std::string number;
  bool closed = false;
  StoredPerson person;
};

// The bundle of case `c` built from `rows` (case_rows(), or a part of it:
// a list left out or null is simply not in the bundle).
nlohmann::json compose_fhir_bundle(const Rammeverk& rv, const FhirCase& c, const nlohmann::json& rows);

}  // namespace oppteam
