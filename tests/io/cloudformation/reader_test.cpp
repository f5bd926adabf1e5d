// Tests for the CloudFormation template reader (snapkey/io/cloudformation.hpp): the YAML and
// JSON forms of templates, every intrinsic function it evaluates, every resource type and
// property it reads, unknown values, cross-stack references, stack placement, and every error
// (whole message and location).
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "io/cloudformation/eval.hpp"
#include "io/cloudformation/reader.hpp"
#include "snapkey/io/cloudformation.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::io {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

using cloudformation::TemplateSource;

constexpr const char* kA = "111111111111";
constexpr const char* kB = "222222222222";
constexpr const char* kTokyo = "ap-northeast-1";
constexpr const char* kVirginia = "us-east-1";
constexpr const char* kMrk = "mrk-0123456789abcdef0123456789abcdef";
const std::string kEstate = std::string(SNAPKEY_TEST_DATA) + "/estate/cloudformation/";
const std::string kData = std::string(SNAPKEY_TEST_DATA) + "/cloudformation/";

CloudFormationOptions in_tokyo() {
  CloudFormationOptions options;
  options.region = kTokyo;
  options.account = kA;
  return options;
}

std::string vault_arn(const std::string& region, const std::string& name,
                      const std::string& account = kA) {
  return fmt::format("arn:aws:backup:{}:{}:backup-vault:{}", region, account, name);
}

Result<ModelInput> read_all(const std::vector<TemplateSource>& sources,
                            const CloudFormationOptions& options = in_tokyo()) {
  return cloudformation::read_templates(sources, options);
}

// Reads one template, t.yaml (or t.json), which must be valid.
ModelInput read(std::string_view text, const CloudFormationOptions& options = in_tokyo(),
                const std::string& path = "t.yaml") {
  Result<ModelInput> input = read_all({{path, std::string(text)}}, options);
  if (!input) ADD_FAILURE() << input.error().to_string();
  return input ? std::move(*input) : ModelInput{};
}

// The error that reading the templates gives, as the CLI prints it; "ok" when there is none.
std::string error_of(const std::vector<TemplateSource>& sources,
                     const CloudFormationOptions& options = in_tokyo()) {
  const Result<ModelInput> input = read_all(sources, options);
  return input ? std::string("ok") : input.error().to_string();
}
std::string error_of(std::string_view text, const std::string& path = "t.yaml") {
  return error_of({{path, std::string(text)}});
}

// --- evaluating values -----------------------------------------------------------------------

// A value as text: a string as is (symbols as ${Id.Attribute}), "[a, b]", "{k: v}", "unknown:
// <reason>" or "absent".
std::string render(const cloudformation::Value& value) {
  switch (value.kind) {
    case cloudformation::Value::Kind::text:
      return value.text();
    case cloudformation::Value::Kind::list: {
      std::vector<std::string> items;
      for (const cloudformation::Value& item : value.items) items.push_back(render(item));
      return fmt::format("[{}]", fmt::join(items, ", "));
    }
    case cloudformation::Value::Kind::map: {
      std::vector<std::string> members;
      for (const auto& [key, member] : value.members)
        members.push_back(key + ": " + render(member));
      return fmt::format("{{{}}}", fmt::join(members, ", "));
    }
    case cloudformation::Value::Kind::unknown:
      return "unknown: " + value.reason;
    case cloudformation::Value::Kind::absent:
      break;
  }
  return "absent";
}

// The value of output `output` of the first template, evaluated; the error if there is one.
std::string evaluate(const std::vector<TemplateSource>& sources, const std::string& output = "Out",
                     const CloudFormationOptions& options = in_tokyo()) {
  auto stacks = cloudformation::read_stacks(sources, options);
  if (!stacks) return stacks.error().to_string();
  cloudformation::Evaluator evaluator(*stacks, options.parameters);
  if (Status s = evaluator.index_exports(); !s) return s.error().to_string();
  const cloudformation::Node* value = (*stacks)[0].section("Outputs")->find(output)->find("Value");
  auto result = evaluator.eval(0, *value);
  return result ? render(*result) : result.error().to_string();
}

// `body` (Parameters, Conditions, Mappings...) with one resource and the output Out: `value`.
std::string evaluate_yaml(std::string_view value, std::string_view body = "",
                          const CloudFormationOptions& options = in_tokyo()) {
  const std::string text = fmt::format(
      "{}\nResources:\n  Vault:\n    Type: AWS::Backup::BackupVault\n    Properties:\n"
      "      BackupVaultName: v\n  Key:\n    Type: AWS::KMS::Key\n"
      "Outputs:\n  Out:\n    Value: {}\n",
      body, value);
  return evaluate({{"stack.yaml", text}}, "Out", options);
}

// --- the estate (tests/data/estate/README.md) ------------------------------------------------

CloudFormationOptions estate_options() {
  CloudFormationOptions options;
  options.account = kA;
  options.stacks[kEstate + "tokyo.yaml"] = kTokyo;
  options.stacks[kEstate + "virginia.json"] = kVirginia;
  return options;
}

TEST(CloudFormationEstate, PredictsTheReadmeTable) {
  auto input = read_cloudformation_templates({kEstate + "tokyo.yaml", kEstate + "virginia.json"},
                                             estate_options());
  ASSERT_TRUE(input) << input.error().to_string();
  auto model = Model::build(std::move(input).value());
  ASSERT_TRUE(model) << model.error().to_string();
  const Predictions predictions = predict(*model, {});
  std::vector<std::string> rows;
  for (const Prediction& p : predictions.recovery_points) {
    rows.push_back(fmt::format(
        "{} {} {} {} {} {}", p.id, to_string(p.outcome), p.key ? p.key->display_name() : "-",
        p.key ? p.key->region.name : "-", p.rules.back(), p.vault_address.value_or("-")));
  }
  EXPECT_THAT(
      rows, ElementsAre("billing@primary encrypted alias/aws/rds ap-northeast-1 R2 PrimaryVault",
                        "billing@Default encrypted alias/aws/rds us-east-1 R9 DefaultVault1A2B3C4D",
                        "billing@dr encrypted alias/app-key-replica us-east-1 R7 DrVaultE5F6A7B8",
                        "orders@primary encrypted alias/app-key ap-northeast-1 R2 PrimaryVault",
                        "orders@Default encrypted alias/aws/rds us-east-1 R9 DefaultVault1A2B3C4D",
                        "orders@dr encrypted alias/app-key-replica us-east-1 R7 DrVaultE5F6A7B8"));
}

TEST(CloudFormationEstate, ReadsEveryThingWithItsLogicalIdAndPlace) {
  auto input = read_cloudformation_templates({kEstate + "tokyo.yaml", kEstate + "virginia.json"},
                                             estate_options());
  ASSERT_TRUE(input) << input.error().to_string();
  ASSERT_EQ(input->keys.size(), 2u);
  const Key& primary = input->keys[0];
  EXPECT_EQ(primary.name, "app-key");
  EXPECT_EQ(primary.arn, "");  // not known before the stack is created
  EXPECT_EQ(primary.region.name, kTokyo);
  EXPECT_EQ(primary.account.value, kA);
  EXPECT_THAT(primary.aliases, ElementsAre("alias/app-key"));
  EXPECT_EQ(primary.multi_region, MultiRegion::primary);
  EXPECT_EQ(primary.address, "AppKey");
  EXPECT_EQ(primary.location.to_string(), kEstate + "tokyo.yaml:23:3");
  EXPECT_TRUE(primary.generated_name);
  const Key& replica = input->keys[1];
  EXPECT_EQ(replica.name, "app-key-replica");
  EXPECT_EQ(replica.multi_region, MultiRegion::replica);
  EXPECT_EQ(replica.primary, "app-key");  // through Fn::GetStackOutput of the tokyo stack
  EXPECT_EQ(replica.region.name, kVirginia);
  EXPECT_EQ(replica.location.to_string(),
            kEstate + "virginia.json#/Resources/AppKeyReplica5C3F2A1B");
  ASSERT_EQ(input->vaults.size(), 3u);
  EXPECT_EQ(input->vaults[0].name, "Default");
  EXPECT_EQ(input->vaults[0].key, "");
  EXPECT_EQ(input->vaults[1].name, "dr");
  EXPECT_EQ(input->vaults[1].key, "app-key-replica");
  EXPECT_EQ(input->vaults[2].arn, vault_arn(kTokyo, "primary"));
  ASSERT_EQ(input->plans.size(), 1u);
  const PlanRule& rule = input->plans[0].rules.at(0);
  EXPECT_EQ(rule.vault, vault_arn(kTokyo, "primary"));
  EXPECT_THAT(rule.copy_to,
              ElementsAre(vault_arn(kVirginia, "Default"), vault_arn(kVirginia, "dr")));
  ASSERT_EQ(input->plans[0].selections.size(), 1u);
  EXPECT_EQ(input->plans[0].selections[0].name, "tagged");
}

// --- YAML short forms and JSON long forms -------------------------------------------------

TEST(CloudFormationTemplate, YamlShortFormsAreTheLongForms) {
  EXPECT_EQ(evaluate_yaml("!Ref AWS::Region"), "ap-northeast-1");
  EXPECT_EQ(evaluate_yaml("{Ref: AWS::Region}"), "ap-northeast-1");
  EXPECT_EQ(evaluate_yaml("!GetAtt Key.Arn"), "${Key.Arn}");
  EXPECT_EQ(evaluate_yaml("!GetAtt [Key, Arn]"), "${Key.Arn}");
  EXPECT_EQ(evaluate_yaml("{Fn::GetAtt: [Key, Arn]}"), "${Key.Arn}");
  // "A.B.C": the resource ends at the first dot.
  EXPECT_EQ(evaluate_yaml("!GetAtt Key.Endpoint.Address"), "${Key.Endpoint.Address}");
  EXPECT_EQ(evaluate_yaml("!Sub '${AWS::AccountId}-x'"), "111111111111-x");
  EXPECT_EQ(evaluate_yaml("!Join ['-', [a, b]]"), "a-b");
  EXPECT_EQ(evaluate_yaml("!Select [1, [a, b]]"), "b");
  EXPECT_EQ(evaluate_yaml("!Split [',', 'a,b']"), "[a, b]");
  EXPECT_EQ(evaluate_yaml("!Base64 abc"), "YWJj");
  EXPECT_EQ(evaluate_yaml("!GetAZs ''"),
            "unknown: Fn::GetAZs lists Availability Zones, which are not known offline");
  EXPECT_EQ(evaluate_yaml("!FindInMap [M, a, b]", "Mappings:\n  M:\n    a: {b: found}\n"), "found");
  EXPECT_EQ(evaluate_yaml("!If [C, yes, no]", "Conditions:\n  C: !Equals [a, a]\n"), "yes");
  EXPECT_EQ(evaluate_yaml("!Equals [a, b]"), "false");
  EXPECT_EQ(evaluate_yaml("!Not [!Equals [a, b]]"), "true");
  EXPECT_EQ(evaluate_yaml("!And [!Equals [a, a], !Condition C]",
                          "Conditions:\n  C: !Or [!Equals [a, b], !Equals [b, b]]\n"),
            "true");
}

TEST(CloudFormationTemplate, LongFormsInYaml) {
  EXPECT_EQ(evaluate_yaml("{Fn::Sub: '${AWS::Region}'}"), "ap-northeast-1");
  EXPECT_EQ(evaluate_yaml("{Fn::Join: ['-', [a, b]]}"), "a-b");
  EXPECT_EQ(evaluate_yaml("{Fn::Select: [0, {Fn::Split: [',', 'x,y']}]}"), "x");
  EXPECT_EQ(evaluate_yaml("{Fn::Base64: abc}"), "YWJj");
  EXPECT_EQ(evaluate_yaml("{Fn::FindInMap: [M, a, b]}", "Mappings:\n  M:\n    a: {b: found}\n"),
            "found");
  EXPECT_EQ(evaluate_yaml("{Fn::If: [C, yes, no]}",
                          "Conditions:\n  C: {Fn::And: [{Fn::Equals: [a, a]}, {Fn::Not: "
                          "[{Condition: D}]}]}\n  D: {Fn::Or: [{Fn::Equals: [a, b]}, "
                          "{Fn::Equals: [b, c]}]}\n"),
            "yes");
  EXPECT_EQ(evaluate_yaml("{Fn::ImportValue: nothing}"),
            "unknown: no template given exports 'nothing' in 111111111111 ap-northeast-1");
  EXPECT_EQ(evaluate_yaml("{Fn::GetAZs: ''}"),
            "unknown: Fn::GetAZs lists Availability Zones, which are not known offline");
  EXPECT_EQ(evaluate_yaml("{Fn::GetStackOutput: {StackName: stack, OutputName: Out}}"),
            "stack.yaml:11:12: error E_CFN_VALUE: circular reference: output Out of stack.yaml "
            "needs output Out of stack.yaml");
}

