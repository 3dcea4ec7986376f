#pragma once
// The SQL of consents (consent) and the person's own no (consent_decline).
// Typed in, domain values out; the age rule, the scopes and what a
// withdrawal does to a team are process/consent.cpp's.

#include <oppteam/domain/consent.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

class ConsentStore {
 public:
  explicit ConsentStore(Database& db) : db_(db) {}

  // Stores consent `r` of the case (its id, withdrawal and validity are not
  // read; empty optional texts are stored as none); returns its id.
  std::int64_t add(std::int64_t case_id, const ConsentRecord& r);
  // The consents of the case not withdrawn, for `scope`, or only consent
  // `id` when given: (id, scope) pairs.
  struct InForce {
    std::int64_t id = 0;
    std::string scope;
    std::string given_on;  // ISO
  };
  std::vector<InForce> not_withdrawn(std::int64_t case_id, const std::string& scope, std::optional<std::int64_t> id);
  void withdraw(std::int64_t consent_id, const std::string& on, const std::string& by, const std::string& reason);
  // Every consent of the case, oldest first (`valid` not set).
  std::vector<ConsentRecord> consents(std::int64_t case_id);
  // The names of the foresatte who gave consents in the case, in the order they first did.
  std::vector<std::string> foresatt_names(std::int64_t case_id);

  // Stores decline `d` of the case; returns its id.
  std::int64_t add_decline(std::int64_t case_id, const DeclineRecord& d);
  std::vector<DeclineRecord> declines(std::int64_t case_id);

 private:
  Database& db_;
};

}  // namespace oppteam
