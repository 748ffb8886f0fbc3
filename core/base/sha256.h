// SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA instructions
// where it has them (a file's hash must not slow an import down).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace sqgl::core {

/// An incremental SHA-256.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  /// Adds bytes.
  void update(std::string_view data);
  /// The digest of everything added so far, as 64 lower-case hex digits
  /// (more may be added afterwards).
  std::string hex() const;

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

/// SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace sqgl::core