TEST(CloudFormationTemplate, JsonTemplatesUseTheLongForms) {
  const std::string text = R"({
  "Resources": {"Key": {"Type": "AWS::KMS::Key"}},
  "Conditions": {"C": {"Fn::Not": [{"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}]}},
  "Outputs": {
    "Out": {"Value": {"Fn::If": ["C", {"Fn::Sub": ["${K}:${AWS::Partition}", {"K": {"Fn::GetAtt": ["Key", "Arn"]}}]}, "no"]}}
  }
})";
  EXPECT_EQ(evaluate({{"t.json", text}}), "${Key.Arn}:aws");
}

TEST(CloudFormationTemplate, TagsThatAreNotFunctionsAreErrors) {
  EXPECT_EQ(evaluate_yaml("!Reff Key"),
            "stack.yaml:11:12: error E_CFN_VALUE: unknown tag !Reff; expected a CloudFormation "
            "function such as !Ref, !GetAtt or !Sub");
  // The standard tags change nothing.
  EXPECT_EQ(evaluate_yaml("!!str 12"), "12");
}

TEST(CloudFormationTemplate, BytesThatAreNotTextAreErrors) {
  EXPECT_EQ(
      error_of("Resources:\n  A: {Type: AWS::S3::Bucket, Properties: {BucketName: caf\xe9}}\n"),
      "t.yaml:2:58: error E_YAML: invalid YAML: expected UTF-8 text, found the byte 0xE9, "
      "which is not valid UTF-8 here; save the file as UTF-8");
}

// yaml-cpp keeps both of two equal keys, and CloudFormation rejects the template: so does snapkey.
TEST(CloudFormationTemplate, AKeyGivenTwiceIsAnError) {
  EXPECT_EQ(error_of("Resources:\n  A:\n    Type: AWS::Backup::BackupVault\n"
                     "    Properties: {BackupVaultName: a, BackupVaultName: b}\n"),
            "t.yaml:4:38: error E_CFN_VALUE: 'BackupVaultName' is given twice in one map, at line "
            "4, columns 18 and 38; keep one");
}

// Parameters as CloudFormation accepts them, or it refuses the template (or the stack).
TEST(CloudFormationTemplate, ParametersCloudFormationWouldRefuse) {
  const std::string vault =
      "Resources:\n  V: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: v}}\n";
  EXPECT_EQ(error_of("Parameters:\n  Env: {Type: Strin}\n" + vault),
            "t.yaml:2:15: error E_CFN_VALUE: expected a parameter Type (String, Number, "
            "List<Number>, CommaDelimitedList, or an AWS-specific type such as AWS::EC2::VPC::Id "
            "or AWS::SSM::Parameter::Value<String>) for parameter Env, found 'Strin'; did you "
            "mean 'String'?");
  EXPECT_EQ(error_of("Parameters:\n  Env: {Default: prod}\n" + vault),
            "t.yaml:2:8: error E_CFN_VALUE: expected a map with a Type for parameter Env, found "
            "a map without Type");
  EXPECT_EQ(error_of("Parameters: [Env]\n" + vault),
            "t.yaml:1:13: error E_CFN_VALUE: expected a map of parameters by name for "
            "Parameters, found a list");
  const std::string allowed =
      "Parameters:\n  Env: {Type: String, Default: qa, AllowedValues: [prod, staging]}\n" + vault;
  EXPECT_EQ(error_of(allowed),
            "t.yaml:2:32: error E_CFN_VALUE: expected the Default of parameter Env to be one of "
            "its AllowedValues (prod, staging), found 'qa'");
  CloudFormationOptions options = in_tokyo();
  options.parameters["Env"] = "dev";
  EXPECT_EQ(error_of({{"t.yaml", allowed}}, options),
            "error E_USAGE: expected the --parameter value of parameter Env to be one of its "
            "AllowedValues (prod, staging), found 'dev'");
  options.parameters["Env"] = "prod";
  EXPECT_EQ(error_of({{"t.yaml", allowed}}, options), "ok");
  // AWS-specific types are CloudFormation's to check.
  EXPECT_EQ(error_of("Parameters:\n  Vpc: {Type: 'AWS::EC2::VPC::Id'}\n  Subnets: {Type: "
                     "'List<AWS::EC2::Subnet::Id>'}\n" +
                     vault),
            "ok");
}

TEST(CloudFormationTemplate, SyntaxErrorsNameTheFileAndPlace) {
  EXPECT_EQ(error_of("Resources:\n  A: [\n"),
            "t.yaml:3:1: error E_YAML: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(error_of("{\"Resources\": {\"A\": }}", "t.json"),
            "t.json: error E_JSON: not valid JSON at byte 20 (line 1, column 21): The JSON "
            "document has an improper structure: missing or superfluous commas, braces, missing "
            "keys, etc.");
  EXPECT_EQ(error_of("- a\n- b\n"),
            "t.yaml:1:1: error E_CFN_VALUE: expected a CloudFormation template (a map with "
            "Resources), found a list");
  EXPECT_EQ(error_of("AWSTemplateFormatVersion: '2010-09-09'\n"),
            "t.yaml:1:1: error E_CFN_VALUE: expected a map of resources for Resources, found "
            "nothing");
  EXPECT_EQ(error_of("Resources:\n  A:\n    Properties: {}\n"),
            "t.yaml:2:3: error E_CFN_VALUE: expected a map with a Type for resource A, found a "
            "map without Type");
  EXPECT_EQ(error_of("Resources:\n  A:\n    Type: AWS::KMS::Key\n    Properties: [1]\n"),
            "t.yaml:4:17: error E_CFN_VALUE: expected a map for the Properties of A, found a "
            "list");
}

TEST(CloudFormationTemplate, FilesThatCannotBeReadAreErrors) {
  auto input = read_cloudformation_templates({kData + "no-such-file.yaml"}, in_tokyo());
  ASSERT_FALSE(input);
  EXPECT_EQ(input.error().to_string(),
            fmt::format("{0}no-such-file.yaml: error E_FILE: cannot read '{0}no-such-file.yaml': "
                        "No such file or directory",
                        kData));
}

TEST(CloudFormationTemplate, StackNamesComeFromFileNames) {
  EXPECT_EQ(cloudformation::stack_name("a/b/tokyo.yaml"), "tokyo");
  EXPECT_EQ(cloudformation::stack_name("cdk.out/BackupStack.template.json"), "BackupStack");
  EXPECT_EQ(cloudformation::stack_name("x.yml"), "x");
  EXPECT_EQ(evaluate({{"dir/BackupStack.template.yaml",
                       "Resources: {K: {Type: AWS::KMS::Key}}\nOutputs: {Out: {Value: "
                       "!Ref AWS::StackName}}"}}),
            "BackupStack");
}

// --- Ref: parameters, pseudo parameters, resources ------------------------------------------

constexpr std::string_view kParameters =
    "Parameters:\n"
    "  Name: {Type: String, Default: from-default}\n"
    "  NoDefault: {Type: String}\n"
    "  Names: {Type: CommaDelimitedList, Default: 'a,b'}\n"
    "  Ids: {Type: 'List<AWS::EC2::Subnet::Id>'}\n"
    "  FromSsm: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /cdk/version}\n";

TEST(CloudFormationRef, ParametersTakeTheGivenValueThenTheDefault) {
  EXPECT_EQ(evaluate_yaml("!Ref Name", kParameters), "from-default");
  CloudFormationOptions given = in_tokyo();
  given.parameters["Name"] = "given";
  given.parameters["NoDefault"] = "also-given";
  given.parameters["Ids"] = "subnet-1,subnet-2";
  EXPECT_EQ(evaluate_yaml("!Ref Name", kParameters, given), "given");
  EXPECT_EQ(evaluate_yaml("!Ref NoDefault", kParameters, given), "also-given");
  EXPECT_EQ(evaluate_yaml("!Ref Ids", kParameters, given), "[subnet-1, subnet-2]");
  EXPECT_EQ(evaluate_yaml("!Ref Names", kParameters), "[a, b]");
}

TEST(CloudFormationRef, ParametersWithNoValueAreUnknown) {
  EXPECT_EQ(evaluate_yaml("!Ref NoDefault", kParameters),
            "unknown: parameter NoDefault has no value (give --parameter NoDefault=VALUE, or a "
            "Default)");
  EXPECT_EQ(evaluate_yaml("!Ref FromSsm", kParameters),
            "unknown: parameter FromSsm is read from the SSM parameter '/cdk/version' when the "
            "stack is deployed (give --parameter FromSsm=VALUE)");
  EXPECT_EQ(evaluate_yaml("!Sub 'x-${NoDefault}'", kParameters),
            "unknown: parameter NoDefault has no value (give --parameter NoDefault=VALUE, or a "
            "Default)");
}

TEST(CloudFormationRef, PseudoParametersComeFromTheStack) {
  EXPECT_EQ(evaluate_yaml("!Ref AWS::AccountId"), kA);
  EXPECT_EQ(evaluate_yaml("!Ref AWS::Partition"), "aws");
  EXPECT_EQ(evaluate_yaml("!Ref AWS::URLSuffix"), "amazonaws.com");
  EXPECT_EQ(evaluate_yaml("!Ref AWS::StackName"), "stack");
  EXPECT_EQ(evaluate_yaml("!Ref AWS::StackId"),
            "unknown: AWS::StackId is known only when the stack is deployed");
  EXPECT_EQ(evaluate_yaml("[a, !Ref AWS::NoValue, b]"), "[a, b]");
  CloudFormationOptions china;
  china.region = "cn-north-1";
  china.account = kA;
  EXPECT_EQ(evaluate_yaml("!Sub '${AWS::Partition} ${AWS::URLSuffix}'", "", china),
            "aws-cn amazonaws.com.cn");
  EXPECT_EQ(evaluate_yaml("!Ref AWS::Regio"),
            "stack.yaml:11:12: error E_CFN_VALUE: Ref names 'AWS::Regio', which is not a pseudo "
            "parameter (AWS::Region, AWS::AccountId, AWS::Partition, AWS::StackName, "
            "AWS::URLSuffix, AWS::NoValue...)");
}

TEST(CloudFormationRef, ResourcesGiveTheirPhysicalIdOrASymbol) {
  const std::string_view resources =
      "Resources:\n"
      "  Cluster: {Type: AWS::RDS::DBCluster, Properties: {DBClusterIdentifier: Orders}}\n"
      "  Generated: {Type: AWS::RDS::DBCluster}\n"
      "  Instance: {Type: AWS::RDS::DBInstance, Properties: {DBInstanceIdentifier: billing}}\n"
      "  Vault: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: dr}}\n"
      "  Lag: {Type: AWS::Backup::LogicallyAirGappedBackupVault, Properties: {BackupVaultName: "
      "lag}}\n"
      "  Alias: {Type: AWS::KMS::Alias, Properties: {AliasName: alias/x, TargetKeyId: !Ref K}}\n"
      "  K: {Type: AWS::KMS::Key}\n"
      "  Plan: {Type: AWS::Backup::BackupPlan}\n";
  auto value = [&](std::string_view expression) {
    return evaluate(
        {{"t.yaml", fmt::format("{}Outputs:\n  Out: {{Value: {}}}\n", resources, expression)}});
  };
  EXPECT_EQ(value("!Ref Cluster"), "orders");  // RDS keeps identifiers in lower case
  // A name CloudFormation generates is not known before the stack is deployed.
  EXPECT_EQ(value("!Ref Generated"), "${Generated}");
  EXPECT_EQ(value("!GetAtt Generated.DBClusterArn"), "${Generated.DBClusterArn}");
  EXPECT_EQ(value("!GetAtt Cluster.DBClusterArn"),
            "arn:aws:rds:ap-northeast-1:111111111111:cluster:orders");
  EXPECT_EQ(value("!GetAtt Instance.DBInstanceArn"),
            "arn:aws:rds:ap-northeast-1:111111111111:db:billing");
  EXPECT_EQ(value("!GetAtt Vault.BackupVaultArn"), vault_arn(kTokyo, "dr"));
  EXPECT_EQ(value("!GetAtt Vault.BackupVaultName"), "dr");
  EXPECT_EQ(value("!GetAtt Lag.BackupVaultArn"), vault_arn(kTokyo, "lag"));
  EXPECT_EQ(value("!Ref Alias"), "alias/x");
  EXPECT_EQ(value("!Ref K"), "${K}");
  EXPECT_EQ(value("!GetAtt K.KeyId"), "${K.KeyId}");
  EXPECT_EQ(value("!Ref Plan"), "${Plan}");
  EXPECT_EQ(value("!GetAtt Plan.BackupPlanArn"), "${Plan.BackupPlanArn}");
  EXPECT_EQ(value("!Ref Missing"),
            "t.yaml:11:16: error E_CFN_VALUE: Ref names 'Missing', which is neither a parameter "
            "nor a resource of t.yaml");
  EXPECT_EQ(value("!GetAtt Missing.Arn"),
            "t.yaml:11:16: error E_CFN_VALUE: Fn::GetAtt names resource 'Missing', which t.yaml "
            "does not define");
}

// --- Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64 ----------------------

TEST(CloudFormationFunctions, SubTakesBothForms) {
  EXPECT_EQ(evaluate_yaml("!Sub 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/"
                          "${Key}'"),
            "arn:aws:kms:ap-northeast-1:111111111111:key/${Key}");
  EXPECT_EQ(evaluate_yaml("!Sub '${Vault.BackupVaultArn}|${Vault}|${!Literal}'"),
            vault_arn(kTokyo, "v") + "|v|${Literal}");
  EXPECT_EQ(evaluate_yaml("!Sub ['${A}-${AWS::Region}', {A: !Ref AWS::AccountId}]"),
            "111111111111-ap-northeast-1");
  EXPECT_EQ(evaluate_yaml("!Sub 'x-${A'"),
            "stack.yaml:11:12: error E_CFN_VALUE: Fn::Sub string 'x-${A' has a '${' with no '}'");
  EXPECT_EQ(evaluate_yaml("!Sub [1, 2]"),
            "stack.yaml:11:12: error E_CFN_VALUE: Fn::Sub expects a string, or [string, "
            "{variables}], found a list");
}

TEST(CloudFormationFunctions, JoinSelectSplitAndTheirShapes) {
  EXPECT_EQ(evaluate_yaml("!Join ['', ['arn:', !GetAtt Key.Arn]]"), "arn:${Key.Arn}");
  EXPECT_EQ(evaluate_yaml("!Join [',', !Split ['|', 'a|b|c']]"), "a,b,c");
  EXPECT_EQ(evaluate_yaml("!Select [0, !Ref Names]", kParameters), "a");
  EXPECT_EQ(evaluate_yaml("!Join ['-', [a, !Ref NoDefault]]", kParameters),
            "unknown: parameter NoDefault has no value (give --parameter NoDefault=VALUE, or a "
            "Default)");
  EXPECT_EQ(evaluate_yaml("!Split [':', !GetAtt Key.Arn]"),
            "unknown: Fn::Split splits '${Key.Arn}', which is known only when the stack is "
            "deployed");
  EXPECT_EQ(evaluate_yaml("!Join '-'"),
            "stack.yaml:11:12: error E_CFN_VALUE: Fn::Join expects [delimiter, [values...]], "
            "found a string");
  EXPECT_EQ(evaluate_yaml("!Select [2, [a, b]]"),
            "stack.yaml:11:12: error E_CFN_VALUE: Fn::Select index 2 is out of range: the list "
            "has 2 values");
  EXPECT_EQ(evaluate_yaml("!Select [x, [a, b]]"),
            "stack.yaml:11:12: error E_CFN_VALUE: Fn::Select expects a whole number as its "
            "index, found 'x'");
  EXPECT_EQ(evaluate_yaml("!GetAtt [Key]"),
            "stack.yaml:11:12: error E_CFN_VALUE: Fn::GetAtt expects [resource, attribute] or "
            "\"resource.attribute\", found a list");
}

TEST(CloudFormationFunctions, FindInMapLooksUpMappings) {
  const std::string_view mappings =
      "Mappings:\n  Vaults:\n    ap-northeast-1: {Name: tokyo-vault}\n";
  EXPECT_EQ(evaluate_yaml("!FindInMap [Vaults, !Ref AWS::Region, Name]", mappings), "tokyo-vault");
  EXPECT_EQ(evaluate_yaml("!FindInMap [Vaults, us-east-1, Name, {DefaultValue: other}]", mappings),
            "other");
  EXPECT_EQ(evaluate_yaml("!FindInMap [Vaults, us-east-1, Name]", mappings),
            "stack.yaml:14:12: error E_CFN_VALUE: Fn::FindInMap finds nothing at Vaults / "
            "us-east-1 / Name in the Mappings of stack.yaml");
}

TEST(CloudFormationFunctions, FunctionsSnapkeyDoesNotEvaluateAreUnknown) {
  EXPECT_EQ(evaluate_yaml("!Cidr [10.0.0.0/16, 2, 8]"),
            "unknown: Fn::Cidr is not a function snapkey evaluates");
  EXPECT_EQ(evaluate_yaml("'{{resolve:ssm:/vault/name}}'"),
            "unknown: '{{resolve:ssm:/vault/name}}' is a dynamic reference, resolved only when "
            "the stack is deployed");
}

// --- Conditions and Fn::If -----------------------------------------------------------------

constexpr std::string_view kConditions =
    "Parameters:\n"
    "  Env: {Type: String, Default: prod}\n"
    "  Unset: {Type: String}\n"
    "Conditions:\n"
    "  IsProd: !Equals [!Ref Env, prod]\n"
    "  IsStaging: !Not [!Condition IsProd]\n"
    "  IsUnset: !Equals [!Ref Unset, x]\n"
    "  ProdOrUnset: !Or [!Condition IsProd, !Condition IsUnset]\n"
    "  StagingAndUnset: !And [!Condition IsStaging, !Condition IsUnset]\n"
    "  ProdAndUnset: !And [!Condition IsProd, !Condition IsUnset]\n"
    "  Loop: !Not [!Condition Loop]\n";

TEST(CloudFormationConditions, EvaluateWhenTheirInputsAreKnown) {
  EXPECT_EQ(evaluate_yaml("!If [IsProd, a, b]", kConditions), "a");
  EXPECT_EQ(evaluate_yaml("!If [IsStaging, a, b]", kConditions), "b");
  CloudFormationOptions staging = in_tokyo();
  staging.parameters["Env"] = "staging";
  EXPECT_EQ(evaluate_yaml("!If [IsStaging, a, b]", kConditions, staging), "a");
  // One decisive input is enough.
  EXPECT_EQ(evaluate_yaml("!If [ProdOrUnset, a, b]", kConditions), "a");
  EXPECT_EQ(evaluate_yaml("!If [StagingAndUnset, a, b]", kConditions), "b");
  EXPECT_EQ(evaluate_yaml("{a: !If [IsProd, !Ref AWS::NoValue, 1], b: 2}", kConditions), "{b: 2}");
}

TEST(CloudFormationConditions, UnknownInputsMakeThemUnknown) {
  EXPECT_EQ(evaluate_yaml("!If [ProdAndUnset, a, b]", kConditions),
            "unknown: condition ProdAndUnset is not known: condition IsUnset is not known: "
            "parameter Unset has no value (give --parameter Unset=VALUE, or a Default)");
  EXPECT_EQ(evaluate_yaml("!If [C, a, b]", "Conditions:\n  C: !Equals [!GetAtt Key.Arn, x]\n"),
            "unknown: condition C is not known: Fn::Equals compares '${Key.Arn}', known only "
            "when the stack is deployed");
}

TEST(CloudFormationConditions, MalformedAndCircularConditionsAreErrors) {
  EXPECT_EQ(evaluate_yaml("!If [Missing, a, b]", kConditions),
            "stack.yaml:22:12: error E_CFN_VALUE: condition 'Missing' is not defined in the "
            "Conditions of stack.yaml");
  EXPECT_EQ(evaluate_yaml("!If [Loop, a, b]", kConditions),
            "stack.yaml:11:9: error E_CFN_VALUE: circular reference: condition Loop needs "
            "condition Loop");
  EXPECT_EQ(evaluate_yaml("!If [C, a, b]", "Conditions:\n  C: !Equals [a]\n"),
            "stack.yaml:2:6: error E_CFN_VALUE: Fn::Equals expects [value, value], found a list");
  EXPECT_EQ(evaluate_yaml("!If [C, a, b]", "Conditions:\n  C: !Join [a, [b]]\n"),
            "stack.yaml:2:6: error E_CFN_VALUE: expected a condition (Fn::Equals, Fn::Not, "
            "Fn::And, Fn::Or or Condition), found Fn::Join");
  EXPECT_EQ(evaluate_yaml("!If [C, a]", "Conditions:\n  C: !Equals [a, a]\n"),
            "stack.yaml:13:12: error E_CFN_VALUE: Fn::If expects [condition, value if true, "
            "value if false], found a list");
}

// --- Across templates: Fn::ImportValue and Fn::GetStackOutput ------------------------------

const TemplateSource kKeys = {"keys.yaml",
                              "Resources:\n"
                              "  Key: {Type: AWS::KMS::Key, Properties: {MultiRegion: true}}\n"
                              "Outputs:\n"
                              "  KeyArn:\n"
                              "    Value: !GetAtt Key.Arn\n"
                              "    Export: {Name: !Sub '${AWS::StackName}-KeyArn'}\n"
                              "  Hidden:\n"
                              "    Value: secret\n"};

std::string import_in(const std::string& region, const std::string& expression) {
  CloudFormationOptions options = in_tokyo();
  options.stacks["user.yaml"] = region;
  const TemplateSource user = {
      "user.yaml", fmt::format("Resources: {{K: {{Type: AWS::KMS::Key}}}}\nOutputs:\n  Out: "
                               "{{Value: {}}}\n",
                               expression)};
  return evaluate({user, kKeys}, "Out", options);
}

TEST(CloudFormationStacks, ImportValueReadsExportsOfTheSameAccountAndRegion) {
  EXPECT_EQ(import_in(kTokyo, "!ImportValue keys-KeyArn"), "${Key.Arn}");
  EXPECT_EQ(import_in(kTokyo, "{Fn::ImportValue: !Sub '${AWS::Region}'}"),
            "unknown: no template given exports 'ap-northeast-1' in 111111111111 ap-northeast-1");
  EXPECT_EQ(import_in(kVirginia, "!ImportValue keys-KeyArn"),
            "unknown: export 'keys-KeyArn' is made by keys.yaml in 111111111111 ap-northeast-1, "
            "but Fn::ImportValue reads only exports of its own account and Region (111111111111 "
            "us-east-1); Fn::GetStackOutput reads outputs across Regions and accounts");
  EXPECT_EQ(evaluate({{"keys.yaml",
                       "Resources: {K: {Type: AWS::KMS::Key}}\nOutputs:\n  A: "
                       "{Value: x, Export: {Name: e}}\n  Out: {Value: !ImportValue "
                       "e}\n"}}),
            "unknown: export 'e' is made by keys.yaml itself, and a stack cannot import its own "
            "exports");
}

TEST(CloudFormationStacks, GetStackOutputReadsOutputsAcrossRegions) {
  EXPECT_EQ(import_in(kVirginia,
                      "!GetStackOutput {StackName: keys, OutputName: Hidden, Region: "
                      "ap-northeast-1}"),
            "secret");
  EXPECT_EQ(import_in(kTokyo, "!GetStackOutput {StackName: keys, OutputName: KeyArn}"),
            "${Key.Arn}");
  EXPECT_EQ(import_in(kVirginia, "!GetStackOutput {StackName: keys, OutputName: Hidden}"),
            "unknown: no template given is stack 'keys' in 111111111111 us-east-1 (a stack is "
            "named after its file)");
  EXPECT_EQ(import_in(kTokyo,
                      "!GetStackOutput {StackName: keys, OutputName: Hidden, RoleArn: "
                      "'arn:aws:iam::222222222222:role/reader'}"),
            "unknown: no template given is stack 'keys' in 222222222222 ap-northeast-1 (a stack "
            "is named after its file)");
  EXPECT_EQ(import_in(kTokyo, "!GetStackOutput {StackName: keys, OutputName: Nope}"),
            "user.yaml:3:16: error E_CFN_VALUE: Fn::GetStackOutput reads output 'Nope' of stack "
            "'keys', which keys.yaml does not define");
  EXPECT_EQ(import_in(kTokyo, "!GetStackOutput {StackName: keys}"),
            "user.yaml:3:16: error E_CFN_VALUE: Fn::GetStackOutput expects {StackName, "
            "OutputName, Region, RoleArn}, found a map without StackName or OutputName");
}

TEST(CloudFormationStacks, ExportNamesAreUniqueWithinAnAccountAndRegion) {
  const TemplateSource again = {"again.yaml",
                                "Resources: {K: {Type: AWS::KMS::Key}}\n"
                                "Outputs:\n  Other: {Value: x, Export: {Name: keys-KeyArn}}\n"};
  EXPECT_EQ(error_of({kKeys, again}),
            "again.yaml:3:36: error E_CFN_DUPLICATE_EXPORT: export 'keys-KeyArn' is defined "
            "twice in 111111111111 ap-northeast-1: by output KeyArn of keys.yaml and by output "
            "Other of again.yaml; export names must be unique within an account and Region");
  CloudFormationOptions apart = in_tokyo();
  apart.stacks["again.yaml"] = kVirginia;
  EXPECT_EQ(error_of({kKeys, again}, apart), "ok");
}

TEST(CloudFormationStacks, CircularReferencesAreErrors) {
  const TemplateSource a = {"a.yaml",
                            "Resources: {K: {Type: AWS::KMS::Key}}\n"
                            "Outputs:\n  Out: {Value: !ImportValue b, Export: {Name: a}}\n"};
  const TemplateSource b = {"b.yaml",
                            "Resources: {K: {Type: AWS::KMS::Key}}\n"
                            "Outputs:\n  Out: {Value: !ImportValue a, Export: {Name: b}}\n"};
  EXPECT_EQ(evaluate({a, b}),
            "b.yaml:3:16: error E_CFN_VALUE: circular reference: output Out of b.yaml needs "
            "output Out of a.yaml needs output Out of b.yaml");
  EXPECT_EQ(error_of("Resources:\n"
                     "  A: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: "
                     "!GetAtt B.BackupVaultName}}\n"
                     "  B: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: "
                     "!GetAtt A.BackupVaultName}}\n"),
            "t.yaml:2:69: error E_CFN_VALUE: circular reference: BackupVaultName of A needs "
            "BackupVaultName of B needs BackupVaultName of A");
}

// --- Where stacks are deployed ---------------------------------------------------------------

const TemplateSource kVault = {"vault.yaml",
                               "Resources:\n  V: {Type: AWS::Backup::BackupVault, Properties: "
                               "{BackupVaultName: v}}\n"};

TEST(CloudFormationStacks, RegionAndAccountComeFromOptionsAndMappings) {
  auto vault_of = [](const CloudFormationOptions& options) {
    auto input = read_all({kVault}, options);
    return input ? input->vaults.at(0).arn : input.error().to_string();
  };
  EXPECT_EQ(vault_of(in_tokyo()), vault_arn(kTokyo, "v"));
  CloudFormationOptions mapped = in_tokyo();
  mapped.stacks["vault.yaml"] = "us-east-1:222222222222";
  EXPECT_EQ(vault_of(mapped), vault_arn(kVirginia, "v", kB));
  mapped.stacks["vault.yaml"] = kVirginia;  // the account stays the default
  EXPECT_EQ(vault_of(mapped), vault_arn(kVirginia, "v"));
  CloudFormationOptions by_name;  // a mapping for the same file name in another directory
  by_name.account = kA;
  by_name.stacks["./templates/../vault.yaml"] = "eu-west-1";
  EXPECT_EQ(vault_of(by_name), vault_arn("eu-west-1", "v"));
}

TEST(CloudFormationStacks, MissingOrBadPlacesAreErrors) {
  CloudFormationOptions none;
  EXPECT_EQ(error_of({kVault}, none),
            "vault.yaml: error E_CFN_REGION: no Region for vault.yaml: a template does not say "
            "where its stack is deployed; give --region REGION, or --stack "
            "vault.yaml=REGION[:ACCOUNT]");
  none.region = kTokyo;
  EXPECT_EQ(error_of({kVault}, none),
            "vault.yaml: error E_CFN_ACCOUNT: no account for vault.yaml: a template does not say "
            "which account its stack is deployed in; give --account ACCOUNT, or --stack "
            "vault.yaml=REGION:ACCOUNT");
  CloudFormationOptions typo = in_tokyo();
  typo.stacks["vault.yaml"] = "ap-northeast-9";
  EXPECT_EQ(error_of({kVault}, typo),
            "vault.yaml: error E_REGION: the Region of vault.yaml: expected an AWS Region such as "
            "us-east-1, found 'ap-northeast-9'; did you mean 'ap-northeast-1'?");
  typo.stacks["vault.yaml"] = "ap-northeast-1:1234";
  EXPECT_EQ(error_of({kVault}, typo),
            "vault.yaml: error E_ACCOUNT_ID: the account of vault.yaml: expected a 12-digit "
            "account id, found '1234'");
  CloudFormationOptions stray = in_tokyo();
  stray.stacks["valt.yaml"] = kVirginia;
  EXPECT_EQ(error_of({kVault}, stray),
            "valt.yaml: error E_CFN_REGION: --stack valt.yaml=us-east-1 names no template read "
            "(templates: vault.yaml)");
}

// --- AWS::KMS::Key, AWS::KMS::ReplicaKey, AWS::KMS::Alias -----------------------------------

const Key* key_named(const ModelInput& input, std::string_view name) {
  for (const Key& key : input.keys) {
    if (key.name == name) return &key;
  }
  ADD_FAILURE() << "no key " << name;
  return nullptr;
}

TEST(CloudFormationKms, KeysAreCustomerManagedAndNamedAfterTheirFirstAlias) {
  const ModelInput input = read(
      "Resources:\n"
      "  Key:\n"
      "    Type: AWS::KMS::Key\n"
      "    Properties: {MultiRegion: 'true', Enabled: true}\n"
      "  Zeta: {Type: AWS::KMS::Alias, Properties: {AliasName: alias/zeta, TargetKeyId: !Ref "
      "Key}}\n"
      "  Alpha: {Type: AWS::KMS::Alias, Properties: {AliasName: alias/alpha, TargetKeyId: !GetAtt "
      "Key.Arn}}\n"
      "  Plain: {Type: AWS::KMS::Key, Properties: {Enabled: false}}\n");
  ASSERT_EQ(input.keys.size(), 2u);
  const Key& key = *key_named(input, "alpha");
  EXPECT_EQ(key.arn, "");
  EXPECT_EQ(key.region.name, kTokyo);
  EXPECT_EQ(key.account.value, kA);
  EXPECT_THAT(key.aliases, ElementsAre("alias/alpha", "alias/zeta"));
  EXPECT_EQ(key.manager, KeyManager::customer);
  EXPECT_EQ(key.multi_region, MultiRegion::primary);
  EXPECT_EQ(key.state, KeyState::enabled);
  EXPECT_THAT(key.shared_with, IsEmpty());
  EXPECT_EQ(key.address, "Key");
  EXPECT_EQ(key.location.to_string(), "t.yaml:2:3");
  EXPECT_TRUE(key.generated_name);
  const Key& plain = *key_named(input, "Plain");  // no alias: the logical id
  EXPECT_EQ(plain.multi_region, MultiRegion::none);
  EXPECT_EQ(plain.state, KeyState::disabled);
}

TEST(CloudFormationKms, KeySpecAndUsageSayWhatKindOfKeyItIs) {
  const ModelInput input = read(
      "Parameters: {Spec: {Type: String}}\n"
      "Resources:\n"
      "  Mac: {Type: AWS::KMS::Key, Properties: {MultiRegion: true, KeySpec: HMAC_256, KeyUsage: "
      "GENERATE_VERIFY_MAC}}\n"
      "  MacReplica: {Type: AWS::KMS::ReplicaKey, Properties: {KeyPolicy: {Statement: []}, "
      "PrimaryKeyArn: !GetAtt Mac.Arn}}\n"
      "  Plain: {Type: AWS::KMS::Key}\n"
      "  ByParameter: {Type: AWS::KMS::Key, Properties: {KeySpec: !Ref Spec}}\n");
  EXPECT_EQ(key_named(input, "Mac")->spec, "HMAC_256");
  EXPECT_EQ(key_named(input, "Mac")->usage, "GENERATE_VERIFY_MAC");
  EXPECT_EQ(key_named(input, "MacReplica")->spec, "HMAC_256");  // the primary's
  EXPECT_EQ(key_named(input, "MacReplica")->usage, "GENERATE_VERIFY_MAC");
  EXPECT_EQ(key_named(input, "Plain")->spec, "");  // CreateKey's default: SYMMETRIC_DEFAULT
  EXPECT_EQ(key_named(input, "Plain")->usage, "");
  EXPECT_EQ(key_named(input, "ByParameter")->spec, "");  // not known: left at the default
  EXPECT_TRUE(Model::build(input));
  EXPECT_EQ(error_of("Resources:\n  Key: {Type: AWS::KMS::Key, Properties: {KeySpec: [a]}}\n"),
            "t.yaml:2:52: error E_CFN_VALUE: expected a string for KeySpec, found a list");
}

TEST(CloudFormationKms, UnknownEnabledMakesAnUnknownState) {
  const ModelInput input = read(
      "Parameters: {On: {Type: String}}\n"
      "Resources:\n  Key: {Type: AWS::KMS::Key, Properties: {Enabled: !Ref On}}\n");
  EXPECT_EQ(input.keys.at(0).state, KeyState::unknown);
  EXPECT_EQ(error_of("Resources:\n  Key: {Type: AWS::KMS::Key, Properties: {Enabled: yes}}\n"),
            "t.yaml:2:52: error E_CFN_VALUE: expected true or false for Enabled, found 'yes'");
}

TEST(CloudFormationKms, AKeyPolicyPrincipalWithoutAValueIsNotKnown) {  // issue 9, item 1
  const ModelInput input = read(R"(
Parameters:
  BackupAccount: {Type: String}
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Statement:
          - Effect: Allow
            Principal: {AWS: [!Sub "arn:aws:iam::${BackupAccount}:root", "333333333333"]}
            Action: kms:Decrypt
)");
  const Key* key = key_named(input, "Key");
  ASSERT_NE(key, nullptr);
  EXPECT_THAT(key->shared_with, ElementsAre("333333333333"));
  EXPECT_EQ(key->shared_with_unknown,
            "Key KeyPolicy: parameter BackupAccount has no value (give --parameter "
            "BackupAccount=VALUE, or a Default)");
}

TEST(CloudFormationKms, KeyPoliciesSayWhoElseMayUseTheKey) {
  const ModelInput input = read(R"(
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
            Action: kms:*
            Resource: "*"
          - Effect: Allow
            Principal:
              AWS: [arn:aws:iam::222222222222:root, "333333333333", arn:aws:iam::444444444444:role/backup]
            Action: [kms:Decrypt, kms:DescribeKey]
            Resource: "*"
          - Effect: Allow
            Principal: "*"
            Action: kms:De*
            Condition: {StringEquals: {aws:PrincipalOrgID: o-abc123}}
          - Effect: Allow
            Principal: {AWS: "*"}
            Action: kms:Decrypt
            Condition: {StringEquals: {kms:CallerAccount: "555555555555"}}
          - Effect: Allow
            Principal: {AWS: arn:aws:iam::666666666666:root}
            Action: kms:Encrypt
          - Effect: Deny
            Principal: {AWS: arn:aws:iam::777777777777:root}
            Action: kms:*
          - Effect: Allow
            Principal: {Service: backup.amazonaws.com}
            Action: kms:*
  Open:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*"}]}'
)");
  EXPECT_THAT(
      key_named(input, "Key")->shared_with,
      ElementsAre("222222222222", "333333333333", "444444444444", "555555555555", "o-abc123"));
  EXPECT_THAT(key_named(input, "Open")->shared_with, ElementsAre("*"));
  EXPECT_EQ(error_of("Resources:\n  K: {Type: AWS::KMS::Key, Properties: {KeyPolicy: [a]}}\n"),
            "t.yaml:2:52: error E_CFN_VALUE: expected a policy document (a map with Statement, "
            "or a JSON string), found a list");
  EXPECT_EQ(error_of("Resources:\n  K: {Type: AWS::KMS::Key, Properties: {KeyPolicy: '{x'}}\n"),
            "t.yaml:2:52: error E_CFN_VALUE: expected a policy document, found a string that is "
            "not valid JSON (not valid JSON at byte 1 (line 1, column 2): The JSON document has "
            "an improper structure: missing or superfluous commas, braces, missing keys, etc.)");
}

TEST(CloudFormationKms, ReplicaKeysFollowTheirPrimary) {
  const TemplateSource tokyo = {
      "tokyo.yaml",
      "Resources:\n"
      "  Primary: {Type: AWS::KMS::Key, Properties: {MultiRegion: true}}\n"
      "Outputs:\n  Arn: {Value: !GetAtt Primary.Arn}\n"};
  const TemplateSource virginia = {
      "virginia.yaml",
      "Resources:\n"
      "  Replica:\n"
      "    Type: AWS::KMS::ReplicaKey\n"
      "    Properties:\n"
      "      KeyPolicy: {Statement: [{Effect: Allow, Principal: {AWS: '222222222222'}, Action: "
      "'kms:*'}]}\n"
      "      Enabled: false\n"
      "      PrimaryKeyArn: !GetStackOutput {StackName: tokyo, OutputName: Arn, Region: "
      "ap-northeast-1}\n"};
  CloudFormationOptions options = in_tokyo();
  options.stacks["virginia.yaml"] = kVirginia;
  auto input = read_all({tokyo, virginia}, options);
  ASSERT_TRUE(input) << input.error().to_string();
  const Key* replica = key_named(*input, "Replica");
  EXPECT_EQ(replica->multi_region, MultiRegion::replica);
  EXPECT_EQ(replica->primary, "Primary");
  EXPECT_EQ(replica->arn, "");
  EXPECT_EQ(replica->region.name, kVirginia);
  EXPECT_EQ(replica->state, KeyState::disabled);
  EXPECT_EQ(replica->manager, KeyManager::customer);
  EXPECT_THAT(replica->shared_with, ElementsAre(kB));
  EXPECT_TRUE(Model::build(std::move(input).value()));
}

TEST(CloudFormationKms, ReplicaOfAKnownArnSharesItsKeyId) {
  const ModelInput input =
      read(fmt::format("Resources:\n  Replica: {{Type: AWS::KMS::ReplicaKey, Properties: "
                       "{{KeyPolicy: {{Statement: []}}, "
                       "PrimaryKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/{}'}}}}\n",
                       kMrk));
  ASSERT_EQ(input.keys.size(), 2u);
  const Key* replica = key_named(input, "Replica");
  EXPECT_EQ(replica->arn, fmt::format("arn:aws:kms:ap-northeast-1:111111111111:key/{}", kMrk));
  EXPECT_EQ(replica->primary, fmt::format("arn:aws:kms:us-east-1:111111111111:key/{}", kMrk));
  const Key* primary = key_named(input, kMrk);  // added: a key the templates do not create
  EXPECT_EQ(primary->arn, replica->primary);
  EXPECT_EQ(primary->multi_region, MultiRegion::primary);
  EXPECT_EQ(primary->manager, KeyManager::customer);
  EXPECT_EQ(primary->state, KeyState::unknown);
  EXPECT_EQ(primary->location.to_string(), "t.yaml:2:97");
  EXPECT_TRUE(Model::build(input));
}

TEST(CloudFormationKms, ReplicaOfAnUnknownPrimaryGetsAStandIn) {
  const ModelInput input = read(
      "Parameters: {PrimaryArn: {Type: String}}\n"
      "Resources:\n  Replica: {Type: AWS::KMS::ReplicaKey, Properties: {KeyPolicy: {Statement: "
      "[]}, "
      "PrimaryKeyArn: !Ref PrimaryArn}}\n");
  ASSERT_EQ(input.keys.size(), 2u);
  const Key* stand_in = key_named(input, "Replica primary (not known)");
  EXPECT_EQ(stand_in->multi_region, MultiRegion::primary);
  EXPECT_EQ(stand_in->state, KeyState::unknown);
  EXPECT_EQ(key_named(input, "Replica")->primary, "Replica primary (not known)");
  EXPECT_TRUE(Model::build(input));
}

TEST(CloudFormationKms, ReplicaKeyErrors) {
  EXPECT_EQ(error_of("Resources:\n  R: {Type: AWS::KMS::ReplicaKey, Properties: {KeyPolicy: "
                     "{Statement: []}}}\n"),
            "t.yaml:2:3: error E_CFN_VALUE: replica key R has no PrimaryKeyArn");
  EXPECT_EQ(
      error_of(
          "Resources:\n  R: {Type: AWS::KMS::ReplicaKey, Properties: {KeyPolicy: {Statement: []}, "
          "PrimaryKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/"
          "11111111-2222-3333-4444-555555555555'}}\n"),
      "t.yaml:2:91: error E_CFN_VALUE: expected the ARN of a multi-Region key "
      "(key/mrk-...) for PrimaryKeyArn, found "
      "'arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555'");
  EXPECT_EQ(error_of("Resources:\n  K: {Type: AWS::KMS::Key}\n"
                     "  R: {Type: AWS::KMS::ReplicaKey, Properties: {KeyPolicy: {Statement: []}, "
                     "PrimaryKeyArn: !GetAtt K.Arn}}\n"),
            "t.yaml:3:91: error E_CFN_VALUE: replica key R names K as its primary, but K is not "
            "a multi-Region key (MultiRegion: true)");
  EXPECT_EQ(error_of("Resources:\n"
                     "  R: {Type: AWS::KMS::ReplicaKey, Properties: {KeyPolicy: {Statement: []}, "
                     "PrimaryKeyArn: !Ref Plan}}\n  Plan: {Type: AWS::Backup::BackupPlan}\n"),
            "t.yaml:2:91: error E_CFN_VALUE: expected a multi-Region primary key for "
            "PrimaryKeyArn, found a reference to Plan (AWS::Backup::BackupPlan)");
}

TEST(CloudFormationKms, AliasesOfKeysTheTemplatesDoNotCreate) {
  const ModelInput input = read(
      "Parameters: {KeyId: {Type: String}}\n"
      "Resources:\n"
      "  ById: {Type: AWS::KMS::Alias, Properties: {AliasName: alias/by-id, TargetKeyId: "
      "11111111-2222-3333-4444-555555555555}}\n"
      "  Unknown: {Type: AWS::KMS::Alias, Properties: {AliasName: alias/unknown, TargetKeyId: "
      "!Ref KeyId}}\n");
  ASSERT_EQ(input.keys.size(), 2u);
  const Key* by_id = key_named(input, "11111111-2222-3333-4444-555555555555");
  EXPECT_EQ(by_id->arn,
            "arn:aws:kms:ap-northeast-1:111111111111:key/11111111-2222-3333-4444-555555555555");
  EXPECT_THAT(by_id->aliases, ElementsAre("alias/by-id"));
  EXPECT_EQ(by_id->manager, KeyManager::unknown);
  EXPECT_EQ(by_id->state, KeyState::unknown);
  const Key* unknown = key_named(input, "unknown");
  EXPECT_EQ(unknown->arn, "");
  EXPECT_THAT(unknown->aliases, ElementsAre("alias/unknown"));
  EXPECT_EQ(unknown->manager, KeyManager::unknown);
  EXPECT_EQ(error_of("Resources:\n  A: {Type: AWS::KMS::Alias, Properties: {AliasName: "
                     "alias/aws/rds, TargetKeyId: x}}\n"),
            "t.yaml:2:54: error E_CFN_VALUE: expected an alias name that starts with alias/ (and "
            "not alias/aws/, which AWS reserves) for AliasName, found 'alias/aws/rds'");
  EXPECT_EQ(error_of("Resources:\n  A: {Type: AWS::KMS::Alias, Properties: {AliasName: alias/a, "
                     "TargetKeyId: !Ref V}}\n  V: {Type: AWS::Backup::BackupVault, Properties: "
                     "{BackupVaultName: v}}\n"),
            "t.yaml:2:76: error E_CFN_VALUE: expected a KMS key (key id, key ARN, alias name or "
            "alias ARN) for TargetKeyId, found 'v'");
}

// --- AWS::RDS::DBCluster, AWS::RDS::DBInstance, AWS::DocDB::DBCluster, AWS::Neptune::DBCluster

const Resource* resource_named(const ModelInput& input, std::string_view name) {
  for (const Resource& resource : input.resources) {
    if (resource.name == name) return &resource;
  }
  ADD_FAILURE() << "no resource " << name;
  return nullptr;
}

TEST(CloudFormationRds, ClusterTypesComeFromTheEngine) {
  const ModelInput input = read(
      "Parameters: {Engine: {Type: String}}\n"
      "Resources:\n"
      "  Aurora: {Type: AWS::RDS::DBCluster, Properties: {DBClusterIdentifier: a, Engine: "
      "aurora-mysql}}\n"
      "  MultiAz: {Type: AWS::RDS::DBCluster, Properties: {DBClusterIdentifier: m, Engine: "
      "postgres, DBClusterInstanceClass: db.m6gd.large}}\n"
      "  Unknown: {Type: AWS::RDS::DBCluster, Properties: {DBClusterIdentifier: u, Engine: !Ref "
      "Engine, DBClusterInstanceClass: db.m6gd.large}}\n"
      "  Doc: {Type: AWS::DocDB::DBCluster, Properties: {DBClusterIdentifier: d}}\n"
      "  Graph: {Type: AWS::Neptune::DBCluster, Properties: {DBClusterIdentifier: g}}\n"
      "  Instance: {Type: AWS::RDS::DBInstance, Properties: {DBInstanceIdentifier: i, Engine: "
      "mysql}}\n"
      "  Member: {Type: AWS::RDS::DBInstance, Properties: {DBClusterIdentifier: !Ref Aurora, "
      "Engine: aurora-mysql}}\n");
  ASSERT_EQ(input.resources.size(), 6u);
  EXPECT_EQ(resource_named(input, "a")->type, ResourceType::aurora);
  EXPECT_EQ(resource_named(input, "a")->arn, "arn:aws:rds:ap-northeast-1:111111111111:cluster:a");
  EXPECT_EQ(resource_named(input, "m")->type, ResourceType::rds_multiaz_cluster);
  EXPECT_EQ(resource_named(input, "u")->type, ResourceType::rds_multiaz_cluster);
  EXPECT_EQ(resource_named(input, "d")->type, ResourceType::docdb);
  EXPECT_EQ(resource_named(input, "d")->arn, "arn:aws:rds:ap-northeast-1:111111111111:cluster:d");
  EXPECT_EQ(resource_named(input, "g")->type, ResourceType::neptune);
  EXPECT_EQ(resource_named(input, "i")->type, ResourceType::rds_instance);
  EXPECT_EQ(resource_named(input, "i")->arn, "arn:aws:rds:ap-northeast-1:111111111111:db:i");
  EXPECT_EQ(resource_named(input, "i")->address, "Instance");
  EXPECT_EQ(resource_named(input, "i")->location.to_string(), "t.yaml:8:3");
  EXPECT_EQ(
      error_of("Resources:\n  C: {Type: AWS::RDS::DBCluster, Properties: {Engine: oracle}}\n"),
      "t.yaml:2:55: error E_CFN_VALUE: expected aurora-mysql, aurora-postgresql, mysql or "
      "postgres for Engine, found 'oracle'");
}

TEST(CloudFormationRds, EncryptionAndKeys) {
  const ModelInput input = read(
      "Resources:\n"
      "  Key: {Type: AWS::KMS::Key}\n"
      "  Plain: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql}}\n"
      "  Serverless: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, EngineMode: "
      "serverless}}\n"
      "  Default: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, "
      "StorageEncrypted: true}}\n"
      "  Own: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, StorageEncrypted: "
      "true, KmsKeyId: !Ref Key}}\n"
      "  Sub: {Type: AWS::RDS::DBInstance, Properties: {StorageEncrypted: true, KmsKeyId: !Sub "
      "'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}'}}\n"
      "  ById: {Type: AWS::DocDB::DBCluster, Properties: {KmsKeyId: "
      "'arn:aws:kms:ap-northeast-1:111111111111:key/11111111-2222-3333-4444-555555555555'}}\n"
      "  ByAlias: {Type: AWS::Neptune::DBCluster, Properties: {StorageEncrypted: true, KmsKeyId: "
      "alias/aws/rds}}\n");
  // StorageEncrypted defaults to false: a new Aurora cluster gets AWS's default on the day (R39).
  EXPECT_EQ(resource_named(input, "Plain")->key, "");
  EXPECT_TRUE(resource_named(input, "Plain")->default_encryption);
  EXPECT_EQ(resource_named(input, "Serverless")->key, "alias/aws/rds");
  EXPECT_FALSE(resource_named(input, "Serverless")->default_encryption);
  EXPECT_EQ(resource_named(input, "Default")->key, "alias/aws/rds");
  EXPECT_FALSE(resource_named(input, "Default")->default_encryption);
  EXPECT_EQ(resource_named(input, "Own")->key, "Key");
  EXPECT_EQ(resource_named(input, "Sub")->key, "Key");
  EXPECT_EQ(resource_named(input, "ById")->key,
            "arn:aws:kms:ap-northeast-1:111111111111:key/11111111-2222-3333-4444-555555555555");
  EXPECT_EQ(key_named(input, "11111111-2222-3333-4444-555555555555")->manager, KeyManager::unknown);
  EXPECT_EQ(resource_named(input, "ByAlias")->key, "alias/aws/rds");
  EXPECT_TRUE(Model::build(input));
  EXPECT_EQ(error_of("Resources:\n  C: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora, "
                     "StorageEncrypted: false, KmsKeyId: alias/aws/rds}}\n"),
            "t.yaml:2:81: error E_CFN_VALUE: C gives KmsKeyId but StorageEncrypted is false; RDS "
            "uses KmsKeyId only for encrypted storage");
  EXPECT_EQ(error_of("Resources:\n  C: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora, "
                     "KmsKeyId: my-key}}\n"),
            "t.yaml:2:73: error E_CFN_VALUE: expected a KMS key (key id, key ARN, alias name or "
            "alias ARN) for KmsKeyId, found 'my-key'");
  EXPECT_EQ(error_of("Resources:\n  C: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora, "
                     "KmsKeyId: [a]}}\n"),
            "t.yaml:2:73: error E_CFN_VALUE: expected a KMS key (key id, key ARN, alias name or "
            "alias ARN) for KmsKeyId, found a list");
}

TEST(CloudFormationRds, NewAuroraClustersWithNoKeyTakeAwsDefaultEncryption) {
  const ModelInput input = read(
      "Parameters: {Express: {Type: String}, Flag: {Type: String}}\n"
      "Conditions: {WithMaybe: !Equals [!Ref Flag, 'yes']}\n"
      "Resources:\n"
      "  Plain: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-postgresql}}\n"
      "  Off: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, StorageEncrypted: "
      "false}}\n"
      "  Restored: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, "
      "SnapshotIdentifier: snap}}\n"
      "  MultiAz: {Type: AWS::RDS::DBCluster, Properties: {Engine: postgres, "
      "DBClusterInstanceClass: db.m6gd.large}}\n"
      "  Instance: {Type: AWS::RDS::DBInstance, Properties: {Engine: postgres}}\n"
      "  Doc: {Type: AWS::DocDB::DBCluster, Properties: {}}\n"
      "  Graph: {Type: AWS::Neptune::DBCluster, Properties: {}}\n"
      "  Express: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-postgresql, "
      "WithExpressConfiguration: true}}\n"
      "  ExpressParam: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-postgresql, "
      "WithExpressConfiguration: !Ref Express}}\n"
      "  Maybe: {Type: AWS::RDS::DBCluster, Condition: WithMaybe, Properties: {Engine: "
      "aurora-postgresql}}\n");
  for (const char* name : {"Plain", "Off"}) {
    EXPECT_TRUE(resource_named(input, name)->default_encryption) << name;
    EXPECT_EQ(resource_named(input, name)->key, "") << name;
    EXPECT_EQ(resource_named(input, name)->key_unknown, "") << name;
  }
  for (const char* name :
       {"Restored", "MultiAz", "Instance", "Doc", "Graph", "Express", "ExpressParam", "Maybe"}) {
    EXPECT_FALSE(resource_named(input, name)->default_encryption) << name;
  }
  for (const char* name : {"MultiAz", "Instance", "Doc", "Graph"}) {
    EXPECT_EQ(resource_named(input, name)->key, "") << name;  // not encrypted by default
  }
  EXPECT_EQ(resource_named(input, "Express")->key, kAwsOwnedKey);
  EXPECT_EQ(resource_named(input, "ExpressParam")->key_unknown,
            "t.yaml ExpressParam.WithExpressConfiguration: parameter Express has no value (give "
            "--parameter Express=VALUE, or a Default)");
  EXPECT_EQ(resource_named(input, "Maybe")->key_unknown,
            "t.yaml Maybe: whether it is created is not known: condition WithMaybe is not known: "
            "parameter Flag has no value (give --parameter Flag=VALUE, or a Default)");
  EXPECT_TRUE(Model::build(input));
}

// The example's SessionsCluster (examples/cloudformation/README.md): Aurora with no key.
TEST(CloudFormationRds, TheExamplesSessionsClusterIsEncryptedByDate) {
  const std::string dir = std::string(SNAPKEY_SOURCE_DIR) + "/examples/cloudformation/";
  CloudFormationOptions options;
  options.account = "123456789012";
  options.stacks[dir + "ireland.yaml"] = "eu-west-1";
  options.stacks[dir + "frankfurt.json"] = "eu-central-1";
  auto input =
      read_cloudformation_templates({dir + "ireland.yaml", dir + "frankfurt.json"}, options);
  ASSERT_TRUE(input) << input.error().to_string();
  EXPECT_TRUE(resource_named(*input, "sessions-prod")->default_encryption);
  auto model = Model::build(std::move(input).value());
  ASSERT_TRUE(model) << model.error().to_string();
  const auto row = [](const Predictions& predictions, std::string_view id) {
    const Prediction* p = predictions.find(id);
    if (p == nullptr) return std::string("none");
    return fmt::format("{} {} {}", to_string(p->outcome),
                       p->key ? (p->key->alias().empty() ? to_string(p->key->manager)
                                                         : std::string_view(p->key->alias()))
                              : "-",
                       p->rules.back());
  };
  const Predictions now = predict(*model, {});
  EXPECT_EQ(row(now, "sessions-prod@payments-ireland"), "encrypted aws-owned R2");
  EXPECT_EQ(row(now, "sessions-prod@payments-archive"), "encrypted alias/aws/rds R9");
  Options before;
  before.as_of = *parse_date("2026-01-01");
  const Predictions then = predict(*model, before);
  EXPECT_EQ(row(then, "sessions-prod@payments-ireland"), "unencrypted - R3");
  EXPECT_EQ(row(then, "sessions-prod@payments-archive"), "unencrypted - R15");
}

TEST(CloudFormationRds, UnknownEncryptionIsSaidWhy) {
  const ModelInput input = read(
      "Parameters: {KeyArn: {Type: String}, Encrypt: {Type: String}}\n"
      "Resources:\n"
      "  Param: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, StorageEncrypted: "
      "true, KmsKeyId: !Ref KeyArn}}\n"
      "  Flag: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, StorageEncrypted: "
      "!Ref Encrypt}}\n"
      "  Restored: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, "
      "SnapshotIdentifier: snap}}\n"
      "  Replica: {Type: AWS::RDS::DBInstance, Properties: {SourceDBInstanceIdentifier: other}}\n"
      "  Custom: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, KmsKeyId: "
      "!GetAtt Lookup.KeyArn}}\n"
      "  Lookup: {Type: 'Custom::KeyLookup'}\n");
  EXPECT_EQ(resource_named(input, "Param")->key_unknown,
            "t.yaml Param.KmsKeyId: parameter KeyArn has no value (give --parameter "
            "KeyArn=VALUE, or a Default)");
  EXPECT_EQ(resource_named(input, "Flag")->key_unknown,
            "t.yaml Flag.StorageEncrypted: parameter Encrypt has no value (give --parameter "
            "Encrypt=VALUE, or a Default)");
  EXPECT_EQ(resource_named(input, "Restored")->key_unknown,
            "t.yaml Restored.SnapshotIdentifier: it is restored or replicated from a source whose "
            "encryption it takes, and the templates do not describe that source");
  EXPECT_EQ(resource_named(input, "Replica")->key_unknown,
            "t.yaml Replica.SourceDBInstanceIdentifier: it is restored or replicated from a "
            "source whose encryption it takes, and the templates do not describe that source");
  EXPECT_EQ(resource_named(input, "Custom")->key_unknown,
            "t.yaml Custom.KmsKeyId: '${Lookup.KeyArn}' is known only when the stack is "
            "deployed");
  EXPECT_EQ(resource_named(input, "Custom")->key, "");
}

// Issue 9, item 6: a read replica of a database of the templates takes its source's key; in
// another Region the KmsKeyId it gives.
TEST(CloudFormationRds, ReadReplicasTakeTheirSourcesKey) {
  const ModelInput input = read(
      "Resources:\n"
      "  Key: {Type: AWS::KMS::Key}\n"
      "  MainDB: {Type: AWS::RDS::DBInstance, Properties: {Engine: postgres, DBInstanceIdentifier: "
      "main, StorageEncrypted: true, KmsKeyId: !Ref Key}}\n"
      "  ByRef: {Type: AWS::RDS::DBInstance, Properties: {SourceDBInstanceIdentifier: !Ref "
      "MainDB}}\n"
      "  ByName: {Type: AWS::RDS::DBInstance, Properties: {SourceDBInstanceIdentifier: Main, "
      "KmsKeyId: alias/aws/rds}}\n"
      "  ByArn: {Type: AWS::RDS::DBInstance, Properties: {SourceDBInstanceIdentifier: !GetAtt "
      "MainDB.DBInstanceArn}}\n"
      "  OfReplica: {Type: AWS::RDS::DBInstance, Properties: {SourceDBInstanceIdentifier: !Ref "
      "ByRef}}\n"
      "  Plain: {Type: AWS::RDS::DBInstance, Properties: {Engine: postgres}}\n"
      "  OfPlain: {Type: AWS::RDS::DBInstance, Properties: {SourceDBInstanceIdentifier: !Ref "
      "Plain}}\n"
      "  Loop1: {Type: AWS::RDS::DBInstance, Properties: {SourceDBInstanceIdentifier: !Ref "
      "Loop2}}\n"
      "  Loop2: {Type: AWS::RDS::DBInstance, Properties: {SourceDBInstanceIdentifier: !Ref "
      "Loop1}}\n"
      "  Cluster: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, "
      "StorageEncrypted: true}}\n"
      "  Clone: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, "
      "SourceDBClusterIdentifier: !Ref Cluster}}\n"
      "  KeyedClone: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, "
      "SourceDBClusterIdentifier: !Ref Cluster, KmsKeyId: !Ref Key}}\n");
  for (const char* name : {"ByRef", "ByName", "ByArn", "OfReplica"}) {
    ASSERT_NE(resource_named(input, name), nullptr) << name;
    EXPECT_EQ(resource_named(input, name)->key, "Key") << name;  // same Region: the source's
    EXPECT_EQ(resource_named(input, name)->key_unknown, "") << name;
  }
  EXPECT_EQ(resource_named(input, "OfPlain")->key, "");  // unencrypted, as its source
  EXPECT_EQ(resource_named(input, "OfPlain")->key_unknown, "");
  EXPECT_THAT(resource_named(input, "Loop1")->key_unknown, ::testing::EndsWith("that source"));
  EXPECT_EQ(resource_named(input, "Clone")->key, "alias/aws/rds");
  EXPECT_EQ(resource_named(input, "KeyedClone")->key, "Key");
  EXPECT_TRUE(Model::build(input));
}

TEST(CloudFormationRds, CrossRegionReadReplicasUseTheirOwnKmsKeyId) {
  const std::string main =
      "Resources:\n"
      "  Key: {Type: AWS::KMS::Key}\n"
      "  MainDB: {Type: AWS::RDS::DBInstance, Properties: {Engine: postgres, DBInstanceIdentifier: "
      "main, StorageEncrypted: true, KmsKeyId: !Ref Key}}\n"
      "  Plain: {Type: AWS::RDS::DBInstance, Properties: {Engine: postgres, DBInstanceIdentifier: "
      "plain}}\n";
  const std::string source = "arn:aws:rds:ap-northeast-1:111111111111:db:";
  const std::string dr = fmt::format(
      "Resources:\n"
      "  DrKey: {{Type: AWS::KMS::Key}}\n"
      "  Keyed: {{Type: AWS::RDS::DBInstance, Properties: {{SourceDBInstanceIdentifier: "
      "{0}main, KmsKeyId: !Ref DrKey}}}}\n"
      "  Unkeyed: {{Type: AWS::RDS::DBInstance, Properties: {{SourceDBInstanceIdentifier: "
      "{0}main}}}}\n"
      "  OfPlain: {{Type: AWS::RDS::DBInstance, Properties: {{SourceDBInstanceIdentifier: "
      "{0}plain}}}}\n",
      source);
  CloudFormationOptions options;
  options.account = "111111111111";
  options.stacks = {{"main.yaml", "ap-northeast-1"}, {"dr.yaml", "us-east-1"}};
  Result<ModelInput> input = read_all({{"main.yaml", main}, {"dr.yaml", dr}}, options);
  ASSERT_TRUE(input) << input.error().to_string();
  EXPECT_EQ(resource_named(*input, "Keyed")->key, "DrKey");
  EXPECT_EQ(resource_named(*input, "Unkeyed")->key, "");
  EXPECT_EQ(resource_named(*input, "Unkeyed")->key_unknown,
            "Unkeyed SourceDBInstanceIdentifier: a read replica in another Region than its "
            "encrypted source main needs a KmsKeyId of its own Region, and gives none");
  EXPECT_EQ(resource_named(*input, "OfPlain")->key, "");
  EXPECT_EQ(resource_named(*input, "OfPlain")->key_unknown, "");
}

TEST(CloudFormationStacks, EUsageAParameterNoTemplateDeclares) {
  CloudFormationOptions options = in_tokyo();
  options.parameters = {{"Env", "prod"}, {"Enviroment", "prod"}};
  EXPECT_EQ(error_of({{"t.yaml",
                       "Parameters: {Env: {Type: String}, Size: {Type: Number}}\n"
                       "Resources: {}\n"}},
                     options),
            "error E_USAGE: --parameter Enviroment=prod names no parameter of the templates read "
            "(parameters: Env, Size)");
  options.parameters = {{"Env", "prod"}};
  EXPECT_EQ(error_of({{"t.yaml", "Resources: {}\n"}}, options),
            "error E_USAGE: --parameter Env=prod names no parameter of the templates read "
            "(parameters: none)");
}

TEST(CloudFormationRds, IdentifiersAndTags) {
  const ModelInput input = read(
      "Resources:\n"
      "  OrdersCluster:\n"
      "    Type: AWS::RDS::DBCluster\n"
      "    Properties:\n"
      "      Engine: aurora-postgresql\n"
      "      Tags:\n"
      "        - {Key: backup, Value: daily}\n"
      "        - {Key: team, Value: !Sub '${AWS::Region}-team'}\n"
      "        - {Key: stack, Value: !Ref AWS::StackId}\n"
      "  Named: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, "
      "DBClusterIdentifier: Named-Cluster}}\n");
  // No DBClusterIdentifier: CloudFormation generates one when it creates the cluster, so the
  // name is the logical id and the ARN holds a placeholder that matches no real cluster.
  const Resource* generated = resource_named(input, "OrdersCluster");
  ASSERT_NE(generated, nullptr);
  EXPECT_EQ(generated->arn, "arn:aws:rds:ap-northeast-1:111111111111:cluster:<OrdersCluster>");
  EXPECT_TRUE(generated->generated_name);
  EXPECT_THAT(generated->tags,
              ElementsAre(Pair("backup", "daily"), Pair("team", "ap-northeast-1-team")));
  EXPECT_EQ(resource_named(input, "named-cluster")->address, "Named");
}

// --- AWS::Backup::BackupVault, AWS::Backup::LogicallyAirGappedBackupVault --------------------

const Vault* vault_named(const ModelInput& input, std::string_view name) {
  for (const Vault& vault : input.vaults) {
    if (vault.name == name) return &vault;
  }
  ADD_FAILURE() << "no vault " << name;
  return nullptr;
}

TEST(CloudFormationBackup, VaultsKeysAndPolicies) {
  const ModelInput input = read(R"(
Parameters: {KeyArn: {Type: String}, Reader: {Type: String}}
Resources:
  Key: {Type: AWS::KMS::Key}
  Plain: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: plain}}
  Keyed: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: keyed, EncryptionKeyArn: !GetAtt Key.Arn}}
  Unknown: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: unknown, EncryptionKeyArn: !Ref KeyArn}}
  Shared:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: shared
      AccessPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {AWS: [arn:aws:iam::222222222222:root, !Sub "arn:aws:iam::${AWS::AccountId}:root"]}
            Action: backup:CopyIntoBackupVault
            Resource: "*"
          - Effect: Allow
            Principal: "*"
            Action: backup:*
            Condition: {StringEquals: {aws:PrincipalOrgID: [o-abc123]}}
  Unreadable:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: unreadable
      AccessPolicy:
        Statement: [{Effect: Allow, Principal: {AWS: !Ref Reader}, Action: backup:CopyIntoBackupVault}]
  Lag: {Type: AWS::Backup::LogicallyAirGappedBackupVault, Properties: {BackupVaultName: lag, MinRetentionDays: 7, MaxRetentionDays: 35}}
  KeyedLag: {Type: AWS::Backup::LogicallyAirGappedBackupVault, Properties: {BackupVaultName: keyed-lag, EncryptionKeyArn: !GetAtt Key.Arn}}
)");
  const Vault* plain = vault_named(input, "plain");
  EXPECT_EQ(plain->arn, vault_arn(kTokyo, "plain"));
  EXPECT_EQ(plain->type, VaultType::standard);
  EXPECT_EQ(plain->key, "");  // aws/backup
  EXPECT_EQ(plain->key_unknown, "");
  EXPECT_THAT(*plain->allows_copy_from, IsEmpty());
  EXPECT_EQ(plain->address, "Plain");
  EXPECT_EQ(plain->location.to_string(), "t.yaml:5:3");
  EXPECT_EQ(vault_named(input, "keyed")->key, "Key");
  EXPECT_EQ(vault_named(input, "unknown")->key_unknown,
            "t.yaml Unknown.EncryptionKeyArn: parameter KeyArn has no value (give --parameter "
            "KeyArn=VALUE, or a Default)");
  EXPECT_THAT(*vault_named(input, "shared")->allows_copy_from,
              ElementsAre("222222222222", "o-abc123"));
  EXPECT_EQ(vault_named(input, "unreadable")->allows_copy_from, std::nullopt);
  const Vault* lag = vault_named(input, "lag");
  EXPECT_EQ(lag->type, VaultType::logically_air_gapped);
  EXPECT_EQ(lag->key, "");  // the AWS owned key
  EXPECT_EQ(vault_named(input, "keyed-lag")->key, "Key");
}

