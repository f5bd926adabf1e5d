// --region, --account and the options of one kind of input: each applies to some input read, or
// it is an error (a user who gives one expects it to change something).
#include "io/input_options.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "io/deployment_place.hpp"

namespace snapkey::io::detail {
namespace {

Location file_only(const std::string& path) {
  Location location;
  location.file = path;
  return location;
}

std::string listed(const std::vector<std::string>& files) {
  return files.empty() ? "none" : fmt::format("{}", fmt::join(files, ", "));
}

Error usage(std::string message) { return Error{"E_USAGE", std::move(message), {}}; }

// Per-file mappings (--stack, --terraform-plan) that name none of `files`.
void unmatched(std::string_view option, const std::map<std::string, std::string>& mappings,
               const std::vector<std::string>& files, std::string_view what,
               std::vector<Error>& out) {
  for (const auto& [given, mapping] : mappings) {
    const std::map<std::string, std::string> only = {{given, mapping}};
    const bool used = std::any_of(files.begin(), files.end(), [&](const std::string& file) {
      return mapping_for(file, only) != nullptr;
    });
    if (used) continue;
    out.push_back(
        Error{option == "--stack" ? "E_CFN_REGION" : "E_USAGE",
              fmt::format("{} {}={} names no {} read ({}: {})", option, given, mapping, what,
                          what == "template" ? "templates" : "plans", listed(files)),
              file_only(given)});
  }
}

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
                                  const std::vector<std::string>& plans) {
  std::vector<Error> out;
  const auto given = [&](std::string_view option, const std::string& value, bool applies,
                         std::string_view to) {
    if (value.empty() || applies) return;
    out.push_back(
        usage(fmt::format("{} {} applies only to {}, and the inputs hold none: leave it out, or "
                          "add the input it is meant for",
                          option, value, to)));
  };
  const bool any = !templates.empty() || !plans.empty();
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
  const bool tf = !plans.empty();
  given("the Terraform Region", options.terraform.region, tf, "Terraform plans");
  given("the Terraform account", options.terraform.account, tf, "Terraform plans");
  if (templates.empty())
    unmatched("--stack", options.cloudformation.stacks, templates, "template", out);
  unmatched("--terraform-plan", options.terraform.plans, plans, "plan", out);
  return out;
}

}  // namespace snapkey::io::detail
