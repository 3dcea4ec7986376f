// The audit details of the plan area (plan, evaluation, meetings) written
// through the one table of forms: the stored text stays byte for byte what
// the older format strings wrote, and entries written before read back as
// messages.

#include "unit/audit_details.hpp"

#include <oppteam/audit/audit_detail.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace oppteam;

namespace {

// `key` with `values` is stored as `stored`, and `stored` reads back as `key` with the same values.
void check_form(const std::string& action, const std::string& key, const std::vector<std::string>& values, const std::string& stored) {
  const unit::StoredDetail d{action, key, values, stored};
  unit::check_written_as_stored(d);
  unit::check_reads_back(d);
}

}  // namespace

TEST_CASE("a meeting held is stored as before with and without minutes and reads back as a message", "[plan][audit]") {
  check_form("meeting.add", "audit.d.meeting_added", {"1", "ansvarsgruppemote", "2026-04-01", "2"},
             "meeting 1 ansvarsgruppemote on 2026-04-01, 2 participants");
  check_form("meeting.add", "audit.d.meeting_added_minutes", {"3", "evalueringsmote", "2026-05-02", "0"},
             "meeting 3 evalueringsmote on 2026-05-02, 0 participants, minutes");
  CHECK(read_audit_detail("meeting.add", "meeting 3 evalueringsmote on 2026-05-02, 0 participants, minutes")->args[2].kind == "date");
}

TEST_CASE("the fields set on a plan are stored as before and read back as a message", "[plan][audit]") {
  check_form("plan.set", "audit.d.plan_fields", {"resources, needs, period_to"}, "resources, needs, period_to");
}

TEST_CASE("the other plan, evaluation and meeting details keep their stored forms", "[plan][audit]") {
  check_form("plan.goal", "audit.d.goal", {"2"}, "goal 2");
  check_form("plan.measure", "audit.d.measure", {"4"}, "measure 4");
  check_form("plan.status", "audit.d.measure_status", {"4", "done"}, "measure 4 done");
  check_form("plan.goal_status", "audit.d.goal_status", {"1", "active"}, "goal 1 active");
  check_form("plan.kind", "audit.d.plan_kind", {"ip"}, "ip");
  check_form("plan.show", "audit.d.revision", {"7"}, "revision 7");
  check_form("plan.history", "audit.d.revisions", {"7"}, "7 revisions");
  check_form("correct.goal", "audit.d.goal_text", {"1"}, "goal 1: text");
  check_form("correct.measure", "audit.d.measure", {"2"}, "measure 2");
  check_form("evaluate", "audit.d.decision", {"revise"}, "revise");
  check_form("case.close", "audit.d.closed_by_evaluation", {}, "closed by evaluation");
  check_form("meeting.next", "audit.d.meeting_next", {"2", "evalueringsmote", "2026-06-10"}, "meeting 2 evalueringsmote planned for 2026-06-10");
  check_form("meeting.minutes", "audit.d.minutes", {"2"}, "meeting 2 minutes");
  check_form("meeting.minutes", "audit.d.minutes_replaced", {"2"}, "meeting 2 minutes replaced");
  check_form("meeting.action", "audit.d.action", {"3", "1"}, "action 3 of meeting 1");
  check_form("meeting.action", "audit.d.action_measure", {"3", "1", "5"}, "action 3 of meeting 1, measure 5");
  check_form("meeting.done", "audit.d.action_done", {"3"}, "action 3 done");
  check_form("meeting.show", "audit.d.meeting", {"1"}, "meeting 1");
}
