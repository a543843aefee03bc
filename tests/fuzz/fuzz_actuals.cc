// Fuzz target: the canonical actuals reader (fast_actuals.h), differentially
// against toml++.
//
// The input is the text of one actuals file. The loader's reader
// (load_actuals_text: the canonical reader, falling back to toml++ for what
// it declines) and the reference reader (load_actuals_text_toml: toml++
// alone) must give the same records and the same diagnostics, field for
// field and in the same order, as tests/unit/fast_actuals_test.cc requires.
// A difference aborts with both results printed.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/read/actuals.h"
#include "core/read/fast_actuals.h"
#include "core/read/toml_fields.h"
#include "describe_actual.h"

using namespace tally;
using tally::testing::describe;

namespace {

struct Read {
  std::vector<std::string> records;
  std::vector<std::string> diags;
};

Read read_with(std::string_view text, const Plan& plan, bool reference) {
  TextStore texts;
  std::vector<Actual> out;
  // A record already in the list, as when the loader reads a second file.
  out.emplace_back();
  Diagnostics diags;
  if (reference) {
    load_actuals_text_toml(text, 3, plan, texts, out, diags);
  } else {
    load_actuals_text(text, 3, plan, texts, out, diags);
  }
  Read r;
  for (size_t i = 1; i < out.size(); ++i) r.records.push_back(describe(out[i]));
  for (const auto& d : diags.items()) r.diags.push_back(describe(d));
  return r;
}

void print(const char* title, const Read& r) {
  std::fprintf(stderr, "--- %s: %zu records, %zu diagnostics\n", title, r.records.size(),
               r.diags.size());
  for (const auto& s : r.records) std::fprintf(stderr, "  record %s\n", s.c_str());
  for (const auto& s : r.diags) std::fprintf(stderr, "  diag   %s\n", s.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const Plan plan = [] {
    Plan p;
    p.header.utc_offset_minutes = 8 * 60;
    p.header.utc_offset = "+08:00";
    return p;
  }();

  // The canonical reader on its own, record by record: whatever it accepts
  // must be a record toml++ reads too (checked below through the loader).
  if (auto records = split_actual_records(strip_bom(text))) {
    TextStore texts;
    CanonicalScratch scratch;
    for (const auto& r : *records) {
      Actual a;
      CanonicalActual c;
      (void)read_canonical_actual(r, 3, texts, a, c, scratch);
    }
  }

  Read fast = read_with(text, plan, false);
  Read ref = read_with(text, plan, true);
  if (fast.records != ref.records || fast.diags != ref.diags) {
    std::fprintf(stderr, "fuzz_actuals: the canonical reader and toml++ disagree\n");
    print("load_actuals_text (canonical reader, toml++ fallback)", fast);
    print("load_actuals_text_toml (toml++ alone)", ref);
    std::abort();
  }
  return 0;
}
