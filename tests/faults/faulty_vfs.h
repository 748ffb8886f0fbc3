// A test-only SQLite VFS that makes the N-th write, sync, truncate or shared-memory
// map of the process fail, so that tests can check what sqgl does on a failing disk.
//
// It wraps the real default VFS (unix) and every file it opens — the database, its
// -wal, any -journal, statement and sort temp files — and counts the calls of each
// kind across all of them. It is configured by environment variables, read once by
// register_faulty_vfs():
//
//   SQGL_FAULT=KIND:N          KIND is write, sync, truncate or shmmap; the N-th call
//                              of that kind (counting from 1) fails. Unset: no faults.
//   SQGL_FAULT_CODE=ioerr|full ioerr (default): the error a dying disk gives —
//                              SQLITE_IOERR_WRITE, _FSYNC, _TRUNCATE, _SHMSIZE;
//                              full: SQLITE_FULL, what the unix VFS returns on ENOSPC.
//   SQGL_FAULT_MODE=transient|persistent
//                              transient (default): only the N-th call fails, later
//                              ones succeed (a passing glitch); persistent: the N-th
//                              and every later call of that kind fail (a dead or full
//                              disk). SQLite's own test harness exercises both.
//   SQGL_FAULT_COUNTS=FILE     at exit, write "KIND COUNT" lines to FILE: how many
//                              calls of each kind the process made, and "faults K",
//                              how many calls were failed. A driver stops raising N
//                              once faults is 0: the N-th call never happened.
//
// A failed write writes nothing, a failed sync syncs nothing, a failed truncate leaves
// the file as it was: the call reports the error before touching the real file.
// The -shm file is memory-mapped, so SQLite's stores to it never pass through xWrite;
// what can fail there is xShmMap, which grows and maps the file (the unix VFS writes
// to extend it, so a full disk surfaces there as SQLITE_IOERR_SHMSIZE). The shmmap
// kind counts and fails those calls; xShmLock, xShmBarrier and xShmUnmap only lock,
// fence and unmap and are passed through.
#pragma once

namespace sqgl::test {

/// The calls the VFS counts and can fail.
enum class FaultKind { write, sync, truncate, shmmap };

/// Which call fails, and how (see above).
struct FaultPlan {
  FaultKind kind = FaultKind::write;
  long long n = 1;          ///< the N-th call of `kind` since the plan was armed, from 1
  bool full = false;        ///< SQLITE_FULL instead of the kind's SQLITE_IOERR_* code
  bool persistent = false;  ///< the N-th and every later call fail, not the N-th only
};

/// Calls made since the plan was armed (or since install), and how many were failed.
struct FaultCounts {
  long long write = 0, sync = 0, truncate = 0, shmmap = 0;
  long long faults = 0;
};

/// Makes the fault-injecting VFS SQLite's default, with no fault armed: every call
/// passes through and is counted. Idempotent. Call before any database is opened.
void install_faulty_vfs();

/// Arms `plan` and zeroes the counts; the in-process form of SQGL_FAULT*.
void arm_fault(const FaultPlan& plan);

/// No call fails any more; the counts go on.
void disarm_fault();

/// The counts since the last arm_fault (or install).
FaultCounts fault_counts();

/// sqgl_faulty's start: install_faulty_vfs(), then arm the plan the environment
/// names (SQGL_FAULT…, as described above) and write SQGL_FAULT_COUNTS at exit.
/// Exits the process with a message on a malformed variable.
void register_faulty_vfs();

}  // namespace sqgl::test
