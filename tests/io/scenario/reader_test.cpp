// Tests for the scenario reader (read_scenario, read_scenario_file) and combine().
//
// Every error test pins the whole error: id, message, file, line and column.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "snapkey/io/scenario.hpp"
#include "snapkey/model.hpp"

namespace snapkey::io {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

constexpr std::string_view kFile = "s.yaml";

Location at(int line, int column, std::string_view file = kFile) {
  Location location;
  location.file = file;
  location.line = line;
  location.column = column;
  return location;
}

// "file:line:column: ID: message": one string, so that a failure shows every part at once.
std::string describe(const Error& error) {
  return fmt::format("{}:{}:{}: {}: {}", error.location.file, error.location.line,
                     error.location.column, error.id, error.message);
}

// The error that reading `yaml` gives, described; "ok" when there is none.
std::string error_of(std::string_view yaml) {
  const Result<ModelInput> input = read_scenario(yaml, kFile);
  return input ? std::string("ok") : describe(input.error());
}

// Reads `yaml`, which must be valid.
ModelInput read(std::string_view yaml) {
  Result<ModelInput> input = read_scenario(yaml, kFile);
  if (!input) ADD_FAILURE() << describe(input.error());
  return input ? std::move(*input) : ModelInput{};
}

// A scenario with one key, for tests of one key field.
std::string with_key(std::string_view fields) {
  return fmt::format(
      "keys:\n  k:\n    arn: arn:aws:kms:us-east-1:111111111111:key/"
      "11111111-2222-3333-4444-555555555555\n{}",
      fields);
}

// The issue's example, completed so that every name it uses is defined.
constexpr std::string_view kExample = R"(as_of: 2026-11-28
accounts:
  "111111111111": {organization: o-example, cross_account_backup: true}
  "222222222222": {organization: none, cross_account_backup: false}
keys:
  test-key-multi:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef
    alias: alias/test-key-multi
    manager: customer
    multi_region: primary
    state: Enabled
    shared_with: ["222222222222"]
  test-key-multi-virginia:
    arn: arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef
    aliases: [alias/test-key-virginia, alias/test-key-multi]
    multi_region: replica
    primary: test-key-multi
    state: PendingDeletion
  account-b-key:
    arn: arn:aws:kms:us-east-1:222222222222:key/0b9c2d4e-1111-2222-3333-444455556666
    manager: unknown
    shared_with: ["*", o-example, "111111111111"]
resources:
  aurora:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:test-aurora
    type: aurora
    key: test-key-multi
    tags: {env: test, owner: ""}
    option_group:
      name: og-audit
      persistent_options: [TDE, AUDIT]
      regions: [us-east-1, ap-northeast-1]
  plain:
    arn: arn:aws:rds:ap-northeast-1:111111111111:db:test-plain
    type: rds-instance
    key: none
vaults:
  tokyo-default:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:Default
  virginia-default:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
    key: alias/aws/backup
    type: standard
    allows_copy_from: ["222222222222"]
  account-b-vault:
    arn: arn:aws:backup:us-east-1:222222222222:backup-vault:account-b
    type: logically-air-gapped
    allows_copy_from: [o-example, "111111111111"]
plans:
  test-backup-plan:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-plan:test-backup-plan
    rules:
      - name: test-backup-rule
        vault: tokyo-default
        continuous: false
        copy_to: [virginia-default]
      - name: pitr
        vault: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:Default
        continuous: true
    resources: [aurora]
jobs:
  - copy: {from: aurora@virginia-default, to: account-b-vault}
  - native_copy: {from: aurora@tokyo-default, region: us-east-1, key: test-key-multi-virginia}
  - restore: {from: aurora@virginia-default, account: "222222222222", key: account-b-key}
)";

// ---------------------------------------------------------------------------------------------
// The example

TEST(ScenarioReaderTest, ReadsAsOfAndAccounts) {
  const ModelInput in = read(kExample);
  ASSERT_TRUE(in.as_of.has_value());
  EXPECT_EQ(in.as_of->to_string(), "2026-11-28");
  ASSERT_EQ(in.accounts.size(), 2u);
  EXPECT_EQ(in.accounts[0].id.value, "111111111111");
  EXPECT_EQ(in.accounts[0].organization, std::optional<std::string>("o-example"));
  EXPECT_TRUE(in.accounts[0].cross_account_backup);
  EXPECT_EQ(in.accounts[0].location, at(3, 3));
  EXPECT_EQ(in.accounts[1].id.value, "222222222222");
  EXPECT_EQ(in.accounts[1].organization, std::optional<std::string>(""));  // `none`
  EXPECT_FALSE(in.accounts[1].cross_account_backup);
  EXPECT_EQ(in.accounts[1].location, at(4, 3));
}

TEST(ScenarioReaderTest, ReadsKeys) {
  const ModelInput in = read(kExample);
  ASSERT_EQ(in.keys.size(), 3u);

  const Key& primary = in.keys[0];
  EXPECT_EQ(primary.name, "test-key-multi");
  EXPECT_EQ(primary.arn,
            "arn:aws:kms:ap-northeast-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef");
  EXPECT_EQ(primary.region.name, "ap-northeast-1");
  EXPECT_EQ(primary.account.value, "111111111111");
  EXPECT_THAT(primary.aliases, ElementsAre("alias/test-key-multi"));
  EXPECT_EQ(primary.manager, KeyManager::customer);
  EXPECT_EQ(primary.multi_region, MultiRegion::primary);
  EXPECT_EQ(primary.primary, "");
  EXPECT_EQ(primary.state, KeyState::enabled);
  EXPECT_THAT(primary.shared_with, ElementsAre("222222222222"));
  EXPECT_FALSE(primary.implicit);
  EXPECT_EQ(primary.location, at(6, 3));

  const Key& replica = in.keys[1];
  EXPECT_EQ(replica.name, "test-key-multi-virginia");
  EXPECT_EQ(replica.region.name, "us-east-1");
  EXPECT_THAT(replica.aliases, ElementsAre("alias/test-key-multi", "alias/test-key-virginia"));
  EXPECT_EQ(replica.multi_region, MultiRegion::replica);
  EXPECT_EQ(replica.primary, "test-key-multi");
  EXPECT_EQ(replica.state, KeyState::pending_deletion);
  EXPECT_EQ(replica.location, at(13, 3));

  const Key& other = in.keys[2];
  EXPECT_EQ(other.name, "account-b-key");
  EXPECT_EQ(other.account.value, "222222222222");
  EXPECT_EQ(other.manager, KeyManager::unknown);
  EXPECT_THAT(other.aliases, IsEmpty());
  EXPECT_THAT(other.shared_with, ElementsAre("*", "111111111111", "o-example"));  // sorted
  EXPECT_EQ(other.location, at(19, 3));
}

TEST(ScenarioReaderTest, ReadsResources) {
  const ModelInput in = read(kExample);
  ASSERT_EQ(in.resources.size(), 2u);

  const Resource& aurora = in.resources[0];
  EXPECT_EQ(aurora.name, "aurora");
  EXPECT_EQ(aurora.arn, "arn:aws:rds:ap-northeast-1:111111111111:cluster:test-aurora");
  EXPECT_EQ(aurora.type, ResourceType::aurora);
  EXPECT_EQ(aurora.key, "test-key-multi");
  EXPECT_EQ(aurora.key_unknown, "");
  EXPECT_THAT(aurora.tags, ElementsAre(Pair("env", "test"), Pair("owner", "")));
  ASSERT_TRUE(aurora.option_group.has_value());
  EXPECT_EQ(aurora.option_group->name, "og-audit");
  EXPECT_THAT(aurora.option_group->persistent_options, ElementsAre("AUDIT", "TDE"));
  EXPECT_THAT(aurora.option_group->regions, ElementsAre("ap-northeast-1", "us-east-1"));
  EXPECT_EQ(aurora.location, at(24, 3));

  const Resource& plain = in.resources[1];
  EXPECT_EQ(plain.name, "plain");
  EXPECT_EQ(plain.type, ResourceType::rds_instance);
  EXPECT_EQ(plain.key, "");  // `none`: not encrypted
  EXPECT_EQ(plain.key_unknown, "");
  EXPECT_THAT(plain.tags, IsEmpty());
  EXPECT_FALSE(plain.option_group.has_value());
  EXPECT_EQ(plain.location, at(33, 3));
}

TEST(ScenarioReaderTest, ReadsVaults) {
  const ModelInput in = read(kExample);
  ASSERT_EQ(in.vaults.size(), 3u);

  const Vault& tokyo = in.vaults[0];
  EXPECT_EQ(tokyo.name, "tokyo-default");
  EXPECT_EQ(tokyo.arn, "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:Default");
  EXPECT_EQ(tokyo.type, VaultType::standard);
  EXPECT_EQ(tokyo.key, "");
  EXPECT_EQ(tokyo.allows_copy_from, std::optional<std::vector<std::string>>(
                                        std::vector<std::string>{}));  // omitted: nobody
  EXPECT_EQ(tokyo.location, at(38, 3));

  const Vault& virginia = in.vaults[1];
  EXPECT_EQ(virginia.name, "virginia-default");
  EXPECT_EQ(virginia.key, "alias/aws/backup");
  EXPECT_EQ(virginia.type, VaultType::standard);
  ASSERT_TRUE(virginia.allows_copy_from.has_value());
  EXPECT_THAT(*virginia.allows_copy_from, ElementsAre("222222222222"));
  EXPECT_EQ(virginia.location, at(40, 3));

  const Vault& lag = in.vaults[2];
  EXPECT_EQ(lag.name, "account-b-vault");
  EXPECT_EQ(lag.type, VaultType::logically_air_gapped);
  EXPECT_EQ(lag.key, "");
  ASSERT_TRUE(lag.allows_copy_from.has_value());
  EXPECT_THAT(*lag.allows_copy_from, ElementsAre("111111111111", "o-example"));
  EXPECT_EQ(lag.location, at(45, 3));
}

