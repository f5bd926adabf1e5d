// predict(): walks the plans and jobs of a model, asks the decision procedures for each recovery
// point, and lays the results out as a tree (parents before children) in a stable order.
#include "snapkey/predict.hpp"

#include <fmt/format.h>

#include <map>

#include "core/engine/decision.hpp"

namespace snapkey {
namespace {

using detail::Context;
using detail::Decision;
using detail::SourcePoint;

// The vault part of the id of a recovery point whose vault is not known.
constexpr const char* kUnknownVault = "<unknown>";

class Walk {
 public:
  Walk(const Model& model, Date as_of) : model_(model), ctx_{model, as_of} {}

  void plans() {
    for (const Plan& plan : model_.plans()) {
      for (const PlanRule& rule : plan.rules) {
        for (const std::string& ref : plan.resources)
          backup(plan, rule, *model_.find_resource(ref));
        for (const auto& [name, why] : plan.resources_unknown) {
          const std::size_t first = made_.size();
          backup(plan, rule, *model_.find_resource(name));
          for (std::size_t i = first; i < made_.size(); ++i) not_known_if_made(made_[i], why);
        }
      }
    }
  }

  // Jobs run once their source recovery point exists; chained jobs may wait for other jobs.
  void jobs() {
    std::vector<const Job*> pending;
    for (const Job& job : model_.jobs()) pending.push_back(&job);
    for (bool progress = true; progress && !pending.empty();) {
      progress = false;
      for (auto it = pending.begin(); it != pending.end();) {
        const std::optional<std::size_t> source = find_source((*it)->from);
        if (!source) {
          ++it;
          continue;
        }
        run(**it, *source);
        it = pending.erase(it);
        progress = true;
      }
    }
  }

  Predictions finish(Date as_of) && {
    Predictions out;
    out.as_of = as_of;
    out.resources = model_.resources();
    for (std::size_t i = 0; i < made_.size(); ++i) {
      if (!parent_[i]) visit(i, out.recovery_points);
    }
    return out;
  }

 private:
  Prediction base(const Resource& resource) const {
    Prediction p;
    p.resource = resource.name;
    p.resource_arn = resource.arn;
    p.resource_type = resource.type;
    if (!resource.address.empty()) p.resource_address = resource.address;
    return p;
  }

  static void place_in(Prediction& p, const Vault& vault) {
    p.vault = vault.name;
    p.vault_arn = vault.arn;
    if (!vault.address.empty()) p.vault_address = vault.address;
    p.region = Model::region_of(vault);
    p.account = Model::account_of(vault);
  }

  void backup(const Plan& plan, const PlanRule& rule, const Resource& resource) {
    Prediction p = base(resource);
    p.operation = Operation::backup;
    p.plan = plan.name;
    p.plan_rule = rule.name;
    if (!plan.address.empty()) p.plan_address = plan.address;
    p.location = rule.location;
    p.continuous = rule.continuous;
    std::string id;
    if (const Vault* vault = model_.find_vault(rule.vault); rule.vault_unknown.empty()) {
      place_in(p, *vault);
      p.recovery_point_arn = detail::backup_recovery_point_arn(resource, *vault, rule.continuous);
      const bool air_gapped_target =
          !rule.air_gapped_vault.empty() || !rule.air_gapped_vault_unknown.empty();
      detail::decide_backup(ctx_, resource, *vault, rule.continuous, air_gapped_target).apply_to(p);
      id = resource.name + "@" + vault->name;
    } else {
      p.region = Model::region_of(resource);
      p.account = Model::account_of(resource);
      unknown_vault(rule.vault_unknown).apply_to(p);
      id = resource.name + "@" + kUnknownVault;
    }
    const std::size_t index = add(std::move(p), std::nullopt, id);
    if (!rule.air_gapped_vault.empty())
      copy(index, *model_.find_vault(rule.air_gapped_vault), nullptr, true);
    if (!rule.air_gapped_vault_unknown.empty())
      unknown_copy(index, resource, rule.air_gapped_vault_unknown);
    for (const std::string& to : rule.copy_to) copy(index, *model_.find_vault(to), nullptr);
    for (const std::string& why : rule.copy_to_unknown) unknown_copy(index, resource, why);
  }

  // A recovery point of a resource that a selection may or may not assign: what it would be is
  // kept in the explanation, but whether it is made is not known.
  static void not_known_if_made(Prediction& p, const std::string& why) {
    p.unknowns.insert(p.unknowns.begin(), why);
    if (p.outcome == Outcome::indeterminate) return;
    p.message = fmt::format("not known whether the plan backs the resource up; if it does: {}: {}",
                            to_string(p.outcome), p.message);
    p.outcome = Outcome::indeterminate;
    p.key.reset();
    p.recovery_point_arn.reset();
    p.aws_error.reset();
  }

  static Decision unknown_vault(const std::string& why) {
    Decision d;
    d.step("R6", "The recovery point's key depends on the vault it goes into, which is not known.");
    d.indeterminate(why, "the vault is not known");
    return d;
  }

