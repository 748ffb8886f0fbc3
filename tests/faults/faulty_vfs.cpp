#include "tests/faults/faulty_vfs.h"

#include <sqlite3.h>

#include <array>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace sqgl::test {

namespace {

constexpr std::array<std::string_view, 4> kKindNames = {"write", "sync", "truncate", "shmmap"};

// sqgl is single-threaded; SQLite calls the VFS from the thread that uses the
// connection, so plain counters do.
std::optional<FaultPlan> plan;
std::array<long long, 4> counts{};
long long faults = 0;
std::string counts_file;  // SQGL_FAULT_COUNTS

sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs faulty_vfs{};
sqlite3_io_methods faulty_methods{};

// Our file object, followed in the same allocation by the real VFS's file object.
struct FaultyFile {
  sqlite3_file base;
  sqlite3_file* real;
};
constexpr std::size_t kRealOffset = (sizeof(FaultyFile) + alignof(std::max_align_t) - 1) / alignof(std::max_align_t) *
                                    alignof(std::max_align_t);

sqlite3_file* real_file(sqlite3_file* file) { return reinterpret_cast<FaultyFile*>(file)->real; }
const sqlite3_io_methods* real_methods(sqlite3_file* file) { return real_file(file)->pMethods; }

// Counts one call of `kind`; true when this one must fail.
bool must_fail(FaultKind kind) {
  const long long count = ++counts[static_cast<std::size_t>(kind)];
  if (!plan || kind != plan->kind) return false;
  const bool fail = plan->persistent ? count >= plan->n : count == plan->n;
  if (fail) ++faults;
  return fail;
}

int fault_code(int ioerr) { return plan && plan->full ? SQLITE_FULL : ioerr; }

// --- the io methods: count and maybe fail write, sync, truncate and shm map ------

int faulty_close(sqlite3_file* file) { return real_methods(file)->xClose(real_file(file)); }

int faulty_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  return real_methods(file)->xRead(real_file(file), buffer, amount, offset);
}

int faulty_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  if (must_fail(FaultKind::write)) return fault_code(SQLITE_IOERR_WRITE);
  return real_methods(file)->xWrite(real_file(file), buffer, amount, offset);
}

int faulty_truncate(sqlite3_file* file, sqlite3_int64 size) {
  if (must_fail(FaultKind::truncate)) return fault_code(SQLITE_IOERR_TRUNCATE);
  return real_methods(file)->xTruncate(real_file(file), size);
}

int faulty_sync(sqlite3_file* file, int flags) {
  if (must_fail(FaultKind::sync)) return fault_code(SQLITE_IOERR_FSYNC);
  return real_methods(file)->xSync(real_file(file), flags);
}

int faulty_file_size(sqlite3_file* file, sqlite3_int64* size) {
  return real_methods(file)->xFileSize(real_file(file), size);
}

int faulty_lock(sqlite3_file* file, int level) { return real_methods(file)->xLock(real_file(file), level); }
int faulty_unlock(sqlite3_file* file, int level) { return real_methods(file)->xUnlock(real_file(file), level); }

int faulty_check_reserved_lock(sqlite3_file* file, int* out) {
  return real_methods(file)->xCheckReservedLock(real_file(file), out);
}

int faulty_file_control(sqlite3_file* file, int op, void* arg) {
  return real_methods(file)->xFileControl(real_file(file), op, arg);
}

int faulty_sector_size(sqlite3_file* file) { return real_methods(file)->xSectorSize(real_file(file)); }

int faulty_device_characteristics(sqlite3_file* file) {
  return real_methods(file)->xDeviceCharacteristics(real_file(file));
}

// A file whose real methods lack shared memory (never the unix VFS's) says so the
// way SQLite expects: an I/O error, as if the map failed.
bool has_shm(sqlite3_file* file) { return real_methods(file)->iVersion >= 2 && real_methods(file)->xShmMap; }

int faulty_shm_map(sqlite3_file* file, int page, int page_size, int extend, void volatile** out) {
  if (!has_shm(file)) return SQLITE_IOERR_SHMMAP;
  // The unix VFS reports a full disk while growing the -shm as SQLITE_IOERR_SHMSIZE,
  // never SQLITE_FULL: "full" here does what it would.
  if (must_fail(FaultKind::shmmap)) return plan->full ? SQLITE_IOERR_SHMSIZE : SQLITE_IOERR_SHMMAP;
  return real_methods(file)->xShmMap(real_file(file), page, page_size, extend, out);
}

int faulty_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
  if (!has_shm(file)) return SQLITE_IOERR_SHMLOCK;
  return real_methods(file)->xShmLock(real_file(file), offset, n, flags);
}

