// Tests for the checks on keys: AWS_MANAGED_COPY_KEY, MRK_REPLICA_UNUSED, COPY_KEY_MANAGER,
// KEY_NOT_ENABLED, COPY_SHARES_SOURCE_KEY, KEY_NOT_ALLOWED.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "snapkey/check.hpp"
#include "support/check_support.hpp"

namespace snapkey {
namespace {

using ::snapkey::testing::at;
using ::snapkey::testing::kDefaultVault;
using ::snapkey::testing::kGoodDesign;
using ::snapkey::testing::of_check;
using ::snapkey::testing::predict_scenario;
using ::snapkey::testing::silent_on;
using ::snapkey::testing::summary;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

TEST(CheckAwsManagedCopyKey, DefaultVaultCopyTellsToCreateAVaultWithACustomerManagedKey) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kDefaultVault), Policy{}), kAwsManagedCopyKey);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_EQ(found[0].subject, "orders@virginia-default");
  EXPECT_EQ(found[0].vault_arn, "arn:aws:backup:us-east-1:111111111111:backup-vault:Default");
  EXPECT_EQ(found[0].region.name, "us-east-1");
  EXPECT_EQ(found[0].account.value, "111111111111");
  EXPECT_EQ(found[0].message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault "
            "virginia-default (us-east-1/111111111111) made by rule daily of plan daily is "
            "encrypted with the AWS managed key alias/aws/rds of us-east-1/111111111111, not a "
            "customer managed key: vault virginia-default is keyed with aws/backup, and an "
            "RDS-family copy into such a vault gets aws/rds (R9). No other account can use that "
            "key and its policy cannot be changed (R12, R29).");
  EXPECT_EQ(found[0].fix,
            "Create a vault in us-east-1/111111111111 keyed with a customer managed key (a "
            "vault's key is fixed when it is created) and point the copy action of rule daily in "
            "plan daily at it.");
  EXPECT_THAT(found[0].rules, ElementsAre("R6", "R9"));
  EXPECT_EQ(found[0].location.to_string(), at(18, 9));
}

// The source is on a multi-Region key whose replica exists in N. Virginia; plan daily copies to
// the Default vault, plan weekly to a vault keyed with the replica; a native copy gives aws/rds.
constexpr const char* kReplicaVault = R"(keys:
  tokyo-mrk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef
    alias: alias/tokyo-mrk
    multi_region: primary
  virginia-replica:
    arn: arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef
    alias: alias/virginia-replica
    multi_region: replica
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: tokyo-mrk
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  virginia-default:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
  replica-vault:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:replica-vault
    key: virginia-replica
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [virginia-default]
    resources: [orders]
  weekly:
    rules:
      - name: weekly
        vault: tokyo
        copy_to: [replica-vault]
    resources: [orders]
jobs:
  - native_copy: {from: orders@tokyo, region: us-east-1, key: alias/aws/rds}
)";

constexpr const char* kReplicaVaultFix =
    "Point the copy action of rule daily in plan daily at vault replica-vault "
    "(arn:aws:backup:us-east-1:111111111111:backup-vault:replica-vault), keyed with the replica "
    "alias/virginia-replica "
    "(arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef).";

TEST(CheckAwsManagedCopyKey, FixNamesTheVaultKeyedWithTheReplica) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kReplicaVault), Policy{}), kAwsManagedCopyKey);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].subject, "orders@virginia-default");
  EXPECT_EQ(found[1].fix, kReplicaVaultFix);
}

TEST(CheckAwsManagedCopyKey, NativeCopyFixNamesTheReplicaAsKmsKeyId) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kReplicaVault), Policy{}), kAwsManagedCopyKey);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].subject, "orders@tokyo/native-copy@us-east-1");
  EXPECT_EQ(found[0].message,
            "The native RDS copy of orders@tokyo to us-east-1/111111111111 made by an on-demand "
            "job is encrypted with the AWS managed key alias/aws/rds of us-east-1/111111111111, "
            "not a customer managed key: the native copy gives it as KmsKeyId. No other account "
            "can use that key and its policy cannot be changed (R12, R29).");
  EXPECT_EQ(found[0].fix,
            "Give a customer managed key of us-east-1/111111111111 as the KmsKeyId of the native "
            "copy, e.g. the replica alias/virginia-replica "
            "(arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef).");
  EXPECT_THAT(found[0].rules, ElementsAre("R32", "R29"));
  EXPECT_EQ(found[0].location.to_string(), at(37, 5));  // the job
}

