#include <oppteam/config/rammeverk.hpp>

#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk_keys.hpp>
#include <oppteam/util/error.hpp>
#include <oppteam/util/hash.hpp>
#include <oppteam/util/text.hpp>

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string_view>
#include <type_traits>
#include <variant>

namespace oppteam {

namespace {

// The source name of the rammeverk stored in the database (setup.cpp's stored_rammeverk()).
constexpr std::string_view kStoredSource = "database";

// Collects every problem of a file before anything is used, so the user sees
// them all at once (exit 78).
class Checker {
 public:
  // `origins`: record where each value came from (Rammeverk::origin).
  Checker(Rammeverk& rv, std::string source, bool is_default, bool origins = true)
      : rv_(rv), source_(std::move(source)), is_default_(is_default), stored_(source_ == kStoredSource), origins_(origins) {}

  void problem(const toml::source_region& where, std::string key, std::string reason_key,
               std::vector<std::string> args = {}) {
    std::vector<std::string> all{source_, std::to_string(where.begin.line), std::move(key)};
    for (auto& a : args) all.push_back(std::move(a));
    problems_.push_back({std::move(reason_key), std::move(all)});
  }
  std::vector<Error::Detail>& problems() { return problems_; }

  // A problem found by a check newer than the stored rammeverk may be
  // (issue 13: unreachable thresholds, empty lists, unknown permissions,
  // control characters): refused in a file given now (config check, init,
  // config store, --config), let pass in the one stored in the database,
  // which every command reads; refusing it would stop them all, `config
  // store` of a fixed file included.
  void new_problem(const toml::source_region& where, std::string key, std::string reason_key,
                   std::vector<std::string> args = {}) {
    if (!stored_) problem(where, std::move(key), std::move(reason_key), std::move(args));
  }

  std::string origin(const toml::node& node) const {
    return is_default_ ? std::string("default") : source_ + ":" + std::to_string(node.source().begin.line);
  }

  // Reports keys of `table` not in `allowed`.
  void only_keys(const toml::table& table, const std::string& path, const std::vector<std::string_view>& allowed) {
    for (const auto& [k, v] : table)
      if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end())
        problem(v.source(), join(path, k.str()), "config.unknown_key");
  }

  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

