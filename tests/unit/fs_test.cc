#include "core/base/fs.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "scratch.h"

using namespace tally;

TEST_CASE("fs: inside, for files, links and names that leave the directory") {
  ScratchDir d;
  namespace fs = std::filesystem;
  fs::create_directories(d.file("plan/actions"));
  fs::create_directories(d.file("outside"));
  d.put("plan/plan.toml", "");
  d.put("plan/actions/01-a.toml", "");
  d.put("outside/secret.toml", "");
  fs::create_symlink(d.file("outside/secret.toml"), d.file("plan/away.toml"));
  fs::create_symlink("plan.toml", d.file("plan/near.toml"));
  fs::create_symlink(d.file("outside"), d.file("plan/linked"));
  fs::create_symlink(d.file("plan"), d.file("alias"));
  const std::string plan = d.file("plan");
  const std::string outside = fs::canonical(d.file("outside")).string();
  DiskFileSystem disk;
  std::string target;

  CHECK(disk.inside(plan + "/plan.toml", plan, &target));
  CHECK(disk.inside(plan + "/actions/01-a.toml", plan, &target));
  CHECK(disk.inside(plan + "//actions/01-a.toml", plan, &target));
  CHECK(disk.inside(plan + "/near.toml", plan, &target));     // a link that stays
  CHECK(disk.inside(plan + "/missing.toml", plan, &target));  // read() says it is missing
  CHECK(disk.inside(d.file("alias/plan.toml"), d.file("alias"), &target));  // the directory a link
  CHECK(disk.inside(d.file("alias/plan.toml"), plan, &target));
  CHECK(disk.inside(plan + "/../plan/plan.toml", plan, &target));
  CHECK(target.empty());

  CHECK_FALSE(disk.inside(plan + "/away.toml", plan, &target));
  CHECK(target == outside + "/secret.toml");
  target.clear();
  CHECK_FALSE(disk.inside(plan + "/linked/secret.toml", plan, &target));
  CHECK(target == outside + "/secret.toml");
  target.clear();
  CHECK_FALSE(disk.inside(plan + "/../outside/secret.toml", plan, &target));
  CHECK(target == outside + "/secret.toml");
}

TEST_CASE("fs: inside, relative to the working directory") {
  ScratchDir d;
  namespace fs = std::filesystem;
  fs::create_directories(d.file("plan"));
  d.put("plan/plan.toml", "");
  d.put("other.toml", "");
  const fs::path was = fs::current_path();
  fs::current_path(d.file("plan"));
  DiskFileSystem disk;
  std::string target;
  CHECK(disk.inside("plan.toml", ".", &target));
  CHECK(disk.inside("plan.toml", "", &target));
  CHECK(disk.inside("./plan.toml", ".", &target));
  CHECK_FALSE(disk.inside("../other.toml", ".", &target));
  CHECK(target == fs::canonical(d.file("other.toml")).string());
  fs::current_path(was);
}
