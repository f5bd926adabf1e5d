// What read_inputs does with InputOptions before any reader runs. Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_INPUTS_INPUT_OPTIONS_HPP
#define SNAPKEY_SRC_IO_INPUTS_INPUT_OPTIONS_HPP

#include <string>
#include <vector>

#include "snapkey/io/inputs.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// The options each reader gets: InputOptions' region and account where its own set none.
CloudFormationOptions cloudformation_options(const InputOptions& options);
TerraformOptions terraform_options(const InputOptions& options);

// An option that applies to no input read would be ignored without a word: one error for each.
// `templates`, `plans`, `sources`: the CloudFormation templates, Terraform plans and Terraform
// configuration directories of the run. Errors:
// E_USAGE; E_CFN_REGION (a --stack mapping with no template at all; the CloudFormation reader
// reports one that names none of the templates it reads).
std::vector<Error> unused_options(const InputOptions& options,
                                  const std::vector<std::string>& templates,
                                  const std::vector<std::string>& plans,
                                  const std::vector<std::string>& sources);

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_INPUTS_INPUT_OPTIONS_HPP
