// The world snapkey reasons about: KMS keys, RDS-family resources, backup vaults, accounts,
// backup plans and on-demand jobs.
//
// Readers (scenario files, and later AWS CLI exports, Terraform plans, CloudFormation) fill a
// `ModelInput` with plain facts whose cross-references are strings; `Model::build` resolves and
// validates every reference once and returns an immutable `Model`, or the first input error.
//
//   snapkey::ModelInput in;
//   in.keys.push_back({.name = "k", .arn = "arn:aws:kms:us-east-1:111111111111:key/..."});
//   ...
//   snapkey::Result<snapkey::Model> model = snapkey::Model::build(std::move(in));
#ifndef SNAPKEY_MODEL_HPP
#define SNAPKEY_MODEL_HPP

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/arn.hpp"
#include "snapkey/date.hpp"
#include "snapkey/result.hpp"

namespace snapkey {

// ---------------------------------------------------------------------------------------------
// KMS keys

// Who manages a key (DescribeKey's KeyManager, plus the AWS owned keys of air-gapped vaults).
enum class KeyManager { customer, aws, aws_owned, unknown };
// A key's multi-Region role. A replica shares its primary's key id ("mrk-...").
enum class MultiRegion { none, primary, replica };
// Every KMS KeyState, plus `unknown` for a key nobody described.
enum class KeyState {
  enabled,
  disabled,
  pending_deletion,
  pending_replica_deletion,
  pending_import,
  unavailable,
  creating,
  updating,
  unknown,
};

std::string_view to_string(KeyManager manager);        // customer | aws | aws-owned | unknown
std::string_view to_string(MultiRegion multi_region);  // none | primary | replica
std::string_view to_string(KeyState state);            // KMS spelling: Enabled, PendingDeletion...
// Accepts the KMS spelling ("PendingDeletion"). Errors: E_KEY_STATE.
Result<KeyState> parse_key_state(std::string_view text);

// The alias names of the AWS managed keys that every account has in every Region.
inline constexpr std::string_view kAwsRdsAlias = "alias/aws/rds";
inline constexpr std::string_view kAwsBackupAlias = "alias/aws/backup";
// The key reference of the AWS owned key of Aurora's default encryption at rest
// (StorageEncryptionType "sse-rds", R39): no ARN, no key policy, nothing the customer can see.
inline constexpr std::string_view kAwsOwnedKey = "aws-owned";
// DescribeKey's KeySpec and KeyUsage of the only keys that can encrypt a database or a vault.
inline constexpr std::string_view kSymmetricDefault = "SYMMETRIC_DEFAULT";
inline constexpr std::string_view kEncryptDecrypt = "ENCRYPT_DECRYPT";

struct Key {
  std::string name;  // unique in the model: the input's own name for the key, or its ARN
  std::string arn;   // "" when not known (an AWS managed key nobody listed)
  Region region;
  AccountId account;
  std::vector<std::string> aliases;  // "alias/..." names, sorted
  KeyManager manager = KeyManager::customer;
  MultiRegion multi_region = MultiRegion::none;
  std::string primary;  // replicas: a reference to the primary ("" = found by shared key id)
  KeyState state = KeyState::enabled;
  // Who the key policy lets use the key besides its own account: account ids, organization ids
  // ("o-...") or "*".
  std::vector<std::string> shared_with;
  // Non-empty: the key policy names principals that are not known (a template parameter without
  // a value, a policy known only after apply), and this says which; `shared_with` then lists only
  // the known ones, and whether another account may use the key is not known.
  std::string shared_with_unknown;
  bool implicit = false;  // created by AWS on first use, not listed in the input
  // DescribeKey's KeySpec ("SYMMETRIC_DEFAULT", "HMAC_256", "RSA_2048", ...) and KeyUsage
  // ("ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", ...); "" = not stated, which is
  // CreateKey's default (a symmetric encryption key). Only those can encrypt data (R43).
  std::string spec;
  std::string usage;
  Location location;
  std::string address;          // Terraform address or CloudFormation logical id ("" = none)
  bool generated_name = false;  // the reader made the name up: io::combine may qualify it

