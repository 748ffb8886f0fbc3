#include "core/import/import.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <memory>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/citizen_id.h"
#include "core/base/error.h"
#include "core/base/text.h"
#include "core/db/settings.h"
#include "core/model/calendar.h"
#include "core/model/case_record.h"
#include "core/model/district.h"
#include "core/model/history.h"
#include "core/model/staff.h"

namespace sqgl::core {

namespace {

// A column of an import file: its canonical name and the headers a spreadsheet
// exported in Chinese would use for it.
struct Column {
  std::string name;
  std::vector<std::string> aliases;
  bool required = false;
};

enum class Outcome { inserted, updated, unchanged };

// One data row with its header mapping.
class Row {
 public:
  Row(const std::vector<std::string>& fields, const std::vector<std::pair<std::string, std::size_t>>& index)
      : fields_(fields), index_(index) {}
  /// The value of `column` (fields come trimmed), "" when the file has no such column.
  const std::string& get(const std::string& column) const {
    // A dozen columns at most: a linear scan beats a tree here.
    for (const auto& [name, position] : index_) {
      if (name == column) return position < fields_.size() ? fields_[position] : empty_;
    }
    return empty_;
  }
  bool has(const std::string& column) const {
    return std::any_of(index_.begin(), index_.end(), [&](const auto& entry) { return entry.first == column; });
  }

