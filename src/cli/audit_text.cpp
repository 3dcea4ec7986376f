#include "cli/audit_text.hpp"

#include <oppteam/i18n/dates.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace oppteam::cli {

namespace {

template <typename List>
std::string label_in(const List& list, const std::string& id, Lang lang) {
  for (const auto& e : list)
    if (e.id == id) return e.in_text(lang);
  return id;
}

std::string shown(Lang lang, const Rammeverk* rv, const std::string& kind, const std::string& value) {
  if (kind.empty()) return value;
  if (kind == "date") return long_date(value, lang);
  // A rammeverk label is data in its language: the id in English.
  if (kind == "reason") return rv ? label_in(rv->closing_reasons, value, lang) : value;
  if (kind == "reporter") return rv ? label_in(rv->reporter_types, value, lang) : value;
  if (kind == "role") return rv ? label_in(rv->roles, value, lang) : value;
  if (kind == "service") return rv ? label_in(rv->services, value, lang) : value;
  // deling:SERVICE has no label of its own: shown as stored.
  const std::string key = kind + value;
  return has_message(key) ? render_message(lang, key, {}) : value;
}

}  // namespace

std::string audit_detail_text(Lang lang, const Rammeverk* rv, const AuditDetail& detail) {
  std::vector<std::string> args;
  for (const auto& a : detail.args) args.push_back(shown(lang, rv, a.kind, a.value));
  return render_message(lang, detail.key, args);
}

std::string audit_detail_text(Lang lang, const Rammeverk* rv, const std::string& action, const std::string& detail) {
  const auto d = read_audit_detail(action, detail);
  return d ? audit_detail_text(lang, rv, *d) : detail;
}

}  // namespace oppteam::cli
