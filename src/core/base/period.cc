#include "core/base/period.h"

#include <fmt/format.h>

#include <charconv>
#include <ctime>

namespace tally {

namespace {

std::optional<int> parse_int(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  return v;
}

int periods_per_year(Cadence c) {
  switch (c) {
    case Cadence::kYear:
      return 1;
    case Cadence::kHalf:
      return 2;
    case Cadence::kQuarter:
      return 4;
    case Cadence::kMonth:
      return 12;
    case Cadence::kDekad:
      return 36;
  }
  return 1;
}

// Thirds of a month each period of a cadence spans.
int thirds_per_period(Cadence c) {
  return 36 / periods_per_year(c);
}

}  // namespace

int64_t days_from_civil(Date d) {
  // Howard Hinnant's algorithm.
  int y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = parse_int(s.substr(0, 4)), m = parse_int(s.substr(5, 2)), d = parse_int(s.substr(8, 2));
  if (!y || !m || !d || !is_valid_date(*y, *m, *d)) return std::nullopt;
  return Date{*y, *m, *d};
}

std::string format_date(Date d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

Date add_days(Date d, int64_t n) {
  return civil_from_days(days_from_civil(d) + n);
}

int64_t days_between(Date from, Date to) {
  return days_from_civil(to) - days_from_civil(from);
}

std::string_view cadence_name(Cadence c) {
  switch (c) {
    case Cadence::kYear:
      return "year";
    case Cadence::kHalf:
      return "half";
    case Cadence::kQuarter:
      return "quarter";
    case Cadence::kMonth:
      return "month";
    case Cadence::kDekad:
      return "dekad";
  }
  return "year";
}

std::optional<Cadence> parse_cadence(std::string_view s) {
  for (Cadence c :
       {Cadence::kYear, Cadence::kHalf, Cadence::kQuarter, Cadence::kMonth, Cadence::kDekad}) {
    if (cadence_name(c) == s) return c;
  }
  return std::nullopt;
}

Date Period::start() const {
  int first_third = (index - 1) * thirds_per_period(cadence);  // 0-based thirds into the year
  int month = first_third / 3 + 1;
  int dekad = first_third % 3;
  return Date{year, month, 1 + dekad * 10};
}

Date Period::end() const {
  int last_third = index * thirds_per_period(cadence) - 1;
  int month = last_third / 3 + 1;
  int dekad = last_third % 3;
  int day = dekad == 0 ? 10 : dekad == 1 ? 20 : days_in_month(year, month);
  return Date{year, month, day};
}

int Period::thirds_elapsed() const {
  return index * thirds_per_period(cadence);
}

std::string Period::str() const {
  // By hand, as the fmt below writes it, for the periods a plan can hold:
  // `import` writes one for every row and reports one for every record
  // they show.
  const bool one_digit = cadence == Cadence::kHalf || cadence == Cadence::kQuarter;
  if (year >= 0 && year <= 9999 && index >= 1 && index <= (one_digit ? 9 : 36)) {
    char text[] = "0000-00-D0";
    const int digits[] = {year / 1000, year / 100 % 10, year / 10 % 10, year % 10};
    for (size_t i = 0; i < 4; ++i) text[i] = static_cast<char>('0' + digits[i]);
    auto put = [&](size_t at, int v) { text[at] = static_cast<char>('0' + v); };
    switch (cadence) {
      case Cadence::kYear:
        return std::string(text, 4);
      case Cadence::kHalf:
      case Cadence::kQuarter:
        text[5] = cadence == Cadence::kHalf ? 'H' : 'Q';
        put(6, index);
        return std::string(text, 7);
      case Cadence::kMonth:
        put(5, index / 10);
        put(6, index % 10);
        return std::string(text, 7);
      case Cadence::kDekad:
        put(5, ((index - 1) / 3 + 1) / 10);
        put(6, ((index - 1) / 3 + 1) % 10);
        put(9, (index - 1) % 3 + 1);
        return std::string(text, 10);
    }
  }
  switch (cadence) {
    case Cadence::kYear:
      return fmt::format("{:04}", year);
    case Cadence::kHalf:
      return fmt::format("{:04}-H{}", year, index);
    case Cadence::kQuarter:
      return fmt::format("{:04}-Q{}", year, index);
    case Cadence::kMonth:
      return fmt::format("{:04}-{:02}", year, index);
    case Cadence::kDekad:
      return fmt::format("{:04}-{:02}-D{}", year, (index - 1) / 3 + 1, (index - 1) % 3 + 1);
  }
  return {};
}

Period Period::prev() const {
  if (index > 1) return Period{cadence, year, index - 1};
  return Period{cadence, year - 1, periods_per_year(cadence)};
}

Period Period::next() const {
  if (index < periods_per_year(cadence)) return Period{cadence, year, index + 1};
  return Period{cadence, year + 1, 1};
}

bool Period::operator<(const Period& o) const {
  Date a = end(), b = o.end();
  if (a != b) return a < b;
  return cadence < o.cadence;
}

Period period_containing(Cadence c, Date d) {
  int third = (d.month - 1) * 3 + (d.day <= 10 ? 0 : d.day <= 20 ? 1 : 2);
  return Period{c, d.year, third / thirds_per_period(c) + 1};
}

std::optional<Period> parse_period(std::string_view s, std::string* error) {
  auto fail = [&](std::string msg) -> std::optional<Period> {
    if (error) *error = std::move(msg);
    return std::nullopt;
  };
  const std::string hint =
      "write 2024, 2024-H1, 2024-Q2, 2024-06 or 2024-06-D2 (2024-06上旬/中旬/下旬)";
  if (s.size() < 4) return fail(fmt::format("'{}' is not a period; {}", s, hint));
  auto year = parse_int(s.substr(0, 4));
  if (!year || *year < 1) return fail(fmt::format("'{}' is not a period; {}", s, hint));
  if (s.size() == 4) return Period{Cadence::kYear, *year, 1};
  if (s[4] != '-') return fail(fmt::format("'{}' is not a period; {}", s, hint));
  std::string_view rest = s.substr(5);
  if (rest.size() == 2 && (rest[0] == 'H' || rest[0] == 'h')) {
    auto n = parse_int(rest.substr(1));
    if (!n || *n < 1 || *n > 2) return fail(fmt::format("'{}': a year has halves H1 and H2", s));
    return Period{Cadence::kHalf, *year, *n};
  }
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q')) {
    auto n = parse_int(rest.substr(1));
    if (!n || *n < 1 || *n > 4) return fail(fmt::format("'{}': a year has quarters Q1 to Q4", s));
    return Period{Cadence::kQuarter, *year, *n};
  }
  if (rest.size() < 2) return fail(fmt::format("'{}' is not a period; {}", s, hint));
  auto month = parse_int(rest.substr(0, 2));
  if (!month) return fail(fmt::format("'{}' is not a period; {}", s, hint));
  if (*month < 1 || *month > 12) return fail(fmt::format("'{}': there is no month {}", s, *month));
  std::string_view tail = rest.substr(2);
  if (tail.empty()) return Period{Cadence::kMonth, *year, *month};
  int dekad = 0;
  if (tail == "-D1" || tail == "-d1" || tail == "上旬")
    dekad = 1;
  else if (tail == "-D2" || tail == "-d2" || tail == "中旬")
    dekad = 2;
  else if (tail == "-D3" || tail == "-d3" || tail == "下旬")
    dekad = 3;
  if (dekad == 0) {
    if (tail.size() == 3 && tail[0] == '-' && parse_int(tail.substr(1))) {
      return fail(fmt::format("'{}' looks like a date; periods name a span: {}", s, hint));
    }
    return fail(
        fmt::format("'{}' is not a period; a month has dekads D1, D2, D3 (上旬, 中旬, 下旬)", s));
  }
  return Period{Cadence::kDekad, *year, (*month - 1) * 3 + dekad};
}

Date due_date(const Period& p, int timely_days) {
  return add_days(p.end(), timely_days);
}

std::optional<Period> resolve_period(std::string_view s, Date today, Cadence cadence,
                                     int timely_days, std::string* error) {
  struct Word {
    std::string_view name;
    Cadence cadence;
    int back;
  };
  static constexpr Word kWords[] = {
      {"this-dekad", Cadence::kDekad, 0},     {"last-dekad", Cadence::kDekad, 1},
      {"this-month", Cadence::kMonth, 0},     {"last-month", Cadence::kMonth, 1},
      {"this-quarter", Cadence::kQuarter, 0}, {"last-quarter", Cadence::kQuarter, 1},
      {"this-half", Cadence::kHalf, 0},       {"last-half", Cadence::kHalf, 1},
      {"this-year", Cadence::kYear, 0},       {"last-year", Cadence::kYear, 1},
  };
  if (s == "today") return period_containing(Cadence::kDekad, today);
  for (const auto& w : kWords) {
    if (s == w.name) {
      Period p = period_containing(w.cadence, today);
      return w.back ? p.prev() : p;
    }
  }
  if (s == "due") {
    // The latest period of the cadence whose due date has passed.
    Period p = period_containing(cadence, today);
    while (due_date(p, timely_days) > today) p = p.prev();
    return p;
  }
  if (!s.empty() && s[0] >= '0' && s[0] <= '9') return parse_period(s, error);
  if (error) {
    *error = fmt::format(
        "'{}' is not a period; use a period such as 2024-06 or a word: today, this-dekad, "
        "last-dekad, this-month, last-month, this-quarter, last-quarter, this-half, "
        "last-half, this-year, last-year, due",
        s);
  }
  return std::nullopt;
}

Date today_in_zone(int utc_offset_minutes) {
  return local_date(now_epoch_seconds(), utc_offset_minutes);
}

int64_t now_epoch_seconds() {
  return static_cast<int64_t>(std::time(nullptr));
}

namespace {

// Days since the epoch and seconds into that day, at an offset.
std::pair<int64_t, int> split_local(int64_t epoch_seconds, int offset_minutes) {
  int64_t local = epoch_seconds + static_cast<int64_t>(offset_minutes) * 60;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  return {days, static_cast<int>(local - days * 86400)};
}

}  // namespace

Date local_date(int64_t epoch_seconds, int offset_minutes) {
  return civil_from_days(split_local(epoch_seconds, offset_minutes).first);
}

int local_seconds_of_day(int64_t epoch_seconds, int offset_minutes) {
  return split_local(epoch_seconds, offset_minutes).second;
}

int64_t moment_on(Date day, int64_t now, int offset_minutes) {
  return days_from_civil(day) * 86400 + local_seconds_of_day(now, offset_minutes) -
         static_cast<int64_t>(offset_minutes) * 60;
}

int64_t end_of_day(Date d, int offset_minutes) {
  return (days_from_civil(d) + 1) * 86400 - static_cast<int64_t>(offset_minutes) * 60;
}

std::string format_rfc3339(int64_t epoch_seconds, int offset_minutes) {
  auto [days, secs] = split_local(epoch_seconds, offset_minutes);
  int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(civil_from_days(days)),
                     secs / 3600, secs / 60 % 60, secs % 60, offset_minutes < 0 ? '-' : '+', a / 60,
                     a % 60);
}

