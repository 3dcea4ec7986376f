// oppteam assess: JSON, refusals with their exit codes, files, the walk at a terminal.

#include "cli/test_team_helpers.hpp"

using namespace team_test;

TEST_CASE("assess: scores, recommends and reports the professions so far", "[team][assess]") {
  test::Fixture f;
  const std::string c = refer(f);
  consent(f, c, "utredning");
  auto r = f.oppteam(cat({"--today", "2026-03-04", "--json", "assess", c, "--instrument", "kjennetegn"},
                         cat(kjennetegn_answers(), {"--what-matters", "Å bo heime", "--what-matters", "Å gå tur med hunden",
                                                    "--assessor", "Ane Lie", "--profession", "sykepleier"})));
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  auto j = r.json();
  CHECK(j["case"] == c);
  CHECK(j["score"] == 6);
  CHECK(j["threshold"] == 4);
  CHECK(j["recommendation"] == "team");
  CHECK(j["domains"]["helse"] == 1);
  CHECK(j["domains"]["funksjon"] == 2);
  CHECK(j["domains"]["tjenester"] == 2);
  CHECK(j["domain_details"][0]["label"] == "Somatisk helse");
  CHECK(j["assessment"] == 1);
  CHECK(j["instrument_version"] == 1);
  CHECK(j["unanswered"].empty());
  CHECK(j["what_matters"].size() == 2);
  CHECK(j["professions"] == nlohmann::json::array({"sykepleier"}));
  CHECK(j["assessed_on"] == "2026-03-04");

  r = f.oppteam({"--today", "2026-03-05", "assess", c, "--instrument", "risiko", "--answer", "alder_over_75=ja", "--answer",
                 "legemidler=ja", "--answer", "fall=nei", "--answer", "bor_alene=ja", "--assessor", "Dr. Berg",
                 "--profession", "lege"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Sum: 3 av 4 (terskel 3)") != std::string::npos);  // equal to recommend_at: a team
  CHECK(r.out.find("Anbefaling: oppfølgingsteam") != std::string::npos);
  CHECK(r.out.find("sykepleier, lege") != std::string::npos);
  CHECK(r.out.find("5. mars 2026") != std::string::npos);

  auto log = f.oppteam({"--json", "audit", "log", "--case", c});
  INFO(log.out << log.err);
  REQUIRE(log.code == 0);
  int assess_entries = 0;
  const auto entries = log.json()["entries"];
  for (const auto& e : entries)
    if (e["action"] == "assess") ++assess_entries;
  CHECK(assess_entries == 2);
}

TEST_CASE("assess refusals and their exit codes", "[team][assess]") {
  test::Fixture f;
  const std::string c = refer(f);
  auto base = [&](std::vector<std::string> extra) {
    return f.oppteam(cat({"--today", "2026-03-04", "assess", c, "--instrument", "kjennetegn"}, answered(kjennetegn_answers(), extra)));
  };
  const std::vector<std::string> who{"--assessor", "Ane Lie", "--profession", "sykepleier"};

  // No consent for utredning: refused by the rule, nothing stored.
  auto r = base(cat({"--json"}, who));
  CHECK(r.code == 2);
  CHECK(test::error_key(r) == "rule.consent_required");
  CHECK(r.err.find("utredning") != std::string::npos);  // names the scope
  consent(f, c, "utredning");

  SECTION("missing assessor or profession without a terminal: usage") {
    CHECK(base({"--profession", "sykepleier"}).code == 64);
    r = base({"--json", "--assessor", "Ane Lie"});
    CHECK(r.code == 64);
    CHECK(test::error_key(r) == "error.missing_option");
    CHECK(r.err.find("--profession") != std::string::npos);  // names the option
  }
  SECTION("unknown instrument: bad data, listing the instruments") {
    r = f.oppteam(cat({"--json", "assess", c, "--instrument", "nope"}, who));
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == "choice.unknown");
    CHECK(r.err.find("(kjennetegn)") != std::string::npos);  // each by its name and id
    CHECK(r.err.find("(risiko)") != std::string::npos);
    CHECK(f.oppteam(cat({"assess", c}, who)).code == 64);  // no --instrument at all
  }
  SECTION("a bad value names the item") {
    r = base(cat({"--json", "--answer", "funksjonsfall=5"}, who));
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == "assess.bad_scale");
    CHECK(r.err.find("funksjonsfall") != std::string::npos);  // names the item and its range
    CHECK(r.err.find("0 til 3") != std::string::npos);
    r = base(cat({"--json", "--answer", "rus=kanskje"}, who));
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == "assess.bad_yes_no");
    CHECK(r.err.find("«rus»") != std::string::npos);
  }
  SECTION("an unknown item names it: typed as --answer or in a file, bad data (65, as an unknown instrument)") {
    r = base(cat({"--json", "--answer", "stjernetegn=1"}, who));
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == "assess.unknown_item");
    CHECK(r.err.find("stjernetegn") != std::string::npos);  // names the item
    const std::string file = f.dir.write("unknown.toml", "stjernetegn = 1\n");
    r = f.oppteam(cat({"--json", "assess", c, "--instrument", "kjennetegn", "--answers", file}, who));
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == "assess.unknown_item");
    CHECK(r.err.find("stjernetegn") != std::string::npos);
  }
  SECTION("--answer without ITEM=VALUE: usage") { CHECK(base(cat({"--answer", "rus"}, who)).code == 64); }
  SECTION("unanswered items are listed; --allow-partial stores them as partial") {
    r = f.oppteam(cat({"--json", "assess", c, "--instrument", "kjennetegn", "--answer", "rus=ja", "--answer", "funksjonsfall=3"}, who));
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == "assess.unanswered");
    CHECK(r.json()["error"]["message"].get<std::string>().find("flere_diagnoser, psykisk_helse") != std::string::npos);
    r = f.oppteam(cat({"--json", "assess", c, "--instrument", "kjennetegn", "--answer", "rus=ja", "--answer", "funksjonsfall=3",
                       "--allow-partial"},
                      who));
    REQUIRE(r.code == 0);
    auto j = r.json();
    CHECK(j["partial"] == true);
    CHECK(j["unanswered"].size() == 6);
    CHECK(j["score"] == 4);
    CHECK(j["recommendation"] == "team");
  }
  SECTION("no such case: not found; a malformed number: bad data") {
    CHECK(f.oppteam(cat(cat({"assess", "2026/99", "--instrument", "kjennetegn"}, kjennetegn_answers()), who)).code == 1);
    CHECK(f.oppteam(cat(cat({"assess", "26-1", "--instrument", "kjennetegn"}, kjennetegn_answers()), who)).code == 65);
  }
  SECTION("an answers file that cannot be read: 66; a bad one: 65") {
    CHECK(f.oppteam(cat({"assess", c, "--instrument", "kjennetegn", "--answers", f.dir.file("nope.toml")}, who)).code == 66);
    const std::string bad = f.dir.write("bad.json", "{\"rus\": [1]}");
    CHECK(f.oppteam(cat({"assess", c, "--instrument", "kjennetegn", "--answers", bad}, who)).code == 65);
  }
  SECTION("a closed case: refused") {
    const std::string c2 = granted_case(f);
    REQUIRE(f.oppteam(core_team(c2)).code == 0);
    REQUIRE(f.oppteam({"team", "close", c2, "--reason", "Flyttet", "--close-case"}).code == 0);
    r = f.oppteam(cat(cat({"assess", c2, "--instrument", "kjennetegn"}, kjennetegn_answers()), who));
    CHECK(r.code == 2);
  }
}

