#include "core/admin/demo.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/citizen_id.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/calendar.h"
#include "core/model/cases/cases.h"
#include "core/model/cases/record.h"
#include "core/model/catalog.h"
#include "core/model/district.h"
#include "core/model/history.h"
#include "core/model/staff.h"

namespace sqgl::core {

namespace {

// SplitMix64: tiny, fast, and the same sequence on every platform (the standard
// library's distributions are not, so none of them is used here).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform in [lo, hi].
  int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
  bool chance(double p) { return unit() < p; }
  /// A seed for a second stream drawn from this one's seed, without drawing from it.
  std::uint64_t next_seed_for_facts() const { return state_ ^ 0x486F757365686F6CULL; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[next() % v.size()];
  }

 private:
  std::uint64_t state_;
};

struct Weighted {
  std::string_view value;
  double weight;
};

const Weighted& pick_weighted(Random& rng, const std::vector<Weighted>& table) {
  double total = 0;
  for (const auto& w : table) total += w.weight;
  double x = rng.unit() * total;
  for (const auto& w : table) {
    if (x < w.weight) return w;
    x -= w.weight;
  }
  return table.back();
}

// 2010 census top 20 (REFERENCE §3.3), weighted for Baotou: 刘/赵/郭/高/马 up,
// 陈/黄/林/罗/何 down; then a long tail of common surnames.
const std::vector<Weighted>& surnames() {
  static const std::vector<Weighted> table = [] {
    std::vector<Weighted> t = {{"王", 7.10}, {"李", 6.96}, {"张", 6.42}, {"刘", 7.00}, {"陈", 2.50},
                               {"杨", 2.97}, {"黄", 1.20}, {"赵", 2.80}, {"周", 1.88}, {"吴", 1.78},
                               {"徐", 1.43}, {"孙", 1.39}, {"马", 2.00}, {"胡", 1.16}, {"朱", 1.14},
                               {"郭", 1.80}, {"何", 0.70}, {"罗", 0.60}, {"高", 1.60}, {"林", 0.40}};
    for (std::string_view s :
         {"梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭",
          "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "田", "任",
          "姜", "范", "方", "石", "姚", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "秦", "江", "史", "顾", "侯",
          "邵", "孟", "段", "雷", "钱", "尹", "常", "武", "乔", "贺", "樊", "闫", "云", "奇", "温", "牛"}) {
      t.push_back({s, 0.62});
    }
    return t;
  }();
  return table;
}

const std::vector<std::string_view> kCompoundSurnames = {"欧阳", "司马", "诸葛", "上官", "司徒", "呼延"};
const std::vector<std::string_view> kMaleChars = {"伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚",
                                                  "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩",
                                                  "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "阳", "志",
                                                  "建", "国", "海", "东", "峰", "亮", "成", "文", "博", "振"};
const std::vector<std::string_view> kFemaleChars = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲",
                                                    "桂", "英", "秀", "兰", "红", "梅", "琳", "婷", "雪", "慧",
                                                    "萍", "洁", "颖", "倩", "玉", "佳", "欣", "月", "晶", "悦",
                                                    "丹", "璐", "瑶", "琪", "萱", "怡", "凤", "春", "爱", "荣"};
// Mongolian names carry no surname (REFERENCE §3.3 suggests 3–5% of residents).
const std::vector<std::string_view> kMongolianMale = {"巴特尔", "乌力吉", "额尔敦", "宝音",   "阿拉坦", "朝鲁",
                                                      "孟和",   "呼和",   "巴雅尔", "特木尔", "毕力格", "那顺"};
const std::vector<std::string_view> kMongolianFemale = {"其其格", "苏日娜", "娜仁花", "斯琴", "图雅",   "萨仁",
                                                        "乌兰",   "敖登",   "高娃",   "塔娜", "琪琪格", "格日勒"};

std::string given_name(Random& rng, char sex, int chars) {
  const auto& pool = sex == 'M' ? kMaleChars : kFemaleChars;
  std::string out;
  for (int i = 0; i < chars; ++i) out += rng.pick(pool);
  return out;
}

