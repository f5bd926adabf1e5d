// Tests for the checks on a prediction's outcome and confidence: JOB_FAILS, UNSUPPORTED,
// UNENCRYPTED, INDETERMINATE, RESTS_ON_DOC_CONFLICT, RESTS_ON_INFERRED_RULE.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "snapkey/check.hpp"
#include "support/check_support.hpp"

namespace snapkey {
namespace {

using ::snapkey::testing::at;
using ::snapkey::testing::kDefaultVault;
using ::snapkey::testing::of_check;
using ::snapkey::testing::predict_scenario;
using ::snapkey::testing::silent_on;
using ::snapkey::testing::summary;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* kGood = ::snapkey::testing::kGoodDesign;

TEST(CheckOutcomes, GoodDesignHasNoFinding) {
  const Findings f = check(predict_scenario(kGood), Policy{});
  EXPECT_THAT(f.findings, IsEmpty());
  EXPECT_EQ(f.recovery_points, 3u);
  EXPECT_EQ(f.resources, 1u);
  EXPECT_FALSE(f.fails(Severity::info));
}

// A cross-account copy of a recovery point on aws/rds fails (R12); the on-demand copy made from
// it is lost with it, and is not reported again.
constexpr const char* kFails = R"(keys:
  b-cmk:
    arn: arn:aws:kms:ap-northeast-1:222222222222:key/33333333-3333-3333-3333-333333333333
    alias: alias/b-cmk
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: alias/aws/rds
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  b-vault:
    arn: arn:aws:backup:ap-northeast-1:222222222222:backup-vault:b-vault
    key: b-cmk
    allows_copy_from: ["111111111111"]
  b-archive:
    arn: arn:aws:backup:ap-northeast-1:222222222222:backup-vault:b-archive
    key: b-cmk
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [b-vault]
    resources: [orders]
jobs:
  - copy: {from: orders@b-vault, to: b-archive}
)";

TEST(CheckOutcomes, JobFailsNamesTheFailureTheAwsErrorAndWhatIsLostWithIt) {
  const Findings f = check(predict_scenario(kFails), Policy{});
  ASSERT_THAT(summary(f), ElementsAre("JOB_FAILS orders@b-vault"));
  const Finding& finding = f.findings[0];
  EXPECT_EQ(finding.check, "JOB_FAILS");
  EXPECT_EQ(finding.severity, Severity::error);
  EXPECT_EQ(finding.recovery_point, "orders@b-vault");
  EXPECT_EQ(finding.resource, "orders");
  EXPECT_EQ(finding.resource_arn, "arn:aws:rds:ap-northeast-1:111111111111:cluster:orders");
  EXPECT_EQ(finding.vault, "b-vault");
  EXPECT_EQ(finding.vault_arn, "arn:aws:backup:ap-northeast-1:222222222222:backup-vault:b-vault");
  EXPECT_EQ(finding.region.name, "ap-northeast-1");
  EXPECT_EQ(finding.account.value, "222222222222");
  EXPECT_EQ(finding.message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault b-vault "
            "(ap-northeast-1/222222222222) made by rule daily of plan daily is predicted to "
            "fail: the source is encrypted with an AWS managed key, which cannot be shared with "
            "another account. AWS reports: \"Given key ID is not accessible\". The recovery "
            "points made from it are not made either: orders@b-archive.");
  EXPECT_EQ(finding.fix,
            "First copy the recovery point into a vault in account 111111111111 keyed with a "
            "customer managed key shared with account 222222222222, then copy from there (R11); "
            "or encrypt the resource with such a key.");
  EXPECT_THAT(finding.rules, ElementsAre("R12", "R14"));
  EXPECT_EQ(finding.location.to_string(), at(23, 9));  // the plan rule that makes the copy
  EXPECT_EQ(finding.address, std::nullopt);
  EXPECT_FALSE(finding.suppressed_by.has_value());
  EXPECT_TRUE(f.fails(Severity::error));
}

TEST(CheckOutcomes, JobFailsIsSilentOnAGoodDesign) {
  EXPECT_TRUE(silent_on(check(predict_scenario(kGood), Policy{}), kJobFails));
}

// Multi-AZ DB clusters support no copies (R17); an unencrypted cluster gives unencrypted backups
// and copies (R3, R15); a cluster on an unknown key makes its backup indeterminate.
constexpr const char* kOutcomes = R"(keys:
  tokyo-cmk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111
    alias: alias/tokyo-cmk
  virginia-cmk:
    arn: arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222
    alias: alias/virginia-cmk
resources:
  ledger:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:ledger
    type: rds-multiaz-cluster
    key: tokyo-cmk
  plain:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:plain
    type: aurora
    key: none
  mystery:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:mystery
    type: aurora
    key: unknown
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  virginia:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:virginia
    key: virginia-cmk
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [virginia]
    resources: [ledger, plain, mystery]
)";

