// Builder: KMS keys (aws_kms_key, aws_kms_replica_key, data.aws_kms_key), aliases (aws_kms_alias,
// data.aws_kms_alias), and where a key argument of another resource leads.
#include <fmt/format.h>

#include <algorithm>

#include "io/terraform/build.hpp"
#include "io/terraform/policy.hpp"
#include "snapkey/key_ref.hpp"

namespace snapkey::io::terraform {
namespace {

// How an alias is told apart from the same alias in another account or Region (KeyRef's rule).
std::string alias_in(const AccountId& account, const Region& region, std::string_view alias) {
  return KeyRef{KeyRefKind::alias, std::string(alias), account, region}.scoped();
}

bool aws_alias(std::string_view alias) { return alias.starts_with("alias/aws/"); }

// A known string attribute, or nullopt. Errors: E_JSON_TYPE.
Result<std::optional<std::string>> known_string(const Instance& instance, std::string_view name) {
  const Value value = instance[name];
  if (!value.known()) return std::optional<std::string>();
  SNAPKEY_ASSIGN_OR_RETURN(auto text, value.string());
  return std::optional<std::string>(std::move(text));
}

Key key_at(const Instance& instance) {
  Key key;
  key.region = instance.region;
  key.account = instance.account;
  key.address = instance.address;
  key.location = instance.location;
  key.generated_name = true;
  return key;
}

}  // namespace

std::string unknown_until_apply(std::string_view address, std::string_view attribute,
                                std::string_view why) {
  return fmt::format("{}: {} is known only after apply, and {}", address, attribute, why);
}

Result<std::optional<bool>> flag(const PlanFile& plan, const Instance& instance, const Value& value,
                                 const JsonValue& expression, std::string_view attribute,
                                 bool fallback, std::string& why) {
  if (value.known()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto b, value.boolean());
    return std::optional<bool>(b);
  }
  if (value.absent() || expression.is_missing()) return std::optional<bool>(fallback);
  const Resolved r = plan.resolve(expression, instance);
  if (r.kind == Resolved::Kind::constant) {
    if (r.constant.is_null()) return std::optional<bool>(fallback);
    bool b = false;
    if (r.constant.element().get_bool().get(b) == simdjson::SUCCESS) return std::optional<bool>(b);
  }
  why = unknown_until_apply(instance.address, attribute,
                            r.kind == Resolved::Kind::unresolvable
                                ? r.why
                                : fmt::format("{} is not true or false", r.subject));
  return std::optional<bool>();
}

// ---------------------------------------------------------------------------------------------
// The key registry

std::size_t Builder::add_key(Key key, const Instance* instance) {
  const std::size_t index = keys_.size();
  if (!key.arn.empty()) key_by_arn_.emplace(key.arn, index);
  for (const std::string& alias : key.aliases) {
    key_by_alias_.emplace(alias_in(key.account, key.region, alias), index);
  }
  if (instance != nullptr) key_of_instance_[instance] = index;
  keys_.push_back(KeyEntry{std::move(key), "", std::nullopt});
  return index;
}

