#include "core/read/fast_toml.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <string>
#include <vector>

#include "core/base/period.h"
#include "core/read/fast_actuals.h"

namespace tally {

namespace {

// toml++ gives a node its location only from its own parser, its friend.
// An explicit instantiation may name a private member, so this one hands
// out a pointer to it for the reader below, which sets each location as
// toml++'s parser would.
struct NodeSource {
  using type = toml::source_region toml::node::*;
  friend type member(NodeSource);
};

template <class Tag, typename Tag::type M>
struct Expose {
  friend typename Tag::type member(Tag) { return M; }
};

template struct Expose<NodeSource, &toml::node::source_>;

void locate(toml::node& n, const toml::source_region& at) {
  n.*member(NodeSource{}) = at;
}

constexpr bool is_bare_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

constexpr bool is_decimal_digit(char c) {
  return c >= '0' && c <= '9';
}

using NodePtr = std::unique_ptr<toml::node>;

// Raised, and caught in read_plain_toml only, where the text leaves what
// this reader knows: toml++ then reads it all.
struct Declined {};

class Reader {
 public:
  Reader(std::string_view text, std::string_view path) : s_(text) {
    if (!path.empty()) path_ = std::make_shared<const std::string>(path);
  }

  toml::table read() {
    toml::table root;
    locate(root, region(toml::source_position{1, 1}));
    toml::table* current = &root;
    while (i_ < s_.size()) {
      skip_spaces();
      if (i_ == s_.size()) break;
      const char c = s_[i_];
      if (c == '\n' || c == '\r') {
        line_end();
      } else if (c == '#') {
        comment();
      } else if (c == '[') {
        current = header(root);
        end_of_line();
      } else if (is_bare_key_char(c)) {
        key_value(*current);
        end_of_line();
      } else {
        throw Declined{};
      }
    }
    return root;
  }

 private:
  // The location of byte `at` of the current line: its column counts
  // characters, as toml++ counts them.
  toml::source_position position(size_t at) {
    if (at < col_byte_) col_byte_ = line_start_, col_ = 1;
    for (; col_byte_ < at; ++col_byte_)
      if ((static_cast<unsigned char>(s_[col_byte_]) & 0xC0) != 0x80) ++col_;
    return toml::source_position{line_, col_};
  }

  toml::source_region region(toml::source_position at) const {
    return toml::source_region{at, at, path_};
  }

  void skip_spaces() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }

  // At "\n" or "\r\n": past it, on the next line.
  void line_end() {
    if (s_[i_] == '\r') {
      if (i_ + 1 >= s_.size() || s_[i_ + 1] != '\n') throw Declined{};
      ++i_;
    }
    ++i_;
    ++line_;
    line_start_ = col_byte_ = i_;
    col_ = 1;
  }

  // At '#': up to the line end, which is left to read.
  void comment() {
    for (++i_; i_ < s_.size() && s_[i_] != '\n'; ++i_) {
      if (s_[i_] == '\r') break;
      if (is_toml_control(static_cast<unsigned char>(s_[i_]))) throw Declined{};
    }
  }

  // After a header or a key/value pair: spaces, perhaps a comment, then
  // the line end or the end of the text.
  void end_of_line() {
    skip_spaces();
    if (i_ < s_.size() && s_[i_] == '#') comment();
    if (i_ == s_.size()) return;
    if (s_[i_] != '\n' && s_[i_] != '\r') throw Declined{};
    line_end();
  }

  // Spaces, line ends and comments, as between the values of an array.
  void skip_blank() {
    for (;;) {
      skip_spaces();
      if (i_ == s_.size()) return;
      if (s_[i_] == '#') {
        comment();
      } else if (s_[i_] == '\n' || s_[i_] == '\r') {
        line_end();
      } else {
        return;
      }
    }
  }

  // A bare key at i_, with its location.
  toml::key bare_key() {
    const size_t begin = i_;
    while (i_ < s_.size() && is_bare_key_char(s_[i_])) ++i_;
    if (i_ == begin) throw Declined{};
    const toml::source_position from = position(begin), to = position(i_);
    return toml::key(s_.substr(begin, i_ - begin), toml::source_region{from, to, path_});
  }

