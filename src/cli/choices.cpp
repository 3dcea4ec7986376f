#include "cli/choices.hpp"

#include <oppteam/i18n/messages.hpp>
#include <oppteam/util/error.hpp>
#include <oppteam/util/nearest.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace oppteam::cli {

namespace {

using IdLabels = std::vector<Labelled>;  // ids and labels (rammeverk data)

// A closed set: fixed ids whose labels are in the catalogue, or the items of
// one list of the rammeverk in force.
struct Kind {
  std::vector<std::string> ids;  // empty: the members of the option's IsMember check
  std::string label_prefix;      // catalogue key of a label: prefix + id (else "choice.<kind>.<id>")
  std::function<IdLabels(const Rammeverk&)> from_rv;
  char split = 0;  // only the part before this character is the id ("ID=VALUE")
};

template <typename List>
IdLabels labelled(const List& list) {
  IdLabels out;
  for (const auto& e : list) out.push_back(static_cast<const Labelled&>(e));
  return out;
}

const std::map<std::string, Kind>& kinds() {
  static const std::map<std::string, Kind> k = {
      {"case_status", {{"received", "granted", "refused", "active", "closed"}, "case.status.", {}}},
      {"decision", {{}, "evaluate.decision.", {}}},
      {"measure_status", {{}, "plan.mstatus.", {}}},
      {"goal_status", {{}, "case.goal_status.", {}}},
      {"plan_kind", {{}, "", {}}},
      {"scope", {{"utredning", "team", "ip", "overforing"}, "", {}}},
      {"form", {{}, "", {}}},
      {"given_by", {{}, "", {}}},
      {"what", {{}, "approve.what.", {}}},
      {"reporter_type", {{}, "", [](const Rammeverk& r) { return labelled(r.reporter_types); }}},
      {"role", {{}, "", [](const Rammeverk& r) { return labelled(r.roles); }}},
      {"service", {{}, "", [](const Rammeverk& r) { return labelled(r.services); }}},
      {"target_group", {{}, "", [](const Rammeverk& r) { return labelled(r.target_groups); }}},
      {"closing_reason", {{}, "", [](const Rammeverk& r) { return labelled(r.closing_reasons); }}},
      {"meeting_kind", {{}, "", [](const Rammeverk& r) { return labelled(r.meeting_kinds); }}},
      {"indicator", {{}, "", [](const Rammeverk& r) { return labelled(r.indicators); }, '='}},
      {"instrument",
       {{},
        "",
        [](const Rammeverk& r) {
          IdLabels out;
          for (const auto& i : r.instruments) out.push_back(Labelled{i.id, i.name, i.name_nn, i.name_en});
          return out;
        }}},
  };
  return k;
}

// Which option takes which kind: a command path ("" for any command; a
// path also covers the commands below it) and the option's name.
struct Binding {
  std::string_view path;
  std::string_view option;
  std::string_view kind;
};
constexpr Binding kBindings[] = {
    {"case list", "--status", "case_status"},
    {"", "--reporter-type", "reporter_type"},
    {"", "--instrument", "instrument"},
    {"", "--coordinator-role", "role"},
    {"team coordinator", "--role", "role"},
    {"", "--coordinator-service", "service"},
    {"", "--target-group", "target_group"},
    {"case target-group", "TARGET_GROUP", "target_group"},
    {"case close", "--reason", "closing_reason"},
    {"meeting", "--kind", "meeting_kind"},
    {"evaluate", "--decision", "decision"},
    {"evaluate", "--indicator", "indicator"},
    {"plan status", "STATUS", "measure_status"},
    {"plan goal-status", "STATUS", "goal_status"},
    {"plan kind", "KIND", "plan_kind"},
    {"consent", "--scope", "scope"},
    {"consent", "--form", "form"},
    {"refer add", "--declined", "form"},
    {"consent", "--given-by", "given_by"},
    {"consent", "--declined-by", "given_by"},
    {"approve", "--what", "what"},
};

bool covers(std::string_view pattern, const std::string& path) {
  if (pattern.empty() || path == pattern) return true;
  return path.size() > pattern.size() && path.compare(0, pattern.size(), pattern) == 0 && path[pattern.size()] == ' ';
}

std::vector<std::string> split_words(std::string_view alternatives) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= alternatives.size()) {
    auto bar = alternatives.find('|', start);
    if (bar == std::string_view::npos) bar = alternatives.size();
    if (bar > start) out.emplace_back(alternatives.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

// A value of a fixed set: its labels from the catalogue, and the other
// words of "choice.alias.<kind>.<id>" ("a|b|c" in each language).
Choice catalogue_choice(Lang lang, const std::string& kind, const std::string& prefix, const std::string& id) {
  Choice c{id, id, id, {id}};
  std::string key = prefix.empty() ? "" : prefix + id;
  if (key.empty() || !has_message(key)) key = "choice." + kind + "." + id;
  if (has_message(key)) {
    for (Lang l : {Lang::nb, Lang::nn, Lang::en}) c.words.push_back(render_message(l, key, {}));
    c.label = c.listed = render_message(lang, key, {});
  }
  const std::string alias = "choice.alias." + kind + "." + id;
  if (has_message(alias))
    for (Lang l : {Lang::nb, Lang::nn, Lang::en})
      for (auto& w : split_words(render_message(l, alias, {}))) c.words.push_back(std::move(w));
  return c;
}

std::vector<Choice> choices_of(Session& s, const std::string& kind_name, const Kind& kind, const std::vector<std::string>& members) {
  std::vector<Choice> out;
  if (kind.from_rv) {
    for (const auto& e : kind.from_rv(s.rv())) {
      // A rammeverk label is data in the rammeverk's languages: shown in
      // the reader's (nn where the rammeverk gives label_nn), and in English
      // by the id unless it gives label_en. Any of its labels is accepted.
      // The list names the id as well: the municipality chose it, and it is
      // what scripts and the examples use.
      const std::string& id = e.id;
      const std::string& label = e.in_text(s.lang());
      Choice c{id, label, fold_word(label) != fold_word(id) ? label + " (" + id + ")" : id, {id}};
      for (const auto* l : {&e.label, &e.label_nn, &e.label_en})
        if (!l->empty()) c.words.push_back(*l);
      out.push_back(std::move(c));
    }
    return out;
  }
  // The language of the message around the list: the rammeverk's (read now
  // if it was not yet), not the locale's.
  const Lang lang = s.settled_lang();
  for (const auto& id : kind.ids.empty() ? members : kind.ids) out.push_back(catalogue_choice(lang, kind_name, kind.label_prefix, id));
  return out;
}

// The transform bound to one option.
std::function<std::string(std::string)> transform_for(Session& s, std::string kind_name, Kind kind, std::vector<std::string> members,
                                                      std::string option) {
  return [&s, kind_name = std::move(kind_name), kind = std::move(kind), members = std::move(members),
          option = std::move(option)](std::string value) {
    if (value.empty()) return value;
    std::string rest;
    if (kind.split != 0) {
      const auto at = value.find(kind.split);
      if (at == std::string::npos) return value;  // the command names the missing part
      rest = value.substr(at);
      value.resize(at);
    }
    if (kind_name == "scope") {
      // deling:SERVICE: the service in the user's words too.
      const std::string folded = fold_word(value);
      if (folded.rfind("deling:", 0) == 0) {
        const auto service = kinds().at("service");
        return "deling:" + resolve_choice(choices_of(s, "service", service, {}), value.substr(7), option, ExitCode::data);
      }
    }
    // A value of a list of the rammeverk is data (65), of a fixed set of the CLI usage (64).
    return resolve_choice(choices_of(s, kind_name, kind, members), value, option, kind.from_rv ? ExitCode::data : ExitCode::usage) + rest;
  };
}

void bind(CLI::App* app, Session& s) {
  const std::string path = command_path(app);
  for (CLI::Option* o : app->get_options([](const CLI::Option*) { return true; })) {
    if (o->get_items_expected_max() == 0 || o->get_type_size_max() == 0) continue;  // a flag
    const std::string name = option_name(o);
    const auto members = fixed_set(o);
    std::string kind_name;
    for (const auto& b : kBindings)
      if (b.option == name && covers(b.path, path)) {
        kind_name = b.kind;
        break;
      }
    Kind kind;
    if (!kind_name.empty()) {
      kind = kinds().at(kind_name);
      if (kind.ids.empty() && !kind.from_rv && members.empty()) continue;  // nothing to check against
    } else if (!members.empty() && std::find(members.begin(), members.end(), "") == members.end()) {
      // (A set whose members hold a comma, as --delimiter's, is left to its own check.)
      // Any other closed set: its members, labels as "choice.<option>.<id>".
      kind_name = name;
      kind_name.erase(0, kind_name.find_first_not_of('-'));
      std::transform(kind_name.begin(), kind_name.end(), kind_name.begin(), [](unsigned char c) { return std::tolower(c); });
    } else {
      continue;
    }
    o->transform(transform_for(s, kind_name, kind, members, name));
  }
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) bind(sub, s);
}

}  // namespace

