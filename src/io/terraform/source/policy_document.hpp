// Private to the Terraform source reader: the `json` of a data "aws_iam_policy_document", worked
// out from its statement blocks as the AWS provider does.
#ifndef SNAPKEY_SRC_IO_TERRAFORM_SOURCE_POLICY_DOCUMENT_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_SOURCE_POLICY_DOCUMENT_HPP

#include <map>
#include <string>

#include "io/hcl/value.hpp"

namespace snapkey::io::terraform::source {

// The policy as a JSON string; unknown when a part of it is, or when it merges other documents
// (source_policy_documents, override_policy_documents), which are not worked out.
hcl::Value policy_document_json(const std::map<std::string, hcl::Value>& arguments);

}  // namespace snapkey::io::terraform::source

#endif  // SNAPKEY_SRC_IO_TERRAFORM_SOURCE_POLICY_DOCUMENT_HPP
