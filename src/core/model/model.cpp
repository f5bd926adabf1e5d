// Model::build: sorts the input, checks every fact, resolves every reference, and indexes it.
#include "snapkey/model.hpp"

#include "core/model/selection.hpp"
#include "snapkey/key_ref.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace snapkey {

struct Model::Index {
  std::unordered_map<std::string, std::size_t> key_by_name, key_by_arn;
  KeyResolver keys;  // aliases and key ids in their place
  std::unordered_map<std::string, std::size_t> resource_by_name, resource_by_arn;
  std::unordered_map<std::string, std::size_t> vault_by_name, vault_by_arn;
  std::unordered_map<std::string, std::size_t> account_by_id;
};

namespace {

// The model's name of the AWS owned key (sse-rds) of an account and Region.
std::string aws_owned_key_name(const AccountId& account, const Region& region) {
  return fmt::format("{}@{}:{}", kAwsOwnedKey, region.name, account.value);
}

Error error_at(std::string id, const Location& location, std::string message) {
  return Error{std::move(id), std::move(message), location};
}

template <typename T>
std::vector<std::string_view> names_of(const std::vector<T>& items) {
  std::vector<std::string_view> names;
  for (const T& item : items) names.push_back(item.name);
  return names;
}

// " (did you mean 'x'?)" or "".
template <typename T>
std::string suggestion(std::string_view ref, const std::vector<T>& items) {
  const std::string hint = closest_match(ref, names_of(items));
  return hint.empty() ? std::string() : fmt::format("; did you mean '{}'?", hint);
}

// An error of a parse_*_arn function, placed at the thing whose ARN it is.
Error placed(Error error, const Location& location) {
  return error_at(std::move(error.id), location, std::move(error.message));
}

// Why a multi-Region key's id is not one: no mrk- at all, or the wrong digits after it.
std::string not_a_multi_region_key_id(const Key& key) {
  const std::string id = key.key_id();
  if (!id.starts_with("mrk-")) {
    return fmt::format("key '{}' is a multi-Region {} but its key id '{}' does not start with mrk-",
                       key.name, to_string(key.multi_region), id);
  }
  const std::string_view digits = std::string_view(id).substr(4);
  const bool hex = std::all_of(digits.begin(), digits.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
  });
  return fmt::format(
      "key '{}' is a multi-Region {} but its key id '{}' is not one: expected mrk- and 32 hex "
      "digits, found {} {}",
      key.name, to_string(key.multi_region), id, digits.size(),
      hex ? "hex digits" : "characters, not all hex digits");
}

template <typename T>
Status check_unique_names(const std::vector<T>& items, std::string_view what) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    if (items[i].name == items[i - 1].name) {
      return error_at("E_DUPLICATE_NAME", items[i].location,
                      fmt::format("{} '{}' is defined twice", what, items[i].name));
    }
  }
  return Ok{};
}

template <typename T>
Status index_arns(const std::vector<T>& items, std::string_view what,
                  std::unordered_map<std::string, std::size_t>& by_arn) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].arn.empty()) continue;
    auto [it, inserted] = by_arn.emplace(items[i].arn, i);
    if (!inserted) {
      return error_at("E_DUPLICATE_ARN", items[i].location,
                      fmt::format("{} '{}' and '{}' have the same ARN {}", what,
                                  items[it->second].name, items[i].name, items[i].arn));
    }
  }
  return Ok{};
}

bool by_name(const auto& a, const auto& b) { return a.name < b.name; }

bool by_test(const TagCondition& a, const TagCondition& b) {
  return std::tie(a.test, a.key, a.value, a.unknown) < std::tie(b.test, b.key, b.value, b.unknown);
}

// Selections by name, then by where they are written (two with the same name are still told
// apart).
bool by_name_and_place(const Selection& a, const Selection& b) {
  return std::tie(a.name, a.location.file, a.location.line, a.location.column, a.location.pointer) <
         std::tie(b.name, b.location.file, b.location.line, b.location.column, b.location.pointer);
}

