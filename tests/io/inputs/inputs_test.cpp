// Tests for io::detect_input_kind and io::read_inputs (src/io/inputs/inputs.cpp): each kind
// recognised from content, never from the file name; directories walked in sorted order; what is
// skipped; every error with its whole message and place; the mixed example of tests/data/mixed/.
#include "snapkey/io/inputs.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "io/detail/json.hpp"
#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::io {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::StartsWith;

std::string describe(const Error& error) {
  return fmt::format("{}: {}: {}", error.location.to_string(), error.id, error.message);
}

// A fresh directory for each test, removed afterwards.
class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ =
        fs::temp_directory_path() / fmt::format("snapkey-inputs-{}-{}", ::getpid(), info->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // Writes `text` to `relative` below the test's directory; returns the full path.
  std::string write(const std::string& relative, std::string_view text) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  std::string path(const std::string& relative = "") const {
    return relative.empty() ? root_.string() : (root_ / relative).string();
  }

  std::string kind_of(const std::string& relative, std::string_view text) {
    Result<InputKind> kind = detect_input_kind(write(relative, text));
    return kind ? std::string(to_string(*kind)) : describe(kind.error());
  }

  fs::path root_;
};

// A scenario with one key named `name` (key ids differ by `n`).
std::string scenario_key(const std::string& name, int n) {
  return fmt::format(
      "keys:\n  {}:\n    arn: arn:aws:kms:us-east-1:111111111111:key/"
      "11111111-2222-3333-4444-{:012}\n",
      name, n);
}

// ---------------------------------------------------------------------------------------------
// Kinds, from content

TEST_F(InputsTest, KindSpellings) {
  EXPECT_EQ(to_string(InputKind::scenario), "scenario");
  EXPECT_EQ(to_string(InputKind::aws_cli), "aws-cli");
  EXPECT_EQ(to_string(InputKind::terraform_plan), "terraform-plan");
  EXPECT_EQ(to_string(InputKind::cloudformation), "cloudformation");
}

TEST_F(InputsTest, ScenarioIsAYamlMap) {
  EXPECT_EQ(kind_of("a.yaml", "keys: {}\n"), "scenario");
  // Content decides, not the name: YAML in a .json file, and a map of unknown keys (the
  // scenario reader reports those).
  EXPECT_EQ(kind_of("a.json", "# a scenario\nvaults: {}\n"), "scenario");
  EXPECT_EQ(kind_of("b.yml", "colour: blue\n"), "scenario");
  // A Resources map whose types are not AWS::... is not a template.
  EXPECT_EQ(kind_of("c.yaml", "Resources:\n  X: {Type: Custom::Thing}\n"), "scenario");
}

TEST_F(InputsTest, CloudFormationYaml) {
  EXPECT_EQ(kind_of("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"),
            "cloudformation");
  // No version, but AWS resource types; short-form tags are fine.
  EXPECT_EQ(kind_of("t.template",
                    "Resources:\n  Vault:\n    Type: AWS::Backup::BackupVault\n    Properties:\n"
                    "      BackupVaultName: !Sub '${AWS::StackName}-vault'\n"),
            "cloudformation");
  // A .yaml file holding JSON is read as YAML, and still recognised.
  EXPECT_EQ(kind_of("t2.yaml", R"({"AWSTemplateFormatVersion": "2010-09-09"})"), "cloudformation");
}

TEST_F(InputsTest, CloudFormationJson) {
  EXPECT_EQ(kind_of("cdk.out/Stack.template.json",
                    R"({"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {}}}})"),
            "cloudformation");
  EXPECT_EQ(kind_of("t.txt", "  \n{\"AWSTemplateFormatVersion\": \"2010-09-09\"}"),
            "cloudformation");
}

TEST_F(InputsTest, TerraformPlan) {
  EXPECT_EQ(kind_of("plan.json", R"({"format_version": "1.2", "planned_values": {}})"),
            "terraform-plan");
  EXPECT_EQ(kind_of("p2.json", R"({"format_version": "1.2", "resource_changes": []})"),
            "terraform-plan");
  EXPECT_EQ(kind_of("p3.out", R"({"format_version": "1.2", "configuration": {}})"),
            "terraform-plan");
  // format_version alone is not a plan (terraform show -json of a state has "values").
  EXPECT_EQ(kind_of("state.json", R"({"format_version": "1.0", "values": {}})"), "aws-cli");
  // A plan without format_version is one: the Terraform reader says which formats it reads.
  EXPECT_EQ(kind_of("p4.json", R"({"terraform_version": "1.9.8", "resource_changes": []})"),
            "terraform-plan");
}

