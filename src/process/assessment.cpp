#include <oppteam/process/assessment.hpp>

#include <oppteam/store/assessment_store.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/approval.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/nearest.hpp>
#include <oppteam/util/text.hpp>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

namespace oppteam {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// An item the instrument does not have (65), naming its items and the nearest.
Error unknown_item(const Instrument& instrument, const std::string& id) {
  const auto ids = entry_ids(instrument.items);
  return unknown_value("assess.unknown_item", {id, instrument.id, join(ids)}, id, ids);
}

}  // namespace

int parse_answer(const InstrumentItem& item, std::string_view text) {
  const std::string t = lower(trim(text));
  if (!item.scale) {
    if (t == "1" || t == "ja" || t == "j" || t == "yes" || t == "y" || t == "true") return 1;
    if (t == "0" || t == "nei" || t == "n" || t == "no" || t == "false") return 0;
    throw make_error(ExitCode::data, "assess.bad_yes_no", item.id, text);
  }
  int value = 0;
  const char* first = t.data();
  const char* last = t.data() + t.size();
  if (!t.empty() && *first == '+') ++first;
  auto [ptr, ec] = std::from_chars(first, last, value);
  if (t.empty() || ec != std::errc() || ptr != last || value < item.scale->first || value > item.scale->second)
    throw make_error(ExitCode::data, "assess.bad_scale", item.id, text, item.scale->first, item.scale->second);
  return value;
}

std::string allowed_values(const InstrumentItem& item, Lang lang) {
  if (!item.scale) return tr(lang, "assess.allowed_yes_no");
  return tr(lang, "assess.allowed_scale", item.scale->first, item.scale->second);
}

Scoring score_answers(const Instrument& instrument, const std::map<std::string, int>& answers, bool allow_partial) {
  Scoring s;
  s.instrument = instrument.id;
  s.version = instrument.version;
  s.threshold = instrument.recommend_at;
  for (const auto& [id, value] : answers) {
    const InstrumentItem* item = instrument.find_item(id);
    if (!item) throw unknown_item(instrument, id);
    if (value < item->min_answer() || value > item->max_answer()) {
      if (item->scale) throw make_error(ExitCode::data, "assess.bad_scale", id, value, item->min_answer(), item->max_answer());
      throw make_error(ExitCode::data, "assess.bad_yes_no", id, value);
    }
  }
  for (const auto& item : instrument.items) {
    auto d = std::find_if(s.domains.begin(), s.domains.end(), [&](const DomainScore& ds) { return ds.domain == item.domain; });
    if (d == s.domains.end()) {
      s.domains.push_back({item.domain, 0, 0});
      d = std::prev(s.domains.end());
    }
    const int best = std::max(item.min_answer() * item.weight, item.max_answer() * item.weight);
    d->max += best;
    s.max += best;
    auto a = answers.find(item.id);
    if (a == answers.end()) {
      s.unanswered.push_back(item.id);
      continue;
    }
    s.answers[item.id] = a->second;
    d->score += a->second * item.weight;
    s.score += a->second * item.weight;
  }
  if (!s.unanswered.empty() && !allow_partial)
    throw make_error(ExitCode::data, "assess.unanswered", s.unanswered.size(), join(s.unanswered));
  s.recommendation = std::string(s.score >= s.threshold ? kRecommendTeam : kRecommendNoTeam);
  return s;
}

std::map<std::string, int> resolve_answers(const Instrument& instrument, const std::vector<RawAnswer>& raw) {
  std::map<std::string, int> out;
  std::set<std::string> typed;
  for (const auto& r : raw) {
    const InstrumentItem* item = instrument.find_item(r.item);
    if (!item) throw unknown_item(instrument, r.item);
    if (r.typed && !typed.insert(r.item).second) throw make_error(ExitCode::usage, "assess.answer_twice", r.item);
    out[r.item] = parse_answer(*item, r.value);
  }
  return out;
}

