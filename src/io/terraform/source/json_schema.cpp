// Terraform's JSON syntax: blocks and references by the place of a property.
#include "io/terraform/source/json_schema.hpp"

#include <map>
#include <set>
#include <string>

#include "io/terraform/source/configuration.hpp"

namespace snapkey::io::terraform::source {
namespace {

using Enclosing = hcl::JsonSchema::Enclosing;

bool is_resource(const hcl::Block& block) {
  return block.type == "resource" || block.type == "data";
}

// Where a body is, as "resource.aws_backup_plan.rule": the top block's type (and a resource's
// type), then each nested block's. A dynamic block's content stands for the block it makes
// (dynamic "copy_action" > content is copy_action); a dynamic block's own body is "dynamic".
std::string path_of(Enclosing enclosing) {
  std::string out;
  for (std::size_t i = 0; i < enclosing.size(); ++i) {
    const hcl::Block& block = *enclosing[i];
    if (i == 0) {
      out = block.type;
      if (is_resource(block) && !block.labels.empty()) out += "." + block.labels[0];
    } else if (block.type != "dynamic") {
      out += "." + block.type;
    } else if (i + 1 < enclosing.size() && enclosing[i + 1]->type == "content") {
      out += "." + (block.labels.empty() ? std::string() : block.labels[0]);
      ++i;
    } else {
      return "dynamic";
    }
  }
  return out;
}

// The nested blocks (none has labels) of the bodies snapkey reads, from the AWS provider's
// schemas and Terraform's own.
const std::map<std::string, std::set<std::string>>& nested_blocks() {
  static const std::map<std::string, std::set<std::string>> blocks = {
      {"resource.aws_backup_plan", {"rule", "advanced_backup_setting"}},
      {"resource.aws_backup_plan.rule", {"copy_action", "lifecycle"}},
      {"resource.aws_backup_plan.rule.copy_action", {"lifecycle"}},
      {"resource.aws_backup_selection", {"selection_tag", "condition"}},
      {"resource.aws_backup_selection.condition",
       {"string_equals", "string_not_equals", "string_like", "string_not_like"}},
      {"resource.aws_rds_cluster",
       {"restore_to_point_in_time", "scaling_configuration", "serverlessv2_scaling_configuration",
        "s3_import"}},
      {"resource.aws_db_instance", {"restore_to_point_in_time", "s3_import", "blue_green_update"}},
      {"resource.aws_docdb_cluster",
       {"restore_to_point_in_time", "serverless_v2_scaling_configuration"}},
      {"resource.aws_neptune_cluster", {"serverless_v2_scaling_configuration"}},
      {"data.aws_iam_policy_document", {"statement"}},
      {"data.aws_iam_policy_document.statement", {"principals", "not_principals", "condition"}},
      {"provider",
       {"assume_role", "assume_role_with_web_identity", "default_tags", "ignore_tags",
        "endpoints"}},
      {"variable", {"validation"}},
      {"output", {"precondition"}},
      {"terraform", {"required_providers", "cloud"}},
      {"terraform.cloud", {"workspaces"}},
      {"check", {"assert"}},
  };
  return blocks;
}

// The blocks Terraform itself adds to every resource.
std::optional<std::size_t> meta_block(std::string_view name) {
  if (name == "lifecycle" || name == "connection" || name == "timeouts") return 0;
  if (name == "provisioner") return 1;
  return std::nullopt;
}

std::optional<std::size_t> labels(Enclosing enclosing, std::string_view name) {
  // Any other top-level name is a block too, for the declaration check to name it.
  if (enclosing.empty()) return block_labels(std::string(name)).value_or(0);
  const std::string path = path_of(enclosing);
  if (path == "dynamic") return name == "content" ? std::optional<std::size_t>(0) : std::nullopt;
  const hcl::Block& top = *enclosing.front();
  if (name == "dynamic" && (is_resource(top) || top.type == "provider")) return 1;
  if (enclosing.size() == 1 && is_resource(top)) {
    if (auto meta = meta_block(name)) return meta;
  }
  if (enclosing.size() == 2 && is_resource(top)) {
    const std::string& type = enclosing[1]->type;
    if (type == "lifecycle" && (name == "precondition" || name == "postcondition")) return 0;
    if (type == "provisioner" && name == "connection") return 0;
  }
  if (path == "terraform" && name == "backend") return 1;
  if (path == "check" && name == "data") return 2;
  const auto& blocks = nested_blocks();
  if (auto it = blocks.find(path); it != blocks.end() && it->second.contains(std::string(name))) {
    return 0;
  }
  return std::nullopt;
}

// Meta-arguments whose strings are expressions as written: "aws.east", "var.name", "list(string)".
bool is_bare(Enclosing enclosing, std::string_view name) {
  if (enclosing.empty()) return false;
  const std::string& top = enclosing.front()->type;
  const std::string& here = enclosing.back()->type;
  if (enclosing.size() == 1) {
    if (name == "depends_on") return true;
    if ((top == "resource" || top == "data") && name == "provider") return true;
    if (top == "module" && name == "providers") return true;
    if (top == "variable" && name == "type") return true;
  }
  if (here == "lifecycle" && (name == "ignore_changes" || name == "replace_triggered_by")) {
    return enclosing.size() == 2;
  }
  return here == "dynamic" && name == "iterator";
}

}  // namespace

const hcl::JsonSchema& configuration_schema() {
  static const hcl::JsonSchema schema{labels, is_bare};
  return schema;
}

const hcl::JsonSchema& variables_schema() {
  static const hcl::JsonSchema schema{
      [](Enclosing, std::string_view) -> std::optional<std::size_t> { return std::nullopt; },
      [](Enclosing, std::string_view) { return false; }};
  return schema;
}

}  // namespace snapkey::io::terraform::source