TEST_F(InputsTest, AnyOtherJsonIsForTheAwsCliReader) {
  EXPECT_EQ(kind_of("x.yaml.bak", R"({"DBClusters": []})"), "aws-cli");
  EXPECT_EQ(kind_of("list.json", "[1, 2]"), "aws-cli");
  EXPECT_EQ(kind_of("r.json", R"({"Resources": {"X": {"Type": "Custom::Thing"}}})"), "aws-cli");
}

// ---------------------------------------------------------------------------------------------
// Errors of detection

TEST_F(InputsTest, JsonWithAByteOrderMarkIsJson) {
  // Recognised as JSON (not handed to the YAML parser as a scenario); the JSON layer then says
  // where it stops.
  const std::string text = "\xEF\xBB\xBF{\"KeyMetadata\": {}}";
  const std::string file = write("bom.json", text);
  const Error expected = detail::parse_json(simdjson::padded_string(text), file).error();
  EXPECT_EQ(describe(detect_input_kind(file).error()), describe(expected));
}

TEST_F(InputsTest, EInputKindYamlList) {
  const std::string file = write("list.yaml", "# a list\n- a\n- b\n");
  EXPECT_EQ(describe(detect_input_kind(file).error()),
            file +
                ":2:1: E_INPUT_KIND: expected a scenario or a CloudFormation template (a YAML "
                "map), found a list");
}

TEST_F(InputsTest, EInputKindYamlText) {
  const std::string file = write("text.yml", "just some words\n");
  EXPECT_EQ(describe(detect_input_kind(file).error()),
            file +
                ":1:1: E_INPUT_KIND: expected a scenario or a CloudFormation template (a YAML "
                "map), found 'just some words'");
}

TEST_F(InputsTest, EInputKindCloudFormationFragment) {  // issue 9, item 10
  // Resource blocks copied out of a template, as the AWS docs print them.
  const std::string yaml = write("vault.yaml",
                                 "# from the AWS::Backup::BackupVault page\n"
                                 "BackupVaultWithThinBackups:\n"
                                 "  Type: AWS::Backup::BackupVault\n"
                                 "  Properties:\n"
                                 "    BackupVaultName: BackupVaultWithThinBackups\n");
  const std::string message =
      ": E_INPUT_KIND: expected a scenario or a CloudFormation template, found a CloudFormation "
      "fragment: resource blocks such as 'BackupVaultWithThinBackups' (Type: AWS::...) with no "
      "Resources: section around them; put them under Resources: to read the file as a template";
  EXPECT_EQ(describe(detect_input_kind(yaml).error()), yaml + ":2:1" + message);
  const std::string json = write(
      "vault.json",
      R"({"BackupVaultWithThinBackups": {"Type": "AWS::Backup::BackupVault", "Properties": {}}})");
  EXPECT_EQ(describe(detect_input_kind(json).error()),
            json + "#/BackupVaultWithThinBackups" + message);
}

TEST_F(InputsTest, EInputKindEmptyFile) {
  const std::string file = write("empty.yaml", "");
  EXPECT_EQ(describe(detect_input_kind(file).error()),
            file +
                ":1:1: E_INPUT_KIND: expected a scenario or a CloudFormation template (a YAML "
                "map), found nothing");
}

// An empty x.json is what a failed `aws ... > x.json` leaves: not "a YAML map, found nothing".
TEST_F(InputsTest, EInputKindEmptyJsonFile) {
  const std::string file = write("clusters.json", "\n");
  EXPECT_EQ(describe(detect_input_kind(file).error()),
            file +
                ":1:1: E_INPUT_KIND: expected JSON (a Terraform plan, a CloudFormation template or "
                "the output of an AWS CLI command) or YAML (a scenario or a template), found an "
                "empty file");
}

TEST_F(InputsTest, EYaml) {
  const std::string file = write("bad.yaml", "keys: {a: 1\n");
  const Error error = detect_input_kind(file).error();
  EXPECT_EQ(error.id, "E_YAML");
  EXPECT_EQ(error.location.file, file);
  EXPECT_EQ(error.location.line, 2);
  EXPECT_EQ(error.message.substr(0, 14), "invalid YAML: ");
}

// A scenario, a template or an empty file alike: YAML is UTF-8 text (yaml-cpp would not say).
TEST_F(InputsTest, EYamlForBytesThatAreNotText) {
  const std::string file = write("latin1.yaml", "vaults:\n  caf\xe9: {}\n");
  EXPECT_EQ(describe(detect_input_kind(file).error()),
            file +
                ":2:6: E_YAML: invalid YAML: expected UTF-8 text, found the byte 0xE9, which is "
                "not valid UTF-8 here; save the file as UTF-8");
}

