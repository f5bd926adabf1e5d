// backup describe-global-settings and organizations describe-organization: facts about an account
// that their outputs do not name (no ARN), so the account comes from the file's "AccountId" or
// its folder (io/aws_cli/fields.cpp, account_of_file). organizations list-accounts: the accounts of
// an organization, each with its account ARN.
#include <fmt/format.h>

#include "io/aws_cli/export.hpp"

namespace snapkey::io::aws_cli {

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
  SNAPKEY_ASSIGN_OR_RETURN(std::optional<std::string> management,
                           organization->optional_string("MasterAccountId"));
  if (!management) return Ok{};
  Result<AccountId> manager = parse_account_id(*management);
  if (!manager) {
    return (*organization)["MasterAccountId"].error(manager.error().id, manager.error().message);
  }
  return settle(out.account(*manager, organization->location()).organization, *id, where,
                fmt::format("account {}", manager->value), "its organization");
}

namespace {

constexpr std::string_view kAccountArn =
    "an account ARN like arn:aws:organizations::MANAGEMENT-ACCOUNT:account/o-ORGANIZATION/ACCOUNT";

// One Accounts[] entry: its Id, and its organization from its Arn
// (arn:PARTITION:organizations::MANAGEMENT-ACCOUNT:account/o-ORGANIZATION/ACCOUNT).
Status read_listed_account(const JsonValue& entry, Export& out) {
  if (!entry.is_object()) return entry.type_error("an object");
  SNAPKEY_ASSIGN_OR_RETURN(std::string id_text, required_text(entry, "Id"));
  Result<AccountId> id = parse_account_id(id_text);
  if (!id) return entry["Id"].error(id.error().id, id.error().message);
  SNAPKEY_ASSIGN_OR_RETURN(std::string arn_text, required_text(entry, "Arn"));
  const JsonValue at = entry["Arn"];
  Result<Arn> arn = parse_arn(arn_text);
  if (!arn) return at.error(arn.error().id, arn.error().message);
  const std::string_view resource = arn->resource;
  const auto slash = resource.find('/', 8);
  const std::string_view organization =
      slash == std::string_view::npos ? "" : resource.substr(8, slash - 8);
  const std::string_view member = slash == std::string_view::npos ? "" : resource.substr(slash + 1);
  if (arn->service != "organizations" || !arn->region.empty() || arn->account.empty() ||
      !resource.starts_with("account/") || !is_organization_id(organization)) {
    return value_error(at, kAccountArn, arn_text);
  }
  if (member != id->value) {
    return at.error(std::string(kValueError),
                    fmt::format("expected the ARN of account {} (the Id at {}) at {}, like "
                                "arn:aws:organizations::MANAGEMENT-ACCOUNT:account/o-ORGANIZATION/"
                                "{}; found '{}'",
                                id->value, entry["Id"].location().pointer, at.location().pointer,
                                id->value, arn_text));
  }
  const std::string org(organization);
  const Location where = at.location();
  Status s = settle(out.account(*id, entry.location()).organization, org, where,
                    fmt::format("account {}", id->value), "its organization");
  if (!s) return s;
  // The ARN names the organization's management account, which is in the organization too.
  const AccountId manager{arn->account};
  return settle(out.account(manager, entry.location()).organization, org, where,
                fmt::format("account {}", manager.value), "its organization");
}

}  // namespace

Status read_list_accounts(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<JsonValue> accounts, list_of(root, "Accounts"));
  for (const JsonValue& entry : accounts) {
    SNAPKEY_RETURN_IF_ERROR(read_listed_account(entry, out));
  }
  return Ok{};
}

}  // namespace snapkey::io::aws_cli