void faulty_shm_barrier(sqlite3_file* file) {
  if (has_shm(file)) real_methods(file)->xShmBarrier(real_file(file));
}

int faulty_shm_unmap(sqlite3_file* file, int delete_flag) {
  if (!has_shm(file)) return SQLITE_OK;
  return real_methods(file)->xShmUnmap(real_file(file), delete_flag);
}

int faulty_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  *out = nullptr;
  if (real_methods(file)->iVersion < 3 || !real_methods(file)->xFetch) return SQLITE_OK;  // "read it instead"
  return real_methods(file)->xFetch(real_file(file), offset, amount, out);
}

int faulty_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  if (real_methods(file)->iVersion < 3 || !real_methods(file)->xUnfetch) return SQLITE_OK;
  return real_methods(file)->xUnfetch(real_file(file), offset, page);
}

// --- the VFS: wrap every file the real one opens; pass the rest through --------

int faulty_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* wrapper = reinterpret_cast<FaultyFile*>(file);
  wrapper->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kRealOffset);
  wrapper->base.pMethods = nullptr;
  const int rc = real_vfs->xOpen(real_vfs, name, wrapper->real, flags, out_flags);
  // SQLite calls xClose exactly when pMethods is set, even after a failed open:
  // mirror the real file so that its close is never skipped nor doubled.
  if (wrapper->real->pMethods != nullptr) wrapper->base.pMethods = &faulty_methods;
  return rc;
}

int faulty_delete(sqlite3_vfs*, const char* name, int sync_dir) { return real_vfs->xDelete(real_vfs, name, sync_dir); }

int faulty_access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return real_vfs->xAccess(real_vfs, name, flags, out);
}

int faulty_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return real_vfs->xFullPathname(real_vfs, name, size, out);
}

void* faulty_dl_open(sqlite3_vfs*, const char* name) { return real_vfs->xDlOpen(real_vfs, name); }
void faulty_dl_error(sqlite3_vfs*, int size, char* out) { real_vfs->xDlError(real_vfs, size, out); }
void (*faulty_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
  return real_vfs->xDlSym(real_vfs, handle, symbol);
}
void faulty_dl_close(sqlite3_vfs*, void* handle) { real_vfs->xDlClose(real_vfs, handle); }
int faulty_randomness(sqlite3_vfs*, int size, char* out) { return real_vfs->xRandomness(real_vfs, size, out); }
int faulty_sleep(sqlite3_vfs*, int microseconds) { return real_vfs->xSleep(real_vfs, microseconds); }
int faulty_current_time(sqlite3_vfs*, double* out) { return real_vfs->xCurrentTime(real_vfs, out); }
int faulty_get_last_error(sqlite3_vfs*, int size, char* out) { return real_vfs->xGetLastError(real_vfs, size, out); }
int faulty_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) { return real_vfs->xCurrentTimeInt64(real_vfs, out); }
int faulty_set_system_call(sqlite3_vfs*, const char* name, sqlite3_syscall_ptr call) {
  return real_vfs->xSetSystemCall(real_vfs, name, call);
}
sqlite3_syscall_ptr faulty_get_system_call(sqlite3_vfs*, const char* name) {
  return real_vfs->xGetSystemCall(real_vfs, name);
}
const char* faulty_next_system_call(sqlite3_vfs*, const char* name) { return real_vfs->xNextSystemCall(real_vfs, name); }

[[noreturn]] void bad_setting(const char* variable, const char* value, const char* expected) {
  std::fprintf(stderr, "sqgl_faulty: %s='%s': expected %s\n", variable, value, expected);
  std::exit(99);
}

// SQGL_FAULT and friends, as faulty_vfs.h describes them.
void arm_from_environment() {
  FaultPlan from_env;
  const char* fault = std::getenv("SQGL_FAULT");
  if (fault == nullptr || *fault == '\0') return;
  const std::string_view text(fault);
  const auto colon = text.find(':');
  bool named = false;
  for (std::size_t i = 0; colon != std::string_view::npos && i < kKindNames.size(); ++i) {
    if (text.substr(0, colon) == kKindNames[i]) {
      from_env.kind = static_cast<FaultKind>(i);
      named = true;
    }
  }
  char* end = nullptr;
  if (named) from_env.n = std::strtoll(fault + colon + 1, &end, 10);
  if (!named || from_env.n < 1 || end == nullptr || *end != '\0') {
    bad_setting("SQGL_FAULT", fault, "write:N, sync:N, truncate:N or shmmap:N with N >= 1");
  }
  if (const char* code = std::getenv("SQGL_FAULT_CODE"); code && *code) {
    if (std::strcmp(code, "full") == 0) {
      from_env.full = true;
    } else if (std::strcmp(code, "ioerr") != 0) {
      bad_setting("SQGL_FAULT_CODE", code, "ioerr or full");
    }
  }
  if (const char* mode = std::getenv("SQGL_FAULT_MODE"); mode && *mode) {
    if (std::strcmp(mode, "persistent") == 0) {
      from_env.persistent = true;
    } else if (std::strcmp(mode, "transient") != 0) {
      bad_setting("SQGL_FAULT_MODE", mode, "transient or persistent");
    }
  }
  arm_fault(from_env);
}

