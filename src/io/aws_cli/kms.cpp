// kms describe-key, kms list-aliases and kms get-key-policy.
#include <fmt/format.h>

#include <filesystem>

#include "io/aws_cli/export.hpp"

namespace snapkey::io::aws_cli {
namespace {

std::string subject_of(const std::string& arn) { return fmt::format("key {}", arn); }

std::string_view key_id_of(const ArnAt& arn) {
  return std::string_view(arn.arn.resource).substr(4);  // after "key/"
}

// An entry of MultiRegionConfiguration (PrimaryKey, ReplicaKeys[]): {Arn, Region}. Its Region is
// the one in its Arn, and related multi-Region keys share their key id and account, so an entry
// that says otherwise contradicts itself or `self` (E_AWS_CLI_VALUE, at the entry or its Arn).
Result<ArnAt> related_key(const JsonValue& entry, const ArnAt& self) {
  if (!entry.is_object()) return entry.type_error("an object");
  Result<ArnAt> arn = required_arn(entry, "Arn", kKeyArn);
  if (!arn) return arn.error();
  Result<std::optional<std::string>> region = entry.optional_string("Region");
  if (!region) return region.error();
  if (*region && **region != arn->arn.region) {
    return entry.error(
        std::string(kValueError),
        fmt::format("expected Region {} at {}, as Arn is '{}' at {}; found '{}'", arn->arn.region,
                    entry["Region"].location().pointer, arn->text, arn->where().pointer, **region));
  }
  if (key_id_of(*arn) != key_id_of(self) || arn->arn.account != self.arn.account) {
    return arn->at.error(
        std::string(kValueError),
        fmt::format("expected the ARN of a key with key id {} in account {} at {}, as related "
                    "multi-Region keys share the key id and account of {} at {}; found '{}'",
                    key_id_of(self), self.arn.account, arn->where().pointer, self.text,
                    self.where().pointer, arn->text));
  }
  return arn;
}

// A related key of `self` that must be in another Region (a primary's replica, a replica's
// primary): "expected a key in another Region than R at /p, as MultiRegionKeyType is T at /q".
Status in_another_region(const ArnAt& related, const ArnAt& self, const JsonValue& type,
                         std::string_view type_name) {
  if (related.arn.region != self.arn.region) return Ok{};
  return related.at.error(
      std::string(kValueError),
      fmt::format("expected the ARN of a key in another Region than {} at {}, as "
                  "MultiRegionKeyType is {} at {} (related multi-Region keys are each in their "
                  "own Region); found '{}'",
                  self.arn.region, related.where().pointer, type_name, type.location().pointer,
                  related.text));
}

// MultiRegionConfiguration: this key's role, its primary, and what it says about its relatives.
Status read_multi_region(const JsonValue& meta, const ArnAt& arn, KeyFacts& key, Export& out) {
  const std::string subject = subject_of(arn.text);
  Result<std::optional<bool>> multi_region = meta.optional_bool("MultiRegion");
  if (!multi_region) return multi_region.error();
  if (!multi_region->value_or(false)) {
    return settle(key.multi_region, MultiRegion::none, meta["MultiRegion"].location(), subject,
                  "MultiRegion");
  }
  SNAPKEY_ASSIGN_OR_RETURN(JsonValue config, required_object(meta, "MultiRegionConfiguration"));
  SNAPKEY_ASSIGN_OR_RETURN(std::string type, config.required_string("MultiRegionKeyType"));
  const JsonValue type_at = (config)["MultiRegionKeyType"];
  if (type != "PRIMARY" && type != "REPLICA") {
    return value_error(type_at, "one of PRIMARY, REPLICA", type);
  }
  const bool primary = type == "PRIMARY";
  Status s = settle(key.multi_region, primary ? MultiRegion::primary : MultiRegion::replica,
                    type_at.location(), subject, "MultiRegionKeyType");
  if (!s) return s;
  // Every entry is read, so that one contradicting its own Arn is reported where it is.
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<JsonValue> replicas, list_of(config, "ReplicaKeys"));
  std::vector<ArnAt> replica_arns;
  for (const JsonValue& replica : replicas) {
    SNAPKEY_ASSIGN_OR_RETURN(ArnAt replica_arn, related_key(replica, arn));
    replica_arns.push_back(std::move(replica_arn));
  }
  // Real outputs name the primary in PrimaryKey whatever the key's role; a primary's is itself.
  const JsonValue primary_at = (config)["PrimaryKey"];
  if (primary) {
    if (!primary_at.is_missing() && !primary_at.is_null()) {
      SNAPKEY_ASSIGN_OR_RETURN(ArnAt self, related_key(primary_at, arn));
      if (self.text != arn.text) {
        return self.at.error(std::string(kValueError),
                             fmt::format("expected '{}' (the key's own Arn, at {}) at {}, as "
                                         "MultiRegionKeyType is PRIMARY at {}; found '{}'",
                                         arn.text, arn.where().pointer, self.where().pointer,
                                         type_at.location().pointer, self.text));
      }
    }
    for (const ArnAt& replica_arn : replica_arns) {
      SNAPKEY_RETURN_IF_ERROR(in_another_region(replica_arn, arn, type_at, type));
      out.relatives.try_emplace(
          replica_arn.text, RelativeHint{{MultiRegion::replica, replica_arn.where()}, arn.text});
    }
    return Ok{};
  }
  SNAPKEY_ASSIGN_OR_RETURN(JsonValue primary_key, required_object(config, "PrimaryKey"));
  SNAPKEY_ASSIGN_OR_RETURN(ArnAt primary_arn, related_key(primary_key, arn));
  SNAPKEY_RETURN_IF_ERROR(in_another_region(primary_arn, arn, type_at, type));
  s = settle(key.primary, primary_arn.text, primary_arn.where(), subject, "PrimaryKey.Arn");
  if (!s) return s;
  out.relatives.try_emplace(primary_arn.text,
                            RelativeHint{{MultiRegion::primary, primary_arn.where()}, ""});
  // The primary must be in the model for the replica to resolve (E_REPLICA_PRIMARY otherwise).
  out.key(primary_arn.text, primary_arn.region(), primary_arn.account(), primary_arn.where())
      .referenced = true;
  return Ok{};
}

// KeySpec (or, in outputs without it, the deprecated CustomerMasterKeySpec, which DescribeKey
// prints with the same value) and KeyUsage. Any string is taken: KMS adds key specs, and only
// SYMMETRIC_DEFAULT / ENCRYPT_DECRYPT keys can encrypt a database or a vault (R43).
Status read_spec_and_usage(const JsonValue& meta, const std::string& subject, KeyFacts& key) {
  std::string_view spec_member = "KeySpec";
  Result<std::optional<std::string>> spec = meta.optional_string(spec_member);
  if (!spec) return spec.error();
  if (!*spec) {
    spec_member = "CustomerMasterKeySpec";
    spec = meta.optional_string(spec_member);
    if (!spec) return spec.error();
  }
  if (*spec) {
    // A conflict names the member it was read from by its place.
    Status s =
        settle(key.spec, std::move(**spec), meta[spec_member].location(), subject, "KeySpec");
    if (!s) return s;
  }
  Result<std::optional<std::string>> usage = meta.optional_string("KeyUsage");
  if (!usage) return usage.error();
  if (!*usage) return Ok{};
  return settle(key.usage, std::move(**usage), meta["KeyUsage"].location(), subject, "KeyUsage");
}

// The key a get-key-policy output is about: the wrapper's "KeyId", else the file name.
Result<ArnAt> policy_key(const JsonValue& root, const FileContext& file) {
  std::string id;
  std::string found;  // what names the key, for the message when it is not a key id
  JsonValue at = root;
  if (!root["KeyId"].is_missing()) {
    at = root["KeyId"];
    SNAPKEY_ASSIGN_OR_RETURN(std::string text, at.as_string());
    if (text.starts_with("arn:")) return arn_value(at, kKeyArn);
    SNAPKEY_RETURN_IF_ERROR(check_multi_region_key_id(at, text, text));
    id = text;
    found = fmt::format("KeyId '{}'", id);
  } else {
    // "<key-id>.json" or "<key-id>.policy.json"
    const std::filesystem::path name = std::filesystem::path(file.path).filename();
    id = name.stem().string();
    if (id.ends_with(".policy")) id.resize(id.size() - 7);
    found = fmt::format("the file name '{}'", name.string());
  }
  if (!is_key_id(id)) {
    return at.error(std::string(kValueError),
                    fmt::format("a get-key-policy output does not name its key: expected the file "
                                "to be named KEY-ID.json or KEY-ID.policy.json, or {{\"KeyId\": "
                                "KEY-ARN, \"Policy\": ...}}, found {}",
                                found));
  }
  if (!file.folder_account || !file.folder_region) {
    return at.error(
        std::string(kAccountError),
        fmt::format("the policy of key {} does not say the key's account and Region: put the file "
                    "under ACCOUNT/REGION/, or give the key ARN as \"KeyId\"",
                    id));
  }
  const std::string text = fmt::format("arn:{}:kms:{}:{}:key/{}", partition_of(*file.folder_region),
                                       file.folder_region->name, file.folder_account->value, id);
  return ArnAt{text, *parse_arn(text), at};
}

}  // namespace

