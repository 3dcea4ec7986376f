#include "cli/audit_text.hpp"

#include <oppteam/i18n/dates.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace oppteam::cli {

namespace {

// One form of detail: the action it belongs to ("" for any), the stored
// text with holes, and the catalogue key of its text for people. A hole is
// "{}" (shown as stored), "{date}" (an ISO date), "{reason}", "{reporter}",
// "{role}" or "{service}" (an entry of the rammeverk, shown by its label)
// or "{LABEL.}" (an id shown as the catalogue's LABEL.<id>, e.g. "{case.status.}").
struct Form {
  std::string_view action;
  std::string_view pattern;
  std::string_view key;
};

constexpr Form kForms[] = {
    {"case.list", "{} cases", "audit.d.cases"},
    {"person.export", "{} cases", "audit.d.cases"},
    {"audit.log", "{} entries", "audit.d.entries"},
    {"consent.list", "{} consents", "audit.d.consents"},
    {"log.add", "entry {}", "audit.d.log_entry"},
    {"refer.add", "new case, reporter {reporter}", "audit.d.new_case"},
    {"refer.add", "added to open case, reporter {reporter}", "audit.d.open_case"},
    {"consent.give", "{choice.scope.} {choice.form.} by {choice.given_by.}", "audit.d.consent"},
    {"consent.decline", "{choice.scope.} {choice.form.} by {choice.given_by.}", "audit.d.decline"},
    {"consent.withdraw", "{choice.scope.} consent {}", "audit.d.withdraw"},
    {"assess", "assessment {} instrument {} v{} by {} ({}), partial", "audit.d.assess_partial"},
    {"assess", "assessment {} instrument {} v{} by {} ({})", "audit.d.assess"},
    {"decide.grant", "appeal deadline {date}", "audit.d.appeal_deadline"},
    {"decide.refuse", "appeal deadline {date}", "audit.d.appeal_deadline"},
    {"decide.preliminary_reply", "expected by {date}", "audit.d.expected_by"},
    {"team.create", "team created with {} members", "audit.d.team_created"},
    {"team.add", "{team.kind_} {} ({role}, {service})", "audit.d.team_member_service"},
    {"team.add", "{team.kind_} {} ({role})", "audit.d.team_member"},
    {"team.remove", "{team.kind_} {} ({role}, {service})", "audit.d.team_member_service"},
    {"team.remove", "{team.kind_} {} ({role})", "audit.d.team_member"},
    {"team.coordinator", "{team.kind_} {} ({role}, {service})", "audit.d.team_member_service"},
    {"team.coordinator", "{team.kind_} {} ({role})", "audit.d.team_member"},
    {"plan.goal", "goal {}", "audit.d.goal"},
    {"plan.measure", "measure {}", "audit.d.measure"},
    {"plan.goal_status", "goal {} {case.goal_status.}", "audit.d.goal_status"},
    {"plan.show", "revision {}", "audit.d.revision"},
    {"plan.history", "{} revisions", "audit.d.revisions"},
    {"plan.kind", "{choice.plan_kind.}", "audit.d.plan_kind"},
    {"team.pause", "paused", "audit.d.paused"},
    {"team.pause", "team consent withdrawn", "audit.d.team_consent_withdrawn"},
    {"team.resume", "resumed", "audit.d.resumed"},
    {"team.close", "closed with the case", "audit.d.closed_with_case"},
    {"team.reopen", "reopened with the case", "audit.d.reopened_with_case"},
    {"case.close", "closed by evaluation", "audit.d.closed_by_evaluation"},
    {"case.close", "{reason} at stage {case.status.}", "audit.d.closed_at_stage"},
    {"case.reopen", "to {case.status.}", "audit.d.reopened_to"},
    {"evaluate", "{evaluate.decision.}", "audit.d.decision"},
    {"plan.status", "measure {} {plan.mstatus.}", "audit.d.measure_status"},
    {"correct.goal", "goal {}: text", "audit.d.goal_text"},
    {"correct.measure", "measure {}", "audit.d.measure"},
    {"meeting.show", "meeting {}", "audit.d.meeting"},
    {"meeting.done", "action {} done", "audit.d.action_done"},
    {"meeting.minutes", "meeting {} minutes replaced", "audit.d.minutes_replaced"},
    {"meeting.minutes", "meeting {} minutes", "audit.d.minutes"},
    {"meeting.next", "meeting {} {} planned for {date}", "audit.d.meeting_next"},
    {"meeting.action", "action {} of meeting {}, measure {}", "audit.d.action_measure"},
    {"meeting.action", "action {} of meeting {}", "audit.d.action"},
    {"case.export", "fhir, {} entries", "audit.d.fhir"},
    {"team.contact", "{}: email {} -> {} phone {} -> {}", "audit.d.contact_both"},
    {"team.contact", "{}: email {} -> {}", "audit.d.contact_email"},
    {"team.contact", "{}: phone {} -> {}", "audit.d.contact_phone"},
    {"person.guardian_add", "{choice.given_by.} {}", "audit.d.guardian_add"},
    {"person.guardian_end", "{choice.given_by.} {}", "audit.d.guardian_end"},
    {"remind", "{} items, within {} days, escalated", "audit.d.remind_escalated"},
    {"remind", "{} items, within {} days", "audit.d.remind"},
    {"report", "{date}..{date} by {choice.by.}", "audit.d.report_by"},
    {"report", "{date}..{date}", "audit.d.report"},
};

// The holes of `pattern` filled from `text`, or nothing when it does not
// match: literal pieces in order, each hole at least one character, the
// last one to the end.
std::optional<std::vector<std::pair<std::string, std::string>>> match(std::string_view pattern, std::string_view text) {
  std::vector<std::pair<std::string, std::string>> holes;  // (hole kind, value)
  std::size_t p = 0, t = 0;
  while (p < pattern.size()) {
    if (pattern[p] != '{') {
      if (t >= text.size() || text[t] != pattern[p]) return std::nullopt;
      ++p;
      ++t;
      continue;
    }
    const auto close = pattern.find('}', p);
    const std::string kind(pattern.substr(p + 1, close - p - 1));
    p = close + 1;
    // The literal that follows the hole (up to the next hole or the end).
    const auto next = pattern.find('{', p);
    const std::string_view lit = pattern.substr(p, next == std::string_view::npos ? std::string_view::npos : next - p);
    std::size_t end;
    if (lit.empty()) {
      if (next != std::string_view::npos) return std::nullopt;  // two holes in a row: not used
      end = text.size();
    } else {
      end = text.find(lit, t + 1);
      if (end == std::string_view::npos) return std::nullopt;
    }
    if (end <= t) return std::nullopt;
    holes.emplace_back(kind, std::string(text.substr(t, end - t)));
    t = end;
  }
  if (t != text.size()) return std::nullopt;
  return holes;
}

template <typename List>
std::string label_in(const List& list, const std::string& id, Lang lang) {
  for (const auto& e : list)
    if (e.id == id) return e.in_text(lang);
  return id;
}

std::string shown(Lang lang, const Rammeverk* rv, const std::string& kind, const std::string& value) {
  if (kind.empty()) return value;
  if (kind == "date") return long_date(value, lang);
  // A rammeverk label is data in its language: the id in English.
  if (kind == "reason") return rv ? label_in(rv->closing_reasons, value, lang) : value;
  if (kind == "reporter") return rv ? label_in(rv->reporter_types, value, lang) : value;
  if (kind == "role") return rv ? label_in(rv->roles, value, lang) : value;
  if (kind == "service") return rv ? label_in(rv->services, value, lang) : value;
  // deling:SERVICE has no label of its own: shown as stored.
  const std::string key = kind + value;
  return has_message(key) ? render_message(lang, key, {}) : value;
}

}  // namespace

std::string audit_detail_text(Lang lang, const Rammeverk* rv, const std::string& action, const std::string& detail) {
  for (const auto& f : kForms) {
    if (!f.action.empty() && f.action != action) continue;
    auto holes = match(f.pattern, detail);
    if (!holes) continue;
    std::vector<std::string> args;
    for (const auto& [kind, value] : *holes) args.push_back(shown(lang, rv, kind, value));
    return render_message(lang, f.key, args);
  }
  return detail;
}

}  // namespace oppteam::cli
