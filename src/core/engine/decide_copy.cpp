// AWS Backup copy jobs (plan copy actions and on-demand StartCopyJob), in the order of the spec's
// decision procedure (aws-rules.md §5): is the copy allowed at all, the source key, the
// cross-account rules, an air-gapped destination, then the destination vault's key.
#include <fmt/format.h>

#include <algorithm>

#include "core/engine/decision.hpp"

namespace snapkey::detail {
namespace {

// The feature date of a rule, from the rule table.
Date effective(std::string_view rule) { return *find_rule(rule)->effective; }

// R21: where cross-Region and cross-account copies into an air-gapped vault are not available.
constexpr std::string_view kNoLagCopyRegions[] = {
    "ap-southeast-5", "ca-west-1",  "mx-central-1",   "ap-southeast-7", "ap-east-2",
    "ap-southeast-6", "cn-north-1", "cn-northwest-1", "us-gov-east-1",  "us-gov-west-1"};

bool lag_copy_unavailable(const Region& region) {
  return std::find(std::begin(kNoLagCopyRegions), std::end(kNoLagCopyRegions), region.name) !=
         std::end(kNoLagCopyRegions);
}

// How R18's failure message names a resource type.
std::string_view feature_type_name(ResourceType type) {
  switch (type) {
    case ResourceType::aurora:
      return "Aurora";
    case ResourceType::docdb:
      return "DocumentDB";
    case ResourceType::neptune:
      return "Neptune";
    case ResourceType::rds_instance:
    case ResourceType::rds_multiaz_cluster:
      break;
  }
  return "RDS";
}

struct Copy {
  const Context& ctx;
  const SourcePoint& source;
  const Vault& destination;
  bool on_demand;
  bool air_gapped_target;  // the copy a backup rule's air-gapped target makes by itself (R42)
  Region from_region, to_region;
  AccountId from_account, to_account;
  Decision d;

  bool cross_region() const { return from_region != to_region; }
  bool cross_account() const { return from_account != to_account; }
  ResourceType type() const { return source.resource.type; }
  bool into_lag() const { return destination.type == VaultType::logically_air_gapped; }
  bool from_lag() const {
    return source.vault != nullptr && source.vault->type == VaultType::logically_air_gapped;
  }
  std::vector<Fact> where() const {
    return {{"from", fmt::format("{} {}", from_account.value, from_region.name)},
            {"to", fmt::format("{} {}", to_account.value, to_region.name)}};
  }

  // --- 0. The source recovery point must exist (a chained copy of a failed copy has none).
  bool source_exists() {
    const Prediction& parent = source.prediction;
    if (parent.outcome == Outcome::encrypted || parent.outcome == Outcome::unencrypted) return true;
    if (parent.operation == Operation::backup && parent.rules.back() == "R26") {
      // New backups fail, but the recovery points taken while the key worked are still there, and
      // copying them fails for the same reason.
      const Resource& resource = source.resource;
      fail_on_source_key_state(*ctx.model.find_key(resource.key, Model::account_of(resource),
                                                   Model::region_of(resource)));
      return false;
    }
    no_source(parent, d);
    return false;
  }

  // --- 1. Is the copy allowed at all? (R17, R19, R20, R18, R21f, R14, R23, R25)
  bool allowed() {
    return resource_supports_copy() && restore_access_allows() && partition_allows() &&
           opt_in_region_allows() && air_gapped_region_allows() && feature_dates_allow() &&
           cross_account_allowed() && continuous_allows() && option_group_allows();
  }

  // R45: restore access backup vaults neither receive nor give copies.
  bool restore_access_allows() {
    const bool from = source.vault != nullptr && source.vault->type == VaultType::restore_access;
    const bool to = destination.type == VaultType::restore_access;
    if (!from && !to) return true;
    d.step("R45",
           to ? "A restore access backup vault only gives access to an air-gapped vault's "
                "recovery points to restore them; nothing can be copied into it."
              : "The accounts an air-gapped vault is shared with may view and restore its "
                "recovery points, not copy them (the same page also describes such copies: "
                "DOC_CONFLICT).",
           {{"vault", to ? destination.arn : source.vault->arn}});
    if (from) d.warn(kDocConflict);
    d.unsupported(to ? fmt::format("vault {} is a restore access backup vault", destination.name)
                     : fmt::format("recovery points in restore access backup vault {} can be "
                                   "restored, not copied",
                                   source.vault->name));
    d.advise(to ? "Copy into a standard or logically air-gapped vault instead."
                : "Restore the recovery point, or copy it in the air-gapped vault's own account.");
    return false;
  }

