// Tests for check() as a whole: the check table, which checks run, severities, sorting,
// determinism, counting, and the article's scenarios.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "snapkey/check.hpp"
#include "snapkey/rules.hpp"
#include "support/check_support.hpp"

namespace snapkey {
namespace {

using ::snapkey::testing::kGoodDesign;
using ::snapkey::testing::of_check;
using ::snapkey::testing::predict_article;
using ::snapkey::testing::predict_scenario;
using ::snapkey::testing::summary;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// ---------------------------------------------------------------------------------------------
// The table

TEST(CheckTable, EveryCheckInDocumentedOrderWithItsDefaults) {
  std::vector<std::string> rows;
  for (const CheckInfo& info : check_table()) {
    rows.push_back(fmt::format("{} {} {}", info.id, to_string(info.severity),
                               info.on_by_default ? "on" : "off"));
  }
  EXPECT_THAT(rows,
              ElementsAre("JOB_FAILS error on", "UNSUPPORTED error on", "UNENCRYPTED error on",
                          "AWS_MANAGED_COPY_KEY error on", "MRK_REPLICA_UNUSED warning on",
                          "KEY_NOT_ENABLED error on", "COPY_SHARES_SOURCE_KEY warning on",
                          "NOT_PROTECTED warning on", "NO_CROSS_REGION_COPY error off",
                          "NO_CROSS_ACCOUNT_COPY error off", "COPY_KEY_MANAGER error off",
                          "KEY_NOT_ALLOWED error off", "INDETERMINATE warning on",
                          "RESTS_ON_DOC_CONFLICT info on", "RESTS_ON_INFERRED_RULE info on",
                          "EXPIRED_SUPPRESSION warning on", "UNUSED_SUPPRESSION info on"));
}

TEST(CheckTable, EveryCheckIsDocumentedAndItsRulesExist) {
  for (const CheckInfo& info : check_table()) {
    SCOPED_TRACE(std::string(info.id));
    EXPECT_FALSE(info.title.empty());
    EXPECT_EQ(info.title.back() == '.', false) << "a title is not a sentence";
    EXPECT_FALSE(info.fix.empty());
    EXPECT_EQ(info.fix.back(), '.');
    EXPECT_GE(std::count(info.rationale.begin(), info.rationale.end(), '.'), 2)
        << "a rationale of at least two sentences";
    for (const std::string_view rule : info.rules) {
      EXPECT_NE(find_rule(rule), nullptr) << rule;
      EXPECT_THAT(std::string(info.rationale), HasSubstr(std::string(rule)))
          << "the rationale cites " << rule;
    }
  }
}

TEST(CheckTable, FindCheck) {
  ASSERT_NE(find_check("MRK_REPLICA_UNUSED"), nullptr);
  EXPECT_EQ(find_check("MRK_REPLICA_UNUSED")->id, kMrkReplicaUnused);
  EXPECT_EQ(find_check("AWS_MANAGED_COPY_KEY")->title,
            "A copy is encrypted with an AWS managed key instead of a customer managed key");
  EXPECT_EQ(find_check("mrk_replica_unused"), nullptr);
  EXPECT_EQ(find_check(""), nullptr);
}

// ---------------------------------------------------------------------------------------------
// The article's scenarios (examples/article/)

TEST(CheckArticle, DefaultVaultScenarioFailsWithTheAwsRdsFindingAndItsFix) {
  const Findings f = check(predict_article("1-mrk-default-vault.yaml"), Policy{});
  EXPECT_THAT(summary(f), ElementsAre("AWS_MANAGED_COPY_KEY aurora@virginia-default",
                                      "MRK_REPLICA_UNUSED aurora@virginia-default",
                                      "RESTS_ON_DOC_CONFLICT aurora@virginia-default"));
  EXPECT_TRUE(f.fails(Severity::error));
  EXPECT_EQ(f.count_at_least(Severity::error), 1u);
  const Finding& finding = f.findings[0];
  EXPECT_EQ(finding.severity, Severity::error);
  EXPECT_EQ(finding.message,
            "The copy of aurora from vault tokyo-default (ap-northeast-1/111111111111) to vault "
            "virginia-default (us-east-1/111111111111) made by rule test-backup-rule of plan "
            "test-backup-plan is encrypted with the AWS managed key alias/aws/rds of "
            "us-east-1/111111111111, not a customer managed key: vault virginia-default is keyed "
            "with aws/backup, and an RDS-family copy into such a vault gets aws/rds (R9). No "
            "other account can use that key and its policy cannot be changed (R12, R29).");
  const std::string replica_fix =
      "Create a vault in us-east-1/111111111111 keyed with the replica "
      "alias/test-key-multi-virginia "
      "(arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef) of the "
      "source's multi-Region key (a vault's key is fixed when it is created) and point the copy "
      "action of rule test-backup-rule in plan test-backup-plan at it.";
  EXPECT_EQ(finding.fix, replica_fix);
  EXPECT_THAT(finding.rules, ElementsAre("R6", "R9"));
  EXPECT_EQ(finding.location.to_string(),
            std::string(SNAPKEY_SOURCE_DIR) + "/examples/article/1-mrk-default-vault.yaml:32:9");

  const Finding& replica = f.findings[1];
  EXPECT_EQ(replica.severity, Severity::warning);
  EXPECT_EQ(replica.message,
            "The copy of aurora from vault tokyo-default (ap-northeast-1/111111111111) to vault "
            "virginia-default (us-east-1/111111111111) made by rule test-backup-rule of plan "
            "test-backup-plan is encrypted with alias/aws/rds of us-east-1/111111111111, although "
            "alias/test-key-multi-virginia "
            "(arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef), a "
            "replica of its source key alias/test-key-multi, exists in us-east-1: a copy never "
            "picks a replica by itself, only the destination vault's key counts (R8a).");
  EXPECT_EQ(replica.fix, replica_fix);
}

TEST(CheckArticle, ReplicaVaultScenarioHasNoFindingAtErrorSeverity) {
  const Findings f = check(predict_article("4-replica-vault.yaml"), Policy{});
  EXPECT_FALSE(f.fails(Severity::warning));
  EXPECT_EQ(f.count_at_least(Severity::error), 0u);
  // Only the informational note on the native copy's inferred rule.
  EXPECT_THAT(summary(f),
              ElementsAre("RESTS_ON_INFERRED_RULE aurora@tokyo-default/native-copy@us-east-1"));
  EXPECT_EQ(f.recovery_points, 7u);
  EXPECT_EQ(f.resources, 3u);
}

TEST(CheckArticle, SingleRegionAndAwsManagedKeyScenariosLandOnAwsRds) {
  for (const std::string name : {"2-single-region-cmk.yaml", "3-aws-managed-key.yaml"}) {
    const Findings f = check(predict_article(name), Policy{});
    EXPECT_THAT(summary(f), ElementsAre("AWS_MANAGED_COPY_KEY aurora@virginia-default",
                                        "RESTS_ON_DOC_CONFLICT aurora@virginia-default"))
        << name;
    EXPECT_EQ(f.findings[0].fix,
              "Create a vault in us-east-1/111111111111 keyed with a customer managed key (a "
              "vault's key is fixed when it is created) and point the copy action of rule "
              "test-backup-rule in plan test-backup-plan at it.")
        << name;
  }
}

// ---------------------------------------------------------------------------------------------
// Which checks run, at which severity

TEST(CheckPolicy, TheDefaultPolicyRunsTheChecksThatAreOnByDefault) {
  const Findings f = check(predict_scenario(kGoodDesign), Policy{});
  EXPECT_THAT(f.checks_run,
              ElementsAre("JOB_FAILS", "UNSUPPORTED", "UNENCRYPTED", "AWS_MANAGED_COPY_KEY",
                          "MRK_REPLICA_UNUSED", "KEY_NOT_ENABLED", "COPY_SHARES_SOURCE_KEY",
                          "NOT_PROTECTED", "INDETERMINATE", "RESTS_ON_DOC_CONFLICT",
                          "RESTS_ON_INFERRED_RULE", "EXPIRED_SUPPRESSION", "UNUSED_SUPPRESSION"));
}

TEST(CheckPolicy, PolicySettingsTurnOnTheirChecksInTableOrder) {
  Policy policy;
  policy.copy_regions = {Region{"us-east-1"}};
  policy.copy_accounts = {AccountId{"222222222222"}};
  policy.copy_key_manager = KeyManager::customer;
  policy.allowed_keys = {"*"};
  const Findings f = check(predict_scenario(kGoodDesign), policy);
  EXPECT_EQ(f.checks_run.size(), 17u);
  EXPECT_EQ(f.checks_run[8], "NO_CROSS_REGION_COPY");
  EXPECT_EQ(f.checks_run[11], "KEY_NOT_ALLOWED");
  EXPECT_THAT(f.findings, IsEmpty());
}

TEST(CheckPolicy, ADisabledCheckNeverRuns) {
  Policy policy;
  policy.checks["AWS_MANAGED_COPY_KEY"].enabled = false;
  policy.checks["NO_CROSS_REGION_COPY"].enabled = false;
  policy.copy_regions = {Region{"us-west-2"}};  // disabled wins over the requirement
  const Findings f = check(predict_article("1-mrk-default-vault.yaml"), policy);
  EXPECT_THAT(f.checks_run, Not(Contains("AWS_MANAGED_COPY_KEY")));
  EXPECT_THAT(f.checks_run, Not(Contains("NO_CROSS_REGION_COPY")));
  EXPECT_THAT(summary(f), ElementsAre("MRK_REPLICA_UNUSED aurora@virginia-default",
                                      "RESTS_ON_DOC_CONFLICT aurora@virginia-default"));
  EXPECT_FALSE(f.fails(Severity::error));
}

TEST(CheckPolicy, SeverityOverridesChangeOrderAndFailure) {
  Policy policy;
  policy.checks["MRK_REPLICA_UNUSED"].severity = Severity::error;
  policy.checks["AWS_MANAGED_COPY_KEY"].severity = Severity::info;
  const Findings f = check(predict_article("1-mrk-default-vault.yaml"), policy);
  EXPECT_THAT(summary(f), ElementsAre("MRK_REPLICA_UNUSED aurora@virginia-default",
                                      "AWS_MANAGED_COPY_KEY aurora@virginia-default",
                                      "RESTS_ON_DOC_CONFLICT aurora@virginia-default"));
  EXPECT_EQ(f.findings[0].severity, Severity::error);
  EXPECT_EQ(f.findings[1].severity, Severity::info);
  EXPECT_EQ(f.count_at_least(Severity::error), 1u);
  EXPECT_EQ(f.count_at_least(Severity::warning), 1u);
  EXPECT_EQ(f.count_at_least(Severity::info), 3u);
}

TEST(CheckPolicy, SuppressionFindingsTakeTheirOverriddenSeverity) {
  Policy policy;
  Suppression s;
  s.check = "JOB_FAILS";
  s.reason = "stale";
  policy.suppressions = {s};
  policy.checks["UNUSED_SUPPRESSION"].severity = Severity::error;
  const Findings f = check(predict_scenario(kGoodDesign), policy);
  ASSERT_THAT(summary(f), ElementsAre("UNUSED_SUPPRESSION suppression 1"));
  EXPECT_EQ(f.findings[0].severity, Severity::error);
  EXPECT_TRUE(f.fails(Severity::error));
}

// ---------------------------------------------------------------------------------------------
// Where a finding points

TEST(CheckLocation, ThePlanRuleOrJobElseTheResourceAndTheirAddresses) {
  Predictions predictions = predict_article("2-single-region-cmk.yaml");
  ASSERT_EQ(predictions.recovery_points[1].id, "aurora@virginia-default");
  ASSERT_EQ(predictions.resources.size(), 1u);
  Resource& resource = predictions.resources[0];
  resource.address = "aws_rds_cluster.aurora";
  resource.location = Location{"plan.json", 0, 0, "/resource_changes/3"};
  Prediction& copy = predictions.recovery_points[1];
  copy.resource_address = "aws_rds_cluster.aurora";
  copy.plan_address = "aws_backup_plan.daily";
  copy.location = Location{"plan.json", 0, 0, "/resource_changes/7"};
  std::vector<Finding> found = of_check(check(predictions, Policy{}), kAwsManagedCopyKey);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].location.to_string(), "plan.json#/resource_changes/7");
  EXPECT_EQ(found[0].address, "aws_backup_plan.daily");

