// SQLite's unix VFS with one change: a write-ahead log's directory entry is made
// durable once per log file, not once per process.
//
// The unix VFS opens the log with O_CREAT and, at that connection's first sync,
// fsyncs the directory, in case the open created the file: until then a power cut
// could lose the log's name and with it every commit inside. sqgl keeps its log
// from command to command (core/store.h: settle_wal), so each command is a process
// that syncs the directory of a log it did not create: one fsync more than its
// commit needs, made while it holds the write lock.
//
// This VFS syncs the directory itself once the log exists, marks the log with an
// extended attribute naming the file (device and inode, so that a copy carrying
// the attribute elsewhere is not taken for it), and opens a marked log without
// O_CREAT, which spares the process SQLite's own directory sync. A log that does
// not exist yet is created as SQLite does. Where the file system keeps no extended
// attributes, each process syncs the directory, as before.
#pragma once

namespace sqgl::core::wal_vfs {

/// What this process's opens of write-ahead logs did (for tests).
struct Stats {
  int directory_syncs = 0;  ///< directory fsyncs this VFS made
  int marked_opens = 0;     ///< logs opened without O_CREAT: their entry was already durable
};

/// Registers the VFS over SQLite's default one (the unix VFS) as the new default.
/// Idempotent; false if there is no default VFS.
bool install();

/// Counters of the calling thread.
const Stats& stats();

/// The attribute that marks a log whose directory entry has been synced.
inline constexpr const char* kMarkAttribute = "user.sqgl.wal-entry-synced";

}  // namespace sqgl::core::wal_vfs