// --- AWS::Backup::BackupPlan, AWS::Backup::BackupSelection -----------------------------------

TEST(CloudFormationBackup, PlansRulesAndCopyActions) {
  const TemplateSource tokyo = {"tokyo.yaml", R"(
Parameters: {DrArn: {Type: String}, Continuous: {Type: String}}
Resources:
  Vault: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: primary}}
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: snapshots
            TargetBackupVault: !Ref Vault
            CopyActions:
              - DestinationBackupVaultArn: !ImportValue central-vault
              - DestinationBackupVaultArn: !Sub "arn:aws:backup:us-east-1:${AWS::AccountId}:backup-vault:Default"
              - DestinationBackupVaultArn: !Ref DrArn
          - RuleName: pitr
            TargetBackupVault: primary
            EnableContinuousBackup: true
          - RuleName: maybe
            TargetBackupVault: primary
            EnableContinuousBackup: !Ref Continuous
)"};
  const TemplateSource central = {"central.yaml", R"(
Resources:
  Central: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: central}}
Outputs:
  Arn: {Value: !GetAtt Central.BackupVaultArn, Export: {Name: central-vault}}
)"};
  auto input = read_all({tokyo, central});
  ASSERT_TRUE(input) << input.error().to_string();
  ASSERT_EQ(input->plans.size(), 1u);
  const Plan& plan = input->plans[0];
  EXPECT_EQ(plan.name, "daily");
  EXPECT_EQ(plan.arn, "");  // its id is known only once it is created
  EXPECT_EQ(plan.address, "Plan");
  EXPECT_EQ(plan.location.to_string(), "tokyo.yaml:5:3");
  ASSERT_EQ(plan.rules.size(), 3u);
  const PlanRule& snapshots = plan.rules[0];
  EXPECT_EQ(snapshots.name, "snapshots");
  EXPECT_EQ(snapshots.vault, vault_arn(kTokyo, "primary"));
  EXPECT_FALSE(snapshots.continuous);
  EXPECT_THAT(snapshots.copy_to,
              ElementsAre(vault_arn(kTokyo, "central"), vault_arn(kVirginia, "Default")));
  EXPECT_THAT(snapshots.copy_to_unknown,
              ElementsAre("tokyo.yaml Plan.BackupPlan.BackupPlanRule[0].CopyActions[2]."
                          "DestinationBackupVaultArn: parameter DrArn has no value (give "
                          "--parameter DrArn=VALUE, or a Default)"));
  EXPECT_EQ(snapshots.location.to_string(), "tokyo.yaml:11:13");
  EXPECT_TRUE(plan.rules[1].continuous);
  EXPECT_EQ(plan.rules[1].vault, vault_arn(kTokyo, "primary"));
  EXPECT_EQ(plan.rules[2].vault_unknown,
            "tokyo.yaml Plan.BackupPlan.BackupPlanRule[2].EnableContinuousBackup: parameter "
            "Continuous has no value (give --parameter Continuous=VALUE, or a Default)");
  // The Default vault is not created by the templates: a vault whose key is not known.
  const Vault* outside = vault_named(*input, "Default");
  EXPECT_EQ(outside->arn, vault_arn(kVirginia, "Default"));
  EXPECT_EQ(outside->key_unknown,
            "vault Default (arn:aws:backup:us-east-1:111111111111:backup-vault:Default) is not "
            "created by the templates given, so its key is not known");
  EXPECT_EQ(outside->allows_copy_from, std::nullopt);
  EXPECT_TRUE(Model::build(std::move(input).value()));
}

