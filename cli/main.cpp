// sqgl: one binary over sqgl_core. Everything but the process boundary lives in
// cli/ (cli/entry.cpp reads the environment, cli/app.cpp dispatches, one file per
// subcommand).
#include "cli/app.h"

int main(int argc, char** argv) { return sqgl::cli::run_main(argc, argv); }
