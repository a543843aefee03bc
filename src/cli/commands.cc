#include <fmt/format.h>

#include "cli/context.h"

namespace tally {

Runner setup_new(CLI::App& app);
Runner setup_plan(CLI::App& app);
Runner setup_add(CLI::App& app);
Runner setup_check(CLI::App& app);
Runner setup_list(CLI::App& app);
Runner setup_record(CLI::App& app);
std::vector<std::string> record_indicators(const CLI::App& app);
Runner setup_import(CLI::App& app);
Runner setup_template(CLI::App& app);
Runner setup_log(CLI::App& app);
Runner setup_report(CLI::App& app);
Runner setup_overdue(CLI::App& app);
Runner setup_remind(CLI::App& app);
Runner setup_show(CLI::App& app);
Runner setup_diff(CLI::App& app);
Runner setup_problem(CLI::App& app);
Runner setup_rank(CLI::App& app);

void Context::error(const std::string& message) const {
  fmt::print(err, "{}tally: error:{} {}\n", color_err ? "\x1b[1;31m" : "",
             color_err ? "\x1b[0m" : "", message);
}

void Context::note(const std::string& message) const {
  if (!options.quiet) fmt::print(err, "{}\n", message);
}

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"new", "Scaffold a new plan directory that `tally check` passes", Needs::kNothing, false,
       setup_new},
      {"plan", "A plan from a 分工方案 table (import), as one (export); compare two plans",
       Needs::kNothing, false, setup_plan},
      {"add", "Add an indicator, task or bureau to the plan's files, checked first",
       Needs::kDefinitions, true, setup_add},
      {"check", "Validate the plan and all actuals", Needs::kEverything, false, setup_check},
      {"list", "List actions, bureaus, indicators or tasks", Needs::kDefinitions, true, setup_list},
      {"record", "Record one figure, or a task's progress", Needs::kEverything, true, setup_record,
       record_indicators, true},
      {"import", "Record many actuals from a CSV file or workbook, all or nothing",
       Needs::kEverything, true, setup_import, nullptr, true},
      {"template", "The sheet a bureau fills for a period (xlsx or CSV), for import",
       Needs::kEverything, true, setup_template},
      {"log", "Records in the order they were recorded", Needs::kEverything, true, setup_log},
      {"report", "Variance report: actual against target and 序时进度", Needs::kEverything, true,
       setup_report},
      {"overdue", "Actuals that are due and not recorded (催报)", Needs::kEverything, true,
       setup_overdue},
      {"remind", "One 催报通知 per bureau: what is late and what is due next", Needs::kEverything,
       true, setup_remind},
      {"show", "One indicator or task: definition, records, expected path", Needs::kEverything,
       true, setup_show},
      {"problem", "Problems handed to bureaus: open, close (销号), reopen, list",
       Needs::kEverything, true, setup_problem},
      {"rank", "The 季讲评 ranking: bureaus or actions scored on 三看三评三比", Needs::kEverything,
       true, setup_rank},
      {"diff", "What changed in the plan between two git revisions", Needs::kNothing, false,
       setup_diff},
  };
  return kCommands;
}

}  // namespace tally
