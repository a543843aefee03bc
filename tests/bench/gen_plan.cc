// gen_plan: writes a large synthetic plan for the benchmarks in this
// directory, and optionally an hledger journal holding the same targets (as
// periodic budget rules) and the same actuals (as transactions).
//
//   gen_plan --out DIR [--indicators 2000] [--actions 8] [--bureaus 100]
//            [--actuals 100000] [--hledger FILE]
//
// The plan is valid: `tally check --today 2025-06-30` reports no errors. The
// actuals are in the canonical layout `tally record` appends (one file per
// lead bureau, each beginning with a hand-written comment), in the order an
// office would record them: month by month, revisions after the first round.
// The output depends only on the arguments.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Options {
  std::string out;
  int indicators = 2000;
  int actions = 8;
  int bureaus = 100;
  long actuals = 100000;
  std::string hledger;
};

enum class Kind { kCumulative, kLevel, kGrowth, kMilestone };

struct Indicator {
  std::string id;       // a3.i0042
  std::string account;  // a3:i0042 (hledger)
  Kind kind;
  int lead;
  double target;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "gen_plan: %s\nusage: gen_plan --out DIR [--indicators N] [--actions N] "
               "[--bureaus N] [--actuals N] [--hledger FILE]\n",
               why);
  std::exit(2);
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (i + 1 >= argc) usage("every option takes a value");
    const char* v = argv[++i];
    if (a == "--out")
      o.out = v;
    else if (a == "--indicators")
      o.indicators = std::atoi(v);
    else if (a == "--actions")
      o.actions = std::atoi(v);
    else if (a == "--bureaus")
      o.bureaus = std::atoi(v);
    else if (a == "--actuals")
      o.actuals = std::atol(v);
    else if (a == "--hledger")
      o.hledger = v;
    else
      usage("unknown option");
  }
  if (o.out.empty()) usage("--out DIR is required");
  if (o.indicators < 1 || o.actions < 1 || o.actions > 99 || o.bureaus < 1 || o.bureaus > 999 ||
      o.actuals < 0) {
    usage("counts must be positive (at most 99 actions and 999 bureaus)");
  }
  return o;
}

// A number as a plan figure: at most two decimals, no trailing zeros.
std::string figure(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string bureau_id(int b) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "b%03d", b + 1);
  return buf;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) {
    std::fprintf(stderr, "gen_plan: cannot write %s\n", path.c_str());
    std::exit(3);
  }
}

const int kMonthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};  // 2024

