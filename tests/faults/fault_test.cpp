// Unit tests that run sqgl commands in-process over the fault-injecting VFS:
// regressions found by tests/reliability/test_io_errors.py, named after what broke.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "tests/faults/faulty_vfs.h"
#include "tests/unit/helpers.h"

namespace {

using sqgl::test::FaultKind;
using sqgl::test::FaultPlan;

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result run_sqgl(const std::vector<std::string>& args, const std::string& db) {
  sqgl::cli::Environment env{{"SQGL_DB", db}, {"SQGL_NOW", "2012-01-29T09:00"}, {"SQGL_OPERATOR", "IT01"},
                             {"SQGL_CONFIG", ""}};
  std::ostringstream out;
  std::ostringstream err;
  sqgl::cli::Cli cli;
  const int code = cli.run(args, env, out, err, false);
  return {code, out.str(), err.str()};
}

std::string dump_of(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);  // read-write: recovers what a failed run left in the -wal
  return sqgl::test::dump(db);
}

// Disarms the fault when a check fails halfway.
struct Armed {
  explicit Armed(const FaultPlan& plan) { sqgl::test::arm_fault(plan); }
  ~Armed() { sqgl::test::disarm_fault(); }
  Armed(const Armed&) = delete;
  Armed& operator=(const Armed&) = delete;
};

}  // namespace

int main(int argc, char** argv) {
  sqgl::test::install_faulty_vfs();
  return doctest::Context(argc, argv).run();
}

TEST_CASE("import: a checkpoint failing after the commit is no failed import (bug: exit 1 with every row written)") {
  // The import used to commit with synchronous=NORMAL and then run its own
  // wal_checkpoint(FULL) to make the rows durable: when that checkpoint's sync,
  // write or truncate failed, the rows were committed but sqgl said
  // "sqgl: error: import: disk I/O error" (exit 1), and a rerun found duplicates.
  sqgl::test::TempDir dir;
  const std::string pristine = dir.file("pristine.db");
  REQUIRE(run_sqgl({"init", "--demo", "--scale", "0.01"}, pristine).code == 0);
  const std::string csv = dir.file("residents.csv");
  std::ofstream(csv) << "身份证号,姓名,性别,出生日期,户号,联系电话\n"
                        "150204198503121230,王伟,男,1985-03-12,150204001001-0001,13904721234\n"
                        "150204199007172463,李娜,女,1990-07-17,150204001001-0001,0472-5123456\n";
  const std::string before = dump_of(pristine);
  const std::vector<std::string> import = {"import", "residents", csv};

  const std::string clean = dir.file("clean.db");
  std::filesystem::copy_file(pristine, clean);
  REQUIRE(run_sqgl(import, clean).code == 0);
  const std::string after = dump_of(clean);
  REQUIRE(after != before);

  int faulted = 0;
  for (const auto& [kind, name] : {std::pair{FaultKind::sync, "sync"}, std::pair{FaultKind::truncate, "truncate"},
                                   std::pair{FaultKind::write, "write"}}) {
    for (long long n = 1;; ++n) {
      const std::string fault = std::string(name) + ":" + std::to_string(n);
      CAPTURE(fault);
      const std::string db = dir.file(fault + ".db");
      std::filesystem::copy_file(pristine, db);
      Result result{};
      long long faults = 0;
      {
        Armed armed(FaultPlan{kind, n, false, false});
        result = run_sqgl(import, db);
        faults = sqgl::test::fault_counts().faults;
      }
      if (faults == 0) {
        CHECK(result.code == 0);
        break;
      }
      ++faulted;
      CAPTURE(result.err);
      // All or nothing, and the exit code says which.
      REQUIRE((result.code == 0 || result.code == 1));
      const std::string dump = dump_of(db);
      const std::string holds = dump == after ? "every row" : dump == before ? "nothing" : "some rows";
      CHECK(holds == std::string(result.code == 0 ? "every row" : "nothing"));
    }
  }
  CHECK(faulted > 0);
}
