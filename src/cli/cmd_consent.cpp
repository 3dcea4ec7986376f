// oppteam consent give | withdraw | list

#include "cli/choices.hpp"
#include "cli/commands.hpp"

#include <oppteam/process/access.hpp>
#include <oppteam/process/consent.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/views/consent_view.hpp>
#include <oppteam/views/labels.hpp>

namespace oppteam::cli {

namespace {

// The options of give and decline fill the operation's input itself; only
// the case and the date as typed stand beside it.
struct GiveOptions {
  std::string case_number, date;
  ConsentInput in;
};

struct WithdrawOptions {
  std::string case_number, scope, reason, date;
  std::optional<std::int64_t> id;
};

struct DeclineOptions {
  std::string case_number, date;
  DeclineInput in;
};

nlohmann::json to_json(const DeclineRecord& d) {
  auto opt = [](const std::string& v) { return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v); };
  return {{"id", d.id},          {"scope", d.scope},         {"form", d.form},
          {"declined_by", d.declined_by}, {"name", opt(d.name)}, {"note", opt(d.note)},
          {"declined_on", d.declined_on}, {"recorded_by", d.recorded_by}, {"recorded_at", d.recorded_at}};
}

nlohmann::json to_json(const ConsentRecord& r) {
  auto opt = [](const std::string& v) { return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v); };
  return {{"id", r.id},
          {"scope", r.scope},
          {"form", r.form},
          {"given_by", r.given_by},
          {"giver_name", opt(r.giver_name)},
          {"reason", opt(r.reason)},
          {"document_ref", opt(r.document_ref)},
          {"given_on", r.given_on},
          {"recorded_by", r.recorded_by},
          {"recorded_at", r.recorded_at},
          {"withdrawn_on", opt(r.withdrawn_on)},
          {"withdrawn_by", opt(r.withdrawn_by)},
          {"withdraw_reason", opt(r.withdraw_reason)},
          {"valid", r.valid}};
}

}  // namespace

