#pragma once
// The SQL of assessments (assessment, what_matters). Typed in, domain values
// out; scoring and the rules are process/assessment.cpp's.

#include <oppteam/domain/assessment.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

class AssessmentStore {
 public:
  explicit AssessmentStore(Database& db) : db_(db) {}

  // Stores assessment `a` of the case (without its what-matters answers),
  // created at `created_at`; returns its id.
  std::int64_t add(std::int64_t case_id, const Assessment& a, const std::string& created_at);
  // Stores one what-matters answer of assessment `assessment_id`; returns its id.
  std::int64_t add_what_matters(std::int64_t case_id, std::int64_t assessment_id, const std::string& text);
  // The case's assessments, oldest first, with their what-matters answers.
  std::vector<Assessment> list(std::int64_t case_id);
  // The distinct professions that have assessed the case, in the order they first did.
  std::vector<std::string> professions(std::int64_t case_id);
  // The date (ISO) of the case's first assessment not voided as entered in
  // error; none when every one is voided or there is none.
  std::optional<std::string> first_not_voided_on(std::int64_t case_id);

 private:
  Database& db_;
};

}  // namespace oppteam
