// The rammeverk's own words in the reader's language (issue 17, point 5):
// a list entry's label is Bokmål, with label_nn and label_en beside it; a
// Nynorsk reader sees "Heimesjukepleie" where a Bokmål reader sees
// "Hjemmesykepleie", and any of the labels is accepted as the value.
// Personal numbers are synthetic (month + 80).

#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;

namespace {

bool has(const std::string& text, const std::string& word) { return text.find(word) != std::string::npos; }

}  // namespace

// A municipality that keeps the built-in lists (and their three languages).
const std::string kBuiltInLists = test::municipality_toml("Språk kommune") + "\n" + test::kQuickRulesToml;

TEST_CASE("rammeverk labels are shown in nb, nn and en, and any of them is accepted", "[lang][labels]") {
  test::Fixture f(kBuiltInLists);
  const std::string c = refer(f);
  REQUIRE(f.oppteam({"--today", "2026-03-10", "decide", c, "--grant"}).code == 0);
  auto team = f.oppteam({"--today", "2026-03-11", "team", "create", c, "--coordinator", "Ane Lie", "--gp", "Dr. Berg",
                         "--member", "Ola Dahl:nav_veileder:nav", "--member", "Siri Moe:hjemmesykepleie:helse"});
  INFO(team.out << team.err);
  REQUIRE(team.code == 0);

  auto nb = f.oppteam({"--lang", "nb", "team", "show", c});
  auto nn = f.oppteam({"--lang", "nn", "team", "show", c});
  auto en = f.oppteam({"--lang", "en", "team", "show", c});
  INFO(nb.out << "\n---\n" << nn.out << "\n---\n" << en.out);
  REQUIRE(nb.code == 0);
  REQUIRE(nn.code == 0);
  REQUIRE(en.code == 0);
  CHECK(has(nb.out, "Hjemmesykepleie"));
  CHECK(has(nn.out, "Heimesjukepleie"));
  CHECK_FALSE(has(nn.out, "Hjemmesykepleie"));
  CHECK(has(en.out, "Home nursing"));
  CHECK(has(nn.out, "NAV-rettleiar"));
  // The team's history names roles and services by their labels too, as audit log does.
  CHECK(has(nn.out, "Ola Dahl (NAV-rettleiar, NAV)"));
  CHECK(has(en.out, "Siri Moe (Home nursing, Municipal health and care services)"));
  CHECK_FALSE(has(nn.out, "(nav_veileder, nav)"));

  // The JSON keeps the id and gives the label in the reader's language.
  auto json_nn = f.oppteam({"--lang", "nn", "--json", "team", "show", c});
  REQUIRE(json_nn.code == 0);
  const auto members = json_nn.json()["team"]["members"];
  bool found = false;
  for (const auto& m : members)
    if (m["role"] == "hjemmesykepleie") {
      found = true;
      CHECK(m["role_label"] == "Heimesjukepleie");
    }
  CHECK(found);

  // A referral whose reporter type is given by its Nynorsk or English label.
  int person = 20;
  for (const std::string typed : {"Sjukehus", "hospital"}) {
    auto r = f.oppteam({"--json", "refer", "add", "--fnr", robust::synthetic_fnr(++person), "--reporter-type", typed,
                        "--received", "2026-03-02", "--need", "Trenger koordinering"});
    INFO(typed << ": " << r.err);
    REQUIRE(r.code == 0);
    const std::string number = r.json()["case"].get<std::string>();
    auto shown = f.oppteam({"--json", "case", "show", number});
    REQUIRE(shown.code == 0);
    CHECK(shown.json()["referrals"][0]["reporter_type"] == "sykehus");
    auto shown_nn = f.oppteam({"--lang", "nn", "case", "show", number});
    CHECK(has(shown_nn.out, "Sjukehus"));
  }
}

