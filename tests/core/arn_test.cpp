#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "snapkey/arn.hpp"
#include "snapkey/date.hpp"

namespace snapkey {
namespace {

TEST(Arn, ParsesAllFields) {
  auto arn =
      parse_arn("arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef");
  ASSERT_TRUE(arn) << arn.error().to_string();
  EXPECT_EQ(arn->partition, "aws");
  EXPECT_EQ(arn->service, "kms");
  EXPECT_EQ(arn->region, "us-east-1");
  EXPECT_EQ(arn->account, "111111111111");
  EXPECT_EQ(arn->resource, "key/mrk-0123456789abcdef0123456789abcdef");
  EXPECT_EQ(arn->to_string(),
            "arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef");
}

TEST(Arn, KeepsColonsInTheResource) {
  auto arn = parse_arn("arn:aws:rds:ap-northeast-1:111111111111:cluster-snapshot:awsbackup:job-1");
  ASSERT_TRUE(arn);
  EXPECT_EQ(arn->resource, "cluster-snapshot:awsbackup:job-1");
}

TEST(Arn, RejectsMalformed) {
  auto arn = parse_arn("arn:aws:kms:us-east-1");
  ASSERT_FALSE(arn);
  EXPECT_EQ(arn.error().id, "E_ARN");
  EXPECT_EQ(arn.error().message,
            "expected an ARN arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, found "
            "'arn:aws:kms:us-east-1' (too few ':'-separated fields)");
  EXPECT_EQ(parse_arn("urn:aws:kms:us-east-1:111111111111:key/x").error().message,
            "expected an ARN arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, found "
            "'urn:aws:kms:us-east-1:111111111111:key/x' (it does not start with 'arn:')");
}

TEST(Arn, RejectsPartitionThatDisagreesWithRegion) {
  auto arn = parse_arn("arn:aws:kms:cn-north-1:111111111111:key/x");
  ASSERT_FALSE(arn);
  EXPECT_EQ(arn.error().id, "E_ARN_PARTITION");
  EXPECT_EQ(arn.error().message,
            "ARN 'arn:aws:kms:cn-north-1:111111111111:key/x' names partition 'aws', but Region "
            "cn-north-1 is in partition 'aws-cn'");
}

TEST(Region, KnowsPartitionsAndOptInRegions) {
  EXPECT_EQ(partition_of(*parse_region("us-gov-west-1")), "aws-us-gov");
  EXPECT_EQ(partition_of(*parse_region("cn-northwest-1")), "aws-cn");
  EXPECT_EQ(partition_of(*parse_region("eusc-de-east-1")), "aws-eusc");
  EXPECT_EQ(partition_of(*parse_region("ap-northeast-1")), "aws");
  EXPECT_TRUE(is_opt_in(*parse_region("af-south-1")));
  EXPECT_FALSE(is_opt_in(*parse_region("us-east-1")));
}

TEST(Region, UnknownRegionSuggestsTheClosest) {
  auto region = parse_region("us-east-9");
  ASSERT_FALSE(region);
  EXPECT_EQ(region.error().id, "E_REGION");
  EXPECT_EQ(
      region.error().message,
      "expected an AWS Region such as us-east-1, found 'us-east-9'; did you mean 'us-east-1'?");
  EXPECT_EQ(parse_region("mars").error().message,
            "expected an AWS Region such as us-east-1, found 'mars'");
}

TEST(AccountId, MustBeTwelveDigits) {
  EXPECT_TRUE(parse_account_id("012345678901"));
  auto bad = parse_account_id("12345");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().id, "E_ACCOUNT_ID");
  EXPECT_EQ(bad.error().message, "expected a 12-digit account id, found '12345'");
  EXPECT_FALSE(parse_account_id("11111111111a"));
}

TEST(KeyId, RecognisesUuidAndMultiRegionIds) {
  EXPECT_TRUE(is_key_id("1234abcd-12ab-34cd-56ef-1234567890ab"));
  EXPECT_TRUE(is_key_id("mrk-1234abcd12ab34cd56ef1234567890ab"));
  EXPECT_TRUE(is_multi_region_key_id("mrk-1234abcd12ab34cd56ef1234567890ab"));
  EXPECT_FALSE(is_multi_region_key_id("1234abcd-12ab-34cd-56ef-1234567890ab"));
  EXPECT_FALSE(is_key_id("1234abcd-12ab-34cd-56ef-1234567890a"));
  EXPECT_FALSE(is_key_id("mrk-1234"));
  EXPECT_FALSE(is_key_id("alias/aws/rds"));
}

TEST(Date, ParsesRealDatesOnly) {
  auto date = parse_date("2024-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->to_string(), "2024-02-29");
  EXPECT_FALSE(parse_date("2025-02-29"));
  EXPECT_FALSE(parse_date("2025-13-01"));
  auto bad = parse_date("28/11/2026");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().id, "E_DATE");
  EXPECT_EQ(bad.error().message, "expected a date YYYY-MM-DD, found '28/11/2026'");
  EXPECT_LT(*parse_date("2025-09-30"), *parse_date("2025-10-01"));
}

TEST(ClosestMatch, SuggestsOnlyCloseWords) {
  EXPECT_EQ(closest_match("alais", {"alias", "aliases", "arn"}), "alias");
  EXPECT_EQ(closest_match("zzzzzz", {"alias", "arn"}), "");
  // Two letters swapped are one edit: "kye" is "key", not "type" (two edits either way before).
  EXPECT_EQ(closest_match("kye", {"arn", "type", "key", "allows_copy_from"}), "key");
  EXPECT_EQ(closest_match("us-esat-1", known_regions()), "us-east-1");
}

TEST(Location, FormatsEachKindOfPlace) {
  EXPECT_EQ((Location{"a.yaml", 3, 5, ""}).to_string(), "a.yaml:3:5");
  EXPECT_EQ((Location{"a.json", 0, 0, "/DBClusters/0"}).to_string(), "a.json#/DBClusters/0");
  EXPECT_EQ((Location{}).to_string(), "");
  EXPECT_EQ((Error{"E_X", "bad", {"a.yaml", 1, 2, ""}}).to_string(), "a.yaml:1:2: error E_X: bad");
}

TEST(TypedArnTest, EachKindParsesWithItsPlace) {
  Result<KeyArn> key = parse_key_arn("arn:aws:kms:eu-west-1:111111111111:key/k");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->region, Region{"eu-west-1"});
  EXPECT_EQ(key->account, AccountId{"111111111111"});
  EXPECT_EQ(key->arn.resource, "key/k");
  EXPECT_TRUE(parse_database_arn("arn:aws:rds:us-east-1:111111111111:cluster:aurora").ok());
  EXPECT_TRUE(parse_database_arn("arn:aws:rds:us-east-1:111111111111:db:pg").ok());
  EXPECT_TRUE(parse_vault_arn("arn:aws:backup:us-east-1:111111111111:backup-vault:v").ok());
  EXPECT_TRUE(parse_plan_arn("arn:aws:backup:us-east-1:111111111111:backup-plan:p").ok());
}

