// The audit details of the case area (cases, owner, target group,
// corrections, purge, transfer) written through the one table of forms
// (audit_detail.cpp): the stored text stays what these operations always
// wrote, and a reader gets the key and the values back.

#include "unit/audit_details.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace {

// Each as the operation wrote it before the table.
const std::vector<unit::StoredDetail> kDetails = {
    {"case.list", "audit.d.name_search", {}, "name search"},
    {"case.assign", "audit.d.owner", {"kari"}, "owner kari"},
    {"case.assign", "audit.d.owner_was", {"kari", "ola"}, "owner kari (was ola)"},
    {"case.target_group", "audit.d.target_group", {"barn", "refer"}, "barn at refer"},
    {"case.target_group", "audit.d.target_group_was", {"barn", "case", "eldre"}, "barn at case (was eldre)"},
    {"correct.name", "audit.d.name_corrected", {"7"}, "person 7: name"},
    {"correct.referral", "audit.d.referral_corrected", {"12", "need, received_on"}, "referral 12: need, received_on"},
    {"correct.void_consent", "audit.d.consent_voided", {"3"}, "consent 3: void"},
    {"correct.void_assessment", "audit.d.assessment_voided", {"4"}, "assessment 4: void"},
    {"purge", "audit.d.purged", {"2020-01-01"}, "closed before 2020-01-01"},
    {"purge", "audit.d.purged_unarchived", {"2020-01-01"}, "closed before 2020-01-01; not archived (--force)"},
    {"purge", "audit.d.purged_imported", {"2020-01-01", "#5, #9"}, "closed before 2020-01-01; imported by audit entry #5, #9"},
    {"purge", "audit.d.purged_unarchived_imported", {"2020-01-01", "#5"},
     "closed before 2020-01-01; not archived (--force); imported by audit entry #5"},
    {"case.transfer", "audit.d.transferred", {"Bergen", "14", "ab12"}, "to Bergen; 14 entries; sha256 ab12"},
    {"case.receive", "audit.d.received", {"Bergen", "4601", "2026/3", "ab12"}, "from Bergen (4601) case 2026/3; sha256 ab12"},
};

}  // namespace

TEST_CASE("the case area's audit details are stored as before", "[case_details]") {
  for (const auto& d : kDetails) unit::check_written_as_stored(d);
}

TEST_CASE("the case area's stored audit details read back as their key and values", "[case_details]") {
  for (const auto& d : kDetails) unit::check_reads_back(d);
}

TEST_CASE("the case area's audit details have a text in every language", "[case_details]") {
  for (const auto& d : kDetails) unit::check_has_text(d);
}
