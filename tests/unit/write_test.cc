#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "core/read/actuals.h"
#include "core/read/load.h"
#include "core/write/transaction.h"
#include "scratch.h"
#include "test_texts.h"

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

Actual sample_actual() {
  Actual a;
  a.indicator = "industry.bio-output";
  a.value.number = Decimal{18, 1};
  a.period = Period{Cadence::kMonth, 2024, 6};
  a.recorded = make_timestamp(Date{2024, 7, 15}, 10, 2, 0, 480);
  a.by = "gxj";
  a.source = "统计局6月月报";
  return a;
}

}  // namespace

TEST_CASE("format_actual: the canonical layout, keys in order") {
  Actual a = sample_actual();
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
  Actual a = sample_actual();
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
  Actual a = sample_actual();
  a.source = "统计局\"月报\"\\第6期\n二行";
  a.note = "1-6月";
  std::vector<Actual> out;
  Diagnostics diags;
  load_actuals_text("# hand-written\n" + format_actual(a), 1, plan, test_texts(), out, diags);
  REQUIRE(diags.empty());
  REQUIRE(out.size() == 1);
  CHECK(out[0].source == a.source);
  CHECK(out[0].note == a.note);
  CHECK(*out[0].value.number == *a.value.number);
  CHECK(out[0].recorded.text() == a.recorded.text());
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
  // Each file with the size and FNV-1a hash of its new text: "A\n" is 2 bytes.
  CHECK(d.get(".tally.journal").starts_with("tally-journal 2\nreplace 2 "));
  CHECK(d.get(".tally.journal").ends_with(" c.toml\nend\n"));
  std::vector<std::string> recovered;
  REQUIRE(recover_dir(d.path, &recovered, &error));
  CHECK(d.get("a.toml") == "a\n");
  CHECK(d.get("b.toml") == "b\n");
  CHECK(d.names() == std::set<std::string>{"a.toml", "b.toml"});
  // c.toml was never renamed into place: nothing to say about it.
  CHECK(recovered ==
        std::vector<std::string>{
            "restored " + d.file("a.toml") + " as it was before an interrupted write",
            "restored " + d.file("b.toml") + " as it was before an interrupted write"});
}

TEST_CASE("replace_files: a crash after the last rename is also undone") {
  ScratchDir d;
  d.put("a.toml", "a\n");
  ReplaceHooks hooks = act_at(1, ReplaceHooks::Action::kCrash);
  std::string error;
  CHECK_FALSE(replace_files(d.path, {{"a.toml", "A\n"}, {"new.toml", "N\n"}}, &error, hooks));
  std::vector<std::string> recovered;
  REQUIRE(recover_dir(d.path, &recovered, &error));
  CHECK(d.get("a.toml") == "a\n");
  CHECK(d.names() == std::set<std::string>{"a.toml"});
  // The crash came before new.toml was renamed into place: only a.toml.
  CHECK(recovered == std::vector<std::string>{"restored " + d.file("a.toml") +
                                              " as it was before an interrupted write"});
}

TEST_CASE("recover_dir: a journal that does not match its files is not applied") {
  ScratchDir d;
  d.put("a.toml", "a\n");
  ReplaceHooks hooks = act_at(1, ReplaceHooks::Action::kCrash);
  std::string error;
  CHECK_FALSE(replace_files(d.path, {{"a.toml", "A\n"}, {"new.toml", "N\n"}}, &error, hooks));
  // Someone edits new.toml after the crash: removing it would lose the edit.
  d.put("new.toml", "N\nedited\n");
  std::vector<std::string> recovered;
  CHECK_FALSE(recover_dir(d.path, &recovered, &error));
  CHECK(error == d.file(".tally.journal") +
                     " would remove new.toml, which is not what the interrupted write created; "
                     "nothing was restored. Check the actuals files (the backups of an "
                     "interrupted write are .<name>.tally-bak), then remove the journal");
  CHECK(recovered.empty());
  CHECK(d.get("a.toml") == "A\n");
  CHECK(d.get("new.toml") == "N\nedited\n");
  CHECK(d.exists(".tally.journal"));
}

