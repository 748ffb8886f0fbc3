// The report formats on a report made by hand: CSV as RFC 4180 has it, JSON rows
// as objects, Markdown that renders as tables, a ZIP of CSV files, and the report
// command's refusals.
#include <doctest/doctest.h>
#include <unzip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "cli/render/output.h"
#include "cli/render/report_formats.h"
#include "core/db/new_file.h"
#include "helpers.h"

using namespace sqgl;
using core::ReportUnit;
using core::ReportValue;

namespace {

core::Report sample() {
  core::Report r;
  r.kind = "performance";
  r.title = "Performance: received, decided, on time, working days to decision";
  r.from = "2012-01-01";
  r.to = "2012-01-31";
  r.as_of = "2012-02-29T23:59:59";
  r.schema_version = 7;
  r.catalog_version = "2012.1";
  r.calendar_years = {2012};
  r.notes = {"2 cases accepted or decided in the period"};
  core::ReportTable by_window{"by_window",
                              "By window",
                              {{"code", "window", ReportUnit::text},
                               {"name", "", ReportUnit::text},
                               {"decided", "decided", ReportUnit::count},
                               {"on_time_pct", "on time %", ReportUnit::percent},
                               {"median_wd", "median wd", ReportUnit::working_days}},
                              {}};
  by_window.rows.push_back({ReportValue{std::string("services")}, ReportValue{std::string("社区服务")},
                            ReportValue{std::int64_t{2}}, ReportValue{50.0}, ReportValue{std::int64_t{3}}});
  by_window.rows.push_back({ReportValue{std::string("a|b, \"c\"\nd*e_f")}, ReportValue{}, ReportValue{std::int64_t{0}},
                            ReportValue{}, ReportValue{}});
  core::ReportTable total{"total",
                          "Total",
                          {{"code", "", ReportUnit::text}, {"decided", "decided", ReportUnit::count}},
                          {{ReportValue{core::ReportWord{"total", "total"}}, ReportValue{std::int64_t{2}}}}};
  r.tables = {total, by_window};
  return r;
}

std::string render(const core::Report& r, const char* format) {
  std::ostringstream out;
  cli::render_report(out, r, format);
  return out.str();
}

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result run(const std::vector<std::string>& args, cli::Environment env, bool tty) {
  std::ostringstream out, err;
  cli::Cli cli;
  env.try_emplace("SQGL_CONFIG", "");
  const int code = cli.run(args, env, out, err, tty);
  return {code, out.str(), err.str()};
}

// Every entry of a ZIP archive, by name.
std::map<std::string, std::string> unzip_all(const std::string& path) {
  std::map<std::string, std::string> entries;
  unzFile zip = unzOpen64(path.c_str());
  REQUIRE(zip != nullptr);
  for (int more = unzGoToFirstFile(zip); more == UNZ_OK; more = unzGoToNextFile(zip)) {
    char name[256];
    unz_file_info64 info{};
    REQUIRE(unzGetCurrentFileInfo64(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0) == UNZ_OK);
    REQUIRE(unzOpenCurrentFile(zip) == UNZ_OK);
    std::string data(static_cast<std::size_t>(info.uncompressed_size), '\0');
    CHECK(unzReadCurrentFile(zip, data.data(), static_cast<unsigned>(data.size())) == static_cast<int>(data.size()));
    unzCloseCurrentFile(zip);
    entries[name] = data;
  }
  unzClose(zip);
  return entries;
}

}  // namespace

TEST_CASE("report csv: one table, RFC 4180 quoting, CRLF line ends, the keys as headers, a BOM on request") {
  const auto r = sample();
  std::ostringstream csv;
  cli::render_csv(csv, r, r.tables[1], false);
  CHECK(csv.str() ==
        "code,name,decided,on_time_pct,median_wd\r\n"
        "services,社区服务,2,50.0,3\r\n"
        "\"a|b, \"\"c\"\"\nd*e_f\",,0,,\r\n");
  std::ostringstream with_bom;
  cli::render_csv(with_bom, r, r.tables[1], true);
  CHECK(with_bom.str() == "\xEF\xBB\xBF" + csv.str());
  CHECK(cli::csv_file_name(r, r.tables[1]) == "performance-by_window.csv");
  // The report's words as scripts read them.
  CHECK(render(r, "csv") == "code,decided\r\ntotal,2\r\n");
}

