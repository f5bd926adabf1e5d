// How findings name things: keys, places, operations and the part of the input to change.
// One wording for every check, so that a key or a copy reads the same in every finding.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/check/context.hpp"

namespace snapkey::detail {

std::string describe_key(const Key& key) {
  if (key.manager == KeyManager::aws_owned) return "an AWS owned key";
  const std::string alias = key.alias();
  if (!alias.empty() && !key.arn.empty()) return fmt::format("{} ({})", alias, key.arn);
  if (!alias.empty()) return fmt::format("{} of {}", alias, where(key.region, key.account));
  return key.arn.empty() ? key.name : key.arn;
}

std::string where(const Region& region, const AccountId& account) {
  return fmt::format("{}/{}", region.name, account.value);
}

namespace {

std::string in_vault(const Prediction& p) {
  return fmt::format("vault {} ({})", p.vault.value_or("?"), where(p.region, p.account));
}

std::string origin(const Prediction& p) {
  if (p.plan && p.plan_rule)
    return fmt::format(" made by rule {} of plan {}", *p.plan_rule, *p.plan);
  if (p.plan) return fmt::format(" made by plan {}", *p.plan);
  return p.operation == Operation::backup ? "" : " made by an on-demand job";
}

}  // namespace

std::string describe_operation(const CheckContext& ctx, const Prediction& p) {
  const Prediction* parent = ctx.parent_of(p);
  switch (p.operation) {
    case Operation::backup:
      return fmt::format("the backup of {} into {}{}", p.resource, in_vault(p), origin(p));
    case Operation::copy:
      if (parent != nullptr && parent->vault) {
        return fmt::format("the copy of {} from {} to {}{}", p.resource, in_vault(*parent),
                           in_vault(p), origin(p));
      }
      return fmt::format("the copy of {} to {}{}", p.resource, in_vault(p), origin(p));
    case Operation::native_copy:
      return fmt::format("the native RDS copy of {} to {}{}", p.parent.value_or(p.resource),
                         where(p.region, p.account), origin(p));
    case Operation::restore:
      return fmt::format("the restore of {} in {}{}", p.parent.value_or(p.resource),
                         where(p.region, p.account), origin(p));
  }
  return p.id;
}

std::string what_to_change(const Prediction& p) {
  switch (p.operation) {
    case Operation::backup:
      return p.plan_rule ? fmt::format("rule {} of plan {}", *p.plan_rule, p.plan.value_or("?"))
                         : "the backup";
    case Operation::copy:
      if (p.plan_rule) {
        return fmt::format("the copy action of rule {} in plan {}", *p.plan_rule,
                           p.plan.value_or("?"));
      }
      return "the on-demand copy job";
    case Operation::native_copy:
      return "the KmsKeyId of the native copy";
    case Operation::restore:
      return "the KmsKeyId of the restore";
  }
  return p.id;
}

bool has_warning(const Prediction& p, std::string_view warning) {
  return std::find(p.warnings.begin(), p.warnings.end(), warning) != p.warnings.end();
}

std::string joined_advice(const Prediction& p) {
  return fmt::format("{}", fmt::join(p.advice, " "));
}

std::string capitalized(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace snapkey::detail