TEST(TypedArnTest, AnotherKindIsEArnKind) {
  Result<VaultArn> vault = parse_vault_arn("arn:aws:kms:us-east-1:111111111111:key/k");
  ASSERT_FALSE(vault.ok());
  EXPECT_EQ(vault.error().to_string(),
            "error E_ARN_KIND: expected the ARN of a backup vault "
            "(arn:aws:backup:REGION:ACCOUNT:backup-vault:...), found "
            "'arn:aws:kms:us-east-1:111111111111:key/k'");
  // A resource type with nothing after it names nothing.
  EXPECT_EQ(parse_key_arn("arn:aws:kms:us-east-1:111111111111:key/").error().id, "E_ARN_KIND");
  // A malformed ARN keeps parse_arn's error.
  EXPECT_EQ(parse_plan_arn("arn:aws:backup").error().id, "E_ARN");
}

TEST(OrganizationIdTest, IsOAndLowerCaseLettersOrDigits) {
  EXPECT_TRUE(is_organization_id("o-a1b2c3d4e5"));
  EXPECT_FALSE(is_organization_id("o-"));
  EXPECT_FALSE(is_organization_id("o-A1B2"));
  EXPECT_FALSE(is_organization_id("a1b2c3d4e5"));
}

}  // namespace
}  // namespace snapkey
