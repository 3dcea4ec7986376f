#pragma once
// The team reviews itself (issue 15; the pilot's "Når oppfølgingsteam
// fungerer som det skal"): the items of the rammeverk's
// [[team_review.item]] answered yes/no or on a scale, at the interval
// deadlines.team_review_interval (reminded as kind team_review), and
// aggregated per period in the report with small counts suppressed.

#include <oppteam/domain/team.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// Records a review dated today from "ITEM=VALUE" answers, one per item of
// the rammeverk: yes/no items take ja|nei|yes|no|1|0, scale items an
// integer in their range. Exit 65 for an unknown item (the valid ones named)
// or a value out of range; 64 for an item missing or given twice; 2 when
// the case has no active team.
TeamReview add_team_review(const Context& ctx, std::string_view case_number, const std::vector<std::string>& answers);

// The case's reviews, oldest first (audited read).
std::vector<TeamReview> list_team_reviews(const Context& ctx, std::string_view case_number);

nlohmann::json to_json(const Rammeverk& rv, const TeamReview& r);

// The answers of the reviews dated from..to to one item in one period
// about one person (`period_expr`: the report's SQL for the period key of
// `r.reviewed_on`): how many reviews answered it and the sum of the answers
// (the yes count of a yes/no item). One GROUP BY over the reviews; the
// report adds them up per item and period, and suppresses.
struct TeamReviewCount {
  const ReviewItem* item = nullptr;
  std::string period;
  std::int64_t person = 0;
  std::int64_t reviews = 0;
  std::int64_t sum = 0;
};
std::vector<TeamReviewCount> team_review_counts(Database& db, const Rammeverk& rv, const std::string& from,
                                                const std::string& to, const std::string& period_expr);

}  // namespace oppteam
