// Fuzz target: the command line (cli/app.h). The input is split at NUL bytes
// into argv words; leading SQGL_NOW=… and SQGL_OPERATOR=… words set those
// variables. Inputs that name no path outside the current directory are run,
// in a scratch directory of their own, against a database that does not exist
// (so nothing can open, create or change one); the others are only parsed.
//
// Invariants: parsing throws only CLI::ParseError or core::Error; a run never
// throws, exits 0–6, and fails with one `sqgl: error: …` line on stderr and
// nothing on stdout; a failed run leaves no file behind.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app.h"
#include "core/base/error.h"
#include "tests/fuzz/fuzz_check.h"

namespace fs = std::filesystem;

namespace {

// The scratch directory, made once and made the working directory: commands
// that write a file named by a relative path (report --out, import --errors)
// write there. libFuzzer and the replay use absolute paths (see scripts/fuzz).
const fs::path& scratch() {
  // Never destroyed: the exit handler below still needs it.
  static const fs::path* const dir = [] {
    std::string pattern = (fs::temp_directory_path() / "sqgl-fuzz-args-XXXXXX").string();
    FUZZ_CHECK(::mkdtemp(pattern.data()) != nullptr);
    fs::current_path(pattern);
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(scratch(), ignored);
    });
    return new fs::path(pattern);
  }();
  return *dir;
}

// Words that could reach outside the scratch directory or block: a path with a
// slash, standard input, another database.
bool safe_to_run(const std::vector<std::string>& args) {
  for (const auto& word : args) {
    if (word.find('/') != std::string::npos || word == "-" || word.starts_with("--db")) return false;
  }
  return true;
}

bool empty_dir(const fs::path& dir) {
  return fs::directory_iterator(dir) == fs::directory_iterator();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path& dir = scratch();
  const std::string_view text = sqgl::fuzz::as_text(data, size);

  std::vector<std::string> args;
  for (std::size_t start = 0; start <= text.size();) {
    auto end = text.find('\0', start);
    if (end == std::string_view::npos) end = text.size();
    args.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (!text.empty() && text.back() == '\0') args.pop_back();  // "catalog\0" is one word
  if (text.empty()) args.clear();

  sqgl::cli::Environment env{{"SQGL_DB", (dir / "missing" / "sqgl.db").string()},
                             {"SQGL_NOW", "2012-01-29T09:00"},
                             {"SQGL_CONFIG", ""}};
  while (!args.empty() && (args.front().starts_with("SQGL_NOW=") || args.front().starts_with("SQGL_OPERATOR="))) {
    const auto eq = args.front().find('=');
    env[args.front().substr(0, eq)] = args.front().substr(eq + 1);
    args.erase(args.begin());
  }

  if (!safe_to_run(args)) {
    // Parsing alone, which opens nothing.
    try {
      sqgl::cli::Cli cli;
      cli.parse(args);
    } catch (const CLI::ParseError&) {
    } catch (const sqgl::core::Error&) {
    }
    return 0;
  }
  std::ostringstream out, err;
  sqgl::cli::Cli cli;
  const int code = cli.run(args, env, out, err, false);
  FUZZ_CHECK(code >= 0 && code <= 6);
  const std::string e = err.str();
  if (code == 0) {
    FUZZ_CHECK(e.empty());
  } else {
    // One error line, and nothing on stdout.
    FUZZ_CHECK(e.rfind("sqgl: error: ", 0) == 0);
    FUZZ_CHECK(e.size() > 14 && e.find('\n') == e.size() - 1);
    FUZZ_CHECK(out.str().empty());
    FUZZ_CHECK(empty_dir(dir));
  }
  // Whatever a successful command wrote goes before the next input.
  for (const auto& entry : fs::directory_iterator(dir)) fs::remove_all(entry.path());
  return 0;
}
