// sqgl report KIND: backlog, overdue, staffing, calendar — for a terminal, for
// cron (--out writes atomically, --check exits 6 on findings) and for scripts.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"
#include "core/calendar.h"
#include "core/error.h"
#include "core/report.h"

namespace sqgl::cli {

namespace {

struct ReportCliOptions {
  core::ReportOptions report;
  std::string period;
  std::string from;
  std::string to;
  std::string as_of;
  std::string format = "table";
  std::string out;
  bool check = false;
};

std::string cell(const core::ReportValue& v) {
  if (std::holds_alternative<std::int64_t>(v)) return std::to_string(std::get<std::int64_t>(v));
  if (std::holds_alternative<double>(v)) return fmt::format("{:.1f}", std::get<double>(v));
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  return "";
}

nlohmann::json cell_json(const core::ReportValue& v) {
  if (std::holds_alternative<std::int64_t>(v)) return std::get<std::int64_t>(v);
  if (std::holds_alternative<double>(v)) return std::get<double>(v);
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  return nullptr;
}

std::string header_line(const core::Report& r) {
  std::string years;
  for (int y : r.calendar_years) years += (years.empty() ? "" : ", ") + std::to_string(y);
  std::string period = r.from.empty() ? "" : fmt::format("period {} to {} · ", r.from, r.to);
  return fmt::format("{}as of {} · schema {} · catalog {} · calendars {}", period, r.as_of, r.schema_version,
                     r.catalog_version, years.empty() ? "none" : years);
}

void render_json(std::ostream& out, const core::Report& r) {
  nlohmann::json tables = nlohmann::json::array();
  for (const auto& t : r.tables) {
    nlohmann::json columns = nlohmann::json::array(), rows = nlohmann::json::array();
    for (const auto& c : t.columns) columns.push_back(c.key);
    for (const auto& row : t.rows) {
      nlohmann::json values = nlohmann::json::array();
      for (const auto& v : row) values.push_back(cell_json(v));
      rows.push_back(values);
    }
    tables.push_back({{"name", t.name}, {"title", t.title}, {"columns", columns}, {"rows", rows}});
  }
  print_json(out,
             {{"report", r.kind},
              {"title", r.title},
              {"period", r.from.empty() ? nlohmann::json(nullptr) : nlohmann::json{{"from", r.from}, {"to", r.to}}},
              {"as_of", r.as_of},
              {"schema_version", r.schema_version},
              {"catalog_version", r.catalog_version},
              {"calendar_years", r.calendar_years},
              {"findings", r.findings},
              {"notes", r.notes},
              {"tables", tables}});
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void render_csv(std::ostream& out, const core::Report& r) {
  bool first = true;
  for (const auto& t : r.tables) {
    if (!first) out << '\n';
    first = false;
    out << "# " << csv_field(t.name + ": " + t.title) << '\n';
    for (std::size_t i = 0; i < t.columns.size(); ++i) out << (i ? "," : "") << t.columns[i].key;
    out << '\n';
    for (const auto& row : t.rows) {
      for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(cell(row[i]));
      out << '\n';
    }
  }
}

void render_table(std::ostream& out, const core::Report& r) {
  out << r.title << '\n' << header_line(r) << '\n';
  for (const auto& note : r.notes) out << note << '\n';
  for (const auto& t : r.tables) {
    out << '\n' << t.title << '\n';
    if (t.rows.empty()) {
      out << "  (none)\n";
      continue;
    }
    std::vector<bool> right;
    std::vector<std::string> heading;
    for (const auto& c : t.columns) {
      right.push_back(c.numeric);
      heading.push_back(c.title);
    }
    Table table(right);
    table.add(heading);
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (const auto& v : row) cells.push_back(cell(v));
      table.add(cells);
    }
    table.print(out, "  ");
  }
}

void render_md(std::ostream& out, const core::Report& r) {
  auto escape = [](std::string s) {
    std::string e;
    for (char c : s) e += c == '|' ? std::string("\\|") : std::string(1, c);
    return e;
  };
  out << "# " << r.title << "\n\n" << header_line(r) << "\n\n";
  for (const auto& note : r.notes) out << "- " << note << '\n';
  for (const auto& t : r.tables) {
    out << "\n## " << t.title << "\n\n";
    if (t.rows.empty()) {
      out << "(none)\n";
      continue;
    }
    for (const auto& c : t.columns) out << "| " << escape(c.title.empty() ? c.key : c.title) << ' ';
    out << "|\n";
    for (const auto& c : t.columns) out << (c.numeric ? "| ---: " : "| --- ");
    out << "|\n";
    for (const auto& row : t.rows) {
      for (const auto& v : row) out << "| " << escape(cell(v)) << ' ';
      out << "|\n";
    }
  }
}

// Writes `text` to `path` through a temporary file in the same folder and a
// rename, so cron never leaves (or mails) a half-written report.
void write_atomically(const std::string& path, const std::string& text) {
  const std::filesystem::path target(path);
  const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  const std::string temp = (dir / fmt::format(".{}.tmp-{}", target.filename().string(), ::getpid())).string();
  const mode_t old = ::umask(077);
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  ::umask(old);
  if (!f) throw core::Failure(fmt::format("cannot write {}", core::errors::quote(path)));
  const bool written =
      std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    throw core::Failure(fmt::format("cannot write {}", core::errors::quote(path)));
  }
}

void run_report(Context& ctx, ReportCliOptions opt) {
  auto& o = opt.report;
  o.as_of = opt.as_of.empty() ? ctx.clock.today() : core::parse_date_or_throw(opt.as_of, "--as-of date");
  if (!opt.period.empty()) {
    if (!opt.from.empty() || !opt.to.empty()) throw core::InvalidInput("give --period or --from/--to, not both");
    auto first = core::parse_date(opt.period + "-01");
    if (opt.period.size() != 7 || !first) throw core::errors::invalid("period", opt.period, "expected YYYY-MM");
    const std::chrono::year_month_day ymd{*first};
    o.from = *first;
    o.to = core::Date{ymd.year() / ymd.month() / std::chrono::last};
  } else {
    if (!opt.from.empty()) o.from = core::parse_date_or_throw(opt.from, "--from date");
    if (!opt.to.empty()) o.to = core::parse_date_or_throw(opt.to, "--to date");
    if (o.from && o.to && *o.to < *o.from) throw core::InvalidInput("--to is before --from");
  }
  if (ctx.json()) opt.format = "json";

  auto& db = ctx.read_db();
  const auto calendar = core::WorkCalendar::load(db);
  const auto report = core::build_report(db, calendar, o);
  std::ostringstream text;
  if (opt.format == "json") {
    render_json(text, report);
  } else if (opt.format == "csv") {
    render_csv(text, report);
  } else if (opt.format == "md") {
    render_md(text, report);
  } else {
    render_table(text, report);
  }
  if (opt.out.empty()) {
    ctx.out << text.str();
  } else {
    write_atomically(opt.out, text.str());
  }
  for (int year : calendar.years_without_calendar()) {
    ctx.warn(fmt::format("no working-day calendar for {} is loaded; counted Monday to Friday only", year));
  }
  if (opt.check && report.findings > 0) {
    std::string notes;
    for (const auto& n : report.notes) notes += (notes.empty() ? "" : "; ") + n;
    ctx.err << fmt::format("sqgl: check: {} report: {}\n", report.kind, notes);
    throw core::Error(core::ExitCode::findings, "");
  }
}

}  // namespace