TEST(ScenarioReaderTest, ReadsPlans) {
  const ModelInput in = read(kExample);
  ASSERT_EQ(in.plans.size(), 1u);
  const Plan& plan = in.plans[0];
  EXPECT_EQ(plan.name, "test-backup-plan");
  EXPECT_EQ(plan.arn, "arn:aws:backup:ap-northeast-1:111111111111:backup-plan:test-backup-plan");
  EXPECT_THAT(plan.resources, ElementsAre("aurora"));
  EXPECT_EQ(plan.location, at(50, 3));
  ASSERT_EQ(plan.rules.size(), 2u);
  EXPECT_EQ(plan.rules[0].name, "test-backup-rule");
  EXPECT_EQ(plan.rules[0].vault, "tokyo-default");
  EXPECT_FALSE(plan.rules[0].continuous);
  EXPECT_THAT(plan.rules[0].copy_to, ElementsAre("virginia-default"));
  EXPECT_EQ(plan.rules[0].location, at(53, 9));
  EXPECT_EQ(plan.rules[1].name, "pitr");
  EXPECT_EQ(plan.rules[1].vault, "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:Default");
  EXPECT_TRUE(plan.rules[1].continuous);
  EXPECT_THAT(plan.rules[1].copy_to, IsEmpty());
  EXPECT_EQ(plan.rules[1].location, at(57, 9));
}

TEST(ScenarioReaderTest, ReadsJobs) {
  const ModelInput in = read(kExample);
  ASSERT_EQ(in.jobs.size(), 3u);

  const Job& copy = in.jobs[0];
  EXPECT_EQ(copy.kind, JobKind::copy);
  EXPECT_EQ(copy.from.resource, "aurora");
  EXPECT_EQ(copy.from.vault, "virginia-default");
  EXPECT_EQ(copy.to, "account-b-vault");
  EXPECT_EQ(copy.region, "");
  EXPECT_EQ(copy.account, "");
  EXPECT_EQ(copy.key, "");
  EXPECT_EQ(copy.location, at(62, 5));

  const Job& native = in.jobs[1];
  EXPECT_EQ(native.kind, JobKind::native_copy);
  EXPECT_EQ(native.from.to_string(), "aurora@tokyo-default");
  EXPECT_EQ(native.to, "");
  EXPECT_EQ(native.region, "us-east-1");
  EXPECT_EQ(native.account, "");
  EXPECT_EQ(native.key, "test-key-multi-virginia");
  EXPECT_EQ(native.location, at(63, 5));

  const Job& restore = in.jobs[2];
  EXPECT_EQ(restore.kind, JobKind::restore);
  EXPECT_EQ(restore.from.to_string(), "aurora@virginia-default");
  EXPECT_EQ(restore.to, "");
  EXPECT_EQ(restore.region, "");
  EXPECT_EQ(restore.account, "222222222222");
  EXPECT_EQ(restore.key, "account-b-key");
  EXPECT_EQ(restore.location, at(64, 5));
}

TEST(ScenarioReaderTest, TheExampleBuildsAModel) {
  Result<Model> model = Model::build(read(kExample));
  ASSERT_TRUE(model) << describe(model.error());
  EXPECT_NE(model->find_resource("aurora"), nullptr);
  EXPECT_NE(model->find_vault("account-b-vault"), nullptr);
}

TEST(ScenarioReaderTest, TheDocumentationExampleBuildsAModel) {
  // The first ```yaml block of docs/scenario-format.md: the documentation cannot drift.
  std::ifstream doc(std::string(SNAPKEY_SOURCE_DIR) + "/docs/scenario-format.md");
  ASSERT_TRUE(doc) << "cannot open docs/scenario-format.md";
  std::string yaml;
  std::string line;
  bool inside = false;
  while (std::getline(doc, line)) {
    if (inside && line == "```") break;
    if (inside) yaml += line + "\n";
    if (line == "```yaml") inside = true;
  }
  ASSERT_FALSE(yaml.empty());
  Result<ModelInput> in = read_scenario(yaml, "scenario-format.md");
  ASSERT_TRUE(in) << describe(in.error());
  EXPECT_EQ(in->keys.size(), 2u);
  EXPECT_EQ(in->jobs.size(), 3u);
  Result<Model> model = Model::build(std::move(*in));
  ASSERT_TRUE(model) << describe(model.error());
}

TEST(ScenarioReaderTest, EveryYamlBlockOfTheDocumentationBuildsAModel) {
  std::ifstream doc(std::string(SNAPKEY_SOURCE_DIR) + "/docs/scenario-format.md");
  ASSERT_TRUE(doc) << "cannot open docs/scenario-format.md";
  std::vector<std::pair<int, std::string>> blocks;  // (line of the fence, YAML)
  std::string line;
  int number = 0;
  bool inside = false;
  while (std::getline(doc, line)) {
    ++number;
    if (inside && line == "```") {
      inside = false;
    } else if (inside) {
      blocks.back().second += line + "\n";
    } else if (line == "```yaml") {
      inside = true;
      blocks.emplace_back(number, "");
    }
  }
  EXPECT_EQ(blocks.size(), 3u);
  for (const auto& [at_line, yaml] : blocks) {
    SCOPED_TRACE(fmt::format("docs/scenario-format.md:{}", at_line));
    Result<ModelInput> in = read_scenario(yaml, "scenario-format.md");
    ASSERT_TRUE(in) << describe(in.error());
    Result<Model> model = Model::build(std::move(*in));
    EXPECT_TRUE(model) << describe(model.error());
  }
}

// ---------------------------------------------------------------------------------------------
// Defaults and special words

TEST(ScenarioReaderTest, DefaultsOfAMinimalScenario) {
  const ModelInput in = read(R"(accounts:
  "111111111111": {}
keys:
  k:
    arn: arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555
vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
plans:
  p:
    rules:
      - {name: r, vault: v}
    resources: []
)");
  EXPECT_FALSE(in.as_of.has_value());
  ASSERT_EQ(in.accounts.size(), 1u);
  EXPECT_EQ(in.accounts[0].organization, std::nullopt);  // assumed the common organization
  EXPECT_TRUE(in.accounts[0].cross_account_backup);

  ASSERT_EQ(in.keys.size(), 1u);
  EXPECT_EQ(in.keys[0].manager, KeyManager::customer);
  EXPECT_EQ(in.keys[0].multi_region, MultiRegion::none);
  EXPECT_EQ(in.keys[0].state, KeyState::enabled);
  EXPECT_EQ(in.keys[0].primary, "");
  EXPECT_THAT(in.keys[0].aliases, IsEmpty());
  EXPECT_THAT(in.keys[0].shared_with, IsEmpty());
  EXPECT_EQ(in.keys[0].spec, "");  // not stated: a symmetric encryption key
  EXPECT_EQ(in.keys[0].usage, "");

  ASSERT_EQ(in.vaults.size(), 1u);
  EXPECT_EQ(in.vaults[0].type, VaultType::standard);
  EXPECT_EQ(in.vaults[0].key, "");
  EXPECT_EQ(in.vaults[0].key_unknown, "");
  ASSERT_TRUE(in.vaults[0].allows_copy_from.has_value());
  EXPECT_THAT(*in.vaults[0].allows_copy_from, IsEmpty());

  ASSERT_EQ(in.plans.size(), 1u);
  EXPECT_EQ(in.plans[0].arn, "");
  EXPECT_THAT(in.plans[0].resources, IsEmpty());
  ASSERT_EQ(in.plans[0].rules.size(), 1u);
  EXPECT_FALSE(in.plans[0].rules[0].continuous);
  EXPECT_THAT(in.plans[0].rules[0].copy_to, IsEmpty());
  EXPECT_EQ(in.plans[0].rules[0].air_gapped_vault, "");
  EXPECT_EQ(in.plans[0].rules[0].air_gapped_vault_unknown, "");
  EXPECT_EQ(in.plans[0].rules[0].location, at(12, 9));

  EXPECT_THAT(in.resources, IsEmpty());
  EXPECT_THAT(in.jobs, IsEmpty());
}

TEST(ScenarioReaderTest, AnEmptySectionIsAllowed) {
  const ModelInput in = read("keys:\nresources:\njobs:\n");
  EXPECT_THAT(in.keys, IsEmpty());
  EXPECT_THAT(in.resources, IsEmpty());
  EXPECT_THAT(in.jobs, IsEmpty());
}

TEST(ScenarioReaderTest, UnknownAllowsCopyFromIsNullopt) {
  const ModelInput in = read(R"(vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
    allows_copy_from: unknown
)");
  ASSERT_EQ(in.vaults.size(), 1u);
  EXPECT_EQ(in.vaults[0].allows_copy_from, std::nullopt);
}

