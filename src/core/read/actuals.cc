#include "core/read/actuals.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <unordered_map>

#include "core/base/memory.h"
#include "core/base/text.h"
#include "core/base/units.h"
#include "core/model/actual_fields.h"
#include "core/read/fast_actuals.h"
#include "core/read/toml_fields.h"

namespace tally {

namespace {

constexpr auto kActualKeys = actual_keys();

Timestamp to_timestamp(const toml::date_time& dt, int default_offset, bool* ok) {
  *ok = is_valid_date(dt.date.year, dt.date.month, dt.date.day);
  if (!*ok) return Timestamp{};
  return make_timestamp(
      Date{dt.date.year, dt.date.month, dt.date.day}, dt.time.hour, dt.time.minute, dt.time.second,
      dt.offset ? dt.offset->minutes : default_offset, static_cast<int32_t>(dt.time.nanosecond));
}

Timestamp timestamp_of(const OffsetDateTime& t) {
  return make_timestamp(t.date, t.hour, t.minute, t.second, t.offset_minutes, t.nanos);
}

// The steps below are shared by the toml++ reader (read_actual) and the
// canonical one (read_canonical), so both say the same thing about a value.

// `period`: the period notation; false after reporting it.
bool read_period(std::string_view text, Actual& a, Diagnostics& diags) {
  std::string err;
  auto p = parse_period(text, &err);
  if (!p) {
    diags.error(a.period_loc(), "bad-period", err);
    return false;
  }
  a.period = *p;
  return true;
}

// A string `value`: a stage, a task's state or a percent; false after
// reporting it. Which fits the record's indicator or task is check's rule.
bool read_value_text(std::string_view text, Actual& a, Diagnostics& diags) {
  if (auto st = parse_stage(text)) {
    a.value.stage = *st;
    return true;
  }
  if (auto st = parse_task_state(text)) {
    a.value.stage = *st;
    return true;
  }
  if (text.size() > 1 && text.back() == '%') {
    if (auto v = parse_percent(text)) {
      a.value = *v;
      return true;
    }
    diags.error(a.value_loc(), "bad-value",
                fmt::format("value \"{}\" is not a percent between 0% and 100%", text));
    return false;
  }
  diags.error(a.value_loc(), "bad-value",
              with_suggestion(fmt::format("value \"{}\" is not a number, a stage "
                                          "(not-started, in-progress, done, or a percent "
                                          "such as \"60%\") or a task's state (stalled)",
                                          text),
                              text, {"not-started", "in-progress", "done", "stalled"}));
  return false;
}

// One key of a record that toml++ parsed, into `a`; false when the record
// cannot be kept (what is wrong was reported).
bool read_field(Fields& f, const ActualField& field, int offset_minutes, TextStore& texts,
                Actual& a, Diagnostics& diags) {
  if (field.type == FieldType::kText || field.type == FieldType::kPeriod) {
    auto v = f.string(field.key, field.required);
    if (!v) return !field.required;
    if (field.type == FieldType::kPeriod) return read_period(*v, a, diags);
    a.*field.text = texts.keep(*v, static_cast<size_t>(field.id));
    return true;
  }
  const toml::node* n = f.get(field.key, field.required);
  if (!n) return !field.required;
  if (field.type == FieldType::kFlag) {
    if (auto b = n->as_boolean()) {
      a.highlight = b->get();
      return true;
    }
    f.wrong_type(field.key, *n, "true or false");
    return false;
  }
  if (field.type == FieldType::kValue) {
    if (auto s = n->as_string()) return read_value_text(s->get(), a, diags);
    if (auto d = f.number_of(field.key, *n)) a.value.number = *d;
    return a.value.number.has_value();
  }
  auto dt = n->as_date_time();
  if (!dt) {
    f.wrong_type(field.key, *n, "a date-time such as 2024-07-15T10:02:00+08:00");
    return false;
  }
  bool valid;
  a.recorded = to_timestamp(dt->get(), offset_minutes, &valid);
  if (!valid)
    diags.error(a.at(a.*field.at), "bad-date", fmt::format("'{}' is not a real date", field.key));
  return valid;
}

void read_actual(const toml::table& t, uint32_t file, uint32_t first_line, const Plan& plan,
                 TextStore& texts, std::vector<Actual>& out, Diagnostics& diags) {
  Actual a;
  Fields f(t, file, diags, "[[actual]]", first_line);
  a.loc = f.where();
  if (auto n = t.get("indicator"); n && n->is_string()) {
    f.rename(fmt::format("the record for '{}'", n->as_string()->get()));
  }
  a.file_order = static_cast<uint32_t>(out.size());
  bool ok = true;
  for (const ActualField& field : kActualFields) {
    if (field.at) a.*field.at = a.key_at(f.at(field.key));
    ok = read_field(f, field, plan.header.utc_offset_minutes, texts, a, diags) && ok;
  }
  f.finish(kActualKeys);
  if (ok) out.push_back(std::move(a));
}

// The last period notation read and what it gave: the records of one file
// share a few periods, and parsing and formatting each again was a twentieth
// of the time to load them.
struct PeriodCache {
  std::string text;
  Period period;
};

// The same steps as read_actual for a record the canonical reader decoded:
// every key is there with the right type, so only the period and a string
// value can be wrong.
void read_canonical(const CanonicalActual& c, std::vector<Actual>& out, Diagnostics& diags,
                    std::optional<PeriodCache>& cache) {
  Actual& a = out.back();
  a.file_order = static_cast<uint32_t>(out.size() - 1);
  bool ok = true;
  if (cache && cache->text == c.period) {
    a.period = cache->period;
  } else if ((ok = read_period(c.period, a, diags))) {
    cache = PeriodCache{std::string(c.period), a.period};
  }
  if (c.number) {
    a.value.number = *c.number;
  } else {
    ok = read_value_text(c.value_text, a, diags) && ok;
  }
  a.recorded = timestamp_of(c.recorded);
  if (!ok) out.pop_back();
}

// The whole file with toml++: the reference reader.
void read_actuals_toml(std::string_view text, uint32_t file, const Plan& plan, TextStore& texts,
                       std::vector<Actual>& out, Diagnostics& diags) {
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error& e) {
    syntax_error(file, text, e, diags);
    return;
  }
  Fields top(root, file, diags, "an actuals file");
  const toml::node* n = top.get("actual", false);
  top.finish({"actual"});
  if (!n) return;
  auto arr = n->as_array();
  if (!arr) {
    top.wrong_type("actual", *n, "an array of [[actual]] tables");
    return;
  }
  for (const auto& item : *arr) {
    if (auto t = item.as_table()) {
      read_actual(*t, file, 1, plan, texts, out, diags);
    } else {
      diags.error(loc_of(file, item.source()), "wrong-type",
                  "each actual must be an [[actual]] table");
    }
  }
}

// Record by record: the canonical reader where it can, toml++ for a record
// it declines. False (with nothing appended) when toml++ finds a syntax error
// in a record: only the whole file then says what toml++ says about it.
bool read_actuals_by_record(const std::vector<RecordText>& records, uint32_t file, const Plan& plan,
                            TextStore& texts, std::vector<Actual>& out, Diagnostics& diags,
                            ActualsReadStats* stats, const ActualsFilter* filter = nullptr,
                            SkippedActuals* skipped = nullptr) {
  const size_t first_out = out.size();
  if (out.capacity() < first_out + records.size()) {
    reserve_in_huge_pages(out, std::max(first_out + records.size(), 2 * out.capacity()));
  }
  Diagnostics mine;
  size_t declined = 0;
  std::optional<PeriodCache> periods;
  CanonicalActual c;
  CanonicalScratch scratch;
  for (const auto& record : records) {
    // Straight into place: a record of its own to move from was a third
    // more bytes written per record.
    if (read_canonical_actual(record, file, texts, out.emplace_back(), c, scratch)) {
      if (filter && skipped && !filter->keep(out.back().indicator)) {
        out.pop_back();
        const Timestamp t = timestamp_of(c.recorded);
        skipped->recorded.push_back({t.epoch_seconds, t.nanos});
        ++skipped->count;
        continue;
      }
      read_canonical(c, out, mine, periods);
      continue;
    }
    out.pop_back();
    ++declined;
    toml::table root;
    try {
      root = toml::parse(record.text);
    } catch (const toml::parse_error&) {
      out.resize(first_out);
      if (skipped) *skipped = {};
      return false;
    }
    // The record's text holds one [[actual]] table and nothing else (the
    // split saw no other table header); anything else goes to the whole file.
    const toml::array* one = root.size() == 1 ? root["actual"].as_array() : nullptr;
    const toml::table* t = one && one->size() == 1 ? one->get(0)->as_table() : nullptr;
    if (!t) {
      out.resize(first_out);
      if (skipped) *skipped = {};
      return false;
    }
    read_actual(*t, file, record.line, plan, texts, out, mine);
  }
  diags.append(std::move(mine));
  if (stats) {
    stats->toml_records += declined;
    stats->canonical_records += records.size() - declined;
  }
  return true;
}

// The records out[first…] in their indicators' units: a record written in
// another unit of the same kind (万吨 for an indicator now in 吨) is
// converted exactly; one whose unit does not convert is reported and not
// kept. A record without a unit, or of an unknown indicator, is left as
// it is.
void to_indicator_units(const Plan& plan, std::vector<Actual>& out, size_t first,
                        Diagnostics& diags) {
  std::unordered_map<std::string_view, const Indicator*> units;
  size_t kept = first;
  for (size_t i = first; i < out.size(); ++i) {
    Actual& a = out[i];
    bool ok = true;
    if (!a.unit.empty() && a.value.number) {
      auto [it, fresh] = units.try_emplace(a.indicator, nullptr);
      if (fresh) it->second = plan.find_indicator(a.indicator);
      const Indicator* ind = it->second;
      if (ind && ind->unit != a.unit) {
        const Unit from = parse_unit(a.unit), to = parse_unit(ind->unit);
        std::optional<Decimal> v;
        if (!from.base.empty() && from.base == to.base) {
          v = a.value.number->shifted(from.exponent - to.exponent);
        }
        if (v) {
          a.value.number = *v;
        } else {
          diags.error(a.unit_loc(), "unit-mismatch",
                      fmt::format("'{}' was recorded in {}, which does not convert to its unit in "
                                  "the plan, {}; give the plan its unit back, or restate this "
                                  "record's value and unit in {}",
                                  a.indicator, a.unit, ind->unit.empty() ? "none" : ind->unit,
                                  ind->unit.empty() ? "no unit" : ind->unit));
          ok = false;
        }
      }
    }
    if (ok) {
      if (kept != i) out[kept] = std::move(a);
      ++kept;
    }
  }
  out.resize(kept);
}

}  // namespace