// Name length per REFERENCE §3.4: 2 characters 14%, 3 characters 85.6%, 4 characters 0.4%.
std::string person_name(Random& rng, char sex, std::string_view surname) {
  double x = rng.unit();
  if (x < 0.004) return std::string(rng.pick(kCompoundSurnames)) + given_name(rng, sex, 2);
  return std::string(surname) + given_name(rng, sex, x < 0.144 ? 1 : 2);
}

std::string random_name(Random& rng, char sex) {
  if (rng.chance(0.04)) return std::string(rng.pick(sex == 'M' ? kMongolianMale : kMongolianFemale));
  return person_name(rng, sex, pick_weighted(rng, surnames()).value);
}

// Where residents' IDs were first issued: mostly Qingshan, then the rest of
// Baotou, Inner Mongolia and the provinces the big state factories recruited from.
const std::vector<Weighted> kRegions = {{"150204", 70},  {"150203", 8}, {"150202", 7},   {"150207", 3},
                                        {"150102", 1.5}, {"150602", 1}, {"150902", 1},   {"150802", 1},
                                        {"130102", 1},   {"140105", 1}, {"210102", 1},   {"410102", 1.5},
                                        {"370102", 1},   {"620102", 1}, {"610102", 0.5}, {"230102", 0.5}};

