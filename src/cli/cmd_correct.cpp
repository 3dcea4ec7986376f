// Corrections without loss (issue 14): person correct, refer correct, plan
// correct, case void (a consent or an assessment). Each is added under the command of
// its area; the rules and the history are in process/correction.

#include "cli/commands.hpp"

#include <oppteam/process/access.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/process/plan.hpp>
#include <oppteam/util/dates.hpp>

namespace oppteam::cli {

namespace {

struct CorrectOptions {
  std::string target, reason, name;
  std::optional<std::int64_t> id, assessment;
  std::optional<std::string> need, received, reporter_type, reporter_name, text, responsible, due;
  std::optional<int> goal, measure;
};

// The output of every correction: the changes, before and after.
void emit_corrected(Session& s, const Corrected& r) {
  nlohmann::json changes = nlohmann::json::array();
  std::string fields;
  for (const auto& ch : r.changes) {
    changes.push_back({{"field", ch.field}, {"before", ch.before}, {"after", ch.after}});
    fields += (fields.empty() ? "" : ", ") + ch.field;
  }
  nlohmann::json doc = {{"object", r.object}, {"id", r.object_id}, {"changes", changes}};
  if (!r.case_number.empty()) doc["case"] = r.case_number;
  if (r.changes.size() == 1) {
    doc["before"] = r.changes[0].before;
    doc["after"] = r.changes[0].after;
  }
  s.emit(doc, s.text("correct.done", r.object, fields));
}

CLI::App* add(CLI::App& parent, const std::string& name, const std::string& help) {
  return parent.add_subcommand(name, help);
}

// Every correction says why; the reason is kept with the old value.
void add_reason(CLI::App* cmd, CorrectOptions& o) {
  cmd->add_option("--reason", o.reason, "why (required)")->required();
}

}  // namespace

void setup_corrections(CLI::App& app, Session& s) {
  if (CLI::App* person = subcommand_named(&app, "person")) {
    auto o = std::make_shared<CorrectOptions>();
    auto* cmd = add(*person, "correct", "Correct a person's name; the old name is kept as history (case show, person export)");
    cmd->add_option("FNR", o->target, "the person's number")->required();
    cmd->add_option("--name", o->name, "the right name")->required();
    add_reason(cmd, *o);
    examples(cmd, {"oppteam --db k.db person correct 23923901213 --name \"Per Hanssen\" --reason \"Feilstavet\""});
    cmd->callback([&s, o] {
      emit_corrected(s, correct_name(s.ctx(), o->target, o->name, o->reason));
    });
  }
  if (CLI::App* refer = subcommand_named(&app, "refer")) {
    auto o = std::make_shared<CorrectOptions>();
    auto* cmd = add(*refer, "correct", "Correct a referral's need, received date or reporter; the old value is kept");
    add_case(cmd, o->target);
    cmd->add_option("REFERRAL", o->id, "the referral's id (case show --json: referrals[].id)")->required();
    cmd->add_option("--need", o->need, "the right need");
    cmd->add_option("--received", o->received, "the right received date");
    cmd->add_option("--reporter-type", o->reporter_type, "the right reporter type");
    cmd->add_option("--reporter-name", o->reporter_name, "the right reporter's name");
    add_reason(cmd, *o);
    examples(cmd, {"oppteam --db k.db refer correct 2026/1 1 --received 2026-03-01 --reason \"Feil dato registrert\""});
    cmd->callback([&s, o] {
      Context& ctx = s.ctx();
      emit_corrected(s, correct_referral(ctx, o->target, *o->id, {o->need, o->received, o->reporter_type, o->reporter_name},
                                         o->reason));
    });
  }
  if (CLI::App* plan = subcommand_named(&app, "plan")) {
    auto o = std::make_shared<CorrectOptions>();
    auto* cmd = add(*plan, "correct", "Correct a goal's text, or a measure's text, responsible or due date; the old value is kept");
    add_case(cmd, o->target);
    auto* goal = cmd->add_option("--goal", o->goal, "the goal's number");
    auto* measure = cmd->add_option("--measure", o->measure, "the measure's number");
    goal->excludes(measure);
    cmd->add_option("--text", o->text, "the right text");
    cmd->add_option("--responsible", o->responsible, "the right responsible (with --measure)")->needs(measure);
    cmd->add_option("--due", o->due, "the right due date (with --measure)")->needs(measure);
    add_reason(cmd, *o);
    examples(cmd, {"oppteam --db k.db plan correct 2026/1 --goal 1 --text \"Bo trygt heime\" --reason Skrivefeil",
                   "oppteam --db k.db plan correct 2026/1 --measure 2 --responsible \"Ola Dahl\" --due 2026-05-01 --reason \"Ny ansvarlig\""});
    cmd->callback([&s, o] {
      Context& ctx = s.ctx();
      if (o->goal) {
        if (!o->text) throw make_error(ExitCode::usage, "error.missing_option", "--text");
        return emit_corrected(s, correct_goal(ctx, o->target, *o->goal, *o->text, o->reason));
      }
      if (!o->measure) throw make_error(ExitCode::usage, "error.missing_option", "--goal");
      MeasureFix fix{o->text, o->responsible, std::nullopt};
      if (o->due) fix.due = user_date(s, *o->due, "--due");
      emit_corrected(s, correct_measure(ctx, o->target, *o->measure, fix, o->reason));
    });
  }
  if (CLI::App* case_cmd = subcommand_named(&app, "case")) {
    auto o = std::make_shared<CorrectOptions>();
    auto* cmd = add(*case_cmd, "void", "Void a consent or an assessment entered in error: a consent never held, a decision no "
                                       "longer counts the assessment; both are kept, with the reason, in the case's history");
    add_case(cmd, o->target);
    auto* consent = cmd->add_option("--consent", o->id, "the consent's id (consent list)");
    auto* assessment = cmd->add_option("--assessment", o->assessment, "the assessment's id (case show --json: assessments[].id)");
    consent->excludes(assessment);
    add_reason(cmd, *o);
    examples(cmd, {"oppteam --db k.db case void 2026/1 --consent 3 --reason \"Registrert på feil sak\"",
                   "oppteam --db k.db case void 2026/1 --assessment 2 --reason \"Feil person kartlagt\""});
    cmd->callback([&s, o] {
      Context& ctx = s.ctx();
      if (o->id) {
        return emit_corrected(s, void_consent(ctx, o->target, *o->id, o->reason));
      }
      if (!o->assessment) throw make_error(ExitCode::usage, "error.missing_option", "--consent");
      emit_corrected(s, void_assessment(ctx, o->target, *o->assessment, o->reason));
    });
  }
}

}  // namespace oppteam::cli
