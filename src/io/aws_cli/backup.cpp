// backup list-backup-vaults / describe-backup-vault, get-backup-vault-access-policy,
// get-backup-plan and get-backup-selection.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "io/aws_cli/export.hpp"

namespace snapkey::io::aws_cli {
namespace {

constexpr std::string_view kResourceTagPrefix = "aws:ResourceTag/";

Error described_twice(const std::string& subject, const Location& first, const Location& second) {
  return Error{std::string(kConflictError),
               fmt::format("{} is exported twice with different content: here and at {}", subject,
                           first.to_string()),
               second};
}

// EncryptionKeyType and EncryptionKeyArn: the vault's key, or why it is not known.
//
// A logically air-gapped vault (and a restore access vault, which gives access to one) is
// encrypted with an AWS owned key unless it was created with a customer managed key (possible
// since 2025-11-06). EncryptionKeyType, in outputs since 2025-11-06, tells them apart: the ARN an
// AWS_OWNED_KMS_KEY vault reports is its per-vault AWS owned key, which no customer can use, so it
// is not read. Without EncryptionKeyType, the reported ARN may be either.
Status read_vault_key(const JsonValue& entry, const ArnAt& arn, const std::string& what,
                      Vault& vault, Export& out) {
  Result<std::optional<std::string>> key_type =
      optional_word(entry, "EncryptionKeyType", {"AWS_OWNED_KMS_KEY", "CUSTOMER_MANAGED_KMS_KEY"});
  if (!key_type) return key_type.error();
  const bool air_gapped = vault.type != VaultType::standard;
  const JsonValue key = entry["EncryptionKeyArn"];
  const bool reported = !key.is_missing() && !key.is_null();
  if (*key_type == "AWS_OWNED_KMS_KEY") {
    if (air_gapped) return Ok{};  // key "": the AWS owned key of an air-gapped vault
    vault.key_unknown = fmt::format(
        "{} reports EncryptionKeyType AWS_OWNED_KMS_KEY, which the rules do not cover for a "
        "standard vault",
        what);
    return Ok{};
  }
  if (!reported) {
    vault.key_unknown = fmt::format("{}: EncryptionKeyArn was not reported", what);
    return Ok{};
  }
  if (air_gapped && !*key_type) {
    vault.key_unknown = fmt::format(
        "{} ({}) reports an EncryptionKeyArn but no EncryptionKeyType (outputs before "
        "2025-11-06): the key may be the vault's AWS owned key or a customer managed key",
        what,
        vault.type == VaultType::logically_air_gapped ? "LOGICALLY_AIR_GAPPED_BACKUP_VAULT"
                                                      : "RESTORE_ACCESS_BACKUP_VAULT");
    return Ok{};
  }
  SNAPKEY_ASSIGN_OR_RETURN(std::string reference,
                           key_reference(key, arn.region(), arn.account(), out));
  vault.key = std::move(reference);
  return Ok{};
}

// One vault of list-backup-vaults, or a describe-backup-vault output.
Result<Vault> read_vault(const JsonValue& entry, Export& out) {
  if (!entry.is_object()) return entry.type_error("an object");
  Vault vault;
  vault.location = entry.location();
  vault.generated_name = true;
  vault.allows_copy_from = std::nullopt;  // set from get-backup-vault-access-policy, if exported
  Result<std::string> name = entry.required_string("BackupVaultName");
  if (!name) return name.error();
  vault.name = *name;
  Result<ArnAt> arn = required_arn(entry, "BackupVaultArn", kVaultArn);
  if (!arn) return arn.error();
  vault.arn = arn->text;
  Result<std::optional<std::string>> type = optional_word(
      entry, "VaultType",
      {"BACKUP_VAULT", "LOGICALLY_AIR_GAPPED_BACKUP_VAULT", "RESTORE_ACCESS_BACKUP_VAULT"});
  if (!type) return type.error();
  // Before VaultType existed, every vault was a standard one.
  if (*type == "LOGICALLY_AIR_GAPPED_BACKUP_VAULT") vault.type = VaultType::logically_air_gapped;
  if (*type == "RESTORE_ACCESS_BACKUP_VAULT") vault.type = VaultType::restore_access;
  const std::string what = fmt::format("vault {}", *name);
  SNAPKEY_RETURN_IF_ERROR(read_vault_key(entry, *arn, what, vault, out));
  return vault;
}

Status add_vault(Vault vault, Export& out) {
  VaultFacts& facts = out.vaults.try_emplace(vault.arn).first->second;
  if (facts.arn.empty()) {
    facts.arn = vault.arn;
    facts.location = vault.location;
  }
  if (!facts.described) {
    facts.location = vault.location;
    facts.described = std::move(vault);
    return Ok{};
  }
  const Vault& first = *facts.described;
  const std::string subject = fmt::format("vault {}", vault.arn);
  if (first.type != vault.type) {
    return conflict(subject, "VaultType", show(first.type), first.location, show(vault.type),
                    vault.location);
  }
  if (first.key != vault.key || first.key_unknown != vault.key_unknown) {
    auto spell = [](const Vault& v) { return v.key_unknown.empty() ? show(v.key) : v.key_unknown; };
    return conflict(subject, "its key", spell(first), first.location, spell(vault), vault.location);
  }
  return Ok{};
}

// "arn:PARTITION:backup:REGION:ACCOUNT:backup-vault:NAME" for a vault of the plan's account and
// Region. Errors: E_AWS_CLI_VALUE (not a vault name).
Result<std::string> vault_arn_in(const ArnAt& plan, const JsonValue& value) {
  Result<std::string> name = value.as_string();
  if (!name) return name.error();
  if (name->empty() || name->find(':') != std::string::npos) {
    return value_error(value, "a backup vault name", *name);
  }
  return fmt::format("arn:{}:backup:{}:{}:backup-vault:{}", plan.arn.partition, plan.arn.region,
                     plan.arn.account, *name);
}

Result<PlanRule> read_rule(const JsonValue& entry, const ArnAt& plan, Export& out) {
  if (!entry.is_object()) return entry.type_error("an object");
  PlanRule rule;
  rule.location = entry.location();
  Result<std::string> name = entry.required_string("RuleName");
  if (!name) return name.error();
  rule.name = *name;
  const JsonValue target = entry["TargetBackupVaultName"];
  if (target.is_missing() || target.is_null()) {
    return target.error("E_JSON_MISSING", fmt::format("expected a backup vault name at {}, found "
                                                      "nothing",
                                                      target.location().pointer));
  }
  Result<std::string> vault = vault_arn_in(plan, target);
  if (!vault) return vault.error();
  rule.vault = *vault;
  out.vault_references.push_back({*vault, VaultType::standard, target.location()});
  Result<std::optional<bool>> continuous = entry.optional_bool("EnableContinuousBackup");
  if (!continuous) return continuous.error();
  rule.continuous = continuous->value_or(false);
  // An air-gapped target (R42): the backup goes into the rule's vault, and AWS Backup copies it
  // into the air-gapped vault by itself.
  Result<std::optional<ArnAt>> lag =
      optional_arn(entry, "TargetLogicallyAirGappedBackupVaultArn", kVaultArn);
  if (!lag) return lag.error();
  if (*lag) {
    rule.air_gapped_vault = (*lag)->text;
    out.vault_references.push_back(
        {(*lag)->text, VaultType::logically_air_gapped, (*lag)->where()});
  }
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<JsonValue> copies, list_of(entry, "CopyActions"));
  for (const JsonValue& copy : copies) {
    if (!copy.is_object()) return copy.type_error("an object");
    SNAPKEY_ASSIGN_OR_RETURN(ArnAt destination,
                             required_arn(copy, "DestinationBackupVaultArn", kVaultArn));
    rule.copy_to.push_back(destination.text);
    out.vault_references.push_back({destination.text, VaultType::standard, destination.where()});
  }
  return rule;
}

std::string signature_of(const Plan& plan) {
  std::vector<std::string> rules;
  for (const PlanRule& rule : plan.rules) {
    std::vector<std::string> copies = rule.copy_to;
    std::sort(copies.begin(), copies.end());
    rules.push_back(fmt::format("{}|{}|{}|{}|{}", rule.name, rule.vault, rule.continuous,
                                fmt::join(copies, ","), rule.air_gapped_vault));
  }
  std::sort(rules.begin(), rules.end());
  return fmt::format("{}|{}|{}", plan.name, plan.arn, fmt::join(rules, ";"));
}

Result<std::vector<TagCondition>> read_list_of_tags(const JsonValue& selection) {
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<JsonValue> entries, list_of(selection, "ListOfTags"));
  std::vector<TagCondition> out;
  for (const JsonValue& entry : entries) {
    if (!entry.is_object()) return entry.type_error("an object");
    SNAPKEY_ASSIGN_OR_RETURN(std::string type, entry.required_string("ConditionType"));
    if (type != "STRINGEQUALS") return value_error(entry["ConditionType"], "STRINGEQUALS", type);
    SNAPKEY_ASSIGN_OR_RETURN(std::string key, entry.required_string("ConditionKey"));
    SNAPKEY_ASSIGN_OR_RETURN(std::string value, entry.required_string("ConditionValue"));
    if (key.starts_with(kResourceTagPrefix)) key.erase(0, kResourceTagPrefix.size());
    out.push_back({TagCondition::Test::equals, std::move(key), std::move(value)});
  }
  return out;
}

