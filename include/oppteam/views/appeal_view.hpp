#pragma once
// An appeal's state for people: what happened last, whether it came late,
// and when the step still owed is due.

#include <oppteam/domain/decision.hpp>
#include <oppteam/i18n/messages.hpp>

#include <string>

namespace oppteam {

std::string render_appeal_state(const Appeal& a, Lang lang);

}  // namespace oppteam
