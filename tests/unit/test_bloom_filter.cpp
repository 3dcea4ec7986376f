#include <oppteam/util/bloom_filter.hpp>

#include <catch2/catch.hpp>

#include <string>

using oppteam::BloomFilter;

TEST_CASE("a Bloom filter holds every key added and few it was not given", "[util][bloom]") {
  BloomFilter f(20);  // 2^20 bits
  for (int i = 0; i < 50000; ++i) f.add("EXT-" + std::to_string(i));
  for (int i = 0; i < 50000; ++i) REQUIRE(f.may_contain("EXT-" + std::to_string(i)));
  int false_positives = 0;
  for (int i = 50000; i < 150000; ++i) false_positives += f.may_contain("EXT-" + std::to_string(i));
  // Expected (1 - e^(-3 * 50,000 / 2^20))^3, about 0.26 %.
  CHECK(false_positives < 1000);
  CHECK_FALSE(BloomFilter(10).may_contain("anything"));
}