std::vector<RawAnswer> read_answers_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw make_error(ExitCode::no_input, "error.cannot_read", path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const std::string t = trim(text);
  std::vector<RawAnswer> out;
  const bool is_json = path.ends_with(".json") || (!t.empty() && t.front() == '{');
  if (is_json) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw make_error(ExitCode::data, "assess.bad_answers_file", path);
    for (const auto& [key, value] : j.items()) {
      if (value.is_number_integer()) out.push_back({key, std::to_string(value.get<long long>())});
      else if (value.is_boolean()) out.push_back({key, value.get<bool>() ? "1" : "0"});
      else if (value.is_string()) out.push_back({key, value.get<std::string>()});
      else throw make_error(ExitCode::data, "assess.bad_answers_value", path, key);
    }
    return out;
  }
  toml::table tbl;
  try {
    tbl = toml::parse(text, path);
  } catch (const toml::parse_error&) {
    throw make_error(ExitCode::data, "assess.bad_answers_file", path);
  }
  for (const auto& [key, node] : tbl) {
    const std::string k(key.str());
    if (auto i = node.value_exact<int64_t>()) out.push_back({k, std::to_string(*i)});
    else if (auto b = node.value_exact<bool>()) out.push_back({k, *b ? "1" : "0"});
    else if (auto s = node.value_exact<std::string>()) out.push_back({k, *s});
    else throw make_error(ExitCode::data, "assess.bad_answers_value", path, k);
  }
  return out;
}

const Instrument& require_instrument(const Rammeverk& rv, std::string_view id) {
  if (const Instrument* i = rv.find_instrument(id)) return *i;
  const auto ids = entry_ids(rv.instruments);
  throw unknown_value("assess.unknown_instrument", {std::string(id), join(ids)}, id, ids);
}

std::string domain_label(const Rammeverk& rv, std::string_view domain, Lang lang) { return label_of(rv.domains, domain, lang); }

CaseRef check_can_assess(const Context& ctx, std::string_view number) {
  CaseRef c = authorize_case(ctx, "assess", number);
  if (c.status == CaseStatus::closed) throw make_error(ExitCode::refused, "assess.case_closed", c.number);
  if (c.status == CaseStatus::refused) throw make_error(ExitCode::refused, "assess.case_refused", c.number);
  require_consent_for(ctx, c, "assess");
  return c;
}

std::vector<std::string> assessment_professions(Database& db, std::int64_t case_id) {
  return AssessmentStore(db).professions(case_id);
}

AssessmentResult record_assessment(const Context& ctx, const AssessmentInput& input) {
  authorize_some(ctx, "assess");
  require_text(input.assessor, "--assessor", TextField::line);
  require_text(input.profession, "--profession", TextField::line);
  for (const auto& w : input.what_matters) require_text(w, "--what-matters");
  const std::string assessor = trim(input.assessor);
  const std::string profession = trim(input.profession);
  if (assessor.empty()) throw make_error(ExitCode::usage, "error.missing_option", "--assessor");
  if (profession.empty()) throw make_error(ExitCode::usage, "error.missing_option", "--profession");
  const Instrument& ins = require_instrument(ctx.rv, input.instrument);
  // Bad input is reported before the rules are checked: nothing is stored either way.
  Scoring scoring = score_answers(ins, resolve_answers(ins, input.answers), input.allow_partial);

  return ctx.db.write([&] {
    CaseRef c = check_can_assess(ctx, input.case_number);
    AssessmentResult r;
    r.fnr = c.fnr;
    r.scoring = scoring;
    Assessment& a = r.assessment;
    a.case_number = c.number;
    a.instrument = ins.id;
    a.instrument_version = ins.version;
    a.rammeverk_hash = ctx.rv.hash;
    a.assessor = assessor;
    a.profession = profession;
    a.assessed_on = format_date(ctx.today());
    a.score = scoring.score;
    a.threshold = scoring.threshold;
    a.recommendation = scoring.recommendation;
    a.partial = scoring.partial();
    a.answers = scoring.answers;
    for (const auto& d : scoring.domains) a.domains.emplace_back(d.domain, d.score);
    a.unanswered = scoring.unanswered;
    a.created_by = ctx.actor;
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    AssessmentStore store(ctx.db);
    const std::int64_t id = store.add(c.id, a, ctx.clock.now_timestamp());
    audit.after("assessment", id);
    a.id = id;
    for (const auto& raw : input.what_matters) {
      std::string text = trim(raw);
      if (text.empty()) continue;
      audit.after("what_matters", store.add_what_matters(c.id, id, text));
      a.what_matters.push_back(text);
    }

    audit.append("assess", c.number, c.fnr,
                 audit_detail("assess", scoring.partial() ? "audit.d.assess_partial" : "audit.d.assess",
                              {std::to_string(id), ins.id, std::to_string(ins.version), assessor, profession}));
    audit.flush();
    request_approval(ctx, c, ApprovalWhat::assessment, id);  // [approvals] assessment: pending until a leader approves

    r.professions = assessment_professions(ctx.db, c.id);
    return r;
  });
}

std::vector<Assessment> list_assessments(Database& db, std::int64_t case_id) { return AssessmentStore(db).list(case_id); }

}  // namespace oppteam
