// sqgl report KIND: backlog, overdue, staffing, calendar — for a terminal, for
// cron (--out writes atomically, --check exits 6 on findings) and for scripts.
#include <cmath>
#include <ctime>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/xlsx_library.h"
#include "core/base/error.h"
#include "core/model/calendar.h"
#include "core/report/report.h"

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

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A horizontal bar chart of a table's first numeric column, as inline SVG: the
// file opens offline, in any browser, with nothing to fetch.
void svg_chart(std::ostream& out, const core::ReportTable& t) {
  std::size_t column = t.columns.size();
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].numeric) {
      column = i;
      break;
    }
  }
  if (column == t.columns.size() || t.rows.empty()) return;
  const std::size_t rows = std::min<std::size_t>(t.rows.size(), 30);
  double max = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    if (std::holds_alternative<std::int64_t>(t.rows[r][column])) {
      max = std::max(max, static_cast<double>(std::get<std::int64_t>(t.rows[r][column])));
    } else if (std::holds_alternative<double>(t.rows[r][column])) {
      max = std::max(max, std::get<double>(t.rows[r][column]));
    }
  }
  const int bar = 18, gap = 6, label_width = 220, plot = 400;
  const auto height = static_cast<int>(rows) * (bar + gap) + gap;
  out << fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{}" height="{}" role="img" )"
                     R"(aria-label="{}: {}">)",
                     label_width + plot + 60, height, html_escape(t.title), html_escape(t.columns[column].title))
      << '\n';
  for (std::size_t r = 0; r < rows; ++r) {
    double v = 0;
    if (std::holds_alternative<std::int64_t>(t.rows[r][column]))
      v = static_cast<double>(std::get<std::int64_t>(t.rows[r][column]));
    if (std::holds_alternative<double>(t.rows[r][column])) v = std::get<double>(t.rows[r][column]);
    std::string label = cell(t.rows[r][0]);
    if (t.rows[r].size() > 1 && !t.columns[1].numeric && !cell(t.rows[r][1]).empty()) label += " " + cell(t.rows[r][1]);
    const int y = gap + static_cast<int>(r) * (bar + gap);
    const int w = max > 0 ? static_cast<int>(std::lround(v / max * plot)) : 0;
    out << fmt::format(R"(<text x="{}" y="{}" text-anchor="end" font-size="12">{}</text>)", label_width - 6,
                       y + bar - 4, html_escape(label))
        << fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#3b6ea5"/>)", label_width, y, w, bar)
        << fmt::format(R"(<text x="{}" y="{}" font-size="12">{}</text>)", label_width + w + 4, y + bar - 4,
                       html_escape(cell(t.rows[r][column])))
        << '\n';
  }
  out << "</svg>\n";
}

