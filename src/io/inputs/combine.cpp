// combine(): several inputs (scenario files, an AWS CLI export, Terraform plans, CloudFormation
// templates) make one model input.
//
// 1. as_of: at most one date, however many inputs give it.
// 2. The same thing described twice (keys, resources, vaults and plans with the same ARN;
//    accounts with the same id) becomes one: io/inputs/merge.cpp merges the facts or reports the
//    E_CONFLICT. The merged thing keeps the first user-given name of its descriptions (a scenario's
//    name), else the first generated one.
// 3. Generated names (a reader's `orders`, `Default`) that collide with another name are
//    qualified, "REGION/NAME", or "ACCOUNT/REGION/NAME" when that is still ambiguous. A user-given
//    name never changes: the generated one that collides with it is qualified. So is a generated
//    key name "aws-owned" (kAwsOwnedKey), which would hide the AWS owned key.
// 4. References by name follow the renames: a reference to a name the same input defines means
//    that input's thing; any other name means the one thing every input that defines it agrees
//    on (when they do not, the reference stays as written, and means the user-given thing that
//    kept the name, if any). The key reference "aws-owned" is no input's key and never changes.
#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "io/inputs/merge.hpp"
#include "snapkey/io/inputs.hpp"
#include "snapkey/key_ref.hpp"

namespace snapkey::io {
namespace {

template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// The file an input came from: the file of its first located fact ("" when it has none).
std::string file_of(const ModelInput& input) {
  std::string file;
  auto look = [&](const auto& facts) {
    for (const auto& fact : facts) {
      if (!file.empty()) return;
      file = fact.location.file;
    }
  };
  look(input.accounts);
  look(input.keys);
  look(input.resources);
  look(input.vaults);
  look(input.plans);
  look(input.jobs);
  return file;
}

// How messages name input number `index` (0-based).
std::string label(const std::string& file, std::size_t index) {
  return file.empty() ? fmt::format("input #{}", index + 1) : file;
}

Result<std::optional<Date>> combine_as_of(const std::vector<ModelInput>& inputs) {
  std::optional<Date> as_of;
  std::string as_of_label;  // where as_of comes from
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const ModelInput& input = inputs[i];
    if (!input.as_of) continue;
    const std::string file = file_of(input);
    if (!as_of) {
      as_of = input.as_of;
      as_of_label = label(file, i);
    } else if (*as_of != *input.as_of) {
      Location where;
      where.file = file;
      return Error{
          "E_AS_OF_CONFLICT",
          fmt::format("as_of is {} in {} but {} in {}; give the same date in every "
                      "file, or as_of in one file only",
                      as_of->to_string(), as_of_label, input.as_of->to_string(), label(file, i)),
          std::move(where)};
    }
  }
  return as_of;
}

// The Region and account in an ARN ("" parts when it is not one).
std::pair<Region, AccountId> place_of_arn(const std::string& arn) {
  Result<Arn> parsed = parse_arn(arn);
  if (!parsed) return {};
  return {Region{parsed->region}, AccountId{parsed->account}};
}

// ---------------------------------------------------------------------------------------------
// Things of one kind from every input, grouped by ARN, with their final names

template <typename T>
class Things {
 public:
  struct Item {
    std::size_t input;
    std::string original;  // the name the input gave it
    T value;
  };

  Things(std::vector<ModelInput>& inputs, std::vector<T> ModelInput::*list) {
    renames_.resize(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      for (T& thing : inputs[i].*list) {
        std::string name = thing.name;
        items_.push_back(Item{i, std::move(name), std::move(thing)});
      }
    }
    group_by_arn();
  }

