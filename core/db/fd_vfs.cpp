#include "core/db/fd_vfs.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <string_view>

#include <fmt/format.h>
#include <sqlite3.h>

#include "core/base/error.h"
#include "core/db/database.h"

namespace sqgl::core {

namespace {

// Names this VFS opens by: "sqgl-fd:<descriptor>".
constexpr std::string_view kPrefix = "sqgl-fd:";
constexpr const char* kVfsName = "sqgl-fd";

bool ours(const char* name) { return name != nullptr && std::string_view(name).starts_with(kPrefix); }

struct FdFile {
  sqlite3_file base;
  int fd;
};

int fd_of(sqlite3_file* file) { return reinterpret_cast<FdFile*>(file)->fd; }

int x_close(sqlite3_file*) { return SQLITE_OK; }  // the descriptor belongs to the NewFile

int x_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  auto* out = static_cast<char*>(buffer);
  auto left = static_cast<std::size_t>(amount);
  while (left > 0) {
    const ssize_t n = ::pread(fd_of(file), out, left, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return SQLITE_IOERR_READ;
    if (n == 0) {
      std::memset(out, 0, left);  // SQLite's contract: a short read is zero-filled
      return SQLITE_IOERR_SHORT_READ;
    }
    out += n;
    left -= static_cast<std::size_t>(n);
    offset += n;
  }
  return SQLITE_OK;
}

int x_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  const auto* in = static_cast<const char*>(buffer);
  auto left = static_cast<std::size_t>(amount);
  while (left > 0) {
    const ssize_t n = ::pwrite(fd_of(file), in, left, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno == ENOSPC || errno == EDQUOT ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    in += n;
    left -= static_cast<std::size_t>(n);
    offset += n;
  }
  return SQLITE_OK;
}

int x_truncate(sqlite3_file* file, sqlite3_int64 size) {
  return ::ftruncate(fd_of(file), static_cast<off_t>(size)) == 0 ? SQLITE_OK : SQLITE_IOERR_TRUNCATE;
}

int x_sync(sqlite3_file* file, int) { return ::fdatasync(fd_of(file)) == 0 ? SQLITE_OK : SQLITE_IOERR_FSYNC; }

int x_file_size(sqlite3_file* file, sqlite3_int64* size) {
  struct stat st {};
  if (::fstat(fd_of(file), &st) != 0) return SQLITE_IOERR_FSTAT;
  *size = st.st_size;
  return SQLITE_OK;
}

// One connection owns the file: locks are always granted.
int x_lock(sqlite3_file*, int) { return SQLITE_OK; }
int x_unlock(sqlite3_file*, int) { return SQLITE_OK; }
int x_check_reserved_lock(sqlite3_file*, int* reserved) {
  *reserved = 0;
  return SQLITE_OK;
}
int x_file_control(sqlite3_file*, int, void*) { return SQLITE_NOTFOUND; }
int x_sector_size(sqlite3_file*) { return 4096; }
int x_device_characteristics(sqlite3_file*) { return 0; }

const sqlite3_io_methods kMethods = {
    1,  // iVersion: no shared memory, no memory mapping
    x_close,     x_read,        x_write,
    x_truncate,  x_sync,        x_file_size,
    x_lock,      x_unlock,      x_check_reserved_lock,
    x_file_control, x_sector_size, x_device_characteristics,
    nullptr,     nullptr,       nullptr,
    nullptr,     nullptr,       nullptr,
};

sqlite3_vfs* base_vfs() { return static_cast<sqlite3_vfs*>(sqlite3_vfs_find(nullptr)); }

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  if (!ours(name)) return base_vfs()->xOpen(base_vfs(), name, file, flags, out_flags);  // temporary files
  // Only the database itself: it keeps no journal or log file beside it.
  if ((flags & SQLITE_OPEN_MAIN_DB) == 0) return SQLITE_CANTOPEN;
  int fd = -1;
  const std::string_view number = std::string_view(name).substr(kPrefix.size());
  for (char c : number) {
    if (c < '0' || c > '9') return SQLITE_CANTOPEN;
    fd = (fd < 0 ? 0 : fd * 10) + (c - '0');
  }
  if (fd < 0) return SQLITE_CANTOPEN;
  auto* f = reinterpret_cast<FdFile*>(file);
  f->base.pMethods = &kMethods;
  f->fd = fd;
  if (out_flags != nullptr) *out_flags = flags;
  return SQLITE_OK;
}

int x_delete(sqlite3_vfs*, const char* name, int sync) {
  if (ours(name)) return SQLITE_OK;
  return base_vfs()->xDelete(base_vfs(), name, sync);
}

int x_access(sqlite3_vfs*, const char* name, int flags, int* result) {
  if (ours(name)) {
    *result = 0;  // no journal, log or lock file exists beside it
    return SQLITE_OK;
  }
  return base_vfs()->xAccess(base_vfs(), name, flags, result);
}

int x_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  if (ours(name)) {
    sqlite3_snprintf(size, out, "%s", name);
    return SQLITE_OK;
  }
  return base_vfs()->xFullPathname(base_vfs(), name, size, out);
}

