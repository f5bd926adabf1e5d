// Terraform plans: the JSON that `terraform show -json plan.out` prints (docs/terraform-input.md).
//
//   auto input = snapkey::io::read_terraform_plan_file("plan.json");
//
//   // A new estate's plan, whose providers configure no Region and read no caller identity:
//   auto fresh = snapkey::io::read_terraform_plan_file("plan.json", {"eu-west-1", "111111111111"});
#ifndef SNAPKEY_IO_TERRAFORM_HPP
#define SNAPKEY_IO_TERRAFORM_HPP

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/model.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io {

// Where a plan is deployed, where the plan does not say: the Region and the account of every
// provider configuration that configures none, as the environment of `terraform apply` gives
// them (AWS_REGION, the credentials' account). What the plan tells wins: a region argument, a
// data.aws_region or data.aws_caller_identity read with the provider, a known ARN, assume_role,
// allowed_account_ids. Both strings may be empty.
struct TerraformOptions {
  std::string region;
  std::string account;
  // ...and per plan, "REGION" or "REGION:ACCOUNT", overriding them. The key is the path given
  // (or the same path normalised, or the plan's file name when only one key has it).
  std::map<std::string, std::string> plans;
  // Terraform source only (read_terraform_source): the root module's variables, as
  // `terraform plan -var NAME=VALUE` and `-var-file FILE` give them, later ones winning over
  // terraform.tfvars and *.auto.tfvars.
  std::vector<std::string> variables = {};  // "NAME=VALUE"
  std::vector<std::string> variable_files = {};
  // Plans only: the configuration directory the plans were made from. Their locations then point
  // at its .tf lines (found by Terraform address) instead of into the plan JSON. "" = the plan's
  // own directory, when it holds configuration files.
  std::string source_dir = {};
};

// Reads planned values, resource changes (with after_unknown), the configuration (expressions,
// references, provider Regions, modules) and the prior state. Values unknown until apply are
// resolved through the configuration's references; what stays unresolvable is marked unknown
// (naming the address and attribute) so that the predictions that need it are indeterminate.
// Every resource, key, vault and plan carries its Terraform address. Errors: E_FILE, E_JSON,
// E_JSON_TYPE, E_JSON_MISSING, E_TERRAFORM_VERSION (a format_version this reader does not
// know), E_TERRAFORM_VALUE (a value of the wrong form), E_TERRAFORM_UNRESOLVED (something the
// model cannot leave open is known only after apply: a provider's Region or account, the plan
// a selection belongs to, a resource's engine), E_REGION /
// E_ACCOUNT_ID (a bad Region or account in `options`).
Result<ModelInput> read_terraform_plan_file(const std::string& path,
                                            const TerraformOptions& options = {});

// The same, from the text of a plan; `file` names it in locations, errors and options.plans.
Result<ModelInput> read_terraform_plan(std::string_view text, std::string_view file,
                                       const TerraformOptions& options = {});

// Reads a Terraform or OpenTofu configuration directory (the root module: its .tf and .tofu
// files, and the modules it calls, local or downloaded under .terraform/modules) without a plan
// and without credentials (docs/terraform-input.md). Variables, locals, count, for_each,
// conditionals, module outputs and the usual functions are evaluated; what only apply would tell
// (a key's ARN) or what the source does not say (a variable with no value) is unknown, never
// guessed, and the predictions that need it are indeterminate. Locations are file.tf:line:column.
// Errors: those of read_terraform_plan_file, and E_FILE, E_HCL_SYNTAX (the place and what was
// expected), E_TERRAFORM_DECLARATION, E_TERRAFORM_EXPRESSION, E_TERRAFORM_REFERENCE,
// E_TERRAFORM_MODULE, E_TERRAFORM_VARIABLE.
Result<ModelInput> read_terraform_source(const std::string& directory,
                                         const TerraformOptions& options = {});

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_TERRAFORM_HPP
