// The diagram of snapkey graph, and its DOT and Mermaid spellings, on small scenarios.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/graph/diagram.hpp"
#include "snapkey/io/scenario.hpp"
#include "snapkey/render/graph.hpp"

namespace snapkey::render {
namespace {

using graph::Diagram;
using graph::Edge;
using graph::EdgeKind;
using graph::NodeKind;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// The article's first experiment, with a second copy into a vault keyed with the replica.
constexpr std::string_view kArticle = R"(as_of: 2026-03-01
keys:
  test-key-multi:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef
    alias: alias/test-key-multi
    multi_region: primary
  test-key-multi-virginia:
    arn: arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef
    alias: alias/test-key-multi-virginia
    multi_region: replica
resources:
  aurora:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:test-aurora
    type: aurora
    key: test-key-multi
vaults:
  tokyo-default:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:Default
  virginia-default:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
  virginia-replica:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:replica
    key: test-key-multi-virginia
plans:
  p:
    rules:
      - name: r
        vault: tokyo-default
        copy_to: [virginia-default, virginia-replica]
    resources: [aurora]
)";

struct Drawn {
  Model model;
  Predictions predictions;
};

Drawn drawn(std::string_view scenario) {
  Result<ModelInput> in = io::read_scenario(scenario, "test.yaml");
  EXPECT_TRUE(in.ok()) << in.error().to_string();
  Result<Model> model = Model::build(std::move(in).value());
  EXPECT_TRUE(model.ok()) << model.error().to_string();
  Predictions predictions = predict(*model, {});
  return {std::move(model).value(), std::move(predictions)};
}

const Edge* edge(const Diagram& diagram, std::string_view from, std::string_view to) {
  for (const Edge& e : diagram.edges) {
    if (e.from == from && e.to == to) return &e;
  }
  return nullptr;
}

std::vector<std::string> node_ids(const Diagram& diagram) {
  std::vector<std::string> out;
  for (const graph::Box& box : diagram.boxes) {
    for (const graph::Node& node : box.nodes) out.push_back(node.id);
  }
  return out;
}

TEST(GraphDiagram, BoxesAreRegionsOfAccountsWithResourcesVaultsThenKeys) {
  const Drawn d = drawn(kArticle);
  const Diagram diagram = graph::diagram_of(d.model, d.predictions);
  ASSERT_EQ(diagram.boxes.size(), 2u);
  EXPECT_EQ(diagram.boxes[0].region.name, "ap-northeast-1");
  EXPECT_EQ(diagram.boxes[1].region.name, "us-east-1");
  std::vector<NodeKind> kinds;
  for (const graph::Node& node : diagram.boxes[1].nodes) kinds.push_back(node.kind);
  EXPECT_THAT(kinds, ElementsAre(NodeKind::vault, NodeKind::vault, NodeKind::key, NodeKind::key,
                                 NodeKind::key));
  EXPECT_THAT(diagram.boxes[0].nodes[0].lines, ElementsAre("aurora", "Aurora cluster"));
  EXPECT_THAT(diagram.boxes[1].nodes[0].lines, ElementsAre("virginia-default", "vault Default"));
}

TEST(GraphDiagram, TheCopyIntoTheDefaultVaultIsAFallbackToAwsRds) {
  const Drawn d = drawn(kArticle);
  const Diagram diagram = graph::diagram_of(d.model, d.predictions);
  const Edge* copy = edge(diagram, "vault:tokyo-default", "vault:virginia-default");
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->kind, EdgeKind::fallback);
  EXPECT_THAT(copy->lines, ElementsAre("aurora: copy · R9", "alias/aws/rds",
                                       "not the vault key alias/aws/backup",
                                       "multi-Region replica not used (R8)"));
  // The vault points at the key its copies really get.
  const Edge* gets =
      edge(diagram, "vault:virginia-default", "key:alias/aws/rds@us-east-1:111111111111");
  ASSERT_NE(gets, nullptr);
  EXPECT_EQ(gets->kind, EdgeKind::fallback);
  EXPECT_THAT(gets->lines, ElementsAre("copies get"));
}

TEST(GraphDiagram, ACopyThatGetsItsVaultKeyAndABackupAreNotHighlighted) {
  const Drawn d = drawn(kArticle);
  const Diagram diagram = graph::diagram_of(d.model, d.predictions);
  const Edge* copy = edge(diagram, "vault:tokyo-default", "vault:virginia-replica");
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->kind, EdgeKind::recovery_point);
  EXPECT_THAT(copy->lines, ElementsAre("aurora: copy · R7", "alias/test-key-multi-virginia"));
  const Edge* backup = edge(diagram, "resource:aurora", "vault:tokyo-default");
  ASSERT_NE(backup, nullptr);
  EXPECT_EQ(backup->kind, EdgeKind::recovery_point);
  EXPECT_THAT(backup->lines, ElementsAre("backup · R2", "alias/test-key-multi"));
}

TEST(GraphDiagram, KeysOfResourcesAndVaultsAndReplicasAreDottedKeyUses) {
  const Drawn d = drawn(kArticle);
  const Diagram diagram = graph::diagram_of(d.model, d.predictions);
  const std::string primary = "key:test-key-multi";
  const Edge* replica = edge(diagram, "key:test-key-multi-virginia", primary);
  ASSERT_NE(replica, nullptr);
  EXPECT_EQ(replica->kind, EdgeKind::key_use);
  EXPECT_THAT(replica->lines, ElementsAre("replica of"));
  ASSERT_NE(edge(diagram, "resource:aurora", primary), nullptr);
  const Edge* vault_key =
      edge(diagram, "vault:virginia-default", "key:alias/aws/backup@us-east-1:111111111111");
  ASSERT_NE(vault_key, nullptr);
  EXPECT_THAT(vault_key->lines, ElementsAre("vault key"));
}