  // R21 (e): Regions without cross-Region or cross-account copies into air-gapped vaults.
  bool air_gapped_region_allows() {
    if (!into_lag() || (!cross_region() && !cross_account())) return true;
    for (const Region* region : {&from_region, &to_region}) {
      if (!lag_copy_unavailable(*region)) continue;
      d.step("R21",
             "Cross-Region and cross-account copies into a logically air-gapped vault are not "
             "available in this Region.",
             {{"Region", region->name}});
      d.unsupported(fmt::format(
          "cross-Region and cross-account copies into a logically air-gapped vault are not "
          "available in {}",
          region->name));
      d.advise("Copy into a logically air-gapped vault in the source's own account and Region.");
      return false;
    }
    return true;
  }

  bool resource_supports_copy() {
    if (type() != ResourceType::rds_multiaz_cluster) return true;
    d.step("R17", "Multi-AZ DB clusters support no copy operations.");
    d.unsupported("copies of Multi-AZ DB cluster snapshots are not supported");
    d.advise(
        "Protect the Multi-AZ DB cluster with native snapshots or a read replica in the other "
        "Region instead.");
    return false;
  }

  bool partition_allows() {
    const std::string_view from = partition_of(from_region), to = partition_of(to_region);
    if (from != to) {
      d.step("R19", "No copy crosses a partition.",
             {{"from partition", std::string(from)}, {"to partition", std::string(to)}});
      d.unsupported(fmt::format("copies cannot cross from partition {} to {}", from, to));
      return false;
    }
    if (from == "aws-cn" && cross_account()) {
      d.step("R19", "In the China Regions AWS Backup has no cross-account copy.", where());
      d.unsupported("cross-account copies are not available in the China Regions");
      return false;
    }
    return true;
  }

  bool opt_in_region_allows() {
    const bool opt_in = is_opt_in(from_region) || is_opt_in(to_region);
    if (!opt_in) return true;
    static const std::vector<std::string_view> kNeptuneCrossRegion = {
        "af-south-1", "ap-east-1", "ap-southeast-3", "il-central-1", "me-south-1", "me-central-1"};
    auto listed = [](const Region& r) {
      return !is_opt_in(r) || std::find(kNeptuneCrossRegion.begin(), kNeptuneCrossRegion.end(),
                                        r.name) != kNeptuneCrossRegion.end();
    };
    std::string why;
    if (type() == ResourceType::docdb && (cross_account() || cross_region())) {
      why = "DocumentDB has no cross-account or cross-Region copy in opt-in Regions";
    } else if (type() == ResourceType::neptune && cross_account()) {
      why = "Neptune has no cross-account copy in opt-in Regions";
    } else if (type() == ResourceType::neptune && cross_region() &&
               !(listed(from_region) && listed(to_region))) {
      why =
          "Neptune's cross-Region copy in opt-in Regions is limited to Cape Town, Hong Kong, "
          "Jakarta, Tel Aviv, Bahrain and the UAE";
    }
    if (why.empty()) return true;
    d.step("R20", why + ".", where());
    d.unsupported(why);
    return false;
  }

  bool feature_dates_allow() {
    if (cross_region() && cross_account() && ctx.as_of < effective("R18")) {
      d.step("R18",
             fmt::format("Before {}, one copy action could cross a Region or an account, not both.",
                         effective("R18").to_string()),
             {{"as of", ctx.as_of.to_string()}});
      d.unsupported(
          "a single copy action cannot cross both a Region and an account at this date "
          "(UNSUPPORTED_SINGLE_ACTION)",
          fmt::format("Copy job from {} to {} cannot be initiated for {} resources. Feature is not "
                      "supported for provided resource type.",
                      from_region.name, to_region.name, feature_type_name(type())));
      d.advise(
          "Copy in two steps: first to a vault in the other Region of the same account, then from "
          "there to the other account.");
      return false;
    }
    if (into_lag() && cross_region() && type() != ResourceType::rds_instance &&
        ctx.as_of < effective("R21")) {
      d.step("R21",
             fmt::format(
                 "Before {}, Aurora, DocumentDB and Neptune snapshots could not be copied across "
                 "Regions straight into a logically air-gapped vault.",
                 effective("R21").to_string()),
             {{"as of", ctx.as_of.to_string()}});
      d.unsupported(
          "a one-step cross-Region copy into a logically air-gapped vault is not available at this "
          "date");
      d.advise(
          "Copy to a standard vault in the destination Region first, then into the air-gapped "
          "vault.");
      return false;
    }
    if (cross_region() && cross_account()) {
      d.step("R18", "Since October 2025 one copy action may cross both a Region and an account.",
             {{"as of", ctx.as_of.to_string()}});
    }
    return true;
  }

