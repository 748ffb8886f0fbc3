// argv tests: the command line parsed and run in-process, with captured streams.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/app.h"
#include "core/base/error.h"
#include "helpers.h"

using sqgl::cli::Cli;
using sqgl::cli::Environment;

namespace {

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result run(const std::vector<std::string>& args, Environment env = {}) {
  std::ostringstream out, err;
  Cli cli;
  env.try_emplace("SQGL_CONFIG", "");  // no configuration file: the machine's own never changes a test
  int code = cli.run(args, env, out, err, false);
  return {code, out.str(), err.str()};
}

bool one_error_line(const std::string& err) {
  return err.rfind("sqgl: error: ", 0) == 0 && err.find('\n') == err.size() - 1;
}

}  // namespace

TEST_CASE("argv: global options go before or after the command") {
  Cli a;
  CHECK(a.parse({"--db", "x.db", "--json", "catalog", "C05-01"}) == "catalog");
  CHECK(a.globals().db == "x.db");
  CHECK(a.globals().json);
  Cli b;
  CHECK(b.parse({"catalog", "C05-01", "--json", "--as", "ZZ0101", "--db=y.db"}) == "catalog");
  CHECK(b.globals().db == "y.db");
  CHECK(b.globals().as == "ZZ0101");
  CHECK(b.globals().json);
}

TEST_CASE("argv: --help on the program and on every command, each with an example") {
  auto top = run({"--help"});
  CHECK(top.code == 0);
  CHECK(top.err.empty());
  const auto names = Cli::command_names();
  CHECK(names.size() >= 19);
  for (const auto& command : names) {
    CAPTURE(command);
    CHECK(top.out.find(command) != std::string::npos);
    auto help = run({command, "--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("Example") != std::string::npos);
    CHECK(help.err.empty());
  }
}

TEST_CASE("argv: a process builds only the command it runs, and the program's --help builds them all") {
  Cli one;
  CHECK(one.parse({"catalog", "C05-01"}) == "catalog");
  CHECK(one.app().get_subcommands({}).size() == 1);
  Cli all;
  CHECK_THROWS_AS(all.parse({"--help"}), CLI::CallForHelp);
  CHECK(all.app().get_subcommands({}).size() == Cli::command_names().size());
}

TEST_CASE("argv: --version prints the version and opens no database") {
  sqgl::test::TempDir dir;
  auto r = run({"--version"}, {{"SQGL_DB", dir.file("never.db")}});
  CHECK(r.code == 0);
  CHECK(r.out == "sqgl 0.1.0\n");
  CHECK_FALSE(std::filesystem::exists(dir.file("never.db")));
}

TEST_CASE("argv: an unknown command is exit 2 with a suggestion") {
  auto r = run({"catalgo"});
  CHECK(r.code == 2);
  CHECK(r.err == "sqgl: error: unknown command 'catalgo' (did you mean 'catalog'?)\n");
  CHECK(r.out.empty());
  auto far = run({"--db", "x.db", "frobnicate"});
  CHECK(far.code == 2);
  CHECK(far.err == "sqgl: error: unknown command 'frobnicate' (see 'sqgl --help')\n");
}

TEST_CASE("argv: bad options are exit 2 with one error line") {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"catalog", "--bogus"},
                                               {"--bogus"},
                                               {"calendar", "--due", "2012-01-29"},
                                               {"init", "--scale", "zero"},
                                               {"init", "--scale", "1000"},
                                               {"resident"},
                                               {}}) {
    auto r = run(args);
    CAPTURE(r.err);
    CHECK(r.code == 2);
    CHECK(one_error_line(r.err));
    CHECK(r.out.empty());
  }
}

TEST_CASE("argv: a bad SQGL_NOW is exit 2") {
  auto r = run({"calendar", "2012-01"}, {{"SQGL_NOW", "yesterday"}});
  CHECK(r.code == 2);
  CHECK(r.err == "sqgl: error: invalid SQGL_NOW 'yesterday': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]\n");
}

