// The `keys:` section of a scenario: KMS keys, their aliases, managers and replicas.
#include "io/scenario/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "snapkey/arn.hpp"

namespace snapkey::io::scenario {

Status Reader::key_arn(Key& key, const Field& arn_field) const {
  SNAPKEY_ASSIGN_OR_RETURN(Arn arn, this->arn(arn_field));
  if (!is_kms_key_arn(arn) || arn.region.empty() || arn.account.empty()) {
    return error(kArnKindError,
                 fmt::format("expected a KMS key ARN like arn:aws:kms:REGION:ACCOUNT:key/KEY-ID "
                             "for 'arn', found {}",
                             found(arn_field.value)),
                 at(arn_field));
  }
  key.arn = arn_field.value.Scalar();
  Result<Region> region = parse_region(arn.region);
  if (!region) return relocated(region.error(), at(arn_field));
  key.region = *region;
  Result<AccountId> account = parse_account_id(arn.account);
  if (!account) return relocated(account.error(), at(arn_field));
  key.account = *account;
  return Ok{};
}

Status Reader::key_place(Key& key, const Field* region_field, const Field* account_field,
                         std::string_view subject) const {
  if (!region_field) {
    return missing(subject, "region", "the Region of a key whose ARN is not known yet",
                   key.location);
  }
  if (!account_field) {
    return missing(subject, "account", "the account of a key whose ARN is not known yet",
                   key.location);
  }
  SNAPKEY_ASSIGN_OR_RETURN(std::string region_text, text(*region_field, "a Region name"));
  Result<Region> region = parse_region(region_text);
  if (!region) return relocated(region.error(), at(*region_field));
  key.region = *region;
  SNAPKEY_ASSIGN_OR_RETURN(std::string account_text, text(*account_field, "an account id"));
  Result<AccountId> account = parse_account_id(account_text);
  if (!account) return relocated(account.error(), at(*account_field));
  key.account = *account;
  return Ok{};
}

Result<Key> Reader::key(const Field& entry) const {
  Key key;
  key.name = entry.name;
  key.location = at(entry.key.Mark());
  const std::string subject = fmt::format("key '{}'", entry.name);
  if (entry.name == kAwsOwnedKey) {
    return error(kValueError,
                 fmt::format("a key cannot be named '{}', which is the key reference of the AWS "
                             "owned key of Aurora's default encryption (sse-rds); give the key "
                             "another name",
                             kAwsOwnedKey),
                 key.location);
  }
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields, entry_fields(entry, subject, kKeyFields));

  constexpr std::string_view kKeyArn = "an ARN like arn:aws:kms:REGION:ACCOUNT:key/KEY-ID";
  const Field* arn_field = find(fields, "arn");
  const Field* region_field = find(fields, "region");
  const Field* account_field = find(fields, "account");
  if (arn_field && (region_field || account_field)) {
    const Field* given = region_field ? region_field : account_field;
    return error(kKeyError,
                 fmt::format("{} has both 'arn' and '{}'; a key with an ARN takes its Region and "
                             "account from it (give 'region' and 'account' only for a key whose "
                             "ARN is not known yet)",
                             subject, given->name),
                 at(given->key.Mark()));
  }
  if (!arn_field && (region_field || account_field)) {
    SNAPKEY_RETURN_IF_ERROR(key_place(key, region_field, account_field, subject));
  } else {
    if (!arn_field) return missing(subject, "arn", kKeyArn, key.location);
    SNAPKEY_RETURN_IF_ERROR(key_arn(key, *arn_field));
  }

  const Field* alias = find(fields, "alias");
  const Field* aliases = find(fields, "aliases");
  if (alias && aliases) {
    const Field* second = alias->key.Mark().pos < aliases->key.Mark().pos ? aliases : alias;
    return error(kKeyError,
                 fmt::format("{} has both 'alias' and 'aliases'; give one alias with 'alias' or "
                             "a list with 'aliases'",
                             subject),
                 at(second->key.Mark()));
  }
  auto add_alias = [&](const YAML::Node& value, std::string_view name, Location where) -> Status {
    constexpr std::string_view kAlias = "an alias name like alias/NAME";
    SNAPKEY_ASSIGN_OR_RETURN(std::string alias_name, text(value, name, kAlias, where));
    if (!alias_name.starts_with("alias/") || alias_name.size() == 6) {
      return error(kValueError,
                   fmt::format("expected {} for '{}', found {}", kAlias, name, found(value)),
                   where);
    }
    key.aliases.push_back(std::move(alias_name));
    return Ok{};
  };
  if (alias) {
    SNAPKEY_RETURN_IF_ERROR(add_alias(alias->value, "alias", at(*alias)));
  }
  if (aliases) {
    if (!aliases->value.IsSequence()) return type_error("a list of alias names", *aliases);
    for (const YAML::Node& element : aliases->value) {
      SNAPKEY_RETURN_IF_ERROR(add_alias(element, "aliases", at(element, aliases->key)));
    }
  }
  sort_unique(key.aliases);

  if (const Field* field = find(fields, "manager")) {
    Result<KeyManager> manager = choice(*field, kManagers);
    if (!manager) return manager.error();
    key.manager = *manager;
  }
  if (const Field* field = find(fields, "multi_region")) {
    Result<MultiRegion> multi_region = choice(*field, kMultiRegion);
    if (!multi_region) return multi_region.error();
    key.multi_region = *multi_region;
  }
  if (const Field* field = find(fields, "primary")) {
    Result<std::string> primary = reference(*field, "a key name or key ARN");
    if (!primary) return primary.error();
    if (key.multi_region != MultiRegion::replica) {
      return error(kValueError,
                   fmt::format("'primary' names the primary of a replica key, but {} has "
                               "multi_region: {}",
                               subject, to_string(key.multi_region)),
                   at(*field));
    }
    key.primary = std::move(*primary);
  }
  if (const Field* field = find(fields, "state")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string word, text(*field, "a KMS key state like Enabled"));
    if (word == kUnknown) {
      key.state = KeyState::unknown;
    } else {
      Result<KeyState> state = parse_key_state(word);
      if (!state) return relocated(state.error(), at(*field));
      key.state = *state;
    }
  }
  if (const Field* field = find(fields, "shared_with")) {
    constexpr std::string_view kExpected = "a list of account ids, or unknown,";
    if (field->value.IsScalar()) {
      if (field->value.Scalar() != kUnknown) return type_error(kExpected, *field);
      key.shared_with_unknown = fmt::format("shared_with is unknown ({})", at(*field).to_string());
    } else {
      SNAPKEY_ASSIGN_OR_RETURN(std::vector<std::string> shared, principals(*field, kExpected));
      key.shared_with = std::move(shared);
    }
  }
  if (const Field* field = find(fields, "shared_with_unknown")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string why, reason(*field));
    key.shared_with_unknown = std::move(why);
  }
  if (const Field* field = find(fields, "spec")) {
    Result<std::string> spec = choice(*field, kKeySpecs);
    if (!spec) return spec.error();
    key.spec = std::move(*spec);
  }
  if (const Field* field = find(fields, "usage")) {
    Result<std::string> usage = choice(*field, kKeyUsages);
    if (!usage) return usage.error();
    key.usage = std::move(*usage);
  }
  if (const Field* field = find(fields, "address")) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string written, address(*field));
    key.address = std::move(written);
  }
  return key;
}

}  // namespace snapkey::io::scenario
