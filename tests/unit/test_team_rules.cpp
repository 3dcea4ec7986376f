// The team's rules and its history.

#include "unit/test_team_fixture.hpp"

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/team.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;
using unit::code_of;
using unit::key_of;

namespace {

TeamCreateInput core_team() {
  TeamCreateInput in;
  in.case_number = "2026/1";
  in.coordinator = "Ane Lie";
  in.gp = "Dr. Berg";
  in.members = {{"Ola Dahl", "nav_veileder", "nav"}, {"Siri Moe", "hjemmesykepleie", "hjemmetjenesten"}};
  in.participants = {{"Per Hansen", "bruker", ""}, {"Kari Hansen", "parorende", ""}};
  return in;
}

// A granted case with consent for team.
struct Ready : unit::CaseFixture {
  explicit Ready(std::string toml = std::string(embedded::example_rammeverk)) : unit::CaseFixture(std::move(toml)) {
    consent("team");
    grant();
  }
};

std::string with_rules(const std::string& replace_from, const std::string& replace_to) {
  std::string toml(embedded::example_rammeverk);
  toml.replace(toml.find(replace_from), replace_from.size(), replace_to);
  return toml;
}

}  // namespace

TEST_CASE("member specs: NAME:ROLE[:SERVICE]", "[team]") {
  auto m = parse_member_spec("Ola Dahl:nav_veileder:nav", true, "--member");
  CHECK(m.name == "Ola Dahl");
  CHECK(m.role == "nav_veileder");
  CHECK(m.service == "nav");
  m = parse_member_spec(" Siri Moe : sykepleier ", true, "--member");
  CHECK(m.name == "Siri Moe");
  CHECK(m.service.empty());
  for (const char* bad : {"Ola", "Ola:", ":rolle", "a:b:c:d", "a:b:"})
    CHECK(code_of([&] { parse_member_spec(bad, true, "--member"); }) == ExitCode::usage);
  CHECK(code_of([&] { parse_member_spec("Per:bruker:nav", false, "--participant"); }) == ExitCode::usage);
}

TEST_CASE("the default coordinating role prefers koordinator", "[team]") {
  const Rammeverk rv = load_rammeverk(std::string(embedded::example_rammeverk), "x");
  REQUIRE(default_coordinator_role(rv));
  CHECK(default_coordinator_role(rv)->id == "koordinator");
  const Rammeverk no_koord = load_rammeverk(with_rules("id = \"koordinator\"\nlabel = \"Koordinator\"\nmay_coordinate = true",
                                                       "id = \"koordinator\"\nlabel = \"Koordinator\"\nmay_coordinate = false"),
                                            "x");
  CHECK(default_coordinator_role(no_koord)->id == "sykepleier");
}

TEST_CASE("team create: members of every kind, case active, audited", "[team]") {
  Ready f;
  const Team t = create_team(f.ctx, core_team());
  CHECK(t.status == TeamStatus::active);
  CHECK(t.created_on == "2026-03-10");
  CHECK(t.case_status == CaseStatus::active);
  CHECK(f.case_status() == "active");
  REQUIRE(t.members.size() == 6);
  REQUIRE(t.coordinator());
  CHECK(t.coordinator()->name == "Ane Lie");
  CHECK(t.coordinator()->role == "koordinator");
  CHECK(t.members[1].kind == MemberKind::gp);
  CHECK(t.members[1].name == "Dr. Berg");
  CHECK(t.members[2].kind == MemberKind::member);
  CHECK(t.members[2].service == "nav");
  CHECK(t.members[4].kind == MemberKind::participant);
  CHECK(t.members[5].role == "parorende");
  CHECK(t.history.size() == 7);  // created + one per member
  CHECK(t.history[0].action == "team.create");
  CHECK(f.db.sql().execAndGet("SELECT COUNT(*) FROM audit WHERE action LIKE 'team.%' AND person = '23923901213'").getInt() == 7);
  CHECK(audit_verify(f.db).ok);
}

