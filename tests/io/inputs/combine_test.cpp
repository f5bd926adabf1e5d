// Tests for io::combine beyond concatenation (the basic cases are in
// tests/io/scenario/reader_test.cpp): the same thing described twice merges when consistent and is
// an E_CONFLICT naming both places when not; generated names that collide are qualified; references
// follow the renames.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "snapkey/io/scenario.hpp"
#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::io {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

constexpr const char* kKeyX =
    "arn:aws:kms:ap-northeast-1:111111111111:key/11111111-2222-3333-4444-555555555555";
constexpr const char* kKeyY =
    "arn:aws:kms:ap-northeast-1:111111111111:key/99999999-2222-3333-4444-555555555555";
constexpr const char* kOrders = "arn:aws:rds:ap-northeast-1:111111111111:cluster:orders";
constexpr const char* kTokyoVault = "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:";
constexpr const char* kVirginiaVault = "arn:aws:backup:us-east-1:111111111111:backup-vault:";

// "file:line:column: ID: message" or "file#pointer: ID: message".
std::string describe(const Error& error) {
  return fmt::format("{}: {}: {}", error.location.to_string(), error.id, error.message);
}

ModelInput scenario(std::string_view yaml, std::string_view file = "s.yaml") {
  Result<ModelInput> input = read_scenario(yaml, file);
  if (!input) ADD_FAILURE() << describe(input.error());
  return input ? std::move(*input) : ModelInput{};
}

Location json(std::string_view file, std::string_view pointer) {
  return Location{std::string(file), 0, 0, std::string(pointer)};
}

// Things as a machine reader makes them: generated names, JSON locations.
Key cli_key(std::string name, std::string arn, std::string pointer = "/KeyMetadata") {
  Key key;
  key.name = std::move(name);
  key.arn = std::move(arn);
  key.region = Region{"ap-northeast-1"};
  key.account = AccountId{"111111111111"};
  key.manager = KeyManager::unknown;
  key.state = KeyState::unknown;
  key.generated_name = true;
  key.location = json("export/kms.json", pointer);
  return key;
}

Resource cli_cluster(std::string key, std::string pointer = "/DBClusters/0") {
  Resource resource;
  resource.name = "orders";
  resource.arn = kOrders;
  resource.type = ResourceType::aurora;
  resource.key = std::move(key);
  resource.generated_name = true;
  resource.location = json("export/rds.json", pointer);
  return resource;
}

Vault cli_vault(std::string name, std::string arn, std::string pointer) {
  Vault vault;
  vault.name = std::move(name);
  vault.arn = std::move(arn);
  vault.allows_copy_from = std::nullopt;
  vault.generated_name = true;
  vault.location = json("export/backup.json", pointer);
  return vault;
}

ModelInput with_keys(std::vector<Key> keys) {
  ModelInput input;
  input.keys = std::move(keys);
  return input;
}

Result<ModelInput> combined(ModelInput a, ModelInput b) {
  std::vector<ModelInput> inputs;
  inputs.push_back(std::move(a));
  inputs.push_back(std::move(b));
  return combine(std::move(inputs));
}

std::string conflict_of(ModelInput a, ModelInput b) {
  Result<ModelInput> result = combined(std::move(a), std::move(b));
  return result ? std::string("ok") : describe(result.error());
}

const std::string kScenarioKey = fmt::format(R"(keys:
  app-key:
    arn: {}
    alias: alias/app-key
)",
                                             kKeyX);

// ---------------------------------------------------------------------------------------------
// Keys

TEST(CombineKeysTest, TheSameKeyTwiceMerges) {
  Key described = cli_key("app-key", kKeyX);
  described.aliases = {"alias/app-key", "alias/orders"};
  described.shared_with = {"222222222222"};
  Result<ModelInput> result = combined(scenario(kScenarioKey), with_keys({std::move(described)}));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->keys.size(), 1u);
  const Key& key = result->keys[0];
  EXPECT_EQ(key.name, "app-key");
  EXPECT_FALSE(key.generated_name);
  EXPECT_EQ(key.arn, kKeyX);
  EXPECT_THAT(key.aliases, ElementsAre("alias/app-key", "alias/orders"));
  EXPECT_THAT(key.shared_with, ElementsAre("222222222222"));
  // The scenario knows the manager and state (its defaults); the export does not.
  EXPECT_EQ(key.manager, KeyManager::customer);
  EXPECT_EQ(key.state, KeyState::enabled);
  EXPECT_EQ(key.location.to_string(), "s.yaml:2:3");
}

TEST(CombineKeysTest, WhatOneInputDoesNotKnowComesFromTheOther) {
  Key unknown = cli_key("1111", kKeyX);
  Key known = cli_key("app-key", kKeyX, "/KeyMetadata");
  known.location.file = "export/describe-key.json";
  known.manager = KeyManager::aws;
  known.state = KeyState::enabled;
  known.aliases = {"alias/aws/rds"};
  known.address = "data.aws_kms_key.rds";
  Result<ModelInput> result = combined(with_keys({unknown}), with_keys({known}));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->keys.size(), 1u);
  EXPECT_EQ(result->keys[0].name, "1111");  // both generated: the first name
  EXPECT_TRUE(result->keys[0].generated_name);
  EXPECT_EQ(result->keys[0].manager, KeyManager::aws);
  EXPECT_EQ(result->keys[0].state, KeyState::enabled);
  EXPECT_EQ(result->keys[0].address, "data.aws_kms_key.rds");
}

TEST(CombineKeysTest, EConflictManager) {
  Key aws = cli_key("app-key", kKeyX);
  aws.manager = KeyManager::aws;
  EXPECT_EQ(conflict_of(scenario(kScenarioKey), with_keys({aws})),
            "export/kms.json#/KeyMetadata: E_CONFLICT: key " + std::string(kKeyX) +
                " is described twice, inconsistently: manager is customer at s.yaml:2:3 but aws "
                "at export/kms.json#/KeyMetadata");
}

TEST(CombineKeysTest, EConflictState) {
  Key disabled = cli_key("app-key", kKeyX);
  disabled.state = KeyState::disabled;
  EXPECT_EQ(conflict_of(scenario(kScenarioKey), with_keys({disabled})),
            "export/kms.json#/KeyMetadata: E_CONFLICT: key " + std::string(kKeyX) +
                " is described twice, inconsistently: state is Enabled at s.yaml:2:3 but Disabled "
                "at export/kms.json#/KeyMetadata");
}

