// Writes a synthetic export: every command output snapkey reads, with the fields the AWS CLI
// prints (most of which snapkey skips), so that file sizes and the reader's work are realistic.
#include "synthetic_export.hpp"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace snapkey::bench {
namespace {

constexpr std::array<std::string_view, 8> kRegions = {
    "us-east-1",      "us-west-2",    "eu-west-1",    "ap-northeast-1",
    "ap-southeast-2", "eu-central-1", "ca-central-1", "sa-east-1"};
constexpr std::string_view kOrganization = "o-benchmark01";
constexpr std::string_view kRole = "arn:aws:iam::{}:role/service-role/AWSBackupDefaultServiceRole";

using Buffer = fmt::memory_buffer;

// A key id (UUID form) that is unique for (kind, account, Region, index).
std::string uuid(int kind, int account, int region, int index) {
  return fmt::format("{:02x}{:02x}{:04x}-0000-4000-8000-{:012x}", kind, account, region, index);
}

class Writer {
 public:
  Writer(std::string root, const ExportShape& shape) : root_(std::move(root)), shape_(shape) {}

  ExportStats run() {
    for (int a = 0; a < shape_.accounts; ++a) {
      organization(a);
      for (int r = 0; r < shape_.regions; ++r) region(a, r);
    }
    return stats_;
  }

 private:
  std::string account(int a) const { return fmt::format("{:012}", 100000000000LL + a); }
  std::string_view region_name(int r) const { return kRegions[r % kRegions.size()]; }
  std::string key_arn(int a, int r, const std::string& id) const {
    return fmt::format("arn:aws:kms:{}:{}:key/{}", region_name(r), account(a), id);
  }
  std::string vault_arn(int a, int r, std::string_view name) const {
    return fmt::format("arn:aws:backup:{}:{}:backup-vault:{}", region_name(r), account(a), name);
  }
  std::string customer_key(int a, int r, int i) const { return uuid(1, a, r, i % shape_.keys); }
  std::string aws_key(int a, int r, std::string_view service) const {
    return uuid(2, a, r, service == "rds" ? 0 : 1);
  }
  std::string dir(int a, int r) const {
    return fmt::format("{}/{}/{}", root_, account(a), region_name(r));
  }

  void save(const std::string& path, const Buffer& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
    ++stats_.files;
    stats_.bytes += text.size();
  }

