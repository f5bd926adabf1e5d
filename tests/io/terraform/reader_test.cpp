// The Terraform plan reader (`terraform show -json`): every resource type and attribute it reads,
// values unknown until apply followed through the configuration, what stays unresolvable, provider
// Regions and accounts, modules, count and for_each, and every error it raises.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "io/terraform/address.hpp"
#include "io/terraform/policy.hpp"
#include "snapkey/io/terraform.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::io {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

const std::string kData = std::string(SNAPKEY_TEST_DATA) + "/";
constexpr const char* kFile = "plan.json";
constexpr const char* kAccount = "111111111111";

// ---------------------------------------------------------------------------------------------
// A plan, built from the parts a test cares about.

// `text` as a JSON string (the texts here have no characters to escape but quotes).
std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

// {"references": [...]}
std::string refs(std::initializer_list<std::string_view> references) {
  std::vector<std::string> items;
  for (std::string_view r : references) items.push_back(quote(r));
  return fmt::format(R"({{"references": [{}]}})", fmt::join(items, ", "));
}
std::string constant(std::string_view json) {
  return fmt::format(R"({{"constant_value": {}}})", json);
}

// One resource_changes entry: change("aws_backup_vault", "v").after(...).unknown(...).
struct Change {
  std::string type_;
  std::string name_;
  std::string after_ = "{}";
  std::string unknown_ = "{}";
  std::string module_;  // module_address
  std::string index_;   // JSON: 0 or "us-east-1" quoted
  bool data_ = false;
  std::string actions_ = R"(["create"])";

  Change after(std::string v) const { return with(&Change::after_, std::move(v)); }
  Change unknown(std::string v) const { return with(&Change::unknown_, std::move(v)); }
  Change module(std::string v) const { return with(&Change::module_, std::move(v)); }
  Change index(std::string v) const { return with(&Change::index_, std::move(v)); }
  Change actions(std::string v) const { return with(&Change::actions_, std::move(v)); }
  Change data() const {
    Change c = *this;
    c.data_ = true;
    return c;
  }

  std::string address() const {
    std::string out =
        (module_.empty() ? "" : module_ + ".") + (data_ ? "data." : "") + type_ + "." + name_;
    return index_.empty() ? out : out + "[" + index_ + "]";
  }
  std::string json() const {
    return fmt::format(
        R"({{"address": {},{} "mode": "{}", "type": "{}", "name": "{}",{} )"
        R"("provider_name": "registry.terraform.io/hashicorp/aws", "change": {{"actions": {}, )"
        R"("before": null, "after": {}, "after_unknown": {}, "before_sensitive": false, )"
        R"("after_sensitive": {{}}}}}})",
        quote(address()),
        module_.empty() ? "" : fmt::format(R"( "module_address": {},)", quote(module_)),
        data_ ? "data" : "managed", type_, name_,
        index_.empty() ? "" : fmt::format(R"( "index": {},)", index_), actions_, after_, unknown_);
  }

 private:
  Change with(std::string Change::*member, std::string v) const {
    Change c = *this;
    c.*member = std::move(v);
    return c;
  }
};
Change change(std::string type, std::string name) {
  Change c;
  c.type_ = std::move(type);
  c.name_ = std::move(name);
  return c;
}

// One resource block of the configuration: block("aws_backup_vault", "v").expressions(...).
struct Block {
  std::string type_;
  std::string name_;
  std::string expressions_ = "{}";
  std::string provider_ = "aws";
  bool data_ = false;
  std::string extra_;  // more members, e.g. "count_expression": {...}

  Block expressions(std::string v) const { return with(&Block::expressions_, std::move(v)); }
  Block provider(std::string v) const { return with(&Block::provider_, std::move(v)); }
  Block extra(std::string v) const { return with(&Block::extra_, std::move(v)); }
  Block data() const {
    Block b = *this;
    b.data_ = true;
    return b;
  }

  std::string json() const {
    const std::string local = (data_ ? "data." : "") + type_ + "." + name_;
    return fmt::format(R"({{"address": "{}", "mode": "{}", "type": "{}", "name": "{}", )"
                       R"("provider_config_key": "{}", "expressions": {}, "schema_version": 0{}}})",
                       local, data_ ? "data" : "managed", type_, name_, provider_, expressions_,
                       extra_.empty() ? "" : ", " + extra_);
  }

 private:
  Block with(std::string Block::*member, std::string v) const {
    Block b = *this;
    b.*member = std::move(v);
    return b;
  }
};
Block block(std::string type, std::string name) {
  Block b;
  b.type_ = std::move(type);
  b.name_ = std::move(name);
  return b;
}

constexpr const char* kProviders = R"({
  "aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
          "expressions": {"region": {"constant_value": "ap-northeast-1"}}},
  "aws.virginia": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
                   "alias": "virginia", "expressions": {"region": {"constant_value": "us-east-1"}}}
})";

constexpr const char* kCaller = R"([{
  "address": "data.aws_caller_identity.current", "mode": "data", "type": "aws_caller_identity",
  "name": "current", "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
  "values": {"account_id": "111111111111", "arn": "arn:aws:iam::111111111111:user/ci",
             "id": "111111111111", "user_id": "AIDAEXAMPLE"}, "sensitive_values": {}
}])";

struct PlanText {
  std::vector<Change> changes;
  std::vector<Block> blocks;
  std::string providers = kProviders;
  std::string prior = kCaller;  // prior_state root_module resources
  std::string prior_modules;    // its child_modules
  std::string variables = "{}";
  std::string root_extra;  // more members of configuration.root_module ("module_calls": ...)
  std::string format_version = "1.2";
  std::string terraform_version = "1.9.8";

  std::string json() const {
    std::vector<std::string> changes_json, blocks_json;
    for (const Change& c : changes) changes_json.push_back(c.json());
    for (const Block& b : blocks) blocks_json.push_back(b.json());
    return fmt::format(
        R"({{"format_version": "{}", "terraform_version": "{}", "variables": {}, )"
        R"("planned_values": {{"root_module": {{}}}}, "resource_changes": [{}], )"
        R"("prior_state": {{"format_version": "1.0", "terraform_version": "1.9.8", )"
        R"("values": {{"root_module": {{"resources": {}{}}}}}}}, )"
        R"("configuration": {{"provider_config": {}, "root_module": {{"resources": [{}]{}}}}}, )"
        R"("timestamp": "2026-01-15T02:41:07Z", "applyable": true, "complete": true, )"
        R"("errored": false}})",
        format_version, terraform_version, variables, fmt::join(changes_json, ",\n"), prior,
        prior_modules.empty() ? "" : ", \"child_modules\": " + prior_modules, providers,
        fmt::join(blocks_json, ",\n"), root_extra.empty() ? "" : ", " + root_extra);
  }
};

ModelInput read(const PlanText& plan, const TerraformOptions& options = {}) {
  auto input = read_terraform_plan(plan.json(), kFile, options);
  if (!input) {
    ADD_FAILURE() << input.error().to_string() << "\n" << plan.json();
    return {};
  }
  return std::move(input).value();
}

Error read_error(const PlanText& plan, const TerraformOptions& options = {}) {
  auto input = read_terraform_plan(plan.json(), kFile, options);
  if (input) {
    ADD_FAILURE() << "expected an error";
    return {};
  }
  return input.error();
}

template <typename T>
const T& named(const std::vector<T>& items, std::string_view name) {
  static const T none{};
  for (const T& item : items) {
    if (item.name == name) return item;
  }
  ADD_FAILURE() << "nothing named " << name;
  return none;
}

Location at(std::string pointer) { return Location{kFile, 0, 0, std::move(pointer)}; }

void expect_builds(const ModelInput& input) {
  auto model = Model::build(input);
  EXPECT_TRUE(model) << model.error().to_string();
}

// One resource of the prior state (every value known).
std::string state(std::string_view type, std::string_view name, std::string_view values,
                  bool data = true) {
  return fmt::format(
      R"({{"address": "{}{}.{}", "mode": "{}", "type": "{}", "name": "{}", )"
      R"("provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0, )"
      R"("values": {}, "sensitive_values": {{}}}})",
      data ? "data." : "", type, name, data ? "data" : "managed", type, name, values);
}
std::string prior(std::initializer_list<std::string> resources) {
  std::string caller(kCaller);
  caller = caller.substr(1, caller.size() - 2);  // without the brackets
  std::vector<std::string> all = {caller};
  all.insert(all.end(), resources.begin(), resources.end());
  return fmt::format("[{}]", fmt::join(all, ",\n"));
}

constexpr const char* kAppKeyArn =
    "arn:aws:kms:ap-northeast-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef";
constexpr const char* kPlainKeyArn =
    "arn:aws:kms:ap-northeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

// Common resources.
Change vault(std::string name, std::string vault_name, std::string module = "") {
  return change("aws_backup_vault", std::move(name))
      .after(fmt::format(R"({{"name": "{}", "force_destroy": false}})", vault_name))
      .unknown(R"({"arn": true, "id": true, "kms_key_arn": true})")
      .module(std::move(module));
}
Change mrk(std::string name) {
  return change("aws_kms_key", std::move(name))
      .after(R"({"multi_region": true, "is_enabled": true, "description": "k"})")
      .unknown(R"({"arn": true, "id": true, "key_id": true, "policy": true})");
}

// ---------------------------------------------------------------------------------------------
// The shared estate and the example

TEST(TerraformReader, EstatePredictsTheReadmeTable) {
  auto input = read_terraform_plan_file(kData + "estate/terraform/plan.json");
  ASSERT_TRUE(input) << input.error().to_string();
  EXPECT_EQ(named(input->resources, "orders").address, "aws_rds_cluster.orders");
  EXPECT_EQ(named(input->vaults, "dr").address, "aws_backup_vault.dr");
  EXPECT_EQ(named(input->keys, "app-key-replica").address, "aws_kms_replica_key.app");
  auto model = Model::build(std::move(input).value());
  ASSERT_TRUE(model) << model.error().to_string();
  const Predictions predictions = predict(*model, {});
  std::vector<std::string> rows;
  for (const Prediction& p : predictions.recovery_points) {
    rows.push_back(fmt::format("{} {} {} {} {}", p.id, to_string(p.outcome),
                               p.key ? p.key->alias() : "-", p.key ? p.key->region.name : "-",
                               p.rules.back()));
  }
  std::sort(rows.begin(), rows.end());
  EXPECT_THAT(rows, ElementsAre("billing@Default encrypted alias/aws/rds us-east-1 R9",
                                "billing@dr encrypted alias/app-key-replica us-east-1 R7",
                                "billing@primary encrypted alias/aws/rds ap-northeast-1 R2",
                                "orders@Default encrypted alias/aws/rds us-east-1 R9",
                                "orders@dr encrypted alias/app-key-replica us-east-1 R7",
                                "orders@primary encrypted alias/app-key ap-northeast-1 R2"));
  const Prediction* orders = predictions.find("orders@dr");
  ASSERT_NE(orders, nullptr);
  EXPECT_EQ(orders->resource_address, "aws_rds_cluster.orders");
  EXPECT_EQ(orders->vault_address, "aws_backup_vault.dr");
  EXPECT_EQ(orders->key->address, "aws_kms_replica_key.app");
}

TEST(TerraformReader, ExampleHasModulesCountAndAnUnresolvableKey) {
  auto input =
      read_terraform_plan_file(std::string(SNAPKEY_SOURCE_DIR) + "/examples/terraform/plan.json");
  ASSERT_TRUE(input) << input.error().to_string();
  EXPECT_EQ(named(input->resources, "reports-1").address, "aws_db_instance.reports[1]");
  EXPECT_EQ(named(input->vaults, "payments-dr-us-west-2").address,
            "module.dr[\"us-west-2\"].aws_backup_vault.this");
  EXPECT_EQ(named(input->vaults, "payments-dr-us-west-2").arn,
            "arn:aws:backup:us-west-2:444455556666:backup-vault:payments-dr-us-west-2");
  auto model = Model::build(std::move(input).value());
  ASSERT_TRUE(model) << model.error().to_string();
  const Predictions predictions = predict(*model, {});
  EXPECT_EQ(predictions.recovery_points.size(), 12u);
  const Prediction* audit = predictions.find("ledger@payments-audit");
  ASSERT_NE(audit, nullptr);
  EXPECT_EQ(audit->outcome, Outcome::indeterminate);
  EXPECT_THAT(audit->unknowns,
              ElementsAre("the key of vault payments-audit: aws_backup_vault.audit: kms_key_arn "
                          "is known only after apply, and module.audit_key.key_arn refers to "
                          "several things: aws_kms_key.this[0].arn, var.existing_key_arn"));
  const Prediction* dr = predictions.find("ledger@payments-dr-us-west-2");
  ASSERT_NE(dr, nullptr);
  EXPECT_EQ(dr->outcome, Outcome::encrypted);
  EXPECT_EQ(dr->key->address, "module.dr[\"us-west-2\"].aws_kms_replica_key.this");
  EXPECT_EQ(dr->key->region.name, "us-west-2");
}

// ---------------------------------------------------------------------------------------------
// The document

TEST(TerraformReader, ReadsFormats01And02And1x) {
  PlanText plan;
  for (const char* version : {"0.1", "0.2", "1.0", "1.2", "1.9"}) {
    plan.format_version = version;  // a newer minor version: unknown properties are ignored
    EXPECT_TRUE(read_terraform_plan(plan.json(), kFile)) << version;
  }
}

TEST(TerraformReader, RejectsAFormatItDoesNotKnowAndSaysWhichTerraformWroteIt) {
  PlanText plan;
  plan.format_version = "2.0";
  plan.terraform_version = "2.1.0";
  EXPECT_EQ(read_error(plan).to_string(),
            "plan.json#/format_version: error E_TERRAFORM_VERSION: expected a Terraform plan of "
            "format 0.1, 0.2 or 1.x (Terraform 0.12 or later), found format_version '2.0' "
            "written by Terraform 2.1.0");
  plan.format_version = "0.3";
  plan.terraform_version = "0.16.0";
  EXPECT_EQ(read_error(plan).to_string(),
            "plan.json#/format_version: error E_TERRAFORM_VERSION: expected a Terraform plan of "
            "format 0.1, 0.2 or 1.x (Terraform 0.12 or later), found format_version '0.3' "
            "written by Terraform 0.16.0");
  for (const char* version : {"0", "0.0", "0.12", "1.x", "v1.2", ""}) {
    plan.format_version = version;
    EXPECT_EQ(read_error(plan).id, "E_TERRAFORM_VERSION") << version;
  }
  auto missing =
      read_terraform_plan(R"({"terraform_version": "1.9.8", "planned_values": {}})", kFile);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().to_string(),
            "plan.json#/format_version: error E_TERRAFORM_VERSION: expected a Terraform plan of "
            "format 0.1, 0.2 or 1.x (Terraform 0.12 or later), found no format_version, in a plan "
            "written by Terraform 1.9.8");
  auto anonymous = read_terraform_plan(R"({"format_version": "3.0", "planned_values": {}})", kFile);
  ASSERT_FALSE(anonymous);
  EXPECT_EQ(anonymous.error().to_string(),
            "plan.json#/format_version: error E_TERRAFORM_VERSION: expected a Terraform plan of "
            "format 0.1, 0.2 or 1.x (Terraform 0.12 or later), found format_version '3.0' with "
            "no terraform_version");
  auto number = read_terraform_plan(R"({"format_version": 1.2, "planned_values": {}})", kFile);
  ASSERT_FALSE(number);
  EXPECT_EQ(number.error().id, "E_JSON_TYPE");
}

