#include <oppteam/process/person_export.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/store/person_store.hpp>


namespace oppteam {

nlohmann::json case_rows(Database& db, std::int64_t case_id) { return CaseStore(db).export_rows(case_id); }

nlohmann::json export_person(const Context& ctx, const std::string& fnr) {
  authorize(ctx, "person.export");
  auto& db = ctx.db;
  return db.write([&] {
    PersonStore store(db);
    const nlohmann::json person = store.export_person(fnr);
    if (person.is_null()) throw make_error(ExitCode::not_found, "person.not_found", fnr);
    const std::int64_t person_id = person["id"].get<std::int64_t>();

    nlohmann::json cases = nlohmann::json::array();
    for (const std::int64_t id : store.case_ids(person_id)) cases.push_back(case_rows(db, id));

    // The audit entries about the person, as `audit log --person` lists them.
    nlohmann::json audit = nlohmann::json::array();
    AuditFilter about;
    about.person = fnr;
    for (const auto& e : audit_list(db, about))
      audit.push_back({{"id", e.id}, {"at", e.at}, {"acted_on", e.acted_on}, {"actor", e.actor}, {"action", e.action}, {"object", e.object}, {"detail", e.detail}});
    audit_record(db, ctx.clock, ctx.actor, ctx.rv.hash, "person.export", "", fnr, audit_detail("person.export", "audit.d.cases", {std::to_string(cases.size())}));
    const nlohmann::json corrections = store.export_corrections(person_id);
    const nlohmann::json guardians = store.export_guardians(person_id);
    return nlohmann::json{{"person", person}, {"corrections", corrections}, {"guardians", guardians}, {"cases", cases}, {"audit", audit},
                          {"exported_on", ctx.clock.now_timestamp()}, {"exported_by", ctx.actor}};
  });
}

}  // namespace oppteam
