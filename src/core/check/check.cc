#include "core/check/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/base/fs.h"
#include "core/base/parallel.h"
#include "core/base/text.h"
#include "core/read/actuals.h"

namespace tally {

namespace {

std::string plan_span(const Plan& plan) {
  return fmt::format("{} to {}", format_date(plan.header.start), format_date(plan.header.end));
}

// Also true when the plan's dates could not be read: plan.toml's finding
// says so once.
bool in_plan(const Plan& plan, Date d) {
  return plan.unread.dates || (plan.header.start <= d && d <= plan.header.end);
}

std::unordered_map<std::string_view, size_t> indicator_index(const Plan& plan) {
  std::unordered_map<std::string_view, size_t> out;
  out.reserve(plan.indicators.size());
  for (size_t i = 0; i < plan.indicators.size(); ++i) out.emplace(plan.indicators[i].id, i);
  return out;
}

// Each indicator id with its index in plan.indicators (the first, if an id
// is defined twice) and its position among the ids in sorted order, so
// records can be ordered by indicator without comparing strings. With
// `tasks`, the tasks' ids too, indexed after the indicators (a task's index
// is indicators.size() + its place in plan.tasks).
struct IndicatorKey {
  size_t index;
  uint32_t rank;
};
std::unordered_map<std::string_view, IndicatorKey> indicator_keys(const Plan& plan,
                                                                  bool tasks = false) {
  std::unordered_map<std::string_view, IndicatorKey> out;
  out.reserve(plan.indicators.size() + (tasks ? plan.tasks.size() : 0));
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    out.emplace(plan.indicators[i].id, IndicatorKey{i, 0});
  }
  for (size_t t = 0; tasks && t < plan.tasks.size(); ++t) {
    out.emplace(plan.tasks[t].id, IndicatorKey{plan.indicators.size() + t, 0});
  }
  std::vector<std::string_view> ids;
  ids.reserve(out.size());
  for (const auto& [id, _] : out) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  for (size_t r = 0; r < ids.size(); ++r) out[ids[r]].rank = static_cast<uint32_t>(r);
  return out;
}

// For each actual, the rank of its period among the periods of all actuals,
// in the order of their notation (`by_date` false, Period::str()) or of
// their dates.
std::vector<uint32_t> period_ranks(const Plan& plan, bool by_date) {
  // Periods as integers: hashing these is cheaper than hashing the text,
  // and neighbouring records mostly share a period.
  auto packed = [](const Period& p) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(p.year)) << 16) |
           (static_cast<uint64_t>(p.cadence) << 8) | static_cast<uint64_t>(p.index & 0xFF);
  };
  std::unordered_map<uint64_t, uint32_t> distinct;
  std::vector<size_t> first;  // an actual with each distinct period
  std::vector<uint32_t> out(plan.actuals.size());
  uint64_t last_key = 0;
  uint32_t last_id = 0;
  for (size_t i = 0; i < plan.actuals.size(); ++i) {
    const uint64_t key = packed(plan.actuals[i].period);
    if (i == 0 || key != last_key) {
      auto [it, fresh] = distinct.emplace(key, static_cast<uint32_t>(first.size()));
      if (fresh) first.push_back(i);
      last_key = key;
      last_id = it->second;
    }
    out[i] = last_id;
  }
  std::vector<uint32_t> order(first.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const Actual& a = plan.actuals[first[x]];
    const Actual& b = plan.actuals[first[y]];
    return by_date ? a.period < b.period : a.period.str() < b.period.str();
  });
  std::vector<uint32_t> rank(first.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  for (auto& v : out) v = rank[v];
  return out;
}

// A record as the ordering rules see it: by indicator, period, recorded
// time, then position in plan.actuals. The recorded time is read from the
// record itself (sort_records): it decides only between records of one
// indicator and period, which are few, and the key is 12 bytes, not 24.
struct RecordKey {
  uint32_t indicator;
  uint32_t period;
  uint32_t index;
};

// Sorts records by their keys: first by indicator with a counting sort (the
// indicators are few next to the records), then each indicator's run, which
// is a few hundred records where std::sort over a million was a tenth of
// `tally check`. The counting sort keeps the records' order within an
// indicator, which is nearly always their order in time already (a file's
// records are appended as they come): such a run is only looked over.
void sort_records(const Plan& plan, std::vector<RecordKey>& keys, size_t indicators) {
  std::vector<size_t> start(indicators + 1, 0);
  for (const RecordKey& k : keys) ++start[k.indicator + 1];
  for (size_t i = 0; i < indicators; ++i) start[i + 1] += start[i];
  {
    std::vector<RecordKey> sorted(keys.size());
    std::vector<size_t> next(start.begin(), start.end() - 1);
    for (const RecordKey& k : keys) sorted[next[k.indicator]++] = k;
    keys.swap(sorted);
  }
  auto before = [&](const RecordKey& a, const RecordKey& b) {
    if (a.period != b.period) return a.period < b.period;
    const Timestamp& x = plan.actuals[a.index].recorded;
    const Timestamp& y = plan.actuals[b.index].recorded;
    if (!x.same_moment(y)) return x < y;
    return a.index < b.index;
  };
  for (size_t i = 0; i < indicators; ++i) {
    const auto from = keys.begin() + static_cast<std::ptrdiff_t>(start[i]);
    const auto to = keys.begin() + static_cast<std::ptrdiff_t>(start[i + 1]);
    if (!std::is_sorted(from, to, before)) std::sort(from, to, before);
  }
}

