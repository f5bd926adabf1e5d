// Private to the Terraform plan reader: a `terraform show -json` plan as resource instances whose
// attributes are known, unknown until apply, or absent, with the configuration's expressions
// behind them, and the way to follow an expression's references to what will produce its value.
//
//   auto plan = PlanFile::read(std::move(doc));       // checks format_version, collects instances
//   for (const Instance* vault : (*plan)->of(false, "aws_backup_vault")) {
//     Value key = (*vault)["kms_key_arn"];            // known, unknown or absent
//     if (key.unknown()) {
//       Resolved r = (*plan)->resolve(vault->expression("kms_key_arn"), *vault);
//       // r.instance == aws_kms_key.backup, r.attribute == "arn"
//     }
//   }
#ifndef SNAPKEY_SRC_IO_TERRAFORM_PLAN_HPP
#define SNAPKEY_SRC_IO_TERRAFORM_PLAN_HPP

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "io/detail/json.hpp"
#include "io/terraform/address.hpp"
#include "snapkey/arn.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io::terraform {

using detail::JsonValue;

// true when `value` is the JSON literal true.
bool is_true(const JsonValue& value);

// An attribute's value in a plan.
struct Value {
  enum class State { known, unknown, absent };
  State state = State::absent;
  JsonValue json;  // known: the value; otherwise where it would be (its location)

  bool known() const { return state == State::known; }
  bool unknown() const { return state == State::unknown; }
  bool absent() const { return state == State::absent; }
  // The known value as a string. Errors: E_JSON_TYPE.
  Result<std::string> string() const { return json.as_string(); }
  // The known value as a boolean. Errors: E_JSON_TYPE.
  Result<bool> boolean() const;
};

// An object (a resource's values, or one block of a nested list or set) together with its
// after_unknown twin, which has `true` wherever a value is known only after apply.
class Object {
 public:
  Object() = default;
  Object(JsonValue values, JsonValue unknown)
      : values_(std::move(values)), unknown_(std::move(unknown)) {}

  const JsonValue& values() const { return values_; }
  // Unknown when after_unknown says so; absent when null or not there; known otherwise.
  Value operator[](std::string_view name) const;
  // The elements of a list or set attribute, each with its twin; nullopt when the whole list is
  // unknown; empty when it is absent.
  std::optional<std::vector<Object>> blocks(std::string_view name) const;
  std::optional<std::vector<Value>> list(std::string_view name) const;
  // A nested object or map attribute with its twin.
  Object child(std::string_view name) const { return Object(values_[name], unknown_[name]); }

 private:
  JsonValue values_;
  JsonValue unknown_;  // missing: everything is known (prior state)
};

// One resource instance: from resource_changes (after + after_unknown), or from the prior state
// or planned values (every value known).
struct Instance {
  std::string address;  // module.dr.aws_backup_vault.dr["us-east-1"]
  ModulePath module;
  bool data = false;
  std::string type;
  std::string name;
  std::string key;  // the count or for_each key as written in addresses: 0, "us-east-1"
  Object values;
  JsonValue config;      // the configuration block (missing when the configuration lacks it)
  std::string provider;  // the provider configuration key
  Location location;     // the resource_changes entry, or the state's resource
  bool created = false;  // the plan creates it: its actions include "create" (a replacement too)
  Region region;         // filled by PlanFile::locate
  AccountId account;

  Value operator[](std::string_view name) const { return values[name]; }
  // The configuration's expression for a top-level argument (missing when not set there).
  JsonValue expression(std::string_view name) const { return config["expressions"][name]; }
  bool is(bool data_source, std::string_view resource_type) const {
    return data == data_source && type == resource_type;
  }
};

// Where an expression leads.
struct Resolved {
  enum class Kind { constant, attribute, unresolvable };
  Kind kind = Kind::unresolvable;
  JsonValue constant;                  // constant: the value
  const Instance* instance = nullptr;  // attribute: the instance and the attribute it reads
  std::string attribute;               // "" = the whole instance
  // How messages name the last expression followed: "its expression", "module.keys.key_arn".
  std::string subject;
  std::string why;  // unresolvable: a clause, e.g. "its expression refers to local.arns, ..."
};