TEST(ScenarioReaderTest, AnEmptyAllowsCopyFromListIsEmpty) {
  const ModelInput in = read(R"(vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
    allows_copy_from: []
)");
  ASSERT_EQ(in.vaults.size(), 1u);
  ASSERT_TRUE(in.vaults[0].allows_copy_from.has_value());
  EXPECT_THAT(*in.vaults[0].allows_copy_from, IsEmpty());
}

TEST(ScenarioReaderTest, UnknownKeysOfResourcesAndVaults) {
  const ModelInput in = read(R"(resources:
  r:
    arn: arn:aws:rds:us-east-1:111111111111:db:r
    type: rds-instance
    key: unknown
vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
    key: unknown
)");
  ASSERT_EQ(in.resources.size(), 1u);
  EXPECT_EQ(in.resources[0].key, "");
  EXPECT_EQ(in.resources[0].key_unknown, "the scenario gives its key as unknown");
  ASSERT_EQ(in.vaults.size(), 1u);
  EXPECT_EQ(in.vaults[0].key, "");
  EXPECT_EQ(in.vaults[0].key_unknown, "the scenario gives its key as unknown");
}

TEST(ScenarioReaderTest, KeyReferencesAreKeptAsWritten) {
  const ModelInput in = read(R"(resources:
  a:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:a
    type: docdb
    key: arn:aws:kms:us-east-1:111111111111:alias/app
  b:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:b
    type: neptune
    key: 11111111-2222-3333-4444-555555555555
  c:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:c
    type: rds-multiaz-cluster
    key: alias/aws/rds
)");
  ASSERT_EQ(in.resources.size(), 3u);
  EXPECT_EQ(in.resources[0].type, ResourceType::docdb);
  EXPECT_EQ(in.resources[0].key, "arn:aws:kms:us-east-1:111111111111:alias/app");
  EXPECT_EQ(in.resources[1].type, ResourceType::neptune);
  EXPECT_EQ(in.resources[1].key, "11111111-2222-3333-4444-555555555555");
  EXPECT_EQ(in.resources[2].type, ResourceType::rds_multiaz_cluster);
  EXPECT_EQ(in.resources[2].key, "alias/aws/rds");
}

TEST(ScenarioReaderTest, AwsOwnedAndDefaultKeysOfResources) {
  const ModelInput in = read(R"(as_of: 2026-03-01
resources:
  owned:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:owned
    type: aurora
    key: aws-owned
  created:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:created
    type: aurora
    key: default
  instance:
    arn: arn:aws:rds:us-east-1:111111111111:db:instance
    type: rds-instance
    key: default
)");
  ASSERT_EQ(in.resources.size(), 3u);
  EXPECT_EQ(in.resources[0].key, "aws-owned");  // kAwsOwnedKey: the model resolves it
  EXPECT_FALSE(in.resources[0].default_encryption);
  EXPECT_EQ(in.resources[0].key_unknown, "");
  EXPECT_EQ(in.resources[1].key, "");
  EXPECT_TRUE(in.resources[1].default_encryption);
  EXPECT_EQ(in.resources[1].key_unknown, "");
  EXPECT_EQ(in.resources[2].key, "");
  EXPECT_TRUE(in.resources[2].default_encryption);
  EXPECT_EQ(in.resources[2].location, at(11, 3));

  // Neither word needs a key under `keys:`.
  Result<Model> model = Model::build(in);
  ASSERT_TRUE(model) << describe(model.error());
  const Key* owned = model->find_key(kAwsOwnedKey, AccountId{"111111111111"}, Region{"us-east-1"});
  ASSERT_NE(owned, nullptr);
  EXPECT_EQ(owned->manager, KeyManager::aws_owned);
}

TEST(ScenarioReaderTest, ReadsKeySpecAndUsage) {
  const ModelInput in = read(with_key("    spec: HMAC_256\n    usage: GENERATE_VERIFY_MAC\n"));
  ASSERT_EQ(in.keys.size(), 1u);
  EXPECT_EQ(in.keys[0].spec, "HMAC_256");
  EXPECT_EQ(in.keys[0].usage, "GENERATE_VERIFY_MAC");
  EXPECT_FALSE(in.keys[0].is_symmetric_encryption());

  const ModelInput symmetric =
      read(with_key("    spec: SYMMETRIC_DEFAULT\n    usage: ENCRYPT_DECRYPT\n"));
  ASSERT_EQ(symmetric.keys.size(), 1u);
  EXPECT_EQ(symmetric.keys[0].spec, kSymmetricDefault);
  EXPECT_EQ(symmetric.keys[0].usage, kEncryptDecrypt);
  EXPECT_TRUE(symmetric.keys[0].is_symmetric_encryption());
}

TEST(ScenarioReaderTest, EveryKmsKeySpecAndUsageIsAccepted) {
  for (std::string_view spec :
       {"SYMMETRIC_DEFAULT", "RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384",
        "ECC_NIST_P521", "ECC_SECG_P256K1", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2",
        "ML_DSA_44", "ML_DSA_65", "ML_DSA_87"}) {
    const ModelInput in = read(with_key(fmt::format("    spec: {}\n", spec)));
    ASSERT_EQ(in.keys.size(), 1u) << spec;
    EXPECT_EQ(in.keys[0].spec, spec);
  }
  for (std::string_view usage :
       {"ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"}) {
    const ModelInput in = read(with_key(fmt::format("    usage: {}\n", usage)));
    ASSERT_EQ(in.keys.size(), 1u) << usage;
    EXPECT_EQ(in.keys[0].usage, usage);
  }
}

TEST(ScenarioReaderTest, RestoreAccessVaults) {
  const ModelInput in = read(R"(vaults:
  access:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:access
    type: restore-access
)");
  ASSERT_EQ(in.vaults.size(), 1u);
  EXPECT_EQ(in.vaults[0].type, VaultType::restore_access);
  EXPECT_EQ(in.vaults[0].key, "");
}

TEST(ScenarioReaderTest, ReadsAirGappedVaultsOfRules) {
  const ModelInput in = read(R"(vaults:
  primary:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:primary
  lag:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:lag
    type: logically-air-gapped
plans:
  p:
    rules:
      - {name: daily, vault: primary, air_gapped_vault: lag}
      - name: weekly
        vault: primary
        copy_to: [lag]
        air_gapped_vault: arn:aws:backup:us-east-1:111111111111:backup-vault:lag
    resources: []
)");
  ASSERT_EQ(in.plans.size(), 1u);
  ASSERT_EQ(in.plans[0].rules.size(), 2u);
  EXPECT_EQ(in.plans[0].rules[0].vault, "primary");
  EXPECT_EQ(in.plans[0].rules[0].air_gapped_vault, "lag");
  EXPECT_EQ(in.plans[0].rules[0].air_gapped_vault_unknown, "");
  EXPECT_EQ(in.plans[0].rules[1].air_gapped_vault,
            "arn:aws:backup:us-east-1:111111111111:backup-vault:lag");
  EXPECT_THAT(in.plans[0].rules[1].copy_to, ElementsAre("lag"));
  Result<Model> model = Model::build(in);
  ASSERT_TRUE(model) << describe(model.error());
}

TEST(ScenarioReaderTest, ManagerAwsAndBooleanSpellings) {
  const ModelInput in = read(with_key("    manager: aws\n    alias: alias/aws/rds\n") +
                             "accounts:\n  \"111111111111\": {cross_account_backup: FALSE}\n");
  ASSERT_EQ(in.keys.size(), 1u);
  EXPECT_EQ(in.keys[0].manager, KeyManager::aws);
  EXPECT_THAT(in.keys[0].aliases, ElementsAre("alias/aws/rds"));
  ASSERT_EQ(in.accounts.size(), 1u);
  EXPECT_FALSE(in.accounts[0].cross_account_backup);
}

TEST(ScenarioReaderTest, AnchorsAndAliasesWork) {
  const ModelInput in = read(R"(plans:
  p:
    rules:
      - &daily {name: daily, vault: v}
    resources: &all [a, b]
  q:
    rules: [*daily]
    resources: *all
)");
  ASSERT_EQ(in.plans.size(), 2u);
  EXPECT_EQ(in.plans[1].rules[0].name, "daily");
  EXPECT_THAT(in.plans[1].resources, ElementsAre("a", "b"));
}

TEST(ScenarioReaderTest, ATrailingEmptyDocumentIsIgnored) {
  EXPECT_EQ(error_of("keys: {}\n---\n"), "ok");
}

// ---------------------------------------------------------------------------------------------
// The fields export-scenario writes: unknowns with their reasons, keys not created yet, addresses

TEST(ScenarioReaderTest, AKeyNotCreatedYetHasARegionAndAnAccount) {
  const ModelInput in = read(R"(keys:
  aws_kms_key.data:
    region: eu-central-1
    account: "444455556666"
    alias: alias/data
    state: unknown
    shared_with: ["222222222222"]
    shared_with_unknown: "aws_kms_key.data: policy is known only after apply"
    address: aws_kms_key.data
)");
  ASSERT_EQ(in.keys.size(), 1u);
  const Key& key = in.keys[0];
  EXPECT_EQ(key.arn, "");
  EXPECT_EQ(key.region.name, "eu-central-1");
  EXPECT_EQ(key.account.value, "444455556666");
  EXPECT_EQ(key.state, KeyState::unknown);
  EXPECT_THAT(key.shared_with, ElementsAre("222222222222"));
  EXPECT_EQ(key.shared_with_unknown, "aws_kms_key.data: policy is known only after apply");
  EXPECT_EQ(key.address, "aws_kms_key.data");
}

