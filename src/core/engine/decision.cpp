#include "core/engine/decision.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace snapkey::detail {

Decision& Decision::step(std::string_view rule, std::string text, std::vector<Fact> facts) {
  const Rule* entry = find_rule(rule);
  return step(rule, entry != nullptr ? entry->confidence : Confidence::inferred, std::move(text),
              std::move(facts));
}

Decision& Decision::step(std::string_view rule, Confidence confidence, std::string text,
                         std::vector<Fact> facts) {
  steps_.push_back(Step{std::string(rule), confidence, std::move(text), std::move(facts)});
  return *this;
}

Decision& Decision::warn(std::string_view warning) {
  if (std::find(warnings_.begin(), warnings_.end(), warning) == warnings_.end()) {
    warnings_.emplace_back(warning);
  }
  return *this;
}

Decision& Decision::advise(std::string advice) {
  advice_.push_back(std::move(advice));
  return *this;
}

void Decision::decide(Outcome outcome, std::string message) {
  decided_ = true;
  outcome_ = outcome;
  message_ = std::move(message);
}

void Decision::encrypted(Key key, std::string message) {
  // An AWS owned key has no ARN to know: LAG_KEY_ARN_UNKNOWN says what is not documented.
  if (key.arn.empty() && key.manager != KeyManager::aws_owned) warn(kKeyArnNotKnown);
  key_ = std::move(key);
  decide(Outcome::encrypted, std::move(message));
}

void Decision::unencrypted(std::string message) {
  decide(Outcome::unencrypted, std::move(message));
}

void Decision::fails(std::string message, std::optional<std::string> aws_error) {
  aws_error_ = std::move(aws_error);
  decide(Outcome::fails, std::move(message));
}

void Decision::unsupported(std::string message, std::optional<std::string> aws_error) {
  aws_error_ = std::move(aws_error);
  decide(Outcome::unsupported, std::move(message));
}

void Decision::indeterminate(std::string unknown, std::string message) {
  unknowns_.push_back(std::move(unknown));
  decide(Outcome::indeterminate, std::move(message));
}

void Decision::apply_to(Prediction& prediction) && {
  prediction.outcome = outcome_;
  prediction.key = std::move(key_);
  prediction.message = std::move(message_);
  prediction.aws_error = std::move(aws_error_);
  prediction.unknowns = std::move(unknowns_);
  prediction.advice = std::move(advice_);
  std::sort(warnings_.begin(), warnings_.end());
  prediction.warnings = std::move(warnings_);
  prediction.confidence = Confidence::documented;
  prediction.rules.clear();
  for (const Step& step : steps_) {
    prediction.confidence = weakest(prediction.confidence, step.confidence);
    // A rule that fired twice is listed once, where it last fired: the deciding rule stays last.
    std::erase(prediction.rules, step.rule);
    prediction.rules.push_back(step.rule);
  }
  prediction.steps = std::move(steps_);
}

void no_source(const Prediction& parent, Decision& d) {
  d.step("R11", fmt::format("The source recovery point {} is not made: its prediction is {}.",
                            parent.id, to_string(parent.outcome)));
  if (parent.outcome == Outcome::indeterminate) {
    d.indeterminate(fmt::format("whether {} exists", parent.id),
                    "the source recovery point's outcome is not known");
  } else {
    d.fails(fmt::format("no source recovery point: {} {}", parent.id, to_string(parent.outcome)));
  }
}

bool is_sse_rds_key(const Key& key) {
  return key.manager == KeyManager::aws_owned && key.name.starts_with(kAwsOwnedKey);
}

bool symmetric_encryption_key(const Key& key, std::string_view role, Decision& d) {
  if (key.is_symmetric_encryption()) return true;
  d.step("R43",
         fmt::format("The {} is not a symmetric encryption key: RDS and AWS Backup cannot encrypt "
                     "with it.",
                     role),
         {{std::string(role), describe(key)},
          {"KeySpec", key.spec.empty() ? std::string(kSymmetricDefault) : key.spec},
          {"KeyUsage", key.usage.empty() ? std::string(kEncryptDecrypt) : key.usage}});
  d.fails(
      fmt::format("the {} {} is not a symmetric encryption key (KeySpec {}, KeyUsage {}); no "
                  "source gives AWS's error text",
                  role, key.display_name(), key.spec.empty() ? kSymmetricDefault : key.spec,
                  key.usage.empty() ? kEncryptDecrypt : key.usage));
  d.advise(fmt::format("Use a symmetric encryption key (KeySpec {}, KeyUsage {}) instead of {}.",
                       kSymmetricDefault, kEncryptDecrypt, key.display_name()));
  return false;
}

