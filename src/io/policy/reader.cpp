// Reads policy files (docs/policy-format.md) into a snapkey::Policy.
//
// The reader checks the shape of a file (known keys, each given once, the kind of every value)
// and every value that can be checked alone: check ids against the check table, Regions, account
// ids, dates, severities, the key manager. Each error points at the value at fault. Whether a
// pattern matches anything is check()'s business (UNUSED_SUPPRESSION), not the reader's.

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/detail/file.hpp"
#include "io/detail/yaml_shape.hpp"
#include "snapkey/check.hpp"
#include "snapkey/io/policy.hpp"

namespace snapkey::io::policy {
namespace {

using detail::Field;
using detail::Fields;
using detail::found;

constexpr std::string_view kTypeError = "E_POLICY_TYPE";
constexpr std::string_view kValueError = "E_POLICY_VALUE";
constexpr std::string_view kCheckError = "E_POLICY_CHECK";
constexpr std::string_view kSuppressionError = "E_POLICY_SUPPRESSION";
// A duplicate key is an E_POLICY_KEY, like an unknown one (docs/policy-format.md).
constexpr detail::YamlErrorIds kShapeErrors{
    .type = kTypeError, .key = "E_POLICY_KEY", .value = kValueError, .duplicate = "E_POLICY_KEY"};

// The keys each map accepts, in the order the documentation lists them.
constexpr std::array<std::string_view, 6> kSections = {"version", "checks",       "scope",
                                                       "require", "allowed_keys", "suppressions"};
constexpr std::array<std::string_view, 2> kSettingFields = {"severity", "enabled"};
constexpr std::array<std::string_view, 2> kScopeFields = {"resources", "tags"};
constexpr std::array<std::string_view, 6> kRequireFields = {
    "backup",          "copy_regions", "copy_accounts", "cross_region_copy", "cross_account_copy",
    "copy_key_manager"};
constexpr std::array<std::string_view, 8> kSuppressionFields = {
    "check", "recovery_point", "resource", "vault", "region", "account", "reason", "expires"};
// The pattern fields of a suppression and where they go.
constexpr std::array<std::pair<std::string_view, std::string Suppression::*>, 5>
    kSuppressionPatterns = {{{"recovery_point", &Suppression::recovery_point},
                             {"resource", &Suppression::resource},
                             {"vault", &Suppression::vault},
                             {"region", &Suppression::region},
                             {"account", &Suppression::account}}};
// The managers a policy may require of copies: every KeyManager but `unknown`.
constexpr std::array<KeyManager, 3> kCopyKeyManagers = {KeyManager::customer, KeyManager::aws,
                                                        KeyManager::aws_owned};

constexpr std::string_view kVersion = "1";
constexpr std::string_view kSeverityError = "E_SEVERITY";
constexpr std::string_view kNoReason = "every suppression must say why its findings are accepted";

bool has_wildcard(std::string_view pattern) { return pattern.find('*') != std::string_view::npos; }

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The error of a parse_* result, if any.
template <typename T>
std::optional<Error> failure(const Result<T>& result) {
  if (result) return std::nullopt;
  return result.error();
}

template <typename T>
void sort_unique(std::vector<T>& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

// Reads one YAML document into a Policy.
class Reader : public detail::Shape {
 public:
  explicit Reader(std::string_view file) : Shape(file, kShapeErrors) {}

  Result<Policy> read(const YAML::Node& root) const;

 private:
  Status version(const Field& field) const;
  Status checks(const Field& field, Policy& policy) const;
  Result<CheckSetting> setting(const Field& entry) const;
  Status scope(const Field& field, Policy& policy) const;
  Result<std::map<std::string, std::string>> tags(const Field& field) const;
  Status require(const Field& field, Policy& policy) const;
  Status allowed_keys(const Field& field, Policy& policy) const;
  Status suppressions(const Field& field, Policy& policy) const;
  Result<Suppression> suppression(const YAML::Node& item, int number) const;
  Status suppression_field(const Field& field, Suppression& suppression, int number) const;
  // recovery_point, resource, vault, region or account.
  Result<std::string> suppression_pattern(const Field& field) const;

  // `id` is in the check table; otherwise E_POLICY_CHECK, with a "did you mean".
  Status known_check(std::string_view id, std::string_view owner, Location where) const;
  Result<Severity> severity(const Field& field) const;
  // A non-empty name or ARN pattern; an ARN without wildcards must be a well-formed ARN.
  Result<std::string> pattern(const YAML::Node& value, std::string_view what,
                              std::string_view expected, Location where) const;
  Result<std::vector<std::string>> patterns(const Field& field, std::string_view expected,
                                            std::string_view item) const;
  Result<std::vector<Region>> regions(const Field& field) const;
  Result<std::vector<AccountId>> accounts(const Field& field) const;
  // E_POLICY_TYPE for an account id written without quotes: YAML makes it a number.
  Status quoted_account(const YAML::Node& value, std::string_view what, Location where) const;
  Result<KeyManager> key_manager(const Field& field) const;
};

Result<Policy> Reader::read(const YAML::Node& root) const {
  Policy policy;
  policy.file = file();
  if (root.IsNull()) return policy;  // an empty file (or only comments): the default policy
  if (!root.IsMap()) return not_sections(root, kSections);
  SNAPKEY_ASSIGN_OR_RETURN(Fields sections, fields(root, kSections, "at the top level"));
  for (const Field& field : sections) {
    if (field.value.IsNull() && field.name != "version") continue;  // `checks:` alone: nothing set
    Status status = Ok{};
    if (field.name == "version") {
      status = version(field);
    } else if (field.name == "checks") {
      status = checks(field, policy);
    } else if (field.name == "scope") {
      status = scope(field, policy);
    } else if (field.name == "require") {
      status = require(field, policy);
    } else if (field.name == "allowed_keys") {
      status = allowed_keys(field, policy);
    } else {
      status = suppressions(field, policy);
    }
    if (!status) return status.error();
  }
  SNAPKEY_RETURN_IF_ERROR(validate(policy));
  return policy;
}

Status Reader::version(const Field& field) const {
  if (!field.value.IsScalar()) return type_error(kVersion, field);
  if (field.value.Scalar() != kVersion) {
    return error(kValueError,
                 fmt::format("expected {} for 'version', found {}; this snapkey reads policy "
                             "files of version {}",
                             kVersion, found(field.value), kVersion),
                 at(field));
  }
  return Ok{};
}

Status Reader::checks(const Field& field, Policy& policy) const {
  if (!field.value.IsMap()) return type_error("a map of check ids to settings", field);
  SNAPKEY_ASSIGN_OR_RETURN(Fields entries, pairs(field.value, "in 'checks'"));
  for (const Field& entry : entries) {
    SNAPKEY_RETURN_IF_ERROR(known_check(entry.name, "in 'checks'", at(entry.key.Mark())));
    SNAPKEY_ASSIGN_OR_RETURN(CheckSetting setting, this->setting(entry));
    policy.checks[entry.name] = std::move(setting);
  }
  return Ok{};
}

// `ID: error`, `ID: off`, or `ID: {severity: error, enabled: true}`.
Result<CheckSetting> Reader::setting(const Field& entry) const {
  CheckSetting setting;
  setting.location = at(entry.key.Mark());
  const std::string what = fmt::format("check '{}'", entry.name);
  if (entry.value.IsScalar()) {
    const std::string& word = entry.value.Scalar();
    if (word == "on" || word == "off") {
      setting.enabled = word == "on";
      return setting;
    }
    if (Result<Severity> severity = parse_severity(word)) {
      setting.severity = *severity;
      return setting;
    }
    return error(kSeverityError,
                 fmt::format("expected a severity (info, warning or error), on or off for {}, "
                             "found {}",
                             what, found(entry.value)),
                 at(entry));
  }
  if (!entry.value.IsMap()) {
    return type_error("a severity (info, warning or error), on, off or a map (severity, enabled)",
                      what, entry.value, at(entry));
  }
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields,
                           this->fields(entry.value, kSettingFields, fmt::format("in {}", what)));
  if (const Field* field = find(fields, "severity")) {
    Result<Severity> severity = this->severity(*field);
    if (!severity) return severity.error();
    setting.severity = *severity;
  }
  if (const Field* field = find(fields, "enabled")) {
    Result<bool> enabled = boolean(*field);
    if (!enabled) return enabled.error();
    setting.enabled = *enabled;
  }
  return setting;
}

Status Reader::scope(const Field& field, Policy& policy) const {
  if (!field.value.IsMap()) {
    return type_error(fmt::format("a map ({})", fmt::join(kScopeFields, ", ")), field);
  }
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields, this->fields(field.value, kScopeFields, "in 'scope'"));
  if (const Field* resources = find(fields, "resources")) {
    Result<std::vector<std::string>> list =
        patterns(*resources, "a list of resource names or ARNs", "a resource name or ARN");
    if (!list) return list.error();
    // `resources: []` would mean "every resource", the opposite of what it looks like.
    if (list->empty()) {
      return error(kValueError,
                   "expected at least one resource name or ARN for 'resources', found an empty "
                   "list; leave 'resources' out to apply the requirements to every resource",
                   at(*resources));
    }
    policy.scope_resources = std::move(*list);
  }
  if (const Field* tags = find(fields, "tags")) {
    Result<std::map<std::string, std::string>> map = this->tags(*tags);
    if (!map) return map.error();
    policy.scope_tags = std::move(*map);
  }
  return Ok{};
}

Result<std::map<std::string, std::string>> Reader::tags(const Field& field) const {
  if (!field.value.IsMap()) return type_error("a map of tag keys to values", field);
  SNAPKEY_ASSIGN_OR_RETURN(Fields pairs, this->pairs(field.value, "in 'tags'"));
  std::map<std::string, std::string> tags;
  for (const Field& tag : pairs) {
    if (tag.name.empty()) {
      return error(kValueError, "expected a tag key in 'tags', found an empty string",
                   at(tag.key.Mark()));
    }
    // A tag value may be empty ("" in quotes), as in AWS; nothing at all is a mistake.
    if (!tag.value.IsScalar()) {
      return type_error("a tag value (a string)", fmt::format("tag '{}'", tag.name), tag.value,
                        at(tag));
    }
    tags[tag.name] = tag.value.Scalar();
  }
  return tags;
}

Status Reader::require(const Field& field, Policy& policy) const {
  if (!field.value.IsMap()) {
    return type_error(fmt::format("a map ({})", fmt::join(kRequireFields, ", ")), field);
  }
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields,
                           this->fields(field.value, kRequireFields, "in 'require'"));
  for (const Field& item : fields) {
    if (item.name == "copy_regions") {
      SNAPKEY_ASSIGN_OR_RETURN(std::vector<Region> regions, this->regions(item));
      policy.copy_regions = std::move(regions);
    } else if (item.name == "copy_accounts") {
      SNAPKEY_ASSIGN_OR_RETURN(std::vector<AccountId> accounts, this->accounts(item));
      policy.copy_accounts = std::move(accounts);
    } else if (item.name == "copy_key_manager") {
      SNAPKEY_ASSIGN_OR_RETURN(KeyManager manager, key_manager(item));
      policy.copy_key_manager = manager;
    } else {
      SNAPKEY_ASSIGN_OR_RETURN(bool flag, boolean(item));
      bool& target = item.name == "backup"              ? policy.require_backup
                     : item.name == "cross_region_copy" ? policy.require_cross_region_copy
                                                        : policy.require_cross_account_copy;
      target = flag;
    }
  }
  return Ok{};
}

