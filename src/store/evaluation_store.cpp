#include <oppteam/store/evaluation_store.hpp>

#include <oppteam/store/sql_values.hpp>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

namespace oppteam {

std::int64_t EvaluationStore::add(std::int64_t case_id, const Evaluation& e, const std::string& created_at) {
  nlohmann::json goals = nlohmann::json::object();  // the column's own format: goal number -> GAS score
  for (const auto& [n, v] : e.goals) goals[std::to_string(n)] = v;
  const std::int64_t id =
      sql::insert(db_,
                  "INSERT INTO evaluation (case_id, evaluated_on, quality, decision, reason, comment, next_on, goals, "
                  "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  case_id, e.evaluated_on, e.quality, e.decision, sql::null_if_empty(e.reason), sql::null_if_empty(e.comment),
                  sql::null_if_empty(e.next_on), goals.dump(), e.created_by, created_at);
  SQLite::Statement iv(db_.sql(), "INSERT INTO indicator_value (evaluation_id, indicator, value) VALUES (?, ?, ?)");
  for (const auto& [indicator, v] : e.indicators) {
    iv.reset();
    sql::bind(iv, id, indicator, v);
    iv.exec();
  }
  return id;
}

std::pair<std::int64_t, std::int64_t> EvaluationStore::indicator_ids(std::int64_t evaluation_id) {
  return sql::Query(db_, "SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM indicator_value WHERE evaluation_id = ?",
                    evaluation_id)
      .one([](sql::Row& r) { return std::pair{r.int64(), r.int64()}; });
}

std::vector<Evaluation> EvaluationStore::of_case(std::int64_t case_id) {
  sql::Query q(db_,
               "SELECT e.id, c.number, e.evaluated_on, e.quality, e.decision, e.reason, e.comment, e.next_on, e.goals, "
               "e.created_by FROM evaluation e JOIN case_file c ON c.id = e.case_id WHERE e.case_id = ? "
               "ORDER BY e.evaluated_on, e.id",
               case_id);
  sql::Query iv(db_, "SELECT indicator, value FROM indicator_value WHERE evaluation_id = ? ORDER BY indicator");
  return q.all([&](sql::Row& r) {
    Evaluation e;
    r.read(e.id, e.case_number, e.evaluated_on, e.quality);
    e.decision = r.stored(evaluation_decision_from, "evaluation.decision");
    r.read(e.reason, e.comment, e.next_on);
    auto goals = nlohmann::json::parse(r.text(), nullptr, false);
    if (goals.is_object())
      for (auto it = goals.begin(); it != goals.end(); ++it) e.goals[std::stoi(it.key())] = it.value().get<int>();
    r.read(e.created_by);
    iv.rebind(e.id);
    while (iv.next()) {
      std::string indicator;
      int value = 0;
      iv.row().read(indicator, value);
      e.indicators[indicator] = value;
    }
    return e;
  });
}

}  // namespace oppteam