// A selection's tests are sets: sorted, so that which unknown test a prediction names does not
// depend on the order they were read in.
void sort_selection(Selection& selection) {
  std::sort(selection.resources.begin(), selection.resources.end());
  std::sort(selection.not_resources.begin(), selection.not_resources.end());
  std::sort(selection.any_tags.begin(), selection.any_tags.end(), by_test);
  std::sort(selection.all_tags.begin(), selection.all_tags.end(), by_test);
  std::sort(selection.resources_unknown.begin(), selection.resources_unknown.end());
  std::sort(selection.not_resources_unknown.begin(), selection.not_resources_unknown.end());
}

void sort_input(ModelInput& in) {
  std::sort(in.accounts.begin(), in.accounts.end(),
            [](const Account& a, const Account& b) { return a.id < b.id; });
  for (Key& key : in.keys) {
    std::sort(key.aliases.begin(), key.aliases.end());
    std::sort(key.shared_with.begin(), key.shared_with.end());
  }
  for (Vault& vault : in.vaults) {
    if (vault.allows_copy_from)
      std::sort(vault.allows_copy_from->begin(), vault.allows_copy_from->end());
  }
  for (Plan& plan : in.plans) {
    for (PlanRule& rule : plan.rules) {
      std::sort(rule.copy_to.begin(), rule.copy_to.end());
      std::sort(rule.copy_to_unknown.begin(), rule.copy_to_unknown.end());
    }
    std::sort(plan.rules.begin(), plan.rules.end(), by_name<PlanRule, PlanRule>);
    std::sort(plan.resources.begin(), plan.resources.end());
    for (Selection& selection : plan.selections) sort_selection(selection);
    std::sort(plan.selections.begin(), plan.selections.end(), by_name_and_place);
  }
  std::sort(in.keys.begin(), in.keys.end(), by_name<Key, Key>);
  std::sort(in.resources.begin(), in.resources.end(), by_name<Resource, Resource>);
  std::sort(in.vaults.begin(), in.vaults.end(), by_name<Vault, Vault>);
  std::sort(in.plans.begin(), in.plans.end(), by_name<Plan, Plan>);
  std::stable_sort(in.jobs.begin(), in.jobs.end(), [](const Job& a, const Job& b) {
    return std::tie(a.kind, a.from.resource, a.from.vault, a.to, a.region, a.account, a.key) <
           std::tie(b.kind, b.from.resource, b.from.vault, b.to, b.region, b.account, b.key);
  });
}

}  // namespace

// The steps of Model::build, in order. Each returns the first error it finds.
class ModelBuilder {
 public:
  explicit ModelBuilder(ModelInput input) : in_(std::move(input)) {}

  Result<Model> build() {
    sort_input(in_);
    // Each step relies on the ones before it, so stop at the first error.
    for (auto step : {&ModelBuilder::places, &ModelBuilder::unique, &ModelBuilder::implicit_keys,
                      &ModelBuilder::index, &ModelBuilder::keys, &ModelBuilder::resources,
                      &ModelBuilder::vaults, &ModelBuilder::plans, &ModelBuilder::selections,
                      &ModelBuilder::jobs, &ModelBuilder::recovery_points}) {
      SNAPKEY_RETURN_IF_ERROR((this->*step)());
    }
    Model model;
    model.input_ = std::make_shared<ModelInput>(std::move(in_));
    model.index_ = std::make_shared<const Model::Index>(std::move(index_));
    return model;
  }