TEST(CheckOutcomes, UnsupportedNamesTheLimit) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kOutcomes), Policy{}), kUnsupported);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_EQ(found[0].subject, "ledger@virginia");
  EXPECT_EQ(found[0].message,
            "The copy of ledger from vault tokyo (ap-northeast-1/111111111111) to vault virginia "
            "(us-east-1/111111111111) made by rule daily of plan daily is not supported: copies "
            "of Multi-AZ DB cluster snapshots are not supported.");
  EXPECT_EQ(found[0].fix,
            "Protect the Multi-AZ DB cluster with native snapshots or a read replica in the other "
            "Region instead.");
  EXPECT_THAT(found[0].rules, ElementsAre("R17"));
  EXPECT_EQ(found[0].location.to_string(), at(30, 9));
}

TEST(CheckOutcomes, UnencryptedReportsTheBackupAndEachCopy) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kOutcomes), Policy{}), kUnencrypted);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].subject, "plain@tokyo");
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_EQ(found[0].message,
            "The backup of plain into vault tokyo (ap-northeast-1/111111111111) made by rule daily "
            "of plan daily is not encrypted: the resource is not encrypted.");
  EXPECT_EQ(found[0].fix,
            "Encrypt the resource (restore it from a snapshot into an encrypted cluster or "
            "instance); a vault key never encrypts RDS-family backups.");
  EXPECT_THAT(found[0].rules, ElementsAre("R3"));
  EXPECT_EQ(found[1].subject, "plain@virginia");
  EXPECT_EQ(found[1].message,
            "The copy of plain from vault tokyo (ap-northeast-1/111111111111) to vault virginia "
            "(us-east-1/111111111111) made by rule daily of plan daily is not encrypted: copies "
            "of unencrypted cluster snapshots stay unencrypted.");
  EXPECT_EQ(found[1].fix,
            "Encrypt the cluster itself (restore a snapshot into an encrypted cluster); no vault "
            "key can encrypt the copy.");
  EXPECT_THAT(found[1].rules, ElementsAre("R15"));
  EXPECT_EQ(found[1].location.to_string(), at(30, 9));
}

// A new Aurora cluster with no key (R39): no false UNENCRYPTED alarm from 2026-02-18 on.
constexpr const char* kNewCluster = R"(as_of: AS_OF
resources:
  fresh:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:fresh
    type: aurora
    key: default
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
    resources: [fresh]
)";

std::string new_cluster_on(std::string_view as_of) {
  std::string yaml = kNewCluster;
  yaml.replace(yaml.find("AS_OF"), 5, as_of);
  return yaml;
}

TEST(CheckOutcomes, NewAuroraClusterWithoutKeyIsNotUnencryptedFrom2026_02_18) {  // R39
  const Predictions after = predict_scenario(new_cluster_on("2026-12-01"));
  ASSERT_EQ(after.recovery_points.size(), 1u);  // the check had a recovery point to check
  EXPECT_EQ(after.recovery_points[0].outcome, Outcome::encrypted);
  EXPECT_TRUE(silent_on(check(after, Policy{}), kUnencrypted));
  const Predictions before = predict_scenario(new_cluster_on("2026-01-01"));
  EXPECT_THAT(summary(check(before, Policy{})), Contains("UNENCRYPTED fresh@tokyo"));
}

TEST(CheckOutcomes, IndeterminateListsWhatIsUnknownOnlyWhereTheChainBreaks) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kOutcomes), Policy{}), kIndeterminate);
  ASSERT_EQ(found.size(), 1u);  // not mystery@virginia, which only inherits it
  EXPECT_EQ(found[0].severity, Severity::warning);
  EXPECT_EQ(found[0].subject, "mystery@tokyo");
  EXPECT_EQ(found[0].message,
            "The backup of mystery into vault tokyo (ap-northeast-1/111111111111) made by rule "
            "daily of plan daily cannot be predicted: the resource's encryption is not known. Not "
            "known: the key of mystery: the scenario gives its key as unknown. The recovery "
            "points made from it cannot be predicted either: mystery@virginia.");
  EXPECT_EQ(found[0].fix,
            "Add what is missing to the input (the key of mystery: the scenario gives its key as "
            "unknown), then run snapkey again.");
  EXPECT_THAT(found[0].rules, IsEmpty());
  EXPECT_EQ(found[0].location.to_string(), at(30, 9));
}

TEST(CheckOutcomes, IndeterminateNamesAVaultAccessPolicyNobodyKnows) {
  std::string yaml = kGood;
  yaml.replace(yaml.find("allows_copy_from: [\"111111111111\"]"),
               std::string("allows_copy_from: [\"111111111111\"]").size(),
               "allows_copy_from: unknown");
  const std::vector<Finding> found =
      of_check(check(predict_scenario(yaml), Policy{}), kIndeterminate);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].subject, "orders@b-vault");
  EXPECT_EQ(found[0].message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault b-vault "
            "(ap-northeast-1/222222222222) made by rule daily of plan daily cannot be predicted: "
            "whether the destination vault's access policy lets the source account copy in is not "
            "known. Not known: the access policy of vault b-vault.");
  EXPECT_EQ(found[0].fix,
            "Add what is missing to the input (the access policy of vault b-vault), then run "
            "snapkey again.");
}

