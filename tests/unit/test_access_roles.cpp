// Roles and permissions ([access] in the rammeverk): built-in roles, file
// roles, case-scoped koordinator rights, audited refusals, --as under enforcement.

#include "unit/access_toml.hpp"
#include "unit/audit_fixture.hpp"
#include "unit/temp_db.hpp"

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>

#include <functional>

using namespace oppteam;

namespace {

// Every built-in role, a file role "admin" holding everything and a user with two roles.
const std::string kEnforced = "[municipality]\nallow_synthetic_ids = true\n\n" +
                              unit::enforced_access_toml({{"siri", {"saksbehandler"}},
                                                          {"Ane Lie", {"koordinator"}},
                                                          {"leif", {"leder"}},
                                                          {"cron", {"it"}},
                                                          {"rita", {"rapport"}},
                                                          {"admin", {"admin"}},
                                                          {"two", {"rapport", "it"}}},
                                                         {{"admin", {"*"}}});

struct AccessFixture {
  explicit AccessFixture(const std::string& toml = kEnforced)
      : rv(load_rammeverk(toml, "test.toml")),
        clock(*try_parse_date("2026-03-10")),
        db(init_database(tmp.file("k.db"), rv, clock, "tester")) {
    unit::as_command(db, rv, clock, [&] {
      db.sql().exec(
          "INSERT INTO person (fnr, kind, birth_date, name, created_at) VALUES "
          "('23923901213', 'fodselsnummer', '1939-12-23', 'Per Hansen', '2026-03-02T10:00:00Z')");
    });
    for (int i = 1; i <= 2; ++i)
      db.sql().exec("INSERT INTO case_file (number, year, seq, person_id, status, opened_on) VALUES ('2026/" +
                    std::to_string(i) + "', 2026, " + std::to_string(i) + ", 1, 'active', '2026-03-02')");
    // Case 2026/1 has a team coordinated by Ane Lie; 2026/2 one coordinated by someone else.
    db.sql().exec("INSERT INTO team (case_id, created_on, created_by) VALUES (1, '2026-03-05', 'siri')");
    db.sql().exec("INSERT INTO team (case_id, created_on, created_by) VALUES (2, '2026-03-05', 'siri')");
    unit::as_command(db, rv, clock, [&] {  // team members are sealed
      db.sql().exec(
          "INSERT INTO team_member (team_id, name, role, kind, added_on) VALUES "
          "(1, 'Ane Lie', 'koordinator', 'coordinator', '2026-03-05'), "
          "(2, 'Ola Dahl', 'koordinator', 'coordinator', '2026-03-05'), "
          "(2, 'Ane Lie', 'sykepleier', 'member', '2026-03-05')");
    });
  }

  Context as(const std::string& user) { return Context{db, rv, clock, user, Lang::en}; }
  CaseRef case_ref(const std::string& number) { return find_case(db, number); }
  std::int64_t refusals() {
    return db.sql().execAndGet("SELECT count(*) FROM audit WHERE action = 'access.refused'").getInt64();
  }

  unit::TempFolder tmp;
  Rammeverk rv;
  Clock clock;
  Database db;
};

// The Error thrown by f, or an Error with exit 0 when none is.
Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  return Error(ExitCode::ok, "");
}

}  // namespace

TEST_CASE("without enforcement everyone may do everything", "[access]") {
  Rammeverk rv = load_rammeverk("", "r.toml");
  CHECK_FALSE(rv.access.enforce);
  CHECK(permitted(rv, "anyone", "purge"));
  CHECK(grant_of(rv, "anyone", "plan.write") == Grant::everywhere);
}

TEST_CASE("built-in roles may be named without defining them in the file", "[access]") {
  Rammeverk rv = load_rammeverk(kEnforced, "r.toml");
  for (const char* id : {"saksbehandler", "koordinator", "leder", "it", "rapport"}) CHECK(find_access_role(rv, id));
  CHECK(find_access_role(rv, "admin"));
  CHECK_FALSE(find_access_role(rv, "nobody"));
}

TEST_CASE("a user naming an unknown role is a config error", "[access]") {
  auto e = error_of([] { unit::enforced_access({{"x", {"sjef"}}}); });
  CHECK(e.code() == ExitCode::config);
}