// One rule copies to the Default vault and to a vault with a customer managed key: the copy to
// the Default vault is redundant.
constexpr const char* kTwoCopies = R"(keys:
  tokyo-cmk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111
    alias: alias/tokyo-cmk
  virginia-cmk:
    arn: arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222
    alias: alias/virginia-cmk
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: tokyo-cmk
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  virginia-default:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
  virginia:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:virginia
    key: virginia-cmk
  virginia-lag:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:virginia-lag
    type: logically-air-gapped
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [virginia-default, virginia, virginia-lag]
    resources: [orders]
)";

TEST(CheckAwsManagedCopyKey, RedundantCopyToTheDefaultVaultIsToBeRemoved) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kTwoCopies), Policy{}), kAwsManagedCopyKey);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].fix,
            "Remove the copy action to vault virginia-default from rule daily of plan daily: the "
            "rule already copies to vault virginia "
            "(arn:aws:backup:us-east-1:111111111111:backup-vault:virginia), keyed with "
            "alias/virginia-cmk "
            "(arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222).");
}

TEST(CheckAwsManagedCopyKey, SilentOnAGoodDesignAndOnBackupsOnAwsManagedKeys) {
  EXPECT_THAT(of_check(check(predict_scenario(kGoodDesign), Policy{}), kAwsManagedCopyKey),
              IsEmpty());
  // A backup keeps the resource's aws/rds (R2): no copy, nothing for this check.
  std::string yaml = kDefaultVault;
  yaml.replace(yaml.find("    key: tokyo-cmk\nvaults"), 18, "    key: alias/aws/rds");
  yaml.replace(yaml.find("        copy_to: [virginia-default]\n"), 36, "");
  const Findings f = check(predict_scenario(yaml), Policy{});
  EXPECT_EQ(f.recovery_points, 1u);
  EXPECT_TRUE(silent_on(f, kAwsManagedCopyKey));
}

TEST(CheckMrkReplicaUnused, NamesTheReplicaAndTheVaultKeyedWithIt) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kReplicaVault), Policy{}), kMrkReplicaUnused);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::warning);
  EXPECT_EQ(found[0].subject, "orders@virginia-default");
  EXPECT_EQ(found[0].message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault "
            "virginia-default (us-east-1/111111111111) made by rule daily of plan daily is "
            "encrypted with alias/aws/rds of us-east-1/111111111111, although "
            "alias/virginia-replica "
            "(arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef), a "
            "replica of its source key alias/tokyo-mrk, exists in us-east-1: a copy never picks a "
            "replica by itself, only the destination vault's key counts (R8a).");
  EXPECT_EQ(found[0].fix, kReplicaVaultFix);
  EXPECT_THAT(found[0].rules, ElementsAre("R8"));
  EXPECT_EQ(found[0].location.to_string(), at(26, 9));
}

TEST(CheckMrkReplicaUnused, RaisedForACopyIntoAnotherCustomerManagedKeyToo) {
  std::string yaml = kTwoCopies;
  // The source on a multi-Region key with a replica in N. Virginia, no vault keyed with it.
  yaml.replace(yaml.find("keys:\n"), 6,
               "keys:\n"
               "  tokyo-mrk:\n"
               "    arn: arn:aws:kms:ap-northeast-1:111111111111:key/"
               "mrk-0123456789abcdef0123456789abcdef\n"
               "    multi_region: primary\n"
               "  virginia-replica:\n"
               "    arn: arn:aws:kms:us-east-1:111111111111:key/"
               "mrk-0123456789abcdef0123456789abcdef\n"
               "    alias: alias/virginia-replica\n"
               "    multi_region: replica\n");
  yaml.replace(yaml.find("    key: tokyo-cmk\nvaults"), 18, "    key: tokyo-mrk");
  const std::vector<Finding> found =
      of_check(check(predict_scenario(yaml), Policy{}), kMrkReplicaUnused);
  ASSERT_EQ(found.size(), 2u);  // the Default vault's copy and the one into virginia
  EXPECT_EQ(found[0].subject, "orders@virginia");
  EXPECT_EQ(found[0].fix,
            "Create a vault in us-east-1/111111111111 keyed with the replica "
            "alias/virginia-replica "
            "(arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef) of the "
            "source's multi-Region key (a vault's key is fixed when it is created) and point the "
            "copy action of rule daily in plan daily at it.");
  EXPECT_EQ(found[1].subject, "orders@virginia-default");
}

