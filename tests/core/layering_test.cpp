// The include graph points only downward: cli -> io / render -> core (docs/architecture.md). The
// core (src/core/, src/common/, include/snapkey/*.hpp) includes nothing of the others, io and
// render nothing of each other or the CLI, and no file includes itself through others.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/source_files.hpp"

namespace snapkey::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::IsEmpty;

// The project's own includes of every file under src/ and include/, by the path they are included
// as ("core/model/selection.hpp", "snapkey/model.hpp").
std::map<std::string, std::vector<std::string>> include_graph() {
  std::map<std::string, std::vector<std::string>> graph;
  const std::regex include("#include \"([^\"]+)\"");
  for (const char* root : {"src", "include"}) {
    const fs::path base = fs::path(SNAPKEY_SOURCE_DIR) / root;
    for (const auto& entry : fs::recursive_directory_iterator(base)) {
      if (!entry.is_regular_file()) continue;
      const std::string name = fs::relative(entry.path(), base).generic_string();
      const std::string text = read_source_file(std::string(root) + "/" + name);
      std::vector<std::string>& out = graph[name];
      for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it) {
        out.push_back((*it)[1].str());
      }
    }
  }
  return graph;
}

// The part of the tree a file belongs to (docs/architecture.md).
enum class Part { core, io, render, testing, cli };

Part part_of(const std::string& name) {
  if (name.starts_with("cli/")) return Part::cli;
  if (name.starts_with("io/") || name.starts_with("snapkey/io/")) return Part::io;
  if (name.starts_with("render/") || name.starts_with("snapkey/render/")) return Part::render;
  if (name == "snapkey/testing.hpp" || name.starts_with("snapkey/testing/")) return Part::testing;
  return Part::core;  // src/core/, src/common/, include/snapkey/*.hpp
}

// What each part may include besides itself: only downward, and io and render never each other.
bool may_include(Part from, Part to) {
  switch (from) {
    case Part::core:
      return to == Part::core;
    case Part::io:
    case Part::render:
      return to == from || to == Part::core;
    case Part::testing:
      return to != Part::render && to != Part::cli;
    case Part::cli:
      return true;
  }
  return false;
}

// The two deprecated headers that forward the old snapkey/io/ renderer paths to snapkey/render/
// until 0.2: the only io -> render edges.
bool forwards_to_render(const std::string& file) {
  return file == "snapkey/io/render.hpp" || file == "snapkey/io/report.hpp";
}

TEST(Layering, IncludesPointOnlyDownward) {
  const auto graph = include_graph();
  ASSERT_GT(graph.size(), 100u);
  std::vector<std::string> upward;
  for (const auto& [file, includes] : graph) {
    for (const std::string& included : includes) {
      if (forwards_to_render(file) && part_of(included) == Part::render) continue;
      if (!may_include(part_of(file), part_of(included))) {
        upward.push_back(file + " includes " + included);
      }
    }
  }
  EXPECT_THAT(upward, IsEmpty());
}

TEST(Layering, PartsAreToldApart) {
  EXPECT_EQ(part_of("io/detail/json.hpp"), Part::io);
  EXPECT_EQ(part_of("snapkey/render/findings.hpp"), Part::render);
  EXPECT_EQ(part_of("common/strings.hpp"), Part::core);
  EXPECT_FALSE(may_include(Part::io, Part::render));
  EXPECT_FALSE(may_include(Part::render, Part::io));
  EXPECT_FALSE(may_include(Part::core, Part::io));
  EXPECT_TRUE(may_include(Part::cli, Part::render));
}

TEST(Layering, NoFileIncludesItselfThroughOthers) {
  const auto graph = include_graph();
  std::vector<std::string> cycles;
  std::map<std::string, int> state;  // 1 on the path, 2 done
  std::vector<std::string> path;
  std::function<void(const std::string&)> visit = [&](const std::string& file) {
    state[file] = 1;
    path.push_back(file);
    const auto it = graph.find(file);
    for (const std::string& next : it == graph.end() ? std::vector<std::string>{} : it->second) {
      if (state[next] == 1) {
        cycles.push_back(fmt::format("{} -> {}", fmt::join(path, " -> "), next));
      } else if (state[next] == 0) {
        visit(next);
      }
    }
    path.pop_back();
    state[file] = 2;
  };
  for (const auto& [file, includes] : graph) {
    if (state[file] == 0) visit(file);
  }
  EXPECT_THAT(cycles, IsEmpty());
}

}  // namespace
}  // namespace snapkey::testing