TEST_CASE("the built-in roles grant what the guideline's work needs", "[access]") {
  Rammeverk rv = load_rammeverk(kEnforced, "r.toml");
  SECTION("saksbehandler: all case work, no reports, purge or rammeverk") {
    for (const char* p : {"refer.add", "refer.import", "consent.write", "assess", "decide", "team.write", "plan.write",
                          "evaluate", "remind", "case.read", "case.export", "person.export", "audit.verify"})
      CHECK(permitted(rv, "siri", p));
    for (const char* p : {"report", "purge", "config.store", "audit.log"}) CHECK_FALSE(permitted(rv, "siri", p));
  }
  SECTION("koordinator: plan, evaluate, case.read and remind only in coordinated teams") {
    for (const char* p : {"plan.write", "plan.read", "evaluate", "case.read", "remind"})
      CHECK(grant_of(rv, "Ane Lie", p) == Grant::coordinated);
    for (const char* p : {"refer.add", "decide", "team.write", "report"})
      CHECK(grant_of(rv, "Ane Lie", p) == Grant::none);
  }
  SECTION("leder: decide and report") {
    for (const char* p : {"decide", "report", "case.read", "audit.log", "audit.verify", "purge"})
      CHECK(permitted(rv, "leif", p));
    for (const char* p : {"refer.add", "plan.write", "team.write", "config.store"}) CHECK_FALSE(permitted(rv, "leif", p));
  }
  SECTION("it: import and remind, never a case's content") {
    for (const char* p : {"refer.import", "remind", "audit.verify"}) CHECK(permitted(rv, "cron", p));
    for (const char* p : {"case.read", "case.export", "person.export", "plan.read", "refer.add", "report", "audit.log"})
      CHECK(grant_of(rv, "cron", p) == Grant::none);
  }
  SECTION("rapport: only report") {
    CHECK(permitted(rv, "rita", "report"));
    for (const char* p : {"case.read", "remind", "refer.import", "audit.verify"}) CHECK_FALSE(permitted(rv, "rita", p));
  }
  SECTION("roles add up; * is everything; unknown users hold nothing") {
    CHECK(permitted(rv, "two", "report"));
    CHECK(permitted(rv, "two", "refer.import"));
    CHECK(permitted(rv, "admin", "config.store"));
    CHECK(permitted(rv, "admin", std::string(kActAsPermission)));
    CHECK(grant_of(rv, "mallory", "report") == Grant::none);
  }
}

TEST_CASE("area.* covers the area and its actions but not a longer area name", "[access]") {
  const Rammeverk rv = unit::enforced_access({{"u", {"r"}}}, {{"r", {"plan.*", "audit.verify"}}});
  unit::check_permitted(rv, {{"u", "plan", true},
                             {"u", "plan.write", true},
                             {"u", "planx.write", false},
                             {"u", "audit.log", false},
                             {"u", "audit.verify", true}});
}

TEST_CASE("case transfer and case receive are permissions a role may name, saksbehandler holds them", "[access][transfer]") {
  const Rammeverk rv = unit::enforced_access({{"flytt", {"flytting"}}, {"siri", {"saksbehandler"}}, {"leif", {"leder"}}},
                                             {{"flytting", {"case.transfer", "case.receive"}}});
  unit::check_permitted(rv, {{"flytt", "case.transfer", true},
                             {"flytt", "case.receive", true},
                             {"flytt", "case.read", false},
                             {"siri", "case.transfer", true},
                             {"siri", "case.receive", true},
                             {"leif", "case.transfer", false}});
}

TEST_CASE("a file role with a built-in id replaces the built-in one", "[access]") {
  const Rammeverk rv = unit::enforced_access({{"rita", {"rapport"}}}, {{"rapport", {"report", "audit.verify"}}});
  CHECK(permitted(rv, "rita", "audit.verify"));
}

TEST_CASE("a refusal exits 77, names the permission and is audited", "[access]") {
  AccessFixture f;
  auto ctx = f.as("rita");
  auto e = error_of([&] { authorize(ctx, "refer.add"); });
  CHECK(e.code() == ExitCode::permission);
  CHECK(e.key() == "access.refused");
  REQUIRE(e.args().size() == 2);
  CHECK(e.args()[0] == "rita");
  CHECK(e.args()[1] == "refer.add");
  CHECK(std::string(e.what()).find("refer.add") != std::string::npos);
  CHECK(f.refusals() == 1);
  auto entries = audit_list(f.db, AuditFilter{});
  REQUIRE_FALSE(entries.empty());
  CHECK(entries.back().action == "access.refused");
  CHECK(entries.back().actor == "rita");
  CHECK(entries.back().detail == "refer.add");
  CHECK(audit_verify(f.db).ok);
  // A permitted call adds nothing.
  authorize(ctx, "report");
  CHECK(f.refusals() == 1);
}

TEST_CASE("a koordinator may plan only in the team they coordinate", "[access]") {
  AccessFixture f;
  auto ctx = f.as("Ane Lie");
  const CaseRef own = f.case_ref("2026/1");
  const CaseRef other = f.case_ref("2026/2");

  // Not everywhere: the command-level check alone refuses...
  CHECK(error_of([&] { authorize(ctx, "plan.write"); }).code() == ExitCode::permission);
  // ...but the pre-check for a case command lets the koordinator through to the case check.
  CHECK(error_of([&] { authorize_some(ctx, "plan.write"); }).code() == ExitCode::ok);
  CHECK(error_of([&] { authorize_some(ctx, "decide"); }).code() == ExitCode::permission);

  CHECK(error_of([&] { authorize_case(ctx, "plan.write", own); }).code() == ExitCode::ok);
  CHECK(error_of([&] { authorize_case(ctx, "evaluate", own); }).code() == ExitCode::ok);
  // A member (not the koordinator) of the other team.
  auto e = error_of([&] { authorize_case(ctx, "plan.write", other); });
  CHECK(e.code() == ExitCode::permission);
  CHECK(e.key() == "access.refused_case");
  CHECK(e.args().at(2) == "2026/2");
  // Not a permission the role has at all, even in the own case.
  CHECK(error_of([&] { authorize_case(ctx, "decide", own); }).key() == "access.refused");

  auto refused = audit_list(f.db, AuditFilter{});
  CHECK(refused.back().object == "2026/1");
  CHECK(f.refusals() == 4);
  CHECK(audit_verify(f.db).ok);
}

