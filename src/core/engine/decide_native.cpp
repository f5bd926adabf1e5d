// Native RDS copies (CopyDBClusterSnapshot / CopyDBSnapshot, R31-R35) and restores (R36, R37,
// R40, R41): here the user, not the vault, picks the key.
#include <fmt/format.h>

#include "core/engine/decision.hpp"

namespace snapkey::detail {
namespace {

// R35's later dates (the rule's own is RDS's and Aurora's).
constexpr Date kDocumentDbCrossCopy{2025, 9, 26};
constexpr Date kNeptuneCrossCopy{2025, 9, 24};

bool is_china(const Region& region) { return partition_of(region) == "aws-cn"; }

// Whether the parent recovery point exists and is a snapshot RDS can work with.
bool source_usable(const SourcePoint& source, bool native, Decision& d) {
  const Prediction& parent = source.prediction;
  if (parent.outcome != Outcome::encrypted && parent.outcome != Outcome::unencrypted) {
    no_source(parent, d);
    return false;
  }
  if (native && source.vault != nullptr && source.vault->type == VaultType::logically_air_gapped) {
    d.step("R21",
           "A recovery point in a logically air-gapped vault is an AWS Backup recovery point, not "
           "an RDS snapshot.");
    d.unsupported("RDS cannot copy a recovery point held in a logically air-gapped vault");
    d.advise("Copy it into a standard vault with AWS Backup first (R22), then copy that snapshot.");
    return false;
  }
  if (native && parent.continuous) {
    d.step("R23", Confidence::documented,
           "A continuous recovery point is not a snapshot RDS can copy.");
    d.unsupported("RDS cannot copy a continuous (point-in-time) recovery point");
    return false;
  }
  return true;
}

// A KmsKeyId the user gave must be usable in the Region where it is used (R27, R32).
bool usable_key(const Key& key, const Region& region, Decision& d) {
  if (!symmetric_encryption_key(key, "KmsKeyId", d)) return false;
  if (key.region != region) {
    d.step("R32", "KmsKeyId must be a key in the Region where the copy or restore is made.",
           {{"key", describe(key)}, {"Region", region.name}});
    d.fails(
        fmt::format("key {} is in {}, not in {}", key.display_name(), key.region.name, region.name),
        fmt::format("The target KMS key [{}] does not exist, is not enabled or you do not have "
                    "permissions to access it",
                    key.arn.empty() ? key.display_name() : key.arn));
    d.advise(fmt::format("Give a key in {} as KmsKeyId.", region.name));
    return false;
  }
  if (key.state == KeyState::enabled || key.state == KeyState::unknown) return true;
  d.step("R27", "The key given as KmsKeyId must be Enabled.",
         {{"key", describe(key)}, {"key state", std::string(to_string(key.state))}});
  d.fails(fmt::format("key {} is {}", key.display_name(), to_string(key.state)), kms_error(key));
  d.advise(fmt::format("Enable key {} (or cancel its deletion).", key.display_name()));
  return false;
}

// R26: the source snapshot's key must be usable.
bool source_key_enabled(const Key& key, Decision& d) {
  if (key.state == KeyState::enabled || key.state == KeyState::unknown) return true;
  d.step("R26", fmt::format("The source snapshot's key is {}.", to_string(key.state)),
         {{"source key", describe(key)}, {"key state", std::string(to_string(key.state))}});
  d.fails(fmt::format("the source key is {}", to_string(key.state)),
          fmt::format("The source snapshot KMS key [{}] does not exist, is not enabled or you do "
                      "not have permissions to access it",
                      key.arn.empty() ? key.display_name() : key.arn));
  d.advise(fmt::format("Enable key {} (or cancel its deletion).", key.display_name()));
  return false;
}

struct NativeCopy {
  const Context& ctx;
  const SourcePoint& source;
  const Job& job;
  Region from_region, to_region;
  AccountId from_account, to_account;
  const Key* key;  // KmsKeyId, or nullptr
  Decision d;

  bool cross_region() const { return from_region != to_region; }
  bool cross_account() const { return from_account != to_account; }
  ResourceType type() const { return source.resource.type; }