// The same configuration planned by Terraform 0.13 (format 0.1: references without attributes,
// module resources' provider keys named after the module), 1.0 (format 0.2: sensitive values, a
// module's required_providers entry) and 1.9 (format 1.2): the same predictions.
TEST(TerraformReader, EveryFormatPredictsTheSame) {
  std::vector<std::vector<std::string>> all;
  for (const char* file : {"format-0.1-terraform-0.13.json", "format-0.2-terraform-1.0.json",
                           "format-1.2-terraform-1.9.json"}) {
    SCOPED_TRACE(file);
    auto input = read_terraform_plan_file(kData + "terraform/" + file);
    ASSERT_TRUE(input) << input.error().to_string();
    const Vault& dr = named(input->vaults, "orders-dr");
    EXPECT_EQ(dr.address, "module.dr.aws_backup_vault.this");
    EXPECT_EQ(dr.arn, "arn:aws:backup:us-east-1:111111111111:backup-vault:orders-dr");
    EXPECT_EQ(named(input->resources, "orders").key, "alias/orders");
    auto model = Model::build(std::move(input).value());
    ASSERT_TRUE(model) << model.error().to_string();
    const Predictions predictions = predict(*model, {});
    std::vector<std::string> rows;
    for (const Prediction& p : predictions.recovery_points) {
      rows.push_back(fmt::format("{} {} {} {} {}", p.id, to_string(p.outcome),
                                 p.key ? p.key->alias() : "-", p.key ? p.key->region.name : "-",
                                 p.rules.empty() ? "-" : p.rules.back()));
    }
    std::sort(rows.begin(), rows.end());
    all.push_back(rows);
  }
  ASSERT_EQ(all.size(), 3u);
  EXPECT_THAT(all[2], ElementsAre("orders@orders-dr encrypted alias/aws/rds us-east-1 R9",
                                  "orders@primary encrypted alias/orders ap-northeast-1 R2"));
  EXPECT_EQ(all[0], all[2]);
  EXPECT_EQ(all[1], all[2]);
}

// Terraform before 1.2 names a module resource's provider configuration after the module
// ("dr:aws"), not after the configuration the module is given.
TEST(TerraformReader, FollowsAnOlderModuleProviderKeyWhereOnlyOneConfigurationFits) {
  PlanText plan;
  plan.format_version = "0.1";
  plan.terraform_version = "0.13.7";
  plan.providers = R"({"aws": {"name": "aws",
                               "expressions": {"region": {"constant_value": "eu-west-1"}}}})";
  plan.changes = {vault("this", "dr", "module.outer.module.dr")};
  plan.root_extra = R"("module_calls": {"outer": {"source": "./outer", "module": {
      "module_calls": {"dr": {"source": "./dr", "module": {"resources": [
        {"address": "aws_backup_vault.this", "mode": "managed", "type": "aws_backup_vault",
         "name": "this", "provider_config_key": "dr:aws", "schema_version": 0,
         "expressions": {"name": {"constant_value": "dr"}}}]}}}}}})";
  const ModelInput input = read(plan);
  EXPECT_EQ(named(input.vaults, "dr").arn, "arn:aws:backup:eu-west-1:111111111111:backup-vault:dr");
  expect_builds(input);
}

TEST(TerraformReader, UsesTheConfigurationAnOlderPlanDeclaresInTheModule) {
  PlanText plan;
  plan.format_version = "0.2";
  plan.terraform_version = "1.0.11";
  plan.changes = {vault("this", "dr", "module.dr")};
  plan.root_extra = R"("module_calls": {"dr": {"source": "./dr", "module": {"resources": [
      {"address": "aws_backup_vault.this", "mode": "managed", "type": "aws_backup_vault",
       "name": "this", "provider_config_key": "dr:aws", "schema_version": 0,
       "expressions": {"name": {"constant_value": "dr"}}}]}}})";
  // Keyed as Terraform 0.13 to 1.1 write it, and with the module path as Terraform 0.12 does.
  for (const char* key : {"module.dr:aws", "dr:aws"}) {
    plan.providers = fmt::format(
        R"({{"aws": {{"name": "aws", "expressions": {{"region": {{"constant_value": "ap-northeast-1"}}}}}},
            "{}": {{"name": "aws", "module_address": "{}",
                    "expressions": {{"region": {{"constant_value": "sa-east-1"}}}}}}}})",
        key, std::string_view(key).substr(0, std::string_view(key).find(':')));
    const ModelInput input = read(plan);
    EXPECT_EQ(named(input.vaults, "dr").arn,
              "arn:aws:backup:sa-east-1:111111111111:backup-vault:dr")
        << key;
  }
}

TEST(TerraformReader, AsksWhichConfigurationAnOlderPlanGivesAModule) {
  PlanText plan;
  plan.format_version = "0.1";
  plan.terraform_version = "0.13.7";
  plan.changes = {vault("this", "dr", "module.dr")};
  const std::string module = R"("module_calls": {"dr": {"source": "./dr", "module": {"resources": [
      {"address": "aws_backup_vault.this", "mode": "managed", "type": "aws_backup_vault",
       "name": "this", "provider_config_key": "dr:aws", "schema_version": 0,
       "expressions": {"name": {"constant_value": "dr"}}}%s]}}})";
  plan.root_extra = module;
  plan.root_extra.replace(plan.root_extra.find("%s"), 2, "");
  const Error error = read_error(plan);
  EXPECT_EQ(error.id, "E_TERRAFORM_UNRESOLVED");
  EXPECT_EQ(error.message,
            "cannot tell the Region of provider configuration 'module.dr:aws', which "
            "module.dr.aws_backup_vault.this uses: the plan (written by Terraform 0.13.7) does "
            "not say which provider configuration module.dr is given, and it may be any of aws "
            "(ap-northeast-1, 111111111111), aws.virginia (us-east-1, 111111111111); read "
            "data.aws_region and data.aws_caller_identity with it in the module, or plan with "
            "Terraform 1.2 or later");
  EXPECT_EQ(error.location, at("/resource_changes/0"));

  // A data.aws_region read in the module tells.
  plan.root_extra = module;
  plan.root_extra.replace(plan.root_extra.find("%s"), 2,
                          R"(, {"address": "data.aws_region.current", "mode": "data",
                                "type": "aws_region", "name": "current",
                                "provider_config_key": "dr:aws", "schema_version": 0})");
  plan.prior_modules = R"([{"address": "module.dr", "resources": [
      {"address": "module.dr.data.aws_region.current", "mode": "data", "type": "aws_region",
       "name": "current", "provider_name": "registry.terraform.io/hashicorp/aws",
       "schema_version": 0, "values": {"id": "us-east-1", "name": "us-east-1"}}]}])";
  const ModelInput input = read(plan);
  EXPECT_EQ(named(input.vaults, "dr").arn, "arn:aws:backup:us-east-1:111111111111:backup-vault:dr");
  expect_builds(input);
}

TEST(TerraformReader, NeedsAFormatVersionAndPlannedValues) {
  auto missing = read_terraform_plan(R"({"planned_values": {}})", kFile);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().id, "E_TERRAFORM_VERSION");
  EXPECT_EQ(missing.error().location, at("/format_version"));
  // `terraform show -json` of a state (not a plan) has "values" instead.
  auto state = read_terraform_plan(R"({"format_version": "1.0", "values": {}})", kFile);
  ASSERT_FALSE(state);
  EXPECT_EQ(state.error().to_string(),
            "plan.json#/planned_values: error E_JSON_MISSING: expected an object at "
            "/planned_values, found nothing: this is a Terraform state (terraform show -json), "
            "not a plan; give the output of terraform show -json PLANFILE for a plan saved with "
            "terraform plan -out PLANFILE");
  auto list = read_terraform_plan("[]", kFile);
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().to_string(),
            "plan.json#/: error E_JSON_TYPE: expected a Terraform plan (an object) at /, found a "
            "list");
}

TEST(TerraformReader, ReportsJsonSyntaxErrorsWithTheByteOffset) {
  auto input = read_terraform_plan("{\"format_version\": \"1.2\",}", kFile);
  ASSERT_FALSE(input);
  EXPECT_EQ(input.error().id, "E_JSON");
  EXPECT_THAT(input.error().message, ::testing::StartsWith("not valid JSON at byte "));
  EXPECT_EQ(input.error().location.file, kFile);
  const std::string path = kData + "terraform/no-such-plan.json";
  auto file = read_terraform_plan_file(path);
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().id, "E_FILE");
  EXPECT_EQ(file.error().message, "cannot read " + path + ": no such file");
  EXPECT_EQ(file.error().location, (Location{path, 0, 0, ""}));
}

TEST(TerraformReader, ReportsValuesOfTheWrongKind) {
  PlanText plan;
  plan.changes = {change("aws_kms_key", "k").after(R"({"multi_region": "yes"})")};
  Error error = read_error(plan);
  EXPECT_EQ(error.id, "E_JSON_TYPE");
  EXPECT_EQ(error.message,
            "expected true or false at /resource_changes/0/change/after/multi_region, found a "
            "string");
  EXPECT_EQ(error.location, at("/resource_changes/0/change/after/multi_region"));

  auto changes = read_terraform_plan(
      R"({"format_version": "1.2", "planned_values": {}, "resource_changes": {}})", kFile);
  ASSERT_FALSE(changes);
  EXPECT_EQ(changes.error().to_string(),
            "plan.json#/resource_changes: error E_JSON_TYPE: expected a list at "
            "/resource_changes, found an object");

  plan.changes = {change("aws_backup_vault", "v").index("true")};
  error = read_error(plan);
  EXPECT_EQ(error.to_string(),
            "plan.json#/resource_changes/0/index: error E_JSON_TYPE: expected a number or a "
            "string at /resource_changes/0/index, found a boolean");

  plan.changes = {change("aws_backup_vault", "v").after("[]")};
  EXPECT_EQ(read_error(plan).to_string(),
            "plan.json#/resource_changes/0/change/after: error E_JSON_TYPE: expected an object "
            "at /resource_changes/0/change/after, found a list");
}

// An action the format does not have would leave the instance out of the model, unnoticed.
TEST(TerraformReader, AnUnknownActionIsAnError) {
  PlanText plan;
  plan.changes = {change("aws_backup_vault", "v").actions(R"(["create", "explode"])")};
  EXPECT_EQ(read_error(plan).to_string(),
            "plan.json#/resource_changes/0/change/actions/1: error E_TERRAFORM_VALUE: expected an "
            "action no-op, create, read, update, delete or forget at "
            "/resource_changes/0/change/actions/1, found 'explode'");
}

TEST(TerraformReader, ReportsMissingMembers) {
  auto input = read_terraform_plan(
      R"({"format_version": "1.2", "planned_values": {},
          "resource_changes": [{"address": "aws_backup_vault.v", "mode": "managed",
                                "name": "v", "change": {"actions": ["create"], "after": {}}}]})",
      kFile);
  ASSERT_FALSE(input);
  EXPECT_EQ(input.error().to_string(),
            "plan.json#/resource_changes/0/type: error E_JSON_MISSING: expected a string at "
            "/resource_changes/0/type, found nothing");
  auto change = read_terraform_plan(
      R"({"format_version": "1.2", "planned_values": {},
          "resource_changes": [{"address": "aws_backup_vault.v", "mode": "managed",
                                "type": "aws_backup_vault", "name": "v"}]})",
      kFile);
  ASSERT_FALSE(change);
  EXPECT_EQ(change.error().to_string(),
            "plan.json#/resource_changes/0/change: error E_JSON_MISSING: expected an object at "
            "/resource_changes/0/change, found nothing");
}

// ---------------------------------------------------------------------------------------------
// Keys

TEST(TerraformReader, ReadsKeysReplicasAndAliases) {
  PlanText plan;
  plan.changes = {
      change("aws_kms_key", "app")
          .after(R"({"multi_region": true, "is_enabled": false,
                          "policy": "{\"Statement\":[{\"Action\":\"kms:*\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},\"Resource\":\"*\"},{\"Action\":[\"kms:Decrypt\",\"kms:CreateGrant\"],\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"222222222222\",\"arn:aws:iam::333333333333:role/backup\"]},\"Resource\":\"*\"}],\"Version\":\"2012-10-17\"}"})")
          .unknown(R"({"arn": true, "id": true, "key_id": true})"),
      change("aws_kms_key", "plain")
          .after(fmt::format(R"({{"arn": "{}", "key_id": "{}", "multi_region": false,
                                      "is_enabled": true}})",
                             kPlainKeyArn, "1234abcd-12ab-34cd-56ef-1234567890ab"))
          .unknown(R"({"policy": true})")
          .actions(R"(["no-op"])"),
      change("aws_kms_alias", "app")
          .after(R"({"name": "alias/app"})")
          .unknown(R"({"arn": true, "target_key_id": true, "target_key_arn": true})"),
      change("aws_kms_alias", "plain")
          .after(R"({"name": "alias/plain",
                          "target_key_id": "1234abcd-12ab-34cd-56ef-1234567890ab"})")
          .unknown(R"({"arn": true, "target_key_arn": true})"),
      change("aws_kms_replica_key", "app")
          .after(R"({"enabled": true})")
          .unknown(R"({"arn": true, "key_id": true, "primary_key_arn": true})"),
      change("aws_kms_alias", "app_replica")
          .after(R"({"name": "alias/app-replica"})")
          .unknown(R"({"arn": true, "target_key_id": true, "target_key_arn": true})"),
      change("aws_kms_replica_key", "old")
          .after(fmt::format(R"({{"enabled": true, "primary_key_arn": "{}"}})", kAppKeyArn))
          .unknown(R"({"arn": true, "key_id": true})"),
  };
  plan.blocks = {
      block("aws_kms_key", "app").expressions(R"({"multi_region": {"constant_value": true}})"),
      block("aws_kms_key", "plain"),
      block("aws_kms_alias", "app")
          .expressions(fmt::format(R"({{"target_key_id": {}}})",
                                   refs({"aws_kms_key.app.key_id", "aws_kms_key.app"}))),
      block("aws_kms_alias", "plain"),
      block("aws_kms_replica_key", "app")
          .expressions(fmt::format(R"({{"primary_key_arn": {}}})",
                                   refs({"aws_kms_key.app.arn", "aws_kms_key.app"})))
          .provider("aws.virginia"),
      block("aws_kms_alias", "app_replica")
          .expressions(
              fmt::format(R"({{"target_key_id": {}}})",
                          refs({"aws_kms_replica_key.app.key_id", "aws_kms_replica_key.app"})))
          .provider("aws.virginia"),
      block("aws_kms_replica_key", "old").provider("aws.virginia"),
  };
  const ModelInput input = read(plan);
  ASSERT_EQ(input.keys.size(), 5u);
  const Key& app = named(input.keys, "app");
  EXPECT_EQ(app.arn, "");  // known only after apply
  EXPECT_EQ(app.region.name, "ap-northeast-1");
  EXPECT_EQ(app.account.value, kAccount);
  EXPECT_EQ(app.manager, KeyManager::customer);
  EXPECT_EQ(app.multi_region, MultiRegion::primary);
  EXPECT_EQ(app.state, KeyState::disabled);
  EXPECT_THAT(app.aliases, ElementsAre("alias/app"));
  // A role is not its account: only an account root or AWS Backup's service-linked role (R30).
  EXPECT_THAT(app.shared_with, ElementsAre("222222222222"));
  EXPECT_EQ(app.address, "aws_kms_key.app");
  EXPECT_EQ(app.location, at("/resource_changes/0"));
  EXPECT_TRUE(app.generated_name);

  const Key& plain = named(input.keys, "plain");
  EXPECT_EQ(plain.arn, kPlainKeyArn);
  EXPECT_EQ(plain.multi_region, MultiRegion::none);
  EXPECT_THAT(plain.aliases, ElementsAre("alias/plain"));
  EXPECT_THAT(plain.shared_with, IsEmpty());  // policy known only after apply: not known
  EXPECT_EQ(plain.shared_with_unknown, "aws_kms_key.plain: policy is known only after apply");

  const Key& replica = named(input.keys, "app-replica");
  EXPECT_EQ(replica.region.name, "us-east-1");
  EXPECT_EQ(replica.multi_region, MultiRegion::replica);
  EXPECT_EQ(replica.primary, "app");  // no ARN yet: by name
  EXPECT_EQ(replica.address, "aws_kms_replica_key.app");

  // A replica of a key the plan does not have: the primary is added, known by its ARN only;
  // the replica has the primary's key id, so its ARN is known too.
  // (Both have the key id as their name, so the names fall back to address, else ARN.)
  const Key& old = named(input.keys, "aws_kms_replica_key.old");
  EXPECT_EQ(old.arn, "arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef");
  EXPECT_EQ(old.primary, kAppKeyArn);
  const Key& primary = named(input.keys, kAppKeyArn);
  EXPECT_EQ(primary.arn, kAppKeyArn);
  EXPECT_EQ(primary.multi_region, MultiRegion::primary);
  EXPECT_EQ(primary.manager, KeyManager::customer);  // multi-Region keys are customer managed
  EXPECT_EQ(primary.state, KeyState::unknown);
  EXPECT_EQ(primary.address, "");
  expect_builds(input);
}

