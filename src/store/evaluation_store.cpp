#include <oppteam/store/evaluation_store.hpp>

#include <oppteam/store/sql_values.hpp>
#include <oppteam/store/stored_enum.hpp>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

namespace oppteam {

std::int64_t EvaluationStore::add(std::int64_t case_id, const Evaluation& e, const std::string& created_at) {
  nlohmann::json goals = nlohmann::json::object();  // the column's own format: goal number -> GAS score
  for (const auto& [n, v] : e.goals) goals[std::to_string(n)] = v;
  SQLite::Statement ins(db_.sql(),
                        "INSERT INTO evaluation (case_id, evaluated_on, quality, decision, reason, comment, next_on, goals, "
                        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ins.bind(1, case_id);
  ins.bind(2, e.evaluated_on);
  if (e.quality) ins.bind(3, *e.quality);
  else ins.bind(3);
  ins.bind(4, std::string(to_stored(e.decision)));
  sql::bind_text_or_null(ins, 5, e.reason);
  sql::bind_text_or_null(ins, 6, e.comment);
  sql::bind_text_or_null(ins, 7, e.next_on);
  ins.bind(8, goals.dump());
  ins.bind(9, e.created_by);
  ins.bind(10, created_at);
  ins.exec();
  const std::int64_t id = db_.sql().getLastInsertRowid();
  SQLite::Statement iv(db_.sql(), "INSERT INTO indicator_value (evaluation_id, indicator, value) VALUES (?, ?, ?)");
  for (const auto& [indicator, v] : e.indicators) {
    iv.reset();
    iv.bind(1, id);
    iv.bind(2, indicator);
    iv.bind(3, v);
    iv.exec();
  }
  return id;
}

std::vector<Evaluation> EvaluationStore::of_case(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT e.id, c.number, e.evaluated_on, e.quality, e.decision, e.reason, e.comment, e.next_on, e.goals, "
                      "e.created_by FROM evaluation e JOIN case_file c ON c.id = e.case_id WHERE e.case_id = ? "
                      "ORDER BY e.evaluated_on, e.id");
  SQLite::Statement iv(db_.sql(), "SELECT indicator, value FROM indicator_value WHERE evaluation_id = ? ORDER BY indicator");
  q.bind(1, case_id);
  std::vector<Evaluation> out;
  while (q.executeStep()) {
    Evaluation e;
    e.id = q.getColumn(0).getInt64();
    e.case_number = sql::text_or_empty(q, 1);
    e.evaluated_on = sql::text_or_empty(q, 2);
    e.quality = sql::int_or_none(q, 3);
    e.decision = stored_enum(evaluation_decision_from, "evaluation.decision", sql::text_or_empty(q, 4));
    e.reason = sql::text_or_empty(q, 5);
    e.comment = sql::text_or_empty(q, 6);
    e.next_on = sql::text_or_empty(q, 7);
    auto goals = nlohmann::json::parse(sql::text_or_empty(q, 8), nullptr, false);
    if (goals.is_object())
      for (auto it = goals.begin(); it != goals.end(); ++it) e.goals[std::stoi(it.key())] = it.value().get<int>();
    e.created_by = sql::text_or_empty(q, 9);
    iv.reset();
    iv.bind(1, e.id);
    while (iv.executeStep()) e.indicators[iv.getColumn(0).getString()] = iv.getColumn(1).getInt();
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace oppteam
