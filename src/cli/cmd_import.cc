// tally import: record the rows of a CSV file, all or nothing.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/context.h"
#include "cli/recording.h"
#include "core/base/fs.h"
#include "core/base/text.h"
#include "core/model/actual_fields.h"
#include "core/read/csv.h"

namespace tally {

namespace {

struct ImportArgs {
  std::string file;
  bool dry_run = false;
  bool force = false;
};

// A problem with one line of the CSV file.
struct LineError {
  uint32_t line;
  std::string message;
};

// The columns a CSV file may have: the keys the user types, as
// model/actual_fields.h lists them.
const std::vector<const ActualField*>& columns() {
  static const std::vector<const ActualField*> kColumns = [] {
    std::vector<const ActualField*> out;
    for (const ActualField& f : kActualFields)
      if (f.typed) out.push_back(&f);
    return out;
  }();
  return kColumns;
}

// "a, b and c".
std::string and_list(const std::vector<std::string>& words) {
  if (words.size() < 2) return words.empty() ? "" : words[0];
  std::vector<std::string> head(words.begin(), words.end() - 1);
  return fmt::format("{} and {}", fmt::join(head, ", "), words.back());
}

// Reads the header: for each column of the file, the field it fills.
std::optional<std::vector<const ActualField*>> read_header(const CsvRow& header,
                                                           std::string* error) {
  const auto& fields = header.fields;
  const std::vector<std::string> keys = typed_keys();
  if (fields.size() == 1 && fields[0].find_first_of(";\t") != std::string::npos) {
    *error = fmt::format(
        "the columns are separated by ';' or tabs; save the file as CSV with commas ({})",
        fmt::join(keys, ","));
    return std::nullopt;
  }
  std::vector<const ActualField*> out;
  for (const auto& f : fields) {
    std::string name(trim(f));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto it = std::find_if(columns().begin(), columns().end(),
                           [&](const ActualField* c) { return c->key == name; });
    if (it == columns().end()) {
      *error = with_suggestion(fmt::format("unknown column '{}'", name), name, keys) +
               fmt::format("; the columns are {}", fmt::join(keys, ", "));
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), *it) != out.end()) {
      *error = fmt::format("column '{}' appears twice", name);
      return std::nullopt;
    }
    out.push_back(*it);
  }
  std::vector<std::string> required, optional;
  for (const ActualField* c : columns())
    (c->typed_required ? required : optional).emplace_back(c->key);
  for (const ActualField* c : columns()) {
    if (c->typed_required && std::find(out.begin(), out.end(), c) == out.end()) {
      *error = fmt::format("no column '{}'; the header must name {} ({} are optional)", c->key,
                           and_list(required), and_list(optional));
      return std::nullopt;
    }
  }
  return out;
}

bool all_empty(const CsvRow& row) {
  return std::all_of(row.fields.begin(), row.fields.end(),
                     [](const std::string& f) { return trim(f).empty(); });
}

// The rows of a CSV file as proposals; rows of the wrong shape are errors.
// Rows of blanks are skipped.
void read_rows(const CsvResult& csv, const std::vector<const ActualField*>& header,
               std::vector<ProposedActual>& rows, std::vector<LineError>& errors) {
  for (size_t r = 1; r < csv.rows.size(); ++r) {
    const CsvRow& row = csv.rows[r];
    if (all_empty(row)) continue;
    if (row.fields.size() != header.size()) {
      errors.push_back({row.line, fmt::format("{} fields, but the header names {} columns",
                                              row.fields.size(), header.size())});
      continue;
    }
    ProposedActual p;
    p.line = row.line;
    for (size_t c = 0; c < header.size(); ++c) p.*header[c]->typed = row.fields[c];
    rows.push_back(std::move(p));
  }
}

// Prints what was appended (a dry run: what would be, and the text).
int report_imported(const Context& ctx, const ImportArgs& args, const RecordOutcome& outcome) {
  size_t total = 0;
  for (const auto& f : outcome.appended) {
    total += f.records;
    if (args.dry_run) {
      fmt::print(ctx.out, "# {}: {} record{} would be appended{}\n{}", f.path, f.records,
                 f.records == 1 ? "" : "s", f.created ? " (new file)" : "", f.appended);
    } else {
      fmt::print(ctx.out, "{}: {} record{} appended{}\n", f.path, f.records,
                 f.records == 1 ? "" : "s", f.created ? " (new file)" : "");
    }
  }
  ctx.note(fmt::format("{} {} record{} from {}",
                       args.dry_run ? "dry run: nothing was written; would import" : "imported",
                       total, total == 1 ? "" : "s", args.file));
  report_warnings(ctx, outcome);
  return kExitOk;
}

