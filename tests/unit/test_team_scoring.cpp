// Scoring an instrument: a pure function of the instrument and the answers.

#include "unit/test_team_fixture.hpp"

#include <oppteam/process/assessment.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;
using unit::code_of;
using unit::key_of;

namespace {

// Three items in two domains: a yes/no (weight 1), a scale 0-3 (weight 2)
// and a yes/no (weight 3); a team is recommended from 5.
Instrument sample() {
  Instrument ins;
  ins.id = "proeve";
  ins.name = "Prøveinstrument";
  ins.version = 2;
  ins.recommend_at = 5;
  ins.items.push_back({"a", "A?", "helse", 1, std::nullopt, {}, {}});
  ins.items.push_back({"b", "B?", "funksjon", 2, std::make_pair(0, 3), {}, {}});
  ins.items.push_back({"c", "C?", "helse", 3, std::nullopt, {}, {}});
  return ins;
}

}  // namespace

TEST_CASE("score: answer times weight, summed per domain and in total", "[team][assess]") {
  const auto s = score_answers(sample(), {{"a", 1}, {"b", 2}, {"c", 1}}, false);
  CHECK(s.score == 1 + 4 + 3);
  CHECK(s.threshold == 5);
  CHECK(s.max == 1 + 6 + 3);
  CHECK(s.instrument == "proeve");
  CHECK(s.version == 2);
  REQUIRE(s.domains.size() == 2);
  CHECK(s.domains[0].domain == "helse");  // the order the instrument first names them
  CHECK(s.domains[0].score == 4);
  CHECK(s.domains[0].max == 4);
  CHECK(s.domains[1].domain == "funksjon");
  CHECK(s.domains[1].score == 4);
  CHECK(s.domains[1].max == 6);
  CHECK(s.recommendation == "team");
  CHECK_FALSE(s.partial());
}

TEST_CASE("threshold edge: a total equal to recommend_at recommends a team, one less does not", "[team][assess]") {
  CHECK(score_answers(sample(), {{"a", 1}, {"b", 2}, {"c", 0}}, false).score == 5);
  CHECK(score_answers(sample(), {{"a", 1}, {"b", 2}, {"c", 0}}, false).recommendation == "team");
  CHECK(score_answers(sample(), {{"a", 0}, {"b", 2}, {"c", 0}}, false).score == 4);
  CHECK(score_answers(sample(), {{"a", 0}, {"b", 2}, {"c", 0}}, false).recommendation == "no_team");
  CHECK(score_answers(sample(), {{"a", 0}, {"b", 0}, {"c", 0}}, false).recommendation == "no_team");
}

TEST_CASE("unanswered items are an error unless partial, and are then listed", "[team][assess]") {
  CHECK(code_of([] { score_answers(sample(), {{"a", 1}}, false); }) == ExitCode::data);
  try {
    score_answers(sample(), {{"a", 1}}, false);
  } catch (const Error& e) {
    CHECK(e.key() == "assess.unanswered");
    REQUIRE(e.args().size() == 2);
    CHECK(e.args()[0] == "2");
    CHECK(e.args()[1] == "b, c");
  }
  const auto s = score_answers(sample(), {{"a", 1}}, true);
  CHECK(s.partial());
  CHECK(s.unanswered == std::vector<std::string>{"b", "c"});
  CHECK(s.score == 1);
  CHECK(s.recommendation == "no_team");
}

TEST_CASE("unknown items and values outside an item's range are bad data naming the item", "[team][assess]") {
  CHECK(key_of([] { score_answers(sample(), {{"a", 1}, {"b", 2}, {"c", 1}, {"x", 1}}, false); }) == "assess.unknown_item");
  CHECK(code_of([] { score_answers(sample(), {{"a", 2}, {"b", 2}, {"c", 1}}, false); }) == ExitCode::data);
  CHECK(key_of([] { score_answers(sample(), {{"a", 1}, {"b", 4}, {"c", 1}}, false); }) == "assess.bad_scale");
  CHECK(key_of([] { score_answers(sample(), {{"a", 1}, {"b", -1}, {"c", 1}}, false); }) == "assess.bad_scale");
  try {
    resolve_answers(sample(), {{"zz", "1"}});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::data);
    CHECK(e.args()[0] == "zz");
    CHECK(e.args()[2] == "a, b, c");
  }
}