  copy.plan_address.reset();
  copy.location = Location{};  // no place of its own: the resource's
  found = of_check(check(predictions, Policy{}), kAwsManagedCopyKey);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].location.to_string(), "plan.json#/resource_changes/3");
  EXPECT_EQ(found[0].address, "aws_rds_cluster.aurora");

  predictions.recovery_points.clear();  // aurora is backed up by nothing now
  found = of_check(check(predictions, Policy{}), kNotProtected);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].location.to_string(), "plan.json#/resource_changes/3");
  EXPECT_EQ(found[0].address, "aws_rds_cluster.aurora");
}

// ---------------------------------------------------------------------------------------------
// Counting, sorting, determinism

TEST(Findings, CountAtLeastSkipsSuppressedFindings) {
  Findings f;
  const auto add = [&](Severity severity, bool suppressed) {
    Finding finding;
    finding.severity = severity;
    if (suppressed) finding.suppressed_by = Suppression{};
    f.findings.push_back(finding);
  };
  add(Severity::error, false);
  add(Severity::error, true);
  add(Severity::warning, false);
  add(Severity::info, false);
  add(Severity::info, true);
  EXPECT_EQ(f.count_at_least(Severity::error), 1u);
  EXPECT_EQ(f.count_at_least(Severity::warning), 2u);
  EXPECT_EQ(f.count_at_least(Severity::info), 3u);
  EXPECT_TRUE(f.fails(Severity::error));
  EXPECT_FALSE(Findings{}.fails(Severity::info));
}