TEST(CheckOutcomes, UnsupportedUnencryptedIndeterminateAreSilentOnAGoodDesign) {
  const Findings f = check(predict_scenario(kGood), Policy{});
  EXPECT_TRUE(silent_on(f, kUnsupported));
  EXPECT_TRUE(silent_on(f, kUnencrypted));
  EXPECT_TRUE(silent_on(f, kIndeterminate));
}

TEST(CheckOutcomes, RestsOnDocConflictNamesTheDocumentsThatDisagree) {  // R15, finding 17
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kOutcomes), Policy{}), kRestsOnDocConflict);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].subject, "plain@virginia");
  EXPECT_EQ(found[0].message,
            "The copy of plain from vault tokyo (ap-northeast-1/111111111111) to vault virginia "
            "(us-east-1/111111111111) made by rule daily of plan daily is predicted unencrypted, "
            "but the Aurora User Guide (2026) says a copy with a customer managed key encrypts "
            "an unencrypted cluster snapshot, while the API reference and the air-gapped vault "
            "page say it cannot; snapkey follows the API reference.");
}

TEST(CheckOutcomes, RestsOnDocConflictExplainsTheDisputeAndHowToAvoidIt) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kDefaultVault), Policy{}), kRestsOnDocConflict);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::info);
  EXPECT_EQ(found[0].subject, "orders@virginia-default");
  EXPECT_EQ(found[0].message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault "
            "virginia-default (us-east-1/111111111111) made by rule daily of plan daily is "
            "predicted encrypted with alias/aws/rds of us-east-1/111111111111, but AWS "
            "documentation says a copy into a vault keyed with aws/backup should fail, while such "
            "copies were observed to succeed with aws/rds (R9, U-1); snapkey follows the "
            "observation, and the copy may fail if AWS starts to follow its documentation.");
  EXPECT_EQ(found[0].fix,
            "Create a vault in us-east-1/111111111111 keyed with a customer managed key (a "
            "vault's key is fixed when it is created) and point the copy action of rule daily in "
            "plan daily at it.");
  EXPECT_THAT(found[0].rules, ElementsAre("R9"));
  EXPECT_EQ(found[0].location.to_string(), at(18, 9));
}

TEST(CheckOutcomes, RestsOnDocConflictIsSilentOnAGoodDesign) {
  EXPECT_TRUE(silent_on(check(predict_scenario(kGood), Policy{}), kRestsOnDocConflict));
}

// An unencrypted RDS DB instance copied to another Region is encrypted with the vault's key:
// inferred (R16, U-5).
constexpr const char* kInferred = R"(keys:
  virginia-cmk:
    arn: arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222
    alias: alias/virginia-cmk
resources:
  billing:
    arn: arn:aws:rds:ap-northeast-1:111111111111:db:billing
    type: rds-instance
    key: none
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  virginia:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:virginia
    key: virginia-cmk
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [virginia]
    resources: [billing]
)";

TEST(CheckOutcomes, RestsOnInferredRuleNamesTheInferredRules) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kInferred), Policy{}), kRestsOnInferredRule);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::info);
  EXPECT_EQ(found[0].subject, "billing@virginia");
  EXPECT_EQ(found[0].message,
            "The copy of billing from vault tokyo (ap-northeast-1/111111111111) to vault virginia "
            "(us-east-1/111111111111) made by rule daily of plan daily is predicted encrypted "
            "with alias/virginia-cmk "
            "(arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222), "
            "resting on inferred rules: R16 (Copies of unencrypted RDS DB instances are encrypted "
            "with the destination vault key).");
  EXPECT_EQ(found[0].fix,
            "Run the job once and compare what AWS reports with snapkey verify, or design around "
            "the inferred case (the copy action of rule daily in plan daily).");
  EXPECT_THAT(found[0].rules, ElementsAre("R16"));
  EXPECT_EQ(found[0].location.to_string(), at(19, 9));
}

TEST(CheckOutcomes, RestsOnInferredRuleIsSilentOnAGoodDesignAndOnInheritedFailures) {
  EXPECT_TRUE(silent_on(check(predict_scenario(kGood), Policy{}), kRestsOnInferredRule));
  // orders@b-archive fails only because its source fails (an R11 step): nothing new to say.
  EXPECT_TRUE(silent_on(check(predict_scenario(kFails), Policy{}), kRestsOnInferredRule));
}

}  // namespace
}  // namespace snapkey
