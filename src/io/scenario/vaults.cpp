// The `vaults:` section of a scenario: backup vaults, their type and key.
#include "io/scenario/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "snapkey/arn.hpp"

namespace snapkey::io::scenario {

Result<Vault> Reader::vault(const Field& entry) const {
  Vault vault;
  vault.name = entry.name;
  vault.location = at(entry.key.Mark());
  const std::string subject = fmt::format("vault '{}'", entry.name);
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields, entry_fields(entry, subject, kVaultFields));

  constexpr std::string_view kVaultArn =
      "an ARN like arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME";
  const Field* arn_field = find(fields, "arn");
  if (!arn_field) return missing(subject, "arn", kVaultArn, vault.location);
  Result<Arn> arn = this->arn(*arn_field);
  if (!arn) return arn.error();
  if (arn->service != "backup" || arn->region.empty() || arn->account.empty() ||
      !arn->resource.starts_with("backup-vault:") || arn->resource.size() == 13) {
    return error(kArnKindError,
                 fmt::format("expected a backup vault ARN like "
                             "arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME for 'arn', found {}",
                             found(arn_field->value)),
                 at(*arn_field));
  }
  vault.arn = arn_field->value.Scalar();

  if (const Field* field = find(fields, "type")) {
    Result<VaultType> type = choice(*field, kVaultTypes);
    if (!type) return type.error();
    vault.type = *type;
  }
  if (const Field* field = find(fields, "key")) {
    Result<std::string> key = reference(*field, "a key name, key ARN or alias");
    if (!key) return key.error();
    if (*key == kNone) {
      return error(kValueError,
                   "a vault is always encrypted; leave out 'key' for the default key "
                   "(alias/aws/backup, or the AWS owned key of a logically air-gapped vault)",
                   at(*field));
    }
    if (*key == kUnknown) {
      vault.key_unknown = kUnknownKeyReason;
    } else {
      vault.key = std::move(*key);
    }
  }
  if (const Field* field = find(fields, "allows_copy_from")) {
    constexpr std::string_view kExpected = "a list of account ids, or unknown,";
    if (field->value.IsScalar()) {
      if (field->value.Scalar() != kUnknown) return type_error(kExpected, *field);
      vault.allows_copy_from = std::nullopt;
    } else {
      SNAPKEY_ASSIGN_OR_RETURN(std::vector<std::string> allowed, principals(*field, kExpected));
      vault.allows_copy_from = std::move(allowed);
    }
  }
  if (const Field* field = find(fields, "key_unknown")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string why, reason(*field));
    vault.key_unknown = std::move(why);
  }
  if (const Field* field = find(fields, "address")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string written, address(*field));
    vault.address = std::move(written);
  }
  return vault;
}

}  // namespace snapkey::io::scenario
