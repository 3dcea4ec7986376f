// Norwegian sorting with ICU (issue 8).

#include <oppteam/i18n/collate.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/util/dates.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

TEST_CASE("names sort in Norwegian order: æ, ø, å after z", "[ux]") {
  std::vector<std::string> names{"Åse", "Øystein", "Ærle", "Zakarias", "Anne", "Ola", "åsmund", "Bjørn", "Ødegård"};
  sort_norwegian(names);
  CHECK(names == std::vector<std::string>{"Anne", "Bjørn", "Ola", "Zakarias", "Ærle", "Ødegård", "Øystein", "Åse", "åsmund"});
}

TEST_CASE("Norwegian collation puts case after letters and Aa with Å", "[ux]") {
  CHECK(norwegian_less("berg", "Bø"));
  CHECK(norwegian_less("ola", "Ola"));   // case only breaks ties
  CHECK(norwegian_less("Ås", "Aasen"));  // "aa" sorts as å
  CHECK(norwegian_less("Zahl", "Aasen"));
  CHECK_FALSE(norwegian_less("Å", "Z"));
  Collator nn(Lang::nn);
  CHECK(nn.compare("ø", "å") < 0);
  CHECK(nn.compare("x", "x") == 0);
}

TEST_CASE("sort_norwegian_by sorts records by a text key", "[ux]") {
  struct Person {
    std::string name;
    int age;
  };
  std::vector<Person> people{{"Morten", 28}, {"Klara", 75}, {"Åge", 40}, {"Kasper", 9}};
  sort_norwegian_by(people, [](const Person& p) { return p.name; });
  CHECK(people[0].name == "Kasper");
  CHECK(people[1].name == "Klara");
  CHECK(people[2].name == "Morten");
  CHECK(people[3].name == "Åge");
}

TEST_CASE("dates for people are Norwegian in nb and nn, ISO stays ISO elsewhere", "[ux]") {
  CHECK(long_date(parse_date("2026-03-02", "t"), Lang::nb) == "2. mars 2026");
  CHECK(long_date(parse_date("2026-12-24", "t"), Lang::nn) == "24. desember 2026");
  CHECK(long_date(parse_date("2026-03-02", "t"), Lang::en) == "2 March 2026");
  CHECK(long_date(std::string("ikke en dato"), Lang::nb) == "ikke en dato");
}
