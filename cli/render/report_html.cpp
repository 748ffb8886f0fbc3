// The HTML page: a chart of each table's figure (core/report/report.h says which
// column, and which rows come first), then the table with every row. Charts are
// inline SVG laid out here, so the page needs nothing from the network; each label
// is given the room its text takes, a Chinese character as wide as the font is high.
#include "cli/render/report_html.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <utf8proc.h>

#include "core/base/i18n.h"

namespace sqgl::cli {

// Named, so that a unity build may put these helpers beside report_formats.cpp's
// of the same names.
namespace html_page {
namespace {

// Rows a chart draws one by one; beyond them, one bar stands for the rest.
constexpr std::size_t kChartRows = 15;

constexpr double kFontSize = 13;  // px, the charts' text
constexpr double kPlot = 360;     // px, the longest bar
constexpr const char* kFigureColour = "#3b6ea5";
constexpr const char* kBesideColour = "#d4a017";
constexpr const char* kRestColour = "#8c9aab";

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A report's or a table's title in the user's language (the kinds mark them N_()).
const char* shown(const std::string& title) {
  return core::translate(title.c_str());
}

// How wide `text` is drawn at `size` px, never less than the fonts of the page's
// stack draw it: a wide (CJK) character is a square, other characters outside
// ASCII are counted as squares too, capitals and the widest small letters as 0.8
// of the size, the rest as 0.62.
double text_width(std::string_view text, double size) {
  double em = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      n = 1;
      cp = 0xFFFD;
    }
    if (cp >= 0x80 || utf8proc_charwidth(cp) > 1) {
      em += 1.0;
    } else if ((cp >= 'A' && cp <= 'Z') || cp == 'm' || cp == 'w' || cp == '%' || cp == '@') {
      em += 0.8;
    } else {
      em += 0.62;
    }
    p += n;
    left -= n;
  }
  return em * size;
}

// A cell as a person reads it: the report's words in the user's language.
std::string cell(const core::ReportValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return fmt::format("{:.1f}", *d);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* w = std::get_if<core::ReportWord>(&v)) return w->shown;
  return "";
}

std::optional<double> number_in(const core::ReportValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return std::nullopt;
}

// A figure as people read it, with its unit: 85.3%, 4 working days.
std::string with_unit(double v, core::ReportUnit unit) {
  const std::string number = v == std::floor(v) ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v);
  switch (unit) {
    case core::ReportUnit::percent:
      return fmt::format("{:.1f}%", v);
    case core::ReportUnit::working_days:
      return core::tr("{} wd", number);
    case core::ReportUnit::count:
    case core::ReportUnit::year:
    case core::ReportUnit::text:
      break;
  }
  return number;
}

std::size_t column_of(const core::ReportTable& t, const std::string& key) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key == key) return i;
  }
  return t.columns.size();
}

// What `rows` come to in column `c` as one bar: counts add up, a percentage is the
// share of their denominators taken together (each row's weighted by its own),
// working days the longest of them.
std::optional<double> combined(const core::ReportTable& t, std::size_t c, const std::vector<std::size_t>& rows) {
  const core::ReportColumn& column = t.columns[c];
  std::optional<double> result;
  if (column.unit == core::ReportUnit::percent) {
    double part = 0, whole = 0;
    for (std::size_t r : rows) {
      const auto share = number_in(t.rows[r][c]);
      // A percentage that names no denominator counts each row once.
      double weight = column.of.empty() ? 1 : 0;
      for (const auto& key : column.of) {
        const std::size_t w = column_of(t, key);
        if (w < t.columns.size()) weight += number_in(t.rows[r][w]).value_or(0);
      }
      if (!share || weight <= 0) continue;
      part += *share * weight;
      whole += weight;
    }
    if (whole > 0) result = part / whole;
    return result;
  }
  for (std::size_t r : rows) {
    const auto v = number_in(t.rows[r][c]);
    if (!v) continue;
    if (column.unit == core::ReportUnit::working_days) {
      result = std::max(result.value_or(*v), *v);
    } else {
      result = result.value_or(0) + *v;
    }
  }
  return result;
}

// One bar of a chart (two with a column beside the figure).
struct Bar {
  std::string label;
  std::optional<double> figure, beside;
  std::string value;  // what is written after the bar
  bool rest = false;
};

// A row's name in a chart: its code and the name beside it (a staff number and
// the person's name), the columns before its figures.
std::string row_label(const core::ReportTable& t, std::size_t r) {
  std::string label;
  for (std::size_t c = 0; c < t.columns.size() && c < 2 && !t.columns[c].numeric(); ++c) {
    const std::string text = cell(t.rows[r][c]);
    if (text.empty()) continue;
    label += (label.empty() ? "" : " ") + text;
  }
  return label;
}