TEST_F(InputsTest, EJson) {
  // The JSON layer's error, as it reports it (tests/io/detail/json_test.cpp pins its wording).
  const std::string text = "{\"DBClusters\": [}";
  const std::string file = write("bad.json", text);
  const Error expected = detail::parse_json(simdjson::padded_string(text), file).error();
  EXPECT_EQ(expected.id, "E_JSON");
  EXPECT_EQ(describe(detect_input_kind(file).error()), describe(expected));
}

TEST_F(InputsTest, EFileMissing) {
  const std::string file = path("missing.yaml");
  EXPECT_EQ(describe(detect_input_kind(file).error()),
            file + ": E_FILE: cannot read '" + file + "': No such file or directory");
}

TEST_F(InputsTest, EFileDirectory) {
  EXPECT_EQ(describe(detect_input_kind(path()).error()),
            path() + ": E_FILE: cannot read '" + path() + "': Is a directory");
}

// ---------------------------------------------------------------------------------------------
// read_inputs: finding the files

// The names of the keys, in the order combine() kept them (the order the files were read).
std::vector<std::string> key_names(const ModelInput& input) {
  std::vector<std::string> names;
  for (const Key& key : input.keys) names.push_back(key.name);
  return names;
}

TEST_F(InputsTest, DirectoriesAreWalkedInSortedOrder) {
  write("b.yaml", scenario_key("b", 2));
  write("a/z.yml", scenario_key("a-z", 1));
  write("a/c.template", scenario_key("a-c", 3));  // *.template: read, and a scenario inside
  write("c.yaml", scenario_key("c", 4));
  Result<ModelInput> input = read_inputs({path()}, {});
  ASSERT_TRUE(input) << describe(input.error());
  EXPECT_THAT(key_names(*input), ElementsAre("a-c", "a-z", "b", "c"));
}

TEST_F(InputsTest, OtherFilesInADirectoryAreSkipped) {
  write("a.yaml", scenario_key("a", 1));
  write("README.md", "not read");
  write("notes.txt", "- not: [read");
  write(".hidden.yaml", "- not read");
  write(".terraform/providers.json", "not read");
  write("sub/.cache.json", "not read");
  Result<ModelInput> input = read_inputs({path()}, {});
  ASSERT_TRUE(input) << describe(input.error());
  EXPECT_THAT(key_names(*input), ElementsAre("a"));
}

// .tf.json and .tfvars.json files are JSON, but they are the configuration's: read with it.
TEST_F(InputsTest, TerraformJsonFilesAreReadAsTheirConfiguration) {
  write("a.yaml", scenario_key("a", 1));
  write("infra/main.tf.json",
        R"({"provider": {"aws": {"region": "eu-west-1", "allowed_account_ids": ["111111111111"]}},
            "variable": {"alias": {}},
            "resource": {"aws_kms_key": {"k": {}}, "aws_kms_alias": {"k": {
              "name": "alias/${var.alias}", "target_key_id": "${aws_kms_key.k.key_id}"}}}})");
  write("infra/terraform.tfvars.json", R"({"alias": "from-json"})");
  const std::string loose = write("loose/x.auto.tfvars.json", R"({"not": "an input"})");
  const InputReport report = read_inputs_report({path()}, {});
  ASSERT_TRUE(report.input) << describe(report.errors.at(0));
  ASSERT_EQ(report.input->keys.size(), 2u);
  EXPECT_THAT(report.input->keys[1].aliases, ElementsAre("alias/from-json"));
  // Variable values outside a configuration are skipped, and listed.
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_EQ(report.skipped[0].file, loose);
  EXPECT_EQ(report.skipped[0].id, "I_TERRAFORM_VARIABLES_FILE");
  // Named alone, a .tf.json file stands for its directory, as a .tf file does.
  Result<ModelInput> named = read_inputs({path("infra/main.tf.json")}, {});
  ASSERT_TRUE(named) << describe(named.error());
  EXPECT_EQ(named->keys.size(), 1u);
}

// Links are followed, but never into a directory read already; what is not read is listed.
TEST_F(InputsTest, ADirectoryWalkFollowsLinksOnceAndListsWhatItDoesNotRead) {
  write("estate/a.yaml", scenario_key("a", 1));
  write("elsewhere/b.yaml", scenario_key("b", 2));
  fs::create_directory_symlink(".", path("estate/loop"));
  fs::create_directory_symlink(path("elsewhere"), path("estate/linked"));
  fs::create_directory_symlink(path("elsewhere"), path("estate/linked-again"));
  fs::create_symlink(path("estate/gone.yaml"), path("estate/broken.yaml"));
  ASSERT_EQ(::mkfifo(path("estate/pipe.yaml").c_str(), 0600), 0);
  const InputReport report = read_inputs_report({path("estate")}, {});
  ASSERT_TRUE(report.input) << describe(report.errors.at(0));
  ASSERT_EQ(report.input->keys.size(), 2u);  // a.yaml, and b.yaml once through the links
  std::vector<std::string> skipped;
  for (const SkippedInput& entry : report.skipped) {
    skipped.push_back(fs::path(entry.file).filename().string() + " " + entry.id);
  }
  EXPECT_THAT(skipped, ElementsAre("broken.yaml I_NOT_A_FILE", "linked-again I_SYMLINK_LOOP",
                                   "loop I_SYMLINK_LOOP", "pipe.yaml I_NOT_A_FILE"));
  EXPECT_EQ(report.skipped[0].reason, "a broken symbolic link: nothing to read");
}

