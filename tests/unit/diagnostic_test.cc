#include "core/base/diagnostic.h"

#include <catch2/catch.hpp>
#include <map>

#include "core/base/text.h"

using namespace tally;

namespace {

Diagnostic error_at(uint32_t file, uint32_t line, uint32_t col, std::string message,
                    std::string code) {
  return Diagnostic{Severity::kError, Location{file, line, col}, std::move(message),
                    std::move(code)};
}

}  // namespace

TEST_CASE("format_diagnostic: location, message, excerpt and caret") {
  SourceFiles files;
  uint32_t f = files.add("p/actions/01-a.toml", "[[indicator]]\nkind = \"cumulativ\"\n");
  auto d = error_at(f, 2, 8, "kind 'cumulativ' is not one of cumulative, level, growth, milestone",
                    "bad-enum");
  CHECK(format_diagnostic(d, files, false) ==
        "p/actions/01-a.toml:2:8: error: kind 'cumulativ' is not one of cumulative, level, "
        "growth, milestone [bad-enum]\n"
        "  kind = \"cumulativ\"\n"
        "         ^\n");
  d.severity = Severity::kWarning;
  CHECK(format_diagnostic(d, files, false).rfind("p/actions/01-a.toml:2:8: warning: ", 0) == 0);
}

TEST_CASE("format_diagnostic: the caret sits under the right Chinese character") {
  SourceFiles files;
  uint32_t f = files.add("b.toml", "name = \"市发改局\" x\n");
  // Column 15 is the 'x' after the closing quote: 8 ASCII + 4 wide + 1 + 1.
  auto d = error_at(f, 1, 15, "m", "c");
  CHECK(format_diagnostic(d, files, false) ==
        "b.toml:1:15: error: m [c]\n"
        "  name = \"市发改局\" x\n" +
            std::string(2 + 18, ' ') + "^\n");
  // Column 11 is 改: two wide characters (four columns) after the quote.
  d.loc.col = 11;
  CHECK(format_diagnostic(d, files, false) ==
        "b.toml:1:11: error: m [c]\n"
        "  name = \"市发改局\" x\n" +
            std::string(2 + 12, ' ') + "^\n");
}

TEST_CASE("format_diagnostic: tabs in the line keep the caret aligned") {
  SourceFiles files;
  uint32_t f = files.add("t.toml", "\tname\t= 1\n");
  auto d = error_at(f, 1, 7, "m", "c");
  CHECK(format_diagnostic(d, files, false) ==
        "t.toml:1:7: error: m [c]\n"
        "  \tname\t= 1\n"
        "  \t    \t^\n");
}

TEST_CASE("format_diagnostic: BOM and CRLF are not shown") {
  SourceFiles files;
  uint32_t f = files.add("w.toml", "\xEF\xBB\xBFid = 1\r\nx = 2\r\n");
  CHECK(format_diagnostic(error_at(f, 1, 6, "m", "c"), files, false) ==
        "w.toml:1:6: error: m [c]\n"
        "  id = 1\n"
        "       ^\n");
  CHECK(format_diagnostic(error_at(f, 2, 1, "m", "c"), files, false) ==
        "w.toml:2:1: error: m [c]\n"
        "  x = 2\n"
        "  ^\n");
}

TEST_CASE("format_diagnostic: whole files, no file, lines past the end") {
  SourceFiles files;
  uint32_t f = files.add("p/bureaus.toml", "a = 1\n");
  CHECK(format_diagnostic(error_at(f, 0, 0, "cannot read: is a directory", "unreadable-file"),
                          files, false) ==
        "p/bureaus.toml: error: cannot read: is a directory [unreadable-file]\n");
  CHECK(format_diagnostic(error_at(0, 0, 0, "bad argument", "c"), files, false) ==
        "error: bad argument [c]\n");
  CHECK(format_diagnostic(error_at(f, 9, 1, "m", "c"), files, false) ==
        "p/bureaus.toml:9:1: error: m [c]\n");
  // A column past the end of the line puts the caret just after it.
  CHECK(format_diagnostic(error_at(f, 1, 40, "m", "c"), files, false) ==
        "p/bureaus.toml:1:40: error: m [c]\n"
        "  a = 1\n"
        "       ^\n");
}

TEST_CASE("format_diagnostic: colour") {
  SourceFiles files;
  uint32_t f = files.add("a.toml", "x = 1\n");
  CHECK(format_diagnostic(error_at(f, 1, 5, "m", "c"), files, true) ==
        "\x1b[1ma.toml:1:5:\x1b[0m \x1b[1;31merror:\x1b[0m m [c]\n"
        "  x = 1\n"
        "      \x1b[1;32m^\x1b[0m\n");
  Diagnostic w{Severity::kWarning, Location{f, 1, 1}, "m", "c"};
  CHECK(format_diagnostic(w, files, true).find("\x1b[1;35mwarning:\x1b[0m") != std::string::npos);
}