TEST(CloudFormationBackup, RulesAndCopyActionsThatAreNotKnown) {
  const ModelInput input = read(R"(
Parameters: {Dr: {Type: String}}
Conditions: {WithDr: !Equals [!Ref Dr, "yes"]}
Resources:
  Vault: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: v}}
  Copies:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: copies
        BackupPlanRule:
          - RuleName: all
            TargetBackupVault: v
            CopyActions: !If [WithDr, [{DestinationBackupVaultArn: x}], !Ref AWS::NoValue]
          - RuleName: one
            TargetBackupVault: v
            CopyActions: [!If [WithDr, {DestinationBackupVaultArn: x}, !Ref AWS::NoValue]]
  Rules:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: rules
        BackupPlanRule: !If [WithDr, [], []]
)");
  ASSERT_EQ(input.plans.size(), 2u);
  const std::string why =
      "condition WithDr is not known: parameter Dr has no value (give --parameter Dr=VALUE, or "
      "a Default)";
  EXPECT_THAT(input.plans[0].rules.at(0).copy_to_unknown,
              ElementsAre("t.yaml Copies.BackupPlan.BackupPlanRule[0].CopyActions: " + why));
  EXPECT_THAT(input.plans[0].rules.at(1).copy_to_unknown,
              ElementsAre("t.yaml Copies.BackupPlan.BackupPlanRule[1].CopyActions[0]: " + why));
  ASSERT_EQ(input.plans[1].rules.size(), 1u);
  EXPECT_EQ(input.plans[1].rules[0].name, "(rules not known)");
  EXPECT_EQ(input.plans[1].rules[0].vault_unknown,
            "t.yaml Rules.BackupPlan.BackupPlanRule: " + why);
}

