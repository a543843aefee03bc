#include "core/read/toml_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/base/text.h"
#include "core/model/model.h"

namespace tally {

namespace {

std::optional<Date> to_date(const toml::date& d) {
  if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  return Date{d.year, d.month, d.day};
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

namespace {

// The character at 1-based `line` and `col` (in characters) of `text`, or 0.
char32_t char_at(std::string_view text, uint32_t line, uint32_t col) {
  size_t begin = 0;
  for (uint32_t l = 1; l < line; ++l) {
    begin = text.find('\n', begin);
    if (begin == text.npos) return 0;
    ++begin;
  }
  std::string_view rest = text.substr(begin, text.find('\n', begin) - begin);
  std::vector<char32_t> chars = decode_utf8(rest);
  return col >= 1 && col <= chars.size() ? chars[col - 1] : 0;
}

// What a Chinese keyboard types where TOML wants ASCII: the character, what
// it is called, and what to write instead.
std::string keyboard_slip(char32_t c) {
  struct Slip {
    char32_t c;
    std::string_view what;
    std::string_view ascii;
  };
  static constexpr Slip kSlips[] = {
      {U'“', "a curly quote", "\""},
      {U'”', "a curly quote", "\""},
      {U'‘', "a curly quote", "'"},
      {U'’', "a curly quote", "'"},
      {U'＂', "a full-width quote", "\""},
      {U'＇', "a full-width quote", "'"},
      {U'＝', "a full-width equals sign", "="},
      {U'，', "a full-width comma", ","},
      {U'、', "an enumeration comma", ","},
      {U'：', "a full-width colon", "="},
      {U'［', "a full-width bracket", "["},
      {U'］', "a full-width bracket", "]"},
      {U'｛', "a full-width brace", "{"},
      {U'｝', "a full-width brace", "}"},
      {U'．', "a full-width full stop", "."},
      {U'－', "a full-width minus", "-"},
      {U'＋', "a full-width plus", "+"},
      {U'\u3000', "a full-width space", " "},
  };
  std::string ch;
  append_utf8(ch, c);
  if (c >= U'０' && c <= U'９') {
    return fmt::format("'{}' is a full-width digit; write '{}'", ch,
                       static_cast<char>('0' + (c - U'０')));
  }
  for (const auto& s : kSlips) {
    if (s.c == c) return fmt::format("'{}' is {}; write '{}'", ch, s.what, s.ascii);
  }
  return {};
}

}  // namespace

// A toml++ parse error as a diagnostic. toml++ places an out-of-range date
// or time field ("expected day between 1 and 29 (inclusive), saw 30") just
// after the field; the caret belongs under it.
void syntax_error(uint32_t file, std::string_view text, const toml::parse_error& e,
                  Diagnostics& diags) {
  Location at = loc_of(file, e.source());
  std::string_view what = e.description();
  if (auto saw = what.rfind(", saw "); saw != what.npos && what.find(" between ") != what.npos) {
    std::string_view field = what.substr(saw + 6);
    const bool digits = !field.empty() && field.find_first_not_of("0123456789") == field.npos;
    if (digits && at.col > field.size()) at.col -= static_cast<uint32_t>(field.size());
  }
  std::string message = fmt::format("TOML syntax: {}", what);
  if (std::string slip = keyboard_slip(char_at(text, at.line, at.col)); !slip.empty())
    message += fmt::format(" ({})", slip);
  diags.error(at, "toml-syntax", message);
}

Fields::Fields(const toml::table& t, uint32_t file, Diagnostics& diags, std::string what,
               uint32_t first_line)
    : t_(t), file_(file), line_offset_(first_line - 1), diags_(diags), what_(std::move(what)) {}

Location Fields::loc(const toml::source_region& s) const {
  Location l = loc_of(file_, s);
  l.line += line_offset_;
  return l;
}

Location Fields::at(std::string_view key) const {
  if (const toml::node* n = t_.get(key)) return loc(n->source());
  return where();
}

const toml::node* Fields::get(std::string_view key, bool required) {
  const toml::node* n = t_.get(key);
  // Reported in finish(), where a misspelt key can explain the absence.
  if (!n && required) missing_.emplace_back(key);
  return n;
}

void Fields::empty_value(std::string_view key, const toml::node& n, std::string_view hint) {
  diags_.error(loc(n.source()), "empty-value",
               fmt::format("'{}' is empty in {}; {}", key, what_,
                           hint.empty() ? std::string_view("write its value") : hint));
}

void Fields::wrong_type(std::string_view key, const toml::node& n, std::string_view expected) {
  diags_.error(loc(n.source()), "wrong-type",
               fmt::format("'{}' must be {}, not {}", key, expected, type_name(n)));
}

std::string_view canonical_word(std::string_view text, std::span<const WordAlias> zh) {
  for (const auto& a : zh) {
    if (a.zh == text) return a.en;
  }
  return text;
}

void Fields::bad_word(std::string_view key, std::string_view value,
                      const std::vector<std::string>& words, std::span<const WordAlias> zh) {
  std::string choices = words.size() == 2 ? fmt::format("\"{}\" or \"{}\"", words[0], words[1])
                                          : fmt::format("one of {}", fmt::join(words, ", "));
  std::vector<std::string> candidates = words;
  std::vector<std::string> zh_words;
  for (const auto& a : zh) {
    if (std::find(zh_words.begin(), zh_words.end(), a.zh) == zh_words.end())
      zh_words.emplace_back(a.zh);
  }
  if (!zh_words.empty()) choices += fmt::format(" (in Chinese {})", fmt::join(zh_words, ", "));
  candidates.insert(candidates.end(), zh_words.begin(), zh_words.end());
  diags_.error(
      at(key), "bad-enum",
      with_suggestion(fmt::format("{} '{}' is not {}", key, value, choices), value, candidates));
}

std::optional<std::string> Fields::string(std::string_view key, bool required) {
  const toml::node* n = get(key, required);
  if (!n) return std::nullopt;
  if (auto s = n->as_string()) {
    if (s->get().empty() && required) {
      empty_value(key, *n);
      return std::nullopt;
    }
    return s->get();
  }
  wrong_type(key, *n, "a string");
  return std::nullopt;
}

std::optional<Decimal> Fields::number(std::string_view key, bool required) {
  const toml::node* n = get(key, required);
  if (!n) return std::nullopt;
  return number_of(key, *n);
}

std::optional<Decimal> Fields::number_of(std::string_view key, const toml::node& n) {
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

std::optional<int64_t> Fields::integer(std::string_view key, bool required) {
  const toml::node* n = get(key, required);
  if (!n) return std::nullopt;
  if (auto i = n->as_integer()) return i->get();
  wrong_type(key, *n, "an integer");
  return std::nullopt;
}

std::optional<int> Fields::integer_in(std::string_view key, bool required, int low, int high) {
  auto v = integer(key, required);
  if (v && (*v < low || *v > high)) {
    diags_.error(at(key), "bad-number",
                 fmt::format("'{}' = {} must be between {} and {}", key, *v, low, high));
    return std::nullopt;
  }
  if (v) return static_cast<int>(*v);
  return std::nullopt;
}

std::optional<Date> Fields::date(std::string_view key, bool required) {
  const toml::node* n = get(key, required);
  if (!n) return std::nullopt;
  return date_of(key, *n);
}

std::optional<Date> Fields::date_of(std::string_view key, const toml::node& n) {
  if (auto d = n.as_date()) {
    if (auto v = to_date(d->get())) return v;
    diags_.error(loc(n.source()), "bad-date", fmt::format("'{}' is not a real date", key));
    return std::nullopt;
  }
  wrong_type(key, n, "a date such as 2024-12-31");
  return std::nullopt;
}

std::optional<std::vector<std::string>> Fields::strings(std::string_view key, bool required,
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

std::vector<std::string> Fields::leads() {
  auto v = strings("lead", true, true);
  if (v && v->empty()) {
    diags_.error(at("lead"), "missing-key",
                 fmt::format("{} needs at least one lead bureau", what_));
  }
  return v.value_or(std::vector<std::string>{});
}

void Fields::finish(std::span<const std::string_view> known) {
  std::vector<std::string> names(known.begin(), known.end());
  std::vector<std::string> explained;
  for (auto&& [k, v] : t_) {
    if (std::find(known.begin(), known.end(), k.str()) != known.end()) continue;
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

void Fields::key_locations(KeyLocations& out) const {
  // The keys of a table are distinct: into an empty list, no search.
  const bool fresh = out.size() == 0;
  out.reserve(out.size() + t_.size());
  for (auto&& [k, v] : t_) {
    if (fresh) {
      out.add(k.str(), loc(v.source()));
    } else {
      out.set(k.str(), loc(v.source()));
    }
  }
}

}  // namespace tally
