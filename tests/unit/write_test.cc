#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "core/read/actuals.h"
#include "core/read/load.h"
#include "core/write/transaction.h"
#include "scratch.h"

using namespace tally;

namespace {

// Hooks that act at the rename of file `at` and proceed before it.
ReplaceHooks act_at(size_t at, ReplaceHooks::Action action) {
  ReplaceHooks hooks;
  hooks.before_rename = [at, action](size_t i) {
    return i == at ? action : ReplaceHooks::Action::kProceed;
  };
  return hooks;
}

Actual sample() {
  Actual a;
  a.indicator = "industry.bio-output";
  a.period_text = "2024-06";
  a.value.number = Decimal{18, 1};
  a.recorded.text = "2024-07-15T10:02:00+08:00";
  a.by = "gxj";
  a.source = "统计局6月月报";
  return a;
}

}  // namespace

TEST_CASE("format_actual: the canonical layout, keys in order") {
  Actual a = sample();
  CHECK(format_actual(a) ==
        "\n"
        "[[actual]]\n"
        "indicator = \"industry.bio-output\"\n"
        "period = \"2024-06\"\n"
        "value = 1.8\n"
        "recorded = 2024-07-15T10:02:00+08:00\n"
        "by = \"gxj\"\n"
        "source = \"统计局6月月报\"\n");
  a.note = "1-6月累计";
  a.reason = "统计局修订";
  CHECK(format_actual(a) ==
        "\n"
        "[[actual]]\n"
        "indicator = \"industry.bio-output\"\n"
        "period = \"2024-06\"\n"
        "value = 1.8\n"
        "recorded = 2024-07-15T10:02:00+08:00\n"
        "by = \"gxj\"\n"
        "source = \"统计局6月月报\"\n"
        "note = \"1-6月累计\"\n"
        "reason = \"统计局修订\"\n");
}

TEST_CASE("format_actual: strings are escaped, milestones quoted") {
  Actual a = sample();
  a.source = "统计局\"月报\"\\第6期\n二行\t";
  a.value = ActualValue{};
  a.value.stage = Stage::kInProgress;
  std::string text = format_actual(a);
  CHECK(text.find("value = \"in-progress\"\n") != std::string::npos);
  CHECK(text.find("source = \"统计局\\\"月报\\\"\\\\第6期\\n二行\\t\"\n") != std::string::npos);
  a.value.percent = 60.5;
  CHECK(format_actual_value(a.value) == "\"60.5%\"");
  a.value = ActualValue{};
  a.value.number = Decimal{-50, 0};
  CHECK(format_actual_value(a.value) == "-50");
  a.value.number = Decimal{12, 4};
  CHECK(format_actual_value(a.value) == "0.0012");
}

TEST_CASE("format_actual: what it writes reads back as the same record") {
  Plan plan;
  plan.header.utc_offset_minutes = 480;
  Actual a = sample();
  a.source = "统计局\"月报\"\\第6期\n二行";
  a.note = "1-6月";
  std::vector<Actual> out;
  Diagnostics diags;
  load_actuals_text("# hand-written\n" + format_actual(a), 1, plan, out, diags);
  REQUIRE(diags.empty());
  REQUIRE(out.size() == 1);
  CHECK(out[0].source == a.source);
  CHECK(out[0].note == a.note);
  CHECK(*out[0].value.number == *a.value.number);
  CHECK(out[0].recorded.text == a.recorded.text);
}

TEST_CASE("append_after: a newline only when the file lacks one") {
  CHECK(append_after("", "\n[[actual]]\n") == "\n[[actual]]\n");
  CHECK(append_after("x = 1\n", "\n[[actual]]\n") == "\n[[actual]]\n");
  CHECK(append_after("note = \"a\"  # no newline", "\n[[actual]]\n") == "\n\n[[actual]]\n");
}