  bool cross_account_allowed() {
    if (!cross_account()) return true;
    const Account from = ctx.model.account(from_account), to = ctx.model.account(to_account);
    const bool same_organization =
        from.organization.value_or("(common)") == to.organization.value_or("(common)") &&
        !from.organization.value_or("(common)").empty();
    if (!same_organization) {
      d.step("R14", "Cross-account copies need both accounts in the same AWS Organization.",
             {{"source organization", from.organization.value_or("not stated")},
              {"destination organization", to.organization.value_or("not stated")}});
      d.fails("the source and destination accounts are not in the same organization",
              "Copy job failed. Both source and destination account must be a member of the same "
              "organization");
      d.advise("Move both accounts into one AWS Organization, or copy within the account.");
      return false;
    }
    for (const Account* account : {&from, &to}) {
      if (account->cross_account_backup) continue;
      d.step("R14", "Cross-account backup must be turned on (UpdateGlobalSettings).",
             {{"account", account->id.value}, {"cross_account_backup", "false"}});
      d.fails(fmt::format("cross-account backup is turned off for account {}", account->id.value),
              "Copy job failed. Cross-account copy feature is not enabled for the current "
              "organization.");
      d.advise(
          "Turn on cross-account backup in the organization's management account (AWS Backup "
          "settings).");
      return false;
    }
    const auto& allowed = destination.allows_copy_from;
    if (!allowed) {
      d.indeterminate(fmt::format("the access policy of vault {}", destination.name),
                      "whether the destination vault's access policy lets the source account copy "
                      "in is not known");
      return false;
    }
    const std::optional<std::string> organization = from.organization;
    const bool allows = std::any_of(allowed->begin(), allowed->end(), [&](const std::string& who) {
      return who == "*" || who == from_account.value || (organization && who == *organization);
    });
    if (!allows) {
      d.step("R14",
             "The destination vault's access policy must allow backup:CopyIntoBackupVault from the "
             "source account.",
             {{"vault", destination.arn}, {"source account", from_account.value}});
      d.fails(fmt::format("vault {} does not let account {} copy in", destination.name,
                          from_account.value),
              "Access Denied trying to call AWS Backup service");
      d.advise(fmt::format(
          "Add account {} to the access policy of vault {} (backup:CopyIntoBackupVault).",
          from_account.value, destination.name));
      return false;
    }
    d.step("R14",
           "Both accounts are in one organization, cross-account backup is on, and the vault's "
           "access policy lets the source account copy in.",
           where());
    return true;
  }

  bool continuous_allows() {
    if (!source.prediction.continuous) return true;
    if (on_demand) {
      d.step("R23", Confidence::documented, "StartCopyJob does not support continuous backups.");
      d.fails("on-demand copies of continuous (point-in-time) recovery points are not supported",
              "StartCopyJob does not support continuous backups");
      d.advise(
          "Copy a snapshot recovery point instead, or add the copy action to the continuous rule "
          "of the plan.");
      return false;
    }
    d.step("R23",
           "The rule is continuous: AWS Backup takes a snapshot and copies it; the copy is a "
           "snapshot, and the temporary snapshot is assumed to carry the resource's key.");
    return true;
  }

  bool option_group_allows() {
    const auto& group = source.resource.option_group;
    if (!cross_region() || !group || group->persistent_options.empty() ||
        std::find(group->regions.begin(), group->regions.end(), to_region.name) !=
            group->regions.end()) {
      return true;
    }
    const std::string options = fmt::format("{}", fmt::join(group->persistent_options, ", "));
    d.step("R25", "AWS Backup does not carry a custom option group across Regions.",
           {{"option group", group->name}, {"persistent options", options}});
    d.fails(
        fmt::format("{} has no option group with {} in {}", source.resource.name, options,
                    to_region.name),
        fmt::format("The snapshot requires a target option group with the following options: {}",
                    options));
    d.advise(
        fmt::format("Create option group {} with {} in {}.", group->name, options, to_region.name));
    return false;
  }