  // A copy action whose destination vault is not known yet (e.g. until a Terraform apply).
  void unknown_copy(std::size_t parent, const Resource& resource, const std::string& why) {
    Prediction p = base(resource);
    p.operation = Operation::copy;
    from_plan(p, made_[parent]);
    unknown_vault(why).apply_to(p);
    add(std::move(p), parent, resource.name + "@" + kUnknownVault);
  }

  // A copy action's recovery point comes from the same plan rule as its source.
  static void from_plan(Prediction& p, const Prediction& source) {
    p.plan = source.plan;
    p.plan_rule = source.plan_rule;
    p.plan_address = source.plan_address;
    p.location = source.location;
  }

  // A copy action's, an on-demand `job`'s, or the copy into a rule's air-gapped target (R42),
  // which AWS Backup starts by itself.
  void copy(std::size_t parent, const Vault& destination, const Job* job,
            bool air_gapped_target = false) {
    const Prediction& source = made_[parent];
    const Resource& resource = *model_.find_resource(source.resource);
    Prediction p = base(resource);
    p.operation = Operation::copy;
    const bool on_demand = job != nullptr;
    if (on_demand)
      p.location = job->location;
    else
      from_plan(p, source);
    place_in(p, destination);
    p.recovery_point_arn = detail::copy_recovery_point_arn(resource, destination);
    const SourcePoint from{source, resource,
                           source.vault ? model_.find_vault(*source.vault) : nullptr};
    (air_gapped_target ? detail::decide_air_gapped_target(ctx_, from, destination)
                       : detail::decide_copy(ctx_, from, destination, on_demand))
        .apply_to(p);
    add(std::move(p), parent, resource.name + "@" + destination.name);
  }

  void run(const Job& job, std::size_t parent) {
    if (job.kind == JobKind::copy) {
      copy(parent, *model_.find_vault(job.to), &job);
      return;
    }
    const Prediction& source = made_[parent];
    const Resource& resource = *model_.find_resource(source.resource);
    const SourcePoint from{source, resource,
                           source.vault ? model_.find_vault(*source.vault) : nullptr};
    Prediction p = base(resource);
    p.location = job.location;
    p.region = job.region.empty() ? source.region : Region{job.region};
    p.account = job.account.empty() ? source.account : AccountId{job.account};
    const std::string account_suffix = p.account == source.account ? "" : ":" + p.account.value;
    std::string id;
    if (job.kind == JobKind::native_copy) {
      p.operation = Operation::native_copy;
      p.recovery_point_arn =
          fmt::format("arn:{}:rds:{}:{}:{}:<snapshot-name>", partition_of(p.region), p.region.name,
                      p.account.value, is_cluster(resource.type) ? "cluster-snapshot" : "snapshot");
      detail::decide_native_copy(ctx_, from, job).apply_to(p);
      id = fmt::format("{}/native-copy@{}{}", source.id, p.region.name, account_suffix);
    } else {
      p.operation = Operation::restore;
      detail::decide_restore(ctx_, from, job).apply_to(p);
      id = fmt::format("{}/restore{}", source.id,
                       account_suffix.empty() ? "" : "@" + p.account.value);
    }
    add(std::move(p), parent, id);
  }

  // The first recovery point of the resource in the vault, in creation order.
  std::optional<std::size_t> find_source(const RecoveryPointRef& ref) const {
    const std::string resource = model_.find_resource(ref.resource)->name;
    const std::string vault = model_.find_vault(ref.vault)->name;
    for (std::size_t i = 0; i < made_.size(); ++i) {
      if (made_[i].resource == resource && made_[i].vault == vault) return i;
    }
    return std::nullopt;
  }

  std::size_t add(Prediction p, std::optional<std::size_t> parent, const std::string& id) {
    const int seen = ++ids_[id];
    p.id = seen == 1 ? id : fmt::format("{}#{}", id, seen);
    if (parent) p.parent = made_[*parent].id;
    // A recovery point that is not made has no ARN.
    if (p.outcome != Outcome::encrypted && p.outcome != Outcome::unencrypted)
      p.recovery_point_arn.reset();
    made_.push_back(std::move(p));
    parent_.push_back(parent);
    children_.emplace_back();
    if (parent) children_[*parent].push_back(made_.size() - 1);
    return made_.size() - 1;
  }

  void visit(std::size_t i, std::vector<Prediction>& out) {
    out.push_back(std::move(made_[i]));
    for (std::size_t child : children_[i]) visit(child, out);
  }

  const Model& model_;
  Context ctx_;
  std::vector<Prediction> made_;
  std::vector<std::optional<std::size_t>> parent_;
  std::vector<std::vector<std::size_t>> children_;
  std::map<std::string, int> ids_;
};

}  // namespace

Predictions predict(const Model& model, const Options& options) {
  const Date as_of = options.as_of.value_or(model.as_of().value_or(newest_rule_date()));
  Walk walk(model, as_of);
  walk.plans();
  walk.jobs();
  return std::move(walk).finish(as_of);
}

}  // namespace snapkey