std::optional<std::size_t> Builder::key_with_id(const std::string& id, const AccountId& account,
                                                const Region& region) const {
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    const Key& key = keys_[i].key;
    if (key.account == account && key.region == region && key.key_id() == id) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> Builder::key_for_arn(const Arn& arn, const std::string& text,
                                                const Location& location,
                                                MultiRegion multi_region) {
  if (auto it = key_by_arn_.find(text); it != key_by_arn_.end()) return it->second;
  const std::string id = arn.resource.substr(4);
  if (is_multi_region_key_id(id) && multi_region == MultiRegion::none) return std::nullopt;
  Key key;
  key.arn = text;
  key.region = Region{arn.region};
  key.account = AccountId{arn.account};
  // Only customers make multi-Region keys; otherwise nothing says who manages it.
  key.manager = multi_region == MultiRegion::none ? KeyManager::unknown : KeyManager::customer;
  key.multi_region = multi_region;
  key.state = KeyState::unknown;
  key.location = location;
  key.generated_name = true;
  return add_key(std::move(key), nullptr);
}

std::size_t Builder::key_for_alias(const std::string& alias, const AccountId& account,
                                   const Region& region, const Location& location) {
  if (auto it = key_by_alias_.find(alias_in(account, region, alias)); it != key_by_alias_.end()) {
    return it->second;
  }
  Key key;
  key.region = region;
  key.account = account;
  key.aliases = {alias};
  key.manager = aws_alias(alias) ? KeyManager::aws : KeyManager::unknown;
  key.state = aws_alias(alias) ? KeyState::enabled : KeyState::unknown;
  key.location = location;
  key.generated_name = true;
  return add_key(std::move(key), nullptr);
}

// ---------------------------------------------------------------------------------------------
// The key resources

Status Builder::keys() {
  for (const Instance* instance : plan_.of(false, "aws_kms_key")) {
    SNAPKEY_RETURN_IF_ERROR(managed_key(*instance));
  }
  for (const Instance* instance : plan_.of(true, "aws_kms_key")) {
    SNAPKEY_RETURN_IF_ERROR(data_key(*instance));
  }
  for (const Instance* instance : plan_.of(false, "aws_kms_replica_key")) {
    SNAPKEY_RETURN_IF_ERROR(replica_key(*instance));
  }
  for (const Instance* instance : plan_.of(true, "aws_kms_alias")) {
    SNAPKEY_RETURN_IF_ERROR(data_alias(*instance));
  }
  for (const Instance* instance : plan_.of(false, "aws_kms_alias")) {
    SNAPKEY_RETURN_IF_ERROR(alias(*instance));
  }
  // A replica is the same kind of key as its primary.
  for (KeyEntry& entry : keys_) {
    if (!entry.primary) continue;
    const Key& primary = keys_[*entry.primary].key;
    if (entry.key.spec.empty()) entry.key.spec = primary.spec;
    if (entry.key.usage.empty()) entry.key.usage = primary.usage;
  }
  // A replica shares its primary's key id: a new replica of a key that exists has a known ARN.
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    Key& key = keys_[i].key;
    if (!key.arn.empty() || !keys_[i].primary) continue;
    const Key& primary = keys_[*keys_[i].primary].key;
    if (primary.arn.empty() || primary.account != key.account) continue;
    key.arn = fmt::format("arn:{}:kms:{}:{}:key/{}", partition_of(key.region), key.region.name,
                          key.account.value, primary.key_id());
    key_by_arn_.emplace(key.arn, i);
  }
  return Ok{};
}

Status Builder::key_policy(const Instance& instance, Key& key) {
  // An unknown policy (jsonencode of values known only after apply): who else may use the key is
  // not known.
  const Value policy = instance["policy"];
  if (policy.unknown()) {
    key.shared_with_unknown = fmt::format("{}: policy is known only after apply", instance.address);
    return Ok{};
  }
  if (!policy.known()) return Ok{};
  SNAPKEY_ASSIGN_OR_RETURN(auto text, policy.string());
  auto who = allowed_principals(text, "kms:Decrypt", key.account.value);
  if (!who) {
    return policy.json.error("E_TERRAFORM_VALUE",
                             fmt::format("{}: policy: {}", instance.address, who.error().message));
  }
  key.shared_with = std::move(*who);
  return Ok{};
}

namespace {

// A string argument: its known value, or the constant its expression leads to; "" when it is not
// set (the provider's default). nullopt when it is known only after apply, with `why` saying so.
Result<std::optional<std::string>> text_argument(const PlanFile& plan, const Instance& instance,
                                                 std::string_view attribute, std::string& why) {
  using Text = std::optional<std::string>;
  const Value value = instance[attribute];
  if (value.known()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto text, value.string());
    return Text(std::move(text));
  }
  const JsonValue expression = instance.expression(attribute);
  if (value.absent() || expression.is_missing()) return Text("");
  const Resolved r = plan.resolve(expression, instance);
  if (r.kind == Resolved::Kind::constant && r.constant.is_null()) return Text("");
  if (r.kind == Resolved::Kind::constant && r.constant.is_string()) {
    return Text(*r.constant.as_string());
  }
  why = unknown_until_apply(instance.address, attribute,
                            r.kind == Resolved::Kind::unresolvable
                                ? r.why
                                : fmt::format("{} is not a string", r.subject));
  return Text();
}

}  // namespace

Status Builder::key_spec(const Instance& instance, Key& key, std::string& why) const {
  // aws_kms_key calls KeySpec customer_master_key_spec (KMS's old name for it).
  for (std::string_view attribute : {"customer_master_key_spec", "key_spec"}) {
    auto spec = text_argument(plan_, instance, attribute, why);
    if (!spec) return spec.error();
    if (!*spec) return Ok{};
    if (key.spec.empty()) key.spec = **spec;
  }
  auto usage = text_argument(plan_, instance, "key_usage", why);
  if (!usage) return usage.error();
  if (*usage) key.usage = **usage;
  return Ok{};
}

