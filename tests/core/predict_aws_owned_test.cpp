// Aurora's default encryption with an AWS owned key (sse-rds) since 2026-02-18: backups (R39),
// restores of unencrypted recovery points (R41) and what is not known about copies (R46, U-17).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/world.hpp"

namespace snapkey::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr Date kBefore{2026, 1, 1};
constexpr Date kAfter{2026, 12, 1};

class DefaultEncryption : public ::testing::Test {
 protected:
  DefaultEncryption() {
    w.vault("tokyo", kTokyo);
    w.plan("plan", "tokyo", {"new"});
  }
  // A cluster the input creates without choosing a key.
  void created(ResourceType type = ResourceType::aurora) {
    w.resource("new", "", type).default_encryption = true;
  }
  World w;
};

TEST_F(DefaultEncryption, NewAuroraClusterIsOnTheAwsOwnedKeyFrom2026_02_18) {  // R39, R2
  created();
  const Prediction p = rp(w.predict(kAfter), "new@tokyo");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  ASSERT_TRUE(p.key);
  EXPECT_EQ(p.key->manager, KeyManager::aws_owned);
  EXPECT_EQ(p.key->region.name, kTokyo);
  EXPECT_EQ(p.key->account.value, kA);
  EXPECT_THAT(p.rules, ElementsAre("R1", "R4", "R39", "R2"));
  EXPECT_EQ(p.confidence, Confidence::documented);
  EXPECT_THAT(p.warnings, IsEmpty());  // no ARN to know: not KEY_ARN_NOT_KNOWN
  EXPECT_EQ(p.message,
            "encrypted with the resource's key, the AWS owned key of Aurora's default encryption "
            "(sse-rds)");
}

TEST_F(DefaultEncryption, OnTheDayItselfTheDefaultApplies) {  // R39's effective date
  created();
  EXPECT_EQ(rp(w.predict(Date{2026, 2, 18}), "new@tokyo").outcome, Outcome::encrypted);
  EXPECT_EQ(rp(w.predict(Date{2026, 2, 17}), "new@tokyo").outcome, Outcome::unencrypted);
}

TEST_F(DefaultEncryption, NewAuroraClusterBefore2026_02_18IsUnencrypted) {  // R39, R3
  created();
  const Prediction p = rp(w.predict(kBefore), "new@tokyo");
  EXPECT_EQ(p.outcome, Outcome::unencrypted);
  EXPECT_THAT(p.rules, ElementsAre("R1", "R4", "R39", "R3"));
}

TEST_F(DefaultEncryption, RdsInstancesAreStillUnencryptedByDefault) {  // R39
  created(ResourceType::rds_instance);
  const Prediction p = rp(w.predict(kAfter), "new@tokyo");
  EXPECT_EQ(p.outcome, Outcome::unencrypted);
  EXPECT_THAT(p.rules, Not(Contains("R39")));
}

TEST_F(DefaultEncryption, TheDefaultDateIsTheNewestRuleDate) {  // never the clock
  created();
  const Predictions all = w.predict();
  EXPECT_EQ(all.as_of, (Date{2026, 2, 18}));
  EXPECT_EQ(rp(all, "new@tokyo").outcome, Outcome::encrypted);
}

TEST(AwsOwnedKey, AnExistingSseRdsClusterIsOnTheAwsOwnedKeyWhateverTheDate) {  // R2
  World w;
  w.resource("orders", std::string(kAwsOwnedKey));
  w.vault("tokyo", kTokyo);
  w.plan("plan", "tokyo", {"orders"});
  const Prediction p = rp(w.predict(kBefore), "orders@tokyo");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->manager, KeyManager::aws_owned);
  EXPECT_EQ(p.rules.back(), "R2");
}

TEST(AwsOwnedKey, DocumentDbCannotBeOnIt) {  // E_AWS_OWNED_KEY
  World w;
  w.resource("docs", std::string(kAwsOwnedKey), ResourceType::docdb);
  auto model = w.build();
  ASSERT_FALSE(model);
  EXPECT_EQ(model.error().id, "E_AWS_OWNED_KEY");
  EXPECT_EQ(model.error().message,
            "resource 'docs' is docdb, which has no AWS owned key encryption (sse-rds is Aurora's "
            "and RDS's); expected a customer managed key, aws/rds or none");
}

class AwsOwnedCopy : public ::testing::Test {
 protected:
  AwsOwnedCopy() {
    w.resource("orders", std::string(kAwsOwnedKey));
    w.key("dr-key", kVirginia);
    w.key("b-key", kVirginia, kB);
    w.vault("tokyo", kTokyo);
    w.vault("dr", kVirginia, "dr-key");
    w.vault("virginia-default", kVirginia, "", kA, "Default");
    w.vault("central", kVirginia, "b-key", kB).allows_copy_from = std::vector<std::string>{kA};
    w.vault("lag", kTokyo).type = VaultType::logically_air_gapped;
  }
  Prediction copy_to(const std::string& vault) {
    w.plan("plan", "tokyo", {"orders"}, {vault});
    return rp(w.predict(kAfter), "orders@" + vault);
  }
  World w;
};

