// AWS Backup copies within one account: the article's experiments, R6-R11, R15-R17, R19-R28.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/world.hpp"

namespace snapkey::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// The article: an Aurora cluster in Tokyo, backed up there and copied to N. Virginia.
class ArticleCopy : public ::testing::Test {
 protected:
  ArticleCopy() {
    w.mrk("test-key-multi", kTokyo, MultiRegion::primary);
    w.mrk("test-key-multi-virginia", kVirginia, MultiRegion::replica);
    w.vault("tokyo-default", kTokyo, "", kA, "Default");
    w.vault("virginia-default", kVirginia, "", kA, "Default");
    w.vault("test-backup-vault", kVirginia, "test-key-multi-virginia");
  }
  Prediction copy_to(const std::string& vault, const std::string& cluster_key = "test-key-multi",
                     ResourceType type = ResourceType::aurora) {
    w.resource("aurora", cluster_key, type);
    w.plan("test-backup-plan", "tokyo-default", {"aurora"}, {vault});
    return rp(w.predict(), "aurora@" + vault);
  }
  World w;
};

TEST_F(ArticleCopy, DefaultVaultCopyLandsOnAwsRdsNotTheReplica) {  // R6, R8a, R9
  const Prediction p = copy_to("virginia-default");
  EXPECT_EQ(p.operation, Operation::copy);
  EXPECT_EQ(p.parent, "aurora@tokyo-default");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  ASSERT_TRUE(p.key);
  EXPECT_EQ(p.key->alias(), "alias/aws/rds");
  EXPECT_EQ(p.key->region.name, kVirginia);
  EXPECT_EQ(p.key->account.value, kA);
  EXPECT_THAT(p.rules, ElementsAre("R6", "R2", "R8", "R9"));
  EXPECT_EQ(p.confidence, Confidence::observed);
  EXPECT_THAT(p.warnings, ElementsAre("DOC_CONFLICT", "KEY_ARN_NOT_KNOWN", "MRK_REPLICA_NOT_USED",
                                      "REPORTED_ARN_UNKNOWN"));
  EXPECT_THAT(p.advice,
              Contains(HasSubstr("replica mrk-0123456789abcdef0123456789abcdef in us-east-1")));
  EXPECT_EQ(p.recovery_point_arn,
            "arn:aws:rds:us-east-1:111111111111:cluster-snapshot:awsbackup:copyjob-<id>");
}

TEST_F(ArticleCopy, SingleRegionKeyCopyLandsOnAwsRds) {  // R9
  w.key("single", kTokyo);
  const Prediction p = copy_to("virginia-default", "single");
  EXPECT_EQ(p.key->alias(), "alias/aws/rds");
  EXPECT_THAT(p.warnings, Not(Contains("MRK_REPLICA_NOT_USED")));
}

TEST_F(ArticleCopy, AwsManagedKeyCopyLandsOnAwsRdsOfTheDestination) {  // R9
  const Prediction p = copy_to("virginia-default", "alias/aws/rds");
  EXPECT_EQ(p.key->alias(), "alias/aws/rds");
  EXPECT_EQ(p.key->region.name, kVirginia);
}

TEST_F(ArticleCopy, ReplicaKeyedVaultGivesTheReplica) {  // R7, R8b
  const Prediction p = copy_to("test-backup-vault");
  ASSERT_TRUE(p.key);
  EXPECT_EQ(p.key->name, "test-key-multi-virginia");
  EXPECT_EQ(p.key->arn,
            "arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef");
  EXPECT_THAT(p.rules, ElementsAre("R6", "R2", "R8", "R7"));
  EXPECT_TRUE(p.warnings.empty());
}

TEST_F(ArticleCopy, ReplicaKeyedVaultWinsWhateverTheClusterKey) {  // R7
  const Prediction p = copy_to("test-backup-vault", "alias/aws/rds");
  EXPECT_EQ(p.key->name, "test-key-multi-virginia");
}