 private:
  // Fills in Regions and accounts from the ARNs, checking each ARN's kind.
  Status places() {
    for (Key& key : in_.keys) {
      if (key.arn.empty()) continue;
      Result<KeyArn> arn = parse_key_arn(key.arn);
      if (!arn) return placed(arn.error(), key.location);
      key.region = arn->region;
      key.account = arn->account;
    }
    for (const Resource& r : in_.resources) {
      if (Result<DatabaseArn> arn = parse_database_arn(r.arn); !arn) {
        return placed(arn.error(), r.location);
      }
    }
    for (const Vault& v : in_.vaults) {
      if (Result<VaultArn> arn = parse_vault_arn(v.arn); !arn)
        return placed(arn.error(), v.location);
    }
    for (const Plan& p : in_.plans) {
      if (p.arn.empty()) continue;
      if (Result<PlanArn> arn = parse_plan_arn(p.arn); !arn) return placed(arn.error(), p.location);
    }
    return Ok{};
  }

  Status unique() {
    for (Status s :
         {check_unique_names(in_.keys, "key"), check_unique_names(in_.resources, "resource"),
          check_unique_names(in_.vaults, "vault"), check_unique_names(in_.plans, "plan")}) {
      if (!s) return s;
    }
    for (std::size_t i = 1; i < in_.accounts.size(); ++i) {
      if (in_.accounts[i].id == in_.accounts[i - 1].id) {
        return error_at("E_DUPLICATE_NAME", in_.accounts[i].location,
                        fmt::format("account {} is described twice", in_.accounts[i].id.value));
      }
    }
    return Ok{};
  }

  // alias/aws/rds, alias/aws/backup and Aurora's AWS owned key exist in every account and Region
  // the model touches.
  Status implicit_keys() {
    std::set<std::pair<AccountId, Region>> places;
    for (const Key& k : in_.keys) places.insert({k.account, k.region});
    for (const Resource& r : in_.resources)
      places.insert({Model::account_of(r), Model::region_of(r)});
    for (const Vault& v : in_.vaults) places.insert({Model::account_of(v), Model::region_of(v)});
    std::set<AccountId> accounts;
    std::set<Region> regions;
    for (const auto& [account, region] : places) {
      accounts.insert(account);
      regions.insert(region);
    }
    for (const Job& job : in_.jobs) {
      if (!job.account.empty()) accounts.insert(AccountId{job.account});
      if (!job.region.empty()) regions.insert(Region{job.region});
    }
    // Jobs may name any account and Region they touch; cover every combination.
    for (const AccountId& account : accounts) {
      for (const Region& region : regions) places.insert({account, region});
    }
    for (const auto& place : places) {
      const AccountId& account = place.first;
      const Region& region = place.second;
      for (std::string_view alias : {kAwsRdsAlias, kAwsBackupAlias}) {
        const bool listed = std::any_of(in_.keys.begin(), in_.keys.end(), [&](const Key& k) {
          return k.account == account && k.region == region &&
                 std::find(k.aliases.begin(), k.aliases.end(), alias) != k.aliases.end();
        });
        if (listed) continue;
        Key key;
        key.name = fmt::format("{}@{}:{}", alias, region.name, account.value);
        key.region = region;
        key.account = account;
        key.aliases = {std::string(alias)};
        key.manager = KeyManager::aws;
        key.implicit = true;
        in_.keys.push_back(std::move(key));
      }
      Key owned;  // the AWS owned key of Aurora's default encryption (R39, R41)
      owned.name = aws_owned_key_name(account, region);
      owned.region = region;
      owned.account = account;
      owned.manager = KeyManager::aws_owned;
      owned.implicit = true;
      in_.keys.push_back(std::move(owned));
    }
    std::sort(in_.keys.begin(), in_.keys.end(), by_name<Key, Key>);
    return Ok{};
  }

