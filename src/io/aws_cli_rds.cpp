// rds describe-db-clusters (and docdb / neptune describe-db-clusters, which print the same
// shape) and rds describe-db-instances.
#include <fmt/format.h>

#include <array>

#include "io/aws_cli_export.hpp"

namespace snapkey::io::detail::aws_cli {
namespace {

struct Engine {
  std::string_view name;
  ResourceType type;
};
// DB cluster engines. A cluster with a MySQL or PostgreSQL engine is a Multi-AZ DB cluster.
constexpr std::array kClusterEngines = {
    Engine{"aurora", ResourceType::aurora},
    Engine{"aurora-mysql", ResourceType::aurora},
    Engine{"aurora-postgresql", ResourceType::aurora},
    Engine{"docdb", ResourceType::docdb},
    Engine{"neptune", ResourceType::neptune},
    Engine{"mysql", ResourceType::rds_multiaz_cluster},
    Engine{"postgres", ResourceType::rds_multiaz_cluster},
};

Result<ResourceType> cluster_type(const JsonValue& cluster) {
  Result<std::string> engine = cluster.required_string("Engine");
  if (!engine) return engine.error();
  std::vector<std::string_view> names;
  for (const Engine& known : kClusterEngines) {
    if (known.name == *engine) return known.type;
    names.push_back(known.name);
  }
  return value_error(cluster["Engine"],
                     fmt::format("a DB cluster engine ({})", fmt::join(names, ", ")), *engine);
}

// StorageEncrypted, StorageEncryptionType and KmsKeyId: the resource's key, or why it is not
// known. `what` names the resource in sentences: "DB cluster orders".
Status read_encryption(const JsonValue& db, const std::string& what, const ArnAt& arn,
                       Resource& resource, Export& out) {
  Result<std::optional<bool>> encrypted = db.optional_bool("StorageEncrypted");
  if (!encrypted) return encrypted.error();
  Result<std::optional<std::string>> type =
      optional_word(db, "StorageEncryptionType", {"none", "sse-kms", "sse-rds"});
  if (!type) return type.error();
  if (!*encrypted) {
    resource.key_unknown = fmt::format("{}: StorageEncrypted was not reported", what);
    return Ok{};
  }
  if (!**encrypted) return Ok{};  // not encrypted: key ""
  if (*type == "sse-rds") {
    // The spec has no rule for RDS storage under an AWS owned key.
    resource.key_unknown = fmt::format(
        "{} is encrypted with an AWS owned key (StorageEncryptionType sse-rds), which the rules "
        "do not cover",
        what);
    return Ok{};
  }
  const JsonValue key = db["KmsKeyId"];
  if (key.is_missing() || key.is_null()) {
    resource.key_unknown = fmt::format("{} is encrypted, but its KmsKeyId was not reported", what);
    return Ok{};
  }
  Result<std::string> reference = key_reference(key, arn.region(), arn.account(), out);
  if (!reference) return reference.error();
  resource.key = std::move(*reference);
  return Ok{};
}

// The first attribute in which two reads of one resource differ, or "".
std::string difference(const Resource& a, const Resource& b, std::string& first,
                       std::string& second) {
  if (a.type != b.type) {
    first = std::string(to_string(a.type));
    second = std::string(to_string(b.type));
    return "its type";
  }
  if (a.key != b.key || a.key_unknown != b.key_unknown) {
    first = a.key_unknown.empty() ? show(a.key) : a.key_unknown;
    second = b.key_unknown.empty() ? show(b.key) : b.key_unknown;
    return "its key";
  }
  if (a.tags != b.tags) {
    auto spell = [](const std::map<std::string, std::string>& tags) {
      std::vector<std::string> pairs;
      for (const auto& [k, v] : tags) pairs.push_back(fmt::format("{}={}", k, v));
      return fmt::format("{{{}}}", fmt::join(pairs, ", "));
    };
    first = spell(a.tags);
    second = spell(b.tags);
    return "TagList";
  }
  return "";
}

Status add_resource(Resource resource, Export& out) {
  auto [it, inserted] = out.resources.try_emplace(resource.arn, ResourceFacts{resource});
  if (inserted) return Ok{};
  std::string first, second;
  const std::string what = difference(it->second.resource, resource, first, second);
  if (what.empty()) return Ok{};
  return conflict(fmt::format("resource {}", resource.arn), what, first,
                  it->second.resource.location, second, resource.location);
}

Result<Resource> read_db(const JsonValue& db, std::string_view identifier_member,
                         const ArnKind& kind, std::string_view arn_member, std::string_view what,
                         Export& out) {
  if (!db.is_object()) return db.type_error("an object");
  Resource resource;
  resource.location = db.location();
  resource.generated_name = true;
  Result<std::string> identifier = db.required_string(identifier_member);
  if (!identifier) return identifier.error();
  resource.name = *identifier;
  Result<ArnAt> arn = required_arn(db, arn_member, kind);
  if (!arn) return arn.error();
  resource.arn = arn->text;
  Status s = read_encryption(db, fmt::format("{} {}", what, *identifier), *arn, resource, out);
  if (!s) return s.error();
  Result<std::map<std::string, std::string>> tags = tag_list(db);
  if (!tags) return tags.error();
  resource.tags = std::move(*tags);
  return resource;
}

}  // namespace

Status read_db_clusters(const JsonValue& root, const FileContext&, Export& out) {
  Result<std::vector<JsonValue>> clusters = list_of(root, "DBClusters");
  if (!clusters) return clusters.error();
  for (const JsonValue& cluster : *clusters) {
    Result<Resource> resource =
        read_db(cluster, "DBClusterIdentifier", kClusterArn, "DBClusterArn", "DB cluster", out);
    if (!resource) return resource.error();
    Result<ResourceType> type = cluster_type(cluster);
    if (!type) return type.error();
    resource->type = *type;
    if (Status s = add_resource(std::move(*resource), out); !s) return s;
  }
  return Ok{};
}

Status read_db_instances(const JsonValue& root, const FileContext&, Export& out) {
  Result<std::vector<JsonValue>> instances = list_of(root, "DBInstances");
  if (!instances) return instances.error();
  for (const JsonValue& instance : *instances) {
    if (!instance.is_object()) return instance.type_error("an object");
    // The instances of a cluster are backed up as the cluster, not one by one.
    Result<std::optional<std::string>> cluster = instance.optional_string("DBClusterIdentifier");
    if (!cluster) return cluster.error();
    if (*cluster) continue;
    Result<Resource> resource = read_db(instance, "DBInstanceIdentifier", kInstanceArn,
                                        "DBInstanceArn", "DB instance", out);
    if (!resource) return resource.error();
    resource->type = ResourceType::rds_instance;
    if (Status s = add_resource(std::move(*resource), out); !s) return s;
  }
  return Ok{};
}

}  // namespace snapkey::io::detail::aws_cli
