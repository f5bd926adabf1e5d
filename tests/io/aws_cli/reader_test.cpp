// The saved AWS CLI output reader (docs/aws-cli-input.md): every command kind, every field read,
// unknown and missing values, merging, and every error with its whole message and location.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "snapkey/io/aws_cli.hpp"
#include "snapkey/predict.hpp"

namespace snapkey {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* kA = "111111111111";
constexpr const char* kB = "222222222222";
constexpr const char* kMrk = "mrk-0123456789abcdef0123456789abcdef";
constexpr const char* kUuid = "1234abcd-12ab-34cd-56ef-1234567890ab";
constexpr const char* kUuid2 = "5678abcd-12ab-34cd-56ef-1234567890ab";

std::string key_arn(const std::string& region, const std::string& id,
                    const std::string& account = kA) {
  return fmt::format("arn:aws:kms:{}:{}:key/{}", region, account, id);
}
std::string vault_arn(const std::string& region, const std::string& name,
                      const std::string& account = kA) {
  return fmt::format("arn:aws:backup:{}:{}:backup-vault:{}", region, account, name);
}

// Each test writes its export into a fresh temporary folder.
class AwsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::temp_directory_path() /
            fmt::format("snapkey-aws-cli-{}-{}", getpid(),
                        ::testing::UnitTest::GetInstance()->current_test_info()->name()))
               .generic_string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes `text` at `relative` below the folder; returns its path.
  std::string write(const std::string& relative, std::string_view text) {
    const std::string path = at(relative);
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path) << text;
    return path;
  }
  std::string at(const std::string& relative) const { return dir_ + "/" + relative; }

  Result<ModelInput> read() const { return io::read_aws_cli_export({dir_}); }
  ModelInput read_ok() const {
    auto input = read();
    EXPECT_TRUE(input) << input.error().to_string();
    return input ? std::move(input).value() : ModelInput{};
  }
  Error read_error() const {
    auto input = read();
    EXPECT_FALSE(input);
    return input ? Error{} : input.error();
  }
  Location place(const std::string& relative, const std::string& pointer) const {
    return Location{at(relative), 0, 0, pointer};
  }

  std::string dir_;
};

template <typename T>
const T* by_arn(const std::vector<T>& items, const std::string& arn) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.arn == arn; });
  return it == items.end() ? nullptr : &*it;
}
template <typename T>
const T* by_name(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.name == name; });
  return it == items.end() ? nullptr : &*it;
}

// ---------------------------------------------------------------------------------------------
// The shared estate (tests/data/estate/README.md)

const std::string kEstate = std::string(SNAPKEY_TEST_DATA) + "/estate/aws-cli";

TEST(AwsCliEstate, PredictsTheReadmeTable) {
  auto input = io::read_aws_cli_export({kEstate});
  ASSERT_TRUE(input) << input.error().to_string();
  auto model = Model::build(std::move(input).value());
  ASSERT_TRUE(model) << model.error().to_string();
  std::vector<std::string> rows;
  for (const Prediction& p : predict(*model, {}).recovery_points) {
    rows.push_back(fmt::format("{} {} {} {} {}", p.id, to_string(p.outcome),
                               p.key ? p.key->alias() : "-", p.key ? p.key->region.name : "-",
                               p.rules.back()));
  }
  EXPECT_THAT(rows, ElementsAre("billing@primary encrypted alias/aws/rds ap-northeast-1 R2",
                                "billing@Default encrypted alias/aws/rds us-east-1 R9",
                                "billing@dr encrypted alias/app-key-replica us-east-1 R7",
                                "orders@primary encrypted alias/app-key ap-northeast-1 R2",
                                "orders@Default encrypted alias/aws/rds us-east-1 R9",
                                "orders@dr encrypted alias/app-key-replica us-east-1 R7"));
}

TEST(AwsCliEstate, ReadsEveryFact) {
  auto input = io::read_aws_cli_export({kEstate});
  ASSERT_TRUE(input) << input.error().to_string();
  const ModelInput& in = *input;
  // Keys: the two MRKs, aws/rds and aws/backup of both Regions; not aws/ebs (no one uses it),
  // not aws/dynamodb (no TargetKeyId).
  std::vector<std::string> keys;
  for (const Key& k : in.keys) {
    keys.push_back(fmt::format("{} {} {} {} {} {}", k.name, k.alias(), to_string(k.manager),
                               to_string(k.multi_region), to_string(k.state), k.primary));
  }
  const std::string primary = key_arn("ap-northeast-1", kMrk);
  EXPECT_THAT(keys, ::testing::UnorderedElementsAre(
                        "app-key alias/app-key customer primary Enabled ",
                        "app-key-replica alias/app-key-replica customer replica Enabled " + primary,
                        "ap-northeast-1/aws/backup alias/aws/backup aws none Enabled ",
                        "ap-northeast-1/aws/rds alias/aws/rds aws none Enabled ",
                        "us-east-1/aws/backup alias/aws/backup aws none Enabled ",
                        "us-east-1/aws/rds alias/aws/rds aws none Enabled "));
  // Resources: the cluster and the instance; orders-1 is a member of the cluster.
  ASSERT_EQ(in.resources.size(), 2u);
  EXPECT_EQ(in.resources[0].name, "orders");
  EXPECT_EQ(in.resources[0].type, ResourceType::aurora);
  EXPECT_EQ(in.resources[0].key, primary);
  EXPECT_EQ(in.resources[1].name, "billing");
  EXPECT_EQ(in.resources[1].type, ResourceType::rds_instance);
  EXPECT_EQ(in.resources[1].key, key_arn("ap-northeast-1", "4d3c2b1a-7e6f-4a5b-8c9d-0e1f2a3b4c5d"));
  ASSERT_EQ(in.accounts.size(), 1u);
  EXPECT_EQ(in.accounts[0].organization, std::optional<std::string>("o-estate"));
  EXPECT_TRUE(in.accounts[0].cross_account_backup);
  ASSERT_EQ(in.plans.size(), 1u);
  EXPECT_EQ(in.plans[0].name, "daily");
  ASSERT_EQ(in.plans[0].selections.size(), 1u);
  EXPECT_EQ(in.plans[0].selections[0].name, "tagged");
  ASSERT_EQ(in.vaults.size(), 3u);
  for (const Vault& v : in.vaults) EXPECT_EQ(v.allows_copy_from, std::nullopt) << v.name;
}

// ---------------------------------------------------------------------------------------------
// rds / docdb / neptune describe-db-clusters, rds describe-db-instances

constexpr std::string_view kCluster = R"({"DBClusters": [{
  "DBClusterIdentifier": "c", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:c",
  "Engine": "%s", "StorageEncrypted": true, "KmsKeyId": "%s",
  "TagList": [{"Key": "backup", "Value": "daily"}, {"Key": "empty"}]}]})";

std::string cluster(std::string_view engine, std::string_view key) {
  std::string text(kCluster);
  text.replace(text.find("%s"), 2, engine);
  text.replace(text.find("%s"), 2, key);
  return text;
}

TEST_F(AwsCli, ClusterEnginesGiveTheResourceType) {
  const std::pair<std::string_view, ResourceType> engines[] = {
      {"aurora", ResourceType::aurora},
      {"aurora-mysql", ResourceType::aurora},
      {"aurora-postgresql", ResourceType::aurora},
      {"docdb", ResourceType::docdb},
      {"neptune", ResourceType::neptune},
      {"mysql", ResourceType::rds_multiaz_cluster},
      {"postgres", ResourceType::rds_multiaz_cluster},
  };
  for (const auto& [engine, type] : engines) {
    write("clusters.json", cluster(engine, key_arn("us-east-1", kUuid)));
    const ModelInput in = read_ok();
    ASSERT_EQ(in.resources.size(), 1u) << engine;
    EXPECT_EQ(in.resources[0].type, type) << engine;
  }
}

TEST_F(AwsCli, ClusterFields) {
  write("clusters.json", cluster("aurora-mysql", key_arn("us-east-1", kUuid)));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.resources.size(), 1u);
  const Resource& r = in.resources[0];
  EXPECT_EQ(r.name, "c");
  EXPECT_TRUE(r.generated_name);
  EXPECT_EQ(r.arn, "arn:aws:rds:us-east-1:111111111111:cluster:c");
  EXPECT_EQ(r.key, key_arn("us-east-1", kUuid));
  EXPECT_EQ(r.key_unknown, "");
  EXPECT_EQ(r.tags, (std::map<std::string, std::string>{{"backup", "daily"}, {"empty", ""}}));
  EXPECT_EQ(r.location, place("clusters.json", "/DBClusters/0"));
  // A key nothing describes: manager and state unknown, never guessed.
  ASSERT_EQ(in.keys.size(), 1u);
  const Key& k = in.keys[0];
  EXPECT_EQ(k.name, kUuid);
  EXPECT_EQ(k.arn, key_arn("us-east-1", kUuid));
  EXPECT_EQ(k.manager, KeyManager::unknown);
  EXPECT_EQ(k.state, KeyState::unknown);
  EXPECT_EQ(k.multi_region, MultiRegion::none);
  EXPECT_THAT(k.aliases, IsEmpty());
  EXPECT_EQ(k.location, place("clusters.json", "/DBClusters/0/KmsKeyId"));
}

TEST_F(AwsCli, UndescribedMultiRegionKeyIsCustomerManagedButStateUnknown) {
  write("clusters.json", cluster("aurora", key_arn("us-east-1", kMrk)));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.keys.size(), 1u);
  EXPECT_EQ(in.keys[0].manager, KeyManager::customer);  // AWS managed keys are single-Region
  EXPECT_EQ(in.keys[0].state, KeyState::unknown);
  EXPECT_EQ(in.keys[0].multi_region, MultiRegion::primary);
}

TEST_F(AwsCli, KeyIdAsKmsKeyIdBecomesAnArnInTheResourcesPlace) {
  write("clusters.json", cluster("aurora", kUuid));
  const ModelInput in = read_ok();
  EXPECT_EQ(in.resources[0].key, key_arn("us-east-1", kUuid));
  EXPECT_EQ(in.keys[0].arn, key_arn("us-east-1", kUuid));
}

TEST_F(AwsCli, AliasArnAsKmsKeyId) {
  // Not listed by list-aliases: a key known by its alias only.
  write("clusters.json", cluster("aurora", "arn:aws:kms:us-east-1:111111111111:alias/db"));
  ModelInput in = read_ok();
  EXPECT_EQ(in.resources[0].key, "arn:aws:kms:us-east-1:111111111111:alias/db");
  ASSERT_EQ(in.keys.size(), 1u);
  EXPECT_EQ(in.keys[0].name, "db");
  EXPECT_EQ(in.keys[0].arn, "");
  EXPECT_EQ(in.keys[0].region.name, "us-east-1");
  EXPECT_EQ(in.keys[0].account.value, kA);
  EXPECT_THAT(in.keys[0].aliases, ElementsAre("alias/db"));
  EXPECT_EQ(in.keys[0].manager, KeyManager::customer);
  EXPECT_EQ(in.keys[0].state, KeyState::unknown);
  EXPECT_TRUE(Model::build(std::move(in)));
  // Listed: the alias's key.
  write("aliases.json", fmt::format(R"({{"Aliases": [{{"AliasName": "alias/db",
    "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/db", "TargetKeyId": "{}"}}]}})",
                                    kUuid));
  in = read_ok();
  ASSERT_EQ(in.keys.size(), 1u);
  EXPECT_EQ(in.keys[0].arn, key_arn("us-east-1", kUuid));
  EXPECT_TRUE(Model::build(std::move(in)));
}

TEST_F(AwsCli, StorageEncryption) {
  write("clusters.json", fmt::format(R"({{"DBClusters": [
    {{"DBClusterIdentifier": "plain", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:plain",
     "Engine": "aurora", "StorageEncrypted": false, "StorageEncryptionType": "none"}},
    {{"DBClusterIdentifier": "owned", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:owned",
     "Engine": "aurora", "StorageEncrypted": true, "StorageEncryptionType": "sse-rds"}},
    {{"DBClusterIdentifier": "cmk", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:cmk",
     "Engine": "aurora-postgresql", "StorageEncrypted": true, "StorageEncryptionType": "sse-kms",
     "KmsKeyId": "{0}"}},
    {{"DBClusterIdentifier": "nokey", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:nokey",
     "Engine": "aurora", "StorageEncrypted": true}},
    {{"DBClusterIdentifier": "kmsnokey", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:kmsnokey",
     "Engine": "aurora", "StorageEncrypted": true, "StorageEncryptionType": "sse-kms"}},
    {{"DBClusterIdentifier": "silent", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:silent",
     "Engine": "aurora"}}]}})",
                                     key_arn("us-east-1", kUuid)));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.resources.size(), 6u);
  EXPECT_EQ(by_name(in.resources, "plain")->key, "");
  EXPECT_EQ(by_name(in.resources, "plain")->key_unknown, "");
  // sse-rds: the AWS owned key of Aurora's default encryption (R39).
  EXPECT_EQ(by_name(in.resources, "owned")->key, kAwsOwnedKey);
  EXPECT_EQ(by_name(in.resources, "owned")->key_unknown, "");
  EXPECT_EQ(by_name(in.resources, "cmk")->key, key_arn("us-east-1", kUuid));
  EXPECT_EQ(by_name(in.resources, "cmk")->key_unknown, "");
  // Outputs before 2026-02 have no StorageEncryptionType: without KmsKeyId, the key is not known.
  EXPECT_EQ(by_name(in.resources, "nokey")->key_unknown,
            "DB cluster nokey is encrypted, but its KmsKeyId was not reported");
  EXPECT_EQ(by_name(in.resources, "kmsnokey")->key_unknown,
            "DB cluster kmsnokey is encrypted, but its KmsKeyId was not reported");
  EXPECT_EQ(by_name(in.resources, "silent")->key_unknown,
            "DB cluster silent: StorageEncrypted was not reported");
  for (const Resource& r : in.resources) EXPECT_FALSE(r.default_encryption) << r.name;
  ASSERT_EQ(in.keys.size(), 1u);  // "aws-owned" is no key of the export
  EXPECT_EQ(in.keys[0].arn, key_arn("us-east-1", kUuid));
}

TEST_F(AwsCli, StorageEncryptionTypeAloneTellsTheEncryption) {
  write("clusters.json", fmt::format(R"({{"DBClusters": [
    {{"DBClusterIdentifier": "plain", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:plain",
     "Engine": "aurora", "StorageEncryptionType": "none"}},
    {{"DBClusterIdentifier": "owned", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:owned",
     "Engine": "aurora", "StorageEncryptionType": "sse-rds"}},
    {{"DBClusterIdentifier": "cmk", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:cmk",
     "Engine": "aurora", "StorageEncryptionType": "sse-kms", "KmsKeyId": "{}"}}]}})",
                                     key_arn("us-east-1", kUuid)));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.resources.size(), 3u);
  EXPECT_EQ(by_name(in.resources, "plain")->key, "");
  EXPECT_EQ(by_name(in.resources, "plain")->key_unknown, "");
  EXPECT_EQ(by_name(in.resources, "owned")->key, kAwsOwnedKey);
  EXPECT_EQ(by_name(in.resources, "cmk")->key, key_arn("us-east-1", kUuid));
}

TEST_F(AwsCli, AnAwsOwnedKeyArnIsNotRead) {
  // Whatever KmsKeyId an sse-rds cluster reports, it is not a key the customer can use.
  write("clusters.json", R"({"DBClusters": [{"DBClusterIdentifier": "owned",
    "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:owned", "Engine": "aurora-mysql",
    "StorageEncrypted": true, "StorageEncryptionType": "sse-rds",
    "KmsKeyId": "arn:aws:kms:us-east-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]})");
  ModelInput in = read_ok();
  ASSERT_EQ(in.resources.size(), 1u);
  EXPECT_EQ(in.resources[0].key, kAwsOwnedKey);
  EXPECT_THAT(in.keys, IsEmpty());
  auto model = Model::build(std::move(in));
  ASSERT_TRUE(model) << model.error().to_string();
}