TEST_CASE("SourceFiles: line_text") {
  SourceFiles files;
  CHECK(files.size() == 1);  // index 0 is "no file"
  uint32_t f = files.add("a", "one\ntwo\r\n\nfour");
  CHECK(files.line_text(f, 1) == "one");
  CHECK(files.line_text(f, 2) == "two");
  CHECK(files.line_text(f, 3) == "");
  CHECK(files.line_text(f, 4) == "four");
  CHECK(files.line_text(f, 5) == "");
  CHECK(files.line_text(f, 0) == "");
  CHECK(files.line_text(0, 1) == "");
  CHECK(files.line_text(99, 1) == "");
  CHECK(files.path(f) == "a");
}

TEST_CASE("SourceFiles: a released file is read again once, and only while unchanged") {
  const std::string text = "one\ntwo\n";
  std::map<std::string, std::string> disk{{"a", text}, {"b", text}, {"c", text}};
  int reads = 0;
  SourceFiles::Reader reader = [&](const std::string& path) -> std::optional<std::string> {
    ++reads;
    auto it = disk.find(path);
    if (it == disk.end()) return std::nullopt;
    return it->second;
  };
  SourceFiles files;
  const uint32_t a = files.add_released("a", text.size(), fingerprint(text), reader);
  const uint32_t b = files.add_released("b", text.size(), fingerprint(text), reader);
  const uint32_t c = files.add_released("c", text.size(), fingerprint(text), reader);
  CHECK(reads == 0);  // nothing is read until it is asked for
  CHECK(files.path(a) == "a");
  CHECK(files.line_text(a, 2) == "two");
  CHECK(files.text(a) == text);
  CHECK(reads == 1);  // once, however often it is asked for
  // Changed since it was read: the same size, one byte different; then
  // gone. Neither shows a line.
  disk["b"] = "one\ntwO\n";
  disk.erase("c");
  CHECK(files.line_text(b, 2).empty());
  CHECK(files.text(b).empty());
  CHECK(files.line_text(c, 1).empty());
  CHECK(reads == 3);
  auto d = error_at(a, 2, 1, "m", "c");
  CHECK(format_diagnostic(d, files, false) == "a:2:1: error: m [c]\n  two\n  ^\n");
  d.loc.file = b;
  CHECK(format_diagnostic(d, files, false) == "b:2:1: error: m [c]\n");
}

TEST_CASE("Diagnostics: counts and sort by file, line and column") {
  SourceFiles files;
  uint32_t b = files.add("p/bureaus.toml", "");
  uint32_t a = files.add("p/actions/01.toml", "");
  Diagnostics diags;
  CHECK(diags.empty());
  diags.error(Location{b, 3, 1}, "x", "b3");
  diags.warning(Location{a, 7, 2}, "x", "a7c2");
  diags.error(Location{a, 7, 1}, "x", "a7c1");
  diags.error(Location{a, 2, 9}, "x", "a2");
  diags.error(Location{a, 2, 9}, "x", "a2 again");
  diags.error(Location{0, 0, 0}, "x", "no file");
  CHECK(diags.error_count() == 5);
  CHECK(diags.warning_count() == 1);
  CHECK(diags.has_errors());
  diags.sort(files);
  std::vector<std::string> order;
  for (const auto& d : diags.items()) order.push_back(d.message);
  CHECK(order == std::vector<std::string>{"no file", "a2", "a2 again", "a7c1", "a7c2", "b3"});

  Diagnostics only_warnings;
  only_warnings.warning(Location{}, "x", "w");
  CHECK_FALSE(only_warnings.has_errors());
  CHECK(only_warnings.warning_count() == 1);
}

TEST_CASE("Diagnostics: add counts an error as error() does") {
  Diagnostics diags;
  diags.add(Diagnostic{Severity::kWarning, Location{}, "w", "x"});
  CHECK_FALSE(diags.has_errors());
  diags.add(Diagnostic{Severity::kError, Location{}, "e", "x"});
  CHECK(diags.has_errors());
  CHECK(diags.error_count() == 1);
  CHECK(diags.warning_count() == 1);

  // Moved on with append, the count goes along.
  Diagnostics all;
  all.append(std::move(diags));
  CHECK(all.error_count() == 1);
  CHECK(all.warning_count() == 1);
}

