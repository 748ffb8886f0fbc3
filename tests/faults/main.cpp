// sqgl_faulty: the sqgl binary with the fault-injecting VFS (faulty_vfs.h) as SQLite's
// default, for tests/reliability/test_io_errors.py.
//
// It compiles cli/main.cpp itself, its `main` renamed, so that the two binaries can
// never drift apart: whatever sqgl's process boundary does, this one does too. The
// headers main.cpp includes are included first, so the rename touches main.cpp's own
// definition only.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/app.h"
#include "core/store.h"
#include "tests/faults/faulty_vfs.h"

#define main sqgl_main
#include "cli/main.cpp"  // NOLINT(bugprone-suspicious-include)
#undef main

int main(int argc, char** argv) {
  // Registering initialises SQLite, so configure_sqlite_library() in sqgl_main
  // comes too late and is refused (harmlessly: it only turns statistics off).
  sqgl::test::register_faulty_vfs();
  return sqgl_main(argc, argv);
}
