// Dates and periods of the plan calendar: years, halves, quarters, months
// and dekads (旬), with the relative words cron jobs use. All date logic of
// tally lives here.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tally {

/// A calendar date (proleptic Gregorian).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

/// Days since 1970-01-01 for a date, and back.
int64_t days_from_civil(Date d);
Date civil_from_days(int64_t days);
int days_in_month(int year, int month);
bool is_valid_date(int year, int month, int day);
/// Parses YYYY-MM-DD; nullopt when malformed or impossible (2024-02-30).
std::optional<Date> parse_date(std::string_view s);
std::string format_date(Date d);
Date add_days(Date d, int64_t n);
int64_t days_between(Date from, Date to);

/// The granularity of a period, from coarsest to finest.
enum class Cadence { kYear, kHalf, kQuarter, kMonth, kDekad };

/// "year", "half", "quarter", "month", "dekad".
std::string_view cadence_name(Cadence c);
std::optional<Cadence> parse_cadence(std::string_view s);

/// A span of the calendar. `index` is 1-based within the year: half 1–2,
/// quarter 1–4, month 1–12, dekad 1–36 (month*3 - 2 + dekad-of-month - 1).
struct Period {
  Cadence cadence = Cadence::kYear;
  int year = 0;
  int index = 1;

  Date start() const;
  Date end() const;
  /// Months of the year elapsed at the end of the period, in thirds of a
  /// month (dekads count as a third): June → 18, 2024-06-D2 → 17, Q1 → 9.
  int thirds_elapsed() const;
  /// The canonical notation: 2024, 2024-H1, 2024-Q2, 2024-06, 2024-06-D2.
  std::string str() const;
  /// The period of the same cadence immediately before / after.
  Period prev() const;
  Period next() const;
  bool contains(Date d) const { return start() <= d && d <= end(); }
  bool operator==(const Period&) const = default;
  /// Ordered by end date, then coarser first.
  bool operator<(const Period& o) const;
};

/// The period of cadence `c` that contains `d`.
Period period_containing(Cadence c, Date d);

/// Parses absolute notation (SPEC 2.5), including 2024-06上旬/中旬/下旬.
/// On failure returns nullopt and sets `*error` to a message fit for a user.
std::optional<Period> parse_period(std::string_view s, std::string* error);

/// Resolves an absolute period or a relative word (today, this-month,
/// last-quarter, due, …). `due` needs the cadence and timely_days: the latest
/// period of that cadence whose actuals are already due on `today`.
/// `today` resolves to the dekad containing today.
std::optional<Period> resolve_period(std::string_view s, Date today, Cadence cadence,
                                     int timely_days, std::string* error);

/// The date on which an actual for `p` is due: p.end() + timely_days.
Date due_date(const Period& p, int timely_days);

/// "Today" in a zone `utc_offset_minutes` east of UTC, from the system clock.
Date today_in_zone(int utc_offset_minutes);

/// Parses "+08:00" / "-05:30" / "Z" into minutes east of UTC.
std::optional<int> parse_utc_offset(std::string_view s);

/// Seconds since 1970-01-01T00:00:00Z, from the system clock.
int64_t now_epoch_seconds();

/// The calendar date of a moment in a zone `offset_minutes` east of UTC.
Date local_date(int64_t epoch_seconds, int offset_minutes);

/// Seconds since local midnight of a moment in a zone `offset_minutes` east of UTC.
int local_seconds_of_day(int64_t epoch_seconds, int offset_minutes);

/// The moment on `day` at the wall-clock time of `now`, in a zone
/// `offset_minutes` east of UTC: how a record is stamped when today is fixed.
int64_t moment_on(Date day, int64_t now, int offset_minutes);

/// The first second after day `d` ends in a zone `offset_minutes` east of
/// UTC: a moment before it is on or before that day.
int64_t end_of_day(Date d, int offset_minutes);

/// RFC 3339 text of a moment shown at an offset, to the second:
/// 2024-07-15T10:02:00+08:00 (a zero offset is written +00:00).
std::string format_rfc3339(int64_t epoch_seconds, int offset_minutes);

/// Parses an RFC 3339 date-time with seconds and an offset ("Z" or ±hh:mm),
/// e.g. 2024-07-15T10:02:00+08:00; fractional seconds are dropped. Returns
/// the moment and sets `*offset_minutes` to the offset it was written in;
/// nullopt when malformed or not a real date.
std::optional<int64_t> parse_rfc3339(std::string_view s, int* offset_minutes);

}  // namespace tally