TEST(CloudFormationBackup, RulesWithAnAirGappedTarget) {
  const ModelInput input = read(R"(
Parameters: {LagArn: {Type: String}}
Resources:
  Vault: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: primary}}
  Lag: {Type: AWS::Backup::LogicallyAirGappedBackupVault, Properties: {BackupVaultName: lag, MinRetentionDays: 7, MaxRetentionDays: 35}}
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: planned
            TargetBackupVault: !Ref Vault
            TargetLogicallyAirGappedBackupVaultArn: !GetAtt Lag.BackupVaultArn
          - RuleName: outside
            TargetBackupVault: primary
            TargetLogicallyAirGappedBackupVaultArn: !Sub "arn:aws:backup:${AWS::Region}:${AWS::AccountId}:backup-vault:shared-lag"
          - RuleName: parameter
            TargetBackupVault: primary
            TargetLogicallyAirGappedBackupVaultArn: !Ref LagArn
          - RuleName: none
            TargetBackupVault: primary
)");
  ASSERT_EQ(input.plans.size(), 1u);
  const Plan& plan = input.plans[0];
  ASSERT_EQ(plan.rules.size(), 4u);
  EXPECT_EQ(plan.rules[0].air_gapped_vault, vault_arn(kTokyo, "lag"));
  EXPECT_EQ(plan.rules[0].vault, vault_arn(kTokyo, "primary"));
  EXPECT_THAT(plan.rules[0].copy_to, IsEmpty());  // not a copy action
  EXPECT_EQ(plan.rules[1].air_gapped_vault, vault_arn(kTokyo, "shared-lag"));
  // Not created by the templates: a logically air-gapped vault, as the property says.
  const Vault* outside = vault_named(input, "shared-lag");
  EXPECT_EQ(outside->type, VaultType::logically_air_gapped);
  EXPECT_EQ(outside->key_unknown,
            "vault shared-lag (arn:aws:backup:ap-northeast-1:111111111111:backup-vault:shared-lag) "
            "is not created by the templates given, so its key is not known");
  EXPECT_EQ(plan.rules[2].air_gapped_vault, "");
  EXPECT_EQ(plan.rules[2].air_gapped_vault_unknown,
            "t.yaml Plan.BackupPlan.BackupPlanRule[2].TargetLogicallyAirGappedBackupVaultArn: "
            "parameter LagArn has no value (give --parameter LagArn=VALUE, or a Default)");
  EXPECT_EQ(plan.rules[3].air_gapped_vault, "");
  EXPECT_EQ(plan.rules[3].air_gapped_vault_unknown, "");
  EXPECT_TRUE(Model::build(input));

  const std::string vault =
      "Resources:\n  V: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: v}}\n";
  EXPECT_EQ(error_of(vault + "  P: {Type: AWS::Backup::BackupPlan, Properties: {BackupPlan: "
                             "{BackupPlanName: p, BackupPlanRule: [{RuleName: r, "
                             "TargetBackupVault: v, TargetLogicallyAirGappedBackupVaultArn: "
                             "lag}]}}}\n"),
            "t.yaml:3:176: error E_CFN_VALUE: expected a backup vault ARN for "
            "BackupPlan.BackupPlanRule[0].TargetLogicallyAirGappedBackupVaultArn, found 'lag'");
  EXPECT_EQ(error_of(vault + "  P: {Type: AWS::Backup::BackupPlan, Properties: {BackupPlan: "
                             "{BackupPlanName: p, BackupPlanRule: [{RuleName: r, "
                             "TargetBackupVault: v, TargetLogicallyAirGappedBackupVaultArn: "
                             "!GetAtt K.Arn}]}}}\n  K: {Type: AWS::KMS::Key}\n"),
            "t.yaml:3:176: error E_CFN_VALUE: expected a backup vault ARN for "
            "BackupPlan.BackupPlanRule[0].TargetLogicallyAirGappedBackupVaultArn, found a "
            "reference to K (AWS::KMS::Key)");
}

