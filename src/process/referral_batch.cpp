#include <oppteam/process/referral_batch.hpp>

#include <oppteam/process/cases.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/hash.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <stdexcept>

namespace oppteam {

namespace {

bool same_content(std::string_view stored, std::string_view hash) {
  return stored.size() > hash.size() ? stored.substr(0, hash.size()) == hash : stored == hash;
}

int year_of(Date d) { return int(std::chrono::year_month_day{d}.year()); }

// The content a referral is compared on when it is sent again: the first
// 128 bits of its SHA-256, as 32 hex characters. Referrals stored before
// schema version 5 hold all 64; same_content() accepts either.
void content_hash(const PendingReferral& in, std::string& out) {
  out = sha256_hex_of_fields({in.fnr, in.name, in.reporter_type, in.reporter_name, in.received, in.need});
  out.resize(32);
}

}  // namespace

void complete(PendingReferral& p, const PersonalNumber& pnr, Date received) {
  p.fnr = pnr.str();
  p.kind = kind_name(pnr.kind());
  p.birth_date = format_date(pnr.birth_date());
  p.year = year_of(received);
  content_hash(p, p.hash);
}

ReferralBatch::ReferralBatch(const Context& ctx, AuditWriter& audit, std::size_t capacity)
    : ctx_(ctx), audit_(audit), now_(ctx.clock.now_timestamp()), store_(ctx.db.sql()) {
  rows_.reserve(capacity);
  const ReferralStore::NextIds ids = store_.next_ids();
  first_new_person_ = ids.person;
  next_referral_id_ = ids.referral;
  referrals_before_ = std::uint64_t(ids.referral - 1);
}

namespace {
constexpr std::uint64_t kReadStoredIdsPerRow = 5;  // see classify()
}  // namespace

void ReferralBatch::classify() {
  show([](const PendingReferral& r) { return r.problems.empty() && !r.external_id.empty(); });
  if (view_.empty()) return;
  in_key_order(&PendingReferral::external_id);
  // Each row is looked up in the store's index of external ids, unless the
  // sender had none stored before this import and the Bloom filter of the
  // ids this import stored says the row's is not among them (a lookup a
  // row was a tenth of a large first import's time).
  if (rows_.capacity() > 1 && !lookups_chosen_) {  // an import (refer add keeps room for one row)
    lookups_chosen_ = true;
    const std::string& sender = rows_[view_.front()].sender;
    if (!store_.any_sent(sender)) {
      stored_here_ = std::make_unique<BloomFilter>();
    } else if (referrals_before_ <= kReadStoredIdsPerRow * expected_rows_) {
      // Reading an id stored costs about a fifth of looking one up: an
      // import at least a fifth the size of what is stored reads the
      // sender's ids into the filter instead.
      stored_here_ = std::make_unique<BloomFilter>();
      store_.each_external_id(sender, [this](std::string_view id) { stored_here_->add(id); });
    }
  }
  const bool filtered = stored_here_ != nullptr;
  if (filtered) {
    probe_.clear();
    for (const std::size_t i : view_)
      if (stored_here_->may_contain(rows_[i].external_id)) probe_.push_back(i);
    view_.swap(probe_);  // the rows to look up, still in key order
  }
  store_.each_sent(*this, [this](std::size_t row, std::string_view stored_hash, std::string_view case_number) {
    PendingReferral& r = rows_[view_[row]];
    r.outcome = same_content(stored_hash, r.hash) ? PendingReferral::Outcome::duplicate
                                                  : PendingReferral::Outcome::conflict;
    r.case_number = case_number;
  });
  if (filtered) view_.swap(probe_);  // every row with an external id again
  // The same external_id twice in the batch: the first one counts. (The
  // rows of a batch have one sender: the import's, or add_referral's one row.)
  // The view is in key order still: an id's rows stand together, the first
  // in the file first.
  const PendingReferral* earlier_row = nullptr;
  for (const std::size_t i : view_) {
    PendingReferral& r = rows_[i];
    if (!r.storable()) continue;
    if (!earlier_row || r.external_id != earlier_row->external_id) {
      earlier_row = &r;
      continue;
    }
    const PendingReferral& earlier = *earlier_row;
    r.outcome = earlier.hash == r.hash ? PendingReferral::Outcome::duplicate : PendingReferral::Outcome::conflict;
    r.earlier_line = earlier.line;
  }
}

void ReferralBatch::store() {
  show([](const PendingReferral& r) { return r.storable(); });
  if (view_.empty()) return;
  // New persons: one statement for the first row of each number, which
  // returns the id of each person it stored; only the numbers known
  // before (a person referred again) are looked up, by one more statement.
  // Each row's first row of the same number (in number order a number's
  // rows stand together, the first in the file first).
  in_key_order(&PendingReferral::fnr);
  for (std::size_t k = 0; k < view_.size(); ++k) {
    PendingReferral& r = rows_[view_[k]];
    const PendingReferral* before = k > 0 ? &rows_[view_[k - 1]] : nullptr;
    r.first_row = before && before->fnr == r.fnr ? before->first_row : view_[k];
  }
  auto first_of_number = [this](const PendingReferral& r) {
    return r.storable() && r.first_row == std::size_t(&r - rows_.data());
  };
  std::erase_if(view_, [&](std::size_t i) { return !first_of_number(rows_[i]); });  // still in number order
  std::size_t inserted = 0;
  store_.insert_persons(*this, now_, [&](std::int64_t person_id, std::string_view fnr) {
    const auto it = std::lower_bound(view_.begin(), view_.end(), fnr,
                                     [this](std::size_t i, std::string_view f) { return rows_[i].fnr < f; });
    if (it == view_.end() || rows_[*it].fnr != fnr) throw std::logic_error("import: a stored person the batch does not hold");
    PendingReferral& r = rows_[*it];
    r.person_id = person_id;
    r.new_person = true;
    r.named = !r.name.empty();
    last_new_person_ = std::max(last_new_person_, r.person_id);
    ++inserted;
  });
  if (inserted < view_.size()) {
    show([&](const PendingReferral& r) { return first_of_number(r) && !r.new_person; });
    store_.each_person(*this, [this](std::size_t row, std::int64_t person_id, bool named) {
      PendingReferral& r = rows_[view_[row]];
      r.person_id = person_id;
      r.named = named;
    });
  }
  show([](const PendingReferral& r) { return r.storable(); });
  for (const std::size_t i : view_) place(i);
  show([](const PendingReferral& r) { return r.storable() && r.new_case; });
  if (!view_.empty()) {
    store_.insert_cases(*this);
    if (std::any_of(view_.begin(), view_.end(), [this](std::size_t i) { return !rows_[i].target_group.empty(); }))
      store_.insert_target_groups(*this, ctx_.actor);
    // The highest number given in each year, which purge never lowers.
    for (const auto& [year, next] : next_seq_) store_.raise_case_sequence(year, next - 1);
  }
  show([](const PendingReferral& r) { return r.storable(); });
  // Ids above every referral an import ever stored, so that a purged
  // one's id is not given again (import_batch finds imports by id).
  for (const std::size_t i : view_) rows_[i].referral_id = next_referral_id_++;
  in_key_order(&PendingReferral::external_id);
  store_.insert_referrals(*this, now_, ctx_.actor);
  if (stored_here_)
    for (const std::size_t i : view_)
      if (!rows_[i].external_id.empty()) stored_here_->add(rows_[i].external_id);
}

namespace {

// Row r's value of a ReferralStore::Column, as the store reads it.
Cell stored_value(const PendingReferral& r, std::size_t column) {
  auto text = [](const std::string& s) -> Cell { return std::string_view(s); };
  auto optional = [](const std::string& s) -> Cell { return s.empty() ? Cell(nullptr) : Cell(std::string_view(s)); };
  switch (column) {
    case ReferralStore::kSender: return r.external_id.empty() ? Cell(nullptr) : text(r.sender);
    case ReferralStore::kExternalId: return optional(r.external_id);
    case ReferralStore::kFnr: return text(r.fnr);
    case ReferralStore::kKind: return text(r.kind);
    case ReferralStore::kBirthDate: return text(r.birth_date);
    case ReferralStore::kName: return optional(r.name);
    case ReferralStore::kReporterType: return text(r.reporter_type);
    case ReferralStore::kReporterName: return optional(r.reporter_name);
    case ReferralStore::kReceived: return text(r.received);
    case ReferralStore::kNeed: return text(r.need);
    case ReferralStore::kHash: return text(r.hash);
    case ReferralStore::kPersonId: return r.person_id;
    case ReferralStore::kCaseId: return r.case_id;
    case ReferralStore::kCaseNumber: return text(r.case_number);
    case ReferralStore::kYear: return std::int64_t(r.year);
    case ReferralStore::kSeq: return std::int64_t(r.seq);
    case ReferralStore::kReferralId: return r.referral_id;
    case ReferralStore::kTargetGroup: return optional(r.target_group);
    default: return nullptr;
  }
}

}  // namespace

Cell ReferralBatch::cell(std::size_t row, std::size_t column) const { return stored_value(rows_[view_[row]], column); }

void ImportSeals::add(const PendingReferral* rows, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i)
    if (rows[i].new_person) new_persons_.emplace_back(rows[i].person_id, i);
  std::sort(new_persons_.begin(), new_persons_.end());
  for (const auto& [id, i] : new_persons_) seal(persons, id, rows[i], ReferralStore::kPersonSealed);
  new_persons_.clear();
  for (std::size_t i = 0; i < size; ++i)  // in file order: the order of their ids
    if (rows[i].storable() && rows[i].referral_id != 0) seal(referrals, rows[i].referral_id, rows[i], ReferralStore::kReferralSealed);
}

