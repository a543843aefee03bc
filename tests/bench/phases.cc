// phases: where the time of `tally check` and `tally report` goes on a plan,
// pass by pass, and what the canonical actuals reader saves over toml++.
//
//   phases PLAN_DIR TODAY
//
// Prints one line per pass with its wall-clock and CPU time (all threads) in
// milliseconds; on a busy machine the CPU time is the steadier figure. The
// readers are compared on one thread over every actuals file of the plan.

#include <time.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "core/check/check.h"
#include "core/compute/report.h"
#include "core/ledger/ledger.h"
#include "core/read/actuals.h"
#include "core/read/load.h"

using namespace tally;

namespace {

double now_ms(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Wall-clock and CPU time since construction.
struct Stopwatch {
  double wall = now_ms(CLOCK_MONOTONIC);
  double cpu = now_ms(CLOCK_PROCESS_CPUTIME_ID);
  void print(const char* pass) const {
    std::printf("%-32s %9.1f ms wall %9.1f ms cpu  ", pass, now_ms(CLOCK_MONOTONIC) - wall,
                now_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: phases PLAN_DIR TODAY\n");
    return 2;
  }
  auto today = parse_date(argv[2]);
  if (!today) {
    std::fprintf(stderr, "phases: %s is not a date\n", argv[2]);
    return 2;
  }
  DiskFileSystem fs;

  Stopwatch t;
  LoadResult r = load_plan(fs, LoadOptions{argv[1], "", false});
  t.print("load_plan");
  std::printf("(%zu actuals, %zu files)\n", r.plan.actuals.size(), r.files.size());

  t = Stopwatch();
  check_plan(r.plan, CheckOptions{*today, &r.files}, r.diags);
  t.print("check_plan");
  std::printf("(%zu errors, %zu warnings)\n", r.diags.error_count(), r.diags.warning_count());

  t = Stopwatch();
  Ledger ledger(r.plan);
  t.print("Ledger");
  std::printf("\n");

  // The year-end bulletin: the plan's last month.
  t = Stopwatch();
  const Period period = period_containing(Cadence::kMonth, r.plan.header.end);
  Report report = compute_report(ledger, ReportRequest{period, *today});
  t.print("compute_report");
  std::printf("(%zu indicators, period %s)\n", report.indicators.size(), period.str().c_str());

  // The two readers over the same texts, one thread.
  std::vector<uint32_t> actuals_files;
  for (uint32_t f = 1; f < r.files.size(); ++f) {
    if (r.files.path(f).find("/actuals/") != std::string::npos) actuals_files.push_back(f);
  }
  for (int reference = 0; reference < 2; ++reference) {
    TextStore texts;
    std::vector<Actual> out;
    Diagnostics diags;
    ActualsReadStats stats;
    t = Stopwatch();
    for (uint32_t f : actuals_files) {
      if (reference) {
        load_actuals_text_toml(r.files.text(f), f, r.plan, texts, out, diags);
      } else {
        load_actuals_text(r.files.text(f), f, r.plan, texts, out, diags, &stats);
      }
    }
    t.print(reference ? "read actuals: toml++" : "read actuals: canonical");
    std::printf("(1 thread, %zu records", out.size());
    if (!reference) {
      std::printf(": %zu canonical, %zu by toml++, %zu files by toml++", stats.canonical_records,
                  stats.toml_records, stats.toml_files);
    }
    std::printf(")\n");
  }
  return 0;
}
