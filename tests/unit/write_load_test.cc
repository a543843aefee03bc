// load_for_write: a write that keeps only the records of its indicators
// gives the verdicts, refusals, stamps and bytes of a write over the whole
// ledger.

#include <catch2/catch.hpp>

#include "core/base/fs.h"
#include "core/check/check.h"
#include "core/read/actuals.h"
#include "core/write/record.h"
#include "scratch.h"

using namespace tally;

namespace {

const std::string kPlanDir = std::string(TALLY_SOURCE_DIR) + "/tests/plans/rec";
const Date kToday{2024, 7, 15};
const char* kNow = "2024-07-15T10:02:00+08:00";

std::string record(const std::string& indicator, const std::string& period,
                   const std::string& value, const std::string& recorded, const std::string& by,
                   const std::string& extra = "") {
  return "\n[[actual]]\nindicator = \"" + indicator + "\"\nperiod = \"" + period +
         "\"\nvalue = " + value + "\nrecorded = " + recorded + "\nby = \"" + by +
         "\"\nsource = \"统计局月报\"\n" + extra;
}

// The test plan with actuals in the layout `tally record` writes, in three
// files; `edit` changes them before the load.
struct Ledger3 : ScratchDir {
  std::string dir = file("rec");
  Ledger3() {
    std::filesystem::copy(kPlanDir, dir, std::filesystem::copy_options::recursive);
    put("rec/actuals/gxj.toml",
        "# gxj\n" +
            record("industry.bio-output", "2024-05", "1.5", "2024-06-12T09:30:00+08:00", "gxj") +
            record("industry.output-growth", "2024-05", "6.1", "2024-06-12T09:31:00+08:00", "gxj"));
    put("rec/actuals/fgj.toml",
        "# fgj\n" + record("industry.firms", "2024-05", "120", "2024-06-13T09:00:00+08:00", "fgj") +
            record("industry.bio-output", "2024-04", "1.2", "2024-05-13T09:00:00+08:00", "fgj") +
            record("industry.urban-rate", "2024-05", "61.5", "2024-06-13T09:01:00+08:00", "fgj"));
    put("rec/actuals/rsj.toml",
        "# rsj\n" + record("industry.jobs", "2024-05", "1000", "2024-06-14T09:00:00+08:00", "rsj"));
  }
};

// What a write command sees after loading: the plan (with the records that
// break a rule left out, as main does) or the findings that stop it.
struct Loaded {
  LoadResult r;
  std::vector<ExcludedRecord> excluded;
  std::vector<std::string> stopped;  // the errors printed when the plan is invalid
};

Loaded load(const std::string& dir, std::optional<std::vector<std::string>> only) {
  DiskFileSystem fs;
  LoadOptions o{dir, "", false};
  o.only_indicators = std::move(only);
  Loaded l;
  l.r = load_for_write(fs, o, [](LoadResult& r) {
    if (!r.fatal) check_plan(r.plan, CheckOptions{kToday, &r.files}, r.diags);
    r.diags.sort(r.files);
  });
  if (l.r.diags.has_errors()) {
    Diagnostics rest = l.r.diags;
    Plan plan = l.r.plan;
    auto excluded = isolate_bad_records(plan, l.r.files, rest);
    if (rest.has_errors()) {
      for (const auto& d : l.r.diags.items()) {
        l.stopped.push_back(format_diagnostic(d, l.r.files, false));
      }
    } else {
      l.r.plan = std::move(plan);
      l.r.diags = std::move(rest);
      l.excluded = std::move(excluded);
    }
  }
  return l;
}

RecordOptions options(const std::vector<ExcludedRecord>& excluded, bool dry_run,
                      const char* now = kNow) {
  RecordOptions o;
  o.today = kToday;
  int offset = 0;
  int64_t m = *parse_rfc3339(now, &offset);
  o.clock = [m] { return m; };
  o.names = FieldNames::options({ActualKey::kIndicator, ActualKey::kValue});
  o.dry_run = dry_run;
  o.excluded = excluded;
  return o;
}

// Everything a write says and does, as text.
std::vector<std::string> said(const Loaded& l, const RecordOutcome& out) {
  std::vector<std::string> s = l.stopped;
  s.push_back("status " + std::to_string(static_cast<int>(out.status)));
  for (const auto& r : out.refusals) s.push_back("refused: " + r.message);
  for (const auto& f : out.appended) {
    s.push_back(f.path + " +" + std::to_string(f.records) + (f.created ? " new\n" : "\n") +
                f.appended);
  }
  for (const auto& a : out.stored) {
    s.push_back("stored at " + std::to_string(a.loc.line) + " " + std::to_string(a.file_order) +
                format_actual(a));
  }
  for (const auto& d : out.diags.items()) s.push_back(format_diagnostic(d, out.files, false));
  s.push_back(out.error);
  for (const auto& e : l.excluded) s.push_back("excluded " + e.where() + " " + e.reason());
  return s;
}

// The same write, once over the whole ledger and once over the records of
// its indicators, each on its own copy of the plan as `edit` leaves it:
// the same verdict, messages and bytes. Returns what was said.
std::vector<std::string> same_both_ways(const std::function<void(Ledger3&)>& edit,
                                        std::vector<ProposedActual> rows, bool dry_run = false,
                                        const char* now = kNow, bool expect_filtered = true) {
  Ledger3 whole, part;
  edit(whole);
  edit(part);
  std::vector<std::string> ids;
  for (const auto& p : rows) ids.push_back(p.indicator);
  Loaded lw = load(whole.dir, std::nullopt), lp = load(part.dir, ids);
  CHECK(lw.r.skipped.empty());
  // The filtered load kept it only when nothing was wrong.
  CHECK(lp.r.skipped.empty() == !expect_filtered);
  if (expect_filtered) CHECK(lp.r.plan.actuals.size() < lw.r.plan.actuals.size());
  std::vector<std::string> sw, sp;
  if (lw.stopped.empty()) {
    sw = said(lw, record_actuals(lw.r, rows, options(lw.excluded, dry_run, now)));
  } else {
    sw = lw.stopped;
  }
  if (lp.stopped.empty()) {
    sp = said(lp, record_actuals(lp.r, rows, options(lp.excluded, dry_run, now)));
  } else {
    sp = lp.stopped;
  }
  // Paths differ by the scratch directory only.
  for (auto& line : sp) {
    for (size_t at = line.find(part.path); at != std::string::npos; at = line.find(part.path))
      line.replace(at, part.path.size(), whole.path);
  }
  if (!expect_filtered || sw == sp) {
    CHECK(sw == sp);
  } else {
    // The one difference: a record of another indicator that breaks a
    // rule is not read, so the write does not say it is left out.
    std::vector<std::string> rest;
    for (const auto& line : sw)
      if (!line.starts_with("excluded ")) rest.push_back(line);
    CHECK(rest == sp);
  }
  for (const char* name : {"gxj.toml", "fgj.toml", "rsj.toml"}) {
    CHECK(whole.get(std::string("rec/actuals/") + name) ==
          part.get(std::string("rec/actuals/") + name));
  }
  return sw;
}

ProposedActual proposal(std::string indicator, std::string value, std::string period = "2024-06") {
  ProposedActual p;
  p.indicator = std::move(indicator);
  p.value = std::move(value);
  p.period = std::move(period);
  p.source = "统计局月报";
  return p;
}

void nothing(Ledger3&) {}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

// An edit that appends `text` to actuals/<name>.
std::function<void(Ledger3&)> appending(std::string name, std::string text) {
  return [name = "rec/actuals/" + name, text](Ledger3& l) { l.put(name, l.get(name) + text); };
}

// The write of a figure of industry.bio-output after `edit`, expected to
// load the plan whole (nothing left out) or not.
std::string bio_after(const std::function<void(Ledger3&)>& edit, bool filtered) {
  return joined(
      same_both_ways(edit, {proposal("industry.bio-output", "1.8")}, false, kNow, filtered));
}

}  // namespace

