// Diagnostics: what went wrong, where, and how to fix it.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally {

/// A position in one of the files a pass read. `file` indexes SourceFiles;
/// line and column are 1-based, column counted in characters (code points).
/// A Location with line 0 names the whole file.
struct Location {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t col = 0;
};

enum class Severity { kError, kWarning };

/// One finding: a located message with a stable code such as `unknown-key`.
struct Diagnostic {
  Severity severity = Severity::kError;
  Location loc;
  std::string message;
  std::string code;
};

/// The text of every file a pass read, so diagnostics can show the line
/// they point at. Index 0 is reserved for "no file" (command-line arguments).
class SourceFiles {
 public:
  using Reader = std::function<std::optional<std::string>(const std::string& path)>;

  SourceFiles();
  /// Registers a file and its text; returns its index for Locations.
  uint32_t add(std::string path, std::string text);
  /// Registers a file whose text was read and not kept (the actuals files
  /// of a command that writes nothing: kept, they were a third of the
  /// memory of a report). text() reads it again with `reader` the first
  /// time it is asked for, and gives it only when it is still the text
  /// that was read: `size` bytes whose fingerprint() is `print`. A file
  /// changed since reads as empty, so no finding shows a line that is not
  /// the one it was made on.
  uint32_t add_released(std::string path, size_t size, uint64_t print, Reader reader);
  const std::string& path(uint32_t file) const { return paths_[file]; }
  const std::string& text(uint32_t file) const {
    if (file < released_.size() && released_[file].reader) reread(file);
    return texts_[file];
  }
  /// The line `line` (1-based) of `file` without its line end; empty if absent.
  std::string_view line_text(uint32_t file, uint32_t line) const;
  size_t size() const { return paths_.size(); }

 private:
  struct Released {
    size_t size = 0;
    uint64_t print = 0;
    Reader reader;
  };
  /// Reads a released file again, once even across threads.
  void reread(uint32_t file) const;

  std::vector<std::string> paths_;
  /// A deque: a text stays where it is as files are added, and a writer
  /// may point at the text it is about to write (FileReplacement::kept).
  mutable std::deque<std::string> texts_;
  /// By file, how to read a released one again (empty for the others).
  std::vector<Released> released_;
  mutable std::deque<std::once_flag> reread_;
  /// Per file, the offset where each line starts, so a file with many
  /// findings costs one scan, not one per finding. Made when line_text
  /// first needs it (most runs print no excerpt, and for a million records
  /// the index costs more than their parse), once even across threads.
  mutable std::deque<std::once_flag> indexed_;
  mutable std::vector<std::vector<size_t>> line_starts_;
};

/// Collects the diagnostics of a pass; they are reported together.
class Diagnostics {
 public:
  void error(Location loc, std::string code, std::string message);
  void warning(Location loc, std::string code, std::string message);
  /// Adds a finding made elsewhere; an error counts as one, as with error().
  void add(Diagnostic d) {
    if (d.severity == Severity::kError) ++errors_;
    items_.push_back(std::move(d));
  }
  /// Moves the findings of `other` (a pass run apart, e.g. on another
  /// thread) to the end of this list.
  void append(Diagnostics&& other) {
    items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()),
                  std::make_move_iterator(other.items_.end()));
    errors_ += other.errors_;
    other.items_.clear();
    other.errors_ = 0;
  }
  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  size_t warning_count() const { return items_.size() - errors_; }
  bool empty() const { return items_.empty(); }
  /// Sorts by file path, line and column (stable for equal positions).
  void sort(const SourceFiles& files);
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
  size_t errors_ = 0;
};

/// At most this many diagnostics are printed as text in one run; a count
/// says how many more there are (`--format json` lists them all).
inline constexpr size_t kMaxPrintedDiagnostics = 200;

/// Renders one diagnostic as `path:line:col: error: message [code]`, then the
/// source line and a caret under the column (when the line is known). Text
/// from the files in the message shows its control characters (inert()).
std::string format_diagnostic(const Diagnostic& d, const SourceFiles& files, bool color);

/// Renders all diagnostics as a JSON array (stable field order).
std::string format_diagnostics_json(const Diagnostics& diags, const SourceFiles& files);

/// "did you mean" helper: the candidate closest to `word` by edit distance,
/// or empty when none is close enough to be a likely typo.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

/// Levenshtein distance counted in code points.
size_t edit_distance(std::string_view a, std::string_view b);

/// Appends ` (did you mean 'x'?)` to `message` when `closest` finds one.
std::string with_suggestion(std::string message, std::string_view word,
                            const std::vector<std::string>& candidates);

}  // namespace tally
