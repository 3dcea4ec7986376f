#pragma once
// The audit log for people: `audit log`'s table, and audit details in the
// reader's language (issue 17, point 5). The audit log stores each entry's
// detail as it was written (short English, with ids and ISO dates: the
// record stays as sealed, and JSON shows it so); on screen each detail the
// library reads back as an AuditDetail (include/oppteam/audit/audit_detail.hpp)
// is shown through the catalogue, with labels for ids and Norwegian dates.
// A detail of an unknown form is shown as stored.

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/terminal.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace oppteam {

// `rv` (may be null) gives the labels of closing reasons and reporter types.
std::string audit_detail_text(Lang lang, const Rammeverk* rv, const AuditDetail& detail);
// The same for a detail as stored in an entry of `action`.
std::string audit_detail_text(Lang lang, const Rammeverk* rv, const std::string& action, const std::string& detail);

// `audit log` on screen: `entries` in the order given as a table fitted to
// `style` (entry, time, the day acted on, who, what, about which case, the
// rammeverk's first 8 hex digits, the detail in `lang`), or a line saying
// there are none; then how many of `total` were left out, if any. A stored
// field cannot break a row or act on the terminal.
std::string render_audit_log(const std::vector<AuditEntry>& entries, std::size_t total, const Rammeverk* rv, Lang lang,
                             const TerminalStyle& style);

}  // namespace oppteam
