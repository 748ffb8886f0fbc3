#include "cli/views.h"

#include <fmt/format.h>

namespace sqgl::cli {

nlohmann::json step_json(const core::ChainStep& step) {
  nlohmann::json j{{"seq", step.seq},   {"level", step.level}, {"name_zh", step.name_zh},
                   {"role", step.role}, {"days", step.days}};
  j["unit"] = step.unit.empty() ? nlohmann::json(nullptr) : nlohmann::json(step.unit);
  j["unit_name"] = step.unit_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(step.unit_name);
  return j;
}

nlohmann::json item_json(const core::Item& item) {
  auto chain = [](const std::vector<core::ChainStep>& steps) {
    nlohmann::json list = nlohmann::json::array();
    int days = 0;
    for (const auto& s : steps) {
      list.push_back(step_json(s));
      days += s.days;
    }
    return nlohmann::json{{"levels", steps.size()}, {"days", days}, {"steps", list}};
  };
  nlohmann::json materials = nlohmann::json::array();
  for (const auto& m : item.materials) {
    materials.push_back({{"seq", m.seq}, {"name_zh", m.name_zh}, {"required", m.required}});
  }
  auto opt = [](const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {
      {"code", item.code},
      {"category", item.category},
      {"name_zh", item.name_zh},
      {"name_en", item.name_en},
      {"window", item.window},
      {"promise_days", item.promise_days},
      {"handling", item.handling},
      {"item_type", item.item_type},
      {"trips", {{"new", item.trips_new}, {"old", item.trips_old}}},
      {"eligibility",
       {{"min_age", opt(item.min_age)},
        {"max_age", opt(item.max_age)},
        {"sex", item.sex ? nlohmann::json(std::string(1, *item.sex)) : nlohmann::json(nullptr)},
        {"flags", item.flags},
        {"max_per_year", opt(item.max_per_year)},
        {"one_open_case", item.one_open_case},
        {"local_only", item.local_only}}},
      {"chains", {{"new", chain(item.new_chain)}, {"old", chain(item.old_chain)}}},
      {"materials", materials},
      {"era", item.era},
      {"facts", item.facts},
      {"source", item.source},
  };
}

std::string window_label(const std::vector<core::Window>& windows, const std::string& code) {
  for (const auto& w : windows) {
    if (w.code == code) return w.name_zh;
  }
  return code;
}

std::string eligibility_text(const core::Item& item) {
  std::vector<std::string> parts;
  if (item.sex) parts.push_back(*item.sex == 'F' ? "women only" : "men only");
  if (item.min_age && item.max_age) {
    parts.push_back(fmt::format("aged {}–{}", *item.min_age, *item.max_age));
  } else if (item.min_age) {
    parts.push_back(fmt::format("aged {} or over", *item.min_age));
  } else if (item.max_age) {
    parts.push_back(fmt::format("aged {} or under", *item.max_age));
  }
  for (const auto& flag : item.flags) parts.push_back(flag);
  if (item.max_per_year) parts.push_back(fmt::format("at most {} a year", *item.max_per_year));
  if (item.one_open_case) parts.push_back("one open case per resident");
  parts.push_back(item.local_only ? "registered residents of the community" : "anyone living in the community");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::string handling_label(const std::string& handling) {
  return handling == "immediate" ? "即办件 on the spot" : "承诺件 promised";
}

}  // namespace sqgl::cli
