// Whose rights a command works with. The installed sqgl is setgid `sqgl`
// (packaging/debian/postinst): a clerk outside that group runs it with the group's
// rights, which reach the database and nothing of hers. Those rights are for the
// database alone; a file the caller names (an import, a report's --out, a reject
// file, a backup) is opened with the caller's own.
#pragma once

#include <sys/types.h>

namespace sqgl::core {

/// True when this process holds rights its caller does not: started setgid (or
/// setuid) by a user who is not root and not a member of the group it runs as.
/// Such a caller's environment is not trusted with where or when sqgl writes.
/// Decided at the first call (run_main makes it first), then remembered.
bool borrowed_rights();

/// For its lifetime, the process acts with its caller's own group (the effective
/// group id is the real one), then takes the borrowed group back. Nothing to do
/// when the two are the same. Failing to switch in either direction ends the
/// process: continuing with the wrong rights is never safe.
class CallerRights {
 public:
  CallerRights();
  ~CallerRights();
  CallerRights(const CallerRights&) = delete;
  CallerRights& operator=(const CallerRights&) = delete;

 private:
  gid_t borrowed_;
  bool switched_ = false;
};

}  // namespace sqgl::core
