// A backup policy: what a team requires of its backup design, and the exceptions it accepts.
// `check()` (check.hpp) turns predictions into findings under a policy; `Policy{}` is the
// built-in default (every check on at its own severity, nothing extra required). Policy files
// are YAML (docs/policy-format.md, snapkey/io/policy.hpp).
//
//   snapkey::Policy policy;
//   policy.copy_regions = {snapkey::Region{"us-west-2"}};  // AWS Config's crossRegionList
//   policy.checks["INDETERMINATE"].severity = snapkey::Severity::error;
#ifndef SNAPKEY_POLICY_HPP
#define SNAPKEY_POLICY_HPP

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/arn.hpp"
#include "snapkey/date.hpp"
#include "snapkey/model.hpp"
#include "snapkey/result.hpp"

namespace snapkey {

// How much a finding matters, least first. SARIF calls `info` "note".
enum class Severity { info, warning, error };
std::string_view to_string(Severity severity);  // info | warning | error
// Errors: E_SEVERITY (expected info, warning or error).
Result<Severity> parse_severity(std::string_view text);

// A policy's word on one check: on or off, and its severity (nullopt = the check's own).
struct CheckSetting {
  bool enabled = true;
  std::optional<Severity> severity;
  Location location;
};

// An accepted exception. A finding is suppressed when its check is `check` and every pattern
// given matches (`*` matches any run of characters; "" = any). A suppression must say why; once
// `expires` has passed it no longer suppresses, and is itself a finding (EXPIRED_SUPPRESSION).
struct Suppression {
  std::string check;           // a check id
  std::string recovery_point;  // pattern on the prediction id ("orders@Default")
  std::string resource;        // pattern on the resource's name or ARN
  std::string vault;           // pattern on the vault's name or ARN
  std::string region;          // pattern on the Region
  std::string account;         // pattern on the account id
  std::string reason;          // required, never empty
  std::optional<Date> expires;
  Location location;
  // Written in the input beside what it accepts (a `# snapkey:ignore` comment), not in a policy
  // file: SARIF's "inSource" rather than "external".
  bool in_source = false;
};

struct Policy {
  // Per-check settings, by check id. A check not listed is on, at its default severity, if it
  // is on by default (CheckInfo::on_by_default).
  std::map<std::string, CheckSetting, std::less<>> checks;

  // Which resources the requirements below apply to: a resource is in scope when it matches one
  // of `scope_resources` (name or ARN patterns; empty = every resource) and has every tag of
  // `scope_tags` (like AWS Config's resourceId and resourceTags).
  std::vector<std::string> scope_resources;
  std::map<std::string, std::string> scope_tags;

  // Every resource in scope is backed up by a plan (NOT_PROTECTED). On by default.
  bool require_backup = true;
  // Every resource in scope has a copy predicted to be made in each of these Regions / accounts
  // (AWS Config's crossRegionList / crossAccountList). A resource's own Region or account is
  // never required of it.
  std::vector<Region> copy_regions;
  std::vector<AccountId> copy_accounts;
  // Every resource in scope has a copy in some other Region / some other account.
  bool require_cross_region_copy = false;
  bool require_cross_account_copy = false;

  // The key manager every copy's key must have (nullopt = any). COPY_KEY_MANAGER.
  std::optional<KeyManager> copy_key_manager;
  // Key patterns every recovery point's key must match: key ARN, alias ARN, alias name, key id
  // or the key's name in the model (empty = any key). KEY_NOT_ALLOWED.
  std::vector<std::string> allowed_keys;

  std::vector<Suppression> suppressions;
  // Where the policy came from ("" = the built-in default).
  std::string file;
};

// Adds the suppressions written in the inputs (ModelInput::suppressions) after the policy's own,
// in the order of their places (file, then line and column).
void add_input_suppressions(Policy& policy, const std::vector<InputSuppression>& suppressions);

}  // namespace snapkey

#endif  // SNAPKEY_POLICY_HPP
