#include <oppteam/process/consent.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

#include <algorithm>

namespace oppteam {

ConsentGiven give_consent(const Context& ctx, std::string_view case_number, const ConsentInput& in) {
  authorize(ctx, "consent.write");  // everywhere: "owned:" roles only decline in their own cases
  require_text(in.giver_name, "--name", TextField::line);
  require_text(in.reason, "--reason", TextField::line);
  require_text(in.document_ref, "--document", TextField::line);
  check_consent_scope(ctx.rv, in.scope);
  if (in.form != "muntlig" && in.form != "skriftlig") throw make_error(ExitCode::usage, "consent.bad_form", in.form);
  if (in.given_by != "person" && in.given_by != "foresatt" && in.given_by != "verge")
    throw make_error(ExitCode::usage, "consent.bad_given_by", in.given_by);
  if (in.given_by != "person" && in.giver_name.empty())
    throw make_error(ExitCode::usage, "consent.name_required", in.given_by);
  const Date today = ctx.today();
  const Date on = in.given_on.value_or(today);
  if (on > today) throw make_error(ExitCode::data, "consent.future_date", format_date(on));

  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "consent.write", case_number);
    if (c.status == kCaseClosed) throw make_error(ExitCode::refused, "consent.case_closed", c.number);
    const auto birth = try_parse_date(c.birth_date);
    const int age = birth ? years_between(*birth, on) : 0;
    const int limit = ctx.rv.rules.consent_age;
    if (age < limit) {
      if (in.given_by == "person") throw make_error(ExitCode::refused, "consent.minor", c.number, age, limit);
    } else {
      if (in.given_by == "foresatt") throw make_error(ExitCode::refused, "consent.adult_foresatt", c.number, age, limit);
      if (in.given_by == "verge" && in.reason.empty())
        throw make_error(ExitCode::refused, "consent.verge_reason", c.number, age);
    }
    SQLite::Statement q(ctx.db.sql(),
                        "INSERT INTO consent(case_id, scope, form, given_by, giver_name, reason, document_ref, given_on, "
                        "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, c.id);
    q.bind(2, in.scope);
    q.bind(3, in.form);
    q.bind(4, in.given_by);
    auto bind_opt = [&](int i, const std::string& v) {
      if (v.empty()) q.bind(i);
      else q.bind(i, v);
    };
    bind_opt(5, in.giver_name);
    bind_opt(6, in.reason);
    bind_opt(7, in.document_ref);
    q.bind(8, format_date(on));
    q.bind(9, ctx.actor);
    q.bind(10, ctx.clock.now_timestamp());
    q.exec();
    ConsentGiven g{ctx.db.sql().getLastInsertRowid(), c.number, age};
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.after("consent", g.id);
    audit.append("consent.give", c.number, c.fnr, in.scope + " " + in.form + " by " + in.given_by);
    audit.flush();
    return g;
  });
}

bool pause_team_without_consent(const Context& ctx, const CaseRef& c, Date on, AuditWriter& audit, const std::string& why_key) {
  if (consent_valid(ctx.db, c.id, "team", on)) return false;
  SQLite::Statement t(ctx.db.sql(),
                      "UPDATE team SET status = 'paused', paused_on = ?, pause_reason = ? "
                      "WHERE case_id = ? AND status = 'active'");
  t.bind(1, format_date(on));
  t.bind(2, tr(ctx.rv.municipality.language, "consent.pause_reason"));
  t.bind(3, c.id);
  if (t.exec() == 0) return false;
  audit.append("team.pause", c.number, c.fnr, audit_detail("team.pause", why_key, {}));
  return true;
}

