// Tests for verify() (src/core/verify/verify.cpp) and its renderers
// (src/render/predictions/verify.cpp), on hand-built models: agree, disagree on the key, disagree
// on the outcome, not predicted, jobs that have not finished, the R9 fallback whose reported ARN is
// not known (spec U-3).
#include "snapkey/verify.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "snapkey/render/predictions.hpp"
#include "snapkey/render/tables.hpp"
#include "support/world.hpp"

namespace snapkey {
namespace {

using testing::cluster_arn;
using ::testing::ElementsAre;
using testing::kA;
using testing::kB;
using testing::key_arn;
using testing::kTokyo;
using testing::kVirginia;
using testing::vault_arn;
using testing::World;

const std::string kOrders = cluster_arn(kTokyo, kA, "orders");
const std::string kPrimary = vault_arn(kTokyo, kA, "primary");
const std::string kDr = vault_arn(kVirginia, kA, "dr");
const std::string kDefault = vault_arn(kVirginia, kA, "Default");
const std::string kAppKey = key_arn(kTokyo, kA, "1234abcd-12ab-34cd-56ef-000000000000");
const std::string kDrKey = key_arn(kVirginia, kA, "1234abcd-12ab-34cd-56ef-000000000001");
const std::string kElsewhere = key_arn(kVirginia, kA, "0f0f0f0f-0000-4000-8000-000000000000");

// orders (Tokyo, app-key) backed up into primary and copied to dr (dr-key) and to N. Virginia's
// Default vault (aws/backup: the copy gets aws/rds, R9).
World estate() {
  World w;
  w.key("app-key", kTokyo);
  w.key("dr-key", kVirginia);
  w.resource("orders", "app-key");
  w.vault("primary", kTokyo);
  w.vault("dr", kVirginia, "dr-key");
  w.vault("Default", kVirginia);
  w.plan("daily", "primary", {"orders"}, {"dr", "Default"});
  return w;
}

ObservedCopyJob copy(std::string id, const std::string& to, std::string state,
                     std::string key = "") {
  ObservedCopyJob job;
  job.id = std::move(id);
  job.resource_arn = kOrders;
  job.source_vault_arn = kPrimary;
  job.destination_vault_arn = to;
  job.state = std::move(state);
  job.destination_key_arn = std::move(key);
  job.location = Location{"jobs.json", 0, 0, "/CopyJobs/0"};
  return job;
}

ObservedRecoveryPoint point(const std::string& vault, std::optional<bool> encrypted,
                            std::string key, std::string source = "") {
  ObservedRecoveryPoint rp;
  rp.arn = "arn:aws:rds:" + std::string(kTokyo) + ":" + kA + ":cluster-snapshot:awsbackup:job-1";
  rp.resource_arn = kOrders;
  rp.vault_arn = vault;
  rp.source_vault_arn = std::move(source);
  rp.is_encrypted = encrypted;
  rp.key_arn = std::move(key);
  rp.location = Location{"points.json", 0, 0, "/RecoveryPoints/0"};
  return rp;
}

VerifyReport verify_world(const World& w) {
  Result<Model> model = w.build();
  if (!model) {
    ADD_FAILURE() << model.error().to_string();
    return {};
  }
  return verify(*model, predict(*model, {}));
}

Verification only(const World& w) {
  const VerifyReport report = verify_world(w);
  if (report.verifications.size() != 1) {
    ADD_FAILURE() << "expected one verification, found " << report.verifications.size();
    return {};
  }
  return report.verifications[0];
}

// ---------------------------------------------------------------------------------------------
// Copy jobs

TEST(VerifyTest, AgreesOnTheSameKey) {
  World w = estate();
  w.in.copy_jobs.push_back(copy("job-1", kDr, "COMPLETED", kDrKey));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::agree);
  EXPECT_EQ(v.observed, "copy job job-1 (orders from primary to dr): COMPLETED, key " + kDrKey);
  EXPECT_EQ(v.prediction_id, "orders@dr");
  EXPECT_EQ(v.predicted, "encrypted with alias/dr-key (" + kDrKey + ")");
  EXPECT_THAT(v.rules, ElementsAre("R6", "R2", "R7"));
  EXPECT_EQ(v.reason, "the same key: alias/dr-key (" + kDrKey + ")");
  EXPECT_EQ(v.location.to_string(), "jobs.json#/CopyJobs/0");
}

TEST(VerifyTest, DisagreesOnTheKey) {
  World w = estate();
  w.in.copy_jobs.push_back(copy("job-1", kDr, "COMPLETED", kElsewhere));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::disagree);
  EXPECT_EQ(v.reason,
            "AWS used " + kElsewhere + ", snapkey predicted alias/dr-key (" + kDrKey + ")");
}