int x_randomness(sqlite3_vfs*, int n, char* out) { return base_vfs()->xRandomness(base_vfs(), n, out); }
int x_sleep(sqlite3_vfs*, int micros) { return base_vfs()->xSleep(base_vfs(), micros); }
int x_current_time(sqlite3_vfs*, double* now) { return base_vfs()->xCurrentTime(base_vfs(), now); }
int x_last_error(sqlite3_vfs*, int n, char* out) { return base_vfs()->xGetLastError(base_vfs(), n, out); }

void register_vfs() {
  static std::once_flag once;
  std::call_once(once, [] {
    static sqlite3_vfs vfs{};
    sqlite3_vfs* base = base_vfs();
    vfs.iVersion = 1;
    vfs.szOsFile = std::max(static_cast<int>(sizeof(FdFile)), base->szOsFile);
    vfs.mxPathname = base->mxPathname;
    vfs.zName = kVfsName;
    vfs.xOpen = x_open;
    vfs.xDelete = x_delete;
    vfs.xAccess = x_access;
    vfs.xFullPathname = x_full_pathname;
    vfs.xRandomness = x_randomness;
    vfs.xSleep = x_sleep;
    vfs.xCurrentTime = x_current_time;
    vfs.xGetLastError = x_last_error;
    sqlite3_vfs_register(&vfs, 0);
  });
}

}  // namespace

SQLite::Database open_fd_database(int fd, bool read_only) {
  register_vfs();
  const int access = read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
  SQLite::Database db(fmt::format("{}{}", kPrefix, fd), access | SQLite::OPEN_NOMUTEX, 0, kVfsName);
  keep_temporary_data_private(db);
  db.exec("PRAGMA locking_mode = EXCLUSIVE");
  db.exec("PRAGMA journal_mode = MEMORY");
  db.exec("PRAGMA synchronous = OFF");
  // A database built in one go (init --demo, a backup) touches its pages again and
  // again: a larger page cache, still a fixed bound, spares re-reading them.
  db.exec("PRAGMA cache_size = -65536");
  return db;
}

void mark_journal(int fd, JournalMark mark) {
  unsigned char versions[2] = {0, 0};
  if (::pread(fd, versions, 2, 18) != 2) return;  // an empty file: nothing to mark
  const unsigned char wanted = mark == JournalMark::wal ? 2 : 1;
  if (versions[0] == wanted && versions[1] == wanted) return;
  const unsigned char marked[2] = {wanted, wanted};
  if (::pwrite(fd, marked, 2, 18) != 2) {
    throw Failure(fmt::format("cannot write the database's header: {}", std::strerror(errno)));
  }
}

}  // namespace sqgl::core