  // Typed readers: on the wrong type a problem is recorded and `out` is
  // kept. True when `key` was there and read into `out`.
  bool read(const toml::table& t, const std::string& path, std::string_view key, std::string& out) {
    auto* n = t.get(key);
    if (!n) return false;
    auto v = n->value<std::string>();
    if (!v || !n->is_string()) return wrong(*n, path, key, "config.want_string");
    out = *v;
    check_text(*n, join(path, key), out);
    note(path, key, *n);
    return true;
  }
  bool read(const toml::table& t, const std::string& path, std::string_view key, int& out, int lo, int hi) {
    auto* n = t.get(key);
    if (!n) return false;
    if (!n->is_integer()) return wrong(*n, path, key, "config.want_integer");
    auto v = *n->value<int64_t>();
    if (v < lo || v > hi)
      return wrong(*n, path, key, "config.out_of_range", {std::to_string(lo), std::to_string(hi)});
    out = static_cast<int>(v);
    note(path, key, *n);
    return true;
  }
  bool read(const toml::table& t, const std::string& path, std::string_view key, bool& out) {
    auto* n = t.get(key);
    if (!n) return false;
    if (!n->is_boolean()) return wrong(*n, path, key, "config.want_bool");
    out = *n->value<bool>();
    note(path, key, *n);
    return true;
  }
  bool read(const toml::table& t, const std::string& path, std::string_view key, std::vector<std::string>& out) {
    auto* n = t.get(key);
    if (!n) return false;
    auto* arr = n->as_array();
    if (!arr) return wrong(*n, path, key, "config.want_string_list");
    std::vector<std::string> vals;
    for (const auto& e : *arr) {
      if (!e.is_string()) return wrong(e, path, key, "config.want_string_list");
      vals.push_back(*e.value<std::string>());
      check_text(e, join(path, key), vals.back());
    }
    out = std::move(vals);
    note(path, key, *n);
    return true;
  }
  // A language code: nb, nn or en.
  bool read(const toml::table& t, const std::string& path, std::string_view key, Lang& out) {
    std::string code(lang_code(out));
    if (!read(t, path, key, code)) return false;
    auto lang = parse_lang(code);
    if (!lang) return wrong(*t.get(key), path, key, "config.bad_language", {code});
    out = *lang;
    return true;
  }
  // An inclusive integer range written as [lo, hi].
  void read_range(const toml::table& t, const std::string& path, std::string_view key,
                  std::optional<std::pair<int, int>>& out) {
    if (auto* n = t.get(key)) {
      auto* arr = n->as_array();
      if (!arr || arr->size() != 2 || !(*arr)[0].is_integer() || !(*arr)[1].is_integer())
        return problem(n->source(), join(path, key), "config.want_range");
      auto lo = *(*arr)[0].value<int64_t>(), hi = *(*arr)[1].value<int64_t>();
      if (lo >= hi || lo < -1000 || hi > 1000) return problem(n->source(), join(path, key), "config.bad_range");
      out = std::pair<int, int>{int(lo), int(hi)};
      note(path, key, *n);
    }
  }
  // A required string key of an entry in a list of tables.
  std::string required(const toml::table& t, const std::string& path, std::string_view key) {
    std::string v;
    if (!t.get(key)) {
      problem(t.source(), join(path, key), "config.missing_key");
      return v;
    }
    read(t, path, key, v);
    if (v.empty() && t.get(key) && t.get(key)->is_string()) problem(t.get(key)->source(), join(path, key), "config.empty_value");
    return v;
  }
  // An id: lower-case letters, digits and underscores, so it is safe on a command line.
  std::string read_id(const toml::table& t, const std::string& path) {
    std::string id = required(t, path, "id");
    for (char c : id) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
        problem(t.get("id")->source(), join(path, "id"), "config.bad_id", {id});
        break;
      }
    }
    return id;
  }

  // Iterates a list of tables `key`, or reports it is not one; returns false
  // when the key is absent (the default list stays).
  template <typename F>
  bool each_table(const toml::table& root, std::string_view key, F&& f) {
    auto* n = root.get(key);
    if (!n) return false;
    auto* arr = n->as_array();
    if (!arr) {
      problem(n->source(), std::string(key), "config.want_table_list");
      return true;
    }
    std::size_t i = 0;
    for (const auto& e : *arr) {
      auto* t = e.as_table();
      std::string path = std::string(key) + "[" + std::to_string(i++) + "]";
      if (!t) {
        problem(e.source(), path, "config.want_table_list");
        continue;
      }
      f(*t, path);
      note("", path, *t);  // each entry its own line (config show)
    }
    note("", key, *n);
    return true;
  }

  const toml::table* section(const toml::table& root, std::string_view key) {
    auto* n = root.get(key);
    if (!n) return nullptr;
    if (!n->is_table()) {
      problem(n->source(), std::string(key), "config.want_table");
      return nullptr;
    }
    return n->as_table();
  }

  void note(const std::string& path, std::string_view key, const toml::node& n) {
    if (origins_) rv_.origin[join(path, key)] = origin(n);
  }

  // Records that `key` at `n` is wrong; false, for the readers to return.
  bool wrong(const toml::node& n, const std::string& path, std::string_view key, std::string reason_key,
             std::vector<std::string> args = {}) {
    problem(n.source(), join(path, key), std::move(reason_key), std::move(args));
    return false;
  }

  // Every string of a rammeverk is one line of printable text (labels,
  // names, ids): the check of util/text.hpp, as for text users store.
  void check_text(const toml::node& n, const std::string& key, std::string_view text) {
    if (auto p = text_problem(text, TextField::line))
      new_problem(n.source(), key, "config.bad_text", {std::to_string(p->byte), p->shown});
  }

 private:
  Rammeverk& rv_;
  std::string source_;
  bool is_default_;
  bool stored_;
  bool origins_ = true;
  std::vector<Error::Detail> problems_;
};

template <typename T>
void check_unique(Checker& c, const std::vector<T>& list, const std::vector<toml::source_region>& where,
                  const std::string& what) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].id.empty()) continue;
    if (!seen.insert(list[i].id).second)
      c.problem(where[i], what + "[" + std::to_string(i) + "].id", "config.duplicate_id", {list[i].id});
  }
}

