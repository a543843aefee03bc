// The plain TOML reader against toml++: wherever it reads a text, toml++
// must read the same tree from it, every node and key at the same place.

#include "core/read/fast_toml.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/base/text.h"
#include "core/read/toml_fields.h"

using namespace tally;

namespace {

std::string where(const toml::source_region& s) {
  std::ostringstream out;
  out << s.begin.line << ":" << s.begin.column << (s.path ? " " + *s.path : std::string());
  return out.str();
}

// Every node and key of a tree with its value and place, one per line.
void describe(const toml::node& n, const std::string& name, std::ostringstream& out) {
  out << name << " @" << where(n.source());
  if (const toml::table* t = n.as_table()) {
    out << " table" << (t->is_inline() ? " inline" : "") << "\n";
    for (auto&& [k, v] : *t) {
      out << "key " << k.str() << " @" << where(k.source()) << "\n";
      describe(v, name + "." + std::string(k.str()), out);
    }
  } else if (const toml::array* a = n.as_array()) {
    out << " array\n";
    for (size_t i = 0; i < a->size(); ++i)
      describe(*a->get(i), name + "[" + std::to_string(i) + "]", out);
  } else {
    out << " " << n.type() << " ";
    n.visit([&](auto&& v) {
      if constexpr (toml::is_value<decltype(v)>) out << v << " flags " << int(v.flags());
    });
    out << "\n";
  }
}

std::string describe(const toml::table& t) {
  std::ostringstream out;
  describe(t, "", out);
  return out.str();
}

// What toml++ reads, or its error.
std::string reference(std::string_view text, std::string_view path) {
  try {
    return describe(toml::parse(text, path));
  } catch (const toml::parse_error& e) {
    return std::string("error: ") + std::string(e.description());
  }
}

// The fast reader's tree agrees with toml++'s wherever it gives one; true
// when it gave one.
bool agrees(std::string_view text, std::string_view path = "p/x.toml") {
  std::optional<toml::table> fast = read_plain_toml(text, path);
  if (!fast) return false;
  INFO(text);
  CHECK(describe(*fast) == reference(text, path));
  return true;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::filesystem::path> toml_files(const std::string& under) {
  std::vector<std::filesystem::path> out;
  for (auto& e :
       std::filesystem::recursive_directory_iterator(std::string(TALLY_SOURCE_DIR) + "/" + under))
    if (e.is_regular_file() && e.path().extension() == ".toml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("plain toml: reads every definition and problem file shipped, as toml++ does",
          "[fast_toml]") {
  size_t read = 0;
  for (const char* dir : {"plans", "docs/examples", "tests/plans"}) {
    for (const auto& p : toml_files(dir)) {
      if (p.parent_path().filename() == "actuals") continue;
      const std::string text = read_file(p);
      INFO(p.string());
      const bool shipped = p.string().find("/plans/hongjiang-2024/") != std::string::npos ||
                           p.string().find("/problems/") != std::string::npos;
      // The shipped plan and the example problems are what every command
      // reads: the fast reader must not leave them to toml++.
      if (agrees(strip_bom(text), p.string())) {
        ++read;
      } else {
        CHECK_FALSE(shipped);
      }
    }
  }
  CHECK(read >= 17);
}

TEST_CASE("plain toml: the layouts it reads", "[fast_toml]") {
  for (std::string_view text : {
           "",
           "# only a comment\n",
           "a = 1\nb = -2\nc = 0\nd = 9.5\ne = -0.25\nf = 0.90\n",
           "s = \"洪江 市\" # 注\nt = 'lit\\eral'\nu = \"esc \\\"q\\\" \\u00e9 \\t\"\n",
           "d = 2024-03-21\nb = true\nc = false\n",
           "t = 2024-05-20T10:00:00+08:00\nu = 2024-05-20T23:59:59.5Z\nv = "
           "[2024-01-01T00:00:00.000000001-03:30]\n",
           "a = [1, 2, 3]\nb = []\nc = [ \"x\" , 'y', ]\n",
           "shares = [\n  0, 0.5, # half\n  1,\n]\n",
           "stages = [{ date = 2024-06-30, stage = \"in-progress\" }, {}]\n",
           "[plan]\nid = \"x\"\n\n[bureau.fgj]\nname = \"市发改局\"\n[bureau.gxj]\nname = "
           "\"工信\"\n",
           "[a.b]\nx = 1\n[a]\ny = 2\n",
           "[[indicator]]\nid = \"a\"\n[[indicator]]\nid = \"b\"\n[indicator.sub]\nz = 3\n",
           "\t key\t=\t\"v\"\t\r\n[t]  # header comment\r\nk = 1",
           "k = \"名字\" \nl = [\"市\", \"县\"]\n",
           "deep = [[[[1]]], [[2, [3]]]]\n",
       }) {
    // Each must be read here, not handed on.
    CHECK(agrees(text));
  }
}

TEST_CASE("plain toml: hands to toml++ what it does not read", "[fast_toml]") {
  for (std::string_view text : {
           "a = 1\na = 2\n",                   // a key twice: toml++'s error
           "[t]\n[t]\n",                       // a table twice
           "a = 1\n[a]\n",                     // a value redefined as a table
           "[[a]]\n[a]\n",                     // an array of tables as a table
           "x = [1]\n[[x]]\n",                 // a static array appended to
           "a.b = 1\n",                        // dotted keys
           "\"q\" = 1\n",                      // quoted keys
           "名 = 1\n",                         // a key that is not bare: toml++ gives the error
           "s = \"\"\"multi\"\"\"\n",          // multi-line strings
           "s = '''multi'''\n",                //
           "e = 1e5\n",                        // exponents
           "u = 1_000\n",                      // underscores
           "h = 0x1F\n",                       // hexadecimal
           "p = +1\n",                         // a plus sign
           "l = 007\n",                        // leading zeros
           "n = nan\n",                        // nan, inf
           "t = 2024-03-21T10:00:00\n",        // local date-times
           "t = 2024-03-21 10:00:00+08:00\n",  // a space for the T
           "t = 2024-03-21T10:00:00.1234567891Z\n",  // beyond nanoseconds
           "t = 2024-03-21T24:00:00Z\n",             //
           "t = 10:00:00\n",                         // times
           "d = 2024-02-30\n",                       // impossible dates
           "s = \"open\n",                           // unclosed strings
           "s = \"a\x01b\"\n",                       // control characters
           "# bell \x07\n",                          //
           "a = 1 b = 2\n",                          // two pairs on a line
           "a = 1\rb = 2\n",                         // a bare CR
           "t = { a = 1, }\n",                       // a trailing comma in an inline table
           "t = { a = 1,\n b = 2 }\n",               // an inline table over lines
           "[ t ]\n",                                // spaces in a header
           "[t\n",                                   //
           "a = [1, 2\n",                            //
           "a =\n",                                  //
           "i = 1234567890123456789\n",              // beyond 18 digits
       }) {
    INFO(text);
    CHECK_FALSE(read_plain_toml(text, ""));
  }
  std::string deep = "a = " + std::string(100, '[') + std::string(100, ']') + "\n";
  CHECK_FALSE(read_plain_toml(deep, ""));
}

TEST_CASE("plain toml: parse_toml gives toml++'s table or its error", "[fast_toml]") {
  CHECK(describe(parse_toml("a = 1\n", "f.toml")) == reference("a = 1\n", "f.toml"));
  CHECK(describe(parse_toml("a = 1e3\n", "f.toml")) == reference("a = 1e3\n", "f.toml"));
  try {
    (void)parse_toml("a = 1\na = 2\n", "f.toml");
    FAIL("no error");
  } catch (const toml::parse_error& e) {
    CHECK(e.source().begin.line == 2);
  }
}

TEST_CASE("plain toml: agrees with toml++ on mutated plan files", "[fast_toml]") {
  // Bytes dropped, doubled or replaced by TOML's own punctuation in the
  // shipped plan's files: whatever the fast reader reads, toml++ reads the same.
  const std::string_view alphabet = "[]{}=,.\"'#\n \t-+:0123456789etfxa_\\";
  std::mt19937 rng(20241202);
  size_t read = 0, tried = 0;
  for (const auto& p : toml_files("plans/hongjiang-2024")) {
    const std::string text = read_file(p);
    for (int round = 0; round < 60; ++round) {
      std::string t = text;
      for (int m = 0; m < 3; ++m) {
        const size_t at = rng() % t.size();
        switch (rng() % 3) {
          case 0:
            t.erase(at, 1);
            break;
          case 1:
            t.insert(at, 1, t[at]);
            break;
          default:
            t[at] = alphabet[rng() % alphabet.size()];
        }
      }
      // The loader reads only valid UTF-8 (a file that is not is reported
      // as such): so does the fast reader.
      if (find_invalid_utf8(t)) continue;
      ++tried;
      std::optional<toml::table> fast = read_plain_toml(t, "m.toml");
      if (!fast) continue;
      ++read;
      INFO(p.string() << " round " << round);
      REQUIRE(describe(*fast) == reference(t, "m.toml"));
    }
  }
  // Some of the mutants are read, some are not.
  CHECK(read > 0);
  CHECK(read < tried);
}
