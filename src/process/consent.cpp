#include <oppteam/process/consent.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/store/consent_store.hpp>
#include <oppteam/store/team_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

#include <algorithm>

namespace oppteam {

namespace {

// The day a consent was given, declined or withdrawn: today unless given;
// never in the future.
Date day_said(const Context& ctx, std::optional<Date> on) {
  const Date day = on.value_or(ctx.today());
  if (day > ctx.today()) throw make_error(ExitCode::data, "consent.future_date", long_date(day, ctx.lang));
  return day;
}

// What a consent and a no to one share: a consent scope of the rammeverk,
// its form, who said it (any party but the person named) and its date.
struct Said {
  Party by;
  Date on;
};
Said check_said(const Context& ctx, const std::string& scope, const std::string& form, const std::string& by,
                const std::string& name, std::optional<Date> on) {
  check_consent_scope(ctx.rv, scope);
  if (!consent_form_from(form)) throw make_error(ExitCode::usage, "consent.bad_form", form);
  const auto party = party_from(by);
  if (!party) throw make_error(ExitCode::usage, "consent.bad_given_by", by);
  if (*party != Party::person && name.empty()) throw make_error(ExitCode::usage, "consent.name_required", by);
  return {*party, day_said(ctx, on)};
}

}  // namespace

ConsentGiven give_consent(const Context& ctx, std::string_view case_number, const ConsentInput& in) {
  authorize(ctx, "consent.write");  // everywhere: "owned:" roles only decline in their own cases
  require_text(in.giver_name, "--name", TextField::line);
  require_text(in.reason, "--reason", TextField::line);
  require_text(in.document_ref, "--document", TextField::line);
  const Said said = check_said(ctx, in.scope, in.form, in.given_by, in.giver_name, in.given_on);
  const Date on = said.on;

  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "consent.write", case_number);
    if (c.status == CaseStatus::closed) throw make_error(ExitCode::refused, "consent.case_closed", c.number);
    // A consent may come before the referral: the guideline has the fastlege
    // get it (Trinn 2) before writing the referral (Trinn 3).
    const auto birth = try_parse_date(c.birth_date);
    const int age = birth ? years_between(*birth, on) : 0;
    const int limit = ctx.rv.rules.consent_age;
    if (age < limit) {
      if (said.by == Party::person) throw make_error(ExitCode::refused, "consent.minor", c.number, age, limit);
    } else {
      if (said.by == Party::foresatt) throw make_error(ExitCode::refused, "consent.adult_foresatt", c.number, age, limit);
      if (said.by == Party::verge && in.reason.empty())
        throw make_error(ExitCode::refused, "consent.verge_reason", c.number, age);
    }
    ConsentRecord r;
    r.scope = in.scope;
    r.form = in.form;
    r.given_by = in.given_by;
    r.giver_name = in.giver_name;
    r.reason = in.reason;
    r.document_ref = in.document_ref;
    r.given_on = format_date(on);
    r.recorded_by = ctx.actor;
    r.recorded_at = ctx.clock.now_timestamp();
    ConsentGiven g{ConsentStore(ctx.db).add(c.id, r), c.number, age};
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.after("consent", g.id);
    audit.append("consent.give", c.number, c.fnr, audit_detail("consent.give", "audit.d.consent", {in.scope, in.form, in.given_by}));
    audit.flush();
    return g;
  });
}

bool pause_team_without_consent(const Context& ctx, const CaseRef& c, Date on, AuditWriter& audit, const std::string& why_key) {
  if (consent_valid(ctx.db, c.id, "team", on)) return false;
  if (!TeamStore(ctx.db).pause_if_active(c.id, format_date(on), tr(ctx.rv.municipality.language, "consent.pause_reason")))
    return false;
  audit.append("team.pause", c.number, c.fnr, audit_detail("team.pause", why_key, {}));
  return true;
}