TEST_F(InputsTest, AFileNamedOnTheCommandLineIsAlwaysRead) {
  const std::string file = write("scenario.txt", scenario_key("named", 1));
  Result<ModelInput> input = read_inputs({file}, {});
  ASSERT_TRUE(input) << describe(input.error());
  EXPECT_THAT(key_names(*input), ElementsAre("named"));
}

TEST_F(InputsTest, ScenariosComeFirstThenTheOrderGiven) {
  const std::string second = write("second.yaml", scenario_key("second", 2));
  const std::string first = write("dir/first.yaml", scenario_key("first", 1));
  Result<ModelInput> input = read_inputs({second, path("dir")}, {});
  ASSERT_TRUE(input) << describe(input.error());
  EXPECT_THAT(key_names(*input), ElementsAre("second", "first"));
}

TEST_F(InputsTest, AFileGivenTwiceIsReadOnce) {
  // A plan has no ARN here, so reading it twice would define it twice.
  const std::string file = write("a.yaml", R"(vaults:
  v: {arn: "arn:aws:backup:us-east-1:111111111111:backup-vault:v"}
plans:
  p:
    rules: [{name: r, vault: v}]
    resources: []
)");
  Result<ModelInput> input = read_inputs({file, path(), path("./a.yaml")}, {});
  ASSERT_TRUE(input) << describe(input.error());
  EXPECT_EQ(input->plans.size(), 1u);
}

TEST_F(InputsTest, AnExportDirectoryReadsTheSameWholeOrFileByFile) {
  // export/ holds only CLI output, so the CLI reader gets the directory; mixed/ holds a README
  // and a scenario too, so it gets the CLI files one by one. Same facts either way.
  const std::string describe_key = R"({"KeyMetadata": {
    "AWSAccountId": "111111111111", "KeyId": "11111111-2222-3333-4444-555555555555",
    "Arn": "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555",
    "KeyState": "Enabled", "KeyManager": "CUSTOMER", "MultiRegion": false}})";
  const std::string aliases = R"({"Aliases": [{"AliasName": "alias/app",
    "AliasArn": "arn:aws:kms:us-east-1:111111111111:alias/app",
    "TargetKeyId": "11111111-2222-3333-4444-555555555555"}]})";
  write("export/kms/describe-key.json", describe_key);
  write("export/kms/list-aliases.json", aliases);
  write("mixed/kms/describe-key.json", describe_key);
  write("mixed/kms/list-aliases.json", aliases);
  write("mixed/README.md", "how this was exported");
  write("mixed/design.yaml", "vaults: {}\n");
  Result<ModelInput> whole = read_inputs({path("export")}, {});
  Result<ModelInput> by_file = read_inputs({path("mixed")}, {});
  ASSERT_TRUE(whole) << describe(whole.error());
  ASSERT_TRUE(by_file) << describe(by_file.error());
  ASSERT_EQ(whole->keys.size(), 1u);
  ASSERT_EQ(by_file->keys.size(), 1u);
  EXPECT_EQ(whole->keys[0].arn, by_file->keys[0].arn);
  EXPECT_THAT(whole->keys[0].aliases, ElementsAre("alias/app"));
  EXPECT_THAT(by_file->keys[0].aliases, ElementsAre("alias/app"));
  EXPECT_EQ(whole->keys[0].manager, KeyManager::customer);
  EXPECT_EQ(by_file->keys[0].manager, KeyManager::customer);
}

TEST_F(InputsTest, EFileMissingPath) {
  const std::string missing = path("missing");
  EXPECT_EQ(describe(read_inputs({missing}, {}).error()),
            missing + ": E_FILE: cannot read '" + missing + "': No such file or directory");
}

TEST_F(InputsTest, EFileEmptyDirectory) {
  write("notes.txt", "nothing to read");
  EXPECT_EQ(describe(read_inputs({path()}, {}).error()),
            path() + ": E_FILE: directory '" + path() +
                "' holds no file snapkey reads (*.json, *.yaml, *.yml, *.template)");
}

