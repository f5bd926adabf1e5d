// Backup selections (resource assignments) and plan targets not known until apply.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/model/selection.hpp"
#include "snapkey/check.hpp"
#include "support/check_support.hpp"
#include "support/world.hpp"

namespace snapkey::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::StartsWith;

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

// A tag test whose value is not known (a parameter without a value) is neither true nor false.
constexpr const char* kWhy =
    "Sel BackupSelection ListOfTags ConditionValue: parameter Env has no value";

TagCondition unknown_value(TagCondition::Test test, std::string key) {
  return {test, std::move(key), "", kWhy};
}

class UnknownSelections : public Selections {
 protected:
  // What the selection assigns for certain, and what it may assign.
  std::pair<std::vector<std::string>, std::map<std::string, std::string>> assigned(
      const Selection& selection) {
    w.in.plans.clear();
    w.plan("p", "tokyo", {}).selections = {selection};
    auto model = w.build();
    EXPECT_TRUE(model) << model.error().to_string();
    if (!model) return {};
    return {model->plans().front().resources, model->plans().front().resources_unknown};
  }
  static std::string because(const std::string& resource) {
    return "whether selection 's' of plan 'p' assigns " + resource + ": " + kWhy;
  }
};

TEST_F(UnknownSelections, AnUnknownValueLeavesOpenOnlyTheResourcesWithTheKey) {
  Selection s;
  s.name = "s";
  s.any_tags = {unknown_value(TagCondition::Test::equals, "env")};
  const auto [yes, maybe] = assigned(s);
  EXPECT_THAT(yes, IsEmpty());
  EXPECT_THAT(maybe, ElementsAre(Pair("prod", because("prod")), Pair("test", because("test"))));
}

TEST_F(UnknownSelections, ANegatedTestHoldsForResourcesWithoutTheKey) {
  Selection s;
  s.name = "s";
  s.all_tags = {unknown_value(TagCondition::Test::not_equals, "env")};
  const auto [yes, maybe] = assigned(s);
  EXPECT_THAT(yes, ElementsAre("untagged"));
  EXPECT_THAT(maybe, ElementsAre(Pair("prod", because("prod")), Pair("test", because("test"))));
}

TEST_F(UnknownSelections, AnUnknownKeyLeavesEveryResourceOpen) {
  Selection s;
  s.name = "s";
  s.any_tags = {{TagCondition::Test::equals, "", "daily", kWhy}};
  const auto [yes, maybe] = assigned(s);
  EXPECT_THAT(yes, IsEmpty());
  EXPECT_EQ(maybe.size(), 3u);  // prod, test, untagged; never the resource in another Region
  EXPECT_FALSE(maybe.contains("elsewhere"));
}

TEST_F(UnknownSelections, AKnownTestDecidesWhateverTheUnknownOneIs) {
  Selection s;
  s.name = "s";
  // Any of: one ListOfTags test holds for prod, so prod is assigned whatever env's value is.
  s.any_tags = {unknown_value(TagCondition::Test::equals, "backup"),
                {TagCondition::Test::equals, "env", "prod"}};
  // All of: a Condition that fails for test excludes it; NotResources excludes untagged.
  s.all_tags = {{TagCondition::Test::not_equals, "env", "test"}};
  s.not_resources = {"untagged"};
  const auto [yes, maybe] = assigned(s);
  EXPECT_THAT(yes, ElementsAre("prod"));
  EXPECT_THAT(maybe, IsEmpty());
}

TEST_F(UnknownSelections, UnknownResourceEntriesLeaveTheRestOpen) {
  Selection s;
  s.name = "s";
  s.resources = {"prod"};
  s.resources_unknown = {kWhy};
  auto [yes, maybe] = assigned(s);
  EXPECT_THAT(yes, ElementsAre("prod"));
  EXPECT_THAT(maybe,
              ElementsAre(Pair("test", because("test")), Pair("untagged", because("untagged"))));

  s.resources = {"*"};
  s.resources_unknown.clear();
  s.not_resources = {"untagged"};
  s.not_resources_unknown = {kWhy};
  std::tie(yes, maybe) = assigned(s);
  EXPECT_THAT(yes, IsEmpty());
  EXPECT_THAT(maybe, ElementsAre(Pair("prod", because("prod")), Pair("test", because("test"))));
}