Status Reader::allowed_keys(const Field& field, Policy& policy) const {
  Result<std::vector<std::string>> keys =
      patterns(field, "a list of key ARNs, aliases, key ids or key names", "a key pattern");
  if (!keys) return keys.error();
  policy.allowed_keys = std::move(*keys);
  return Ok{};
}

Status Reader::suppressions(const Field& field, Policy& policy) const {
  if (!field.value.IsSequence()) return type_error("a list of suppressions", field);
  int number = 0;
  for (const YAML::Node& item : field.value) {
    SNAPKEY_ASSIGN_OR_RETURN(Suppression suppression, this->suppression(item, ++number));
    policy.suppressions.push_back(std::move(suppression));
  }
  return Ok{};
}

Result<Suppression> Reader::suppression(const YAML::Node& item, int number) const {
  Suppression suppression;
  suppression.location = at(item.Mark());
  const std::string owner = fmt::format("in suppression {}", number);
  if (!item.IsMap()) {
    return type_error(fmt::format("a map ({})", fmt::join(kSuppressionFields, ", ")),
                      fmt::format("suppression {}", number), item, suppression.location);
  }
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields, this->fields(item, kSuppressionFields, owner));
  for (const Field& field : fields) {
    SNAPKEY_RETURN_IF_ERROR(suppression_field(field, suppression, number));
  }
  if (suppression.check.empty()) {
    return error(kSuppressionError,
                 fmt::format("suppression {} has no 'check'; expected the id of the check whose "
                             "findings it accepts, such as {}",
                             number, kMrkReplicaUnused),
                 suppression.location);
  }
  if (!find(fields, "reason")) {
    return error(kSuppressionError,
                 fmt::format("suppression {} ({}) has no 'reason'; {}", number, suppression.check,
                             kNoReason),
                 suppression.location);
  }
  return suppression;
}