  // Two things one input names differently with the same ARN (two scenario vaults on one ARN):
  // a mistake, not one thing described twice. (Model::build says the same of one input.)
  Status check_same_arn(std::string_view what) const {
    for (const std::vector<std::size_t>& group : groups_) {
      for (std::size_t a = 0; a < group.size(); ++a) {
        for (std::size_t b = a + 1; b < group.size(); ++b) {
          const Item& first = items_[group[a]];
          const Item& second = items_[group[b]];
          if (first.input != second.input || first.value.generated_name ||
              second.value.generated_name || first.original == second.original) {
            continue;
          }
          return Error{"E_DUPLICATE_ARN",
                       fmt::format("{} '{}' and '{}' have the same ARN {}", what, first.original,
                                   second.original, second.value.arn),
                       second.value.location};
        }
      }
    }
    return Ok{};
  }

  std::vector<Item>& items() { return items_; }
  const std::vector<Item>& items() const { return items_; }
  const std::vector<std::vector<std::size_t>>& groups() const { return groups_; }
  const T& first(std::size_t group) const { return items_[groups_[group].front()].value; }
  std::optional<std::size_t> by_name(const std::string& name) const {
    const auto it = by_name_.find(name);
    return it == by_name_.end() ? std::nullopt : std::optional(it->second);
  }
  std::optional<std::size_t> by_arn(const std::string& arn) const {
    const auto it = by_arn_.find(arn);
    return it == by_arn_.end() ? std::nullopt : std::optional(it->second);
  }

  // Names every group: the first user-given name of its members, else the first one; then
  // qualifies generated names that collide, or that are `reserved` (a word with a meaning of its
  // own where such a thing is referred to). `place` gives a group's Region and account.
  template <typename Place>
  void name_groups(Place place, std::string_view reserved = "") {
    names_.assign(groups_.size(), "");
    generated_.assign(groups_.size(), true);
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      names_[g] = items_[groups_[g].front()].value.name;
      for (std::size_t m : groups_[g]) {
        if (!items_[m].value.generated_name) {
          names_[g] = items_[m].value.name;
          generated_[g] = false;
          break;
        }
      }
    }
    qualify(place, reserved);
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      by_name_.emplace(names_[g], g);
      for (std::size_t m : groups_[g]) {
        renames_[items_[m].input][items_[m].original].insert(names_[g]);
        everywhere_[items_[m].original].insert(names_[g]);
      }
    }
  }

  // What a name reference of input `input` is called now (see the top of this file).
  std::string rename(std::size_t input, const std::string& ref) const {
    auto it = renames_[input].find(ref);
    if (it == renames_[input].end()) {
      it = everywhere_.find(ref);
      if (it == everywhere_.end()) return ref;
    }
    return it->second.size() == 1 ? *it->second.begin() : ref;  // ambiguous: as written
  }

  // Merges each group into its first member; the result in group order.
  Result<std::vector<T>> merged(const detail::References& refs) {
    std::vector<T> out;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      T thing = std::move(items_[groups_[g].front()].value);
      thing.name = names_[g];
      thing.generated_name = generated_[g];
      for (std::size_t i = 1; i < groups_[g].size(); ++i) {
        if (Status s = detail::merge(thing, items_[groups_[g][i]].value, refs); !s) {
          return s.error();
        }
      }
      out.push_back(std::move(thing));
    }
    return out;
  }

 private:
  void group_by_arn() {
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const std::string& arn = items_[i].value.arn;
      if (!arn.empty()) {
        if (const auto it = by_arn_.find(arn); it != by_arn_.end()) {
          groups_[it->second].push_back(i);
          continue;
        }
        by_arn_.emplace(arn, groups_.size());
      }
      groups_.push_back({i});
    }
  }

  // "REGION/NAME" for every generated name that collides (or is `reserved`),
  // "ACCOUNT/REGION/NAME" where that still collides. Two user-given names that collide stay:
  // Model::build reports them.
  template <typename Place>
  void qualify(Place place, std::string_view reserved) {
    std::map<std::string, std::vector<std::size_t>> by_name;
    for (std::size_t g = 0; g < groups_.size(); ++g) by_name[names_[g]].push_back(g);
    for (const auto& [name, same] : by_name) {
      if (same.size() < 2 && (reserved.empty() || name != reserved)) continue;
      std::vector<std::size_t> renamed;
      for (std::size_t g : same) {
        if (generated_[g]) renamed.push_back(g);
      }
      std::map<std::string, int> count;
      for (std::size_t g : renamed) {
        ++count[fmt::format("{}/{}", place(g).first.name, name)];
      }
      for (std::size_t g : renamed) {
        const auto [region, account] = place(g);
        const std::string qualified = fmt::format("{}/{}", region.name, name);
        names_[g] = count[qualified] == 1
                        ? qualified
                        : fmt::format("{}/{}/{}", account.value, region.name, name);
      }
    }
  }

  std::vector<Item> items_;
  std::vector<std::vector<std::size_t>> groups_;
  std::vector<std::string> names_;
  std::vector<bool> generated_;
  std::map<std::string, std::size_t> by_arn_;
  std::map<std::string, std::size_t> by_name_;
  using Renames = std::map<std::string, std::set<std::string>>;  // original -> finals
  std::vector<Renames> renames_;                                 // per input
  Renames everywhere_;
};

