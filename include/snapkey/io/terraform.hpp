// Terraform plans: the JSON that `terraform show -json plan.out` prints (docs/terraform-input.md).
//
//   auto input = snapkey::io::read_terraform_plan_file("plan.json");
#ifndef SNAPKEY_IO_TERRAFORM_HPP
#define SNAPKEY_IO_TERRAFORM_HPP

#include <string>
#include <string_view>

#include "snapkey/model.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io {

// Reads planned values, resource changes (with after_unknown), the configuration (expressions,
// references, provider Regions, modules) and the prior state. Values unknown until apply are
// resolved through the configuration's references; what stays unresolvable is marked unknown
// (naming the address and attribute) so that the predictions that need it are indeterminate.
// Every resource, key, vault and plan carries its Terraform address. Errors: E_FILE, E_JSON,
// E_JSON_TYPE, E_JSON_MISSING, E_TERRAFORM_VERSION (a format_version this reader does not
// know), E_TERRAFORM_VALUE (a value of the wrong form), E_TERRAFORM_UNRESOLVED (something the
// model cannot leave open is known only after apply: a provider's Region or account, a
// selection's resources, a resource's engine).
Result<ModelInput> read_terraform_plan_file(const std::string& path);

// The same, from the text of a plan; `file` names it in locations and errors.
Result<ModelInput> read_terraform_plan(std::string_view text, std::string_view file);

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_TERRAFORM_HPP