  // --- 2. The source key (R11, R15, R16, R21b, R26).
  // Returns false when the outcome is decided; `source_key` is empty for an unencrypted source.
  bool source_key_usable(std::optional<Key>& source_key) {
    const Prediction& parent = source.prediction;
    if (parent.outcome == Outcome::unencrypted) {
      if (type() == ResourceType::rds_instance) {
        d.step("R16",
               "The source RDS DB instance snapshot is not encrypted; AWS Backup is expected to "
               "encrypt the copy with the destination vault's key.");
        return true;
      }
      // Finding 17 of the 2026-12 addendum: the Aurora User Guide now says otherwise.
      d.warn(kDocConflict);
      if (into_lag()) {
        d.step("R21",
               "Unencrypted Aurora, DocumentDB and Neptune snapshots are not supported in "
               "logically air-gapped vaults.");
        d.fails("unencrypted cluster snapshots cannot be copied into a logically air-gapped vault");
        d.advise(
            "Encrypt the cluster with a customer managed key before copying it into an air-gapped "
            "vault.");
        return false;
      }
      d.step("R15",
             "An unencrypted DB cluster snapshot cannot be encrypted during a copy: the copy stays "
             "unencrypted, whatever the vault's key.");
      d.unencrypted("not encrypted: copies of unencrypted cluster snapshots stay unencrypted");
      d.advise(
          "Encrypt the cluster itself (restore a snapshot into an encrypted cluster); no vault key "
          "can encrypt the copy.");
      return false;
    }
    source_key = *parent.key;
    if (parent.operation == Operation::backup) {
      d.step("R2", "The source recovery point is the backup, encrypted with the resource's key.",
             {{"source key", describe(*source_key)}});
    } else {
      d.step("R11", "The source is a copy: its key is the key the previous hop produced.",
             {{"source recovery point", parent.id}, {"source key", describe(*source_key)}});
    }
    if (source_key->state == KeyState::unknown) {
      d.indeterminate(fmt::format("the state of key {}", describe(*source_key)),
                      "the source key's state is not known");
      return false;
    }
    if (source_key->state != KeyState::enabled) {
      fail_on_source_key_state(*source_key);
      return false;
    }
    return is_sse_rds_key(*source_key) ? aws_owned_source_known() : true;
  }

  // R46 (U-17): only a same-account copy into a standard vault of a recovery point on Aurora's
  // AWS owned key is predicted; the rest is not known.
  bool aws_owned_source_known() {
    d.warn(kAwsOwnedCopyUnknown);
    if (cross_account() || into_lag()) {
      d.step("R46",
             cross_account()
                 ? "Whether a snapshot on Aurora's AWS owned key can be shared with another "
                   "account, which a cross-account copy needs, is not documented."
                 : "Whether a logically air-gapped vault accepts a snapshot on Aurora's AWS owned "
                   "key is not documented (only AWS managed keys are excluded).",
             where());
      d.indeterminate(
          cross_account()
              ? "whether a snapshot on the AWS owned key can be copied to another account (U-17)"
              : "whether a snapshot on the AWS owned key can go into a logically air-gapped vault "
                "(U-17)",
          "how AWS Backup copies recovery points on Aurora's AWS owned key is not documented");
      d.advise(
          "Encrypt the cluster with a customer managed key (shared with the destination account) "
          "to know what the copy gets.");
      return false;
    }
    d.step("R46",
           "The source is on Aurora's AWS owned key: the copy is assumed to be re-encrypted with "
           "the destination vault's key like any other (not documented).",
           where());
    return true;
  }

  // R26 (and R28 for multi-Region keys): a source key that is not Enabled.
  void fail_on_source_key_state(const Key& key) {
    if (key.multi_region != MultiRegion::none) {
      d.step("R28", "Each related multi-Region key has its own state; this one is not usable.");
    }
    d.step("R26",
           fmt::format("The source key is {}: the copy cannot decrypt the snapshot.",
                       to_string(key.state)),
           {{"source key", describe(key)},
            {"key state", std::string(to_string(key.state))},
            {"KMS error", kms_error(key)}});
    d.fails(fmt::format("the source key is {}", to_string(key.state)),
            std::string(kCopyJobKmsError));
    d.advise(fmt::format("Enable key {} (or cancel its deletion) before the copy runs.",
                         key.display_name()));
  }

