// Alias bombs are found from the parser's events, before anything is expanded.
#include "io/detail/yaml_stream.hpp"

#include <gtest/gtest.h>

#include <string>

namespace snapkey::io::detail {
namespace {

// `levels` levels of nine aliases of the level below, nine scalars at the bottom.
std::string laughs(int levels) {
  std::string out = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= levels; ++i) {
    out += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 9; ++j) out += (j ? ", *a" : "*a") + std::to_string(i - 1);
    out += "]\n";
  }
  return out;
}

TEST(AliasBomb, OrdinaryAliasesPass) {
  EXPECT_FALSE(find_alias_bomb("no aliases: [a, b]\n"));
  EXPECT_FALSE(find_alias_bomb("base: &tags {team: db}\none: *tags\ntwo: *tags\n"));
  EXPECT_FALSE(find_alias_bomb(laughs(4)));  // 9^5 = 59,049 nodes
}

TEST(AliasBomb, NineLevelsOfNineAreFoundAtTheAliasThatPassesTheBudget) {
  const std::optional<YAML::Mark> bomb = find_alias_bomb(laughs(9));
  ASSERT_TRUE(bomb);
  EXPECT_EQ(bomb->line, 6);  // a6's aliases add 9 x 9^6 nodes: past a million
}

TEST(AliasBomb, ASyntaxErrorIsLeftToTheLoader) { EXPECT_FALSE(find_alias_bomb("a: [*b, \n")); }

}  // namespace
}  // namespace snapkey::io::detail