TEST_F(AwsCli, SseRdsOnInstancesAndMultiAzClusters) {
  write("instances.json", R"({"DBInstances": [{"DBInstanceIdentifier": "billing",
    "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:billing", "Engine": "postgres",
    "StorageEncrypted": true, "StorageEncryptionType": "sse-rds"}]})");
  write("clusters.json", R"({"DBClusters": [{"DBClusterIdentifier": "maz",
    "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:maz", "Engine": "postgres",
    "StorageEncrypted": true, "StorageEncryptionType": "sse-rds"}]})");
  const ModelInput in = read_ok();
  ASSERT_EQ(in.resources.size(), 2u);
  EXPECT_EQ(by_name(in.resources, "billing")->key, kAwsOwnedKey);
  EXPECT_EQ(by_name(in.resources, "maz")->key, kAwsOwnedKey);
}

TEST_F(AwsCli, SseRdsOnDocumentDbOrNeptuneLeavesTheKeyUnknown) {
  // Their APIs have no StorageEncryptionType and they have no AWS owned key encryption: an output
  // that says sse-rds is not understood, so the key is not known (Model::build would reject
  // "aws-owned" on them).
  write("clusters.json", R"({"DBClusters": [
    {"DBClusterIdentifier": "docs", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:docs",
     "Engine": "docdb", "StorageEncrypted": true, "StorageEncryptionType": "sse-rds"},
    {"DBClusterIdentifier": "graph", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:graph",
     "Engine": "neptune", "StorageEncrypted": true, "StorageEncryptionType": "sse-rds"}]})");
  ModelInput in = read_ok();
  ASSERT_EQ(in.resources.size(), 2u);
  EXPECT_EQ(by_name(in.resources, "docs")->key, "");
  EXPECT_EQ(by_name(in.resources, "docs")->key_unknown,
            "DB cluster docs reports StorageEncryptionType sse-rds (an AWS owned key), which "
            "DocumentDB does not have");
  EXPECT_EQ(by_name(in.resources, "graph")->key_unknown,
            "DB cluster graph reports StorageEncryptionType sse-rds (an AWS owned key), which "
            "Neptune does not have");
  auto model = Model::build(std::move(in));
  ASSERT_TRUE(model) << model.error().to_string();
}

TEST_F(AwsCli, StorageEncryptedAndStorageEncryptionTypeMustAgree) {
  auto db = [](std::string_view encrypted, std::string_view type) {
    return fmt::format(R"({{"DBClusters": [{{"DBClusterIdentifier": "c",
      "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:c", "Engine": "aurora",
      "StorageEncrypted": {}, "StorageEncryptionType": "{}", "KmsKeyId": "{}"}}]}})",
                       encrypted, type, kUuid);
  };
  write("a.json", db("false", "sse-kms"));
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected StorageEncryptionType none at /DBClusters/0/StorageEncryptionType, as "
            "StorageEncrypted is false at /DBClusters/0/StorageEncrypted; found 'sse-kms'");
  EXPECT_EQ(e.location, place("a.json", "/DBClusters/0/StorageEncryptionType"));

  write("a.json", db("false", "sse-rds"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected StorageEncryptionType none at /DBClusters/0/StorageEncryptionType, as "
            "StorageEncrypted is false at /DBClusters/0/StorageEncrypted; found 'sse-rds'");
  EXPECT_EQ(e.location, place("a.json", "/DBClusters/0/StorageEncryptionType"));

  write("a.json", db("true", "none"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected StorageEncryptionType sse-kms or sse-rds at "
            "/DBClusters/0/StorageEncryptionType, as StorageEncrypted is true at "
            "/DBClusters/0/StorageEncrypted; found 'none'");
  EXPECT_EQ(e.location, place("a.json", "/DBClusters/0/StorageEncryptionType"));

  fs::remove(at("a.json"));
  write("instances.json", R"({"DBInstances": [{"DBInstanceIdentifier": "i",
    "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:i", "Engine": "mysql",
    "StorageEncrypted": false, "StorageEncryptionType": "sse-rds"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected StorageEncryptionType none at /DBInstances/0/StorageEncryptionType, as "
            "StorageEncrypted is false at /DBInstances/0/StorageEncrypted; found 'sse-rds'");
  EXPECT_EQ(e.location, place("instances.json", "/DBInstances/0/StorageEncryptionType"));

  write("instances.json", R"({"DBInstances": [{"DBInstanceIdentifier": "i",
    "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:i", "Engine": "mysql",
    "StorageEncrypted": true, "StorageEncryptionType": "sse-s3"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected one of none, sse-kms, sse-rds at /DBInstances/0/StorageEncryptionType, "
            "found 'sse-s3'");
  EXPECT_EQ(e.location, place("instances.json", "/DBInstances/0/StorageEncryptionType"));
}

TEST_F(AwsCli, OneClusterOrInstanceOutputs) {
  // create-db-cluster, modify-db-cluster, create-db-instance, ... print one {"DBCluster": ...}.
  write("cluster.json", R"({"DBCluster": {"DBClusterIdentifier": "orders",
    "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:orders", "Engine": "aurora-mysql",
    "StorageEncrypted": true, "StorageEncryptionType": "sse-rds",
    "TagList": [{"Key": "backup", "Value": "daily"}]}})");
  write("instance.json", R"({"DBInstance": {"DBInstanceIdentifier": "billing",
    "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:billing", "Engine": "postgres",
    "StorageEncrypted": false}})");
  write("member.json", R"({"DBInstance": {"DBInstanceIdentifier": "orders-1",
    "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:orders-1", "Engine": "aurora-mysql",
    "DBClusterIdentifier": "orders"}})");
  ModelInput in = read_ok();
  ASSERT_EQ(in.resources.size(), 2u);
  const Resource* orders = by_name(in.resources, "orders");
  ASSERT_NE(orders, nullptr);
  EXPECT_EQ(orders->type, ResourceType::aurora);
  EXPECT_EQ(orders->key, kAwsOwnedKey);
  EXPECT_EQ(orders->tags, (std::map<std::string, std::string>{{"backup", "daily"}}));
  EXPECT_EQ(orders->location, place("cluster.json", "/DBCluster"));
  const Resource* billing = by_name(in.resources, "billing");
  ASSERT_NE(billing, nullptr);
  EXPECT_EQ(billing->type, ResourceType::rds_instance);
  EXPECT_EQ(billing->key, "");
  EXPECT_EQ(billing->key_unknown, "");
  EXPECT_EQ(billing->location, place("instance.json", "/DBInstance"));
  // And merged with describe-db-clusters of the same cluster.
  write("clusters.json", R"({"DBClusters": [{"DBClusterIdentifier": "orders",
    "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:orders", "Engine": "aurora-mysql",
    "StorageEncrypted": true, "StorageEncryptionType": "sse-rds",
    "TagList": [{"Key": "backup", "Value": "daily"}]}]})");
  EXPECT_EQ(read_ok().resources.size(), 2u);

  write("cluster.json", R"({"DBCluster": ["orders"]})");
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_JSON_TYPE");
  EXPECT_EQ(e.message, "expected an object at /DBCluster, found a list");
  EXPECT_EQ(e.location, place("cluster.json", "/DBCluster"));
}

TEST_F(AwsCli, DbInstancesOfAClusterAreNotResources) {
  write("instances.json", fmt::format(R"({{"DBInstances": [
    {{"DBInstanceIdentifier": "billing", "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:billing",
     "Engine": "postgres", "StorageEncrypted": true, "KmsKeyId": "{}",
     "TagList": [{{"Key": "team", "Value": "finance"}}]}},
    {{"DBInstanceIdentifier": "orders-1", "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:orders-1",
     "Engine": "aurora-mysql", "DBClusterIdentifier": "orders", "StorageEncrypted": true}}]}})",
                                      key_arn("us-east-1", kUuid)));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.resources.size(), 1u);
  const Resource& r = in.resources[0];
  EXPECT_EQ(r.name, "billing");
  EXPECT_EQ(r.type, ResourceType::rds_instance);
  EXPECT_EQ(r.arn, "arn:aws:rds:us-east-1:111111111111:db:billing");
  EXPECT_EQ(r.key, key_arn("us-east-1", kUuid));
  EXPECT_EQ(r.tags, (std::map<std::string, std::string>{{"team", "finance"}}));
  EXPECT_EQ(r.location, place("instances.json", "/DBInstances/0"));
}

TEST_F(AwsCli, TheSameClusterFromRdsAndDocdbMerges) {
  write("rds.json", cluster("docdb", kUuid));
  write("docdb.json", cluster("docdb", kUuid));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.resources.size(), 1u);
  EXPECT_EQ(in.resources[0].location, place("docdb.json", "/DBClusters/0"));  // first read
}

TEST_F(AwsCli, TheSameClusterDescribedDifferentlyIsAnError) {
  write("a.json", cluster("aurora", kUuid));
  write("b.json", cluster("aurora", kUuid2));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message,
            fmt::format("resource arn:aws:rds:us-east-1:111111111111:cluster:c: its key is '{}' "
                        "here, but '{}' at {}#/DBClusters/0",
                        key_arn("us-east-1", kUuid2), key_arn("us-east-1", kUuid), at("a.json")));
  EXPECT_EQ(e.location, place("b.json", "/DBClusters/0"));
}

// Not encrypted in one output, encrypted in the other: "none (not encrypted)", not "nothing".
TEST_F(AwsCli, TheSameClusterEncryptedAndNotIsAnError) {
  write("a.json", R"({"DBClusters": [{"DBClusterIdentifier": "c", "Engine": "aurora",
      "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:c", "StorageEncrypted": false}]})");
  write("b.json", cluster("aurora", kUuid));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message,
            fmt::format("resource arn:aws:rds:us-east-1:111111111111:cluster:c: its key is '{}' "
                        "here, but none (not encrypted) at {}#/DBClusters/0",
                        key_arn("us-east-1", kUuid), at("a.json")));
}

// A read replica: same-Region replicas are on their source's key, cross-Region replicas on a key
// of their own Region. What the output says is read; only what it leaves out comes from the
// source.
TEST_F(AwsCli, ReadReplicasInTheSameExport) {
  const std::string source_key = key_arn("us-east-1", kUuid);
  const std::string own_key = key_arn("us-east-1", kUuid2);
  const std::string west_key = key_arn("eu-west-1", kUuid2);
  write("us-east-1/instances.json", fmt::format(R"({{"DBInstances": [
    {{"DBInstanceIdentifier": "src", "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:src",
     "Engine": "postgres", "StorageEncrypted": true, "KmsKeyId": "{0}",
     "ReadReplicaDBInstanceIdentifiers": ["same", "bare", "arn:aws:rds:eu-west-1:111111111111:db:west"]}},
    {{"DBInstanceIdentifier": "same", "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:same",
     "Engine": "postgres", "StorageEncrypted": true, "KmsKeyId": "{1}",
     "ReadReplicaSourceDBInstanceIdentifier": "src"}},
    {{"DBInstanceIdentifier": "bare", "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:bare",
     "Engine": "postgres", "ReadReplicaSourceDBInstanceIdentifier": "src"}},
    {{"DBInstanceIdentifier": "nokey", "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:nokey",
     "Engine": "postgres", "StorageEncrypted": true, "ReadReplicaSourceDBInstanceIdentifier": "bare"}},
    {{"DBInstanceIdentifier": "plain", "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:plain",
     "Engine": "mysql", "StorageEncrypted": false}},
    {{"DBInstanceIdentifier": "plain-replica", "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:plain-replica",
     "Engine": "mysql", "ReadReplicaSourceDBInstanceIdentifier": "plain"}}]}})",
                                                source_key, own_key));
  write("eu-west-1/instances.json", fmt::format(R"({{"DBInstances": [
    {{"DBInstanceIdentifier": "west", "DBInstanceArn": "arn:aws:rds:eu-west-1:111111111111:db:west",
     "Engine": "postgres", "StorageEncrypted": true, "KmsKeyId": "{0}",
     "ReadReplicaSourceDBInstanceIdentifier": "arn:aws:rds:us-east-1:111111111111:db:src"}},
    {{"DBInstanceIdentifier": "west-bare", "DBInstanceArn": "arn:aws:rds:eu-west-1:111111111111:db:west-bare",
     "Engine": "postgres", "ReadReplicaSourceDBInstanceIdentifier": "arn:aws:rds:us-east-1:111111111111:db:src"}},
    {{"DBInstanceIdentifier": "west-nokey", "DBInstanceArn": "arn:aws:rds:eu-west-1:111111111111:db:west-nokey",
     "Engine": "postgres", "StorageEncrypted": true,
     "ReadReplicaSourceDBInstanceIdentifier": "arn:aws:rds:us-east-1:111111111111:db:src"}},
    {{"DBInstanceIdentifier": "west-keyonly", "DBInstanceArn": "arn:aws:rds:eu-west-1:111111111111:db:west-keyonly",
     "Engine": "postgres", "KmsKeyId": "{0}",
     "ReadReplicaSourceDBInstanceIdentifier": "arn:aws:rds:us-east-1:111111111111:db:src"}},
    {{"DBInstanceIdentifier": "orphan", "DBInstanceArn": "arn:aws:rds:eu-west-1:111111111111:db:orphan",
     "Engine": "postgres", "ReadReplicaSourceDBInstanceIdentifier": "arn:aws:rds:us-west-2:111111111111:db:gone"}}]}})",
                                                west_key));
  ModelInput in = read_ok();
  std::vector<std::string> resources;
  for (const Resource& r : in.resources) {
    resources.push_back(fmt::format("{} [{}] [{}]", r.name, r.key, r.key_unknown));
  }
  EXPECT_THAT(
      resources,
      ::testing::UnorderedElementsAre(
          fmt::format("src [{}] []", source_key),
          // Its own KmsKeyId, as reported.
          fmt::format("same [{}] []", own_key),
          // Nothing reported: its source's key, in the same Region.
          fmt::format("bare [{}] []", source_key),
          // A replica of a replica, encrypted without a KmsKeyId: the key of the chain.
          fmt::format("nokey [{}] []", source_key), "plain [] []",
          // The replica of an unencrypted DB instance is unencrypted.
          "plain-replica [] []",
          // Cross-Region: the key KmsKeyId names, never the source's.
          fmt::format("west [{}] []", west_key),
          "west-bare [] [DB instance west-bare: StorageEncrypted was not reported; its read "
          "replica source arn:aws:rds:us-east-1:111111111111:db:src is encrypted, and a "
          "cross-Region read replica is encrypted with a key of its own Region, but its KmsKeyId "
          "was not reported]",
          "west-nokey [] [DB instance west-nokey is encrypted, but its KmsKeyId was not reported]",
          // A source that is encrypted makes the replica's KmsKeyId its key.
          fmt::format("west-keyonly [{}] []", west_key),
          // A source that is not exported tells nothing.
          "orphan [] [DB instance orphan: StorageEncrypted was not reported]"));
  auto model = Model::build(std::move(in));
  ASSERT_TRUE(model) << model.error().to_string();
}