TEST_F(UnknownSelections, AResourceAnotherSelectionAssignsIsBackedUp) {
  Selection open;
  open.name = "s";
  open.any_tags = {unknown_value(TagCondition::Test::equals, "env")};
  Selection certain;
  certain.name = "named";
  certain.resources = {"prod"};
  w.plan("p", "tokyo", {}).selections = {open, certain};
  auto model = w.build();
  ASSERT_TRUE(model) << model.error().to_string();
  EXPECT_THAT(model->plans().front().resources, ElementsAre("prod"));
  EXPECT_THAT(model->plans().front().resources_unknown, ElementsAre(Pair("test", because("test"))));
}

TEST_F(UnknownSelections, ATagWhoseValueIsNotKnownLeavesTheResourceOpen) {
  w.in.resources[2].tags_unknown = {{"env", "untagged: env is known only after apply"}};
  w.in.resources[0].tags_unknown = {{"*", "prod: its tags are known only after apply"}};
  Selection s;
  s.name = "s";
  s.any_tags = {{TagCondition::Test::equals, "env", "prod"}};
  auto [yes, maybe] = assigned(s);
  EXPECT_THAT(yes, ElementsAre("prod"));  // its env tag is known, whatever else it has
  EXPECT_THAT(maybe, ElementsAre(Pair("untagged",
                                      "whether selection 's' of plan 'p' assigns "
                                      "untagged: untagged: env is known only after "
                                      "apply")));
  s.any_tags = {{TagCondition::Test::equals, "team", "data"}};
  std::tie(yes, maybe) = assigned(s);
  EXPECT_THAT(yes, IsEmpty());
  EXPECT_THAT(maybe, ElementsAre(Pair("prod",
                                      "whether selection 's' of plan 'p' assigns prod: "
                                      "prod: its tags are known only after apply")));
}

TEST(UnknownSelectionPredictions, BackupsAndCopiesAreIndeterminateAndSayWhatTheyWouldBe) {
  World w;
  w.key("k", kTokyo);
  w.resource("maybe", "k").tags = {{"env", "prod"}};
  w.resource("never", "k");
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia);
  Selection s;
  s.name = "s";
  s.any_tags = {unknown_value(TagCondition::Test::equals, "env")};
  w.plan("p", "tokyo", {}, {"virginia"}).selections = {s};
  const Predictions all = w.predict();
  const std::string why = "whether selection 's' of plan 'p' assigns maybe: " + std::string(kWhy);
  for (const char* id : {"maybe@tokyo", "maybe@virginia"}) {
    const Prediction p = rp(all, id);
    EXPECT_EQ(p.outcome, Outcome::indeterminate) << id;
    ASSERT_FALSE(p.unknowns.empty()) << id;
    EXPECT_EQ(p.unknowns.front(), why) << id;
    EXPECT_THAT(p.message, StartsWith("not known whether the plan backs the resource up; if it "
                                      "does: encrypted: "))
        << id;
    EXPECT_FALSE(p.key) << id;
    EXPECT_FALSE(p.recovery_point_arn) << id;
  }
  EXPECT_EQ(all.find("never@tokyo"), nullptr);
}

TEST(UnknownSelectionPredictions, CheckReportsIndeterminateNotUnprotected) {
  World w;
  w.key("k", kTokyo);
  w.resource("maybe", "k").tags = {{"env", "prod"}};
  w.resource("never", "k");
  w.vault("tokyo", kTokyo);
  Selection s;
  s.name = "s";
  s.any_tags = {unknown_value(TagCondition::Test::equals, "env")};
  w.plan("p", "tokyo", {}).selections = {s};
  const Findings findings = check(w.predict(), Policy{});
  std::vector<std::string> unprotected;
  for (const Finding& f : of_check(findings, kNotProtected)) unprotected.push_back(f.resource);
  EXPECT_THAT(unprotected, ElementsAre("never"));
  const std::vector<Finding> open = of_check(findings, kIndeterminate);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].recovery_point, "maybe@tokyo");
}

}  // namespace
}  // namespace snapkey::testing
