#include <array>
#include <utility>

#include "snapkey/predict.hpp"

namespace snapkey {

std::string_view describe_warning(std::string_view id) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kWarnings = {{
      {kDocConflict,
       "AWS documentation and observed behaviour, or two AWS documents, disagree; the steps say "
       "which the prediction follows (spec U-1, and the 2026-12 addendum)."},
      {kReplicaNotUsed,
       "A multi-Region replica of the source key exists in the destination Region but the copy "
       "does not use it: AWS never picks a replica by itself (R8)."},
      {kKeyArnNotKnown,
       "The key's ARN is not known yet: an AWS managed key the input does not list (AWS creates "
       "it on first use), or a key that a Terraform plan or CloudFormation template has not "
       "created yet."},
      {kReportedArnUnknown,
       "Whether AWS reports the aws/backup or the aws/rds key ARN for this copy is not known (spec "
       "U-3)."},
      {kAssumedRdsAlias,
       "DocumentDB and Neptune are assumed to use alias/aws/rds as their AWS managed key (spec "
       "U-6)."},
      {kLagEligibilityUnknown,
       "Whether RDS-family resources may be backed up directly into a logically air-gapped vault "
       "is not documented (spec R5, U-7)."},
      {kForeignVaultKey,
       "The vault's key belongs to another account; the copy is assumed to get that key (spec "
       "U-8)."},
      {kChinaNativeCopy,
       "AWS documents disagree on native copies in the China Regions; treated as unsupported (spec "
       "U-16)."},
      {kAwsOwnedCopyUnknown,
       "The source is encrypted with Aurora's AWS owned key (sse-rds); how AWS Backup and RDS "
       "copy, share or air-gap such snapshots is not documented (spec U-17, R46)."},
      {kLagKeyArnUnknown,
       "The air-gapped vault's AWS owned key is a per-vault key whose ARN (account and form) AWS "
       "does not document; AWS reports EncryptionKeyType AWS_OWNED_KMS_KEY (spec U-18)."},
      {kUnencryptedLagBackup,
       "An unencrypted RDS DB instance is assumed to be accepted into the air-gapped vault and "
       "encrypted with its key (\"customer managed KMS key or unencrypted\"; spec U-19)."},
      {kRestoreKeyIgnored,
       "The restore names a KmsKeyId, but an RDS DB instance restore ignores it: the restored "
       "instance keeps the recovery point's key (R40)."},
  }};
  for (const auto& [warning, text] : kWarnings) {
    if (warning == id) return text;
  }
  return "";
}

}  // namespace snapkey
