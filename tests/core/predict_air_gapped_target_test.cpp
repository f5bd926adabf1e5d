// Backup rules with a logically air-gapped target (R42, 2025-11-17), air-gapped vaults keyed with
// a customer managed key (R44, 2025-11-06), restore access backup vaults (R45) and the Regions
// without copies into air-gapped vaults (R21).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/world.hpp"

namespace snapkey::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;

class AirGappedTarget : public ::testing::Test {
 protected:
  AirGappedTarget() {
    w.key("cluster-key", kTokyo);
    w.vault("tokyo", kTokyo);
    w.vault("lag", kTokyo).type = VaultType::logically_air_gapped;
  }
  // The predictions of a rule backing up `key`'s resource into "tokyo" with target `lag`.
  Predictions predict(const std::string& key, ResourceType type = ResourceType::aurora,
                      std::optional<Date> as_of = std::nullopt) {
    w.resource("r", key, type);
    w.plan("plan", "tokyo", {"r"}).rules[0].air_gapped_vault = lag;
    return w.predict(as_of);
  }
  World w;
  std::string lag = "lag";
};

TEST_F(AirGappedTarget, BackupIsATemporaryPointCopiedIntoTheAirGappedVault) {  // R42, R21c
  const Predictions all = predict("cluster-key");
  ASSERT_EQ(all.recovery_points.size(), 2u);
  const Prediction backup = rp(all, "r@tokyo");
  EXPECT_EQ(backup.key->name, "cluster-key");
  EXPECT_THAT(backup.rules, ElementsAre("R1", "R42", "R4", "R2"));
  const Prediction copy = rp(all, "r@lag");
  EXPECT_EQ(copy.parent, "r@tokyo");
  EXPECT_EQ(copy.operation, Operation::copy);
  EXPECT_EQ(copy.outcome, Outcome::encrypted);
  EXPECT_EQ(copy.key->manager, KeyManager::aws_owned);
  EXPECT_EQ(copy.rules.back(), "R21");
  EXPECT_THAT(copy.rules, Contains("R42"));
  EXPECT_THAT(copy.warnings, Contains(std::string(kLagKeyArnUnknown)));
  EXPECT_EQ(copy.plan_rule, "plan-rule");
}

TEST_F(AirGappedTarget, NotAvailableBefore2025_11_17) {  // R42's date
  const Prediction copy =
      rp(predict("cluster-key", ResourceType::aurora, Date{2025, 11, 16}), "r@lag");
  EXPECT_EQ(copy.outcome, Outcome::unsupported);
  EXPECT_EQ(copy.rules.back(), "R42");
}

TEST_F(AirGappedTarget, AwsManagedSourceCompletesWithoutACopy) {  // R42
  const Prediction copy = rp(predict(std::string(kAwsRdsAlias)), "r@lag");
  EXPECT_EQ(copy.outcome, Outcome::unsupported);
  EXPECT_EQ(copy.aws_error,
            "Backup job completed successfully to the target backup vault. This resource is "
            "encrypted with an AWS managed key and cannot be copied to a logically air-gapped "
            "backup vault.");
  EXPECT_THAT(copy.warnings, Contains(std::string(kDocConflict)));
}

TEST_F(AirGappedTarget, UnencryptedInstanceIsAssumedAccepted) {  // R42, U-19
  const Prediction copy = rp(predict("", ResourceType::rds_instance), "r@lag");
  EXPECT_EQ(copy.outcome, Outcome::encrypted);
  EXPECT_EQ(copy.key->manager, KeyManager::aws_owned);
  EXPECT_EQ(copy.confidence, Confidence::inferred);
  EXPECT_THAT(copy.warnings, Contains(std::string(kUnencryptedLagBackup)));
}

TEST_F(AirGappedTarget, UnencryptedClusterFails) {  // R21b
  const Prediction copy = rp(predict(""), "r@lag");
  EXPECT_EQ(copy.outcome, Outcome::fails);
  EXPECT_EQ(copy.rules.back(), "R21");
  EXPECT_THAT(copy.warnings, Contains(std::string(kDocConflict)));  // finding 17
}

TEST_F(AirGappedTarget, MustBeInTheRulesAccountAndRegion) {  // R42
  w.vault("lag-virginia", kVirginia).type = VaultType::logically_air_gapped;
  lag = "lag-virginia";
  const Prediction copy = rp(predict("cluster-key"), "r@lag-virginia");
  EXPECT_EQ(copy.outcome, Outcome::fails);
  EXPECT_EQ(copy.message,
            "air-gapped vault lag-virginia is not in the backup rule's account and Region");
}

TEST_F(AirGappedTarget, MustBeAnAirGappedVault) {  // E_AIR_GAPPED_VAULT
  lag = "tokyo";
  w.resource("r", "cluster-key");
  w.plan("plan", "tokyo", {"r"}).rules[0].air_gapped_vault = "tokyo";
  auto model = w.build();
  ASSERT_FALSE(model);
  EXPECT_EQ(model.error().id, "E_AIR_GAPPED_VAULT");
  EXPECT_EQ(model.error().message,
            "rule 'plan-rule' of plan 'plan' names vault 'tokyo' as its logically air-gapped "
            "target, but it is a standard vault; expected a logically air-gapped vault");
}

