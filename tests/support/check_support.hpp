// What the check tests share: predictions from an inline scenario, and ways to pick findings.
#ifndef SNAPKEY_TESTS_CHECK_SUPPORT_HPP
#define SNAPKEY_TESTS_CHECK_SUPPORT_HPP

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/check.hpp"
#include "snapkey/io/scenario.hpp"
#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::testing {

inline constexpr const char* kScenarioFile = "scenario.yaml";

// A same-account copy from Tokyo into N. Virginia's Default vault: aws/rds (R9), which the
// documentation says should fail (U-1); no better vault in sight.
inline constexpr const char* kDefaultVault = R"(keys:
  tokyo-cmk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111
    alias: alias/tokyo-cmk
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: tokyo-cmk
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  virginia-default:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [virginia-default]
    resources: [orders]
)";

// A good design: a customer managed key at home, copies to another Region and another account
// into vaults keyed with customer managed keys of their own. No check finds anything.
inline constexpr const char* kGoodDesign = R"(keys:
  tokyo-cmk:
    arn: arn:aws:kms:ap-northeast-1:111111111111:key/11111111-1111-1111-1111-111111111111
    alias: alias/tokyo-cmk
    shared_with: ["222222222222"]
  virginia-cmk:
    arn: arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222
    alias: alias/virginia-cmk
  b-cmk:
    arn: arn:aws:kms:ap-northeast-1:222222222222:key/33333333-3333-3333-3333-333333333333
    alias: alias/b-cmk
resources:
  orders:
    arn: arn:aws:rds:ap-northeast-1:111111111111:cluster:orders
    type: aurora
    key: tokyo-cmk
vaults:
  tokyo:
    arn: arn:aws:backup:ap-northeast-1:111111111111:backup-vault:tokyo
  virginia:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:virginia
    key: virginia-cmk
  b-vault:
    arn: arn:aws:backup:ap-northeast-1:222222222222:backup-vault:b-vault
    key: b-cmk
    allows_copy_from: ["111111111111"]
plans:
  daily:
    rules:
      - name: daily
        vault: tokyo
        copy_to: [virginia, b-vault]
    resources: [orders]
)";

// The predictions of a scenario given as YAML text (read as kScenarioFile).
inline Predictions predict_scenario(std::string_view yaml) {
  Result<ModelInput> input = io::read_scenario(yaml, kScenarioFile);
  if (!input) {
    ADD_FAILURE() << input.error().to_string();
    return {};
  }
  Result<Model> model = Model::build(std::move(*input));
  if (!model) {
    ADD_FAILURE() << model.error().to_string();
    return {};
  }
  return predict(*model, {});
}

// The predictions of one of the article's scenarios (examples/article/).
inline Predictions predict_article(const std::string& name) {
  Result<ModelInput> input =
      io::read_scenario_file(std::string(SNAPKEY_SOURCE_DIR) + "/examples/article/" + name);
  if (!input) {
    ADD_FAILURE() << input.error().to_string();
    return {};
  }
  Result<Model> model = Model::build(std::move(*input));
  if (!model) {
    ADD_FAILURE() << model.error().to_string();
    return {};
  }
  return predict(*model, {});
}

// The findings of one check.
inline std::vector<Finding> of_check(const Findings& findings, std::string_view check) {
  std::vector<Finding> found;
  for (const Finding& f : findings.findings) {
    if (f.check == check) found.push_back(f);
  }
  return found;
}

// That `check` ran, on some recovery points, and found nothing: "silent on a good design" that
// cannot pass because nothing was checked.
inline ::testing::AssertionResult silent_on(const Findings& findings, std::string_view check) {
  const auto& run = findings.checks_run;
  if (std::find(run.begin(), run.end(), check) == run.end()) {
    return ::testing::AssertionFailure() << check << " did not run";
  }
  if (findings.recovery_points == 0) {
    return ::testing::AssertionFailure() << "no recovery point was checked";
  }
  const std::vector<Finding> found = of_check(findings, check);
  if (!found.empty()) {
    return ::testing::AssertionFailure()
           << check << " found " << found.size() << ": " << found.front().message;
  }
  return ::testing::AssertionSuccess();
}

// "CHECK subject" of every finding, in order: a compact picture of a result.
inline std::vector<std::string> summary(const Findings& findings) {
  std::vector<std::string> lines;
  for (const Finding& f : findings.findings) lines.push_back(f.check + " " + f.subject);
  return lines;
}

// "scenario.yaml:LINE:COLUMN": compare with Location::to_string(), which prints readably.
inline std::string at(int line, int column, const std::string& file = kScenarioFile) {
  return Location{file, line, column, ""}.to_string();
}

}  // namespace snapkey::testing

#endif  // SNAPKEY_TESTS_CHECK_SUPPORT_HPP
