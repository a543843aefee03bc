// The HTML report: its bytes against a golden file, escaping of every text,
// no requests to anywhere, A4 printing and determinism. What a browser shows
// is tested in tests/shell/html_chromium.sh.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "core/check/check.h"
#include "core/ledger/ledger.h"
#include "core/read/load.h"
#include "core/render/html.h"
#include "golden.h"

using namespace tally;

namespace {

// The June report of tests/plans/report as of 2024-07-25 (the plan and day
// of tests/shell/report_golden.sh).
struct JuneReport {
  LoadResult loaded;
  std::unique_ptr<Ledger> ledger;
  Report report;

  JuneReport() {
    DiskFileSystem fs;
    loaded = load_plan(fs, LoadOptions{TALLY_SOURCE_DIR "/tests/plans/report", "", false});
    const Date as_of{2024, 7, 25};
    check_plan(loaded.plan, CheckOptions{as_of, &loaded.files}, loaded.diags);
    REQUIRE_FALSE(loaded.diags.has_errors());
    ledger = std::make_unique<Ledger>(loaded.plan);
    report = compute_report(*ledger, ReportRequest{Period{Cadence::kMonth, 2024, 6}, as_of});
  }
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t count(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Nothing in the page may make a browser fetch anything, or run anything:
// every tag is one of the few the renderer writes, with attributes from a
// short list (no src, href, style or on… handlers), and the stylesheet
// loads nothing.
void check_self_contained(const std::string& html) {
  static const std::set<std::string> kTags = {
      "!DOCTYPE", "html",  "head",  "meta", "title", "style",   "body", "header", "h1",   "h2",
      "h3",       "p",     "ul",    "li",   "b",     "section", "svg",  "line",   "text", "rect",
      "table",    "thead", "tbody", "tr",   "th",    "td",      "span", "footer"};
  static const std::set<std::string> kAttributes = {
      "lang", "charset", "name", "content", "class", "viewBox", "role",   "aria-label", "x",
      "y",    "x1",      "y1",   "x2",      "y2",    "width",   "height", "text-anchor"};
  const size_t style = html.find("<style>"), style_end = html.find("</style>");
  REQUIRE(style != std::string::npos);
  const std::string css = html.substr(style, style_end - style);
  for (std::string_view banned : {"url(", "@import", "http", "//"}) {
    INFO(banned);
    CHECK(css.find(banned) == std::string::npos);
  }
  for (size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    if (at > style && at < style_end) continue;
    const size_t end = html.find('>', at);
    REQUIRE(end != std::string::npos);
    std::string tag = html.substr(at + 1, end - at - 1);
    if (!tag.empty() && tag[0] == '/') tag.erase(0, 1);
    const size_t space = tag.find(' ');
    std::string name = tag.substr(0, space);
    if (!name.empty() && name.back() == '/') name.pop_back();
    INFO("<" << tag << ">");
    CHECK(kTags.count(name) == 1);
    // Attributes: name="value", values without '"' (escaped as &quot;).
    for (size_t i = space; i < tag.size();) {
      while (i < tag.size() && (tag[i] == ' ' || tag[i] == '/')) ++i;
      if (i >= tag.size()) break;
      size_t eq = tag.find('=', i);
      if (name == "!DOCTYPE" || eq == std::string::npos) break;
      CHECK(kAttributes.count(tag.substr(i, eq - i)) == 1);
      REQUIRE(tag[eq + 1] == '"');
      i = tag.find('"', eq + 2);
      REQUIRE(i != std::string::npos);
      ++i;
    }
  }
}

// A report whose every text is hostile markup.
Report hostile_report() {
  Report r;
  r.plan_id = "<id>";
  r.plan_title = "<b>方案</b> & \"引号\"";
  r.plan_document = "</title><script>alert(1)</script>";
  r.period = Period{Cadence::kMonth, 2024, 6};
  r.as_of = Date{2024, 7, 25};
  r.expected = 0.5;
  IndicatorRow row;
  row.id = "a.x";
  row.name = "<script>alert(\"x\")</script>&";
  row.unit = "<u>";
  row.target = Decimal{5, 0};
  row.actual = Decimal{2, 0};
  row.actual_period = r.period;
  row.lead_names = {"<i>局</i>"};
  row.status = Status::kMissing;
  r.indicators = {row};
  ActionRow a;
  a.number = 1;
  a.name = "<img src=x onerror=alert(1)>";
  a.name_en = "<svg onload=alert(1)>";
  a.lead_names = {"'甲'"};
  a.indicators = {0};
  a.rollup.counts.add(Status::kMissing);
  a.rollup.mean_completion = 0.4;
  r.actions = {a};
  BureauRow b;
  b.rank = 1;
  b.name = "</td><script>x</script>";
  b.indicators = {0};
  b.rollup.counts.add(Status::kMissing);
  r.bureaus = {b};
  r.totals.counts.add(Status::kMissing);
  return r;
}

}  // namespace

TEST_CASE("render_html: the June report, byte for byte", "[golden]") {
  JuneReport june;
  const std::string html = render_html(june.report, RenderOptions{});
  const std::string golden = TALLY_SOURCE_DIR "/tests/golden/report/report.html";
  // To refresh after an intended change: cmake --build build --target
  // update-golden (which runs the [golden] tests with --update-golden),
  // then read the diff before committing it.
  if (test::update_golden) {
    std::ofstream(golden, std::ios::binary) << html;
  } else if (const char* env = std::getenv("TALLY_UPDATE_GOLDEN"); env && *env) {
    FAIL("TALLY_UPDATE_GOLDEN is set (" << env
                                        << "), but a test run never rewrites golden files: unset "
                                           "it; to rewrite them run cmake --build build --target "
                                           "update-golden");
  }
  CHECK(html == read_file(golden));
}

TEST_CASE("render_html: header, chart, tables and colours") {
  JuneReport june;
  const Report& r = june.report;
  const std::string html = render_html(r, RenderOptions{});
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">", 0) ==
        0);
  CHECK(html.find("@page { size: A4 landscape;") != std::string::npos);
  // Each printed page: the title and period at its top, its number at its foot.
  CHECK(html.find("@page { @top-left { content: \"示例县“三大行动”方案\";") != std::string::npos);
  CHECK(html.find("@top-right { content: \"期别 2024-06\";") != std::string::npos);
  CHECK(html.find("content: counter(page) \" / \" counter(pages);") != std::string::npos);
  CHECK(html.find("section.page { break-before: page; }") != std::string::npos);
  CHECK(html.find("Noto Sans CJK SC") != std::string::npos);
  // One count per status in the header, as computed.
  for (Status s : kAllStatuses) {
    INFO(status_name(s));
    CHECK(html.find(fmt::format("<li class=\"s-{}{}\"><b>{}</b>{}</li>", status_name(s),
                                r.totals.counts[s] == 0 ? " zero" : "", r.totals.counts[s],
                                status_label(s, false))) != std::string::npos);
  }
  // One chart: per action, one part per status it has indicators in, with
  // the count as its tooltip, and one legend square per status. No mean.
  CHECK(count(html, "<svg ") == 1);
  size_t parts = 0;
  for (const ActionRow& a : r.actions) {
    for (Status s : kAllStatuses) {
      if (a.rollup.counts[s] == 0) continue;
      ++parts;
      CHECK(html.find(fmt::format("<title>{} {}</title>", status_label(s, false),
                                  a.rollup.counts[s])) != std::string::npos);
    }
  }
  CHECK(count(html, "<rect class=\"f-") == parts + kStatusCount);
  CHECK(html.find("平均完成率与序时进度") == std::string::npos);
  // A period never wraps at its hyphen.
  CHECK(html.find("<td class=\"k\">2024-06</td>") != std::string::npos);
  // Every indicator appears once per action that reports it, plus once in
  // 需关注 when it needs attention; each with its status pill.
  size_t rows = attention_indicators(r).size();
  for (const ActionRow& a : r.actions) rows += a.indicators.size();
  CHECK(count(html, "<span class=\"pill s-") - 2 * kStatusCount == rows);
  // Missing is never red.
  CHECK(html.find(".s-missing { --fg: #0b4f8a; --bg: #dcebfb;") != std::string::npos);
  check_self_contained(html);
}

