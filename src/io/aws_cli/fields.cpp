// Reading the values every AWS CLI command output shares: ARNs, key references, tags, the
// account of a file, and the messages for values that disagree.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "io/aws_cli/export.hpp"

namespace snapkey::io::aws_cli {

FileContext context_of(const std::string& path) {
  FileContext context;
  context.path = path;
  // The nearest folder named like an account id, and the nearest named like a Region.
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  for (; !folder.empty() && folder.has_filename(); folder = folder.parent_path()) {
    const std::string name = folder.filename().string();
    if (!context.folder_account) {
      if (Result<AccountId> account = parse_account_id(name)) context.folder_account = *account;
    }
    // Not parse_region: most folder names are not Regions, and its suggestion for them is slow.
    const auto& regions = known_regions();
    if (!context.folder_region && std::binary_search(regions.begin(), regions.end(), name)) {
      context.folder_region = Region{name};
    }
  }
  return context;
}

std::string show(KeyManager value) { return std::string(to_string(value)); }
std::string show(KeyState value) { return std::string(to_string(value)); }
std::string show(MultiRegion value) { return std::string(to_string(value)); }
std::string show(VaultType value) { return std::string(to_string(value)); }
std::string show(bool value) { return value ? "true" : "false"; }
std::string show(const std::string& value) {
  return value.empty() ? "nothing" : fmt::format("'{}'", value);
}
std::string show(const std::vector<std::string>& value) {
  return value.empty() ? "[]" : fmt::format("[{}]", fmt::join(value, ", "));
}
std::string show(const std::optional<std::vector<std::string>>& value) {
  return value ? show(*value) : "not known";
}

Error conflict(std::string_view subject, std::string_view what, const std::string& first,
               const Location& first_where, const std::string& second,
               const Location& second_where) {
  return Error{std::string(kConflictError),
               fmt::format("{}: {} is {} here, but {} at {}", subject, what, second, first,
                           first_where.to_string()),
               second_where};
}

KeyFacts& Export::key(const std::string& arn, const Region& region, const AccountId& account,
                      const Location& where) {
  auto [it, inserted] = keys.try_emplace(arn);
  if (inserted) {
    it->second.arn = arn;
    it->second.region = region;
    it->second.account = account;
    it->second.location = where;
  }
  return it->second;
}

AccountFacts& Export::account(const AccountId& id, const Location& where) {
  auto [it, inserted] = accounts.try_emplace(id.value);
  if (inserted) {
    it->second.id = id;
    it->second.location = where;
  }
  return it->second;
}

Error value_error(const JsonValue& value, std::string_view expected, std::string_view found) {
  return value.error(
      std::string(kValueError),
      fmt::format("expected {} at {}, found '{}'", expected, value.location().pointer, found));
}

Status check_multi_region_key_id(const JsonValue& value, std::string_view id,
                                 std::string_view text) {
  if (!id.starts_with("mrk-") || is_multi_region_key_id(id)) return Ok{};
  const std::string_view digits = id.substr(4);
  const bool hex = std::all_of(digits.begin(), digits.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
  });
  return value.error(
      std::string(kValueError),
      fmt::format("key id '{}'{} at {} is not a multi-Region key id: expected mrk- and 32 hex "
                  "digits, found {} {}",
                  id, text == id ? "" : fmt::format(" of '{}'", text), value.location().pointer,
                  digits.size(), hex ? "hex digits" : "characters, not all hex digits"));
}

namespace {
bool of_kind(const Arn& arn, const ArnKind& kind) {
  return (kind.service.empty() || arn.service == kind.service) && !arn.region.empty() &&
         !arn.account.empty() && arn.resource.starts_with(kind.prefix) &&
         arn.resource.size() > kind.prefix.size();
}

// The key id of a key ARN ("" for other kinds), whose mrk- form is checked.
std::string_view key_id_of(const Arn& arn, const ArnKind& kind) {
  if (kind.service != "kms" || kind.prefix != "key/") return {};
  return std::string_view(arn.resource).substr(kind.prefix.size());
}
}  // namespace

Result<ArnAt> arn_value(JsonValue value, const ArnKind& kind) {
  SNAPKEY_ASSIGN_OR_RETURN(std::string text, value.as_string());
  Result<Arn> arn = parse_arn(text);
  if (!arn) return value.error(arn.error().id, arn.error().message);
  if (!of_kind(*arn, kind)) {
    return value_error(value, fmt::format("{} like {}", kind.what, kind.example), text);
  }
  if (Status s = check_multi_region_key_id(value, key_id_of(*arn, kind), text); !s) {
    return s.error();
  }
  return ArnAt{std::move(text), std::move(arn).value(), std::move(value)};
}

