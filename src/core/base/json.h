// A small streaming JSON writer with stable, pretty output.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/units.h"

namespace tally {

/// Writes JSON with two-space indentation; keys appear in the order written,
/// so output is deterministic.
class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  JsonWriter& value(int64_t n);
  JsonWriter& value(int n) { return value(static_cast<int64_t>(n)); }
  JsonWriter& value(size_t n) { return value(static_cast<int64_t>(n)); }
  /// A double rounded to `digits` decimals (trailing zeros dropped).
  JsonWriter& number(double d, int digits = 6);
  /// An exact decimal, written as a JSON number.
  JsonWriter& value(const Decimal& d);
  JsonWriter& null();
  JsonWriter& strings(const std::vector<std::string>& items);
  /// Key and value in one call; nullopt writes null.
  template <typename T>
  JsonWriter& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  template <typename T>
  JsonWriter& field(std::string_view k, const std::optional<T>& v) {
    key(k);
    return v ? value(*v) : null();
  }
  std::string str() const { return out_ + "\n"; }

 private:
  void before_value();
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

/// Formats a double with at most `digits` decimals, no trailing zeros.
std::string format_number(double d, int digits);

}  // namespace tally