TEST(TerraformReader, ReadsKeyDataSources) {
  PlanText plan;
  plan.prior = prior({
      state(
          "aws_kms_key", "backup",
          R"({"arn": "arn:aws:kms:ap-northeast-1:111111111111:key/0f0f0f0f-1111-2222-3333-444444444444",
                "key_id": "alias/aws/backup", "key_manager": "AWS", "key_state": "Enabled",
                "multi_region": false, "multi_region_configuration": [], "enabled": true})"),
      state(
          "aws_kms_key", "shared_replica",
          R"({"arn": "arn:aws:kms:ap-northeast-1:111111111111:key/mrk-00000000000000000000000000000001",
                "key_id": "arn:aws:kms:ap-northeast-1:111111111111:key/mrk-00000000000000000000000000000001",
                "key_manager": "CUSTOMER", "key_state": "PendingDeletion", "multi_region": true,
                "multi_region_configuration": [{"multi_region_key_type": "REPLICA",
                  "primary_key": [{"arn": "arn:aws:kms:eu-west-1:111111111111:key/mrk-00000000000000000000000000000001", "region": "eu-west-1"}],
                  "replica_keys": []}]})"),
      state(
          "aws_kms_alias", "rds",
          R"({"arn": "arn:aws:kms:ap-northeast-1:111111111111:alias/aws/rds", "name": "alias/aws/rds",
                "target_key_arn": "arn:aws:kms:ap-northeast-1:111111111111:key/0e0e0e0e-1111-2222-3333-444444444444",
                "target_key_id": "0e0e0e0e-1111-2222-3333-444444444444"})"),
  });
  plan.blocks = {block("aws_kms_key", "backup").data(),
                 block("aws_kms_key", "shared_replica").data(),
                 block("aws_kms_alias", "rds").data()};
  const ModelInput input = read(plan);
  ASSERT_EQ(input.keys.size(), 4u);
  const Key& backup = named(input.keys, "aws/backup");
  EXPECT_EQ(backup.manager, KeyManager::aws);
  EXPECT_EQ(backup.state, KeyState::enabled);
  EXPECT_THAT(backup.aliases, ElementsAre("alias/aws/backup"));
  EXPECT_EQ(backup.address, "data.aws_kms_key.backup");
  EXPECT_EQ(backup.location, at("/prior_state/values/root_module/resources/1"));
  const Key& rds = named(input.keys, "aws/rds");
  EXPECT_EQ(rds.arn,
            "arn:aws:kms:ap-northeast-1:111111111111:key/0e0e0e0e-1111-2222-3333-444444444444");
  EXPECT_EQ(rds.manager, KeyManager::aws);
  EXPECT_EQ(rds.address, "data.aws_kms_alias.rds");
  const Key& replica = named(input.keys, "data.aws_kms_key.shared_replica");
  EXPECT_EQ(replica.multi_region, MultiRegion::replica);
  EXPECT_EQ(replica.state, KeyState::pending_deletion);
  EXPECT_EQ(replica.primary,
            "arn:aws:kms:eu-west-1:111111111111:key/mrk-00000000000000000000000000000001");
  expect_builds(input);
}

TEST(TerraformReader, ReadsWhatKindOfKeyAKeyIs) {
  PlanText plan;
  plan.changes = {
      change("aws_kms_key", "mac")
          .after(R"({"multi_region": true, "is_enabled": true,
                     "customer_master_key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"})")
          .unknown(R"({"arn": true, "key_id": true})"),
      change("aws_kms_key", "plain")
          .after(R"({"multi_region": false, "customer_master_key_spec": "SYMMETRIC_DEFAULT",
                     "key_usage": "ENCRYPT_DECRYPT"})")
          .unknown(R"({"arn": true, "key_id": true})"),
      change("aws_kms_key", "by_variable")
          .after(R"({"multi_region": false})")
          .unknown(R"({"arn": true, "key_id": true, "customer_master_key_spec": true,
                       "key_usage": true})"),
      change("aws_kms_key", "later")
          .after(R"({"multi_region": false, "key_usage": "ENCRYPT_DECRYPT"})")
          .unknown(R"({"arn": true, "key_id": true, "customer_master_key_spec": true})"),
      change("aws_kms_replica_key", "mac")
          .after(R"({"enabled": true})")
          .unknown(R"({"arn": true, "key_id": true, "primary_key_arn": true})"),
      vault("later", "later"),
  };
  plan.variables = R"({"spec": {"value": "RSA_2048"}, "usage": {"value": "SIGN_VERIFY"}})";
  plan.prior = prior({state(
      "aws_kms_key", "signing",
      R"({"arn": "arn:aws:kms:ap-northeast-1:111111111111:key/0a0a0a0a-1111-2222-3333-444444444444",
          "key_id": "arn:aws:kms:ap-northeast-1:111111111111:key/0a0a0a0a-1111-2222-3333-444444444444",
          "key_manager": "CUSTOMER", "key_state": "Enabled", "multi_region": false,
          "customer_master_key_spec": "ECC_NIST_P256", "key_usage": "SIGN_VERIFY"})")});
  plan.blocks = {
      block("aws_kms_key", "mac"),
      block("aws_kms_key", "plain"),
      block("aws_kms_key", "by_variable")
          .expressions(fmt::format(R"({{"customer_master_key_spec": {}, "key_usage": {}}})",
                                   refs({"var.spec"}), refs({"var.usage"}))),
      block("aws_kms_key", "later")
          .expressions(fmt::format(R"({{"customer_master_key_spec": {}}})",
                                   refs({"random_shuffle.spec.result", "random_shuffle.spec"}))),
      block("aws_kms_replica_key", "mac")
          .provider("aws.virginia")
          .expressions(fmt::format(R"({{"primary_key_arn": {}}})",
                                   refs({"aws_kms_key.mac.arn", "aws_kms_key.mac"}))),
      block("aws_backup_vault", "later")
          .expressions(fmt::format(R"({{"kms_key_arn": {}}})",
                                   refs({"aws_kms_key.later.arn", "aws_kms_key.later"}))),
      block("aws_kms_key", "signing").data(),
  };
  const ModelInput input = read(plan);
  const Key& mac = named(input.keys, "aws_kms_key.mac");
  EXPECT_EQ(mac.spec, "HMAC_256");
  EXPECT_EQ(mac.usage, "GENERATE_VERIFY_MAC");
  const Key& replica = named(input.keys, "aws_kms_replica_key.mac");
  EXPECT_EQ(replica.spec, "HMAC_256");  // the primary's
  EXPECT_EQ(replica.usage, "GENERATE_VERIFY_MAC");
  EXPECT_EQ(named(input.keys, "aws_kms_key.plain").spec, "SYMMETRIC_DEFAULT");
  EXPECT_EQ(named(input.keys, "aws_kms_key.plain").usage, "ENCRYPT_DECRYPT");
  EXPECT_EQ(named(input.keys, "aws_kms_key.by_variable").spec, "RSA_2048");
  EXPECT_EQ(named(input.keys, "aws_kms_key.by_variable").usage, "SIGN_VERIFY");
  const Key& signing = named(input.keys, "0a0a0a0a-1111-2222-3333-444444444444");
  EXPECT_EQ(signing.spec, "ECC_NIST_P256");
  EXPECT_EQ(signing.usage, "SIGN_VERIFY");
  // Known only after apply: what kind of key it is is not known, so nor is what it encrypts.
  EXPECT_EQ(named(input.vaults, "later").key_unknown,
            "aws_kms_key.later: customer_master_key_spec is known only after apply, and its "
            "expression refers to random_shuffle.spec, which is not in the plan");
  expect_builds(input);
}

TEST(TerraformReader, KeysThatCannotBeDescribedMakeTheirUsersUnknown) {
  PlanText plan;
  plan.changes = {
      change("aws_kms_key", "k")
          .after(R"({"is_enabled": true})")
          .unknown(R"({"arn": true, "multi_region": true})"),
      change("aws_kms_replica_key", "r")
          .after(R"({"enabled": true})")
          .unknown(R"({"arn": true, "primary_key_arn": true})"),
      vault("by_key", "by-key"),
      vault("by_replica", "by-replica"),
      vault("by_data", "by-data"),
      change("aws_kms_key", "later")
          .data()
          .actions(R"(["read"])")
          .after(R"({"key_id": "alias/later"})")
          .unknown(R"({"arn": true})"),
  };
  plan.blocks = {
      block("aws_kms_key", "k")
          .expressions(fmt::format(R"({{"multi_region": {}}})", refs({"local.multi_region"}))),
      block("aws_kms_replica_key", "r")
          .provider("aws.virginia")
          .expressions(fmt::format(R"({{"primary_key_arn": {}}})", refs({"var.primary_arn"}))),
      block("aws_backup_vault", "by_key")
          .expressions(fmt::format(R"({{"kms_key_arn": {}}})",
                                   refs({"aws_kms_key.k.arn", "aws_kms_key.k"}))),
      block("aws_backup_vault", "by_replica")
          .provider("aws.virginia")
          .expressions(fmt::format(R"({{"kms_key_arn": {}}})",
                                   refs({"aws_kms_replica_key.r.arn", "aws_kms_replica_key.r"}))),
      block("aws_backup_vault", "by_data")
          .expressions(fmt::format(R"({{"kms_key_arn": {}}})",
                                   refs({"data.aws_kms_key.later.arn", "data.aws_kms_key.later"}))),
      block("aws_kms_key", "later").data(),
  };
  const ModelInput input = read(plan);
  EXPECT_THAT(input.keys, IsEmpty());
  EXPECT_EQ(named(input.vaults, "by-key").key_unknown,
            "aws_kms_key.k: multi_region is known only after apply, and its expression refers "
            "to local.multi_region, and the plan JSON does not describe locals");
  EXPECT_EQ(named(input.vaults, "by-replica").key_unknown,
            "aws_kms_replica_key.r: primary_key_arn is known only after apply, and "
            "var.primary_arn has no value in the plan");
  EXPECT_EQ(named(input.vaults, "by-data").key_unknown,
            "data.aws_kms_key.later: the key is read only during apply, so nothing is known of "
            "it yet");
}

// ---------------------------------------------------------------------------------------------
// Databases

TEST(TerraformReader, ReadsEachKindOfDatabase) {
  PlanText plan;
  plan.changes = {
      change("aws_rds_cluster", "orders")
          .after(R"({"cluster_identifier": "orders", "engine": "aurora-postgresql",
                     "engine_mode": "provisioned", "storage_encrypted": true,
                     "db_cluster_instance_class": null, "tags": {"backup": "daily"},
                     "tags_all": {"backup": "daily", "owner": "shop"}})")
          .unknown(R"({"arn": true, "kms_key_id": true})"),
      change("aws_rds_cluster", "multi")
          .after(R"({"cluster_identifier": "multi", "engine": "mysql",
                     "db_cluster_instance_class": "db.r6gd.large", "storage_encrypted": true})")
          .unknown(R"({"arn": true, "kms_key_id": true, "tags_all": true})"),
      change("aws_db_instance", "billing")
          .after(R"({"identifier": "billing", "engine": "postgres", "storage_encrypted": true,
                     "tags": {"team": "finance"}})")
          .unknown(R"({"arn": true, "kms_key_id": true, "snapshot_identifier": true,
                       "tags_all": true})"),
      change("aws_db_instance", "member")
          .after(R"({"identifier": "orders-1", "engine": "aurora-postgresql"})")
          .unknown(R"({"arn": true})"),
      change("aws_db_instance", "clustered")
          .after(
              R"({"identifier": "multi-1", "engine": "mysql", "db_cluster_identifier": "multi"})")
          .unknown(R"({"arn": true})"),
      change("aws_docdb_cluster", "docs")
          .after(fmt::format(R"({{"cluster_identifier": "docs", "engine": "docdb",
                                "storage_encrypted": true, "kms_key_id": "{}"}})",
                             kPlainKeyArn))
          .unknown(R"({"arn": true})"),
      change("aws_neptune_cluster", "graph")
          .after(R"({"cluster_identifier": "graph", "engine": "neptune",
                     "storage_encrypted": true})")
          .unknown(R"({"arn": true, "kms_key_arn": true})"),
      change("aws_rds_cluster", "unnamed")
          .after(R"({"engine": "aurora-mysql", "storage_encrypted": false})")
          .unknown(R"({"arn": true, "cluster_identifier": true})"),
      mrk("app"),
      change("aws_kms_alias", "app")
          .after(R"({"name": "alias/app"})")
          .unknown(R"({"arn": true, "target_key_id": true})"),
  };
  plan.blocks = {
      block("aws_rds_cluster", "orders")
          .expressions(fmt::format(R"({{"storage_encrypted": {}, "kms_key_id": {}}})",
                                   constant("true"),
                                   refs({"aws_kms_key.app.arn", "aws_kms_key.app"}))),
      block("aws_rds_cluster", "multi")
          .expressions(fmt::format(R"({{"storage_encrypted": {}}})", constant("true"))),
      block("aws_db_instance", "billing")
          .expressions(fmt::format(R"({{"storage_encrypted": {}}})", constant("true"))),
      block("aws_db_instance", "member"),
      block("aws_db_instance", "clustered"),
      block("aws_docdb_cluster", "docs")
          .expressions(fmt::format(R"({{"kms_key_id": {}}})", constant(quote(kPlainKeyArn)))),
      block("aws_neptune_cluster", "graph")
          .expressions(fmt::format(R"({{"kms_key_arn": {}}})",
                                   refs({"aws_kms_alias.app.arn", "aws_kms_alias.app"}))),
      block("aws_rds_cluster", "unnamed"),
      block("aws_kms_key", "app"),
      block("aws_kms_alias", "app")
          .expressions(fmt::format(R"({{"target_key_id": {}}})",
                                   refs({"aws_kms_key.app.key_id", "aws_kms_key.app"}))),
  };
  const ModelInput input = read(plan);
  ASSERT_EQ(input.resources.size(), 6u);  // the clusters' instances are not resources of their own

  const Resource& orders = named(input.resources, "orders");
  EXPECT_EQ(orders.type, ResourceType::aurora);
  EXPECT_EQ(orders.arn, "arn:aws:rds:ap-northeast-1:111111111111:cluster:orders");
  EXPECT_EQ(orders.key, "alias/app");  // the key has no ARN yet: its alias stands for it
  EXPECT_EQ(orders.tags,
            (std::map<std::string, std::string>{{"backup", "daily"}, {"owner", "shop"}}));
  EXPECT_EQ(orders.address, "aws_rds_cluster.orders");
  EXPECT_EQ(orders.location, at("/resource_changes/0"));

  const Resource& multi = named(input.resources, "multi");
  EXPECT_EQ(multi.type, ResourceType::rds_multiaz_cluster);
  EXPECT_EQ(multi.key, "alias/aws/rds");  // encrypted, no kms_key_id in the configuration

  const Resource& billing = named(input.resources, "billing");
  EXPECT_EQ(billing.type, ResourceType::rds_instance);
  EXPECT_EQ(billing.arn, "arn:aws:rds:ap-northeast-1:111111111111:db:billing");
  EXPECT_EQ(billing.key, "alias/aws/rds");
  EXPECT_EQ(billing.tags, (std::map<std::string, std::string>{{"team", "finance"}}));

  const Resource& docs = named(input.resources, "docs");
  EXPECT_EQ(docs.type, ResourceType::docdb);
  EXPECT_EQ(docs.key, kPlainKeyArn);
  const Key& docs_key = named(input.keys, "1234abcd-12ab-34cd-56ef-1234567890ab");
  EXPECT_EQ(docs_key.manager, KeyManager::unknown);  // known by its ARN only
  EXPECT_EQ(docs_key.state, KeyState::unknown);

  const Resource& graph = named(input.resources, "graph");
  EXPECT_EQ(graph.type, ResourceType::neptune);
  EXPECT_EQ(graph.key, "alias/app");  // kms_key_arn = aws_kms_alias.app.arn

  // No identifier until apply: the ARN says so, with the address in it.
  const Resource& unnamed = named(input.resources, "aws_rds_cluster.unnamed");
  EXPECT_EQ(unnamed.arn,
            "arn:aws:rds:ap-northeast-1:111111111111:cluster:<aws_rds_cluster.unnamed>");
  EXPECT_EQ(unnamed.key, "");               // storage_encrypted = false
  EXPECT_TRUE(unnamed.default_encryption);  // a new Aurora cluster: AWS's default (R39)
  EXPECT_FALSE(orders.default_encryption);
  EXPECT_FALSE(multi.default_encryption);
  EXPECT_FALSE(billing.default_encryption);
  expect_builds(input);
}

