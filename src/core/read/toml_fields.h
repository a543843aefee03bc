// Reading TOML text into the model: the encoding and syntax of a file, and
// the keys of one table, each checked for its type, the keys not read
// reported as unknown with a suggestion. What every reader of read/ shares.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/base/period.h"
#include "core/base/units.h"
#include "core/read/toml.h"

namespace tally {

class KeyLocations;  // core/model/model.h

/// A Chinese word a plan may write for an enum's English word: 里程碑 for
/// milestone, 季度 for quarter. The model keeps the English (canonical) one.
struct WordAlias {
  std::string_view zh;
  std::string_view en;
};

/// The English word `zh` lists for `text`, or `text` itself.
std::string_view canonical_word(std::string_view text, std::span<const WordAlias> zh);

/// Checks bytes are UTF-8 and reports the first bad byte as `not-utf8`.
/// Returns false when the text must not be parsed.
bool check_utf8(std::string_view text, uint32_t file, Diagnostics& diags);

/// The text with a leading UTF-8 byte-order mark removed.
std::string_view strip_bom(std::string_view text);

/// True for ids made of [a-z0-9-]+ (not starting or ending with '-').
bool is_slug(std::string_view s);

/// The Location of a toml++ source position in `file`.
Location loc_of(uint32_t file, const toml::source_region& s);

/// What a node is, for messages: "a string", "an integer", "a table", …
std::string_view type_name(const toml::node& n);

/// Reports a toml++ parse error in `text` as `toml-syntax`; when the
/// character at the error is a full-width one or a curly quote (“ ３ ＝ ，),
/// the message names it and the ASCII character to write instead.
void syntax_error(uint32_t file, std::string_view text, const toml::parse_error& e,
                  Diagnostics& diags);

/// Reads the keys of one TOML table, remembering the required ones that are
/// absent, so that finish() can report them together with every key that
/// was not read. Type errors are reported where a key is read.
class Fields {
 public:
  /// `what` names the table in messages ("[plan]", "indicator 'x.y'").
  /// `first_line` is the line of the file where the parsed text began (the
  /// loader hands single records of an actuals file to toml++).
  Fields(const toml::table& t, uint32_t file, Diagnostics& diags, std::string what,
         uint32_t first_line = 1);

  /// The location of the table.
  Location where() const { return loc(t_.source()); }
  /// The location of a key's value (of the table when it is absent).
  Location at(std::string_view key) const;
  /// The node of a key, or nullptr; a required key that is absent is
  /// reported by finish().
  const toml::node* get(std::string_view key, bool required);
  /// Names the table in later messages, e.g. "indicator 'industry.x'".
  void rename(std::string what) { what_ = std::move(what); }

  /// Reports `empty-value`: `key` is an empty string; `hint`, when given,
  /// replaces "write its value".
  void empty_value(std::string_view key, const toml::node& n, std::string_view hint = {});
  /// Reports `wrong-type`: `key` is not `expected` ("a string", …).
  void wrong_type(std::string_view key, const toml::node& n, std::string_view expected);
  /// Reports `bad-enum`: `value` of `key` is none of `words` (nor of the
  /// Chinese words of `zh`), with a suggestion among both: "kind 'x' is not
  /// one of cumulative, level, growth, milestone", or for two words "basis
  /// 'x' is not \"ytd\" or \"period\"", then "(in Chinese 累计, 当期)".
  void bad_word(std::string_view key, std::string_view value, const std::vector<std::string>& words,
                std::span<const WordAlias> zh = {});

  /// A string. A required one may not be empty (`empty-value`, nullopt); an
  /// optional one written empty is returned as "" (free text left blank).
  std::optional<std::string> string(std::string_view key, bool required);
  /// A number (an integer or a float) as an exact decimal of at most 18 digits.
  std::optional<Decimal> number(std::string_view key, bool required);
  /// The same for a node already found (an item of an array).
  std::optional<Decimal> number_of(std::string_view key, const toml::node& n);
  std::optional<int64_t> integer(std::string_view key, bool required);
  /// An integer between `low` and `high`.
  std::optional<int> integer_in(std::string_view key, bool required, int low, int high);
  /// A date that exists (no 2024-02-30).
  std::optional<Date> date(std::string_view key, bool required);
  std::optional<Date> date_of(std::string_view key, const toml::node& n);
  /// An array of strings, none empty; a single string is also accepted (as
  /// an array of one) when `allow_single`. nullopt when absent or when any
  /// item was reported.
  std::optional<std::vector<std::string>> strings(std::string_view key, bool required,
                                                  bool allow_single);
  /// `lead`: one bureau id or several, at least one.
  std::vector<std::string> leads();

  /// A string that is one of an enum's words, or one of the Chinese words
  /// of `zh` for it, parsed with `parse`; nullopt when absent or after
  /// reporting it (bad_word).
  template <typename E>
  std::optional<E> word(std::string_view key, bool required,
                        std::optional<E> (*parse)(std::string_view),
                        const std::vector<std::string>& words, std::span<const WordAlias> zh = {}) {
    auto text = string(key, required);
    if (!text) return std::nullopt;
    // An empty word is a missing value, not a misspelt one.
    if (text->empty()) {
      empty_value(key, *get(key, false));
      return std::nullopt;
    }
    if (auto e = parse(canonical_word(*text, zh))) return e;
    bad_word(key, *text, words, zh);
    return std::nullopt;
  }

  /// Reports every key that was not among `known` as unknown, with a
  /// suggestion. A required key that is absent is reported once: as a
  /// misspelling when an unknown key is close to it, otherwise as missing.
  void finish(std::span<const std::string_view> known);
  void finish(std::initializer_list<std::string_view> known) {
    finish(std::span<const std::string_view>(known.begin(), known.size()));
  }

  /// Where each key of the table was written.
  void key_locations(KeyLocations& out) const;

 private:
  Location loc(const toml::source_region& s) const;

  const toml::table& t_;
  uint32_t file_;
  uint32_t line_offset_;
  Diagnostics& diags_;
  std::string what_;
  std::vector<std::string> missing_;
};

}  // namespace tally
