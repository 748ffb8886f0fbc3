// Reading a result row: its columns in the order the SELECT names them, so that
// the reading code names fields, not column numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

namespace sqgl::core {

/// The current row of `q`, read left to right:
///
///     Row r(q);
///     c.id = r.int64();
///     c.number = r.text();
///     c.current_seq = r.maybe_int();
class Row {
 public:
  explicit Row(const SQLite::Statement& q) : q_(q) {}

  std::int64_t int64() { return next().getInt64(); }
  int integer() { return next().getInt(); }
  double real() { return next().getDouble(); }
  bool flag() { return next().getInt() != 0; }
  /// The text, or "" for NULL.
  std::string text() {
    const auto c = next();
    return c.isNull() ? std::string() : c.getString();
  }
  std::optional<std::int64_t> maybe_int64() {
    const auto c = next();
    return c.isNull() ? std::nullopt : std::optional<std::int64_t>(c.getInt64());
  }
  std::optional<double> maybe_real() {
    const auto c = next();
    return c.isNull() ? std::nullopt : std::optional<double>(c.getDouble());
  }
  std::optional<int> maybe_int() {
    const auto c = next();
    return c.isNull() ? std::nullopt : std::optional<int>(c.getInt());
  }
  /// Passes over a column.
  void skip() { ++index_; }

 private:
  SQLite::Column next() { return q_.getColumn(index_++); }
  const SQLite::Statement& q_;
  int index_ = 0;
};

/// One column's text, or "" for NULL (for reading by column number).
inline std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

/// Binds `text` to parameter `index`, or NULL when it is empty.
inline void bind_text_or_null(SQLite::Statement& q, int index, const std::string& text) {
  if (text.empty()) {
    q.bind(index);
  } else {
    q.bind(index, text);
  }
}

}  // namespace sqgl::core
