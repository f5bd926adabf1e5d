// Tests for the requirement checks: NOT_PROTECTED, NO_CROSS_REGION_COPY, NO_CROSS_ACCOUNT_COPY,
// and the policy's scope.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "snapkey/check.hpp"
#include "support/check_support.hpp"

namespace snapkey {
namespace {

using ::snapkey::testing::at;
using ::snapkey::testing::kGoodDesign;
using ::snapkey::testing::of_check;
using ::snapkey::testing::predict_scenario;
using ::snapkey::testing::silent_on;
using ::snapkey::testing::summary;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

// orders: copied to N. Virginia. legacy (aws/rds): copied to N. Virginia, and to account B,
// which fails (R12). staging: no plan at all.
constexpr const char* kEstate = R"(keys:
  tokyo-cmk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111
    alias: alias/tokyo-cmk
  virginia-cmk:
    arn: arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222
    alias: alias/virginia-cmk
  b-cmk:
    arn: arn:aws:kms:ap-northeast-1:222222222222:key/33333333-3333-3333-3333-333333333333
    alias: alias/b-cmk
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: tokyo-cmk
    tags: {env: prod}
  staging:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:staging
    type: aurora
    key: tokyo-cmk
    tags: {env: staging}
  legacy:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:legacy
    type: aurora
    key: alias/aws/rds
    tags: {env: prod}
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  virginia:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:virginia
    key: virginia-cmk
  b-vault:
    arn: arn:aws:backup:ap-northeast-1:222222222222:backup-vault:b-vault
    key: b-cmk
    allows_copy_from: ["111111111111"]
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [virginia]
    resources: [orders, legacy]
  monthly:
    rules:
      - name: monthly
        vault: tokyo
        copy_to: [b-vault]
    resources: [legacy]
)";

TEST(CheckNotProtected, AResourceNoPlanSelects) {
  const Findings f = check(predict_scenario(kEstate), Policy{});
  const std::vector<Finding> found = of_check(f, kNotProtected);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::warning);
  EXPECT_EQ(found[0].subject, "staging");
  EXPECT_EQ(found[0].recovery_point, std::nullopt);
  EXPECT_EQ(found[0].resource, "staging");
  EXPECT_EQ(found[0].resource_arn, "arn:aws:rds:ap-northeast-1:111111111111:cluster:staging");
  EXPECT_EQ(found[0].vault, std::nullopt);
  EXPECT_EQ(found[0].region.name, "ap-northeast-1");
  EXPECT_EQ(found[0].account.value, "111111111111");
  EXPECT_EQ(found[0].message,
            "Resource staging (arn:aws:rds:ap-northeast-1:111111111111:cluster:staging, "
            "ap-northeast-1/111111111111) is backed up by no plan and copied by no job: no "
            "recovery point of it is predicted.");
  EXPECT_EQ(found[0].fix,
            "Select staging in a backup plan of ap-northeast-1/111111111111 (by its ARN, or by a "
            "tag a selection matches), or take it out of the policy's scope.");
  EXPECT_THAT(found[0].rules, IsEmpty());
  EXPECT_EQ(found[0].location.to_string(), at(17, 3));  // the resource
  EXPECT_EQ(f.resources, 3u);
}

TEST(CheckNotProtected, SilentOnAGoodDesignAndWhenTheRequirementIsOff) {
  EXPECT_TRUE(silent_on(check(predict_scenario(kGoodDesign), Policy{}), kNotProtected));
  Policy policy;
  policy.require_backup = false;
  const Findings f = check(predict_scenario(kEstate), policy);
  EXPECT_THAT(of_check(f, kNotProtected), IsEmpty());
  EXPECT_THAT(f.checks_run, Not(Contains("NOT_PROTECTED")));
  // Listing the check turns it back on.
  policy.checks[std::string(kNotProtected)] = CheckSetting{};
  EXPECT_THAT(summary(check(predict_scenario(kEstate), policy)), Contains("NOT_PROTECTED staging"));
}

