#include "core/admin/check.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <future>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/citizen_id.h"
#include "core/base/cores.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/database.h"
#include "core/db/settings.h"
#include "core/model/catalog.h"
#include "core/model/history.h"
#include "core/model/staff.h"
#include "core/model/standards.h"
#include "core/model/household.h"

namespace sqgl::core {

namespace {

using nlohmann::json;

std::string text_of(const json& d, const char* key) {
  const auto it = d.find(key);
  if (it == d.end() || it->is_null()) return "";
  if (!it->is_string()) throw InvalidInput(tr("its {} is not text", key));
  return it->get<std::string>();
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }

// Collects findings, keeping the first `keep`.
class Findings {
 public:
  Findings(ReplayReport& report, std::size_t keep) : report_(report), keep_(keep) {}
  void add(std::string subject, std::string field, std::string history, std::string table) {
    ++report_.total_findings;
    if (report_.findings.size() < keep_) {
      report_.findings.push_back({std::move(subject), std::move(field), std::move(history), std::move(table)});
    }
  }

 private:
  ReplayReport& report_;
  std::size_t keep_;
};

// ---- cases -----------------------------------------------------------------------

void replay_cases(const SQLite::Database& db, ReplayReport& report, Findings& findings, CaseIds ids = {}) {
  // The events of the run's cases in case order, from one statement beside the
  // cases' own (SQLite looks each case's events up in events_subject as it goes).
  SQLite::Statement events(db,
                           "SELECT c.id, e.id, e.at, COALESCE(e.operator, ''), e.kind, e.detail FROM cases c "
                           "JOIN events e ON e.subject = c.number AND e.kind LIKE 'case.%' "
                           "WHERE c.id BETWEEN ?1 AND ?2 ORDER BY c.id, e.id");
  SQLite::bind(events, ids.first, ids.last);
  bool more = events.executeStep();
  struct Event {
    std::int64_t id;
    std::string at, op, kind, detail;
  };
  std::vector<Event> list;
  for_each_case_record(
      db,
      [&](std::int64_t case_id, const CaseRecord& table) {
        ++report.cases;
        auto subject = [&] { return fmt::format("case {}", errors::quote(table.number)); };
        list.clear();
        while (more && events.getColumn(0).getInt64() < case_id) more = events.executeStep();
        for (; more && events.getColumn(0).getInt64() == case_id; more = events.executeStep()) {
          list.push_back({events.getColumn(1).getInt64(), events.getColumn(2).getString(),
                          events.getColumn(3).getString(), events.getColumn(4).getString(),
                          events.getColumn(5).getString()});
        }
        // Replay starts at the newest genesis: a database upgraded to schema 6 vouches
        // for its cases as they stood (case.adopt), whatever came before.
        auto start =
            std::find_if(list.rbegin(), list.rend(), [](const Event& e) { return is_case_genesis(e.kind); });
        if (start == list.rend()) {
          findings.add(subject(), "", "nothing (no event created it)", "a case");
          return;
        }
        // A case created whole and not changed since: the text of its genesis is the
        // table's record as sqgl writes it, or the replay below names what differs.
        if (start == list.rbegin() && carries_record(start->kind, start->detail, table)) return;
        std::optional<CaseRecord> replayed;
        for (auto it = std::prev(start.base()); it != list.end(); ++it) {
          try {
            const json detail = json::parse(it->detail);
            apply_case_event(replayed, it->kind, it->at, it->op, detail);
          } catch (const std::exception& e) {
            findings.add(subject(), fmt::format("event {} ({})", it->id, it->kind), "cannot be replayed", e.what());
            return;
          }
        }
        if (replayed->number != table.number) {
          findings.add(subject(), "number", replayed->number, table.number);
        }
        for (auto& d : compare_case(*replayed, table)) findings.add(subject(), d.field, d.history, d.table);
      },
      ids);
}

// Cases the history created that the table no longer holds.
void replay_missing_cases(const SQLite::Database& db, ReplayReport&, Findings& findings) {
  std::string kinds;
  for (auto kind : kCaseGenesisKinds) kinds += fmt::format("{}'{}'", kinds.empty() ? "" : ", ", kind);
  SQLite::Statement missing(db, fmt::format("SELECT DISTINCT subject FROM events WHERE kind IN ({}) AND subject NOT IN "
                                            "(SELECT number FROM cases) ORDER BY subject",
                                            kinds));
  while (missing.executeStep()) {
    findings.add(fmt::format("case {}", errors::quote(missing.getColumn(0).getString())), "", "a case", "nothing");
  }
}

// ---- staff -------------------------------------------------------------------------

std::string joined(const std::vector<std::string>& roles) {
  std::string out;
  for (const auto& r : roles) out += (out.empty() ? "" : ",") + r;
  return out;
}

void replay_staff(const SQLite::Database& db, ReplayReport& report, Findings& findings) {
  std::map<std::string, StaffRecord> history;
  SQLite::Statement q(db,
                      "SELECT subject, detail FROM events WHERE kind IN ('staff.add', 'staff.change', 'staff.adopt') "
                      "ORDER BY id");
  while (q.executeStep()) {
    const json d = json::parse(q.getColumn(1).getString(), nullptr, false);
    if (d.is_discarded()) continue;
    history[q.getColumn(0).getString()] = staff_record_from_json(d);
  }
  const auto table = read_staff_records(db);
  auto text = [](const std::string& s) { return s.empty() ? std::string("none") : errors::quote(s); };
  for (const auto& [staff_no, t] : table) {
    ++report.staff;
    const std::string subject = fmt::format("staff {}", errors::quote(staff_no));
    const auto it = history.find(staff_no);
    if (it == history.end()) {
      findings.add(subject, "", "nothing (no event added them)", "a staff member");
      continue;
    }
    const StaffRecord& h = it->second;
    if (h.name != t.name) findings.add(subject, "name", text(h.name), text(t.name));
    if (h.unit != t.unit) findings.add(subject, "unit", text(h.unit), text(t.unit));
    if (h.roles != t.roles) findings.add(subject, "roles", text(joined(h.roles)), text(joined(t.roles)));
    if (h.login != t.login) findings.add(subject, "login", text(h.login), text(t.login));
    if (h.active != t.active) findings.add(subject, "active", yes_no(h.active), yes_no(t.active));
  }
  for (const auto& [staff_no, h] : history) {
    if (!table.count(staff_no)) findings.add(fmt::format("staff {}", errors::quote(staff_no)), "", "a staff member", "nothing");
  }
}

// ---- settings ------------------------------------------------------------------------

void replay_settings(const SQLite::Database& db, ReplayReport& report, Findings& findings) {
  std::map<std::string, std::string> history;
  SQLite::Statement q(db,
                      "SELECT subject, kind, detail FROM events WHERE kind IN ('setting.change', 'setting.adopt', "
                      "'catalog.load') ORDER BY id");
  while (q.executeStep()) {
    const std::string kind = q.getColumn(1).getString();
    // Loading the catalog records its version (the event's subject).
    if (kind == "catalog.load") {
      history["catalog_version"] = q.getColumn(0).getString();
      continue;
    }
    const json d = json::parse(q.getColumn(2).getString(), nullptr, false);
    if (d.is_discarded()) continue;
    history[q.getColumn(0).getString()] = text_of(d, kind == "setting.adopt" ? "value" : "to");
  }
  // history.head is kept by a trigger beside each event, and verified with the chain.
  const std::map<std::string, std::string> table = all_settings(db);
  std::set<std::string> keys;
  for (const auto& [k, v] : history) keys.insert(k);
  for (const auto& [k, v] : table) keys.insert(k);
  for (const auto& key : keys) {
    ++report.settings;
    const auto h = history.find(key);
    const auto v = table.find(key);
    const std::string said = h == history.end() ? "unset" : errors::quote(h->second);
    const std::string held = v == table.end() ? "unset" : errors::quote(v->second);
    if (said != held) findings.add(fmt::format("setting {}", errors::quote(key)), "", said, held);
  }
}

// ---- residents' flags -------------------------------------------------------------------

void replay_flags(const SQLite::Database& db, ReplayReport& report, Findings& findings) {
  std::unordered_map<std::int64_t, int> history;
  SQLite::Statement q(db,
                      "SELECT detail FROM events WHERE kind IN ('import.residents', 'demo.generate', "
                      "'residents.adopt') ORDER BY id");
  while (q.executeStep()) {
    const json d = json::parse(q.getColumn(0).getString(), nullptr, false);
    if (d.is_discarded() || !d.contains("flags") || !d["flags"].is_array()) continue;
    for (const auto& entry : d["flags"]) {
      if (entry.is_array() && entry.size() == 2 && entry[0].is_number_integer() && entry[1].is_number_integer()) {
        history[entry[0].get<std::int64_t>()] = entry[1].get<int>();
      }
    }
  }
  SQLite::Statement t(db,
                      "SELECT id, citizen_id, pregnant | (disabled << 1) | (low_income << 2) | (party_member << 3) | "
                      "(unemployed << 4) FROM residents ORDER BY id");
  while (t.executeStep()) {
    ++report.residents;
    const std::int64_t id = t.getColumn(0).getInt64();
    const int held = t.getColumn(2).getInt();
    const auto it = history.find(id);
    const int said = it == history.end() ? 0 : it->second;
    if (said == held) continue;
    for (std::size_t bit = 0; bit < kResidentFlags.size(); ++bit) {
      const bool a = (said >> bit) & 1, b = (held >> bit) & 1;
      if (a != b) {
        findings.add(fmt::format("resident {}", errors::quote(mask_citizen_id(t.getColumn(1).getString()))),
                     kResidentFlags[bit], yes_no(a), yes_no(b));
      }
    }
  }
}

// ---- the register's changes ----------------------------------------------------------------

// Deaths and departures from their register events, and the notices of open cases
// from their case.notice events: both written only with their events.
void replay_register(const SQLite::Database& db, ReplayReport&, Findings& findings) {
  struct Fate {
    std::string died_on, left_on, left_to;
    bool operator==(const Fate&) const = default;
  };
  std::map<std::int64_t, Fate> history;
  SQLite::Statement q(db,
                      "SELECT kind, detail FROM events "
                      "WHERE kind IN ('register.death', 'register.leave', 'register.restore', 'register.arrive') "
                      "ORDER BY id");
  while (q.executeStep()) {
    const json d = json::parse(q.getColumn(1).getString(), nullptr, false);
    if (d.is_discarded()) continue;
    const std::string kind = q.getColumn(0).getString();
    if (kind == "register.death") {
      if (d.contains("resident") && d["resident"].is_number_integer()) {
        history[d["resident"].get<std::int64_t>()].died_on = text_of(d, "died_on");
      }
    } else if (kind == "register.restore" || kind == "register.arrive") {
      // A death or departure recorded in error, undone; a resident who left, back.
      if (d.contains("resident") && d["resident"].is_number_integer()) history[d["resident"].get<std::int64_t>()] = {};
    } else if (d.contains("residents") && d["residents"].is_array()) {
      for (const auto& id : d["residents"]) {
        if (!id.is_number_integer()) continue;
        Fate& f = history[id.get<std::int64_t>()];
        f.left_on = text_of(d, "left_on");
        f.left_to = text_of(d, "to");
      }
    }
  }
  std::map<std::int64_t, std::pair<std::string, Fate>> table;
  SQLite::Statement t(db,
                      "SELECT id, citizen_id, COALESCE(died_on, ''), COALESCE(left_on, ''), COALESCE(left_to, '') "
                      "FROM residents WHERE died_on IS NOT NULL OR left_on IS NOT NULL ORDER BY id");
  while (t.executeStep()) {
    table[t.getColumn(0).getInt64()] = {t.getColumn(1).getString(),
                                        {t.getColumn(2).getString(), t.getColumn(3).getString(),
                                         t.getColumn(4).getString()}};
  }
  auto text = [](const std::string& s) { return s.empty() ? std::string("none") : s; };
  auto compare = [&](const std::string& subject, const Fate& said, const Fate& held) {
    if (said.died_on != held.died_on) findings.add(subject, "died_on", text(said.died_on), text(held.died_on));
    if (said.left_on != held.left_on) findings.add(subject, "left_on", text(said.left_on), text(held.left_on));
    if (said.left_to != held.left_to) {
      findings.add(subject, "left_to", text(said.left_to), text(held.left_to));
    }
  };
  for (const auto& [id, row] : table) {
    const auto h = history.find(id);
    compare(fmt::format("resident {}", errors::quote(mask_citizen_id(row.first))),
            h == history.end() ? Fate{} : h->second, row.second);
  }
  if (!history.empty()) {
    SQLite::Statement who(db, "SELECT citizen_id FROM residents WHERE id = ?");
    for (const auto& [id, fate] : history) {
      if (table.count(id)) continue;
      who.reset();
      who.bind(1, id);
      compare(who.executeStep() ? fmt::format("resident {}", errors::quote(mask_citizen_id(who.getColumn(0).getString())))
                                : fmt::format("resident {}", id),
              fate, Fate{});
    }
  }

  // Notices as "kind resident on detail", counted per case.
  std::map<std::string, std::map<std::string, int>> said, held;
  SQLite::Statement events(db, "SELECT subject, detail FROM events WHERE kind = 'case.notice' ORDER BY id");
  while (events.executeStep()) {
    const json d = json::parse(events.getColumn(1).getString(), nullptr, false);
    if (d.is_discarded()) continue;
    const std::int64_t resident = d.contains("resident") && d["resident"].is_number_integer() ? d["resident"].get<std::int64_t>() : 0;
    ++said[events.getColumn(0).getString()]
          [fmt::format("{} {} {} {}", text_of(d, "kind"), resident, text_of(d, "on"), text_of(d, "detail"))];
  }
  SQLite::Statement notices(db,
                            "SELECT c.number, n.kind, n.resident_id, n.on_date, n.detail FROM case_notices n "
                            "JOIN cases c ON c.id = n.case_id ORDER BY n.id");
  while (notices.executeStep()) {
    ++held[notices.getColumn(0).getString()][fmt::format("{} {} {} {}", notices.getColumn(1).getString(),
                                                         notices.getColumn(2).getInt64(),
                                                         notices.getColumn(3).getString(),
                                                         notices.getColumn(4).getString())];
  }
  std::set<std::string> numbers;
  for (const auto& [n, v] : said) numbers.insert(n);
  for (const auto& [n, v] : held) numbers.insert(n);
  for (const auto& number : numbers) {
    const auto& a = said[number];
    const auto& b = held[number];
    std::set<std::string> keys;
    for (const auto& [k, v] : a) keys.insert(k);
    for (const auto& [k, v] : b) keys.insert(k);
    for (const auto& key : keys) {
      const int x = a.count(key) ? a.at(key) : 0, y = b.count(key) ? b.at(key) : 0;
      if (x != y) {
        findings.add(fmt::format("case {}", errors::quote(number)), fmt::format("notice {}", key),
                     x ? "present" : "nothing", y ? "present" : "nothing");
      }
    }
  }
}

// ---- the calendar ------------------------------------------------------------------------

void replay_calendar(const SQLite::Database& db, ReplayReport& report, Findings& findings) {
  struct Day {
    std::string kind, name;
    int year = 0;
    bool operator==(const Day&) const = default;
  };
  std::map<int, std::string> notices;
  std::map<std::string, Day> history;
  SQLite::Statement q(db,
                      "SELECT detail FROM events WHERE kind IN ('calendar.load', 'import.calendar', 'calendar.adopt') "
                      "ORDER BY id");
  while (q.executeStep()) {
    const json d = json::parse(q.getColumn(0).getString(), nullptr, false);
    // Events before schema 6 carried no days; the upgrade's calendar.adopt does.
    if (d.is_discarded() || !d.contains("days") || !d.contains("year") || !d["year"].is_number_integer()) continue;
    const int year = d["year"].get<int>();
    notices[year] = text_of(d, "notice");
    for (auto it = history.begin(); it != history.end();) it = it->second.year == year ? history.erase(it) : std::next(it);
    for (const auto& day : d["days"]) {
      if (day.is_array() && day.size() == 3) history[day[0].get<std::string>()] = {day[1], day[2], year};
    }
  }
  std::map<std::string, Day> table;
  SQLite::Statement t(db, "SELECT date, kind, name, year FROM calendar_days");
  while (t.executeStep()) {
    table[t.getColumn(0).getString()] = {t.getColumn(1).getString(), t.getColumn(2).getString(),
                                         t.getColumn(3).getInt()};
  }
  auto show = [](const Day* d) {
    return d ? fmt::format("{} {} ({} calendar)", d->kind, d->name, d->year) : std::string("an ordinary day");
  };
  std::set<std::string> dates;
  for (const auto& [d, v] : history) dates.insert(d);
  for (const auto& [d, v] : table) dates.insert(d);
  for (const auto& date : dates) {
    ++report.calendar_days;
    const auto h = history.find(date);
    const auto v = table.find(date);
    const Day* said = h == history.end() ? nullptr : &h->second;
    const Day* held = v == table.end() ? nullptr : &v->second;
    if ((said == nullptr) != (held == nullptr) || (said && !(*said == *held))) {
      findings.add(fmt::format("calendar {}", date), "", show(said), show(held));
    }
  }
  SQLite::Statement years(db, "SELECT year, source FROM calendar_years");
  std::map<int, std::string> held_notices;
  while (years.executeStep()) held_notices[years.getColumn(0).getInt()] = years.getColumn(1).getString();
  for (const auto& [year, notice] : held_notices) {
    const auto h = notices.find(year);
    if (h == notices.end()) {
      findings.add(fmt::format("calendar {}", year), "", "no calendar", errors::quote(notice));
    } else if (h->second != notice) {
      findings.add(fmt::format("calendar {}", year), "notice", errors::quote(h->second), errors::quote(notice));
    }
  }
  for (const auto& [year, notice] : notices) {
    if (!held_notices.count(year)) findings.add(fmt::format("calendar {}", year), "", errors::quote(notice), "no calendar");
  }
}

// ---- the standards -------------------------------------------------------------------

// The thresholds household benefits are tested against: each shipped one's
// standard.load, each import's rows.
void replay_standards(const SQLite::Database& db, ReplayReport& report, Findings& findings) {
  using Key = std::tuple<std::string, std::string, int>;  // kind, district, year
  auto key_of = [](const json& s) {
    return Key{s.value("kind", ""), s.value("district", ""), s.value("year", 0)};
  };
  auto value_of = [](const json& s) {
    return fmt::format("{} (assumed {}, source {})", amount_text(s.value("value", 0.0)), s.value("assumed", false),
                       errors::quote(s.value("source", "")));
  };
  std::map<Key, std::string> history, table;
  SQLite::Statement q(db,
                      "SELECT kind, detail FROM events WHERE kind IN ('standard.load', 'import.standards') ORDER BY id");
  while (q.executeStep()) {
    const json d = json::parse(q.getColumn(1).getString(), nullptr, false);
    if (d.is_discarded()) continue;
    if (q.getColumn(0).getString() == "standard.load") {
      history[key_of(d)] = value_of(d);
    } else if (d.contains("standards") && d["standards"].is_array()) {
      for (const auto& s : d["standards"]) history[key_of(s)] = value_of(s);
    }
  }
  for (const auto& s : list_standards(db)) table[key_of(standard_json(s))] = value_of(standard_json(s));
  std::set<Key> keys;
  for (const auto& [k, v] : history) keys.insert(k);
  for (const auto& [k, v] : table) keys.insert(k);
  for (const auto& k : keys) {
    ++report.standards;
    const auto h = history.find(k);
    const auto t = table.find(k);
    const std::string said = h == history.end() ? "none" : h->second;
    const std::string held = t == table.end() ? "none" : t->second;
    if (said != held) {
      const auto& [kind, district, year] = k;
      findings.add(fmt::format("standard {} {} {}", kind, district.empty() ? "*" : district, year), "", said, held);
    }
  }
}

// ---- a finding as a person reads it ----------------------------------------------------
// A finding holds English words and codes, as --json carries them; line() shows the
// words the replay put there in the user's language. Values from the tables and the
// events (quoted, codes, dates) and the field names stay as they are.

// The kinds of subject the replay names: "case '…'", "staff '…'", "calendar 2012", …
constexpr std::pair<std::string_view, const char*> kSubjects[] = {{"case ", N_("case {}")},
                                                                  {"staff ", N_("staff {}")},
                                                                  {"setting ", N_("setting {}")},
                                                                  {"resident ", N_("resident {}")},
                                                                  {"calendar ", N_("calendar {}")},
                                                                  {"standard ", N_("standard {}")}};

// The words that stand where a value would: the replay's, and compare_case's.
constexpr const char* kWords[] = {N_("nothing"),
                                  N_("nothing (no event created it)"),
                                  N_("nothing (no event added them)"),
                                  N_("a case"),
                                  N_("a staff member"),
                                  N_("cannot be replayed"),
                                  N_("none"),
                                  N_("present"),
                                  N_("unset"),
                                  N_("yes"),
                                  N_("no"),
                                  N_("no calendar"),
                                  N_("an ordinary day")};

std::string shown_subject(const std::string& subject) {
  for (const auto& [prefix, format] : kSubjects) {
    if (subject.starts_with(prefix)) {
      return fmt::format(fmt::runtime(translate(format)), subject.substr(prefix.size()));
    }
  }
  return subject;
}

std::string shown_field(const std::string& field) {
  if (field.starts_with("event ")) return tr("event {}", field.substr(6));
  return field;
}

// A calendar's value may be a day as replay_calendar shows it: "off 春节 (2012 calendar)".
std::string shown_value(const std::string& value, bool calendar) {
  for (const char* word : kWords) {
    if (value == word) return translate(word);
  }
  constexpr std::string_view kTail = " calendar)";
  const auto space = value.find(' ');
  const auto open = value.rfind(" (");
  if (calendar && value.ends_with(kTail) && space != std::string::npos && open != std::string::npos &&
      space <= open) {
    const std::string kind = value.substr(0, space);
    const char* shown_kind = kind == "off"    ? C_("calendar day", "off")
                             : kind == "work" ? C_("calendar day", "work")
                                              : nullptr;
    if (shown_kind) {
      return tr("{} {} ({} calendar)", shown_kind, value.substr(space + 1, open - space - 1),
                value.substr(open + 2, value.size() - open - 2 - kTail.size()));
    }
  }
  return value;
}

}  // namespace

std::string ReplayFinding::line() const {
  const bool calendar = subject.starts_with("calendar ");
  if (field.empty()) {
    return tr("{}: history says {}, tables hold {}", shown_subject(subject), shown_value(history, calendar),
              shown_value(table, calendar));
  }
  return tr("{}: {}: history says {}, table says {}", shown_subject(subject), shown_field(field),
            shown_value(history, calendar), shown_value(table, calendar));
}

ReplayReport replay_history(const SQLite::Database& db, std::size_t keep) {
  ReplayReport report;
  Findings findings(report, keep);
  replay_settings(db, report, findings);
  replay_staff(db, report, findings);
  replay_calendar(db, report, findings);
  replay_standards(db, report, findings);
  replay_flags(db, report, findings);
  replay_register(db, report, findings);
  replay_cases(db, report, findings);
  replay_missing_cases(db, report, findings);
  return report;
}

namespace {

std::vector<std::string> check_pages(const SQLite::Database& db, bool full) {
  std::vector<std::string> problems;
  SQLite::Statement q(db, full ? "PRAGMA integrity_check(100)" : "PRAGMA quick_check(100)");
  while (q.executeStep()) {
    std::string line = q.getColumn(0).getString();
    if (line != "ok") problems.push_back(std::move(line));
  }
  return problems;
}

std::vector<std::string> check_foreign_keys(const SQLite::Database& db) {
  std::vector<std::string> problems;
  SQLite::Statement fks(db, "PRAGMA foreign_key_check");
  while (fks.executeStep()) {
    problems.push_back(fmt::format("{} row {} refers to a missing {} row", errors::quote(fks.getColumn(0).getString()),
                                   fks.getColumn(1).getInt64(), errors::quote(fks.getColumn(2).getString())));
  }
  return problems;
}

// One part of the replay, with findings of its own, merged in the parts' order.
using ReplayPart = std::function<void(const SQLite::Database&, ReplayReport&, Findings&)>;

void merge(ReplayReport& into, const ReplayReport& part, std::size_t keep) {
  into.cases += part.cases;
  into.staff += part.staff;
  into.settings += part.settings;
  into.residents += part.residents;
  into.calendar_days += part.calendar_days;
  into.standards += part.standards;
  into.total_findings += part.total_findings;
  for (const auto& f : part.findings) {
    if (into.findings.size() < keep) into.findings.push_back(f);
  }
}

}  // namespace

CheckReport check_database(const SQLite::Database& db, const CheckOptions& options) {
  const std::size_t keep = 1000;
  CheckReport report;
  report.full = options.full;
  // Each task reads one snapshot of its own, on a connection of its own: the
  // structure, the foreign keys, the chain, and the replay cut into runs of
  // cases (a case and its events are always read together). Workers, one per
  // core, take the tasks in order; the replay waits for the chain, as replaying a
  // history that does not verify would only repeat its problem.
  std::vector<ReplayPart> parts = {replay_settings, replay_staff,  replay_calendar,
                                   replay_standards, replay_flags, replay_register};
  const bool in_memory = core::in_memory(db);
  const std::size_t workers = in_memory ? 1 : cores();
  for (const CaseIds& run : case_id_runs(db, static_cast<std::int64_t>(in_memory ? 1 : workers * 8))) {
    parts.push_back([run](const SQLite::Database& d, ReplayReport& r, Findings& f) { replay_cases(d, r, f, run); });
  }
  parts.push_back(replay_missing_cases);
  std::vector<ReplayReport> replayed(parts.size());

  // Whether the chain holds, settled once: by its task, or as false when any task
  // fails (a replay waiting for it must not wait for ever).
  std::promise<bool> chain;
  std::shared_future<bool> chain_holds = chain.get_future().share();
  std::once_flag settled;
  auto settle = [&](bool holds) { std::call_once(settled, [&] { chain.set_value(holds); }); };

  enum Task : std::size_t { kChain, kStructure, kForeignKeys, kFirstReplay };
  std::vector<std::function<void(const SQLite::Database&)>> tasks;
  tasks.push_back([&](const SQLite::Database& d) {
    report.history = verify_history(d, options.anchor);
    settle(report.history.ok());
  });
  tasks.push_back([&](const SQLite::Database& d) { report.integrity = check_pages(d, options.full); });
  tasks.push_back([&](const SQLite::Database& d) { report.foreign_keys = check_foreign_keys(d); });
  for (std::size_t i = 0; i < parts.size(); ++i) {
    tasks.push_back([&, i](const SQLite::Database& d) {
      if (!chain_holds.get()) return;
      Findings findings(replayed[i], keep);
      parts[i](d, replayed[i], findings);
    });
  }
  // quick_check reads on a read-only connection, which leaves the CHECK constraints
  // out; integrity_check's read-write one knows them. The replay and integrity_check
  // get 32 MiB of page cache instead of SQLite's 2 MiB: the upper pages of the events
  // index, and the index pages integrity_check looks each row up in, stay in memory.
  auto open_for = [&](std::size_t task) -> std::optional<SQLite::Database> {
    if (in_memory) return std::nullopt;
    SQLite::Database own = open_second_reader(db, task == kStructure && !options.full ? Reader::pages : Reader::full);
    if (task >= kFirstReplay || (task == kStructure && options.full)) own.exec("PRAGMA cache_size = -32768");
    return own;
  };

  share_out(workers, tasks.size(), [&](std::size_t, std::size_t t) {
    try {
      std::optional<SQLite::Database> own = open_for(t);
      const SQLite::Database& d = own ? *own : db;
      ReadTransaction snapshot(d);
      tasks[t](d);
    } catch (...) {
      settle(false);
      throw;
    }
  });
  if (report.history.ok()) {
    for (const auto& part : replayed) merge(report.replay, part, keep);
  }
  return report;
}

}  // namespace sqgl::core
