#!/usr/bin/env python3
"""The HTML reports as a meeting sees them: every report kind, in English and in
Chinese, rendered by headless Chromium on a demo district with history.

Each page must render offline (no network resource), its screenshot must not be
blank, no element may stick out of its box or of the page, and no chart text out
of its chart; a chart shows every row or the first rows and one bar for the rest,
whose on-time rate is the rest's own (weighted by their decided cases).

Usage: check_html.py --sqgl BIN --localedir DIR --work DIR
Exit 77 (skipped) when chromium is not installed, 1 on a failure."""

import argparse
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib

KINDS = ["backlog", "overdue", "performance", "workload", "evaluation", "staffing", "reform", "calendar"]
# Workload runs to the as-of day (the month's first to it): steps are open then.
PERIOD_KINDS = {"performance", "evaluation", "reform"}
LOCALES = ["C.UTF-8", "zh_CN.UTF-8"]
# The demo's history ends on this day; the period reports cover its month, the
# others a day of it with cases open and overdue.
NOW = "2013-06-28T17:00"
PERIOD = ["--period", "2013-06"]
AS_OF = ["--as-of", "2013-06-14"]
WIDTH, HEIGHT = 1280, 900
# The colour of a chart's bars (cli/render/report_html.cpp).
BAR = (0x3B, 0x6E, 0xA5)
# Rows a chart draws one by one before one bar for the rest.
CHART_ROWS = 15

# The charts each kind draws in English (their aria-label: table, figure), on the
# demo's history at the dates above: the figure that matters for each table.
CHARTS = {
    "backlog": ["By deciding unit: open", "By window: open", "By community: open", "Open cases: age (wd)"],
    "overdue": ["Cases past due: overdue (wd)", "Steps past due in cases still on time: overdue (wd)"],
    "performance": [f"{t}: on time %" for t in ("By item", "By category", "By window", "By community",
                                                 "By street office")],
    "workload": ["Staff: open steps"],
    "evaluation": [f"{t}: satisfied %" for t in ("By window", "By accepting clerk", "By item")],
    "staffing": ["Communities: station workers"],
    "reform": ["Total: median wd", "By item: promised old"],
    "calendar": [],
}

# Injected into a copy of each page: what overflows, and each chart's texts.
MEASURE = r"""
<script>
window.addEventListener('load', () => {
  const out = {overflow: [], charts: [], cjk_font: document.fonts.check('13px "Noto Sans CJK SC"') ||
                                                  document.fonts.check('13px "WenQuanYi Micro Hei"')};
  const page = document.documentElement.clientWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ?
      '.' + el.className : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  if (document.documentElement.scrollWidth > page)
    out.overflow.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + page + ' px window');
  for (const el of document.body.querySelectorAll('*')) {
    if (el instanceof SVGElement) continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      out.overflow.push(name(el) + ': its content is ' + el.scrollWidth + ' px wide in ' + el.clientWidth + ' px');
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.left < -0.5 || r.right > page + 0.5))
      out.overflow.push(name(el) + ': from ' + r.left + ' to ' + r.right + ' px, outside the page');
  }
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    const chart = {label: svg.getAttribute('aria-label'), labels: [], values: []};
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBoundingClientRect();
      if (b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5)
        out.overflow.push('chart "' + chart.label + '": text "' + t.textContent + '" at ' +
                          [b.left, b.right].map(Math.round) + ' outside the chart at ' + [box.left, box.right].map(Math.round));
      if (b.left < -0.5 || b.right > page + 0.5)
        out.overflow.push('chart "' + chart.label + '": text "' + t.textContent + '" outside the page');
      (t.getAttribute('class') === 'label' ? chart.labels : chart.values).push(t.textContent);
    }
    out.charts.push(chart);
  }
  const pre = document.createElement('pre');
  pre.id = 'sqgl-measure';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def fail(message):
    print(f"html: FAILED: {message}")
    sys.exit(1)


def chromium_command():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium(browser, work, *args):
    profile = os.path.join(work, "chrome")
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        fail(f"chromium exited {result.returncode}: {result.stderr.strip()[-500:]}")
    return result.stdout


def png_pixels(path):
    """The width, height and rows of RGB(A) pixels of an 8-bit PNG, decoded with zlib."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    at, idat = 8, b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind = data[at + 4:at + 8]
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    if depth != 8 or colour not in (2, 6) or interlace:
        fail(f"{path}: a PNG of depth {depth}, colour type {colour}, interlace {interlace} this test does not read")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def check_screenshot(path, charts):
    width, height, channels, rows = png_pixels(path)
    inked = bars = 0
    for row in rows:
        for x in range(0, width * channels, channels):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if r < 200 or g < 200 or b < 200:
                inked += 1
            if abs(r - BAR[0]) < 8 and abs(g - BAR[1]) < 8 and abs(b - BAR[2]) < 8:
                bars += 1
    if inked < width * height // 200:
        fail(f"{path}: blank ({inked} of {width * height} pixels inked)")
    if charts and bars < 50:
        fail(f"{path}: the page has charts, yet no bar shows in its first {height} px")
    return inked