TEST(ScenarioReaderTest, SharedWithUnknownGivesItsReason) {
  const ModelInput in = read(with_key("    shared_with: unknown\n    shared_with_unknown: why\n"));
  EXPECT_EQ(in.keys[0].shared_with_unknown, "why");
}

TEST(ScenarioReaderTest, ResourcesAndVaultsGiveTheReasonOfAnUnknownKey) {
  const ModelInput in = read(R"(resources:
  r:
    arn: arn:aws:rds:us-east-1:111111111111:db:r
    type: rds-instance
    key: unknown
    key_unknown: "aws_db_instance.r: kms_key_id is known only after apply"
    address: aws_db_instance.r
  s:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:s
    type: aurora
    key: alias/aws/rds
    key_unknown: "Condition IsProd: whether the cluster exists is not known"
vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
    key: unknown
    key_unknown: vault v is not in the plan
    address: Vault
)");
  ASSERT_EQ(in.resources.size(), 2u);
  EXPECT_EQ(in.resources[0].key, "");
  EXPECT_EQ(in.resources[0].key_unknown, "aws_db_instance.r: kms_key_id is known only after apply");
  EXPECT_EQ(in.resources[0].address, "aws_db_instance.r");
  EXPECT_EQ(in.resources[1].key, "alias/aws/rds");
  EXPECT_EQ(in.resources[1].key_unknown,
            "Condition IsProd: whether the cluster exists is not known");
  ASSERT_EQ(in.vaults.size(), 1u);
  EXPECT_EQ(in.vaults[0].key_unknown, "vault v is not in the plan");
  EXPECT_EQ(in.vaults[0].address, "Vault");
}

TEST(ScenarioReaderTest, UnknownsOfPlansAndRules) {
  const ModelInput in = read(R"(plans:
  p:
    rules:
      - name: daily
        vault_unknown: target_vault_name is known only after apply
        copy_to_unknown: [a copy's destination is not known, and another's]
        air_gapped_vault_unknown: the air-gapped target is not known
    resources: []
    resources_unknown:
      orders: whether selection 'tier' assigns orders is not known
    address: aws_backup_plan.p
)");
  ASSERT_EQ(in.plans.size(), 1u);
  const Plan& plan = in.plans[0];
  ASSERT_EQ(plan.rules.size(), 1u);
  EXPECT_EQ(plan.rules[0].vault, "");
  EXPECT_EQ(plan.rules[0].vault_unknown, "target_vault_name is known only after apply");
  EXPECT_THAT(plan.rules[0].copy_to_unknown,
              ElementsAre("a copy's destination is not known", "and another's"));
  EXPECT_EQ(plan.rules[0].air_gapped_vault_unknown, "the air-gapped target is not known");
  EXPECT_THAT(plan.resources_unknown,
              ElementsAre(Pair("orders", "whether selection 'tier' assigns orders is not known")));
  EXPECT_EQ(plan.address, "aws_backup_plan.p");
}

// Model::build keeps the resources a scenario says may be assigned, by name, and checks them.
TEST(ScenarioReaderTest, ResourcesUnknownBuildAModel) {
  constexpr std::string_view kScenario = R"(resources:
  orders:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:orders
    type: aurora
    key: alias/aws/rds
vaults:
  v: {arn: "arn:aws:backup:us-east-1:111111111111:backup-vault:v"}
plans:
  p:
    rules: [{name: daily, vault: v}]
    resources: []
    resources_unknown:
      arn:aws:rds:us-east-1:111111111111:cluster:orders: not known
)";
  Result<Model> model = Model::build(read(kScenario));
  ASSERT_TRUE(model) << model.error().to_string();
  EXPECT_THAT(model->plans()[0].resources_unknown, ElementsAre(Pair("orders", "not known")));
  std::string other(kScenario);
  other.replace(other.find("cluster:orders: not"), 14, "cluster:order:");
  Result<Model> bad = Model::build(read(other));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().id, "E_RESOURCE_REF");
}

TEST(ScenarioReaderTest, ErrorsOfTheExportedFields) {
  EXPECT_EQ(error_of(with_key("    region: us-east-1\n")),
            "s.yaml:4:5: E_SCENARIO_KEY: key 'k' has both 'arn' and 'region'; a key with an ARN "
            "takes its Region and account from it (give 'region' and 'account' only for a key "
            "whose ARN is not known yet)");
  EXPECT_EQ(error_of("keys:\n  k: {region: us-east-1}\n"),
            "s.yaml:2:3: E_SCENARIO_MISSING: key 'k' has no 'account'; expected the account of a "
            "key whose ARN is not known yet");
  EXPECT_EQ(error_of("keys:\n  k: {account: \"111111111111\"}\n"),
            "s.yaml:2:3: E_SCENARIO_MISSING: key 'k' has no 'region'; expected the Region of a "
            "key whose ARN is not known yet");
  EXPECT_EQ(error_of("keys:\n  k: {region: us-east-l, account: \"111111111111\"}\n"),
            "s.yaml:2:15: E_REGION: expected an AWS Region such as us-east-1, found "
            "'us-east-l'; did you mean 'us-east-1'?");
  EXPECT_EQ(error_of(with_key("    shared_with_unknown: \"\"\n")),
            "s.yaml:4:26: E_SCENARIO_VALUE: expected a sentence that says why it is not known for "
            "'shared_with_unknown', found an empty string");
  EXPECT_EQ(error_of("plans:\n  p:\n    rules: [{name: r, vault: v, copy_to_unknown: why}]\n"
                     "    resources: []\n"),
            "s.yaml:3:50: E_SCENARIO_TYPE: expected a list of reasons for 'copy_to_unknown', "
            "found 'why'");
  EXPECT_EQ(error_of("plans:\n  p:\n    rules: []\n    resources: []\n"
                     "    resources_unknown: [orders]\n"),
            "s.yaml:5:24: E_SCENARIO_TYPE: expected a map from resource names or ARNs to reasons "
            "for 'resources_unknown', found a list");
}

// ---------------------------------------------------------------------------------------------
// Files

TEST(ScenarioReaderTest, ReadsAFile) {
  const std::string path = ::testing::TempDir() + "snapkey_scenario_reader_test.yaml";
  {
    std::ofstream out(path);
    out << "as_of: 2025-06-01\nkeys:\n  k:\n    arn: arn:aws:kms:us-east-1:111111111111:key/"
           "11111111-2222-3333-4444-555555555555\n";
  }
  Result<ModelInput> in = read_scenario_file(path);
  std::remove(path.c_str());
  ASSERT_TRUE(in) << describe(in.error());
  ASSERT_TRUE(in->as_of.has_value());
  EXPECT_EQ(in->as_of->to_string(), "2025-06-01");
  ASSERT_EQ(in->keys.size(), 1u);
  EXPECT_EQ(in->keys[0].location, at(3, 3, path));
}

TEST(ScenarioReaderTest, EFileForAMissingFile) {
  Result<ModelInput> in = read_scenario_file("/nonexistent/scenario.yaml");
  ASSERT_FALSE(in);
  EXPECT_EQ(describe(in.error()),
            "/nonexistent/scenario.yaml:0:0: E_FILE: cannot read '/nonexistent/scenario.yaml': No "
            "such file or directory");
}

TEST(ScenarioReaderTest, EFileForADirectory) {
  const std::string path = SNAPKEY_TEST_DATA;
  Result<ModelInput> in = read_scenario_file(path);
  ASSERT_FALSE(in);
  EXPECT_EQ(describe(in.error()),
            fmt::format("{}:0:0: E_FILE: cannot read '{}': Is a directory", path, path));
}

// ---------------------------------------------------------------------------------------------
// E_YAML

TEST(ScenarioReaderTest, EYamlForAnUnclosedList) {
  EXPECT_EQ(error_of("keys: {}\nplans: [a, b\njobs: []\n"),
            "s.yaml:3:5: E_YAML: invalid YAML: end of sequence flow not found");
}

TEST(ScenarioReaderTest, EYamlForABadMapValue) {
  EXPECT_EQ(error_of("keys:\n  k: a: b\n"), "s.yaml:2:7: E_YAML: invalid YAML: illegal map value");
}

TEST(ScenarioReaderTest, EYamlForAnUndefinedAnchor) {
  EXPECT_EQ(error_of("keys: *nowhere\n"),
            "s.yaml:1:7: E_YAML: invalid YAML: the referenced anchor is not defined");
}

// yaml-cpp places an aliased value at its anchor: the error is placed at the key that uses it.
TEST(ScenarioReaderTest, AnAliasOfTheWrongKindIsPlacedWhereItIsUsed) {
  EXPECT_EQ(error_of("vaults:\n  primary: &v\n    arn: arn:aws:backup:us-east-1:111111111111:"
                     "backup-vault:primary\nplans:\n  daily:\n    rules:\n      - name: daily\n"
                     "        vault: *v\n    resources: []\n"),
            "s.yaml:8:9: E_SCENARIO_TYPE: expected a vault name or ARN for 'vault', found a map");
}

