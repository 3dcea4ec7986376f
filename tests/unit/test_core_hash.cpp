// SHA-256 (the audit chain and the referral content hash rest on it).

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
