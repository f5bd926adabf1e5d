// Tests for the scenario writer (write_scenario): the exact output for small models, every
// section and field, quoting of odd strings, order, and reading the output back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "snapkey/io/scenario.hpp"
#include "snapkey/model.hpp"
#include "support/world.hpp"

namespace snapkey::io {
namespace {

using snapkey::testing::kA;
using snapkey::testing::kB;
using snapkey::testing::World;
using ::testing::ElementsAre;
using ::testing::Pair;

Model build(const World& world) {
  Result<Model> model = world.build();
  if (!model) {
    ADD_FAILURE() << model.error().to_string();
    return *Model::build({});
  }
  return std::move(*model);
}

// Reads what write_scenario wrote and builds it.
Model read_back(const std::string& yaml) {
  Result<ModelInput> in = read_scenario(yaml, "exported.yaml");
  if (!in) {
    ADD_FAILURE() << in.error().to_string() << "\n" << yaml;
    return *Model::build({});
  }
  Result<Model> model = Model::build(std::move(*in));
  if (!model) {
    ADD_FAILURE() << model.error().to_string() << "\n" << yaml;
    return *Model::build({});
  }
  return std::move(*model);
}

// A model with every section and every field the writer writes.
World every_field() {
  World w;
  w.in.as_of = Date{2026, 11, 28};
  w.account(kA).organization = "o-a1b2c3d4e5";
  Account& b = w.account(kB);
  b.organization = "";
  b.cross_account_backup = false;
  w.account("333333333333");

  Key& app = w.key("app-key", "us-east-1");
  app.aliases = {"alias/app", "alias/app-old"};
  app.shared_with = {kB, "o-a1b2c3d4e5"};
  app.address = "aws_kms_key.app";
  w.mrk("mrk-primary", "us-east-1", MultiRegion::primary);
  w.mrk("mrk-replica", "us-west-2", MultiRegion::replica).primary = "mrk-primary";
  Key& mac = w.key("mac", "us-east-1");
  mac.spec = "HMAC_256";
  mac.usage = "GENERATE_VERIFY_MAC";
  mac.state = KeyState::disabled;
  mac.aliases.clear();
  Key planned;
  planned.name = "planned";
  planned.region = Region{"us-east-1"};
  planned.account = AccountId{kA};
  planned.aliases = {"alias/planned"};
  planned.manager = KeyManager::unknown;
  planned.state = KeyState::unknown;
  planned.shared_with_unknown = "aws_kms_key.planned: policy is known only after apply";
  w.in.keys.push_back(planned);
  w.key("none", "us-east-1").aliases.clear();  // a name that is also a word of `key:`

  Resource& orders = w.resource("orders", "app-key", ResourceType::aurora, "us-east-1");
  orders.tags = {{"env", "prod"}, {"team", "commerce"}};
  orders.option_group = OptionGroup{"og-tde", {"TDE"}, {"us-west-2"}};
  orders.address = "aws_rds_cluster.orders";
  w.resource("legacy", "", ResourceType::rds_instance, "us-east-1");
  w.resource("new", "", ResourceType::aurora, "us-east-1").default_encryption = true;
  w.resource("owned", std::string(kAwsOwnedKey), ResourceType::aurora, "us-east-1");
  Resource& mystery = w.resource("mystery", "", ResourceType::aurora, "us-east-1");
  mystery.key_unknown = "aws_rds_cluster.mystery: kms_key_id is known only after apply";
  mystery.tags = {{"tier", "gold"}};  // the selection by tier may assign it
  w.resource("db@prod", "none", ResourceType::neptune, "us-east-1").arn =
      "arn:aws:rds:us-east-1:111111111111:cluster:db-prod";

  w.vault("primary", "us-east-1");
  w.vault("dr", "us-west-2", "mrk-replica").allows_copy_from = std::vector<std::string>{kB};
  w.vault("lag", "us-east-1").type = VaultType::logically_air_gapped;
  Vault& central = w.vault("central", "us-east-1", "", kB);
  central.allows_copy_from = std::nullopt;
  central.key_unknown = "vault central is not in the plan, so its key is not known";
  central.address = "aws_backup_vault.central";

  Plan& daily = w.plan("daily", "primary", {"orders", "legacy", "db@prod"}, {"dr", "central"});
  daily.arn = "arn:aws:backup:us-east-1:111111111111:backup-plan:daily";
  daily.rules[0].air_gapped_vault = "lag";
  PlanRule pitr;
  pitr.name = "pitr";
  pitr.vault = "primary";
  pitr.continuous = true;
  daily.rules.push_back(pitr);
  Selection by_tag;
  by_tag.name = "by-tier";
  by_tag.all_tags = {{TagCondition::Test::equals, "tier", "", "parameter Tier has no value"}};
  daily.selections.push_back(by_tag);
  daily.address = "aws_backup_plan.daily";
  Plan& later = w.plan("later", "", {});
  later.rules[0].vault_unknown = "target_vault_name is known only after apply";
  later.rules[0].copy_to_unknown = {"the first copy's destination is not known",
                                    "the second copy's destination is not known"};
  later.rules[0].air_gapped_vault_unknown = "the air-gapped target is not known";

  w.job(JobKind::copy, "orders@dr").to = "central";
  Job& native = w.job(JobKind::native_copy, "orders@primary");
  native.region = "us-west-2";
  native.account = kA;
  native.key = "mrk-replica";
  Job restore;
  restore.kind = JobKind::restore;
  restore.from = RecoveryPointRef{"db@prod", "primary"};
  restore.key = "alias/aws/rds";
  restore.account = kA;
  w.in.jobs.push_back(restore);

  ObservedCopyJob observed;
  observed.id = "job-1";
  w.in.copy_jobs.push_back(observed);
  return w;
}

// The header names the inputs and what was not exported; then every section, sorted by name.
constexpr std::string_view kEveryField = R"yaml(# Exported by snapkey from: plan.json export/
# A scenario (docs/scenario-format.md) that predicts what those inputs predict.
# Backup selections are written as the resources they assign (resources, resources_unknown).
# Not exported (no place in a scenario): 1 observed copy job, 2 suppressions written in the inputs.
as_of: 2026-11-28
accounts:
  "111111111111": {organization: o-a1b2c3d4e5}
  "222222222222": {organization: none, cross_account_backup: false}
  "333333333333": {}
keys:
  app-key:
    arn: arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000000
    aliases: [alias/app, alias/app-old]
    shared_with: ["222222222222", o-a1b2c3d4e5]
    address: aws_kms_key.app
  mac:
    arn: arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000003
    state: Disabled
    spec: HMAC_256
    usage: GENERATE_VERIFY_MAC
  mrk-primary:
    arn: arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef
    alias: alias/mrk-primary
    multi_region: primary
  mrk-replica:
    arn: arn:aws:kms:us-west-2:111111111111:key/mrk-0123456789abcdef0123456789abcdef
    alias: alias/mrk-replica
    multi_region: replica
    primary: mrk-primary
  none:
    arn: arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000005
  planned:
    region: us-east-1
    account: "111111111111"
    alias: alias/planned
    manager: unknown
    state: unknown
    shared_with_unknown: "aws_kms_key.planned: policy is known only after apply"
resources:
  db@prod:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:db-prod
    type: neptune
    key: arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000005
  legacy:
    arn: arn:aws:rds:us-east-1:111111111111:db:legacy
    type: rds-instance
    key: none
  mystery:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:mystery
    type: aurora
    key: unknown
    key_unknown: "aws_rds_cluster.mystery: kms_key_id is known only after apply"
    tags:
      tier: gold
  new:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:new
    type: aurora
    key: default
  orders:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:orders
    type: aurora
    key: app-key
    tags:
      env: prod
      team: commerce
    option_group:
      name: og-tde
      persistent_options: [TDE]
      regions: [us-west-2]
    address: aws_rds_cluster.orders
  owned:
    arn: arn:aws:rds:us-east-1:111111111111:cluster:owned
    type: aurora
    key: aws-owned
vaults:
  central:
    arn: arn:aws:backup:us-east-1:222222222222:backup-vault:central
    key: unknown
    key_unknown: vault central is not in the plan, so its key is not known
    allows_copy_from: unknown
    address: aws_backup_vault.central
  dr:
    arn: arn:aws:backup:us-west-2:111111111111:backup-vault:dr
    key: mrk-replica
    allows_copy_from: ["222222222222"]
  lag:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:lag
    type: logically-air-gapped
  primary:
    arn: arn:aws:backup:us-east-1:111111111111:backup-vault:primary
plans:
  daily:
    arn: arn:aws:backup:us-east-1:111111111111:backup-plan:daily
    rules:
      - name: daily-rule
        vault: primary
        copy_to: [central, dr]
        air_gapped_vault: lag
      - name: pitr
        vault: primary
        continuous: true
    resources: [db@prod, legacy, orders]
    resources_unknown:
      mystery: "whether selection 'by-tier' of plan 'daily' assigns mystery: parameter Tier has no value"
    address: aws_backup_plan.daily
  later:
    rules:
      - name: later-rule
        vault_unknown: target_vault_name is known only after apply
        copy_to_unknown:
          - the first copy's destination is not known
          - the second copy's destination is not known
        air_gapped_vault_unknown: the air-gapped target is not known
    resources: []
jobs:
  - copy: {from: orders@dr, to: central}
  - native_copy: {from: orders@primary, region: us-west-2, account: "111111111111", key: mrk-replica}
  - restore: {from: arn:aws:rds:us-east-1:111111111111:cluster:db-prod@primary, key: alias/aws/rds, account: "111111111111"}
)yaml";

TEST(ScenarioWriterTest, WritesEverySectionAndField) {
  const Model model = build(every_field());
  EXPECT_EQ(write_scenario(model, {.inputs = {"plan.json", "export/"}, .suppressions = 2}),
            kEveryField);
}

// What follows the header comment.
std::string body(const std::string& yaml) {
  std::size_t at = 0;
  while (yaml.compare(at, 1, "#") == 0) at = yaml.find('\n', at) + 1;
  return yaml.substr(at);
}

TEST(ScenarioWriterTest, ReadingTheOutputBackGivesTheSameModel) {
  const std::string first = write_scenario(build(every_field()));
  const Model again = read_back(first);
  // Only the header changes: the model read back has no selections and no observed copy job.
  EXPECT_EQ(body(write_scenario(again)), body(first));
  EXPECT_EQ(write_scenario(again),
            "# Exported by snapkey.\n"
            "# A scenario (docs/scenario-format.md) that predicts what its model predicts.\n" +
                body(first));

  const Key* planned = again.find_key("planned", AccountId{kA}, Region{"us-east-1"});
  ASSERT_NE(planned, nullptr);
  EXPECT_EQ(planned->arn, "");
  EXPECT_EQ(planned->state, KeyState::unknown);
  EXPECT_EQ(planned->shared_with_unknown, "aws_kms_key.planned: policy is known only after apply");
  const Plan& daily = again.plans()[0];
  EXPECT_THAT(daily.resources, ElementsAre("db@prod", "legacy", "orders"));
  EXPECT_EQ(daily.address, "aws_backup_plan.daily");
  EXPECT_THAT(again.plans()[1].rules[0].copy_to_unknown,
              ElementsAre("the first copy's destination is not known",
                          "the second copy's destination is not known"));
  ASSERT_EQ(again.jobs().size(), 3u);
  EXPECT_EQ(again.jobs()[2].from.resource, "arn:aws:rds:us-east-1:111111111111:cluster:db-prod");
}

TEST(ScenarioWriterTest, TheOrderOfTheInputDoesNotMatter) {
  World shuffled = every_field();
  std::reverse(shuffled.in.accounts.begin(), shuffled.in.accounts.end());
  std::reverse(shuffled.in.keys.begin(), shuffled.in.keys.end());
  std::reverse(shuffled.in.resources.begin(), shuffled.in.resources.end());
  std::reverse(shuffled.in.vaults.begin(), shuffled.in.vaults.end());
  std::reverse(shuffled.in.plans.begin(), shuffled.in.plans.end());
  std::reverse(shuffled.in.jobs.begin(), shuffled.in.jobs.end());
  for (Plan& plan : shuffled.in.plans) {
    std::reverse(plan.rules.begin(), plan.rules.end());
    std::reverse(plan.resources.begin(), plan.resources.end());
  }
  EXPECT_EQ(write_scenario(build(shuffled)), write_scenario(build(every_field())));
}

TEST(ScenarioWriterTest, AnEmptyModel) {
  EXPECT_EQ(write_scenario(*Model::build({}), {.inputs = {"empty.yaml"}}),
            "# Exported by snapkey from: empty.yaml\n"
            "# A scenario (docs/scenario-format.md) that predicts what those inputs predict.\n"
            "{}\n");
  EXPECT_EQ(read_back("{}\n").keys().size(), 0u);
}

// Strings that YAML would read as something else, or that need escapes, are double-quoted; the
// rest are written plain. Every one reads back as itself.
TEST(ScenarioWriterTest, QuotesWhatYamlWouldNotReadAsTheString) {
  const std::vector<std::string> odd = {
      "",      "null", "Null", "~",    "true",   "False", "yes",   "No",    "on",
      "OFF",   "y",    "123",  "0x1f", "1e3",    "-.5",   ".inf",  "+1",    "2026-01-01",
      "12:30", "<<",   "=",    "-",    "- a",    "a: b",  "a #b",  "#x",    "@x",
      "*x",    "&x",   "!x",   "%x",   "`x",     "'x'",   "\"q\"", " lead", "trail ",
      "a\nb",  "a\tb", "{x}",  "[x]",  "a, b",   "?x",    "|",     ">",     "é ü",
      "plain", "a-b",  "a@b",  "x:",   "\\back", "it's",  "a\"b"};
  std::map<std::string, std::string> tags;
  for (const std::string& text : odd) tags[text.empty() ? std::string("empty") : text] = text;
  World w;
  w.resource("r", "", ResourceType::aurora, "us-east-1").tags = tags;
  w.resource("odd: #name", "", ResourceType::aurora, "us-east-1");
  const std::string yaml = write_scenario(build(w));
  const Model again = read_back(yaml);
  ASSERT_EQ(again.resources().size(), 2u);
  EXPECT_EQ(again.resources()[0].name, "odd: #name");
  EXPECT_EQ(again.resources()[1].tags, tags);
  for (const std::string_view line :
       {"  \"odd: #name\":\n", "      \"null\": \"null\"\n", "      \"true\": \"true\"\n",
        "      \"yes\": \"yes\"\n", "      \"123\": \"123\"\n",
        "      \"2026-01-01\": \"2026-01-01\"\n", "      \"<<\": \"<<\"\n", "      empty: \"\"\n",
        "      \"a\\nb\": \"a\\nb\"\n", "      \"a: b\": \"a: b\"\n", "      \"#x\": \"#x\"\n",
        "      plain: plain\n", "      a-b: a-b\n", "      a@b: a@b\n", "      é ü: é ü\n"}) {
    EXPECT_NE(yaml.find(line), std::string::npos) << line << "\n" << yaml;
  }
}

// A key named as one of the words of `key:` is written as its ARN, so that it reads back as the
// key and not as the word.
TEST(ScenarioWriterTest, AKeyNamedAsAWordIsWrittenAsItsArn) {
  World w;
  w.key("unknown", "us-east-1");
  w.key("default", "us-east-1").aliases = {"alias/default"};
  w.resource("a", "unknown", ResourceType::aurora, "us-east-1");
  w.resource("b", "default", ResourceType::aurora, "us-east-1");
  w.vault("v", "us-east-1", "unknown");
  const Model again = read_back(write_scenario(build(w)));
  EXPECT_EQ(again.resources()[0].key,
            "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000000");
  EXPECT_EQ(again.resources()[0].key_unknown, "");
  EXPECT_EQ(again.resources()[1].key,
            "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001");
  EXPECT_FALSE(again.resources()[1].default_encryption);
  EXPECT_EQ(again.vaults()[0].key, again.resources()[0].key);
}

}  // namespace
}  // namespace snapkey::io
