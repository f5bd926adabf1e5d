// Tests for the policy reader (read_policy, read_policy_file), the example policies and the YAML
// of docs/policy-format.md.
//
// Every error test pins the whole error as Error::to_string(): file:line:column, id and message.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/check.hpp"
#include "snapkey/io/policy.hpp"
#include "snapkey/io/scenario.hpp"
#include "snapkey/model.hpp"
#include "snapkey/policy.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::io {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

constexpr std::string_view kFile = "p.yaml";
const std::string kData = std::string(SNAPKEY_TEST_DATA) + "/policy/";
const std::string kExamples = std::string(SNAPKEY_SOURCE_DIR) + "/examples/policies/";

// The error that reading `yaml` gives, as the CLI prints it; "ok" when there is none.
std::string error_of(std::string_view yaml) {
  const Result<Policy> policy = read_policy(yaml, kFile);
  return policy ? std::string("ok") : policy.error().to_string();
}

// Reads `yaml`, which must be valid.
Policy read(std::string_view yaml) {
  Result<Policy> policy = read_policy(yaml, kFile);
  if (!policy) ADD_FAILURE() << policy.error().to_string();
  return policy ? std::move(*policy) : Policy{};
}

std::vector<std::string> names(const std::vector<Region>& regions) {
  std::vector<std::string> out;
  for (const Region& region : regions) out.push_back(region.name);
  return out;
}

std::vector<std::string> ids(const std::vector<AccountId>& accounts) {
  std::vector<std::string> out;
  for (const AccountId& account : accounts) out.push_back(account.value);
  return out;
}

// The brief's example: every key of the format once.
constexpr std::string_view kEveryKey = R"(# backup-policy.yaml
version: 1
checks:
  INDETERMINATE: error
  RESTS_ON_INFERRED_RULE: off
  COPY_SHARES_SOURCE_KEY: {severity: error}
  NOT_PROTECTED: {enabled: false}
scope:
  resources: ["arn:aws:rds:*:111111111111:cluster:*", "orders-*"]
  tags: {backup: "true"}
require:
  backup: true
  copy_regions: [us-west-2]
  copy_accounts: ["222222222222"]
  cross_region_copy: true
  cross_account_copy: true
  copy_key_manager: customer
allowed_keys:
  - "arn:aws:kms:*:111111111111:key/mrk-*"
  - alias/backup-*
suppressions:
  - check: MRK_REPLICA_UNUSED
    resource: legacy-*
    region: us-west-2
    reason: "Legacy cluster; moves to the replica vault in Q1"
    expires: 2027-03-31
)";

// --- what a policy sets --------------------------------------------------------------------------

TEST(PolicyReader, EmptyFileIsTheDefaultPolicy) {
  for (std::string_view text :
       {"", "\n", "# nothing yet\n", "---\n", "# c\n---\n", "---\n---\n---\n", "...\n"}) {
    const Policy policy = read(text);
    EXPECT_EQ(policy.file, "p.yaml");
    EXPECT_THAT(policy.checks, IsEmpty());
    EXPECT_THAT(policy.scope_resources, IsEmpty());
    EXPECT_THAT(policy.scope_tags, IsEmpty());
    EXPECT_TRUE(policy.require_backup);
    EXPECT_THAT(policy.copy_regions, IsEmpty());
    EXPECT_THAT(policy.copy_accounts, IsEmpty());
    EXPECT_FALSE(policy.require_cross_region_copy);
    EXPECT_FALSE(policy.require_cross_account_copy);
    EXPECT_EQ(policy.copy_key_manager, std::nullopt);
    EXPECT_THAT(policy.allowed_keys, IsEmpty());
    EXPECT_THAT(policy.suppressions, IsEmpty());
  }
}

TEST(PolicyReader, SectionsWithNothingSetNothing) {
  const Policy policy =
      read("version: 1\nchecks:\nscope:\nrequire:\nallowed_keys:\nsuppressions:\n");
  EXPECT_THAT(policy.checks, IsEmpty());
  EXPECT_TRUE(policy.require_backup);
  EXPECT_THAT(policy.suppressions, IsEmpty());
}

TEST(PolicyReader, ReadsEveryKey) {
  const Policy policy = read(kEveryKey);
  EXPECT_EQ(policy.file, "p.yaml");
  ASSERT_EQ(policy.checks.size(), 4U);
  const CheckSetting& indeterminate = policy.checks.at("INDETERMINATE");
  EXPECT_TRUE(indeterminate.enabled);
  EXPECT_EQ(indeterminate.severity, Severity::error);
  EXPECT_EQ(indeterminate.location.to_string(), "p.yaml:4:3");
  const CheckSetting& inferred = policy.checks.at("RESTS_ON_INFERRED_RULE");
  EXPECT_FALSE(inferred.enabled);
  EXPECT_EQ(inferred.severity, std::nullopt);
  EXPECT_EQ(inferred.location.to_string(), "p.yaml:5:3");
  const CheckSetting& shares = policy.checks.at("COPY_SHARES_SOURCE_KEY");
  EXPECT_TRUE(shares.enabled);
  EXPECT_EQ(shares.severity, Severity::error);
  const CheckSetting& protection = policy.checks.at("NOT_PROTECTED");
  EXPECT_FALSE(protection.enabled);
  EXPECT_EQ(protection.severity, std::nullopt);
  EXPECT_EQ(protection.location.to_string(), "p.yaml:7:3");

  EXPECT_THAT(policy.scope_resources,
              ElementsAre("arn:aws:rds:*:111111111111:cluster:*", "orders-*"));
  EXPECT_THAT(policy.scope_tags, ElementsAre(Pair("backup", "true")));
  EXPECT_TRUE(policy.require_backup);
  EXPECT_THAT(names(policy.copy_regions), ElementsAre("us-west-2"));
  EXPECT_THAT(ids(policy.copy_accounts), ElementsAre("222222222222"));
  EXPECT_TRUE(policy.require_cross_region_copy);
  EXPECT_TRUE(policy.require_cross_account_copy);
  EXPECT_EQ(policy.copy_key_manager, KeyManager::customer);
  EXPECT_THAT(policy.allowed_keys,
              ElementsAre("arn:aws:kms:*:111111111111:key/mrk-*", "alias/backup-*"));

  ASSERT_EQ(policy.suppressions.size(), 1U);
  const Suppression& s = policy.suppressions[0];
  EXPECT_EQ(s.check, "MRK_REPLICA_UNUSED");
  EXPECT_EQ(s.recovery_point, "");
  EXPECT_EQ(s.resource, "legacy-*");
  EXPECT_EQ(s.vault, "");
  EXPECT_EQ(s.region, "us-west-2");
  EXPECT_EQ(s.account, "");
  EXPECT_EQ(s.reason, "Legacy cluster; moves to the replica vault in Q1");
  EXPECT_EQ(s.expires, (Date{2027, 3, 31}));
  EXPECT_EQ(s.location.to_string(), "p.yaml:22:5");
}