TEST(TerraformReader, DecidesEncryptionDefaultsFromTheConfiguration) {
  PlanText plan;
  // storage_encrypted and kms_key_id are computed: unknown in a create plan whether set or not.
  const std::string unknown = R"({"arn": true, "storage_encrypted": true, "kms_key_id": true})";
  plan.changes = {
      change("aws_rds_cluster", "provisioned")
          .after(R"({"cluster_identifier": "provisioned", "engine": "aurora-mysql",
                     "engine_mode": "provisioned"})")
          .unknown(unknown),
      change("aws_rds_cluster", "serverless")
          .after(R"({"cluster_identifier": "serverless", "engine": "aurora-mysql",
                     "engine_mode": "serverless"})")
          .unknown(unknown),
      change("aws_rds_cluster", "restored")
          .after(R"({"cluster_identifier": "restored", "engine": "aurora-mysql",
                     "snapshot_identifier": "orders-final"})")
          .unknown(unknown),
      change("aws_rds_cluster", "by_variable")
          .after(R"({"cluster_identifier": "by-variable", "engine": "aurora-mysql"})")
          .unknown(unknown),
      change("aws_rds_cluster", "existing")
          .after(R"({"cluster_identifier": "existing", "engine": "aurora-mysql",
                     "arn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:existing",
                     "storage_encrypted": true,
                     "kms_key_id": "arn:aws:kms:ap-northeast-1:111111111111:key/0e0e0e0e-1111-2222-3333-444444444444"})")
          .actions(R"(["no-op"])"),
  };
  plan.variables = R"({"encrypted": {"value": true}})";
  plan.blocks = {
      block("aws_rds_cluster", "provisioned"),
      block("aws_rds_cluster", "serverless"),
      block("aws_rds_cluster", "restored"),
      block("aws_rds_cluster", "by_variable")
          .expressions(fmt::format(R"({{"storage_encrypted": {}}})", refs({"var.encrypted"}))),
      block("aws_rds_cluster", "existing"),
  };
  const ModelInput input = read(plan);
  // Created with no key and no storage_encrypted: AWS's default on the day (R39).
  EXPECT_EQ(named(input.resources, "provisioned").key, "");
  EXPECT_EQ(named(input.resources, "provisioned").key_unknown, "");
  EXPECT_TRUE(named(input.resources, "provisioned").default_encryption);
  EXPECT_EQ(named(input.resources, "serverless").key, "alias/aws/rds");
  EXPECT_EQ(named(input.resources, "by-variable").key, "alias/aws/rds");
  EXPECT_EQ(named(input.resources, "restored").key_unknown,
            "aws_rds_cluster.restored: storage_encrypted is known only after apply, and it "
            "follows snapshot_identifier, which the plan does not describe");
  // An existing cluster with no kms_key_id in the configuration is on aws/rds; its ARN is the
  // aws/rds key's.
  EXPECT_EQ(named(input.resources, "existing").key, "alias/aws/rds");
  const Key& rds = named(input.keys, "aws/rds");
  EXPECT_EQ(rds.arn,
            "arn:aws:kms:ap-northeast-1:111111111111:key/0e0e0e0e-1111-2222-3333-444444444444");
  EXPECT_EQ(rds.manager, KeyManager::aws);
  expect_builds(input);
}

TEST(TerraformReader, NewAuroraClustersWithNoKeyTakeAwsDefaultEncryption) {
  PlanText plan;
  const std::string unknown = R"({"arn": true, "storage_encrypted": true, "kms_key_id": true})";
  const auto cluster = [&](std::string name, std::string extra) {
    return change("aws_rds_cluster", name)
        .after(fmt::format(R"({{"cluster_identifier": "{}", {}}})", name, extra))
        .unknown(unknown);
  };
  plan.changes = {
      cluster("created", R"("engine": "aurora-postgresql")"),
      cluster("not_encrypted", R"("engine": "aurora-mysql", "storage_encrypted": false)"),
      cluster("encrypted", R"("engine": "aurora-mysql", "storage_encrypted": true)"),
      cluster("replaced", R"("engine": "aurora-mysql")").actions(R"(["delete", "create"])"),
      cluster("from_snapshot", R"("engine": "aurora-mysql", "storage_encrypted": false,
                                  "snapshot_identifier": "orders-final")"),
      cluster("multi_az", R"("engine": "postgres", "db_cluster_instance_class": "db.m6gd.large")"),
      change("aws_db_instance", "instance")
          .after(R"({"identifier": "instance", "engine": "postgres"})")
          .unknown(unknown),
      change("aws_docdb_cluster", "docs")
          .after(R"({"cluster_identifier": "docs", "engine": "docdb"})")
          .unknown(unknown),
      change("aws_rds_cluster", "existing")
          .after(R"({"cluster_identifier": "existing", "engine": "aurora-mysql",
                     "arn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:existing",
                     "storage_encrypted": false})")
          .actions(R"(["no-op"])"),
  };
  plan.blocks = {
      block("aws_rds_cluster", "created"),
      block("aws_rds_cluster", "not_encrypted")
          .expressions(fmt::format(R"({{"storage_encrypted": {}}})", constant("false"))),
      block("aws_rds_cluster", "encrypted")
          .expressions(fmt::format(R"({{"storage_encrypted": {}}})", constant("true"))),
      block("aws_rds_cluster", "replaced"),
      block("aws_rds_cluster", "from_snapshot")
          .expressions(fmt::format(R"({{"snapshot_identifier": {}, "storage_encrypted": {}}})",
                                   constant("\"orders-final\""), constant("false"))),
      block("aws_rds_cluster", "multi_az"),
      block("aws_db_instance", "instance"),
      block("aws_docdb_cluster", "docs"),
      block("aws_rds_cluster", "existing"),
  };
  const ModelInput input = read(plan);
  for (const char* name : {"created", "not_encrypted", "replaced"}) {
    const Resource& r = named(input.resources, name);
    EXPECT_TRUE(r.default_encryption) << name;
    EXPECT_EQ(r.key, "") << name;
    EXPECT_EQ(r.key_unknown, "") << name;
  }
  // StorageEncrypted true with no key is still aws/rds.
  EXPECT_EQ(named(input.resources, "encrypted").key, "alias/aws/rds");
  EXPECT_FALSE(named(input.resources, "encrypted").default_encryption);
  // Made from a snapshot: its encryption is the snapshot's, not a default.
  EXPECT_FALSE(named(input.resources, "from_snapshot").default_encryption);
  // Other engines are not encrypted by default, and a cluster that exists is what it is.
  for (const char* name : {"multi_az", "instance", "docs", "existing"}) {
    const Resource& r = named(input.resources, name);
    EXPECT_FALSE(r.default_encryption) << name;
    EXPECT_EQ(r.key, "") << name;
    EXPECT_EQ(r.key_unknown, "") << name;
  }
  expect_builds(input);
}

TEST(TerraformReader, AuroraOnTheAwsOwnedKeyByStateOrExpressConfiguration) {
  PlanText plan;
  plan.changes = {
      change("aws_rds_cluster", "sse_rds")
          .after(R"({"cluster_identifier": "sse-rds", "engine": "aurora-postgresql",
                     "arn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:sse-rds",
                     "storage_encrypted": true, "storage_encryption_type": "sse-rds"})")
          .actions(R"(["no-op"])"),
      change("aws_rds_cluster", "sse_kms")
          .after(R"({"cluster_identifier": "sse-kms", "engine": "aurora-postgresql",
                     "arn": "arn:aws:rds:ap-northeast-1:111111111111:cluster:sse-kms",
                     "storage_encrypted": true, "storage_encryption_type": "sse-kms"})")
          .actions(R"(["no-op"])"),
      change("aws_rds_cluster", "express")
          .after(R"({"cluster_identifier": "express", "engine": "aurora-postgresql",
                     "with_express_configuration": true})")
          .unknown(R"({"arn": true, "storage_encrypted": true, "kms_key_id": true})"),
  };
  plan.blocks = {
      block("aws_rds_cluster", "sse_rds"),
      block("aws_rds_cluster", "sse_kms"),
      block("aws_rds_cluster", "express")
          .expressions(fmt::format(R"({{"with_express_configuration": {}}})", constant("true"))),
  };
  const ModelInput input = read(plan);
  EXPECT_EQ(named(input.resources, "sse-rds").key, kAwsOwnedKey);
  EXPECT_FALSE(named(input.resources, "sse-rds").default_encryption);
  EXPECT_EQ(named(input.resources, "sse-kms").key, "alias/aws/rds");  // no kms_key_id expression
  EXPECT_EQ(named(input.resources, "express").key, kAwsOwnedKey);
  EXPECT_FALSE(named(input.resources, "express").default_encryption);
  expect_builds(input);
}

// The issue's acceptance test: a new Aurora cluster with no kms_key_id is encrypted with the AWS
// owned key when created on or after 2026-02-18, and not encrypted before.
TEST(TerraformReader, NewAuroraClusterIsEncryptedByDateOfCreation) {
  auto input = read_terraform_plan_file(kData + "terraform/new-aurora-no-key.json");
  ASSERT_TRUE(input) << input.error().to_string();
  const Resource& orders = named(input->resources, "orders");
  EXPECT_TRUE(orders.default_encryption);
  EXPECT_EQ(orders.key, "");
  auto model = Model::build(std::move(input).value());
  ASSERT_TRUE(model) << model.error().to_string();
  Options later;
  later.as_of = *parse_date("2026-12-01");
  const Predictions after = predict(*model, later);
  const Prediction* encrypted = after.find("orders@primary");
  ASSERT_NE(encrypted, nullptr);
  EXPECT_EQ(encrypted->outcome, Outcome::encrypted);
  ASSERT_TRUE(encrypted->key);
  EXPECT_EQ(encrypted->key->manager, KeyManager::aws_owned);
  Options earlier;
  earlier.as_of = *parse_date("2026-01-01");
  const Predictions before = predict(*model, earlier);
  const Prediction* unencrypted = before.find("orders@primary");
  ASSERT_NE(unencrypted, nullptr);
  EXPECT_EQ(unencrypted->outcome, Outcome::unencrypted);
}

TEST(TerraformReader, ReportsAnEngineItCannotPlace) {
  PlanText plan;
  plan.changes = {change("aws_rds_cluster", "c")
                      .after(R"({"cluster_identifier": "c", "engine": "oracle-ee"})")
                      .unknown(R"({"arn": true})")};
  plan.blocks = {block("aws_rds_cluster", "c")};
  const Error error = read_error(plan);
  EXPECT_EQ(error.id, "E_TERRAFORM_VALUE");
  EXPECT_EQ(error.message,
            "aws_rds_cluster.c: expected an engine aurora-mysql, aurora-postgresql, mysql or "
            "postgres at /resource_changes/0/change/after/engine, found 'oracle-ee'");
  EXPECT_EQ(error.location, at("/resource_changes/0/change/after/engine"));

  plan.changes = {change("aws_rds_cluster", "c")
                      .after(R"({"cluster_identifier": "c"})")
                      .unknown(R"({"arn": true, "engine": true})")};
  plan.blocks = {block("aws_rds_cluster", "c")
                     .expressions(fmt::format(
                         R"({{"engine": {}}})",
                         refs({"aws_rds_global_cluster.g.engine", "aws_rds_global_cluster.g"})))};
  const Error unknown = read_error(plan);
  EXPECT_EQ(unknown.id, "E_TERRAFORM_UNRESOLVED");
  EXPECT_EQ(unknown.message,
            "aws_rds_cluster.c: engine is known only after apply, and its expression refers to "
            "aws_rds_global_cluster.g, which is not in the plan; the engine tells what kind of "
            "resource it is");
  EXPECT_EQ(unknown.location, at("/resource_changes/0"));
}

TEST(TerraformReader, ReportsAKeyArgumentThatIsNotAKey) {
  PlanText plan;
  plan.changes = {change("aws_db_instance", "d")
                      .after(R"({"identifier": "d", "engine": "postgres",
                                 "storage_encrypted": true, "kms_key_id": "my-key"})")
                      .unknown(R"({"arn": true})")};
  plan.blocks = {block("aws_db_instance", "d")
                     .expressions(fmt::format(R"({{"kms_key_id": {}}})", constant("\"my-key\"")))};
  const Error error = read_error(plan);
  EXPECT_EQ(error.id, "E_TERRAFORM_VALUE");
  EXPECT_EQ(error.message,
            "expected a KMS key ARN, alias ARN, key id or alias name at "
            "/resource_changes/0/change/after/kms_key_id, found 'my-key'");
  EXPECT_EQ(error.location, at("/resource_changes/0/change/after/kms_key_id"));
}

// ---------------------------------------------------------------------------------------------
// Vaults

