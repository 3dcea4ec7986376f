// The rammeverk may make the process stricter than the law, never looser:
// the appeal deadline is at least the 4 weeks of pasient- og
// brukerrettighetsloven § 7-5, a foreløpig svar is owed within a month
// (forvaltningsloven § 11 a), and the age of consent in health matters is 16
// (pasient- og brukerrettighetsloven § 4-3). The bounds are rows of the key
// table (src/config/rammeverk_keys.cpp).

#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/config/rammeverk_keys.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace oppteam;

namespace {

std::vector<Error::Detail> problems(const std::string& toml, const std::string& source = "r.toml") {
  try {
    load_rammeverk(toml, source);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    return e.details;
  }
  return {};
}

// The one problem of a rammeverk: its key, and its line and key path.
std::string only_problem(const std::string& toml, const std::string& line, const std::string& path) {
  const auto ps = problems(toml);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].args.at(0) == "r.toml");
  CHECK(ps[0].args.at(1) == line);
  CHECK(ps[0].args.at(2) == path);
  return ps[0].key;
}

// The text of the one problem of a rammeverk, in `lang`.
std::string problem_text(const std::string& toml, Lang lang) {
  const auto ps = problems(toml);
  REQUIRE(ps.size() == 1);
  return render_message(lang, ps[0].key, ps[0].args);
}

}  // namespace

TEST_CASE("a rammeverk may not shorten the statutory appeal deadline of 28 days", "[config][law]") {
  CHECK(only_problem("[deadlines]\nappeal = 7\n", "2", "deadlines.appeal") == "config.law_appeal");
  CHECK(only_problem("[deadlines]\n\nappeal = 27\n", "3", "deadlines.appeal") == "config.law_appeal");
  CHECK(load_rammeverk("[deadlines]\nappeal = 28\n", "r.toml").deadlines.appeal == 28);
  CHECK(load_rammeverk("[deadlines]\nappeal = 42\n", "r.toml").deadlines.appeal == 42);  // longer is allowed
  // The message names the statute, in every language.
  CHECK(problem_text("[deadlines]\nappeal = 21\n", Lang::nb).find("§ 7-5") != std::string::npos);
  CHECK(problem_text("[deadlines]\nappeal = 21\n", Lang::en).find("28") != std::string::npos);
}

TEST_CASE("a rammeverk may not put the foreløpig svar later than a month", "[config][law]") {
  CHECK(only_problem("[deadlines]\npreliminary_reply = 120\n", "2", "deadlines.preliminary_reply") ==
        "config.law_preliminary_reply");
  CHECK(only_problem("[deadlines]\npreliminary_reply = 31\n", "2", "deadlines.preliminary_reply") ==
        "config.law_preliminary_reply");
  CHECK(load_rammeverk("[deadlines]\npreliminary_reply = 30\n", "r.toml").deadlines.preliminary_reply == 30);
  CHECK(load_rammeverk("[deadlines]\npreliminary_reply = 14\n", "r.toml").deadlines.preliminary_reply == 14);  // sooner is allowed
  CHECK(problem_text("[deadlines]\npreliminary_reply = 60\n", Lang::nn).find("§ 11 a") != std::string::npos);
}

TEST_CASE("a rammeverk may not change the age of consent in health matters from 16", "[config][law]") {
  CHECK(only_problem("[rules]\nconsent_age = 18\n", "2", "rules.consent_age") == "config.law_consent_age");
  CHECK(only_problem("[rules]\nconsent_age = 15\n", "2", "rules.consent_age") == "config.law_consent_age");
  CHECK(load_rammeverk("[rules]\nconsent_age = 16\n", "r.toml").rules.consent_age == 16);
  CHECK(problem_text("[rules]\nconsent_age = 18\n", Lang::en).find("§ 4-3") != std::string::npos);
}

TEST_CASE("a value outside the key's range is still out of range, not against the law", "[config][law]") {
  CHECK(only_problem("[deadlines]\nappeal = 0\n", "2", "deadlines.appeal") == "config.out_of_range");
  CHECK(only_problem("[rules]\nconsent_age = 40\n", "2", "rules.consent_age") == "config.out_of_range");
}

TEST_CASE("the default and the example rammeverk keep within the law", "[config][law]") {
  const Rammeverk d = default_rammeverk();
  CHECK(d.deadlines.appeal >= 28);
  CHECK(d.deadlines.preliminary_reply <= 30);
  CHECK(d.rules.consent_age == 16);
  CHECK_NOTHROW(load_rammeverk(std::string(embedded::example_rammeverk), "example.toml"));
}

TEST_CASE("a stored rammeverk from before the legal bounds is still read, so commands and config store keep working",
          "[config][law]") {
  // Refusing it would stop every command, `config store` of a lawful file
  // included (as for the other checks newer than a stored rammeverk).
  const Rammeverk rv = load_rammeverk("[deadlines]\nappeal = 21\n", "database");
  CHECK(rv.deadlines.appeal == 21);
}

TEST_CASE("a stored rammeverk from before the sense checks is still read: a blank name, an ambiguous label", "[config][sense]") {
  CHECK_NOTHROW(load_rammeverk("[municipality]\nname = \"\"\n", "database"));
  CHECK_NOTHROW(load_rammeverk("[[reporter_type]]\nid = \"lege\"\nlabel = \"Fastlege\"\n"
                               "[[reporter_type]]\nid = \"fastlege\"\nlabel = \"Lege\"\n",
                               "database"));
}
