#include "core/write/add.h"

#include <fmt/format.h>

#include "core/base/text.h"
#include "core/check/check.h"
#include "core/write/transaction.h"

namespace tally {

namespace {

// The disk, with one file read as `text` instead: the plan as it would be.
class WithFile : public FileSystem {
 public:
  WithFile(const FileSystem& base, std::string path, std::string text)
      : base_(base), path_(std::move(path)), text_(std::move(text)) {}
  std::optional<std::string> read(const std::string& path, std::string* error) const override {
    return path == path_ ? std::optional<std::string>(text_) : base_.read(path, error);
  }
  std::vector<std::string> list(const std::string& dir) const override { return base_.list(dir); }
  bool inside(const std::string& path, const std::string& dir, std::string* target) const override {
    return base_.inside(path, dir, target);
  }
  bool is_dir(const std::string& path) const override { return base_.is_dir(path); }
  bool is_file(const std::string& path) const override {
    return path == path_ || base_.is_file(path);
  }
  size_t size_hint(const std::string& path) const override {
    return path == path_ ? text_.size() : base_.size_hint(path);
  }

 private:
  const FileSystem& base_;
  std::string path_;
  std::string text_;
};

std::string entry_text(const ProposedEntry& e) {
  std::string out = e.what == ProposedEntry::What::kBureau
                        ? fmt::format("[bureau.{}]\n", e.bureau_id)
                    : e.what == ProposedEntry::What::kTask ? "[[task]]\n"
                                                           : "[[indicator]]\n";
  for (const auto& [key, value] : e.keys) out += fmt::format("{} = {}\n", key, value);
  return out;
}

}  // namespace

std::string toml_string(const std::string& s) {
  return fmt::format("\"{}\"", toml_escape(s));
}

std::string toml_strings(const std::vector<std::string>& items) {
  std::vector<std::string> q;
  for (const auto& s : items) q.push_back(toml_string(s));
  return fmt::format("[{}]", fmt::join(q, ", "));
}

std::string toml_number(const std::string& s) {
  auto d = parse_decimal(s);
  return d && fits_toml_number(*d) ? s : toml_string(s);
}

std::string toml_date(const std::string& s) {
  return parse_date(s) ? s : toml_string(s);
}

AddOutcome add_entry(const LoadResult& loaded, const ProposedEntry& entry, Date today,
                     int lock_timeout_ms) {
  const Plan& plan = loaded.plan;
  AddOutcome out;
  std::string rel = "bureaus.toml";
  if (entry.what != ProposedEntry::What::kBureau) {
    const Action* a = plan.find_action(entry.action);
    if (!a) {
      out.status = AddOutcome::Status::kRefused;
      out.refusal =
          with_suggestion(fmt::format("--action: the plan has no action '{}'", entry.action),
                          entry.action, plan.action_ids());
      return out;
    }
    rel = a->file;
  }
  out.path = join_path(plan.dir, rel);
  const auto slash = out.path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : out.path.substr(0, slash);
  const std::string name = slash == std::string::npos ? out.path : out.path.substr(slash + 1);
  std::string error;
  auto locked = lock_for_writing(plan.dir, lock_timeout_ms, false, &error);
  if (!locked) {
    out.status = AddOutcome::Status::kFailed;
    out.error = error;
    return out;
  }
  out.recovered = std::move(locked->recovered);
  // An action file is replaced inside actions/: what a crashed add left there
  // is undone under the same lock.
  if (dir != plan.dir && !recover_dir(dir, &out.recovered, &error)) {
    out.status = AddOutcome::Status::kFailed;
    out.error = error;
    return out;
  }
  // The file as it is now, under the lock: another writer may have added to it.
  DiskFileSystem disk;
  auto existing = disk.read(out.path, &error);
  if (!existing) {
    out.status = AddOutcome::Status::kFailed;
    out.error = fmt::format("cannot read {}: {}", out.path, error);
    return out;
  }
  // One blank line between entries, as the files have them.
  std::string sep = existing->empty() || existing->ends_with("\n\n") ? ""
                    : existing->ends_with("\n")                      ? "\n"
                                                                     : "\n\n";
  out.appended = sep + entry_text(entry);
  const std::string new_text = *existing + out.appended;

  WithFile fs(disk, out.path, new_text);
  LoadOptions lo;
  lo.plan_dir = plan.dir;
  lo.skip_actuals = true;
  LoadResult after = load_plan(fs, lo);
  if (!after.fatal) check_plan(after.plan, CheckOptions{today, &after.files}, after.diags);
  after.diags.sort(after.files);
  if (after.diags.has_errors()) {
    out.status = AddOutcome::Status::kRefused;
    for (const auto& d : after.diags.items()) {
      if (d.severity == Severity::kError) out.diags.add(d);
    }
    out.files = std::move(after.files);
    return out;
  }
  if (!replace_files(dir, {{name, new_text}}, &error)) {
    out.status = AddOutcome::Status::kFailed;
    out.error = error;
    return out;
  }
  return out;
}

}  // namespace tally