// True when `path` names the file `record` appends to for bureau `by`:
// it ends in "<by>.toml" after a '/' or at its start.
bool in_own_file(std::string_view path, std::string_view by) {
  constexpr std::string_view ext = ".toml";
  const size_t n = by.size() + ext.size();
  if (path.size() < n || path.substr(path.size() - ext.size()) != ext ||
      path.substr(path.size() - n, by.size()) != by) {
    return false;
  }
  return path.size() == n || path[path.size() - n - 1] == '/';
}

void check_bureau_ref(const Plan& plan, const std::string& id, Location at, std::string_view role,
                      Diagnostics& diags) {
  if (id.empty() || plan.unread.bureaus || plan.find_bureau(id)) return;
  std::string message = fmt::format("unknown bureau '{}' in {}", id, role);
  if (const Bureau* b = plan.resolve_bureau_name(id)) {
    message += fmt::format(" ('{}' is bureau '{}'; use its id)", id, b->id);
  } else {
    message = with_suggestion(message, id, plan.bureau_ids());
  }
  diags.error(at, "unknown-bureau", message);
}

}  // namespace

void check_unique_ids(const Plan& plan, Diagnostics& diags) {
  std::unordered_map<std::string_view, const Action*> actions;
  std::unordered_map<int, const Action*> numbers;
  for (const auto& a : plan.actions) {
    if (a.id.empty()) continue;
    auto [it, fresh] = actions.emplace(a.id, &a);
    if (!fresh) {
      diags.error(a.at("id"), "duplicate-id",
                  fmt::format("action id '{}' is already used by {}", a.id, it->second->file));
    }
    auto [nit, nfresh] = numbers.emplace(a.number, &a);
    if (!nfresh && a.number != 0) {
      diags.error(
          a.at("number"), "duplicate-number",
          fmt::format("action number {} is already used by {}", a.number, nit->second->file));
    }
  }
  std::unordered_map<std::string_view, const Indicator*> indicators;
  for (const auto& ind : plan.indicators) {
    if (ind.id.empty()) continue;
    auto [it, fresh] = indicators.emplace(ind.id, &ind);
    if (!fresh) {
      diags.error(ind.at("id"), "duplicate-id",
                  fmt::format("indicator id '{}' is already defined in {}", ind.id,
                              plan.actions[it->second->action].file));
    }
  }
  // A task's id is unique among the indicators' ids too: `record` takes either.
  std::unordered_map<std::string_view, const Task*> tasks;
  for (const auto& task : plan.tasks) {
    if (task.id.empty()) continue;
    if (auto it = indicators.find(task.id); it != indicators.end()) {
      diags.error(task.at("id"), "duplicate-id",
                  fmt::format("task id '{}' is already an indicator's id in {}", task.id,
                              plan.actions[it->second->action].file));
      continue;
    }
    auto [it, fresh] = tasks.emplace(task.id, &task);
    if (!fresh) {
      diags.error(task.at("id"), "duplicate-id",
                  fmt::format("task id '{}' is already defined in {}", task.id,
                              plan.actions[it->second->action].file));
    }
  }
}

void check_bureau_names(const Plan& plan, Diagnostics& diags) {
  std::unordered_map<std::string, const Bureau*> owner;
  for (const auto& b : plan.bureaus) {
    std::vector<std::string> names = {b.name};
    if (!b.full_name.empty()) names.push_back(b.full_name);
    names.insert(names.end(), b.aliases.begin(), b.aliases.end());
    std::unordered_set<std::string> own;
    for (const auto& n : names) {
      if (n.empty() || !own.insert(n).second) continue;
      auto [it, fresh] = owner.emplace(n, &b);
      if (!fresh) {
        diags.error(b.loc, "duplicate-name",
                    fmt::format("'{}' names both bureau '{}' and bureau '{}'; a name or alias "
                                "must lead to one bureau",
                                n, it->second->id, b.id));
      }
    }
  }
}

namespace {

// The first control character of `s` (C0, DEL or C1), as an index of its
// code points; line ends count only when `one_line`.
std::optional<size_t> control_at(std::string_view s, bool one_line) {
  // In valid UTF-8 every control character has a byte below 0x20, 0x7F or
  // 0xC2 (C2 80..C2 9F): text with none of them, nearly all, is neither
  // checked for UTF-8 nor decoded.
  if (std::none_of(s.begin(), s.end(), [](char ch) {
        const auto b = static_cast<unsigned char>(ch);
        return b < 0x20 || b == 0x7F || b == 0xC2;
      })) {
    return std::nullopt;
  }
  if (find_invalid_utf8(s)) return std::nullopt;  // not-utf8 says so
  const std::vector<char32_t> cps = decode_utf8(s);
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    if (!one_line && (c == U'\n' || c == U'\r' || c == U'\t')) continue;
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return i;
  }
  return std::nullopt;
}

