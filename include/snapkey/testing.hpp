// GoogleMock matchers and a loader, so a team can unit-test its own backup design: load the
// design's inputs (scenario YAML, AWS CLI exports, Terraform plans, CloudFormation) and a policy,
// then assert what every recovery point is predicted to be encrypted with, which copies fail, and
// which findings the checks raise. A failing matcher says what the prediction actually is: the
// outcome, the key (alias, ARN, manager), the rules that decided it and why (docs/testing.md).
//
//   #include <snapkey/testing.hpp>
//   using namespace snapkey::testing;
//
//   TEST(BackupDesign, DrCopyUsesTheReplica) {
//     auto design = Design::load({"backup.yaml"}, "backup-policy.yaml");
//     ASSERT_TRUE(design.ok()) << design.error().to_string();
//     EXPECT_THAT(design->copy("aurora", "us-east-1"), EncryptedWith("alias/app-key-virginia"));
//     EXPECT_THAT(*design, HasNoFindings(snapkey::Severity::warning));
//   }
//
// The umbrella of snapkey/testing/design.hpp (Design, Lookup, LoadOptions) and
// snapkey/testing/matchers.hpp. Header-only; link snapkey::testing (snapkey::io and GTest::gmock).
#ifndef SNAPKEY_TESTING_HPP
#define SNAPKEY_TESTING_HPP

#include "snapkey/testing/design.hpp"
#include "snapkey/testing/matchers.hpp"

#endif  // SNAPKEY_TESTING_HPP