TEST(VerifyTest, DisagreesOnAKnownOtherKey) {
  World w = estate();
  w.key("other", kVirginia);
  w.in.copy_jobs.push_back(copy("job-1", kDr, "COMPLETED", w.in.keys.back().arn));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::disagree);
  EXPECT_EQ(v.reason, "AWS used alias/other (" + w.in.keys.back().arn +
                          "), snapkey predicted alias/dr-key (" + kDrKey + ")");
}

TEST(VerifyTest, DisagreesOnTheOutcome) {
  World w = estate();
  ObservedCopyJob job = copy("job-1", kDr, "FAILED");
  job.status_message = "Access denied to KMS key";
  w.in.copy_jobs.push_back(job);
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::disagree);
  EXPECT_EQ(v.observed,
            "copy job job-1 (orders from primary to dr): FAILED, key not reported, \"Access denied "
            "to KMS key\"");
  EXPECT_EQ(v.reason,
            "the copy failed (\"Access denied to KMS key\"), but snapkey predicted it encrypted "
            "with alias/dr-key (" +
                kDrKey + ")");
}

TEST(VerifyTest, AgreesOnAPredictedFailure) {
  // A cross-account copy of an AWS managed key's backup fails (R12).
  World w;
  w.resource("orders", "alias/aws/rds");
  w.vault("primary", kTokyo);
  w.vault("central", kTokyo, "", kB);
  w.plan("daily", "primary", {"orders"}, {"central"});
  ObservedCopyJob job = copy("job-9", vault_arn(kTokyo, kB, "central"), "FAILED");
  w.in.copy_jobs.push_back(job);
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::agree);
  EXPECT_EQ(v.prediction_id, "orders@central");
  EXPECT_EQ(v.reason, "the copy failed, as predicted (fails)");
  EXPECT_EQ(v.predicted.substr(0, 7), "fails: ");
}

TEST(VerifyTest, ACompletedCopyThatWasPredictedToFailDisagrees) {
  World w;
  w.resource("orders", "alias/aws/rds");
  w.vault("primary", kTokyo);
  w.vault("central", kTokyo, "", kB);
  w.plan("daily", "primary", {"orders"}, {"central"});
  w.in.copy_jobs.push_back(copy("job-9", vault_arn(kTokyo, kB, "central"), "COMPLETED"));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::disagree);
  EXPECT_EQ(v.reason.substr(0, 51), "AWS completed the copy, but snapkey predicted it fa");
}

TEST(VerifyTest, ACopyNobodyPredictedIsNotPredicted) {
  World w = estate();
  w.in.copy_jobs.push_back(copy("job-1", vault_arn(kVirginia, kA, "archive"), "COMPLETED"));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::not_predicted);
  EXPECT_FALSE(v.prediction_id.has_value());
  EXPECT_EQ(v.predicted, "");
  EXPECT_THAT(v.rules, ::testing::IsEmpty());
  EXPECT_EQ(v.reason, "no prediction copies " + kOrders + " from " + kPrimary + " to " +
                          vault_arn(kVirginia, kA, "archive") +
                          ": the inputs' plans and jobs do not make this copy");
}