void control_text(std::string_view what, std::string_view key, std::string_view s, Location at,
                  bool one_line, Diagnostics& diags) {
  auto i = control_at(s, one_line);
  if (!i) return;
  const char32_t c = decode_utf8(s)[*i];
  std::string one;
  append_utf8(one, c);
  std::string message = fmt::format(
      "{} {} '{}' has the control character {} at character {}; it would act on the "
      "terminal of whoever reads a bulletin, write the text {}without it",
      what, key, inert(s), inert(one), *i + 1, one_line ? "on one line and " : "");
  diags.error(at, "control-character", std::move(message));
}

}  // namespace

void check_text(const Plan& plan, Diagnostics& diags) {
  const PlanHeader& h = plan.header;
  control_text("[plan]", "title", h.title, h.loc, true, diags);
  control_text("[plan]", "document", h.document, h.loc, false, diags);
  for (const auto& b : plan.bureaus) {
    const std::string what = fmt::format("bureau '{}'", inert(b.id));
    control_text(what, "id", b.id, b.loc, true, diags);
    control_text(what, "name", b.name, b.loc, true, diags);
    control_text(what, "full_name", b.full_name, b.loc, true, diags);
    for (const auto& a : b.aliases) control_text(what, "alias", a, b.loc, true, diags);
    control_text(what, "kind", b.kind, b.loc, true, diags);
  }
  for (const auto& a : plan.actions) {
    const std::string what = fmt::format("action '{}'", inert(a.id));
    control_text(what, "name", a.name, a.at("name"), true, diags);
    control_text(what, "name_en", a.name_en, a.at("name_en"), true, diags);
    control_text(what, "annex", a.annex, a.at("annex"), false, diags);
  }
  // A value taken from [defaults] is checked once, where it was written.
  auto defaults_text = [&](const Defaults& d) {
    if (d.unit) control_text("[defaults]", "unit", *d.unit, d.at("unit"), true, diags);
    if (d.source) control_text("[defaults]", "source", *d.source, d.at("source"), false, diags);
  };
  defaults_text(plan.defaults);
  for (const auto& a : plan.actions) defaults_text(a.defaults);
  for (const auto& ind : plan.indicators) {
    const std::string what = fmt::format("indicator '{}'", inert(ind.id));
    control_text(what, "name", ind.name, ind.at("name"), true, diags);
    if (!ind.inherited.contains("unit"))
      control_text(what, "unit", ind.unit, ind.at("unit"), true, diags);
    control_text(what, "metric", ind.metric, ind.at("metric"), true, diags);
    if (!ind.inherited.contains("source"))
      control_text(what, "source", ind.source, ind.at("source"), false, diags);
    control_text(what, "note", ind.note, ind.at("note"), false, diags);
  }
  for (const auto& t : plan.tasks) {
    const std::string what = fmt::format("task '{}'", inert(t.id));
    control_text(what, "name", t.name, t.at("name"), true, diags);
    control_text(what, "text", t.text, t.at("text"), false, diags);
    if (!t.inherited.contains("source"))
      control_text(what, "source", t.source, t.at("source"), false, diags);
    control_text(what, "note", t.note, t.at("note"), false, diags);
  }
}

void check_references(const Plan& plan, Diagnostics& diags) {
  auto index = indicator_index(plan);
  for (size_t ai = 0; ai < plan.actions.size(); ++ai) {
    const Action& a = plan.actions[ai];
    for (const auto& id : a.lead)
      check_bureau_ref(plan, id, a.at("lead"), "the action's lead", diags);
    check_bureau_ref(plan, a.office, a.at("office"), "the action's office", diags);
    std::unordered_set<std::string_view> seen;
    for (const auto& id : a.also) {
      auto it = index.find(id);
      if (it == index.end()) {
        if (plan.unread.indicators) continue;
        diags.error(a.at("also"), "unknown-indicator",
                    with_suggestion(fmt::format("'also' names unknown indicator '{}'", id), id,
                                    plan.indicator_ids()));
      } else if (plan.indicators[it->second].action == ai) {
        diags.error(
            a.at("also"), "also-own",
            fmt::format("'also' lists '{}', which this action defines itself; remove it", id));
      } else if (!seen.insert(id).second) {
        diags.error(a.at("also"), "also-own", fmt::format("'also' lists '{}' twice", id));
      }
    }
  }
  // The bureaus of [defaults] are checked once, where they were written,
  // not again in every entry that takes them.
  auto defaults_refs = [&](const Defaults& d) {
    for (const auto& id : d.lead.value_or(std::vector<std::string>{}))
      check_bureau_ref(plan, id, d.at("lead"), "the default lead", diags);
    for (const auto& id : d.co.value_or(std::vector<std::string>{}))
      check_bureau_ref(plan, id, d.at("co"), "the default co", diags);
  };
  defaults_refs(plan.defaults);
  for (const auto& a : plan.actions) defaults_refs(a.defaults);
  auto own = [](const auto& entry, std::string_view key) { return !entry.inherited.contains(key); };
  for (const auto& ind : plan.indicators) {
    for (const auto& id : own(ind, "lead") ? ind.lead : std::vector<std::string>{})
      check_bureau_ref(plan, id, ind.at("lead"), "lead", diags);
    for (const auto& id : own(ind, "co") ? ind.co : std::vector<std::string>{})
      check_bureau_ref(plan, id, ind.at("co"), "co", diags);
  }
  for (const auto& task : plan.tasks) {
    for (const auto& id : own(task, "lead") ? task.lead : std::vector<std::string>{})
      check_bureau_ref(plan, id, task.at("lead"), "the task's lead", diags);
    for (const auto& id : own(task, "co") ? task.co : std::vector<std::string>{})
      check_bureau_ref(plan, id, task.at("co"), "the task's co", diags);
  }
}

