#include "core/base/text_store.h"

#include <cstring>

namespace tally {

namespace {

// Most texts are a few dozen bytes; a block holds a few thousand of them,
// and a text longer than a quarter block gets a block of its own.
constexpr size_t kBlock = 64 * 1024;

}  // namespace

Text TextStore::keep(std::string_view s) {
  if (s.empty()) return {};
  for (std::string_view r : recent_)
    if (r.size() == s.size() && std::memcmp(r.data(), s.data(), s.size()) == 0) return r;
  std::string_view view;
  if (auto it = kept_.find(s); it != kept_.end()) {
    view = *it;
  } else {
    view = add(s);
  }
  recent_[next_recent_++ % std::size(recent_)] = view;
  return view;
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
  const std::string_view view(at, s.size());
  kept_.insert(view);
  return view;
}

}  // namespace tally
