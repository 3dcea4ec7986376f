// One language per output (issue 17, point 5): the core path run with
// --lang nn prints no Bokmål-only word, and with --lang en no Norwegian-only
// word, and neither has an ISO date in its text. What the rammeverk and the
// user wrote is data in its own language: every quoted text of the
// rammeverk and every argument given is taken out of the output before the
// words are looked at.
// Personal numbers are synthetic (month + 80).

#include "cli/test_team_helpers.hpp"

#include <algorithm>
#include <regex>
#include <set>

using namespace team_test;

namespace {

// Words of Bokmål that Nynorsk does not have (each checked as a whole word).
const std::vector<std::string> kBokmalOnly = {
    "ikke",     "hva",     "hvem",    "hvis",      "hvordan", "hvor",     "hvilken",    "hvilke",  "noen",
    "jeg",      "fra",     "ble",     "uten",      "saken",   "tjeneste", "tjenester",  "tjenesten", "innvilget",
    "avsluttet", "dager",  "navn",    "bare",      "selv",    "hver",     "hvert",      "kommer",  "gjøre",
    "være",     "mer",     "ennå",    "mangler",   "trenger", "påkrevd",  "siden",      "sammen",  "gjelder",
    "mottatt",  "enhet",   "opprettet", "forfalt", "medlemmer", "påminnelser", "påminnelse"};

// Words that are Norwegian (nb or nn) and not English.
const std::vector<std::string> kNorwegianOnly = {
    "ikke", "ikkje", "og",  "er",      "frist",  "samtykke", "vedtak",   "sak",      "saken",   "saka",     "eller",
    "med",  "til",   "av",  "på",      "dager",  "dagar",    "mottatt",  "innvilget", "innvilga", "avsluttet", "avslutta",
    "mål",  "tiltak", "møte", "ingen", "kartlegging", "koordinator", "fastlege", "melding", "klage", "gjeld", "gjelder"};

// Every quoted text of the rammeverk file: labels, item texts, names.
std::vector<std::string> quoted_texts(const std::string& toml) {
  std::vector<std::string> out;
  static const std::regex quoted("\"([^\"\\n]{2,})\"");
  for (auto it = std::sregex_iterator(toml.begin(), toml.end(), quoted); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

bool letter(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// `text` without any of `data` where it stands as whole words (longest first).
std::string without(std::string text, std::vector<std::string> data) {
  std::sort(data.begin(), data.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& d : data) {
    if (d.size() < 2) continue;
    for (auto at = text.find(d); at != std::string::npos; at = text.find(d, at + 1)) {
      const bool start = at == 0 || !letter(static_cast<unsigned char>(text[at - 1])) || !letter(static_cast<unsigned char>(d.front()));
      const bool end = at + d.size() == text.size() || !letter(static_cast<unsigned char>(text[at + d.size()])) ||
                       !letter(static_cast<unsigned char>(d.back()));
      if (start && end) text.replace(at, d.size(), " ");
    }
  }
  return text;
}

// The words of `list` that occur in `text` as whole words (any case).
std::set<std::string> found(const std::string& text, const std::vector<std::string>& list) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  std::set<std::string> out;
  for (const auto& w : list)
    for (auto at = lower.find(w); at != std::string::npos; at = lower.find(w, at + 1)) {
      const bool start = at == 0 || !letter(static_cast<unsigned char>(lower[at - 1]));
      const bool end = at + w.size() == lower.size() || !letter(static_cast<unsigned char>(lower[at + w.size()]));
      if (start && end) {
        out.insert(w);
        break;
      }
    }
  return out;
}

// The core path in `lang`, text output: every stdout and stderr, with the
// command that printed it, and every argument given (data).
struct Path {
  std::vector<std::pair<std::string, std::string>> outputs;  // (command, output)
  std::vector<std::string> data;
};

// The example rammeverk in `lang`: the documents it makes (the decision
// letter) are in its language; its labels stay data.
std::string rammeverk_in(const std::string& lang) {
  std::string text = test::read_file(test::source_path("examples/rammeverk.toml"));
  const std::string from = "language = \"nb\"";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), "language = \"" + lang + "\"");
}

Path core_path(const std::string& lang) {
  test::Fixture f(rammeverk_in(lang));
  Path p;
  auto step = [&](const std::string& today, std::vector<std::string> args, std::vector<int> ok = {0}) {
    for (const auto& a : args) p.data.push_back(a);
    args.insert(args.begin(), {"--lang", lang, "--today", today});
    auto r = f.oppteam(args);
    INFO(args[4] << " " << args[5] << ": " << r.out << r.err);
    CHECK(std::find(ok.begin(), ok.end(), r.code) != ok.end());
    p.outputs.emplace_back(args[4] + " " + args[5], r.out + r.err);
  };
  {
    auto init = test::run({"--lang", lang, "--db", f.dir.file("other.db"), "init", "--example"});
    CHECK(init.code == 0);
    p.outputs.emplace_back("init", init.out + init.err);
  }
  step("2026-03-02", {"refer", "add", "--fnr", kFnr, "--name", "Per Hansen", "--reporter-type", "fastlege", "--received", "2026-03-02",
                      "--need", "Koordinering"});
  step("2026-03-03", {"consent", "give", "2026/1", "--scope", "utredning", "--form", "muntlig", "--given-by", "person"});
  step("2026-03-03", {"consent", "give", "2026/1", "--scope", "team", "--form", "muntlig", "--given-by", "person"});
  step("2026-03-04", cat({"assess", "2026/1", "--instrument", "kjennetegn", "--assessor", "Ane Lie", "--profession", "sykepleier"},
                         kjennetegn_answers()));
  step("2026-03-10", {"decide", "2026/1", "--grant"});
  step("2026-03-11", {"decide", "2026/1", "--grant"}, {2});  // already decided: a rule refusal
  step("2026-03-11", {"team", "create", "2026/1", "--coordinator", "Ane Lie", "--gp", "Dr. Berg", "--member",
                      "Ola Dahl:nav_veileder:nav", "--member", "Siri Moe:hjemmesykepleie:hjemmetjenesten"});
  step("2026-03-12", {"plan", "goal", "2026/1", "--text", "Bo heime"});
  step("2026-03-12", {"plan", "measure", "2026/1", "--goal", "1", "--text", "Besøk", "--responsible", "Siri Moe", "--due",
                      "2026-04-01"});
  step("2026-03-12", {"plan", "participated", "2026/1", "--how", "Planmøte"});
  step("2026-03-20", {"evaluate", "2026/1", "--goal", "1=1", "--experienced-quality", "4", "--decision", "continue"});
  step("2026-04-10", {"remind", "--within", "30"});
  step("2026-04-10", {"case", "show", "2026/1"});
  step("2026-04-10", {"case", "list"});
  step("2026-04-10", {"report", "--from", "2026-01-01", "--to", "2026-12-31"});
  step("2026-04-10", {"audit", "log", "--case", "2026/1"});
  step("2026-04-10", {"case", "list", "--status", "motatt"}, {64});  // a usage error
  for (const char* file : {"examples/rammeverk.toml", "src/config/default_rammeverk.toml"})
    for (const auto& t : quoted_texts(test::read_file(test::source_path(file)))) p.data.push_back(t);
  // Names of Norwegian laws and bodies are proper names in every language.
  for (const char* name : {"pasient- og brukerrettighetsloven", "pasient- og brukarrettslova", "forvaltningsloven", "forvaltningslova",
                           "Statsforvalteren", "Statsforvaltaren", "helse- og omsorgstjenesteloven", "helse- og omsorgstenestelova"})
    p.data.push_back(name);
  return p;
}

void check_words(const Path& p, const std::vector<std::string>& words, const std::string& what) {
  for (const auto& [command, output] : p.outputs) {
    const std::string text = without(output, p.data);
    const auto hits = found(text, words);
    std::string list;
    for (const auto& h : hits) list += " " + h;
    INFO(command << ": " << what << ":" << list << "\n(data taken out)\n" << text);
    CHECK(hits.empty());
    // Dates in text are for people ("2. mars 2026"); the audit log's
    // columns of time stamps are a record, not text.
    static const std::regex iso("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    if (command != "audit log") CHECK_FALSE(std::regex_search(text, iso));
  }
}

}  // namespace

TEST_CASE("the core path in Nynorsk has no Bokmål-only word", "[lang][words]") {
  check_words(core_path("nn"), kBokmalOnly, "Bokmål-only words in Nynorsk");
}

TEST_CASE("the core path in English has no Norwegian-only word", "[lang][words]") {
  check_words(core_path("en"), kNorwegianOnly, "Norwegian words in English");
}