// yaml-cpp says "end of map not found" or "illegal map value" for a tab that indents a line.
TEST(ScenarioReaderTest, EYamlForATabThatIndents) {
  EXPECT_EQ(error_of("vaults:\n  dr:\n\tarn: x\n"),
            "s.yaml:3:1: E_YAML: invalid YAML: expected spaces to indent line 3, found a tab (YAML "
            "indents with spaces only)");
  EXPECT_EQ(error_of("vaults:\n  dr:\n  \t  arn: x\n"),
            "s.yaml:3:3: E_YAML: invalid YAML: expected spaces to indent line 3, found a tab (YAML "
            "indents with spaces only)");
  // A tab after the indentation is no indentation: yaml-cpp's own message.
  EXPECT_EQ(error_of("keys: {a: 1\t\n"),
            "s.yaml:2:1: E_YAML: invalid YAML: end of map flow not found");
}

// yaml-cpp takes bytes that are not UTF-8 as they are, and stops at a NUL without a word.
TEST(ScenarioReaderTest, EYamlForBytesThatAreNotText) {
  EXPECT_EQ(error_of("resources:\n  caf\xe9: {}\n"),
            "s.yaml:2:6: E_YAML: invalid YAML: expected UTF-8 text, found the byte 0xE9, which is "
            "not valid UTF-8 here; save the file as UTF-8");
  EXPECT_EQ(error_of(std::string_view("keys: {}\nvaults: {\0}\n", 20)),
            "s.yaml:2:10: E_YAML: invalid YAML: expected text, found the control character U+0000 "
            "(NUL)");
  EXPECT_EQ(error_of("keys: {}\n# \x1b[31m\n"),
            "s.yaml:2:3: E_YAML: invalid YAML: expected text, found the control character U+001B "
            "(ESC)");
  // A byte order mark, tabs and CRLF line ends are text.
  EXPECT_EQ(error_of("\xef\xbb\xbfkeys: {}\r\n# a\tb \xc3\xa9\r\n"), "ok");
}

// ---------------------------------------------------------------------------------------------
// E_SCENARIO_KEY

TEST(ScenarioReaderTest, EScenarioKeyWithASuggestion) {
  EXPECT_EQ(error_of(with_key("    alais: alias/test-key-multi\n")),
            "s.yaml:4:5: E_SCENARIO_KEY: unknown key 'alais' in key 'k'; did you mean 'alias'?");
}

TEST(ScenarioReaderTest, EScenarioKeyListsTheKeysWhenNothingIsClose) {
  EXPECT_EQ(error_of(with_key("    colour: blue\n")),
            "s.yaml:4:5: E_SCENARIO_KEY: unknown key 'colour' in key 'k'; expected one of arn, "
            "region, account, alias, aliases, manager, multi_region, primary, state, shared_with, "
            "shared_with_unknown, spec, usage, address");
}

TEST(ScenarioReaderTest, EScenarioKeyAtTheTopLevel) {
  EXPECT_EQ(error_of("keys: {}\nresorces: {}\n"),
            "s.yaml:2:1: E_SCENARIO_KEY: unknown key 'resorces' at the top level; did you mean "
            "'resources'?");
}

TEST(ScenarioReaderTest, EScenarioKeyInAVault) {
  EXPECT_EQ(error_of(R"(vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
    allow_copy_from: []
)"),
            "s.yaml:4:5: E_SCENARIO_KEY: unknown key 'allow_copy_from' in vault 'v'; did you mean "
            "'allows_copy_from'?");
}

TEST(ScenarioReaderTest, EScenarioKeyInAPlanRule) {
  EXPECT_EQ(error_of(R"(plans:
  p:
    rules:
      - {name: r, vualt: v}
    resources: []
)"),
            "s.yaml:4:19: E_SCENARIO_KEY: unknown key 'vualt' in rule #1 of plan 'p'; did you mean "
            "'vault'?");
}

TEST(ScenarioReaderTest, EScenarioKeyForAMisspeltAirGappedVault) {
  EXPECT_EQ(error_of(R"(plans:
  p:
    rules:
      - name: r
        vault: v
        air_gaped_vault: lag
    resources: []
)"),
            "s.yaml:6:9: E_SCENARIO_KEY: unknown key 'air_gaped_vault' in rule #1 of plan 'p'; "
            "did you mean 'air_gapped_vault'?");
}

TEST(ScenarioReaderTest, EScenarioKeyForAnUnknownJobKind) {
  EXPECT_EQ(error_of("jobs:\n  - cpy: {from: a@v, to: w}\n"),
            "s.yaml:2:5: E_SCENARIO_KEY: unknown key 'cpy' in job #1; did you mean 'copy'?");
}

TEST(ScenarioReaderTest, EScenarioKeyInsideAJob) {
  EXPECT_EQ(error_of("jobs:\n  - restore: {from: a@v, region: us-east-1}\n"),
            "s.yaml:2:26: E_SCENARIO_KEY: unknown key 'region' in restore job #1; expected one of "
            "from, key, account");
}

TEST(ScenarioReaderTest, EScenarioKeyForTwoJobKindsInOneItem) {
  EXPECT_EQ(error_of("jobs:\n  - copy: {from: a@v, to: w}\n    restore: {from: a@v}\n"),
            "s.yaml:3:5: E_SCENARIO_KEY: job #1 has both 'copy' and 'restore'; each job is exactly "
            "one of copy, native_copy, restore");
}

TEST(ScenarioReaderTest, EScenarioKeyForAliasAndAliases) {
  EXPECT_EQ(error_of(with_key("    aliases: [alias/a]\n    alias: alias/b\n")),
            "s.yaml:5:5: E_SCENARIO_KEY: key 'k' has both 'alias' and 'aliases'; give one alias "
            "with 'alias' or a list with 'aliases'");
}

TEST(ScenarioReaderTest, EScenarioKeyInAnOptionGroup) {
  EXPECT_EQ(
      error_of(R"(resources:
  r:
    arn: arn:aws:rds:us-east-1:111111111111:db:r
    type: rds-instance
    key: none
    option_group: {name: og, region: [us-east-1]}
)"),
      "s.yaml:6:30: E_SCENARIO_KEY: unknown key 'region' in the option_group of resource 'r'; "
      "did you mean 'regions'?");
}

// ---------------------------------------------------------------------------------------------
// E_SCENARIO_TYPE

TEST(ScenarioReaderTest, EScenarioTypeForAMapWhereAListBelongs) {
  EXPECT_EQ(error_of(with_key("    shared_with: {account: \"222222222222\"}\n")),
            "s.yaml:4:18: E_SCENARIO_TYPE: expected a list of account ids, or unknown, for "
            "'shared_with', found a map");
}

TEST(ScenarioReaderTest, SharedWithUnknown) {  // issue 9, item 1
  Result<ModelInput> in = read_scenario(with_key("    shared_with: unknown\n"), "s.yaml");
  ASSERT_TRUE(in) << in.error().to_string();
  EXPECT_THAT(in->keys[0].shared_with, ::testing::IsEmpty());
  EXPECT_EQ(in->keys[0].shared_with_unknown, "shared_with is unknown (s.yaml:4:18)");
  EXPECT_EQ(error_of(with_key("    shared_with: nobody\n")),
            "s.yaml:4:18: E_SCENARIO_TYPE: expected a list of account ids, or unknown, for "
            "'shared_with', found 'nobody'");
}

TEST(ScenarioReaderTest, EScenarioTypeForAListElementThatIsNotAString) {
  EXPECT_EQ(error_of(with_key("    shared_with: [[\"222222222222\"]]\n")),
            "s.yaml:4:19: E_SCENARIO_TYPE: expected an account id, an organization id or \"*\" in "
            "'shared_with', found a list");
}

TEST(ScenarioReaderTest, EScenarioTypeForAnEmptyFile) {
  EXPECT_EQ(error_of(""),
            "s.yaml:1:1: E_SCENARIO_TYPE: expected a map of sections (as_of, accounts, keys, "
            "resources, vaults, plans, jobs) at the top level, found nothing");
  EXPECT_EQ(error_of("# only a comment\n"),
            "s.yaml:1:1: E_SCENARIO_TYPE: expected a map of sections (as_of, accounts, keys, "
            "resources, vaults, plans, jobs) at the top level, found nothing");
}

TEST(ScenarioReaderTest, EScenarioTypeForATopLevelList) {
  EXPECT_EQ(error_of("- keys\n- vaults\n"),
            "s.yaml:1:1: E_SCENARIO_TYPE: expected a map of sections (as_of, accounts, keys, "
            "resources, vaults, plans, jobs) at the top level, found a list");
}

TEST(ScenarioReaderTest, EScenarioTypeForASecondDocument) {
  EXPECT_EQ(error_of("keys: {}\n---\nvaults: {}\n"),
            "s.yaml:3:1: E_SCENARIO_TYPE: expected one YAML document, found a second one; give "
            "each scenario its own file");
}

