// Checks on which key a copy lands on: AWS_MANAGED_COPY_KEY, MRK_REPLICA_UNUSED,
// COPY_KEY_MANAGER.
//
// A copy's key is its destination vault's (R6), so the fix is always "point the copy at another
// vault". The vault to name is taken from the predictions themselves: a copy into a vault in the
// same account and Region that is encrypted with a suitable key shows that vault's key (R7).
// Backups do not show their vault's key (they keep the resource's, R2), so only copies count.
// When several vaults qualify, the replica of the source's multi-Region key wins, then the
// vault name decides, so that the fix never depends on the order of the input.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <tuple>

#include "core/check/context.hpp"

namespace snapkey::detail {
namespace {

struct VaultChoice {
  std::string name;
  std::string arn;
  Key key;
  bool sibling = false;  // the same plan rule already copies the same recovery point there
};

}  // namespace

std::string unused_replica(const Prediction& p) {
  if (!has_warning(p, kReplicaNotUsed)) return "";
  for (const Step& step : p.steps) {
    if (step.rule != "R8") continue;
    for (const Fact& fact : step.facts) {
      if (fact.name == "replica") return fact.value;
    }
  }
  return "";
}

namespace {

bool is_replica(const Key& key, const std::string& replica) {
  if (replica.empty()) return false;
  return describe_key(key) == replica ||
         (!key.arn.empty() && replica.find(key.arn) != std::string::npos);
}

// Vaults in `p`'s account and Region (other than its own) whose copies show a key that
// `suitable` accepts; the replica's vault first, then by name.
std::vector<VaultChoice> vaults_near(const CheckContext& ctx, const Prediction& p,
                                     const std::function<bool(const Key&)>& suitable,
                                     const std::string& replica) {
  std::vector<VaultChoice> choices;
  for (const Prediction* in_place : ctx.predictions_in(p.account, p.region)) {
    const Prediction& other = *in_place;
    if (other.operation != Operation::copy || other.outcome != Outcome::encrypted || !other.key ||
        !other.vault || other.region != p.region || other.account != p.account ||
        other.vault_arn == p.vault_arn || !suitable(*other.key)) {
      continue;
    }
    const bool sibling = p.plan_rule && other.parent == p.parent && other.plan == p.plan &&
                         other.plan_rule == p.plan_rule;
    const auto known = std::find_if(choices.begin(), choices.end(),
                                    [&](const VaultChoice& c) { return c.name == *other.vault; });
    if (known != choices.end()) {
      known->sibling = known->sibling || sibling;
    } else {
      choices.push_back({*other.vault, other.vault_arn.value_or(""), *other.key, sibling});
    }
  }
  std::sort(choices.begin(), choices.end(), [&](const VaultChoice& a, const VaultChoice& b) {
    return std::make_tuple(!is_replica(a.key, replica), a.name) <
           std::make_tuple(!is_replica(b.key, replica), b.name);
  });
  return choices;
}

// Whether `key` is a replica of the key of the recovery point `p` is made from.
bool source_replica(const CheckContext& ctx, const Prediction& p, const Key& key) {
  const Prediction* parent = ctx.parent_of(p);
  return parent != nullptr && parent->key && key.multi_region == MultiRegion::replica &&
         !key.key_id().empty() && key.key_id() == parent->key->key_id();
}

// A key in `p`'s account and Region that `suitable` accepts, from any prediction: a replica of
// the source's key first, then by how it is shown.
std::optional<Key> key_near(const CheckContext& ctx, const Prediction& p,
                            const std::function<bool(const Key&)>& suitable) {
  std::optional<Key> best;
  const auto rank = [&](const Key& k) {
    return std::make_tuple(!source_replica(ctx, p, k), describe_key(k));
  };
  for (const Prediction* keyed : ctx.keyed_in(p.account, p.region)) {
    const Prediction& other = *keyed;
    if (other.outcome != Outcome::encrypted || !other.key || other.key->region != p.region ||
        other.key->account != p.account || !suitable(*other.key)) {
      continue;
    }
    if (!best || rank(*other.key) < rank(*best)) best = other.key;
  }
  return best;
}

std::string vault_text(const VaultChoice& v) {
  return v.arn.empty() ? fmt::format("vault {}", v.name)
                       : fmt::format("vault {} ({})", v.name, v.arn);
}

}  // namespace

std::string repoint_fix(const CheckContext& ctx, const Prediction& p,
                        const std::function<bool(const Key&)>& suitable, std::string_view kind,
                        const std::string& replica) {
  const std::string place = where(p.region, p.account);
  if (p.operation != Operation::copy) {
    std::string example;
    if (!replica.empty()) {
      example = fmt::format(", e.g. the replica {}", replica);
    } else if (const std::optional<Key> key = key_near(ctx, p, suitable)) {
      example = fmt::format(", e.g. {}{}", source_replica(ctx, p, *key) ? "the replica " : "",
                            describe_key(*key));
    }
    return fmt::format("Give {} of {} as the KmsKeyId of the {}{}.", kind, place,
                       p.operation == Operation::restore ? "restore" : "native copy", example);
  }
  const std::vector<VaultChoice> vaults = vaults_near(ctx, p, suitable, replica);
  if (!vaults.empty()) {
    const VaultChoice& best = vaults.front();
    const bool replica_vault = is_replica(best.key, replica);
    const std::string keyed =
        fmt::format("keyed with {}{}", replica_vault ? "the replica " : "", describe_key(best.key));
    // The rule already copies there too: the copy at fault is redundant.
    std::string fix =
        best.sibling
            ? fmt::format(
                  "Remove the copy action to vault {} from rule {} of plan {}: the rule already "
                  "copies to {}, {}.",
                  p.vault.value_or("?"), p.plan_rule.value_or("?"), p.plan.value_or("?"),
                  vault_text(best), keyed)
            : fmt::format("Point {} at {}, {}.", what_to_change(p), vault_text(best), keyed);
    if (!replica.empty() && !replica_vault) {
      fix += fmt::format(
          " To stay on the source's multi-Region key, create a vault in {} keyed with its "
          "replica {} instead.",
          place, replica);
    }
    return fix;
  }
  if (!replica.empty()) {
    return fmt::format(
        "Create a vault in {} keyed with the replica {} of the source's multi-Region key (a "
        "vault's key is fixed when it is created) and point {} at it.",
        place, replica, what_to_change(p));
  }
  return fmt::format(
      "Create a vault in {} keyed with {} (a vault's key is fixed when it is created) and point {} "
      "at it.",
      place, kind, what_to_change(p));
}

namespace {

bool is_copy(const Prediction& p) {
  return (p.operation == Operation::copy || p.operation == Operation::native_copy) &&
         p.outcome == Outcome::encrypted && p.key.has_value();
}

bool customer_managed(const Key& key) { return key.manager == KeyManager::customer; }

std::string why_aws_managed(const Prediction& p) {
  const bool r9 = std::find(p.rules.begin(), p.rules.end(), "R9") != p.rules.end();
  if (r9 && p.vault) {
    return fmt::format(
        "vault {} is keyed with aws/backup, and an RDS-family copy into such a vault gets aws/rds "
        "(R9)",
        *p.vault);
  }
  if (p.operation == Operation::native_copy) return "the native copy gives it as KmsKeyId";
  return p.message;
}

Finding aws_managed_copy_key(const CheckContext& ctx, const Prediction& p) {
  Finding f = ctx.about(kAwsManagedCopyKey, p);
  f.message = fmt::format(
      "{} is encrypted with the AWS managed key {}, not a customer managed key: {}. No other "
      "account can use that key and its policy cannot be changed (R12, R29).",
      capitalized(describe_operation(ctx, p)), describe_key(*p.key), why_aws_managed(p));
  f.fix = repoint_fix(ctx, p, customer_managed, "a customer managed key", unused_replica(p));
  if (p.operation == Operation::native_copy) {
    // The native copy rules decided it, not the vault rules of the check's table.
    f.rules.clear();
    for (const std::string_view id : {"R31", "R32", "R33", "R35"}) {
      if (std::find(p.rules.begin(), p.rules.end(), id) != p.rules.end()) f.rules.emplace_back(id);
    }
    f.rules.emplace_back("R29");
  }
  return f;
}

Finding replica_unused(const CheckContext& ctx, const Prediction& p) {
  const std::string replica = unused_replica(p);
  const Prediction* parent = ctx.parent_of(p);
  const std::string source =
      parent != nullptr && parent->key ? parent->key->display_name() : "the source's key";
  Finding f = ctx.about(kMrkReplicaUnused, p);
  f.message = fmt::format(
      "{} is encrypted with {}, although {}, a replica of its source key {}, exists in {}: a copy "
      "never picks a replica by itself, only the destination vault's key counts (R8a).",
      capitalized(describe_operation(ctx, p)), p.key ? describe_key(*p.key) : p.message,
      replica.empty() ? std::string("a replica") : replica, source, p.region.name);
  const auto is_the_replica = [&](const Key& key) { return is_replica(key, replica); };
  f.fix = repoint_fix(ctx, p, is_the_replica, "the replica", replica);
  return f;
}

std::string manager_text(KeyManager manager) {
  switch (manager) {
    case KeyManager::customer:
      return "a customer managed key";
    case KeyManager::aws:
      return "an AWS managed key";
    case KeyManager::aws_owned:
      return "an AWS owned key";
    case KeyManager::unknown:
      return "a key whose manager is not known";
  }
  return "a key";
}

Finding copy_key_manager(const CheckContext& ctx, const Prediction& p, KeyManager required) {
  Finding f = ctx.about(kCopyKeyManager, p);
  const KeyManager manager = p.key->manager;
  // "an AWS owned key" says its manager already.
  const std::string key = manager == KeyManager::aws_owned
                              ? describe_key(*p.key)
                              : fmt::format("{}, {}", describe_key(*p.key), manager_text(manager));
  f.message = fmt::format(
      "{} is encrypted with {}; the policy requires {} for every copy "
      "(copy_key_manager: {}).",
      capitalized(describe_operation(ctx, p)), key, manager_text(required), to_string(required));
  const auto managed_as_required = [&](const Key& k) { return k.manager == required; };
  if (manager == KeyManager::aws_owned && required == KeyManager::customer && p.vault) {
    // An air-gapped vault's key is chosen when it is created (R21): keep the air gap.
    f.fix = fmt::format(
        "Create a logically air-gapped vault in {} with a customer managed key (chosen when the "
        "vault is created) and point {} at it instead of vault {}.",
        where(p.region, p.account), what_to_change(p), *p.vault);
    f.rules = {"R21"};
  } else {
    f.fix = repoint_fix(ctx, p, managed_as_required, manager_text(required), unused_replica(p));
  }
  return f;
}

}  // namespace

void check_copy_keys(const CheckContext& ctx, std::vector<Finding>& out) {
  const KeyManager required = ctx.policy().copy_key_manager.value_or(KeyManager::customer);
  for (const Prediction& p : ctx.predictions().recovery_points) {
    if (has_warning(p, kReplicaNotUsed) && ctx.runs(kMrkReplicaUnused)) {
      out.push_back(replica_unused(ctx, p));
    }
    if (!is_copy(p)) continue;
    const bool aws_managed = p.key->manager == KeyManager::aws;
    if (aws_managed && ctx.runs(kAwsManagedCopyKey)) {
      out.push_back(aws_managed_copy_key(ctx, p));
    }
    const bool reported = aws_managed && ctx.runs(kAwsManagedCopyKey);
    if (p.key->manager != required && !reported && ctx.runs(kCopyKeyManager)) {
      out.push_back(copy_key_manager(ctx, p, required));
    }
  }
}

}  // namespace snapkey::detail