  Status index() {
    for (std::size_t i = 0; i < in_.keys.size(); ++i) {
      const Key& key = in_.keys[i];
      index_.key_by_name.emplace(key.name, i);
      if (!key.key_id().empty()) index_.keys.add_key_id(key.account, key.region, key.key_id(), i);
      for (const std::string& alias : key.aliases) {
        if (const auto other = index_.keys.add_alias(key.account, key.region, alias, i)) {
          return error_at(
              "E_DUPLICATE_ALIAS", key.location,
              fmt::format("keys '{}' and '{}' both have alias {} in {} {}", in_.keys[*other].name,
                          key.name, alias, key.account.value, key.region.name));
        }
      }
    }
    for (std::size_t i = 0; i < in_.resources.size(); ++i)
      index_.resource_by_name.emplace(in_.resources[i].name, i);
    for (std::size_t i = 0; i < in_.vaults.size(); ++i)
      index_.vault_by_name.emplace(in_.vaults[i].name, i);
    for (std::size_t i = 0; i < in_.accounts.size(); ++i)
      index_.account_by_id.emplace(in_.accounts[i].id.value, i);
    for (Status s : {index_arns(in_.keys, "keys", index_.key_by_arn),
                     index_arns(in_.resources, "resources", index_.resource_by_arn),
                     index_arns(in_.vaults, "vaults", index_.vault_by_arn)}) {
      if (!s) return s;
    }
    model_.input_ = std::shared_ptr<ModelInput>(&in_, [](ModelInput*) {});
    model_.index_ = std::shared_ptr<const Model::Index>(&index_, [](const Model::Index*) {});
    return Ok{};
  }

  Status keys() {
    for (const Key& key : in_.keys) {
      if (key.implicit) continue;
      const bool mrk_id = is_multi_region_key_id(key.key_id());
      if (!key.arn.empty() && mrk_id != (key.multi_region != MultiRegion::none)) {
        return error_at(
            "E_MULTI_REGION_KEY_ID", key.location,
            mrk_id ? fmt::format("key '{}' has a multi-Region key id (mrk-...) but multi_region is "
                                 "none; expected primary or replica",
                                 key.name)
                   : not_a_multi_region_key_id(key));
      }
      for (const std::string& alias : key.aliases) {
        if (alias.starts_with("alias/aws/") && key.manager != KeyManager::aws) {
          return error_at(
              "E_RESERVED_ALIAS", key.location,
              fmt::format("key '{}' has alias {}, but alias/aws/ names belong to AWS managed keys; "
                          "expected manager: aws",
                          key.name, alias));
        }
      }
      if (key.manager == KeyManager::aws &&
          (key.state != KeyState::enabled || key.multi_region != MultiRegion::none)) {
        return error_at(
            "E_AWS_MANAGED_KEY", key.location,
            fmt::format("key '{}' is AWS managed, and AWS managed keys are always Enabled and "
                        "single-Region (R29); found state {}, multi_region {}",
                        key.name, to_string(key.state), to_string(key.multi_region)));
      }
      if (key.multi_region == MultiRegion::replica && model_.primary_of(key) == nullptr) {
        return error_at(
            "E_REPLICA_PRIMARY", key.location,
            key.primary.empty()
                ? fmt::format(
                      "key '{}' is a multi-Region replica, but no key is its primary (a key "
                      "with multi_region: primary and key id {} in account {})",
                      key.name, key.key_id(), key.account.value)
                : fmt::format(
                      "key '{}' is a replica of '{}', which is not a multi-Region primary key "
                      "with the same key id",
                      key.name, key.primary));
      }
    }
    return Ok{};
  }

  Result<const Key*> resolve_key(const std::string& ref, const AccountId& account,
                                 const Region& region, const Location& location,
                                 std::string_view user) {
    const Key* key = model_.find_key(ref, account, region);
    if (key == nullptr) {
      return error_at("E_KEY_REF", location,
                      fmt::format("{} names key '{}', which is not defined in {} {}{}", user, ref,
                                  account.value, region.name, suggestion(ref, in_.keys)));
    }
    return key;
  }

