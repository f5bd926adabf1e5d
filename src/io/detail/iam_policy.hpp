// Private to snapkey::io: who an IAM policy document (a KMS key policy, a backup vault access
// policy) lets in. Deliberately simple: IAM's full evaluation needs the caller, and no input has
// one. Shared by the AWS CLI and Terraform readers, which both get the document as JSON text.
#ifndef SNAPKEY_SRC_IO_DETAIL_IAM_POLICY_HPP
#define SNAPKEY_SRC_IO_DETAIL_IAM_POLICY_HPP

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// The accounts, organizations ("o-...") or "*" that the Allow statements of the policy `text` let
// perform one of `actions` (IAM wildcards in Action count), other than `owner`, minus what Deny
// statements take away. Principals: Principal.AWS account ids, account root ARNs and the AWS
// Backup service-linked role; "*" narrowed by kms:CallerAccount, aws:PrincipalAccount or
// aws:PrincipalOrgID gives the condition's values. Sorted, unique. Errors (their message names the
// JSON Pointer inside the document; the caller places them): E_JSON, E_JSON_TYPE, and
// `value_error_id` for an Effect that is neither Allow nor Deny.
Result<std::vector<std::string>> policy_principals(std::string_view text,
                                                   std::initializer_list<std::string_view> actions,
                                                   const std::string& owner,
                                                   std::string_view value_error_id);

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_IAM_POLICY_HPP
