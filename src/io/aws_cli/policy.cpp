// Policies in a saved export: the JSON text of a key policy (get-key-policy) or a vault access
// policy (get-backup-vault-access-policy), read by the shared io/iam_policy reader.
#include <fmt/format.h>

#include "io/aws_cli/export.hpp"

namespace snapkey::io::aws_cli {

Result<std::vector<std::string>> policy_principals(const JsonValue& value,
                                                   std::initializer_list<std::string_view> actions,
                                                   const AccountId& owner) {
  if (value.is_missing() || value.is_null()) {
    return value.error(
        "E_JSON_MISSING",
        fmt::format("expected a policy document (a JSON string) at {}, found nothing",
                    value.location().pointer));
  }
  Result<std::string> text = value.as_string();
  if (!text) return text.error();
  auto who = detail::policy_principals(*text, actions, owner.value, "E_AWS_CLI_VALUE");
  if (!who) {
    // Moved to the Policy value, with its place inside the policy text in the message.
    return value.error(who.error().id, fmt::format("in the policy document at {}: {}",
                                                   value.location().pointer, who.error().message));
  }
  return who;
}

}  // namespace snapkey::io::aws_cli
