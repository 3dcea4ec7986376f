#pragma once
// The plan on a screen (`plan show`, `plan history`): text for people in
// the reader's language, in the terminal style passed in. A view takes the
// plan as the operation returned it and never reads the store.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/domain/evaluation.hpp>
#include <oppteam/domain/plan.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/util/dates.hpp>

#include <string>
#include <vector>

namespace oppteam {

struct RevisionInfo;

namespace views {

// `plan show`: title, coordinator, next evaluation, participation, period,
// goals, measures and, for the plan as it stands now (`evaluations` given),
// measures overdue on `today` marked and the evaluations; an old revision
// (`evaluations` null) is shown as it was.
std::string plan_screen(const Plan& p, const std::vector<Evaluation>* evaluations, const Rammeverk& rv, Date today, Lang lang,
                        const TerminalStyle& style);

// `plan history`: one row per revision.
std::string plan_history_table(const std::vector<RevisionInfo>& revisions, Lang lang, const TerminalStyle& style);

}  // namespace views
}  // namespace oppteam
