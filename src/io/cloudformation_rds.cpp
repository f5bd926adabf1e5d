// AWS::RDS::DBCluster, AWS::RDS::DBInstance, AWS::DocDB::DBCluster and AWS::Neptune::DBCluster
// as model resources.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbcluster.html
#include <fmt/format.h>

#include <array>
#include <optional>
#include <span>

#include "io/cloudformation_build.hpp"

namespace snapkey::io::cfn {
namespace {

// The properties that restore a database from something else: it then takes that thing's
// encryption unless KmsKeyId says otherwise.
constexpr std::array<std::string_view, 3> kClusterSources = {
    "SnapshotIdentifier", "SourceDBClusterIdentifier", "ReplicationSourceIdentifier"};
constexpr std::array<std::string_view, 4> kInstanceSources = {
    "DBSnapshotIdentifier", "SourceDBInstanceIdentifier", "SourceDBClusterIdentifier",
    "SourceDBInstanceAutomatedBackupsArn"};

}  // namespace

Status Builder::read_database(const Entity& e) {
  Resource resource;
  resource.name = e.name;
  resource.arn = e.arn;
  resource.location = e.location;
  resource.address = e.id;
  resource.generated_name = true;
  bool encrypted_by_default = false;
  if (e.type == "AWS::DocDB::DBCluster") {
    resource.type = ResourceType::docdb;
  } else if (e.type == "AWS::Neptune::DBCluster") {
    resource.type = ResourceType::neptune;
  } else if (e.type == "AWS::RDS::DBInstance") {
    resource.type = ResourceType::rds_instance;
  } else {
    auto engine_value = property(e, "Engine");
    if (!engine_value) return engine_value.error();
    std::string unknown;
    auto engine = text(e, "Engine", &*engine_value, unknown);
    if (!engine) return engine.error();
    const bool instance_class =
        e.properties != nullptr && e.properties->find("DBClusterInstanceClass") != nullptr;
    if (*engine && engine->value().starts_with("aurora")) {
      resource.type = ResourceType::aurora;
    } else if (*engine && (**engine == "mysql" || **engine == "postgres")) {
      resource.type = ResourceType::rds_multiaz_cluster;
    } else if (*engine) {
      return value_error(fmt::format("expected aurora-mysql, aurora-postgresql, mysql or postgres "
                                     "for Engine, found '{}'",
                                     **engine),
                         engine_value->location);
    } else {  // not known: only Multi-AZ DB clusters have an instance class
      resource.type = instance_class ? ResourceType::rds_multiaz_cluster : ResourceType::aurora;
    }
    auto mode = property(e, "EngineMode");
    if (!mode) return mode.error();
    encrypted_by_default = mode->is_literal() && mode->text() == "serverless";
  }
  // Aurora express configuration (where the resource type has it): the AWS owned key (R39).
  std::optional<bool> express;
  std::string express_unknown;
  if (resource.type == ResourceType::aurora) {
    auto value = property(e, "WithExpressConfiguration");
    if (!value) return value.error();
    auto flag = boolean(e, "WithExpressConfiguration", &*value, express_unknown);
    if (!flag) return flag.error();
    express = *flag;
  }

  auto kms_key = property(e, "KmsKeyId");
  if (!kms_key) return kms_key.error();
  auto key = key_ref(e, "KmsKeyId", *kms_key);
  if (!key) return key.error();
  auto storage = property(e, "StorageEncrypted");
  if (!storage) return storage.error();
  std::string storage_unknown;
  auto encrypted = boolean(e, "StorageEncrypted", &*storage, storage_unknown);
  if (!encrypted) return encrypted.error();
  std::string source;
  for (std::string_view name : resource.type == ResourceType::rds_instance
                                   ? std::span<const std::string_view>(kInstanceSources)
                                   : std::span<const std::string_view>(kClusterSources)) {
    if (source.empty() && e.properties != nullptr && e.properties->find(name) != nullptr)
      source = name;
  }

  if (!key->unknown.empty()) {
    resource.key_unknown = key->unknown;
  } else if (!key->ref.empty()) {
    if (*encrypted && !**encrypted) {
      return value_error(fmt::format("{} gives KmsKeyId but StorageEncrypted is false; RDS uses "
                                     "KmsKeyId only for encrypted storage",
                                     e.id),
                         storage->location);
    }
    resource.key = key->ref;
  } else if (!source.empty()) {
    resource.key_unknown = sentence(
        e, source,
        "it is restored or replicated from a source whose encryption it takes, and the templates "
        "do not describe that source");
  } else if (!express_unknown.empty()) {
    resource.key_unknown = express_unknown;
  } else if (express.value_or(false)) {
    resource.key = std::string(kAwsOwnedKey);  // express configuration: the AWS owned key
  } else if (!storage_unknown.empty()) {
    resource.key_unknown = storage_unknown;
  } else if (encrypted->value_or(encrypted_by_default)) {
    resource.key = std::string(kAwsRdsAlias);  // encrypted, no key given: aws/rds
  } else if (resource.type == ResourceType::aurora && !encrypted_by_default) {
    // Created with no key and no encryption: what AWS does on the day it is created (R39),
    // which the engine decides by the prediction's date.
    resource.default_encryption = true;
  }
  if (!e.exists_unknown.empty()) resource.key_unknown = e.exists_unknown;
  if (!resource.key_unknown.empty()) resource.default_encryption = false;

  auto tags = property(e, "Tags");
  if (!tags) return tags.error();
  for (const Value& tag : tags->items) {
    const Value* name = tag.find("Key");
    const Value* value = tag.find("Value");
    if (name != nullptr && value != nullptr && name->is_literal() && value->is_literal()) {
      resource.tags[name->text()] = value->text();
    }
  }
  out_.resources.push_back(std::move(resource));
  return Ok{};
}

}  // namespace snapkey::io::cfn
