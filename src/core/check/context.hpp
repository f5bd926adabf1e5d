// What every check family shares: which checks run under the policy, the lookups they need
// across predictions and resources, and how a finding about a prediction or a resource starts.
// Private to src/core: core/check/check.cpp drives the families (core/check/outcomes.cpp,
// core/check/keys.cpp, core/check/coverage.cpp) and then core/check/suppressions.cpp.
#ifndef SNAPKEY_SRC_CORE_CHECK_CONTEXT_HPP
#define SNAPKEY_SRC_CORE_CHECK_CONTEXT_HPP

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "snapkey/check.hpp"

namespace snapkey::detail {

class CheckContext {
 public:
  CheckContext(const Predictions& predictions, const Policy& policy);

  const Predictions& predictions() const { return predictions_; }
  const Policy& policy() const { return policy_; }

  // True when the policy turns `id` on (core/check/check.cpp's comment says when).
  bool runs(std::string_view id) const;
  // The checks that run, in table order.
  const std::vector<std::string>& checks_run() const { return checks_run_; }

  const Resource* resource(std::string_view name) const;
  const Prediction* parent_of(const Prediction& p) const;
  // The recovery points made directly from `p`, in prediction order.
  const std::vector<const Prediction*>& children_of(const Prediction& p) const;
  // The recovery points of the resource named `name`, by id.
  const std::vector<const Prediction*>& predictions_of(std::string_view name) const;
  // The recovery points in `account` and `region`, in prediction order.
  const std::vector<const Prediction*>& predictions_in(const AccountId& account,
                                                       const Region& region) const;
  // The recovery points whose key is in `account` and `region`, in prediction order.
  const std::vector<const Prediction*>& keyed_in(const AccountId& account,
                                                 const Region& region) const;
  // True when `resource` is in the policy's scope (scope_resources, scope_tags).
  bool in_scope(const Resource& resource) const;

  // A finding about a prediction: subject, recovery point, resource, vault, Region, account,
  // rules of the check, the location of its plan rule or job (else the resource's) and the
  // plan's address (else the resource's).
  Finding about(std::string_view check, const Prediction& p) const;
  // A finding about a resource: its name, ARN, Region, account, location and address.
  Finding about(std::string_view check, const Resource& resource) const;

 private:
  const Predictions& predictions_;
  const Policy& policy_;
  std::vector<std::string> checks_run_;
  std::map<std::string, const Resource*, std::less<>> resources_;
  // Indexes, so that no check scans every prediction for every prediction (37k recovery points
  // took 80 s that way).
  std::map<std::string, const Prediction*, std::less<>> by_id_;
  std::map<std::string, std::vector<const Prediction*>, std::less<>> children_;
  std::map<std::string, std::vector<const Prediction*>, std::less<>> by_resource_;
  std::map<std::pair<std::string, std::string>, std::vector<const Prediction*>> by_place_;
  std::map<std::pair<std::string, std::string>, std::vector<const Prediction*>> by_key_place_;
};

// `*` matches any run of characters; everything else matches itself. The whole text must match.
bool matches_pattern(std::string_view pattern, std::string_view text);
// "explicit" policy settings: the check is listed in `policy.checks` and not turned off.
bool explicitly_enabled(const Policy& policy, std::string_view id);

// The check families. Each appends the findings of the checks it owns that `ctx.runs()`.
void check_outcomes(const CheckContext& ctx, std::vector<Finding>& out);
void check_copy_keys(const CheckContext& ctx, std::vector<Finding>& out);
void check_keys(const CheckContext& ctx, std::vector<Finding>& out);
void check_coverage(const CheckContext& ctx, std::vector<Finding>& out);
// The key whose state (not Enabled) decided that a job fails (R26, R27): the deciding step's key,
// as it describes it, and its state. nullopt for other outcomes, other failures, and for jobs
// whose source is not made (reported where the chain breaks).
struct BlockingKey {
  std::string key;
  KeyState state = KeyState::unknown;
};
std::optional<BlockingKey> blocking_key(const CheckContext& ctx, const Prediction& p);
// Marks the findings that suppressions silence and appends EXPIRED_SUPPRESSION and
// UNUSED_SUPPRESSION findings.
void apply_suppressions(const CheckContext& ctx, const CheckOptions& options,
                        std::vector<Finding>& findings);

// The replica of the source's multi-Region key that the engine found unused
// (MRK_REPLICA_NOT_USED): the R8 step's "replica" fact, "alias/x (arn:...)"; "" when none.
std::string unused_replica(const Prediction& p);
// The smallest change that puts `p` on a key `suitable` accepts (`kind` names such a key, "a
// customer managed key"): point a copy at a vault in its account and Region whose copies show
// such a key (the replica's first), else create one; for native copies and restores, give such
// a key as KmsKeyId.
std::string repoint_fix(const CheckContext& ctx, const Prediction& p,
                        const std::function<bool(const Key&)>& suitable, std::string_view kind,
                        const std::string& replica);

// Wording shared by the families (core/check/wording.cpp).
// "alias/x (arn:...)", "alias/aws/rds of us-east-1/111111111111", the ARN, or the name.
std::string describe_key(const Key& key);
std::string where(const Region& region, const AccountId& account);  // "us-east-1/111111111111"
// What a prediction is, for the start of a sentence: "the copy of orders from vault a
// (ap-northeast-1/111111111111) to vault b (us-east-1/111111111111) made by rule r of plan p".
std::string describe_operation(const CheckContext& ctx, const Prediction& p);
// What to change to change its destination: "the copy action of rule r in plan p", "the
// on-demand copy job", "the KmsKeyId of the native copy".
std::string what_to_change(const Prediction& p);
// The prediction's advice as one paragraph ("" when it has none).
std::string joined_advice(const Prediction& p);
std::string capitalized(std::string text);
bool has_warning(const Prediction& p, std::string_view warning);

}  // namespace snapkey::detail

#endif  // SNAPKEY_SRC_CORE_CHECK_CONTEXT_HPP