TEST(CombineKeysTest, EConflictMultiRegion) {
  Key primary = cli_key("app-key", kKeyX);
  primary.multi_region = MultiRegion::primary;
  EXPECT_EQ(conflict_of(scenario(kScenarioKey), with_keys({primary})),
            "export/kms.json#/KeyMetadata: E_CONFLICT: key " + std::string(kKeyX) +
                " is described twice, inconsistently: multi_region is none at s.yaml:2:3 but "
                "primary at export/kms.json#/KeyMetadata");
}

TEST(CombineKeysTest, AMultiRegionKeyIdSaysWhatAnUndescribedKeyIs) {
  const std::string mrk =
      "arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef";
  Key bare = cli_key("mrk-0123456789abcdef0123456789abcdef", mrk);
  Key replica = cli_key("app-key-replica", mrk);
  replica.multi_region = MultiRegion::replica;
  Result<ModelInput> result = combined(with_keys({bare}), with_keys({replica}));
  ASSERT_TRUE(result) << describe(result.error());
  EXPECT_EQ(result->keys[0].multi_region, MultiRegion::replica);
}

TEST(CombineKeysTest, EConflictPrimary) {
  const std::string mrk =
      "arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef";
  Key a = cli_key("r", mrk);
  a.multi_region = MultiRegion::replica;
  a.primary = "arn:aws:kms:ap-northeast-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef";
  Key b = a;
  b.primary = "arn:aws:kms:eu-west-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef";
  b.location.pointer = "/Keys/1";
  EXPECT_EQ(conflict_of(with_keys({a}), with_keys({b})),
            "export/kms.json#/Keys/1: E_CONFLICT: key " + mrk +
                " is described twice, inconsistently: primary is "
                "'arn:aws:kms:ap-northeast-1:111111111111:key/"
                "mrk-0123456789abcdef0123456789abcdef' at export/kms.json#/KeyMetadata but "
                "'arn:aws:kms:eu-west-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef' at "
                "export/kms.json#/Keys/1");
}

TEST(CombineKeysTest, ASpecOrUsageIsTakenFromTheOther) {
  // The export did not see DescribeKey; the scenario states an HMAC key.
  Key bare = cli_key("app-key", kKeyX);
  Result<ModelInput> result =
      combined(with_keys({bare}),
               scenario(kScenarioKey + "    spec: HMAC_256\n    usage: GENERATE_VERIFY_MAC\n"));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->keys.size(), 1u);
  EXPECT_EQ(result->keys[0].spec, "HMAC_256");
  EXPECT_EQ(result->keys[0].usage, "GENERATE_VERIFY_MAC");

  Key described = cli_key("app-key", kKeyX);
  described.spec = kSymmetricDefault;
  described.usage = kEncryptDecrypt;
  result = combined(scenario(kScenarioKey), with_keys({described}));
  ASSERT_TRUE(result) << describe(result.error());
  EXPECT_EQ(result->keys[0].spec, kSymmetricDefault);
  EXPECT_EQ(result->keys[0].usage, kEncryptDecrypt);
}

TEST(CombineKeysTest, EConflictSpec) {
  Key hmac = cli_key("app-key", kKeyX);
  hmac.spec = "HMAC_256";
  EXPECT_EQ(
      conflict_of(scenario(kScenarioKey + "    spec: SYMMETRIC_DEFAULT\n"), with_keys({hmac})),
      "export/kms.json#/KeyMetadata: E_CONFLICT: key " + std::string(kKeyX) +
          " is described twice, inconsistently: spec is SYMMETRIC_DEFAULT at s.yaml:2:3 but "
          "HMAC_256 at export/kms.json#/KeyMetadata");
}

TEST(CombineKeysTest, EConflictUsage) {
  Key a = cli_key("k", kKeyX);
  a.usage = "SIGN_VERIFY";
  Key b = cli_key("k", kKeyX, "/Keys/1");
  b.usage = "ENCRYPT_DECRYPT";
  EXPECT_EQ(conflict_of(with_keys({a}), with_keys({b})),
            "export/kms.json#/Keys/1: E_CONFLICT: key " + std::string(kKeyX) +
                " is described twice, inconsistently: usage is SIGN_VERIFY at "
                "export/kms.json#/KeyMetadata but ENCRYPT_DECRYPT at export/kms.json#/Keys/1");
}

// ---------------------------------------------------------------------------------------------
// Resources

const std::string kScenarioCluster = kScenarioKey + fmt::format(R"(resources:
  orders:
    arn: {}
    type: aurora
    key: app-key
    tags: {{backup: daily}}
)",
                                                                kOrders);

TEST(CombineResourcesTest, TheSameKeyNamedDifferentlyMerges) {
  // The scenario names the key by its name, the export by its ARN, a third input by its alias.
  ModelInput export_input;
  export_input.resources.push_back(cli_cluster(kKeyX));
  export_input.resources[0].tags = {{"team", "orders"}};
  ModelInput third;
  third.resources.push_back(cli_cluster("alias/app-key", "/DBClusters/7"));
  std::vector<ModelInput> inputs;
  inputs.push_back(scenario(kScenarioCluster));
  inputs.push_back(std::move(export_input));
  inputs.push_back(std::move(third));
  Result<ModelInput> result = combine(std::move(inputs));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->resources.size(), 1u);
  EXPECT_EQ(result->resources[0].name, "orders");
  EXPECT_FALSE(result->resources[0].generated_name);
  EXPECT_EQ(result->resources[0].key, "app-key");
  EXPECT_THAT(result->resources[0].tags,
              ElementsAre(Pair("backup", "daily"), Pair("team", "orders")));
}

TEST(CombineResourcesTest, AnUnknownKeyIsTakenFromTheOther) {
  ModelInput first;
  first.resources.push_back(cli_cluster(""));
  first.resources[0].key_unknown = "aws_rds_cluster.orders: kms_key_id is known only after apply";
  first.resources[0].address = "aws_rds_cluster.orders";
  ModelInput second;
  second.resources.push_back(cli_cluster(kKeyX));
  Result<ModelInput> result = combined(std::move(first), std::move(second));
  ASSERT_TRUE(result) << describe(result.error());
  EXPECT_EQ(result->resources[0].key, kKeyX);
  EXPECT_EQ(result->resources[0].key_unknown, "");
  EXPECT_EQ(result->resources[0].address, "aws_rds_cluster.orders");
}

// A cluster a template or plan creates without choosing a key or encryption.
Resource created_by_default(std::string pointer = "/Resources/Orders") {
  Resource resource = cli_cluster("", std::move(pointer));
  resource.default_encryption = true;
  resource.address = "Orders";
  resource.location.file = "template.yaml";
  return resource;
}

