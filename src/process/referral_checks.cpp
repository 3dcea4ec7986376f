#include <oppteam/process/referral_checks.hpp>

#include <oppteam/domain/case_number.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/process/target_group.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/nearest.hpp>
#include <oppteam/util/text.hpp>
#include <oppteam/util/user_date.hpp>

#include <chrono>

namespace oppteam {

namespace {

// A value the rammeverk does not know in `column`: 65, naming the valid ids and the nearest.
template <typename List>
FieldProblem unknown_in(std::size_t column, const char* key, const List& list, std::string_view value) {
  const auto ids = entry_ids(list);
  const Error e = unknown_value(key, {std::string(value), join(ids)}, value, ids);
  return {column, e.code(), e.key(), e.args(), e.details};
}

// The columns that hold an id or a date (the personal number drops its own spaces).
bool read_trimmed(std::size_t column) {
  return column == io::kExternalId || column == io::kReporterType || column == io::kReceived || column == io::kTargetGroup;
}

bool described(std::string_view need) { return need.find_first_not_of(" \t\r\n") != std::string_view::npos; }

// What is wrong with a received date `d` (typed as `text`), if anything: a
// case can carry it when it is not after today, not before the person was
// born (`born`, when known) and not before the first year a case number can
// have (0001-01-01 opened case 1/1, which no command could address). Dates
// in the message as the reader's messages write them.
std::optional<FieldProblem> received_problem(std::string_view text, Date d, Date today, std::optional<Date> born, Lang lang) {
  static const Date first = Date(std::chrono::year{CaseNumber::kFirstYear} / 1 / 1);
  if (d > today)
    return FieldProblem{io::kReceived, ExitCode::data, "refer.received_in_future", {std::string(text), long_date(today, lang)}};
  if (d < first)
    return FieldProblem{io::kReceived, ExitCode::data, "refer.received_too_early", {std::string(text), long_date(first, lang)}};
  if (born && d < *born)
    return FieldProblem{io::kReceived, ExitCode::data, "refer.received_before_birth", {std::string(text), long_date(*born, lang)}};
  return std::nullopt;
}

FieldProblem unknown_reporter_type(const Rammeverk& rv, std::string_view id) {
  return unknown_in(io::kReporterType, "refer.unknown_reporter_type", rv.reporter_types, id);
}

}  // namespace

ReferralChecks::ReferralChecks(const Context& ctx, Intake intake)
    : rv_(ctx.rv), pnr_options_(ctx.pnr_options()), today_(ctx.today()), lang_(ctx.lang), intake_(intake) {}

std::string ReferralChecks::name_of(std::size_t column) const {
  if (intake_ == Intake::batch) return std::string(io::column_name(column));
  std::string o = "--" + std::string(io::column_name(column));  // external_id -> --external-id
  for (auto& ch : o)
    if (ch == '_') ch = '-';
  return o;
}

void ReferralChecks::check(const ReferralFields& fields, std::optional<int> birth_year, CheckedReferral& out,
                           std::vector<FieldProblem>& problems) const {
  // The text first: need may hold line breaks, every other field is one line.
  const std::size_t before = problems.size();
  for (std::size_t c = 0; c < io::kColumnCount; ++c) {
    if (!fields[c]) continue;
    if (auto p = text_problem(*fields[c], c == io::kNeed ? TextField::lines : TextField::line))
      problems.push_back({c, ExitCode::data, p->key, {name_of(c), std::to_string(p->byte), p->shown}});
  }
  if (problems.size() > before) return;

  // The values as the checks read them: an id or a date without the spaces
  // around it (a fixed-width export pads its fields; the personal number
  // drops its own), so that "R-1 " is the referral "R-1". In a batch one
  // that is then empty is absent, as an empty field is.
  std::array<std::optional<std::string_view>, io::kColumnCount> value;
  for (std::size_t c = 0; c < io::kColumnCount; ++c) {
    if (!fields[c]) continue;
    const std::string_view v = read_trimmed(c) ? trimmed(*fields[c]) : std::string_view(*fields[c]);
    if (v.empty() && intake_ == Intake::batch) continue;
    value[c] = v;
  }

  for (std::size_t c = 0; c < io::kColumnCount; ++c)
    if (io::column_required(c) && !value[c]) problems.push_back({c, ExitCode::data, "import.missing", {}});
  out.external_id = value[io::kExternalId].value_or(std::string_view());
  if (const auto& fnr = value[io::kFnr]) {
    try {
      if (birth_year) {
        PersonalNumberOptions o = pnr_options_;
        o.birth_year = birth_year;
        out.pnr = PersonalNumber::parse(*fnr, o);
      } else {
        out.pnr = PersonalNumber::parse(*fnr, pnr_options_);
      }
    } catch (const Error& e) {
      problems.push_back({io::kFnr, e.code(), e.key(), e.args()});
    }
  }
  if (const auto& type = value[io::kReporterType]) {
    out.reporter_type = find_by_word(rv_.reporter_types, *type);  // an id or a label, as refer add's option
    if (!out.reporter_type) problems.push_back(unknown_reporter_type(rv_, *type));
  }
  if (const auto& received = value[io::kReceived]) {
    std::optional<Date> d;
    if (intake_ == Intake::batch) {
      d = try_parse_written_date(*received);
      if (!d) problems.push_back({io::kReceived, ExitCode::data, "import.bad_date", {std::string(*received)}});
    } else {
      try {
        d = parse_user_date(*received, name_of(io::kReceived), today_, DateHint::past);
      } catch (const Error& e) {
        problems.push_back({io::kReceived, e.code(), e.key(), e.args()});
      }
    }
    if (d) {
      out.received = *d;
      const std::optional<Date> born = out.pnr ? std::optional<Date>(out.pnr->birth_date()) : std::nullopt;
      if (auto p = received_problem(*received, *d, today_, born, lang_)) problems.push_back(std::move(*p));
    }
  }
  if (const auto& need = value[io::kNeed]; need && !described(*need))
    problems.push_back({io::kNeed, ExitCode::data, intake_ == Intake::batch ? "import.need_empty" : "refer.need_empty", {}});
  if (const auto& group = value[io::kTargetGroup]; group && !group->empty()) {
    out.target_group = find_target_group_by_name(rv_, *group);
    if (!out.target_group)
      problems.push_back(unknown_in(io::kTargetGroup, "target_group.unknown", rv_.target_groups, *group));
  }
}

PersonalNumber check_fnr(const Context& ctx, std::string_view text, std::optional<int> birth_year) {
  auto options = ctx.pnr_options();
  options.birth_year = birth_year;
  return PersonalNumber::parse(text, options);
}

void check_reporter_type(const Rammeverk& rv, std::string_view id) {
  if (!rv.find_reporter_type(id)) throw unknown_reporter_type(rv, id).error();
}

Date check_received(const Context& ctx, std::string_view text, std::optional<Date> born) {
  const Date d = parse_user_date(text, "--received", ctx.today(), DateHint::past);
  if (auto p = received_problem(text, d, ctx.today(), born, ctx.lang)) throw p->error();
  return d;
}

void check_need(std::string_view need) {
  if (!described(need)) throw make_error(ExitCode::data, "refer.need_empty");
}

void check_sender(std::string_view sender) { require_text(sender, "--sender", TextField::line); }

}  // namespace oppteam
