#include "core/base/caller.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/base/i18n.h"

namespace sqgl::core {

namespace {

bool member_of(gid_t group) {
  if (::getgid() == group) return true;
  const int count = ::getgroups(0, nullptr);
  if (count <= 0) return false;
  std::vector<gid_t> groups(static_cast<std::size_t>(count));
  const int got = ::getgroups(count, groups.data());
  if (got < 0) return false;
  groups.resize(static_cast<std::size_t>(got));
  return std::find(groups.begin(), groups.end(), group) != groups.end();
}

// Translated: a CallerRights is made only once cli/entry.cpp has read the locale
// (borrowed_rights(), called before it, prints nothing).
[[noreturn]] void cannot_switch(const char* message) {
  // Nothing else is safe: a file opened with the wrong group could be the
  // database's or a stranger's.
  std::fprintf(stderr, "%s\n", tr("sqgl: error: {}", message).c_str());
  std::abort();
}

}  // namespace

bool borrowed_rights() {
  // Decided once, as the process starts: later, inside a CallerRights, the ids
  // would say the rights are the caller's own.
  static const bool borrowed = [] {
    if (::getuid() == 0) return false;  // root has every right already
    // Could the caller open the files without sqgl? (When not, the kernel has
    // started the process in secure-execution mode, AT_SECURE: the loader ignored
    // LD_PRELOAD and friends, and nobody may trace it.)
    return ::geteuid() != ::getuid() || !member_of(::getegid());
  }();
  return borrowed;
}

CallerRights::CallerRights() : borrowed_(::getegid()) {
  if (borrowed_ == ::getgid()) return;
  if (::setegid(::getgid()) != 0) cannot_switch(_("cannot switch to the caller's group id"));
  switched_ = true;
}

CallerRights::~CallerRights() {
  if (switched_ && ::setegid(borrowed_) != 0) cannot_switch(_("cannot switch to the borrowed group id"));
}

}  // namespace sqgl::core
