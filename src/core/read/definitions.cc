#include "core/read/definitions.h"

#include <fmt/format.h>

#include "core/read/toml_fields.h"

namespace tally {

namespace {

void check_slug(const std::string& id, Location at, std::string_view what, Diagnostics& diags) {
  if (!is_slug(id)) {
    diags.error(
        at, "bad-slug",
        fmt::format("{} id '{}' must be lower-case ASCII letters, digits and '-'", what, id));
  }
}

// The Chinese words a plan may write for each enum, as plans and the
// 分工方案 tables write them (docs/format.md lists them).
constexpr WordAlias kKindZh[] = {{"累计", "cumulative"},  {"存量", "level"}, {"增速", "growth"},
                                 {"里程碑", "milestone"}, {"排名", "rank"},  {"名次", "rank"}};

// A kind, or "rank": a level going down, in places.
struct KindWord {
  Kind kind;
  bool rank;
};
std::optional<KindWord> parse_kind_word(std::string_view s) {
  if (s == "rank") return KindWord{Kind::kLevel, true};
  if (auto k = parse_kind(s)) return KindWord{*k, false};
  return std::nullopt;
}
std::vector<std::string> kind_words() {
  auto words = kind_names();
  words.emplace_back("rank");
  return words;
}
constexpr WordAlias kCadenceZh[] = {{"旬", "dekad"},    {"月", "month"},     {"月度", "month"},
                                    {"季", "quarter"},  {"季度", "quarter"}, {"半年", "half"},
                                    {"半年度", "half"}, {"年", "year"},      {"年度", "year"}};
constexpr WordAlias kDirectionZh[] = {{"上升", "up"}, {"下降", "down"}};
constexpr WordAlias kScheduleZh[] = {{"均匀", "even"}, {"年底", "end"}};
constexpr WordAlias kBasisZh[] = {{"累计", "ytd"}, {"当期", "period"}};
// A stage as `tally record` takes it.
constexpr WordAlias kStageZh[] = {{"未开始", "not-started"}, {"未启动", "not-started"},
                                  {"推进中", "in-progress"}, {"进行中", "in-progress"},
                                  {"在建", "in-progress"},   {"已完成", "done"},
                                  {"完成", "done"}};

// `cadence`, in [reporting] and in an indicator.
std::optional<Cadence> read_cadence(Fields& f) {
  static const std::vector<std::string> kWords = {"dekad", "month", "quarter", "half", "year"};
  return f.word("cadence", false, parse_cadence, kWords, kCadenceZh);
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

// One [profile.NAME] table: a named expected path, `shares = [...]` or
// `step = DATE`.
Profile read_profile(const toml::table& t, std::string name, uint32_t file, Diagnostics& diags) {
  Profile p;
  p.name = std::move(name);
  Fields f(t, file, diags, fmt::format("[profile.{}]", p.name));
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
  return p;
}

void read_profiles(const toml::table& all, uint32_t file, Plan& plan, Diagnostics& diags) {
  for (auto&& [key, value] : all) {
    const std::string name(key.str());
    check_slug(name, loc_of(file, key.source()), "profile", diags);
    if (const toml::table* t = value.as_table()) {
      plan.profiles.push_back(read_profile(*t, name, file, diags));
    } else {
      diags.error(
          loc_of(file, value.source()), "wrong-type",
          fmt::format("profile.{} must be a table with shares = [...] or step = <date>", name));
    }
  }
}

// [plan]; returns whether the start and end were read and are in order.
bool read_plan_table(const toml::table& t, uint32_t file, PlanHeader& h, Diagnostics& diags) {
  Fields f(t, file, diags, "[plan]");
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
  // Every command walks the plan period by period: a plan "to 4000-12-31"
  // would take minutes to report on and means a typo.
  constexpr int kMaxPlanYears = 10;
  const bool too_long = start && end && end->year - start->year >= kMaxPlanYears;
  if (too_long) {
    diags.error(f.at("end"), "plan-dates",
                fmt::format("the plan runs from {} to {}, more than {} years; a plan covers at "
                            "most {} years (a five-year plan is 5): is the year of `end` a typo?",
                            format_date(*start), format_date(*end), kMaxPlanYears, kMaxPlanYears));
    h.end = Date{start->year, 12, 31};
  }
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
  return start && end && !(*end < *start) && !too_long;
}

void read_reporting(const toml::table& t, uint32_t file, PlanHeader& h, Diagnostics& diags) {
  Fields f(t, file, diags, "[reporting]");
  if (auto c = read_cadence(f)) h.cadence = *c;
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

void read_thresholds(const toml::table& t, uint32_t file, PlanHeader& h, Diagnostics& diags) {
  Fields f(t, file, diags, "[thresholds]");
  if (auto v = f.number("behind", false)) {
    double b = v->to_double();
    if (b <= 0 || b > 1) {
      diags.error(f.at("behind"), "bad-threshold",
                  fmt::format("behind = {} must be above 0 and at most 1 (e.g. 0.90)", v->str()));
    } else {
      h.behind = b;
    }
  }
  if (auto v = f.number("about", false)) {
    const double a = v->to_double();
    if (a <= 0 || a >= 1) {
      diags.error(f.at("about"), "bad-threshold",
                  fmt::format("about = {} must be above 0 and below 1 (0.1: a target of 3左右 "
                              "is met from 2.7 up)",
                              v->str()));
    } else {
      h.about = *v;
    }
  }
  f.finish({"behind", "about"});
}

// [bulletin]: who issues the bulletins, and how they are numbered.
void read_bulletin(const toml::table& t, uint32_t file, PlanHeader& h, Diagnostics& diags) {
  Fields f(t, file, diags, "[bulletin]");
  if (auto v = f.string("issuer", false)) h.issuer = *v;
  if (auto v = f.string("number", false)) {
    if (*v == "period") {
      h.numbered_by_period = true;
    } else {
      diags.error(f.at("number"), "bad-enum",
                  fmt::format("number '{}' is not \"period\" (a bulletin numbered by its period's "
                              "place in its year: June is 第6期); leave it out for no number, or "
                              "give `tally report --number N`",
                              *v));
    }
  }
  f.finish({"issuer", "number"});
}

// [evaluation]: each weight a number, 0 or more, and not all of them 0.
void read_evaluation(const toml::table& t, uint32_t file, PlanHeader& h, Diagnostics& diags) {
  Fields f(t, file, diags, "[evaluation]");
  Evaluation e = h.evaluation;
  bool ok = true;
  auto weight = [&](std::string_view key, double& into) {
    auto v = f.number(key, false);
    if (!v) return;
    if (v->to_double() < 0) {
      diags.error(f.at(key), "bad-weight",
                  fmt::format("{} = {} is negative; a weight is 0 or more (0 leaves the "
                              "component out of the score)",
                              key, v->str()));
      ok = false;
      return;
    }
    into = v->to_double();
  };
  weight("progress", e.progress);
  weight("reporting", e.reporting);
  weight("tasks", e.tasks);
  weight("problems", e.problems);
  f.finish({"progress", "reporting", "tasks", "problems"});
  if (!ok) return;
  if (e.progress + e.reporting + e.tasks + e.problems <= 0) {
    diags.error(f.where(), "bad-weight",
                "every weight of [evaluation] is 0; give at least one component a weight above 0 "
                "(the defaults are progress = 40, reporting = 20, tasks = 20, problems = 20)");
    return;
  }
  h.evaluation = e;
}

// `schedule`: "even", "end", the name of a profile of plan.toml (read
// before any action), an array of shares or { step = DATE }.
Schedule read_schedule(Fields& f, const Plan& plan, uint32_t file, Diagnostics& diags) {
  Schedule s;
  const toml::node* n = f.get("schedule", false);
  if (!n) return s;
  if (auto str = n->as_string()) {
    const std::string name(canonical_word(str->get(), kScheduleZh));
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
      std::vector<std::string> words = {"even", "end", "均匀", "年底"};
      for (const auto& p : plan.profiles) words.push_back(p.name);
      diags.error(f.at("schedule"), "bad-enum",
                  with_suggestion(fmt::format("schedule '{}' is not \"even\", \"end\" (in "
                                              "Chinese 均匀, 年底) or a [profile.<name>] of "
                                              "plan.toml",
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

// `id`: "<action>.<slug>", starting with its action's id; `what` is
// "indicator" or "task".
std::string read_item_id(Fields& f, const std::string& action_id, std::string_view what,
                         Diagnostics& diags) {
  std::string id = f.string("id", true).value_or("");
  if (id.empty()) return id;
  f.rename(fmt::format("{} '{}'", what, id));
  auto dot = id.find('.');
  std::string prefix = dot == std::string::npos ? "" : id.substr(0, dot);
  std::string slug = dot == std::string::npos ? id : id.substr(dot + 1);
  if (dot == std::string::npos || !is_slug(prefix) || !is_slug(slug)) {
    diags.error(f.at("id"), "bad-slug",
                fmt::format("{} id '{}' must be \"{}.<slug>\" with a slug of "
                            "lower-case ASCII letters, digits and '-'",
                            what, id, action_id.empty() ? "<action>" : action_id));
  } else if (!action_id.empty() && prefix != action_id) {
    diags.error(f.at("id"), "id-prefix",
                fmt::format("{} id '{}' must start with its action's id: '{}.{}'", what, id,
                            action_id, slug));
  }
  return id;
}

// a × b exactly; nullopt when it does not fit.
std::optional<Decimal> multiply(const Decimal& a, const Decimal& b) {
  int64_t m = 0;
  if (__builtin_mul_overflow(a.mantissa, b.mantissa, &m)) return std::nullopt;
  int scale = a.scale + b.scale;
  for (; scale > 0 && m % 10 == 0; --scale) m /= 10;
  if (scale > 18) return std::nullopt;
  return Decimal{m, scale};
}

Decimal negated(Decimal d) {
  d.mantissa = -d.mantissa;
  return d;
}

// `target`: a number; `{ about = N }` with its band (`tolerance`, in the
// unit, or [thresholds] about, a share of N); `[low, high]`. Sets the
// figure judged on (TargetForm) and how the plan states it.
void read_target(Fields& f, uint32_t file, const PlanHeader& h, bool required, Indicator& ind,
                 Diagnostics& diags) {
  const toml::node* n = f.get("target", required);
  if (!n) return;
  const bool up = ind.direction == Direction::kUp;
  const std::string who = ind.id.empty() ? "the indicator" : fmt::format("'{}'", ind.id);
  if (auto t = n->as_table()) {
    Fields tf(*t, file, diags, "target");
    auto about = tf.number("about", true);
    auto tolerance = tf.number("tolerance", false);
    tf.finish({"about", "tolerance"});
    if (!about) return;
    if (tolerance && tolerance->is_negative()) {
      diags.error(
          tf.at("tolerance"), "bad-target",
          fmt::format("the tolerance of {} is {}; a band is not negative", who, tolerance->str()));
      return;
    }
    std::optional<Decimal> half = tolerance;
    if (!half && h.about)
      half = multiply(*h.about, about->is_negative() ? negated(*about) : *about);
    if (!half) {
      diags.error(f.at("target"), "missing-key",
                  fmt::format("{} is about {} but says not how far about: write tolerance = … in "
                              "the target (in {}), or about = 0.1 in [thresholds] of plan.toml "
                              "(±10%)",
                              who, about->str(), ind.unit.empty() ? "its unit" : ind.unit));
      return;
    }
    auto edge = add_decimals(*about, up ? negated(*half) : *half);
    if (!edge) return;
    ind.form.about = about;
    ind.form.tolerance = *half;
    ind.target = edge;
    return;
  }
  if (auto arr = n->as_array()) {
    std::vector<Decimal> ends;
    for (const auto& item : *arr) {
      auto d = f.number_of("target", item);
      if (!d) return;
      ends.push_back(*d);
    }
    if (ends.size() != 2 || !(ends[0].to_double() < ends[1].to_double())) {
      diags.error(f.at("target"), "bad-target",
                  fmt::format("the range of {} must be two numbers, low then high: [3, 4] for "
                              "3–4",
                              who));
      return;
    }
    ind.form.low = ends[0];
    ind.form.high = ends[1];
    ind.target = up ? ends[0] : ends[1];
    return;
  }
  if (!n->is_number()) {
    f.wrong_type("target", *n, "a number, { about = <number> } or [<low>, <high>]");
    return;
  }
  ind.target = f.number_of("target", *n);
}

// "+2pp", "-1.5pp", "+2个百分点": a change in percentage points, signed.
std::optional<Decimal> parse_points(std::string_view text) {
  for (std::string_view suffix : {std::string_view("pp"), std::string_view("个百分点")}) {
    if (!text.ends_with(suffix)) continue;
    std::string_view number = text.substr(0, text.size() - suffix.size());
    if (number.empty() || (number[0] != '+' && number[0] != '-')) return std::nullopt;
    return parse_decimal(number);
  }
  return std::nullopt;
}

// `change = "+2pp"`: a level in % that moves by percentage points from its
// stated baseline; the figure judged on is baseline + change, the
// direction the change's sign.
void read_change(Fields& f, Indicator& ind, Diagnostics& diags) {
  auto text = f.string("change", false);
  if (!text) return;
  const std::string who = ind.id.empty() ? "the indicator" : fmt::format("'{}'", ind.id);
  auto points = parse_points(*text);
  if (!points || points->is_zero()) {
    diags.error(f.at("change"), "bad-target",
                fmt::format("change '{}' of {} is not a change in percentage points such as "
                            "\"+2pp\" or \"-1.5个百分点\"",
                            *text, who));
    return;
  }
  if ((ind.kind_known && ind.kind != Kind::kLevel) || ind.unit != "%") {
    diags.error(f.at("change"), "bad-target",
                fmt::format("{} changes by percentage points, which only a level in % does: "
                            "kind = \"level\", unit = \"%\"",
                            who));
    return;
  }
  if (f.get("target", false)) {
    diags.error(f.at("change"), "bad-target",
                fmt::format("{} has both a target and a change; give one of them", who));
    return;
  }
  if (!ind.baseline) {
    diags.error(f.at("change"), "missing-key",
                fmt::format("{} changes by {} percentage points from a figure it does not give: "
                            "add baseline = {{ value = …, year = … }}, last year's figure",
                            who, points->str()));
    return;
  }
  const Direction sign = points->is_negative() ? Direction::kDown : Direction::kUp;
  if (f.get("direction", false) && ind.direction != sign) {
    diags.error(f.at("direction"), "bad-target",
                fmt::format("{} is direction = \"{}\" but its change {} goes {}; leave "
                            "direction out, the sign says it",
                            who, direction_name(ind.direction), *text, direction_name(sign)));
    return;
  }
  ind.direction = sign;
  ind.form.change = points;
  ind.target = add_decimals(ind.baseline->value, *points);
}

// `baseline = { value = 3.27, year = 2023 }`.
void read_baseline(Fields& f, uint32_t file, Indicator& ind, Diagnostics& diags) {
  const toml::node* n = f.get("baseline", false);
  if (!n) return;
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

// One `{ date = …, stage = … }` of `stages`; nullopt after reporting it.
std::optional<StagePoint> read_stage_point(const toml::table& t, uint32_t file,
                                           Diagnostics& diags) {
  Fields sf(t, file, diags, "stage");
  StagePoint sp;
  sp.loc = sf.where();
  auto d = sf.date("date", true);
  auto s = sf.string("stage", true);
  sf.finish({"date", "stage"});
  if (!s) return std::nullopt;
  auto stage = parse_stage(canonical_word(*s, kStageZh));
  if (!stage) {
    sf.bad_word("stage", *s, stage_names(), kStageZh);
    return std::nullopt;
  }
  if (!d) return std::nullopt;
  sp.date = *d;
  sp.stage = *stage;
  return sp;
}

// `stages`: the dated stages of a milestone.
void read_stages(Fields& f, uint32_t file, std::vector<StagePoint>& stages, Diagnostics& diags) {
  const toml::node* n = f.get("stages", false);
  if (!n) return;
  auto arr = n->as_array();
  if (!arr) {
    f.wrong_type("stages", *n, "an array of { date, stage } tables");
    return;
  }
  for (const auto& item : *arr) {
    if (auto st = item.as_table()) {
      if (auto sp = read_stage_point(*st, file, diags)) stages.push_back(*sp);
    } else {
      diags.error(loc_of(file, item.source()), "wrong-type",
                  "each stage must be a table such as { date = 2024-06-30, stage = "
                  "\"in-progress\" }");
    }
  }
}

// `unit`: required for what is measured, never empty. A count of things
// names what it counts (个, 项); a bulletin's "3" with no unit is ambiguous.
std::string read_unit(Fields& f, bool required) {
  const toml::node* n = f.get("unit", required);
  if (!n) return "";
  auto s = n->as_string();
  if (!s) {
    f.wrong_type("unit", *n, "a string");
    return "";
  }
  if (s->get().empty()) {
    f.empty_value("unit", *n,
                  "a count names what it counts: unit = \"个\" (or 项, 家, 人, 次); a ratio is "
                  "unit = \"%\"");
  }
  return s->get();
}

// `[defaults]` of plan.toml or of an action file. Each key is read and
// reported here, once, however many entries take it.
Defaults read_defaults(const toml::table& t, uint32_t file, const Plan& plan, Diagnostics& diags) {
  Defaults d;
  Fields f(t, file, diags, "[defaults]");
  f.key_locations(d.key_locs);
  if (f.get("lead", false)) {
    if (auto v = f.leads(); !v.empty()) d.lead = std::move(v);
  }
  d.co = f.strings("co", false, true);
  d.cadence = read_cadence(f);
  if (f.get("unit", false)) {
    if (auto u = read_unit(f, false); !u.empty()) d.unit = std::move(u);
  }
  d.source = f.string("source", false);
  if (f.get("schedule", false)) d.schedule = read_schedule(f, plan, file, diags);
  f.finish({"lead", "co", "cadence", "unit", "source", "schedule"});
  return d;
}

// The [defaults] that give an entry a `key` it does not write: its
// action's, else the plan's; nullptr when the entry writes the key or
// neither gives it.
const Defaults* giver(Fields& f, std::string_view key, const Defaults& action,
                      const Defaults& plan) {
  if (f.get(key, false)) return nullptr;
  if (action.key_locs.contains(key)) return &action;
  if (plan.key_locs.contains(key)) return &plan;
  return nullptr;
}

// Marks `key` of an entry as taken from `d`; its location is the default's.
template <typename Entry>
void take(Entry& e, std::string_view key, const Defaults& d) {
  e.inherited.emplace(key);
  e.key_locs.set(key, d.at(key));
}

// Where a default was written, as a reader finds it: "plan.toml:14:8".
std::string default_place(const Defaults& d, std::string_view key, const Plan& plan,
                          const Action& action) {
  const Location at = d.at(key);
  return fmt::format("{}:{}:{}", &d == &plan.defaults ? "plan.toml" : action.file, at.line, at.col);
}

// What an entry takes for `lead`, `co`, `cadence` and `source`, its own or
// a default; indicators and tasks alike.
template <typename Entry>
void read_shared(Fields& f, Entry& e, const Defaults& ad, const Defaults& pd) {
  if (const Defaults* d = giver(f, "lead", ad, pd)) {
    if (d->lead) {
      e.lead = *d->lead;
      take(e, "lead", *d);
    }
  } else {
    e.lead = f.leads();
  }
  if (const Defaults* d = giver(f, "co", ad, pd)) {
    if (d->co) {
      e.co = *d->co;
      take(e, "co", *d);
    }
  } else {
    e.co = f.strings("co", false, true).value_or(std::vector<std::string>{});
  }
  if (const Defaults* d = giver(f, "cadence", ad, pd)) {
    if (d->cadence) {
      e.cadence = d->cadence;
      take(e, "cadence", *d);
    }
  } else {
    e.cadence = read_cadence(f);
  }
  if (const Defaults* d = giver(f, "source", ad, pd)) {
    if (d->source) {
      e.source = *d->source;
      take(e, "source", *d);
    }
  } else {
    e.source = f.string("source", false).value_or("");
  }
}

// kind = "rank": a place, lower is better, counted in 名. It writes no unit
// and no direction of its own.
void read_rank(Fields& f, Indicator& ind, Diagnostics& diags) {
  ind.form.rank = true;
  ind.unit = "名";
  if (f.get("unit", false)) {
    diags.error(f.at("unit"), "misplaced-key",
                "a rank counts places (名); leave 'unit' out of a kind = \"rank\" indicator");
  }
}

// A rank goes down, whatever was written, and its target is a place: a
// whole number, 1 or more, written alone.
void check_rank_target(Fields& f, Indicator& ind, Diagnostics& diags) {
  if (f.get("direction", false) && ind.direction == Direction::kUp) {
    diags.error(f.at("direction"), "bad-target",
                "a rank is better the lower it is (前10名 is 10 or better); leave 'direction' out");
  }
  ind.direction = Direction::kDown;
  if (!ind.target) return;
  if (ind.form.about || ind.form.low || ind.form.change || !ind.target->is_integer() ||
      ind.target->to_double() < 1) {
    diags.error(f.at("target"), "bad-target",
                "a rank's target is a place, a whole number from 1: target = 10 for 前10名");
    ind.target.reset();
  }
}

void read_indicator(const toml::table& t, uint32_t file, size_t action_index,
                    const std::string& action_id, Plan& plan, Diagnostics& diags) {
  Indicator ind;
  ind.action = action_index;
  Fields f(t, file, diags, "[[indicator]]");
  ind.loc = f.where();
  f.key_locations(ind.key_locs);
  ind.id = read_item_id(f, action_id, "indicator", diags);
  ind.name = f.string("name", true).value_or("");
  const auto word = f.word("kind", true, parse_kind_word, kind_words(), kKindZh);
  const std::optional<Kind> kind = word ? std::optional<Kind>(word->kind) : std::optional<Kind>();
  if (kind) ind.kind = *kind;
  ind.kind_known = kind.has_value();
  const bool rank = word && word->rank;
  // Whether unit and target are required depends on the kind: with no kind
  // to go by, neither is, so that a bad kind is one message.
  const bool measured = kind && *kind != Kind::kMilestone;
  const Action& action = plan.actions[action_index];
  const Defaults& ad = action.defaults;
  const Defaults& pd = plan.defaults;
  // A milestone has no unit and no expected path: those defaults pass it by.
  if (rank) {
    read_rank(f, ind, diags);
  } else if (const Defaults* d = measured ? giver(f, "unit", ad, pd) : nullptr) {
    if (d->unit) {
      ind.unit = *d->unit;
      take(ind, "unit", *d);
      if (*kind == Kind::kGrowth && ind.unit != "%") {
        diags.error(
            f.at("kind"), "default-kind",
            fmt::format("{} is a growth rate, in %, but takes unit = \"{}\" from the "
                        "[defaults] at {}; write unit = \"%\" in the indicator",
                        ind.id.empty() ? "the indicator" : fmt::format("indicator '{}'", ind.id),
                        ind.unit, default_place(*d, "unit", plan, action)));
      }
    }
  } else {
    ind.unit = read_unit(f, measured);
  }
  // The direction first: it decides which edge of a band is judged on.
  if (auto v = f.word("direction", false, parse_direction, direction_names(), kDirectionZh))
    ind.direction = *v;
  // A change in percentage points stands in for the target.
  read_target(f, file, plan.header, measured && !f.get("change", false), ind, diags);
  if (rank) check_rank_target(f, ind, diags);
  ind.form.stretch = f.number("stretch", false);
  read_shared(f, ind, ad, pd);
  if (const Defaults* d = measured ? giver(f, "schedule", ad, pd) : nullptr) {
    if (d->schedule) {
      ind.schedule = *d->schedule;
      take(ind, "schedule", *d);
    }
  } else {
    ind.schedule = read_schedule(f, plan, file, diags);
  }
  if (auto v = f.word("basis", false, parse_basis, basis_names(), kBasisZh)) ind.basis = *v;
  read_baseline(f, file, ind, diags);
  read_change(f, ind, diags);
  ind.metric = f.string("metric", false).value_or("");
  ind.note = f.string("note", false).value_or("");
  ind.due = f.date("due", false);
  read_stages(f, file, ind.stages, diags);
  f.finish({"id", "name", "kind", "unit", "target", "stretch", "change", "direction", "lead", "co",
            "cadence", "schedule", "basis", "baseline", "metric", "source", "note", "due",
            "stages"});
  plan.indicators.push_back(std::move(ind));
}

void read_task(const toml::table& t, uint32_t file, size_t action_index,
               const std::string& action_id, Plan& plan, Diagnostics& diags) {
  Task task;
  task.action = action_index;
  Fields f(t, file, diags, "[[task]]");
  task.loc = f.where();
  f.key_locations(task.key_locs);
  task.id = read_item_id(f, action_id, "task", diags);
  task.name = f.string("name", true).value_or("");
  task.text = f.string("text", true).value_or("");
  read_shared(f, task, plan.actions[action_index].defaults, plan.defaults);
  task.due = f.date("due", false);
  read_stages(f, file, task.stages, diags);
  task.note = f.string("note", false).value_or("");
  f.finish({"id", "name", "text", "lead", "co", "cadence", "due", "stages", "source", "note"});
  plan.tasks.push_back(std::move(task));
}

// The [[indicator]] or [[task]] tables of an action file.
template <typename ReadOne>
void read_items(Fields& top, const toml::node* n, uint32_t file, std::string_view key,
                Diagnostics& diags, ReadOne read_one) {
  if (!n) return;
  auto arr = n->as_array();
  if (!arr) {
    top.wrong_type(key, *n, fmt::format("an array of [[{}]] tables", key));
    return;
  }
  for (const auto& item : *arr) {
    if (auto t = item.as_table()) {
      read_one(*t);
    } else {
      diags.error(loc_of(file, item.source()), "wrong-type",
                  fmt::format("each {0} must be an [[{0}]] table", key));
    }
  }
}

// [action].
void read_action_table(const toml::table& t, uint32_t file, Action& a, Diagnostics& diags) {
  Fields f(t, file, diags, "[action]");
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
}

// Whether `root` has the table `key`: nullptr when absent or after reporting
// it as something else.
const toml::table* table_of(Fields& top, std::string_view key, bool required) {
  const toml::node* n = top.get(key, required);
  if (!n) return nullptr;
  if (auto t = n->as_table()) return t;
  top.wrong_type(key, *n, "a table");
  return nullptr;
}

}  // namespace

bool read_plan_toml(const toml::table& root, uint32_t file, Plan& out, Diagnostics& diags) {
  PlanHeader& h = out.header;
  Fields top(root, file, diags, "plan.toml");
  h.loc = Location{file, 1, 1};
  const toml::table* plan = table_of(top, "plan", true);
  const toml::table* reporting = table_of(top, "reporting", false);
  const toml::table* thresholds = table_of(top, "thresholds", false);
  const toml::table* units = table_of(top, "units", false);
  const toml::table* profiles = table_of(top, "profile", false);
  const toml::table* evaluation = table_of(top, "evaluation", false);
  const toml::table* defaults = table_of(top, "defaults", false);
  const toml::table* bulletin = table_of(top, "bulletin", false);
  top.finish({"plan", "reporting", "thresholds", "units", "profile", "evaluation", "defaults",
              "bulletin"});
  if (units) {
    Fields f(*units, file, diags, "[units]");
    if (auto v = f.strings("counted", false, false)) h.counted_units = *v;
    f.finish({"counted"});
  }
  if (profiles) read_profiles(*profiles, file, out, diags);
  // After the profiles: a default schedule may name one.
  if (defaults) out.defaults = read_defaults(*defaults, file, out, diags);
  const bool dates_ok = plan && read_plan_table(*plan, file, h, diags);
  if (reporting) read_reporting(*reporting, file, h, diags);
  if (thresholds) read_thresholds(*thresholds, file, h, diags);
  if (evaluation) read_evaluation(*evaluation, file, h, diags);
  if (bulletin) read_bulletin(*bulletin, file, h, diags);
  return dates_ok;
}

bool read_bureaus_toml(const toml::table& root, uint32_t file, Plan& plan, Diagnostics& diags) {
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

void read_action_toml(const toml::table& root, uint32_t file, const std::string& rel_path,
                      Plan& plan, Diagnostics& diags) {
  Fields top(root, file, diags, rel_path);
  const toml::node* an = top.get("action", true);
  const toml::node* inds = top.get("indicator", false);
  const toml::node* tasks = top.get("task", false);
  const toml::table* defaults = table_of(top, "defaults", false);
  top.finish({"action", "indicator", "task", "defaults"});
  Action a;
  a.file = rel_path;
  a.loc = Location{file, 1, 1};
  if (an) {
    if (auto t = an->as_table()) {
      read_action_table(*t, file, a, diags);
    } else {
      top.wrong_type("action", *an, "a table");
    }
  }
  if (defaults) a.defaults = read_defaults(*defaults, file, plan, diags);
  size_t index = plan.actions.size();
  plan.actions.push_back(a);
  read_items(top, inds, file, "indicator", diags,
             [&](const toml::table& t) { read_indicator(t, file, index, a.id, plan, diags); });
  read_items(top, tasks, file, "task", diags,
             [&](const toml::table& t) { read_task(t, file, index, a.id, plan, diags); });
}

}  // namespace tally
