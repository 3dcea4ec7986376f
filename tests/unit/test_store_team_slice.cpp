// The repositories of the team slice (store/team_store, consent_store,
// decision_store, approval_store, closing_store): what is stored is read
// back as the same domain values, none is stored as NULL and read as "".

#include "unit/test_team_fixture.hpp"

#include <oppteam/store/approval_store.hpp>
#include <oppteam/store/archive_store.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/store/closing_store.hpp>
#include <oppteam/store/consent_store.hpp>
#include <oppteam/store/decision_store.hpp>
#include <oppteam/store/person_store.hpp>
#include <oppteam/store/plan_store.hpp>
#include <oppteam/store/team_store.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

TEST_CASE("TeamStore stores a team and its members and reads them back", "[store][team_slice]") {
  unit::CaseFixture f;
  TeamStore store(f.db);
  CHECK_FALSE(store.find(f.case_id));
  CHECK_FALSE(store.status_of(f.case_id));
  std::int64_t team_id = 0;
  f.sql([&] {
    team_id = store.create(f.case_id, "2026-03-10", "tester");
    store.add_member(team_id, {"Ane Lie", "koordinator", "", "ane@example.org", ""}, MemberKind::coordinator, "2026-03-10");
    store.add_member(team_id, {"Dr. Berg", "fastlege", ""}, MemberKind::gp, "2026-03-10");
  });
  auto t = store.find(f.case_id);
  REQUIRE(t);
  CHECK(t->id == team_id);
  CHECK(t->status == TeamStatus::active);
  CHECK(t->case_status == CaseStatus::received);
  CHECK(t->created_by == "tester");
  REQUIRE(t->members.size() == 2);
  CHECK(t->members[0].kind == MemberKind::coordinator);
  CHECK(t->members[0].email == "ane@example.org");
  CHECK(t->members[0].phone.empty());
  CHECK(t->members[1].service.empty());
  REQUIRE(t->coordinator());
  CHECK(t->coordinator()->name == "Ane Lie");

  f.sql([&] {
    store.set_phone(t->members[0].id, "+47 22 00 00 00");
    store.set_email(t->members[0].id, "");
    store.close_member(t->members[1].id, "2026-03-11", "");
    CHECK(store.pause_if_active(f.case_id, "2026-03-11", "no consent"));
    CHECK_FALSE(store.pause_if_active(f.case_id, "2026-03-11", "no consent"));
  });
  t = store.find(f.case_id);
  REQUIRE(t);
  CHECK(t->status == TeamStatus::paused);
  CHECK(t->paused_on == "2026-03-11");
  CHECK(t->pause_reason == "no consent");
  CHECK(t->members[0].email.empty());
  CHECK(t->members[0].phone == "+47 22 00 00 00");
  CHECK(t->members[1].removed_on == "2026-03-11");
  CHECK(t->members[1].removed_reason.empty());
  CHECK_FALSE(t->find_active("Dr. Berg"));
  const auto contacts = store.contacts_named("Ane Lie");
  REQUIRE(contacts.size() == 1);
  CHECK(contacts[0].phone == "+47 22 00 00 00");

  f.sql([&] { store.close(team_id, "2026-03-12", "done"); });
  CHECK(store.status_of(f.case_id) == TeamStatus::closed);
  f.sql([&] { CHECK(store.reopen(f.case_id, TeamStatus::active)); });
  t = store.find(f.case_id);
  CHECK(t->status == TeamStatus::active);
  CHECK(t->closed_on.empty());
}

TEST_CASE("ConsentStore stores consents and declines and reads them back", "[store][team_slice]") {
  unit::CaseFixture f;
  ConsentStore store(f.db);
  ConsentRecord r;
  r.scope = "team";
  r.form = "skriftlig";
  r.given_by = "foresatt";
  r.giver_name = "Mor Hansen";
  r.given_on = "2026-03-04";
  r.recorded_by = "tester";
  r.recorded_at = "2026-03-04T10:00:00Z";
  std::int64_t id = 0;
  f.sql([&] { id = store.add(f.case_id, r); });
  auto all = store.consents(f.case_id);
  REQUIRE(all.size() == 1);
  CHECK(all[0].id == id);
  CHECK(all[0].giver_name == "Mor Hansen");
  CHECK(all[0].reason.empty());
  CHECK(store.foresatt_names(f.case_id) == std::vector<std::string>{"Mor Hansen"});
  REQUIRE(store.not_withdrawn(f.case_id, "team", std::nullopt).size() == 1);
  CHECK(store.not_withdrawn(f.case_id, "", id).at(0).scope == "team");
  f.sql([&] { store.withdraw(id, "2026-03-09", "tester", ""); });
  CHECK(store.not_withdrawn(f.case_id, "team", std::nullopt).empty());
  all = store.consents(f.case_id);
  CHECK(all[0].withdrawn_on == "2026-03-09");
  CHECK(all[0].withdraw_reason.empty());

  DeclineRecord d{0, "utredning", "muntlig", "person", "", "ikke nå", "2026-03-08", "tester", "2026-03-08T09:00:00Z"};
  f.sql([&] { d.id = store.add_decline(f.case_id, d); });
  const auto declines = store.declines(f.case_id);
  REQUIRE(declines.size() == 1);
  CHECK(declines[0].id == d.id);
  CHECK(declines[0].note == "ikke nå");
  CHECK(declines[0].name.empty());
}

