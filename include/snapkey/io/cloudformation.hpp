// CloudFormation templates, JSON or YAML (short-form tags such as !Ref and !GetAtt included),
// one per stack, several stacks read together.
//
//   snapkey::io::CloudFormationOptions options;
//   options.region = "ap-northeast-1";
//   options.account = "111111111111";
//   auto input = snapkey::io::read_cloudformation_templates({"tokyo.yaml", "virginia.yaml"}, options);
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
  // ...and per template (by the path given), "REGION" or "REGION:ACCOUNT", overriding them.
  std::map<std::string, std::string> stacks;
  // Parameter values (--parameter Name=Value), for every template that declares the parameter.
  std::map<std::string, std::string> parameters;
};

// Resolves Ref, Fn::GetAtt, Fn::Sub, Fn::If (with Conditions), Fn::Join and the pseudo
// parameters within and across the templates given; Fn::ImportValue against the Outputs' Exports
// of the other templates. Anything else stays unknown and makes the predictions that need it
// indeterminate. Every resource, key, vault and plan carries its logical id. Errors: E_FILE,
// E_YAML, E_JSON, E_CFN_REGION (no Region for a template), E_CFN_VALUE.
Result<ModelInput> read_cloudformation_templates(const std::vector<std::string>& paths,
                                                 const CloudFormationOptions& options);

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_CLOUDFORMATION_HPP