Status Builder::managed_key(const Instance& instance) {
  Key key = key_at(instance);
  key.manager = KeyManager::customer;
  auto arn = known_string(instance, "arn");
  if (!arn) return arn.error();
  key.arn = arn->value_or("");
  std::string why;
  auto multi_region = flag(plan_, instance, instance["multi_region"],
                           instance.expression("multi_region"), "multi_region", false, why);
  if (!multi_region) return multi_region.error();
  key.multi_region = multi_region->value_or(false) ? MultiRegion::primary : MultiRegion::none;
  std::string enabled_why;
  auto enabled = flag(plan_, instance, instance["is_enabled"], instance.expression("is_enabled"),
                      "is_enabled", true, enabled_why);
  if (!enabled) return enabled.error();
  key.state = !*enabled ? KeyState::unknown : (**enabled ? KeyState::enabled : KeyState::disabled);
  SNAPKEY_RETURN_IF_ERROR(key_policy(instance, key));
  // multi_region, or what kind of key it is, not known: nothing can be said of the key.
  if (why.empty()) {
    SNAPKEY_RETURN_IF_ERROR(key_spec(instance, key, why));
  }
  const std::size_t entry = add_key(std::move(key), &instance);
  keys_[entry].unknown = why;
  return Ok{};
}

Status Builder::replica_key(const Instance& instance) {
  Key key = key_at(instance);
  key.manager = KeyManager::customer;
  key.multi_region = MultiRegion::replica;
  auto arn = known_string(instance, "arn");
  if (!arn) return arn.error();
  key.arn = arn->value_or("");
  std::string why;
  auto enabled = flag(plan_, instance, instance["enabled"], instance.expression("enabled"),
                      "enabled", true, why);
  if (!enabled) return enabled.error();
  key.state = !*enabled ? KeyState::unknown : (**enabled ? KeyState::enabled : KeyState::disabled);
  SNAPKEY_RETURN_IF_ERROR(key_policy(instance, key));

  const Value primary_arn = instance["primary_key_arn"];
  KeyTarget primary;
  if (primary_arn.known()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto text, primary_arn.string());
    auto parsed = parse_arn(text);
    if (!parsed || !is_kms_key_arn(*parsed)) {
      return primary_arn.json.error(
          "E_TERRAFORM_VALUE",
          fmt::format("expected the ARN of a multi-Region primary key at {}, found '{}'",
                      primary_arn.json.location().pointer, text));
    }
    primary =
        KeyTarget::of_entry(*key_for_arn(*parsed, text, instance.location, MultiRegion::primary));
  } else {
    SNAPKEY_ASSIGN_OR_RETURN(
        auto target, key_from(plan_.resolve(instance.expression("primary_key_arn"), instance),
                              instance, "primary_key_arn"));
    primary = target;
  }
  const std::size_t entry = add_key(std::move(key), &instance);
  if (primary.kind == KeyTarget::Kind::entry) {
    keys_[entry].primary = primary.entry;
  } else {
    keys_[entry].unknown =
        primary.kind == KeyTarget::Kind::unknown
            ? primary.why
            : fmt::format("{}: primary_key_arn does not name a multi-Region primary key",
                          instance.address);
  }
  return Ok{};
}

Status Builder::data_key(const Instance& instance) {
  Key key = key_at(instance);
  auto arn = known_string(instance, "arn");
  if (!arn) return arn.error();
  if (!*arn) {
    const std::size_t entry = add_key(std::move(key), &instance);
    keys_[entry].unknown = fmt::format(
        "{}: the key is read only during apply, so nothing is known of it yet", instance.address);
    return Ok{};
  }
  key.arn = **arn;
  auto manager = known_string(instance, "key_manager");
  if (!manager) return manager.error();
  key.manager = *manager == "AWS"        ? KeyManager::aws
                : *manager == "CUSTOMER" ? KeyManager::customer
                                         : KeyManager::unknown;
  auto state = known_string(instance, "key_state");
  if (!state) return state.error();
  key.state = KeyState::unknown;
  if (*state) {
    auto parsed = parse_key_state(**state);
    if (!parsed)
      return instance["key_state"].json.error("E_TERRAFORM_VALUE", parsed.error().message);
    key.state = *parsed;
  }
  std::optional<std::size_t> primary;
  if (auto configs = instance.values.blocks("multi_region_configuration");
      configs && !configs->empty()) {
    const Object& config = configs->front();
    auto type = config["multi_region_key_type"].string();
    key.multi_region = type && *type == "REPLICA" ? MultiRegion::replica : MultiRegion::primary;
    if (auto primaries = config.blocks("primary_key");
        key.multi_region == MultiRegion::replica && primaries && !primaries->empty()) {
      const Value primary_arn = primaries->front()["arn"];
      SNAPKEY_ASSIGN_OR_RETURN(auto text, primary_arn.string());
      auto parsed = parse_arn(text);
      if (!parsed) return primary_arn.json.error("E_TERRAFORM_VALUE", parsed.error().message);
      primary = key_for_arn(*parsed, text, instance.location, MultiRegion::primary);
    }
  }
  std::string spec_why;  // a data source's values are known once it is read
  SNAPKEY_RETURN_IF_ERROR(key_spec(instance, key, spec_why));
  SNAPKEY_ASSIGN_OR_RETURN(auto id, known_string(instance, "key_id"));
  if (id && (id)->starts_with("alias/")) key.aliases.push_back(*id);
  if (auto it = key_by_arn_.find(key.arn); it != key_by_arn_.end()) {  // described already
    key_of_instance_[&instance] = it->second;
    return Ok{};
  }
  const std::size_t entry = add_key(std::move(key), &instance);
  keys_[entry].primary = primary;
  return Ok{};
}

