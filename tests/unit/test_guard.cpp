// Operations guard themselves (issue 16, point 3): a library operation on a
// case checks its own permission under `access.enforce = true`, whoever
// calls it. A user without the permission is refused with exit 77 and the
// refusal is audited, before anything of the case is looked up or changed.

#include "unit/audit_fixture.hpp"
#include "unit/test_plan_fixture.hpp"

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/appeal.hpp>
#include <oppteam/process/approval.hpp>
#include <oppteam/process/assessment.hpp>
#include <oppteam/process/case_log.hpp>
#include <oppteam/process/case_view.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/closing.hpp>
#include <oppteam/process/consent.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/process/decision.hpp>
#include <oppteam/process/evaluation.hpp>
#include <oppteam/process/meeting.hpp>
#include <oppteam/process/owner.hpp>
#include <oppteam/process/plan.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/process/target_group.hpp>
#include <oppteam/process/team.hpp>
#include <oppteam/process/team_review.hpp>
#include <oppteam/process/transfer.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>

#include <functional>

using namespace oppteam;

namespace {

// Who may do what: rita makes reports and nothing else; Ane Lie is a koordinator.
const char* kGuarded = R"toml(
[access]
enforce = true
user = [{ name = "rita", roles = ["rapport"] }, { name = "Ane Lie", roles = ["koordinator"] }]
)toml";

// Two active cases with teams (the plan tests' fixture); Ane Lie
// coordinates the team of 2026/1 only. Contexts act under kGuarded.
struct GuardFixture {
  GuardFixture() : rv(load_rammeverk(kGuarded, "guarded.toml")), clock(plantest::day("2026-03-10")) {
    unit::as_command(cases.db, rv, clock, [&] {
      for (int n : {1, 2}) {
        const std::int64_t team = cases.team(cases.add_case(n, "active", "2026-03-02"), "active", "2026-03-05");
        cases.member(team, n == 1 ? "Ane Lie" : "Ola Dahl", "coordinator", "koordinator");
      }
    });
  }

  Context as(const std::string& user) { return Context{cases.db, rv, clock, user, Lang::en}; }
  std::int64_t count(const std::string& sql) { return cases.db.sql().execAndGet(sql).getInt64(); }
  std::int64_t refusals() { return count("SELECT count(*) FROM audit WHERE action = 'access.refused'"); }
  std::int64_t entries() { return count("SELECT count(*) FROM audit"); }

  plantest::Fixture cases;
  Rammeverk rv;
  Clock clock;
  Database& db = cases.db;
  unit::TempFolder& tmp = cases.tmp;
};

// The exit code of the Error thrown by f; ExitCode::ok when none is.
ExitCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::ok;
}

// f is refused with exit 77, the refusal is audited, and nothing else is.
void check_refused(GuardFixture& f, const std::function<void()>& op) {
  const std::int64_t refused = f.refusals();
  const std::int64_t all = f.entries();
  CHECK(code_of(op) == ExitCode::permission);
  CHECK(f.refusals() == refused + 1);
  CHECK(f.entries() == all + 1);
}

}  // namespace

TEST_CASE("team operations refuse a user without team.write", "[guard]") {
  GuardFixture f;
  const Context ctx = f.as("rita");
  check_refused(f, [&] { create_team(ctx, TeamCreateInput{"2026/1", "Ane Lie", "", "", "", {}, {}}); });
  check_refused(f, [&] { add_to_team(ctx, "2026/1", {}, {}, "Dr. Berg"); });
  check_refused(f, [&] { remove_from_team(ctx, "2026/1", "Ane Lie", "flyttet"); });
  check_refused(f, [&] { change_coordinator(ctx, "2026/1", "Ola Dahl", ""); });
  check_refused(f, [&] { change_contact(ctx, "2026/1", "Ane Lie", ContactChange{std::string("a@b.no"), {}}); });
  check_refused(f, [&] { pause_team(ctx, "2026/1", "innlagt"); });
  check_refused(f, [&] { resume_team(ctx, "2026/1"); });
  check_refused(f, [&] { close_team(ctx, "2026/1", "ferdig", true); });
  check_refused(f, [&] { show_team(ctx, "2026/1"); });
  CHECK(f.db.sql().execAndGet("SELECT status FROM team WHERE case_id = 1").getString() == "active");
}