Status Reader::suppression_field(const Field& field, Suppression& suppression, int number) const {
  if (field.name == "check") {
    SNAPKEY_ASSIGN_OR_RETURN(std::string id, text(field.value, "'check'", "a check id", at(field)));
    const std::string owner = fmt::format("in suppression {}", number);
    SNAPKEY_RETURN_IF_ERROR(known_check(id, owner, at(field)));
    suppression.check = std::move(id);
  } else if (field.name == "reason") {
    if (!field.value.IsNull() && !field.value.IsScalar()) return type_error("a string", field);
    if (is_blank(field.value.Scalar())) {
      return error(kSuppressionError,
                   fmt::format("the 'reason' of suppression {} is empty; {}", number, kNoReason),
                   at(field));
    }
    suppression.reason = field.value.Scalar();
  } else if (field.name == "expires") {
    Result<std::string> text =
        this->text(field.value, "'expires'", "a date like 2027-03-31", at(field));
    if (!text) return text.error();
    Result<Date> date = parse_date(*text);
    if (!date) return relocated(date.error(), at(field));
    suppression.expires = *date;
  } else {
    SNAPKEY_ASSIGN_OR_RETURN(std::string pattern, suppression_pattern(field));
    const auto target = std::find_if(kSuppressionPatterns.begin(), kSuppressionPatterns.end(),
                                     [&](const auto& p) { return p.first == field.name; });
    suppression.*(target->second) = std::move(pattern);
  }
  return Ok{};
}