  Status resources() {
    for (const Resource& r : in_.resources) {
      if (r.key == kAwsOwnedKey &&
          (r.type == ResourceType::docdb || r.type == ResourceType::neptune)) {
        return error_at(
            "E_AWS_OWNED_KEY", r.location,
            fmt::format("resource '{}' is {}, which has no AWS owned key encryption (sse-rds is "
                        "Aurora's and RDS's); expected a customer managed key, aws/rds or none",
                        r.name, to_string(r.type)));
      }
      if (r.key.empty()) continue;
      const std::string user = fmt::format("resource '{}'", r.name);
      auto key = resolve_key(r.key, Model::account_of(r), Model::region_of(r), r.location, user);
      if (!key) return key.error();
      if ((*key)->region != Model::region_of(r)) {
        return error_at(
            "E_RESOURCE_KEY_REGION", r.location,
            fmt::format("resource '{}' is in {} but its key '{}' is in {}; expected a key in {}",
                        r.name, Model::region_of(r).name, r.key, (*key)->region.name,
                        Model::region_of(r).name));
      }
    }
    return Ok{};
  }

  Status vaults() {
    for (const Vault& v : in_.vaults) {
      if (v.key.empty()) continue;
      const std::string user = fmt::format("vault '{}'", v.name);
      auto key = resolve_key(v.key, Model::account_of(v), Model::region_of(v), v.location, user);
      if (!key) return key.error();
      if ((*key)->region != Model::region_of(v)) {
        return error_at(
            "E_VAULT_KEY_REGION", v.location,
            fmt::format(
                "vault '{}' is in {} but its key '{}' is in {}; a vault's key must be in the "
                "vault's Region",
                v.name, Model::region_of(v).name, v.key, (*key)->region.name));
      }
      if (v.type == VaultType::logically_air_gapped && (*key)->manager == KeyManager::aws) {
        return error_at(
            "E_LAG_VAULT_KEY", v.location,
            fmt::format(
                "logically air-gapped vault '{}' names the AWS managed key '{}'; expected a "
                "customer managed key, or no key for the AWS owned key",
                v.name, v.key));
      }
    }
    return Ok{};
  }

  Result<const Vault*> resolve_vault(const std::string& ref, const Location& location,
                                     std::string_view user) {
    const Vault* vault = model_.find_vault(ref);
    if (vault == nullptr) {
      return error_at("E_VAULT_REF", location,
                      fmt::format("{} names vault '{}', which is not defined{}", user, ref,
                                  suggestion(ref, in_.vaults)));
    }
    return vault;
  }

  Result<const Resource*> resolve_resource(const std::string& ref, const Location& location,
                                           std::string_view user) {
    const Resource* resource = model_.find_resource(ref);
    if (resource == nullptr) {
      return error_at("E_RESOURCE_REF", location,
                      fmt::format("{} names resource '{}', which is not defined{}", user, ref,
                                  suggestion(ref, in_.resources)));
    }
    return resource;
  }

  Status plans() {
    for (const Plan& plan : in_.plans) {
      for (const PlanRule& rule : plan.rules) {
        const std::string user = fmt::format("rule '{}' of plan '{}'", rule.name, plan.name);
        for (const std::string& ref : rule.copy_to) {
          SNAPKEY_RETURN_IF_ERROR(resolve_vault(ref, rule.location, user));
        }
        SNAPKEY_RETURN_IF_ERROR(air_gapped_target(rule, user));
        if (!rule.vault_unknown.empty()) continue;
        auto target = resolve_vault(rule.vault, rule.location, user);
        if (!target) return target.error();
        if (Model::region_of(**target) != model_.region_of(plan) ||
            Model::account_of(**target) != model_.account_of(plan)) {
          return error_at(
              "E_PLAN_REGION", rule.location,
              fmt::format(
                  "{} backs up into vault '{}' in {} {}, but the plan is in {} {}; a rule's "
                  "target vault must be in the plan's account and Region",
                  user, rule.vault, Model::account_of(**target).value,
                  Model::region_of(**target).name, model_.account_of(plan).value,
                  model_.region_of(plan).name));
        }
      }
      std::vector<std::string> refs = plan.resources;
      for (const auto& entry : plan.resources_unknown) refs.push_back(entry.first);
      for (const std::string& ref : refs) {
        const std::string user = fmt::format("plan '{}'", plan.name);
        auto resource = resolve_resource(ref, plan.location, user);
        if (!resource) return resource.error();
        if (Model::region_of(**resource) != model_.region_of(plan) ||
            Model::account_of(**resource) != model_.account_of(plan)) {
          return error_at(
              "E_PLAN_RESOURCE_REGION", plan.location,
              fmt::format(
                  "plan '{}' in {} {} selects resource '{}' in {} {}; a backup plan only backs "
                  "up resources in its own account and Region",
                  plan.name, model_.account_of(plan).value, model_.region_of(plan).name, ref,
                  Model::account_of(**resource).value, Model::region_of(**resource).name));
        }
      }
    }
    return Ok{};
  }

