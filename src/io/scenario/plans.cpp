// The `plans:` section of a scenario: backup plans, their rules and copy actions.
#include "io/scenario/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "snapkey/arn.hpp"

namespace snapkey::io::scenario {

Result<PlanRule> Reader::rule(const YAML::Node& item, int number, std::string_view plan) const {
  PlanRule rule;
  rule.location = at(item.Mark());
  const std::string subject = fmt::format("rule #{} of {}", number, plan);
  if (!item.IsMap()) return type_error("a map", subject, item, rule.location);
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields,
                           this->fields(item, kRuleFields, fmt::format("in {}", subject)));

  const Field* name = find(fields, "name");
  if (!name) return missing(subject, "name", "the rule's name", rule.location);
  const Field* vault = find(fields, "vault");
  const Field* vault_unknown = find(fields, "vault_unknown");
  if (!vault && !vault_unknown) {
    return missing(subject, "vault", "a vault name or ARN", rule.location);
  }
  SNAPKEY_ASSIGN_OR_RETURN(std::string name_text, text(*name, "the rule's name"));
  rule.name = std::move(name_text);
  if (vault) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string vault_ref, reference(*vault, "a vault name or ARN"));
    rule.vault = std::move(vault_ref);
  }
  if (vault_unknown) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string why, reason(*vault_unknown));
    rule.vault_unknown = std::move(why);
  }
  if (const Field* field = find(fields, "continuous")) {
    Result<bool> continuous = boolean(*field);
    if (!continuous) return continuous.error();
    rule.continuous = *continuous;
  }
  if (const Field* field = find(fields, "copy_to")) {
    Result<std::vector<std::string>> copy_to =
        references(*field, "a list of vault names or ARNs", "a vault name or ARN");
    if (!copy_to) return copy_to.error();
    rule.copy_to = std::move(*copy_to);
  }
  if (const Field* field = find(fields, "air_gapped_vault")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string target, reference(*field, "a vault name or ARN"));
    rule.air_gapped_vault = std::move(target);
  }
  if (const Field* field = find(fields, "copy_to_unknown")) {
    if (!field->value.IsSequence()) return type_error("a list of reasons", *field);
    for (const YAML::Node& element : field->value) {
      SNAPKEY_ASSIGN_OR_RETURN(
          std::string why, text(element, field->name, "a sentence that says why it is not known",
                                at(element, field->key)));
      rule.copy_to_unknown.push_back(std::move(why));
    }
  }
  if (const Field* field = find(fields, "air_gapped_vault_unknown")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string why, reason(*field));
    rule.air_gapped_vault_unknown = std::move(why);
  }
  return rule;
}

Result<Plan> Reader::plan(const Field& entry) const {
  Plan plan;
  plan.name = entry.name;
  plan.location = at(entry.key.Mark());
  const std::string subject = fmt::format("plan '{}'", entry.name);
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields, entry_fields(entry, subject, kPlanFields));

  const Field* rules = find(fields, "rules");
  if (!rules) return missing(subject, "rules", "a list of backup rules", plan.location);
  const Field* resources = find(fields, "resources");
  if (!resources) {
    return missing(subject, "resources", "a list of resource names or ARNs ([] for none)",
                   plan.location);
  }
  if (const Field* field = find(fields, "arn")) {
    Result<Arn> arn = this->arn(*field);
    if (!arn) return arn.error();
    if (arn->service != "backup" || arn->region.empty() || arn->account.empty() ||
        !arn->resource.starts_with("backup-plan:") || arn->resource.size() == 12) {
      return error(kArnKindError,
                   fmt::format("expected a backup plan ARN like "
                               "arn:aws:backup:REGION:ACCOUNT:backup-plan:PLAN-ID for 'arn', "
                               "found {}",
                               found(field->value)),
                   at(*field));
    }
    plan.arn = field->value.Scalar();
  }
  if (!rules->value.IsSequence()) return type_error("a list of backup rules", *rules);
  int number = 0;
  for (const YAML::Node& item : rules->value) {
    SNAPKEY_ASSIGN_OR_RETURN(PlanRule rule, this->rule(item, ++number, subject));
    plan.rules.push_back(std::move(rule));
  }
  Result<std::vector<std::string>> selected =
      references(*resources, "a list of resource names or ARNs", "a resource name or ARN");
  if (!selected) return selected.error();
  plan.resources = std::move(*selected);
  if (const Field* field = find(fields, "resources_unknown")) {
    if (!field->value.IsMap()) {
      return type_error("a map from resource names or ARNs to reasons", *field);
    }
    SNAPKEY_ASSIGN_OR_RETURN(
        Fields entries,
        pairs(field->value, fmt::format("in the resources_unknown of {}", subject)));
    for (const Field& item : entries) {
      SNAPKEY_ASSIGN_OR_RETURN(
          std::string ref,
          reference(item.key, field->name, "a resource name or ARN", at(item.key.Mark())));
      SNAPKEY_ASSIGN_OR_RETURN(std::string why, reason(item));
      plan.resources_unknown.emplace(std::move(ref), std::move(why));
    }
  }
  if (const Field* field = find(fields, "address")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string written, address(*field));
    plan.address = std::move(written);
  }
  return plan;
}

}  // namespace snapkey::io::scenario