TEST_F(AwsCli, DbClusterReplicationSource) {
  const std::string key = key_arn("us-east-1", kUuid);
  write("clusters.json", fmt::format(R"({{"DBClusters": [
    {{"DBClusterIdentifier": "src", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:src",
     "Engine": "aurora-mysql", "StorageEncrypted": true, "KmsKeyId": "{0}"}},
    {{"DBClusterIdentifier": "by-id", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:by-id",
     "Engine": "aurora-mysql", "ReplicationSourceIdentifier": "src"}},
    {{"DBClusterIdentifier": "of-db", "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:of-db",
     "Engine": "aurora-mysql", "StorageEncrypted": true,
     "ReplicationSourceIdentifier": "arn:aws:rds:us-east-1:111111111111:db:mysql"}},
    {{"DBClusterIdentifier": "far", "DBClusterArn": "arn:aws:rds:eu-west-1:111111111111:cluster:far",
     "Engine": "aurora-mysql", "StorageEncrypted": true, "KmsKeyId": "{1}",
     "ReplicationSourceIdentifier": "arn:aws:rds:us-east-1:111111111111:cluster:src"}}]}})",
                                     key, key_arn("eu-west-1", kUuid2)));
  write("instances.json", fmt::format(R"({{"DBInstances": [
    {{"DBInstanceIdentifier": "mysql", "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:mysql",
     "Engine": "mysql", "StorageEncrypted": true, "KmsKeyId": "{}"}}]}})",
                                      key));
  ModelInput in = read_ok();
  std::vector<std::string> resources;
  for (const Resource& r : in.resources) {
    resources.push_back(fmt::format("{} [{}] [{}]", r.name, r.key, r.key_unknown));
  }
  EXPECT_THAT(resources, ::testing::UnorderedElementsAre(
                             fmt::format("src [{}] []", key), fmt::format("by-id [{}] []", key),
                             fmt::format("of-db [{}] []", key), fmt::format("mysql [{}] []", key),
                             fmt::format("far [{}] []", key_arn("eu-west-1", kUuid2))));
  EXPECT_TRUE(Model::build(std::move(in)));
}

TEST_F(AwsCli, ReadReplicaSourceErrors) {
  write("a.json", R"({"DBInstances": [{"DBInstanceIdentifier": "r", "Engine": "postgres",
    "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:r", "StorageEncrypted": false,
    "ReadReplicaSourceDBInstanceIdentifier": "arn:aws:rds:us-east-1:111111111111:cluster:c"}]})");
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(
      e.message,
      "expected a DB instance identifier, or its ARN like "
      "arn:aws:rds:REGION:ACCOUNT:db:NAME at /DBInstances/0/ReadReplicaSourceDBInstanceIdentifier, "
      "found 'arn:aws:rds:us-east-1:111111111111:cluster:c'");
  EXPECT_EQ(e.location, place("a.json", "/DBInstances/0/ReadReplicaSourceDBInstanceIdentifier"));

  write("a.json", R"({"DBClusters": [{"DBClusterIdentifier": "c", "Engine": "aurora",
    "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:c", "StorageEncrypted": false,
    "ReplicationSourceIdentifier": "arn:aws:rds:us-east-9:111111111111:cluster:s"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_REGION");
  EXPECT_EQ(e.location, place("a.json", "/DBClusters/0/ReplicationSourceIdentifier"));

  write("a.json", R"({"DBClusters": [{"DBClusterIdentifier": "c", "Engine": "aurora",
    "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:c", "StorageEncrypted": false,
    "ReplicationSourceIdentifier": 7}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_TYPE");
  EXPECT_EQ(e.message,
            "expected a string at /DBClusters/0/ReplicationSourceIdentifier, found a number");
}

// ---------------------------------------------------------------------------------------------
// kms describe-key, list-aliases

std::string describe_key(const std::string& arn, std::string_view rest) {
  return fmt::format(R"({{"KeyMetadata": {{"Arn": "{}", {}}}}})", arn, rest);
}

TEST_F(AwsCli, DescribeKey) {
  write("k1.json", describe_key(key_arn("us-east-1", kUuid),
                                R"("KeyManager": "CUSTOMER", "KeyState": "PendingDeletion",
                                   "MultiRegion": false)"));
  write("k2.json", describe_key(key_arn("us-east-1", kUuid2),
                                R"("KeyManager": "AWS", "KeyState": "Enabled")"));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.keys.size(), 2u);
  const Key* k1 = by_arn(in.keys, key_arn("us-east-1", kUuid));
  ASSERT_NE(k1, nullptr);
  EXPECT_EQ(k1->manager, KeyManager::customer);
  EXPECT_EQ(k1->state, KeyState::pending_deletion);
  EXPECT_EQ(k1->multi_region, MultiRegion::none);
  EXPECT_EQ(k1->region.name, "us-east-1");
  EXPECT_EQ(k1->account.value, kA);
  EXPECT_EQ(k1->location, place("k1.json", "/KeyMetadata"));
  const Key* k2 = by_arn(in.keys, key_arn("us-east-1", kUuid2));
  ASSERT_NE(k2, nullptr);
  EXPECT_EQ(k2->manager, KeyManager::aws);
  EXPECT_EQ(k2->state, KeyState::enabled);
}

TEST_F(AwsCli, DescribeKeySpecAndUsage) {
  write("sym.json", describe_key(key_arn("us-east-1", kUuid),
                                 R"("KeyManager": "CUSTOMER", "KeyUsage": "ENCRYPT_DECRYPT",
                                    "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT",
                                    "KeySpec": "SYMMETRIC_DEFAULT")"));
  write("hmac.json", describe_key(key_arn("us-east-1", kUuid2),
                                  R"("KeyManager": "CUSTOMER", "KeyUsage": "GENERATE_VERIFY_MAC",
                                     "KeySpec": "HMAC_256")"));
  // Outputs of older AWS CLIs have only the deprecated CustomerMasterKeySpec.
  write("old.json", describe_key(key_arn("us-east-1", kMrk),
                                 R"("KeyManager": "CUSTOMER", "KeyUsage": "SIGN_VERIFY",
                                    "CustomerMasterKeySpec": "RSA_2048")"));
  write("bare.json", describe_key(key_arn("eu-west-1", kUuid), R"("KeyManager": "CUSTOMER")"));
  const ModelInput in = read_ok();
  std::vector<std::string> keys;
  for (const Key& k : in.keys) {
    keys.push_back(fmt::format("{} {} [{}] [{}] {}", k.region.name, k.key_id(), k.spec, k.usage,
                               k.is_symmetric_encryption()));
  }
  EXPECT_THAT(keys,
              ::testing::UnorderedElementsAre(
                  fmt::format("us-east-1 {} [SYMMETRIC_DEFAULT] [ENCRYPT_DECRYPT] true", kUuid),
                  fmt::format("us-east-1 {} [HMAC_256] [GENERATE_VERIFY_MAC] false", kUuid2),
                  fmt::format("us-east-1 {} [RSA_2048] [SIGN_VERIFY] false", kMrk),
                  fmt::format("eu-west-1 {} [] [] true", kUuid)));
}

TEST_F(AwsCli, DescribeKeySpecConflictsAndTypes) {
  write("a.json", describe_key(key_arn("us-east-1", kUuid), R"("KeySpec": "SYMMETRIC_DEFAULT")"));
  write("b.json",
        describe_key(key_arn("us-east-1", kUuid), R"("CustomerMasterKeySpec": "RSA_4096")"));
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("key {}: KeySpec is 'RSA_4096' here, but 'SYMMETRIC_DEFAULT' "
                                   "at {}#/KeyMetadata/KeySpec",
                                   key_arn("us-east-1", kUuid), at("a.json")));
  EXPECT_EQ(e.location, place("b.json", "/KeyMetadata/CustomerMasterKeySpec"));

  write("b.json", describe_key(key_arn("us-east-1", kUuid),
                               R"("KeySpec": "SYMMETRIC_DEFAULT", "KeyUsage": "ENCRYPT_DECRYPT")"));
  write("c.json", describe_key(key_arn("us-east-1", kUuid), R"("KeyUsage": "SIGN_VERIFY")"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("key {}: KeyUsage is 'SIGN_VERIFY' here, but "
                                   "'ENCRYPT_DECRYPT' at {}#/KeyMetadata/KeyUsage",
                                   key_arn("us-east-1", kUuid), at("b.json")));
  EXPECT_EQ(e.location, place("c.json", "/KeyMetadata/KeyUsage"));

  fs::remove(at("b.json"));
  fs::remove(at("c.json"));
  write("a.json", describe_key(key_arn("us-east-1", kUuid), R"("KeySpec": 256)"));
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_TYPE");
  EXPECT_EQ(e.message, "expected a string at /KeyMetadata/KeySpec, found a number");
  EXPECT_EQ(e.location, place("a.json", "/KeyMetadata/KeySpec"));

  write("a.json", describe_key(key_arn("us-east-1", kUuid), R"("KeyUsage": ["ENCRYPT_DECRYPT"])"));
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_TYPE");
  EXPECT_EQ(e.message, "expected a string at /KeyMetadata/KeyUsage, found a list");
  EXPECT_EQ(e.location, place("a.json", "/KeyMetadata/KeyUsage"));
}

TEST_F(AwsCli, DescribeKeyOfAReplicaBringsItsPrimary) {
  write("replica.json",
        describe_key(key_arn("us-east-1", kMrk),
                     fmt::format(R"("KeyManager": "CUSTOMER",
          "KeyState": "Enabled", "MultiRegion": true, "MultiRegionConfiguration": {{
          "MultiRegionKeyType": "REPLICA", "PrimaryKey": {{"Arn": "{}", "Region": "ap-northeast-1"}},
          "ReplicaKeys": [{{"Arn": "{}", "Region": "us-east-1"}}]}})",
                                 key_arn("ap-northeast-1", kMrk), key_arn("us-east-1", kMrk))));
  ModelInput in = read_ok();
  ASSERT_EQ(in.keys.size(), 2u);
  const Key* replica = by_arn(in.keys, key_arn("us-east-1", kMrk));
  ASSERT_NE(replica, nullptr);
  EXPECT_EQ(replica->multi_region, MultiRegion::replica);
  EXPECT_EQ(replica->primary, key_arn("ap-northeast-1", kMrk));
  const Key* primary = by_arn(in.keys, key_arn("ap-northeast-1", kMrk));
  ASSERT_NE(primary, nullptr);
  EXPECT_EQ(primary->multi_region, MultiRegion::primary);
  EXPECT_EQ(primary->manager, KeyManager::customer);
  EXPECT_EQ(primary->state, KeyState::unknown);
  EXPECT_EQ(primary->location,
            place("replica.json", "/KeyMetadata/MultiRegionConfiguration/PrimaryKey/Arn"));
  EXPECT_EQ(primary->name, "ap-northeast-1/" + std::string(kMrk));
  EXPECT_EQ(replica->name, "us-east-1/" + std::string(kMrk));
  EXPECT_TRUE(Model::build(std::move(in)));
}

TEST_F(AwsCli, DescribeKeyOfAPrimaryTellsItsReplicas) {
  write("primary.json",
        describe_key(key_arn("ap-northeast-1", kMrk),
                     fmt::format(R"("KeyManager": "CUSTOMER",
          "KeyState": "Enabled", "MultiRegion": true, "MultiRegionConfiguration": {{
          "MultiRegionKeyType": "PRIMARY", "PrimaryKey": {{"Arn": "{0}", "Region": "ap-northeast-1"}},
          "ReplicaKeys": [{{"Arn": "{1}", "Region": "us-east-1"}}]}})",
                                 key_arn("ap-northeast-1", kMrk), key_arn("us-east-1", kMrk))));
  // A vault keyed with the replica, which nobody describes.
  write("vault.json", fmt::format(R"({{"BackupVaultName": "dr", "BackupVaultArn": "{}",
    "EncryptionKeyArn": "{}"}})",
                                  vault_arn("us-east-1", "dr"), key_arn("us-east-1", kMrk)));
  ModelInput in = read_ok();
  const Key* replica = by_arn(in.keys, key_arn("us-east-1", kMrk));
  ASSERT_NE(replica, nullptr);
  EXPECT_EQ(replica->multi_region, MultiRegion::replica);
  EXPECT_EQ(replica->primary, key_arn("ap-northeast-1", kMrk));
  EXPECT_EQ(replica->state, KeyState::unknown);
  EXPECT_TRUE(Model::build(std::move(in)));
}

// MultiRegionConfiguration that contradicts itself is reported where it is, not later as a
// replica without a primary.
TEST_F(AwsCli, MultiRegionConfigurationMustAgreeWithItsArns) {
  const std::string replica = key_arn("us-east-1", kMrk);
  const std::string primary = key_arn("ap-northeast-1", kMrk);
  auto config = [&](std::string_view type, std::string_view primary_key,
                    std::string_view replica_keys) {
    return fmt::format(R"("KeyManager": "CUSTOMER", "MultiRegion": true,
      "MultiRegionConfiguration": {{"MultiRegionKeyType": "{}", "PrimaryKey": {},
      "ReplicaKeys": [{}]}})",
                       type, primary_key, replica_keys);
  };
  write("key.json",
        describe_key(
            replica,
            config("REPLICA", fmt::format(R"({{"Arn": "{}", "Region": "eu-west-1"}})", primary),
                   fmt::format(R"({{"Arn": "{}", "Region": "us-east-1"}})", replica))));
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            fmt::format("expected Region ap-northeast-1 at "
                        "/KeyMetadata/MultiRegionConfiguration/PrimaryKey/Region, as Arn is '{}' "
                        "at /KeyMetadata/MultiRegionConfiguration/PrimaryKey/Arn; found "
                        "'eu-west-1'",
                        primary));
  EXPECT_EQ(e.location, place("key.json", "/KeyMetadata/MultiRegionConfiguration/PrimaryKey"));

  write("key.json",
        describe_key(primary,
                     config("PRIMARY",
                            fmt::format(R"({{"Arn": "{}", "Region": "ap-northeast-1"}})", primary),
                            fmt::format(R"({{"Arn": "{}", "Region": "us-west-2"}})", replica))));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(
      e.message,
      fmt::format("expected Region us-east-1 at "
                  "/KeyMetadata/MultiRegionConfiguration/ReplicaKeys/0/Region, as Arn is '{}' "
                  "at /KeyMetadata/MultiRegionConfiguration/ReplicaKeys/0/Arn; found "
                  "'us-west-2'",
                  replica));
  EXPECT_EQ(e.location, place("key.json", "/KeyMetadata/MultiRegionConfiguration/ReplicaKeys/0"));

  // Related multi-Region keys share their key id and account.
  const std::string other = key_arn("ap-northeast-1", "mrk-ffffffffffffffffffffffffffffffff");
  write("key.json",
        describe_key(
            replica,
            config("REPLICA", fmt::format(R"({{"Arn": "{}", "Region": "ap-northeast-1"}})", other),
                   "")));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            fmt::format("expected the ARN of a key with key id {} in account 111111111111 at "
                        "/KeyMetadata/MultiRegionConfiguration/PrimaryKey/Arn, as related "
                        "multi-Region keys share the key id and account of {} at /KeyMetadata/Arn; "
                        "found '{}'",
                        kMrk, replica, other));
  EXPECT_EQ(e.location, place("key.json", "/KeyMetadata/MultiRegionConfiguration/PrimaryKey/Arn"));

  // A replica's primary is in another Region; a primary's PrimaryKey is itself.
  write(
      "key.json",
      describe_key(replica,
                   config("REPLICA",
                          fmt::format(R"({{"Arn": "{}", "Region": "us-east-1"}})", replica), "")));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            fmt::format("expected the ARN of a key in another Region than us-east-1 at "
                        "/KeyMetadata/MultiRegionConfiguration/PrimaryKey/Arn, as "
                        "MultiRegionKeyType is REPLICA at "
                        "/KeyMetadata/MultiRegionConfiguration/MultiRegionKeyType (related "
                        "multi-Region keys are each in their own Region); found '{}'",
                        replica));

  write(
      "key.json",
      describe_key(primary,
                   config("PRIMARY",
                          fmt::format(R"({{"Arn": "{}", "Region": "us-east-1"}})", replica), "")));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            fmt::format("expected '{}' (the key's own Arn, at /KeyMetadata/Arn) at "
                        "/KeyMetadata/MultiRegionConfiguration/PrimaryKey/Arn, as "
                        "MultiRegionKeyType is PRIMARY at "
                        "/KeyMetadata/MultiRegionConfiguration/MultiRegionKeyType; found '{}'",
                        primary, replica));
}