TEST(CheckMrkReplicaUnused, SilentWhenTheCopyUsesTheReplica) {
  const Findings f = check(predict_scenario(kReplicaVault), Policy{});
  EXPECT_THAT(summary(f),
              ::testing::Not(::testing::Contains("MRK_REPLICA_UNUSED orders@replica-vault")));
  EXPECT_THAT(of_check(check(predict_scenario(kGoodDesign), Policy{}), kMrkReplicaUnused),
              IsEmpty());
}

TEST(CheckCopyKeyManager, AwsOwnedKeyOfAnAirGappedVault) {
  Policy policy;
  policy.copy_key_manager = KeyManager::customer;
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kTwoCopies), policy), kCopyKeyManager);
  ASSERT_EQ(found.size(), 1u);  // the aws/rds copy is AWS_MANAGED_COPY_KEY's
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_EQ(found[0].subject, "orders@virginia-lag");
  EXPECT_EQ(found[0].message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault "
            "virginia-lag (us-east-1/111111111111) made by rule daily of plan daily is encrypted "
            "with an AWS owned key; the policy requires a customer managed key for every copy "
            "(copy_key_manager: customer).");
  EXPECT_EQ(found[0].fix,
            "Create a logically air-gapped vault in us-east-1/111111111111 with a customer "
            "managed key (chosen when the vault is created) and point the copy action of rule "
            "daily in plan daily at it instead of vault virginia-lag.");
  EXPECT_THAT(found[0].rules, ElementsAre("R21"));
  EXPECT_EQ(found[0].location.to_string(), at(27, 9));
}

TEST(CheckCopyKeyManager, ReportsAwsManagedKeysWhenAwsManagedCopyKeyIsOff) {
  Policy policy;
  policy.copy_key_manager = KeyManager::customer;
  policy.checks[std::string(kAwsManagedCopyKey)].enabled = false;
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kTwoCopies), policy), kCopyKeyManager);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].subject, "orders@virginia-default");
  EXPECT_EQ(found[0].message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault "
            "virginia-default (us-east-1/111111111111) made by rule daily of plan daily is "
            "encrypted with alias/aws/rds of us-east-1/111111111111, an AWS managed key; the "
            "policy requires a customer managed key for every copy (copy_key_manager: customer).");
  EXPECT_EQ(found[0].fix,
            "Remove the copy action to vault virginia-default from rule daily of plan daily: the "
            "rule already copies to vault virginia "
            "(arn:aws:backup:us-east-1:111111111111:backup-vault:virginia), keyed with "
            "alias/virginia-cmk "
            "(arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222).");
  EXPECT_THAT(found[0].rules, ElementsAre("R6", "R9"));
}

TEST(CheckCopyKeyManager, ExplicitlyEnabledWithoutAManagerMeansCustomer) {
  Policy policy;
  policy.checks[std::string(kCopyKeyManager)] = CheckSetting{};
  const Findings f = check(predict_scenario(kTwoCopies), policy);
  EXPECT_THAT(summary(f), ::testing::Contains("COPY_KEY_MANAGER orders@virginia-lag"));
}

TEST(CheckCopyKeyManager, SilentWithoutThePolicySettingAndOnAGoodDesign) {
  const Findings off = check(predict_scenario(kTwoCopies), Policy{});
  EXPECT_THAT(of_check(off, kCopyKeyManager), IsEmpty());
  EXPECT_THAT(off.checks_run, Not(Contains(std::string(kCopyKeyManager))));
  Policy policy;
  policy.copy_key_manager = KeyManager::customer;
  EXPECT_TRUE(silent_on(check(predict_scenario(kGoodDesign), policy), kCopyKeyManager));
}

TEST(CheckKeyNotEnabled, EveryStateButEnabledAndUnknown) {
  // The engine predicts jobs on a disabled key to fail (JOB_FAILS, R26); a recovery point that
  // is made on a key not Enabled is still at risk, whatever made it.
  Predictions predictions = predict_scenario(kGoodDesign);
  ASSERT_EQ(predictions.recovery_points[0].id, "orders@tokyo");
  ASSERT_EQ(predictions.recovery_points[2].id, "orders@virginia");
  predictions.recovery_points[0].key->state = KeyState::unknown;
  predictions.recovery_points[2].key->state = KeyState::disabled;
  const std::vector<Finding> found = of_check(check(predictions, Policy{}), kKeyNotEnabled);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_EQ(found[0].subject, "orders@virginia");
  EXPECT_EQ(found[0].message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault virginia "
            "(us-east-1/111111111111) made by rule daily of plan daily is encrypted with "
            "alias/virginia-cmk "
            "(arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222), whose "
            "state is Disabled: it cannot be copied or restored while the key is not Enabled "
            "(R26, R27).");
  EXPECT_EQ(found[0].fix,
            "Enable key alias/virginia-cmk "
            "(arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222) "
            "(kms:EnableKey).");
  EXPECT_THAT(found[0].rules, ElementsAre("R26"));
  EXPECT_EQ(found[0].location.to_string(), at(30, 9));
}

