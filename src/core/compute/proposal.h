// Validating proposals: actuals as the user typed them (`tally record`'s
// arguments, the rows of a CSV file for `tally import`) checked against the
// plan and the records already there, and turned into actuals, or refused
// with a message that names the field as the user typed it.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/base/period.h"
#include "core/ledger/ledger.h"
#include "core/model/actual_fields.h"
#include "core/model/model.h"

namespace tally {

/// What each field of a proposal is called where it was typed, so a refusal
/// names it: "--period" on the command line, "period" in a CSV header.
class FieldNames {
 public:
  /// The keys themselves, as the columns of a CSV file name them.
  static FieldNames columns();
  /// As a command line names them: the `positional` keys as arguments in
  /// capitals (INDICATOR), the others as options (--period).
  static FieldNames options(std::initializer_list<ActualKey> positional);
  const std::string& operator[](ActualKey k) const { return names_[static_cast<size_t>(k)]; }

 private:
  std::array<std::string, kActualFieldCount> names_;
};

/// Why one proposal cannot be recorded: `row` indexes the proposals and
/// `message` is one line that starts with the field's name, e.g.
/// "--period: 2025-01 is outside the plan (2024-01-01 to 2024-12-31)".
struct Refusal {
  size_t row = 0;
  std::string message;
};

/// The outcome of validation: one actual per proposal, or the refusals.
struct Prepared {
  std::vector<Actual> actuals;
  /// The texts `actuals` view: they do not view the plan or the rows, so
  /// they stay valid as long as this does.
  std::shared_ptr<TextStore> texts = std::make_shared<TextStore>();
  std::vector<Refusal> refusals;
};

/// Validates proposals against the plan and its records and turns them into
/// actuals stamped `recorded`. A proposal is refused when
///  - the indicator is unknown (with "did you mean"), or is a name, not an id;
///  - the period is malformed, outside the plan, or has not started by
///    `today` (a period under way may be recorded: month-to-date figures and
///    milestone stages are reported before a period ends);
///  - the bureau (`by`, default: the indicator's first lead) is unknown;
///  - the value does not fit the kind: a number in the indicator's unit, or
///    with a Chinese scale that converts to it (36000万元 → 3.6 亿元), not
///    negative except for growth rates; for milestones not-started,
///    in-progress, done (未启动, 推进中, 在建, 已完成) or a percent such as 60%;
///  - the source is empty;
///  - the indicator and period already have a record and no reason is given,
///    or the record in force was stamped after `recorded`, or at the same
///    second in another file than the bureau's own (`files` names the files
///    of the ledger's records; without it, any record of the same second);
///  - another proposal of the same batch has the same indicator and period;
///  - unless `force`, the value is not plausible (compute/plausibility.h),
///    or the bureau may not report the indicator (compute/reporters.h).
/// A proposal whose id names a task (重点任务) is a progress report: its
/// value is a task's state (parse_task_state_for), its bureau defaults to
/// the task's first lead, its period follows the task's cadence, and its
/// note is required; the rules of period, source and second records are
/// those of an indicator.
/// Relative periods (last-month, due, …) resolve against `today`. With any
/// refusal, `actuals` is empty.
Prepared prepare_actuals(const Ledger& ledger, std::span<const ProposedActual> rows,
                         const FieldNames& names, Date today, const Timestamp& recorded,
                         const SourceFiles* files = nullptr, bool force = false);

/// The state a progress report gives for a task: in-progress, done or
/// stalled, or 推进中 (进行中), 已完成 (完成), 滞后 (停滞); on failure nullopt
/// and `*error` says what to write instead, with "did you mean".
std::optional<ActualValue> parse_task_state_for(const Task& task, std::string_view text,
                                                std::string* error);

/// The value a proposal gives for an indicator, converted to its unit; on
/// failure nullopt and `*error` says what is wrong and what to write instead.
std::optional<ActualValue> parse_value_for(const Indicator& ind, std::string_view text,
                                           std::string* error);

/// Why a text a user typed (a source, note or reason; a problem's text,
/// evidence or reason) cannot be kept: not UTF-8, a control character (an
/// escape acts on the terminal of whoever reads it, a line end prints a fake
/// row), or more than 2000 bytes; nullopt when it can.
std::optional<std::string> text_refusal(std::string_view s);

}  // namespace tally
