// The case area's repositories (store/case_store, store/person_store) and
// its view (views/case_view) on a temporary database.

#include "unit/intake_world.hpp"

#include <oppteam/config/embedded.hpp>
#include <oppteam/process/case_view.hpp>
#include <oppteam/process/referral.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/store/person_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/views/case_view.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

namespace {

// The referrals of these tests name their person.
struct World : unit::IntakeWorld {
  std::string refer(const std::string& fnr, const std::string& reporter = "fastlege", const std::string& received = "2026-02-01") {
    return IntakeWorld::refer(fnr, received, reporter, "Kari Nordmann");
  }
};

using unit::synthetic;

}  // namespace

TEST_CASE("the case store finds a case with its person, and nothing for a number it does not have", "[case_store]") {
  World w;
  const std::string fnr = synthetic("120990");
  const std::string number = w.refer(fnr);
  CaseStore store(w.db);
  const auto c = store.find(CaseNumber::parse(number));
  REQUIRE(c);
  CHECK(c->number == number);
  CHECK(c->status == CaseStatus::received);
  CHECK(c->fnr == fnr);
  CHECK(c->opened_on == "2026-02-01");
  CHECK_FALSE(store.find(CaseNumber(2026, 99)));
}

TEST_CASE("the case store lists cases in number order with their reporter types, filtered by status", "[case_store]") {
  World w;
  const std::string first = w.refer(synthetic("120990"), "fastlege");
  w.refer(synthetic("120990"), "nav", "2026-02-10");  // joins the open case
  const std::string second = w.refer(synthetic("130990"), "skole");
  std::vector<CaseListRow> rows;
  CaseStore store(w.db);
  store.list({}, [&](CaseListRow& r) { rows.push_back(r); });
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].number == first);
  REQUIRE(rows[0].reporter_types);
  CHECK((*rows[0].reporter_types == "fastlege,nav" || *rows[0].reporter_types == "nav,fastlege"));
  CHECK(rows[0].name == std::optional<std::string>("Kari Nordmann"));
  CHECK_FALSE(rows[0].owner);
  CHECK(rows[0].preliminary_replies == 0);
  CHECK(rows[1].number == second);
  CaseListQuery closed;
  closed.status = CaseStatus::closed;
  std::size_t n = 0;
  store.list(closed, [&](CaseListRow&) { ++n; });
  CHECK(n == 0);
}

TEST_CASE("the person store keeps a person's guardians with their end", "[case_store]") {
  World w;
  const std::string fnr = synthetic("120990");
  w.refer(fnr);
  PersonStore people(w.db);
  const auto p = people.find(fnr);
  REQUIRE(p);
  CHECK(p->name == "Kari Nordmann");
  CHECK_FALSE(people.find(synthetic("130990")));
  Guardian g;
  g.kind = GuardianKind::verge;
  g.name = "Ola Verge";
  g.added_on = "2026-03-01";
  g.added_by = "tester";
  const auto id = people.add_guardian(p->id, g);
  people.end_guardian(id, "2026-03-02", "tester");
  const auto all = people.guardians(p->id);
  REQUIRE(all.size() == 1);
  CHECK(all[0].id == id);
  CHECK(all[0].kind == GuardianKind::verge);
  CHECK(all[0].address.empty());
  CHECK(all[0].ended_on == "2026-03-02");
}

TEST_CASE("the case list view colours an overdue deadline only when the style it is given allows colour", "[case_view]") {
  World w;
  w.refer(synthetic("120990"), "fastlege", "2025-01-02");  // long past every deadline on 2026-03-02
  const auto doc = list_cases(w.ctx, {});
  REQUIRE(doc["cases"].size() == 1);
  REQUIRE(doc["cases"][0]["overdue"].is_string());
  const std::string plain = render_case_list(doc, Lang::en, TerminalStyle{0, false});
  const std::string coloured = render_case_list(doc, Lang::en, TerminalStyle{0, true});
  CHECK(plain.find("\x1b[") == std::string::npos);
  CHECK(coloured.find("\x1b[") != std::string::npos);
  CHECK(plain.find(doc["cases"][0]["case"].get<std::string>()) != std::string::npos);
}

TEST_CASE("the case screen is laid out from the document alone", "[case_view]") {
  World w;
  const std::string number = w.refer(synthetic("120990"));
  const auto doc = show_case(w.ctx, number);
  const std::string text = render_case(doc, Lang::en, TerminalStyle{});
  CHECK(text.find(number) != std::string::npos);
  CHECK(text.find("Kari Nordmann") != std::string::npos);
  CHECK(text.find("Koordinering") != std::string::npos);
}

TEST_CASE("the case store keeps a case's transfers and finds a bundle received before", "[case_store]") {
  World w;
  const std::string number = w.refer(synthetic("120990"));
  CaseStore store(w.db);
  const auto c = store.find(CaseNumber::parse(number));
  REQUIRE(c);
  w.db.write([&] {
    store.add_transfer(c->id, {"out", "Bergen", "aa11", "2026-03-01", "2026-03-01T10:00:00Z", "tester", {}, {}, "bundle.json", {}});
    store.add_transfer(c->id, {"in", "Voss", "bb22", "2026-03-02", "2026-03-02T10:00:00Z", "tester", "4621", "2025/7", {}, "{}"});
  });
  const auto rows = store.transfers(c->id);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].direction == "out");
  CHECK(rows[0].file == "bundle.json");
  CHECK(rows[0].remote_case.empty());
  CHECK(rows[1].direction == "in");
  CHECK(rows[1].municipality_number == "4621");
  CHECK(rows[1].file.empty());
  const auto by_digest = store.received_before("bb22", "", "");
  REQUIRE(by_digest);
  CHECK(by_digest->first == number);
  CHECK(by_digest->second == "2026-03-02");
  CHECK(store.received_before("zz", "4621", "2025/7"));
  CHECK_FALSE(store.received_before("aa11", "", ""));  // a bundle sent is no bundle received
}
