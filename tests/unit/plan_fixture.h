// A tiny valid plan in memory, for the loader and check tests: each test
// replaces or adds the file it is about and reads what the loader says.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "core/base/fs.h"
#include "core/check/check.h"
#include "core/read/load.h"

namespace tally::test {

inline const char* const kPlanToml = R"([plan]
id = "t-2024"
title = "测试方案"
start = 2024-01-01
end = 2024-12-31
)";

inline const char* const kBureausToml = R"([bureau.fgj]
name = "市发改局"
aliases = ["发改局"]

[bureau.gxj]
name = "市工信局"
)";

inline const char* const kActionToml = R"([action]
id = "a"
number = 1
name = "产业行动"
lead = "fgj"

[[indicator]]
id = "a.output"
name = "工业总产值"
kind = "cumulative"
unit = "亿元"
target = 3.6
lead = "gxj"
)";

/// The plan in p/: plan.toml, bureaus.toml, actions/01-a.toml, no actuals.
struct TestPlan {
  MemoryFileSystem fs;

  TestPlan() {
    fs.put("p/plan.toml", kPlanToml);
    fs.put("p/bureaus.toml", kBureausToml);
    fs.put("p/actions/01-a.toml", kActionToml);
  }

  TestPlan& put(const std::string& rel, std::string text) {
    fs.put("p/" + rel, std::move(text));
    return *this;
  }

  /// Appends indicator tables to actions/01-a.toml.
  TestPlan& add_indicator(const std::string& toml) {
    return put("actions/01-a.toml", std::string(kActionToml) + "\n" + toml);
  }

  LoadResult load(bool skip_actuals = false) const {
    return load_plan(fs, LoadOptions{"p", "", skip_actuals});
  }
};

/// Every diagnostic as `path:line:col: code: message`, in the order given.
inline std::vector<std::string> lines(const Diagnostics& diags, const SourceFiles& files) {
  std::vector<std::string> out;
  for (const auto& d : diags.items()) {
    out.push_back(fmt::format("{}:{}:{}: {}: {}", files.path(d.loc.file), d.loc.line, d.loc.col,
                              d.code, d.message));
  }
  return out;
}

inline std::vector<std::string> lines(const LoadResult& r) {
  return lines(r.diags, r.files);
}

/// What one check function finds in a plan that loaded without diagnostics.
template <typename CheckFn>
std::vector<std::string> run_check(const LoadResult& r, CheckFn fn) {
  Diagnostics diags;
  fn(r.plan, diags);
  return lines(diags, r.files);
}

using Lines = std::vector<std::string>;

}  // namespace tally::test
