#pragma once
// Retention: deleting closed cases. A case is deleted with every row that
// belongs to it (ON DELETE CASCADE), and its person when no case remains
// for them. Audit entries are never deleted: each purged case gets one new
// entry naming the case number only, so the chain stays verifiable.
//
// The rammeverk's [reports] retention_years, when above 0, is the minimum
// time a closed case is kept: a purge whose --closed-before date is later
// than today minus that many years is refused (exit 2), and nothing is
// deleted. There is no override: change the rammeverk to change the rule.

#include <oppteam/process/context.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace oppteam {

struct PurgeResult {
  std::string closed_before;          // ISO date
  bool dry_run = false;
  std::vector<std::string> cases;     // case numbers deleted (or that would be)
  std::int64_t persons_deleted = 0;   // (or that would be)
  std::vector<std::string> not_archived;  // of `cases`, those never exported to the archive
};

// The latest --closed-before date the retention period allows on `today`
// (today minus retention_years; `today` + 1 day when no period is set).
Date purge_limit(const Rammeverk& rv, Date today);

// Deletes (or with dry_run only lists) the closed cases (closed_case_sql)
// with closed_on before `closed_before`, in one transaction. Exit 2 when
// one of them has not been archived (`archive export`) unless `force`; the
// purge entry of a case deleted so says it was not archived.
PurgeResult purge_closed(const Context& ctx, Date closed_before, bool dry_run, bool force = false);

}  // namespace oppteam