TEST_F(InputsTest, EInputKindInADirectory) {
  write("a.yaml", scenario_key("a", 1));
  const std::string list = write("b.yaml", "- a list\n");
  EXPECT_EQ(describe(read_inputs({path()}, {}).error()),
            list +
                ":1:1: E_INPUT_KIND: expected a scenario or a CloudFormation template (a YAML "
                "map), found a list");
}

TEST_F(InputsTest, EScenarioErrorsComeFromTheScenarioReader) {
  const std::string file = write("a.yaml", "colour: blue\n");
  const Error error = read_inputs({file}, {}).error();
  EXPECT_EQ(error.id, "E_SCENARIO_KEY");
  EXPECT_EQ(error.location.to_string(), file + ":1:1");
}

TEST_F(InputsTest, AnUnknownJsonFileIsReportedByTheAwsCliReader) {
  write("a.yaml", scenario_key("a", 1));
  const std::string unknown = write("z.json", R"({"Something": []})");
  const Error error = read_inputs({path()}, {}).error();
  EXPECT_EQ(error.id, "E_AWS_CLI_KIND");
  EXPECT_EQ(error.location.to_string(), unknown + "#/");
}

TEST_F(InputsTest, ECfnRegionForAStackWithoutTemplates) {
  const std::string file = write("a.yaml", scenario_key("a", 1));
  InputOptions options;
  options.cloudformation.stacks["tokyo.yaml"] = "ap-northeast-1";
  EXPECT_EQ(describe(read_inputs({file}, options).error()),
            "tokyo.yaml: E_CFN_REGION: --stack tokyo.yaml=ap-northeast-1 names no template read "
            "(templates: none)");
}

// Issue 9, item 4: an option that applies to no input is an error, each of them at once.
TEST_F(InputsTest, EUsageForEveryOptionThatAppliesToNoInput) {
  const std::string file = write("a.yaml", scenario_key("a", 1));
  InputOptions options;
  options.region = "us-east-1";
  options.cloudformation.account = "111111111111";
  options.cloudformation.parameters["Env"] = "prod";
  options.terraform.region = "eu-west-1";
  options.terraform.plans["plan.json"] = "eu-west-1";
  options.terraform.source_dir = "infra";
  const InputReport report = read_inputs_report({file}, options);
  std::vector<std::string> errors;
  for (const Error& error : report.errors) errors.push_back(describe(error));
  const std::string tail =
      ", and the inputs hold none: leave it out, or add the input it is "
      "meant for";
  EXPECT_THAT(
      errors,
      ElementsAre(
          ": E_USAGE: --region us-east-1 applies only to CloudFormation templates and "
          "Terraform plans" +
              tail,
          ": E_USAGE: the CloudFormation account 111111111111 applies only to "
          "CloudFormation templates" +
              tail,
          ": E_USAGE: --parameter Env=prod applies only to CloudFormation templates" + tail,
          ": E_USAGE: the Terraform Region eu-west-1 applies only to Terraform plans" + tail,
          ": E_USAGE: --terraform-source infra applies only to Terraform plans" + tail,
          "plan.json: E_USAGE: --terraform-plan plan.json=eu-west-1 names no plan read "
          "(plans: none)"));
  EXPECT_FALSE(report.input);
}

// A template with a syntax error is no template read, but --region is meant for it: its error
// alone, not "--region applies only to CloudFormation templates ...: leave it out".
TEST_F(InputsTest, NoEUsageWhenAFileIsNotRecognised) {
  const std::string file = write("t.yaml", "Resources:\n  A: {Type: AWS::Backup::BackupVault\n");
  InputOptions options;
  options.region = "eu-west-1";
  options.account = "111111111111";
  const InputReport report = read_inputs_report({file}, options);
  std::vector<std::string> errors;
  for (const Error& error : report.errors) errors.push_back(describe(error));
  EXPECT_THAT(errors, ElementsAre(file + ":3:1: E_YAML: invalid YAML: end of map flow not found"));
}

TEST_F(InputsTest, RegionAndAccountPlaceTemplatesAndPlansAlike) {
  const std::string plan =
      std::string(SNAPKEY_SOURCE_DIR) + "/tests/data/terraform/new-estate-no-place.json";
  const std::string cfn = write("t.yaml", R"(Resources:
  Vault: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: cfn}}
)");
  InputOptions options;
  options.region = "eu-west-1";
  options.account = "444455556666";
  Result<ModelInput> input = read_inputs({plan, cfn}, options);
  ASSERT_TRUE(input) << input.error().to_string();
  std::vector<std::string> arns;
  for (const Vault& vault : input->vaults) arns.push_back(vault.arn);
  EXPECT_THAT(arns, ElementsAre("arn:aws:backup:eu-west-1:444455556666:backup-vault:primary",
                                "arn:aws:backup:eu-west-1:444455556666:backup-vault:cfn"));
  // A reader's own setting wins over the shared one.
  options.terraform.account = "777788889999";
  input = read_inputs({plan, cfn}, options);
  ASSERT_TRUE(input) << input.error().to_string();
  EXPECT_EQ(input->vaults[0].arn, "arn:aws:backup:eu-west-1:777788889999:backup-vault:primary");
  EXPECT_EQ(input->vaults[1].arn, "arn:aws:backup:eu-west-1:444455556666:backup-vault:cfn");
}

