// The register's changes and what reacts to them: residents through the
// DistrictWriter, a dead applicant's cases withdrawn through the case workflow,
// and the notices of the household's open cases, written here and nowhere else.
#include "core/model/register.h"

#include <algorithm>
#include <optional>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/citizen_id.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/base/text.h"
#include "core/model/cases/cases.h"
#include "core/model/district.h"
#include "core/model/history.h"

namespace sqgl::core {

namespace {

using nlohmann::json;

// A resident as the register commands need them, with their household.
struct RegisteredPerson {
  std::int64_t id = 0;
  std::string citizen_id, name, birth_date, relation, died_on, left_on;
  std::int64_t household_id = 0;
  std::string household;
};

// A household with where it is.
struct Home {
  std::int64_t id = 0;
  std::string code;
  std::int64_t community_id = 0;
  std::string community;  // its code
  std::string community_name;
  std::optional<std::int64_t> grid_id;
  std::string grid, worker, address;  // codes and the grid worker's staff number, "" when none
};

// An open case that a change touches.
struct OpenCase {
  std::int64_t id = 0;
  std::string number;
  std::int64_t resident_id = 0;
};

std::string named(const RegisteredPerson& p) {
  return fmt::format("{} ({})", errors::quote(mask_citizen_id(p.citizen_id)), p.name);
}

RegisteredPerson find_person(const SQLite::Database& db, std::string_view citizen_id, Date today) {
  const CitizenId id = parse_citizen_id(citizen_id, today);
  SQLite::Statement q(db,
                      "SELECT r.id, r.citizen_id, r.name, r.birth_date, r.relation, COALESCE(r.died_on, ''), "
                      "  COALESCE(r.left_on, ''), r.household_id, h.code "
                      "FROM residents r JOIN households h ON h.id = r.household_id WHERE r.citizen_id = ?");
  q.bind(1, id.number);
  if (!q.executeStep()) {
    throw NotFound(tr("no resident with citizen ID {}", errors::quote(mask_citizen_id(id.number))));
  }
  return {q.getColumn(0).getInt64(),  q.getColumn(1).getString(), q.getColumn(2).getString(),
          q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
          q.getColumn(6).getString(), q.getColumn(7).getInt64(),  q.getColumn(8).getString()};
}

std::optional<Home> find_home(const SQLite::Database& db, const std::string& code) {
  SQLite::Statement q(db,
                      "SELECT h.id, h.code, h.community_id, c.code, h.grid_id, COALESCE(g.code, ''), "
                      "  COALESCE(w.staff_no, ''), h.address, c.name_zh "
                      "FROM households h JOIN units c ON c.id = h.community_id LEFT JOIN grids g ON g.id = h.grid_id "
                      "LEFT JOIN staff w ON w.id = g.worker_id WHERE h.code = ?");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  Home h;
  h.id = q.getColumn(0).getInt64();
  h.code = q.getColumn(1).getString();
  h.community_id = q.getColumn(2).getInt64();
  h.community = q.getColumn(3).getString();
  h.grid = q.getColumn(5).getString();
  h.worker = q.getColumn(6).getString();
  h.address = q.getColumn(7).getString();
  h.community_name = q.getColumn(8).getString();
  if (!q.getColumn(4).isNull()) h.grid_id = q.getColumn(4).getInt64();
  return h;
}

Home require_home(const SQLite::Database& db, const std::string& code) {
  if (auto h = find_home(db, code)) return *h;
  throw NotFound(tr("no household {}", errors::quote(code)));
}

// At the window, a change is recorded by a worker of the station of the community
// it belongs to; the registry's file comes through the admin's import.
void require_station(const Operator& op, const Home& home, RegisterSource source, const char* action) {
  if (source == RegisterSource::registry) return;
  if (op.unit_kind != "station" || !op.has_role(Role::worker)) {
    throw PermissionDenied([&] {
      return tr("{} ({}) may not {}: that is for the station of the community", errors::quote(op.staff_no),
                op.unit_name, translate(action));
    });
  }
  if (op.community_id != home.community_id) {
    throw PermissionDenied([&] {
      return tr("{} ({}) may not {} in community {}", errors::quote(op.staff_no), op.unit_name, translate(action),
                home.community);
    });
  }
}

void require_living(const RegisteredPerson& p) {
  if (!p.died_on.empty()) throw Conflict(tr("resident {} died on {}", named(p), p.died_on));
  if (!p.left_on.empty()) throw Conflict(tr("resident {} left the district on {}", named(p), p.left_on));
}

// The date of a change: not after today, and not before the person was born.
std::string change_date(const std::string& text, const char* option, Date today, const std::string& born = "") {
  const Date d = parse_date_or_throw(text, option);
  if (d > today) throw InvalidInput(tr("{} {} is after today ({})", option, text, format_date(today)));
  if (!born.empty() && format_date(d) < born) {
    throw InvalidInput(tr("{} {} is before the resident was born ({})", option, text, born));
  }
  return format_date(d);
}

std::vector<OpenCase> open_cases(const SQLite::Database& db, const char* sql, std::int64_t id) {
  SQLite::Statement q(db, sql);
  q.bind(1, id);
  std::vector<OpenCase> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64()});
  return out;
}


