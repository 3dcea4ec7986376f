#pragma once
// The rammeverk: the municipality's local framework (SPEC.md), loaded from
// TOML on top of the built-in defaults of the national guideline. Every value
// remembers where it came from (default, a file and line, or the database).

#include <oppteam/util/nearest.hpp>
#include <oppteam/i18n/messages.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// A text of the rammeverk in `lang`: Nynorsk or English where the
// rammeverk gives it (label_nn, text_nn, ...), else the Bokmål one.
inline const std::string& in_lang(Lang lang, const std::string& nb, const std::string& nn, const std::string& en) {
  if (lang == Lang::nn && !nn.empty()) return nn;
  if (lang == Lang::en && !en.empty()) return en;
  return nb;
}

// An entry of a list of the rammeverk: its id (what commands and scripts
// use) and its label, in Bokmål, with optional Nynorsk and English labels
// (`label_nn`, `label_en`) so that each reader sees their own language.
struct Labelled {
  std::string id;
  std::string label;
  std::string label_nn;
  std::string label_en;

  // The label in `lang`, else the Bokmål one.
  const std::string& shown(Lang lang) const { return in_lang(lang, label, label_nn, label_en); }
  // For a sentence in `lang`: the label, except that English text names an
  // entry without an English label by its id, not by Norwegian words.
  const std::string& in_text(Lang lang) const {
    if (lang == Lang::en && label_en.empty()) return id;
    return shown(lang).empty() ? id : shown(lang);
  }
};

// The label of the entry `id` of `list` in `lang`; the id itself when the
// list has no such entry.
template <typename List>
std::string label_of(const List& list, std::string_view id, Lang lang) {
  for (const auto& e : list)
    if (e.id == id) return e.shown(lang).empty() ? std::string(id) : e.shown(lang);
  return std::string(id);
}

// The ids of the entries of `list`, in order: what an error of a value the
// list does not hold names as the valid ones and searches for the nearest.
template <typename List>
std::vector<std::string> entry_ids(const List& list) {
  std::vector<std::string> ids;
  ids.reserve(list.size());
  for (const auto& e : list) ids.push_back(e.id);
  return ids;
}

// Whether `folded` (a text folded by fold_word) names the entry: its id or
// one of its labels, folded alike.
bool named_by_word(const Labelled& entry, std::string_view folded);

// The entry of `list` that `word` names, by the one rule for a value of
// the rammeverk's lists in an option, at a prompt and in an import's column
// (SPEC.md: "option values as their id or their nb/nn label"): the entry
// with that id exactly, else the only one whose id or label (nb, nn, en) is
// `word` folded ("FASTLEGE", "Skrøpelige eldre", "skrope-eldre"); nullptr
// when none is, or more than one. (The command line's choices.cpp reads
// option values by the same folding, and names the nearest on a miss.)
template <typename Entry>
const Entry* find_by_word(const std::vector<Entry>& list, std::string_view word) {
  for (const auto& e : list)
    if (e.id == word) return &e;
  const std::string folded = fold_word(word);
  if (folded.empty()) return nullptr;
  const Entry* hit = nullptr;
  for (const auto& e : list) {
    if (!named_by_word(e, folded)) continue;
    if (hit) return nullptr;  // two entries answer to it: not one of them
    hit = &e;
  }
  return hit;
}

// The error of `word`, which names none of `entries` (find_by_word): 65,
// `key` with the word and the entries' ids, and the nearest entry named by
// its id, near the word by that id or by one of its labels.
Error unknown_entry(std::string key, std::string_view word, const std::vector<const Labelled*>& entries);

// The id of the entry of `list` that `word` names (find_by_word: its id or
// a label), else unknown_entry's error: the one reading of a value of the
// rammeverk inside a compound argument (`--member NAME:ROLE:SERVICE`).
template <typename Entry>
std::string id_named(const std::vector<Entry>& list, std::string_view word, std::string key) {
  if (const Entry* e = find_by_word(list, word)) return e->id;
  std::vector<const Labelled*> entries;
  entries.reserve(list.size());
  for (const auto& e : list) entries.push_back(&e);
  throw unknown_entry(std::move(key), word, entries);
}

