#include <oppteam/util/hash.hpp>

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace oppteam {

namespace {

// One digest context per thread, its algorithm fetched once: OpenSSL 3
// looks the algorithm up again on every EVP_Digest(EVP_sha256()) call, which
// costs more than hashing a short text (the import hashes one per row).
class Sha256Context {
 public:
  Sha256Context() : md_(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx_(EVP_MD_CTX_new()) {
    if (!md_ || !ctx_) throw std::runtime_error("SHA-256 is not available");
  }
  ~Sha256Context() {
    EVP_MD_CTX_free(ctx_);
    EVP_MD_free(md_);
  }
  Sha256Context(const Sha256Context&) = delete;
  Sha256Context& operator=(const Sha256Context&) = delete;

  unsigned int digest(std::string_view data, unsigned char* out) {
    unsigned int len = 0;
    if (EVP_DigestInit_ex2(ctx_, md_, nullptr) != 1 || EVP_DigestUpdate(ctx_, data.data(), data.size()) != 1 ||
        EVP_DigestFinal_ex(ctx_, out, &len) != 1)
      throw std::runtime_error("SHA-256 failed");
    return len;
  }

 private:
  EVP_MD* md_;
  EVP_MD_CTX* ctx_;
};

}  // namespace

std::string sha256_hex(std::string_view data) {
  thread_local Sha256Context context;
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  const unsigned int len = context.digest(data, md.data());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(std::size_t(len) * 2, '0');
  for (unsigned int i = 0; i < len; ++i) {
    out[2 * i] = kHex[md[i] >> 4];
    out[2 * i + 1] = kHex[md[i] & 0xf];
  }
  return out;
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

}  // namespace oppteam