TEST_CASE("format_diagnostics_json") {
  SourceFiles files;
  uint32_t f = files.add("p/\"q\".toml", "");
  Diagnostics diags;
  CHECK(format_diagnostics_json(diags, files) ==
        "{\n  \"version\": 1,\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"diagnostics\": []\n}\n");
  diags.error(Location{f, 2, 3}, "bad-enum", "kind 'x' is \"odd\"\n市");
  diags.warning(Location{f, 4, 1}, "ytd-decrease", "falls");
  CHECK(format_diagnostics_json(diags, files) ==
        "{\n"
        "  \"version\": 1,\n"
        "  \"errors\": 1,\n"
        "  \"warnings\": 1,\n"
        "  \"diagnostics\": [\n"
        "    {\"file\": \"p/\\\"q\\\".toml\", \"line\": 2, \"col\": 3, \"severity\": \"error\", "
        "\"code\": \"bad-enum\", \"message\": \"kind 'x' is \\\"odd\\\"\\n市\"},\n"
        "    {\"file\": \"p/\\\"q\\\".toml\", \"line\": 4, \"col\": 1, \"severity\": \"warning\", "
        "\"code\": \"ytd-decrease\", \"message\": \"falls\"}\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("edit_distance counts code points") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "abc") == 0);
  CHECK(edit_distance("市发改局", "市发局") == 1);
  CHECK(edit_distance("市发改局", "市发该局") == 1);
  CHECK(edit_distance("nmae", "name") == 2);
}

TEST_CASE("closest and did-you-mean") {
  const std::vector<std::string> keys = {"id", "name", "kind", "unit", "target", "note"};
  CHECK(closest("nmae", keys) == "name");
  CHECK(closest("unti", keys) == "unit");
  CHECK(closest("taget", keys) == "target");
  CHECK(closest("name", keys) == "");      // an exact match is no typo
  CHECK(closest("schedule", keys) == "");  // too far from everything
  CHECK(closest("x", {}) == "");
  CHECK(closest("市发该局", {"市发改局", "市工信局"}) == "市发改局");
  CHECK(closest("cumulativ", {"cumulative", "level", "growth", "milestone"}) == "cumulative");
  CHECK(with_suggestion("unknown key 'nmae'", "nmae", keys) ==
        "unknown key 'nmae' (did you mean 'name'?)");
  CHECK(with_suggestion("unknown key 'zzz'", "zzz", keys) == "unknown key 'zzz'");
}

TEST_CASE("closest: a megabyte-long word costs no distance table") {
  // 1 MB against short ids: the lengths alone rule every candidate out
  // (before, ~18 s per MB); a long word close to a long id still matches.
  const std::string huge(1000000, 'g');
  CHECK(closest(huge, {"gxj", "fgj", "scjgj"}).empty());
  CHECK(closest(std::string(30, 'g') + "x", {std::string(30, 'g') + "y", "gxj"}) ==
        std::string(30, 'g') + "y");
}

TEST_CASE("SourceFiles: line_text on a file of 100k lines is indexed") {
  std::string text;
  for (int i = 1; i <= 100000; ++i) text += "k" + std::to_string(i) + " = 1\n";
  SourceFiles files;
  const uint32_t f = files.add("big.toml", std::move(text));
  CHECK(files.line_text(f, 1) == "k1 = 1");
  CHECK(files.line_text(f, 99999) == "k99999 = 1");
  CHECK(files.line_text(f, 100000) == "k100000 = 1");
  CHECK(files.line_text(f, 100001) == "");
  CHECK(files.line_text(f, 100002) == "");
}

TEST_CASE("format_diagnostic: a line that is not UTF-8 is shown with U+FFFD") {
  SourceFiles files;
  uint32_t f = files.add("b.toml", "name = \"\xca\xd0\"\n");  // 市 in GBK
  CHECK(format_diagnostic(error_at(f, 1, 9, "m", "not-utf8"), files, false) ==
        "b.toml:1:9: error: m [not-utf8]\n"
        "  name = \"\xEF\xBF\xBD\xEF\xBF\xBD\"\n"
        "          ^\n");
}

TEST_CASE("format_diagnostic: a very long line is shown around the column") {
  SourceFiles files;
  std::string line = "x = [" + std::string(300, '[') + "1" + std::string(300, ']') + "]";
  uint32_t f = files.add("p.toml", line + "\n");
  // Column 261: an ellipsis, the 50 characters before it and 50 from it on.
  CHECK(format_diagnostic(error_at(f, 1, 261, "m", "c"), files, false) ==
        "p.toml:1:261: error: m [c]\n"
        "  …" +
            std::string(95, '[') + "1]]]]…\n" + std::string(2 + 51, ' ') + "^\n");
  // Near the start: no ellipsis before.
  CHECK(format_diagnostic(error_at(f, 1, 5, "m", "c"), files, false) ==
        "p.toml:1:5: error: m [c]\n"
        "  x = " +
            std::string(96, '[') +
            "…\n"
            "      ^\n");
  // Wide characters: a window of 100 characters, the caret by display width.
  std::string chinese;
  for (int i = 0; i < 150; ++i) chinese += "局";
  uint32_t h = files.add("r.toml", chinese + "\n");
  CHECK(format_diagnostic(error_at(h, 1, 101, "m", "c"), files, false) ==
        "r.toml:1:101: error: m [c]\n"
        "  …" +
            [] {
              std::string s;
              for (int i = 0; i < 100; ++i) s += "局";
              return s;
            }() +
            "\n"
            "  " +
            std::string(1 + 100, ' ') + "^\n");
}

TEST_CASE("format_diagnostic: control characters in the excerpt show as U+FFFD") {
  SourceFiles files;
  uint32_t f = files.add("n.toml", std::string("a = \"\0\x1b[31m\"\n", 13));
  CHECK(format_diagnostic(error_at(f, 1, 8, "m", "c"), files, false) ==
        "n.toml:1:8: error: m [c]\n"
        "  a = \"\xEF\xBF\xBD\xEF\xBF\xBD[31m\"\n"
        "         ^\n");
}
