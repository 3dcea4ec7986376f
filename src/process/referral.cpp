#include <oppteam/process/referral.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/io/import_format.hpp>
#include <oppteam/io/input_spool.hpp>
#include <oppteam/io/output_file.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/target_group.hpp>
#include <oppteam/store/row_source.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/hash.hpp>
#include <oppteam/util/text.hpp>
#include <oppteam/util/user_date.hpp>

#include <fmt/format.h>

#include <optional>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <malloc.h>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace oppteam {

namespace {

bool same_content(std::string_view stored, std::string_view hash) {
  return stored.size() > hash.size() ? stored.substr(0, hash.size()) == hash : stored == hash;
}

int year_of(Date d) { return int(std::chrono::year_month_day{d}.year()); }

// ISO text of a date without iostreams (one per stored person).
void fast_iso(Date d, std::string& out) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  out.assign(buf, std::size_t(n > 0 ? n : 0));
}

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
  std::size_t earlier_line = 0;  // a duplicate or conflict of a row earlier in the same batch: its line
  std::string status;
  std::int64_t person_id = 0, case_id = 0, referral_id = 0;
  int seq = 0;
  bool new_person = false, new_case = false, named = false;

  bool storable() const { return problems.empty() && outcome == Outcome::fresh; }
};

// Makes a row used before ready to be filled again; its strings keep their
// capacity.
PendingReferral& reuse(PendingReferral& r) {
  r.problems.clear();
  r.outcome = PendingReferral::Outcome::fresh;
  r.earlier_line = 0;
  r.new_person = r.new_case = r.named = false;
  r.person_id = r.case_id = r.referral_id = 0;
  r.target_group.clear();
  return r;
}

// The content a referral is compared on when it is sent again: the first
// 128 bits of its SHA-256, as 32 hex characters. Referrals stored before
// schema version 5 hold all 64; same_content() accepts either.
void content_hash(const PendingReferral& in, std::string& out) {
  out = sha256_hex_of_fields({in.fnr, in.name, in.reporter_type, in.reporter_name, in.received, in.need});
  out.resize(32);
}

// Completes a row whose fields have been checked: the normalised number,
// what follows from it, and the content hash.
void complete(PendingReferral& p, const PersonalNumber& pnr, Date received) {
  p.fnr = pnr.str();
  p.kind = kind_name(pnr.kind());
  fast_iso(pnr.birth_date(), p.birth_date);
  p.year = year_of(received);
  content_hash(p, p.hash);
}

// Referrals stored a batch at a time: one INSERT ... SELECT per table reads
// the batch in place (RowSource), instead of a handful of statements per
// row; only a person already in the store costs statements of its own.
class ReferralBatch final : public RowSource {
 public:
  static constexpr std::size_t kCapacity = 8192;

  // `audit` seals the rows of persons known before that get a name here.
  ReferralBatch(const Context& ctx, AuditWriter& audit, std::size_t capacity = kCapacity)
      : ctx_(ctx), audit_(audit), rows_(capacity), now_(ctx.clock.now_timestamp()), prepared_(prepare(ctx.db.sql())) {
    auto& q = prepared_.next_ids;
    q.executeStep();
    first_new_person_ = q.getColumn(0).getInt64();
    next_referral_id_ = q.getColumn(1).getInt64();
    q.reset();
  }

  // The persons this batch's command stored: ids first_new_person()..last_new_person().
  std::int64_t first_new_person() const { return first_new_person_; }
  std::int64_t last_new_person() const { return last_new_person_; }

  std::size_t size() const { return size_; }
  PendingReferral& operator[](std::size_t i) { return rows_[i]; }
  // The next row to fill (its old contents are there to be overwritten).
  PendingReferral& add() { return reuse(rows_[size_++]); }
  // Takes the first `size` rows of `rows` (filled elsewhere) as the batch,
  // and leaves the batch's previous rows in `rows` for reuse.
  void take(std::vector<PendingReferral>& rows, std::size_t size) {
    rows_.swap(rows);
    size_ = size;
  }

  // Marks each valid row fresh, duplicate (the same sender + external_id
  // with the same content, stored before or earlier in the batch) or
  // conflict (the same with other content).
  void classify() {
    show([](const PendingReferral& r) { return r.problems.empty() && !r.external_id.empty(); });
    in_key_order(&PendingReferral::external_id);
    auto& q = prepared_.seen;
    q.reset();
    q.bind_rows(1, *this);
    while (q.step()) {
      PendingReferral& r = rows_[view_[std::size_t(q.column_int64(0))]];
      r.outcome = same_content(q.column_text(1), r.hash) ? PendingReferral::Outcome::duplicate
                                                         : PendingReferral::Outcome::conflict;
      r.case_number = q.column_text(2);
    }
    // The same external_id twice in the batch: the first one counts. (The
    // rows of a batch have one sender: the import's, or add_referral's one row.)
    external_.clear();
    for (std::size_t i = 0; i < size_; ++i) {
      PendingReferral& r = rows_[i];
      if (!r.storable() || r.external_id.empty()) continue;
      auto [it, first] = external_.try_emplace(r.external_id, i);
      if (first) continue;
      const PendingReferral& earlier = rows_[it->second];
      r.outcome = earlier.hash == r.hash ? PendingReferral::Outcome::duplicate : PendingReferral::Outcome::conflict;
      r.earlier_line = earlier.line;
    }
  }