// A value typed for an entry (an option, an import column) is its id or one
// of its labels, compared by fold_word (find_by_word, choices.cpp). A label that is another
// entry's id or label could mean either, so it is refused where it is
// written: the second of two entries that share one, or an entry whose
// label is an earlier entry's id.
template <typename T>
void check_labels_unambiguous(Checker& c, const std::vector<T>& list, const std::vector<toml::source_region>& where,
                              const std::string& what) {
  std::map<std::string, std::size_t> owner;  // folded id or label -> its entry
  for (std::size_t i = 0; i < list.size(); ++i) owner.emplace(fold_word(list[i].id), i);
  for (std::size_t i = 0; i < list.size(); ++i) {
    for (const std::string* label : {&list[i].label, &list[i].label_nn, &list[i].label_en}) {
      if (label->empty()) continue;
      const auto [it, fresh] = owner.emplace(fold_word(*label), i);
      if (!fresh && it->second != i) {
        c.new_problem(where[i], what + "[" + std::to_string(i) + "].label", "config.ambiguous_label",
                  {*label, list[it->second].id});
        break;
      }
    }
  }
}

template <typename T>
bool has_id(const std::vector<T>& list, std::string_view id) {
  for (const auto& e : list)
    if (e.id == id) return true;
  return false;
}

// The top-level keys besides the sections of the key table
// (rammeverk_keys.hpp): sections without scalars and lists of tables, each
// read by its own code below.
constexpr std::string_view kOtherTopLevel[] = {"import", "team_review", "sector", "domain", "reporter_type",
                                               "service", "role", "target_group", "instrument", "indicator",
                                               "closing_reason", "meeting_kind", "contact"};

// The keys of a section of the key table that are not scalars: its lists of
// tables, read by their own code.
std::vector<std::string_view> nested_keys(std::string_view section) {
  if (section == "access") return {"user", "role"};
  return {};
}

// Reads the scalar keys of `section` as the key table says: its allow-list,
// each key's type and range, and each key's further check.
void read_keys(Rammeverk& rv, const toml::table& root, std::string_view section, Checker& c) {
  const auto* t = c.section(root, section);
  if (!t) return;
  const std::string path(section);
  std::vector<std::string_view> allowed = nested_keys(section);
  for (const auto& k : rammeverk_keys())
    if (k.section == section) allowed.push_back(k.name);
  c.only_keys(*t, path, allowed);
  for (const auto& k : rammeverk_keys()) {
    if (k.section != section) continue;
    const bool read = std::visit(
        [&](auto field) {
          auto& out = field(rv);
          if constexpr (std::is_same_v<std::decay_t<decltype(out)>, int>) {
            if (!c.read(*t, path, k.name, out, k.lo, k.hi)) return false;
            // Within the law's bounds: new since stored rammeverk were written, so one
            // stored before is still read (Checker::new_problem), a file given now is refused.
            if (!k.law_key.empty() && (out < k.law_lo || out > k.law_hi))
              c.new_problem(t->get(k.name)->source(), k.path(), std::string(k.law_key),
                            {std::to_string(out), std::to_string(out < k.law_lo ? k.law_lo : k.law_hi)});
            return true;
          } else {
            return c.read(*t, path, k.name, out);
          }
        },
        k.field);
    // Checks of a value's sense (a blank name, a bad municipality number) may
    // be newer than a stored rammeverk: refused in a file given now only.
    if (read && k.refused)
      for (auto& value : k.refused(rv)) c.new_problem(t->get(k.name)->source(), k.path(), std::string(k.refused_key), {value});
  }
}

// The keys of every entry of a list with labels (Labelled), and a list
// entry's label (required, Bokmål) and its optional Nynorsk and English labels.
constexpr std::string_view kLabelKeys[] = {"id", "label", "label_nn", "label_en"};

void read_labels(Checker& c, const toml::table& t, const std::string& path, Labelled& item) {
  item.label = c.required(t, path, "label");
  c.read(t, path, "label_nn", item.label_nn);
  c.read(t, path, "label_en", item.label_en);
}