// yaml-cpp 0.7's LoadAll loops for ever (and eats all memory) on a document that starts with a
// stray ',' (jbeder/yaml-cpp#1040); the reader reports it instead.
TEST(ScenarioReaderTest, EYamlForAStrayCommaAfterADocumentMarker) {
  EXPECT_EQ(error_of("keys: {}\n---\n,\n"), "s.yaml:3:1: E_YAML: invalid YAML: unexpected ','");
}

TEST(ScenarioReaderTest, EScenarioTypeForASectionOfTheWrongKind) {
  EXPECT_EQ(error_of("keys:\n  - k\n"),
            "s.yaml:2:3: E_SCENARIO_TYPE: expected a map of keys by name for 'keys', found a list");
  EXPECT_EQ(error_of("accounts: [\"111111111111\"]\n"),
            "s.yaml:1:11: E_SCENARIO_TYPE: expected a map of accounts by id for 'accounts', found "
            "a list");
  EXPECT_EQ(error_of("jobs: {copy: {from: a@v, to: w}}\n"),
            "s.yaml:1:7: E_SCENARIO_TYPE: expected a list of jobs for 'jobs', found a map");
}

TEST(ScenarioReaderTest, EScenarioTypeForAnEntryThatIsNotAMap) {
  EXPECT_EQ(error_of("keys:\n  k: arn:aws:kms:us-east-1:111111111111:key/x\n"),
            "s.yaml:2:6: E_SCENARIO_TYPE: expected a map for key 'k', found "
            "'arn:aws:kms:us-east-1:111111111111:key/x'");
  EXPECT_EQ(error_of("vaults:\n  v:\n"),
            "s.yaml:2:3: E_SCENARIO_TYPE: expected a map for vault 'v', found nothing");
}

TEST(ScenarioReaderTest, EScenarioTypeForABadBoolean) {
  EXPECT_EQ(error_of(R"(plans:
  p:
    rules:
      - name: r
        vault: v
        continuous: yes
    resources: []
)"),
            "s.yaml:6:21: E_SCENARIO_TYPE: expected true or false for 'continuous', found 'yes'");
}

TEST(ScenarioReaderTest, EScenarioTypeForAScalarAllowsCopyFrom) {
  EXPECT_EQ(error_of(R"(vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
    allows_copy_from: "*"
)"),
            "s.yaml:4:23: E_SCENARIO_TYPE: expected a list of account ids, or unknown, for "
            "'allows_copy_from', found '*'");
}

TEST(ScenarioReaderTest, EScenarioTypeForAJobThatIsNotAMap) {
  EXPECT_EQ(error_of("jobs:\n  - copy aurora@v\n"),
            "s.yaml:2:5: E_SCENARIO_TYPE: expected a map with one of copy, native_copy, restore "
            "for job #1, found 'copy aurora@v'");
  EXPECT_EQ(error_of("jobs:\n  - copy: aurora@v\n"),
            "s.yaml:2:11: E_SCENARIO_TYPE: expected a map with from and to for 'copy', found "
            "'aurora@v'");
}

TEST(ScenarioReaderTest, EScenarioTypeForAnAirGappedVaultList) {
  EXPECT_EQ(error_of(R"(plans:
  p:
    rules:
      - {name: r, vault: v, air_gapped_vault: [lag]}
    resources: []
)"),
            "s.yaml:4:47: E_SCENARIO_TYPE: expected a vault name or ARN for 'air_gapped_vault', "
            "found a list");
}

TEST(ScenarioReaderTest, EScenarioTypeForAKeySpecGivenAList) {
  EXPECT_EQ(error_of(with_key("    spec: [HMAC_256]\n")),
            "s.yaml:4:11: E_SCENARIO_TYPE: expected one of SYMMETRIC_DEFAULT, RSA_2048, RSA_3072, "
            "RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, HMAC_224, "
            "HMAC_256, HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87 for 'spec', found "
            "a list");
  EXPECT_EQ(error_of(with_key("    usage:\n")),
            "s.yaml:4:5: E_SCENARIO_TYPE: expected one of ENCRYPT_DECRYPT, SIGN_VERIFY, "
            "GENERATE_VERIFY_MAC, KEY_AGREEMENT for 'usage', found nothing");
}

TEST(ScenarioReaderTest, EScenarioTypeForAMissingValue) {
  EXPECT_EQ(error_of(with_key("    state:\n")),
            "s.yaml:4:5: E_SCENARIO_TYPE: expected a KMS key state like Enabled for 'state', "
            "found nothing");
}

TEST(ScenarioReaderTest, EScenarioTypeForATagValue) {
  EXPECT_EQ(error_of(R"(resources:
  r:
    arn: arn:aws:rds:us-east-1:111111111111:db:r
    type: rds-instance
    key: none
    tags: {env: [a, b]}
)"),
            "s.yaml:6:17: E_SCENARIO_TYPE: expected a string for tag 'env', found a list");
}

TEST(ScenarioReaderTest, EScenarioTypeForANonStringKey) {
  EXPECT_EQ(error_of("keys:\n  ? [a, b]\n  : {}\n"),
            "s.yaml:2:5: E_SCENARIO_TYPE: expected a string as a key in 'keys', found a list");
}

// ---------------------------------------------------------------------------------------------
// E_SCENARIO_MISSING

TEST(ScenarioReaderTest, EScenarioMissingArn) {
  EXPECT_EQ(error_of("keys:\n  test-key-multi:\n    alias: alias/test-key-multi\n"),
            "s.yaml:2:3: E_SCENARIO_MISSING: key 'test-key-multi' has no 'arn'; expected an ARN "
            "like arn:aws:kms:REGION:ACCOUNT:key/KEY-ID");
}

TEST(ScenarioReaderTest, EScenarioMissingResourceFields) {
  EXPECT_EQ(error_of(R"(resources:
  aurora:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:a
    key: none
)"),
            "s.yaml:2:3: E_SCENARIO_MISSING: resource 'aurora' has no 'type'; expected one of "
            "aurora, rds-instance, rds-multiaz-cluster, docdb, neptune");
  EXPECT_EQ(error_of(R"(resources:
  aurora:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:a
    type: aurora
)"),
            "s.yaml:2:3: E_SCENARIO_MISSING: resource 'aurora' has no 'key'; expected a key name, "
            "key ARN or alias, or none for an unencrypted resource");
}

TEST(ScenarioReaderTest, EScenarioMissingVaultArn) {
  EXPECT_EQ(error_of("vaults:\n  v: {type: standard}\n"),
            "s.yaml:2:3: E_SCENARIO_MISSING: vault 'v' has no 'arn'; expected an ARN like "
            "arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME");
}

TEST(ScenarioReaderTest, EScenarioMissingPlanFields) {
  EXPECT_EQ(error_of("plans:\n  p:\n    rules: []\n"),
            "s.yaml:2:3: E_SCENARIO_MISSING: plan 'p' has no 'resources'; expected a list of "
            "resource names or ARNs ([] for none)");
  EXPECT_EQ(error_of("plans:\n  p:\n    resources: []\n"),
            "s.yaml:2:3: E_SCENARIO_MISSING: plan 'p' has no 'rules'; expected a list of backup "
            "rules");
  EXPECT_EQ(error_of("plans:\n  p:\n    resources: []\n    rules:\n      - name: r\n"),
            "s.yaml:5:9: E_SCENARIO_MISSING: rule #1 of plan 'p' has no 'vault'; expected a vault "
            "name or ARN");
}

TEST(ScenarioReaderTest, EScenarioMissingJobFields) {
  EXPECT_EQ(
      error_of("jobs:\n  - copy: {from: aurora@v}\n"),
      "s.yaml:2:5: E_SCENARIO_MISSING: copy job #1 has no 'to'; expected a vault name or ARN");
  EXPECT_EQ(error_of("jobs:\n  - copy: {to: w}\n  - restore: {}\n"),
            "s.yaml:2:5: E_SCENARIO_MISSING: copy job #1 has no 'from'; expected a recovery point "
            "like RESOURCE@VAULT");
  EXPECT_EQ(error_of("jobs:\n  - {}\n"),
            "s.yaml:2:5: E_SCENARIO_MISSING: job #1 is empty; expected one of copy, native_copy, "
            "restore");
}

TEST(ScenarioReaderTest, EScenarioMissingOptionGroupName) {
  EXPECT_EQ(error_of(R"(resources:
  r:
    arn: arn:aws:rds:us-east-1:111111111111:db:r
    type: rds-instance
    key: none
    option_group: {regions: [us-east-1]}
)"),
            "s.yaml:6:19: E_SCENARIO_MISSING: the option_group of resource 'r' has no 'name'; "
            "expected the option group's name");
}

// ---------------------------------------------------------------------------------------------
// E_SCENARIO_VALUE

TEST(ScenarioReaderTest, EScenarioValueForABadManager) {
  EXPECT_EQ(error_of(with_key("    manager: awss\n")),
            "s.yaml:4:14: E_SCENARIO_VALUE: expected one of customer, aws, unknown for 'manager', "
            "found 'awss'; did you mean 'aws'?");
}

