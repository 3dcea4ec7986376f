#pragma once
// The team's reviews of itself (`team review CASE`): one row per item of the
// rammeverk, one column per review.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/domain/team.hpp>
#include <oppteam/io/terminal.hpp>

#include <string>
#include <vector>

namespace oppteam {

std::string render_team_reviews(const Rammeverk& rv, const std::vector<TeamReview>& reviews, Lang lang,
                                const TerminalStyle& style);

}  // namespace oppteam