TEST(CombineResourcesTest, DefaultEncryptionYieldsToADescribedKey) {
  // A key, the AWS owned key, or none (an export of a cluster that is not encrypted); in either
  // order.
  for (const std::string& described :
       {std::string(kKeyX), std::string(kAwsOwnedKey), std::string()}) {
    for (const bool default_first : {true, false}) {
      ModelInput a;
      a.resources.push_back(created_by_default());
      ModelInput b;
      b.resources.push_back(cli_cluster(described));
      Result<ModelInput> result = default_first ? combined(std::move(a), std::move(b))
                                                : combined(std::move(b), std::move(a));
      ASSERT_TRUE(result) << describe(result.error());
      ASSERT_EQ(result->resources.size(), 1u);
      const Resource& merged = result->resources[0];
      EXPECT_EQ(merged.key, described) << described << default_first;
      EXPECT_FALSE(merged.default_encryption) << described << default_first;
      EXPECT_EQ(merged.key_unknown, "") << described << default_first;
      EXPECT_EQ(merged.address, "Orders") << described << default_first;
    }
  }
}

TEST(CombineResourcesTest, ScenarioDefaultEncryptionYieldsToAnExport) {
  const std::string yaml = fmt::format(
      "resources:\n  orders:\n    arn: {}\n    type: aurora\n    key: default\n", kOrders);
  ModelInput exported;
  exported.resources.push_back(cli_cluster(""));
  Result<ModelInput> result = combined(scenario(yaml), std::move(exported));
  ASSERT_TRUE(result) << describe(result.error());
  EXPECT_EQ(result->resources[0].name, "orders");
  EXPECT_EQ(result->resources[0].key, "");
  EXPECT_FALSE(result->resources[0].default_encryption);  // not encrypted, as the export says
}

TEST(CombineResourcesTest, TwoDefaultEncryptionsMerge) {
  ModelInput a;
  a.resources.push_back(created_by_default());
  ModelInput b;
  b.resources.push_back(created_by_default("/Resources/Again"));
  Result<ModelInput> result = combined(std::move(a), std::move(b));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->resources.size(), 1u);
  EXPECT_TRUE(result->resources[0].default_encryption);
  EXPECT_EQ(result->resources[0].key, "");
  EXPECT_EQ(result->resources[0].key_unknown, "");
}

TEST(CombineResourcesTest, AKeyNotKnownWinsOverDefaultEncryption) {
  const std::string why = "aws_rds_cluster.orders: kms_key_id is known only after apply";
  for (const bool default_first : {true, false}) {
    ModelInput a;
    a.resources.push_back(created_by_default());
    ModelInput b;
    b.resources.push_back(cli_cluster(""));
    b.resources[0].key_unknown = why;
    Result<ModelInput> result =
        default_first ? combined(std::move(a), std::move(b)) : combined(std::move(b), std::move(a));
    ASSERT_TRUE(result) << describe(result.error());
    EXPECT_EQ(result->resources[0].key_unknown, why) << default_first;
    EXPECT_FALSE(result->resources[0].default_encryption) << default_first;
    EXPECT_EQ(result->resources[0].key, "") << default_first;
  }
}

TEST(CombineResourcesTest, TheAwsOwnedKeyMergesWithItself) {
  const std::string yaml = fmt::format(
      "resources:\n  orders:\n    arn: {}\n    type: aurora\n    key: aws-owned\n", kOrders);
  ModelInput exported;
  exported.resources.push_back(cli_cluster(std::string(kAwsOwnedKey)));
  Result<ModelInput> result = combined(scenario(yaml), std::move(exported));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->resources.size(), 1u);
  EXPECT_EQ(result->resources[0].key, kAwsOwnedKey);
}

TEST(CombineResourcesTest, EConflictAwsOwnedKeyAgainstACustomerKey) {
  ModelInput other;
  other.resources.push_back(cli_cluster(std::string(kAwsOwnedKey)));
  EXPECT_EQ(conflict_of(scenario(kScenarioCluster), std::move(other)),
            "export/rds.json#/DBClusters/0: E_CONFLICT: resource " + std::string(kOrders) +
                " is described twice, inconsistently: key is 'app-key' at s.yaml:6:3 but "
                "'aws-owned' at export/rds.json#/DBClusters/0");
}

TEST(CombineResourcesTest, EConflictKey) {
  ModelInput other;
  other.keys.push_back(cli_key("other", kKeyY));
  other.keys[0].manager = KeyManager::customer;
  other.resources.push_back(cli_cluster(kKeyY));
  EXPECT_EQ(conflict_of(scenario(kScenarioCluster), std::move(other)),
            "export/rds.json#/DBClusters/0: E_CONFLICT: resource " + std::string(kOrders) +
                " is described twice, inconsistently: key is 'app-key' at s.yaml:6:3 but '" +
                kKeyY + "' at export/rds.json#/DBClusters/0");
}

TEST(CombineResourcesTest, EConflictKeyAgainstNotEncrypted) {
  ModelInput other;
  other.resources.push_back(cli_cluster(""));
  EXPECT_EQ(conflict_of(scenario(kScenarioCluster), std::move(other)),
            "export/rds.json#/DBClusters/0: E_CONFLICT: resource " + std::string(kOrders) +
                " is described twice, inconsistently: key is 'app-key' at s.yaml:6:3 but none "
                "(not encrypted) at export/rds.json#/DBClusters/0");
}

TEST(CombineResourcesTest, EConflictKeyHintsAtAKeyKnownOnlyByItsArn) {
  const std::string yaml = fmt::format(R"(resources:
  orders:
    arn: {}
    type: aurora
    key: alias/aws/rds
)",
                                       kOrders);
  ModelInput other;
  other.keys.push_back(cli_key("11111111-2222-3333-4444-555555555555", kKeyX));
  other.resources.push_back(cli_cluster(kKeyX));
  EXPECT_EQ(conflict_of(scenario(yaml), std::move(other)),
            "export/rds.json#/DBClusters/0: E_CONFLICT: resource " + std::string(kOrders) +
                " is described twice, inconsistently: key is 'alias/aws/rds' at s.yaml:2:3 but '" +
                kKeyX + "' at export/rds.json#/DBClusters/0; if " + kKeyX +
                " is the alias/aws/rds key, add the output of `aws kms list-aliases` or `aws kms "
                "describe-key` that says so");
}

