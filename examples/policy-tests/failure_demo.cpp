// Not part of the suite: a test that fails on purpose, to show what snapkey's matchers print when
// a design is not what the test expects. run.cmake runs it and compares its output with
// expected/failure.txt, which README.md and docs/testing.md quote.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <snapkey/testing.hpp>

#include <string>

namespace {

using namespace snapkey::testing;

TEST(DefaultVault, CopyUsesTheReplica) {
  auto design = Design::load({std::string(ARTICLE_DIR) + "/1-mrk-default-vault.yaml"});
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_THAT(design->copy("aurora", "us-east-1"), EncryptedWith("alias/test-key-multi-virginia"));
  EXPECT_THAT(design->copy("aurora", "us-west-2"), EncryptedWith(snapkey::KeyManager::customer));
  EXPECT_THAT(*design, HasNoFindings(snapkey::Severity::error));
}

}  // namespace
