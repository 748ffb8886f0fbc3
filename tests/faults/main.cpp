// sqgl_faulty: the sqgl binary with the fault-injecting VFS (faulty_vfs.h) as SQLite's
// default, for tests/reliability/test_io_errors.py. It runs the same process boundary
// as sqgl (sqgl::cli::run_main), so the two binaries cannot drift apart.
#include "cli/app.h"
#include "tests/faults/faulty_vfs.h"

int main(int argc, char** argv) {
  sqgl::test::register_faulty_vfs();
  return sqgl::cli::run_main(argc, argv);
}