  // Stores the fresh rows: persons, then cases, then referrals. A person
  // with an open case (received, granted or active) has the referral added
  // to it; otherwise a case is opened in the year of the received date.
  void store() {
    show([](const PendingReferral& r) { return r.storable(); });
    if (view_.empty()) return;
    // New persons: one statement for the first row of each number, which
    // returns the id of each person it stored; only the numbers known
    // before (a person referred again) are looked up, by one more statement.
    first_.clear();
    for (const std::size_t i : view_) first_.try_emplace(rows_[i].fnr, i);
    auto first_of_number = [this](const PendingReferral& r) {
      return r.storable() && first_.at(r.fnr) == std::size_t(&r - rows_.data());
    };
    show(first_of_number);
    in_key_order(&PendingReferral::fnr);
    {
      auto& q = prepared_.insert_persons;
      q.reset();
      q.bind_rows(1, *this);
      q.bind_text(2, now_);
      std::size_t inserted = 0;
      while (q.step()) {
        const auto it = first_.find(q.column_text(1));
        if (it == first_.end()) throw std::logic_error("import: a stored person the batch does not hold");
        PendingReferral& r = rows_[it->second];
        r.person_id = q.column_int64(0);
        r.new_person = true;
        r.named = !r.name.empty();
        last_new_person_ = std::max(last_new_person_, r.person_id);
        ++inserted;
      }
      if (inserted < view_.size()) {
        show([&](const PendingReferral& r) { return first_of_number(r) && !r.new_person; });
        auto& p = prepared_.person_ids;
        p.reset();
        p.bind_rows(1, *this);
        while (p.step()) {
          PendingReferral& r = rows_[view_[std::size_t(p.column_int64(0))]];
          r.person_id = p.column_int64(1);
          r.named = p.column_int64(2) != 0;
        }
      }
    }
    show([](const PendingReferral& r) { return r.storable(); });
    for (const std::size_t i : view_) place(i);
    show([](const PendingReferral& r) { return r.storable() && r.new_case; });
    if (!view_.empty()) {
      auto& q = prepared_.insert_cases;
      q.reset();
      q.bind_rows(1, *this);
      q.step();
      if (std::any_of(view_.begin(), view_.end(), [this](std::size_t i) { return !rows_[i].target_group.empty(); })) {
        auto& t = prepared_.insert_target_groups;
        t.reset();
        t.bind_rows(1, *this);
        t.bind_text(2, ctx_.actor);
        t.step();
      }
      // The highest number given in each year, which purge never lowers.
      auto& seq = prepared_.case_sequence;
      for (const auto& [year, next] : next_seq_) {
        seq.reset();
        seq.bind(1, year);
        seq.bind(2, next - 1);
        seq.exec();
      }
    }
    show([](const PendingReferral& r) { return r.storable(); });
    // Ids above every referral an import ever stored, so that a purged
    // one's id is not given again (import_batch finds imports by id).
    for (const std::size_t i : view_) rows_[i].referral_id = next_referral_id_++;
    in_key_order(&PendingReferral::external_id);
    auto& q = prepared_.insert_referrals;
    q.reset();
    q.bind_rows(1, *this);
    q.bind_text(2, now_);
    q.bind_text(3, ctx_.actor);
    q.step();
  }

  // RowSource: the rows of the current view.
  std::size_t rows() const override { return view_.size(); }
  Cell cell(std::size_t row, std::size_t column) const override {
    const PendingReferral& r = rows_[view_[row]];
    auto text = [](const std::string& s) -> Cell { return std::string_view(s); };
    auto optional = [](const std::string& s) -> Cell { return s.empty() ? Cell(nullptr) : Cell(std::string_view(s)); };
    switch (column) {
      case 0: return r.external_id.empty() ? Cell(nullptr) : text(r.sender);
      case 1: return optional(r.external_id);
      case 2: return text(r.fnr);
      case 3: return text(r.kind);
      case 4: return text(r.birth_date);
      case 5: return optional(r.name);
      case 6: return text(r.reporter_type);
      case 7: return optional(r.reporter_name);
      case 8: return text(r.received);
      case 9: return text(r.need);
      case 10: return text(r.hash);
      case 11: return r.person_id;
      case 12: return r.case_id;
      case 13: return text(r.case_number);
      case 14: return std::int64_t(r.year);
      case 15: return std::int64_t(r.seq);
      case 16: return r.referral_id;
      case 17: return optional(r.target_group);
      default: return nullptr;
    }
  }

 private:
  struct Prepared {
    RowStatement seen, insert_persons, person_ids, insert_cases, insert_referrals, insert_target_groups;
    SQLite::Statement name, open_case, max_case, next_seq, case_sequence, next_ids;
  };

