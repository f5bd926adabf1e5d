// The Terraform source reader (.tf, .tofu and their JSON syntax, no plan): each construct it
// evaluates, each thing that stays unknown, each error it raises, and where everything points in
// the source.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/terraform/source/reader.hpp"
#include "snapkey/io/terraform.hpp"

namespace snapkey::io {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A configuration directory written for one test, removed after it.
class Source : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("snapkey-tf-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  std::string path(const std::string& name = "") const { return (dir_ / name).string(); }

  Result<ModelInput> read(TerraformOptions options = {}) {
    if (options.account.empty()) options.account = "111111111111";
    return read_terraform_source(dir_.string(), options);
  }
  ModelInput input(TerraformOptions options = {}) {
    auto out = read(std::move(options));
    EXPECT_TRUE(out) << out.error().to_string();
    return out ? *out : ModelInput{};
  }
  // The error, with the directory left out of its file name.
  std::string error(TerraformOptions options = {}) {
    auto out = read(std::move(options));
    if (out) return "read";
    std::string text = out.error().to_string();
    const std::string dir = path();  // with its trailing slash
    for (std::size_t at; (at = text.find(dir)) != std::string::npos;) text.erase(at, dir.size());
    return text;
  }

  static const Vault* vault(const ModelInput& in, const std::string& name) {
    for (const Vault& v : in.vaults) {
      if (v.name == name) return &v;
    }
    return nullptr;
  }

  fs::path dir_;
};

constexpr const char* kProvider = "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n";

TEST_F(Source, VariablesFromDefaultsTfvarsAndOptions) {
  write("main.tf", std::string(kProvider) +
                       "variable \"name\" {\n  default = \"from-default\"\n}\n"
                       "variable \"suffix\" {\n  type = string\n}\n"
                       "variable \"retention\" {\n  type = number\n  default = 7\n}\n"
                       "resource \"aws_backup_vault\" \"v\" {\n"
                       "  name = \"${var.name}-${var.suffix}\"\n}\n");
  write("terraform.tfvars", "suffix = \"tfvars\"\n");
  EXPECT_NE(vault(input(), "from-default-tfvars"), nullptr);
  write("z.auto.tfvars", "suffix = \"auto\"\n");
  EXPECT_NE(vault(input(), "from-default-auto"), nullptr);
  write("extra.tfvars", "name = \"file\"\n");
  TerraformOptions options;
  options.variable_files = {path("extra.tfvars")};
  options.variables = {"suffix=flag"};
  EXPECT_NE(vault(input(options), "file-flag"), nullptr);
}

TEST_F(Source, AVariableWithNoValueIsUnknownAndSaysWhere) {
  write("main.tf", std::string(kProvider) +
                       "variable \"key\" {}\n"
                       "resource \"aws_backup_vault\" \"v\" {\n"
                       "  name        = \"v\"\n"
                       "  kms_key_arn = var.key\n}\n");
  const ModelInput in = input();
  const Vault* v = vault(in, "v");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->key.empty());
  EXPECT_THAT(v->key_unknown, HasSubstr("var.key has no value: it has no default, and no --var, "
                                        "--var-file or .tfvars file sets it"));
  EXPECT_THAT(v->key_unknown, HasSubstr("main.tf:4:1"));
  EXPECT_EQ(v->location.file, path("main.tf"));
  EXPECT_EQ(v->location.line, 5);
  EXPECT_EQ(v->location.column, 1);
}

TEST_F(Source, LocalsAndFunctions) {
  write("main.tf", std::string(kProvider) +
                       "locals {\n  env = \"prod\"\n  names = [for r in [\"a\", \"b\"] : "
                       "format(\"%s-%s\", local.env, r)]\n}\n"
                       "resource \"aws_backup_vault\" \"v\" {\n"
                       "  for_each = toset(local.names)\n  name = upper(each.key)\n}\n");
  const ModelInput in = input();
  EXPECT_NE(vault(in, "PROD-A"), nullptr);
  EXPECT_NE(vault(in, "PROD-B"), nullptr);
}