  // --- 3. Cross-account copies (R12, R13, R30).
  bool cross_account_keys_allow(const std::optional<Key>& source_key, const Key& vault_key) {
    if (!cross_account()) return true;
    if (source_key) {
      if (source_key->manager == KeyManager::unknown) {
        d.indeterminate(
            fmt::format("whether key {} is customer or AWS managed", describe(*source_key)),
            "cross-account copies need a customer managed source key, and this key's manager is "
            "not known");
        return false;
      }
      if (source_key->manager == KeyManager::aws) {
        d.step("R12",
               "An AWS managed key's policy cannot be opened to another account, so a "
               "cross-account copy of a recovery point encrypted with it fails.",
               {{"source key", describe(*source_key)}});
        d.fails(
            "the source is encrypted with an AWS managed key, which cannot be shared with another "
            "account",
            "Given key ID is not accessible");
        d.advise(fmt::format(
            "First copy the recovery point into a vault in account {} keyed with a customer "
            "managed "
            "key shared with account {}, then copy from there (R11); or encrypt the resource with "
            "such a key.",
            from_account.value, to_account.value));
        return false;
      }
      if (!key_sharing_known(ctx.model, *source_key, to_account, d)) return false;
      if (!key_usable_by(ctx.model, *source_key, to_account)) {
        d.step("R12", "The source key's policy must let the destination account use it.",
               {{"source key", describe(*source_key)}, {"destination account", to_account.value}});
        d.step("R30",
               "The copy is performed by the destination account's AWSServiceRoleForBackup, which "
               "needs kms:Decrypt, kms:DescribeKey and kms:CreateGrant on the source key.",
               {{"role", service_linked_role(to_region, to_account)}});
        d.fails(fmt::format("key {} is not shared with account {}", source_key->display_name(),
                            to_account.value),
                "The source snapshot KMS key does not exist, is not enabled or you do not have "
                "permissions to access it");
        d.advise(fmt::format(
            "Let {} use key {} in its key policy (kms:Decrypt, kms:DescribeKey, kms:CreateGrant "
            "with kms:GrantIsForAWSResource).",
            service_linked_role(to_region, to_account), source_key->display_name()));
        return false;
      }
    }
    if (vault_key.is_aws_managed(kAwsBackupAlias)) {
      const bool is_default = destination.vault_name() == "Default";
      d.step(
          "R13", is_default ? Confidence::documented : Confidence::observed,
          is_default
              ? "The Default vault is encrypted with a key that cannot be shared with other "
                "accounts: it cannot receive cross-account copies."
              : "A vault keyed with aws/backup cannot receive cross-account copies of RDS-family "
                "recovery points (as for the Default vault).",
          {{"destination vault", destination.arn}, {"vault key", describe(vault_key)}});
      d.fails(fmt::format(
                  "vault {} is keyed with aws/backup, which cannot receive cross-account copies",
                  destination.name),
              "Copy job failed because the destination Backup vault is encrypted with the default "
              "Backup service managed key. The contents of this vault cannot be copied. Only the "
              "contents of a Backup vault encrypted by an AWS KMS key may be copied.");
      d.advise(fmt::format("Copy into a vault in account {} keyed with a customer managed key.",
                           to_account.value));
      return false;
    }
    return true;
  }

