// Private to snapkey::io: who a resource policy of a template (a KMS key policy, a backup vault
// access policy) lets perform an action, besides the resource's own account.
//
//   auto who = cloudformation::policy_principals(eval, stack, policy, "kms:Decrypt",
//   "111111111111");
//   // who->accounts: {"222222222222", "o-abc123"}; who->unknown: "" (or why it cannot tell)
#ifndef SNAPKEY_SRC_IO_CLOUDFORMATION_POLICY_HPP
#define SNAPKEY_SRC_IO_CLOUDFORMATION_POLICY_HPP

#include <string>
#include <string_view>
#include <vector>

#include "io/cloudformation/eval.hpp"

namespace snapkey::io::cloudformation {

struct Principals {
  // Account ids, organization ids ("o-...") or "*", sorted, without the own account.
  std::vector<std::string> accounts;
  // Non-empty: a principal or condition of an Allow statement for the action is not known.
  std::string unknown;
};

// Reads the Allow statements whose Action matches `action` (wildcards such as kms:* count):
// their AWS principals (account root ARNs, IAM ARNs, account ids), and for the principal "*"
// the aws:PrincipalOrgID, aws:PrincipalAccount and kms:CallerAccount conditions. `policy` is
// the evaluated property: a map, or a JSON string. Deny statements are not read. Errors:
// E_CFN_VALUE (not a policy).
Result<Principals> policy_principals(Evaluator& eval, std::size_t stack, const Value& policy,
                                     std::string_view action, const std::string& own_account);

}  // namespace snapkey::io::cloudformation

#endif  // SNAPKEY_SRC_IO_CLOUDFORMATION_POLICY_HPP