const std::vector<std::string_view> kMobilePrefixes = {
    "134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183",
    "187", "188", "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "181", "189"};

struct StreetPlan {
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
  std::vector<std::pair<std::string_view, std::string_view>> communities;  // name_zh, name_en
};

// The pilot: 幸福路 merged 7 communities into 4, 乌素图 5 into 3. 阳光 and 长征 are
// named in the 2012 report; the other community names are composed.
const std::vector<StreetPlan> kPilot = {
    {"150204001",
     "幸福路街道",
     "Xingfulu Street Office",
     {{"阳光社区", "Yangguang"}, {"富康社区", "Fukang"}, {"和平社区", "Heping"}, {"友谊社区", "Youyi"}}},
    {"150204002",
     "乌素图街道",
     "Wusutu Street Office",
     {{"长征社区", "Changzheng"}, {"青松社区", "Qingsong"}, {"民主社区", "Minzhu"}}},
};

class Writer {
 public:
  Writer(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& acting, Random& rng,
         Date reference)
      : db_(db),
        clock_(clock),
        acting_(acting),
        rng_(rng),
        // The household facts come from a stream of their own: the same seed gives
        // the same people, with or without them.
        facts_(rng.next_seed_for_facts()),
        reference_(reference),
        district_(db),
        staff_(db) {}

  std::int64_t unit(std::string_view code, std::string_view kind, std::string_view name_zh, std::string_view name_en,
                    std::optional<std::int64_t> parent) {
    return district_.add_unit(
        {std::string(code), std::string(kind), std::string(name_zh), std::string(name_en), parent});
  }

  // A bureau of the catalog comes under the district.
  void adopt_unit(std::int64_t id, std::int64_t parent) { district_.set_parent(id, parent); }

  std::int64_t staff(const std::string& staff_no, std::int64_t unit_id, std::initializer_list<const char*> roles) {
    char sex = rng_.chance(0.55) ? 'F' : 'M';
    // Draw in a fixed order: argument evaluation order is unspecified in C++.
    const std::string name = random_name(rng_, sex);
    const std::string phone = mobile();
    const std::int64_t id = staff_.add({staff_no, name, unit_id, phone, "", true, {roles.begin(), roles.end()}});
    record_staff(db_, clock_, acting_, "staff.add", staff_no);
    ++report.staff;
    return id;
  }

  std::int64_t grid(const std::string& code, std::int64_t community, const std::string& name, std::int64_t worker) {
    ++report.grids;
    return district_.add_grid({code, community, name, worker});
  }

  std::int64_t household(const std::string& code, std::int64_t community, std::int64_t grid,
                         const std::string& address) {
    ++report.households;
    household_ = {code, community, grid, address, std::nullopt, std::nullopt, ""};
    return district_.add_household(household_);
  }

  // One household's members: head, spouse, children, perhaps an elderly parent.
  void members(std::int64_t household_id) {
    static const std::vector<Weighted> sizes = {{"1", 20}, {"2", 30}, {"3", 28}, {"4", 14}, {"5", 6}, {"6", 2}};
    const int size = pick_weighted(rng_, sizes).value[0] - '0';
    const bool low_income = rng_.chance(0.025);
    housing(household_id, size, low_income);
    int head_age = age_between(25, 88, 50, 16);
    char head_sex = rng_.chance(0.68) ? 'M' : 'F';
    std::string family = std::string(pick_weighted(rng_, surnames()).value);
    bool mongolian = rng_.chance(0.04);
    auto name_for = [&](char sex, bool takes_family_name) {
      if (mongolian) return std::string(rng_.pick(sex == 'M' ? kMongolianMale : kMongolianFemale));
      if (takes_family_name) return person_name(rng_, sex, family);
      return random_name(rng_, sex);
    };
    person(household_id, "户主", head_sex, head_age, name_for(head_sex, true), low_income);
    int placed = 1;
    if (size >= 2) {
      char sex = head_sex == 'M' ? 'F' : 'M';
      person(household_id, "配偶", sex, std::max(20, head_age + rng_.between(-4, 4)), name_for(sex, false), low_income);
      ++placed;
    }
    if (size >= 5) {
      char sex = rng_.chance(0.6) ? 'F' : 'M';
      person(household_id, "父母", sex, std::min(100, head_age + rng_.between(22, 32)), name_for(sex, sex == 'M'),
             low_income);
      ++placed;
    }
    while (placed < size) {
      char sex = rng_.chance(0.51) ? 'M' : 'F';
      int age = std::max(0, head_age - rng_.between(22, 36));
      person(household_id, "子女", sex, age, name_for(sex, true), low_income);
      ++placed;
    }
  }

  DemoReport report;

  /// The residents given flags, for the demo's event.
  const FlagList& flags() const { return flags_; }

 private:
  // A roughly normal age, clamped: the sum of three uniforms.
  int age_between(int lo, int hi, int mean, int spread) {
    double x = (rng_.unit() + rng_.unit() + rng_.unit() - 1.5) * 2.0;  // about -3 … 3
    int age = mean + static_cast<int>(std::lround(x * spread));
    return std::clamp(age, lo, hi);
  }

  std::string mobile() { return fmt::format("{}{:08}", rng_.pick(kMobilePrefixes), rng_.next() % 100000000ULL); }

  // What the household lives in and owns: a low-income one in little space, more
  // often rented or public, without a car.
  void housing(std::int64_t household_id, int size, bool low_income) {
    const double tenure = facts_.unit();
    if (low_income) {
      household_.housing = tenure < 0.4 ? Housing::rented : tenure < 0.7 ? Housing::public_housing : Housing::owned;
    } else {
      household_.housing = tenure < 0.85 ? Housing::owned : tenure < 0.97 ? Housing::rented : Housing::public_housing;
    }
    const int per_person = low_income ? facts_.between(6, 14) : facts_.between(15, 40);
    household_.living_area = per_person * size + facts_.between(0, 9) / 10.0;
    if (!low_income && facts_.chance(0.25)) household_.assets = "vehicle";
    if (!low_income && facts_.chance(0.05)) household_.assets += household_.assets.empty() ? "property" : "|property";
    district_.update_household(household_id, household_);
  }

  void person(std::int64_t household_id, const char* relation, char sex, int age, const std::string& name,
              bool low_income) {
    // A birth date `age` years before the reference date, on any day of that year.
    Date birth = reference_ - std::chrono::days{age * 365 + rng_.between(0, 364)};
    std::string id;
    for (;;) {
      std::string first17 = std::string(pick_weighted(rng_, kRegions).value) + format_date(birth).substr(0, 4) +
                            format_date(birth).substr(5, 2) + format_date(birth).substr(8, 2);
      int seq = rng_.between(0, 499) * 2 + (sex == 'M' ? 1 : 0);
      first17 += fmt::format("{:03}", seq);
      id = first17 + citizen_id_check_char(first17);
      if (used_ids_.insert(id).second) break;
    }
    ResidentRow resident{id, name, sex, format_date(birth), household_id, relation, "", 0, std::nullopt, true, std::nullopt};
    if (age >= 16 && rng_.chance(0.95)) resident.phone = mobile();
    // Drawn in this order, one statement each: the same seed gives the same people.
    const int pregnant = sex == 'F' && age >= 20 && age <= 40 && rng_.chance(0.026) ? 1 : 0;
    const int disabled = rng_.chance(age >= 60 ? 0.12 : 0.04) ? 1 : 0;
    const int party_member = age >= 18 && rng_.chance(0.08) ? 1 : 0;
    const int unemployed = age >= 16 && age < 60 && rng_.chance(0.04) ? 1 : 0;
    const int flags[] = {pregnant, disabled, low_income ? 1 : 0, party_member, unemployed};
    for (int i = 0; i < 5; ++i) resident.flags |= flags[i] << i;
    // Income in yuan a month: wages, a pension, or little in a low-income household.
    if (age < 16) {
      resident.monthly_income = 0;
    } else if (low_income) {
      resident.monthly_income = facts_.chance(0.4) ? 0 : facts_.between(100, 500);
    } else if (age < 60) {
      resident.monthly_income = facts_.chance(0.85) ? facts_.between(1500, 6000) : facts_.between(0, 900);
    } else {
      resident.monthly_income = facts_.between(1000, 3500);
    }
    resident.living_together = std::string_view(relation) == "户主" || facts_.chance(0.97);
    resident.hukou = facts_.chance(0.92) ? Hukou::urban : Hukou::rural;
    const auto row_id = district_.add_resident(resident);
    if (!row_id) throw Failure(_("the demo drew a citizen ID twice"));
    flags_.add(*row_id, resident.flags, true);
    ++report.residents;
  }

  SQLite::Database& db_;
  const Clock& clock_;
  const std::optional<std::string>& acting_;
  Random& rng_;
  Random facts_;
  HouseholdRow household_;  // the household whose members are being drawn
  Date reference_;
  DistrictWriter district_;
  StaffWriter staff_;
  std::unordered_set<std::string> used_ids_;
  FlagList flags_;
};

std::string address(std::string_view community, std::int64_t index) {
  // Six-storey blocks, two stairwells, two flats a landing: 24 flats a building.
  std::int64_t building = index / 24 + 1, flat = index % 24;
  return fmt::format("{}{}栋{}单元{}0{}", community, building, flat / 12 + 1, flat % 12 / 2 + 1, flat % 2 + 1);
}

// Ten years of decided cases for the demo district, so that reports and the
// benchmark have a history to read: spread over the working days, under the old
// chain before the 2012 reform and the new one after, most on time, some late,
// a few rejected or withdrawn, most rated.
std::int64_t generate_history(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_,
                              Random& rng, int years, const Progress& progress) {
  const WorkCalendar calendar = WorkCalendar::load(db);
  std::vector<Item> items;
  for (auto& category : list_catalog(db)) {
    for (auto& item : category.items) items.push_back(std::move(item));
  }
  struct Person {
    std::int64_t id;
    char sex;
    int birth_year;
    int flags;  // bit i: kResidentFlags[i]
    std::int64_t community;
    std::int64_t grid_worker;
  };
  std::vector<Person> people;
  SQLite::Statement q(
      db,
      "SELECT r.id, r.sex, substr(r.birth_date, 1, 4), r.pregnant | (r.disabled << 1) | "
      "  (r.low_income << 2) | (r.party_member << 3) | (r.unemployed << 4), h.community_id, "
      "  COALESCE(g.worker_id, 0) "
      "FROM residents r JOIN households h ON h.id = r.household_id LEFT JOIN grids g ON g.id = h.grid_id");
  while (q.executeStep()) {
    people.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()[0], std::stoi(q.getColumn(2).getString()),
                      q.getColumn(3).getInt(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64()});
  }
  if (people.empty()) return 0;
  // Who decides at each unit: its staff holding the role.
  std::map<std::pair<std::int64_t, Role>, std::vector<std::int64_t>> deciders;
  std::map<std::int64_t, std::string> staff_numbers;
  SQLite::Statement staff(db,
                          "SELECT s.unit_id, r.role, s.id, s.staff_no FROM staff s "
                          "JOIN staff_roles r ON r.staff_id = s.id WHERE s.active ORDER BY s.id");
  while (staff.executeStep()) {
    deciders[{staff.getColumn(0).getInt64(), stored<Role>(staff.getColumn(1).getText())}].push_back(
        staff.getColumn(2).getInt64());
    staff_numbers[staff.getColumn(2).getInt64()] = staff.getColumn(3).getString();
  }
  SQLite::Statement clerk(db,
                          "SELECT s.staff_no, c.code FROM staff s JOIN units u ON u.id = s.unit_id "
                          "JOIN units c ON c.id = u.parent_id WHERE u.parent_id = ? AND u.kind = 'station' "
                          "ORDER BY s.id LIMIT 1");
  CaseWriter writer(db);
  EventAppender events(db, clock);
  std::map<std::int64_t, std::pair<std::string, std::string>> clerks;  // community → its first clerk, its code
  std::map<std::tuple<StepLevel, std::string, std::int64_t>, StepUnit> units;
  auto unit_of = [&](const ChainStep& s, std::int64_t community) -> const StepUnit& {
    auto key = std::make_tuple(s.level, s.unit, community);
    auto it = units.find(key);
    if (it == units.end()) it = units.emplace(key, resolve_step_unit(db, s, community)).first;
    return it->second;
  };
  std::map<std::string, int> per_day;
  const Date reform = *parse_date("2012-01-01");
  const Date end = clock.today();
  const Date start = end - std::chrono::days{365 * years};
  const auto span = static_cast<int>((end - start).count());
  // About 0.55 applications per household a year (REFERENCE §3.1's order of magnitude).
  SQLite::Statement households(db, "SELECT count(*) FROM households");
  households.executeStep();
  const std::int64_t total = households.getColumn(0).getInt64() * 55 * years / 100;
  auto at = [&](Date d, int minutes) {
    return format_datetime(DateTime{d, std::chrono::seconds{(8 * 60 + 30 + minutes) * 60}});
  };
  // A household benefit's case is the household's.
  SQLite::Statement household_code(
      db, "SELECT h.code FROM residents r JOIN households h ON h.id = r.household_id WHERE r.id = ?");
  std::int64_t made = 0;
  for (std::int64_t n = 0; n < total; ++n) {
    if (n % 4096 == 0) tell(progress, N_("generating the history"), n, total);
    const Person& p = people[rng.next() % people.size()];
    // Applications come in day after day, as at a real window: a case's id follows
    // its date, and a month's cases lie together in the file as they would.
    const Date accepted = calendar.add_working_days(start + std::chrono::days{n * span / total}, 0);
    if (accepted >= end) continue;
    const int age = year_of(accepted) - p.birth_year;
    const Item* item = nullptr;
    for (int attempt = 0; attempt < 8 && !item; ++attempt) {
      const Item& candidate = items[rng.next() % items.size()];
      // A household benefit is applied for by an adult member.
      bool ok = (!candidate.sex || *candidate.sex == p.sex) && (!candidate.min_age || age >= *candidate.min_age) &&
                (!candidate.max_age || age <= *candidate.max_age) &&
                (candidate.applicant == ApplicantKind::person || age >= 18);
      for (const auto& flag : candidate.flags) {
        const auto bit = std::find(kResidentFlags.begin(), kResidentFlags.end(), flag) - kResidentFlags.begin();
        ok = ok && (p.flags >> bit & 1);
      }
      if (ok) item = &candidate;
    }
    if (!item || age < 0) continue;
    const Model model = accepted < reform ? Model::former : Model::reformed;
    const auto& chain = item->chain(model);
    const int roll = rng.between(1, 100);
    const CaseStatus status = roll <= 2   ? CaseStatus::withdrawn
                              : roll <= 9 ? CaseStatus::rejected
                                          : CaseStatus::approved;
    if (!clerks.count(p.community)) {
      clerk.reset();
      clerk.bind(1, p.community);
      if (clerk.executeStep()) clerks[p.community] = {clerk.getColumn(0).getString(), clerk.getColumn(1).getString()};
    }
    if (!clerks.count(p.community)) continue;
    // Walk the chain: each step takes about its days, sometimes more.
    struct Done {
      const StepUnit* unit;
      Date started, decided;
      std::int64_t by;
    };
    std::vector<Done> done;
    Date day = accepted;
    bool complete = true;
    for (std::size_t i = 0; i < chain.size(); ++i) {
      const auto& s = chain[i];
      const StepUnit* unit = &unit_of(s, p.community);
      const auto& who = deciders[{unit->id, s.role}];
      std::int64_t by = who.empty() ? 0 : who[rng.next() % who.size()];
      if (s.level == StepLevel::station && s.role == Role::worker && p.grid_worker && rng.chance(0.8)) {
        by = p.grid_worker;
      }
      // Nobody takes a decision step after taking another step of the case but a
      // posting (the separation of duties the workflow keeps).
      if (s.kind == StepKind::decision) {
        for (std::size_t j = 0; j < done.size(); ++j) {
          if (done[j].by == by && chain[j].kind != StepKind::posting) by = 0;
        }
      }
      if (by == 0) {
        complete = false;
        break;
      }
      Date decided;
      if (s.kind == StepKind::posting) {
        // The notice hangs its calendar days; it comes down on the next working day.
        decided = calendar.add_working_days(day + std::chrono::days{s.days}, 0);
      } else {
        int took = std::max(0, s.days - rng.between(0, std::max(0, s.days / 2)));
        if (rng.chance(0.08)) took += rng.between(1, 5);
        decided = calendar.add_working_days(day, took);
      }
      done.push_back({unit, day, decided, by});
      day = decided;
      if (status == CaseStatus::withdrawn) break;
    }
    // A rejection comes from the last step that judges: a posting judges nothing.
    if (complete && status == CaseStatus::rejected) {
      while (done.size() > 1 && chain[done.size() - 1].kind == StepKind::posting) done.pop_back();
    }
    if (!complete || done.back().decided >= end) continue;
    const std::string day_text = format_date(accepted);
    const std::string number = fmt::format("150204-{}{}{}-{:04}", day_text.substr(0, 4), day_text.substr(5, 2),
                                           day_text.substr(8, 2), ++per_day[day_text]);
    // The case as the one case writer writes it, and its event: the history holds
    // every case, and `sqgl check` replays the generated ones from it too.
    CaseRecord record;
    record.number = number;
    record.item = item->code;
    record.model = model;
    record.resident_id = p.id;
    if (item->applicant == ApplicantKind::household) {
      household_code.reset();
      household_code.bind(1, p.id);
      if (household_code.executeStep()) record.household = household_code.getColumn(0).getString();
    }
    record.community = clerks[p.community].second;
    record.window = item->window;
    record.status = status;
    record.accepted_at = at(accepted, rng.between(0, 480));
    record.accepted_by = clerks[p.community].first;
    record.due_date = format_date(chain_due(calendar, accepted, chain));
    record.decided_at = at(done.back().decided, 500);
    for (std::size_t i = 0; i < chain.size(); ++i) {
      const auto& s = chain[i];
      if (i < done.size()) {
        const bool last = i + 1 == done.size();
        const StepStatus step_status = status == CaseStatus::withdrawn            ? StepStatus::withdrawn
                                       : (status == CaseStatus::rejected && last) ? StepStatus::rejected
                                                                                  : StepStatus::approved;
        const std::string& by = staff_numbers.at(done[i].by);
        const bool failed = step_status == StepStatus::rejected;
        const std::string note = failed && s.kind == StepKind::investigation ? "家庭人均收入高于当地低保标准" : "";
        record.steps.push_back({s.seq, s.level, done[i].unit->code, s.name_zh, s.role, s.days, step_status, by,
                                at(done[i].started, 400),
                                format_date(step_due(calendar, s.kind, done[i].started, s.days)),
                                at(done[i].decided, 450), by, note, s.kind, s.place});
        if (s.kind != StepKind::decision && step_status != StepStatus::withdrawn) {
          // What the stage found, plainly: a visit on its last day, a review of seven
          // residents' representatives, a notice that hung its days.
          StageRecord stage;
          stage.step = s.seq;
          stage.kind = s.kind;
          stage.held_on = format_date(s.kind == StepKind::posting ? done[i].started : done[i].decided);
          stage.result = failed ? StageResult::fail : StageResult::pass;
          stage.note = note;
          stage.by = by;
          stage.at = at(done[i].decided, 450);
          if (s.kind == StepKind::review) {
            stage.attendees = 7;
            stage.votes_for = failed ? 2 : 6;
            stage.votes_against = failed ? 4 : 0;
            stage.votes_abstain = 1;
          } else if (s.kind == StepKind::posting) {
            stage.ends_on = format_date(done[i].started + std::chrono::days{s.days});
            stage.place = s.place;
            record.posting_days += calendar.working_days_between(
                done[i].started, std::min(done[i].decided, done[i].started + std::chrono::days{s.days - 1}));
          }
          record.stages.push_back(std::move(stage));
        }
      } else {
        record.steps.push_back({s.seq, s.level, unit_of(s, p.community).code, s.name_zh, s.role, s.days,
                                StepStatus::pending, "", "", "", "", "", "", s.kind, s.place});
      }
    }
    if (status != CaseStatus::withdrawn && rng.chance(0.6)) {
      const int r = rng.between(1, 100);
      const int score = r <= 55 ? 5 : r <= 85 ? 4 : r <= 95 ? 3 : r <= 98 ? 2 : 1;
      record.rating = RatingRecord{score, "", at(done.back().decided, 510), clerks[p.community].first};
    }
    writer.insert(record);
    events.append({"case.generate", number, nlohmann::json{{"record", case_record_json(record)}}.dump(), operator_});
    ++made;
  }
  return made;
}

}  // namespace