// A logically air-gapped vault keyed with a customer managed key that is pending deletion.
constexpr const char* kPendingDeletion = R"(keys:
  tokyo-cmk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111
    alias: alias/tokyo-cmk
  lag-cmk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/44444444-4444-4444-4444-444444444444
    alias: alias/lag-cmk
    state: PendingDeletion
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: tokyo-cmk
vaults:
  lag:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:lag
    type: logically-air-gapped
    key: lag-cmk
plans:
  daily:
    rules:
      - name: daily
        vault: lag
    resources: [orders]
)";

// The backup cannot be written with the vault's key (R27); everything in that vault is at risk.
TEST(CheckKeyNotEnabled, PendingDeletionSaysTheDataWillBeLost) {
  const Findings findings = check(predict_scenario(kPendingDeletion), Policy{});
  const std::vector<Finding> found = of_check(findings, kKeyNotEnabled);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].subject, "orders@lag");
  EXPECT_EQ(found[0].message,
            "The backup of orders into vault lag (ap-northeast-1/111111111111) made by rule daily "
            "of plan daily is predicted to fail: it depends on alias/lag-cmk "
            "(arn:aws:kms:ap-northeast-1:111111111111:key/44444444-4444-4444-4444-444444444444), "
            "whose state is PendingDeletion. No recovery point encrypted with that key can be "
            "made, copied or restored now, and once the key is deleted none can ever be decrypted "
            "again (R27). AWS reports: \"KMSInvalidStateException: "
            "arn:aws:kms:ap-northeast-1:111111111111:key/44444444-4444-4444-4444-444444444444 is "
            "pending deletion.\".");
  EXPECT_EQ(found[0].fix,
            "Cancel the deletion of key alias/lag-cmk "
            "(arn:aws:kms:ap-northeast-1:111111111111:key/44444444-4444-4444-4444-444444444444) "
            "(kms:CancelKeyDeletion), then enable it.");
  EXPECT_THAT(found[0].rules, ElementsAre("R27"));
  EXPECT_EQ(found[0].location.to_string(), at(22, 9));
  // The failure is the key's: JOB_FAILS does not report it a second time.
  EXPECT_TRUE(silent_on(findings, kJobFails));
}

// A disabled resource key: the backup fails (R26), and so does the copy of what is in the vault.
TEST(CheckKeyNotEnabled, DisabledResourceKeyReportsTheBackupAndTheCopy) {
  std::string scenario = kGoodDesign;
  const std::string alias = "    alias: alias/tokyo-cmk\n";
  scenario.insert(scenario.find(alias) + alias.size(), "    state: Disabled\n");
  const Findings findings = check(predict_scenario(scenario), Policy{});
  const std::vector<Finding> found = of_check(findings, kKeyNotEnabled);
  ASSERT_GE(found.size(), 1u);
  EXPECT_EQ(found[0].subject, "orders@tokyo");
  EXPECT_THAT(found[0].message, HasSubstr("whose state is Disabled. No recovery point encrypted "
                                          "with that key can be made, copied or restored while "
                                          "it is not Enabled (R26)."));
  EXPECT_EQ(found[0].fix,
            "Enable key alias/tokyo-cmk "
            "(arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111) "
            "(kms:EnableKey).");
  EXPECT_TRUE(silent_on(findings, kJobFails));

  // With KEY_NOT_ENABLED off, the same failures are JOB_FAILS findings.
  Policy policy;
  policy.checks[std::string(kKeyNotEnabled)].enabled = false;
  const Findings without = check(predict_scenario(scenario), policy);
  EXPECT_THAT(of_check(without, kKeyNotEnabled), IsEmpty());
  EXPECT_THAT(without.checks_run, Not(Contains(std::string(kKeyNotEnabled))));
  EXPECT_EQ(of_check(without, kJobFails).size(), found.size());
}

TEST(CheckKeyNotEnabled, SilentOnAGoodDesign) {
  EXPECT_TRUE(silent_on(check(predict_scenario(kGoodDesign), Policy{}), kKeyNotEnabled));
}