TEST_CASE("load_for_write: keeps the records of its indicators, reads every file") {
  Ledger3 s;
  Loaded l = load(s.dir, std::vector<std::string>{"industry.bio-output"});
  REQUIRE(l.stopped.empty());
  REQUIRE(l.r.plan.actuals.size() == 2);
  for (const Actual& a : l.r.plan.actuals) CHECK(a.indicator == "industry.bio-output");
  size_t skipped = 0;
  for (const auto& [file, left_out] : l.r.skipped) {
    skipped += left_out.count;
    CHECK(left_out.recorded.size() == left_out.count);
  }
  CHECK(skipped == 4);
}

TEST_CASE("load_for_write: a write gives what a write over the whole ledger gives") {
  SECTION("accepted, into a file with records of other indicators") {
    auto s = joined(same_both_ways(nothing, {proposal("industry.bio-output", "1.8")}));
    CHECK(s.find("status 0") != std::string::npos);
  }
  SECTION("a dry run") {
    same_both_ways(nothing, {proposal("industry.bio-output", "1.8")}, true);
  }
  SECTION("a new file") {
    same_both_ways(nothing, {proposal("industry.jobs", "1200")});
  }
  SECTION("a second record needs a reason, also when the first is in another file") {
    ProposedActual p = proposal("industry.bio-output", "1.3", "2024-04");
    p.by = "gxj";
    auto s = joined(same_both_ways(nothing, {p}));
    CHECK(s.find("a second record must give a reason") != std::string::npos);
  }
  SECTION("an id the plan does not define") {
    same_both_ways(nothing, {proposal("industry.nothing", "1")}, false, kNow, true);
  }
}

