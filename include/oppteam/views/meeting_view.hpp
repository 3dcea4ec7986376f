#pragma once
// The team's meetings on a screen (`meeting show`, `meeting list`, and the
// meeting shown after `meeting add`): text for people in the reader's
// language, in the terminal style passed in.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/domain/meeting.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/terminal.hpp>

#include <string>
#include <vector>

namespace oppteam::views {

// One meeting: title, place, whether the person was there, participants, actions and minutes.
std::string meeting_screen(const Meeting& m, const Rammeverk& rv, Lang lang, const TerminalStyle& style);

// The case's meetings, one row each.
std::string meeting_list(const std::vector<Meeting>& meetings, const Rammeverk& rv, Lang lang, const TerminalStyle& style);

}  // namespace oppteam::views