TEST(PolicyReader, CheckShorthands) {
  const Policy policy = read(R"(checks:
  JOB_FAILS: info
  UNSUPPORTED: warning
  UNENCRYPTED: error
  COPY_KEY_MANAGER: on
  KEY_NOT_ALLOWED: "off"
)");
  ASSERT_EQ(policy.checks.size(), 5U);
  EXPECT_EQ(policy.checks.at("JOB_FAILS").severity, Severity::info);
  EXPECT_EQ(policy.checks.at("UNSUPPORTED").severity, Severity::warning);
  EXPECT_EQ(policy.checks.at("UNENCRYPTED").severity, Severity::error);
  EXPECT_TRUE(policy.checks.at("UNENCRYPTED").enabled);
  EXPECT_TRUE(policy.checks.at("COPY_KEY_MANAGER").enabled);
  EXPECT_EQ(policy.checks.at("COPY_KEY_MANAGER").severity, std::nullopt);
  EXPECT_FALSE(policy.checks.at("KEY_NOT_ALLOWED").enabled);
  EXPECT_EQ(policy.checks.at("KEY_NOT_ALLOWED").location.to_string(), "p.yaml:6:3");
}

TEST(PolicyReader, CheckMaps) {
  const Policy policy = read(R"(checks:
  JOB_FAILS: {severity: warning, enabled: true}
  UNSUPPORTED:
    enabled: false
    severity: info
  UNENCRYPTED: {}
)");
  EXPECT_TRUE(policy.checks.at("JOB_FAILS").enabled);
  EXPECT_EQ(policy.checks.at("JOB_FAILS").severity, Severity::warning);
  EXPECT_FALSE(policy.checks.at("UNSUPPORTED").enabled);
  EXPECT_EQ(policy.checks.at("UNSUPPORTED").severity, Severity::info);
  EXPECT_EQ(policy.checks.at("UNSUPPORTED").location.to_string(), "p.yaml:3:3");
  EXPECT_TRUE(policy.checks.at("UNENCRYPTED").enabled);
  EXPECT_EQ(policy.checks.at("UNENCRYPTED").severity, std::nullopt);
}

TEST(PolicyReader, RequireDefaultsAndFalse) {
  const Policy policy = read(R"(require:
  backup: false
  cross_region_copy: FALSE
  cross_account_copy: False
)");
  EXPECT_FALSE(policy.require_backup);
  EXPECT_FALSE(policy.require_cross_region_copy);
  EXPECT_FALSE(policy.require_cross_account_copy);
  EXPECT_EQ(policy.copy_key_manager, std::nullopt);
}

TEST(PolicyReader, CopyRegionsAndAccountsAreSortedOnce) {
  const Policy policy = read(R"(require:
  copy_regions: [us-west-2, eu-west-1, us-west-2]
  copy_accounts:
    - "333333333333"
    - '012345678901'
    - "333333333333"
)");
  EXPECT_THAT(names(policy.copy_regions), ElementsAre("eu-west-1", "us-west-2"));
  EXPECT_THAT(ids(policy.copy_accounts), ElementsAre("012345678901", "333333333333"));
}

TEST(PolicyReader, EveryCopyKeyManager) {
  EXPECT_EQ(read("require: {copy_key_manager: customer}").copy_key_manager, KeyManager::customer);
  EXPECT_EQ(read("require: {copy_key_manager: aws}").copy_key_manager, KeyManager::aws);
  EXPECT_EQ(read("require: {copy_key_manager: aws-owned}").copy_key_manager, KeyManager::aws_owned);
}

TEST(PolicyReader, ScopeTagsKeepTheirTextAndOrderByKey) {
  const Policy policy = read(R"(scope:
  tags:
    team: payments
    backup: true
    tier: 1
    note: ""
)");
  EXPECT_THAT(policy.scope_tags, ElementsAre(Pair("backup", "true"), Pair("note", ""),
                                             Pair("team", "payments"), Pair("tier", "1")));
}

TEST(PolicyReader, SuppressionsInFileOrderWithEveryPattern) {
  const Policy policy = read(R"(suppressions:
  - check: JOB_FAILS
    recovery_point: "orders@*"
    resource: arn:aws:rds:us-east-1:111111111111:cluster:orders
    vault: arn:aws:backup:us-east-1:111111111111:backup-vault:Default
    region: "us-*"
    account: "111111111111"
    reason: |
      Known; the vault moves next sprint.
  - {check: UNENCRYPTED, account: "1111*", reason: accepted}
)");
  ASSERT_EQ(policy.suppressions.size(), 2U);
  const Suppression& first = policy.suppressions[0];
  EXPECT_EQ(first.check, "JOB_FAILS");
  EXPECT_EQ(first.recovery_point, "orders@*");
  EXPECT_EQ(first.resource, "arn:aws:rds:us-east-1:111111111111:cluster:orders");
  EXPECT_EQ(first.vault, "arn:aws:backup:us-east-1:111111111111:backup-vault:Default");
  EXPECT_EQ(first.region, "us-*");
  EXPECT_EQ(first.account, "111111111111");
  EXPECT_EQ(first.reason, "Known; the vault moves next sprint.\n");
  EXPECT_EQ(first.expires, std::nullopt);
  EXPECT_EQ(first.location.to_string(), "p.yaml:2:5");
  const Suppression& second = policy.suppressions[1];
  EXPECT_EQ(second.check, "UNENCRYPTED");
  EXPECT_EQ(second.account, "1111*");
  EXPECT_EQ(second.reason, "accepted");
  EXPECT_EQ(second.location.to_string(), "p.yaml:10:5");  // the flow map's brace
}

