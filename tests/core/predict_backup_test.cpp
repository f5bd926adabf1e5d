// Backups: R1-R5, R23 (continuous) and the source key's state.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/world.hpp"

namespace snapkey::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(Backup, EncryptedSourceKeepsItsKeyWhateverTheVaultKey) {  // R1, R2
  World w;
  w.key("cluster-key", kTokyo);
  w.key("vault-key", kTokyo);
  w.resource("aurora", "cluster-key");
  w.vault("tokyo", kTokyo, "vault-key");
  w.plan("plan", "tokyo", {"aurora"});
  const Prediction p = rp(w.predict(), "aurora@tokyo");
  EXPECT_EQ(p.operation, Operation::backup);
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  ASSERT_TRUE(p.key);
  EXPECT_EQ(p.key->name, "cluster-key");
  EXPECT_THAT(p.rules, ElementsAre("R1", "R4", "R2"));
  EXPECT_EQ(p.confidence, Confidence::documented);
  EXPECT_EQ(p.plan, "plan");
  EXPECT_EQ(p.plan_rule, "plan-rule");
  EXPECT_EQ(p.region.name, kTokyo);
  EXPECT_EQ(p.account.value, kA);
  EXPECT_FALSE(p.parent);
}

TEST(Backup, AwsManagedSourceKeyIsNamedByAliasWithoutArn) {  // R2 with aws/rds
  World w;
  w.resource("aurora", "alias/aws/rds");
  w.vault("tokyo", kTokyo);
  w.plan("plan", "tokyo", {"aurora"});
  const Prediction p = rp(w.predict(), "aurora@tokyo");
  ASSERT_TRUE(p.key);
  EXPECT_EQ(p.key->alias(), "alias/aws/rds");
  EXPECT_EQ(p.key->arn, "");
  EXPECT_EQ(p.key->manager, KeyManager::aws);
  EXPECT_THAT(p.warnings, ElementsAre("KEY_ARN_NOT_KNOWN"));
}

TEST(Backup, UnencryptedSourceGivesUnencryptedRecoveryPoint) {  // R3
  World w;
  w.key("vault-key", kTokyo);
  w.resource("aurora", "");
  w.vault("tokyo", kTokyo, "vault-key");
  w.plan("plan", "tokyo", {"aurora"});
  const Prediction p = rp(w.predict(), "aurora@tokyo");
  EXPECT_EQ(p.outcome, Outcome::unencrypted);
  EXPECT_FALSE(p.key);
  EXPECT_EQ(p.rules.back(), "R3");
}

TEST(Backup, RecoveryPointArnIsTheSnapshotArn) {  // R4
  World w;
  w.key("k", kTokyo);
  w.resource("aurora", "k");
  w.resource("db", "k", ResourceType::rds_instance);
  w.vault("tokyo", kTokyo);
  w.plan("plan", "tokyo", {"aurora", "db"});
  const Predictions all = w.predict();
  EXPECT_EQ(rp(all, "aurora@tokyo").recovery_point_arn,
            "arn:aws:rds:ap-northeast-1:111111111111:cluster-snapshot:awsbackup:job-<id>");
  EXPECT_EQ(rp(all, "db@tokyo").recovery_point_arn,
            "arn:aws:rds:ap-northeast-1:111111111111:snapshot:awsbackup:job-<id>");
}

TEST(Backup, ContinuousRuleGivesContinuousRecoveryPoint) {  // R23
  World w;
  w.key("k", kTokyo);
  w.resource("aurora", "k");
  w.vault("tokyo", kTokyo);
  w.plan("plan", "tokyo", {"aurora"}).rules[0].continuous = true;
  const Prediction p = rp(w.predict(), "aurora@tokyo");
  EXPECT_TRUE(p.continuous);
  EXPECT_EQ(p.recovery_point_arn,
            "arn:aws:backup:ap-northeast-1:111111111111:recovery-point:continuous:cluster-<id>");
  EXPECT_THAT(p.rules, ElementsAre("R1", "R23", "R4", "R2"));
}

