// Any mix of inputs in one run: scenario files, saved AWS CLI output, Terraform plans and
// CloudFormation templates, each recognised from its content, read and combined into one model
// input (a Terraform plan for the new vaults, a CLI export for the existing clusters, ...).
//
//   auto input = snapkey::io::read_inputs({"export/", "plan.json", "design.yaml"}, {});
//
//   // Every bad file at once, and the files of unknown kind skipped in directories:
//   snapkey::io::InputReport report = snapkey::io::read_inputs_report({"export/"}, {});
//   for (const auto& skipped : report.skipped) notice(skipped.file, skipped.reason);
//   if (!report.errors.empty()) fail(report.errors);
#ifndef SNAPKEY_IO_INPUTS_HPP
#define SNAPKEY_IO_INPUTS_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/check.hpp"
#include "snapkey/io/cloudformation.hpp"
#include "snapkey/io/terraform.hpp"
#include "snapkey/model.hpp"
#include "snapkey/result.hpp"
#include "snapkey/skipped_input.hpp"

namespace snapkey::io {

enum class InputKind { scenario, aws_cli, terraform_plan, cloudformation, terraform_source };
// scenario | aws-cli | terraform-plan | cloudformation | terraform-source
std::string_view to_string(InputKind kind);

struct InputOptions {
  CloudFormationOptions cloudformation;
  TerraformOptions terraform;
  // Where the templates and plans that do not say are deployed (--region, --account): the
  // default of `cloudformation` and `terraform` where they set none themselves.
  std::string region;
  std::string account;
};

// The kind of one file, from its content. Errors: E_FILE, E_JSON, E_YAML, E_INPUT_KIND.
Result<InputKind> detect_input_kind(const std::string& path);

// Reads files and directories (recursively), groups the files by kind, reads each group with its
// reader and combines the results (io::combine: the same thing described twice consistently
// merges; described twice inconsistently is an error naming both places).
// Stops at the first error, and skips nothing it would read (a file of unknown kind below a
// directory is an error here too: nothing is skipped without the caller being told).
Result<ModelInput> read_inputs(const std::vector<std::string>& paths, const InputOptions& options);

using snapkey::SkippedInput;  // snapkey/skipped_input.hpp

// What read_inputs_report read: the model input, or every error it met.
struct InputReport {
  std::optional<ModelInput> input;    // set exactly when `errors` is empty
  std::vector<Error> errors;          // every error, in the order met; the first is read_inputs'
  std::vector<SkippedInput> skipped;  // in the order found (whether or not there are errors)
};

// As read_inputs, with two differences, for a user who fixes a folder in one round:
// - A file of unknown kind below a directory (E_INPUT_KIND, E_AWS_CLI_KIND) is skipped and listed
//   in `skipped`; named on the command line it is still an error. A file of a known kind with an
//   error is an error, never skipped.
// - It goes on past a bad file and reports every error: each file that cannot be recognised
//   (E_FILE, E_JSON, E_YAML, E_INPUT_KIND), each scenario file and Terraform plan that its reader
//   rejects, and each AWS CLI file whose error is its own (every E_AWS_CLI_* and value error but
//   the ones between files, E_AWS_CLI_CONFLICT and E_AWS_CLI_REF, which are reported only when no
//   file has an error of its own). The CloudFormation templates are read in one call and report
//   one error; so does what comes after reading (E_CFN_REGION, combine's E_CONFLICT,
//   E_AS_OF_CONFLICT), only when nothing before it failed.
// A directory whose every file snapkey would read was skipped is E_FILE.
InputReport read_inputs_report(const std::vector<std::string>& paths, const InputOptions& options);

// Concatenates several inputs into one model input. Errors: E_AS_OF_CONFLICT (two files give
// different as_of dates).
Result<ModelInput> combine(std::vector<ModelInput> inputs);

// The line lookup of `snapkey check`, a step between check and render: fills in the line and
// column of findings located by a JSON Pointer in a JSON file (an AWS CLI export, a JSON template
// or plan), reading each such file once (SARIF viewers need lines). A location it cannot resolve
// is left as it is.
void locate_lines(Findings& findings);

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_INPUTS_HPP