// [[meeting_kind]], [[team_review.item]] and [[contact]] (issue 15), each
// replacing the default when present.
void apply_team_work(Rammeverk& rv, const toml::table& root, Checker& c) {
  std::vector<MeetingKind> kinds;
  std::vector<toml::source_region> kind_where;
  if (c.each_table(root, "meeting_kind", [&](const toml::table& t, const std::string& p) {
        c.only_keys(t, p, {std::begin(kLabelKeys), std::end(kLabelKeys)});
        MeetingKind k;
        k.id = c.read_id(t, p);
        read_labels(c, t, p, k);
        kinds.push_back(std::move(k));
        kind_where.push_back(t.source());
      })) {
    check_unique(c, kinds, kind_where, "meeting_kind");
    if (kinds.empty()) c.problem(root.get("meeting_kind")->source(), "meeting_kind", "config.empty_list");
    rv.meeting_kinds = std::move(kinds);
  }
  if (auto* t = c.section(root, "team_review")) {
    c.only_keys(*t, "team_review", {"item"});
    std::vector<ReviewItem> items;
    std::vector<toml::source_region> where;
    if (c.each_table(*t, "item", [&](const toml::table& it, const std::string& ip) {
          const std::string p = "team_review." + ip;
          c.only_keys(it, p, {"id", "text", "text_nn", "text_en", "scale"});
          ReviewItem item;
          item.id = c.read_id(it, p);
          item.text = c.required(it, p, "text");
          c.read(it, p, "text_nn", item.text_nn);
          c.read(it, p, "text_en", item.text_en);
          c.read_range(it, p, "scale", item.scale);
          items.push_back(std::move(item));
          where.push_back(it.source());
        })) {
      check_unique(c, items, where, "team_review.item");
      if (items.empty()) c.problem(t->source(), "team_review.item", "config.empty_list");
      rv.team_review_items = std::move(items);
    }
  }
  std::vector<Contact> contacts;
  if (c.each_table(root, "contact", [&](const toml::table& t, const std::string& p) {
        c.only_keys(t, p, {"name", "email", "phone"});
        Contact k;
        k.name = c.required(t, p, "name");
        c.read(t, p, "email", k.email);
        if (!k.email.empty() && !plausible_email(k.email))
          c.problem(t.get("email")->source(), p + ".email", "config.bad_email", {k.email});
        c.read(t, p, "phone", k.phone);
        contacts.push_back(std::move(k));
      }))
    rv.contacts = std::move(contacts);
}

