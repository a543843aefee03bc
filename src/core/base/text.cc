#include "core/base/text.h"

#include <fmt/format.h>

#include <bit>
#include <cstring>

namespace tally {

namespace {

// Decodes one code point at s[i]; returns its length, or 0 if invalid.
size_t decode_one(std::string_view s, size_t i, char32_t* out) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  }
  size_t len;
  char32_t cp;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *out = cp;
  return len;
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

// The escapes JSON strings and TOML basic strings share. TOML also escapes
// DEL and writes \uXXXX in upper case; JSON leaves DEL as it is.
void append_escaped(std::string& out, std::string_view s, bool toml) {
  // The bytes that need no escape are appended a run at a time: nearly
  // every text has none that do.
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 && u != '"' && u != '\\' && !(toml && u == 0x7F)) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (u) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += toml ? fmt::format("\\u{:04X}", unsigned{u}) : fmt::format("\\u{:04x}", unsigned{u});
    }
  }
  out.append(s.data() + run, s.size() - run);
}

std::string escape_basic_string(std::string_view s, bool toml) {
  std::string out;
  out.reserve(s.size());
  append_escaped(out, s, toml);
  return out;
}

}  // namespace

namespace {

// Calls visit(c) for each code point of `s` as decode_utf8 gives them (an
// invalid byte as U+FFFD), until it returns false; without decode_utf8's
// vector, which display_width made for every cell of every table.
template <class Visit>
void each_code_point(std::string_view s, Visit visit) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const size_t n = decode_one(s, i, &cp);
    if (n == 0) cp = 0xFFFD;
    i += n == 0 ? 1 : n;
    if (!visit(cp)) return;
  }
}

}  // namespace

std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = decode_one(s, i, &cp);
    if (n == 0) {
      out.push_back(0xFFFD);
      ++i;
    } else {
      out.push_back(cp);
      i += n;
    }
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

uint64_t fingerprint(std::string_view s) {
  // Eight bytes folded in per step, each step mixed by a multiply and a
  // rotation, so that a change to any byte or to the order of the words
  // changes the result; four lanes of 32 bytes side by side, since one
  // lane's steps wait on each other (the loader fingerprints every actuals
  // file it does not keep).
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  auto step = [](uint64_t h, uint64_t w) { return std::rotl((h ^ w) * kMul, 29); };
  uint64_t lane[4] = {s.size() * kMul, ~s.size() * kMul, (s.size() + 1) * kMul,
                      (s.size() + 2) * kMul};
  size_t i = 0;
  for (; i + 32 <= s.size(); i += 32) {
    for (size_t k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, s.data() + i + 8 * k, 8);
      lane[k] = step(lane[k], w);
    }
  }
  uint64_t h = step(step(step(lane[0], lane[1]), lane[2]), lane[3]);
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = step(h, w);
  }
  uint64_t tail = 0;
  if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
  h = step(h, tail);
  return h ^ (h >> 32);
}

std::optional<size_t> find_invalid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    // Eight ASCII bytes at a time: actuals files run to hundreds of MB.
    for (uint64_t word; i + 8 <= s.size(); i += 8) {
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080u) break;
    }
    if (i == s.size()) break;
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    // Three bytes led by E1..EC or EE..EF (most of CJK) are valid whenever
    // both that follow are continuation bytes: never overlong, never a
    // surrogate (those are led by ED), never past U+FFFF.
    if (((b0 >= 0xE1 && b0 <= 0xEC) || b0 >= 0xEE) && b0 <= 0xEF && i + 2 < s.size() &&
        (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    char32_t cp;
    size_t n = decode_one(s, i, &cp);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

size_t display_width(std::string_view s) {
  size_t w = 0;
  // 0: text; 1: after ESC; 2: inside a CSI sequence (ESC [ … final byte).
  int escape = 0;
  each_code_point(s, [&](char32_t c) {
    if (escape == 1) {
      escape = c == '[' ? 2 : 0;
    } else if (escape == 2) {
      if (c >= 0x40 && c <= 0x7E) escape = 0;
    } else if (c == 0x1B) {
      escape = 1;
    } else if (!is_zero_width(c)) {
      w += is_wide(c) ? 2 : 1;
    }
    return true;
  });
  return w;
}

std::string pad(std::string_view s, size_t width, bool right_align) {
  size_t w = display_width(s);
  std::string fill(w < width ? width - w : 0, ' ');
  return right_align ? fill + std::string(s) : std::string(s) + fill;
}

std::string truncate_to_width(std::string_view s, size_t width) {
  if (display_width(s) <= width) return std::string(s);
  std::string out;
  size_t w = 0;
  each_code_point(s, [&](char32_t c) {
    size_t cw = is_zero_width(c) ? 0 : (is_wide(c) ? 2 : 1);
    if (w + cw + 1 > width) return false;
    append_utf8(out, c);
    w += cw;
    return true;
  });
  return out + "…";
}

std::string inert(std::string_view s, bool keep_line_ends) {
  // The common case, printable UTF-8, is returned as it is.
  bool plain = !find_invalid_utf8(s).has_value();
  for (size_t i = 0; plain && i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == 0x7F) plain = keep_line_ends && (b == '\n' || b == '\r');
    // C1 controls are U+0080..U+009F, encoded C2 80..C2 9F.
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) plain = false;
  }
  if (plain) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (char32_t c : decode_utf8(s)) {
    if (keep_line_ends && (c == U'\n' || c == U'\r')) {
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
    } else if (c >= 0x80 && c <= 0x9F) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

namespace {

// A number as the program writes one: -0.05, 12, 1.5e-07, -3%.
bool plain_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const size_t digits = i;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
  if (i == digits) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    const size_t exp = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == exp) return false;
  }
  if (i < s.size() && s[i] == '%') ++i;
  return i == s.size();
}

}  // namespace

std::string csv_cell(std::string_view s) {
  std::string cell = inert(s, true);
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos &&
      !plain_number(cell))
    cell.insert(0, 1, '\'');
  return cell;
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // Control characters from data show as \x1b, as in every other format.
  for (char c : inert(s, true)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string json_escape(std::string_view s) {
  return escape_basic_string(s, false);
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string toml_escape(std::string_view s) {
  return escape_basic_string(s, true);
}

void append_toml_escaped(std::string& out, std::string_view s) {
  append_escaped(out, s, true);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? s.npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == s.npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& piece : split(s, ',')) {
    auto t = trim(piece);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

}  // namespace tally