TEST_CASE("yes/no items take 1/0, ja/nei and yes/no, scale items an integer in range", "[team][assess]") {
  const Instrument ins = sample();
  const auto& yn = ins.items[0];
  const auto& scale = ins.items[1];
  for (const char* t : {"1", "ja", "Ja", "j", "yes", "Y", "true", " ja "}) CHECK(parse_answer(yn, t) == 1);
  for (const char* t : {"0", "nei", "NEI", "n", "no", "false"}) CHECK(parse_answer(yn, t) == 0);
  for (const char* t : {"2", "kanskje", "", "-1"}) {
    INFO(t);
    CHECK(code_of([&] { parse_answer(yn, t); }) == ExitCode::data);
    CHECK(key_of([&] { parse_answer(yn, t); }) == "assess.bad_yes_no");
  }
  CHECK(parse_answer(scale, "0") == 0);
  CHECK(parse_answer(scale, "3") == 3);
  CHECK(parse_answer(scale, " 2 ") == 2);
  for (const char* t : {"4", "-1", "ja", "2.5", "", "1x"}) {
    INFO(t);
    CHECK(key_of([&] { parse_answer(scale, t); }) == "assess.bad_scale");
  }
  CHECK(allowed_values(yn, Lang::nb) == "ja/nei (1/0)");
  CHECK(allowed_values(scale, Lang::en) == "an integer from 0 to 3");
}

TEST_CASE("raw answers: later answers to the same item win", "[team][assess]") {
  auto m = resolve_answers(sample(), {{"a", "ja"}, {"b", "1"}, {"a", "nei"}});
  CHECK(m.at("a") == 0);
  CHECK(m.at("b") == 1);
}

TEST_CASE("weights from the example rammeverk: kjennetegn", "[team][assess]") {
  const Rammeverk rv = load_rammeverk(std::string(embedded::example_rammeverk), "example");
  const Instrument& ins = require_instrument(rv, "kjennetegn");
  std::map<std::string, int> all_yes;
  for (const auto& i : ins.items) all_yes[i.id] = i.max_answer();
  const auto s = score_answers(ins, all_yes, false);
  CHECK(s.score == s.max);
  CHECK(s.score == 1 + 3 + 1 + 1 + 1 + 2 + 2 + 1);
  CHECK(s.threshold == 4);
  CHECK(code_of([&] { require_instrument(rv, "nope"); }) == ExitCode::data);  // not in the rammeverk (SPEC: 65)
  CHECK(domain_label(rv, "psykisk", Lang::nb) == "Psykisk helse og rus");
  // The built-in rammeverk names its areas in all three languages.
  CHECK(domain_label(default_rammeverk(), "psykisk", Lang::en) == "Mental health and substance use");
  CHECK(domain_label(default_rammeverk(), "funksjon", Lang::nn) == "Funksjon i kvardagen");
}

TEST_CASE("answers files: JSON objects and TOML tables", "[team][assess]") {
  unit::TempFolder tmp;
  const std::string json = tmp.file("a.json");
  std::FILE* f = std::fopen(json.c_str(), "w");
  std::fputs("{\"a\": 1, \"b\": 3, \"c\": \"nei\"}", f);
  std::fclose(f);
  auto m = resolve_answers(sample(), read_answers_file(json));
  CHECK(m == std::map<std::string, int>{{"a", 1}, {"b", 3}, {"c", 0}});

  const std::string toml = tmp.file("a.toml");
  f = std::fopen(toml.c_str(), "w");
  std::fputs("a = true\nb = 2\nc = \"ja\"\n", f);
  std::fclose(f);
  m = resolve_answers(sample(), read_answers_file(toml));
  CHECK(m == std::map<std::string, int>{{"a", 1}, {"b", 2}, {"c", 1}});

  const std::string bad = tmp.file("bad.json");
  f = std::fopen(bad.c_str(), "w");
  std::fputs("[1, 2]", f);
  std::fclose(f);
  CHECK(code_of([&] { read_answers_file(bad); }) == ExitCode::data);
  CHECK(code_of([&] { read_answers_file(tmp.file("missing.toml")); }) == ExitCode::no_input);
}