TEST_F(Source, ALocalThatDependsOnItselfIsAnError) {
  write("main.tf", std::string(kProvider) +
                       "locals {\n  a = local.b\n  b = local.a\n}\n"
                       "resource \"aws_backup_vault\" \"v\" {\n  name = local.a\n}\n");
  EXPECT_THAT(error(), HasSubstr("error E_TERRAFORM_REFERENCE: expected local.a not to depend on "
                                 "itself"));
}

TEST_F(Source, ProviderAliasesAndTheRegionArgument) {
  write("main.tf", std::string(kProvider) +
                       "provider \"aws\" {\n  alias  = \"east\"\n  region = \"us-east-1\"\n}\n"
                       "resource \"aws_backup_vault\" \"a\" {\n  name = \"a\"\n}\n"
                       "resource \"aws_backup_vault\" \"b\" {\n  provider = aws.east\n"
                       "  name = \"b\"\n}\n"
                       "resource \"aws_backup_vault\" \"c\" {\n  region = \"ap-south-1\"\n"
                       "  name = \"c\"\n}\n");
  const ModelInput in = input();
  ASSERT_EQ(in.vaults.size(), 3u);
  EXPECT_EQ(Model::region_of(*vault(in, "a")).name, "eu-west-1");
  EXPECT_EQ(Model::region_of(*vault(in, "b")).name, "us-east-1");
  EXPECT_EQ(Model::region_of(*vault(in, "c")).name, "ap-south-1");
}

TEST_F(Source, TheAccountFromAllowedAccountIdsAndDataSources) {
  write("main.tf",
        "provider \"aws\" {\n  region = \"eu-west-1\"\n  allowed_account_ids = "
        "[\"222222222222\"]\n}\n"
        "data \"aws_caller_identity\" \"me\" {}\n"
        "data \"aws_region\" \"here\" {}\n"
        "data \"aws_kms_alias\" \"rds\" {\n  name = \"alias/aws/rds\"\n}\n"
        "resource \"aws_db_instance\" \"d\" {\n  identifier = \"d-${data.aws_region.here.name}\"\n"
        "  engine = \"postgres\"\n  storage_encrypted = true\n"
        "  kms_key_id = data.aws_kms_alias.rds.target_key_arn\n}\n"
        "resource \"aws_backup_vault\" \"v\" {\n"
        "  name = \"v-${data.aws_caller_identity.me.account_id}\"\n}\n");
  TerraformOptions options;
  options.account = "";
  auto in = read_terraform_source(dir_.string(), options);
  ASSERT_TRUE(in) << in.error().to_string();
  ASSERT_NE(vault(*in, "v-222222222222"), nullptr);
  ASSERT_EQ(in->resources.size(), 1u);
  EXPECT_EQ(in->resources[0].name, "d-eu-west-1");
  EXPECT_EQ(in->resources[0].key, "alias/aws/rds");
}

TEST_F(Source, LocalModulesWithCountAndForEach) {
  write("main.tf",
        std::string(kProvider) +
            "module \"dr\" {\n  source = \"./modules/dr\"\n"
            "  for_each = toset([\"us-east-1\", \"us-west-2\"])\n  region = each.key\n}\n"
            "resource \"aws_backup_plan\" \"p\" {\n  name = \"p\"\n  rule {\n"
            "    rule_name = \"daily\"\n    target_vault_name = \"Default\"\n"
            "    dynamic \"copy_action\" {\n      for_each = module.dr\n"
            "      content {\n        destination_vault_arn = copy_action.value.arn\n"
            "      }\n    }\n  }\n}\n");
  write("modules/dr/main.tf",
        "variable \"region\" {}\n"
        "resource \"aws_kms_key\" \"k\" {\n  count = 1\n  region = var.region\n}\n"
        "resource \"aws_backup_vault\" \"v\" {\n  region = var.region\n"
        "  name = \"dr-${var.region}\"\n  kms_key_arn = aws_kms_key.k[0].arn\n}\n"
        "output \"arn\" {\n  value = aws_backup_vault.v.arn\n}\n");
  const ModelInput in = input();
  const Vault* east = vault(in, "dr-us-east-1");
  ASSERT_NE(east, nullptr);
  EXPECT_EQ(east->address, "module.dr[\"us-east-1\"].aws_backup_vault.v");
  EXPECT_EQ(east->location.file, path("modules/dr/main.tf"));
  EXPECT_TRUE(east->key_unknown.empty()) << east->key_unknown;
  ASSERT_EQ(in.plans.size(), 1u);
  ASSERT_EQ(in.plans[0].rules.size(), 1u);
  EXPECT_EQ(in.plans[0].rules[0].copy_to.size(), 2u);
}

