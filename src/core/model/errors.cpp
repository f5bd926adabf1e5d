// The error catalogue (snapkey/errors.hpp). Keep it sorted by id; tests/core/errors_test.cpp checks
// that every id in src/ is here and every id here is in src/ and in docs/errors.md.
#include "snapkey/errors.hpp"

#include <algorithm>
#include <array>

namespace snapkey {
namespace {

using enum ErrorCategory;

constexpr std::array kErrors = {
    ErrorInfo{"E_ACCOUNT_ID", input, "A value that should be a 12-digit AWS account id is not.",
              "scenario-format.md"},
    ErrorInfo{"E_AIR_GAPPED_VAULT", input,
              "A plan rule's logically air-gapped target is not a logically air-gapped vault.",
              "scenario-format.md"},
    ErrorInfo{"E_ARN", input, "A value that should be an ARN is not one.", "scenario-format.md"},
    ErrorInfo{"E_ARN_KIND", input, "A well-formed ARN of the wrong kind of resource.",
              "scenario-format.md"},
    ErrorInfo{"E_ARN_PARTITION", input, "An ARN whose partition does not match its Region.",
              "scenario-format.md"},
    ErrorInfo{"E_AS_OF_CONFLICT", input, "Two scenario files give different as_of dates.",
              "inputs.md"},
    ErrorInfo{"E_AWS_CLI_ACCOUNT", input,
              "A saved AWS CLI output that carries no ARN, in no account folder: its account "
              "cannot be told.",
              "aws-cli-input.md"},
    ErrorInfo{"E_AWS_CLI_CONFLICT", input,
              "Two saved AWS CLI outputs say different things about the same thing.",
              "aws-cli-input.md"},
    ErrorInfo{"E_AWS_CLI_KIND", input,
              "JSON that is no AWS CLI output snapkey reads (below a directory it is skipped).",
              "aws-cli-input.md"},
    ErrorInfo{"E_AWS_CLI_REF", input,
              "A saved AWS CLI output names something that no other file of the export describes "
              "where it must.",
              "aws-cli-input.md"},
    ErrorInfo{"E_AWS_CLI_VALUE", input, "A value of the wrong form in a saved AWS CLI output.",
              "aws-cli-input.md"},
    ErrorInfo{"E_AWS_MANAGED_KEY", input,
              "An AWS managed key that is not Enabled or is multi-Region, which AWS managed keys "
              "never are.",
              "scenario-format.md"},
    ErrorInfo{"E_AWS_OWNED_KEY", input,
              "A resource on the AWS owned key of a type that has no AWS owned key encryption.",
              "scenario-format.md"},
    ErrorInfo{"E_CFN_ACCOUNT", input, "No account for a CloudFormation template.",
              "cloudformation-input.md"},
    ErrorInfo{"E_CFN_DUPLICATE_EXPORT", input,
              "Two templates of one account and Region export the same name.",
              "cloudformation-input.md"},
    ErrorInfo{"E_CFN_REGION", input,
              "No Region for a CloudFormation template, or a --stack that names no template read.",
              "cloudformation-input.md"},
    ErrorInfo{"E_CFN_VALUE", input,
              "A CloudFormation value of the wrong kind, a malformed function, a reference to "
              "nothing or a circular reference.",
              "cloudformation-input.md"},
    ErrorInfo{"E_CONFLICT", input, "The same thing described twice, inconsistently.", "inputs.md"},
    ErrorInfo{"E_DATE", input, "A value that should be a date YYYY-MM-DD is not one.",
              "scenario-format.md"},
    ErrorInfo{"E_DUPLICATE_ALIAS", input, "Two keys of one account and Region have the same alias.",
              "scenario-format.md"},
    ErrorInfo{"E_DUPLICATE_ARN", input, "Two things of one kind have the same ARN.",
              "scenario-format.md"},
    ErrorInfo{"E_DUPLICATE_NAME", input, "A name given twice where names must be unique.",
              "scenario-format.md"},
    ErrorInfo{"E_FILE", input,
              "A path that does not exist or cannot be read, or a directory with nothing to read.",
              "inputs.md"},
    ErrorInfo{"E_GRAPHVIZ", usage,
              "snapkey graph --format svg found no Graphviz dot on PATH, or dot failed.",
              "graph.md"},
    ErrorInfo{"E_HCL_SYNTAX", input,
              "A Terraform or OpenTofu configuration file that is not valid HCL.",
              "terraform-input.md"},
    ErrorInfo{"E_INPUT_DEPTH", input,
              "An input nested deeper than snapkey follows (256 levels): HCL expressions and "
              "blocks, Terraform values that refer to others, CloudFormation references.",
              "inputs.md"},
    ErrorInfo{"E_INPUT_KIND", input,
              "A file of no kind snapkey reads (below a directory it is skipped).", "inputs.md"},
    ErrorInfo{"E_INPUT_TOO_LARGE", input,
              "An input file larger than 256 MiB, the most snapkey reads from one file.",
              "inputs.md"},
    ErrorInfo{"E_INTERNAL", internal,
              "snapkey itself failed: a bug. Please report it with the input that caused it.",
              "errors.md"},
    ErrorInfo{"E_JSON", input, "A file that should be JSON is not valid JSON.", "inputs.md"},
    ErrorInfo{"E_JSON_MISSING", input, "A JSON member the format always has is not there.",
              "terraform-input.md"},
    ErrorInfo{"E_JSON_TYPE", input, "A JSON value of the wrong kind.", "terraform-input.md"},
    ErrorInfo{"E_KEY_REF", input, "A reference to a key that the inputs do not define.",
              "scenario-format.md"},
    ErrorInfo{"E_KEY_STATE", input, "A value that should be a KMS key state is not one.",
              "scenario-format.md"},
    ErrorInfo{"E_LAG_VAULT_KEY", input, "A logically air-gapped vault with a key it cannot have.",
              "scenario-format.md"},
    ErrorInfo{"E_MULTI_REGION_KEY_ID", input,
              "A key whose id and multi-Region setting disagree (mrk- and 32 hex digits for a "
              "multi-Region key).",
              "scenario-format.md"},
    ErrorInfo{"E_OUTPUT", internal, "snapkey could not write its output.", "errors.md"},
    ErrorInfo{"E_OUTPUT_FILE", usage,
              "--output names a file that cannot be written (its directory is missing or not "
              "writable); the file is left as it was.",
              "errors.md"},
    ErrorInfo{"E_PLAN_REGION", input,
              "A plan rule's vaults are not in the plan's account and Region.",
              "scenario-format.md"},
    ErrorInfo{"E_PLAN_RESOURCE_REGION", input,
              "A plan names a resource outside the plan's account and Region.",
              "scenario-format.md"},
    ErrorInfo{"E_POLICY_ALLOWED_KEYS", input,
              "KEY_NOT_ALLOWED is turned on but the policy gives no allowed_keys.",
              "policy-format.md"},
    ErrorInfo{"E_POLICY_CHECK", input, "An unknown check id in a policy.", "policy-format.md"},
    ErrorInfo{"E_POLICY_KEY", input,
              "An unknown key in a policy, or a key, check id or tag given twice.",
              "policy-format.md"},
    ErrorInfo{"E_POLICY_SUPPRESSION", input, "A policy suppression without a check or a reason.",
              "policy-format.md"},
    ErrorInfo{"E_POLICY_TYPE", input, "A policy value of the wrong kind.", "policy-format.md"},
    ErrorInfo{"E_POLICY_VALUE", input, "A policy value of the right kind but not allowed.",
              "policy-format.md"},
    ErrorInfo{"E_RECOVERY_POINT_REF", input,
              "A value that should name a recovery point as RESOURCE@VAULT does not.",
              "scenario-format.md"},
    ErrorInfo{"E_REGION", input, "A value that should be an AWS Region is not one.",
              "scenario-format.md"},
    ErrorInfo{"E_REPLICA_PRIMARY", input,
              "A multi-Region replica key whose primary is not a multi-Region primary key of "
              "another Region.",
              "scenario-format.md"},
    ErrorInfo{"E_RESERVED_ALIAS", input,
              "A customer managed key with an alias/aws/ name, which only AWS managed keys have.",
              "scenario-format.md"},
    ErrorInfo{"E_RESOURCE_KEY_REGION", input, "A resource whose key is in another Region.",
              "scenario-format.md"},
    ErrorInfo{"E_RESOURCE_REF", input, "A reference to a resource that the inputs do not define.",
              "scenario-format.md"},
    ErrorInfo{"E_RESOURCE_TYPE", input, "A value that should be a resource type is not one.",
              "scenario-format.md"},
    ErrorInfo{"E_SCENARIO_KEY", input, "An unknown key in a scenario file.", "scenario-format.md"},
    ErrorInfo{"E_SCENARIO_MISSING", input, "A required key of a scenario file is absent.",
              "scenario-format.md"},
    ErrorInfo{"E_SCENARIO_TYPE", input, "A scenario value of the wrong kind.",
              "scenario-format.md"},
    ErrorInfo{"E_SCENARIO_VALUE", input, "A scenario value of the right kind but not allowed.",
              "scenario-format.md"},
    ErrorInfo{"E_SEVERITY", input, "A value that should be a check severity is not one.",
              "policy-format.md"},
    ErrorInfo{"E_TERRAFORM_DECLARATION", input,
              "A Terraform configuration block of the wrong form: missing labels or arguments, "
              "or a name declared twice.",
              "terraform-input.md"},
    ErrorInfo{"E_TERRAFORM_EXPRESSION", input,
              "A Terraform expression that Terraform itself would refuse: a wrong type, a missing "
              "key, an index out of range, a function called wrongly.",
              "terraform-input.md"},
    ErrorInfo{"E_TERRAFORM_MODULE", input,
              "A Terraform module directory with no configuration files in it.",
              "terraform-input.md"},
    ErrorInfo{"E_TERRAFORM_REFERENCE", input,
              "A Terraform expression refers to a variable, local, resource, module or provider "
              "configuration that is not declared.",
              "terraform-input.md"},
    ErrorInfo{"E_TERRAFORM_UNRESOLVED", input,
              "Something the model cannot leave open is known only after apply.",
              "terraform-input.md"},
    ErrorInfo{"E_TERRAFORM_VALUE", input, "A Terraform plan value of the wrong form.",
              "terraform-input.md"},
    ErrorInfo{"E_TERRAFORM_VARIABLE", input,
              "A Terraform variable's value (--var, --var-file, a .tfvars file) of the wrong form "
              "or type.",
              "terraform-input.md"},
    ErrorInfo{"E_TERRAFORM_VERSION", input,
              "A Terraform plan of a format_version snapkey does not read.", "terraform-input.md"},
    ErrorInfo{"E_UNKNOWN_RECOVERY_POINT", usage,
              "snapkey explain names a recovery point that is not predicted.", "errors.md"},
    ErrorInfo{"E_USAGE", usage,
              "A command line that cannot be run: an option given twice, or one that applies to "
              "no input.",
              "inputs.md"},
    ErrorInfo{"E_VAULT_KEY_REGION", input, "A vault whose key is in another Region.",
              "scenario-format.md"},
    ErrorInfo{"E_VAULT_REF", input, "A reference to a vault that the inputs do not define.",
              "scenario-format.md"},
    ErrorInfo{"E_YAML", input, "A file that should be YAML is not valid YAML.", "inputs.md"},
};

static_assert(std::is_sorted(kErrors.begin(), kErrors.end(),
                             [](const ErrorInfo& a, const ErrorInfo& b) { return a.id < b.id; }),
              "keep the catalogue sorted by id");

}  // namespace

std::string_view to_string(ErrorCategory category) {
  switch (category) {
    case ErrorCategory::usage:
      return "usage";
    case ErrorCategory::input:
      return "input";
    case ErrorCategory::internal:
      break;
  }
  return "internal";
}

std::span<const ErrorInfo> error_catalogue() { return kErrors; }

const ErrorInfo* find_error(std::string_view id) {
  const auto it = std::lower_bound(kErrors.begin(), kErrors.end(), id,
                                   [](const ErrorInfo& e, std::string_view x) { return e.id < x; });
  return it != kErrors.end() && it->id == id ? &*it : nullptr;
}

ErrorCategory category_of(const Error& error) {
  const ErrorInfo* info = find_error(error.id);
  return info == nullptr ? ErrorCategory::internal : info->category;
}

}  // namespace snapkey
