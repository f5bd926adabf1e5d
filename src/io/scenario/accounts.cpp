// The `accounts:` section of a scenario: organizations and opt-ins by account id.
#include "io/scenario/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "snapkey/arn.hpp"

namespace snapkey::io::scenario {

Result<Account> Reader::account(const Field& entry) const {
  Account account;
  account.location = at(entry.key.Mark());
  Result<AccountId> id = parse_account_id(entry.name);
  if (!id) return relocated(id.error(), account.location);
  account.id = *id;
  const std::string subject = fmt::format("account '{}'", entry.name);
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields, entry_fields(entry, subject, kAccountFields));

  if (const Field* field = find(fields, "organization")) {
    Result<std::string> value = text(*field, "an organization id like o-a1b2c3d4e5, or none");
    if (!value) return value.error();
    if (*value == kNone) {
      account.organization = "";
    } else if (is_organization_id(*value)) {
      account.organization = *value;
    } else {
      return error(kValueError,
                   fmt::format("expected an organization id like o-a1b2c3d4e5, or none, for "
                               "'organization', found {}",
                               found(field->value)),
                   at(*field));
    }
  }
  if (const Field* field = find(fields, "cross_account_backup")) {
    SNAPKEY_ASSIGN_OR_RETURN(bool value, boolean(*field));
    account.cross_account_backup = value;
  }
  return account;
}

}  // namespace snapkey::io::scenario