TEST(CloudFormationBackup, PlanErrors) {
  const std::string vault =
      "Resources:\n  V: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: v}}\n";
  EXPECT_EQ(error_of(vault + "  P: {Type: AWS::Backup::BackupPlan}\n"),
            "t.yaml:3:3: error E_CFN_VALUE: expected a map for the BackupPlan of P, found nothing");
  EXPECT_EQ(error_of(vault + "  P: {Type: AWS::Backup::BackupPlan, Properties: {BackupPlan: "
                             "{BackupPlanName: p}}}\n"),
            "t.yaml:3:63: error E_CFN_VALUE: expected a list of rules for "
            "BackupPlan.BackupPlanRule, found nothing");
  EXPECT_EQ(error_of(vault + "  P: {Type: AWS::Backup::BackupPlan, Properties: {BackupPlan: "
                             "{BackupPlanName: p, BackupPlanRule: [{RuleName: r}]}}}\n"),
            "t.yaml:3:100: error E_CFN_VALUE: BackupPlan.BackupPlanRule[0] has no "
            "TargetBackupVault");
  EXPECT_EQ(error_of(vault + "  P: {Type: AWS::Backup::BackupPlan, Properties: {BackupPlan: "
                             "{BackupPlanName: p, BackupPlanRule: [{RuleName: r, "
                             "TargetBackupVault: v, CopyActions: [{DestinationBackupVaultArn: "
                             "v}]}]}}}\n"),
            "t.yaml:3:178: error E_CFN_VALUE: expected a backup vault ARN for "
            "BackupPlan.BackupPlanRule[0].CopyActions[0].DestinationBackupVaultArn, found 'v'");
  EXPECT_EQ(error_of(vault + "  P: {Type: AWS::Backup::BackupPlan, Properties: {BackupPlan: "
                             "{BackupPlanName: p, BackupPlanRule: [{RuleName: r, "
                             "TargetBackupVault: !GetAtt K.Arn}]}}}\n  K: {Type: AWS::KMS::Key}\n"),
            "t.yaml:3:133: error E_CFN_VALUE: expected a backup vault name for "
            "BackupPlan.BackupPlanRule[0].TargetBackupVault, found a reference to K "
            "(AWS::KMS::Key)");
  EXPECT_EQ(error_of(vault + "  P: {Type: AWS::Backup::BackupPlan, Properties: {BackupPlan: "
                             "{BackupPlanName: p, BackupPlanRule: [{RuleName: r, "
                             "TargetBackupVault: !GetAtt V.BackupVaultArn}]}}}\n"),
            "t.yaml:3:133: error E_CFN_VALUE: expected a backup vault name (not an ARN) for "
            "BackupPlan.BackupPlanRule[0].TargetBackupVault, found "
            "'arn:aws:backup:ap-northeast-1:111111111111:backup-vault:v'");
}

