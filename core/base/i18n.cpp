#include "core/base/i18n.h"

#include <clocale>
#include <string_view>

#include "core/base/error.h"

namespace sqgl::core {

void init_messages(const char* locale_dir) {
  std::setlocale(LC_ALL, "");
  // The language is the user's; the decimal point is C's, so that figures in tables,
  // CSV and JSON read the same in every locale (nlohmann and strtod follow LC_NUMERIC).
  std::setlocale(LC_NUMERIC, "C");
  ::bindtextdomain(kTextDomain, locale_dir);
  // Messages come out in UTF-8 whatever the locale's charset, as every other byte
  // sqgl prints does.
  ::bind_textdomain_codeset(kTextDomain, "UTF-8");
}

void english_messages() {
  // gettext returns the msgid under the C locale, whatever LANGUAGE says.
  std::setlocale(LC_MESSAGES, "C");
}

bool english_interface() {
  // The translators say which language they write: "zh" in zh_CN.po.
  return std::string_view(C_("language of this translation (an ISO 639-1 code)", "en")) == "en";
}

std::pair<std::string, std::string> in_both_languages(const std::function<std::string()>& say) {
  std::string shown = say();
  const char* current = std::setlocale(LC_MESSAGES, nullptr);
  const std::string saved = current ? current : "C";
  if (saved == "C" || saved == "POSIX") return {shown, shown};
  english_messages();
  std::string english;
  try {
    english = say();
  } catch (...) {
    std::setlocale(LC_MESSAGES, saved.c_str());
    throw;
  }
  std::setlocale(LC_MESSAGES, saved.c_str());
  return {std::move(shown), std::move(english)};
}

}  // namespace sqgl::core
