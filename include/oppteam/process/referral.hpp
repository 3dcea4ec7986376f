#pragma once
// Melding om behov: a referral opens a case (YYYY/N, the year of its
// received date) for a person with no open case, or joins the person's open
// case (status received, granted or active). One referral at a time
// (refer add) or a whole batch (refer import, SPEC.md "Batch intake
// format"): streamed, validated row by row, all or nothing by default, and
// idempotent by (sender, external_id). refer add is here; the import's
// pipeline is import_pipeline.hpp; both check a referral with
// referral_checks.hpp and store it with ReferralBatch (referral_batch.hpp).

#include <oppteam/domain/case.hpp>
#include <oppteam/domain/personal_number.hpp>
#include <oppteam/process/context.hpp>
#include <oppteam/process/import_pipeline.hpp>  // refer import
#include <oppteam/process/referral_checks.hpp>  // the checks both use

#include <cstdint>
#include <optional>
#include <string>

namespace oppteam {

struct ReferralInput {
  std::string fnr;
  std::optional<int> birth_year;  // only for numbers that do not tell their century
  std::string name;               // optional
  std::string reporter_type;
  std::string reporter_name;      // optional
  std::string received;           // a date as typed (ISO, Norwegian, "i dag"); stored ISO
  std::string need;
  std::string sender;             // optional; with external_id makes a re-send a no-op
  std::string external_id;        // optional
  std::string target_group;       // optional: a target group of the rammeverk (id or label)
};

struct ReferralResult {
  std::string case_number;
  CaseStatus status = CaseStatus::received;  // the case's status after the referral
  bool new_case = false;
  bool duplicate = false;   // the same sender + external_id with the same content was already stored
  std::int64_t referral_id = 0;
  // Added to the person's open case: what it did not store or changed, so
  // the caller can say so. The name on record when --name differed from it
  // (not stored: person correct changes a name, with its history); only
  // for a user who holds case.read everywhere.
  std::optional<std::string> name_on_record;
  std::string target_group;         // the case's target group, when the referral named one
  std::string target_group_before;  // the one it replaced; "" when none was set, it was the same,
                                    // or the user does not hold case.read everywhere
};

// Stores one referral (refer add), audited. Throws Error(data) on a bad
// field, or on a conflict (same sender + external_id, other content).
ReferralResult add_referral(const Context& ctx, const ReferralInput& in);

}  // namespace oppteam