std::string resolve_choice(const std::vector<Choice>& choices, const std::string& input, const std::string& option, ExitCode code) {
  // The id itself, exactly, first: ids never depend on the language.
  for (const auto& c : choices)
    if (c.id == input) return c.id;
  const std::string folded = fold_word(input);
  std::set<std::string> hits;
  std::vector<std::string> words;           // folded, for the suggestion
  std::map<std::string, const Choice*> by;  // folded word -> its choice
  for (const auto& c : choices)
    for (const auto& w : c.words) {
      const std::string f = fold_word(w);
      if (f == folded) hits.insert(c.id);
      if (!by.count(f)) {
        by[f] = &c;
        words.push_back(f);
      }
    }
  if (hits.size() == 1) return *hits.begin();
  std::string all;
  for (const auto& c : choices) all += (all.empty() ? "" : ", ") + c.listed;
  const auto guess = hits.empty() ? nearest(folded, words) : std::nullopt;
  Error e = guess ? make_error(code, "choice.unknown_guess", input, option, by.at(*guess)->label)
                  : make_error(code, "choice.unknown", input, option);
  e.details.push_back({"choice.valid", {all}});
  throw e;
}

std::vector<std::string> fixed_set(const CLI::Option* o) {
  auto* opt = const_cast<CLI::Option*>(o);
  for (int i = 0;; ++i) {
    CLI::Validator* v = nullptr;
    try {
      v = opt->get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      break;
    }
    std::string d = v->get_description();
    if (d.size() >= 2 && d.front() == '{' && d.back() == '}') {
      std::vector<std::string> out;
      std::string item;
      for (char c : d.substr(1, d.size() - 2)) {
        if (c == ',') {
          out.push_back(item);
          item.clear();
        } else {
          item += c;
        }
      }
      out.push_back(item);
      return out;
    }
  }
  return {};
}

std::string option_name(const CLI::Option* o) {
  if (!o->get_lnames().empty()) return "--" + o->get_lnames().front();
  if (!o->get_snames().empty()) return "-" + o->get_snames().front();
  return o->get_name();
}

std::string command_path(const CLI::App* app) {
  std::string path;
  for (const CLI::App* a = app; a && a->get_parent(); a = a->get_parent()) path = a->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

void bind_choices(CLI::App& root, Session& s) { bind(&root, s); }

}  // namespace oppteam::cli
