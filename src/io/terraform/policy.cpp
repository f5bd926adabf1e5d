// Policies in a plan: the JSON text of an aws_kms_key policy or an aws_backup_vault_policy, read
// by the shared io/iam_policy reader.
#include "io/terraform/policy.hpp"

#include <fmt/format.h>

#include "io/detail/iam_policy.hpp"

namespace snapkey::io::terraform {

Result<std::vector<std::string>> allowed_principals(std::string_view policy,
                                                    std::string_view action,
                                                    const std::string& owner) {
  auto who = detail::policy_principals(policy, {action}, owner, "E_TERRAFORM_VALUE");
  if (who) return who;
  const Error& error = who.error();
  const std::string message = error.id == "E_JSON"
                                  ? fmt::format("it is not valid JSON ({})", error.message)
                                  : error.message;
  return Error{"E_TERRAFORM_VALUE", message, {}};
}

}  // namespace snapkey::io::terraform
