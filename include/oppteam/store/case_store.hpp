#pragma once
// The SQL of a case (case_file) and of what hangs on it that no other
// repository keeps: finding a case, its owner and target group with their
// history, its log, its corrections, its transfers, the closed cases a purge
// deletes, and the rows `case show` and `person export` read. Rows come
// back as domain values, plain structs or, for the documents whose JSON is
// the contract (`case show --json`, `person export`), as JSON rows keyed by
// column. No rule and no text for people here: those are the process's.

#include <oppteam/domain/case.hpp>
#include <oppteam/domain/case_number.hpp>
#include <oppteam/store/database.hpp>

#include <nlohmann/json.hpp>

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

// The one condition for "this case is closed" (and so may be archived and,
// once archived, purged), as an SQL condition on the case_file row
// `alias`: a case whose status is closed with a closing date.
std::string closed_case_sql(std::string_view alias);

// One case of `case list`, as the store gives it (reused from row to row).
struct CaseListRow {
  std::string number;
  CaseStatus status = CaseStatus::received;
  std::string opened_on, fnr;
  std::optional<std::string> name, owner;
  std::optional<std::string> reporter_types;  // comma-separated, distinct
  std::int64_t preliminary_replies = 0;
  std::optional<std::string> promised;  // latest expected_by of a foreløpig svar
};

struct CaseListQuery {
  std::optional<CaseStatus> status;  // none: any
  std::string reporter_type;   // or empty
  std::optional<std::string> opened_from, opened_to;  // ISO
  std::string owner;           // or empty
  bool unassigned = false;
  std::string name_match;      // the trigram index's query (name_index_query), or empty
};

// A closed case a purge finds.
struct ClosedCase {
  std::int64_t id = 0;
  std::string number;
  std::int64_t person_id = 0;
  bool archived = false;
};

// One row of case_transfer.
struct TransferRow {
  std::string direction;  // out | in
  std::string municipality, municipality_number, remote_case, bundle_sha256, file, history, transferred_on, transferred_by;
};

// A row of case_transfer to store.
struct NewTransfer {
  std::string direction;  // out | in
  std::string municipality, bundle_sha256, on, at, by;
  std::optional<std::string> municipality_number, remote_case, file, history;  // nothing: NULL
};

// A consent as a voiding reads it.
struct ConsentToVoid {
  std::string given_on, withdrawn_on, scope;  // withdrawn_on "" when not withdrawn
  bool voided = false;
};

class CaseStore {
 public:
  explicit CaseStore(Database& db) : db_(db) {}

  // The case numbered `n` with its person's number and birth date. A
  // stored status of no known value is a storage failure (65, store.bad_value).
  std::optional<CaseRef> find(const CaseNumber& n);

  // case_file's status: set (a decision, a team created), closed on `on` for
  // `reason`, and back to `status` with closed_on and close_reason cleared.
  void set_status(std::int64_t case_id, CaseStatus status);
  void close(std::int64_t case_id, const std::string& on, const std::string& reason);
  void reopen(std::int64_t case_id, CaseStatus status);

  // True when the case has a consent for `scope` given on or before `day`
  // and not withdrawn by then.
  bool consent_holds(std::int64_t case_id, std::string_view scope, const std::string& day);
  // The services of the case's deling: consents holding on `day`, sorted.
  std::vector<std::string> sharing_services(std::int64_t case_id, const std::string& day);

  // case_file's owner or target group ("" when none), and setting it.
  enum class Field { owner, target_group };
  std::string value(std::int64_t case_id, Field field);
  void set_value(std::int64_t case_id, Field field, const std::string& value);
  // The history of both.
  void add_owner(std::int64_t case_id, const std::string& owner, const std::string& on, const std::string& by);
  void add_target_group(std::int64_t case_id, const std::string& target_group, std::string_view step, const std::string& on,
                        const std::string& by);

  // The case log: a new entry (returns its id) and the entries, newest first.
  std::int64_t add_log(std::int64_t case_id, const LogEntry& e);
  std::vector<LogEntry> log(std::int64_t case_id);

