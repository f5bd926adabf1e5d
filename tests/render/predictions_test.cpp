// Renderers on hand-built predictions: no engine, no scenario files.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "render/text/text.hpp"
#include "snapkey/render/predictions.hpp"
#include "snapkey/render/tables.hpp"
#include "support/source_files.hpp"

namespace snapkey::render {
namespace {

using snapkey::testing::fenced_example;
using snapkey::testing::read_source_file;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kTokyoKeyArn =
    "arn:aws:kms:ap-northeast-1:111111111111:key/mrk-1234abcd12ab34cd56ef1234567890ab";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

Key tokyo_key() {
  Key key;
  key.name = "test-key-multi";
  key.arn = std::string(kTokyoKeyArn);
  key.region = {"ap-northeast-1"};
  key.account = {"111111111111"};
  key.aliases = {"alias/test-key-multi"};
  key.multi_region = MultiRegion::primary;
  return key;
}

Key virginia_rds_key() {
  Key key;
  key.name = "alias/aws/rds";
  key.region = {"us-east-1"};
  key.account = {"111111111111"};
  key.aliases = {"alias/aws/rds"};
  key.manager = KeyManager::aws;
  key.implicit = true;
  return key;
}

// The article's backup in Tokyo.
Prediction backup() {
  Prediction p;
  p.id = "aurora@tokyo-default";
  p.operation = Operation::backup;
  p.resource = "aurora";
  p.resource_arn = "arn:aws:rds:ap-northeast-1:111111111111:cluster:aurora";
  p.resource_type = ResourceType::aurora;
  p.plan = "test-backup-plan";
  p.plan_rule = "test-backup-rule";
  p.vault = "tokyo-default";
  p.vault_arn = "arn:aws:backup:ap-northeast-1:111111111111:backup-vault:Default";
  p.region = {"ap-northeast-1"};
  p.account = {"111111111111"};
  p.recovery_point_arn =
      "arn:aws:rds:ap-northeast-1:111111111111:cluster-snapshot:awsbackup:job-<id>";
  p.outcome = Outcome::encrypted;
  p.key = tokyo_key();
  p.rules = {"R1", "R2"};
  p.message = "encrypted with the cluster's own key";
  p.steps = {
      {"R1", Confidence::documented, "Aurora is not fully managed by AWS Backup.", {}},
      {"R2",
       Confidence::documented,
       "A backup keeps the key of the source cluster.",
       {{"cluster key", "alias/test-key-multi"}}},
  };
  p.advice = {"Encrypt the cluster with another key."};
  return p;
}

// The article's copy to the Default vault of N. Virginia: alias/aws/rds, ARN not known.
Prediction default_copy() {
  Prediction p;
  p.id = "aurora@virginia-default";
  p.operation = Operation::copy;
  p.parent = "aurora@tokyo-default";
  p.resource = "aurora";
  p.resource_arn = "arn:aws:rds:ap-northeast-1:111111111111:cluster:aurora";
  p.plan = "test-backup-plan";
  p.plan_rule = "test-backup-rule";
  p.vault = "virginia-default";
  p.vault_arn = "arn:aws:backup:us-east-1:111111111111:backup-vault:Default";
  p.region = {"us-east-1"};
  p.account = {"111111111111"};
  p.outcome = Outcome::encrypted;
  p.key = virginia_rds_key();
  p.rules = {"R6", "R9"};
  p.confidence = Confidence::observed;
  p.warnings = {std::string(kDocConflict), std::string(kKeyArnNotKnown)};
  p.message = "the Default vault's aws/backup key gives the copy alias/aws/rds";
  p.steps = {
      {"R6", Confidence::documented, "A copy job has no key parameter.", {}},
      {"R9",
       Confidence::observed,
       "A same-account copy into an aws/backup vault gets alias/aws/rds.",
       {{"vault key", "alias/aws/backup"}, {"destination", "us-east-1"}}},
  };
  p.advice = {"Copy into a vault encrypted with a customer managed key in us-east-1."};
  return p;
}

// A cross-account copy that fails: no plan, no key.
Prediction failing_copy() {
  Prediction p;
  p.id = "db@central";
  p.operation = Operation::copy;
  p.parent = "db@local";
  p.resource = "db";
  p.resource_arn = "arn:aws:rds:us-east-1:111111111111:db:db";
  p.resource_type = ResourceType::rds_instance;
  p.vault = "central";
  p.vault_arn = "arn:aws:backup:us-east-1:222222222222:backup-vault:central";
  p.region = {"us-east-1"};
  p.account = {"222222222222"};
  p.outcome = Outcome::fails;
  p.rules = {"R12"};
  p.message = "the source key alias/aws/rds cannot be shared with account 222222222222";
  p.aws_error = "Given key ID is not accessible";
  p.steps = {{"R12",
              Confidence::documented,
              "An AWS managed key cannot be used across accounts.",
              {{"source key", "alias/aws/rds"}}}};
  return p;
}

Predictions article() {
  Predictions predictions;
  predictions.as_of = {2026, 3, 1};
  predictions.recovery_points = {backup(), default_copy(), failing_copy()};
  return predictions;
}

// ---------------------------------------------------------------------------------------------
// JSON

TEST(JsonQuote, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(detail::json_quote("plain"), "\"plain\"");
  EXPECT_EQ(detail::json_quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(detail::json_quote("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
  EXPECT_EQ(detail::json_quote(std::string_view("\x01\x1f\x7f\0", 4)),
            "\"\\u0001\\u001f\\u007f\\u0000\"");
  EXPECT_EQ(detail::json_quote("/"), "\"/\"");
}

TEST(JsonQuote, KeepsUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(detail::json_quote("東京"), "\"東京\"");
  EXPECT_EQ(detail::json_quote("a\xff"
                               "b"),
            "\"a\xef\xbf\xbd"
            "b\"");
  EXPECT_EQ(detail::json_quote("\xe6\x9d"), "\"\xef\xbf\xbd\xef\xbf\xbd\"");  // truncated
  EXPECT_EQ(detail::json_quote("\xc0\xaf"), "\"\xef\xbf\xbd\xef\xbf\xbd\"");  // overlong '/'
}

TEST(Json, DumpsEmptyContainersOnOneLine) {
  const detail::Json value = detail::Json::Object{
      {"a", detail::Json::Array{}}, {"b", detail::Json::Object{}}, {"c", nullptr}, {"d", false}};
  EXPECT_EQ(value.dump(), "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": null,\n  \"d\": false\n}");
}

TEST(RenderJson, FailingCopyWithEveryMissingFactAsNull) {
  Predictions predictions;
  predictions.as_of = {2026, 3, 1};
  predictions.recovery_points = {failing_copy()};
  EXPECT_EQ(render_json(predictions), R"({
  "schema": "snapkey/prediction/v1",
  "as_of": "2026-03-01",
  "recovery_points": [
    {
      "id": "db@central",
      "operation": "copy",
      "parent": "db@local",
      "resource": "db",
      "resource_arn": "arn:aws:rds:us-east-1:111111111111:db:db",
      "resource_type": "rds-instance",
      "plan": null,
      "rule": null,
      "vault": "central",
      "vault_arn": "arn:aws:backup:us-east-1:222222222222:backup-vault:central",
      "region": "us-east-1",
      "account": "222222222222",
      "recovery_point_arn": null,
      "continuous": false,
      "outcome": "fails",
      "key": null,
      "rules": [
        "R12"
      ],
      "confidence": "documented",
      "warnings": [],
      "message": "the source key alias/aws/rds cannot be shared with account 222222222222",
      "aws_error": "Given key ID is not accessible",
      "unknowns": [],
      "steps": [
        {
          "rule": "R12",
          "confidence": "documented",
          "text": "An AWS managed key cannot be used across accounts.",
          "facts": [
            {
              "name": "source key",
              "value": "alias/aws/rds"
            }
          ]
        }
      ],
      "advice": [],
      "resource_address": null,
      "vault_address": null
    }
  ]
}
)");
}

TEST(RenderJson, KeyWithUnknownArnHasNullArn) {
  Predictions predictions;
  predictions.as_of = {2026, 3, 1};
  predictions.recovery_points = {default_copy()};
  const std::string json = render_json(predictions);
  EXPECT_THAT(json, HasSubstr(R"("key": {
        "arn": null,
        "alias": "alias/aws/rds",
        "manager": "aws",
        "multi_region": "none",
        "region": "us-east-1",
        "account": "111111111111",
        "state": "Enabled",
        "address": null
      },)"));
  EXPECT_THAT(json, HasSubstr(R"("warnings": [
        "DOC_CONFLICT",
        "KEY_ARN_NOT_KNOWN"
      ],)"));
}

TEST(RenderJson, KeyWithoutAliasHasNullAlias) {
  Predictions predictions;
  predictions.recovery_points = {backup()};
  predictions.recovery_points[0].key->aliases.clear();
  EXPECT_THAT(render_json(predictions), HasSubstr("\"alias\": null,"));
}

TEST(RenderJson, EscapesTextFromTheInput) {
  Predictions predictions;
  predictions.recovery_points = {failing_copy()};
  predictions.recovery_points[0].message = "say \"no\"\\\tthen\nstop";
  EXPECT_THAT(render_json(predictions), HasSubstr(R"("message": "say \"no\"\\\tthen\nstop",)"));
}

TEST(RenderJson, FieldsComeInTheDocumentedOrder) {
  const std::string json = render_json(article());
  const std::vector<std::string_view> fields = {"\"id\"",
                                                "\"operation\"",
                                                "\"parent\"",
                                                "\"resource\"",
                                                "\"resource_arn\"",
                                                "\"resource_type\"",
                                                "\"plan\"",
                                                "\"rule\"",
                                                "\"vault\"",
                                                "\"vault_arn\"",
                                                "\"region\"",
                                                "\"account\"",
                                                "\"recovery_point_arn\"",
                                                "\"continuous\"",
                                                "\"outcome\"",
                                                "\"key\"",
                                                "\"rules\"",
                                                "\"confidence\"",
                                                "\"warnings\"",
                                                "\"message\"",
                                                "\"aws_error\"",
                                                "\"unknowns\"",
                                                "\"steps\"",
                                                "\"advice\"",
                                                "\"resource_address\"",
                                                "\"vault_address\""};
  std::size_t at = 0;
  for (const std::string_view field : fields) {
    const std::size_t found = json.find(field, at);
    ASSERT_NE(found, std::string::npos) << field;
    at = found;
  }
}

TEST(RenderJson, EmptyPredictions) {
  Predictions predictions;
  predictions.as_of = {2025, 1, 2};
  EXPECT_EQ(render_json(predictions),
            "{\n  \"schema\": \"snapkey/prediction/v1\",\n  \"as_of\": \"2025-01-02\",\n"
            "  \"recovery_points\": []\n}\n");
}

// ---------------------------------------------------------------------------------------------
// Table

TEST(RenderTable, ArticleScenario) {
  EXPECT_EQ(render_table(article(), {}),
            "RECOVERY POINT           OPERATION  OUTCOME    RULE  KEY\n"
            "\n"
            "aurora@tokyo-default     backup     encrypted  R2    alias/test-key-multi\n"
            "  ap-northeast-1  account 111111111111  vault tokyo-default\n"
            "  arn:aws:kms:ap-northeast-1:111111111111:key/mrk-1234abcd12ab34cd56ef1234567890ab\n"
            "\n"
            "aurora@virginia-default  copy       encrypted  R9    alias/aws/rds\n"
            "  us-east-1  account 111111111111  vault virginia-default\n"
            "  (ARN not known)\n"
            "  warnings: DOC_CONFLICT\n"
            "\n"
            "db@central               copy       fails      R12   -\n"
            "  us-east-1  account 222222222222  vault central\n"
            "  the source key alias/aws/rds cannot be shared with account 222222222222\n"
            "\n"
            "3 recovery points: 2 encrypted, 1 fails\n"
            "AWS behaviour as of 2026-03-01\n");
}

TEST(RenderTable, FirstLinesFitIn80ColumnsForTypicalIds) {
  Predictions predictions = article();
  Prediction native = backup();
  native.id = "aurora@tokyo-default/native-copy@us-east-1";
  native.operation = Operation::native_copy;
  native.vault.reset();
  native.region = {"us-east-1"};
  native.key = virginia_rds_key();
  native.rules = {"R31"};
  predictions.recovery_points.push_back(native);
  Prediction restore = backup();
  restore.id = "aurora@virginia-default/restore";
  restore.operation = Operation::restore;
  restore.outcome = Outcome::indeterminate;
  restore.key.reset();
  predictions.recovery_points.push_back(restore);

  const std::string table = render_table(predictions, {});
  for (const std::string& line : lines_of(table)) {
    if (line.rfind("  ", 0) == 0) continue;  // the indented lines carry ARNs and messages
    EXPECT_LE(detail::display_width(line), 80U) << line;
  }
  EXPECT_THAT(table, HasSubstr("\naurora@tokyo-default/native-copy@us-east-1\n"
                               "                          native-copy  encrypted      R31   "
                               "alias/aws/rds\n"));
  EXPECT_THAT(table, HasSubstr("  us-east-1  account 111111111111  vault -\n"));
  EXPECT_THAT(table, HasSubstr("5 recovery points: 3 encrypted, 1 fails, 1 indeterminate\n"));
}

TEST(RenderTable, LongIdGetsALineOfItsOwn) {
  Predictions predictions;
  Prediction p = backup();
  p.id = std::string(90, 'x') + "@vault";
  predictions.recovery_points = {p};
  const std::string table = render_table(predictions, {});
  // The id column takes what the other columns leave of 80: 30 here.
  EXPECT_THAT(table, HasSubstr("\n" + p.id + "\n" + std::string(32, ' ') + "backup     encrypted"));
  EXPECT_THAT(table, HasSubstr("1 recovery point: 1 encrypted\n"));
}

TEST(RenderTable, EmptyPredictions) {
  Predictions predictions;
  predictions.as_of = {2026, 3, 1};
  EXPECT_EQ(render_table(predictions, {}),
            "RECOVERY POINT  OPERATION  OUTCOME  RULE  KEY\n0 recovery points\n"
            "AWS behaviour as of 2026-03-01\n");
}

TEST(RenderTable, ColourOnlyWhenAsked) {
  EXPECT_THAT(render_table(article(), {.color = false}), Not(HasSubstr("\x1b[")));
  const std::string colored = render_table(article(), {.color = true});
  EXPECT_THAT(colored, HasSubstr("\x1b[32mencrypted\x1b[0m  R2"));
  EXPECT_THAT(colored, HasSubstr("\x1b[31mfails\x1b[0m      R12"));
}

// ---------------------------------------------------------------------------------------------
// Markdown

TEST(RenderMarkdown, ArticleScenario) {
  const std::string md = render_markdown(article());
  EXPECT_EQ(lines_of(md)[0],
            "| Recovery point | Operation | Region | Account | Vault | Key | Outcome | Rules | "
            "Confidence |");
  EXPECT_THAT(md, HasSubstr("| `aurora@virginia-default` | copy | us-east-1 | 111111111111 | "
                            "`virginia-default` | `alias/aws/rds` (ARN not known) | **encrypted** "
                            "| R6, R9 | observed |\n"));
  EXPECT_THAT(md, HasSubstr(fmt::format("| `alias/test-key-multi` `{}` |", kTokyoKeyArn)));
  EXPECT_THAT(md, HasSubstr("| `db@central` | copy | us-east-1 | 222222222222 | `central` | - | "
                            "**fails** | R12 | documented |\n"));
  EXPECT_THAT(md, HasSubstr("- `db@central` (fails): the source key alias/aws/rds cannot be "
                            "shared with account 222222222222; AWS reports: `Given key ID is not "
                            "accessible`\n"));
  EXPECT_THAT(md, HasSubstr(fmt::format("- `DOC_CONFLICT` (`aurora@virginia-default`): {}\n",
                                        describe_warning(kDocConflict))));
}

TEST(RenderMarkdown, EscapesPipes) {
  Predictions predictions;
  Prediction p = backup();
  p.id = "a|b@vault";
  p.vault = "v|w";
  predictions.recovery_points = {p};
  const std::string md = render_markdown(predictions);
  EXPECT_THAT(md, HasSubstr("| `a\\|b@vault` | backup |"));
  EXPECT_THAT(md, HasSubstr("| `v\\|w` |"));
}

TEST(RenderMarkdown, NoWarningSectionWithoutWarnings) {
  Predictions predictions;
  predictions.recovery_points = {backup()};
  EXPECT_THAT(render_markdown(predictions), Not(HasSubstr("Warnings")));
}

TEST(CodeSpan, FenceIsLongerThanBackticksInside) {
  EXPECT_EQ(detail::code_span("a"), "`a`");
  EXPECT_EQ(detail::code_span("a`b"), "``a`b``");
  EXPECT_EQ(detail::code_span("`a"), "`` `a ``");
}

// ---------------------------------------------------------------------------------------------
// Explanation

TEST(RenderExplanation, EveryStepWithRuleConfidenceFactsAndSource) {
  const std::string text = render_explanation(default_copy(), {});
  EXPECT_THAT(text, HasSubstr("aurora@virginia-default: copy, encrypted\n"));
  EXPECT_THAT(text, HasSubstr("Vault:      arn:aws:backup:us-east-1:111111111111:backup-vault:"
                              "Default\n"));
  EXPECT_THAT(text, HasSubstr("1. [R6 documented] A copy job has no key parameter.\n"));
  // Prose wraps at 80 columns, under the text it continues.
  EXPECT_THAT(text, HasSubstr("2. [R9 observed] A same-account copy into an aws/backup vault "
                              "gets\n"
                              "   alias/aws/rds.\n"
                              "   vault key: alias/aws/backup\n"
                              "   destination: us-east-1\n"));
  for (const std::string_view id : {"R6", "R9"}) {
    const Rule* rule = find_rule(id);
    ASSERT_NE(rule, nullptr) << id;
    ASSERT_FALSE(rule->sources.empty()) << id;
    EXPECT_THAT(text, HasSubstr(fmt::format("   source: {}\n", rule->sources.front())));
  }
  EXPECT_THAT(text, HasSubstr("Result:     encrypted with alias/aws/rds (ARN not known)\n"));
  EXPECT_THAT(
      text, HasSubstr(detail::hang("- DOC_CONFLICT: ", 16, describe_warning(kDocConflict), 80, 2)));
  EXPECT_THAT(text, HasSubstr("To get a different key:\n- Copy into a vault encrypted with a "
                              "customer managed key in us-east-1.\n"));
}

TEST(RenderExplanation, FailureShowsMessageAndAwsError) {
  const std::string text = render_explanation(failing_copy(), {});
  EXPECT_THAT(text, HasSubstr("Result:     fails\n"
                              "Why:        the source key alias/aws/rds cannot be shared with "
                              "account\n"
                              "            222222222222\n"
                              "AWS error:  Given key ID is not accessible\n"));
  EXPECT_THAT(text, Not(HasSubstr("To get a different key")));
}

TEST(RenderExplanation, AdviceHeadingForOtherOutcomes) {
  Prediction p = failing_copy();
  p.advice = {"Encrypt the source with a customer managed key shared with 222222222222."};
  EXPECT_THAT(render_explanation(p, {}), HasSubstr("To change the outcome:\n- Encrypt"));
}

TEST(RenderExplanation, ColourOnlyWhenAsked) {
  EXPECT_THAT(render_explanation(default_copy(), {.color = false}), Not(HasSubstr("\x1b[")));
  EXPECT_THAT(render_explanation(default_copy(), {.color = true}),
              HasSubstr("\x1b[32mencrypted\x1b[0m"));
}

// ---------------------------------------------------------------------------------------------
// Rules

TEST(RenderRules, TableListsEveryRuleWithItsSources) {
  const std::string text = render_rules_table();
  for (const Rule& rule : rule_table()) {
    EXPECT_THAT(text, HasSubstr(fmt::format("{:<5} {}\n", rule.id, rule.title)));
    for (const std::string_view source : rule.sources) {
      EXPECT_THAT(text, HasSubstr(fmt::format("source: {}\n", source)));
    }
  }
}

TEST(RenderRules, JsonHasEveryRule) {
  const std::string json = render_rules_json();
  EXPECT_EQ(json.rfind("{\n  \"schema\": \"snapkey/rules/v1\",\n  \"rules\": [", 0), 0U);
  for (const Rule& rule : rule_table()) {
    EXPECT_THAT(json, HasSubstr(fmt::format("\"id\": \"{}\",", rule.id)));
  }
}

// ---------------------------------------------------------------------------------------------
// docs/json-output.md

TEST(DocsJsonOutput, DescribesEveryWarning) {
  const std::string docs = read_source_file("docs/json-output.md");
  for (const std::string_view id :
       {kDocConflict, kReplicaNotUsed, kKeyArnNotKnown, kReportedArnUnknown, kAssumedRdsAlias,
        kLagEligibilityUnknown, kForeignVaultKey, kChinaNativeCopy, kAwsOwnedCopyUnknown,
        kLagKeyArnUnknown, kUnencryptedLagBackup, kRestoreKeyIgnored}) {
    ASSERT_FALSE(describe_warning(id).empty()) << id;
    EXPECT_THAT(docs, HasSubstr(fmt::format("| `{}` | {} |\n", id, describe_warning(id))));
  }
}

TEST(DocsJsonOutput, DescribesEveryOutcomeAndField) {
  const std::string docs = read_source_file("docs/json-output.md");
  for (const Outcome outcome : detail::kOutcomes) {
    EXPECT_THAT(docs, HasSubstr(fmt::format("| `{}` |", to_string(outcome))));
  }
  for (const std::string_view field : {"schema",
                                       "as_of",
                                       "recovery_points",
                                       "id",
                                       "operation",
                                       "parent",
                                       "resource",
                                       "resource_arn",
                                       "resource_type",
                                       "plan",
                                       "rule",
                                       "vault",
                                       "vault_arn",
                                       "region",
                                       "account",
                                       "recovery_point_arn",
                                       "continuous",
                                       "outcome",
                                       "key",
                                       "rules",
                                       "confidence",
                                       "warnings",
                                       "message",
                                       "aws_error",
                                       "unknowns",
                                       "steps",
                                       "advice",
                                       "resource_address",
                                       "vault_address",
                                       "address",
                                       "arn",
                                       "alias",
                                       "manager",
                                       "multi_region",
                                       "state",
                                       "text",
                                       "facts"}) {
    EXPECT_THAT(docs, HasSubstr(fmt::format("| `{}` |", field)));
  }
}

// ---------------------------------------------------------------------------------------------
// Text helpers

TEST(Text, DisplayWidthCountsWideCharactersTwice) {
  EXPECT_EQ(detail::display_width("abc"), 3U);
  EXPECT_EQ(detail::display_width("東京"), 4U);
  EXPECT_EQ(detail::pad_right("東京", 6), "東京  ");
}

TEST(Text, HangIndentsTheLinesAfterTheFirst) {
  EXPECT_EQ(detail::hang("1. ", 3, "a long sentence", 12, 3), "1. a long\n   sentence\n");
  // The lead's width is given, so colour codes in it do not count.
  EXPECT_EQ(detail::hang("\x1b[1m-\x1b[0m ", 2, "aa bb", 5, 2), "\x1b[1m-\x1b[0m aa\n  bb\n");
  EXPECT_EQ(detail::hang("- ", 2, "", 80, 2), "- \n");
}

TEST(Text, WrapBreaksAtSpacesAndKeepsLongWords) {
  EXPECT_EQ(detail::wrap("aa bb cc", 7, "  "), "  aa bb\n  cc");
  EXPECT_EQ(detail::wrap("aaaaaaaaaa b", 6, ""), "aaaaaaaaaa\nb");
  EXPECT_EQ(detail::wrap("", 6, "  "), "");
}

}  // namespace
}  // namespace snapkey::render