Status Builder::data_alias(const Instance& instance) {
  SNAPKEY_ASSIGN_OR_RETURN(auto name, known_string(instance, "name"));
  if (!name) return Ok{};
  SNAPKEY_ASSIGN_OR_RETURN(auto target, known_string(instance, "target_key_arn"));
  std::size_t entry = 0;
  if (target) {
    auto parsed = parse_arn(*target);
    if (!parsed) {
      return instance["target_key_arn"].json.error("E_TERRAFORM_VALUE", parsed.error().message);
    }
    auto found =
        key_for_arn(*parsed, *target, instance.location,
                    is_multi_region_key_id(parsed->resource.substr(4)) ? MultiRegion::primary
                                                                       : MultiRegion::none);
    if (!found) return Ok{};
    entry = *found;
    Key& key = keys_[entry].key;
    if (aws_alias(*name) && key.manager == KeyManager::unknown) {
      key.manager = KeyManager::aws;
      key.state = KeyState::enabled;
    }
    if (std::find(key.aliases.begin(), key.aliases.end(), *name) == key.aliases.end()) {
      key.aliases.push_back(*name);
      key_by_alias_.emplace(alias_in(key.account, key.region, *name), entry);
    }
  } else if (aws_alias(*name)) {
    entry = key_for_alias(*name, instance.account, instance.region, instance.location);
  } else {
    return Ok{};  // read only during apply: references to it stay unknown
  }
  if (keys_[entry].key.address.empty()) keys_[entry].key.address = instance.address;
  key_of_instance_[&instance] = entry;
  return Ok{};
}

Status Builder::alias(const Instance& instance) {
  SNAPKEY_ASSIGN_OR_RETURN(auto name, known_string(instance, "name"));
  if (!name) return Ok{};
  const Value target_id = instance["target_key_id"];
  KeyTarget target;
  if (target_id.known()) {
    auto t = key_from_text(target_id, instance.account, instance.region);
    if (!t) return t.error();
    target = *t;
  } else {
    SNAPKEY_ASSIGN_OR_RETURN(
        auto t, key_from(plan_.resolve(instance.expression("target_key_id"), instance), instance,
                         "target_key_id"));
    target = t;
  }
  alias_of_instance_[&instance] = target;
  if (target.kind != KeyTarget::Kind::entry) return Ok{};
  Key& key = keys_[target.entry].key;
  if (std::find(key.aliases.begin(), key.aliases.end(), *name) == key.aliases.end()) {
    key.aliases.push_back(*name);
  }
  key_by_alias_.emplace(alias_in(key.account, key.region, *name), target.entry);
  return Ok{};
}

// ---------------------------------------------------------------------------------------------
// Key arguments of other resources

