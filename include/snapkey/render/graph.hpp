// Diagrams of a design: where every backup and copy goes and which key it ends up with. Accounts
// and Regions are boxes; resources, vaults and keys sit inside them; every recovery point is an
// arrow labelled with its outcome. A copy that does not get its vault's key (the aws/backup ->
// aws/rds fallback of R9), a failure and an unknown are drawn so that they stand out.
//
//   std::string dot = snapkey::render::render_graph_dot(model, snapkey::predict(model, {}));
#ifndef SNAPKEY_RENDER_GRAPH_HPP
#define SNAPKEY_RENDER_GRAPH_HPP

#include <string>

#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::render {

// Graphviz DOT, for `dot -Tsvg` (or -Tpng) to lay out and draw.
std::string render_graph_dot(const Model& model, const Predictions& predictions);
// A Mermaid flowchart, which GitHub and GitLab draw from a ```mermaid block in Markdown.
std::string render_graph_mermaid(const Model& model, const Predictions& predictions);

}  // namespace snapkey::render

#endif  // SNAPKEY_RENDER_GRAPH_HPP