TEST_F(Source, ADownloadedModuleIsReadAndAMissingOneIsUnknown) {
  write("main.tf", std::string(kProvider) +
                       "module \"keys\" {\n  source = \"acme/keys/aws\"\n}\n"
                       "module \"other\" {\n  source = \"acme/other/aws\"\n}\n"
                       "resource \"aws_backup_vault\" \"a\" {\n  name = \"a\"\n"
                       "  kms_key_arn = module.keys.arn\n}\n"
                       "resource \"aws_backup_vault\" \"b\" {\n  name = \"b\"\n"
                       "  kms_key_arn = module.other.arn\n}\n");
  write(
      ".terraform/modules/modules.json",
      R"({"Modules":[{"Key":"","Source":"","Dir":"."},)"
      R"({"Key":"keys","Source":"registry.terraform.io/acme/keys/aws","Dir":".terraform/modules/keys"}]})");
  write(".terraform/modules/keys/main.tf",
        "resource \"aws_kms_key\" \"k\" {}\noutput \"arn\" {\n  value = aws_kms_key.k.arn\n}\n");
  const ModelInput in = input();
  EXPECT_TRUE(vault(in, "a")->key_unknown.empty()) << vault(in, "a")->key_unknown;
  EXPECT_THAT(vault(in, "b")->key_unknown,
              HasSubstr("module.other comes from \"acme/other/aws\", which is not downloaded"));
}

TEST_F(Source, AnUnknownCountLeavesTheResourceOut) {
  write("main.tf", std::string(kProvider) +
                       "variable \"n\" {\n  type = number\n}\n"
                       "resource \"aws_backup_vault\" \"v\" {\n  count = var.n\n  name = \"v\"\n}\n"
                       "resource \"aws_backup_vault\" \"w\" {\n  name = \"w\"\n}\n");
  const ModelInput in = input();
  EXPECT_EQ(vault(in, "v"), nullptr);
  EXPECT_NE(vault(in, "w"), nullptr);
}

TEST_F(Source, TofuFilesReplaceTfFilesOfTheSameName) {
  write("main.tf",
        std::string(kProvider) + "resource \"aws_backup_vault\" \"v\" {\n  name = \"tf\"\n}\n");
  write("main.tofu",
        std::string(kProvider) + "resource \"aws_backup_vault\" \"v\" {\n  name = \"tofu\"\n}\n");
  const ModelInput in = input();
  EXPECT_NE(vault(in, "tofu"), nullptr);
  EXPECT_EQ(vault(in, "tf"), nullptr);
}

TEST_F(Source, OverrideFilesAreMergedLast) {
  write("main.tf", std::string(kProvider) +
                       "resource \"aws_backup_vault\" \"v\" {\n  name = \"original\"\n"
                       "  kms_key_arn = \"arn:aws:kms:eu-west-1:111111111111:alias/a\"\n}\n");
  write("main_override.tf", "resource \"aws_backup_vault\" \"v\" {\n  name = \"overridden\"\n}\n");
  const ModelInput in = input();
  const Vault* v = vault(in, "overridden");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->key, "alias/a");  // kept: the override does not set it
  EXPECT_EQ(v->location.file, path("main.tf"));
}

TEST_F(Source, AnOverrideOfNothingIsAnError) {
  write("main.tf", kProvider);
  write("override.tf", "resource \"aws_backup_vault\" \"v\" {\n  name = \"x\"\n}\n");
  EXPECT_EQ(error(),
            "override.tf:1:1: error E_TERRAFORM_DECLARATION: expected resource "
            "'aws_backup_vault.v' declared in a file other than an override file, found "
            "none");
}

constexpr const char* kVault = "resource \"aws_backup_vault\" \"v\" {\n  name = \"v\"\n}\n";