TEST(TerraformReader, ReadsVaultsAndTheirKeys) {
  PlanText plan;
  plan.changes = {
      vault("primary", "primary"),
      vault("keyed", "keyed"),
      change("aws_backup_vault", "existing")
          .after(R"({"name": "existing",
                     "arn": "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:existing",
                     "kms_key_arn": "arn:aws:kms:ap-northeast-1:111111111111:key/0b0b0b0b-1111-2222-3333-444444444444"})")
          .actions(R"(["no-op"])"),
      change("aws_backup_logically_air_gapped_vault", "lag")
          .after(R"({"name": "lag", "max_retention_days": 35, "min_retention_days": 7})")
          .unknown(R"({"arn": true, "id": true})"),
      change("aws_backup_logically_air_gapped_vault", "lag_cmk")
          .after(R"({"name": "lag-cmk", "max_retention_days": 35, "min_retention_days": 7})")
          .unknown(R"({"arn": true, "id": true, "encryption_key_arn": true})"),
      change("aws_kms_key", "vault")
          .after(R"({"multi_region": false, "is_enabled": true})")
          .unknown(R"({"arn": true, "key_id": true})"),
  };
  plan.prior = prior({state("aws_backup_vault", "default",
                            R"({"name": "Default",
                                "arn": "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:Default",
                                "kms_key_arn": "arn:aws:kms:ap-northeast-1:111111111111:key/0d0d0d0d-1111-2222-3333-444444444444",
                                "recovery_points": 12})")});
  const std::string by_key =
      fmt::format(R"({{"kms_key_arn": {}}})", refs({"aws_kms_key.vault.arn", "aws_kms_key.vault"}));
  plan.blocks = {
      block("aws_backup_vault", "primary"),
      block("aws_backup_vault", "keyed").expressions(by_key),
      block("aws_backup_vault", "existing"),
      block("aws_backup_logically_air_gapped_vault", "lag"),
      block("aws_backup_logically_air_gapped_vault", "lag_cmk")
          .expressions(fmt::format(R"({{"encryption_key_arn": {}}})",
                                   refs({"aws_kms_key.vault.arn", "aws_kms_key.vault"}))),
      block("aws_kms_key", "vault"),
      block("aws_backup_vault", "default").data(),
  };
  const ModelInput input = read(plan);
  ASSERT_EQ(input.vaults.size(), 6u);
  const Vault& primary = named(input.vaults, "primary");
  EXPECT_EQ(primary.arn, "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary");
  EXPECT_EQ(primary.type, VaultType::standard);
  EXPECT_EQ(primary.key, "");  // no kms_key_arn in the configuration: aws/backup
  EXPECT_EQ(primary.key_unknown, "");
  EXPECT_EQ(primary.allows_copy_from, std::vector<std::string>{});  // no access policy
  EXPECT_EQ(primary.address, "aws_backup_vault.primary");
  EXPECT_TRUE(primary.generated_name);

  EXPECT_EQ(named(input.vaults, "keyed").key, "aws_kms_key.vault");  // no ARN, no alias
  EXPECT_EQ(named(input.keys, "aws_kms_key.vault").address, "aws_kms_key.vault");

  // An existing vault with no kms_key_arn in the configuration: aws/backup, whose ARN it shows.
  EXPECT_EQ(named(input.vaults, "existing").key, "");
  EXPECT_EQ(named(input.keys, "aws/backup").arn,
            "arn:aws:kms:ap-northeast-1:111111111111:key/0b0b0b0b-1111-2222-3333-444444444444");

  const Vault& lag = named(input.vaults, "lag");
  EXPECT_EQ(lag.type, VaultType::logically_air_gapped);
  EXPECT_EQ(lag.key, "");  // the AWS owned key
  EXPECT_EQ(named(input.vaults, "lag-cmk").key, "aws_kms_key.vault");

  // A vault the configuration only reads: its key is the one it reports (not described here,
  // so of unknown manager), its access policy is not known.
  const Vault& existing_default = named(input.vaults, "Default");
  EXPECT_EQ(existing_default.key,
            "arn:aws:kms:ap-northeast-1:111111111111:key/0d0d0d0d-1111-2222-3333-444444444444");
  EXPECT_EQ(existing_default.allows_copy_from, std::nullopt);
  EXPECT_EQ(existing_default.address, "data.aws_backup_vault.default");
  expect_builds(input);
}

TEST(TerraformReader, ReadsVaultAccessPolicies) {
  const std::string policy =
      R"("{\"Statement\":[{\"Action\":\"backup:CopyIntoBackupVault\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}},{\"Action\":\"backup:*\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222222222222:root\"},\"Resource\":\"*\"},{\"Action\":\"backup:DeleteRecoveryPoint\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"333333333333\"},\"Resource\":\"*\"}]}")";
  PlanText plan;
  plan.changes = {
      vault("central", "central"),
      vault("later", "later"),
      vault("plain", "plain"),
      change("aws_backup_vault_policy", "central")
          .after(fmt::format(R"({{"backup_vault_name": "central", "policy": {}}})", policy))
          .unknown(R"({"backup_vault_arn": true, "id": true})"),
      change("aws_backup_vault_policy", "later")
          .after(R"({"backup_vault_name": "later"})")
          .unknown(R"({"backup_vault_arn": true, "id": true, "policy": true})"),
  };
  plan.blocks = {block("aws_backup_vault", "central"), block("aws_backup_vault", "later"),
                 block("aws_backup_vault", "plain"), block("aws_backup_vault_policy", "central"),
                 block("aws_backup_vault_policy", "later")};
  const ModelInput input = read(plan);
  EXPECT_EQ(named(input.vaults, "central").allows_copy_from,
            (std::vector<std::string>{"222222222222", "o-abc123"}));
  EXPECT_EQ(named(input.vaults, "later").allows_copy_from, std::nullopt);  // policy unknown
  EXPECT_EQ(named(input.vaults, "plain").allows_copy_from, std::vector<std::string>{});

  plan.changes[3] = change("aws_backup_vault_policy", "central")
                        .after(R"({"backup_vault_name": "central", "policy": "{\"Version\""})")
                        .unknown(R"({"id": true})");
  const Error error = read_error(plan);
  EXPECT_EQ(error.id, "E_TERRAFORM_VALUE");
  EXPECT_THAT(error.message,
              ::testing::StartsWith("aws_backup_vault_policy.central: policy: it is not valid JSON "
                                    "(not valid JSON at byte "));
  EXPECT_EQ(error.location, at("/resource_changes/3/change/after/policy"));
}

// ---------------------------------------------------------------------------------------------
// Plans

// A rule of aws_backup_plan's `after`, with its lifecycle and copy actions.
std::string rule_json(std::string_view name, std::string_view vault, std::string_view copies,
                      bool continuous = false) {
  return fmt::format(
      R"j({{"rule_name": "{}", {} "enable_continuous_backup": {}, "schedule": "cron(0 5 ? * * *)",
          "lifecycle": [{{"delete_after": 35}}], "copy_action": [{}]}})j",
      name, vault.empty() ? "" : fmt::format(R"("target_vault_name": "{}",)", vault),
      continuous ? "true" : "false", copies);
}

TEST(TerraformReader, ReadsPlansRulesAndCopyActions) {
  constexpr const char* kCentral = "arn:aws:backup:us-east-1:222222222222:backup-vault:central";
  PlanText plan;
  plan.changes = {
      vault("primary", "primary"),
      vault("dr", "dr"),
      change("aws_backup_vault", "late").after("{}").unknown(R"({"arn": true, "name": true})"),
      change("aws_backup_plan", "daily")
          .after(fmt::format(
              R"({{"name": "daily", "rule": [{}, {}, {}]}})",
              rule_json("daily", "primary",
                        fmt::format(R"({{"lifecycle": []}}, {{"destination_vault_arn": "{}"}})",
                                    kCentral)),
              rule_json("hourly", "Default", "", true),
              rule_json("late", "", R"({"lifecycle": []})")))
          .unknown(R"({"arn": true, "id": true, "rule": [
                        {"copy_action": [{"destination_vault_arn": true}, {}]},
                        {"copy_action": []},
                        {"target_vault_name": true, "copy_action": [{"destination_vault_arn": true}]}]})"),
  };
  plan.blocks = {
      block("aws_backup_vault", "primary"),
      block("aws_backup_vault", "dr").provider("aws.virginia"),
      block("aws_backup_vault", "late")
          .expressions(
              fmt::format(R"({{"name": {}}})", refs({"random_pet.vault.id", "random_pet.vault"}))),
      block("aws_backup_plan", "daily")
          .expressions(fmt::format(
              R"({{"name": {}, "rule": [
                  {{"rule_name": {}, "target_vault_name": {}, "copy_action": [
                     {{"destination_vault_arn": {}}}, {{"destination_vault_arn": {}}}]}},
                  {{"rule_name": {}, "target_vault_name": {}, "enable_continuous_backup": {}}},
                  {{"rule_name": {}, "target_vault_name": {}, "copy_action": [
                     {{"destination_vault_arn": {}}}]}}]}})",
              constant("\"daily\""), constant("\"daily\""),
              refs({"aws_backup_vault.primary.name", "aws_backup_vault.primary"}),
              refs({"aws_backup_vault.dr.arn", "aws_backup_vault.dr"}), constant(quote(kCentral)),
              constant("\"hourly\""), constant("\"Default\""), constant("true"),
              constant("\"late\""), refs({"aws_backup_vault.late.name", "aws_backup_vault.late"}),
              refs({"local.vault_arns[\"audit\"]", "local.vault_arns"}))),
  };
  const ModelInput input = read(plan);
  ASSERT_EQ(input.plans.size(), 1u);
  const Plan& daily = input.plans.front();
  EXPECT_EQ(daily.name, "daily");
  EXPECT_EQ(daily.arn,
            "arn:aws:backup:ap-northeast-1:111111111111:backup-plan:<aws_backup_plan.daily>");
  EXPECT_EQ(daily.address, "aws_backup_plan.daily");
  ASSERT_EQ(daily.rules.size(), 3u);

  const PlanRule& rule = daily.rules[0];
  EXPECT_EQ(rule.name, "daily");
  EXPECT_EQ(rule.vault, "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary");
  EXPECT_THAT(rule.copy_to,
              ElementsAre(kCentral, "arn:aws:backup:us-east-1:111111111111:backup-vault:dr"));
  EXPECT_THAT(rule.copy_to_unknown, IsEmpty());
  EXPECT_FALSE(rule.continuous);
  EXPECT_EQ(rule.location, at("/resource_changes/3/change/after/rule/0"));

  // Vaults the plan does not have: their keys are not known.
  const Vault& central = named(input.vaults, "central");
  EXPECT_EQ(central.key_unknown,
            "vault arn:aws:backup:us-east-1:222222222222:backup-vault:central is not in the plan, "
            "so its key is not known");
  EXPECT_EQ(central.allows_copy_from, std::nullopt);
  EXPECT_EQ(central.address, "");

  const PlanRule& hourly = daily.rules[1];
  EXPECT_TRUE(hourly.continuous);
  EXPECT_EQ(hourly.vault, "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:Default");
  EXPECT_EQ(named(input.vaults, "Default").key_unknown,
            "vault arn:aws:backup:ap-northeast-1:111111111111:backup-vault:Default is not in the "
            "plan, so its key is not known");

  const PlanRule& late = daily.rules[2];
  EXPECT_EQ(late.vault,
            "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:<aws_backup_vault.late>");
  EXPECT_THAT(late.copy_to, IsEmpty());
  EXPECT_THAT(late.copy_to_unknown,
              ElementsAre("aws_backup_plan.daily: destination_vault_arn of a copy_action of rule "
                          "late is known only after apply, and its expression refers to "
                          "local.vault_arns, and the plan JSON does not describe locals"));
}

TEST(TerraformReader, UnresolvableValuesMakePredictionsIndeterminate) {
  PlanText plan;
  plan.changes = {
      vault("primary", "primary"),
      change("aws_rds_cluster", "orders")
          .after(R"({"cluster_identifier": "orders", "engine": "aurora-mysql",
                     "storage_encrypted": true, "tags_all": {"backup": "yes"}})")
          .unknown(R"({"arn": true, "kms_key_id": true})"),
      change("aws_backup_plan", "p")
          .after(fmt::format(R"({{"name": "p", "rule": [{}]}})",
                             rule_json("r", "primary", R"({"lifecycle": []})")))
          .unknown(R"({"arn": true, "id": true,
                       "rule": [{"copy_action": [{"destination_vault_arn": true}]}]})"),
      change("aws_backup_selection", "s")
          .after(R"({"name": "s", "selection_tag": [
                      {"type": "STRINGEQUALS", "key": "backup", "value": "yes"}]})")
          .unknown(R"({"plan_id": true, "not_resources": true})"),
  };
  plan.blocks = {
      block("aws_backup_vault", "primary"),
      block("aws_rds_cluster", "orders")
          .expressions(fmt::format(R"({{"storage_encrypted": {}, "kms_key_id": {}}})",
                                   constant("true"), refs({"module.keys.orders"}))),
      block("aws_backup_plan", "p")
          .expressions(fmt::format(
              R"({{"rule": [{{"rule_name": {}, "copy_action": [{{"destination_vault_arn": {}}}]}}]}})",
              constant("\"r\""), refs({"each.value"}))),
      block("aws_backup_selection", "s")
          .expressions(fmt::format(R"({{"plan_id": {}}})",
                                   refs({"aws_backup_plan.p.id", "aws_backup_plan.p"}))),
  };
  plan.root_extra = R"("module_calls": {"keys": {"source": "./keys", "module": {
      "outputs": {"orders": {"expression": {"references": ["local.orders_key"]}}}}}})";
  const ModelInput input = read(plan);
  const std::string key_unknown =
      "aws_rds_cluster.orders: kms_key_id is known only after apply, and module.keys.orders "
      "refers to local.orders_key, and the plan JSON does not describe locals";
  EXPECT_EQ(named(input.resources, "orders").key_unknown, key_unknown);
  auto model = Model::build(input);
  ASSERT_TRUE(model) << model.error().to_string();
  const Predictions predictions = predict(*model, {});
  ASSERT_EQ(predictions.recovery_points.size(), 2u);
  const Prediction& backup = predictions.recovery_points[0];
  EXPECT_EQ(backup.id, "orders@primary");
  EXPECT_EQ(backup.outcome, Outcome::indeterminate);
  EXPECT_THAT(backup.unknowns, ElementsAre("the key of orders: " + key_unknown));
  const Prediction& copy = predictions.recovery_points[1];
  EXPECT_EQ(copy.id, "orders@<unknown>");
  EXPECT_EQ(copy.outcome, Outcome::indeterminate);
  EXPECT_THAT(copy.unknowns,
              ElementsAre("aws_backup_plan.p: destination_vault_arn of a copy_action of rule r is "
                          "known only after apply, and its expression refers to each.value"));
}

TEST(TerraformReader, RulesAndCopyActionsThePlanDoesNotList) {
  PlanText plan;
  plan.changes = {
      vault("primary", "primary"),
      change("aws_backup_plan", "dynamic")
          .after(R"({"name": "dynamic"})")
          .unknown(R"({"arn": true, "id": true, "rule": true})"),
      change("aws_backup_plan", "copies")
          .after(fmt::format(R"({{"name": "copies", "rule": [{}]}})",
                             rule_json("r", "primary", R"({}, {})")))
          .unknown(R"({"arn": true, "id": true, "rule": [{"copy_action": [
                       {"destination_vault_arn": true}, {"destination_vault_arn": true}]}]})"),
  };
  plan.blocks = {
      block("aws_backup_vault", "primary"),
      block("aws_backup_plan", "dynamic"),
      block("aws_backup_plan", "copies")
          .expressions(fmt::format(R"({{"rule": [{{"rule_name": {}}}]}})", constant("\"r\""))),
  };
  const ModelInput input = read(plan);
  const Plan& dynamic = named(input.plans, "dynamic");
  ASSERT_EQ(dynamic.rules.size(), 1u);
  EXPECT_EQ(dynamic.rules[0].vault_unknown,
            "aws_backup_plan.dynamic: rule is known only after apply, and the plan JSON does not "
            "say which rules it will have");
  const Plan& copies = named(input.plans, "copies");
  const std::string why =
      "aws_backup_plan.copies: destination_vault_arn of a copy_action of rule r is known only "
      "after apply, and the configuration's copy_action blocks do not say which vaults (a "
      "dynamic block?)";
  EXPECT_THAT(copies.rules[0].copy_to_unknown, ElementsAre(why, why));
  expect_builds(input);
}

TEST(TerraformReader, ReportsACopyDestinationThatIsNotAVault) {
  PlanText plan;
  plan.changes = {
      vault("primary", "primary"),
      change("aws_backup_plan", "p")
          .after(fmt::format(
              R"({{"name": "p", "rule": [{}]}})",
              rule_json("r", "primary", R"({"destination_vault_arn": "arn:aws:s3:::bucket"})")))
          .unknown(R"({"arn": true})"),
  };
  plan.blocks = {block("aws_backup_vault", "primary"), block("aws_backup_plan", "p")};
  const Error error = read_error(plan);
  EXPECT_EQ(error.id, "E_TERRAFORM_VALUE");
  EXPECT_EQ(error.message,
            "expected a backup vault ARN (arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME) at "
            "/resource_changes/1/change/after/rule/0/copy_action/0/destination_vault_arn, found "
            "'arn:aws:s3:::bucket'");
  EXPECT_EQ(error.location,
            at("/resource_changes/1/change/after/rule/0/copy_action/0/destination_vault_arn"));
}

