// oppteam complete KIND [-- WORDS...]   (hidden: the engine of completions/oppteam.bash)
//
// `complete words -- W1 ... Wn` prints the candidates for Wn (the word being
// typed, possibly empty) after W1..Wn-1, one per line: subcommands, options,
// option values (the rammeverk's ids, open case numbers, members of an
// option's fixed set), or the single line "@files" when the shell should
// complete file names. The other kinds print one list of ids each. The
// command tree is read from the CLI11 app itself, so completion never goes
// stale when a subcommand or option is added. Problems (no database, a bad
// rammeverk) print nothing: a TAB must never spill errors over the screen.

#include "cli/choices.hpp"
#include "cli/commands.hpp"

#include <oppteam/process/access.hpp>
#include <oppteam/process/completion.hpp>

#include <algorithm>
#include <functional>
#include <set>

namespace oppteam::cli {

namespace {

constexpr std::string_view kFiles = "@files";

const std::vector<std::string> kKinds = {"words",    "commands",   "reporter-types", "instruments", "items",
                                         "roles",    "services",   "indicators",     "target-groups", "cases"};

// The ids of one kind from the rammeverk in force or the store.
std::vector<std::string> values_of(Session& s, const std::string& kind) {
  if (kind == "reporter-types") return entry_ids(s.rv().reporter_types);
  if (kind == "instruments") return entry_ids(s.rv().instruments);
  if (kind == "roles") return entry_ids(s.rv().roles);
  if (kind == "services") return entry_ids(s.rv().services);
  if (kind == "indicators") return entry_ids(s.rv().indicators);
  if (kind == "target-groups") return entry_ids(s.rv().target_groups);
  if (kind == "items") {
    std::set<std::string> items;
    for (const auto& i : s.rv().instruments)
      for (const auto& it : i.items) items.insert(it.id);
    return {items.begin(), items.end()};
  }
  if (kind == "cases") {
    return open_case_numbers(s.db(), s.rv(), s.actor());
  }
  return {};
}

std::vector<std::string> with_prefix(std::vector<std::string> v, std::string_view prefix) {
  for (auto& x : v) x.insert(0, prefix);
  return v;
}

std::vector<std::string> with_suffix(std::vector<std::string> v, std::string_view suffix) {
  for (auto& x : v) x += suffix;
  return v;
}

bool takes_value(const CLI::Option* o) { return o->nonpositional() && o->get_items_expected_max() > 0 && o->get_type_size_max() > 0; }

// The option `name` ("--x" or "-x") as seen from `app`: its own, or a parent's.
CLI::Option* find_option(CLI::App* app, const std::string& name) {
  for (CLI::App* a = app; a; a = a->get_parent())
    if (auto* o = a->get_option_no_throw(name)) return o;
  return nullptr;
}

// Candidates for the value of option `o` (long name without dashes `name`),
// `cur` being what is typed of it so far.
std::vector<std::string> option_values(Session& s, CLI::Option* o, const std::string& name, const std::string& cur) {
  if (name == "member" || name == "participant") {
    // NAME:ROLE[:SERVICE]: roles after the first colon, services after the second.
    const auto colons = std::count(cur.begin(), cur.end(), ':');
    if (colons == 0) return {};
    const std::string head = cur.substr(0, cur.rfind(':') + 1);
    if (colons == 1) return with_prefix(values_of(s, "roles"), head);
    if (colons == 2 && name == "member") return with_prefix(values_of(s, "services"), head);
    return {};
  }
  if (auto set = fixed_set(o); !set.empty()) return set;
  static const std::set<std::string> files = {"db",         "config", "rejects", "out",        "answers",    "document",
                                              "encrypt-to", "key",    "anchor",  "backup-dir", "last-backup"};
  if (files.count(name)) return {std::string(kFiles)};
  if (name == "reporter-type") return values_of(s, "reporter-types");
  if (name == "instrument") return values_of(s, "instruments");
  if (name == "role" || name == "coordinator-role") return values_of(s, "roles");
  if (name == "service" || name == "coordinator-service" || name == "for") return values_of(s, "services");
  if (name == "target-group") return values_of(s, "target-groups");
  if (name == "indicator") return with_suffix(values_of(s, "indicators"), "=");
  if (name == "answer") return with_suffix(values_of(s, "items"), "=");
  if (name == "case") return values_of(s, "cases");
  if (name == "lang") return {"nb", "nn", "en"};
  if (name == "scope") {
    std::vector<std::string> out{"utredning", "team", "ip", "overforing"};
    for (const auto& sv : values_of(s, "services")) out.push_back("deling:" + sv);
    return out;
  }
  return {};
}

// The candidates that start with `prefix`, each once ("@files" is kept).
std::vector<std::string> starting_with(const std::vector<std::string>& candidates, const std::string& prefix) {
  std::set<std::string> unique;
  std::vector<std::string> out;
  for (const auto& c : candidates)
    if ((c == kFiles || c.rfind(prefix, 0) == 0) && unique.insert(c).second) out.push_back(c);
  return out;
}

std::string long_name(const CLI::Option* o) {
  const auto& l = o->get_lnames();
  return l.empty() ? std::string() : l.front();
}

// Everything that may follow `words` (the last one being the word typed).
std::vector<std::string> complete_words(Session& s, CLI::App& root, const std::vector<std::string>& words) {
  const std::string cur = words.empty() ? std::string() : words.back();
  CLI::App* app = &root;
  std::size_t positionals = 0;
  bool only_positionals = false;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& w = words[i];
    if (!only_positionals && w == "--") {
      only_positionals = true;
      continue;
    }
    if (!only_positionals && w.size() > 1 && w[0] == '-') {
      if (w.find('=') != std::string::npos) continue;
      auto* o = find_option(app, w);
      if (o && takes_value(o)) {
        if (i + 2 == words.size()) return starting_with(option_values(s, o, long_name(o), cur), cur);  // its value
        ++i;
      }
      continue;
    }
    if (positionals == 0 && !only_positionals) {
      if (CLI::App* sub = subcommand_named(app, w)) {
        app = sub;
        continue;
      }
    }
    ++positionals;
  }