TEST_CASE("rule: the case must have a granted decision", "[team]") {
  unit::CaseFixture f;
  f.consent("team");
  CHECK(key_of([&] { create_team(f.ctx, core_team()); }) == "team.rule_decision_granted");
  f.set_status("refused");
  CHECK(code_of([&] { create_team(f.ctx, core_team()); }) == ExitCode::refused);
  f.set_status("granted");  // status alone, no decision row
  CHECK(code_of([&] { create_team(f.ctx, core_team()); }) == ExitCode::refused);
  CHECK(f.db.sql().execAndGet("SELECT COUNT(*) FROM team").getInt() == 0);
}

TEST_CASE("rule: valid consent for team", "[team]") {
  unit::CaseFixture f;
  f.grant();
  CHECK(key_of([&] { create_team(f.ctx, core_team()); }) == "rule.consent_required");
  f.consent("team");
  f.withdraw("team", "2026-03-08");
  CHECK(code_of([&] { create_team(f.ctx, core_team()); }) == ExitCode::refused);
  CHECK(f.case_status() == "granted");
}

TEST_CASE("rule: a coordinator when coordinator_required, holding a role that may coordinate", "[team]") {
  Ready f;
  auto in = core_team();
  in.coordinator.clear();
  CHECK(key_of([&] { create_team(f.ctx, in); }) == "team.rule_coordinator_required");
  in = core_team();
  in.coordinator_role = "hjemmesykepleie";
  CHECK(key_of([&] { create_team(f.ctx, in); }) == "team.rule_coordinator_role");
  CHECK(code_of([&] { create_team(f.ctx, in); }) == ExitCode::refused);
  in.coordinator_role = "finnes_ikke";
  CHECK(code_of([&] { create_team(f.ctx, in); }) == ExitCode::data);  // not in the rammeverk (SPEC: 65)
  in.coordinator_role = "sykepleier";
  CHECK(create_team(f.ctx, in).coordinator()->role == "sykepleier");

  Ready g(with_rules("coordinator_required = true", "coordinator_required = false"));
  in = core_team();
  in.coordinator.clear();
  const Team t = create_team(g.ctx, in);
  CHECK_FALSE(t.coordinator());
}

TEST_CASE("rule: a GP when gp_required", "[team]") {
  Ready f(with_rules("gp_required = false", "gp_required = true"));
  auto in = core_team();
  in.gp.clear();
  CHECK(key_of([&] { create_team(f.ctx, in); }) == "team.rule_gp_required");
  CHECK(code_of([&] { create_team(f.ctx, in); }) == ExitCode::refused);
  in.gp = "Dr. Berg";
  CHECK(create_team(f.ctx, in).members.size() == 6);
}

TEST_CASE("rule: members only from the services named in deling: consents", "[team]") {
  Ready f;
  f.consent("deling:nav");
  auto in = core_team();  // Siri Moe comes from hjemmetjenesten
  CHECK(key_of([&] { create_team(f.ctx, in); }) == "team.rule_sharing");
  CHECK(code_of([&] { create_team(f.ctx, in); }) == ExitCode::refused);
  in.members.push_back({"Kari Nes", "ergoterapeut", ""});  // no service at all
  in.members.erase(in.members.begin() + 1);
  CHECK(key_of([&] { create_team(f.ctx, in); }) == "team.rule_sharing_no_service");
  f.consent("deling:hjemmetjenesten");
  in = core_team();
  CHECK(create_team(f.ctx, in).members.size() == 6);
}

TEST_CASE("unknown roles and services are bad data (65) listing the allowed ids and the nearest", "[team]") {
  Ready f;
  auto in = core_team();
  in.members[0].role = "trollmann";
  try {
    create_team(f.ctx, in);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::data);
    CHECK(e.key() == "team.unknown_role");
    CHECK(e.args()[1].find("koordinator, fastlege, sykepleier") == 0);
    CHECK(e.details.empty());  // nothing near "trollmann"
  }
  in = core_team();
  in.members[0].service = "postkontoret";
  CHECK(key_of([&] { create_team(f.ctx, in); }) == "team.unknown_service");
  in = core_team();
  in.participants[0].role = "konge";
  CHECK(code_of([&] { create_team(f.ctx, in); }) == ExitCode::data);
  in = core_team();
  in.members[0].role = "sykepleer";
  try {
    create_team(f.ctx, in);
    FAIL("no error");
  } catch (const Error& e) {
    REQUIRE(e.details.size() == 1);
    CHECK(e.details[0].key == "choice.nearest");
    CHECK(e.details[0].args == std::vector<std::string>{"sykepleier"});
  }
}

