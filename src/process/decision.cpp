#include <oppteam/process/decision.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/guardian.hpp>
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

// The letterhead's lines: the municipality, the unit and its address ([municipality]).
std::string letter_header(const Rammeverk& rv) {
  std::string out = rv.municipality.name;
  if (!rv.municipality.unit.empty()) out += "\n" + rv.municipality.unit;
  if (!rv.municipality.address.empty()) out += "\n" + rv.municipality.address;
  return out;
}

// Who the letter goes to: the verge of a person who has one; the foresatte
// of a person under consent_age on `on` (recorded with person guardian add,
// else the names of the consents they gave); else the person.
std::string letter_addressee(const Context& ctx, const CaseRef& c, const LetterFacts& f, Date on) {
  const Lang L = ctx.rv.municipality.language;
  const auto guardians = read_guardians(ctx.db, c.person_id);
  auto of_kind = [&](std::string_view kind) {
    std::vector<Guardian> out;
    for (const auto& g : guardians)
      if (g.kind == kind && g.ended_on.empty()) out.push_back(g);
    return out;
  };
  auto lines = [&](const std::vector<Guardian>& gs, std::string_view key) {
    std::string names, addresses;
    for (const auto& g : gs) {
      names += (names.empty() ? "" : tr(L, "letter.and")) + g.name;
      if (!g.address.empty()) addresses += "\n" + g.address;
    }
    return tr(L, key, names, f.name, f.masked) + addresses;
  };
  if (const auto verger = of_kind("verge"); !verger.empty()) return lines(verger, "letter.to_verge");
  const auto birth = try_parse_date(c.birth_date);
  if (birth && years_between(*birth, on) < ctx.rv.rules.consent_age) {
    auto parents = of_kind("foresatt");
    if (parents.empty()) {
      SQLite::Statement q(ctx.db.sql(),
                          "SELECT giver_name FROM consent WHERE case_id = ? AND given_by = 'foresatt' "
                          "AND giver_name IS NOT NULL GROUP BY giver_name ORDER BY min(id)");
      q.bind(1, c.id);
      while (q.executeStep()) parents.push_back({0, "foresatt", q.getColumn(0).getString(), "", "", "", "", ""});
    }
    if (!parents.empty()) return lines(parents, "letter.to_foresatte");
  }
  return tr(L, "letter.to", f.name, f.masked);
}

// The signature: "--signed-by" as given, else the officer's full name and
// title of [[access.user]] (else the user name), and the unit.
std::string letter_signature(const Context& ctx, const std::string& signed_by) {
  std::string who = trim(signed_by);
  if (who.empty()) {
    who = ctx.actor;
    for (const auto& u : ctx.rv.access.users)
      if (u.name == ctx.actor) {
        if (!u.full_name.empty()) who = u.full_name;
        if (!u.title.empty()) who += ", " + u.title;
        break;
      }
  }
  std::string unit = ctx.rv.municipality.name;
  if (!ctx.rv.municipality.unit.empty()) unit = ctx.rv.municipality.unit + "\n" + unit;
  return tr(ctx.rv.municipality.language, "letter.signature", who, unit);
}

void check_signed_by(const std::string& signed_by) { require_text(signed_by, "--signed-by", TextField::line); }

}  // namespace

DecisionResult decide_case(const Context& ctx, std::string_view case_number, const DecisionInput& in) {
  authorize(ctx, "decide");
  require_text(in.grounds, "--grounds");
  if (!in.grant && in.grounds.find_first_not_of(" \t\r\n") == std::string::npos)
    throw make_error(ExitCode::usage, "decide.grounds_required");
  const Date today = ctx.today();
  const Date on = in.decided_on.value_or(today);
  if (on > today) throw make_error(ExitCode::data, "decide.future_date", format_date(on));
  check_signed_by(in.signed_by);

  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "decide", case_number);
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
    return write_decision(ctx, c, in, std::nullopt);
  });
}

