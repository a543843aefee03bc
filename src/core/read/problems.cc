#include "core/read/problems.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/base/text.h"
#include "core/read/fast_toml.h"
#include "core/read/toml_fields.h"

namespace tally {

namespace {

// A date-time key with an offset (the plan's when none is written); nullopt
// after reporting it.
std::optional<Timestamp> moment(Fields& f, std::string_view key, int default_offset,
                                Diagnostics& diags) {
  const toml::node* n = f.get(key, true);
  if (!n) return std::nullopt;
  auto dt = n->as_date_time();
  if (!dt) {
    f.wrong_type(key, *n, "a date-time such as 2024-07-15T10:02:00+08:00");
    return std::nullopt;
  }
  const toml::date_time& v = dt->get();
  if (!is_valid_date(v.date.year, v.date.month, v.date.day)) {
    diags.error(f.at(key), "bad-date", fmt::format("'{}' is not a real date", key));
    return std::nullopt;
  }
  return make_timestamp(Date{v.date.year, v.date.month, v.date.day}, v.time.hour, v.time.minute,
                        v.time.second, v.offset ? v.offset->minutes : default_offset);
}

void read_event(const toml::table& t, ProblemEvent::Kind kind, uint32_t file, const Plan& plan,
                Problem& p, Diagnostics& diags) {
  const bool close = kind == ProblemEvent::Kind::kClose;
  Fields f(t, file, diags, close ? "[[close]]" : "[[reopen]]");
  ProblemEvent e;
  e.kind = kind;
  e.loc = f.where();
  e.at_loc = f.at("at");
  auto at = moment(f, "at", plan.header.utc_offset_minutes, diags);
  auto by = f.string("by", true);
  auto text = f.string(close ? "evidence" : "reason", true);
  if (close) {
    f.finish({"at", "by", "evidence"});
  } else {
    f.finish({"at", "by", "reason"});
  }
  if (!at || !by || !text) return;
  e.at = *at;
  e.by = *by;
  e.text = *text;
  p.events.push_back(std::move(e));
}

}  // namespace

std::string problem_id(int year, int seq) {
  return fmt::format("Q{:04d}-{:04d}", year, seq);
}

bool parse_problem_id(std::string_view id, int* year, int* seq) {
  if (id.size() < 10 || id[0] != 'Q' || id[5] != '-') return false;
  auto digits = [](std::string_view s, int* out) {
    if (s.empty() || s.size() > 8) return false;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
  };
  return digits(id.substr(1, 4), year) && id.size() - 6 >= 4 && digits(id.substr(6), seq);
}

void load_problem_text(std::string_view text, uint32_t file, std::string_view name,
                       const Plan& plan, std::vector<Problem>& out, Diagnostics& diags) {
  if (!check_utf8(text, file, diags)) return;
  toml::table root;
  try {
    root = parse_toml(strip_bom(text));
  } catch (const toml::parse_error& e) {
    syntax_error(file, strip_bom(text), e, diags);
    return;
  }
  Fields top(root, file, diags, "a problem file");
  const toml::node* head = top.get("problem", true);
  const toml::node* closes = top.get("close", false);
  const toml::node* reopens = top.get("reopen", false);
  top.finish({"problem", "close", "reopen"});
  if (!head) return;
  const toml::table* t = head->as_table();
  if (!t) {
    top.wrong_type("problem", *head, "a [problem] table");
    return;
  }
  Problem p;
  Fields f(*t, file, diags, "[problem]");
  p.loc = f.where();
  auto id = f.string("id", true);
  auto bureau = f.string("bureau", true);
  auto opened = moment(f, "opened", plan.header.utc_offset_minutes, diags);
  auto due = f.date("due", true);
  auto what = f.string("text", true);
  auto indicator = f.string("indicator", false);
  auto task = f.string("task", false);
  auto source = f.string("source", false);
  auto by = f.string("by", true);
  f.finish({"id", "bureau", "opened", "due", "text", "indicator", "task", "source", "by"});
  f.key_locations(p.key_locs);
  if (!id || !bureau || !opened || !due || !what || !by) return;
  const std::string expected_name = *id + ".toml";
  if (!parse_problem_id(*id, &p.year, &p.seq)) {
    diags.error(f.at("id"), "problem-id",
                fmt::format("problem id '{}' is not Q<year>-<number>, e.g. Q2024-0007", *id));
    return;
  }
  if (name != expected_name) {
    diags.error(
        f.at("id"), "problem-id",
        fmt::format("problem '{}' is in {}; its file must be {}", *id, name, expected_name));
    return;
  }
  p.id = *id;
  p.bureau = *bureau;
  p.opened = *opened;
  p.due = *due;
  p.text = *what;
  p.indicator = indicator.value_or("");
  p.task = task.value_or("");
  p.source = source.value_or("");
  p.by = *by;
  // Closes and reopens in the order they were written, across both arrays.
  std::vector<std::pair<const toml::table*, ProblemEvent::Kind>> events;
  for (auto [node, kind] : {std::pair{closes, ProblemEvent::Kind::kClose},
                            std::pair{reopens, ProblemEvent::Kind::kReopen}}) {
    if (!node) continue;
    const toml::array* arr = node->as_array();
    if (!arr) {
      top.wrong_type(kind == ProblemEvent::Kind::kClose ? "close" : "reopen", *node,
                     "an array of tables ([[close]], [[reopen]])");
      continue;
    }
    for (const auto& item : *arr) {
      if (auto et = item.as_table()) {
        events.emplace_back(et, kind);
      } else {
        diags.error(loc_of(file, item.source()), "wrong-type",
                    "each close or reopen must be a [[close]] or [[reopen]] table");
      }
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
    return a.first->source().begin.line < b.first->source().begin.line;
  });
  for (const auto& [et, kind] : events) read_event(*et, kind, file, plan, p, diags);
  out.push_back(std::move(p));
}

std::string format_problem(const Problem& p) {
  std::string out = fmt::format(
      "# 问题 {}. `tally problem` writes this file and appends its closes and reopens;\n"
      "# what is already written is never rewritten.\n\n[problem]\n",
      p.id);
  auto line = [&](std::string_view key, const std::string& value) {
    out += fmt::format("{} = \"{}\"\n", key, toml_escape(value));
  };
  line("id", p.id);
  line("bureau", p.bureau);
  out += fmt::format("opened = {}\n", p.opened.text());
  out += fmt::format("due = {}\n", format_date(p.due));
  line("text", p.text);
  if (!p.indicator.empty()) line("indicator", p.indicator);
  if (!p.task.empty()) line("task", p.task);
  if (!p.source.empty()) line("source", p.source);
  line("by", p.by);
  return out;
}

std::string format_problem_event(const ProblemEvent& e) {
  const bool close = e.kind == ProblemEvent::Kind::kClose;
  return fmt::format("\n[[{}]]\nat = {}\nby = \"{}\"\n{} = \"{}\"\n", close ? "close" : "reopen",
                     e.at.text(), toml_escape(e.by), close ? "evidence" : "reason",
                     toml_escape(e.text));
}

}  // namespace tally
