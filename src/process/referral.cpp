#include <oppteam/process/referral.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/io/import_format.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/hash.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

namespace oppteam {

namespace {

// The content a referral is compared on when it is sent again.
std::string content_hash(const ReferralInput& in) {
  std::string data;
  data.reserve(in.fnr.size() + in.name.size() + in.reporter_type.size() + in.reporter_name.size() +
               in.received.size() + in.need.size() + 8);
  const char sep = '\x1f';
  data += in.fnr; data += sep;
  data += in.name; data += sep;
  data += in.reporter_type; data += sep;
  data += in.reporter_name; data += sep;
  data += in.received; data += sep;
  data += in.need;
  return sha256_hex(data);
}

int year_of(Date d) { return int(std::chrono::year_month_day{d}.year()); }

// ISO text of a date without iostreams (one per stored person).
std::string fast_iso(Date d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return std::string(buf, std::size_t(n > 0 ? n : 0));
}

// A strict YYYY-MM-DD date without iostreams (the import checks one per
// row; try_parse_date's stream parsing costs more than the rest of the check).
std::optional<Date> fast_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f)
    for (int i = 0; i < len[f]; ++i) {
      const char c = t[std::size_t(start[f] + i)];
      if (c < '0' || c > '9') return std::nullopt;
      v[f] = v[f] * 10 + (c - '0');
    }
  const std::chrono::year_month_day ymd{std::chrono::year{v[0]}, std::chrono::month{unsigned(v[1])}, std::chrono::day{unsigned(v[2])}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

// The statements that store referrals, prepared once and re-bound for
// every row of an import.
class ReferralWriter {
 public:
  explicit ReferralWriter(const Context& ctx)
      : ctx_(ctx),
        sel_person_(ctx.db.sql(), "SELECT id, name IS NULL FROM person WHERE fnr = ?"),
        ins_person_(ctx.db.sql(), "INSERT INTO person(fnr, kind, birth_date, name, created_at) VALUES (?, ?, ?, ?, ?) "
                                  "ON CONFLICT(fnr) DO NOTHING"),
        upd_name_(ctx.db.sql(), "UPDATE person SET name = ? WHERE id = ? AND name IS NULL"),
        sel_open_(ctx.db.sql(), "SELECT id, number, status FROM case_file WHERE person_id = ? "
                                "AND status IN ('received', 'granted', 'active') ORDER BY id DESC LIMIT 1"),
        ins_case_(ctx.db.sql(), "INSERT INTO case_file(number, year, seq, person_id, status, opened_on) "
                                "VALUES (?, ?, ?, ?, 'received', ?)"),
        sel_existing_(ctx.db.sql(), "SELECT r.content_hash, c.number FROM referral r JOIN case_file c ON c.id = r.case_id "
                                    "WHERE r.sender = ? AND r.external_id = ?"),
        ins_referral_(ctx.db.sql(), "INSERT INTO referral(case_id, sender, external_id, reporter_type, reporter_name, "
                                    "received_on, need, content_hash, created_at, created_by) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        now_(ctx.clock.now_timestamp()) {}

  enum class Seen { fresh, duplicate, conflict };

  // Looks for an earlier referral with the same sender and external_id.
  Seen seen(const ReferralInput& in, const std::string& hash, std::string* case_number) {
    if (in.external_id.empty()) return Seen::fresh;
    sel_existing_.reset();
    sel_existing_.bind(1, in.sender);
    sel_existing_.bind(2, in.external_id);
    if (!sel_existing_.executeStep()) return Seen::fresh;
    if (case_number) *case_number = sel_existing_.getColumn(1).getString();
    return sel_existing_.getColumn(0).getString() == hash ? Seen::duplicate : Seen::conflict;
  }

  // Stores a validated referral; `pnr` is its parsed number.
  ReferralResult store(const ReferralInput& in, const PersonalNumber& pnr, Date received, const std::string& hash) {
    ReferralResult r;
    std::int64_t person_id = 0;
    bool new_person = false;
    // Insert first: a new person costs one statement, a known one two.
    ins_person_.reset();
    ins_person_.bind(1, pnr.str());
    ins_person_.bind(2, std::string(kind_name(pnr.kind())));
    ins_person_.bind(3, fast_iso(pnr.birth_date()));
    if (in.name.empty()) ins_person_.bind(4);
    else ins_person_.bind(4, in.name);
    ins_person_.bind(5, now_);
    if (ins_person_.exec() > 0) {
      person_id = ctx_.db.sql().getLastInsertRowid();
      new_person = true;
    } else {
      sel_person_.reset();
      sel_person_.bind(1, pnr.str());
      sel_person_.executeStep();
      person_id = sel_person_.getColumn(0).getInt64();
      const bool no_name = sel_person_.getColumn(1).getInt() != 0;
      sel_person_.reset();
      if (no_name && !in.name.empty()) {
        upd_name_.reset();
        upd_name_.bind(1, in.name);
        upd_name_.bind(2, person_id);
        upd_name_.exec();
      }
    }

    std::int64_t case_id = 0;
    if (!new_person) {  // a new person has no open case
      sel_open_.reset();
      sel_open_.bind(1, person_id);
      if (sel_open_.executeStep()) {
        case_id = sel_open_.getColumn(0).getInt64();
        r.case_number = sel_open_.getColumn(1).getString();
        r.status = sel_open_.getColumn(2).getString();
      }
      sel_open_.reset();
    }
    if (case_id == 0) {
      const int year = year_of(received);
      auto it = next_seq_.find(year);
      if (it == next_seq_.end()) {
        SQLite::Statement q(ctx_.db.sql(), "SELECT coalesce(max(seq), 0) + 1 FROM case_file WHERE year = ?");
        q.bind(1, year);
        q.executeStep();
        it = next_seq_.emplace(year, q.getColumn(0).getInt()).first;
      }
      const int seq = it->second++;
      r.case_number = std::to_string(year) + "/" + std::to_string(seq);
      ins_case_.reset();
      ins_case_.bind(1, r.case_number);
      ins_case_.bind(2, year);
      ins_case_.bind(3, seq);
      ins_case_.bind(4, person_id);
      ins_case_.bind(5, in.received);
      ins_case_.exec();
      case_id = ctx_.db.sql().getLastInsertRowid();
      r.new_case = true;
      r.status = std::string(kCaseReceived);
    }

    ins_referral_.reset();
    ins_referral_.bind(1, case_id);
    if (in.external_id.empty()) {
      ins_referral_.bind(2);
      ins_referral_.bind(3);
    } else {
      ins_referral_.bind(2, in.sender);
      ins_referral_.bind(3, in.external_id);
    }
    ins_referral_.bind(4, in.reporter_type);
    if (in.reporter_name.empty()) ins_referral_.bind(5);
    else ins_referral_.bind(5, in.reporter_name);
    ins_referral_.bind(6, in.received);
    ins_referral_.bind(7, in.need);
    ins_referral_.bind(8, hash);
    ins_referral_.bind(9, now_);
    ins_referral_.bind(10, ctx_.actor);
    ins_referral_.exec();
    r.referral_id = ctx_.db.sql().getLastInsertRowid();
    return r;
  }

 private:
  const Context& ctx_;
  SQLite::Statement sel_person_, ins_person_, upd_name_, sel_open_, ins_case_, sel_existing_, ins_referral_;
  std::string now_;
  std::map<int, int> next_seq_;
};

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
  if (!rv.find_reporter_type(id)) throw make_error(ExitCode::data, "refer.unknown_reporter_type", id, reporter_type_list(rv));
}

Date check_received(const Context& ctx, std::string_view text) {
  const Date d = parse_date(text, "received");
  if (d > ctx.today()) throw make_error(ExitCode::data, "refer.received_in_future", text, format_date(ctx.today()));
  return d;
}

void check_need(std::string_view need) {
  if (need.find_first_not_of(" \t\r\n") == std::string_view::npos) throw make_error(ExitCode::data, "refer.need_empty");
}

ReferralResult add_referral(const Context& ctx, const ReferralInput& in) {
  const PersonalNumber pnr = check_fnr(ctx, in.fnr, in.birth_year);
  check_reporter_type(ctx.rv, in.reporter_type);
  const Date received = check_received(ctx, in.received);
  check_need(in.need);
  ReferralInput norm = in;
  norm.fnr = pnr.str();
  if (!norm.external_id.empty() && norm.sender.empty()) norm.sender = "default";
  const std::string hash = content_hash(norm);
  return ctx.db.write([&] {
    ReferralWriter w(ctx);
    std::string existing_case;
    switch (w.seen(norm, hash, &existing_case)) {
      case ReferralWriter::Seen::duplicate: {
        ReferralResult r;
        r.duplicate = true;
        r.case_number = existing_case;
        r.status = find_case(ctx.db, existing_case).status;
        return r;
      }
      case ReferralWriter::Seen::conflict:
        throw make_error(ExitCode::data, "refer.conflict", norm.sender, norm.external_id, existing_case);
      case ReferralWriter::Seen::fresh: break;
    }
    ReferralResult r = w.store(norm, pnr, received, hash);
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor);
    audit.append("refer.add", r.case_number, pnr.str(),
                 r.new_case ? "new case, reporter " + norm.reporter_type : "added to open case, reporter " + norm.reporter_type);
    audit.flush();
    return r;
  });
}

// ---------------------------------------------------------------------------
// Batch import

namespace {

class RejectsFile {
 public:
  RejectsFile(const std::string& path, io::ImportFormat format) : format_(format) {
    if (path.empty()) return;
    out_.open(path, std::ios::binary | std::ios::trunc);
    if (!out_) throw make_error(ExitCode::io, "error.cannot_write", path);
    path_ = path;
  }
  bool active() const { return !path_.empty(); }
  void header(const std::string& raw) {
    if (!active() || format_ != io::ImportFormat::csv) return;
    out_ << raw << ",reason\r\n";
  }
  void row(const io::ImportRow& row, const std::string& reason) {
    if (!active()) return;
    if (format_ == io::ImportFormat::csv) {
      if (row.malformed) out_ << io::csv_quote(row.raw) << "," << io::csv_quote(reason) << "\r\n";
      else out_ << row.raw << "," << io::csv_quote(reason) << "\r\n";
      return;
    }
    std::string_view raw = row.raw;
    const auto last = raw.find_last_not_of(" \t");
    if (!row.malformed && last != std::string_view::npos && raw[last] == '}') {
      std::string_view body = raw.substr(0, last);
      const auto before = body.find_last_not_of(" \t\r\n");
      const bool empty_object = before != std::string_view::npos && body[before] == '{';
      out_ << body << (empty_object ? "" : ",") << "\"reason\":" << nlohmann::json(reason).dump() << "}\n";
    } else {
      out_ << nlohmann::json{{"raw", std::string(raw)}, {"reason", reason}}.dump() << "\n";
    }
  }
  void close() {
    if (!active()) return;
    out_.flush();
    if (!out_) throw make_error(ExitCode::io, "error.cannot_write", path_);
    out_.close();
  }