TEST_CASE("assess --answers FILE: TOML and JSON, flags win over the file", "[team][assess]") {
  test::Fixture f;
  const std::string c = refer(f);
  consent(f, c, "utredning");
  const std::string toml = f.dir.write("svar.toml",
                                       "flere_diagnoser = true\nfunksjonsfall = 3\npsykisk_helse = \"ja\"\nrus = 0\n"
                                       "sosiale_forhold = 1\nmange_tjenester = 1\ninnleggelser = 1\nparorende_belastning = 1\n");
  auto r = f.oppteam({"--json", "assess", c, "--instrument", "kjennetegn", "--answers", toml, "--assessor", "A", "--profession", "lege"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["score"] == 1 + 3 + 1 + 0 + 1 + 2 + 2 + 1);
  const std::string json = f.dir.write("svar.json", "{\"alder_over_75\": 1, \"legemidler\": 0, \"fall\": \"nei\", \"bor_alene\": false}");
  r = f.oppteam({"--json", "assess", c, "--instrument", "risiko", "--answers", json, "--answer", "fall=ja", "--assessor", "B",
                 "--profession", "fysioterapeut"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["score"] == 2);
  CHECK(r.json()["recommendation"] == "no_team");
  CHECK(r.json()["professions"] == nlohmann::json::array({"lege", "fysioterapeut"}));
}

TEST_CASE("rammeverk-hash rule: a changed instrument never changes a stored score", "[team][assess]") {
  test::Fixture f;
  const std::string c = refer(f);
  consent(f, c, "utredning");
  auto first = assess(f, c, "Ane Lie", "sykepleier");
  REQUIRE(first.code == 0);
  CHECK(first.json()["score"] == 6);

  // Every weight doubled and a higher threshold, stored as the rammeverk in force.
  std::string toml = test::read_file(test::source_path("examples/rammeverk.toml"));
  for (std::size_t at = toml.find("weight = 1"); at != std::string::npos; at = toml.find("weight = 1", at + 1))
    toml.replace(at, 10, "weight = 5");
  toml.replace(toml.find("recommend_at = 4"), 16, "recommend_at = 40");
  const std::string changed = f.dir.write("changed.toml", toml);
  auto stored = f.oppteam({"--json", "config", "store", changed});
  INFO(stored.out << stored.err);
  REQUIRE(stored.code == 0);
  CHECK(stored.json()["hash"] != first.json()["rammeverk_hash"]);

  auto second = assess(f, c, "Dr. Berg", "lege");
  REQUIRE(second.code == 0);
  CHECK(second.json()["score"] == 5 + 10 + 5 + 2);  // flere_diagnoser, funksjonsfall=2, sosiale_forhold, mange_tjenester
  CHECK(second.json()["threshold"] == 40);
  CHECK(second.json()["recommendation"] == "no_team");

  // The case as stored: the first assessment keeps its score, threshold and recommendation.
  auto show = f.oppteam({"--json", "case", "show", c});
  INFO(show.out << show.err);
  REQUIRE(show.code == 0);
  auto a = show.json()["assessments"];
  REQUIRE(a.size() == 2);
  CHECK(a[0]["score"] == 6);
  CHECK(a[0]["threshold"] == 4);
  CHECK(a[0]["recommendation"] == "team");
  CHECK(a[1]["score"] == 22);
}

TEST_CASE("assess at a terminal walks through the items, re-asking on a bad value", "[team][assess]") {
  test::Fixture f;
  const std::string c = refer(f);
  consent(f, c, "utredning");
  auto r = test::run_pty({"--db", f.db(), "--as", "ane", "--today", "2026-03-04", "assess", c, "--instrument", "kjennetegn"},
                   {{"Navn på den som kartlegger", "Ane Lie"},
                    {"Profesjon", "sykepleier"},
                    {"[1/8] Flere samtidige sykdommer", "kanskje"},  // not a yes/no answer
                    {"ja/nei (1/0)", "ja"},
                    {"[2/8]", "9"},  // outside 0-3
                    {"fra 0 til 3", "2"},
                    {"[3/8]", "nei"},
                    {"[4/8]", "0"},
                    {"[5/8]", "j"},
                    {"[6/8]", "ja"},
                    {"[7/8]", "nei"},
                    {"[8/8]", "n"},
                    {"Hva er viktig for deg?", "Å bo heime"},
                    {"> ", ""}},
                   f.dir.path());
  INFO(r.out);
  CHECK_FALSE(r.timed_out);
  CHECK(r.code == 0);
  CHECK(r.out.find("«kanskje» er ikke et gyldig svar") != std::string::npos);
  CHECK(r.out.find("«9» er ikke et gyldig svar") != std::string::npos);
  CHECK(r.out.find("Sum: 6 av 12 (terskel 4)") != std::string::npos);
  CHECK(r.out.find("Anbefaling: oppfølgingsteam") != std::string::npos);
  CHECK(r.out.find("Kartlagt av Ane Lie (sykepleier)") != std::string::npos);
  CHECK(r.out.find("  - Å bo heime") != std::string::npos);
}

TEST_CASE("assess at a terminal: end of input stores nothing", "[team][assess]") {
  test::Fixture f;
  const std::string c = refer(f);
  consent(f, c, "utredning");
  auto r = test::run_pty({"--db", f.db(), "--today", "2026-03-04", "assess", c, "--instrument", "kjennetegn", "--assessor", "A",
                    "--profession", "lege"},
                   {{"[1/8]", "ja"}, {"[2/8]", "\x04"}}, f.dir.path());
  INFO(r.out);
  CHECK_FALSE(r.timed_out);
  CHECK(r.code == 64);
  auto log = f.oppteam({"--json", "audit", "log", "--case", c});
  const auto entries = log.json()["entries"];
  for (const auto& e : entries) CHECK(e["action"] != "assess");
}
