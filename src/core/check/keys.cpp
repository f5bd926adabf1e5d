// Checks on the key a recovery point depends on: KEY_NOT_ENABLED, COPY_SHARES_SOURCE_KEY,
// KEY_NOT_ALLOWED.
#include <fmt/format.h>

#include <algorithm>

#include "core/check/context.hpp"

namespace snapkey::detail {
namespace {

bool encrypted(const Prediction& p) { return p.outcome == Outcome::encrypted && p.key; }

// --- KEY_NOT_ENABLED (R26, R27, R28)

std::string state_consequence(KeyState state) {
  switch (state) {
    case KeyState::pending_deletion:
    case KeyState::pending_replica_deletion:
      return "it cannot be copied or restored now, and once the key is deleted it can never be "
             "decrypted again (R26)";
    default:
      return "it cannot be copied or restored while the key is not Enabled (R26, R27)";
  }
}

std::string state_fix(const std::string& name, KeyState state) {
  switch (state) {
    case KeyState::disabled:
      return fmt::format("Enable key {} (kms:EnableKey).", name);
    case KeyState::pending_deletion:
    case KeyState::pending_replica_deletion:
      return fmt::format("Cancel the deletion of key {} (kms:CancelKeyDeletion), then enable it.",
                         name);
    case KeyState::pending_import:
      return fmt::format("Import the key material of key {} again.", name);
    case KeyState::unavailable:
      return fmt::format("Reconnect the custom key store of key {}.", name);
    default:
      return fmt::format("Wait until key {} is Enabled, and check it again.", name);
  }
}

Finding key_not_enabled(const CheckContext& ctx, const Prediction& p) {
  Finding f = ctx.about(kKeyNotEnabled, p);
  f.message = fmt::format("{} is encrypted with {}, whose state is {}: {}.",
                          capitalized(describe_operation(ctx, p)), describe_key(*p.key),
                          to_string(p.key->state), state_consequence(p.key->state));
  f.fix = state_fix(describe_key(*p.key), p.key->state);
  f.rules = {"R26"};
  if (p.key->multi_region != MultiRegion::none) f.rules.push_back("R28");
  return f;
}

// A job that fails because of a key's state: the whole design depends on that key, so the finding
// is KEY_NOT_ENABLED rather than JOB_FAILS (core/check/outcomes.cpp leaves it out).
Finding blocked_by_key(const CheckContext& ctx, const Prediction& p, const BlockingKey& key) {
  Finding f = ctx.about(kKeyNotEnabled, p);
  const bool deleting =
      key.state == KeyState::pending_deletion || key.state == KeyState::pending_replica_deletion;
  f.message = fmt::format(
      "{} is predicted to fail: it depends on {}, whose state is {}. No recovery point encrypted "
      "with that key can be made, copied or restored {} ({}).{}",
      capitalized(describe_operation(ctx, p)), key.key, to_string(key.state),
      deleting ? "now, and once the key is deleted none can ever be decrypted again"
               : "while it is not Enabled",
      p.rules.back(), p.aws_error ? fmt::format(" AWS reports: \"{}\".", *p.aws_error) : "");
  f.fix = state_fix(key.key, key.state);
  f.rules = {p.rules.back()};
  if (std::find(p.rules.begin(), p.rules.end(), "R28") != p.rules.end()) f.rules.push_back("R28");
  return f;
}

// --- COPY_SHARES_SOURCE_KEY (R7, R11, R26, U-8)

bool same_key(const Key& a, const Key& b) {
  return !a.arn.empty() || !b.arn.empty() ? a.arn == b.arn : a.name == b.name;
}

// Keys that customers can disable or delete: AWS managed and AWS owned keys never change (R29).
bool can_be_lost(const Key& key) {
  return key.manager == KeyManager::customer || key.manager == KeyManager::unknown;
}

Finding shares_source_key(const CheckContext& ctx, const Prediction& p, const Prediction& parent) {
  Finding f = ctx.about(kCopySharesSourceKey, p);
  const std::string key = describe_key(*p.key);
  const auto other_key = [&](const Key& k) {
    return k.manager == KeyManager::customer && !same_key(k, *p.key) && k.account == p.account;
  };
  // In another account, the fix is a key of that account; in the same one, any other key.
  const std::string wanted =
      p.key->account != p.account
          ? fmt::format("a customer managed key of account {}", p.account.value)
          : fmt::format("a customer managed key other than {}", p.key->display_name());
  if (same_key(*p.key, *parent.key)) {
    f.message = fmt::format(
        "{} is encrypted with {}, the very key of the recovery point it copies ({}): disabling or "
        "deleting that one key loses both the original and the copy (R26).",
        capitalized(describe_operation(ctx, p)), key, parent.id);
    f.rules = {"R26"};
  } else {
    f.message = fmt::format(
        "{} is encrypted with {}, a key of account {}, where the recovery point it copies ({}) "
        "lives (U-8): whoever can disable or delete keys there can lose both the original and "
        "the copy (R26).",
        capitalized(describe_operation(ctx, p)), key, p.key->account.value, parent.id);
    f.rules = {"R7", "R26"};
  }
  f.fix = repoint_fix(ctx, p, other_key, wanted, "");
  return f;
}

bool shares_key(const Prediction& p, const Prediction& parent) {
  if (!encrypted(parent) || !can_be_lost(*p.key)) return false;
  if (same_key(*p.key, *parent.key)) return true;
  const bool other_account = p.account != parent.account;
  return other_account && p.key->account == parent.account;
}

// --- KEY_NOT_ALLOWED

// Every name a key pattern may match: ARN, aliases and their ARNs, key id, model name.
std::vector<std::string> key_names(const Key& key) {
  std::vector<std::string> names{key.name};
  if (!key.arn.empty()) names.push_back(key.arn);
  if (const std::string id = key.key_id(); !id.empty()) names.push_back(id);
  const std::string partition(partition_of(key.region));
  for (const std::string& alias : key.aliases) {
    names.push_back(alias);
    names.push_back(
        fmt::format("arn:{}:kms:{}:{}:{}", partition, key.region.name, key.account.value, alias));
  }
  return names;
}

bool allowed(const Policy& policy, const Key& key) {
  const std::vector<std::string> names = key_names(key);
  return std::any_of(
      policy.allowed_keys.begin(), policy.allowed_keys.end(), [&](const std::string& pattern) {
        return std::any_of(names.begin(), names.end(),
                           [&](const std::string& n) { return matches_pattern(pattern, n); });
      });
}

std::string allowed_fix(const CheckContext& ctx, const Prediction& p) {
  const std::string add =
      fmt::format(" Or, if the key is acceptable, add {} to allowed_keys.", p.key->display_name());
  if (p.operation == Operation::backup) {
    return fmt::format(
               "Encrypt {} with an allowed key: a backup always keeps the resource's key (R2).",
               p.resource) +
           add;
  }
  const auto is_allowed = [&](const Key& key) { return allowed(ctx.policy(), key); };
  return repoint_fix(ctx, p, is_allowed, "an allowed key", unused_replica(p)) + add;
}

Finding key_not_allowed(const CheckContext& ctx, const Prediction& p) {
  Finding f = ctx.about(kKeyNotAllowed, p);
  f.message = fmt::format("{} is encrypted with {}, which matches none of the allowed keys ({}).",
                          capitalized(describe_operation(ctx, p)), describe_key(*p.key),
                          fmt::join(ctx.policy().allowed_keys, ", "));
  f.fix = allowed_fix(ctx, p);
  // The rule that chose the key: the resource's (backup), the vault's (copy), KmsKeyId (native).
  switch (p.operation) {
    case Operation::backup:
      f.rules = {"R2"};
      break;
    case Operation::copy:
      f.rules = {"R6"};
      break;
    default:
      f.rules.clear();
      for (const std::string& id : p.rules) {
        if (id == "R31" || id == "R32" || id == "R33" || id == "R35") {
          f.rules.push_back(id);
        }
      }
  }
  return f;
}

}  // namespace

std::optional<BlockingKey> blocking_key(const CheckContext& ctx, const Prediction& p) {
  if (p.outcome != Outcome::fails || p.rules.empty()) return std::nullopt;
  const Prediction* parent = ctx.parent_of(p);
  if (parent != nullptr && parent->outcome != Outcome::encrypted &&
      parent->outcome != Outcome::unencrypted) {
    return std::nullopt;  // reported where the chain breaks
  }
  const std::string& rule = p.rules.back();
  if (rule != "R26" && rule != "R27") return std::nullopt;
  for (auto step = p.steps.rbegin(); step != p.steps.rend(); ++step) {
    if (step->rule != rule || step->facts.size() < 2) continue;
    const auto state = std::find_if(step->facts.begin(), step->facts.end(),
                                    [](const Fact& fact) { return fact.name == "key state"; });
    if (state == step->facts.end()) continue;
    const Result<KeyState> parsed = parse_key_state(state->value);
    if (!parsed) continue;
    return BlockingKey{step->facts.front().value, *parsed};
  }
  return std::nullopt;
}

void check_keys(const CheckContext& ctx, std::vector<Finding>& out) {
  for (const Prediction& p : ctx.predictions().recovery_points) {
    if (const std::optional<BlockingKey> key = blocking_key(ctx, p);
        key && ctx.runs(kKeyNotEnabled)) {
      out.push_back(blocked_by_key(ctx, p, *key));
    }
    if (!encrypted(p)) continue;
    if (p.key->state != KeyState::enabled && p.key->state != KeyState::unknown &&
        ctx.runs(kKeyNotEnabled)) {
      out.push_back(key_not_enabled(ctx, p));
    }
    const Prediction* parent = ctx.parent_of(p);
    const bool copy = p.operation == Operation::copy || p.operation == Operation::native_copy;
    if (copy && parent != nullptr && shares_key(p, *parent) && ctx.runs(kCopySharesSourceKey)) {
      out.push_back(shares_source_key(ctx, p, *parent));
    }
    // Restores make a database, not a recovery point: allowed_keys is about backups and copies.
    if (p.operation != Operation::restore && ctx.runs(kKeyNotAllowed) &&
        !allowed(ctx.policy(), *p.key)) {
      out.push_back(key_not_allowed(ctx, p));
    }
  }
}

}  // namespace snapkey::detail