  void organization(int a) {
    Buffer b;
    fmt::format_to(std::back_inserter(b),
                   R"({{
    "Organization": {{
        "Id": "{0}",
        "Arn": "arn:aws:organizations::{1}:organization/{0}",
        "FeatureSet": "ALL",
        "MasterAccountArn": "arn:aws:organizations::{1}:account/{0}/{1}",
        "MasterAccountId": "{1}",
        "MasterAccountEmail": "aws-management@example.com",
        "AvailablePolicyTypes": [{{"Type": "BACKUP_POLICY", "Status": "ENABLED"}}]
    }}
}}
)",
                   kOrganization, account(0));
    save(fmt::format("{}/{}/organizations/describe-organization.json", root_, account(a)), b);
  }

  void region(int a, int r) {
    clusters(a, r);
    instances(a, r);
    kms(a, r);
    vaults(a, r);
    plans(a, r);
    observations(a, r);
    Buffer b;
    fmt::format_to(std::back_inserter(b), R"({{
    "GlobalSettings": {{"isCrossAccountBackupEnabled": "true", "isMpaEnabled": "false"}},
    "LastUpdateTime": "2025-10-21T04:18:52.904000+00:00"
}}
)");
    save(dir(a, r) + "/backup/describe-global-settings.json", b);
  }

  std::string cluster_key(int a, int r, int c) const {
    return c % 5 == 0 ? key_arn(a, r, aws_key(a, r, "rds")) : key_arn(a, r, customer_key(a, r, c));
  }

  void clusters(int a, int r) {
    Buffer b;
    fmt::format_to(std::back_inserter(b), "{{\n    \"DBClusters\": [");
    for (int c = 0; c < shape_.clusters; ++c) {
      const std::string_view zone = region_name(r);
      fmt::format_to(std::back_inserter(b),
                     R"({0}
        {{
            "AllocatedStorage": 1,
            "AvailabilityZones": ["{2}a", "{2}b", "{2}c"],
            "BackupRetentionPeriod": 7,
            "DBClusterIdentifier": "orders-{1}",
            "DBClusterParameterGroup": "default.aurora-postgresql16",
            "DBSubnetGroup": "private-db",
            "Status": "available",
            "Endpoint": "orders-{1}.cluster-cq7zk3x9v2.{2}.rds.amazonaws.com",
            "ReaderEndpoint": "orders-{1}.cluster-ro-cq7zk3x9v2.{2}.rds.amazonaws.com",
            "MultiAZ": true,
            "Engine": "aurora-postgresql",
            "EngineVersion": "16.4",
            "Port": 5432,
            "MasterUsername": "postgres",
            "PreferredBackupWindow": "16:00-16:30",
            "PreferredMaintenanceWindow": "sun:17:00-sun:17:30",
            "ReadReplicaIdentifiers": [],
            "DBClusterMembers": [
                {{"DBInstanceIdentifier": "orders-{1}-1", "IsClusterWriter": true, "DBClusterParameterGroupStatus": "in-sync", "PromotionTier": 1}},
                {{"DBInstanceIdentifier": "orders-{1}-2", "IsClusterWriter": false, "DBClusterParameterGroupStatus": "in-sync", "PromotionTier": 1}}
            ],
            "VpcSecurityGroups": [{{"VpcSecurityGroupId": "sg-0c4f1a9e7b2d35186", "Status": "active"}}],
            "HostedZoneId": "Z24O6O9L7SGTNB",
            "StorageEncrypted": true,
            "StorageEncryptionType": "sse-kms",
            "KmsKeyId": "{3}",
            "DbClusterResourceId": "cluster-Q2W4E6R8T0Y1U3I5O{1:06}",
            "DBClusterArn": "arn:aws:rds:{2}:{4}:cluster:orders-{1}",
            "AssociatedRoles": [],
            "IAMDatabaseAuthenticationEnabled": false,
            "ClusterCreateTime": "2024-09-12T03:22:41.118000+00:00",
            "EngineMode": "provisioned",
            "DeletionProtection": true,
            "HttpEndpointEnabled": false,
            "CopyTagsToSnapshot": true,
            "CrossAccountClone": false,
            "DomainMemberships": [],
            "TagList": [{{"Key": "backup", "Value": "daily"}}, {{"Key": "env", "Value": "prod"}}, {{"Key": "plan", "Value": "plan-{5}"}}],
            "AutoMinorVersionUpgrade": true,
            "NetworkType": "IPV4",
            "StorageType": "aurora"
        }})",
                     c == 0 ? "" : ",", c, zone, cluster_key(a, r, c), account(a),
                     c % shape_.plans);
    }
    fmt::format_to(std::back_inserter(b), "\n    ]\n}}\n");
    save(dir(a, r) + "/rds/describe-db-clusters.json", b);
  }

  void instance(Buffer& b, int a, int r, const std::string& name, const std::string& cluster,
                const std::string& key, int plan, bool first) {
    fmt::format_to(
        std::back_inserter(b),
        R"({0}
        {{
            "DBInstanceIdentifier": "{1}",
            "DBInstanceClass": "db.r7g.large",
            "Engine": "{2}",
            "DBInstanceStatus": "available",
            "MasterUsername": "postgres",
            "Endpoint": {{"Address": "{1}.cq7zk3x9v2.{3}.rds.amazonaws.com", "Port": 5432, "HostedZoneId": "Z24O6O9L7SGTNB"}},
            "AllocatedStorage": 200,
            "InstanceCreateTime": "2024-09-12T03:31:07.502000+00:00",
            "PreferredBackupWindow": "16:00-16:30",
            "BackupRetentionPeriod": 7,
            "MultiAZ": true,
            "EngineVersion": "16.4",
            "AutoMinorVersionUpgrade": true,
            "LicenseModel": "postgresql-license",
            "StorageType": "gp3",
            "StorageEncrypted": {4},{5}
            "DbiResourceId": "db-4F6H8J0K2L4Z6X8C",
            "DBInstanceArn": "arn:aws:rds:{3}:{6}:db:{1}",
            "CopyTagsToSnapshot": true,
            "DeletionProtection": true,{7}
            "TagList": [{{"Key": "backup", "Value": "daily"}}, {{"Key": "env", "Value": "prod"}}, {{"Key": "plan", "Value": "plan-{8}"}}]
        }})",
        first ? "" : ",", name, cluster.empty() ? "postgres" : "aurora-postgresql", region_name(r),
        key.empty() ? "false" : "true",
        key.empty() ? std::string() : fmt::format("\n            \"KmsKeyId\": \"{}\",", key),
        account(a),
        cluster.empty() ? std::string()
                        : fmt::format("\n            \"DBClusterIdentifier\": \"{}\",", cluster),
        plan);
  }

  void instances(int a, int r) {
    Buffer b;
    fmt::format_to(std::back_inserter(b), "{{\n    \"DBInstances\": [");
    bool first = true;
    for (int c = 0; c < shape_.clusters; ++c) {
      for (int member = 1; member <= 2; ++member) {
        instance(b, a, r, fmt::format("orders-{}-{}", c, member), fmt::format("orders-{}", c),
                 cluster_key(a, r, c), 0, first);
        first = false;
      }
    }
    for (int i = 0; i < shape_.instances; ++i) {
      const std::string key = i % 7 == 0 ? "" : key_arn(a, r, customer_key(a, r, i + 1));
      instance(b, a, r, fmt::format("app-{}", i), "", key, i % shape_.plans, first);
      first = false;
    }
    fmt::format_to(std::back_inserter(b), "\n    ]\n}}\n");
    save(dir(a, r) + "/rds/describe-db-instances.json", b);
  }

  void describe_key(int a, int r, const std::string& id, bool aws) {
    Buffer b;
    fmt::format_to(std::back_inserter(b), R"({{
    "KeyMetadata": {{
        "AWSAccountId": "{0}",
        "KeyId": "{1}",
        "Arn": "{2}",
        "CreationDate": "2024-09-12T02:58:13.402000+00:00",
        "Enabled": true,
        "Description": "{3}",
        "KeyUsage": "ENCRYPT_DECRYPT",
        "KeyState": "Enabled",
        "Origin": "AWS_KMS",
        "KeyManager": "{4}",
        "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT",
        "KeySpec": "SYMMETRIC_DEFAULT",
        "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"],
        "MultiRegion": false
    }}
}}
)",
                   account(a), id, key_arn(a, r, id),
                   aws ? "Default key that protects my data when no other key is defined"
                       : "application database key",
                   aws ? "AWS" : "CUSTOMER");
    save(fmt::format("{}/kms/describe-key/{}.json", dir(a, r), id), b);
  }

  void key_policy(int a, int r, int i) {
    // Half the keys are shared with the central backup account.
    const std::string shared =
        i % 2 == 0
            ? fmt::format(
                  R"(,\n        {{\n            \"Sid\": \"Allow the central backup account\",\n            \"Effect\": \"Allow\",\n            \"Principal\": {{\"AWS\": \"arn:aws:iam::{}:root\"}},\n            \"Action\": [\"kms:Decrypt\", \"kms:DescribeKey\", \"kms:CreateGrant\"],\n            \"Resource\": \"*\"\n        }})",
                  account(0))
            : "";
    Buffer b;
    fmt::format_to(std::back_inserter(b),
                   R"({{
    "Policy": "{{\n    \"Version\": \"2012-10-17\",\n    \"Id\": \"key-default-1\",\n    \"Statement\": [\n        {{\n            \"Sid\": \"Enable IAM User Permissions\",\n            \"Effect\": \"Allow\",\n            \"Principal\": {{\"AWS\": \"arn:aws:iam::{0}:root\"}},\n            \"Action\": \"kms:*\",\n            \"Resource\": \"*\"\n        }}{1}\n    ]\n}}",
    "PolicyName": "default"
}}
)",
                   account(a), shared);
    save(fmt::format("{}/kms/get-key-policy/{}.json", dir(a, r), customer_key(a, r, i)), b);
  }

  void kms(int a, int r) {
    Buffer b;
    fmt::format_to(std::back_inserter(b), "{{\n    \"Aliases\": [");
    auto alias = [&](std::string_view name, const std::string& target, bool first) {
      fmt::format_to(
          std::back_inserter(b),
          R"({}
        {{
            "AliasName": "{}",
            "AliasArn": "arn:aws:kms:{}:{}:{}",{}
            "CreationDate": "2024-09-12T02:58:13.441000+00:00",
            "LastUpdatedDate": "2024-09-12T02:58:13.441000+00:00"
        }})",
          first ? "" : ",", name, region_name(r), account(a), name,
          target.empty() ? "" : fmt::format("\n            \"TargetKeyId\": \"{}\",", target));
    };
    for (int i = 0; i < shape_.keys; ++i) {
      alias(fmt::format("alias/app-{}", i), customer_key(a, r, i), i == 0);
      describe_key(a, r, customer_key(a, r, i), false);
      key_policy(a, r, i);
    }
    alias("alias/aws/backup", aws_key(a, r, "backup"), false);
    alias("alias/aws/dynamodb", "", false);
    alias("alias/aws/ebs", "", false);
    alias("alias/aws/rds", aws_key(a, r, "rds"), false);
    alias("alias/aws/s3", "", false);
    fmt::format_to(std::back_inserter(b), "\n    ]\n}}\n");
    save(dir(a, r) + "/kms/list-aliases.json", b);
    describe_key(a, r, aws_key(a, r, "rds"), true);
    describe_key(a, r, aws_key(a, r, "backup"), true);
  }

  void vault(Buffer& b, int a, int r, const std::string& name, const std::string& key, bool first) {
    fmt::format_to(std::back_inserter(b), R"({}
        {{
            "BackupVaultName": "{}",
            "BackupVaultArn": "{}",
            "VaultType": "BACKUP_VAULT",
            "VaultState": "AVAILABLE",
            "CreationDate": "2024-09-12T03:40:11.093000+00:00",
            "EncryptionKeyArn": "{}",
            "CreatorRequestId": "{}",
            "NumberOfRecoveryPoints": 105,
            "Locked": false
        }})",
                   first ? "" : ",", name, vault_arn(a, r, name), key, name);
    Buffer policy;
    if (a == 0) {  // the central account lets the organization copy in
      fmt::format_to(
          std::back_inserter(policy),
          R"({{"BackupVaultName": "{}", "BackupVaultArn": "{}", "Policy": "{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"backup:CopyIntoBackupVault\",\"Resource\":\"*\",\"Condition\":{{\"StringEquals\":{{\"aws:PrincipalOrgID\":\"{}\"}}}}}}]}}"}}
)",
          name, vault_arn(a, r, name), kOrganization);
    } else {
      fmt::format_to(std::back_inserter(policy),
                     R"({{"BackupVaultName": "{}", "BackupVaultArn": "{}", "Policy": null}}
)",
                     name, vault_arn(a, r, name));
    }
    save(fmt::format("{}/backup/get-backup-vault-access-policy/{}.json", dir(a, r), name), policy);
  }

  void vaults(int a, int r) {
    Buffer b;
    fmt::format_to(std::back_inserter(b), "{{\n    \"BackupVaultList\": [");
    vault(b, a, r, "Default", key_arn(a, r, aws_key(a, r, "backup")), true);
    for (int v = 0; v < shape_.vaults; ++v) {
      vault(b, a, r, fmt::format("vault-{}", v), key_arn(a, r, customer_key(a, r, v)), false);
    }
    fmt::format_to(std::back_inserter(b), "\n    ]\n}}\n");
    save(dir(a, r) + "/backup/list-backup-vaults.json", b);
  }

  void plans(int a, int r) {
    for (int p = 0; p < shape_.plans; ++p) {
      const std::string id = uuid(3, a, r, p);
      const std::string target = fmt::format("vault-{}", p % shape_.vaults);
      std::string copies;
      auto copy = [&](const std::string& arn) {
        copies += fmt::format(R"({}
                        {{
                            "Lifecycle": {{"DeleteAfterDays": 35, "OptInToArchiveForSupportedResources": false}},
                            "DestinationBackupVaultArn": "{}"
                        }})",
                              copies.empty() ? "" : ",", arn);
      };
      const int next = (r + 1) % shape_.regions;
      if (next != r) copy(vault_arn(a, next, p % 4 == 0 ? "Default" : target));
      if (a != 0) copy(vault_arn(0, r, target));
      Buffer b;
      fmt::format_to(std::back_inserter(b), R"json({{
    "BackupPlan": {{
        "BackupPlanName": "plan-{0}",
        "Rules": [
            {{
                "RuleName": "daily",
                "TargetBackupVaultName": "{1}",
                "ScheduleExpression": "cron(0 16 ? * * *)",
                "StartWindowMinutes": 60,
                "CompletionWindowMinutes": 360,
                "Lifecycle": {{"DeleteAfterDays": 35, "OptInToArchiveForSupportedResources": false}},
                "RuleId": "{2}",
                "CopyActions": [{3}
                ],
                "ScheduleExpressionTimezone": "Etc/UTC"
            }}
        ]
    }},
    "BackupPlanId": "{2}",
    "BackupPlanArn": "arn:aws:backup:{4}:{5}:backup-plan:{2}",
    "VersionId": "NmFjYzQ1ZTctOTFhYi00ZDJkLWE2MDctYTMwYjQ5ZDg4OTE2",
    "CreationDate": "2024-09-12T03:45:20.551000+00:00"
}}
)json",
                     p, target, id, copies, region_name(r), account(a));
      save(fmt::format("{}/backup/get-backup-plan/{}.json", dir(a, r), id), b);
      const std::string selection = uuid(4, a, r, p);
      Buffer s;
      fmt::format_to(std::back_inserter(s), R"({{
    "BackupSelection": {{
        "SelectionName": "plan-{0}-resources",
        "IamRoleArn": "{1}",
        "Resources": [],
        "ListOfTags": [{{"ConditionType": "STRINGEQUALS", "ConditionKey": "plan", "ConditionValue": "plan-{0}"}}],
        "NotResources": [],
        "Conditions": {{
            "StringEquals": [{{"ConditionKey": "aws:ResourceTag/env", "ConditionValue": "prod"}}],
            "StringNotEquals": [], "StringLike": [], "StringNotLike": []
        }}
    }},
    "SelectionId": "{2}",
    "BackupPlanId": "{3}",
    "CreationDate": "2024-09-12T03:46:02.117000+00:00"
}}
)",
                     p, fmt::format(fmt::runtime(kRole), account(a)), selection, id);
      save(fmt::format("{}/backup/get-backup-selection/{}/{}.json", dir(a, r), id, selection), s);
    }
  }

  void observations(int a, int r) {
    Buffer jobs;
    fmt::format_to(std::back_inserter(jobs), "{{\n    \"CopyJobs\": [");
    for (int j = 0; j < shape_.copy_jobs; ++j) {
      const int c = j % shape_.clusters;
      const std::string destination = vault_arn(0, r, fmt::format("vault-{}", c % shape_.vaults));
      fmt::format_to(std::back_inserter(jobs), R"({0}
        {{
            "AccountId": "{1}",
            "CopyJobId": "{2}",
            "SourceBackupVaultArn": "{3}",
            "SourceRecoveryPointArn": "arn:aws:rds:{4}:{1}:cluster-snapshot:awsbackup:job-{2}",
            "DestinationBackupVaultArn": "{5}",
            "DestinationRecoveryPointArn": "arn:aws:rds:{4}:{6}:cluster-snapshot:awsbackup:copyjob-{2}",
            "DestinationEncryptionKeyArn": "{7}",
            "ResourceArn": "arn:aws:rds:{4}:{1}:cluster:orders-{8}",
            "CreationDate": "2026-01-31T16:42:17.205000+00:00",
            "CompletionDate": "2026-01-31T17:15:48.613000+00:00",
            "State": "COMPLETED",
            "BackupSizeInBytes": 21474836480,
            "IamRoleArn": "{9}",
            "CreatedBy": {{"BackupPlanId": "{10}", "BackupRuleId": "{10}"}},
            "ResourceType": "Aurora",
            "IsParent": false,
            "ResourceName": "orders-{8}"
        }})",
                     j == 0 ? "" : ",", account(a), uuid(5, a, r, j),
                     vault_arn(a, r, fmt::format("vault-{}", c % shape_.vaults)), region_name(r),
                     destination, account(0), key_arn(0, r, customer_key(0, r, c)), c,
                     fmt::format(fmt::runtime(kRole), account(a)), uuid(3, a, r, c % shape_.plans));
    }
    fmt::format_to(std::back_inserter(jobs), "\n    ]\n}}\n");
    save(dir(a, r) + "/backup/list-copy-jobs.json", jobs);

    Buffer points;
    fmt::format_to(std::back_inserter(points), "{{\n    \"RecoveryPoints\": [");
    for (int p = 0; p < shape_.recovery_points; ++p) {
      const int c = p % shape_.clusters;
      fmt::format_to(std::back_inserter(points), R"({0}
        {{
            "RecoveryPointArn": "arn:aws:rds:{1}:{2}:cluster-snapshot:awsbackup:job-{3}",
            "BackupVaultName": "vault-0",
            "BackupVaultArn": "{4}",
            "ResourceArn": "arn:aws:rds:{1}:{2}:cluster:orders-{5}",
            "ResourceType": "Aurora",
            "CreatedBy": {{"BackupPlanId": "{6}"}},
            "IamRoleArn": "{7}",
            "Status": "COMPLETED",
            "CreationDate": "2026-01-31T16:15:48.613000+00:00",
            "CompletionDate": "2026-01-31T16:45:48.613000+00:00",
            "BackupSizeInBytes": 21474836480,
            "CalculatedLifecycle": {{"DeleteAt": "2026-03-07T16:45:48.613000+00:00"}},
            "Lifecycle": {{"DeleteAfterDays": 35, "OptInToArchiveForSupportedResources": false}},
            "EncryptionKeyArn": "{8}",
            "IsEncrypted": true,
            "IsParent": false,
            "ResourceName": "orders-{5}",
            "VaultType": "BACKUP_VAULT"
        }})",
                     p == 0 ? "" : ",", region_name(r), account(a), uuid(6, a, r, p),
                     vault_arn(a, r, "vault-0"), c, uuid(3, a, r, c % shape_.plans),
                     fmt::format(fmt::runtime(kRole), account(a)), cluster_key(a, r, c));
    }
    fmt::format_to(std::back_inserter(points), "\n    ]\n}}\n");
    save(dir(a, r) + "/backup/list-recovery-points-by-backup-vault/vault-0.json", points);
  }

  std::string root_;
  ExportShape shape_;
  ExportStats stats_;
};

}  // namespace

ExportStats write_synthetic_export(const std::string& dir, const ExportShape& shape) {
  if (shape.regions > static_cast<int>(kRegions.size())) {
    throw std::invalid_argument("at most 8 Regions");
  }
  return Writer(dir, shape).run();
}

}  // namespace snapkey::bench
