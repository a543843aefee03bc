// An optional kept in its value's own bytes, for the records a ledger holds
// by the million.
#pragma once

#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include "core/base/units.h"

namespace tally {

/// How a PackedOptional<T> marks "no value": Traits::empty() is a value T
/// never takes, and Traits::is_empty(v) tells it.
template <class T>
struct PackedEmpty;

/// A Decimal's scale is 0 … 18: -1 marks none.
template <>
struct PackedEmpty<Decimal> {
  static constexpr Decimal empty() { return Decimal{0, -1}; }
  static constexpr bool is_empty(const Decimal& d) { return d.scale < 0; }
};

/// A percent is a number: a NaN marks none.
template <>
struct PackedEmpty<double> {
  static constexpr double empty() { return std::numeric_limits<double>::quiet_NaN(); }
  static bool is_empty(double v) { return std::isnan(v); }
};

/// std::optional<T> without its flag: sizeof(T), where std::optional<T>
/// takes up to twice that. It reads and assigns as std::optional does
/// (bool, *, ->, has_value, value_or, reset, ==) and converts to one. A
/// value equal to PackedEmpty<T>::empty() cannot be held: assigning it is
/// assigning none.
template <class T>
class PackedOptional {
 public:
  constexpr PackedOptional() = default;
  constexpr PackedOptional(std::nullopt_t) {}
  constexpr PackedOptional(const T& v) : v_(v) {}
  constexpr PackedOptional(const std::optional<T>& o) : v_(o ? *o : Empty::empty()) {}

  constexpr bool has_value() const { return !Empty::is_empty(v_); }
  constexpr explicit operator bool() const { return has_value(); }
  constexpr const T& operator*() const { return v_; }
  constexpr T& operator*() { return v_; }
  constexpr const T* operator->() const { return &v_; }
  constexpr T* operator->() { return &v_; }
  /// The value; std::bad_optional_access when there is none.
  constexpr const T& value() const {
    if (!has_value()) throw std::bad_optional_access();
    return v_;
  }
  constexpr T value_or(const T& other) const { return has_value() ? v_ : other; }
  constexpr void reset() { v_ = Empty::empty(); }
  template <class... Args>
  constexpr T& emplace(Args&&... args) {
    v_ = T(std::forward<Args>(args)...);
    return v_;
  }
  constexpr operator std::optional<T>() const {
    return has_value() ? std::optional<T>(v_) : std::nullopt;
  }

  friend constexpr bool operator==(const PackedOptional& a, const PackedOptional& b) {
    return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
  }
  friend constexpr bool operator==(const PackedOptional& a, std::nullopt_t) {
    return !a.has_value();
  }

 private:
  using Empty = PackedEmpty<T>;
  T v_ = Empty::empty();
};

}  // namespace tally
