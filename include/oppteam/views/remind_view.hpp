#pragma once
// `remind` for people: the items due as a table (due date, case, what,
// responsible, a note), overdue ones marked "!", the rest "*"; with
// --by-person one table per person who must act, under their name and
// e-mail address; the legend of the marks at the end.

#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/process/reminders.hpp>

#include <string>
#include <vector>

namespace oppteam {

// The items in one table ("" when there are none). An escalated item is
// noted as escalated to the leaders, or (`to_leaders` false: the rammeverk
// has none, Escalation) to the coordinating unit.
std::string remind_text(const std::vector<Reminder>& items, Lang lang, const TerminalStyle& style, bool to_leaders = true);
// The items of each person in a table of their own.
std::string remind_text(const std::vector<PersonReminders>& people, Lang lang, const TerminalStyle& style, bool to_leaders = true);

}  // namespace oppteam