TEST_F(AirGappedTarget, AnUnknownTargetIsIndeterminate) {
  w.resource("r", "cluster-key");
  w.plan("plan", "tokyo", {"r"}).rules[0].air_gapped_vault_unknown =
      "aws_backup_plan.p: target_logically_air_gapped_backup_vault_arn is known after apply";
  const Predictions all = w.predict();
  ASSERT_EQ(all.recovery_points.size(), 2u);
  EXPECT_EQ(all.recovery_points[1].outcome, Outcome::indeterminate);
  EXPECT_THAT(rp(all, "r@tokyo").rules, Contains("R42"));
}

class CustomerKeyedAirGappedVault : public ::testing::Test {
 protected:
  CustomerKeyedAirGappedVault() {
    w.key("cluster-key", kTokyo);
    w.key("lag-key", kTokyo);
    w.key("central-key", kTokyo, kB);
    w.resource("r", "cluster-key");
    w.vault("tokyo", kTokyo);
  }
  Prediction copy_into(const std::string& key, std::optional<Date> as_of = std::nullopt) {
    Vault& lag = w.vault("lag", kTokyo, key);
    lag.type = VaultType::logically_air_gapped;
    w.plan("plan", "tokyo", {"r"}, {"lag"});
    return rp(w.predict(as_of), "r@lag");
  }
  World w;
};

TEST_F(CustomerKeyedAirGappedVault, CopyGetsTheVaultsKey) {  // R44, R21c
  const Prediction p = copy_into("lag-key");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->name, "lag-key");
}

TEST_F(CustomerKeyedAirGappedVault, NotBefore2025_11_06) {  // R44's date
  const Prediction p = copy_into("lag-key", Date{2025, 11, 5});
  EXPECT_EQ(p.outcome, Outcome::unsupported);
  EXPECT_EQ(p.rules.back(), "R44");
}

TEST_F(CustomerKeyedAirGappedVault, ForeignKeyNotSharedLeavesTheVaultFailed) {  // R44 (i)
  const Prediction p = copy_into("central-key");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R44");
  EXPECT_EQ(p.message,
            "key alias/central-key is not shared with account 111111111111, so air-gapped vault "
            "lag is FAILED");
}

TEST_F(CustomerKeyedAirGappedVault, ForeignKeySharedWorks) {  // R44: what AWS recommends
  w.in.keys[2].shared_with = {kA};
  const Prediction p = copy_into("central-key");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->name, "central-key");
}

TEST(CopyOutOfAirGappedVault, CustomerKeyMustBeSharedWithTheDestination) {  // R44 (iii), R30
  World w;
  w.key("cluster-key", kTokyo);
  w.key("lag-key", kTokyo);
  w.key("b-key", kTokyo, kB);
  w.resource("r", "cluster-key");
  w.vault("tokyo", kTokyo);
  w.vault("lag", kTokyo, "lag-key").type = VaultType::logically_air_gapped;
  w.vault("central", kTokyo, "b-key", kB).allows_copy_from = std::vector<std::string>{kA};
  w.plan("plan", "tokyo", {"r"}, {"lag"});
  w.job(JobKind::copy, "r@lag").to = "central";
  const Prediction p = rp(w.predict(), "r@central");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R30");
  EXPECT_THAT(p.advice, Contains("Let arn:aws:iam::222222222222:role/aws-service-role/"
                                 "backup.amazonaws.com/AWSServiceRoleForBackup use key "
                                 "alias/lag-key in its key policy (kms:Decrypt, kms:DescribeKey, "
                                 "kms:CreateGrant with kms:GrantIsForAWSResource)."));
}

TEST(RestoreAccessVault, TakesNoBackupsAndNoCopies) {  // R45
  World w;
  w.key("cluster-key", kTokyo);
  w.resource("r", "cluster-key");
  w.vault("tokyo", kTokyo);
  w.vault("access", kTokyo).type = VaultType::restore_access;
  w.plan("plan", "tokyo", {"r"}, {"access"});
  w.plan("direct", "access", {"r"});
  const Predictions all = w.predict();
  // Plans in name order: "direct" backs up into the vault first, then "plan" copies into it.
  const Prediction copy = rp(all, "r@access#2");
  EXPECT_EQ(copy.operation, Operation::copy);
  EXPECT_EQ(copy.outcome, Outcome::unsupported);
  EXPECT_EQ(copy.rules.back(), "R45");
  EXPECT_EQ(copy.message, "vault access is a restore access backup vault");
  const Prediction backup = rp(all, "r@access");
  EXPECT_EQ(backup.operation, Operation::backup);
  EXPECT_EQ(backup.outcome, Outcome::unsupported);
  EXPECT_EQ(backup.rules.back(), "R45");
}

TEST(AirGappedRegions, NoCrossRegionCopyIntoAirGappedVaultsInTaipei) {  // R21 (e)
  World w;
  w.key("cluster-key", kTokyo);
  w.resource("r", "cluster-key");
  w.vault("tokyo", kTokyo);
  w.vault("taipei-lag", "ap-east-2").type = VaultType::logically_air_gapped;
  w.plan("plan", "tokyo", {"r"}, {"taipei-lag"});
  const Prediction p = rp(w.predict(), "r@taipei-lag");
  EXPECT_EQ(p.outcome, Outcome::unsupported);
  EXPECT_EQ(p.rules.back(), "R21");
  EXPECT_EQ(p.message,
            "cross-Region and cross-account copies into a logically air-gapped vault are not "
            "available in ap-east-2");
}

}  // namespace
}  // namespace snapkey::testing
