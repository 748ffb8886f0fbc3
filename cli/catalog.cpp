// sqgl catalog [ITEM]: the categories and items, or one item in full.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/views.h"
#include "core/base/i18n.h"
#include "core/model/catalog.h"

namespace sqgl::cli {

namespace {

struct CatalogOptions {
  std::string item;
  core::CatalogFilter filter;
};

// An item's type (service, benefit, confirmation) as a person reads it.
std::string item_type_label(const std::string& type) {
  if (type == "service") return C_("item type", "service");
  if (type == "benefit") return C_("item type", "benefit");
  if (type == "confirmation") return C_("item type", "confirmation");
  return type;
}

void print_chain(std::ostream& out, const char* title, const std::vector<core::ChainStep>& chain) {
  if (const int posted = core::chain_posting_days(chain); posted > 0) {
    out << core::tr("{} ({} levels, {} working days + {} calendar days of posting):", title,
                    core::chain_levels(chain), core::chain_working_days(chain), posted)
        << '\n';
  } else {
    out << core::tr("{} ({} levels, {} working days):", title, core::chain_levels(chain),
                    core::chain_working_days(chain))
        << '\n';
  }
  Table table({false, false, false, false, false, true});
  for (const auto& s : chain) {
    const char* level = core::label(s.level);
    std::string unit = s.unit.empty() ? std::string(level) : fmt::format("{} {}", level, s.unit);
    std::string kind = core::label(s.kind);
    if (!s.place.empty()) kind += " " + s.place;
    table.add({fmt::format("{}.", s.seq), s.name_zh, unit, core::label(s.role), kind, step_days(s)});
  }
  table.print(out, "  ");
}

void print_item(Context& ctx, const core::Item& item) {
  auto& out = ctx.out;
  auto windows = core::list_windows(ctx.read_db());
  // The catalogue's English names and notes are for English readers; a Chinese
  // reader has the official names (and --json has everything).
  const bool english = core::english_interface();
  out << fmt::format("{}  {}\n", item.code, item.name_zh);
  if (english) out << fmt::format("{}  {}\n", std::string(item.code.size(), ' '), item.name_en);
  Table facts;
  facts.add({_("category"), english ? fmt::format("{} {} {}", item.category, item.category_name_zh, item.category_name_en)
                                    : fmt::format("{} {}", item.category, item.category_name_zh)});
  facts.add({_("window"), fmt::format("{} ({})", window_label(windows, item.window), item.window)});
  facts.add({_("promise"), core::tr("{} working days, {}", item.promise_days, handling_label(item.handling))});
  facts.add({C_("item facts", "type"), item_type_label(item.item_type)});
  facts.add({_("trips"), core::tr("{} under the new model, {} under the old", item.trips_new, item.trips_old)});
  facts.add({_("eligibility"), eligibility_text(item)});
  if (english && !item.facts.empty()) facts.add({C_("item facts", "facts"), item.facts});
  if (english && !item.era.empty()) facts.add({_("since 2012"), item.era});
  if (english && !item.source.empty()) facts.add({C_("item facts", "source"), item.source});
  facts.print(out);
  out << '\n';
  print_chain(out, _("New model (新模式)"), item.new_chain);
  print_chain(out, _("Old model (旧模式)"), item.old_chain);
  out << _("Materials (申请材料):") << '\n';
  Table materials;
  for (const auto& m : item.materials) {
    materials.add({fmt::format("{}.", m.seq), m.name_zh,
                   m.required ? C_("material", "required") : C_("material", "if applicable")});
  }
  materials.print(out, "  ");
}

void run_catalog(Context& ctx, const CatalogOptions& opt) {
  auto& db = ctx.read_db();
  if (!opt.item.empty()) {
    auto item = core::get_item(db, opt.item);
    if (ctx.json()) {
      print_json(ctx.out, item_json(item));
    } else {
      ctx.page();
      print_item(ctx, item);
    }
    return;
  }
  auto categories = core::list_catalog(db, opt.filter);
  std::size_t items = 0;
  for (const auto& c : categories) items += c.items.size();
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : categories) {
      nlohmann::json entries = nlohmann::json::array();
      for (const auto& item : c.items) entries.push_back(item_json(item));
      list.push_back({{"code", c.code},
                      {"name", c.name_zh},
                      {"name_en", or_null(c.name_en)},
                      {"item_count", c.items.size()},
                      {"items", entries}});
    }
    print_json(ctx.out, {{"catalog_version", core::catalog_version(db)},
                         {"category_count", categories.size()},
                         {"item_count", items},
                         {"categories", list}});
    return;
  }
  auto windows = core::list_windows(db);
  ctx.page();
  ctx.out << core::tr("Catalog {}: {}, {}. Promise in working days; levels new (old).", core::catalog_version(db),
                      core::tr_n("{} category", "{} categories", categories.size(), categories.size()),
                      core::tr_n("{} item", "{} items", items, items))
          << '\n';
  for (const auto& c : categories) {
    if (c.items.empty()) continue;
    ctx.out << (core::english_interface() ? fmt::format("\n{} {} {}\n", c.code, c.name_zh, c.name_en)
                                          : fmt::format("\n{} {}\n", c.code, c.name_zh));
    Table table({false, false, false, true, false});
    for (const auto& item : c.items) {
      table.add({item.code, item.name_zh, window_label(windows, item.window), core::tr("{} wd", item.promise_days),
                 core::tr("{} ({}) levels", core::chain_levels(item.new_chain), core::chain_levels(item.old_chain))});
    }
    table.print(ctx.out, "  ");
  }
}

}  // namespace

RunFn setup_catalog(CLI::App& app) {
  auto opt = std::make_shared<CatalogOptions>();
  auto* sub = app.add_subcommand("catalog", _("List the service items, or show one in full with both chains"));
  sub->add_option("item", opt->item, _("An item code such as C05-01"));
  sub->add_option("--category", opt->filter.category, _("Only this category (C01 … C12)"))->check(non_empty());
  sub->add_option("--window", opt->filter.window, _("Only this window: intake, welfare, services, management, party"))
      ->check(non_empty());
  sub->footer(_("Examples:\n  sqgl catalog\n  sqgl catalog --category C02\n  sqgl catalog C05-01 --json"));
  return [opt](Context& ctx) { run_catalog(ctx, *opt); };
}

}  // namespace sqgl::cli
