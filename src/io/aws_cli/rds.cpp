// rds describe-db-clusters (and docdb / neptune describe-db-clusters, which print the same
// shape) and rds describe-db-instances; the {"DBCluster": ...} and {"DBInstance": ...} that
// create-db-cluster, modify-db-cluster, create-db-instance, ... print.
#include <fmt/format.h>

#include <array>
#include <span>

#include "io/aws_cli/export.hpp"

namespace snapkey::io::aws_cli {
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

// StorageEncryptionType's value where StorageEncrypted contradicts it: "expected WANT at
// /p/StorageEncryptionType, as StorageEncrypted is B at /p/StorageEncrypted; found 'T'".
Error contradiction(const JsonValue& db, bool encrypted, std::string_view type) {
  const JsonValue at = db["StorageEncryptionType"];
  return at.error(std::string(kValueError),
                  fmt::format("expected StorageEncryptionType {} at {}, as StorageEncrypted is {} "
                              "at {}; found '{}'",
                              encrypted ? "sse-kms or sse-rds" : "none", at.location().pointer,
                              show(encrypted), db["StorageEncrypted"].location().pointer, type));
}

// StorageEncrypted, StorageEncryptionType and KmsKeyId: the resource's key, or why it is not
// known. `what` names the resource in sentences: "DB cluster orders".
//
// StorageEncryptionType (in outputs since 2026-02) says how: none, sse-kms (KmsKeyId) or sse-rds
// (the AWS owned key, kAwsOwnedKey). Older outputs only have StorageEncrypted and KmsKeyId.
//
// `missing` says what the output left out, for a read replica to take from its source
// (io/aws_cli/finish.cpp). Without StorageEncrypted and StorageEncryptionType, a KmsKeyId is not
// read unless the DB is a read replica (`replica`): its source then tells that it is encrypted.
Status read_encryption(const JsonValue& db, const std::string& what, ResourceType type_of_db,
                       const ArnAt& arn, Resource& resource, Export& out, bool replica,
                       ReplicaFacts& missing) {
  Result<std::optional<bool>> encrypted = db.optional_bool("StorageEncrypted");
  if (!encrypted) return encrypted.error();
  Result<std::optional<std::string>> type =
      optional_word(db, "StorageEncryptionType", {"none", "sse-kms", "sse-rds"});
  if (!type) return type.error();
  if (*encrypted && *type && (**type == "none") == **encrypted) {
    return contradiction(db, **encrypted, **type);
  }
  if (!*encrypted && !*type) {
    resource.key_unknown = fmt::format("{}: StorageEncrypted was not reported", what);
    missing.missing = ReplicaFacts::Missing::encryption;
    const JsonValue key = db["KmsKeyId"];
    if (!replica || key.is_missing() || key.is_null()) return Ok{};
    SNAPKEY_ASSIGN_OR_RETURN(std::string reference,
                             key_reference(key, arn.region(), arn.account(), out));
    missing.key = std::move(reference);
    return Ok{};
  }
  // Either field alone tells whether the storage is encrypted; together they agree.
  if (*encrypted ? !**encrypted : **type == "none") return Ok{};  // not encrypted: key ""
  if (*type == "sse-rds") {
    if (type_of_db == ResourceType::docdb || type_of_db == ResourceType::neptune) {
      // DocumentDB and Neptune have no AWS owned key encryption (Model::build rejects
      // kAwsOwnedKey on them): an output that says so is not understood, not trusted.
      resource.key_unknown = fmt::format(
          "{} reports StorageEncryptionType sse-rds (an AWS owned key), which {} does not have",
          what, type_of_db == ResourceType::docdb ? "DocumentDB" : "Neptune");
      return Ok{};
    }
    // The AWS owned key: no ARN the customer can use, so a KmsKeyId, if any, is not read.
    resource.key = std::string(kAwsOwnedKey);
    return Ok{};
  }
  const JsonValue key = db["KmsKeyId"];
  if (key.is_missing() || key.is_null()) {
    resource.key_unknown = fmt::format("{} is encrypted, but its KmsKeyId was not reported", what);
    missing.missing = ReplicaFacts::Missing::key;
    return Ok{};
  }
  SNAPKEY_ASSIGN_OR_RETURN(std::string reference,
                           key_reference(key, arn.region(), arn.account(), out));
  resource.key = std::move(reference);
  return Ok{};
}

// The read replica source fields of a DB instance and of a DB cluster, and what they may name.
struct SourceField {
  std::string_view member;
  bool instance;  // may name a DB instance
  bool cluster;   // may name a DB cluster
};
constexpr std::array kInstanceSources = {
    SourceField{"ReadReplicaSourceDBInstanceIdentifier", true, false},
    SourceField{"ReadReplicaSourceDBClusterIdentifier", false, true},  // a Multi-AZ DB cluster
};
// An Aurora read replica of a DB cluster (in another Region), or of an RDS for MySQL or
// PostgreSQL DB instance.
constexpr std::array kClusterSources = {SourceField{"ReplicationSourceIdentifier", true, true}};

// The read replica source a DB names, if any: an identifier (in the DB's own account and Region)
// or an ARN. Errors: E_JSON_TYPE, the errors of parse_arn, E_AWS_CLI_VALUE (an ARN of another
// kind).
Result<std::optional<ReplicaFacts>> replica_source(const JsonValue& db, bool cluster,
                                                   const ArnAt& arn) {
  for (const SourceField& field : cluster ? std::span<const SourceField>(kClusterSources)
                                          : std::span<const SourceField>(kInstanceSources)) {
    SNAPKEY_ASSIGN_OR_RETURN(std::optional<std::string> text, db.optional_string(field.member));
    if (!text || (text)->empty()) continue;
    const JsonValue at = db[field.member];
    ReplicaFacts facts;
    facts.source = *text;
    facts.where = at.location();
    if (!facts.source.starts_with("arn:")) {
      const std::string prefix =
          fmt::format("arn:{}:rds:{}:{}:", arn.arn.partition, arn.arn.region, arn.arn.account);
      if (field.cluster) facts.candidates.push_back(prefix + "cluster:" + facts.source);
      if (field.instance) facts.candidates.push_back(prefix + "db:" + facts.source);
      return std::optional<ReplicaFacts>(std::move(facts));
    }
    Result<Arn> source = parse_arn(facts.source);
    if (!source) return at.error(source.error().id, source.error().message);
    const bool of_kind = source->service == "rds" && !source->region.empty() &&
                         !source->account.empty() &&
                         ((field.cluster && source->resource.starts_with("cluster:")) ||
                          (field.instance && source->resource.starts_with("db:")));
    if (!of_kind) {
      const std::string_view expected =
          field.cluster && field.instance
              ? "a DB cluster or DB instance identifier, or its ARN like "
                "arn:aws:rds:REGION:ACCOUNT:cluster:NAME or arn:aws:rds:REGION:ACCOUNT:db:NAME"
          : field.cluster ? "a DB cluster identifier, or its ARN like "
                            "arn:aws:rds:REGION:ACCOUNT:cluster:NAME"
                          : "a DB instance identifier, or its ARN like "
                            "arn:aws:rds:REGION:ACCOUNT:db:NAME";
      return value_error(at, expected, facts.source);
    }
    facts.candidates.push_back(facts.source);
    return std::optional<ReplicaFacts>(std::move(facts));
  }
  return std::optional<ReplicaFacts>();
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
    // No key is no encryption, not "nothing" (which reads as if the output said nothing).
    const auto spell = [](const Resource& r) {
      if (!r.key_unknown.empty()) return r.key_unknown;
      return r.key.empty() ? std::string("none (not encrypted)") : show(r.key);
    };
    first = spell(a);
    second = spell(b);
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

// One DB cluster (`cluster`) or DB instance. A read replica's source is recorded in
// out.replicas.
Result<Resource> read_db(const JsonValue& db, bool cluster, Export& out) {
  const std::string_view identifier_member =
      cluster ? "DBClusterIdentifier" : "DBInstanceIdentifier";
  const std::string_view what = cluster ? "DB cluster" : "DB instance";
  if (!db.is_object()) return db.type_error("an object");
  Resource resource;
  resource.location = db.location();
  resource.generated_name = true;
  SNAPKEY_ASSIGN_OR_RETURN(std::string identifier, db.required_string(identifier_member));
  resource.name = identifier;
  Result<ArnAt> arn = cluster ? required_arn(db, "DBClusterArn", kClusterArn)
                              : required_arn(db, "DBInstanceArn", kInstanceArn);
  if (!arn) return arn.error();
  resource.arn = arn->text;
  if (cluster) {
    Result<ResourceType> type = cluster_type(db);
    if (!type) return type.error();
    resource.type = *type;
  } else {
    resource.type = ResourceType::rds_instance;
  }
  SNAPKEY_ASSIGN_OR_RETURN(std::optional<ReplicaFacts> source, replica_source(db, cluster, *arn));
  ReplicaFacts replica = source.value_or(ReplicaFacts{});
  SNAPKEY_RETURN_IF_ERROR(read_encryption(db, fmt::format("{} {}", what, identifier), resource.type,
                                          *arn, resource, out, source.has_value(), replica));
  if (source) out.replicas.try_emplace(resource.arn, std::move(replica));
  Result<std::map<std::string, std::string>> tags = tag_list(db);
  if (!tags) return tags.error();
  resource.tags = std::move(*tags);
  return resource;
}

Status add_cluster(const JsonValue& cluster, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(Resource resource, read_db(cluster, true, out));
  return add_resource(std::move(resource), out);
}

Status add_instance(const JsonValue& instance, Export& out) {
  if (!instance.is_object()) return instance.type_error("an object");
  // The instances of a cluster are backed up as the cluster, not one by one.
  SNAPKEY_ASSIGN_OR_RETURN(std::optional<std::string> cluster,
                           instance.optional_string("DBClusterIdentifier"));
  if (cluster) return Ok{};
  SNAPKEY_ASSIGN_OR_RETURN(Resource resource, read_db(instance, false, out));
  return add_resource(std::move(resource), out);
}

}  // namespace

Status read_db_clusters(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<JsonValue> clusters, list_of(root, "DBClusters"));
  for (const JsonValue& cluster : clusters) {
    SNAPKEY_RETURN_IF_ERROR(add_cluster(cluster, out));
  }
  return Ok{};
}

Status read_db_cluster(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(JsonValue cluster, required_object(root, "DBCluster"));
  return add_cluster(cluster, out);
}

Status read_db_instances(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<JsonValue> instances, list_of(root, "DBInstances"));
  for (const JsonValue& instance : instances) {
    SNAPKEY_RETURN_IF_ERROR(add_instance(instance, out));
  }
  return Ok{};
}

Status read_db_instance(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(JsonValue instance, required_object(root, "DBInstance"));
  return add_instance(instance, out);
}

}  // namespace snapkey::io::aws_cli
