#pragma once
// The checks of a referral's fields: one set for `refer add` (one
// referral, add_referral) and `refer import` (a batch, import_referrals),
// so that the two cannot drift apart again (issue 16: a need of only
// spaces was refused by one and stored by the other; in session 10 the
// import read reporter types and dates more strictly than refer add). Both
// read an id or a date without its surrounding spaces, a reporter type or
// target group as its id or label (find_by_word), a date as YYYY-MM-DD,
// D.M.YYYY or DD.MM.YYYY (SPEC.md, "Additions"). Two differences are
// deliberate and named by Intake: refer add also takes a relative date
// (i dag, +N: parse_user_date) where a file's would mean the day it is
// read, and each names a field its own way (the column `need`, the option
// `--need`).

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/domain/personal_number.hpp>
#include <oppteam/io/import_format.hpp>
#include <oppteam/process/context.hpp>
#include <oppteam/util/clock.hpp>
#include <oppteam/util/error.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

// How a referral comes in.
enum class Intake {
  single,  // refer add: dates as people write them, i dag and +N too; a field named by its option (--need)
  batch,   // refer import: dates as written (no relative forms); a field named by its column (need)
};

// A referral's fields by io::Column: the value, or nullptr when absent.
// (A required field absent is a problem; refer add passes every field, so
// an empty one meets the field's own check.)
using ReferralFields = std::array<const std::string*, io::kColumnCount>;

// What the checks made of the fields (set as far as they were valid).
// Both paths store these (not the fields as given), so that a padded id or
// a reporter type's label is stored as the id, alike.
struct CheckedReferral {
  std::optional<PersonalNumber> pnr;
  Date received{};
  std::string_view external_id;                // without surrounding spaces (a view into the field); empty when none
  const ReporterType* reporter_type = nullptr;
  const TargetGroup* target_group = nullptr;   // none given
};

// A field that failed: its column, the reason (a catalogue key and its
// arguments, and lines that follow it, such as the nearest valid value),
// and the exit code refer add stops with.
struct FieldProblem {
  FieldProblem(std::size_t column_, ExitCode code_, std::string key_, std::vector<std::string> args_,
               std::vector<Error::Detail> details_ = {})
      : column(column_), code(code_), key(std::move(key_)), args(std::move(args_)), details(std::move(details_)) {}
  std::size_t column = 0;
  ExitCode code = ExitCode::data;
  std::string key;
  std::vector<std::string> args;
  std::vector<Error::Detail> details;

  Error error() const {
    Error e(code, key, args);
    e.details = details;
    return e;
  }
};

class ReferralChecks {
 public:
  ReferralChecks(const Context& ctx, Intake intake);

  // Checks every field and appends each problem to `problems` (a field
  // whose text holds what no field may, such as a control character, is
  // not checked further; nor are the others then). Then the required
  // fields, then each field's own check in the columns' order (refer add
  // stops at the first problem). Safe to call from another thread than the
  // one that made the checks (it only reads the rammeverk).
  void check(const ReferralFields& fields, std::optional<int> birth_year, CheckedReferral& out,
             std::vector<FieldProblem>& problems) const;

 private:
  // The field as the caller names it: the column, or refer add's option.
  std::string name_of(std::size_t column) const;

  const Rammeverk& rv_;
  PersonalNumberOptions pnr_options_;
  Date today_;
  Lang lang_;  // the reader's: dates in messages as they write them
  Intake intake_;
};

// The checks of one field, for prompts, corrections and refer add's
// options (each throws Error with the reason: exit 65, also for a value
// outside the rammeverk's list).
PersonalNumber check_fnr(const Context& ctx, std::string_view text, std::optional<int> birth_year = std::nullopt);
void check_reporter_type(const Rammeverk& rv, std::string_view id);
// A received date as people write it (parse_user_date) that a case can
// carry: not after today, not before the person's birth date (`born`, when
// known), not before CaseNumber::kFirstYear (ReferralChecks::check applies
// the same rule to the import's and refer add's date).
Date check_received(const Context& ctx, std::string_view text, std::optional<Date> born = std::nullopt);
// A need that says something: not empty, not only spaces and line breaks.
void check_need(std::string_view need);
// The sending system (refer add's --sender, the import's): one line of text.
void check_sender(std::string_view sender);

}  // namespace oppteam
