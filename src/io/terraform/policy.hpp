// Private to the Terraform plan reader: who a key policy or a backup vault access policy (an
// IAM policy document, given as a JSON string attribute) lets in.
//
//   auto who = allowed_principals(policy_text, {"kms:Decrypt"}, "111111111111");
//   // {"222222222222", "o-abc123"}: the accounts and organizations besides the owner
#ifndef SNAPKEY_SRC_IO_TERRAFORM_POLICY_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_POLICY_HPP

#include <string>
#include <string_view>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::io::terraform {

// The accounts, organizations ("o-...") or "*" that `policy` lets perform `action`, other than
// `owner` (detail::policy_principals: Allow statements, minus what Deny statements take away).
// Errors (message only; the caller adds the place): E_TERRAFORM_VALUE when `policy` is not JSON
// or not a policy document.
Result<std::vector<std::string>> allowed_principals(std::string_view policy,
                                                    std::string_view action,
                                                    const std::string& owner);

}  // namespace snapkey::io::terraform

#endif  // SNAPKEY_SRC_IO_TERRAFORM_POLICY_HPP