TEST_F(AwsCli, MalformedMultiRegionKeyIds) {
  const std::string short_id = "mrk-0123456789abcdef0123456789abcde";  // 31 digits
  write("key.json", fmt::format(R"({{"KeyMetadata": {{"KeyId": "{0}",
    "Arn": "arn:aws:kms:us-east-1:111111111111:key/{0}", "MultiRegion": true,
    "MultiRegionConfiguration": {{"MultiRegionKeyType": "PRIMARY"}}}}}})",
                                short_id));
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "key id 'mrk-0123456789abcdef0123456789abcde' at /KeyMetadata/KeyId is not a "
            "multi-Region key id: expected mrk- and 32 hex digits, found 31 hex digits");
  EXPECT_EQ(e.location, place("key.json", "/KeyMetadata/KeyId"));

  // In an ARN.
  write("key.json", describe_key(key_arn("us-east-1", "mrk-0123456789abcdef0123456789abcdeg"),
                                 R"("MultiRegion": false)"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "key id 'mrk-0123456789abcdef0123456789abcdeg' of "
            "'arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdeg' at "
            "/KeyMetadata/Arn is not a multi-Region key id: expected mrk- and 32 hex digits, "
            "found 32 characters, not all hex digits");
  EXPECT_EQ(e.location, place("key.json", "/KeyMetadata/Arn"));

  // KeyId and Arn name one key.
  write("key.json", fmt::format(R"({{"KeyMetadata": {{"KeyId": "{}", "Arn": "{}"}}}})", kUuid2,
                                key_arn("us-east-1", kUuid)));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            fmt::format("expected KeyId {} at /KeyMetadata/KeyId, the key id of Arn '{}' at "
                        "/KeyMetadata/Arn; found '{}'",
                        kUuid, key_arn("us-east-1", kUuid), kUuid2));
  fs::remove(at("key.json"));

  // A database's KmsKeyId, as an id or in an ARN, and an alias's TargetKeyId.
  write("a.json", cluster("aurora", "mrk-0123"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "key id 'mrk-0123' at /DBClusters/0/KmsKeyId is not a multi-Region key id: expected "
            "mrk- and 32 hex digits, found 4 hex digits");
  EXPECT_EQ(e.location, place("a.json", "/DBClusters/0/KmsKeyId"));
  write("a.json", cluster("aurora", key_arn("us-east-1", "mrk-0123")));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "key id 'mrk-0123' of 'arn:aws:kms:us-east-1:111111111111:key/mrk-0123' at "
            "/DBClusters/0/KmsKeyId is not a multi-Region key id: expected mrk- and 32 hex "
            "digits, found 4 hex digits");
  write("a.json", R"({"Aliases": [{"AliasName": "alias/x", "TargetKeyId": "mrk-",
    "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/x"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "key id 'mrk-' at /Aliases/0/TargetKeyId is not a multi-Region key id: expected mrk- "
            "and 32 hex digits, found 0 hex digits");
  // Observed copy jobs too.
  write("a.json", R"({"CopyJobs": [{"CopyJobId": "j",
    "SourceBackupVaultArn": "arn:aws:backup:us-east-1:111111111111:backup-vault:a",
    "DestinationBackupVaultArn": "arn:aws:backup:us-east-1:111111111111:backup-vault:b",
    "DestinationEncryptionKeyArn": "arn:aws:kms:us-east-1:111111111111:key/mrk-1",
    "ResourceArn": "arn:aws:rds:us-east-1:111111111111:cluster:c", "State": "COMPLETED"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "key id 'mrk-1' of 'arn:aws:kms:us-east-1:111111111111:key/mrk-1' at "
            "/CopyJobs/0/DestinationEncryptionKeyArn is not a multi-Region key id: expected mrk- "
            "and 32 hex digits, found 1 hex digits");
}

TEST_F(AwsCli, ListAliases) {
  write("111111111111/us-east-1/aliases.json", fmt::format(R"({{"Aliases": [
    {{"AliasName": "alias/aws/backup", "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/aws/backup",
      "TargetKeyId": "{0}"}},
    {{"AliasName": "alias/aws/dynamodb", "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/aws/dynamodb"}},
    {{"AliasName": "alias/aws/ebs", "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/aws/ebs",
      "TargetKeyId": "{1}"}},
    {{"AliasName": "alias/db", "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/db",
      "TargetKeyId": "{2}"}},
    {{"AliasName": "alias/db-old", "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/db-old",
      "TargetKeyId": "{2}"}}]}})",
                                                           kUuid, kUuid2, kMrk));
  write("111111111111/ap-northeast-1/aliases.json", fmt::format(R"({{"Aliases": [
    {{"AliasName": "alias/aws/backup", "AliasArn": "arn:aws:kms:ap-northeast-1:111111111111:alias/aws/backup",
      "TargetKeyId": "{0}"}}]}})",
                                                                kUuid));
  // Something uses alias/db's key.
  write("111111111111/us-east-1/clusters.json", cluster("aurora", key_arn("us-east-1", kMrk)));
  // aws/ebs's key is described (export.sh describes every key), but nothing uses it.
  write(
      "111111111111/us-east-1/ebs-key.json",
      describe_key(key_arn("us-east-1", kUuid2), R"("KeyManager": "AWS", "KeyState": "Enabled")"));
  const ModelInput in = read_ok();
  std::vector<std::string> keys;
  for (const Key& k : in.keys) {
    keys.push_back(fmt::format("{} {} [{}] {} {}", k.name, k.arn, fmt::join(k.aliases, " "),
                               to_string(k.manager), to_string(k.state)));
  }
  std::sort(keys.begin(), keys.end());
  // aws/ebs's key is left out (nothing uses it), aws/dynamodb has no key; an alias is scoped to
  // its account and Region.
  EXPECT_THAT(keys,
              ElementsAre(fmt::format("ap-northeast-1/aws/backup {} [alias/aws/backup] aws Enabled",
                                      key_arn("ap-northeast-1", kUuid)),
                          fmt::format("db {} [alias/db alias/db-old] customer Unknown",
                                      key_arn("us-east-1", kMrk)),
                          fmt::format("us-east-1/aws/backup {} [alias/aws/backup] aws Enabled",
                                      key_arn("us-east-1", kUuid))));
  EXPECT_EQ(by_name(in.keys, "db")->location,
            place("111111111111/us-east-1/aliases.json", "/Aliases/3"));
}

TEST_F(AwsCli, DescribeKeyAndListAliasesMerge) {
  write("a.json", fmt::format(R"({{"Aliases": [{{"AliasName": "alias/aws/backup",
    "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/aws/backup", "TargetKeyId": "{}"}}]}})",
                              kUuid));
  write("b.json",
        describe_key(key_arn("us-east-1", kUuid),
                     R"("KeyManager": "AWS", "KeyState": "Enabled", "MultiRegion": false)"));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.keys.size(), 1u);
  EXPECT_EQ(in.keys[0].name, "aws/backup");
  EXPECT_THAT(in.keys[0].aliases, ElementsAre("alias/aws/backup"));
  EXPECT_EQ(in.keys[0].manager, KeyManager::aws);
  EXPECT_EQ(in.keys[0].location, place("b.json", "/KeyMetadata"));
}

TEST_F(AwsCli, AnAwsAliasOnACustomerKeyIsAConflict) {
  write("a.json", describe_key(key_arn("us-east-1", kUuid), R"("KeyManager": "CUSTOMER")"));
  write("b.json", fmt::format(R"({{"Aliases": [{{"AliasName": "alias/aws/backup",
    "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/aws/backup", "TargetKeyId": "{}"}}]}})",
                              kUuid));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("key {}: KeyManager is aws here, but customer at "
                                   "{}#/KeyMetadata/KeyManager",
                                   key_arn("us-east-1", kUuid), at("a.json")));
  EXPECT_EQ(e.location, place("b.json", "/Aliases/0/AliasName"));
}

TEST_F(AwsCli, TwoDescriptionsOfAKeyThatDisagree) {
  write("a.json", describe_key(key_arn("us-east-1", kUuid), R"("KeyState": "Enabled")"));
  write("b.json", describe_key(key_arn("us-east-1", kUuid), R"("KeyState": "Disabled")"));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("key {}: KeyState is Disabled here, but Enabled at "
                                   "{}#/KeyMetadata/KeyState",
                                   key_arn("us-east-1", kUuid), at("a.json")));
  EXPECT_EQ(e.location, place("b.json", "/KeyMetadata/KeyState"));
}

TEST_F(AwsCli, AnAliasThatPointsAtTwoKeys) {
  auto aliases = [](const char* id) {
    return fmt::format(R"({{"Aliases": [{{"AliasName": "alias/db",
      "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/db", "TargetKeyId": "{}"}}]}})",
                       id);
  };
  write("a.json", aliases(kUuid));
  write("b.json", aliases(kUuid2));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message,
            fmt::format("alias arn:aws:kms:us-east-1:111111111111:alias/db: "
                        "TargetKeyId is '{}' here, but '{}' at {}#/Aliases/0",
                        key_arn("us-east-1", kUuid2), key_arn("us-east-1", kUuid), at("a.json")));
  EXPECT_EQ(e.location, place("b.json", "/Aliases/0"));
}

// ListAliases prints the alias name its ARN ends with; another name is not its output.
TEST_F(AwsCli, AnAliasNameThatIsNotTheAliasOfItsArn) {
  write("a.json", fmt::format(R"({{"Aliases": [{{"AliasName": "db",
      "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/db", "TargetKeyId": "{}"}}]}})",
                              kUuid));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected AliasName alias/db at /Aliases/0/AliasName, the alias of AliasArn "
            "'arn:aws:kms:us-east-1:111111111111:alias/db' at /Aliases/0/AliasArn; found 'db'");
  EXPECT_EQ(e.location, place("a.json", "/Aliases/0/AliasName"));
}

// ---------------------------------------------------------------------------------------------
// kms get-key-policy

std::string policy(std::string_view document) {
  std::string escaped;
  for (char c : document) {
    if (c == '"') escaped += '\\';
    if (c == '\n') continue;
    escaped += c;
  }
  return fmt::format(R"({{"Policy": "{}", "PolicyName": "default"}})", escaped);
}

constexpr std::string_view kOwnerStatement =
    R"({"Sid": "Enable IAM User Permissions", "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "kms:*", "Resource": "*"})";

std::vector<std::string> shared_with(const ModelInput& in, const std::string& arn) {
  const Key* key = by_arn(in.keys, arn);
  return key == nullptr ? std::vector<std::string>{"(no key)"} : key->shared_with;
}

TEST_F(AwsCli, KeyPolicyInAFileNamedAfterTheKey) {
  const std::string document = fmt::format(R"({{"Version": "2012-10-17", "Statement": [{},
    {{"Effect": "Allow", "Principal": {{"AWS": ["arn:aws:iam::222222222222:root", "333333333333",
      "arn:aws:iam::444444444444:role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup",
      "arn:aws:iam::555555555555:role/Admin"]}},
     "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"}},
    {{"Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::666666666666:root"}},
     "Action": "kms:Encrypt", "Resource": "*"}}]}})",
                                           kOwnerStatement);
  write(fmt::format("111111111111/us-east-1/kms/get-key-policy/{}.json", kUuid), policy(document));
  write(fmt::format("111111111111/us-east-1/kms/get-key-policy/{}.policy.json", kUuid2),
        policy(document));
  const ModelInput in = read_ok();
  // The owner, other roles than AWS Backup's, and other actions do not count.
  EXPECT_THAT(shared_with(in, key_arn("us-east-1", kUuid)),
              ElementsAre("222222222222", "333333333333", "444444444444"));
  EXPECT_THAT(shared_with(in, key_arn("us-east-1", kUuid2)),
              ElementsAre("222222222222", "333333333333", "444444444444"));
  const Key* key = by_arn(in.keys, key_arn("us-east-1", kUuid));
  EXPECT_EQ(key->manager, KeyManager::unknown);
  EXPECT_EQ(
      key->location,
      place(fmt::format("111111111111/us-east-1/kms/get-key-policy/{}.json", kUuid), "/Policy"));
}

TEST_F(AwsCli, KeyPolicyWrapperNamesTheKey) {
  const std::string document =
      R"({"Statement": {"Effect": "Allow", "Principal": "*", "Action": "kms:CreateGrant",
          "Condition": {"StringEquals": {"kms:CallerAccount": ["222222222222", "333333333333"],
                                         "kms:ViaService": "backup.us-east-1.amazonaws.com"}}}})";
  std::string wrapped = policy(document);
  wrapped.insert(1, fmt::format(R"("KeyId": "{}", )", key_arn("eu-west-1", kUuid, kB)));
  write("anywhere/policy-of-the-key.json", wrapped);
  // A key id in the wrapper takes its account and Region from the folders.
  wrapped = policy(document);
  wrapped.insert(1, fmt::format(R"("KeyId": "{}", )", kUuid2));
  write("111111111111/us-east-1/wrapped.json", wrapped);
  const ModelInput in = read_ok();
  // The key's own account is not "shared with".
  EXPECT_THAT(shared_with(in, key_arn("eu-west-1", kUuid, kB)), ElementsAre("333333333333"));
  EXPECT_THAT(shared_with(in, key_arn("us-east-1", kUuid2)),
              ElementsAre("222222222222", "333333333333"));
}

TEST_F(AwsCli, KeyPolicyPrincipalsAndConditions) {
  struct Case {
    std::string_view statements;
    std::vector<std::string> shared_with;
  };
  const Case cases[] = {
      // "*" limited by the organization
      {R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*",
           "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})",
       {"o-a1b2c3d4e5"}},
      // "*" with a condition this reader does not evaluate: everyone
      {R"({"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt",
           "Condition": {"Bool": {"aws:SecureTransport": "true"}}})",
       {"*"}},
      // a Deny for one account takes it away
      {R"({"Effect": "Allow", "Principal": {"AWS": ["222222222222", "333333333333"]},
           "Action": "kms:*"},
          {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::333333333333:root"},
           "Action": "kms:Decrypt"})",
       {"222222222222"}},
      // a Deny for everyone takes everyone away
      {R"({"Effect": "Allow", "Principal": {"AWS": "222222222222"}, "Action": "kms:*"},
          {"Effect": "Deny", "Principal": "*", "Action": "kms:*"})",
       {}},
      // a Deny with a negative condition ("everyone outside the organization") is not read
      {R"({"Effect": "Allow", "Principal": {"AWS": "222222222222"}, "Action": "kms:*"},
          {"Effect": "Deny", "Principal": "*", "Action": "kms:*",
           "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})",
       {"222222222222"}},
      // wildcards in actions, case-insensitive
      {R"({"Effect": "Allow", "Principal": {"AWS": "222222222222"}, "Action": "KMS:Create*"})",
       {"222222222222"}},
      // NotAction / NotPrincipal statements are not read
      {R"({"Effect": "Allow", "NotPrincipal": {"AWS": "222222222222"}, "Action": "kms:*"},
          {"Effect": "Allow", "Principal": "*", "NotAction": "kms:Encrypt"})",
       {}},
  };
  for (const Case& c : cases) {
    write(fmt::format("111111111111/us-east-1/{}.json", kUuid),
          policy(fmt::format(R"({{"Statement": [{}, {}]}})", kOwnerStatement, c.statements)));
    EXPECT_EQ(shared_with(read_ok(), key_arn("us-east-1", kUuid)), c.shared_with) << c.statements;
  }
}