  // A `[table]` or `[[array]]` header line: the table that the key/value
  // pairs after it go in, found or made as toml++ finds or makes it.
  toml::table* header(toml::table& root) {
    const toml::source_position at = position(i_);
    const bool is_array = i_ + 1 < s_.size() && s_[i_ + 1] == '[';
    i_ += is_array ? 2 : 1;
    std::vector<toml::key> keys;
    for (;;) {
      keys.push_back(bare_key());
      if (i_ < s_.size() && s_[i_] == '.') {
        ++i_;
        continue;
      }
      break;
    }
    for (int close = is_array ? 2 : 1; close > 0; --close, ++i_)
      if (i_ >= s_.size() || s_[i_] != ']') throw Declined{};

    toml::table* parent = &root;
    for (size_t k = 0; k + 1 < keys.size(); ++k) {
      auto it = parent->lower_bound(keys[k].str());
      if (it != parent->end() && it->first == keys[k]) {
        if (toml::table* t = it->second.as_table(); t && !t->is_inline()) {
          parent = t;
        } else if (toml::array* a = it->second.as_array(); a && made_by_header(a)) {
          parent = a->back().as_table();
        } else {
          throw Declined{};
        }
      } else {
        it = parent->emplace_hint<toml::table>(it, std::move(keys[k]));
        toml::table* t = it->second.as_table();
        locate(*t, region(at));
        implicit_.push_back(t);
        parent = t;
      }
    }

    toml::key& last = keys.back();
    auto it = parent->lower_bound(last.str());
    if (it != parent->end() && it->first == last) {
      if (toml::array* a = it->second.as_array(); is_array && a && made_by_header(a)) {
        toml::table& t = a->emplace_back<toml::table>();
        locate(t, region(at));
        return &t;
      }
      toml::table* t = it->second.as_table();
      auto found = std::find(implicit_.begin(), implicit_.end(), t);
      if (is_array || !t || found == implicit_.end()) throw Declined{};
      for (auto&& [k, child] : *t)
        if (!child.is_table() && !child.is_array_of_tables()) throw Declined{};
      implicit_.erase(found);
      locate(*t, region(at));
      return t;
    }
    if (is_array) {
      it = parent->emplace_hint<toml::array>(it, std::move(last));
      toml::array* a = it->second.as_array();
      locate(*a, region(at));
      arrays_.push_back(a);
      toml::table& t = a->emplace_back<toml::table>();
      locate(t, region(at));
      return &t;
    }
    it = parent->emplace_hint<toml::table>(it, std::move(last));
    toml::table* t = it->second.as_table();
    locate(*t, region(at));
    return t;
  }

  bool made_by_header(const toml::array* a) const {
    return std::find(arrays_.begin(), arrays_.end(), a) != arrays_.end();
  }

  // `key = value` into `t`; a key `t` already has is toml++'s to report.
  void key_value(toml::table& t) {
    toml::key key = bare_key();
    skip_spaces();
    if (i_ >= s_.size() || s_[i_] != '=') throw Declined{};
    ++i_;
    skip_spaces();
    auto it = t.lower_bound(key.str());
    if (it != t.end() && it->first == key) throw Declined{};
    NodePtr v = value();
    t.emplace_hint<toml::impl::node_ptr>(it, std::move(key), std::move(v));
  }

  // Whether a number, date or boolean ends at i_.
  bool at_value_end() const {
    if (i_ == s_.size()) return true;
    switch (s_[i_]) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
      case '#':
      case ',':
      case ']':
      case '}':
        return true;
      default:
        return false;
    }
  }

  NodePtr value() {
    // Arrays in arrays a text deep are toml++'s to refuse.
    if (i_ >= s_.size() || ++depth_ > kMaxDepth) throw Declined{};
    const toml::source_position at = position(i_);
    NodePtr v;
    const char c = s_[i_];
    if (c == '"') {
      v = basic_string();
    } else if (c == '\'') {
      v = literal_string();
    } else if (c == '[') {
      v = array();
    } else if (c == '{') {
      v = inline_table();
    } else if (c == 't' || c == 'f') {
      v = boolean();
    } else if (is_decimal_digit(c) || c == '-') {
      v = number_or_date();
    } else {
      throw Declined{};
    }
    locate(*v, region(at));
    --depth_;
    return v;
  }

  NodePtr basic_string() {
    if (s_.substr(i_, 3) == "\"\"\"") throw Declined{};
    // A line end is a control character: the string ends on its line.
    std::string_view text;
    size_t end = 0;
    if (!read_basic_string(s_, i_, scratch_, &text, &end)) throw Declined{};
    i_ = end;
    return std::make_unique<toml::value<std::string>>(std::string(text));
  }

  NodePtr literal_string() {
    if (s_.substr(i_, 3) == "'''") throw Declined{};
    const size_t begin = ++i_;
    for (; i_ < s_.size() && s_[i_] != '\''; ++i_)
      if (is_toml_control(static_cast<unsigned char>(s_[i_]))) throw Declined{};
    if (i_ == s_.size()) throw Declined{};
    return std::make_unique<toml::value<std::string>>(std::string(s_.substr(begin, i_++ - begin)));
  }

  NodePtr boolean() {
    for (std::string_view word : {"true", "false"}) {
      if (s_.substr(i_, word.size()) == word) {
        i_ += word.size();
        if (!at_value_end()) throw Declined{};
        return std::make_unique<toml::value<bool>>(word == "true");
      }
    }
    throw Declined{};
  }

