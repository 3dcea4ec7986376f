#pragma once
// Transfer between municipalities (issue 19, docs/transfer.md). `case
// transfer` hands a case to another municipality as an HL7 FHIR R4 Bundle
// (the bundle of case_fhir_bundle(), limited to what the person's consent to
// the transfer covers), closes the case as "transferred" and records where
// it went; `case receive` reads such a bundle in the receiving
// municipality's database, as untrusted input, and opens a case (or joins
// the person's open one) with the received history kept beside it, apart
// from the receiving unit's own entries.

#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace oppteam {

struct TransferInput {
  std::string to;                      // the receiving municipality, as named by the user
  std::string out;                     // the file to write
  bool force = false;                  // an existing file may be replaced
  std::vector<std::string> forbidden;  // files never written (io::database_files, inputs)
};

struct TransferResult {
  std::string case_number, to, file, sha256;
  std::size_t entries = 0;
  std::vector<std::string> sent;      // the parts of the case sent (referrals, decision, consents, ...)
  std::vector<std::string> left_out;  // parts not sent for want of consent
};

// Writes the bundle to `in.out` (io::OutputFile: 0600, never the database,
// no clobber without force) and closes the case with the reason
// "transferred", in one transaction with its audit entry (who, to whom, the
// file's SHA-256). Exit 2 when the case is closed or no consent with the
// scope "overforing" is in force (naming the consent command), 64 for an
// empty --to or a forbidden target, 65 when the rammeverk has no closing
// reason "transferred". Nothing is written when it fails.
TransferResult transfer_case(const Context& ctx, std::string_view case_number, const TransferInput& in);

// Limits on a bundle read by case receive.
inline constexpr std::size_t kMaxBundleBytes = 16u << 20;
inline constexpr int kMaxBundleDepth = 32;
inline constexpr std::size_t kMaxBundleEntries = 20000;

struct ReceiveResult {
  std::string case_number;
  bool new_case = false;
  std::string from, from_number, from_case, sha256, received_on;
  nlohmann::json history;  // what was received, as stored (see case_transfers)
};

// Reads the bundle at `path` (exit 66 unreadable; 65 with what and where
// for anything malformed: size, depth, JSON, missing resources, a personal
// number this rammeverk does not accept, bad text) and stores the person,
// a referral from the sending municipality and the received history in one
// transaction. Exit 2 when the same bundle, or the same case of the same
// municipality, was received before.
ReceiveResult receive_case(const Context& ctx, const std::string& path);

// The case's transfers, oldest first, for case show (no audit):
// {"transfers": [{"to", "transferred_on", "transferred_by", "file", "bundle_sha256"}],
//  "received": [{"received_from", "from_number", "from_case", "received_on",
//                "received_by", "bundle_sha256", "referrals", "consents",
//                "assessments", "decision", "team", "plan", "evaluations"}]}.
nlohmann::json case_transfers(Database& db, std::int64_t case_id);

}  // namespace oppteam