std::string DemoReport::detail_json(const DemoOptions& options) const {
  nlohmann::json detail{{"seed", options.seed},       {"scale", options.scale}, {"streets", streets},
                        {"communities", communities}, {"grids", grids},         {"households", households},
                        {"residents", residents},     {"staff", staff}};
  if (options.history_years > 0) {
    detail["history_years"] = options.history_years;
    detail["cases"] = cases;
  }
  return detail.dump();
}

DemoReport generate_demo(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_,
                         const DemoOptions& options) {
  if (!(options.scale > 0 && options.scale <= 100)) {
    throw errors::invalid(N_("scale"), fmt::format("{}", options.scale),
                          _("expected a number above 0 and at most 100"));
  }
  {
    SQLite::Statement existing(db, "SELECT code, name_zh FROM units WHERE kind = 'district' LIMIT 1");
    if (existing.executeStep()) {
      throw Conflict(tr("the database already holds district {} {}; generate the demo into a new database",
                        errors::quote(existing.getColumn(0).getString()), existing.getColumn(1).getString()));
    }
  }
  Random rng(options.seed);
  Writer w(db, clock, operator_, rng, *parse_date(kDemoReferenceDate));
  const std::int64_t households_per_community = std::max<std::int64_t>(1, std::llround(4000 * options.scale));
  // One station worker per 400 households, one committee leader per 800 (the reform's ratios).
  const std::int64_t workers = std::max<std::int64_t>(1, (households_per_community + 399) / 400);
  const std::int64_t leaders = std::max<std::int64_t>(1, (households_per_community + 799) / 800);
  const int width = households_per_community >= 10000 ? 5 : 4;

  std::int64_t district = w.unit("150204", "district", "青山区", "Qingshan District", std::nullopt);
  w.staff("IT01", district, {"admin"});
  // The bureaus the catalog's chains name get two approvers each.
  {
    SQLite::Statement bureaus(db, "SELECT id, code FROM units WHERE kind IN ('bureau', 'other') ORDER BY code");
    std::vector<std::pair<std::int64_t, std::string>> list;
    while (bureaus.executeStep()) list.emplace_back(bureaus.getColumn(0).getInt64(), bureaus.getColumn(1).getString());
    for (const auto& [id, code] : list) {
      w.adopt_unit(id, district);
      for (int i = 1; i <= 2; ++i) w.staff(fmt::format("{}{:02}", code, i), id, {"approver"});
    }
  }
  int community_no = 0;
  for (std::size_t s = 0; s < kPilot.size(); ++s) {
    const auto& plan = kPilot[s];
    std::int64_t street = w.unit(plan.code, "street", plan.name_zh, plan.name_en, district);
    ++w.report.streets;
    for (int i = 1; i <= 3; ++i) w.staff(fmt::format("JD{:02}{:02}", s + 1, i), street, {"reviewer"});
    for (std::size_t c = 0; c < plan.communities.size(); ++c) {
      ++community_no;
      const auto& [name_zh, name_en] = plan.communities[c];
      const std::string code = fmt::format("{}{:03}", plan.code, c + 1);
      std::int64_t community = w.unit(code, "community", name_zh, fmt::format("{} Community", name_en), street);
      std::int64_t station = w.unit(code + "-FWZ", "station", fmt::format("{}管理服务站", name_zh),
                                    fmt::format("{} Community Management Service Station", name_en), community);
      std::int64_t committee = w.unit(code + "-JWH", "committee", fmt::format("{}居民委员会", name_zh),
                                      fmt::format("{} Residents' Committee", name_en), community);
      std::int64_t party = w.unit(code + "-DW", "party", fmt::format("{}党委", name_zh),
                                  fmt::format("{} Community Party Committee", name_en), community);
      ++w.report.communities;
      w.staff(fmt::format("DW{:02}01", community_no), party, {"secretary"});
      for (std::int64_t l = 1; l <= leaders; ++l) {
        w.staff(fmt::format("JW{:02}{:02}", community_no, l), committee, {"director"});
      }
      std::vector<std::int64_t> grids;
      for (std::int64_t g = 1; g <= workers; ++g) {
        std::int64_t worker = g == 1
                                  ? w.staff(fmt::format("ZZ{:02}{:02}", community_no, g), station, {"worker", "head"})
                                  : w.staff(fmt::format("ZZ{:02}{:02}", community_no, g), station, {"worker"});
        grids.push_back(
            w.grid(fmt::format("{}-G{:02}", code, g), community, fmt::format("{}第{}网格", name_zh, g), worker));
      }
      for (std::int64_t h = 0; h < households_per_community; ++h) {
        // Consecutive buildings share a grid, as grids follow streets and blocks.
        std::int64_t grid = grids[static_cast<std::size_t>(h * workers / households_per_community)];
        std::int64_t household =
            w.household(fmt::format("{}-{:0{}}", code, h + 1, width), community, grid, address(name_zh, h));
        w.members(household);
      }
    }
  }
  if (options.history_years > 0) {
    w.report.cases = generate_history(db, clock, operator_, rng, options.history_years, options.progress);
  }
  // The residents' flags travel with the event, as an import's do: `sqgl check`
  // replays eligibility from the history.
  auto detail = nlohmann::json::parse(w.report.detail_json(options));
  detail["flags"] = w.flags().json();
  append_event(db, clock, {"demo.generate", "150204", detail.dump(), operator_});
  return w.report;
}

}  // namespace sqgl::core