  // The columns of oppteam_referral_rows, in the order cell() gives them.
  static const std::vector<std::string>& column_names() {
    static const std::vector<std::string> names = {"sender", "external_id", "fnr", "kind", "birth_date", "name",
                                                   "reporter_type", "reporter_name", "received", "need", "hash",
                                                   "person_id", "case_id", "number", "year", "seq", "referral_id",
                                                   "target_group"};
    return names;
  }

  // The INSERTs say OR FAIL: with the default (ABORT) SQLite keeps a
  // statement journal so that a failing statement can undo itself alone,
  // copying every page a batch touches first (a sixth of the import's CPU).
  // Any error here ends the whole transaction anyway (Database::write rolls
  // it back), so nothing relies on a statement undoing itself.
  static Prepared prepare(SQLite::Database& db) {
    register_row_source(db, "oppteam_referral_rows", column_names());
    return Prepared{
        RowStatement(db, "SELECT b.rowid, r.content_hash, c.number FROM oppteam_referral_rows(?1) b "
                              "JOIN referral r ON r.sender = b.sender AND r.external_id = b.external_id "
                              "JOIN case_file c ON c.id = r.case_id"),
        RowStatement(db, "INSERT OR FAIL INTO person(fnr, kind, birth_date, name, created_at) "
                              "SELECT fnr, kind, birth_date, name, ?2 FROM oppteam_referral_rows(?1) WHERE true "
                              "ON CONFLICT(fnr) DO NOTHING RETURNING id, fnr"),
        RowStatement(db, "SELECT b.rowid, p.id, p.name IS NOT NULL FROM oppteam_referral_rows(?1) b JOIN person p ON p.fnr = b.fnr"),
        RowStatement(db, "INSERT OR FAIL INTO case_file(id, number, year, seq, person_id, status, opened_on, target_group) "
                              "SELECT case_id, number, year, seq, person_id, 'received', received, target_group "
                              "FROM oppteam_referral_rows(?1)"),
        RowStatement(db, "INSERT OR FAIL INTO referral(id, case_id, sender, external_id, reporter_type, reporter_name, "
                              "received_on, need, content_hash, created_at, created_by) "
                              "SELECT referral_id, case_id, sender, external_id, reporter_type, reporter_name, received, need, "
                              "hash, ?2, ?3 FROM oppteam_referral_rows(?1)"),
        RowStatement(db, "INSERT OR FAIL INTO case_target_group(case_id, target_group, step, set_on, set_by) "
                              "SELECT case_id, target_group, 'import', received, ?2 FROM oppteam_referral_rows(?1) "
                              "WHERE target_group IS NOT NULL"),
        SQLite::Statement(db, "UPDATE person SET name = ? WHERE id = ? AND name IS NULL"),
        SQLite::Statement(db, "SELECT id, number, status FROM case_file WHERE person_id = ? "
                              "AND (status = 'received' OR status = 'granted' OR status = 'active') ORDER BY id DESC LIMIT 1"),
        SQLite::Statement(db, "SELECT coalesce(max(id), 0) FROM case_file"),
        // The next number of a year: above every case there is and every one given before.
        SQLite::Statement(db, "SELECT max(coalesce((SELECT last_seq FROM case_sequence WHERE year = ?1), 0), "
                              "coalesce((SELECT max(seq) FROM case_file WHERE year = ?1), 0)) + 1"),
        SQLite::Statement(db, "INSERT INTO case_sequence(year, last_seq) VALUES (?1, ?2) "
                              "ON CONFLICT(year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)"),
        SQLite::Statement(db, "SELECT coalesce((SELECT max(id) FROM person), 0) + 1, "
                              "max(coalesce((SELECT max(id) FROM referral), 0), coalesce((SELECT max(last_referral) FROM import_batch), 0)) + 1"),
    };
  }

  // Puts the view in the order of a key its statement looks up in an
  // index (the personal number, the external id). A batch's keys are
  // random in a real file; in key order each index page is visited once
  // per batch for all of its rows instead of once per row, which halves
  // the pages the import reads and writes. Ids are given in file order
  // before this (case numbers follow the file), so only the order in which
  // SQLite meets the rows changes.
  void in_key_order(std::string PendingReferral::*key) {
    std::sort(view_.begin(), view_.end(), [&](std::size_t a, std::size_t b) { return rows_[a].*key < rows_[b].*key; });
  }

  template <typename Keep>
  void show(Keep keep) {
    view_.clear();
    for (std::size_t i = 0; i < size_; ++i)
      if (keep(rows_[i])) view_.push_back(i);
  }

