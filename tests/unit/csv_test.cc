#include "core/read/csv.h"

#include <catch2/catch.hpp>

using namespace tally;

namespace {

std::vector<std::vector<std::string>> fields_of(const CsvResult& r) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : r.rows) out.push_back(row.fields);
  return out;
}

std::vector<uint32_t> lines_of(const CsvResult& r) {
  std::vector<uint32_t> out;
  for (const auto& row : r.rows) out.push_back(row.line);
  return out;
}

}  // namespace

TEST_CASE("csv: plain fields, LF and no final newline") {
  auto r = parse_csv("a,b,c\n1,2,3");
  REQUIRE_FALSE(r.error);
  CHECK(fields_of(r) == std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(lines_of(r) == std::vector<uint32_t>{1, 2});
}

TEST_CASE("csv: CRLF, CR and a byte-order mark") {
  auto r = parse_csv("\xEF\xBB\xBFindicator,value\r\nx,1\r\ny,2\rz,3\r\n");
  REQUIRE_FALSE(r.error);
  CHECK(fields_of(r) == std::vector<std::vector<std::string>>{
                            {"indicator", "value"}, {"x", "1"}, {"y", "2"}, {"z", "3"}});
  CHECK(lines_of(r) == std::vector<uint32_t>{1, 2, 3, 4});
}

TEST_CASE("csv: quoted fields with commas, doubled quotes and line breaks") {
  auto r = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",x,\"\"\nlast,\"\",z\n");
  REQUIRE_FALSE(r.error);
  CHECK(fields_of(r) == std::vector<std::vector<std::string>>{{"a", "b,c", "say \"hi\""},
                                                              {"two\nlines", "x", ""},
                                                              {"last", "", "z"}});
  // The row after a field spanning two lines starts on line 4.
  CHECK(lines_of(r) == std::vector<uint32_t>{1, 2, 4});
}

TEST_CASE("csv: empty lines are skipped, empty fields are kept") {
  auto r = parse_csv("h1,h2\n\n\r\n,\na,\n");
  REQUIRE_FALSE(r.error);
  CHECK(fields_of(r) == std::vector<std::vector<std::string>>{{"h1", "h2"}, {"", ""}, {"a", ""}});
  CHECK(lines_of(r) == std::vector<uint32_t>{1, 4, 5});
}

TEST_CASE("csv: a quote inside an unquoted field is text") {
  auto r = parse_csv("统计局\"月报\",1\n");
  REQUIRE_FALSE(r.error);
  CHECK(fields_of(r) == std::vector<std::vector<std::string>>{{"统计局\"月报\"", "1"}});
}

TEST_CASE("csv: an unclosed quote is reported where it opens") {
  auto r = parse_csv("a,b\n1,2\n3,\"open\n4,5\n");
  REQUIRE(r.error);
  CHECK(r.error->line == 3);
  CHECK(r.error->message == "a quoted field starts here and is never closed; add the closing \"");
}

TEST_CASE("csv: text after a closing quote") {
  auto r = parse_csv("a,b\n\"x\"y,2\n");
  REQUIRE(r.error);
  CHECK(r.error->line == 2);
  CHECK(r.error->message ==
        "text after the closing quote of field 1; a quote inside a quoted "
        "field is written twice (\"\")");
}

TEST_CASE("csv: empty text has no rows") {
  CHECK(parse_csv("").rows.empty());
  CHECK(parse_csv("\xEF\xBB\xBF").rows.empty());
  CHECK(parse_csv("\n\n").rows.empty());
}