TEST(CombineResourcesTest, AnAwsManagedAliasMatchesTheKeyThatHasIt) {
  const std::string yaml = fmt::format(R"(resources:
  orders:
    arn: {}
    type: aurora
    key: alias/aws/rds
)",
                                       kOrders);
  ModelInput other;
  other.keys.push_back(cli_key("aws/rds", kKeyX));
  other.keys[0].aliases = {"alias/aws/rds"};
  other.keys[0].manager = KeyManager::aws;
  other.resources.push_back(cli_cluster(kKeyX));
  Result<ModelInput> result = combined(scenario(yaml), std::move(other));
  ASSERT_TRUE(result) << describe(result.error());
  EXPECT_EQ(result->resources[0].key, "alias/aws/rds");
}

TEST(CombineResourcesTest, EConflictType) {
  ModelInput other;
  other.resources.push_back(cli_cluster(kKeyX));
  other.resources[0].type = ResourceType::docdb;
  EXPECT_EQ(conflict_of(scenario(kScenarioCluster), std::move(other)),
            "export/rds.json#/DBClusters/0: E_CONFLICT: resource " + std::string(kOrders) +
                " is described twice, inconsistently: type is aurora at s.yaml:6:3 but docdb at "
                "export/rds.json#/DBClusters/0");
}

TEST(CombineResourcesTest, EConflictTag) {
  ModelInput other;
  other.resources.push_back(cli_cluster(kKeyX));
  other.resources[0].tags = {{"backup", "weekly"}};
  EXPECT_EQ(conflict_of(scenario(kScenarioCluster), std::move(other)),
            "export/rds.json#/DBClusters/0: E_CONFLICT: resource " + std::string(kOrders) +
                " is described twice, inconsistently: tag 'backup' is 'daily' at s.yaml:6:3 but "
                "'weekly' at export/rds.json#/DBClusters/0");
}

TEST(CombineResourcesTest, EConflictOptionGroup) {
  ModelInput a;
  a.resources.push_back(cli_cluster(kKeyX));
  a.resources[0].option_group = OptionGroup{"og", {"TDE"}, {"ap-northeast-1"}};
  ModelInput b;
  b.resources.push_back(cli_cluster(kKeyX, "/DBClusters/1"));
  b.resources[0].option_group = OptionGroup{"og", {}, {"ap-northeast-1"}};
  EXPECT_EQ(conflict_of(std::move(a), std::move(b)),
            "export/rds.json#/DBClusters/1: E_CONFLICT: resource " + std::string(kOrders) +
                " is described twice, inconsistently: option_group is 'og' (persistent options: "
                "TDE; Regions: ap-northeast-1) at export/rds.json#/DBClusters/0 but 'og' "
                "(persistent options: none; Regions: ap-northeast-1) at "
                "export/rds.json#/DBClusters/1");
}

// ---------------------------------------------------------------------------------------------
// Vaults

TEST(CombineVaultsTest, TheDefaultKeyMatchesTheAwsBackupKeyThatAliasesName) {
  // The scenario gives no key (aws/backup); the export gives the bare ARN that list-aliases
  // says is aws/backup, and a vault access policy.
  const std::string yaml = fmt::format("vaults:\n  Default:\n    arn: {}Default\n", kTokyoVault);
  ModelInput other;
  other.keys.push_back(cli_key("aws/backup", kKeyX));
  other.keys[0].aliases = {"alias/aws/backup"};
  other.keys[0].manager = KeyManager::aws;
  other.vaults.push_back(cli_vault("Default", std::string(kTokyoVault) + "Default", "/0"));
  other.vaults[0].key = kKeyX;
  other.vaults[0].allows_copy_from = std::vector<std::string>{"222222222222"};
  Result<ModelInput> result = combined(scenario(yaml), std::move(other));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->vaults.size(), 1u);
  EXPECT_EQ(result->vaults[0].key, "");
  ASSERT_TRUE(result->vaults[0].allows_copy_from.has_value());
  EXPECT_THAT(*result->vaults[0].allows_copy_from, ElementsAre("222222222222"));
}

TEST(CombineVaultsTest, AnUnknownPolicyIsTakenFromTheOtherAndGrantsUnite) {
  const std::string arn = std::string(kTokyoVault) + "primary";
  ModelInput a;
  a.vaults.push_back(cli_vault("primary", arn, "/0"));
  a.vaults[0].allows_copy_from = std::vector<std::string>{"333333333333"};
  ModelInput b;
  b.vaults.push_back(cli_vault("primary", arn, "/1"));
  b.vaults[0].allows_copy_from = std::vector<std::string>{"222222222222"};
  ModelInput c;
  c.vaults.push_back(cli_vault("primary", arn, "/2"));  // policy not known
  std::vector<ModelInput> inputs;
  inputs.push_back(std::move(c));
  inputs.push_back(std::move(a));
  inputs.push_back(std::move(b));
  Result<ModelInput> result = combine(std::move(inputs));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_TRUE(result->vaults[0].allows_copy_from.has_value());
  EXPECT_THAT(*result->vaults[0].allows_copy_from, ElementsAre("222222222222", "333333333333"));
}

TEST(CombineVaultsTest, EConflictKey) {
  const std::string yaml = kScenarioKey + fmt::format(R"(vaults:
  dr:
    arn: {}dr
    key: app-key
)",
                                                      kTokyoVault);
  ModelInput other;
  other.vaults.push_back(cli_vault("dr", std::string(kTokyoVault) + "dr", "/BackupVaultList/1"));
  EXPECT_EQ(conflict_of(scenario(yaml), std::move(other)),
            "export/backup.json#/BackupVaultList/1: E_CONFLICT: vault " + std::string(kTokyoVault) +
                "dr is described twice, inconsistently: key is 'app-key' at s.yaml:6:3 but the "
                "default (alias/aws/backup) at export/backup.json#/BackupVaultList/1");
}

TEST(CombineVaultsTest, AnUnknownKeyIsTakenFromTheOther) {
  const std::string arn = std::string(kTokyoVault) + "dr";
  ModelInput a;
  a.vaults.push_back(cli_vault("dr", arn, "/0"));
  a.vaults[0].key_unknown = "aws_backup_vault.dr: kms_key_arn is known only after apply";
  ModelInput b;
  b.vaults.push_back(cli_vault("dr", arn, "/1"));
  b.vaults[0].key = kKeyX;
  Result<ModelInput> result = combined(std::move(a), std::move(b));
  ASSERT_TRUE(result) << describe(result.error());
  EXPECT_EQ(result->vaults[0].key, kKeyX);
  EXPECT_EQ(result->vaults[0].key_unknown, "");
}