  // Finds row i's person and case, or gives it a new case.
  void place(std::size_t i) {
    PendingReferral& r = rows_[i];
    const std::size_t first = first_.at(r.fnr);
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
      auto& q = prepared_.open_case;
      q.reset();
      q.bind(1, static_cast<int64_t>(r.person_id));
      if (q.executeStep()) {
        r.case_id = q.getColumn(0).getInt64();
        r.case_number = q.getColumn(1).getString();
        r.status = q.getColumn(2).getString();
        q.reset();
        return;
      }
      q.reset();
    }
    open_case(r);
  }

  void name_person(std::int64_t person_id, const std::string& name) {
    if (person_id < first_new_person_) audit_.before("person", person_id);
    auto& q = prepared_.name;
    q.reset();
    q.bindNoCopy(1, name);
    q.bind(2, static_cast<int64_t>(person_id));
    q.exec();
  }

  void open_case(PendingReferral& r) {
    if (next_case_id_ == 0) {
      auto& q = prepared_.max_case;
      q.reset();
      q.executeStep();
      next_case_id_ = q.getColumn(0).getInt64() + 1;
      q.reset();
    }
    auto it = next_seq_.find(r.year);
    if (it == next_seq_.end()) {
      auto& q = prepared_.next_seq;
      q.reset();
      q.bind(1, r.year);
      q.executeStep();
      it = next_seq_.emplace(r.year, q.getColumn(0).getInt()).first;
      q.reset();
    }
    r.seq = it->second++;
    r.case_id = next_case_id_++;
    r.case_number.clear();
    fmt::format_to(std::back_inserter(r.case_number), "{}/{}", r.year, r.seq);
    r.status = std::string(kCaseReceived);
    r.new_case = true;
  }

  const Context& ctx_;
  AuditWriter& audit_;
  std::vector<PendingReferral> rows_;
  std::size_t size_ = 0;
  std::vector<std::size_t> view_;
  std::string now_;
  Prepared prepared_;
  std::unordered_map<std::string_view, std::size_t> external_;  // views of the rows' external_id
  std::unordered_map<std::string_view, std::size_t> first_;
  std::int64_t next_case_id_ = 0;
  std::map<int, int> next_seq_;
  std::int64_t first_new_person_ = 0, last_new_person_ = 0, next_referral_id_ = 0;
};

// The text check of a referral's fields, the one for refer add and the
// import alike: `value_of(column)` gives a column's value (nullptr when
// absent); `bad(column, problem)` is called for each field that fails
// (need may hold line breaks, the rest are one line).
template <typename Get, typename Bad>
void check_referral_text(Get&& value_of, Bad&& bad) {
  for (std::size_t c = 0; c < io::kColumnCount; ++c) {
    const std::string* v = value_of(c);
    if (!v) continue;
    if (auto p = text_problem(*v, c == io::kNeed ? TextField::lines : TextField::line)) bad(c, *p);
  }
}

// refer add's option for a column: external_id -> --external-id.
std::string option_of(std::size_t column) {
  std::string o = "--" + std::string(io::column_name(column));
  for (auto& ch : o)
    if (ch == '_') ch = '-';
  return o;
}

std::string reporter_type_list(const Rammeverk& rv) {
  std::string out;
  for (const auto& t : rv.reporter_types) {
    if (!out.empty()) out += ", ";
    out += t.id;
  }
  return out;
}

}  // namespace

PersonalNumber check_fnr(const Context& ctx, std::string_view text, std::optional<int> birth_year) {
  auto options = ctx.pnr_options();
  options.birth_year = birth_year;
  return PersonalNumber::parse(text, options);
}

void check_reporter_type(const Rammeverk& rv, std::string_view id) {
  if (!rv.find_reporter_type(id)) throw make_error(ExitCode::usage, "refer.unknown_reporter_type", id, reporter_type_list(rv));
}

Date check_received(const Context& ctx, std::string_view text) {
  const Date d = parse_user_date(text, "--received", ctx.today());
  if (d > ctx.today()) throw make_error(ExitCode::data, "refer.received_in_future", text, format_date(ctx.today()));
  return d;
}

void check_need(std::string_view need) {
  if (need.find_first_not_of(" \t\r\n") == std::string_view::npos) throw make_error(ExitCode::data, "refer.need_empty");
}

