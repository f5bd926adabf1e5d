// Collecting and naming the resources of the templates, and the references between them
// (io/cloudformation/build.hpp).
#include "io/cloudformation/build.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace snapkey::io::cloudformation {
namespace {

constexpr std::array<std::string_view, 11> kTypes = {
    "AWS::KMS::Key",
    "AWS::KMS::ReplicaKey",
    "AWS::KMS::Alias",
    "AWS::RDS::DBCluster",
    "AWS::RDS::DBInstance",
    "AWS::DocDB::DBCluster",
    "AWS::Neptune::DBCluster",
    "AWS::Backup::BackupVault",
    "AWS::Backup::LogicallyAirGappedBackupVault",
    "AWS::Backup::BackupPlan",
    "AWS::Backup::BackupSelection",
};

// The kinds of things that need names unique among their kind.
enum class Kind { key, resource, vault, plan, other };

Kind kind_of(std::string_view type) {
  if (type == "AWS::KMS::Key" || type == "AWS::KMS::ReplicaKey") return Kind::key;
  if (type == "AWS::Backup::BackupVault" || type == "AWS::Backup::LogicallyAirGappedBackupVault")
    return Kind::vault;
  if (type == "AWS::Backup::BackupPlan") return Kind::plan;
  if (type.starts_with("AWS::RDS::") || type.ends_with("::DBCluster")) return Kind::resource;
  return Kind::other;
}

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.name < b.name; });
}

}  // namespace

bool Builder::is_key(const Entity& e) { return kind_of(e.type) == Kind::key; }
bool Builder::is_vault(const Entity& e) { return kind_of(e.type) == Kind::vault; }
bool Builder::is_database(const Entity& e) { return kind_of(e.type) == Kind::resource; }

Error Builder::value_error(std::string message, const Location& where) const {
  return Error{"E_CFN_VALUE", std::move(message), where};
}

std::string Builder::sentence(const Entity& e, std::string_view path,
                              std::string_view reason) const {
  if (path.empty()) return fmt::format("{} {}: {}", stack_of(e).file, e.id, reason);
  return fmt::format("{} {}.{}: {}", stack_of(e).file, e.id, path, reason);
}

// --- pass 1 -----------------------------------------------------------------------------------

Status Builder::collect() {
  for (std::size_t s = 0; s < eval_.stacks().size(); ++s) {
    const Stack& stack = eval_.stacks()[s];
    const Node* resources = stack.section("Resources");
    if (resources == nullptr || !resources->is_map()) {
      return value_error(fmt::format("expected a map of resources for Resources, found {}",
                                     resources == nullptr ? "nothing" : resources->kind_name()),
                         resources == nullptr ? stack.root.location : resources->location);
    }
    for (const Member& resource : resources->members) {
      // Fn::ForEach (AWS::LanguageExtensions) is expanded by CloudFormation, not here.
      if (resource.key.starts_with("Fn::ForEach")) continue;
      const Node* type = resource.value.find("Type");
      if (!resource.value.is_map() || type == nullptr || !type->is_scalar()) {
        return value_error(
            fmt::format(
                "expected a map with a Type for resource {}, found {}", resource.key,
                resource.value.is_map() ? "a map without Type" : resource.value.kind_name()),
            resource.key_location);
      }
      if (std::find(kTypes.begin(), kTypes.end(), type->text) == kTypes.end()) continue;
      Entity e;
      e.stack = s;
      e.id = resource.key;
      e.type = type->text;
      e.location = resource.key_location;
      e.properties = resource.value.find("Properties");
      if (e.properties != nullptr && !e.properties->is_map()) {
        return value_error(fmt::format("expected a map for the Properties of {}, found {}", e.id,
                                       e.properties->kind_name()),
                           e.properties->location);
      }
      // A DB instance of a cluster is backed up with its cluster, not by itself.
      if (e.type == "AWS::RDS::DBInstance" && e.properties != nullptr &&
          e.properties->find("DBClusterIdentifier") != nullptr) {
        continue;
      }
      if (const Node* condition = resource.value.find("Condition"); condition != nullptr) {
        if (!condition->is_scalar()) {
          return value_error(fmt::format("expected the name of a condition for the Condition of "
                                         "{}, found {}",
                                         e.id, condition->kind_name()),
                             condition->location);
        }
        auto truth = eval_.condition(s, condition->text, condition->location);
        if (!truth) return truth.error();
        if (truth->truth == Truth::no) continue;
        if (truth->truth == Truth::unknown) {
          e.exists_unknown =
              sentence(e, "", fmt::format("whether it is created is not known: {}", truth->reason));
        }
      }
      entity_index_.emplace(std::make_pair(s, e.id), entities_.size());
      entities_.push_back(std::move(e));
    }
  }
  return Ok{};
}

