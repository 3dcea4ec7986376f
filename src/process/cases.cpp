#include <oppteam/process/cases.hpp>

#include <oppteam/util/dates.hpp>

namespace oppteam {

std::string closed_case_sql(std::string_view alias) {
  const std::string a(alias);
  return "(" + a + ".status = 'closed' AND " + a + ".closed_on IS NOT NULL)";
}

CaseRef find_case(Database& db, std::string_view number) {
  const CaseNumber n = CaseNumber::parse(number);
  return db.read_per_statement([&] {
    SQLite::Statement q(db.sql(),
                        "SELECT c.id, c.number, c.status, c.person_id, p.fnr, p.birth_date, c.opened_on "
                        "FROM case_file c JOIN person p ON p.id = c.person_id WHERE c.year = ? AND c.seq = ?");
    q.bind(1, n.year());
    q.bind(2, n.seq());
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "case.not_found", n.str());
    CaseRef c;
    c.id = q.getColumn(0).getInt64();
    c.number = q.getColumn(1).getString();
    c.status = q.getColumn(2).getString();
    c.person_id = q.getColumn(3).getInt64();
    c.fnr = q.getColumn(4).getString();
    c.birth_date = q.getColumn(5).getString();
    c.opened_on = q.getColumn(6).getString();
    return c;
  });
}

void check_consent_scope(const Rammeverk& rv, std::string_view scope) {
  if (scope == "utredning" || scope == "team" || scope == "ip" || scope == kScopeTransfer) return;
  if (scope.starts_with("deling:")) {
    auto service = scope.substr(7);
    if (rv.find_service(service)) return;
    throw make_error(ExitCode::usage, "consent.unknown_service", service);
  }
  throw make_error(ExitCode::usage, "consent.unknown_scope", scope);
}

bool consent_valid(Database& db, std::int64_t case_id, std::string_view scope, Date on) {
  return db.read_per_statement([&] {
    SQLite::Statement q(db.sql(),
                        "SELECT 1 FROM consent WHERE case_id = ? AND scope = ? AND given_on <= ? "
                        "AND (withdrawn_on IS NULL OR withdrawn_on > ?) LIMIT 1");
    const std::string day = format_date(on);
    q.bind(1, case_id);
    q.bind(2, std::string(scope));
    q.bind(3, day);
    q.bind(4, day);
    return q.executeStep();
  });
}

std::vector<std::string> sharing_services(Database& db, std::int64_t case_id, Date on) {
  return db.read_per_statement([&] {
    SQLite::Statement q(db.sql(),
                        "SELECT DISTINCT substr(scope, 8) FROM consent WHERE case_id = ? AND scope LIKE 'deling:%' "
                        "AND given_on <= ? AND (withdrawn_on IS NULL OR withdrawn_on > ?) ORDER BY 1");
    const std::string day = format_date(on);
    q.bind(1, case_id);
    q.bind(2, day);
    q.bind(3, day);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  });
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