TEST_CASE("render_html: a title cannot break out of the print header's CSS string") {
  JuneReport june;
  Report r = june.report;
  r.plan_title = "a\"b\\c</style><script>";
  const std::string html = render_html(r, RenderOptions{});
  // ", \\ and < as CSS escapes (hex code and a space), so the sheet holds no
  // closing tag and the string no early end.
  CHECK(html.find("@top-left { content: \"a\\22 b\\5c c\\3c /style>\\3c script>\";") !=
        std::string::npos);
  CHECK(count(html, "</style>") == 1);
  check_self_contained(html);
}

TEST_CASE("render_html: every grouping and language is deterministic and self-contained") {
  JuneReport june;
  for (GroupBy by : {GroupBy::kAction, GroupBy::kBureau, GroupBy::kIndicator}) {
    for (bool en : {false, true}) {
      RenderOptions o;
      o.by = by;
      o.en = en;
      const std::string html = render_html(june.report, o);
      INFO(static_cast<int>(by) << " en=" << en);
      CHECK(html == render_html(june.report, o));
      CHECK(html.find(en ? "Needs attention" : "需关注") != std::string::npos);
      check_self_contained(html);
    }
  }
}

TEST_CASE("render_html: every text is escaped") {
  const Report r = hostile_report();
  for (GroupBy by : {GroupBy::kAction, GroupBy::kBureau, GroupBy::kIndicator}) {
    for (bool en : {false, true}) {
      RenderOptions o;
      o.by = by;
      o.en = en;
      const std::string html = render_html(r, o);
      INFO(html);
      check_self_contained(html);
      CHECK(html.find("<b>方案") == std::string::npos);
      CHECK(html.find("<i>") == std::string::npos);
      CHECK(html.find("<u>") == std::string::npos);
      CHECK(html.find("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
      CHECK(html.find(en ? "&lt;svg onload=alert(1)&gt;" : "&lt;img src=x onerror=alert(1)&gt;") !=
            std::string::npos);
      CHECK(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;") !=
            std::string::npos);
      CHECK(html.find("&lt;b&gt;方案&lt;/b&gt; &amp; &quot;引号&quot;") != std::string::npos);
    }
  }
}

TEST_CASE("render_html: an empty selection says so") {
  Report r = hostile_report();
  r.indicators.clear();
  const std::string html = render_html(r, RenderOptions{});
  CHECK(html.find("<p>没有符合筛选条件的指标。</p>") != std::string::npos);
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.substr(html.size() - 16) == "</body>\n</html>\n");
}
