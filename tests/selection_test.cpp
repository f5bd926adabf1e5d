// Backup selections (resource assignments) and plan targets not known until apply.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/selection.hpp"
#include "world.hpp"

namespace snapkey::testing {
namespace {

using ::testing::ElementsAre;

TEST(GlobMatch, StarAndQuestionMark) {
  EXPECT_TRUE(detail::glob_match("*", "anything"));
  EXPECT_TRUE(detail::glob_match("arn:aws:rds:*:*:cluster:*",
                                 "arn:aws:rds:us-east-1:111111111111:cluster:a"));
  EXPECT_FALSE(
      detail::glob_match("arn:aws:rds:*:*:cluster:*", "arn:aws:rds:us-east-1:111111111111:db:a"));
  EXPECT_TRUE(detail::glob_match("prod-?", "prod-1"));
  EXPECT_FALSE(detail::glob_match("prod-?", "prod-10"));
  EXPECT_TRUE(detail::glob_match("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(detail::glob_match("a*b*c", "aXXbYY"));
  EXPECT_TRUE(detail::glob_match("", ""));
}

class Selections : public ::testing::Test {
 protected:
  Selections() {
    w.resource("prod", "").tags = {{"backup", "daily"}, {"env", "prod"}};
    w.resource("test", "").tags = {{"backup", "daily"}, {"env", "test"}};
    w.resource("untagged", "");
    w.resource("elsewhere", "", ResourceType::aurora, kVirginia).tags = {{"backup", "daily"}};
    w.vault("tokyo", kTokyo);
  }
  std::vector<std::string> selected(const Selection& selection) {
    w.plan("p", "tokyo", {}).selections = {selection};
    auto model = w.build();
    EXPECT_TRUE(model) << model.error().to_string();
    return model ? model->plans().front().resources : std::vector<std::string>{};
  }
  World w;
};

TEST_F(Selections, ResourcePatternsSelectInThePlansRegionOnly) {
  Selection s;
  s.resources = {"arn:aws:rds:*:*:cluster:*"};
  EXPECT_THAT(selected(s), ElementsAre("prod", "test", "untagged"));
}

TEST_F(Selections, ListOfTagsIsAnyOf) {
  Selection s;
  s.any_tags = {{TagCondition::Test::equals, "env", "prod"},
                {TagCondition::Test::equals, "env", "test"}};
  EXPECT_THAT(selected(s), ElementsAre("prod", "test"));
}

TEST_F(Selections, ConditionsAreAllOf) {
  Selection s;
  s.all_tags = {{TagCondition::Test::equals, "backup", "daily"},
                {TagCondition::Test::not_like, "env", "te*"}};
  EXPECT_THAT(selected(s), ElementsAre("prod"));
}

TEST_F(Selections, NotResourcesExclude) {
  Selection s;
  s.resources = {"*"};
  s.not_resources = {"arn:aws:rds:ap-northeast-1:111111111111:cluster:test"};
  EXPECT_THAT(selected(s), ElementsAre("prod", "untagged"));
}

TEST_F(Selections, ExplicitResourcesAndSelectionsMerge) {
  Selection s;
  s.any_tags = {{TagCondition::Test::like, "env", "pr*"}};
  w.plan("p", "tokyo", {"untagged", "arn:aws:rds:ap-northeast-1:111111111111:cluster:prod"})
      .selections = {s};
  auto model = w.build();
  ASSERT_TRUE(model);
  EXPECT_THAT(model->plans().front().resources, ElementsAre("prod", "untagged"));
}

TEST(UnknownTargets, BackupAndCopiesIntoUnknownVaultsAreIndeterminate) {
  World w;
  w.key("k", kTokyo);
  w.resource("aurora", "k");
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia);
  const std::string why_copy =
      "aws_backup_plan.dr rule[0].copy_action[1].destination_vault_arn is known after apply";
  w.plan("known", "tokyo", {"aurora"}, {"virginia"}).rules[0].copy_to_unknown = {why_copy};
  Plan& unknown = w.plan("unknown", "", {"aurora"});
  unknown.arn = "arn:aws:backup:ap-northeast-1:111111111111:backup-plan:unknown";
  unknown.rules[0].vault_unknown =
      "aws_backup_plan.unknown rule[0].target_vault_name is known after apply";
  const Predictions all = w.predict();
  const Prediction copy = rp(all, "aurora@<unknown>");
  EXPECT_EQ(copy.operation, Operation::copy);
  EXPECT_EQ(copy.parent, "aurora@tokyo");
  EXPECT_EQ(copy.outcome, Outcome::indeterminate);
  EXPECT_THAT(copy.unknowns, ElementsAre(why_copy));
  EXPECT_EQ(rp(all, "aurora@virginia").outcome, Outcome::encrypted);
  const Prediction backup = rp(all, "aurora@<unknown>#2");
  EXPECT_EQ(backup.operation, Operation::backup);
  EXPECT_EQ(backup.outcome, Outcome::indeterminate);
  EXPECT_EQ(backup.region.name, kTokyo);
}

}  // namespace
}  // namespace snapkey::testing