// The installed sqgl runs setgid for clerks outside its group: what they set may
// choose neither the database nor the clock (tests/packaging/check_privilege.py
// tries the whole boundary with real accounts).
TEST_CASE("argv: with borrowed rights, the caller's environment chooses neither the database nor the clock") {
  sqgl::test::TempDir dir;
  auto borrowed = [](const std::vector<std::string>& args, const Environment& env) {
    std::ostringstream out, err;
    Cli cli;
    const int code = cli.run(args, env, out, err, false, /*borrowed=*/true);
    return Result{code, out.str(), err.str()};
  };
  const auto now = borrowed({"calendar", "2012-01"}, {{"SQGL_NOW", "2012-01-30"}});
  CHECK(now.code == 4);
  CHECK(now.err.find("so its clock is the machine's: unset SQGL_NOW") != std::string::npos);
  const auto config = borrowed({"calendar", "2012-01"}, {{"SQGL_CONFIG", dir.file("my.conf")}});
  CHECK(config.code == 4);
  CHECK(config.err.find("unset SQGL_CONFIG") != std::string::npos);
  const auto init = borrowed({"--db", dir.file("new.db"), "init"}, {});
  CHECK(init.code == 4);
  CHECK(init.err.find("creating the database is for a member of the group") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("new.db")));
  // Whether or not this machine has an installed configuration, another file is refused.
  for (const Environment& env : {Environment{{"SQGL_DB", dir.file("other.db")}}, Environment{}}) {
    const auto other = borrowed({"--db", dir.file("other.db"), "catalog"}, env);
    CHECK(other.code == 4);
    CHECK(one_error_line(other.err));
  }
}

TEST_CASE("argv: a missing database is exit 3 and is not created") {
  sqgl::test::TempDir dir;
  auto r = run({"catalog"}, {{"SQGL_DB", dir.file("missing.db")}});
  CHECK(r.code == 3);
  CHECK(r.err == "sqgl: error: no database at '" + dir.file("missing.db") + "'; create it with 'sqgl init'\n");
  CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
}

// Found by the args fuzz target's rule that a failed command leaves no file behind:
// `import … --errors FILE` made FILE (or emptied an old one) before it knew that
// the import would read any row.
TEST_CASE("argv: an import that fails before reading its rows writes no --errors file") {
  sqgl::test::TempDir dir;
  const std::string bad = dir.file("bad.csv"), good = dir.file("dup.csv"), rejects = dir.file("rejects.csv");
  std::ofstream(bad) << "foo,bar\n1,2\n";
  std::ofstream(good) << "身份证号,姓名,性别,出生日期,户号,联系电话\n"
                         "150204198503121230,王伟,男,1985-03-12,150204001001-0001,13904721234\n"
                         "150204198503121230,王伟,男,1985-03-12,150204001001-0002,\n";
  const Environment env{{"SQGL_DB", dir.file("d.db")}, {"SQGL_NOW", "2012-01-29T09:00"}};
  auto import = [&](const std::string& as, const std::string& file) {
    return run({"--as", as, "import", "residents", file, "--errors", rejects, "--dry-run"}, env);
  };
  auto read = [&] {
    std::ifstream in(rejects);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };

  CHECK(import("IT01", bad).code == 3);  // no database yet
  CHECK_FALSE(std::filesystem::exists(rejects));
  REQUIRE(run({"init", "--demo"}, env).code == 0);
  CHECK(import("ZZ0101", bad).code == 4);  // not the admin
  CHECK_FALSE(std::filesystem::exists(rejects));
  CHECK(import("IT01", bad).code == 2);  // an unknown column
  CHECK_FALSE(std::filesystem::exists(rejects));
  // An old file is left as it was, too.
  std::ofstream(rejects) << "old\n";
  CHECK(import("IT01", bad).code == 2);
  CHECK(read() == "old\n");
  // Once the rows are read, the file lists their problems.
  CHECK(import("IT01", good).code == 2);
  CHECK(read() == "line,column,value,message\n3,1,150204********1230,duplicate of line 2\n");
}

TEST_CASE("exit codes: one enum, one meaning each (docs/commands.md's table)") {
  using sqgl::core::ExitCode;
  CHECK(static_cast<int>(ExitCode::ok) == 0);
  CHECK(static_cast<int>(sqgl::core::Failure("x").code()) == 1);
  CHECK(static_cast<int>(sqgl::core::InvalidInput("x").code()) == 2);
  CHECK(static_cast<int>(sqgl::core::NotFound("x").code()) == 3);
  CHECK(static_cast<int>(sqgl::core::PermissionDenied("x").code()) == 4);
  CHECK(static_cast<int>(sqgl::core::Conflict("x").code()) == 5);
  CHECK(static_cast<int>(ExitCode::findings) == 6);
}
