#pragma once
// `consent list` for people: a case's consents as a table (scope, form, who
// gave it, when, who recorded it, the document, whether it is in force or
// when it was withdrawn), then each no the person said (consent decline)
// as a line of its own.

#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/process/consent.hpp>

#include <string>

namespace oppteam {

// The consents and declines of `list` in `lang`, the table fitted to
// `style`; a line saying there are none when it has no consent.
std::string render_consents(const ConsentList& list, Lang lang, const TerminalStyle& style);

}  // namespace oppteam
