#include "core/db/fd_vfs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <mutex>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <sqlite3.h>

#include "core/base/error.h"
#include "core/base/interrupt.h"
#include "core/base/i18n.h"
#include "core/db/database.h"

namespace sqgl::core {

namespace {

// Names this VFS opens by: "sqgl-fd:<descriptor>", and "sqgl-fd:<descriptor>+copy"
// for a file written once, front to back.
constexpr std::string_view kPrefix = "sqgl-fd:";
constexpr std::string_view kCopySuffix = "+copy";
constexpr const char* kVfsName = "sqgl-fd";

bool ours(const char* name) { return name != nullptr && std::string_view(name).starts_with(kPrefix); }

// Writes gathered for one large write that bypasses the page cache (O_DIRECT). A
// copy writes its pages in ascending order; each written 4 KiB at a time through
// the page cache, the kernel's write-back throttles a copy of gigabytes to a
// fraction of what the disk takes in large direct writes.
struct Pending {
  static constexpr std::size_t kCapacity = std::size_t{1} << 20;
  char* data = static_cast<char*>(std::aligned_alloc(kDirectAlign, kCapacity));
  sqlite3_int64 offset = 0;  // where data[0] belongs in the file
  std::size_t size = 0;
  int direct_fd = -1;  // the same file opened with O_DIRECT; -1 where it cannot be
  WrittenPages* written = nullptr;
  int error = SQLITE_OK;