TEST(CheckScope, NamesArnsAndTagsLimitTheRequirementChecks) {
  const Predictions predictions = predict_scenario(kEstate);
  Policy by_name;
  by_name.scope_resources = {"stag*"};
  EXPECT_THAT(of_check(check(predictions, by_name), kNotProtected).size(), 1u);
  EXPECT_EQ(check(predictions, by_name).resources, 1u);

  Policy by_arn;
  by_arn.scope_resources = {"arn:aws:rds:*:111111111111:cluster:orders", "*:legacy"};
  const Findings arn_scoped = check(predictions, by_arn);
  EXPECT_TRUE(silent_on(arn_scoped, kNotProtected));
  EXPECT_EQ(arn_scoped.resources, 2u);

  Policy by_tag;
  by_tag.scope_tags = {{"env", "prod"}};
  EXPECT_TRUE(silent_on(check(predictions, by_tag), kNotProtected));
  by_tag.scope_tags = {{"env", "staging"}};
  EXPECT_THAT(of_check(check(predictions, by_tag), kNotProtected).size(), 1u);

  Policy both;  // a name that matches, a tag that does not
  both.scope_resources = {"staging"};
  both.scope_tags = {{"env", "prod"}};
  EXPECT_EQ(check(predictions, both).resources, 0u);
}

TEST(CheckScope, DoesNotLimitTheChecksOnRecoveryPoints) {
  Policy policy;
  policy.scope_resources = {"orders"};
  const Findings f = check(predict_scenario(kEstate), policy);
  // legacy is out of scope, and its failing copy is reported all the same.
  EXPECT_THAT(summary(f), ElementsAre("JOB_FAILS legacy@b-vault"));
}

TEST(CheckNoCrossRegionCopy, EveryListedRegionButTheResourcesOwn) {
  Policy policy;
  policy.copy_regions = {Region{"us-west-2"}, Region{"us-east-1"}, Region{"ap-northeast-1"}};
  policy.scope_tags = {{"env", "prod"}};
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kEstate), policy), kNoCrossRegionCopy);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_EQ(found[0].subject, "legacy");
  EXPECT_EQ(found[0].message,
            "Resource legacy (arn:aws:rds:ap-northeast-1:111111111111:cluster:legacy) has no copy "
            "predicted to be made in us-west-2, which the policy requires (copy_regions).");
  EXPECT_EQ(found[0].fix,
            "Add a copy action to a vault in us-west-2 to rule daily of plan daily or rule "
            "monthly of plan monthly.");
  EXPECT_THAT(found[0].rules, ElementsAre("R7", "R18", "R19", "R20"));
  EXPECT_EQ(found[0].location.to_string(), at(22, 3));
  EXPECT_EQ(found[1].subject, "orders");
  EXPECT_EQ(found[1].fix, "Add a copy action to a vault in us-west-2 to rule daily of plan daily.");
}

TEST(CheckNoCrossRegionCopy, AResourceWithoutAnyBackup) {
  Policy policy;
  policy.copy_regions = {Region{"us-east-1"}};
  policy.scope_resources = {"staging"};
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kEstate), policy), kNoCrossRegionCopy);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].fix,
            "Back staging up with a plan (no plan rule backs it up now) and give that rule a copy "
            "action to a vault in us-east-1.");
}

TEST(CheckNoCrossRegionCopy, RequiredOrExplicitlyEnabledMeansSomeOtherRegion) {
  std::string yaml = kEstate;
  // Plan daily copies nothing any more.
  yaml.replace(yaml.find("        copy_to: [virginia]\n"), 28, "");
  const Predictions predictions = predict_scenario(yaml);
  Policy required;
  required.require_cross_region_copy = true;
  required.scope_resources = {"orders"};
  const std::vector<Finding> found = of_check(check(predictions, required), kNoCrossRegionCopy);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "Resource orders (arn:aws:rds:ap-northeast-1:111111111111:cluster:orders) has no copy "
            "predicted to be made outside its Region ap-northeast-1, which the policy requires "
            "(require_cross_region_copy).");
  EXPECT_EQ(found[0].fix,
            "Add a copy action to a vault in a Region other than ap-northeast-1 to rule daily of "
            "plan daily.");

  Policy listed;
  listed.checks[std::string(kNoCrossRegionCopy)] = CheckSetting{};
  listed.scope_resources = {"orders"};
  const Findings f = check(predictions, listed);
  EXPECT_THAT(f.checks_run, Contains("NO_CROSS_REGION_COPY"));
  EXPECT_EQ(of_check(f, kNoCrossRegionCopy).size(), 1u);
}

