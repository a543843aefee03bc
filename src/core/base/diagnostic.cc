#include "core/base/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/base/text.h"

namespace tally {

namespace {

// The longest excerpt shown, in characters.
constexpr size_t kExcerptChars = 100;

}  // namespace

SourceFiles::SourceFiles() {
  add({}, {});
}

uint32_t SourceFiles::add(std::string path, std::string text) {
  paths_.push_back(std::move(path));
  texts_.push_back(std::move(text));
  line_starts_.emplace_back();
  indexed_.emplace_back();
  released_.emplace_back();
  reread_.emplace_back();
  return static_cast<uint32_t>(paths_.size() - 1);
}

uint32_t SourceFiles::add_released(std::string path, size_t size, uint64_t print, Reader reader) {
  const uint32_t file = add(std::move(path), {});
  released_[file] = Released{size, print, std::move(reader)};
  return file;
}

void SourceFiles::reread(uint32_t file) const {
  std::call_once(reread_[file], [&] {
    const Released& r = released_[file];
    std::optional<std::string> text = r.reader(paths_[file]);
    if (text && text->size() == r.size && fingerprint(*text) == r.print) {
      texts_[file] = std::move(*text);
    }
  });
}

std::string_view SourceFiles::line_text(uint32_t file, uint32_t line) const {
  if (file == 0 || file >= texts_.size() || line == 0) return {};
  std::string_view t = text(file);
  std::call_once(indexed_[file], [&] {
    std::vector<size_t>& starts = line_starts_[file];
    starts.reserve(static_cast<size_t>(std::count(t.begin(), t.end(), '\n')) + 1);
    starts.push_back(0);
    for (size_t p = t.find('\n'); p != t.npos; p = t.find('\n', p + 1)) starts.push_back(p + 1);
  });
  const std::vector<size_t>& starts = line_starts_[file];
  if (line > starts.size()) return {};
  const size_t pos = starts[line - 1];
  size_t end = t.find('\n', pos);
  std::string_view s = t.substr(pos, end == t.npos ? t.npos : end - pos);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  // A BOM on the first line is not part of what the user sees.
  if (line == 1 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

void Diagnostics::error(Location loc, std::string code, std::string message) {
  items_.push_back({Severity::kError, loc, std::move(message), std::move(code)});
  ++errors_;
}

void Diagnostics::warning(Location loc, std::string code, std::string message) {
  items_.push_back({Severity::kWarning, loc, std::move(message), std::move(code)});
}

void Diagnostics::sort(const SourceFiles& files) {
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const auto& pa = files.path(a.loc.file);
    const auto& pb = files.path(b.loc.file);
    if (pa != pb) return pa < pb;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.loc.col < b.loc.col;
  });
}

std::string format_diagnostic(const Diagnostic& d, const SourceFiles& files, bool color) {
  const bool is_error = d.severity == Severity::kError;
  const char* bold = color ? "\x1b[1m" : "";
  const char* sev_color = color ? (is_error ? "\x1b[1;31m" : "\x1b[1;35m") : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::string out;
  std::string where = files.path(d.loc.file);
  if (d.loc.line > 0) {
    where += fmt::format(":{}:{}", d.loc.line, d.loc.col);
  }
  if (!where.empty()) out += fmt::format("{}{}:{} ", bold, where, reset);
  out += fmt::format("{}{}:{} {} [{}]\n", sev_color, is_error ? "error" : "warning", reset,
                     inert(d.message), d.code);
  // The excerpt is re-encoded from its code points, so a line that is not
  // UTF-8 (the `not-utf8` finding) shows U+FFFD for each bad byte and the
  // output stays valid UTF-8.
  const auto cps = decode_utf8(files.line_text(d.loc.file, d.loc.line));
  if (!cps.empty()) {
    // A very long line (a runaway string, minified data) is shown as a
    // window of kExcerptChars characters around the column.
    const size_t col = std::min<size_t>(d.loc.col > 0 ? d.loc.col - 1 : 0, cps.size());
    size_t first = 0, last = cps.size();
    if (cps.size() > kExcerptChars) {
      first = col > kExcerptChars / 2 ? col - kExcerptChars / 2 : 0;
      last = std::min(cps.size(), first + kExcerptChars);
    }
    std::string excerpt = first > 0 ? "…" : "";
    // The caret sits under the column, counted in display columns so it
    // lines up under Chinese text too; a tab stays a tab so the terminal
    // moves both lines to the same stop.
    std::string indent = first > 0 ? " " : "";
    for (size_t i = first; i < last; ++i) {
      // Control characters (NUL in a UTF-16 file, a stray escape) would act
      // on the terminal; they show as U+FFFD.
      const bool control = (cps[i] < 0x20 && cps[i] != U'\t') || cps[i] == 0x7F;
      std::string one;
      append_utf8(one, control ? 0xFFFD : cps[i]);
      excerpt += one;
      if (i < col) indent += cps[i] == U'\t' ? "\t" : std::string(display_width(one), ' ');
    }
    if (last < cps.size()) excerpt += "…";
    out += fmt::format("  {}\n  {}{}^{}\n", excerpt, indent, color ? "\x1b[1;32m" : "", reset);
  }
  return out;
}

std::string format_diagnostics_json(const Diagnostics& diags, const SourceFiles& files) {
  std::string out = "{\n  \"version\": 1,\n";
  out += fmt::format("  \"errors\": {},\n  \"warnings\": {},\n  \"diagnostics\": [",
                     diags.error_count(), diags.warning_count());
  bool first = true;
  for (const auto& d : diags.items()) {
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format(
        "    {{\"file\": \"{}\", \"line\": {}, \"col\": {}, \"severity\": \"{}\", "
        "\"code\": \"{}\", \"message\": \"{}\"}}",
        json_escape(files.path(d.loc.file)), d.loc.line, d.loc.col,
        d.severity == Severity::kError ? "error" : "warning", json_escape(d.code),
        json_escape(d.message));
  }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

namespace {

// Levenshtein distance between two strings of code points.
size_t distance(const std::vector<char32_t>& x, const std::vector<char32_t>& y) {
  std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  return distance(decode_utf8(a), decode_utf8(b));
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  // A likely typo: about a third of the word may differ, at least one edit.
  // Each text is decoded once: a plan of 100k unknown keys asks this 100k
  // times.
  const std::vector<char32_t> w = decode_utf8(word);
  const size_t len = w.size();
  const size_t limit = std::max<size_t>(1, (len + 2) / 3);
  const std::string* best = nullptr;
  size_t best_d = SIZE_MAX;
  for (const auto& c : candidates) {
    // A candidate whose length differs by more than the limit cannot be
    // close enough; skipping it keeps a megabyte-long unknown id from
    // costing a megabyte-by-id distance table per candidate. Its length in
    // bytes bounds its length in code points from above and, over 4, below.
    if (c.size() + limit < len || c.size() / 4 > len + limit) continue;
    const std::vector<char32_t> cc = decode_utf8(c);
    if ((cc.size() > len ? cc.size() - len : len - cc.size()) > limit) continue;
    size_t d = distance(w, cc);
    if (d < best_d) {
      best_d = d;
      best = &c;
    }
  }
  if (best_d == 0 || best_d > limit) return {};
  return *best;
}

std::string with_suggestion(std::string message, std::string_view word,
                            const std::vector<std::string>& candidates) {
  std::string c = closest(word, candidates);
  if (!c.empty()) message += fmt::format(" (did you mean '{}'?)", c);
  return message;
}

}  // namespace tally