TEST(PolicyReader, AnchorsAndAliasesWork) {
  const Policy policy = read(R"(scope:
  resources: &critical [orders, payments]
allowed_keys: *critical
)");
  EXPECT_THAT(policy.allowed_keys, ElementsAre("orders", "payments"));
}

TEST(PolicyReader, ReadPolicyFileNamesThePolicyByItsPath) {
  const Result<Policy> policy = read_policy_file(kData + "full.yaml");
  ASSERT_TRUE(policy) << policy.error().to_string();
  EXPECT_EQ(policy->file, kData + "full.yaml");
  EXPECT_EQ(policy->checks.at("INDETERMINATE").location.to_string(), kData + "full.yaml:4:3");
  ASSERT_EQ(policy->suppressions.size(), 1U);
  EXPECT_EQ(policy->suppressions[0].location.to_string(), kData + "full.yaml:10:5");
}

TEST(PolicyReader, ReadPolicyFileOfAnEmptyFileIsTheDefault) {
  const Result<Policy> policy = read_policy_file(kData + "empty.yaml");
  ASSERT_TRUE(policy) << policy.error().to_string();
  EXPECT_EQ(policy->file, kData + "empty.yaml");
  EXPECT_THAT(policy->checks, IsEmpty());
  EXPECT_TRUE(policy->require_backup);
}

TEST(PolicyReader, TheResultPassesValidate) {
  const Policy policy = read(kEveryKey);
  EXPECT_TRUE(validate(policy));
}

// --- errors: reading -----------------------------------------------------------------------------

TEST(PolicyReaderError, FileCannotBeRead) {
  const Result<Policy> policy = read_policy_file(kData + "missing.yaml");
  ASSERT_FALSE(policy);
  EXPECT_EQ(policy.error().to_string(), kData + "missing.yaml: error E_FILE: cannot read '" +
                                            kData + "missing.yaml': No such file or directory");
}

TEST(PolicyReaderError, ErrorsOfAFileNameTheFile) {
  const Result<Policy> policy = read_policy_file(kData + "bad-check.yaml");
  ASSERT_FALSE(policy);
  EXPECT_EQ(policy.error().to_string(),
            kData +
                "bad-check.yaml:4:3: error E_POLICY_CHECK: unknown check 'MRK_REPLICA_UNSUED' "
                "in 'checks'; did you mean 'MRK_REPLICA_UNUSED'?");
}

TEST(PolicyReaderError, InvalidYaml) {
  EXPECT_EQ(error_of("checks: {INDETERMINATE: error\n"),
            "p.yaml:2:1: error E_YAML: invalid YAML: end of map flow not found");
  EXPECT_EQ(error_of("suppressions:\n  - check: JOB_FAILS\n     reason: x\n"),
            "p.yaml:3:12: error E_YAML: invalid YAML: illegal map value");
  // An unquoted pattern starting with * is a YAML alias.
  EXPECT_EQ(error_of("scope:\n  resources: [*]\n"),
            "p.yaml:2:16: error E_YAML: invalid YAML: alias not found after *");
}

TEST(PolicyReaderError, ATabThatIndents) {
  EXPECT_EQ(error_of("require:\n\tbackup: true\n"),
            "p.yaml:2:1: error E_YAML: invalid YAML: expected spaces to indent line 2, found a tab "
            "(YAML indents with spaces only)");
}

TEST(PolicyReaderError, BytesThatAreNotText) {
  EXPECT_EQ(error_of("require:\n  backup: ye\xffs\n"),
            "p.yaml:2:13: error E_YAML: invalid YAML: expected UTF-8 text, found the byte 0xFF, "
            "which is not valid UTF-8 here; save the file as UTF-8");
  // An overlong encoding of '/' (0xC0 0xAF) is not UTF-8 either.
  EXPECT_EQ(error_of("allowed_keys: [alias\xc0\xafx]\n"),
            "p.yaml:1:21: error E_YAML: invalid YAML: expected UTF-8 text, found the byte 0xC0, "
            "which is not valid UTF-8 here; save the file as UTF-8");
}

// yaml-cpp 0.7's LoadAll loops for ever, allocating, on a document that starts with ','.
TEST(PolicyReaderError, StrayCommaEndsInAnError) {
  EXPECT_EQ(error_of(",\n"), "p.yaml:1:1: error E_YAML: invalid YAML: unexpected ','");
  EXPECT_EQ(error_of("# policy\n,#\nversion: 1\n"),
            "p.yaml:2:1: error E_YAML: invalid YAML: unexpected ','");
  EXPECT_EQ(error_of("---\n,\n"), "p.yaml:2:1: error E_YAML: invalid YAML: unexpected ','");
}

TEST(PolicyReaderError, TopLevelIsNotAMap) {
  EXPECT_EQ(error_of("- checks\n"),
            "p.yaml:1:1: error E_POLICY_TYPE: expected a map of sections (version, checks, "
            "scope, require, allowed_keys, suppressions) at the top level, found a list");
  EXPECT_EQ(error_of("strict\n"),
            "p.yaml:1:1: error E_POLICY_TYPE: expected a map of sections (version, checks, "
            "scope, require, allowed_keys, suppressions) at the top level, found 'strict'");
}

TEST(PolicyReaderError, SecondDocument) {
  EXPECT_EQ(error_of("version: 1\n---\nversion: 1\n"),
            "p.yaml:3:1: error E_POLICY_TYPE: expected one YAML document, found a second one; "
            "keep the whole policy in one document");
  EXPECT_EQ(error_of("---\n---\nversion: 1\n"),
            "p.yaml:3:1: error E_POLICY_TYPE: expected one YAML document, found a second one; "
            "keep the whole policy in one document");
}