TEST_F(AwsCli, KeyPolicyErrors) {
  // No key id in the file name, no wrapper.
  write("111111111111/us-east-1/policy.json", policy(R"({"Statement": []})"));
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(
      e.message,
      "a get-key-policy output does not name its key: expected the file to be named "
      "KEY-ID.json or KEY-ID.policy.json, or {\"KeyId\": KEY-ARN, \"Policy\": ...}, found the "
      "file name 'policy.json'");
  EXPECT_EQ(e.location, place("111111111111/us-east-1/policy.json", "/"));
  fs::remove_all(dir_);

  // A key id, but no folders to say where the key is.
  write(fmt::format("{}.json", kUuid), policy(R"({"Statement": []})"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_ACCOUNT");
  EXPECT_EQ(e.message, fmt::format("the policy of key {} does not say the key's account and "
                                   "Region: put the file under ACCOUNT/REGION/, or give the key "
                                   "ARN as \"KeyId\"",
                                   kUuid));
  EXPECT_EQ(e.location, place(fmt::format("{}.json", kUuid), "/"));
  fs::remove_all(dir_);

  // The policy text is not JSON: the byte offset is inside the policy.
  const std::string file = fmt::format("111111111111/us-east-1/{}.json", kUuid);
  write(file, R"({"Policy": "{\"Statement\": [}"})");
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON");
  EXPECT_THAT(e.message, ::testing::StartsWith("in the policy document at /Policy: not valid JSON "
                                               "at byte 15 (line 1, column 16): "));
  EXPECT_EQ(e.location, place(file, "/Policy"));

  // A statement with an Effect that is neither Allow nor Deny.
  write(file, policy(R"({"Statement": [{"Effect": "Permit", "Action": "kms:*"}]})"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "in the policy document at /Policy: expected Allow or Deny at "
            "/Statement/0/Effect, found 'Permit'");
  EXPECT_EQ(e.location, place(file, "/Policy"));

  // Principal of the wrong kind.
  write(file, policy(R"({"Statement": [{"Effect": "Allow", "Action": "kms:*", "Principal": 1}]})"));
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_TYPE");
  EXPECT_EQ(e.message,
            "in the policy document at /Policy: expected \"*\" or an object at "
            "/Statement/0/Principal, found a number");

  // No Policy string at all.
  write(file, R"({"Policy": null})");
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_MISSING");
  EXPECT_EQ(e.message, "expected a policy document (a JSON string) at /Policy, found nothing");
  EXPECT_EQ(e.location, place(file, "/Policy"));
}

// ---------------------------------------------------------------------------------------------
// backup list-backup-vaults, describe-backup-vault, get-backup-vault-access-policy

TEST_F(AwsCli, BackupVaults) {
  write("vaults.json",
        fmt::format(R"({{"BackupVaultList": [
    {{"BackupVaultName": "Default", "BackupVaultArn": "{0}", "VaultType": "BACKUP_VAULT",
      "EncryptionKeyArn": "{1}"}},
    {{"BackupVaultName": "lag", "BackupVaultArn": "{2}", "VaultType": "LOGICALLY_AIR_GAPPED_BACKUP_VAULT",
      "EncryptionKeyType": "AWS_OWNED_KMS_KEY", "EncryptionKeyArn": "arn:aws:kms:us-east-1:999999999999:key/{3}"}},
    {{"BackupVaultName": "lag-cmk", "BackupVaultArn": "{4}", "VaultType": "LOGICALLY_AIR_GAPPED_BACKUP_VAULT",
      "EncryptionKeyType": "CUSTOMER_MANAGED_KMS_KEY", "EncryptionKeyArn": "{5}"}},
    {{"BackupVaultName": "restore", "BackupVaultArn": "{6}", "VaultType": "RESTORE_ACCESS_BACKUP_VAULT",
      "EncryptionKeyType": "AWS_OWNED_KMS_KEY", "EncryptionKeyArn": "arn:aws:kms:us-east-1:999999999999:key/{3}"}},
    {{"BackupVaultName": "old", "BackupVaultArn": "{7}", "EncryptionKeyArn": "{1}"}},
    {{"BackupVaultName": "odd", "BackupVaultArn": "{8}", "VaultType": "BACKUP_VAULT",
      "EncryptionKeyType": "AWS_OWNED_KMS_KEY"}},
    {{"BackupVaultName": "silent", "BackupVaultArn": "{9}", "VaultType": "BACKUP_VAULT"}},
    {{"BackupVaultName": "lag-old", "BackupVaultArn": "{10}", "VaultType": "LOGICALLY_AIR_GAPPED_BACKUP_VAULT",
      "EncryptionKeyArn": "arn:aws:kms:us-east-1:999999999999:key/{3}"}},
    {{"BackupVaultName": "lag-cmk-nokey", "BackupVaultArn": "{11}", "VaultType": "LOGICALLY_AIR_GAPPED_BACKUP_VAULT",
      "EncryptionKeyType": "CUSTOMER_MANAGED_KMS_KEY"}}]}})",
                    vault_arn("us-east-1", "Default"), key_arn("us-east-1", kUuid),
                    vault_arn("us-east-1", "lag"), kUuid2, vault_arn("us-east-1", "lag-cmk"),
                    key_arn("us-east-1", kUuid2), vault_arn("us-east-1", "restore"),
                    vault_arn("us-east-1", "old"), vault_arn("us-east-1", "odd"),
                    vault_arn("us-east-1", "silent"), vault_arn("us-east-1", "lag-old"),
                    vault_arn("us-east-1", "lag-cmk-nokey")));
  const ModelInput in = read_ok();
  std::vector<std::string> vaults;
  for (const Vault& v : in.vaults) {
    vaults.push_back(
        fmt::format("{} {} key={} unknown={}", v.name, to_string(v.type), v.key, v.key_unknown));
    EXPECT_EQ(v.allows_copy_from, std::nullopt) << v.name;  // no access policy exported
    EXPECT_TRUE(v.generated_name);
  }
  EXPECT_THAT(
      vaults,
      ElementsAre("Default standard key=" + key_arn("us-east-1", kUuid) + " unknown=",
                  "lag logically-air-gapped key= unknown=",
                  "lag-cmk logically-air-gapped key=" + key_arn("us-east-1", kUuid2) + " unknown=",
                  "lag-cmk-nokey logically-air-gapped key= unknown=vault lag-cmk-nokey: "
                  "EncryptionKeyArn was not reported",
                  "lag-old logically-air-gapped key= unknown=vault lag-old "
                  "(LOGICALLY_AIR_GAPPED_BACKUP_VAULT) reports an EncryptionKeyArn but no "
                  "EncryptionKeyType (outputs before 2025-11-06): the key may be the vault's AWS "
                  "owned key or a customer managed key",
                  "odd standard key= unknown=vault odd reports EncryptionKeyType "
                  "AWS_OWNED_KMS_KEY, which the rules do not cover for a standard vault",
                  "old standard key=" + key_arn("us-east-1", kUuid) + " unknown=",
                  "restore restore-access key= unknown=",
                  "silent standard key= unknown=vault silent: EncryptionKeyArn was not "
                  "reported"));
  EXPECT_EQ(by_name(in.vaults, "lag")->location, place("vaults.json", "/BackupVaultList/1"));
  EXPECT_EQ(by_name(in.vaults, "restore")->location, place("vaults.json", "/BackupVaultList/3"));
  // The AWS owned keys of the air-gapped and restore access vaults are not keys of the model.
  EXPECT_EQ(in.keys.size(), 2u);
  EXPECT_EQ(by_arn(in.keys, "arn:aws:kms:us-east-1:999999999999:key/" + std::string(kUuid2)),
            nullptr);
}

TEST_F(AwsCli, RestoreAccessVaults) {
  // A restore access vault that gives access to a customer managed key LAG vault, described by
  // describe-backup-vault, merges with its list-backup-vaults entry.
  const std::string vault =
      fmt::format(R"("BackupVaultName": "restore", "BackupVaultArn": "{}",
    "VaultType": "RESTORE_ACCESS_BACKUP_VAULT", "EncryptionKeyType": "CUSTOMER_MANAGED_KMS_KEY",
    "EncryptionKeyArn": "{}")",
                  vault_arn("us-east-1", "restore", kB), key_arn("us-east-1", kUuid));
  write("a-list.json", fmt::format(R"({{"BackupVaultList": [{{{}}}]}})", vault));
  write("b-describe.json", fmt::format(R"({{{}, "SourceBackupVaultArn": "{}"}})", vault,
                                       vault_arn("us-east-1", "lag")));
  ModelInput in = read_ok();
  ASSERT_EQ(in.vaults.size(), 1u);
  EXPECT_EQ(in.vaults[0].type, VaultType::restore_access);
  EXPECT_EQ(in.vaults[0].key, key_arn("us-east-1", kUuid));
  EXPECT_TRUE(Model::build(std::move(in)));
  // The same vault described as a standard one:
  write("c-describe.json",
        fmt::format(R"({{"BackupVaultName": "restore", "BackupVaultArn": "{}",
    "VaultType": "BACKUP_VAULT", "EncryptionKeyArn": "{}"}})",
                    vault_arn("us-east-1", "restore", kB), key_arn("us-east-1", kUuid)));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("vault {}: VaultType is standard here, but restore-access at "
                                   "{}#/BackupVaultList/0",
                                   vault_arn("us-east-1", "restore", kB), at("a-list.json")));
  EXPECT_EQ(e.location, place("c-describe.json", "/"));
}

TEST_F(AwsCli, DescribeBackupVaultAndListBackupVaultsMerge) {
  const std::string vault = fmt::format(R"("BackupVaultName": "dr", "BackupVaultArn": "{}",
    "EncryptionKeyArn": "{}")",
                                        vault_arn("us-east-1", "dr"), key_arn("us-east-1", kUuid));
  write("a-list.json", fmt::format(R"({{"BackupVaultList": [{{{}}}]}})", vault));
  write("b-describe.json", fmt::format(R"({{{}, "NumberOfRecoveryPoints": 3}})", vault));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.vaults.size(), 1u);
  EXPECT_EQ(in.vaults[0].location, place("a-list.json", "/BackupVaultList/0"));
  // Described differently:
  write("c-describe.json", fmt::format(R"({{"BackupVaultName": "dr", "BackupVaultArn": "{}",
    "EncryptionKeyArn": "{}"}})",
                                       vault_arn("us-east-1", "dr"), key_arn("us-east-1", kUuid2)));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("vault {}: its key is '{}' here, but '{}' at "
                                   "{}#/BackupVaultList/0",
                                   vault_arn("us-east-1", "dr"), key_arn("us-east-1", kUuid2),
                                   key_arn("us-east-1", kUuid), at("a-list.json")));
  EXPECT_EQ(e.location, place("c-describe.json", "/"));
}

TEST_F(AwsCli, VaultAccessPolicy) {
  write("vaults.json",
        fmt::format(R"({{"BackupVaultList": [
    {{"BackupVaultName": "central", "BackupVaultArn": "{0}", "EncryptionKeyArn": "{1}"}},
    {{"BackupVaultName": "closed", "BackupVaultArn": "{2}", "EncryptionKeyArn": "{1}"}},
    {{"BackupVaultName": "unknown", "BackupVaultArn": "{3}", "EncryptionKeyArn": "{1}"}}]}})",
                    vault_arn("us-east-1", "central", kB), key_arn("us-east-1", kUuid, kB),
                    vault_arn("us-east-1", "closed", kB), vault_arn("us-east-1", "unknown", kB)));
  std::string central = policy(R"({"Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "backup:CopyIntoBackupVault", "Resource": "*",
     "Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}}},
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"},
     "Action": "backup:*", "Resource": "*"},
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::333333333333:root"},
     "Action": "backup:DescribeBackupVault", "Resource": "*"}]})");
  central.insert(1, fmt::format(R"("BackupVaultName": "central", "BackupVaultArn": "{}", )",
                                vault_arn("us-east-1", "central", kB)));
  write("central-policy.json", central);
  write("closed-policy.json",
        fmt::format(R"({{"BackupVaultName": "closed", "BackupVaultArn": "{}", "Policy": null}})",
                    vault_arn("us-east-1", "closed", kB)));
  const ModelInput in = read_ok();
  EXPECT_EQ(by_name(in.vaults, "central")->allows_copy_from,
            (std::optional<std::vector<std::string>>({"111111111111", "o-a1b2c3d4e5"})));
  EXPECT_EQ(by_name(in.vaults, "closed")->allows_copy_from,
            (std::optional<std::vector<std::string>>(std::vector<std::string>{})));
  EXPECT_EQ(by_name(in.vaults, "unknown")->allows_copy_from, std::nullopt);
}

// ---------------------------------------------------------------------------------------------
// backup get-backup-plan, get-backup-selection, list-backup-selections

constexpr const char* kPlanId = "3f1c2a9e-8b7d-4c6e-a5f4-0d2e1b3c4a59";
constexpr const char* kSelectionId = "7b2e9d4a-1c3f-4e8b-9a6d-5f0c2e1b8d37";

std::string plan_json(std::string_view rules) {
  return fmt::format(R"({{"BackupPlan": {{"BackupPlanName": "daily", "Rules": [{}]}},
    "BackupPlanId": "{}", "BackupPlanArn": "arn:aws:backup:ap-northeast-1:111111111111:backup-plan:{}",
    "VersionId": "v1"}})",
                     rules, kPlanId, kPlanId);
}

TEST_F(AwsCli, BackupPlan) {
  write("vaults.json",
        fmt::format(R"({{"BackupVaultList": [
    {{"BackupVaultName": "primary", "BackupVaultArn": "{}", "EncryptionKeyArn": "{}"}}]}})",
                    vault_arn("ap-northeast-1", "primary"), key_arn("ap-northeast-1", kUuid)));
  write("plan.json", plan_json(fmt::format(R"json(
    {{"RuleName": "daily", "TargetBackupVaultName": "primary", "ScheduleExpression": "cron(0 5 ? * * *)",
      "CopyActions": [{{"DestinationBackupVaultArn": "{0}", "Lifecycle": {{"DeleteAfterDays": 35}}}},
                      {{"DestinationBackupVaultArn": "{1}"}}]}},
    {{"RuleName": "pitr", "TargetBackupVaultName": "primary", "EnableContinuousBackup": true,
      "TargetLogicallyAirGappedBackupVaultArn": "{2}"}})json",
                                           vault_arn("us-east-1", "central", kB),
                                           vault_arn("ap-northeast-3", "Default"),
                                           vault_arn("ap-northeast-1", "airgap"))));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.plans.size(), 1u);
  const Plan& plan = in.plans[0];
  EXPECT_EQ(plan.name, "daily");
  EXPECT_TRUE(plan.generated_name);
  EXPECT_EQ(plan.arn,
            fmt::format("arn:aws:backup:ap-northeast-1:111111111111:backup-plan:{}", kPlanId));
  EXPECT_EQ(plan.location, place("plan.json", "/BackupPlan"));
  ASSERT_EQ(plan.rules.size(), 2u);
  EXPECT_EQ(plan.rules[0].name, "daily");
  EXPECT_EQ(plan.rules[0].vault, vault_arn("ap-northeast-1", "primary"));
  EXPECT_FALSE(plan.rules[0].continuous);
  EXPECT_THAT(plan.rules[0].copy_to, ElementsAre(vault_arn("us-east-1", "central", kB),
                                                 vault_arn("ap-northeast-3", "Default")));
  EXPECT_EQ(plan.rules[0].location, place("plan.json", "/BackupPlan/Rules/0"));
  EXPECT_EQ(plan.rules[1].name, "pitr");
  EXPECT_TRUE(plan.rules[1].continuous);
  // The air-gapped target is the rule's own, not a copy action (R42).
  EXPECT_THAT(plan.rules[1].copy_to, IsEmpty());
  EXPECT_EQ(plan.rules[1].air_gapped_vault, vault_arn("ap-northeast-1", "airgap"));
  EXPECT_EQ(plan.rules[1].air_gapped_vault_unknown, "");
  EXPECT_EQ(plan.rules[0].air_gapped_vault, "");
  // Vaults the export does not describe: their keys are unknown.
  std::vector<std::string> vaults;
  for (const Vault& v : in.vaults) {
    vaults.push_back(fmt::format("{} {} {} | {}", v.name, v.arn, to_string(v.type), v.key_unknown));
  }
  EXPECT_THAT(
      vaults,
      ElementsAre("airgap " + vault_arn("ap-northeast-1", "airgap") +
                      " logically-air-gapped | vault airgap was not exported "
                      "(describe-backup-vault)",
                  "primary " + vault_arn("ap-northeast-1", "primary") + " standard | ",
                  "Default " + vault_arn("ap-northeast-3", "Default") +
                      " standard | vault Default was not exported (describe-backup-vault)",
                  "central " + vault_arn("us-east-1", "central", kB) +
                      " standard | vault central was not exported (describe-backup-vault)"));
  EXPECT_EQ(by_name(in.vaults, "central")->location,
            place("plan.json", "/BackupPlan/Rules/0/CopyActions/0/DestinationBackupVaultArn"));
  EXPECT_EQ(by_name(in.vaults, "central")->allows_copy_from, std::nullopt);
}