TEST(TerraformReader, ReadsTheAirGappedTargetsOfRules) {
  constexpr const char* kOutside =
      "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:shared-lag";
  PlanText plan;
  const auto with_target = [](std::string_view name, std::string_view target) {
    std::string rule = rule_json(name, "primary", "");
    if (target != "-") {
      rule.insert(1,
                  fmt::format(R"("target_logically_air_gapped_backup_vault_arn": "{}", )", target));
    }
    return rule;
  };
  plan.changes = {
      vault("primary", "primary"),
      change("aws_backup_logically_air_gapped_vault", "lag")
          .after(R"({"name": "lag", "max_retention_days": 35, "min_retention_days": 7})")
          .unknown(R"({"arn": true, "id": true})"),
      change("aws_backup_plan", "p")
          .after(fmt::format(R"({{"name": "p", "rule": [{}, {}, {}, {}, {}]}})",
                             with_target("planned", "-"), with_target("outside", kOutside),
                             with_target("local", "-"), with_target("none", ""),
                             with_target("computed", "-")))
          .unknown(R"({"arn": true, "id": true, "rule": [
                        {"target_logically_air_gapped_backup_vault_arn": true},
                        {},
                        {"target_logically_air_gapped_backup_vault_arn": true},
                        {},
                        {"target_logically_air_gapped_backup_vault_arn": true}]})"),
  };
  plan.blocks = {
      block("aws_backup_vault", "primary"),
      block("aws_backup_logically_air_gapped_vault", "lag"),
      block("aws_backup_plan", "p")
          .expressions(fmt::format(
              R"({{"rule": [
                  {{"rule_name": {}, "target_logically_air_gapped_backup_vault_arn": {}}},
                  {{"rule_name": {}, "target_logically_air_gapped_backup_vault_arn": {}}},
                  {{"rule_name": {}, "target_logically_air_gapped_backup_vault_arn": {}}},
                  {{"rule_name": {}}},
                  {{"rule_name": {}}}]}})",
              constant("\"planned\""),
              refs({"aws_backup_logically_air_gapped_vault.lag.arn",
                    "aws_backup_logically_air_gapped_vault.lag"}),
              constant("\"outside\""), constant(quote(kOutside)), constant("\"local\""),
              refs({"local.lag_arn"}), constant("\"none\""), constant("\"computed\""))),
  };
  const ModelInput input = read(plan);
  const Plan& p = named(input.plans, "p");
  ASSERT_EQ(p.rules.size(), 5u);
  EXPECT_EQ(p.rules[0].air_gapped_vault,
            "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:lag");
  EXPECT_EQ(p.rules[0].vault, "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary");
  EXPECT_THAT(p.rules[0].copy_to, IsEmpty());  // not a copy action
  // A vault the plan does not have: a logically air-gapped vault, as the argument says.
  EXPECT_EQ(p.rules[1].air_gapped_vault, kOutside);
  const Vault& outside = named(input.vaults, "shared-lag");
  EXPECT_EQ(outside.type, VaultType::logically_air_gapped);
  EXPECT_EQ(outside.key_unknown,
            "vault arn:aws:backup:ap-northeast-1:111111111111:backup-vault:shared-lag is not in "
            "the plan, so its key is not known");
  EXPECT_EQ(p.rules[2].air_gapped_vault, "");
  EXPECT_EQ(p.rules[2].air_gapped_vault_unknown,
            "aws_backup_plan.p: target_logically_air_gapped_backup_vault_arn of rule local is "
            "known only after apply, and its expression refers to local.lag_arn, and the plan "
            "JSON does not describe locals");
  for (std::size_t i : {3u, 4u}) {  // "" (the provider's null); computed but not configured
    EXPECT_EQ(p.rules[i].air_gapped_vault, "") << i;
    EXPECT_EQ(p.rules[i].air_gapped_vault_unknown, "") << i;
  }
  expect_builds(input);

  plan.changes[2] = change("aws_backup_plan", "p")
                        .after(fmt::format(R"({{"name": "p", "rule": [{}]}})",
                                           with_target("bad", "arn:aws:s3:::bucket")))
                        .unknown(R"({"arn": true})");
  const Error error = read_error(plan);
  EXPECT_EQ(error.id, "E_TERRAFORM_VALUE");
  EXPECT_EQ(error.message,
            "expected a backup vault ARN (arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME) at "
            "/resource_changes/2/change/after/rule/0/"
            "target_logically_air_gapped_backup_vault_arn, found 'arn:aws:s3:::bucket'");
  EXPECT_EQ(error.location, at("/resource_changes/2/change/after/rule/0/"
                               "target_logically_air_gapped_backup_vault_arn"));
}

// ---------------------------------------------------------------------------------------------
// Selections

TEST(TerraformReader, ReadsSelections) {
  PlanText plan;
  plan.changes = {
      vault("primary", "primary"),
      change("aws_rds_cluster", "orders")
          .after(R"({"cluster_identifier": "orders", "engine": "aurora-mysql",
                     "storage_encrypted": false})")
          .unknown(R"({"arn": true})"),
      change("aws_backup_plan", "p")
          .after(fmt::format(R"({{"name": "p", "rule": [{}]}})", rule_json("r", "primary", "")))
          .unknown(R"({"arn": true, "id": true})"),
      change("aws_backup_selection", "by_arn")
          .after(R"({"name": "by-arn",
                     "resources": [null, "arn:aws:rds:ap-northeast-1:111111111111:cluster:legacy-*"],
                     "not_resources": ["arn:aws:rds:ap-northeast-1:111111111111:cluster:legacy-test"],
                     "selection_tag": [], "condition": []})")
          .unknown(R"({"plan_id": true, "resources": [true, false], "id": true})"),
      change("aws_backup_selection", "by_tags")
          .after(R"({"name": "by-tags", "resources": ["*"], "selection_tag": [
                      {"type": "STRINGEQUALS", "key": "backup", "value": "daily"}],
                     "condition": [{"string_equals": [{"key": "aws:ResourceTag/env", "value": "prod"}],
                                    "string_not_equals": [{"key": "aws:ResourceTag/tier", "value": "test"}],
                                    "string_like": [{"key": "aws:ResourceTag/team", "value": "pay*"}],
                                    "string_not_like": [{"key": "aws:ResourceTag/name", "value": "tmp-?"}]}]})")
          .unknown(R"({"plan_id": true, "not_resources": true, "id": true})"),
  };
  plan.blocks = {
      block("aws_backup_vault", "primary"),
      block("aws_rds_cluster", "orders"),
      block("aws_backup_plan", "p"),
      block("aws_backup_selection", "by_arn")
          .expressions(fmt::format(
              R"({{"plan_id": {}, "resources": {}, "not_resources": {}}})",
              refs({"aws_backup_plan.p.id", "aws_backup_plan.p"}),
              refs({"aws_rds_cluster.orders.arn", "aws_rds_cluster.orders", "var.legacy"}),
              constant(R"(["arn:aws:rds:ap-northeast-1:111111111111:cluster:legacy-test"])"))),
      block("aws_backup_selection", "by_tags")
          .expressions(fmt::format(R"({{"plan_id": {}}})",
                                   refs({"aws_backup_plan.p.id", "aws_backup_plan.p"}))),
  };
  plan.variables =
      R"({"legacy": {"value": "arn:aws:rds:ap-northeast-1:111111111111:cluster:legacy-*"}})";
  const ModelInput input = read(plan);
  ASSERT_EQ(input.plans.size(), 1u);
  const std::vector<Selection>& selections = input.plans[0].selections;
  ASSERT_EQ(selections.size(), 2u);
  const Selection& by_arn = selections[0];
  EXPECT_EQ(by_arn.name, "by-arn");
  EXPECT_THAT(by_arn.resources,
              ElementsAre("arn:aws:rds:ap-northeast-1:111111111111:cluster:legacy-*",
                          "arn:aws:rds:ap-northeast-1:111111111111:cluster:orders"));
  EXPECT_THAT(by_arn.not_resources,
              ElementsAre("arn:aws:rds:ap-northeast-1:111111111111:cluster:legacy-test"));
  EXPECT_EQ(by_arn.location, at("/resource_changes/3"));
  const Selection& by_tags = selections[1];
  EXPECT_THAT(by_tags.resources, ElementsAre("*"));
  EXPECT_THAT(by_tags.not_resources, IsEmpty());  // not configured: computed, empty
  ASSERT_EQ(by_tags.any_tags.size(), 1u);
  EXPECT_EQ(by_tags.any_tags[0].test, TagCondition::Test::equals);
  EXPECT_EQ(by_tags.any_tags[0].key, "backup");
  EXPECT_EQ(by_tags.any_tags[0].value, "daily");
  std::vector<std::string> all;
  for (const TagCondition& c : by_tags.all_tags) {
    all.push_back(fmt::format("{} {}={}", static_cast<int>(c.test), c.key, c.value));
  }
  EXPECT_THAT(all, ElementsAre("0 env=prod", "1 tier=test", "2 team=pay*", "3 name=tmp-?"));
  auto model = Model::build(input);
  ASSERT_TRUE(model) << model.error().to_string();
  EXPECT_THAT(model->plans()[0].resources, ElementsAre("orders"));
}

TEST(TerraformReader, ReportsSelectionsItCannotPlace) {
  PlanText plan;
  plan.changes = {
      vault("primary", "primary"),
      change("aws_backup_plan", "p")
          .after(fmt::format(R"({{"name": "p", "rule": [{}]}})", rule_json("r", "primary", "")))
          .unknown(R"({"arn": true, "id": true})"),
      change("aws_backup_selection", "s")
          .after(R"({"name": "s", "selection_tag": []})")
          .unknown(R"({"plan_id": true, "resources": true})"),
  };
  const auto with = [&](std::string expressions) {
    PlanText p = plan;
    p.blocks = {block("aws_backup_vault", "primary"), block("aws_backup_plan", "p"),
                block("aws_backup_selection", "s").expressions(std::move(expressions))};
    return read_error(p);
  };
  const std::string plan_id = refs({"aws_backup_plan.p.id", "aws_backup_plan.p"});
  Error error = with(R"({"plan_id": {"references": ["module.backup.plan_id", "module.backup"]}})");
  EXPECT_EQ(error.id, "E_TERRAFORM_UNRESOLVED");
  EXPECT_EQ(error.message,
            "aws_backup_selection.s: plan_id is known only after apply, and its expression "
            "refers to module.backup.plan_id, which the configuration does not have; snapkey "
            "cannot tell which plan the selection belongs to");

  plan.changes[2] = change("aws_backup_selection", "s")
                        .after(R"({"name": "s", "selection_tag": [
                                  {"type": "STRINGLIKE", "key": "backup", "value": "*"}]})")
                        .unknown(R"({"plan_id": true})");
  error = with(fmt::format(R"({{"plan_id": {}}})", plan_id));
  EXPECT_EQ(error.id, "E_TERRAFORM_VALUE");
  EXPECT_EQ(error.message,
            "expected STRINGEQUALS at /resource_changes/2/change/after/selection_tag/0/type, "
            "found 'STRINGLIKE'");
  EXPECT_EQ(error.location, at("/resource_changes/2/change/after/selection_tag/0/type"));
}

TEST(TerraformReader, KeepsSelectionTestsKnownOnlyAfterApplyAsNotKnown) {
  PlanText plan;
  plan.changes = {
      vault("primary", "primary"),
      change("aws_rds_cluster", "orders")
          .after(R"({"cluster_identifier": "orders", "engine": "aurora-postgresql",
                     "storage_encrypted": false, "tags_all": {"env": "prod"}})")
          .unknown(R"({"arn": true})"),
      change("aws_backup_plan", "p")
          .after(fmt::format(R"({{"name": "p", "rule": [{}]}})", rule_json("r", "primary", "")))
          .unknown(R"({"arn": true, "id": true})"),
      change("aws_backup_selection", "s")
          .after(R"({"name": "s", "selection_tag": [{"type": "STRINGEQUALS", "key": "env"}],
                     "condition": [{"string_equals": [], "string_not_equals": [],
                                    "string_like": [], "string_not_like": [{"value": "x"}]}]})")
          .unknown(R"({"plan_id": true, "resources": true,
                       "selection_tag": [{"value": true}],
                       "condition": [{"string_not_like": [{"key": true}]}]})"),
  };
  const std::string plan_id = refs({"aws_backup_plan.p.id", "aws_backup_plan.p"});
  plan.blocks = {block("aws_backup_vault", "primary"), block("aws_rds_cluster", "orders"),
                 block("aws_backup_plan", "p"),
                 block("aws_backup_selection", "s")
                     .expressions(fmt::format(
                         R"({{"plan_id": {}, "resources": {}}})", plan_id,
                         refs({"local.arns", "aws_s3_bucket.logs.arn", "aws_s3_bucket.logs",
                               "aws_rds_cluster.orders.arn", "aws_rds_cluster.orders"})))};
  const ModelInput input = read(plan);
  ASSERT_EQ(input.plans.size(), 1u);
  ASSERT_EQ(input.plans[0].selections.size(), 1u);
  const Selection& s = input.plans[0].selections[0];
  // The cluster's ARN is known to the reader; the bucket selects no database; the local is open.
  EXPECT_THAT(s.resources, ElementsAre("arn:aws:rds:ap-northeast-1:111111111111:cluster:orders"));
  EXPECT_THAT(s.resources_unknown,
              ElementsAre("aws_backup_selection.s: resources is known only after apply, and its "
                          "expression refers to local.arns, and the plan JSON does not describe "
                          "locals"));
  ASSERT_EQ(s.any_tags.size(), 1u);
  EXPECT_EQ(s.any_tags[0].key, "env");
  EXPECT_EQ(s.any_tags[0].unknown,
            "aws_backup_selection.s: the value of selection_tag tag 'env' is known only after "
            "apply, and so is what it selects");
  ASSERT_EQ(s.all_tags.size(), 1u);
  EXPECT_EQ(s.all_tags[0].test, TagCondition::Test::not_like);
  EXPECT_EQ(s.all_tags[0].unknown,
            "aws_backup_selection.s: the key of a condition is known only after apply, and so is "
            "what it selects");

  // Resources names orders, but whether it passes the Conditions is not known; and then whether
  // Resources names it is not known either. Its predictions say so, and say why.
  auto model = Model::build(input);
  ASSERT_TRUE(model) << model.error().to_string();
  EXPECT_THAT(model->plans()[0].resources, IsEmpty());
  EXPECT_THAT(model->plans()[0].resources_unknown,
              ElementsAre(Pair("orders", "whether selection 's' of plan 'p' assigns orders: " +
                                             s.all_tags[0].unknown)));
  plan.blocks[3] = block("aws_backup_selection", "s")
                       .expressions(fmt::format(R"({{"plan_id": {}, "resources": {}}})", plan_id,
                                                refs({"local.arns"})));
  model = Model::build(read(plan));
  ASSERT_TRUE(model) << model.error().to_string();
  EXPECT_THAT(model->plans()[0].resources, IsEmpty());
  ASSERT_EQ(model->plans()[0].resources_unknown.size(), 1u);
  const Predictions predictions = predict(*model, Options{});
  ASSERT_EQ(predictions.recovery_points.size(), 1u);
  EXPECT_EQ(predictions.recovery_points[0].outcome, Outcome::indeterminate);
  EXPECT_EQ(predictions.recovery_points[0].unknowns.front(),
            "whether selection 's' of plan 'p' assigns orders: aws_backup_selection.s: resources "
            "is known only after apply, and its expression refers to local.arns, and the plan "
            "JSON does not describe locals");
}