TEST_CASE("a koordinator may not write the plan of a team they do not coordinate", "[guard]") {
  GuardFixture f;
  const Context ctx = f.as("Ane Lie");
  check_refused(f, [&] { add_goal(ctx, "2026/2", "Bo trygt heime", {}, {}); });
  check_refused(f, [&] { set_plan_kind(ctx, "2026/2", "ip"); });
  check_refused(f, [&] { record_participation(ctx, "2026/2", "Samtale"); });
  check_refused(f, [&] { evaluate(ctx, "2026/2", EvaluationInput{}); });
  check_refused(f, [&] { add_log_entry(ctx, "2026/2", "Ringte fastlegen"); });
  check_refused(f, [&] { plan_meeting(ctx, "2026/2", "oppstart", *try_parse_date("2026-04-01"), "Rådhuset"); });
  check_refused(f, [&] { add_team_review(ctx, "2026/2", {}); });
  check_refused(f, [&] { show_plan(ctx, "2026/2"); });
  // Reads: the refusal is found inside the operation's transaction, and recorded after its rollback.
  check_refused(f, [&] { show_team(ctx, "2026/2"); });
  check_refused(f, [&] { show_case(ctx, "2026/2"); });
  check_refused(f, [&] { list_consents(ctx, "2026/2"); });
  // In the team Ane Lie coordinates, the plan check passes and the plan's own rules speak.
  CHECK(code_of([&] { add_goal(ctx, "2026/1", "Bo trygt heime", {}, {}); }) != ExitCode::permission);
}

TEST_CASE("case operations refuse a user without their permission", "[guard]") {
  GuardFixture f;
  const Context ctx = f.as("rita");
  AssessmentInput assessment;
  assessment.case_number = "2026/1";
  assessment.instrument = "ipos";
  DecisionInput grant;
  grant.grant = true;
  CloseInput moved;
  moved.reason = "flyttet";
  TransferInput transfer;
  transfer.to = "Bergen";
  transfer.out = f.tmp.file("t.json");
  DeclineInput no;
  no.scope = "team";
  no.form = "muntlig";
  check_refused(f, [&] { give_consent(ctx, "2026/1", ConsentInput{"team", "muntlig", "person", "", "", "", {}}); });
  check_refused(f, [&] { withdraw_consent(ctx, "2026/1", "team", {}, "trukket", f.clock.today()); });
  check_refused(f, [&] { decline_consent(ctx, "2026/1", no); });
  check_refused(f, [&] { record_assessment(ctx, assessment); });
  check_refused(f, [&] { decide_case(ctx, "2026/1", grant); });
  check_refused(f, [&] { record_preliminary_reply(ctx, "2026/1", *try_parse_date("2026-04-01"), "venter", {}); });
  check_refused(f, [&] { register_appeal(ctx, "2026/1", AppealInput{f.clock.today(), "person", ""}); });
  check_refused(f, [&] { close_case(ctx, "2026/1", moved); });
  check_refused(f, [&] { reopen_case(ctx, "2026/1", "feil"); });
  check_refused(f, [&] { assign_case(ctx, "2026/1", "rita"); });
  check_refused(f, [&] { set_target_group(ctx, "2026/1", "eldre", "case"); });
  check_refused(f, [&] { correct_referral(ctx, "2026/1", 1, ReferralFix{}, "feil"); });
  check_refused(f, [&] { void_consent(ctx, "2026/1", 1, "feil"); });
  check_refused(f, [&] { decide_approval(ctx, "2026/1", "plan", false, ""); });
  check_refused(f, [&] { transfer_case(ctx, "2026/1", transfer); });
  check_refused(f, [&] { show_case(ctx, "2026/1"); });
  CHECK(f.db.sql().execAndGet("SELECT status FROM case_file WHERE id = 1").getString() == "active");
}