  bool allowed() {
    if (partition_of(from_region) != partition_of(to_region)) {
      d.step("R19",
             "Native copies cannot go between partitions (e.g. GovCloud and commercial Regions).");
      d.unsupported("native snapshot copies cannot cross a partition");
      return false;
    }
    if (cross_region() && (is_china(from_region) || is_china(to_region))) {
      d.step("R19", Confidence::inferred,
             "RDS and Aurora native copies cannot go into or out of the China Regions (AWS "
             "documents disagree).");
      d.warn(kChinaNativeCopy);
      d.unsupported("native cross-Region snapshot copies are not supported in the China Regions");
      return false;
    }
    if (cross_region() && cross_account()) {
      const Date since = type() == ResourceType::docdb     ? kDocumentDbCrossCopy
                         : type() == ResourceType::neptune ? kNeptuneCrossCopy
                                                           : *find_rule("R35")->effective;
      if (ctx.as_of < since) {
        d.step(
            "R35",
            fmt::format("Before {}, a shared snapshot could be copied only within its own Region.",
                        since.to_string()),
            {{"as of", ctx.as_of.to_string()}});
        d.unsupported("a native copy cannot cross both a Region and an account at this date");
        d.advise(
            "Copy the snapshot to the other Region first, then share that copy with the other "
            "account.");
        return false;
      }
      d.step("R35", "A native copy may cross both a Region and an account in one call.",
             {{"as of", ctx.as_of.to_string()}});
    }
    return true;
  }

  void unencrypted_source() {
    if (key == nullptr) {
      d.step("R34",
             "The source snapshot is not encrypted and no KmsKeyId is given: the copy is not "
             "encrypted.");
      d.unencrypted("not encrypted: the source snapshot is not encrypted");
      return;
    }
    if (is_cluster(type())) {
      d.step("R34",
             "An unencrypted DB cluster snapshot cannot be encrypted by a copy: giving KmsKeyId is "
             "an error.",
             {{"KmsKeyId", describe(*key)}});
      d.warn(kDocConflict);  // the Aurora User Guide (2026) says otherwise
      d.fails("KmsKeyId cannot be given when copying an unencrypted DB cluster snapshot");
      d.advise(
          "Leave out KmsKeyId, or restore the snapshot into an encrypted cluster and snapshot "
          "that.");
      return;
    }
    if (!usable_key(*key, to_region, d)) return;
    d.step(
        "R34",
        "An unencrypted DB instance snapshot copied with KmsKeyId becomes encrypted with that key.",
        {{"KmsKeyId", describe(*key)}});
    d.encrypted(*key, fmt::format("encrypted with the KmsKeyId, {}", describe(*key)));
  }

  bool shared_source_allowed(const Key& source_key) {
    if (is_sse_rds_key(source_key)) {
      d.warn(kAwsOwnedCopyUnknown);
      d.step("R46",
             cross_account() ? "Whether a snapshot on Aurora's AWS owned key can be shared with "
                               "another account is not documented."
                             : "How RDS copies a snapshot on Aurora's AWS owned key is not "
                               "documented; it is assumed to copy like any other encrypted one.",
             {{"source key", describe(source_key)}});
      if (cross_account()) {
        d.indeterminate("whether a snapshot on the AWS owned key can be shared (U-17)",
                        "sharing a snapshot on Aurora's AWS owned key is not documented");
        return false;
      }
    }
    if (!cross_account()) return true;
    if (source_key.manager == KeyManager::unknown) {
      d.indeterminate(
          fmt::format("whether key {} is customer or AWS managed", describe(source_key)),
          "sharing a snapshot needs a customer managed key, and this key's manager is not known");
      return false;
    }
    if (source_key.manager == KeyManager::aws) {
      d.step("R33",
             "Snapshots encrypted with the AWS managed key aws/rds cannot be shared with another "
             "account.",
             {{"source key", describe(source_key)}});
      d.fails("a snapshot encrypted with aws/rds cannot be shared with another account");
      d.advise(
          "Copy the snapshot within its account with a customer managed KmsKeyId, share that key "
          "and the copy.");
      return false;
    }
    if (!key_sharing_known(ctx.model, source_key, to_account, d)) return false;
    if (!key_usable_by(ctx.model, source_key, to_account)) {
      d.step(
          "R33",
          "The owner's key must be shared with the copying account (kms:CreateGrant, kms:Decrypt).",
          {{"source key", describe(source_key)}, {"copying account", to_account.value}});
      d.fails(
          fmt::format("key {} is not shared with account {}", source_key.display_name(),
                      to_account.value),
          fmt::format(
              "The source snapshot KMS key [{}] does not exist, is not enabled or you do not have "
              "permissions to access it",
              source_key.arn.empty() ? source_key.display_name() : source_key.arn));
      d.advise(fmt::format("Let account {} use key {} in its key policy.", to_account.value,
                           source_key.display_name()));
      return false;
    }
    if (key == nullptr) {
      d.step("R33", "KmsKeyId is required when copying a snapshot shared by another account.");
      d.fails("KmsKeyId is required to copy an encrypted snapshot shared by another account");
      d.advise(fmt::format("Give a key of account {} in {} as KmsKeyId.", to_account.value,
                           to_region.name));
      return false;
    }
    return true;
  }