  std::vector<std::string> out;
  if (!only_positionals && !cur.empty() && cur[0] == '-') {
    for (CLI::App* a = app; a; a = a->get_parent()) {
      for (const auto* o : a->get_options()) {
        const auto n = long_name(o);
        if (!n.empty()) out.push_back("--" + n);
      }
      if (a != app && !a->get_fallthrough() && a->get_parent() == nullptr) break;
    }
    if (app == &root) out.push_back("--version");
  } else {
    if (positionals == 0) out = visible_subcommands(app);
    {
      // The next positional argument of the command, by its name (beside
      // its subcommands for a command that has both: decide CASE, decide letter).
      std::vector<const CLI::Option*> pos;
      for (const auto* o : app->get_options())
        if (o->get_positional() && !o->nonpositional()) pos.push_back(o);
      std::string next;
      std::size_t seen = 0;
      for (const auto* o : pos) {
        const int n = std::max(1, o->get_items_expected_max());
        if (positionals < seen + std::size_t(n)) {
          next = o->get_name();
          break;
        }
        seen += std::size_t(n);
      }
      if (next == "CASE") {
        const auto cases = values_of(s, "cases");
        out.insert(out.end(), cases.begin(), cases.end());
      } else if (out.empty() && (next == "FILE" || next == "FROM")) {
        return {std::string(kFiles)};
      } else if (out.empty() && (next == "KIND" || next == "STATUS")) {
        for (const auto* o : pos)
          if (o->get_name() == next) return starting_with(fixed_set(o), cur);
      }
    }
  }
  return starting_with(out, cur);
}

}  // namespace

void setup_complete(CLI::App& app, Session& s) {
  struct Options {
    std::string kind;
    std::vector<std::string> words;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("complete", "Print completion candidates for the shell (used by the bash completion)");
  cmd->group("");  // hidden from --help
  cmd->add_option("KIND", o->kind, "words, commands, reporter-types, instruments, items, roles, services, indicators, target-groups or cases")
      ->required();
  cmd->add_option("WORDS", o->words, "for words: the command line after 'oppteam', the last word being the one typed");
  examples(cmd, {"oppteam --db k.db complete reporter-types", "oppteam --db k.db complete words -- refer add --reporter-type ''"});
  cmd->callback([&s, &app, o] {
    if (std::find(kKinds.begin(), kKinds.end(), o->kind) == kKinds.end()) {
      std::string all;
      for (const auto& k : kKinds) all += (all.empty() ? "" : ", ") + k;
      throw make_error(ExitCode::usage, "ux.complete_kind", o->kind, all);
    }
    std::vector<std::string> lines;
    try {
      if (o->kind == "words") {
        lines = complete_words(s, app, o->words.empty() ? std::vector<std::string>{""} : o->words);
      } else if (o->kind == "commands") {
        CLI::App* a = &app;
        for (const auto& w : o->words)
          if (CLI::App* sub = subcommand_named(a, w)) a = sub;
        lines = visible_subcommands(a);
      } else {
        lines = values_of(s, o->kind);
      }
    } catch (const Error&) {
      return;  // nothing to offer; never an error on a TAB
    }
    for (const auto& l : lines) s.out() << l << "\n";
  });
}

}  // namespace oppteam::cli