namespace {

// `stretch` (力争) stands beside a single target, beyond it in the
// indicator's direction: above a floor, below a ceiling.
void check_stretch(const Indicator& ind, Diagnostics& diags) {
  if (!ind.form.stretch) return;
  const Decimal& st = *ind.form.stretch;
  if (ind.form.about || ind.form.low || ind.form.change) {
    diags.error(ind.at("stretch"), "bad-target",
                fmt::format("'{}' has a stretch beside a {}; 力争 goes with a single target "
                            "(target = 8, stretch = 8.5)",
                            ind.id,
                            ind.form.about ? "target about a figure"
                            : ind.form.low ? "range"
                                           : "change"));
  } else if (ind.direction == Direction::kUp ? !(st.to_double() > ind.target->to_double())
                                             : !(st.to_double() < ind.target->to_double())) {
    diags.error(ind.at("stretch"), "bad-target",
                fmt::format("the stretch {} of '{}' must be {} its target {}: 力争 asks for more "
                            "than the target",
                            st.str(), ind.id, ind.direction == Direction::kUp ? "above" : "below",
                            ind.target->str()));
  }
}

}  // namespace

void check_indicator_kinds(const Plan& plan, Diagnostics& diags) {
  for (const auto& ind : plan.indicators) {
    if (!ind.kind_known) continue;  // reported once, as bad-enum or missing-key
    const bool milestone = ind.kind == Kind::kMilestone;
    if (milestone && ind.form.stretch) {
      diags.error(ind.at("stretch"), "misplaced-key",
                  fmt::format("milestone '{}' takes no stretch; 力争 goes with a target", ind.id));
    }
    if (milestone && ind.target) {
      diags.error(ind.at("target"), "misplaced-key",
                  fmt::format("milestone '{}' takes no target; give 'due' (and 'stages'), or "
                              "make it a cumulative or level indicator",
                              ind.id));
    }
    if (!milestone && (ind.due || !ind.stages.empty())) {
      diags.error(ind.at(ind.due ? "due" : "stages"), "misplaced-key",
                  fmt::format("'{}' is {}; 'due' and 'stages' belong to milestones", ind.id,
                              kind_name(ind.kind)));
    }
    if (ind.kind != Kind::kCumulative && ind.key_locs.contains("basis")) {
      diags.error(ind.at("basis"), "misplaced-key",
                  fmt::format("'basis' applies to cumulative indicators only; '{}' is {}", ind.id,
                              kind_name(ind.kind)));
    }
    if (!ind.target) continue;
    const double t = ind.target->to_double();
    // Counts and levels cannot be negative; a growth target's sign must agree
    // with its direction (a fall is "down" with a negative rate).
    if ((ind.kind == Kind::kCumulative || ind.kind == Kind::kLevel) && t < 0) {
      diags.error(ind.at("target"), "target-sign",
                  fmt::format("target {} of {} indicator '{}' cannot be negative; a reduction "
                              "is a growth indicator with direction = \"down\"",
                              ind.target->str(), kind_name(ind.kind), ind.id));
    } else if (ind.kind == Kind::kGrowth && ind.direction == Direction::kDown && t > 0 &&
               !ind.form.about && !ind.form.low) {
      // A band or a range going down is a ceiling on the rate (CPI 3%左右),
      // not a fall: only a single figure can be a fall written without its sign.
      diags.error(ind.at("target"), "target-sign",
                  fmt::format("a fall of {}% is written target = -{} with direction = \"down\"",
                              ind.target->str(), ind.target->str()));
    } else if (ind.kind != Kind::kGrowth && ind.direction == Direction::kUp && t == 0) {
      diags.error(ind.at("target"), "target-sign",
                  fmt::format("target 0 with direction \"up\" is met by doing nothing; a limit "
                              "of zero is direction = \"down\""));
    }
    check_stretch(ind, diags);
  }
}

