#include "core/read/load.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>

#include "core/read/fast_actuals.h"
#include "core/base/parallel.h"
#include "core/base/text.h"

namespace tally {

namespace {

Location loc_of(uint32_t file, const toml::source_region& s) {
  return Location{file, s.begin.line, s.begin.column};
}

std::string_view type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "nothing";
  }
}

std::optional<Date> to_date(const toml::date& d) {
  if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  return Date{d.year, d.month, d.day};
}

// Reads the keys of one TOML table, remembering which were used, so that
// the rest can be reported as unknown with a suggestion.
class Fields {
 public:
  // `first_line` is the line of the file where the parsed text began (the
  // fast actuals reader hands single records to toml++).
  Fields(const toml::table& t, uint32_t file, Diagnostics& diags, std::string what,
         uint32_t first_line = 1)
      : t_(t), file_(file), line_offset_(first_line - 1), diags_(diags), what_(std::move(what)) {}

  Location where() const { return loc(t_.source()); }

  // The location of a key's value (or of the table when absent).
  Location at(std::string_view key) const {
    if (const toml::node* n = t_.get(key)) return loc(n->source());
    return where();
  }

  const toml::node* get(std::string_view key, bool required) {
    used_.emplace_back(key);
    const toml::node* n = t_.get(key);
    // Reported in finish(), where a misspelt key can explain the absence.
    if (!n && required) missing_.emplace_back(key);
    return n;
  }

  /// Names the table in later messages, e.g. "indicator 'industry.x'".
  void rename(std::string what) { what_ = std::move(what); }

  void empty_value(std::string_view key, const toml::node& n) {
    diags_.error(loc(n.source()), "empty-value",
                 fmt::format("'{}' is empty in {}; write its value", key, what_));
  }

  void wrong_type(std::string_view key, const toml::node& n, std::string_view expected) {
    diags_.error(loc(n.source()), "wrong-type",
                 fmt::format("'{}' must be {}, not {}", key, expected, type_name(n)));
  }