TEST(Backup, DisabledResourceKeyFails) {  // R26 (inferred for backups)
  World w;
  w.key("k", kTokyo).state = KeyState::disabled;
  w.resource("aurora", "k");
  w.vault("tokyo", kTokyo);
  w.plan("plan", "tokyo", {"aurora"});
  const Prediction p = rp(w.predict(), "aurora@tokyo");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R26");
  EXPECT_EQ(p.confidence, Confidence::inferred);
  EXPECT_EQ(p.aws_error,
            "DisabledException: arn:aws:kms:ap-northeast-1:111111111111:key/"
            "1234abcd-12ab-34cd-56ef-000000000000 is disabled.");
  EXPECT_FALSE(p.recovery_point_arn);
}

class LagBackup : public ::testing::Test {
 protected:
  LagBackup() {
    w.key("cmk", kTokyo);
    w.vault("lag", kTokyo).type = VaultType::logically_air_gapped;
    w.plan("plan", "lag", {"aurora"});
  }
  World w;
};

TEST_F(LagBackup, CustomerKeyedSourceGetsTheVaultsAwsOwnedKey) {  // R5, R21c
  w.resource("aurora", "cmk");
  const Prediction p = rp(w.predict(), "aurora@lag");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  ASSERT_TRUE(p.key);
  EXPECT_EQ(p.key->manager, KeyManager::aws_owned);
  EXPECT_THAT(p.rules, ElementsAre("R1", "R5", "R21"));
  EXPECT_EQ(p.confidence, Confidence::inferred);
  EXPECT_THAT(p.warnings, ElementsAre("LAG_KEY_ARN_UNKNOWN", "LAG_PRIMARY_ELIGIBILITY_UNKNOWN"));
  EXPECT_EQ(p.recovery_point_arn, "arn:aws:backup:ap-northeast-1:111111111111:recovery-point:<id>");
}

TEST_F(LagBackup, AwsManagedSourceFails) {  // R5, R21a
  w.resource("aurora", "alias/aws/rds");
  const Prediction p = rp(w.predict(), "aurora@lag");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_THAT(p.message, HasSubstr("AWS managed key"));
}

TEST_F(LagBackup, UnencryptedSourceFails) {  // R5, R21b
  w.resource("aurora", "");
  const Prediction p = rp(w.predict(), "aurora@lag");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_THAT(p.rules, ::testing::Contains("R5"));
}

TEST_F(LagBackup, DisabledSourceKeyFails) {  // R26
  w.resource("aurora", "cmk");
  w.in.keys.front().state = KeyState::disabled;  // the fixture's "cmk"
  const Prediction p = rp(w.predict(), "aurora@lag");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R26");
  EXPECT_EQ(p.message, "the resource key is Disabled");
  ASSERT_FALSE(p.steps.empty());
  EXPECT_THAT(p.steps.back().facts, ::testing::Contains(Fact{"key state", "Disabled"}));
}

TEST_F(LagBackup, VaultKeyPendingDeletionFails) {  // R27
  w.resource("aurora", "cmk");
  w.key("lag-cmk", kTokyo).state = KeyState::pending_deletion;
  w.in.vaults.front().key = "lag-cmk";  // the fixture's "lag"
  const Prediction p = rp(w.predict(), "aurora@lag");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R27");
  EXPECT_EQ(p.message, "the vault key is PendingDeletion");
  EXPECT_THAT(p.aws_error, ::testing::Optional(HasSubstr("is pending deletion")));
}

// Found by fuzz_engine (tests/fuzz/corpus/engine/regress-air-gapped-unknown-key): the backup
// read the vault's key without asking whether it was known, and read garbage.
TEST_F(LagBackup, UnknownVaultKeyIsIndeterminate) {
  w.resource("aurora", "cmk");
  w.in.vaults.front().key_unknown = "kms_key_arn is known only after apply";
  const Prediction p = rp(w.predict(), "aurora@lag");
  EXPECT_EQ(p.outcome, Outcome::indeterminate);
  EXPECT_THAT(p.unknowns,
              ElementsAre("the key of vault lag: kms_key_arn is known only after apply"));
  EXPECT_FALSE(p.key);
}

TEST(Backup, UnknownResourceKeyIsIndeterminate) {
  World w;
  w.resource("aurora", "").key_unknown = "kms_key_id is known only after apply";
  w.vault("tokyo", kTokyo);
  w.plan("plan", "tokyo", {"aurora"});
  const Prediction p = rp(w.predict(), "aurora@tokyo");
  EXPECT_EQ(p.outcome, Outcome::indeterminate);
  EXPECT_THAT(p.unknowns, ElementsAre("the key of aurora: kms_key_id is known only after apply"));
}

}  // namespace
}  // namespace snapkey::testing
