#pragma once
// The person's right of access (innsyn): everything stored about a person,
// every case with all its rows, and the audit entries about them (who read
// or changed what, and when). The export itself is audited.

#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace oppteam {

// Every stored row of one case, column by column, grouped by table:
// {"case": {...}, "referrals": [...], "consents": [...], "assessments": [...],
//  "what_matters": [...], "decision": {...}|null, "preliminary_replies": [...],
//  "team": {...}|null, "team_members": [...], "plan": {...}|null,
//  "plan_revisions": [...], "goals": [...], "measures": [...],
//  "evaluations": [...] (each with "indicators": [...])}. Does not audit.
nlohmann::json case_rows(Database& db, std::int64_t case_id);

// The whole export for the person with personal number `fnr` (already
// validated): {"person": {...}, "cases": [...], "audit": [...]}. Exit 1 when
// no person has that number. Appends "person.export" to the audit log.
nlohmann::json export_person(const Context& ctx, const std::string& fnr);

}  // namespace oppteam