Status Builder::collect_aliases() {
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (e.type != "AWS::KMS::Alias") continue;
    SNAPKEY_ASSIGN_OR_RETURN(auto name_value, property(e, "AliasName"));
    std::string unknown;
    auto name = text(e, "AliasName", &name_value, unknown);
    if (!name) return name.error();
    if (!*name) continue;  // an alias whose name is not known cannot be referred to by name
    if (!name->value().starts_with("alias/") || name->value().starts_with("alias/aws/")) {
      return value_error(
          fmt::format("expected an alias name that starts with alias/ (and not alias/aws/, "
                      "which AWS reserves) for AliasName, found '{}'",
                      **name),
          name_value.location);
    }
    auto target = property(e, "TargetKeyId");
    if (!target) return target.error();
    const std::vector<Symbol> symbols =
        target->is_text() ? target->symbols() : std::vector<Symbol>{};
    const Entity* key = symbols.size() == 1 ? entity_of(symbols.front()) : nullptr;
    if (key == nullptr || !is_key(*key)) {
      if (key != nullptr) {
        return value_error(fmt::format("expected a KMS key for TargetKeyId, found a reference to "
                                       "{} ({})",
                                       key->id, key->type),
                           target->location);
      }
      outside_aliases_.emplace_back(i, **name);
      continue;
    }
    if (stack_of(*key).region != stack_of(e).region ||
        stack_of(*key).account != stack_of(e).account) {
      return value_error(
          fmt::format("alias {} is in {} {} but its target key {} is in {} {}; an "
                      "alias names a key of its own account and Region",
                      **name, stack_of(e).account.value, stack_of(e).region.name, key->id,
                      stack_of(*key).account.value, stack_of(*key).region.name),
          target->location);
    }
    entities_[entity_index_.at({key->stack, key->id})].aliases.push_back(**name);
  }
  return Ok{};
}

Status Builder::name_entities() {
  for (Entity& e : entities_) {
    const Stack& stack = stack_of(e);
    const std::string prefix =
        fmt::format("arn:{}:{}:{}:{}", partition_of(stack.region), is_vault(e) ? "backup" : "rds",
                    stack.region.name, stack.account.value);
    if (is_key(e)) {
      std::sort(e.aliases.begin(), e.aliases.end());
      e.name = e.aliases.empty() ? e.id : e.aliases.front().substr(6);
    } else if (is_database(e) || is_vault(e)) {
      auto name = eval_.physical_name(e.stack, e.id);
      if (!name) return name.error();
      e.name = name->name;
      const bool instance = e.type == "AWS::RDS::DBInstance";
      // A generated name is not known until the stack is deployed: "<LogicalId>" in its place
      // (as the Terraform reader's "<address>"), which matches no real ARN.
      e.arn = fmt::format("{}:{}{}", prefix,
                          is_vault(e) ? "backup-vault:" : (instance ? "db:" : "cluster:"),
                          name->generated ? "<" + e.id + ">" : e.name);
    } else if (e.type == "AWS::Backup::BackupPlan") {
      e.name = e.id;
      SNAPKEY_ASSIGN_OR_RETURN(auto plan, property(e, "BackupPlan"));
      const Value* name = plan.find("BackupPlanName");
      if (name != nullptr && name->is_literal() && !name->text().empty()) e.name = name->text();
    }
  }
  return Ok{};
}

