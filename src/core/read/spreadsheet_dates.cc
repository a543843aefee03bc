#include "core/read/spreadsheet_dates.h"

#include <fmt/format.h>

#include <charconv>

namespace tally {

namespace {

// Digits only, as an int; nullopt for anything else.
std::optional<int> whole(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || s[0] == '-')
    return std::nullopt;
  return v;
}

// 2024/7/1, 2024/07/01, 2024-07-01, 2024-7-1: a date as a spreadsheet
// writes one.
std::optional<Date> written_date(std::string_view s) {
  for (char sep : {'/', '-'}) {
    const size_t a = s.find(sep);
    if (a == std::string_view::npos) continue;
    const size_t b = s.find(sep, a + 1);
    if (b == std::string_view::npos) continue;
    auto y = whole(s.substr(0, a));
    auto m = whole(s.substr(a + 1, b - a - 1));
    auto d = whole(s.substr(b + 1));
    if (!y || !m || !d || *y < 1900 || *m < 1 || *m > 12 || *d < 1) continue;
    if (*d > days_in_month(*y, *m)) continue;
    return Date{*y, *m, *d};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Date> date_of_serial(double serial) {
  if (!(serial >= 1 && serial <= 2958465)) return std::nullopt;
  const auto days = static_cast<int64_t>(serial);
  // Day 60 is Excel's 1900-02-29, which never was; from 61 on, day n is
  // 1899-12-30 + n.
  if (days < 60) return add_days(Date{1899, 12, 31}, days);
  return add_days(Date{1899, 12, 30}, days);
}

std::optional<std::string> spreadsheet_period_hint(std::string_view text, Cadence cadence) {
  // How to keep a period as typed, with the period meant as the example.
  auto keep = [](const Period& p) {
    return fmt::format(
        "Format the period column as text (文本) before typing, or type an apostrophe first ('{})",
        p.str());
  };
  std::optional<Date> d;
  std::string what;
  if (auto n = whole(text); n && *n >= 36526 && *n <= 73050) {
    d = date_of_serial(*n);
    what = fmt::format("'{}' is a spreadsheet's day number for the date {}", text, format_date(*d));
  } else if ((d = written_date(text))) {
    what = fmt::format("'{}' is a date, not a period", text);
  } else {
    return std::nullopt;
  }
  if (d->day == 1) {
    const Period month = period_containing(Cadence::kMonth, *d);
    return fmt::format(
        "{}: Excel and WPS read the period {} as the date {} and save it so; "
        "did you mean {}? {}",
        what, month.str(), format_date(*d), month.str(), keep(month));
  }
  const Period p = period_containing(cadence, *d);
  return fmt::format("{}; did you mean {}, the {} that holds it? {}", what, p.str(),
                     cadence_name(cadence), keep(p));
}

}  // namespace tally
