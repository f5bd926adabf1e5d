// The engine: a pure function from a Model to the predicted outcome of every recovery point that
// its plans and jobs produce: the backup in the source vault, every copy, every chained copy,
// native RDS copies and restores.
//
//   snapkey::Predictions p = snapkey::predict(model, {});
//   for (const snapkey::Prediction& rp : p.recovery_points)
//     fmt::print("{} {}\n", rp.id, snapkey::to_string(rp.outcome));
#ifndef SNAPKEY_PREDICT_HPP
#define SNAPKEY_PREDICT_HPP

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/date.hpp"
#include "snapkey/model.hpp"
#include "snapkey/rules.hpp"

namespace snapkey {

enum class Operation { backup, copy, native_copy, restore };
std::string_view to_string(Operation operation);  // backup | copy | native-copy | restore

enum class Outcome { encrypted, unencrypted, fails, unsupported, indeterminate };
std::string_view to_string(Outcome outcome);

// Warning ids a prediction can carry. Each says why the prediction deserves a second look.
inline constexpr std::string_view kDocConflict = "DOC_CONFLICT";  // docs and observation differ
inline constexpr std::string_view kReplicaNotUsed = "MRK_REPLICA_NOT_USED";      // R8a
inline constexpr std::string_view kKeyArnNotKnown = "KEY_ARN_NOT_KNOWN";         // implicit AWS key
inline constexpr std::string_view kReportedArnUnknown = "REPORTED_ARN_UNKNOWN";  // U-3
inline constexpr std::string_view kAssumedRdsAlias = "ASSUMED_AWS_RDS_ALIAS";    // U-6
inline constexpr std::string_view kLagEligibilityUnknown =
    "LAG_PRIMARY_ELIGIBILITY_UNKNOWN";                                                       // U-7
inline constexpr std::string_view kForeignVaultKey = "FOREIGN_VAULT_KEY";                    // U-8
inline constexpr std::string_view kChinaNativeCopy = "CHINA_NATIVE_COPY_UNKNOWN";            // U-16
inline constexpr std::string_view kAwsOwnedCopyUnknown = "AWS_OWNED_KEY_COPY_UNKNOWN";       // U-17
inline constexpr std::string_view kLagKeyArnUnknown = "LAG_KEY_ARN_UNKNOWN";                 // U-18
inline constexpr std::string_view kUnencryptedLagBackup = "UNENCRYPTED_LAG_BACKUP_ASSUMED";  // U-19
inline constexpr std::string_view kRestoreKeyIgnored = "RESTORE_KEY_IGNORED";                // R40
// A sentence that explains a warning id ("" for an unknown id).
std::string_view describe_warning(std::string_view id);

// A fact a step used, e.g. {"vault key", "alias/aws/backup"}.
struct Fact {
  std::string name;
  std::string value;
  friend bool operator==(const Fact&, const Fact&) = default;
};

// One step of an explanation: the rule that fired and what it concluded from which facts.
struct Step {
  std::string rule;  // "R9"
  Confidence confidence = Confidence::documented;
  std::string text;  // the conclusion, as a sentence
  std::vector<Fact> facts;
  friend bool operator==(const Step&, const Step&) = default;
};

struct Prediction {
  // "RESOURCE@VAULT" for backups and copies; "PARENT/native-copy@REGION[:ACCOUNT]" and
  // "PARENT/restore[@ACCOUNT]" for native copies and restores; "#2", "#3"... when two recovery
  // points would share an id.
  std::string id;
  Operation operation = Operation::backup;
  std::optional<std::string> parent;  // the id of the recovery point this one was made from
  std::string resource;               // the resource's name in the model
  std::string resource_arn;
  ResourceType resource_type = ResourceType::aurora;
  std::optional<std::string> plan;       // plan name (plan-made recovery points)
  std::optional<std::string> plan_rule;  // the plan rule's name
  std::optional<std::string> vault;      // vault name (backups and copies)
  std::optional<std::string> vault_arn;
  std::optional<std::string> resource_address;  // Terraform address / CloudFormation logical id
  std::optional<std::string> vault_address;
  std::optional<std::string> plan_address;  // the plan's Terraform address / logical id
  // Where the input asks for this recovery point: the plan rule (backups and the copies of its
  // copy actions) or the on-demand job.
  Location location;
  Region region;
  AccountId account;
  std::optional<std::string> recovery_point_arn;  // the ARN's form (R4, R21d), "<id>" placeholders
  bool continuous = false;                        // a point-in-time (continuous) recovery point

  Outcome outcome = Outcome::indeterminate;
  std::optional<Key> key;          // the key that encrypts it (encrypted outcomes only)
  std::vector<std::string> rules;  // the ids of the rules that decided it, in order
  Confidence confidence = Confidence::documented;
  std::vector<std::string> warnings;     // warning ids, sorted
  std::string message;                   // one-line summary of the outcome
  std::optional<std::string> aws_error;  // the error text AWS shows, where it is known
  std::vector<std::string> unknowns;     // what is not known (indeterminate outcomes)
  std::vector<Step> steps;               // the explanation, in order
  std::vector<std::string> advice;       // what to change to get a different key or outcome
};

// One line, for test output and logs: "aurora@virginia-default (copy in us-east-1/111111111111):
// encrypted with alias/aws/rds; rules R6, R2, R8, R9". GoogleTest prints a Prediction with it.
std::ostream& operator<<(std::ostream& os, const Prediction& prediction);
std::ostream& operator<<(std::ostream& os, Outcome outcome);
std::ostream& operator<<(std::ostream& os, Operation operation);

struct Options {
  // The date whose AWS behaviour to predict; nullopt = the model's as_of, else the newest rule.
  std::optional<Date> as_of;
};

struct Predictions {
  Date as_of;
  std::vector<Prediction> recovery_points;  // parents before children, in a stable order
  // Every resource of the model, sorted by name, including those that no plan or job backs up:
  // what the predictions are about (checks ask which resources have which recovery points).
  std::vector<Resource> resources;

  // The recovery point with `id`, or nullptr.
  const Prediction* find(std::string_view id) const;
};

// Pure: no I/O, no clock, no global state. Same model, same predictions, byte for byte.
Predictions predict(const Model& model, const Options& options);

}  // namespace snapkey

#endif  // SNAPKEY_PREDICT_HPP
