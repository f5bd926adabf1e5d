// CloudFormation templates, JSON or YAML (short-form tags such as !Ref and !GetAtt included),
// one per stack, several stacks read together.
//
//   snapkey::io::CloudFormationOptions options;
//   options.region = "ap-northeast-1";
//   options.account = "111111111111";
//   auto input = io::read_cloudformation_templates({"tokyo.yaml", "virginia.json"}, options);
#ifndef SNAPKEY_IO_CLOUDFORMATION_HPP
#define SNAPKEY_IO_CLOUDFORMATION_HPP

#include <map>
#include <string>
#include <vector>

#include "snapkey/model.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io {

struct CloudFormationOptions {
  // Where the stacks are deployed: a template does not say. Defaults for every template...
  std::string region;
  std::string account;
  // ...and per template, "REGION" or "REGION:ACCOUNT", overriding them. The key is the path
  // given (or the same path normalised, or the template's file name when only one key has it).
  std::map<std::string, std::string> stacks;
  // Parameter values (--parameter Name=Value), for every template that declares the parameter.
  std::map<std::string, std::string> parameters;
};

// Resolves Ref, Fn::GetAtt, Fn::Sub, Fn::If (with Conditions), Fn::Join, Fn::Select, Fn::Split,
// Fn::FindInMap and the pseudo parameters within and across the templates given;
// Fn::ImportValue against the Outputs' Exports of the other templates of the same account and
// Region, and Fn::GetStackOutput against the Outputs of any template given (a stack is named
// after its file). Anything else stays unknown and makes the predictions that need it
// indeterminate. Every resource, key, vault and plan carries its logical id
// (docs/cloudformation-input.md). Errors: E_FILE, E_YAML, E_JSON, E_CFN_REGION (no Region for a
// template, or a --stack mapping that names no template), E_CFN_ACCOUNT (no account),
// E_REGION, E_ACCOUNT_ID (a bad Region or account), E_CFN_VALUE (a value of the wrong kind, a
// malformed function, a reference to nothing, a circular reference), E_CFN_DUPLICATE_EXPORT.
Result<ModelInput> read_cloudformation_templates(const std::vector<std::string>& paths,
                                                 const CloudFormationOptions& options);

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_CLOUDFORMATION_HPP
