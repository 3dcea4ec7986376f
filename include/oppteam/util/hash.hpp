#pragma once

#include <array>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

namespace oppteam {
// Lower-case hex SHA-256 of `data` (OpenSSL).
std::string sha256_hex(std::string_view data);
// The same over `fields` joined by the unit separator (0x1F). Ambiguous when
// a field holds 0x1F itself: kept for the referral content hash and the
// audit entries of hash format 1, which were written with it.
std::string sha256_hex_of_fields(std::initializer_list<std::string_view> fields);
// The same over `fields`, each preceded by its length (8 bytes, big-endian):
// no two different lists of fields hash the same bytes.
std::string sha256_hex_of_prefixed(std::initializer_list<std::string_view> fields);

using Sha256Digest = std::array<unsigned char, 32>;

// Lower-case hex of a digest, and back (false when `hex` is not 64 hex digits).
std::string to_hex(const Sha256Digest& d);
bool from_hex(std::string_view hex, Sha256Digest& out);

// SHA-256 fed piece by piece (for a digest over many rows).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view data);
  void update(const Sha256Digest& d) { update(std::string_view(reinterpret_cast<const char*>(d.data()), d.size())); }
  // One field: its length (8 bytes, big-endian), then its bytes.
  void field(std::string_view data);
  // The digest; the object starts over afterwards.
  Sha256Digest finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace oppteam
