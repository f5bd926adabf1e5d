// Cross-account copies: R12-R14, R18, R19 (China), R30, and foreign vault keys (U-8).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/world.hpp"

namespace snapkey::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;

class CrossAccount : public ::testing::Test {
 protected:
  CrossAccount() {
    w.key("shared", kTokyo).shared_with = {kB};
    w.key("private", kTokyo);
    w.key("b-key", kTokyo, kB);
    w.vault("tokyo", kTokyo);
    w.vault("b-vault", kTokyo, "b-key", kB).allows_copy_from = std::vector<std::string>{kA};
    w.vault("b-default", kTokyo, "", kB, "Default").allows_copy_from = std::vector<std::string>{kA};
    w.vault("b-backup-keyed", kTokyo, "alias/aws/backup", kB).allows_copy_from =
        std::vector<std::string>{kA};
  }
  Prediction copy(const std::string& cluster_key, const std::string& to = "b-vault") {
    w.resource("aurora", cluster_key);
    w.plan("plan", "tokyo", {"aurora"}, {to});
    return rp(w.predict(), "aurora@" + to);
  }
  World w;
};

TEST_F(CrossAccount, SharedCustomerKeyCopyGetsTheDestinationVaultKey) {  // R7, R14
  const Prediction p = copy("shared");
  EXPECT_EQ(p.outcome, Outcome::encrypted);
  EXPECT_EQ(p.key->name, "b-key");
  EXPECT_THAT(p.rules, ElementsAre("R6", "R14", "R2", "R7"));
}

TEST_F(CrossAccount, AwsManagedSourceKeyFails) {  // R12
  const Prediction p = copy("alias/aws/rds");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R12");
  EXPECT_EQ(p.aws_error, "Given key ID is not accessible");
}

TEST_F(CrossAccount, UnsharedCustomerKeyFails) {  // R12, R30
  const Prediction p = copy("private");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_THAT(p.rules, ElementsAre("R6", "R14", "R2", "R12", "R30"));
  EXPECT_EQ(p.aws_error,
            "The source snapshot KMS key does not exist, is not enabled or you do not have "
            "permissions to access it");
}

TEST_F(CrossAccount, AKeyPolicyWithAnUnknownPrincipalIsIndeterminate) {  // R12, issue 9 item 1
  w.in.keys[1].shared_with_unknown = "PrivateKey KeyPolicy: parameter BackupAccount has no value";
  const Prediction p = copy("private");
  EXPECT_EQ(p.outcome, Outcome::indeterminate);
  EXPECT_THAT(p.unknowns,
              ElementsAre("whether the key policy of alias/private lets account 222222222222 use "
                          "it: PrivateKey KeyPolicy: parameter BackupAccount has no value"));
  // An account the known principals already list needs no unknown one.
  w.in.keys[1].shared_with = {kB};
  EXPECT_EQ(rp(w.predict(), "aurora@b-vault").outcome, Outcome::encrypted);
}

TEST_F(CrossAccount, KeySharedWithTheOrganizationIsUsable) {  // R12
  w.account(kA).organization = "o-example";
  w.account(kB).organization = "o-example";
  w.in.keys[1].shared_with = {"o-example"};  // "private"
  EXPECT_EQ(copy("private").outcome, Outcome::encrypted);
}

TEST_F(CrossAccount, DefaultVaultCannotReceiveCrossAccountCopies) {  // R13, documented
  const Prediction p = copy("shared", "b-default");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R13");
  EXPECT_EQ(p.confidence, Confidence::documented);
}

TEST_F(CrossAccount, OtherAwsBackupVaultCannotReceiveCrossAccountCopies) {  // R13, observed (U-2)
  const Prediction p = copy("shared", "b-backup-keyed");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.rules.back(), "R13");
  EXPECT_EQ(p.confidence, Confidence::observed);
  EXPECT_EQ(p.aws_error,
            "Copy job failed because the destination Backup vault is encrypted with the default "
            "Backup service managed key. The contents of this vault cannot be copied. Only the "
            "contents of a Backup vault encrypted by an AWS KMS key may be copied.");
}

TEST_F(CrossAccount, AccountsInDifferentOrganizationsFail) {  // R14
  w.account(kA).organization = "o-one";
  w.account(kB).organization = "o-two";
  const Prediction p = copy("shared");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.aws_error,
            "Copy job failed. Both source and destination account must be a member of the same "
            "organization");
}

