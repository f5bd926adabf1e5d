// verify(): what AWS reported (copy jobs, recovery points) against what snapkey predicted for
// the same source and destination (docs/verify.md).
//
// Matching: a copy job by (resource ARN, source vault ARN, destination vault ARN) with a copy
// prediction whose parent is in the source vault; a recovery point by (resource ARN, vault ARN),
// preferring a copy from its SourceBackupVaultArn, or a backup when it has none. The first match
// in prediction order wins.
//
// Comparing: COMPLETED copies and recovery points against encrypted / unencrypted outcomes and
// their keys; FAILED copies against fails / unsupported. Jobs that have not finished (CREATED,
// RUNNING), PARTIAL jobs, indeterminate predictions and observations with no prediction are
// `not_predicted`: nothing could be compared, and `reason` says why.
#include "snapkey/verify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace snapkey {
namespace {

// ---------------------------------------------------------------------------------------------
// Wording

// The last part of an ARN: "Default" for a vault, "orders" for a cluster.
std::string short_name(const std::string& arn) {
  const std::size_t at = arn.rfind(':');
  return at == std::string::npos ? arn : arn.substr(at + 1);
}

std::string key_text(const std::string& arn) {
  return arn.empty() ? "key not reported" : "key " + arn;
}

std::string describe(const Key& key) {
  const std::string alias = key.alias();
  if (key.arn.empty())
    return fmt::format("{} of {} {} (ARN not known)", alias, key.account.value, key.region.name);
  return alias.empty() ? key.arn : fmt::format("{} ({})", alias, key.arn);
}

std::string predicted_text(const Prediction& p) {
  if (p.outcome == Outcome::encrypted && p.key) {
    return fmt::format("encrypted with {}", describe(*p.key));
  }
  return fmt::format("{}: {}", to_string(p.outcome), p.message);
}

std::string observed_text(const ObservedCopyJob& job) {
  std::string text =
      fmt::format("copy job {} ({} from {} to {}): {}, {}", job.id, short_name(job.resource_arn),
                  short_name(job.source_vault_arn), short_name(job.destination_vault_arn),
                  job.state, key_text(job.destination_key_arn));
  if (!job.status_message.empty()) text += fmt::format(", \"{}\"", job.status_message);
  return text;
}

std::string observed_text(const ObservedRecoveryPoint& point) {
  std::string encryption = "encryption not reported";
  if (point.is_encrypted) encryption = *point.is_encrypted ? "encrypted" : "not encrypted";
  return fmt::format("recovery point {} ({} in {}): {}, {}", point.arn,
                     short_name(point.resource_arn), short_name(point.vault_arn), encryption,
                     key_text(point.key_arn));
}

// ---------------------------------------------------------------------------------------------
// Matching

const Prediction* parent_of(const Predictions& predictions, const Prediction& p) {
  return p.parent ? predictions.find(*p.parent) : nullptr;
}

bool in_vault(const Prediction& p, const std::string& vault_arn) {
  return p.vault_arn && *p.vault_arn == vault_arn;
}

const Prediction* match_copy(const Predictions& predictions, const ObservedCopyJob& job) {
  for (const Prediction& p : predictions.recovery_points) {
    if (p.operation != Operation::copy || p.resource_arn != job.resource_arn ||
        !in_vault(p, job.destination_vault_arn)) {
      continue;
    }
    const Prediction* parent = parent_of(predictions, p);
    if (parent != nullptr && in_vault(*parent, job.source_vault_arn)) return &p;
  }
  return nullptr;
}

const Prediction* match_point(const Predictions& predictions, const ObservedRecoveryPoint& rp) {
  const Prediction* fallback = nullptr;
  for (const Prediction& p : predictions.recovery_points) {
    if ((p.operation != Operation::backup && p.operation != Operation::copy) ||
        p.resource_arn != rp.resource_arn || !in_vault(p, rp.vault_arn)) {
      continue;
    }
    const Prediction* parent = parent_of(predictions, p);
    const bool same_source = rp.source_vault_arn.empty()
                                 ? p.operation == Operation::backup
                                 : parent != nullptr && in_vault(*parent, rp.source_vault_arn);
    if (same_source) return &p;
    if (fallback == nullptr) fallback = &p;
  }
  return fallback;
}

// ---------------------------------------------------------------------------------------------
// Comparing keys

struct Finding {
  Agreement agreement;
  std::string reason;
};

bool is_r9_fallback(const Prediction& p) {
  return std::find(p.warnings.begin(), p.warnings.end(), kReportedArnUnknown) != p.warnings.end();
}

std::string u3_reason(const std::string& reported) {
  return fmt::format(
      "AWS reports {}, the destination vault's aws/backup key, where snapkey predicts aws/rds "
      "(R9). Which of the two ARNs AWS reports for such a copy is not known (spec U-3), so this "
      "counts as agreeing; please send this observation back (README, \"Sending a disagreement "
      "back\") so that U-3 can be settled",
      reported);
}

// The key AWS reported against the key snapkey predicted, for an encrypted outcome.
Finding compare_key(const Model& model, const Prediction& p, const std::string& reported) {
  const Key& predicted = *p.key;
  if (reported.empty()) {
    // Copy jobs report DestinationEncryptionKeyArn only since 2025-10-14 (R38).
    return {Agreement::agree,
            fmt::format("encrypted as predicted; AWS did not report the key, so only the outcome "
                        "was compared (predicted {}); outputs from before 2025-10-14 lack it, and "
                        "list-recovery-points-by-backup-vault reports the recovery point's key",
                        describe(predicted))};
  }
  if (!predicted.arn.empty() && reported == predicted.arn) {
    return {Agreement::agree, fmt::format("the same key: {}", describe(predicted))};
  }
  const Key* known = model.find_key(reported, predicted.account, predicted.region);
  if (predicted.manager == KeyManager::aws_owned &&
      (known == nullptr || known->manager == KeyManager::unknown)) {
    // AWS owned keys have ARNs of AWS's own, in a form no document gives (spec U-17, U-18).
    return {Agreement::agree,
            fmt::format("AWS used {}, which no input describes; snapkey predicts an AWS owned key, "
                        "whose ARN is not documented (spec U-18), so only the outcome was compared",
                        reported)};
  }
  // A key known only by its ARN (no manager, no alias) says nothing about which key it is.
  if (known != nullptr && known->manager == KeyManager::unknown && known->aliases.empty()) {
    known = nullptr;
  }
  if (known != nullptr && known->name == predicted.name) {
    return {Agreement::agree, fmt::format("the same key: {}", describe(predicted))};
  }
  if (known != nullptr) {
    if (is_r9_fallback(p) && known->is_aws_managed(kAwsBackupAlias) &&
        known->account == predicted.account && known->region == predicted.region) {
      return {Agreement::agree, u3_reason(reported)};
    }
    return {Agreement::disagree, fmt::format("AWS used {}, snapkey predicted {}", describe(*known),
                                             describe(predicted))};
  }
  if (!predicted.arn.empty()) {
    return {Agreement::disagree,
            fmt::format("AWS used {}, snapkey predicted {}", reported, describe(predicted))};
  }
  // The predicted key is an AWS managed key nobody listed: only its place can be compared.
  const Result<Arn> arn = parse_arn(reported);
  const bool same_place =
      arn && arn->region == predicted.region.name && arn->account == predicted.account.value;
  if (!same_place) {
    return {Agreement::disagree,
            fmt::format("AWS used {}, which is not in {} {} where snapkey predicted {}", reported,
                        predicted.account.value, predicted.region.name, describe(predicted))};
  }
  if (is_r9_fallback(p)) {
    return {Agreement::agree,
            fmt::format(
                "AWS used {}, a key of the predicted account and Region. snapkey predicts aws/rds "
                "(R9), whose ARN the inputs do not list, so the ARN could not be compared; and "
                "whether AWS reports the aws/rds or the vault's aws/backup ARN for such a copy is "
                "not known (spec U-3). Listing the keys (aws kms list-aliases) makes the "
                "comparison exact",
                reported)};
  }
  return {Agreement::agree,
          fmt::format("AWS used {}, a key of the predicted account and Region; the inputs do not "
                      "list the ARN of the predicted {}, so the ARN could not be compared (aws kms "
                      "list-aliases would tell)",
                      reported, predicted.alias())};
}

Finding not_compared(const Prediction& p) {
  return {
      Agreement::not_predicted,
      fmt::format("snapkey's prediction is indeterminate ({}), so there is nothing to compare",
                  p.unknowns.empty() ? p.message : fmt::format("{}", fmt::join(p.unknowns, "; ")))};
}

// ---------------------------------------------------------------------------------------------
// Comparing outcomes

bool made(Outcome outcome) {
  return outcome == Outcome::encrypted || outcome == Outcome::unencrypted;
}

// A recovery point that exists and is encrypted with `key` (or not encrypted: `encrypted` false).
Finding compare_made(const Model& model, const Prediction& p, std::optional<bool> encrypted,
                     const std::string& key, std::string_view what) {
  if (p.outcome == Outcome::indeterminate) return not_compared(p);
  if (!made(p.outcome)) {
    return {Agreement::disagree, fmt::format("{}, but snapkey predicted it {}: {}", what,
                                             to_string(p.outcome), p.message)};
  }
  const bool reported_encrypted = encrypted.value_or(!key.empty());
  if (p.outcome == Outcome::unencrypted) {
    if (!reported_encrypted) return {Agreement::agree, "not encrypted, as predicted"};
    return {Agreement::disagree,
            fmt::format("AWS reports it encrypted ({}), snapkey predicted it not encrypted",
                        key_text(key))};
  }
  if (encrypted && !*encrypted) {
    return {Agreement::disagree,
            fmt::format("AWS reports it not encrypted, snapkey predicted {}", describe(*p.key))};
  }
  return compare_key(model, p, key);
}

Finding compare_copy(const Model& model, const Prediction& p, const ObservedCopyJob& job) {
  if (job.state == "COMPLETED") {
    return compare_made(model, p, std::nullopt, job.destination_key_arn, "AWS completed the copy");
  }
  if (job.state == "FAILED") {
    if (p.outcome == Outcome::indeterminate) return not_compared(p);
    if (!made(p.outcome)) {
      return {Agreement::agree,
              fmt::format("the copy failed, as predicted ({})", to_string(p.outcome))};
    }
    return {
        Agreement::disagree,
        fmt::format("the copy failed{}, but snapkey predicted it {}",
                    job.status_message.empty() ? "" : fmt::format(" (\"{}\")", job.status_message),
                    p.outcome == Outcome::encrypted ? "encrypted with " + describe(*p.key)
                                                    : std::string("not encrypted"))};
  }
  if (job.state == "CREATED" || job.state == "RUNNING") {
    return {Agreement::not_predicted,
            fmt::format("the copy job is {}: it has not finished, so there is nothing to compare "
                        "yet; run snapkey verify again on its final state",
                        job.state)};
  }
  if (job.state == "PARTIAL") {
    return {Agreement::not_predicted,
            "the copy job is PARTIAL (a composite job some of whose parts failed); snapkey does "
            "not compare partial jobs"};
  }
  return {Agreement::not_predicted,
          fmt::format("the copy job's state '{}' is not one snapkey compares (COMPLETED, FAILED)",
                      job.state)};
}

// One observation against the prediction it matches: `compare` says whether they agree. With no
// matching prediction, `unmatched` says why.
template <typename Compare>
Verification verify(std::string observed, const Location& location, const Prediction* p,
                    std::string unmatched, const Compare& compare) {
  Verification v;
  v.observed = std::move(observed);
  v.location = location;
  if (p == nullptr) {
    v.reason = std::move(unmatched);
    return v;
  }
  Finding finding = compare(*p);
  v.agreement = finding.agreement;
  v.reason = std::move(finding.reason);
  v.prediction_id = p->id;
  v.predicted = predicted_text(*p);
  v.rules = p->rules;
  return v;
}

Verification verification_of(const Model& model, const Predictions& predictions,
                             const ObservedCopyJob& job) {
  return verify(observed_text(job), job.location, match_copy(predictions, job),
                fmt::format("no prediction copies {} from {} to {}: the inputs' plans and jobs do "
                            "not make this copy",
                            job.resource_arn, job.source_vault_arn, job.destination_vault_arn),
                [&](const Prediction& p) { return compare_copy(model, p, job); });
}

Verification verification_of(const Model& model, const Predictions& predictions,
                             const ObservedRecoveryPoint& point) {
  return verify(observed_text(point), point.location, match_point(predictions, point),
                fmt::format("no prediction puts a recovery point of {} into {}: the inputs' plans "
                            "and jobs do not make it",
                            point.resource_arn, point.vault_arn),
                [&](const Prediction& p) {
                  return compare_made(model, p, point.is_encrypted, point.key_arn,
                                      "AWS holds this recovery point");
                });
}

}  // namespace