TEST_F(Source, IgnoreCommentsAboveOrOnABlockAreSuppressions) {
  write("main.tf", std::string(kProvider) +
                       "# snapkey:ignore AWS_MANAGED_COPY_KEY reason=\"aws/backup is fine here\" "
                       "expires=2027-01-31\n// another comment\n" +
                       kVault +
                       "resource \"aws_backup_vault\" \"w\" { # snapkey:ignore INDETERMINATE "
                       "reason=\"known later\"\n  name = \"w\"\n}\n"
                       "# snapkey:ignore INDETERMINATE reason=\"not this one: a blank line "
                       "follows\"\n\nresource \"aws_backup_vault\" \"x\" {\n  name = \"x\"\n}\n");
  const ModelInput in = input();
  ASSERT_EQ(in.suppressions.size(), 2u);
  const InputSuppression& v = in.suppressions[0];
  EXPECT_EQ(v.check, "AWS_MANAGED_COPY_KEY");
  EXPECT_EQ(v.vault, "v");
  EXPECT_EQ(v.reason, "aws/backup is fine here");
  ASSERT_TRUE(v.expires);
  EXPECT_EQ(*v.expires, (Date{2027, 1, 31}));
  EXPECT_EQ(v.location, (Location{path("main.tf"), 4, 1, ""}));
  EXPECT_EQ(in.suppressions[1].vault, "w");
  EXPECT_FALSE(in.suppressions[1].expires);
}

TEST_F(Source, AnIgnoreCommentNeedsAReason) {
  write("main.tf", std::string(kProvider) + "# snapkey:ignore INDETERMINATE\n" + kVault);
  EXPECT_EQ(error(),
            "main.tf:4:1: error E_POLICY_SUPPRESSION: expected reason=\"...\" after "
            "snapkey:ignore INDETERMINATE: every suppression must say why its findings "
            "are accepted");
}

TEST_F(Source, AnIgnoreCommentWithABadDateOrWordIsAnError) {
  write("main.tf", std::string(kProvider) +
                       "# snapkey:ignore INDETERMINATE reason=\"x\" expires=2027-13-01\n" + kVault);
  EXPECT_THAT(error(), HasSubstr("main.tf:4:1: error E_POLICY_SUPPRESSION: expires: "));
  write("main.tf", std::string(kProvider) + "# snapkey:ignore INDETERMINATE because=x\n" + kVault);
  EXPECT_EQ(error(),
            "main.tf:4:1: error E_POLICY_SUPPRESSION: expected reason=\"...\" or "
            "expires=YYYY-MM-DD, found 'because'");
  write("main.tf", std::string(kProvider) + "# snapkey:ignore\n" + kVault);
  EXPECT_EQ(error(),
            "main.tf:4:1: error E_POLICY_SUPPRESSION: expected the id of a check after "
            "snapkey:ignore, found nothing");
}

TEST_F(Source, AnIgnoreCommentAboveAnotherBlockIsAnError) {
  write("main.tf", std::string(kProvider) +
                       "# snapkey:ignore INDETERMINATE reason=\"x\"\nresource \"aws_kms_key\" "
                       "\"k\" {}\n");
  EXPECT_EQ(error(),
            "main.tf:4:1: error E_POLICY_SUPPRESSION: expected snapkey:ignore above a "
            "vault or a database (aws_backup_vault, aws_rds_cluster, aws_db_instance, "
            "...), found it above aws_kms_key.k");
}

TEST_F(Source, SyntaxErrorsNameTheFileLineAndColumn) {
  write("main.tf", "resource \"aws_backup_vault\" \"v\" {\n  name = \n}\n");
  EXPECT_EQ(error(), "main.tf:2:9: error E_HCL_SYNTAX: expected a value after 'name =', found '}'");
}

TEST_F(Source, AnUndeclaredReferenceIsAnError) {
  write("main.tf",
        std::string(kProvider) + "resource \"aws_backup_vault\" \"v\" {\n  name = var.nope\n}\n");
  EXPECT_THAT(error(), HasSubstr("main.tf:5:10: error E_TERRAFORM_REFERENCE: expected a variable "
                                 "\"nope\" declared in"));
}

TEST_F(Source, ADeclarationTwiceIsAnError) {
  write("a.tf", "variable \"x\" {}\n");
  write("b.tf", "variable \"x\" {}\n");
  EXPECT_THAT(error(), HasSubstr("b.tf:1:1: error E_TERRAFORM_DECLARATION: expected one variable "
                                 "'x', found a second (the first is at"));
}

