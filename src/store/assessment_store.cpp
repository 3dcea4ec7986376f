#include <oppteam/store/assessment_store.hpp>

#include <oppteam/store/sql_values.hpp>

#include <nlohmann/json.hpp>

namespace oppteam {

std::int64_t AssessmentStore::add(std::int64_t case_id, const Assessment& a, const std::string& created_at) {
  nlohmann::json answers = a.answers;
  nlohmann::ordered_json domains = nlohmann::ordered_json::object();
  for (const auto& [domain, score] : a.domains) domains[domain] = score;
  nlohmann::json unanswered = a.unanswered;
  return sql::insert(db_,
                     "INSERT INTO assessment (case_id, instrument, instrument_version, rammeverk_hash, assessor, "
                     "profession, assessed_on, score, threshold, recommendation, partial, answers, domains, "
                     "unanswered, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     case_id, a.instrument, a.instrument_version, a.rammeverk_hash, a.assessor, a.profession, a.assessed_on,
                     a.score, a.threshold, a.recommendation, a.partial, answers.dump(), domains.dump(), unanswered.dump(),
                     a.created_by, created_at);
}

std::int64_t AssessmentStore::add_what_matters(std::int64_t case_id, std::int64_t assessment_id, const std::string& text) {
  return sql::insert(db_, "INSERT INTO what_matters (case_id, assessment_id, text) VALUES (?, ?, ?)", case_id, assessment_id, text);
}

std::vector<Assessment> AssessmentStore::list(std::int64_t case_id) {
  return db_.read_per_statement([&] {
    sql::Query q(db_,
                 "SELECT a.id, c.number, a.instrument, a.instrument_version, a.rammeverk_hash, a.assessor, "
                 "a.profession, a.assessed_on, a.score, a.threshold, a.recommendation, a.partial, a.answers, "
                 "a.domains, a.unanswered, a.created_by FROM assessment a JOIN case_file c ON c.id = a.case_id "
                 "WHERE a.case_id = ? ORDER BY a.id",
                 case_id);
    sql::Query what_matters(db_, "SELECT text FROM what_matters WHERE assessment_id = ? ORDER BY id");
    return q.all([&](sql::Row& r) {
      Assessment a;
      r.read(a.id, a.case_number, a.instrument, a.instrument_version, a.rammeverk_hash, a.assessor, a.profession, a.assessed_on,
             a.score, a.threshold, a.recommendation, a.partial);
      auto answers = nlohmann::json::parse(r.text(), nullptr, false);
      if (answers.is_object())
        for (const auto& [k, v] : answers.items())
          if (v.is_number_integer()) a.answers[k] = v.get<int>();
      // Stored in the instrument's domain order (ordered_json keeps it).
      auto domains = nlohmann::ordered_json::parse(r.text(), nullptr, false);
      if (domains.is_object())
        for (const auto& [k, v] : domains.items())
          if (v.is_number_integer()) a.domains.emplace_back(k, v.get<int>());
      auto unanswered = nlohmann::json::parse(r.text(), nullptr, false);
      if (unanswered.is_array())
        for (const auto& v : unanswered)
          if (v.is_string()) a.unanswered.push_back(v.get<std::string>());
      r.read(a.created_by);
      what_matters.rebind(a.id);
      a.what_matters = what_matters.all(&sql::Row::text);
      return a;
    });
  });
}

std::vector<std::string> AssessmentStore::professions(std::int64_t case_id) {
  return db_.read_per_statement([&] {
    return sql::Query(db_, "SELECT profession FROM assessment WHERE case_id = ? GROUP BY profession ORDER BY MIN(id)", case_id)
        .all(&sql::Row::text);
  });
}

std::optional<std::string> AssessmentStore::first_not_voided_on(std::int64_t case_id) {
  return sql::Query(db_,
                    "SELECT min(a.assessed_on) FROM assessment a WHERE a.case_id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM correction x WHERE x.object = 'assessment' AND x.object_id = a.id "
                    "AND x.field = 'void')",
                    case_id)
      .one(&sql::Row::text_or_none);
}

}  // namespace oppteam