template <std::size_t N>
void ImportSeals::seal(RangeSeal& seal, std::int64_t id, const PendingReferral& r,
                       const std::array<ReferralStore::SealValue, N>& sealed) {
  std::array<Cell, N> values;
  for (std::size_t k = 0; k < N; ++k) {
    if (const auto* column = std::get_if<ReferralStore::Column>(&sealed[k])) values[k] = stored_value(r, *column);
    else values[k] = std::string_view(std::get<ReferralStore::Stored>(sealed[k]) == ReferralStore::Stored::kNow ? now_ : actor_);
  }
  seal.row(id, values);
}

void ReferralBatch::in_key_order(std::string PendingReferral::*key) {
  // Rows of the same key in file order (classify and store rely on it).
  std::sort(view_.begin(), view_.end(), [&](std::size_t a, std::size_t b) {
    const int c = (rows_[a].*key).compare(rows_[b].*key);
    return c < 0 || (c == 0 && a < b);
  });
}

void ReferralBatch::place(std::size_t i) {
  PendingReferral& r = rows_[i];
  const std::size_t first = r.first_row;
  if (first != i) {  // the person's second referral in this batch joins the case of the first
    PendingReferral& f = rows_[first];
    r.person_id = f.person_id;
    if (!f.named && !r.name.empty()) {
      name_person(f.person_id, r.name);
      f.named = true;
    }
    r.case_id = f.case_id;
    r.case_number = f.case_number;
    r.status = f.status;
    r.new_case = false;
    return;
  }
  if (!r.new_person) {  // known before this batch: it may have an open case
    if (!r.named && !r.name.empty()) {
      name_person(r.person_id, r.name);
      r.named = true;
    }
    if (store_.open_case(r.person_id, r.case_id, r.case_number, r.status)) return;
  }
  open_case(r);
}

void ReferralBatch::name_person(std::int64_t person_id, const std::string& name) {
  if (person_id < first_new_person_) audit_.before("person", person_id);
  else named_new_person_ = true;
  store_.name_person(person_id, name);
}

void ReferralBatch::open_case(PendingReferral& r) {
  if (next_case_id_ == 0) next_case_id_ = store_.max_case_id() + 1;
  auto it = next_seq_.find(r.year);
  if (it == next_seq_.end()) it = next_seq_.emplace(r.year, store_.next_case_seq(r.year)).first;
  r.seq = it->second++;
  r.case_id = next_case_id_++;
  r.case_number.clear();
  fmt::format_to(std::back_inserter(r.case_number), "{}/{}", r.year, r.seq);
  r.status = CaseStatus::received;
  r.new_case = true;
}

}  // namespace oppteam
