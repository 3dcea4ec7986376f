#pragma once
// Decimal numbers for people: "41,2" in nb and nn, "41.2" in en. (JSON and
// CSV keep the point: they are read by programs.)

#include <oppteam/i18n/messages.hpp>

#include <string>

namespace oppteam {

struct DecimalStyle {
  int places = 2;
  bool plus = false;       // "+0,40" for a positive value (a change, a GAS score)
  bool trim_zero = false;  // "38" for 38.0
};

std::string decimal(double value, Lang lang, DecimalStyle style = {});

}  // namespace oppteam