// ---------------------------------------------------------------------------------------------
// read_inputs_report: files of unknown kind skipped in directories, every error at once

const std::string kMixedExport =
    std::string(SNAPKEY_SOURCE_DIR) + "/tests/data/mixed/export/111111111111/ap-northeast-1/";

std::string source_text(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> describe_all(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  for (const Error& error : errors) out.push_back(describe(error));
  return out;
}

std::vector<std::string> describe_all(const std::vector<SkippedInput>& skipped) {
  std::vector<std::string> out;
  for (const SkippedInput& file : skipped) {
    out.push_back(fmt::format("{}: {}: {}", file.file, file.id, file.reason));
  }
  return out;
}

constexpr std::string_view kUnknownJson =
    "E_AWS_CLI_KIND: expected a Terraform plan, a CloudFormation template or the output of an AWS "
    "CLI command snapkey reads, found ";

class InputReportTest : public InputsTest {
 protected:
  // A saved export as export.sh leaves it: the clusters and keys of tests/data/mixed/export/,
  // and the files that come with it.
  void write_export(const std::string& folder) {
    for (const char* file : {"rds/describe-db-clusters.json", "kms/list-aliases.json",
                             "kms/describe-key/5b1e7c2a-3d4f-4e6a-8b9c-0d1e2f3a4b5c.json"}) {
      write(folder + "/111111111111/ap-northeast-1/" + file, source_text(kMixedExport + file));
    }
  }
};

TEST_F(InputReportTest, FilesOfUnknownKindInAnExportAreSkippedAndListed) {
  write_export("export");
  const std::string notes = write("export/notes.json", R"({"owner": "ops"})");
  const std::string instances =
      write("export/111111111111/ap-northeast-1/ec2/describe-instances.json",
            R"({"Reservations": [], "NextToken": null})");
  const std::string accounts = write("export/accounts.yaml", "- '111111111111'\n");
  const std::string list = write("export/zz.json", "[]");
  write("export/README.md", "how this was exported");
  const InputReport report = read_inputs_report({path("export")}, {});
  EXPECT_THAT(describe_all(report.errors), ElementsAre());
  ASSERT_TRUE(report.input);
  EXPECT_EQ(report.input->resources.size(), 2u);
  // In the order found (sorted paths), the YAML one too; README.md is not JSON or YAML: ignored,
  // as before, and not listed.
  EXPECT_THAT(
      describe_all(report.skipped),
      ElementsAre(
          instances + ": " + std::string(kUnknownJson) +
              "an object whose top-level keys are Reservations, NextToken",
          accounts + ": E_INPUT_KIND: expected a scenario or a CloudFormation template "
                     "(a YAML map), found a list",
          notes + ": " + std::string(kUnknownJson) + "an object whose top-level keys are owner",
          list + ": " + std::string(kUnknownJson) + "a list"));
  // The same facts as the export alone.
  write_export("plain");
  const InputReport alone = read_inputs_report({path("plain")}, {});
  ASSERT_TRUE(alone.input);
  EXPECT_TRUE(alone.skipped.empty());
  EXPECT_EQ(alone.input->resources.size(), report.input->resources.size());
  EXPECT_EQ(alone.input->keys.size(), report.input->keys.size());
}

TEST_F(InputReportTest, AnExportOfJsonOnlyIsSkippedIntoToo) {
  // export/ holds only *.json: the CLI reader is given the directory, fails on notes.json, and
  // is given the other files.
  write_export("export");
  const std::string notes = write("export/notes.json", R"({"owner": "ops"})");
  const InputReport report = read_inputs_report({path("export")}, {});
  EXPECT_THAT(describe_all(report.errors), ElementsAre());
  ASSERT_TRUE(report.input);
  EXPECT_EQ(report.input->resources.size(), 2u);
  EXPECT_THAT(describe_all(report.skipped),
              ElementsAre(notes + ": " + std::string(kUnknownJson) +
                          "an object whose top-level keys are owner"));
}

TEST_F(InputReportTest, ReadInputsSkipsNothing) {
  // read_inputs cannot say what it skipped, so it skips nothing: as before, an error.
  write_export("export");
  const std::string notes = write("export/notes.json", R"({"owner": "ops"})");
  const Error error = read_inputs({path("export")}, {}).error();
  EXPECT_EQ(error.id, "E_AWS_CLI_KIND");
  EXPECT_EQ(error.location.to_string(), notes + "#/");
}

TEST_F(InputReportTest, AFileNamedIsNeverSkipped) {
  const std::string notes = write("notes.json", R"({"owner": "ops"})");
  const std::string list = write("list.yaml", "- a\n");
  const InputReport report = read_inputs_report({notes, list}, {});
  EXPECT_FALSE(report.input);
  EXPECT_TRUE(report.skipped.empty());
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(describe(report.errors[0]),
            list +
                ":1:1: E_INPUT_KIND: expected a scenario or a CloudFormation template (a YAML "
                "map), found a list");
  EXPECT_EQ(report.errors[1].id, "E_AWS_CLI_KIND");
  EXPECT_EQ(report.errors[1].location.to_string(), notes + "#/");
}

TEST_F(InputReportTest, AFileOfAKnownKindWithAnErrorIsNotSkipped) {
  write_export("export");
  write("export/notes.json", R"({"owner": "ops"})");
  // describe-db-clusters output (a kind the CLI reader knows) with a value of the wrong type.
  const std::string clusters =
      write("export/describe-db-clusters.json", R"({"DBClusters": [{"DBClusterArn": 12}]})");
  const InputReport report = read_inputs_report({path("export")}, {});
  EXPECT_FALSE(report.input);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].location.file, clusters);
  EXPECT_THAT(report.errors[0].id, StartsWith("E_JSON_"));  // E_JSON_MISSING
  EXPECT_EQ(report.skipped.size(), 1u);
}

