#pragma once
// A value of one of the CLI's fixed sets (a consent's scope, form, who gave
// it) in the reader's words, for every screen that shows one.

#include <oppteam/i18n/messages.hpp>

#include <string>

namespace oppteam {

// The catalogue's "choice.<kind>.<id>" of `id` in `lang`; a consent scope
// deling:SERVICE as "sharing with SERVICE"; else the id itself.
std::string choice_label(Lang lang, const std::string& kind, const std::string& id);

}  // namespace oppteam
