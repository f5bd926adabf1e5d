// The `plans:` section of an exported scenario: backup plans and their rules. A plan's backup
// selections are written as what they assign: Model::build has already turned them into the
// plan's resources, and into resources_unknown where a test they depend on is not known.
#include <string>

#include "io/scenario/reader.hpp"
#include "io/scenario/writer.hpp"

namespace snapkey::io::scenario {

void Writer::rule(const PlanRule& rule) {
  out_ << YAML::BeginMap;
  field("name", rule.name);
  if (!rule.vault.empty()) field("vault", rule.vault);
  reason("vault_unknown", rule.vault_unknown);
  if (rule.continuous) out_ << YAML::Key << "continuous" << YAML::Value << true;
  if (!rule.copy_to.empty()) strings("copy_to", rule.copy_to);
  if (!rule.copy_to_unknown.empty()) {
    out_ << YAML::Key << "copy_to_unknown" << YAML::Value << YAML::BeginSeq;
    for (const std::string& why : rule.copy_to_unknown) string(why);
    out_ << YAML::EndSeq;
  }
  if (!rule.air_gapped_vault.empty()) field("air_gapped_vault", rule.air_gapped_vault);
  reason("air_gapped_vault_unknown", rule.air_gapped_vault_unknown);
  out_ << YAML::EndMap;
}

void Writer::plan(const Plan& plan) {
  out_ << YAML::Key;
  string(plan.name);
  out_ << YAML::Value << YAML::BeginMap;
  if (!plan.arn.empty()) field("arn", plan.arn);
  out_ << YAML::Key << "rules" << YAML::Value;
  if (plan.rules.empty()) out_ << YAML::Flow;  // [], not a line of its own
  out_ << YAML::BeginSeq;
  for (const PlanRule& rule : plan.rules) this->rule(rule);
  out_ << YAML::EndSeq;
  strings("resources", plan.resources);  // required, even when empty
  if (!plan.resources_unknown.empty()) {
    out_ << YAML::Key << "resources_unknown" << YAML::Value << YAML::BeginMap;
    for (const auto& [name, why] : plan.resources_unknown) {
      out_ << YAML::Key;
      string(name);
      out_ << YAML::Value;
      string(why);
    }
    out_ << YAML::EndMap;
  }
  if (!plan.address.empty()) field("address", plan.address);
  out_ << YAML::EndMap;
}

void Writer::plans() {
  if (model_.plans().empty()) return;
  out_ << YAML::Key << "plans" << YAML::Value << YAML::BeginMap;
  for (const Plan& plan : model_.plans()) this->plan(plan);
  out_ << YAML::EndMap;
}

}  // namespace snapkey::io::scenario