TEST_CASE("load_for_write: what is wrong elsewhere reads the whole ledger") {
  // A link that leads out of the plan is never read.
  auto unreadable = [](Ledger3& l) {
    l.put("outside.toml", l.get("rec/actuals/rsj.toml"));
    std::filesystem::remove(l.file("rec/actuals/rsj.toml"));
    std::filesystem::create_symlink(l.file("outside.toml"), l.file("rec/actuals/rsj.toml"));
  };
  struct Case {
    const char* what;
    std::function<void(Ledger3&)> edit;
    bool filtered;     // whether the filtered load stands
    const char* said;  // in what the write says
  };
  const Case cases[] = {
      {"a bad record of the same indicator in another file refuses",
       appending("fgj.toml", record("industry.bio-output", "2024-03", "-1",
                                    "2024-04-13T09:00:00+08:00", "fgj")),
       false, "has a record that breaks a rule"},
      // Read whole, the ledger leaves it out and the write says so; the
      // write of another indicator does not read it, and writes the same.
      {"a bad record of another indicator is not read",
       appending("rsj.toml",
                 record("industry.jobs", "2024-04", "-5", "2024-05-14T09:00:00+08:00", "rsj")),
       true, "excluded "},
      {"a record naming no indicator of the plan",
       appending("rsj.toml",
                 record("industry.nope", "2024-04", "5", "2024-05-14T09:00:00+08:00", "rsj")),
       false, "excluded "},
      {"a record whose indicator cannot be read concerns every one",
       appending("rsj.toml",
                 "\n[[actual]]\nindicator = 5\nperiod = \"2024-04\"\nvalue = 5\n"
                 "recorded = 2024-05-14T09:00:00+08:00\nby = \"rsj\"\nsource = \"月报\"\n"),
       false, "has a record that breaks a rule"},
      {"a file that is not UTF-8", appending("rsj.toml", "# \xff\n"), false, "UTF-8"},
      {"a file that cannot be read", unreadable, false, "cannot read"},
      {"a TOML syntax error in a record of another indicator",
       appending("rsj.toml",
                 record("industry.jobs", "2024-04", "1.2.3", "2024-05-14T09:00:00+08:00", "rsj")),
       false, "rsj.toml:"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(bio_after(c.edit, c.filtered).find(c.said) != std::string::npos);
  }
}

TEST_CASE("load_for_write: a correction in the same second is stamped after every record") {
  // A record of another indicator, in another file, made in the second the
  // write is stamped: the new record gets a later fraction all the same.
  const std::string s = bio_after(
      appending("rsj.toml",
                record("industry.jobs", "2024-06", "1100", "2024-07-15T10:02:00.5+08:00", "rsj")),
      true);
  CHECK(s.find("recorded = 2024-07-15T10:02:00.501+08:00") != std::string::npos);
}