// Findings of many checks, severities and subjects.
constexpr const char* kMany = R"(keys:
  tokyo-cmk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111
    alias: alias/tokyo-cmk
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: tokyo-cmk
  billing:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:billing
    type: aurora
    key: none
  legacy:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:legacy
    type: aurora
    key: alias/aws/rds
  scratch:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:scratch
    type: aurora
    key: unknown
  idle:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:idle
    type: aurora
    key: tokyo-cmk
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  virginia-default:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
  b-vault:
    arn: arn:aws:backup:ap-northeast-1:222222222222:backup-vault:b-vault
    allows_copy_from: ["111111111111"]
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [virginia-default, b-vault]
    resources: [orders, billing, legacy, scratch]
)";

TEST(CheckOrder, SeverityThenTableOrderThenSubject) {
  const Findings f = check(predict_scenario(kMany), Policy{});
  EXPECT_THAT(summary(f), ElementsAre("JOB_FAILS legacy@b-vault", "JOB_FAILS orders@b-vault",
                                      "UNENCRYPTED billing@b-vault", "UNENCRYPTED billing@tokyo",
                                      "UNENCRYPTED billing@virginia-default",
                                      "AWS_MANAGED_COPY_KEY legacy@virginia-default",
                                      "AWS_MANAGED_COPY_KEY orders@virginia-default",
                                      "NOT_PROTECTED idle", "INDETERMINATE scratch@tokyo",
                                      // R15's copies of an unencrypted cluster: the Aurora User
                                      // Guide (2026) disagrees with the API reference.
                                      "RESTS_ON_DOC_CONFLICT billing@b-vault",
                                      "RESTS_ON_DOC_CONFLICT billing@virginia-default",
                                      "RESTS_ON_DOC_CONFLICT legacy@virginia-default",
                                      "RESTS_ON_DOC_CONFLICT orders@virginia-default"));
  for (std::size_t i = 1; i < f.findings.size(); ++i) {
    EXPECT_GE(f.findings[i - 1].severity, f.findings[i].severity);
  }
}

