#include "core/db/new_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "core/base/caller.h"
#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::core {

namespace {

namespace fs = std::filesystem;

std::string directory_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

std::string base_name(const std::string& path) { return fs::path(path).filename().string(); }

// The same file: by identity when both exist, else by their absolute names (a
// database's -wal may not exist yet, and SQLite puts its side files beside the
// file a linked database name points to).
bool same_file(const std::string& a, const struct stat* a_stat, const std::string& b) {
  if (b.empty() || b == "-" || b == ":memory:") return false;
  struct stat other {};
  if (a_stat != nullptr && ::stat(b.c_str(), &other) == 0) {
    return a_stat->st_dev == other.st_dev && a_stat->st_ino == other.st_ino;
  }
  std::error_code e1, e2;
  const auto full_a = fs::weakly_canonical(fs::absolute(a, e1), e1);
  const auto full_b = fs::weakly_canonical(fs::absolute(b, e2), e2);
  return !e1 && !e2 && full_a == full_b;
}

// The database and the side files SQLite keeps beside it (beside the file a link
// names, too), each with what to call it.
std::vector<std::pair<std::string, std::string_view>> database_files(const std::string& database) {
  std::vector<std::pair<std::string, std::string_view>> out;
  if (database.empty() || database == ":memory:") return out;
  std::vector<std::string> bases{database};
  std::error_code ec;
  const auto resolved = fs::weakly_canonical(fs::absolute(database, ec), ec);
  if (!ec && resolved.string() != database) bases.push_back(resolved.string());
  for (const auto& base : bases) {
    out.emplace_back(base, _("the database"));
    out.emplace_back(base + "-wal", _("the database's write-ahead log"));
    out.emplace_back(base + "-shm", _("the database's shared-memory index"));
    out.emplace_back(base + "-journal", _("the database's rollback journal"));
  }
  return out;
}

// "OPTION: 'PATH' is …": why a file of this kind cannot be written.
std::string not_a_plain_file(std::string_view option, const std::string& path, mode_t mode) {
  const std::string quoted = errors::quote(path);
  if (S_ISDIR(mode)) return tr("{}: {} is a directory; name a file", option, quoted);
  if (S_ISLNK(mode)) {
    return tr("{}: {} is a symbolic link; sqgl writes only to a plain file (name the file it points to)", option,
              quoted);
  }
  if (S_ISCHR(mode) || S_ISBLK(mode)) return tr("{}: {} is a device, not a regular file", option, quoted);
  if (S_ISFIFO(mode)) return tr("{}: {} is a FIFO (named pipe), not a regular file", option, quoted);
  if (S_ISSOCK(mode)) return tr("{}: {} is a socket, not a regular file", option, quoted);
  return tr("{}: {} is not a regular file", option, quoted);
}

[[noreturn]] void write_failed(const std::string& target, int error) {
  if (error == ENOSPC || error == EDQUOT) throw Failure(tr("cannot write {}: disk full", errors::quote(target)));
  throw Failure(tr("cannot write {}: {}", errors::quote(target), std::strerror(error)));
}

// A hidden name ".NAME.sqgl-" + 12 hex digits: a file being staged or written.
bool staging_name(std::string_view name) {
  const auto mark = name.rfind(".sqgl-");
  if (!name.starts_with('.') || mark == std::string_view::npos || name.size() - mark != 6 + 12) return false;
  return name.substr(mark + 6).find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// A command holds an exclusive flock on the file it writes from the moment it
// creates it, and the kernel drops it when the process ends however it ends. A
// hidden file whose lock can be taken was left by a command killed between
// naming it and renaming it into place (kill -9, a power cut): a whole copy of
// someone's data that nobody will publish. Removed here, before a new one is made.
void remove_abandoned_files(const std::string& dir) {
  DIR* listing = ::opendir(dir.c_str());
  if (listing == nullptr) return;
  while (const dirent* entry = ::readdir(listing)) {
    if (!staging_name(entry->d_name)) continue;
    const int fd = ::openat(::dirfd(listing), entry->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() && ::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      ::unlinkat(::dirfd(listing), entry->d_name, 0);
    }
    ::close(fd);
  }
  ::closedir(listing);
}

std::string random_suffix() {
  std::array<unsigned char, 6> bytes{};
  if (::getrandom(bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size())) {
    // Unpredictable enough for a name that O_EXCL/linkat also guard.
    const auto t = static_cast<unsigned long>(::getpid()) ^ static_cast<unsigned long>(::time(nullptr));
    std::memcpy(bytes.data(), &t, std::min(sizeof t, bytes.size()));
  }
  std::string out;
  for (unsigned char b : bytes) out += fmt::format("{:02x}", b);
  return out;
}

void sync_directory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);  // the new name's durability; the content is already synced
  ::close(fd);
}

}  // namespace

