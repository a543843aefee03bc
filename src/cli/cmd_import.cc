// tally import: record the rows of a CSV file or of a workbook's first
// sheet, all or nothing.

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstring>

#include "cli/context.h"
#include "cli/recording.h"
#include "core/base/text.h"
#include "core/model/actual_fields.h"
#include "core/read/csv.h"
#include "core/read/encoding.h"
#include "core/read/xlsx.h"
#include "core/render/fill_in.h"

namespace tally {

namespace {

struct ImportArgs {
  std::string file;
  std::string encoding = "utf-8";
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

// The headings a column may have besides its key: those of tally's own
// sheets (`tally template`, the report's CSV) and of an office's own.
struct ColumnName {
  ActualKey key;
  std::string_view name;
};
constexpr ColumnName kColumnNames[] = {
    {ActualKey::kIndicator, "指标编号"},  {ActualKey::kIndicator, "id"},
    {ActualKey::kPeriod, "期别"},         {ActualKey::kPeriod, "报告期"},
    {ActualKey::kValue, "本期实绩/状态"}, {ActualKey::kValue, "本期实绩"},
    {ActualKey::kValue, "实绩"},          {ActualKey::kValue, "数值"},
    {ActualKey::kBy, "报送单位"},         {ActualKey::kSource, "来源"},
    {ActualKey::kNote, "备注"},           {ActualKey::kReason, "更正原因"},
    {ActualKey::kHighlight, "特色亮点"},
};

// The field a heading names: its key (any case) or another of its names.
const ActualField* column_named(const std::string& heading) {
  std::string name = heading;
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const ActualField* c : columns())
    if (c->key == name) return c;
  for (const ColumnName& n : kColumnNames) {
    if (n.name != name) continue;
    const ActualField& f = kActualFields[static_cast<size_t>(n.key)];
    return f.typed ? &f : nullptr;
  }
  return nullptr;
}

// "a, b and c".
std::string and_list(const std::vector<std::string>& words) {
  if (words.size() < 2) return words.empty() ? "" : words[0];
  std::vector<std::string> head(words.begin(), words.end() - 1);
  return fmt::format("{} and {}", fmt::join(head, ", "), words.back());
}

// Reads the header: for each column of the file, the field it fills, or
// null for a column of `tally template` that only informs the bureau
// (name, unit, target, last value, expected value), which is read past.
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
  const auto& informative = fill_in_informative_headings();
  std::vector<const ActualField*> out;
  for (const auto& f : fields) {
    const std::string name(trim(f));
    const ActualField* field = column_named(name);
    if (!field) {
      if (std::find(informative.begin(), informative.end(), name) != informative.end()) {
        out.push_back(nullptr);
        continue;
      }
      std::vector<std::string> names = keys;
      for (const ColumnName& n : kColumnNames) names.emplace_back(n.name);
      std::vector<std::string> zh;
      for (const ColumnName& n : kColumnNames)
        if (static_cast<unsigned char>(n.name[0]) >= 0x80 &&
            std::none_of(zh.begin(), zh.end(), [&](const std::string& z) {
              return column_named(z) == column_named(std::string(n.name));
            }))
          zh.emplace_back(n.name);
      *error =
          with_suggestion(fmt::format("unknown column '{}'", name), name, names) +
          fmt::format("; the columns are {} (or {})", fmt::join(keys, ", "), fmt::join(zh, ", "));
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), field) != out.end()) {
      *error = fmt::format("column '{}' appears twice", field->key);
      return std::nullopt;
    }
    out.push_back(field);
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

// The rows of a file as proposals; rows of the wrong shape are errors.
// Rows of blanks are skipped, and so are the rows of a fill-in sheet
// (`tally template`, which has read-past columns) that the bureau left
// blank: nothing in value, source, note or reason. Returns how many of
// those were skipped.
size_t read_rows(const CsvResult& csv, const std::vector<const ActualField*>& header, bool workbook,
                 std::vector<ProposedActual>& rows, std::vector<LineError>& errors) {
  const bool fill_in = std::find(header.begin(), header.end(), nullptr) != header.end();
  size_t left_blank = 0;
  for (size_t r = 1; r < csv.rows.size(); ++r) {
    CsvRow row = csv.rows[r];
    if (all_empty(row)) continue;
    // A workbook leaves out the empty cells at the end of a row.
    if (workbook && row.fields.size() < header.size()) row.fields.resize(header.size());
    if (row.fields.size() != header.size()) {
      errors.push_back({row.line, fmt::format("{} fields, but the header names {} columns",
                                              row.fields.size(), header.size())});
      continue;
    }
    ProposedActual p;
    p.line = row.line;
    for (size_t c = 0; c < header.size(); ++c)
      if (header[c]) p.*header[c]->typed = row.fields[c];
    if (fill_in && trim(p.value).empty() && trim(p.source).empty() && trim(p.note).empty() &&
        trim(p.reason).empty()) {
      ++left_blank;
      continue;
    }
    rows.push_back(std::move(p));
  }
  return left_blank;
}

// Prints what was appended (a dry run: what would be, and the text).
int report_imported(const Context& ctx, const ImportArgs& args, const RecordOutcome& outcome,
                    size_t left_blank) {
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
  ctx.note(fmt::format(
      "{} {} record{} from {}{}",
      args.dry_run ? "dry run: nothing was written; would import" : "imported", total,
      total == 1 ? "" : "s", args.file == "-" ? "standard input" : args.file,
      left_blank == 0
          ? ""
          : fmt::format(" ({} row{} left blank)", left_blank, left_blank == 1 ? "" : "s")));
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

// The whole of FILE: `-` is standard input, and a pipe (`/dev/stdin`,
// `<(…)`) is read to its end like a file. nullopt after saying why not,
// with the exit code in `*rc`.
std::optional<std::string> read_input(const Context& ctx, const std::string& path, int* rc) {
  const int fd = path == "-" ? ::dup(STDIN_FILENO) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const bool missing = errno == ENOENT;
    ctx.error(missing ? fmt::format("{}: no such file", path)
                      : fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    *rc = missing ? kExitUsage : kExitEnvironment;
    return std::nullopt;
  }
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    ctx.error(fmt::format("{}: is a directory; give the CSV file", path));
    *rc = kExitUsage;
    return std::nullopt;
  }
  std::string text;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ctx.error(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
      ::close(fd);
      *rc = kExitEnvironment;
      return std::nullopt;
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return text;
}

int run_import(const ImportArgs& args, Context& ctx) {
  const std::string path = args.file == "-" ? "<stdin>" : args.file;
  int rc = kExitOk;
  auto text = read_input(ctx, args.file, &rc);
  if (!text) return rc;
  std::string error;
  auto fail = [&](uint32_t line, const std::string& message) {
    if (line == 0) {
      fmt::print(ctx.err, "{}: {}\n", path, message);
    } else {
      fmt::print(ctx.err, "{}:{}: {}\n", path, line, message);
    }
    ctx.error(fmt::format("{}: nothing was imported", path));
    return kExitInvalid;
  };
  // A workbook is a zip archive; anything else is read as CSV.
  const bool workbook = text->starts_with("PK\x03\x04");
  CsvResult csv;
  if (workbook) {
    if (!xlsx_supported()) {
      ctx.error(fmt::format("{}: {}", path, xlsx_missing()));
      return kExitUsage;
    }
    if (args.encoding != "utf-8") {
      ctx.error(
          fmt::format("--encoding {}: {} is a workbook, whose text is always Unicode; "
                      "--encoding is for CSV files",
                      args.encoding, path));
      return kExitUsage;
    }
    csv = read_xlsx(*text);
  } else {
    auto line_of = [&](size_t offset) {
      return static_cast<uint32_t>(std::count(text->begin(), text->begin() + offset, '\n') + 1);
    };
    if (args.encoding == "utf-8") {
      if (auto bad = find_invalid_utf8(*text)) {
        return fail(line_of(*bad),
                    fmt::format("the file is not UTF-8: byte 0x{:02X} at offset {}; Excel's \"CSV "
                                "(逗号分隔)\" saves GBK: import it with --encoding gbk, or save "
                                "as \"CSV UTF-8 (逗号分隔)\"",
                                static_cast<unsigned char>((*text)[*bad]), *bad));
      }
    } else {
      size_t bad = 0;
      auto utf8 = to_utf8(*text, args.encoding, &error, &bad);
      if (!utf8) return fail(line_of(bad), fmt::format("--encoding {}: {}", args.encoding, error));
      *text = std::move(*utf8);
    }
    csv = parse_csv(*text);
  }
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
  const size_t left_blank = read_rows(csv, *header, workbook, rows, errors);
  if (rows.empty() && errors.empty()) {
    ctx.note(fmt::format("{}: no rows to import{}", path,
                         left_blank == 0 ? ""
                                         : fmt::format(" ({} row{} left blank)", left_blank,
                                                       left_blank == 1 ? "" : "s")));
    return kExitOk;
  }
  auto options = write_options(ctx, FieldNames::columns(), args.dry_run || !errors.empty());
  if (!options) return kExitUsage;
  options->force = args.force;
  RecordOutcome outcome = record_actuals(*ctx.loaded, rows, *options);
  for (const auto& r : outcome.refusals) errors.push_back({rows[r.row].line, r.message});
  if (outcome.status == RecordOutcome::Status::kOk && errors.empty()) {
    return report_imported(ctx, args, outcome, left_blank);
  }
  if (outcome.status == RecordOutcome::Status::kFailed || errors.empty()) {
    return report_not_written(ctx, outcome, [](const Refusal&) {});
  }
  report_recovered(ctx, outcome);
  return report_lines(ctx, path, std::move(errors));
}

}  // namespace

Runner setup_import(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  app.add_option("FILE", args->file,
                 fmt::format("CSV file or .xlsx workbook (its first sheet) with the columns {} "
                             "(or their Chinese headings); - for standard input",
                             fmt::join(typed_keys(), ",")))
      ->required();
  app.add_option("--encoding", args->encoding, "The CSV file's encoding: utf-8 (default) or gbk")
      ->check(CLI::IsMember(encoding_names()));
  app.add_flag("--dry-run", args->dry_run,
               "Validate and print what would be appended; write nothing");
  app.add_flag("--force", args->force,
               "Record figures far outside their indicator's range (10× its target or "
               "largest figure; a growth rate beyond ±100%)");
  return [args](Context& ctx) { return run_import(*args, ctx); };
}

}  // namespace tally
