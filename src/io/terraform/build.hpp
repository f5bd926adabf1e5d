// Private to the Terraform plan reader: turning a plan's instances into a ModelInput.
//
// Keys come first (aws_kms_key, aws_kms_replica_key, the data sources, then the aliases), then
// the RDS-family resources and the vaults, whose keys they point at, then the backup plans,
// which point at vaults, and the selections, which point at plans and resources. Names are made
// last, once everything is known, because a key with no ARN yet is referred to by its alias or
// name: references are kept as targets until then.
//
//   Builder builder(plan);
//   Result<ModelInput> input = builder.build();
#ifndef SNAPKEY_SRC_IO_TERRAFORM_BUILD_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_BUILD_HPP

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "io/terraform/plan.hpp"
#include "snapkey/io/terraform.hpp"
#include "snapkey/model.hpp"

namespace snapkey::io::terraform {

// Where `options` deploy the plan (or configuration) in `file`. Errors: E_REGION, E_ACCOUNT_ID.
Result<PlanFile::Environment> environment_of(std::string_view file,
                                             const TerraformOptions& options);

// The resource types this reader turns into the model (data sources included).
const std::set<std::string>& read_types();

// Whether resources of `type` are databases this reader turns into the model.
bool is_database_type(std::string_view type);

// "{address}: {attribute} is known only after apply, and {why}"
std::string unknown_until_apply(std::string_view address, std::string_view attribute,
                                std::string_view why);

// A true/false argument: its known value, or the constant its expression leads to; `fallback`
// when it is not set. nullopt when it is known only after apply, with `why` saying so.
Result<std::optional<bool>> flag(const PlanFile& plan, const Instance& instance, const Value& value,
                                 const JsonValue& expression, std::string_view attribute,
                                 bool fallback, std::string& why);

// Where a key reference leads, before names are final.
struct KeyTarget {
  enum class Kind { none, entry, text, unknown };
  Kind kind = Kind::none;  // none: no key (unencrypted, or the vault's default key)
  std::size_t entry = 0;   // entry: an index into Builder's keys
  std::string text;        // text: a reference that needs no name, e.g. alias/aws/rds
  std::string why;         // unknown: the sentence that says why

  static KeyTarget of_entry(std::size_t entry) { return {Kind::entry, entry, {}, {}}; }
  static KeyTarget of_text(std::string text) { return {Kind::text, 0, std::move(text), {}}; }
  static KeyTarget unknown(std::string why) { return {Kind::unknown, 0, {}, std::move(why)}; }
};

// A key the plan describes or implies.
struct KeyEntry {
  Key key;
  std::string unknown;                 // non-empty: not enough is known to describe it (why)
  std::optional<std::size_t> primary;  // replicas: the primary's entry
};

// A vault and where its key reference leads.
struct VaultEntry {
  Vault vault;
  KeyTarget key;
};

struct ResourceEntry {
  Resource resource;
  KeyTarget key;  // Kind::none with `resource.default_encryption`: AWS's default (R39)
};

// A rule of a backup plan being read, and how its unknowns are worded.
struct RuleAt {
  const Instance& instance;
  std::string name;
  JsonValue config;  // the rule's configuration block; missing for a dynamic block

  // "{address}: {attribute} of rule {name} is known only after apply, and {why}"
  std::string unknown(std::string_view attribute, std::string_view why) const;
  std::string no_block() const;
};

class Builder {
 public:
  explicit Builder(const PlanFile& plan) : plan_(plan) {}
  // Errors: E_TERRAFORM_VALUE, E_TERRAFORM_UNRESOLVED, E_JSON_TYPE.
  Result<ModelInput> build();