TEST_F(AwsCli, AirGappedTargetOfARule) {
  write("111111111111/ap-northeast-1/vaults.json",
        fmt::format(R"({{"BackupVaultList": [
    {{"BackupVaultName": "primary", "BackupVaultArn": "{}", "EncryptionKeyArn": "{}"}},
    {{"BackupVaultName": "airgap", "BackupVaultArn": "{}",
      "VaultType": "LOGICALLY_AIR_GAPPED_BACKUP_VAULT", "EncryptionKeyType": "AWS_OWNED_KMS_KEY"}}]}})",
                    vault_arn("ap-northeast-1", "primary"), key_arn("ap-northeast-1", kUuid),
                    vault_arn("ap-northeast-1", "airgap")));
  write(
      "111111111111/ap-northeast-1/plan.json",
      plan_json(fmt::format(R"({{"RuleName": "daily", "TargetBackupVaultName": "primary",
          "TargetLogicallyAirGappedBackupVaultArn": "{}",
          "CopyActions": [{{"DestinationBackupVaultArn": "{}"}}]}})",
                            vault_arn("ap-northeast-1", "airgap"), vault_arn("us-east-1", "dr"))));
  ModelInput in = read_ok();
  ASSERT_EQ(in.plans.size(), 1u);
  ASSERT_EQ(in.plans[0].rules.size(), 1u);
  const PlanRule& rule = in.plans[0].rules[0];
  EXPECT_EQ(rule.air_gapped_vault, vault_arn("ap-northeast-1", "airgap"));
  EXPECT_THAT(rule.copy_to, ElementsAre(vault_arn("us-east-1", "dr")));
  EXPECT_EQ(by_name(in.vaults, "airgap")->type, VaultType::logically_air_gapped);
  auto model = Model::build(std::move(in));
  ASSERT_TRUE(model) << model.error().to_string();

  // An air-gapped target that is not exported is a logically air-gapped vault of unknown key.
  fs::remove(at("111111111111/ap-northeast-1/vaults.json"));
  in = read_ok();
  const Vault* airgap = by_name(in.vaults, "airgap");
  ASSERT_NE(airgap, nullptr);
  EXPECT_EQ(airgap->type, VaultType::logically_air_gapped);
  EXPECT_EQ(airgap->key_unknown, "vault airgap was not exported (describe-backup-vault)");
  EXPECT_EQ(airgap->location, place("111111111111/ap-northeast-1/plan.json",
                                    "/BackupPlan/Rules/0/TargetLogicallyAirGappedBackupVaultArn"));

  // Not a vault ARN:
  write("111111111111/ap-northeast-1/plan.json",
        plan_json(R"({"RuleName": "daily", "TargetBackupVaultName": "primary",
          "TargetLogicallyAirGappedBackupVaultArn": "airgap"})"));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_ARN");
  EXPECT_EQ(e.location, place("111111111111/ap-northeast-1/plan.json",
                              "/BackupPlan/Rules/0/TargetLogicallyAirGappedBackupVaultArn"));
}

TEST_F(AwsCli, APlanExportedTwiceWithDifferentAirGappedTargets) {
  auto rule = [](const std::string& lag) {
    return plan_json(fmt::format(R"({{"RuleName": "daily", "TargetBackupVaultName": "primary",
      "TargetLogicallyAirGappedBackupVaultArn": "{}"}})",
                                 lag));
  };
  write("a.json", rule(vault_arn("ap-northeast-1", "airgap")));
  write("b.json", rule(vault_arn("ap-northeast-1", "airgap")));
  EXPECT_EQ(read_ok().plans.size(), 1u);
  write("b.json", rule(vault_arn("ap-northeast-1", "other")));
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("backup plan {} is exported twice with different content: "
                                   "here and at {}#/BackupPlan",
                                   kPlanId, at("a.json")));
  EXPECT_EQ(e.location, place("b.json", "/BackupPlan"));
  // A copy action and an air-gapped target into the same vault are not the same plan.
  write("b.json",
        plan_json(fmt::format(R"({{"RuleName": "daily", "TargetBackupVaultName": "primary",
      "CopyActions": [{{"DestinationBackupVaultArn": "{}"}}]}})",
                              vault_arn("ap-northeast-1", "airgap"))));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.location, place("b.json", "/BackupPlan"));
}

TEST_F(AwsCli, BackupSelectionJoinsItsPlanInAnyOrder) {
  // The selection's file sorts before the plan's.
  write("a-selection.json", fmt::format(R"({{"BackupSelection": {{"SelectionName": "tagged",
    "IamRoleArn": "arn:aws:iam::111111111111:role/service-role/AWSBackupDefaultServiceRole",
    "Resources": ["arn:aws:rds:ap-northeast-1:111111111111:cluster:*"],
    "NotResources": ["arn:aws:rds:ap-northeast-1:111111111111:cluster:scratch"],
    "ListOfTags": [{{"ConditionType": "STRINGEQUALS", "ConditionKey": "backup", "ConditionValue": "daily"}},
                   {{"ConditionType": "STRINGEQUALS", "ConditionKey": "aws:ResourceTag/tier", "ConditionValue": "1"}}],
    "Conditions": {{
      "StringEquals": [{{"ConditionKey": "aws:ResourceTag/env", "ConditionValue": "prod"}}],
      "StringNotEquals": [{{"ConditionKey": "aws:ResourceTag/skip", "ConditionValue": "yes"}}],
      "StringLike": [{{"ConditionKey": "aws:ResourceTag/team", "ConditionValue": "db-*"}}],
      "StringNotLike": [{{"ConditionKey": "aws:ResourceTag/name", "ConditionValue": "*-test"}}]}}}},
    "SelectionId": "{}", "BackupPlanId": "{}"}})",
                                        kSelectionId, kPlanId));
  write("b-list.json", fmt::format(R"({{"BackupSelectionsList": [{{"SelectionId": "{}",
    "SelectionName": "tagged", "BackupPlanId": "{}"}}]}})",
                                   kSelectionId, kPlanId));
  write("c-plan.json", plan_json(R"({"RuleName": "daily", "TargetBackupVaultName": "primary"})"));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.plans.size(), 1u);
  ASSERT_EQ(in.plans[0].selections.size(), 1u);
  const Selection& s = in.plans[0].selections[0];
  EXPECT_EQ(s.name, "tagged");
  EXPECT_EQ(s.location, place("a-selection.json", "/BackupSelection"));
  EXPECT_THAT(s.resources, ElementsAre("arn:aws:rds:ap-northeast-1:111111111111:cluster:*"));
  EXPECT_THAT(s.not_resources,
              ElementsAre("arn:aws:rds:ap-northeast-1:111111111111:cluster:scratch"));
  auto spell = [](const std::vector<TagCondition>& conditions) {
    std::vector<std::string> out;
    for (const TagCondition& c : conditions) {
      out.push_back(fmt::format("{} {} {}", static_cast<int>(c.test), c.key, c.value));
    }
    return out;
  };
  EXPECT_THAT(spell(s.any_tags), ElementsAre("0 backup daily", "0 tier 1"));
  EXPECT_THAT(spell(s.all_tags),
              ElementsAre("0 env prod", "1 skip yes", "2 team db-*", "3 name *-test"));
}

TEST_F(AwsCli, SelectionsSelectByTags) {
  write("111111111111/ap-northeast-1/clusters.json", R"({"DBClusters": [
    {"DBClusterIdentifier": "a", "DBClusterArn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:a",
     "Engine": "aurora", "StorageEncrypted": false, "TagList": [{"Key": "backup", "Value": "daily"}]},
    {"DBClusterIdentifier": "b", "DBClusterArn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:b",
     "Engine": "aurora", "StorageEncrypted": false, "TagList": [{"Key": "backup", "Value": "never"}]}]})");
  write("111111111111/ap-northeast-1/vaults.json",
        fmt::format(R"({{"BackupVaultList": [
    {{"BackupVaultName": "primary", "BackupVaultArn": "{}", "EncryptionKeyArn": "{}"}}]}})",
                    vault_arn("ap-northeast-1", "primary"), key_arn("ap-northeast-1", kUuid)));
  write("111111111111/ap-northeast-1/plan.json",
        plan_json(R"({"RuleName": "daily", "TargetBackupVaultName": "primary"})"));
  write("111111111111/ap-northeast-1/selection.json", fmt::format(R"({{"BackupSelection": {{
    "SelectionName": "tagged", "ListOfTags": [{{"ConditionType": "STRINGEQUALS",
    "ConditionKey": "aws:ResourceTag/backup", "ConditionValue": "daily"}}]}},
    "SelectionId": "{}", "BackupPlanId": "{}"}})",
                                                                  kSelectionId, kPlanId));
  auto model = Model::build(read_ok());
  ASSERT_TRUE(model) << model.error().to_string();
  ASSERT_EQ(model->plans().size(), 1u);
  EXPECT_THAT(model->plans()[0].resources, ElementsAre("a"));
}

TEST_F(AwsCli, CopiesIntoAVaultThatIsNotExportedAreIndeterminate) {
  write("111111111111/ap-northeast-1/clusters.json", fmt::format(R"({{"DBClusters": [
    {{"DBClusterIdentifier": "a", "DBClusterArn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:a",
     "Engine": "aurora", "StorageEncrypted": true, "KmsKeyId": "{}"}}]}})",
                                                                 key_arn("ap-northeast-1", kUuid)));
  write("111111111111/ap-northeast-1/key.json",
        describe_key(key_arn("ap-northeast-1", kUuid),
                     R"("KeyManager": "CUSTOMER", "KeyState": "Enabled", "MultiRegion": false)"));
  write("111111111111/ap-northeast-1/vaults.json",
        fmt::format(R"({{"BackupVaultList": [
    {{"BackupVaultName": "primary", "BackupVaultArn": "{}", "EncryptionKeyArn": "{}"}}]}})",
                    vault_arn("ap-northeast-1", "primary"), key_arn("ap-northeast-1", kUuid)));
  write("111111111111/ap-northeast-1/plan.json",
        plan_json(fmt::format(R"({{"RuleName": "daily", "TargetBackupVaultName": "primary",
          "CopyActions": [{{"DestinationBackupVaultArn": "{}"}}]}})",
                              vault_arn("ap-northeast-1", "elsewhere"))));
  write("111111111111/ap-northeast-1/selection.json", fmt::format(R"({{"BackupSelection": {{
    "SelectionName": "all", "Resources": ["*"]}}, "SelectionId": "{}", "BackupPlanId": "{}"}})",
                                                                  kSelectionId, kPlanId));
  auto model = Model::build(read_ok());
  ASSERT_TRUE(model) << model.error().to_string();
  const Predictions predictions = predict(*model, {});
  const Prediction* copy = predictions.find("a@elsewhere");
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->outcome, Outcome::indeterminate);
  EXPECT_THAT(copy->unknowns, ElementsAre("the key of vault elsewhere: vault elsewhere was not "
                                          "exported (describe-backup-vault)"));
  EXPECT_EQ(predictions.find("a@primary")->outcome, Outcome::encrypted);
}

TEST_F(AwsCli, ReadReplicasArePredictedFromTheExport) {
  // A same-Region replica whose output names no key, and a cross-Region replica (ARN source)
  // with a key of its own: both backed up, both determinate.
  const std::string key = key_arn("ap-northeast-1", kUuid);
  const std::string west_key = key_arn("us-east-1", kUuid2);
  write("111111111111/ap-northeast-1/instances.json", fmt::format(R"({{"DBInstances": [
    {{"DBInstanceIdentifier": "src", "DBInstanceArn": "arn:aws:rds:ap-northeast-1:111111111111:db:src",
     "Engine": "postgres", "StorageEncrypted": true, "KmsKeyId": "{0}"}},
    {{"DBInstanceIdentifier": "replica", "DBInstanceArn": "arn:aws:rds:ap-northeast-1:111111111111:db:replica",
     "Engine": "postgres", "ReadReplicaSourceDBInstanceIdentifier": "src"}}]}})",
                                                                  key));
  write("111111111111/us-east-1/instances.json", fmt::format(R"({{"DBInstances": [
    {{"DBInstanceIdentifier": "far", "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:far",
     "Engine": "postgres", "StorageEncrypted": true, "KmsKeyId": "{0}",
     "ReadReplicaSourceDBInstanceIdentifier": "arn:aws:rds:ap-northeast-1:111111111111:db:src"}}]}})",
                                                             west_key));
  write("111111111111/ap-northeast-1/keys.json",
        describe_key(key,
                     R"("KeyManager": "CUSTOMER", "KeyState": "Enabled", "MultiRegion": false)"));
  write("111111111111/us-east-1/keys.json", describe_key(west_key, R"("KeyManager": "CUSTOMER",
    "KeyState": "Enabled", "MultiRegion": false)"));
  write("111111111111/ap-northeast-1/vaults.json",
        fmt::format(R"({{"BackupVaultList": [
    {{"BackupVaultName": "primary", "BackupVaultArn": "{}", "EncryptionKeyArn": "{}"}}]}})",
                    vault_arn("ap-northeast-1", "primary"), key));
  write("111111111111/ap-northeast-1/plan.json",
        plan_json(R"({"RuleName": "daily", "TargetBackupVaultName": "primary"})"));
  write("111111111111/ap-northeast-1/selection.json", fmt::format(R"({{"BackupSelection": {{
    "SelectionName": "all", "Resources": ["arn:aws:rds:*:111111111111:db:*"]}}, "SelectionId": "{}", "BackupPlanId": "{}"}})",
                                                                  kSelectionId, kPlanId));
  auto model = Model::build(read_ok());
  ASSERT_TRUE(model) << model.error().to_string();
  const Predictions predictions = predict(*model, {});
  const Prediction* replica = predictions.find("replica@primary");
  ASSERT_NE(replica, nullptr);
  EXPECT_EQ(replica->outcome, Outcome::encrypted);
  ASSERT_TRUE(replica->key);
  EXPECT_EQ(replica->key->arn, key);
}

TEST_F(AwsCli, TheOrderOfPathsDoesNotChangeWhatIsRead) {
  write("a/clusters.json", cluster("aurora", kUuid));
  write("b/instances.json", R"({"DBInstances": [{"DBInstanceIdentifier": "i",
    "DBInstanceArn": "arn:aws:rds:us-east-1:111111111111:db:i", "Engine": "mysql",
    "StorageEncrypted": false}]})");
  auto spell = [](const ModelInput& in) {
    std::vector<std::string> out;
    for (const Resource& r : in.resources) out.push_back(r.name + " " + r.arn);
    for (const Key& k : in.keys) out.push_back(k.name + " " + k.arn);
    return out;
  };
  auto forward = io::read_aws_cli_export({at("a"), at("b")});
  auto backward = io::read_aws_cli_export({at("b"), at("a")});
  ASSERT_TRUE(forward && backward);
  EXPECT_EQ(spell(*forward), spell(*backward));
  EXPECT_THAT(spell(*forward), ElementsAre("c arn:aws:rds:us-east-1:111111111111:cluster:c",
                                           "i arn:aws:rds:us-east-1:111111111111:db:i",
                                           std::string(kUuid) + " " + key_arn("us-east-1", kUuid)));
}