// --- errors: keys --------------------------------------------------------------------------------

TEST(PolicyReaderError, UnknownTopLevelKey) {
  EXPECT_EQ(error_of("version: 1\nrequires:\n  backup: true\n"),
            "p.yaml:2:1: error E_POLICY_KEY: unknown key 'requires' at the top level; did you "
            "mean 'require'?");
  EXPECT_EQ(error_of("owners: [ops]\n"),
            "p.yaml:1:1: error E_POLICY_KEY: unknown key 'owners' at the top level; expected one "
            "of version, checks, scope, require, allowed_keys, suppressions");
}

TEST(PolicyReaderError, UnknownKeyInEachMap) {
  EXPECT_EQ(error_of("require:\n  copy_region: [us-west-2]\n"),
            "p.yaml:2:3: error E_POLICY_KEY: unknown key 'copy_region' in 'require'; did you "
            "mean 'copy_regions'?");
  EXPECT_EQ(error_of("scope:\n  accounts: [\"111111111111\"]\n"),
            "p.yaml:2:3: error E_POLICY_KEY: unknown key 'accounts' in 'scope'; expected one of "
            "resources, tags");
  EXPECT_EQ(error_of("checks:\n  JOB_FAILS: {severty: info}\n"),
            "p.yaml:2:15: error E_POLICY_KEY: unknown key 'severty' in check 'JOB_FAILS'; did "
            "you mean 'severity'?");
  EXPECT_EQ(error_of("suppressions:\n  - check: JOB_FAILS\n    reason: x\n    expiry: "
                     "2027-01-01\n"),
            "p.yaml:4:5: error E_POLICY_KEY: unknown key 'expiry' in suppression 1; did you mean "
            "'expires'?");
}

TEST(PolicyReaderError, CheckGivenTwice) {
  EXPECT_EQ(error_of("checks:\n  INDETERMINATE: error\n  JOB_FAILS: off\n  INDETERMINATE: info\n"),
            "p.yaml:4:3: error E_POLICY_KEY: 'INDETERMINATE' is given twice in 'checks', at lines "
            "2 and 4; keep one");
  EXPECT_EQ(error_of("checks: {JOB_FAILS: off, JOB_FAILS: on}\n"),
            "p.yaml:1:26: error E_POLICY_KEY: 'JOB_FAILS' is given twice in 'checks', at line 1, "
            "columns 10 and 26; keep one");
}

TEST(PolicyReaderError, KeyGivenTwice) {
  EXPECT_EQ(error_of("require:\n  backup: true\nrequire:\n  backup: false\n"),
            "p.yaml:3:1: error E_POLICY_KEY: 'require' is given twice at the top level, at lines "
            "1 and 3; keep one");
  EXPECT_EQ(error_of("scope:\n  tags:\n    team: a\n    team: b\n"),
            "p.yaml:4:5: error E_POLICY_KEY: 'team' is given twice in 'tags', at lines 3 and 4; "
            "keep one");
}

// --- errors: check ids ---------------------------------------------------------------------------

TEST(PolicyReaderError, UnknownCheckId) {
  EXPECT_EQ(error_of("checks:\n  INDETERMINTE: error\n"),
            "p.yaml:2:3: error E_POLICY_CHECK: unknown check 'INDETERMINTE' in 'checks'; did you "
            "mean 'INDETERMINATE'?");
  EXPECT_EQ(error_of("checks:\n  indeterminate: error\n"),
            "p.yaml:2:3: error E_POLICY_CHECK: unknown check 'indeterminate' in 'checks'; did you "
            "mean 'INDETERMINATE'?");
  EXPECT_EQ(error_of("checks:\n  VAULT_LOCK: error\n"),
            "p.yaml:2:3: error E_POLICY_CHECK: unknown check 'VAULT_LOCK' in 'checks'; "
            "`snapkey checks` lists the check ids");
}

TEST(PolicyReaderError, UnknownCheckIdInASuppression) {
  EXPECT_EQ(error_of("suppressions:\n  - check: JOB_FAIL\n    reason: x\n"),
            "p.yaml:2:12: error E_POLICY_CHECK: unknown check 'JOB_FAIL' in suppression 1; did "
            "you mean 'JOB_FAILS'?");
}

// --- errors: kinds of values ---------------------------------------------------------------------

TEST(PolicyReaderError, SectionOfTheWrongKind) {
  EXPECT_EQ(error_of("checks: [INDETERMINATE]\n"),
            "p.yaml:1:9: error E_POLICY_TYPE: expected a map of check ids to settings for "
            "'checks', found a list");
  EXPECT_EQ(error_of("scope: all\n"),
            "p.yaml:1:8: error E_POLICY_TYPE: expected a map (resources, tags) for 'scope', found "
            "'all'");
  EXPECT_EQ(error_of("require: [backup]\n"),
            "p.yaml:1:10: error E_POLICY_TYPE: expected a map (backup, copy_regions, "
            "copy_accounts, cross_region_copy, cross_account_copy, copy_key_manager) for "
            "'require', found a list");
  EXPECT_EQ(error_of("allowed_keys: alias/backup\n"),
            "p.yaml:1:15: error E_POLICY_TYPE: expected a list of key ARNs, aliases, key ids or "
            "key names for 'allowed_keys', found 'alias/backup'");
  EXPECT_EQ(error_of("suppressions:\n  check: JOB_FAILS\n"),
            "p.yaml:2:3: error E_POLICY_TYPE: expected a list of suppressions for "
            "'suppressions', found a map");
}

TEST(PolicyReaderError, CheckSettingOfTheWrongKind) {
  EXPECT_EQ(error_of("checks:\n  JOB_FAILS: [error]\n"),
            "p.yaml:2:14: error E_POLICY_TYPE: expected a severity (info, warning or error), on, "
            "off or a map (severity, enabled) for check 'JOB_FAILS', found a list");
  EXPECT_EQ(error_of("checks:\n  JOB_FAILS:\n"),
            "p.yaml:2:3: error E_POLICY_TYPE: expected a severity (info, warning or error), on, "
            "off or a map (severity, enabled) for check 'JOB_FAILS', found nothing");
  EXPECT_EQ(error_of("checks:\n  JOB_FAILS: {enabled: no}\n"),
            "p.yaml:2:24: error E_POLICY_TYPE: expected true or false for 'enabled', found 'no'");
}