namespace {

// A due date and dated stages, of a milestone or a task: inside the plan, the
// stages in date order and never going back.
void check_due_and_stages(const Plan& plan, const std::optional<Date>& due, Location due_at,
                          const std::vector<StagePoint>& stages, Diagnostics& diags) {
  // A due after the plan's end is a 续建 item, judged on its stages within
  // the plan; more than kMaxContinuedYears years after it is taken for a typo.
  constexpr int kMaxContinuedYears = 5;
  const Date end = plan.header.end;
  if (due && !plan.unread.dates && end < *due && due->year - end.year > kMaxContinuedYears) {
    diags.error(
        due_at, "date-outside-plan",
        fmt::format("due date {} is {} years after the plan ends ({}); an item continued "
                    "after the plan (续建) is due at most {} years after it: is the year "
                    "a typo?",
                    format_date(*due), due->year - end.year, format_date(end), kMaxContinuedYears));
  } else if (due && !in_plan(plan, *due) && !(end < *due)) {
    diags.error(
        due_at, "date-outside-plan",
        fmt::format("due date {} is outside the plan ({})", format_date(*due), plan_span(plan)));
  }
  for (size_t i = 0; i < stages.size(); ++i) {
    const auto& s = stages[i];
    if (!in_plan(plan, s.date)) {
      diags.error(s.loc, "date-outside-plan",
                  fmt::format("stage date {} is outside the plan ({})", format_date(s.date),
                              plan_span(plan)));
    }
    if (i > 0 && (s.date <= stages[i - 1].date || s.stage < stages[i - 1].stage)) {
      diags.error(s.loc, "bad-stages",
                  "stages must be in date order and never go back (not-started, in-progress, "
                  "done)");
    }
  }
}

}  // namespace

void check_dates(const Plan& plan, Diagnostics& diags) {
  for (const auto& ind : plan.indicators) {
    check_due_and_stages(plan, ind.due, ind.at("due"), ind.stages, diags);
    if (ind.baseline && !plan.unread.dates && ind.baseline->year >= plan.header.start.year) {
      diags.error(ind.at("baseline"), "bad-baseline",
                  fmt::format("baseline year {} must be before the plan starts ({})",
                              ind.baseline->year, plan.header.start.year));
    }
  }
  for (const auto& task : plan.tasks)
    check_due_and_stages(plan, task.due, task.at("due"), task.stages, diags);
}

namespace {

// One path's own rules: shares are 4 or 12, between 0 and 1, non-decreasing,
// ending at 1; a step falls inside the plan.
void check_path(const Schedule& s, const Plan& plan, Location at, Diagnostics& diags) {
  if (s.type == Schedule::Type::kStep) {
    const PlanHeader& h = plan.header;
    if (!plan.unread.dates && (s.step < h.start || h.end < s.step)) {
      diags.error(at, "bad-schedule",
                  fmt::format("step date {} is outside the plan ({} to {})", format_date(s.step),
                              format_date(h.start), format_date(h.end)));
    }
    return;
  }
  if (s.type != Schedule::Type::kShares) return;
  const auto& v = s.shares;
  if (v.size() != 4 && v.size() != 12) {
    diags.error(at, "bad-schedule",
                fmt::format("schedule has {} shares; give 4 (one per quarter) or 12 (one per "
                            "month)",
                            v.size()));
    return;
  }
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] < 0 || v[i] > 1) {
      diags.error(at, "bad-schedule",
                  fmt::format("schedule share {} is not between 0 and 1", v[i]));
      break;
    }
    if (i > 0 && v[i] < v[i - 1]) {
      diags.error(
          at, "bad-schedule",
          fmt::format("schedule decreases from {} to {}; shares are cumulative", v[i - 1], v[i]));
      break;
    }
  }
  if (std::fabs(v.back() - 1.0) > 1e-9) {
    diags.error(at, "bad-schedule",
                fmt::format("schedule ends at {}; the last share must be 1.0", v.back()));
  }
}

}  // namespace

void check_schedules(const Plan& plan, Diagnostics& diags) {
  std::set<std::string_view> used;
  bool unresolved = false;  // a misspelt name was reported; any profile may be the one meant
  for (const auto& p : plan.profiles)
    check_path(p.path, plan, p.at(p.path.type == Schedule::Type::kStep ? "step" : "shares"), diags);
  // A default path written inline is checked once, where it was written.
  auto defaults_path = [&](const Defaults& d) {
    if (d.schedule && d.schedule->profile.empty())
      check_path(*d.schedule, plan, d.at("schedule"), diags);
  };
  defaults_path(plan.defaults);
  for (const auto& a : plan.actions) defaults_path(a.defaults);
  for (const auto& ind : plan.indicators) {
    if (!ind.schedule.profile.empty()) {
      used.insert(ind.schedule.profile);
      unresolved = unresolved || plan.find_profile(ind.schedule.profile) == nullptr;
      continue;  // checked once, where the profile is defined
    }
    if (!ind.inherited.contains("schedule"))
      check_path(ind.schedule, plan, ind.at("schedule"), diags);
  }
  for (const auto& p : plan.profiles) {
    if (!unresolved && !used.count(p.name)) {
      diags.warning(p.loc, "unused-profile",
                    fmt::format("profile '{}' is not the schedule of any indicator", p.name));
    }
  }
}

