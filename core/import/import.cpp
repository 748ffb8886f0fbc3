// The import pipeline: the header matched to a kind's columns, each row read,
// trimmed, checked and handed to the kind's importer, its problems reported by
// line and column, and the import's event.
#include "core/import/import.h"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/base/text.h"
#include "core/db/database.h"
#include "core/import/importer.h"
#include "core/model/history.h"

namespace sqgl::core {

namespace {

using imports::Column;
using imports::Importer;
using imports::masked;
using imports::Outcome;
using imports::Problems;

// Spreadsheet cells often carry stray spaces; every field is read trimmed.
void trim_fields(std::vector<std::string>& fields) {
  for (auto& f : fields) {
    if (f.empty() || (f.front() != ' ' && f.front() != '\t' && f.back() != ' ' && f.back() != '\t')) continue;
    const auto first = f.find_first_not_of(" \t");
    if (first == std::string::npos) {
      f.clear();
    } else {
      f.erase(f.find_last_not_of(" \t") + 1);
      f.erase(0, first);
    }
  }
}

std::unique_ptr<Importer> make_importer(SQLite::Database& db, const Clock& clock, const Operator& op,
                                        const ImportOptions& o, const std::string& source) {
  const std::string& k = o.kind;
  if (k == "district" || k == "streets" || k == "communities" || k == "bureaus") {
    return imports::make_unit_importer(db, k, o.upsert);
  }
  if (k == "staff") return imports::make_staff_importer(db, o.upsert, clock, op);
  if (k == "grids" || k == "households" || k == "residents") {
    return imports::make_residence_importer(db, k, o.upsert, clock.today());
  }
  if (k == "deaths" || k == "births" || k == "arrivals" || k == "moves" || k == "departures") {
    return imports::make_register_importer(db, k, clock, op);
  }
  if (k == "cases") return imports::make_case_importer(db, op, clock, source);
  if (k == "evaluations") return imports::make_evaluation_importer(db, o.upsert, op, clock, source);
  if (k == "catalog") return imports::make_steps_importer(db, o.upsert);
  if (k == "standards") return imports::make_standard_importer(db, o.upsert);
  if (k == "calendar") {
    if (!o.year) throw InvalidInput(_("a calendar import needs --year YYYY (the year of the notice)"));
    if (o.notice.empty()) throw InvalidInput(_("a calendar import needs --notice TEXT (the State Council notice)"));
    return imports::make_calendar_importer(db, *o.year, o.notice);
  }
  throw errors::unknown(N_("import kind"), k, import_kinds());
}

}  // namespace

const std::vector<std::string>& import_kinds() {
  static const std::vector<std::string> kinds = {"district",  "streets",    "communities", "bureaus",  "staff",
                                                 "grids",     "households", "residents",   "calendar", "catalog",
                                                 "standards", "cases",      "evaluations", "deaths",   "births",
                                                 "arrivals",  "moves",      "departures"};
  return kinds;
}

ImportReport import_csv(SQLite::Database& db, const Clock& clock, const Operator& op, CsvStream& csv,
                        const ImportOptions& options, const ProblemSink& problems, const ProgressSink& progress) {
  if (!op.has_role(Role::admin)) {
    throw PermissionDenied(
        [&] { return tr("{} may not import: that is for the district admin", errors::quote(op.staff_no)); });
  }
  auto importer = make_importer(db, clock, op, options, csv.source());
  const auto columns = importer->columns();

  std::vector<std::string> header;
  if (!csv.next(header)) throw InvalidInput(tr("{}: the file is empty (expected a header row)", csv.source()));
  std::map<std::string, std::size_t> index;
  std::map<std::string, std::string> column_of_header;
  std::vector<std::string> names;
  for (const auto& c : columns) names.push_back(c.name);
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string h = header[i];
    const auto first = h.find_first_not_of(" \t");
    h = first == std::string::npos ? "" : h.substr(first, h.find_last_not_of(" \t") - first + 1);
    const Column* match = nullptr;
    for (const auto& c : columns) {
      if (c.name == h || std::find(c.aliases.begin(), c.aliases.end(), h) != c.aliases.end()) match = &c;
    }
    if (!match) {
      if (options.ignore_columns) continue;
      std::string message = tr("{}:{}:{}: unknown column {}", csv.source(), csv.line(), i + 1, errors::quote(h));
      if (auto guess = closest_match(h, names); !guess.empty())
        message += tr(" (did you mean {}?)", errors::quote(guess));
      throw InvalidInput(tr("{}; --ignore-columns skips unknown columns", message));
    }
    if (index.count(match->name)) {
      throw InvalidInput(
          tr("{}:{}:{}: column {} appears twice", csv.source(), csv.line(), i + 1, errors::quote(match->name)));
    }
    index[match->name] = i;
  }
  for (const auto& c : columns) {
    if (c.required && !index.count(c.name)) {
      const std::size_t line = std::max<std::size_t>(csv.line(), 1);
      if (c.aliases.empty()) {
        throw InvalidInput(tr("{}:{}: missing column {}", csv.source(), line, errors::quote(c.name)));
      }
      throw InvalidInput(
          tr("{}:{}: missing column {} ({})", csv.source(), line, errors::quote(c.name), c.aliases.front()));
    }
  }
  const std::vector<std::pair<std::string, std::size_t>> positions(index.begin(), index.end());
  auto column_number = [&](const std::string& name) {
    auto it = index.find(name);
    return it == index.end() ? std::size_t{1} : it->second + 1;
  };

