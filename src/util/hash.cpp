#include <oppteam/util/hash.hpp>

#include <openssl/evp.h>

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
  // One digest context per thread, its algorithm fetched once: OpenSSL 3
  // looks the algorithm up again on every EVP_Digest(EVP_sha256()) call,
  // which costs more than hashing a short text (the import hashes one per row).
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

struct Sha256::Impl {
  Impl() : md(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx(EVP_MD_CTX_new()) {
    if (!md || !ctx || EVP_DigestInit_ex2(ctx, md, nullptr) != 1) throw std::runtime_error("SHA-256 is not available");
  }
  ~Impl() {
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
  }
  EVP_MD* md;
  EVP_MD_CTX* ctx;
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::string_view data) {
  if (EVP_DigestUpdate(impl_->ctx, data.data(), data.size()) != 1) throw std::runtime_error("SHA-256 failed");
}

void Sha256::field(std::string_view data) {
  std::string length;
  append_length(length, data.size());
  update(length);
  update(data);
}

Sha256Digest Sha256::finish() {
  Sha256Digest d{};
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(impl_->ctx, d.data(), &len) != 1 || len != d.size() ||
      EVP_DigestInit_ex2(impl_->ctx, impl_->md, nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  return d;
}

}  // namespace oppteam