  // --- 4. A logically air-gapped destination (R21).
  // Whether a logically air-gapped vault takes the source (R21a, R42, U-19); false with the
  // outcome decided.
  bool air_gapped_vault_takes(const std::optional<Key>& source_key) {
    if (air_gapped_target && !source_key && type() == ResourceType::rds_instance) {
      // U-19: "customer managed KMS key or unencrypted"; unencrypted clusters failed above (R21b).
      d.step("R42", Confidence::inferred,
             "Sources must be encrypted with a customer managed key or be unencrypted: the "
             "unencrypted DB instance is assumed to be accepted and encrypted with the vault's "
             "key.");
      d.warn(kUnencryptedLagBackup);
      return true;
    }
    if (air_gapped_target && source_key && source_key->manager == KeyManager::aws) {
      d.step("R42",
             "The source is encrypted with an AWS managed key: AWS Backup attempts no copy into "
             "the air-gapped vault, and the backup job completes with "
             "LOGICALLY_AIR_GAPPED_BACKUP_VAULT_NOT_SUPPORTED (a third party reports a silent "
             "copy failure instead: DOC_CONFLICT).",
             {{"source key", describe(*source_key)}});
      d.warn(kDocConflict);
      d.unsupported(
          "no copy into the air-gapped vault: the resource is encrypted with an AWS managed key",
          "Backup job completed successfully to the target backup vault. This resource is "
          "encrypted with an AWS managed key and cannot be copied to a logically air-gapped "
          "backup vault.");
      d.advise(
          "Encrypt the resource with a customer managed key; the temporary recovery point stays "
          "in the rule's vault for its retention meanwhile.");
      return false;
    }
    if (source_key && source_key->manager == KeyManager::customer) return true;
    d.step("R21",
           "A copy into a logically air-gapped vault needs a source encrypted with a customer "
           "managed key.",
           {{"source key", source_key ? describe(*source_key) : "none"}});
    if (source_key && source_key->manager == KeyManager::unknown) {
      d.indeterminate(
          fmt::format("whether key {} is customer or AWS managed", describe(*source_key)),
          "the source key's manager is not known");
      return false;
    }
    d.fails(
        "the source is not encrypted with a customer managed key, which a logically air-gapped "
        "vault requires");
    d.advise(
        "Encrypt the source with a customer managed key, or copy it first into a vault keyed "
        "with one (R11).");
    return false;
  }

  void into_air_gapped(const std::optional<Key>& source_key, const Key& vault_key) {
    if (!air_gapped_vault_takes(source_key)) return;
    if (!air_gapped_vault_usable(ctx, destination, vault_key, d) || !usable_vault_key(vault_key))
      return;
    if (vault_key.manager == KeyManager::aws_owned) d.warn(kLagKeyArnUnknown);
    d.step(
        "R21",
        "Every copy in a logically air-gapped vault is encrypted with the vault's key, and gets an "
        "arn:aws:backup recovery point ARN.",
        {{"vault key", describe(vault_key)},
         {"recovery point ARN", copy_recovery_point_arn(source.resource, destination)}});
    d.encrypted(vault_key,
                fmt::format("encrypted with the air-gapped vault's key, {}", describe(vault_key)));
    d.advise(
        "The key of a logically air-gapped vault is chosen when the vault is created; copy into "
        "another vault to get another key.");
  }

  bool usable_vault_key(const Key& vault_key) {
    if (vault_key.manager != KeyManager::customer) return true;
    if (!symmetric_encryption_key(vault_key, "vault key", d)) return false;
    if (vault_key.state == KeyState::enabled) return true;
    if (vault_key.state == KeyState::unknown) {
      d.indeterminate(fmt::format("the state of key {}", describe(vault_key)),
                      "the vault key's state is not known");
      return false;
    }
    d.step("R27", "The destination vault's key must be Enabled.",
           {{"vault key", describe(vault_key)},
            {"key state", std::string(to_string(vault_key.state))},
            {"KMS error", kms_error(vault_key)}});
    d.fails(fmt::format("the destination vault's key is {}", to_string(vault_key.state)),
            std::string(kCopyJobKmsError));
    d.advise(fmt::format("Enable key {} (or cancel its deletion).", vault_key.display_name()));
    return false;
  }

