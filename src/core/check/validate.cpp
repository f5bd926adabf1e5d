// validate(): a policy's own errors, found before any check runs, each at the place in the
// policy file that causes it.
#include <fmt/format.h>

#include <algorithm>

#include "snapkey/check.hpp"

namespace snapkey {
namespace {

Status unknown_check(std::string_view id, const Location& location) {
  std::vector<std::string_view> ids;
  for (const CheckInfo& info : check_table()) ids.push_back(info.id);
  std::string message = fmt::format("unknown check '{}'", id);
  if (const std::string hint = closest_match(id, ids); !hint.empty()) {
    message += fmt::format("; did you mean '{}'?", hint);
  }
  return Error{"E_POLICY_CHECK", std::move(message), location};
}

Status validate_checks(const Policy& policy) {
  for (const auto& [id, setting] : policy.checks) {
    if (find_check(id) == nullptr) return unknown_check(id, setting.location);
  }
  // KEY_NOT_ALLOWED turned on with nothing allowed would flag every key: surely a mistake.
  const auto allowed = policy.checks.find(kKeyNotAllowed);
  if (allowed != policy.checks.end() && allowed->second.enabled && policy.allowed_keys.empty()) {
    return Error{"E_POLICY_ALLOWED_KEYS",
                 "check KEY_NOT_ALLOWED is enabled but allowed_keys is empty: expected the keys "
                 "it allows (key ARNs, alias names or ARNs, key ids or key names)",
                 allowed->second.location};
  }
  return Ok{};
}

Status validate_suppression(const Suppression& s, std::size_t number) {
  if (s.check.empty()) {
    return Error{"E_POLICY_SUPPRESSION",
                 fmt::format("suppression {} has no check: expected the id of the check it "
                             "silences",
                             number),
                 s.location};
  }
  if (find_check(s.check) == nullptr) return unknown_check(s.check, s.location);
  if (s.reason.empty()) {
    return Error{"E_POLICY_SUPPRESSION",
                 fmt::format("suppression {} ({}) has no reason: expected why the exception "
                             "is accepted",
                             number, s.check),
                 s.location};
  }
  return Ok{};
}

}  // namespace

Status validate(const Policy& policy) {
  SNAPKEY_RETURN_IF_ERROR(validate_checks(policy));
  for (std::size_t i = 0; i < policy.suppressions.size(); ++i) {
    if (Status status = validate_suppression(policy.suppressions[i], i + 1); !status) {
      return status;
    }
  }
  return Ok{};
}

}  // namespace snapkey
