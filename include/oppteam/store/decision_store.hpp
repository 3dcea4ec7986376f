#pragma once
// The SQL of decisions (decision, decision_history), foreløpige svar
// (preliminary_reply) and appeals (appeal, appeal_step). Typed in, domain
// values out; the rules (who may decide, when, the appeal's steps and
// deadlines) and the letters' text are the process's and the composers'.

#include <oppteam/domain/decision.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

class DecisionStore {
 public:
  explicit DecisionStore(Database& db) : db_(db) {}

  // The decision in force of the case, none when it has none.
  std::optional<Decision> in_force(std::int64_t case_id);
  // True when the case's decision in force grants it.
  bool granted(std::int64_t case_id);
  // The date (ISO) of the case's first decision, the replaced ones
  // (decision_history) included; none before the case is decided.
  std::optional<std::string> first_decided_on(std::int64_t case_id);
  // Stores the case's first decision; returns its id.
  std::int64_t add(std::int64_t case_id, const Decision& d);
  // Keeps decision `decision_id` as it is in decision_history (replaced on
  // `replaced_on` by `replaced_by`, after appeal `appeal_id` when given),
  // then makes its row decision `d`.
  void replace(std::int64_t decision_id, std::optional<std::int64_t> appeal_id, const std::string& replaced_on,
               const std::string& replaced_by, const Decision& d);

  // The facts a letter names: the person's name ("" when none is known) and
  // the date the case's first referral was received (none when none).
  struct LetterFacts {
    std::string name;
    std::optional<std::string> first_received;
  };
  std::optional<LetterFacts> letter_facts(std::int64_t case_id, std::int64_t person_id);

  void add_preliminary_reply(std::int64_t case_id, const std::string& sent_on, const std::string& expected_by,
                             const std::string& text, const std::string& sent_by);

 private:
  Database& db_;
};

class AppealStore {
 public:
  explicit AppealStore(Database& db) : db_(db) {}

  // The newest appeal of the case with a step owed, none when none is.
  std::optional<Appeal> open(std::int64_t case_id);
  // The date appeal `id` was received ("" when there is no such appeal).
  std::string received_on(std::int64_t id);
  // Stores appeal `a` against decision `decision_id` (status received),
  // registered on `registered_on`; returns its id.
  std::int64_t add(std::int64_t case_id, std::int64_t decision_id, const Appeal& a, const std::string& registered_on);
  // Keeps step `s` of appeal `id` and moves the appeal to `status` on `s.on`;
  // returns the step's id.
  std::int64_t add_step(std::int64_t id, const AppealStep& s, AppealStatus status);
  // The case's appeals, oldest first, with their steps (`due` not set).
  std::vector<Appeal> list(std::int64_t case_id);

 private:
  Database& db_;
};

}  // namespace oppteam
