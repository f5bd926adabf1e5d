// The engine: random models made from the fuzz bytes (FuzzedDataProvider), fed straight to
// Model::build, predict, check and verify, and invariants that hold for every valid model. A
// violation stops the run with __builtin_trap, which libFuzzer reports as a crash with its input:
//   1. nothing crashes;
//   2. predict is a function of the model: the same model twice, and the same model with every
//      list of its input in another order, give the same render_json, byte for byte;
//   3. every prediction names at least one rule;
//   4. a prediction that fails or is unsupported says why (a non-empty message);
//   5. the key of a vault that no plan rule and no job backs up into, copies into or copies from
//      changes no prediction.
// The models are made of small pools (three accounts, four Regions, a few names each), so that
// references meet and most models are valid; the ones Model::build rejects are dropped.
#include <fmt/format.h>
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "pipeline.hpp"
#include "snapkey/render/predictions.hpp"

namespace snapkey::fuzz {
namespace {

constexpr std::array<const char*, 3> kAccounts = {"111111111111", "222222222222", "333333333333"};
constexpr std::array<const char*, 4> kRegions = {"us-east-1", "us-west-2", "eu-west-1",
                                                 "cn-north-1"};
constexpr std::array<const char*, 2> kMrkIds = {"mrk-0123456789abcdef0123456789abcdef",
                                                "mrk-fedcba9876543210fedcba9876543210"};
constexpr std::array<const char*, 5> kDates = {"2024-06-01", "2025-06-01", "2025-11-20",
                                               "2026-02-18", "2026-06-01"};

struct Place {
  std::string account;
  std::string region;
  friend bool operator==(const Place&, const Place&) = default;
};

std::string partition(const std::string& region) {
  return std::string(partition_of(Region{region}));
}

template <typename T, std::size_t N>
T pick(FuzzedDataProvider& in, const std::array<T, N>& pool) {
  return pool[in.ConsumeIntegralInRange<std::size_t>(0, N - 1)];
}

template <typename T>
const T& pick(FuzzedDataProvider& in, const std::vector<T>& pool) {
  return pool[in.ConsumeIntegralInRange<std::size_t>(0, pool.size() - 1)];
}

// A sub-list of `pool`, each element taken or not.
template <typename T>
std::vector<T> some_of(FuzzedDataProvider& in, const std::vector<T>& pool) {
  std::vector<T> out;
  for (const T& item : pool) {
    if (in.ConsumeBool()) out.push_back(item);
  }
  return out;
}

// Makes a model from the fuzz bytes, one kind of fact after another, each referring only to facts
// made before it.
class Maker {
 public:
  explicit Maker(FuzzedDataProvider& in) : in_(in) {}

  ModelInput make() {
    ModelInput out;
    if (in_.ConsumeBool()) out.as_of = *parse_date(pick(in_, kDates));
    accounts(out);
    keys(out);
    resources(out);
    vaults(out);
    plans(out);
    jobs(out);
    return out;
  }

 private:
  Place place() { return {pick(in_, kAccounts), pick(in_, kRegions)}; }
  Location at() { return Location{"engine.yaml", ++line_, 1, ""}; }
  std::string unknown(const char* what) { return in_.ConsumeBool() ? "" : what; }

  void accounts(ModelInput& out) {
    for (const char* id : kAccounts) {
      if (!in_.ConsumeBool()) continue;
      Account account;
      account.id = AccountId{id};
      switch (in_.ConsumeIntegralInRange(0, 2)) {
        case 0:
          break;
        case 1:
          account.organization = "o-a1b2c3d4e5";
          break;
        default:
          account.organization = "o-f6g7h8i9j0";
      }
      account.cross_account_backup = in_.ConsumeBool();
      account.location = at();
      out.accounts.push_back(std::move(account));
    }
  }

  // The ways to refer to a key of `place`: every listed key's name, ARN, alias names and alias
  // ARNs there, and the AWS managed keys' aliases, which always resolve.
  std::vector<std::string> key_refs(const ModelInput& in, const Place& where) {
    std::vector<std::string> refs = {std::string(kAwsRdsAlias), std::string(kAwsBackupAlias)};
    for (const Key& key : in.keys) {
      if (key.account.value != where.account || key.region.name != where.region) continue;
      refs.push_back(key.name);
      if (!key.arn.empty()) refs.push_back(key.arn);
      for (const std::string& alias : key.aliases) {
        refs.push_back(alias);
        refs.push_back(fmt::format("arn:{}:kms:{}:{}:{}", partition(where.region), where.region,
                                   where.account, alias));
      }
    }
    return refs;
  }

