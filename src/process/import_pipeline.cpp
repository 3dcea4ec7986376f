#include <oppteam/process/import_pipeline.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/io/import_format.hpp>
#include <oppteam/io/input_spool.hpp>
#include <oppteam/io/output_file.hpp>
#include <oppteam/io/rejects_file.hpp>
#include <oppteam/process/referral_batch.hpp>
#include <oppteam/process/referral_checks.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/handover.hpp>
#include <oppteam/util/text.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <malloc.h>
#include <optional>
#include <string_view>
#include <thread>

namespace oppteam {

namespace {

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
// ReferralStore, so temp_store does not matter here.)
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
constexpr std::uint64_t kBytesPerRow = 200;      // a generous size of a referral's row (about 125 bytes in CSV), to estimate the rows of a file

// A batch's rows between the threads of an import.
struct Chunk {
  std::vector<PendingReferral> rows;
  std::size_t size = 0;
  std::uint64_t bytes_read = 0;
};

// Reads and checks an import's rows on a thread of its own, a batch at a
// time, while the caller's thread stores the batch before: reading,
// checking and hashing cost about a third of what storing costs, and with
// two cores they no longer add to it. At most kDepth batches wait, so
// memory stays flat; their rows come back to the reader (through the
// RowSealer) to be used again.
class RowReader {
 public:
  using Check = std::function<void(const io::ImportRow&, PendingReferral&)>;
  static constexpr std::size_t kDepth = 1;  // with the batch filled and the batch stored: three of 4.6 MiB each

  RowReader(io::ImportSource& source, Check check)
      : source_(source), check_(std::move(check)), producer_(handover_, [this](Handover<Chunk>& out) { read(out); }) {}

  // Makes the next rows read `batch`'s rows; false at the end of the input.
  // Throws what reading threw, after the batches handed over before it (the
  // rows of a batch not yet full are dropped: the error ends the import).
  // The batch's previous rows go to `done`, which gives them back (give_back()).
  template <typename Done>
  bool next(ReferralBatch& batch, Done&& done) {
    if (!handover_.take(taken_)) return false;
    bytes_read_ = taken_.bytes_read;
    const std::size_t previous = batch.size();
    batch.take(taken_.rows, taken_.size);
    taken_.size = previous;  // taken_ holds the previous rows now
    done(std::move(taken_));
    return true;
  }
  // Rows to be filled again (from any thread).
  void give_back(Chunk&& rows) { handover_.give_back(std::move(rows)); }
  // Stops the reading thread (from any thread): its rows will not come back.
  void stop() { handover_.stop(); }
  // Of the input, up to the last row handed over.
  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  // On the reading thread.
  void read(Handover<Chunk>& out) {
    io::ImportRow row;
    std::optional<Chunk> chunk = spare(out);
    while (chunk && !out.stopped() && source_.next(row)) {  // seen between two rows
      if (chunk->size == chunk->rows.size()) chunk->rows.emplace_back();
      check_(row, reuse(chunk->rows[chunk->size++]));
      if (chunk->size < ReferralBatch::kCapacity) continue;
      chunk->bytes_read = source_.bytes_read();
      if (!out.put(std::move(*chunk))) return;
      chunk = spare(out);
    }
    if (!chunk || chunk->size == 0) return;
    chunk->bytes_read = source_.bytes_read();
    out.put(std::move(*chunk));
  }

  // Rows to fill: a batch's given back, or new ones while fewer than
  // kDepth + 1 were made here (the batch itself holds one more set): the
  // import's memory stays at three sets of rows, however the threads run.
  // Nothing once the import has stopped.
  std::optional<Chunk> spare(Handover<Chunk>& out) {
    std::optional<Chunk> used = out.reuse();
    if (!used && made_ < kDepth + 1) {
      ++made_;
      used.emplace();
      // Room for a whole batch; a row is made when first read, so a short
      // import builds only the rows it has.
      used->rows.reserve(ReferralBatch::kCapacity);
    }
    if (!used) used = out.reuse_wait();
    if (used) used->size = 0;
    return used;
  }

  io::ImportSource& source_;
  Check check_;
  Handover<Chunk> handover_{kDepth};
  std::size_t made_ = 0;  // the reading thread's: sets of rows made
  Chunk taken_;  // the taker's: the batch handed over last
  std::uint64_t bytes_read_ = 0;
  Producer<Chunk> producer_;  // last: starts when everything it uses is there
};

// Seals the rows each batch stored (ImportSeals) on a thread of its own,
// then gives them back to the reader: sealing a million rows cost the
// storing thread a tenth of its time, at the end of the import where it
// read them back. Batches are sealed in the order they were stored.
class RowSealer {
 public:
  RowSealer(RowReader& reader, ImportSeals& seals)
      : reader_(reader), seals_(seals), thread_([this] { run(); }) {}
  RowSealer(const RowSealer&) = delete;
  RowSealer& operator=(const RowSealer&) = delete;
  ~RowSealer() { stop(); }