// Prints every problem with its line, in line order, then how many rows
// cannot be recorded.
int report_lines(const Context& ctx, const std::string& path, std::vector<LineError> errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const LineError& a, const LineError& b) { return a.line < b.line; });
  for (const auto& e : errors) fmt::print(ctx.err, "{}:{}: {}\n", path, e.line, e.message);
  size_t bad_lines = 0;
  for (size_t k = 0; k < errors.size(); ++k) {
    bad_lines += k == 0 || errors[k].line != errors[k - 1].line ? 1 : 0;
  }
  ctx.error(fmt::format("{}: {} row{} cannot be recorded; nothing was imported", path, bad_lines,
                        bad_lines == 1 ? "" : "s"));
  return kExitInvalid;
}

int run_import(const ImportArgs& args, Context& ctx) {
  const std::string& path = args.file;
  DiskFileSystem fs;
  if (!fs.is_file(path)) {
    ctx.error(fmt::format("{}: no such file", path));
    return kExitUsage;
  }
  std::string error;
  auto text = fs.read(path, &error);
  if (!text) {
    ctx.error(fmt::format("cannot read {}: {}", path, error));
    return kExitEnvironment;
  }
  auto fail = [&](uint32_t line, const std::string& message) {
    fmt::print(ctx.err, "{}:{}: {}\n", path, line, message);
    ctx.error(fmt::format("{}: nothing was imported", path));
    return kExitInvalid;
  };
  if (auto bad = find_invalid_utf8(*text)) {
    auto line = static_cast<uint32_t>(std::count(text->begin(), text->begin() + *bad, '\n') + 1);
    return fail(line, fmt::format("the file is not UTF-8: byte 0x{:02X} at offset {}; Excel's "
                                  "\"CSV (逗号分隔)\" saves GBK, save as \"CSV UTF-8 (逗号分隔)\"",
                                  static_cast<unsigned char>((*text)[*bad]), *bad));
  }
  CsvResult csv = parse_csv(*text);
  if (csv.error) return fail(csv.error->line, csv.error->message);
  if (csv.rows.empty()) {
    return fail(1, fmt::format("the file is empty; the first line names the columns {}",
                               fmt::join(typed_keys(), ",")));
  }
  auto header = read_header(csv.rows.front(), &error);
  if (!header) return fail(csv.rows.front().line, error);

  // Every row, its shape first; rows of the right shape are then validated
  // together, so the user sees every problem of the file at once.
  std::vector<LineError> errors;
  std::vector<ProposedActual> rows;
  read_rows(csv, *header, rows, errors);
  if (rows.empty() && errors.empty()) {
    ctx.note(fmt::format("{}: no rows to import", path));
    return kExitOk;
  }
  auto options = write_options(ctx, FieldNames::columns(), args.dry_run || !errors.empty());
  if (!options) return kExitUsage;
  options->force = args.force;
  RecordOutcome outcome = record_actuals(*ctx.loaded, rows, *options);
  for (const auto& r : outcome.refusals) errors.push_back({rows[r.row].line, r.message});
  if (outcome.status == RecordOutcome::Status::kOk && errors.empty()) {
    return report_imported(ctx, args, outcome);
  }
  if (outcome.status == RecordOutcome::Status::kFailed || errors.empty()) {
    return report_not_written(ctx, outcome, [](const Refusal&) {});
  }
  return report_lines(ctx, path, std::move(errors));
}

}  // namespace

Runner setup_import(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  app.add_option("FILE", args->file,
                 fmt::format("CSV file with the columns {}", fmt::join(typed_keys(), ",")))
      ->required();
  app.add_flag("--dry-run", args->dry_run,
               "Validate and print what would be appended; write nothing");
  app.add_flag("--force", args->force,
               "Record figures far outside their indicator's range (10× its target or "
               "largest figure; a growth rate beyond ±100%)");
  return [args](Context& ctx) { return run_import(*args, ctx); };
}

}  // namespace tally
