// The diagram of a design: every resource and vault of the model in its account and Region, the
// keys they use, and an edge for every predicted recovery point.
#include "render/graph/diagram.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace snapkey::render::graph {
namespace {

// Keys are unique by name in a model; the AWS owned key of an air-gapped vault is not listed
// there, and has one name everywhere.
std::string key_id(const Model& model, const Key& key) {
  if (model.find_key(key.name, key.account, key.region) != nullptr) return "key:" + key.name;
  return fmt::format("key:{}@{}/{}", key.name, key.account.value, key.region.name);
}

std::string key_kind(const Key& key) {
  switch (key.manager) {
    case KeyManager::aws:
      return "AWS managed key";
    case KeyManager::aws_owned:
      return "AWS owned key";
    case KeyManager::unknown:
      return "key of an unknown manager";
    case KeyManager::customer:
      break;
  }
  switch (key.multi_region) {
    case MultiRegion::primary:
      return "multi-Region primary key";
    case MultiRegion::replica:
      return "multi-Region replica key";
    case MultiRegion::none:
      break;
  }
  return "customer managed key";
}

std::string resource_kind(ResourceType type) {
  switch (type) {
    case ResourceType::aurora:
      return "Aurora cluster";
    case ResourceType::rds_instance:
      return "RDS DB instance";
    case ResourceType::rds_multiaz_cluster:
      return "Multi-AZ DB cluster";
    case ResourceType::docdb:
      return "DocumentDB cluster";
    case ResourceType::neptune:
      return "Neptune cluster";
  }
  return std::string(to_string(type));
}

std::string vault_kind(const Vault& vault) {
  switch (vault.type) {
    case VaultType::logically_air_gapped:
      return fmt::format("logically air-gapped vault {}", vault.vault_name());
    case VaultType::restore_access:
      return fmt::format("restore access vault {}", vault.vault_name());
    case VaultType::standard:
      break;
  }
  return fmt::format("vault {}", vault.vault_name());
}

// How an edge's label starts: "backup · R2", "aurora: copy · R9". Copies name their resource:
// the vaults they join hold the recovery points of many.
std::string operation_line(const Prediction& rp) {
  std::string line(to_string(rp.operation));
  if (rp.operation != Operation::backup) line = rp.resource + ": " + line;
  if (rp.continuous) line += " (continuous)";
  if (!rp.rules.empty()) line += " · " + rp.rules.back();
  return line;
}

class Builder {
 public:
  Builder(const Model& model, const Predictions& predictions)
      : model_(model), predictions_(predictions) {}

  Diagram build() {
    for (const Resource& resource : predictions_.resources) add_resource(resource);
    for (const Vault& vault : model_.vaults()) add_vault(vault);
    for (const Key& key : model_.keys()) {
      if (!key.implicit) add_key(key);
    }
    for (const Prediction& rp : predictions_.recovery_points) add_recovery_point(rp);
    return finish();
  }

 private:
  void add_node(const AccountId& account, const Region& region, Node node) {
    auto& nodes = boxes_[{account.value, region.name}];
    nodes.emplace(std::pair{static_cast<int>(node.kind), node.id}, std::move(node));
  }

  void add_key_use(std::string from, std::string to, EdgeKind kind, std::string label) {
    key_uses_.insert({std::move(from), std::move(to), kind, std::move(label)});
  }

  std::string add_key(const Key& key) {
    std::string id = key_id(model_, key);
    add_node(key.account, key.region, {id, NodeKind::key, {key.display_name(), key_kind(key)}});
    if (const Key* primary = model_.primary_of(key)) {
      add_key(*primary);
      add_key_use(id, key_id(model_, *primary), EdgeKind::key_use, "replica of");
    }
    return id;
  }

  void add_resource(const Resource& resource) {
    const std::string id = "resource:" + resource.name;
    const AccountId account = Model::account_of(resource);
    const Region region = Model::region_of(resource);
    Node node{id, NodeKind::resource, {resource.name, resource_kind(resource.type)}};
    if (!resource.key_unknown.empty()) {
      node.lines.push_back("key not known");
    } else if (!resource.key.empty()) {
      if (const Key* key = model_.find_key(resource.key, account, region)) {
        add_key_use(id, add_key(*key), EdgeKind::key_use, "key");
      }
    } else {
      node.lines.push_back(resource.default_encryption ? "AWS default encryption"
                                                       : "not encrypted");
    }
    add_node(account, region, std::move(node));
  }

