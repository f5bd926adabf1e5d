// Any mix of inputs in one run: scenario files, saved AWS CLI output, Terraform plans and
// CloudFormation templates, each recognised from its content, read and combined into one model
// input (a Terraform plan for the new vaults, a CLI export for the existing clusters, ...).
//
//   auto input = snapkey::io::read_inputs({"export/", "plan.json", "design.yaml"}, {});
#ifndef SNAPKEY_IO_INPUTS_HPP
#define SNAPKEY_IO_INPUTS_HPP

#include <string>
#include <string_view>
#include <vector>

#include "snapkey/io/cloudformation.hpp"
#include "snapkey/model.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io {

enum class InputKind { scenario, aws_cli, terraform_plan, cloudformation };
std::string_view to_string(InputKind kind);  // scenario | aws-cli | terraform-plan | cloudformation

struct InputOptions {
  CloudFormationOptions cloudformation;
};

// The kind of one file, from its content. Errors: E_FILE, E_JSON, E_YAML, E_INPUT_KIND.
Result<InputKind> detect_input_kind(const std::string& path);

// Reads files and directories (recursively), groups the files by kind, reads each group with its
// reader and combines the results (io::combine: the same thing described twice consistently
// merges; described twice inconsistently is an error naming both places).
Result<ModelInput> read_inputs(const std::vector<std::string>& paths, const InputOptions& options);

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_INPUTS_HPP