TEST(CheckOrder, ShuffledPredictionsGiveTheSameFindings) {
  const Predictions predictions = predict_scenario(kMany);
  Policy policy;
  policy.copy_regions = {Region{"us-west-2"}};
  policy.copy_accounts = {AccountId{"222222222222"}};
  policy.allowed_keys = {"alias/tokyo-cmk"};
  Suppression s;
  s.check = "JOB_FAILS";
  s.resource = "legacy";
  s.reason = "moving to a CMK";
  policy.suppressions = {s};
  const Findings expected = check(predictions, policy);
  ASSERT_GT(expected.findings.size(), 15u);
  std::mt19937 random(4);
  for (int round = 0; round < 5; ++round) {
    Predictions shuffled = predictions;
    std::shuffle(shuffled.recovery_points.begin(), shuffled.recovery_points.end(), random);
    std::shuffle(shuffled.resources.begin(), shuffled.resources.end(), random);
    const Findings f = check(shuffled, policy);
    ASSERT_EQ(f.findings.size(), expected.findings.size());
    for (std::size_t i = 0; i < f.findings.size(); ++i) {
      EXPECT_EQ(f.findings[i].check, expected.findings[i].check);
      EXPECT_EQ(f.findings[i].subject, expected.findings[i].subject);
      EXPECT_EQ(f.findings[i].message, expected.findings[i].message);
      EXPECT_EQ(f.findings[i].fix, expected.findings[i].fix);
      EXPECT_EQ(f.findings[i].suppressed_by.has_value(),
                expected.findings[i].suppressed_by.has_value());
    }
    EXPECT_EQ(f.checks_run, expected.checks_run);
    EXPECT_EQ(f.resources, expected.resources);
  }
}

TEST(CheckOrder, NoTwoFindingsAreTheSame) {
  Policy policy;
  policy.copy_regions = {Region{"us-west-2"}};
  const Findings f = check(predict_scenario(kMany), policy);
  std::set<std::string> seen;
  for (const Finding& finding : f.findings) {
    EXPECT_TRUE(seen.insert(finding.check + "|" + finding.subject + "|" + finding.message).second)
        << finding.check << " " << finding.subject;
  }
}

}  // namespace
}  // namespace snapkey