ReferralResult add_referral(const Context& ctx, const ReferralInput& in) {
  authorize(ctx, "refer.add");
  check_referral_text(
      [&](std::size_t c) -> const std::string* {
        switch (c) {
          case io::kExternalId: return &in.external_id;
          case io::kFnr: return &in.fnr;
          case io::kName: return &in.name;
          case io::kReporterType: return &in.reporter_type;
          case io::kReporterName: return &in.reporter_name;
          case io::kReceived: return &in.received;
          case io::kNeed: return &in.need;
          case io::kTargetGroup: return &in.target_group;
          default: return nullptr;
        }
      },
      [](std::size_t c, const TextProblem& p) { throw make_error(ExitCode::data, p.key, option_of(c), p.byte, p.shown); });
  require_text(in.sender, "--sender", TextField::line);
  const PersonalNumber pnr = check_fnr(ctx, in.fnr, in.birth_year);
  check_reporter_type(ctx.rv, in.reporter_type);
  const Date received = check_received(ctx, in.received);
  check_need(in.need);
  const std::string target_group = in.target_group.empty() ? std::string() : check_target_group(ctx.rv, in.target_group);
  return ctx.db.write([&] {
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    ReferralBatch batch(ctx, audit, 1);
    PendingReferral& p = batch.add();
    p.external_id = in.external_id;
    p.sender = in.external_id.empty() ? std::string() : in.sender.empty() ? std::string("default") : in.sender;
    p.name = in.name;
    p.reporter_type = in.reporter_type;
    p.reporter_name = in.reporter_name;
    p.received = format_date(received);  // as typed: "i dag", "2.3.2026"; stored ISO
    p.need = in.need;
    complete(p, pnr, received);
    batch.classify();
    ReferralResult r;
    switch (p.outcome) {
      case PendingReferral::Outcome::duplicate:
        r.duplicate = true;
        r.case_number = p.case_number;
        r.status = find_case(ctx.db, p.case_number).status;
        return r;
      case PendingReferral::Outcome::conflict:
        throw make_error(ExitCode::data, "refer.conflict", p.sender, p.external_id, p.case_number);
      case PendingReferral::Outcome::fresh: break;
    }
    batch.store();
    r.case_number = p.case_number;
    r.status = p.status;
    r.new_case = p.new_case;
    r.referral_id = p.referral_id;
    audit.after_range("person", batch.first_new_person(), batch.last_new_person());
    audit.after("referral", p.referral_id);
    audit.append("refer.add", r.case_number, p.fnr,
                 r.new_case ? "new case, reporter " + p.reporter_type : "added to open case, reporter " + p.reporter_type);
    audit.flush();
    if (!target_group.empty()) set_target_group(ctx, r.case_number, target_group, "refer");
    return r;
  });
}

// ---------------------------------------------------------------------------
// Batch import

namespace {

// The rows an import rejects, written as they are judged. The file is kept
// only when it was closed, i.e. every row was read and judged (also when the
// import is then refused as a whole); after a read or store error it would
// be a misleading part, and it is removed.
class RejectsFile {
 public:
  // The file may be neither the database nor the input (`input`, "-" for
  // stdin), nor an existing file unless `replace`; it is written under a
  // temporary name and appears only when closed.
  RejectsFile(const std::string& path, io::ImportFormat format, bool replace, const Database& db,
              const std::string& input)
      : format_(format) {
    if (path.empty()) return;
    auto forbidden = io::database_files(db.path());
    forbidden.push_back(input);
    file_.emplace(path, replace, forbidden);
    path_ = path;
  }
  RejectsFile(const RejectsFile&) = delete;
  RejectsFile& operator=(const RejectsFile&) = delete;
  bool active() const { return !path_.empty(); }
  void header(const std::string& raw, char delimiter) {
    delimiter_ = delimiter;
    if (!active() || format_ != io::ImportFormat::csv) return;
    file_->stream() << raw << delimiter_ << "reason\r\n";
  }
  void row(const io::ImportRow& row, const std::string& reason) {
    if (!active()) return;
    if (format_ == io::ImportFormat::csv) {
      if (row.malformed) file_->stream() << io::csv_quote(row.raw, delimiter_) << delimiter_ << io::csv_quote(reason, delimiter_) << "\r\n";
      else file_->stream() << row.raw << delimiter_ << io::csv_quote(reason, delimiter_) << "\r\n";
      return;
    }
    std::string_view raw = row.raw;
    const auto last = raw.find_last_not_of(" \t");
    if (!row.malformed && last != std::string_view::npos && raw[last] == '}') {
      std::string_view body = raw.substr(0, last);
      const auto before = body.find_last_not_of(" \t\r\n");
      const bool empty_object = before != std::string_view::npos && body[before] == '{';
      file_->stream() << body << (empty_object ? "" : ",") << "\"reason\":" << dump_json(reason, -1, replaced_) << "}\n";
    } else {
      // A line that is not UTF-8 cannot be a JSON string as it is: its bad bytes become U+FFFD.
      file_->stream() << dump_json(nlohmann::json{{"raw", std::string(raw)}, {"reason", reason}}, -1, replaced_) << "\n";
    }
  }
  void close() {
    if (!active()) return;
    file_->commit();
  }

 private:
  io::ImportFormat format_;
  char delimiter_ = ',';
  std::string path_;
  std::optional<io::OutputFile> file_;
  bool replaced_ = false;
};

// Unties a stream from its output stream (std::cin from std::cout) while
// the import reads it, and ties it again after.
class TieCut {
 public:
  explicit TieCut(std::istream& in) : in_(in), tie_(in.tie(nullptr)) {}
  TieCut(const TieCut&) = delete;
  TieCut& operator=(const TieCut&) = delete;
  ~TieCut() { in_.tie(tie_); }

