// What spreadsheet programs do to periods: Excel and WPS read 2024-07 as a
// date (1 July 2024) and write it back as 2024/7/1, 2024-07-01 or, in a
// workbook, as the day number 45474. A period refused in that shape gets
// the period that was most likely meant and why it changed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/period.h"

namespace tally {

/// The date of a spreadsheet's day number (1900 date system: 1 is
/// 1900-01-01, 45474 is 2024-07-01); nullopt outside 1 to 2958465.
std::optional<Date> date_of_serial(double serial);

/// When `text` is a date a spreadsheet made of a period (2024/7/1,
/// 2024-07-01, 2024/07/01, or a day number from 36526 to 73050, years 2000
/// to 2099), why it is refused: what it is, the period that was likely
/// meant (the month, when it is the 1st; else the period of `cadence`
/// holding the date) and how to keep the period as typed. nullopt for any
/// other text.
std::optional<std::string> spreadsheet_period_hint(std::string_view text, Cadence cadence);

}  // namespace tally
