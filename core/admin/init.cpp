#include "core/admin/init.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/settings.h"
#include "core/model/calendar.h"
#include "core/model/cases/record.h"
#include "core/model/catalog.h"
#include "core/model/district.h"
#include "core/model/history.h"
#include "core/model/staff.h"
#include "core/model/standards.h"

namespace sqgl::core {

using nlohmann::json;

InitReport init_database(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_,
                         const DataFiles& files, bool created) {
  InitReport report;
  report.created = created;
  try {
    const int latest = latest_schema_version();
    report.from_version = migrate(db);
    report.to_version = latest;
    if (report.from_version < latest) {
      append_event(
          db, clock,
          {"schema.migrate", "", fmt::format(R"({{"from":{},"to":{}}})", report.from_version, latest), operator_});
      // From schema 6 the history vouches for everything `sqgl check` replays: an
      // older database's cases, staff, flags, calendar and settings are adopted as
      // they stand, so that its later changes replay from there.
      if (report.from_version > 0 && report.from_version < 6) adopt_records(db, clock, operator_);
    }
    if (catalog_is_empty(db)) {
      auto counts = load_catalog(db, files);
      append_event(db, clock, {"catalog.load", counts.version, counts.detail_json(), operator_});
      report.catalog_loaded = true;
    }
    // The shipped thresholds the database lacks (a new one, or one from before schema 9).
    for (const auto& standard : load_shipped_standards(db, files)) {
      append_event(db, clock,
                   {"standard.load", std::string(text(standard.kind)), standard_json(standard).dump(), operator_});
      ++report.standards;
    }
    for (int year : load_shipped_calendars(db, files)) {
      append_event(db, clock, {"calendar.load", std::to_string(year), calendar_year_json(db, year).dump(), operator_});
      report.calendar_years.push_back(year);
    }
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, _("init failed"));
  }
  return report;
}

void adopt_records(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_) {
  EventAppender events(db, clock);
  for (const auto& [key, value] : all_settings(db)) {
    events.append({"setting.adopt", key, json{{"value", value}}.dump(), operator_});
  }
  for (const auto& [staff_no, staff] : read_staff_records(db)) {
    events.append({"staff.adopt", staff_no, staff_record_json(staff).dump(), operator_});
  }
  SQLite::Statement years(db, "SELECT year FROM calendar_years ORDER BY year");
  while (years.executeStep()) {
    const int year = years.getColumn(0).getInt();
    events.append({"calendar.adopt", std::to_string(year), calendar_year_json(db, year).dump(), operator_});
  }
  FlagList flags;
  SQLite::Statement residents(db,
                              "SELECT id, pregnant | (disabled << 1) | (low_income << 2) | (party_member << 3) | "
                              "(unemployed << 4) FROM residents ORDER BY id");
  while (residents.executeStep()) flags.add(residents.getColumn(0).getInt64(), residents.getColumn(1).getInt(), true);
  events.append({"residents.adopt", "", json{{"flags", flags.json()}}.dump(), operator_});
  for_each_case_record(db, [&](std::int64_t, const CaseRecord& record) {
    events.append({"case.adopt", record.number, json{{"record", case_record_json(record)}}.dump(), operator_});
  });
}

SQLite::Database create_memory_database(const Clock& clock) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  stop_on_interrupt(db);
  db.exec("PRAGMA foreign_keys = ON");
  WriteTransaction tx(db);
  init_database(db, clock, std::nullopt, EmbeddedDataFiles{}, true);
  tx.commit();
  return db;
}

}  // namespace sqgl::core