// One scenario that gives one ARN two names: a mistake, as Model::build says of one input; two
// files may name one vault differently (the first name is kept).
TEST(CombineVaultsTest, EDuplicateArnForTwoNamesInOneInput) {
  const std::string yaml = fmt::format(
      "vaults:\n  primary: {{arn: {0}primary}}\n  main: {{arn: {0}primary}}\n", kTokyoVault);
  std::vector<ModelInput> inputs;
  inputs.push_back(scenario(yaml));
  const Result<ModelInput> combined = combine(std::move(inputs));
  ASSERT_FALSE(combined);
  EXPECT_EQ(describe(combined.error()),
            fmt::format("s.yaml:3:3: E_DUPLICATE_ARN: vaults 'primary' and 'main' have the same "
                        "ARN {}primary",
                        kTokyoVault));
  std::vector<ModelInput> two;
  two.push_back(scenario(fmt::format("vaults:\n  primary: {{arn: {}primary}}\n", kTokyoVault)));
  two.push_back(
      scenario(fmt::format("vaults:\n  main: {{arn: {}primary}}\n", kTokyoVault), "t.yaml"));
  const Result<ModelInput> merged = combine(std::move(two));
  ASSERT_TRUE(merged) << describe(merged.error());
  ASSERT_EQ(merged->vaults.size(), 1U);
  EXPECT_EQ(merged->vaults[0].name, "primary");
}

TEST(CombineVaultsTest, EConflictType) {
  const std::string arn = std::string(kTokyoVault) + "lag";
  ModelInput a;
  a.vaults.push_back(cli_vault("lag", arn, "/0"));
  ModelInput b;
  b.vaults.push_back(cli_vault("lag", arn, "/1"));
  b.vaults[0].type = VaultType::logically_air_gapped;
  EXPECT_EQ(conflict_of(std::move(a), std::move(b)),
            "export/backup.json#/1: E_CONFLICT: vault " + arn +
                " is described twice, inconsistently: type is standard at export/backup.json#/0 "
                "but logically-air-gapped at export/backup.json#/1");
}

// ---------------------------------------------------------------------------------------------
// Plans

constexpr const char* kPlanArn = "arn:aws:backup:ap-northeast-1:111111111111:backup-plan:p-1";

Plan cli_plan(std::vector<PlanRule> rules, std::string pointer) {
  Plan plan;
  plan.name = "daily";
  plan.arn = kPlanArn;
  plan.rules = std::move(rules);
  plan.generated_name = true;
  plan.location = json("export/plan.json", pointer);
  return plan;
}

PlanRule rule(std::string vault, std::vector<std::string> copy_to) {
  PlanRule r;
  r.name = "daily";
  r.vault = std::move(vault);
  r.copy_to = std::move(copy_to);
  return r;
}

TEST(CombinePlansTest, TheSamePlanTwiceMergesItsSelections) {
  const std::string primary = std::string(kTokyoVault) + "primary";
  const std::string dr = std::string(kVirginiaVault) + "dr";
  ModelInput a;
  a.vaults.push_back(cli_vault("primary", primary, "/0"));
  a.vaults.push_back(cli_vault("dr", dr, "/1"));
  a.plans.push_back(cli_plan({rule(primary, {dr})}, "/BackupPlan"));
  ModelInput b;
  b.plans.push_back(cli_plan({}, "/BackupSelection"));
  b.plans[0].selections.push_back(
      Selection{"tagged", {}, {}, {{TagCondition::Test::equals, "backup", "daily"}}, {}, {}});
  b.plans[0].resources = {kOrders};
  ModelInput c;
  c.plans.push_back(cli_plan({rule("primary", {"dr"})}, "/again"));  // by name: the same
  std::vector<ModelInput> inputs;
  inputs.push_back(std::move(a));
  inputs.push_back(std::move(b));
  inputs.push_back(std::move(c));
  Result<ModelInput> result = combine(std::move(inputs));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->plans.size(), 1u);
  EXPECT_EQ(result->plans[0].rules.size(), 1u);
  EXPECT_EQ(result->plans[0].selections.size(), 1u);
  EXPECT_THAT(result->plans[0].resources, ElementsAre(kOrders));
}

TEST(CombinePlansTest, EConflictRule) {
  const std::string primary = std::string(kTokyoVault) + "primary";
  ModelInput a;
  a.plans.push_back(cli_plan({rule(primary, {})}, "/a"));
  ModelInput b;
  b.plans.push_back(cli_plan({rule(primary, {std::string(kVirginiaVault) + "dr"})}, "/b"));
  EXPECT_EQ(conflict_of(std::move(a), std::move(b)),
            "export/plan.json#/b: E_CONFLICT: plan " + std::string(kPlanArn) +
                " is described twice, inconsistently: rule 'daily' is vault '" + primary +
                "' at export/plan.json#/a but vault '" + primary + "', copies to " +
                kVirginiaVault + "dr at export/plan.json#/b");
}

TEST(CombinePlansTest, AnAirGappedVaultNotKnownIsTakenFromTheOther) {
  const std::string primary = std::string(kTokyoVault) + "primary";
  const std::string lag = std::string(kTokyoVault) + "lag";
  for (const bool unknown_first : {true, false}) {
    PlanRule unknown = rule(primary, {});
    unknown.air_gapped_vault_unknown =
        "aws_backup_plan.p: target_logically_air_gapped_backup_vault_arn is known only after apply";
    PlanRule known = rule(primary, {});
    known.air_gapped_vault = lag;
    ModelInput a;
    a.plans.push_back(cli_plan({unknown}, "/a"));
    ModelInput b;
    b.plans.push_back(cli_plan({known}, "/b"));
    Result<ModelInput> result =
        unknown_first ? combined(std::move(a), std::move(b)) : combined(std::move(b), std::move(a));
    ASSERT_TRUE(result) << describe(result.error());
    ASSERT_EQ(result->plans.size(), 1u);
    EXPECT_EQ(result->plans[0].rules[0].air_gapped_vault, lag) << unknown_first;
    EXPECT_EQ(result->plans[0].rules[0].air_gapped_vault_unknown, "") << unknown_first;
  }
}