TEST_CASE("report json: rows are objects keyed by the columns' keys, columns say what they count") {
  const auto document = nlohmann::json::parse(render(sample(), "json"));
  const auto& t = document["tables"][1];
  CHECK(t["name"] == "by_window");
  CHECK(t["columns"][0] == nlohmann::json{{"key", "code"}, {"title", "window"}, {"unit", "text"}});
  CHECK(t["columns"][1] == nlohmann::json{{"key", "name"}, {"title", "name"}, {"unit", "text"}});
  CHECK(t["columns"][3] == nlohmann::json{{"key", "on_time_pct"}, {"title", "on time %"}, {"unit", "percent"}});
  CHECK(t["columns"][4]["unit"] == "working_days");
  CHECK(t["rows"][0] ==
        nlohmann::json{
            {"code", "services"}, {"name", "社区服务"}, {"decided", 2}, {"on_time_pct", 50.0}, {"median_wd", 3}});
  CHECK(t["rows"][1]["name"].is_null());
  CHECK(t["rows"][1]["on_time_pct"].is_null());
  CHECK(document["tables"][0]["rows"][0] == nlohmann::json{{"code", "total"}, {"decided", 2}});
}

TEST_CASE("report md: a blank line before each table, and markup in cells shown as text") {
  const std::string md = render(sample(), "md");
  CHECK(
      md.starts_with("# Performance: received, decided, on time, working days to decision\n\n"
                     "period 2012-01-01 to 2012-01-31 · as of 2012-02-29T23:59:59"));
  CHECK(md.find("\n\n- 2 cases accepted or decided in the period\n\n## Total\n\n| key | decided |\n| --- | ---: |\n") !=
        std::string::npos);
  CHECK(md.find("\n\n## By window\n\n| window | name | decided | on time % | median wd |\n"
                "| --- | --- | ---: | ---: | ---: |\n"
                "| services | 社区服务 | 2 | 50.0 | 3 |\n"
                "| a\\|b, \"c\"<br>d\\*e\\_f |  | 0 |  |  |\n") != std::string::npos);
}

TEST_CASE("report zip: a CSV file a table, the same bytes for the same report") {
  const auto r = sample();
  core::ScratchFile first, second;
  cli::write_report_zip(r, true, first.open_path());
  cli::write_report_zip(r, true, second.open_path());
  CHECK(first.read_all() == second.read_all());
  const auto entries = unzip_all(first.open_path());
  REQUIRE(entries.size() == 2);
  for (const auto& t : r.tables) {
    std::ostringstream csv;
    cli::render_csv(csv, r, t, true);
    CHECK(entries.at(cli::csv_file_name(r, t)) == csv.str());
  }
}

TEST_CASE("report xlsx: the same report gives the same bytes") {
  const auto r = sample();
  core::ScratchFile first, second;
  cli::write_report_xlsx(r, first.open_path());
  cli::write_report_xlsx(r, second.open_path());
  CHECK(first.read_all().starts_with("PK\x03\x04"));
  CHECK(first.read_all() == second.read_all());
}

TEST_CASE("escaping: CSV's carriage returns pass to stdout, other control characters stay escaped") {
  std::ostringstream target;
  {
    cli::EscapingBuffer buffer(target.rdbuf(), true);
    std::ostream out(&buffer);
    out << "a,b\r\n\x1b[2J\r\n";
    out.flush();
  }
  CHECK(target.str() == "a,b\r\n\\x1b[2J\r\n");
  std::ostringstream plain;
  {
    cli::EscapingBuffer buffer(plain.rdbuf());
    std::ostream out(&buffer);
    out << "a\r\n";
    out.flush();
  }
  CHECK(plain.str() == "a\\x0d\n");
}

TEST_CASE("report: an xlsx workbook is refused on a terminal, and written by --out - or to a pipe") {
  test::TempDir dir;
  const cli::Environment env{{"SQGL_DB", dir.file("d.db")}, {"SQGL_NOW", "2012-01-29T09:00"}};
  // Refused before any work: there is no database yet.
  auto refused = run({"report", "staffing", "--format", "xlsx"}, env, true);
  CHECK(refused.code == 2);
  CHECK(refused.err ==
        "sqgl: error: an xlsx workbook is not for the terminal: give --out FILE (or --out - for a pipe)\n");
  CHECK(refused.out.empty());
  REQUIRE(run({"init", "--demo", "--scale", "0.01"}, env, false).code == 0);
  const auto asked = run({"report", "staffing", "--format", "xlsx", "--out", "-"}, env, true);
  CHECK(asked.code == 0);
  CHECK(asked.out.starts_with("PK\x03\x04"));
  CHECK(run({"report", "staffing", "--format", "xlsx"}, env, false).out == asked.out);
  // Every format goes to stdout with --out -.
  CHECK(run({"report", "staffing", "--format", "md", "--out", "-"}, env, true).out ==
        run({"report", "staffing", "--format", "md"}, env, true).out);
  CHECK_FALSE(std::filesystem::exists("-"));
}
