#pragma once
// Corrections without loss (issue 14): a person's name, a referral's need,
// received date and reporter, a goal's text, a measure's text, responsible
// and due date are corrected, and a consent or an assessment entered in
// error is voided, each with a reason. The row is changed, the value before
// is kept (table correction, shown in case show and person export), and the
// audit entry seals the row before and after. Nothing is deleted.

#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>
#include <oppteam/util/text.hpp>

#include <optional>
#include <string>
#include <vector>

namespace oppteam {

class AuditWriter;

struct Change {
  std::string field, before, after;
};

struct Corrected {
  std::string case_number;  // "" for a person's name
  std::string object;       // person | referral | goal | measure | consent | assessment
  std::int64_t object_id = 0;
  std::vector<Change> changes;
};

// Keeps one change in the correction table (inside the caller's write),
// the row sealed in `audit`'s next entry.
void record_correction(const Context& ctx, AuditWriter& audit, std::optional<std::int64_t> case_id,
                       std::int64_t person_id, const std::string& object, std::int64_t object_id, const Change& change,
                       const std::string& reason);

// Sets column `change.field` (ours, never input) of row `id` of `table` to
// `change.after` ("" is NULL when `empty_is_null`) and keeps the change
// (record_correction). The caller seals the row (AuditWriter::before) once,
// ahead of its first change.
void apply_correction(const Context& ctx, AuditWriter& audit, const std::string& table, std::int64_t id,
                      const Change& change, std::optional<std::int64_t> case_id, std::int64_t person_id,
                      const std::string& reason, bool empty_is_null = false);

// `text` checked as a `field` (65 otherwise) and trimmed; 64 naming
// `option` when nothing is left.
std::string required_value(const std::string& text, std::string_view option, TextField field = TextField::line);

// The reason every correction needs: one line, not empty (64 when missing).
std::string correction_reason(const std::string& reason);

// The person's name. Exit 1 for no such person.
Corrected correct_name(const Context& ctx, std::string_view fnr, const std::string& name, const std::string& reason);

struct ReferralFix {
  std::optional<std::string> need, received, reporter_type, reporter_name;
};
// Referral `id` of the case. Exit 1 when the case has no such referral, 65
// for a bad date (or after today) or an unknown reporter type, 64 when
// nothing is to change. A new received date moves the case's opened date
// when it was the first referral.
Corrected correct_referral(const Context& ctx, std::string_view case_number, std::int64_t id, const ReferralFix& fix,
                           const std::string& reason);

// Voids consent `id` of the case: it never held (it counts for nothing from
// the day it was given). Exit 1 for no such consent.
Corrected void_consent(const Context& ctx, std::string_view case_number, std::int64_t id, const std::string& reason);

// Voids assessment `id` of the case: a decision no longer counts it. Exit 1
// for no such assessment, 2 when voided already.
Corrected void_assessment(const Context& ctx, std::string_view case_number, std::int64_t id, const std::string& reason);

}  // namespace oppteam