 private:
  // io/terraform/keys.cpp
  Status keys();
  Status managed_key(const Instance& instance);
  Status replica_key(const Instance& instance);
  Status data_key(const Instance& instance);
  Status data_alias(const Instance& instance);
  Status alias(const Instance& instance);
  Status key_policy(const Instance& instance, Key& key);
  // customer_master_key_spec (or key_spec) and key_usage into Key::spec and Key::usage; "" when
  // not set. Known only after apply: the key cannot be described (`why`).
  Status key_spec(const Instance& instance, Key& key, std::string& why) const;
  std::size_t add_key(Key key, const Instance* instance);
  std::optional<std::size_t> key_with_id(const std::string& id, const AccountId& account,
                                         const Region& region) const;
  // The entry of a key known by ARN, added (manager unknown) when the plan does not describe
  // it; nullopt for a multi-Region key whose role (`multi_region`: none) is not known.
  std::optional<std::size_t> key_for_arn(const Arn& arn, const std::string& text,
                                         const Location& location, MultiRegion multi_region);
  std::size_t key_for_alias(const std::string& alias, const AccountId& account,
                            const Region& region, const Location& location);
  // The key an argument names: its known value, or where its expression leads; with no
  // expression, `fallback` (an AWS managed alias, or "" for none).
  // `learn`: the AWS managed alias whose ARN a known value gives when there is no expression.
  Result<KeyTarget> key_target(const Instance& instance, std::string_view attribute,
                               std::string_view fallback, std::string_view learn);
  Result<KeyTarget> key_from_text(const Value& value, const AccountId& account,
                                  const Region& region);
  Result<KeyTarget> key_from(const Resolved& resolved, const Instance& instance,
                             std::string_view attribute);

  // io/terraform/resources.cpp
  Status resources();
  Status database(const Instance& instance);
  Result<std::optional<ResourceType>> database_type(const Instance& instance) const;
  // `default_encryption`: an Aurora cluster the plan creates without choosing a key or
  // encryption, which gets what AWS does by default on the day (R39).
  Result<KeyTarget> database_key(const Instance& instance, std::string_view key_attribute,
                                 ResourceType type, bool& default_encryption);
  Status tags(const Instance& instance, ResourceEntry& entry) const;
  Status vaults();
  Status vault(const Instance& instance, VaultType type);
  Result<std::string> name_of(const Instance& instance, std::string_view attribute) const;

  // io/terraform/backup.cpp
  Status plans();
  Status plan(const Instance& instance);
  Result<PlanRule> rule(const Instance& instance, const Object& rule, const JsonValue& where);
  Status rule_target(const RuleAt& at, const Object& block, PlanRule& rule);
  Status rule_copies(const RuleAt& at, const Object& block, PlanRule& rule);
  Status rule_air_gapped(const RuleAt& at, const Object& block, PlanRule& rule);
  // A vault by its known name or ARN; a vault the plan does not have is added, key unknown, of
  // type `type` (what the argument says it is).
  Result<std::string> vault_target(const Value& value, const Instance& at,
                                   VaultType type = VaultType::standard);
  // The vault a reference leads to (its ARN), if it leads to one.
  std::optional<std::string> vault_from(const Resolved& resolved) const;
  std::string external_vault(const Arn& arn, const Location& location,
                             VaultType type = VaultType::standard);
  Status selections();
  Status selection(const Instance& instance);
  // The known entries of `attribute`; why the others are not known goes to `unknown`.
  Result<std::vector<std::string>> selection_resources(const Instance& instance,
                                                       std::string_view attribute,
                                                       std::vector<std::string>& unknown);
  Status vault_policies();
  Status global_settings();

  // io/terraform/reader.cpp
  void name_everything();
  std::string key_reference(std::size_t entry) const;
  void resolve_key(const KeyTarget& target, std::string& key, std::string& why) const;

  const PlanFile& plan_;
  std::vector<KeyEntry> keys_;
  std::map<const Instance*, std::size_t> key_of_instance_;
  std::map<std::string, std::size_t> key_by_arn_;
  std::map<std::string, std::size_t> key_by_alias_;         // "account|region|alias/x"
  std::map<const Instance*, KeyTarget> alias_of_instance_;  // aws_kms_alias -> its key
  std::vector<ResourceEntry> resources_;
  std::map<const Instance*, std::string> resource_arn_;
  std::vector<VaultEntry> vaults_;
  std::map<std::string, std::size_t> vault_by_arn_;
  std::map<const Instance*, std::size_t> vault_of_instance_;
  std::vector<Plan> plans_;
  std::map<const Instance*, std::size_t> plan_of_instance_;
  std::vector<Account> accounts_;
};

}  // namespace snapkey::io::terraform

#endif  // SNAPKEY_SRC_IO_TERRAFORM_BUILD_HPP
