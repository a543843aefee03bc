// The canonical actuals reader against toml++: for every text, the loader
// (canonical reader with toml++ fallback) and the reference reader (toml++
// alone) must give the same records and the same diagnostics, in the same
// order, at the same places.

#include "core/read/fast_actuals.h"

#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "core/read/actuals.h"
#include "core/read/load.h"
#include "describe_actual.h"
#include "test_texts.h"

using namespace tally;
using tally::testing::describe;

namespace {

Plan test_plan() {
  Plan plan;
  plan.header.utc_offset_minutes = 8 * 60;
  plan.header.utc_offset = "+08:00";
  return plan;
}

struct Read {
  std::vector<std::string> records;
  std::vector<std::string> diags;
  ActualsReadStats stats;
};

Read read_with(std::string_view text, bool reference) {
  Plan plan = test_plan();
  std::vector<Actual> out;
  // A record already in the list, as when the loader reads a second file.
  out.emplace_back();
  Diagnostics diags;
  Read r;
  if (reference) {
    load_actuals_text_toml(text, 3, plan, test_texts(), out, diags);
  } else {
    load_actuals_text(text, 3, plan, test_texts(), out, diags, &r.stats);
  }
  for (size_t i = 1; i < out.size(); ++i) r.records.push_back(describe(out[i]));
  for (const auto& d : diags.items()) {
    r.diags.push_back(describe(d));
  }
  CHECK(diags.error_count() ==
        static_cast<size_t>(
            std::count_if(diags.items().begin(), diags.items().end(),
                          [](const Diagnostic& d) { return d.severity == Severity::kError; })));
  return r;
}

// Reads `text` both ways, requires the same result, and returns what the
// loader did.
ActualsReadStats same_both_ways(std::string_view text) {
  Read fast = read_with(text, false);
  Read ref = read_with(text, true);
  INFO("text:\n" << text);
  CHECK(fast.records == ref.records);
  CHECK(fast.diags == ref.diags);
  return fast.stats;
}

// A record as `tally record` writes it (format_actual), without the blank
// line before it.
Actual sample_actual() {
  Actual a;
  a.indicator = "industry.bio-output";
  a.period = *parse_period("2024-06", nullptr);
  a.value.number = parse_decimal("1.8");
  a.recorded = make_timestamp(Date{2024, 7, 15}, 10, 2, 0, 480);
  a.by = "gxj";
  a.source = "统计局6月月报";
  a.note = "1-6月累计";
  a.reason = "统计局修订";
  return a;
}

const std::string kRecord = format_actual(sample_actual()).substr(1);

// A canonical record with one line replaced (or removed when `line` is empty).
std::string with_line(std::string_view key, std::string_view line) {
  std::string out;
  std::istringstream in(kRecord);
  std::string l;
  while (std::getline(in, l)) {
    if (l.compare(0, key.size() + 1, std::string(key) + " ") == 0) {
      if (!line.empty()) out += std::string(line) + "\n";
    } else {
      out += l + "\n";
    }
  }
  return out;
}

}  // namespace

TEST_CASE("fast actuals: the canonical layout is read without toml++") {
  auto s = same_both_ways(std::string("# 市工信局 实绩\n\n") + kRecord + "\n" + kRecord);
  CHECK(s.canonical_records == 2);
  CHECK(s.toml_records == 0);
  CHECK(s.toml_files == 0);
}

