// Tests for suppressions: matching on each pattern field, expiry, EXPIRED_SUPPRESSION and
// UNUSED_SUPPRESSION.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "snapkey/check.hpp"
#include "support/check_support.hpp"

namespace snapkey {
namespace {

using ::snapkey::testing::of_check;
using ::snapkey::testing::predict_scenario;
using ::snapkey::testing::silent_on;
using ::snapkey::testing::summary;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Two clusters copied into the Default vault of N. Virginia (AWS_MANAGED_COPY_KEY twice), and
// one that no plan selects (NOT_PROTECTED).
constexpr const char* kTwoDefaultCopies = R"(keys:
  tokyo-cmk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111
    alias: alias/tokyo-cmk
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: tokyo-cmk
  billing:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:billing
    type: aurora
    key: tokyo-cmk
  scratch:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:scratch
    type: aurora
    key: tokyo-cmk
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  virginia-default:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [virginia-default]
    resources: [orders, billing]
)";

Suppression suppression(std::string check, int line) {
  Suppression s;
  s.check = std::move(check);
  s.reason = "accepted until the vault is replaced";
  s.location = Location{"policy.yaml", line, 5, ""};
  return s;
}

// The subjects of the unsuppressed findings of a check.
std::vector<std::string> open_subjects(const Findings& f, std::string_view check) {
  std::vector<std::string> subjects;
  for (const Finding& finding : of_check(f, check)) {
    if (!finding.suppressed_by) subjects.push_back(finding.subject);
  }
  return subjects;
}

Findings check_with(const Suppression& s, const CheckOptions& options = {}) {
  Policy policy;
  policy.checks[std::string(kRestsOnDocConflict)].enabled = false;  // fewer findings to read
  policy.suppressions = {s};
  return check(predict_scenario(kTwoDefaultCopies), policy, options);
}

TEST(CheckSuppressions, WithoutPatternsEveryFindingOfTheCheck) {
  const Findings f = check_with(suppression("AWS_MANAGED_COPY_KEY", 3));
  EXPECT_THAT(open_subjects(f, kAwsManagedCopyKey), IsEmpty());
  const std::vector<Finding> found = of_check(f, kAwsManagedCopyKey);
  ASSERT_EQ(found.size(), 2u);
  ASSERT_TRUE(found[0].suppressed_by.has_value());
  EXPECT_EQ(found[0].suppressed_by->reason, "accepted until the vault is replaced");
  EXPECT_EQ(found[0].suppressed_by->location.to_string(), "policy.yaml:3:5");
  // Suppressed findings are reported, and never fail.
  EXPECT_EQ(f.count_at_least(Severity::error), 0u);
  EXPECT_FALSE(f.fails(Severity::error));
  EXPECT_TRUE(f.fails(Severity::warning));  // NOT_PROTECTED scratch
}

TEST(CheckSuppressions, TheCheckMustMatch) {
  const Findings f = check_with(suppression("JOB_FAILS", 3));
  EXPECT_THAT(open_subjects(f, kAwsManagedCopyKey),
              ElementsAre("billing@virginia-default", "orders@virginia-default"));
}

TEST(CheckSuppressions, RecoveryPointPattern) {
  Suppression s = suppression("AWS_MANAGED_COPY_KEY", 3);
  s.recovery_point = "orders@*";
  EXPECT_THAT(open_subjects(check_with(s), kAwsManagedCopyKey),
              ElementsAre("billing@virginia-default"));
  s.recovery_point = "orders";  // the whole id must match
  EXPECT_THAT(open_subjects(check_with(s), kAwsManagedCopyKey),
              ElementsAre("billing@virginia-default", "orders@virginia-default"));
}

TEST(CheckSuppressions, ResourcePatternOnNameOrArn) {
  Suppression s = suppression("AWS_MANAGED_COPY_KEY", 3);
  s.resource = "billing";
  EXPECT_THAT(open_subjects(check_with(s), kAwsManagedCopyKey),
              ElementsAre("orders@virginia-default"));
  s.resource = "arn:aws:rds:*:cluster:ord*";
  EXPECT_THAT(open_subjects(check_with(s), kAwsManagedCopyKey),
              ElementsAre("billing@virginia-default"));
}

TEST(CheckSuppressions, VaultPatternOnNameOrArn) {
  Suppression s = suppression("AWS_MANAGED_COPY_KEY", 3);
  s.vault = "virginia-default";
  EXPECT_THAT(open_subjects(check_with(s), kAwsManagedCopyKey), IsEmpty());
  s.vault = "*:backup-vault:Default";
  EXPECT_THAT(open_subjects(check_with(s), kAwsManagedCopyKey), IsEmpty());
  s.vault = "tokyo";
  EXPECT_EQ(open_subjects(check_with(s), kAwsManagedCopyKey).size(), 2u);
}

TEST(CheckSuppressions, RegionAndAccountPatterns) {
  Suppression s = suppression("AWS_MANAGED_COPY_KEY", 3);
  s.region = "us-east-*";
  s.account = "1111*";
  EXPECT_THAT(open_subjects(check_with(s), kAwsManagedCopyKey), IsEmpty());
  s.region = "ap-northeast-1";  // the source's Region is not the copy's
  EXPECT_EQ(open_subjects(check_with(s), kAwsManagedCopyKey).size(), 2u);
  s.region = "";
  s.account = "222222222222";
  EXPECT_EQ(open_subjects(check_with(s), kAwsManagedCopyKey).size(), 2u);
}

TEST(CheckSuppressions, APatternOnAFieldTheFindingLacksMatchesNothing) {
  Suppression s = suppression("NOT_PROTECTED", 3);
  s.recovery_point = "*";
  EXPECT_THAT(open_subjects(check_with(s), kNotProtected), ElementsAre("scratch"));
  s.recovery_point = "";
  s.vault = "*";
  EXPECT_THAT(open_subjects(check_with(s), kNotProtected), ElementsAre("scratch"));
  s.vault = "";
  s.resource = "scratch";
  EXPECT_THAT(open_subjects(check_with(s), kNotProtected), IsEmpty());
}

TEST(CheckSuppressions, TheFirstMatchingSuppressionWins) {
  Policy policy;
  Suppression first = suppression("AWS_MANAGED_COPY_KEY", 3);
  first.resource = "orders";
  first.reason = "first";
  Suppression second = suppression("AWS_MANAGED_COPY_KEY", 7);
  second.reason = "second";
  policy.suppressions = {first, second};
  const std::vector<Finding> found =
      of_check(check(predict_scenario(kTwoDefaultCopies), policy), kAwsManagedCopyKey);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].subject, "billing@virginia-default");
  EXPECT_EQ(found[0].suppressed_by->reason, "second");
  EXPECT_EQ(found[1].subject, "orders@virginia-default");
  EXPECT_EQ(found[1].suppressed_by->reason, "first");
}

