// Working days counted by value, for the quantiles of the period reports: a whole
// history adds millions of them, and a quantile by the nearest-rank method needs
// only how many there are of each, not the numbers sorted.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace sqgl::core {

class DayCounts {
 public:
  void add(int days) {
    ++total_;
    if (days >= 0 && days < kDense) {
      const auto at = static_cast<std::size_t>(days);
      if (at >= dense_.size()) dense_.resize(at + 1, 0);
      ++dense_[at];
    } else {
      ++sparse_[days];  // before the acceptance, or years after it: data to look at
    }
  }

  /// Adds every count of `more`.
  void add(const DayCounts& more) {
    if (more.dense_.size() > dense_.size()) dense_.resize(more.dense_.size(), 0);
    for (std::size_t d = 0; d < more.dense_.size(); ++d) dense_[d] += more.dense_[d];
    for (const auto& [days, n] : more.sparse_) sparse_[days] += n;
    total_ += more.total_;
  }

  bool empty() const { return total_ == 0; }
  std::int64_t size() const { return total_; }

  /// The value at quantile `q` (0..1) by the nearest-rank method: the smallest value
  /// with at least ceil(q·n) values at or below it (at least one). 0 when empty.
  std::int64_t quantile(double q) const {
    if (total_ == 0) return 0;
    const auto rank =
        std::clamp<std::int64_t>(static_cast<std::int64_t>(std::ceil(q * static_cast<double>(total_))), 1, total_);
    std::int64_t seen = 0;
    auto it = sparse_.begin();
    for (; it != sparse_.end() && it->first < 0; ++it) {
      if ((seen += it->second) >= rank) return it->first;
    }
    for (std::size_t d = 0; d < dense_.size(); ++d) {
      if ((seen += dense_[d]) >= rank) return static_cast<std::int64_t>(d);
    }
    for (; it != sparse_.end(); ++it) {
      if ((seen += it->second) >= rank) return it->first;
    }
    return 0;  // not reached: the counts add up to total_
  }

 private:
  static constexpr int kDense = 4096;  // 0 .. 16 years of working days, one slot each
  std::vector<std::int64_t> dense_;
  std::map<int, std::int64_t> sparse_;
  std::int64_t total_ = 0;
};

}  // namespace sqgl::core
