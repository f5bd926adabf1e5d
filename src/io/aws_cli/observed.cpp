// What AWS reported, for snapkey verify: backup list-copy-jobs / describe-copy-job and
// list-recovery-points-by-backup-vault.
#include <fmt/format.h>

#include <tuple>

#include "io/aws_cli/export.hpp"

namespace snapkey::io::aws_cli {
namespace {

auto fields(const ObservedCopyJob& job) {
  return std::tie(job.id, job.resource_arn, job.source_vault_arn, job.source_recovery_point_arn,
                  job.destination_vault_arn, job.destination_recovery_point_arn,
                  job.destination_key_arn, job.state, job.status_message);
}

auto fields(const ObservedRecoveryPoint& point) {
  return std::tie(point.arn, point.resource_arn, point.vault_arn, point.source_vault_arn,
                  point.key_arn, point.is_encrypted, point.key_type);
}

Error reported_twice(const std::string& subject, const Location& first, const Location& second) {
  return Error{std::string(kConflictError),
               fmt::format("{} is reported twice with different values: here and at {}", subject,
                           first.to_string()),
               second};
}

Status read_copy_job_entry(const JsonValue& entry, Export& out) {
  if (!entry.is_object()) return entry.type_error("an object");
  ObservedCopyJob job;
  job.location = entry.location();
  Result<std::string> id = required_text(entry, "CopyJobId");
  if (!id) return id.error();
  job.id = *id;
  struct Member {
    std::string_view name;
    const ArnKind& kind;
    bool required;
    std::string ObservedCopyJob::*field;
  };
  const Member members[] = {
      {"ResourceArn", kRegionalArn, true, &ObservedCopyJob::resource_arn},
      {"SourceBackupVaultArn", kVaultArn, true, &ObservedCopyJob::source_vault_arn},
      {"SourceRecoveryPointArn", kRegionalArn, false, &ObservedCopyJob::source_recovery_point_arn},
      {"DestinationBackupVaultArn", kVaultArn, true, &ObservedCopyJob::destination_vault_arn},
      {"DestinationRecoveryPointArn", kRegionalArn, false,
       &ObservedCopyJob::destination_recovery_point_arn},
      {"DestinationEncryptionKeyArn", kKeyArn, false, &ObservedCopyJob::destination_key_arn},
  };
  for (const Member& member : members) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string arn,
                             arn_text(entry, member.name, member.kind, member.required));
    job.*member.field = std::move(arn);
  }
  Result<std::optional<std::string>> state =
      optional_word(entry, "State", {"CREATED", "RUNNING", "COMPLETED", "FAILED", "PARTIAL"});
  if (!state) return state.error();
  if (!*state) {
    return entry["State"].error("E_JSON_MISSING", fmt::format("expected a string at {}, found "
                                                              "nothing",
                                                              entry["State"].location().pointer));
  }
  job.state = **state;
  SNAPKEY_ASSIGN_OR_RETURN(std::optional<std::string> message,
                           optional_text(entry, "StatusMessage"));
  job.status_message = message.value_or("");
  auto [it, inserted] = out.copy_jobs.try_emplace(job.id, job);
  if (inserted || fields(it->second) == fields(job)) return Ok{};
  return reported_twice(fmt::format("copy job {}", job.id), it->second.location, job.location);
}

// The vault a recovery point is in: BackupVaultArn, or BackupVaultName in the recovery point's
// own account and Region.
Result<std::string> vault_of(const JsonValue& entry, const ArnAt& point) {
  if (!entry["BackupVaultArn"].is_missing() || entry["BackupVaultName"].is_missing()) {
    return arn_text(entry, "BackupVaultArn", kVaultArn, true);
  }
  SNAPKEY_ASSIGN_OR_RETURN(std::string name, entry.required_string("BackupVaultName"));
  return fmt::format("arn:{}:backup:{}:{}:backup-vault:{}", point.arn.partition, point.arn.region,
                     point.arn.account, name);
}

Status read_recovery_point(const JsonValue& entry, Export& out) {
  if (!entry.is_object()) return entry.type_error("an object");
  ObservedRecoveryPoint point;
  point.location = entry.location();
  Result<ArnAt> arn = required_arn(entry, "RecoveryPointArn", kRegionalArn);
  if (!arn) return arn.error();
  point.arn = arn->text;
  SNAPKEY_ASSIGN_OR_RETURN(std::string resource,
                           arn_text(entry, "ResourceArn", kRegionalArn, true));
  point.resource_arn = std::move(resource);
  SNAPKEY_ASSIGN_OR_RETURN(std::string vault, vault_of(entry, *arn));
  point.vault_arn = std::move(vault);
  SNAPKEY_ASSIGN_OR_RETURN(std::string source,
                           arn_text(entry, "SourceBackupVaultArn", kVaultArn, false));
  point.source_vault_arn = std::move(source);
  SNAPKEY_ASSIGN_OR_RETURN(std::string key, arn_text(entry, "EncryptionKeyArn", kKeyArn, false));
  point.key_arn = std::move(key);
  SNAPKEY_ASSIGN_OR_RETURN(std::optional<bool> encrypted, entry.optional_bool("IsEncrypted"));
  point.is_encrypted = encrypted;
  Result<std::optional<std::string>> key_type =
      optional_word(entry, "EncryptionKeyType", {"AWS_OWNED_KMS_KEY", "CUSTOMER_MANAGED_KMS_KEY"});
  if (!key_type) return key_type.error();
  point.key_type = key_type->value_or("");
  auto [it, inserted] = out.recovery_points.try_emplace(point.arn, point);
  if (inserted || fields(it->second) == fields(point)) return Ok{};
  return reported_twice(fmt::format("recovery point {}", point.arn), it->second.location,
                        point.location);
}

}  // namespace

Status read_copy_jobs(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<JsonValue> jobs, list_of(root, "CopyJobs"));
  for (const JsonValue& job : jobs) {
    SNAPKEY_RETURN_IF_ERROR(read_copy_job_entry(job, out));
  }
  return Ok{};
}

Status read_copy_job(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(JsonValue job, required_object(root, "CopyJob"));
  return read_copy_job_entry(job, out);
}

Status read_recovery_points(const JsonValue& root, const FileContext&, Export& out) {
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<JsonValue> points, list_of(root, "RecoveryPoints"));
  for (const JsonValue& point : points) {
    SNAPKEY_RETURN_IF_ERROR(read_recovery_point(point, out));
  }
  return Ok{};
}

}  // namespace snapkey::io::aws_cli