RunFn setup_report(CLI::App& app) {
  auto opt = std::make_shared<ReportCliOptions>();
  auto* sub = app.add_subcommand("report", "Reports for the station, the street office and the district");
  std::string kinds;
  for (const auto& k : core::report_kinds()) kinds += (kinds.empty() ? "" : ", ") + k;
  sub->add_option("kind", opt->report.kind, "The report: " + kinds)->required();
  sub->add_option("--as-of", opt->as_of, "Figures as the database stood at the end of this day (default: today)");
  sub->add_option("--period", opt->period, "The month, YYYY-MM");
  sub->add_option("--from", opt->from, "Period start, YYYY-MM-DD");
  sub->add_option("--to", opt->to, "Period end, YYYY-MM-DD");
  sub->add_option("--street", opt->report.street, "Only this street office (code)");
  sub->add_option("--community", opt->report.community, "Only this community (code)");
  sub->add_option("--category", opt->report.category, "Only this category (C01 … C12)");
  sub->add_option("--item", opt->report.item, "Only this item");
  sub->add_option("--window", opt->report.window, "Only this window");
  sub->add_option("--staff", opt->report.staff, "Only steps held by this staff number");
  sub->add_option("--format", opt->format, "table (default), csv, json or md")
      ->check(CLI::IsMember({"table", "csv", "json", "md"}));
  sub->add_option("--out", opt->out, "Write to FILE atomically (temporary file, then rename) instead of stdout");
  sub->add_flag("--check", opt->check,
                "Exit 6 when the report has findings (overdue cases, staffing off target, "
                "a missing calendar), for cron");
  sub->footer(
      "Examples:\n  sqgl report overdue --check --out /srv/reports/overdue.txt\n"
      "  sqgl report backlog --community 150204001001 --format csv\n"
      "  sqgl report calendar --check");
  return [opt](Context& ctx) { run_report(ctx, *opt); };
}

}  // namespace sqgl::cli