TEST(VerifyTest, ACopyFromAnotherSourceVaultIsNotTheSameCopy) {
  World w = estate();
  ObservedCopyJob job = copy("job-1", kDr, "COMPLETED", kDrKey);
  job.source_vault_arn = kDefault;
  w.in.copy_jobs.push_back(job);
  EXPECT_EQ(only(w).agreement, Agreement::not_predicted);
}

TEST(VerifyTest, UnfinishedJobsAreNotCompared) {
  for (const char* state : {"CREATED", "RUNNING"}) {
    World w = estate();
    w.in.copy_jobs.push_back(copy("job-1", kDr, state, kElsewhere));
    const Verification v = only(w);
    EXPECT_EQ(v.agreement, Agreement::not_predicted);
    EXPECT_EQ(v.prediction_id, "orders@dr");
    EXPECT_EQ(v.reason, "the copy job is " + std::string(state) +
                            ": it has not finished, so there is nothing to compare yet; run "
                            "snapkey verify again on its final state");
  }
}

TEST(VerifyTest, PartialAndUnknownStatesAreNotCompared) {
  World w = estate();
  w.in.copy_jobs.push_back(copy("job-1", kDr, "PARTIAL"));
  w.in.copy_jobs.push_back(copy("job-2", kDr, "ABORTED"));
  const VerifyReport report = verify_world(w);
  ASSERT_EQ(report.verifications.size(), 2u);
  EXPECT_EQ(report.verifications[0].reason,
            "the copy job is PARTIAL (a composite job some of whose parts failed); snapkey does "
            "not compare partial jobs");
  EXPECT_EQ(report.verifications[1].reason,
            "the copy job's state 'ABORTED' is not one snapkey compares (COMPLETED, FAILED)");
  EXPECT_EQ(report.count(Agreement::not_predicted), 2u);
}

TEST(VerifyTest, AnIndeterminatePredictionIsNotCompared) {
  World w = estate();
  w.in.vaults[1].key_unknown = "aws_backup_vault.dr: kms_key_arn is known only after apply";
  w.in.vaults[1].key = "";
  w.in.copy_jobs.push_back(copy("job-1", kDr, "COMPLETED", kDrKey));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::not_predicted);
  EXPECT_EQ(v.reason,
            "snapkey's prediction is indeterminate (the key of vault dr: aws_backup_vault.dr: "
            "kms_key_arn is known only after apply), so there is nothing to compare");
}

TEST(VerifyTest, AKeyNotReportedComparesTheOutcomeOnly) {
  World w = estate();
  w.in.copy_jobs.push_back(copy("job-1", kDr, "COMPLETED"));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::agree);
  EXPECT_EQ(v.reason,
            "encrypted as predicted; AWS did not report the key, so only the outcome was compared "
            "(predicted alias/dr-key (" +
                kDrKey +
                ")); outputs from before 2025-10-14 lack it, and "
                "list-recovery-points-by-backup-vault reports the recovery point's key");
}

// ---------------------------------------------------------------------------------------------
// Keys whose ARN is not known, and the R9 fallback (spec U-3)

TEST(VerifyTest, TheR9FallbackWithNoListedKeysComparesRegionAndAccount) {
  World w = estate();
  w.in.copy_jobs.push_back(copy("job-1", kDefault, "COMPLETED", kElsewhere));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::agree);
  EXPECT_EQ(v.predicted, "encrypted with alias/aws/rds of 111111111111 us-east-1 (ARN not known)");
  EXPECT_THAT(v.rules, ElementsAre("R6", "R2", "R9"));
  EXPECT_EQ(v.reason,
            "AWS used " + kElsewhere +
                ", a key of the predicted account and Region. snapkey predicts aws/rds (R9), whose "
                "ARN the inputs do not list, so the ARN could not be compared; and whether AWS "
                "reports the aws/rds or the vault's aws/backup ARN for such a copy is not known "
                "(spec U-3). Listing the keys (aws kms list-aliases) makes the comparison exact");
}

