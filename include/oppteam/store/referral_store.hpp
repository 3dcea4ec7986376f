#pragma once
// The SQL that stores referrals a batch at a time (refer import: 8192 rows
// a batch; refer add: a batch of one): one INSERT ... SELECT per table reads
// the batch in place (RowSource), instead of a handful of statements per
// row; only a person already in the store costs statements of its own.
// The rules (which case a referral joins, how cases are numbered, what is a
// re-send) are the referral process's (src/process/referral_batch.cpp);
// this class owns the prepared statements and runs them.

#include <oppteam/domain/case.hpp>
#include <oppteam/store/row_source.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace oppteam {

class ReferralStore {
 public:
  // The columns of a batch's rows, in the order a RowSource given to this
  // store gives them.
  enum Column : std::size_t {
    kSender,        // NULL when the row has no external_id
    kExternalId,    // NULL when none
    kFnr,
    kKind,
    kBirthDate,
    kName,          // NULL when none
    kReporterType,
    kReporterName,  // NULL when none
    kReceived,
    kNeed,
    kHash,
    kPersonId,
    kCaseId,
    kCaseNumber,
    kYear,
    kSeq,
    kReferralId,
    kTargetGroup,  // NULL when none
    kColumns
  };

  // What insert_persons() and insert_referrals() store in a new row, in
  // the order of the table's sealed columns after its id (audit_log.cpp's
  // kAuditedTables): the batch's columns, `now` and the actor. An import
  // seals its rows from these values (RangeSeal, ImportSeals); `audit
  // verify` finds any value that differs from the row stored.
  enum class Stored { kNow, kActor };
  using SealValue = std::variant<Column, Stored>;
  static constexpr std::array<SealValue, 5> kPersonSealed{kFnr, kKind, kBirthDate, kName, Stored::kNow};
  static constexpr std::array<SealValue, 10> kReferralSealed{
      kCaseId, kSender, kExternalId, kReporterType, kReporterName, kReceived, kNeed, kHash, Stored::kNow, Stored::kActor};

  // Registers the batch's table function on `db` and prepares the statements.
  explicit ReferralStore(SQLite::Database& db);
  ReferralStore(const ReferralStore&) = delete;
  ReferralStore& operator=(const ReferralStore&) = delete;

  struct NextIds {
    std::int64_t person = 0;    // the id the next new person gets
    std::int64_t referral = 0;  // above every referral there is and every one an import ever stored
  };
  NextIds next_ids();

  // Whether any referral of `sender` with an external_id is stored.
  bool any_sent(std::string_view sender);
  // Calls found(external_id) for each referral of `sender` with one.
  template <typename Found>
  void each_external_id(std::string_view sender, Found&& found) {
    SQLite::Statement q(db_, "SELECT external_id FROM referral WHERE sender = ? AND external_id IS NOT NULL");
    q.bind(1, std::string(sender));
    while (q.executeStep()) {
      const SQLite::Column c = q.getColumn(0);
      found(std::string_view(static_cast<const char*>(c.getBlob()), std::size_t(c.getBytes())));
    }
  }

  // For each row whose sender and external_id are stored already:
  // found(row, stored content hash, the case number it joined).
  template <typename Found>
  void each_sent(const RowSource& rows, Found&& found) {
    auto& q = sent_;
    q.reset();
    q.bind_rows(1, rows);
    while (q.step()) found(std::size_t(q.column_int64(0)), q.column_text(1), q.column_text(2));
  }

  // Inserts a person for each row whose number is not stored yet (the rows
  // hold each number once): inserted(person id, fnr) for each one. `now`
  // must stay valid until the next call.
  template <typename Inserted>
  void insert_persons(const RowSource& rows, std::string_view now, Inserted&& inserted) {
    auto& q = insert_persons_;
    q.reset();
    q.bind_rows(1, rows);
    q.bind_text(2, now);
    while (q.step()) inserted(q.column_int64(0), q.column_text(1));
  }

  // For each row whose number is stored: found(row, person id, whether the
  // person has a name).
  template <typename Found>
  void each_person(const RowSource& rows, Found&& found) {
    auto& q = person_ids_;
    q.reset();
    q.bind_rows(1, rows);
    while (q.step()) found(std::size_t(q.column_int64(0)), q.column_int64(1), q.column_int64(2) != 0);
  }

  // A case (status received) for each row, with its id, number and target group.
  void insert_cases(const RowSource& rows);
  // The target group history of each row that has one (step 'import').
  void insert_target_groups(const RowSource& rows, std::string_view actor);
  // A referral for each row, with its id. `now` and `actor` must stay valid
  // until the next call.
  void insert_referrals(const RowSource& rows, std::string_view now, std::string_view actor);

  // The person's newest open case (received, granted or active) into
  // `id`, `number` and `status`; false when there is none.
  bool open_case(std::int64_t person_id, std::int64_t& id, std::string& number, CaseStatus& status);
  // Names a person who had no name.
  void name_person(std::int64_t person_id, const std::string& name);
  // The highest case id there is (0 when none).
  std::int64_t max_case_id();
  // The next number of a year: above every case there is and every one given before.
  int next_case_seq(int year);
  // Records `last_seq` as given in `year` (the sequence, which purge never lowers, only rises).
  void raise_case_sequence(int year, int last_seq);

 private:
  // The INSERTs say OR FAIL: with the default (ABORT) SQLite keeps a
  // statement journal so that a failing statement can undo itself alone,
  // copying every page a batch touches first (a sixth of the import's CPU).
  // Any error here ends the whole transaction anyway (Database::write rolls
  // it back), so nothing relies on a statement undoing itself.
  SQLite::Database& db_;
  RowStatement sent_, insert_persons_, person_ids_, insert_cases_, insert_referrals_, insert_target_groups_;
  SQLite::Statement name_, open_case_, max_case_, next_seq_, case_sequence_, next_ids_, any_sent_;
};

}  // namespace oppteam
