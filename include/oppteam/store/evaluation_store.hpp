#pragma once
// The SQL of evaluations (tables evaluation, indicator_value) as domain
// values (domain/evaluation.hpp). The rules, and what an evaluation that
// closes changes elsewhere (plan, team, case: their own stores), are the
// evaluation process's (src/process/evaluation.cpp).

#include <oppteam/domain/evaluation.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace oppteam {

class EvaluationStore {
 public:
  explicit EvaluationStore(Database& db) : db_(db) {}

  // Stores `e` (not its id or case number) for the case, with its
  // indicators, written at `created_at`; returns its id.
  std::int64_t add(std::int64_t case_id, const Evaluation& e, const std::string& created_at);
  // The ids of evaluation `evaluation_id`'s indicator values, first and
  // last: add() stores them one after the other (last < first when none).
  std::pair<std::int64_t, std::int64_t> indicator_ids(std::int64_t evaluation_id);
  // The case's evaluations, oldest first, with their indicators.
  std::vector<Evaluation> of_case(std::int64_t case_id);

 private:
  Database& db_;
};

}  // namespace oppteam
