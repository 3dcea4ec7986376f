#include <oppteam/config/rammeverk.hpp>
#include <oppteam/config/rammeverk_keys.hpp>

#include <toml++/toml.h>

#include <fmt/format.h>

#include <sstream>
#include <type_traits>

namespace oppteam {

namespace {

std::string quoted(const std::string& s) {
  std::ostringstream out;
  out << toml::value<std::string>(s);
  return out.str();
}

class Writer {
 public:
  explicit Writer(const Rammeverk& rv) : rv_(rv) {}

  void section(std::string_view name) { out_ << (out_.tellp() > 0 ? "\n" : "") << "[" << name << "]\n"; }
  // Entry `index` of the list `name`, with the line it was read from (the
  // list's own origin for entries read from the defaults).
  void list_entry(std::string_view name, std::size_t index) {
    const std::string entry = std::string(name) + "[" + std::to_string(index) + "]";
    out_ << "\n[[" << name << "]]" << origin_comment(rv_.origin.count(entry) ? entry : std::string(name)) << "\n";
  }

  void value(const std::string& path, std::string_view key, const std::string& rendered, bool with_origin = true) {
    out_ << key << " = " << rendered;
    if (with_origin) out_ << origin_comment(path.empty() ? std::string(key) : path + "." + std::string(key));
    out_ << "\n";
  }
  void str(const std::string& path, std::string_view key, const std::string& v, bool o = true) { value(path, key, quoted(v), o); }
  // An entry's text in bokmål, then its nynorsk and English forms where it
  // has them (`key`, `key`_nn, `key`_en), each line after `indent`.
  void texts(std::string_view indent, std::string_view key, const std::string& nb, const std::string& nn,
             const std::string& en) {
    const std::string k(key);
    for (const auto& [name, text] : {std::pair{k, &nb}, std::pair{k + "_nn", &nn}, std::pair{k + "_en", &en}}) {
      if (text != &nb && text->empty()) continue;
      raw(indent);
      str("", name, *text, false);
    }
  }
  void num(const std::string& path, std::string_view key, long v, bool o = true) { value(path, key, std::to_string(v), o); }
  void flag(const std::string& path, std::string_view key, bool v, bool o = true) { value(path, key, v ? "true" : "false", o); }
  void list(const std::string& path, std::string_view key, const std::vector<std::string>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + quoted(v[i]);
    value(path, key, s + "]");
  }
  void raw(std::string_view text) { out_ << text; }

  // [section] and its scalar keys, as the key table (rammeverk_keys.hpp) has them.
  void keys(std::string_view section) {
    this->section(section);
    const std::string path(section);
    for (const auto& k : rammeverk_keys()) {
      if (k.section != section) continue;
      k.visit(rv_, [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) str(path, k.name, v);
        else if constexpr (std::is_same_v<T, int>) num(path, k.name, v);
        else if constexpr (std::is_same_v<T, bool>) flag(path, k.name, v);
        else if constexpr (std::is_same_v<T, Lang>) str(path, k.name, std::string(lang_code(v)));
        else list(path, k.name, v);
      });
    }
  }
  std::string str() const { return out_.str(); }

 private:
  std::string origin_comment(const std::string& key) const {
    auto it = rv_.origin.find(key);
    std::string comment("    # ");
    comment += it == rv_.origin.end() ? std::string_view("default") : std::string_view(it->second);
    return comment;
  }
  const Rammeverk& rv_;
  std::ostringstream out_;
};

std::string range(const std::pair<int, int>& r) { return fmt::format("[{}, {}]", r.first, r.second); }

// [escalation], [approvals], [plan_document], [[meeting_kind]], [team_review] and [[contact]] (issue 15).
void show_team_work(Writer& w, const Rammeverk& rv) {
  w.keys("escalation");
  w.keys("approvals");
  w.keys("plan_document");
  for (std::size_t i = 0; i < rv.meeting_kinds.size(); ++i) {
    const auto& k = rv.meeting_kinds[i];
    w.list_entry("meeting_kind", i);
    w.str("", "id", k.id, false);
    w.texts("", "label", k.label, k.label_nn, k.label_en);
  }
  w.section("team_review");
  for (const auto& it : rv.team_review_items) {
    w.raw("\n  [[team_review.item]]\n");
    w.raw("  "); w.str("", "id", it.id, false);
    w.texts("  ", "text", it.text, it.text_nn, it.text_en);
    if (it.scale) { w.raw("  "); w.value("", "scale", range(*it.scale), false); }
  }
  for (std::size_t i = 0; i < rv.contacts.size(); ++i) {
    const auto& k = rv.contacts[i];
    w.list_entry("contact", i);
    w.str("", "name", k.name, false);
    if (!k.email.empty()) w.str("", "email", k.email, false);
    if (!k.phone.empty()) w.str("", "phone", k.phone, false);
  }
}

}  // namespace