TEST_F(ArticleCopy, DocumentDbFallbackAssumesAwsRdsAlias) {  // R9, U-6
  const Prediction p = copy_to("virginia-default", "test-key-multi", ResourceType::docdb);
  EXPECT_EQ(p.key->alias(), "alias/aws/rds");
  // The cross-Region fallback is documented for every type (R9); R8's exact outcome is observed.
  EXPECT_EQ(p.confidence, Confidence::observed);
  EXPECT_THAT(p.warnings, Contains("ASSUMED_AWS_RDS_ALIAS"));
}

TEST_F(ArticleCopy, ReplicaWorksWhenItsPrimaryIsDisabled) {  // R28
  w.in.keys[0].state = KeyState::disabled;                   // test-key-multi, the primary
  w.resource("aurora", "alias/aws/rds");
  w.plan("test-backup-plan", "tokyo-default", {"aurora"}, {"test-backup-vault"});
  const Prediction p = rp(w.predict(), "aurora@test-backup-vault");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_THAT(p.rules, Contains("R28"));
}

TEST_F(ArticleCopy, DisabledSourceKeyFailsWithKmsError) {  // R26, U-10
  w.in.keys[0].state = KeyState::pending_replica_deletion;
  const Prediction p = copy_to("test-backup-vault");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_THAT(p.rules, ElementsAre("R6", "R28", "R26"));  // earlier backups still exist
  // The copy job shows AWS Backup's message; the KMS error is a fact of the step.
  EXPECT_EQ(p.aws_error,
            "KMS key is either disabled or pending deletion or access to KMS key is denied");
  EXPECT_THAT(p.steps.back().facts,
              Contains(Fact{"KMS error",
                            "KMSInvalidStateException: arn:aws:kms:ap-northeast-1:111111111111:"
                            "key/mrk-0123456789abcdef0123456789abcdef is pending replica "
                            "deletion."}));
}

TEST_F(ArticleCopy, DisabledVaultKeyFails) {  // R27
  w.in.keys[1].state = KeyState::disabled;    // test-key-multi-virginia
  const Prediction p = copy_to("test-backup-vault");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R27");
  EXPECT_EQ(p.aws_error,
            "KMS key is either disabled or pending deletion or access to KMS key is denied");
  EXPECT_THAT(p.steps.back().facts[2].value, HasSubstr("is disabled."));
}

TEST_F(ArticleCopy, CrossRegionFallbackIsDocumented) {  // R9, finding 4 of the 2026-12 addendum
  const Prediction p = copy_to("virginia-default");
  EXPECT_EQ(p.rules.back(), "R9");
  EXPECT_EQ(p.steps.back().confidence, Confidence::documented);
  EXPECT_THAT(p.warnings, Contains(std::string(kDocConflict)));  // still a note
}

TEST_F(ArticleCopy, VaultKeyThatIsNotForEncryptionFails) {  // R43
  w.in.keys[1].spec = "HMAC_256";                           // test-key-multi-virginia
  w.in.keys[1].usage = "GENERATE_VERIFY_MAC";
  const Prediction p = copy_to("test-backup-vault");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R43");
  EXPECT_EQ(p.aws_error, std::nullopt);
  EXPECT_EQ(
      p.message,
      "the vault key alias/test-key-multi-virginia is not a symmetric encryption key (KeySpec "
      "HMAC_256, KeyUsage GENERATE_VERIFY_MAC); no source gives AWS's error text");
}

TEST_F(ArticleCopy, VaultKeyedWithAwsRdsGivesAwsRds) {  // R10
  w.vault("rds-keyed", kVirginia, "alias/aws/rds");
  const Prediction p = copy_to("rds-keyed");
  EXPECT_EQ(p.key->alias(), "alias/aws/rds");
  EXPECT_EQ(p.rules.back(), "R10");
  EXPECT_THAT(p.warnings, Not(Contains("DOC_CONFLICT")));
}