Result<std::vector<TagCondition>> read_conditions(const JsonValue& selection) {
  std::vector<TagCondition> out;
  const JsonValue conditions = selection["Conditions"];
  if (conditions.is_missing() || conditions.is_null()) return out;
  if (!conditions.is_object()) return conditions.type_error("an object");
  static constexpr std::array<std::pair<std::string_view, TagCondition::Test>, 4> kTests = {{
      {"StringEquals", TagCondition::Test::equals},
      {"StringNotEquals", TagCondition::Test::not_equals},
      {"StringLike", TagCondition::Test::like},
      {"StringNotLike", TagCondition::Test::not_like},
  }};
  for (const auto& member : conditions.members()) {
    const std::string& name = member.first;
    const JsonValue& entries = member.second;
    const auto test = std::find_if(kTests.begin(), kTests.end(),
                                   [&](const auto& known) { return known.first == name; });
    if (test == kTests.end()) {
      return entries.error(
          std::string(kValueError),
          fmt::format("expected StringEquals, StringNotEquals, StringLike or StringNotLike in {}, "
                      "found '{}'",
                      conditions.location().pointer, name));
    }
    if (!entries.is_array()) return entries.type_error("a list");
    for (const JsonValue& entry : entries.items()) {
      if (!entry.is_object()) return entry.type_error("an object");
      SNAPKEY_ASSIGN_OR_RETURN(std::string key, entry.required_string("ConditionKey"));
      SNAPKEY_ASSIGN_OR_RETURN(std::string value, entry.required_string("ConditionValue"));
      if (key.starts_with(kResourceTagPrefix)) key.erase(0, kResourceTagPrefix.size());
      out.push_back({test->second, std::move(key), std::move(value)});
    }
  }
  return out;
}