TEST_CASE("fast actuals: what record writes is read back by the canonical reader") {
  std::string file = "# 市工信局\n";
  std::vector<Actual> written;
  const char* const texts[] = {
      "统计局6月月报", "say \"hi\"", "back\\slash", "two\nlines", "tab\there",
      "bell\x07",      "del\x7f",    "😀 emoji",     "",           "#not a comment"};
  const char* const values[] = {"1.8",  "0",           "-12.5", "30951",
                                "done", "in-progress", "60%",   "stalled"};
  for (size_t k = 0; k < 30; ++k) {
    Actual a = sample_actual();
    a.source = test_texts().keep(std::string("source ") + texts[k % std::size(texts)]);
    a.note = texts[(k + 3) % std::size(texts)];
    a.reason = texts[(k + 7) % std::size(texts)];
    std::string_view v = values[k % std::size(values)];
    if (auto d = parse_decimal(v)) {
      a.value.number = d;
    } else {
      a.value = ActualValue{};
      if (auto st = parse_task_state(v))
        a.value.stage = st;
      else
        a.value = ActualValue{std::nullopt, Stage::kInProgress, 60.0};
    }
    file += format_actual(a);
    written.push_back(a);
  }
  auto s = same_both_ways(file);
  CHECK(s.canonical_records == written.size());
  CHECK(s.toml_records + s.toml_files == 0);
  Plan plan = test_plan();
  std::vector<Actual> read;
  Diagnostics diags;
  load_actuals_text(file, 1, plan, test_texts(), read, diags);
  REQUIRE(read.size() == written.size());
  for (size_t k = 0; k < read.size(); ++k) {
    CHECK(read[k].source == written[k].source);
    CHECK(read[k].note == written[k].note);
    CHECK(read[k].reason == written[k].reason);
    CHECK(format_actual_value(read[k].value) == format_actual_value(written[k].value));
  }
}

TEST_CASE("fast actuals: every value type and period notation") {
  for (const char* value : {"1.8",
                            "0",
                            "-0",
                            "+5",
                            "30951",
                            "-12.5",
                            "0.0001",
                            "0.00001",
                            "1.80",
                            "123456789012.345678",
                            "999999999999999999",
                            "1000000000000000000",
                            "-0.0",
                            "3.6",
                            "0.1",
                            "100.000",
                            "\"done\"",
                            "\"in-progress\"",
                            "\"not-started\"",
                            "\"stalled\"",
                            "\"stall\"",
                            "\"60%\"",
                            "\"0%\"",
                            "\"100%\"",
                            "\"101%\"",
                            "\"-5%\"",
                            "\"%\"",
                            "\"don\"",
                            "\"\"",
                            "\"1.8\""}) {
    INFO(value);
    auto s = same_both_ways(with_line("value", std::string("value = ") + value));
    CHECK(s.toml_files == 0);
  }
  for (const char* period : {"2024",       "2024-H1",     "2024-h2",     "2024-Q3",
                             "2024-q4",    "2024-06",     "2024-12",     "2024-06-D1",
                             "2024-06-d2", "2024-06上旬", "2024-06中旬", "2024-06下旬",
                             "2024-13",    "2024-00",     "2024-06-15",  "24-06",
                             "",           "abc",         "0001",        "2024-Q5",
                             "2024-H3",    "2024-06-D4"}) {
    INFO(period);
    same_both_ways(with_line("period", std::string("period = \"") + period + "\""));
  }
  for (const char* recorded : {"2024-07-15T10:02:00+08:00",
                               "2024-07-15T10:02:00Z",
                               "2024-07-15T10:02:00z",
                               "2024-07-15T10:02:00-05:30",
                               "2024-07-15T10:02:00-00:00",
                               "2024-02-29T23:59:59+14:00",
                               "2024-07-15T10:02:00",
                               "2024-07-15 10:02:00+08:00",
                               "2024-07-15t10:02:00+08:00",
                               "2024-07-15T10:02:00.123+08:00",
                               "2024-07-15T10:02+08:00",
                               "2024-02-30T10:02:00+08:00",
                               "2023-02-29T10:02:00+08:00",
                               "2024-07-15T24:00:00+08:00",
                               "2024-07-15T10:60:00+08:00",
                               "2024-07-15T10:02:60+08:00",
                               "2024-07-15T10:02:00+24:00",
                               "2024-07-15T10:02:00+08:60",
                               "2024-07-15",
                               "10:02:00",
                               "\"2024-07-15T10:02:00+08:00\"",
                               "0000-01-01T00:00:00Z"}) {
    INFO(recorded);
    same_both_ways(with_line("recorded", std::string("recorded = ") + recorded));
  }
}