Result<KeyTarget> Builder::key_from_text(const Value& value, const AccountId& account,
                                         const Region& region) {
  SNAPKEY_ASSIGN_OR_RETURN(auto text, value.string());
  const auto bad = [&](std::string_view detail) {
    return value.json.error(
        "E_TERRAFORM_VALUE",
        fmt::format("expected a KMS key ARN, alias ARN, key id or alias name at {}, found '{}'{}",
                    value.json.location().pointer, text, detail));
  };
  Arn arn;
  if (text.starts_with("arn:")) {
    auto parsed = parse_arn(text);
    if (!parsed) return bad(fmt::format(" ({})", parsed.error().message));
    if (parsed->service != "kms" || parsed->region.empty() || parsed->account.empty())
      return bad("");
    arn = *parsed;
  } else if (text.starts_with("alias/")) {
    arn = Arn{std::string(partition_of(region)), "kms", region.name, account.value, text};
  } else if (is_key_id(text)) {
    if (auto entry = key_with_id(text, account, region)) return KeyTarget::of_entry(*entry);
    arn = Arn{std::string(partition_of(region)), "kms", region.name, account.value, "key/" + text};
  } else {
    return bad("");
  }
  if (arn.resource.starts_with("alias/")) {
    if (aws_alias(arn.resource)) return KeyTarget::of_text(text);
    return KeyTarget::of_entry(key_for_alias(arn.resource, AccountId{arn.account},
                                             Region{arn.region}, value.json.location()));
  }
  if (!is_kms_key_arn(arn)) return bad("");
  const std::string full = arn.to_string();
  if (auto entry = key_for_arn(arn, full, value.json.location(), MultiRegion::none)) {
    return KeyTarget::of_entry(*entry);
  }
  return KeyTarget::unknown(fmt::format(
      "the multi-Region key {} is not in the plan, so whether it is a primary or a replica is "
      "not known",
      full));
}

Result<KeyTarget> Builder::key_from(const Resolved& resolved, const Instance& instance,
                                    std::string_view attribute) {
  switch (resolved.kind) {
    case Resolved::Kind::unresolvable:
      return KeyTarget::unknown(unknown_until_apply(instance.address, attribute, resolved.why));
    case Resolved::Kind::constant: {
      if (resolved.constant.is_null()) return KeyTarget{};
      Value value;
      value.state = Value::State::known;
      value.json = resolved.constant;
      return key_from_text(value, instance.account, instance.region);
    }
    case Resolved::Kind::attribute:
      break;
  }
  const Instance& target = *resolved.instance;
  const std::string& what = resolved.attribute;
  const bool names_key = what.empty() || what == "arn" || what == "key_id" || what == "id";
  if ((target.is(false, "aws_kms_key") || target.is(false, "aws_kms_replica_key") ||
       target.is(true, "aws_kms_key")) &&
      names_key) {
    return KeyTarget::of_entry(key_of_instance_.at(&target));
  }
  if (target.is(false, "aws_kms_alias") && alias_of_instance_.contains(&target)) {
    return alias_of_instance_.at(&target);
  }
  if (target.is(true, "aws_kms_alias")) {
    if (auto it = key_of_instance_.find(&target); it != key_of_instance_.end()) {
      return KeyTarget::of_entry(it->second);
    }
    return KeyTarget::unknown(unknown_until_apply(
        instance.address, attribute,
        fmt::format("{} refers to {}, whose key the plan does not describe (read only during "
                    "apply)",
                    resolved.subject, target.address)));
  }
  return KeyTarget::unknown(unknown_until_apply(
      instance.address, attribute,
      fmt::format("{} refers to {}{}{}, which is not a KMS key this reader knows", resolved.subject,
                  target.address, what.empty() ? "" : ".", what)));
}

Result<KeyTarget> Builder::key_target(const Instance& instance, std::string_view attribute,
                                      std::string_view fallback, std::string_view learn) {
  const Value value = instance[attribute];
  const KeyTarget by_default =
      fallback.empty() ? KeyTarget{} : KeyTarget::of_text(std::string(fallback));
  if (instance.expression(attribute).is_missing()) {
    // Not configured: the default key. An existing resource shows its ARN: a key the plan
    // describes is taken as it is; otherwise the ARN is the default key's.
    if (!value.known()) return by_default;
    SNAPKEY_ASSIGN_OR_RETURN(auto text, value.string());
    if (auto it = key_by_arn_.find(text); it != key_by_arn_.end())
      return KeyTarget::of_entry(it->second);
    auto arn = parse_arn(text);
    if (!learn.empty() && arn && is_kms_key_arn(*arn)) {
      const std::size_t entry =
          key_for_alias(std::string(learn), instance.account, instance.region, instance.location);
      if (keys_[entry].key.arn.empty()) {
        keys_[entry].key.arn = text;
        key_by_arn_.emplace(text, entry);
      }
    }
    return by_default;
  }
  if (value.known()) return key_from_text(value, instance.account, instance.region);
  if (value.absent()) return by_default;
  auto target =
      key_from(plan_.resolve(instance.expression(attribute), instance), instance, attribute);
  if (!target) return target.error();
  return target->kind == KeyTarget::Kind::none ? by_default : *target;
}

}  // namespace snapkey::io::terraform
