// sqgl household CODE: a household as household benefits see it — its members,
// who lives together and earns what, its housing and assets, the standards in
// force against them, and its cases. --standards lists the thresholds themselves.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "core/base/citizen_id.h"
#include "core/base/i18n.h"
#include "core/model/catalog.h"
#include "core/model/household.h"
#include "core/model/standards.h"

namespace sqgl::cli {

namespace {

struct HouseholdOptions {
  std::string code;
  bool standards = false;
};

// Every standard kind, for a household's view.
const std::vector<core::StandardKind> kAllStandards = {core::StandardKind::dibao, core::StandardKind::low_income,
                                                       core::StandardKind::housing_area};

std::string flags_text(core::FlagBits bits) {
  std::string out;
  for (std::size_t i = 0; i < core::kResidentFlags.size(); ++i) {
    if ((bits >> i) & 1) out += (out.empty() ? "" : ", ") + core::resident_flag_label(core::kResidentFlags[i]);
  }
  return out;
}

nlohmann::json standard_view(const core::Standard& s) {
  return {{"kind", s.kind},
          {"district", or_null(s.district)},
          {"year", s.year},
          {"threshold", s.value},
          {"assumed", s.assumed},
          {"source", or_null(s.source)}};
}

void run_standards(Context& ctx) {
  const auto standards = core::list_standards(ctx.read_db());
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : standards) list.push_back(standard_view(s));
    print_json(ctx.out, {{"standards", list}, {"standard_count", standards.size()}});
    return;
  }
  Table table({false, false, false, true, false, false});
  table.add({_("standard"), _("district"), _("from"), _("value"), _("unit"), _("source")});
  for (const auto& s : standards) {
    table.add({core::label(s.kind), s.district.empty() ? _("every district") : s.district, core::year_text(s),
               core::amount_text(s.value), core::standard_unit(s.kind), s.source});
  }
  table.print(ctx.out);
}

void run_household(Context& ctx, const HouseholdOptions& opt) {
  if (opt.standards) {
    if (!opt.code.empty()) throw core::InvalidInput(_("--standards takes no household code"));
    run_standards(ctx);
    return;
  }
  if (opt.code.empty()) throw core::InvalidInput(_("household needs a household code (or --standards)"));
  auto& db = ctx.read_db();
  const auto h = core::get_household(db, opt.code);
  const core::Date today = ctx.clock.today();
  const auto test = core::means_test(db, h, kAllStandards, today);
  const auto cases = core::household_cases(db, h.id);
  if (ctx.json()) {
    nlohmann::json members = nlohmann::json::array();
    for (const auto& m : h.members) {
      std::vector<std::string> flags;
      for (std::size_t i = 0; i < core::kResidentFlags.size(); ++i) {
        if ((m.flags >> i) & 1) flags.push_back(core::kResidentFlags[i]);
      }
      members.push_back({{"citizen_id", core::mask_citizen_id(m.citizen_id)},
                         {"name", m.name},
                         {"relation", or_null(m.relation)},
                         {"sex", std::string(1, m.sex)},
                         {"birth_date", m.birth_date},
                         {"age", m.age_on(today)},
                         {"living_together", m.living_together},
                         {"monthly_income", m.monthly_income ? nlohmann::json(*m.monthly_income) : nullptr},
                         {"hukou", m.hukou ? nlohmann::json(*m.hukou) : nullptr},
                         {"flags", flags}});
    }
    nlohmann::json case_list = nlohmann::json::array();
    for (const auto& c : cases) {
      case_list.push_back({{"number", c.number},
                           {"item", c.item},
                           {"item_name", c.item_name},
                           {"applicant_name", c.applicant_name},
                           {"status", c.status},
                           {"accepted_at", c.accepted_at},
                           {"decided_at", or_null(c.decided_at)}});
    }
    print_json(ctx.out, {{"code", h.code},
                         {"address", h.address},
                         {"community", h.community_code},
                         {"community_name", h.community_name},
                         {"grid", or_null(h.grid)},
                         {"grid_worker", or_null(h.grid_worker)},
                         {"housing", h.housing ? nlohmann::json(*h.housing) : nullptr},
                         {"living_area", h.living_area ? nlohmann::json(*h.living_area) : nullptr},
                         {"assets", h.assets},
                         {"members", members},
                         {"member_count", h.members.size()},
                         {"means_test", core::means_test_json(test)},
                         {"cases", case_list},
                         {"case_count", cases.size()}});
    return;
  }
  ctx.page();
  auto& out = ctx.out;
  Table facts;
  facts.add({_("household"), fmt::format("{} {}", h.code, h.address)});
  facts.add({_("community"), fmt::format("{} {}", h.community_code, h.community_name)});
  facts.add({_("grid"), h.grid.empty() ? "-" : core::tr("{} (worker {})", h.grid, h.grid_worker)});
  std::string housing = h.housing ? core::label(*h.housing) : _("not on record");
  if (h.living_area) housing += core::tr(", {} m²", core::amount_text(*h.living_area));
  facts.add({_("housing"), housing});
  std::string assets;
  for (const auto& a : h.assets) assets += (assets.empty() ? "" : ", ") + core::asset_label(a);
  facts.add({_("assets"), assets.empty() ? "-" : assets});
  facts.print(out);

  out << '\n'
      << core::tr_n("members ({} living together):", "members ({} living together):",
                    static_cast<unsigned long>(h.living_together()), h.living_together())
      << '\n';
  Table members({false, false, false, false, true, true, false, false, false});
  for (const auto& m : h.members) {
    members.add({m.relation.empty() ? "-" : m.relation, m.name, core::mask_citizen_id(m.citizen_id),
                 m.sex == 'M' ? _("male 男") : _("female 女"), std::to_string(m.age_on(today)),
                 m.monthly_income ? core::tr("{} yuan", *m.monthly_income) : _("income not on record"),
                 m.living_together ? "" : _("lives elsewhere"), m.hukou ? core::label(*m.hukou) : "",
                 flags_text(m.flags)});
  }
  members.print(out, "  ");

  out << '\n' << _("against the standards in force:") << '\n';
  Table standards;
  for (const auto& check : test.checks) {
    standards.add({check.passes() ? _("under") : _("not under"), core::describe_check(check)});
  }
  for (const auto kind : test.missing) standards.add({"-", core::tr("no {} is set up", core::label(kind))});
  standards.print(out, "  ");

  out << '\n' << _("household benefit cases:") << '\n';
  if (cases.empty()) out << "  -\n";
  Table list;
  for (const auto& c : cases) {
    list.add({c.number, c.item, c.item_name, c.applicant_name, core::label(c.status),
              c.decided_at.empty() ? c.accepted_at.substr(0, 10) : c.decided_at.substr(0, 10)});
  }
  list.print(out, "  ");
}

}  // namespace

RunFn setup_household(CLI::App& app) {
  auto opt = std::make_shared<HouseholdOptions>();
  auto* sub = app.add_subcommand(
      "household", _("Show a household: members, income, housing, the standards in force, its benefit cases"));
  sub->add_option("code", opt->code, _("The household code (户号)"));
  sub->add_flag("--standards", opt->standards,
                _("List the standards household benefits are tested against (低保 standard, low-income line, "
                  "housing-difficulty area), by year and district"));
  sub->footer(_("IDs are shown masked.\nExamples:\n  sqgl household 150204001001-0026\n  sqgl household --standards"));
  return [opt](Context& ctx) { run_household(ctx, *opt); };
}

}  // namespace sqgl::cli