TEST_CASE("DecisionStore keeps the decision replaced and AppealStore the steps of an appeal", "[store][team_slice]") {
  unit::CaseFixture f;
  DecisionStore decisions(f.db);
  AppealStore appeals(f.db);
  CHECK_FALSE(decisions.in_force(f.case_id));
  std::int64_t decision_id = 0;
  f.sql([&] {
    decision_id = decisions.add(f.case_id, {0, DecisionOutcome::refused, "no need", "2026-03-05", "tester", "2026-04-02", "Brev 1"});
  });
  auto d = decisions.in_force(f.case_id);
  REQUIRE(d);
  CHECK(d->id == decision_id);
  CHECK(d->grounds == "no need");
  CHECK_FALSE(decisions.granted(f.case_id));

  Appeal a;
  a.received_on = "2026-03-20";
  a.from = "person";
  a.deadline = "2026-04-02";
  a.decision_outcome = DecisionOutcome::refused;
  a.registered_by = "tester";
  std::int64_t appeal_id = 0;
  f.sql([&] { appeal_id = appeals.add(f.case_id, decision_id, a, "2026-03-21"); });
  auto open = appeals.open(f.case_id);
  REQUIRE(open);
  CHECK(open->id == appeal_id);
  CHECK(open->status == AppealStatus::received);
  CHECK(open->status_on == "2026-03-20");
  CHECK(appeals.received_on(appeal_id) == "2026-03-20");

  f.sql([&] {
    appeals.add_step(appeal_id, {AppealStepKind::review, AppealStepResult::reverse, "2026-03-25", "tester", "new facts"}, AppealStatus::reversed);
    decisions.replace(decision_id, appeal_id, "2026-03-25", "tester", {0, DecisionOutcome::granted, "", "2026-03-25", "tester", "2026-04-22", "Brev 2"});
  });
  CHECK_FALSE(appeals.open(f.case_id));
  const auto list = appeals.list(f.case_id);
  REQUIRE(list.size() == 1);
  CHECK(list[0].case_number == "2026/1");
  CHECK(list[0].status == AppealStatus::reversed);
  CHECK(list[0].name.empty());
  REQUIRE(list[0].steps.size() == 1);
  CHECK(list[0].steps[0].grounds == "new facts");
  d = decisions.in_force(f.case_id);
  CHECK(d->outcome == DecisionOutcome::granted);
  CHECK(d->grounds.empty());
  CHECK(d->letter == "Brev 2");
  CHECK(decisions.granted(f.case_id));
  SQLite::Statement h(f.db.sql(), "SELECT outcome, letter, appeal_id FROM decision_history WHERE decision_id = ?");
  h.bind(1, decision_id);
  REQUIRE(h.executeStep());
  CHECK(h.getColumn(0).getString() == "refused");
  CHECK(h.getColumn(1).getString() == "Brev 1");
  CHECK(h.getColumn(2).getInt64() == appeal_id);
}

TEST_CASE("ApprovalStore keeps only the newest pending approval of a kind", "[store][team_slice]") {
  unit::CaseFixture f;
  ApprovalStore store(f.db);
  f.sql([&] {
    store.request(f.case_id, ApprovalWhat::plan, 1, "2026-03-10", "ane");
    store.request(f.case_id, ApprovalWhat::plan, 2, "2026-03-10", "ane");
  });
  auto p = store.pending(f.case_id, ApprovalWhat::plan);
  REQUIRE(p);
  CHECK(p->ref == 2);
  CHECK(p->status == ApprovalStatus::pending);
  CHECK_FALSE(store.pending(f.case_id, ApprovalWhat::closing));
  p->status = ApprovalStatus::approved;
  p->decided_on = "2026-03-11";
  p->decided_by = "leder";
  f.sql([&] { store.decide(f.case_id, *p); });
  CHECK_FALSE(store.pending(f.case_id, ApprovalWhat::plan));
  const auto all = store.list(f.case_id);
  REQUIRE(all.size() == 1);
  CHECK(all[0].status == ApprovalStatus::approved);
  CHECK(all[0].reason.empty());
}