  // The key id part of the ARN ("" when the ARN is not known).
  std::string key_id() const;
  // The first alias, or "" when the key has none.
  std::string alias() const;
  // How people recognise the key: the first alias, else the ARN, else the name.
  std::string display_name() const;
  bool is_aws_managed(std::string_view alias_name) const;
  // A symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT, or not stated): the only kind
  // RDS and AWS Backup can encrypt with (R43).
  bool is_symmetric_encryption() const;
};

// ---------------------------------------------------------------------------------------------
// Resources

enum class ResourceType { aurora, rds_instance, rds_multiaz_cluster, docdb, neptune };
std::string_view to_string(ResourceType type);  // aurora | rds-instance | ...
// Errors: E_RESOURCE_TYPE.
Result<ResourceType> parse_resource_type(std::string_view text);
// True for types whose snapshots are DB *cluster* snapshots (Aurora, DocumentDB, Neptune,
// Multi-AZ DB cluster).
bool is_cluster(ResourceType type);

// An RDS option group with persistent options (R25): AWS Backup does not carry it across Regions.
struct OptionGroup {
  std::string name;
  std::vector<std::string> persistent_options;
  std::vector<std::string> regions;  // Regions where a matching option group exists
};

struct Resource {
  std::string name;
  std::string arn;
  ResourceType type = ResourceType::aurora;
  // A key reference; kAwsOwnedKey ("aws-owned") = Aurora's AWS owned key (sse-rds, R39);
  // "" = not encrypted, unless `default_encryption`.
  std::string key;
  std::string key_unknown;  // non-empty: the key is not known, and this says why
  // The input creates the resource without choosing a key or encryption (a Terraform plan or a
  // CloudFormation template with no KMS key and no StorageEncrypted: true): it gets what AWS does
  // by default on the day it is created, the prediction's as_of. For Aurora that changed on
  // 2026-02-18 from unencrypted to the AWS owned key (R39); `key` is then "".
  bool default_encryption = false;
  std::map<std::string, std::string> tags;
  std::optional<OptionGroup> option_group;
  Location location;
  std::string address;          // Terraform address or CloudFormation logical id ("" = none)
  bool generated_name = false;  // the reader made the name up: io::combine may qualify it
  // Tags whose value is not known (a Terraform value known only after apply), and why; the key
  // "*": which tags the resource has beyond `tags` is not known. A selection that tests one may
  // or may not assign the resource.
  std::map<std::string, std::string> tags_unknown{};
};

// ---------------------------------------------------------------------------------------------
// Vaults, accounts, plans and jobs

// BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT, RESTORE_ACCESS_BACKUP_VAULT (a vault that gives
// temporary, approved access to an air-gapped vault's recovery points, R45).
enum class VaultType { standard, logically_air_gapped, restore_access };
// standard | logically-air-gapped | restore-access
std::string_view to_string(VaultType type);

struct Vault {
  std::string name;
  std::string arn;
  VaultType type = VaultType::standard;
  // A key reference; "" = the default: alias/aws/backup (standard), the AWS owned key (LAG).
  std::string key;
  std::string key_unknown;  // non-empty: the key is not known, and this says why
  // Accounts (or "o-..." organizations, or "*") the vault access policy lets copy in;
  // nullopt = the policy is not known.
  std::optional<std::vector<std::string>> allows_copy_from = std::vector<std::string>{};
  Location location;
  std::string address;          // Terraform address or CloudFormation logical id ("" = none)
  bool generated_name = false;  // the reader made the name up: io::combine may qualify it