// The table's rows in the order a chart shows them: those to look at first first
// (report.h: ReportTable::figure), rows without the figure last, ties in the
// table's order.
std::vector<std::size_t> chart_order(const core::ReportTable& t, std::size_t figure, std::size_t beside) {
  std::vector<std::size_t> order(t.rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const bool lowest_first = t.columns[figure].unit == core::ReportUnit::percent;
  auto attention = [&](std::size_t r) -> std::optional<double> {
    const auto f = number_in(t.rows[r][figure]);
    if (beside < t.columns.size()) {
      const auto b = number_in(t.rows[r][beside]);
      if (!f || !b) return std::nullopt;
      return *b - *f;  // how far the column beside exceeds the figure
    }
    if (!f) return std::nullopt;
    return lowest_first ? -*f : *f;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto x = attention(a), y = attention(b);
    if (!y) return x.has_value();
    return x && *x > *y;
  });
  return order;
}

// What is written after a bar: the figure with its unit, the one beside it, and the
// context columns by their headings (which name their units).
std::string bar_value(const core::ReportTable& t, std::size_t figure, std::size_t beside,
                      const std::vector<std::optional<double>>& values, const std::vector<std::size_t>& context,
                      const std::vector<std::optional<double>>& context_values, bool rest,
                      const std::function<std::string(const core::ReportColumn&)>& heading) {
  auto one = [&](std::size_t c, const std::optional<double>& v, bool unit) {
    if (!v) return std::string("—");
    const core::ReportUnit u = t.columns[c].unit;
    std::string text = with_unit(*v, unit || u == core::ReportUnit::percent ? u : core::ReportUnit::count);
    // The rest's working days are the longest of them.
    if (rest && u == core::ReportUnit::working_days) text = core::tr("at most {}", text);
    return text;
  };
  std::string value = one(figure, values[0], true);
  if (beside < t.columns.size()) value += " / " + one(beside, values[1], true);
  for (std::size_t i = 0; i < context.size(); ++i) {
    if (!context_values[i]) continue;
    value += " · " + heading(t.columns[context[i]]) + " " + one(context[i], context_values[i], false);
  }
  return value;
}

// The bars of a table's chart: every row, or the first kChartRows and one for the rest.
std::vector<Bar> chart_bars(const core::ReportTable& t, std::size_t figure, std::size_t beside,
                            const std::function<std::string(const core::ReportColumn&)>& heading) {
  std::vector<std::size_t> context;
  for (const auto& key : t.context) {
    if (const std::size_t c = column_of(t, key); c < t.columns.size()) context.push_back(c);
  }
  const std::vector<std::size_t> order = chart_order(t, figure, beside);
  // A bar for the rest stands for two rows at least.
  const std::size_t drawn = order.size() <= kChartRows + 1 ? order.size() : kChartRows;
  std::vector<Bar> bars;
  auto add = [&](std::string label, const std::vector<std::size_t>& rows, bool rest) {
    Bar bar{std::move(label), combined(t, figure, rows), {}, {}, rest};
    if (beside < t.columns.size()) bar.beside = combined(t, beside, rows);
    std::vector<std::optional<double>> context_values;
    for (std::size_t c : context) context_values.push_back(combined(t, c, rows));
    bar.value = bar_value(t, figure, beside, {bar.figure, bar.beside}, context, context_values, rest, heading);
    bars.push_back(std::move(bar));
  };
  for (std::size_t i = 0; i < drawn; ++i) add(row_label(t, order[i]), {order[i]}, false);
  if (drawn < order.size()) {
    const std::vector<std::size_t> rest(order.begin() + static_cast<std::ptrdiff_t>(drawn), order.end());
    add(core::tr_n("other ({} row)", "other ({} rows)", rest.size(), rest.size()), rest, true);
  }
  return bars;
}

std::string px(double v) {
  return fmt::format("{:.1f}", v);
}