void render_html(std::ostream& out, const core::Report& r) {
  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << html_escape(r.title)
      << "</title>\n"
      << "<style>body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang "
         "SC\",sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
         "th,td{border:1px solid #ccc;padding:2px 8px}td.n{text-align:right}p.meta{color:#666}"
         "svg.chart{display:block;margin:1em 0}</style>\n</head>\n<body>\n";
  out << "<h1>" << html_escape(r.title) << "</h1>\n<p class=\"meta\">" << html_escape(header_line(r)) << "</p>\n<ul>\n";
  for (const auto& note : r.notes) out << "<li>" << html_escape(note) << "</li>\n";
  out << "</ul>\n";
  for (const auto& t : r.tables) {
    out << "<h2>" << html_escape(t.title) << "</h2>\n";
    if (t.rows.empty()) {
      out << "<p>(none)</p>\n";
      continue;
    }
    svg_chart(out, t);
    out << "<table>\n<thead><tr>";
    for (const auto& c : t.columns) out << "<th>" << html_escape(c.title.empty() ? c.key : c.title) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
      out << "<tr>";
      for (std::size_t i = 0; i < row.size(); ++i) {
        out << (t.columns[i].numeric ? "<td class=\"n\">" : "<td>") << html_escape(cell(row[i])) << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</body>\n</html>\n";
}

// The workbook district offices open: a summary sheet, then one sheet a table.
// libxlsxwriter writes to a file name: `path` names an unnamed file (core/new_file.h).
void write_xlsx(const core::Report& r, const std::string& path) {
  const auto& x = XlsxLibrary::get();
  lxw_workbook_options options{};
  lxw_workbook* wb = x.workbook_new_opt(path.c_str(), &options);
  if (!wb) throw core::Failure("cannot create the xlsx workbook");
  // The document's creation time is the as-of time, so the same report gives the same file.
  lxw_doc_properties properties{};
  const std::string title = r.title;
  properties.title = const_cast<char*>(title.c_str());
  std::tm tm{};
  const auto as_of = core::parse_datetime(r.as_of);
  const std::chrono::year_month_day ymd{as_of->date};
  tm.tm_year = static_cast<int>(ymd.year()) - 1900;
  tm.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
  tm.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
  properties.created = timegm(&tm);
  x.workbook_set_properties(wb, &properties);
  lxw_format* bold = x.workbook_add_format(wb);
  x.format_set_bold(bold);
  lxw_worksheet* summary = x.workbook_add_worksheet(wb, "report");
  x.worksheet_write_string(summary, 0, 0, r.title.c_str(), bold);
  x.worksheet_write_string(summary, 1, 0, header_line(r).c_str(), nullptr);
  lxw_row_t line = 2;
  for (const auto& note : r.notes) x.worksheet_write_string(summary, line++, 0, note.c_str(), nullptr);
  for (const auto& t : r.tables) {
    lxw_worksheet* sheet = x.workbook_add_worksheet(wb, t.name.substr(0, 31).c_str());
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const auto& heading = t.columns[c].title.empty() ? t.columns[c].key : t.columns[c].title;
      x.worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), heading.c_str(), bold);
    }
    for (std::size_t row = 0; row < t.rows.size(); ++row) {
      for (std::size_t c = 0; c < t.rows[row].size(); ++c) {
        const auto& v = t.rows[row][c];
        const auto rr = static_cast<lxw_row_t>(row + 1);
        const auto cc = static_cast<lxw_col_t>(c);
        if (std::holds_alternative<std::int64_t>(v)) {
          x.worksheet_write_number(sheet, rr, cc, static_cast<double>(std::get<std::int64_t>(v)), nullptr);
        } else if (std::holds_alternative<double>(v)) {
          x.worksheet_write_number(sheet, rr, cc, std::get<double>(v), nullptr);
        } else if (std::holds_alternative<std::string>(v)) {
          x.worksheet_write_string(sheet, rr, cc, std::get<std::string>(v).c_str(), nullptr);
        }
      }
    }
  }
  if (x.workbook_close(wb) != LXW_NO_ERROR) throw core::Failure("cannot write the xlsx workbook");
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
  // A bad --out fails before the work, not after it.
  if (!opt.out.empty()) core::check_output_target("--out", opt.out, output_rules(ctx));

  auto& db = ctx.read_db();
  // A whole-history report reads every case: a bounded 32 MiB page cache keeps it
  // from re-reading pages through the kernel.
  db.exec("PRAGMA cache_size = -32768");
  const auto calendar = core::WorkCalendar::load(db);
  const auto report = core::build_report(db, calendar, o);
  std::ostringstream text;
  if (opt.format == "json") {
    render_json(text, report);
  } else if (opt.format == "csv") {
    render_csv(text, report);
  } else if (opt.format == "md") {
    render_md(text, report);
  } else if (opt.format == "html") {
    render_html(text, report);
  } else if (opt.format != "xlsx") {
    render_table(text, report);
  }
  if (opt.out.empty()) {
    if (opt.format == "xlsx") {
      core::ScratchFile scratch;
      write_xlsx(report, scratch.open_path());
      ctx.out.flush();
      ctx.binary_out << scratch.read_all();
    } else {
      ctx.out << text.str();
    }
  } else {
    // Never a half-written report: cron mails the file only once it is whole.
    core::NewFile file("--out", opt.out, output_rules(ctx));
    if (opt.format == "xlsx") {
      write_xlsx(report, file.open_path());
    } else {
      file.write(text.str());
    }
    file.publish();
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
  sub->add_option("--as-of", opt->as_of, "Figures as the database stood at the end of this day (default: today)")
      ->check(non_empty());
  sub->add_option("--period", opt->period, "The month, YYYY-MM")->check(non_empty());
  sub->add_option("--from", opt->from, "Period start, YYYY-MM-DD")->check(non_empty());
  sub->add_option("--to", opt->to, "Period end, YYYY-MM-DD")->check(non_empty());
  sub->add_option("--street", opt->report.street, "Only this street office (code)")->check(non_empty());
  sub->add_option("--community", opt->report.community, "Only this community (code)")->check(non_empty());
  sub->add_option("--category", opt->report.category, "Only this category (C01 … C12)")->check(non_empty());
  sub->add_option("--item", opt->report.item, "Only this item")->check(non_empty());
  sub->add_option("--window", opt->report.window, "Only this window")->check(non_empty());
  sub->add_option("--staff", opt->report.staff, "Only steps held by this staff number")->check(non_empty());
  sub->add_option("--format", opt->format, "table (default), csv, json, md, html (with charts) or xlsx")
      ->check(CLI::IsMember({"table", "csv", "json", "md", "html", "xlsx"}));
  sub->add_option("--out", opt->out, "Write to FILE atomically (temporary file, then rename) instead of stdout")
      ->check(non_empty());
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
