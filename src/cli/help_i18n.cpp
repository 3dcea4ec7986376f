#include "cli/help_i18n.hpp"

#include "cli/choices.hpp"
#include "i18n/key_index.hpp"

#include <cstdlib>
#include <set>

namespace oppteam::cli {

namespace {

struct HelpEntry {
  std::string_view key;
  std::string_view nb;
  std::string_view nn;
};

const std::vector<HelpEntry> kHelp = {
#include "i18n/catalogue_lang_help.inc"
#include "i18n/catalogue_lang_help_options.inc"
#include "i18n/catalogue_lang_help_more.inc"
#include "i18n/catalogue_s12_help.inc"
};

const HelpEntry* find_help(const std::string& key) {
  static const auto index = index_by_key(kHelp);
  auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

std::string_view in(const HelpEntry& e, Lang lang) { return lang == Lang::nn ? e.nn : e.nb; }

// The help text of `key` in `lang`, else `english` (en, or not in the catalogue).
std::string help_text(const std::string& key, Lang lang, const std::string& english) {
  if (lang == Lang::en) return english;
  if (const auto* e = find_help(key)) return std::string(in(*e, lang));
  return english;
}

std::string prefix_of(const CLI::App* app) { return app->get_parent() ? command_path(app) : "oppteam"; }

// Every help text of `app` and the commands below it: its key, English
// text, and for an option the "* NAME" key it may fall back on.
struct Text {
  std::string key, english, fallback;
};
void collect(const CLI::App* app, std::vector<Text>& out) {
  const std::string prefix = prefix_of(app);
  if (!app->get_description().empty()) out.push_back({prefix, app->get_description(), ""});
  for (const CLI::Option* o : app->get_options([](const CLI::Option*) { return true; }))
    if (!o->get_description().empty()) out.push_back({prefix + " " + option_name(o), o->get_description(), "* " + option_name(o)});
  for (const CLI::App* sub : const_cast<CLI::App*>(app)->get_subcommands([](CLI::App*) { return true; })) collect(sub, out);
}

// The words CLI11's help is laid out with, and our group headings.
const std::vector<std::string>& layout_words() {
  static const std::vector<std::string> words = {
      "Usage",           "OPTIONS",      "SUBCOMMAND",    "SUBCOMMANDS",           "Positionals", "Options", "Subcommands",
      "REQUIRED",        "Needs",        "Excludes",      "Env",                   "TEXT",        "INT",     "UINT",
      "FLOAT",           "Example:",     "Examples:",     "Getting started",       "The process, in order",
      "Daily work",      "Privacy and records", "Operations", "Other", "description", "footer", "date"};
  return words;
}

// The type name of an option in `lang`: "TEXT:{a,b}" -> "TEKST:{a,b}".
std::string type_label(const std::string& type, Lang lang) {
  const auto colon = type.find(':');
  const std::string head = type.substr(0, colon);
  const auto* e = find_help("@" + head);
  if (!e) return type;
  return std::string(in(*e, lang)) + (colon == std::string::npos ? "" : type.substr(colon));
}

// "YYYY-MM-DD" in a help text said as the forms a date option takes.
std::string with_dates(std::string text, Lang lang) {
  static constexpr std::string_view iso = "YYYY-MM-DD";
  const auto* e = find_help("@date");
  const std::string forms = lang == Lang::en || !e ? "DATE (2026-03-02, 2.3.2026, 02.03.2026, i dag, i morgen or +DAYS)"
                                                   : std::string(in(*e, lang));
  for (auto at = text.find(iso); at != std::string::npos; at = text.find(iso, at + forms.size())) text.replace(at, iso.size(), forms);
  return text;
}

void localize(CLI::App* app, Lang lang, CLI::FormatterBase& fmt) {
  const std::string prefix = prefix_of(app);
  if (lang == Lang::en) {
    // The English help is the code's own; only its dates are spelled out.
    for (CLI::Option* o : app->get_options([](const CLI::Option*) { return true; })) o->description(with_dates(o->get_description(), lang));
    for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) localize(sub, lang, fmt);
    return;
  }
  if (app->get_parent() == nullptr) {
    if (const auto* e = find_help("@description")) app->description(std::string(in(*e, lang)));
    if (const auto* e = find_help("@footer")) app->footer(std::string(in(*e, lang)));
  } else {
    app->description(help_text(prefix, lang, app->get_description()));
    // "Example:" / "Examples:" heading the examples of a command.
    std::string footer = app->get_footer();
    for (const char* word : {"Examples:", "Example:"})
      if (footer.rfind(word, 0) == 0) {
        if (const auto* e = find_help(std::string("@") + word)) footer = std::string(in(*e, lang)) + footer.substr(std::string(word).size());
        break;
      }
    app->footer(footer);
  }
  const std::string group = app->get_group();
  if (!group.empty())
    if (const auto* e = find_help("@" + group)) app->group(std::string(in(*e, lang)));
  for (CLI::Option* o : app->get_options([](const CLI::Option*) { return true; })) {
    const std::string name = option_name(o);
    if (!o->get_description().empty()) {
      const std::string own = prefix + " " + name;
      o->description(with_dates(help_text(find_help(own) ? own : "* " + name, lang, o->get_description()), lang));
    }
    if (!o->get_group().empty())
      if (const auto* e = find_help("@" + o->get_group())) o->group(std::string(in(*e, lang)));
    const std::string type = o->get_type_name();
    if (!type.empty()) fmt.label(type, type_label(type, lang));
  }
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) localize(sub, lang, fmt);
}

// The part of `text` after `lead`, if it starts with it.
std::optional<std::string> after(const std::string& text, std::string_view lead) {
  if (text.rfind(lead, 0) != 0) return std::nullopt;
  return text.substr(lead.size());
}

// Splits "A<sep>B" at the first `sep`.
std::optional<std::pair<std::string, std::string>> split_at(const std::string& text, std::string_view sep) {
  const auto at = text.find(sep);
  if (at == std::string::npos) return std::nullopt;
  return std::pair{text.substr(0, at), text.substr(at + sep.size())};
}

}  // namespace

