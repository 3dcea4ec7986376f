#pragma once
// The SQL of `archive export` (Noark 5): the closed cases to hand over, the
// letters and plan revisions of each, and the record of what was exported.
// Rows come back as plain values; which case may be archived, and what
// becomes which document, are the documents layer's rules.

#include <oppteam/domain/decision.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

struct ArchiveCaseRow {
  std::int64_t id = 0;
  std::string number;
  int year = 0, seq = 0;
  std::string person_name, fnr;
  std::string opened_on, closed_on, close_reason;
  bool closed = false;
};

// A letter sent to the person: a decision (one replaced on appeal too) or a
// foreløpig svar, dated the day it was sent, with its id (0 for the decision
// in force, which has one per case).
struct ArchiveLetterRow {
  std::optional<DecisionOutcome> outcome;  // of a decision; none for a foreløpig svar
  std::string date, author, text;
  std::int64_t id = 0;
};

struct ArchivePlanRevisionRow {
  int revision = 0;
  std::string created_at, created_by, snapshot;  // snapshot: the plan as JSON
};

class ArchiveStore {
 public:
  explicit ArchiveStore(Database& db) : db_(db) {}

  // The case with id `case_id` (it exists: the caller found it).
  ArchiveCaseRow case_by_id(std::int64_t case_id);
  // The closed cases closed before `date` (YYYY-MM-DD), in case number order.
  std::vector<ArchiveCaseRow> closed_before(const std::string& date);

  // The decisions an appeal replaced, in the order they were made.
  std::vector<ArchiveLetterRow> replaced_decisions(std::int64_t case_id);
  // The decision in force, if any.
  std::optional<ArchiveLetterRow> decision(std::int64_t case_id);
  std::vector<ArchiveLetterRow> preliminary_replies(std::int64_t case_id);
  std::vector<ArchivePlanRevisionRow> plan_revisions(std::int64_t case_id);

  // Records that `case_id` went into `package` with `documents` documents.
  void record_export(std::int64_t case_id, const std::string& exported_at, const std::string& exported_by,
                     const std::string& package, int documents);

 private:
  Database& db_;
};

}  // namespace oppteam
