// The keys of an [[actual]] record, in one table. The loader and the
// canonical reader of actuals files, their writer, the columns of `tally
// import` and the names refusals give a field are all made from it: a new
// key is one row here, a member of Actual (and of ProposedActual when the
// user types it), and its tests.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace tally {

/// The keys, in the order `tally record` writes them; they index kActualFields.
enum class ActualKey : size_t {
  kIndicator,
  kPeriod,
  kValue,
  kUnit,
  kRecorded,
  kBy,
  kSource,
  kNote,
  kReason,
  kHighlight
};

/// One key of an [[actual]] record.
struct ActualField {
  ActualKey id;
  /// The TOML key, and the column of `tally import`.
  std::string_view key;
  /// What is written after `key = `: a string kept as text; a period; a
  /// number, or a string for a milestone's stage; a date-time; true or
  /// false (kept in Actual::highlight, the only flag).
  enum class Type { kText, kPeriod, kValue, kMoment, kFlag } type;
  /// A record without it is not read; a required text may not be empty.
  bool required;
  /// The user must give it (a CSV file needs its column). False too for a
  /// key the user does not type (`recorded`: the write stamps it).
  bool typed_required;
  /// kText: where an Actual keeps the text (a view of the reader's
  /// TextStore). Null for the rest (a period is kept as Actual::period).
  Text Actual::*text;
  /// Where an Actual keeps the location of the value, when findings point
  /// at it; null otherwise (they point at the record).
  KeyAt Actual::*at;
  /// Where a proposal keeps it as typed; null for a key the user does not type.
  std::string ProposedActual::*typed;
};

using FieldType = ActualField::Type;

inline constexpr ActualField kActualFields[] = {
    {ActualKey::kIndicator, "indicator", FieldType::kText, true, true, &Actual::indicator, nullptr,
     &ProposedActual::indicator},
    {ActualKey::kPeriod, "period", FieldType::kPeriod, true, true, nullptr, &Actual::period_at,
     &ProposedActual::period},
    {ActualKey::kValue, "value", FieldType::kValue, true, true, nullptr, &Actual::value_at,
     &ProposedActual::value},
    {ActualKey::kUnit, "unit", FieldType::kText, false, false, &Actual::unit, &Actual::unit_at,
     nullptr},
    {ActualKey::kRecorded, "recorded", FieldType::kMoment, true, false, nullptr,
     &Actual::recorded_at, nullptr},
    {ActualKey::kBy, "by", FieldType::kText, true, false, &Actual::by, &Actual::by_at,
     &ProposedActual::by},
    {ActualKey::kSource, "source", FieldType::kText, true, true, &Actual::source, nullptr,
     &ProposedActual::source},
    {ActualKey::kNote, "note", FieldType::kText, false, false, &Actual::note, nullptr,
     &ProposedActual::note},
    {ActualKey::kReason, "reason", FieldType::kText, false, false, &Actual::reason, nullptr,
     &ProposedActual::reason},
    {ActualKey::kHighlight, "highlight", FieldType::kFlag, false, false, nullptr, nullptr,
     &ProposedActual::highlight},
};

/// How many keys an [[actual]] record has.
inline constexpr size_t kActualFieldCount = std::size(kActualFields);

constexpr bool actual_fields_in_key_order() {
  for (size_t i = 0; i < kActualFieldCount; ++i)
    if (static_cast<size_t>(kActualFields[i].id) != i) return false;
  return true;
}
static_assert(actual_fields_in_key_order(), "kActualFields lists the keys in ActualKey order");

/// Every key, in table order: the keys an [[actual]] table may have.
constexpr std::array<std::string_view, kActualFieldCount> actual_keys() {
  std::array<std::string_view, kActualFieldCount> out{};
  for (size_t i = 0; i < kActualFieldCount; ++i) out[i] = kActualFields[i].key;
  return out;
}

/// The keys the user types, in table order: the columns of `tally import`.
std::vector<std::string> typed_keys();

}  // namespace tally