TEST_CASE("a municipality's own label_nn and label_en are read, shown and listed by config show", "[lang][labels][config]") {
  test::Fixture f(test::municipality_toml("Språk kommune") + R"toml(
[[closing_reason]]
id = "flytta"
label = "Flyttet"
label_nn = "Flytta"
label_en = "Moved away"
needs_municipality = false

[[closing_reason]]
id = "annet"
label = "Annet"
)toml");
  auto show = f.oppteam({"config", "show"});
  INFO(show.err);
  REQUIRE(show.code == 0);
  CHECK(has(show.out, "label_nn = 'Flytta'"));
  CHECK(has(show.out, "label_en = 'Moved away'"));

  const std::string c = refer(f);
  auto closed = f.oppteam({"--lang", "nn", "--today", "2026-03-05", "case", "close", c, "--reason", "Flytta"});
  INFO(closed.out << closed.err);
  REQUIRE(closed.code == 0);
  CHECK(has(closed.out, "Flytta"));
  auto shown_en = f.oppteam({"--lang", "en", "case", "show", c});
  CHECK(has(shown_en.out, "Moved away"));
  // An entry without an English label is named by its id in English text.
  const std::string c2 = refer(f, robust::synthetic_fnr(3));
  auto other = f.oppteam({"--lang", "en", "--today", "2026-03-05", "case", "close", c2, "--reason", "annet"});
  INFO(other.out << other.err);
  REQUIRE(other.code == 0);
  CHECK(has(other.out, "annet"));
  CHECK_FALSE(has(other.out, "Annet"));

  // A label of the wrong type is refused with the key's place.
  const std::string bad = f.dir.write("bad.toml", "[[role]]\nid = \"x\"\nlabel = \"X\"\nlabel_nn = 3\n");
  auto check = f.oppteam({"config", "check", bad});
  CHECK(check.code == 78);
  CHECK(has(check.err, "label_nn"));
}

TEST_CASE("instrument names, item texts and team review texts are shown in the reader's language", "[lang][labels][assess]") {
  test::Fixture f(kBuiltInLists);
  const std::string c = refer(f);
  // A wrong instrument lists the instruments by their names in Nynorsk.
  auto miss = f.oppteam({"--lang", "nn", "assess", c, "--instrument", "kjenneteikn_x"});
  CHECK(miss.code == 65);
  CHECK(has(miss.err, "Kjenneteikn ved pasientar og brukarar"));
  auto nn = f.oppteam({"--lang", "nn", "--today", "2026-03-04", "assess", c, "--instrument", "kjennetegn", "--answer",
                       "flere_diagnoser=ja", "--answer", "nedsatt_funksjon=ja", "--answer", "psykisk_helse=ja", "--answer",
                       "rus=nei", "--answer", "sosiale_forhold=ja", "--answer", "mange_tjenester=ja", "--answer",
                       "risiko_forverring=ja", "--assessor", "Ane Lie", "--profession", "sjukepleiar"});
  INFO(nn.out << nn.err);
  REQUIRE(nn.code == 0);
  CHECK(has(nn.out, "Kjenneteikn ved pasientar og brukarar med store og samansette behov"));
  CHECK(has(nn.out, "Funksjon i kvardagen"));
  CHECK_FALSE(has(nn.out, "Kjennetegn ved pasienter"));

  REQUIRE(f.oppteam({"--today", "2026-03-10", "decide", c, "--grant"}).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-11", "team", "create", c, "--coordinator", "Ane Lie", "--gp", "Dr. Berg"}).code == 0);
  auto en = f.oppteam({"--lang", "en", "team", "review", c});
  INFO(en.out << en.err);
  REQUIRE(en.code == 0);
  CHECK(has(en.out, "The roles in the team are clear"));
  auto json_nn = f.oppteam({"--lang", "nn", "--json", "team", "review", c});
  REQUIRE(json_nn.code == 0);
  CHECK(json_nn.json()["items"][0]["text"] == "Rollene i teamet er avklarte");
}
