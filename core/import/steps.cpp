// Importing catalog edits: the steps of an item's chains.
#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <tuple>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>

#include "core/db/row.h"
#include "core/import/importer.h"
#include "core/model/catalog.h"

namespace sqgl::core::imports {

namespace {

// Catalog edits, shaped like schema/catalog/steps.csv: the rows of an item and
// model replace that chain; the new chain's working days (its postings' calendar
// days not counted) become the item's promise.
// Cases already open keep the chain they were opened under.
class CatalogStepsImporter final : public Importer {
 public:
  CatalogStepsImporter(SQLite::Database& db, bool upsert) : db_(db), upsert_(upsert) {}
  std::vector<Column> columns() const override {
    return {{"item", {"事项编码"}, true}, {"model", {"模式"}, true},         {"seq", {"序号"}, true},
            {"level", {"层级"}, true},    {"unit", {"单位"}, false},         {"name_zh", {"环节名称", "名称"}, true},
            {"role", {"角色"}, true},     {"days", {"时限", "工作日"}, true},
            {"kind", {"环节类型"}, false},  {"place", {"公示地点"}, false}};
  }
  std::string key_column() const override { return "seq"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string item, unit;
    Model model = Model::reformed;
    StepLevel level = StepLevel::station;
    Role role = Role::worker;
    StepKind kind = StepKind::decision;
    int seq = 0, days = 0;
    p.check([&] {
      item = require(row, "item");
      SQLite::Statement q(db_, "SELECT 1 FROM items WHERE code = ?");
      q.bind(1, item);
      if (!q.executeStep()) throw FieldError("item", tr("unknown item {}", errors::quote(item)));
    });
    p.check([&] {
      const std::string& text = require(row, "model");
      const auto parsed = parse<Model>(text);
      if (!parsed) throw FieldError("model", tr("{} is not 'new' or 'old'", errors::quote(text)));
      model = *parsed;
    });
    p.check([&] { seq = whole_number("seq", require(row, "seq"), 1); });
    p.check([&] { days = whole_number("days", require(row, "days"), 0); });
    p.check([&] {
      const std::string& text = require(row, "level");
      const auto parsed = parse<StepLevel>(text);
      if (!parsed) {
        throw FieldError("level", tr("{} is not committee, station, street, bureau or other", errors::quote(text)));
      }
      level = *parsed;
      unit = row.get("unit");
      const bool named = level == StepLevel::bureau || level == StepLevel::other;
      if (named && unit.empty()) throw FieldError("unit", tr("a {} step names its unit", label(level)));
      if (!named && !unit.empty()) {
        throw FieldError("unit", tr("a {} step takes no unit: it is the case's own", label(level)));
      }
      if (named) {
        auto u = find_unit(db_, unit);
        if (!u || (u->kind != "bureau" && u->kind != "other")) {
          throw FieldError("unit", tr("unknown bureau or other unit {}", errors::quote(unit)));
        }
      }
    });
    p.check([&] {
      const std::string& text = require(row, "role");
      const auto parsed = parse<Role>(text);
      if (!parsed) throw FieldError("role", tr("unknown role {}", errors::quote(text)));
      role = *parsed;
    });
    p.check([&] {
      const std::string& text = row.get("kind");
      if (text.empty()) return;
      const auto parsed = parse<StepKind>(text);
      if (!parsed) {
        throw FieldError("kind", tr("{} is not decision, investigation, review or posting", errors::quote(text)));
      }
      kind = *parsed;
    });
    if (!p.list.empty()) return std::nullopt;
    if (const auto problem = chain_step_problem(kind, row.get("place"), days, seq); !problem.empty()) {
      p.add(kind == StepKind::posting && !row.get("place").empty() ? "days" : "place", problem);
      return std::nullopt;
    }
    const auto key = std::make_tuple(item, model, seq);
    if (auto [it, fresh] = lines_.emplace(key, line()); !fresh) {
      p.add("seq", tr("duplicate of line {}", it->second));
      return std::nullopt;
    }
    auto& old = chains_[{item, model}];
    if (!old.loaded) {
      // First row of this chain: remember it as it was, then replace it.
      SQLite::Statement q(db_,
                          "SELECT seq, level, COALESCE(unit, ''), name_zh, role, days, kind, place FROM item_steps "
                          "WHERE item = ? AND model = ?");
      SQLite::bind(q, item, std::string(text(model)));
      while (q.executeStep()) {
        core::Row step(q);
        const int step_seq = step.integer();
        old.steps[step_seq] = {step.text(), step.text(), step.text(),           step.text(),
                               std::to_string(step.integer()), step.text(), step.text()};
      }
      chains_writer_.clear_chain(item, model);
      old.loaded = true;
    }
    const std::array<std::string, 7> now = {std::string(text(level)), unit,
                                            row.get("name_zh"),           std::string(text(role)),
                                            std::to_string(days),         std::string(text(kind)),
                                            row.get("place")};
    auto before = old.steps.find(seq);
    Outcome outcome = Outcome::inserted;
    if (before != old.steps.end()) {
      outcome = before->second == now ? Outcome::unchanged : Outcome::updated;
      if (outcome == Outcome::updated && !upsert_) {
        p.add("seq", _("this step exists with other values; --mode upsert updates it"));
        return std::nullopt;
      }
    }
    chains_writer_.add_step({item, model, seq, level, unit, now[2], role, days, kind, now[6]});
    return outcome;
  }

  void finish(std::int64_t rejected) override {
    // With rows refused the import is rolled back anyway; a chain is judged whole.
    if (rejected > 0) return;
    for (const auto& [key, chain] : chains_) {
      const auto& [item, model] = key;
      SQLite::Statement q(db_, "SELECT seq, days, kind FROM item_steps WHERE item = ? AND model = ? ORDER BY seq");
      SQLite::bind(q, item, std::string(text(model)));
      int expected = 1, days = 0;
      while (q.executeStep()) {
        if (q.getColumn(0).getInt() != expected) {
          throw InvalidInput(
              tr("the {} chain of {} skips step {}: steps must run 1, 2, 3 …", label(model), item, expected));
        }
        // The promise is in working days: a posting's calendar days are outside it.
        if (stored<StepKind>(q.getColumn(2).getString()) != StepKind::posting) days += q.getColumn(1).getInt();
        ++expected;
      }
      if (model == Model::reformed) {
        if (days < 1) throw InvalidInput(tr("the new chain of {} adds up to no working day", item));
        chains_writer_.set_promise(item, days);
      }
    }
  }

 private:
  static int whole_number(const std::string& column, const std::string& text, int minimum) {
    int value = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < minimum) {
      throw FieldError(column, tr("{} is not a whole number of at least {}", errors::quote(text), minimum));
    }
    return value;
  }
  struct OldChain {
    bool loaded = false;
    std::map<int, std::array<std::string, 7>> steps;
  };

  SQLite::Database& db_;
  bool upsert_;
  std::map<std::tuple<std::string, Model, int>, std::size_t> lines_;
  std::map<std::pair<std::string, Model>, OldChain> chains_;
  ChainWriter chains_writer_{db_};
};

}  // namespace

std::unique_ptr<Importer> make_steps_importer(SQLite::Database& db, bool upsert) {
  return std::make_unique<CatalogStepsImporter>(db, upsert);
}

}  // namespace sqgl::core::imports