// Applies one TOML document on top of `rv`, checking it completely.
void apply(Rammeverk& rv, const toml::table& root, Checker& c) {
  std::vector<std::string_view> top = rammeverk_key_sections();
  top.insert(top.end(), std::begin(kOtherTopLevel), std::end(kOtherTopLevel));
  c.only_keys(root, "", top);

  for (auto section : rammeverk_key_sections()) read_keys(rv, root, section, c);
  apply_team_work(rv, root, c);
  if (auto* t = c.section(root, "import")) {
    c.only_keys(*t, "import", {"columns"});
    if (auto* cols = c.section(*t, "columns")) {
      static const std::set<std::string_view> kTargets{"external_id", "fnr", "name", "reporter_type",
                                                      "reporter_name", "received", "need", "target_group", ""};
      for (const auto& [k, v] : *cols) {
        if (!v.is_string()) {
          c.problem(v.source(), "import.columns." + std::string(k.str()), "config.want_string");
          continue;
        }
        auto target = *v.value<std::string>();
        if (!kTargets.count(target))
          c.problem(v.source(), "import.columns." + std::string(k.str()), "config.bad_import_target", {target});
        rv.import_map.columns[std::string(k.str())] = target;
        c.note("import.columns", k.str(), v);
      }
    }
  }
  // [access] itself was checked and its scalars read by read_keys().
  if (auto* t = root.get_as<toml::table>("access")) {
    std::vector<AccessUser> users;
    if (c.each_table(*t, "user", [&](const toml::table& u, const std::string& path) {
          c.only_keys(u, "access." + path, {"name", "roles", "full_name", "title"});
          AccessUser au;
          au.name = c.required(u, "access." + path, "name");
          c.read(u, "access." + path, "roles", au.roles);
          // issue 14: the officer's full name and title under a letter
          c.read(u, "access." + path, "full_name", au.full_name);
          c.read(u, "access." + path, "title", au.title);
          users.push_back(std::move(au));
        }))
      rv.access.users = std::move(users);
    std::vector<AccessRole> roles;
    if (c.each_table(*t, "role", [&](const toml::table& r, const std::string& path) {
          c.only_keys(r, "access." + path, {"id", "permissions"});
          AccessRole ar;
          ar.id = c.read_id(r, "access." + path);
          c.read(r, "access." + path, "permissions", ar.permissions);
          for (const auto& perm : ar.permissions)
            if (!known_permission_pattern(perm)) {
              std::string valid;  // space-separated: the list stays under the 200 bytes an error argument may show
              for (auto n : known_permissions()) valid += (valid.empty() ? "" : " ") + std::string(n);
              c.new_problem(r.get("permissions")->source(), "access." + path + ".permissions", "config.unknown_permission",
                        {perm, valid});
            }
          roles.push_back(std::move(ar));
        }))
      rv.access.roles = std::move(roles);
  }

  // Lists of labelled entries: each replaces the default list when present.
  // `extra_keys`: the keys of an entry besides kLabelKeys, read by `extra`.
  auto labelled = [&](std::string_view key, auto& list, std::vector<std::string_view> extra_keys, auto extra) {
    std::vector<std::string_view> allowed(std::begin(kLabelKeys), std::end(kLabelKeys));
    allowed.insert(allowed.end(), extra_keys.begin(), extra_keys.end());
    using T = typename std::decay_t<decltype(list)>::value_type;
    std::vector<T> items;
    std::vector<toml::source_region> where;
    bool present = c.each_table(root, key, [&](const toml::table& t, const std::string& path) {
      T item;
      item.id = c.read_id(t, path);
      read_labels(c, t, path, item);
      c.only_keys(t, path, allowed);
      extra(t, path, item);
      items.push_back(std::move(item));
      where.push_back(t.source());
    });
    if (!present) return;
    check_unique(c, items, where, std::string(key));
    check_labels_unambiguous(c, items, where, std::string(key));
    list = std::move(items);
  };
  const auto no_extra = [](const toml::table&, const std::string&, auto&) {};
  labelled("sector", rv.sectors, {}, no_extra);
  labelled("domain", rv.domains, {}, no_extra);
  labelled("reporter_type", rv.reporter_types, {}, no_extra);
  labelled("target_group", rv.target_groups, {}, no_extra);
  labelled("closing_reason", rv.closing_reasons, {"needs_municipality"},
           [&](const toml::table& t, const std::string& p, ClosingReason& r) { c.read(t, p, "needs_municipality", r.needs_municipality); });
  labelled("service", rv.services, {"sector"},
           [&](const toml::table& t, const std::string& p, Service& s) { s.sector = c.required(t, p, "sector"); });
  labelled("role", rv.roles, {"may_coordinate"},
           [&](const toml::table& t, const std::string& p, Role& r) { c.read(t, p, "may_coordinate", r.may_coordinate); });
  labelled("indicator", rv.indicators, {"kind", "scale"}, [&](const toml::table& t, const std::string& p, Indicator& ind) {
    c.read(t, p, "kind", ind.kind);
    if (ind.kind != "count" && ind.kind != "scale") c.problem(t.get("kind")->source(), p + ".kind", "config.bad_indicator_kind", {ind.kind});
    c.read_range(t, p, "scale", ind.scale);
    if (ind.kind == "scale" && !ind.scale && !t.get("scale")) c.problem(t.source(), p + ".scale", "config.missing_key");
  });

  std::vector<Instrument> instruments;
  std::vector<toml::source_region> instrument_where;
  bool have_instruments = c.each_table(root, "instrument", [&](const toml::table& t, const std::string& p) {
    c.only_keys(t, p, {"id", "name", "name_nn", "name_en", "version", "recommend_at", "item"});
    Instrument ins;
    ins.id = c.read_id(t, p);
    ins.name = c.required(t, p, "name");
    c.read(t, p, "name_nn", ins.name_nn);
    c.read(t, p, "name_en", ins.name_en);
    c.read(t, p, "version", ins.version, 1, 1000000);
    if (!t.get("recommend_at")) c.problem(t.source(), p + ".recommend_at", "config.missing_key");
    c.read(t, p, "recommend_at", ins.recommend_at, 0, 1000000);
    std::vector<toml::source_region> item_where;
    bool any = c.each_table(t, "item", [&](const toml::table& it, const std::string& ip) {
      const std::string path = p + "." + ip;
      c.only_keys(it, path, {"id", "text", "text_nn", "text_en", "domain", "weight", "scale"});
      InstrumentItem item;
      item.id = c.read_id(it, path);
      item.text = c.required(it, path, "text");
      c.read(it, path, "text_nn", item.text_nn);
      c.read(it, path, "text_en", item.text_en);
      item.domain = c.required(it, path, "domain");
      c.read(it, path, "weight", item.weight, 0, 1000);
      c.read_range(it, path, "scale", item.scale);
      ins.items.push_back(std::move(item));
      item_where.push_back(it.source());
    });
    if (!any || ins.items.empty()) c.problem(t.source(), p + ".item", "config.empty_instrument", {ins.id});
    // A threshold above the highest possible score would never recommend a team.
    long long highest = 0;
    for (const auto& item : ins.items) highest += static_cast<long long>(item.weight) * (item.scale ? std::max(item.scale->second, 0) : 1);
    if (auto* n = t.get("recommend_at"); n && n->is_integer() && !ins.items.empty() && ins.recommend_at > highest)
      c.new_problem(n->source(), p + ".recommend_at", "config.recommend_unreachable",
                {std::to_string(ins.recommend_at), std::to_string(highest)});
    check_unique(c, ins.items, item_where, p + ".item");
    instruments.push_back(std::move(ins));
    instrument_where.push_back(t.source());
  });
  if (have_instruments && instruments.empty()) c.new_problem(root.get("instrument")->source(), "instrument", "config.empty_list");
  if (have_instruments) {
    check_unique(c, instruments, instrument_where, "instrument");
    rv.instruments = std::move(instruments);
  }
}