struct Sector : Labelled {};
struct ReporterType : Labelled {};
struct TargetGroup : Labelled {};
struct Domain : Labelled {};

// Why a case was closed (`case close --reason`); `needs_municipality`: the
// closing names the municipality the person moved to (--to-municipality).
struct ClosingReason : Labelled {
  bool needs_municipality = false;
};

struct Service : Labelled {
  std::string sector;
};

struct Role : Labelled {
  bool may_coordinate = false;
};

struct InstrumentItem {
  std::string id;
  std::string text;  // Bokmål; text_nn and text_en (below) in the other languages
  std::string domain;
  int weight = 1;
  std::optional<std::pair<int, int>> scale;  // inclusive range; yes/no (0/1) when absent
  std::string text_nn;
  std::string text_en;

  const std::string& text_in(Lang lang) const { return in_lang(lang, text, text_nn, text_en); }
  int min_answer() const { return scale ? scale->first : 0; }
  int max_answer() const { return scale ? scale->second : 1; }
};

struct Instrument {
  std::string id;
  std::string name;  // Bokmål; name_nn and name_en (below) in the other languages
  int version = 1;
  int recommend_at = 0;
  std::vector<InstrumentItem> items;
  std::string name_nn;
  std::string name_en;

  const InstrumentItem* find_item(std::string_view item_id) const;
  const std::string& name_in(Lang lang) const { return in_lang(lang, name, name_nn, name_en); }
};

struct Indicator : Labelled {
  std::string kind = "count";  // count | scale
  std::optional<std::pair<int, int>> scale;
};

// The team at work (issue 15): kinds of meeting, the items of the team's
// review of itself, and contact details the rammeverk holds for people.
struct MeetingKind : Labelled {};

struct ReviewItem {
  std::string id;
  std::string text;  // Bokmål; text_nn and text_en (below) in the other languages
  std::optional<std::pair<int, int>> scale;  // inclusive range; yes/no when absent
  std::string text_nn;
  std::string text_en;

  const std::string& text_in(Lang lang) const { return in_lang(lang, text, text_nn, text_en); }
};

struct Contact {
  std::string name;
  std::string email;
  std::string phone;
};

struct AccessUser {
  std::string name;
  std::vector<std::string> roles;
  std::string full_name;  // the officer's full name under a letter (optional)
  std::string title;      // and title (optional)
};

struct AccessRole {
  std::string id;
  std::vector<std::string> permissions;
};

// The scalars below (every key of the key table, rammeverk_keys.hpp) have
// no value here: their defaults are in src/config/default_rammeverk.toml,
// which load_rammeverk() and default_rammeverk() read before any file.
struct Rammeverk {
  struct {
    std::string name;
    std::string number;
    std::string unit;     // the coordinating unit's name, for letterheads (may be empty)
    std::string address;  // its postal address, one line, for letterheads (may be empty)
    Lang language{};
    bool allow_synthetic_ids{};
  } municipality;

  struct {
    int preliminary_reply{};
    int decision{};
    int evaluation_interval{};
    int consent_review{};
    int appeal{};
    int team_after_decision{};   // a team in place this long after a vedtak granting it
    int plan_after_team{};       // a plan this long after the team was made
    int reopen_within_days{};    // a closed case may be reopened this long after its closing
    int meeting_notice{};        // a planned meeting is reminded of this long before
    int minutes_after{};         // minutes still missing this long after a meeting
    int team_review_interval{};  // the team reviews itself this often
    int appeal_review{};         // an appeal is reviewed by the municipality this long after it was received
    int appeal_forward{};        // an upheld appeal goes to statsforvalteren this long after the review
    int appeal_outcome{};        // statsforvalteren's outcome is followed up this long after forwarding
    int expected_by_within{};    // a foreløpig svar may promise the vedtak at most this long after the referral was received
  } deadlines;