Status read_describe_key(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(JsonValue meta, required_object(root, "KeyMetadata"));
  // KeyId first: a malformed multi-Region key id is reported where it is, not in the Arn.
  SNAPKEY_ASSIGN_OR_RETURN(std::optional<std::string> key_id, meta.optional_string("KeyId"));
  if (key_id) {
    SNAPKEY_RETURN_IF_ERROR(check_multi_region_key_id((meta)["KeyId"], *key_id, *key_id));
  }
  SNAPKEY_ASSIGN_OR_RETURN(ArnAt arn, required_arn(meta, "Arn", kKeyArn));
  if (key_id && *key_id != key_id_of(arn)) {
    return (meta)["KeyId"].error(
        std::string(kValueError),
        fmt::format("expected KeyId {} at {}, the key id of Arn '{}' at {}; found '{}'",
                    key_id_of(arn), (meta)["KeyId"].location().pointer, arn.text,
                    arn.where().pointer, *key_id));
  }
  KeyFacts& key = out.key(arn.text, arn.region(), arn.account(), meta.location());
  if (!key.described) key.location = meta.location();
  key.described = true;
  const std::string subject = subject_of(arn.text);

  Result<std::optional<std::string>> manager =
      optional_word(meta, "KeyManager", {"AWS", "CUSTOMER"});
  if (!manager) return manager.error();
  if (*manager) {
    Status s = settle(key.manager, **manager == "AWS" ? KeyManager::aws : KeyManager::customer,
                      (meta)["KeyManager"].location(), subject, "KeyManager");
    if (!s) return s;
  }
  SNAPKEY_ASSIGN_OR_RETURN(std::optional<std::string> state_text, meta.optional_string("KeyState"));
  if (state_text) {
    const JsonValue at = (meta)["KeyState"];
    Result<KeyState> state = parse_key_state(*state_text);
    if (!state) return at.error(state.error().id, state.error().message);
    Status s = settle(key.state, *state, at.location(), subject, "KeyState");
    if (!s) return s;
  }
  SNAPKEY_RETURN_IF_ERROR(read_spec_and_usage(meta, subject, key));
  return read_multi_region(meta, arn, key, out);
}