  // The vault name inside the ARN, e.g. "Default".
  std::string vault_name() const;
};

struct Account {
  AccountId id;
  std::optional<std::string> organization;  // nullopt: not stated (assumed the common one)
  bool cross_account_backup = true;
  Location location;
};

struct PlanRule {
  std::string name;
  std::string vault;  // a vault reference
  bool continuous = false;
  std::vector<std::string> copy_to;  // vault references
  Location location;
  // Not known until apply (a Terraform plan): why the target vault, or a copy's destination, is
  // not known. Their recovery points are predicted indeterminate.
  std::string vault_unknown;
  std::vector<std::string> copy_to_unknown;
  // TargetLogicallyAirGappedBackupVaultArn: a vault reference, "" = none. The backup is taken
  // into `vault` as a temporary recovery point that AWS Backup copies into this logically
  // air-gapped vault by itself (R42). `air_gapped_vault_unknown` says why it is not known.
  std::string air_gapped_vault;
  std::string air_gapped_vault_unknown;
};

// A tag test of a backup selection: StringEquals, StringNotEquals, StringLike or StringNotLike
// (`*` and `?` wildcards) on the tag `key`.
struct TagCondition {
  enum class Test { equals, not_equals, like, not_like };
  Test test = Test::equals;
  std::string key;  // the tag key, without "aws:ResourceTag/"
  std::string value;
  // Non-empty: the key or the value is not known (a parameter without a value, a value known only
  // after apply), and this says why. The test then holds or not for every resource it could
  // match, and the selection may or may not assign them. (Last, with an initializer, so that
  // {test, key, value} stays valid.)
  std::string unknown{};
};

// A backup selection (resource assignment). A resource in the plan's account and Region is
// selected when it matches one of `resources` (ARNs, `*` wildcards, or resource names) or one of
// `any_tags` (ListOfTags); every condition of `all_tags` (Conditions); and none of
// `not_resources`. With neither `resources` nor `any_tags`, every resource passes the first test.
// A test that is not known (TagCondition::unknown, `resources_unknown`, `not_resources_unknown`)
// leaves it open whether the resources it could match are assigned.
struct Selection {
  std::string name;
  std::vector<std::string> resources;
  std::vector<std::string> not_resources;
  std::vector<TagCondition> any_tags;
  std::vector<TagCondition> all_tags;
  Location location;
  // Why entries of Resources / NotResources are not known, one reason per entry.
  std::vector<std::string> resources_unknown{};
  std::vector<std::string> not_resources_unknown{};
};

struct Plan {
  std::string name;
  std::string arn;  // "" = not known; account and Region then come from the rules' vaults
  std::vector<PlanRule> rules;
  std::vector<std::string> resources;  // resource references selected by the plan
  Location location;
  std::vector<Selection> selections;  // Model::build adds what they select to `resources`
  std::string address;                // Terraform address or CloudFormation logical id
  bool generated_name = false;        // the reader made the name up: io::combine may qualify it
  // Resources a selection might assign, by name, and why that is not known: a test it depends on
  // is not known. Model::build fills it (keeping what a reader gave, by name or ARN: a scenario's
  // resources_unknown); their recovery points are predicted indeterminate.
  std::map<std::string, std::string> resources_unknown{};
};

// A recovery point named by the resource it protects and the vault that holds it.
struct RecoveryPointRef {
  std::string resource;
  std::string vault;
  std::string to_string() const;  // "resource@vault"
};
// Parses "RESOURCE@VAULT". Errors: E_RECOVERY_POINT_REF.
Result<RecoveryPointRef> parse_recovery_point_ref(std::string_view text);

enum class JobKind { copy, native_copy, restore };
std::string_view to_string(JobKind kind);  // copy | native-copy | restore

// An on-demand operation on an existing recovery point.
//  copy:        StartCopyJob into `to` (a vault reference).
//  native_copy: CopyDBClusterSnapshot / CopyDBSnapshot into `region` and `account` (both ""
//               = the source's), with `key` as KmsKeyId ("" = omitted).
//  restore:     StartRestoreJob in `account` ("" = the recovery point's), `key` as KmsKeyId.
struct Job {
  JobKind kind = JobKind::copy;
  RecoveryPointRef from;
  std::string to;
  std::string region;
  std::string account;
  std::string key;
  Location location;
};

// ---------------------------------------------------------------------------------------------
// What AWS reported, to check predictions against (snapkey verify)

// A copy job as list-copy-jobs / describe-copy-job report it.
struct ObservedCopyJob {
  std::string id;  // CopyJobId
  std::string resource_arn;
  std::string source_vault_arn;
  std::string source_recovery_point_arn;
  std::string destination_vault_arn;
  std::string destination_recovery_point_arn;
  std::string destination_key_arn;  // DestinationEncryptionKeyArn; "" = not reported
  std::string state;                // CREATED, RUNNING, COMPLETED, FAILED or PARTIAL
  std::string status_message;
  Location location;
};

// A recovery point as list-recovery-points-by-backup-vault reports it.
struct ObservedRecoveryPoint {
  std::string arn;
  std::string resource_arn;
  std::string vault_arn;
  std::string source_vault_arn;  // "" = not a copy
  std::string key_arn;           // EncryptionKeyArn; "" = not reported
  std::optional<bool> is_encrypted;
  std::string key_type;  // EncryptionKeyType, "" = not reported
  Location location;
};

// ---------------------------------------------------------------------------------------------
// The model

// A suppression written in the input, beside what it accepts: `# snapkey:ignore CHECK
// reason="..."` above a Terraform block. It works as a policy file's suppression does
// (snapkey/policy.hpp: add_input_suppressions).
struct InputSuppression {
  std::string check;
  std::string resource;  // the database's name, or ""
  std::string vault;     // the vault's name, or ""
  std::string reason;
  std::optional<Date> expires;
  Location location;  // the comment
};

// Everything a reader found, with references as strings.
struct ModelInput {
  std::optional<Date> as_of;
  std::vector<Account> accounts;
  std::vector<Key> keys;
  std::vector<Resource> resources;
  std::vector<Vault> vaults;
  std::vector<Plan> plans;
  std::vector<Job> jobs;
  std::vector<ObservedCopyJob> copy_jobs;
  std::vector<ObservedRecoveryPoint> observed_recovery_points;
  std::vector<InputSuppression> suppressions = {};  // not part of the model: for check()
};

// An immutable, validated model. Every list is sorted by name, every reference resolves.
class Model {
 public:
  // Validates `input` and resolves its references. Errors (each with the location of the fact
  // at fault): E_DUPLICATE_NAME, E_DUPLICATE_ARN, E_ARN_KIND, E_KEY_REF, E_VAULT_REF,
  // E_RESOURCE_REF, E_RECOVERY_POINT_REF, E_VAULT_KEY_REGION, E_RESOURCE_KEY_REGION,
  // E_REPLICA_PRIMARY, E_MULTI_REGION_KEY_ID, E_AWS_MANAGED_KEY, E_RESERVED_ALIAS,
  // E_DUPLICATE_ALIAS, E_LAG_VAULT_KEY, E_PLAN_REGION, E_PLAN_RESOURCE_REGION, E_AWS_OWNED_KEY,
  // E_AIR_GAPPED_VAULT (snapkey/errors.hpp says what each means).
  static Result<Model> build(ModelInput input);