void check_metrics(const Plan& plan, Diagnostics& diags) {
  std::unordered_map<std::string_view, const Indicator*> first;
  for (const auto& ind : plan.indicators) {
    if (ind.metric.empty()) continue;
    auto [it, fresh] = first.emplace(ind.metric, &ind);
    if (fresh) continue;
    const Indicator& o = *it->second;
    if (o.unit != ind.unit) {
      diags.warning(ind.at("metric"), "metric-mismatch",
                    fmt::format("metric '{}': unit {} here but {} in '{}'", ind.metric, ind.unit,
                                o.unit, o.id));
    } else if (o.target.has_value() != ind.target.has_value() ||
               (o.target && !(*o.target == *ind.target))) {
      diags.warning(ind.at("metric"), "metric-mismatch",
                    fmt::format("metric '{}': target {} here but {} in '{}'", ind.metric,
                                ind.target ? ind.target->str() : "none",
                                o.target ? o.target->str() : "none", o.id));
    }
  }
}

namespace {

// The rules every record meets, of an indicator or of a task: its bureau
// and file, its period and when it was recorded. `tomorrow` is the first
// second after today in the plan's zone.
void check_record_common(const Plan& plan, const Actual& a,
                         const std::unordered_set<std::string_view>& bureaus,
                         const CheckOptions& options, int64_t tomorrow, Diagnostics& diags) {
  if (!bureaus.count(a.by)) {
    check_bureau_ref(plan, a.by, a.by_loc(), "by", diags);
  } else if (options.files) {
    // `record` appends to actuals/<by>.toml; a record in another bureau's
    // file is most likely a copy-paste slip.
    if (!in_own_file(options.files->path(a.loc.file), a.by)) {
      diags.warning(
          a.by_loc(), "by-file-mismatch",
          fmt::format("a record by '{}' belongs in {}.toml, not in this file", a.by, a.by));
    }
  }
  if (!in_plan(plan, a.period.start()) || !in_plan(plan, a.period.end())) {
    diags.error(a.period_loc(), "period-outside-plan",
                fmt::format("period {} is outside the plan ({})", a.period.str(), plan_span(plan)));
  }
  if (a.recorded.epoch_seconds >= tomorrow) {
    diags.error(a.recorded_loc(), "recorded-future",
                fmt::format("recorded {} is in the future", a.recorded.text()));
  }
}

// The value of a record of indicator `ind`: a stage or percent for a
// milestone, else a number, not negative unless a growth rate.
void check_record_value(const Actual& a, const Indicator& ind, Diagnostics& diags) {
  if (!ind.kind_known) return;  // the indicator's kind is the defect, not the record
  if (ind.kind == Kind::kMilestone && (!a.value.stage || a.value.stage == Stage::kStalled)) {
    diags.error(a.value_loc(), "bad-value",
                fmt::format("'{}' is a milestone; value must be \"not-started\", "
                            "\"in-progress\", \"done\" or a percent such as \"60%\"",
                            ind.id));
  } else if (ind.kind != Kind::kMilestone && !a.value.number) {
    diags.error(a.value_loc(), "bad-value",
                fmt::format("'{}' is {}; value must be a number in {}", ind.id, kind_name(ind.kind),
                            ind.unit.empty() ? "its unit" : ind.unit));
  } else if (a.value.number && ind.form.rank &&
             (!a.value.number->is_integer() || a.value.number->to_double() < 1)) {
    diags.error(a.value_loc(), "bad-value",
                fmt::format("'{}' is a rank; value must be a place, a whole number from 1, not {}",
                            ind.id, a.value.number->str()));
  } else if (a.value.number && ind.kind != Kind::kGrowth && a.value.number->is_negative()) {
    diags.error(a.value_loc(), "bad-value",
                fmt::format("'{}' is {}; a negative value {} cannot be right", ind.id,
                            kind_name(ind.kind), a.value.number->str()));
  }
}

// A progress report of task `task`: its state is in-progress, done or
// stalled, and its note says what was done (进展情况).
void check_task_record(const Actual& a, const Task& task, Diagnostics& diags) {
  const bool state =
      a.value.stage && !a.value.percent && !a.value.number && a.value.stage != Stage::kNotStarted;
  if (!state) {
    diags.error(a.value_loc(), "bad-value",
                fmt::format("'{}' is a task; value must be \"in-progress\", \"done\" or "
                            "\"stalled\", not {}",
                            task.id, format_actual_value(a.value)));
  }
  if (a.note.empty()) {
    diags.error(a.loc, "missing-note",
                fmt::format("the progress report of task '{}' {} needs note = \"…\" saying what "
                            "was done (进展情况)",
                            task.id, a.period.str()));
  }
}

// Of the records in `order` (sorted: by indicator, period, recorded time,
// then file order), a second one for an indicator and period needs a reason,
// and a later time than the one before it unless both are in one file.
void check_second_records(const Plan& plan, const std::vector<RecordKey>& order,
                          Diagnostics& diags) {
  for (size_t k = 1; k < order.size(); ++k) {
    if (order[k - 1].indicator != order[k].indicator || order[k - 1].period != order[k].period)
      continue;
    const Actual& prev = plan.actuals[order[k - 1].index];
    const Actual& cur = plan.actuals[order[k].index];
    // Within one file, a later position is a later record even in the same
    // second; two files have no order between them.
    if (prev.recorded.same_moment(cur.recorded) && prev.loc.file != cur.loc.file) {
      diags.error(cur.recorded_loc(), "duplicate-actual",
                  fmt::format("'{}' {} is recorded at the same time ({}) in two files; which one "
                              "is in force is ambiguous",
                              cur.indicator, cur.period.str(), cur.recorded.text()));
    } else if (cur.reason.empty()) {
      diags.error(cur.loc, "duplicate-actual",
                  fmt::format("a second record for '{}' {} needs reason = \"…\" saying why it "
                              "replaces the one recorded {}",
                              cur.indicator, cur.period.str(), prev.recorded.text()));
    }
  }
}

}  // namespace

