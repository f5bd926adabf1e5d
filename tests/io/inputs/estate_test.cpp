// One estate, six descriptions (tests/data/estate/README.md): a scenario file, a saved AWS CLI
// export, a Terraform plan, its Terraform source (native and JSON syntax) and CloudFormation
// templates must give the same predictions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>

#include "snapkey/io/inputs.hpp"
#include "snapkey/predict.hpp"

namespace snapkey {
namespace {

const std::string kEstate = std::string(SNAPKEY_TEST_DATA) + "/estate/";

// What must agree between formats. Names, ids and addresses differ between formats; a key's ARN
// is compared only where both inputs know it (an AWS managed key the scenario does not list has
// no ARN there), so the key is compared by alias, manager, Region and account.
std::vector<std::string> projection(const Predictions& predictions) {
  std::vector<std::string> rows;
  for (const Prediction& p : predictions.recovery_points) {
    const std::string key =
        p.key ? fmt::format("{} {} {} {}", p.key->alias(), to_string(p.key->manager),
                            p.key->region.name, p.key->account.value)
              : "-";
    rows.push_back(fmt::format("{} {} {} {} [{}] {} {}", to_string(p.operation), p.resource_arn,
                               p.vault_arn.value_or("-"), to_string(p.outcome), key,
                               fmt::join(p.rules, ","), to_string(p.confidence)));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::vector<std::string> predict_from(const std::vector<std::string>& paths,
                                      const io::InputOptions& options = {}) {
  auto input = io::read_inputs(paths, options);
  if (!input) {
    ADD_FAILURE() << input.error().to_string();
    return {};
  }
  auto model = Model::build(std::move(input).value());
  if (!model) {
    ADD_FAILURE() << model.error().to_string();
    return {};
  }
  return projection(predict(*model, {}));
}

TEST(Estate, ScenarioGivesTheReadmeTable) {
  const auto rows = predict_from({kEstate + "scenario/estate.yaml"});
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_THAT(rows, ::testing::Contains(::testing::HasSubstr(
                        "copy arn:aws:rds:ap-northeast-1:111111111111:cluster:orders "
                        "arn:aws:backup:us-east-1:111111111111:backup-vault:Default encrypted "
                        "[alias/aws/rds aws us-east-1 111111111111]")));
  EXPECT_THAT(rows, ::testing::Contains(::testing::HasSubstr(
                        "copy arn:aws:rds:ap-northeast-1:111111111111:db:billing "
                        "arn:aws:backup:us-east-1:111111111111:backup-vault:dr encrypted "
                        "[alias/app-key-replica customer us-east-1 111111111111] R6,R2,R8,R7")));
}

TEST(Estate, AwsCliExportPredictsTheSame) {
  EXPECT_EQ(predict_from({kEstate + "aws-cli"}), predict_from({kEstate + "scenario/estate.yaml"}));
}

TEST(Estate, TerraformPlanPredictsTheSame) {
  EXPECT_EQ(predict_from({kEstate + "terraform/plan.json"}),
            predict_from({kEstate + "scenario/estate.yaml"}));
}

// The fifth form: the configuration the plan was made from, read without a plan.
TEST(Estate, TerraformSourcePredictsTheSame) {
  EXPECT_EQ(predict_from({kEstate + "terraform-source"}),
            predict_from({kEstate + "scenario/estate.yaml"}));
}

// The sixth: the same configuration in the JSON syntax, as cdktf writes it (cdk.tf.json).
TEST(Estate, TerraformJsonSourcePredictsTheSame) {
  EXPECT_EQ(predict_from({kEstate + "terraform-json"}),
            predict_from({kEstate + "scenario/estate.yaml"}));
}

TEST(Estate, CloudFormationTemplatesPredictTheSame) {
  io::InputOptions options;
  options.cloudformation.account = "111111111111";
  options.cloudformation.stacks[kEstate + "cloudformation/tokyo.yaml"] = "ap-northeast-1";
  options.cloudformation.stacks[kEstate + "cloudformation/virginia.json"] = "us-east-1";
  EXPECT_EQ(predict_from(
                {kEstate + "cloudformation/tokyo.yaml", kEstate + "cloudformation/virginia.json"},
                options),
            predict_from({kEstate + "scenario/estate.yaml"}));
}

}  // namespace
}  // namespace snapkey
