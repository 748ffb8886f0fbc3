// The files of a database and of what sqgl writes: who may read them, and where a
// database may live. Knows no domain: the `files` setting that chooses the access
// is read above (core/model/settings.h).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>

namespace sqgl::core {

/// Who may read the files sqgl creates (database, backups, reports, reject files).
enum class FileAccess {
  owner,  ///< mode 600 (the default)
  group,  ///< mode 660: a station's clerks share one Unix group
};

/// The umask under which sqgl creates files for `access`: 077 or 007.
mode_t file_umask(FileAccess access);

/// The mode of a file sqgl creates for `access`: 0600 or 0660.
mode_t file_mode(FileAccess access);

/// The name of a network filesystem by its statfs magic (NFS, SMB/CIFS, …), or none.
std::optional<std::string> network_filesystem_name(std::int64_t statfs_type);

/// Refuses (Failure) a database on a network filesystem, where SQLite's locking is
/// unreliable. `path` may not exist yet: its directory is checked.
void refuse_network_filesystem(const std::string& path);

/// A warning when the database file or its -wal/-shm can be read by other users
/// (or by the group, when access is `owner`), naming the chmod that fixes it.
std::optional<std::string> file_mode_warning(const std::string& path, FileAccess access);

/// Sets the database file and its -wal/-shm to the mode `access` means.
void apply_file_access(const std::string& path, FileAccess access);

}  // namespace sqgl::core
