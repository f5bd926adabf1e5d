// From the merged facts of an export to a ModelInput: keys that nothing describes (unknown, never
// guessed), vaults that a plan names but the export does not describe (key unknown), selections
// attached to their plans, and readable names that are unique.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "io/aws_cli/export.hpp"

namespace snapkey::io::aws_cli {
namespace {

// A thing to name: its readable name, and where it is, to tell apart things with the same name.
struct Naming {
  std::string base;
  std::string account;
  std::string region;
  std::string fallback;  // the ARN, when even account and Region do not tell them apart
  std::string* name;
};

// Gives every thing its base name; where two share one, "REGION/base"; then
// "ACCOUNT/REGION/base"; then the ARN.
void assign_names(std::vector<Naming>& things) {
  using Spell = std::string (*)(const Naming&);
  const Spell spellings[] = {
      [](const Naming& n) { return n.base; },
      [](const Naming& n) { return fmt::format("{}/{}", n.region, n.base); },
      [](const Naming& n) { return fmt::format("{}/{}/{}", n.account, n.region, n.base); },
      [](const Naming& n) { return n.fallback; },
  };
  std::vector<std::size_t> level(things.size(), 0);
  for (bool clash = true; clash;) {
    std::map<std::string, std::vector<std::size_t>> by_name;
    for (std::size_t i = 0; i < things.size(); ++i) {
      by_name[spellings[level[i]](things[i])].push_back(i);
    }
    clash = false;
    for (const auto& [name, users] : by_name) {
      if (users.size() < 2) continue;
      for (std::size_t i : users) {
        if (level[i] + 1 < std::size(spellings)) {
          ++level[i];
          clash = true;
        }
      }
    }
  }
  for (std::size_t i = 0; i < things.size(); ++i) *things[i].name = spellings[level[i]](things[i]);
}

std::string after(const std::string& arn, std::string_view marker) {
  const auto at = arn.find(marker);
  return at == std::string::npos ? arn : arn.substr(at + marker.size());
}

// A key alias ARN as list-aliases spells it.
std::string alias_arn(const AliasReference& ref) {
  return fmt::format("arn:{}:kms:{}:{}:{}", partition_of(ref.region), ref.region.name,
                     ref.account.value, ref.alias);
}

// KmsKeyIds given as alias ARNs: the listed alias's key, or a key known by its alias only.
std::vector<Key> resolve_alias_references(Export& in) {
  std::map<std::string, Key> unlisted;
  for (const AliasReference& ref : in.alias_references) {
    const std::string arn = alias_arn(ref);
    if (auto alias = in.aliases.find(arn); alias != in.aliases.end()) {
      in.keys.at(alias->second.value).referenced = true;
      continue;
    }
    Key& key = unlisted[arn];
    if (!key.aliases.empty()) continue;
    key.region = ref.region;
    key.account = ref.account;
    key.aliases = {ref.alias};
    const bool aws = ref.alias.starts_with("alias/aws/");
    key.manager = aws ? KeyManager::aws : KeyManager::customer;
    key.state = aws ? KeyState::enabled : KeyState::unknown;  // AWS managed keys: R29
    key.location = ref.where;
    key.generated_name = true;
  }
  std::vector<Key> keys;
  for (auto& [arn, key] : unlisted) keys.push_back(std::move(key));
  return keys;
}

// Keys worth a place in the model: what the estate uses, describes or has the policy of, and the
// aws/rds and aws/backup keys that predictions name. The AWS managed keys of other services
// (alias/aws/ebs, ...) are left out unless something uses them: export.sh describes every key.
bool kept(const KeyFacts& key) {
  if (key.referenced || key.aliases.contains(std::string(kAwsRdsAlias)) ||
      key.aliases.contains(std::string(kAwsBackupAlias))) {
    return true;
  }
  const bool other_service =
      std::any_of(key.aliases.begin(), key.aliases.end(),
                  [](const std::string& a) { return a.starts_with("alias/aws/"); });
  return !other_service && (key.described || key.shared_with);
}

std::string scoped_id(const std::string& account, const std::string& key_id) {
  return account + "|" + key_id;
}

Key to_key(const KeyFacts& facts, const Export& in, const std::set<std::string>& primaries) {
  Key key;
  key.arn = facts.arn;
  key.region = facts.region;
  key.account = facts.account;
  key.location = facts.location;
  key.generated_name = true;
  key.aliases.assign(facts.aliases.begin(), facts.aliases.end());
  const bool mrk = is_multi_region_key_id(key.key_id());
  // AWS managed keys are always single-Region (R29): a multi-Region key is customer managed.
  key.manager = facts.manager ? facts.manager->value
                : mrk         ? KeyManager::customer
                              : KeyManager::unknown;
  key.state = facts.state                      ? facts.state->value
              : key.manager == KeyManager::aws ? KeyState::enabled  // R29
                                               : KeyState::unknown;
  const auto hint = in.relatives.find(facts.arn);
  if (facts.multi_region) {
    key.multi_region = facts.multi_region->value;
  } else if (hint != in.relatives.end()) {
    key.multi_region = hint->second.role.value;
  } else if (mrk) {
    // Nothing says which: the primary, unless another key with this id is known to be it. Only
    // the explanation (R8) depends on it; the key's state stays unknown.
    key.multi_region = primaries.contains(scoped_id(key.account.value, key.key_id()))
                           ? MultiRegion::replica
                           : MultiRegion::primary;
  }
  if (facts.primary) {
    key.primary = facts.primary->value;
  } else if (hint != in.relatives.end() && key.multi_region == MultiRegion::replica) {
    key.primary = hint->second.primary;
  }
  if (facts.shared_with) key.shared_with = facts.shared_with->value;
  if (facts.spec) key.spec = facts.spec->value;
  if (facts.usage) key.usage = facts.usage->value;
  return key;
}

std::vector<Key> keys_of(Export& in) {
  std::vector<Key> keys = resolve_alias_references(in);
  std::set<std::string> primaries;  // account|key id of the keys known to be primaries
  for (const auto& [arn, facts] : in.keys) {
    const bool primary =
        facts.multi_region
            ? facts.multi_region->value == MultiRegion::primary
            : in.relatives.contains(arn) && in.relatives.at(arn).role.value == MultiRegion::primary;
    if (primary) primaries.insert(scoped_id(facts.account.value, after(arn, "key/")));
  }
  for (const auto& [arn, facts] : in.keys) {
    if (kept(facts)) keys.push_back(to_key(facts, in, primaries));
  }
  return keys;
}

// Field `index` of a well-formed ARN (3: Region, 4: account), without parsing it again.
std::string arn_field(const std::string& arn, int index) {
  std::size_t start = 0;
  for (int i = 0; i < index; ++i) start = arn.find(':', start) + 1;
  return arn.substr(start, arn.find(':', start) - start);
}

// A read replica whose output left its encryption out (ReplicaFacts::Missing) takes what its
// source, if the export has it, tells: a read replica of an unencrypted DB is unencrypted, one
// of an encrypted DB is encrypted, and a read replica in its source's Region is encrypted with
// its source's key (RDS does not let it have another). A cross-Region read replica has a key of
// its own Region, which only its KmsKeyId names. A source that is itself such a replica is
// resolved first; `visiting` stops a cycle (which RDS does not allow).
void resolve_replica(const std::string& arn, Export& in, std::set<std::string>& visiting) {
  auto replica = in.replicas.find(arn);
  if (replica == in.replicas.end() || replica->second.missing == ReplicaFacts::Missing::nothing) {
    return;
  }
  if (!visiting.insert(arn).second) return;
  ReplicaFacts& facts = replica->second;
  const auto source =
      std::find_if(facts.candidates.begin(), facts.candidates.end(),
                   [&](const std::string& candidate) { return in.resources.contains(candidate); });
  if (source == facts.candidates.end()) return;  // not exported: the key stays unknown
  resolve_replica(*source, in, visiting);
  const Resource& from = in.resources.at(*source).resource;
  Resource& resource = in.resources.at(arn).resource;
  const ReplicaFacts::Missing missing =
      std::exchange(facts.missing, ReplicaFacts::Missing::nothing);
  if (!from.key_unknown.empty() || from.default_encryption) return;
  const bool same_region = arn_field(arn, 3) == arn_field(*source, 3);
  if (missing == ReplicaFacts::Missing::key) {
    // Encrypted with a KMS key, which KmsKeyId does not name.
    if (!same_region || from.key.empty() || from.key == kAwsOwnedKey) return;
    resource.key = from.key;
    resource.key_unknown.clear();
    return;
  }
  // Neither StorageEncrypted nor StorageEncryptionType.
  if (from.key.empty()) {
    if (!facts.key.empty()) return;  // a KmsKeyId on a replica of an unencrypted DB: not understood
    resource.key.clear();
    resource.key_unknown.clear();
  } else if (!facts.key.empty() || same_region) {
    resource.key = facts.key.empty() ? from.key : facts.key;
    resource.key_unknown.clear();
  } else {
    resource.key_unknown = fmt::format(
        "{}; its read replica source {} is encrypted, and a cross-Region read replica is "
        "encrypted with a key of its own Region, but its KmsKeyId was not reported",
        resource.key_unknown, facts.source);
  }
}

void resolve_replicas(Export& in) {
  std::set<std::string> visiting;
  for (const auto& [arn, facts] : in.replicas) resolve_replica(arn, in, visiting);
}

// Vaults that plans name but the export does not describe become vaults whose key is unknown, so
// their predictions are indeterminate rather than the run failing.
void add_unexported_vaults(Export& in) {
  for (const VaultReference& ref : in.vault_references) {
    VaultFacts& facts = in.vaults.try_emplace(ref.arn).first->second;
    if (facts.described) continue;
    facts.arn = ref.arn;
    facts.location = ref.where;
    Vault vault;
    vault.arn = ref.arn;
    vault.name = after(ref.arn, "backup-vault:");
    vault.type = ref.type;
    vault.key_unknown =
        fmt::format("vault {} was not exported (describe-backup-vault)", vault.name);
    vault.location = ref.where;
    vault.generated_name = true;
    facts.described = std::move(vault);
  }
}

std::vector<Vault> vaults_of(Export& in) {
  add_unexported_vaults(in);
  std::vector<Vault> vaults;
  for (auto& [arn, facts] : in.vaults) {
    Vault vault;
    if (facts.described) {
      vault = *facts.described;
    } else {  // only its access policy was exported
      vault.arn = arn;
      vault.name = after(arn, "backup-vault:");
      vault.key_unknown =
          fmt::format("vault {} was not exported (describe-backup-vault)", vault.name);
      vault.location = facts.location;
      vault.generated_name = true;
    }
    vault.allows_copy_from = std::nullopt;
    if (facts.allows_copy_from) vault.allows_copy_from = facts.allows_copy_from->value;
    vaults.push_back(std::move(vault));
  }
  return vaults;
}

Result<std::vector<Plan>> plans_of(Export& in) {
  for (auto& [id, selection] : in.selections) {
    auto plan = in.plans.find(selection.plan_id);
    if (plan == in.plans.end()) {
      return Error{std::string(kRefError),
                   fmt::format("backup selection {} ({}) belongs to backup plan {}, which is not "
                               "in the export; add the output of aws backup get-backup-plan "
                               "--backup-plan-id {}",
                               selection.selection.name, id, selection.plan_id, selection.plan_id),
                   selection.selection.location};
    }
    plan->second.plan.selections.push_back(selection.selection);
  }
  std::vector<Plan> plans;
  for (auto& [id, facts] : in.plans) plans.push_back(std::move(facts.plan));
  return plans;
}

std::vector<Account> accounts_of(const Export& in) {
  std::vector<Account> accounts;
  for (const auto& [id, facts] : in.accounts) {
    Account account;
    account.id = facts.id;
    account.location = facts.location;
    if (facts.organization) account.organization = facts.organization->value;
    if (facts.cross_account_backup)
      account.cross_account_backup = facts.cross_account_backup->value;
    accounts.push_back(std::move(account));
  }
  return accounts;
}

void name_everything(ModelInput& out) {
  std::vector<Naming> keys, resources, vaults, plans;
  for (Key& key : out.keys) {
    const std::string alias = key.alias();
    keys.push_back({alias.empty() ? key.key_id() : alias.substr(6), key.account.value,
                    key.region.name, key.arn.empty() ? alias : key.arn, &key.name});
  }
  for (Resource& r : out.resources) {
    resources.push_back({r.name, arn_field(r.arn, 4), arn_field(r.arn, 3), r.arn, &r.name});
  }
  for (Vault& v : out.vaults) {
    vaults.push_back({v.name, arn_field(v.arn, 4), arn_field(v.arn, 3), v.arn, &v.name});
  }
  for (Plan& p : out.plans) {
    plans.push_back({p.name, arn_field(p.arn, 4), arn_field(p.arn, 3), p.arn, &p.name});
  }
  for (auto* group : {&keys, &resources, &vaults, &plans}) assign_names(*group);
}

}  // namespace

Result<ModelInput> finish(Export& in) {
  ModelInput out;
  out.keys = keys_of(in);
  resolve_replicas(in);
  for (auto& [arn, facts] : in.resources) out.resources.push_back(std::move(facts.resource));
  out.vaults = vaults_of(in);
  Result<std::vector<Plan>> plans = plans_of(in);
  if (!plans) return plans.error();
  out.plans = std::move(*plans);
  out.accounts = accounts_of(in);
  for (auto& [id, job] : in.copy_jobs) out.copy_jobs.push_back(std::move(job));
  for (auto& [arn, point] : in.recovery_points) {
    out.observed_recovery_points.push_back(std::move(point));
  }
  name_everything(out);
  return out;
}

}  // namespace snapkey::io::aws_cli