// The date `days` after the end of 2024-`month`, as YYYY-MM-DD.
std::string date_after_month_end(int month, int days) {
  int y = 2024, m = month, d = kMonthDays[month - 1] + days;
  for (;;) {
    int len = y == 2024 ? kMonthDays[m - 1] : (m == 2 ? 28 : kMonthDays[m - 1]);
    if (d <= len) break;
    d -= len;
    if (++m == 13) m = 1, ++y;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse_args(argc, argv);
  namespace fs = std::filesystem;
  fs::path root(o.out);
  fs::create_directories(root / "actions");
  fs::create_directories(root / "actuals");

  write_file(root / "plan.toml",
             "# A synthetic plan for benchmarks, written by tests/bench/gen_plan.\n\n"
             "[plan]\nid = \"bench\"\ntitle = \"基准测试计划\"\ndocument = \"基准〔2024〕1号\"\n"
             "issued = 2024-03-21\nstart = 2024-01-01\nend = 2024-12-31\nutc_offset = "
             "\"+08:00\"\n\n[reporting]\ncadence = \"month\"\ntimely_days = 23\n\n"
             "[thresholds]\nbehind = 0.90\n");

  std::string bureaus;
  for (int b = 0; b < o.bureaus; ++b) {
    bureaus += "[bureau." + bureau_id(b) + "]\nname = \"市第" + std::to_string(b + 1) +
               "局\"\nfull_name = \"洪江市第" + std::to_string(b + 1) +
               "工作局\"\naliases = [\"第" + std::to_string(b + 1) +
               "局\"]\nkind = \"department\"\n\n";
  }
  write_file(root / "bureaus.toml", bureaus);

  // Indicators: kinds in a fixed mix (5 cumulative, 2 level, 2 growth, 1
  // milestone in every 10), leads spread over the bureaus.
  std::vector<Indicator> inds;
  std::string journal =
      "; A synthetic journal for benchmarks, written by tests/bench/gen_plan.\n"
      "; The plan's targets as monthly budget rules, its actuals as "
      "transactions.\n\n~ monthly from 2024-01-01 to 2025-01-01\n";
  for (int a = 0; a < o.actions; ++a) {
    std::string action_id = "a" + std::to_string(a + 1);
    int lead = (a * 13) % o.bureaus;
    std::string text = "[action]\nid = \"" + action_id + "\"\nnumber = " + std::to_string(a + 1) +
                       "\nname = \"第" + std::to_string(a + 1) + "行动\"\nname_en = \"Action " +
                       std::to_string(a + 1) + "\"\nannex = \"附件" + std::to_string(a + 1) +
                       "\"\nlead = [\"" + bureau_id(lead) + "\"]\noffice = \"" + bureau_id(lead) +
                       "\"\n";
    int first = o.indicators * a / o.actions, last = o.indicators * (a + 1) / o.actions;
    for (int i = first; i < last; ++i) {
      Indicator ind;
      char slug[16];
      std::snprintf(slug, sizeof slug, "i%04d", i + 1);
      ind.id = action_id + "." + slug;
      ind.account = action_id + ":" + slug;
      int mix = i % 10;
      ind.kind = mix < 5   ? Kind::kCumulative
                 : mix < 7 ? Kind::kLevel
                 : mix < 9 ? Kind::kGrowth
                           : Kind::kMilestone;
      ind.lead = (i * 7 + 3) % o.bureaus;
      ind.target = ind.kind == Kind::kGrowth ? 5 + i % 7 : 100 + (i * 37) % 900;
      text += "\n[[indicator]]\nid = \"" + ind.id + "\"\nname = \"指标" + std::to_string(i + 1) +
              "\"\n";
      switch (ind.kind) {
        case Kind::kCumulative:
          text += "kind = \"cumulative\"\nunit = \"万元\"\ntarget = " + figure(ind.target) + "\n";
          journal += "    (" + ind.account + ")    " + figure(ind.target / 12) + "\n";
          break;
        case Kind::kLevel:
          text += "kind = \"level\"\nunit = \"户\"\ntarget = " + figure(ind.target) +
                  "\nbaseline = { value = " + figure(ind.target * 0.8) + ", year = 2023 }\n";
          journal += "    (" + ind.account + ")    " + figure(ind.target) + "\n";
          break;
        case Kind::kGrowth:
          text += "kind = \"growth\"\nunit = \"%\"\ntarget = " + figure(ind.target) + "\n";
          journal += "    (" + ind.account + ")    " + figure(ind.target) + "\n";
          break;
        case Kind::kMilestone:
          text +=
              "kind = \"milestone\"\ndue = 2024-12-31\nstages = [{ date = 2024-06-30, stage = "
              "\"in-progress\" }, { date = 2024-12-31, stage = \"done\" }]\n";
          break;
      }
      text += "direction = \"up\"\nlead = \"" + bureau_id(ind.lead) + "\"\nco = [\"" +
              bureau_id((ind.lead + 1) % o.bureaus) + "\"]\nsource = \"附件" +
              std::to_string(a + 1) + " 二(" + std::to_string(i % 9 + 1) + ")\"\n";
      inds.push_back(ind);
    }
    char name[32];
    std::snprintf(name, sizeof name, "%02d-%s.toml", a + 1, action_id.c_str());
    write_file(root / "actions" / name, text);
  }
  journal += "\n";

  // Actuals: round r, month m, indicator i, until the count is reached. The
  // first round is the monthly report; later rounds revise it with a reason.
  std::vector<std::string> files(o.bureaus);
  for (int b = 0; b < o.bureaus; ++b) {
    files[b] = "# Actuals reported by " + bureau_id(b) + " (市第" + std::to_string(b + 1) +
               "局).\n# Appended by `tally record`; "
               "hand edits above this line are kept.\n";
  }
  long written = 0;
  const long n = static_cast<long>(inds.size());
  for (int r = 0; written < o.actuals; ++r) {
    for (int m = 1; m <= 12 && written < o.actuals; ++m) {
      for (long i = 0; i < n && written < o.actuals; ++i, ++written) {
        const Indicator& ind = inds[static_cast<size_t>(i)];
        std::string value, plain;
        switch (ind.kind) {
          case Kind::kCumulative:  // a running total that never falls
            plain = figure(ind.target * m / 12 * (0.8 + 0.001 * r));
            value = plain;
            break;
          case Kind::kLevel:
            plain = figure(ind.target * (0.8 + 0.015 * m) + 0.01 * r);
            value = plain;
            break;
          case Kind::kGrowth:
            plain = figure(ind.target - 1.5 + 0.2 * m + 0.01 * r);
            value = plain;
            break;
          case Kind::kMilestone:
            value = m < 4    ? "\"not-started\""
                    : m < 12 ? "\"" + std::to_string(m * 8) + "%\""
                             : "\"done\"";
            break;
        }
        char time[16];
        std::snprintf(time, sizeof time, "T%02ld:%02ld:00+08:00", 8 + i % 10, (i / 10) % 60);
        std::string date = date_after_month_end(m, 5 + r);
        char period[16];
        std::snprintf(period, sizeof period, "2024-%02d", m);
        std::string& f = files[static_cast<size_t>(ind.lead)];
        f += "\n[[actual]]\nindicator = \"" + ind.id + "\"\nperiod = \"" + period +
             "\"\nvalue = " + value + "\nrecorded = " + date + time + "\nby = \"" +
             bureau_id(ind.lead) + "\"\nsource = \"统计局" + std::to_string(m) + "月月报\"\n";
        if (i % 3 == 0)
          f += "note = \"1-" + std::to_string(m) + "月累计\"\n";
        else if (i % 17 == 0)
          f += "note = \"口径含\\\"规上\\\"企业\\t(初步)\"\n";
        if (r > 0) f += "reason = \"统计局第" + std::to_string(r) + "次修订\"\n";
        if (!plain.empty()) {
          journal += date + " " + ind.id + " " + period + "\n    (" + ind.account + ")    " +
                     plain + "\n\n";
        }
      }
    }
  }
  for (int b = 0; b < o.bureaus; ++b) {
    if (files[b].find("[[actual]]") == std::string::npos) continue;
    write_file(root / "actuals" / (bureau_id(b) + ".toml"), files[b]);
  }
  if (!o.hledger.empty()) write_file(o.hledger, journal);
  return 0;
}