bool air_gapped_vault_usable(const Context& ctx, const Vault& vault, const Key& key, Decision& d) {
  if (key.manager != KeyManager::customer) return true;
  const Date since = *find_rule("R44")->effective;
  if (ctx.as_of < since) {
    d.step("R44",
           fmt::format("Before {}, logically air-gapped vaults could only use an AWS owned key.",
                       since.to_string()),
           {{"vault", vault.arn}, {"vault key", describe(key)}, {"as of", ctx.as_of.to_string()}});
    d.unsupported(
        fmt::format("logically air-gapped vault {} cannot have a customer managed key at this date",
                    vault.name));
    d.advise("Create the air-gapped vault without a key (the AWS owned key).");
    return false;
  }
  const AccountId account = Model::account_of(vault);
  if (!key_sharing_known(ctx.model, key, account, d)) return false;
  if (key_usable_by(ctx.model, key, account)) return symmetric_encryption_key(key, "vault key", d);
  d.step("R44",
         "The vault's account needs kms:CreateGrant and kms:DescribeKey on the air-gapped vault's "
         "key; without them the vault is FAILED and holds nothing.",
         {{"vault key", describe(key)}, {"vault account", account.value}});
  d.fails(fmt::format("key {} is not shared with account {}, so air-gapped vault {} is FAILED",
                      key.display_name(), account.value, vault.name),
          "User: <assumed role> is not authorized to perform: kms:CreateGrant on this resource "
          "because the resource does not exist in this Region, no resource-based policies allow "
          "access, or a resource-based policy explicitly denies access");
  d.advise(fmt::format(
      "Let account {} use key {} in its key policy (kms:CreateGrant, kms:DescribeKey through "
      "backup.*.amazonaws.com).",
      account.value, key.display_name()));
  return false;
}

std::string service_linked_role(const Region& region, const AccountId& account) {
  return fmt::format(
      "arn:{}:iam::{}:role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup",
      partition_of(region), account.value);
}

std::string describe(const Key& key) {
  if (is_sse_rds_key(key)) return "the AWS owned key of Aurora's default encryption (sse-rds)";
  if (key.manager == KeyManager::aws_owned) return "an AWS owned key (ARN not visible)";
  const std::string arn = key.arn.empty() ? "ARN not known" : key.arn;
  return key.aliases.empty() ? arn : fmt::format("{} ({})", key.aliases.front(), arn);
}

bool key_usable_by(const Model& model, const Key& key, const AccountId& account) {
  if (key.account == account) return true;
  if (key.manager != KeyManager::customer) return false;
  const std::optional<std::string> organization = model.account(account).organization;
  return std::any_of(key.shared_with.begin(), key.shared_with.end(), [&](const std::string& who) {
    return who == "*" || who == account.value ||
           (organization && !organization->empty() && who == *organization);
  });
}

bool key_sharing_known(const Model& model, const Key& key, const AccountId& account, Decision& d) {
  if (key.shared_with_unknown.empty() || key_usable_by(model, key, account)) return true;
  d.indeterminate(fmt::format("whether the key policy of {} lets account {} use it: {}",
                              key.display_name(), account.value, key.shared_with_unknown),
                  "whether the key's policy lets the other account use it is not known");
  return false;
}

std::string kms_error(const Key& key) {
  const std::string arn = key.arn.empty() ? key.display_name() : key.arn;
  switch (key.state) {
    case KeyState::disabled:
      return fmt::format("DisabledException: {} is disabled.", arn);
    case KeyState::pending_deletion:
      return fmt::format("KMSInvalidStateException: {} is pending deletion.", arn);
    case KeyState::pending_replica_deletion:
      return fmt::format("KMSInvalidStateException: {} is pending replica deletion.", arn);
    case KeyState::pending_import:
      return fmt::format("KMSInvalidStateException: {} is pending import.", arn);
    case KeyState::unavailable:
      return fmt::format("KMSInvalidStateException: {} is unavailable.", arn);
    case KeyState::creating:
      return fmt::format("KMSInvalidStateException: {} is creating.", arn);
    case KeyState::updating:
      return fmt::format("KMSInvalidStateException: {} is updating.", arn);
    case KeyState::enabled:
    case KeyState::unknown:
      break;
  }
  return "";
}

const Key* replica_in(const Model& model, const Key& key, const Region& region) {
  for (const Key* related : model.related_keys(key)) {
    if (related->region == region && related != &key) return related;
  }
  return nullptr;
}

namespace {
std::string arn_prefix(const Vault& vault, std::string_view service) {
  const Region region = Model::region_of(vault);
  return fmt::format("arn:{}:{}:{}:{}", partition_of(region), service, region.name,
                     Model::account_of(vault).value);
}
std::string_view snapshot_kind(const Resource& resource) {
  return is_cluster(resource.type) ? "cluster-snapshot" : "snapshot";
}
}  // namespace

std::string backup_recovery_point_arn(const Resource& resource, const Vault& vault,
                                      bool continuous) {
  if (vault.type == VaultType::logically_air_gapped)
    return arn_prefix(vault, "backup") + ":recovery-point:<id>";
  if (continuous) {
    return fmt::format("{}:recovery-point:continuous:{}-<id>", arn_prefix(vault, "backup"),
                       is_cluster(resource.type) ? "cluster" : "db");
  }
  return fmt::format("{}:{}:awsbackup:job-<id>", arn_prefix(vault, "rds"), snapshot_kind(resource));
}

std::string copy_recovery_point_arn(const Resource& resource, const Vault& vault) {
  if (vault.type == VaultType::logically_air_gapped)
    return arn_prefix(vault, "backup") + ":recovery-point:<id>";
  return fmt::format("{}:{}:awsbackup:copyjob-<id>", arn_prefix(vault, "rds"),
                     snapshot_kind(resource));
}

}  // namespace snapkey::detail