Result<std::string> Reader::suppression_pattern(const Field& field) const {
  const std::string what = fmt::format("'{}'", field.name);
  if (field.name == "recovery_point") {
    // RESOURCE@VAULT, each side possibly an ARN: no ARN check on the whole.
    return text(field.value, what, "a recovery point id like orders@Default, or a pattern",
                at(field));
  }
  if (field.name == "resource" || field.name == "vault") {
    return pattern(field.value, what, fmt::format("a {} name or ARN, or a pattern", field.name),
                   at(field));
  }
  const bool region = field.name == "region";
  if (!region) {
    SNAPKEY_RETURN_IF_ERROR(quoted_account(field.value, what, at(field)));
  }
  Result<std::string> value =
      text(field.value, what, region ? "a Region or a pattern" : "an account id or a pattern",
           at(field));
  if (!value || has_wildcard(*value)) return value;
  // Without a wildcard it names one Region or account: a typo is an error, not a dead pattern.
  const std::optional<Error> bad =
      region ? failure(parse_region(*value)) : failure(parse_account_id(*value));
  if (bad) return relocated(*bad, at(field));
  return value;
}

Status Reader::known_check(std::string_view id, std::string_view owner, Location where) const {
  if (find_check(id) != nullptr) return Ok{};
  std::vector<std::string_view> ids;
  for (const CheckInfo& info : check_table()) ids.push_back(info.id);
  std::string suggestion = closest_match(id, ids);
  if (suggestion.empty()) suggestion = closest_match(upper(id), ids);  // "indeterminate"
  const std::string hint = suggestion.empty() ? std::string("`snapkey checks` lists the check ids")
                                              : fmt::format("did you mean '{}'?", suggestion);
  return error(kCheckError, fmt::format("unknown check '{}' {}; {}", id, owner, hint),
               std::move(where));
}

Result<Severity> Reader::severity(const Field& field) const {
  SNAPKEY_ASSIGN_OR_RETURN(std::string word,
                           text(field.value, "'severity'", "info, warning or error", at(field)));
  Result<Severity> severity = parse_severity(word);
  if (!severity) return relocated(severity.error(), at(field));
  return severity;
}