TEST(VerifyTest, TheR9FallbackInAnotherRegionDisagrees) {
  World w = estate();
  const std::string tokyo_key = key_arn(kTokyo, kA, "0f0f0f0f-0000-4000-8000-000000000000");
  w.in.copy_jobs.push_back(copy("job-1", kDefault, "COMPLETED", tokyo_key));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::disagree);
  EXPECT_EQ(v.reason, "AWS used " + tokyo_key +
                          ", which is not in 111111111111 us-east-1 where snapkey predicted "
                          "alias/aws/rds of 111111111111 us-east-1 (ARN not known)");
}

TEST(VerifyTest, TheR9FallbackReportingTheAwsBackupKeyAgreesWithTheU3Note) {
  World w = estate();
  Key& backup = w.key("aws-backup", kVirginia);
  backup.aliases = {"alias/aws/backup"};
  backup.manager = KeyManager::aws;
  const std::string backup_arn = backup.arn;
  w.in.copy_jobs.push_back(copy("job-1", kDefault, "COMPLETED", backup_arn));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::agree);
  EXPECT_EQ(v.reason,
            "AWS reports " + backup_arn +
                ", the destination vault's aws/backup key, where snapkey predicts aws/rds (R9). "
                "Which of the two ARNs AWS reports for such a copy is not known (spec U-3), so "
                "this counts as agreeing; please send this observation back (README, \"Sending a "
                "disagreement back\") so that U-3 can be settled");
}

TEST(VerifyTest, TheR9FallbackReportingTheListedAwsRdsKeyAgrees) {
  World w = estate();
  Key& rds = w.key("aws-rds", kVirginia);
  rds.aliases = {"alias/aws/rds"};
  rds.manager = KeyManager::aws;
  const std::string rds_arn = rds.arn;
  w.in.copy_jobs.push_back(copy("job-1", kDefault, "COMPLETED", rds_arn));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::agree);
  EXPECT_EQ(v.reason, "the same key: alias/aws/rds (" + rds_arn + ")");
}

TEST(VerifyTest, AnAwsManagedKeyNotListedAgreesOnRegionAndAccount) {
  // A backup (not the R9 fallback) on aws/rds whose ARN is not listed.
  World w;
  w.resource("billing", "alias/aws/rds", ResourceType::rds_instance);
  w.vault("primary", kTokyo);
  w.plan("daily", "primary", {"billing"});
  const std::string reported = key_arn(kTokyo, kA, "4d3c2b1a-7e6f-4a5b-8c9d-0e1f2a3b4c5d");
  ObservedRecoveryPoint rp = point(kPrimary, true, reported);
  rp.resource_arn = "arn:aws:rds:ap-northeast-1:111111111111:db:billing";
  w.in.observed_recovery_points.push_back(rp);
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::agree);
  EXPECT_EQ(v.reason, "AWS used " + reported +
                          ", a key of the predicted account and Region; the inputs do not list "
                          "the ARN of the predicted alias/aws/rds, so the ARN could not be "
                          "compared (aws kms list-aliases would tell)");
}

TEST(VerifyTest, AKeyKnownOnlyByItsArnIsComparedByRegionAndAccount) {
  // The export lists the reported key with no manager and no alias: it could be aws/rds.
  World w = estate();
  Key& bare = w.key("bare", kVirginia, kA, "0f0f0f0f-0000-4000-8000-000000000000");
  bare.aliases.clear();
  bare.manager = KeyManager::unknown;
  bare.state = KeyState::unknown;
  w.in.copy_jobs.push_back(copy("job-1", kDefault, "COMPLETED", kElsewhere));
  EXPECT_EQ(only(w).agreement, Agreement::agree);
}