  // TargetLogicallyAirGappedBackupVaultArn must name a logically air-gapped vault (R42).
  Status air_gapped_target(const PlanRule& rule, const std::string& user) {
    if (rule.air_gapped_vault.empty()) return Ok{};
    auto vault = resolve_vault(rule.air_gapped_vault, rule.location, user);
    if (!vault) return vault.error();
    if ((*vault)->type == VaultType::logically_air_gapped) return Ok{};
    return error_at("E_AIR_GAPPED_VAULT", rule.location,
                    fmt::format("{} names vault '{}' as its logically air-gapped target, but it is "
                                "a {} vault; expected a logically air-gapped vault",
                                user, rule.air_gapped_vault, to_string((*vault)->type)));
  }

  // Turns every plan's resources into sorted, unique resource names, adding what its selections
  // assign: resources of the plan's account and Region only, as AWS Backup does. The resources
  // the input says may be assigned (a scenario's resources_unknown) are named by name too, and
  // the selections add theirs.
  Status selections() {
    // Resources by account and Region, so each plan only looks at its own (exports have
    // thousands of both).
    std::map<std::pair<AccountId, Region>, std::vector<const Resource*>> by_place;
    for (const Resource& resource : in_.resources) {
      by_place[{Model::account_of(resource), Model::region_of(resource)}].push_back(&resource);
    }
    for (Plan& plan : in_.plans) {
      std::set<std::string> names;
      for (const std::string& ref : plan.resources) names.insert(model_.find_resource(ref)->name);
      const auto local = by_place.find({model_.account_of(plan), model_.region_of(plan)});
      std::map<std::string, std::string> unknown;
      for (auto& [ref, why] : plan.resources_unknown) {
        unknown.try_emplace(model_.find_resource(ref)->name, std::move(why));
      }
      for (const Selection& selection : plan.selections) {
        if (local == by_place.end()) break;
        for (const Resource* resource : local->second) {
          const detail::Assignment a = detail::assigns(selection, *resource);
          if (a.is == detail::Assignment::Is::yes) names.insert(resource->name);
          if (a.is == detail::Assignment::Is::unknown) {
            unknown.try_emplace(resource->name,
                                fmt::format("whether selection '{}' of plan '{}' assigns {}: {}",
                                            selection.name, plan.name, resource->name, a.why));
          }
        }
      }
      plan.resources.assign(names.begin(), names.end());
      // A resource another selection assigns for certain is backed up anyway.
      std::erase_if(unknown, [&](const auto& entry) { return names.contains(entry.first); });
      plan.resources_unknown = std::move(unknown);
    }
    return Ok{};
  }

  Status jobs() {
    for (const Job& job : in_.jobs) {
      const std::string user =
          fmt::format("{} job from {}", to_string(job.kind), job.from.to_string());
      SNAPKEY_RETURN_IF_ERROR(resolve_resource(job.from.resource, job.location, user));
      SNAPKEY_ASSIGN_OR_RETURN(auto source, resolve_vault(job.from.vault, job.location, user));
      if (job.kind == JobKind::copy) {
        SNAPKEY_RETURN_IF_ERROR(resolve_vault(job.to, job.location, user));
      }
      if (job.key.empty()) continue;
      const AccountId account =
          job.account.empty() ? Model::account_of(*source) : AccountId{job.account};
      const Region region = job.region.empty() ? Model::region_of(*source) : Region{job.region};
      SNAPKEY_RETURN_IF_ERROR(resolve_key(job.key, account, region, job.location, user));
    }
    return Ok{};
  }

