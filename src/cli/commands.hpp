#pragma once
// One setup function per subcommand (one file each, src/cli/cmd_*.cpp): it
// declares the subcommand's options on `app` and a callback that calls the
// library and prints through the Session.

#include "cli/options.hpp"
#include "cli/session.hpp"

#include <oppteam/domain/case_number.hpp>

#include <CLI/CLI.hpp>

namespace oppteam::cli {

// A case number as typed, in the form it is stored and shown (YYYY/N): for
// what a command prints once the operation, which checked it, is done.
inline std::string case_label(std::string_view typed) { return CaseNumber::parse(typed).str(); }

void setup_init(CLI::App& app, Session& s);
void setup_config(CLI::App& app, Session& s);
void setup_audit(CLI::App& app, Session& s);
// Intake (issue 3): refer add|import, consent, decide, case show|list.
void setup_refer(CLI::App& app, Session& s);
void setup_consent(CLI::App& app, Session& s);
void setup_decide(CLI::App& app, Session& s);
void setup_case(CLI::App& app, Session& s);
// Appeals (klage, issue 14): appeal register|review|forward|outcome.
void setup_appeal(CLI::App& app, Session& s);
// Assessment and team (issue 4).
void setup_assess(CLI::App& app, Session& s);
void setup_team(CLI::App& app, Session& s);
// Plan, evaluation, reminders (issue 5).
void setup_plan(CLI::App& app, Session& s);
void setup_evaluate(CLI::App& app, Session& s);
void setup_remind(CLI::App& app, Session& s);
// Reports, right of access, FHIR export, retention (issue 6).
void setup_report(CLI::App& app, Session& s);
void setup_person(CLI::App& app, Session& s);
void setup_purge(CLI::App& app, Session& s);
// Adds "export" under the "case" subcommand (which setup_case creates when
// it does not exist yet).
void setup_case_export(CLI::App& case_cmd, Session& s);
void setup_case_transfer(CLI::App& case_cmd, Session& s);  // case transfer (cmd_transfer.cpp)
void setup_case_receive(CLI::App& case_cmd, Session& s);   // case receive (cmd_transfer.cpp)
// Adds close and reopen (and assign, target-group) under "case" (issue 14).
void setup_case_paths(CLI::App& case_cmd, Session& s);
// Adds goal-status under "plan" (issue 14).
void setup_plan_goals(CLI::App& plan_cmd, Session& s);
// Adds person correct, refer correct, plan correct and case void (issue 14).
void setup_corrections(CLI::App& app, Session& s);
// Backup, restore and the health check (issue 20): backup, restore, check.
void setup_backup(CLI::App& app, Session& s);
// Documents that leave the house (issue 19): archive export (Noark 5).
void setup_archive(CLI::App& app, Session& s);
// The team at work (issue 15): meeting, log (and team review, approve).
void setup_meeting(CLI::App& app, Session& s);
void setup_log(CLI::App& app, Session& s);
void setup_approve(CLI::App& app, Session& s);
// Adds "review" under the "team" subcommand.
void setup_team_review(CLI::App& team_cmd, Session& s);
// The hidden "complete" subcommand behind the bash completion (issue 8).
void setup_complete(CLI::App& app, Session& s);

// The subcommand of `app` called `name` (parsed or not), or nullptr.
CLI::App* subcommand_named(CLI::App* app, std::string_view name);
// The names of `app`'s subcommands that are not hidden, in declaration order.
std::vector<std::string> visible_subcommands(CLI::App* app);

}  // namespace oppteam::cli
