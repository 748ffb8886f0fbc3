#include "cli/config.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <ini.h>

#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::cli {

namespace {

constexpr std::string_view kReportFormats = "table|csv|json|md|html|xlsx";

bool one_of(std::string_view value, std::string_view choices) {
  std::size_t start = 0;
  while (start <= choices.size()) {
    const auto end = std::min(choices.find('|', start), choices.size());
    if (choices.substr(start, end - start) == value) return true;
    start = end + 1;
  }
  return false;
}

struct Reading {
  std::string path;
  std::map<std::string, Configured> values;
  std::string problem;  // the first one, with its line
};

// inih calls this for each `name = value` (section "" before any [section]);
// returning 0 makes ini_parse_file return the line number.
int on_entry(void* user, const char* section, const char* name, const char* value) {
  auto& r = *static_cast<Reading*>(user);
  const std::string key = *section ? fmt::format("{}.{}", section, name) : std::string(name);
  const std::string text(value);
  if (!find_config_key(key)) {
    std::string known;
    for (const auto& k : config_keys()) known += fmt::format("{}{}", known.empty() ? "" : ", ", k.key);
    r.problem = core::tr("unknown key {} (known: {})", core::errors::quote(key), known);
    return 0;
  }
  if (key == "db" && (text.empty() || text.front() != '/')) {
    r.problem = core::tr("db must be an absolute path, not {}", core::errors::quote(text));
    return 0;
  }
  if (key == "report.format" && !one_of(text, kReportFormats)) {
    r.problem = core::tr("report format {} is not one of {}", core::errors::quote(text), kReportFormats);
    return 0;
  }
  r.values[key] = {text, r.path};
  return 1;
}

}  // namespace

const std::vector<ConfigKey>& config_keys() {
  // values and help are for people: marked here, translated where `sqgl setting` shows them.
  static const std::vector<ConfigKey> keys = {
      {"db", "sqgl.db", N_("a path"), N_("the database file (--db, SQGL_DB)")},
      {"report.format", "table", kReportFormats, N_("the format of reports without --format")},
      {"report.street", "", N_("a street office's code"), N_("reports cover only this street office without --street")},
      {"report.community", "", N_("a community's code"), N_("reports cover only this community without --community")},
  };
  return keys;
}

const ConfigKey* find_config_key(std::string_view key) {
  for (const auto& k : config_keys()) {
    if (k.key == key) return &k;
  }
  return nullptr;
}

std::string config_path(const Environment& env) {
  if (const auto it = env.find("SQGL_CONFIG"); it != env.end()) return it->second;
  return SQGL_CONFIG_FILE;
}

std::map<std::string, Configured> read_config_file(const std::string& path) {
  if (path.empty()) return {};
  const std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "re"), &std::fclose);
  if (!file) {
    if (errno == ENOENT) return {};  // not installed, or nothing configured
    throw core::Failure(
        core::tr("cannot read the configuration file {}: {}", core::errors::quote(path), std::strerror(errno)));
  }
  Reading reading{path, {}, {}};
  const int line = ini_parse_file(file.get(), on_entry, &reading);
  if (line != 0) {
    const std::string why =
        reading.problem.empty() ? std::string(_("expected 'key = value' or '[section]'")) : reading.problem;
    throw core::InvalidInput(core::tr("the configuration file {} line {}: {}", core::errors::quote(path), line, why));
  }
  return reading.values;
}

std::map<std::string, Configured> resolve_config(const std::string& db_option, const Environment& env) {
  const std::string path = config_path(env);
  const auto from_file = read_config_file(path);
  std::map<std::string, Configured> out;
  for (const auto& k : config_keys()) {
    const std::string key(k.key);
    if (const auto it = from_file.find(key); it != from_file.end()) {
      out[key] = it->second;
    } else {
      out[key] = {std::string(k.default_value), "default"};
    }
  }
  if (const auto it = env.find("SQGL_DB"); it != env.end() && !it->second.empty()) out["db"] = {it->second, "SQGL_DB"};
  if (!db_option.empty()) out["db"] = {db_option, "--db"};
  return out;
}

}  // namespace sqgl::cli
