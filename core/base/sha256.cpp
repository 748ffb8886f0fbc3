#include "core/base/sha256.h"

// OpenSSL's one-shot SHA256_* functions, deprecated in 3.0 in favour of EVP, are
// kept on purpose: EVP's first digest fetches a provider, loads openssl.cnf and
// builds its name maps — about 5 million instructions, more than the rest of an
// `apply` — while SHA256_* runs the same CPU-specific (SHA-NI, AVX2) code at once.
#define OPENSSL_API_COMPAT 10101
#include <openssl/sha.h>

namespace sqgl::core {

struct Sha256::Context {
  SHA256_CTX state;
};

Sha256::Sha256() : ctx_(std::make_unique<Context>()) { SHA256_Init(&ctx_->state); }

Sha256::~Sha256() = default;

void Sha256::update(std::string_view data) { SHA256_Update(&ctx_->state, data.data(), data.size()); }

std::string Sha256::hex() const {
  // Finish a copy, so that the running hash can go on.
  SHA256_CTX copy = ctx_->state;
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_Final(digest, &copy);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * SHA256_DIGEST_LENGTH);
  for (unsigned char byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  Sha256 hash;
  hash.update(data);
  return hash.hex();
}

}  // namespace sqgl::core