namespace {

// check_actuals in steps: set up once, then the per-record rules over any
// share of the records, then the second records among them all, so that
// check_plan can run the steps side by side with the ytd series'.
class RecordRules {
 public:
  RecordRules(const Plan& plan, const CheckOptions& options)
      : plan_(plan),
        options_(options),
        keys_(indicator_keys(plan, true)),
        periods_(period_ranks(plan, false)),
        // The first second of tomorrow in the plan's zone.
        tomorrow_(end_of_day(options.today, plan.header.utc_offset_minutes)) {
    for (const auto& b : plan.bureaus) bureaus_.insert(b.id);
  }

  // The rules of each record of plan.actuals[from, to); the records to
  // compare, to find second records for a period, appended to `order`.
  void check(size_t from, size_t to, Diagnostics& diags, std::vector<RecordKey>& order) const {
    std::vector<std::string> indicator_ids;
    for (size_t i = from; i < to; ++i) {
      const Actual& a = plan_.actuals[i];
      auto it = keys_.find(a.indicator);
      if (it == keys_.end()) {
        if (plan_.unread.indicators) continue;
        if (indicator_ids.empty()) {
          indicator_ids = plan_.indicator_ids();
          for (const auto& t : plan_.tasks) indicator_ids.push_back(t.id);
        }
        diags.error(a.loc, "unknown-indicator",
                    with_suggestion(fmt::format("unknown indicator '{}'", a.indicator), a.indicator,
                                    indicator_ids));
        continue;
      }
      check_record_common(plan_, a, bureaus_, options_, tomorrow_, diags);
      const size_t index = it->second.index;
      if (index < plan_.indicators.size()) {
        check_record_value(a, plan_.indicators[index], diags);
      } else {
        check_task_record(a, plan_.tasks[index - plan_.indicators.size()], diags);
      }
      order.push_back(RecordKey{it->second.rank, periods_[i], static_cast<uint32_t>(i)});
    }
  }

  // Groups `order` (every record's) by indicator or task and period,
  // ordered by recorded time then file order, and checks the second ones.
  void check_seconds(std::vector<RecordKey>& order, Diagnostics& diags) const {
    sort_records(plan_, order, plan_.indicators.size() + plan_.tasks.size());
    check_second_records(plan_, order, diags);
  }

 private:
  const Plan& plan_;
  const CheckOptions& options_;
  const std::unordered_map<std::string_view, IndicatorKey> keys_;
  const std::vector<uint32_t> periods_;
  std::unordered_set<std::string_view> bureaus_;
  const int64_t tomorrow_;
};

// check_ytd_series in two steps: set up, then check.
class YtdSeries {
 public:
  explicit YtdSeries(const Plan& plan)
      : plan_(plan), keys_(indicator_keys(plan)), periods_(period_ranks(plan, true)) {}

  void check(Diagnostics& diags) const {
    const Plan& plan = plan_;
    // The running totals, by indicator and period; within one period the
    // record in force (latest recorded, then latest in order) comes last.
    std::vector<RecordKey> order;
    for (size_t i = 0; i < plan.actuals.size(); ++i) {
      const Actual& a = plan.actuals[i];
      auto it = keys_.find(a.indicator);
      if (it == keys_.end() || !a.value.number) continue;
      const Indicator& ind = plan.indicators[it->second.index];
      if (ind.kind != Kind::kCumulative || ind.basis != Basis::kYtd) continue;
      order.push_back(RecordKey{it->second.rank, periods_[i], static_cast<uint32_t>(i)});
    }
    sort_records(plan, order, plan.indicators.size());
    std::vector<const Actual*> series;
    for (size_t k = 0; k < order.size(); ++k) {
      const bool last_of_period = k + 1 == order.size() ||
                                  order[k + 1].indicator != order[k].indicator ||
                                  order[k + 1].period != order[k].period;
      if (last_of_period) series.push_back(&plan.actuals[order[k].index]);
    }
    for (size_t k = 1; k < series.size(); ++k) {
      const Actual& prev = *series[k - 1];
      const Actual& cur = *series[k];
      if (prev.indicator != cur.indicator || prev.period.year != cur.period.year) continue;
      if (cur.value.number->to_double() < prev.value.number->to_double()) {
        diags.warning(
            cur.value_loc(), "ytd-decrease",
            fmt::format("running total of '{}' falls from {} ({}) to {} ({}); a ytd value "
                        "is the total since the plan start",
                        cur.indicator, prev.value.number->str(), prev.period.str(),
                        cur.value.number->str(), cur.period.str()));
      }
    }
  }

