// oppteam decide CASE --grant | --refuse --grounds TEXT | --preliminary-reply --expected-by DATE

#include "cli/commands.hpp"
#include "cli/pdf_option.hpp"

#include <oppteam/process/access.hpp>
#include <oppteam/process/decision.hpp>
#include <oppteam/process/target_group.hpp>
#include <oppteam/util/dates.hpp>

namespace oppteam::cli {

namespace {
struct DecideOptions {
  std::string case_number, grounds, date, expected_by, reason, target_group, signed_by;
  bool grant = false, refuse = false, preliminary = false;
  PdfOption pdf;
};
}  // namespace

void setup_decide(CLI::App& app, Session& s) {
  auto o = std::make_shared<DecideOptions>();
  auto* cmd = app.add_subcommand("decide", "Decide a case (vedtak): --grant, or --refuse with --grounds; prints the decision "
                                           "letter with the right to appeal. Or record a foreløpig svar.");
  add_case(cmd, o->case_number)->required(false);  // decide letter CASE names it there instead
  auto* grant = cmd->add_flag("--grant", o->grant, "grant: the person is offered a follow-up team");
  auto* refuse = cmd->add_flag("--refuse", o->refuse, "refuse (needs --grounds)");
  auto* prelim = cmd->add_flag("--preliminary-reply", o->preliminary,
                               "record a foreløpig svar (forvaltningsloven § 11 a) instead of a decision");
  cmd->add_option("--grounds", o->grounds, "the grounds (begrunnelse); required with --refuse");
  add_date(cmd, o->date, "decision date");
  cmd->add_option("--expected-by", o->expected_by, "with --preliminary-reply: when the decision is expected, YYYY-MM-DD");
  cmd->add_option("--reason", o->reason, "with --preliminary-reply: why the case takes longer");
  add_pdf_option(cmd, o->pdf);
  cmd->add_option("--signed-by", o->signed_by, "who signs the letter, \"Name, Title\" (default: full_name and title of "
                                               "your [[access.user]])");
  cmd->add_option("--target-group", o->target_group, "the case's target group (a [[target_group]] id or label)");
  grant->excludes(refuse);
  grant->excludes(prelim);
  refuse->excludes(prelim);
  examples(cmd, {"oppteam --db k.db decide 2026/1 --grant",
                 "oppteam --db k.db decide 2026/2 --refuse --grounds \"Behovet dekkes av hjemmetjenesten alene\"",
                 "oppteam --db k.db decide 2026/3 --preliminary-reply --expected-by 2026-05-15 --reason \"Venter på kartlegging\"",
                 "oppteam --db k.db decide 2026/1 --grant --pdf vedtak-2026-1.pdf"});
  auto [letter, l] =
      add_case_subcommand<DecideOptions>(cmd, "letter",
                                         "Print the letter of the case's decision in force again, as it was sent "
                                         "(an audited read)");
  add_pdf_option(letter, l->pdf);
  examples(letter, {"oppteam --db k.db decide letter 2026/1", "oppteam --db k.db decide letter 2026/1 --pdf vedtak-2026-1.pdf"});
  letter->callback([&s, l] {
    Context& ctx = s.ctx();
    check_pdf_target(s, l->pdf);
    const DecisionLetter r = decision_letter(ctx, l->case_number);
    nlohmann::json doc = {{"case", r.case_number}, {"outcome", std::string(to_stored(r.outcome))}, {"decided_on", r.decided_on}, {"letter", r.letter}};
    if (l->pdf.wanted()) {
      const Lang L = ctx.rv.municipality.language;  // the language the letter was written in
      emit_pdf(s, l->pdf, documents::letter_pdf(ctx.rv, L, r.case_number, r.letter), s.text("pdf.kind.decision", r.case_number), doc);
      return;
    }
    s.emit(doc, r.letter);
  });
  cmd->callback([&s, o, cmd] {
    if (cmd->got_subcommand("letter")) return;
    if (o->case_number.empty()) throw make_error(ExitCode::usage, "decide.choose_letter");
    check_pdf_target(s, o->pdf);  // before anything is decided
    if (o->preliminary) {
      if (o->expected_by.empty()) throw make_error(ExitCode::usage, "error.missing_option", "--expected-by");
      Context& ctx = s.ctx();
      const auto r = record_preliminary_reply(ctx, o->case_number, user_date(s, o->expected_by, "--expected-by"),
                                              o->reason, o->signed_by);
      nlohmann::json doc = {{"case", r.case_number}, {"preliminary_reply", {{"sent_on", r.sent_on}, {"expected_by", r.expected_by}}}, {"letter", r.letter}};
      if (o->pdf.wanted()) {
        const Lang L = ctx.rv.municipality.language;  // the language the letter was written in
        emit_pdf(s, o->pdf, documents::letter_pdf(ctx.rv, L, r.case_number, r.letter), s.text("pdf.kind.preliminary", r.case_number), doc);
        return;
      }
      s.emit(doc, r.letter);
      return;
    }
    if (!o->grant && !o->refuse) throw make_error(ExitCode::usage, "decide.choose");
    DecisionInput in;
    in.grant = o->grant;
    in.grounds = o->grounds;
    in.signed_by = o->signed_by;
    in.decided_on = user_date_if_given(s, o->date, "--date");
    if (o->refuse && o->grounds.empty()) throw make_error(ExitCode::usage, "decide.grounds_required");
    Context& ctx = s.ctx();
    const std::string target_group = o->target_group.empty() ? "" : check_target_group(ctx.rv, o->target_group);
    const auto r = decide_case(ctx, o->case_number, in);
    if (!target_group.empty()) set_target_group(ctx, r.case_number, target_group, "decide");
    const std::string outcome(to_stored(r.outcome));
    nlohmann::json doc = {{"case", r.case_number}, {"outcome", outcome}, {"status", outcome}, {"decided_on", r.decided_on},
                          {"appeal_deadline", r.appeal_deadline}, {"letter", r.letter}};
    if (o->pdf.wanted()) {
      const Lang L = ctx.rv.municipality.language;  // the language the letter was written in
      emit_pdf(s, o->pdf, documents::letter_pdf(ctx.rv, L, r.case_number, r.letter), s.text("pdf.kind.decision", r.case_number), doc);
      return;
    }
    s.emit(doc, r.letter);
  });
}

}  // namespace oppteam::cli
