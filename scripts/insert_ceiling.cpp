// The ceiling scripts/bench holds `sqgl import residents` against: the least work
// that loads the same CSV into the same table with the same indexes — one
// prepared INSERT per row inside one transaction, on the bare SQLite C API, with
// no validation at all. Usage: sqgl_insert_ceiling DB CSV
#include <sqlite3.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

// Splits one line of the bench's CSV (sqlite3 -csv output: fields quoted only
// when they hold a comma or a quote; no line breaks inside fields).
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

int fail(sqlite3* db, const char* what) {
  std::fprintf(stderr, "insert_ceiling: %s: %s\n", what, sqlite3_errmsg(db));
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: sqgl_insert_ceiling DB CSV\n");
    return 2;
  }
  sqlite3* db = nullptr;
  // The same settings sqgl's import runs with, so the ceiling is a fair one.
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    return fail(db, "open");
  }
  sqlite3_exec(db,
               "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
               "PRAGMA cache_size = -32768",
               nullptr, nullptr, nullptr);
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return fail(db, "begin");

  std::unordered_map<std::string, sqlite3_int64> households;
  sqlite3_stmt* h = nullptr;
  sqlite3_prepare_v2(db, "SELECT code, id FROM households", -1, &h, nullptr);
  while (sqlite3_step(h) == SQLITE_ROW) {
    households[reinterpret_cast<const char*>(sqlite3_column_text(h, 0))] = sqlite3_column_int64(h, 1);
  }
  sqlite3_finalize(h);

  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db,
                         "INSERT INTO residents (citizen_id, name, sex, birth_date, household_id, relation, phone, "
                         "pregnant, disabled, low_income, party_member, unemployed) "
                         "VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?)",
                         -1, &insert, nullptr) != SQLITE_OK) {
    return fail(db, "prepare");
  }
  std::ifstream in(argv[2]);
  std::string line;
  std::getline(in, line);  // header
  long rows = 0;
  while (std::getline(in, line)) {
    const auto f = split(line);
    if (f.size() < 12) continue;
    sqlite3_bind_text(insert, 1, f[0].data(), static_cast<int>(f[0].size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, f[1].data(), static_cast<int>(f[1].size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 3, f[2] == "男" ? "M" : "F", 1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 4, f[3].data(), static_cast<int>(f[3].size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 5, households[f[4]]);
    sqlite3_bind_text(insert, 6, f[5].data(), static_cast<int>(f[5].size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 7, f[6].data(), static_cast<int>(f[6].size()), SQLITE_TRANSIENT);
    for (int i = 0; i < 5; ++i) sqlite3_bind_int(insert, 8 + i, f[7 + static_cast<std::size_t>(i)] == "1" ? 1 : 0);
    if (sqlite3_step(insert) != SQLITE_DONE) return fail(db, "insert");
    sqlite3_reset(insert);
    ++rows;
  }
  sqlite3_finalize(insert);
  if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return fail(db, "commit");
  sqlite3_close(db);
  std::printf("%ld rows\n", rows);
  return 0;
}