  void keys(ModelInput& out) {
    const int count = in_.ConsumeIntegralInRange(0, 6);
    for (int i = 0; i < count; ++i) {
      Key key;
      key.name = fmt::format("k{}", i);
      const Place where = place();
      key.account = AccountId{where.account};
      key.region = Region{where.region};
      std::string id = fmt::format("1234abcd-12ab-34cd-56ef-{:012}", i);
      if (in_.ConsumeIntegralInRange(0, 3) == 0) {
        id = pick(in_, kMrkIds);
        key.multi_region = in_.ConsumeBool() ? MultiRegion::primary : MultiRegion::replica;
      }
      if (in_.ConsumeIntegralInRange(0, 5) != 0) {
        key.arn = fmt::format("arn:{}:kms:{}:{}:key/{}", partition(where.region), where.region,
                              where.account, id);
      }
      if (in_.ConsumeBool()) key.aliases.push_back(fmt::format("alias/k{}", i));
      if (in_.ConsumeIntegralInRange(0, 3) == 0) key.aliases.push_back("alias/backup-shared");
      switch (in_.ConsumeIntegralInRange(0, 7)) {
        case 0:  // an AWS managed key listed, as list-aliases shows it
          key.manager = KeyManager::aws;
          key.multi_region = MultiRegion::none;
          key.aliases = {in_.ConsumeBool() ? std::string(kAwsRdsAlias)
                                           : std::string(kAwsBackupAlias)};
          break;
        case 1:
          key.manager = KeyManager::unknown;
          break;
        default:
          key.manager = KeyManager::customer;
      }
      if (key.manager != KeyManager::aws && in_.ConsumeIntegralInRange(0, 3) == 0) {
        key.state = static_cast<KeyState>(in_.ConsumeIntegralInRange(0, 8));
      }
      for (const char* with : {kAccounts[0], kAccounts[1], kAccounts[2], "o-a1b2c3d4e5", "*"}) {
        if (in_.ConsumeIntegralInRange(0, 3) == 0) key.shared_with.push_back(with);
      }
      if (in_.ConsumeIntegralInRange(0, 7) == 0) key.shared_with_unknown = "a principal parameter";
      switch (in_.ConsumeIntegralInRange(0, 7)) {
        case 0:
          key.spec = "RSA_2048";
          key.usage = "SIGN_VERIFY";
          break;
        case 1:
          key.spec = "HMAC_256";
          key.usage = "GENERATE_VERIFY_MAC";
          break;
        case 2:
          key.spec = std::string(kSymmetricDefault);
          key.usage = std::string(kEncryptDecrypt);
          break;
        default:
          break;
      }
      key.location = at();
      out.keys.push_back(std::move(key));
    }
  }

  void resources(ModelInput& out) {
    const int count = in_.ConsumeIntegralInRange(0, 5);
    for (int i = 0; i < count; ++i) {
      Resource resource;
      resource.name = fmt::format("r{}", i);
      const Place where = place();
      places_.push_back(where);
      resource.type = static_cast<ResourceType>(in_.ConsumeIntegralInRange(0, 4));
      resource.arn = fmt::format(
          "arn:{}:rds:{}:{}:{}:{}", partition(where.region), where.region, where.account,
          resource.type == ResourceType::rds_instance ? "db" : "cluster", resource.name);
      switch (in_.ConsumeIntegralInRange(0, 5)) {
        case 0:  // not encrypted
          break;
        case 1:
          resource.default_encryption = true;
          break;
        case 2:
          resource.key = std::string(kAwsOwnedKey);
          break;
        case 3:
          resource.key_unknown = "known after apply";
          break;
        default:
          resource.key = pick(in_, key_refs(out, where));
      }
      if (in_.ConsumeBool()) resource.tags["backup"] = in_.ConsumeBool() ? "daily" : "weekly";
      if (in_.ConsumeIntegralInRange(0, 7) == 0) resource.tags_unknown["team"] = "known later";
      if (in_.ConsumeIntegralInRange(0, 7) == 0) {
        resource.option_group =
            OptionGroup{"og",
                        {"TDE"},
                        some_of(in_, std::vector<std::string>(kRegions.begin(), kRegions.end()))};
      }
      resource.location = at();
      out.resources.push_back(std::move(resource));
    }
  }