void load_actuals_text(std::string_view text, uint32_t file, const Plan& plan, TextStore& texts,
                       std::vector<Actual>& out, Diagnostics& diags, ActualsReadStats* stats,
                       const ActualsFilter* filter, SkippedActuals* skipped) {
  if (!check_utf8(text, file, diags)) return;
  const size_t first = out.size();
  text = strip_bom(text);
  bool read = false;
  if (auto records = split_actual_records(text)) {
    read = read_actuals_by_record(*records, file, plan, texts, out, diags, stats, filter, skipped);
  }
  if (!read) {
    if (stats) ++stats->toml_files;
    read_actuals_toml(text, file, plan, texts, out, diags);
  }
  to_indicator_units(plan, out, first, diags);
}

bool load_appended_actuals(std::string_view text, size_t old_size, uint32_t file, const Plan& plan,
                           TextStore& texts, std::vector<Actual>& out, Diagnostics& diags) {
  const std::string_view old = text.substr(0, old_size), added = text.substr(old_size);
  if (!split_actual_records(strip_bom(old)) || find_invalid_utf8(added)) return false;
  auto records = split_actual_records(added);
  if (!records) return false;
  // The new part starts at the beginning of a line of the whole text (or
  // with the line end that closes the old part's last line).
  const auto old_lines = static_cast<uint32_t>(std::count(old.begin(), old.end(), '\n'));
  for (RecordText& r : *records) r.line += old_lines;
  const size_t first = out.size();
  std::vector<Actual> read;
  if (!read_actuals_by_record(*records, file, plan, texts, read, diags, nullptr)) return false;
  std::move(read.begin(), read.end(), std::back_inserter(out));
  to_indicator_units(plan, out, first, diags);
  return true;
}

