// The one error hierarchy of sqgl. Core code throws these; the CLI turns them
// into `sqgl: error: …` on stderr and the exit code each one carries.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sqgl::core {

/// Process exit codes: the contract of PRODUCT.md, documented in docs/commands.md.
enum class ExitCode : int {
  ok = 0,                 ///< success
  failure = 1,            ///< unexpected failure: I/O, corrupt database
  usage = 2,              ///< bad usage or invalid input
  not_found = 3,          ///< a named thing does not exist
  permission_denied = 4,  ///< the operator may not do this
  conflict = 5,           ///< the state does not allow it, a duplicate, the database busy
  findings = 6,           ///< a `--check` report found something a person must act on
  interrupted = 130,      ///< Ctrl-C (SIGINT) or SIGTERM stopped it; the shells' 128 + SIGINT
};

/// Base of every error sqgl raises on purpose; carries its exit code.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  /// The exit code the process ends with when this error reaches main.
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

/// Bad usage or invalid input (exit 2).
class InvalidInput : public Error {
 public:
  explicit InvalidInput(const std::string& message) : Error(ExitCode::usage, message) {}
};

/// A named thing does not exist (exit 3).
class NotFound : public Error {
 public:
  explicit NotFound(const std::string& message) : Error(ExitCode::not_found, message) {}
};

/// `say()` in the user's language, then in English (core/base/i18n.cpp).
std::pair<std::string, std::string> in_both_languages(const std::function<std::string()>& say);

/// The operator may not do this (exit 4). A refusal is recorded in the history, in
/// English, so that it reads the same whoever was refused and in whatever language.
class PermissionDenied : public Error {
 public:
  explicit PermissionDenied(const std::string& message)
      : Error(ExitCode::permission_denied, message), english_(message) {}
  /// The refusal `say` words (with tr(), label() …), once in the user's language for
  /// them and once in English for the history.
  template <typename Say, typename = std::enable_if_t<std::is_invocable_r_v<std::string, Say&>>>
  explicit PermissionDenied(Say&& say) : PermissionDenied(in_both_languages(say)) {}

  /// The refusal in English, as the history records it.
  [[nodiscard]] const std::string& english() const noexcept { return english_; }

 private:
  explicit PermissionDenied(std::pair<std::string, std::string> both)
      : Error(ExitCode::permission_denied, both.first), english_(std::move(both.second)) {}
  std::string english_;
};

/// The state does not allow it, a duplicate, or the database stayed busy (exit 5).
class Conflict : public Error {
 public:
  explicit Conflict(const std::string& message) : Error(ExitCode::conflict, message) {}
};

/// Invalid input in one named field of a record: the caller adds where it was.
class FieldError : public InvalidInput {
 public:
  FieldError(std::string column, const std::string& message) : InvalidInput(message), column_(std::move(column)) {}
  /// The field's column name.
  const std::string& column() const noexcept { return column_; }

 private:
  std::string column_;
};

/// Unexpected failure: I/O, a corrupt database (exit 1).
class Failure : public Error {
 public:
  explicit Failure(const std::string& message) : Error(ExitCode::failure, message) {}
};

/// Named factories, so that messages keep one shape and quote user values the same way.
namespace errors {

/// `'value'`, with control characters and bytes that are not UTF-8 shown as `\xNN` so one
/// error stays one line of text; a value over 256 bytes as its first 64 and its size;
/// anything shaped like a citizen ID or phone number masked (core/text.h).
std::string quote(std::string_view value);

/// `'value'` as quote() shows it, but nothing masked: for values sqgl made itself and
/// checked (hashes), never for what a person typed or imported.
std::string quote_verbatim(std::string_view value);

/// "unknown item 'C5-01' (did you mean 'C05-01'?)", with the suggestion when one is close.
NotFound unknown(std::string_view what, std::string_view value, const std::vector<std::string>& candidates);

/// "invalid date '2012-13-01': <why>".
InvalidInput invalid(std::string_view what, std::string_view value, std::string_view why);

}  // namespace errors

/// The candidate closest to `value` by edit distance, or "" when none is close enough.
std::string closest_match(std::string_view value, const std::vector<std::string>& candidates);

}  // namespace sqgl::core
