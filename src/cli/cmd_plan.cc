// tally plan import|export|compare: a plan from a 分工方案 table, a plan as
// that table, and whether two plans set the same targets.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>

#include "cli/context.h"
#include "cli/report_io.h"
#include "core/base/fs.h"
#include "core/base/text.h"
#include "core/check/check.h"
#include "core/compute/agreement.h"
#include "core/read/encoding.h"
#include "core/read/plan_table.h"
#include "core/read/xlsx.h"
#include "core/render/plan_table.h"
#include "core/render/xlsx.h"
#include "core/write/plan_import.h"

namespace tally {

namespace {

struct PlanArgs {
  CLI::App* import = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* compare = nullptr;
  // import
  std::string table;
  std::string into;
  int year = 0;
  std::string bureaus;
  std::string encoding = "utf-8";
  // export
  std::string format = "csv";
  std::string output;
  std::string action;
  // compare
  std::vector<std::string> dirs;
};

std::string base_name(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Prints the errors of a load, then `what` as the error line; exit 1.
int print_load_errors(const Context& ctx, const LoadResult& r, const std::string& what) {
  for (const auto& d : r.diags.items()) {
    if (d.severity == Severity::kError)
      fmt::print(ctx.err, "{}", format_diagnostic(d, r.files, ctx.color_err));
  }
  ctx.error(what);
  return kExitInvalid;
}

int run_import(const PlanArgs& args, Context& ctx) {
  DiskFileSystem fs;
  std::string error;
  auto bytes = fs.read(args.table, &error);
  if (!bytes) {
    ctx.error(fmt::format("cannot read {}: {}", args.table, error));
    return fs.is_file(args.table) ? kExitEnvironment : kExitUsage;
  }
  // A message about the whole file (line 0) names no line.
  auto fail = [&](uint32_t line, const std::string& message) {
    if (line == 0) {
      fmt::print(ctx.err, "{}: {}\n", args.table, message);
    } else {
      fmt::print(ctx.err, "{}:{}: {}\n", args.table, line, message);
    }
    ctx.error(fmt::format("{}: nothing was written", args.table));
    return kExitInvalid;
  };
  CsvResult rows;
  std::string lower = args.table;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!bytes->starts_with("PK\x03\x04") && (lower.ends_with(".xlsx") || lower.ends_with(".xls"))) {
    // Read as CSV it would be refused for a header it cannot have.
    return fail(0, bytes->starts_with("\xD0\xCF\x11\xE0")
                       ? "an Excel 97-2003 workbook (.xls), which tally does not read; save it "
                         "from Excel or WPS as \"Excel 工作簿 (*.xlsx)\", or as CSV UTF-8"
                       : "not an .xlsx workbook: it is not a zip archive, as every .xlsx is; "
                         "save it from Excel or WPS as \"Excel 工作簿 (*.xlsx)\", or as CSV "
                         "UTF-8");
  }
  if (bytes->starts_with("PK\x03\x04")) {
    if (!xlsx_supported()) {
      ctx.error(fmt::format("{}: {}", args.table, xlsx_missing()));
      return kExitUsage;
    }
    rows = read_xlsx(*bytes);
  } else {
    if (args.encoding == "utf-8") {
      if (auto bad = find_invalid_utf8(*bytes)) {
        return fail(
            static_cast<uint32_t>(std::count(bytes->begin(), bytes->begin() + *bad, '\n') + 1),
            fmt::format("the file is not UTF-8 (byte 0x{:02X}); a table Excel saved as "
                        "\"CSV (逗号分隔)\" is GBK: give --encoding gbk",
                        static_cast<unsigned char>((*bytes)[*bad])));
      }
    } else {
      size_t offset = 0;
      auto utf8 = to_utf8(*bytes, args.encoding, &error, &offset);
      if (!utf8) {
        return fail(
            static_cast<uint32_t>(std::count(bytes->begin(), bytes->begin() + offset, '\n') + 1),
            fmt::format("--encoding {}: {}", args.encoding, error));
      }
      *bytes = std::move(*utf8);
    }
    rows = parse_csv(*bytes);
  }
  if (rows.error) return fail(rows.error->line, rows.error->message);
  uint32_t line = 0;
  auto table = read_plan_table(rows.rows, args.year ? std::optional<int>(args.year) : std::nullopt,
                               &error, &line);
  if (!table) return fail(line, error);

  PlanImportOptions o;
  o.table_name = base_name(args.table);
  o.id = scaffold_id(args.into, table->year);
  if (!args.bureaus.empty()) {
    auto text = fs.read(args.bureaus, &error);
    if (!text) {
      ctx.error(fmt::format("--bureaus: cannot read {}: {}", args.bureaus, error));
      return fs.is_file(args.bureaus) ? kExitEnvironment : kExitUsage;
    }
    LoadResult reg = read_bureau_registry(*text, args.bureaus);
    if (reg.diags.has_errors()) {
      return print_load_errors(
          ctx, reg, fmt::format("--bureaus {} does not read; nothing was written", args.bureaus));
    }
    o.bureaus = reg.plan.bureaus;
    o.bureaus_text = *text;
    o.bureaus_path = args.bureaus;
  }
  PlanImport made = plan_import_files(*table, o);
  if (made.bureaus == 0) {
    ctx.error(
        fmt::format("{}: no row names a lead bureau, and a plan needs one; nothing was "
                    "written",
                    args.table));
    return kExitInvalid;
  }
  if (!write_new_plan(args.into, made.files, "tally plan import", &error)) {
    ctx.error(error);
    return kExitEnvironment;
  }
  for (const auto& f : made.files) fmt::print(ctx.out, "{}\n", join_path(args.into, f.path));
  for (const auto& s : made.stubs)
    fmt::print(ctx.err, "{}:{}: not imported: {}\n", args.table, s.line, s.reason);
  auto plural = [](size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  ctx.note(fmt::format(
      "tally: plan {} ({}) made in {}: {}, {}, {} in {}, {} ({} new){}; next: `tally check "
      "--plan {}`",
      o.id, table->year, args.into, plural(made.actions, "action", "actions"),
      plural(made.indicators, "indicator", "indicators"), plural(made.tasks, "task", "tasks"),
      made.actions == 1 ? "it" : "them", plural(made.bureaus, "bureau", "bureaus"),
      made.bureaus_added,
      made.stubs.empty() ? ""
                         : fmt::format("; {} not imported, written as comments to finish by hand",
                                       plural(made.stubs.size(), "row", "rows")),
      args.into));
  return kExitOk;
}

// Loads and checks the plan in `dir` (definitions only); exit code when it
// does not load.
std::optional<int> load_definitions(const Context& ctx, const std::string& dir, LoadResult& r) {
  LoadOptions lo;
  lo.plan_dir = dir;
  lo.skip_actuals = true;
  r = load_plan(DiskFileSystem(), lo);
  if (!r.fatal) check_plan(r.plan, CheckOptions{ctx.today, &r.files}, r.diags);
  r.diags.sort(r.files);
  if (!r.diags.has_errors()) return std::nullopt;
  return print_load_errors(
      ctx, r,
      fmt::format("the plan {} has {} error{}; fix {} first (`tally check --plan {}`)", dir,
                  r.diags.error_count(), r.diags.error_count() == 1 ? "" : "s",
                  r.diags.error_count() == 1 ? "it" : "them", dir));
}

int run_export(const PlanArgs& args, Context& ctx) {
  std::string error;
  auto dir = find_plan_dir(ctx.options.plan_dir, &error);
  if (!dir) {
    ctx.error(error);
    return kExitUsage;
  }
  LoadResult r;
  if (auto rc = load_definitions(ctx, *dir, r)) return *rc;
  if (!args.action.empty() && !r.plan.find_action(args.action)) {
    ctx.error(with_suggestion(fmt::format("--action: the plan has no action '{}'", args.action),
                              args.action, r.plan.action_ids()));
    return kExitUsage;
  }
  Worksheet sheet = plan_sheet(r.plan, args.action);
  if (args.format == "csv") return emit(ctx, render_csv_table(sheet.table, true), args.output);
  if (!can_write_workbook(ctx, args.output, "plan.xlsx")) return kExitUsage;
  WorkbookInfo info{r.plan.header.title, "分工方案", ctx.today, ctx.en()};
  auto bytes = render_xlsx({sheet}, info, &error);
  if (!bytes) {
    ctx.error(fmt::format("--format xlsx: {}", error));
    return kExitEnvironment;
  }
  return emit(ctx, *bytes, args.output);
}

int run_compare(const PlanArgs& args, Context& ctx) {
  LoadResult before, after;
  if (auto rc = load_definitions(ctx, args.dirs[0], before)) return *rc;
  if (auto rc = load_definitions(ctx, args.dirs[1], after)) return *rc;
  if (!args.action.empty() && !before.plan.find_action(args.action)) {
    ctx.error(with_suggestion(
        fmt::format("--action: the plan {} has no action '{}'", args.dirs[0], args.action),
        args.action, before.plan.action_ids()));
    return kExitUsage;
  }
  Agreement a = compare_targets(before.plan, after.plan, args.action);
  for (const auto& d : a.differences) {
    fmt::print(ctx.out, "{} {}: {} {} → {}\n", d.id, d.name, d.field,
               d.before.empty() ? "（无）" : d.before, d.after.empty() ? "（无）" : d.after);
  }
  for (const auto& u : a.only_before)
    fmt::print(ctx.out, "{} {}: only in {}\n", u.id, u.name, args.dirs[0]);
  for (const auto& u : a.only_after)
    fmt::print(ctx.out, "{} {}: only in {}\n", u.id, u.name, args.dirs[1]);
  const std::string matched =
      fmt::format("{} indicator{} and {} task{} matched", a.indicators,
                  a.indicators == 1 ? "" : "s", a.tasks, a.tasks == 1 ? "" : "s");
  if (a.equal()) {
    ctx.note(
        fmt::format("tally: {} and {} set the same targets, units, directions, leads and "
                    "due dates ({})",
                    args.dirs[0], args.dirs[1], matched));
    return kExitOk;
  }
  ctx.note(fmt::format("tally: {} and {} differ: {} field{}, {} item{} only in one ({})",
                       args.dirs[0], args.dirs[1], a.differences.size(),
                       a.differences.size() == 1 ? "" : "s",
                       a.only_before.size() + a.only_after.size(),
                       a.only_before.size() + a.only_after.size() == 1 ? "" : "s", matched));
  return kExitInvalid;
}

}  // namespace

Runner setup_plan(CLI::App& app) {
  auto args = std::make_shared<PlanArgs>();
  app.require_subcommand(1, 1);

  CLI::App* import =
      app.add_subcommand("import", "Make a plan directory from a 分工方案 table (CSV or xlsx)");
  import->add_option("TABLE", args->table, "The table: a CSV file or an .xlsx workbook")
      ->required();
  import->add_option("--into", args->into, "The new plan's directory (made; must not hold files)")
      ->required();
  import->add_option("--year", args->year, "The plan's year (default: the year the table names)")
      ->check(CLI::Range(1900, 9999));
  import->add_option("--bureaus", args->bureaus,
                     "A bureaus.toml to resolve the table's bureau names through");
  import->add_option("--encoding", args->encoding, "The CSV file's encoding: utf-8 (default), gbk")
      ->check(CLI::IsMember(encoding_names()));
  args->import = import;

  CLI::App* exp = app.add_subcommand(
      "export", "The plan as the 分工方案 table plan import reads (CSV or xlsx)");
  exp->add_option("--format", args->format, "csv (default) or xlsx")
      ->check(CLI::IsMember({"csv", "xlsx"}));
  exp->add_option("--output", args->output, "Write to FILE (csv default: stdout)");
  exp->add_option("--action", args->action, "Only this action's indicators and tasks");
  args->export_ = exp;

  CLI::App* cmp = app.add_subcommand(
      "compare", "Whether two plan directories set the same targets, units, leads and due dates");
  cmp->add_option("DIRS", args->dirs, "OLD NEW: the two plan directories")->expected(2)->required();
  cmp->add_option("--action", args->action, "Only OLD's indicators and tasks of this action");
  args->compare = cmp;

  return [args](Context& ctx) {
    if (args->import->parsed()) return run_import(*args, ctx);
    if (args->export_->parsed()) return run_export(*args, ctx);
    return run_compare(*args, ctx);
  };
}

}  // namespace tally
