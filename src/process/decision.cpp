#include <oppteam/process/decision.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

struct LetterFacts {
  std::string name;      // the person's name, or the masked number when none is known
  std::string masked;    // birth date part of the number, the rest hidden
  std::string received;  // first referral's received date (ISO)
};

LetterFacts letter_facts(Database& db, const CaseRef& c) {
  LetterFacts f;
  SQLite::Statement q(db.sql(),
                      "SELECT coalesce(p.name, ''), (SELECT min(received_on) FROM referral WHERE case_id = ?) "
                      "FROM person p WHERE p.id = ?");
  q.bind(1, c.id);
  q.bind(2, c.person_id);
  if (q.executeStep()) {
    f.name = q.getColumn(0).getString();
    f.received = q.getColumn(1).isNull() ? c.opened_on : q.getColumn(1).getString();
  }
  f.masked = c.fnr.substr(0, 6) + "*****";
  if (f.name.empty()) f.name = f.masked;
  return f;
}

}  // namespace

DecisionResult decide_case(const Context& ctx, std::string_view case_number, const DecisionInput& in) {
  require_text(in.grounds, "--grounds");
  if (!in.grant && in.grounds.find_first_not_of(" \t\r\n") == std::string::npos)
    throw make_error(ExitCode::usage, "decide.grounds_required");
  const Date today = ctx.today();
  const Date on = in.decided_on.value_or(today);
  if (on > today) throw make_error(ExitCode::data, "decide.future_date", format_date(on));

  return ctx.db.write([&] {
    const CaseRef c = find_case(ctx.db, case_number);
    {
      SQLite::Statement q(ctx.db.sql(), "SELECT outcome, decided_on FROM decision WHERE case_id = ?");
      q.bind(1, c.id);
      if (q.executeStep())
        // In the reader's words: "innvilget, 13. mars 2026", not the stored id and ISO date.
        throw make_error(ExitCode::refused, "decide.already", c.number, tr(ctx.lang, "case.status." + q.getColumn(0).getString()),
                         long_date(q.getColumn(1).getString(), ctx.lang));
    }
    if (c.status != kCaseReceived)
      throw make_error(ExitCode::refused, "decide.wrong_state", c.number, tr(ctx.lang, "case.status." + c.status));
    if (ctx.rv.rules.assessment_before_decision) {
      // An assessment voided as entered in error (issue 14) does not count.
      SQLite::Statement q(ctx.db.sql(), "SELECT count(*) FROM assessment a WHERE a.case_id = ? AND NOT EXISTS "
                                        "(SELECT 1 FROM correction x WHERE x.object = 'assessment' AND x.object_id = a.id "
                                        "AND x.field = 'void')");
      q.bind(1, c.id);
      q.executeStep();
      if (q.getColumn(0).getInt() == 0) throw make_error(ExitCode::refused, "decide.needs_assessment", c.number);
    }
    const LetterFacts f = letter_facts(ctx.db, c);
    const Lang L = ctx.rv.municipality.language;
    const std::string& kommune = ctx.rv.municipality.name;
    const Date deadline = on + std::chrono::days(ctx.rv.deadlines.appeal);

    DecisionResult r;
    r.case_number = c.number;
    r.outcome = in.grant ? "granted" : "refused";
    r.decided_on = format_date(on);
    r.appeal_deadline = format_date(deadline);
    std::string& t = r.letter;
    t += kommune + "\n";
    t += tr(L, "letter.decision_title", c.number) + "\n\n";
    t += tr(L, "letter.to", f.name, f.masked) + "\n";
    t += tr(L, "letter.date", long_date(on, L)) + "\n";
    t += tr(L, "letter.received", long_date(f.received, L)) + "\n\n";
    t += tr(L, in.grant ? "letter.granted" : "letter.refused") + "\n";
    if (!in.grounds.empty()) t += "\n" + tr(L, "letter.grounds", in.grounds) + "\n";
    t += "\n" + tr(L, "letter.appeal_title") + "\n";
    t += tr(L, "letter.appeal", kommune, ctx.rv.deadlines.appeal, long_date(deadline, L)) + "\n";
    t += tr(L, "letter.access") + "\n\n";
    t += tr(L, "letter.signature", ctx.actor, kommune) + "\n";

    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO decision(case_id, outcome, grounds, decided_on, decided_by, appeal_deadline, letter) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, c.id);
    ins.bind(2, r.outcome);
    if (in.grounds.empty()) ins.bind(3);
    else ins.bind(3, in.grounds);
    ins.bind(4, r.decided_on);
    ins.bind(5, ctx.actor);
    ins.bind(6, r.appeal_deadline);
    ins.bind(7, r.letter);
    ins.exec();
    const std::int64_t decision_id = ctx.db.sql().getLastInsertRowid();
    SQLite::Statement upd(ctx.db.sql(), "UPDATE case_file SET status = ? WHERE id = ?");
    upd.bind(1, std::string(in.grant ? kCaseGranted : kCaseRefused));
    upd.bind(2, c.id);
    upd.exec();
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.after("decision", decision_id);
    audit.append(in.grant ? "decide.grant" : "decide.refuse", c.number, c.fnr, "appeal deadline " + r.appeal_deadline);
    audit.flush();
    return r;
  });
}

PreliminaryReplyResult record_preliminary_reply(const Context& ctx, std::string_view case_number, Date expected_by,
                                                const std::string& reason) {
  require_text(reason, "--reason");
  const Date today = ctx.today();
  if (expected_by < today) throw make_error(ExitCode::data, "prelim.expected_past", format_date(expected_by));
  return ctx.db.write([&] {
    const CaseRef c = find_case(ctx.db, case_number);
    if (c.status != kCaseReceived) throw make_error(ExitCode::refused, "prelim.decided", c.number, c.status);
    const LetterFacts f = letter_facts(ctx.db, c);
    const Lang L = ctx.rv.municipality.language;
    PreliminaryReplyResult r;
    r.case_number = c.number;
    r.sent_on = format_date(today);
    r.expected_by = format_date(expected_by);
    std::string& t = r.letter;
    t += ctx.rv.municipality.name + "\n";
    t += tr(L, "letter.prelim_title", c.number) + "\n\n";
    t += tr(L, "letter.to", f.name, f.masked) + "\n";
    t += tr(L, "letter.date", long_date(today, L)) + "\n\n";
    t += tr(L, "letter.prelim_body", long_date(f.received, L), long_date(expected_by, L)) + "\n";
    if (!reason.empty()) t += tr(L, "letter.prelim_reason", reason) + "\n";
    t += "\n" + tr(L, "letter.signature", ctx.actor, ctx.rv.municipality.name) + "\n";
    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO preliminary_reply(case_id, sent_on, expected_by, text, sent_by) VALUES (?, ?, ?, ?, ?)");
    ins.bind(1, c.id);
    ins.bind(2, r.sent_on);
    ins.bind(3, r.expected_by);
    ins.bind(4, r.letter);
    ins.bind(5, ctx.actor);
    ins.exec();
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("decide.preliminary_reply", c.number, c.fnr, "expected by " + r.expected_by);
    audit.flush();
    return r;
  });
}

}  // namespace oppteam
