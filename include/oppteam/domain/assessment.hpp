#pragma once
// Kartlegging as stored: an assessment keeps the score, threshold and
// recommendation it was given (never recomputed). Plain values; scoring and
// the rules are in process/assessment.cpp, the SQL in
// store/assessment_store.cpp.

#include <oppteam/domain/stored_names.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oppteam {

// assessment.recommendation.
enum class Recommendation { team, no_team };
inline constexpr StoredNames<Recommendation, 2> kRecommendationNames{
    {{{Recommendation::team, "team"}, {Recommendation::no_team, "no_team"}}}};
constexpr std::string_view to_stored(Recommendation r) { return kRecommendationNames.of(r); }
constexpr std::optional<Recommendation> recommendation_from(std::string_view text) { return kRecommendationNames.from(text); }

inline constexpr std::string_view kRecommendTeam = to_stored(Recommendation::team);
inline constexpr std::string_view kRecommendNoTeam = to_stored(Recommendation::no_team);

// The score of one domain: the sum of answer x weight over its items.
struct DomainScore {
  std::string domain;
  int score = 0;
  int max = 0;  // the highest score the domain's items can give
};

struct Scoring {
  std::string instrument;
  int version = 1;
  int score = 0;
  int threshold = 0;
  int max = 0;
  std::string recommendation;            // to_stored(Recommendation)
  std::vector<DomainScore> domains;      // in the order the instrument first names them
  std::map<std::string, int> answers;    // item -> answer
  std::vector<std::string> unanswered;   // item ids, in instrument order
  bool partial() const { return !unanswered.empty(); }
};

// An assessment as stored.
struct Assessment {
  std::int64_t id = 0;
  std::string case_number;
  std::string instrument;
  int instrument_version = 1;
  std::string rammeverk_hash;
  std::string assessor;
  std::string profession;
  std::string assessed_on;  // ISO
  int score = 0;
  int threshold = 0;
  std::string recommendation;  // to_stored(Recommendation)
  bool partial = false;
  std::map<std::string, int> answers;
  std::vector<std::pair<std::string, int>> domains;  // domain -> score, stored order
  std::vector<std::string> unanswered;
  std::vector<std::string> what_matters;
  std::string created_by;
};

}  // namespace oppteam
