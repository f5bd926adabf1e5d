// Private to the AWS CLI reader: what the saved command outputs say, collected file by file and
// merged by ARN, before it becomes a ModelInput (io/aws_cli/finish.cpp).
//
// Every command's reader (io/aws_cli/kms.cpp, io/aws_cli/rds.cpp, io/aws_cli/backup.cpp,
// io/aws_cli/accounts.cpp, io/aws_cli/observed.cpp) adds facts to one `Export`. The same thing
// described twice (describe-key and list-aliases, list-backup-vaults and describe-backup-vault, rds
// and docdb describe-db-clusters) merges; described twice inconsistently it is E_AWS_CLI_CONFLICT,
// naming both places.
#ifndef SNAPKEY_SRC_IO_AWS_CLI_EXPORT_HPP
#define SNAPKEY_SRC_IO_AWS_CLI_EXPORT_HPP

#include <fmt/format.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "io/detail/iam_policy.hpp"
#include "io/detail/json.hpp"
#include "snapkey/model.hpp"

namespace snapkey::io::aws_cli {

// The AWS CLI reader is built on the JSON helpers every reader shares (io/detail/json.hpp).
using namespace snapkey::io::detail;  // NOLINT(google-build-using-namespace)

inline constexpr std::string_view kKindError = "E_AWS_CLI_KIND";
inline constexpr std::string_view kAccountError = "E_AWS_CLI_ACCOUNT";
inline constexpr std::string_view kValueError = "E_AWS_CLI_VALUE";
inline constexpr std::string_view kConflictError = "E_AWS_CLI_CONFLICT";
inline constexpr std::string_view kRefError = "E_AWS_CLI_REF";

// The file being read, and the account and Region its folders name (ACCOUNT/REGION/..., the
// layout examples/aws-cli/export.sh writes). Only the commands whose output has no ARN need them.
struct FileContext {
  std::string path;
  std::optional<AccountId> folder_account;
  std::optional<Region> folder_region;
};
FileContext context_of(const std::string& path);

// A value and the place it was read, so that a later, different value can name both.
template <typename T>
struct Seen {
  T value;
  Location where;
};

std::string show(KeyManager value);
std::string show(KeyState value);
std::string show(MultiRegion value);
std::string show(VaultType value);
std::string show(bool value);
std::string show(const std::string& value);
std::string show(const std::vector<std::string>& value);
std::string show(const std::optional<std::vector<std::string>>& value);

// "SUBJECT: WHAT is A at PLACE, but B at PLACE" (E_AWS_CLI_CONFLICT, at the second place).
Error conflict(std::string_view subject, std::string_view what, const std::string& first,
               const Location& first_where, const std::string& second,
               const Location& second_where);

// Records `value`, or checks that it agrees with the value recorded before.
template <typename T>
Status settle(std::optional<Seen<T>>& known, T value, const Location& where,
              std::string_view subject, std::string_view what) {
  if (!known) {
    known = Seen<T>{std::move(value), where};
    return Ok{};
  }
  if (known->value == value) return Ok{};
  return conflict(subject, what, show(known->value), known->where, show(value), where);
}

// ---------------------------------------------------------------------------------------------
// Facts

struct KeyFacts {
  std::string arn;
  Region region;
  AccountId account;
  Location location;        // describe-key's /KeyMetadata, else the first place that named the key
  bool described = false;   // by describe-key
  bool referenced = false;  // a resource, vault or replica uses it: always part of the output
  std::optional<Seen<KeyManager>> manager;
  std::optional<Seen<KeyState>> state;
  std::optional<Seen<MultiRegion>> multi_region;
  std::optional<Seen<std::string>> primary;  // replicas: the primary's ARN
  std::set<std::string> aliases;
  std::optional<Seen<std::vector<std::string>>> shared_with;  // from get-key-policy
  std::optional<Seen<std::string>> spec;                      // describe-key's KeySpec
  std::optional<Seen<std::string>> usage;                     // describe-key's KeyUsage
};

// A multi-Region key's role as another key's MultiRegionConfiguration tells it.
struct RelativeHint {
  Seen<MultiRegion> role;
  std::string primary;  // for replicas: the primary's ARN
};

// A key named by an alias ARN only (a KmsKeyId given as an alias ARN), resolved at the end.
struct AliasReference {
  std::string alias;  // "alias/..."
  Region region;
  AccountId account;
  Location where;
};

struct ResourceFacts {
  Resource resource;
};

// A read replica (ReadReplicaSourceDBInstanceIdentifier, ReadReplicaSourceDBClusterIdentifier,
// ReplicationSourceIdentifier) and what its output left out, resolved at the end against its
// source, when the export has it.
struct ReplicaFacts {
  enum class Missing {
    nothing,     // StorageEncrypted / StorageEncryptionType and KmsKeyId tell the key
    encryption,  // neither StorageEncrypted nor StorageEncryptionType
    key,         // encrypted with a KMS key (not sse-rds), but no KmsKeyId
  };
  std::string source;                   // the source as exported: an identifier or an ARN
  std::vector<std::string> candidates;  // the ARNs the source may have, in order
  Location where;                       // of the source field
  Missing missing = Missing::nothing;
  std::string key;  // Missing::encryption: KmsKeyId's key reference, if it was reported
};

struct VaultFacts {
  std::string arn;
  Location location;
  std::optional<Vault> described;  // list-backup-vaults / describe-backup-vault
  std::optional<Seen<std::optional<std::vector<std::string>>>> allows_copy_from;
};

// A vault ARN a plan names, which may not be exported.
struct VaultReference {
  std::string arn;
  VaultType type = VaultType::standard;
  Location where;
};

struct PlanFacts {
  std::string id;         // BackupPlanId
  std::string signature;  // the rules, spelled out, to compare two reads of one plan
  Plan plan;
};

struct SelectionFacts {
  std::string plan_id;
  std::string id;         // SelectionId
  std::string signature;  // the selection, spelled out, to compare two reads of it
  Selection selection;
};

struct AccountFacts {
  AccountId id;
  Location location;
  std::optional<Seen<std::string>> organization;
  std::optional<Seen<bool>> cross_account_backup;
};

// Everything read so far, merged by ARN (or id).
struct Export {
  std::map<std::string, KeyFacts> keys;              // by key ARN
  std::map<std::string, RelativeHint> relatives;     // by key ARN
  std::map<std::string, Seen<std::string>> aliases;  // alias ARN -> target key ARN
  std::vector<AliasReference> alias_references;
  std::map<std::string, ResourceFacts> resources;  // by ARN
  std::map<std::string, ReplicaFacts> replicas;    // by the replica's ARN
  std::map<std::string, VaultFacts> vaults;        // by ARN
  std::vector<VaultReference> vault_references;
  std::map<std::string, PlanFacts> plans;                        // by BackupPlanId
  std::map<std::string, SelectionFacts> selections;              // by SelectionId
  std::map<std::string, AccountFacts> accounts;                  // by account id
  std::map<std::string, ObservedCopyJob> copy_jobs;              // by CopyJobId
  std::map<std::string, ObservedRecoveryPoint> recovery_points;  // by RecoveryPointArn

