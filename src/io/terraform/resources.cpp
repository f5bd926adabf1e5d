// Builder: the RDS-family resources (aws_rds_cluster, aws_db_instance, aws_docdb_cluster,
// aws_neptune_cluster) and the backup vaults (aws_backup_vault,
// aws_backup_logically_air_gapped_vault, data.aws_backup_vault).
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "io/terraform/build.hpp"

namespace snapkey::io::terraform {
namespace {

constexpr std::array kDatabases = {"aws_rds_cluster", "aws_db_instance", "aws_docdb_cluster",
                                   "aws_neptune_cluster"};

// The arguments that make a database a copy of something else, whose encryption it then takes
// unless the configuration says otherwise.
std::vector<std::string_view> sources_of(std::string_view type) {
  if (type == "aws_db_instance") {
    return {"snapshot_identifier", "replicate_source_db", "restore_to_point_in_time"};
  }
  if (type == "aws_docdb_cluster") return {"snapshot_identifier", "global_cluster_identifier"};
  return {"snapshot_identifier", "replication_source_identifier", "global_cluster_identifier",
          "restore_to_point_in_time"};
}

// The source argument that is set, or "". Some are computed (snapshot_identifier of
// aws_db_instance): unknown in a create plan although nobody set them, so an unknown one counts
// only when the configuration sets it.
std::string_view source_set(const Instance& instance) {
  for (std::string_view attribute : sources_of(instance.type)) {
    const Value value = instance[attribute];
    if (value.unknown() && !instance.expression(attribute).is_missing()) return attribute;
    if (value.known() && !(value.json.is_array() && value.json.items().empty())) return attribute;
  }
  return "";
}

std::string arn_of(const Instance& instance, std::string_view service, std::string_view kind,
                   std::string_view name) {
  return fmt::format("arn:{}:{}:{}:{}:{}:{}", partition_of(instance.region), service,
                     instance.region.name, instance.account.value, kind,
                     name.empty() ? "<" + instance.address + ">" : std::string(name));
}

}  // namespace

Result<std::string> Builder::name_of(const Instance& instance, std::string_view attribute) const {
  const Value value = instance[attribute];
  if (value.known()) return value.string();
  if (value.unknown()) {
    const Resolved r = plan_.resolve(instance.expression(attribute), instance);
    if (r.kind == Resolved::Kind::constant && r.constant.is_string()) return r.constant.as_string();
  }
  return std::string();
}

bool is_database_type(std::string_view type) {
  return std::find(kDatabases.begin(), kDatabases.end(), type) != kDatabases.end();
}

Status Builder::resources() {
  for (const char* type : kDatabases) {
    for (const Instance* instance : plan_.of(false, type)) {
      SNAPKEY_RETURN_IF_ERROR(database(*instance));
    }
  }
  return Ok{};
}

Result<std::optional<ResourceType>> Builder::database_type(const Instance& instance) const {
  using Type = std::optional<ResourceType>;
  if (instance.type == "aws_docdb_cluster") return Type(ResourceType::docdb);
  if (instance.type == "aws_neptune_cluster") return Type(ResourceType::neptune);
  Value engine = instance["engine"];
  std::string name;
  if (engine.unknown()) {
    const Resolved r = plan_.resolve(instance.expression("engine"), instance);
    if (r.kind != Resolved::Kind::constant || !r.constant.is_string()) {
      return Error{"E_TERRAFORM_UNRESOLVED",
                   unknown_until_apply(instance.address, "engine",
                                       r.kind == Resolved::Kind::unresolvable
                                           ? r.why
                                           : r.subject + " is not an engine name") +
                       "; the engine tells what kind of resource it is",
                   instance.location};
    }
    name = *r.constant.as_string();
  } else if (engine.known()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto text, engine.string());
    name = text;
  }
  if (instance.type == "aws_db_instance") {
    // An instance of an Aurora, DocumentDB or Neptune cluster: the cluster is what is backed up.
    const Value cluster = instance["db_cluster_identifier"];
    if (name.starts_with("aurora") || name == "docdb" || name == "neptune" || cluster.known()) {
      return Type();
    }
    return Type(ResourceType::rds_instance);
  }
  if (name.empty() || name.starts_with("aurora")) return Type(ResourceType::aurora);
  if (name == "mysql" || name == "postgres") return Type(ResourceType::rds_multiaz_cluster);
  if (name == "docdb") return Type(ResourceType::docdb);
  if (name == "neptune") return Type(ResourceType::neptune);
  return engine.json.error(
      "E_TERRAFORM_VALUE",
      fmt::format("{}: expected an engine aurora-mysql, aurora-postgresql, mysql or postgres at "
                  "{}, found '{}'",
                  instance.address, engine.json.location().pointer, name));
}