TEST(CombinePlansTest, TheSameAirGappedVaultByNameAndByArnMerges) {
  const std::string primary = std::string(kTokyoVault) + "primary";
  const std::string lag = std::string(kTokyoVault) + "lag";
  ModelInput a;
  a.vaults.push_back(cli_vault("lag", lag, "/0"));
  PlanRule by_arn = rule(primary, {});
  by_arn.air_gapped_vault = lag;
  a.plans.push_back(cli_plan({by_arn}, "/a"));
  ModelInput b;
  PlanRule by_name = rule(primary, {});
  by_name.air_gapped_vault = "lag";
  b.plans.push_back(cli_plan({by_name}, "/b"));
  Result<ModelInput> result = combined(std::move(a), std::move(b));
  ASSERT_TRUE(result) << describe(result.error());
  EXPECT_EQ(result->plans[0].rules[0].air_gapped_vault, lag);
}

TEST(CombinePlansTest, EConflictAirGappedVault) {
  const std::string primary = std::string(kTokyoVault) + "primary";
  const std::string lag = std::string(kTokyoVault) + "lag";
  PlanRule with_target = rule(primary, {std::string(kVirginiaVault) + "dr"});
  with_target.air_gapped_vault = lag;
  ModelInput a;
  a.plans.push_back(cli_plan({with_target}, "/a"));
  ModelInput b;
  b.plans.push_back(cli_plan({rule(primary, {std::string(kVirginiaVault) + "dr"})}, "/b"));
  EXPECT_EQ(conflict_of(std::move(a), std::move(b)),
            "export/plan.json#/b: E_CONFLICT: plan " + std::string(kPlanArn) +
                " is described twice, inconsistently: rule 'daily' is vault '" + primary +
                "', copies to " + kVirginiaVault + "dr, air-gapped vault '" + lag +
                "' at export/plan.json#/a but vault '" + primary + "', copies to " +
                kVirginiaVault + "dr at export/plan.json#/b");
}

TEST(CombinePlansTest, EConflictAirGappedVaultNotKnownAgainstAnother) {
  // Not known on one side only decides nothing when the other side disagrees elsewhere.
  const std::string primary = std::string(kTokyoVault) + "primary";
  PlanRule unknown = rule(primary, {});
  unknown.continuous = true;
  unknown.air_gapped_vault_unknown = "known only after apply";
  ModelInput a;
  a.plans.push_back(cli_plan({unknown}, "/a"));
  ModelInput b;
  b.plans.push_back(cli_plan({rule(primary, {})}, "/b"));
  EXPECT_EQ(conflict_of(std::move(a), std::move(b)),
            "export/plan.json#/b: E_CONFLICT: plan " + std::string(kPlanArn) +
                " is described twice, inconsistently: rule 'daily' is vault '" + primary +
                "', continuous, an air-gapped vault not known at export/plan.json#/a but vault '" +
                primary + "' at export/plan.json#/b");
}

TEST(CombinePlansTest, EConflictRuleList) {
  PlanRule weekly = rule("v", {});
  weekly.name = "weekly";
  ModelInput a;
  a.plans.push_back(cli_plan({rule("v", {})}, "/a"));
  ModelInput b;
  b.plans.push_back(cli_plan({rule("v", {}), weekly}, "/b"));
  EXPECT_EQ(conflict_of(std::move(a), std::move(b)),
            "export/plan.json#/b: E_CONFLICT: plan " + std::string(kPlanArn) +
                " is described twice, inconsistently: the list of rules is daily at "
                "export/plan.json#/a but daily, weekly at export/plan.json#/b");
}

TEST(CombinePlansTest, EConflictSelection) {
  ModelInput a;
  a.plans.push_back(cli_plan({}, "/a"));
  a.plans[0].selections.push_back(Selection{"s", {kOrders}, {}, {}, {}, json("sel.json", "/1")});
  ModelInput b;
  b.plans.push_back(cli_plan({}, "/b"));
  b.plans[0].selections.push_back(Selection{"s", {"*"}, {}, {}, {}, json("sel.json", "/2")});
  EXPECT_EQ(conflict_of(std::move(a), std::move(b)),
            "sel.json#/2: E_CONFLICT: plan " + std::string(kPlanArn) +
                " is described twice, inconsistently: selection 's' is resources [" + kOrders +
                "], not_resources [], tags [], conditions [] at sel.json#/1 but resources [*], "
                "not_resources [], tags [], conditions [] at sel.json#/2");
}

TEST(CombineResourcesTest, ATagValueNotKnownIsTakenFromTheOther) {
  ModelInput a = scenario(R"(resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: none
)");
  a.resources[0].tags_unknown = {{"*", "its tags are known only after apply"},
                                 {"created", "created is known only after apply"}};
  ModelInput b = scenario(R"(resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: none
    tags: {created: "2026-12-03"}
)",
                          "b.yaml");
  std::vector<ModelInput> inputs;
  inputs.push_back(std::move(a));
  inputs.push_back(std::move(b));
  Result<ModelInput> result = combine(std::move(inputs));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->resources.size(), 1u);
  EXPECT_THAT(result->resources[0].tags, ElementsAre(Pair("created", "2026-12-03")));
  EXPECT_THAT(result->resources[0].tags_unknown, IsEmpty());
}