TEST(CheckSuppressions, ExpiresAfterItsLastDay) {
  Suppression s = suppression("AWS_MANAGED_COPY_KEY", 3);
  s.resource = "orders";
  s.expires = Date{2026, 5, 31};
  for (const Date today : {Date{2026, 5, 30}, Date{2026, 5, 31}}) {
    const Findings f = check_with(s, CheckOptions{today});
    EXPECT_THAT(open_subjects(f, kAwsManagedCopyKey), ElementsAre("billing@virginia-default"))
        << today.to_string();
    EXPECT_TRUE(silent_on(f, kExpiredSuppression));
  }
  const Findings after = check_with(s, CheckOptions{Date{2026, 6, 1}});
  EXPECT_THAT(open_subjects(after, kAwsManagedCopyKey),
              ElementsAre("billing@virginia-default", "orders@virginia-default"));
  const std::vector<Finding> expired = of_check(after, kExpiredSuppression);
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0].severity, Severity::warning);
  EXPECT_EQ(expired[0].subject, "suppression 1");
  EXPECT_EQ(expired[0].recovery_point, std::nullopt);
  EXPECT_EQ(expired[0].resource, "");
  EXPECT_EQ(expired[0].message,
            "Suppression 1 of AWS_MANAGED_COPY_KEY (resource orders) expired on 2026-05-31 "
            "(reason: \"accepted until the vault is replaced\"); it no longer suppresses "
            "anything. The findings it covered count again: orders@virginia-default.");
  EXPECT_EQ(expired[0].fix,
            "Fix what it covered (AWS_MANAGED_COPY_KEY on orders@virginia-default), or set a "
            "later expires date with a reason that still holds.");
  EXPECT_THAT(expired[0].rules, IsEmpty());
  EXPECT_EQ(expired[0].location.to_string(), "policy.yaml:3:5");
  // Expired is not unused.
  EXPECT_TRUE(silent_on(after, kUnusedSuppression));
}

