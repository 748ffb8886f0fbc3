// Opening a case: who may accept it, whether the resident may have it, and the one
// write that records it with its first step started.
#include "core/model/cases/cases.h"

#include <algorithm>
#include <chrono>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/citizen_id.h"
#include "core/base/i18n.h"
#include "core/base/text.h"
#include "core/db/settings.h"
#include "core/model/cases/record.h"
#include "core/model/cases/workflow.h"
#include "core/model/household.h"

namespace sqgl::core {

using namespace workflow;

namespace {

std::vector<CaseMaterial> item_materials(const Item& item) {
  std::vector<CaseMaterial> out;
  for (const auto& m : item.materials) out.push_back({m.seq, m.name_zh, m.required, "", ""});
  return out;
}

int age_on(Date birth, Date day) {
  std::chrono::year_month_day b{birth}, d{day};
  int age = static_cast<int>(d.year()) - static_cast<int>(b.year());
  if (std::chrono::month_day{d.month(), d.day()} < std::chrono::month_day{b.month(), b.day()}) --age;
  return age;
}

std::string next_case_number(const SQLite::Database& db, Date today) {
  std::string district = "SQGL";
  SQLite::Statement d(db, "SELECT code FROM units WHERE kind = 'district' ORDER BY id LIMIT 1");
  if (d.executeStep()) district = d.getColumn(0).getString();
  const std::string day = format_date(today);
  const std::string prefix = fmt::format("{}-{}{}{}-", district, day.substr(0, 4), day.substr(5, 2), day.substr(8, 2));
  // Inside BEGIN IMMEDIATE no other writer can take the same number. Only numbers
  // of the day's own shape count (0001 … 9999).
  SQLite::Statement q(db,
                      "SELECT number FROM cases WHERE number >= ?1 || '0001' AND number <= ?1 || '9999' "
                      "AND length(number) = length(?1) + 4 ORDER BY number DESC LIMIT 1");
  q.bind(1, prefix);
  int last = 0;
  if (q.executeStep()) {
    const std::string tail = q.getColumn(0).getString().substr(prefix.size());
    if (tail.find_first_not_of("0123456789") == std::string::npos) last = std::stoi(tail);
  }
  if (last < 9999) return fmt::format("{}{:04}", prefix, last + 1);
  // Imported history took the day's last number: the first one free.
  SQLite::Statement taken(db,
                          "SELECT number FROM cases WHERE number >= ?1 || '0001' AND number <= ?1 || '9999' "
                          "AND length(number) = length(?1) + 4 ORDER BY number");
  taken.bind(1, prefix);
  int expected = 1;
  while (taken.executeStep() && taken.getColumn(0).getString() == fmt::format("{}{:04}", prefix, expected)) ++expected;
  if (expected > 9999) throw Conflict(tr("all 9,999 case numbers of {} are taken", day));
  return fmt::format("{}{:04}", prefix, expected);
}

// Whose cases an item's limits count: the applicant's, or the household's.
struct CaseOwner {
  const char* column;   // "resident_id" or "household_id"
  std::int64_t id;
  std::string shown;    // the masked citizen ID or the household code
};

std::string whose(const CaseOwner& who) {
  return std::string_view(who.column) == "household_id" ? tr("household {}", errors::quote(who.shown))
                                                        : tr("resident {}", errors::quote(who.shown));
}

// The adult who applies for a household benefit, with the head's authority, and the
// household's facts against the item's standards. Returns the means test passed.
std::optional<MeansTest> check_household_applicant(const SQLite::Database& db, const Item& item,
                                                   const Household& household, std::int64_t resident_id,
                                                   const std::string& citizen_id, const std::string& authorised_by,
                                                   Date today) {
  const Member* applicant = nullptr;
  for (const auto& m : household.members) {
    if (m.id == resident_id) applicant = &m;
  }
  if (applicant == nullptr) throw Failure(_("the applicant is not a member of their own household"));
  const int age = applicant->age_on(today);
  if (age < 18) {
    throw InvalidInput(tr("resident {} ({}) is {}: {} {} is applied for by an adult member of the household (18 or "
                          "over)",
                          errors::quote(mask_citizen_id(citizen_id)), applicant->name, age, item.code, item.name_zh));
  }
  const Member* head = household.head();
  if (head == nullptr) {
    throw InvalidInput(tr("household {} has no head of household on record (与户主关系 户主); {} is applied for "
                          "with the head's authority",
                          errors::quote(household.code), item.code));
  }
  if (!authorised_by.empty()) {
    const CitizenId given = parse_citizen_id(authorised_by, today);
    if (given.number != head->citizen_id) {
      throw InvalidInput(tr("{} is not the head of household {}; its head is {} ({})",
                            errors::quote(mask_citizen_id(given.number)), errors::quote(household.code), head->name,
                            mask_citizen_id(head->citizen_id)));
    }
  } else if (head->id != resident_id) {
    throw InvalidInput(tr("resident {} ({}) applies for household {} only with the authority of its head, {} ({}): "
                          "--authorised-by {}",
                          errors::quote(mask_citizen_id(citizen_id)), applicant->name, errors::quote(household.code),
                          head->name, mask_citizen_id(head->citizen_id), "HEAD_ID"));
  }
  if (item.means_test.empty()) return std::nullopt;
  MeansTest test = means_test(db, household, item.means_test, today);
  const auto failures = means_test_failures(test);
  if (!failures.empty()) {
    throw InvalidInput(tr("household {} is not eligible for {} {}: {}", errors::quote(household.code), item.code,
                          item.name_zh, joined(failures)));
  }
  return test;
}

// A date `days` after `day`, as text.
std::string days_after(const std::string& day, int days) {
  return format_date(*parse_date(day.substr(0, 10)) + std::chrono::days{days});
}

// The item's limits on the applicant's (or household's) earlier cases: one open
// case, a number a year, once per pregnancy or in a lifetime, a renewal only of a
// grant. A refusal names the earlier case and when a new application is possible.
void check_limits(const SQLite::Database& db, const Item& item, const CaseOwner& who, Date today) {
  const std::string of = fmt::format(" FROM cases WHERE {} = ? AND item = ? ", who.column);
  if (item.one_open_case) {
    SQLite::Statement open(db, "SELECT number, accepted_at" + of + "AND status IN ('open', 'returned') LIMIT 1");
    SQLite::bind(open, who.id, item.code);
    if (open.executeStep()) {
      throw Conflict(tr("{} already has open case {} for {}, accepted on {}", whose(who),
                        errors::quote(open.getColumn(0).getString()), item.code,
                        open.getColumn(1).getString().substr(0, 10)));
    }
  }
  if (item.max_per_year) {
    const std::string year = format_date(today).substr(0, 4);
    SQLite::Statement count(db, "SELECT count(*), max(number)" + of +
                                    "AND status NOT IN ('withdrawn', 'rejected') AND substr(accepted_at, 1, 4) = ?");
    SQLite::bind(count, who.id, item.code, year);
    count.executeStep();
    if (count.getColumn(0).getInt() >= *item.max_per_year) {
      throw Conflict(tr("{} has had {} {} case(s) in {}, the latest {}; the limit is {} a year, so the next "
                        "application is possible from {}-01-01",
                        whose(who), count.getColumn(0).getInt(), item.code, year,
                        errors::quote(count.getColumn(1).getString()), *item.max_per_year, std::stoi(year) + 1));
    }
  }
  if (!item.renewal_of.empty()) {
    SQLite::Statement grant(db, fmt::format("SELECT 1 FROM cases WHERE {} = ? AND item = ? AND status = 'approved' "
                                            "LIMIT 1",
                                            who.column));
    SQLite::bind(grant, who.id, item.renewal_of);
    if (!grant.executeStep()) {
      throw InvalidInput(tr("{} has no {} grant for {} {} to review", whose(who), item.renewal_of, item.code,
                            item.name_zh));
    }
  }
  if (!item.once) return;
  // The latest grant, and for a pregnancy whether a birth was registered since.
  SQLite::Statement granted(db, "SELECT number, decided_at, accepted_at" + of +
                                    "AND status = 'approved' ORDER BY decided_at DESC LIMIT 1");
  SQLite::bind(granted, who.id, item.code);
  if (!granted.executeStep()) return;
  const std::string number = granted.getColumn(0).getString();
  const std::string decided = granted.getColumn(1).getString().substr(0, 10);
  if (*item.once == Once::lifetime) {
    throw Conflict(tr("{} was granted {} in case {} on {}; it is granted once in a lifetime", whose(who), item.code,
                      errors::quote(number), decided));
  }
  const std::string ends = days_after(decided, *item.entitlement_days);
  if (format_date(today) > ends) return;
  SQLite::Statement born(db,
                         "SELECT 1 FROM residents WHERE household_id = "
                         "(SELECT household_id FROM residents WHERE id = (SELECT resident_id FROM cases WHERE number = ?)) "
                         "AND birth_date >= ? LIMIT 1");
  SQLite::bind(born, number, granted.getColumn(2).getString().substr(0, 10));
  if (born.executeStep()) return;
  throw Conflict(tr("{} was granted {} in case {} on {}; its {} days run until {}: a new application is possible from "
                    "{}, or once the birth is registered",
                    whose(who), item.code, errors::quote(number), decided, *item.entitlement_days, ends,
                    days_after(ends, 1)));
}

}  // namespace

Model default_model(const SQLite::Database& db) {
  const auto setting = get_setting(db, "model");
  if (!setting) return Model::reformed;
  const auto parsed = parse<Model>(*setting);
  if (!parsed) throw errors::invalid(N_("model"), *setting, _("expected 'new' or 'old'"));
  return *parsed;
}

StepUnit resolve_step_unit(const SQLite::Database& db, const ChainStep& step, std::int64_t community_id) {
  std::optional<SQLite::Statement> q;
  if (step.level == StepLevel::station || step.level == StepLevel::committee) {
    q.emplace(db, "SELECT id, code, name_zh FROM units WHERE parent_id = ? AND kind = ?");
    SQLite::bind(*q, community_id, std::string(text(step.level)));
  } else if (step.level == StepLevel::street) {
    q.emplace(db, "SELECT p.id, p.code, p.name_zh FROM units c JOIN units p ON p.id = c.parent_id WHERE c.id = ?");
    q->bind(1, community_id);
  } else {
    q.emplace(db, "SELECT id, code, name_zh FROM units WHERE code = ?");
    q->bind(1, step.unit);
  }
  if (!q->executeStep()) {
    throw Conflict(
        tr("no {} unit is set up for step {} ({}) of this community", label(step.level), step.seq, step.name_zh));
  }
  return {q->getColumn(0).getInt64(), q->getColumn(1).getString(), q->getColumn(2).getString()};
}

std::vector<std::string> unmet_eligibility(const Item& item, const Applicant& applicant, Date today) {
  std::vector<std::string> unmet;
  if (item.sex && *item.sex != applicant.sex) unmet.push_back(*item.sex == 'F' ? _("women only") : _("men only"));
  const int age = age_on(applicant.birth, today);
  if (item.min_age && age < *item.min_age) unmet.push_back(tr("aged {} or over (is {})", *item.min_age, age));
  if (item.max_age && age > *item.max_age) unmet.push_back(tr("aged {} or under (is {})", *item.max_age, age));
  for (const auto& flag : item.flags) {
    const auto bit = std::find(kResidentFlags.begin(), kResidentFlags.end(), flag) - kResidentFlags.begin();
    if (((applicant.flags >> bit) & 1) == 0) unmet.push_back(tr("{} only", resident_flag_label(flag)));
  }
  return unmet;
}

std::vector<std::string> missing_materials(const std::vector<CaseMaterial>& materials, const std::vector<int>& given) {
  std::vector<std::string> missing;
  for (const auto& m : materials) {
    if (m.required && std::find(given.begin(), given.end(), m.seq) == given.end()) {
      missing.push_back(fmt::format("{} {}", m.seq, m.name_zh));
    }
  }
  return missing;
}

Case apply_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                const ApplyRequest& request) {
  if (op.unit_kind != "station" || !op.has_role(Role::worker)) {
    throw PermissionDenied([&] {
      return tr("{} ({}) may not accept applications: that is for station window staff", errors::quote(op.staff_no),
                op.unit_name);
    });
  }
  check_free_text("--note", request.note);
  const DateTime now = clock.now();
  const Item item = get_item(db, request.item);
  const CitizenId id = parse_citizen_id(request.citizen_id, now.date);

  SQLite::Statement resident(db,
                             "SELECT r.id, r.name, r.sex, r.birth_date, h.community_id, c.name_zh, c.code, "
                             "  r.pregnant, r.disabled, r.low_income, r.party_member, r.unemployed, r.household_id, "
                             "  COALESCE(r.died_on, ''), COALESCE(r.left_on, '') "
                             "FROM residents r JOIN households h ON h.id = r.household_id "
                             "JOIN units c ON c.id = h.community_id WHERE r.citizen_id = ?");
  resident.bind(1, id.number);
  if (!resident.executeStep()) {
    throw NotFound(tr("no resident with citizen ID {}", errors::quote(mask_citizen_id(id.number))));
  }
  const std::int64_t resident_id = resident.getColumn(0).getInt64();
  const std::string resident_name = resident.getColumn(1).getString();
  const std::int64_t home_community = resident.getColumn(4).getInt64();
  // The register says so: the request is well formed, but the resident's state does
  // not allow it (exit 5, as an open duplicate does), whatever the item.
  if (const std::string died = resident.getColumn(13).getString(); !died.empty()) {
    throw Conflict(tr("resident {} ({}) died on {}; nobody can apply in their name",
                      errors::quote(mask_citizen_id(id.number)), resident_name, died));
  }
  if (const std::string left = resident.getColumn(14).getString(); !left.empty()) {
    throw Conflict(tr("resident {} ({}) left the district on {}; apply where they live now",
                      errors::quote(mask_citizen_id(id.number)), resident_name, left));
  }
  if (item.local_only && home_community != op.community_id) {
    throw InvalidInput(
        tr("resident {} ({}) is registered in {} ({}), not at this station; {} is handled "
           "where the resident is registered",
           errors::quote(mask_citizen_id(id.number)), resident_name, resident.getColumn(5).getString(),
           resident.getColumn(6).getString(), item.code));
  }

  // Eligibility facts the resident's record can answer; all failures in one message.
  Applicant applicant{resident.getColumn(2).getString().at(0), *parse_date(resident.getColumn(3).getString()), 0};
  for (int bit = 0; bit < 5; ++bit) applicant.flags |= (resident.getColumn(7 + bit).getInt() != 0 ? 1 : 0) << bit;
  const auto unmet = unmet_eligibility(item, applicant, now.date);
  if (!unmet.empty()) {
    throw InvalidInput(tr("resident {} ({}) is not eligible for {} {}: {}", errors::quote(mask_citizen_id(id.number)),
                          resident_name, item.code, item.name_zh, joined(unmet)));
  }

  // A household benefit belongs to the household: an adult member applies for
  // it with the head's authority, and its limits count the household's cases.
  std::optional<Household> household;
  std::optional<MeansTest> means;
  if (item.applicant == ApplicantKind::household) {
    household = household_by_id(db, resident.getColumn(12).getInt64());
    means = check_household_applicant(db, item, *household, resident_id, id.number, request.authorised_by, now.date);
  } else if (!request.authorised_by.empty()) {
    throw InvalidInput(tr("{} is for household benefits; {} {} is applied for by the person it is for",
                          "--authorised-by", item.code, item.name_zh));
  }
  const CaseOwner who = household ? CaseOwner{"household_id", household->id, household->code}
                                   : CaseOwner{"resident_id", resident_id, mask_citizen_id(id.number)};
  check_limits(db, item, who, now.date);

  // 一次性告知: every missing required material in one message.
  auto materials = item_materials(item);
  const auto given = match_materials(request.materials, materials, item.code);
  const auto missing = missing_materials(materials, given);
  if (!missing.empty()) {
    throw InvalidInput(
        tr("{} {} needs these materials too (一次性告知): {}", item.code, item.name_zh, joined(missing)));
  }

  const Model model = request.model ? *request.model : default_model(db);
  const auto& chain = item.chain(model);
  std::vector<StepUnit> units;
  for (const auto& step : chain) units.push_back(resolve_step_unit(db, step, op.community_id));

  // The case as it is accepted: written by the one case writer and carried whole
  // by its event, from which `sqgl check` replays it.
  CaseRecord record;
  record.number = next_case_number(db, now.date);
  record.item = item.code;
  record.model = model;
  record.resident_id = resident_id;
  if (household) record.household = household->code;
  record.community = op.community_code;
  record.window = item.window;
  record.status = CaseStatus::open;
  record.current_seq = chain.front().seq;
  record.accepted_at = format_datetime(now);
  record.accepted_by = op.staff_no;
  // Working days for the steps, calendar days for the postings (不含公示时间).
  record.due_date = format_date(chain_due(calendar, now.date, chain));
  record.note = request.note;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    StepRecord step{chain[i].seq,
                    chain[i].level,
                    units[i].code,
                    chain[i].name_zh,
                    chain[i].role,
                    chain[i].days,
                    i == 0 ? StepStatus::active : StepStatus::pending,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    chain[i].kind,
                    chain[i].place};
    if (i == 0) {
      // The first step starts now; the others wait their turn.
      step.started_at = record.accepted_at;
      step.due_date = format_date(step_due(calendar, step.kind, now.date, step.days));
    }
    record.steps.push_back(std::move(step));
  }
  for (const auto& m : materials) {
    const bool received = std::find(given.begin(), given.end(), m.seq) != given.end();
    record.materials.push_back({m.seq, m.name_zh, m.required, received ? record.accepted_at : "", ""});
  }
  CaseWriter(db).insert(record);
  nlohmann::json detail{{"record", case_record_json(record)}, {"resident", mask_citizen_id(id.number)}};
  if (!request.authorised_by.empty()) detail["authorised_by"] = mask_citizen_id(request.authorised_by);
  if (means) detail["means_test"] = means_test_json(*means);
  append(db, clock, op, "case.apply", record.number, detail);
  return get_case(db, calendar, record.number);
}

}  // namespace sqgl::core
