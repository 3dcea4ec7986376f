#pragma once
// Melding om behov: a referral opens a case (YYYY/N, the year of its
// received date) for a person with no open case, or joins the person's open
// case (status received, granted or active). One referral at a time
// (refer add) or a whole batch (refer import, SPEC.md "Batch intake
// format"): streamed, validated row by row, all or nothing by default, and
// idempotent by (sender, external_id).

#include <oppteam/domain/personal_number.hpp>
#include <oppteam/process/context.hpp>

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

struct ReferralInput {
  std::string fnr;
  std::optional<int> birth_year;  // only for numbers that do not tell their century
  std::string name;               // optional
  std::string reporter_type;
  std::string reporter_name;      // optional
  std::string received;           // ISO date
  std::string need;
  std::string sender;             // optional; with external_id makes a re-send a no-op
  std::string external_id;        // optional
  std::string target_group;       // optional: a target group of the rammeverk (id or label)
};

struct ReferralResult {
  std::string case_number;
  std::string status;       // the case's status after the referral
  bool new_case = false;
  bool duplicate = false;   // the same sender + external_id with the same content was already stored
  std::int64_t referral_id = 0;
};

// The checks of one field, for prompts and for refer add (each throws
// Error(data, exit 65) with the reason).
PersonalNumber check_fnr(const Context& ctx, std::string_view text, std::optional<int> birth_year = std::nullopt);
void check_reporter_type(const Rammeverk& rv, std::string_view id);
// A received date: a valid ISO date, not after today.
Date check_received(const Context& ctx, std::string_view text);
void check_need(std::string_view need);

// Stores one referral (refer add), audited. Throws Error(data) on a bad
// field, or on a conflict (same sender + external_id, other content).
ReferralResult add_referral(const Context& ctx, const ReferralInput& in);

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