  // The rows of a batch that was stored (or not: only stored rows are sealed).
  void seal(Chunk&& stored) {
    if (!queue_.put(std::move(stored))) rethrow();  // the sealing thread failed
  }
  // Waits until every batch handed over is sealed; throws what sealing threw.
  void finish() {
    stop();
    rethrow();
  }

 private:
  void run() {
    try {
      Chunk c;
      while (queue_.take(c)) {
        seals_.add(c.rows.data(), c.size);
        reader_.give_back(std::move(c));
      }
    } catch (...) {
      error_ = std::current_exception();
      queue_.stop();  // seal() returns false from now on
      // The rows held here never go back: a reader waiting for them would
      // wait for ever, and the storing thread for the reader.
      reader_.stop();
    }
  }
  void stop() {
    if (!thread_.joinable()) return;
    queue_.close();
    thread_.join();
  }
  void rethrow() {
    if (error_) std::rethrow_exception(error_);
  }

  RowReader& reader_;
  ImportSeals& seals_;
  Handover<Chunk> queue_{1};
  std::exception_ptr error_;  // written by the thread, read after put() failed or after the join
  std::thread thread_;        // last: starts when everything it uses is there
};

}  // namespace

ImportSummary import_referrals(const Context& ctx, const std::string& path, const ImportOptions& options,
                               std::istream* stdin_stream) {
  authorize(ctx, "refer.import");
  // stdin, a pipe or a device is read to its end before the import takes
  // the write lock (a stalled sender must not stop other users), into an
  // unnamed file in the database's own (private) folder.
  check_sender(options.sender);  // before a pipe is read to its end
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
  check_sender(sender);
  const ReferralChecks checks(ctx, Intake::batch);

  io::ImportSource source(in, format, ctx.rv.import_map.columns, options.delimiter);
  std::vector<std::string> not_rejects = io::database_files(ctx.db.path());
  not_rejects.push_back(name);
  not_rejects.insert(not_rejects.end(), options.protected_files.begin(), options.protected_files.end());
  io::RejectsFile rejects(options.rejects_path, format, options.replace_rejects, not_rejects);
  rejects.header(source.header_raw(), source.delimiter());

  // Checks a row as read and fills `r` with it (on the reading thread: it
  // touches nothing but the row, `r`, `found` and what is only read here).
  const bool keep_raw = rejects.active();
  std::vector<FieldProblem> found;  // kept from row to row: no allocation for a good row
  auto check = [&](const io::ImportRow& row, PendingReferral& r) {
    r.line = row.line;
    r.problems = row.problems;
    if (keep_raw) {
      r.raw.assign(row.raw);
      r.malformed = row.malformed;
    }
    CheckedReferral checked;
    if (!row.malformed && r.problems.empty()) {
      ReferralFields fields;
      for (std::size_t c = 0; c < io::kColumnCount; ++c) fields[c] = row.present[c] ? &row.value[c] : nullptr;
      found.clear();
      checks.check(fields, std::nullopt, checked, found);
      for (auto& p : found)
        r.problems.push_back({std::string(io::column_name(p.column)), std::move(p.key), std::move(p.args), std::move(p.details)});
    }
    if (r.problems.empty()) {
      // As checked: ids without their spaces, the reporter type's id, the date in ISO.
      r.sender = sender;
      r.external_id = checked.external_id;
      r.name = row.present[io::kName] ? row.value[io::kName] : std::string();
      r.reporter_type = checked.reporter_type->id;
      r.reporter_name = row.present[io::kReporterName] ? row.value[io::kReporterName] : std::string();
      r.received = format_date(checked.received);
      r.need = row.value[io::kNeed];
      if (checked.target_group) r.target_group = checked.target_group->id;
      complete(r, *checked.pnr, checked.received);
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
    batch.expect_rows(total_bytes / kBytesPerRow);
    ImportSeals seals(batch.now(), ctx.actor);
    RowSealer sealer(reader, seals);
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
          std::string text = render_message(ctx.lang, p.key, clip_all(p.args));
          for (const auto& d : p.details) text += " " + render_message(ctx.lang, d.key, clip_all(d.args));
          text = visible(text, false);
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

    while (reader.next(batch, [&](Chunk&& stored) { sealer.seal(std::move(stored)); })) {
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
    sealer.finish();
    if (batch.size()) seals.add(&batch[0], batch.size());  // the last batch, still here
    if (batch.named_new_person()) audit.after_range("person", batch.first_new_person(), batch.last_new_person());
    else audit.after_range(seals.persons);
    audit.after_range(seals.referrals);
    std::vector<std::string> counts = {sender, std::to_string(sum.read), std::to_string(sum.stored), std::to_string(sum.duplicates),
                                       std::to_string(sum.rejected)};
    if (sum.stored) {
      counts.push_back(std::to_string(first_referral));
      counts.push_back(std::to_string(last_referral));
    }
    const std::string detail = audit_detail("refer.import", sum.stored ? "audit.d.import_stored" : "audit.d.import", counts);
    const std::int64_t entry = audit.append("refer.import", object, "", detail);
    if (sum.stored) record_import_batch(ctx.db, entry, first_referral, last_referral);
    audit.flush();
  });
  sum.committed = true;
  return sum;
}

}  // namespace oppteam