Result<std::string> Reader::pattern(const YAML::Node& value, std::string_view what,
                                    std::string_view expected, Location where) const {
  Result<std::string> pattern = text(value, what, expected, where);
  if (!pattern) return pattern;
  if (pattern->starts_with("arn:") && !has_wildcard(*pattern)) {
    if (Result<Arn> arn = parse_arn(*pattern); !arn) return relocated(arn.error(), where);
  }
  return pattern;
}

Result<std::vector<std::string>> Reader::patterns(const Field& field, std::string_view expected,
                                                  std::string_view item) const {
  if (!field.value.IsSequence()) return type_error(expected, field);
  std::vector<std::string> list;
  const std::string what = fmt::format("'{}'", field.name);
  for (const YAML::Node& element : field.value) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string value,
                             pattern(element, what, item, at(element, field.key)));
    list.push_back(std::move(value));
  }
  return list;
}

Result<std::vector<Region>> Reader::regions(const Field& field) const {
  constexpr std::string_view kRegion = "a Region like us-west-2";
  if (!field.value.IsSequence()) return type_error("a list of Regions", field);
  std::vector<Region> regions;
  for (const YAML::Node& element : field.value) {
    const Location where = at(element, field.key);
    SNAPKEY_ASSIGN_OR_RETURN(std::string name, text(element, "'copy_regions'", kRegion, where));
    Result<Region> region = parse_region(name);
    if (!region) return relocated(region.error(), where);
    regions.push_back(std::move(*region));
  }
  sort_unique(regions);
  return regions;
}

Result<std::vector<AccountId>> Reader::accounts(const Field& field) const {
  if (!field.value.IsSequence()) return type_error("a list of account ids", field);
  std::vector<AccountId> accounts;
  for (const YAML::Node& element : field.value) {
    const Location where = at(element, field.key);
    SNAPKEY_RETURN_IF_ERROR(quoted_account(element, "'copy_accounts'", where));
    SNAPKEY_ASSIGN_OR_RETURN(std::string text,
                             this->text(element, "'copy_accounts'", "an account id", where));
    Result<AccountId> account = parse_account_id(text);
    if (!account) return relocated(account.error(), where);
    accounts.push_back(std::move(*account));
  }
  sort_unique(accounts);
  return accounts;
}

Status Reader::quoted_account(const YAML::Node& value, std::string_view what,
                              Location where) const {
  if (!detail::is_plain(value) || !all_digits(value.Scalar())) return Ok{};
  return error(kTypeError,
               fmt::format("expected an account id in quotes, like \"{}\", for {}, found {} "
                           "without quotes, which YAML reads as a number (dropping leading "
                           "zeros)",
                           value.Scalar(), what, value.Scalar()),
               std::move(where));
}

Result<KeyManager> Reader::key_manager(const Field& field) const {
  std::vector<std::string_view> words;
  for (KeyManager manager : kCopyKeyManagers) words.push_back(to_string(manager));
  constexpr std::string_view kExpected = "customer, aws or aws-owned";
  if (!field.value.IsScalar()) return type_error(kExpected, field);
  for (KeyManager manager : kCopyKeyManagers) {
    if (field.value.Scalar() == to_string(manager)) return manager;
  }
  std::string message =
      fmt::format("expected {} for 'copy_key_manager', found {}", kExpected, found(field.value));
  if (const std::string hint = closest_match(field.value.Scalar(), words); !hint.empty()) {
    message += fmt::format("; did you mean '{}'?", hint);
  }
  return error(kValueError, std::move(message), at(field));
}

}  // namespace
}  // namespace snapkey::io::policy

namespace snapkey::io {

Result<Policy> read_policy(std::string_view text, std::string_view file) {
  const policy::Reader reader(file);
  try {
    Result<YAML::Node> document =
        detail::load_document(text, reader, "keep the whole policy in one document");
    if (!document) return document.error();
    return reader.read(*document);
  } catch (const YAML::Exception& e) {
    return detail::yaml_syntax_error(text, e, file);
  } catch (const std::exception& e) {  // yaml-cpp may also throw std:: exceptions
    return Error{"E_YAML", fmt::format("invalid YAML: {}", e.what()),
                 reader.at(YAML::Mark::null_mark())};
  }
}

Result<Policy> read_policy_file(const std::string& path) {
  SNAPKEY_ASSIGN_OR_RETURN(std::string text, detail::read_file(path));
  return read_policy(text, path);
}

}  // namespace snapkey::io