  // The facts of a key, made on first use.
  KeyFacts& key(const std::string& arn, const Region& region, const AccountId& account,
                const Location& where);
  AccountFacts& account(const AccountId& id, const Location& where);
};

// ---------------------------------------------------------------------------------------------
// Reading values (io/aws_cli/fields.cpp)

// The kind of ARN a field holds, for checks and messages.
// `service` "" accepts any service, `prefix` "" any resource.
struct ArnKind {
  std::string_view what;     // "a KMS key ARN"
  std::string_view service;  // "kms"
  std::string_view prefix;   // "key/": how the resource part starts
  std::string_view example;  // "arn:aws:kms:REGION:ACCOUNT:key/KEY-ID"
};
inline constexpr ArnKind kKeyArn{"a KMS key ARN", "kms", "key/",
                                 "arn:aws:kms:REGION:ACCOUNT:key/KEY-ID"};
inline constexpr ArnKind kAliasArn{"a KMS alias ARN", "kms", "alias/",
                                   "arn:aws:kms:REGION:ACCOUNT:alias/NAME"};
inline constexpr ArnKind kClusterArn{"a DB cluster ARN", "rds",
                                     "cluster:", "arn:aws:rds:REGION:ACCOUNT:cluster:NAME"};
inline constexpr ArnKind kInstanceArn{"a DB instance ARN", "rds",
                                      "db:", "arn:aws:rds:REGION:ACCOUNT:db:NAME"};
inline constexpr ArnKind kVaultArn{"a backup vault ARN", "backup", "backup-vault:",
                                   "arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME"};
inline constexpr ArnKind kPlanArn{"a backup plan ARN", "backup",
                                  "backup-plan:", "arn:aws:backup:REGION:ACCOUNT:backup-plan:ID"};
// Any ARN with a Region and an account (recovery points, resources of copy jobs).
inline constexpr ArnKind kRegionalArn{"an ARN with a Region and an account", "", "",
                                      "arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE"};

struct ArnAt {
  std::string text;
  Arn arn;
  JsonValue at;  // where it was read
  Location where() const { return at.location(); }
  Region region() const { return Region{arn.region}; }
  AccountId account() const { return AccountId{arn.account}; }
};

// The ARN in `value`. Errors: E_JSON_TYPE, the errors of parse_arn (at the value), and
// E_AWS_CLI_VALUE for an ARN of another kind.
Result<ArnAt> arn_value(JsonValue value, const ArnKind& kind);
// The ARN in object[member]. Errors: as arn_value, and E_JSON_MISSING.
Result<ArnAt> required_arn(const JsonValue& object, std::string_view member, const ArnKind& kind);
Result<std::optional<ArnAt>> optional_arn(const JsonValue& object, std::string_view member,
                                          const ArnKind& kind);

// The same as text: "" when missing or null. The value is checked as required_arn and
// optional_arn do, but read without building its JSON Pointer unless there is an error.
Result<std::string> arn_text(const JsonValue& object, std::string_view member, const ArnKind& kind,
                             bool required);
// object[member] as a string, read without building its JSON Pointer (which only errors need):
// nullopt when it is missing, null or not a string.
std::optional<std::string_view> peek_string(const JsonValue& object, std::string_view member);
// object.required_string(member) / optional_string(member), faster on the usual path.
Result<std::string> required_text(const JsonValue& object, std::string_view member);
Result<std::optional<std::string>> optional_text(const JsonValue& object, std::string_view member);

// object[member] must be an object (E_JSON_MISSING, E_JSON_TYPE).
Result<JsonValue> required_object(const JsonValue& object, std::string_view member);
// object[member] must be a list, or be missing (E_JSON_TYPE); missing or null gives no items.
Result<std::vector<JsonValue>> list_of(const JsonValue& object, std::string_view member);
// "expected one of A, B at /p, found 'x'" (E_AWS_CLI_VALUE).
Error value_error(const JsonValue& value, std::string_view expected, std::string_view found);
// A string member that must be one of `words` (nullopt when missing or null).
Result<std::optional<std::string>> optional_word(const JsonValue& object, std::string_view member,
                                                 std::initializer_list<std::string_view> words);

// The account a file without ARNs belongs to: its top-level "AccountId", else its folders.
// Errors: E_AWS_CLI_ACCOUNT (neither says), E_ACCOUNT_ID.
Result<AccountId> account_of_file(const JsonValue& root, const FileContext& file,
                                  std::string_view command);
// A key id `id` (read at `value`, as itself or inside the ARN `text`) that starts with mrk- but is
// not mrk- and 32 hex digits: E_AWS_CLI_VALUE at `value`. Other ids pass.
Status check_multi_region_key_id(const JsonValue& value, std::string_view id,
                                 std::string_view text);
// TagList [{Key, Value}] as a map.
Result<std::map<std::string, std::string>> tag_list(const JsonValue& object);

// A key reference read from a resource or a vault (KmsKeyId, EncryptionKeyArn): records the key
// (or the alias) in `out` and returns the reference to store. Key ids are turned into ARNs in
// `region` and `account`. Errors: E_AWS_CLI_VALUE (neither an ARN nor a key id).
Result<std::string> key_reference(const JsonValue& value, const Region& region,
                                  const AccountId& account, Export& out);

// ---------------------------------------------------------------------------------------------
// Policies (io/aws_cli/policy.cpp)

// Who a policy document (the JSON text of a key policy or a vault access policy, found at
// `value`) lets perform one of `actions` (detail::policy_principals). Errors: E_JSON_MISSING,
// E_JSON, E_JSON_TYPE, E_AWS_CLI_VALUE, relocated to `value` with the pointer inside the policy
// in the message.
Result<std::vector<std::string>> policy_principals(const JsonValue& value,
                                                   std::initializer_list<std::string_view> actions,
                                                   const AccountId& owner);

// ---------------------------------------------------------------------------------------------
// One reader per command output (each returns the first error it finds)

Status read_db_clusters(const JsonValue& root, const FileContext& file, Export& out);
Status read_db_instances(const JsonValue& root, const FileContext& file, Export& out);
Status read_db_cluster(const JsonValue& root, const FileContext& file, Export& out);
Status read_db_instance(const JsonValue& root, const FileContext& file, Export& out);
Status read_describe_key(const JsonValue& root, const FileContext& file, Export& out);
Status read_list_aliases(const JsonValue& root, const FileContext& file, Export& out);
Status read_key_policy(const JsonValue& root, const FileContext& file, Export& out);
Status read_backup_vault_list(const JsonValue& root, const FileContext& file, Export& out);
Status read_backup_vault(const JsonValue& root, const FileContext& file, Export& out);
Status read_vault_access_policy(const JsonValue& root, const FileContext& file, Export& out);
Status read_backup_plan(const JsonValue& root, const FileContext& file, Export& out);
Status read_backup_selection(const JsonValue& root, const FileContext& file, Export& out);
Status read_global_settings(const JsonValue& root, const FileContext& file, Export& out);
Status read_organization(const JsonValue& root, const FileContext& file, Export& out);
Status read_list_accounts(const JsonValue& root, const FileContext& file, Export& out);
Status read_recovery_points(const JsonValue& root, const FileContext& file, Export& out);
Status read_copy_jobs(const JsonValue& root, const FileContext& file, Export& out);
Status read_copy_job(const JsonValue& root, const FileContext& file, Export& out);

// Turns the merged facts into a model input (io/aws_cli/finish.cpp). Errors: E_AWS_CLI_REF (a
// selection whose plan was not exported), E_AWS_CLI_CONFLICT.
Result<ModelInput> finish(Export& in);

}  // namespace snapkey::io::aws_cli

#endif  // SNAPKEY_SRC_IO_AWS_CLI_EXPORT_HPP