  // Every job's source recovery point must be made by a plan or by another job.
  Status recovery_points() {
    std::set<std::pair<std::string, std::string>> made;  // (resource name, vault name)
    auto vault_name = [&](const std::string& ref) { return model_.find_vault(ref)->name; };
    for (const Plan& plan : in_.plans) {
      std::vector<std::string> backed_up = plan.resources;
      for (const auto& entry : plan.resources_unknown) backed_up.push_back(entry.first);
      for (const std::string& r : backed_up) {
        const std::string resource = model_.find_resource(r)->name;
        for (const PlanRule& rule : plan.rules) {
          if (!rule.vault_unknown.empty()) continue;  // its copies have no source either
          made.insert({resource, vault_name(rule.vault)});
          for (const std::string& to : rule.copy_to) made.insert({resource, vault_name(to)});
          if (!rule.air_gapped_vault.empty())
            made.insert({resource, vault_name(rule.air_gapped_vault)});
        }
      }
    }
    auto source_of = [&](const Job& job) {
      return std::pair{model_.find_resource(job.from.resource)->name, vault_name(job.from.vault)};
    };
    for (bool grew = true; grew;) {  // chained copies: repeat until nothing new is made
      grew = false;
      for (const Job& job : in_.jobs) {
        if (job.kind == JobKind::copy && made.contains(source_of(job))) {
          grew |= made.insert({source_of(job).first, vault_name(job.to)}).second;
        }
      }
    }
    for (const Job& job : in_.jobs) {
      if (!made.contains(source_of(job))) {
        return error_at(
            "E_RECOVERY_POINT_REF", job.location,
            fmt::format(
                "{} job copies from {}, but no backup plan or copy job puts a recovery point "
                "of '{}' into vault '{}'",
                to_string(job.kind), job.from.to_string(), job.from.resource, job.from.vault));
      }
    }
    return Ok{};
  }

  ModelInput in_;
  Model::Index index_;
  Model model_;  // a view of in_ and index_ while building, for the look-ups
};

Result<Model> Model::build(ModelInput input) { return ModelBuilder(std::move(input)).build(); }

const Key* Model::find_key(std::string_view ref, const AccountId& account,
                           const Region& region) const {
  const Index& ix = *index_;
  const auto in = [](const std::unordered_map<std::string, std::size_t>& map) {
    return [&map](const std::string& k) -> std::optional<std::size_t> {
      const auto it = map.find(k);
      return it == map.end() ? std::nullopt : std::optional(it->second);
    };
  };
  // "aws-owned" is reserved: it names the AWS owned key of the place, whatever else is named so.
  const std::optional<std::size_t> found =
      ref == kAwsOwnedKey
          ? in(ix.key_by_name)(aws_owned_key_name(account, region))
          : ix.keys.find(ref, account, region, in(ix.key_by_name), in(ix.key_by_arn));
  return found ? &input_->keys[*found] : nullptr;
}

const Key& Model::aws_managed_key(std::string_view alias, const AccountId& account,
                                  const Region& region) const {
  // Model::build made one for every account and Region the model touches.
  return *find_key(alias, account, region);
}

const Key& Model::aws_owned_key(const AccountId& account, const Region& region) const {
  return *find_key(kAwsOwnedKey, account, region);
}

