#pragma once
// The summary `assess` prints after an assessment is recorded: the score of
// each domain, the total against the threshold, the recommendation, what
// was left unanswered, what matters to the person, and who has assessed.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/process/assessment.hpp>

#include <string>

namespace oppteam {

// The assessment `r`, scored with `instrument`, in `lang`, its table fitted to `style`.
std::string render_assessment(const Rammeverk& rv, const Instrument& instrument, const AssessmentResult& r, Lang lang,
                              const TerminalStyle& style);

}  // namespace oppteam
