// Texts that many records share, kept once: the store behind the views in
// an Actual (its indicator, bureau, unit, source, note and reason).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tally {

/// A view of text that something else keeps: a TextStore, the plan, a
/// proposal, a literal. It is a std::string_view that cannot be made from a
/// temporary std::string, whose buffer would be gone before the view is
/// read (`a.note = fmt::format(…)` does not compile; keep the text in a
/// TextStore and assign the view it returns).
struct Text : std::string_view {
  constexpr Text() = default;
  constexpr Text(std::string_view s) : std::string_view(s) {}
  constexpr Text(const char* s) : std::string_view(s) {}
  Text(const std::string& s) : std::string_view(s) {}
  Text(std::string&&) = delete;
  std::string str() const { return std::string(*this); }
  /// A copy, where a std::string is wanted (a table cell, a message).
  operator std::string() const { return str(); }
};

/// Keeps texts for as long as it lives, each distinct text once, in blocks
/// that never move: a view it returns stays valid when the store is moved,
/// and until the store is destroyed. One store is filled by one thread; the
/// loader gives each actuals file its own and the plan keeps them all
/// (Plan::texts), so a record never outlives the texts it views.
class TextStore {
 public:
  TextStore() = default;
  TextStore(TextStore&&) noexcept = default;
  TextStore& operator=(TextStore&&) noexcept = default;
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  /// A view of a kept copy of `s` (the same view for equal texts); the
  /// empty view for an empty text. `slot` says which field of a record
  /// the text is (any number; the reader uses the field's): a text equal
  /// to the last one kept in the same slot is found without hashing, as
  /// a file's records repeat their bureau, source, unit and often note.
  Text keep(std::string_view s, size_t slot = 0);
  /// The bytes of text kept, for the benchmarks.
  size_t bytes() const { return bytes_; }

 private:
  /// Copies a text not kept yet into the blocks.
  std::string_view add(std::string_view s);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  size_t left_ = 0;
  size_t bytes_ = 0;
  /// The texts kept, by hash: open addressing with linear probing, a
  /// power of two of places at most half full. One allocation for all,
  /// where a node-based set took one per text.
  struct Entry {
    const char* data = nullptr;  ///< nullptr: a free place
    uint32_t size = 0;
    uint32_t hash = 0;  ///< the text's hash, which places it
  };
  std::vector<Entry> table_;
  size_t count_ = 0;
  static constexpr size_t kSlots = 16;
  std::string_view last_[kSlots];
};

}  // namespace tally