const Key* Model::primary_of(const Key& replica) const {
  if (replica.multi_region != MultiRegion::replica) return nullptr;
  const Key* primary = nullptr;
  if (!replica.primary.empty()) {
    primary = find_key(replica.primary, replica.account, replica.region);
  } else if (!replica.key_id().empty()) {
    for (const Key& key : input_->keys) {
      if (key.multi_region == MultiRegion::primary && key.account == replica.account &&
          key.key_id() == replica.key_id()) {
        primary = &key;
      }
    }
  }
  // A planned key (Terraform, CloudFormation) may have no ARN, hence no key id, yet.
  const bool same_id =
      primary != nullptr && (primary->key_id().empty() || replica.key_id().empty() ||
                             primary->key_id() == replica.key_id());
  const bool related = same_id && primary->multi_region == MultiRegion::primary &&
                       partition_of(primary->region) == partition_of(replica.region);
  return related ? primary : nullptr;
}

std::vector<const Key*> Model::related_keys(const Key& key) const {
  std::vector<const Key*> related;
  // `key` may be a copy (a prediction's): compare the model's own keys.
  const Key* self = find_key(key.name, key.account, key.region);
  if (self == nullptr) return related;
  const Key* primary = self->multi_region == MultiRegion::primary ? self : primary_of(*self);
  if (primary == nullptr) return related;
  related.push_back(primary);
  for (const Key& other : input_->keys) {
    if (primary_of(other) == primary) related.push_back(&other);
  }
  return related;
}

const Resource* Model::find_resource(std::string_view ref) const {
  for (const auto* map : {&index_->resource_by_name, &index_->resource_by_arn}) {
    if (const auto it = map->find(std::string(ref)); it != map->end())
      return &input_->resources[it->second];
  }
  return nullptr;
}

const Vault* Model::find_vault(std::string_view ref) const {
  for (const auto* map : {&index_->vault_by_name, &index_->vault_by_arn}) {
    if (const auto it = map->find(std::string(ref)); it != map->end())
      return &input_->vaults[it->second];
  }
  return nullptr;
}

std::optional<Key> Model::key_of(const Vault& vault) const {
  if (!vault.key_unknown.empty()) return std::nullopt;
  const AccountId account = account_of(vault);
  const Region region = region_of(vault);
  if (!vault.key.empty()) return *find_key(vault.key, account, region);
  if (vault.type == VaultType::standard) return aws_managed_key(kAwsBackupAlias, account, region);
  Key owned;
  owned.name = "AWS owned key";
  owned.region = region;
  owned.account = account;
  owned.manager = KeyManager::aws_owned;
  return owned;
}

Account Model::account(const AccountId& id) const {
  const auto it = index_->account_by_id.find(id.value);
  if (it != index_->account_by_id.end()) return input_->accounts[it->second];
  Account defaults;
  defaults.id = id;
  return defaults;
}

namespace {
std::string arn_field(const std::string& arn, int field) {
  std::size_t start = 0;
  for (int i = 0; i < field; ++i) start = arn.find(':', start) + 1;
  return arn.substr(start, arn.find(':', start) - start);
}
}  // namespace

Region Model::region_of(const Vault& vault) { return Region{arn_field(vault.arn, 3)}; }
AccountId Model::account_of(const Vault& vault) { return AccountId{arn_field(vault.arn, 4)}; }
Region Model::region_of(const Resource& resource) { return Region{arn_field(resource.arn, 3)}; }
AccountId Model::account_of(const Resource& resource) {
  return AccountId{arn_field(resource.arn, 4)};
}

namespace {
// The target vault of the plan's first rule whose target is known.
const Vault* first_target(const Model& model, const Plan& plan) {
  for (const PlanRule& rule : plan.rules) {
    if (const Vault* vault = model.find_vault(rule.vault)) return vault;
  }
  return nullptr;
}
}  // namespace

Region Model::region_of(const Plan& plan) const {
  if (!plan.arn.empty()) return Region{arn_field(plan.arn, 3)};
  const Vault* vault = first_target(*this, plan);
  return vault == nullptr ? Region{} : region_of(*vault);
}

AccountId Model::account_of(const Plan& plan) const {
  if (!plan.arn.empty()) return AccountId{arn_field(plan.arn, 4)};
  const Vault* vault = first_target(*this, plan);
  return vault == nullptr ? AccountId{} : account_of(*vault);
}

}  // namespace snapkey
