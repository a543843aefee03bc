#include "core/read/fast_actuals.h"

#include <array>
#include <charconv>
#include <cstring>

#include "core/base/text.h"
#include "core/model/actual_fields.h"

namespace tally {

namespace {

constexpr std::string_view kHeader = "[[actual]]";

// Walks the lines of a text, each without its line end ("\n" or "\r\n"). A
// "\r" left in a line is a stray one, which TOML does not allow anywhere.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool next(std::string_view* line, size_t* start) {
    if (pos_ >= text_.size()) return false;
    *start = pos_;
    const void* nl = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
    size_t end =
        nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
    *line = text_.substr(pos_, end - pos_);
    if (nl && !line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = nl ? end + 1 : end;
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

size_t skip_ws(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

// The bytes that end the plain run of a basic string: the quote, the
// backslash and the control characters but tab.
constexpr std::array<bool, 256> kStringStops = [] {
  std::array<bool, 256> stops{};
  for (size_t c = 0; c < stops.size(); ++c) {
    const auto b = static_cast<unsigned char>(c);
    stops[c] = b == '"' || b == '\\' || is_toml_control(b);
  }
  return stops;
}();

constexpr uint64_t kOnes = 0x0101010101010101u;
constexpr uint64_t kHighs = 0x8080808080808080u;

// Nonzero if a byte of `word` is below n (n <= 0x80). It may also flag a
// byte above one that is, never miss one.
constexpr uint64_t any_below(uint64_t word, unsigned char n) {
  return (word - kOnes * n) & ~word & kHighs;
}

constexpr uint64_t any_equal(uint64_t word, unsigned char c) {
  return any_below(word ^ (kOnes * c), 1);
}

// How many of the bytes in [p, q) are '\n', eight at a time: a byte of
// `x` is zero exactly where `word` holds a line end; the sum of its seven
// low bits and 0x7F has its high bit set exactly where it is not (no carry
// crosses a byte), and a multiplication adds up the bytes left.
size_t count_line_ends(const char* p, const char* q) {
  constexpr uint64_t kLows = 0x7F7F7F7F7F7F7F7Fu;
  size_t n = 0;
  for (uint64_t word; q - p >= 8; p += 8) {
    std::memcpy(&word, p, 8);
    const uint64_t x = word ^ (kOnes * '\n');
    const uint64_t ends = (~(((x & kLows) + kLows) | x) & kHighs) >> 7;  // 1 in each such byte
    n += static_cast<size_t>((ends * kOnes) >> 56);                      // the sum of the bytes
  }
  for (; p < q; ++p) n += *p == '\n';
  return n;
}

// The end of the run of s[i..] that holds no byte of kStringStops: eight
// bytes at a time while none of them can be one (a tab is looked at byte
// by byte), then byte by byte.
size_t plain_run(std::string_view s, size_t i) {
  for (uint64_t word; i + 8 <= s.size(); i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if (any_below(word, 0x20) | any_equal(word, '"') | any_equal(word, '\\') |
        any_equal(word, 0x7F))
      break;
  }
  while (i < s.size() && !kStringStops[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

// What may follow a value or a header: spaces, then the line end or a
// comment without control characters.
bool clean_tail(std::string_view s, size_t i) {
  i = skip_ws(s, i);
  if (i == s.size()) return true;
  if (s[i] != '#') return false;
  for (size_t k = i + 1; k < s.size(); ++k)
    if (is_toml_control(static_cast<unsigned char>(s[k]))) return false;
  return true;
}

// The column of the header if `line` is a `[[actual]]` header line, else 0.
uint32_t header_column(std::string_view line) {
  size_t i = skip_ws(line, 0);
  if (line.substr(i, kHeader.size()) != kHeader) return 0;
  return clean_tail(line, i + kHeader.size()) ? static_cast<uint32_t>(i + 1) : 0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A TOML basic string starting at s[i] == '"'; on success sets *out to its
// value and *end past the closing quote. The value is a view of `s` when
// the string has no escapes (nearly always), else of `scratch`.
bool basic_string(std::string_view s, size_t i, std::string& scratch, std::string_view* out,
                  size_t* end) {
  if (i >= s.size() || s[i] != '"') return false;
  const size_t first = ++i;
  i = plain_run(s, i);
  if (i < s.size() && s[i] == '"') {
    *out = s.substr(first, i - first);
    *end = i + 1;
    return true;
  }
  scratch.assign(s.data() + first, i - first);
  for (;;) {
    size_t run = i;
    i = plain_run(s, i);
    scratch.append(s.data() + run, i - run);
    if (i >= s.size() || is_toml_control(static_cast<unsigned char>(s[i]))) return false;
    if (s[i] == '"') break;
    // An escape.
    if (++i >= s.size()) return false;
    char e = s[i++];
    switch (e) {
      case 'b':
        scratch += '\b';
        break;
      case 't':
        scratch += '\t';
        break;
      case 'n':
        scratch += '\n';
        break;
      case 'f':
        scratch += '\f';
        break;
      case 'r':
        scratch += '\r';
        break;
      case '"':
        scratch += '"';
        break;
      case '\\':
        scratch += '\\';
        break;
      case 'u':
      case 'U': {
        size_t digits = e == 'u' ? 4 : 8;
        if (i + digits > s.size()) return false;
        char32_t cp = 0;
        for (size_t k = 0; k < digits; ++k) {
          int h = hex_value(s[i + k]);
          if (h < 0) return false;
          cp = (cp << 4) | static_cast<char32_t>(h);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        append_utf8(scratch, cp);
        i += digits;
        break;
      }
      default:
        return false;
    }
  }
  *out = scratch;
  *end = i + 1;
  return true;
}

// `digits` decimal digits at s[i]; -1 if any is not a digit.
int fixed_digits(std::string_view s, size_t i, size_t digits) {
  if (i + digits > s.size()) return -1;
  int v = 0;
  for (size_t k = 0; k < digits; ++k) {
    char c = s[i + k];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A plain decimal number as TOML reads it: an integer, or a float with a
// fraction and no exponent. The float is converted the way toml++ converts
// it (the digits without the sign, correctly rounded, then the sign) and then
// to an exact decimal as the loader does.
bool plain_number(std::string_view s, size_t i, std::optional<Decimal>* out, size_t* end) {
  const size_t begin = i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  const size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  const size_t int_len = i - digits;
  if (int_len == 0 || (int_len > 1 && s[digits] == '0')) return false;
  bool fraction = false;
  if (i < s.size() && s[i] == '.') {
    fraction = true;
    const size_t f = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == f) return false;
  }
  // Exponents, underscores, dates and the like are toml++'s to read.
  if (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '#') return false;
  *end = i;
  if (!fraction) {
    if (int_len > 18) return false;  // the loader reports these
    int64_t v = 0;
    for (size_t k = digits; k < i; ++k) v = v * 10 + (s[k] - '0');
    *out = Decimal{negative ? -v : v, 0};
    return true;
  }
  if (i - begin > 24) return false;
  // Up to 15 significant digits a decimal survives the trip through a
  // double, so the shortest text of the double is the text as written less
  // its trailing zeros; fmt writes it without an exponent from 1e-4 to 1e15.
  // This skips formatting and reparsing, a tenth of the time to read a record.
  std::string_view fraction_digits = s.substr(digits + int_len + 1, i - digits - int_len - 1);
  while (!fraction_digits.empty() && fraction_digits.back() == '0')
    fraction_digits.remove_suffix(1);
  if (int_len + fraction_digits.size() <= 18) {
    int64_t mantissa = 0;
    int significant = 0, leading_zeros = 0;
    for (char c : s.substr(digits, int_len)) {
      if (significant || c != '0') ++significant;
      mantissa = mantissa * 10 + (c - '0');
    }
    for (char c : fraction_digits) {
      if (significant || c != '0')
        ++significant;
      else
        ++leading_zeros;
      mantissa = mantissa * 10 + (c - '0');
    }
    if (mantissa == 0) {
      *out = Decimal{0, 0};
      return true;
    }
    if (significant <= 15 && int_len <= 15 && (s[digits] != '0' || leading_zeros <= 3)) {
      *out = Decimal{negative ? -mantissa : mantissa, static_cast<int>(fraction_digits.size())};
      return true;
    }
  }
  double v = 0;
  auto [p, ec] = std::from_chars(s.data() + digits, s.data() + i, v);
  if (ec != std::errc() || p != s.data() + i) return false;
  *out = decimal_from_double(negative ? v * -1.0 : v);
  return out->has_value();
}

// Each key has a slot of its own among 32, from its first letter and its
// length, so that one comparison finds the row of a key.
constexpr size_t key_slot(std::string_view key) {
  return (static_cast<unsigned char>(key[0]) * 3u + key.size()) & 31u;
}

struct FieldSlots {
  std::array<const ActualField*, 32> at{};
  bool distinct = true;
};

constexpr FieldSlots field_slots() {
  FieldSlots slots;
  for (const ActualField& f : kActualFields) {
    const ActualField*& slot = slots.at[key_slot(f.key)];
    if (slot) slots.distinct = false;
    slot = &f;
  }
  return slots;
}

constexpr FieldSlots kFieldSlots = field_slots();
static_assert(kFieldSlots.distinct, "two keys of [[actual]] share a slot: change key_slot");

// The row of an [[actual]] key, or nullptr. The key is compared byte by
// byte in place: a call of memcmp costs more than the nine bytes at most.
const ActualField* field_of(std::string_view key) {
  if (key.empty()) return nullptr;
  const ActualField* f = kFieldSlots.at[key_slot(key)];
  if (!f || f->key.size() != key.size()) return nullptr;
  for (size_t i = 0; i < key.size(); ++i)
    if (f->key[i] != key[i]) return nullptr;
  return f;
}

// A bit per key, to see each key once and every required one.
constexpr unsigned bit_of(const ActualField& f) {
  return 1u << static_cast<unsigned>(f.id);
}

constexpr unsigned required_bits() {
  unsigned bits = 0;
  for (const ActualField& f : kActualFields)
    if (f.required) bits |= bit_of(f);
  return bits;
}

// Reads the value of `field` at line[v] into `a` or `c`; sets *end past it.
bool read_value(std::string_view line, size_t v, const ActualField& field, Actual& a,
                CanonicalActual& c, TextStore& texts, CanonicalScratch& scratch, size_t* end) {
  std::string_view text;
  switch (field.type) {
    case FieldType::kText:
      if (!basic_string(line, v, scratch.text, &text, end)) return false;
      a.*field.text = texts.keep(text, static_cast<size_t>(field.id));
      return true;
    case FieldType::kPeriod:
      return basic_string(line, v, scratch.period, &c.period, end);
    case FieldType::kValue:
      if (v < line.size() && line[v] == '"') {
        c.number.reset();
        return basic_string(line, v, scratch.value, &c.value_text, end);
      }
      return plain_number(line, v, &c.number, end);
    case FieldType::kMoment:
      return read_offset_date_time(line, v, &c.recorded, end);
    case FieldType::kFlag:
      for (std::string_view word : {"true", "false"}) {
        if (line.substr(v, word.size()) == word) {
          a.highlight = word == "true";
          *end = v + word.size();
          return true;
        }
      }
      return false;
  }
  return false;
}

}  // namespace

std::optional<std::vector<RecordText>> split_actual_records(std::string_view text) {
  std::vector<RecordText> out;
  std::vector<size_t> starts;
  // Up to the first header, line by line: only blank lines and comments,
  // since a key there would belong to the top-level table.
  Lines lines(text);
  std::string_view line;
  size_t start = 0;
  uint32_t number = 0;
  size_t first = text.size();
  while (lines.next(&line, &start)) {
    ++number;
    size_t i = skip_ws(line, 0);
    if (i < line.size() && line[i] == '[') {
      first = start;
      break;
    }
    if (!clean_tail(line, i)) return std::nullopt;
  }
  // From there each line whose first byte after spaces is "[" is a header
  // that starts a record; the lines between are the record's reader's. The
  // "[" are found with memchr and the lines between counted, not walked.
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* counted = begin + first;  // the line ends before it are in `number`
  for (const char* at = begin + first; at < end;) {
    const char* bracket =
        static_cast<const char*>(std::memchr(at, '[', static_cast<size_t>(end - at)));
    if (!bracket) break;
    const char* line_start = bracket;
    while (line_start > begin && (line_start[-1] == ' ' || line_start[-1] == '\t')) --line_start;
    if (line_start != begin && line_start[-1] != '\n') {
      at = bracket + 1;
      continue;
    }
    number += static_cast<uint32_t>(count_line_ends(counted, line_start));
    counted = line_start;
    const char* nl =
        static_cast<const char*>(std::memchr(bracket, '\n', static_cast<size_t>(end - bracket)));
    const char* line_end = nl ? nl : end;
    if (nl && line_end > bracket && line_end[-1] == '\r') --line_end;
    if (!header_column(std::string_view(line_start, static_cast<size_t>(line_end - line_start))))
      return std::nullopt;
    starts.push_back(static_cast<size_t>(line_start - begin));
    out.push_back(RecordText{{}, number});
    at = nl ? nl + 1 : end;
  }
  starts.push_back(text.size());
  for (size_t r = 0; r < out.size(); ++r) {
    out[r].text = text.substr(starts[r], starts[r + 1] - starts[r]);
  }
  return out;
}

bool read_basic_string(std::string_view s, size_t i, std::string& scratch, std::string_view* out,
                       size_t* end) {
  return basic_string(s, i, scratch, out, end);
}

bool read_date(std::string_view s, size_t i, Date* out) {
  const int y = fixed_digits(s, i, 4), mo = fixed_digits(s, i + 5, 2),
            d = fixed_digits(s, i + 8, 2);
  if (y < 0 || mo < 0 || d < 0 || s[i + 4] != '-' || s[i + 7] != '-' || !is_valid_date(y, mo, d))
    return false;
  *out = Date{y, mo, d};
  return true;
}

bool read_offset_date_time(std::string_view s, size_t i, OffsetDateTime* out, size_t* end) {
  if (i + 20 > s.size()) return false;
  Date date;
  const int h = fixed_digits(s, i + 11, 2), mi = fixed_digits(s, i + 14, 2),
            sec = fixed_digits(s, i + 17, 2);
  if (!read_date(s, i, &date) || h < 0 || mi < 0 || sec < 0 || s[i + 10] != 'T' ||
      s[i + 13] != ':' || s[i + 16] != ':' || h > 23 || mi > 59 || sec > 59) {
    return false;
  }
  size_t k = i + 19;
  int32_t nanos = 0;
  if (s[k] == '.') {
    size_t digits = 0;
    while (k + 1 + digits < s.size() && s[k + 1 + digits] >= '0' && s[k + 1 + digits] <= '9') {
      if (++digits > 9) return false;
      nanos = nanos * 10 + (s[k + digits] - '0');
    }
    if (digits == 0) return false;
    for (size_t pad = digits; pad < 9; ++pad) nanos *= 10;
    k += 1 + digits;
    if (k >= s.size()) return false;
  }
  int offset = 0;
  if (s[k] == 'Z') {
    ++k;
  } else if (s[k] == '+' || s[k] == '-') {
    int oh = fixed_digits(s, k + 1, 2), om = fixed_digits(s, k + 4, 2);
    if (oh < 0 || om < 0 || s[k + 3] != ':' || oh > 23 || om > 59) return false;
    offset = (oh * 60 + om) * (s[k] == '-' ? -1 : 1);
    k += 6;
  } else {
    return false;
  }
  *out = OffsetDateTime{date, h, mi, sec, nanos, offset};
  *end = k;
  return true;
}

bool read_canonical_actual(const RecordText& record, uint32_t file, TextStore& texts, Actual& a,
                           CanonicalActual& c, CanonicalScratch& scratch) {
  static_assert(kActualFieldCount <= 32, "a bit per key");
  Lines lines(record.text);
  std::string_view line;
  size_t start = 0;
  if (!lines.next(&line, &start)) return false;
  uint32_t col = header_column(line);
  if (!col) return false;
  a.loc = Location{file, record.line, col};
  c.period = {};
  unsigned seen = 0;
  for (uint32_t number = record.line + 1; lines.next(&line, &start); ++number) {
    size_t i = skip_ws(line, 0);
    if (i == line.size() || line[i] == '#') {
      if (!clean_tail(line, i)) return false;
      continue;
    }
    size_t k = i;
    while (k < line.size() && line[k] >= 'a' && line[k] <= 'z') ++k;
    const ActualField* field = field_of(line.substr(i, k - i));
    if (!field || (seen & bit_of(*field))) return false;
    seen |= bit_of(*field);
    size_t v = skip_ws(line, k);
    if (v >= line.size() || line[v] != '=') return false;
    v = skip_ws(line, v + 1);
    // Only ASCII precedes the value, so its column is its byte offset + 1.
    if (field->at) a.*field->at = a.key_at({file, number, static_cast<uint32_t>(v + 1)});
    size_t end = 0;
    if (!read_value(line, v, *field, a, c, texts, scratch, &end) || !clean_tail(line, end))
      return false;
  }
  if ((seen & required_bits()) != required_bits()) return false;
  // An optional key that is absent is located at its record, as toml++'s
  // reader locates it.
  for (const ActualField& f : kActualFields)
    if (f.at && !(seen & bit_of(f))) a.*f.at = KeyAt{};
  // An empty required string is toml++'s to report (empty-value).
  for (const ActualField& f : kActualFields)
    if (f.required && f.text && (a.*f.text).empty()) return false;
  return !c.period.empty();
}

}  // namespace tally
