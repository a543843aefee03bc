// `tally plan import`: the files of a plan made from a 分工方案 table
// (read/plan_table.h); write_new_plan (write/scaffold.h) writes them.
#pragma once

#include <string>
#include <vector>

#include "core/model/model.h"
#include "core/read/plan_table.h"
#include "core/write/scaffold.h"

namespace tally {

/// What a plan is made from besides the table.
struct PlanImportOptions {
  std::string id;          ///< the plan's id (scaffold_id)
  std::string table_name;  ///< the table's file name, as the comments quote it
  /// The registry given with --bureaus: its bureaus and its text, written
  /// into the new plan as it stands (bureaus it lacks appended). Empty: a
  /// registry is made from the names the table uses.
  std::vector<Bureau> bureaus;
  std::string bureaus_text;
  std::string bureaus_path;  ///< as the user named it, for the comment above what is appended
};

/// A row of the table written as a commented-out stub.
struct ImportStub {
  uint32_t line = 0;
  std::string reason;
};

/// The files of the new plan and what was made of the table.
struct PlanImport {
  std::vector<ScaffoldFile> files;
  std::vector<ImportStub> stubs;
  /// Files of actions whose rows name no lead bureau: written with
  /// `lead = []` and a comment, for the user to fill (check says where).
  std::vector<std::string> leaderless;
  size_t actions = 0;
  size_t indicators = 0;
  size_t tasks = 0;
  size_t bureaus = 0;        ///< in the new bureaus.toml
  size_t bureaus_added = 0;  ///< made from names the table uses
};

/// The plan files for `table`: plan.toml (as `tally new` makes it, titled
/// with the table's title), bureaus.toml, and actions/NN-<id>.toml, one per
/// 行动 in the order the table names them. Each entry is preceded by a
/// comment quoting its row; stubs are comments only. Bureau names resolve
/// through `options.bureaus` (id, name, full name, alias, or the name
/// without a leading 县/市/区); a name none matches becomes a bureau with the
/// next free id b01, b02 …, its other spellings as aliases.
PlanImport plan_import_files(const PlanTable& table, const PlanImportOptions& options);

}  // namespace tally
