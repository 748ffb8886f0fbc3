// How far long work has come, told to the person waiting: the core says what it is
// doing and how much of it is done; the command line decides whether and how to
// show it (a line on a terminal, nothing in cron mail or a pipe).
#pragma once

#include <cstdint>
#include <functional>

#include "core/base/interrupt.h"

namespace sqgl::core {

/// `phase` is English, marked N_() where it is said (the command line translates
/// it); `done` of `total`, where total 0 means not known.
using Progress = std::function<void(const char* phase, std::int64_t done, std::int64_t total)>;

/// Tells `progress` (when set) how far the work has come. A point of progress is also
/// where the work stops for Ctrl-C (Interrupted).
inline void tell(const Progress& progress, const char* phase, std::int64_t done, std::int64_t total) {
  check_interrupted();
  if (progress) progress(phase, done, total);
}

}  // namespace sqgl::core