// Cross-references, checked on the merged result; `where` finds the line of
// the entry in the user's file when it came from there.
void check_references(const Rammeverk& rv, const toml::table* user_root, Checker& c) {
  auto region_of = [&](std::string_view list, std::size_t i) -> toml::source_region {
    if (user_root) {
      if (auto* arr = user_root->get_as<toml::array>(list); arr && i < arr->size()) return (*arr)[i].source();
    }
    return {};
  };
  for (std::size_t i = 0; i < rv.services.size(); ++i)
    if (!rv.services[i].sector.empty() && !has_id(rv.sectors, rv.services[i].sector))
      c.problem(region_of("service", i), "service[" + std::to_string(i) + "].sector", "config.unknown_reference",
                {rv.services[i].sector, "sector"});
  for (std::size_t i = 0; i < rv.instruments.size(); ++i) {
    const auto& ins = rv.instruments[i];
    const toml::array* items = nullptr;
    if (user_root)
      if (auto* arr = user_root->get_as<toml::array>("instrument"); arr && i < arr->size())
        if (auto* t = (*arr)[i].as_table()) items = t->get_as<toml::array>("item");
    for (std::size_t j = 0; j < ins.items.size(); ++j) {
      if (ins.items[j].domain.empty() || has_id(rv.domains, ins.items[j].domain)) continue;
      toml::source_region where = items && j < items->size() ? (*items)[j].source() : toml::source_region{};
      c.problem(where, "instrument[" + std::to_string(i) + "].item[" + std::to_string(j) + "].domain",
                "config.unknown_reference", {ins.items[j].domain, "domain"});
    }
  }
  std::set<std::string> access_roles;
  for (const auto& r : rv.access.roles) access_roles.insert(r.id);
  for (const auto& r : builtin_access_roles()) access_roles.insert(r.id);  // config/access_roles.cpp
  // The user's entry in the file (its `roles` line when there is one), for the line number.
  auto user_region = [&](std::size_t i) -> toml::source_region {
    const auto* access = user_root ? user_root->get_as<toml::table>("access") : nullptr;
    const auto* users = access ? access->get_as<toml::array>("user") : nullptr;
    const auto* user = users && i < users->size() ? (*users)[i].as_table() : nullptr;
    if (!user) return {};
    if (const auto* roles = user->get("roles")) return roles->source();
    return user->source();
  };
  for (std::size_t i = 0; i < rv.access.users.size(); ++i)
    for (const auto& r : rv.access.users[i].roles)
      if (!access_roles.count(r))
        c.problem(user_region(i), "access.user[" + std::to_string(i) + "].roles", "config.unknown_reference", {r, "access.role"});
  if (rv.reporter_types.empty()) c.problem({}, "reporter_type", "config.empty_list");
}