TEST(PolicyReaderError, ListOfTheWrongKind) {
  EXPECT_EQ(error_of("require:\n  copy_regions: yes\n"),
            "p.yaml:2:17: error E_POLICY_TYPE: expected a list of Regions for 'copy_regions', "
            "found 'yes'");
  EXPECT_EQ(error_of("require:\n  copy_regions: [[us-west-2]]\n"),
            "p.yaml:2:18: error E_POLICY_TYPE: expected a Region like us-west-2 for "
            "'copy_regions', found a list");
  EXPECT_EQ(error_of("require:\n  copy_accounts: {a: b}\n"),
            "p.yaml:2:18: error E_POLICY_TYPE: expected a list of account ids for "
            "'copy_accounts', found a map");
  EXPECT_EQ(error_of("scope:\n  resources: orders-*\n"),
            "p.yaml:2:14: error E_POLICY_TYPE: expected a list of resource names or ARNs for "
            "'resources', found 'orders-*'");
  EXPECT_EQ(error_of("scope:\n  resources: [orders, {name: x}]\n"),
            "p.yaml:2:23: error E_POLICY_TYPE: expected a resource name or ARN for 'resources', "
            "found a map");
}

TEST(PolicyReaderError, BooleanOfTheWrongKind) {
  EXPECT_EQ(error_of("require:\n  backup: yes\n"),
            "p.yaml:2:11: error E_POLICY_TYPE: expected true or false for 'backup', found 'yes'");
  EXPECT_EQ(error_of("require:\n  cross_region_copy:\n"),
            "p.yaml:2:3: error E_POLICY_TYPE: expected true or false for 'cross_region_copy', "
            "found nothing");
}

TEST(PolicyReaderError, TagsOfTheWrongKind) {
  EXPECT_EQ(error_of("scope:\n  tags: [backup]\n"),
            "p.yaml:2:9: error E_POLICY_TYPE: expected a map of tag keys to values for 'tags', "
            "found a list");
  EXPECT_EQ(error_of("scope:\n  tags:\n    backup: [a, b]\n"),
            "p.yaml:3:13: error E_POLICY_TYPE: expected a tag value (a string) for tag 'backup', "
            "found a list");
  EXPECT_EQ(error_of("scope:\n  tags:\n    backup:\n"),
            "p.yaml:3:5: error E_POLICY_TYPE: expected a tag value (a string) for tag 'backup', "
            "found nothing");
  EXPECT_EQ(error_of("scope:\n  tags: {[a]: b}\n"),
            "p.yaml:2:10: error E_POLICY_TYPE: expected a string as a key in 'tags', found a "
            "list");
}

TEST(PolicyReaderError, SuppressionOfTheWrongKind) {
  EXPECT_EQ(error_of("suppressions:\n  - JOB_FAILS\n"),
            "p.yaml:2:5: error E_POLICY_TYPE: expected a map (check, recovery_point, resource, "
            "vault, region, account, reason, expires) for suppression 1, found 'JOB_FAILS'");
  EXPECT_EQ(error_of("suppressions:\n  - check: JOB_FAILS\n    reason: [a, b]\n"),
            "p.yaml:3:13: error E_POLICY_TYPE: expected a string for 'reason', found a list");
  EXPECT_EQ(error_of("suppressions:\n  - check: [JOB_FAILS]\n    reason: x\n"),
            "p.yaml:2:12: error E_POLICY_TYPE: expected a check id for 'check', found a list");
}

TEST(PolicyReaderError, AccountIdsMustBeQuoted) {
  EXPECT_EQ(error_of("require:\n  copy_accounts: [222222222222]\n"),
            "p.yaml:2:19: error E_POLICY_TYPE: expected an account id in quotes, like "
            "\"222222222222\", for 'copy_accounts', found 222222222222 without quotes, which "
            "YAML reads as a number (dropping leading zeros)");
  EXPECT_EQ(error_of("require:\n  copy_accounts:\n    - 012345678901\n"),
            "p.yaml:3:7: error E_POLICY_TYPE: expected an account id in quotes, like "
            "\"012345678901\", for 'copy_accounts', found 012345678901 without quotes, which "
            "YAML reads as a number (dropping leading zeros)");
  EXPECT_EQ(error_of("suppressions:\n  - {check: JOB_FAILS, account: 111111111111, reason: x}\n"),
            "p.yaml:2:33: error E_POLICY_TYPE: expected an account id in quotes, like "
            "\"111111111111\", for 'account', found 111111111111 without quotes, which YAML "
            "reads as a number (dropping leading zeros)");
}

TEST(PolicyReaderError, VersionOfTheWrongKind) {
  EXPECT_EQ(error_of("version: [1]\n"),
            "p.yaml:1:10: error E_POLICY_TYPE: expected 1 for 'version', found a list");
  EXPECT_EQ(error_of("version:\n"),
            "p.yaml:1:1: error E_POLICY_TYPE: expected 1 for 'version', found nothing");
}

// --- errors: suppressions ------------------------------------------------------------------------

TEST(PolicyReaderError, SuppressionWithoutCheck) {
  EXPECT_EQ(error_of("suppressions:\n  - resource: legacy-*\n    reason: x\n"),
            "p.yaml:2:5: error E_POLICY_SUPPRESSION: suppression 1 has no 'check'; expected the "
            "id of the check whose findings it accepts, such as MRK_REPLICA_UNUSED");
  EXPECT_EQ(error_of("suppressions:\n  - {}\n"),
            "p.yaml:2:5: error E_POLICY_SUPPRESSION: suppression 1 has no 'check'; expected the "
            "id of the check whose findings it accepts, such as MRK_REPLICA_UNUSED");
}