void check_output_target(std::string_view option, const std::string& path, const OutputRules& rules) {
  // What the caller may see of the file system, not what sqgl's group may.
  const CallerRights caller;
  if (path.empty()) throw InvalidInput(tr("{} needs a file name", option));
  if (path.size() >= PATH_MAX) throw InvalidInput(tr("{}: the file name is too long ({} bytes)", option, path.size()));
  for (const auto& part : fs::path(path)) {
    if (part.string().size() > NAME_MAX) {
      throw InvalidInput(tr("{}: {} has a name part longer than {} bytes", option, errors::quote(path), NAME_MAX));
    }
  }
  struct stat st {};
  const bool exists = ::lstat(path.c_str(), &st) == 0;
  if (!exists && errno == ENAMETOOLONG) throw InvalidInput(tr("{}: the file name is too long", option));
  if (exists && !S_ISREG(st.st_mode)) throw InvalidInput(not_a_plain_file(option, path, st.st_mode));
  for (const auto& [protected_file, what] : database_files(rules.database)) {
    if (same_file(path, exists ? &st : nullptr, protected_file)) {
      throw InvalidInput(tr("{}: {} is {}; writing there would destroy it", option, errors::quote(path), what));
    }
  }
  for (const auto& input : rules.inputs) {
    if (same_file(path, exists ? &st : nullptr, input)) {
      throw InvalidInput(tr("{}: {} is the file being read; name another file", option, errors::quote(path)));
    }
  }
  const std::string dir = directory_of(path);
  struct stat dir_stat {};
  if (::stat(dir.c_str(), &dir_stat) != 0 || !S_ISDIR(dir_stat.st_mode)) {
    throw NotFound(tr("no directory {} for {}", errors::quote(dir), option));
  }
}

NewFile::NewFile(std::string option, std::string target, OutputRules rules)
    : option_(std::move(option)), target_(std::move(target)), rules_(std::move(rules)) {
  // The file is the caller's: created, named and replaced with the caller's own
  // rights, never with the group sqgl borrows for the database.
  const CallerRights caller;
  check_output_target(option_, target_, rules_);
  const std::string dir = directory_of(target_);
  remove_abandoned_files(dir);
  // Linking an unnamed file into place goes through /proc/self/fd.
  if (::access("/proc/self/fd", X_OK) == 0) {
    fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    unnamed_ = fd_ >= 0;
  }
  if (fd_ < 0) {
    // No unnamed files here (an old kernel, a file system without them): a random
    // name that nobody else can have opened, removed unless published.
    for (int attempt = 0; attempt < 8 && fd_ < 0; ++attempt) {
      temp_name_ = (fs::path(dir) / fmt::format(".{}.sqgl-{}", base_name(target_), random_suffix())).string();
      fd_ = ::open(temp_name_.c_str(), O_CREAT | O_EXCL | O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd_ < 0 && errno != EEXIST) break;
    }
    if (fd_ < 0) {
      const int error = errno;
      temp_name_.clear();
      const std::string message =
          tr("{}: cannot create a file in {}: {}", option_, errors::quote(dir), std::strerror(error));
      if (error == EACCES || error == EPERM) throw PermissionDenied(message);
      throw Failure(message);
    }
  }
  // Held while the file is open, so at the latest until this process ends, however
  // it ends: see remove_abandoned_files.
  ::flock(fd_, LOCK_EX | LOCK_NB);
  // The mode the setting asks for, whatever the umask or an old file of that name had.
  if (::fchmod(fd_, rules_.mode) != 0) write_failed(target_, errno);
}