 private:
  const std::vector<std::string>& fields_;
  const std::vector<std::pair<std::string, std::size_t>>& index_;
  const std::string empty_;
};

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

// Collects the problems of one row; a row with any is not written.
class Problems {
 public:
  void add(std::string column, std::string message) { list.emplace_back(std::move(column), std::move(message)); }
  template <typename F>
  void check(F&& f) {
    try {
      f();
    } catch (const FieldError& e) {
      add(e.column(), e.what());
    }
  }
  std::vector<std::pair<std::string, std::string>> list;
};

// ---- field parsers: each throws FieldError naming its column --------------------

char parse_sex(const std::string& column, const std::string& text) {
  if (text == "男" || text == "M" || text == "m" || text == "male") return 'M';
  if (text == "女" || text == "F" || text == "f" || text == "female") return 'F';
  throw FieldError(column, fmt::format("{} is not a sex (男/女 or M/F)", errors::quote(text)));
}

// 1985-03-12, 1985/3/12, 1985.3.12 or 19850312: what spreadsheets export.
Date parse_flexible_date(const std::string& column, const std::string& text) {
  if (auto date = parse_spreadsheet_date(text)) return *date;
  throw FieldError(column, fmt::format("{} is not a real date (YYYY-MM-DD)", errors::quote(text)));
}

int parse_flag(const std::string& column, const std::string& text) {
  // The common spellings first: this runs five times for every resident.
  if (text.empty() || text == "0") return 0;
  if (text == "1") return 1;
  static const std::vector<std::string> yes = {"是", "Y", "y", "yes", "true", "√"};
  static const std::vector<std::string> no = {"否", "N", "n", "no", "false"};
  if (std::find(yes.begin(), yes.end(), text) != yes.end()) return 1;
  if (std::find(no.begin(), no.end(), text) != no.end()) return 0;
  throw FieldError(column, fmt::format("{} is not yes or no (是/否, 1/0)", errors::quote(text)));
}

// A value as problems show it: citizen IDs (the residents' column, and the applicant's of
// historical cases) and phone numbers masked, so that stderr and reject files hold none whole.
std::string masked(const std::string& column, const std::string& value) {
  if (column == "citizen_id" || column == "resident") return mask_citizen_id(value);
  if (column == "phone" && value.size() >= 7) {
    return value.substr(0, 3) + std::string(value.size() - 7, '*') + value.substr(value.size() - 4);
  }
  // Any other column may hold an ID or a number typed in the wrong place.
  return mask_personal_data(value);
}

// An 11-digit mobile number (1[3-9]…) or a landline with its area code (0472-1234567).
void check_phone(const std::string& column, const std::string& text) {
  auto digits = [](const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (text.empty()) return;
  if (text.size() == 11 && digits(text) && text[0] == '1' && text[1] >= '3') return;
  const auto dash = text.find('-');
  if (dash != std::string::npos && text[0] == '0' && dash >= 3 && dash <= 4 && digits(text.substr(0, dash)) &&
      digits(text.substr(dash + 1)) && text.size() - dash - 1 >= 7 && text.size() - dash - 1 <= 8) {
    return;
  }
  throw FieldError(column, fmt::format("{} is not a phone number (11-digit mobile, or area code-number)",
                                       errors::quote(masked("phone", text))));
}

std::string require(const Row& row, const std::string& column) {
  std::string v = row.get(column);
  if (v.empty()) throw FieldError(column, "is empty");
  return v;
}

// ---- units ------------------------------------------------------------------------

struct ExistingUnit {
  std::int64_t id = 0;
  std::string kind;
  std::string name_zh;
  std::string name_en;
  std::optional<std::int64_t> parent;
};

std::optional<ExistingUnit> find_unit(const SQLite::Database& db, const std::string& code) {
  SQLite::Statement q(db, "SELECT id, kind, name_zh, name_en, parent_id FROM units WHERE code = ?");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  ExistingUnit u{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            q.getColumn(3).getString(), std::nullopt};
  if (!q.getColumn(4).isNull()) u.parent = q.getColumn(4).getInt64();
  return u;
}

// A unit named by code (or, failing that, by its unique Chinese name) of `kind`.
std::int64_t unit_ref(const SQLite::Database& db, const std::string& column, const std::string& text,
                      const std::string& kind) {
  if (auto u = find_unit(db, text); u && u->kind == kind) return u->id;
  SQLite::Statement q(db, "SELECT id FROM units WHERE name_zh = ? AND kind = ? LIMIT 2");
  SQLite::bind(q, text, kind);
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  if (ids.size() == 1) return ids[0];
  throw FieldError(
      column, fmt::format("unknown {} {} (not in the database, nor earlier in this file)", kind, errors::quote(text)));
}

// ---- one importer per kind ----------------------------------------------------------

// The rows an import has written or matched so far, by rowid: a row matched by
// two lines of one file is a duplicate inside the file. This costs 4 bytes per
// row of the table (not of the file), far less than an index of the keys.
class RowClaims {
 public:
  static constexpr std::size_t kMaxTracked = std::size_t{1} << 28;
  /// Records that `line` matched `rowid`; returns the line that matched it first, if any.
  std::optional<std::size_t> claim(std::int64_t rowid, std::size_t line) {
    const auto index = static_cast<std::size_t>(rowid);
    // Rowids are dense in sqgl's tables; one far out (set by hand) is not tracked
    // rather than allowed to demand gigabytes.
    if (rowid < 0 || index > kMaxTracked) return std::nullopt;
    if (index >= lines_.size()) lines_.resize(std::max(index + 1, lines_.size() * 2), 0);
    if (lines_[index] != 0) return lines_[index];
    lines_[index] = static_cast<std::uint32_t>(line);
    return std::nullopt;
  }

 private:
  std::vector<std::uint32_t> lines_;
};

class Importer {
 public:
  virtual ~Importer() = default;
  /// The physical line of the row about to be written, for duplicate messages.
  void set_line(std::size_t line) { line_ = line; }
  /// The line set last.
  std::size_t line() const { return line_; }
  /// The columns of this kind's files.
  virtual std::vector<Column> columns() const = 0;
  /// The natural key of a row (for duplicates inside the file) and its column.
  virtual std::string key_column() const = 0;
  /// Validates and writes one row; adds problems instead of writing when it is bad.
  virtual std::optional<Outcome> write(const Row& row, Problems& problems) = 0;
  /// Checks what only the whole file can show, once every row is read (and
  /// `rejected` of them refused); InvalidInput refuses the import.
  virtual void finish(std::int64_t rejected) { (void)rejected; }
  /// Adds to the import's event what `sqgl check` replays from it (flags, a year's days).
  virtual void describe(nlohmann::json& detail) const { (void)detail; }

 protected:
  /// Call with the rowid a row inserted or matched, before changing a matched
  /// row: false (and the problem added) when an earlier line matched it.
  bool claim(std::int64_t rowid, Problems& p) {
    if (auto first = claims_.claim(rowid, line_)) {
      p.add(key_column(), fmt::format("duplicate of line {}", *first));
      return false;
    }
    return true;
  }

  std::optional<Outcome> upsert_unit(SQLite::Database& db, Problems& p, const std::string& code,
                                     const std::string& kind, const std::string& name_zh, const std::string& name_en,
                                     std::optional<std::int64_t> parent, bool upsert);

 private:
  RowClaims claims_;
  std::size_t line_ = 0;
};

std::optional<Outcome> Importer::upsert_unit(SQLite::Database& db, Problems& p, const std::string& code,
                                             const std::string& kind, const std::string& name_zh,
                                             const std::string& name_en, std::optional<std::int64_t> parent,
                                             bool upsert) {
  auto existing = find_unit(db, code);
  DistrictWriter writer(db);
  const UnitRow unit{code, kind, name_zh, name_en, parent};
  if (!existing) {
    claim(writer.add_unit(unit), p);
    return Outcome::inserted;
  }
  if (!claim(existing->id, p)) return std::nullopt;
  if (existing->kind != kind) {
    throw FieldError("code", fmt::format("{} is already a {}, not a {}", errors::quote(code), existing->kind, kind));
  }
  if (existing->name_zh == name_zh && existing->name_en == name_en && existing->parent == parent) {
    return Outcome::unchanged;
  }
  if (!upsert)
    throw FieldError("code", fmt::format("{} exists with other values; --mode upsert updates it", errors::quote(code)));
  writer.update_unit(existing->id, unit);
  return Outcome::updated;
}

class DistrictImporter final : public Importer {
 public:
  DistrictImporter(SQLite::Database& db, bool upsert) : db_(db), upsert_(upsert) {}
  std::vector<Column> columns() const override {
    return {{"code", {"区划代码", "代码"}, true}, {"name_zh", {"名称", "区"}, true}, {"name_en", {"英文名称"}, false}};
  }
  std::string key_column() const override { return "code"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string code, name;
    p.check([&] { code = require(row, "code"); });
    p.check([&] { name = require(row, "name_zh"); });
    if (!p.list.empty()) return std::nullopt;
    return upsert_unit(db_, p, code, "district", name, row.get("name_en"), std::nullopt, upsert_);
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
};

// Street offices and communities: a unit under a parent unit.
class ChildUnitImporter final : public Importer {
 public:
  ChildUnitImporter(SQLite::Database& db, bool upsert, std::string kind, std::string parent_kind,
                    std::vector<std::string> code_aliases, std::vector<std::string> name_aliases,
                    std::vector<std::string> parent_aliases)
      : db_(db),
        upsert_(upsert),
        kind_(std::move(kind)),
        parent_kind_(std::move(parent_kind)),
        code_aliases_(std::move(code_aliases)),
        name_aliases_(std::move(name_aliases)),
        parent_aliases_(std::move(parent_aliases)) {}
  std::vector<Column> columns() const override {
    return {{"code", code_aliases_, true},
            {"name_zh", name_aliases_, true},
            {"name_en", {"英文名称"}, false},
            {parent_kind_, parent_aliases_, true}};
  }
  std::string key_column() const override { return "code"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string code, name;
    std::int64_t parent = 0;
    p.check([&] { code = require(row, "code"); });
    p.check([&] { name = require(row, "name_zh"); });
    p.check([&] { parent = unit_ref(db_, parent_kind_, require(row, parent_kind_), parent_kind_); });
    if (!p.list.empty()) return std::nullopt;
    auto outcome = upsert_unit(db_, p, code, kind_, name, row.get("name_en"), parent, upsert_);
    if (outcome && kind_ == "community") add_bodies(code, name);
    return outcome;
  }

 private:
  // Each community has its station, residents' committee and party committee.
  void add_bodies(const std::string& code, const std::string& name) {
    const auto community = find_unit(db_, code);
    for (const auto& [suffix, kind, zh] :
         {std::tuple{"-FWZ", "station", "管理服务站"}, std::tuple{"-JWH", "committee", "居民委员会"},
          std::tuple{"-DW", "party", "党委"}}) {
      if (find_unit(db_, code + suffix)) continue;
      DistrictWriter(db_).add_unit({code + suffix, kind, name + zh, "", community->id});
    }
  }

  SQLite::Database& db_;
  bool upsert_;
  std::string kind_, parent_kind_;
  std::vector<std::string> code_aliases_, name_aliases_, parent_aliases_;
};

class BureauImporter final : public Importer {
 public:
  BureauImporter(SQLite::Database& db, bool upsert) : db_(db), upsert_(upsert) {}
  std::vector<Column> columns() const override {
    return {{"code", {"代码", "单位代码"}, true},
            {"kind", {"类型"}, false},
            {"name_zh", {"名称", "单位名称"}, true},
            {"name_en", {"英文名称"}, false}};
  }
  std::string key_column() const override { return "code"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string code, name, kind = row.get("kind").empty() ? "bureau" : row.get("kind");
    p.check([&] { code = require(row, "code"); });
    p.check([&] { name = require(row, "name_zh"); });
    if (kind != "bureau" && kind != "other")
      p.add("kind", fmt::format("{} is not 'bureau' or 'other'", errors::quote(kind)));
    if (!p.list.empty()) return std::nullopt;
    std::optional<std::int64_t> district;
    SQLite::Statement d(db_, "SELECT id FROM units WHERE kind = 'district' ORDER BY id LIMIT 1");
    if (d.executeStep()) district = d.getColumn(0).getInt64();
    return upsert_unit(db_, p, code, kind, name, row.get("name_en"), district, upsert_);
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
};

std::optional<std::int64_t> staff_id(const SQLite::Database& db, const std::string& staff_no) {
  SQLite::Statement q(db, "SELECT id FROM staff WHERE staff_no = ?");
  q.bind(1, staff_no);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

class StaffImporter final : public Importer {
 public:
  StaffImporter(SQLite::Database& db, bool upsert, const Clock& clock, const Operator& op)
      : db_(db), upsert_(upsert), clock_(clock), op_(op) {}
  std::vector<Column> columns() const override {
    return {{"staff_no", {"工号", "人员编号"}, true},
            {"name", {"姓名"}, true},
            {"unit", {"单位", "单位代码"}, true},
            {"roles", {"角色"}, true},
            {"phone", {"联系电话", "电话", "手机号"}, false},
            {"login", {"登录名", "系统账号"}, false},
            {"active", {"在岗", "有效"}, false}};
  }
  std::string key_column() const override { return "staff_no"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string staff_no, name;
    std::int64_t unit = 0;
    std::vector<std::string> roles;
    int active = 1;
    p.check([&] { staff_no = require(row, "staff_no"); });
    p.check([&] { name = require(row, "name"); });
    p.check([&] {
      const auto code = require(row, "unit");
      auto u = find_unit(db_, code);
      if (!u) throw FieldError("unit", fmt::format("unknown unit {}", errors::quote(code)));
      unit = u->id;
    });
    p.check([&] {
      std::string text = require(row, "roles");
      std::replace(text.begin(), text.end(), ',', '|');
      for (std::size_t start = 0; start <= text.size();) {
        auto bar = text.find('|', start);
        std::string role = text.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        if (!role.empty()) {
          SQLite::Statement q(db_, "SELECT 1 FROM roles WHERE code = ?");
          q.bind(1, role);
          if (!q.executeStep()) throw FieldError("roles", fmt::format("unknown role {}", errors::quote(role)));
          roles.push_back(role);
        }
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
      std::sort(roles.begin(), roles.end());
      roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    });
    p.check([&] { check_phone("phone", row.get("phone")); });
    if (row.has("active"))
      p.check([&] { active = row.get("active").empty() ? 1 : parse_flag("active", row.get("active")); });
    if (!p.list.empty()) return std::nullopt;

    const std::string phone = row.get("phone"), login = row.get("login");
    auto existing = staff_id(db_, staff_no);
    Outcome outcome = Outcome::inserted;
    if (existing && !claim(*existing, p)) return std::nullopt;
    if (existing) {
      SQLite::Statement q(db_,
                          "SELECT name, unit_id, COALESCE(phone, ''), COALESCE(login, ''), active, "
                          "(SELECT group_concat(role, '|') FROM (SELECT role FROM staff_roles WHERE staff_id = ?1 "
                          "ORDER BY role)) FROM staff WHERE id = ?1");
      q.bind(1, *existing);
      q.executeStep();
      std::string joined;
      for (const auto& r : roles) joined += (joined.empty() ? "" : "|") + r;
      if (q.getColumn(0).getString() == name && q.getColumn(1).getInt64() == unit &&
          q.getColumn(2).getString() == phone && q.getColumn(3).getString() == login &&
          q.getColumn(4).getInt() == active && q.getColumn(5).getString() == joined) {
        return Outcome::unchanged;
      }
      if (!upsert_) {
        p.add("staff_no",
              fmt::format("{} exists with other values; --mode upsert updates it", errors::quote(staff_no)));
        return std::nullopt;
      }
      StaffWriter(db_).update(*existing, {staff_no, name, unit, phone, login, active != 0, roles});
      outcome = Outcome::updated;
    } else {
      existing = StaffWriter(db_).add({staff_no, name, unit, phone, login, active != 0, roles});
      claim(*existing, p);
    }
    // Who may act is history too: `sqgl check` replays staff from these events.
    record_staff(db_, clock_, op_.staff_no, outcome == Outcome::inserted ? "staff.add" : "staff.change", staff_no);
    return outcome;
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
  const Clock& clock_;
  const Operator& op_;
};

class GridImporter final : public Importer {
 public:
  GridImporter(SQLite::Database& db, bool upsert) : db_(db), upsert_(upsert) {}
  std::vector<Column> columns() const override {
    return {{"code", {"网格代码", "网格编号"}, true},
            {"community", {"社区", "社区代码"}, true},
            {"name", {"名称", "网格名称"}, true},
            {"worker", {"网格员", "网格员工号"}, false}};
  }
  std::string key_column() const override { return "code"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string code, name;
    std::int64_t community = 0;
    std::optional<std::int64_t> worker;
    p.check([&] { code = require(row, "code"); });
    p.check([&] { name = require(row, "name"); });
    p.check([&] { community = unit_ref(db_, "community", require(row, "community"), "community"); });
    p.check([&] {
      if (row.get("worker").empty()) return;
      worker = staff_id(db_, row.get("worker"));
      if (!worker) throw FieldError("worker", fmt::format("unknown staff number {}", errors::quote(row.get("worker"))));
    });
    if (!p.list.empty()) return std::nullopt;
    SQLite::Statement q(db_, "SELECT id, community_id, name, worker_id FROM grids WHERE code = ?");
    q.bind(1, code);
    if (!q.executeStep()) {
      claim(writer_.add_grid({code, community, name, worker}), p);
      return Outcome::inserted;
    }
    if (!claim(q.getColumn(0).getInt64(), p)) return std::nullopt;
    // Row ids start at 1, so 0 stands for "none" in these comparisons.
    if (q.getColumn(1).getInt64() == community && q.getColumn(2).getString() == name &&
        q.getColumn(3).getInt64() == worker.value_or(0)) {
      return Outcome::unchanged;
    }
    if (!upsert_) {
      p.add("code", fmt::format("{} exists with other values; --mode upsert updates it", errors::quote(code)));
      return std::nullopt;
    }
    writer_.update_grid(q.getColumn(0).getInt64(), {code, community, name, worker});
    return Outcome::updated;
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
  DistrictWriter writer_{db_};
};

class HouseholdImporter final : public Importer {
 public:
  HouseholdImporter(SQLite::Database& db, bool upsert)
      : db_(db),
        upsert_(upsert),
        find_(db, "SELECT id, community_id, grid_id, address FROM households WHERE code = ?"),
        writer_(db),
        grid_(db, "SELECT id, community_id FROM grids WHERE code = ?") {}
  std::vector<Column> columns() const override {
    return {{"code", {"户号", "户编号"}, true},
            {"community", {"社区", "社区代码"}, true},
            {"grid", {"网格", "网格代码"}, false},
            {"address", {"地址", "住址", "家庭住址"}, true}};
  }
  std::string key_column() const override { return "code"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string code, address;
    std::int64_t community = 0;
    std::optional<std::int64_t> grid;
    p.check([&] { code = require(row, "code"); });
    p.check([&] { address = require(row, "address"); });
    p.check([&] {
      const auto text = require(row, "community");
      if (text != community_text_) {
        community_id_ = unit_ref(db_, "community", text, "community");
        community_text_ = text;
      }
      community = community_id_;
    });
    if (!row.get("grid").empty() && p.list.empty()) {
      grid_.reset();
      grid_.bind(1, row.get("grid"));
      if (!grid_.executeStep()) {
        p.add("grid", fmt::format("unknown grid {}", errors::quote(row.get("grid"))));
      } else if (grid_.getColumn(1).getInt64() != community) {
        p.add("grid", fmt::format("grid {} belongs to another community", errors::quote(row.get("grid"))));
      } else {
        grid = grid_.getColumn(0).getInt64();
      }
    }
    if (!p.list.empty()) return std::nullopt;
    find_.reset();
    find_.bind(1, code);
    if (!find_.executeStep()) {
      claim(writer_.add_household({code, community, grid, address}), p);
      return Outcome::inserted;
    }
    if (!claim(find_.getColumn(0).getInt64(), p)) return std::nullopt;
    // Row ids start at 1, so 0 (what NULL reads as) stands for "no grid".
    if (find_.getColumn(1).getInt64() == community && find_.getColumn(2).getInt64() == grid.value_or(0) &&
        find_.getColumn(3).getString() == address) {
      return Outcome::unchanged;
    }
    if (!upsert_) {
      p.add("code", fmt::format("{} exists with other values; --mode upsert updates it", errors::quote(code)));
      return std::nullopt;
    }
    const std::int64_t id = find_.getColumn(0).getInt64();
    writer_.update_household(id, {code, community, grid, address});
    return Outcome::updated;
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
  SQLite::Statement find_;
  DistrictWriter writer_;
  SQLite::Statement grid_;
  std::string community_text_;
  std::int64_t community_id_ = 0;
};

// The hot path: a district moving to sqgl imports hundreds of thousands of residents.
class ResidentImporter final : public Importer {
 public:
  ResidentImporter(SQLite::Database& db, bool upsert, Date today)
      : db_(db),
        upsert_(upsert),
        today_(today),
        household_(db, "SELECT id FROM households WHERE code = ?"),
        find_(db,
              "SELECT id, name, sex, birth_date, household_id, relation, COALESCE(phone, ''), pregnant, disabled, "
              "low_income, party_member, unemployed FROM residents WHERE citizen_id = ?"),
        writer_(db) {}
  std::vector<Column> columns() const override {
    return {{"citizen_id", {"身份证号", "公民身份号码", "身份证号码"}, true},
            {"name", {"姓名"}, true},
            {"sex", {"性别"}, true},
            {"birth_date", {"出生日期"}, true},
            {"household", {"户号"}, true},
            {"relation", {"与户主关系", "关系"}, false},
            {"phone", {"联系电话", "电话", "手机号", "手机"}, false},
            {"pregnant", {"孕妇", "怀孕"}, false},
            {"disabled", {"残疾", "残疾人"}, false},
            {"low_income", {"低保", "低收入"}, false},
            {"party_member", {"党员"}, false},
            {"unemployed", {"失业", "失业人员"}, false}};
  }
  std::string key_column() const override { return "citizen_id"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::optional<CitizenId> id;
    std::string name;
    char sex = 'M';
    std::optional<Date> birth;
    std::int64_t household = 0;
    int flags[5] = {0, 0, 0, 0, 0};
    p.check([&] {
      auto check = check_citizen_id(require(row, "citizen_id"), today_);
      if (!check.id) throw FieldError("citizen_id", check.message);
      id = check.id;
    });
    p.check([&] { name = require(row, "name"); });
    p.check([&] {
      sex = parse_sex("sex", require(row, "sex"));
      if (id && id->sex != sex) {
        throw FieldError("sex", fmt::format("{} disagrees with the citizen ID, which says {}",
                                            errors::quote(row.get("sex")), id->sex == 'M' ? "男 (M)" : "女 (F)"));
      }
    });
    p.check([&] {
      birth = parse_flexible_date("birth_date", require(row, "birth_date"));
      if (id && id->birth_date != *birth) {
        throw FieldError("birth_date", fmt::format("{} disagrees with the citizen ID, which says {}",
                                                   errors::quote(row.get("birth_date")), format_date(id->birth_date)));
      }
    });
    p.check([&] {
      const auto code = require(row, "household");
      if (code != household_code_) {
        household_.reset();
        household_.bind(1, code);
        if (!household_.executeStep()) {
          throw FieldError("household", fmt::format("unknown household {} (not in the database, nor earlier in an "
                                                    "import)",
                                                    errors::quote(code)));
        }
        household_id_ = household_.getColumn(0).getInt64();
        household_code_ = code;
      }
      household = household_id_;
    });
    p.check([&] { check_phone("phone", row.get("phone")); });
    static const char* kFlags[] = {"pregnant", "disabled", "low_income", "party_member", "unemployed"};
    for (int i = 0; i < 5; ++i) p.check([&] { flags[i] = parse_flag(kFlags[i], row.get(kFlags[i])); });
    if (flags[0] && sex == 'M') p.add("pregnant", "a man cannot be marked pregnant");
    if (!p.list.empty()) return std::nullopt;

    // Most files already hold the canonical YYYY-MM-DD; format only the others.
    const std::string& given_birth = row.get("birth_date");
    const std::string birth_text = parse_date(given_birth) ? given_birth : format_date(*birth);
    const std::string& relation = row.get("relation");
    const std::string& phone = row.get("phone");
    const std::string sex_text(1, sex);
    // Most rows of an import are new: try the insert first, and look the row up
    // only when its citizen ID is already there.
    FlagBits bits = 0;
    for (int i = 0; i < 5; ++i) bits |= flags[i] << i;
    const ResidentRow resident{id->number, name, sex, birth_text, household, relation, phone, bits};
    if (const auto added = writer_.add_resident(resident)) {
      claim(*added, p);
      flags_.add(*added, bits, true);
      return Outcome::inserted;
    }
    find_.reset();
    find_.bind(1, id->number);
    if (!find_.executeStep()) throw Failure("a resident's row vanished during the import");
    if (!claim(find_.getColumn(0).getInt64(), p)) return std::nullopt;
    bool same = find_.getColumn(1).getString() == name && find_.getColumn(2).getString() == sex_text &&
                find_.getColumn(3).getString() == birth_text && find_.getColumn(4).getInt64() == household &&
                find_.getColumn(5).getString() == relation && find_.getColumn(6).getString() == phone;
    bool same_flags = true;
    for (int i = 0; i < 5; ++i) same_flags = same_flags && find_.getColumn(7 + i).getInt() == flags[i];
    same = same && same_flags;
    if (same) return Outcome::unchanged;
    if (!upsert_) {
      p.add("citizen_id", "this resident exists with other values; --mode upsert updates it");
      return std::nullopt;
    }
    const std::int64_t row_id = find_.getColumn(0).getInt64();
    writer_.update_resident(row_id, resident);
    if (!same_flags) flags_.add(row_id, bits, false);
    return Outcome::updated;
  }

  void describe(nlohmann::json& detail) const override { detail["flags"] = flags_.json(); }

 private:
  SQLite::Database& db_;
  bool upsert_;
  FlagList flags_;
  Date today_;
  SQLite::Statement household_, find_;
  DistrictWriter writer_;
  std::string household_code_;
  std::int64_t household_id_ = 0;
};

// A year's holidays and adjusted working days; the file replaces the year's calendar.
class CalendarImporter final : public Importer {
 public:
  CalendarImporter(SQLite::Database& db, int year, const std::string& notice) : db_(db), year_(year) {
    SQLite::Statement old(db, "SELECT count(*) FROM calendar_days WHERE year = ?");
    old.bind(1, year);
    old.executeStep();
    had_days_ = old.getColumn(0).getInt() > 0;
    begin_calendar_year(db, year, notice);
  }
  std::vector<Column> columns() const override {
    return {{"date", {"日期"}, true}, {"kind", {"类型"}, true}, {"name", {"名称", "节日"}, false}};
  }
  std::string key_column() const override { return "date"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string kind = row.get("kind");
    if (kind == "休" || kind == "放假") kind = "off";
    if (kind == "班" || kind == "上班" || kind == "调休上班") kind = "work";
    p.check([&] { add_calendar_day(db_, year_, row.get("date"), kind, row.get("name")); });
    if (!p.list.empty()) return std::nullopt;
    return had_days_ ? Outcome::updated : Outcome::inserted;
  }

  void describe(nlohmann::json& detail) const override { detail.update(calendar_year_json(db_, year_)); }

 private:
  SQLite::Database& db_;
  int year_;
  bool had_days_ = false;
};

// A local date-time or date from a spreadsheet: 2012-01-29 09:00, 2012/1/29, 20120129.
DateTime parse_flexible_datetime(const std::string& column, const std::string& text) {
  if (auto dt = parse_spreadsheet_datetime(text)) return *dt;
  // Name the date part when that is what is wrong.
  parse_flexible_date(column, text.substr(0, text.find_first_of(" T")));
  throw FieldError(column, fmt::format("{} is not a date and time (YYYY-MM-DD HH:MM)", errors::quote(text)));
}

// A time a case happened at: a date-time from a spreadsheet, in the years sqgl keeps.
DateTime parse_business_time(const std::string& column, const std::string& text) {
  const DateTime at = parse_flexible_datetime(column, text);
  try {
    check_business_year(at.date, column);
  } catch (const InvalidInput& e) {
    throw FieldError(column, e.what());
  }
  return at;
}

std::optional<std::int64_t> case_id(const SQLite::Database& db, const std::string& number) {
  SQLite::Statement q(db, "SELECT id FROM cases WHERE number = ?");
  q.bind(1, number);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

// Residents' ratings collected elsewhere (paper forms, a kiosk).
class EvaluationImporter final : public Importer {
 public:
  EvaluationImporter(SQLite::Database& db, bool upsert, const Operator& op, const Clock& clock, std::string source)
      : db_(db), upsert_(upsert), op_(op), clock_(clock), source_(std::move(source)) {}
  std::vector<Column> columns() const override {
    return {{"case", {"办件编号", "案件编号"}, true},
            {"score", {"评分", "评价"}, true},
            {"comment", {"评价内容", "意见"}, false},
            {"at", {"评价时间"}, false},
            {"recorded_by", {"记录人", "工号"}, false}};
  }
  std::string key_column() const override { return "case"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::optional<std::int64_t> id;
    std::string number, decided_at;
    int score = 0;
    std::string recorder = op_.staff_no;
    std::string at = format_datetime(clock_.now());
    p.check([&] {
      number = require(row, "case");
      id = case_id(db_, number);
      if (!id) throw FieldError("case", fmt::format("no case {}", errors::quote(number)));
      SQLite::Statement q(db_, "SELECT status, COALESCE(decided_at, '') FROM cases WHERE id = ?");
      q.bind(1, *id);
      q.executeStep();
      const auto status = q.getColumn(0).getString();
      decided_at = q.getColumn(1).getString();
      if (status != "approved" && status != "rejected") {
        throw FieldError("case",
                         fmt::format("case {} is {}; only decided cases are rated", errors::quote(number), status));
      }
    });
    p.check([&] {
      static const std::vector<std::string> labels = {"非常不满意", "不满意", "基本满意", "满意", "非常满意"};
      const auto text = require(row, "score");
      auto label = std::find(labels.begin(), labels.end(), text);
      if (label != labels.end()) {
        score = static_cast<int>(label - labels.begin()) + 1;
      } else if (text.size() == 1 && text[0] >= '1' && text[0] <= '5') {
        score = text[0] - '0';
      } else {
        throw FieldError("score",
                         fmt::format("{} is not a score from 1 to 5 (or 非常满意 … 非常不满意)", errors::quote(text)));
      }
    });
    p.check([&] {
      if (!row.get("at").empty()) {
        const DateTime when = parse_business_time("at", row.get("at"));
        if (when > clock_.now()) throw FieldError("at", "is in the future");
        at = format_datetime(when);
      }
      // A rating follows the decision it rates.
      if (!decided_at.empty() && at < decided_at) {
        throw FieldError("at", fmt::format("{} is before the case was decided ({})", at, decided_at));
      }
    });
    p.check([&] {
      if (row.get("recorded_by").empty()) return;
      if (!staff_id(db_, row.get("recorded_by"))) {
        throw FieldError("recorded_by", fmt::format("unknown staff number {}", errors::quote(row.get("recorded_by"))));
      }
      recorder = row.get("recorded_by");
    });
    if (!p.list.empty()) return std::nullopt;
    if (!claim(*id, p)) return std::nullopt;
    const std::string comment = row.get("comment");
    SQLite::Statement q(db_, "SELECT score, comment FROM evaluations WHERE case_id = ?");
    q.bind(1, *id);
    Outcome outcome = Outcome::inserted;
    if (q.executeStep()) {
      if (q.getColumn(0).getInt() == score && q.getColumn(1).getString() == comment) return Outcome::unchanged;
      if (!upsert_) {
        p.add("case", "this case was rated with other values; --mode upsert updates it");
        return std::nullopt;
      }
      outcome = Outcome::updated;
    }
    CaseUpdate(db_, *id).rate(score, comment, at, recorder);
    // The rating as the case's history carries it, with where it came from.
    append_event(db_, clock_,
                 {"case.evaluate", number,
                  nlohmann::json{{"score", score},
                                 {"comment", comment},
                                 {"at", at},
                                 {"recorded_by", recorder},
                                 {"file", source_},
                                 {"line", line()}}
                      .dump(),
                  op_.staff_no});
    return outcome;
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
  const Operator& op_;
  const Clock& clock_;
  std::string source_;
};

// Decided cases of earlier years, migrated from paper or another system, so that
// reports can compare before and after. Their steps carry the decision; the
// dates of the steps in between are not known and stay empty.
class CaseImporter final : public Importer {
 public:
  CaseImporter(SQLite::Database& db, const Operator& op, const Clock& clock, std::string source)
      : db_(db), op_(op), clock_(clock), source_(std::move(source)), calendar_(WorkCalendar::load(db)), writer_(db) {
    default_model_ = get_setting(db, "model").value_or("new");
    SQLite::Statement district(db, "SELECT code FROM units WHERE kind = 'district' ORDER BY id LIMIT 1");
    if (district.executeStep()) district_ = district.getColumn(0).getString();
  }
  std::vector<Column> columns() const override {
    return {{"number", {"办件编号", "案件编号"}, true},
            {"item", {"事项编码", "事项"}, true},
            {"resident", {"身份证号", "申请人身份证号"}, true},
            {"status", {"状态", "办理结果"}, true},
            {"accepted_at", {"受理时间"}, true},
            {"decided_at", {"办结时间"}, true},
            {"model", {"模式"}, false},
            {"accepted_by", {"受理人", "受理人工号"}, false},
            {"reason", {"原因", "不予批准原因"}, false},
            {"note", {"备注"}, false}};
  }
  std::string key_column() const override { return "number"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string number, status, model = default_model_, community_code, accepted_by = op_.staff_no;
    std::optional<Item> item;
    std::int64_t resident = 0, community = 0;
    std::optional<DateTime> accepted, decided;
    p.check([&] { number = require(row, "number"); });
    p.check([&] {
      const auto code = require(row, "item");
      try {
        item = get_item(db_, code);
      } catch (const NotFound& e) {
        throw FieldError("item", e.what());
      }
    });
    p.check([&] {
      auto check = check_citizen_id(require(row, "resident"), clock_.today());
      if (!check.id) throw FieldError("resident", check.message);
      SQLite::Statement q(db_,
                          "SELECT r.id, h.community_id, u.code FROM residents r JOIN households h "
                          "ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE r.citizen_id = ?");
      q.bind(1, check.id->number);
      if (!q.executeStep()) throw FieldError("resident", "no resident with this citizen ID");
      resident = q.getColumn(0).getInt64();
      community = q.getColumn(1).getInt64();
      community_code = q.getColumn(2).getString();
    });
    p.check([&] {
      static const std::map<std::string, std::string> statuses = {
          {"approved", "approved"}, {"办结", "approved"},       {"批准", "approved"},
          {"准予", "approved"},     {"rejected", "rejected"},   {"不予批准", "rejected"},
          {"驳回", "rejected"},     {"withdrawn", "withdrawn"}, {"撤回", "withdrawn"}};
      const auto text = require(row, "status");
      auto it = statuses.find(text);
      if (it == statuses.end()) {
        throw FieldError("status", fmt::format("{} is not a decided status (approved/办结, rejected/不予批准, "
                                               "withdrawn/撤回); open cases are entered with 'sqgl apply'",
                                               errors::quote(text)));
      }
      status = it->second;
    });
    p.check([&] { accepted = parse_business_time("accepted_at", require(row, "accepted_at")); });
    p.check([&] {
      decided = parse_business_time("decided_at", require(row, "decided_at"));
      if (accepted && *decided < *accepted) throw FieldError("decided_at", "is before the case was accepted");
      if (*decided > clock_.now()) throw FieldError("decided_at", "is in the future");
    });
    // <district>-<YYYYMMDD>-<NNNN>: the district's code, the day it was accepted, a
    // number of that day. Anything else would break the numbering of later cases.
    p.check([&] {
      if (number.empty() || !accepted) return;
      const std::string day = format_date(accepted->date);
      const std::string expected = fmt::format("{}-{}{}{}-", district_, day.substr(0, 4), day.substr(5, 2),
                                               day.substr(8, 2));
      const std::string tail = number.size() == expected.size() + 4 ? number.substr(expected.size()) : "";
      if (!number.starts_with(expected) || tail.find_first_not_of("0123456789") != std::string::npos ||
          tail.empty() || tail == "0000") {
        throw FieldError("number", fmt::format("{} is not a case number of the day it was accepted: expected {}NNNN "
                                               "(0001 to 9999)",
                                               errors::quote(number), expected));
      }
    });
    p.check([&] {
      const auto text = row.get("model");
      if (text.empty()) return;
      if (text == "new" || text == "新") {
        model = "new";
      } else if (text == "old" || text == "旧") {
        model = "old";
      } else {
        throw FieldError("model", fmt::format("{} is not 'new' or 'old'", errors::quote(text)));
      }
    });
    p.check([&] {
      if (row.get("accepted_by").empty()) return;
      if (!staff_id(db_, row.get("accepted_by"))) {
        throw FieldError("accepted_by", fmt::format("unknown staff number {}", errors::quote(row.get("accepted_by"))));
      }
      accepted_by = row.get("accepted_by");
    });
    if (!p.list.empty()) return std::nullopt;

    if (auto existing = case_id(db_, number)) {
      if (!claim(*existing, p)) return std::nullopt;
      SQLite::Statement q(db_, "SELECT item, resident_id, status, accepted_at, decided_at FROM cases WHERE id = ?");
      q.bind(1, *existing);
      q.executeStep();
      if (q.getColumn(0).getString() == item->code && q.getColumn(1).getInt64() == resident &&
          q.getColumn(2).getString() == status && q.getColumn(3).getString() == format_datetime(*accepted) &&
          q.getColumn(4).getString() == format_datetime(*decided)) {
        return Outcome::unchanged;
      }
      p.add("number", "a case with this number exists with other values; imported cases are not changed");
      return std::nullopt;
    }
    const auto& chain = item->chain(model);
    int days = 0;
    std::vector<StepUnit> units;
    try {
      for (const auto& step : chain) {
        days += step.days;
        units.push_back(resolve_step_unit(db_, step, community));
      }
    } catch (const Conflict& e) {
      p.add("resident", e.what());
      return std::nullopt;
    }
    // The case as it was decided elsewhere: its steps carry the decision; the dates
    // of the steps in between are not known and stay empty.
    CaseRecord record;
    record.number = number;
    record.item = item->code;
    record.model = model;
    record.resident_id = resident;
    record.community = community_code;
    record.window = item->window;
    record.status = status;
    record.accepted_at = format_datetime(*accepted);
    record.accepted_by = accepted_by;
    record.due_date = format_date(calendar_.add_working_days(accepted->date, days));
    record.decided_at = format_datetime(*decided);
    record.note = row.get("note");
    for (std::size_t i = 0; i < chain.size(); ++i) {
      const bool first = i == 0, last = i + 1 == chain.size();
      // Approved: every step approved. Rejected: the last step said no. Withdrawn: at the first.
      std::string step_status = "approved";
      if (status == "rejected" && last) step_status = "rejected";
      if (status == "withdrawn") step_status = first ? "withdrawn" : "pending";
      const bool decides = status == "withdrawn" ? first : last;
      record.steps.push_back({chain[i].seq, chain[i].level, units[i].code, chain[i].name_zh, chain[i].role,
                              chain[i].days, step_status, "", first ? record.accepted_at : "", "",
                              decides ? record.decided_at : "", "", decides ? row.get("reason") : ""});
    }
    const std::int64_t id = writer_.insert(record);
    claim(id, p);
    // Each imported case is an event of its own, which `sqgl check` replays it from.
    append_event(db_, clock_,
                 {"case.import", number,
                  nlohmann::json{{"record", case_record_json(record)}, {"file", source_}, {"line", line()}}.dump(),
                  op_.staff_no});
    return Outcome::inserted;
  }

 private:
  SQLite::Database& db_;
  const Operator& op_;
  const Clock& clock_;
  std::string source_;
  WorkCalendar calendar_;
  CaseWriter writer_;
  std::string default_model_;
  std::string district_;
};

// Catalog edits, shaped like schema/catalog/steps.csv: the rows of an item and
// model replace that chain; the new chain's days become the item's promise.
// Cases already open keep the chain they were opened under.
class CatalogStepsImporter final : public Importer {
 public:
  CatalogStepsImporter(SQLite::Database& db, bool upsert) : db_(db), upsert_(upsert) {}
  std::vector<Column> columns() const override {
    return {{"item", {"事项编码"}, true}, {"model", {"模式"}, true},         {"seq", {"序号"}, true},
            {"level", {"层级"}, true},    {"unit", {"单位"}, false},         {"name_zh", {"环节名称", "名称"}, true},
            {"role", {"角色"}, true},     {"days", {"时限", "工作日"}, true}};
  }
  std::string key_column() const override { return "seq"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string item, model, level, unit, role;
    int seq = 0, days = 0;
    p.check([&] {
      item = require(row, "item");
      SQLite::Statement q(db_, "SELECT 1 FROM items WHERE code = ?");
      q.bind(1, item);
      if (!q.executeStep()) throw FieldError("item", fmt::format("unknown item {}", errors::quote(item)));
    });
    p.check([&] {
      model = require(row, "model");
      if (model != "new" && model != "old") {
        throw FieldError("model", fmt::format("{} is not 'new' or 'old'", errors::quote(model)));
      }
    });
    p.check([&] { seq = whole_number("seq", require(row, "seq"), 1); });
    p.check([&] { days = whole_number("days", require(row, "days"), 0); });
    p.check([&] {
      level = require(row, "level");
      static const std::vector<std::string> levels = {"committee", "station", "street", "bureau", "other"};
      if (std::find(levels.begin(), levels.end(), level) == levels.end()) {
        throw FieldError("level",
                         fmt::format("{} is not committee, station, street, bureau or other", errors::quote(level)));
      }
      unit = row.get("unit");
      const bool named = level == "bureau" || level == "other";
      if (named && unit.empty()) throw FieldError("unit", fmt::format("a {} step names its unit", level));
      if (!named && !unit.empty()) {
        throw FieldError("unit", fmt::format("a {} step takes no unit: it is the case's own", level));
      }
      if (named) {
        auto u = find_unit(db_, unit);
        if (!u || (u->kind != "bureau" && u->kind != "other")) {
          throw FieldError("unit", fmt::format("unknown bureau or other unit {}", errors::quote(unit)));
        }
      }
    });
    p.check([&] {
      role = require(row, "role");
      SQLite::Statement q(db_, "SELECT 1 FROM roles WHERE code = ?");
      q.bind(1, role);
      if (!q.executeStep()) throw FieldError("role", fmt::format("unknown role {}", errors::quote(role)));
    });
    if (!p.list.empty()) return std::nullopt;
    const auto key = std::make_tuple(item, model, seq);
    if (auto [it, fresh] = lines_.emplace(key, line()); !fresh) {
      p.add("seq", fmt::format("duplicate of line {}", it->second));
      return std::nullopt;
    }
    auto& old = chains_[{item, model}];
    if (!old.loaded) {
      // First row of this chain: remember it as it was, then replace it.
      SQLite::Statement q(db_,
                          "SELECT seq, level, COALESCE(unit, ''), name_zh, role, days FROM item_steps "
                          "WHERE item = ? AND model = ?");
      SQLite::bind(q, item, model);
      while (q.executeStep()) {
        old.steps[q.getColumn(0).getInt()] = {q.getColumn(1).getString(), q.getColumn(2).getString(),
                                              q.getColumn(3).getString(), q.getColumn(4).getString(),
                                              std::to_string(q.getColumn(5).getInt())};
      }
      chains_writer_.clear_chain(item, model);
      old.loaded = true;
    }
    const std::array<std::string, 5> now = {level, unit, row.get("name_zh"), role, std::to_string(days)};
    auto before = old.steps.find(seq);
    Outcome outcome = Outcome::inserted;
    if (before != old.steps.end()) {
      outcome = before->second == now ? Outcome::unchanged : Outcome::updated;
      if (outcome == Outcome::updated && !upsert_) {
        p.add("seq", "this step exists with other values; --mode upsert updates it");
        return std::nullopt;
      }
    }
    chains_writer_.add_step({item, model, seq, level, unit, now[2], role, days});
    return outcome;
  }

  void finish(std::int64_t rejected) override {
    // With rows refused the import is rolled back anyway; a chain is judged whole.
    if (rejected > 0) return;
    for (const auto& [key, chain] : chains_) {
      const auto& [item, model] = key;
      SQLite::Statement q(db_, "SELECT seq, days FROM item_steps WHERE item = ? AND model = ? ORDER BY seq");
      SQLite::bind(q, item, model);
      int expected = 1, days = 0;
      while (q.executeStep()) {
        if (q.getColumn(0).getInt() != expected) {
          throw InvalidInput(
              fmt::format("the {} chain of {} skips step {}: steps must run 1, 2, 3 …", model, item, expected));
        }
        days += q.getColumn(1).getInt();
        ++expected;
      }
      if (model == "new") {
        if (days < 1) throw InvalidInput(fmt::format("the new chain of {} adds up to no working day", item));
        chains_writer_.set_promise(item, days);
      }
    }
  }

 private:
  static int whole_number(const std::string& column, const std::string& text, int minimum) {
    int value = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < minimum) {
      throw FieldError(column, fmt::format("{} is not a whole number of at least {}", errors::quote(text), minimum));
    }
    return value;
  }
  struct OldChain {
    bool loaded = false;
    std::map<int, std::array<std::string, 5>> steps;
  };

  SQLite::Database& db_;
  bool upsert_;
  std::map<std::tuple<std::string, std::string, int>, std::size_t> lines_;
  std::map<std::pair<std::string, std::string>, OldChain> chains_;
  ChainWriter chains_writer_{db_};
};

std::unique_ptr<Importer> make_importer(SQLite::Database& db, const Clock& clock, const Operator& op,
                                        const ImportOptions& o, const std::string& source) {
  const std::string& k = o.kind;
  if (k == "district") return std::make_unique<DistrictImporter>(db, o.upsert);
  if (k == "streets") {
    return std::make_unique<ChildUnitImporter>(
        db, o.upsert, "street", "district", std::vector<std::string>{"街道代码", "代码"},
        std::vector<std::string>{"街道", "街道名称", "名称"}, std::vector<std::string>{"区", "区划代码"});
  }
  if (k == "communities") {
    return std::make_unique<ChildUnitImporter>(
        db, o.upsert, "community", "street", std::vector<std::string>{"社区代码", "代码"},
        std::vector<std::string>{"社区", "社区名称", "名称"}, std::vector<std::string>{"街道", "街道代码"});
  }
  if (k == "bureaus") return std::make_unique<BureauImporter>(db, o.upsert);
  if (k == "staff") return std::make_unique<StaffImporter>(db, o.upsert, clock, op);
  if (k == "grids") return std::make_unique<GridImporter>(db, o.upsert);
  if (k == "households") return std::make_unique<HouseholdImporter>(db, o.upsert);
  if (k == "residents") return std::make_unique<ResidentImporter>(db, o.upsert, clock.today());
  if (k == "cases") return std::make_unique<CaseImporter>(db, op, clock, source);
  if (k == "evaluations") return std::make_unique<EvaluationImporter>(db, o.upsert, op, clock, source);
  if (k == "catalog") return std::make_unique<CatalogStepsImporter>(db, o.upsert);
  if (k == "calendar") {
    if (!o.year) throw InvalidInput("a calendar import needs --year YYYY (the year of the notice)");
    if (o.notice.empty()) throw InvalidInput("a calendar import needs --notice TEXT (the State Council notice)");
    return std::make_unique<CalendarImporter>(db, *o.year, o.notice);
  }
  throw errors::unknown("import kind", k, import_kinds());
}

}  // namespace

const std::vector<std::string>& import_kinds() {
  static const std::vector<std::string> kinds = {"district", "streets", "communities", "bureaus",
                                                 "staff",    "grids",   "households",  "residents",
                                                 "calendar", "catalog", "cases",       "evaluations"};
  return kinds;
}

ImportReport import_csv(SQLite::Database& db, const Clock& clock, const Operator& op, CsvStream& csv,
                        const ImportOptions& options, const ProblemSink& problems, const ProgressSink& progress) {
  if (!op.has_role("admin")) {
    throw PermissionDenied(
        fmt::format("{} may not import: that is for the district admin", errors::quote(op.staff_no)));
  }
  auto importer = make_importer(db, clock, op, options, csv.source());
  const auto columns = importer->columns();

  std::vector<std::string> header;
  if (!csv.next(header)) throw InvalidInput(fmt::format("{}: the file is empty (expected a header row)", csv.source()));
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
      std::string message =
          fmt::format("{}:{}:{}: unknown column {}", csv.source(), csv.line(), i + 1, errors::quote(h));
      if (auto guess = closest_match(h, names); !guess.empty())
        message += fmt::format(" (did you mean {}?)", errors::quote(guess));
      throw InvalidInput(message + "; --ignore-columns skips unknown columns");
    }
    if (index.count(match->name)) {
      throw InvalidInput(fmt::format("{}:{}:{}: column {} appears twice", csv.source(), csv.line(), i + 1,
                                     errors::quote(match->name)));
    }
    index[match->name] = i;
  }
  for (const auto& c : columns) {
    if (c.required && !index.count(c.name)) {
      throw InvalidInput(fmt::format("{}:{}: missing column {}{}", csv.source(), std::max<std::size_t>(csv.line(), 1),
                                     errors::quote(c.name),
                                     c.aliases.empty() ? "" : fmt::format(" ({})", c.aliases.front())));
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
    const Row row(fields, positions);
    if (fields.size() != header.size()) {
      row_problems.add(fields.size() < header.size() ? names.front() : "",
                       fmt::format("{} fields, but the header has {}", fields.size(), header.size()));
    } else {
      // Imported text is stored and later printed: no control characters (a tab or
      // a line break inside a quoted cell is fine).
      for (const auto& [name, position] : positions) {
        if (position >= fields.size()) continue;
        if (const auto problem = free_text_problem(fields[position]); !problem.empty()) {
          row_problems.add(name, problem + "; text must be UTF-8 without control characters");
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