// Terraform: Invalid combination of "count" and "for_each". (for_each's value had been read as
// the count's: "expected a map or a set of strings as for_each, found 2".)
TEST_F(Source, CountAndForEachTogetherAreAnError) {
  write("main.tf", std::string(kProvider) +
                       "resource \"aws_backup_vault\" \"v\" {\n  for_each = toset([\"a\"])\n"
                       "  count    = 2\n  name     = \"v\"\n}\n");
  EXPECT_EQ(error(),
            "main.tf:5:3: error E_TERRAFORM_DECLARATION: expected count or for_each, found both "
            "(count at main.tf:6:3); they are mutually exclusive");
}

TEST_F(Source, ABadForEachIsAnError) {
  write("main.tf",
        std::string(kProvider) +
            "resource \"aws_backup_vault\" \"v\" {\n  for_each = [1]\n  name = \"v\"\n}\n");
  EXPECT_EQ(error(),
            "main.tf:5:3: error E_TERRAFORM_EXPRESSION: expected a map or a set of "
            "strings as for_each, found a list holding 1");
}

// The JSON syntax (.tf.json, cdktf's cdk.tf.json): the same configuration as the native syntax.
constexpr const char* kJsonProvider =
    R"("provider": {"aws": [{"region": "eu-west-1"},
                            {"alias": "east", "region": "us-east-1"}]})";

TEST_F(Source, JsonSyntaxReadsLikeTheNativeSyntax) {
  write("main.tf.json", std::string("{") + kJsonProvider + R"(,
  "variable": {"env": {"type": "string", "default": "prod"}},
  "locals": {"vault": "${var.env}-vault"},
  "resource": {
    "aws_kms_key": {"k": {"provider": "aws.east", "description": "k"}},
    "aws_backup_vault": {
      "v": {
        "provider": "aws.east",
        "name": "${local.vault}",
        "kms_key_arn": "${aws_kms_key.k.arn}"
      }
    }
  }
})");
  const ModelInput in = input();
  const Vault* v = vault(in, "prod-vault");
  ASSERT_NE(v, nullptr);
  EXPECT_THAT(v->arn, HasSubstr(":us-east-1:"));
  EXPECT_EQ(v->location.to_string(), path("main.tf.json") + ":8:7");
  ASSERT_EQ(in.keys.size(), 1u);
  EXPECT_EQ(v->key, in.keys[0].name);
}

TEST_F(Source, JsonAndNativeFilesMakeOneModule) {
  write("providers.tf", kProvider);
  write("vaults.tf.json", R"({"resource": {"aws_backup_vault": {"v": {"name": "${var.n}"}}}})");
  write("variables.tf", "variable \"n\" {\n  default = \"mixed\"\n}\n");
  EXPECT_NE(vault(input(), "mixed"), nullptr);
}

TEST_F(Source, JsonDynamicBlocksAndBlockLists) {
  write("main.tf", kProvider);
  write("plan.tf.json", R"({"resource": {
  "aws_backup_vault": {"a": {"name": "a"}, "b": {"name": "b"}},
  "aws_backup_plan": {"p": {"name": "p", "rule": [
    {"rule_name": "one", "target_vault_name": "${aws_backup_vault.a.name}",
     "dynamic": {"copy_action": {"for_each": "${[aws_backup_vault.b.arn]}",
       "content": {"destination_vault_arn": "${copy_action.value}",
                   "lifecycle": {"delete_after": 7}}}}},
    {"rule_name": "two", "target_vault_name": "${aws_backup_vault.b.name}"}]}}}})");
  const ModelInput in = input();
  ASSERT_EQ(in.plans.size(), 1u);
  ASSERT_EQ(in.plans[0].rules.size(), 2u);
  const auto one = std::find_if(in.plans[0].rules.begin(), in.plans[0].rules.end(),
                                [](const auto& rule) { return rule.name == "one"; });
  ASSERT_NE(one, in.plans[0].rules.end());
  ASSERT_EQ(one->copy_to.size(), 1u);
  EXPECT_THAT(one->copy_to[0], HasSubstr("backup-vault:b"));
}

