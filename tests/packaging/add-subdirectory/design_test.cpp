// The article's first experiment through snapkey::testing, from a project that builds snapkey
// with add_subdirectory.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <snapkey/testing.hpp>

#include <string>

namespace {

using namespace snapkey::testing;  // Design, EncryptedWith, DecidedBy

TEST(AddSubdirectory, TheCopyIntoTheDefaultVaultLandsOnAwsRds) {
  auto design = Design::load({std::string(ARTICLE_DIR) + "/1-mrk-default-vault.yaml"});
  ASSERT_TRUE(design.ok()) << design.error().to_string();
  EXPECT_THAT(design->copy("aurora", "us-east-1"), EncryptedWith("alias/aws/rds"));
  EXPECT_THAT(design->copy("aurora", "us-east-1"), DecidedBy("R9"));
}

}  // namespace