TEST_CASE("fast actuals: numbers decode exactly as toml++ and decimal_from_double do") {
  // Random decimals of every length and magnitude, around the edges of the
  // shortcut (15 significant digits, 1e-4, 1e15).
  std::mt19937 rng(31);
  std::string values;
  for (int k = 0; k < 3000; ++k) {
    std::string v = rng() % 4 == 0 ? "-" : "";
    size_t int_digits = rng() % 19, frac_digits = rng() % 12;
    if (int_digits == 0) {
      v += "0";
    } else {
      v += static_cast<char>('1' + rng() % 9);
      for (size_t d = 1; d < int_digits; ++d) v += static_cast<char>('0' + rng() % 10);
    }
    if (frac_digits) {
      v += ".";
      size_t zeros = rng() % 3 == 0 ? rng() % 7 : 0;
      for (size_t d = 0; d < frac_digits; ++d)
        v += d < zeros ? '0' : static_cast<char>('0' + rng() % 10);
    }
    values += std::string(kRecord).substr(0, 11) +
              "indicator = \"x\"\nperiod = \"2024-06\"\nvalue = " + v +
              "\nrecorded = 2024-07-15T10:02:00+08:00\nby = \"b\"\nsource = \"s\"\n";
  }
  auto s = same_both_ways(values);
  CHECK(s.canonical_records > 2000);
}