// A same-account copy into a vault keyed with the source's own key, and a cross-account copy
// into a vault keyed with a key of the source's account (U-8).
constexpr const char* kSharedKeys = R"(keys:
  tokyo-cmk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111
    alias: alias/tokyo-cmk
    shared_with: ["222222222222"]
  central-key:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/55555555-5555-5555-5555-555555555555
    alias: alias/central-key
    shared_with: ["222222222222"]
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: tokyo-cmk
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  tokyo-archive:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo-archive
    key: tokyo-cmk
  b-vault:
    arn: arn:aws:backup:ap-northeast-1:222222222222:backup-vault:b-vault
    key: central-key
    allows_copy_from: ["111111111111"]
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [tokyo-archive, b-vault]
    resources: [orders]
)";

TEST(CheckCopySharesSourceKey, TheVeryKeyAndAKeyOfTheSourceAccount) {
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kSharedKeys), Policy{}), kCopySharesSourceKey);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].severity, Severity::warning);
  EXPECT_EQ(found[0].subject, "orders@b-vault");
  EXPECT_EQ(found[0].message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault b-vault "
            "(ap-northeast-1/222222222222) made by rule daily of plan daily is encrypted with "
            "alias/central-key "
            "(arn:aws:kms:ap-northeast-1:111111111111:key/55555555-5555-5555-5555-555555555555), "
            "a key of account 111111111111, where the recovery point it copies (orders@tokyo) "
            "lives (U-8): whoever can disable or delete keys there can lose both the original "
            "and the copy (R26).");
  EXPECT_EQ(found[0].fix,
            "Create a vault in ap-northeast-1/222222222222 keyed with a customer managed key of "
            "account 222222222222 (a vault's key is fixed when it is created) and point the copy "
            "action of rule daily in plan daily at it.");
  EXPECT_THAT(found[0].rules, ElementsAre("R7", "R26"));
  EXPECT_EQ(found[0].location.to_string(), at(28, 9));

  EXPECT_EQ(found[1].subject, "orders@tokyo-archive");
  EXPECT_EQ(found[1].message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault "
            "tokyo-archive (ap-northeast-1/111111111111) made by rule daily of plan daily is "
            "encrypted with alias/tokyo-cmk "
            "(arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111), "
            "the very key of the recovery point it copies (orders@tokyo): disabling or deleting "
            "that one key loses both the original and the copy (R26).");
  EXPECT_EQ(found[1].fix,
            "Create a vault in ap-northeast-1/111111111111 keyed with a customer managed key "
            "other than alias/tokyo-cmk (a vault's key is fixed when it is created) and point the "
            "copy action of rule daily in plan daily at it.");
  EXPECT_THAT(found[1].rules, ElementsAre("R26"));
}

TEST(CheckCopySharesSourceKey, SilentOnAGoodDesignAndForAwsManagedKeys) {
  EXPECT_THAT(of_check(check(predict_scenario(kGoodDesign), Policy{}), kCopySharesSourceKey),
              IsEmpty());
  // A native copy that keeps aws/rds shares the key, but nobody can disable or delete it (R29).
  std::string yaml = kDefaultVault;
  yaml.replace(yaml.find("    key: tokyo-cmk\nvaults"), 18, "    key: alias/aws/rds");
  yaml += "jobs:\n  - native_copy: {from: orders@tokyo}\n";
  const Findings f = check(predict_scenario(yaml), Policy{});
  ASSERT_NE(f.recovery_points, 0u);
  EXPECT_TRUE(silent_on(f, kCopySharesSourceKey));
}

TEST(CheckKeyNotAllowed, EveryKeyThatMatchesNoPattern) {
  Policy policy;
  policy.allowed_keys = {"alias/tokyo-cmk", "arn:aws:kms:us-east-1:111111111111:key/*"};
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kGoodDesign), policy), kKeyNotAllowed);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_EQ(found[0].subject, "orders@b-vault");
  EXPECT_EQ(found[0].message,
            "The copy of orders from vault tokyo (ap-northeast-1/111111111111) to vault b-vault "
            "(ap-northeast-1/222222222222) made by rule daily of plan daily is encrypted with "
            "alias/b-cmk "
            "(arn:aws:kms:ap-northeast-1:222222222222:key/33333333-3333-3333-3333-333333333333), "
            "which matches none of the allowed keys (alias/tokyo-cmk, "
            "arn:aws:kms:us-east-1:111111111111:key/*).");
  EXPECT_EQ(found[0].fix,
            "Create a vault in ap-northeast-1/222222222222 keyed with an allowed key (a vault's "
            "key is fixed when it is created) and point the copy action of rule daily in plan "
            "daily at it. Or, if the key is acceptable, add alias/b-cmk to allowed_keys.");
  EXPECT_THAT(found[0].rules, ElementsAre("R6"));
  EXPECT_EQ(found[0].location.to_string(), at(30, 9));
}

