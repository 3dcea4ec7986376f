#pragma once
// Helpers of the seal tests ([audit][seal]): `audit verify` as a document,
// and a row no command wrote.

#include "cli/harness.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

namespace seal_test {

// An assessment no command wrote: a copy of the first with the score raised.
inline constexpr const char* kForgedAssessment =
    "INSERT INTO assessment(case_id, instrument, instrument_version, rammeverk_hash, assessor, profession, assessed_on, "
    "score, threshold, recommendation, answers, domains, created_by, created_at) "
    "SELECT case_id, instrument, instrument_version, rammeverk_hash, assessor, profession, assessed_on, 12, threshold, "
    "'team', answers, domains, created_by, created_at FROM assessment LIMIT 1";

// `audit verify --json` as saksbehandler1 on `db` with HOME at `home`: (exit code, document).
inline std::pair<int, nlohmann::json> verify_db(const std::string& db, const std::string& home) {
  auto r = test::run({"--db", db, "--as", "saksbehandler1", "--json", "audit", "verify"}, "", {{"HOME", home}});
  INFO(r.out << r.err);
  return {r.code, r.out.empty() ? nlohmann::json::object() : r.json()};
}

}  // namespace seal_test
