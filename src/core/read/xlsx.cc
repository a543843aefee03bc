#include "core/read/xlsx.h"

#include <fmt/format.h>

#ifdef TALLY_HAVE_XLSX
#include <expat.h>
#include <zip.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>

#include "core/base/shared_library.h"
#endif

namespace tally {

std::string xlsx_missing() {
  return "this tally was built without .xlsx support (-DTALLY_XLSX=OFF); install the Debian "
         "packages libxlsxwriter-dev, libzip-dev and libexpat1-dev and rebuild with "
         "-DTALLY_XLSX=ON, or use CSV";
}

#ifndef TALLY_HAVE_XLSX

bool xlsx_supported() {
  return false;
}

CsvResult read_xlsx(std::string_view) {
  return {{}, CsvError{0, xlsx_missing()}};
}

std::optional<std::vector<std::string>> parse_shared_strings(std::string_view, std::string* error) {
  *error = xlsx_missing();
  return std::nullopt;
}

CsvResult parse_sheet_xml(std::string_view, const std::vector<std::string>&) {
  return {{}, CsvError{0, xlsx_missing()}};
}

#else

bool xlsx_supported() {
  return true;
}

namespace {

constexpr size_t kMaxEntry = size_t{64} << 20;  // uncompressed bytes of one entry
constexpr size_t kMaxColumns = 16384;           // XFD, Excel's last column
constexpr uint32_t kMaxRows = 1048576;

// An element's name without its namespace prefix ("x:row" → "row").
std::string_view local(const char* name) {
  std::string_view s(name);
  const size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

// The value of attribute `name` (matched without prefix); null if absent.
const char* attribute(const char** attrs, std::string_view name) {
  for (size_t i = 0; attrs[i]; i += 2)
    if (local(attrs[i]) == name) return attrs[i + 1];
  return nullptr;
}

// Runs expat over `xml` with element callbacks; text between tags goes to
// `text`. Returns false with `*error` ("line N: …") on malformed XML.
class Xml {
 public:
  std::function<void(std::string_view, const char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;
  /// Set by a callback to stop with an error of its own.
  std::string failure;

  bool parse(std::string_view xml, std::string* error, uint32_t* line) {
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> p(XML_ParserCreate(nullptr),
                                                                   XML_ParserFree);
    if (!p) {
      *error = "out of memory";
      return false;
    }
    parser_ = p.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(
        parser_,
        [](void* self, const char* name, const char** attrs) {
          auto* x = static_cast<Xml*>(self);
          if (x->start) x->start(local(name), attrs);
        },
        [](void* self, const char* name) {
          auto* x = static_cast<Xml*>(self);
          if (x->end) x->end(local(name));
        });
    XML_SetCharacterDataHandler(parser_, [](void* self, const char* s, int len) {
      auto* x = static_cast<Xml*>(self);
      if (x->text) x->text(std::string_view(s, static_cast<size_t>(len)));
    });
    const bool ok =
        XML_Parse(parser_, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
    *line = static_cast<uint32_t>(XML_GetCurrentLineNumber(parser_));
    if (!failure.empty()) {
      *error = failure;
      return false;
    }
    if (!ok) {
      *error = fmt::format("malformed XML: {}", XML_ErrorString(XML_GetErrorCode(parser_)));
      return false;
    }
    return true;
  }

  /// Stops the parse with `message`.
  void fail(std::string message) {
    if (failure.empty()) failure = std::move(message);
    XML_StopParser(parser_, XML_FALSE);
  }

 private:
  XML_Parser parser_ = nullptr;
};

// A number as Excel shows it: 15 significant digits, no exponent.
std::string number_text(std::string_view v) {
  if (v.empty()) return {};  // a styled cell with no value
  std::string s(v);
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(d)) return s;
  std::string out = fmt::format("{:.15g}", d);
  if (out.find('e') != std::string::npos) {
    out = fmt::format("{:.15f}", d);
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return out;
}

// "BC12" → column 54 (0-based), row 12; nullopt if it is not a reference.
std::optional<std::pair<size_t, uint32_t>> cell_ref(std::string_view r) {
  size_t col = 0, i = 0;
  while (i < r.size() && r[i] >= 'A' && r[i] <= 'Z') {
    col = col * 26 + static_cast<size_t>(r[i] - 'A' + 1);
    if (col > kMaxColumns) return std::nullopt;
    ++i;
  }
  if (i == 0) return std::nullopt;
  uint32_t row = 0;
  const size_t digits = i;
  while (i < r.size() && r[i] >= '0' && r[i] <= '9') {
    row = row * 10 + static_cast<uint32_t>(r[i] - '0');
    if (row > kMaxRows) return std::nullopt;
    ++i;
  }
  if (i != r.size()) return std::nullopt;
  return std::pair{col - 1, i == digits ? 0 : row};
}

// The functions of libzip tally calls, opened with the library when a
// workbook is read (core/base/shared_library.h). Expat is linked in.
#define TALLY_LIBZIP_FUNCTIONS(X) \
  X(zip_stat_init)                \
  X(zip_stat)                     \
  X(zip_fopen)                    \
  X(zip_fclose)                   \
  X(zip_fread)                    \
  X(zip_get_error)                \
  X(zip_file_get_error)           \
  X(zip_error_strerror)           \
  X(zip_error_init)               \
  X(zip_error_fini)               \
  X(zip_source_buffer_create)     \
  X(zip_source_free)              \
  X(zip_open_from_source)         \
  X(zip_discard)

struct Libzip {
  TALLY_LIBZIP_FUNCTIONS(TALLY_LIBRARY_FUNCTION)
};

// Opens libzip; false with `*error` set when it or a function is missing.
bool open_libzip(Libzip& z, std::string* error) {
  auto bind = [](SharedLibrary& lib, Libzip& api) { TALLY_LIBZIP_FUNCTIONS(TALLY_BIND_FUNCTION) };
  return open_library(TALLY_ZIP_SONAME, "libzip4", z, bind, error);
}

// The bytes of one entry of the archive; nullopt with `*error` set.
std::optional<std::string> entry(const Libzip& z, zip_t* za, const std::string& name,
                                 std::string* error) {
  zip_stat_t st;
  z.zip_stat_init(&st);
  if (z.zip_stat(za, name.c_str(), 0, &st) != 0) {
    *error = fmt::format("the workbook has no {}", name);
    return std::nullopt;
  }
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxEntry) {
    *error = fmt::format("{} in the workbook is larger than 64 MiB", name);
    return std::nullopt;
  }
  std::unique_ptr<zip_file_t, decltype(&::zip_fclose)> f(z.zip_fopen(za, name.c_str(), 0),
                                                         z.zip_fclose);
  if (!f) {
    *error = fmt::format("cannot read {} in the workbook: {}", name,
                         z.zip_error_strerror(z.zip_get_error(za)));
    return std::nullopt;
  }
  std::string out(static_cast<size_t>(st.size), '\0');
  const zip_int64_t n = z.zip_fread(f.get(), out.data(), out.size());
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    *error = fmt::format("cannot read {} in the workbook: {}", name,
                         z.zip_error_strerror(z.zip_file_get_error(f.get())));
    return std::nullopt;
  }
  return out;
}

// A relationship target as an entry name: relative to xl/, or absolute.
std::string entry_name(std::string_view target) {
  if (!target.empty() && target[0] == '/') return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

}  // namespace

std::optional<std::vector<std::string>> parse_shared_strings(std::string_view xml,
                                                             std::string* error) {
  std::vector<std::string> out;
  bool in_si = false, in_t = false;
  int phonetic = 0;  // inside <rPh>: a reading aid, not the text
  Xml x;
  x.start = [&](std::string_view name, const char**) {
    if (name == "si") {
      in_si = true;
      out.emplace_back();
    } else if (name == "rPh") {
      ++phonetic;
    } else if (name == "t") {
      in_t = in_si && phonetic == 0;
    }
  };
  x.end = [&](std::string_view name) {
    if (name == "si") in_si = false;
    if (name == "rPh") --phonetic;
    if (name == "t") in_t = false;
  };
  x.text = [&](std::string_view s) {
    if (in_t) out.back() += s;
  };
  uint32_t line = 0;
  if (!x.parse(xml, error, &line)) {
    *error = fmt::format("xl/sharedStrings.xml line {}: {}", line, *error);
    return std::nullopt;
  }
  return out;
}

CsvResult parse_sheet_xml(std::string_view xml, const std::vector<std::string>& shared) {
  CsvResult out;
  uint32_t row_number = 0;  // of the row being read
  size_t next_col = 0;
  std::string type;   // the cell's t attribute
  std::string value;  // the text of <v> or of <is><t>
  std::optional<size_t> col;
  bool in_v = false, in_is_t = false, in_is = false;
  Xml x;
  x.start = [&](std::string_view name, const char** attrs) {
    if (name == "row") {
      const char* r = attribute(attrs, "r");
      uint32_t n = row_number + 1;
      if (r) {
        auto ref = cell_ref(std::string("A") + r);
        if (!ref || ref->second == 0) return x.fail(fmt::format("row number '{}'", r));
        n = ref->second;
      }
      if (n <= row_number && row_number != 0) return x.fail(fmt::format("row {} out of order", n));
      row_number = n;
      next_col = 0;
      out.rows.push_back({{}, row_number});
    } else if (name == "c") {
      if (out.rows.empty()) return x.fail("a cell outside a row");
      const char* r = attribute(attrs, "r");
      col = next_col;
      if (r) {
        auto ref = cell_ref(r);
        if (!ref) return x.fail(fmt::format("cell reference '{}'", r));
        col = ref->first;
      }
      const char* t = attribute(attrs, "t");
      type = t ? t : "n";
      value.clear();
    } else if (name == "v") {
      in_v = true;
    } else if (name == "is") {
      in_is = true;
    } else if (name == "t" && in_is) {
      in_is_t = true;
    }
  };
  x.end = [&](std::string_view name) {
    if (name == "v") in_v = false;
    if (name == "t") in_is_t = false;
    if (name == "is") in_is = false;
    if (name != "c" || !col) return;
    std::string text;
    if (type == "s") {
      char* end = nullptr;
      const unsigned long i = std::strtoul(value.c_str(), &end, 10);
      if (value.empty() || *end || i >= shared.size())
        return x.fail(fmt::format("shared string '{}' of {} does not exist", value, shared.size()));
      text = shared[i];
    } else if (type == "b") {
      text = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "n") {
      text = number_text(value);
    } else {
      text = value;  // str (a formula's text), inlineStr, e (an error such as #N/A), d
    }
    auto& fields = out.rows.back().fields;
    if (!text.empty()) {
      if (fields.size() <= *col) fields.resize(*col + 1);
      fields[*col] = std::move(text);
    }
    next_col = *col + 1;
    col.reset();
  };
  x.text = [&](std::string_view s) {
    if (in_v || in_is_t) value += s;
  };
  std::string error;
  uint32_t line = 0;
  if (!x.parse(xml, &error, &line)) {
    out.rows.clear();
    out.error = CsvError{line, fmt::format("the worksheet's XML, line {}: {}", line, error)};
    return out;
  }
  std::erase_if(out.rows, [](const CsvRow& r) { return r.fields.empty(); });
  return out;
}

CsvResult read_xlsx(std::string_view bytes) {
  auto failed = [](std::string message) { return CsvResult{{}, CsvError{0, std::move(message)}}; };
  Libzip z;
  if (std::string error; !open_libzip(z, &error)) return failed(error);
  zip_error_t zerr;
  z.zip_error_init(&zerr);
  zip_source_t* src = z.zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!src) return failed(fmt::format("cannot read the workbook: {}", z.zip_error_strerror(&zerr)));
  zip_t* raw = z.zip_open_from_source(src, ZIP_RDONLY, &zerr);
  if (!raw) {
    z.zip_source_free(src);
    std::string why = z.zip_error_strerror(&zerr);
    z.zip_error_fini(&zerr);
    return failed(
        fmt::format("not an .xlsx workbook ({}); save it from Excel or WPS as "
                    "\"Excel 工作簿 (*.xlsx)\", or as CSV UTF-8",
                    why));
  }
  std::unique_ptr<zip_t, decltype(&::zip_discard)> za(raw, z.zip_discard);

  // The first sheet: the first <sheet> of xl/workbook.xml, through its
  // relationship to the entry that holds it.
  std::string error;
  auto workbook = entry(z, za.get(), "xl/workbook.xml", &error);
  if (!workbook) return failed(error);
  std::string first_id;
  Xml wx;
  wx.start = [&](std::string_view name, const char** attrs) {
    if (name == "sheet" && first_id.empty())
      if (const char* id = attribute(attrs, "id")) first_id = id;
  };
  uint32_t line = 0;
  if (!wx.parse(*workbook, &error, &line))
    return failed(fmt::format("xl/workbook.xml line {}: {}", line, error));
  if (first_id.empty()) return failed("the workbook has no worksheet");

  std::string sheet_entry, strings_entry;
  if (auto rels = entry(z, za.get(), "xl/_rels/workbook.xml.rels", &error)) {
    Xml rx;
    rx.start = [&](std::string_view name, const char** attrs) {
      if (name != "Relationship") return;
      const char* id = attribute(attrs, "Id");
      const char* target = attribute(attrs, "Target");
      const char* type = attribute(attrs, "Type");
      if (!target) return;
      if (id && id == first_id) sheet_entry = entry_name(target);
      if (type && std::string_view(type).ends_with("/sharedStrings"))
        strings_entry = entry_name(target);
    };
    if (!rx.parse(*rels, &error, &line))
      return failed(fmt::format("xl/_rels/workbook.xml.rels line {}: {}", line, error));
  }
  if (sheet_entry.empty()) return failed("the workbook's first sheet is not a worksheet");

  std::vector<std::string> shared;
  if (!strings_entry.empty()) {
    auto xml = entry(z, za.get(), strings_entry, &error);
    if (!xml) return failed(error);
    auto strings = parse_shared_strings(*xml, &error);
    if (!strings) return failed(error);
    shared = std::move(*strings);
  }
  auto xml = entry(z, za.get(), sheet_entry, &error);
  if (!xml) return failed(error);
  CsvResult out = parse_sheet_xml(*xml, shared);
  if (out.error) out.error->line = 0;  // a line of XML, not a row of the sheet
  return out;
}

#endif

}  // namespace tally