std::string_view to_string(Agreement agreement) {
  switch (agreement) {
    case Agreement::agree:
      return "agree";
    case Agreement::disagree:
      return "disagree";
    case Agreement::not_predicted:
      break;
  }
  return "not-predicted";
}

std::size_t VerifyReport::count(Agreement agreement) const {
  return static_cast<std::size_t>(
      std::count_if(verifications.begin(), verifications.end(),
                    [&](const Verification& v) { return v.agreement == agreement; }));
}

VerifyReport verify(const Model& model, const Predictions& predictions) {
  VerifyReport report;
  report.as_of = predictions.as_of;
  // Observations in a stable order whatever order the files listed them in: copy jobs, then
  // recovery points, each by resource, source, destination and id.
  std::vector<const ObservedCopyJob*> jobs;
  for (const ObservedCopyJob& job : model.copy_jobs()) jobs.push_back(&job);
  std::sort(jobs.begin(), jobs.end(), [](const ObservedCopyJob* a, const ObservedCopyJob* b) {
    return std::tie(a->resource_arn, a->source_vault_arn, a->destination_vault_arn, a->id) <
           std::tie(b->resource_arn, b->source_vault_arn, b->destination_vault_arn, b->id);
  });
  std::vector<const ObservedRecoveryPoint*> points;
  for (const ObservedRecoveryPoint& point : model.observed_recovery_points())
    points.push_back(&point);
  std::sort(points.begin(), points.end(),
            [](const ObservedRecoveryPoint* a, const ObservedRecoveryPoint* b) {
              return std::tie(a->resource_arn, a->vault_arn, a->source_vault_arn, a->arn) <
                     std::tie(b->resource_arn, b->vault_arn, b->source_vault_arn, b->arn);
            });
  for (const ObservedCopyJob* job : jobs) {
    report.verifications.push_back(verification_of(model, predictions, *job));
  }
  for (const ObservedRecoveryPoint* point : points) {
    report.verifications.push_back(verification_of(model, predictions, *point));
  }
  return report;
}

}  // namespace snapkey
