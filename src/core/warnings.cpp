#include <array>
#include <utility>

#include "snapkey/predict.hpp"

namespace snapkey {

std::string_view describe_warning(std::string_view id) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kWarnings = {{
      {kDocConflict,
       "AWS documentation and observed behaviour disagree; the prediction follows what was "
       "observed (spec U-1)."},
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
  }};
  for (const auto& [warning, text] : kWarnings) {
    if (warning == id) return text;
  }
  return "";
}

}  // namespace snapkey
