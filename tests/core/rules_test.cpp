#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "snapkey/rules.hpp"

namespace snapkey {
namespace {

TEST(RuleTable, HasEveryRuleOfTheSpecInOrderWithSources) {
  const auto table = rule_table();
  ASSERT_EQ(table.size(), 47u);  // R1-R38, and R39-R47 from the 2026-12 addendum
  for (std::size_t i = 0; i < table.size(); ++i) {
    const Rule& rule = table[i];
    EXPECT_EQ(rule.id, fmt::format("R{}", i + 1));
    EXPECT_FALSE(rule.title.empty()) << rule.id;
    EXPECT_FALSE(rule.summary.empty()) << rule.id;
    EXPECT_FALSE(rule.sources.empty()) << rule.id;
    EXPECT_FALSE(rule.confidence_note.empty()) << rule.id;
    EXPECT_EQ(find_rule(rule.id), &rule);
  }
  EXPECT_EQ(find_rule("R48"), nullptr);
}

TEST(RuleTable, DatedRulesAreTheOnesWhoseBehaviourChanged) {
  std::vector<std::string> dated;
  for (const Rule& rule : rule_table()) {
    if (rule.effective) dated.push_back(fmt::format("{} {}", rule.id, rule.effective->to_string()));
  }
  EXPECT_THAT(dated, ::testing::ElementsAre("R18 2025-10-01", "R21 2026-02-01", "R35 2025-09-01",
                                            "R39 2026-02-18", "R41 2026-02-18", "R42 2025-11-17",
                                            "R44 2025-11-06", "R45 2025-06-17"));
  EXPECT_EQ(newest_rule_date().to_string(), "2026-02-18");
}

TEST(Confidence, WeakestWins) {
  EXPECT_EQ(weakest(Confidence::documented, Confidence::observed), Confidence::observed);
  EXPECT_EQ(weakest(Confidence::inferred, Confidence::observed), Confidence::inferred);
  EXPECT_EQ(weakest(Confidence::documented, Confidence::documented), Confidence::documented);
  EXPECT_EQ(to_string(Confidence::observed), "observed");
}

}  // namespace
}  // namespace snapkey