void load_actuals_text_toml(std::string_view text, uint32_t file, const Plan& plan,
                            TextStore& texts, std::vector<Actual>& out, Diagnostics& diags) {
  if (!check_utf8(text, file, diags)) return;
  const size_t first = out.size();
  read_actuals_toml(strip_bom(text), file, plan, texts, out, diags);
  to_indicator_units(plan, out, first, diags);
}

std::string format_actual_value(const ActualValue& v) {
  return v.number ? value_text(v) : fmt::format("\"{}\"", value_text(v));
}

void append_actual(std::string& out, const Actual& a) {
  // By hand rather than with fmt: `import` writes a line per key of every
  // row, and formatting each was an eighth of its time.
  // A text is escaped straight into `out`, without a string of its own.
  auto line = [&out](std::string_view key, std::string_view value, bool quoted,
                     bool escaped = false) {
    out.append(key);
    out.append(quoted ? " = \"" : " = ");
    if (escaped) {
      append_toml_escaped(out, value);
    } else {
      out.append(value);
    }
    out.append(quoted ? "\"\n" : "\n");
  };
  out.append("\n[[actual]]\n");
  for (const ActualField& f : kActualFields) {
    switch (f.type) {
      case FieldType::kText:
        if (f.required || !(a.*f.text).empty()) line(f.key, a.*f.text, true, true);
        break;
      case FieldType::kPeriod:
        line(f.key, a.period.str(), true);
        break;
      case FieldType::kValue:
        line(f.key, format_actual_value(a.value), false);
        break;
      case FieldType::kMoment:
        line(f.key, a.recorded.text(), false);
        break;
      case FieldType::kFlag:
        if (a.highlight) line(f.key, "true", false);
        break;
    }
  }
}

std::string format_actual(const Actual& a) {
  std::string out;
  append_actual(out, a);
  return out;
}

std::string actuals_file_header(const Bureau& b) {
  std::string name = b.name;
  for (char& c : name)
    if (c == '\n' || c == '\r') c = ' ';
  return fmt::format(
      "# Actuals reported by {} ({}). `tally record` and `tally import` append here;\n"
      "# what is already written is never rewritten.\n",
      name, b.id);
}

std::string append_after(std::string_view existing, std::string_view records) {
  if (!existing.empty() && existing.back() != '\n') return "\n" + std::string(records);
  return std::string(records);
}

}  // namespace tally
