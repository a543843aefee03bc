#include "core/read/csv.h"

#include <fmt/format.h>

namespace tally {

CsvResult parse_csv(std::string_view text) {
  CsvResult result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  uint32_t line = 1;
  size_t i = 0;
  const size_t n = text.size();
  // Consumes a line end at i (CRLF, LF or CR); false when there is none.
  auto line_end = [&]() {
    if (i < n && text[i] == '\r') {
      ++i;
      if (i < n && text[i] == '\n') ++i;
    } else if (i < n && text[i] == '\n') {
      ++i;
    } else {
      return false;
    }
    ++line;
    return true;
  };
  while (i < n) {
    if (line_end()) continue;  // an empty line
    CsvRow row;
    row.line = line;
    for (;;) {
      std::string field;
      if (i < n && text[i] == '"') {
        const uint32_t opened = line;
        ++i;
        for (;;) {
          if (i >= n) {
            result.error = CsvError{opened,
                                    "a quoted field starts here and is never closed; "
                                    "add the closing \""};
            return result;
          }
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\r' || c == '\n') {
            line_end();
            field += '\n';
            continue;
          }
          field += c;
          ++i;
        }
        if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
          result.error = CsvError{
              line, fmt::format("text after the closing quote of field {}; a quote inside a "
                                "quoted field is written twice (\"\")",
                                row.fields.size() + 1)};
          return result;
        }
      } else {
        size_t end = text.find_first_of(",\r\n", i);
        if (end == std::string_view::npos) end = n;
        field.assign(text.substr(i, end - i));
        i = end;
      }
      row.fields.push_back(std::move(field));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      line_end();
      break;
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace tally
