#pragma once
// A case (sak) number: YYYY/N, the year of the first referral and a running
// number within that year.

#include <string>
#include <string_view>

namespace oppteam {

class CaseNumber {
 public:
  // The first year a case number may have: the year of a case is the year
  // its first referral was received, so no received date may be earlier
  // (check_received in process/referral_checks.hpp).
  static constexpr int kFirstYear = 1900;

  CaseNumber(int year, int seq) : year_(year), seq_(seq) {}
  // Throws Error(data, exit 65) unless `text` is YYYY/N (N >= 1).
  static CaseNumber parse(std::string_view text);

  int year() const { return year_; }
  int seq() const { return seq_; }
  std::string str() const { return std::to_string(year_) + "/" + std::to_string(seq_); }

  friend bool operator==(const CaseNumber&, const CaseNumber&) = default;

 private:
  int year_;
  int seq_;
};

}  // namespace oppteam
