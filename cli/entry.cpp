#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/app.h"
#include "core/base/caller.h"
#include "core/base/i18n.h"
#include "core/base/interrupt.h"

namespace sqgl::cli {

int run_main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Residents' personal data: whatever sqgl creates is its owner's alone until the
  // database's `files` setting says the group may read it too.
  ::umask(077);
  // SQLite reads it, and glibc's secure-execution mode does not remove it: a caller
  // outside sqgl's group does not choose where sqgl's temporary files go.
  const bool borrowed = core::borrowed_rights();
  if (borrowed) ::unsetenv("SQLITE_TMPDIR");
  // Translations are installed with the binary; a build tree's tests and demo point
  // SQGL_LOCALEDIR at the ones it compiled. Borrowed rights read only the installed ones.
  const char* locale_dir = borrowed ? nullptr : std::getenv("SQGL_LOCALEDIR");
  core::init_messages(locale_dir && *locale_dir ? locale_dir : SQGL_LOCALE_DIR);
  // Ctrl-C stops the command where it stands and rolls its transaction back.
  core::handle_interrupts();
  Environment env;
  for (const char* key : {"SQGL_DB", "SQGL_OPERATOR", "SQGL_NOW", "SQGL_CONFIG", "NO_COLOR", "SQGL_PAGER", "PAGER"}) {
    if (const char* value = std::getenv(key)) env[key] = value;
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  Cli cli;
  int code = cli.run(args, env, std::cout, std::cerr, ::isatty(STDOUT_FILENO) != 0, borrowed);
  std::cout.flush();
  return code;
}

}  // namespace sqgl::cli
