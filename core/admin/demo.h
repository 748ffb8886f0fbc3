// A deterministic synthetic district shaped like the 2012 pilot of Qingshan
// District, Baotou: the 幸福路 street office with 4 merged communities and the
// 乌素图 street office with 3, about 4,000 households each.
#pragma once

#include "core/base/progress.h"

#include <cstdint>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

#include "core/base/date.h"

namespace sqgl::core {

/// How to generate.
struct DemoOptions {
  std::uint64_t seed = 2012;
  double scale = 1.0;  ///< multiplies households per community (4,000 at 1.0); staff follow the ratios
  int history_years = 0;  ///< decided cases for this many years before today (about 0.55 a household a year)
  Progress progress = {};  ///< told of the households and the history as they are made
};

/// What was generated.
struct DemoReport {
  std::int64_t streets = 0, communities = 0, grids = 0, households = 0, residents = 0, staff = 0, cases = 0;
  /// Counts and options as a JSON object, as the history records them.
  std::string detail_json(const DemoOptions& options) const;
};

/// The date the demo population's ages are reckoned from: the start of the reform.
inline constexpr const char* kDemoReferenceDate = "2012-01-01";

/// Fills an initialised database that has no district yet (Conflict otherwise)
/// with the demo district and writes its event. Call inside a write transaction.
/// The same seed and scale always give the same data.
DemoReport generate_demo(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_,
                         const DemoOptions& options);

}  // namespace sqgl::core
