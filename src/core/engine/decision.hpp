// Private to the engine: the pieces the decision procedures share.
//
// A `Decision` accumulates the steps of one recovery point's explanation (rule id, confidence,
// conclusion, facts) and ends with exactly one outcome. The procedures in decide_*.cpp follow the
// order of the spec's decision procedure (aws-rules.md §5) and stop at the first rule that fires.
#ifndef SNAPKEY_SRC_CORE_ENGINE_DECISION_HPP
#define SNAPKEY_SRC_CORE_ENGINE_DECISION_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"

namespace snapkey::detail {

class Decision {
 public:
  // A step with the rule's own confidence from the rule table, or an explicit one.
  Decision& step(std::string_view rule, std::string text, std::vector<Fact> facts = {});
  Decision& step(std::string_view rule, Confidence confidence, std::string text,
                 std::vector<Fact> facts = {});
  Decision& warn(std::string_view warning);
  Decision& advise(std::string advice);

  // The outcome; the message is the one-line summary.
  void encrypted(Key key, std::string message);
  void unencrypted(std::string message);
  void fails(std::string message, std::optional<std::string> aws_error = std::nullopt);
  void unsupported(std::string message, std::optional<std::string> aws_error = std::nullopt);
  void indeterminate(std::string unknown, std::string message);

  bool decided() const { return decided_; }
  Outcome outcome() const { return outcome_; }
  // Moves the outcome, rules, confidence, warnings and steps into `prediction`.
  void apply_to(Prediction& prediction) &&;

 private:
  void decide(Outcome outcome, std::string message);

  bool decided_ = false;
  Outcome outcome_ = Outcome::indeterminate;
  std::optional<Key> key_;
  std::string message_;
  std::optional<std::string> aws_error_;
  std::vector<std::string> unknowns_;
  std::vector<std::string> warnings_;
  std::vector<std::string> advice_;
  std::vector<Step> steps_;
};

// Where a recovery point lives and what is known of it: the input of copies, native copies and
// restores.
struct SourcePoint {
  const Prediction& prediction;
  const Resource& resource;
  const Vault* vault;  // nullptr for native copies
};

struct Context {
  const Model& model;
  Date as_of;
};

// Decides the outcome of an operation whose source recovery point `parent` is not made (its
// prediction fails, is unsupported or is indeterminate).
void no_source(const Prediction& parent, Decision& d);

// The message a copy job shows when a key's state or policy stops it (R26, R27; spec U-10).
inline constexpr std::string_view kCopyJobKmsError =
    "KMS key is either disabled or pending deletion or access to KMS key is denied";

// Aurora's AWS owned key (sse-rds, R39), as opposed to an air-gapped vault's AWS owned key.
bool is_sse_rds_key(const Key& key);
// R43: false (and the outcome decided) when `key`, used as `role`, is not a symmetric encryption
// key.
bool symmetric_encryption_key(const Key& key, std::string_view role, Decision& d);
// R44: whether a logically air-gapped vault with `key` can hold recovery points at `as_of`: a
// customer managed key only since 2025-11-06, and one the vault's account may use (or the vault
// is FAILED). False with the outcome decided.
bool air_gapped_vault_usable(const Context& ctx, const Vault& vault, const Key& key, Decision& d);

// The service-linked role of AWS Backup in an account, which performs copies into it (R30).
std::string service_linked_role(const Region& region, const AccountId& account);

// How a key is shown in facts and messages: "alias/x (arn:...)", "alias/aws/rds (ARN not known)".
std::string describe(const Key& key);
// Whether the key policy of `key` lets `account` use it (its own account always may).
bool key_usable_by(const Model& model, const Key& key, const AccountId& account);
// False (and the outcome indeterminate) when whether `account` may use `key` is not known: the
// policy does not list it, and names principals that are not known (Key::shared_with_unknown).
bool key_sharing_known(const Model& model, const Key& key, const AccountId& account, Decision& d);
// The KMS error text for a key in `state` (R26), e.g. "DisabledException: <arn> is disabled."
std::string kms_error(const Key& key);
// The replica of `key` in `region`, if the model has one.
const Key* replica_in(const Model& model, const Key& key, const Region& region);

// The recovery point ARN forms of R4 and R21d, with <id> placeholders for what AWS generates.
std::string backup_recovery_point_arn(const Resource& resource, const Vault& vault,
                                      bool continuous);
std::string copy_recovery_point_arn(const Resource& resource, const Vault& vault);

// The decision procedures, one per operation.
// `air_gapped_target`: the rule also names a logically air-gapped target (R42), so the backup is
// its temporary recovery point.
Decision decide_backup(const Context& ctx, const Resource& resource, const Vault& vault,
                       bool continuous, bool air_gapped_target);
Decision decide_copy(const Context& ctx, const SourcePoint& source, const Vault& destination,
                     bool on_demand);
// The copy AWS Backup makes by itself into a rule's logically air-gapped target (R42).
Decision decide_air_gapped_target(const Context& ctx, const SourcePoint& source,
                                  const Vault& destination);
Decision decide_native_copy(const Context& ctx, const SourcePoint& source, const Job& job);
Decision decide_restore(const Context& ctx, const SourcePoint& source, const Job& job);

}  // namespace snapkey::detail

#endif  // SNAPKEY_SRC_CORE_ENGINE_DECISION_HPP
