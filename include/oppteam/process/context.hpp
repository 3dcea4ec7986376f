#pragma once
// What every step of the process is given: the store, the rammeverk in
// force, the clock, who acts and the language for texts meant for people.
// No global state: each operation receives its Context.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/domain/personal_number.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/store/database.hpp>
#include <oppteam/util/clock.hpp>

#include <string>

namespace oppteam {

struct Context {
  Database& db;
  const Rammeverk& rv;
  const Clock& clock;
  std::string actor;
  Lang lang = Lang::nb;

  Date today() const { return clock.today(); }
  // How personal numbers are read under this rammeverk.
  PersonalNumberOptions pnr_options() const {
    PersonalNumberOptions o;
    o.allow_synthetic = rv.municipality.allow_synthetic_ids;
    return o;
  }
  template <typename... Args>
  std::string text(std::string_view key, const Args&... args) const {
    return tr(lang, key, args...);
  }
};

}  // namespace oppteam
