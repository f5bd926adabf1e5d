// Private to snapkey::io: turns the resources of CloudFormation templates into model facts.
//
// Two passes. The first collects the resources of the types snapkey reads
// (io/cloudformation/build.cpp), names them, and attaches AWS::KMS::Alias names to their keys. The
// second reads each resource's properties into a Key, Resource, Vault or Plan
// (io/cloudformation/kms.cpp, io/cloudformation/rds.cpp, io/cloudformation/backup.cpp). A KMS key
// has no ARN before its stack is created, so a reference to a key of the templates is made by the
// key's name; every other reference is an ARN. Keys and vaults that the templates name but do not
// create (a literal key ARN, the Default vault) are added as things whose key or manager is not
// known.
//
//   cloudformation::Builder builder(evaluator);
//   Result<ModelInput> input = builder.build();
#ifndef SNAPKEY_SRC_IO_CLOUDFORMATION_BUILD_HPP
#define SNAPKEY_SRC_IO_CLOUDFORMATION_BUILD_HPP

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/cloudformation/eval.hpp"
#include "snapkey/model.hpp"

namespace snapkey::io::cloudformation {

// A resource of a type snapkey reads.
struct Entity {
  std::size_t stack = 0;
  std::string id;  // the logical id
  std::string type;
  const Node* properties = nullptr;  // nullptr: the resource has no Properties
  Location location;                 // where the logical id is written
  std::string exists_unknown;        // non-empty: whether it is created is not known, and why
  std::string name;                  // its name in the model (keys, resources, vaults, plans)
  bool generated_name = true;
  std::string arn;                   // resources and vaults
  std::vector<std::string> aliases;  // keys: the AWS::KMS::Alias names that target it
};

class Builder {
 public:
  explicit Builder(Evaluator& eval) : eval_(eval) {}
  Result<ModelInput> build();

 private:
  // What a property gives as a reference: `ref`, or `unknown` (a sentence) when it cannot be
  // told; both empty when the property is absent.
  struct Reference {
    std::string ref;
    std::string unknown;
  };

  // --- pass 1 (io/cloudformation/build.cpp)
  Status collect();
  Status name_entities();
  Status collect_aliases();
  Status qualify_names();

  // --- reading properties (io/cloudformation/build.cpp)
  const Stack& stack_of(const Entity& e) const { return eval_.stacks()[e.stack]; }
  // Properties.<name> evaluated (absent when not there).
  Result<Value> property(const Entity& e, std::string_view name);
  // "tokyo.yaml OrdersCluster.KmsKeyId: <reason>"
  std::string sentence(const Entity& e, std::string_view path, std::string_view reason) const;
  // A boolean: nullopt when absent or unknown (then `unknown` says why). Errors: E_CFN_VALUE.
  Result<std::optional<bool>> boolean(const Entity& e, std::string_view path, const Value* value,
                                      std::string& unknown);
  // A literal string: nullopt when absent or not known (then `unknown` says why).
  Result<std::optional<std::string>> text(const Entity& e, std::string_view path,
                                          const Value* value, std::string& unknown);
  Error value_error(std::string message, const Location& where) const;
  // The entity a symbol stands for (nullptr: a resource of another type, or not created).
  const Entity* entity_of(const Symbol& symbol) const;
  static bool is_key(const Entity& e);
  static bool is_vault(const Entity& e);
  static bool is_database(const Entity& e);

  // --- references (io/cloudformation/build.cpp)
  // A KMS key: a key or replica of the templates, or a key id, key ARN, alias or alias ARN.
  Result<Reference> key_ref(const Entity& user, std::string_view path, const Value& value);
  // A backup vault by ARN (or, `by_name`, by its name in the user's account and Region). A vault
  // the templates do not create is added, of type `outside_type`.
  Result<Reference> vault_ref(const Entity& user, std::string_view path, const Value& value,
                              bool by_name, VaultType outside_type = VaultType::standard);
  // The key a literal reference names, added when the templates do not create it.
  Result<std::string> literal_key(const std::string& ref, const Entity& user, const Location& where,
                                  std::string_view path);
  std::string add_outside_key(Key key);
  std::string outside_vault(const Arn& arn, const Location& where,
                            VaultType type = VaultType::standard);
  std::string unique_key_name(const std::string& wanted, const Key& key) const;

  // --- per type
  Status read_key(const Entity& e);          // io/cloudformation/kms.cpp
  Status read_replica_key(const Entity& e);  // io/cloudformation/kms.cpp
  Status read_alias_target(const Entity& e, const std::string& alias);
  // The accounts the key policy lets use `key`, and Key::shared_with_unknown.
  Status shared_with(const Entity& e, Key& key);
  Result<KeyState> key_state(const Entity& e);
  Status read_database(const Entity& e);  // io/cloudformation/rds.cpp
  // The database of the templates that `value` (a source identifier or ARN) names, or nullptr.
  const Entity* source_database(const Entity& user, const Value& value) const;
  // Read replicas and clones of a database of the templates take its key
  // (io/cloudformation/rds.cpp).
  struct Copied;
  Status resolve_sources();
  void take_source_key(const Copied& c);
  Status read_vault(const Entity& e);      // io/cloudformation/backup.cpp
  Status read_plan(const Entity& e);       // io/cloudformation/backup.cpp
  Status read_selection(const Entity& e);  // io/cloudformation/backup.cpp
  Result<PlanRule> read_rule(const Entity& e, const Value& rule, std::size_t index);
  // Metadata.snapkey.ignore of vaults and databases (io/cloudformation/suppressions.cpp).
  // Errors: E_POLICY_SUPPRESSION.
  Status read_suppressions();
  Status read_suppressions_of(const Entity& e, const Node& snapkey);
  Result<std::vector<TagCondition>> tag_conditions(const Entity& e, const Value& selection);
  std::optional<TagCondition> tag_condition(const Entity& e, const Value& item,
                                            TagCondition::Test test, std::string_view field);

  Evaluator& eval_;
  std::vector<Entity> entities_;
  std::map<std::pair<std::size_t, std::string>, std::size_t> entity_index_;
  // Aliases whose target is not a key of the templates: (entity index, alias name).
  std::vector<std::pair<std::size_t, std::string>> outside_aliases_;
  std::map<std::string, std::size_t> plan_index_;  // entity name -> index in out_.plans
  // A database made from another database of the templates (read replica, clone).
  struct Copied {
    std::string resource;  // its name in out_.resources
    std::string source;    // the source's name
    std::string property;  // SourceDBInstanceIdentifier, ...
    bool cross_region = false;
    bool key_given = false;  // KmsKeyId names a key
    bool settled = false;    // what the resource has is not the source's to give: KmsKeyId, or
                             // whether it is created, is not known
  };
  std::vector<Copied> copied_;
  ModelInput out_;
};

}  // namespace snapkey::io::cloudformation

#endif  // SNAPKEY_SRC_IO_CLOUDFORMATION_BUILD_HPP
