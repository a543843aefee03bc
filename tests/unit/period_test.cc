#include "core/base/period.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

using namespace tally;

namespace {

Period must_parse(std::string_view s) {
  std::string error;
  auto p = parse_period(s, &error);
  INFO(s << ": " << error);
  REQUIRE(p);
  return *p;
}

std::string parse_error(std::string_view s) {
  std::string error;
  auto p = parse_period(s, &error);
  INFO(s);
  REQUIRE_FALSE(p);
  return error;
}

std::string resolved(std::string_view word, Date today, Cadence c = Cadence::kMonth,
                     int timely_days = 23) {
  std::string error;
  auto p = resolve_period(word, today, c, timely_days, &error);
  INFO(word << ": " << error);
  REQUIRE(p);
  return p->str();
}

constexpr Date kJuly1{2024, 7, 1};

const std::string kHint =
    "write 2024, 2024-H1, 2024-Q2, 2024-06 or 2024-06-D2 (2024-06上旬/中旬/下旬)";

}  // namespace

TEST_CASE("dates: validity, leap years and day arithmetic") {
  CHECK(is_valid_date(2024, 2, 29));
  CHECK_FALSE(is_valid_date(2023, 2, 29));
  CHECK_FALSE(is_valid_date(2024, 2, 30));
  CHECK_FALSE(is_valid_date(2024, 4, 31));
  CHECK_FALSE(is_valid_date(2024, 13, 1));
  CHECK_FALSE(is_valid_date(2024, 0, 1));
  CHECK_FALSE(is_valid_date(2024, 1, 0));
  CHECK_FALSE(is_valid_date(0, 1, 1));
  CHECK_FALSE(is_valid_date(10000, 1, 1));
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2024, 12) == 31);
  CHECK(days_in_month(2024, 11) == 30);

  CHECK(days_from_civil(Date{1970, 1, 1}) == 0);
  CHECK(days_from_civil(Date{2000, 3, 1}) == 11017);
  CHECK(days_from_civil(Date{1969, 12, 31}) == -1);
  for (int64_t d = -800; d < 30000; d += 7) {
    CHECK(days_from_civil(civil_from_days(d)) == d);
  }
  CHECK(add_days(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
  CHECK(add_days(Date{2023, 2, 28}, 1) == Date{2023, 3, 1});
  CHECK(add_days(Date{2024, 12, 31}, 1) == Date{2025, 1, 1});
  CHECK(add_days(Date{2024, 3, 1}, -1) == Date{2024, 2, 29});
  CHECK(days_between(Date{2024, 1, 1}, Date{2024, 12, 31}) == 365);
  CHECK(days_between(Date{2023, 1, 1}, Date{2023, 12, 31}) == 364);
  CHECK(days_between(Date{2024, 7, 1}, Date{2024, 6, 30}) == -1);
}

TEST_CASE("dates: parse_date and format_date") {
  CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK(parse_date("2024-12-31") == Date{2024, 12, 31});
  CHECK_FALSE(parse_date("2023-02-29"));
  CHECK_FALSE(parse_date("2024-02-30"));
  CHECK_FALSE(parse_date("2024-13-01"));
  CHECK_FALSE(parse_date("2024-1-01"));
  CHECK_FALSE(parse_date("2024-01-01x"));
  CHECK_FALSE(parse_date("2024/01/01"));
  CHECK_FALSE(parse_date("+024-01-01"));
  CHECK_FALSE(parse_date(""));
  CHECK(format_date(Date{2024, 6, 5}) == "2024-06-05");
  CHECK(format_date(Date{5, 1, 2}) == "0005-01-02");
}

TEST_CASE("cadence names") {
  for (Cadence c :
       {Cadence::kYear, Cadence::kHalf, Cadence::kQuarter, Cadence::kMonth, Cadence::kDekad}) {
    CHECK(parse_cadence(cadence_name(c)) == c);
  }
  CHECK(cadence_name(Cadence::kDekad) == "dekad");
  CHECK_FALSE(parse_cadence("weekly"));
  CHECK_FALSE(parse_cadence("Month"));
  CHECK_FALSE(parse_cadence(""));
}

TEST_CASE("parse_period: every notation") {
  struct Row {
    const char* text;
    Cadence cadence;
    int index;
    Date start, end;
    int thirds;
    const char* canonical;
  };
  const Row rows[] = {
      {"2024", Cadence::kYear, 1, {2024, 1, 1}, {2024, 12, 31}, 36, "2024"},
      {"2024-H1", Cadence::kHalf, 1, {2024, 1, 1}, {2024, 6, 30}, 18, "2024-H1"},
      {"2024-H2", Cadence::kHalf, 2, {2024, 7, 1}, {2024, 12, 31}, 36, "2024-H2"},
      {"2024-h2", Cadence::kHalf, 2, {2024, 7, 1}, {2024, 12, 31}, 36, "2024-H2"},
      {"2024-Q1", Cadence::kQuarter, 1, {2024, 1, 1}, {2024, 3, 31}, 9, "2024-Q1"},
      {"2024-Q2", Cadence::kQuarter, 2, {2024, 4, 1}, {2024, 6, 30}, 18, "2024-Q2"},
      {"2024-Q3", Cadence::kQuarter, 3, {2024, 7, 1}, {2024, 9, 30}, 27, "2024-Q3"},
      {"2024-q4", Cadence::kQuarter, 4, {2024, 10, 1}, {2024, 12, 31}, 36, "2024-Q4"},
      {"2024-01", Cadence::kMonth, 1, {2024, 1, 1}, {2024, 1, 31}, 3, "2024-01"},
      {"2024-06", Cadence::kMonth, 6, {2024, 6, 1}, {2024, 6, 30}, 18, "2024-06"},
      {"2024-12", Cadence::kMonth, 12, {2024, 12, 1}, {2024, 12, 31}, 36, "2024-12"},
      {"2024-06-D1", Cadence::kDekad, 16, {2024, 6, 1}, {2024, 6, 10}, 16, "2024-06-D1"},
      {"2024-06-D2", Cadence::kDekad, 17, {2024, 6, 11}, {2024, 6, 20}, 17, "2024-06-D2"},
      {"2024-06-D3", Cadence::kDekad, 18, {2024, 6, 21}, {2024, 6, 30}, 18, "2024-06-D3"},
      {"2024-06-d2", Cadence::kDekad, 17, {2024, 6, 11}, {2024, 6, 20}, 17, "2024-06-D2"},
      {"2024-06上旬", Cadence::kDekad, 16, {2024, 6, 1}, {2024, 6, 10}, 16, "2024-06-D1"},
      {"2024-06中旬", Cadence::kDekad, 17, {2024, 6, 11}, {2024, 6, 20}, 17, "2024-06-D2"},
      {"2024-06下旬", Cadence::kDekad, 18, {2024, 6, 21}, {2024, 6, 30}, 18, "2024-06-D3"},
      {"2024-01-D1", Cadence::kDekad, 1, {2024, 1, 1}, {2024, 1, 10}, 1, "2024-01-D1"},
      {"2024-12-D3", Cadence::kDekad, 36, {2024, 12, 21}, {2024, 12, 31}, 36, "2024-12-D3"},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    Period p = must_parse(r.text);
    CHECK(p.cadence == r.cadence);
    CHECK(p.year == 2024);
    CHECK(p.index == r.index);
    CHECK(p.start() == r.start);
    CHECK(p.end() == r.end);
    CHECK(p.thirds_elapsed() == r.thirds);
    CHECK(p.str() == r.canonical);
    CHECK(must_parse(p.str()) == p);
  }
}

TEST_CASE("parse_period: leap years end February on the right day") {
  CHECK(must_parse("2024-02").end() == Date{2024, 2, 29});
  CHECK(must_parse("2023-02").end() == Date{2023, 2, 28});
  CHECK(must_parse("2000-02").end() == Date{2000, 2, 29});
  CHECK(must_parse("1900-02").end() == Date{1900, 2, 28});
  CHECK(must_parse("2024-02-D3").start() == Date{2024, 2, 21});
  CHECK(must_parse("2024-02-D3").end() == Date{2024, 2, 29});
  CHECK(must_parse("2023-02下旬").end() == Date{2023, 2, 28});
  CHECK(must_parse("2023-Q1").end() == Date{2023, 3, 31});
  CHECK(must_parse("2024-H1").contains(Date{2024, 2, 29}));
}

TEST_CASE("parse_period: bad inputs and their messages") {
  CHECK(parse_error("") == "'' is not a period; " + kHint);
  CHECK(parse_error("24") == "'24' is not a period; " + kHint);
  CHECK(parse_error("abcd") == "'abcd' is not a period; " + kHint);
  CHECK(parse_error("0000") == "'0000' is not a period; " + kHint);
  CHECK(parse_error(" 2024") == "' 2024' is not a period; " + kHint);
  CHECK(parse_error("2024/06") == "'2024/06' is not a period; " + kHint);
  CHECK(parse_error("2024-") == "'2024-' is not a period; " + kHint);
  CHECK(parse_error("2024-6") == "'2024-6' is not a period; " + kHint);
  CHECK(parse_error("2024-M6") == "'2024-M6' is not a period; " + kHint);
  CHECK(parse_error("2024-H3") == "'2024-H3': a year has halves H1 and H2");
  CHECK(parse_error("2024-H0") == "'2024-H0': a year has halves H1 and H2");
  CHECK(parse_error("2024-Q5") == "'2024-Q5': a year has quarters Q1 to Q4");
  CHECK(parse_error("2024-Q0") == "'2024-Q0': a year has quarters Q1 to Q4");
  CHECK(parse_error("2024-13") == "'2024-13': there is no month 13");
  CHECK(parse_error("2024-00") == "'2024-00': there is no month 0");
  CHECK(parse_error("2024-06-15") ==
        "'2024-06-15' looks like a date; periods name a span: " + kHint);
  CHECK(parse_error("2024-06-D4") ==
        "'2024-06-D4' is not a period; a month has dekads D1, D2, D3 (上旬, 中旬, 下旬)");
  CHECK(parse_error("2024-06上") ==
        "'2024-06上' is not a period; a month has dekads D1, D2, D3 (上旬, 中旬, 下旬)");
  CHECK(parse_error("2024-06 ") ==
        "'2024-06 ' is not a period; a month has dekads D1, D2, D3 (上旬, 中旬, 下旬)");
  // No message pointer: still refused, nothing written.
  CHECK_FALSE(parse_period("2024-13", nullptr));
}

TEST_CASE("periods: prev and next cross year ends") {
  CHECK(must_parse("2024-01").prev().str() == "2023-12");
  CHECK(must_parse("2024-12").next().str() == "2025-01");
  CHECK(must_parse("2024-06").next().str() == "2024-07");
  CHECK(must_parse("2024-Q1").prev().str() == "2023-Q4");
  CHECK(must_parse("2024-Q4").next().str() == "2025-Q1");
  CHECK(must_parse("2024-H2").next().str() == "2025-H1");
  CHECK(must_parse("2024-H1").prev().str() == "2023-H2");
  CHECK(must_parse("2024").prev().str() == "2023");
  CHECK(must_parse("2024").next().str() == "2025");
  CHECK(must_parse("2024-01-D1").prev().str() == "2023-12-D3");
  CHECK(must_parse("2024-02-D3").next().str() == "2024-03-D1");
  CHECK(must_parse("2024-12-D3").next().str() == "2025-01-D1");
  CHECK(must_parse("2024-06-D2").prev().str() == "2024-06-D1");
}

TEST_CASE("periods: order and containing") {
  CHECK(must_parse("2024-05") < must_parse("2024-06"));
  CHECK(must_parse("2024-06-D3") < must_parse("2024-07-D1"));
  // The same end: the coarser period first.
  CHECK(must_parse("2024-Q2") < must_parse("2024-06"));
  CHECK(must_parse("2024-H1") < must_parse("2024-Q2"));
  CHECK(must_parse("2024-06") < must_parse("2024-06-D3"));
  CHECK_FALSE(must_parse("2024-06") < must_parse("2024-06"));

  CHECK(period_containing(Cadence::kDekad, Date{2024, 6, 10}).str() == "2024-06-D1");
  CHECK(period_containing(Cadence::kDekad, Date{2024, 6, 11}).str() == "2024-06-D2");
  CHECK(period_containing(Cadence::kDekad, Date{2024, 6, 20}).str() == "2024-06-D2");
  CHECK(period_containing(Cadence::kDekad, Date{2024, 6, 21}).str() == "2024-06-D3");
  CHECK(period_containing(Cadence::kDekad, Date{2024, 2, 29}).str() == "2024-02-D3");
  CHECK(period_containing(Cadence::kMonth, Date{2024, 2, 29}).str() == "2024-02");
  CHECK(period_containing(Cadence::kQuarter, Date{2024, 7, 1}).str() == "2024-Q3");
  CHECK(period_containing(Cadence::kQuarter, Date{2024, 3, 31}).str() == "2024-Q1");
  CHECK(period_containing(Cadence::kHalf, Date{2024, 6, 30}).str() == "2024-H1");
  CHECK(period_containing(Cadence::kHalf, Date{2024, 7, 1}).str() == "2024-H2");
  CHECK(period_containing(Cadence::kYear, Date{2024, 12, 31}).str() == "2024");
}

TEST_CASE("relative words on a fixed date") {
  CHECK(resolved("today", kJuly1) == "2024-07-D1");
  CHECK(resolved("this-dekad", kJuly1) == "2024-07-D1");
  CHECK(resolved("last-dekad", kJuly1) == "2024-06-D3");
  CHECK(resolved("this-month", kJuly1) == "2024-07");
  CHECK(resolved("last-month", kJuly1) == "2024-06");
  CHECK(resolved("this-quarter", kJuly1) == "2024-Q3");
  CHECK(resolved("last-quarter", kJuly1) == "2024-Q2");
  CHECK(resolved("this-half", kJuly1) == "2024-H2");
  CHECK(resolved("last-half", kJuly1) == "2024-H1");
  CHECK(resolved("this-year", kJuly1) == "2024");
  CHECK(resolved("last-year", kJuly1) == "2023");

  // On New Year's Day every "last" word reaches into the year before.
  const Date jan1{2024, 1, 1};
  CHECK(resolved("today", jan1) == "2024-01-D1");
  CHECK(resolved("last-dekad", jan1) == "2023-12-D3");
  CHECK(resolved("last-month", jan1) == "2023-12");
  CHECK(resolved("last-quarter", jan1) == "2023-Q4");
  CHECK(resolved("last-half", jan1) == "2023-H2");
  CHECK(resolved("last-year", jan1) == "2023");

  // The cadence and timely_days matter only to `due`.
  CHECK(resolved("this-month", kJuly1, Cadence::kYear, 0) == "2024-07");
  // Absolute notation passes through.
  CHECK(resolved("2024-06中旬", kJuly1) == "2024-06-D2");
  CHECK(resolved("2024-Q2", kJuly1) == "2024-Q2");
}

TEST_CASE("due: the latest period whose actuals are already due") {
  // Monthly, due 23 days after the month: on 1 July, June is not due until
  // 23 July, so May is the latest due month.
  CHECK(resolved("due", kJuly1, Cadence::kMonth, 23) == "2024-05");
  CHECK(resolved("due", Date{2024, 7, 22}, Cadence::kMonth, 23) == "2024-05");
  CHECK(resolved("due", Date{2024, 7, 23}, Cadence::kMonth, 23) == "2024-06");
  // Due the day the period ends.
  CHECK(resolved("due", Date{2024, 6, 30}, Cadence::kMonth, 0) == "2024-06");
  CHECK(resolved("due", Date{2024, 6, 29}, Cadence::kMonth, 0) == "2024-05");
  CHECK(resolved("due", Date{2024, 7, 10}, Cadence::kQuarter, 10) == "2024-Q2");
  CHECK(resolved("due", Date{2024, 7, 9}, Cadence::kQuarter, 10) == "2024-Q1");
  CHECK(resolved("due", Date{2024, 6, 14}, Cadence::kDekad, 3) == "2024-06-D1");
  CHECK(resolved("due", Date{2024, 6, 23}, Cadence::kDekad, 3) == "2024-06-D2");
  CHECK(resolved("due", Date{2024, 3, 3}, Cadence::kDekad, 3) == "2024-02-D3");
  CHECK(resolved("due", kJuly1, Cadence::kHalf, 23) == "2023-H2");
  CHECK(resolved("due", Date{2024, 7, 23}, Cadence::kHalf, 23) == "2024-H1");
  CHECK(resolved("due", kJuly1, Cadence::kYear, 23) == "2023");
  CHECK(resolved("due", Date{2024, 1, 5}, Cadence::kMonth, 10) == "2023-11");

  CHECK(due_date(must_parse("2024-06"), 23) == Date{2024, 7, 23});
  CHECK(due_date(must_parse("2024-02"), 0) == Date{2024, 2, 29});
  CHECK(due_date(must_parse("2024"), 23) == Date{2025, 1, 23});
  CHECK(due_date(must_parse("2024-06-D2"), 3) == Date{2024, 6, 23});
}

TEST_CASE("resolve_period: unknown words name the ones there are") {
  const std::string words =
      " is not a period; use a period such as 2024-06 or a word: today, this-dekad, "
      "last-dekad, this-month, last-month, this-quarter, last-quarter, this-half, "
      "last-half, this-year, last-year, due";
  std::string error;
  CHECK_FALSE(resolve_period("yesterday", kJuly1, Cadence::kMonth, 23, &error));
  CHECK(error == "'yesterday'" + words);
  CHECK_FALSE(resolve_period("Today", kJuly1, Cadence::kMonth, 23, &error));
  CHECK(error == "'Today'" + words);
  CHECK_FALSE(resolve_period("", kJuly1, Cadence::kMonth, 23, &error));
  CHECK(error == "''" + words);
  CHECK_FALSE(resolve_period("2024-13", kJuly1, Cadence::kMonth, 23, &error));
  CHECK(error == "'2024-13': there is no month 13");
}

TEST_CASE("utc offsets") {
  CHECK(parse_utc_offset("+08:00") == 480);
  CHECK(parse_utc_offset("-05:30") == -330);
  CHECK(parse_utc_offset("+00:00") == 0);
  CHECK(parse_utc_offset("-00:00") == 0);
  CHECK(parse_utc_offset("Z") == 0);
  CHECK(parse_utc_offset("z") == 0);
  CHECK(parse_utc_offset("+14:00") == 840);
  CHECK(parse_utc_offset("-12:00") == -720);
  CHECK_FALSE(parse_utc_offset("+8:00"));
  CHECK_FALSE(parse_utc_offset("08:00"));
  CHECK_FALSE(parse_utc_offset("+08"));
  CHECK_FALSE(parse_utc_offset("+0800"));
  CHECK_FALSE(parse_utc_offset("+15:00"));
  CHECK_FALSE(parse_utc_offset("+08:60"));
  CHECK_FALSE(parse_utc_offset("UTC+8"));
  CHECK_FALSE(parse_utc_offset("+0a:00"));
  CHECK_FALSE(parse_utc_offset(""));

  // +14:00 and -12:00 are 26 hours apart: their dates differ by one or two days.
  auto ahead = days_from_civil(today_in_zone(840));
  auto behind = days_from_civil(today_in_zone(-720));
  CHECK((ahead - behind == 1 || ahead - behind == 2));
}

TEST_CASE("Period::str: the notation of every period a plan can hold, as fmt writes it") {
  // Written by hand for speed: held here to the formatting it replaced.
  for (int year : {0, 7, 2024, 9999, 10000, -1}) {
    for (Cadence c :
         {Cadence::kYear, Cadence::kHalf, Cadence::kQuarter, Cadence::kMonth, Cadence::kDekad}) {
      for (int index = -1; index <= 40; ++index) {
        const Period p{c, year, index};
        std::string want;
        switch (c) {
          case Cadence::kYear:
            want = fmt::format("{:04}", year);
            break;
          case Cadence::kHalf:
            want = fmt::format("{:04}-H{}", year, index);
            break;
          case Cadence::kQuarter:
            want = fmt::format("{:04}-Q{}", year, index);
            break;
          case Cadence::kMonth:
            want = fmt::format("{:04}-{:02}", year, index);
            break;
          case Cadence::kDekad:
            want = fmt::format("{:04}-{:02}-D{}", year, (index - 1) / 3 + 1, (index - 1) % 3 + 1);
            break;
        }
        INFO(want);
        CHECK(p.str() == want);
      }
    }
  }
  CHECK(Period{Cadence::kDekad, 2024, 36}.str() == "2024-12-D3");
  CHECK(Period{Cadence::kMonth, 2024, 6}.str() == "2024-06");
  CHECK(Period{Cadence::kHalf, 2024, 1}.str() == "2024-H1");
}