// A horizontal bar chart of the table's figure, with its caption (the figure's
// heading, the column beside it, and which rows it shows), or nothing when no row
// has the figure.
void chart(std::ostream& out, const core::ReportTable& t,
           const std::function<std::string(const core::ReportColumn&)>& heading) {
  const std::size_t figure = column_of(t, t.figure);
  if (t.figure.empty() || figure == t.columns.size() || t.rows.empty()) return;
  const std::size_t beside = t.beside.empty() ? t.columns.size() : column_of(t, t.beside);
  const std::vector<Bar> bars = chart_bars(t, figure, beside, heading);
  const bool paired = beside < t.columns.size();
  double top = 0;
  for (const auto& bar : bars) top = std::max({top, bar.figure.value_or(0), bar.beside.value_or(0)});
  // A chart of nothing but empty bars says nothing (no steps open at the end of the
  // period); a percentage on its whole scale does, so that 60% looks like 60%.
  if (t.columns[figure].unit == core::ReportUnit::percent) {
    if (std::none_of(bars.begin(), bars.end(), [](const Bar& b) { return b.figure.has_value(); })) return;
    top = 100;
  } else if (top <= 0) {
    return;
  }

  const double gap = 8, bar_height = paired ? 11 : 16, pitch = paired ? 30 : 24;
  double label_width = 0, value_extent = 0;
  for (const auto& bar : bars) label_width = std::max(label_width, text_width(bar.label, kFontSize));
  const double plot_x = gap + label_width + gap;
  auto length = [&](const std::optional<double>& v) { return v && top > 0 ? std::max(0.0, *v) / top * kPlot : 0.0; };
  for (const auto& bar : bars) {
    const double end = std::max(length(bar.figure), length(bar.beside));
    value_extent = std::max(value_extent, end + 6 + text_width(bar.value, kFontSize));
  }
  const double width = std::ceil(plot_x + std::max(kPlot, value_extent) + gap);
  const double height = std::ceil(gap + static_cast<double>(bars.size()) * pitch);

  out << "<figure>\n<figcaption>";
  out << "<span class=\"key\" style=\"background:" << kFigureColour << "\"></span>"
      << escape(heading(t.columns[figure]));
  if (paired) {
    out << " <span class=\"key\" style=\"background:" << kBesideColour << "\"></span>"
        << escape(heading(t.columns[beside]));
  }
  if (bars.back().rest) {
    out << " <span class=\"order\">"
        << escape(core::tr("the {} rows to look at first of {}, the others as one bar", bars.size() - 1, t.rows.size()))
        << "</span>";
  }
  out << "</figcaption>\n";
  out << fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{0}" height="{1}" )"
                     R"(viewBox="0 0 {0} {1}" role="img" aria-label="{2}: {3}" font-size="{4}">)",
                     width, height, escape(shown(t.title)), escape(heading(t.columns[figure])), kFontSize)
      << '\n';
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& bar = bars[i];
    const double y = gap + static_cast<double>(i) * pitch;
    const double middle = y + (paired ? 2 * bar_height + 1 : bar_height) / 2;
    const double baseline = middle + kFontSize * 0.35;
    out << fmt::format(R"(<text class="label" x="{}" y="{}" text-anchor="end">{}</text>)", px(plot_x - gap),
                       px(baseline), escape(bar.label));
    out << fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)", px(plot_x), px(y),
                       px(length(bar.figure)), px(bar_height), bar.rest ? kRestColour : kFigureColour);
    if (paired) {
      out << fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)", px(plot_x),
                         px(y + bar_height + 1), px(length(bar.beside)), px(bar_height), kBesideColour);
    }
    const double end = std::max(length(bar.figure), length(bar.beside));
    out << fmt::format(R"(<text class="value" x="{}" y="{}">{}</text>)", px(plot_x + end + 6), px(baseline),
                       escape(bar.value))
        << '\n';
  }
  out << "</svg>\n</figure>\n";
}

void page(std::ostream& out, const core::Report& r, const std::string& header,
          const std::function<std::string(const core::ReportColumn&)>& heading) {
  // The page's language picks the Chinese forms of the glyphs the fonts share. A
  // code or a heading stays on one line; names wrap, so a table fits the page.
  const bool chinese = shown(r.title) != r.title.c_str();
  out << "<!DOCTYPE html>\n<html lang=\"" << (chinese ? "zh-CN" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << escape(shown(r.title))
      << "</title>\n"
      << "<style>\n"
         "body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;margin:2em;color:#222}\n"
         "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}\n"
         "p.meta{color:#666}\n"
         "figure{margin:.8em 0}figcaption{color:#444;font-size:14px;margin-bottom:.3em}\n"
         "span.key{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 .6em;vertical-align:-.1em}\n"
         "span.key:first-child{margin-left:0}span.order{color:#777;margin-left:.8em}\n"
         "svg.chart{display:block;max-width:100%;height:auto}svg.chart text{fill:#222}\n"
         "table{border-collapse:collapse;margin:1em 0}\n"
         "th,td{border:1px solid #ccc;padding:2px 8px}th{background:#f3f5f8;white-space:nowrap}\n"
         "td:first-child{white-space:nowrap}\n"
         "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
         "</style>\n</head>\n<body>\n";
  out << "<h1>" << escape(shown(r.title)) << "</h1>\n<p class=\"meta\">" << escape(header) << "</p>\n";
  if (!r.notes.empty()) {
    out << "<ul>\n";
    for (const auto& note : r.notes) out << "<li>" << escape(note) << "</li>\n";
    out << "</ul>\n";
  }
  for (const auto& t : r.tables) {
    out << "<h2>" << escape(shown(t.title)) << "</h2>\n";
    if (t.rows.empty()) {
      out << "<p>" << escape(_("(none)")) << "</p>\n";
      continue;
    }
    chart(out, t, heading);
    out << "<table>\n<thead><tr>";
    for (const auto& c : t.columns) out << "<th>" << escape(heading(c)) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
      out << "<tr>";
      for (std::size_t i = 0; i < row.size(); ++i) {
        out << (t.columns[i].numeric() ? "<td class=\"n\">" : "<td>") << escape(cell(row[i])) << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace
}  // namespace html_page

void render_report_html(std::ostream& out, const core::Report& r, const std::string& header,
                        const std::function<std::string(const core::ReportColumn&)>& heading) {
  html_page::page(out, r, header, heading);
}

}  // namespace sqgl::cli
