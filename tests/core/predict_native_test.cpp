// Native RDS copies (R31-R35, R19) and restores (R36, R37).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/world.hpp"

namespace snapkey::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;

class Native : public ::testing::Test {
 protected:
  Native() {
    w.key("cluster-key", kTokyo).shared_with = {kB};
    w.key("tokyo-other", kTokyo);
    w.key("virginia-key", kVirginia);
    w.key("b-virginia", kVirginia, kB);
    w.key("b-tokyo", kTokyo, kB);
    w.vault("tokyo", kTokyo);
  }
  // A native copy of the Tokyo backup of a resource with `key`.
  Prediction native(const std::string& key, const std::string& region, const std::string& kms_key,
                    const std::string& account = "", ResourceType type = ResourceType::aurora,
                    std::optional<Date> as_of = std::nullopt) {
    w.resource("r", key, type);
    w.plan("plan", "tokyo", {"r"});
    Job& job = w.job(JobKind::native_copy, "r@tokyo");
    job.region = region;
    job.key = kms_key;
    job.account = account;
    const Predictions all = w.predict(as_of);
    return all.recovery_points.size() == 2 ? all.recovery_points[1] : Prediction{};
  }
  World w;
};

TEST_F(Native, SameRegionWithoutKeyKeepsTheSourceKey) {  // R31
  const Prediction p = native("cluster-key", "", "");
  EXPECT_EQ(p.id, "r@tokyo/native-copy@ap-northeast-1");
  EXPECT_EQ(p.operation, Operation::native_copy);
  EXPECT_EQ(p.key->name, "cluster-key");
  EXPECT_EQ(p.rules.back(), "R31");
}

TEST_F(Native, SameRegionWithKeyTakesIt) {  // R31
  const Prediction p = native("cluster-key", "", "tokyo-other");
  EXPECT_EQ(p.key->name, "tokyo-other");
  EXPECT_EQ(p.rules.back(), "R31");
}

TEST_F(Native, CrossRegionTakesTheGivenKey) {  // R32: the article's claim (e)
  const Prediction p = native("cluster-key", kVirginia, "virginia-key");
  EXPECT_EQ(p.id, "r@tokyo/native-copy@us-east-1");
  EXPECT_EQ(p.key->name, "virginia-key");
  EXPECT_EQ(p.region.name, kVirginia);
  EXPECT_EQ(p.rules.back(), "R32");
  EXPECT_EQ(p.recovery_point_arn,
            "arn:aws:rds:us-east-1:111111111111:cluster-snapshot:<snapshot-name>");
}

TEST_F(Native, CrossRegionWithoutKeyFails) {  // R32
  const Prediction p = native("cluster-key", kVirginia, "");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(
      p.aws_error,
      "InvalidParameterValue: Must specify new KMS key for cross region encrypted snapshot copy.");
}

TEST_F(Native, KeyInTheWrongRegionFails) {  // R32
  const Prediction p = native("cluster-key", kVirginia,
                              "arn:aws:kms:ap-northeast-1:111111111111:key/"
                              "1234abcd-12ab-34cd-56ef-000000000001");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.message, "key alias/tokyo-other is in ap-northeast-1, not in us-east-1");
}

TEST_F(Native, SharedSnapshotGetsTheCopyingAccountsKey) {  // R33
  const Prediction p = native("cluster-key", "", "b-tokyo", kB);
  EXPECT_EQ(p.id, "r@tokyo/native-copy@ap-northeast-1:222222222222");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->name, "b-tokyo");
  EXPECT_EQ(p.account.value, kB);
  EXPECT_EQ(p.rules.back(), "R33");
}

TEST_F(Native, SharedSnapshotWithUnsharedKeyFails) {  // R33
  const Prediction p = native("tokyo-other", "", "b-tokyo", kB);
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R33");
  EXPECT_EQ(p.message, "key alias/tokyo-other is not shared with account 222222222222");
}

TEST_F(Native, CrossAccountCopyOfAwsRdsSnapshotFails) {  // R33
  const Prediction p = native("alias/aws/rds", kVirginia, "b-virginia", kB);
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R33");
  EXPECT_EQ(p.message, "a snapshot encrypted with aws/rds cannot be shared with another account");
}

TEST_F(Native, CrossAccountWithoutKeyFails) {  // R33
  const Prediction p = native("cluster-key", kVirginia, "", kB);
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.message,
            "KmsKeyId is required to copy an encrypted snapshot shared by another account");
}

TEST_F(Native, UnencryptedClusterSnapshotRejectsKmsKeyId) {  // R34
  const Prediction p = native("", "", "tokyo-other");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R34");
  EXPECT_THAT(p.warnings, Contains("DOC_CONFLICT"));  // the Aurora User Guide (2026) disagrees
}

TEST_F(Native, UnencryptedClusterSnapshotStaysUnencrypted) {  // R34
  EXPECT_EQ(native("", "", "").outcome, Outcome::unencrypted);
}

TEST_F(Native, UnencryptedInstanceSnapshotIsEncryptedWithKmsKeyId) {  // R34
  const Prediction p = native("", "", "tokyo-other", "", ResourceType::rds_instance);
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->name, "tokyo-other");
  EXPECT_EQ(p.rules.back(), "R34");
}

TEST_F(Native, CrossRegionCrossAccountInOneCallNeedsSeptember2025) {  // R35
  const Prediction before =
      native("cluster-key", kVirginia, "b-virginia", kB, ResourceType::aurora, Date{2025, 8, 31});
  EXPECT_EQ(before.outcome, Outcome::unsupported);
  EXPECT_EQ(before.rules.back(), "R35");
  World later = w;
  const Predictions all = later.predict(Date{2025, 9, 1});
  const Prediction after = rp(all, "r@tokyo/native-copy@us-east-1:222222222222");
  EXPECT_EQ(after.outcome, Outcome::encrypted);
  EXPECT_EQ(after.key->name, "b-virginia");
  EXPECT_THAT(after.rules, Contains("R35"));
}

