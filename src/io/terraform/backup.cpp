// Builder: backup plans (aws_backup_plan), their rules and copy actions, selections
// (aws_backup_selection), vault access policies (aws_backup_vault_policy) and the account's
// cross-account backup setting (aws_backup_global_settings).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

#include "io/terraform/build.hpp"
#include "io/terraform/policy.hpp"

namespace snapkey::io::terraform {
namespace {

constexpr std::string_view kTagPrefix = "aws:ResourceTag/";

// A vault, or why it is not known.
struct VaultTarget {
  std::string arn;
  std::string why;
};

std::string tag_key(std::string key) {
  if (key.starts_with(kTagPrefix)) key.erase(0, kTagPrefix.size());
  return key;
}

Error unresolved(const Instance& instance, std::string message) {
  return Error{"E_TERRAFORM_UNRESOLVED", std::move(message), instance.location};
}

// The configuration block of rule `name` ("rule" blocks are a set: matched by rule_name).
JsonValue rule_block(const PlanFile& plan, const Instance& instance, const std::string& name) {
  for (const JsonValue& block : instance.expression("rule").items()) {
    const Resolved r = plan.resolve(block["rule_name"], instance);
    if (r.kind == Resolved::Kind::constant && r.constant.is_string() &&
        *r.constant.as_string() == name) {
      return block;
    }
  }
  return JsonValue();
}

std::string arn_place(const Instance& at, std::string_view resource) {
  return fmt::format("arn:{}:backup:{}:{}:{}", partition_of(at.region), at.region.name,
                     at.account.value, resource);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Vaults named by plans

std::string Builder::external_vault(const Arn& arn, const Location& location, VaultType type) {
  const std::string text = arn.to_string();
  if (auto it = vault_by_arn_.find(text); it != vault_by_arn_.end()) {
    // Named by a rule's air-gapped target, a vault the plan does not have is one (R42).
    Vault& known = vaults_[it->second].vault;
    if (known.address.empty() && type != VaultType::standard) known.type = type;
    return text;
  }
  VaultEntry entry;
  Vault& v = entry.vault;
  v.arn = text;
  v.type = type;
  v.name = v.vault_name();
  v.key_unknown = fmt::format("vault {} is not in the plan, so its key is not known", text);
  v.allows_copy_from = std::nullopt;
  v.location = location;
  v.generated_name = true;
  vault_by_arn_.emplace(text, vaults_.size());
  vaults_.push_back(std::move(entry));
  return text;
}

// A vault by its known name (in the account and Region of `at`) or ARN.
Result<std::string> Builder::vault_target(const Value& value, const Instance& at, VaultType type) {
  SNAPKEY_ASSIGN_OR_RETURN(auto text, value.string());
  if (text.starts_with("arn:")) {
    auto arn = parse_arn(text);
    if (!arn || arn->service != "backup" || !arn->resource.starts_with("backup-vault:") ||
        arn->region.empty() || arn->account.empty()) {
      return value.json.error(
          "E_TERRAFORM_VALUE",
          fmt::format("expected a backup vault ARN (arn:aws:backup:REGION:ACCOUNT:backup-vault:"
                      "NAME) at {}, found '{}'",
                      value.json.location().pointer, text));
    }
    return external_vault(*arn, value.json.location(), type);
  }
  for (const VaultEntry& entry : vaults_) {
    const Vault& v = entry.vault;
    if (v.vault_name() == text && Model::region_of(v) == at.region &&
        Model::account_of(v) == at.account) {
      return v.arn;
    }
  }
  auto arn = parse_arn(arn_place(at, "backup-vault:" + text));
  if (!arn) return value.json.error("E_TERRAFORM_VALUE", arn.error().message);
  return external_vault(*arn, value.json.location(), type);
}

std::optional<std::string> Builder::vault_from(const Resolved& resolved) const {
  if (resolved.kind != Resolved::Kind::attribute) return std::nullopt;
  const Instance& target = *resolved.instance;
  const std::string& what = resolved.attribute;
  const bool names_vault = what.empty() || what == "arn" || what == "name" || what == "id";
  if (auto it = vault_of_instance_.find(&target); it != vault_of_instance_.end() && names_vault) {
    return vaults_[it->second].vault.arn;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Plans

Status Builder::plans() {
  for (const Instance* instance : plan_.of(false, "aws_backup_plan")) {
    SNAPKEY_RETURN_IF_ERROR(plan(*instance));
  }
  return Ok{};
}

Status Builder::plan(const Instance& instance) {
  auto name = name_of(instance, "name");
  if (!name) return name.error();
  Plan p;
  p.name = name->empty() ? instance.address : *name;
  p.address = instance.address;
  p.location = instance.location;
  p.generated_name = true;
  const Value arn = instance["arn"];
  if (arn.known()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto text, arn.string());
    p.arn = text;
  } else {
    // Not known until apply (it ends in a generated id); this one stands for it, so that the
    // plan's account and Region are known even when no rule's vault is.
    p.arn = arn_place(instance, "backup-plan:<" + instance.address + ">");
  }
  const auto rules = instance.values.blocks("rule");
  if (!rules) {
    PlanRule unknown;
    unknown.name = "rule";
    unknown.location = instance.location;
    unknown.vault_unknown = unknown_until_apply(
        instance.address, "rule", "the plan JSON does not say which rules it will have");
    p.rules.push_back(std::move(unknown));
  } else {
    for (const Object& block : *rules) {
      SNAPKEY_ASSIGN_OR_RETURN(auto r, rule(instance, block, block.values()));
      p.rules.push_back(std::move(r));
    }
  }
  plan_of_instance_[&instance] = plans_.size();
  plans_.push_back(std::move(p));
  return Ok{};
}

std::string RuleAt::unknown(std::string_view attribute, std::string_view why) const {
  return unknown_until_apply(instance.address, fmt::format("{} of rule {}", attribute, name), why);
}

std::string RuleAt::no_block() const {
  return fmt::format("the configuration has no rule block named {} (a dynamic block?)", name);
}

Result<PlanRule> Builder::rule(const Instance& instance, const Object& block,
                               const JsonValue& where) {
  PlanRule r;
  r.location = where.location();
  auto name = block["rule_name"].known() ? block["rule_name"].string() : Result<std::string>("");
  if (!name) return name.error();
  r.name = name->empty() ? "rule" : *name;
  const RuleAt at{instance, r.name, rule_block(plan_, instance, r.name)};
  std::string why;
  auto continuous = flag(plan_, instance, block["enable_continuous_backup"],
                         at.config["enable_continuous_backup"],
                         fmt::format("enable_continuous_backup of rule {}", r.name), false, why);
  if (!continuous) return continuous.error();
  r.continuous = continuous->value_or(false);
  if (!*continuous) r.vault_unknown = why;
  if (r.vault_unknown.empty()) {
    SNAPKEY_RETURN_IF_ERROR(rule_target(at, block, r));
  }
  SNAPKEY_RETURN_IF_ERROR(rule_copies(at, block, r));
  SNAPKEY_RETURN_IF_ERROR(rule_air_gapped(at, block, r));
  return r;
}

// The target vault: by name, in the plan's account and Region.
Status Builder::rule_target(const RuleAt& at, const Object& block, PlanRule& r) {
  const Value target = block["target_vault_name"];
  if (target.known()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto arn, vault_target(target, at.instance));
    r.vault = arn;
    return Ok{};
  }
  if (at.config.is_missing()) {
    r.vault_unknown = at.unknown("target_vault_name", at.no_block());
    return Ok{};
  }
  const Resolved resolved = plan_.resolve(at.config["target_vault_name"], at.instance);
  if (auto arn = vault_from(resolved)) {
    r.vault = *arn;
  } else if (resolved.kind == Resolved::Kind::constant && resolved.constant.is_string()) {
    SNAPKEY_ASSIGN_OR_RETURN(
        auto named, vault_target(Value{Value::State::known, resolved.constant}, at.instance));
    r.vault = named;
  } else {
    r.vault_unknown =
        at.unknown("target_vault_name",
                   resolved.kind == Resolved::Kind::unresolvable
                       ? resolved.why
                       : fmt::format("{} does not name a backup vault", resolved.subject));
  }
  return Ok{};
}

// target_logically_air_gapped_backup_vault_arn: the logically air-gapped vault that AWS Backup
// copies the rule's backups into by itself (R42), in the plan's account and Region.
Status Builder::rule_air_gapped(const RuleAt& at, const Object& block, PlanRule& r) {
  constexpr std::string_view kAttribute = "target_logically_air_gapped_backup_vault_arn";
  const Value target = block[kAttribute];
  if (target.absent() || (target.known() && target.json.is_string() && target.string()->empty())) {
    return Ok{};
  }
  if (target.known()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto arn,
                             vault_target(target, at.instance, VaultType::logically_air_gapped));
    r.air_gapped_vault = arn;
    return Ok{};
  }
  if (at.config.is_missing()) {
    r.air_gapped_vault_unknown = at.unknown(kAttribute, at.no_block());
    return Ok{};
  }
  const JsonValue expression = at.config[kAttribute];
  if (expression.is_missing()) return Ok{};  // not configured: none
  const Resolved resolved = plan_.resolve(expression, at.instance);
  if (auto arn = vault_from(resolved)) {
    r.air_gapped_vault = *arn;
  } else if (resolved.kind == Resolved::Kind::constant && resolved.constant.is_null()) {
    return Ok{};
  } else if (resolved.kind == Resolved::Kind::constant && resolved.constant.is_string()) {
    SNAPKEY_ASSIGN_OR_RETURN(
        auto named, vault_target(Value{Value::State::known, resolved.constant}, at.instance,
                                 VaultType::logically_air_gapped));
    r.air_gapped_vault = named;
  } else {
    r.air_gapped_vault_unknown =
        at.unknown(kAttribute, resolved.kind == Resolved::Kind::unresolvable
                                   ? resolved.why
                                   : fmt::format("{} does not lead to a logically air-gapped "
                                                 "backup vault",
                                                 resolved.subject));
  }
  return Ok{};
}

// Copy actions: the known destinations, then the unknown ones from the configuration's blocks.
// `copy_action` is a set: the plan lists it in no particular order, so the unknown ones are
// matched with the blocks whose destination is not a constant, less those that lead to a vault
// already among the known destinations.
Status Builder::rule_copies(const RuleAt& at, const Object& block, PlanRule& r) {
  const auto copies = block.blocks("copy_action");
  if (!copies) {
    r.copy_to_unknown.push_back(
        at.unknown("copy_action", "the plan JSON does not say which copy actions it will have"));
    return Ok{};
  }
  std::size_t unknown_count = 0;
  for (const Object& copy : *copies) {
    const Value destination = copy["destination_vault_arn"];
    if (!destination.known()) {
      ++unknown_count;
      continue;
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto arn, vault_target(destination, at.instance));
    r.copy_to.push_back(arn);
  }
  if (unknown_count == 0) return Ok{};
  constexpr std::string_view kDestination = "destination_vault_arn of a copy_action";
  std::vector<VaultTarget> candidates;
  std::vector<std::string> known = r.copy_to;
  for (const JsonValue& copy : at.config["copy_action"].items()) {
    const JsonValue expression = copy["destination_vault_arn"];
    if (!expression["constant_value"].is_missing()) continue;
    const Resolved resolved = plan_.resolve(expression, at.instance);
    VaultTarget t;
    if (auto arn = vault_from(resolved)) {
      if (auto it = std::find(known.begin(), known.end(), *arn); it != known.end()) {
        known.erase(it);
        continue;
      }
      t.arn = *arn;
    } else {
      t.why = at.unknown(kDestination,
                         resolved.kind == Resolved::Kind::unresolvable
                             ? resolved.why
                             : fmt::format("{} does not lead to a backup vault", resolved.subject));
    }
    candidates.push_back(std::move(t));
  }
  if (candidates.size() != unknown_count) {
    const std::string why = at.config.is_missing()
                                ? at.no_block()
                                : "the configuration's copy_action blocks do not say which "
                                  "vaults (a dynamic block?)";
    candidates.assign(unknown_count, VaultTarget{"", at.unknown(kDestination, why)});
  }
  for (const VaultTarget& t : candidates) {
    if (t.arn.empty()) {
      r.copy_to_unknown.push_back(t.why);
    } else {
      r.copy_to.push_back(t.arn);
    }
  }
  return Ok{};
}

// ---------------------------------------------------------------------------------------------
// Selections

Status Builder::selections() {
  for (const Instance* instance : plan_.of(false, "aws_backup_selection")) {
    SNAPKEY_RETURN_IF_ERROR(selection(*instance));
  }
  return Ok{};
}

Result<std::vector<std::string>> Builder::selection_resources(const Instance& instance,
                                                              std::string_view attribute,
                                                              std::vector<std::string>& unknown) {
  std::vector<std::string> out;
  const auto list = instance.values.list(attribute);
  bool has_unknown = !list;
  for (const Value& value : list.value_or(std::vector<Value>{})) {
    if (value.unknown()) {
      has_unknown = true;
    } else if (value.known()) {
      SNAPKEY_ASSIGN_OR_RETURN(auto text, value.string());
      out.push_back(text);
    }
  }
  // Not configured: the computed default, an empty list.
  if (!has_unknown || instance.expression(attribute).is_missing()) return out;
  const JsonValue expression = instance.expression(attribute);
  const std::vector<std::string> known = out;
  for (const Resolved& r : plan_.resolve_each(expression, instance)) {
    if (r.kind == Resolved::Kind::unresolvable) {
      unknown.push_back(unknown_until_apply(instance.address, attribute, r.why));
      continue;
    }
    if (r.kind == Resolved::Kind::constant) {
      // Part of the list, e.g. concat(var.arns, [aws_rds_cluster.x.arn]): fine when its values
      // are among the known ones; anything else (a condition) cannot be placed.
      std::vector<JsonValue> values =
          r.constant.is_array() ? r.constant.items() : std::vector<JsonValue>{r.constant};
      for (const JsonValue& v : values) {
        auto text = v.as_string();
        if (!text || std::find(known.begin(), known.end(), *text) == known.end()) {
          unknown.push_back(unknown_until_apply(
              instance.address, attribute,
              fmt::format("the part {} plays in its expression is not known", r.subject)));
          break;
        }
      }
      continue;
    }
    const auto it = resource_arn_.find(r.instance);
    if (it != resource_arn_.end() && (r.attribute.empty() || r.attribute == "arn")) {
      if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
    } else if (is_database_type(r.instance->type) || r.instance->type.empty()) {
      unknown.push_back(unknown_until_apply(
          instance.address, attribute,
          fmt::format("{} refers to {}{}{}, which is not the ARN of a database this reader knows",
                      r.subject, r.instance->address, r.attribute.empty() ? "" : ".",
                      r.attribute)));
    }
    // The attribute of another kind of resource (an S3 bucket) selects no database.
  }
  return out;
}

Status Builder::selection(const Instance& instance) {
  std::optional<std::size_t> plan;
  const Value plan_id = instance["plan_id"];
  if (plan_id.known()) {
    auto id = plan_id.string();
    if (!id) return id.error();
    for (const auto& [candidate, index] : plan_of_instance_) {
      const Value candidate_id = (*candidate)["id"];
      if (candidate_id.known() && candidate_id.json.is_string() && *candidate_id.string() == *id) {
        plan = index;
      }
    }
    if (!plan) return Ok{};  // a plan the configuration does not manage: nothing to predict
  } else {
    const Resolved r = plan_.resolve(instance.expression("plan_id"), instance);
    if (r.kind == Resolved::Kind::attribute && plan_of_instance_.contains(r.instance)) {
      plan = plan_of_instance_.at(r.instance);
    } else {
      return unresolved(
          instance, unknown_until_apply(
                        instance.address, "plan_id",
                        r.kind == Resolved::Kind::unresolvable
                            ? r.why
                            : fmt::format("{} does not lead to an aws_backup_plan", r.subject)) +
                        "; snapkey cannot tell which plan the selection belongs to");
    }
  }
  auto name = name_of(instance, "name");
  if (!name) return name.error();
  Selection s;
  s.name = name->empty() ? instance.address : *name;
  s.location = instance.location;
  auto resources = selection_resources(instance, "resources", s.resources_unknown);
  if (!resources) return resources.error();
  s.resources = std::move(*resources);
  auto not_resources = selection_resources(instance, "not_resources", s.not_resources_unknown);
  if (!not_resources) return not_resources.error();
  s.not_resources = std::move(*not_resources);

  // A tag test known only after apply is kept as not known: the selection may or may not assign
  // what it could match.
  const auto not_known = [&](std::string_view attribute, std::string_view part) {
    return TagCondition{TagCondition::Test::equals, "", "",
                        unknown_until_apply(instance.address, attribute,
                                            fmt::format("so is the {} it tests", part))};
  };
  const auto condition = [&](const Object& test, TagCondition::Test kind,
                             std::string_view attribute) -> Result<TagCondition> {
    const Value key = test["key"];
    const Value value = test["value"];
    TagCondition c{kind, "", ""};
    if (key.unknown()) {
      c.unknown = unknown_until_apply(instance.address, fmt::format("the key of a {}", attribute),
                                      "so is what it selects");
    } else {
      SNAPKEY_ASSIGN_OR_RETURN(auto k, key.string());
      c.key = tag_key(k);
    }
    if (value.unknown()) {
      c.unknown = unknown_until_apply(instance.address,
                                      fmt::format("the value of {} tag '{}'", attribute, c.key),
                                      "so is what it selects");
    } else {
      SNAPKEY_ASSIGN_OR_RETURN(auto v, value.string());
      c.value = v;
    }
    return c;
  };
  const auto tags = instance.values.blocks("selection_tag");
  if (!tags) s.any_tags.push_back(not_known("selection_tag", "tag"));
  for (const Object& tag : tags.value_or(std::vector<Object>{})) {
    const Value type = tag["type"];
    if (type.unknown()) {
      s.any_tags.push_back(not_known("selection_tag type", "test"));
      continue;
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto text, type.string());
    if (text != "STRINGEQUALS") {
      return type.json.error("E_TERRAFORM_VALUE",
                             fmt::format("expected STRINGEQUALS at {}, found '{}'",
                                         type.json.location().pointer, text));
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto c, condition(tag, TagCondition::Test::equals, "selection_tag"));
    s.any_tags.push_back(std::move(c));
  }
  const auto conditions = instance.values.blocks("condition");
  if (!conditions) s.all_tags.push_back(not_known("condition", "test"));
  constexpr std::array<std::pair<std::string_view, TagCondition::Test>, 4> kTests = {{
      {"string_equals", TagCondition::Test::equals},
      {"string_not_equals", TagCondition::Test::not_equals},
      {"string_like", TagCondition::Test::like},
      {"string_not_like", TagCondition::Test::not_like},
  }};
  for (const Object& block : conditions.value_or(std::vector<Object>{})) {
    for (const auto& [attribute, kind] : kTests) {
      const auto tests = block.blocks(attribute);
      if (!tests) s.all_tags.push_back(not_known("condition", "test"));
      for (const Object& test : tests.value_or(std::vector<Object>{})) {
        SNAPKEY_ASSIGN_OR_RETURN(auto c, condition(test, kind, "condition"));
        s.all_tags.push_back(std::move(c));
      }
    }
  }
  plans_[*plan].selections.push_back(std::move(s));
  return Ok{};
}

// ---------------------------------------------------------------------------------------------
// Vault access policies and the account's settings

Status Builder::vault_policies() {
  std::set<std::size_t> described;
  std::vector<const Instance*> lost;  // policies whose vault is not known
  for (const Instance* instance : plan_.of(false, "aws_backup_vault_policy")) {
    std::optional<std::size_t> vault;
    const Value name = (*instance)["backup_vault_name"];
    if (name.known()) {
      SNAPKEY_ASSIGN_OR_RETURN(auto text, name.string());
      for (std::size_t i = 0; i < vaults_.size(); ++i) {
        const Vault& v = vaults_[i].vault;
        if (v.vault_name() == text && Model::region_of(v) == instance->region &&
            Model::account_of(v) == instance->account && !v.address.empty()) {
          vault = i;
        }
      }
      if (!vault) continue;  // a vault the plan does not have
    } else {
      const Resolved r = plan_.resolve(instance->expression("backup_vault_name"), *instance);
      if (r.kind == Resolved::Kind::attribute && vault_of_instance_.contains(r.instance)) {
        vault = vault_of_instance_.at(r.instance);
      } else {
        lost.push_back(instance);
        continue;
      }
    }
    Vault& v = vaults_[*vault].vault;
    described.insert(*vault);
    const Value policy = (*instance)["policy"];
    if (!policy.known()) {
      v.allows_copy_from = std::nullopt;
      continue;
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto text, policy.string());
    auto who = allowed_principals(text, "backup:CopyIntoBackupVault", instance->account.value);
    if (!who) {
      return policy.json.error("E_TERRAFORM_VALUE", fmt::format("{}: policy: {}", instance->address,
                                                                who.error().message));
    }
    v.allows_copy_from = std::move(*who);
  }
  // A policy whose vault is not known could be any vault's in its account and Region.
  for (const Instance* instance : lost) {
    for (std::size_t i = 0; i < vaults_.size(); ++i) {
      Vault& v = vaults_[i].vault;
      if (!described.contains(i) && Model::region_of(v) == instance->region &&
          Model::account_of(v) == instance->account) {
        v.allows_copy_from = std::nullopt;
      }
    }
  }
  return Ok{};
}

Status Builder::global_settings() {
  for (const Instance* instance : plan_.of(false, "aws_backup_global_settings")) {
    const Value setting = instance->values.child("global_settings")["isCrossAccountBackupEnabled"];
    if (!setting.known()) continue;  // not set, or known only after apply: the default stands
    SNAPKEY_ASSIGN_OR_RETURN(auto text, setting.string());
    if (text != "true" && text != "false") {
      return setting.json.error("E_TERRAFORM_VALUE",
                                fmt::format("expected \"true\" or \"false\" at {}, found '{}'",
                                            setting.json.location().pointer, text));
    }
    Account account;
    account.id = instance->account;
    account.cross_account_backup = text == "true";
    account.location = instance->location;
    accounts_.push_back(std::move(account));
  }
  return Ok{};
}

}  // namespace snapkey::io::terraform
