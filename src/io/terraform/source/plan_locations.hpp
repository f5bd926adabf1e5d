// Private to the Terraform readers: a scanned plan's locations moved onto the configuration it was
// made from, so that its findings point at .tf lines (in the diff under review) rather than into
// a generated plan.json. The plan's JSON Pointers name Terraform addresses; the configuration
// knows where each address's block is.
//
//   if (auto dir = configuration_of_plan("infra/plan.json", options)) {
//     SNAPKEY_RETURN_IF_ERROR(locate_in_configuration(input, plan.root(), *dir));
//   }
//   // vault dr: infra/plan.json#/resource_changes/4 -> infra/main.tf:31:1
#ifndef SNAPKEY_SRC_IO_TERRAFORM_SOURCE_PLAN_LOCATIONS_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_SOURCE_PLAN_LOCATIONS_HPP

#include <optional>
#include <string>

#include "io/detail/json.hpp"
#include "snapkey/io/terraform.hpp"
#include "snapkey/model.hpp"

namespace snapkey::io::terraform::source {

// The configuration directory `plan_file` was made from: options.source_dir when given, else the
// plan's own directory when it holds configuration files; nullopt when there is none.
std::optional<std::string> configuration_of_plan(const std::string& plan_file,
                                                 const TerraformOptions& options);

// Moves every location of `input` that points into the plan whose JSON is `plan` to the block or
// argument of `dir`'s configuration it came from: by the resource's address, then down its
// nested blocks and arguments as far as the configuration shows them. Whatever the configuration
// does not have stays in the plan. Errors: reading the configuration (E_FILE, E_JSON,
// E_HCL_SYNTAX, E_TERRAFORM_DECLARATION, E_TERRAFORM_MODULE).
Status locate_in_configuration(ModelInput& input, const detail::JsonValue& plan,
                               const std::string& dir);

}  // namespace snapkey::io::terraform::source

#endif  // SNAPKEY_SRC_IO_TERRAFORM_SOURCE_PLAN_LOCATIONS_HPP
