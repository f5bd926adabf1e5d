// Every example input that `snapkey predict` accepts (scenarios, a saved AWS CLI export, a
// Terraform plan and its source, CloudFormation templates), read, written as one scenario with
// write_scenario, and read back: the same predictions. Exporting the export again gives the same
// file but for its header comment.
//
// What may differ, and is not compared: where each fact was written (Prediction::location and the
// model's locations now point into the exported file; neither rendering shows them), and the
// "skipped" list of predict's JSON, which is about reading directories, not about the model.
// Everything else is compared through the predictions' JSON and every explanation: outcomes, keys
// (with their ARNs, aliases and addresses), rules, warnings, steps and the reasons of unknowns.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "snapkey/io/inputs.hpp"
#include "snapkey/io/scenario.hpp"
#include "snapkey/predict.hpp"
#include "snapkey/render/predictions.hpp"

namespace snapkey::io {
namespace {

const std::string kExamples = std::string(SNAPKEY_SOURCE_DIR) + "/examples/";

struct Example {
  std::string name;
  std::vector<std::string> paths;
  InputOptions options = {};
};

// The CloudFormation example's placement, as examples/cloudformation/tests.cmake gives it.
InputOptions cloudformation_options(std::map<std::string, std::string> parameters = {}) {
  InputOptions options;
  options.account = "123456789012";
  options.cloudformation.stacks = {{kExamples + "cloudformation/ireland.yaml", "eu-west-1"},
                                   {kExamples + "cloudformation/frankfurt.json", "eu-central-1"}};
  options.cloudformation.parameters = std::move(parameters);
  return options;
}

void PrintTo(const Example& example, std::ostream* os) { *os << example.name; }

std::vector<Example> examples() {
  const std::vector<std::string> templates = {kExamples + "cloudformation/ireland.yaml",
                                              kExamples + "cloudformation/frankfurt.json"};
  return {
      {"article-1", {kExamples + "article/1-mrk-default-vault.yaml"}},
      {"article-2", {kExamples + "article/2-single-region-cmk.yaml"}},
      {"article-3", {kExamples + "article/3-aws-managed-key.yaml"}},
      {"article-4", {kExamples + "article/4-replica-vault.yaml"}},
      {"aws-2026", {kExamples + "aws-2026/estate.yaml"}},
      {"policy-tests-design", {kExamples + "policy-tests/designs/orders.yaml"}},
      {"aws-cli", {kExamples + "aws-cli/export"}},
      {"terraform-plan", {kExamples + "terraform/plan.json"}},
      {"terraform-source", {kExamples + "terraform"}},
      {"cloudformation", templates, cloudformation_options()},
      {"cloudformation-staging", templates, cloudformation_options({{"Environment", "staging"}})},
  };
}

// Files below examples/ that are no inputs of predict: policy files, and the expected outputs.
bool is_not_an_input(const std::string& path) {
  return path.starts_with(kExamples + "policies/") ||
         path == kExamples + "policy-tests/backup-policy.yaml" ||
         path.find("/expected/") != std::string::npos;
}

Model build(Result<ModelInput> input, const std::string& what) {
  if (!input) {
    ADD_FAILURE() << what << ": " << input.error().to_string();
    return *Model::build({});
  }
  Result<Model> model = Model::build(std::move(*input));
  if (!model) {
    ADD_FAILURE() << what << ": " << model.error().to_string();
    return *Model::build({});
  }
  return std::move(*model);
}

// What predict reads: files of no kind below a directory are skipped (a Terraform directory holds
// its expected outputs and a plan).
Model read(const Example& example) {
  InputReport report = read_inputs_report(example.paths, example.options);
  if (!report.errors.empty()) {
    ADD_FAILURE() << example.name << ": " << report.errors.front().to_string();
    return *Model::build({});
  }
  return build(std::move(*report.input), example.name);
}

// The predictions as predict --format json shows them, then every explanation.
std::string rendering(const Model& model) {
  const Predictions predictions = predict(model, {});
  std::string text = render::render_json(predictions);
  for (const Prediction& p : predictions.recovery_points) {
    text += render::render_explanation(p, {});
  }
  return text;
}

// What follows the header comment.
std::string body(const std::string& yaml) {
  std::size_t at = 0;
  while (yaml.compare(at, 1, "#") == 0) at = yaml.find('\n', at) + 1;
  return yaml.substr(at);
}

class ScenarioRoundTripTest : public ::testing::TestWithParam<Example> {};

TEST_P(ScenarioRoundTripTest, ReadingTheExportBackPredictsTheSame) {
  const Example& example = GetParam();
  const Model model = read(example);
  const std::string exported = write_scenario(model, {.inputs = example.paths});
  const Model again = build(read_scenario(exported, "exported.yaml"), exported);
  EXPECT_EQ(rendering(again), rendering(model));
  EXPECT_FALSE(model.plans().empty() && predict(model, {}).recovery_points.empty())
      << "the example predicts nothing: a vacuous round trip";
}

TEST_P(ScenarioRoundTripTest, ExportingTheExportGivesTheSameFile) {
  const Example& example = GetParam();
  const Model model = read(example);
  const std::string exported = write_scenario(model, {.inputs = example.paths});
  const Model again = build(read_scenario(exported, "exported.yaml"), exported);
  const std::string twice = write_scenario(again, {.inputs = {"exported.yaml"}});
  EXPECT_EQ(body(twice), body(exported));
  EXPECT_TRUE(twice.starts_with("# Exported by snapkey from: exported.yaml\n")) << twice;
}

INSTANTIATE_TEST_SUITE_P(Examples, ScenarioRoundTripTest, ::testing::ValuesIn(examples()),
                         [](const ::testing::TestParamInfo<Example>& info) {
                           std::string name = info.param.name;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// The list above misses no input under examples/: every file snapkey recognises as an input is
// one of the examples' paths or below one (or a policy file, or an expected output).
TEST(ScenarioRoundTripTest, EveryExampleInputIsExported) {
  std::vector<std::string> covered;
  for (const Example& example : examples()) {
    covered.insert(covered.end(), example.paths.begin(), example.paths.end());
  }
  std::vector<std::string> missed;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kExamples)) {
    const std::string path = entry.path().string();
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || is_not_an_input(path)) continue;
    if (extension != ".yaml" && extension != ".json" && extension != ".tf") continue;
    if (!detect_input_kind(path)) continue;
    const bool found = std::any_of(covered.begin(), covered.end(), [&](const std::string& c) {
      return path == c || path.starts_with(c + "/");
    });
    if (!found) missed.push_back(path);
  }
  EXPECT_THAT(missed, ::testing::IsEmpty());
}

}  // namespace
}  // namespace snapkey::io
