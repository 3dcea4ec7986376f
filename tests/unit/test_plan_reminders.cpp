// Each reminder kind at its edge: due tomorrow (silent with --within 0,
// listed with --within 1), due today, one day over; and what ends it.

#include "unit/test_plan_fixture.hpp"

#include <oppteam/process/reminders.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;
using plantest::Fixture;

namespace {

std::vector<Reminder> items(Fixture& f, const std::string& today, int within = 0,
                            std::optional<std::string> for_name = std::nullopt) {
  auto ctx = f.on(today);
  ReminderQuery q;
  q.within = within;
  q.for_name = for_name;
  return remind(ctx, q);
}

std::vector<Reminder> of_kind(const std::vector<Reminder>& all, const std::string& kind) {
  std::vector<Reminder> out;
  for (const auto& r : all)
    if (to_stored(r.kind) == kind) out.push_back(r);
  return out;
}

// The kind is silent the day before (within 0), listed the day before with
// within 1, due today on `due`, and one day over the day after.
void check_edges(Fixture& f, const std::string& kind, const std::string& due, const std::string& case_number = "2026/1") {
  const Date d = plantest::day(due);
  const std::string before = format_date(d - std::chrono::days(1));
  const std::string after = format_date(d + std::chrono::days(1));
  INFO(kind << " due " << due);
  CHECK(of_kind(items(f, before), kind).empty());
  auto tomorrow = of_kind(items(f, before, 1), kind);
  REQUIRE(tomorrow.size() == 1);
  CHECK(tomorrow[0].due == due);
  CHECK(tomorrow[0].days_overdue == -1);
  auto today = of_kind(items(f, due), kind);
  REQUIRE(today.size() == 1);
  CHECK(today[0].case_number == case_number);
  CHECK(today[0].due == due);
  CHECK(today[0].days_overdue == 0);
  auto over = of_kind(items(f, after), kind);
  REQUIRE(over.size() == 1);
  CHECK(over[0].days_overdue == 1);
}

}  // namespace

TEST_CASE("preliminary reply is owed 30 days after the case was opened", "[plan][remind]") {
  Fixture f;
  auto c = f.add_case(1, "received", "2026-01-01");
  check_edges(f, "preliminary_reply", "2026-01-31");
  CHECK(items(f, "2026-01-31")[0].responsible == "coordinating unit");
  SECTION("a preliminary reply sent ends it") {
    f.preliminary_reply(c, "2026-01-20");
    CHECK(of_kind(items(f, "2026-02-10"), "preliminary_reply").empty());
  }
  SECTION("a decision ends it") {
    f.decide(c, "refused", "2026-01-25");
    f.db.sql().exec("UPDATE case_file SET status = 'refused'");
    CHECK(items(f, "2026-02-10").empty());
  }
}

TEST_CASE("a decision is due 56 days after the case was opened", "[plan][remind]") {
  Fixture f;
  auto c = f.add_case(1, "received", "2026-01-01");
  f.preliminary_reply(c, "2026-01-25");
  check_edges(f, "decision", "2026-02-26");
  f.decide(c, "granted", "2026-02-27");
  f.db.sql().exec("UPDATE case_file SET status = 'granted'");
  CHECK(of_kind(items(f, "2026-02-28"), "decision").empty());
}

TEST_CASE("a granted case without a team is due 14 days after the decision", "[plan][remind]") {
  Fixture f;
  auto c = f.add_case(1, "granted", "2026-01-01");
  f.decide(c, "granted", "2026-02-01");
  check_edges(f, "no_team", "2026-02-15");
  f.team(c, "active", "2026-02-10");
  CHECK(of_kind(items(f, "2026-02-20"), "no_team").empty());
}

TEST_CASE("a team without a coordinator is due from its creation or the last coordinator's removal", "[plan][remind]") {
  Fixture f;
  auto c = f.add_case(1, "active", "2026-01-01");
  f.decide(c, "granted", "2026-02-01");
  auto t = f.team(c, "active", "2026-02-10");
  auto p = f.plan(c, "2026-02-10", "2026-12-01");
  f.member(t, "Ane Lie", "coordinator", "sykepleier", "2026-04-10");
  check_edges(f, "no_coordinator", "2026-04-10");
  CHECK(items(f, "2026-04-10")[0].responsible == "coordinating unit");
  SECTION("a new coordinator ends it and becomes the responsible") {
    f.member(t, "Ola Dahl", "coordinator", "nav_veileder");
    f.measure(p, 1, "2026-04-12");
    auto all = items(f, "2026-04-12");
    CHECK(of_kind(all, "no_coordinator").empty());
    REQUIRE(of_kind(all, "measure").size() == 1);
    CHECK(of_kind(all, "measure")[0].responsible == "Ola Dahl");
  }
  SECTION("a closed team is not reminded of") {
    f.db.sql().exec("UPDATE team SET status = 'closed'");
    // The case itself stays open, and with no audited change since it was
    // opened it is a stale case (issue 15); nothing of the team remains.
    auto left = items(f, "2026-04-20");
    REQUIRE(left.size() == 1);
    CHECK(left[0].kind == ReminderKind::stale_case);
  }
}

