#include "core/render/csv.h"

#include "core/render/data_problems.h"
#include "core/render/sheets.h"
#include "core/render/table.h"

namespace tally {

std::string render_csv(const Report& r, const RenderOptions& o) {
  const std::string problems = problems_csv(o.excluded, o.en);
  switch (o.by) {
    case GroupBy::kAction:
      return render_csv_table(action_sheet(r, o.en).table, o.bom) + problems;
    case GroupBy::kBureau:
      return render_csv_table(bureau_sheet(r, o.en).table, o.bom) + problems;
    case GroupBy::kIndicator:
      break;
  }
  return render_csv_table(indicator_sheet(r, o.en).table, o.bom) + problems;
}

std::string render_csv(const OverdueReport& r, const RenderOptions& o) {
  return render_csv_table(overdue_sheet(r, o.en).table, o.bom) + problems_csv(o.excluded, o.en);
}

}  // namespace tally
