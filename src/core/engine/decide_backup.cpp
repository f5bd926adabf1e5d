// Backup jobs: the recovery point a plan rule puts into its target vault (R1-R5, R23, R39, R42,
// R43, R45).
#include <fmt/format.h>

#include "core/engine/decision.hpp"

namespace snapkey::detail {
namespace {

// R26 / R27: the resource's key and an air-gapped vault's own key must both be Enabled for the
// backup to be written. A key in an unknown state passes: nothing says it is not Enabled.
bool key_enabled(const Key& key, std::string_view rule, std::string_view role, Decision& d) {
  if (key.manager != KeyManager::customer || key.state == KeyState::enabled ||
      key.state == KeyState::unknown) {
    return true;
  }
  d.step(rule,
         fmt::format("The {} is {}: the backup cannot be encrypted with it.", role,
                     to_string(key.state)),
         {{std::string(role), describe(key)}, {"key state", std::string(to_string(key.state))}});
  d.fails(fmt::format("the {} is {}", role, to_string(key.state)), kms_error(key));
  d.advise(fmt::format("Enable key {} (or cancel its deletion).", key.display_name()));
  return false;
}

// R39: the key of a resource the input creates without choosing one, on the day it is created.
// nullptr when AWS's default then is no encryption.
const Key* default_key(const Context& ctx, const Resource& resource, Decision& d) {
  if (resource.type != ResourceType::aurora) return nullptr;  // RDS and the rest: unencrypted
  const Date since = *find_rule("R39")->effective;
  const std::vector<Fact> facts = {{"created", ctx.as_of.to_string()},
                                   {"default since", since.to_string()}};
  if (ctx.as_of < since) {
    d.step("R39", Confidence::documented,
           fmt::format("The cluster is created without a key before {}: Aurora does not encrypt "
                       "it by default then.",
                       since.to_string()),
           facts);
    return nullptr;
  }
  d.step("R39", Confidence::documented,
         fmt::format("The cluster is created without a key on or after {}: Aurora encrypts it at "
                     "rest with an AWS owned key (StorageEncryptionType sse-rds).",
                     since.to_string()),
         facts);
  return &ctx.model.aws_owned_key(Model::account_of(resource), Model::region_of(resource));
}

// R42: the backup of a rule with an air-gapped target is a temporary recovery point.
void temporary_point(bool continuous, Decision& d) {
  d.step(
      "R42", Confidence::documented,
      continuous
          ? "The rule has an air-gapped target: the continuous recovery point stays in this "
            "vault, and AWS Backup copies a temporary snapshot into the air-gapped vault."
          : "The rule has an air-gapped target: this is a temporary recovery point, which AWS "
            "Backup copies into the air-gapped vault and then deletes (kept for its retention "
            "if the copy fails).",
      {{"lifecycle", continuous ? "retention of the rule" : "DeleteAfterEvent DELETE_AFTER_COPY"}});
}

// R5 and R21: a backup written directly into a logically air-gapped vault.
void into_air_gapped_vault(const Context& ctx, const Resource& resource, const Key* resource_key,
                           const Vault& vault, Decision& d) {
  d.step("R5", Confidence::inferred,
         "The backup goes straight into a logically air-gapped vault; AWS documents how such "
         "backups are encrypted, not whether RDS-family types may be backed up there primarily.",
         {{"vault", vault.arn}})
      .warn(kLagEligibilityUnknown);
  if (resource_key == nullptr) {
    d.step(
        "R21",
        "RDS-family sources must be encrypted with a customer managed key to go into a LAG vault.");
    d.fails(fmt::format(
        "{} is not encrypted; unencrypted RDS-family resources are not supported in a logically "
        "air-gapped vault",
        resource.name));
    d.advise(
        "Encrypt the resource with a customer managed key, or back it up into a standard vault.");
    return;
  }
  const Key& source = *resource_key;
  if (is_sse_rds_key(source)) {
    d.step("R46",
           "Whether AWS Backup accepts a source on Aurora's AWS owned key in a logically "
           "air-gapped vault is not documented.",
           {{"source key", describe(source)}});
    d.warn(kAwsOwnedCopyUnknown);
    d.indeterminate("how a logically air-gapped vault takes a source on the AWS owned key (U-17)",
                    "no source says whether a logically air-gapped vault accepts a recovery point "
                    "on Aurora's AWS owned key");
    return;
  }
  if (source.manager == KeyManager::unknown) {
    d.indeterminate(fmt::format("whether key {} is customer or AWS managed", describe(source)),
                    "LAG vaults accept only sources with a customer managed key, and this key's "
                    "manager is not known");
    return;
  }
  if (source.manager != KeyManager::customer) {
    d.step("R21",
           "AWS managed keys of resources that are not fully managed are not supported in a LAG "
           "vault.",
           {{"source key", describe(source)}});
    d.fails(
        "the resource is encrypted with an AWS managed key, which a logically air-gapped vault "
        "does not accept");
    d.advise("Encrypt the resource with a customer managed key.");
    return;
  }
  if (!symmetric_encryption_key(source, "resource key", d) ||
      !key_enabled(source, "R26", "resource key", d))
    return;
  const std::optional<Key> key = ctx.model.key_of(vault);
  if (!key) {
    d.indeterminate(fmt::format("the key of vault {}: {}", vault.name, vault.key_unknown),
                    "the air-gapped vault's key is not known");
    return;
  }
  if (!air_gapped_vault_usable(ctx, vault, *key, d) || !key_enabled(*key, "R27", "vault key", d))
    return;
  d.step("R21", "Every backup in a logically air-gapped vault is encrypted with the vault's key.",
         {{"vault key", describe(*key)}});
  if (key->manager == KeyManager::aws_owned) d.warn(kLagKeyArnUnknown);
  d.encrypted(*key, fmt::format("encrypted with the air-gapped vault's key, {}", describe(*key)));
}

}  // namespace

Decision decide_backup(const Context& ctx, const Resource& resource, const Vault& vault,
                       bool continuous, bool air_gapped_target) {
  Decision d;
  d.step(
      "R1",
      fmt::format(
          "{} is not fully managed by AWS Backup: the recovery point keeps the encryption of the "
          "RDS snapshot, not the vault's key.",
          to_string(resource.type)),
      {{"resource type", std::string(to_string(resource.type))}});
  if (continuous) {
    d.step("R23", Confidence::documented,
           "The rule is continuous: the recovery point is a point-in-time (continuous) backup.");
  }
  if (air_gapped_target) temporary_point(continuous, d);
  if (vault.type == VaultType::restore_access) {
    d.step("R45",
           "A restore access backup vault only gives access to an air-gapped vault's "
           "recovery points to restore them; backups cannot go into it.",
           {{"vault", vault.arn}});
    d.unsupported(fmt::format("vault {} is a restore access backup vault", vault.name));
    d.advise("Back up into a standard vault (with a logically air-gapped target if needed).");
    return d;
  }
  d.step(vault.type == VaultType::logically_air_gapped ? "R21" : "R4",
         "The recovery point's ARN has the form of the service's snapshot (or a backup recovery "
         "point).",
         {{"recovery point ARN", backup_recovery_point_arn(resource, vault, continuous)}});
  if (!resource.key_unknown.empty()) {
    d.indeterminate(fmt::format("the key of {}: {}", resource.name, resource.key_unknown),
                    "the resource's encryption is not known");
    return d;
  }
  const Key* key = resource.key.empty()
                       ? nullptr
                       : ctx.model.find_key(resource.key, Model::account_of(resource),
                                            Model::region_of(resource));
  if (resource.default_encryption) key = default_key(ctx, resource, d);
  if (vault.type == VaultType::logically_air_gapped) {
    into_air_gapped_vault(ctx, resource, key, vault, d);
    return d;
  }
  if (key == nullptr) {
    d.step("R3",
           "The resource is not encrypted, so its snapshot is not encrypted; the vault key does "
           "not apply.");
    d.unencrypted("not encrypted: the resource is not encrypted");
    d.advise(
        "Encrypt the resource (restore it from a snapshot into an encrypted cluster or instance); "
        "a vault key never encrypts RDS-family backups.");
    return d;
  }
  if (!symmetric_encryption_key(*key, "resource key", d)) return d;
  if (key->state != KeyState::enabled && key->state != KeyState::unknown) {
    d.step(
        "R26", Confidence::inferred,
        fmt::format("The resource's key is {}: RDS cannot use it, so the snapshot cannot be taken.",
                    to_string(key->state)),
        {{"resource key", describe(*key)}, {"key state", std::string(to_string(key->state))}});
    d.fails(fmt::format("the resource's key is {}", to_string(key->state)), kms_error(*key));
    d.advise(fmt::format("Enable key {} (or cancel its deletion).", key->display_name()));
    return d;
  }
  d.step("R2",
         "The resource is encrypted, so the recovery point is encrypted with exactly the "
         "resource's key.",
         {{"resource key", describe(*key)}});
  d.encrypted(*key, fmt::format("encrypted with the resource's key, {}", describe(*key)));
  d.advise(
      "A backup always keeps the resource's key; choose a different key for the copies by choosing "
      "the destination vault (R6).");
  return d;
}

}  // namespace snapkey::detail