TEST(TerraformReader, TagsKnownOnlyAfterApplyAreNotKnownWhereASelectionTestsThem) {
  PlanText plan;
  plan.changes = {
      vault("primary", "primary"),
      change("aws_db_instance", "d")
          .after(R"({"identifier": "d", "engine": "postgres", "storage_encrypted": false,
                     "tags_all": {"backup": null, "created": null, "team": "x"}})")
          .unknown(R"({"arn": true, "tags_all": {"backup": true, "created": true}})"),
      change("aws_backup_plan", "p")
          .after(fmt::format(R"({{"name": "p", "rule": [{}]}})", rule_json("r", "primary", "")))
          .unknown(R"({"arn": true, "id": true})"),
      change("aws_backup_selection", "s")
          .after(R"({"name": "s", "selection_tag": [
                      {"type": "STRINGEQUALS", "key": "team", "value": "x"}]})")
          .unknown(R"({"plan_id": true})"),
  };
  plan.blocks = {
      block("aws_backup_vault", "primary"), block("aws_db_instance", "d"),
      block("aws_backup_plan", "p"),
      block("aws_backup_selection", "s")
          .expressions(fmt::format(R"({{"plan_id": {}}})",
                                   refs({"aws_backup_plan.p.id", "aws_backup_plan.p"})))};
  ModelInput input = read(plan);
  const Resource& d = named(input.resources, "d");
  EXPECT_EQ(d.tags, (std::map<std::string, std::string>{{"team", "x"}}));
  EXPECT_THAT(d.tags_unknown,
              ElementsAre(Pair("backup",
                               "aws_db_instance.d: the value of tag 'backup' is known only after "
                               "apply"),
                          Pair("created",
                               "aws_db_instance.d: the value of tag 'created' is known only after "
                               "apply")));
  auto model = Model::build(input);  // nobody tests "backup" or "created": assigned
  ASSERT_TRUE(model) << model.error().to_string();
  EXPECT_THAT(model->plans()[0].resources, ElementsAre("d"));

  // A selection that tests a tag known only after apply may or may not assign the resource.
  plan.changes[3] = change("aws_backup_selection", "s")
                        .after(R"({"name": "s", "selection_tag": [
                                  {"type": "STRINGEQUALS", "key": "backup", "value": "yes"}]})")
                        .unknown(R"({"plan_id": true})");
  model = Model::build(read(plan));
  ASSERT_TRUE(model) << model.error().to_string();
  EXPECT_THAT(model->plans()[0].resources, IsEmpty());
  EXPECT_THAT(model->plans()[0].resources_unknown,
              ElementsAre(Pair("d",
                               "whether selection 's' of plan 'p' assigns d: "
                               "aws_db_instance.d: the value of tag 'backup' is known only "
                               "after apply")));

  // Which tags there are is not known (tags_all is unknown, default_tags from unknown values):
  // the known ones still decide.
  plan.changes[1] = change("aws_db_instance", "d")
                        .after(R"({"identifier": "d", "engine": "postgres",
                                   "storage_encrypted": false, "tags": {"team": "x"}})")
                        .unknown(R"({"arn": true, "tags_all": true})");
  input = read(plan);
  EXPECT_THAT(named(input.resources, "d").tags_unknown,
              ElementsAre(Pair("*", "aws_db_instance.d: its tags are known only after apply")));
  model = Model::build(input);
  ASSERT_TRUE(model) << model.error().to_string();
  EXPECT_THAT(model->plans()[0].resources_unknown,
              ElementsAre(Pair("d",
                               "whether selection 's' of plan 'p' assigns d: "
                               "aws_db_instance.d: its tags are known only after apply")));
  plan.changes[3] = change("aws_backup_selection", "s")
                        .after(R"({"name": "s", "selection_tag": [
                                  {"type": "STRINGEQUALS", "key": "team", "value": "x"}]})")
                        .unknown(R"({"plan_id": true})");
  model = Model::build(read(plan));
  ASSERT_TRUE(model) << model.error().to_string();
  EXPECT_THAT(model->plans()[0].resources, ElementsAre("d"));
}

TEST(TerraformReader, ReadsTheCrossAccountBackupSetting) {
  PlanText plan;
  plan.changes = {change("aws_backup_global_settings", "this")
                      .after(R"({"global_settings": {"isCrossAccountBackupEnabled": "false",
                                                     "isMpaEnabled": "false"}})")
                      .unknown(R"({"id": true})")};
  plan.blocks = {block("aws_backup_global_settings", "this")};
  const ModelInput input = read(plan);
  ASSERT_EQ(input.accounts.size(), 1u);
  EXPECT_EQ(input.accounts[0].id.value, kAccount);
  EXPECT_FALSE(input.accounts[0].cross_account_backup);
  EXPECT_EQ(input.accounts[0].location, at("/resource_changes/0"));

  plan.changes[0] = change("aws_backup_global_settings", "this")
                        .after(R"({"global_settings": {"isCrossAccountBackupEnabled": "yes"}})");
  const Error error = read_error(plan);
  EXPECT_EQ(error.to_string(),
            "plan.json#/resource_changes/0/change/after/global_settings/"
            "isCrossAccountBackupEnabled: error E_TERRAFORM_VALUE: expected \"true\" or \"false\" "
            "at /resource_changes/0/change/after/global_settings/isCrossAccountBackupEnabled, "
            "found 'yes'");
}

// ---------------------------------------------------------------------------------------------
// Regions, accounts, modules, count and for_each

TEST(TerraformReader, FindsEachResourcesRegion) {
  PlanText plan;
  plan.providers = R"({
    "aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}},
    "aws.virginia": {"name": "aws", "alias": "virginia",
                     "expressions": {"region": {"constant_value": "us-east-1"}}}
  })";
  plan.variables = R"({"region": {"value": "eu-west-1"}})";
  plan.changes = {
      vault("by_variable", "by-variable"),
      vault("by_alias", "by-alias"),
      change("aws_backup_vault", "by_argument")
          .after(R"({"name": "by-argument", "region": "ap-southeast-2"})")
          .unknown(R"({"arn": true})"),
      vault("inherited", "inherited", "module.backup"),
      vault("passed", "passed", "module.dr"),
  };
  plan.blocks = {block("aws_backup_vault", "by_variable"),
                 block("aws_backup_vault", "by_alias").provider("aws.virginia"),
                 block("aws_backup_vault", "by_argument")};
  // Terraform points a module's resources at the configuration they inherit or are passed;
  // a key that still names the module's own copy is followed up to it.
  plan.root_extra = R"("module_calls": {
    "backup": {"source": "./backup", "module": {"resources": [
      {"address": "aws_backup_vault.inherited", "mode": "managed", "type": "aws_backup_vault",
       "name": "inherited", "provider_config_key": "module.backup:aws", "schema_version": 0}]}},
    "dr": {"source": "./backup", "module": {"resources": [
      {"address": "aws_backup_vault.passed", "mode": "managed", "type": "aws_backup_vault",
       "name": "passed", "provider_config_key": "aws.virginia", "schema_version": 0}]}}})";
  const ModelInput input = read(plan);
  EXPECT_EQ(named(input.vaults, "by-variable").arn,
            "arn:aws:backup:eu-west-1:111111111111:backup-vault:by-variable");
  EXPECT_EQ(named(input.vaults, "by-alias").arn,
            "arn:aws:backup:us-east-1:111111111111:backup-vault:by-alias");
  EXPECT_EQ(named(input.vaults, "by-argument").arn,  // provider 6: the resource's own region
            "arn:aws:backup:ap-southeast-2:111111111111:backup-vault:by-argument");
  EXPECT_EQ(named(input.vaults, "inherited").arn,
            "arn:aws:backup:eu-west-1:111111111111:backup-vault:inherited");
  EXPECT_EQ(named(input.vaults, "inherited").address, "module.backup.aws_backup_vault.inherited");
  EXPECT_EQ(named(input.vaults, "passed").arn,
            "arn:aws:backup:us-east-1:111111111111:backup-vault:passed");
}

TEST(TerraformReader, FindsRegionsAndAccountsThePlanDoesNotConfigure) {
  PlanText plan;
  plan.providers = R"({"aws": {"name": "aws"},
                       "aws.other": {"name": "aws", "alias": "other",
                                     "expressions": {"region": {"constant_value": "eu-north-1"},
                                                     "allowed_account_ids": {"constant_value": ["999999999999"]}}}})";
  plan.prior = prior({state("aws_region", "current", R"({"name": "sa-east-1"})")});
  plan.changes = {vault("here", "here"), vault("there", "there")};
  plan.blocks = {block("aws_backup_vault", "here"),
                 block("aws_backup_vault", "there").provider("aws.other"),
                 block("aws_region", "current").data()};
  const ModelInput input = read(plan);
  EXPECT_EQ(named(input.vaults, "here").arn,
            "arn:aws:backup:sa-east-1:111111111111:backup-vault:here");
  EXPECT_EQ(named(input.vaults, "there").arn,
            "arn:aws:backup:eu-north-1:999999999999:backup-vault:there");
}

// A new estate: the provider configures no region (AWS_REGION gives it) and nothing in the plan
// says which account the credentials are in.
TEST(TerraformReader, PlacesWhatThePlanDoesNotWhereTheOptionsSay) {
  PlanText plan;
  plan.providers = R"({"aws": {"name": "aws", "expressions": {"profile": {"constant_value": "ci"}}},
                       "aws.virginia": {"name": "aws", "alias": "virginia",
                                        "expressions": {"region": {"constant_value": "us-east-1"}}}})";
  plan.prior = "[]";
  plan.changes = {vault("v", "v"), vault("dr", "dr")};
  plan.blocks = {block("aws_backup_vault", "v"),
                 block("aws_backup_vault", "dr").provider("aws.virginia")};
  ModelInput input = read(plan, {"eu-west-1", "222222222222", {}});
  EXPECT_EQ(named(input.vaults, "v").arn, "arn:aws:backup:eu-west-1:222222222222:backup-vault:v");
  // A region the configuration gives wins over the option.
  EXPECT_EQ(named(input.vaults, "dr").arn, "arn:aws:backup:us-east-1:222222222222:backup-vault:dr");

  // Per plan, by its path or file name; "REGION" alone keeps the default account.
  input = read(plan, {"", "222222222222", {{"plan.json", "eu-central-1"}}});
  EXPECT_EQ(named(input.vaults, "v").arn,
            "arn:aws:backup:eu-central-1:222222222222:backup-vault:v");
  input = read(plan, {"", "", {{"./plan.json", "eu-central-1:333333333333"}}});
  EXPECT_EQ(named(input.vaults, "v").arn,
            "arn:aws:backup:eu-central-1:333333333333:backup-vault:v");
  // A mapping for another plan leaves this one to the defaults.
  EXPECT_EQ(read_error(plan, {"", "222222222222", {{"other.json", "eu-central-1"}}}).id,
            "E_TERRAFORM_UNRESOLVED");

  // What the plan reads with the provider wins over the option.
  plan.prior = kCaller;
  input = read(plan, {"eu-west-1", "222222222222", {}});
  EXPECT_EQ(named(input.vaults, "v").arn, "arn:aws:backup:eu-west-1:111111111111:backup-vault:v");

  Error error = read_error(plan, {"eu-wst-1", "", {}});
  EXPECT_EQ(error.id, "E_REGION");
  EXPECT_EQ(error.message,
            "the Region given for plan.json: expected an AWS Region such as us-east-1, found "
            "'eu-wst-1'; did you mean 'eu-west-1'?");
  EXPECT_EQ(error.location.file, "plan.json");
  error = read_error(plan, {"", "", {{"plan.json", "eu-west-1:12345"}}});
  EXPECT_EQ(error.id, "E_ACCOUNT_ID");
  EXPECT_THAT(error.message, ::testing::StartsWith("the account given for plan.json: expected "));
}

TEST(TerraformReader, ReportsAProviderWithoutRegionOrAccount) {
  PlanText plan;
  plan.providers =
      R"({"aws": {"name": "aws", "expressions": {"profile": {"constant_value": "ci"}}}})";
  plan.changes = {vault("v", "v")};
  plan.blocks = {block("aws_backup_vault", "v")};
  Error error = read_error(plan);
  EXPECT_EQ(error.id, "E_TERRAFORM_UNRESOLVED");
  EXPECT_EQ(error.message,
            "cannot tell the Region of provider configuration 'aws', which aws_backup_vault.v "
            "uses: it has no region argument; give the provider a region (a constant or a "
            "variable), read data.aws_region with it, or give --region");
  EXPECT_EQ(error.location, at("/configuration/provider_config/aws"));

  plan.providers =
      R"({"aws": {"name": "aws", "expressions": {"region": {"constant_value": "us-east-7"}}}})";
  error = read_error(plan);
  EXPECT_EQ(error.id, "E_TERRAFORM_VALUE");
  EXPECT_EQ(error.message,
            "provider configuration 'aws': expected an AWS Region such as us-east-1, found "
            "'us-east-7'; did you mean 'us-east-1'?");
  EXPECT_EQ(error.location,
            at("/configuration/provider_config/aws/expressions/region/constant_value"));

  // An account id that is not one is a typo, not a provider that names no account.
  plan.providers = R"({"aws": {"name": "aws", "expressions": {"region": {"constant_value":
      "us-east-1"}, "allowed_account_ids": {"constant_value": ["11111111111"]}}}})";
  plan.prior = "[]";
  error = read_error(plan);
  EXPECT_EQ(error.to_string(),
            "plan.json#/configuration/provider_config/aws/expressions/allowed_account_ids/"
            "constant_value/0: error E_TERRAFORM_VALUE: provider configuration 'aws': expected a "
            "12-digit account id, found '11111111111'");

  plan.providers = kProviders;
  plan.prior = "[]";
  error = read_error(plan);
  EXPECT_EQ(error.id, "E_TERRAFORM_UNRESOLVED");
  EXPECT_EQ(error.message,
            "cannot tell the AWS account of provider configuration 'aws', which "
            "aws_backup_vault.v uses: no ARN in the plan and no data.aws_caller_identity read "
            "with it says; add data \"aws_caller_identity\" to the configuration, "
            "allowed_account_ids to the provider, or give --account");

  plan.prior = kCaller;
  plan.changes = {change("aws_backup_vault", "v")
                      .after(R"({"name": "v"})")
                      .unknown(R"({"arn": true, "region": true})")};
  plan.blocks = {block("aws_backup_vault", "v")
                     .expressions(fmt::format(R"({{"region": {}}})", refs({"aws_s3_bucket.b.region",
                                                                           "aws_s3_bucket.b"})))};
  error = read_error(plan);
  EXPECT_EQ(error.id, "E_TERRAFORM_UNRESOLVED");
  EXPECT_EQ(error.message,
            "aws_backup_vault.v: region is known only after apply, and its expression refers to "
            "aws_s3_bucket.b, which is not in the plan");
}

