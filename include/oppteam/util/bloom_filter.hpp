#pragma once
// A Bloom filter over strings: add() a key, then may_contain() is true for
// every key added and, for a key never added, false but for a small share
// of them (about 0.5 % with a million keys in the default 2 MiB). The
// import asks it which external ids it may have stored already, so that
// only those are looked up in the store's index (ReferralBatch::classify).
// (Written here: Debian 12 packages no Bloom filter for C++; Boost's comes
// with Boost 1.89. It is a bit array and three hashes.)

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace oppteam {

class BloomFilter {
 public:
  // 2^bits_log2 bits (default 2^24: 2 MiB).
  explicit BloomFilter(unsigned bits_log2 = 24) : mask_((std::uint64_t(1) << bits_log2) - 1), words_((mask_ + 1) / 64 + 1) {}

  void add(std::string_view key) {
    for_each_bit(key, [this](std::uint64_t bit) {
      words_[bit / 64] |= std::uint64_t(1) << (bit % 64);
      return true;
    });
  }
  bool may_contain(std::string_view key) const {
    return for_each_bit(key, [this](std::uint64_t bit) { return (words_[bit / 64] >> (bit % 64)) & 1; });
  }

 private:
  static constexpr int kHashes = 3;
  // Visits the key's bits while `visit` returns true; true when it always did.
  // Double hashing: bit i = h1 + i * h2, from one 64-bit hash and a mix of it.
  template <typename Visit>
  bool for_each_bit(std::string_view key, Visit visit) const {
    const std::uint64_t h1 = std::hash<std::string_view>{}(key);
    std::uint64_t h2 = h1 * 0x9E3779B97F4A7C15ULL;
    h2 ^= h2 >> 29;
    h2 |= 1;  // odd: the bits of one key differ
    for (int i = 0; i < kHashes; ++i)
      if (!visit((h1 + std::uint64_t(i) * h2) & mask_)) return false;
    return true;
  }

  std::uint64_t mask_;
  std::vector<std::uint64_t> words_;
};

}  // namespace oppteam
