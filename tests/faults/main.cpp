// sqgl_faulty: the sqgl binary with the fault-injecting VFS (faulty_vfs.h) as SQLite's
// default, for tests/reliability/test_io_errors.py. It runs the same process boundary
// as sqgl (sqgl::cli::run_main), so the two binaries cannot drift apart.
#include "cli/app.h"
#include "tests/faults/faulty_vfs.h"

int main(int argc, char** argv) {
  // Registering initialises SQLite, so configure_sqlite_library() in run_main comes
  // too late for its settings and allocator (harmlessly: the faults are the same);
  // its VFS (core/wal_vfs.h) goes over this one, which still sees every file.
  sqgl::test::register_faulty_vfs();
  return sqgl::cli::run_main(argc, argv);
}
