#include "cli/render/progress.h"

#include <unistd.h>

#include "cli/render/output.h"
#include "core/base/i18n.h"

namespace sqgl::cli {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) != 0; }

ProgressLine::ProgressLine(std::ostream& err, std::ostream& terminal, bool shown)
    : err_(err), terminal_(terminal), shown_(shown) {}

ProgressLine::~ProgressLine() { clear(); }

bool ProgressLine::due() {
  if (!shown_) return false;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return false;
  last_ = now;
  return true;
}

void ProgressLine::draw(const std::string& text) {
  if (!shown_) return;
  // \r to the start of the line, the text, then erase what a longer line left.
  terminal_ << '\r' << std::flush;
  err_ << text << std::flush;
  terminal_ << "\033[K" << std::flush;
  drawn_ = true;
}

void ProgressLine::clear() {
  if (!drawn_) return;
  terminal_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

double ProgressLine::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

core::Progress ProgressLine::sink() {
  if (!shown_) return {};
  return [this](const char* phase, std::int64_t done, std::int64_t total) {
    if (!due()) return;
    const auto elapsed = static_cast<long long>(seconds());
    if (total == 0 && done == 0) {
      draw(core::tr("{} …", core::translate(phase)));
    } else if (total > 0) {
      draw(core::tr("{}: {} of {} ({}%), {} s", core::translate(phase), thousands(done), thousands(total),
                    done * 100 / total, elapsed));
    } else {
      draw(core::tr("{}: {}, {} s", core::translate(phase), thousands(done), elapsed));
    }
  };
}

}  // namespace sqgl::cli