TEST_CASE("fast actuals: strings and escapes") {
  for (const char* source : {R"("统计局\"6月\"月报")",
                             R"("a\\b")",
                             R"("line\nbreak")",
                             R"("tab\there")",
                             "\"raw\ttab\"",
                             R"("\u4E2D\u6587")",
                             R"("\U0001F600")",
                             R"("\b\f\r")",
                             R"("\u0000")",
                             R"("\u001f")",
                             R"("\uD800")",
                             R"("\U00110000")",
                             R"("\e")",
                             R"("\x41")",
                             R"("\u12")",
                             R"("\q")",
                             R"("")",
                             R"('literal')",
                             R"("""multi""")",
                             "\"\"\"\nmulti\nline\"\"\"",
                             "\"ctl\x01\"",
                             "\"del\x7f\"",
                             "\"\xEF\xBF\xBF\"",
                             "\"unterminated",
                             R"("a" "b")",
                             R"("trailing\")"}) {
    INFO(source);
    same_both_ways(with_line("source", std::string("source = ") + source));
  }
}

TEST_CASE("fast actuals: a long string's escapes and control characters at every offset") {
  // The reader looks at a string eight bytes at a time; what stops it must
  // be found wherever it falls in the eight. Escapes, a tab and Chinese are
  // the canonical reader's; other control characters are toml++'s to report.
  struct Stop {
    std::string text;
    bool canonical;
  };
  for (const Stop& stop :
       {Stop{"\\\"", true}, Stop{"\\\\", true}, Stop{"\\u4E2D", true}, Stop{"\t", true},
        Stop{"中", true}, Stop{"\x01", false}, Stop{"\x1f", false}, Stop{"\x7f", false}}) {
    for (size_t before = 0; before < 18; ++before) {
      const std::string text = std::string(before, 'x') + stop.text + std::string(11, 'y');
      INFO(before << ": " << text);
      ActualsReadStats s = same_both_ways(with_line("source", "source = \"" + text + "\""));
      CHECK(s.canonical_records == (stop.canonical ? 1u : 0u));
    }
  }
}

TEST_CASE("fast actuals: layout variations") {
  const std::string r = kRecord;
  auto replace_all = [](std::string s, std::string_view from, std::string_view to) {
    for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size())
      s.replace(p, from.size(), to);
    return s;
  };
  enum Reader { kCanonical, kToml, kNeither };
  struct Case {
    std::string text;
    Reader reader;  // kCanonical: every record read without toml++
  };
  const Case cases[] = {
      {"", kCanonical},
      {"# only a comment\n", kCanonical},
      {"# no line end", kCanonical},
      {"\n\n  \t\n", kCanonical},
      {r, kCanonical},
      {"\xEF\xBB\xBF" + r, kCanonical},
      {"\xEF\xBB\xBF# 注释\n" + r, kCanonical},
      {replace_all(r, "\n", "\r\n"), kCanonical},
      {replace_all("# c\n" + r + r, "\n", "\r\n"), kCanonical},
      {r.substr(0, r.size() - 1), kCanonical},
      {replace_all(r, " = ", "="), kCanonical},
      {replace_all(r, " = ", " \t=\t  "), kCanonical},
      {replace_all(r, "\n", "   \n"), kCanonical},
      {replace_all(r, "\n", " # 注释 \"x\" = [\n"), kCanonical},
      {replace_all(r, "\nperiod", "\n  # 注释\n\n\tperiod"), kCanonical},
      {"  [[actual]]  # 首条\n" + r.substr(11), kCanonical},
      {with_line("note", "") + "note = \"moved\"\n", kCanonical},
      {with_line("reason", ""), kCanonical},
      {with_line("note", ""), kCanonical},
      {replace_all(r, "\n", "\r"), kToml},
      {replace_all(r, "indicator =", "indicator"), kToml},
      {replace_all(r, "by = ", "\"by\" = "), kToml},
      {replace_all(r, "by = ", "by.x = "), kToml},
      {replace_all(r, "by = ", "BY = "), kToml},
      {with_line("by", ""), kToml},
      {with_line("source", ""), kToml},
      {with_line("value", ""), kToml},
      {with_line("recorded", ""), kToml},
      {with_line("indicator", ""), kToml},
      {with_line("period", ""), kToml},
      {r + "extra = 1\n", kToml},
      {r + "by = \"twice\"\n", kToml},
      {r + "sourse = \"typo\"\n", kToml},
      {with_line("by", "by = 5"), kToml},
      {with_line("by", "by = [\"a\"]"), kToml},
      {with_line("by", "by = { id = \"a\" }"), kToml},
      {with_line("value", "value = true"), kToml},
      {with_line("value", "value = 1e3"), kToml},
      {with_line("value", "value = 1_000"), kToml},
      {with_line("value", "value = 1.5E-2"), kToml},
      {with_line("value", "value = 0x10"), kToml},
      {with_line("value", "value = 01"), kToml},
      {with_line("value", "value = 1."), kToml},
      {with_line("value", "value = .5"), kToml},
      {with_line("value", "value = inf"), kToml},
      {with_line("value", "value = -nan"), kToml},
      {with_line("value", "value = 2024-06-30"), kToml},
      {with_line("value", "value = [1, 2]"), kToml},
      {with_line("value", "value = 1 2"), kToml},
      {with_line("value", "value = 1.8x"), kToml},
      {with_line("value", "value = 12345678901234567890"), kToml},
      {with_line("indicator", "indicator = 'industry.bio-output'"), kToml},
      {"title = \"实绩\"\n" + r, kToml},
      {"actual = 5\n", kToml},
      {"[meta]\nx = 1\n" + r, kToml},
      {r + "[meta]\nx = 1\n", kToml},
      {r + "[actual.extra]\nx = 1\n", kToml},
      {r + "[[actual.sub]]\nx = 1\n", kToml},
      {"[actual]\nindicator = \"x\"\n", kToml},
      {"[ [actual] ]\n" + r.substr(11), kToml},
      {"[[ actual ]]\n" + r.substr(11), kToml},
      {"[[actual]]x\n" + r.substr(11), kToml},
      {"[[actual]] # ctl\x01\n" + r.substr(11), kToml},
      {with_line("note", "note = \"\"\"\n[[actual]]\nindicator = \"x\"\n\"\"\""), kToml},
      {with_line("note", "note = '''\n[[actual]]\n'''"), kToml},
      {with_line("note", "note = [\n  \"a\",\n]"), kToml},
      {with_line("note", "note = [\n[\"a\"],\n]"), kToml},
      {r + "# ctl \x02\n", kToml},
      {"# ctl \x7f\n" + r, kToml},
      {"# cr \r in comment\n" + r, kToml},
      {r + r + "\n[[actual]]\n", kToml},
      {"[[actual]]\n", kToml},
      {"[[actual]]\n[[actual]]\n" + r.substr(11), kToml},
      {"\xEF\xBB\xBF\xEF\xBB\xBF" + r, kToml},
      {"\xFF" + r, kNeither},
      {r + "note2 = \"\xC0\xAF\"\n", kNeither},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto s = same_both_ways(c.text);
    switch (c.reader) {
      case kCanonical:
        CHECK(s.toml_records + s.toml_files == 0);
        break;
      case kToml:
        CHECK(s.toml_records + s.toml_files > 0);
        break;
      case kNeither:
        CHECK(s.canonical_records + s.toml_records + s.toml_files == 0);
        break;
    }
  }
}

TEST_CASE("fast actuals: a declined record is read by toml++ at its own lines") {
  std::string text = "# head\n\n" + kRecord + "\n" + with_line("by", "by = 5") + "\n" +
                     with_line("value", "value = \"abc\"") + "\n" + kRecord;
  auto s = same_both_ways(text);
  CHECK(s.canonical_records == 3);
  CHECK(s.toml_records == 1);
  CHECK(s.toml_files == 0);
}

TEST_CASE("fast actuals: a syntax error anywhere gives toml++'s one message") {
  std::string text = std::string(kRecord) + "\n" + with_line("by", "by = \"x") + "\n" + kRecord +
                     "\n" + with_line("value", "value = \"abc\"");
  auto s = same_both_ways(text);
  CHECK(s.toml_files == 1);
  Read fast = read_with(text, false);
  REQUIRE(fast.diags.size() == 1);
  CHECK(fast.records.empty());
  CHECK(fast.diags[0].find("[toml-syntax]") != std::string::npos);
}

namespace {

// The records split_actual_records cuts `text` into, as (line, text); nullopt
// when it declines the file.
using Cuts = std::vector<std::pair<uint32_t, std::string_view>>;
std::optional<Cuts> cuts(std::string_view text) {
  auto records = split_actual_records(text);
  if (!records) return std::nullopt;
  Cuts out;
  for (const RecordText& r : *records) out.emplace_back(r.line, r.text);
  return out;
}

}  // namespace

TEST_CASE("fast actuals: split_actual_records cuts at header lines") {
  CHECK(cuts("# c\n\n[[actual]]\na = 1\n\n  [[actual]] # x\nb = 2") ==
        Cuts{{3, "[[actual]]\na = 1\n\n"}, {6, "  [[actual]] # x\nb = 2"}});
  CHECK_FALSE(cuts("x = 1\n[[actual]]\n"));
  CHECK_FALSE(cuts("[[actual]]\n[other]\n"));
  CHECK(cuts("") == Cuts{});
  // A "[" that is not the first byte of its line after spaces is the
  // record's own: in a string, after a key, in a comment. CRLF line ends
  // and a tab before a header change nothing.
  CHECK(cuts("[[actual]]\r\nnote = \"[见附件]\"\r\n# [[actual]]\r\nby = \"x\" # [y]\r\n\r\n"
             "\t[[actual]]\r\n[[actual]]") ==
        Cuts{{1, "[[actual]]\r\nnote = \"[见附件]\"\r\n# [[actual]]\r\nby = \"x\" # [y]\r\n\r\n"},
             {6, "\t[[actual]]\r\n"},
             {7, "[[actual]]"}});
  CHECK_FALSE(cuts("[[actual]]\na = 1\n  [actual]\n"));
  CHECK_FALSE(cuts("[[actual]]\n[[actual]] x\n"));
}

TEST_CASE("fast actuals: records appended to a file read alone as in the whole text") {
  // What `record` appends, read alone, gives the records (and locations)
  // that reading the whole new text gives after the old ones.
  const std::string added =
      "\n" + kRecord + "\n" + with_line("source", "source = '统计局6月月报'") + "\n" + kRecord;
  for (std::string old : {std::string(), "# 市工信局 实绩\n\n" + kRecord,
                          "# head\n\n" + kRecord + "\n" + with_line("by", "by = 5"),
                          "\xEF\xBB\xBF# BOM\r\n\r\n" + kRecord + "note_tail = 1",
                          std::string("# no line end at the end")}) {
    const std::string text = old + append_after(old, added);
    INFO("old text:\n" << old);
    Plan plan = test_plan();
    std::vector<Actual> whole, alone;
    Diagnostics whole_diags, alone_diags;
    load_actuals_text(text, 3, plan, test_texts(), whole, whole_diags);
    REQUIRE(load_appended_actuals(text, old.size(), 3, plan, test_texts(), alone, alone_diags));
    REQUIRE(alone.size() == 3);
    REQUIRE(whole.size() >= 3);
    const size_t old_count = whole.size() - 3;
    for (size_t j = 0; j < 3; ++j) {
      alone[j].file_order += static_cast<uint32_t>(old_count);
      CHECK(describe(alone[j]) == describe(whole[old_count + j]));
    }
    CHECK(alone_diags.items().empty());
  }
  Plan plan = test_plan();
  std::vector<Actual> out;
  Diagnostics diags;
  // Old text that cannot be read record by record, a new part that is not
  // TOML: the whole text must be read.
  const std::string top = "title = \"x\"\n" + kRecord;
  CHECK_FALSE(
      load_appended_actuals(top + "\n" + kRecord, top.size(), 3, plan, test_texts(), out, diags));
  const std::string bad = kRecord + "\n" + with_line("by", "by = \"x");
  CHECK_FALSE(load_appended_actuals(bad, kRecord.size(), 3, plan, test_texts(), out, diags));
  CHECK_FALSE(
      load_appended_actuals(kRecord + "\n\xFF", kRecord.size(), 3, plan, test_texts(), out, diags));
  CHECK(out.empty());
  CHECK(diags.items().empty());
}

TEST_CASE("fast actuals: random edits of canonical text read the same both ways") {
  // Small edits at random places, drawn from the characters that matter to
  // TOML; the two readers must agree on every result.
  const std::string plain = std::string("# 头注\n") + kRecord + "\n" +
                            with_line("value", "value = \"60%\"") + "\n" +
                            with_line("note", "note = \"a\\\"b\\u4E2D\\n\"");
  // The same with a BOM, CRLF line ends and a record in odd spacing.
  std::string windows = "\xEF\xBB\xBF";
  for (char c : plain) windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
  windows +=
      "  [[actual]] # x\r\nindicator=\"a\"\r\nperiod\t=\t\"2024-06-D2\"\r\nvalue = -0.5 # v\r\n"
      "recorded = 2024-01-01T00:00:00Z\r\nby = \"b\"\r\nsource = \"s\"\r\n";
  const std::vector<std::string> pieces = {" ",
                                           "\t",
                                           "#",
                                           "\"",
                                           "\\",
                                           "=",
                                           "\n",
                                           "\r\n",
                                           "\r",
                                           "[",
                                           "]",
                                           "e",
                                           "_",
                                           ".",
                                           "-",
                                           "+",
                                           "0",
                                           "9",
                                           "Z",
                                           ":",
                                           "T",
                                           "x",
                                           "中",
                                           "'",
                                           "[[actual]]\n",
                                           "\n[[actual]]\n",
                                           "value = 1\n",
                                           "\\u",
                                           "\x01",
                                           "%",
                                           "by = \"a\"\n"};
  std::mt19937 rng(20240615);
  size_t canonical = 0, declined = 0, whole = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text = round % 2 ? windows : plain;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      size_t at = rng() % (text.size() + 1);
      switch (rng() % 3) {
        case 0:
          text.insert(at, pieces[rng() % pieces.size()]);
          break;
        case 1:
          if (at < text.size()) text.erase(at, 1 + rng() % 3);
          break;
        default:
          if (at < text.size()) text.replace(at, 1, pieces[rng() % pieces.size()]);
          break;
      }
    }
    auto s = same_both_ways(text);
    canonical += s.canonical_records;
    declined += s.toml_records;
    whole += s.toml_files;
  }
  // The edits exercise all three ways of reading.
  CHECK(canonical > 1000);
  CHECK(declined > 100);
  CHECK(whole > 100);
}

TEST_CASE("fast actuals: fractional seconds read the same both ways") {
  auto text = [](const std::string& recorded) {
    return "[[actual]]\nindicator = \"a\"\nperiod = \"2024-06\"\nvalue = 1\nrecorded = " +
           recorded + "\nby = \"gxj\"\nsource = \"x\"\n";
  };
  // 1 to 9 digits are read by the canonical reader; the text keeps the
  // fraction without trailing zeros.
  for (const char* t : {"2024-07-15T10:02:00.5+08:00", "2024-07-15T10:02:00.001+08:00",
                        "2024-07-15T10:02:00.123456789Z", "2024-07-15T10:02:00.500+08:00"}) {
    CHECK(same_both_ways(text(t)).canonical_records == 1);
  }
  Read r = read_with(text("2024-07-15T10:02:00.500+08:00"), false);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].find("1721008920.500000000 480 2024-07-15T10:02:00.5+08:00") !=
        std::string::npos);
  // More digits than nanoseconds, or none after the point, are toml++'s.
  CHECK(same_both_ways(text("2024-07-15T10:02:00.1234567891+08:00")).canonical_records == 0);
  CHECK(same_both_ways(text("2024-07-15T10:02:00.+08:00")).canonical_records == 0);
}
