// The article's four experiments, pinned as a team would pin its own backup design: which key
// every backup and copy lands on, which rule decided it, and which findings `snapkey check`
// raises. When AWS (or snapkey's rule table) changes its mind, these fail and say what changed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <snapkey/testing.hpp>

#include <string>

namespace {

using ::testing::Each;
using ::testing::Not;
using namespace snapkey::testing;  // Design, EncryptedWith, DecidedBy, HasFinding, ...

const std::string kArticle = ARTICLE_DIR;

// Experiment 1: the cluster on a multi-Region key, the copy into N. Virginia's Default vault.
class DefaultVault : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = Design::load({kArticle + "/1-mrk-default-vault.yaml"});
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    design = *loaded;
  }
  Design design;
};

TEST_F(DefaultVault, BackupKeepsTheClustersKey) {
  EXPECT_THAT(design.backup("aurora"), EncryptedWith("alias/test-key-multi"));
  EXPECT_THAT(design.backup("aurora"), DecidedBy("R2"));
}

TEST_F(DefaultVault, CopyFallsBackToAwsRdsNotTheReplica) {
  EXPECT_THAT(design.copy("aurora", "us-east-1"), EncryptedWith("alias/aws/rds"));
  EXPECT_THAT(design.copy("aurora", "us-east-1"), DecidedBy("R9"));
  EXPECT_THAT(design.copy("aurora", "us-east-1"), HasWarning("MRK_REPLICA_NOT_USED"));
  // Observed by the article, contradicted by AWS's documentation.
  EXPECT_THAT(design.copy("aurora", "us-east-1"), HasWarning("DOC_CONFLICT"));
}

TEST_F(DefaultVault, FailsCiWithTheAwsManagedCopyKeyFinding) {
  EXPECT_THAT(design, HasFinding("AWS_MANAGED_COPY_KEY", "aurora@virginia-default"));
  EXPECT_THAT(design, HasFinding("MRK_REPLICA_UNUSED", "aurora@virginia-default"));
  EXPECT_THAT(design, Not(HasNoFindings(snapkey::Severity::error)));
}

// Experiment 2: a single-Region customer managed key; the copy falls back to aws/rds again.
TEST(SingleRegionKey, CopyFallsBackToAwsRds) {
  auto design = Design::load({kArticle + "/2-single-region-cmk.yaml"});
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_THAT(design->backup("aurora"), EncryptedWith("alias/test-key-single"));
  EXPECT_THAT(design->copy("aurora", "us-east-1"), EncryptedWith("alias/aws/rds"));
  // No replica exists, so there is none to miss.
  EXPECT_THAT(design->copy("aurora", "us-east-1"), Not(HasWarning("MRK_REPLICA_NOT_USED")));
  EXPECT_THAT(*design, HasFinding("AWS_MANAGED_COPY_KEY"));
  EXPECT_THAT(*design, Not(HasFinding("MRK_REPLICA_UNUSED")));
}

// Experiment 3: the cluster on aws/rds. Both recovery points use aws/rds, each of its own Region:
// an alias ARN tells them apart.
TEST(AwsManagedKey, EachRecoveryPointUsesItsOwnRegionsAwsRds) {
  auto design = Design::load({kArticle + "/3-aws-managed-key.yaml"});
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_THAT(design->backup("aurora"),
              EncryptedWith("arn:aws:kms:ap-northeast-1:111111111111:alias/aws/rds"));
  EXPECT_THAT(design->copy("aurora", "us-east-1"),
              EncryptedWith("arn:aws:kms:us-east-1:111111111111:alias/aws/rds"));
  EXPECT_THAT(design->copy("aurora", "us-east-1"), EncryptedWith(snapkey::KeyManager::aws));
}

// Experiment 4, the fix: the copy into a vault keyed with the replica.
class ReplicaVault : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = Design::load({kArticle + "/4-replica-vault.yaml"});
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    design = *loaded;
  }
  Design design;
};

TEST_F(ReplicaVault, EveryCopyUsesTheReplicaWhateverTheClustersKey) {
  for (const char* cluster : {"aurora", "aurora-single", "aurora-aws-managed"}) {
    SCOPED_TRACE(cluster);
    EXPECT_THAT(design.copy(cluster, "us-east-1"), EncryptedWith("alias/test-key-multi-virginia"));
    EXPECT_THAT(design.copy(cluster, "us-east-1"), DecidedBy("R7"));
  }
}

TEST_F(ReplicaVault, CopiesAreOnCustomerManagedKeys) {
  for (const char* cluster : {"aurora", "aurora-single", "aurora-aws-managed"}) {
    EXPECT_THAT(design.copy(cluster, "us-east-1"), EncryptedWith(snapkey::KeyManager::customer))
        << cluster;
  }
}

TEST_F(ReplicaVault, NativeCopyUsesTheKmsKeyIdGiven) {
  EXPECT_THAT(design.native_copy("aurora", "us-east-1"),
              EncryptedWith("alias/test-key-multi-virginia"));
  EXPECT_THAT(design.native_copy("aurora", "us-east-1"), DecidedBy("R32"));
}

TEST_F(ReplicaVault, PassesCi) {
  EXPECT_THAT(design, HasNoFindings(snapkey::Severity::warning));
  // Only a note: the native copy's key choice rests on an inferred rule (R11).
  EXPECT_THAT(design,
              HasFinding("RESTS_ON_INFERRED_RULE", "aurora@tokyo-default/native-copy@us-east-1"));
  EXPECT_THAT(design, Not(HasFinding("AWS_MANAGED_COPY_KEY")));
  EXPECT_THAT(design, Not(HasFinding("MRK_REPLICA_UNUSED")));
}

TEST_F(ReplicaVault, EveryRecoveryPointOfTheClusterIsEncrypted) {
  EXPECT_THAT(design.recovery_points_of("aurora"), Each(Not(Unencrypted())));
  EXPECT_THAT(design.recovery_points_of("aurora"), Each(Not(Fails())));
}

}  // namespace