TEST_CASE("an active team without a plan is due 30 days after it was made", "[plan][remind]") {
  Fixture f;
  auto c = f.add_case(1, "active", "2026-01-01");
  f.decide(c, "granted", "2026-02-01");
  auto t = f.team(c, "active", "2026-02-10");
  f.member(t, "Ane Lie", "coordinator", "sykepleier");
  check_edges(f, "no_plan", "2026-03-12");
  CHECK(items(f, "2026-03-12")[0].responsible == "Ane Lie");
  f.plan(c, "2026-03-01");
  CHECK(of_kind(items(f, "2026-03-20"), "no_plan").empty());
}

TEST_CASE("a plan never evaluated is due evaluation_interval after it was made, later, at next_evaluation", "[plan][remind]") {
  Fixture f;
  auto c = f.add_case(1, "active", "2026-01-01");
  auto t = f.team(c, "active", "2026-02-10");
  f.member(t, "Ane Lie", "coordinator", "sykepleier");
  auto p = f.plan(c, "2026-03-01");
  check_edges(f, "evaluation", "2026-05-30");
  SECTION("next_evaluation decides once set") {
    SQLite::Statement q(f.db.sql(), "UPDATE plan SET next_evaluation = '2026-06-15' WHERE id = ?");
    q.bind(1, p);
    q.exec();
    check_edges(f, "evaluation", "2026-06-15");
  }
  SECTION("a closed plan is not") {
    f.db.sql().exec("UPDATE plan SET status = 'closed'");
    CHECK(of_kind(items(f, "2026-07-01"), "evaluation").empty());
  }
}

TEST_CASE("a measure not done by its due date", "[plan][remind]") {
  Fixture f;
  auto c = f.add_case(1, "active", "2026-01-01");
  auto t = f.team(c, "active", "2026-02-10");
  f.member(t, "Ane Lie", "coordinator", "sykepleier");
  auto p = f.plan(c, "2026-03-01", "2026-12-01");
  f.measure(p, 1, "2026-04-01");
  f.measure(p, 2, "2026-04-01", "done");
  f.measure(p, 3, "2026-04-01", "cancelled");
  check_edges(f, "measure", "2026-04-01");
  auto m = of_kind(items(f, "2026-04-01"), "measure");
  REQUIRE(m.size() == 1);
  CHECK(m[0].measure == 1);
  CHECK(m[0].measure_responsible == "Siri Moe");
  CHECK(m[0].responsible == "Ane Lie");
  f.db.sql().exec("UPDATE measure SET status = 'started' WHERE number = 1");
  CHECK(of_kind(items(f, "2026-04-03"), "measure").size() == 1);
  f.db.sql().exec("UPDATE measure SET status = 'done' WHERE number = 1");
  CHECK(of_kind(items(f, "2026-04-03"), "measure").empty());
}

TEST_CASE("a team consent withdrawn while the team is active", "[plan][remind]") {
  Fixture f;
  auto c = f.add_case(1, "active", "2026-01-01");
  auto t = f.team(c, "active", "2026-02-10");
  f.member(t, "Ane Lie", "coordinator", "sykepleier");
  f.plan(c, "2026-02-10", "2026-12-01");
  f.consent(c, "team", "2026-02-01", "2026-04-01");
  // The withdrawal takes effect on its date: nothing before it, even with --within.
  CHECK(of_kind(items(f, "2026-03-31", 5), "consent_withdrawn").empty());
  auto today = of_kind(items(f, "2026-04-01"), "consent_withdrawn");
  REQUIRE(today.size() == 1);
  CHECK(today[0].days_overdue == 0);
  CHECK(today[0].responsible == "Ane Lie");
  CHECK(today[0].scope == "team");
  CHECK(of_kind(items(f, "2026-04-02"), "consent_withdrawn")[0].days_overdue == 1);
  SECTION("a paused team is still reminded of") {
    f.db.sql().exec("UPDATE team SET status = 'paused'");
    CHECK(of_kind(items(f, "2026-04-02"), "consent_withdrawn").size() == 1);
  }
  SECTION("consent given again ends it") {
    f.consent(c, "team", "2026-04-05");
    CHECK(of_kind(items(f, "2026-04-06"), "consent_withdrawn").empty());
  }
  SECTION("a closed team ends it") {
    f.db.sql().exec("UPDATE team SET status = 'closed'");
    CHECK(of_kind(items(f, "2026-04-06"), "consent_withdrawn").empty());
  }
}

