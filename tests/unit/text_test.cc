#include "core/base/text.h"

#include <catch2/catch.hpp>

using namespace tally;

TEST_CASE("display_width: Chinese counts two columns, ASCII one") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("市发改局") == 8);
  CHECK(display_width("a中b") == 4);
  CHECK(display_width("附件1 二(一)1") == 13);
  CHECK(display_width("洪政办发〔2024〕3号") == 19);  // 〔 〕 are wide
  CHECK(display_width("，。：") == 6);                // fullwidth punctuation
  CHECK(display_width("“八大行动”") == 10);           // curly quotes are narrow
  CHECK(display_width("e\u0301") == 1);               // a combining accent takes no column
  CHECK(display_width("\xEF\xBB\xBF"
                      "a") == 1);  // nor does a BOM
  CHECK(display_width("😀") == 2);
  CHECK(display_width("한국") == 4);
}

TEST_CASE("pad: by display width, left or right") {
  CHECK(pad("市发改局", 10) == "市发改局  ");
  CHECK(pad("市发改局", 10, true) == "  市发改局");
  CHECK(pad("abc", 5) == "abc  ");
  CHECK(pad("abc", 5, true) == "  abc");
  CHECK(pad("市发改局", 4) == "市发改局");  // never cut
  CHECK(pad("", 2) == "  ");
}

TEST_CASE("truncate_to_width: cut with an ellipsis, never mid-character") {
  CHECK(truncate_to_width("市发改局", 8) == "市发改局");
  CHECK(truncate_to_width("市发改局", 7) == "市发改…");
  CHECK(truncate_to_width("市发改局", 6) == "市发…");
  CHECK(truncate_to_width("市发改局", 5) == "市发…");
  CHECK(truncate_to_width("abcdef", 4) == "abc…");
  CHECK(truncate_to_width("a中文", 4) == "a中…");
  CHECK(display_width(truncate_to_width("生物基产业链规模工业总产值", 11)) <= 11);
}

TEST_CASE("csv_field: quotes only when needed") {
  CHECK(csv_field("a") == "a");
  CHECK(csv_field("") == "");
  CHECK(csv_field("市发改局") == "市发改局");
  CHECK(csv_field("fgj,gxj") == "\"fgj,gxj\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("line\nbreak") == "\"line\nbreak\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");
  CHECK(csv_field("附件1 二(一)、三") == "附件1 二(一)、三");
}