// ---------------------------------------------------------------------------------------------
// What references mean

constexpr std::string_view kAwsManaged = "aws-managed:";

// Key look-ups over every description of every key, as Model::find_key does over one model.
class KeyIndex {
 public:
  explicit KeyIndex(const Things<Key>& keys) : keys_(keys) {
    for (std::size_t g = 0; g < keys.groups().size(); ++g) {
      arns_.push_back(keys.first(g).arn);
      for (std::size_t m : keys.groups()[g]) {
        const Key& key = keys.items()[m].value;
        const auto [region, account] = place(key);
        for (const std::string& alias : key.aliases) resolver_.add_alias(account, region, alias, g);
        if (!key.key_id().empty()) resolver_.add_key_id(account, region, key.key_id(), g);
        if (key.manager != KeyManager::unknown) known_manager_.insert(g);
        if (!key.aliases.empty()) has_alias_.insert(g);
      }
    }
  }

  static std::pair<Region, AccountId> place(const Key& key) {
    if (!key.region.name.empty() || key.arn.empty()) return {key.region, key.account};
    return place_of_arn(key.arn);
  }

  std::optional<std::size_t> find(const std::string& ref, const AccountId& account,
                                  const Region& region) const {
    return resolver_.find(
        ref, account, region, [&](const std::string& name) { return keys_.by_name(name); },
        [&](const std::string& arn) { return keys_.by_arn(arn); });
  }

  // "key#G" for a known key; the AWS managed aliases that nobody listed by their account and
  // Region; kAwsOwnedKey and anything else as written.
  std::string canonical(const std::string& ref, const AccountId& account,
                        const Region& region) const {
    if (ref == kAwsOwnedKey) return ref;  // no input's key, whatever names the inputs made up
    if (auto g = find(ref, account, region)) return fmt::format("key#{}", *g);
    const KeyRef key = parse_key_ref(ref, account, region);
    if (key.kind == KeyRefKind::alias && (key.id == kAwsRdsAlias || key.id == kAwsBackupAlias)) {
      return fmt::format("{}{}", kAwsManaged, key.scoped());
    }
    return ref;
  }

  // A key known only by its ARN (no manager, no alias) may be the AWS managed key that the
  // other description names by its alias: say what would tell.
  std::string hint(const std::string& a, const std::string& b) const {
    for (const auto& [alias_side, key_side] : {std::pair(a, b), std::pair(b, a)}) {
      if (!alias_side.starts_with(kAwsManaged) || !key_side.starts_with("key#")) continue;
      const std::size_t g = std::stoul(key_side.substr(4));
      if (known_manager_.contains(g) || has_alias_.contains(g)) continue;
      const std::string alias = alias_side.substr(alias_side.rfind('|') + 1);
      return fmt::format(
          "; if {} is the {} key, add the output of `aws kms list-aliases` or `aws kms "
          "describe-key` that says so",
          arns_[g], alias);
    }
    return "";
  }