TEST_F(ArticleCopy, ChainedCopyStartsFromThePreviousHopsKey) {  // R11
  w.resource("aurora", "test-key-multi");
  w.plan("test-backup-plan", "tokyo-default", {"aurora"}, {"virginia-default"});
  w.vault("virginia-cmk", kVirginia, "test-key-multi-virginia");
  w.job(JobKind::copy, "aurora@virginia-default").to = "virginia-cmk";
  const Predictions all = w.predict();
  const Prediction p = rp(all, "aurora@virginia-cmk");
  EXPECT_EQ(p.parent, "aurora@virginia-default");
  EXPECT_EQ(p.key->name, "test-key-multi-virginia");
  EXPECT_THAT(p.rules, ElementsAre("R6", "R11", "R8", "R24"));
  EXPECT_FALSE(p.plan);
}

TEST(Copy, UnencryptedAuroraCopyStaysUnencrypted) {  // R15
  World w;
  w.key("cmk", kVirginia);
  w.resource("aurora", "");
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia, "cmk");
  w.plan("plan", "tokyo", {"aurora"}, {"virginia"});
  const Prediction p = rp(w.predict(), "aurora@virginia");
  EXPECT_EQ(p.outcome, Outcome::unencrypted);
  EXPECT_EQ(p.rules.back(), "R15");
}

TEST(Copy, UnencryptedRdsInstanceCopyTakesTheVaultKey) {  // R16
  World w;
  w.key("cmk", kVirginia);
  w.resource("db", "", ResourceType::rds_instance);
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia, "cmk");
  w.vault("virginia-default", kVirginia);
  w.plan("plan", "tokyo", {"db"}, {"virginia", "virginia-default"});
  const Predictions all = w.predict();
  const Prediction to_cmk = rp(all, "db@virginia");
  EXPECT_EQ(to_cmk.outcome, Outcome::encrypted);
  EXPECT_EQ(to_cmk.key->name, "cmk");
  EXPECT_THAT(to_cmk.rules, Contains("R16"));
  EXPECT_EQ(to_cmk.confidence, Confidence::inferred);
  const Prediction to_default = rp(all, "db@virginia-default");
  EXPECT_EQ(to_default.key->alias(), "alias/aws/rds");
  EXPECT_THAT(to_default.rules, Contains("R16"));
}

TEST(Copy, MultiAzDbClusterCannotBeCopied) {  // R17
  World w;
  w.key("k", kTokyo);
  w.resource("maz", "k", ResourceType::rds_multiaz_cluster);
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia);
  w.plan("plan", "tokyo", {"maz"}, {"virginia"});
  const Predictions all = w.predict();
  EXPECT_EQ(rp(all, "maz@tokyo").outcome, Outcome::encrypted);
  const Prediction p = rp(all, "maz@virginia");
  EXPECT_EQ(p.outcome, Outcome::unsupported);
  EXPECT_EQ(p.rules.back(), "R17");
}

TEST(Copy, NoCopyCrossesAPartition) {  // R19
  World w;
  w.key("k", kVirginia);
  w.resource("aurora", "k", ResourceType::aurora, kVirginia);
  w.vault("virginia", kVirginia);
  Vault& gov = w.vault("gov", "us-gov-west-1");
  gov.arn = "arn:aws-us-gov:backup:us-gov-west-1:111111111111:backup-vault:gov";
  w.plan("plan", "virginia", {"aurora"}, {"gov"});
  const Prediction p = rp(w.predict(), "aurora@gov");
  EXPECT_EQ(p.outcome, Outcome::unsupported);
  EXPECT_EQ(p.rules.back(), "R19");
  EXPECT_EQ(p.message, "copies cannot cross from partition aws to aws-us-gov");
}

