#include <oppteam/audit/audit_detail.hpp>

#include <stdexcept>
#include <utility>

namespace oppteam {

namespace {

// One form of detail: the action it belongs to ("" for any), the stored
// text with holes, and the catalogue key of its text for people. A hole is
// "{}" (shown as stored) or "{KIND}" with a kind of AuditArg ("{date}",
// "{role}", "{case.status.}", ...); "{*}" or "{*KIND}" is a greedy hole
// (see match_at). A form with no holes may be empty: an entry of its action
// with no detail.
struct Form {
  std::string_view action;
  std::string_view pattern;
  std::string_view key;
};

// The forms of every detail written since the first oppteam: a form is
// never changed or removed (stored entries keep it), only added.
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
    // before the shorter form, whose last hole would take the rest of the text
    {"decide.grant", "appeal deadline {date} (after appeal {})", "audit.d.appeal_deadline_after_appeal"},
    {"decide.refuse", "appeal deadline {date} (after appeal {})", "audit.d.appeal_deadline_after_appeal"},
    {"decide.grant", "final, in the appeal case of appeal {}", "audit.d.final_after_appeal"},
    {"decide.refuse", "final, in the appeal case of appeal {}", "audit.d.final_after_appeal"},
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
    {"team.pause", "team consent voided", "audit.d.team_consent_voided"},
    {"team.pause", "reopened without a valid team consent", "audit.d.team_reopened_without_consent"},
    {"team.close", "team and case closed", "audit.d.team_case_closed"},
    {"team.close", "team closed", "audit.d.team_closed"},
    {"case.close", "closed with its team", "audit.d.closed_with_team"},
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
    {"meeting.cancel", "meeting {} of {date} cancelled", "audit.d.meeting_cancelled"},
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
    // team details (consent, assessment, decision, appeal, approval, closing, team review)
    {"decide.letter.show", "letter read", "audit.d.letter_read"},
    {"appeal.register", "appeal {} from {choice.given_by.} received {date} (late)", "audit.d.appeal_registered_late"},
    {"appeal.register", "appeal {} from {choice.given_by.} received {date}", "audit.d.appeal_registered"},
    {"appeal.review", "appeal {} reversed", "audit.d.appeal_reversed"},
    {"appeal.review", "appeal {} upheld", "audit.d.appeal_upheld"},
    {"appeal.forward", "appeal {} to statsforvalteren {date}", "audit.d.appeal_forwarded"},
    {"appeal.outcome", "appeal {} upheld {date}", "audit.d.appeal_final_upheld"},
    {"appeal.outcome", "appeal {} reversed {date}", "audit.d.appeal_final_reversed"},
    {"appeal.outcome", "appeal {} returned {date}", "audit.d.appeal_returned"},
    {"approval.approve", "{approve.what.} {}", "audit.d.approval"},
    {"approval.reject", "{approve.what.} {}", "audit.d.approval"},
    {"team.review", "{} answers", "audit.d.review_answers"},
    // plan details
    {"meeting.add", "meeting {} {} on {date}, {} participants, minutes", "audit.d.meeting_added_minutes"},
    {"meeting.add", "meeting {} {} on {date}, {} participants", "audit.d.meeting_added"},
    {"plan.set", "{}", "audit.d.plan_fields"},
    // views details
    {"remind", "{} items, within {} days, for {}, escalated", "audit.d.remind_for_escalated"},
    {"remind", "{} items, within {} days, for {}", "audit.d.remind_for"},
    // case details
    {"case.list", "name search", "audit.d.name_search"},
    {"case.assign", "owner {} (was {})", "audit.d.owner_was"},
    {"case.assign", "owner {}", "audit.d.owner"},
    {"case.target_group", "{} at {} (was {})", "audit.d.target_group_was"},
    {"case.target_group", "{} at {}", "audit.d.target_group"},
    {"correct.name", "person {}: name", "audit.d.name_corrected"},
    {"correct.referral", "referral {}: {}", "audit.d.referral_corrected"},
    {"correct.void_consent", "consent {}: void", "audit.d.consent_voided"},
    {"correct.void_assessment", "assessment {}: void", "audit.d.assessment_voided"},
    {"purge", "closed before {date}; not archived (--force); imported by audit entry {}", "audit.d.purged_unarchived_imported"},
    {"purge", "closed before {date}; not archived (--force)", "audit.d.purged_unarchived"},
    {"purge", "closed before {date}; imported by audit entry {}", "audit.d.purged_imported"},
    {"purge", "closed before {date}", "audit.d.purged"},
    {"case.transfer", "to {}; {} entries; sha256 {}", "audit.d.transferred"},
    {"case.receive", "from {} ({}) case {}; sha256 {}", "audit.d.received"},
    // operations: the database made, the rammeverk stored, backup and
    // restore (the audit head), refusals (the permission), imports
    {"init", "", "audit.d.init"},
    {"config.store", "{*} {}", "audit.d.config_store"},
    {"backup", "head {} {}, encrypted", "audit.d.backup_encrypted"},
    {"backup", "head {} {}", "audit.d.backup"},
    {"restore", "head {} {}", "audit.d.restore"},
    {"access.refused", "access.act_as {}", "audit.d.refused_act_as"},
    {"access.refused", "config {}", "audit.d.refused_config"},
    {"access.refused", "{}", "audit.d.refused"},
    {"refer.import", "sender {*}, read {}, stored {}, duplicates {}, rejected {}, referrals {}-{}", "audit.d.import_stored"},
    {"refer.import", "sender {*}, read {}, stored {}, duplicates {}, rejected {}", "audit.d.import"},
    {"archive.export", "package {}, {} documents", "audit.d.archived"},
};

using Holes = std::vector<std::pair<std::string, std::string>>;  // (hole kind, value)

// Matches pattern[p..] against text[t..], adding the holes' values to
// `holes`: literal pieces in order, each hole at least one character, the
// last one to the end. A hole "{}" or "{KIND}" ends at the first place its
// following literal occurs; a greedy hole "{*}" or "{*KIND}" (a value that
// may hold that literal itself, as a file name may hold a space) at the
// last place that lets the rest of the pattern match.
bool match_at(std::string_view pattern, std::size_t p, std::string_view text, std::size_t t, Holes& holes) {
  while (p < pattern.size()) {
    if (pattern[p] != '{') {
      if (t >= text.size() || text[t] != pattern[p]) return false;
      ++p;
      ++t;
      continue;
    }
    const auto close = pattern.find('}', p);
    std::string kind(pattern.substr(p + 1, close - p - 1));
    const bool greedy = kind.starts_with('*');
    if (greedy) kind.erase(0, 1);
    p = close + 1;
    // The literal that follows the hole (up to the next hole or the end).
    const auto next = pattern.find('{', p);
    const std::string_view lit = pattern.substr(p, next == std::string_view::npos ? std::string_view::npos : next - p);
    if (lit.empty()) {
      if (next != std::string_view::npos) return false;  // two holes in a row: not used
      if (text.size() <= t) return false;
      holes.emplace_back(std::move(kind), std::string(text.substr(t)));
      return true;
    }
    if (!greedy) {
      const auto end = text.find(lit, t + 1);
      if (end == std::string_view::npos) return false;
      holes.emplace_back(std::move(kind), std::string(text.substr(t, end - t)));
      t = end;
      continue;
    }
    for (auto end = text.rfind(lit); end != std::string_view::npos && end > t; end = text.rfind(lit, end - 1)) {
      Holes tried = holes;
      tried.emplace_back(kind, std::string(text.substr(t, end - t)));
      if (match_at(pattern, p, text, end, tried)) {
        holes = std::move(tried);
        return true;
      }
    }
    return false;
  }
  return t == text.size();
}

// The holes of `pattern` filled from `text`, or nothing when it does not match.
std::optional<Holes> match(std::string_view pattern, std::string_view text) {
  Holes holes;
  if (!match_at(pattern, 0, text, 0, holes)) return std::nullopt;
  return holes;
}

std::size_t holes_in(std::string_view pattern) {
  std::size_t n = 0;
  for (char ch : pattern) n += ch == '{';
  return n;
}

}  // namespace

std::string audit_detail(std::string_view action, std::string_view key, const std::vector<std::string>& values) {
  for (const auto& f : kForms) {
    if (f.key != key || (!f.action.empty() && f.action != action) || holes_in(f.pattern) != values.size()) continue;
    std::string out;
    std::size_t i = 0;
    for (std::size_t p = 0; p < f.pattern.size(); ++p) {
      if (f.pattern[p] != '{') {
        out += f.pattern[p];
        continue;
      }
      out += values[i++];
      p = f.pattern.find('}', p);
    }
    return out;
  }
  throw std::logic_error("no audit detail form " + std::string(key) + " for " + std::string(action));
}

std::optional<AuditDetail> read_audit_detail(std::string_view action, std::string_view stored) {
  for (const auto& f : kForms) {
    if (!f.action.empty() && f.action != action) continue;
    auto holes = match(f.pattern, stored);
    if (!holes) continue;
    AuditDetail d{std::string(f.key), {}};
    for (auto& [kind, value] : *holes) d.args.push_back({std::move(kind), std::move(value)});
    return d;
  }
  return std::nullopt;
}

}  // namespace oppteam
