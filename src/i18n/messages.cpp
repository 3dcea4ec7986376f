#include <oppteam/i18n/messages.hpp>

#include "key_index.hpp"

#include <fmt/args.h>

#include <algorithm>
#include <charconv>
#include <optional>
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
#include "catalogue_s10_intake.inc"
#include "catalogue_s11_dates.inc"
#include "catalogue_s11_rvcore.inc"
#include "catalogue_s12_core.inc"
#include "catalogue_s12_close.inc"
#include "catalogue_s12_docs.inc"
#include "catalogue_s12_lang.inc"
#include "catalogue_s12_report.inc"
};

const std::unordered_map<std::string_view, const CatalogueEntry*>& index() {
  static const auto map = index_by_key(kEntries);
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

namespace {

// `pattern` with each plural choice "{|ONE|OTHER}" replaced by ONE when the
// argument of the placeholder before it is "1", else by OTHER: "{} {|dag|dager}"
// is "1 dag", "2 dager". (Norwegian and English both take the singular
// after 1 only.) A pattern without a choice comes back as it is.
std::string choose_plurals(std::string_view pattern, const std::vector<std::string>& args) {
  if (pattern.find("{|") == std::string_view::npos) return std::string(pattern);
  std::string out;
  std::size_t next = 0;               // the next automatic argument index
  std::optional<std::size_t> last;    // the argument of the placeholder before
  for (std::size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    const char after = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
    if ((c == '{' && after == '{') || (c == '}' && after == '}')) {
      out.append(pattern.substr(i, 2));
      i += 2;
      continue;
    }
    const auto close = c == '{' ? pattern.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += c;
      ++i;
      continue;
    }
    const std::string_view field = pattern.substr(i + 1, close - i - 1);
    if (after == '|') {
      const std::string_view forms = field.substr(1);
      const auto bar = forms.find('|');
      const bool one = last && *last < args.size() && args[*last] == "1";
      out.append(bar == std::string_view::npos ? forms : one ? forms.substr(0, bar) : forms.substr(bar + 1));
    } else {
      const std::string_view id = field.substr(0, field.find(':'));
      std::size_t n = 0;
      if (id.empty()) last = next++;
      else if (std::from_chars(id.data(), id.data() + id.size(), n).ec == std::errc()) last = n;
      out.append(pattern.substr(i, close - i + 1));
    }
    i = close + 1;
  }
  return out;
}

}  // namespace

bool has_message(std::string_view key) { return index().count(key) != 0; }

std::string render_message(Lang lang, std::string_view key, const std::vector<std::string>& args) {
  const auto& idx = index();
  // An argument made by message_arg: its message, in this language. Only the
  // errno reasons are made so: a user's own text (a path, a cell) could
  // start with the marker too, and must not turn into any other message.
  auto shown = [&](const std::string& a) {
    const std::string_view key = std::string_view(a).substr(a.empty() ? 0 : 1);
    if (a.size() > 1 && a[0] == kMessageArg && key.rfind("errno.", 0) == 0 && idx.count(key))
      return render_message(lang, std::string_view(a).substr(1), {});
    return a;
  };
  auto it = idx.find(key);
  if (it == idx.end()) {
    std::string out(key);
    for (const auto& a : args) out += " " + shown(a);
    return out;
  }
  const std::string pattern =
      choose_plurals(lang == Lang::nb ? it->second->nb : lang == Lang::nn ? it->second->nn : it->second->en, args);
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
