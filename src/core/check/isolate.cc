#include "core/check/isolate.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/base/fs.h"

namespace tally {

namespace {

// The codes of findings about a whole file: which records it holds is not
// known, so no record can be left out in its place.
bool is_file_finding(const std::string& code) {
  return code == "toml-syntax" || code == "not-utf8" || code == "unreadable-file" ||
         code == "missing-file";
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A line that opens an [[actual]] table ("[[actual]]", "[[ actual ]]", with
// an optional comment after it).
bool is_record_header(std::string_view line) {
  line = trimmed(line);
  if (line.substr(0, 2) != "[[") return false;
  line = trimmed(line.substr(2));
  if (line.substr(0, 6) != "actual") return false;
  line = trimmed(line.substr(6));
  return line.substr(0, 2) == "]]";
}

// The lines of one file: where each [[actual]] starts, and the indicator
// each names on a line `indicator = "…"` (empty when it names none so).
struct RecordLines {
  std::vector<uint32_t> headers;
  std::vector<std::string> indicators;
};

RecordLines record_lines(std::string_view text) {
  RecordLines out;
  uint32_t number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++number;
    if (is_record_header(line)) {
      out.headers.push_back(number);
      out.indicators.emplace_back();
    } else if (!out.headers.empty() && out.indicators.back().empty()) {
      std::string_view t = trimmed(line);
      if (t.substr(0, 9) == "indicator") {
        t = trimmed(t.substr(9));
        if (!t.empty() && t.front() == '=') {
          t = trimmed(t.substr(1));
          if (t.size() >= 2 && t.front() == '"' && t.back() == '"') {
            out.indicators.back() = std::string(t.substr(1, t.size() - 2));
          }
        }
      }
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  return out;
}

}  // namespace

std::string ExcludedRecord::where() const {
  return fmt::format("{}:{}", file, line);
}

std::string ExcludedRecord::reason() const {
  return fmt::format("{}", fmt::join(reasons, "; "));
}

std::vector<ExcludedRecord> isolate_bad_records(Plan& plan, const SourceFiles& files,
                                                Diagnostics& diags) {
  if (!diags.has_errors()) return {};
  const std::string prefix = join_path(plan.actuals_dir, "");
  auto is_actuals_file = [&](uint32_t file) {
    const std::string& path = files.path(file);
    return file != 0 && path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0;
  };
  // A file with a finding about the whole of it keeps all its findings.
  std::set<uint32_t> whole;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::kError && is_actuals_file(d.loc.file) &&
        (is_file_finding(d.code) || d.loc.line == 0)) {
      whole.insert(d.loc.file);
    }
  }
  std::map<uint32_t, RecordLines> lines;
  // (file, header line) → the record, in file and line order.
  std::map<std::pair<uint32_t, uint32_t>, ExcludedRecord> found;
  Diagnostics kept;
  for (const Diagnostic& d : diags.items()) {
    const uint32_t file = d.loc.file;
    if (d.severity != Severity::kError || !is_actuals_file(file) || whole.count(file)) {
      kept.add(d);
      continue;
    }
    auto it = lines.find(file);
    if (it == lines.end()) it = lines.emplace(file, record_lines(files.text(file))).first;
    const RecordLines& rl = it->second;
    auto after = std::upper_bound(rl.headers.begin(), rl.headers.end(), d.loc.line);
    if (after == rl.headers.begin()) {  // before the first record: about the file
      kept.add(d);
      continue;
    }
    const auto k = static_cast<size_t>(after - rl.headers.begin() - 1);
    ExcludedRecord& r = found[{file, rl.headers[k]}];
    if (r.reasons.empty()) {
      r.file = files.path(file);
      r.line = rl.headers[k];
      r.indicator = rl.indicators[k];
    }
    r.reasons.push_back(d.message);
    r.codes.push_back(d.code);
  }
  if (found.empty()) return {};
  diags = std::move(kept);

  auto& actuals = plan.actuals;
  std::vector<ExcludedRecord> out;
  out.reserve(found.size());
  auto end = std::remove_if(actuals.begin(), actuals.end(), [&](const Actual& a) {
    auto it = found.find({a.loc.file, a.loc.line});
    if (it == found.end()) return false;
    it->second.read = true;
    it->second.indicator = a.indicator;
    return true;
  });
  actuals.erase(end, actuals.end());
  for (auto& [key, r] : found) out.push_back(std::move(r));
  // In the order of the files' paths, as the diagnostics are.
  std::stable_sort(out.begin(), out.end(), [](const ExcludedRecord& a, const ExcludedRecord& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  return out;
}

std::vector<const ExcludedRecord*> excluded_for(const std::vector<ExcludedRecord>& excluded,
                                                std::string_view indicator) {
  std::vector<const ExcludedRecord*> out;
  for (const ExcludedRecord& r : excluded) {
    if (r.indicator.empty() || r.indicator == indicator) out.push_back(&r);
  }
  return out;
}

}  // namespace tally