NewFile::~NewFile() {
  if (fd_ >= 0) ::close(fd_);  // an unnamed file that was never linked vanishes with it
  const CallerRights caller;
  if (!published_ && !temp_name_.empty()) ::unlink(temp_name_.c_str());
}

std::string NewFile::open_path() const {
  return unnamed_ ? fmt::format("/proc/self/fd/{}", fd_) : temp_name_;
}

void NewFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      write_failed(target_, errno);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void NewFile::stage() {
  if (staged_) return;
  const CallerRights caller;
  if (::fsync(fd_) != 0) write_failed(target_, errno);
  // Checked again: the target may have changed while the work went on. (rename
  // never follows a link, so even a link put there since cannot be written through.)
  check_output_target(option_, target_, rules_);
  if (temp_name_.empty()) {
    const std::string dir = directory_of(target_);
    const std::string source = open_path();
    for (int attempt = 0; attempt < 8 && temp_name_.empty(); ++attempt) {
      const std::string named = (fs::path(dir) / fmt::format(".{}.sqgl-{}", base_name(target_), random_suffix())).string();
      if (::linkat(AT_FDCWD, source.c_str(), AT_FDCWD, named.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        temp_name_ = named;
      } else if (errno != EEXIST) {
        write_failed(target_, errno);
      }
    }
    if (temp_name_.empty()) write_failed(target_, EEXIST);
  }
  staged_ = true;
}

void NewFile::publish(bool replace) {
  const CallerRights caller;
  const std::string dir = directory_of(target_);
  if (!replace && !staged_ && temp_name_.empty()) {
    // link() fails when the name exists: of two commands creating one file, one
    // wins, and the loser's file, never named, vanishes with it.
    if (::fsync(fd_) != 0) write_failed(target_, errno);
    check_output_target(option_, target_, rules_);
    if (::linkat(AT_FDCWD, open_path().c_str(), AT_FDCWD, target_.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      if (errno == EEXIST) throw created_meanwhile();
      write_failed(target_, errno);
    }
  } else {
    stage();
    if (replace) {
      if (std::rename(temp_name_.c_str(), target_.c_str()) != 0) write_failed(target_, errno);
    } else {
      if (::link(temp_name_.c_str(), target_.c_str()) != 0) {
        if (errno == EEXIST) throw created_meanwhile();
        write_failed(target_, errno);
      }
      ::unlink(temp_name_.c_str());
    }
  }
  published_ = true;
  temp_name_.clear();
  sync_directory(dir);
}

Conflict NewFile::created_meanwhile() const {
  return Conflict(
      tr("{}: {} was created by another process meanwhile; nothing written", option_, errors::quote(target_)));
}

ScratchFile::ScratchFile() {
  // $TMPDIR is the caller's to choose only when sqgl runs with the caller's rights.
  const char* dir = ::secure_getenv("TMPDIR");
  if (dir != nullptr && *dir != '\0') fd_ = ::open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd_ < 0) fd_ = ::open("/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd_ < 0) throw Failure(tr("cannot create a scratch file: {}", std::strerror(errno)));
}

ScratchFile::~ScratchFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::string ScratchFile::open_path() const { return fmt::format("/proc/self/fd/{}", fd_); }

std::string ScratchFile::read_all() const {
  std::string out;
  std::array<char, 65536> buffer{};
  for (off_t offset = 0;;) {
    const ssize_t n = ::pread(fd_, buffer.data(), buffer.size(), offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Failure(tr("cannot read a scratch file: {}", std::strerror(errno)));
    if (n == 0) return out;
    out.append(buffer.data(), static_cast<std::size_t>(n));
    offset += n;
  }
}

}  // namespace sqgl::core
