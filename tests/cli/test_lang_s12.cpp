// Trial s12 #12: errors raised before the rammeverk is read spoke the
// locale's language (or Bokmål), not the stored rammeverk's; a value list
// followed $LANG while its sentence followed the rammeverk.

#include "cli/harness.hpp"

#include <catch2/catch.hpp>

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A database whose stored rammeverk is `language` ("" for none: the default, nb).
void init_in(test::Fixture& f, const std::string& language) {
  std::string toml = test::municipality_toml("Vik");
  if (!language.empty()) toml.insert(toml.find("\n") + 1, "language = \"" + language + "\"\n");
  const std::string db = f.dir.file("l.db");
  auto r = test::run({"--db", db, "init", "--config", f.dir.write("l.toml", toml)}, "", {{"HOME", f.dir.path()}});
  INFO(toml << r.out << r.err);
  REQUIRE(r.code == 0);
}

test::Result in_locale(test::Fixture& f, const std::string& locale, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", f.dir.file("l.db")});
  return test::run(args, "", {{"HOME", f.dir.path()}, {"LANG", locale}});
}

}  // namespace

TEST_CASE("an error found before the rammeverk is read speaks the stored rammeverk's language, not the locale's", "[lang][s12]") {
  test::Fixture f;
  init_in(f, "nn");
  const std::string exists = f.dir.write("finst.txt", "x");
  REQUIRE(in_locale(f, "", {"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received", "2026-03-02", "--need", "x"})
              .code == 0);
  for (const std::string locale : {"", "en_US.UTF-8", "nb_NO.UTF-8"}) {
    // The output file exists (2) and a text with ESC (65): both checked before any case is read.
    auto out = in_locale(f, locale, {"case", "export", "2026/1", "--fhir", "--out", exists});
    auto r = in_locale(f, locale, {"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received", "2026-03-02",
                                   "--need", "x", "--name", "A\x1b" "B"});
    INFO(locale << ": " << out.err << r.err);
    CHECK(out.code == 2);
    CHECK(has(out.err, "finst frå før"));
    CHECK(r.code == 65);
    CHECK(has(r.err, "feil:"));  // the prefix is the same in nb and nn
    CHECK(has(r.err, "kontrollteikn"));
  }
}

TEST_CASE("a value list is in the language of the sentence around it, whatever the locale", "[lang][s12]") {
  test::Fixture f;
  init_in(f, "");  // no language in the rammeverk: Bokmål
  for (const std::string locale : {"", "en_US.UTF-8", "nn_NO.UTF-8"}) {
    auto r = in_locale(f, locale, {"case", "list", "--status", "zz"});
    INFO(locale << ": " << r.err);
    CHECK(r.code == 64);
    CHECK(has(r.err, "ikke en gyldig verdi"));
    CHECK(has(r.err, "mottatt"));
    CHECK_FALSE(has(r.err, "received"));
    CHECK_FALSE(has(r.err, "motteken"));
  }
}