  void encrypted_source(const Key& source_key) {
    d.step("R11", "The source snapshot is encrypted with the key of the recovery point.",
           {{"source key", describe(source_key)}});
    if (!source_key_enabled(source_key, d) || !shared_source_allowed(source_key)) return;
    if (key == nullptr && cross_region()) {
      d.step("R32",
             "A cross-Region copy of an encrypted snapshot needs KmsKeyId, a key in the "
             "destination Region.");
      d.fails("KmsKeyId is required for a cross-Region copy of an encrypted snapshot",
              "InvalidParameterValue: Must specify new KMS key for cross region encrypted snapshot "
              "copy.");
      d.advise(fmt::format(
          "Give a key in {} as KmsKeyId (a single-Region key, a multi-Region replica or aws/rds).",
          to_region.name));
      return;
    }
    if (key == nullptr) {
      d.step("R31", "A same-Region copy without KmsKeyId keeps the source snapshot's key.");
      d.encrypted(source_key,
                  fmt::format("encrypted with the source's key, {}", describe(source_key)));
      d.advise("Give KmsKeyId to encrypt the copy with another key of this Region.");
      return;
    }
    if (!usable_key(*key, to_region, d)) return;
    const std::string_view rule = cross_account() ? "R33" : (cross_region() ? "R32" : "R31");
    d.step(rule, "The copy is encrypted with exactly the key given as KmsKeyId.",
           {{"KmsKeyId", describe(*key)}});
    d.encrypted(*key, fmt::format("encrypted with the KmsKeyId, {}", describe(*key)));
    d.advise("A native copy takes the KmsKeyId you give; give another key to change it.");
  }