def run(command, env):
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode not in (0, 6):
        fail(f"{' '.join(command)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def rest_rate(table, figure, weight):
    """The on-time rate of the rows a chart puts in its last bar, from --json."""
    f, w = figure, weight
    rows = table["rows"]
    order = sorted(range(len(rows)), key=lambda i: (rows[i][f] is None, rows[i][f] if rows[i][f] is not None else 0))
    rest = [rows[i] for i in order[CHART_ROWS:]]
    part = sum(r[f] * r[w] for r in rest if r[f] is not None and r[w])
    whole = sum(r[w] for r in rest if r[f] is not None and r[w])
    return len(rest), (part / whole if whole else None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqgl", required=True)
    parser.add_argument("--localedir", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    browser = chromium_command()
    if browser is None:
        print("html: skipped: chromium is not installed (scripts/deps --test installs it)")
        return 77
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, SQGL_DB=os.path.join(work, "sqgl.db"), SQGL_NOW=NOW, SQGL_CONFIG="",
               SQGL_LOCALEDIR=args.localedir, LC_ALL="C.UTF-8")
    env.pop("SQGL_OPERATOR", None)
    run([args.sqgl, "init", "--demo", "--history", "2"], env)

    checked = charts_seen = 0
    for locale in LOCALES:
        lenv = dict(env, LC_ALL=locale)
        for kind in KINDS:
            period = PERIOD if kind in PERIOD_KINDS else AS_OF
            page = os.path.join(work, f"{kind}.{locale}.html")
            run([args.sqgl, "report", kind, *period, "--format", "html", "--out", page], lenv)
            with open(page, encoding="utf-8") as f:
                text = f.read()
            # Offline: nothing fetched, no script, no link to another file.
            for pattern in (r"\bsrc\s*=", r"\bhref\s*=", r"url\(", r"@import", r"<script", r"<link"):
                if re.search(pattern, text, re.I):
                    fail(f"{kind} ({locale}): the page refers to a resource ({pattern})")
            report = json.loads(run([args.sqgl, "report", kind, *period, "--json"], env))
            # Every row of every table is in the page's tables.
            if text.count("<tr>") != sum(len(t["rows"]) + 1 for t in report["tables"] if t["rows"]):
                fail(f"{kind} ({locale}): the tables do not hold every row of the report")

            measured = os.path.join(work, f"{kind}.{locale}.measure.html")
            with open(measured, "w", encoding="utf-8") as f:
                f.write(text.replace("</body>", MEASURE + "</body>"))
            dom = chromium(browser, work, "--virtual-time-budget=5000", "--dump-dom", "file://" + measured)
            found = re.search(r'<pre id="sqgl-measure">(.*?)</pre>', dom, re.S)
            if not found:
                fail(f"{kind} ({locale}): the measuring script did not run")
            result = json.loads(html.unescape(found.group(1)))
            if locale.startswith("zh") and not result["cjk_font"]:
                fail("no Chinese font: install fonts-noto-cjk (scripts/deps --test)")
            if result["overflow"]:
                fail(f"{kind} ({locale}): " + "; ".join(result["overflow"][:5]))
            for chart in result["charts"]:
                if len(chart["labels"]) > CHART_ROWS + 1 or any(not label.strip() for label in chart["labels"]):
                    fail(f"{kind} ({locale}): chart {chart['label']} has labels {chart['labels']}")
            charts_seen += len(result["charts"])
            labels = [chart["label"] for chart in result["charts"]]
            if locale == "C.UTF-8" and labels != CHARTS[kind]:
                fail(f"{kind}: the charts are {labels}, not {CHARTS[kind]}")

            if kind == "performance" and locale == "C.UTF-8":
                by_item = next(t for t in report["tables"] if t["name"] == "by_item")
                chart = next(c for c in result["charts"] if c["label"].startswith("By item"))
                if len(by_item["rows"]) <= CHART_ROWS + 1:
                    fail(f"performance: {len(by_item['rows'])} items, too few for a bar of the rest")
                others, rate = rest_rate(by_item, "on_time_pct", "decided")
                shown = chart["values"][-1]
                if not chart["labels"][-1].startswith(f"other ({others} rows)"):
                    fail(f"performance: the last bar is {chart['labels'][-1]!r}, not the other {others} rows")
                if rate is None or not shown.startswith(f"{rate:.1f}%"):
                    fail(f"performance: the other items' on-time rate is {rate}, the chart says {shown!r}")

            shot = os.path.join(work, f"{kind}.{locale}.png")
            chromium(browser, work, f"--screenshot={shot}", "file://" + page)
            check_screenshot(shot, result["charts"])
            checked += 1
    if charts_seen == 0:
        fail("no page has a chart")
    print(f"html: {checked} pages rendered, {charts_seen} charts, no blank page, nothing overflows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