constexpr std::string_view kFailingAndUnknown = R"(as_of: 2026-03-01
keys:
  app:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab
resources:
  plain:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:plain
    type: aurora
    key: app
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  other-account:
    arn: arn:aws:backup:ap-northeast-1:222222222222:backup-vault:Default
  unknown-key:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:unknown
    key: unknown
plans:
  p:
    rules:
      - name: r
        vault: tokyo
        copy_to: [other-account, unknown-key]
    resources: [plain]
)";

TEST(GraphDiagram, FailuresAndUnknownsHaveTheirOwnKinds) {
  const Drawn d = drawn(kFailingAndUnknown);
  const Diagram diagram = graph::diagram_of(d.model, d.predictions);
  const Edge* failing = edge(diagram, "vault:tokyo", "vault:other-account");
  ASSERT_NE(failing, nullptr);
  EXPECT_EQ(failing->kind, EdgeKind::failure);
  EXPECT_EQ(failing->lines.at(1), "fails");
  const Edge* unknown = edge(diagram, "vault:tokyo", "vault:unknown-key");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->kind, EdgeKind::unknown);
  EXPECT_EQ(unknown->lines.at(1), "not known");
  // Two accounts: the boxes sort by account, then Region.
  ASSERT_EQ(diagram.boxes.size(), 3u);
  EXPECT_EQ(diagram.boxes[2].account.value, "222222222222");
  EXPECT_THAT(node_ids(diagram), ::testing::Contains("vault:unknown-key"));
}

TEST(GraphDiagram, AnAirGappedVaultsOwnedKeyIsOneNodePerAccountAndRegion) {
  std::string scenario(kArticle);
  scenario.replace(scenario.find("    key: test-key-multi-virginia\n"), 33,
                   "    type: logically-air-gapped\n");
  const Drawn d = drawn(scenario);
  const Diagram diagram = graph::diagram_of(d.model, d.predictions);
  const Edge* vault_key =
      edge(diagram, "vault:virginia-replica", "key:AWS owned key@111111111111/us-east-1");
  ASSERT_NE(vault_key, nullptr);
  EXPECT_EQ(vault_key->kind, EdgeKind::key_use);
  EXPECT_THAT(diagram.boxes[1].nodes[1].lines,
              ElementsAre("virginia-replica", "logically air-gapped vault replica"));
}

TEST(GraphDot, QuotesEveryIdAndLabelAndStylesEdgesByKind) {
  const Drawn d = drawn(kArticle);
  const std::string dot = render_graph_dot(d.model, d.predictions);
  EXPECT_THAT(dot, HasSubstr("// Generated by snapkey graph: the predictions as of 2026-03-01.\n"
                             "digraph snapkey {\n"));
  EXPECT_THAT(dot, HasSubstr("  subgraph cluster_0 {\n    label=\"account 111111111111\";"));
  EXPECT_THAT(dot, HasSubstr("      \"resource:aurora\" [label=\"aurora\\nAurora cluster\", "
                             "shape=cylinder"));
  EXPECT_THAT(
      dot, HasSubstr("  \"vault:tokyo-default\" -> \"vault:virginia-default\" "
                     "[label=\"aurora: copy · R9\\nalias/aws/rds\\nnot the vault key "
                     "alias/aws/backup\\nmulti-Region replica not used (R8)\", color=\"#d9480f\""));
}

TEST(GraphDot, EscapesQuotesAndBackslashes) {
  std::string scenario(kArticle);
  scenario.replace(scenario.find("  aurora:\n"), 10, "  'a\"b\\c':\n");
  scenario.replace(scenario.find("resources: [aurora]"), 19, "resources: ['a\"b\\c']");
  const Drawn d = drawn(scenario);
  EXPECT_THAT(render_graph_dot(d.model, d.predictions),
              HasSubstr("\"resource:a\\\"b\\\\c\" [label=\"a\\\"b\\\\c\\nAurora cluster\""));
}

TEST(GraphMermaid, NumbersNodesInDrawingOrderAndStylesLinksByIndex) {
  const Drawn d = drawn(kArticle);
  const std::string mermaid = render_graph_mermaid(d.model, d.predictions);
  EXPECT_THAT(mermaid, HasSubstr("%% Generated by snapkey graph: the predictions as of "
                                 "2026-03-01.\nflowchart LR\n  subgraph a1[\"account "
                                 "111111111111\"]\n    subgraph r1[\"ap-northeast-1\"]\n"
                                 "      n1[(\"aurora<br/>Aurora cluster\")]:::resource\n"));
  EXPECT_THAT(mermaid, HasSubstr(" ==>|\"aurora: copy · R9<br/>alias/aws/rds<br/>not the vault key "
                                 "alias/aws/backup<br/>multi-Region replica not used (R8)\"| "));
  EXPECT_THAT(mermaid, HasSubstr("linkStyle 1 stroke:#d9480f,stroke-width:4px,color:#d9480f\n"));
}

TEST(GraphMermaid, EscapesWhatMermaidReadsAsSyntax) {
  std::string scenario(kArticle);
  scenario.replace(scenario.find("  aurora:\n"), 10, "  'a\"<b>#c':\n");
  scenario.replace(scenario.find("resources: [aurora]"), 19, "resources: ['a\"<b>#c']");
  const Drawn d = drawn(scenario);
  const std::string mermaid = render_graph_mermaid(d.model, d.predictions);
  EXPECT_THAT(mermaid, HasSubstr("[(\"a#quot;#lt;b#gt;#35;c<br/>Aurora cluster\")]"));
  EXPECT_THAT(mermaid, Not(HasSubstr("a\"<b>")));
}

}  // namespace
}  // namespace snapkey::render
