// SHA-256 (the audit chain and the referral content hash rest on it).

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/util/hash.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

TEST_CASE("sha256_hex gives the standard digests, the same on every call", "[core]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  for (int i = 0; i < 3; ++i)  // one reused context per thread
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256_hex_of_fields joins its fields with the unit separator", "[core]") {
  CHECK(sha256_hex_of_fields({"a", "b"}) == sha256_hex("a\x1f" "b"));
  CHECK(sha256_hex_of_fields({"ab"}) == sha256_hex("ab"));
  CHECK(sha256_hex_of_fields({"a", "", "b"}) == sha256_hex("a\x1f\x1f" "b"));
  CHECK(sha256_hex_of_fields({"a", "b"}) != sha256_hex_of_fields({"ab", ""}));
}

TEST_CASE("an audit entry hashes as it always has, so chains written before verify now", "[core][audit]") {
  // The digest of this entry as the first version computed it (SHA-256 over
  // prev_hash, id, at, actor, action, object, person, detail joined by 0x1F).
  AuditEntry e;
  e.id = 1;
  e.at = "2026-03-02T10:00:00.000Z";
  e.actor = "kari";
  e.action = "refer.add";
  e.object = "2026/1";
  e.person = "23923901213";
  e.detail = "new case, reporter fastlege";
  e.prev_hash = std::string(64, '0');
  CHECK(audit_hash(e) == "52347ac1865a56b4162aca7d53f4dbf8c8d0b8dd6675b9519a91a2d32a86f4bb");
}