TEST_CASE("recover_dir: a planted journal deletes and reverts nothing") {
  ScratchDir d;
  d.put("a.toml", "a\n");
  d.put("b.toml", "b\n");
  d.put(".b.toml.tally-bak", "old b\n");
  std::string error;
  std::vector<std::string> recovered;
  // The old format, without fingerprints: not a journal this tally wrote.
  d.put(".tally.journal", "tally-journal 1\ncreate a.toml\nreplace b.toml\n");
  CHECK_FALSE(recover_dir(d.path, &recovered, &error));
  CHECK(error.starts_with(d.file(".tally.journal") +
                          " is not a journal tally wrote; nothing was restored."));
  // Well-formed, but a.toml and b.toml are not what it says was written.
  d.put(".tally.journal", "tally-journal 2\ncreate 9 0000000000000000 a.toml\nend\n");
  CHECK_FALSE(recover_dir(d.path, &recovered, &error));
  d.put(".tally.journal", "tally-journal 2\nreplace 9 0000000000000000 b.toml\nend\n");
  CHECK_FALSE(recover_dir(d.path, &recovered, &error));
  CHECK(error.starts_with(d.file(".tally.journal") +
                          " does not match b.toml: it is neither as it was nor as the "
                          "interrupted write left it; nothing was restored."));
  CHECK(recovered.empty());
  CHECK(d.get("a.toml") == "a\n");
  CHECK(d.get("b.toml") == "b\n");
}

TEST_CASE("recover_dir: a journal that is a FIFO or a link is refused, not waited on") {
  ScratchDir d;
  REQUIRE(::mkfifo(d.file(".tally.journal").c_str(), 0600) == 0);
  std::string error;
  std::vector<std::string> recovered;
  CHECK_FALSE(recover_dir(d.path, &recovered, &error));
  CHECK(error ==
        d.file(".tally.journal") + " is not a regular file, not a journal tally wrote; remove it");
  ::unlink(d.file(".tally.journal").c_str());
  d.put("elsewhere", "tally-journal 2\nend\n");
  REQUIRE(::symlink("elsewhere", d.file(".tally.journal").c_str()) == 0);
  CHECK_FALSE(recover_dir(d.path, &recovered, &error));
  CHECK(error ==
        d.file(".tally.journal") + " is a symbolic link, not a journal tally wrote; remove it");
}

TEST_CASE("recover_dir: stray temporary files go, a cut journal is harmless") {
  ScratchDir d;
  d.put("a.toml", "a\n");
  d.put(".a.toml.tally-tmp", "half");
  d.put(".tally.journal", "tally-journal 2\nreplace 2 0123456789abcdef a.toml\ncreate 2 01");
  std::string error;
  std::vector<std::string> recovered;
  REQUIRE(recover_dir(d.path, &recovered, &error));
  CHECK(d.get("a.toml") == "a\n");
  CHECK(d.names() == std::set<std::string>{"a.toml"});
  CHECK(recovered == std::vector<std::string>{"removed " + d.file(".tally.journal") +
                                              ", a journal cut short: the interrupted write had "
                                              "changed no file"});
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

TEST_CASE("DirLock: a lock file that is a link is never followed") {
  ScratchDir d;
  REQUIRE(::symlink("target", d.file(".tally.lock").c_str()) == 0);
  std::string error;
  CHECK_FALSE(DirLock::acquire(d.path, 50, &error));
  CHECK(error == d.file(".tally.lock") +
                     " is a symbolic link; tally locks only a file of its own there, remove the "
                     "link");
  CHECK_FALSE(d.exists("target"));
  ::unlink(d.file(".tally.lock").c_str());
  REQUIRE(::mkfifo(d.file(".tally.lock").c_str(), 0600) == 0);
  CHECK_FALSE(DirLock::acquire(d.path, 50, &error));
  CHECK(error == d.file(".tally.lock") +
                     " is not a regular file; tally locks only a file of its own there, remove it");
}