TEST_F(Source, TofuJsonReplacesTfJsonAndJsonOverridesMerge) {
  write("main.tf", kProvider);
  write("v.tf.json", R"({"resource": {"aws_backup_vault": {"v": {"name": "tf"}}}})");
  write("v.tofu.json", R"({"resource": {"aws_backup_vault": {"v": {"name": "tofu"}}}})");
  EXPECT_NE(vault(input(), "tofu"), nullptr);
  write("v_override.tf.json", R"({"resource": {"aws_backup_vault": {"v": {"name": "over"}}}})");
  EXPECT_NE(vault(input(), "over"), nullptr);
}

TEST_F(Source, JsonVariableFiles) {
  write("main.tf",
        std::string(kProvider) +
            "variable \"a\" {}\nvariable \"b\" {}\n"
            "resource \"aws_backup_vault\" \"v\" {\n  name = \"${var.a}-${var.b}\"\n}\n");
  write("terraform.tfvars.json", R"({"a": "json", "b": "json"})");
  write("x.auto.tfvars.json", R"({"b": "auto"})");
  EXPECT_NE(vault(input(), "json-auto"), nullptr);
  write("given.tfvars.json", R"({"a": "given"})");
  TerraformOptions options;
  options.variable_files = {path("given.tfvars.json")};
  EXPECT_NE(vault(input(options), "given-auto"), nullptr);
  write("x.auto.tfvars.json", R"({"b": {"nested": "${var.a}"}})");
  EXPECT_EQ(error(),
            "x.auto.tfvars.json:1:21: error E_TERRAFORM_VARIABLE: expected a constant value, "
            "found the reference var.a");
}

TEST_F(Source, JsonErrorsNameTheFileLineAndColumn) {
  write("main.tf.json", "{\"resource\": {\n  \"aws_backup_vault\": {\"v\": \"x\"}}}");
  EXPECT_EQ(error(),
            "main.tf.json:2:29: error E_HCL_SYNTAX: expected an object for the body of the "
            "resource block \"aws_backup_vault\" \"v\" (or an array of them), found a string");
  write("main.tf.json", R"({"resorce": {}})");
  EXPECT_EQ(error(),
            "main.tf.json:1:2: error E_TERRAFORM_DECLARATION: expected a resource, data, variable, "
            "locals, output, module, provider or terraform block, found 'resorce'");
  write("main.tf.json",
        R"({"resource": {"aws_backup_vault": {"v": {"provider": "aws.nowhere"}}}})");
  EXPECT_THAT(error(), HasSubstr("error E_TERRAFORM_REFERENCE: expected a provider configuration "
                                 "aws.nowhere"));
}

TEST_F(Source, AModuleDirectoryWithoutFilesIsAnError) {
  write("main.tf", "module \"m\" {\n  source = \"./nothing\"\n}\n");
  fs::create_directories(dir_ / "nothing");
  EXPECT_THAT(error(), HasSubstr("error E_TERRAFORM_MODULE: expected Terraform configuration files "
                                 "(.tf, .tf.json, .tofu, .tofu.json) in"));
}

TEST_F(Source, ABadVarIsAnError) {
  write("main.tf", "variable \"n\" {\n  type = number\n}\n");
  TerraformOptions options;
  options.variables = {"n"};
  EXPECT_EQ(error(options),
            "--var: error E_TERRAFORM_VARIABLE: expected --var NAME=VALUE, found 'n'");
  // At the value that is wrong, naming the type's place.
  options.variables = {"n=many"};
  EXPECT_EQ(error(options),
            "--var: error E_TERRAFORM_VARIABLE: expected var.n to be of type number (its type at "
            "main.tf:2:3), found \"many\"");
  // As terraform -var: a variable the root does not declare is an error (a .tfvars file's value
  // for one is ignored, as Terraform only warns).
  options.variables = {"m=1"};
  const std::string dir = path().substr(0, path().size() - 1);
  EXPECT_EQ(error(options),
            "--var: error E_TERRAFORM_VARIABLE: expected a variable \"m\" declared in " + dir +
                " for --var m=1, found none; did you mean 'n'?");
}