TEST_CASE("replace_files: one file, mode kept, nothing left behind") {
  ScratchDir d;
  d.put("gxj.toml", "old\n");
  ::chmod(d.file("gxj.toml").c_str(), 0640);
  std::string error;
  REQUIRE(replace_files(d.path, {{"gxj.toml", "old\nnew\n"}}, &error));
  CHECK(d.get("gxj.toml") == "old\nnew\n");
  struct stat st;
  REQUIRE(::stat(d.file("gxj.toml").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  CHECK(d.names() == std::set<std::string>{"gxj.toml"});
}

TEST_CASE("replace_files: several files, new and existing") {
  ScratchDir d;
  d.put("fgj.toml", "f\n");
  std::string error;
  REQUIRE(replace_files(d.path, {{"fgj.toml", "f\nf2\n"}, {"gxj.toml", "g\n"}}, &error));
  CHECK(d.get("fgj.toml") == "f\nf2\n");
  CHECK(d.get("gxj.toml") == "g\n");
  CHECK(d.names() == std::set<std::string>{"fgj.toml", "gxj.toml"});
}

TEST_CASE("replace_files: a rename that fails undoes the ones before it") {
  ScratchDir d;
  d.put("a.toml", "a\n");
  d.put("b.toml", "b\n");
  ReplaceHooks hooks = act_at(2, ReplaceHooks::Action::kFail);
  std::string error;
  CHECK_FALSE(replace_files(d.path, {{"a.toml", "A\n"}, {"b.toml", "B\n"}, {"c.toml", "C\n"}},
                            &error, hooks));
  CHECK(error == "cannot replace " + d.file("c.toml") + ": Input/output error");
  CHECK(d.get("a.toml") == "a\n");
  CHECK(d.get("b.toml") == "b\n");
  CHECK(d.names() == std::set<std::string>{"a.toml", "b.toml"});
}

TEST_CASE("replace_files: a crash while renaming is undone by recover_dir") {
  ScratchDir d;
  d.put("a.toml", "a\n");
  d.put("b.toml", "b\n");
  ReplaceHooks hooks = act_at(2, ReplaceHooks::Action::kCrash);
  std::string error;
  CHECK_FALSE(replace_files(d.path, {{"a.toml", "A\n"}, {"b.toml", "B\n"}, {"c.toml", "C\n"}},
                            &error, hooks));
  // As a crash leaves it: two files replaced, the journal and backups there.
  CHECK(d.get("a.toml") == "A\n");
  CHECK(d.get("b.toml") == "B\n");
  CHECK(d.exists(".tally.journal"));
  REQUIRE(recover_dir(d.path, &error));
  CHECK(d.get("a.toml") == "a\n");
  CHECK(d.get("b.toml") == "b\n");
  CHECK(d.names() == std::set<std::string>{"a.toml", "b.toml"});
}

TEST_CASE("replace_files: a crash after the last rename is also undone") {
  ScratchDir d;
  d.put("a.toml", "a\n");
  ReplaceHooks hooks = act_at(1, ReplaceHooks::Action::kCrash);
  std::string error;
  CHECK_FALSE(replace_files(d.path, {{"a.toml", "A\n"}, {"new.toml", "N\n"}}, &error, hooks));
  REQUIRE(recover_dir(d.path, &error));
  CHECK(d.get("a.toml") == "a\n");
  CHECK(d.names() == std::set<std::string>{"a.toml"});
}

TEST_CASE("recover_dir: stray temporary files go, a cut journal is harmless") {
  ScratchDir d;
  d.put("a.toml", "a\n");
  d.put(".a.toml.tally-tmp", "half");
  d.put(".tally.journal", "tally-journal 1\nreplace a.toml\ncreate b.to");
  std::string error;
  REQUIRE(recover_dir(d.path, &error));
  CHECK(d.get("a.toml") == "a\n");
  CHECK(d.names() == std::set<std::string>{"a.toml"});
}

TEST_CASE("replace_files: refuses to replace what is not a regular file") {
  ScratchDir d;
  d.put("real.toml", "r\n");
  REQUIRE(::symlink("real.toml", d.file("link.toml").c_str()) == 0);
  std::string error;
  CHECK_FALSE(replace_files(d.path, {{"link.toml", "x\n"}}, &error));
  CHECK(error == d.file("link.toml") +
                     " is not a regular file (a link or a directory?); tally replaces actuals "
                     "files and will not replace it");
  CHECK(d.get("real.toml") == "r\n");
}

TEST_CASE("DirLock: a second writer waits, then gives up") {
  ScratchDir d;
  std::string error;
  auto first = DirLock::acquire(d.path, 1000, &error);
  REQUIRE(first);
  auto second = DirLock::acquire(d.path, 50, &error);
  CHECK_FALSE(second);
  CHECK(error == d.file(".tally.lock") +
                     " is still locked by another tally after 0 s; try again when it has "
                     "finished");
  first.reset();
  CHECK(DirLock::acquire(d.path, 50, &error));
}
