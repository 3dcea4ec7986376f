#include <oppteam/store/approval_store.hpp>

#include <oppteam/store/sql_values.hpp>

namespace oppteam {

namespace {

constexpr const char* kColumns =
    "SELECT what, ref, requested_on, requested_by, status, decided_on, decided_by, reason FROM approval ";

Approval read(sql::Row& r) {
  return {.what = r.stored(approval_what_from, "approval.what"), .ref = r.int64(), .requested_on = r.text(),
          .requested_by = r.text(), .status = r.stored(approval_status_from, "approval.status"), .decided_on = r.text(),
          .decided_by = r.text(), .reason = r.text()};
}

}  // namespace

void ApprovalStore::request(std::int64_t case_id, ApprovalWhat what, std::int64_t ref, const std::string& requested_on,
                            const std::string& requested_by) {
  sql::exec(db_, "DELETE FROM approval WHERE case_id = ? AND what = ? AND status = 'pending'", case_id, what);
  sql::exec(db_, "INSERT INTO approval (case_id, what, ref, requested_on, requested_by) VALUES (?, ?, ?, ?, ?)", case_id, what,
            ref, requested_on, requested_by);
}

std::optional<Approval> ApprovalStore::pending(std::int64_t case_id, ApprovalWhat what) {
  return sql::Query(db_, std::string(kColumns) + "WHERE case_id = ? AND what = ? AND status = 'pending'", case_id, what).first(read);
}

void ApprovalStore::decide(std::int64_t case_id, const Approval& a) {
  sql::exec(db_,
            "UPDATE approval SET status = ?, decided_on = ?, decided_by = ?, reason = ? "
            "WHERE case_id = ? AND what = ? AND status = 'pending'",
            a.status, a.decided_on, a.decided_by, sql::null_if_empty(a.reason), case_id, a.what);
}

std::vector<Approval> ApprovalStore::list(std::int64_t case_id) {
  return sql::Query(db_, std::string(kColumns) + "WHERE case_id = ? ORDER BY requested_on, id", case_id).all(read);
}

}  // namespace oppteam
