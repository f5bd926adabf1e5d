// The rule table: ../shared/spec/aws-rules.md as data. Ids never change meaning.
#include "snapkey/rules.hpp"

#include <algorithm>
#include <array>

namespace snapkey {
namespace {

using C = Confidence;
using Sources = std::span<const std::string_view>;

constexpr std::string_view kEnc =
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html";
constexpr std::string_view kEncCopy =
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html#copy-encryption";
constexpr std::string_view kFeatures =
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-feature-availability.html";
constexpr std::string_view kLag =
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html";
constexpr std::string_view kCrossAccount =
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html";
constexpr std::string_view kKeyState =
    "https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html";
constexpr std::string_view kMrk =
    "https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html";
constexpr std::string_view kCopyCluster =
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CopyDBClusterSnapshot.html";
constexpr std::string_view kCopyInstance =
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CopyDBSnapshot.html";
constexpr std::string_view kAuroraCopy =
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-copy-snapshot.html";
constexpr std::string_view kArticle =
    "Classmethod DevelopersIO: AuroraのスナップショットをAWS "
    "Backupにてクロスリージョンにコピーする際に"
    "任意のKMSキーを選択する方法 (the project's source article)";
constexpr std::string_view kKcCopyError =
    "https://repost.aws/knowledge-center/backup-cross-account-copy-error";
constexpr std::string_view kKcTroubleshoot =
    "https://repost.aws/knowledge-center/backup-troubleshoot-cross-account-copy";

constexpr std::string_view kAuroraEncryption =
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html";
constexpr std::string_view kDashboards =
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-dashboards.html";
constexpr std::string_view kTecracer =
    "https://www.tecracer.com/blog/2024/04/"
    "automating-cross-account-/-cross-region-backups-with-aws-backup-in-aws-organizations.html";
constexpr std::string_view kLagPrimary =
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/lag-vault-primary-backup.html";

constexpr std::string_view kS1[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html#independent-encryption",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/whatisbackup.html#full-management",
    kFeatures};
constexpr std::string_view kS2[] = {
    kEnc, "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/"
    "Overview.Encryption.html#Overview.Encryption.Limitations"};
constexpr std::string_view kS3[] = {kEnc};
constexpr std::string_view kS4[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/access-control.html"};
constexpr std::string_view kS5[] = {kLag, kLagPrimary};
constexpr std::string_view kS6[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_StartCopyJob.html",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CopyAction.html",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupVault.html", kLag};
constexpr std::string_view kS7[] = {
    kEncCopy, "https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html",
    kCrossAccount, kKcTroubleshoot};
constexpr std::string_view kS8[] = {
    kMrk,
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/"
    "aurora-copy-snapshot.html#aurora-copy-snapshot.Encryption",
    kArticle,
    "https://techblog.asia-quest.jp/202311/"
    "copying-encrypted-aurora-snapshots-to-other-regions-with-aws-backup"};
constexpr std::string_view kS9[] = {
    kArticle, "https://repost.aws/knowledge-center/backup-encryption",
    "https://github.com/nationalarchives/terraform-aws-immutable-aws-backup", kEncCopy};
constexpr std::string_view kS10[] = {kEncCopy};
constexpr std::string_view kS11[] = {
    "https://aws.amazon.com/blogs/storage/"
    "protecting-encrypted-amazon-rds-instances-with-cross-account-and-cross-region-backups/",
    "https://github.com/nationalarchives/terraform-aws-immutable-aws-backup/issues/57"};
constexpr std::string_view kS12[] = {
    kEncCopy, kKcCopyError,
    "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-cmk",
    "https://aws.amazon.com/blogs/storage/how-encryption-works-in-aws-backup/"};
constexpr std::string_view kS13[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/"
    "create-cross-account-backup.html#security-considerations-cab",
    "https://aws.amazon.com/blogs/storage/how-encryption-works-in-aws-backup/",
    "https://docs.amazonaws.cn/en_us/aws-backup/latest/devguide/create-cross-account-backup.html",
    kDashboards, kTecracer};
constexpr std::string_view kS14[] = {
    kKcTroubleshoot, "https://repost.aws/knowledge-center/backup-resolve-access-denied-error",
    kCrossAccount, kDashboards};
constexpr std::string_view kS15[] = {kEncCopy, kCopyCluster, kAuroraEncryption};
constexpr std::string_view kS16[] = {kEncCopy, kCopyInstance};
constexpr std::string_view kS17[] = {kFeatures};
constexpr std::string_view kS18[] = {
    kFeatures,
    "https://aws.amazon.com/about-aws/whats-new/2025/10/"
    "aws-backup-single-action-database-snapshot-copy-regions/",
    "https://github.com/nationalarchives/terraform-aws-immutable-aws-backup/issues/59",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html",
    kTecracer,
    "https://www.repost.aws/zh-Hans/knowledge-center/backup-troubleshoot-cross-account-copy"};
constexpr std::string_view kS19[] = {kFeatures, kMrk,
                                     "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/"
                                     "aurora-copy-snapshot.html#aurora-copy-snapshot.Limitations"};
constexpr std::string_view kS20[] = {kFeatures};
constexpr std::string_view kS21[] = {
    kLag,
    "https://aws.amazon.com/about-aws/whats-new/2026/02/"
    "aws-backup-adds-cross-region-database-snapshot-logically-air-gapped-vaults/",
    "https://dev.classmethod.jp/articles/"
    "aws-backup-adds-cross-region-database-snapshot-logically-air-gapped-vaults",
    kFeatures, kAuroraEncryption};
constexpr std::string_view kS22[] = {kLag};
constexpr std::string_view kS23[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery-copying.html",
    kFeatures, "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_StartCopyJob.html"};
constexpr std::string_view kS24[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html",
    "https://github.com/nationalarchives/terraform-aws-immutable-aws-backup",
    "https://github.com/nationalarchives/terraform-aws-immutable-aws-backup/issues/57"};
constexpr std::string_view kS25[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/"
    "cross-region-backup.html#cross-region-considerations",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/troubleshooting.html"};
constexpr std::string_view kS26[] = {
    kKeyState, "https://docs.aws.amazon.com/aws-backup/latest/devguide/troubleshooting.html",
    kKcCopyError, "https://github.com/awslabs/aurora-snapshot-tool/issues/26", kDashboards};
constexpr std::string_view kS27[] = {kKeyState, kDashboards,
                                     "https://github.com/awslabs/rds-snapshot-tool/issues/70",
                                     "https://github.com/awslabs/aurora-snapshot-tool/issues/25"};
constexpr std::string_view kS28[] = {kMrk, kKeyState};
constexpr std::string_view kS29[] = {
    "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-cmk",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html", kMrk};
constexpr std::string_view kS30[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/"
    "encryption.html#backup-permissions-grants-deny-statements",
    kCrossAccount, kTecracer, "https://github.com/awslabs/aurora-snapshot-tool/issues/29"};
constexpr std::string_view kS31[] = {kCopyCluster, kCopyInstance, kAuroraCopy};
constexpr std::string_view kS32[] = {
    kCopyCluster, kAuroraCopy, "https://github.com/pbudzon/aws-maintenance/issues/5",
    "https://github.com/1Strategy/rds-oracle-cross-account-cross-region-dr/issues/1"};
constexpr std::string_view kS33[] = {
    kCopyCluster,
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/"
    "aurora-share-snapshot.html#aurora-share-snapshot.Encrypted",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.Keys.html"};
constexpr std::string_view kS34[] = {
    kCopyCluster, kCopyInstance,
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_CopySnapshot.html",
    kAuroraEncryption};
constexpr std::string_view kS35[] = {
    kCopyInstance, kCopyCluster,
    "https://aws.amazon.com/about-aws/whats-new/2025/09/"
    "amazon-rds-cross-region-cross-account-snapshot-copy/",
    "https://dev.classmethod.jp/articles/rds-cross-region-cross-account-snapshot-copy",
    "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html"};
constexpr std::string_view kS36[] = {
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/"
    "API_RestoreDBClusterFromSnapshot.html",
    kAuroraEncryption, "https://docs.aws.amazon.com/aws-backup/latest/devguide/restoring-aur.html"};
constexpr std::string_view kS37[] = {kCrossAccount};
constexpr std::string_view kS38[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DescribeRecoveryPoint.html",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CopyJob.html",
    "botocore 1.40.52 (2025-10-14), 1.40.68 (2025-11-06), 1.40.75 (2025-11-17): "
    "backup model, https://github.com/boto/botocore",
    kLagPrimary};
constexpr std::string_view kS39[] = {
    kAuroraEncryption,
    "https://aws.amazon.com/blogs/database/"
    "use-default-encryption-at-rest-for-new-amazon-aurora-clusters",
    "botocore 1.42.51 (rds: \"Adds support for the StorageEncryptionType field\"), "
    "https://github.com/boto/botocore"};
constexpr std::string_view kS40[] = {
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/restoring-rds.html",
    "botocore 1.43.67 (rds: RestoreDBInstanceFromDBSnapshot and RestoreDBInstanceToPointInTime "
    "have no KmsKeyId), https://github.com/boto/botocore",
    kTecracer};
constexpr std::string_view kS41[] = {kAuroraEncryption};
constexpr std::string_view kS42[] = {
    kLagPrimary,
    "https://aws.amazon.com/about-aws/whats-new/2025/11/aws-backup-direct-to-logically-air-gapped-"
    "vault/",
    "botocore 1.40.75 (backup: TargetLogicallyAirGappedBackupVaultArn), "
    "https://github.com/boto/botocore",
    "https://storagenews.top/posts/"
    "aws-backup-air-gapped-vaults-the-primary-backup-cost-wins-catch/"};
constexpr std::string_view kS43[] = {
    "https://docs.aws.amazon.com/kms/latest/developerguide/symmetric-asymmetric.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.Keys.html",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupVault.html"};
constexpr std::string_view kS44[] = {
    kLag,
    "https://aws.amazon.com/about-aws/whats-new/2025/11/aws-backup-kms-customer-managed-keys/",
    "https://aws.amazon.com/blogs/storage/"
    "encrypt-aws-backup-logically-air-gapped-vaults-with-customer-managed-keys",
    "botocore 1.40.68 (backup: customer managed keys for logically air-gapped vaults), "
    "https://github.com/boto/botocore"};
constexpr std::string_view kS45[] = {
    kLag,
    "botocore 1.38.38 (backup: multi-party approval, VaultType RESTORE_ACCESS_BACKUP_VAULT), "
    "https://github.com/boto/botocore"};
constexpr std::string_view kS46[] = {kAuroraEncryption, kEncCopy, kLag};
constexpr std::string_view kS47[] = {kAuroraEncryption};

constexpr std::optional<Date> kNoDate = std::nullopt;

const std::array kRules = {
    Rule{"R1", "The RDS family is not fully managed by AWS Backup",
         "RDS, Aurora, DocumentDB and Neptune have no AWS Backup independent encryption: their "
         "recovery points "
         "carry the source service's key and ARN, never the vault key at backup time.",
         C::documented, "documented", kS1, kNoDate, ""},
    Rule{"R2", "A backup of an encrypted source keeps the source's key",
         "The recovery point of a backup job is encrypted with exactly the key of the DB instance "
         "or cluster (same key ARN, same Region), whatever the vault's key.",
         C::documented, "documented", kS2, kNoDate, ""},
    Rule{"R3", "A backup of an unencrypted source is unencrypted",
         "Snapshots of unencrypted sources are unencrypted, whatever the vault's key.",
         C::documented, "documented", kS3, kNoDate, ""},
    Rule{"R4", "The recovery point ARN of a backup is the service's snapshot ARN",
         "arn:PARTITION:rds:REGION:ACCOUNT:cluster-snapshot:awsbackup:job-ID (snapshot: for DB "
         "instances); copies are named awsbackup:copyjob-ID.",
         C::documented, "documented", kS4, kNoDate, ""},
    Rule{"R5", "Primary backups into a logically air-gapped vault follow the LAG rules",
         "Every backup in a LAG vault is encrypted with the vault's key; RDS-family sources must "
         "use a customer managed key. A rule whose own target vault is air-gapped is predicted "
         "this way; since 2025-11-17 the documented way is a rule's air-gapped target, through a "
         "temporary recovery point in a standard vault (R42).",
         C::inferred, "documented (encryption) / unknown (eligibility)", kS5, kNoDate, ""},
    Rule{"R6", "A copy job has no key parameter: the destination vault's key decides",
         "StartCopyJob and a plan's CopyAction take no KMS key; the vault key is fixed when the "
         "vault is created.",
         C::documented,
         "documented, verified against the AWS Backup API model of 2026-08 (botocore 1.43.67; "
         "only Lifecycle.DeleteAfterEvent was added, 2025-11-17) (+ inferred: standard vault keys "
         "are immutable)",
         kS6, kNoDate, ""},
    Rule{"R7", "A copy into a vault keyed with a customer managed key gets that key",
         "Cross-Region and cross-account copies are re-encrypted with the destination vault's key: "
         "its exact key ARN, in the destination Region.",
         C::documented, "documented", kS7, kNoDate, ""},
    Rule{"R8", "Multi-Region keys are never picked automatically",
         "A replica of the source key in the destination Region plays no part unless it is the "
         "destination vault's key; when it is, the copy carries the replica's own ARN.",
         C::observed, "documented (principle) + observed-in-article (exact outcome)", kS8, kNoDate,
         ""},
    Rule{"R9", "A same-account copy into an aws/backup vault gets aws/rds",
         "An RDS-family copy into a vault keyed with alias/aws/backup (the Default vault) is "
         "encrypted with alias/aws/rds of the destination Region and account. For cross-Region "
         "copies the AWS Knowledge Center documents it for every type AWS Backup does not fully "
         "manage; same-Region copies are observed (Aurora) or inferred. encryption.html still says "
         "such a copy should not work (DOC_CONFLICT, a note).",
         C::observed,
         "documented (cross-Region, AWS Knowledge Center) / observed-in-article (same-Region, "
         "Aurora) / inferred (same-Region, RDS, DocumentDB, Neptune); docs conflict",
         kS9, kNoDate, ""},
    Rule{"R10", "A vault keyed with aws/rds gives copies aws/rds",
         "The service's own AWS managed key is an allowed destination vault key for types that are "
         "not fully managed; the copy gets aws/rds of the destination.",
         C::documented, "documented (rule) / unknown (whether such a vault can be created)", kS10,
         kNoDate, ""},
    Rule{"R11", "The source key of a copy is the key of the source recovery point",
         "For a backup that is the resource's key; for a chained copy, the key the previous hop "
         "produced. Each hop is evaluated on its own.",
         C::inferred, "inferred + observed-in-article", kS11, kNoDate, ""},
    Rule{"R12", "Cross-account copies need a source key the destination account may use",
         "An AWS managed source key (aws/rds) cannot be shared, so the copy fails; so does a "
         "customer managed key whose policy does not let the destination account use it.",
         C::documented, "documented", kS12, kNoDate, ""},
    Rule{"R13", "A cross-account copy cannot go into an aws/backup vault",
         "The Default vault's key cannot be shared with other accounts, so a cross-account copy "
         "into it fails with \"Copy job failed because the destination Backup vault is encrypted "
         "with the default Backup service managed key...\"; observed for other vaults keyed with "
         "alias/aws/backup too.",
         C::observed,
         "documented (Default vault, the message text) / observed-in-article (other aws/backup "
         "vaults: tecracer 2024-04-26)",
         kS13, kNoDate, ""},
    Rule{"R14", "Cross-account preconditions: organization, global setting, vault access policy",
         "Both accounts must be in one AWS Organization, cross-account backup must be enabled, and "
         "the "
         "destination vault's access policy must allow backup:CopyIntoBackupVault from the source "
         "account. Each failure has a documented message (\"Cross-account copy feature is not "
         "enabled for the current organization\" for the global setting).",
         C::documented, "documented", kS14, kNoDate, ""},
    Rule{"R15", "Copies of unencrypted Aurora, DocumentDB and Neptune stay unencrypted",
         "An unencrypted DB cluster snapshot cannot be encrypted during a copy, whatever the "
         "destination vault's key. The Aurora User Guide (2026) says a copy with a customer "
         "managed key does encrypt it, against the API reference (DOC_CONFLICT).",
         C::documented, "documented (the docs conflict since 2026)", kS15, kNoDate, ""},
    Rule{
        "R16",
        "Copies of unencrypted RDS DB instances are encrypted with the destination vault key",
        "AWS Backup encrypts copies of most types even when the source is unencrypted, and DB "
        "instance "
        "snapshots can be encrypted while copied; aws/backup vaults fall back to aws/rds as in R9.",
        C::inferred, "inferred", kS16, kNoDate, ""},
    Rule{"R17", "Multi-AZ DB clusters support no copies",
         "Copying a Multi-AZ DB cluster snapshot is not supported.", C::documented, "documented",
         kS17, kNoDate, ""},
    Rule{"R18", "Cross-Region plus cross-account copy in one action",
         "Supported for RDS, Aurora, DocumentDB and Neptune since October 2025; before that, one "
         "copy action could cross a Region or an account, not both, and the job failed with "
         "\"Copy job from S to D cannot be initiated for TYPE resources. Feature is not supported "
         "for provided resource type.\"",
         C::documented, "documented (with version drift) + observed-in-article (message)", kS18,
         Date{2025, 10, 1},
         "announced October 2025; the day is not known, so the rule applies from the 1st"},
    Rule{"R19", "Partition and Region limits for copies",
         "No copy crosses a partition; in China no cross-account copy; native RDS copies cannot go "
         "into or out of the China Regions.",
         C::documented, "documented", kS19, kNoDate, ""},
    Rule{"R20", "Opt-in Region limits for AWS Backup copies",
         "DocumentDB: no cross-account and no cross-Region copy in opt-in Regions. Neptune: no "
         "cross-account copy "
         "in opt-in Regions; cross-Region copy only in Cape Town, Hong Kong, Jakarta, Tel Aviv, "
         "Bahrain and the UAE.",
         C::documented, "documented", kS20, kNoDate, ""},
    Rule{"R21", "Copies into a logically air-gapped vault",
         "The source must use a customer managed key (aws/rds fails, unencrypted Aurora, "
         "DocumentDB and Neptune "
         "fail); the copy is encrypted with the LAG vault's key (AWS owned or customer managed) "
         "and gets an "
         "arn:aws:backup recovery point ARN. One-step cross-Region copies of Aurora, DocumentDB "
         "and Neptune into a LAG vault are supported since February 2026. Cross-Region and "
         "cross-account copies into LAG vaults are not available in Malaysia, Calgary, Mexico "
         "(Central), Thailand, Taipei, New Zealand, the China Regions and GovCloud. The Aurora "
         "User Guide (2026) contradicts (b) (DOC_CONFLICT).",
         C::observed,
         "documented (a-e, the Region list) / observed-in-article (f: dated announcement)", kS21,
         Date{2026, 2, 1},
         "(f) announced February 2026; the day is not known, so it applies from the 1st"},
    Rule{"R22", "Copies out of a LAG vault need a customer managed destination key",
         "A copy from a logically air-gapped vault into a standard vault must be encrypted with a "
         "customer managed key; an aws/backup destination fails (inferred).",
         C::inferred, "documented (requirement) / inferred (failure)", kS22, kNoDate, ""},
    Rule{"R23", "Continuous backups: copies are snapshots; no on-demand copies",
         "A plan copy of a continuous backup copies a snapshot taken for it (inferred: with the "
         "resource's key); StartCopyJob does not support continuous recovery points.",
         C::inferred, "documented (+ inferred: the temporary snapshot's key)", kS23, kNoDate, ""},
    Rule{"R24", "Same-Region, same-account copy into another vault",
         "Allowed only for types that support cross-Region or cross-account copy (documented); "
         "gets the destination vault's key (aws/rds for an aws/backup vault), which the "
         "copy-encryption documentation does not cover. CREATED is a normal waiting state.",
         C::inferred,
         "documented (which types may copy) / observed-in-article / inferred (the key)", kS24,
         kNoDate, ""},
    Rule{"R25", "RDS option groups are not copied across Regions",
         "A cross-Region copy of an RDS DB instance whose option group has persistent options "
         "fails unless the destination Region has a matching option group.",
         C::documented, "documented", kS25, kNoDate, ""},
    Rule{"R26", "The source recovery point's key must be enabled",
         "A copy whose source key is disabled, pending deletion, pending import, unavailable, "
         "creating or updating fails with the KMS error for that state; a copy job reports \"KMS "
         "key is either disabled or pending deletion or access to KMS key is denied\".",
         C::documented,
         "documented (KMS and RDS texts, AWS Backup's message) / inferred (which message a copy "
         "job shows for which key)",
         kS26, kNoDate, ""},
    Rule{"R27", "The destination vault's key must be enabled",
         "A copy into a vault whose key is not Enabled fails; the copy job reports AWS Backup's "
         "KMS message (as R26).",
         C::observed,
         "documented (KMS, AWS Backup's message) / observed-in-article (RDS message texts) / "
         "inferred (which message)",
         kS27, kNoDate, ""},
    Rule{"R28", "Each related multi-Region key has its own state",
         "A replica works even when its primary is disabled; a primary with replicas scheduled for "
         "deletion is PendingReplicaDeletion.",
         C::documented, "documented", kS28, kNoDate, ""},
    Rule{"R29", "AWS managed keys are always enabled and single-Region",
         "Customers cannot disable, delete or share aws/rds or aws/backup; each account has one "
         "per Region.",
         C::documented, "documented", kS29, kNoDate, ""},
    Rule{"R30", "Customer managed keys used by copies need grants for AWS Backup",
         "The key policy must allow CreateGrant, GenerateDataKey, Decrypt and DescribeKey for the "
         "account doing the copy: for a cross-account copy, the destination account's "
         "AWSServiceRoleForBackup, which performs it. A missing permission fails like R26.",
         C::documented, "documented + observed-in-article (CloudTrail: the destination SLR)", kS30,
         kNoDate, ""},
    Rule{"R31", "Native same-Region copy of your own encrypted snapshot",
         "Without KmsKeyId the copy keeps the source key; with KmsKeyId it gets that key.",
         C::documented, "documented", kS31, kNoDate, ""},
    Rule{"R32", "Native cross-Region copy of an encrypted snapshot",
         "KmsKeyId is required and must be a key in the destination Region; the copy gets exactly "
         "that key.",
         C::documented, "documented + observed-in-article (message)", kS32, kNoDate, ""},
    Rule{"R33", "Native copy of an encrypted snapshot shared by another account",
         "KmsKeyId is required; the owner's key must be a customer managed key shared with the "
         "copying account; aws/rds snapshots cannot be shared.",
         C::documented, "documented", kS33, kNoDate, ""},
    Rule{"R34", "Unencrypted sources in native copies",
         "An unencrypted DB cluster snapshot cannot be encrypted by a copy (KmsKeyId is an error); "
         "an unencrypted DB instance snapshot copied with KmsKeyId becomes encrypted with it. The "
         "Aurora User Guide (2026) contradicts the first (DOC_CONFLICT).",
         C::documented, "documented (the docs conflict since 2026)", kS34, kNoDate, ""},
    Rule{"R35", "Native cross-Region plus cross-account copy in one call",
         "Supported for RDS and Aurora since September 2025, for Neptune since 2025-09-24 and for "
         "DocumentDB since 2025-09-26; the key rules of R33 still apply.",
         C::documented, "documented (with version drift)", kS35, Date{2025, 9, 1},
         "RDS and Aurora: announced September 2025, applied from the 1st; Neptune: 2025-09-24 "
         "(API model); DocumentDB: 2025-09-26"},
    Rule{"R36", "Restores of DB clusters keep the recovery point's key unless KmsKeyId is given",
         "Aurora, DocumentDB and Neptune: an encrypted recovery point restores with its own key, "
         "an unencrypted one restores unencrypted (Aurora: until 2026-02-18, R41); an explicit "
         "KmsKeyId overrides. RDS DB instances: R40.",
         C::inferred,
         "documented (Aurora: AWS Backup's restore metadata lists kmsKeyId) / inferred "
         "(DocumentDB, Neptune)",
         kS36, kNoDate, ""},
    Rule{"R37", "AWS Backup cannot restore into another account",
         "Copy the recovery point into the other account first, then restore there.", C::documented,
         "documented", kS37, kNoDate, ""},
    Rule{"R38", "What the APIs report",
         "Recovery points report EncryptionKeyArn, IsEncrypted and (LAG) EncryptionKeyType; copy "
         "jobs report DestinationEncryptionKeyArn, State and StatusMessage. Dated: "
         "DestinationEncryptionKeyArn and DestinationVaultType 2025-10-14, EncryptionKeyType "
         "2025-11-06, CreatedByBackupJobId 2025-11-17; older exports lack them. IsEncrypted's "
         "documentation (\"all backups are encrypted\") is wrong for RDS-family backups (R3).",
         C::documented, "documented", kS38, kNoDate, ""},
    Rule{"R39", "New Aurora clusters are encrypted with an AWS owned key by default",
         "An Aurora cluster created on or after 2026-02-18 without a KMS key is encrypted at rest "
         "with an AWS owned key (StorageEncryptionType sse-rds) that customers cannot view or "
         "manage, and its backups keep that key (R2). StorageEncrypted with no key still gives "
         "aws/rds; clusters created earlier without encryption stay unencrypted; RDS DB "
         "instances are still unencrypted by default.",
         C::documented, "documented (the default, the field, the date)", kS39, Date{2026, 2, 18},
         "the day the Aurora User Guide gives"},
    Rule{"R40", "Restores of RDS DB instances keep the recovery point's key",
         "KmsKeyId and Encrypted are information-only in an RDS DB instance restore: the "
         "restored instance always has the recovery point's key, and an unencrypted recovery "
         "point restores unencrypted. A KmsKeyId given is ignored (warning RESTORE_KEY_IGNORED).",
         C::documented, "documented", kS40, kNoDate, ""},
    Rule{"R41", "Unencrypted Aurora recovery points restore encrypted with an AWS owned key",
         "Since 2026-02-18 an unencrypted Aurora snapshot restored without KmsKeyId gives a "
         "cluster encrypted with the AWS owned key (the default encryption at rest, R39); before, "
         "it restored unencrypted.",
         C::documented, "documented", kS41, Date{2026, 2, 18},
         "the day the Aurora User Guide gives"},
    Rule{"R42", "Backup rules with a logically air-gapped target",
         "With TargetLogicallyAirGappedBackupVaultArn, RDS-family resources are backed up into the "
         "rule's standard vault as a temporary recovery point (DELETE_AFTER_COPY) that AWS Backup "
         "copies into the air-gapped vault itself, which must be in the same account and Region; "
         "the temporary one is kept for its retention if the copy fails. A source on an AWS "
         "managed key is not copied: the backup job completes with the category "
         "LOGICALLY_AIR_GAPPED_BACKUP_VAULT_NOT_SUPPORTED (a third party reports a silent copy "
         "failure: DOC_CONFLICT).",
         C::documented, "documented (+ observed-in-article: a conflicting report)", kS42,
         Date{2025, 11, 17}, "the launch day (AWS What's New, API model)"},
    Rule{"R43", "Only symmetric encryption keys encrypt databases and vaults",
         "AWS services that integrate with KMS, RDS and AWS Backup included, encrypt only with "
         "symmetric encryption keys (KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT): a "
         "resource, vault, KmsKeyId or copy on an HMAC or asymmetric key fails. No source gives "
         "the error text.",
         C::documented, "documented (the rule) / unknown (the error text)", kS43, kNoDate, ""},
    Rule{"R44", "Logically air-gapped vaults keyed with a customer managed key",
         "Since 2025-11-06 a LAG vault may be created with a customer managed key (before, only "
         "an AWS owned key); it is fixed at creation and encrypts every backup in the vault. The "
         "vault's account needs kms:CreateGrant and kms:DescribeKey on it, or the vault is "
         "FAILED; a copy out of the vault needs the key shared with the destination account's "
         "AWSServiceRoleForBackup (checked as R30). A key from another account is what AWS "
         "recommends.",
         C::documented, "documented", kS44, Date{2025, 11, 6},
         "the launch day (AWS What's New, API model)"},
    Rule{"R45", "Restore access backup vaults only restore",
         "A RESTORE_ACCESS_BACKUP_VAULT gives temporary, approved (multi-party approval) access to "
         "the recovery points of a LAG vault, to restore them. Backups and copies into it, and "
         "copies out of it, are predicted rejected; the LAG page contradicts itself on copies by "
         "the accounts a vault is shared with (DOC_CONFLICT).",
         C::documented, "documented (the page contradicts itself)", kS45, Date{2025, 6, 17},
         "the launch day (API model)"},
    Rule{"R46", "Copies of recovery points on Aurora's AWS owned key are not documented",
         "How AWS Backup copies, shares or moves into LAG vaults a snapshot encrypted with the AWS "
         "owned key (sse-rds) is not documented (spec U-17). A same-account copy into a standard "
         "vault is predicted like any other (the destination vault's key decides); "
         "cross-account copies, copies into LAG vaults and native cross-account copies are "
         "indeterminate.",
         C::inferred, "inferred / unknown (U-17)", kS46, kNoDate, ""},
    Rule{"R47", "A cluster restored from a shared snapshot keeps the sharer's key",
         "An Aurora cluster restored directly from a snapshot another account shared, with no "
         "KmsKeyId, is encrypted with the sharer's customer managed key and depends on its "
         "state; the key must be shared with the restoring account. Not predicted: snapkey's "
         "restores are AWS Backup's, which stay in the recovery point's account (R37).",
         C::inferred, "documented (Aurora) / inferred (DocumentDB, Neptune)", kS47, kNoDate, ""},
};

}  // namespace

std::string_view to_string(Confidence confidence) {
  switch (confidence) {
    case Confidence::observed:
      return "observed";
    case Confidence::inferred:
      return "inferred";
    case Confidence::documented:
      break;
  }
  return "documented";
}

Confidence weakest(Confidence a, Confidence b) { return std::max(a, b); }

std::span<const Rule> rule_table() { return kRules; }

const Rule* find_rule(std::string_view id) {
  const auto it =
      std::find_if(kRules.begin(), kRules.end(), [&](const Rule& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

Date newest_rule_date() {
  Date newest;
  for (const Rule& rule : kRules) {
    if (rule.effective && *rule.effective > newest) newest = *rule.effective;
  }
  return newest;
}

}  // namespace snapkey