TEST_CASE("the coordinator also listed as a member is one person with the member's service", "[team]") {
  Ready f;
  auto in = core_team();
  in.members.push_back({"Ane Lie", "sykepleier", "hjemmetjenesten"});
  const Team t = create_team(f.ctx, in);
  CHECK(t.members.size() == 6);
  REQUIRE(t.coordinator());
  CHECK(t.coordinator()->role == "sykepleier");
  CHECK(t.coordinator()->service == "hjemmetjenesten");
}

TEST_CASE("one team per case, names are unique among current members, one GP", "[team]") {
  Ready f;
  auto in = core_team();
  in.members.push_back({"Siri Moe", "sykepleier", "hjemmetjenesten"});
  CHECK(key_of([&] { create_team(f.ctx, in); }) == "team.duplicate_name");
  create_team(f.ctx, core_team());
  CHECK(key_of([&] { add_to_team(f.ctx, "2026/1", {}, {}, "Dr. Annen"); }) == "team.gp_exists");
  f.set_status("granted");
  CHECK(key_of([&] { create_team(f.ctx, core_team()); }) == "team.exists");
  CHECK(key_of([&] { add_to_team(f.ctx, "2026/1", {{"Ola Dahl", "nav_veileder", "nav"}}, {}, ""); }) == "team.duplicate_name");
}

TEST_CASE("team add, remove and history with dates", "[team]") {
  Ready f;
  create_team(f.ctx, core_team());
  Team t = add_to_team(f.ctx, "2026/1", {{"Kari Nes", "ergoterapeut", "fysio_ergo"}}, {}, "");
  CHECK(t.find_active("Kari Nes"));
  CHECK(code_of([&] { add_to_team(f.ctx, "2026/1", {}, {}, ""); }) == ExitCode::usage);

  Clock later(*try_parse_date("2026-04-01"));
  Context ctx2{f.db, f.rv, later, "tester", Lang::en};
  t = remove_from_team(ctx2, "2026/1", "Ola Dahl", "Ikke lenger NAV-tiltak");
  CHECK_FALSE(t.find_active("Ola Dahl"));
  const auto removed = std::find_if(t.members.begin(), t.members.end(), [](const TeamMember& m) { return m.name == "Ola Dahl"; });
  REQUIRE(removed != t.members.end());
  CHECK(removed->removed_on == "2026-04-01");
  CHECK(removed->removed_reason == "Ikke lenger NAV-tiltak");
  CHECK(removed->added_on == "2026-03-10");
  CHECK(code_of([&] { remove_from_team(ctx2, "2026/1", "Ola Dahl", ""); }) == ExitCode::not_found);
  CHECK(t.history.back().action == "team.remove");
  CHECK(t.history.back().on == "2026-04-01");

  // Removing the coordinator leaves the team without one (remind shows it).
  t = remove_from_team(ctx2, "2026/1", "Ane Lie", "");
  CHECK_FALSE(t.coordinator());
  CHECK(f.db.sql()
            .execAndGet("SELECT COUNT(*) FROM team_member WHERE kind = 'coordinator' AND removed_on IS NULL")
            .getInt() == 0);
}

