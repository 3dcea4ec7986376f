#include <oppteam/store/approval_store.hpp>

#include <oppteam/store/sql_values.hpp>
#include <oppteam/store/stored_enum.hpp>

namespace oppteam {

using sql::bind_text_or_null;
using sql::text_or_empty;

namespace {

constexpr const char* kColumns =
    "SELECT what, ref, requested_on, requested_by, status, decided_on, decided_by, reason FROM approval ";

Approval read(SQLite::Statement& q) {
  return {stored_enum(approval_what_from, "approval.what", q.getColumn(0).getString()), q.getColumn(1).getInt64(), q.getColumn(2).getString(), q.getColumn(3).getString(),
          stored_enum(approval_status_from, "approval.status", q.getColumn(4).getString()), text_or_empty(q, 5), text_or_empty(q, 6), text_or_empty(q, 7)};
}

}  // namespace

void ApprovalStore::request(std::int64_t case_id, ApprovalWhat what, std::int64_t ref, const std::string& requested_on,
                            const std::string& requested_by) {
  const std::string kind(to_stored(what));
  SQLite::Statement old(db_.sql(), "DELETE FROM approval WHERE case_id = ? AND what = ? AND status = 'pending'");
  old.bind(1, case_id);
  old.bind(2, kind);
  old.exec();
  SQLite::Statement ins(db_.sql(), "INSERT INTO approval (case_id, what, ref, requested_on, requested_by) VALUES (?, ?, ?, ?, ?)");
  ins.bind(1, case_id);
  ins.bind(2, kind);
  ins.bind(3, ref);
  ins.bind(4, requested_on);
  ins.bind(5, requested_by);
  ins.exec();
}

std::optional<Approval> ApprovalStore::pending(std::int64_t case_id, ApprovalWhat what) {
  SQLite::Statement q(db_.sql(), std::string(kColumns) + "WHERE case_id = ? AND what = ? AND status = 'pending'");
  q.bind(1, case_id);
  q.bind(2, std::string(to_stored(what)));
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

void ApprovalStore::decide(std::int64_t case_id, const Approval& a) {
  SQLite::Statement up(db_.sql(),
                       "UPDATE approval SET status = ?, decided_on = ?, decided_by = ?, reason = ? "
                       "WHERE case_id = ? AND what = ? AND status = 'pending'");
  up.bind(1, std::string(to_stored(a.status)));
  up.bind(2, a.decided_on);
  up.bind(3, a.decided_by);
  bind_text_or_null(up, 4, a.reason);
  up.bind(5, case_id);
  up.bind(6, std::string(to_stored(a.what)));
  up.exec();
}

std::vector<Approval> ApprovalStore::list(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), std::string(kColumns) + "WHERE case_id = ? ORDER BY requested_on, id");
  q.bind(1, case_id);
  std::vector<Approval> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

}  // namespace oppteam