TEST_F(AwsCli, ASelectionWithoutItsPlanIsAnError) {
  write("selection.json", fmt::format(R"({{"BackupSelection": {{"SelectionName": "tagged"}},
    "SelectionId": "{}", "BackupPlanId": "{}"}})",
                                      kSelectionId, kPlanId));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_REF");
  EXPECT_EQ(e.message, fmt::format("backup selection tagged ({}) belongs to backup plan {}, which "
                                   "is not in the export; add the output of aws backup "
                                   "get-backup-plan --backup-plan-id {}",
                                   kSelectionId, kPlanId, kPlanId));
  EXPECT_EQ(e.location, place("selection.json", "/BackupSelection"));
}

TEST_F(AwsCli, APlanExportedTwiceDifferently) {
  write("a.json", plan_json(R"({"RuleName": "daily", "TargetBackupVaultName": "primary"})"));
  write("b.json", plan_json(R"({"RuleName": "daily", "TargetBackupVaultName": "other"})"));
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("backup plan {} is exported twice with different content: "
                                   "here and at {}#/BackupPlan",
                                   kPlanId, at("a.json")));
  EXPECT_EQ(e.location, place("b.json", "/BackupPlan"));
}

TEST_F(AwsCli, SelectionErrors) {
  write("plan.json", plan_json(R"({"RuleName": "daily", "TargetBackupVaultName": "primary"})"));
  auto selection = [](std::string_view body) {
    return fmt::format(R"({{"BackupSelection": {{"SelectionName": "s", {}}},
      "SelectionId": "{}", "BackupPlanId": "{}"}})",
                       body, kSelectionId, kPlanId);
  };
  write("selection.json",
        selection(R"("ListOfTags": [{"ConditionType": "STRINGLIKE", "ConditionKey": "a",
                                     "ConditionValue": "b"}])"));
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected STRINGEQUALS at /BackupSelection/ListOfTags/0/ConditionType, found "
            "'STRINGLIKE'");
  EXPECT_EQ(e.location, place("selection.json", "/BackupSelection/ListOfTags/0/ConditionType"));

  write("selection.json", selection(R"("Conditions": {"StringMatches": []})"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected StringEquals, StringNotEquals, StringLike or StringNotLike in "
            "/BackupSelection/Conditions, found 'StringMatches'");
  EXPECT_EQ(e.location, place("selection.json", "/BackupSelection/Conditions/StringMatches"));

  write("selection.json", selection(R"("Resources": "arn:aws:rds:*")"));
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_TYPE");
  EXPECT_EQ(e.message, "expected a list of strings at /BackupSelection/Resources, found a string");
}

TEST_F(AwsCli, PlanErrors) {
  write("plan.json", plan_json(R"({"RuleName": "daily"})"));
  Error e = read_error();
  EXPECT_EQ(e.id, "E_JSON_MISSING");
  EXPECT_EQ(e.message,
            "expected a backup vault name at /BackupPlan/Rules/0/TargetBackupVaultName, found "
            "nothing");
  EXPECT_EQ(e.location, place("plan.json", "/BackupPlan/Rules/0/TargetBackupVaultName"));

  write("plan.json", plan_json(R"({"RuleName": "daily", "TargetBackupVaultName": "a:b"})"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected a backup vault name at /BackupPlan/Rules/0/TargetBackupVaultName, found "
            "'a:b'");

  write("plan.json", plan_json(R"({"RuleName": "daily", "TargetBackupVaultName": "v",
    "CopyActions": [{"DestinationBackupVaultArn": "arn:aws:backup:us-east-1:111111111111:backup-plan:x"}]})"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected a backup vault ARN like arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME at "
            "/BackupPlan/Rules/0/CopyActions/0/DestinationBackupVaultArn, found "
            "'arn:aws:backup:us-east-1:111111111111:backup-plan:x'");
  EXPECT_EQ(e.location,
            place("plan.json", "/BackupPlan/Rules/0/CopyActions/0/DestinationBackupVaultArn"));

  // GetBackupPlan always prints Rules: a plan without them is not its output.
  std::string no_rules = plan_json("");
  const std::string rules = R"(, "Rules": [])";
  no_rules.erase(no_rules.find(rules), rules.size());
  write("plan.json", no_rules);
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_MISSING");
  EXPECT_EQ(e.message, "expected a list of rules at /BackupPlan/Rules, found nothing");
  EXPECT_EQ(e.location, place("plan.json", "/BackupPlan/Rules"));
}

// ---------------------------------------------------------------------------------------------
// backup describe-global-settings, organizations describe-organization

TEST_F(AwsCli, GlobalSettingsAndOrganization) {
  write("111111111111/us-east-1/backup/describe-global-settings.json",
        R"({"GlobalSettings": {"isCrossAccountBackupEnabled": "false", "isMpaEnabled": "false"},
            "LastUpdateTime": "2025-11-04T10:12:31.518000+09:00"})");
  write("111111111111/organizations/describe-organization.json",
        R"({"Organization": {"Id": "o-a1b2c3d4e5", "MasterAccountId": "999999999999",
            "Arn": "arn:aws:organizations::999999999999:organization/o-a1b2c3d4e5"}})");
  // The wrapper names the account wherever the file is.
  write(
      "misc/settings.json",
      R"({"AccountId": "222222222222", "GlobalSettings": {"isCrossAccountBackupEnabled": "true"}})");
  const ModelInput in = read_ok();
  std::vector<std::string> accounts;
  for (const Account& a : in.accounts) {
    accounts.push_back(fmt::format("{} {} {} {}", a.id.value, a.organization.value_or("-"),
                                   a.cross_account_backup, a.location.to_string()));
  }
  EXPECT_THAT(
      accounts,
      ElementsAre(fmt::format("111111111111 o-a1b2c3d4e5 false "
                              "{}#/Organization",
                              at("111111111111/organizations/describe-organization.json")),
                  fmt::format("222222222222 - true {}#/GlobalSettings", at("misc/settings.json")),
                  fmt::format("999999999999 o-a1b2c3d4e5 true {}#/Organization",
                              at("111111111111/organizations/describe-organization.json"))));
}

TEST_F(AwsCli, AccountLevelOutputsNeedAnAccount) {
  write("settings.json", R"({"GlobalSettings": {"isCrossAccountBackupEnabled": "true"}})");
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_ACCOUNT");
  EXPECT_EQ(e.message,
            "describe-global-settings output does not say which account it describes: put the "
            "file in a folder named after the account id (ACCOUNT/REGION/...), or add "
            "\"AccountId\" at the top level");
  EXPECT_EQ(e.location, place("settings.json", "/"));
  fs::remove(at("settings.json"));

  write("org.json", R"({"Organization": {"Id": "o-a1b2c3d4e5"}})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_ACCOUNT");
  EXPECT_EQ(e.message,
            "describe-organization output does not say which account it describes: put the file "
            "in a folder named after the account id (ACCOUNT/REGION/...), or add \"AccountId\" "
            "at the top level");
  fs::remove(at("org.json"));

  write("org.json", R"({"AccountId": "12345", "Organization": {"Id": "o-a1b2c3d4e5"}})");
  e = read_error();
  EXPECT_EQ(e.id, "E_ACCOUNT_ID");
  EXPECT_EQ(e.message, "expected a 12-digit account id, found '12345'");
  EXPECT_EQ(e.location, place("org.json", "/AccountId"));
}

TEST_F(AwsCli, AccountLevelValueErrors) {
  write("111111111111/settings.json",
        R"({"GlobalSettings": {"isCrossAccountBackupEnabled": "yes"}})");
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected one of true, false at /GlobalSettings/isCrossAccountBackupEnabled, found "
            "'yes'");
  EXPECT_EQ(e.location,
            place("111111111111/settings.json", "/GlobalSettings/isCrossAccountBackupEnabled"));
  fs::remove(at("111111111111/settings.json"));

  write("111111111111/org.json", R"({"Organization": {"Id": "O-ABC"}})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected an organization id like o-a1b2c3d4e5 at /Organization/Id, found 'O-ABC'");
  fs::remove(at("111111111111/org.json"));

  write("111111111111/a.json", R"({"GlobalSettings": {"isCrossAccountBackupEnabled": "true"}})");
  write("111111111111/b.json", R"({"GlobalSettings": {"isCrossAccountBackupEnabled": "false"}})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("account 111111111111: isCrossAccountBackupEnabled is false "
                                   "here, but true at "
                                   "{}#/GlobalSettings/isCrossAccountBackupEnabled",
                                   at("111111111111/a.json")));
}

// ---------------------------------------------------------------------------------------------
// organizations list-accounts

constexpr std::string_view kListAccounts = R"({"Accounts": [
  {"Id": "999999999999", "Arn": "arn:aws:organizations::999999999999:account/o-a1b2c3d4e5/999999999999",
   "Email": "aws-management@example.com", "Name": "management", "Status": "ACTIVE",
   "JoinedMethod": "INVITED", "JoinedTimestamp": "2020-11-20T09:04:20.346000+09:00"},
  {"Id": "111111111111", "Arn": "arn:aws:organizations::999999999999:account/o-a1b2c3d4e5/111111111111",
   "Email": "workloads@example.com", "Name": "workloads", "Status": "ACTIVE",
   "JoinedMethod": "CREATED", "JoinedTimestamp": "2021-02-03T10:00:00.000000+09:00"},
  {"Id": "222222222222", "Arn": "arn:aws:organizations::999999999999:account/o-a1b2c3d4e5/222222222222",
   "Email": "backup@example.com", "Name": "backup", "Status": "SUSPENDED",
   "JoinedMethod": "CREATED", "JoinedTimestamp": "2021-02-03T10:05:00.000000+09:00"}]})";

TEST_F(AwsCli, ListAccounts) {
  write("999999999999/organizations/list-accounts.json", kListAccounts);
  // describe-organization of one of them agrees, and adds the account's cross-account setting.
  write("111111111111/organizations/describe-organization.json",
        R"({"Organization": {"Id": "o-a1b2c3d4e5", "MasterAccountId": "999999999999"}})");
  write("111111111111/us-east-1/backup/describe-global-settings.json",
        R"({"GlobalSettings": {"isCrossAccountBackupEnabled": "false"}})");
  const ModelInput in = read_ok();
  std::vector<std::string> accounts;
  for (const Account& a : in.accounts) {
    accounts.push_back(fmt::format("{} {} {} {}", a.id.value, a.organization.value_or("-"),
                                   a.cross_account_backup, a.location.to_string()));
  }
  const std::string list = at("999999999999/organizations/list-accounts.json");
  EXPECT_THAT(
      accounts,
      ElementsAre(fmt::format("111111111111 o-a1b2c3d4e5 false {}#/Organization",
                              at("111111111111/organizations/describe-organization.json")),
                  fmt::format("222222222222 o-a1b2c3d4e5 true {}#/Accounts/2", list),
                  // Placed where it was first read.
                  fmt::format("999999999999 o-a1b2c3d4e5 true {}#/Organization",
                              at("111111111111/organizations/describe-organization.json"))));
  EXPECT_TRUE(Model::build(ModelInput(in)));
}

TEST_F(AwsCli, ListAccountsErrors) {
  write("list.json", R"({"Accounts": [{"Id": "111111111111",
    "Arn": "arn:aws:organizations::999999999999:account/o-a1b2c3d4e5/222222222222"}]})");
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected the ARN of account 111111111111 (the Id at /Accounts/0/Id) at "
            "/Accounts/0/Arn, like "
            "arn:aws:organizations::MANAGEMENT-ACCOUNT:account/o-ORGANIZATION/111111111111; found "
            "'arn:aws:organizations::999999999999:account/o-a1b2c3d4e5/222222222222'");
  EXPECT_EQ(e.location, place("list.json", "/Accounts/0/Arn"));

  write("list.json", R"({"Accounts": [{"Id": "111111111111",
    "Arn": "arn:aws:organizations::999999999999:organization/o-a1b2c3d4e5"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(
      e.message,
      "expected an account ARN like "
      "arn:aws:organizations::MANAGEMENT-ACCOUNT:account/o-ORGANIZATION/ACCOUNT at "
      "/Accounts/0/Arn, found 'arn:aws:organizations::999999999999:organization/o-a1b2c3d4e5'");

  write("list.json", R"({"Accounts": [{"Id": "1111", "Arn": "x"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_ACCOUNT_ID");
  EXPECT_EQ(e.message, "expected a 12-digit account id, found '1111'");
  EXPECT_EQ(e.location, place("list.json", "/Accounts/0/Id"));

  write("list.json", R"({"Accounts": [{"Id": "111111111111"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_MISSING");
  EXPECT_EQ(e.message, "expected a string at /Accounts/0/Arn, found nothing");

  // Another organization than describe-organization says.
  write("list.json", R"({"Accounts": [{"Id": "111111111111",
    "Arn": "arn:aws:organizations::999999999999:account/o-ffffffffff/111111111111"}]})");
  write("111111111111/org.json", R"({"Organization": {"Id": "o-a1b2c3d4e5"}})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("account 111111111111: its organization is 'o-ffffffffff' "
                                   "here, but 'o-a1b2c3d4e5' at {}#/Organization/Id",
                                   at("111111111111/org.json")));
  EXPECT_EQ(e.location, place("list.json", "/Accounts/0/Arn"));
}

// ---------------------------------------------------------------------------------------------
// backup list-copy-jobs, describe-copy-job, list-recovery-points-by-backup-vault

constexpr std::string_view kCopyJob = R"({
  "AccountId": "111111111111", "CopyJobId": "0F5C1C4B-2B47-4F0E-8A52-7F6B9E0D3A11",
  "SourceBackupVaultArn": "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary",
  "SourceRecoveryPointArn": "arn:aws:rds:ap-northeast-1:111111111111:cluster-snapshot:awsbackup:job-1",
  "DestinationBackupVaultArn": "arn:aws:backup:us-east-1:111111111111:backup-vault:dr",
  "DestinationRecoveryPointArn": "arn:aws:rds:us-east-1:111111111111:cluster-snapshot:awsbackup:copyjob-1",
  "DestinationEncryptionKeyArn": "arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef",
  "ResourceArn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:orders",
  "State": "COMPLETED", "ResourceType": "Aurora"})";

TEST_F(AwsCli, CopyJobs) {
  write("a-list.json", fmt::format(R"({{"CopyJobs": [{}, {{
    "CopyJobId": "failed-1",
    "SourceBackupVaultArn": "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary",
    "DestinationBackupVaultArn": "arn:aws:backup:us-east-1:222222222222:backup-vault:central",
    "ResourceArn": "arn:aws:rds:ap-northeast-1:111111111111:db:billing",
    "State": "FAILED", "StatusMessage": "Given key ID is not accessible"}}]}})",
                                   kCopyJob));
  write("b-describe.json", fmt::format(R"({{"CopyJob": {}}})", kCopyJob));
  const ModelInput in = read_ok();
  ASSERT_EQ(in.copy_jobs.size(), 2u);
  const ObservedCopyJob& done = in.copy_jobs[0];
  EXPECT_EQ(done.id, "0F5C1C4B-2B47-4F0E-8A52-7F6B9E0D3A11");
  EXPECT_EQ(done.resource_arn, "arn:aws:rds:ap-northeast-1:111111111111:cluster:orders");
  EXPECT_EQ(done.source_vault_arn, vault_arn("ap-northeast-1", "primary"));
  EXPECT_EQ(done.source_recovery_point_arn,
            "arn:aws:rds:ap-northeast-1:111111111111:cluster-snapshot:awsbackup:job-1");
  EXPECT_EQ(done.destination_vault_arn, vault_arn("us-east-1", "dr"));
  EXPECT_EQ(done.destination_recovery_point_arn,
            "arn:aws:rds:us-east-1:111111111111:cluster-snapshot:awsbackup:copyjob-1");
  EXPECT_EQ(done.destination_key_arn, key_arn("us-east-1", kMrk));
  EXPECT_EQ(done.state, "COMPLETED");
  EXPECT_EQ(done.status_message, "");
  EXPECT_EQ(done.location, place("a-list.json", "/CopyJobs/0"));
  const ObservedCopyJob& failed = in.copy_jobs[1];
  EXPECT_EQ(failed.id, "failed-1");
  EXPECT_EQ(failed.state, "FAILED");
  EXPECT_EQ(failed.status_message, "Given key ID is not accessible");
  EXPECT_EQ(failed.destination_key_arn, "");
  EXPECT_EQ(failed.source_recovery_point_arn, "");
}

