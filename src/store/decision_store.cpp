#include <oppteam/store/decision_store.hpp>

#include <oppteam/store/sql_values.hpp>

namespace oppteam {

using sql::null_if_empty;

std::optional<Decision> DecisionStore::in_force(std::int64_t case_id) {
  return sql::Query(db_, "SELECT id, outcome, grounds, decided_on, decided_by, appeal_deadline, letter FROM decision WHERE case_id = ?",
                    case_id)
      .first([](sql::Row& r) {
        return Decision{.id = r.int64(), .outcome = r.stored(decision_outcome_from, "decision.outcome"), .grounds = r.text(),
                        .decided_on = r.text(), .decided_by = r.text(), .appeal_deadline = r.text(), .letter = r.text()};
      });
}

bool DecisionStore::granted(std::int64_t case_id) {
  return sql::Query(db_, "SELECT 1 FROM decision WHERE case_id = ? AND outcome = 'granted'", case_id).next();
}

std::optional<std::string> DecisionStore::first_decided_on(std::int64_t case_id) {
  return sql::Query(db_,
                    "SELECT min(decided_on) FROM (SELECT decided_on FROM decision WHERE case_id = ?1 "
                    "UNION ALL SELECT decided_on FROM decision_history WHERE case_id = ?1) HAVING count(*) > 0",
                    case_id)
      .first(&sql::Row::text);
}

std::int64_t DecisionStore::add(std::int64_t case_id, const Decision& d) {
  return sql::insert(db_,
                     "INSERT INTO decision(case_id, outcome, grounds, decided_on, decided_by, appeal_deadline, letter) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     case_id, d.outcome, null_if_empty(d.grounds), d.decided_on, d.decided_by, d.appeal_deadline, d.letter);
}

void DecisionStore::replace(std::int64_t decision_id, std::optional<std::int64_t> appeal_id, const std::string& replaced_on,
                            const std::string& replaced_by, const Decision& d) {
  sql::exec(db_,
            "INSERT INTO decision_history(case_id, decision_id, appeal_id, outcome, grounds, decided_on, decided_by, "
            "appeal_deadline, letter, replaced_on, replaced_by) SELECT case_id, id, ?, outcome, grounds, decided_on, "
            "decided_by, appeal_deadline, letter, ?, ? FROM decision WHERE id = ?",
            appeal_id, replaced_on, replaced_by, decision_id);
  sql::exec(db_,
            "UPDATE decision SET outcome = ?, grounds = ?, decided_on = ?, decided_by = ?, appeal_deadline = ?, "
            "letter = ? WHERE id = ?",
            d.outcome, null_if_empty(d.grounds), d.decided_on, d.decided_by, d.appeal_deadline, d.letter, decision_id);
}

std::optional<DecisionStore::LetterFacts> DecisionStore::letter_facts(std::int64_t case_id, std::int64_t person_id) {
  return sql::Query(db_,
                    "SELECT coalesce(p.name, ''), (SELECT min(received_on) FROM referral WHERE case_id = ?) "
                    "FROM person p WHERE p.id = ?",
                    case_id, person_id)
      .first([](sql::Row& r) { return LetterFacts{r.text(), r.text_or_none()}; });
}

void DecisionStore::add_preliminary_reply(std::int64_t case_id, const std::string& sent_on, const std::string& expected_by,
                                          const std::string& text, const std::string& sent_by) {
  sql::exec(db_, "INSERT INTO preliminary_reply(case_id, sent_on, expected_by, text, sent_by) VALUES (?, ?, ?, ?, ?)", case_id,
            sent_on, expected_by, text, sent_by);
}

std::optional<Appeal> AppealStore::open(std::int64_t case_id) {
  return sql::Query(db_,
                    "SELECT id, status, status_on, received_on FROM appeal WHERE case_id = ? AND "
                    "(status = 'received' OR status = 'upheld' OR status = 'forwarded' OR status = 'returned') "
                    "ORDER BY id DESC LIMIT 1",
                    case_id)
      .first([](sql::Row& r) {
        Appeal a;
        r.read(a.id);
        a.status = r.stored(appeal_status_from, "appeal.status");
        r.read(a.status_on, a.received_on);
        return a;
      });
}

std::string AppealStore::received_on(std::int64_t id) {
  return sql::Query(db_, "SELECT received_on FROM appeal WHERE id = ?", id).first(&sql::Row::text).value_or(std::string());
}

std::int64_t AppealStore::add(std::int64_t case_id, std::int64_t decision_id, const Appeal& a, const std::string& registered_on) {
  return sql::insert(db_,
                     "INSERT INTO appeal(case_id, decision_id, received_on, appellant, appellant_name, deadline, late, "
                     "decision_outcome, status, status_on, registered_on, registered_by) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     case_id, decision_id, a.received_on, a.from, null_if_empty(a.name), a.deadline, a.late,
                     a.decision_outcome, AppealStatus::received, a.received_on, registered_on, a.registered_by);
}

std::int64_t AppealStore::add_step(std::int64_t id, const AppealStep& s, AppealStatus status) {
  // The forwarding step has no result: stored as NULL.
  const std::string result(to_stored(s.result));
  const std::int64_t step_id =
      sql::insert(db_, "INSERT INTO appeal_step(appeal_id, step, result, step_on, grounds, recorded_by) VALUES (?, ?, ?, ?, ?, ?)", id,
                  s.step, null_if_empty(result), s.on, null_if_empty(s.grounds), s.by);
  sql::exec(db_, "UPDATE appeal SET status = ?, status_on = ? WHERE id = ?", status, s.on, id);
  return step_id;
}

std::vector<Appeal> AppealStore::list(std::int64_t case_id) {
  std::vector<Appeal> out =
      sql::Query(db_,
                 "SELECT a.id, c.number, a.received_on, a.appellant, coalesce(a.appellant_name, ''), a.deadline, a.late, "
                 "a.decision_outcome, a.status, a.status_on, a.registered_by FROM appeal a JOIN case_file c ON c.id = a.case_id "
                 "WHERE a.case_id = ? ORDER BY a.id",
                 case_id)
          .all([](sql::Row& r) {
            Appeal a;
            r.read(a.id, a.case_number, a.received_on, a.from, a.name, a.deadline, a.late);
            a.decision_outcome = r.stored(decision_outcome_from, "appeal.decision_outcome");
            a.status = r.stored(appeal_status_from, "appeal.status");
            r.read(a.status_on, a.registered_by);
            return a;
          });
  sql::Query s(db_,
               "SELECT s.appeal_id, s.step, coalesce(s.result, ''), s.step_on, s.recorded_by, coalesce(s.grounds, '') "
               "FROM appeal_step s JOIN appeal a ON a.id = s.appeal_id WHERE a.case_id = ? ORDER BY s.id",
               case_id);
  while (s.next()) {
    auto r = s.row();
    const std::int64_t id = r.int64();
    const AppealStep step{r.stored(appeal_step_from, "appeal_step.step"), r.stored(appeal_step_result_from, "appeal_step.result"),
                          r.text(), r.text(), r.text()};
    for (auto& a : out)
      if (a.id == id) a.steps.push_back(step);
  }
  return out;
}

}  // namespace oppteam