constexpr const char* kOwnCases =
    "SELECT id, number, resident_id FROM cases WHERE resident_id = ? AND status IN ('open', 'returned') "
    "ORDER BY number";
// The household's benefits: the cases that belong to the household (低保, 廉租房 …).
constexpr const char* kHouseholdCases =
    "SELECT id, number, resident_id FROM cases WHERE household_id = ? AND status IN ('open', 'returned') "
    "ORDER BY number";

// The household's benefits and the residents' own open cases, each once, by number:
// what a departure or a move of those residents touches.
std::vector<OpenCase> household_and_own_cases(const SQLite::Database& db, std::int64_t household,
                                              const std::vector<std::int64_t>& residents) {
  auto out = open_cases(db, kHouseholdCases, household);
  for (const auto id : residents) {
    for (auto& c : open_cases(db, kOwnCases, id)) {
      if (std::none_of(out.begin(), out.end(), [&](const OpenCase& o) { return o.id == c.id; })) {
        out.push_back(std::move(c));
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const OpenCase& a, const OpenCase& b) { return a.number < b.number; });
  return out;
}

std::vector<std::int64_t> living_members(const SQLite::Database& db, std::int64_t household) {
  SQLite::Statement q(db,
                      "SELECT id FROM residents WHERE household_id = ? AND died_on IS NULL AND left_on IS NULL "
                      "ORDER BY id");
  q.bind(1, household);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

json numbers(const std::vector<OpenCase>& cases) {
  json out = json::array();
  for (const auto& c : cases) out.push_back(c.number);
  return out;
}

std::vector<std::string> number_list(const std::vector<OpenCase>& cases) {
  std::vector<std::string> out;
  for (const auto& c : cases) out.push_back(c.number);
  return out;
}

json null_if_empty(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

// The one writer of case_notices: each notice with its case.notice event.
class NoticeWriter {
 public:
  NoticeWriter(SQLite::Database& db, const Clock& clock, const Operator& op)
      : db_(db),
        clock_(clock),
        op_(op),
        insert_(db,
                "INSERT INTO case_notices (case_id, at, kind, resident_id, on_date, detail) "
                "VALUES (?, ?, ?, ?, ?, ?)") {}
  void add(const OpenCase& c, const char* kind, std::int64_t resident, const std::string& on,
           const std::string& detail) {
    insert_.reset();
    SQLite::bind(insert_, c.id, format_datetime(clock_.now()), kind, resident, on, detail);
    insert_.exec();
    json d{{"kind", kind}, {"resident", resident}, {"on", on}};
    if (!detail.empty()) d["detail"] = detail;
    append_event(db_, clock_, {"case.notice", c.number, d.dump(), op_.staff_no});
  }

 private:
  SQLite::Database& db_;
  const Clock& clock_;
  const Operator& op_;
  SQLite::Statement insert_;
};

void append_change(SQLite::Database& db, const Clock& clock, const Operator& op, const char* kind,
                   const std::string& subject, const json& detail) {
  append_event(db, clock, {kind, subject, detail.dump(), op.staff_no});
}

// Where a household goes or is made: a grid names its community; a community alone
// leaves it in no grid. Community 0 when neither is given.
struct Destination {
  std::optional<std::int64_t> grid;
  std::int64_t community = 0;
  std::string community_code;
};

Destination destination(const SQLite::Database& db, const std::string& to_grid, const std::string& to_community) {
  Destination d;
  if (!to_grid.empty()) {
    SQLite::Statement g(db,
                        "SELECT g.id, g.community_id, c.code FROM grids g JOIN units c ON c.id = g.community_id "
                        "WHERE g.code = ?");
    g.bind(1, to_grid);
    if (!g.executeStep()) throw NotFound(tr("no grid {}", errors::quote(to_grid)));
    d.grid = g.getColumn(0).getInt64();
    d.community = g.getColumn(1).getInt64();
    d.community_code = g.getColumn(2).getString();
    if (!to_community.empty() && to_community != d.community_code) {
      throw InvalidInput(tr("grid {} is in community {}, not {}", to_grid, d.community_code, to_community));
    }
  } else if (!to_community.empty()) {
    require_unit(db, to_community, "community", N_("community"));
    SQLite::Statement c(db, "SELECT id FROM units WHERE code = ? AND kind = 'community'");
    c.bind(1, to_community);
    c.executeStep();
    d.community = c.getColumn(0).getInt64();
    d.community_code = to_community;
  }
  return d;
}

}  // namespace

RegisterResult record_death(SQLite::Database& db, const Clock& clock, const Operator& op, const DeathRequest& request,
                            RegisterSource source) {
  check_free_text("--note", request.note);
  const Date today = clock.today();
  const RegisteredPerson p = find_person(db, request.citizen_id, today);
  const Home home = require_home(db, p.household);
  require_station(op, home, source, N_("record a death"));
  require_living(p);
  const std::string date = change_date(request.date, "--date", today, p.birth_date);

  const auto own = open_cases(db, kOwnCases, p.id);
  auto household = open_cases(db, kHouseholdCases, p.household_id);
  std::erase_if(household, [&](const OpenCase& c) { return c.resident_id == p.id; });

  DistrictWriter(db).record_death(p.id, date);
  append_change(db, clock, op, "register.death", home.code,
                {{"resident", p.id},
                 {"died_on", date},
                 {"note", null_if_empty(request.note)},
                 {"withdrawn", numbers(own)},
                 {"flagged", numbers(household)}});
  // The record of a case is English, whoever reads it later (as refusals are).
  const std::string reason = fmt::format("applicant died on {}", date);
  for (const auto& c : own) withdraw_case_for_register(db, clock, op, c.number, reason, "death", date);
  NoticeWriter notices(db, clock, op);
  for (const auto& c : household) notices.add(c, "death", p.id, date, "");
  return {home.code, home.community, home.community_name, date, 1, number_list(own), number_list(household), {}, {},
          {}};
}

RegisterResult record_restore(SQLite::Database& db, const Clock& clock, const Operator& op,
                              const RestoreRequest& request, RegisterSource source) {
  if (request.reason.empty()) throw InvalidInput(_("say why the record was wrong: --note TEXT"));
  check_free_text("--note", request.reason);
  const RegisteredPerson p = find_person(db, request.citizen_id, clock.today());
  const Home home = require_home(db, p.household);
  require_station(op, home, source, N_("restore a resident"));
  if (p.died_on.empty() && p.left_on.empty()) {
    throw Conflict(tr("resident {} is in the register: neither a death nor a departure is recorded", named(p)));
  }
  const bool death = !p.died_on.empty();
  RegisterResult result{
      home.code, home.community, home.community_name, death ? p.died_on : p.left_on, 1, {}, {}, {}, {}, {}};
  result.undone = death ? "death" : "departure";
  json detail{{"resident", p.id}, {"undone", result.undone}, {"on", result.date}, {"reason", request.reason}};
  if (death) {
    // The cases its recording withdrew: in the last register.death event of the resident.
    SQLite::Statement q(db,
                        "SELECT detail FROM events WHERE kind = 'register.death' "
                        "AND json_extract(detail, '$.resident') = ? ORDER BY id DESC LIMIT 1");
    q.bind(1, p.id);
    if (q.executeStep()) {
      const json recorded = json::parse(q.getColumn(0).getString(), nullptr, false);
      if (recorded.is_object() && recorded.contains("withdrawn") && recorded["withdrawn"].is_array()) {
        for (const auto& number : recorded["withdrawn"]) {
          if (number.is_string()) result.still_withdrawn.push_back(number.get<std::string>());
        }
      }
    }
  }
  DistrictWriter(db).restore_resident(p.id);
  append_change(db, clock, op, "register.restore", home.code, detail);
  return result;
}

RegisterResult record_leave(SQLite::Database& db, const Clock& clock, const Operator& op, const LeaveRequest& request,
                            RegisterSource source) {
  if (request.citizen_id.empty() == request.household.empty()) {
    throw InvalidInput(_("name who left: a resident (--resident ID) or a whole household (--household CODE)"));
  }
  if (request.to.empty()) throw InvalidInput(_("say where to: --to TEXT (as the registry gives it)"));
  check_free_text("--to", request.to);
  const Date today = clock.today();
  std::vector<std::int64_t> leaving;
  std::optional<RegisteredPerson> person;
  Home home;
  if (!request.citizen_id.empty()) {
    person = find_person(db, request.citizen_id, today);
    home = require_home(db, person->household);
    require_station(op, home, source, N_("record a departure"));
    require_living(*person);
    leaving.push_back(person->id);
  } else {
    home = require_home(db, request.household);
    require_station(op, home, source, N_("record a departure"));
    leaving = living_members(db, home.id);
    if (leaving.empty()) throw Conflict(tr("nobody lives in household {} any more", errors::quote(home.code)));
  }
  const std::string date = change_date(request.date, "--date", today, person ? person->birth_date : "");

  const auto affected = household_and_own_cases(db, home.id, leaving);
  DistrictWriter writer(db);
  for (const auto id : leaving) writer.record_departure(id, date, request.to);
  append_change(db, clock, op, "register.leave", home.code,
                {{"residents", leaving}, {"left_on", date}, {"to", request.to}, {"flagged", numbers(affected)}});
  NoticeWriter notices(db, clock, op);
  for (const auto& c : affected) {
    // The applicant when they left themselves, else who left their household.
    const bool applicant_left = std::find(leaving.begin(), leaving.end(), c.resident_id) != leaving.end();
    notices.add(c, "left_district", applicant_left ? c.resident_id : leaving.front(), date, request.to);
  }
  return {home.code,
          home.community,
          home.community_name,
          date,
          static_cast<std::int64_t>(leaving.size()),
          {},
          number_list(affected),
          {},
          {},
          {}};
}

RegisterResult record_birth(SQLite::Database& db, const Clock& clock, const Operator& op, const BirthRequest& request,
                            RegisterSource source) {
  const Date today = clock.today();
  const CitizenId id = parse_citizen_id(request.citizen_id, today);
  if (request.name.empty()) throw InvalidInput(_("a birth needs the child's name: --name NAME"));
  check_free_text("--name", request.name);
  check_free_text("--relation", request.relation);
  if (request.household.empty()) throw InvalidInput(_("a birth needs the household: --household CODE"));
  const Home home = require_home(db, request.household);
  require_station(op, home, source, N_("register a birth"));
  if (request.sex != 0 && request.sex != id.sex) {
    throw InvalidInput(
        tr("sex {} disagrees with the citizen ID, which says {}", std::string(1, request.sex), std::string(1, id.sex)));
  }
  const std::string born = format_date(id.birth_date);
  if (!request.date.empty() && change_date(request.date, "--date", today) != born) {
    throw InvalidInput(tr("--date {} disagrees with the citizen ID, which says {}", request.date, born));
  }
  // A newborn earns nothing: the household's income per member counts them at 0.
  const ResidentRow row{id.number, request.name, id.sex, born, home.id, request.relation, "", 0, 0, true,
                        std::nullopt};
  const auto added = DistrictWriter(db).add_resident(row);
  if (!added) {
    throw Conflict(tr("citizen ID {} is in the register already", errors::quote(mask_citizen_id(id.number))));
  }
  append_change(db, clock, op, "register.birth", home.code,
                {{"resident", *added}, {"born", born}, {"relation", request.relation}});
  return {home.code, home.community, home.community_name, born, 1, {}, {}, {}, {}, {}};
}

RegisterResult record_arrival(SQLite::Database& db, const Clock& clock, const Operator& op,
                              const ArrivalRequest& request, RegisterSource source) {
  const Date today = clock.today();
  const CitizenId id = parse_citizen_id(request.citizen_id, today);
  check_free_text("--name", request.name);
  check_free_text("--relation", request.relation);
  check_free_text("--address", request.address);
  check_free_text("--from", request.from);
  if (request.household.empty()) throw InvalidInput(_("say which household they join: --household CODE"));
  if (request.from.empty()) throw InvalidInput(_("say where from: --from TEXT (as the registry gives it)"));
  if (request.sex != 0 && request.sex != id.sex) {
    throw InvalidInput(
        tr("sex {} disagrees with the citizen ID, which says {}", std::string(1, request.sex), std::string(1, id.sex)));
  }
  // Someone the register knows comes back only after a departure.
  std::optional<RegisteredPerson> known;
  SQLite::Statement q(db, "SELECT 1 FROM residents WHERE citizen_id = ?");
  q.bind(1, id.number);
  if (q.executeStep()) {
    known = find_person(db, id.number, today);
    if (!known->died_on.empty()) throw Conflict(tr("resident {} died on {}", named(*known), known->died_on));
    if (known->left_on.empty()) {
      throw Conflict(tr("resident {} lives in household {}; a move within the district is 'register move'",
                        named(*known), known->household));
    }
  } else if (request.name.empty()) {
    throw InvalidInput(_("a new resident needs a name: --name NAME"));
  }
  const std::string born = format_date(id.birth_date);
  const std::string date = request.date.empty() ? format_date(today) : change_date(request.date, "--date", today, born);
  if (known && date < known->left_on) {
    throw InvalidInput(tr("--date {} is before the resident left the district ({})", date, known->left_on));
  }

  const Destination where = destination(db, request.to_grid, request.to_community);
  DistrictWriter writer(db);
  std::optional<Home> home = find_home(db, request.household);
  std::string relation = request.relation;
  bool made = false;
  if (home) {
    if (where.community != 0 || !request.address.empty()) {
      throw InvalidInput(tr("household {} exists; --to-grid, --to-community and --address are for a new one",
                            errors::quote(home->code)));
    }
    if (relation.empty()) {
      throw InvalidInput(tr("say the resident's relation to the head of household {}: --relation", home->code));
    }
    require_station(op, *home, source, N_("record an arrival"));
  } else {
    if (where.community == 0 || request.address.empty()) {
      throw InvalidInput(tr("household {} is new: give its --to-grid (or --to-community) and --address",
                            errors::quote(request.household)));
    }
    Home fresh;
    fresh.community_id = where.community;
    fresh.community = where.community_code;
    require_station(op, fresh, source, N_("record an arrival"));
    writer.add_household(
        {request.household, where.community, where.grid, request.address, std::nullopt, std::nullopt, ""});
    home = require_home(db, request.household);
    if (relation.empty()) relation = "户主";
    made = true;
  }
  std::int64_t resident = 0;
  if (known) {
    // Back in the district: the departure stays in the history, the register forgets it.
    writer.restore_resident(known->id);
    writer.move_resident(known->id, home->id, relation);
    resident = known->id;
  } else {
    // What they earn is not on record until the register's facts are imported.
    const auto added = writer.add_resident(
        {id.number, request.name, id.sex, born, home->id, relation, "", 0, std::nullopt, true, std::nullopt});
    if (!added)
      throw Conflict(tr("citizen ID {} is in the register already", errors::quote(mask_citizen_id(id.number))));
    resident = *added;
  }
  json detail{{"resident", resident},
              {"arrived_on", date},
              {"from", request.from},
              {"relation", relation},
              {"returned", known.has_value()}};
  if (made) detail["new_household"] = {{"address", home->address}};
  append_change(db, clock, op, "register.arrive", home->code, detail);
  return {home->code, home->community, home->community_name, date, 1, {}, {}, {}, {}, {}};
}

RegisterResult record_move(SQLite::Database& db, const Clock& clock, const Operator& op, const MoveRequest& request,
                           RegisterSource source) {
  if (request.citizen_id.empty() == request.household.empty()) {
    throw InvalidInput(_("name who moves: a resident (--resident ID) or a whole household (--household CODE)"));
  }
  check_free_text("--address", request.address);
  check_free_text("--relation", request.relation);
  const Date today = clock.today();
  const Destination where = destination(db, request.to_grid, request.to_community);
  const std::optional<std::int64_t>& grid = where.grid;
  const std::int64_t community = where.community;
  const std::string& community_code = where.community_code;
  const std::string date = request.date.empty() ? format_date(today) : change_date(request.date, "--date", today);
  DistrictWriter writer(db);
  NoticeWriter notices(db, clock, op);
  auto place = [](const Home& h) {
    return json{{"community", h.community}, {"grid", null_if_empty(h.grid)}, {"worker", null_if_empty(h.worker)}};
  };

  if (!request.household.empty()) {
    // The whole household moves: its community, grid and address change together.
    const Home before = require_home(db, request.household);
    if (community == 0) {
      throw InvalidInput(_("say where the household moves: --to-grid GRID, or --to-community CODE"));
    }
    Home target = before;
    target.community_id = community;
    target.community = community_code;
    target.grid_id = grid;
    if (!request.address.empty()) target.address = request.address;
    require_station(op, target, source, N_("record a move"));
    if (target.community_id == before.community_id && target.grid_id == before.grid_id &&
        target.address == before.address) {
      throw InvalidInput(tr("household {} is there already", errors::quote(before.code)));
    }
    const auto members = living_members(db, before.id);
    const auto affected = household_and_own_cases(db, before.id, members);
    writer.relocate_household(before.id, target.community_id, target.grid_id, target.address);
    const Home after = require_home(db, before.code);
    append_change(db, clock, op, "register.move", before.code,
                  {{"residents", members},
                   {"moved_on", date},
                   {"before", place(before)},
                   {"after", place(after)},
                   {"address", {{"before", before.address}, {"after", after.address}}},
                   {"kept", numbers(affected)}});
    for (const auto& c : affected) notices.add(c, "moved", c.resident_id, date, after.community);
    return {after.code, after.community,       after.community_name,  date, static_cast<std::int64_t>(members.size()),
            {},         number_list(affected), number_list(affected), {},   {}};
  }

  // One resident moves to another household, made here when it is new.
  const RegisteredPerson p = find_person(db, request.citizen_id, today);
  require_living(p);
  if (request.to_household.empty()) {
    throw InvalidInput(_("say where the resident moves: --to-household CODE (a new one with --address)"));
  }
  const Home before = require_home(db, p.household);
  std::optional<Home> to = find_home(db, request.to_household);
  std::string relation = request.relation;
  bool made = false;
  if (to) {
    if (community != 0 || !request.address.empty()) {
      throw InvalidInput(tr("household {} exists; --to-grid, --to-community and --address are for a new one",
                            errors::quote(to->code)));
    }
    if (to->id == before.id) throw InvalidInput(tr("resident {} lives in household {} already", named(p), to->code));
    if (relation.empty()) {
      throw InvalidInput(tr("say the resident's relation to the head of household {}: --relation", to->code));
    }
    require_station(op, *to, source, N_("record a move"));
  } else {
    if (community == 0 || request.address.empty()) {
      throw InvalidInput(tr("household {} is new: give its --to-grid (or --to-community) and --address",
                            errors::quote(request.to_household)));
    }
    Home fresh;
    fresh.community_id = community;
    fresh.community = community_code;
    require_station(op, fresh, source, N_("record a move"));
    // What the new household lives in and owns is not on record until it is imported.
    writer.add_household({request.to_household, community, grid, request.address, std::nullopt, std::nullopt, ""});
    to = require_home(db, request.to_household);
    if (relation.empty()) relation = "户主";
    made = true;
  }
  const auto own = open_cases(db, kOwnCases, p.id);
  auto stayed = open_cases(db, kHouseholdCases, before.id);
  std::erase_if(stayed, [&](const OpenCase& c) { return c.resident_id == p.id; });
  writer.move_resident(p.id, to->id, relation);
  json detail{{"resident", p.id},
              {"moved_on", date},
              {"household", {{"before", before.code}, {"after", to->code}}},
              {"relation", {{"before", p.relation}, {"after", relation}}},
              {"before", place(before)},
              {"after", place(*to)},
              {"kept", numbers(own)},
              {"flagged", numbers(stayed)}};
  if (made) detail["new_household"] = {{"address", to->address}};
  append_change(db, clock, op, "register.move", to->code, detail);
  for (const auto& c : own) notices.add(c, "moved", p.id, date, to->community);
  for (const auto& c : stayed) notices.add(c, "moved", p.id, date, to->community);
  auto flagged = number_list(own);
  for (const auto& c : stayed) flagged.push_back(c.number);
  return {to->code, to->community, to->community_name, date, 1, {}, flagged, number_list(own), {}, {}};
}

}  // namespace sqgl::core
