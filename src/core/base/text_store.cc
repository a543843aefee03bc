#include "core/base/text_store.h"

#include <cstdint>
#include <cstring>

namespace tally {

namespace {

// Most texts are a few dozen bytes; a block holds a few thousand of them,
// and a text longer than a quarter block gets a block of its own.
constexpr size_t kBlock = 64 * 1024;

// 64 bits of `s`, eight bytes at a time (the mixing steps of splitmix64).
uint64_t hash_text(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15u ^ s.size();
  size_t i = 0;
  for (uint64_t w; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9u;
    h ^= h >> 31;
  }
  if (i < s.size()) {
    uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * 0x94D049BB133111EBu;
    h ^= h >> 29;
  }
  return h ^ (h >> 32);
}

}  // namespace

Text TextStore::keep(std::string_view s, size_t slot) {
  if (s.empty()) return {};
  std::string_view& last = last_[slot % kSlots];
  if (last.size() == s.size() && std::memcmp(last.data(), s.data(), s.size()) == 0) return last;
  if (table_.empty()) table_.resize(64);
  // The low half of the hash (the high half folded in) places a text and
  // is kept beside it, so the table grows without hashing a text again.
  const auto hash = static_cast<uint32_t>(hash_text(s));
  size_t mask = table_.size() - 1, at = hash & mask;
  for (; table_[at].data; at = (at + 1) & mask) {
    const Entry& e = table_[at];
    if (e.hash == hash && e.size == s.size() && std::memcmp(e.data, s.data(), s.size()) == 0)
      return last = std::string_view(e.data, e.size);
  }
  const std::string_view view = add(s);
  if (2 * (count_ + 1) > table_.size()) {
    std::vector<Entry> old(table_.size() * 2);
    old.swap(table_);
    mask = table_.size() - 1;
    for (const Entry& e : old) {
      if (!e.data) continue;
      size_t to = e.hash & mask;
      while (table_[to].data) to = (to + 1) & mask;
      table_[to] = e;
    }
    for (at = hash & mask; table_[at].data;) at = (at + 1) & mask;
  }
  table_[at] = Entry{view.data(), static_cast<uint32_t>(view.size()), hash};
  ++count_;
  return last = view;
}

std::string_view TextStore::add(std::string_view s) {
  char* at;
  if (s.size() > kBlock / 4) {
    blocks_.emplace_back(new char[s.size()]);  // not zeroed: written at once
    at = blocks_.back().get();
  } else {
    if (s.size() > left_) {
      blocks_.emplace_back(new char[kBlock]);
      free_ = blocks_.back().get();
      left_ = kBlock;
    }
    at = free_;
    free_ += s.size();
    left_ -= s.size();
  }
  std::memcpy(at, s.data(), s.size());
  bytes_ += s.size();
  return std::string_view(at, s.size());
}

}  // namespace tally
