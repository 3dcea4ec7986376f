#include <oppteam/process/cases.hpp>

#include <oppteam/store/case_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/nearest.hpp>

namespace oppteam {

std::string status_text(const Context& ctx, CaseStatus status) { return tr(ctx.lang, "case.status." + std::string(to_stored(status))); }

// A decision's outcome in words: the status it gives its case (granted, refused).
std::string status_text(const Context& ctx, DecisionOutcome outcome) {
  return tr(ctx.lang, "case.status." + std::string(to_stored(outcome)));
}
std::string status_text(const Context& ctx, TeamStatus status) { return tr(ctx.lang, "team.status_" + std::string(to_stored(status))); }

CaseRef find_case(Database& db, std::string_view number) {
  const CaseNumber n = CaseNumber::parse(number);
  auto c = CaseStore(db).find(n);
  if (!c) throw make_error(ExitCode::not_found, "case.not_found", n.str());
  return std::move(*c);
}

void check_consent_scope(const Rammeverk& rv, std::string_view scope) {
  if (scope == "utredning" || scope == "team" || scope == "ip" || scope == kScopeTransfer) return;
  if (scope.starts_with("deling:")) {
    auto service = scope.substr(7);
    if (rv.find_service(service)) return;
    throw unknown_value("consent.unknown_service", {std::string(service)}, service, entry_ids(rv.services), true);
  }
  throw make_error(ExitCode::usage, "consent.unknown_scope", scope);
}

bool consent_valid(Database& db, std::int64_t case_id, std::string_view scope, Date on) {
  return CaseStore(db).consent_holds(case_id, scope, format_date(on));
}

std::vector<std::string> sharing_services(Database& db, std::int64_t case_id, Date on) {
  return CaseStore(db).sharing_services(case_id, format_date(on));
}

std::string_view consent_scope_for(std::string_view action) {
  if (action == "assess") return "utredning";
  return "team";
}

void require_consent_for(const Context& ctx, const CaseRef& c, std::string_view action) {
  if (!ctx.rv.consent_required_for(action)) return;
  const auto scope = consent_scope_for(action);
  if (!consent_valid(ctx.db, c.id, scope, ctx.today()))
    throw make_error(ExitCode::refused, "rule.consent_required", c.number, scope, action);
}

}  // namespace oppteam
