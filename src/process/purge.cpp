#include <oppteam/process/purge.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/audit/import_entries.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/store/name_search.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/util/dates.hpp>

#include <fmt/format.h>

#include <chrono>
#include <set>

namespace oppteam {

Date purge_limit(const Rammeverk& rv, Date today) {
  using namespace std::chrono;
  if (rv.reports.retention_years <= 0) return today + days(1);
  year_month_day d(today);
  year_month_day back = (d.year() - years(rv.reports.retention_years)) / d.month() / d.day();
  if (!back.ok()) back = back.year() / back.month() / last;  // 29 February
  return sys_days(back);
}

PurgeResult purge_closed(const Context& ctx, Date closed_before, bool dry_run, bool force) {
  authorize(ctx, "purge");
  // From the real date, never --today: a date moved forward must not open
  // the retention period early (issue 13).
  const Date limit = purge_limit(ctx.rv, Clock().today());
  if (closed_before > limit) {
    throw make_error(ExitCode::refused, "purge.retention", long_date(closed_before, ctx.lang), ctx.rv.reports.retention_years,
                     long_date(limit, ctx.lang));
  }
  PurgeResult result;
  result.closed_before = format_date(closed_before);
  result.dry_run = dry_run;
  auto& db = ctx.db;
  auto run = [&] {
    CaseStore store(db);
    const std::vector<ClosedCase> closed = store.closed_before(result.closed_before);
    std::set<std::int64_t> persons;
    std::vector<std::string> not_archived;
    for (const auto& k : closed) {
      result.cases.push_back(k.number);
      if (!k.archived) not_archived.push_back(k.number);
      persons.insert(k.person_id);
    }
    // A case leaves the database only once the archive has it (arkivlova).
    result.not_archived = not_archived;
    if (!not_archived.empty() && !force && !dry_run) {
      std::string list;
      for (std::size_t i = 0; i < not_archived.size() && i < 10; ++i) list += (i ? ", " : "") + not_archived[i];
      if (not_archived.size() > 10) list += ", ...";
      throw make_error(ExitCode::refused, "purge.not_archived", not_archived.size(), list);
    }
    // Persons left with no case once these are gone.
    for (auto p : persons)
      if (!store.keeps_a_case(p, result.closed_before)) ++result.persons_deleted;
    if (dry_run) return;
    AuditWriter audit(db, ctx.clock, ctx.actor, ctx.rv.hash);
    for (const auto& k : closed) {
      // The imports that stored a case's referrals find it through them; the
      // purge entry keeps that link once the referrals are gone.
      std::string entries;
      for (const auto& e : import_entries_of_case(db, k.id)) entries += (entries.empty() ? "" : ", ") + std::string("#") + e;
      const std::string detail =
          entries.empty() ? audit_detail("purge", k.archived ? "audit.d.purged" : "audit.d.purged_unarchived", {result.closed_before})
                          : audit_detail("purge", k.archived ? "audit.d.purged_imported" : "audit.d.purged_unarchived_imported",
                                         {result.closed_before, entries});
      // The rows that go are sealed as deleted in the purge entry; a person
      // goes with their last case, in that case's entry.
      audit.before_case(k.id);
      audit.before("person", k.person_id);
      store.delete_case(k.id, k.person_id);
      audit.append("purge", k.number, "", detail);
    }
    audit.flush();
    if (result.persons_deleted > 0) name_index_after_delete(db);
  };
  if (dry_run) {
    db.read_per_statement(run);
  } else {
    db.write(run);
  }
  return result;
}

}  // namespace oppteam
