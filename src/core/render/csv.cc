#include "core/render/csv.h"

#include "core/render/sheets.h"
#include "core/render/table.h"

namespace tally {

std::string render_csv(const Report& r, const RenderOptions& o) {
  switch (o.by) {
    case GroupBy::kAction:
      return render_csv_table(action_sheet(r, o.en).table, o.bom);
    case GroupBy::kBureau:
      return render_csv_table(bureau_sheet(r, o.en).table, o.bom);
    case GroupBy::kIndicator:
      break;
  }
  return render_csv_table(indicator_sheet(r, o.en).table, o.bom);
}

std::string render_csv(const OverdueReport& r, const RenderOptions& o) {
  return render_csv_table(overdue_sheet(r, o.en).table, o.bom);
}

}  // namespace tally
