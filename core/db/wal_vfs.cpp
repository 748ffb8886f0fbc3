#include "core/db/wal_vfs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <string>
#include <string_view>

#include <fmt/format.h>
#include <sqlite3.h>

namespace sqgl::core::wal_vfs {

namespace {

sqlite3_vfs* base = nullptr;
sqlite3_vfs sqgl_vfs{};
thread_local Stats counters;

// What the mark holds: the file it was set on. A copy of the log that carries the
// attribute along (cp -a, rsync -X) is another file, whose entry nobody synced.
std::string identity(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return {};
  return fmt::format("{}:{}", st.st_dev, st.st_ino);
}

bool sync_directory_of(const char* path) {
  const std::string_view p(path);
  const auto slash = p.rfind('/');
  const std::string dir = slash == std::string_view::npos ? "." : slash == 0 ? "/" : std::string(p.substr(0, slash));
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  ++counters.directory_syncs;
  return synced;
}

// Whether the directory entry of the log open as `fd` is durable: its mark names
// it, or this call synced the directory (and marks the log for the processes after).
bool entry_durable(int fd, const char* path) {
  const std::string id = identity(fd);
  if (id.empty()) return false;
  char mark[64];
  const auto got = ::fgetxattr(fd, kMarkAttribute, mark, sizeof mark);
  if (got >= 0 && std::string_view(mark, static_cast<std::size_t>(got)) == id) return true;
  if (!sync_directory_of(path)) return false;
  // Where the mark cannot be set (no extended attributes here, another user's
  // log) the next process syncs the directory again, as SQLite alone would.
  ::fsetxattr(fd, kMarkAttribute, id.data(), id.size(), 0);
  return true;
}

bool names_file(const char* path, int fd) {
  struct stat held {};
  struct stat named {};
  return ::fstat(fd, &held) == 0 && ::stat(path, &named) == 0 && held.st_dev == named.st_dev &&
         held.st_ino == named.st_ino;
}

int open_file(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  const bool log = name != nullptr && (flags & SQLITE_OPEN_WAL) != 0 && (flags & SQLITE_OPEN_CREATE) != 0;
  if (!log) return base->xOpen(base, name, file, flags, out_flags);
  // The log stays open here while SQLite opens it: if the name still leads to this
  // file afterwards, SQLite opened this file (a file held open keeps its inode, and
  // SQLite never renames a log back into place).
  const int held = ::open(name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (held < 0) {
    // No log yet: SQLite creates it, and syncs the directory at its first sync.
    return base->xOpen(base, name, file, flags, out_flags);
  }
  int rc = SQLITE_CANTOPEN;
  if (entry_durable(held, name)) {
    rc = base->xOpen(base, name, file, flags & ~SQLITE_OPEN_CREATE, out_flags);
    if (rc == SQLITE_OK) {
      ++counters.marked_opens;
      // Replaced between the two opens: SQLite holds a new file, its entry not synced.
      if (!names_file(name, held)) sync_directory_of(name);
    }
  }
  // Deleted meanwhile (the sqlite3 shell's last close deletes the log): create it
  // as SQLite would. A failed open that still set methods wants its close first.
  if (rc != SQLITE_OK) {
    if (file->pMethods != nullptr) {
      file->pMethods->xClose(file);
      file->pMethods = nullptr;
    }
    rc = base->xOpen(base, name, file, flags, out_flags);
  }
  ::close(held);
  return rc;
}

}  // namespace

bool install() {
  if (base != nullptr) return true;
  // The default VFS: the unix one, or a test's fault-injecting VFS over it.
  sqlite3_vfs* found = sqlite3_vfs_find(nullptr);
  if (found == nullptr) return false;
  base = found;
  sqgl_vfs = *found;  // every other method, and the base VFS's own data, as they are
  sqgl_vfs.pNext = nullptr;
  sqgl_vfs.zName = "sqgl";
  sqgl_vfs.xOpen = open_file;
  return sqlite3_vfs_register(&sqgl_vfs, 1) == SQLITE_OK;
}

const Stats& stats() {
  return counters;
}

}  // namespace sqgl::core::wal_vfs