TEST(CheckSuppressions, NothingExpiresWithoutToday) {
  Suppression s = suppression("AWS_MANAGED_COPY_KEY", 3);
  s.expires = Date{2000, 1, 1};
  const Findings f = check_with(s);
  EXPECT_THAT(open_subjects(f, kAwsManagedCopyKey), IsEmpty());
  EXPECT_TRUE(silent_on(f, kExpiredSuppression));
}

TEST(CheckSuppressions, AnExpiredSuppressionThatWouldMatchNothing) {
  Suppression s = suppression("JOB_FAILS", 3);
  s.expires = Date{2026, 1, 1};
  const std::vector<Finding> expired =
      of_check(check_with(s, CheckOptions{Date{2026, 6, 1}}), kExpiredSuppression);
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0].message,
            "Suppression 1 of JOB_FAILS (every finding) expired on 2026-01-01 (reason: \"accepted "
            "until the vault is replaced\"); it no longer suppresses anything. It would match no "
            "finding now anyway.");
  EXPECT_EQ(expired[0].fix, "Delete the suppression.");
}

TEST(CheckSuppressions, ExpiredSuppressionTurnedOffStillStopsSuppressing) {
  Policy policy;
  Suppression s = suppression("AWS_MANAGED_COPY_KEY", 3);
  s.expires = Date{2026, 1, 1};
  policy.suppressions = {s};
  policy.checks[std::string(kExpiredSuppression)].enabled = false;
  const Findings f =
      check(predict_scenario(kTwoDefaultCopies), policy, CheckOptions{Date{2026, 6, 1}});
  EXPECT_EQ(open_subjects(f, kAwsManagedCopyKey).size(), 2u);
  EXPECT_THAT(of_check(f, kExpiredSuppression), IsEmpty());
  EXPECT_THAT(f.checks_run, ::testing::Not(::testing::Contains(std::string(kExpiredSuppression))));
}

TEST(CheckSuppressions, UnusedSuppression) {
  Suppression s = suppression("AWS_MANAGED_COPY_KEY", 9);
  s.vault = "oregon-*";
  s.region = "us-west-2";
  const std::vector<Finding> unused = of_check(check_with(s), kUnusedSuppression);
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].severity, Severity::info);
  EXPECT_EQ(unused[0].subject, "suppression 1");
  EXPECT_EQ(unused[0].message,
            "Suppression 1 of AWS_MANAGED_COPY_KEY (vault oregon-*, region us-west-2) matches no "
            "finding (reason: \"accepted until the vault is replaced\").");
  EXPECT_EQ(unused[0].fix,
            "Delete the suppression, or correct its patterns if it was meant to match a finding.");
  EXPECT_EQ(unused[0].location.to_string(), "policy.yaml:9:5");
}

TEST(CheckSuppressions, UnusedBecauseItsCheckDoesNotRun) {
  Suppression s = suppression("RESTS_ON_DOC_CONFLICT", 4);
  const std::vector<Finding> unused = of_check(check_with(s), kUnusedSuppression);
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].message,
            "Suppression 1 of RESTS_ON_DOC_CONFLICT (every finding) matches no finding (reason: "
            "\"accepted until the vault is replaced\"). Check RESTS_ON_DOC_CONFLICT does not run "
            "under this policy.");
}

TEST(CheckSuppressions, UsedSuppressionsAndNoSuppressionsAreSilent) {
  EXPECT_TRUE(silent_on(check_with(suppression("NOT_PROTECTED", 3)), kUnusedSuppression));
  const Findings f = check(predict_scenario(kTwoDefaultCopies), Policy{}, {Date{2030, 1, 1}});
  EXPECT_TRUE(silent_on(f, kUnusedSuppression));
  EXPECT_TRUE(silent_on(f, kExpiredSuppression));
}

TEST(CheckSuppressions, SuppressionFindingsCanBeTurnedOff) {
  Policy policy;
  policy.suppressions = {suppression("JOB_FAILS", 3)};
  policy.checks[std::string(kUnusedSuppression)].enabled = false;
  const Findings f = check(predict_scenario(kTwoDefaultCopies), policy);
  EXPECT_THAT(of_check(f, kUnusedSuppression), IsEmpty());
  EXPECT_THAT(f.checks_run, ::testing::Not(::testing::Contains(std::string(kUnusedSuppression))));
  EXPECT_THAT(summary(f), ::testing::Not(::testing::Contains("UNUSED_SUPPRESSION suppression 1")));
}

}  // namespace
}  // namespace snapkey