  void vaults(ModelInput& out) {
    const int count = in_.ConsumeIntegralInRange(1, 5);
    for (int i = 0; i < count; ++i) {
      Vault vault;
      vault.name = fmt::format("v{}", i);
      // Mostly where a resource is, so that plans find vaults to back up into.
      const Place where = !places_.empty() && in_.ConsumeBool() ? pick(in_, places_) : place();
      switch (in_.ConsumeIntegralInRange(0, 5)) {
        case 0:
          vault.type = VaultType::logically_air_gapped;
          break;
        case 1:
          vault.type = VaultType::restore_access;
          break;
        default:
          vault.type = VaultType::standard;
      }
      vault.arn =
          fmt::format("arn:{}:backup:{}:{}:backup-vault:{}", partition(where.region), where.region,
                      where.account, in_.ConsumeBool() ? vault.name : "Default");
      vault.key = vault_key(out, where);
      if (vault.key.empty()) vault.key_unknown = unknown("known after apply");
      switch (in_.ConsumeIntegralInRange(0, 3)) {
        case 0:
          vault.allows_copy_from = std::nullopt;
          break;
        case 1:
          break;
        default:
          vault.allows_copy_from =
              some_of(in_, std::vector<std::string>{kAccounts[0], kAccounts[1], kAccounts[2],
                                                    "o-a1b2c3d4e5", "*"});
      }
      vault.location = at();
      out.vaults.push_back(std::move(vault));
    }
  }

  void plans(ModelInput& out) {
    const int count = in_.ConsumeIntegralInRange(0, 3);
    for (int i = 0; i < count; ++i) {
      Plan plan;
      plan.name = fmt::format("p{}", i);
      // A plan lives where its rules' vaults are.
      const Vault& home = pick(in_, out.vaults);
      const Place where{Model::account_of(home).value, Model::region_of(home).name};
      if (in_.ConsumeBool()) {
        plan.arn = fmt::format("arn:{}:backup:{}:{}:backup-plan:{}", partition(where.region),
                               where.region, where.account, plan.name);
      }
      std::vector<std::string> local_vaults, all_vaults, air_gapped;
      for (const Vault& vault : out.vaults) {
        if (Place{Model::account_of(vault).value, Model::region_of(vault).name} == where) {
          local_vaults.push_back(in_.ConsumeBool() ? vault.name : vault.arn);
        }
        all_vaults.push_back(vault.name);
        if (vault.type == VaultType::logically_air_gapped) air_gapped.push_back(vault.name);
      }
      const int rules = in_.ConsumeIntegralInRange(1, 2);
      for (int j = 0; j < rules; ++j) {
        PlanRule rule;
        rule.name = fmt::format("rule{}", j);
        rule.vault = pick(in_, local_vaults);
        if (in_.ConsumeIntegralInRange(0, 7) == 0) rule.vault_unknown = "known after apply";
        rule.continuous = in_.ConsumeIntegralInRange(0, 3) == 0;
        const int copies = in_.ConsumeIntegralInRange(0, 2);
        for (int c = 0; c < copies; ++c) rule.copy_to.push_back(pick(in_, all_vaults));
        if (in_.ConsumeIntegralInRange(0, 7) == 0) rule.copy_to_unknown.push_back("a variable");
        if (in_.ConsumeIntegralInRange(0, 7) == 0) rule.copy_to_unknown.push_back("an output");
        if (!air_gapped.empty() && in_.ConsumeIntegralInRange(0, 3) == 0) {
          rule.air_gapped_vault = pick(in_, air_gapped);
        }
        rule.location = at();
        plan.rules.push_back(std::move(rule));
      }
      std::vector<std::string> local_resources;
      for (const Resource& resource : out.resources) {
        if (Place{Model::account_of(resource).value, Model::region_of(resource).name} == where) {
          local_resources.push_back(in_.ConsumeBool() ? resource.name : resource.arn);
        }
      }
      plan.resources = some_of(in_, local_resources);
      const int selections = in_.ConsumeIntegralInRange(0, 2);
      for (int s = 0; s < selections; ++s) plan.selections.push_back(selection(s, where));
      plan.location = at();
      out.plans.push_back(std::move(plan));
    }
  }

