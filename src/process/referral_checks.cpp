#include <oppteam/process/referral_checks.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/process/target_group.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/nearest.hpp>
#include <oppteam/util/text.hpp>
#include <oppteam/util/user_date.hpp>

namespace oppteam {

namespace {

// A value the rammeverk does not know in `column`: 65, naming the valid ids and the nearest.
template <typename List>
FieldProblem unknown_in(std::size_t column, const char* key, const List& list, std::string_view value) {
  std::vector<std::string> ids;
  for (const auto& e : list) ids.push_back(e.id);
  const Error e = unknown_value(key, {std::string(value), join(ids)}, value, ids);
  return {column, e.code(), e.key(), e.args(), e.details};
}

bool described(std::string_view need) { return need.find_first_not_of(" \t\r\n") != std::string_view::npos; }

FieldProblem received_in_future(std::string_view text, const std::string& today) {
  return {io::kReceived, ExitCode::data, "refer.received_in_future", {std::string(text), today}};
}

FieldProblem unknown_reporter_type(const Rammeverk& rv, std::string_view id) {
  return unknown_in(io::kReporterType, "refer.unknown_reporter_type", rv.reporter_types, id);
}

}  // namespace

ReferralChecks::ReferralChecks(const Context& ctx, Intake intake)
    : rv_(ctx.rv), pnr_options_(ctx.pnr_options()), today_(ctx.today()), today_text_(long_date(today_, ctx.lang)), intake_(intake) {}

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

  for (std::size_t c = 0; c < io::kColumnCount; ++c)
    if (io::column_required(c) && !fields[c]) problems.push_back({c, ExitCode::data, "import.missing", {}});
  if (const std::string* fnr = fields[io::kFnr]) {
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
  if (const std::string* type = fields[io::kReporterType]; type && !rv_.find_reporter_type(*type))
    problems.push_back(unknown_reporter_type(rv_, *type));
  if (const std::string* received = fields[io::kReceived]) {
    std::optional<Date> d;
    if (intake_ == Intake::batch) {
      d = try_parse_date(*received);
      if (!d) problems.push_back({io::kReceived, ExitCode::data, "import.bad_date", {*received}});
    } else {
      try {
        d = parse_user_date(*received, name_of(io::kReceived), today_);
      } catch (const Error& e) {
        problems.push_back({io::kReceived, e.code(), e.key(), e.args()});
      }
    }
    if (d) {
      out.received = *d;
      if (*d > today_) problems.push_back(received_in_future(*received, today_text_));
    }
  }
  if (const std::string* need = fields[io::kNeed]; need && !described(*need))
    problems.push_back({io::kNeed, ExitCode::data, intake_ == Intake::batch ? "import.need_empty" : "refer.need_empty", {}});
  if (const std::string* group = fields[io::kTargetGroup]; group && !group->empty()) {
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

Date check_received(const Context& ctx, std::string_view text) {
  const Date d = parse_user_date(text, "--received", ctx.today());
  if (d > ctx.today()) throw received_in_future(text, long_date(ctx.today(), ctx.lang)).error();
  return d;
}

void check_need(std::string_view need) {
  if (!described(need)) throw make_error(ExitCode::data, "refer.need_empty");
}

void check_sender(std::string_view sender) { require_text(sender, "--sender", TextField::line); }

}  // namespace oppteam