TEST_F(InputReportTest, EFileADirectoryOfSkippedFilesOnly) {
  write("notes.json", R"({"owner": "ops"})");
  write("list.yaml", "- a\n");
  write("README.md", "nothing to read");
  const InputReport report = read_inputs_report({path()}, {});
  EXPECT_EQ(report.skipped.size(), 2u);
  EXPECT_THAT(describe_all(report.errors),
              ElementsAre(path() + ": E_FILE: directory '" + path() +
                          "' holds no file snapkey reads: every *.json, *.yaml, *.yml and "
                          "*.template file in it was skipped, of no kind snapkey reads"));
}

TEST_F(InputReportTest, EveryBadFileAtOnce) {
  write_export("export");
  write("export/notes.json", R"({"owner": "ops"})");  // skipped, not an error
  // A JSON syntax error, a scenario with an unknown key, a describe-key output with a bad value.
  const std::string text = "{\"Aliases\": [";
  const std::string aliases =
      write("export/111111111111/ap-northeast-1/kms/list-aliases.json", text);
  const std::string design = write("design.yaml", "vaults:\n  dr:\n    arm: x\n");
  const std::string key = write(
      "export/111111111111/ap-northeast-1/kms/describe-key/"
      "5b1e7c2a-3d4f-4e6a-8b9c-0d1e2f3a4b5c.json",
      R"({"KeyMetadata": {"Arn": "arn:aws:kms:ap-northeast-1:111111111111:key/5b1e7c2a-3d4f-4e6a-8b9c-0d1e2f3a4b5c", "MultiRegion": "no"}})");
  const InputReport report = read_inputs_report({path("export"), design}, {});
  EXPECT_FALSE(report.input);
  ASSERT_EQ(report.errors.size(), 3u)
      << fmt::format("{}", fmt::join(describe_all(report.errors), "\n"));
  // Files that cannot be recognised first, then each reader's: scenarios, the AWS CLI export.
  const Error syntax = detail::parse_json(simdjson::padded_string(text), aliases).error();
  EXPECT_EQ(describe(report.errors[0]), describe(syntax));
  EXPECT_EQ(report.errors[1].id, "E_SCENARIO_KEY");
  EXPECT_EQ(report.errors[1].location.to_string(), design + ":3:5");
  EXPECT_EQ(report.errors[2].location.file, key);
  EXPECT_EQ(report.errors[2].location.pointer, "/KeyMetadata/MultiRegion");
  EXPECT_EQ(report.skipped.size(), 1u);
  // read_inputs stops at the first.
  EXPECT_EQ(read_inputs({path("export"), design}, {}).error(), report.errors[0]);
}

TEST_F(InputReportTest, OneErrorIsTheErrorReadInputsReports) {
  const std::string design = write("design.yaml", "vaults:\n  dr:\n    arm: x\n");
  const InputReport report = read_inputs_report({design}, {});
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0], read_inputs({design}, {}).error());
}

