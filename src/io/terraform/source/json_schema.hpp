// Private to the Terraform source reader: what HCL's JSON syntax cannot say of a .tf.json or
// .tofu.json file by itself, which properties are blocks (and with how many labels), and which
// strings are references rather than templates (provider = "aws.east").
//
//   auto file = hcl::parse_json(text, "cdk.tf.json", configuration_schema());
#ifndef SNAPKEY_SRC_IO_TERRAFORM_SOURCE_JSON_SCHEMA_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_SOURCE_JSON_SCHEMA_HPP

#include "io/hcl/json_syntax.hpp"

namespace snapkey::io::terraform::source {

// Terraform's blocks, the nested blocks of the resources snapkey reads, and the meta-arguments
// that take references. Any other resource's nested blocks are read as arguments; snapkey does
// not read such resources.
const hcl::JsonSchema& configuration_schema();

// A variable definitions file (.tfvars.json): arguments only.
const hcl::JsonSchema& variables_schema();

}  // namespace snapkey::io::terraform::source

#endif  // SNAPKEY_SRC_IO_TERRAFORM_SOURCE_JSON_SCHEMA_HPP