  // An integer, a number with a fraction, a date YYYY-MM-DD or an offset
  // date-time.
  NodePtr number_or_date() {
    const size_t begin = i_;
    if (s_[i_] != '-' && i_ + 4 < s_.size() && s_[i_ + 4] == '-') {
      if (i_ + 10 < s_.size() && s_[i_ + 10] == 'T') {
        OffsetDateTime t;
        if (!read_offset_date_time(s_, i_, &t, &i_) || !at_value_end()) throw Declined{};
        toml::time_offset offset{};
        offset.minutes = static_cast<int16_t>(t.offset_minutes);
        return std::make_unique<toml::value<toml::date_time>>(toml::date_time{
            toml::date{t.date.year, t.date.month, t.date.day},
            toml::time{t.hour, t.minute, t.second, static_cast<uint32_t>(t.nanos)}, offset});
      }
      Date date;
      if (!read_date(s_, i_, &date)) throw Declined{};
      i_ += 10;
      // A time after a space, or a local time, is toml++'s to read.
      if (!at_value_end() || (i_ + 1 < s_.size() && s_[i_] == ' ' && is_decimal_digit(s_[i_ + 1])))
        throw Declined{};
      return std::make_unique<toml::value<toml::date>>(toml::date{date.year, date.month, date.day});
    }
    if (s_[i_] == '-') ++i_;
    const size_t digits = i_;
    while (i_ < s_.size() && is_decimal_digit(s_[i_])) ++i_;
    const size_t int_len = i_ - digits;
    if (int_len == 0 || (int_len > 1 && s_[digits] == '0')) throw Declined{};
    if (i_ < s_.size() && s_[i_] == '.') {
      const size_t f = ++i_;
      while (i_ < s_.size() && is_decimal_digit(s_[i_])) ++i_;
      if (i_ == f || !at_value_end()) throw Declined{};
      double v = 0;
      auto [p, ec] = std::from_chars(s_.data() + begin, s_.data() + i_, v);
      if (ec != std::errc() || p != s_.data() + i_) throw Declined{};
      return std::make_unique<toml::value<double>>(v);
    }
    if (!at_value_end() || int_len > 18) throw Declined{};
    int64_t v = 0;
    for (size_t k = digits; k < i_; ++k) v = v * 10 + (s_[k] - '0');
    return std::make_unique<toml::value<int64_t>>(s_[begin] == '-' ? -v : v);
  }

  // `[` values, over lines, with comments and a trailing comma `]`.
  NodePtr array() {
    auto a = std::make_unique<toml::array>();
    ++i_;
    for (;;) {
      skip_blank();
      if (i_ >= s_.size()) throw Declined{};
      if (s_[i_] == ']') break;
      a->emplace_back<toml::impl::node_ptr>(value());
      skip_blank();
      if (i_ >= s_.size()) throw Declined{};
      if (s_[i_] == ',') {
        ++i_;
      } else if (s_[i_] != ']') {
        throw Declined{};
      }
    }
    ++i_;
    return a;
  }

  // `{ key = value, … }` on one line, no trailing comma.
  NodePtr inline_table() {
    auto t = std::make_unique<toml::table>();
    t->is_inline(true);
    ++i_;
    skip_spaces();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      return t;
    }
    for (;;) {
      skip_spaces();
      if (i_ >= s_.size() || !is_bare_key_char(s_[i_])) throw Declined{};
      key_value(*t);
      skip_spaces();
      if (i_ >= s_.size()) throw Declined{};
      if (s_[i_] == '}') break;
      if (s_[i_] != ',') throw Declined{};
      ++i_;
    }
    ++i_;
    return t;
  }

  static constexpr int kMaxDepth = 64;

  std::string_view s_;
  int depth_ = 0;
  std::shared_ptr<const std::string> path_;
  size_t i_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
  // The column of byte col_byte_ of the current line, carried forward.
  size_t col_byte_ = 0;
  uint32_t col_ = 1;
  // Tables made for the leading keys of a header, which a later header
  // may still define; arrays made by `[[…]]` headers, which a later one
  // appends to.
  std::vector<toml::table*> implicit_;
  std::vector<toml::array*> arrays_;
  std::string scratch_;
};

}  // namespace

std::optional<toml::table> read_plain_toml(std::string_view text, std::string_view path) {
  try {
    return Reader(text, path).read();
  } catch (const Declined&) {
    return std::nullopt;
  }
}

toml::table parse_toml(std::string_view text, std::string_view path) {
  if (auto table = read_plain_toml(text, path)) return std::move(*table);
  return toml::parse(text, path);
}

}  // namespace tally