  // Corrections (table correction): one change kept, and a column (ours,
  // never input) of row `id` of `table` set (nothing: NULL).
  // Returns the correction's id.
  std::int64_t add_correction(std::optional<std::int64_t> case_id, std::int64_t person_id, std::string_view object,
                              std::int64_t object_id, const std::string& field, const std::string& before,
                              const std::string& after, const std::string& reason, const std::string& on,
                              const std::string& by);
  void set_column(std::string_view table, std::int64_t id, std::string_view column, const std::optional<std::string>& value);
  // A referral's need, received_on, reporter_type and reporter_name ("" for NULL); nothing when the case has no such referral.
  std::optional<std::vector<std::string>> referral_fields(std::int64_t case_id, std::int64_t referral_id);
  // The case's opened date set to its first referral's.
  void reopen_on_first_referral(std::int64_t case_id);
  std::optional<ConsentToVoid> consent_to_void(std::int64_t case_id, std::int64_t consent_id);
  // Withdrawn on the day it was given; a real withdrawal keeps its who and why.
  void void_consent(std::int64_t consent_id, const std::string& by, const std::string& reason);
  // Whether assessment `id` of the case is voided; nothing when there is no such assessment.
  std::optional<bool> assessment_voided(std::int64_t case_id, std::int64_t assessment_id);

  // Transfers: a case sent (out) or received (in).
  void add_transfer(std::int64_t case_id, const NewTransfer& t);
  // A bundle received before (same digest, or same sending municipality and case): its case number and day.
  std::optional<std::pair<std::string, std::string>> received_before(const std::string& sha256, const std::string& from_number,
                                                                      const std::string& remote_case);
  std::vector<TransferRow> transfers(std::int64_t case_id);

  // `case list`: each matching case in number order, given to `row`, one
  // row reused for all (`row` may move its values out).
  void list(const CaseListQuery& q, const std::function<void(CaseListRow&)>& row);

  // The closed cases with a closing day before `day`, in number order.
  std::vector<ClosedCase> closed_before(const std::string& day);
  // True when the person has a case that is not closed before `day`.
  bool keeps_a_case(std::int64_t person_id, const std::string& day);
  // Deletes the case (its rows go with it) and then its person when left with no case.
  void delete_case(std::int64_t case_id, std::int64_t person_id);

  // The rows `case show` reads, keyed as its document names them.
  nlohmann::json file_row(std::int64_t case_id);  // opened_on, target_group, closed_on, close_reason, owner
  nlohmann::json referral_rows(std::int64_t case_id);
  std::vector<std::pair<std::string, std::int64_t>> voided(std::int64_t case_id);  // (object, id) voided by a correction
  nlohmann::json assessment_rows(std::int64_t case_id);
  std::vector<std::string> what_matters(std::int64_t case_id);
  nlohmann::json decision_row(std::int64_t case_id);  // null when none
  nlohmann::json preliminary_reply_rows(std::int64_t case_id);
  nlohmann::json team_row(std::int64_t case_id);  // null when none; with members and history
  // null when none; `goal_state_sql` and `goal_note_sql` are the plan's expressions of a goal's state and note.
  nlohmann::json plan_row(std::int64_t case_id, std::string_view goal_state_sql, std::string_view goal_note_sql);
  nlohmann::json evaluation_rows(std::int64_t case_id);
  nlohmann::json owner_rows(std::int64_t case_id);
  nlohmann::json correction_rows(std::int64_t case_id);  // the case's and its person's own
  nlohmann::json goal_status_rows(std::int64_t case_id);
  nlohmann::json target_group_rows(std::int64_t case_id);
  nlohmann::json closing_rows(std::int64_t case_id);
  nlohmann::json replaced_decision_rows(std::int64_t case_id);

  // Every row of the case in every table, each as stored (column -> value):
  // `person export` and the transfer's bundle.
  nlohmann::json export_rows(std::int64_t case_id);

 private:
  Database& db_;
};

// A fixed query's rows (table and column names in the text are ours; `id`
// is bound to every parameter), each as an object keyed by `names`; the
// columns numbered in `json_columns` hold JSON text and are parsed.
nlohmann::json json_rows(Database& db, const std::string& sql, std::int64_t id, const std::vector<const char*>& names,
                         const std::vector<int>& json_columns = {});
// The same keyed by the columns' own names (SELECT *).
nlohmann::json json_rows_as_stored(Database& db, const std::string& sql, std::int64_t id);
// The statement's current row keyed by its columns' names.
nlohmann::json row_as_stored(SQLite::Statement& q);

}  // namespace oppteam