std::string show_rammeverk(const Rammeverk& in) {
  const Rammeverk rv = in.origin.empty() ? with_origins(in) : in;  // a load records no origins
  Writer w(rv);
  w.raw("# Effective rammeverk; read from: " + rv.source_name + " (sha256 " + rv.hash.substr(0, 12) + ")\n");
  w.keys("municipality");
  w.keys("deadlines");
  w.keys("rules");
  w.keys("reports");
  if (!rv.import_map.columns.empty()) {
    w.section("import.columns");
    for (const auto& [k, v] : rv.import_map.columns) w.str("import.columns", quoted(k), v, false);
  }
  w.keys("access");
  for (const auto& r : rv.access.roles) {
    w.raw("\n[[access.role]]\n");
    w.str("", "id", r.id, false);
    w.list("access.role", "permissions", r.permissions);
  }
  for (const auto& u : rv.access.users) {
    w.raw("\n[[access.user]]\n");
    w.str("", "name", u.name, false);
    w.list("access.user", "roles", u.roles);
    if (!u.full_name.empty()) w.str("", "full_name", u.full_name, false);
    if (!u.title.empty()) w.str("", "title", u.title, false);
  }
  auto labelled = [&](std::string_view name, const auto& list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& e = list[i];
      w.list_entry(name, i);
      w.str("", "id", e.id, false);
      w.texts("", "label", e.label, e.label_nn, e.label_en);
      if constexpr (requires { e.sector; }) w.str("", "sector", e.sector, false);
      if constexpr (requires { e.may_coordinate; }) w.flag("", "may_coordinate", e.may_coordinate, false);
      if constexpr (requires { e.needs_municipality; }) w.flag("", "needs_municipality", e.needs_municipality, false);
      if constexpr (requires { e.kind; }) {
        w.str("", "kind", e.kind, false);
        if (e.scale) w.value("", "scale", range(*e.scale), false);
      }
    }
  };
  labelled("sector", rv.sectors);
  labelled("domain", rv.domains);
  labelled("reporter_type", rv.reporter_types);
  labelled("service", rv.services);
  labelled("role", rv.roles);
  labelled("target_group", rv.target_groups);
  for (std::size_t n = 0; n < rv.instruments.size(); ++n) {
    const auto& ins = rv.instruments[n];
    w.list_entry("instrument", n);
    w.str("", "id", ins.id, false);
    w.texts("", "name", ins.name, ins.name_nn, ins.name_en);
    w.num("", "version", ins.version, false);
    w.num("", "recommend_at", ins.recommend_at, false);
    for (const auto& it : ins.items) {
      w.raw("\n  [[instrument.item]]\n");
      w.raw("  "); w.str("", "id", it.id, false);
      w.texts("  ", "text", it.text, it.text_nn, it.text_en);
      w.raw("  "); w.str("", "domain", it.domain, false);
      w.raw("  "); w.num("", "weight", it.weight, false);
      if (it.scale) { w.raw("  "); w.value("", "scale", range(*it.scale), false); }
    }
  }
  labelled("indicator", rv.indicators);
  labelled("closing_reason", rv.closing_reasons);
  show_team_work(w, rv);
  return w.str();
}

}  // namespace oppteam