TEST(PolicyReaderError, SuppressionWithoutReason) {
  EXPECT_EQ(error_of("suppressions:\n  - {check: JOB_FAILS, reason: x}\n  - check: "
                     "UNENCRYPTED\n    resource: legacy-*\n"),
            "p.yaml:3:5: error E_POLICY_SUPPRESSION: suppression 2 (UNENCRYPTED) has no "
            "'reason'; every suppression must say why its findings are accepted");
}

TEST(PolicyReaderError, SuppressionWithAnEmptyReason) {
  EXPECT_EQ(error_of("suppressions:\n  - check: JOB_FAILS\n    reason: \"\"\n"),
            "p.yaml:3:13: error E_POLICY_SUPPRESSION: the 'reason' of suppression 1 is empty; "
            "every suppression must say why its findings are accepted");
  EXPECT_EQ(error_of("suppressions:\n  - check: JOB_FAILS\n    reason: \"  \"\n"),
            "p.yaml:3:13: error E_POLICY_SUPPRESSION: the 'reason' of suppression 1 is empty; "
            "every suppression must say why its findings are accepted");
  EXPECT_EQ(error_of("suppressions:\n  - check: JOB_FAILS\n    reason:\n"),
            "p.yaml:3:5: error E_POLICY_SUPPRESSION: the 'reason' of suppression 1 is empty; "
            "every suppression must say why its findings are accepted");
}

// --- errors: values ------------------------------------------------------------------------------

TEST(PolicyReaderError, BadCopyKeyManager) {
  EXPECT_EQ(error_of("require:\n  copy_key_manager: cmk\n"),
            "p.yaml:2:21: error E_POLICY_VALUE: expected customer, aws or aws-owned for "
            "'copy_key_manager', found 'cmk'");
  EXPECT_EQ(error_of("require:\n  copy_key_manager: costumer\n"),
            "p.yaml:2:21: error E_POLICY_VALUE: expected customer, aws or aws-owned for "
            "'copy_key_manager', found 'costumer'; did you mean 'customer'?");
  EXPECT_EQ(error_of("require:\n  copy_key_manager: unknown\n"),
            "p.yaml:2:21: error E_POLICY_VALUE: expected customer, aws or aws-owned for "
            "'copy_key_manager', found 'unknown'");
  EXPECT_EQ(error_of("require:\n  copy_key_manager: [customer]\n"),
            "p.yaml:2:21: error E_POLICY_TYPE: expected customer, aws or aws-owned for "
            "'copy_key_manager', found a list");
}

TEST(PolicyReaderError, BadVersion) {
  EXPECT_EQ(error_of("version: 2\n"),
            "p.yaml:1:10: error E_POLICY_VALUE: expected 1 for 'version', found '2'; this "
            "snapkey reads policy files of version 1");
}

TEST(PolicyReaderError, EmptyStrings) {
  EXPECT_EQ(error_of("allowed_keys: [\"\"]\n"),
            "p.yaml:1:16: error E_POLICY_VALUE: expected a key pattern for 'allowed_keys', found "
            "an empty string");
  EXPECT_EQ(error_of("suppressions:\n  - {check: JOB_FAILS, vault: '', reason: x}\n"),
            "p.yaml:2:31: error E_POLICY_VALUE: expected a vault name or ARN, or a pattern for "
            "'vault', found an empty string");
  EXPECT_EQ(error_of("scope:\n  tags: {\"\": x}\n"),
            "p.yaml:2:10: error E_POLICY_VALUE: expected a tag key in 'tags', found an empty "
            "string");
}

TEST(PolicyReaderError, EmptyScopeIsNotEveryResource) {
  EXPECT_EQ(error_of("scope:\n  resources: []\n"),
            "p.yaml:2:14: error E_POLICY_VALUE: expected at least one resource name or ARN for "
            "'resources', found an empty list; leave 'resources' out to apply the requirements to "
            "every resource");
}

TEST(PolicyReaderError, BadSeverity) {
  EXPECT_EQ(error_of("checks:\n  INDETERMINATE: critical\n"),
            "p.yaml:2:18: error E_SEVERITY: expected a severity (info, warning or error), on or "
            "off for check 'INDETERMINATE', found 'critical'");
  EXPECT_EQ(error_of("checks:\n  INDETERMINATE: true\n"),
            "p.yaml:2:18: error E_SEVERITY: expected a severity (info, warning or error), on or "
            "off for check 'INDETERMINATE', found 'true'");
  EXPECT_EQ(error_of("checks:\n  INDETERMINATE: {severity: Error}\n"),
            "p.yaml:2:29: error E_SEVERITY: expected info, warning or error, found 'Error'");
}

TEST(PolicyReaderError, BadRegion) {
  EXPECT_EQ(error_of("require:\n  copy_regions: [us-west-2, eu-west-l]\n"),
            "p.yaml:2:29: error E_REGION: expected an AWS Region such as us-east-1, found "
            "'eu-west-l'; did you mean 'eu-west-1'?");
  EXPECT_EQ(error_of("suppressions:\n  - {check: JOB_FAILS, region: us-wst-2, reason: x}\n"),
            "p.yaml:2:32: error E_REGION: expected an AWS Region such as us-east-1, found "
            "'us-wst-2'; did you mean 'us-west-2'?");
}

TEST(PolicyReaderError, BadAccountId) {
  EXPECT_EQ(error_of("require:\n  copy_accounts: [\"22222222222\"]\n"),
            "p.yaml:2:19: error E_ACCOUNT_ID: expected a 12-digit account id, found "
            "'22222222222'");
  EXPECT_EQ(error_of("suppressions:\n  - {check: JOB_FAILS, account: prod, reason: x}\n"),
            "p.yaml:2:33: error E_ACCOUNT_ID: expected a 12-digit account id, found 'prod'");
}