 private:
  io::ImportFormat format_;
  std::string path_;
  std::ofstream out_;
};

// Sets a larger page cache for the import and puts the old one back.
class ImportPragmas {
 public:
  explicit ImportPragmas(Database& db) : db_(db) {
    old_cache_ = db_.sql().execAndGet("PRAGMA cache_size").getInt();
    old_fk_ = db_.sql().execAndGet("PRAGMA foreign_keys").getInt();
    // Every reference the import writes is to a row it has just inserted or
    // read in the same transaction; checking each again costs two lookups a row.
    db_.sql().exec("PRAGMA foreign_keys = OFF");
    db_.sql().exec("PRAGMA cache_size = -24576");  // 24 MiB: the import's pages stay well under 64 MiB RSS
    db_.sql().exec("PRAGMA temp_store = MEMORY");
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

}  // namespace

ImportSummary import_referrals(const Context& ctx, const std::string& path, const ImportOptions& options,
                               std::istream* stdin_stream) {
  if (path == "-") {
    if (!stdin_stream) throw make_error(ExitCode::no_input, "error.cannot_read", path);
    return import_referrals(ctx, *stdin_stream, "-", options, 0);
  }
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec)) throw make_error(ExitCode::no_input, "error.cannot_read", path);
  const auto size = std::filesystem::file_size(path, ec);
  ImportOptions o = options;
  if (o.format.empty()) o.format = io::choose_import_format(path, "") == io::ImportFormat::jsonl ? "jsonl" : "csv";
  return import_referrals(ctx, in, path, o, ec ? 0 : size);
}

ImportSummary import_referrals(const Context& ctx, std::istream& in, const std::string& name,
                               const ImportOptions& options, std::uint64_t total_bytes) {
  const io::ImportFormat format = io::choose_import_format(name, options.format);
  ImportSummary sum;
  sum.file = name;
  const std::string sender = options.sender.empty() ? "default" : options.sender;
  const std::string object = "import:" + std::filesystem::path(name).filename().string();
  const auto pnr_options = ctx.pnr_options();
  const Date today = ctx.today();

  io::ImportSource source(in, format, ctx.rv.import_map.columns);
  RejectsFile rejects(options.rejects_path, format);
  rejects.header(source.header_raw());

  Error failure = make_error(ExitCode::data, "import.failed", "", "");

  ImportPragmas pragmas(ctx.db);
  ctx.db.write([&] {
    ReferralWriter writer(ctx);
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor);
    io::ImportRow row;
    ReferralInput ref;
    ref.sender = sender;
    std::vector<io::RowProblem> problems;
    std::string reason;
    bool doomed = false;  // all or nothing, and a row was bad: validate the rest, store nothing
    while (source.next(row)) {
      ++sum.read;
      if (options.progress && (sum.read & 0x3fff) == 0)
        options.progress({sum.read, source.bytes_read(), total_bytes});
      problems = row.problems;
      std::optional<PersonalNumber> pnr;
      Date received{};
      if (!row.malformed && problems.empty()) {
        for (std::size_t c = 0; c < io::kColumnCount; ++c)
          if (io::column_required(c) && !row.present[c])
            problems.push_back({std::string(io::column_name(c)), "import.missing", {}});
        if (row.present[io::kFnr]) {
          try {
            pnr = PersonalNumber::parse(row.value[io::kFnr], pnr_options);
          } catch (const Error& e) {
            problems.push_back({"fnr", e.key(), e.args()});
          }
        }
        if (row.present[io::kReporterType] && !ctx.rv.find_reporter_type(row.value[io::kReporterType]))
          problems.push_back({"reporter_type", "refer.unknown_reporter_type",
                              {row.value[io::kReporterType], reporter_type_list(ctx.rv)}});
        if (row.present[io::kReceived]) {
          if (auto d = fast_date(row.value[io::kReceived])) {
            received = *d;
            if (received > today)
              problems.push_back({"received", "refer.received_in_future", {row.value[io::kReceived], format_date(today)}});
          } else {
            problems.push_back({"received", "import.bad_date", {row.value[io::kReceived]}});
          }
        }
      }
      std::string hash;
      if (problems.empty()) {
        ref.external_id = row.value[io::kExternalId];
        ref.fnr = pnr->str();
        ref.name = row.present[io::kName] ? row.value[io::kName] : std::string();
        ref.reporter_type = row.value[io::kReporterType];
        ref.reporter_name = row.present[io::kReporterName] ? row.value[io::kReporterName] : std::string();
        ref.received = row.value[io::kReceived];
        ref.need = row.value[io::kNeed];
        hash = content_hash(ref);
        std::string existing_case;
        switch (writer.seen(ref, hash, &existing_case)) {
          case ReferralWriter::Seen::duplicate:
            ++sum.duplicates;
            continue;
          case ReferralWriter::Seen::conflict:
            ++sum.conflicts;
            problems.push_back({"external_id", "import.conflict", {ref.external_id, sender, existing_case}});
            break;
          case ReferralWriter::Seen::fresh: break;
        }
      }
      if (!problems.empty()) {
        ++sum.rejected;
        reason.clear();
        for (const auto& p : problems) {
          std::string text = render_message(ctx.lang, p.key, p.args);
          if (sum.errors.size() < kMaxListedErrors) sum.errors.push_back({row.line, p.column, text});
          else ++sum.errors_not_listed;
          if (!reason.empty()) reason += "; ";
          if (!p.column.empty()) reason += p.column + ": ";
          reason += text;
        }
        rejects.row(row, reason);
        if (!options.partial) doomed = true;
        continue;
      }
      if (doomed) continue;
      const ReferralResult r = writer.store(ref, *pnr, received, hash);
      ++sum.stored;
      if (r.new_case) ++sum.cases_opened;
      audit.append("refer.import", r.case_number, ref.fnr, "sender " + sender + ", external_id " + ref.external_id);
    }
    if (options.progress) options.progress({sum.read, source.bytes_read(), total_bytes});
    rejects.close();
    if (doomed) {
      failure = make_error(ExitCode::data, "import.failed", sum.rejected, sum.read);
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
    audit.append("refer.import", object, "",
                 "read " + std::to_string(sum.read) + ", stored " + std::to_string(sum.stored) + ", duplicates " +
                     std::to_string(sum.duplicates) + ", rejected " + std::to_string(sum.rejected));
    audit.flush();
  });
  sum.committed = true;
  return sum;
}

}  // namespace oppteam