TEST(TerraformReader, FollowsReferencesThroughModulesCountAndForEach) {
  PlanText plan;
  // module "dr" { for_each = toset(["us-east-1", "us-west-2"]); key_arn = aws_kms_key.app.arn }
  //   resource "aws_kms_replica_key" "this" { region = each.key; primary_key_arn = var.key_arn }
  //   resource "aws_backup_vault" "this" { for_each = {a = 1}; kms_key_arn =
  //   aws_kms_replica_key.this.arn }
  // resource "aws_kms_key" "app" { count = 1 } (referenced as aws_kms_key.app[0])
  plan.changes = {
      mrk("app").index("0"),
  };
  for (const char* region : {"us-east-1", "us-west-2"}) {
    const std::string module = fmt::format("module.dr[\"{}\"]", region);
    plan.changes.push_back(change("aws_kms_replica_key", "this")
                               .module(module)
                               .after(fmt::format(R"({{"region": "{}", "enabled": true}})", region))
                               .unknown(R"({"arn": true, "primary_key_arn": true})"));
    plan.changes.push_back(
        change("aws_backup_vault", "this")
            .module(module)
            .index("\"a\"")
            .after(fmt::format(R"({{"name": "dr-{}", "region": "{}"}})", region, region))
            .unknown(R"({"arn": true, "kms_key_arn": true})"));
  }
  plan.blocks = {block("aws_kms_key", "app").extra(R"("count_expression": {"constant_value": 1})")};
  plan.root_extra = fmt::format(
      R"("module_calls": {{"dr": {{"source": "./dr",
          "expressions": {{"key_arn": {}, "region": {}}},
          "for_each_expression": {{"references": ["local.regions"]}},
          "module": {{"resources": [
            {{"address": "aws_kms_replica_key.this", "mode": "managed", "type": "aws_kms_replica_key",
              "name": "this", "provider_config_key": "aws", "schema_version": 0,
              "expressions": {{"primary_key_arn": {}, "region": {}}}}},
            {{"address": "aws_backup_vault.this", "mode": "managed", "type": "aws_backup_vault",
              "name": "this", "provider_config_key": "aws", "schema_version": 0,
              "for_each_expression": {{"constant_value": {{"a": 1}}}},
              "expressions": {{"kms_key_arn": {}}}}}],
            "variables": {{"key_arn": {{}}, "region": {{}}}}}}}}}})",
      refs({"aws_kms_key.app[0].arn", "aws_kms_key.app[0]", "aws_kms_key.app"}), refs({"each.key"}),
      refs({"var.key_arn"}), refs({"var.region"}),
      refs({"aws_kms_replica_key.this.arn", "aws_kms_replica_key.this"}));
  const ModelInput input = read(plan);
  ASSERT_EQ(input.vaults.size(), 2u);
  const Vault& west = named(input.vaults, "dr-us-west-2");
  EXPECT_EQ(west.address, "module.dr[\"us-west-2\"].aws_backup_vault.this[\"a\"]");
  EXPECT_EQ(west.arn, "arn:aws:backup:us-west-2:111111111111:backup-vault:dr-us-west-2");
  EXPECT_EQ(west.key, "module.dr[\"us-west-2\"].aws_kms_replica_key.this");
  const Key& replica = named(input.keys, "module.dr[\"us-west-2\"].aws_kms_replica_key.this");
  EXPECT_EQ(replica.region.name, "us-west-2");
  EXPECT_EQ(replica.primary, "aws_kms_key.app[0]");
  EXPECT_EQ(named(input.keys, "aws_kms_key.app[0]").multi_region, MultiRegion::primary);
  expect_builds(input);
}

TEST(TerraformReader, SkipsDeletionsAndReadsReplacementsAndTheState) {
  PlanText plan;
  plan.changes = {
      vault("gone", "gone").actions(R"(["delete"])").after("null"),
      vault("forgotten", "forgotten").actions(R"(["forget"])").after("null"),
      vault("replaced", "replaced").actions(R"(["delete", "create"])"),
  };
  plan.prior = prior({
      state(
          "aws_backup_vault", "gone",
          R"({"name": "gone", "arn": "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:gone"})",
          false),
      state(
          "aws_backup_vault", "untouched",
          R"({"name": "untouched", "arn": "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:untouched"})",
          false),
  });
  plan.blocks = {block("aws_backup_vault", "replaced"), block("aws_backup_vault", "untouched")};
  const ModelInput input = read(plan);
  std::vector<std::string> names;
  for (const Vault& v : input.vaults) names.push_back(v.name);
  EXPECT_THAT(names, ElementsAre("replaced", "untouched"));
  EXPECT_EQ(named(input.vaults, "untouched").location,
            at("/prior_state/values/root_module/resources/2"));
}

TEST(TerraformReader, ReadsAliasesOfKeysItDoesNotPlanAndDeferredDataSources) {
  PlanText plan;
  plan.changes = {
      change("aws_kms_alias", "old")
          .after(
              R"({"name": "alias/old", "target_key_id": "0a0a0a0a-1111-2222-3333-444444444444"})")
          .unknown(R"({"arn": true, "target_key_arn": true})"),
      change("aws_kms_alias", "backup")
          .data()
          .actions(R"(["read"])")
          .after(R"({"name": "alias/aws/backup"})")
          .unknown(R"({"arn": true, "target_key_arn": true, "target_key_id": true})"),
      change("aws_kms_alias", "team")
          .data()
          .actions(R"(["read"])")
          .after(R"({"name": "alias/team"})")
          .unknown(R"({"arn": true, "target_key_arn": true, "target_key_id": true})"),
      vault("team", "team"),
  };
  plan.blocks = {block("aws_kms_alias", "old"), block("aws_kms_alias", "backup").data(),
                 block("aws_kms_alias", "team").data(),
                 block("aws_backup_vault", "team")
                     .expressions(fmt::format(R"({{"kms_key_arn": {}}})",
                                              refs({"data.aws_kms_alias.team.target_key_arn",
                                                    "data.aws_kms_alias.team"})))};
  const ModelInput input = read(plan);
  const Key& old = named(input.keys, "old");
  EXPECT_EQ(old.arn,
            "arn:aws:kms:ap-northeast-1:111111111111:key/0a0a0a0a-1111-2222-3333-444444444444");
  EXPECT_EQ(old.manager, KeyManager::unknown);
  EXPECT_EQ(old.address, "");
  const Key& backup = named(input.keys, "aws/backup");  // read during apply: no ARN yet
  EXPECT_EQ(backup.arn, "");
  EXPECT_EQ(backup.manager, KeyManager::aws);
  EXPECT_EQ(backup.address, "data.aws_kms_alias.backup");
  EXPECT_EQ(named(input.vaults, "team").key_unknown,
            "aws_backup_vault.team: kms_key_arn is known only after apply, and its expression "
            "refers to data.aws_kms_alias.team, whose key the plan does not describe (read only "
            "during apply)");
  expect_builds(input);
}

TEST(TerraformReader, ReportsAModuleAddressItCannotRead) {
  PlanText plan;
  plan.changes = {vault("v", "v", "modules.dr")};
  const Error error = read_error(plan);
  EXPECT_EQ(error.to_string(),
            "plan.json#/resource_changes/0/module_address: error E_TERRAFORM_VALUE: expected a "
            "module address (module.NAME...) at /resource_changes/0/module_address, found "
            "'modules.dr'");
}

// ---------------------------------------------------------------------------------------------
// Addresses, references and policies (the reader's private parts)

TEST(TerraformAddress, ParsesModuleInstanceAddresses) {
  using terraform::ModuleStep;
  EXPECT_EQ(terraform::parse_module_address(""), terraform::ModulePath{});
  EXPECT_EQ(terraform::parse_module_address("module.dr[\"us-east-1\"].module.keys[0]"),
            (terraform::ModulePath{ModuleStep{"dr", "\"us-east-1\""}, ModuleStep{"keys", "0"}}));
  EXPECT_EQ(terraform::to_string({ModuleStep{"dr", "\"a.b\""}, ModuleStep{"keys", ""}}),
            "module.dr[\"a.b\"].module.keys");
  EXPECT_EQ(terraform::parse_module_address("module.dr[\"x\\\"]y\"]"),
            (terraform::ModulePath{ModuleStep{"dr", "\"x\\\"]y\""}}));
  EXPECT_EQ(terraform::parse_module_address("aws_kms_key.k"), std::nullopt);
  EXPECT_EQ(terraform::parse_module_address("module."), std::nullopt);
  EXPECT_EQ(terraform::parse_module_address("module.dr[x]"), std::nullopt);
}

TEST(TerraformAddress, ParsesReferences) {
  using Kind = terraform::Reference::Kind;
  auto ref = terraform::parse_reference("aws_backup_vault.dr[\"us-east-1\"].arn");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->kind, Kind::resource);
  EXPECT_FALSE(ref->data);
  EXPECT_EQ(ref->type, "aws_backup_vault");
  EXPECT_EQ(ref->name, "dr");
  EXPECT_EQ(ref->key, "\"us-east-1\"");
  EXPECT_EQ(ref->attribute, "arn");
  EXPECT_EQ(ref->root(), "aws_backup_vault.dr[\"us-east-1\"]");

  ref = terraform::parse_reference("data.aws_kms_alias.rds.target_key_arn");
  ASSERT_TRUE(ref);
  EXPECT_TRUE(ref->data);
  EXPECT_EQ(ref->to_string(), "data.aws_kms_alias.rds.target_key_arn");

  ref = terraform::parse_reference("module.keys[0].key_arn");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->kind, Kind::module_output);
  EXPECT_EQ(ref->name, "keys");
  EXPECT_EQ(ref->key, "0");
  EXPECT_EQ(ref->attribute, "key_arn");

  ref = terraform::parse_reference("var.tags[\"team\"]");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->kind, Kind::variable);
  EXPECT_EQ(ref->root(), "var.tags");
  EXPECT_EQ(terraform::parse_reference("local.arns")->kind, Kind::local);
  EXPECT_EQ(terraform::parse_reference("each.key")->root(), "each.key");
  EXPECT_EQ(terraform::parse_reference("aws_db_instance.reports[*].arn")->has_key, false);
  EXPECT_EQ(terraform::parse_reference("[0]"), std::nullopt);
  EXPECT_EQ(terraform::parse_reference("aws_kms_key..arn"), std::nullopt);
}

TEST(TerraformPolicy, ReadsWhoAPolicyLetsIn) {
  const auto who = [](std::string_view policy, std::string_view action) {
    auto r = terraform::allowed_principals(policy, action, "111111111111");
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : std::vector<std::string>{};
  };
  EXPECT_THAT(who(R"({"Statement": {"Effect": "Allow", "Action": "kms:*",
                                    "Principal": {"AWS": ["arn:aws:iam::111111111111:root",
                                                          "arn:aws:iam::222222222222:root",
                                                          "arn:aws:iam::333333333333:role/x"]}}})",
                  "kms:Decrypt"),
              ElementsAre("222222222222"));
  EXPECT_THAT(who(R"({"Statement": [{"Effect": "Allow", "Action": ["kms:Re*", "kms:Dec*"],
                                     "Principal": "*",
                                     "Condition": {"StringEquals": {"kms:CallerAccount": ["333333333333", "444444444444"]}}},
                                    {"Effect": "Deny", "Action": "kms:Decrypt",
                                     "Principal": {"AWS": "555555555555"}},
                                    {"Effect": "Allow", "Action": "kms:Encrypt",
                                     "Principal": {"AWS": "666666666666"}},
                                    {"Effect": "Allow", "Action": "*",
                                     "Principal": {"Service": "backup.amazonaws.com"}}]})",
                  "kms:Decrypt"),
              ElementsAre("333333333333", "444444444444"));
  EXPECT_THAT(who(R"({"Statement": [{"Effect": "Allow", "Action": "backup:CopyIntoBackupVault",
                                     "Principal": {"AWS": "*"}}]})",
                  "backup:CopyIntoBackupVault"),
              ElementsAre("*"));
  auto bad = terraform::allowed_principals(R"({"Version": "2012-10-17"})", "kms:Decrypt", "");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().id, "E_TERRAFORM_VALUE");
  EXPECT_EQ(bad.error().message,
            "expected a policy document with a Statement object or list, found no Statement");
}

// ---------------------------------------------------------------------------------------------
// Locations in the configuration the plan was made from (--terraform-source, or beside the plan)

class PlanInConfiguration : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("snapkey-plan-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    options_.source_dir = dir_.string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    const std::filesystem::path path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  std::string at(const std::string& name, int line, int column) const {
    return fmt::format("{}:{}:{}", (dir_ / name).string(), line, column);
  }

  std::filesystem::path dir_;
  TerraformOptions options_;
};

constexpr const char* kVaultAndPlan =
    "resource \"aws_backup_vault\" \"primary\" {\n"  // 1
    "  name = \"primary\"\n"
    "}\n"
    "resource \"aws_backup_plan\" \"daily\" {\n"  // 4
    "  name = \"daily\"\n"
    "  rule {\n"  // 6
    "    rule_name         = \"hourly\"\n"
    "    target_vault_name = \"Default\"\n"
    "  }\n"
    "  rule {\n"  // 10
    "    rule_name         = \"daily\"\n"
    "    target_vault_name = aws_backup_vault.primary.name\n"
    "  }\n"
    "}\n";

PlanText daily_plan() {
  PlanText plan;
  // A plan lists a set's blocks (rule is one) in its own order, not as written.
  plan.changes = {
      vault("primary", "primary"),
      change("aws_backup_plan", "daily")
          .after(fmt::format(R"({{"name": "daily", "rule": [{}, {}]}})",
                             rule_json("daily", "primary", ""), rule_json("hourly", "Default", "")))
          .unknown(R"({"arn": true, "id": true})")};
  return plan;
}

TEST_F(PlanInConfiguration, LocationsPointAtTheBlocksByAddress) {
  write("main.tf", kVaultAndPlan);
  const ModelInput input = read(daily_plan(), options_);
  EXPECT_EQ(named(input.vaults, "primary").location.to_string(), at("main.tf", 1, 1));
  ASSERT_EQ(input.plans.size(), 1u);
  EXPECT_EQ(input.plans[0].location.to_string(), at("main.tf", 4, 1));
  ASSERT_EQ(input.plans[0].rules.size(), 2u);
  for (const PlanRule& rule : input.plans[0].rules) {
    // Each rule at its own block, matched by its constant arguments.
    EXPECT_EQ(rule.location.to_string(), at("main.tf", rule.name == "daily" ? 10 : 6, 3))
        << rule.name;
  }
}

TEST_F(PlanInConfiguration, ADynamicBlockIsWhereItsBlocksAre) {
  write("main.tf",
        "resource \"aws_backup_vault\" \"primary\" {\n  name = \"primary\"\n}\n"
        "resource \"aws_backup_plan\" \"daily\" {\n  name = \"daily\"\n"
        "  dynamic \"rule\" {\n    for_each = var.rules\n"  // 6
        "    content {\n      rule_name = rule.key\n    }\n  }\n}\n");
  const ModelInput input = read(daily_plan(), options_);
  ASSERT_EQ(input.plans.size(), 1u);
  for (const PlanRule& rule : input.plans[0].rules) {
    EXPECT_EQ(rule.location.to_string(), at("main.tf", 6, 3));
  }
}

TEST_F(PlanInConfiguration, ModulesAndWhatTheConfigurationDoesNotHave) {
  write("main.tf", "module \"dr\" {\n  source = \"./modules/dr\"\n}\n");
  write("modules/dr/vault.tf",
        "\n\nresource \"aws_backup_vault\" \"this\" {\n  name = \"dr\"\n}\n");
  PlanText plan;
  plan.changes = {vault("this", "dr", "module.dr"), vault("other", "other")};
  const ModelInput input = read(plan, options_);
  ASSERT_EQ(input.vaults.size(), 2u);
  EXPECT_EQ(named(input.vaults, "dr").location.to_string(), at("modules/dr/vault.tf", 3, 1));
  // Not in the configuration: it stays in the plan.
  EXPECT_EQ(named(input.vaults, "other").location.to_string(), "plan.json#/resource_changes/1");
}

TEST_F(PlanInConfiguration, APlanBesideItsConfigurationFindsIt) {
  write("main.tf", kVaultAndPlan);
  write("plan.json", daily_plan().json());
  auto input = read_terraform_plan_file((dir_ / "plan.json").string());
  ASSERT_TRUE(input) << input.error().to_string();
  EXPECT_EQ(named(input->vaults, "primary").location.to_string(), at("main.tf", 1, 1));
  // Elsewhere, without --terraform-source: the plan's own places.
  std::filesystem::create_directories(dir_ / "out");
  write("out/plan.json", daily_plan().json());
  auto alone = read_terraform_plan_file((dir_ / "out/plan.json").string());
  ASSERT_TRUE(alone) << alone.error().to_string();
  EXPECT_EQ(named(alone->vaults, "primary").location.pointer, "/resource_changes/0");
}

TEST_F(PlanInConfiguration, ABrokenConfigurationIsAnError) {
  write("main.tf", "resource \"aws_backup_vault\" \"primary\" {\n");
  EXPECT_EQ(read_error(daily_plan(), options_).id, "E_HCL_SYNTAX");
  options_.source_dir = (dir_ / "nowhere").string();
  const Error nowhere = read_error(daily_plan(), options_);
  EXPECT_EQ(nowhere.id, "E_FILE");
  EXPECT_EQ(nowhere.location.file, options_.source_dir);
}

}  // namespace
}  // namespace snapkey::io
