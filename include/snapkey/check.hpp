// Checks: turn predictions into findings, the answer to "is my backup design right?". Every
// check has a stable id, a default severity, a rationale that cites the rules it rests on, and
// every finding names the smallest change that clears it. docs/checks.md is a rendering of the
// check table.
//
//   snapkey::Findings f = snapkey::check(predictions, snapkey::Policy{});
//   for (const snapkey::Finding& finding : f.findings)
//     fmt::print("{} {}: {}\n", finding.check, finding.subject, finding.message);
//   return f.fails(snapkey::Severity::error) ? 1 : 0;
#ifndef SNAPKEY_CHECK_HPP
#define SNAPKEY_CHECK_HPP

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/date.hpp"
#include "snapkey/policy.hpp"
#include "snapkey/predict.hpp"
#include "snapkey/result.hpp"

namespace snapkey {

// Check ids. Never renamed, never reused.
inline constexpr std::string_view kJobFails = "JOB_FAILS";
inline constexpr std::string_view kUnsupported = "UNSUPPORTED";
inline constexpr std::string_view kUnencrypted = "UNENCRYPTED";
inline constexpr std::string_view kAwsManagedCopyKey = "AWS_MANAGED_COPY_KEY";
inline constexpr std::string_view kMrkReplicaUnused = "MRK_REPLICA_UNUSED";
inline constexpr std::string_view kKeyNotEnabled = "KEY_NOT_ENABLED";
inline constexpr std::string_view kCopySharesSourceKey = "COPY_SHARES_SOURCE_KEY";
inline constexpr std::string_view kNotProtected = "NOT_PROTECTED";
inline constexpr std::string_view kNoCrossRegionCopy = "NO_CROSS_REGION_COPY";
inline constexpr std::string_view kNoCrossAccountCopy = "NO_CROSS_ACCOUNT_COPY";
inline constexpr std::string_view kCopyKeyManager = "COPY_KEY_MANAGER";
inline constexpr std::string_view kKeyNotAllowed = "KEY_NOT_ALLOWED";
inline constexpr std::string_view kIndeterminate = "INDETERMINATE";
inline constexpr std::string_view kRestsOnDocConflict = "RESTS_ON_DOC_CONFLICT";
inline constexpr std::string_view kRestsOnInferredRule = "RESTS_ON_INFERRED_RULE";
inline constexpr std::string_view kExpiredSuppression = "EXPIRED_SUPPRESSION";
inline constexpr std::string_view kUnusedSuppression = "UNUSED_SUPPRESSION";

struct CheckInfo {
  std::string_view id;
  Severity severity;           // the default
  bool on_by_default;          // false: only a policy turns it on (or it needs policy settings)
  std::string_view title;      // one line
  std::string_view rationale;  // why it matters, citing rule ids ("R9", "U-1")
  std::span<const std::string_view> rules;  // the rule ids it rests on (sources: rule_table)
  std::string_view fix;  // the usual fix, in general terms; findings name it concretely
};

// Every check, in the order docs/checks.md lists them.
std::span<const CheckInfo> check_table();
// The check with `id`, or nullptr.
const CheckInfo* find_check(std::string_view id);

struct Finding {
  std::string check;  // a check id
  Severity severity = Severity::error;
  // What the finding is about, for people and for grouping: a prediction id ("orders@Default"),
  // a resource name (NOT_PROTECTED, NO_CROSS_*) or "suppression N" (the suppression checks).
  std::string subject;
  std::optional<std::string> recovery_point;  // the prediction id, where one is at fault
  std::string resource;                       // resource name ("" for suppression findings)
  std::string resource_arn;
  std::optional<std::string> vault;  // vault name
  std::optional<std::string> vault_arn;
  Region region;
  AccountId account;
  std::string message;  // what is wrong, concretely, in a sentence or two
  std::string fix;      // the smallest change that clears it, naming the vault / key / account
  std::vector<std::string> rules;  // the rule ids behind it
  // Where in the input to look: the plan rule or job that makes the recovery point, the
  // resource, or the policy's suppression. `address`: its Terraform address or logical id.
  Location location;
  std::optional<std::string> address;
  // The suppression that silences it, if any: suppressed findings are reported but never fail.
  std::optional<Suppression> suppressed_by;
};

struct Findings {
  // Sorted: severity (highest first), then check (table order), subject, message.
  std::vector<Finding> findings;
  std::vector<std::string> checks_run;  // the checks the policy turned on, in table order
  std::size_t recovery_points = 0;      // how many predictions were checked
  std::size_t resources = 0;            // how many resources were in the policy's scope

  // Unsuppressed findings at `threshold` or above.
  std::size_t count_at_least(Severity threshold) const;
  bool fails(Severity threshold) const { return count_at_least(threshold) > 0; }
};

// One line, for test output and logs: "error AWS_MANAGED_COPY_KEY aurora@virginia-default: The
// copy of ...". GoogleTest prints a Finding with it.
std::ostream& operator<<(std::ostream& os, const Finding& finding);
std::ostream& operator<<(std::ostream& os, Severity severity);

struct CheckOptions {
  // The date suppressions expire against. nullopt: suppressions never expire (the library never
  // reads the clock; the CLI passes today's date, or --today).
  std::optional<Date> today;
};

// Pure: same predictions and policy, same findings, byte for byte.
Findings check(const Predictions& predictions, const Policy& policy,
               const CheckOptions& options = {});

// The policy's own errors, found before checking: E_POLICY_CHECK (unknown check id, with a
// "did you mean"), E_POLICY_ALLOWED_KEYS (KEY_NOT_ALLOWED turned on with no allowed keys),
// E_POLICY_SUPPRESSION (no check or no reason). Readers call it; so may C++ users.
Status validate(const Policy& policy);

}  // namespace snapkey

#endif  // SNAPKEY_CHECK_HPP