 private:
  std::istream& in_;
  std::ostream* tie_;
};

// A larger page cache (15 % faster on a million rows) and no second check
// of the references the import writes, for the import only; puts the cache
// and the check back. (The batch INSERTs keep no statement journals, see
// ReferralBatch::prepare, so temp_store does not matter here.)
class ImportPragmas {
 public:
  explicit ImportPragmas(Database& db) : db_(db) {
    old_cache_ = db_.sql().execAndGet("PRAGMA cache_size").getInt();
    old_fk_ = db_.sql().execAndGet("PRAGMA foreign_keys").getInt();
    // Every reference the import writes is to a row it has just inserted or
    // read in the same transaction; checking each again costs two lookups a row.
    db_.sql().exec("PRAGMA foreign_keys = OFF");
    db_.sql().exec("PRAGMA cache_size = -24576");  // 24 MiB: the import's pages stay well under 64 MiB RSS
  }
  ~ImportPragmas() {
    try {
      db_.sql().exec("PRAGMA cache_size = " + std::to_string(old_cache_));
      db_.sql().exec("PRAGMA foreign_keys = " + std::to_string(old_fk_));
    } catch (...) {
    }
  }

 private:
  Database& db_;
  int old_cache_ = -2000;
  int old_fk_ = 1;
};

constexpr std::size_t kProgressEvery = 16384;  // rows between two calls of the progress callback

// Reads and checks an import's rows on a thread of its own, a batch at a
// time, while the caller's thread stores the batch before: reading,
// checking and hashing cost about a third of what storing costs, and with
// two cores they no longer add to it. At most kDepth batches wait, so
// memory stays flat; their rows go back to the reader to be used again.
// (The standard library has no queue between threads; this is the least
// one that does: one reader, one taker, the reader's error passed on.)
class RowReader {
 public:
  using Check = std::function<void(const io::ImportRow&, PendingReferral&)>;
  static constexpr std::size_t kDepth = 1;  // with the batch filled and the batch stored: three of 4.6 MiB each

  RowReader(io::ImportSource& source, Check check)
      : source_(source), check_(std::move(check)), thread_([this] { run(); }) {}
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;
  // Stops the reader (the taker may be leaving on an error) and waits for it.
  ~RowReader() {
    {
      const std::lock_guard lock(mutex_);  // no wakeup lost by a reader about to wait
      stopped_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  // Makes the next rows read `batch`'s rows; false at the end of the input.
  // Throws what reading threw, after the batches handed over before it (the
  // rows of a batch not yet full are dropped: the error ends the import).
  bool next(ReferralBatch& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || done_; });
    if (ready_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    Chunk chunk = std::move(ready_.front());
    ready_.pop_front();
    bytes_read_ = chunk.bytes_read;
    batch.take(chunk.rows, chunk.size);
    spare_.push_back(std::move(chunk.rows));
    changed_.notify_all();
    return true;
  }
  // Of the input, up to the last row handed over.
  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  struct Chunk {
    std::vector<PendingReferral> rows;
    std::size_t size = 0;
    std::uint64_t bytes_read = 0;
  };

  void run() {
    try {
      io::ImportRow row;
      Chunk chunk = spare();
      while (!stopped_.load(std::memory_order_relaxed) && source_.next(row)) {  // seen between two rows
        check_(row, reuse(chunk.rows[chunk.size++]));
        if (chunk.size < chunk.rows.size()) continue;
        if (!hand_over(chunk)) return;
        chunk = spare();
      }
      if (chunk.size > 0 && !hand_over(chunk)) return;
      finish(nullptr);
    } catch (...) {
      finish(std::current_exception());
    }
  }

  Chunk spare() {
    Chunk chunk;
    const std::lock_guard lock(mutex_);
    if (spare_.empty()) {
      chunk.rows.resize(ReferralBatch::kCapacity);
    } else {
      chunk.rows = std::move(spare_.back());
      spare_.pop_back();
    }
    return chunk;
  }

  // False when the taker has stopped.
  bool hand_over(Chunk& chunk) {
    chunk.bytes_read = source_.bytes_read();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return ready_.size() < kDepth || stopped_; });
    if (stopped_) return false;
    ready_.push_back(std::move(chunk));
    changed_.notify_all();
    return true;
  }

  void finish(std::exception_ptr error) {
    {
      const std::lock_guard lock(mutex_);
      done_ = true;
      error_ = std::move(error);
    }
    changed_.notify_all();
  }

  io::ImportSource& source_;
  Check check_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Chunk> ready_;
  std::vector<std::vector<PendingReferral>> spare_;
  bool done_ = false;
  std::atomic<bool> stopped_{false};  // read without the lock between rows
  std::exception_ptr error_;
  std::uint64_t bytes_read_ = 0;
  std::thread thread_;  // last: starts when everything it uses is there
};

}  // namespace

