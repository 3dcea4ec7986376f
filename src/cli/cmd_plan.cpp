// oppteam plan goal|measure|status|participated|set|kind|show|history

#include "cli/commands.hpp"
#include "cli/prompt.hpp"
#include "cli/pdf_option.hpp"

#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/evaluation.hpp>
#include <oppteam/process/plan.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/views/plan_view.hpp>

#include <fmt/format.h>

#include <iostream>

namespace oppteam::cli {

namespace {

std::string label(Session& s, const std::string& prefix, const std::string& id) {
  const std::string key = prefix + id;
  return has_message(key) ? s.text(key) : id;
}

// `doc` (the JSON of `plan show`) with which revision is the latest and, for
// an old revision, what replaced it (null for the revision in force).
nlohmann::json with_revision_state(nlohmann::json doc, const Plan& p) {
  doc["latest_revision"] = p.replaced ? p.replaced->latest : p.revision;
  doc["replaced_by"] = nullptr;
  if (const auto& r = p.replaced)
    doc["replaced_by"] = {{"revision", r->by}, {"at", r->at.empty() ? nlohmann::json(nullptr) : nlohmann::json(r->at)}};
  return doc;
}

}  // namespace

void setup_plan(CLI::App& app, Session& s) {
  auto* cmd = add_command_group(
      &app, "plan", "The follow-up plan or individual plan: goals, measures, participation, revisions",
      {"oppteam --db k.db plan goal 2026/1 --text \"Bo trygt heime\"", "oppteam --db k.db plan show 2026/1"});

  // plan goal
  struct GoalOptions {
    std::string case_number, text;
    std::optional<int> from_what_matters, parent;
  };
  auto [goal, go] = add_case_subcommand<GoalOptions>(
      cmd, "goal", "Add a goal (or, with --parent, a delmål) in the person's own words; prints its number");
  auto* text_opt = goal->add_option("--text", go->text, "the goal, in the person's own words");
  goal->add_option("--from-what-matters", go->from_what_matters,
                   "take the Nth answer to \"what matters to you?\" of the case's assessments (1-based)")
      ->excludes(text_opt);
  goal->add_option("--parent", go->parent, "make it a delmål of goal N");
  examples(goal, {"oppteam --db k.db plan goal 2026/1 --text \"Bo trygt heime\"",
                  "oppteam --db k.db plan goal 2026/1 --from-what-matters 1",
                  "oppteam --db k.db plan goal 2026/1 --parent 1 --text \"Klare trappa selv\""});
  goal->callback([&s, go] {
    auto& ctx = s.ctx();
    std::string text;
    if (!go->from_what_matters) text = given_or_ask(s, go->text, "--text", s.text("plan.prompt.goal"));
    const int n = add_goal(ctx, go->case_number, text, go->from_what_matters, go->parent);
    s.say("plan.goal_added", n, case_label(go->case_number));
    s.emit({{"case", case_label(go->case_number)}, {"goal", n}}, std::to_string(n));
  });

  // plan measure
  struct MeasureOptions {
    std::string case_number, due;
    MeasureInput in;  // the options fill it; --text, --responsible and --due are asked for when missing
  };
  auto [measure, mo] = add_case_subcommand<MeasureOptions>(
      cmd, "measure", "Add a measure (tiltak) under a goal, with one responsible team member; prints its number");
  measure->add_option("--goal", mo->in.goal, "the goal number it serves")->required();
  measure->add_option("--text", mo->in.text, "what is to be done");
  measure->add_option("--responsible", mo->in.responsible, "the team member responsible (must be in the team)");
  measure->add_option("--due", mo->due, "due date YYYY-MM-DD (for a recurring measure: the first time)");
  measure->add_option("--every", mo->in.every_days, "recurring: every DAYS days");
  measure->add_option("--scope", mo->in.scope, "its scope (omfang), e.g. \"2 timer per uke\"");
  measure->add_option("--how", mo->in.how, "how it is carried out");
  examples(measure, {"oppteam --db k.db plan measure 2026/1 --goal 1 --text \"Ukentlig besøk\" --responsible \"Siri Moe\" --due 2026-05-01",
                     "oppteam --db k.db plan measure 2026/1 --goal 1 --text \"Ukentlig besøk\" --responsible \"Siri Moe\" --due 2026-05-01 --every 7 --scope \"1 time\""});
  measure->callback([&s, mo] {
    auto& ctx = s.ctx();
    MeasureInput& in = mo->in;
    in.text = given_or_ask(s, in.text, "--text", s.text("plan.prompt.measure"));
    in.responsible = given_or_ask(s, in.responsible, "--responsible", s.text("plan.prompt.responsible"));
    in.due = user_date(s, given_or_ask(s, mo->due, "--due", s.text("plan.prompt.due")), "--due");
    const int n = add_measure(ctx, mo->case_number, in);
    s.say("plan.measure_added", n, case_label(mo->case_number));
    s.emit({{"case", case_label(mo->case_number)}, {"measure", n}}, std::to_string(n));
  });

  // plan status
  struct StatusOptions {
    std::string case_number, status;
    int measure = 0;
  };
  auto [status, so] = add_case_subcommand<StatusOptions>(
      cmd, "status", "Mark a measure started, done or cancelled (a recurring one marked done moves to its next date)");
  status->add_option("--measure", so->measure, "the measure number")->required();
  status->add_option("STATUS", so->status, "planned | started | done | cancelled")
      ->required()
      ->check(CLI::IsMember({"planned", "started", "done", "cancelled"}));
  examples(status, {"oppteam --db k.db plan status 2026/1 --measure 1 done"});
  status->callback([&s, so] {
    auto& ctx = s.ctx();
    const Measure m = set_measure_status(ctx, so->case_number, so->measure, so->status);
    nlohmann::json doc = {{"case", case_label(so->case_number)}, {"measure", m.number}, {"status", std::string(to_stored(m.status))}, {"due", m.due_on}};
    std::string text = s.text("plan.status_set", m.number, case_label(so->case_number), label(s, "plan.mstatus.", std::string(to_stored(m.status))));
    if (m.every_days && so->status == "done") text = s.text("plan.status_next", m.number, case_label(so->case_number), long_date(m.due_on, ctx.lang));
    s.emit(doc, text);
  });

  // plan participated
  struct PartOptions {
    std::string case_number, how;
  };
  auto [part, po] = add_case_subcommand<PartOptions>(
      cmd, "participated", "Record how the person took part in making the plan (required before the first evaluation)");
  part->add_option("--how", po->how, "how the person took part, e.g. \"Planmøte heime med datter til stede\"");
  examples(part, {"oppteam --db k.db plan participated 2026/1 --how \"Planmøte heime 12. mai, med datter\""});
  part->callback([&s, po] {
    auto& ctx = s.ctx();
    record_participation(ctx, po->case_number, given_or_ask(s, po->how, "--how", s.text("plan.prompt.how")));
    s.emit({{"case", case_label(po->case_number)}, {"participated", true}}, s.text("plan.participated", case_label(po->case_number)));
  });

  // plan set
  struct SetOptions {
    std::string case_number;
    std::optional<std::string> resources, needs, contributions, from, to;
  };
  auto [set, se] = add_case_subcommand<SetOptions>(
      cmd, "set", "Record the plan's § 19 content: own resources, needs, contributions, plan period");
  set->add_option("--resources", se->resources, "the person's own resources");
  set->add_option("--needs", se->needs, "the person's needs for services");
  set->add_option("--contributions", se->contributions, "what the person and next of kin (and services) contribute");
  set->add_option("--period-from", se->from, "the plan period's first day (default: the day the plan was made)");
  set->add_option("--period-to", se->to, "the plan period's last day");
  examples(set, {"oppteam --db k.db plan set 2026/1 --resources \"Gode naboer, liker å gå tur\" --needs \"Hjelp med medisiner\" "
                 "--contributions \"Datteren handler hver fredag\" --period-to 2027-05-01"});
  set->callback([&s, se] {
    auto& ctx = s.ctx();
    PlanFields f;
    f.resources = se->resources;
    f.needs = se->needs;
    f.contributions = se->contributions;
    if (se->from) f.period_from = user_date(s, *se->from, "--period-from");
    if (se->to) f.period_to = user_date(s, *se->to, "--period-to");
    set_plan_fields(ctx, se->case_number, f);
    s.emit({{"case", case_label(se->case_number)}, {"updated", true}}, s.text("plan.updated", case_label(se->case_number)));
  });

  // plan kind
  struct KindOptions {
    std::string case_number, kind;
  };
  auto [kind, ko] = add_case_subcommand<KindOptions>(
      cmd, "kind", "Make the plan an individual plan (needs consent with scope ip) or a follow-up plan");
  kind->add_option("KIND", ko->kind, "ip | oppfolgingsplan")->required()->check(CLI::IsMember({"ip", "oppfolgingsplan"}));
  examples(kind, {"oppteam --db k.db plan kind 2026/1 ip"});
  kind->callback([&s, ko] {
    auto& ctx = s.ctx();
    set_plan_kind(ctx, ko->case_number, ko->kind);
    s.emit({{"case", case_label(ko->case_number)}, {"kind", ko->kind}}, s.text("plan.kind_set", case_label(ko->case_number), label(s, "choice.plan_kind.", ko->kind)));
  });

  // plan show
  struct ShowOptions {
    std::string case_number;
    std::optional<int> revision;
    bool document = false, html = false;
    PdfOption pdf;
  };
  auto [show, sh] = add_case_subcommand<ShowOptions>(
      cmd, "show", "Show the plan (or an old revision); --document prints the person's own plan document");
  show->add_option("--revision", sh->revision, "show revision R as it was");
  auto* doc_flag = show->add_flag("--document", sh->document, "the person's plan document (what § 19 asks), in the rammeverk's language");
  auto* html_flag = show->add_flag("--html", sh->html, "with --document: a self-contained HTML page that prints well")->needs(doc_flag);
  add_pdf_option(show, sh->pdf)->needs(doc_flag)->excludes(html_flag);
  examples(show, {"oppteam --db k.db plan show 2026/1", "oppteam --db k.db plan show 2026/1 --revision 2",
                  "oppteam --db k.db plan show 2026/1 --document --html > plan.html",
                  "oppteam --db k.db plan show 2026/1 --document --pdf plan.pdf"});
  show->callback([&s, sh] {
    check_pdf_target(s, sh->pdf);
    auto& ctx = s.ctx();
    const Plan p = show_plan(ctx, sh->case_number, sh->revision);
    if (sh->document) {
      // The person's document is in the rammeverk's language unless --lang says otherwise.
      const std::string doc = sh->html ? plan_document_html(ctx, p) : plan_document_text(ctx, p);
      if (sh->pdf.wanted()) {
        emit_pdf(s, sh->pdf, documents::text_pdf(ctx.rv, ctx.lang, p.case_number, p.case_number, doc), s.text("pdf.kind.plan", p.case_number),
                 with_revision_state({{"case", p.case_number}, {"revision", p.revision}, {"format", "pdf"}}, p));
        return;
      }
      s.emit(with_revision_state({{"case", p.case_number}, {"revision", p.revision}, {"format", sh->html ? "html" : "text"}, {"document", doc}}, p),
             doc);
      return;
    }
    std::vector<Evaluation> evaluations;
    if (!sh->revision) evaluations = list_evaluations(ctx.db, p.case_id);
    nlohmann::json j = with_revision_state(to_json(p), p);
    if (!sh->revision) {
      j["evaluations"] = nlohmann::json::array();
      for (const auto& e : evaluations) j["evaluations"].push_back(to_json(e));
    }
    s.emit(j, views::plan_screen(p, sh->revision ? nullptr : &evaluations, ctx.rv, ctx.today(), ctx.lang, s.style()));
  });

  // plan history
  add_case_command(
      cmd, "history", "List the plan's revisions: when, by whom, what changed",
      {"oppteam --db k.db plan history 2026/1", "oppteam --db k.db plan show 2026/1 --revision 3"},
      [&s](const std::string& number) {
        auto& ctx = s.ctx();
        const auto revs = plan_history(ctx, number);
        const nlohmann::json items = json_array(revs, [](const RevisionInfo& r) -> nlohmann::json {
          return {{"revision", r.revision}, {"at", r.created_at}, {"by", r.created_by}, {"change", r.change}};
        });
        s.emit({{"case", case_label(number)}, {"revisions", items}},
               views::plan_history_table(revs, ctx.lang, s.style()));
      });
}

}  // namespace oppteam::cli