 private:
  const Plan& plan_;
  const std::unordered_map<std::string_view, IndicatorKey> keys_;
  const std::vector<uint32_t> periods_;
};

}  // namespace

void check_actuals(const Plan& plan, const CheckOptions& options, Diagnostics& diags) {
  const RecordRules rules(plan, options);
  std::vector<RecordKey> order;
  order.reserve(plan.actuals.size());
  rules.check(0, plan.actuals.size(), diags, order);
  rules.check_seconds(order, diags);
}

void check_ytd_series(const Plan& plan, Diagnostics& diags) {
  YtdSeries(plan).check(diags);
}

void check_problems(const Plan& plan, const CheckOptions& options, Diagnostics& diags) {
  const int64_t tomorrow = end_of_day(options.today, plan.header.utc_offset_minutes);
  const int offset = plan.header.utc_offset_minutes;
  for (const Problem& p : plan.problems) {
    check_bureau_ref(plan, p.bureau, p.at("bureau"), "the problem's bureau", diags);
    if (!p.indicator.empty() && !plan.unread.indicators && !plan.find_indicator(p.indicator)) {
      diags.error(p.at("indicator"), "unknown-indicator",
                  with_suggestion(fmt::format("unknown indicator '{}'", p.indicator), p.indicator,
                                  plan.indicator_ids()));
    }
    if (!p.task.empty() && !plan.unread.indicators && !plan.find_task(p.task)) {
      diags.error(
          p.at("task"), "unknown-task",
          with_suggestion(fmt::format("unknown task '{}'", p.task), p.task, plan.task_ids()));
    }
    if (p.opened.epoch_seconds >= tomorrow) {
      diags.error(p.at("opened"), "recorded-future",
                  fmt::format("problem {} is opened {}, in the future", p.id, p.opened.text()));
    }
    const Date opened_on = local_date(p.opened.epoch_seconds, offset);
    if (p.due < opened_on) {
      diags.error(p.at("due"), "problem-due",
                  fmt::format("problem {} is due {}, before it was opened ({})", p.id,
                              format_date(p.due), format_date(opened_on)));
    }
    bool closed = false;
    for (const ProblemEvent& e : p.events) {
      const bool close = e.kind == ProblemEvent::Kind::kClose;
      if (e.at.epoch_seconds >= tomorrow) {
        diags.error(e.at_loc, "recorded-future",
                    fmt::format("{} of problem {} at {} is in the future",
                                close ? "the close" : "the reopen", p.id, e.at.text()));
      }
      if (e.at.epoch_seconds < p.opened.epoch_seconds) {
        diags.error(e.at_loc, "problem-state",
                    fmt::format("problem {} is {} at {}, before it was opened ({})", p.id,
                                close ? "closed" : "reopened", e.at.text(), p.opened.text()));
      } else if (close && closed) {
        diags.error(e.loc, "problem-state",
                    fmt::format("problem {} is closed again at {}; it was already closed "
                                "(reopen it first)",
                                p.id, e.at.text()));
      } else if (!close && !closed) {
        diags.error(e.loc, "problem-state",
                    fmt::format("problem {} is reopened at {}, but it is open", p.id, e.at.text()));
      }
      closed = close;
    }
  }
}

void check_plan(const Plan& plan, const CheckOptions& options, Diagnostics& diags) {
  check_unique_ids(plan, diags);
  check_bureau_names(plan, diags);
  check_text(plan, diags);
  check_references(plan, diags);
  check_indicator_kinds(plan, diags);
  check_dates(plan, diags);
  check_schedules(plan, diags);
  check_metrics(plan, diags);
  check_problems(plan, options, diags);
  // The two rules over the actuals cost most on large files; they only
  // read the plan, so with enough records they run side by side, in three
  // steps of about equal halves: their set-ups; the per-record rules, half
  // the records each; the second records, and the ytd series. (The record
  // rules on one thread and the ytd series on the other left one idle for
  // a third of the time.) The findings come in the order of one thread's.
  const size_t n = plan.actuals.size();
  if (shares_for(n, kParallelRecords) < 2) {
    check_actuals(plan, options, diags);
    check_ytd_series(plan, diags);
    return;
  }
  std::optional<RecordRules> rules;
  std::optional<YtdSeries> series;
  parallel_for(2, [&](size_t i) {
    if (i == 0)
      rules.emplace(plan, options);
    else
      series.emplace(plan);
  });
  Diagnostics later, ytd;
  std::vector<RecordKey> order, later_order;
  order.reserve(n);
  parallel_for(2, [&](size_t i) {
    if (i == 0)
      rules->check(0, n / 2, diags, order);
    else
      rules->check(n / 2, n, later, later_order);
  });
  diags.append(std::move(later));
  order.insert(order.end(), later_order.begin(), later_order.end());
  std::vector<RecordKey>().swap(later_order);
  parallel_for(2, [&](size_t i) {
    if (i == 0)
      rules->check_seconds(order, diags);
    else
      series->check(ytd);
  });
  diags.append(std::move(ytd));
}

}  // namespace tally