  void add_vault(const Vault& vault) {
    const std::string id = "vault:" + vault.name;
    Node node{id, NodeKind::vault, {vault.name, vault_kind(vault)}};
    if (const std::optional<Key> key = model_.key_of(vault)) {
      add_key_use(id, add_key(*key), EdgeKind::key_use, "vault key");
    } else {
      node.lines.push_back("vault key not known");
    }
    add_node(Model::account_of(vault), Model::region_of(vault), std::move(node));
  }

  // The node that holds a recovery point: its vault, or a node of its own for native copies and
  // restores.
  std::string holder_of(const Prediction& rp) {
    if (rp.vault) return "vault:" + *rp.vault;
    const std::string id = "rp:" + rp.id;
    if (rp.operation == Operation::restore) {
      add_node(rp.account, rp.region,
               {id, NodeKind::restored, {"restored " + resource_kind(rp.resource_type), rp.id}});
    } else {
      add_node(rp.account, rp.region, {id, NodeKind::snapshot, {"snapshot copy", rp.id}});
    }
    return id;
  }

  void add_recovery_point(const Prediction& rp) {
    std::string from = "resource:" + rp.resource;
    if (rp.parent) {
      auto holder = holders_.find(*rp.parent);
      if (holder == holders_.end()) return;  // parents come first; a lost one has no edge
      from = holder->second;
    }
    const std::string to = holder_of(rp);
    holders_[rp.id] = to;
    Edge edge{std::move(from), to, EdgeKind::recovery_point, {operation_line(rp)}};
    label_outcome(rp, edge);
    edges_.push_back(std::move(edge));
  }

  void label_outcome(const Prediction& rp, Edge& edge) {
    switch (rp.outcome) {
      case Outcome::encrypted:
        edge.lines.push_back(rp.key ? rp.key->display_name() : "encrypted");
        if (rp.key) flag_fallback(rp, *rp.key, edge);
        if (std::find(rp.warnings.begin(), rp.warnings.end(), kReplicaNotUsed) !=
            rp.warnings.end()) {
          edge.lines.push_back("multi-Region replica not used (R8)");
        }
        return;
      case Outcome::unencrypted:
        edge.kind = EdgeKind::fallback;
        edge.lines.push_back("unencrypted");
        return;
      case Outcome::fails:
      case Outcome::unsupported:
        edge.kind = EdgeKind::failure;
        edge.lines.push_back(std::string(to_string(rp.outcome)));
        return;
      case Outcome::indeterminate:
        edge.kind = EdgeKind::unknown;
        edge.lines.push_back("not known");
        return;
    }
  }

  // A copy that does not get its destination vault's key: the surprise the diagram is for.
  void flag_fallback(const Prediction& rp, const Key& key, Edge& edge) {
    if (rp.operation != Operation::copy || !rp.vault) return;
    const Vault* vault = model_.find_vault(*rp.vault);
    if (vault == nullptr) return;
    const std::optional<Key> vault_key = model_.key_of(*vault);
    if (!vault_key || key_id(model_, *vault_key) == key_id(model_, key)) return;
    edge.kind = EdgeKind::fallback;
    edge.lines.push_back("not the vault key " + vault_key->display_name());
    add_key(key);
    add_key_use(edge.to, key_id(model_, key), EdgeKind::fallback, "copies get");
  }

  Diagram finish() {
    Diagram out;
    for (const auto& [from, to, kind, label] : key_uses_)
      edges_.push_back({from, to, kind, {label}});
    // Every edge joins two drawn nodes: a syntax writer may rely on it.
    std::set<std::string> drawn;
    for (const auto& [place, nodes] : boxes_) {
      for (const auto& entry : nodes) drawn.insert(entry.second.id);
    }
    for (Edge& edge : edges_) {
      if (drawn.contains(edge.from) && drawn.contains(edge.to))
        out.edges.push_back(std::move(edge));
    }
    for (auto& [place, nodes] : boxes_) {
      Box box{{place.first}, {place.second}, {}};
      for (auto& entry : nodes) box.nodes.push_back(std::move(entry.second));
      out.boxes.push_back(std::move(box));
    }
    return out;
  }

  const Model& model_;
  const Predictions& predictions_;
  std::map<std::pair<std::string, std::string>, std::map<std::pair<int, std::string>, Node>> boxes_;
  std::map<std::string, std::string> holders_;  // recovery point id -> node id
  std::vector<Edge> edges_;
  std::set<std::tuple<std::string, std::string, EdgeKind, std::string>> key_uses_;
};

}  // namespace

Diagram diagram_of(const Model& model, const Predictions& predictions) {
  return Builder(model, predictions).build();
}

}  // namespace snapkey::render::graph