// The key of a database: none when it is not encrypted; aws/rds when it is and no key is given;
// the AWS owned key of Aurora's default encryption where AWS reports it (sse-rds) or the
// configuration asks for it (express configuration).
Result<KeyTarget> Builder::database_key(const Instance& instance, std::string_view key_attribute,
                                        ResourceType type, bool& default_encryption) {
  const bool aurora = type == ResourceType::aurora;
  const bool no_key =
      instance.expression(key_attribute).is_missing() && !instance[key_attribute].known();
  if (instance.type == "aws_rds_cluster") {
    // A cluster that exists shows how it is encrypted (newer AWS providers): sse-rds is
    // Aurora's AWS owned key (R39).
    const Value encryption_type = instance["storage_encryption_type"];
    if (aurora && encryption_type.known()) {
      SNAPKEY_ASSIGN_OR_RETURN(auto text, encryption_type.string());
      if (text == "sse-rds") return KeyTarget::of_text(std::string(kAwsOwnedKey));
    }
    // Aurora express configuration: encrypted with the AWS owned key, with no key to choose.
    std::string why;
    SNAPKEY_ASSIGN_OR_RETURN(auto express,
                             flag(plan_, instance, instance["with_express_configuration"],
                                  instance.expression("with_express_configuration"),
                                  "with_express_configuration", false, why));
    if (aurora && no_key && !express) return KeyTarget::unknown(why);
    if (aurora && no_key && *express) return KeyTarget::of_text(std::string(kAwsOwnedKey));
  }
  const Value encrypted = instance["storage_encrypted"];
  const JsonValue expression = instance.expression("storage_encrypted");
  const std::string_view source = source_set(instance);
  if (!source.empty() && expression.is_missing() && !encrypted.known()) {
    return KeyTarget::unknown(unknown_until_apply(
        instance.address, "storage_encrypted",
        fmt::format("it follows {}, which the plan does not describe", source)));
  }
  // Serverless v1 Aurora clusters are always encrypted; everything else defaults to not.
  const Value mode = instance["engine_mode"];
  const bool serverless = mode.known() && mode.json.is_string() && *mode.string() == "serverless";
  std::string why;
  auto on = flag(plan_, instance, encrypted, expression, "storage_encrypted", serverless, why);
  if (!on) return on.error();
  if (!*on) return KeyTarget::unknown(why);
  if (!**on) {
    // Created without a key or encryption: Aurora is then encrypted, or not, by what AWS does
    // on the day it is created (R39), which the engine decides by the prediction's date.
    default_encryption = aurora && instance.created && !serverless && source.empty() && no_key;
    return KeyTarget{};
  }
  if (!source.empty() && instance.expression(key_attribute).is_missing()) {
    // The key is the source's: what the resource reports, or not known before it exists.
    if (instance[key_attribute].known()) {
      return key_from_text(instance[key_attribute], instance.account, instance.region);
    }
    return KeyTarget::unknown(unknown_until_apply(
        instance.address, key_attribute,
        fmt::format("the key follows {}, which the plan does not describe", source)));
  }
  return key_target(instance, key_attribute, kAwsRdsAlias, kAwsRdsAlias);
}