// Names must be unique within a kind: qualify the ones that collide with their Region, then
// with their stack.
Status Builder::qualify_names() {
  for (const auto& qualifier :
       {+[](const Stack& s) { return s.region.name; }, +[](const Stack& s) { return s.name; }}) {
    std::map<std::pair<Kind, std::string>, int> count;
    for (const Entity& e : entities_) ++count[{kind_of(e.type), e.name}];
    for (Entity& e : entities_) {
      const Kind kind = kind_of(e.type);
      if (kind != Kind::other && count[{kind, e.name}] > 1) {
        e.name = fmt::format("{}/{}", qualifier(stack_of(e)), e.name);
      }
    }
  }
  return Ok{};
}

// --- reading properties -----------------------------------------------------------------------

Result<Value> Builder::property(const Entity& e, std::string_view name) {
  const Node* node = e.properties == nullptr ? nullptr : e.properties->find(name);
  if (node == nullptr) return Value{};
  return eval_.eval(e.stack, *node);
}

Result<std::optional<bool>> Builder::boolean(const Entity& e, std::string_view path,
                                             const Value* value, std::string& unknown) {
  if (value == nullptr || value->is_absent()) return std::optional<bool>();
  if (value->is_unknown()) {
    unknown = sentence(e, path, value->reason);
    return std::optional<bool>();
  }
  std::string word = value->is_literal() ? value->text() : "";
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (word == "true" || word == "false") return std::optional<bool>(word == "true");
  if (value->is_text() && !value->is_literal()) {
    unknown = sentence(e, path,
                       fmt::format("'{}' is known only when the stack is deployed", value->text()));
    return std::optional<bool>();
  }
  return value_error(fmt::format("expected true or false for {}, found {}", path,
                                 value->is_text() ? fmt::format("'{}'", value->text())
                                                  : std::string(value->kind_name())),
                     value->location);
}

Result<std::optional<std::string>> Builder::text(const Entity& e, std::string_view path,
                                                 const Value* value, std::string& unknown) {
  if (value == nullptr || value->is_absent()) return std::optional<std::string>();
  if (value->is_unknown()) {
    unknown = sentence(e, path, value->reason);
    return std::optional<std::string>();
  }
  if (!value->is_text()) {
    return value_error(fmt::format("expected a string for {}, found {}", path, value->kind_name()),
                       value->location);
  }
  if (!value->is_literal()) {
    unknown = sentence(e, path,
                       fmt::format("'{}' is known only when the stack is deployed", value->text()));
    return std::optional<std::string>();
  }
  return std::optional<std::string>(value->text());
}

const Entity* Builder::entity_of(const Symbol& symbol) const {
  const auto it = entity_index_.find({symbol.stack, symbol.logical_id});
  return it == entity_index_.end() ? nullptr : &entities_[it->second];
}

// --- references ---------------------------------------------------------------------------------

namespace {

// Why a symbol that is not a thing snapkey reads cannot be resolved.
std::string opaque(const Value& value) {
  return fmt::format("'{}' is known only when the stack is deployed", value.text());
}

}  // namespace

Result<Builder::Reference> Builder::key_ref(const Entity& user, std::string_view path,
                                            const Value& value) {
  if (value.is_absent()) return Reference{};
  if (value.is_unknown()) return Reference{"", sentence(user, path, value.reason)};
  if (!value.is_text()) {
    return value_error(fmt::format("expected a KMS key (key id, key ARN, alias name or alias ARN) "
                                   "for {}, found {}",
                                   path, value.kind_name()),
                       value.location);
  }
  const std::vector<Symbol> symbols = value.symbols();
  if (symbols.empty()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto ref, literal_key(value.text(), user, value.location, path));
    return Reference{ref, ""};
  }
  const Entity* target = symbols.size() == 1 ? entity_of(symbols.front()) : nullptr;
  if (target == nullptr) return Reference{"", sentence(user, path, opaque(value))};
  if (!is_key(*target)) {
    return value_error(fmt::format("expected a KMS key for {}, found a reference to {} ({})", path,
                                   target->id, target->type),
                       value.location);
  }
  return Reference{target->name, ""};
}

