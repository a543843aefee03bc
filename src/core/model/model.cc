#include "core/model/model.h"

#include <fmt/format.h>

namespace tally {

namespace {

template <typename E, size_t N>
std::optional<E> parse_enum(std::string_view s, const std::pair<E, std::string_view> (&table)[N]) {
  for (const auto& [e, name] : table)
    if (name == s) return e;
  return std::nullopt;
}

template <typename E, size_t N>
std::string_view enum_name(E e, const std::pair<E, std::string_view> (&table)[N]) {
  for (const auto& [v, name] : table)
    if (v == e) return name;
  return {};
}

constexpr std::pair<Kind, std::string_view> kKinds[] = {{Kind::kCumulative, "cumulative"},
                                                        {Kind::kLevel, "level"},
                                                        {Kind::kGrowth, "growth"},
                                                        {Kind::kMilestone, "milestone"}};
constexpr std::pair<Direction, std::string_view> kDirections[] = {{Direction::kUp, "up"},
                                                                  {Direction::kDown, "down"}};
constexpr std::pair<Basis, std::string_view> kBases[] = {{Basis::kYtd, "ytd"},
                                                         {Basis::kPeriod, "period"}};
constexpr std::pair<Stage, std::string_view> kStages[] = {{Stage::kNotStarted, "not-started"},
                                                          {Stage::kInProgress, "in-progress"},
                                                          {Stage::kDone, "done"}};
constexpr std::pair<Stage, std::string_view> kTaskStates[] = {
    {Stage::kInProgress, "in-progress"}, {Stage::kDone, "done"}, {Stage::kStalled, "stalled"}};

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  for (const auto& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(item.id);
  return out;
}

template <typename E, size_t N>
std::vector<std::string> enum_names(const std::pair<E, std::string_view> (&table)[N]) {
  std::vector<std::string> out;
  for (const auto& [e, name] : table) out.emplace_back(name);
  return out;
}

Location find_key(const KeyLocations& locs, std::string_view key, Location fallback) {
  const Location* at = locs.find(key);
  return at ? *at : fallback;
}

}  // namespace

void KeyLocations::set(std::string_view key, Location at) {
  for (auto& [k, l] : keys_) {
    if (k == key) {
      l = at;
      return;
    }
  }
  keys_.emplace_back(std::string(key), at);
}

const Location* KeyLocations::find(std::string_view key) const {
  for (const auto& [k, l] : keys_)
    if (k == key) return &l;
  return nullptr;
}

std::string_view kind_name(Kind k) {
  return enum_name(k, kKinds);
}
std::optional<Kind> parse_kind(std::string_view s) {
  return parse_enum(s, kKinds);
}
std::string_view direction_name(Direction d) {
  return enum_name(d, kDirections);
}
std::optional<Direction> parse_direction(std::string_view s) {
  return parse_enum(s, kDirections);
}
std::string_view basis_name(Basis b) {
  return enum_name(b, kBases);
}
std::optional<Basis> parse_basis(std::string_view s) {
  return parse_enum(s, kBases);
}
std::string_view stage_name(Stage s) {
  return s == Stage::kStalled ? "stalled" : enum_name(s, kStages);
}
std::optional<Stage> parse_stage(std::string_view s) {
  return parse_enum(s, kStages);
}
std::optional<Stage> parse_task_state(std::string_view s) {
  return parse_enum(s, kTaskStates);
}

std::vector<std::string> kind_names() {
  return enum_names(kKinds);
}
std::vector<std::string> direction_names() {
  return enum_names(kDirections);
}
std::vector<std::string> basis_names() {
  return enum_names(kBases);
}
std::vector<std::string> stage_names() {
  return enum_names(kStages);
}
std::vector<std::string> task_state_names() {
  return enum_names(kTaskStates);
}

KeyAt Actual::key_at(Location where) const {
  constexpr uint32_t kMost = 0xFFFF;
  if (where.file != loc.file || where.line < loc.line || where.line - loc.line > kMost ||
      where.col == 0 || where.col > kMost) {
    return {};
  }
  return KeyAt{static_cast<uint16_t>(where.line - loc.line), static_cast<uint16_t>(where.col)};
}

std::string value_text(const ActualValue& v) {
  if (v.number) return v.number->str();
  if (v.percent) {
    auto d = decimal_from_double(*v.percent);
    return (d ? d->str() : "0") + "%";
  }
  return std::string(stage_name(v.stage.value_or(Stage::kNotStarted)));
}

std::string value_with_unit(const ActualValue& v, std::string_view unit) {
  return v.number ? value_text(v) + std::string(unit) : value_text(v);
}

std::optional<ActualValue> parse_percent(std::string_view text) {
  if (text.size() < 2 || text.back() != '%') return std::nullopt;
  auto d = parse_decimal(text.substr(0, text.size() - 1));
  if (!d || d->is_negative() || d->to_double() > 100) return std::nullopt;
  ActualValue v;
  v.percent = d->to_double();
  v.stage = d->to_double() >= 100 ? Stage::kDone
            : d->is_zero()        ? Stage::kNotStarted
                                  : Stage::kInProgress;
  return v;
}

namespace {

// ".001", ".5": the fraction of a second, without trailing zeros; "" for 0.
std::string fraction_text(int32_t nanos) {
  if (nanos <= 0) return "";
  std::string digits = fmt::format("{:09}", nanos);
  while (digits.back() == '0') digits.pop_back();
  return "." + digits;
}

}  // namespace

std::string Timestamp::text() const {
  const int64_t local = epoch_seconds + int64_t{offset_minutes} * 60;
  const int64_t days = (local >= 0 ? local : local - 86399) / 86400;
  const auto secs = static_cast<int>(local - days * 86400);
  const Date d = civil_from_days(days);
  const int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  const int parts[] = {d.month, d.day, secs / 3600, secs / 60 % 60, secs % 60, a / 60, a % 60};
  std::string out;
  if (d.year < 0 || d.year > 9999 || a / 60 > 99) {
    out = format_rfc3339(epoch_seconds, offset_minutes);
  } else {
    // By hand: reports and logs write this for every record they show.
    char text[] = "0000-00-00T00:00:00+00:00";
    auto put = [&](size_t at, int v) {
      text[at] = static_cast<char>('0' + v / 10);
      text[at + 1] = static_cast<char>('0' + v % 10);
    };
    put(0, d.year / 100);
    put(2, d.year % 100);
    const size_t at[] = {5, 8, 11, 14, 17, 20, 23};
    for (size_t i = 0; i < 7; ++i) put(at[i], parts[i]);
    text[19] = offset_minutes < 0 ? '-' : '+';
    out.assign(text, sizeof text - 1);
  }
  if (nanos > 0) out.insert(19, fraction_text(nanos));
  return out;
}

Timestamp make_timestamp(int64_t epoch_seconds, int offset_minutes, int32_t nanos) {
  return Timestamp{epoch_seconds, nanos, offset_minutes};
}

Timestamp make_timestamp(Date d, int hour, int minute, int second, int offset, int32_t nanos) {
  return Timestamp{
      days_from_civil(d) * 86400 + hour * 3600 + minute * 60 + second - int64_t{offset} * 60, nanos,
      offset};
}

std::string schedule_name(const Schedule& s) {
  if (!s.profile.empty()) return s.profile;
  switch (s.type) {
    case Schedule::Type::kEven:
      return "even";
    case Schedule::Type::kEnd:
      return "end";
    case Schedule::Type::kShares:
      return "seasonal";
    case Schedule::Type::kStep:
      return "step";
  }
  return "even";
}

Location Indicator::at(std::string_view key) const {
  return find_key(key_locs, key, loc);
}
Location Task::at(std::string_view key) const {
  return find_key(key_locs, key, loc);
}
Location Action::at(std::string_view key) const {
  return find_key(key_locs, key, loc);
}
Location Profile::at(std::string_view key) const {
  return find_key(key_locs, key, loc);
}
Location Defaults::at(std::string_view key) const {
  return find_key(key_locs, key, Location{});
}

const std::vector<std::string>& default_counted_units() {
  // Units of whole things that appear in plans' targets: enterprises,
  // schools, projects, households, villages, people, events.
  static const std::vector<std::string> units = {
      "家", "个", "所", "座", "处", "项", "户", "套", "条", "名",   "人",   "件",  "次",
      "场", "台", "辆", "栋", "间", "张", "块", "只", "头", "批",   "期",   "篇",  "部",
      "支", "位", "宗", "起", "村", "镇", "校", "园", "例", "人次", "户次", "家次"};
  return units;
}

bool PlanHeader::is_counted(std::string_view unit) const {
  // "人(个)", "个（项）": the unit before a parenthesis decides.
  for (std::string_view open : {"(", "（"}) {
    const size_t at = unit.find(open);
    if (at != std::string_view::npos && at > 0) unit = unit.substr(0, at);
  }
  for (const auto& u : counted_units)
    if (u == unit) return true;
  return false;
}

const Bureau* Plan::find_bureau(std::string_view id) const {
  return find_by_id(bureaus, id);
}
const Indicator* Plan::find_indicator(std::string_view id) const {
  return find_by_id(indicators, id);
}
const Action* Plan::find_action(std::string_view id) const {
  return find_by_id(actions, id);
}
const Task* Plan::find_task(std::string_view id) const {
  return find_by_id(tasks, id);
}
const Problem* Plan::find_problem(std::string_view id) const {
  return find_by_id(problems, id);
}

Location Problem::at(std::string_view key) const {
  return find_key(key_locs, key, loc);
}

const ProblemEvent* Problem::close_before(int64_t cutoff) const {
  const ProblemEvent* last = nullptr;
  for (const auto& e : events)
    if (e.at.epoch_seconds < cutoff) last = &e;
  return last && last->kind == ProblemEvent::Kind::kClose ? last : nullptr;
}

bool Problem::closed_before(int64_t cutoff) const {
  return close_before(cutoff) != nullptr;
}

std::vector<std::string> Plan::task_ids() const {
  return ids_of(tasks);
}
const Profile* Plan::find_profile(std::string_view name) const {
  for (const auto& p : profiles)
    if (p.name == name) return &p;
  return nullptr;
}

const Bureau* Plan::resolve_bureau_name(std::string_view name) const {
  for (const auto& b : bureaus) {
    if (b.id == name || b.name == name || b.full_name == name) return &b;
    for (const auto& a : b.aliases)
      if (a == name) return &b;
  }
  return nullptr;
}

std::string Plan::bureau_name(std::string_view id) const {
  const Bureau* b = find_bureau(id);
  return b ? b->name : std::string(id);
}

std::vector<std::string> Plan::bureau_names(const std::vector<std::string>& ids) const {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back(bureau_name(id));
  return out;
}

std::vector<std::string> Plan::bureau_ids() const {
  return ids_of(bureaus);
}
std::vector<std::string> Plan::indicator_ids() const {
  return ids_of(indicators);
}
std::vector<std::string> Plan::action_ids() const {
  return ids_of(actions);
}

}  // namespace tally