TEST(CloudFormationBackup, SelectionsAttachToTheirPlan) {
  const ModelInput input = read(R"(
Parameters: {Cluster: {Type: String}}
Resources:
  Vault: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: v}}
  Orders: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, DBClusterIdentifier: orders}}
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan: {BackupPlanName: p, BackupPlanRule: [{RuleName: r, TargetBackupVault: v}]}
  ByResource:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: !Ref Plan
      BackupSelection:
        SelectionName: by-resource
        IamRoleArn: arn:aws:iam::111111111111:role/backup
        Resources: [!GetAtt Orders.DBClusterArn, "arn:aws:rds:*:*:cluster:prod-*", !Sub "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:cluster:${Cluster}"]
        NotResources: [!Sub "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:db:scratch"]
  ByTag:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: !GetAtt Plan.BackupPlanId
      BackupSelection:
        SelectionName: by-tag
        IamRoleArn: arn:aws:iam::111111111111:role/backup
        ListOfTags:
          - {ConditionType: STRINGEQUALS, ConditionKey: backup, ConditionValue: daily}
        Conditions:
          StringEquals: [{ConditionKey: "aws:ResourceTag/env", ConditionValue: prod}]
          StringNotEquals: [{ConditionKey: "aws:ResourceTag/tier", ConditionValue: scratch}]
          StringLike: [{ConditionKey: "aws:ResourceTag/team", ConditionValue: "data-*"}]
          StringNotLike: [{ConditionKey: "aws:ResourceTag/name", ConditionValue: "tmp-*"}]
  OtherPlan:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: 0123abcd-plan-id
      BackupSelection: {SelectionName: elsewhere, IamRoleArn: x, Resources: ["*"]}
)");
  ASSERT_EQ(input.plans.size(), 1u);
  const std::vector<Selection>& selections = input.plans[0].selections;
  ASSERT_EQ(selections.size(), 2u);
  EXPECT_EQ(selections[0].name, "by-resource");
  EXPECT_THAT(selections[0].resources,
              ElementsAre("arn:aws:rds:ap-northeast-1:111111111111:cluster:orders",
                          "arn:aws:rds:*:*:cluster:prod-*"));
  EXPECT_THAT(selections[0].not_resources,
              ElementsAre("arn:aws:rds:ap-northeast-1:111111111111:db:scratch"));
  EXPECT_THAT(selections[0].resources_unknown,
              ElementsAre("ByResource Resources: parameter Cluster has no value (give "
                          "--parameter Cluster=VALUE, or a Default)"));
  EXPECT_EQ(selections[0].location.to_string(), "t.yaml:10:3");
  EXPECT_EQ(selections[1].name, "by-tag");
  ASSERT_EQ(selections[1].any_tags.size(), 1u);
  EXPECT_EQ(selections[1].any_tags[0].test, TagCondition::Test::equals);
  EXPECT_EQ(selections[1].any_tags[0].key, "backup");
  EXPECT_EQ(selections[1].any_tags[0].value, "daily");
  std::vector<std::string> all;
  for (const TagCondition& c : selections[1].all_tags)
    all.push_back(fmt::format("{} {} {}", static_cast<int>(c.test), c.key, c.value));
  EXPECT_THAT(all, ElementsAre("0 env prod", "1 tier scratch", "2 team data-*", "3 name tmp-*"));
  EXPECT_EQ(error_of("Resources:\n  P: {Type: AWS::Backup::BackupPlan, Properties: {BackupPlan: "
                     "{BackupPlanName: p, BackupPlanRule: []}}}\n"
                     "  S: {Type: AWS::Backup::BackupSelection, Properties: {BackupPlanId: !Ref "
                     "P, BackupSelection: {SelectionName: s, ListOfTags: [{ConditionType: "
                     "STRINGLIKE, ConditionKey: a, ConditionValue: b}]}}}\n"),
            "t.yaml:3:143: error E_CFN_VALUE: expected STRINGEQUALS for "
            "BackupSelection.ListOfTags[0].ConditionType of S, found 'STRINGLIKE'");
}

TEST(CloudFormationBackup, SelectionTestsFromParametersWithoutValuesAreNotKnown) {
  const ModelInput input = read(R"(
Parameters:
  Env: {Type: String}
  TagKey: {Type: String}
  Extra: {Type: String}
Resources:
  Vault: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: v}}
  Lookup: {Type: "Custom::Lookup"}
  Key: {Type: AWS::KMS::Key}
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan: {BackupPlanName: p, BackupPlanRule: [{RuleName: r, TargetBackupVault: v}]}
  Sel:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: !Ref Plan
      BackupSelection:
        SelectionName: s
        IamRoleArn: arn:aws:iam::111111111111:role/backup
        Resources: [!Ref Extra, !GetAtt Lookup.Arn, !Ref Key]
        NotResources: [!Sub "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:cluster:${Extra}"]
        ListOfTags:
          - {ConditionType: STRINGEQUALS, ConditionKey: env, ConditionValue: !Ref Env}
        Conditions:
          StringNotEquals: [{ConditionKey: !Sub "aws:ResourceTag/${TagKey}", ConditionValue: x}]
)");
  ASSERT_EQ(input.plans.size(), 1u);
  ASSERT_EQ(input.plans[0].selections.size(), 1u);
  const Selection& s = input.plans[0].selections[0];
  const auto no_value = [](const std::string& name) {
    return fmt::format("parameter {0} has no value (give --parameter {0}=VALUE, or a Default)",
                       name);
  };
  EXPECT_THAT(s.resources, IsEmpty());
  // A custom resource's output may name any database; a key names none.
  EXPECT_THAT(s.resources_unknown,
              ElementsAre("Sel Resources: " + no_value("Extra"),
                          "Sel Resources: '${Lookup.Arn}' is known only when the stack is "
                          "deployed"));
  EXPECT_THAT(s.not_resources_unknown, ElementsAre("Sel NotResources: " + no_value("Extra")));
  ASSERT_EQ(s.any_tags.size(), 1u);
  EXPECT_EQ(s.any_tags[0].key, "env");
  EXPECT_EQ(s.any_tags[0].unknown,
            "Sel BackupSelection ListOfTags ConditionValue: " + no_value("Env"));
  ASSERT_EQ(s.all_tags.size(), 1u);
  EXPECT_EQ(s.all_tags[0].test, TagCondition::Test::not_equals);
  EXPECT_EQ(s.all_tags[0].value, "x");
  EXPECT_EQ(s.all_tags[0].unknown,
            "Sel BackupSelection StringNotEquals ConditionKey: " + no_value("TagKey"));
}

// --- Resources created under a Condition ----------------------------------------------------

TEST(CloudFormationConditions, ResourcesOfFalseConditionsAreNotCreated) {
  const std::string text =
      "Parameters: {Env: {Type: String, Default: prod}, Dr: {Type: String}}\n"
      "Conditions: {IsProd: !Equals [!Ref Env, prod], WithDr: !Equals [!Ref Dr, 'yes'], "
      "NotProd: !Not [!Condition IsProd]}\n"
      "Resources:\n"
      "  Prod: {Type: AWS::Backup::BackupVault, Condition: IsProd, Properties: "
      "{BackupVaultName: !If [IsProd, prod, staging]}}\n"
      "  Test: {Type: AWS::Backup::BackupVault, Condition: NotProd, Properties: "
      "{BackupVaultName: test}}\n"
      "  Maybe: {Type: AWS::Backup::BackupVault, Condition: WithDr, Properties: "
      "{BackupVaultName: dr}}\n"
      "  MaybeCluster: {Type: AWS::RDS::DBCluster, Condition: WithDr, Properties: {Engine: "
      "aurora-mysql, StorageEncrypted: true}}\n"
      "  MaybePlan: {Type: AWS::Backup::BackupPlan, Condition: WithDr, Properties: {BackupPlan: "
      "{BackupPlanName: p, BackupPlanRule: [{RuleName: r, TargetBackupVault: prod}]}}}\n";
  const ModelInput input = read(text);
  ASSERT_EQ(input.vaults.size(), 2u);
  EXPECT_EQ(input.vaults[0].name, "dr");
  const std::string unknown =
      "whether it is created is not known: condition WithDr is not known: parameter Dr has no "
      "value (give --parameter Dr=VALUE, or a Default)";
  EXPECT_EQ(input.vaults[0].key_unknown, "t.yaml Maybe: " + unknown);
  EXPECT_EQ(input.vaults[1].name, "prod");
  EXPECT_EQ(input.resources.at(0).key_unknown, "t.yaml MaybeCluster: " + unknown);
  EXPECT_EQ(input.plans.at(0).rules.at(0).vault_unknown, "t.yaml MaybePlan: " + unknown);
  CloudFormationOptions staging = in_tokyo();
  staging.parameters["Env"] = "staging";
  staging.parameters["Dr"] = "no";
  const ModelInput other = read(text, staging);
  ASSERT_EQ(other.vaults.size(), 1u);
  EXPECT_EQ(other.vaults[0].name, "test");
  EXPECT_THAT(other.plans, IsEmpty());
  EXPECT_EQ(error_of("Resources:\n  V: {Type: AWS::Backup::BackupVault, Condition: Nope}\n"),
            "t.yaml:2:50: error E_CFN_VALUE: condition 'Nope' is not defined in the Conditions of "
            "t.yaml");
}