Result<std::string> Builder::literal_key(const std::string& ref, const Entity& user,
                                         const Location& where, std::string_view path) {
  const Stack& stack = stack_of(user);
  Key key;
  key.region = stack.region;
  key.account = stack.account;
  key.manager = KeyManager::unknown;
  key.state = KeyState::unknown;
  key.location = where;
  key.generated_name = true;
  std::string alias;
  std::string returned = ref;
  if (ref.starts_with("arn:")) {
    auto arn = parse_arn(ref);
    if (!arn || !(is_kms_key_arn(*arn) || is_kms_alias_arn(*arn))) {
      return value_error(
          fmt::format("expected a KMS key ARN or alias ARN for {}, found '{}'", path, ref), where);
    }
    key.region = Region{arn->region};
    key.account = AccountId{arn->account};
    if (is_kms_key_arn(*arn)) {
      key.arn = ref;
    } else {
      alias = arn->resource;
    }
  } else if (ref.starts_with("alias/")) {
    alias = ref;
  } else if (is_key_id(ref)) {
    key.arn = fmt::format("arn:{}:kms:{}:{}:key/{}", partition_of(stack.region), stack.region.name,
                          stack.account.value, ref);
    returned = key.arn;
  } else {
    return value_error(fmt::format("expected a KMS key (key id, key ARN, alias name or alias ARN) "
                                   "for {}, found '{}'",
                                   path, ref),
                       where);
  }
  if (alias.starts_with("alias/aws/")) return returned;  // AWS managed: Model::build adds it
  const bool known = std::any_of(out_.keys.begin(), out_.keys.end(), [&](const Key& k) {
    if (!key.arn.empty()) return k.arn == key.arn;
    return k.account == key.account && k.region == key.region &&
           std::find(k.aliases.begin(), k.aliases.end(), alias) != k.aliases.end();
  });
  if (known) return returned;
  if (!alias.empty()) key.aliases.push_back(alias);
  add_outside_key(std::move(key));
  return returned;
}

std::string Builder::unique_key_name(const std::string& wanted, const Key& key) const {
  auto taken = [&](const std::string& name) {
    return std::any_of(out_.keys.begin(), out_.keys.end(),
                       [&](const Key& k) { return k.name == name; }) ||
           std::any_of(entities_.begin(), entities_.end(),
                       [&](const Entity& e) { return is_key(e) && e.name == name; });
  };
  if (!taken(wanted)) return wanted;
  return fmt::format("{}@{}:{}", wanted, key.region.name, key.account.value);
}

std::string Builder::add_outside_key(Key key) {
  const std::string wanted = !key.aliases.empty()    ? key.aliases.front().substr(6)
                             : !key.key_id().empty() ? key.key_id()
                                                     : key.arn;
  key.name = unique_key_name(wanted, key);
  out_.keys.push_back(std::move(key));
  return out_.keys.back().name;
}

Result<Builder::Reference> Builder::vault_ref(const Entity& user, std::string_view path,
                                              const Value& value, bool by_name,
                                              VaultType outside_type) {
  if (value.is_absent()) return Reference{};
  if (value.is_unknown()) return Reference{"", sentence(user, path, value.reason)};
  const std::string_view expected = by_name ? "a backup vault name" : "a backup vault ARN";
  if (!value.is_text()) {
    return value_error(
        fmt::format("expected {} for {}, found {}", expected, path, value.kind_name()),
        value.location);
  }
  const std::vector<Symbol> symbols = value.symbols();
  if (!symbols.empty()) {
    const Entity* target = symbols.size() == 1 ? entity_of(symbols.front()) : nullptr;
    if (target == nullptr) return Reference{"", sentence(user, path, opaque(value))};
    if (!is_vault(*target)) {
      return value_error(fmt::format("expected {} for {}, found a reference to {} ({})", expected,
                                     path, target->id, target->type),
                         value.location);
    }
    return Reference{target->arn, ""};
  }
  const Stack& stack = stack_of(user);
  std::string text = value.text();
  if (by_name && text.starts_with("arn:")) {
    return value_error(
        fmt::format("expected a backup vault name (not an ARN) for {}, found '{}'", path, text),
        value.location);
  }
  if (by_name) {
    text = fmt::format("arn:{}:backup:{}:{}:backup-vault:{}", partition_of(stack.region),
                       stack.region.name, stack.account.value, text);
  }
  auto arn = parse_arn(text);
  if (!arn || arn->service != "backup" || !arn->resource.starts_with("backup-vault:") ||
      arn->resource.size() == 13) {
    return value_error(fmt::format("expected {} for {}, found '{}'", expected, path, value.text()),
                       value.location);
  }
  const bool created = std::any_of(entities_.begin(), entities_.end(),
                                   [&](const Entity& e) { return is_vault(e) && e.arn == text; });
  if (!created) outside_vault(*arn, value.location, outside_type);
  return Reference{text, ""};
}

