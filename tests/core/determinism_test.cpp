// The same model listed in any order gives the same predictions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "support/world.hpp"

namespace snapkey::testing {
namespace {

using ::testing::HasSubstr;

World article_estate() {
  World w;
  w.mrk("test-key-multi", kTokyo, MultiRegion::primary).shared_with = {kB};
  w.mrk("test-key-multi-virginia", kVirginia, MultiRegion::replica);
  w.key("b-key", kVirginia, kB);
  w.resource("aurora", "test-key-multi");
  w.resource("db", "alias/aws/rds", ResourceType::rds_instance);
  w.vault("tokyo-default", kTokyo, "", kA, "Default");
  w.vault("virginia-default", kVirginia, "", kA, "Default");
  w.vault("test-backup-vault", kVirginia, "test-key-multi-virginia");
  w.vault("b-vault", kVirginia, "b-key", kB).allows_copy_from = std::vector<std::string>{kA};
  w.plan("plan", "tokyo-default", {"aurora", "db"}, {"virginia-default", "test-backup-vault"});
  w.job(JobKind::copy, "aurora@test-backup-vault").to = "b-vault";
  w.job(JobKind::copy, "db@virginia-default").to = "b-vault";
  w.job(JobKind::restore, "aurora@b-vault");
  Job& native = w.job(JobKind::native_copy, "aurora@tokyo-default");
  native.region = kVirginia;
  native.key = "test-key-multi-virginia";
  return w;
}

std::vector<std::string> summary(const Predictions& predictions) {
  std::vector<std::string> lines;
  for (const Prediction& p : predictions.recovery_points) {
    lines.push_back(p.id + " " + std::string(to_string(p.outcome)) + " " +
                    (p.key ? p.key->name : "-") + " " + (p.rules.empty() ? "" : p.rules.back()));
  }
  return lines;
}

TEST(Determinism, ShuffledInputGivesIdenticalPredictions) {
  const World original = article_estate();
  const auto expected = summary(original.predict());
  ASSERT_EQ(expected.size(), 10u);
  std::mt19937 random(42);  // fixed seed: the test itself is deterministic
  for (int round = 0; round < 20; ++round) {
    World shuffled = original;
    std::shuffle(shuffled.in.keys.begin(), shuffled.in.keys.end(), random);
    std::shuffle(shuffled.in.resources.begin(), shuffled.in.resources.end(), random);
    std::shuffle(shuffled.in.vaults.begin(), shuffled.in.vaults.end(), random);
    std::shuffle(shuffled.in.jobs.begin(), shuffled.in.jobs.end(), random);
    for (Plan& plan : shuffled.in.plans) {
      std::shuffle(plan.resources.begin(), plan.resources.end(), random);
      for (PlanRule& rule : plan.rules)
        std::shuffle(rule.copy_to.begin(), rule.copy_to.end(), random);
    }
    EXPECT_EQ(summary(shuffled.predict()), expected) << "round " << round;
  }
}

// Found by fuzzing (tests/fuzz/corpus/engine/regress-*-order): the order of a plan's selections,
// of their tests, and of the copy actions whose destination is not known decided which unknown a
// prediction named, and in which order the unknown copies came.
TEST(Determinism, SelectionsAndUnknownCopiesInAnyOrderGiveIdenticalPredictions) {
  World w;
  w.resource("aurora", "").tags["backup"] = "weekly";
  w.vault("tokyo", kTokyo);
  Plan& plan = w.plan("plan", "tokyo", {});
  plan.rules[0].copy_to_unknown = {"an output", "a variable"};
  Selection by_tag;
  by_tag.name = "s0";
  by_tag.any_tags = {{TagCondition::Test::like, "team", "d*", ""},
                     {TagCondition::Test::equals, "backup", "daily", "a parameter"}};
  Selection by_name;
  by_name.name = "s1";
  by_name.resources_unknown = {"a variable", "an input"};
  plan.selections = {by_tag, by_name};
  World reversed = w;
  Plan& other = reversed.in.plans[0];
  std::reverse(other.rules[0].copy_to_unknown.begin(), other.rules[0].copy_to_unknown.end());
  std::reverse(other.selections.begin(), other.selections.end());
  std::reverse(other.selections[1].any_tags.begin(), other.selections[1].any_tags.end());
  std::reverse(other.selections[0].resources_unknown.begin(),
               other.selections[0].resources_unknown.end());

  const auto unknowns = [](const Predictions& predictions) {
    std::vector<std::string> lines;
    for (const Prediction& p : predictions.recovery_points) {
      lines.push_back(p.id + ": " + ::testing::PrintToString(p.unknowns));
    }
    return lines;
  };
  const std::vector<std::string> expected = unknowns(w.predict());
  EXPECT_EQ(unknowns(reversed.predict()), expected);
  // Selections by name, then the tests of each in order: the first unknown test of s0 is named.
  ASSERT_EQ(expected.size(), 3u);
  EXPECT_THAT(expected[0], HasSubstr("whether selection 's0' of plan 'plan' assigns aurora: a "
                                     "parameter"));
  EXPECT_THAT(expected[1], HasSubstr("a variable"));
  EXPECT_THAT(expected[2], HasSubstr("an output"));
}

TEST(Determinism, TreeOrderPutsParentsBeforeChildren) {
  const Predictions all = article_estate().predict();
  EXPECT_THAT(
      summary(all),
      ::testing::ElementsAre(
          "aurora@tokyo-default encrypted test-key-multi R2",
          "aurora@test-backup-vault encrypted test-key-multi-virginia R7",
          // The replica has its own key policy, which does not share it with account B.
          "aurora@b-vault fails - R30", "aurora@b-vault/restore fails - R11",
          "aurora@virginia-default encrypted alias/aws/rds@us-east-1:111111111111 R9",
          "aurora@tokyo-default/native-copy@us-east-1 encrypted test-key-multi-virginia R32",
          "db@tokyo-default encrypted alias/aws/rds@ap-northeast-1:111111111111 R2",
          "db@test-backup-vault encrypted test-key-multi-virginia R7",
          "db@virginia-default encrypted alias/aws/rds@us-east-1:111111111111 R9",
          "db@b-vault fails - R12"));
}

}  // namespace
}  // namespace snapkey::testing
