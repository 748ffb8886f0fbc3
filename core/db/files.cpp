#include "core/db/files.h"

#include <sys/stat.h>
#include <sys/statfs.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::core {

namespace {

std::string mode_text(mode_t mode) { return fmt::format("{:03o}", mode & 0777); }

}  // namespace

mode_t file_umask(FileAccess access) { return access == FileAccess::group ? 007 : 077; }

mode_t file_mode(FileAccess access) { return access == FileAccess::group ? 0660 : 0600; }

std::optional<std::string> network_filesystem_name(std::int64_t statfs_type) {
  switch (static_cast<std::uint32_t>(statfs_type)) {
    case 0x6969u: return "NFS";
    case 0x517Bu: return "SMB";
    case 0xFF534D42u: return "CIFS";
    case 0xFE534D42u: return "SMB2";
    case 0x5346414Fu: return "AFS";
    case 0x73757245u: return "Coda";
    case 0x00C36400u: return "Ceph";
    default: return std::nullopt;
  }
}

void refuse_network_filesystem(const std::string& path) {
  if (path.empty() || path == ":memory:") return;
  std::string probe = path;
  struct statfs info {};
  if (::statfs(probe.c_str(), &info) != 0) {
    probe = std::filesystem::absolute(path).parent_path().string();
    if (::statfs(probe.c_str(), &info) != 0) return;  // opening it will say what is wrong
  }
  if (auto name = network_filesystem_name(static_cast<std::int64_t>(info.f_type))) {
    throw Failure(
        tr("{} is on a network filesystem ({}), where SQLite's locking is unreliable and two clerks could corrupt it; "
           "keep the database on a local disk",
           errors::quote(path), *name));
  }
}

std::optional<std::string> file_mode_warning(const std::string& path, FileAccess access) {
  if (path.empty() || path == ":memory:") return std::nullopt;
  const mode_t forbidden = access == FileAccess::group ? 0007 : 0077;
  std::string files;
  mode_t seen = 0;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string file = path + suffix;
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || (st.st_mode & forbidden) == 0) continue;
    if (!files.empty()) files += ' ';
    files += errors::quote(file);
    seen |= st.st_mode & 0777;
  }
  if (files.empty()) return std::nullopt;
  const mode_t wanted = access == FileAccess::group ? 0660 : 0600;
  if (seen & 0007) {
    return tr("{} (mode {}) can be read by other users, and it holds residents' personal data: chmod {} {}",
              errors::quote(path), mode_text(seen), mode_text(wanted), files);
  }
  return tr("{} (mode {}) can be read by its group, and it holds residents' personal data: chmod {} {}",
            errors::quote(path), mode_text(seen), mode_text(wanted), files);
}

void apply_file_access(const std::string& path, FileAccess access) {
  const mode_t wanted = access == FileAccess::group ? 0660 : 0600;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string file = path + suffix;
    if (::chmod(file.c_str(), wanted) != 0 && errno != ENOENT) {
      throw Failure(tr("cannot chmod {}: {}", errors::quote(file), std::strerror(errno)));
    }
  }
}

}  // namespace sqgl::core