std::string Builder::outside_vault(const Arn& arn, const Location& where, VaultType type) {
  const std::string text = arn.to_string();
  for (Vault& vault : out_.vaults) {
    if (vault.arn != text) continue;
    // Named by a rule's air-gapped target, a vault the templates do not create is one (R42).
    if (type != VaultType::standard) vault.type = type;
    return vault.name;
  }
  Vault vault;
  vault.arn = text;
  vault.type = type;
  vault.name = vault.vault_name();
  auto taken = [&](const std::string& name) {
    return std::any_of(out_.vaults.begin(), out_.vaults.end(),
                       [&](const Vault& v) { return v.name == name; }) ||
           std::any_of(entities_.begin(), entities_.end(),
                       [&](const Entity& e) { return is_vault(e) && e.name == name; });
  };
  if (taken(vault.name)) vault.name = fmt::format("{}/{}", arn.region, vault.name);
  if (taken(vault.name)) vault.name = fmt::format("{}/{}", arn.account, vault.name);
  vault.key_unknown =
      fmt::format("vault {} ({}) is not created by the templates given, so its key is not known",
                  vault.vault_name(), text);
  vault.allows_copy_from = std::nullopt;
  vault.location = where;
  vault.generated_name = true;
  out_.vaults.push_back(std::move(vault));
  return out_.vaults.back().name;
}

// --- the two passes --------------------------------------------------------------------------

Result<ModelInput> Builder::build() {
  for (auto step : {&Builder::collect, &Builder::collect_aliases, &Builder::name_entities,
                    &Builder::qualify_names}) {
    SNAPKEY_RETURN_IF_ERROR((this->*step)());
  }
  // Keys first: every other reader refers to them.
  for (const Entity& e : entities_) {
    if (e.type == "AWS::KMS::Key") {
      SNAPKEY_RETURN_IF_ERROR(read_key(e));
    }
  }
  for (const Entity& e : entities_) {
    if (e.type == "AWS::KMS::ReplicaKey") {
      SNAPKEY_RETURN_IF_ERROR(read_replica_key(e));
    }
  }
  for (const auto& [index, alias] : outside_aliases_) {
    SNAPKEY_RETURN_IF_ERROR(read_alias_target(entities_[index], alias));
  }
  for (const Entity& e : entities_) {
    Status s = Ok{};
    if (is_database(e)) s = read_database(e);
    if (is_vault(e)) s = read_vault(e);
    if (e.type == "AWS::Backup::BackupPlan") s = read_plan(e);
    if (!s) return s.error();
  }
  SNAPKEY_RETURN_IF_ERROR(resolve_sources());
  for (const Entity& e : entities_) {
    if (e.type == "AWS::Backup::BackupSelection") {
      SNAPKEY_RETURN_IF_ERROR(read_selection(e));
    }
  }
  SNAPKEY_RETURN_IF_ERROR(read_suppressions());
  sort_by_name(out_.keys);
  sort_by_name(out_.resources);
  sort_by_name(out_.vaults);
  sort_by_name(out_.plans);
  return std::move(out_);
}

}  // namespace snapkey::io::cloudformation