TEST(VerifyTest, AnAwsOwnedKeyIsComparedByOutcomeOnly) {  // U-18
  World w;
  w.key("app-key", kTokyo);
  w.resource("orders", "app-key");
  w.vault("primary", kTokyo);
  w.vault("lag", kTokyo).type = VaultType::logically_air_gapped;
  w.plan("daily", "primary", {"orders"}, {"lag"});
  const std::string owned = key_arn(kTokyo, "999999999999", "abcdabcd-0000-4000-8000-000000000000");
  w.in.copy_jobs.push_back(copy("job-1", vault_arn(kTokyo, kA, "lag"), "COMPLETED", owned));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::agree);
  EXPECT_EQ(v.reason, "AWS used " + owned +
                          ", which no input describes; snapkey predicts an AWS owned key, whose "
                          "ARN is not documented (spec U-18), so only the outcome was compared");
  // A customer managed key the inputs know is not the AWS owned key.
  World known = w;
  known.key("imposter", kTokyo);
  known.in.copy_jobs[0].destination_key_arn = known.in.keys.back().arn;
  EXPECT_EQ(only(known).agreement, Agreement::disagree);
}

// ---------------------------------------------------------------------------------------------
// Recovery points

TEST(VerifyTest, ARecoveryPointIsMatchedByResourceAndVault) {
  World w = estate();
  w.in.observed_recovery_points.push_back(point(kPrimary, true, kAppKey));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::agree);
  EXPECT_EQ(v.prediction_id, "orders@primary");
  EXPECT_EQ(v.observed,
            "recovery point "
            "arn:aws:rds:ap-northeast-1:111111111111:cluster-snapshot:awsbackup:job-1 (orders in "
            "primary): encrypted, key " +
                kAppKey);
  EXPECT_THAT(v.rules, ElementsAre("R1", "R4", "R2"));
}

TEST(VerifyTest, ARecoveryPointNotEncryptedDisagrees) {
  World w = estate();
  w.in.observed_recovery_points.push_back(point(kDr, false, "", kPrimary));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::disagree);
  EXPECT_EQ(v.prediction_id, "orders@dr");
  EXPECT_EQ(v.reason,
            "AWS reports it not encrypted, snapkey predicted alias/dr-key (" + kDrKey + ")");
}

TEST(VerifyTest, AnUnencryptedPredictionAgreesWithAnUnencryptedPoint) {
  World w;
  w.resource("plain", "");
  w.vault("primary", kTokyo);
  w.plan("daily", "primary", {"plain"});
  ObservedRecoveryPoint rp = point(kPrimary, false, "");
  rp.resource_arn = cluster_arn(kTokyo, kA, "plain");
  w.in.observed_recovery_points.push_back(rp);
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::agree);
  EXPECT_EQ(v.reason, "not encrypted, as predicted");
  rp.is_encrypted = true;
  rp.key_arn = kAppKey;
  w.in.observed_recovery_points = {rp};
  const Verification encrypted = only(w);
  EXPECT_EQ(encrypted.agreement, Agreement::disagree);
  EXPECT_EQ(encrypted.reason,
            "AWS reports it encrypted (key " + kAppKey + "), snapkey predicted it not encrypted");
}

TEST(VerifyTest, ARecoveryPointNobodyPredictedIsNotPredicted) {
  World w = estate();
  w.in.observed_recovery_points.push_back(point(vault_arn(kTokyo, kA, "other"), true, kAppKey));
  const Verification v = only(w);
  EXPECT_EQ(v.agreement, Agreement::not_predicted);
  EXPECT_EQ(v.reason, "no prediction puts a recovery point of " + kOrders + " into " +
                          vault_arn(kTokyo, kA, "other") +
                          ": the inputs' plans and jobs do not make it");
}

// ---------------------------------------------------------------------------------------------
// The report