ImportSummary import_referrals(const Context& ctx, const std::string& path, const ImportOptions& options,
                               std::istream* stdin_stream) {
  authorize(ctx, "refer.import");
  // stdin, a pipe or a device is read to its end before the import takes
  // the write lock (a stalled sender must not stop other users), into an
  // unnamed file in the database's own (private) folder.
  const std::string folder = std::filesystem::path(ctx.db.path()).parent_path().string();
  if (path == "-") {
    if (!stdin_stream) throw make_error(ExitCode::no_input, "error.cannot_read", path);
    TieCut untie(*stdin_stream);
    io::InputSpool spool(*stdin_stream, folder, "-");
    return import_referrals(ctx, spool.stream(), "-", options, spool.size());
  }
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec)) throw make_error(ExitCode::no_input, "error.cannot_read", path);
  if (io::needs_spool(path)) {
    io::InputSpool spool(in, folder, path);
    ImportOptions o = options;
    if (o.format.empty()) o.format = io::choose_import_format(path, "") == io::ImportFormat::jsonl ? "jsonl" : "csv";
    return import_referrals(ctx, spool.stream(), path, o, spool.size());
  }
  const auto size = std::filesystem::file_size(path, ec);
  ImportOptions o = options;
  if (o.format.empty()) o.format = io::choose_import_format(path, "") == io::ImportFormat::jsonl ? "jsonl" : "csv";
  return import_referrals(ctx, in, path, o, ec ? 0 : size);
}

