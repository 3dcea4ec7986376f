#pragma once
// Exporting a case as an HL7 FHIR R4 Bundle: the reads and the audit entry.
// The bundle itself is composed by documents/fhir.hpp (what it holds is
// described there).

#include <oppteam/documents/fhir.hpp>
#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <string_view>

namespace oppteam {

struct CaseRef;

// The bundle of case `c` built from `rows` (case_rows(), or a part of it:
// a list left out or null is simply not in the bundle). Does not audit.
nlohmann::json case_fhir_bundle(const Context& ctx, const CaseRef& c, const nlohmann::json& rows);

// The bundle for case `number` (exit 65 malformed, 1 absent). Appends
// "case.export" to the audit log in the same transaction as the reads.
nlohmann::json export_case_fhir(const Context& ctx, std::string_view number);

}  // namespace oppteam