// A template whose tag value is a parameter without a value, and the export of the deployed
// stack: the export knows the value.
TEST(CombinePlansTest, ASelectionNotKnownIsTakenFromTheOther) {
  Selection open{"s", {}, {}, {{TagCondition::Test::equals, "env", "", "Env has no value"}},
                 {},  {}};
  Selection known{"s", {}, {}, {{TagCondition::Test::equals, "env", "prod"}}, {}, {}};
  for (bool known_first : {false, true}) {
    ModelInput a;
    a.plans.push_back(cli_plan({}, "/a"));
    a.plans[0].selections.push_back(known_first ? known : open);
    ModelInput b;
    b.plans.push_back(cli_plan({}, "/b"));
    b.plans[0].selections.push_back(known_first ? open : known);
    std::vector<ModelInput> inputs;
    inputs.push_back(std::move(a));
    inputs.push_back(std::move(b));
    Result<ModelInput> result = combine(std::move(inputs));
    ASSERT_TRUE(result) << describe(result.error());
    ASSERT_EQ(result->plans[0].selections.size(), 1u);
    ASSERT_EQ(result->plans[0].selections[0].any_tags.size(), 1u);
    EXPECT_EQ(result->plans[0].selections[0].any_tags[0].value, "prod") << known_first;
    EXPECT_EQ(result->plans[0].selections[0].any_tags[0].unknown, "") << known_first;
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts

TEST(CombineAccountsTest, AnOrganizationIsTakenFromTheOther) {
  ModelInput a = scenario("accounts:\n  \"111111111111\": {}\n");
  ModelInput b = scenario("accounts:\n  \"111111111111\": {organization: o-abc}\n", "b.yaml");
  Result<ModelInput> result = combined(std::move(a), std::move(b));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->accounts.size(), 1u);
  EXPECT_EQ(result->accounts[0].organization, "o-abc");
}

TEST(CombineAccountsTest, EConflictOrganization) {
  EXPECT_EQ(
      conflict_of(scenario("accounts:\n  \"111111111111\": {organization: o-abc}\n"),
                  scenario("accounts:\n  \"111111111111\": {organization: o-xyz}\n", "b.yaml")),
      "b.yaml:2:3: E_CONFLICT: account 111111111111 is described twice, inconsistently: "
      "organization is 'o-abc' at s.yaml:2:3 but 'o-xyz' at b.yaml:2:3");
}

TEST(CombineAccountsTest, EConflictCrossAccountBackup) {
  EXPECT_EQ(conflict_of(scenario("accounts:\n  \"111111111111\": {}\n"),
                        scenario("accounts:\n  \"111111111111\": {cross_account_backup: false}\n",
                                 "b.yaml")),
            "b.yaml:2:3: E_CONFLICT: account 111111111111 is described twice, inconsistently: "
            "cross_account_backup is true at s.yaml:2:3 but false at b.yaml:2:3");
}

TEST(CombineTest, AConflictInAnInputWithNoFileSaysSo) {
  Key a = cli_key("k", kKeyX);
  a.location = {};
  a.manager = KeyManager::aws;
  Key b = cli_key("k", kKeyX);
  b.location = {};
  b.manager = KeyManager::customer;
  EXPECT_EQ(conflict_of(with_keys({a}), with_keys({b})),
            ": E_CONFLICT: key " + std::string(kKeyX) +
                " is described twice, inconsistently: manager is aws at an input with no file "
                "name but customer at an input with no file name");
}

// ---------------------------------------------------------------------------------------------
// Names

TEST(CombineNamesTest, CollidingGeneratedNamesAreQualifiedByRegion) {
  ModelInput input;
  input.vaults.push_back(cli_vault("Default", std::string(kVirginiaVault) + "Default", "/0"));
  input.vaults.push_back(cli_vault("Default", std::string(kTokyoVault) + "Default", "/1"));
  input.vaults.push_back(cli_vault("dr", std::string(kTokyoVault) + "dr", "/2"));
  PlanRule r = rule("Default", {"Default"});  // by name, in the input that defines them
  Plan plan = cli_plan({r}, "/p");
  input.plans.push_back(plan);
  std::vector<ModelInput> inputs;
  inputs.push_back(std::move(input));
  Result<ModelInput> result = combine(std::move(inputs));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->vaults.size(), 3u);
  EXPECT_EQ(result->vaults[0].name, "us-east-1/Default");
  EXPECT_EQ(result->vaults[1].name, "ap-northeast-1/Default");
  EXPECT_EQ(result->vaults[2].name, "dr");
  EXPECT_TRUE(result->vaults[0].generated_name);
  // A name that two things of one input share is ambiguous: it stays as written.
  EXPECT_EQ(result->plans[0].rules[0].vault, "Default");
}

TEST(CombineNamesTest, StillCollidingNamesAreQualifiedByAccountToo) {
  ModelInput input;
  input.vaults.push_back(cli_vault("Default", std::string(kTokyoVault) + "Default", "/0"));
  input.vaults.push_back(cli_vault(
      "Default", "arn:aws:backup:ap-northeast-1:222222222222:backup-vault:Default", "/1"));
  input.vaults.push_back(cli_vault("Default", std::string(kVirginiaVault) + "Default", "/2"));
  std::vector<ModelInput> inputs;
  inputs.push_back(std::move(input));
  Result<ModelInput> result = combine(std::move(inputs));
  ASSERT_TRUE(result) << describe(result.error());
  EXPECT_EQ(result->vaults[0].name, "111111111111/ap-northeast-1/Default");
  EXPECT_EQ(result->vaults[1].name, "222222222222/ap-northeast-1/Default");
  EXPECT_EQ(result->vaults[2].name, "us-east-1/Default");
}

TEST(CombineNamesTest, AUserGivenNameWinsAndReferencesFollow) {
  // The scenario's vault `Default` is Tokyo's; the export's generated `Default` (N. Virginia)
  // is qualified, and the export's own reference to it by name follows.
  const std::string yaml = fmt::format(R"(vaults:
  Default:
    arn: {}Default
plans:
  daily:
    rules:
      - name: daily
        vault: Default
    resources: []
)",
                                       kTokyoVault);
  ModelInput other;
  other.vaults.push_back(cli_vault("Default", std::string(kVirginiaVault) + "Default", "/0"));
  Job job;
  job.kind = JobKind::copy;
  job.from = RecoveryPointRef{"orders", "Default"};
  job.to = "Default";
  other.jobs.push_back(job);
  Result<ModelInput> result = combined(scenario(yaml), std::move(other));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->vaults.size(), 2u);
  EXPECT_EQ(result->vaults[0].name, "Default");
  EXPECT_FALSE(result->vaults[0].generated_name);
  EXPECT_EQ(result->vaults[1].name, "us-east-1/Default");
  EXPECT_EQ(result->plans[0].rules[0].vault, "Default");
  EXPECT_EQ(result->jobs[0].from.vault, "us-east-1/Default");
  EXPECT_EQ(result->jobs[0].to, "us-east-1/Default");
}

TEST(CombineNamesTest, AirGappedVaultReferencesFollowRenames) {
  // The scenario's vault `lag` is Tokyo's; the export's generated `lag` (N. Virginia) is
  // qualified, and the export's rule that names it follows.
  const std::string yaml =
      fmt::format("vaults:\n  lag:\n    arn: {}lag\n    type: logically-air-gapped\n", kTokyoVault);
  ModelInput other;
  other.vaults.push_back(cli_vault("primary", std::string(kVirginiaVault) + "primary", "/0"));
  other.vaults.push_back(cli_vault("lag", std::string(kVirginiaVault) + "lag", "/1"));
  PlanRule r = rule("primary", {});
  r.air_gapped_vault = "lag";
  other.plans.push_back(cli_plan({r}, "/p"));
  Result<ModelInput> result = combined(scenario(yaml), std::move(other));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->vaults.size(), 3u);
  EXPECT_EQ(result->vaults[0].name, "lag");
  EXPECT_EQ(result->vaults[2].name, "us-east-1/lag");
  EXPECT_EQ(result->plans[0].rules[0].vault, "primary");
  EXPECT_EQ(result->plans[0].rules[0].air_gapped_vault, "us-east-1/lag");
}

