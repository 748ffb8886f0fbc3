// sqgl register death | birth | arrive | move | leave | restore: one change in the register,
// recorded at the station window, with what it does to open cases.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/write.h"
#include "core/base/citizen_id.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/register.h"

namespace sqgl::cli {

namespace {

struct RegisterOptions {
  std::string action;
  std::string resident, household, date, note, to;
  std::string citizen_id, name, sex, relation;
  std::string to_household, to_grid, to_community, address, from;
};

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Options that belong to other actions are refused, not ignored.
void allow_only(const RegisterOptions& o, std::initializer_list<const char*> allowed) {
  const std::pair<const char*, const std::string*> given[] = {{"--resident", &o.resident},
                                                              {"--household", &o.household},
                                                              {"--date", &o.date},
                                                              {"--note", &o.note},
                                                              {"--to", &o.to},
                                                              {"--citizen-id", &o.citizen_id},
                                                              {"--name", &o.name},
                                                              {"--sex", &o.sex},
                                                              {"--relation", &o.relation},
                                                              {"--to-household", &o.to_household},
                                                              {"--to-grid", &o.to_grid},
                                                              {"--to-community", &o.to_community},
                                                              {"--address", &o.address},
                                                              {"--from", &o.from}};
  for (const auto& option : given) {
    const char* name = option.first;
    if (option.second->empty()) continue;
    if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return std::string_view(a) == name; }) ==
        allowed.end()) {
      throw core::InvalidInput(core::tr("{} is not an option of 'register {}'", name, o.action));
    }
  }
}

void require(const std::string& value, const char* option, const std::string& action) {
  if (value.empty()) throw core::InvalidInput(core::tr("'register {}' needs {}", action, option));
}

char sex_of(const std::string& text) {
  if (text.empty()) return 0;
  if (text == "M" || text == "m" || text == "男") return 'M';
  if (text == "F" || text == "f" || text == "女") return 'F';
  throw core::errors::invalid(N_("sex"), text, _("expected M or F (男/女)"));
}

core::RegisterResult change(Context& ctx, const RegisterOptions& o, const core::Operator& op, SQLite::Database& db) {
  const auto window = core::RegisterSource::window;
  if (o.action == "death") {
    allow_only(o, {"--resident", "--date", "--note"});
    require(o.resident, "--resident ID", o.action);
    require(o.date, "--date YYYY-MM-DD", o.action);
    return core::record_death(db, ctx.clock, op, {o.resident, o.date, o.note}, window);
  }
  if (o.action == "arrive") {
    allow_only(o, {"--citizen-id", "--name", "--sex", "--household", "--relation", "--to-grid", "--to-community",
                   "--address", "--from", "--date"});
    require(o.citizen_id, "--citizen-id ID", o.action);
    return core::record_arrival(db, ctx.clock, op,
                                {o.citizen_id, o.name, sex_of(o.sex), o.household, o.relation, o.to_grid,
                                 o.to_community, o.address, o.from, o.date},
                                window);
  }
  if (o.action == "restore") {
    allow_only(o, {"--resident", "--note"});
    require(o.resident, "--resident ID", o.action);
    return core::record_restore(db, ctx.clock, op, {o.resident, o.note}, window);
  }
  if (o.action == "leave") {
    allow_only(o, {"--resident", "--household", "--date", "--to"});
    require(o.date, "--date YYYY-MM-DD", o.action);
    return core::record_leave(db, ctx.clock, op, {o.resident, o.household, o.date, o.to}, window);
  }
  if (o.action == "birth") {
    allow_only(o, {"--citizen-id", "--name", "--sex", "--household", "--relation", "--date"});
    require(o.citizen_id, "--citizen-id ID", o.action);
    core::BirthRequest b;
    b.citizen_id = o.citizen_id;
    b.name = o.name;
    b.sex = sex_of(o.sex);
    b.household = o.household;
    if (!o.relation.empty()) b.relation = o.relation;
    b.date = o.date;
    return core::record_birth(db, ctx.clock, op, b, window);
  }
  allow_only(o, {"--resident", "--household", "--to-household", "--relation", "--to-grid", "--to-community",
                 "--address", "--date"});
  return core::record_move(
      db, ctx.clock, op,
      {o.resident, o.household, o.to_household, o.relation, o.to_grid, o.to_community, o.address, o.date}, window);
}