// The limits of a rammeverk file, checked before toml++ sees it: its parser
// recurses once per level of nesting, so a key 50,000 levels deep (dotted,
// [[[...]]], {a={a=...}}) overflows the stack before it can answer.
constexpr std::size_t kMaxBytes = 1 << 20;  // 1 MiB: a real one is a few KiB
constexpr int kMaxDepth = 32;                // a real one nests 3 deep ([[instrument.item]])

[[noreturn]] void refuse_limit(const std::string& source, std::size_t line, std::string key, std::size_t limit) {
  Error err(ExitCode::config, "config.invalid", {source});
  err.details.push_back({std::move(key), {source, std::to_string(line), "-", std::to_string(limit)}});
  throw err;
}

// Refuses (78, file and line) a text over kMaxBytes or nested deeper than
// kMaxDepth: open brackets and braces plus the dots of the key being read,
// outside strings and comments. A scan of the bytes, no recursion.
void check_limits(std::string_view text, const std::string& source) {
  std::size_t line = 1;
  if (text.size() > kMaxBytes) {
    for (std::size_t i = 0; i < kMaxBytes; ++i) line += text[i] == '\n';
    refuse_limit(source, line, "config.too_large", kMaxBytes);
  }
  int depth = 0;  // open [ and {
  int dots = 0;   // dots of the dotted key being read
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    switch (ch) {
      case '\n': ++line; dots = 0; break;
      case '#':  // a comment, to the end of the line
        while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
        break;
      case '"':
      case '\'': {  // a string: basic or literal, on one line or three-quoted
        const bool triple = text.compare(i, 3, std::string(3, ch)) == 0;
        i += triple ? 3 : 1;
        for (; i < text.size(); ++i) {
          if (text[i] == '\n') ++line;
          if (ch == '"' && text[i] == '\\') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++line;
            ++i;
            continue;
          }
          if (text[i] != ch) {
            if (!triple && text[i] == '\n') break;  // unterminated: the parser reports it
            continue;
          }
          if (!triple) break;
          if (text.compare(i, 3, std::string(3, ch)) == 0) {
            while (i + 3 < text.size() && text[i + 3] == ch) ++i;  // up to two quotes end the content
            i += 2;
            break;
          }
        }
        break;
      }
      case '[':
      case '{': ++depth; dots = 0; break;
      case ']':
      case '}': depth = depth > 0 ? depth - 1 : 0; dots = 0; break;
      case '=':
      case ',': dots = 0; break;
      case '.': ++dots; break;
      default: break;
    }
    if (depth + dots > kMaxDepth) refuse_limit(source, line, "config.too_deep", std::size_t(kMaxDepth));
  }
}

toml::table parse_or_throw(std::string_view text, const std::string& source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    Error err(ExitCode::config, "config.invalid", {source});
    err.details.push_back({"config.syntax", {source, std::to_string(e.source().begin.line), "-", std::string(e.description())}});
    throw err;
  }
}

Rammeverk parse_defaults() {
  Rammeverk rv;
  auto root = parse_or_throw(embedded::default_rammeverk, "default");
  Checker c(rv, "default", true);
  apply(rv, root, c);
  if (!c.problems().empty()) {
    Error err(ExitCode::config, "config.invalid", {"default"});
    err.details = c.problems();
    throw err;
  }
  return rv;
}

// The embedded defaults are the same text for the life of the process, and
// every load starts from them: they are parsed once (a static's
// initialisation is thread-safe; one that throws is tried again next time).
// Without `origins` they come without Rammeverk::origin: only config show
// reads it (with_origins()), and copying it cost every command.
const Rammeverk& defaults_with_origins() {
  static const Rammeverk defaults = parse_defaults();
  return defaults;
}
Rammeverk load_defaults(bool origins) {
  static const Rammeverk plain = [] {
    Rammeverk rv = defaults_with_origins();
    rv.origin.clear();
    return rv;
  }();
  return origins ? defaults_with_origins() : plain;
}

