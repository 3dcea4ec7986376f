#pragma once
// The `team show` screen (and what every team command prints after its
// change): the team's status, its coordinator, the member table narrowed to
// the terminal's width, and the history in the reader's words.

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/process/team.hpp>

#include <functional>
#include <string>

namespace oppteam {

// The text of an audit detail (a test may pass its own words for it).
using AuditDetailText = std::function<std::string(const AuditDetail&)>;

// The sector of a service of the rammeverk ("" for none or an unknown service).
std::string service_sector(const Rammeverk& rv, const std::string& service);

// The team `t` in `lang`, tables fitted to `style`; the history's details
// in the reader's words, as `audit log` shows them (audit_detail_text of
// views/audit_view.hpp, with the labels of `rv`).
std::string render_team(const Rammeverk& rv, const Team& t, Lang lang, const TerminalStyle& style);
// The same with the history's details as `detail_text` words them.
std::string render_team(const Rammeverk& rv, const Team& t, Lang lang, const TerminalStyle& style,
                        const AuditDetailText& detail_text);

}  // namespace oppteam
