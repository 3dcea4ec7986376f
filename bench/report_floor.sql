-- The scan floor of `oppteam report` (issue 18): every column the report
-- needs, read once from every table it reads, with no grouping or joining.
-- No report can do less work than this; bench/report_bench.sh compares
-- the report with it.
SELECT count(*), max(status), max(opened_on), max(target_group), max(closed_on) FROM case_file;
SELECT count(*), max(case_id), max(reason), max(stage), max(reopened_on) FROM case_closing;
SELECT count(*), max(plan_id), max(goal_number), max(status), max(set_on) FROM goal_status;
SELECT count(*), max(case_id), max(reporter_type), max(received_on) FROM referral;
SELECT count(*), max(case_id) FROM preliminary_reply;
SELECT count(*), max(case_id), max(outcome), max(decided_on) FROM decision;
SELECT count(*), max(team_id), max(service), max(removed_on) FROM team_member;
SELECT count(*), max(case_id), max(created_on) FROM team;
SELECT count(*), max(plan_id), max(created_at) FROM plan_revision;
SELECT count(*), max(case_id), max(created_on) FROM plan;
SELECT count(*), max(case_id), max(decision), max(evaluated_on), max(goals) FROM evaluation;
SELECT count(*), max(evaluation_id), max(indicator), max(value) FROM indicator_value;
