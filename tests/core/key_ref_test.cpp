// KeyRef and KeyResolver: what a key reference means, for Model::build and io::combine alike.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "snapkey/key_ref.hpp"

namespace snapkey {
namespace {

const AccountId kAccount{"111111111111"};
const Region kRegion{"us-east-1"};

TEST(KeyRefTest, ToldApartByWhatKmsAccepts) {
  EXPECT_EQ(parse_key_ref("arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-"
                          "1234567890ab",
                          kAccount, kRegion)
                .kind,
            KeyRefKind::key_arn);
  EXPECT_EQ(parse_key_ref("alias/app", kAccount, kRegion).kind, KeyRefKind::alias);
  EXPECT_EQ(parse_key_ref("1234abcd-12ab-34cd-56ef-1234567890ab", kAccount, kRegion).kind,
            KeyRefKind::key_id);
  EXPECT_EQ(parse_key_ref("app-key", kAccount, kRegion).kind, KeyRefKind::other);
  EXPECT_EQ(parse_key_ref("arn:aws:s3:::bucket", kAccount, kRegion).kind, KeyRefKind::other);
  EXPECT_EQ(parse_key_ref("arn:aws:kms:us-east-1:111111111111:grant/x", kAccount, kRegion).kind,
            KeyRefKind::other);
}

TEST(KeyRefTest, AnAliasArnIsTheAliasInTheArnsPlace) {
  const KeyRef ref =
      parse_key_ref("arn:aws:kms:eu-west-1:222222222222:alias/app", kAccount, kRegion);
  EXPECT_EQ(ref.kind, KeyRefKind::alias);
  EXPECT_EQ(ref.scoped(), "222222222222|eu-west-1|alias/app");
  EXPECT_EQ(parse_key_ref("alias/app", kAccount, kRegion).scoped(),
            "111111111111|us-east-1|alias/app");
}

std::optional<std::size_t> find(const KeyResolver& resolver, const std::string& ref,
                                const Region& region = kRegion) {
  const std::map<std::string, std::size_t> names = {{"named", 7}};
  const std::map<std::string, std::size_t> arns = {{"arn:aws:kms:us-east-1:111111111111:key/k", 8}};
  const auto in = [](const std::map<std::string, std::size_t>& map) {
    return [&map](const std::string& k) -> std::optional<std::size_t> {
      const auto it = map.find(k);
      return it == map.end() ? std::nullopt : std::optional(it->second);
    };
  };
  return resolver.find(ref, kAccount, region, in(names), in(arns));
}

TEST(KeyResolverTest, ResolvesNamesArnsAliasesAndKeyIdsInTheirPlace) {
  KeyResolver resolver;
  EXPECT_EQ(resolver.add_alias(kAccount, kRegion, "alias/app", 1), std::nullopt);
  resolver.add_key_id(kAccount, kRegion, "1234abcd-12ab-34cd-56ef-1234567890ab", 2);
  EXPECT_EQ(find(resolver, "named"), 7u);
  EXPECT_EQ(find(resolver, "arn:aws:kms:us-east-1:111111111111:key/k"), 8u);
  EXPECT_EQ(find(resolver, "alias/app"), 1u);
  EXPECT_EQ(find(resolver, "arn:aws:kms:us-east-1:111111111111:alias/app"), 1u);
  EXPECT_EQ(find(resolver, "1234abcd-12ab-34cd-56ef-1234567890ab"), 2u);
  // The same alias elsewhere is another alias.
  EXPECT_EQ(find(resolver, "alias/app", Region{"us-west-2"}), std::nullopt);
  EXPECT_EQ(find(resolver, "arn:aws:kms:us-east-1:333333333333:alias/app"), std::nullopt);
  EXPECT_EQ(find(resolver, "no-such-key"), std::nullopt);
}

TEST(KeyResolverTest, AnAliasTakenInItsPlaceNamesTheKeyThatHasIt) {
  KeyResolver resolver;
  ASSERT_EQ(resolver.add_alias(kAccount, kRegion, "alias/app", 1), std::nullopt);
  EXPECT_EQ(resolver.add_alias(kAccount, kRegion, "alias/app", 2), 1u);
  EXPECT_EQ(resolver.add_alias(kAccount, Region{"us-west-2"}, "alias/app", 2), std::nullopt);
  EXPECT_EQ(find(resolver, "alias/app"), 1u);
}

TEST(ArnTest, KmsKeyAndAliasArnsAreToldApart) {
  const auto arn = [](const char* text) { return *parse_arn(text); };
  EXPECT_TRUE(is_kms_key_arn(arn("arn:aws:kms:us-east-1:111111111111:key/k")));
  EXPECT_FALSE(is_kms_key_arn(arn("arn:aws:kms:us-east-1:111111111111:key/")));
  EXPECT_FALSE(is_kms_key_arn(arn("arn:aws:kms:us-east-1:111111111111:alias/k")));
  EXPECT_FALSE(is_kms_key_arn(arn("arn:aws:rds:us-east-1:111111111111:key/k")));
  EXPECT_TRUE(is_kms_alias_arn(arn("arn:aws:kms:us-east-1:111111111111:alias/k")));
  EXPECT_FALSE(is_kms_alias_arn(arn("arn:aws:kms:us-east-1:111111111111:key/k")));
}

}  // namespace
}  // namespace snapkey
