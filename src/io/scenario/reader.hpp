// The scenario reader (docs/scenario-format.md), split by section: the Reader class, its error
// ids and the words it knows. Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_SCENARIO_READER_HPP
#define SNAPKEY_SRC_IO_SCENARIO_READER_HPP

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/detail/yaml_shape.hpp"
#include "snapkey/model.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io::scenario {

using detail::Field;
using detail::Fields;
using detail::find;
using detail::found;

inline constexpr std::string_view kTypeError = "E_SCENARIO_TYPE";
inline constexpr std::string_view kKeyError = "E_SCENARIO_KEY";
inline constexpr std::string_view kMissingError = "E_SCENARIO_MISSING";
inline constexpr std::string_view kValueError = "E_SCENARIO_VALUE";
inline constexpr std::string_view kDuplicateError = "E_DUPLICATE_NAME";
inline constexpr std::string_view kArnKindError = "E_ARN_KIND";

// The words that mean "not encrypted" and "not known" where a key reference is expected, and
// for a resource "what AWS does by default when it is created" (default_encryption).
inline constexpr std::string_view kNone = "none";
inline constexpr std::string_view kUnknown = "unknown";
inline constexpr std::string_view kDefault = "default";
inline constexpr std::string_view kUnknownKeyReason = "the scenario gives its key as unknown";

// The keys each kind of map accepts, in the order the documentation lists them.
inline constexpr std::array<std::string_view, 7> kSections = {
    "as_of", "accounts", "keys", "resources", "vaults", "plans", "jobs"};
inline constexpr std::array<std::string_view, 2> kAccountFields = {"organization",
                                                                   "cross_account_backup"};
// The `..._unknown` fields (what is not known, and why), `region` and `account` (a key not
// created yet) and `address` came with export-scenario, which writes what other readers know.
inline constexpr std::array<std::string_view, 14> kKeyFields = {"arn",
                                                                "region",
                                                                "account",
                                                                "alias",
                                                                "aliases",
                                                                "manager",
                                                                "multi_region",
                                                                "primary",
                                                                "state",
                                                                "shared_with",
                                                                "shared_with_unknown",
                                                                "spec",
                                                                "usage",
                                                                "address"};
inline constexpr std::array<std::string_view, 7> kResourceFields = {
    "arn", "type", "key", "key_unknown", "tags", "option_group", "address"};
inline constexpr std::array<std::string_view, 3> kOptionGroupFields = {"name", "persistent_options",
                                                                       "regions"};
inline constexpr std::array<std::string_view, 6> kVaultFields = {
    "arn", "type", "key", "key_unknown", "allows_copy_from", "address"};
inline constexpr std::array<std::string_view, 5> kPlanFields = {"arn", "rules", "resources",
                                                                "resources_unknown", "address"};
inline constexpr std::array<std::string_view, 8> kRuleFields = {
    "name",    "vault",           "vault_unknown",    "continuous",
    "copy_to", "copy_to_unknown", "air_gapped_vault", "air_gapped_vault_unknown"};
inline constexpr std::array<std::string_view, 3> kJobKinds = {"copy", "native_copy", "restore"};
inline constexpr std::array<std::string_view, 2> kCopyFields = {"from", "to"};
inline constexpr std::array<std::string_view, 4> kNativeCopyFields = {"from", "region", "account",
                                                                      "key"};
inline constexpr std::array<std::string_view, 3> kRestoreFields = {"from", "key", "account"};

inline constexpr std::array kManagers = {
    detail::Word<KeyManager>{"customer", KeyManager::customer},
    detail::Word<KeyManager>{"aws", KeyManager::aws},
    detail::Word<KeyManager>{"unknown", KeyManager::unknown},
};
inline constexpr std::array kMultiRegion = {
    detail::Word<MultiRegion>{"none", MultiRegion::none},
    detail::Word<MultiRegion>{"primary", MultiRegion::primary},
    detail::Word<MultiRegion>{"replica", MultiRegion::replica},
};
inline constexpr std::array kVaultTypes = {
    detail::Word<VaultType>{"standard", VaultType::standard},
    detail::Word<VaultType>{"logically-air-gapped", VaultType::logically_air_gapped},
    detail::Word<VaultType>{"restore-access", VaultType::restore_access},
};
// DescribeKey's KeySpec and KeyUsage, spelt as KMS spells them.
inline constexpr std::array<std::string_view, 16> kKeySpecs = {kSymmetricDefault,
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
inline constexpr std::array<std::string_view, 4> kKeyUsages = {
    kEncryptDecrypt, "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"};
inline constexpr detail::YamlErrorIds kShapeErrors{
    .type = kTypeError, .key = kKeyError, .value = kValueError, .duplicate = kDuplicateError};

inline void sort_unique(std::vector<std::string>& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

// Reads one YAML document. `file` names the scenario in every location. One file per section
// (accounts.cpp, keys.cpp, resources.cpp, vaults.cpp, plans.cpp, jobs.cpp); reader.cpp reads the
// document and what the sections share.
class Reader : public detail::Shape {
 public:
  explicit Reader(std::string_view file) : Shape(file, kShapeErrors) {}

  Result<ModelInput> read(const YAML::Node& root) const;

 private:
  Error missing(std::string_view subject, std::string_view name, std::string_view expected,
                Location where) const {
    return error(kMissingError, fmt::format("{} has no '{}'; expected {}", subject, name, expected),
                 std::move(where));
  }

  // The fields of an entry such as `test-key-multi: {...}`, whose value must be a map.
  Result<Fields> entry_fields(const Field& entry, std::string_view subject,
                              std::span<const std::string_view> known) const;

  // A non-empty string; `name` is the key it is the value of.
  Result<std::string> text(const YAML::Node& value, std::string_view name,
                           std::string_view expected, Location where) const {
    return Shape::text(value, fmt::format("'{}'", name), expected, std::move(where));
  }
  Result<std::string> text(const Field& field, std::string_view expected) const {
    return text(field.value, field.name, expected, at(field));
  }
  // A reference to a key, vault or resource: a name, or an ARN (checked as one).
  Result<std::string> reference(const YAML::Node& value, std::string_view name,
                                std::string_view expected, Location where) const;
  Result<std::string> reference(const Field& field, std::string_view expected) const {
    return reference(field.value, field.name, expected, at(field));
  }
  Result<Arn> arn(const Field& field) const;
  // The reason of an `..._unknown` field: why the value is not known (a non-empty string).
  Result<std::string> reason(const Field& field) const {
    return text(field, "a sentence that says why it is not known");
  }
  // `address`: the Terraform address or CloudFormation logical id of what was exported.
  Result<std::string> address(const Field& field) const {
    return text(field, "a Terraform address or CloudFormation logical id");
  }
  // A list of references; `expected` describes the list, `item` one element.
  Result<std::vector<std::string>> references(const Field& field, std::string_view expected,
                                              std::string_view item) const;
  // A list of account ids, organization ids and "*", sorted.
  Result<std::vector<std::string>> principals(const Field& field, std::string_view expected) const;

  // One entry of each section.
  Result<Account> account(const Field& entry) const;
  Result<Key> key(const Field& entry) const;
  // A key's `arn`, or the `region` and `account` of a key whose ARN is not known yet.
  Status key_arn(Key& key, const Field& arn_field) const;
  Status key_place(Key& key, const Field* region_field, const Field* account_field,
                   std::string_view subject) const;
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
};

}  // namespace snapkey::io::scenario

#endif  // SNAPKEY_SRC_IO_SCENARIO_READER_HPP
