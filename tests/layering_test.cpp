// The include graph points only downward: cli -> io -> core (docs/architecture.md). The core
// (src/core/, include/snapkey/*.hpp) includes nothing of io or the CLI, io nothing of the CLI,
// and no file includes itself through others.
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

#include "source_files.hpp"

namespace snapkey::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::IsEmpty;

// The project's own includes of every file under src/ and include/, by the path they are included
// as ("core/selection.hpp", "snapkey/model.hpp").
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

// The layer of a file: 0 core, 1 io, 2 cli.
int layer(const std::string& name) {
  if (name.starts_with("cli/")) return 2;
  if (name.starts_with("io/") || name.starts_with("snapkey/io/")) return 1;
  // testing.hpp is the installed test helpers' umbrella, built on io (it moves to
  // include/snapkey/testing/ with the folders of issue 10).
  if (name == "snapkey/testing.hpp") return 1;
  return 0;
}

TEST(Layering, IncludesPointOnlyDownward) {
  const auto graph = include_graph();
  ASSERT_GT(graph.size(), 100u);
  std::vector<std::string> upward;
  for (const auto& [file, includes] : graph) {
    for (const std::string& included : includes) {
      if (layer(included) > layer(file)) upward.push_back(file + " includes " + included);
    }
  }
  EXPECT_THAT(upward, IsEmpty());
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