TEST(ScenarioReaderTest, EScenarioValueForBadEnumerations) {
  EXPECT_EQ(error_of(with_key("    multi_region: secondary\n")),
            "s.yaml:4:19: E_SCENARIO_VALUE: expected one of none, primary, replica for "
            "'multi_region', found 'secondary'");
  EXPECT_EQ(error_of(R"(vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
    type: air-gapped
)"),
            "s.yaml:4:11: E_SCENARIO_VALUE: expected one of standard, logically-air-gapped, "
            "restore-access for 'type', found 'air-gapped'");
  EXPECT_EQ(error_of(R"(vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
    type: restore_access
)"),
            "s.yaml:4:11: E_SCENARIO_VALUE: expected one of standard, logically-air-gapped, "
            "restore-access for 'type', found 'restore_access'; did you mean 'restore-access'?");
}

TEST(ScenarioReaderTest, EScenarioTypeForAnEnumerationGivenAList) {
  EXPECT_EQ(error_of(with_key("    manager: [aws]\n")),
            "s.yaml:4:14: E_SCENARIO_TYPE: expected one of customer, aws, unknown for 'manager', "
            "found a list");
}

TEST(ScenarioReaderTest, EScenarioValueForABadKeySpec) {
  EXPECT_EQ(error_of(with_key("    spec: HMAC_255\n")),
            "s.yaml:4:11: E_SCENARIO_VALUE: expected one of SYMMETRIC_DEFAULT, RSA_2048, RSA_3072, "
            "RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, HMAC_224, "
            "HMAC_256, HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87 for 'spec', found "
            "'HMAC_255'; did you mean 'HMAC_256'?");
  // KMS spells them in upper case; a lower-case spelling is not accepted, but is recognised.
  EXPECT_EQ(error_of(with_key("    spec: hmac_256\n")),
            "s.yaml:4:11: E_SCENARIO_VALUE: expected one of SYMMETRIC_DEFAULT, RSA_2048, RSA_3072, "
            "RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, HMAC_224, "
            "HMAC_256, HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87 for 'spec', found "
            "'hmac_256'; did you mean 'HMAC_256'?");
  EXPECT_EQ(error_of(with_key("    spec: AES\n")),
            "s.yaml:4:11: E_SCENARIO_VALUE: expected one of SYMMETRIC_DEFAULT, RSA_2048, RSA_3072, "
            "RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, HMAC_224, "
            "HMAC_256, HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87 for 'spec', found "
            "'AES'");
  EXPECT_EQ(error_of(with_key("    spec: \"\"\n")),
            "s.yaml:4:11: E_SCENARIO_VALUE: expected one of SYMMETRIC_DEFAULT, RSA_2048, RSA_3072, "
            "RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, HMAC_224, "
            "HMAC_256, HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87 for 'spec', found "
            "an empty string");
}

TEST(ScenarioReaderTest, EScenarioValueForABadKeyUsage) {
  EXPECT_EQ(error_of(with_key("    usage: ENCRYPT-DECRYPT\n")),
            "s.yaml:4:12: E_SCENARIO_VALUE: expected one of ENCRYPT_DECRYPT, SIGN_VERIFY, "
            "GENERATE_VERIFY_MAC, KEY_AGREEMENT for 'usage', found 'ENCRYPT-DECRYPT'; did you mean "
            "'ENCRYPT_DECRYPT'?");
  EXPECT_EQ(error_of(with_key("    usage: DECRYPT\n")),
            "s.yaml:4:12: E_SCENARIO_VALUE: expected one of ENCRYPT_DECRYPT, SIGN_VERIFY, "
            "GENERATE_VERIFY_MAC, KEY_AGREEMENT for 'usage', found 'DECRYPT'");
}

TEST(ScenarioReaderTest, EScenarioValueForAKeyNamedAwsOwned) {
  EXPECT_EQ(error_of("keys:\n  aws-owned:\n    arn: arn:aws:kms:us-east-1:111111111111:key/"
                     "11111111-2222-3333-4444-555555555555\n"),
            "s.yaml:2:3: E_SCENARIO_VALUE: a key cannot be named 'aws-owned', which is the key "
            "reference of the AWS owned key of Aurora's default encryption (sse-rds); give the key "
            "another name");
}

TEST(ScenarioReaderTest, EScenarioValueForAnEmptyAirGappedVault) {
  EXPECT_EQ(error_of("plans:\n  p:\n    rules: [{name: r, vault: v, air_gapped_vault: \"\"}]\n"
                     "    resources: []\n"),
            "s.yaml:3:51: E_SCENARIO_VALUE: expected a vault name or ARN for 'air_gapped_vault', "
            "found an empty string");
}

TEST(ScenarioReaderTest, EScenarioValueForAnAliasWithoutPrefix) {
  EXPECT_EQ(error_of(with_key("    alias: test-key\n")),
            "s.yaml:4:12: E_SCENARIO_VALUE: expected an alias name like alias/NAME for 'alias', "
            "found 'test-key'");
  EXPECT_EQ(error_of(with_key("    aliases: [alias/a, b]\n")),
            "s.yaml:4:24: E_SCENARIO_VALUE: expected an alias name like alias/NAME for 'aliases', "
            "found 'b'");
}

TEST(ScenarioReaderTest, EScenarioValueForABadOrganization) {
  EXPECT_EQ(error_of("accounts:\n  \"111111111111\": {organization: example}\n"),
            "s.yaml:2:34: E_SCENARIO_VALUE: expected an organization id like o-a1b2c3d4e5, or "
            "none, for 'organization', found 'example'");
  EXPECT_EQ(error_of(with_key("    shared_with: [o-]\n")),
            "s.yaml:4:19: E_SCENARIO_VALUE: expected an organization id like o-a1b2c3d4e5 in "
            "'shared_with', found 'o-'");
}

TEST(ScenarioReaderTest, EScenarioValueForAnEmptyString) {
  EXPECT_EQ(error_of("plans:\n  p:\n    rules: [{name: r, vault: \"\"}]\n    resources: []\n"),
            "s.yaml:3:30: E_SCENARIO_VALUE: expected a vault name or ARN for 'vault', found an "
            "empty string");
}

TEST(ScenarioReaderTest, EScenarioValueForAnEmptyName) {
  EXPECT_EQ(
      error_of(
          "vaults:\n  \"\": {arn: \"arn:aws:backup:us-east-1:111111111111:backup-vault:v\"}\n"),
      "s.yaml:2:3: E_SCENARIO_VALUE: expected a name for each entry of 'vaults', found an "
      "empty string");
}

TEST(ScenarioReaderTest, EScenarioValueForAVaultWithoutKey) {
  EXPECT_EQ(error_of(R"(vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
    key: none
)"),
            "s.yaml:4:10: E_SCENARIO_VALUE: a vault is always encrypted; leave out 'key' for the "
            "default key (alias/aws/backup, or the AWS owned key of a logically air-gapped vault)");
}

TEST(ScenarioReaderTest, EScenarioValueForPrimaryOnANonReplica) {
  EXPECT_EQ(error_of(with_key("    multi_region: primary\n    primary: other\n")),
            "s.yaml:5:14: E_SCENARIO_VALUE: 'primary' names the primary of a replica key, but key "
            "'k' has multi_region: primary");
}

// ---------------------------------------------------------------------------------------------
// E_DUPLICATE_NAME

TEST(ScenarioReaderTest, EDuplicateNameForAKeyDefinedTwice) {
  EXPECT_EQ(error_of(R"(keys:
  k:
    arn: arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555
  k:
    arn: arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555556
)"),
            "s.yaml:4:3: E_DUPLICATE_NAME: 'k' is given twice in 'keys', at lines 2 and 4; keep "
            "one");
}

TEST(ScenarioReaderTest, EDuplicateNameForAFieldGivenTwice) {
  EXPECT_EQ(error_of(with_key("    manager: aws\n    manager: customer\n")),
            "s.yaml:5:5: E_DUPLICATE_NAME: 'manager' is given twice in key 'k', at lines 4 and 5; "
            "keep one");
}

TEST(ScenarioReaderTest, EDuplicateNameForASectionGivenTwice) {
  EXPECT_EQ(error_of("keys: {}\nvaults: {}\nkeys: {}\n"),
            "s.yaml:3:1: E_DUPLICATE_NAME: 'keys' is given twice at the top level, at lines 1 and "
            "3; keep one");
}

// ---------------------------------------------------------------------------------------------
// E_ARN_KIND

TEST(ScenarioReaderTest, EArnKindForAnAliasArnAsAKeyArn) {
  EXPECT_EQ(error_of("keys:\n  k: {arn: \"arn:aws:kms:us-east-1:111111111111:alias/k\"}\n"),
            "s.yaml:2:12: E_ARN_KIND: expected a KMS key ARN like "
            "arn:aws:kms:REGION:ACCOUNT:key/KEY-ID for 'arn', found "
            "'arn:aws:kms:us-east-1:111111111111:alias/k'");
}

TEST(ScenarioReaderTest, EArnKindForAnInstanceArnOnAnAuroraCluster) {
  EXPECT_EQ(error_of(R"(resources:
  aurora:
    arn: arn:aws:rds:us-east-1:111111111111:db:aurora
    type: aurora
    key: none
)"),
            "s.yaml:3:10: E_ARN_KIND: expected a DB cluster ARN like "
            "arn:aws:rds:REGION:ACCOUNT:cluster:NAME for a resource of type aurora, found "
            "'arn:aws:rds:us-east-1:111111111111:db:aurora'");
}