Status read_list_aliases(const JsonValue& root, const FileContext&, Export& out) {
  Result<std::vector<JsonValue>> aliases = list_of(root, "Aliases");
  if (!aliases) return aliases.error();
  for (const JsonValue& entry : *aliases) {
    if (!entry.is_object()) return entry.type_error("an object");
    SNAPKEY_ASSIGN_OR_RETURN(ArnAt alias_arn, required_arn(entry, "AliasArn", kAliasArn));
    SNAPKEY_ASSIGN_OR_RETURN(std::string name, entry.required_string("AliasName"));
    // ListAliases prints the alias name its ARN ends with: alias/NAME.
    if (name != alias_arn.arn.resource) {
      return entry["AliasName"].error(
          std::string(kValueError),
          fmt::format("expected AliasName {} at {}, the alias of AliasArn '{}' at {}; found '{}'",
                      alias_arn.arn.resource, entry["AliasName"].location().pointer, alias_arn.text,
                      alias_arn.where().pointer, name));
    }
    SNAPKEY_ASSIGN_OR_RETURN(std::optional<std::string> target,
                             entry.optional_string("TargetKeyId"));
    // A predefined AWS alias whose key was never created: the model's implicit key covers it.
    if (!target) continue;
    if (Status s = check_multi_region_key_id(entry["TargetKeyId"], *target, *target); !s) {
      return s;
    }
    if (!is_key_id(*target)) {
      return value_error(entry["TargetKeyId"], "a key id (a UUID or mrk- and 32 hex digits)",
                         *target);
    }
    const std::string key_arn = fmt::format("arn:{}:kms:{}:{}:key/{}", alias_arn.arn.partition,
                                            alias_arn.arn.region, alias_arn.arn.account, *target);
    const Location where = entry.location();
    auto [known, inserted] =
        out.aliases.try_emplace(alias_arn.text, Seen<std::string>{key_arn, where});
    if (!inserted && known->second.value != key_arn) {
      return conflict(fmt::format("alias {}", alias_arn.text), "TargetKeyId",
                      show(known->second.value), known->second.where, show(key_arn), where);
    }
    KeyFacts& key = out.key(key_arn, alias_arn.region(), alias_arn.account(), where);
    key.aliases.insert(name);
    // Only AWS managed keys have alias/aws/ names, and CreateAlias only points other names at
    // customer managed keys: the alias tells the manager.
    const KeyManager manager =
        name.starts_with("alias/aws/") ? KeyManager::aws : KeyManager::customer;
    Status s = settle(key.manager, manager, entry["AliasName"].location(), subject_of(key_arn),
                      "KeyManager");
    if (!s) return s;
  }
  return Ok{};
}

Status read_key_policy(const JsonValue& root, const FileContext& file, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(ArnAt arn, policy_key(root, file));
  const JsonValue policy = root["Policy"];
  Result<std::vector<std::string>> shared =
      policy_principals(policy, {"kms:Decrypt", "kms:CreateGrant"}, arn.account());
  if (!shared) return shared.error();
  KeyFacts& key = out.key(arn.text, arn.region(), arn.account(), policy.location());
  return settle(key.shared_with, std::move(*shared), policy.location(), subject_of(arn.text),
                "who the key policy lets use the key");
}

}  // namespace snapkey::io::aws_cli