TEST(VerifyTest, TheOrderDoesNotDependOnTheInputOrder) {
  World w = estate();
  w.in.observed_recovery_points.push_back(point(kPrimary, true, kAppKey));
  w.in.copy_jobs.push_back(copy("job-2", kDr, "COMPLETED", kDrKey));
  w.in.copy_jobs.push_back(copy("job-1", kDefault, "COMPLETED", kElsewhere));
  World reversed = w;
  std::reverse(reversed.in.copy_jobs.begin(), reversed.in.copy_jobs.end());
  const VerifyReport a = verify_world(w);
  const VerifyReport b = verify_world(reversed);
  ASSERT_EQ(a.verifications.size(), 3u);
  // Copy jobs (by resource, source, destination), then recovery points.
  EXPECT_EQ(a.verifications[0].prediction_id, "orders@Default");
  EXPECT_EQ(a.verifications[1].prediction_id, "orders@dr");
  EXPECT_EQ(a.verifications[2].prediction_id, "orders@primary");
  EXPECT_EQ(render::render_verify_json(a), render::render_verify_json(b));
  EXPECT_EQ(a.count(Agreement::agree), 3u);
  EXPECT_EQ(a.disagreements(), 0u);
}

TEST(VerifyTest, AgreementSpellings) {
  EXPECT_EQ(to_string(Agreement::agree), "agree");
  EXPECT_EQ(to_string(Agreement::disagree), "disagree");
  EXPECT_EQ(to_string(Agreement::not_predicted), "not-predicted");
}

// ---------------------------------------------------------------------------------------------
// Renderers

VerifyReport small_report() {
  World w = estate();
  w.in.as_of = Date{2026, 3, 1};
  w.in.copy_jobs.push_back(copy("job-1", kDr, "COMPLETED", kDrKey));
  w.in.copy_jobs.push_back(copy("job-2", kDr, "COMPLETED", kElsewhere));
  w.in.copy_jobs.back().location.pointer = "/CopyJobs/1";
  w.in.copy_jobs.push_back(copy("job-3", vault_arn(kVirginia, kA, "archive"), "COMPLETED"));
  w.in.copy_jobs.back().location.pointer = "/CopyJobs/2";
  return verify_world(w);
}

TEST(RenderVerifyTest, Table) {
  EXPECT_EQ(render::render_verify_table(small_report(), {}), R"(AGREEMENT      OBSERVED

not-predicted  copy job job-3 (orders from primary to archive): COMPLETED, key
               not reported
  predicted    -
  rules        -
  reason       no prediction copies
               arn:aws:rds:ap-northeast-1:111111111111:cluster:orders from
               arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary
               to arn:aws:backup:us-east-1:111111111111:backup-vault:archive:
               the inputs' plans and jobs do not make this copy
  input        jobs.json#/CopyJobs/2

agree          copy job job-1 (orders from primary to dr): COMPLETED, key
               arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001
  predicted    orders@dr: encrypted with alias/dr-key
               (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001)
  rules        R6, R2, R7
  reason       the same key: alias/dr-key
               (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001)
  input        jobs.json#/CopyJobs/0

disagree       copy job job-2 (orders from primary to dr): COMPLETED, key
               arn:aws:kms:us-east-1:111111111111:key/0f0f0f0f-0000-4000-8000-000000000000
  predicted    orders@dr: encrypted with alias/dr-key
               (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001)
  rules        R6, R2, R7
  reason       AWS used
               arn:aws:kms:us-east-1:111111111111:key/0f0f0f0f-0000-4000-8000-000000000000,
               snapkey predicted alias/dr-key
               (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001)
  input        jobs.json#/CopyJobs/1

1 agree, 1 disagree, 1 not predicted
AWS behaviour as of 2026-03-01
)");
}

TEST(RenderVerifyTest, TableWithNothingToVerify) {
  EXPECT_EQ(render::render_verify_table(verify_world(estate()), {}).substr(0, 169),
            R"(AGREEMENT      OBSERVED

Nothing to verify: none of the inputs reports a copy job or a recovery point.
Give snapkey verify the saved output of aws backup list-copy-jobs,)");
}