std::optional<std::string_view> peek_string(const JsonValue& object, std::string_view member) {
  if (!object.is_object()) return std::nullopt;
  std::string_view text;
  if (object.element().get_object().at_key(member).get_string().get(text) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  return text;
}

Result<std::string> required_text(const JsonValue& object, std::string_view member) {
  if (std::optional<std::string_view> text = peek_string(object, member)) return std::string(*text);
  return object.required_string(member);
}

Result<std::optional<std::string>> optional_text(const JsonValue& object, std::string_view member) {
  if (std::optional<std::string_view> text = peek_string(object, member)) {
    return std::optional<std::string>(std::string(*text));
  }
  return object.optional_string(member);
}

Result<std::string> arn_text(const JsonValue& object, std::string_view member, const ArnKind& kind,
                             bool required) {
  if (std::optional<std::string_view> text = peek_string(object, member)) {
    Result<Arn> arn = parse_arn(*text);
    if (arn && of_kind(*arn, kind)) {
      const std::string_view id = key_id_of(*arn, kind);
      if (!id.starts_with("mrk-") || is_multi_region_key_id(id)) return std::string(*text);
    }
  }
  // Missing, or not a good ARN: the slow path says why, with the pointer.
  if (required) {
    SNAPKEY_ASSIGN_OR_RETURN(ArnAt arn, required_arn(object, member, kind));
    return std::move(arn.text);
  }
  SNAPKEY_ASSIGN_OR_RETURN(std::optional<ArnAt> arn, optional_arn(object, member, kind));
  return arn ? std::move((arn)->text) : std::string();
}

Result<ArnAt> required_arn(const JsonValue& object, std::string_view member, const ArnKind& kind) {
  JsonValue value = object[member];
  if (value.is_missing() || value.is_null()) {
    return value.error("E_JSON_MISSING", fmt::format("expected {} at {}, found nothing", kind.what,
                                                     value.location().pointer));
  }
  return arn_value(std::move(value), kind);
}

Result<std::optional<ArnAt>> optional_arn(const JsonValue& object, std::string_view member,
                                          const ArnKind& kind) {
  JsonValue value = object[member];
  if (value.is_missing() || value.is_null()) return std::optional<ArnAt>();
  SNAPKEY_ASSIGN_OR_RETURN(ArnAt arn, arn_value(std::move(value), kind));
  return std::optional<ArnAt>(std::move(arn));
}

Result<JsonValue> required_object(const JsonValue& object, std::string_view member) {
  const JsonValue value = object[member];
  if (value.is_missing() || value.is_null()) {
    return value.error("E_JSON_MISSING", fmt::format("expected an object at {}, found nothing",
                                                     value.location().pointer));
  }
  if (!value.is_object()) return value.type_error("an object");
  return value;
}

Result<std::vector<JsonValue>> list_of(const JsonValue& object, std::string_view member) {
  const JsonValue value = object[member];
  if (value.is_missing() || value.is_null()) return std::vector<JsonValue>();
  if (!value.is_array()) return value.type_error("a list");
  return value.items();
}

Result<std::optional<std::string>> optional_word(const JsonValue& object, std::string_view member,
                                                 std::initializer_list<std::string_view> words) {
  Result<std::optional<std::string>> word = object.optional_string(member);
  if (!word || !*word) return word;
  if (std::find(words.begin(), words.end(), **word) != words.end()) return word;
  return value_error(object[member], fmt::format("one of {}", fmt::join(words, ", ")), **word);
}

Result<AccountId> account_of_file(const JsonValue& root, const FileContext& file,
                                  std::string_view command) {
  SNAPKEY_ASSIGN_OR_RETURN(std::optional<std::string> stated, root.optional_string("AccountId"));
  if (stated) {
    Result<AccountId> account = parse_account_id(*stated);
    if (!account) return root["AccountId"].error(account.error().id, account.error().message);
    return account;
  }
  if (file.folder_account) return *file.folder_account;
  return root.error(
      std::string(kAccountError),
      fmt::format("{} output does not say which account it describes: put the file in a folder "
                  "named after the account id (ACCOUNT/REGION/...), or add \"AccountId\" at the "
                  "top level",
                  command));
}

Result<std::map<std::string, std::string>> tag_list(const JsonValue& object) {
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<JsonValue> tags, list_of(object, "TagList"));
  std::map<std::string, std::string> out;
  for (const JsonValue& tag : tags) {
    if (!tag.is_object()) return tag.type_error("an object with Key and Value");
    SNAPKEY_ASSIGN_OR_RETURN(std::string key, required_text(tag, "Key"));
    SNAPKEY_ASSIGN_OR_RETURN(std::optional<std::string> value, optional_text(tag, "Value"));
    out[std::move(key)] = value.value_or("");
  }
  return out;
}

Result<std::string> key_reference(const JsonValue& value, const Region& region,
                                  const AccountId& account, Export& out) {
  Result<std::string> text = value.as_string();
  if (!text) return text.error();
  SNAPKEY_RETURN_IF_ERROR(check_multi_region_key_id(value, *text, *text));
  if (is_key_id(*text)) {
    const std::string arn = fmt::format("arn:{}:kms:{}:{}:key/{}", partition_of(region),
                                        region.name, account.value, *text);
    out.key(arn, region, account, value.location()).referenced = true;
    return arn;
  }
  const std::string_view expected = "a KMS key ARN like arn:aws:kms:REGION:ACCOUNT:key/KEY-ID";
  if (!text->starts_with("arn:")) return value_error(value, expected, *text);
  Result<Arn> arn = parse_arn(*text);
  if (!arn) return value.error(arn.error().id, arn.error().message);
  const bool regional = !arn->region.empty() && !arn->account.empty();
  if (regional && is_kms_key_arn(*arn)) {
    const std::string_view id = std::string_view(arn->resource).substr(4);
    SNAPKEY_RETURN_IF_ERROR(check_multi_region_key_id(value, id, *text));
    out.key(*text, Region{arn->region}, AccountId{arn->account}, value.location()).referenced =
        true;
    return text;
  }
  if (regional && is_kms_alias_arn(*arn)) {
    out.alias_references.push_back(
        {arn->resource, Region{arn->region}, AccountId{arn->account}, value.location()});
    return text;
  }
  return value_error(value, expected, *text);
}

}  // namespace snapkey::io::aws_cli
