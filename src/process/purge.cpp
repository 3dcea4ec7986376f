#include <oppteam/process/purge.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/store/name_search.hpp>
#include <oppteam/process/cases.hpp>
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
    throw make_error(ExitCode::refused, "purge.retention", format_date(closed_before), ctx.rv.reports.retention_years,
                     format_date(limit));
  }
  PurgeResult result;
  result.closed_before = format_date(closed_before);
  result.dry_run = dry_run;
  auto& db = ctx.db;
  auto run = [&] {
    std::vector<std::int64_t> ids, owners;
    std::vector<bool> archived;
    std::set<std::int64_t> persons;
    std::vector<std::string> not_archived;
    {
      SQLite::Statement q(db.sql(),
                          "SELECT c.id, c.number, c.person_id, EXISTS (SELECT 1 FROM archive_export a WHERE a.case_id = c.id) "
                          "FROM case_file c WHERE " + closed_case_sql("c") + " AND c.closed_on < ? ORDER BY c.year, c.seq");
      q.bind(1, result.closed_before);
      while (q.executeStep()) {
        ids.push_back(q.getColumn(0).getInt64());
        result.cases.push_back(q.getColumn(1).getString());
        owners.push_back(q.getColumn(2).getInt64());
        archived.push_back(q.getColumn(3).getInt() != 0);
        if (!archived.back()) not_archived.push_back(result.cases.back());
        persons.insert(owners.back());
      }
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
    {
      SQLite::Statement q(db.sql(),
                          "SELECT COUNT(*) FROM case_file c WHERE c.person_id = ? AND NOT (" + closed_case_sql("c") +
                              " AND c.closed_on < ?)");
      for (auto p : persons) {
        q.bind(1, p);
        q.bind(2, result.closed_before);
        q.executeStep();
        if (q.getColumn(0).getInt64() == 0) ++result.persons_deleted;
        q.reset();
      }
    }
    if (dry_run) return;
    AuditWriter audit(db, ctx.clock, ctx.actor, ctx.rv.hash);
    SQLite::Statement del(db.sql(), "DELETE FROM case_file WHERE id = ?");
    // A person goes with their last case, in that case's entry.
    SQLite::Statement orphan(db.sql(), "DELETE FROM person WHERE id = ? AND NOT EXISTS (SELECT 1 FROM case_file WHERE person_id = ?)");
    // The imports that stored a case's referrals find it through them; the
    // purge entry keeps that link once the referrals are gone.
    SQLite::Statement imports(db.sql(), "SELECT DISTINCT audit_id FROM (" + import_entries_sql("?1") + ") ORDER BY 1");
    for (std::size_t i = 0; i < ids.size(); ++i) {
      std::string detail = "closed before " + result.closed_before;
      if (!archived[i]) detail += "; not archived (--force)";
      imports.bind(1, ids[i]);
      std::string entries;
      while (imports.executeStep()) entries += (entries.empty() ? "" : ", ") + std::string("#") + imports.getColumn(0).getString();
      imports.reset();
      if (!entries.empty()) detail += "; imported by audit entry " + entries;
      // The rows that go are sealed as deleted in the purge entry.
      audit.before_case(ids[i]);
      audit.before("person", owners[i]);
      del.bind(1, ids[i]);
      del.exec();
      del.reset();
      orphan.bind(1, owners[i]);
      orphan.bind(2, owners[i]);
      orphan.exec();
      orphan.reset();
      audit.append("purge", result.cases[i], "", detail);
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
