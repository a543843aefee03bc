// Fuzz target: the plan loader and every check, as `tally check` runs them.
//
// The input is split at NUL bytes (which TOML forbids, so nothing is lost)
// into plan.toml, bureaus.toml, one action file and one actuals file, so
// every file's reader is reached; missing parts are missing files. A plan
// that passes its checks is also reported on, as `tally report` would.
//
// Asserted: no crash or sanitizer report; every diagnostic names a file the
// loader read and a line of it; the rendered diagnostics are valid UTF-8;
// where the plain TOML reader reads a part, toml++ reads the same tree.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/base/fs.h"
#include "core/check/check.h"
#include "core/compute/overdue.h"
#include "core/compute/report.h"
#include "core/ledger/ledger.h"
#include "core/read/fast_toml.h"
#include "core/read/load.h"
#include "core/read/toml_fields.h"

using namespace tally;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_plan: %s\n", what.c_str());
  std::abort();
}

bool is_utf8(std::string_view s) {
  Diagnostics ignored;
  return check_utf8(s, 1, ignored);
}

bool same_place(const toml::source_region& a, const toml::source_region& b) {
  return a.begin == b.begin && (a.path ? *a.path : "") == (b.path ? *b.path : "");
}

// The same values at the same places.
bool same_tree(const toml::node& a, const toml::node& b) {
  if (a.type() != b.type() || !same_place(a.source(), b.source())) return false;
  if (const toml::table* t = a.as_table()) {
    const toml::table& u = *b.as_table();
    if (t->size() != u.size() || t->is_inline() != u.is_inline()) return false;
    for (auto i = t->begin(), j = u.begin(); i != t->end(); ++i, ++j) {
      if (i->first != j->first || !same_place(i->first.source(), j->first.source()) ||
          !same_tree(i->second, j->second))
        return false;
    }
    return true;
  }
  if (const toml::array* x = a.as_array()) {
    const toml::array& y = *b.as_array();
    if (x->size() != y.size()) return false;
    for (size_t i = 0; i < x->size(); ++i)
      if (!same_tree(*x->get(i), *y.get(i))) return false;
    return true;
  }
  bool same = false;
  a.visit([&](auto&& v) {
    if constexpr (toml::is_value<decltype(v)>) {
      using V = std::remove_cvref_t<decltype(v)>;
      same = v == *b.as<typename V::value_type>() &&
             v.flags() == b.as<typename V::value_type>()->flags();
    }
  });
  return same;
}

// The plain TOML reader against toml++ on one text.
void compare_readers(std::string_view text) {
  if (!is_utf8(text)) return;
  std::optional<toml::table> fast = read_plain_toml(text, "p/x.toml");
  if (!fast) return;
  toml::table reference;
  try {
    reference = toml::parse(text, std::string_view("p/x.toml"));
  } catch (const toml::parse_error& e) {
    fail("the plain TOML reader reads a text toml++ refuses: " + std::string(e.description()));
  }
  if (!same_tree(*fast, reference)) fail("the plain TOML reader and toml++ read different trees");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    size_t nul = input.find('\0', start);
    parts.push_back(input.substr(start, nul == input.npos ? input.npos : nul - start));
    if (nul == input.npos) break;
    start = nul + 1;
  }
  static const char* const kPaths[] = {"p/plan.toml", "p/bureaus.toml", "p/actions/01-fuzz.toml",
                                       "p/actuals/gxj.toml"};
  for (size_t i = 0; i < parts.size() && i < 3; ++i) compare_readers(parts[i]);
  MemoryFileSystem fs;
  for (size_t i = 0; i < parts.size() && i < std::size(kPaths); ++i) {
    fs.put(kPaths[i], std::string(parts[i]));
  }

  LoadResult loaded = load_plan(fs, LoadOptions{"p", "", false});
  if (!loaded.fatal) {
    check_plan(loaded.plan, CheckOptions{Date{2024, 7, 25}, &loaded.files}, loaded.diags);
  }
  loaded.diags.sort(loaded.files);

  size_t errors = 0;
  for (const auto& d : loaded.diags.items()) {
    if (d.severity == Severity::kError) ++errors;
    if (d.loc.file >= loaded.files.size()) fail("diagnostic in an unknown file: " + d.message);
    if (d.loc.line > 0) {
      const std::string& text = loaded.files.text(d.loc.file);
      size_t lines = 1;
      for (char c : text) lines += c == '\n';
      if (!text.empty() && d.loc.line > lines) {
        fail(loaded.files.path(d.loc.file) + ":" + std::to_string(d.loc.line) +
             " is past the end of the file (" + std::to_string(lines) + " lines): " + d.message);
      }
    }
    std::string shown = format_diagnostic(d, loaded.files, true);
    if (!is_utf8(shown)) fail("a diagnostic renders as bytes that are not UTF-8:\n" + shown);
  }
  if (errors != loaded.diags.error_count()) fail("error_count disagrees with the list");
  if (!is_utf8(format_diagnostics_json(loaded.diags, loaded.files))) {
    fail("the JSON diagnostics are not UTF-8");
  }

  // What `tally report` and `tally overdue` compute, for a plan that passed.
  if (!loaded.fatal && !loaded.diags.has_errors()) {
    const PlanHeader& h = loaded.plan.header;
    Ledger ledger(loaded.plan);
    for (Cadence c : {Cadence::kMonth, Cadence::kDekad, Cadence::kYear}) {
      Period p = period_containing(c, h.end < h.start ? h.start : add_days(h.start, 100));
      if (p.end() > h.end) p = period_containing(c, h.end);
      compute_report(ledger, ReportRequest{p, add_days(p.end(), h.timely_days)});
    }
    compute_overdue(ledger, h.end);
  }
  return 0;
}
