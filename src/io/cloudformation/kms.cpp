// AWS::KMS::Key, AWS::KMS::ReplicaKey and AWS::KMS::Alias as model keys.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kms-key.html
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "io/cloudformation/build.hpp"
#include "io/cloudformation/policy.hpp"

namespace snapkey::io::cloudformation {
namespace {

Key key_of(const Entity& e, const Stack& stack) {
  Key key;
  key.name = e.name;
  key.region = stack.region;
  key.account = stack.account;
  key.aliases = e.aliases;
  key.manager = KeyManager::customer;
  key.location = e.location;
  key.address = e.id;
  key.generated_name = true;
  return key;
}

}  // namespace

Status Builder::shared_with(const Entity& e, Key& key) {
  auto policy = property(e, "KeyPolicy");
  if (!policy) return policy.error();
  if (policy->is_absent()) return Ok{};  // the default key policy: the key's own account only
  auto who = policy_principals(eval_, e.stack, *policy, "kms:Decrypt", stack_of(e).account.value);
  if (!who) return who.error();
  key.shared_with = std::move(who->accounts);
  // A principal that is not known stays not known: who else may use the key is then not known.
  if (!who->unknown.empty())
    key.shared_with_unknown = fmt::format("{} KeyPolicy: {}", e.id, who->unknown);
  return Ok{};
}

// Enabled: false -> Disabled; an Enabled that is not known -> KeyState::unknown.
Result<KeyState> Builder::key_state(const Entity& e) {
  auto enabled = property(e, "Enabled");
  if (!enabled) return enabled.error();
  std::string unknown;
  SNAPKEY_ASSIGN_OR_RETURN(auto flag, boolean(e, "Enabled", &*enabled, unknown));
  if (!unknown.empty()) return KeyState::unknown;
  return flag.value_or(true) ? KeyState::enabled : KeyState::disabled;
}

Status Builder::read_key(const Entity& e) {
  Key key = key_of(e, stack_of(e));
  auto multi_region = property(e, "MultiRegion");
  if (!multi_region) return multi_region.error();
  std::string unknown;
  SNAPKEY_ASSIGN_OR_RETURN(auto is_multi_region,
                           boolean(e, "MultiRegion", &*multi_region, unknown));
  // Not known: single-Region unless a replica of the templates names it (read_replica_key).
  key.multi_region = is_multi_region.value_or(false) ? MultiRegion::primary : MultiRegion::none;
  auto state = key_state(e);
  if (!state) return state.error();
  key.state = *state;
  SNAPKEY_RETURN_IF_ERROR(shared_with(e, key));
  // KeySpec and KeyUsage: what kind of key it is. Absent, or not known (the model has no "not
  // known" for them): CreateKey's default, a symmetric encryption key.
  for (auto [name, field] : {std::pair{"KeySpec", &key.spec}, std::pair{"KeyUsage", &key.usage}}) {
    SNAPKEY_ASSIGN_OR_RETURN(auto value, property(e, name));
    std::string unknown;
    SNAPKEY_ASSIGN_OR_RETURN(auto text_value, text(e, name, &value, unknown));
    *field = text_value.value_or("");
  }
  out_.keys.push_back(std::move(key));
  return Ok{};
}

Status Builder::read_replica_key(const Entity& e) {
  const Stack& stack = stack_of(e);
  Key key = key_of(e, stack);
  key.multi_region = MultiRegion::replica;
  auto state = key_state(e);
  if (!state) return state.error();
  key.state = *state;
  SNAPKEY_RETURN_IF_ERROR(shared_with(e, key));
  auto primary = property(e, "PrimaryKeyArn");
  if (!primary) return primary.error();
  if (primary->is_absent()) {
    return value_error(fmt::format("replica key {} has no PrimaryKeyArn", e.id), e.location);
  }
  const std::vector<Symbol> symbols =
      primary->is_text() ? primary->symbols() : std::vector<Symbol>{};
  const Entity* target = symbols.size() == 1 ? entity_of(symbols.front()) : nullptr;
  if (target != nullptr) {
    if (target->type != "AWS::KMS::Key") {
      return value_error(fmt::format("expected a multi-Region primary key for PrimaryKeyArn, "
                                     "found a reference to {} ({})",
                                     target->id, target->type),
                         primary->location);
    }
    auto found = std::find_if(out_.keys.begin(), out_.keys.end(),
                              [&](const Key& k) { return k.name == target->name; });
    if (found->multi_region == MultiRegion::none) {
      SNAPKEY_ASSIGN_OR_RETURN(auto flag, property(*target, "MultiRegion"));
      std::string unknown;
      auto multi = boolean(*target, "MultiRegion", &flag, unknown);
      if (!multi) return multi.error();
      if (unknown.empty()) {
        return value_error(fmt::format("replica key {} names {} as its primary, but {} is not a "
                                       "multi-Region key (MultiRegion: true)",
                                       e.id, target->id, target->id),
                           primary->location);
      }
      found->multi_region = MultiRegion::primary;  // a replica proves it
    }
    key.primary = target->name;
    key.spec = found->spec;  // a replica is the same kind of key as its primary
    key.usage = found->usage;
  } else if (primary->is_literal()) {
    auto arn = parse_arn(primary->text());
    if (!arn || !is_kms_key_arn(*arn) || !is_multi_region_key_id(arn->resource.substr(4))) {
      return value_error(fmt::format("expected the ARN of a multi-Region key (key/mrk-...) for "
                                     "PrimaryKeyArn, found '{}'",
                                     primary->text()),
                         primary->location);
    }
    // A replica shares its primary's key id.
    key.arn = fmt::format("arn:{}:kms:{}:{}:{}", partition_of(stack.region), stack.region.name,
                          arn->account, arn->resource);
    key.primary = primary->text();
    const bool known = std::any_of(out_.keys.begin(), out_.keys.end(),
                                   [&](const Key& k) { return k.arn == key.primary; });
    if (!known) {
      Key outside;
      outside.arn = key.primary;
      outside.region = Region{arn->region};
      outside.account = AccountId{arn->account};
      outside.multi_region = MultiRegion::primary;  // only a multi-Region primary has replicas
      outside.state = KeyState::unknown;
      outside.location = primary->location;
      outside.generated_name = true;
      add_outside_key(std::move(outside));
    }
  } else {
    // The primary is not known. Model::build needs one: a stand-in whose state is not known,
    // customer managed and multi-Region as every primary is.
    Key stand_in;
    stand_in.region = stack.region;
    stand_in.account = stack.account;
    stand_in.multi_region = MultiRegion::primary;
    stand_in.state = KeyState::unknown;
    stand_in.location = primary->location;
    stand_in.address = e.id;
    stand_in.generated_name = true;
    stand_in.name = unique_key_name(fmt::format("{} primary (not known)", key.name), stand_in);
    key.primary = stand_in.name;
    out_.keys.push_back(std::move(stand_in));
  }
  out_.keys.push_back(std::move(key));
  return Ok{};
}

// An alias whose target is not a key of the templates: a key known by id or ARN, or not known.
Status Builder::read_alias_target(const Entity& e, const std::string& alias) {
  const Stack& stack = stack_of(e);
  SNAPKEY_ASSIGN_OR_RETURN(auto target, property(e, "TargetKeyId"));
  if (target.is_absent()) {
    return value_error(fmt::format("alias {} has no TargetKeyId", e.id), e.location);
  }
  if (target.is_literal()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto ref,
                             literal_key(target.text(), e, target.location, "TargetKeyId"));
    for (Key& key : out_.keys) {
      if (!key.arn.empty() && key.arn == ref) key.aliases.push_back(alias);
    }
    return Ok{};
  }
  const bool known = std::any_of(out_.keys.begin(), out_.keys.end(), [&](const Key& k) {
    return k.account == stack.account && k.region == stack.region &&
           std::find(k.aliases.begin(), k.aliases.end(), alias) != k.aliases.end();
  });
  if (known) return Ok{};
  Key key;
  key.region = stack.region;
  key.account = stack.account;
  key.aliases = {alias};
  key.manager = KeyManager::unknown;
  key.state = KeyState::unknown;
  key.location = e.location;
  key.address = e.id;
  key.generated_name = true;
  add_outside_key(std::move(key));
  return Ok{};
}

}  // namespace snapkey::io::cloudformation