 private:
  const Things<Key>& keys_;  // its look-ups by name and ARN (the keys themselves move on)
  std::vector<std::string> arns_;
  KeyResolver resolver_;
  std::set<std::size_t> known_manager_, has_alias_;
};

// "vault#G" / "resource#G" for a known thing (by name or ARN), else the reference as written.
template <typename T>
std::string canonical(const Things<T>& things, std::string_view kind, const std::string& ref) {
  std::optional<std::size_t> g = things.by_name(ref);
  if (!g) g = things.by_arn(ref);
  return g ? fmt::format("{}#{}", kind, *g) : ref;
}

// ---------------------------------------------------------------------------------------------
// Following renames

struct Renames {
  const Things<Key>& keys;
  const Things<Resource>& resources;
  const Things<Vault>& vaults;

  // kAwsOwnedKey is no input's key: it stays as written.
  void key(std::size_t input, std::string& ref) const {
    if (ref != kAwsOwnedKey) ref = keys.rename(input, ref);
  }
  void vault(std::size_t input, std::string& ref) const { ref = vaults.rename(input, ref); }
  void resource(std::size_t input, std::string& ref) const { ref = resources.rename(input, ref); }

  void apply(std::size_t input, Key& key) const {
    if (!key.primary.empty()) this->key(input, key.primary);
  }
  void apply(std::size_t input, Resource& resource) const {
    if (!resource.key.empty()) key(input, resource.key);
  }
  void apply(std::size_t input, Vault& vault) const {
    if (!vault.key.empty()) key(input, vault.key);
  }
  void apply(std::size_t input, Plan& plan) const {
    for (PlanRule& rule : plan.rules) {
      vault(input, rule.vault);
      for (std::string& to : rule.copy_to) vault(input, to);
      if (!rule.air_gapped_vault.empty()) vault(input, rule.air_gapped_vault);
    }
    for (std::string& ref : plan.resources) resource(input, ref);
    std::map<std::string, std::string> unknown;
    for (auto& [ref, why] : plan.resources_unknown) {
      std::string renamed = ref;
      resource(input, renamed);
      unknown.emplace(std::move(renamed), std::move(why));
    }
    plan.resources_unknown = std::move(unknown);
    for (Selection& selection : plan.selections) {
      for (std::string& ref : selection.resources) resource(input, ref);
      for (std::string& ref : selection.not_resources) resource(input, ref);
    }
  }
  void apply(std::size_t input, Job& job) const {
    resource(input, job.from.resource);
    vault(input, job.from.vault);
    if (!job.to.empty()) vault(input, job.to);
    if (!job.key.empty()) key(input, job.key);
  }

  template <typename T>
  void apply_all(Things<T>& things) const {
    for (auto& item : things.items()) apply(item.input, item.value);
  }
};

// The Region and account of a plan: its ARN's, else its first rule's target vault's.
std::pair<Region, AccountId> place_of_plan(const Plan& plan, const Things<Vault>& vaults) {
  if (!plan.arn.empty()) return place_of_arn(plan.arn);
  for (const PlanRule& rule : plan.rules) {
    std::optional<std::size_t> g = vaults.by_name(rule.vault);
    if (!g) g = vaults.by_arn(rule.vault);
    if (g) return place_of_arn(vaults.first(*g).arn);
  }
  return {};
}

Result<std::vector<Account>> combine_accounts(std::vector<ModelInput>& inputs) {
  std::vector<Account> out;
  std::map<std::string, std::size_t> by_id;
  for (ModelInput& input : inputs) {
    for (Account& account : input.accounts) {
      const auto [it, added] = by_id.emplace(account.id.value, out.size());
      if (added) {
        out.push_back(std::move(account));
      } else if (Status s = detail::merge(out[it->second], account); !s) {
        return s.error();
      }
    }
  }
  return out;
}

