#pragma once
// `check` for people: one line per check, "ok" or "FAIL", the check's name
// and what it found, in the reader's language (a monitoring script reads
// the first word; --json has the same lines as data).

#include <oppteam/i18n/messages.hpp>
#include <oppteam/process/backup.hpp>

#include <string>

namespace oppteam {

// What one check found, in `lang` (its key and arguments through the catalogue).
std::string check_detail(const CheckLine& line, Lang lang);

// The report's lines, each ending in a newline.
std::string render_check_report(const CheckReport& report, Lang lang);

}  // namespace oppteam