TEST_F(InputReportTest, ErrorsBetweenFilesComeOnlyFromTheWholeExport) {
  // A selection whose plan is in another file, read alone, is E_AWS_CLI_REF: read with the
  // export it is fine, so only the file with an error of its own is reported.
  write_export("export");
  const std::string bad = write("export/bad.json", R"({"DBClusters": [{"DBClusterArn": 12}]})");
  write("export/selection.json", R"({"BackupSelection": {"SelectionName": "s",
    "IamRoleArn": "arn:aws:iam::111111111111:role/backup", "Resources": []},
    "BackupPlanId": "plan-1", "SelectionId": "sel-1"})");
  const InputReport alone = read_inputs_report({path("export/selection.json")}, {});
  ASSERT_EQ(alone.errors.size(), 1u);
  EXPECT_EQ(alone.errors[0].id, "E_AWS_CLI_REF") << describe(alone.errors[0]);
  const InputReport report = read_inputs_report({path("export")}, {});
  ASSERT_EQ(report.errors.size(), 1u)
      << fmt::format("{}", fmt::join(describe_all(report.errors), "\n"));
  EXPECT_EQ(report.errors[0].location.file, bad);
}

// ---------------------------------------------------------------------------------------------
// The mixed example: a scenario that adds vaults and a plan to a saved CLI export

const std::string kMixed = std::string(SNAPKEY_SOURCE_DIR) + "/tests/data/mixed/";

TEST(MixedInputsTest, AScenarioAndAnExportMakeOneModel) {
  Result<ModelInput> input = read_inputs({kMixed + "export", kMixed + "design.yaml"}, {});
  ASSERT_TRUE(input) << describe(input.error());
  Result<Model> model = Model::build(std::move(input).value());
  ASSERT_TRUE(model) << describe(model.error());
  const Predictions predictions = predict(*model, {});
  std::vector<std::string> seen;
  for (const Prediction& p : predictions.recovery_points) {
    seen.push_back(
        fmt::format("{} {} {}", p.id, to_string(p.outcome), p.key ? p.key->display_name() : "-"));
  }
  EXPECT_THAT(seen, ElementsAre("inventory@primary encrypted alias/aws/rds",
                                "inventory@dr encrypted alias/dr-key",
                                "orders@primary encrypted alias/orders-key",
                                "orders@dr encrypted alias/dr-key"));
}

// Issue 9, item 5: a cluster whose identifier CloudFormation generates is not the export's
// cluster that happens to be called like its logical id.
TEST(MixedInputsTest, AGeneratedNameMatchesNoClusterOfAnExport) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("snapkey-generated-{}", ::getpid());
  fs::create_directories(dir);
  const std::string tmpl = (dir / "t.yaml").string();
  std::ofstream(tmpl) << "Resources:\n  orders: {Type: AWS::RDS::DBCluster, Properties: {Engine: "
                         "aurora-mysql, StorageEncrypted: true, KmsKeyId: alias/aws/rds}}\n";
  InputOptions options;
  options.region = "ap-northeast-1";
  options.account = "111111111111";
  Result<ModelInput> input = read_inputs({kMixed + "export", tmpl}, options);
  fs::remove_all(dir);
  ASSERT_TRUE(input) << describe(input.error());
  std::vector<std::string> orders;
  for (const Resource& r : input->resources) {
    if (r.arn.find("orders") != std::string::npos) orders.push_back(r.arn + " " + r.key);
  }
  EXPECT_THAT(orders, ElementsAre(StartsWith("arn:aws:rds:ap-northeast-1:111111111111:cluster:"
                                             "orders arn:aws:kms:"),
                                  "arn:aws:rds:ap-northeast-1:111111111111:cluster:<orders> "
                                  "alias/aws/rds"));
}

TEST(MixedInputsTest, EConflictTheSameClusterWithTwoKeys) {
  const std::string clusters =
      kMixed + "export/111111111111/ap-northeast-1/rds/describe-db-clusters.json";
  EXPECT_EQ(
      describe(read_inputs({kMixed + "export", kMixed + "conflict.yaml"}, {}).error()),
      clusters +
          "#/DBClusters/1: E_CONFLICT: resource "
          "arn:aws:rds:ap-northeast-1:111111111111:cluster:orders is described twice, "
          "inconsistently: key is 'other-key' at " +
          kMixed +
          "conflict.yaml:8:3 but "
          "'arn:aws:kms:ap-northeast-1:111111111111:key/5b1e7c2a-3d4f-4e6a-8b9c-0d1e2f3a4b5c' "
          "at " +
          clusters + "#/DBClusters/1");
}

}  // namespace
}  // namespace snapkey::io
