// AWS::Backup::BackupVault, AWS::Backup::LogicallyAirGappedBackupVault, AWS::Backup::BackupPlan
// and AWS::Backup::BackupSelection as model vaults and plans. CloudFormation's names differ from
// the API's: BackupPlanRule (Rules), TargetBackupVault (TargetBackupVaultName).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-backup-backupplan.html
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "io/cloudformation/build.hpp"
#include "io/cloudformation/policy.hpp"

namespace snapkey::io::cloudformation {
namespace {

constexpr std::string_view kTagPrefix = "aws:ResourceTag/";

struct ConditionTest {
  std::string_view name;
  TagCondition::Test test;
};
constexpr std::array<ConditionTest, 4> kConditionTests = {{
    {"StringEquals", TagCondition::Test::equals},
    {"StringNotEquals", TagCondition::Test::not_equals},
    {"StringLike", TagCondition::Test::like},
    {"StringNotLike", TagCondition::Test::not_like},
}};

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

}  // namespace

Status Builder::read_vault(const Entity& e) {
  Vault vault;
  vault.name = e.name;
  vault.arn = e.arn;
  vault.type = e.type == "AWS::Backup::LogicallyAirGappedBackupVault"
                   ? VaultType::logically_air_gapped
                   : VaultType::standard;
  vault.location = e.location;
  vault.address = e.id;
  vault.generated_name = true;
  SNAPKEY_ASSIGN_OR_RETURN(auto key_value, property(e, "EncryptionKeyArn"));
  auto key = key_ref(e, "EncryptionKeyArn", key_value);  // absent: aws/backup (or AWS owned)
  if (!key) return key.error();
  vault.key = key->ref;
  vault.key_unknown = e.exists_unknown.empty() ? key->unknown : e.exists_unknown;
  SNAPKEY_ASSIGN_OR_RETURN(auto policy, property(e, "AccessPolicy"));
  if (!policy.is_absent()) {  // absent: only the vault's own account may copy in
    SNAPKEY_ASSIGN_OR_RETURN(auto who,
                             policy_principals(eval_, e.stack, policy, "backup:CopyIntoBackupVault",
                                               stack_of(e).account.value));
    if (who.unknown.empty()) {
      vault.allows_copy_from = who.accounts;
    } else {
      vault.allows_copy_from = std::nullopt;
    }
  }
  out_.vaults.push_back(std::move(vault));
  return Ok{};
}

Status Builder::read_plan(const Entity& e) {
  Plan plan;
  plan.name = e.name;
  plan.location = e.location;
  plan.address = e.id;
  plan.generated_name = true;
  SNAPKEY_ASSIGN_OR_RETURN(auto body, property(e, "BackupPlan"));
  if (body.kind != Value::Kind::map) {
    return value_error(
        fmt::format("expected a map for the BackupPlan of {}, found {}", e.id, body.kind_name()),
        body.is_absent() ? e.location : body.location);
  }
  const Value* rules = body.find("BackupPlanRule");
  if (rules != nullptr && rules->is_unknown()) {
    // Which rules there are is not known: one rule stands for them, its vault not known.
    PlanRule rule;
    rule.name = "(rules not known)";
    rule.location = rules->location;
    rule.vault_unknown = sentence(e, "BackupPlan.BackupPlanRule", rules->reason);
    plan.rules.push_back(std::move(rule));
  } else if (rules == nullptr || rules->kind != Value::Kind::list) {
    return value_error(fmt::format("expected a list of rules for BackupPlan.BackupPlanRule, "
                                   "found {}",
                                   rules == nullptr ? "nothing" : rules->kind_name()),
                       rules == nullptr ? body.location : rules->location);
  }
  for (std::size_t i = 0; rules->kind == Value::Kind::list && i < rules->items.size(); ++i) {
    SNAPKEY_ASSIGN_OR_RETURN(auto rule, read_rule(e, rules->items[i], i));
    plan.rules.push_back(std::move(rule));
  }
  for (PlanRule& rule : plan.rules) {
    if (!e.exists_unknown.empty()) rule.vault_unknown = e.exists_unknown;
  }
  plan_index_.emplace(e.name, out_.plans.size());
  out_.plans.push_back(std::move(plan));
  return Ok{};
}

Result<PlanRule> Builder::read_rule(const Entity& e, const Value& value, std::size_t index) {
  const std::string path = fmt::format("BackupPlan.BackupPlanRule[{}]", index);
  if (value.kind != Value::Kind::map) {
    return value_error(fmt::format("expected a map for {}, found {}", path, value.kind_name()),
                       value.location);
  }
  PlanRule rule;
  rule.location = value.location;
  std::string unknown;
  auto name = text(e, path + ".RuleName", value.find("RuleName"), unknown);
  if (!name) return name.error();
  rule.name = name->value_or(fmt::format("rule {}", index + 1));
  const Value* target = value.find("TargetBackupVault");
  if (target == nullptr) {
    return value_error(fmt::format("{} has no TargetBackupVault", path), value.location);
  }
  auto vault = vault_ref(e, path + ".TargetBackupVault", *target, true);
  if (!vault) return vault.error();
  rule.vault = vault->ref;
  rule.vault_unknown = vault->unknown;
  std::string continuous_unknown;
  auto continuous = boolean(e, path + ".EnableContinuousBackup",
                            value.find("EnableContinuousBackup"), continuous_unknown);
  if (!continuous) return continuous.error();
  rule.continuous = continuous->value_or(false);
  // Snapshot or continuous changes the recovery point: not knowing which is not knowing it.
  if (rule.vault_unknown.empty()) rule.vault_unknown = continuous_unknown;
  // The logically air-gapped vault AWS Backup copies the rule's backups into by itself (R42).
  if (const Value* air_gapped = value.find("TargetLogicallyAirGappedBackupVaultArn")) {
    SNAPKEY_ASSIGN_OR_RETURN(
        auto lag, vault_ref(e, path + ".TargetLogicallyAirGappedBackupVaultArn", *air_gapped, false,
                            VaultType::logically_air_gapped));
    rule.air_gapped_vault = lag.ref;
    rule.air_gapped_vault_unknown = lag.unknown;
  }
  const Value* copies = value.find("CopyActions");
  if (copies != nullptr && copies->is_unknown()) {
    rule.copy_to_unknown.push_back(sentence(e, path + ".CopyActions", copies->reason));
  } else if (copies != nullptr) {
    for (std::size_t i = 0; i < copies->items.size(); ++i) {
      const std::string copy_path =
          fmt::format("{}.CopyActions[{}].DestinationBackupVaultArn", path, i);
      if (copies->items[i].is_unknown()) {
        rule.copy_to_unknown.push_back(
            sentence(e, fmt::format("{}.CopyActions[{}]", path, i), copies->items[i].reason));
        continue;
      }
      const Value* destination = copies->items[i].find("DestinationBackupVaultArn");
      if (destination == nullptr) {
        return value_error(fmt::format("expected a map with DestinationBackupVaultArn for "
                                       "{}.CopyActions[{}], found {}",
                                       path, i, copies->items[i].kind_name()),
                           copies->items[i].location);
      }
      SNAPKEY_ASSIGN_OR_RETURN(auto to, vault_ref(e, copy_path, *destination, false));
      if (!to.ref.empty()) rule.copy_to.push_back(to.ref);
      if (!to.unknown.empty()) rule.copy_to_unknown.push_back(to.unknown);
    }
  }
  return rule;
}

Status Builder::read_selection(const Entity& e) {
  SNAPKEY_ASSIGN_OR_RETURN(auto plan_id, property(e, "BackupPlanId"));
  const std::vector<Symbol> symbols = plan_id.is_text() ? plan_id.symbols() : std::vector<Symbol>{};
  const Entity* plan = symbols.size() == 1 ? entity_of(symbols.front()) : nullptr;
  if (plan != nullptr && plan->type != "AWS::Backup::BackupPlan") {
    return value_error(fmt::format("expected a backup plan id for BackupPlanId, found a reference "
                                   "to {} ({})",
                                   plan->id, plan->type),
                       plan_id.location);
  }
  // A plan the templates do not create (or do not name) predicts nothing: nothing to select for.
  if (plan == nullptr) return Ok{};
  SNAPKEY_ASSIGN_OR_RETURN(auto body, property(e, "BackupSelection"));
  if (body.kind != Value::Kind::map) {
    return value_error(fmt::format("expected a map for the BackupSelection of {}, found {}", e.id,
                                   body.kind_name()),
                       body.is_absent() ? e.location : body.location);
  }
  Selection selection;
  selection.location = e.location;
  std::string unknown;
  auto name = text(e, "BackupSelection.SelectionName", body.find("SelectionName"), unknown);
  if (!name) return name.error();
  selection.name = name->value_or(e.id);
  for (auto [field, out] : {std::pair{"Resources", &selection.resources},
                            std::pair{"NotResources", &selection.not_resources}}) {
    const Value* list = body.find(field);
    if (list == nullptr) continue;
    for (const Value& item : list->items) {
      const std::vector<Symbol> refs = item.is_text() ? item.symbols() : std::vector<Symbol>{};
      const Entity* target = refs.size() == 1 ? entity_of(refs.front()) : nullptr;
      if (item.is_literal()) {
        out->push_back(item.text());
      } else if (target != nullptr && is_database(*target)) {
        out->push_back(target->arn);
      } else if (target == nullptr && (item.is_unknown() || !refs.empty())) {
        // A parameter without a value, or an output of something snapkey does not read (a
        // custom resource): it may name any database.
        auto& unknown = field == std::string_view("Resources") ? selection.resources_unknown
                                                               : selection.not_resources_unknown;
        const std::string why =
            item.is_unknown()
                ? item.reason
                : fmt::format("'{}' is known only when the stack is deployed", item.text());
        unknown.push_back(fmt::format("{} {}: {}", e.id, field, why));
      }
      // A reference to a key, a vault or a plan selects no database.
    }
  }
  SNAPKEY_ASSIGN_OR_RETURN(auto tags, tag_conditions(e, body));
  selection.any_tags = std::move(tags);
  if (const Value* conditions = body.find("Conditions")) {
    for (const ConditionTest& test : kConditionTests) {
      const Value* list = conditions->find(test.name);
      if (list == nullptr) continue;
      for (const Value& item : list->items) {
        auto c = tag_condition(e, item, test.test, test.name);
        if (c) selection.all_tags.push_back(std::move(*c));
      }
    }
  }
  out_.plans[plan_index_.at(plan->name)].selections.push_back(std::move(selection));
  return Ok{};
}

// ListOfTags: STRINGEQUALS tests, any of which selects a resource.
Result<std::vector<TagCondition>> Builder::tag_conditions(const Entity& e, const Value& selection) {
  std::vector<TagCondition> out;
  const Value* list = selection.find("ListOfTags");
  if (list == nullptr) return out;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const Value& item = list->items[i];
    const Value* type = item.find("ConditionType");
    if (type != nullptr && type->is_literal() && upper(type->text()) != "STRINGEQUALS") {
      return value_error(fmt::format("expected STRINGEQUALS for BackupSelection.ListOfTags[{}]."
                                     "ConditionType of {}, found '{}'",
                                     i, e.id, type->text()),
                         type->location);
    }
    auto c = tag_condition(e, item, TagCondition::Test::equals, "ListOfTags");
    if (c) out.push_back(std::move(*c));
  }
  return out;
}

// A ConditionKey / ConditionValue pair; one that is not known is kept as not known (the
// selection may or may not assign what it tests), one that is missing is left out.
std::optional<TagCondition> Builder::tag_condition(const Entity& e, const Value& item,
                                                   TagCondition::Test test,
                                                   std::string_view field) {
  const Value* key = item.find("ConditionKey");
  const Value* value = item.find("ConditionValue");
  if (key == nullptr || value == nullptr) return std::nullopt;
  TagCondition c{test, "", ""};
  for (const auto& [part, out] : {std::pair{key, &c.key}, std::pair{value, &c.value}}) {
    if (part->is_literal()) {
      *out = part->text();
    } else if (part->is_unknown()) {
      c.unknown = fmt::format("{} BackupSelection {} {}: {}", e.id, field,
                              part == key ? "ConditionKey" : "ConditionValue", part->reason);
    } else {
      return std::nullopt;
    }
  }
  if (c.key.starts_with(kTagPrefix)) c.key = c.key.substr(kTagPrefix.size());
  return c;
}

}  // namespace snapkey::io::cloudformation