// --- Names -----------------------------------------------------------------------------------

TEST(CloudFormationNames, NamesThatCollideAreQualified) {
  const TemplateSource tokyo = {"tokyo.yaml",
                                "Resources:\n"
                                "  Key: {Type: AWS::KMS::Key}\n"
                                "  V: {Type: AWS::Backup::BackupVault, Properties: "
                                "{BackupVaultName: backups}}\n"};
  const TemplateSource virginia = {"virginia.yaml",
                                   "Resources:\n"
                                   "  Key: {Type: AWS::KMS::Key}\n"
                                   "  V: {Type: AWS::Backup::BackupVault, Properties: "
                                   "{BackupVaultName: backups, EncryptionKeyArn: !GetAtt "
                                   "Key.Arn}}\n"};
  CloudFormationOptions options = in_tokyo();
  options.stacks["virginia.yaml"] = kVirginia;
  auto input = read_all({tokyo, virginia}, options);
  ASSERT_TRUE(input) << input.error().to_string();
  ASSERT_EQ(input->keys.size(), 2u);
  EXPECT_EQ(input->keys[0].name, "ap-northeast-1/Key");
  EXPECT_EQ(input->keys[1].name, "us-east-1/Key");
  EXPECT_EQ(input->vaults[0].name, "ap-northeast-1/backups");
  EXPECT_EQ(input->vaults[1].name, "us-east-1/backups");
  EXPECT_EQ(input->vaults[1].key, "us-east-1/Key");
  EXPECT_TRUE(Model::build(std::move(input).value()));
}

// --- Predictions from what is not known ------------------------------------------------------

TEST(CloudFormationPredictions, AParameterWithNoValueMakesAnIndeterminatePrediction) {
  const std::string text = R"(
Parameters:
  DrKeyArn: {Type: String, Description: The key of the DR vault}
Resources:
  Orders: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql, DBClusterIdentifier: orders, StorageEncrypted: true}}
  Primary: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: primary}}
  Dr: {Type: AWS::Backup::BackupVault, Properties: {BackupVaultName: dr, EncryptionKeyArn: !Ref DrKeyArn}}
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - {RuleName: daily, TargetBackupVault: !Ref Primary, CopyActions: [{DestinationBackupVaultArn: !GetAtt Dr.BackupVaultArn}]}
  Selection:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: !Ref Plan
      BackupSelection: {SelectionName: all, IamRoleArn: x, Resources: ["*"]}
)";
  auto predict_with = [&](const CloudFormationOptions& options) {
    auto model = Model::build(read(text, options));
    if (!model) ADD_FAILURE() << model.error().to_string();
    return predict(*model, {});
  };
  const Predictions unknown = predict_with(in_tokyo());
  ASSERT_EQ(unknown.recovery_points.size(), 2u);
  const Prediction& copy = unknown.recovery_points[1];
  EXPECT_EQ(copy.id, "orders@dr");
  EXPECT_EQ(copy.outcome, Outcome::indeterminate);
  EXPECT_THAT(copy.unknowns,
              ElementsAre("the key of vault dr: t.yaml Dr.EncryptionKeyArn: parameter DrKeyArn "
                          "has no value (give --parameter DrKeyArn=VALUE, or a Default)"));
  EXPECT_EQ(copy.vault_address, "Dr");
  CloudFormationOptions given = in_tokyo();
  given.parameters["DrKeyArn"] = "arn:aws:kms:ap-northeast-1:111111111111:alias/aws/backup";
  const Predictions known = predict_with(given);
  EXPECT_EQ(known.recovery_points.at(1).outcome, Outcome::encrypted);
  EXPECT_EQ(known.recovery_points.at(1).key->alias(), "alias/aws/rds");
}

// --- JSON templates (cdk synth) -----------------------------------------------------------

TEST(CloudFormationJson, ACdkTemplateOfACentralBackupAccount) {
  CloudFormationOptions options;
  options.region = kVirginia;
  options.account = kB;
  const std::string file = kData + "Central.template.json";
  auto input = read_cloudformation_templates({file}, options);
  ASSERT_TRUE(input) << input.error().to_string();
  ASSERT_EQ(input->keys.size(), 1u);
  const Key& key = input->keys[0];
  EXPECT_EQ(key.name, "central-backup");
  EXPECT_THAT(key.shared_with, ElementsAre("o-abc123def4"));
  EXPECT_EQ(key.address, "VaultKey4C1A9E2B");
  EXPECT_EQ(key.location.to_string(), file + "#/Resources/VaultKey4C1A9E2B");
  ASSERT_EQ(input->vaults.size(), 2u);
  const Vault& central = input->vaults[0];
  EXPECT_EQ(central.name, "Central-vault");  // the stack is named after the file: Central
  EXPECT_EQ(central.arn, vault_arn(kVirginia, "Central-vault", kB));
  EXPECT_EQ(central.key, "central-backup");
  EXPECT_THAT(*central.allows_copy_from, ElementsAre("o-abc123def4"));  // a JSON string policy
  const Vault& air_gapped = input->vaults[1];
  EXPECT_EQ(air_gapped.type, VaultType::logically_air_gapped);
  EXPECT_THAT(*air_gapped.allows_copy_from, ElementsAre(kA, "333333333333"));
  EXPECT_EQ(air_gapped.location.to_string(), file + "#/Resources/AirGapped0C1D2E3F");
  EXPECT_TRUE(Model::build(std::move(input).value()));
}

TEST(CloudFormationJson, ErrorsAndUnknownsNameTheJsonPointer) {
  EXPECT_EQ(error_of(R"({"Resources": {"C": {"Type": "AWS::RDS::DBCluster",
                       "Properties": {"Engine": "aurora", "StorageEncrypted": "maybe"}}}})",
                     "t.json"),
            "t.json#/Resources/C/Properties/StorageEncrypted: error E_CFN_VALUE: expected true or "
            "false for StorageEncrypted, found 'maybe'");
  EXPECT_EQ(error_of(R"({"Resources": {"C": {"Type": "AWS::RDS::DBCluster", "Properties":
                       {"Engine": {"Fn::Join": ["-"]}}}}})",
                     "t.json"),
            "t.json#/Resources/C/Properties/Engine: error E_CFN_VALUE: Fn::Join expects "
            "[delimiter, [values...]], found a list");
  const ModelInput input = read(R"({
  "Parameters": {"Key": {"Type": "String"}},
  "Resources": {"V": {"Type": "AWS::Backup::BackupVault",
                      "Properties": {"BackupVaultName": "v", "EncryptionKeyArn": {"Ref": "Key"}}}}
})",
                                in_tokyo(), "t.json");
  EXPECT_EQ(input.vaults.at(0).key_unknown,
            "t.json V.EncryptionKeyArn: parameter Key has no value (give --parameter Key=VALUE, "
            "or a Default)");
  EXPECT_EQ(input.vaults.at(0).location.to_string(), "t.json#/Resources/V");
}

// --- suppressions in Metadata ----------------------------------------------------------------

constexpr std::string_view kSuppressed = R"(
Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Metadata:
      snapkey:
        ignore:
          - {check: NOT_PROTECTED, reason: "backed up by the data team's plan"}
    Properties: {DBClusterIdentifier: orders, Engine: aurora-postgresql, StorageEncrypted: true}
  Audit:
    Type: AWS::Backup::BackupVault
    Metadata:
      snapkey:
        ignore:
          - check: AWS_MANAGED_COPY_KEY
            reason: the audit copies may use aws/backup
            expires: 2027-06-30
          - {check: UNENCRYPTED, reason: "none are"}
    Properties: {BackupVaultName: audit}
)";

TEST(CloudFormationSuppressions, MetadataSnapkeyIgnoreSuppressesOnItsVaultOrDatabase) {
  const ModelInput input = read(kSuppressed);
  ASSERT_EQ(input.suppressions.size(), 3u);
  const InputSuppression& orders = input.suppressions[0];
  EXPECT_EQ(orders.check, "NOT_PROTECTED");
  EXPECT_EQ(orders.resource, "orders");
  EXPECT_EQ(orders.vault, "");
  EXPECT_EQ(orders.reason, "backed up by the data team's plan");
  EXPECT_FALSE(orders.expires);
  EXPECT_EQ(orders.location.to_string(), "t.yaml:8:13");
  const InputSuppression& audit = input.suppressions[1];
  EXPECT_EQ(audit.check, "AWS_MANAGED_COPY_KEY");
  EXPECT_EQ(audit.resource, "");
  EXPECT_EQ(audit.vault, "audit");
  EXPECT_EQ(audit.reason, "the audit copies may use aws/backup");
  ASSERT_TRUE(audit.expires);
  EXPECT_EQ(audit.expires->to_string(), "2027-06-30");
  EXPECT_EQ(audit.location.to_string(), "t.yaml:15:13");
  EXPECT_EQ(input.suppressions[2].check, "UNENCRYPTED");
}

TEST(CloudFormationSuppressions, JsonMetadataAsCdkAddMetadataWritesIt) {
  const ModelInput input = read(R"({"Resources": {"Vault0A1B": {
    "Type": "AWS::Backup::BackupVault",
    "Metadata": {"aws:cdk:path": "Stack/Vault/Resource",
                 "snapkey": {"ignore": [{"check": "AWS_MANAGED_COPY_KEY", "reason": "reviewed"}]}},
    "Properties": {"BackupVaultName": "dr"}}}})",
                                in_tokyo(), "t.json");
  ASSERT_EQ(input.suppressions.size(), 1u);
  EXPECT_EQ(input.suppressions[0].vault, "dr");
  EXPECT_EQ(input.suppressions[0].location.to_string(),
            "t.json#/Resources/Vault0A1B/Metadata/snapkey/ignore/0");
}

TEST(CloudFormationSuppressions, OtherMetadataAndResourcesNotCreatedAreLeftAlone) {
  const ModelInput input = read(R"(
Conditions:
  Never: !Equals [a, b]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Metadata: {cfn-lint: {config: {ignore_checks: [W3005]}}}
  Old:
    Type: AWS::Backup::BackupVault
    Condition: Never
    Metadata: {snapkey: {ignore: [{check: UNENCRYPTED, reason: gone}]}}
    Properties: {BackupVaultName: old}
)");
  EXPECT_THAT(input.suppressions, IsEmpty());
}

std::string suppression_error(std::string_view metadata,
                              std::string_view type = "AWS::Backup::BackupVault",
                              std::string_view properties = "{BackupVaultName: v}") {
  return error_of(
      fmt::format("Resources:\n  V:\n    Type: {}\n    Metadata: {}\n    Properties: {}\n", type,
                  metadata, properties));
}

TEST(CloudFormationSuppressions, EveryMistakeIsAnErrorAtItsPlace) {
  EXPECT_EQ(suppression_error("{snapkey: {ignore: [{check: UNENCRYPTED}]}}"),
            "t.yaml:4:35: error E_POLICY_SUPPRESSION: expected a reason for the suppression of "
            "UNENCRYPTED on V: every suppression must say why its findings are accepted");
  EXPECT_EQ(suppression_error("{snapkey: {ignore: [{reason: why}]}}"),
            "t.yaml:4:35: error E_POLICY_SUPPRESSION: expected the id of a check (check: ...) in "
            "a snapkey suppression on V");
  EXPECT_EQ(suppression_error("{snapkey: {ignore: [{check: UNENCRYPTED, reason: r, expires: "
                              "2027-02-30}]}}"),
            "t.yaml:4:76: error E_POLICY_SUPPRESSION: expires: expected a date YYYY-MM-DD, found "
            "'2027-02-30'");
  EXPECT_EQ(suppression_error("{snapkey: {ignore: [{check: UNENCRYPTED, reason: r, until: x}]}}"),
            "t.yaml:4:67: error E_POLICY_SUPPRESSION: expected check, reason or expires in a "
            "snapkey suppression on V, found 'until'");
  EXPECT_EQ(suppression_error("{snapkey: {ignore: [{check: !Ref C, reason: r}]}}"),
            "t.yaml:4:43: error E_POLICY_SUPPRESSION: expected a string for the check of a "
            "snapkey suppression on V, found a map");
  EXPECT_EQ(suppression_error("{snapkey: {ignore: [UNENCRYPTED]}}"),
            "t.yaml:4:35: error E_POLICY_SUPPRESSION: expected a map with check and reason in "
            "Metadata.snapkey.ignore of V, found a string");
  EXPECT_EQ(suppression_error("{snapkey: {ignore: {check: UNENCRYPTED, reason: r}}}"),
            "t.yaml:4:25: error E_POLICY_SUPPRESSION: expected Metadata.snapkey of V to be a map "
            "with one member, ignore: a list of {check, reason, expires}");
  EXPECT_EQ(suppression_error("{snapkey: {ignore: [{check: UNENCRYPTED, reason: r}]}}",
                              "AWS::S3::Bucket", "{}"),
            "t.yaml:4:25: error E_POLICY_SUPPRESSION: expected Metadata.snapkey on a vault or a "
            "database (AWS::Backup::BackupVault, AWS::RDS::DBCluster, AWS::RDS::DBInstance, ...), "
            "found it on V (AWS::S3::Bucket)");
  EXPECT_EQ(suppression_error("{snapkey: {ignore: [{check: UNENCRYPTED, reason: r}]}}",
                              "AWS::RDS::DBInstance", "{DBClusterIdentifier: c, Engine: aurora}"),
            "t.yaml:4:25: error E_POLICY_SUPPRESSION: expected Metadata.snapkey on a vault or a "
            "database, found it on V, an instance of a cluster: put it on the cluster, which is "
            "what is backed up");
}

// Found by fuzzing (tests/fuzz/corpus/cloudformation_yaml/regress-condition-chain): a condition is
// evaluated within the one that names it, and a chain of 3,000 overflowed the stack.
TEST(CloudFormationTemplate, AChainOfReferencesDeeperThanTheLimitIsAnError) {
  std::string text = "Conditions:\n  C0: !Equals [a, a]\n";
  for (int i = 1; i < 300; ++i) text += fmt::format("  C{}: !Not [!Condition C{}]\n", i, i - 1);
  text +=
      "Resources:\n  V:\n    Type: AWS::Backup::BackupVault\n    Condition: C299\n"
      "    Properties:\n      BackupVaultName: v\n";
  EXPECT_EQ(error_of(text),
            "t.yaml:45:8: error E_INPUT_DEPTH: expected the references that condition C299 needs "
            "nested at most 256 levels deep, found more");
}

}  // namespace
}  // namespace snapkey::io