TEST(PolicyReaderError, BadExpiryDate) {
  EXPECT_EQ(error_of("suppressions:\n  - check: JOB_FAILS\n    reason: x\n    expires: "
                     "2027-02-30\n"),
            "p.yaml:4:14: error E_DATE: expected a date YYYY-MM-DD, found '2027-02-30'");
  EXPECT_EQ(error_of("suppressions:\n  - check: JOB_FAILS\n    reason: x\n    expires: "
                     "31/03/2027\n"),
            "p.yaml:4:14: error E_DATE: expected a date YYYY-MM-DD, found '31/03/2027'");
}

TEST(PolicyReaderError, BadArn) {
  EXPECT_EQ(error_of("allowed_keys: [\"arn:aws:kms:us-east-1\"]\n"),
            "p.yaml:1:16: error E_ARN: expected an ARN arn:PARTITION:SERVICE:REGION:ACCOUNT:"
            "RESOURCE, found 'arn:aws:kms:us-east-1' (too few ':'-separated fields)");
  EXPECT_EQ(error_of("scope:\n  resources: [\"arn:aws:rds:us-east-7:111111111111:cluster:a\"]\n"),
            "p.yaml:2:15: error E_REGION: expected an AWS Region such as us-east-1, found "
            "'us-east-7'; did you mean 'us-east-1'?");
}

// --- errors: validate() -------------------------------------------------------------------------

TEST(PolicyReaderError, ValidateErrorsPassThrough) {
  EXPECT_EQ(error_of("checks:\n  JOB_FAILS: error\n  KEY_NOT_ALLOWED: on\n"),
            "p.yaml:3:3: error E_POLICY_ALLOWED_KEYS: check KEY_NOT_ALLOWED is enabled but "
            "allowed_keys is empty: expected the keys it allows (key ARNs, alias names or ARNs, "
            "key ids or key names)");
  EXPECT_EQ(error_of("checks:\n  KEY_NOT_ALLOWED: on\nallowed_keys: [alias/backup-*]\n"), "ok");
}

// --- the example policies (docs/policy-format.md shows them) ------------------------------------

Policy read_example(const std::string& name) {
  Result<Policy> policy = read_policy_file(kExamples + name);
  if (!policy) ADD_FAILURE() << policy.error().to_string();
  return policy ? std::move(*policy) : Policy{};
}

TEST(ExamplePolicies, Starter) {
  const Policy policy = read_example("starter.yaml");
  EXPECT_EQ(policy.file, kExamples + "starter.yaml");
  ASSERT_EQ(policy.checks.size(), 3U);
  EXPECT_EQ(policy.checks.at("INDETERMINATE").severity, Severity::error);
  EXPECT_EQ(policy.checks.at("MRK_REPLICA_UNUSED").severity, Severity::error);
  EXPECT_FALSE(policy.checks.at("RESTS_ON_INFERRED_RULE").enabled);
  EXPECT_EQ(policy.checks.at("RESTS_ON_INFERRED_RULE").location.to_string(),
            kExamples + "starter.yaml:10:3");
  EXPECT_EQ(policy.copy_key_manager, KeyManager::customer);
  EXPECT_TRUE(policy.require_backup);
  EXPECT_THAT(policy.copy_regions, IsEmpty());
  EXPECT_THAT(policy.scope_resources, IsEmpty());
  EXPECT_THAT(policy.allowed_keys, IsEmpty());
  EXPECT_THAT(policy.suppressions, IsEmpty());
}

TEST(ExamplePolicies, DisasterRecoveryCopy) {
  const Policy policy = read_example("dr-copy.yaml");
  ASSERT_EQ(policy.checks.size(), 2U);
  EXPECT_EQ(policy.checks.at("MRK_REPLICA_UNUSED").severity, Severity::error);
  EXPECT_EQ(policy.checks.at("RESTS_ON_DOC_CONFLICT").severity, Severity::warning);
  EXPECT_THAT(policy.scope_resources,
              ElementsAre("arn:aws:rds:ap-northeast-1:111111111111:cluster:*"));
  EXPECT_THAT(policy.scope_tags, IsEmpty());
  EXPECT_TRUE(policy.require_backup);
  EXPECT_THAT(names(policy.copy_regions), ElementsAre("us-east-1"));
  EXPECT_THAT(policy.copy_accounts, IsEmpty());
  EXPECT_FALSE(policy.require_cross_region_copy);
  EXPECT_EQ(policy.copy_key_manager, KeyManager::customer);
  EXPECT_THAT(policy.allowed_keys,
              ElementsAre("alias/test-key-*", "arn:aws:kms:*:111111111111:key/mrk-*"));
  ASSERT_EQ(policy.suppressions.size(), 1U);
  const Suppression& s = policy.suppressions[0];
  EXPECT_EQ(s.check, "KEY_NOT_ALLOWED");
  EXPECT_EQ(s.resource, "aurora-aws-managed");
  EXPECT_EQ(s.region, "ap-northeast-1");
  EXPECT_EQ(s.reason,
            "Created on aws/rds before this policy; re-encrypted with test-key-multi in March");
  EXPECT_EQ(s.expires, (Date{2027, 3, 31}));
  EXPECT_EQ(s.location.to_string(), kExamples + "dr-copy.yaml:24:5");
}

// "severity CHECK subject", "(suppressed)" added when suppressed: what a report shows.
std::vector<std::string> summary(const Findings& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings.findings) {
    out.push_back(std::string(to_string(f.severity)) + " " + f.check + " " + f.subject +
                  (f.suppressed_by ? " (suppressed)" : ""));
  }
  return out;
}

Findings check_article(const std::string& scenario, const Policy& policy, Date today) {
  const std::string path = std::string(SNAPKEY_SOURCE_DIR) + "/examples/article/" + scenario;
  Result<ModelInput> input = read_scenario_file(path);
  if (!input) ADD_FAILURE() << input.error().to_string();
  Result<Model> model = Model::build(input ? std::move(*input) : ModelInput{});
  if (!model) ADD_FAILURE() << model.error().to_string();
  return check(predict(*model, {}), policy, CheckOptions{today});
}