  const std::optional<Date>& as_of() const { return input_->as_of; }
  const std::vector<Account>& accounts() const { return input_->accounts; }
  const std::vector<Key>& keys() const { return input_->keys; }
  const std::vector<Resource>& resources() const { return input_->resources; }
  const std::vector<Vault>& vaults() const { return input_->vaults; }
  const std::vector<Plan>& plans() const { return input_->plans; }
  const std::vector<Job>& jobs() const { return input_->jobs; }
  const std::vector<ObservedCopyJob>& copy_jobs() const { return input_->copy_jobs; }
  const std::vector<ObservedRecoveryPoint>& observed_recovery_points() const {
    return input_->observed_recovery_points;
  }

  // A key by any reference: its name, key ARN, alias ARN, or (in `account` and `region`) its key
  // id or alias name. alias/aws/rds and alias/aws/backup resolve in every account and Region.
  // nullptr when nothing matches.
  const Key* find_key(std::string_view ref, const AccountId& account, const Region& region) const;
  // The AWS managed key with `alias` in that account and Region (listed or implicit).
  const Key& aws_managed_key(std::string_view alias, const AccountId& account,
                             const Region& region) const;
  // The AWS owned key of Aurora's default encryption (sse-rds) in that account and Region.
  const Key& aws_owned_key(const AccountId& account, const Region& region) const;
  // The primary of a replica, and the related keys (primary and replicas) of a multi-Region key.
  const Key* primary_of(const Key& replica) const;
  std::vector<const Key*> related_keys(const Key& key) const;

  const Resource* find_resource(std::string_view ref) const;  // by name or ARN
  const Vault* find_vault(std::string_view ref) const;        // by name or ARN
  // The key a vault encrypts with: its own key, the implicit aws/backup (standard) or an AWS owned
  // key (air-gapped, R21). nullopt when the vault's key is not known.
  std::optional<Key> key_of(const Vault& vault) const;
  // The account's facts; an account nobody described gets the defaults.
  Account account(const AccountId& id) const;

  // The Region and account of things, taken from their ARNs.
  static Region region_of(const Vault& vault);
  static AccountId account_of(const Vault& vault);
  static Region region_of(const Resource& resource);
  static AccountId account_of(const Resource& resource);
  Region region_of(const Plan& plan) const;
  AccountId account_of(const Plan& plan) const;

 private:
  friend class ModelBuilder;
  Model() = default;
  struct Index;
  std::shared_ptr<ModelInput> input_;
  std::shared_ptr<const Index> index_;
};

}  // namespace snapkey

#endif  // SNAPKEY_MODEL_HPP