TEST_CASE("html_escape") {
  CHECK(html_escape("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
  CHECK(html_escape("市发改局 1-6月") == "市发改局 1-6月");
}

TEST_CASE("json_escape") {
  CHECK(json_escape("a\"b\\c") == "a\\\"b\\\\c");
  CHECK(json_escape("\n\r\t") == "\\n\\r\\t");
  CHECK(json_escape(std::string("\x01\x1f", 2)) == "\\u0001\\u001f");
  CHECK(json_escape("“市发改局”") == "“市发改局”");
  CHECK(json_escape("/") == "/");
}

TEST_CASE("toml_escape") {
  CHECK(toml_escape("a\"b\\c") == "a\\\"b\\\\c");
  CHECK(toml_escape("\n\r\t") == "\\n\\r\\t");
  CHECK(toml_escape(std::string("\x01\x7f", 2)) == "\\u0001\\u007F");
  CHECK(toml_escape("统计局6月月报") == "统计局6月月报");
  // Escapes at the ends and side by side, plain runs between them.
  CHECK(toml_escape("\"市统计局\"") == "\\\"市统计局\\\"");
  CHECK(toml_escape("a\n\nb\\") == "a\\n\\nb\\\\");
  CHECK(toml_escape("") == "");
  std::string out = "note = \"";
  append_toml_escaped(out, "第1条\t\x7f末");
  CHECK(out == "note = \"第1条\\t\\u007F末");
}

TEST_CASE("UTF-8: decode, encode, find the first bad byte") {
  auto cps = decode_utf8("a市😀");
  REQUIRE(cps.size() == 3);
  CHECK(cps[0] == U'a');
  CHECK(cps[1] == U'市');
  CHECK(cps[2] == U'😀');
  std::string back;
  for (char32_t c : cps) append_utf8(back, c);
  CHECK(back == "a市😀");
  std::string two;
  append_utf8(two, 0xE9);
  CHECK(two == "é");
  CHECK(decode_utf8("a\xff"
                    "b") == std::vector<char32_t>{U'a', 0xFFFD, U'b'});

  CHECK_FALSE(find_invalid_utf8("plain ASCII"));
  CHECK_FALSE(find_invalid_utf8("市发改局 😀"));
  CHECK(find_invalid_utf8("\xca\xd0") == 0u);  // 市 in GBK
  CHECK(find_invalid_utf8("name = \"\xca\xd0\"") == 8u);
  CHECK(find_invalid_utf8("ab\xff") == 2u);
  CHECK(find_invalid_utf8("\xe5\xb8") == 0u);          // 市 cut short
  CHECK(find_invalid_utf8("\xc0\xaf") == 0u);          // overlong '/'
  CHECK(find_invalid_utf8("\xed\xa0\x80") == 0u);      // a surrogate
  CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // past U+10FFFF
  CHECK(find_invalid_utf8("\x80") == 0u);              // a lone continuation byte
  // Long ASCII runs are scanned eight bytes at a time: a bad byte at every
  // offset around the word boundaries, and 市 split across them.
  for (size_t at = 0; at < 40; ++at) {
    std::string s(40, 'a');
    s[at] = '\xff';
    CHECK(find_invalid_utf8(s) == at);
    std::string ok(40, 'a');
    ok.replace(at, 0, "市");
    CHECK_FALSE(find_invalid_utf8(ok));
    CHECK(find_invalid_utf8(ok.substr(0, at + 2)) == at);  // 市 cut short
  }
}

TEST_CASE("split, trim, split_list") {
  CHECK(split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
  CHECK(split("", ',') == std::vector<std::string>{""});
  CHECK(trim("  x y \t\r\n") == "x y");
  CHECK(trim("   ") == "");
  CHECK(split_list(" a, ,b ,") == std::vector<std::string>{"a", "b"});
  CHECK(split_list("").empty());
}

TEST_CASE("display_width: colour escapes take no columns") {
  CHECK(display_width("\x1b[31m严重滞后\x1b[0m") == 8);
  CHECK(display_width("\x1b[1;32mok\x1b[0m") == 2);
  CHECK(pad("\x1b[36m未报送\x1b[0m", 8) == "\x1b[36m未报送\x1b[0m  ");
}

TEST_CASE("inert: control characters from data show, never act") {
  CHECK(inert("统计局6月月报") == "统计局6月月报");
  // A source that would retitle the terminal: ESC ] 0 ; pwned BEL.
  CHECK(inert("x\x1b]0;pwned\a") == "x\\x1b]0;pwned\\x07");
  // A line end in a reason would print a fake row of its own.
  CHECK(inert("a\nb\r\tc\x7f") == "a\\x0ab\\x0d\\x09c\\x7f");
  CHECK(inert("a\nb\r", true) == "a\nb\r");
  // C1 controls (U+009B is CSI on some terminals) and bytes not UTF-8.
  CHECK(inert("a\xc2\x9b"
              "2J") == "a\\u009b2J");
  CHECK(inert("a\xff"
              "b") ==
        "a\xef\xbf\xbd"
        "b");
  CHECK(inert("\xc2\xa0é") == "\xc2\xa0é");  // U+00A0 and é are text
}

TEST_CASE("csv_cell: no formula from data reaches a spreadsheet live") {
  CHECK(csv_cell("=HYPERLINK(\"http://x\",\"点击\")") == "'=HYPERLINK(\"http://x\",\"点击\")");
  CHECK(csv_cell("+1+cmd") == "'+1+cmd");
  CHECK(csv_cell("-2+3") == "'-2+3");
  CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_cell("\rx") == "'\rx");
  CHECK(csv_cell("\t=1") == "\\x09=1");  // a tab is shown, so nothing runs
  // Numbers the program writes stay numbers.
  CHECK(csv_cell("-0.05") == "-0.05");
  CHECK(csv_cell("-3%") == "-3%");
  CHECK(csv_cell("1.5e-07") == "1.5e-07");
  CHECK(csv_cell("2024-07-15T10:02:00+08:00") == "2024-07-15T10:02:00+08:00");
  CHECK(csv_cell("-") == "'-");
  CHECK(csv_cell("月报") == "月报");
}

TEST_CASE("find_invalid_utf8: three-byte sequences, valid and not") {
  CHECK_FALSE(find_invalid_utf8("市发改局 \xE1\x80\x80 \xEC\xBF\xBF \xEE\x80\x80 \xEF\xBF\xBF"));
  CHECK_FALSE(find_invalid_utf8(
      "\xE0\xA0\x80 \xED\x9F\xBF"));                 // the least of E0, the last before surrogates
  CHECK(find_invalid_utf8("ab\xE0\x80\x80") == 2u);  // overlong
  CHECK(find_invalid_utf8("ab\xED\xA0\x80") == 2u);  // a surrogate
  CHECK(find_invalid_utf8("ab\xE4\xB8") == 2u);      // cut short at the end
  CHECK(find_invalid_utf8("ab\xE4\xB8x") == 2u);     // not a continuation byte
  CHECK(find_invalid_utf8("ab\xE4x\xB8") == 2u);
  CHECK(find_invalid_utf8("中\xF0\x28\x8C\x28") == 3u);
}

TEST_CASE("display_width and truncate_to_width: an invalid byte counts as U+FFFD") {
  CHECK(display_width("a\xFF"
                      "b") == 3);
  CHECK(display_width("\x1b[31m市\x1b[0m") == 2);
  CHECK(truncate_to_width("市发改局", 5) == "市发…");
  CHECK(truncate_to_width("a\xFF"
                          "bcd",
                          4) ==
        "a\xEF\xBF\xBD"
        "b…");
}

TEST_CASE("fingerprint: a change to any byte, the order or the length shows") {
  const std::string text = "[[actual]]\nindicator = \"a.output\"\nnote = \"一季度\"\n";
  const uint64_t print = fingerprint(text);
  CHECK(fingerprint(text) == print);  // the same text, the same print
  std::string changed = text;
  for (size_t i = 0; i < text.size(); ++i) {
    changed[i] = static_cast<char>(changed[i] ^ 1);
    CHECK(fingerprint(changed) != print);
    changed[i] = text[i];
  }
  // The first two eight-byte words swapped; a NUL byte added at the end.
  CHECK(fingerprint(text.substr(8, 8) + text.substr(0, 8) + text.substr(16)) != print);
  CHECK(fingerprint(text + std::string(1, '\0')) != print);
  CHECK(fingerprint("") != fingerprint(std::string(1, '\0')));
  // Past 32 bytes the words go to four lanes: two blocks of 32 swapped, or
  // two words of one block, show as well.
  const std::string longer = text + text;
  REQUIRE(longer.size() >= 64);
  CHECK(fingerprint(longer.substr(32, 32) + longer.substr(0, 32) + longer.substr(64)) !=
        fingerprint(longer));
  CHECK(fingerprint(longer.substr(8, 8) + longer.substr(0, 8) + longer.substr(16)) !=
        fingerprint(longer));
}

TEST_CASE("join: items with a separator between them") {
  CHECK(join({}, "、") == "");
  CHECK(join({"甲"}, "、") == "甲");
  CHECK(join({"市发改委", "市财政局", "市统计局"}, "、") == "市发改委、市财政局、市统计局");
  CHECK(join({"a", "", "b"}, ", ") == "a, , b");
}
