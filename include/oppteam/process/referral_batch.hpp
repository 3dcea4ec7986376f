#pragma once
// Referrals on their way into the store, a batch at a time (refer import:
// ReferralBatch::kCapacity rows; refer add: one). The rules of storing
// them live here: what is a re-send (duplicate) or a conflict, which case a
// referral joins (the person's open case) or opens (numbered in the year of
// its received date), which persons get a name. The SQL is ReferralStore's
// (include/oppteam/store/referral_store.hpp).

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/domain/case.hpp>
#include <oppteam/domain/personal_number.hpp>
#include <oppteam/io/import_format.hpp>
#include <oppteam/process/context.hpp>
#include <oppteam/store/referral_store.hpp>
#include <oppteam/store/row_source.hpp>
#include <oppteam/util/bloom_filter.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace oppteam {

// A referral on its way into the store. Rows are reused from batch to
// batch, so their strings keep their capacity.
struct PendingReferral {
  // as read (an import keeps the row's text for a rejects file)
  std::size_t line = 0;
  std::string raw;
  bool malformed = false;
  std::vector<io::RowProblem> problems;  // not empty: the row is rejected before it reaches the store
  // validated and normalised
  std::string sender, external_id, fnr, kind, birth_date, name, reporter_type, reporter_name, received, need, hash;
  std::string target_group;  // the target group's id, or "" (the import's target_group column)
  int year = 0;  // of the received date
  // what the store made of it
  enum class Outcome { fresh, duplicate, conflict } outcome = Outcome::fresh;
  std::string case_number;  // the case it joined or opened; for a duplicate or conflict, the earlier referral's
  std::size_t first_row = 0;     // the batch's first row of the same personal number (store())
  std::size_t earlier_line = 0;  // a duplicate or conflict of a row earlier in the same batch: its line
  CaseStatus status = CaseStatus::received;  // of the case it joined or opened
  std::int64_t person_id = 0, case_id = 0, referral_id = 0;
  int seq = 0;
  bool new_person = false, new_case = false, named = false;

  bool storable() const { return problems.empty() && outcome == Outcome::fresh; }
};

// Makes a row used before ready to be filled again; its strings keep their
// capacity. (Inline: the import's reading thread calls it for every row.)
inline PendingReferral& reuse(PendingReferral& r) {
  r.problems.clear();
  r.outcome = PendingReferral::Outcome::fresh;
  r.earlier_line = 0;
  r.new_person = r.new_case = r.named = false;
  r.person_id = r.case_id = r.referral_id = 0;
  r.target_group.clear();
  return r;
}

// Completes a row whose fields have been checked: the normalised number,
// what follows from it, and the content hash.
void complete(PendingReferral& p, const PersonalNumber& pnr, Date received);

// The seals of the persons and referrals an import stored, made from the
// rows as ReferralBatch::store() left them, a batch at a time in the order
// they were stored (their ids ascend), on a thread of the import's own
// (import_pipeline.cpp). A person named after it was sealed makes the
// persons' seal stale: ReferralBatch::named_new_person().
class ImportSeals {
 public:
  ImportSeals(std::string now, std::string actor) : now_(std::move(now)), actor_(std::move(actor)) {}
  // Rows rows[0..size) of a batch: those store() stored.
  void add(const PendingReferral* rows, std::size_t size);
  RangeSeal persons{"person"}, referrals{"referral"};

 private:
  template <std::size_t N>
  void seal(RangeSeal& seal, std::int64_t id, const PendingReferral& r, const std::array<ReferralStore::SealValue, N>& sealed);
  std::string now_, actor_;
  std::vector<std::pair<std::int64_t, std::size_t>> new_persons_;  // (id, row) of a batch's new persons
};

class ReferralBatch final : public RowSource {
 public:
  static constexpr std::size_t kCapacity = 8192;

