#pragma once
// A temporary database with the example rammeverk and referrals made as
// `refer add` makes them: the world of the intake and case-store tests.

#include "unit/temp_db.hpp"

#include <oppteam/config/embedded.hpp>
#include <oppteam/domain/personal_number.hpp>
#include <oppteam/process/referral.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/util/dates.hpp>

#include <string>

namespace unit {

struct IntakeWorld {
  TempFolder tmp;
  oppteam::Rammeverk rv = oppteam::load_rammeverk(oppteam::embedded::example_rammeverk, "examples/rammeverk.toml");
  oppteam::Clock clock{*oppteam::try_parse_date("2026-03-02")};
  oppteam::Database db = oppteam::init_database(tmp.file("k.db"), rv, clock, "tester");
  oppteam::Context ctx{db, rv, clock, "tester", oppteam::Lang::en};

  // A referral for `fnr`; returns its case number.
  std::string refer(const std::string& fnr, const std::string& received = "2026-02-01",
                    const std::string& reporter = "fastlege", const std::string& name = "") {
    oppteam::ReferralInput in;
    in.fnr = fnr;
    in.name = name;
    in.reporter_type = reporter;
    in.received = received;
    in.need = "Koordinering";
    return oppteam::add_referral(ctx, in).case_number;
  }
};

// A valid synthetic fødselsnummer for DDMMYY (month + 80).
inline std::string synthetic(const std::string& six) {
  for (int individual = 500;; ++individual) {
    std::string nine = six + std::to_string(individual);
    if (auto k = oppteam::control_digits(nine)) return nine + *k;
  }
}

}  // namespace unit