TEST_F(Native, DocumentDbCrossRegionCrossAccountNeedsSeptember26) {  // R35
  const Prediction p =
      native("cluster-key", kVirginia, "b-virginia", kB, ResourceType::docdb, Date{2025, 9, 25});
  EXPECT_EQ(p.outcome, Outcome::unsupported);
  EXPECT_EQ(p.rules.back(), "R35");
}

TEST_F(Native, NeptuneCrossRegionCrossAccountNeedsSeptember24) {  // R35
  const Prediction before =
      native("cluster-key", kVirginia, "b-virginia", kB, ResourceType::neptune, Date{2025, 9, 23});
  EXPECT_EQ(before.outcome, Outcome::unsupported);
  EXPECT_EQ(before.rules.back(), "R35");
  const Prediction after =
      rp(w.predict(Date{2025, 9, 24}), "r@tokyo/native-copy@us-east-1:222222222222");
  EXPECT_EQ(after.outcome, Outcome::encrypted);
}

TEST(NativeChina, CrossRegionNativeCopyInChinaIsUnsupported) {  // R19, U-16
  World w;
  Key& k = w.key("k", "cn-north-1");
  k.arn = "arn:aws-cn:kms:cn-north-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  w.resource("aurora", "k", ResourceType::aurora, "cn-north-1").arn =
      "arn:aws-cn:rds:cn-north-1:111111111111:cluster:aurora";
  w.vault("beijing", "cn-north-1").arn =
      "arn:aws-cn:backup:cn-north-1:111111111111:backup-vault:beijing";
  w.plan("plan", "beijing", {"aurora"});
  w.job(JobKind::native_copy, "aurora@beijing").region = "cn-northwest-1";
  const Prediction p = w.predict().recovery_points.at(1);
  EXPECT_EQ(p.outcome, Outcome::unsupported);
  EXPECT_EQ(p.rules.back(), "R19");
  EXPECT_THAT(p.warnings, Contains("CHINA_NATIVE_COPY_UNKNOWN"));
}

class Restore : public ::testing::Test {
 protected:
  Restore() {
    w.key("cluster-key", kTokyo);
    w.key("other", kTokyo);
    w.vault("tokyo", kTokyo);
  }
  Prediction restore(const std::string& cluster_key, const std::string& key = "",
                     const std::string& account = "", ResourceType type = ResourceType::aurora) {
    w.resource("r", cluster_key, type);
    w.plan("plan", "tokyo", {"r"});
    Job& job = w.job(JobKind::restore, "r@tokyo");
    job.key = key;
    job.account = account;
    return w.predict().recovery_points.at(1);
  }
  World w;
};

TEST_F(Restore, WithoutKeyKeepsTheRecoveryPointsKey) {  // R36
  const Prediction p = restore("cluster-key");
  EXPECT_EQ(p.id, "r@tokyo/restore");
  EXPECT_EQ(p.operation, Operation::restore);
  EXPECT_EQ(p.key->name, "cluster-key");
  EXPECT_EQ(p.rules.back(), "R36");
  EXPECT_EQ(p.confidence, Confidence::documented);
}

TEST_F(Restore, ExplicitKeyOverrides) {  // R36 (documented pass-through for Aurora)
  const Prediction p = restore("cluster-key", "other");
  EXPECT_EQ(p.key->name, "other");
  EXPECT_EQ(p.confidence, Confidence::documented);
}

TEST_F(Restore, NeptunePassThroughIsInferred) {  // R36
  const Prediction p = restore("cluster-key", "other", "", ResourceType::neptune);
  EXPECT_EQ(p.key->name, "other");
  EXPECT_EQ(p.confidence, Confidence::inferred);
}

TEST_F(Restore, RdsInstanceIgnoresTheGivenKey) {  // R40
  const Prediction p = restore("cluster-key", "other", "", ResourceType::rds_instance);
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->name, "cluster-key");
  EXPECT_EQ(p.rules.back(), "R40");
  EXPECT_EQ(p.confidence, Confidence::documented);
  EXPECT_THAT(p.warnings, ElementsAre(std::string(kRestoreKeyIgnored)));
}

TEST_F(Restore, UnencryptedRdsInstanceStaysUnencryptedWhateverTheKey) {  // R40
  const Prediction p = restore("", "other", "", ResourceType::rds_instance);
  EXPECT_EQ(p.outcome, Outcome::unencrypted);
  EXPECT_EQ(p.rules.back(), "R40");
}

TEST_F(Restore, KeyThatIsNotForEncryptionFails) {  // R43
  w.in.keys[1].spec = "RSA_2048";                  // "other"
  const Prediction p = restore("cluster-key", "other");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R43");
}

TEST_F(Restore, UnencryptedRestoresUnencrypted) {  // R41 before 2026-02-18
  w.in.as_of = Date{2026, 1, 1};
  EXPECT_EQ(restore("").outcome, Outcome::unencrypted);
}

TEST_F(Restore, UnencryptedAuroraCanBeEncryptedOnRestore) {  // R36
  const Prediction p = restore("", "other");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->name, "other");
}

TEST_F(Restore, IntoAnotherAccountFails) {  // R37
  const Prediction p = restore("cluster-key", "", kB);
  EXPECT_EQ(p.id, "r@tokyo/restore@222222222222");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R37");
}

}  // namespace
}  // namespace snapkey::testing