void localize_help(CLI::App& root, Lang lang) {
  auto fmt = root.get_formatter();
  if (lang != Lang::en) {
    for (const auto& w : layout_words())
      if (const auto* e = find_help("@" + w)) fmt->label(w, std::string(in(*e, lang)));
  }
  localize(&root, lang, *fmt);
}

std::vector<std::string> missing_help_texts(const CLI::App& root) {
  std::vector<Text> texts;
  collect(&root, texts);
  for (const auto& w : layout_words()) texts.push_back({"@" + w, w, ""});
  std::vector<std::string> missing;
  std::set<std::string> seen;
  for (const auto& t : texts) {
    const HelpEntry* e = find_help(t.key);
    if (!e && !t.fallback.empty()) e = find_help(t.fallback);
    if ((!e || e->nb.empty() || e->nn.empty()) && seen.insert(t.key).second) missing.push_back(t.key + ": " + t.english);
  }
  return missing;
}

ParseErrorMessage parse_error_message(const CLI::ParseError& e, Lang lang) {
  const auto keyed = [lang](const char* key, const auto&... args) { return ParseErrorMessage{key, tr(lang, key, args...)}; };
  const std::string what = e.what();
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (auto name = split_at(what, " is required"); name && name->second.empty()) return keyed("cli.required", name->first);
  } else if (dynamic_cast<const CLI::RequiresError*>(&e)) {
    if (auto p = split_at(what, " requires ")) return keyed("cli.requires", p->first, p->second);
  } else if (dynamic_cast<const CLI::ExcludesError*>(&e)) {
    if (auto p = split_at(what, " excludes ")) return keyed("cli.excludes", p->first, p->second);
  } else if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    if (auto p = split_at(what, " expected: ")) return keyed("cli.extras", p->second);
  } else if (dynamic_cast<const CLI::ConversionError*>(&e)) {
    if (auto rest = after(what, "Could not convert: "))
      if (auto p = split_at(*rest, " = ")) return keyed("choice.unknown", p->second, p->first);
    if (auto p = split_at(what, ": too many inputs for a flag")) return keyed("cli.flag_value", p->first);
  } else if (dynamic_cast<const CLI::ValidationError*>(&e)) {
    if (auto p = split_at(what, ": ")) {
      const auto& [name, message] = *p;
      if (auto range = after(message, "Value "))
        if (auto q = split_at(*range, " not in range ")) {
          if (auto bounds = split_at(q->second, " to "); bounds && bounds->second.size() > 30) return keyed("cli.not_negative", q->first, name);
          if (auto bounds = split_at(q->second, " to ")) return keyed("cli.range", q->first, name, bounds->first, bounds->second);
        }
      if (auto q = split_at(message, " not in {")) return keyed("choice.unknown", q->first, name);
    }
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    if (auto p = split_at(what, ": ")) {
      if (p->second.rfind("At Most ", 0) == 0) return keyed("cli.once", p->first);  // given twice
      return keyed("cli.needs_value", p->first);
    }
  }
  return keyed("cli.other", what);
}

std::optional<Lang> locale_lang(const Getenv& env) {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = env(var);
    if (!v || !*v) continue;
    const std::string code = std::string(v).substr(0, std::string(v).find_first_of("_.@"));
    if (code == "nb" || code == "no") return Lang::nb;
    if (code == "nn") return Lang::nn;
    if (code == "en") return Lang::en;
    return std::nullopt;  // the first one set decides (POSIX)
  }
  return std::nullopt;
}

}  // namespace oppteam::cli