std::string signature_of(const SelectionFacts& facts) {
  auto tags = [](const std::vector<TagCondition>& conditions) {
    std::vector<std::string> out;
    for (const TagCondition& c : conditions) {
      out.push_back(fmt::format("{}:{}={}", static_cast<int>(c.test), c.key, c.value));
    }
    return fmt::format("{}", fmt::join(out, ","));
  };
  const Selection& s = facts.selection;
  return fmt::format("{}|{}|{}|{}|{}|{}", facts.plan_id, s.name, fmt::join(s.resources, ","),
                     fmt::join(s.not_resources, ","), tags(s.any_tags), tags(s.all_tags));
}

}  // namespace

Status read_backup_vault_list(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<JsonValue> vaults, list_of(root, "BackupVaultList"));
  for (const JsonValue& entry : vaults) {
    SNAPKEY_ASSIGN_OR_RETURN(Vault vault, read_vault(entry, out));
    SNAPKEY_RETURN_IF_ERROR(add_vault(std::move(vault), out));
  }
  return Ok{};
}

Status read_backup_vault(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(Vault vault, read_vault(root, out));
  return add_vault(std::move(vault), out);
}

Status read_vault_access_policy(const JsonValue& root, const FileContext&, Export& out) {
  Result<ArnAt> arn = required_arn(root, "BackupVaultArn", kVaultArn);
  if (!arn) return arn.error();
  const JsonValue policy = root["Policy"];
  std::vector<std::string> allowed;  // Policy null: the vault has no access policy
  if (!policy.is_null()) {
    Result<std::vector<std::string>> principals =
        policy_principals(policy, {"backup:CopyIntoBackupVault"}, arn->account());
    if (!principals) return principals.error();
    allowed = std::move(*principals);
  }
  VaultFacts& facts = out.vaults.try_emplace(arn->text).first->second;
  if (facts.arn.empty()) {
    facts.arn = arn->text;
    facts.location = root.location();
  }
  return settle(facts.allows_copy_from, std::optional<std::vector<std::string>>(allowed),
                policy.location(), fmt::format("vault {}", arn->text),
                "who the access policy lets copy in");
}

