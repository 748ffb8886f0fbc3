// What a person reads, in the person's language: GNU gettext, as git and psql use it.
// Messages are written in English and marked for xgettext (po/CMakeLists.txt lists
// the keywords); po/zh_CN.po holds their Chinese. The locale comes from LANGUAGE,
// LC_ALL, LC_MESSAGES and LANG as usual, and the C locale stays English. What machines
// read (JSON keys and values, codes, dates, exit codes) is never marked.
//
//   _("not found")                  translated where it is used
//   N_("by item")                   marked only: a table of names, translated when shown
//   tr("due {}", date)              translated, then formatted with fmt (the English is
//                                   checked at compile time against the arguments)
//   tr_n("{} case", "{} cases", n, n)  the plural form the language wants for n
//   C_("case status", "open")       a word whose translation depends on where it stands
#pragma once

#include <libintl.h>

#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace sqgl::core {

/// The gettext domain of sqgl's messages (installed as LC_MESSAGES/sqgl.mo).
inline constexpr const char* kTextDomain = "sqgl";

/// Reads the locale from the environment and binds sqgl's messages to `locale_dir`
/// (the installed share/locale, or the build tree's for tests). Numbers keep the C
/// locale's decimal point whatever the language: output is read by scripts too.
void init_messages(const char* locale_dir);

/// From now on messages are English whatever the locale: under --json everything sqgl
/// prints is read by a program, and a finding's text inside the document, or the error
/// beside it, must not change with the language of the person who started it.
void english_messages();

/// Whether people read sqgl in English: the C locale, --json, or a language sqgl has
/// no translation for. The catalogue's English-only notes are shown to them alone.
bool english_interface();

/// `msgid` in the user's language, or `msgid` itself when it has no translation.
inline const char* translate(const char* msgid) {
  return ::dgettext(kTextDomain, msgid);
}

/// The singular or plural message for `n`, in the user's language.
inline const char* translate_plural(const char* one, const char* many, unsigned long n) {
  return ::dngettext(kTextDomain, one, many, n);
}

/// `context_and_id` is "context\004msgid" (C_ builds it): the translation, or the msgid.
inline const char* translate_in_context(const char* context_and_id, const char* msgid) {
  const char* translated = ::dgettext(kTextDomain, context_and_id);
  return translated == context_and_id ? msgid : translated;
}

/// The text of a format string fmt has checked at compile time against the arguments
/// (always a string literal, so it ends in a NUL and can be looked up by gettext).
template <typename... Args>
const char* english(fmt::format_string<Args...> message) {
  return fmt::string_view(message).data();
}

/// The translation of `message`, formatted with `args` (fmt syntax; a translation may
/// reorder the placeholders with {0}, {1}, …). The English is checked by fmt at compile
/// time against the arguments, as fmt::format's is.
template <typename... Args>
std::string tr(fmt::format_string<Args...> message, Args&&... args) {
  return fmt::format(fmt::runtime(translate(english<Args...>(message))), std::forward<Args>(args)...);
}

/// Like tr(), with the plural form for `n` chosen by the language.
template <typename... Args>
std::string tr_n(fmt::format_string<Args...> one, fmt::format_string<Args...> many, unsigned long n,
                 Args&&... args) {
  return fmt::format(fmt::runtime(translate_plural(english<Args...>(one), english<Args...>(many), n)),
                     std::forward<Args>(args)...);
}

}  // namespace sqgl::core

/// Marks a message and translates it (xgettext keyword).
#define _(msgid) ::sqgl::core::translate(msgid)
/// Marks a message without translating it: for tables built before the locale is read.
#define N_(msgid) msgid
/// Marks and translates a message in a context (xgettext's msgctxt), for one English
/// word with two meanings: C_("case status", "open").
#define C_(context, msgid) ::sqgl::core::translate_in_context(context "\004" msgid, msgid)