  // A required string may not be empty unless `allow_empty` (a unit).
  std::optional<std::string> string(std::string_view key, bool required, bool allow_empty = false) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    if (auto s = n->as_string()) {
      if (s->get().empty() && required && !allow_empty) {
        empty_value(key, *n);
        return std::nullopt;
      }
      return s->get();
    }
    wrong_type(key, *n, "a string");
    return std::nullopt;
  }

  std::optional<Decimal> number(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    return number_of(key, *n);
  }

  std::optional<Decimal> number_of(std::string_view key, const toml::node& n) {
    if (auto i = n.as_integer()) {
      int64_t v = i->get();
      if (v > 999999999999999999LL || v < -999999999999999999LL) {
        diags_.error(loc(n.source()), "bad-number",
                     fmt::format("'{}' = {} is out of range (at most 18 digits)", key, v));
        return std::nullopt;
      }
      return Decimal{v, 0};
    }
    if (auto f = n.as_floating_point()) {
      double v = f->get();
      if (!std::isfinite(v)) {
        diags_.error(loc(n.source()), "bad-number",
                     fmt::format("'{}' is {}; write a finite number", key,
                                 std::isnan(v) ? "nan" : "infinite"));
        return std::nullopt;
      }
      auto d = decimal_from_double(v);
      if (!d) {
        diags_.error(loc(n.source()), "bad-number",
                     fmt::format("'{}' = {} is out of range (at most 18 digits)", key, v));
      }
      return d;
    }
    wrong_type(key, n, "a number");
    return std::nullopt;
  }

  std::optional<int64_t> integer(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    if (auto i = n->as_integer()) return i->get();
    wrong_type(key, *n, "an integer");
    return std::nullopt;
  }

  std::optional<Date> date(std::string_view key, bool required) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    return date_of(key, *n);
  }

  std::optional<Date> date_of(std::string_view key, const toml::node& n) {
    if (auto d = n.as_date()) {
      if (auto v = to_date(d->get())) return v;
      diags_.error(loc(n.source()), "bad-date", fmt::format("'{}' is not a real date", key));
      return std::nullopt;
    }
    wrong_type(key, n, "a date such as 2024-12-31");
    return std::nullopt;
  }

  // An array of strings; a single string is also accepted (as an array of
  // one) when `allow_single`. No item may be empty. nullopt when absent or
  // when any item was reported.
  std::optional<std::vector<std::string>> strings(std::string_view key, bool required,
                                                  bool allow_single) {
    const toml::node* n = get(key, required);
    if (!n) return std::nullopt;
    if (auto s = n->as_string(); s && allow_single) {
      if (s->get().empty()) {
        empty_value(key, *n);
        return std::nullopt;
      }
      return std::vector<std::string>{s->get()};
    }
    auto arr = n->as_array();
    if (!arr) {
      wrong_type(key, *n, allow_single ? "a string or an array of strings" : "an array of strings");
      return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (const auto& item : *arr) {
      if (auto s = item.as_string(); s && !s->get().empty()) {
        out.push_back(s->get());
      } else if (s) {
        empty_value(key, item);
        ok = false;
      } else {
        diags_.error(loc(item.source()), "wrong-type",
                     fmt::format("'{}' must hold strings, not {}", key, type_name(item)));
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return out;
  }

  // `lead`: one bureau id or several, at least one.
  std::vector<std::string> leads() {
    auto v = strings("lead", true, true);
    if (v && v->empty()) {
      diags_.error(at("lead"), "missing-key",
                   fmt::format("{} needs at least one lead bureau", what_));
    }
    return v.value_or(std::vector<std::string>{});
  }

  // An integer between `low` and `high`.
  std::optional<int> integer_in(std::string_view key, bool required, int low, int high) {
    auto v = integer(key, required);
    if (v && (*v < low || *v > high)) {
      diags_.error(at(key), "bad-number",
                   fmt::format("'{}' = {} must be between {} and {}", key, *v, low, high));
      return std::nullopt;
    }
    if (v) return static_cast<int>(*v);
    return std::nullopt;
  }

  // Reports every key that was not read as unknown, with a suggestion.
  // A required key that is absent is reported once: as a misspelling when an
  // unknown key is close to it, otherwise as missing.
  void finish(std::initializer_list<std::string_view> known) {
    std::vector<std::string> names(known.begin(), known.end());
    std::vector<std::string> explained;
    for (auto&& [k, v] : t_) {
      bool ok = false;
      for (auto name : known) ok = ok || name == k.str();
      if (ok) continue;
      std::string guess = closest(k.str(), names);
      if (!guess.empty()) explained.push_back(guess);
      diags_.error(
          loc(k.source()), "unknown-key",
          with_suggestion(fmt::format("unknown key '{}' in {}", k.str(), what_), k.str(), names));
    }
    for (const auto& key : missing_) {
      if (std::find(explained.begin(), explained.end(), key) != explained.end()) continue;
      diags_.error(where(), "missing-key",
                   fmt::format("{} has no '{}'; add {} = …", what_, key, key));
    }
  }

  void key_locations(std::map<std::string, Location, std::less<>>& out) const {
    for (auto&& [k, v] : t_) out[std::string(k.str())] = loc(v.source());
  }

 private:
  Location loc(const toml::source_region& s) const {
    Location l = loc_of(file_, s);
    l.line += line_offset_;
    return l;
  }

  const toml::table& t_;
  uint32_t file_;
  uint32_t line_offset_;
  Diagnostics& diags_;
  std::string what_;
  std::vector<std::string> used_;
  std::vector<std::string> missing_;
};

// A toml++ parse error as a diagnostic. toml++ places an out-of-range date
// or time field ("expected day between 1 and 29 (inclusive), saw 30") just
// after the field; the caret belongs under it.
void syntax_error(uint32_t file, const toml::parse_error& e, Diagnostics& diags) {
  Location at = loc_of(file, e.source());
  std::string_view what = e.description();
  if (auto saw = what.rfind(", saw "); saw != what.npos && what.find(" between ") != what.npos) {
    std::string_view field = what.substr(saw + 6);
    const bool digits = !field.empty() && field.find_first_not_of("0123456789") == field.npos;
    if (digits && at.col > field.size()) at.col -= static_cast<uint32_t>(field.size());
  }
  diags.error(at, "toml-syntax", fmt::format("TOML syntax: {}", what));
}

// Reads a file, checks its encoding and parses it; nullopt when unusable.
std::optional<toml::table> parse_file(const FileSystem& fs, const std::string& path,
                                      const std::string& shown_path, LoadResult& r,
                                      uint32_t* file_out) {
  std::string error;
  auto text = fs.read(path, &error);
  uint32_t file = r.files.add(shown_path, text ? *text : std::string());
  if (file_out) *file_out = file;
  if (!text) {
    r.diags.error(Location{file, 0, 0}, "unreadable-file", fmt::format("cannot read: {}", error));
    return std::nullopt;
  }
  if (!check_utf8(*text, file, r.diags)) return std::nullopt;
  try {
    return toml::parse(strip_bom(*text), shown_path);
  } catch (const toml::parse_error& e) {
    syntax_error(file, e, r.diags);
    return std::nullopt;
  }
}

void check_slug(const std::string& id, Location at, std::string_view what, Diagnostics& diags) {
  if (!is_slug(id)) {
    diags.error(
        at, "bad-slug",
        fmt::format("{} id '{}' must be lower-case ASCII letters, digits and '-'", what, id));
  }
}

// An array of cumulative shares (checked for length and order by check/check.h).
Schedule read_shares(Fields& f, std::string_view key, const toml::node& n) {
  Schedule s;
  auto arr = n.as_array();
  if (!arr) {
    f.wrong_type(key, n, "an array of 4 or 12 cumulative shares");
    return s;
  }
  s.type = Schedule::Type::kShares;
  for (const auto& item : *arr) {
    auto d = f.number_of(key, item);
    s.shares.push_back(d ? d->to_double() : 0.0);
  }
  return s;
}

// [profile.NAME] tables: named expected paths, each `shares = [...]` or
// `step = DATE`.
void read_profiles(const toml::table& all, uint32_t file, Plan& plan, Diagnostics& diags) {
  for (auto&& [key, value] : all) {
    Profile p;
    p.name = std::string(key.str());
    p.loc = loc_of(file, key.source());
    check_slug(p.name, p.loc, "profile", diags);
    const toml::table* t = value.as_table();
    if (!t) {
      diags.error(
          loc_of(file, value.source()), "wrong-type",
          fmt::format("profile.{} must be a table with shares = [...] or step = <date>", p.name));
      continue;
    }
    Fields f(*t, file, diags, fmt::format("[profile.{}]", p.name));
    p.loc = f.where();
    f.key_locations(p.key_locs);
    p.description = f.string("description", false).value_or("");
    const toml::node* shares = f.get("shares", false);
    const toml::node* step = f.get("step", false);
    if (shares && step) {
      diags.error(f.at("step"), "bad-schedule",
                  fmt::format("profile '{}' has both shares and step; give one of them", p.name));
    } else if (shares) {
      p.path = read_shares(f, "shares", *shares);
    } else if (step) {
      p.path.type = Schedule::Type::kStep;
      if (auto d = f.date("step", false)) p.path.step = *d;
    } else {
      diags.error(p.loc, "missing-key",
                  fmt::format("profile '{}' needs shares = [...] (4 or 12 cumulative shares) or "
                              "step = <date>",
                              p.name));
    }
    f.finish({"description", "shares", "step"});
    p.path.profile = p.name;
    plan.profiles.push_back(std::move(p));
  }
}

// Returns whether the plan's start and end were read and are in order.
bool load_plan_toml(const toml::table& root, uint32_t file, Plan& out, Diagnostics& diags) {
  PlanHeader& h = out.header;
  bool dates_ok = false;
  Fields top(root, file, diags, "plan.toml");
  h.loc = Location{file, 1, 1};
  auto table_of = [&](std::string_view key, bool required) -> const toml::table* {
    const toml::node* n = top.get(key, required);
    if (!n) return nullptr;
    if (auto t = n->as_table()) return t;
    top.wrong_type(key, *n, "a table");
    return nullptr;
  };
  const toml::table* plan = table_of("plan", true);
  const toml::table* reporting = table_of("reporting", false);
  const toml::table* thresholds = table_of("thresholds", false);
  const toml::table* units = table_of("units", false);
  const toml::table* profiles = table_of("profile", false);
  top.finish({"plan", "reporting", "thresholds", "units", "profile"});
  if (units) {
    Fields f(*units, file, diags, "[units]");
    if (auto v = f.strings("counted", false, false)) h.counted_units = *v;
    f.finish({"counted"});
  }
  if (profiles) read_profiles(*profiles, file, out, diags);
  if (plan) {
    Fields f(*plan, file, diags, "[plan]");
    h.loc = f.where();
    if (auto v = f.string("id", true)) {
      h.id = *v;
      check_slug(h.id, f.at("id"), "plan", diags);
    }
    h.title = f.string("title", true).value_or("");
    h.document = f.string("document", false).value_or("");
    h.issued = f.date("issued", false);
    auto start = f.date("start", true);
    auto end = f.date("end", true);
    if (start) h.start = *start;
    if (end) h.end = *end;
    if (start && end && *end < *start) {
      diags.error(f.at("end"), "plan-dates",
                  fmt::format("the plan ends ({}) before it starts ({})", format_date(*end),
                              format_date(*start)));
    }
    dates_ok = start && end && !(*end < *start);
    if (!start || !end) {
      // Keep later passes meaningful: a one-year plan from the start (or end).
      if (start) h.end = Date{start->year, 12, 31};
      if (end) h.start = Date{end->year, 1, 1};
    }
    h.utc_offset = "+08:00";
    h.utc_offset_minutes = 8 * 60;
    if (auto v = f.string("utc_offset", false)) {
      if (auto m = parse_utc_offset(*v)) {
        h.utc_offset = *v;
        h.utc_offset_minutes = *m;
      } else {
        diags.error(f.at("utc_offset"), "bad-utc-offset",
                    fmt::format("utc_offset '{}' is not an offset such as \"+08:00\"", *v));
      }
    }
    f.finish({"id", "title", "document", "issued", "start", "end", "utc_offset"});
  }
  if (reporting) {
    Fields f(*reporting, file, diags, "[reporting]");
    if (auto v = f.string("cadence", false)) {
      if (auto c = parse_cadence(*v)) {
        h.cadence = *c;
      } else {
        diags.error(f.at("cadence"), "bad-enum",
                    with_suggestion(fmt::format("cadence '{}' is not one of dekad, month, "
                                                "quarter, half, year",
                                                *v),
                                    *v, {"dekad", "month", "quarter", "half", "year"}));
      }
    }
    if (auto v = f.integer("timely_days", false)) {
      if (*v < 0 || *v > 366) {
        diags.error(f.at("timely_days"), "bad-timely-days",
                    fmt::format("timely_days = {} must be between 0 and 366", *v));
      } else {
        h.timely_days = static_cast<int>(*v);
      }
    }
    f.finish({"cadence", "timely_days"});
  }
  if (thresholds) {
    Fields f(*thresholds, file, diags, "[thresholds]");
    if (auto v = f.number("behind", false)) {
      double b = v->to_double();
      if (b <= 0 || b > 1) {
        diags.error(f.at("behind"), "bad-threshold",
                    fmt::format("behind = {} must be above 0 and at most 1 (e.g. 0.90)", v->str()));
      } else {
        h.behind = b;
      }
    }
    f.finish({"behind"});
  }
  return dates_ok;
}

// Returns false when there is no table of bureaus to read.
bool load_bureaus_toml(const toml::table& root, uint32_t file, Plan& plan, Diagnostics& diags) {
  Fields top(root, file, diags, "bureaus.toml");
  const toml::node* n = top.get("bureau", true);
  top.finish({"bureau"});
  if (!n) return false;
  const toml::table* all = n->as_table();
  if (!all) {
    top.wrong_type("bureau", *n, "a table of [bureau.<id>] tables");
    return false;
  }
  for (auto&& [key, value] : *all) {
    Bureau b;
    b.id = std::string(key.str());
    b.loc = loc_of(file, key.source());
    check_slug(b.id, b.loc, "bureau", diags);
    const toml::table* t = value.as_table();
    if (!t) {
      diags.error(loc_of(file, value.source()), "wrong-type",
                  fmt::format("bureau.{} must be a table with name = …", b.id));
      continue;
    }
    Fields f(*t, file, diags, fmt::format("[bureau.{}]", b.id));
    b.name = f.string("name", true).value_or("");
    b.full_name = f.string("full_name", false).value_or("");
    b.aliases = f.strings("aliases", false, false).value_or(std::vector<std::string>{});
    b.kind = f.string("kind", false).value_or("other");
    f.finish({"name", "full_name", "aliases", "kind"});
    plan.bureaus.push_back(std::move(b));
  }
  return true;
}

// `schedule`: "even", "end", the name of a profile of plan.toml (read
// before any action), an array of shares or { step = DATE }.
Schedule read_schedule(Fields& f, const Plan& plan, uint32_t file, Diagnostics& diags) {
  Schedule s;
  const toml::node* n = f.get("schedule", false);
  if (!n) return s;
  if (auto str = n->as_string()) {
    const std::string& name = str->get();
    if (name == "even") return s;
    if (name == "end") {
      s.type = Schedule::Type::kEnd;
      return s;
    }
    if (name.empty()) {
      f.empty_value("schedule", *n);
      return s;
    }
    const Profile* profile = plan.find_profile(name);
    if (profile == nullptr) {
      std::vector<std::string> words = {"even", "end"};
      for (const auto& p : plan.profiles) words.push_back(p.name);
      diags.error(f.at("schedule"), "bad-enum",
                  with_suggestion(fmt::format("schedule '{}' is not \"even\", \"end\" or a "
                                              "[profile.<name>] of plan.toml",
                                              name),
                                  name, words));
      s.profile = name;  // kept so that check does not also call a profile unused
      return s;
    }
    return profile->path;
  }
  if (auto t = n->as_table()) {
    Fields sf(*t, file, diags, "schedule");
    s.type = Schedule::Type::kStep;
    if (auto d = sf.date("step", true)) s.step = *d;
    sf.finish({"step"});
    return s;
  }
  if (!n->as_array()) {
    f.wrong_type("schedule", *n,
                 "\"even\", \"end\", a profile's name, an array of shares or { step = <date> }");
    return s;
  }
  return read_shares(f, "schedule", *n);
}

void read_indicator(const toml::table& t, uint32_t file, size_t action_index,
                    const std::string& action_id, Plan& plan, Diagnostics& diags) {
  Indicator ind;
  ind.action = action_index;
  Fields f(t, file, diags, "[[indicator]]");
  ind.loc = f.where();
  f.key_locations(ind.key_locs);
  ind.id = f.string("id", true).value_or("");
  if (!ind.id.empty()) f.rename(fmt::format("indicator '{}'", ind.id));
  if (!ind.id.empty()) {
    auto dot = ind.id.find('.');
    std::string prefix = dot == std::string::npos ? "" : ind.id.substr(0, dot);
    std::string slug = dot == std::string::npos ? ind.id : ind.id.substr(dot + 1);
    if (dot == std::string::npos || !is_slug(prefix) || !is_slug(slug)) {
      diags.error(f.at("id"), "bad-slug",
                  fmt::format("indicator id '{}' must be \"{}.<slug>\" with a slug of "
                              "lower-case ASCII letters, digits and '-'",
                              ind.id, action_id.empty() ? "<action>" : action_id));
    } else if (!action_id.empty() && prefix != action_id) {
      diags.error(f.at("id"), "id-prefix",
                  fmt::format("indicator id '{}' must start with its action's id: '{}.{}'", ind.id,
                              action_id, slug));
    }
  }
  ind.name = f.string("name", true).value_or("");
  if (auto k = f.string("kind", true)) {
    if (auto v = parse_kind(*k)) {
      ind.kind = *v;
    } else {
      diags.error(f.at("kind"), "bad-enum",
                  with_suggestion(fmt::format("kind '{}' is not one of cumulative, level, "
                                              "growth, milestone",
                                              *k),
                                  *k, {"cumulative", "level", "growth", "milestone"}));
    }
  }
  const bool milestone = ind.kind == Kind::kMilestone;
  ind.unit = f.string("unit", !milestone, /*allow_empty=*/true).value_or("");
  ind.target = f.number("target", !milestone);
  if (auto d = f.string("direction", false)) {
    if (auto v = parse_direction(*d)) {
      ind.direction = *v;
    } else {
      diags.error(f.at("direction"), "bad-enum",
                  with_suggestion(fmt::format("direction '{}' is not \"up\" or \"down\"", *d), *d,
                                  {"up", "down"}));
    }
  }
  ind.lead = f.leads();
  ind.co = f.strings("co", false, true).value_or(std::vector<std::string>{});
  if (auto c = f.string("cadence", false)) {
    if (auto v = parse_cadence(*c)) {
      ind.cadence = *v;
    } else {
      diags.error(f.at("cadence"), "bad-enum",
                  with_suggestion(fmt::format("cadence '{}' is not one of dekad, month, "
                                              "quarter, half, year",
                                              *c),
                                  *c, {"dekad", "month", "quarter", "half", "year"}));
    }
  }
  ind.schedule = read_schedule(f, plan, file, diags);
  if (auto b = f.string("basis", false)) {
    if (auto v = parse_basis(*b)) {
      ind.basis = *v;
    } else {
      diags.error(f.at("basis"), "bad-enum",
                  with_suggestion(fmt::format("basis '{}' is not \"ytd\" or \"period\"", *b), *b,
                                  {"ytd", "period"}));
    }
  }
  if (const toml::node* n = f.get("baseline", false)) {
    if (auto bt = n->as_table()) {
      Fields bf(*bt, file, diags, "baseline");
      auto v = bf.number("value", true);
      auto y = bf.integer_in("year", true, 1, 9999);
      bf.finish({"value", "year"});
      if (v && y) ind.baseline = Baseline{*v, *y};
    } else {
      f.wrong_type("baseline", *n, "a table such as { value = 3.27, year = 2023 }");
    }
  }
  ind.metric = f.string("metric", false).value_or("");
  ind.source = f.string("source", false).value_or("");
  ind.note = f.string("note", false).value_or("");
  ind.due = f.date("due", false);
  if (const toml::node* n = f.get("stages", false)) {
    if (auto arr = n->as_array()) {
      for (const auto& item : *arr) {
        auto st = item.as_table();
        if (!st) {
          diags.error(loc_of(file, item.source()), "wrong-type",
                      "each stage must be a table such as { date = 2024-06-30, stage = "
                      "\"in-progress\" }");
          continue;
        }
        Fields sf(*st, file, diags, "stage");
        StagePoint sp;
        sp.loc = sf.where();
        auto d = sf.date("date", true);
        auto s = sf.string("stage", true);
        sf.finish({"date", "stage"});
        if (s) {
          if (auto v = parse_stage(*s)) {
            sp.stage = *v;
          } else {
            diags.error(sf.at("stage"), "bad-enum",
                        with_suggestion(fmt::format("stage '{}' is not one of not-started, "
                                                    "in-progress, done",
                                                    *s),
                                        *s, {"not-started", "in-progress", "done"}));
            continue;
          }
        }
        if (d && s) {
          sp.date = *d;
          ind.stages.push_back(sp);
        }
      }
    } else {
      f.wrong_type("stages", *n, "an array of { date, stage } tables");
    }
  }
  f.finish({"id", "name", "kind", "unit", "target", "direction", "lead", "co", "cadence",
            "schedule", "basis", "baseline", "metric", "source", "note", "due", "stages"});
  plan.indicators.push_back(std::move(ind));
}

void load_action_toml(const toml::table& root, uint32_t file, const std::string& rel_path,
                      Plan& plan, Diagnostics& diags) {
  Fields top(root, file, diags, rel_path);
  const toml::node* an = top.get("action", true);
  const toml::node* inds = top.get("indicator", false);
  top.finish({"action", "indicator"});
  Action a;
  a.file = rel_path;
  a.loc = Location{file, 1, 1};
  if (an) {
    if (auto t = an->as_table()) {
      Fields f(*t, file, diags, "[action]");
      a.loc = f.where();
      f.key_locations(a.key_locs);
      if (auto v = f.string("id", true)) {
        a.id = *v;
        f.rename(fmt::format("action '{}'", a.id));
        check_slug(a.id, f.at("id"), "action", diags);
      }
      if (auto v = f.integer_in("number", true, 1, 999)) a.number = *v;
      a.name = f.string("name", true).value_or("");
      a.name_en = f.string("name_en", false).value_or("");
      a.annex = f.string("annex", false).value_or("");
      a.lead = f.leads();
      a.office = f.string("office", false).value_or("");
      a.also = f.strings("also", false, false).value_or(std::vector<std::string>{});
      f.finish({"id", "number", "name", "name_en", "annex", "lead", "office", "also"});
    } else {
      top.wrong_type("action", *an, "a table");
    }
  }
  size_t index = plan.actions.size();
  plan.actions.push_back(a);
  if (!inds) return;
  auto arr = inds->as_array();
  if (!arr) {
    top.wrong_type("indicator", *inds, "an array of [[indicator]] tables");
    return;
  }
  for (const auto& item : *arr) {
    if (auto t = item.as_table()) {
      read_indicator(*t, file, index, a.id, plan, diags);
    } else {
      diags.error(loc_of(file, item.source()), "wrong-type",
                  "each indicator must be an [[indicator]] table");
    }
  }
}

// A timestamp from its parts; `offset` is minutes east of UTC.
Timestamp make_timestamp(Date d, int hour, int minute, int second, int offset) {
  Timestamp ts;
  ts.epoch_seconds = days_from_civil(d) * 86400 + hour * 3600 + minute * 60 + second - offset * 60;
  ts.offset_minutes = offset;
  const int a = offset < 0 ? -offset : offset;
  const int parts[] = {d.month, d.day, hour, minute, second, a / 60, a % 60};
  bool two_digits = d.year >= 0 && d.year <= 9999;
  for (int v : parts) two_digits = two_digits && v >= 0 && v <= 99;
  if (!two_digits) {
    ts.text = fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(d), hour, minute, second,
                          offset < 0 ? '-' : '+', a / 60, a % 60);
    return ts;
  }
  // The same text by hand: this runs once per actual, and fmt was a tenth
  // of the time to load a large file.
  char text[] = "0000-00-00T00:00:00+00:00";
  auto put = [&](size_t at, int v) {
    text[at] = static_cast<char>('0' + v / 10);
    text[at + 1] = static_cast<char>('0' + v % 10);
  };
  put(0, d.year / 100);
  put(2, d.year % 100);
  const size_t at[] = {5, 8, 11, 14, 17, 20, 23};
  for (size_t i = 0; i < 7; ++i) put(at[i], parts[i]);
  text[19] = offset < 0 ? '-' : '+';
  ts.text.assign(text, sizeof text - 1);
  return ts;
}

Timestamp to_timestamp(const toml::date_time& dt, int default_offset, bool* ok) {
  *ok = is_valid_date(dt.date.year, dt.date.month, dt.date.day);
  if (!*ok) return Timestamp{};
  return make_timestamp(Date{dt.date.year, dt.date.month, dt.date.day}, dt.time.hour,
                        dt.time.minute, dt.time.second,
                        dt.offset ? dt.offset->minutes : default_offset);
}

// The steps below are shared by the toml++ reader (read_actual) and the
// canonical one (read_canonical), so both say the same thing about a value.

// `period`: the period notation; false after reporting it.
bool read_period(const std::string& text, Actual& a, Diagnostics& diags) {
  std::string err;
  auto p = parse_period(text, &err);
  if (!p) {
    diags.error(a.period_loc, "bad-period", err);
    return false;
  }
  a.period = *p;
  a.period_text = p->str();
  return true;
}

// A string `value`: a stage or a percent; false after reporting it.
bool read_value_text(std::string_view text, Actual& a, Diagnostics& diags) {
  if (auto st = parse_stage(text)) {
    a.value.stage = *st;
    return true;
  }
  if (text.size() > 1 && text.back() == '%') {
    auto d = parse_decimal(text.substr(0, text.size() - 1));
    if (d && d->to_double() >= 0 && d->to_double() <= 100) {
      a.value.percent = d->to_double();
      a.value.stage = d->to_double() >= 100 ? Stage::kDone
                      : d->is_zero()        ? Stage::kNotStarted
                                            : Stage::kInProgress;
      return true;
    }
    diags.error(a.value_loc, "bad-value",
                fmt::format("value \"{}\" is not a percent between 0% and 100%", text));
    return false;
  }
  diags.error(a.value_loc, "bad-value",
              with_suggestion(fmt::format("value \"{}\" is not a number or a stage "
                                          "(not-started, in-progress, done, or a percent "
                                          "such as \"60%\")",
                                          text),
                              text, {"not-started", "in-progress", "done"}));
  return false;
}

void read_actual(const toml::table& t, uint32_t file, uint32_t first_line, const Plan& plan,
                 std::vector<Actual>& out, Diagnostics& diags) {
  Actual a;
  Fields f(t, file, diags, "[[actual]]", first_line);
  a.loc = f.where();
  if (auto n = t.get("indicator"); n && n->is_string()) {
    f.rename(fmt::format("the record for '{}'", n->as_string()->get()));
  }
  a.file_order = static_cast<uint32_t>(out.size());
  bool ok = true;
  if (auto v = f.string("indicator", true))
    a.indicator = *v;
  else
    ok = false;
  a.period_loc = f.at("period");
  if (auto v = f.string("period", true)) {
    ok = read_period(*v, a, diags) && ok;
  } else {
    ok = false;
  }
  a.value_loc = f.at("value");
  if (const toml::node* n = f.get("value", true)) {
    if (auto s = n->as_string()) {
      ok = read_value_text(s->get(), a, diags) && ok;
    } else if (auto d = f.number_of("value", *n)) {
      a.value.number = *d;
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  a.recorded_loc = f.at("recorded");
  if (const toml::node* n = f.get("recorded", true)) {
    if (auto dt = n->as_date_time()) {
      bool valid;
      a.recorded = to_timestamp(dt->get(), plan.header.utc_offset_minutes, &valid);
      if (!valid) {
        diags.error(a.recorded_loc, "bad-date", "'recorded' is not a real date");
        ok = false;
      }
    } else {
      f.wrong_type("recorded", *n, "a date-time such as 2024-07-15T10:02:00+08:00");
      ok = false;
    }
  } else {
    ok = false;
  }
  a.by_loc = f.at("by");
  if (auto v = f.string("by", true))
    a.by = *v;
  else
    ok = false;
  if (auto v = f.string("source", true))
    a.source = *v;
  else
    ok = false;
  a.note = f.string("note", false).value_or("");
  a.reason = f.string("reason", false).value_or("");
  f.finish({"indicator", "period", "value", "recorded", "by", "source", "note", "reason"});
  if (ok) out.push_back(std::move(a));
}

// The last period notation read and what it gave: the records of one file
// share a few periods, and parsing and formatting each again was a twentieth
// of the time to load them.
struct PeriodCache {
  std::string text;
  Period period;
  std::string period_text;
};

// The same steps as read_actual for a record the canonical reader decoded:
// every key is there with the right type, so only the period and a string
// value can be wrong.
void read_canonical(CanonicalActual&& c, std::vector<Actual>& out, Diagnostics& diags,
                    std::optional<PeriodCache>& cache) {
  Actual& a = out.emplace_back();
  a.loc = c.loc;
  a.file_order = static_cast<uint32_t>(out.size() - 1);
  a.indicator = std::move(c.indicator);
  a.period_loc = c.period_loc;
  bool ok = true;
  if (cache && cache->text == c.period) {
    a.period = cache->period;
    a.period_text = cache->period_text;
  } else if ((ok = read_period(c.period, a, diags))) {
    cache = PeriodCache{std::move(c.period), a.period, a.period_text};
  }
  a.value_loc = c.value_loc;
  if (c.number) {
    a.value.number = *c.number;
  } else {
    ok = read_value_text(c.value_text, a, diags) && ok;
  }
  a.recorded_loc = c.recorded_loc;
  a.recorded = make_timestamp(c.date, c.hour, c.minute, c.second, c.offset_minutes);
  a.by_loc = c.by_loc;
  a.by = std::move(c.by);
  a.source = std::move(c.source);
  a.note = std::move(c.note);
  a.reason = std::move(c.reason);
  if (!ok) out.pop_back();
}

// The whole file with toml++: the reference reader.
void read_actuals_toml(std::string_view text, uint32_t file, const Plan& plan,
                       std::vector<Actual>& out, Diagnostics& diags) {
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error& e) {
    syntax_error(file, e, diags);
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
      read_actual(*t, file, 1, plan, out, diags);
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
                            std::vector<Actual>& out, Diagnostics& diags, ActualsReadStats* stats) {
  const size_t first_out = out.size();
  if (out.capacity() < first_out + records.size()) {
    out.reserve(std::max(first_out + records.size(), 2 * out.capacity()));
  }
  Diagnostics mine;
  size_t declined = 0;
  std::optional<PeriodCache> periods;
  for (const auto& record : records) {
    if (auto c = read_canonical_actual(record, file)) {
      read_canonical(std::move(*c), out, mine, periods);
      continue;
    }
    ++declined;
    toml::table root;
    try {
      root = toml::parse(record.text);
    } catch (const toml::parse_error&) {
      out.resize(first_out);
      return false;
    }
    // The record's text holds one [[actual]] table and nothing else (the
    // split saw no other table header); anything else goes to the whole file.
    const toml::array* one = root.size() == 1 ? root["actual"].as_array() : nullptr;
    const toml::table* t = one && one->size() == 1 ? one->get(0)->as_table() : nullptr;
    if (!t) {
      out.resize(first_out);
      return false;
    }
    read_actual(*t, file, record.line, plan, out, mine);
  }
  diags.append(std::move(mine));
  if (stats) {
    stats->toml_records += declined;
    stats->canonical_records += records.size() - declined;
  }
  return true;
}

// One actuals file as a worker thread leaves it.
struct ActualsFile {
  std::optional<std::string> text;
  std::string error;
  std::vector<Actual> actuals;
  Diagnostics diags;
};

// Reads and parses the actuals files, on as many threads as there are cores
// (each file on one thread), then adds them to `r` in the order of `paths`,
// so the result is the same as reading them one after another.
void load_actuals_files(const FileSystem& fs, const std::vector<std::string>& paths,
                        LoadResult& r) {
  std::vector<ActualsFile> files(paths.size());
  const auto first = static_cast<uint32_t>(r.files.size());
  parallel_for(paths.size(), [&](size_t i) {
    ActualsFile& f = files[i];
    f.text = fs.read(paths[i], &f.error);
    if (f.text) {
      load_actuals_text(*f.text, first + static_cast<uint32_t>(i), r.plan, f.actuals, f.diags);
    }
  });

  size_t total = r.plan.actuals.size();
  for (const auto& f : files) total += f.actuals.size();
  r.plan.actuals.reserve(total);
  for (size_t i = 0; i < files.size(); ++i) {
    ActualsFile& f = files[i];
    const uint32_t file = r.files.add(paths[i], f.text ? std::move(*f.text) : std::string());
    if (!f.text) {
      r.diags.error(Location{file, 0, 0}, "unreadable-file",
                    fmt::format("cannot read: {}", f.error));
      continue;
    }
    r.diags.append(std::move(f.diags));
    const auto base = static_cast<uint32_t>(r.plan.actuals.size());
    for (auto& a : f.actuals) {
      a.file_order += base;
      r.plan.actuals.push_back(std::move(a));
    }
    std::vector<Actual>().swap(f.actuals);
  }
}

}  // namespace

std::string_view strip_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

bool check_utf8(std::string_view text, uint32_t file, Diagnostics& diags) {
  auto bad = find_invalid_utf8(text);
  if (!bad) return true;
  // Notepad's "Unicode" is UTF-16 with a byte-order mark: say so, rather
  // than suggest a legacy encoding.
  if (*bad == 0 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")) {
    diags.error(Location{file, 1, 1}, "not-utf8",
                "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8");
    return false;
  }
  // Locate the byte as line:col so an editor can jump to it.
  uint32_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < *bad; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  auto col =
      static_cast<uint32_t>(decode_utf8(text.substr(line_start, *bad - line_start)).size() + 1);
  diags.error(Location{file, line, col}, "not-utf8",
              fmt::format("the file is not UTF-8: byte 0x{:02X} at offset {} (GBK or another "
                          "legacy encoding?); save it as UTF-8",
                          static_cast<unsigned char>(text[*bad]), *bad));
  return false;
}

bool is_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

void load_actuals_text(std::string_view text, uint32_t file, const Plan& plan,
                       std::vector<Actual>& out, Diagnostics& diags, ActualsReadStats* stats) {
  if (!check_utf8(text, file, diags)) return;
  text = strip_bom(text);
  if (auto records = split_actual_records(text)) {
    if (read_actuals_by_record(*records, file, plan, out, diags, stats)) return;
  }
  if (stats) ++stats->toml_files;
  read_actuals_toml(text, file, plan, out, diags);
}

void load_actuals_text_toml(std::string_view text, uint32_t file, const Plan& plan,
                            std::vector<Actual>& out, Diagnostics& diags) {
  if (!check_utf8(text, file, diags)) return;
  read_actuals_toml(strip_bom(text), file, plan, out, diags);
}

LoadResult load_plan(const FileSystem& fs, const LoadOptions& options) {
  LoadResult r;
  Plan& plan = r.plan;
  plan.dir = options.plan_dir;
  plan.actuals_dir =
      options.actuals_dir.empty() ? join_path(options.plan_dir, "actuals") : options.actuals_dir;
  auto shown = [&](const std::string& rel) { return join_path(options.plan_dir, rel); };

  uint32_t file = 0;
  auto plan_root = parse_file(fs, shown("plan.toml"), shown("plan.toml"), r, &file);
  if (!plan_root) {
    r.fatal = true;
    return r;
  }
  plan.unread.dates = !load_plan_toml(*plan_root, file, plan, r.diags);

  if (auto root = parse_file(fs, shown("bureaus.toml"), shown("bureaus.toml"), r, &file)) {
    plan.unread.bureaus = !load_bureaus_toml(*root, file, plan, r.diags);
  } else {
    plan.unread.bureaus = true;
  }

  std::string actions_dir = shown("actions");
  std::vector<std::string> names;
  for (auto& name : fs.list(actions_dir)) {
    if (name.size() > 5 && name.substr(name.size() - 5) == ".toml") names.push_back(name);
  }
  if (names.empty()) {
    r.diags.error(Location{r.files.add(actions_dir, ""), 0, 0}, "missing-file",
                  "the plan has no actions; add actions/01-<slug>.toml with an [action] table");
    plan.unread.indicators = true;
  }
  for (const auto& name : names) {
    std::string rel = "actions/" + name;
    if (auto root = parse_file(fs, shown(rel), shown(rel), r, &file)) {
      load_action_toml(*root, file, rel, plan, r.diags);
    } else {
      plan.unread.indicators = true;
    }
  }

  if (options.skip_actuals) return r;
  if (fs.is_file(plan.actuals_dir)) {
    r.diags.error(Location{r.files.add(plan.actuals_dir, ""), 0, 0}, "missing-file",
                  "this is a file; actuals live in a directory of <bureau>.toml files");
    return r;
  }
  if (!options.actuals_dir.empty() && !fs.is_dir(options.actuals_dir)) {
    r.diags.error(Location{r.files.add(options.actuals_dir, ""), 0, 0}, "missing-file",
                  "the actuals directory does not exist");
    return r;
  }
  std::vector<std::string> paths;
  for (const auto& name : fs.list(plan.actuals_dir)) {
    if (name.size() <= 5 || name.substr(name.size() - 5) != ".toml") continue;
    paths.push_back(join_path(plan.actuals_dir, name));
  }
  load_actuals_files(fs, paths, r);
  return r;
}

}  // namespace tally
