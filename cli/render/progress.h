// The progress line: long work (a demo history, an import, a backup) says how far
// it has come on one line of a terminal's stderr, rewritten in place. Cron mail,
// pipes and files get nothing.
#pragma once

#include <chrono>
#include <ostream>
#include <string>

#include "core/base/progress.h"

namespace sqgl::cli {

class ProgressLine {
 public:
  /// Shows nothing unless `shown` (stderr is a terminal). The text goes to `err`,
  /// which escapes control characters; the carriage return and the erasing of the
  /// line's end go to `terminal`, stderr as it is.
  ProgressLine(std::ostream& err, std::ostream& terminal, bool shown);
  /// Clears the line: the command's result or error starts on a clean line.
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// Whether the line is shown at all.
  [[nodiscard]] bool shown() const { return shown_; }
  /// Whether it is time to draw the line again: ten times a second at most.
  [[nodiscard]] bool due();
  /// Draws `text` in place of the line.
  void draw(const std::string& text);
  /// Clears the line.
  void clear();
  /// Seconds since the line was made.
  [[nodiscard]] double seconds() const;
  /// A core::Progress that draws "PHASE: DONE of TOTAL (P%), S s" in the user's language.
  [[nodiscard]] core::Progress sink();

 private:
  std::ostream& err_;
  std::ostream& terminal_;
  bool shown_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

/// Whether standard error is a terminal.
[[nodiscard]] bool stderr_is_terminal();

}  // namespace sqgl::cli
