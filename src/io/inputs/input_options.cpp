// --region, --account and the options of one kind of input: each applies to some input read, or
// it is an error (a user who gives one expects it to change something).
#include "io/inputs/input_options.hpp"

#include <fmt/format.h>

#include "io/inputs/deployment_place.hpp"

namespace snapkey::io::detail {
namespace {

Error usage(std::string message) { return Error{"E_USAGE", std::move(message), {}}; }

}  // namespace

CloudFormationOptions cloudformation_options(const InputOptions& options) {
  CloudFormationOptions out = options.cloudformation;
  if (out.region.empty()) out.region = options.region;
  if (out.account.empty()) out.account = options.account;
  return out;
}

TerraformOptions terraform_options(const InputOptions& options) {
  TerraformOptions out = options.terraform;
  if (out.region.empty()) out.region = options.region;
  if (out.account.empty()) out.account = options.account;
  return out;
}

std::vector<Error> unused_options(const InputOptions& options,
                                  const std::vector<std::string>& templates,
                                  const std::vector<std::string>& plans,
                                  const std::vector<std::string>& sources) {
  std::vector<Error> out;
  const auto given = [&](std::string_view option, const std::string& value, bool applies,
                         std::string_view to) {
    if (value.empty() || applies) return;
    out.push_back(
        usage(fmt::format("{} {} applies only to {}, and the inputs hold none: leave it out, or "
                          "add the input it is meant for",
                          option, value, to)));
  };
  const bool any = !templates.empty() || !plans.empty() || !sources.empty();
  const char* both = "CloudFormation templates and Terraform plans";
  given("--region", options.region, any, both);
  given("--account", options.account, any, both);
  const bool cfn = !templates.empty();
  given("the CloudFormation Region", options.cloudformation.region, cfn,
        "CloudFormation templates");
  given("the CloudFormation account", options.cloudformation.account, cfn,
        "CloudFormation templates");
  std::vector<std::string> parameters;
  for (const auto& [name, value] : options.cloudformation.parameters) {
    parameters.push_back(name + "=" + value);
  }
  given("--parameter", fmt::format("{}", fmt::join(parameters, " --parameter ")), cfn,
        "CloudFormation templates");
  const bool tf = !plans.empty() || !sources.empty();
  given("the Terraform Region", options.terraform.region, tf, "Terraform plans");
  given("the Terraform account", options.terraform.account, tf, "Terraform plans");
  given("--terraform-source", options.terraform.source_dir, !plans.empty(), "Terraform plans");
  const char* configuration = "Terraform configuration directories";
  for (const std::string& variable : options.terraform.variables) {
    given("--var", variable, !sources.empty(), configuration);
  }
  for (const std::string& file : options.terraform.variable_files) {
    given("--var-file", file, !sources.empty(), configuration);
  }
  // With templates, the CloudFormation reader reports a --stack that names none of them.
  const auto add = [&](std::vector<Error> errors) {
    out.insert(out.end(), errors.begin(), errors.end());
  };
  if (templates.empty()) {
    add(unmatched_mappings("E_CFN_REGION", "--stack", options.cloudformation.stacks, templates,
                           "template"));
  }
  add(unmatched_mappings("E_USAGE", "--terraform-plan", options.terraform.plans, plans, "plan"));
  return out;
}

}  // namespace snapkey::io::detail