TEST(CombineNamesTest, TheAwsOwnedKeyIsNeverRenamed) {
  // A reader's key that happens to be called `aws-owned` is qualified, so that it cannot hide the
  // AWS owned key; references to `aws-owned` keep meaning the AWS owned key.
  ModelInput exported;
  Key named = cli_key(std::string(kAwsOwnedKey), kKeyX);
  named.manager = KeyManager::customer;
  named.state = KeyState::enabled;
  exported.keys.push_back(named);
  const std::string yaml = fmt::format(
      "resources:\n  orders:\n    arn: {}\n    type: aurora\n    key: aws-owned\n", kOrders);
  Result<ModelInput> result = combined(std::move(exported), scenario(yaml));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->keys.size(), 1u);
  EXPECT_EQ(result->keys[0].name, "ap-northeast-1/aws-owned");
  EXPECT_TRUE(result->keys[0].generated_name);
  ASSERT_EQ(result->resources.size(), 1u);
  EXPECT_EQ(result->resources[0].key, kAwsOwnedKey);

  Result<Model> model = Model::build(std::move(result).value());
  ASSERT_TRUE(model) << describe(model.error());
  const Key* key =
      model->find_key(kAwsOwnedKey, AccountId{"111111111111"}, Region{"ap-northeast-1"});
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->manager, KeyManager::aws_owned);
}

TEST(CombineNamesTest, AMergedThingKeepsTheUserGivenNameAndOldNamesStillResolve) {
  // The export calls the vault `dr` (generated); the scenario, which describes it too, `backup-dr`.
  // A third input refers to `dr`.
  const std::string dr = std::string(kVirginiaVault) + "dr";
  ModelInput exported;
  exported.vaults.push_back(cli_vault("dr", dr, "/0"));
  const ModelInput described = scenario(fmt::format("vaults:\n  backup-dr:\n    arn: {}\n", dr));
  ModelInput third;
  Plan plan = cli_plan({rule("dr", {"dr"})}, "/p");
  plan.arn = "";
  third.plans.push_back(plan);
  std::vector<ModelInput> inputs;
  inputs.push_back(std::move(exported));
  inputs.push_back(described);
  inputs.push_back(std::move(third));
  Result<ModelInput> result = combine(std::move(inputs));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->vaults.size(), 1u);
  EXPECT_EQ(result->vaults[0].name, "backup-dr");
  EXPECT_EQ(result->vaults[0].location.to_string(), "export/backup.json#/0");
  EXPECT_EQ(result->plans[0].rules[0].vault, "backup-dr");
  EXPECT_THAT(result->plans[0].rules[0].copy_to, ElementsAre("backup-dr"));
}

TEST(CombineNamesTest, KeysAreQualifiedAndReferencesByNameFollow) {
  // Two Terraform plans each with a planned key `backup` (no ARN yet) and a vault keyed with it.
  auto terraform = [](const std::string& region, const std::string& file) {
    ModelInput input;
    Key key;
    key.name = "backup";
    key.region = Region{region};
    key.account = AccountId{"111111111111"};
    key.generated_name = true;
    key.location = json(file, "/planned_values");
    input.keys.push_back(key);
    Vault vault = cli_vault("v", "arn:aws:backup:" + region + ":111111111111:backup-vault:v", "/v");
    vault.key = "backup";
    input.vaults.push_back(vault);
    return input;
  };
  Result<ModelInput> result =
      combined(terraform("ap-northeast-1", "tokyo.json"), terraform("us-east-1", "virginia.json"));
  ASSERT_TRUE(result) << describe(result.error());
  EXPECT_EQ(result->keys[0].name, "ap-northeast-1/backup");
  EXPECT_EQ(result->keys[1].name, "us-east-1/backup");
  EXPECT_EQ(result->vaults[0].name, "ap-northeast-1/v");
  EXPECT_EQ(result->vaults[0].key, "ap-northeast-1/backup");
  EXPECT_EQ(result->vaults[1].key, "us-east-1/backup");
}

// ---------------------------------------------------------------------------------------------
// Observations and the whole

ObservedCopyJob copy_job(std::string id) {
  ObservedCopyJob job;
  job.id = std::move(id);
  job.state = "COMPLETED";
  return job;
}

ObservedRecoveryPoint point(std::string arn) {
  ObservedRecoveryPoint rp;
  rp.arn = std::move(arn);
  return rp;
}

TEST(CombineTest, ObservationsAreKeptOnceEach) {
  ModelInput a;
  a.copy_jobs.push_back(copy_job("job-1"));
  a.observed_recovery_points.push_back(point("rp-1"));
  ModelInput b;
  b.copy_jobs.push_back(copy_job("job-1"));
  b.copy_jobs.push_back(copy_job("job-2"));
  b.observed_recovery_points.push_back(point("rp-1"));
  Result<ModelInput> result = combined(std::move(a), std::move(b));
  ASSERT_TRUE(result) << describe(result.error());
  ASSERT_EQ(result->copy_jobs.size(), 2u);
  EXPECT_EQ(result->copy_jobs[1].id, "job-2");
  EXPECT_EQ(result->observed_recovery_points.size(), 1u);
}

TEST(CombineTest, AMergedInputBuildsAndPredicts) {
  // A scenario that adds a vault and a plan to clusters and keys that an export describes.
  ModelInput exported;
  Key key = cli_key("app-key", kKeyX);
  key.aliases = {"alias/app-key"};
  key.manager = KeyManager::customer;
  key.state = KeyState::enabled;
  exported.keys.push_back(key);
  exported.resources.push_back(cli_cluster(kKeyX));
  const ModelInput added = scenario(fmt::format(R"(vaults:
  primary:
    arn: {}primary
plans:
  daily:
    rules:
      - {{name: daily, vault: primary}}
    resources: [orders]
)",
                                                kTokyoVault));
  Result<ModelInput> result = combined(std::move(exported), added);
  ASSERT_TRUE(result) << describe(result.error());
  Result<Model> model = Model::build(std::move(result).value());
  ASSERT_TRUE(model) << describe(model.error());
  const Predictions predictions = predict(*model, {});
  ASSERT_EQ(predictions.recovery_points.size(), 1u);
  EXPECT_EQ(predictions.recovery_points[0].id, "orders@primary");
  ASSERT_TRUE(predictions.recovery_points[0].key.has_value());
  EXPECT_EQ(predictions.recovery_points[0].key->arn, kKeyX);
}

}  // namespace
}  // namespace snapkey::io