  // --- 5. A standard destination vault (R7-R10, R22, R24, R27, R30).
  void into_standard(const std::optional<Key>& source_key, const Key& vault_key) {
    const bool customer_key = vault_key.manager == KeyManager::customer;
    if (from_lag() && !customer_key) {
      d.step("R22",
             "A copy out of a logically air-gapped vault must be encrypted with a customer managed "
             "key.",
             {{"vault key", describe(vault_key)}});
      d.fails(
          "copies out of a logically air-gapped vault need a destination vault with a customer "
          "managed key");
      d.advise(fmt::format("Copy into a vault in {} keyed with a customer managed key.",
                           to_region.name));
      return;
    }
    if (!usable_vault_key(vault_key)) return;
    note_ignored_replica(source_key, vault_key);
    if (vault_key.is_aws_managed(kAwsRdsAlias)) {
      d.step(
          "R10",
          "The vault is keyed with aws/rds, the service's own AWS managed key: the copy gets it.",
          {{"vault key", describe(vault_key)}});
      d.encrypted(vault_key,
                  fmt::format("encrypted with {} of the destination", vault_key.alias()));
      return;
    }
    if (vault_key.is_aws_managed(kAwsBackupAlias)) {
      fall_back_to_aws_rds(vault_key);
      return;
    }
    if (vault_key.manager != KeyManager::customer) {
      d.indeterminate(
          fmt::format("whether vault key {} is customer or AWS managed", describe(vault_key)),
          "the destination vault key's manager is not known (aws/backup and a customer managed key "
          "give different results)");
      return;
    }
    if (vault_key.account != to_account) {
      d.warn(kForeignVaultKey);
      if (!key_sharing_known(ctx.model, vault_key, to_account, d)) return;
      if (!key_usable_by(ctx.model, vault_key, to_account)) {
        d.step("R30",
               "The vault's key belongs to another account, whose key policy must let this account "
               "use it.",
               {{"vault key", describe(vault_key)}, {"vault account", to_account.value}});
        d.fails(fmt::format("key {} is not shared with account {}", vault_key.display_name(),
                            to_account.value));
        d.advise(fmt::format("Let account {} use key {} in its key policy.", to_account.value,
                             vault_key.display_name()));
        return;
      }
    }
    if (vault_key.multi_region == MultiRegion::replica) {
      d.step("R8",
             "The vault's key is a multi-Region replica: the copy carries the replica's own ARN.",
             {{"vault key", describe(vault_key)}});
      note_primary_state(vault_key);
    }
    const bool same_place = !cross_region() && !cross_account();
    d.step(same_place ? "R24" : "R7",
           same_place
               ? "A same-Region, same-account copy gets the destination vault's key."
               : "The copy is re-encrypted with the destination vault's customer managed key.",
           {{"vault key", describe(vault_key)}});
    d.encrypted(vault_key,
                fmt::format("encrypted with the destination vault's key, {}", describe(vault_key)));
    d.advise(
        "A copy always takes its destination vault's key, and a vault's key cannot be changed "
        "(R6): to get another key, copy into a vault created with that key.");
  }

  // R9: the article's surprise.
  void fall_back_to_aws_rds(const Key& vault_key) {
    const Key& aws_rds = ctx.model.aws_managed_key(kAwsRdsAlias, to_account, to_region);
    // Cross-Region: documented by the AWS Knowledge Center for every RDS-family type (2026-12
    // addendum, finding 4); same-Region: observed for Aurora only.
    const Confidence confidence = cross_region()                   ? Confidence::documented
                                  : type() == ResourceType::aurora ? Confidence::observed
                                                                   : Confidence::inferred;
    if (!cross_region() && !cross_account()) {
      d.step("R24",
             "A same-Region, same-account copy is treated like a cross-Region one: the vault's key "
             "decides.");
    }
    if (type() == ResourceType::rds_instance && source.prediction.outcome == Outcome::unencrypted) {
      d.step("R16", "By analogy with R9, the unencrypted DB instance copy falls back to aws/rds.");
    }
    d.step("R9", confidence,
           cross_region()
               ? "The vault is keyed with aws/backup, which RDS does not use: the copy is "
                 "encrypted with aws/rds of the destination Region and account instead, as the "
                 "AWS Knowledge Center documents for cross-Region copies. The AWS Backup guide "
                 "still says such copies should not work (DOC_CONFLICT)."
               : "The vault is keyed with aws/backup, which RDS does not use: the copy is "
                 "encrypted with aws/rds of the destination Region and account instead. AWS "
                 "documentation says such copies should not work (DOC_CONFLICT).",
           {{"vault key", describe(vault_key)}, {"copy key", describe(aws_rds)}});
    d.warn(kDocConflict).warn(kReportedArnUnknown);
    if (type() == ResourceType::docdb || type() == ResourceType::neptune) d.warn(kAssumedRdsAlias);
    d.encrypted(aws_rds, fmt::format("encrypted with {} of {}, not the vault's aws/backup",
                                     aws_rds.alias(), to_region.name));
    d.advise(fmt::format(
        "To get a customer managed key, point the copy at a vault in {} keyed with a customer "
        "managed key (a vault's key is fixed when it is created).",
        to_region.name));
  }