TEST_F(Source, AValueOfTheWrongTypeIsAnErrorWhereItIsWritten) {
  write("main.tf", "variable \"n\" {\n  type    = number\n  default = \"many\"\n}\n");
  EXPECT_EQ(error(),
            "main.tf:3:13: error E_TERRAFORM_VARIABLE: expected var.n to be of type number (its "
            "type at main.tf:2:3), found \"many\"");
  write("terraform.tfvars", "n = [1]\n");
  EXPECT_EQ(error(),
            "terraform.tfvars:1:5: error E_TERRAFORM_VARIABLE: expected var.n to be of type "
            "number (its type at main.tf:2:3), found a list of 1");
}

TEST_F(Source, AReferenceInATfvarsFileIsAnError) {
  write("main.tf", "variable \"n\" {}\n");
  write("terraform.tfvars", "n = var.m\n");
  EXPECT_EQ(error(),
            "terraform.tfvars:1:5: error E_TERRAFORM_VARIABLE: expected a constant value, "
            "found the reference var.m");
}

// terraform::source::read_texts (the fuzz targets' entry point): the same configuration given as
// text reads as it does from disk, modules included, and nothing else is read from disk.
TEST_F(Source, TextsReadAsTheDirectoryWould) {
  const std::string root = std::string(kProvider) +
                           "variable \"suffix\" {\n  default = \"default\"\n}\n"
                           "module \"m\" {\n  source = \"./modules/m\"\n"
                           "  name = \"from-${var.suffix}\"\n}\n";
  const std::string module =
      "variable \"name\" {}\n"
      "resource \"aws_backup_vault\" \"v\" {\n  name = var.name\n}\n";
  write("main.tf", root);
  write("modules/m/main.tf", module);
  const ModelInput from_disk = input();
  // A terraform.tfvars on disk, where the texts say their directory is: not read.
  write("terraform.tfvars", "suffix = \"tfvars\"\n");
  const std::vector<detail::SourceFile> files = {{path("main.tf"), root},
                                                 {path("modules/m/main.tf"), module}};
  TerraformOptions options;
  options.account = "111111111111";
  auto from_texts = terraform::source::read_texts(dir_.string(), files, options);
  ASSERT_TRUE(from_texts) << from_texts.error().to_string();
  ASSERT_EQ(from_texts->vaults.size(), 1u);
  ASSERT_EQ(from_disk.vaults.size(), 1u);
  EXPECT_EQ(from_texts->vaults[0].name, "from-default");
  EXPECT_EQ(from_texts->vaults[0].arn, from_disk.vaults[0].arn);
  EXPECT_EQ(from_texts->vaults[0].address, "module.m.aws_backup_vault.v");
  EXPECT_EQ(from_texts->vaults[0].location, from_disk.vaults[0].location);
  EXPECT_EQ(from_texts->vaults[0].location.file, path("modules/m/main.tf"));
}

TEST_F(Source, TextsWithoutTheModuleTheyCallAreAnError) {
  const std::string root = "module \"m\" {\n  source = \"./m\"\n}\n";
  write("m/main.tf", "resource \"aws_backup_vault\" \"v\" {\n  name = \"v\"\n}\n");
  auto read = terraform::source::read_texts(dir_.string(), {{path("main.tf"), root}}, {});
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().id, "E_TERRAFORM_MODULE");
}

// Found by fuzzing (tests/fuzz/corpus/terraform_source/regress-locals-chain): each reference is
// evaluated in the evaluation of the one that names it, and a chain of 700 locals overflowed the
// stack (5,000 without the sanitizers).
TEST_F(Source, AChainOfReferencesDeeperThanTheLimitIsAnError) {
  std::string locals = "locals {\n";
  for (int i = 0; i < 300; ++i) locals += fmt::format("  a{} = local.a{}\n", i, i + 1);
  write("main.tf", std::string(kProvider) + locals + "  a300 = \"v\"\n}\n" +
                       "resource \"aws_backup_vault\" \"v\" {\n  name = local.a0\n}\n");
  EXPECT_EQ(error(),
            "main.tf:260:10: error E_INPUT_DEPTH: expected expressions and the values they refer "
            "to nested at most 256 levels deep, found more");
}

}  // namespace
}  // namespace snapkey::io
