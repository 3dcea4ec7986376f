#include <oppteam/views/audit_view.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/util/text.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace oppteam {

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

std::string render_audit_log(const std::vector<AuditEntry>& entries, std::size_t total, const Rammeverk* rv, Lang L,
                             const TerminalStyle& style) {
  Table t({tr(L, "screens.audit.col_entry"), tr(L, "screens.audit.col_at"), tr(L, "screens.audit.col_acted_on"),
           tr(L, "screens.audit.col_actor"), tr(L, "screens.audit.col_action"), tr(L, "screens.audit.col_object"),
           tr(L, "screens.audit.col_rammeverk"), tr(L, "screens.audit.col_detail")});
  t.align_right(0);
  t.drop_when_narrow(6);
  t.drop_when_narrow(1);
  for (const auto& e : entries)
    t.add({std::to_string(e.id), visible(e.at.substr(0, 19), false), visible(e.acted_on, false), visible(e.actor, false),
           visible(e.action, false), visible(e.object, false), visible(e.rammeverk.substr(0, 8), false),
           visible(audit_detail_text(L, rv, e.action, e.detail), false)});
  std::string text = entries.empty() ? tr(L, "screens.audit.none") + "\n" : t.render(style);
  if (total > entries.size()) text += tr(L, "screens.list_more", total - entries.size()) + "\n";
  return text;
}

}  // namespace oppteam
