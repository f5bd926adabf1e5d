// Our backup design (designs/orders.yaml) against our backup policy (backup-policy.yaml): what the
// policy requires holds, the one accepted exception is accepted, and the exception runs out on
// the date it says. A change to the design or the policy that breaks one of these fails the build
// with the prediction that broke it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <snapkey/testing.hpp>

#include <string>

namespace {

using ::testing::_;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Optional;
using namespace snapkey::testing;

const std::string kDesign = std::string(DESIGN_DIR) + "/designs/orders.yaml";
const std::string kPolicy = std::string(DESIGN_DIR) + "/backup-policy.yaml";

// Suppressions expire against `today`; a fixed date keeps the tests deterministic.
LoadOptions on(const char* date) {
  LoadOptions options;
  options.today = *snapkey::parse_date(date);
  return options;
}

TEST(BackupPolicy, OurDesignPasses) {
  auto design = Design::load({kDesign}, kPolicy, on("2026-06-01"));
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_THAT(*design, HasNoFindings(snapkey::Severity::warning));
}

TEST(BackupPolicy, DrCopiesUseTheReplicaOfOrdersKey) {
  auto design = Design::load({kDesign}, kPolicy);
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_THAT(design->copy("orders", "us-east-1", "111111111111"),
              EncryptedWith("alias/orders-key-virginia"));
  EXPECT_THAT(design->copy("sessions", "us-east-1", "111111111111"),
              EncryptedWith("alias/orders-key-virginia"));
  EXPECT_THAT(design->copy("orders", "us-east-1", "222222222222"),
              EncryptedWith("arn:aws:kms:us-east-1:222222222222:alias/central-backup"));
}

// The known problem, pinned: if it ever starts working (or fails differently), we want to know.
TEST(BackupPolicy, SessionsCentralCopyFailsAsAccepted) {
  auto design = Design::load({kDesign}, kPolicy, on("2026-06-01"));
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_THAT(design->copy("sessions", "us-east-1", "222222222222"),
              Fails(HasSubstr("not accessible")));
  EXPECT_THAT(design->copy("sessions", "us-east-1", "222222222222"), DecidedBy("R12"));
  // Suppressed, like the missing central copy it causes: reported, never failing.
  EXPECT_THAT(*design, Not(HasFinding("JOB_FAILS")));
  EXPECT_THAT(*design, Not(HasFinding("NO_CROSS_ACCOUNT_COPY")));
  EXPECT_THAT(design->findings().findings,
              Contains(AllOf(Field(&snapkey::Finding::check, "JOB_FAILS"),
                             Field(&snapkey::Finding::suppressed_by, Optional(_)))));
}

TEST(BackupPolicy, TheExceptionExpires) {
  auto design = Design::load({kDesign}, kPolicy, on("2027-04-01"));
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_THAT(*design, HasFinding("EXPIRED_SUPPRESSION", "suppression 1"));
  EXPECT_THAT(*design, HasFinding("EXPIRED_SUPPRESSION", "suppression 2"));
  EXPECT_THAT(*design, HasFinding("JOB_FAILS", "sessions@central"));
  EXPECT_THAT(*design, HasFinding("NO_CROSS_ACCOUNT_COPY", "sessions"));
}

// The policy as data: tighten it in C++ to see what a new requirement would cost.
TEST(BackupPolicy, ACopyInOregonWouldBeMissing) {
  auto policy = snapkey::io::read_policy_file(kPolicy);
  ASSERT_TRUE(policy.ok()) << policy.error().to_string();
  policy->copy_regions.push_back(snapkey::Region{"us-west-2"});
  auto design = Design::load({kDesign}, *policy);
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_THAT(*design, HasFinding("NO_CROSS_REGION_COPY", "orders"));
  EXPECT_THAT(*design, HasFinding("NO_CROSS_REGION_COPY", "sessions"));
  EXPECT_THAT(design->copy("orders", "us-west-2"), Not(EncryptedWith(_)));
}

// The article's first design under our policy: rejected, with the fix naming the replica.
TEST(BackupPolicy, TheDefaultVaultDesignIsRejected) {
  snapkey::Policy policy;
  policy.copy_key_manager = snapkey::KeyManager::customer;
  auto design = Design::load({std::string(ARTICLE_DIR) + "/1-mrk-default-vault.yaml"}, policy);
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_THAT(*design, HasFinding("AWS_MANAGED_COPY_KEY", "aurora@virginia-default"));
  // Reported once: AWS_MANAGED_COPY_KEY already says the key is not customer managed.
  EXPECT_THAT(*design, Not(HasFinding("COPY_KEY_MANAGER")));
  EXPECT_THAT(design->findings().findings,
              Contains(Field(&snapkey::Finding::fix, HasSubstr("test-key-multi-virginia"))));
}

}  // namespace