TEST_F(AwsOwnedCopy, SameAccountCopyTakesTheVaultKeyWithAWarning) {  // R46, R7
  const Prediction p = copy_to("dr");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->name, "dr-key");
  EXPECT_THAT(p.rules, Contains("R46"));
  EXPECT_EQ(p.rules.back(), "R7");
  EXPECT_EQ(p.confidence, Confidence::inferred);
  EXPECT_THAT(p.warnings, Contains(std::string(kAwsOwnedCopyUnknown)));
}

TEST_F(AwsOwnedCopy, DefaultVaultCopyFallsBackToAwsRds) {  // R46, R9
  const Prediction p = copy_to("virginia-default");
  EXPECT_EQ(p.key->alias(), kAwsRdsAlias);
  EXPECT_THAT(p.warnings, Contains(std::string(kAwsOwnedCopyUnknown)));
}

TEST_F(AwsOwnedCopy, CrossAccountCopyIsIndeterminate) {  // R46, U-17
  const Prediction p = copy_to("central");
  EXPECT_EQ(p.outcome, Outcome::indeterminate);
  EXPECT_EQ(p.rules.back(), "R46");
  EXPECT_THAT(p.unknowns,
              ElementsAre("whether a snapshot on the AWS owned key can be copied to another "
                          "account (U-17)"));
  EXPECT_THAT(p.warnings, Contains(std::string(kAwsOwnedCopyUnknown)));
}

TEST_F(AwsOwnedCopy, AirGappedCopyIsIndeterminate) {  // R46, U-17
  const Prediction p = copy_to("lag");
  EXPECT_EQ(p.outcome, Outcome::indeterminate);
  EXPECT_THAT(p.unknowns, ElementsAre("whether a snapshot on the AWS owned key can go into a "
                                      "logically air-gapped vault (U-17)"));
}

TEST_F(AwsOwnedCopy, NativeCrossAccountCopyIsIndeterminate) {  // R46
  w.key("b-tokyo", kTokyo, kB);
  w.plan("plan", "tokyo", {"orders"});
  Job& job = w.job(JobKind::native_copy, "orders@tokyo");
  job.account = kB;
  job.key = "b-tokyo";
  const Prediction p =
      rp(w.predict(kAfter), "orders@tokyo/native-copy@ap-northeast-1:222222222222");
  EXPECT_EQ(p.outcome, Outcome::indeterminate);
  EXPECT_THAT(p.warnings, Contains(std::string(kAwsOwnedCopyUnknown)));
}

TEST_F(AwsOwnedCopy, RestoreKeepsTheAwsOwnedKey) {  // R36
  w.plan("plan", "tokyo", {"orders"});
  w.job(JobKind::restore, "orders@tokyo");
  const Prediction p = rp(w.predict(kAfter), "orders@tokyo/restore");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->manager, KeyManager::aws_owned);
  EXPECT_EQ(p.rules.back(), "R36");
}

class UnencryptedRestore : public ::testing::Test {
 protected:
  Prediction restore(ResourceType type, Date as_of) {
    w.resource("old", "", type);
    w.vault("tokyo", kTokyo);
    w.plan("plan", "tokyo", {"old"});
    w.job(JobKind::restore, "old@tokyo");
    return rp(w.predict(as_of), "old@tokyo/restore");
  }
  World w;
};

TEST_F(UnencryptedRestore, AuroraRestoresOnTheAwsOwnedKeyFrom2026_02_18) {  // R41
  const Prediction p = restore(ResourceType::aurora, kAfter);
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->manager, KeyManager::aws_owned);
  EXPECT_EQ(p.rules.back(), "R41");
  EXPECT_EQ(p.confidence, Confidence::documented);
}

TEST_F(UnencryptedRestore, AuroraRestoresUnencryptedBefore) {  // R41
  const Prediction p = restore(ResourceType::aurora, kBefore);
  EXPECT_EQ(p.outcome, Outcome::unencrypted);
  EXPECT_EQ(p.rules.back(), "R41");
}

TEST_F(UnencryptedRestore, NeptuneStillRestoresUnencrypted) {  // R36
  const Prediction p = restore(ResourceType::neptune, kAfter);
  EXPECT_EQ(p.outcome, Outcome::unencrypted);
  EXPECT_EQ(p.rules.back(), "R36");
}

}  // namespace
}  // namespace snapkey::testing