void write_counts() {
  if (counts_file.empty()) return;
  std::FILE* out = std::fopen(counts_file.c_str(), "w");
  if (out == nullptr) return;
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    std::fprintf(out, "%s %lld\n", kKindNames[i].data(), counts[i]);
  }
  std::fprintf(out, "faults %lld\n", faults);
  std::fclose(out);
}

}  // namespace

void install_faulty_vfs() {
  if (real_vfs != nullptr) return;
  real_vfs = sqlite3_vfs_find(nullptr);
  if (real_vfs == nullptr || real_vfs->iVersion < 3) {
    std::fprintf(stderr, "sqgl_faulty: SQLite has no version-3 default VFS to wrap\n");
    std::exit(99);
  }

  faulty_methods.iVersion = 3;
  faulty_methods.xClose = faulty_close;
  faulty_methods.xRead = faulty_read;
  faulty_methods.xWrite = faulty_write;
  faulty_methods.xTruncate = faulty_truncate;
  faulty_methods.xSync = faulty_sync;
  faulty_methods.xFileSize = faulty_file_size;
  faulty_methods.xLock = faulty_lock;
  faulty_methods.xUnlock = faulty_unlock;
  faulty_methods.xCheckReservedLock = faulty_check_reserved_lock;
  faulty_methods.xFileControl = faulty_file_control;
  faulty_methods.xSectorSize = faulty_sector_size;
  faulty_methods.xDeviceCharacteristics = faulty_device_characteristics;
  faulty_methods.xShmMap = faulty_shm_map;
  faulty_methods.xShmLock = faulty_shm_lock;
  faulty_methods.xShmBarrier = faulty_shm_barrier;
  faulty_methods.xShmUnmap = faulty_shm_unmap;
  faulty_methods.xFetch = faulty_fetch;
  faulty_methods.xUnfetch = faulty_unfetch;

  faulty_vfs.iVersion = 3;
  faulty_vfs.szOsFile = static_cast<int>(kRealOffset) + real_vfs->szOsFile;
  faulty_vfs.mxPathname = real_vfs->mxPathname;
  faulty_vfs.zName = "sqgl_faulty";
  faulty_vfs.pAppData = nullptr;
  faulty_vfs.xOpen = faulty_open;
  faulty_vfs.xDelete = faulty_delete;
  faulty_vfs.xAccess = faulty_access;
  faulty_vfs.xFullPathname = faulty_full_pathname;
  faulty_vfs.xDlOpen = faulty_dl_open;
  faulty_vfs.xDlError = faulty_dl_error;
  faulty_vfs.xDlSym = faulty_dl_sym;
  faulty_vfs.xDlClose = faulty_dl_close;
  faulty_vfs.xRandomness = faulty_randomness;
  faulty_vfs.xSleep = faulty_sleep;
  faulty_vfs.xCurrentTime = faulty_current_time;
  faulty_vfs.xGetLastError = faulty_get_last_error;
  faulty_vfs.xCurrentTimeInt64 = faulty_current_time_int64;
  faulty_vfs.xSetSystemCall = faulty_set_system_call;
  faulty_vfs.xGetSystemCall = faulty_get_system_call;
  faulty_vfs.xNextSystemCall = faulty_next_system_call;

  if (sqlite3_vfs_register(&faulty_vfs, 1) != SQLITE_OK) {
    std::fprintf(stderr, "sqgl_faulty: cannot register the faulty VFS\n");
    std::exit(99);
  }
}

void arm_fault(const FaultPlan& armed) {
  plan = armed;
  counts = {};
  faults = 0;
}

void disarm_fault() { plan.reset(); }

FaultCounts fault_counts() {
  return {counts[static_cast<std::size_t>(FaultKind::write)], counts[static_cast<std::size_t>(FaultKind::sync)],
          counts[static_cast<std::size_t>(FaultKind::truncate)], counts[static_cast<std::size_t>(FaultKind::shmmap)],
          faults};
}

void register_faulty_vfs() {
  install_faulty_vfs();
  arm_from_environment();
  if (const char* file = std::getenv("SQGL_FAULT_COUNTS")) counts_file = file;
  std::atexit(write_counts);
}

}  // namespace sqgl::test