ConsentWithdrawn withdraw_consent(const Context& ctx, std::string_view case_number, const std::string& scope,
                                  std::optional<std::int64_t> id, const std::string& reason, std::optional<Date> on_opt) {
  authorize(ctx, "consent.write");
  require_text(reason, "--reason", TextField::line);
  if (!id) check_consent_scope(ctx.rv, scope);
  const Date today = ctx.today();
  const Date on = on_opt.value_or(today);
  if (on > today) throw make_error(ExitCode::data, "consent.future_date", format_date(on));
  const std::string day = format_date(on);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "consent.write", case_number);
    ConsentWithdrawn w;
    std::vector<std::string> scopes;
    {
      SQLite::Statement q(ctx.db.sql(),
                          id ? "SELECT id, scope FROM consent WHERE case_id = ? AND id = ? AND withdrawn_on IS NULL"
                             : "SELECT id, scope FROM consent WHERE case_id = ? AND scope = ? AND withdrawn_on IS NULL");
      q.bind(1, c.id);
      if (id) q.bind(2, *id);
      else q.bind(2, scope);
      while (q.executeStep()) {
        w.ids.push_back(q.getColumn(0).getInt64());
        scopes.push_back(q.getColumn(1).getString());
      }
    }
    if (w.ids.empty()) {
      if (id) throw make_error(ExitCode::refused, "consent.none_id", c.number, *id);
      throw make_error(ExitCode::refused, "consent.none_in_force", c.number, scope);
    }
    SQLite::Statement u(ctx.db.sql(),
                        "UPDATE consent SET withdrawn_on = ?, withdrawn_by = ?, withdraw_reason = ? WHERE id = ?");
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    for (std::size_t i = 0; i < w.ids.size(); ++i) {
      u.reset();
      u.bind(1, day);
      u.bind(2, ctx.actor);
      if (reason.empty()) u.bind(3);
      else u.bind(3, reason);
      u.bind(4, w.ids[i]);
      audit.before("consent", w.ids[i]);
      u.exec();
      audit.append("consent.withdraw", c.number, c.fnr, scopes[i] + " consent " + std::to_string(w.ids[i]));
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
  check_consent_scope(ctx.rv, in.scope);
  if (in.form != "muntlig" && in.form != "skriftlig") throw make_error(ExitCode::usage, "consent.bad_form", in.form);
  if (in.declined_by != "person" && in.declined_by != "foresatt" && in.declined_by != "verge")
    throw make_error(ExitCode::usage, "consent.bad_given_by", in.declined_by);
  if (in.declined_by != "person" && in.name.empty()) throw make_error(ExitCode::usage, "consent.name_required", in.declined_by);
  const Date today = ctx.today();
  const Date on = in.declined_on.value_or(today);
  if (on > today) throw make_error(ExitCode::data, "consent.future_date", format_date(on));
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "consent.write", case_number);
    if (c.status == kCaseClosed) throw make_error(ExitCode::refused, "consent.case_closed", c.number);
    if (consent_valid(ctx.db, c.id, in.scope, on))
      throw make_error(ExitCode::refused, "decline.consent_in_force", c.number, in.scope);
    DeclineRecord d{0, in.scope, in.form, in.declined_by, in.name, in.note, format_date(on), ctx.actor,
                    ctx.clock.now_timestamp()};
    SQLite::Statement q(ctx.db.sql(),
                        "INSERT INTO consent_decline(case_id, scope, form, declined_by, giver_name, note, declined_on, "
                        "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, c.id);
    q.bind(2, d.scope);
    q.bind(3, d.form);
    q.bind(4, d.declined_by);
    if (d.name.empty()) q.bind(5);
    else q.bind(5, d.name);
    if (d.note.empty()) q.bind(6);
    else q.bind(6, d.note);
    q.bind(7, d.declined_on);
    q.bind(8, d.recorded_by);
    q.bind(9, d.recorded_at);
    q.exec();
    d.id = ctx.db.sql().getLastInsertRowid();
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "consent.decline", c.number, c.fnr,
                 d.scope + " " + d.form + " by " + d.declined_by);
    return d;
  });
}

std::vector<DeclineRecord> read_declines(Database& db, std::int64_t case_id) {
  SQLite::Statement q(db.sql(),
                      "SELECT id, scope, form, declined_by, coalesce(giver_name, ''), coalesce(note, ''), declined_on, "
                      "recorded_by, recorded_at FROM consent_decline WHERE case_id = ? ORDER BY id");
  q.bind(1, case_id);
  std::vector<DeclineRecord> out;
  while (q.executeStep()) {
    DeclineRecord d;
    d.id = q.getColumn(0).getInt64();
    d.scope = q.getColumn(1).getString();
    d.form = q.getColumn(2).getString();
    d.declined_by = q.getColumn(3).getString();
    d.name = q.getColumn(4).getString();
    d.note = q.getColumn(5).getString();
    d.declined_on = q.getColumn(6).getString();
    d.recorded_by = q.getColumn(7).getString();
    d.recorded_at = q.getColumn(8).getString();
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<ConsentRecord> read_consents(Database& db, std::int64_t case_id, Date today) {
  SQLite::Statement q(db.sql(),
                      "SELECT id, scope, form, given_by, coalesce(giver_name, ''), coalesce(reason, ''), "
                      "coalesce(document_ref, ''), given_on, recorded_by, recorded_at, coalesce(withdrawn_on, ''), "
                      "coalesce(withdrawn_by, ''), coalesce(withdraw_reason, '') FROM consent WHERE case_id = ? ORDER BY id");
  q.bind(1, case_id);
  const std::string day = format_date(today);
  std::vector<ConsentRecord> out;
  while (q.executeStep()) {
    ConsentRecord r;
    r.id = q.getColumn(0).getInt64();
    r.scope = q.getColumn(1).getString();
    r.form = q.getColumn(2).getString();
    r.given_by = q.getColumn(3).getString();
    r.giver_name = q.getColumn(4).getString();
    r.reason = q.getColumn(5).getString();
    r.document_ref = q.getColumn(6).getString();
    r.given_on = q.getColumn(7).getString();
    r.recorded_by = q.getColumn(8).getString();
    r.recorded_at = q.getColumn(9).getString();
    r.withdrawn_on = q.getColumn(10).getString();
    r.withdrawn_by = q.getColumn(11).getString();
    r.withdraw_reason = q.getColumn(12).getString();
    r.valid = r.given_on <= day && (r.withdrawn_on.empty() || r.withdrawn_on > day);
    out.push_back(std::move(r));
  }
  return out;
}

ConsentList list_consents(const Context& ctx, std::string_view case_number) {
  authorize_some(ctx, "case.read");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "case.read", case_number);
    ConsentList out{c.number, read_consents(ctx.db, c.id, ctx.today()), read_declines(ctx.db, c.id)};
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("consent.list", c.number, c.fnr, std::to_string(out.consents.size()) + " consents");
    audit.flush();
    return out;
  });
}

}  // namespace oppteam
