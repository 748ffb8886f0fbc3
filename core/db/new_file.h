// Every file sqgl writes for its user — a backup, a report, a reject file, a new
// database — goes through one guard. The target must be a plain file name: never
// the database in use or one of its side files, never a directory, device, FIFO,
// socket or symbolic link. The content is written into an unnamed file beside the
// target (O_TMPFILE) and gets its name only when it is complete and synced, so a
// failed or killed command leaves nothing behind, not even a partial copy. (A
// command killed between staging a file under its hidden name and renaming it
// leaves that file; the next NewFile in the directory removes it.)
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"

namespace sqgl::core {

/// What an output may never replace, and the mode it gets.
struct OutputRules {
  std::string database;             ///< the database in use; its -wal, -shm and -journal are protected with it
  std::vector<std::string> inputs;  ///< files the command reads
  mode_t mode = 0600;               ///< 0600, or 0660 under `setting files group`
};

/// Refuses (InvalidInput; NotFound for a missing directory) a target the rules forbid.
/// `option` names where the path came from in messages ("--out", "backup").
/// Commands call it before their work, so that a bad name fails at once; NewFile
/// checks again when it publishes.
void check_output_target(std::string_view option, const std::string& path, const OutputRules& rules);

/// A file being written: unnamed until publish().
class NewFile {
 public:
  /// Checks the target and creates the unnamed file in its directory. Where the
  /// file system cannot create unnamed files, a named temporary file with a random
  /// name (mode 600) stands in, removed again unless published.
  NewFile(std::string option, std::string target, OutputRules rules);
  ~NewFile();
  NewFile(const NewFile&) = delete;
  NewFile& operator=(const NewFile&) = delete;

  /// The open file, for writers that take a descriptor.
  int fd() const { return fd_; }
  /// A name by which a library that insists on opening a path can open this same
  /// file (/proc/self/fd/N, or the temporary name).
  std::string open_path() const;
  /// Appends bytes. Failure naming the file on a write error ("disk full" when it is).
  void write(std::string_view bytes);
  /// Syncs the file and links it under a hidden temporary name beside the target,
  /// so that publish() is one rename. For a command that records the file in the
  /// database: stage, commit, publish; if the commit fails, the staged file goes.
  void stage();
  /// Syncs the file and gives it its name. With `replace`, a regular file of that
  /// name is replaced atomically; without, an existing file makes it Conflict and
  /// nothing is written (two `sqgl init` of one new database: one wins).
  void publish(bool replace = true);
  /// The target path.
  const std::string& target() const { return target_; }

 private:
  std::string option_;
  std::string target_;
  OutputRules rules_;
  Conflict created_meanwhile() const;

  std::string temp_name_;  // the file's hidden name: when staged, or where no unnamed file could be made
  int fd_ = -1;
  bool unnamed_ = false;   // created with O_TMPFILE
  bool staged_ = false;
  bool published_ = false;
};

/// An unnamed scratch file in the system's temporary directory, for a library
/// that writes only to a path (libxlsxwriter): gone when the object goes.
class ScratchFile {
 public:
  ScratchFile();
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  /// A name the library may open the file by (/proc/self/fd/N).
  std::string open_path() const;
  /// Everything written to it so far.
  std::string read_all() const;

 private:
  int fd_ = -1;
};

}  // namespace sqgl::core