TEST_F(AwsCli, CopyJobErrors) {
  std::string job(kCopyJob);
  job.replace(job.find(R"("State": "COMPLETED")"), 20, R"("State": "RUNNING")");
  write("a.json", fmt::format(R"({{"CopyJob": {}}})", kCopyJob));
  write("b.json", fmt::format(R"({{"CopyJob": {}}})", job));
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_CONFLICT");
  EXPECT_EQ(e.message, fmt::format("copy job 0F5C1C4B-2B47-4F0E-8A52-7F6B9E0D3A11 is reported "
                                   "twice with different values: here and at {}#/CopyJob",
                                   at("a.json")));
  EXPECT_EQ(e.location, place("b.json", "/CopyJob"));
  fs::remove(at("b.json"));

  job = kCopyJob;
  job.replace(job.find(R"("State": "COMPLETED", )"), 22, "");
  write("a.json", fmt::format(R"({{"CopyJobs": [{}]}})", job));
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_MISSING");
  EXPECT_EQ(e.message, "expected a string at /CopyJobs/0/State, found nothing");
  EXPECT_EQ(e.location, place("a.json", "/CopyJobs/0/State"));

  job = kCopyJob;
  job.replace(job.find(R"("State": "COMPLETED")"), 20, R"("State": "DONE")");
  write("a.json", fmt::format(R"({{"CopyJobs": [{}]}})", job));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected one of CREATED, RUNNING, COMPLETED, FAILED, PARTIAL at "
            "/CopyJobs/0/State, found 'DONE'");
}

TEST_F(AwsCli, RecoveryPoints) {
  write("points.json", R"({"RecoveryPoints": [
    {"RecoveryPointArn": "arn:aws:rds:us-east-1:111111111111:cluster-snapshot:awsbackup:copyjob-1",
     "BackupVaultName": "Default",
     "BackupVaultArn": "arn:aws:backup:us-east-1:111111111111:backup-vault:Default",
     "SourceBackupVaultArn": "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary",
     "ResourceArn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:orders",
     "ResourceType": "Aurora", "Status": "COMPLETED",
     "EncryptionKeyArn": "arn:aws:kms:us-east-1:111111111111:key/1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b",
     "IsEncrypted": true, "VaultType": "BACKUP_VAULT"},
    {"RecoveryPointArn": "arn:aws:backup:us-east-1:111111111111:recovery-point:4c2e8f1a",
     "BackupVaultName": "lag",
     "ResourceArn": "arn:aws:rds:us-east-1:111111111111:cluster:catalog",
     "IsEncrypted": true, "EncryptionKeyType": "AWS_OWNED_KMS_KEY"}], "NextToken": null})");
  const ModelInput in = read_ok();
  ASSERT_EQ(in.observed_recovery_points.size(), 2u);
  const ObservedRecoveryPoint& lag = in.observed_recovery_points[0];
  EXPECT_EQ(lag.arn, "arn:aws:backup:us-east-1:111111111111:recovery-point:4c2e8f1a");
  EXPECT_EQ(lag.vault_arn, vault_arn("us-east-1", "lag"));  // from BackupVaultName
  EXPECT_EQ(lag.source_vault_arn, "");
  EXPECT_EQ(lag.key_arn, "");
  EXPECT_EQ(lag.is_encrypted, std::optional<bool>(true));
  EXPECT_EQ(lag.key_type, "AWS_OWNED_KMS_KEY");
  EXPECT_EQ(lag.location, place("points.json", "/RecoveryPoints/1"));
  const ObservedRecoveryPoint& copy = in.observed_recovery_points[1];
  EXPECT_EQ(copy.resource_arn, "arn:aws:rds:ap-northeast-1:111111111111:cluster:orders");
  EXPECT_EQ(copy.vault_arn, vault_arn("us-east-1", "Default"));
  EXPECT_EQ(copy.source_vault_arn, vault_arn("ap-northeast-1", "primary"));
  EXPECT_EQ(copy.key_arn,
            "arn:aws:kms:us-east-1:111111111111:key/1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b");
  EXPECT_EQ(copy.key_type, "");
  EXPECT_EQ(copy.location, place("points.json", "/RecoveryPoints/0"));
  // Observations are not part of the estate: no keys, vaults or resources come from them.
  EXPECT_THAT(in.keys, IsEmpty());
  EXPECT_THAT(in.vaults, IsEmpty());
}

TEST_F(AwsCli, RecoveryPointWithoutAVault) {
  write("points.json", R"({"RecoveryPoints": [
    {"RecoveryPointArn": "arn:aws:rds:us-east-1:111111111111:snapshot:awsbackup:job-1",
     "ResourceArn": "arn:aws:rds:us-east-1:111111111111:db:billing"}]})");
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_JSON_MISSING");
  EXPECT_EQ(e.message,
            "expected a backup vault ARN at /RecoveryPoints/0/BackupVaultArn, found "
            "nothing");
  EXPECT_EQ(e.location, place("points.json", "/RecoveryPoints/0/BackupVaultArn"));
}

// ---------------------------------------------------------------------------------------------
// Files, kinds and the JSON layer's errors

TEST_F(AwsCli, OnlyJsonFilesInDirectoriesButAnyFileGivenExplicitly) {
  write("notes.txt", "not JSON at all");
  write("clusters.json", cluster("aurora", kUuid));
  const std::string other = fs::path(dir_).parent_path().generic_string() + "/" +
                            fs::path(dir_).filename().generic_string() + "-saved-output";
  std::ofstream(other) << R"({"DBClusters": [{"DBClusterIdentifier": "n", "Engine": "neptune",
    "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:n", "StorageEncrypted": false}]})";
  EXPECT_EQ(read_ok().resources.size(), 1u);
  auto both = io::read_aws_cli_export({at("clusters.json"), other});
  ASSERT_TRUE(both) << both.error().to_string();
  EXPECT_EQ(both->resources.size(), 2u);
  fs::remove(other);
}

TEST_F(AwsCli, UnknownKind) {
  write("a.json", R"({"Reservations": [], "NextToken": null})");
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_KIND");
  EXPECT_EQ(e.message,
            fmt::format("{} is not the output of an AWS CLI command snapkey reads (expected "
                        "top-level keys such as DBClusters, KeyMetadata, Aliases, BackupVaultList "
                        "or BackupPlan); its top-level keys are Reservations, NextToken",
                        at("a.json")));
  EXPECT_EQ(e.location, place("a.json", "/"));
  write("a.json", R"([1, 2])");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_KIND");
  EXPECT_THAT(e.message, ::testing::EndsWith("; its top level is a list, not an object"));
  write("a.json", R"({})");
  EXPECT_THAT(read_error().message, ::testing::EndsWith("; it is an empty object"));
  // terraform show -json without a plan file: what it is, and what to give instead.
  write("a.json", R"({"format_version": "1.0", "terraform_version": "1.9.8", "values": {}})");
  EXPECT_THAT(read_error().message,
              ::testing::EndsWith("; its top-level keys are format_version, terraform_version, "
                                  "values: a Terraform state (terraform show -json), not a plan; "
                                  "give the output of terraform show -json PLANFILE for a plan "
                                  "saved with terraform plan -out PLANFILE"));
}

TEST_F(AwsCli, JsonSyntaxErrorHasTheByteOffset) {
  // The second comma is byte 47 (0-based), column 31 of line 2.
  write("a.json", "{\"DBClusters\": [\n  {\"DBClusterIdentifier\": \"c\",, }]}");
  const Error e = read_error();
  EXPECT_EQ(e.id, "E_JSON");
  EXPECT_THAT(e.message, ::testing::StartsWith("not valid JSON at byte 47 (line 2, column 31): "));
  EXPECT_EQ(e.location, Location({at("a.json"), 0, 0, ""}));
}

TEST_F(AwsCli, JsonTypeAndMissingErrors) {
  write("a.json", R"({"DBClusters": {"DBClusterIdentifier": "c"}})");
  Error e = read_error();
  EXPECT_EQ(e.id, "E_JSON_TYPE");
  EXPECT_EQ(e.message, "expected a list at /DBClusters, found an object");
  EXPECT_EQ(e.location, place("a.json", "/DBClusters"));

  write("a.json", R"({"DBClusters": [{"DBClusterIdentifier": "c", "Engine": "aurora"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_MISSING");
  EXPECT_EQ(e.message, "expected a DB cluster ARN at /DBClusters/0/DBClusterArn, found nothing");
  EXPECT_EQ(e.location, place("a.json", "/DBClusters/0/DBClusterArn"));

  write("a.json", R"({"DBClusters": [{"DBClusterIdentifier": "c", "Engine": "aurora",
    "DBClusterArn": "arn:aws:rds:us-east-1:111111111111:cluster:c", "StorageEncrypted": "yes"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_TYPE");
  EXPECT_EQ(e.message, "expected true or false at /DBClusters/0/StorageEncrypted, found a string");

  write("a.json", R"({"KeyMetadata": "x"})");
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_TYPE");
  EXPECT_EQ(e.message, "expected an object at /KeyMetadata, found a string");
}

TEST_F(AwsCli, ValueErrors) {
  write("a.json", cluster("oracle-ee", kUuid));
  Error e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected a DB cluster engine (aurora, aurora-mysql, aurora-postgresql, docdb, "
            "neptune, mysql, postgres) at /DBClusters/0/Engine, found 'oracle-ee'");
  EXPECT_EQ(e.location, place("a.json", "/DBClusters/0/Engine"));

  write("a.json", cluster("aurora", "my-key"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected a KMS key ARN like arn:aws:kms:REGION:ACCOUNT:key/KEY-ID at "
            "/DBClusters/0/KmsKeyId, found 'my-key'");
  EXPECT_EQ(e.location, place("a.json", "/DBClusters/0/KmsKeyId"));

  write("a.json", describe_key("arn:aws:kms:us-east-1:111111111111:alias/x", "\"Enabled\": true"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(
      e.message,
      "expected a KMS key ARN like arn:aws:kms:REGION:ACCOUNT:key/KEY-ID at /KeyMetadata/Arn, "
      "found 'arn:aws:kms:us-east-1:111111111111:alias/x'");

  write("a.json", describe_key(key_arn("us-east-1", kUuid), R"("KeyManager": "PARTNER")"));
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message, "expected one of AWS, CUSTOMER at /KeyMetadata/KeyManager, found 'PARTNER'");

  write("a.json", describe_key(key_arn("us-east-1", kUuid), R"("KeyState": "Gone")"));
  e = read_error();
  EXPECT_EQ(e.id, "E_KEY_STATE");
  EXPECT_EQ(e.location, place("a.json", "/KeyMetadata/KeyState"));

  write("a.json", describe_key(key_arn("us-east-1", kMrk), R"("MultiRegion": true)"));
  e = read_error();
  EXPECT_EQ(e.id, "E_JSON_MISSING");
  EXPECT_EQ(e.message,
            "expected an object at /KeyMetadata/MultiRegionConfiguration, found nothing");

  write("a.json", R"({"Aliases": [{"AliasName": "alias/x", "TargetKeyId": "abc",
    "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/x"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected a key id (a UUID or mrk- and 32 hex digits) at "
            "/Aliases/0/TargetKeyId, found 'abc'");

  write("a.json", R"({"BackupVaultList": [{"BackupVaultName": "v", "VaultType": "COLD",
    "BackupVaultArn": "arn:aws:backup:us-east-1:111111111111:backup-vault:v"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_AWS_CLI_VALUE");
  EXPECT_EQ(e.message,
            "expected one of BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT, "
            "RESTORE_ACCESS_BACKUP_VAULT at /BackupVaultList/0/VaultType, found 'COLD'");
}

TEST_F(AwsCli, ArnErrorsAreAtTheValue) {
  write("a.json", R"({"DBClusters": [{"DBClusterIdentifier": "c", "Engine": "aurora",
    "DBClusterArn": "arn:aws:rds:us-east-9:111111111111:cluster:c"}]})");
  Error e = read_error();
  EXPECT_EQ(e.id, "E_REGION");
  EXPECT_EQ(e.message,
            "expected an AWS Region such as us-east-1, found 'us-east-9'; did you mean "
            "'us-east-1'?");
  EXPECT_EQ(e.location, place("a.json", "/DBClusters/0/DBClusterArn"));

  write("a.json", R"({"DBClusters": [{"DBClusterIdentifier": "c", "Engine": "aurora",
    "DBClusterArn": "orders"}]})");
  e = read_error();
  EXPECT_EQ(e.id, "E_ARN");
  EXPECT_EQ(e.message,
            "expected an ARN arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, found "
            "'orders' (too few ':'-separated fields)");
}

TEST(AwsCliFiles, MissingPathAndEmptyDirectory) {
  auto input = io::read_aws_cli_export({"/nonexistent/snapkey-export"});
  ASSERT_FALSE(input);
  EXPECT_EQ(input.error().id, "E_FILE");
  EXPECT_EQ(input.error().message, "cannot read /nonexistent/snapkey-export: no such file");
  const fs::path empty = fs::temp_directory_path() / fmt::format("snapkey-empty-{}", getpid());
  fs::create_directories(empty);
  input = io::read_aws_cli_export({empty.generic_string()});
  fs::remove_all(empty);
  ASSERT_FALSE(input);
  EXPECT_EQ(input.error().id, "E_FILE");
  EXPECT_EQ(input.error().message,
            fmt::format("directory {} holds no *.json files", empty.generic_string()));
}

// ---------------------------------------------------------------------------------------------
// Names

TEST_F(AwsCli, NamesAreUniqueAndQualifiedOnlyWhereNeeded) {
  auto vaults = [](const std::string& region, const std::string& account) {
    return fmt::format(R"({{"BackupVaultList": [
      {{"BackupVaultName": "Default", "BackupVaultArn": "{}", "EncryptionKeyArn": "{}"}},
      {{"BackupVaultName": "{}-only", "BackupVaultArn": "{}", "EncryptionKeyArn": "{}"}}]}})",
                       vault_arn(region, "Default", account), key_arn(region, kUuid, account),
                       region + "-" + account,
                       vault_arn(region, region + "-" + account + "-only", account),
                       key_arn(region, kUuid, account));
  };
  write("a.json", vaults("us-east-1", kA));
  write("b.json", vaults("ap-northeast-1", kA));
  write("c.json", vaults("ap-northeast-1", kB));
  const ModelInput in = read_ok();
  std::vector<std::string> names;
  for (const Vault& v : in.vaults) names.push_back(v.name);
  std::sort(names.begin(), names.end());
  EXPECT_THAT(
      names,
      ElementsAre("111111111111/ap-northeast-1/Default", "222222222222/ap-northeast-1/Default",
                  "ap-northeast-1-111111111111-only", "ap-northeast-1-222222222222-only",
                  "us-east-1-111111111111-only", "us-east-1/Default"));
  EXPECT_TRUE(Model::build(in));
}

}  // namespace
}  // namespace snapkey