Rammeverk load(std::string_view toml_text, std::string_view source_name, bool origins) {
  const std::string source(source_name);
  check_limits(toml_text, source);
  Rammeverk rv = load_defaults(origins);
  auto root = parse_or_throw(toml_text, source);
  Checker c(rv, source, false, origins);
  apply(rv, root, c);
  check_references(rv, &root, c);
  if (!c.problems().empty()) {
    Error err(ExitCode::config, "config.invalid", {source});
    err.details = std::move(c.problems());
    throw err;
  }
  rv.source_text = std::string(toml_text);
  rv.source_name = source;
  rv.hash = sha256_hex(toml_text);
  return rv;
}

}  // namespace

const InstrumentItem* Instrument::find_item(std::string_view item_id) const {
  for (const auto& i : items)
    if (i.id == item_id) return &i;
  return nullptr;
}

template <typename T>
static const T* find_in(const std::vector<T>& list, std::string_view id) {
  for (const auto& e : list)
    if (e.id == id) return &e;
  return nullptr;
}

bool named_by_word(const Labelled& entry, std::string_view folded) {
  if (fold_word(entry.id) == folded) return true;
  for (const std::string* label : {&entry.label, &entry.label_nn, &entry.label_en})
    if (!label->empty() && fold_word(*label) == folded) return true;
  return false;
}

Error unknown_entry(std::string key, std::string_view word, const std::vector<const Labelled*>& entries) {
  std::vector<std::string> ids;
  NamingWords words;
  for (const Labelled* e : entries) {
    ids.push_back(e->id);
    for (const std::string* label : {&e->label, &e->label_nn, &e->label_en})
      if (!label->empty() && fold_word(*label) != fold_word(e->id)) words.emplace_back(*label, e->id);  // an id is near as itself
  }
  return unknown_value(std::move(key), {std::string(word), join(ids)}, word, ids, false, words);
}

const ReporterType* Rammeverk::find_reporter_type(std::string_view id) const { return find_in(reporter_types, id); }
const Service* Rammeverk::find_service(std::string_view id) const { return find_in(services, id); }
const Role* Rammeverk::find_role(std::string_view id) const { return find_in(roles, id); }
const Instrument* Rammeverk::find_instrument(std::string_view id) const { return find_in(instruments, id); }
const Indicator* Rammeverk::find_indicator(std::string_view id) const { return find_in(indicators, id); }
const ClosingReason* Rammeverk::find_closing_reason(std::string_view id_or_label) const {
  if (const auto* r = find_in(closing_reasons, id_or_label)) return r;
  for (const auto& r : closing_reasons)
    if (r.label == id_or_label) return &r;
  return nullptr;
}
const MeetingKind* Rammeverk::find_meeting_kind(std::string_view id) const { return find_in(meeting_kinds, id); }
const Contact* Rammeverk::find_contact(std::string_view name) const {
  for (const auto& k : contacts)
    if (k.name == name) return &k;
  return nullptr;
}
bool Rammeverk::consent_required_for(std::string_view action) const {
  for (const auto& a : rules.consent_required_for)
    if (a == action) return true;
  return false;
}

Rammeverk load_rammeverk(std::string_view toml_text, std::string_view source_name) { return load(toml_text, source_name, false); }

Rammeverk with_origins(const Rammeverk& rv) {
  if (rv.source_name == "default" && rv.source_text == embedded::default_rammeverk) {
    Rammeverk out = defaults_with_origins();
    out.source_text = rv.source_text;
    out.source_name = rv.source_name;
    out.hash = rv.hash;
    return out;
  }
  return load(rv.source_text, rv.source_name, true);
}

Rammeverk load_rammeverk_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw make_error(ExitCode::no_input, "error.cannot_read", path);
  // At most one byte over the limit is read: check_limits() refuses the rest unread.
  std::string text(kMaxBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) throw make_error(ExitCode::io, "error.cannot_read", path);
  text.resize(static_cast<std::size_t>(in.gcount()));
  // A file named "database" is still a file: checked as one, not as the stored rammeverk.
  return load_rammeverk(text, path == kStoredSource ? "./" + path : path);
}

Rammeverk default_rammeverk() {
  Rammeverk rv = load_defaults(false);
  rv.source_text = std::string(embedded::default_rammeverk);
  rv.source_name = "default";
  rv.hash = sha256_hex(rv.source_text);
  return rv;
}

}  // namespace oppteam