TEST(ScenarioReaderTest, EArnKindForAVaultAndAPlan) {
  EXPECT_EQ(
      error_of("vaults:\n  v: {arn: \"arn:aws:backup:us-east-1:111111111111:backup-plan:p\"}\n"),
      "s.yaml:2:12: E_ARN_KIND: expected a backup vault ARN like "
      "arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME for 'arn', found "
      "'arn:aws:backup:us-east-1:111111111111:backup-plan:p'");
  EXPECT_EQ(error_of("plans:\n  p:\n    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v\n"
                     "    rules: []\n    resources: []\n"),
            "s.yaml:3:10: E_ARN_KIND: expected a backup plan ARN like "
            "arn:aws:backup:REGION:ACCOUNT:backup-plan:PLAN-ID for 'arn', found "
            "'arn:aws:backup:us-east-1:111111111111:backup-vault:v'");
}

// ---------------------------------------------------------------------------------------------
// Errors of the parse_* functions keep their id and message and move to the value at fault.

TEST(ScenarioReaderTest, ArnErrorsPointAtTheValue) {
  const Error expected = parse_arn("arn:aws:kms:us-east-1").error();
  EXPECT_EQ(error_of("keys:\n  k:\n    arn: arn:aws:kms:us-east-1\n"),
            "s.yaml:3:10: " + expected.id + ": " + expected.message);
  EXPECT_EQ(expected.id, "E_ARN");
}

TEST(ScenarioReaderTest, ReferencesThatAreArnsAreChecked) {
  const Error expected = parse_arn("arn:aws:kms:us-east-9:111111111111:key/x").error();
  EXPECT_EQ(error_of(R"(resources:
  r:
    arn: arn:aws:rds:us-east-1:111111111111:db:r
    type: rds-instance
    key: arn:aws:kms:us-east-9:111111111111:key/x
)"),
            "s.yaml:5:10: " + expected.id + ": " + expected.message);
  EXPECT_EQ(expected.id, "E_REGION");
}

TEST(ScenarioReaderTest, AirGappedVaultArnsAreChecked) {
  const Error expected = parse_arn("arn:aws:backup:us-east-1").error();
  EXPECT_EQ(error_of(R"(plans:
  p:
    rules:
      - name: r
        vault: v
        air_gapped_vault: arn:aws:backup:us-east-1
    resources: []
)"),
            "s.yaml:6:27: " + expected.id + ": " + expected.message);
  EXPECT_EQ(expected.id, "E_ARN");
}

TEST(ScenarioReaderTest, RegionErrorsPointAtTheValue) {
  const Error expected = parse_region("us-east-l").error();
  EXPECT_EQ(error_of("jobs:\n  - native_copy: {from: a@v, region: us-east-l}\n"),
            "s.yaml:2:38: " + expected.id + ": " + expected.message);
  EXPECT_EQ(expected.id, "E_REGION");
  EXPECT_EQ(error_of(R"(resources:
  r:
    arn: arn:aws:rds:us-east-1:111111111111:db:r
    type: rds-instance
    key: none
    option_group:
      name: og
      regions: [us-east-1, us-east-l]
)"),
            "s.yaml:8:28: " + expected.id + ": " + expected.message);
}

TEST(ScenarioReaderTest, AccountIdErrorsPointAtTheValue) {
  const Error expected = parse_account_id("22222222222").error();
  EXPECT_EQ(expected.id, "E_ACCOUNT_ID");
  EXPECT_EQ(error_of(with_key("    shared_with: [\"222222222222\", \"22222222222\"]\n")),
            "s.yaml:4:35: " + expected.id + ": " + expected.message);
  EXPECT_EQ(error_of("accounts:\n  \"22222222222\": {}\n"),
            "s.yaml:2:3: " + expected.id + ": " + expected.message);
  EXPECT_EQ(error_of("jobs:\n  - restore: {from: a@v, account: \"22222222222\"}\n"),
            "s.yaml:2:35: " + expected.id + ": " + expected.message);
}

TEST(ScenarioReaderTest, DateErrorsPointAtTheValue) {
  const Error expected = parse_date("2026-02-30").error();
  EXPECT_EQ(expected.id, "E_DATE");
  EXPECT_EQ(error_of("keys: {}\nas_of: 2026-02-30\n"),
            "s.yaml:2:8: " + expected.id + ": " + expected.message);
}

TEST(ScenarioReaderTest, KeyStateErrorsPointAtTheValue) {
  const Error expected = parse_key_state("enabled").error();
  EXPECT_EQ(expected.id, "E_KEY_STATE");
  EXPECT_EQ(error_of(with_key("    state: enabled\n")),
            "s.yaml:4:12: " + expected.id + ": " + expected.message);
}

TEST(ScenarioReaderTest, ResourceTypeErrorsPointAtTheValue) {
  const Error expected = parse_resource_type("postgres").error();
  EXPECT_EQ(expected.id, "E_RESOURCE_TYPE");
  EXPECT_EQ(error_of(R"(resources:
  r:
    arn: arn:aws:rds:us-east-1:111111111111:db:r
    type: postgres
    key: none
)"),
            "s.yaml:4:11: " + expected.id + ": " + expected.message);
}

TEST(ScenarioReaderTest, RecoveryPointRefErrorsPointAtTheValue) {
  const Error expected = parse_recovery_point_ref("aurora").error();
  EXPECT_EQ(expected.id, "E_RECOVERY_POINT_REF");
  EXPECT_EQ(error_of("jobs:\n  - restore:\n      from: aurora\n"),
            "s.yaml:3:13: " + expected.id + ": " + expected.message);
}

// ---------------------------------------------------------------------------------------------
// combine()

ModelInput input_with(std::string_view yaml, std::string_view file) {
  Result<ModelInput> input = read_scenario(yaml, file);
  if (!input) ADD_FAILURE() << describe(input.error());
  return input ? std::move(*input) : ModelInput{};
}

TEST(CombineTest, ConcatenatesInOrder) {
  std::vector<ModelInput> inputs;
  inputs.push_back(input_with(with_key("") + "as_of: 2026-11-28\n", "a.yaml"));
  inputs.push_back(input_with(R"(vaults:
  v:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:v
keys:
  k2:
    arn: arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555556
jobs:
  - copy: {from: r@v, to: w}
)",
                              "b.yaml"));
  Result<ModelInput> combined = combine(std::move(inputs));
  ASSERT_TRUE(combined) << describe(combined.error());
  ASSERT_TRUE(combined->as_of.has_value());
  EXPECT_EQ(combined->as_of->to_string(), "2026-11-28");
  ASSERT_EQ(combined->keys.size(), 2u);
  EXPECT_EQ(combined->keys[0].name, "k");
  EXPECT_EQ(combined->keys[0].location, at(2, 3, "a.yaml"));
  EXPECT_EQ(combined->keys[1].name, "k2");
  EXPECT_EQ(combined->keys[1].location, at(5, 3, "b.yaml"));
  ASSERT_EQ(combined->vaults.size(), 1u);
  EXPECT_EQ(combined->vaults[0].location, at(2, 3, "b.yaml"));
  ASSERT_EQ(combined->jobs.size(), 1u);
  EXPECT_THAT(combined->resources, IsEmpty());
}

TEST(CombineTest, TheSameAsOfTwiceIsFine) {
  std::vector<ModelInput> inputs;
  inputs.push_back(input_with("as_of: 2026-11-28\n", "a.yaml"));
  inputs.push_back(input_with("as_of: 2026-11-28\n", "b.yaml"));
  Result<ModelInput> combined = combine(std::move(inputs));
  ASSERT_TRUE(combined) << describe(combined.error());
  EXPECT_EQ(combined->as_of->to_string(), "2026-11-28");
}

TEST(CombineTest, NoInputsMakeAnEmptyInput) {
  Result<ModelInput> combined = combine({});
  ASSERT_TRUE(combined);
  EXPECT_FALSE(combined->as_of.has_value());
  EXPECT_THAT(combined->keys, IsEmpty());
}

TEST(CombineTest, EAsOfConflict) {
  std::vector<ModelInput> inputs;
  inputs.push_back(input_with(with_key("") + "as_of: 2026-11-28\n", "a.yaml"));
  inputs.push_back(input_with("vaults: {}\n", "b.yaml"));
  inputs.push_back(input_with(with_key("") + "as_of: 2025-06-01\n", "c.yaml"));
  Result<ModelInput> combined = combine(std::move(inputs));
  ASSERT_FALSE(combined);
  EXPECT_EQ(describe(combined.error()),
            "c.yaml:0:0: E_AS_OF_CONFLICT: as_of is 2026-11-28 in a.yaml but 2025-06-01 in "
            "c.yaml; give the same date in every file, or as_of in one file only");
}

TEST(CombineTest, EAsOfConflictBetweenInputsWithoutFacts) {
  std::vector<ModelInput> inputs(2);
  inputs[0].as_of = Date{2026, 11, 28};
  inputs[1].as_of = Date{2026, 1, 2};
  Result<ModelInput> combined = combine(std::move(inputs));
  ASSERT_FALSE(combined);
  EXPECT_EQ(describe(combined.error()),
            ":0:0: E_AS_OF_CONFLICT: as_of is 2026-11-28 in input #1 but 2026-01-02 in input #2; "
            "give the same date in every file, or as_of in one file only");
}

}  // namespace
}  // namespace snapkey::io