TEST_CASE("ClosingStore finds the closing the case is closed by", "[store][team_slice]") {
  unit::CaseFixture f;
  ClosingStore store(f.db);
  CaseStore cases(f.db);
  CHECK_FALSE(store.current(f.case_id));
  std::int64_t id = 0;
  f.sql([&] {
    cases.close(f.case_id, "2026-03-10", "moved");
    id = store.add(f.case_id, {0, "moved", CaseStatus::received, "", "", "2026-03-10", "tester", std::nullopt, std::nullopt});
  });
  auto c = store.current(f.case_id);
  REQUIRE(c);
  CHECK(c->id == id);
  CHECK(c->stage == CaseStatus::received);
  CHECK_FALSE(c->team_status);
  CHECK_FALSE(c->plan_status);
  CHECK_FALSE(store.transferred_to(f.case_id));
  CHECK_FALSE(store.other_open_case(1, f.case_id));
  CHECK_FALSE(PlanStore(f.db).open_status_of_case(f.case_id));
  f.sql([&] {
    store.mark_reopened(id, "2026-03-12", "tester", "by mistake");
    cases.reopen(f.case_id, CaseStatus::received);
  });
  CHECK_FALSE(store.current(f.case_id));
  CHECK(f.case_status() == "received");
}

TEST_CASE("a stored status or kind of no known value is a storage error, not a value", "[store][team_slice][bad_value]") {
  unit::CaseFixture f;
  f.sql([&] {
    f.db.sql().exec("INSERT INTO team (case_id, status, created_on, created_by) VALUES (1, 'active', '2026-03-10', 'tester')");
    f.db.sql().exec(
        "INSERT INTO team_member (team_id, name, role, kind, added_on) VALUES (1, 'Ane Lie', 'koordinator', 'coordinator', "
        "'2026-03-10')");
    f.db.sql().exec(
        "INSERT INTO appeal (case_id, decision_id, received_on, appellant, deadline, late, decision_outcome, status, status_on, "
        "registered_on, registered_by) VALUES (1, 1, '2026-03-20', 'person', '2026-04-02', 0, 'refused', 'received', "
        "'2026-03-20', '2026-03-21', 'tester')");
    f.db.sql().exec(
        "INSERT INTO approval (case_id, what, ref, requested_on, requested_by) VALUES (1, 'plan', 1, '2026-03-10', 'ane')");
    f.db.sql().exec("UPDATE case_file SET status = 'closed', closed_on = '2026-03-10', close_reason = 'moved' WHERE id = 1");
    f.db.sql().exec(
        "INSERT INTO case_closing (case_id, reason, stage, closed_on, closed_by, team_status) VALUES (1, 'moved', 'received', "
        "'2026-03-10', 'tester', 'active')");
  });
  // Every value as stored reads.
  REQUIRE(CaseStore(f.db).find(CaseNumber(2026, 1)));
  REQUIRE(TeamStore(f.db).find(f.case_id));
  REQUIRE(ClosingStore(f.db).current(f.case_id));
  REQUIRE(AppealStore(f.db).list(f.case_id).size() == 1);
  REQUIRE(ApprovalStore(f.db).list(f.case_id).size() == 1);

  // A text no version of oppteam wrote (past the schema's CHECK) is refused where it is read.
  f.db.sql().exec("PRAGMA ignore_check_constraints = ON");
  const std::string bad = "store.bad_value";
  SECTION("case_file.status") {
    f.db.sql().exec("UPDATE case_file SET status = 'open'");
    CHECK(unit::key_of([&] { CaseStore(f.db).find(CaseNumber(2026, 1)); }) == bad);
    CHECK(unit::key_of([&] { TeamStore(f.db).find(f.case_id); }) == bad);
  }
  SECTION("team.status") {
    f.db.sql().exec("UPDATE team SET status = 'stopped'");
    CHECK(unit::key_of([&] { TeamStore(f.db).find(f.case_id); }) == bad);
    CHECK(unit::key_of([&] { TeamStore(f.db).status_of(f.case_id); }) == bad);
  }
  SECTION("team_member.kind") {
    f.db.sql().exec("UPDATE team_member SET kind = 'leader'");
    CHECK(unit::key_of([&] { TeamStore(f.db).find(f.case_id); }) == bad);
  }
  SECTION("decision.outcome") {
    f.db.sql().exec("INSERT INTO decision (case_id, outcome, decided_on, decided_by, appeal_deadline, letter) VALUES (1, 'granted', "
                    "'2026-03-10', 'tester', '2026-04-02', 'Brev')");
    REQUIRE(DecisionStore(f.db).in_force(f.case_id));
    f.db.sql().exec("UPDATE decision SET outcome = 'maybe'");
    CHECK(unit::key_of([&] { DecisionStore(f.db).in_force(f.case_id); }) == bad);
  }
  SECTION("decision.outcome and decision_history.outcome as archive export reads them") {
    f.db.sql().exec("INSERT INTO decision (case_id, outcome, decided_on, decided_by, appeal_deadline, letter) VALUES (1, 'granted', "
                    "'2026-03-10', 'tester', '2026-04-02', 'Brev')");
    f.db.sql().exec(
        "INSERT INTO decision_history (case_id, decision_id, outcome, decided_on, decided_by, appeal_deadline, letter, replaced_on, "
        "replaced_by) VALUES (1, 1, 'refused', '2026-03-01', 'tester', '2026-03-22', 'Brev 0', '2026-03-10', 'tester')");
    ArchiveStore archive(f.db);
    REQUIRE(archive.decision(f.case_id));
    CHECK(archive.decision(f.case_id)->outcome == DecisionOutcome::granted);
    REQUIRE(archive.replaced_decisions(f.case_id).size() == 1);
    CHECK(archive.replaced_decisions(f.case_id)[0].outcome == DecisionOutcome::refused);
    f.db.sql().exec("UPDATE decision SET outcome = 'maybe'");
    CHECK(unit::key_of([&] { archive.decision(f.case_id); }) == bad);
    f.db.sql().exec("UPDATE decision_history SET outcome = ''");
    CHECK(unit::key_of([&] { archive.replaced_decisions(f.case_id); }) == bad);
  }
  SECTION("appeal.decision_outcome") {
    f.db.sql().exec("UPDATE appeal SET decision_outcome = 'partly'");
    CHECK(unit::key_of([&] { AppealStore(f.db).list(f.case_id); }) == bad);
  }
  SECTION("appeal_step.step") {
    f.db.sql().exec(
        "INSERT INTO appeal_step (appeal_id, step, result, step_on, recorded_by) VALUES (1, 'review', 'uphold', '2026-03-25', 'tester')");
    REQUIRE(AppealStore(f.db).list(f.case_id).at(0).steps.size() == 1);
    f.db.sql().exec("UPDATE appeal_step SET step = 'appeal'");
    CHECK(unit::key_of([&] { AppealStore(f.db).list(f.case_id); }) == bad);
  }
  SECTION("appeal_step.result") {
    f.db.sql().exec(
        "INSERT INTO appeal_step (appeal_id, step, result, step_on, recorded_by) VALUES (1, 'review', 'uphold', '2026-03-25', 'tester'), "
        "(1, 'forward', NULL, '2026-03-26', 'tester')");
    const auto steps = AppealStore(f.db).list(f.case_id).at(0).steps;
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].result == AppealStepResult::uphold);
    CHECK(steps[1].result == AppealStepResult::none);
    f.db.sql().exec("UPDATE appeal_step SET result = 'overturned' WHERE step = 'review'");
    CHECK(unit::key_of([&] { AppealStore(f.db).list(f.case_id); }) == bad);
  }
  SECTION("appeal.status") {
    f.db.sql().exec("UPDATE appeal SET status = 'pending'");
    CHECK(unit::key_of([&] { AppealStore(f.db).list(f.case_id); }) == bad);
  }
  SECTION("approval.what") {
    f.db.sql().exec("UPDATE approval SET what = 'meeting'");
    CHECK(unit::key_of([&] { ApprovalStore(f.db).list(f.case_id); }) == bad);
  }
  SECTION("approval.status") {
    f.db.sql().exec("UPDATE approval SET status = 'maybe'");
    CHECK(unit::key_of([&] { ApprovalStore(f.db).list(f.case_id); }) == bad);
  }
  SECTION("person.kind") {
    REQUIRE(PersonStore(f.db).find("23923901213"));
    f.db.sql().exec("UPDATE person SET kind = 'fnr'");
    CHECK(unit::key_of([&] { PersonStore(f.db).find("23923901213"); }) == bad);
  }
  SECTION("person_guardian.kind") {
    f.db.sql().exec(
        "INSERT INTO person_guardian (person_id, kind, name, added_on, added_by) VALUES (1, 'verge', 'Ola Verge', '2026-03-10', 'tester')");
    REQUIRE(PersonStore(f.db).guardians(1).size() == 1);
    f.db.sql().exec("UPDATE person_guardian SET kind = 'parent'");
    CHECK(unit::key_of([&] { PersonStore(f.db).guardians(1); }) == bad);
  }
  SECTION("case_closing.stage and team_status") {
    f.db.sql().exec("UPDATE case_closing SET stage = 'closed '");
    CHECK(unit::key_of([&] { ClosingStore(f.db).current(f.case_id); }) == bad);
    f.db.sql().exec("UPDATE case_closing SET stage = 'received', team_status = 'stopped'");
    CHECK(unit::key_of([&] { ClosingStore(f.db).current(f.case_id); }) == bad);
  }
}
