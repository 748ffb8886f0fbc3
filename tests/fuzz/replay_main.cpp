// The main of a fuzz target in the normal build: runs LLVMFuzzerTestOneInput
// once on each file named, and on each file in each directory named (sorted,
// dot-files skipped), so that CTest replays the seed corpus and every kept
// crash in every build, without clang. A crash or a failed FUZZ_CHECK fails the
// test; otherwise it prints how many inputs ran.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_check.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  // Every input is read first: a target may change the working directory.
  std::vector<std::pair<std::string, std::string>> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg(argv[i]);
    std::vector<fs::path> files;
    if (fs::is_directory(arg)) {
      for (const auto& entry : fs::directory_iterator(arg)) {
        if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
    } else if (fs::is_regular_file(arg)) {
      files.push_back(arg);
    } else {
      std::fprintf(stderr, "replay: no file or directory %s\n", argv[i]);
      return 2;
    }
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      inputs.emplace_back(file.string(), std::string(std::istreambuf_iterator<char>(in), {}));
      if (!in.good() && !in.eof()) {
        std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
        return 2;
      }
    }
  }
  for (const auto& [name, bytes] : inputs) {
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", name.c_str(), bytes.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("replay: %zu inputs, 0 crashes\n", inputs.size());
  return 0;
}
