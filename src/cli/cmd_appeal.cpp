// oppteam appeal register | review | forward | outcome   (issue 14, point 3: klage)

#include "cli/commands.hpp"
#include "cli/pdf_option.hpp"

#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/appeal.hpp>
#include <oppteam/views/appeal_view.hpp>

namespace oppteam::cli {

namespace {

struct AppealOptions {
  std::string case_number, received, from, name, grounds, date, signed_by;
  bool reverse = false, uphold = false, upheld = false, reversed = false, returned = false;
  PdfOption pdf;
};

// The JSON output of every appeal command: the case and its appeal.
nlohmann::json appeal_json(const Appeal& a) { return {{"case", a.case_number}, {"appeal", to_json(a)}}; }

// The output of review and outcome: the appeal, and a new decision's letter when it reversed.
void emit_reviewed(Session& s, const AppealOptions& o, const AppealReviewed& r) {
  nlohmann::json doc = appeal_json(r.appeal);
  std::string text = render_appeal_state(r.appeal, s.lang());
  if (r.new_outcome) {
    doc["decision"] = {{"outcome", std::string(to_stored(*r.new_outcome))}, {"letter", r.letter}};
    text += "\n\n" + r.letter;
    if (o.pdf.wanted()) {
      Context& ctx = s.ctx();
      emit_pdf(s, o.pdf, documents::letter_pdf(ctx.rv, ctx.rv.municipality.language, r.appeal.case_number, r.letter),
               s.text("pdf.kind.decision", r.appeal.case_number), doc);
      return;
    }
  }
  s.emit(doc, text);
}

}  // namespace

void setup_appeal(CLI::App& app, Session& s) {
  auto* cmd = add_command_group(&app, "appeal",
                                "Appeals (klage) against a decision: register, review, forward to "
                                "statsforvalteren, record the outcome",
                                {"oppteam --db k.db appeal register 2026/2 --received 2026-04-20 --from person",
                                 "oppteam --db k.db appeal review 2026/2 --uphold --grounds \"Ingen nye opplysninger\"",
                                 "oppteam --db k.db appeal forward 2026/2",
                                 "oppteam --db k.db appeal outcome 2026/2 --upheld --date 2026-07-01"});

  auto [reg, r] =
      add_case_subcommand<AppealOptions>(cmd, "register",
                                         "Register an appeal against the case's decision; flagged late after the "
                                         "appeal deadline, and registered all the same (forvaltningsloven § 31)");
  reg->add_option("--received", r->received, "the date the appeal was received (2026-03-02, 2.3.2026, i dag)")->required();
  reg->add_option("--from", r->from, "who appeals: person, foresatt or verge")
      ->required()
      ->check(CLI::IsMember({"person", "foresatt", "verge"}));
  reg->add_option("--name", r->name, "the name of who appeals (required for foresatt and verge)");
  examples(reg, {"oppteam --db k.db appeal register 2026/2 --received 2026-04-20 --from person",
                 "oppteam --db k.db appeal register 2026/3 --received i dag --from foresatt --name \"Kari Hansen\""});
  reg->callback([&s, r] {
    Context& ctx = s.ctx();
    const Appeal a = register_appeal(ctx, r->case_number, {user_date(s, r->received, "--received"), r->from, r->name});
    s.emit(appeal_json(a), render_appeal_state(a, s.lang()));
  });

  auto [review, v] =
      add_case_subcommand<AppealOptions>(cmd, "review",
                                         "The municipality's review of the appeal: --reverse makes a new decision and "
                                         "letter, --uphold sends it on to statsforvalteren (appeal forward)");
  auto* rev = review->add_flag("--reverse", v->reverse, "reverse the decision (omgjøring): a new decision, the other outcome");
  auto* up = review->add_flag("--uphold", v->uphold, "uphold the decision: the appeal goes to statsforvalteren");
  rev->excludes(up);
  review->add_option("--grounds", v->grounds, "the grounds of the review (required)")->required();
  review->add_option("--signed-by", v->signed_by, "who signs the new letter of a reversal, \"Name, Title\" (default: full_name and "
                                                   "title of the acting user in [[access.user]])");
  add_pdf_option(review, v->pdf);
  examples(review, {"oppteam --db k.db appeal review 2026/2 --reverse --grounds \"Ny legeerklæring viser behov\"",
                    "oppteam --db k.db appeal review 2026/3 --uphold --grounds \"Ingen nye opplysninger\""});
  review->callback([&s, v] {
    if (!v->reverse && !v->uphold) throw make_error(ExitCode::usage, "appeal.choose_review");
    Context& ctx = s.ctx();
    check_pdf_target(s, v->pdf);
    emit_reviewed(s, *v, review_appeal(ctx, v->case_number, v->reverse, v->grounds, v->signed_by));
  });

  auto [fwd, f] =
      add_case_subcommand<AppealOptions>(cmd, "forward", "Record that the upheld appeal was sent to statsforvalteren");
  add_date(fwd, f->date, "the date it was sent");
  examples(fwd, {"oppteam --db k.db appeal forward 2026/3 --date 2026-05-02"});
  fwd->callback([&s, f] {
    Context& ctx = s.ctx();
    const Appeal a = forward_appeal(ctx, f->case_number, user_date_or_today(s, f->date, "--date"));
    s.emit(appeal_json(a), render_appeal_state(a, s.lang()));
  });

  auto [out, o] =
      add_case_subcommand<AppealOptions>(cmd, "outcome",
                                         "Record statsforvalteren's outcome: --upheld, --reversed (a new decision and "
                                         "letter) or --returned (the municipality reviews it again)");
  auto* a1 = out->add_flag("--upheld", o->upheld, "statsforvalteren upheld the decision");
  auto* a2 = out->add_flag("--reversed", o->reversed, "statsforvalteren reversed the decision");
  auto* a3 = out->add_flag("--returned", o->returned, "statsforvalteren returned the case for a new review");
  a1->excludes(a2)->excludes(a3);
  a2->excludes(a3);
  add_date(out, o->date, "the date of statsforvalteren's decision");
  add_pdf_option(out, o->pdf);
  examples(out, {"oppteam --db k.db appeal outcome 2026/3 --upheld --date 2026-07-01"});
  out->callback([&s, o] {
    const AppealStepResult outcome = o->upheld     ? AppealStepResult::upheld
                                     : o->reversed ? AppealStepResult::reversed
                                     : o->returned ? AppealStepResult::returned
                                                   : AppealStepResult::none;
    if (outcome == AppealStepResult::none) throw make_error(ExitCode::usage, "appeal.choose_outcome");
    Context& ctx = s.ctx();
    check_pdf_target(s, o->pdf);
    emit_reviewed(s, *o, appeal_outcome(ctx, o->case_number, outcome, user_date_or_today(s, o->date, "--date")));
  });
}

}  // namespace oppteam::cli