ConsentWithdrawn withdraw_consent(const Context& ctx, std::string_view case_number, const std::string& scope,
                                  std::optional<std::int64_t> id, const std::string& reason, std::optional<Date> on_opt) {
  authorize(ctx, "consent.write");
  require_text(reason, "--reason", TextField::line);
  if (!id) check_consent_scope(ctx.rv, scope);
  const Date on = day_said(ctx, on_opt);
  const std::string day = format_date(on);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "consent.write", case_number);
    ConsentStore store(ctx.db);
    ConsentWithdrawn w;
    std::vector<std::string> scopes;
    for (const auto& k : store.not_withdrawn(c.id, scope, id)) {
      if (day < k.given_on)
        throw make_error(ExitCode::data, "consent.withdraw_before_given", long_date(on, ctx.lang), long_date(k.given_on, ctx.lang));
      w.ids.push_back(k.id);
      scopes.push_back(k.scope);
    }
    if (w.ids.empty()) {
      if (id) throw make_error(ExitCode::refused, "consent.none_id", c.number, *id);
      throw make_error(ExitCode::refused, "consent.none_in_force", c.number, scope);
    }
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    for (std::size_t i = 0; i < w.ids.size(); ++i) {
      audit.before("consent", w.ids[i]);
      store.withdraw(w.ids[i], day, ctx.actor, reason);
      audit.append("consent.withdraw", c.number, c.fnr,
                   audit_detail("consent.withdraw", "audit.d.withdraw", {scopes[i], std::to_string(w.ids[i])}));
    }
    // A team working on a consent that no longer holds is paused at once.
    const bool team_scope = std::find(scopes.begin(), scopes.end(), "team") != scopes.end();
    if (team_scope) w.team_paused = pause_team_without_consent(ctx, c, on, audit, "audit.d.team_consent_withdrawn");
    audit.flush();
    return w;
  });
}

DeclineRecord decline_consent(const Context& ctx, std::string_view case_number, const DeclineInput& in) {
  authorize_some(ctx, "consent.write");
  require_text(in.name, "--name", TextField::line);
  require_text(in.note, "--note", TextField::lines);
  const Date on = check_said(ctx, in.scope, in.form, in.declined_by, in.name, in.declined_on).on;
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "consent.write", case_number);
    if (c.status == CaseStatus::closed) throw make_error(ExitCode::refused, "consent.case_closed", c.number);
    if (consent_valid(ctx.db, c.id, in.scope, on))
      throw make_error(ExitCode::refused, "decline.consent_in_force", c.number, in.scope);
    DeclineRecord d{0, in.scope, in.form, in.declined_by, in.name, in.note, format_date(on), ctx.actor,
                    ctx.clock.now_timestamp()};
    d.id = ConsentStore(ctx.db).add_decline(c.id, d);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "consent.decline", c.number, c.fnr,
                 audit_detail("consent.decline", "audit.d.decline", {d.scope, d.form, d.declined_by}));
    return d;
  });
}

std::vector<DeclineRecord> read_declines(Database& db, std::int64_t case_id) { return ConsentStore(db).declines(case_id); }

std::vector<ConsentRecord> read_consents(Database& db, std::int64_t case_id, Date today) {
  const std::string day = format_date(today);
  auto out = ConsentStore(db).consents(case_id);
  for (auto& r : out) r.valid = r.given_on <= day && (r.withdrawn_on.empty() || r.withdrawn_on > day);
  return out;
}

ConsentList list_consents(const Context& ctx, std::string_view case_number) {
  authorize_some(ctx, "case.read");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "case.read", case_number);
    ConsentList out{c.number, read_consents(ctx.db, c.id, ctx.today()), read_declines(ctx.db, c.id)};
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("consent.list", c.number, c.fnr, audit_detail("consent.list", "audit.d.consents", {std::to_string(out.consents.size())}));
    audit.flush();
    return out;
  });
}

}  // namespace oppteam
