// sqgl district | staff | resident: the community model, read-only.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "core/base/citizen_id.h"
#include "core/base/i18n.h"
#include "core/model/catalog.h"
#include "core/model/district.h"
#include "core/model/staff.h"

namespace sqgl::cli {

namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
  return out;
}

// A staff member's role codes as a person reads them.
std::string role_labels(const std::vector<std::string>& roles) {
  std::string out;
  for (const auto& code : roles) {
    const auto role = core::parse<core::Role>(code);
    out += (out.empty() ? "" : ",") + (role ? std::string(core::label(*role)) : code);
  }
  return out;
}

std::string mask_phone(const std::string& phone) {
  if (phone.size() < 8) return phone.empty() ? "" : std::string(phone.size(), '*');
  return phone.substr(0, 3) + std::string(phone.size() - 7, '*') + phone.substr(phone.size() - 4);
}

void run_district(Context& ctx) {
  const auto d = core::summarize_district(ctx.read_db());
  if (ctx.json()) {
    nlohmann::json streets = nlohmann::json::array();
    std::size_t community_count = 0;
    for (const auto& s : d.streets) {
      nlohmann::json communities = nlohmann::json::array();
      for (const auto& c : s.communities) {
        communities.push_back({{"code", c.code},
                               {"name", c.name_zh},
                               {"household_count", c.households},
                               {"resident_count", c.residents},
                               {"grid_count", c.grids},
                               {"station_worker_count", c.station_workers},
                               {"committee_leader_count", c.committee_leaders}});
      }
      community_count += s.communities.size();
      streets.push_back({{"code", s.code},
                         {"name", s.name_zh},
                         {"reviewer_count", s.reviewers},
                         {"community_count", s.communities.size()},
                         {"communities", communities}});
    }
    nlohmann::json bureaus = nlohmann::json::array();
    for (const auto& b : d.bureaus) {
      bureaus.push_back({{"code", b.code}, {"kind", b.kind}, {"name", b.name_zh}, {"staff_count", b.staff}});
    }
    print_json(ctx.out, {{"code", or_null(d.code)},
                         {"name", or_null(d.name_zh)},
                         {"street_count", d.streets.size()},
                         {"community_count", community_count},
                         {"household_count", d.households},
                         {"resident_count", d.residents},
                         {"staff_count", d.staff},
                         {"streets", streets},
                         {"bureaus", bureaus}});
    return;
  }
  if (d.code.empty()) {
    ctx.out << _("no district yet: import one, or try 'sqgl --db demo.db init --demo'") << '\n';
    return;
  }
  std::size_t communities = 0;
  for (const auto& s : d.streets) communities += s.communities.size();
  ctx.out << core::tr("{} {}: {} street offices, {} communities, {} households, {} residents, {} staff", d.code,
                      d.name_zh, d.streets.size(), communities, thousands(d.households), thousands(d.residents),
                      d.staff)
          << '\n';
  for (const auto& s : d.streets) {
    ctx.out << '\n' << core::tr("{} {} ({} reviewers)", s.code, s.name_zh, s.reviewers) << '\n';
    Table table({false, false, true, true, true, true, true});
    table.add({_("community"), "", _("households"), _("residents"), _("grids"), _("workers"), _("leaders")});
    for (const auto& c : s.communities) {
      table.add({c.code, c.name_zh, thousands(c.households), thousands(c.residents), std::to_string(c.grids),
                 std::to_string(c.station_workers), std::to_string(c.committee_leaders)});
    }
    table.print(ctx.out, "  ");
  }
  ctx.out << '\n' << _("District bureaus and other units that chains name (active staff):") << '\n';
  Table bureaus({false, false, true});
  for (const auto& b : d.bureaus) bureaus.add({b.code, b.name_zh, std::to_string(b.staff)});
  bureaus.print(ctx.out, "  ");
}

struct StaffOptions {
  core::StaffFilter filter;
};

