// The rammeverk's scalar keys: the one table that reading, the allow-list
// and `config show` walk (include/oppteam/config/rammeverk_keys.hpp).
// Defaults are in default_rammeverk.toml, not here.

#include <oppteam/config/rammeverk_keys.hpp>

#include <algorithm>

namespace oppteam {

namespace {

// A municipality number is four digits (kommunenummer).
std::vector<std::string> bad_municipality_number(const Rammeverk& rv) {
  const auto& num = rv.municipality.number;
  const bool ok = num.size() == 4 && std::all_of(num.begin(), num.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  if (ok) return {};
  return {num};
}

// The municipality's name stands in every letter: never empty or blank.
std::vector<std::string> blank_municipality_name(const Rammeverk& rv) {
  const auto& name = rv.municipality.name;
  if (std::any_of(name.begin(), name.end(), [](char ch) { return ch != ' ' && ch != '\t'; })) return {};
  return {name};
}

// Consent can be required for these actions only.
std::vector<std::string> bad_consent_actions(const Rammeverk& rv) {
  std::vector<std::string> bad;
  for (const auto& a : rv.rules.consent_required_for)
    if (a != "assess" && a != "team" && a != "plan") bad.push_back(a);
  return bad;
}

// A row whose TOML section and key are the names of its member in Rammeverk;
// the optional arguments are lo, hi, refused and refused_key.
#define OPPTEAM_KEY(section, name, ...) \
  RammeverkKey { #section, #name, +[](Rammeverk& rv) -> auto& { return rv.section.name; }, __VA_ARGS__ }
// An integer the law bounds: its range lo..hi, and within it the bounds
// law_lo..law_hi the statute named by the message law_key sets.
#define OPPTEAM_LAW_KEY(section, name, lo, hi, law_lo, law_hi, law_key) \
  OPPTEAM_KEY(section, name, lo, hi, nullptr, {}, law_lo, law_hi, law_key)

constexpr RammeverkKey kKeys[] = {
    OPPTEAM_KEY(municipality, name, 0, 0, blank_municipality_name, "config.empty_name"),
    OPPTEAM_KEY(municipality, number, 0, 0, bad_municipality_number, "config.bad_municipality_number"),
    OPPTEAM_KEY(municipality, unit),
    OPPTEAM_KEY(municipality, address),
    OPPTEAM_KEY(municipality, language),
    OPPTEAM_KEY(municipality, allow_synthetic_ids),

    // A foreløpig svar is owed when a case cannot be decided within a month (forvaltningsloven § 11 a).
    OPPTEAM_LAW_KEY(deadlines, preliminary_reply, 1, 3650, 1, 30, "config.law_preliminary_reply"),
    OPPTEAM_KEY(deadlines, decision, 1, 3650),
    OPPTEAM_KEY(deadlines, evaluation_interval, 1, 3650),
    OPPTEAM_KEY(deadlines, consent_review, 1, 3650),
    // The appeal deadline is 4 weeks for health and care services (pasient- og brukerrettighetsloven § 7-5).
    OPPTEAM_LAW_KEY(deadlines, appeal, 1, 3650, 28, 3650, "config.law_appeal"),
    OPPTEAM_KEY(deadlines, team_after_decision, 1, 3650),
    OPPTEAM_KEY(deadlines, plan_after_team, 1, 3650),
    OPPTEAM_KEY(deadlines, reopen_within_days, 0, 3650),
    OPPTEAM_KEY(deadlines, meeting_notice, 0, 365),
    OPPTEAM_KEY(deadlines, minutes_after, 0, 365),
    OPPTEAM_KEY(deadlines, team_review_interval, 1, 3650),
    OPPTEAM_KEY(deadlines, appeal_review, 1, 3650),
    OPPTEAM_KEY(deadlines, appeal_forward, 1, 3650),
    OPPTEAM_KEY(deadlines, appeal_outcome, 1, 3650),
    OPPTEAM_KEY(deadlines, expected_by_within, 1, 3650),

    OPPTEAM_KEY(escalation, after_days, 0, 3650),
    OPPTEAM_KEY(escalation, stale_days, 1, 3650),

    OPPTEAM_KEY(approvals, plan),
    OPPTEAM_KEY(approvals, assessment),
    OPPTEAM_KEY(approvals, closing),

    OPPTEAM_KEY(plan_document, log),

    OPPTEAM_KEY(rules, consent_required_for, 0, 0, bad_consent_actions, "config.bad_consent_action"),
    OPPTEAM_KEY(rules, assessment_before_decision),
    OPPTEAM_KEY(rules, coordinator_required),
    OPPTEAM_KEY(rules, gp_required),
    // A person of 16 consents in health matters (pasient- og brukerrettighetsloven § 4-3).
    OPPTEAM_LAW_KEY(rules, consent_age, 0, 18, 16, 16, "config.law_consent_age"),

    // Not a statute, but the same kind of floor: MISSION's "never a count
    // small enough to point at a person" (a file given now is refused).
    OPPTEAM_LAW_KEY(reports, min_count, 1, 1000, 3, 1000, "config.min_count_floor"),
    OPPTEAM_KEY(reports, retention_years, 0, 200),

    OPPTEAM_KEY(access, enforce),
};

#undef OPPTEAM_LAW_KEY
#undef OPPTEAM_KEY

}  // namespace

std::span<const RammeverkKey> rammeverk_keys() { return kKeys; }

std::vector<std::string_view> rammeverk_key_sections() {
  std::vector<std::string_view> sections;
  for (const auto& k : kKeys)
    if (std::find(sections.begin(), sections.end(), k.section) == sections.end()) sections.push_back(k.section);
  return sections;
}

}  // namespace oppteam
