#include "core/model/settings.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/i18n.h"
#include "core/db/settings.h"
#include "core/model/history.h"

namespace sqgl::core {

InvalidInput unknown_setting(std::string_view key) {
  std::string keys;
  for (const auto& spec : setting_specs()) keys += (keys.empty() ? "" : ", ") + std::string(spec.key);
  return InvalidInput(tr("unknown setting {} (the settings are {})", errors::quote(key), keys));
}

std::string SettingSpec::help_text() const { return translate(std::string(help).c_str()); }

const std::vector<SettingSpec>& setting_specs() {
  static const std::vector<SettingSpec> specs{
      {"auth", "trust", {"trust", "peer"},
       N_("who is acting: trust takes --as as given; peer takes the staff member whose login is the Unix user")},
      {"files", "owner", {"owner", "group"},
       N_("who may read the database, backups, reports and reject files: the owner (600) or also the group (660)")},
      {"clock", "system", {"system", "pinned"},
       N_("what dates events: system is the machine's clock; pinned also takes $SQGL_NOW (tests, demos, "
          "recorded back-filling), and marks the events it dates back-filled")},
  };
  return specs;
}

std::string change_setting(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& staff_no,
                           std::string_view key,
                           std::string_view value) {
  const auto& specs = setting_specs();
  const auto spec = std::find_if(specs.begin(), specs.end(), [&](const auto& s) { return s.key == key; });
  if (spec == specs.end()) {
    throw unknown_setting(key);
  }
  if (std::find(spec->values.begin(), spec->values.end(), value) == spec->values.end()) {
    std::string allowed;
    for (auto v : spec->values) allowed += (allowed.empty() ? "" : _(" or ")) + errors::quote(v);
    throw errors::invalid(std::string(key), std::string(value), tr("expected {}", allowed));
  }
  const std::string old = get_setting(db, key).value_or(std::string(spec->default_value));
  if (old == value) return old;
  put_setting(db, key, value);
  append_event(db, clock,
               {"setting.change", std::string(key), nlohmann::json{{"from", old}, {"to", value}}.dump(), staff_no});
  return old;
}

AuthMode auth_mode(const SQLite::Database& db) {
  return get_setting(db, "auth").value_or("trust") == "peer" ? AuthMode::peer : AuthMode::trust;
}

void check_clock(const SQLite::Database& db, const Clock& clock) {
  if (!clock.pinned() || get_setting(db, "clock").value_or("system") == "pinned") return;
  throw InvalidInput(
      _("$SQGL_NOW pins the clock, but this database is dated by the machine's clock; unset SQGL_NOW (a database "
        "takes a pinned clock only after its admin runs 'sqgl setting clock pinned', for tests, demos and recorded "
        "back-filling)"));
}

FileAccess file_access(const SQLite::Database& db) {
  return get_setting(db, "files").value_or("owner") == "group" ? FileAccess::group : FileAccess::owner;
}

}  // namespace sqgl::core
