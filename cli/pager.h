// The pager: a long output on a terminal goes through `less`, as git's does, and
// sqgl stops quietly when the reader quits it early.
#pragma once

#include <sys/types.h>

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include "cli/context.h"

namespace sqgl::cli {

/// Thrown by a paged stdout once the pager has gone (the reader pressed q): the
/// command stops, and sqgl exits 0 without a word.
struct PagerClosed {};

/// The pager command for a run: $SQGL_PAGER, else $PAGER, else "less"; none ("")
/// when stdout is no terminal, with --json or --no-pager, or when the one named is
/// empty or `cat`.
std::string pager_command(const Environment& env, bool out_is_tty, bool json, bool no_pager);

/// The program `command` runs when it is a plain program name with arguments (no
/// shell syntax) and no such program can be run (not on $PATH, not executable);
/// "" otherwise. Through /bin/sh a missing pager would only say "not found" and
/// swallow the output: sqgl prints without it instead, as git does.
std::string missing_pager_program(const std::string& command);

/// A running pager that `out` writes to until it is destroyed. The command runs
/// under /bin/sh with LESS=FRX (quit when the text fits one screen, pass colours,
/// leave the screen as it is) and LV=-c unless they are set; with the caller's own
/// group, and none of sqgl's open files but the pipe. The destructor sends what is
/// left, waits for the pager to end and gives `out` back its own buffer.
class Pager {
 public:
  Pager(const std::string& command, std::ostream& out);
  ~Pager();
  Pager(const Pager&) = delete;
  Pager& operator=(const Pager&) = delete;

 private:
  class PipeBuffer;
  std::ostream& out_;
  std::streambuf* own_;
  std::ios::iostate own_exceptions_;
  std::unique_ptr<PipeBuffer> pipe_;
  std::unique_ptr<std::streambuf> escaping_;
  pid_t pid_ = -1;
};

}  // namespace sqgl::cli
