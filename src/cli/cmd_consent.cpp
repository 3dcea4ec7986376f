// oppteam consent give | withdraw | list

#include "cli/choices.hpp"
#include "cli/commands.hpp"

#include <oppteam/process/access.hpp>
#include <oppteam/process/consent.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/user_date.hpp>
#include <oppteam/views/consent_view.hpp>
#include <oppteam/views/labels.hpp>

namespace oppteam::cli {

namespace {

struct GiveOptions {
  std::string case_number, scope, form, given_by, name, reason, document, date;
};

struct WithdrawOptions {
  std::string case_number, scope, reason, date;
  std::optional<std::int64_t> id;
};

struct DeclineOptions {
  std::string case_number, scope, form, declined_by = "person", name, note, date;
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
  auto* cmd = app.add_subcommand("consent", "Record, withdraw or list consent (samtykke)");
  cmd->require_subcommand(1);
  examples(cmd, {"oppteam --db k.db consent give 2026/1 --scope utredning --form muntlig --given-by person",
                 "oppteam --db k.db consent list 2026/1"});

  auto g = std::make_shared<GiveOptions>();
  auto* give = cmd->add_subcommand("give", "Record a consent: scope, form, who gave it (age rule: under consent_age a foresatt or verge)");
  give->add_option("CASE", g->case_number, "the case number, YYYY/N")->required();
  give->add_option("--scope", g->scope, "utredning, team, ip, overforing or deling:SERVICE")->required();
  give->add_option("--form", g->form, "muntlig or skriftlig")->required()->check(CLI::IsMember({"muntlig", "skriftlig"}));
  give->add_option("--given-by", g->given_by, "person, foresatt or verge")->required()->check(CLI::IsMember({"person", "foresatt", "verge"}));
  give->add_option("--name", g->name, "the name of who gave it (required for foresatt and verge)");
  give->add_option("--reason", g->reason, "why a verge consents for an adult (required then)");
  give->add_option("--document", g->document, "where a written consent is filed (document reference)");
  give->add_option("--date", g->date, "the date it was given, YYYY-MM-DD (default: today)");
  examples(give, {"oppteam --db k.db consent give 2026/1 --scope utredning --form muntlig --given-by person",
                  "oppteam --db k.db consent give 2026/2 --scope team --form skriftlig --given-by foresatt --name \"Pia Olsen\" "
                  "--document \"arkiv 2026/1234-5\""});
  give->callback([&s, g] {
    Context& ctx = s.ctx();
    ConsentInput in;
    in.scope = g->scope;
    in.form = g->form;
    in.given_by = g->given_by;
    in.giver_name = g->name;
    in.reason = g->reason;
    in.document_ref = g->document;
    if (!g->date.empty()) in.given_on = parse_user_date(g->date, "--date", s.clock().today());
    const ConsentGiven r = give_consent(ctx, g->case_number, in);
    s.emit({{"case", r.case_number}, {"id", r.id}, {"scope", in.scope}, {"form", in.form}, {"given_by", in.given_by},
            {"given_on", format_date(in.given_on.value_or(ctx.today()))}, {"recorded_by", ctx.actor}},
           s.text("consent.given", choice_label(s.lang(), "scope", in.scope), r.case_number, r.id));
  });

  auto w = std::make_shared<WithdrawOptions>();
  auto* withdraw = cmd->add_subcommand("withdraw", "Withdraw consent (recorded, never deleted); takes effect at once, "
                                                   "an active team it covered is paused");
  withdraw->add_option("CASE", w->case_number, "the case number, YYYY/N")->required();
  auto* scope_opt = withdraw->add_option("--scope", w->scope, "the scope to withdraw (every consent in force for it)");
  auto* id_opt = withdraw->add_option("--id", w->id, "withdraw only this consent (see consent list)");
  withdraw->add_option("--reason", w->reason, "why, as the person said it");
  withdraw->add_option("--date", w->date, "the date of the withdrawal, YYYY-MM-DD (default: today)");
  scope_opt->excludes(id_opt);
  examples(withdraw, {"oppteam --db k.db consent withdraw 2026/1 --scope team --reason \"Ønsker ikke team nå\""});
  withdraw->callback([&s, w] {
    if (w->scope.empty() && !w->id) throw make_error(ExitCode::usage, "error.missing_option", "--scope");
    Context& ctx = s.ctx();
    std::optional<Date> on;
    if (!w->date.empty()) on = parse_user_date(w->date, "--date", s.clock().today());
    const ConsentWithdrawn r = withdraw_consent(ctx, w->case_number, w->scope, w->id, w->reason, on);
    std::string text = s.text("consent.withdrawn", r.ids.size(), w->case_number);
    if (r.team_paused) text += "\n" + s.text("consent.team_paused", w->case_number);
    s.emit({{"case", w->case_number}, {"withdrawn", r.ids}, {"team_paused", r.team_paused}}, text);
  });

  auto d = std::make_shared<DeclineOptions>();
  auto* decline = cmd->add_subcommand("decline", "Record the person's own no to a scope (not a consent never asked for); "
                                                 "remind then asks to close the case instead");
  decline->add_option("CASE", d->case_number, "the case number, YYYY/N")->required();
  decline->add_option("--scope", d->scope, "utredning, team, ip, overforing or deling:SERVICE")->required();
  decline->add_option("--form", d->form, "how the no was expressed: muntlig or skriftlig")
      ->required()
      ->check(CLI::IsMember({"muntlig", "skriftlig"}));
  decline->add_option("--declined-by", d->declined_by, "person (default), foresatt or verge")
      ->check(CLI::IsMember({"person", "foresatt", "verge"}));
  decline->add_option("--name", d->name, "the name of who said no (required for foresatt and verge)");
  decline->add_option("--note", d->note, "the no as it was said");
  decline->add_option("--date", d->date, "the date of the no, YYYY-MM-DD (default: today)");
  examples(decline, {"oppteam --db k.db consent decline 2026/1 --scope utredning --form muntlig --note \"Vil ikke ha oppfølging\"",
                     "oppteam --db k.db case close 2026/1 --reason declines"});
  decline->callback([&s, d] {
    Context& ctx = s.ctx();
    DeclineInput in;
    in.scope = d->scope;
    in.form = d->form;
    in.declined_by = d->declined_by;
    in.name = d->name;
    in.note = d->note;
    if (!d->date.empty()) in.declined_on = parse_user_date(d->date, "--date", s.clock().today());
    const DeclineRecord r = decline_consent(ctx, d->case_number, in);
    nlohmann::json j = to_json(r);
    j["case"] = d->case_number;
    s.emit(j, s.text("decline.recorded", choice_label(s.lang(), "scope", r.scope), d->case_number));
  });

  auto list_case = std::make_shared<std::string>();
  auto* list = cmd->add_subcommand("list", "List a case's consents, in force and withdrawn");
  list->add_option("CASE", *list_case, "the case number, YYYY/N")->required();
  examples(list, {"oppteam --db k.db consent list 2026/1", "oppteam --db k.db consent list 2026/1 --json"});
  list->callback([&s, list_case] {
    Context& ctx = s.ctx();
    const ConsentList found = list_consents(ctx, *list_case);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : found.consents) items.push_back(to_json(r));
    nlohmann::json declined = nlohmann::json::array();
    for (const auto& x : found.declines) declined.push_back(to_json(x));
    const std::string text = render_consents(found, s.lang(), s.style());
    s.emit({{"case", *list_case}, {"consents", items}, {"declines", declined}}, text);
  });
}

}  // namespace oppteam::cli