std::optional<int64_t> parse_rfc3339(std::string_view s, int* offset_minutes) {
  // 2024-07-15T10:02:00 then optional .fraction, then Z or ±hh:mm.
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  auto date = parse_date(s.substr(0, 10));
  if (!date || s[13] != ':' || s[16] != ':') return std::nullopt;
  auto h = parse_int(s.substr(11, 2)), m = parse_int(s.substr(14, 2)),
       sec = parse_int(s.substr(17, 2));
  if (!h || !m || !sec || *h > 23 || *m > 59 || *sec > 59) return std::nullopt;
  std::string_view rest = s.substr(19);
  if (!rest.empty() && rest[0] == '.') {
    size_t i = 1;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
    if (i == 1) return std::nullopt;
    rest.remove_prefix(i);
  }
  auto offset = parse_utc_offset(rest);
  if (!offset) return std::nullopt;
  if (offset_minutes) *offset_minutes = *offset;
  return days_from_civil(*date) * 86400 + *h * 3600 + *m * 60 + *sec - *offset * 60;
}

std::optional<int> parse_utc_offset(std::string_view s) {
  if (s == "Z" || s == "z") return 0;
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return std::nullopt;
  auto h = parse_int(s.substr(1, 2)), m = parse_int(s.substr(4, 2));
  if (!h || !m || *h > 14 || *m > 59) return std::nullopt;
  int v = *h * 60 + *m;
  return s[0] == '-' ? -v : v;
}

}  // namespace tally