void run_staff(Context& ctx, const StaffOptions& opt) {
  const auto staff = core::list_staff(ctx.read_db(), opt.filter);
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& m : staff) {
      list.push_back({{"staff_no", m.staff_no},
                      {"name", m.name},
                      {"unit", m.unit_code},
                      {"unit_name", m.unit_name},
                      {"unit_kind", m.unit_kind},
                      {"roles", m.roles},
                      {"grid", or_null(m.grid)},
                      {"active", m.active}});
    }
    print_json(ctx.out, {{"staff_count", staff.size()}, {"staff", list}});
    return;
  }
  Table table;
  table.add({C_("staff table", "staff"), _("name"), _("unit"), "", _("roles"), _("grid")});
  for (const auto& m : staff) {
    table.add({m.staff_no, m.active ? m.name : core::tr("{} (inactive)", m.name), m.unit_code, m.unit_name,
               role_labels(m.roles), m.grid});
  }
  table.print(ctx.out);
}

struct ResidentOptions {
  std::string citizen_id;
};

void run_resident(Context& ctx, const ResidentOptions& opt) {
  const auto r = core::get_resident(ctx.read_db(), opt.citizen_id);
  // Without --show-pii (a later, audited option) IDs and phones stay masked.
  const std::string id = core::mask_citizen_id(r.citizen_id);
  const std::string phone = mask_phone(r.phone);
  if (ctx.json()) {
    print_json(ctx.out, {{"citizen_id", id},
                         {"name", r.name},
                         {"sex", std::string(1, r.sex)},
                         {"birth_date", r.birth_date},
                         {"phone", or_null(phone)},
                         {"household", or_null(r.household)},
                         {"relation", or_null(r.relation)},
                         {"address", or_null(r.address)},
                         {"community", r.community_code},
                         {"community_name", r.community_name},
                         {"grid", or_null(r.grid)},
                         {"grid_worker", or_null(r.grid_worker)},
                         {"flags", r.flags},
                         {"death_date", or_null(r.died_on)},
                         {"departure_date", or_null(r.left_on)},
                         {"destination", or_null(r.left_to)}});
    return;
  }
  Table table;
  std::vector<std::string> flags;
  for (const auto& f : r.flags) flags.push_back(core::resident_flag_label(f));
  table.add({_("citizen ID"), id});
  table.add({_("name"), r.name});
  table.add({_("sex"), r.sex == 'M' ? _("male 男") : _("female 女")});
  table.add({_("born"), r.birth_date});
  table.add({_("phone"), phone.empty() ? "-" : phone});
  table.add({_("household"), fmt::format("{} ({}) {}", r.household, r.relation, r.address)});
  table.add({_("community"), fmt::format("{} {}", r.community_code, r.community_name)});
  table.add({_("grid"), r.grid.empty() ? "-" : core::tr("{} (worker {})", r.grid, r.grid_worker)});
  table.add({_("flags"), flags.empty() ? "-" : join(flags, ", ")});
  if (!r.died_on.empty()) table.add({_("died"), r.died_on});
  if (!r.left_on.empty()) table.add({_("left the district"), core::tr("{} (to {})", r.left_on, r.left_to)});
  table.print(ctx.out);
}

}  // namespace

RunFn setup_district(CLI::App& app) {
  auto* sub = app.add_subcommand("district", _("Show the district: street offices, communities, grids, bureaus"));
  sub->footer(_("Example:\n  sqgl district --json"));
  return [](Context& ctx) { run_district(ctx); };
}

RunFn setup_staff(CLI::App& app) {
  auto opt = std::make_shared<StaffOptions>();
  auto* sub = app.add_subcommand("staff", _("List staff with their units, roles and grids"));
  sub->add_option("--unit", opt->filter.unit,
                  _("Only this unit (a community code includes its station and committee)"))
      ->check(non_empty());
  sub->add_option("--role", opt->filter.role,
                  _("Only this role: worker, head, director, secretary, reviewer, approver, admin"))
      ->check(non_empty());
  sub->footer(_("Example:\n  sqgl staff --unit 150204001001 --role worker"));
  return [opt](Context& ctx) { run_staff(ctx, *opt); };
}

RunFn setup_resident(CLI::App& app) {
  auto opt = std::make_shared<ResidentOptions>();
  auto* sub = app.add_subcommand("resident", _("Show one resident: household, community, grid worker, flags"));
  sub->add_option("citizen_id", opt->citizen_id, _("The resident's 18-character citizen ID"))->required();
  sub->footer(_("IDs and phone numbers are shown masked.\nExample:\n  sqgl resident 150204198503121230"));
  return [opt](Context& ctx) { run_resident(ctx, *opt); };
}

}  // namespace sqgl::cli
