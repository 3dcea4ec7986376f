// The one mapping of a case's status and of a guardian's kind to and from
// the text stored in the database (domain/case.hpp, domain/person.hpp).

#include <oppteam/domain/case.hpp>
#include <oppteam/domain/person.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace oppteam;

TEST_CASE("every case status maps to its stored text and back", "[domain_case]") {
  const std::pair<CaseStatus, std::string> stored[] = {{CaseStatus::received, "received"}, {CaseStatus::granted, "granted"},
                                                       {CaseStatus::refused, "refused"},   {CaseStatus::active, "active"},
                                                       {CaseStatus::closed, "closed"}};
  for (const auto& [status, text] : stored) {
    CHECK(to_stored(status) == text);
    REQUIRE(case_status_from(text));
    CHECK(*case_status_from(text) == status);
  }
  CHECK(kCaseStatuses.size() == std::size(stored));
  CHECK(kCaseStatusNames.rows.size() == std::size(stored));
  for (const CaseStatus s : kCaseStatuses) CHECK(case_status_from(to_stored(s)) == s);
}

TEST_CASE("a text that is no case status has no status", "[domain_case]") {
  for (const char* text : {"", "Received", "open", "closed ", "grant"}) CHECK_FALSE(case_status_from(text));
}

TEST_CASE("a case status in a message's arguments is its stored text", "[domain_case]") {
  CaseRef c;
  c.status = CaseStatus::granted;
  CHECK(fmt::format("{}", c.status) == "granted");
  CHECK(fmt::format("{}", CaseStatus::closed) == to_stored(CaseStatus::closed));
}

TEST_CASE("a guardian's kind maps to its stored text and back", "[domain_case]") {
  CHECK(to_stored(GuardianKind::foresatt) == "foresatt");
  CHECK(to_stored(GuardianKind::verge) == "verge");
  CHECK(guardian_kind_from("foresatt") == GuardianKind::foresatt);
  CHECK(guardian_kind_from("verge") == GuardianKind::verge);
  CHECK_FALSE(guardian_kind_from("Verge"));
  CHECK_FALSE(guardian_kind_from(""));
}