TEST(Copy, OptInRegionLimits) {  // R20
  World w;
  w.key("k", kTokyo);
  w.resource("docdb", "k", ResourceType::docdb);
  w.resource("neptune", "k", ResourceType::neptune);
  w.vault("tokyo", kTokyo);
  w.vault("milan", "eu-south-1");
  w.vault("cape-town", "af-south-1");
  w.plan("plan", "tokyo", {"docdb", "neptune"}, {"cape-town", "milan"});
  const Predictions all = w.predict();
  EXPECT_EQ(rp(all, "docdb@cape-town").outcome, Outcome::unsupported);
  EXPECT_EQ(rp(all, "docdb@cape-town").rules.back(), "R20");
  EXPECT_EQ(rp(all, "neptune@milan").outcome, Outcome::unsupported);
  EXPECT_EQ(rp(all, "neptune@milan").rules.back(), "R20");
  // Cape Town is one of the opt-in Regions where Neptune copies across Regions.
  EXPECT_EQ(rp(all, "neptune@cape-town").outcome, Outcome::encrypted);
}

class LagCopy : public ::testing::Test {
 protected:
  LagCopy() {
    w.key("cmk", kTokyo);
    w.key("lag-key", kVirginia);
    w.vault("tokyo", kTokyo);
    w.vault("lag", kVirginia).type = VaultType::logically_air_gapped;
  }
  Prediction copy(const std::string& key, std::optional<Date> as_of = std::nullopt,
                  ResourceType type = ResourceType::aurora) {
    w.resource("r", key, type);
    w.plan("plan", "tokyo", {"r"}, {"lag"});
    return rp(w.predict(as_of), "r@lag");
  }
  World w;
};

TEST_F(LagCopy, CustomerKeyedSourceGetsTheAwsOwnedVaultKey) {  // R21c, R21d
  const Prediction p = copy("cmk");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->manager, KeyManager::aws_owned);
  EXPECT_EQ(p.rules.back(), "R21");
  EXPECT_EQ(p.recovery_point_arn, "arn:aws:backup:us-east-1:111111111111:recovery-point:<id>");
}

TEST_F(LagCopy, CustomerManagedVaultKeyIsUsed) {  // R21c
  w.in.vaults[1].key = "lag-key";                 // the air-gapped vault
  const Prediction p = copy("cmk");
  EXPECT_EQ(p.key->name, "lag-key");
}

TEST_F(LagCopy, AwsManagedSourceFails) {  // R21a
  const Prediction p = copy("alias/aws/rds");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R21");
}

TEST_F(LagCopy, UnencryptedClusterFails) {  // R21b
  const Prediction p = copy("");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.message,
            "unencrypted cluster snapshots cannot be copied into a logically air-gapped vault");
}

TEST_F(LagCopy, OneStepCrossRegionCopyNeedsFebruary2026) {  // R21f
  const Prediction before = copy("cmk", Date{2026, 1, 31});
  EXPECT_EQ(before.outcome, Outcome::unsupported);
  EXPECT_EQ(before.rules.back(), "R21");
  World later = w;
  EXPECT_EQ(rp(later.predict(Date{2026, 2, 1}), "r@lag").outcome, Outcome::encrypted);
}

TEST(Copy, CopyOutOfAirGappedVaultNeedsCustomerManagedKey) {  // R22
  World w;
  w.key("cmk", kTokyo);
  w.key("virginia-cmk", kVirginia);
  w.resource("aurora", "cmk");
  w.vault("tokyo", kTokyo);
  w.vault("lag", kTokyo).type = VaultType::logically_air_gapped;
  w.vault("virginia-default", kVirginia);
  w.vault("virginia-cmk", kVirginia, "virginia-cmk");
  w.plan("plan", "tokyo", {"aurora"}, {"lag"});
  w.job(JobKind::copy, "aurora@lag").to = "virginia-default";
  w.job(JobKind::copy, "aurora@lag").to = "virginia-cmk";
  const Predictions all = w.predict();
  const Prediction bad = rp(all, "aurora@virginia-default");
  EXPECT_EQ(bad.outcome, Outcome::fails);
  EXPECT_EQ(bad.rules.back(), "R22");
  const Prediction good = rp(all, "aurora@virginia-cmk");
  EXPECT_EQ(good.outcome, Outcome::encrypted);
  EXPECT_EQ(good.key->name, "virginia-cmk");
}