TEST_CASE("team coordinator: change with history", "[team]") {
  Ready f;
  create_team(f.ctx, core_team());
  // Siri Moe's own role may not coordinate, so she gets the default coordinating role.
  Team t = change_coordinator(f.ctx, "2026/1", "Siri Moe", "");
  REQUIRE(t.coordinator());
  CHECK(t.coordinator()->name == "Siri Moe");
  CHECK(t.coordinator()->role == "koordinator");
  CHECK(t.coordinator()->service == "hjemmetjenesten");
  std::size_t ane_rows = 0;
  for (const auto& m : t.members)
    if (m.name == "Ane Lie") {
      ++ane_rows;
      CHECK_FALSE(m.active());
      CHECK(m.removed_reason == "coordinator replaced");
    }
  CHECK(ane_rows == 1);
  CHECK(key_of([&] { change_coordinator(f.ctx, "2026/1", "Siri Moe", ""); }) == "team.already_coordinator");
  CHECK(key_of([&] { change_coordinator(f.ctx, "2026/1", "Ola Dahl", "hjemmesykepleie"); }) == "team.rule_coordinator_role");
  CHECK(key_of([&] { change_coordinator(f.ctx, "2026/1", "Per Hansen", ""); }) == "team.rule_participant_coordinator");
  // An ordinary member whose role may coordinate keeps it.
  t = change_coordinator(f.ctx, "2026/1", "Ola Dahl", "");
  CHECK(t.coordinator()->role == "nav_veileder");
  CHECK(f.db.sql()
            .execAndGet("SELECT COUNT(*) FROM team_member WHERE kind = 'coordinator' AND removed_on IS NULL")
            .getInt() == 1);
  // A newcomer can be named too.
  t = change_coordinator(f.ctx, "2026/1", "Nils Ny", "sykepleier");
  CHECK(t.coordinator()->name == "Nils Ny");
}

TEST_CASE("pause, resume (consent again) and close", "[team]") {
  Ready f;
  create_team(f.ctx, core_team());
  CHECK(key_of([&] { resume_team(f.ctx, "2026/1"); }) == "team.not_paused");
  CHECK(code_of([&] { pause_team(f.ctx, "2026/1", " "); }) == ExitCode::usage);
  Team t = pause_team(f.ctx, "2026/1", "Innlagt");
  CHECK(t.status == TeamStatus::paused);
  CHECK(t.paused_on == "2026-03-10");
  CHECK(t.pause_reason == "Innlagt");
  CHECK(code_of([&] { pause_team(f.ctx, "2026/1", "igjen"); }) == ExitCode::refused);

  f.withdraw("team", "2026-03-10");
  CHECK(key_of([&] { resume_team(f.ctx, "2026/1"); }) == "rule.consent_required");
  f.consent("team", "2026-03-10");
  CHECK(resume_team(f.ctx, "2026/1").status == TeamStatus::active);

  t = close_team(f.ctx, "2026/1", "Målene er nådd", false);
  CHECK(t.status == TeamStatus::closed);
  CHECK(t.closed_on == "2026-03-10");
  CHECK(f.case_status() == "active");  // the case stays open for its final evaluation
  CHECK(key_of([&] { add_to_team(f.ctx, "2026/1", {{"X Y", "pedagog", "skole"}}, {}, ""); }) == "team.is_closed");
  CHECK(code_of([&] { close_team(f.ctx, "2026/1", "igjen", false); }) == ExitCode::refused);
  CHECK(code_of([&] { remove_from_team(f.ctx, "2026/1", "Ola Dahl", ""); }) == ExitCode::refused);
  CHECK(show_team(f.ctx, "2026/1").members.size() == 6);
}

TEST_CASE("team close --close-case closes the case too", "[team]") {
  Ready f;
  create_team(f.ctx, core_team());
  close_team(f.ctx, "2026/1", "Flyttet", true);
  CHECK(f.case_status() == "closed");
  CHECK(f.db.sql().execAndGet("SELECT close_reason FROM case_file").getString() == "Flyttet");
}

TEST_CASE("team show is an audited read, no team is not found", "[team]") {
  Ready f;
  CHECK(code_of([&] { show_team(f.ctx, "2026/1"); }) == ExitCode::not_found);
  create_team(f.ctx, core_team());
  const Team t = show_team(f.ctx, "2026/1");
  CHECK(t.members.size() == 6);
  CHECK(f.db.sql().execAndGet("SELECT COUNT(*) FROM audit WHERE action = 'team.show'").getInt() == 1);
  CHECK(code_of([&] { show_team(f.ctx, "2026/7"); }) == ExitCode::not_found);
  CHECK(code_of([&] { show_team(f.ctx, "26/7"); }) == ExitCode::data);
}
