// Policy files: the YAML a team keeps next to its infrastructure code to say what it requires of
// its backup design (docs/policy-format.md).
//
//   snapkey::Result<snapkey::Policy> policy = snapkey::io::read_policy_file("backup-policy.yaml");
//   if (!policy) { fmt::print(stderr, "{}\n", policy.error().to_string()); return 2; }
#ifndef SNAPKEY_IO_POLICY_HPP
#define SNAPKEY_IO_POLICY_HPP

#include <string>
#include <string_view>

#include "snapkey/policy.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io {

// Reads a policy from `text`; `file` names it in locations and errors. Every error names the
// file and line:column, what was expected and what was found; unknown keys and unknown check ids
// come with a "did you mean" suggestion. The result passes snapkey::validate().
// Errors: E_YAML, E_POLICY_KEY (unknown key), E_POLICY_TYPE (wrong kind of value),
// E_POLICY_CHECK (unknown check id), E_POLICY_SUPPRESSION (no reason, or no check),
// E_POLICY_VALUE (an empty or unknown value), E_POLICY_ALLOWED_KEYS (KEY_NOT_ALLOWED turned on
// with no allowed keys), and the value errors of arn.hpp, date.hpp and policy.hpp (E_SEVERITY,
// E_REGION, E_ACCOUNT_ID, E_DATE...).
Result<Policy> read_policy(std::string_view text, std::string_view file);
// Reads the file at `path`. Errors: E_FILE (cannot be read) and those of read_policy.
Result<Policy> read_policy_file(const std::string& path);

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_POLICY_HPP
