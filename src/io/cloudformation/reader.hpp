// Private to snapkey::io: reading templates given as text (tests give them inline).
//
//   auto input = cloudformation::read_templates({{"tokyo.yaml", text}}, options);
#ifndef SNAPKEY_SRC_IO_CLOUDFORMATION_READER_HPP
#define SNAPKEY_SRC_IO_CLOUDFORMATION_READER_HPP

#include <vector>

#include "io/cloudformation/eval.hpp"
#include "io/cloudformation/template.hpp"
#include "snapkey/io/cloudformation.hpp"

namespace snapkey::io::cloudformation {

// read_cloudformation_templates, on texts: the same errors but E_FILE.
Result<ModelInput> read_templates(const std::vector<TemplateSource>& sources,
                                  const CloudFormationOptions& options);

// Parses the templates and places each stack in its Region and account. Errors: E_YAML,
// E_JSON, E_CFN_REGION, E_CFN_ACCOUNT, E_REGION, E_ACCOUNT_ID, E_CFN_VALUE (not a template).
Result<std::vector<Stack>> read_stacks(const std::vector<TemplateSource>& sources,
                                       const CloudFormationOptions& options);

// AWS::StackName of a template: its file name without .json, .yaml, .yml and .template
// ("cdk.out/Backup.template.json" -> "Backup").
std::string stack_name(const std::string& path);

}  // namespace snapkey::io::cloudformation

#endif  // SNAPKEY_SRC_IO_CLOUDFORMATION_READER_HPP