  ~Pending() {
    std::free(data);
    if (direct_fd >= 0) ::close(direct_fd);
  }
  Pending() = default;
  Pending(const Pending&) = delete;
  Pending& operator=(const Pending&) = delete;
  bool overlaps(sqlite3_int64 at, sqlite3_int64 amount) const {
    return size > 0 && at < offset + static_cast<sqlite3_int64>(size) && offset < at + amount;
  }
};

struct FdFile {
  sqlite3_file base;
  int fd;
  Pending* pending;  // null: every write goes straight to the file
};

FdFile* fd_file(sqlite3_file* file) { return reinterpret_cast<FdFile*>(file); }
int fd_of(sqlite3_file* file) { return fd_file(file)->fd; }

int write_all(int fd, const char* in, std::size_t left, sqlite3_int64 offset) {
  while (left > 0) {
    const ssize_t n = ::pwrite(fd, in, left, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno == ENOSPC || errno == EDQUOT ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    in += n;
    left -= static_cast<std::size_t>(n);
    offset += n;
  }
  return SQLITE_OK;
}

bool aligned(sqlite3_int64 n) { return n % static_cast<sqlite3_int64>(kDirectAlign) == 0; }

int flush(sqlite3_file* file) {
  Pending* p = fd_file(file)->pending;
  if (p == nullptr) return SQLITE_OK;
  if (p->size == 0) return p->error;
  int rc = SQLITE_OK;
  std::size_t done = 0;
  if (p->direct_fd >= 0 && aligned(p->offset) && aligned(static_cast<sqlite3_int64>(p->size))) {
    ssize_t n;
    do {
      n = ::pwrite(p->direct_fd, p->data, p->size, static_cast<off_t>(p->offset));
    } while (n < 0 && errno == EINTR);
    if (n >= 0) {
      done = static_cast<std::size_t>(n);
    } else if (errno == EINVAL) {  // the device wants another alignment: write as usual from now on
      ::close(p->direct_fd);
      p->direct_fd = -1;
    } else {
      rc = errno == ENOSPC || errno == EDQUOT ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    }
  }
  if (rc == SQLITE_OK && done < p->size) {
    rc = write_all(fd_of(file), p->data + done, p->size - done, p->offset + static_cast<sqlite3_int64>(done));
  }
  p->size = 0;
  if (p->error == SQLITE_OK) p->error = rc;
  return p->error;
}

// The checksum of a page as written, for reading it back (not against an adversary:
// against a write lost or misplaced on its way to the disk).
std::uint64_t page_sum(const char* page, std::size_t size) {
  return std::max<std::uint64_t>(std::hash<std::string_view>{}(std::string_view(page, size)), 1);
}

void note_written(WrittenPages& written, const char* in, std::size_t size, sqlite3_int64 offset) {
  if (written.page_size == 0) written.page_size = size;
  if (size != written.page_size || offset % static_cast<sqlite3_int64>(size) != 0) {
    written.whole = false;  // not a page: the read-back cannot compare it
    return;
  }
  const auto page = static_cast<std::size_t>(offset) / size;
  if (page >= written.sums.size()) written.sums.resize(page + 1, 0);
  written.sums[page] = page_sum(in, size);
  if (page == 0) written.first_page.assign(in, size);
}

int x_close(sqlite3_file* file) {  // the descriptor belongs to the NewFile
  const int rc = flush(file);
  delete fd_file(file)->pending;
  fd_file(file)->pending = nullptr;
  return rc;
}

int x_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  if (fd_file(file)->pending != nullptr && fd_file(file)->pending->overlaps(offset, amount)) {
    if (const int rc = flush(file); rc != SQLITE_OK) return rc;
  }
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
  const auto size = static_cast<std::size_t>(amount);
  Pending* p = fd_file(file)->pending;
  if (p == nullptr) return write_all(fd_of(file), in, size, offset);
  if (p->written != nullptr) note_written(*p->written, in, size, offset);
  const bool follows = p->size > 0 && offset == p->offset + static_cast<sqlite3_int64>(p->size);
  if (!follows || p->size + size > Pending::kCapacity) {
    if (const int rc = flush(file); rc != SQLITE_OK) return rc;
    if (size > Pending::kCapacity) return write_all(fd_of(file), in, size, offset);
    p->offset = offset;
  }
  std::memcpy(p->data + p->size, in, size);
  p->size += size;
  return SQLITE_OK;
}

int x_truncate(sqlite3_file* file, sqlite3_int64 size) {
  if (const int rc = flush(file); rc != SQLITE_OK) return rc;
  const Pending* p = fd_file(file)->pending;
  if (p != nullptr && p->written != nullptr && p->written->page_size != 0) {  // the pages cut off were not kept
    auto& sums = p->written->sums;
    sums.resize(std::min(sums.size(), static_cast<std::size_t>(size) / p->written->page_size));
  }
  return ::ftruncate(fd_of(file), static_cast<off_t>(size)) == 0 ? SQLITE_OK : SQLITE_IOERR_TRUNCATE;
}

int x_sync(sqlite3_file* file, int) {
  if (const int rc = flush(file); rc != SQLITE_OK) return rc;
  return ::fdatasync(fd_of(file)) == 0 ? SQLITE_OK : SQLITE_IOERR_FSYNC;
}

int x_file_size(sqlite3_file* file, sqlite3_int64* size) {
  if (const int rc = flush(file); rc != SQLITE_OK) return rc;
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
  std::string_view number = std::string_view(name).substr(kPrefix.size());
  const bool copy = number.ends_with(kCopySuffix);
  if (copy) number.remove_suffix(kCopySuffix.size());
  for (char c : number) {
    if (c < '0' || c > '9') return SQLITE_CANTOPEN;
    fd = (fd < 0 ? 0 : fd * 10) + (c - '0');
  }
  if (fd < 0) return SQLITE_CANTOPEN;
  auto* f = reinterpret_cast<FdFile*>(file);
  f->base.pMethods = nullptr;  // SQLite closes only a file whose open succeeded
  f->fd = fd;
  f->pending = nullptr;
  if (copy) {
    f->pending = new (std::nothrow) Pending;
    if (f->pending == nullptr || f->pending->data == nullptr) {
      delete f->pending;
      return SQLITE_NOMEM;
    }
    // The file has no name of its own yet; /proc opens it again, past the page cache.
    f->pending->direct_fd = ::open(fmt::format("/proc/self/fd/{}", fd).c_str(), O_WRONLY | O_DIRECT | O_CLOEXEC);
  }
  f->base.pMethods = &kMethods;
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

SQLite::Database open_fd_database(int fd, FdAccess use, WrittenPages* written) {
  register_vfs();
  const int access = use == FdAccess::read ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
  const std::string_view suffix = use == FdAccess::copy ? kCopySuffix : std::string_view();
  SQLite::Database db(fmt::format("{}{}{}", kPrefix, fd, suffix), access | SQLite::OPEN_NOMUTEX, 0, kVfsName);
  if (use == FdAccess::copy && written != nullptr) {  // before anything is written
    sqlite3_file* file = nullptr;
    sqlite3_file_control(db.getHandle(), "main", SQLITE_FCNTL_FILE_POINTER, &file);
    if (file == nullptr || file->pMethods != &kMethods) throw Failure("the copy's file is not open over its descriptor");
    fd_file(file)->pending->written = written;
  }
  keep_temporary_data_private(db);
  stop_on_interrupt(db);
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
    throw Failure(tr("cannot write the database's header: {}", std::strerror(errno)));
  }
}

std::string compare_written(int fd, const WrittenPages& written) {
  if (!written.whole || written.page_size == 0 || written.first_page.size() != written.page_size) {
    return _("it was not written in whole pages");
  }
  const std::size_t page_size = written.page_size;
  // Past the page cache where the file system allows it: what the disk holds.
  int reader = ::open(fmt::format("/proc/self/fd/{}", fd).c_str(), O_RDONLY | O_DIRECT | O_CLOEXEC);
  const bool own = reader >= 0;
  if (!own) reader = fd;
  struct Closer {
    int fd;
    bool own;
    ~Closer() {
      if (own) ::close(fd);
    }
  } closer{reader, own};
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  std::unique_ptr<char, decltype(&std::free)> buffer(static_cast<char*>(std::aligned_alloc(kDirectAlign, kChunk)),
                                                      &std::free);
  if (buffer == nullptr) throw std::bad_alloc();
  const std::size_t per_chunk = std::max<std::size_t>(1, kChunk / page_size);
  std::size_t page = 0;
  for (;;) {
    check_interrupted();
    const auto offset = static_cast<off_t>(page * page_size);
    const ssize_t n = ::pread(reader, buffer.get(), per_chunk * page_size, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return tr("reading it back failed: {}", std::strerror(errno));
    if (n == 0) break;
    const auto got = static_cast<std::size_t>(n);
    if (got % page_size != 0) return tr("it ends inside page {}", page + got / page_size + 1);
    for (std::size_t at = 0; at < got; at += page_size, ++page) {
      const char* bytes = buffer.get() + at;
      if (page >= written.sums.size()) return tr("it has more pages than were written ({})", page + 1);
      // A page SQLite never writes (the one holding its lock bytes, at 1 GiB) holds nothing to compare.
      if (written.sums[page] == 0) continue;
      std::uint64_t sum = 0;
      if (page == 0) {  // bytes 18 and 19 are the journal mark, set after the copy
        std::string first(bytes, page_size);
        first[18] = written.first_page[18];
        first[19] = written.first_page[19];
        sum = page_sum(first.data(), page_size);
      } else {
        sum = page_sum(bytes, page_size);
      }
      if (sum != written.sums[page]) return tr("page {} differs from what was written", page + 1);
    }
  }
  if (page != written.sums.size()) {
    return tr("it has {} pages where {} were written", page, written.sums.size());
  }
  return {};
}

}  // namespace sqgl::core