// tags_all (the resource's tags and the provider's default_tags), else tags. A tag whose value
// is known only after apply is kept as not known; "*" when which tags there are is not known.
// A selection that tests one may then assign the resource or not.
Status Builder::tags(const Instance& instance, ResourceEntry& entry) const {
  Resource& r = entry.resource;
  const std::string all = fmt::format("{}: its tags are known only after apply", instance.address);
  Object tags = instance.values.child("tags_all");
  if (!instance["tags_all"].known()) {
    if (instance["tags_all"].unknown()) r.tags_unknown.emplace("*", all);
    tags = instance.values.child("tags");
    if (instance["tags"].unknown()) {
      r.tags_unknown.emplace("*", all);
      return Ok{};
    }
  }
  for (const auto& [key, json] : tags.values().members()) {
    const Value value = tags[key];
    if (value.unknown()) {
      r.tags_unknown.emplace(key, fmt::format("{}: the value of tag '{}' is known only after apply",
                                              instance.address, key));
    } else if (value.known()) {
      SNAPKEY_ASSIGN_OR_RETURN(auto text, value.string());
      entry.resource.tags[key] = text;
    }
  }
  return Ok{};
}

Status Builder::database(const Instance& instance) {
  auto type = database_type(instance);
  if (!type) return type.error();
  if (!*type) return Ok{};
  const bool instance_type = instance.type == "aws_db_instance";
  SNAPKEY_ASSIGN_OR_RETURN(auto identifier,
                           name_of(instance, instance_type ? "identifier" : "cluster_identifier"));
  ResourceEntry entry;
  Resource& r = entry.resource;
  r.type = **type;
  r.name = identifier.empty() ? instance.address : identifier;
  r.address = instance.address;
  r.location = instance.location;
  r.generated_name = true;
  const Value arn = instance["arn"];
  if (arn.known()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto text, arn.string());
    r.arn = text;
  } else {
    r.arn = arn_of(instance, "rds", instance_type ? "db" : "cluster", identifier);
  }
  auto key =
      database_key(instance, instance.type == "aws_neptune_cluster" ? "kms_key_arn" : "kms_key_id",
                   r.type, r.default_encryption);
  if (!key) return key.error();
  entry.key = *key;
  SNAPKEY_RETURN_IF_ERROR(tags(instance, entry));
  resource_arn_[&instance] = r.arn;
  resources_.push_back(std::move(entry));
  return Ok{};
}

Status Builder::vaults() {
  for (const Instance* instance : plan_.of(false, "aws_backup_vault")) {
    SNAPKEY_RETURN_IF_ERROR(vault(*instance, VaultType::standard));
  }
  for (const Instance* instance : plan_.of(true, "aws_backup_vault")) {
    SNAPKEY_RETURN_IF_ERROR(vault(*instance, VaultType::standard));
  }
  for (const Instance* instance : plan_.of(false, "aws_backup_logically_air_gapped_vault")) {
    SNAPKEY_RETURN_IF_ERROR(vault(*instance, VaultType::logically_air_gapped));
  }
  return Ok{};
}

Status Builder::vault(const Instance& instance, VaultType type) {
  auto name = name_of(instance, "name");
  if (!name) return name.error();
  VaultEntry entry;
  Vault& v = entry.vault;
  v.name = name->empty() ? instance.address : *name;
  v.type = type;
  v.address = instance.address;
  v.location = instance.location;
  v.generated_name = true;
  const Value arn = instance["arn"];
  if (arn.known()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto text, arn.string());
    v.arn = text;
  } else {
    v.arn = arn_of(instance, "backup", "backup-vault", *name);
  }
  if (instance.data) {
    // An existing vault the configuration only reads: its access policy is not in the plan.
    v.allows_copy_from = std::nullopt;
    const Value key = instance["kms_key_arn"];
    if (key.known()) {
      SNAPKEY_ASSIGN_OR_RETURN(auto target, key_from_text(key, instance.account, instance.region));
      entry.key = target;
    } else {
      entry.key = KeyTarget::unknown(
          fmt::format("{}: kms_key_arn is read only during apply", instance.address));
    }
  } else {
    auto key = type == VaultType::standard
                   ? key_target(instance, "kms_key_arn", "", kAwsBackupAlias)
                   : key_target(instance, "encryption_key_arn", "", "");
    if (!key) return key.error();
    entry.key = *key;
  }
  vault_by_arn_.emplace(v.arn, vaults_.size());
  vault_of_instance_[&instance] = vaults_.size();
  vaults_.push_back(std::move(entry));
  return Ok{};
}

}  // namespace snapkey::io::terraform
