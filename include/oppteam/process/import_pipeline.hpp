#pragma once
// refer import (SPEC.md, "Batch intake format"): a file streamed, its rows
// read and checked on a thread of their own (handed over a batch at a time,
// util/handover.hpp) while the caller's thread stores the batch before
// (ReferralBatch); all or nothing by default, --partial stores the good
// rows; rejected rows go to a rejects file (io/rejects_file.hpp). Every
// row is checked by the same checks as refer add (referral_checks.hpp).

#include <oppteam/process/context.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

namespace oppteam {

struct ImportProgress {
  std::uint64_t rows = 0;
  std::uint64_t bytes = 0;
  std::uint64_t total_bytes = 0;  // 0 when unknown (a pipe)
};

struct ImportOptions {
  std::string format;             // "csv", "jsonl" or "" (by the file name)
  char delimiter = 0;             // CSV: ',', ';', '\t', or 0 (detected from the header line)
  bool windows1252 = false;       // the input is Windows-1252, converted to UTF-8 as it is read
  std::string sender = "default"; // the sending system (external_id is unique per sender)
  bool partial = false;           // store the good rows, reject the bad ones
  std::string rejects_path;       // where rejected rows go (both modes), unchanged plus a reason
  bool replace_rejects = false;   // an existing rejects file may be replaced (--force)
  // Files the rejects file may never be, beside the database's own and the
  // input: the caller's (the rammeverk file in force).
  std::vector<std::string> protected_files;
  std::function<void(const ImportProgress&)> progress;  // called now and then while reading
  // Called with the summary (nothing stored) just before an all-or-nothing
  // import fails, so the caller can report every row in its own form.
  std::function<void(const struct ImportSummary&)> failed;
};

struct ImportIssue {
  std::size_t line = 0;
  std::string column;  // empty when it concerns the whole row
  std::string reason;  // in ctx.lang
  std::string key;     // the reason's catalogue key (e.g. text.control), for scripts
};

struct ImportSummary {
  std::string file;
  std::uint64_t read = 0;        // data rows read
  std::uint64_t stored = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t rejected = 0;    // rows with at least one error (conflicts included)
  std::uint64_t conflicts = 0;
  std::uint64_t cases_opened = 0;
  std::vector<ImportIssue> errors;     // the first kMaxListedErrors errors
  std::uint64_t errors_not_listed = 0; // errors beyond those
  bool committed = false;
};

inline constexpr std::size_t kMaxListedErrors = 1000;

// Imports `path` ("-" reads `stdin_stream`). Exit 66 when the file cannot
// be read, 65 (with every error in the details) when a row is bad and
// `partial` is off: then nothing of the file is stored. Every stored
// referral is audited. Memory does not grow with the file.
ImportSummary import_referrals(const Context& ctx, const std::string& path, const ImportOptions& options,
                               std::istream* stdin_stream = nullptr);
// The same on an open stream; `name` names it in the audit log.
ImportSummary import_referrals(const Context& ctx, std::istream& in, const std::string& name,
                               const ImportOptions& options, std::uint64_t total_bytes = 0);

}  // namespace oppteam
