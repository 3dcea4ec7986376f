#pragma once
// The SQL of evaluations (tables evaluation, indicator_value) as domain
// values (domain/evaluation.hpp), and the rows an evaluation that closes the
// case changes besides its plan (team, case_file). The rules are the
// evaluation process's (src/process/evaluation.cpp).

#include <oppteam/domain/evaluation.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace oppteam {

class EvaluationStore {
 public:
  explicit EvaluationStore(Database& db) : db_(db) {}

  // Stores `e` (not its id or case number) for the case, with its
  // indicators, written at `created_at`; returns its id.
  std::int64_t add(std::int64_t case_id, const Evaluation& e, const std::string& created_at);
  // The case's evaluations, oldest first, with their indicators.
  std::vector<Evaluation> of_case(std::int64_t case_id);
  // An evaluation that closes: the team and the case closed on `on` for `reason`.
  void close_team_and_case(std::int64_t team_id, std::int64_t case_id, const std::string& on, const std::string& reason);

 private:
  Database& db_;
};

}  // namespace oppteam