  const std::string key_column = importer->key_column();

  ImportReport report;
  report.kind = options.kind;
  report.source = csv.source();
  std::vector<std::string> fields;
  while (csv.next(fields)) {
    ++report.rows;
    if (progress && report.rows % 4096 == 0) progress(report.rows, csv.bytes_read());
    trim_fields(fields);
    Problems row_problems;
    const imports::Row row(fields, positions);
    if (fields.size() != header.size()) {
      row_problems.add(fields.size() < header.size() ? names.front() : "",
                       tr("{} fields, but the header has {}", fields.size(), header.size()));
    } else {
      // Imported text is stored and later printed: no control characters (a tab or
      // a line break inside a quoted cell is fine).
      for (const auto& [name, position] : positions) {
        if (position >= fields.size()) continue;
        if (const auto problem = free_text_problem(fields[position]); !problem.empty()) {
          row_problems.add(name, tr("{}; text must be UTF-8 without control characters", problem));
        }
      }
      if (row_problems.list.empty()) {
        importer->set_line(csv.line());
        try {
          if (auto outcome = importer->write(row, row_problems)) {
            switch (*outcome) {
              case Outcome::inserted:
                ++report.inserted;
                break;
              case Outcome::updated:
                ++report.updated;
                break;
              case Outcome::unchanged:
                ++report.unchanged;
                break;
            }
          }
        } catch (const FieldError& e) {
          row_problems.add(e.column(), e.what());
        } catch (const SQLite::Exception& e) {
          // A row that breaks a constraint is the row's problem. Anything else (Ctrl-C,
          // a full disk, an I/O error) ends the import: SQLite may have rolled the
          // transaction back already, and a next row would commit on its own.
          const int code = e.getExtendedErrorCode() > 0 ? e.getExtendedErrorCode() : e.getErrorCode();
          if ((code & 0xff) != SQLITE_CONSTRAINT) rethrow_sqlite(e, tr("{}: line {}", csv.source(), csv.line()));
          row_problems.add(key_column, e.what());
        }
      }
    }
    if (!row_problems.list.empty()) {
      ++report.rejected;
      for (const auto& [column, message] : row_problems.list) {
        const std::size_t number = column.empty() ? header.size() + 1 : column_number(column);
        const std::string value = column.empty() ? "" : masked(column, row.get(column));
        problems({csv.field_line(number - 1), number, column, value, message});
      }
    }
  }
  if (progress) progress(report.rows, csv.bytes_read());
  importer->finish(report.rejected);
  importer->describe(report.replay);
  report.sha256 = csv.sha256_hex();
  return report;
}

void record_import(SQLite::Database& db, const Clock& clock, const Operator& op, const ImportReport& report,
                   const ImportOptions& options) {
  nlohmann::json detail{{"file", report.source},       {"sha256", report.sha256},
                        {"rows", report.rows},         {"inserted", report.inserted},
                        {"updated", report.updated},   {"unchanged", report.unchanged},
                        {"rejected", report.rejected}, {"mode", options.upsert ? "upsert" : "insert"}};
  detail.update(report.replay);
  append_event(db, clock, {"import." + report.kind, report.source, detail.dump(), op.staff_no});
}

}  // namespace sqgl::core
