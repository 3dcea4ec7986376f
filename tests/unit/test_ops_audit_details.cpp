// The audit details of init, config store, backup, restore, refusals,
// imports, archive export and audit log written through the one table of
// forms (audit_detail.cpp, issue 16 point 3): the stored text is what these
// operations always wrote (the hash chain covers it), so entries written
// before read back as their key and values as well as new ones, and a
// reader shows them in nb, nn or en.

#include "unit/audit_details.hpp"
#include "unit/temp_db.hpp"

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/util/dates.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace oppteam;

namespace {

const std::string kHash = "c8996901a3ef7298a4aefb254e3add809b6e2b12e8e62a0fd7bbe9e8a661d390";

// Each as the operation wrote it with its own format string.
const std::vector<unit::StoredDetail> kDetails = {
    {"init", "audit.d.init", {}, ""},
    {"config.store", "audit.d.config_store", {"examples/rammeverk.toml", "a1fe7a56a3a9"}, "examples/rammeverk.toml a1fe7a56a3a9"},
    // a source name with spaces: the hash is the last word
    {"config.store", "audit.d.config_store", {"database (mitt rammeverk.toml)", "a1fe7a56a3a9"},
     "database (mitt rammeverk.toml) a1fe7a56a3a9"},
    {"backup", "audit.d.backup", {"18", kHash}, "head 18 " + kHash},
    {"backup", "audit.d.backup_encrypted", {"18", kHash}, "head 18 " + kHash + ", encrypted"},
    {"restore", "audit.d.restore", {"7", kHash}, "head 7 " + kHash},
    {"access.refused", "audit.d.refused", {"case.read"}, "case.read"},
    {"access.refused", "audit.d.refused", {"access.other_date"}, "access.other_date"},
    {"access.refused", "audit.d.refused_act_as", {"Ane Lie"}, "access.act_as Ane Lie"},
    {"access.refused", "audit.d.refused_config", {"a1fe7a56a3a9"}, "config a1fe7a56a3a9"},
    {"archive.export", "audit.d.archived", {"9b2c-4f", "3"}, "package 9b2c-4f, 3 documents"},
    {"audit.log", "audit.d.entries", {"12"}, "12 entries"},
    {"refer.import", "audit.d.import", {"default", "1", "0", "1", "0"}, "sender default, read 1, stored 0, duplicates 1, rejected 0"},
    {"refer.import", "audit.d.import_stored", {"dips", "3", "2", "1", "0", "10", "11"},
     "sender dips, read 3, stored 2, duplicates 1, rejected 0, referrals 10-11"},
    // a sender named with the words of the detail itself
    {"refer.import", "audit.d.import_stored", {"a, read b", "3", "2", "1", "0", "10", "11"},
     "sender a, read b, read 3, stored 2, duplicates 1, rejected 0, referrals 10-11"},
};

}  // namespace

TEST_CASE("the operations' audit details are stored as before", "[ops_details]") {
  for (const auto& d : kDetails) unit::check_written_as_stored(d);
}

TEST_CASE("the operations' stored audit details, old and new, read back as their key and values", "[ops_details]") {
  for (const auto& d : kDetails) unit::check_reads_back(d);
  // An empty detail is init's form only; other reads with none stay as stored.
  CHECK_FALSE(read_audit_detail("team.show", ""));
  CHECK_FALSE(read_audit_detail("backup", "head 18"));
}

TEST_CASE("the operations' audit details have a text in every language", "[ops_details]") {
  for (const auto& d : kDetails) unit::check_has_text(d);
  CHECK(render_message(Lang::nb, "audit.d.init", {}) == "databasen opprettet");
  CHECK(render_message(Lang::en, "audit.d.backup_encrypted", {"18", "ab"}) == "encrypted backup up to entry 18 (sha256 ab)");
  CHECK(render_message(Lang::nn, "audit.d.import_stored", {"dips", "3", "2", "1", "0", "10", "11"}) ==
        "avsendar dips: 3 lesne, 2 lagra, 1 duplikat, 0 avviste, meldingar 10–11");
}

TEST_CASE("init and config store write their details through the table", "[ops_details]") {
  unit::TempFolder tmp;
  const Clock clock{*try_parse_date("2026-03-02")};
  Rammeverk rv = default_rammeverk();
  rv.source_name = "mitt rammeverk.toml";
  Database db = init_database(tmp.file("k.db"), rv, clock, "tester");
  const auto entries = audit_list(db, AuditFilter{});
  REQUIRE(entries.size() >= 2);
  CHECK(entries[0].action == "init");
  const auto init = read_audit_detail(entries[0].action, entries[0].detail);
  REQUIRE(init);
  CHECK(init->key == "audit.d.init");
  CHECK(entries[1].action == "config.store");
  const auto stored = read_audit_detail(entries[1].action, entries[1].detail);
  REQUIRE(stored);
  CHECK(stored->key == "audit.d.config_store");
  CHECK(unit::values_of(*stored) == std::vector<std::string>{"mitt rammeverk.toml", rv.hash.substr(0, 12)});
  CHECK(audit_verify(db).ok);
}