TEST(Copy, OnDemandCopyOfContinuousRecoveryPointFails) {  // R23
  World w;
  w.key("k", kTokyo);
  w.resource("aurora", "k");
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia);
  w.plan("plan", "tokyo", {"aurora"}, {"virginia"}).rules[0].continuous = true;
  w.job(JobKind::copy, "aurora@tokyo").to = "virginia";
  const Predictions all = w.predict();
  const Prediction planned = rp(all, "aurora@virginia");
  EXPECT_EQ(planned.outcome, Outcome::encrypted);
  EXPECT_THAT(planned.rules, Contains("R23"));
  EXPECT_FALSE(planned.continuous);
  const Prediction on_demand = rp(all, "aurora@virginia#2");
  EXPECT_EQ(on_demand.outcome, Outcome::fails);
  EXPECT_EQ(on_demand.rules.back(), "R23");
}

TEST(Copy, SameRegionSameAccountCopyTakesTheVaultKey) {  // R24
  World w;
  w.key("k", kTokyo);
  w.key("other", kTokyo);
  w.resource("aurora", "k");
  w.vault("tokyo", kTokyo);
  w.vault("tokyo-cmk", kTokyo, "other");
  w.plan("plan", "tokyo", {"aurora"}, {"tokyo-cmk"});
  const Prediction p = rp(w.predict(), "aurora@tokyo-cmk");
  EXPECT_EQ(p.key->name, "other");
  EXPECT_EQ(p.rules.back(), "R24");
  EXPECT_EQ(p.confidence, Confidence::inferred);
}

TEST(Copy, OptionGroupWithPersistentOptionsFailsCrossRegion) {  // R25
  World w;
  w.key("k", kTokyo);
  w.resource("db", "k", ResourceType::rds_instance).option_group =
      OptionGroup{"og-tde", {"TDE"}, {}};
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia);
  w.plan("plan", "tokyo", {"db"}, {"virginia"});
  const Prediction p = rp(w.predict(), "db@virginia");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.aws_error,
            "The snapshot requires a target option group with the following options: TDE");
  World fixed = w;
  fixed.in.resources[0].option_group->regions = {kVirginia};
  EXPECT_EQ(rp(fixed.predict(), "db@virginia").outcome, Outcome::encrypted);
}

TEST(Copy, ChainedCopyOfFailedCopyIsNotMade) {
  World w;
  w.key("k", kTokyo);
  w.resource("maz", "k", ResourceType::rds_multiaz_cluster);
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia);
  w.vault("virginia-2", kVirginia);
  w.plan("plan", "tokyo", {"maz"}, {"virginia"});
  w.job(JobKind::copy, "maz@virginia").to = "virginia-2";
  const Prediction p = rp(w.predict(), "maz@virginia-2");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.message, "no source recovery point: maz@virginia unsupported");
}

TEST(Copy, UnknownVaultKeyManagerIsIndeterminate) {
  World w;
  w.key("k", kTokyo);
  Key& bare = w.key("bare", kVirginia);
  bare.manager = KeyManager::unknown;
  bare.aliases.clear();
  w.resource("aurora", "k");
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia, "bare");
  w.plan("plan", "tokyo", {"aurora"}, {"virginia"});
  const Prediction p = rp(w.predict(), "aurora@virginia");
  EXPECT_EQ(p.outcome, Outcome::indeterminate);
  ASSERT_EQ(p.unknowns.size(), 1u);
  EXPECT_THAT(p.unknowns[0], HasSubstr("whether vault key"));
}

}  // namespace
}  // namespace snapkey::testing