TEST_CASE("a refused user learns nothing of which cases exist", "[guard]") {
  GuardFixture f;
  const Context ctx = f.as("rita");
  // The same refusal for a case that exists, one that does not and a malformed number.
  check_refused(f, [&] { pause_team(ctx, "2026/1", "x"); });
  check_refused(f, [&] { pause_team(ctx, "2026/99", "x"); });
  check_refused(f, [&] { pause_team(ctx, "nonsense", "x"); });
}

TEST_CASE("a refusal inside a transaction is recorded once it is rolled back", "[guard]") {
  GuardFixture f;
  const Context ctx = f.as("Ane Lie");
  // Refused in the middle of another change: the change is gone, the refusal stays.
  CHECK(code_of([&] {
          f.db.write([&] {
            f.db.sql().exec("UPDATE case_file SET status = 'closed' WHERE id = 2");
            show_team(ctx, "2026/2");
          });
        }) == ExitCode::permission);
  CHECK(f.db.sql().execAndGet("SELECT status FROM case_file WHERE id = 2").getString() == "active");
  CHECK(f.refusals() == 1);
  CHECK(f.db.sql().execAndGet("SELECT object FROM audit WHERE action = 'access.refused'").getString() == "2026/2");
  CHECK(audit_verify(f.db).ok);
}

TEST_CASE("team audit details are messages, written and read through one table", "[guard][audit]") {
  // The stored text stays as it always was: old entries read back the same way.
  CHECK(audit_detail("team.close", "audit.d.team_case_closed", {}) == "team and case closed");
  CHECK(audit_detail("team.close", "audit.d.team_closed", {}) == "team closed");
  CHECK(audit_detail("team.add", "audit.d.team_member_service", {"member", "Ola Dahl", "nav_veileder", "nav"}) ==
        "member Ola Dahl (nav_veileder, nav)");
  CHECK(audit_detail("team.contact", "audit.d.contact_email", {"Ola Dahl", "-", "ola@nav.example"}) ==
        "Ola Dahl: email - -> ola@nav.example");
  CHECK_THROWS_AS(audit_detail("team.close", "audit.d.no_such_detail", {}), std::logic_error);

  const auto closed = read_audit_detail("team.close", "team and case closed");
  REQUIRE(closed);
  CHECK(closed->key == "audit.d.team_case_closed");
  CHECK_FALSE(read_audit_detail("team.pause", "team and case closed"));  // a form belongs to its action
  const auto member = read_audit_detail("team.remove", "coordinator Ane Lie (koordinator)");
  REQUIRE(member);
  CHECK(member->key == "audit.d.team_member");
  REQUIRE(member->args.size() == 3);
  CHECK(member->args[0].kind == "team.kind_");
  CHECK(member->args[0].value == "coordinator");
  CHECK(member->args[1].value == "Ane Lie");
  CHECK(member->args[2].kind == "role");
  CHECK_FALSE(read_audit_detail("team.close", "something written by hand"));
}

TEST_CASE("team history carries each detail as a message", "[guard][audit]") {
  GuardFixture f;
  Rammeverk open = load_rammeverk("[municipality]\nallow_synthetic_ids = true\n", "open.toml");
  const Context ctx{f.db, open, f.clock, "siri", Lang::en};
  close_team(ctx, "2026/1", "Målene er nådd", true);
  const Team t = show_team(ctx, "2026/1");
  REQUIRE(t.history.size() == 1);
  CHECK(t.history[0].action == "team.close");
  REQUIRE(t.history[0].what);
  CHECK(t.history[0].what->key == "audit.d.team_case_closed");
  CHECK(f.db.sql().execAndGet("SELECT detail FROM audit WHERE action = 'case.close'").getString() == "closed with its team");
}