TEST(CheckNoCrossRegionCopy, AChainedCopyCountsForTheOriginalResource) {
  std::string yaml = kGoodDesign;
  yaml.replace(yaml.find("resources:\n"), 11,
               "  oregon-cmk:\n"
               "    arn: arn:aws:kms:us-west-2:111111111111:key/"
               "66666666-6666-6666-6666-666666666666\n"
               "resources:\n");
  yaml.replace(yaml.find("plans:\n"), 7,
               "  oregon:\n"
               "    arn: arn:aws:backup:us-west-2:111111111111:backup-vault:oregon\n"
               "    key: oregon-cmk\n"
               "plans:\n");
  yaml += "jobs:\n  - copy: {from: orders@virginia, to: oregon}\n";
  Policy policy;
  policy.copy_regions = {Region{"us-west-2"}};
  const Findings f = check(predict_scenario(yaml), policy);
  EXPECT_THAT(summary(f), ElementsAre("RESTS_ON_INFERRED_RULE orders@oregon"));
  EXPECT_THAT(f.checks_run, Contains("NO_CROSS_REGION_COPY"));
}

TEST(CheckNoCrossRegionCopy, SilentOnAGoodDesignAndWithoutThePolicy) {
  Policy policy;
  policy.copy_regions = {Region{"us-east-1"}};
  policy.require_cross_region_copy = true;
  EXPECT_THAT(check(predict_scenario(kGoodDesign), policy).findings, IsEmpty());
  const Findings f = check(predict_scenario(kEstate), Policy{});
  EXPECT_THAT(f.checks_run, Not(Contains("NO_CROSS_REGION_COPY")));
  EXPECT_THAT(f.checks_run, Not(Contains("NO_CROSS_ACCOUNT_COPY")));
}

TEST(CheckNoCrossAccountCopy, ACopyThatFailsDoesNotCountAndIsNamed) {
  Policy policy;
  policy.copy_accounts = {AccountId{"222222222222"}, AccountId{"111111111111"}};
  policy.scope_tags = {{"env", "prod"}};
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kEstate), policy), kNoCrossAccountCopy);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_EQ(found[0].subject, "legacy");
  EXPECT_EQ(found[0].message,
            "Resource legacy (arn:aws:rds:ap-northeast-1:111111111111:cluster:legacy) has no copy "
            "predicted to be made in account 222222222222, which the policy requires "
            "(copy_accounts). There is one, but the copy legacy@b-vault is predicted to fail: see "
            "JOB_FAILS on legacy@b-vault.");
  EXPECT_EQ(found[0].fix,
            "Fix the copy legacy@b-vault so that it is made. First copy the recovery point into "
            "a vault in account 111111111111 keyed with a customer managed key shared with "
            "account 222222222222, then copy from there (R11); or encrypt the resource with such "
            "a key.");
  EXPECT_THAT(found[0].rules, ElementsAre("R12", "R13", "R14", "R18"));
  EXPECT_EQ(found[0].location.to_string(), at(22, 3));
  EXPECT_EQ(found[1].subject, "orders");
  EXPECT_EQ(found[1].message,
            "Resource orders (arn:aws:rds:ap-northeast-1:111111111111:cluster:orders) has no copy "
            "predicted to be made in account 222222222222, which the policy requires "
            "(copy_accounts).");
  EXPECT_EQ(found[1].fix,
            "Add a copy action to a vault in account 222222222222 to rule daily of plan daily.");
}

TEST(CheckNoCrossAccountCopy, RequiredMeansSomeOtherAccount) {
  Policy policy;
  policy.require_cross_account_copy = true;
  policy.scope_resources = {"orders"};
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kEstate), policy), kNoCrossAccountCopy);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "Resource orders (arn:aws:rds:ap-northeast-1:111111111111:cluster:orders) has no copy "
            "predicted to be made outside its account 111111111111, which the policy requires "
            "(require_cross_account_copy).");
  EXPECT_EQ(found[0].fix,
            "Add a copy action to a vault in an account other than 111111111111 to rule daily of "
            "plan daily.");
}

TEST(CheckNoCrossAccountCopy, SilentOnAGoodDesign) {
  Policy policy;
  policy.copy_accounts = {AccountId{"222222222222"}};
  policy.require_cross_account_copy = true;
  const Findings f = check(predict_scenario(kGoodDesign), policy);
  EXPECT_THAT(f.findings, IsEmpty());
  EXPECT_THAT(f.checks_run, Contains("NO_CROSS_ACCOUNT_COPY"));
}

}  // namespace
}  // namespace snapkey