Status read_backup_plan(const JsonValue& root, const FileContext&, Export& out) {
  Result<ArnAt> arn = required_arn(root, "BackupPlanArn", kPlanArn);
  if (!arn) return arn.error();
  SNAPKEY_ASSIGN_OR_RETURN(std::string id, root.required_string("BackupPlanId"));
  SNAPKEY_ASSIGN_OR_RETURN(JsonValue body, required_object(root, "BackupPlan"));
  Plan plan;
  plan.arn = arn->text;
  plan.location = body.location();
  plan.generated_name = true;
  Result<std::string> name = body.required_string("BackupPlanName");
  if (!name) return name.error();
  plan.name = *name;
  // GetBackupPlan always prints Rules (a plan has at least one): without it, the file is not
  // its output as it was saved.
  if (const JsonValue given = body["Rules"]; given.is_missing() || given.is_null()) {
    return given.error(
        "E_JSON_MISSING",
        fmt::format("expected a list of rules at {}, found nothing", given.location().pointer));
  }
  Result<std::vector<JsonValue>> rules = list_of(body, "Rules");
  if (!rules) return rules.error();
  for (const JsonValue& entry : *rules) {
    SNAPKEY_ASSIGN_OR_RETURN(PlanRule rule, read_rule(entry, *arn, out));
    plan.rules.push_back(std::move(rule));
  }
  PlanFacts facts{id, signature_of(plan), std::move(plan)};
  auto [it, inserted] = out.plans.try_emplace(id, facts);
  if (inserted || it->second.signature == facts.signature) return Ok{};
  return described_twice(fmt::format("backup plan {}", id), it->second.plan.location,
                         facts.plan.location);
}

Status read_backup_selection(const JsonValue& root, const FileContext&, Export& out) {
  SelectionFacts facts;
  Result<std::string> plan_id = root.required_string("BackupPlanId");
  if (!plan_id) return plan_id.error();
  facts.plan_id = *plan_id;
  Result<std::string> id = root.required_string("SelectionId");
  if (!id) return id.error();
  facts.id = *id;
  SNAPKEY_ASSIGN_OR_RETURN(JsonValue body, required_object(root, "BackupSelection"));
  Selection& selection = facts.selection;
  selection.location = body.location();
  Result<std::string> name = body.required_string("SelectionName");
  if (!name) return name.error();
  selection.name = *name;
  Result<std::vector<std::string>> resources = body.string_list("Resources");
  if (!resources) return resources.error();
  selection.resources = std::move(*resources);
  Result<std::vector<std::string>> not_resources = body.string_list("NotResources");
  if (!not_resources) return not_resources.error();
  selection.not_resources = std::move(*not_resources);
  Result<std::vector<TagCondition>> any_tags = read_list_of_tags(body);
  if (!any_tags) return any_tags.error();
  selection.any_tags = std::move(*any_tags);
  Result<std::vector<TagCondition>> all_tags = read_conditions(body);
  if (!all_tags) return all_tags.error();
  selection.all_tags = std::move(*all_tags);
  facts.signature = signature_of(facts);
  auto [it, inserted] = out.selections.try_emplace(*id, facts);
  if (inserted || it->second.signature == facts.signature) return Ok{};
  return described_twice(fmt::format("backup selection {}", *id), it->second.selection.location,
                         selection.location);
}

}  // namespace snapkey::io::aws_cli
