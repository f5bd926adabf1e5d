// The diagram that `snapkey graph` draws, before it is written in any syntax: boxes of accounts
// and Regions holding nodes, and edges between the nodes. dot.cpp and mermaid.cpp only spell it.
#ifndef SNAPKEY_SRC_RENDER_GRAPH_DIAGRAM_HPP
#define SNAPKEY_SRC_RENDER_GRAPH_DIAGRAM_HPP

#include <string>
#include <vector>

#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::render::graph {

enum class NodeKind { resource, vault, key, snapshot, restored };

struct Node {
  std::string id;  // unique in the diagram, e.g. "vault:virginia-default"
  NodeKind kind = NodeKind::resource;
  std::vector<std::string> lines;  // the label, the name first
};

// The nodes of one Region of one account.
struct Box {
  AccountId account;
  Region region;
  std::vector<Node> nodes;  // sorted by kind, then id
};

enum class EdgeKind {
  recovery_point,  // a backup, copy, native copy or restore that is encrypted as expected
  fallback,        // a copy that does not get its vault's key (or is left unencrypted)
  failure,         // fails or is unsupported
  unknown,         // indeterminate
  key_use,         // a resource's or vault's key, a replica's primary
};

struct Edge {
  std::string from;
  std::string to;
  EdgeKind kind = EdgeKind::recovery_point;
  std::vector<std::string> lines;  // the label
};

struct Diagram {
  std::vector<Box> boxes;   // by account, then Region
  std::vector<Edge> edges;  // recovery points in prediction order, then key uses, sorted
};

Diagram diagram_of(const Model& model, const Predictions& predictions);

}  // namespace snapkey::render::graph

#endif  // SNAPKEY_SRC_RENDER_GRAPH_DIAGRAM_HPP