  TagCondition condition() {
    TagCondition condition;
    condition.test = static_cast<TagCondition::Test>(in_.ConsumeIntegralInRange(0, 3));
    condition.key = in_.ConsumeBool() ? "backup" : "team";
    condition.value = pick(in_, std::array<const char*, 3>{"daily", "weekly", "d*"});
    if (in_.ConsumeIntegralInRange(0, 7) == 0) condition.unknown = "a parameter";
    return condition;
  }

  Selection selection(int index, const Place& where) {
    Selection selection;
    selection.name = fmt::format("s{}", index);
    const std::string any = fmt::format("arn:{}:rds:{}:{}:cluster:*", partition(where.region),
                                        where.region, where.account);
    const std::vector<std::string> patterns = {"*", any, "r0", "r1", "r2"};
    selection.resources = some_of(in_, patterns);
    if (in_.ConsumeIntegralInRange(0, 3) == 0) selection.not_resources = some_of(in_, patterns);
    for (int n = in_.ConsumeIntegralInRange(0, 2); n > 0; --n) {
      selection.any_tags.push_back(condition());
    }
    for (int n = in_.ConsumeIntegralInRange(0, 2); n > 0; --n) {
      selection.all_tags.push_back(condition());
    }
    if (in_.ConsumeIntegralInRange(0, 7) == 0) selection.resources_unknown.push_back("a variable");
    if (in_.ConsumeIntegralInRange(0, 7) == 0) selection.resources_unknown.push_back("an output");
    if (in_.ConsumeIntegralInRange(0, 7) == 0) {
      selection.not_resources_unknown.push_back("a parameter");
    }
    selection.location = at();
    return selection;
  }

  // The recovery points the plans make, as Model::build works them out: (resource, vault).
  std::vector<std::pair<std::string, std::string>> made(const ModelInput& in) {
    std::vector<std::pair<std::string, std::string>> out;
    const auto name_of = [&](const std::string& ref, const auto& list) {
      for (const auto& item : list) {
        if (item.name == ref || item.arn == ref) return item.name;
      }
      return ref;
    };
    for (const Plan& plan : in.plans) {
      for (const std::string& ref : plan.resources) {
        const std::string resource = name_of(ref, in.resources);
        for (const PlanRule& rule : plan.rules) {
          if (!rule.vault_unknown.empty()) continue;
          out.emplace_back(resource, name_of(rule.vault, in.vaults));
          for (const std::string& to : rule.copy_to) out.emplace_back(resource, to);
        }
      }
    }
    return out;
  }

  void jobs(ModelInput& out) {
    std::vector<std::pair<std::string, std::string>> sources = made(out);
    const int count = sources.empty() ? 0 : in_.ConsumeIntegralInRange(0, 3);
    std::vector<std::string> vaults;
    for (const Vault& vault : out.vaults) vaults.push_back(vault.name);
    for (int i = 0; i < count; ++i) {
      Job job;
      job.kind = static_cast<JobKind>(in_.ConsumeIntegralInRange(0, 2));
      const auto& [resource, vault] = pick(in_, sources);
      job.from = RecoveryPointRef{resource, vault};
      const Vault* from = nullptr;
      for (const Vault& v : out.vaults) {
        if (v.name == vault) from = &v;
      }
      Place where{Model::account_of(*from).value, Model::region_of(*from).name};
      switch (job.kind) {
        case JobKind::copy:
          job.to = pick(in_, vaults);
          sources.emplace_back(resource, job.to);  // a later job may copy the copy
          break;
        case JobKind::native_copy:
          if (in_.ConsumeBool()) where.region = job.region = pick(in_, kRegions);
          if (in_.ConsumeIntegralInRange(0, 3) == 0)
            where.account = job.account = pick(in_, kAccounts);
          if (in_.ConsumeBool()) job.key = pick(in_, key_refs(out, where));
          break;
        case JobKind::restore:
          if (in_.ConsumeBool()) where.account = job.account = pick(in_, kAccounts);
          if (in_.ConsumeBool()) job.key = pick(in_, key_refs(out, where));
          break;
      }
      job.location = at();
      out.jobs.push_back(std::move(job));
    }
  }

  // A vault's key: a key of its place, or "" for the default.
  std::string vault_key(const ModelInput& in, const Place& where) {
    if (in_.ConsumeBool()) return "";
    return pick(in_, key_refs(in, where));
  }

 public:
  // Another key for `vault` (one of its place, the default, or not known): the change of
  // invariant 5.
  void rekey(const ModelInput& in, Vault& vault) {
    const Place where{Model::account_of(vault).value, Model::region_of(vault).name};
    vault.key = vault_key(in, where);
    vault.key_unknown = vault.key.empty() ? unknown("changed") : "";
  }