  // `audit` seals the rows of persons known before that get a name here.
  // Room is kept for `capacity` rows; each is made when first filled.
  ReferralBatch(const Context& ctx, AuditWriter& audit, std::size_t capacity = kCapacity);

  // The persons this batch's command stored: ids first_new_person()..last_new_person().
  std::int64_t first_new_person() const { return first_new_person_; }
  std::int64_t last_new_person() const { return last_new_person_; }

  std::size_t size() const { return size_; }
  PendingReferral& operator[](std::size_t i) { return rows_[i]; }
  // The next row to fill (its old contents are there to be overwritten).
  PendingReferral& add() {
    if (size_ == rows_.size()) rows_.emplace_back();
    return reuse(rows_[size_++]);
  }
  // Takes the first `size` rows of `rows` (filled elsewhere) as the batch,
  // and leaves the batch's previous rows in `rows` for reuse.
  void take(std::vector<PendingReferral>& rows, std::size_t size) {
    rows_.swap(rows);
    size_ = size;
  }

  // Marks each valid row fresh, duplicate (the same sender + external_id
  // with the same content, stored before or earlier in the batch) or
  // conflict (the same with other content).
  void classify();
  // Stores the fresh rows: persons, then cases, then referrals. A person
  // with an open case (received, granted or active) has the referral added
  // to it; otherwise a case is opened in the year of the received date.
  void store();

  // About how many rows the command brings (0: not known): a large import
  // of a sender with referrals stored before reads their external ids
  // into its Bloom filter once, instead of looking up each row's.
  void expect_rows(std::uint64_t rows) { expected_rows_ = rows; }

  // The time stored in the rows' created_at.
  const std::string& now() const { return now_; }
  // Whether a person stored by this batch's command got a name afterwards
  // (then that person's row is not what it was when sealed, see ImportSeals).
  bool named_new_person() const { return named_new_person_; }

  // RowSource: the rows of the current view, in ReferralStore::Column's order.
  std::size_t rows() const override { return view_.size(); }
  Cell cell(std::size_t row, std::size_t column) const override;

 private:
  // Puts the view in the order of a key its statement looks up in an
  // index (the personal number, the external id). A batch's keys are
  // random in a real file; in key order each index page is visited once
  // per batch for all of its rows instead of once per row, which halves
  // the pages the import reads and writes. Ids are given in file order
  // before this (case numbers follow the file), so only the order in which
  // SQLite meets the rows changes.
  void in_key_order(std::string PendingReferral::*key);

  template <typename Keep>
  void show(Keep keep) {
    view_.clear();
    for (std::size_t i = 0; i < size_; ++i)
      if (keep(rows_[i])) view_.push_back(i);
  }

  // Finds row i's person and case, or gives it a new case.
  void place(std::size_t i);
  void name_person(std::int64_t person_id, const std::string& name);
  void open_case(PendingReferral& r);

  const Context& ctx_;
  AuditWriter& audit_;
  std::vector<PendingReferral> rows_;
  std::size_t size_ = 0;
  std::vector<std::size_t> view_;
  std::string now_;
  ReferralStore store_;
  std::int64_t next_case_id_ = 0;
  std::map<int, int> next_seq_;
  std::int64_t first_new_person_ = 0, last_new_person_ = 0, next_referral_id_ = 0;
  // The external ids an import may meet stored, as a Bloom filter: those
  // it stored itself, and for a sender with referrals stored before, theirs
  // (read once when the import is large beside what is stored; otherwise
  // null, and every row's id is looked up; null for a batch of one).
  bool named_new_person_ = false;
  std::uint64_t expected_rows_ = 0;
  bool lookups_chosen_ = false;     // whether classify() chose between the filter and lookups
  std::uint64_t referrals_before_ = 0;  // at least as many as were stored before (ids below next_ids())
  std::unique_ptr<BloomFilter> stored_here_;
  std::vector<std::size_t> probe_;  // the rows classify() looks up
};

}  // namespace oppteam
