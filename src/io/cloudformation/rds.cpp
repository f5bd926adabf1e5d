// AWS::RDS::DBCluster, AWS::RDS::DBInstance, AWS::DocDB::DBCluster and AWS::Neptune::DBCluster
// as model resources.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbcluster.html
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <set>
#include <span>

#include "common/strings.hpp"
#include "io/cloudformation/build.hpp"

namespace snapkey::io::cloudformation {
namespace {

constexpr std::string_view kNoSource =
    "it is restored or replicated from a source whose encryption it takes, and the templates do "
    "not describe that source";

// The properties that restore a database from something else: it then takes that thing's
// encryption unless KmsKeyId says otherwise.
constexpr std::array<std::string_view, 3> kClusterSources = {
    "SnapshotIdentifier", "SourceDBClusterIdentifier", "ReplicationSourceIdentifier"};
constexpr std::array<std::string_view, 4> kInstanceSources = {
    "DBSnapshotIdentifier", "SourceDBInstanceIdentifier", "SourceDBClusterIdentifier",
    "SourceDBInstanceAutomatedBackupsArn"};

// The sources that may be a database of the templates: a read replica's (of an instance, or of
// a cluster in another Region) and a point-in-time clone's.
bool names_a_database(std::string_view property, bool instance) {
  return instance
             ? property == "SourceDBInstanceIdentifier"
             : property == "SourceDBClusterIdentifier" || property == "ReplicationSourceIdentifier";
}

}  // namespace

const Entity* Builder::source_database(const Entity& user, const Value& value) const {
  const bool instance = user.type == "AWS::RDS::DBInstance";
  const auto same_kind = [&](const Entity& e) {
    return &e != &user && is_database(e) && (e.type == "AWS::RDS::DBInstance") == instance;
  };
  // !Ref Source, !GetAtt Source.DBInstanceArn / DBClusterArn
  if (const std::vector<Symbol> symbols = value.symbols(); !symbols.empty()) {
    const Entity* target = symbols.size() == 1 ? entity_of(symbols.front()) : nullptr;
    const std::string& attribute = symbols.front().attribute;
    const bool names_it = attribute.empty() || attribute.ends_with("Arn");
    return target != nullptr && same_kind(*target) && names_it ? target : nullptr;
  }
  if (!value.is_literal()) return nullptr;
  // An ARN names a database of any stack; an identifier one in the user's account and Region.
  const std::string text = value.text();
  const Stack& home = stack_of(user);
  for (const Entity& e : entities_) {
    if (!same_kind(e)) continue;
    const bool here = stack_of(e).region == home.region && stack_of(e).account == home.account;
    if (text.starts_with("arn:") ? e.arn == text
                                 : here && e.name == snapkey::detail::ascii_lower(text))
      return &e;
  }
  return nullptr;
}

// A read replica in its source's Region has the source's key, whatever KmsKeyId says; in another
// Region the KmsKeyId it gives, which an encrypted source requires. A clone (restored to a point
// in time) keeps the source's key unless KmsKeyId names another.
// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html
// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html (KmsKeyId)
void Builder::take_source_key(const Copied& c) {
  const auto find = [&](const std::string& name) {
    const auto it = std::find_if(out_.resources.begin(), out_.resources.end(),
                                 [&](const Resource& r) { return r.name == name; });
    return it == out_.resources.end() ? nullptr : &*it;
  };
  Resource* replica_of = find(c.resource);
  const Resource* from = find(c.source);
  if (replica_of == nullptr || from == nullptr) return;
  Resource& r = *replica_of;
  const Resource& source = *from;
  if (c.settled) return;
  const bool replica = c.property != "SourceDBClusterIdentifier";
  if (c.key_given && (!replica || c.cross_region)) return;
  const bool encrypted = !source.key.empty() || source.default_encryption;
  if (replica && c.cross_region && encrypted) {
    r.key.clear();
    r.default_encryption = false;
    r.key_unknown = fmt::format(
        "{} {}: a read replica in another Region than its encrypted source {} needs a KmsKeyId "
        "of its own Region, and gives none",
        r.address, c.property, source.name);
    return;
  }
  r.key = source.key;
  r.key_unknown = source.key_unknown;
  r.default_encryption = source.default_encryption;
}

Status Builder::resolve_sources() {
  // A replica of a replica: its source first (a cycle is left as it is: not known).
  std::set<std::string> done;
  std::function<void(const Copied&, std::set<std::string>&)> resolve =
      [&](const Copied& c, std::set<std::string>& path) {
        if (done.contains(c.resource) || !path.insert(c.resource).second) return;
        for (const Copied& up : copied_) {
          if (up.resource == c.source) resolve(up, path);
        }
        take_source_key(c);
        done.insert(c.resource);
      };
  for (const Copied& c : copied_) {
    std::set<std::string> path;
    resolve(c, path);
  }
  return Ok{};
}

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
    SNAPKEY_ASSIGN_OR_RETURN(auto engine_value, property(e, "Engine"));
    std::string unknown;
    SNAPKEY_ASSIGN_OR_RETURN(auto engine, text(e, "Engine", &engine_value, unknown));
    const bool instance_class =
        e.properties != nullptr && e.properties->find("DBClusterInstanceClass") != nullptr;
    if (engine && engine.value().starts_with("aurora")) {
      resource.type = ResourceType::aurora;
    } else if (engine && (*engine == "mysql" || *engine == "postgres")) {
      resource.type = ResourceType::rds_multiaz_cluster;
    } else if (engine) {
      return value_error(fmt::format("expected aurora-mysql, aurora-postgresql, mysql or postgres "
                                     "for Engine, found '{}'",
                                     *engine),
                         engine_value.location);
    } else {  // not known: only Multi-AZ DB clusters have an instance class
      resource.type = instance_class ? ResourceType::rds_multiaz_cluster : ResourceType::aurora;
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto mode, property(e, "EngineMode"));
    encrypted_by_default = mode.is_literal() && mode.text() == "serverless";
  }
  // Aurora express configuration (where the resource type has it): the AWS owned key (R39).
  std::optional<bool> express;
  std::string express_unknown;
  if (resource.type == ResourceType::aurora) {
    SNAPKEY_ASSIGN_OR_RETURN(auto value, property(e, "WithExpressConfiguration"));
    SNAPKEY_ASSIGN_OR_RETURN(auto flag,
                             boolean(e, "WithExpressConfiguration", &value, express_unknown));
    express = flag;
  }

  SNAPKEY_ASSIGN_OR_RETURN(auto kms_key, property(e, "KmsKeyId"));
  auto key = key_ref(e, "KmsKeyId", kms_key);
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
    resource.key_unknown = sentence(e, source, kNoSource);
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
  if (!source.empty() && names_a_database(source, resource.type == ResourceType::rds_instance)) {
    SNAPKEY_ASSIGN_OR_RETURN(auto from, property(e, source));
    if (const Entity* db = source_database(e, from); db != nullptr) {
      const Stack& here = stack_of(e);
      const Stack& there = stack_of(*db);
      copied_.push_back({resource.name, db->name, std::string(source),
                         here.region != there.region || here.account != there.account,
                         !key->ref.empty(), !key->unknown.empty() || !e.exists_unknown.empty()});
    }
  }

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

}  // namespace snapkey::io::cloudformation