TEST_CASE("a consent older than consent_review is due for review", "[plan][remind]") {
  Fixture f;
  auto c = f.add_case(1, "active", "2025-01-01");
  auto t = f.team(c, "active", "2025-02-10");
  f.member(t, "Ane Lie", "coordinator", "sykepleier");
  f.plan(c, "2025-02-10", "2027-01-01");
  f.consent(c, "team", "2025-03-01");
  check_edges(f, "consent_review", "2026-03-01");
  SECTION("a newer consent of the same scope ends it") {
    f.consent(c, "team", "2026-02-25");
    CHECK(of_kind(items(f, "2026-03-05"), "consent_review").empty());
  }
  SECTION("a withdrawn consent is not reviewed") {
    f.db.sql().exec("UPDATE consent SET withdrawn_on = '2026-02-01'");
    CHECK(of_kind(items(f, "2026-03-05"), "consent_review").empty());
  }
  SECTION("a closed case is not") {
    f.db.sql().exec("UPDATE case_file SET status = 'closed'");
    CHECK(of_kind(items(f, "2026-03-05"), "consent_review").empty());
  }
}

TEST_CASE("remind sorts by date, filters by person, and audits one entry per run", "[plan][remind]") {
  Fixture f;
  auto c1 = f.add_case(1, "received", "2026-01-10");
  (void)c1;
  auto c2 = f.add_case(2, "active", "2026-01-01", "Kari Nordmann");
  auto t = f.team(c2, "active", "2026-01-05");
  f.member(t, "Ane Lie", "coordinator", "sykepleier");
  auto p = f.plan(c2, "2026-01-05", "2026-12-01");
  f.measure(p, 1, "2026-02-01");
  f.measure(p, 2, "2026-01-20");
  const int before = f.count("SELECT count(*) FROM audit WHERE action = 'remind'");
  auto all = items(f, "2026-03-01");
  CHECK(f.count("SELECT count(*) FROM audit WHERE action = 'remind'") == before + 1);
  REQUIRE(all.size() == 3);  // measure 2, measure 1, preliminary reply (02-09); the decision is due 03-07
  for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].due <= all[i].due);
  CHECK(all[0].kind == ReminderKind::measure);
  CHECK(all[0].measure == 2);
  auto mine = items(f, "2026-03-01", 0, "Ane Lie");
  CHECK(mine.size() == 2);
  // The unit's own item, and (the rammeverk has no leader) the escalated ones (trial s12 #15).
  auto unit = items(f, "2026-03-01", 0, "coordinating unit");
  REQUIRE(unit.size() == 3);
  CHECK(unit[2].case_number == "2026/1");
  CHECK(unit[0].escalated);
  CHECK(unit[1].escalated);
  CHECK(items(f, "2026-03-01", 0, "Nobody").empty());
  CHECK(plantest::code_of([&] { items(f, "2026-03-01", -1); }) == ExitCode::usage);
}

TEST_CASE("the printed SQL is the query remind runs", "[plan][remind]") {
  Fixture f;
  auto c = f.add_case(1, "received", "2026-01-01");
  f.consent(c, "utredning", "2025-01-01");
  auto c2 = f.add_case(2, "active", "2026-01-01");
  auto t = f.team(c2, "active", "2026-01-05");
  f.member(t, "O'Brien", "coordinator", "sykepleier");
  auto p = f.plan(c2, "2026-01-05");
  f.measure(p, 1, "2026-02-01");
  auto ctx = f.on("2026-04-15");
  ReminderQuery q;
  q.within = 14;
  auto expected = remind(ctx, q);
  REQUIRE(expected.size() >= 5);
  const std::string sql = remind_sql(ctx, q);
  CHECK(sql.find(":horizon") == std::string::npos);
  SQLite::Statement s(f.db.sql(), sql.substr(0, sql.rfind(';')));
  std::size_t n = 0;
  while (s.executeStep()) {
    REQUIRE(n < expected.size());
    CHECK(s.getColumn(0).getString() == expected[n].case_number);
    CHECK(s.getColumn(1).getString() == to_stored(expected[n].kind));
    CHECK(s.getColumn(3).getString() == expected[n].responsible);
    ++n;
  }
  CHECK(n == expected.size());
  q.for_name = "O'Brien";
  auto mine = remind(ctx, q);
  CHECK(!mine.empty());
  SQLite::Statement s2(f.db.sql(), remind_sql(ctx, q).substr(0, remind_sql(ctx, q).rfind(';')));
  std::size_t n2 = 0;
  while (s2.executeStep()) ++n2;
  CHECK(n2 == mine.size());
}