  // R28: a replica works whatever the state of its primary.
  void note_primary_state(const Key& replica) {
    const Key* primary = ctx.model.primary_of(replica);
    if (primary == nullptr || primary->state == KeyState::enabled) return;
    d.step("R28",
           "Each related multi-Region key has its own state: the replica works although its "
           "primary is not Enabled.",
           {{"primary", describe(*primary)},
            {"primary state", std::string(to_string(primary->state))}});
  }

  // R8a: a replica of the source key in the destination Region is never picked by itself.
  void note_ignored_replica(const std::optional<Key>& source_key, const Key& vault_key) {
    if (!source_key || source_key->multi_region == MultiRegion::none) return;
    // Only a replica the destination account owns could have been the vault's key.
    const Key* replica = replica_in(ctx.model, *source_key, to_region);
    if (replica == nullptr || replica->account != to_account || replica->name == vault_key.name)
      return;
    d.step("R8",
           "The source key has a multi-Region replica in the destination Region, but AWS services "
           "never pick a replica by themselves: only the vault's key counts.",
           {{"replica", describe(*replica)}, {"vault key", describe(vault_key)}});
    d.warn(kReplicaNotUsed);
    d.advise(fmt::format("Point the copy at a vault whose key is the replica {} in {}.",
                         replica->key_id().empty() ? replica->display_name() : replica->key_id(),
                         to_region.name));
  }

  // R42: the air-gapped target of a backup rule, available since 2025-11-17, in the rule's own
  // account and Region.
  bool air_gapped_target_allowed() {
    if (!air_gapped_target) return true;
    const Date since = effective("R42");
    if (ctx.as_of < since) {
      d.step(
          "R42",
          fmt::format("Backup rules have an air-gapped target only since {}.", since.to_string()),
          {{"as of", ctx.as_of.to_string()}});
      d.unsupported("a backup rule cannot target a logically air-gapped vault at this date");
      d.advise("Add a copy action into the air-gapped vault instead.");
      return false;
    }
    if (cross_region() || cross_account()) {
      d.step("R42", "A rule's air-gapped target must be in the rule's own account and Region.",
             where());
      d.fails(fmt::format("air-gapped vault {} is not in the backup rule's account and Region",
                          destination.name));
      d.advise(
          "Target an air-gapped vault in the rule's account and Region, and copy from there (or "
          "add a copy action).");
      return false;
    }
    d.step("R42",
           "AWS Backup copies the temporary recovery point into the rule's air-gapped target by "
           "itself (CopyJob.CreatedByBackupJobId).",
           {{"air-gapped vault", destination.arn}});
    return true;
  }

  Decision run() {
    d.step("R6", "An AWS Backup copy has no key parameter: the destination vault's key decides.",
           {{"destination vault", destination.arn}});
    if (!source_exists() || !air_gapped_target_allowed() || !allowed()) return std::move(d);
    std::optional<Key> source_key;
    if (!source_key_usable(source_key)) return std::move(d);
    const std::optional<Key> key = ctx.model.key_of(destination);
    if (!key) {
      d.indeterminate(
          fmt::format("the key of vault {}: {}", destination.name, destination.key_unknown),
          "the destination vault's key is not known");
      return std::move(d);
    }
    if (!cross_account_keys_allow(source_key, *key)) return std::move(d);
    if (into_lag()) {
      into_air_gapped(source_key, *key);
    } else {
      into_standard(source_key, *key);
    }
    return std::move(d);
  }
};

Decision run_copy(const Context& ctx, const SourcePoint& source, const Vault& destination,
                  bool on_demand, bool air_gapped_target) {
  Copy copy{ctx,
            source,
            destination,
            on_demand,
            air_gapped_target,
            source.prediction.region,
            Model::region_of(destination),
            source.prediction.account,
            Model::account_of(destination),
            {}};
  return copy.run();
}

}  // namespace

Decision decide_copy(const Context& ctx, const SourcePoint& source, const Vault& destination,
                     bool on_demand) {
  return run_copy(ctx, source, destination, on_demand, false);
}

Decision decide_air_gapped_target(const Context& ctx, const SourcePoint& source,
                                  const Vault& destination) {
  return run_copy(ctx, source, destination, false, true);
}

}  // namespace snapkey::detail