TEST_CASE("a removed koordinator loses the case-scoped permission", "[access]") {
  AccessFixture f;
  f.db.sql().exec("UPDATE team_member SET removed_on = '2026-03-08' WHERE name = 'Ane Lie' AND team_id = 1");
  auto ctx = f.as("Ane Lie");
  CHECK_FALSE(coordinates_case(f.db, "Ane Lie", f.case_ref("2026/1").id));
  CHECK(error_of([&] { authorize_case(ctx, "plan.write", f.case_ref("2026/1")); }).code() == ExitCode::permission);
}

TEST_CASE("a saksbehandler holds case permissions in every case", "[access]") {
  AccessFixture f;
  auto ctx = f.as("siri");
  CHECK(error_of([&] { authorize_case(ctx, "plan.write", f.case_ref("2026/2")); }).code() == ExitCode::ok);
  CHECK(f.refusals() == 0);
}

TEST_CASE("under enforcement the actor must be the login unless it may act as others", "[access]") {
  AccessFixture f;
  SECTION("the same name passes") {
    auto ctx = f.as("siri");
    CHECK(error_of([&] { authorize_actor(ctx, "siri"); }).code() == ExitCode::ok);
  }
  SECTION("another name is refused and audited under the login") {
    auto ctx = f.as("leif");
    auto e = error_of([&] { authorize_actor(ctx, "siri"); });
    CHECK(e.code() == ExitCode::permission);
    CHECK(e.key() == "access.not_self");
    CHECK(f.refusals() == 1);
    CHECK(audit_list(f.db, AuditFilter{}).back().actor == "siri");
  }
  SECTION("a login holding access.act_as may name another actor") {
    auto ctx = f.as("siri");
    CHECK(error_of([&] { authorize_actor(ctx, "admin"); }).code() == ExitCode::ok);
  }
  SECTION("without enforcement anyone may act as anyone") {
    AccessFixture open("");
    auto ctx = open.as("siri");
    CHECK(error_of([&] { authorize_actor(ctx, "someone"); }).code() == ExitCode::ok);
  }
}

TEST_CASE("under stored enforcement a rammeverk file with other content is refused and audited", "[access]") {
  AccessFixture f;
  Rammeverk loose = load_rammeverk("[access]\nenforce = false\n", "loose.toml");
  CHECK(error_of([&] { refuse_other_rammeverk(f.db, loose, f.clock, "rita"); }).key() == "access.other_rammeverk");
  // Only the rules section changed is refused just the same: any other text is another rammeverk.
  Rammeverk same = load_rammeverk(kEnforced, "same.toml");
  CHECK(error_of([&] { refuse_other_rammeverk(f.db, same, f.clock, "rita"); }).code() == ExitCode::ok);
  auto audit = audit_list(f.db, AuditFilter{});
  REQUIRE_FALSE(audit.empty());
  CHECK(audit.back().action == "access.refused");
  CHECK(audit.back().actor == "rita");

  AccessFixture open("");
  Rammeverk strict = load_rammeverk(kEnforced, "strict.toml");
  // Stored rules do not enforce: the file's stand.
  CHECK(error_of([&] { refuse_other_rammeverk(open.db, strict, open.clock, "rita"); }).code() == ExitCode::ok);
}

TEST_CASE("under enforcement another date than the real one needs access.other_date", "[access]") {
  AccessFixture f;
  auto siri = f.as("siri");
  // The fixture's clock is fixed; compare it against a real date one day off.
  CHECK(error_of([&] { authorize_acted_on_date(siri, siri.today() + std::chrono::days(1)); }).key() == "access.other_date");
  CHECK(error_of([&] { authorize_acted_on_date(siri, siri.today()); }).code() == ExitCode::ok);
  AccessFixture open("");
  auto anyone = open.as("siri");
  CHECK(error_of([&] { authorize_acted_on_date(anyone, anyone.today() + std::chrono::days(1)); }).code() == ExitCode::ok);
}

TEST_CASE("authorize_case by number refuses before it looks the case up", "[access]") {
  AccessFixture f;
  auto rita = f.as("rita");
  // No permission anywhere: 77, even for a case that does not exist.
  CHECK(error_of([&] { authorize_case(rita, "plan.write", std::string_view("2026/99")); }).code() ==
        ExitCode::permission);
  auto ane = f.as("Ane Lie");
  CHECK(error_of([&] { authorize_case(ane, "plan.write", std::string_view("2026/99")); }).code() ==
        ExitCode::not_found);
  CHECK(error_of([&] { authorize_case(ane, "plan.write", std::string_view("2026/1")); }).code() == ExitCode::ok);
  CHECK(error_of([&] { authorize_case(ane, "plan.write", std::string_view("2026/2")); }).code() ==
        ExitCode::permission);
}
