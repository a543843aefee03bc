// Fuzz target: periods, dates, times and offsets (period.h), and the value
// parser of `tally record` ("3.6亿元", "36000万", "60%": parse_value_for in
// record.h, over units.h).
//
// The whole input is given to every parser. Asserted: no crash or sanitizer
// report, and the round trips that must hold:
//  - a period that parses prints (Period::str) as text that parses to it;
//  - a relative period resolves to a period that prints and parses back,
//    and `due` resolves to a period already due;
//  - a date, an RFC 3339 time and a UTC offset print back to the same;
//  - a decimal prints back to the same; a value accepted for an indicator,
//    written plainly, is accepted again as the same value, and stored in an
//    actuals file as `tally record` writes it, reads back as the same value.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/period.h"
#include "core/base/units.h"
#include "core/compute/proposal.h"
#include "core/model/model.h"
#include "core/read/actuals.h"

using namespace tally;

namespace {

[[noreturn]] void fail(std::string_view input, const std::string& what) {
  std::fprintf(stderr, "fuzz_period: input '%.*s': %s\n", static_cast<int>(input.size()),
               input.data(), what.c_str());
  std::abort();
}

void check_period_round_trip(std::string_view input, const Period& p, const char* how) {
  std::string text = p.str();
  std::string error;
  auto again = parse_period(text, &error);
  if (!again) fail(input, std::string(how) + " gives " + text + ", which does not parse: " + error);
  if (!(*again == p))
    fail(input, std::string(how) + " gives " + text + ", which reads as " + again->str());
  if (p.end() < p.start())
    fail(input, std::string(how) + " gives " + text + ", which ends before it starts");
}

void periods(std::string_view s) {
  std::string error;
  if (auto p = parse_period(s, &error)) {
    check_period_round_trip(s, *p, "parse_period");
  } else if (error.empty()) {
    fail(s, "parse_period refused it without a message");
  }
  static constexpr Date kTodays[] = {{2024, 1, 1}, {2024, 2, 29}, {2024, 7, 25}, {2024, 12, 31}};
  static constexpr Cadence kCadences[] = {Cadence::kYear, Cadence::kHalf, Cadence::kQuarter,
                                          Cadence::kMonth, Cadence::kDekad};
  for (Date today : kTodays) {
    for (Cadence c : kCadences) {
      for (int timely_days : {0, 15, 120}) {
        error.clear();
        auto p = resolve_period(s, today, c, timely_days, &error);
        if (!p) {
          if (error.empty()) fail(s, "resolve_period refused it without a message");
          continue;
        }
        check_period_round_trip(s, *p, "resolve_period");
        if (s == "due" && (p->cadence != c || due_date(*p, timely_days) > today)) {
          fail(s, "due resolves to " + p->str() + ", not yet due on " + format_date(today));
        }
      }
      if (s.empty() || s[0] < '0' || s[0] > '9') break;  // words do not depend on the cadence
    }
  }
}

void dates(std::string_view s) {
  if (auto d = parse_date(s)) {
    if (format_date(*d) != s) fail(s, "parse_date reads it as " + format_date(*d));
    if (civil_from_days(days_from_civil(*d)) != *d) fail(s, "days_from_civil does not round-trip");
  }
  if (auto off = parse_utc_offset(s)) {
    if (*off < -14 * 60 - 59 || *off > 14 * 60 + 59) fail(s, "offset out of range");
  }
  int offset = 0;
  if (auto t = parse_rfc3339(s, &offset)) {
    std::string text = format_rfc3339(*t, offset);
    int offset2 = 0;
    auto t2 = parse_rfc3339(text, &offset2);
    if (!t2 || *t2 != *t || offset2 != offset) {
      fail(s, "parse_rfc3339 reads it as " + text + ", which does not read back the same");
    }
  }
}

// The value as `tally record` appends it to an actuals file, read back.
std::optional<ActualValue> stored(const ActualValue& v) {
  static const Plan plan = [] {
    Plan p;
    p.header.utc_offset_minutes = 8 * 60;
    p.header.utc_offset = "+08:00";
    return p;
  }();
  Actual a;
  a.indicator = "fuzz.value";
  a.period = Period{Cadence::kMonth, 2024, 6};
  a.value = v;
  a.recorded = make_timestamp(Date{2024, 7, 15}, 10, 2, 0, 480);
  a.by = "gxj";
  a.source = "fuzz";
  TextStore texts;
  std::vector<Actual> out;
  Diagnostics diags;
  load_actuals_text(format_actual(a), 1, plan, texts, out, diags);
  if (out.size() != 1 || diags.has_errors()) return std::nullopt;
  return out[0].value;
}

void values(std::string_view s) {
  if (auto d = parse_decimal(s)) {
    auto again = parse_decimal(d->str());
    if (!again || !(*again == *d)) fail(s, "parse_decimal reads it as " + d->str());
  }
  (void)split_number_unit(s);
  (void)parse_unit(s);

  struct Kinded {
    Kind kind;
    const char* unit;
  };
  static constexpr Kinded kIndicators[] = {
      {Kind::kCumulative, "亿元"}, {Kind::kCumulative, "万元"}, {Kind::kLevel, "元"},
      {Kind::kLevel, "万亩"},      {Kind::kGrowth, "%"},        {Kind::kGrowth, "百分点"},
      {Kind::kCumulative, "个"},   {Kind::kLevel, ""},          {Kind::kMilestone, ""}};
  for (const auto& k : kIndicators) {
    Indicator ind;
    ind.id = "fuzz.value";
    ind.kind = k.kind;
    ind.unit = k.unit;
    std::string error;
    auto v = parse_value_for(ind, s, &error);
    if (!v) {
      if (error.empty()) fail(s, "parse_value_for refused it without a message");
      continue;
    }
    if (v->number) {
      if (v->stage || v->percent) fail(s, "a number that is also a stage");
      std::string plain = v->number->str();
      auto again = parse_value_for(ind, plain, &error);
      if (!again || !again->number || !(*again->number == *v->number)) {
        fail(s, "read in " + std::string(k.unit) + " as " + plain + ", which does not read back");
      }
      auto kept = stored(*v);
      if (!kept || !kept->number || !(*kept->number == *v->number)) {
        fail(s, "read in " + std::string(k.unit) + " as " + plain +
                    ", which an actuals file does not keep: it reads back as " +
                    (kept && kept->number ? kept->number->str() : std::string("nothing")));
      }
    } else if (!v->stage) {
      fail(s, "parse_value_for accepted it as neither a number nor a stage");
    } else {
      if (v->percent && (*v->percent < 0 || *v->percent > 100))
        fail(s, "a percent outside 0 to 100");
      auto kept = stored(*v);
      if (!kept || kept->stage != v->stage || kept->percent != v->percent) {
        fail(s, "a stage or percent that an actuals file does not keep");
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  periods(s);
  dates(s);
  values(s);
  return 0;
}