DecisionResult write_decision(const Context& ctx, const CaseRef& c, const DecisionInput& in, std::optional<std::int64_t> appeal_id) {
  check_signed_by(in.signed_by);
  const Date on = in.decided_on.value_or(ctx.today());
  const LetterFacts f = letter_facts(ctx.db, c);
  const Lang L = ctx.rv.municipality.language;
  const std::string& kommune = ctx.rv.municipality.name;
  const Date deadline = appeal_deadline(ctx.rv, on);

  DecisionResult r;
  r.case_number = c.number;
  r.outcome = in.grant ? "granted" : "refused";
  r.decided_on = format_date(on);
  r.appeal_deadline = format_date(deadline);
  std::string appeal_received;
  if (appeal_id) {
    SQLite::Statement q(ctx.db.sql(), "SELECT received_on FROM appeal WHERE id = ?");
    q.bind(1, *appeal_id);
    if (q.executeStep()) appeal_received = q.getColumn(0).getString();
  }
  std::string& t = r.letter;
  t += letter_header(ctx.rv) + "\n";
  t += tr(L, "letter.decision_title", c.number) + "\n\n";
  t += letter_addressee(ctx, c, f, on) + "\n";
  t += tr(L, "letter.date", long_date(on, L)) + "\n";
  t += tr(L, "letter.received", long_date(f.received, L)) + "\n\n";
  if (!appeal_received.empty()) t += tr(L, "letter.after_appeal", long_date(appeal_received, L)) + "\n\n";
  t += tr(L, in.grant ? "letter.granted" : "letter.refused") + "\n";
  if (!in.grounds.empty()) t += "\n" + tr(L, "letter.grounds", in.grounds) + "\n";
  t += "\n" + tr(L, "letter.appeal_title") + "\n";
  t += tr(L, "letter.appeal", kommune, ctx.rv.deadlines.appeal, long_date(deadline, L)) + "\n";
  t += tr(L, "letter.access") + "\n\n";
  t += letter_signature(ctx, in.signed_by) + "\n";

  AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
  std::int64_t decision_id = 0;
  {
    SQLite::Statement q(ctx.db.sql(), "SELECT id FROM decision WHERE case_id = ?");
    q.bind(1, c.id);
    if (q.executeStep()) decision_id = q.getColumn(0).getInt64();
  }
  if (decision_id) {
    // A new decision after an appeal: the one before is kept as it was, and
    // the row becomes the decision in force (sealed before and after).
    SQLite::Statement h(ctx.db.sql(),
                        "INSERT INTO decision_history(case_id, decision_id, appeal_id, outcome, grounds, decided_on, decided_by, "
                        "appeal_deadline, letter, replaced_on, replaced_by) SELECT case_id, id, ?, outcome, grounds, decided_on, "
                        "decided_by, appeal_deadline, letter, ?, ? FROM decision WHERE id = ?");
    if (appeal_id) h.bind(1, *appeal_id);
    else h.bind(1);
    h.bind(2, format_date(ctx.today()));
    h.bind(3, ctx.actor);
    h.bind(4, decision_id);
    h.exec();
    audit.before("decision", decision_id);
    SQLite::Statement u(ctx.db.sql(),
                        "UPDATE decision SET outcome = ?, grounds = ?, decided_on = ?, decided_by = ?, appeal_deadline = ?, "
                        "letter = ? WHERE id = ?");
    u.bind(1, r.outcome);
    if (in.grounds.empty()) u.bind(2);
    else u.bind(2, in.grounds);
    u.bind(3, r.decided_on);
    u.bind(4, ctx.actor);
    u.bind(5, r.appeal_deadline);
    u.bind(6, r.letter);
    u.bind(7, decision_id);
    u.exec();
  } else {
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
    decision_id = ctx.db.sql().getLastInsertRowid();
    audit.after("decision", decision_id);
  }
  SQLite::Statement upd(ctx.db.sql(), "UPDATE case_file SET status = ? WHERE id = ?");
  upd.bind(1, std::string(in.grant ? kCaseGranted : kCaseRefused));
  upd.bind(2, c.id);
  upd.exec();
  audit.append(in.grant ? "decide.grant" : "decide.refuse", c.number, c.fnr,
               "appeal deadline " + r.appeal_deadline + (appeal_id ? " (after appeal " + std::to_string(*appeal_id) + ")" : ""));
  audit.flush();
  return r;
}

DecisionLetter decision_letter(const Context& ctx, std::string_view case_number) {
  authorize_some(ctx, "case.read");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "case.read", case_number);
    SQLite::Statement q(ctx.db.sql(), "SELECT outcome, decided_on, letter FROM decision WHERE case_id = ?");
    q.bind(1, c.id);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "decide.no_decision", c.number);
    DecisionLetter out{c.number, q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()};
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "decide.letter.show", c.number, c.fnr, "letter read");
    return out;
  });
}

PreliminaryReplyResult record_preliminary_reply(const Context& ctx, std::string_view case_number, Date expected_by,
                                                const std::string& reason, const std::string& signed_by) {
  authorize(ctx, "decide");
  require_text(reason, "--reason");
  check_signed_by(signed_by);
  const Date today = ctx.today();
  if (expected_by < today) throw make_error(ExitCode::data, "prelim.expected_past", format_date(expected_by));
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "decide", case_number);
    if (c.status != kCaseReceived) throw make_error(ExitCode::refused, "prelim.decided", c.number, c.status);
    const LetterFacts f = letter_facts(ctx.db, c);
    const Lang L = ctx.rv.municipality.language;
    PreliminaryReplyResult r;
    r.case_number = c.number;
    r.sent_on = format_date(today);
    r.expected_by = format_date(expected_by);
    std::string& t = r.letter;
    t += letter_header(ctx.rv) + "\n";
    t += tr(L, "letter.prelim_title", c.number) + "\n\n";
    t += letter_addressee(ctx, c, f, today) + "\n";
    t += tr(L, "letter.date", long_date(today, L)) + "\n\n";
    t += tr(L, "letter.prelim_body", long_date(f.received, L), long_date(expected_by, L)) + "\n";
    if (!reason.empty()) t += tr(L, "letter.prelim_reason", reason) + "\n";
    t += "\n" + letter_signature(ctx, signed_by) + "\n";
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