void setup_consent(CLI::App& app, Session& s) {
  auto* cmd =
      add_command_group(&app, "consent", "Record, withdraw or list consent (samtykke)",
                        {"oppteam --db k.db consent give 2026/1 --scope utredning --form muntlig --given-by person",
                         "oppteam --db k.db consent list 2026/1"});

  auto [give, g] = add_case_subcommand<GiveOptions>(
      cmd, "give", "Record a consent: scope, form, who gave it (age rule: under consent_age a foresatt or verge)");
  give->add_option("--scope", g->in.scope, "utredning, team, ip, overforing or deling:SERVICE")->required();
  give->add_option("--form", g->in.form, "muntlig or skriftlig")
      ->required()
      ->check(CLI::IsMember({"muntlig", "skriftlig"}));
  give->add_option("--given-by", g->in.given_by, "person, foresatt or verge")
      ->required()
      ->check(CLI::IsMember({"person", "foresatt", "verge"}));
  give->add_option("--name", g->in.giver_name, "the name of who gave it (required for foresatt and verge)");
  give->add_option("--reason", g->in.reason, "why a verge consents for an adult (required then)");
  give->add_option("--document", g->in.document_ref, "where a written consent is filed (document reference)");
  add_date(give, g->date, "the date it was given");
  examples(give, {"oppteam --db k.db consent give 2026/1 --scope utredning --form muntlig --given-by person",
                  "oppteam --db k.db consent give 2026/2 --scope team --form skriftlig --given-by foresatt --name \"Pia Olsen\" "
                  "--document \"arkiv 2026/1234-5\""});
  give->callback([&s, g] {
    Context& ctx = s.ctx();
    ConsentInput& in = g->in;
    in.given_on = user_date_if_given(s, g->date, "--date");
    const ConsentGiven r = give_consent(ctx, g->case_number, in);
    s.emit({{"case", r.case_number}, {"id", r.id}, {"scope", in.scope}, {"form", in.form}, {"given_by", in.given_by},
            {"given_on", format_date(in.given_on.value_or(ctx.today()))}, {"recorded_by", ctx.actor}},
           s.text("consent.given", choice_label(s.lang(), "scope", in.scope), r.case_number, r.id));
  });

  auto [withdraw, w] =
      add_case_subcommand<WithdrawOptions>(cmd, "withdraw",
                                           "Withdraw consent (recorded, never deleted); takes effect at once, "
                                           "an active team it covered is paused");
  auto* scope_opt = withdraw->add_option("--scope", w->scope, "the scope to withdraw (every consent in force for it)");
  auto* id_opt = withdraw->add_option("--id", w->id, "withdraw only this consent (see consent list)");
  withdraw->add_option("--reason", w->reason, "why, as the person said it");
  add_date(withdraw, w->date, "the date of the withdrawal");
  scope_opt->excludes(id_opt);
  examples(withdraw, {"oppteam --db k.db consent withdraw 2026/1 --scope team --reason \"Ønsker ikke team nå\""});
  withdraw->callback([&s, w] {
    if (w->scope.empty() && !w->id) throw make_error(ExitCode::usage, "error.missing_option", "--scope");
    Context& ctx = s.ctx();
    const ConsentWithdrawn r =
        withdraw_consent(ctx, w->case_number, w->scope, w->id, w->reason, user_date_if_given(s, w->date, "--date"));
    std::string text = s.text("consent.withdrawn", r.ids.size(), w->case_number);
    if (r.team_paused) text += "\n" + s.text("consent.team_paused", w->case_number);
    s.emit({{"case", w->case_number}, {"withdrawn", r.ids}, {"team_paused", r.team_paused}}, text);
  });

  auto [decline, d] =
      add_case_subcommand<DeclineOptions>(cmd, "decline",
                                          "Record the person's own no to a scope (not a consent never asked for); "
                                          "remind then asks to close the case instead");
  decline->add_option("--scope", d->in.scope, "utredning, team, ip, overforing or deling:SERVICE")->required();
  decline->add_option("--form", d->in.form, "how the no was expressed: muntlig or skriftlig")
      ->required()
      ->check(CLI::IsMember({"muntlig", "skriftlig"}));
  decline->add_option("--declined-by", d->in.declined_by, "person (default), foresatt or verge")
      ->check(CLI::IsMember({"person", "foresatt", "verge"}));
  decline->add_option("--name", d->in.name, "the name of who said no (required for foresatt and verge)");
  decline->add_option("--note", d->in.note, "the no as it was said");
  add_date(decline, d->date, "the date of the no");
  examples(decline, {"oppteam --db k.db consent decline 2026/1 --scope utredning --form muntlig --note \"Vil ikke ha oppfølging\"",
                     "oppteam --db k.db case close 2026/1 --reason declines"});
  decline->callback([&s, d] {
    Context& ctx = s.ctx();
    d->in.declined_on = user_date_if_given(s, d->date, "--date");
    const DeclineRecord r = decline_consent(ctx, d->case_number, d->in);
    nlohmann::json j = to_json(r);
    j["case"] = d->case_number;
    s.emit(j, s.text("decline.recorded", choice_label(s.lang(), "scope", r.scope), d->case_number));
  });

  add_case_command(cmd, "list", "List a case's consents, in force and withdrawn",
                   {"oppteam --db k.db consent list 2026/1", "oppteam --db k.db consent list 2026/1 --json"},
                   [&s](const std::string& number) {
                     const ConsentList found = list_consents(s.ctx(), number);
                     auto item = [](const auto& x) { return to_json(x); };
                     s.emit({{"case", number},
                             {"consents", json_array(found.consents, item)},
                             {"declines", json_array(found.declines, item)}},
                            render_consents(found, s.lang(), s.style()));
                   });
}

}  // namespace oppteam::cli
