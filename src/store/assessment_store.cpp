#include <oppteam/store/assessment_store.hpp>

#include <nlohmann/json.hpp>

namespace oppteam {

std::int64_t AssessmentStore::add(std::int64_t case_id, const Assessment& a, const std::string& created_at) {
  nlohmann::json answers = a.answers;
  nlohmann::ordered_json domains = nlohmann::ordered_json::object();
  for (const auto& [domain, score] : a.domains) domains[domain] = score;
  nlohmann::json unanswered = a.unanswered;
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO assessment (case_id, instrument, instrument_version, rammeverk_hash, assessor, "
                      "profession, assessed_on, score, threshold, recommendation, partial, answers, domains, "
                      "unanswered, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  q.bind(1, case_id);
  q.bind(2, a.instrument);
  q.bind(3, a.instrument_version);
  q.bind(4, a.rammeverk_hash);
  q.bind(5, a.assessor);
  q.bind(6, a.profession);
  q.bind(7, a.assessed_on);
  q.bind(8, a.score);
  q.bind(9, a.threshold);
  q.bind(10, a.recommendation);
  q.bind(11, a.partial ? 1 : 0);
  q.bind(12, answers.dump());
  q.bind(13, domains.dump());
  q.bind(14, unanswered.dump());
  q.bind(15, a.created_by);
  q.bind(16, created_at);
  q.exec();
  return db_.sql().getLastInsertRowid();
}

void AssessmentStore::add_what_matters(std::int64_t case_id, std::int64_t assessment_id, const std::string& text) {
  SQLite::Statement q(db_.sql(), "INSERT INTO what_matters (case_id, assessment_id, text) VALUES (?, ?, ?)");
  q.bind(1, case_id);
  q.bind(2, assessment_id);
  q.bind(3, text);
  q.exec();
}

std::vector<Assessment> AssessmentStore::list(std::int64_t case_id) {
  return db_.read_per_statement([&] {
    SQLite::Statement q(db_.sql(),
                        "SELECT a.id, c.number, a.instrument, a.instrument_version, a.rammeverk_hash, a.assessor, "
                        "a.profession, a.assessed_on, a.score, a.threshold, a.recommendation, a.partial, a.answers, "
                        "a.domains, a.unanswered, a.created_by FROM assessment a JOIN case_file c ON c.id = a.case_id "
                        "WHERE a.case_id = ? ORDER BY a.id");
    q.bind(1, case_id);
    SQLite::Statement wm(db_.sql(), "SELECT text FROM what_matters WHERE assessment_id = ? ORDER BY id");
    std::vector<Assessment> out;
    while (q.executeStep()) {
      Assessment a;
      a.id = q.getColumn(0).getInt64();
      a.case_number = q.getColumn(1).getString();
      a.instrument = q.getColumn(2).getString();
      a.instrument_version = q.getColumn(3).getInt();
      a.rammeverk_hash = q.getColumn(4).getString();
      a.assessor = q.getColumn(5).getString();
      a.profession = q.getColumn(6).getString();
      a.assessed_on = q.getColumn(7).getString();
      a.score = q.getColumn(8).getInt();
      a.threshold = q.getColumn(9).getInt();
      a.recommendation = q.getColumn(10).getString();
      a.partial = q.getColumn(11).getInt() != 0;
      auto answers = nlohmann::json::parse(q.getColumn(12).getString(), nullptr, false);
      if (answers.is_object())
        for (const auto& [k, v] : answers.items())
          if (v.is_number_integer()) a.answers[k] = v.get<int>();
      // Stored in the instrument's domain order (ordered_json keeps it).
      auto domains = nlohmann::ordered_json::parse(q.getColumn(13).getString(), nullptr, false);
      if (domains.is_object())
        for (const auto& [k, v] : domains.items())
          if (v.is_number_integer()) a.domains.emplace_back(k, v.get<int>());
      auto unanswered = nlohmann::json::parse(q.getColumn(14).getString(), nullptr, false);
      if (unanswered.is_array())
        for (const auto& v : unanswered)
          if (v.is_string()) a.unanswered.push_back(v.get<std::string>());
      a.created_by = q.getColumn(15).getString();
      wm.bind(1, a.id);
      while (wm.executeStep()) a.what_matters.push_back(wm.getColumn(0).getString());
      wm.reset();
      out.push_back(std::move(a));
    }
    return out;
  });
}

std::vector<std::string> AssessmentStore::professions(std::int64_t case_id) {
  return db_.read_per_statement([&] {
    SQLite::Statement q(db_.sql(), "SELECT profession FROM assessment WHERE case_id = ? GROUP BY profession ORDER BY MIN(id)");
    q.bind(1, case_id);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  });
}

std::optional<std::string> AssessmentStore::first_not_voided_on(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT min(a.assessed_on) FROM assessment a WHERE a.case_id = ? AND NOT EXISTS "
                                 "(SELECT 1 FROM correction x WHERE x.object = 'assessment' AND x.object_id = a.id "
                                 "AND x.field = 'void')");
  q.bind(1, case_id);
  q.executeStep();
  if (q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getString();
}

}  // namespace oppteam
