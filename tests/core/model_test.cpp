// Model::build: every validation error, with its whole message and location.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/world.hpp"

namespace snapkey::testing {
namespace {

// Builds `w` and returns the error it must produce.
Error build_error(const World& w) {
  auto model = w.build();
  if (model) {
    ADD_FAILURE() << "the model was accepted";
    return {};
  }
  return model.error();
}

TEST(Model, ResolvesKeysByEveryKindOfReference) {
  World w;
  w.mrk("primary", kTokyo, MultiRegion::primary);
  auto model = w.build();
  ASSERT_TRUE(model) << model.error().to_string();
  const AccountId a{kA};
  const Region tokyo{kTokyo};
  const Key* by_name = model->find_key("primary", a, tokyo);
  ASSERT_NE(by_name, nullptr);
  EXPECT_EQ(model->find_key(by_name->arn, a, tokyo), by_name);
  EXPECT_EQ(model->find_key(kMrkId, a, tokyo), by_name);
  EXPECT_EQ(model->find_key("alias/primary", a, tokyo), by_name);
  EXPECT_EQ(model->find_key("arn:aws:kms:ap-northeast-1:111111111111:alias/primary", a, tokyo),
            by_name);
  EXPECT_EQ(model->find_key("alias/primary", a, Region{kVirginia}), nullptr);
  EXPECT_EQ(model->find_key("nothing", a, tokyo), nullptr);
}

TEST(Model, AwsManagedKeysExistImplicitlyInEveryAccountAndRegion) {
  World w;
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia, "", kB);
  auto model = w.build();
  ASSERT_TRUE(model);
  for (const char* account : {kA, kB}) {
    for (const char* region : {kTokyo, kVirginia}) {
      const Key* rds = model->find_key("alias/aws/rds", AccountId{account}, Region{region});
      ASSERT_NE(rds, nullptr) << account << " " << region;
      EXPECT_TRUE(rds->implicit);
      EXPECT_EQ(rds->manager, KeyManager::aws);
      EXPECT_EQ(rds->arn, "");
      EXPECT_EQ(rds->state, KeyState::enabled);  // R29
    }
  }
}

TEST(Model, ListedAwsManagedKeyReplacesTheImplicitOne) {
  World w;
  Key& k = w.key("rds", kTokyo);
  k.aliases = {"alias/aws/rds"};
  k.manager = KeyManager::aws;
  auto model = w.build();
  ASSERT_TRUE(model);
  EXPECT_EQ(model->find_key("alias/aws/rds", AccountId{kA}, Region{kTokyo})->name, "rds");
}

TEST(Model, FindsThePrimaryOfAReplicaByKeyId) {
  World w;
  w.mrk("p", kTokyo, MultiRegion::primary);
  w.mrk("r", kVirginia, MultiRegion::replica);
  auto model = w.build();
  ASSERT_TRUE(model);
  const Key* replica = model->find_key("r", AccountId{kA}, Region{kVirginia});
  ASSERT_NE(model->primary_of(*replica), nullptr);
  EXPECT_EQ(model->primary_of(*replica)->name, "p");
  EXPECT_EQ(model->related_keys(*replica).size(), 2u);
}

TEST(ModelErrors, DuplicateName) {
  World w;
  w.key("k", kTokyo);
  w.key("k", kVirginia).location = {"s.yaml", 9, 3, ""};
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_DUPLICATE_NAME");
  EXPECT_EQ(e.message, "key 'k' is defined twice");
}

TEST(ModelErrors, TwoKeysWithTheSameArn) {
  World w;
  w.key("a", kTokyo, kA, "1234abcd-12ab-34cd-56ef-1234567890ab");
  w.key("b", kTokyo, kA, "1234abcd-12ab-34cd-56ef-1234567890ab").location = {"s.yaml", 12, 3, ""};
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_DUPLICATE_ARN");
  EXPECT_EQ(e.message,
            "keys 'a' and 'b' have the same ARN arn:aws:kms:ap-northeast-1:111111111111:key/"
            "1234abcd-12ab-34cd-56ef-1234567890ab");
  EXPECT_EQ(e.location.to_string(), "s.yaml:12:3");
}

TEST(ModelErrors, ArnOfTheWrongKind) {
  World w;
  w.vault("v", kTokyo).arn = "arn:aws:kms:ap-northeast-1:111111111111:key/x";
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_ARN_KIND");
  EXPECT_EQ(
      e.message,
      "expected the ARN of a backup vault (arn:aws:backup:REGION:ACCOUNT:backup-vault:...), found "
      "'arn:aws:kms:ap-northeast-1:111111111111:key/x'");
}

TEST(ModelErrors, DanglingKeyReferenceSuggestsAName) {
  World w;
  w.key("test-key-multi", kTokyo);
  w.resource("aurora", "test-key-multy").location = {"s.yaml", 20, 3, ""};
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_KEY_REF");
  EXPECT_EQ(e.message,
            "resource 'aurora' names key 'test-key-multy', which is not defined in 111111111111 "
            "ap-northeast-1; did you mean 'test-key-multi'?");
  EXPECT_EQ(e.location.to_string(), "s.yaml:20:3");
}

TEST(ModelErrors, DanglingVaultReference) {
  World w;
  w.vault("tokyo-default", kTokyo);
  w.plan("p", "tokyo-defualt", {});
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_VAULT_REF");
  EXPECT_EQ(e.message,
            "rule 'p-rule' of plan 'p' names vault 'tokyo-defualt', which is not defined; did you "
            "mean 'tokyo-default'?");
}

TEST(ModelErrors, DanglingResourceReference) {
  World w;
  w.vault("v", kTokyo);
  w.plan("p", "v", {"auroa"});
  w.resource("aurora", "");
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_RESOURCE_REF");
  EXPECT_EQ(e.message,
            "plan 'p' names resource 'auroa', which is not defined; did you mean 'aurora'?");
}

TEST(ModelErrors, JobFromARecoveryPointNothingMakes) {
  World w;
  w.resource("aurora", "");
  w.vault("v", kTokyo);
  w.vault("w", kTokyo);
  w.plan("p", "v", {"aurora"});
  w.job(JobKind::copy, "aurora@w").to = "v";
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_RECOVERY_POINT_REF");
  EXPECT_EQ(e.message,
            "copy job copies from aurora@w, but no backup plan or copy job puts a recovery point "
            "of 'aurora' into vault 'w'");
}

TEST(ModelErrors, VaultKeyInAnotherRegion) {
  World w;
  w.key("tokyo-key", kTokyo);
  w.vault("virginia", kVirginia, "tokyo-key");
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_VAULT_KEY_REGION");
  EXPECT_EQ(e.message,
            "vault 'virginia' is in us-east-1 but its key 'tokyo-key' is in ap-northeast-1; a "
            "vault's key must be in the vault's Region");
}

TEST(ModelErrors, ResourceKeyInAnotherRegion) {
  World w;
  w.key("virginia-key", kVirginia);
  w.resource("aurora", "virginia-key");
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_RESOURCE_KEY_REGION");
  EXPECT_EQ(e.message,
            "resource 'aurora' is in ap-northeast-1 but its key 'virginia-key' is in us-east-1; "
            "expected a key in ap-northeast-1");
}

TEST(ModelErrors, ReplicaWithoutPrimary) {
  World w;
  w.mrk("replica", kVirginia, MultiRegion::replica);
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_REPLICA_PRIMARY");
  EXPECT_EQ(e.message,
            "key 'replica' is a multi-Region replica, but no key is its primary (a key with "
            "multi_region: primary "
            "and key id mrk-0123456789abcdef0123456789abcdef in account 111111111111)");
}

TEST(ModelErrors, ReplicaNamingAPrimaryWithAnotherKeyId) {
  World w;
  w.key("single", kTokyo);
  w.mrk("replica", kVirginia, MultiRegion::replica).primary = "single";
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_REPLICA_PRIMARY");
  EXPECT_EQ(e.message,
            "key 'replica' is a replica of 'single', which is not a multi-Region primary key with "
            "the same key id");
}

TEST(ModelErrors, MultiRegionRoleNeedsAnMrkId) {
  World w;
  w.key("k", kTokyo).multi_region = MultiRegion::primary;
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_MULTI_REGION_KEY_ID");
  EXPECT_EQ(e.message,
            "key 'k' is a multi-Region primary but its key id "
            "'1234abcd-12ab-34cd-56ef-000000000000' does not start with mrk-");
  World wrong_length;  // issue 9: the id starts with mrk-; its digits are what is wrong
  wrong_length.key("k", kTokyo, kA, std::string(kMrkId) + "abc").multi_region =
      MultiRegion::primary;
  EXPECT_EQ(build_error(wrong_length).message,
            "key 'k' is a multi-Region primary but its key id "
            "'mrk-0123456789abcdef0123456789abcdefabc' is not one: expected mrk- and 32 hex "
            "digits, found 35 hex digits");
  World not_hex;
  not_hex.key("k", kTokyo, kA, "mrk-0123456789abcdef0123456789abcdez").multi_region =
      MultiRegion::replica;
  EXPECT_EQ(build_error(not_hex).message,
            "key 'k' is a multi-Region replica but its key id "
            "'mrk-0123456789abcdef0123456789abcdez' is not one: expected mrk- and 32 hex digits, "
            "found 32 characters, not all hex digits");
  World w2;
  w2.key("m", kTokyo, kA, kMrkId);
  EXPECT_EQ(build_error(w2).message,
            "key 'm' has a multi-Region key id (mrk-...) but multi_region is none; expected "
            "primary or replica");
}

TEST(ModelErrors, AwsManagedKeysAreAlwaysEnabled) {  // R29
  World w;
  Key& k = w.key("rds", kTokyo);
  k.aliases = {"alias/aws/rds"};
  k.manager = KeyManager::aws;
  k.state = KeyState::disabled;
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_AWS_MANAGED_KEY");
  EXPECT_EQ(e.message,
            "key 'rds' is AWS managed, and AWS managed keys are always Enabled and single-Region "
            "(R29); found state Disabled, multi_region none");
}

TEST(ModelErrors, ReservedAliasOnCustomerKey) {
  World w;
  w.key("k", kTokyo).aliases = {"alias/aws/rds"};
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_RESERVED_ALIAS");
  EXPECT_EQ(e.message,
            "key 'k' has alias alias/aws/rds, but alias/aws/ names belong to AWS managed keys; "
            "expected manager: aws");
}

TEST(ModelErrors, DuplicateAliasInOneRegion) {
  World w;
  w.key("a", kTokyo).aliases = {"alias/same"};
  w.key("b", kTokyo).aliases = {"alias/same"};
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_DUPLICATE_ALIAS");
  EXPECT_EQ(e.message,
            "keys 'a' and 'b' both have alias alias/same in 111111111111 ap-northeast-1");
}

TEST(ModelErrors, AirGappedVaultWithAwsManagedKey) {
  World w;
  w.vault("lag", kTokyo, "alias/aws/backup").type = VaultType::logically_air_gapped;
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_LAG_VAULT_KEY");
  EXPECT_EQ(e.message,
            "logically air-gapped vault 'lag' names the AWS managed key 'alias/aws/backup'; "
            "expected a customer managed key, or no key for the AWS owned key");
}

TEST(ModelErrors, PlanRuleVaultInAnotherRegion) {
  World w;
  w.vault("tokyo", kTokyo);
  w.vault("virginia", kVirginia);
  Plan& p = w.plan("p", "tokyo", {});
  PlanRule second;
  second.name = "second";
  second.vault = "virginia";
  p.rules.push_back(second);
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_PLAN_REGION");
  EXPECT_EQ(e.message,
            "rule 'second' of plan 'p' backs up into vault 'virginia' in 111111111111 us-east-1, "
            "but the plan is in "
            "111111111111 ap-northeast-1; a rule's target vault must be in the plan's account and "
            "Region");
}

TEST(ModelErrors, PlanSelectsResourceInAnotherRegion) {
  World w;
  w.vault("tokyo", kTokyo);
  w.resource("far", "", ResourceType::aurora, kVirginia);
  w.plan("p", "tokyo", {"far"});
  const Error e = build_error(w);
  EXPECT_EQ(e.id, "E_PLAN_RESOURCE_REGION");
  EXPECT_EQ(e.message,
            "plan 'p' in 111111111111 ap-northeast-1 selects resource 'far' in 111111111111 "
            "us-east-1; a backup plan only backs up resources in its own account and Region");
}

}  // namespace
}  // namespace snapkey::testing
