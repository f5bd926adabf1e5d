// Reads scenario files (docs/scenario-format.md) into a ModelInput.
//
// The reader checks the *shape* of a file: that every key is known and given once, the kind of
// every value, the enumerated words, and the syntax of ARNs, Regions, account ids and dates. Each
// error points at the value at fault. Whether a name refers to something (a resource's key, a
// rule's vault) is Model::build's job: references leave here as the strings the file gives.

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fmt/format.h"
#include "io/detail/file.hpp"
#include "io/detail/guard.hpp"
#include "io/detail/yaml_stream.hpp"
#include "snapkey/io/scenario.hpp"

namespace snapkey::io {
namespace {

constexpr std::string_view kTypeError = "E_SCENARIO_TYPE";
constexpr std::string_view kKeyError = "E_SCENARIO_KEY";
constexpr std::string_view kMissingError = "E_SCENARIO_MISSING";
constexpr std::string_view kValueError = "E_SCENARIO_VALUE";
constexpr std::string_view kDuplicateError = "E_DUPLICATE_NAME";
constexpr std::string_view kArnKindError = "E_ARN_KIND";

// The words that mean "not encrypted" and "not known" where a key reference is expected, and
// for a resource "what AWS does by default when it is created" (default_encryption).
constexpr std::string_view kNone = "none";
constexpr std::string_view kUnknown = "unknown";
constexpr std::string_view kDefault = "default";
constexpr std::string_view kUnknownKeyReason = "the scenario gives its key as unknown";

// The keys each kind of map accepts, in the order the documentation lists them.
constexpr std::array<std::string_view, 7> kSections = {"as_of",  "accounts", "keys", "resources",
                                                       "vaults", "plans",    "jobs"};
constexpr std::array<std::string_view, 2> kAccountFields = {"organization", "cross_account_backup"};
constexpr std::array<std::string_view, 10> kKeyFields = {
    "arn",     "alias", "aliases",     "manager", "multi_region",
    "primary", "state", "shared_with", "spec",    "usage"};
constexpr std::array<std::string_view, 5> kResourceFields = {"arn", "type", "key", "tags",
                                                             "option_group"};
constexpr std::array<std::string_view, 3> kOptionGroupFields = {"name", "persistent_options",
                                                                "regions"};
constexpr std::array<std::string_view, 4> kVaultFields = {"arn", "type", "key", "allows_copy_from"};
constexpr std::array<std::string_view, 3> kPlanFields = {"arn", "rules", "resources"};
constexpr std::array<std::string_view, 5> kRuleFields = {"name", "vault", "continuous", "copy_to",
                                                         "air_gapped_vault"};
constexpr std::array<std::string_view, 3> kJobKinds = {"copy", "native_copy", "restore"};
constexpr std::array<std::string_view, 2> kCopyFields = {"from", "to"};
constexpr std::array<std::string_view, 4> kNativeCopyFields = {"from", "region", "account", "key"};
constexpr std::array<std::string_view, 3> kRestoreFields = {"from", "key", "account"};

// An enumerated word and the value it stands for.
template <typename T>
struct Word {
  std::string_view word;
  T value;
};

constexpr std::array kManagers = {
    Word<KeyManager>{"customer", KeyManager::customer},
    Word<KeyManager>{"aws", KeyManager::aws},
    Word<KeyManager>{"unknown", KeyManager::unknown},
};
constexpr std::array kMultiRegion = {
    Word<MultiRegion>{"none", MultiRegion::none},
    Word<MultiRegion>{"primary", MultiRegion::primary},
    Word<MultiRegion>{"replica", MultiRegion::replica},
};
constexpr std::array kVaultTypes = {
    Word<VaultType>{"standard", VaultType::standard},
    Word<VaultType>{"logically-air-gapped", VaultType::logically_air_gapped},
    Word<VaultType>{"restore-access", VaultType::restore_access},
};
// DescribeKey's KeySpec and KeyUsage, spelt as KMS spells them.
constexpr std::array<std::string_view, 16> kKeySpecs = {kSymmetricDefault,
                                                        "RSA_2048",
                                                        "RSA_3072",
                                                        "RSA_4096",
                                                        "ECC_NIST_P256",
                                                        "ECC_NIST_P384",
                                                        "ECC_NIST_P521",
                                                        "ECC_SECG_P256K1",
                                                        "HMAC_224",
                                                        "HMAC_256",
                                                        "HMAC_384",
                                                        "HMAC_512",
                                                        "SM2",
                                                        "ML_DSA_44",
                                                        "ML_DSA_65",
                                                        "ML_DSA_87"};
constexpr std::array<std::string_view, 4> kKeyUsages = {kEncryptDecrypt, "SIGN_VERIFY",
                                                        "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"};

// A place in a file (line 0: no line known).
Location place(std::string_view file, int line = 0, int column = 0) {
  Location location;
  location.file = file;
  location.line = line;
  location.column = column;
  return location;
}

// "a, b, c"
std::string join(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

template <typename T, std::size_t N>
std::string join(const std::array<Word<T>, N>& words) {
  std::vector<std::string_view> list;
  for (const Word<T>& word : words) list.push_back(word.word);
  return join(list);
}

// What a value is, for "found ..." in messages.
std::string found(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return node.Scalar().empty() ? std::string("an empty string")
                                   : fmt::format("'{}'", node.Scalar());
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

// "o-" and lower-case letters or digits: an AWS Organizations id.
bool is_organization_id(std::string_view text) {
  if (!text.starts_with("o-") || text.size() == 2) return false;
  return std::all_of(text.begin() + 2, text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

void sort_unique(std::vector<std::string>& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

// One `name: value` pair of a YAML map.
struct Field {
  std::string name;
  YAML::Node key;
  YAML::Node value;
};

using Fields = std::vector<Field>;

const Field* find(const Fields& fields, std::string_view name) {
  for (const Field& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

// Reads one YAML document. `file` names the scenario in every location.
class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  Location at(const YAML::Mark& mark) const {
    if (mark.is_null()) return place(file_);
    return place(file_, mark.line + 1, mark.column + 1);
  }

  Result<ModelInput> read(const YAML::Node& root) const;

 private:
  // The place of a value; a value that is not there (`key:` with nothing after it) is placed at
  // its key.
  Location at(const YAML::Node& value, const YAML::Node& key) const {
    if (value.IsNull() || value.Mark().is_null()) return at(key.Mark());
    return at(value.Mark());
  }
  Location at(const Field& field) const { return at(field.value, field.key); }

  Error error(std::string_view id, std::string message, Location where) const {
    return Error{std::string(id), std::move(message), std::move(where)};
  }
  // An error of a parse_* function, moved to the value it came from.
  static Error relocated(Error error, Location where) {
    error.location = std::move(where);
    return error;
  }
  Error type_error(std::string_view expected, std::string_view what, const YAML::Node& value,
                   Location where) const {
    return error(kTypeError,
                 fmt::format("expected {} for {}, found {}", expected, what, found(value)),
                 std::move(where));
  }
  Error type_error(std::string_view expected, const Field& field) const {
    return type_error(expected, fmt::format("'{}'", field.name), field.value, at(field));
  }
  Error missing(std::string_view subject, std::string_view name, std::string_view expected,
                Location where) const {
    return error(kMissingError, fmt::format("{} has no '{}'; expected {}", subject, name, expected),
                 std::move(where));
  }

  // The pairs of the map `node`, each key a string given once. `owner` ends messages: "in key
  // 'k'", "at the top level".
  Result<Fields> pairs(const YAML::Node& node, std::string_view owner) const;
  // pairs(), where every key must be one of `known`.
  Result<Fields> fields(const YAML::Node& node, std::span<const std::string_view> known,
                        std::string_view owner) const;
  // The fields of an entry such as `test-key-multi: {...}`, whose value must be a map.
  Result<Fields> entry_fields(const Field& entry, std::string_view subject,
                              std::span<const std::string_view> known) const;

  // A non-empty string.
  Result<std::string> text(const YAML::Node& value, std::string_view name,
                           std::string_view expected, Location where) const;
  Result<std::string> text(const Field& field, std::string_view expected) const {
    return text(field.value, field.name, expected, at(field));
  }
  // A reference to a key, vault or resource: a name, or an ARN (checked as one).
  Result<std::string> reference(const YAML::Node& value, std::string_view name,
                                std::string_view expected, Location where) const;
  Result<std::string> reference(const Field& field, std::string_view expected) const {
    return reference(field.value, field.name, expected, at(field));
  }
  Result<bool> boolean(const Field& field) const;
  // One of `words`, spelt exactly; a misspelling gets a suggestion.
  Result<std::string> choice(const Field& field, std::span<const std::string_view> words) const;
  template <typename T, std::size_t N>
  Result<T> choice(const Field& field, const std::array<Word<T>, N>& words) const;
  Result<Arn> arn(const Field& field) const;
  // A list of references; `expected` describes the list, `item` one element.
  Result<std::vector<std::string>> references(const Field& field, std::string_view expected,
                                              std::string_view item) const;
  // A list of account ids, organization ids and "*", sorted.
  Result<std::vector<std::string>> principals(const Field& field, std::string_view expected) const;

  // One entry of each section.
  Result<Account> account(const Field& entry) const;
  Result<Key> key(const Field& entry) const;
  Result<Resource> resource(const Field& entry) const;
  Result<OptionGroup> option_group(const Field& field, std::string_view subject) const;
  Result<Vault> vault(const Field& entry) const;
  Result<Plan> plan(const Field& entry) const;
  Result<PlanRule> rule(const YAML::Node& item, int number, std::string_view plan) const;
  Result<Job> job(const YAML::Node& item, int number) const;

  // A map section (`keys:`, `vaults:`...): every entry read with `read` into `out`.
  template <typename T>
  Status section(const Field& field, Result<T> (Reader::*read)(const Field&) const,
                 std::vector<T>& out) const;
  Status jobs(const Field& field, std::vector<Job>& out) const;

  std::string file_;
};

Result<Fields> Reader::pairs(const YAML::Node& node, std::string_view owner) const {
  Fields fields;
  for (auto it = node.begin(); it != node.end(); ++it) {
    // A copy: yaml-cpp iterators hand out temporaries, so a reference would dangle.
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      return error(kTypeError,
                   fmt::format("expected a string as a key {}, found {}", owner, found(key)),
                   at(key.Mark()));
    }
    if (const Field* first = find(fields, key.Scalar())) {
      const Location where = at(first->key.Mark());
      return error(kDuplicateError,
                   fmt::format("'{}' is given twice {}; the first is at line {}, column {}",
                               key.Scalar(), owner, where.line, where.column),
                   at(key.Mark()));
    }
    fields.push_back(Field{key.Scalar(), key, it->second});
  }
  return fields;
}

Result<Fields> Reader::fields(const YAML::Node& node, std::span<const std::string_view> known,
                              std::string_view owner) const {
  Result<Fields> fields = pairs(node, owner);
  if (!fields) return fields;
  for (const Field& field : *fields) {
    if (std::find(known.begin(), known.end(), field.name) != known.end()) continue;
    const std::string suggestion =
        closest_match(field.name, std::vector<std::string_view>(known.begin(), known.end()));
    const std::string hint = suggestion.empty() ? fmt::format("expected one of {}", join(known))
                                                : fmt::format("did you mean '{}'?", suggestion);
    return error(kKeyError, fmt::format("unknown key '{}' {}; {}", field.name, owner, hint),
                 at(field.key.Mark()));
  }
  return fields;
}

Result<Fields> Reader::entry_fields(const Field& entry, std::string_view subject,
                                    std::span<const std::string_view> known) const {
  if (!entry.value.IsMap()) {
    return type_error("a map", subject, entry.value, at(entry));
  }
  return fields(entry.value, known, fmt::format("in {}", subject));
}

Result<std::string> Reader::text(const YAML::Node& value, std::string_view name,
                                 std::string_view expected, Location where) const {
  if (!value.IsScalar()) return type_error(expected, fmt::format("'{}'", name), value, where);
  if (value.Scalar().empty()) {
    return error(kValueError,
                 fmt::format("expected {} for '{}', found an empty string", expected, name), where);
  }
  return value.Scalar();
}

Result<std::string> Reader::reference(const YAML::Node& value, std::string_view name,
                                      std::string_view expected, Location where) const {
  Result<std::string> ref = text(value, name, expected, where);
  if (!ref) return ref;
  if (ref->starts_with("arn:")) {
    if (Result<Arn> arn = parse_arn(*ref); !arn) return relocated(arn.error(), where);
  }
  return ref;
}

Result<bool> Reader::boolean(const Field& field) const {
  if (field.value.IsScalar()) {
    const std::string& word = field.value.Scalar();
    if (word == "true" || word == "True" || word == "TRUE") return true;
    if (word == "false" || word == "False" || word == "FALSE") return false;
  }
  return type_error("true or false", field);
}

Result<std::string> Reader::choice(const Field& field,
                                   std::span<const std::string_view> words) const {
  const std::string expected = fmt::format("one of {}", join(words));
  if (!field.value.IsScalar()) return type_error(expected, field);
  const std::string& value = field.value.Scalar();
  if (std::find(words.begin(), words.end(), value) != words.end()) return value;
  std::string message =
      fmt::format("expected {} for '{}', found {}", expected, field.name, found(field.value));
  const std::vector<std::string_view> candidates(words.begin(), words.end());
  std::string hint = value.empty() ? std::string() : closest_match(value, candidates);
  if (hint.empty() && !value.empty()) {
    // The KMS words are upper case: "hmac_256" is still close to HMAC_256.
    std::string upper = value;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    hint = closest_match(upper, candidates);
  }
  if (!hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
  return error(kValueError, std::move(message), at(field));
}

template <typename T, std::size_t N>
Result<T> Reader::choice(const Field& field, const std::array<Word<T>, N>& words) const {
  std::vector<std::string_view> list;
  for (const Word<T>& word : words) list.push_back(word.word);
  Result<std::string> chosen = choice(field, list);
  if (!chosen) return chosen.error();
  for (const Word<T>& word : words) {
    if (word.word == *chosen) return word.value;
  }
  return words.front().value;  // not reached: choice() accepts only the words
}

Result<Arn> Reader::arn(const Field& field) const {
  Result<std::string> value = text(field, "an ARN");
  if (!value) return value.error();
  Result<Arn> parsed = parse_arn(*value);
  if (!parsed) return relocated(parsed.error(), at(field));
  return parsed;
}

Result<std::vector<std::string>> Reader::references(const Field& field, std::string_view expected,
                                                    std::string_view item) const {
  if (!field.value.IsSequence()) return type_error(expected, field);
  std::vector<std::string> list;
  for (const YAML::Node& element : field.value) {
    Result<std::string> ref = reference(element, field.name, item, at(element, field.key));
    if (!ref) return ref.error();
    list.push_back(std::move(*ref));
  }
  return list;
}

Result<std::vector<std::string>> Reader::principals(const Field& field,
                                                    std::string_view expected) const {
  if (!field.value.IsSequence()) return type_error(expected, field);
  std::vector<std::string> list;
  for (const YAML::Node& element : field.value) {
    const Location where = at(element, field.key);
    if (!element.IsScalar()) {
      return error(
          kTypeError,
          fmt::format("expected an account id, an organization id or \"*\" in '{}', found {}",
                      field.name, found(element)),
          where);
    }
    const std::string& principal = element.Scalar();
    if (principal.starts_with("o-")) {
      if (!is_organization_id(principal)) {
        return error(kValueError,
                     fmt::format("expected an organization id like o-a1b2c3d4e5 in '{}', found {}",
                                 field.name, found(element)),
                     where);
      }
    } else if (principal != "*") {
      Result<AccountId> id = parse_account_id(principal);
      if (!id) return relocated(id.error(), where);
    }
    list.push_back(principal);
  }
  sort_unique(list);
  return list;
}

Result<Account> Reader::account(const Field& entry) const {
  Account account;
  account.location = at(entry.key.Mark());
  Result<AccountId> id = parse_account_id(entry.name);
  if (!id) return relocated(id.error(), account.location);
  account.id = *id;
  const std::string subject = fmt::format("account '{}'", entry.name);
  Result<Fields> fields = entry_fields(entry, subject, kAccountFields);
  if (!fields) return fields.error();

  if (const Field* field = find(*fields, "organization")) {
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
  if (const Field* field = find(*fields, "cross_account_backup")) {
    Result<bool> value = boolean(*field);
    if (!value) return value.error();
    account.cross_account_backup = *value;
  }
  return account;
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
  Result<Fields> fields = entry_fields(entry, subject, kKeyFields);
  if (!fields) return fields.error();

  constexpr std::string_view kKeyArn = "an ARN like arn:aws:kms:REGION:ACCOUNT:key/KEY-ID";
  const Field* arn_field = find(*fields, "arn");
  if (!arn_field) return missing(subject, "arn", kKeyArn, key.location);
  Result<Arn> arn = this->arn(*arn_field);
  if (!arn) return arn.error();
  if (arn->service != "kms" || arn->region.empty() || arn->account.empty() ||
      !arn->resource.starts_with("key/") || arn->resource.size() == 4) {
    return error(kArnKindError,
                 fmt::format("expected a KMS key ARN like arn:aws:kms:REGION:ACCOUNT:key/KEY-ID "
                             "for 'arn', found {}",
                             found(arn_field->value)),
                 at(*arn_field));
  }
  key.arn = arn_field->value.Scalar();
  Result<Region> region = parse_region(arn->region);
  if (!region) return relocated(region.error(), at(*arn_field));
  key.region = *region;
  Result<AccountId> account = parse_account_id(arn->account);
  if (!account) return relocated(account.error(), at(*arn_field));
  key.account = *account;

  const Field* alias = find(*fields, "alias");
  const Field* aliases = find(*fields, "aliases");
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
    Result<std::string> alias_name = text(value, name, kAlias, where);
    if (!alias_name) return alias_name.error();
    if (!alias_name->starts_with("alias/") || alias_name->size() == 6) {
      return error(kValueError,
                   fmt::format("expected {} for '{}', found {}", kAlias, name, found(value)),
                   where);
    }
    key.aliases.push_back(std::move(*alias_name));
    return Ok{};
  };
  if (alias) {
    SNAPKEY_RETURN_IF_ERROR(add_alias(alias->value, "alias", at(*alias)));
  }
  if (aliases) {
    if (!aliases->value.IsSequence()) return type_error("a list of alias names", *aliases);
    for (const YAML::Node& element : aliases->value) {
      Status status = add_alias(element, "aliases", at(element, aliases->key));
      if (!status) return status.error();
    }
  }
  sort_unique(key.aliases);

  if (const Field* field = find(*fields, "manager")) {
    Result<KeyManager> manager = choice(*field, kManagers);
    if (!manager) return manager.error();
    key.manager = *manager;
  }
  if (const Field* field = find(*fields, "multi_region")) {
    Result<MultiRegion> multi_region = choice(*field, kMultiRegion);
    if (!multi_region) return multi_region.error();
    key.multi_region = *multi_region;
  }
  if (const Field* field = find(*fields, "primary")) {
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
  if (const Field* field = find(*fields, "state")) {
    Result<std::string> word = text(*field, "a KMS key state like Enabled");
    if (!word) return word.error();
    Result<KeyState> state = parse_key_state(*word);
    if (!state) return relocated(state.error(), at(*field));
    key.state = *state;
  }
  if (const Field* field = find(*fields, "shared_with")) {
    constexpr std::string_view kExpected = "a list of account ids, or unknown,";
    if (field->value.IsScalar()) {
      if (field->value.Scalar() != kUnknown) return type_error(kExpected, *field);
      key.shared_with_unknown = fmt::format("shared_with is unknown ({})", at(*field).to_string());
    } else {
      Result<std::vector<std::string>> shared = principals(*field, kExpected);
      if (!shared) return shared.error();
      key.shared_with = std::move(*shared);
    }
  }
  if (const Field* field = find(*fields, "spec")) {
    Result<std::string> spec = choice(*field, kKeySpecs);
    if (!spec) return spec.error();
    key.spec = std::move(*spec);
  }
  if (const Field* field = find(*fields, "usage")) {
    Result<std::string> usage = choice(*field, kKeyUsages);
    if (!usage) return usage.error();
    key.usage = std::move(*usage);
  }
  return key;
}

Result<OptionGroup> Reader::option_group(const Field& field, std::string_view subject) const {
  const std::string owner = fmt::format("the option_group of {}", subject);
  if (!field.value.IsMap()) {
    return type_error("a map with name, persistent_options and regions", field);
  }
  Result<Fields> fields = this->fields(field.value, kOptionGroupFields, "in " + owner);
  if (!fields) return fields.error();
  OptionGroup group;
  const Field* name = find(*fields, "name");
  if (!name) return missing(owner, "name", "the option group's name", at(field));
  Result<std::string> name_text = text(*name, "the option group's name");
  if (!name_text) return name_text.error();
  group.name = std::move(*name_text);
  if (const Field* options = find(*fields, "persistent_options")) {
    if (!options->value.IsSequence()) return type_error("a list of option names", *options);
    for (const YAML::Node& element : options->value) {
      Result<std::string> option =
          text(element, options->name, "an option name", at(element, options->key));
      if (!option) return option.error();
      group.persistent_options.push_back(std::move(*option));
    }
    sort_unique(group.persistent_options);
  }
  if (const Field* regions = find(*fields, "regions")) {
    if (!regions->value.IsSequence()) return type_error("a list of Region names", *regions);
    for (const YAML::Node& element : regions->value) {
      const Location where = at(element, regions->key);
      Result<std::string> name_text = text(element, regions->name, "a Region name", where);
      if (!name_text) return name_text.error();
      Result<Region> region = parse_region(*name_text);
      if (!region) return relocated(region.error(), where);
      group.regions.push_back(region->name);
    }
    sort_unique(group.regions);
  }
  return group;
}

Result<Resource> Reader::resource(const Field& entry) const {
  Resource resource;
  resource.name = entry.name;
  resource.location = at(entry.key.Mark());
  const std::string subject = fmt::format("resource '{}'", entry.name);
  Result<Fields> fields = entry_fields(entry, subject, kResourceFields);
  if (!fields) return fields.error();

  const Field* arn_field = find(*fields, "arn");
  if (!arn_field) {
    return missing(subject, "arn",
                   "an ARN like arn:aws:rds:REGION:ACCOUNT:cluster:NAME or "
                   "arn:aws:rds:REGION:ACCOUNT:db:NAME",
                   resource.location);
  }
  const Field* type_field = find(*fields, "type");
  if (!type_field) {
    return missing(subject, "type",
                   "one of aurora, rds-instance, rds-multiaz-cluster, docdb, neptune",
                   resource.location);
  }
  const Field* key_field = find(*fields, "key");
  if (!key_field) {
    return missing(subject, "key",
                   "a key name, key ARN or alias, or none for an unencrypted resource",
                   resource.location);
  }

  Result<std::string> type_text =
      text(*type_field, "one of aurora, rds-instance, rds-multiaz-cluster, docdb, neptune");
  if (!type_text) return type_text.error();
  Result<ResourceType> type = parse_resource_type(*type_text);
  if (!type) return relocated(type.error(), at(*type_field));
  resource.type = *type;

  Result<Arn> arn = this->arn(*arn_field);
  if (!arn) return arn.error();
  const bool cluster = is_cluster(resource.type);
  const std::string_view prefix = cluster ? "cluster:" : "db:";
  if (arn->service != "rds" || arn->region.empty() || arn->account.empty() ||
      !arn->resource.starts_with(prefix) || arn->resource.size() == prefix.size()) {
    return error(kArnKindError,
                 fmt::format("expected {} like arn:aws:rds:REGION:ACCOUNT:{}NAME for a resource "
                             "of type {}, found {}",
                             cluster ? "a DB cluster ARN" : "a DB instance ARN", prefix,
                             to_string(resource.type), found(arn_field->value)),
                 at(*arn_field));
  }
  resource.arn = arn_field->value.Scalar();

  Result<std::string> key =
      reference(*key_field, "a key name, key ARN or alias, or none for an unencrypted resource");
  if (!key) return key.error();
  if (*key == kUnknown) {
    resource.key_unknown = kUnknownKeyReason;
  } else if (*key == kDefault) {
    resource.default_encryption = true;  // AWS decides, by the prediction's date
  } else if (*key != kNone) {
    resource.key = std::move(*key);  // a key reference, or kAwsOwnedKey
  }

  if (const Field* tags = find(*fields, "tags")) {
    if (!tags->value.IsMap()) return type_error("a map of tag names to values", *tags);
    Result<Fields> pairs = this->pairs(tags->value, fmt::format("in the tags of {}", subject));
    if (!pairs) return pairs.error();
    for (const Field& tag : *pairs) {
      if (tag.value.IsNull()) {
        resource.tags[tag.name] = "";
      } else if (tag.value.IsScalar()) {
        resource.tags[tag.name] = tag.value.Scalar();
      } else {
        return type_error("a string", fmt::format("tag '{}'", tag.name), tag.value, at(tag));
      }
    }
  }
  if (const Field* field = find(*fields, "option_group")) {
    Result<OptionGroup> group = option_group(*field, subject);
    if (!group) return group.error();
    resource.option_group = std::move(*group);
  }
  return resource;
}

Result<Vault> Reader::vault(const Field& entry) const {
  Vault vault;
  vault.name = entry.name;
  vault.location = at(entry.key.Mark());
  const std::string subject = fmt::format("vault '{}'", entry.name);
  Result<Fields> fields = entry_fields(entry, subject, kVaultFields);
  if (!fields) return fields.error();

  constexpr std::string_view kVaultArn =
      "an ARN like arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME";
  const Field* arn_field = find(*fields, "arn");
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

  if (const Field* field = find(*fields, "type")) {
    Result<VaultType> type = choice(*field, kVaultTypes);
    if (!type) return type.error();
    vault.type = *type;
  }
  if (const Field* field = find(*fields, "key")) {
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
  if (const Field* field = find(*fields, "allows_copy_from")) {
    constexpr std::string_view kExpected = "a list of account ids, or unknown,";
    if (field->value.IsScalar()) {
      if (field->value.Scalar() != kUnknown) return type_error(kExpected, *field);
      vault.allows_copy_from = std::nullopt;
    } else {
      Result<std::vector<std::string>> allowed = principals(*field, kExpected);
      if (!allowed) return allowed.error();
      vault.allows_copy_from = std::move(*allowed);
    }
  }
  return vault;
}

Result<PlanRule> Reader::rule(const YAML::Node& item, int number, std::string_view plan) const {
  PlanRule rule;
  rule.location = at(item.Mark());
  const std::string subject = fmt::format("rule #{} of {}", number, plan);
  if (!item.IsMap()) return type_error("a map", subject, item, rule.location);
  Result<Fields> fields = this->fields(item, kRuleFields, fmt::format("in {}", subject));
  if (!fields) return fields.error();

  const Field* name = find(*fields, "name");
  if (!name) return missing(subject, "name", "the rule's name", rule.location);
  const Field* vault = find(*fields, "vault");
  if (!vault) return missing(subject, "vault", "a vault name or ARN", rule.location);
  Result<std::string> name_text = text(*name, "the rule's name");
  if (!name_text) return name_text.error();
  rule.name = std::move(*name_text);
  Result<std::string> vault_ref = reference(*vault, "a vault name or ARN");
  if (!vault_ref) return vault_ref.error();
  rule.vault = std::move(*vault_ref);
  if (const Field* field = find(*fields, "continuous")) {
    Result<bool> continuous = boolean(*field);
    if (!continuous) return continuous.error();
    rule.continuous = *continuous;
  }
  if (const Field* field = find(*fields, "copy_to")) {
    Result<std::vector<std::string>> copy_to =
        references(*field, "a list of vault names or ARNs", "a vault name or ARN");
    if (!copy_to) return copy_to.error();
    rule.copy_to = std::move(*copy_to);
  }
  if (const Field* field = find(*fields, "air_gapped_vault")) {
    Result<std::string> target = reference(*field, "a vault name or ARN");
    if (!target) return target.error();
    rule.air_gapped_vault = std::move(*target);
  }
  return rule;
}

Result<Plan> Reader::plan(const Field& entry) const {
  Plan plan;
  plan.name = entry.name;
  plan.location = at(entry.key.Mark());
  const std::string subject = fmt::format("plan '{}'", entry.name);
  Result<Fields> fields = entry_fields(entry, subject, kPlanFields);
  if (!fields) return fields.error();

  const Field* rules = find(*fields, "rules");
  if (!rules) return missing(subject, "rules", "a list of backup rules", plan.location);
  const Field* resources = find(*fields, "resources");
  if (!resources) {
    return missing(subject, "resources", "a list of resource names or ARNs ([] for none)",
                   plan.location);
  }
  if (const Field* field = find(*fields, "arn")) {
    Result<Arn> arn = this->arn(*field);
    if (!arn) return arn.error();
    if (arn->service != "backup" || arn->region.empty() || arn->account.empty() ||
        !arn->resource.starts_with("backup-plan:") || arn->resource.size() == 12) {
      return error(kArnKindError,
                   fmt::format("expected a backup plan ARN like "
                               "arn:aws:backup:REGION:ACCOUNT:backup-plan:PLAN-ID for 'arn', "
                               "found {}",
                               found(field->value)),
                   at(*field));
    }
    plan.arn = field->value.Scalar();
  }
  if (!rules->value.IsSequence()) return type_error("a list of backup rules", *rules);
  int number = 0;
  for (const YAML::Node& item : rules->value) {
    Result<PlanRule> rule = this->rule(item, ++number, subject);
    if (!rule) return rule.error();
    plan.rules.push_back(std::move(*rule));
  }
  Result<std::vector<std::string>> selected =
      references(*resources, "a list of resource names or ARNs", "a resource name or ARN");
  if (!selected) return selected.error();
  plan.resources = std::move(*selected);
  return plan;
}

Result<Job> Reader::job(const YAML::Node& item, int number) const {
  Job job;
  job.location = at(item.Mark());
  const std::string subject = fmt::format("job #{}", number);
  const std::string expected =
      fmt::format("a map with one of {}", join(std::span<const std::string_view>(kJobKinds)));
  if (!item.IsMap()) return type_error(expected, subject, item, job.location);
  Result<Fields> kinds = fields(item, kJobKinds, fmt::format("in {}", subject));
  if (!kinds) return kinds.error();
  if (kinds->empty()) {
    return error(kMissingError,
                 fmt::format("{} is empty; expected one of {}", subject,
                             join(std::span<const std::string_view>(kJobKinds))),
                 job.location);
  }
  if (kinds->size() > 1) {
    return error(kKeyError,
                 fmt::format("{} has both '{}' and '{}'; each job is exactly one of {}", subject,
                             (*kinds)[0].name, (*kinds)[1].name,
                             join(std::span<const std::string_view>(kJobKinds))),
                 at((*kinds)[1].key.Mark()));
  }
  const Field& kind = kinds->front();
  std::span<const std::string_view> known;
  std::string_view shape;
  if (kind.name == "copy") {
    job.kind = JobKind::copy;
    known = kCopyFields;
    shape = "a map with from and to";
  } else if (kind.name == "native_copy") {
    job.kind = JobKind::native_copy;
    known = kNativeCopyFields;
    shape = "a map with from, and optionally region, account and key";
  } else {
    job.kind = JobKind::restore;
    known = kRestoreFields;
    shape = "a map with from, and optionally key and account";
  }
  const std::string owner = fmt::format("{} job #{}", kind.name, number);
  if (!kind.value.IsMap()) return type_error(shape, kind);
  Result<Fields> fields = this->fields(kind.value, known, fmt::format("in {}", owner));
  if (!fields) return fields.error();

  const Field* from = find(*fields, "from");
  if (!from) return missing(owner, "from", "a recovery point like RESOURCE@VAULT", job.location);
  const Field* to = find(*fields, "to");
  if (job.kind == JobKind::copy && !to) {
    return missing(owner, "to", "a vault name or ARN", job.location);
  }

  Result<std::string> from_text = text(*from, "a recovery point like RESOURCE@VAULT");
  if (!from_text) return from_text.error();
  Result<RecoveryPointRef> ref = parse_recovery_point_ref(*from_text);
  if (!ref) return relocated(ref.error(), at(*from));
  job.from = std::move(*ref);
  if (to) {
    Result<std::string> vault = reference(*to, "a vault name or ARN");
    if (!vault) return vault.error();
    job.to = std::move(*vault);
  }
  if (const Field* field = find(*fields, "region")) {
    Result<std::string> name = text(*field, "a Region name");
    if (!name) return name.error();
    Result<Region> region = parse_region(*name);
    if (!region) return relocated(region.error(), at(*field));
    job.region = region->name;
  }
  if (const Field* field = find(*fields, "account")) {
    Result<std::string> id_text = text(*field, "an account id");
    if (!id_text) return id_text.error();
    Result<AccountId> id = parse_account_id(*id_text);
    if (!id) return relocated(id.error(), at(*field));
    job.account = id->value;
  }
  if (const Field* field = find(*fields, "key")) {
    Result<std::string> key = reference(*field, "a key name, key ARN, key id or alias");
    if (!key) return key.error();
    job.key = std::move(*key);
  }
  return job;
}

template <typename T>
Status Reader::section(const Field& field, Result<T> (Reader::*read)(const Field&) const,
                       std::vector<T>& out) const {
  if (field.value.IsNull()) return Ok{};
  if (!field.value.IsMap()) {
    const std::string expected = field.name == "accounts"
                                     ? std::string("a map of accounts by id")
                                     : fmt::format("a map of {} by name", field.name);
    return type_error(expected, field);
  }
  Result<Fields> entries = pairs(field.value, fmt::format("in '{}'", field.name));
  if (!entries) return entries.error();
  for (const Field& entry : *entries) {
    if (entry.name.empty()) {
      return error(
          kValueError,
          fmt::format("expected a name for each entry of '{}', found an empty string", field.name),
          at(entry.key.Mark()));
    }
    Result<T> item = (this->*read)(entry);
    if (!item) return item.error();
    out.push_back(std::move(*item));
  }
  return Ok{};
}

Status Reader::jobs(const Field& field, std::vector<Job>& out) const {
  if (field.value.IsNull()) return Ok{};
  if (!field.value.IsSequence()) return type_error("a list of jobs", field);
  int number = 0;
  for (const YAML::Node& item : field.value) {
    Result<Job> job = this->job(item, ++number);
    if (!job) return job.error();
    out.push_back(std::move(*job));
  }
  return Ok{};
}

Result<ModelInput> Reader::read(const YAML::Node& root) const {
  if (!root.IsMap()) {
    Location where = at(root.Mark());
    if (root.IsNull() || where.line == 0) where = place(file_, 1, 1);
    return error(kTypeError,
                 fmt::format("expected a map of sections ({}) at the top level, found {}",
                             join(kSections), found(root)),
                 where);
  }
  Result<Fields> sections = fields(root, kSections, "at the top level");
  if (!sections) return sections.error();
  ModelInput input;
  for (const Field& field : *sections) {
    Status status = Ok{};
    if (field.name == "as_of") {
      Result<std::string> date_text = text(field, "a date like 2026-11-28");
      if (!date_text) return date_text.error();
      Result<Date> date = parse_date(*date_text);
      if (!date) return relocated(date.error(), at(field));
      input.as_of = *date;
    } else if (field.name == "accounts") {
      status = section(field, &Reader::account, input.accounts);
    } else if (field.name == "keys") {
      status = section(field, &Reader::key, input.keys);
    } else if (field.name == "resources") {
      status = section(field, &Reader::resource, input.resources);
    } else if (field.name == "vaults") {
      status = section(field, &Reader::vault, input.vaults);
    } else if (field.name == "plans") {
      status = section(field, &Reader::plan, input.plans);
    } else {
      status = jobs(field, input.jobs);
    }
    if (!status) return status.error();
  }
  return input;
}

// read_scenario without its exception boundary: yaml-cpp's exceptions are the input's fault.
Result<ModelInput> read_scenario_guarded(std::string_view text, std::string_view file) {
  const Reader reader(file);
  try {
    const std::string input(text);
    const detail::YamlStream stream = detail::scan_yaml_stream(input);
    if (stream.stuck) {
      return Error{"E_YAML", fmt::format("invalid YAML: unexpected {}", stream.stuck_at),
                   reader.at(*stream.stuck)};
    }
    if (stream.second) {
      return Error{std::string(kTypeError),
                   "expected one YAML document, found a second one; give each scenario its own "
                   "file",
                   reader.at(*stream.second)};
    }
    return reader.read(YAML::Load(input));
  } catch (const YAML::Exception& e) {
    return Error{"E_YAML", fmt::format("invalid YAML: {}", e.msg), reader.at(e.mark)};
  }
}

}  // namespace

Result<ModelInput> read_scenario(std::string_view text, std::string_view file) {
  return detail::guarded(fmt::format("the scenario {}", file),
                         [&] { return read_scenario_guarded(text, file); });
}

Result<ModelInput> read_scenario_file(const std::string& path) {
  Result<std::string> text = detail::read_file(path);
  if (!text) return text.error();
  return read_scenario(*text, path);
}

}  // namespace snapkey::io