TEST_F(CrossAccount, CrossAccountBackupTurnedOffFails) {  // R14
  w.account(kB).cross_account_backup = false;
  const Prediction p = copy("shared");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.message, "cross-account backup is turned off for account 222222222222");
  EXPECT_EQ(p.aws_error,
            "Copy job failed. Cross-account copy feature is not enabled for the current "
            "organization.");
}

TEST_F(CrossAccount, VaultPolicyMustLetTheSourceAccountIn) {  // R14
  w.in.vaults[1].allows_copy_from = std::vector<std::string>{};
  const Prediction p = copy("shared");
  EXPECT_EQ(p.outcome, Outcome::fails);
  EXPECT_EQ(p.aws_error, "Access Denied trying to call AWS Backup service");
}

TEST_F(CrossAccount, UnknownVaultPolicyIsIndeterminate) {
  w.in.vaults[1].allows_copy_from = std::nullopt;
  const Prediction p = copy("shared");
  EXPECT_EQ(p.outcome, Outcome::indeterminate);
  EXPECT_THAT(p.unknowns, ElementsAre("the access policy of vault b-vault"));
}

TEST(CrossRegionCrossAccount, SingleActionNeedsOctober2025) {  // R18
  World w;
  w.key("shared", kTokyo).shared_with = {kB};
  w.key("b-key", kVirginia, kB);
  w.resource("aurora", "shared");
  w.vault("tokyo", kTokyo);
  w.vault("b-virginia", kVirginia, "b-key", kB).allows_copy_from = std::vector<std::string>{"*"};
  w.plan("plan", "tokyo", {"aurora"}, {"b-virginia"});
  const Prediction before = rp(w.predict(Date{2025, 9, 30}), "aurora@b-virginia");
  EXPECT_EQ(before.outcome, Outcome::unsupported);
  EXPECT_EQ(before.rules.back(), "R18");
  EXPECT_EQ(before.aws_error,
            "Copy job from ap-northeast-1 to us-east-1 cannot be initiated for Aurora resources. "
            "Feature is not supported for provided resource type.");
  const Prediction after = rp(w.predict(Date{2025, 10, 1}), "aurora@b-virginia");
  EXPECT_EQ(after.outcome, Outcome::encrypted);
  EXPECT_THAT(after.rules, Contains("R18"));
  EXPECT_EQ(after.key->name, "b-key");
}

TEST(CrossAccountChina, NoCrossAccountCopyInChina) {  // R19
  World w;
  Key& k = w.key("k", "cn-north-1");
  k.arn = "arn:aws-cn:kms:cn-north-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  k.shared_with = {kB};
  Resource& r = w.resource("aurora", "k", ResourceType::aurora, "cn-north-1");
  r.arn = "arn:aws-cn:rds:cn-north-1:111111111111:cluster:aurora";
  w.vault("beijing", "cn-north-1").arn =
      "arn:aws-cn:backup:cn-north-1:111111111111:backup-vault:beijing";
  Vault& b = w.vault("b", "cn-northwest-1", "", kB);
  b.arn = "arn:aws-cn:backup:cn-northwest-1:222222222222:backup-vault:b";
  b.allows_copy_from = std::vector<std::string>{kA};
  w.plan("plan", "beijing", {"aurora"}, {"b"});
  const Prediction p = rp(w.predict(), "aurora@b");
  EXPECT_EQ(p.outcome, Outcome::unsupported);
  EXPECT_EQ(p.message, "cross-account copies are not available in the China Regions");
}

TEST(ForeignVaultKey, CopyGetsTheOtherAccountsKeyWhenShared) {  // U-8, R30
  World w;
  w.key("k", kTokyo);
  w.key("central", kVirginia, kB).shared_with = {kA};
  w.key("central-private", kVirginia, kB);
  w.resource("aurora", "k");
  w.vault("tokyo", kTokyo);
  w.vault("member", kVirginia,
          "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-000000000001");
  w.vault("member-2", kVirginia,
          "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-000000000002");
  w.plan("plan", "tokyo", {"aurora"}, {"member", "member-2"});
  const Predictions all = w.predict();
  const Prediction ok = rp(all, "aurora@member");
  EXPECT_EQ(ok.key->name, "central");
  EXPECT_THAT(ok.warnings, Contains("FOREIGN_VAULT_KEY"));
  const Prediction denied = rp(all, "aurora@member-2");
  EXPECT_EQ(denied.outcome, Outcome::fails);
  EXPECT_EQ(denied.rules.back(), "R30");
}

}  // namespace
}  // namespace snapkey::testing
