#include <oppteam/util/hash.hpp>

// SHA256_Init/Update/Final are marked deprecated in OpenSSL 3 in favour of
// EVP, whose per-call cost is what this file avoids (see Sha256::Impl).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <array>
#include <cstdint>
#include <stdexcept>

namespace oppteam {

namespace {

// Appends `n` as 8 bytes, big-endian (the length before a field).
void append_length(std::string& out, std::size_t n) {
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((std::uint64_t(n) >> shift) & 0xff);
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  // One context per thread (the import hashes one text per row).
  thread_local Sha256 context;
  context.update(data);
  return to_hex(context.finish());
}

std::string sha256_hex_of_fields(std::initializer_list<std::string_view> fields) {
  thread_local std::string data;  // one buffer for every call (the import hashes one per row)
  data.clear();
  bool first = true;
  for (const std::string_view f : fields) {
    if (!first) data += '\x1f';
    data += f;
    first = false;
  }
  return sha256_hex(data);
}

std::string sha256_hex_of_prefixed(std::initializer_list<std::string_view> fields) {
  thread_local std::string data;
  data.clear();
  for (const std::string_view f : fields) {
    append_length(data, f.size());
    data += f;
  }
  return sha256_hex(data);
}

std::string to_hex(const Sha256Digest& d) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(d.size() * 2, '0');
  for (std::size_t i = 0; i < d.size(); ++i) {
    out[2 * i] = kHex[d[i] >> 4];
    out[2 * i + 1] = kHex[d[i] & 0xf];
  }
  return out;
}

bool from_hex(std::string_view hex, Sha256Digest& out) {
  if (hex.size() != out.size() * 2) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<unsigned char>(hi << 4 | lo);
  }
  return true;
}

// OpenSSL's SHA-256 functions themselves: through EVP each call costs more
// than hashing a short text does (the import and `audit verify` hash one
// row after another), and the algorithm is the same.
struct Sha256::Impl {
  Impl() { SHA256_Init(&ctx); }
  SHA256_CTX ctx;
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::string_view data) {
  if (SHA256_Update(&impl_->ctx, data.data(), data.size()) != 1) throw std::runtime_error("SHA-256 failed");
}

void Sha256::field(std::string_view data) {
  std::string length;
  append_length(length, data.size());
  update(length);
  update(data);
}

Sha256Digest Sha256::finish() {
  Sha256Digest d{};
  if (SHA256_Final(d.data(), &impl_->ctx) != 1 || SHA256_Init(&impl_->ctx) != 1) throw std::runtime_error("SHA-256 failed");
  return d;
}

}  // namespace oppteam
