#pragma once
// Audit details in the reader's language (issue 17, point 5). The audit log
// stores each entry's detail as it was written (short English, with ids and
// ISO dates: the record stays as sealed, and JSON shows it so); `audit log`
// and `team show` in text mode show each detail the library reads back as
// an AuditDetail (include/oppteam/audit/audit_detail.hpp) through the
// catalogue, with labels for ids and Norwegian dates. A detail of an
// unknown form is shown as stored.

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/i18n/messages.hpp>

#include <string>

namespace oppteam::cli {

// `rv` (may be null) gives the labels of closing reasons and reporter types.
std::string audit_detail_text(Lang lang, const Rammeverk* rv, const AuditDetail& detail);
// The same for a detail as stored in an entry of `action`.
std::string audit_detail_text(Lang lang, const Rammeverk* rv, const std::string& action, const std::string& detail);

}  // namespace oppteam::cli
