#pragma once
// Kartlegging: scoring an instrument of the rammeverk and recording the
// result. Scoring is a pure function of the instrument and the answers (no
// database, no clock), so it can be tested on its own. A recorded
// assessment keeps the score, threshold and recommendation it was given and
// the hash of the rammeverk it was scored with: a later change to the
// rammeverk never changes an old score.

#include <oppteam/domain/assessment.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace oppteam {

// One answer as typed: the item id and the value text ("1", "ja", "3").
struct RawAnswer {
  std::string item;
  std::string value;
  // Typed as --answer rather than read from an answers file: an item typed
  // twice is refused (an --answer may override the file's).
  bool typed = false;
};

// Reads one answer for `item`: a yes/no item takes 0/1, ja/nei, yes/no
// (also j/n, y/n, true/false); a scale item an integer within its scale.
// Throws Error(data) naming the item and the allowed values.
int parse_answer(const InstrumentItem& item, std::string_view text);

// The allowed values of `item` for people ("0–3", "ja/nei").
std::string allowed_values(const InstrumentItem& item, Lang lang);

// Scores `answers` (item id -> answer) with `instrument`: each answer times
// its weight, summed per domain and in total; the recommendation is "team"
// when the total is at or above recommend_at. Throws Error(data) for an
// unknown item, an answer outside the item's range, and (unless
// `allow_partial`) unanswered items, which the error lists.
Scoring score_answers(const Instrument& instrument, const std::map<std::string, int>& answers, bool allow_partial);

// Turns raw answers into item -> answer: a typed answer wins over the
// file's for the same item, but an item typed twice is refused (exit 64,
// naming it: which answer was meant cannot be known). Throws Error(data)
// naming an unknown item or a bad value.
std::map<std::string, int> resolve_answers(const Instrument& instrument, const std::vector<RawAnswer>& raw);

// Reads an answers file: a JSON object or a TOML table of item = value
// (integer, true/false or text such as "ja"). JSON when the name ends in
// .json or the text starts with '{', else TOML. Error(no_input) when it
// cannot be read, Error(data) when it is not such a document.
std::vector<RawAnswer> read_answers_file(const std::string& path);

// The instrument `id` of the rammeverk; Error(usage) listing the ids otherwise.
const Instrument& require_instrument(const Rammeverk& rv, std::string_view id);

// The label of a domain id in the rammeverk (the id when it has none).
std::string domain_label(const Rammeverk& rv, std::string_view domain, Lang lang);

// Checks that case `number` may be assessed now by the acting user: the
// permission "assess" in the case (exit 77), it exists, is not closed or
// refused (exit 2), and has consent for utredning where the rammeverk
// requires it (exit 2). Returns the case.
CaseRef check_can_assess(const Context& ctx, std::string_view number);

struct AssessmentInput {
  std::string case_number;
  std::string instrument;
  std::vector<RawAnswer> answers;
  bool allow_partial = false;
  std::vector<std::string> what_matters;
  std::string assessor;
  std::string profession;
};

struct AssessmentResult {
  Assessment assessment;
  Scoring scoring;
  std::string fnr;
  // Every profession that has assessed the case so far, this one included.
  std::vector<std::string> professions;
};

// Scores and stores an assessment of a case in one transaction, with its
// "what matters" answers, audited. Checks as check_can_assess; Error(usage)
// when the assessor or profession is empty.
AssessmentResult record_assessment(const Context& ctx, const AssessmentInput& input);

// The stored assessments of a case, oldest first (scores as stored, never recomputed).
std::vector<Assessment> list_assessments(Database& db, std::int64_t case_id);

// The distinct professions that have assessed a case, in the order they first did.
std::vector<std::string> assessment_professions(Database& db, std::int64_t case_id);

}  // namespace oppteam
