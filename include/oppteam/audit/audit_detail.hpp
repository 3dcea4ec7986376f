#pragma once
// The detail of an audit entry as a message: a catalogue key and its
// arguments, each with the kind of value it is. Entries store their detail
// as they always have (short English, with ids and ISO dates: the hash
// covers it, `audit log --json` shows it, and a sealed row is never
// rewritten); the one table in audit_detail.cpp gives each kind of detail
// its stored form and its key, so the operation that writes a detail and
// every reader (`audit log`, `team show`) go through the same AuditDetail
// and a reader shows it in its own language. A stored detail of no form
// in the table (older entries of free text) has no AuditDetail: it is
// shown as stored.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

// One argument: its value as stored and how a reader shows it. Kinds: ""
// (as stored), "date" (an ISO date), "reason", "reporter", "role",
// "service" (an id of the rammeverk, shown by its label), or a catalogue
// prefix such as "team.kind_" (an id shown as the text of PREFIX<id>).
struct AuditArg {
  std::string kind;
  std::string value;
};

struct AuditDetail {
  std::string key;  // catalogue key of the text for people, e.g. "audit.d.team_member"
  std::vector<AuditArg> args;
};

// The stored text of the detail `key` of an entry of `action`, with
// `values` in its holes. A key the table does not have for `action` (with
// as many holes as values) is a programming error: std::logic_error.
std::string audit_detail(std::string_view action, std::string_view key, const std::vector<std::string>& values);

// The detail stored as `stored` in an entry of `action`, read through the
// same table; nothing when it has no form there.
std::optional<AuditDetail> read_audit_detail(std::string_view action, std::string_view stored);

}  // namespace oppteam
