#include <oppteam/process/fhir.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/person_export.hpp>
#include <oppteam/store/person_store.hpp>


namespace oppteam {

nlohmann::json case_fhir_bundle(const Context& ctx, const CaseRef& c, const nlohmann::json& rows) {
  return ctx.db.read_per_statement([&] {
    const FhirCase fc{c.number, c.status == CaseStatus::closed, PersonStore(ctx.db).stored(c.person_id)};
    return compose_fhir_bundle(ctx.rv, fc, rows);
  });
}

nlohmann::json export_case_fhir(const Context& ctx, std::string_view number) {
  authorize(ctx, "case.export");
  const CaseRef c = find_case(ctx.db, number);
  return ctx.db.write([&] {
    nlohmann::json bundle = case_fhir_bundle(ctx, c, case_rows(ctx.db, c.id));
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "case.export", c.number, c.fnr,
                 audit_detail("case.export", "audit.d.fhir", {std::to_string(bundle["entry"].size())}));
    return bundle;
  });
}

}  // namespace oppteam
