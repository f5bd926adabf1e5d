// backup describe-global-settings and organizations describe-organization: facts about an account
// that their outputs do not name (no ARN), so the account comes from the file's "AccountId" or
// its folder (aws_cli_fields.cpp, account_of_file).
#include <fmt/format.h>

#include "io/aws_cli_export.hpp"

namespace snapkey::io::detail::aws_cli {

Status read_global_settings(const JsonValue& root, const FileContext& file, Export& out) {
  Result<JsonValue> settings = required_object(root, "GlobalSettings");
  if (!settings) return settings.error();
  Result<AccountId> account = account_of_file(root, file, "describe-global-settings");
  if (!account) return account.error();
  AccountFacts& facts = out.account(*account, settings->location());
  // The API returns the flags as the strings "true" and "false".
  Result<std::optional<std::string>> enabled =
      optional_word(*settings, "isCrossAccountBackupEnabled", {"true", "false"});
  if (!enabled) return enabled.error();
  if (!*enabled) return Ok{};
  return settle(facts.cross_account_backup, **enabled == "true",
                (*settings)["isCrossAccountBackupEnabled"].location(),
                fmt::format("account {}", account->value), "isCrossAccountBackupEnabled");
}

Status read_organization(const JsonValue& root, const FileContext& file, Export& out) {
  Result<JsonValue> organization = required_object(root, "Organization");
  if (!organization) return organization.error();
  Result<std::string> id = organization->required_string("Id");
  if (!id) return id.error();
  if (!is_organization_id(*id)) {
    return value_error((*organization)["Id"], "an organization id like o-a1b2c3d4e5", *id);
  }
  Result<AccountId> account = account_of_file(root, file, "describe-organization");
  if (!account) return account.error();
  const Location where = (*organization)["Id"].location();
  Status s = settle(out.account(*account, organization->location()).organization, *id, where,
                    fmt::format("account {}", account->value), "its organization");
  if (!s) return s;
  // The management account is in the organization too.
  Result<std::optional<std::string>> management = organization->optional_string("MasterAccountId");
  if (!management) return management.error();
  if (!*management) return Ok{};
  Result<AccountId> manager = parse_account_id(**management);
  if (!manager) {
    return (*organization)["MasterAccountId"].error(manager.error().id, manager.error().message);
  }
  return settle(out.account(*manager, organization->location()).organization, *id, where,
                fmt::format("account {}", manager->value), "its organization");
}

}  // namespace snapkey::io::detail::aws_cli