  Decision run() {
    if (!source_usable(source, true, d) || !allowed()) return std::move(d);
    if (source.prediction.outcome == Outcome::unencrypted) {
      unencrypted_source();
    } else {
      encrypted_source(*source.prediction.key);
    }
    return std::move(d);
  }
};

}  // namespace

Decision decide_native_copy(const Context& ctx, const SourcePoint& source, const Job& job) {
  const Region from_region = source.prediction.region;
  const AccountId from_account = source.prediction.account;
  const Region to_region = job.region.empty() ? from_region : Region{job.region};
  const AccountId to_account = job.account.empty() ? from_account : AccountId{job.account};
  const Key* key = job.key.empty() ? nullptr : ctx.model.find_key(job.key, to_account, to_region);
  NativeCopy copy{ctx, source, job, from_region, to_region, from_account, to_account, key, {}};
  return copy.run();
}

namespace {

// R37: AWS Backup restores only in the recovery point's own account.
bool restore_account_allowed(const Prediction& parent, const AccountId& account, Decision& d) {
  if (account == parent.account) return true;
  d.step("R37", "AWS Backup cannot restore into another account.",
         {{"recovery point account", parent.account.value}, {"restore account", account.value}});
  d.fails(fmt::format("AWS Backup cannot restore a recovery point of account {} into account {}",
                      parent.account.value, account.value));
  d.advise(fmt::format(
      "Copy the recovery point into a vault of account {} first (R12, R13), then restore there.",
      account.value));
  return false;
}

// R40: an RDS DB instance restore keeps the recovery point's key whatever KmsKeyId says.
void restore_instance(const Prediction& parent, const Key* key, Decision& d) {
  if (key != nullptr) {
    d.step("R40",
           "KmsKeyId is information-only in an RDS DB instance restore: the key given is "
           "ignored.",
           {{"KmsKeyId", describe(*key)}});
    d.warn(kRestoreKeyIgnored);
  }
  if (parent.outcome == Outcome::unencrypted) {
    d.step("R40", "An unencrypted RDS DB instance recovery point restores unencrypted.");
    d.unencrypted("restored unencrypted: the recovery point is not encrypted");
    d.advise(
        "Copy the snapshot natively with KmsKeyId (R34) and restore that copy to get an encrypted "
        "instance.");
    return;
  }
  d.step("R40", "The restored DB instance keeps the recovery point's key.",
         {{"recovery point key", describe(*parent.key)}});
  d.encrypted(*parent.key,
              fmt::format("restored with the recovery point's key, {}", describe(*parent.key)));
  d.advise(
      "An RDS DB instance restore cannot change the key: copy the snapshot natively with another "
      "KmsKeyId (R31, R32) and restore the copy.");
}

// Aurora, DocumentDB and Neptune (R36, R41).
void restore_cluster(const Context& ctx, const Prediction& parent, const Key* key, Decision& d) {
  const bool aurora = parent.resource_type == ResourceType::aurora;
  if (key != nullptr) {
    if (!usable_key(*key, parent.region, d)) return;
    d.step("R36", aurora ? Confidence::documented : Confidence::inferred,
           parent.outcome == Outcome::encrypted
               ? "An explicit KmsKeyId overrides the recovery point's key (AWS Backup's restore "
                 "metadata passes kmsKeyId through)."
               : "An unencrypted snapshot restored with KmsKeyId gives an encrypted cluster.",
           {{"KmsKeyId", describe(*key)}});
    d.encrypted(*key, fmt::format("restored encrypted with the KmsKeyId, {}", describe(*key)));
    return;
  }
  if (parent.outcome == Outcome::unencrypted) {
    const Date since = *find_rule("R41")->effective;
    if (aurora && ctx.as_of >= since) {
      const Key& owned = ctx.model.aws_owned_key(parent.account, parent.region);
      d.step("R41",
             fmt::format("Since {}, an unencrypted Aurora snapshot restored without KmsKeyId gives "
                         "a cluster encrypted with the AWS owned key.",
                         since.to_string()),
             {{"as of", ctx.as_of.to_string()}});
      d.encrypted(owned, fmt::format("restored encrypted with {}", describe(owned)));
      d.advise("Give a KmsKeyId to restore onto a customer managed key.");
      return;
    }
    d.step(aurora ? "R41" : "R36", Confidence::documented,
           "An unencrypted recovery point restores unencrypted when no key is given.");
    d.unencrypted("restored unencrypted: the recovery point is not encrypted");
    d.advise("Give a KmsKeyId to restore into an encrypted cluster.");
    return;
  }
  d.step("R36", Confidence::documented,
         "Without KmsKeyId the restored database uses the recovery point's key.",
         {{"recovery point key", describe(*parent.key)}});
  d.encrypted(*parent.key,
              fmt::format("restored with the recovery point's key, {}", describe(*parent.key)));
  d.advise("Give KmsKeyId in the restore to use another key of this Region.");
}

}  // namespace

Decision decide_restore(const Context& ctx, const SourcePoint& source, const Job& job) {
  Decision d;
  const Prediction& parent = source.prediction;
  const AccountId account = job.account.empty() ? parent.account : AccountId{job.account};
  if (!source_usable(source, false, d) || !restore_account_allowed(parent, account, d)) return d;
  const Key* key = job.key.empty() ? nullptr : ctx.model.find_key(job.key, account, parent.region);
  if (parent.outcome == Outcome::encrypted && !source_key_enabled(*parent.key, d)) return d;
  if (parent.resource_type == ResourceType::rds_instance) {
    restore_instance(parent, key, d);
  } else {
    restore_cluster(ctx, parent, key, d);
  }
  return d;
}

}  // namespace snapkey::detail