TEST(CheckKeyNotAllowed, ABackupIsFixedByTheResourcesKey) {
  Policy policy;
  policy.allowed_keys = {"alias/virginia-cmk", "alias/b-cmk"};
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kGoodDesign), policy), kKeyNotAllowed);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].subject, "orders@tokyo");
  EXPECT_EQ(found[0].fix,
            "Encrypt orders with an allowed key: a backup always keeps the resource's key (R2). "
            "Or, if the key is acceptable, add alias/tokyo-cmk to allowed_keys.");
  EXPECT_THAT(found[0].rules, ElementsAre("R2"));
}

TEST(CheckKeyNotAllowed, NativeCopiesAreCheckedRestoresAreNot) {
  std::string yaml = kReplicaVault;
  yaml += "  - restore: {from: orders@tokyo, key: alias/aws/rds}\n";
  Policy policy;
  policy.allowed_keys = {"alias/tokyo-mrk", "alias/virginia-replica"};
  const Findings f = check(predict_scenario(yaml), policy);
  const std::vector<Finding> found = of_check(f, kKeyNotAllowed);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].subject, "orders@tokyo/native-copy@us-east-1");
  EXPECT_EQ(found[0].fix,
            "Give an allowed key of us-east-1/111111111111 as the KmsKeyId of the native copy, "
            "e.g. the replica alias/virginia-replica "
            "(arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef). Or, "
            "if the key is acceptable, add alias/aws/rds to allowed_keys.");
  EXPECT_THAT(found[0].rules, ElementsAre("R32"));
  EXPECT_EQ(found[1].subject, "orders@virginia-default");
  EXPECT_EQ(found[1].fix, std::string(kReplicaVaultFix) +
                              " Or, if the key is acceptable, add alias/aws/rds to allowed_keys.");
  // The restore is predicted on aws/rds, and not checked: it makes a database.
  const Predictions predictions = predict_scenario(yaml);
  const auto restore =
      std::find_if(predictions.recovery_points.begin(), predictions.recovery_points.end(),
                   [](const Prediction& p) { return p.operation == Operation::restore; });
  ASSERT_NE(restore, predictions.recovery_points.end());
  ASSERT_TRUE(restore->key.has_value());
  EXPECT_EQ(restore->key->alias(), "alias/aws/rds");
}

TEST(CheckKeyNotAllowed, PatternsMatchKeyArnAliasAliasArnKeyIdAndName) {
  const Predictions predictions = predict_scenario(kGoodDesign);
  for (const std::string pattern :
       {"arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111",
        "alias/tokyo-cmk", "arn:aws:kms:ap-northeast-1:111111111111:alias/tokyo-cmk",
        "11111111-1111-1111-1111-111111111111", "tokyo-cmk", "*tokyo*", "arn:aws:kms:*:key/1*"}) {
    Policy policy;
    policy.allowed_keys = {pattern, "alias/virginia-cmk", "alias/b-cmk"};
    EXPECT_THAT(of_check(check(predictions, policy), kKeyNotAllowed), IsEmpty()) << pattern;
  }
  for (const std::string pattern : {"alias/tokyo", "tokyo-cmk*x", "arn:aws:kms:us-east-1:*"}) {
    Policy policy;
    policy.allowed_keys = {pattern, "alias/virginia-cmk", "alias/b-cmk"};
    EXPECT_THAT(summary(check(predictions, policy)), ElementsAre("KEY_NOT_ALLOWED orders@tokyo"))
        << pattern;
  }
}

TEST(CheckKeyNotAllowed, SilentWithoutAllowedKeysAndWhenEveryKeyIsAllowed) {
  const Predictions predictions = predict_scenario(kGoodDesign);
  const Findings none = check(predictions, Policy{});
  EXPECT_THAT(none.checks_run, ::testing::Not(::testing::Contains("KEY_NOT_ALLOWED")));
  Policy policy;
  policy.allowed_keys = {"alias/*-cmk"};
  EXPECT_THAT(check(predictions, policy).findings, IsEmpty());
}

}  // namespace
}  // namespace snapkey