TEST(RenderVerifyTest, TableColours) {
  const std::string table = render::render_verify_table(small_report(), {.color = true});
  EXPECT_NE(table.find("\x1b[32magree\x1b[0m          copy job job-1"), std::string::npos);
  EXPECT_NE(table.find("\x1b[31mdisagree\x1b[0m       copy job job-2"), std::string::npos);
  EXPECT_NE(table.find("\x1b[33mnot-predicted\x1b[0m  copy job job-3"), std::string::npos);
}

TEST(RenderVerifyTest, Json) {
  EXPECT_EQ(render::render_verify_json(small_report()), R"js({
  "schema": "snapkey/verify/v1",
  "as_of": "2026-03-01",
  "summary": "1 agree, 1 disagree, 1 not predicted",
  "disagrees": true,
  "verifications": [
    {
      "agreement": "not-predicted",
      "observed": "copy job job-3 (orders from primary to archive): COMPLETED, key not reported",
      "location": "jobs.json#/CopyJobs/2",
      "prediction": null,
      "predicted": null,
      "rules": [],
      "reason": "no prediction copies arn:aws:rds:ap-northeast-1:111111111111:cluster:orders from arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary to arn:aws:backup:us-east-1:111111111111:backup-vault:archive: the inputs' plans and jobs do not make this copy"
    },
    {
      "agreement": "agree",
      "observed": "copy job job-1 (orders from primary to dr): COMPLETED, key arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001",
      "location": "jobs.json#/CopyJobs/0",
      "prediction": "orders@dr",
      "predicted": "encrypted with alias/dr-key (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001)",
      "rules": [
        "R6",
        "R2",
        "R7"
      ],
      "reason": "the same key: alias/dr-key (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001)"
    },
    {
      "agreement": "disagree",
      "observed": "copy job job-2 (orders from primary to dr): COMPLETED, key arn:aws:kms:us-east-1:111111111111:key/0f0f0f0f-0000-4000-8000-000000000000",
      "location": "jobs.json#/CopyJobs/1",
      "prediction": "orders@dr",
      "predicted": "encrypted with alias/dr-key (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001)",
      "rules": [
        "R6",
        "R2",
        "R7"
      ],
      "reason": "AWS used arn:aws:kms:us-east-1:111111111111:key/0f0f0f0f-0000-4000-8000-000000000000, snapkey predicted alias/dr-key (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001)"
    }
  ]
}
)js");
}

TEST(RenderVerifyTest, Markdown) {
  EXPECT_EQ(render::render_verify_markdown(small_report()),
            R"md(| Agreement | Observed | Predicted | Rules | Reason |
|---|---|---|---|---|
| **not-predicted** | copy job job-3 (orders from primary to archive): COMPLETED, key not reported | - | - | no prediction copies arn:aws:rds:ap-northeast-1:111111111111:cluster:orders from arn:aws:backup:ap-northeast-1:111111111111:backup-vault:primary to arn:aws:backup:us-east-1:111111111111:backup-vault:archive: the inputs' plans and jobs do not make this copy |
| **agree** | copy job job-1 (orders from primary to dr): COMPLETED, key arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001 | `orders@dr`: encrypted with alias/dr-key (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001) | R6, R2, R7 | the same key: alias/dr-key (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001) |
| **disagree** | copy job job-2 (orders from primary to dr): COMPLETED, key arn:aws:kms:us-east-1:111111111111:key/0f0f0f0f-0000-4000-8000-000000000000 | `orders@dr`: encrypted with alias/dr-key (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001) | R6, R2, R7 | AWS used arn:aws:kms:us-east-1:111111111111:key/0f0f0f0f-0000-4000-8000-000000000000, snapkey predicted alias/dr-key (arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-000000000001) |

1 agree, 1 disagree, 1 not predicted, predicted for AWS behaviour as of 2026-03-01.
)md");
}

}  // namespace
}  // namespace snapkey
