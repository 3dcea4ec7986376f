#include <oppteam/process/case_view.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/process/appeal.hpp>
#include <oppteam/process/guardian.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/collate.hpp>
#include <oppteam/process/approval.hpp>
#include <oppteam/process/case_log.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/store/name_search.hpp>
#include <oppteam/store/person_store.hpp>
#include <oppteam/process/consent.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/plan.hpp>
#include <oppteam/process/transfer.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/json_text.hpp>

#include <set>

namespace oppteam {

namespace {

using nlohmann::json;

}  // namespace

nlohmann::json show_case(const Context& ctx, std::string_view case_number) {
  authorize_some(ctx, "case.read");
  return ctx.db.write([&] {
    Database& db = ctx.db;
    const CaseRef c = authorize_case(ctx, "case.read", case_number);
    const Date today = ctx.today();
    CaseStore store(db);
    json doc = store.file_row(c.id);
    doc["case"] = c.number;
    doc["status"] = std::string(to_stored(c.status));
    {
      json p = PersonStore(db).shown(c.person_id);
      if (auto b = try_parse_date(c.birth_date)) p["age"] = years_between(*b, today);
      doc["person"] = p;
    }
    doc["referrals"] = store.referral_rows(c.id);
    for (auto& r : doc["referrals"]) {
      r["reporter_type_label"] = label_of(ctx.rv.reporter_types, json_text(r["reporter_type"]), ctx.lang);
    }
    if (doc["target_group"].is_string()) {
      doc["target_group_label"] = label_of(ctx.rv.target_groups, doc["target_group"].get<std::string>(), ctx.lang);
    }
    json consents = json::array();
    for (const auto& r : read_consents(db, c.id, today)) {
      consents.push_back({{"id", r.id}, {"scope", r.scope}, {"form", r.form}, {"given_by", r.given_by},
                          {"giver_name", r.giver_name.empty() ? json(nullptr) : json(r.giver_name)},
                          {"reason", r.reason.empty() ? json(nullptr) : json(r.reason)},
                          {"document_ref", r.document_ref.empty() ? json(nullptr) : json(r.document_ref)},
                          {"given_on", r.given_on}, {"recorded_by", r.recorded_by}, {"recorded_at", r.recorded_at},
                          {"withdrawn_on", r.withdrawn_on.empty() ? json(nullptr) : json(r.withdrawn_on)},
                          {"withdrawn_by", r.withdrawn_by.empty() ? json(nullptr) : json(r.withdrawn_by)},
                          {"withdraw_reason", r.withdraw_reason.empty() ? json(nullptr) : json(r.withdraw_reason)},
                          {"valid", r.valid}});
    }
    // Consents and assessments voided as entered in error (issue 14).
    std::set<std::pair<std::string, std::int64_t>> voided;
    for (auto& v : store.voided(c.id)) voided.insert(std::move(v));
    for (auto& k : consents) {
      k["voided"] = voided.count({"consent", k["id"].get<std::int64_t>()}) > 0;
      k["scope_label"] = consent_scope_label(ctx, k["scope"].get<std::string>());
    }
    doc["consents"] = consents;
    json declines = json::array();
    for (const auto& x : read_declines(db, c.id))
      declines.push_back({{"scope", x.scope}, {"form", x.form}, {"declined_by", x.declined_by},
                          {"name", x.name.empty() ? json(nullptr) : json(x.name)},
                          {"note", x.note.empty() ? json(nullptr) : json(x.note)}, {"declined_on", x.declined_on},
                          {"recorded_by", x.recorded_by}});
    doc["declines"] = declines;
    doc["assessments"] = store.assessment_rows(c.id);
    for (auto& a : doc["assessments"]) a["voided"] = voided.count({"assessment", a["id"].get<std::int64_t>()}) > 0;
    {
      json professions = json::array();
      std::set<std::string> seen;
      for (const auto& a : doc["assessments"])
        if (seen.insert(json_text(a["profession"])).second) professions.push_back(a["profession"]);
      doc["assessment_professions"] = professions;
    }
    doc["what_matters"] = store.what_matters(c.id);
    doc["decision"] = store.decision_row(c.id);
    doc["preliminary_replies"] = store.preliminary_reply_rows(c.id);
    if (auto opened = try_parse_date(c.opened_on)) {
      std::optional<Date> promised;
      for (const auto& pr : doc["preliminary_replies"])
        if (auto d = try_parse_date(pr["expected_by"].get<std::string>()); d && (!promised || *d > *promised)) promised = d;
      doc["deadlines"] = {{"preliminary_reply", format_date(preliminary_reply_due(ctx.rv, *opened))},
                          {"decision", format_date(decision_due(ctx.rv, *opened, promised))}};
    }
    doc["team"] = store.team_row(c.id);
    if (!doc["team"].is_null())
      for (auto* list : {&doc["team"]["members"], &doc["team"]["history"]})
        for (auto& m : *list) {
          m["role_label"] = label_of(ctx.rv.roles, json_text(m["role"]), ctx.lang);
          const auto* svc = ctx.rv.find_service(json_text(m["service"]));
          m["service_label"] = svc && !svc->label.empty() ? json(svc->shown(ctx.lang)) : m["service"];
        }
    doc["plan"] = store.plan_row(c.id, kGoalStateSql, kGoalNoteSql);
    if (!doc["plan"].is_null())
      for (auto& m : doc["plan"]["measures"]) m["overdue"] = measure_overdue(json_text(m["status"]), json_text(m["due"]), today);
    doc["evaluations"] = store.evaluation_rows(c.id);
    doc["owners"] = store.owner_rows(c.id);
    doc["corrections"] = store.correction_rows(c.id);
    doc["goal_statuses"] = store.goal_status_rows(c.id);
    doc["target_groups"] = store.target_group_rows(c.id);
    doc["closings"] = store.closing_rows(c.id);
    for (auto& cl : doc["closings"]) {
      cl["reason_label"] = label_of(ctx.rv.closing_reasons, json_text(cl["reason"]), ctx.lang);
    }
    {
      // Appeals (klage) with their steps, the decisions they replaced, and
      // the person's foresatte and verge (issue 14, points 3 and 8).
      json appeals = json::array();
      for (const auto& a : read_appeals(ctx, c.id)) appeals.push_back(to_json(a));
      doc["appeals"] = appeals;
      doc["replaced_decisions"] = store.replaced_decision_rows(c.id);
      json guardians = json::array();
      for (const auto& g : read_guardians(db, c.person_id))
        guardians.push_back({{"kind", std::string(to_stored(g.kind))}, {"name", g.name}, {"address", g.address.empty() ? json() : json(g.address)},
                             {"added_on", g.added_on}, {"added_by", g.added_by},
                             {"ended_on", g.ended_on.empty() ? json() : json(g.ended_on)},
                             {"ended_by", g.ended_by.empty() ? json() : json(g.ended_by)}});
      doc["guardians"] = guardians;
    }
    {
      json log = json::array();
      for (const auto& e : read_log(db, c.id)) log.push_back(to_json(e));  // newest first
      doc["log"] = log;
      json approvals = json::array();
      for (const auto& a : approvals_of(db, c.id)) approvals.push_back(to_json(a));
      doc["approvals"] = approvals;
    }
    {
      // Issue 19: where the case went, and the history received from another municipality.
      json moves = case_transfers(db, c.id);
      doc["transfers"] = moves["transfers"];
      doc["received"] = moves["received"];
      doc["received_from"] = moves["received"].empty() ? json(nullptr) : moves["received"].back()["received_from"];
    }
    AuditWriter audit(db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("case.show", c.number, c.fnr, "");
    audit.flush();
    return doc;
  });
}

nlohmann::json list_cases(const Context& ctx, const CaseFilter& f) {
  authorize(ctx, "case.read");
  if (!f.reporter_type.empty() && !ctx.rv.find_reporter_type(f.reporter_type))
    throw make_error(ExitCode::usage, "case.bad_reporter_type", f.reporter_type);
  // A name of three characters or more is looked up in the trigram index
  // (person_name_search, schema 13) instead of read from every person; the
  // index gives candidates, contains_folded() below decides.
  const std::string name_query = name_index_query(f.name);
  const bool by_index = !name_query.empty();
  return ctx.db.write([&] {
    const Date today = ctx.today();
    if (by_index) bring_name_index_up_to_date(ctx.db);
    CaseListQuery query;
    query.status = f.status;
    query.reporter_type = f.reporter_type;
    if (f.received_from) query.opened_from = format_date(*f.received_from);
    if (f.received_to) query.opened_to = format_date(*f.received_to);
    query.owner = f.owner;
    query.unassigned = f.unassigned;
    query.name_match = name_query;
    json cases = json::array();
    std::size_t total = 0;
    CaseStore(ctx.db).list(query, [&](CaseListRow& row) {
      if (!f.name.empty() && (!row.name || !contains_folded(*row.name, f.name))) return;
      json c;
      // The row's texts are moved into the document, as the store reads the next row afresh.
      c["case"] = std::move(row.number);
      c["status"] = std::string(to_stored(row.status));
      c["received"] = row.opened_on;
      c["fnr"] = std::move(row.fnr);
      c["name"] = row.name ? json(std::move(*row.name)) : json(nullptr);
      c["owner"] = row.owner ? json(std::move(*row.owner)) : json(nullptr);
      json types = json::array();
      if (row.reporter_types) {
        const std::string& s = *row.reporter_types;
        for (std::size_t start = 0; start <= s.size();) {
          auto comma = s.find(',', start);
          if (comma == std::string::npos) comma = s.size();
          types.push_back(s.substr(start, comma - start));
          start = comma + 1;
        }
      }
      c["reporter_types"] = types;
      json overdue = nullptr;
      c["decision_due"] = nullptr;
      c["deadline"] = nullptr;
      if (row.status == CaseStatus::received) {
        if (auto opened = try_parse_date(row.opened_on)) {
          std::optional<Date> promised;
          if (row.promised) promised = try_parse_date(*row.promised);
          c["decision_due"] = format_date(decision_due(ctx.rv, *opened, promised));
          const CaseDeadline next = case_deadline(ctx.rv, *opened, row.preliminary_replies > 0, promised, today);
          const char* kind = next.kind == CaseDeadline::decision ? "decision" : "preliminary_reply";
          c["deadline"] = {{"kind", kind}, {"date", format_date(next.date)}, {"overdue", next.overdue}};
          if (next.overdue) overdue = kind;
        }
      }
      c["overdue"] = overdue;
      if (f.overdue && overdue.is_null()) return;
      ++total;
      if (f.limit && cases.size() >= f.limit) return;  // counted, not shown
      cases.push_back(std::move(c));
    });
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("case.list", "", "", audit_detail("case.list", "audit.d.cases", {std::to_string(cases.size())}));
    // A search by name looks for someone: each person it shows is a read of that person.
    if (!f.name.empty()) {
      const std::string detail = audit_detail("case.list", "audit.d.name_search", {});
      for (const auto& c : cases) audit.append("case.list", c["case"].get<std::string>(), c["fnr"].get<std::string>(), detail);
    }
    audit.flush();
    return json{{"cases", cases}, {"total", total}, {"left_out", total - cases.size()}};
  });
}

}  // namespace oppteam