void run_register(Context& ctx, const RegisterOptions& o) {
  core::RegisterResult r;
  const std::string subject = !o.resident.empty()    ? core::mask_citizen_id(o.resident)
                              : !o.household.empty() ? o.household
                                                     : core::mask_citizen_id(o.citizen_id);
  run_write(ctx, "register " + o.action, subject,
            [&](auto& db, const auto& op, const auto&) { r = change(ctx, o, op, db); });
  if (ctx.json()) {
    print_json(ctx.out, {{"action", o.action},
                         {"household", r.household},
                         {"community", r.community},
                         {"community_name", r.community_name},
                         {"date", r.date},
                         {"resident_count", r.residents},
                         {"withdrawn_cases", r.withdrawn},
                         {"flagged_cases", r.flagged},
                         {"kept_cases", r.kept},
                         {"undone", r.undone.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.undone)},
                         {"still_withdrawn_cases", r.still_withdrawn}});
    return;
  }
  if (o.action == "death") {
    ctx.out << core::tr("death on {} recorded in household {}", r.date, r.household) << '\n';
  } else if (o.action == "leave") {
    ctx.out << core::tr_n("{} resident of household {} left the district on {}",
                          "{} residents of household {} left the district on {}",
                          static_cast<unsigned long>(r.residents), r.residents, r.household, r.date)
            << '\n';
  } else if (o.action == "birth") {
    ctx.out << core::tr("birth on {} registered in household {}", r.date, r.household) << '\n';
  } else if (o.action == "arrive") {
    ctx.out << core::tr("arrival on {} recorded: {} lives in household {} (community {})", r.date,
                        core::mask_citizen_id(o.citizen_id), r.household, r.community)
            << '\n';
  } else if (o.action == "restore") {
    ctx.out << (r.undone == "death" ? core::tr("the death recorded on {} is undone: {} lives in household {}", r.date,
                                               subject, r.household)
                                    : core::tr("the departure recorded on {} is undone: {} lives in household {}",
                                               r.date, subject, r.household))
            << '\n';
    if (!r.still_withdrawn.empty()) {
      ctx.out << core::tr("withdrawn when the death was recorded, and still withdrawn (apply again): {}",
                          joined(r.still_withdrawn))
              << '\n';
    }
  } else {
    ctx.out << core::tr("move on {} recorded: household {} in community {}", r.date, r.household, r.community) << '\n';
  }
  if (!r.withdrawn.empty()) ctx.out << core::tr("withdrawn: {}", joined(r.withdrawn)) << '\n';
  if (!r.kept.empty()) ctx.out << core::tr("stay with the community that accepted them: {}", joined(r.kept)) << '\n';
  if (!r.flagged.empty()) ctx.out << core::tr("flagged for review: {}", joined(r.flagged)) << '\n';
}

}  // namespace

RunFn setup_register(CLI::App& app) {
  auto opt = std::make_shared<RegisterOptions>();
  auto* sub = app.add_subcommand(
      "register", _("Record a change in the register: a death, a birth, a move, a departure from the district"));
  sub->add_option("action", opt->action,
                  _("death, birth, arrive, move, leave, or restore (a death or departure in error)"))
      ->required()
      ->check(CLI::IsMember({"death", "birth", "arrive", "move", "leave", "restore"}));
  sub->add_option("--resident", opt->resident, _("death, move, leave, restore: the resident's citizen ID"))
      ->check(non_empty());
  sub->add_option("--household", opt->household,
                  _("birth, arrive: the household joined (arrive: a new code makes it); move, leave: the whole "
                    "household (its code)"))
      ->check(non_empty());
  sub->add_option("--date", opt->date, _("When it happened (YYYY-MM-DD); for a birth, the birth date"))
      ->check(non_empty());
  sub->add_option("--note", opt->note,
                  _("death: a note (the certificate's number); restore: why the record was wrong (required)"));
  sub->add_option("--to", opt->to, _("leave: where to, as the registry gives it"))->check(non_empty());
  sub->add_option("--citizen-id", opt->citizen_id, _("birth, arrive: the citizen ID"))->check(non_empty());
  sub->add_option("--name", opt->name, _("birth, arrive: the name"))->check(non_empty());
  sub->add_option("--sex", opt->sex, _("birth, arrive: M or F (default: the citizen ID's)"))->check(non_empty());
  sub->add_option("--relation", opt->relation,
                  _("birth, arrive, move: the relation to the head of the household (birth: 子女 unless given; a new "
                    "household: 户主)"))
      ->check(non_empty());
  sub->add_option("--from", opt->from, _("arrive: where from, as the registry gives it"))->check(non_empty());
  sub->add_option("--to-household", opt->to_household,
                  _("move: the resident's new household; a new code makes it (with --to-grid and --address)"))
      ->check(non_empty());
  sub->add_option("--to-grid", opt->to_grid, _("move, arrive: the grid moved into (it names the community)"))
      ->check(non_empty());
  sub->add_option("--to-community", opt->to_community, _("move, arrive: the community moved into, for no grid"))
      ->check(non_empty());
  sub->add_option("--address", opt->address, _("move, arrive: a new household's address"))->check(non_empty());
  sub->footer(
      _("A station worker of the community records a change: where the resident is registered (death, birth,\n"
        "leave), or where they move to (move). A death withdraws the resident's open cases; the open cases of\n"
        "the household are flagged for review, as they are when it leaves the district. After a move, open\n"
        "cases stay with the community that accepted them; the household's grid worker changes with its grid.\n"
        "Someone moving into the district (or back) is recorded by the receiving station: 'register arrive'.\n"
        "A death or departure recorded in error is undone with 'register restore'; the cases it withdrew stay\n"
        "withdrawn.\n"
        "Batches from the registry: 'sqgl import deaths|births|arrivals|moves|departures FILE'.\n"
        "Examples:\n  sqgl --as ZZ0101 register death --resident 150204198503121230 --date 2012-05-03\n"
        "  sqgl --as ZZ0101 register birth --citizen-id 150204201205030015 --name 王小明 --household "
        "150204001001-0001\n"
        "  sqgl --as ZZ0201 register move --household 150204001001-0001 --to-grid 150204001002-01 --address "
        "'幸福路 8 号'\n"
        "  sqgl --as ZZ0101 register leave --household 150204001001-0001 --date 2012-06-01 --to '呼和浩特市'\n"
        "  sqgl --as ZZ0101 register arrive --citizen-id 150204198503121230 --name 王芳 --household "
        "150204001001-0001 --relation 配偶 --from '呼和浩特市新城区'\n"
        "  sqgl --as ZZ0101 register restore --resident 150204198503121230 --note '死亡登记有误，本人健在'"));
  return [opt](Context& ctx) { run_register(ctx, *opt); };
}

}  // namespace sqgl::cli