 private:
  FuzzedDataProvider& in_;
  std::vector<Place> places_;  // where the resources are
  int line_ = 0;
};

template <typename T>
void shuffle(std::vector<T>& list, std::mt19937& random) {
  std::shuffle(list.begin(), list.end(), random);
}

// The same model, every list of its input in another order.
ModelInput shuffled(ModelInput in, std::mt19937& random) {
  shuffle(in.accounts, random);
  for (Key& key : in.keys) {
    shuffle(key.aliases, random);
    shuffle(key.shared_with, random);
  }
  shuffle(in.keys, random);
  shuffle(in.resources, random);
  for (Vault& vault : in.vaults) {
    if (vault.allows_copy_from) shuffle(*vault.allows_copy_from, random);
  }
  shuffle(in.vaults, random);
  for (Plan& plan : in.plans) {
    for (PlanRule& rule : plan.rules) {
      shuffle(rule.copy_to, random);
      shuffle(rule.copy_to_unknown, random);
    }
    shuffle(plan.rules, random);
    shuffle(plan.resources, random);
    for (Selection& selection : plan.selections) {
      shuffle(selection.resources, random);
      shuffle(selection.not_resources, random);
      shuffle(selection.any_tags, random);
      shuffle(selection.all_tags, random);
      shuffle(selection.resources_unknown, random);
      shuffle(selection.not_resources_unknown, random);
    }
    shuffle(plan.selections, random);
  }
  shuffle(in.plans, random);
  shuffle(in.jobs, random);
  return in;
}

// The vaults no plan rule and no job names: nothing is backed up into, copied into or copied from
// them.
std::vector<std::size_t> unused_vaults(const ModelInput& in) {
  std::set<std::string> used;
  for (const Plan& plan : in.plans) {
    for (const PlanRule& rule : plan.rules) {
      used.insert(rule.vault);
      used.insert(rule.copy_to.begin(), rule.copy_to.end());
      used.insert(rule.air_gapped_vault);
    }
  }
  for (const Job& job : in.jobs) {
    used.insert(job.from.vault);
    used.insert(job.to);
  }
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < in.vaults.size(); ++i) {
    if (!used.contains(in.vaults[i].name) && !used.contains(in.vaults[i].arn)) out.push_back(i);
  }
  return out;
}

// The predictions of `in` as JSON, after checking invariants 3 and 4 on them; nullopt when
// Model::build rejects it.
std::optional<std::string> predictions_json(const ModelInput& in) {
  Result<Model> model = Model::build(in);
  if (!model) {
    require(!model.error().id.empty(), "a Model::build error has an id");
    return std::nullopt;
  }
  const Predictions predictions = predict(*model, {});
  for (const Prediction& prediction : predictions.recovery_points) {
    require(!prediction.rules.empty(), "3: every prediction names a rule");
    if (prediction.outcome == Outcome::fails || prediction.outcome == Outcome::unsupported) {
      require(!prediction.message.empty(), "4: a failing or unsupported prediction says why");
    }
  }
  return render::render_json(predictions);
}

}  // namespace
}  // namespace snapkey::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace snapkey;
  using namespace snapkey::fuzz;
  FuzzedDataProvider in(data, size);
  Maker maker(in);
  const ModelInput input = maker.make();
  const std::optional<std::string> json = predictions_json(input);
  if (!json) return 0;
  // 1: the rest of the pipeline on it.
  run_pipeline(input);
  // 2: the same model, twice and shuffled.
  const std::optional<std::string> twice = predictions_json(input);
  require(twice.has_value(), "2: the same model builds twice");
  require_equal(*json, *twice, "2: the same model predicts the same twice");
  std::mt19937 random(in.ConsumeIntegral<std::uint32_t>());
  const std::optional<std::string> again = predictions_json(shuffled(input, random));
  require(again.has_value(), "2: the model shuffled builds");
  require_equal(*json, *again, "2: the model shuffled predicts the same");
  // 5: another key for each vault that nothing uses.
  for (const std::size_t index : unused_vaults(input)) {
    ModelInput changed = input;
    maker.rekey(changed, changed.vaults[index]);
    const std::optional<std::string> rekeyed = predictions_json(changed);
    if (rekeyed) require_equal(*json, *rekeyed, "5: an unused vault's key changes nothing");
  }
  return 0;
}