// What the comment at the top of dr-copy.yaml promises.
TEST(ExamplePolicies, DisasterRecoveryCopyFailsTheDefaultVaultAndPassesTheReplicaVault) {
  const Policy policy = read_example("dr-copy.yaml");
  const Date today{2026, 11, 28};
  const Findings default_vault = check_article("1-mrk-default-vault.yaml", policy, today);
  EXPECT_TRUE(default_vault.fails(Severity::error));
  EXPECT_THAT(summary(default_vault),
              ElementsAre("error AWS_MANAGED_COPY_KEY aurora@virginia-default",
                          "error MRK_REPLICA_UNUSED aurora@virginia-default",
                          "error KEY_NOT_ALLOWED aurora@virginia-default",
                          "warning RESTS_ON_DOC_CONFLICT aurora@virginia-default",
                          "info UNUSED_SUPPRESSION suppression 1"));

  const Findings replica_vault = check_article("4-replica-vault.yaml", policy, today);
  EXPECT_FALSE(replica_vault.fails(Severity::warning));
  EXPECT_THAT(
      summary(replica_vault),
      ElementsAre("error KEY_NOT_ALLOWED aurora-aws-managed@tokyo-default (suppressed)",
                  "info RESTS_ON_INFERRED_RULE aurora@tokyo-default/native-copy@us-east-1"));
}

// `expires` is the last day a suppression applies.
TEST(ExamplePolicies, DisasterRecoveryCopySuppressionExpiresAfterItsDate) {
  const Policy policy = read_example("dr-copy.yaml");
  const Findings last_day = check_article("4-replica-vault.yaml", policy, Date{2027, 3, 31});
  EXPECT_FALSE(last_day.fails(Severity::error));

  const Findings day_after = check_article("4-replica-vault.yaml", policy, Date{2027, 4, 1});
  EXPECT_TRUE(day_after.fails(Severity::error));
  EXPECT_THAT(
      summary(day_after),
      ElementsAre("error KEY_NOT_ALLOWED aurora-aws-managed@tokyo-default",
                  "warning EXPIRED_SUPPRESSION suppression 1",
                  "info RESTS_ON_INFERRED_RULE aurora@tokyo-default/native-copy@us-east-1"));
  for (const Finding& f : day_after.findings) {
    if (f.check == "EXPIRED_SUPPRESSION") {
      EXPECT_EQ(f.location.to_string(), kExamples + "dr-copy.yaml:24:5");
    }
  }
}

TEST(ExamplePolicies, AwsConfigParity) {
  const Policy policy = read_example("aws-config-parity.yaml");
  ASSERT_EQ(policy.checks.size(), 1U);
  EXPECT_EQ(policy.checks.at("NOT_PROTECTED").severity, Severity::error);
  EXPECT_THAT(policy.scope_resources, IsEmpty());
  EXPECT_THAT(policy.scope_tags, ElementsAre(Pair("backup", "true")));
  EXPECT_TRUE(policy.require_backup);
  EXPECT_THAT(names(policy.copy_regions), ElementsAre("us-west-2"));
  EXPECT_THAT(ids(policy.copy_accounts), ElementsAre("222222222222"));
  EXPECT_EQ(policy.copy_key_manager, std::nullopt);
  ASSERT_EQ(policy.suppressions.size(), 1U);
  EXPECT_EQ(policy.suppressions[0].check, "NO_CROSS_ACCOUNT_COPY");
  EXPECT_EQ(policy.suppressions[0].resource, "staging-*");
  EXPECT_EQ(policy.suppressions[0].expires, std::nullopt);
}

// --- the YAML of docs/policy-format.md is real ---------------------------------------------------

struct Block {
  std::string language;  // after the opening ```
  std::string text;
  int line = 0;  // of the opening ```
};

std::vector<Block> fenced_blocks(const std::string& path) {
  std::ifstream in(path);
  std::vector<Block> blocks;
  std::string line;
  int number = 0;
  bool inside = false;
  while (std::getline(in, line)) {
    ++number;
    if (line.starts_with("```")) {
      if (!inside) blocks.push_back(Block{line.substr(3), "", number});
      inside = !inside;
    } else if (inside) {
      blocks.back().text += line + "\n";
    }
  }
  return blocks;
}

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "# NAME.yaml..." on the first line names the block; "" otherwise.
std::string block_name(const std::string& yaml) {
  if (!yaml.starts_with("# ")) return "";
  const std::size_t end = yaml.find_first_of(": \n", 2);
  const std::string name = yaml.substr(2, end - 2);
  return name.ends_with(".yaml") ? name : "";
}

// Every ```yaml block of the documentation reads without error, unless the block after it is a
// ```text block that starts with the YAML block's name: then that is the error it gives, whole.
// A block named like a file of examples/policies/ is that file, byte for byte.
TEST(PolicyFormatDoc, EveryYamlBlockIsReal) {
  const std::vector<Block> blocks =
      fenced_blocks(std::string(SNAPKEY_SOURCE_DIR) + "/docs/policy-format.md");
  int yaml_blocks = 0;
  int error_blocks = 0;
  int example_blocks = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].language != "yaml") continue;
    ++yaml_blocks;
    const std::string name = block_name(blocks[i].text);
    SCOPED_TRACE(testing::Message() << "docs/policy-format.md:" << blocks[i].line << " " << name);
    const Result<Policy> policy =
        read_policy(blocks[i].text, name.empty() ? std::string("policy.yaml") : name);
    const bool shows_error = i + 1 < blocks.size() && blocks[i + 1].language == "text" &&
                             !name.empty() && blocks[i + 1].text.starts_with(name + ":");
    if (shows_error) {
      ++error_blocks;
      ASSERT_FALSE(policy);
      EXPECT_EQ(policy.error().to_string() + "\n", blocks[i + 1].text);
    } else {
      EXPECT_TRUE(policy) << policy.error().to_string();
    }
    if (!name.empty() && std::ifstream(kExamples + name).good()) {
      ++example_blocks;
      EXPECT_EQ(blocks[i].text, contents(kExamples + name));
    }
  }
  EXPECT_EQ(yaml_blocks, 8);
  EXPECT_EQ(error_blocks, 3);
  EXPECT_EQ(example_blocks, 3);
}

}  // namespace
}  // namespace snapkey::io
