#include <oppteam/i18n/messages.hpp>

#include <fmt/args.h>

#include <algorithm>
#include <unordered_map>

namespace oppteam {

namespace {

const std::vector<CatalogueEntry> kEntries = {
#include "catalogue_core.inc"
#include "catalogue_intake.inc"
#include "catalogue_team.inc"
#include "catalogue_plan.inc"
#include "catalogue_report.inc"
#include "catalogue_access.inc"
#include "catalogue_ux.inc"
#include "catalogue_ops.inc"
#include "catalogue_documents.inc"
#include "catalogue_paths.inc"
#include "catalogue_meetings.inc"
#include "catalogue_nb_ux.inc"
#include "catalogue_transfer.inc"
#include "catalogue_appeals.inc"
#include "catalogue_lang.inc"
#include "catalogue_screens.inc"
#include "catalogue_intake_split.inc"
#include "catalogue_guard.inc"
#include "catalogue_s8_plan.inc"
#include "catalogue_s8_case.inc"
#include "catalogue_testkeys.inc"
#include "catalogue_s8_team.inc"
#include "catalogue_s8_views.inc"
#include "catalogue_s9_ops.inc"
#include "catalogue_s10_law.inc"
#include "catalogue_s10_lang.inc"
#include "catalogue_s10_report.inc"
};

const std::unordered_map<std::string_view, const CatalogueEntry*>& index() {
  static const auto map = [] {
    std::unordered_map<std::string_view, const CatalogueEntry*> m;
    for (const auto& e : kEntries) m.emplace(e.key, &e);
    return m;
  }();
  return map;
}

}  // namespace

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "nb" || code == "no" || code == "nob") return Lang::nb;
  if (code == "nn" || code == "nno") return Lang::nn;
  if (code == "en" || code == "eng") return Lang::en;
  return std::nullopt;
}

std::string_view lang_code(Lang lang) {
  switch (lang) {
    case Lang::nb: return "nb";
    case Lang::nn: return "nn";
    case Lang::en: return "en";
  }
  return "nb";
}

const std::vector<CatalogueEntry>& catalogue() { return kEntries; }

namespace {
// Marks an argument made by message_arg (a byte no text of ours starts with).
constexpr char kMessageArg = '\x1f';
}  // namespace

std::string message_arg(std::string_view key) { return kMessageArg + std::string(key); }

bool has_message(std::string_view key) { return index().count(key) != 0; }

std::string render_message(Lang lang, std::string_view key, const std::vector<std::string>& args) {
  const auto& idx = index();
  // An argument made by message_arg: its message, in this language.
  auto shown = [&](const std::string& a) {
    if (a.size() > 1 && a[0] == kMessageArg && idx.count(std::string_view(a).substr(1)))
      return render_message(lang, std::string_view(a).substr(1), {});
    return a;
  };
  auto it = idx.find(key);
  if (it == idx.end()) {
    std::string out(key);
    for (const auto& a : args) out += " " + shown(a);
    return out;
  }
  std::string_view pattern = lang == Lang::nb ? it->second->nb : lang == Lang::nn ? it->second->nn : it->second->en;
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : args) store.push_back(shown(a));
  try {
    return fmt::vformat(pattern, store);
  } catch (const fmt::format_error&) {
    // A placeholder/argument mismatch is a catalogue bug; show the raw text
    // rather than lose the message.
    std::string out(pattern);
    for (const auto& a : args) out += " [" + shown(a) + "]";
    return out;
  }
}

}  // namespace oppteam