  struct {
    int after_days{};  // overdue this long: also shown to the unit's leaders
    int stale_days{};  // an open case unchanged this long is a stale case
  } escalation;

  struct {
    bool plan{};        // a plan revision needs a leader's approval
    bool assessment{};  // an assessment needs a leader's approval
    bool closing{};     // a case closing needs a leader's approval
  } approvals;

  struct {
    bool log{};  // the § 19 plan document shows the case log
  } plan_document;

  struct {
    std::vector<std::string> consent_required_for;
    bool assessment_before_decision{};
    bool coordinator_required{};
    bool gp_required{};
    int consent_age{};
  } rules;

  struct {
    int min_count{};
    int retention_years{};  // 0: no retention period set
  } reports;

  struct {
    // Import column name -> contract column name ("" ignores the column).
    std::map<std::string, std::string> columns;
  } import_map;

  struct {
    bool enforce{};
    std::vector<AccessUser> users;
    std::vector<AccessRole> roles;
  } access;

  std::vector<Sector> sectors;
  std::vector<Domain> domains;
  std::vector<ReporterType> reporter_types;
  std::vector<Service> services;
  std::vector<Role> roles;
  std::vector<TargetGroup> target_groups;
  std::vector<Instrument> instruments;
  std::vector<Indicator> indicators;
  std::vector<ClosingReason> closing_reasons;
  std::vector<MeetingKind> meeting_kinds;
  std::vector<ReviewItem> team_review_items;
  std::vector<Contact> contacts;

  // Where each key came from: "default", "FILE:LINE" or "database". Filled
  // only by with_origins() (for config show), not by every load.
  std::map<std::string, std::string> origin;

  // The TOML text the rammeverk was read from (stored in the database at
  // init) and its SHA-256, recorded with every assessment.
  std::string source_text;
  std::string source_name;
  std::string hash;

  const ReporterType* find_reporter_type(std::string_view id) const;
  const Service* find_service(std::string_view id) const;
  const Role* find_role(std::string_view id) const;
  const Instrument* find_instrument(std::string_view id) const;
  const Indicator* find_indicator(std::string_view id) const;
  // The closing reason with this id, or else with this label; nullptr when none.
  const ClosingReason* find_closing_reason(std::string_view id_or_label) const;
  const MeetingKind* find_meeting_kind(std::string_view id) const;
  const Contact* find_contact(std::string_view name) const;
  bool consent_required_for(std::string_view action) const;
};

// The built-in access roles (saksbehandler, koordinator, leder, it, rapport);
// a role of the same id in the file replaces one (process/access.hpp).
const std::vector<AccessRole>& builtin_access_roles();

// Every permission a command asks for ("case.read", "plan.write", ...;
// access.act_as), sorted. A new permission must be added here, or a role
// that names it is refused (exit 78).
const std::vector<std::string_view>& known_permissions();
// True when `pattern` of an [[access.role]] means something: "*", a known
// permission, or "AREA.*" of a known area, each optionally "coordinated:".
bool known_permission_pattern(std::string_view pattern);

// Reads and validates a rammeverk. `source_name` names it in messages (a
// path, or "database"). Every problem found is reported at once: throws
// Error(ExitCode::config) whose details list "FILE:LINE: KEY: reason".
Rammeverk load_rammeverk(std::string_view toml_text, std::string_view source_name);

// Reads a file (Error no_input when it cannot be read) and loads it.
Rammeverk load_rammeverk_file(const std::string& path);

// The built-in default from the national guideline, with no file at all.
Rammeverk default_rammeverk();

// `rv` read again with `origin` filled: where each value came from.
Rammeverk with_origins(const Rammeverk& rv);

// Renders the effective rammeverk as TOML with each value's origin as a comment.
std::string show_rammeverk(const Rammeverk& rv);

}  // namespace oppteam