class PlanFile {
 public:
  // Checks format_version (0.1 and 0.2 of Terraform 0.12 to 1.0, or 1.x) and collects every
  // instance with its configuration. Errors: E_TERRAFORM_VERSION, E_JSON_TYPE, E_JSON_MISSING.
  static Result<std::unique_ptr<PlanFile>> read(std::unique_ptr<detail::JsonDocument> doc);

  const std::string& file() const { return doc_->file(); }
  const JsonValue root() const { return doc_->root(); }
  // Every instance (managed resources being deleted are not), in address order.
  const std::vector<Instance>& instances() const { return instances_; }
  std::vector<const Instance*> of(bool data, std::string_view type) const;

  // Where the environment deploys the plan (TerraformOptions): the Region and account of the
  // provider configurations the plan does not tell them for.
  struct Environment {
    std::optional<Region> region;
    std::optional<AccountId> account;
  };

  // Fills in the Region and account of every instance of `types`. Errors:
  // E_TERRAFORM_UNRESOLVED (a provider whose Region or account neither the plan nor
  // `environment` tells), E_TERRAFORM_VALUE (a Region that does not exist).
  Status locate(const std::set<std::string>& types, const Environment& environment);

  // Follows `expression`, configured on `at`, to the one thing it evaluates to.
  Resolved resolve(const JsonValue& expression, const Instance& at) const;
  // Follows every reference of `expression` (for list arguments): a reference to a resource
  // with several instances gives all of them.
  std::vector<Resolved> resolve_each(const JsonValue& expression, const Instance& at) const;

 private:
  struct Scope;
  // A provider configuration's Region and account, once worked out.
  struct Provider {
    Region region;
    AccountId account;
  };
  explicit PlanFile(std::unique_ptr<detail::JsonDocument> doc) : doc_(std::move(doc)) {}

  Status collect_changes();
  Status collect_state(const JsonValue& module, bool data_only);
  void configure();
  JsonValue config_module(const ModulePath& path) const;

  std::vector<Resolved> follow(const JsonValue& expression, const Scope& scope, bool many,
                               int depth) const;
  std::optional<std::vector<Resolved>> follow_source(const JsonValue& expression,
                                                     const Scope& scope, bool many,
                                                     int depth) const;
  std::vector<Resolved> follow_root(const Reference& ref, const Scope& scope, bool uses_key,
                                    bool many, int depth) const;
  std::vector<Resolved> follow_variable(const Reference& ref, const Scope& scope, bool many,
                                        int depth) const;
  std::vector<Resolved> follow_module(const Reference& ref, const Scope& scope, bool uses_key,
                                      bool many, int depth) const;
  std::vector<Resolved> follow_resource(const Reference& ref, const Scope& scope, bool uses_key,
                                        bool many) const;

  Result<const Provider*> provider(const std::string& key, const Instance& user);
  // A provider configuration by its key; older Terraform's keys ("dr:aws") are made full
  // ("module.dr:aws").
  JsonValue provider_config(const std::string& key) const;
  // The configurations a module may have been given by its caller, for a key that Terraform
  // before 1.2 wrote without saying which (`fallback`: the one inherited without `providers`).
  std::set<std::string> given_options(const std::string& key, const std::string& fallback) const;
  Result<const Provider*> given_provider(const std::string& key,
                                         const std::set<std::string>& options,
                                         const Instance& user);
  std::optional<Region> region_known_by(const std::string& key) const;
  Result<Region> provider_region(const std::string& key, const JsonValue& config,
                                 const Instance& user);
  Result<AccountId> provider_account(const std::string& key, const JsonValue& config,
                                     const Instance& user);
  std::set<AccountId> accounts_known_by(const std::string& key) const;

  std::unique_ptr<detail::JsonDocument> doc_;
  std::vector<Instance> instances_;
  std::set<std::string> seen_;  // addresses already collected (or deleted)
  std::map<std::string, std::vector<const Instance*>> by_resource_;  // "module|data.t.n"
  std::set<ModulePath> modules_;  // every module instance holding an instance, and its parents
  std::map<std::string, Provider> providers_;
  Environment environment_;
  std::map<std::string, JsonValue> provider_configs_;  // configuration.provider_config, full keys
  // Keys of resources in modules that Terraform before 1.2 wrote as "NAME:aws" (the module's own
  // name, not the configuration it is given), made full.
  std::set<std::string> legacy_keys_;
};

}  // namespace snapkey::io::terraform

#endif  // SNAPKEY_SRC_IO_TERRAFORM_PLAN_HPP