// The observations, each once (the same copy job or recovery point reported twice is one).
template <typename T, typename Id>
std::vector<T> unique_observations(std::vector<ModelInput>& inputs,
                                   std::vector<T> ModelInput::*list, Id id) {
  std::vector<T> out;
  std::set<std::string> seen;
  for (ModelInput& input : inputs) {
    for (T& observation : input.*list) {
      const std::string key = id(observation);
      if (!key.empty() && !seen.insert(key).second) continue;
      out.push_back(std::move(observation));
    }
  }
  return out;
}

}  // namespace

Result<ModelInput> combine(std::vector<ModelInput> inputs) {
  ModelInput combined;
  Result<std::optional<Date>> as_of = combine_as_of(inputs);
  if (!as_of) return as_of.error();
  combined.as_of = *as_of;

  Things<Key> keys(inputs, &ModelInput::keys);
  Things<Resource> resources(inputs, &ModelInput::resources);
  Things<Vault> vaults(inputs, &ModelInput::vaults);
  SNAPKEY_RETURN_IF_ERROR(keys.check_same_arn("keys"));
  SNAPKEY_RETURN_IF_ERROR(resources.check_same_arn("resources"));
  SNAPKEY_RETURN_IF_ERROR(vaults.check_same_arn("vaults"));
  // A generated key name "aws-owned" would hide the AWS owned key (kAwsOwnedKey): qualified.
  keys.name_groups(
      [&](std::size_t g) {
        const auto [region, account] = KeyIndex::place(keys.first(g));
        return std::pair(region, account);
      },
      kAwsOwnedKey);
  resources.name_groups([&](std::size_t g) { return place_of_arn(resources.first(g).arn); });
  vaults.name_groups([&](std::size_t g) { return place_of_arn(vaults.first(g).arn); });

  const Renames renames{keys, resources, vaults};
  renames.apply_all(keys);
  renames.apply_all(resources);
  renames.apply_all(vaults);
  Things<Plan> plans(inputs, &ModelInput::plans);
  SNAPKEY_RETURN_IF_ERROR(plans.check_same_arn("plans"));
  renames.apply_all(plans);
  plans.name_groups([&](std::size_t g) { return place_of_plan(plans.first(g), vaults); });
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (Job& job : inputs[i].jobs) renames.apply(i, job);
  }

  const KeyIndex key_index(keys);
  detail::References refs;
  refs.key = [&](const std::string& ref, const AccountId& account, const Region& region) {
    return key_index.canonical(ref, account, region);
  };
  refs.vault = [&](const std::string& ref) { return canonical(vaults, "vault", ref); };
  refs.resource = [&](const std::string& ref) { return canonical(resources, "resource", ref); };
  refs.key_hint = [&](const std::string& a, const std::string& b) { return key_index.hint(a, b); };

  Result<std::vector<Account>> accounts = combine_accounts(inputs);
  if (!accounts) return accounts.error();
  combined.accounts = std::move(accounts).value();
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<Key> merged_keys, keys.merged(refs));
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<Resource> merged_resources, resources.merged(refs));
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<Vault> merged_vaults, vaults.merged(refs));
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<Plan> merged_plans, plans.merged(refs));
  combined.keys = std::move(merged_keys);
  combined.resources = std::move(merged_resources);
  combined.vaults = std::move(merged_vaults);
  combined.plans = std::move(merged_plans);

  for (ModelInput& input : inputs) append(combined.jobs, input.jobs);
  for (ModelInput& input : inputs) append(combined.suppressions, input.suppressions);
  combined.copy_jobs = unique_observations(inputs, &ModelInput::copy_jobs,
                                           [](const ObservedCopyJob& job) { return job.id; });
  combined.observed_recovery_points =
      unique_observations(inputs, &ModelInput::observed_recovery_points,
                          [](const ObservedRecoveryPoint& point) { return point.arn; });
  return combined;
}

}  // namespace snapkey::io