ImportSummary import_referrals(const Context& ctx, std::istream& input, const std::string& name,
                               const ImportOptions& options, std::uint64_t total_bytes) {
  authorize(ctx, "refer.import");
  std::optional<io::Windows1252Input> converted;
  if (options.windows1252) {
    converted.emplace(input);
    total_bytes = 0;  // progress counts converted bytes: no percentage of the file's
  }
  std::istream& in = converted ? static_cast<std::istream&>(*converted) : input;
  const io::ImportFormat format = io::choose_import_format(name, options.format);
  ImportSummary sum;
  sum.file = name;
  const std::string sender = options.sender.empty() ? "default" : options.sender;
  const std::string object = "import:" + std::filesystem::path(name).filename().string();
  const auto pnr_options = ctx.pnr_options();
  const Date today = ctx.today();

  io::ImportSource source(in, format, ctx.rv.import_map.columns, options.delimiter);
  RejectsFile rejects(options.rejects_path, format, options.replace_rejects, ctx.db, name);
  rejects.header(source.header_raw(), source.delimiter());

  // Checks a row as read and fills `r` with it (on the reading thread: it
  // touches nothing but the row, `r` and what is only read here).
  const bool keep_raw = rejects.active();
  auto check = [&](const io::ImportRow& row, PendingReferral& r) {
    r.line = row.line;
    r.problems = row.problems;
    if (keep_raw) {
      r.raw.assign(row.raw);
      r.malformed = row.malformed;
    }
    std::optional<PersonalNumber> pnr;
    Date received{};
    if (!row.malformed && r.problems.empty()) {
      check_referral_text([&](std::size_t c) { return row.present[c] ? &row.value[c] : nullptr; },
                          [&](std::size_t c, const TextProblem& p) {
                            const std::string column(io::column_name(c));
                            r.problems.push_back({column, p.key, {column, std::to_string(p.byte), p.shown}});
                          });
    }
    if (!row.malformed && r.problems.empty()) {
      for (std::size_t c = 0; c < io::kColumnCount; ++c)
        if (io::column_required(c) && !row.present[c])
          r.problems.push_back({std::string(io::column_name(c)), "import.missing", {}});
      if (row.present[io::kFnr]) {
        try {
          pnr = PersonalNumber::parse(row.value[io::kFnr], pnr_options);
        } catch (const Error& e) {
          r.problems.push_back({"fnr", e.key(), e.args()});
        }
      }
      if (row.present[io::kReporterType] && !ctx.rv.find_reporter_type(row.value[io::kReporterType]))
        r.problems.push_back({"reporter_type", "refer.unknown_reporter_type",
                              {row.value[io::kReporterType], reporter_type_list(ctx.rv)}});
      if (row.present[io::kTargetGroup] && !row.value[io::kTargetGroup].empty()) {
        if (const auto* g = find_target_group_by_name(ctx.rv, row.value[io::kTargetGroup])) r.target_group = g->id;
        else
          r.problems.push_back({"target_group", "target_group.unknown",
                                {row.value[io::kTargetGroup], target_group_list(ctx.rv)}});
      }
      if (row.present[io::kReceived]) {
        if (auto d = try_parse_date(row.value[io::kReceived])) {
          received = *d;
          if (received > today)
            r.problems.push_back({"received", "refer.received_in_future", {row.value[io::kReceived], format_date(today)}});
        } else {
          r.problems.push_back({"received", "import.bad_date", {row.value[io::kReceived]}});
        }
      }
    }
    if (r.problems.empty()) {
      r.sender = sender;
      r.external_id = row.value[io::kExternalId];
      r.name = row.present[io::kName] ? row.value[io::kName] : std::string();
      r.reporter_type = row.value[io::kReporterType];
      r.reporter_name = row.present[io::kReporterName] ? row.value[io::kReporterName] : std::string();
      r.received = row.value[io::kReceived];
      r.need = row.value[io::kNeed];
      complete(r, *pnr, received);
    }
  };

  // A read of stdin would flush std::cout (its tied stream) on the reading
  // thread; nothing of the import's own needs that.
  const TieCut untie(in);
  // The reader thread allocates the rows' strings and this thread frees and
  // reuses them; with its own malloc arena each thread keeps free memory the
  // other cannot use. One arena for the process: 1.4 MiB less peak RSS on a
  // million rows, and no slower (measured; issue 18's ceiling is 64 MiB).
  ::mallopt(M_ARENA_MAX, 1);
  // Made before the transaction so that it is stopped after the rollback:
  // a failed import releases the write lock at once, not when a reader
  // waiting on a slow pipe gets its next line.
  RowReader reader(source, check);
  ImportPragmas pragmas(ctx.db);
  ctx.db.write([&] {
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    ReferralBatch batch(ctx, audit);
    std::int64_t first_referral = 0, last_referral = 0;
    bool doomed = false;  // all or nothing, and a row was bad: validate the rest, store nothing
    std::string reason;
    io::ImportRow rejected_row;

    // Reports the batch's rows in file order, then stores the good ones.
    auto flush = [&] {
      batch.classify();
      for (std::size_t i = 0; i < batch.size(); ++i) {
        PendingReferral& r = batch[i];
        if (r.problems.empty()) {
          if (r.outcome == PendingReferral::Outcome::duplicate) {
            ++sum.duplicates;
            continue;
          }
          if (r.outcome != PendingReferral::Outcome::conflict) continue;
          ++sum.conflicts;
          if (r.earlier_line)
            r.problems.push_back({"external_id", "import.conflict_in_file", {r.external_id, sender, std::to_string(r.earlier_line)}});
          else
            r.problems.push_back({"external_id", "import.conflict", {r.external_id, sender, r.case_number}});
        }
        ++sum.rejected;
        reason.clear();
        for (const auto& p : r.problems) {
          // An argument may echo a whole input line: clipped to about 200
          // bytes, and shown (its bytes may be anything) on one line.
          std::string text = visible(render_message(ctx.lang, p.key, clip_all(p.args)), false);
          if (sum.errors.size() < kMaxListedErrors) sum.errors.push_back({r.line, p.column, text, p.key});
          else ++sum.errors_not_listed;
          if (!reason.empty()) reason += "; ";
          if (!p.column.empty()) reason += p.column + ": ";
          reason += text;
        }
        if (rejects.active()) {
          rejected_row.raw = r.raw;
          rejected_row.malformed = r.malformed;
          rejects.row(rejected_row, reason);
        }
        if (!options.partial) doomed = true;
      }
      if (!doomed) {
        batch.store();
        for (std::size_t i = 0; i < batch.size(); ++i) {
          const PendingReferral& r = batch[i];
          if (!r.storable()) continue;
          if (sum.stored++ == 0) first_referral = r.referral_id;
          last_referral = r.referral_id;
          if (r.new_case) ++sum.cases_opened;
        }
      }
    };

    while (reader.next(batch)) {
      const std::size_t before = sum.read;
      sum.read += batch.size();
      if (options.progress && before / kProgressEvery != sum.read / kProgressEvery)
        options.progress({sum.read, reader.bytes_read(), total_bytes});
      flush();
    }
    if (options.progress) options.progress({sum.read, reader.bytes_read(), total_bytes});
    rejects.close();
    if (doomed) {
      Error failure = make_error(ExitCode::data, "import.failed", sum.rejected, sum.read);
      for (const auto& e : sum.errors)
        failure.details.push_back({e.column.empty() ? "import.error_line" : "import.error_line_column",
                                   e.column.empty() ? std::vector<std::string>{std::to_string(e.line), e.reason}
                                                    : std::vector<std::string>{std::to_string(e.line), e.column, e.reason}});
      if (sum.errors_not_listed) failure.details.push_back({"import.more_errors", {std::to_string(sum.errors_not_listed)}});
      if (options.failed) {
        ImportSummary rolled_back = sum;
        rolled_back.stored = 0;
        rolled_back.cases_opened = 0;
        options.failed(rolled_back);
      }
      throw failure;  // rolls back: nothing of the file is stored
    }
    // One entry for the whole import, linked to the referrals it stored and
    // sealing them and the persons it stored as two ranges.
    if (sum.stored) audit.after_range("referral", first_referral, last_referral);
    audit.after_range("person", batch.first_new_person(), batch.last_new_person());
    std::string detail = "sender " + sender + ", read " + std::to_string(sum.read) + ", stored " +
                         std::to_string(sum.stored) + ", duplicates " + std::to_string(sum.duplicates) + ", rejected " +
                         std::to_string(sum.rejected);
    if (sum.stored) detail += ", referrals " + std::to_string(first_referral) + "-" + std::to_string(last_referral);
    const std::int64_t entry = audit.append("refer.import", object, "", detail);
    if (sum.stored) record_import_batch(ctx.db, entry, first_referral, last_referral);
    audit.flush();
  });
  sum.committed = true;
  return sum;
}

}  // namespace oppteam
