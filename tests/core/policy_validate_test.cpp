// Tests for validate(): a policy's own errors, each with its whole message and location.
#include <gtest/gtest.h>

#include "snapkey/check.hpp"

namespace snapkey {
namespace {

Location place(int line) { return Location{"policy.yaml", line, 3, ""}; }

Suppression valid_suppression(int line) {
  Suppression s;
  s.check = "AWS_MANAGED_COPY_KEY";
  s.reason = "a legacy vault";
  s.location = place(line);
  return s;
}

TEST(PolicyValidate, TheDefaultPolicyAndAFullPolicyAreValid) {
  EXPECT_TRUE(validate(Policy{}).ok());
  Policy policy;
  policy.checks["INDETERMINATE"] = CheckSetting{true, Severity::error, place(2)};
  policy.checks["NOT_PROTECTED"] = CheckSetting{false, std::nullopt, place(3)};
  policy.checks["KEY_NOT_ALLOWED"] = CheckSetting{true, std::nullopt, place(4)};
  policy.allowed_keys = {"alias/*"};
  policy.suppressions = {valid_suppression(8)};
  EXPECT_TRUE(validate(policy).ok());
}

TEST(PolicyValidate, UnknownCheckWithASuggestion) {
  Policy policy;
  policy.checks["INDETERMINTE"] = CheckSetting{true, Severity::error, place(2)};
  const Status status = validate(policy);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().id, "E_POLICY_CHECK");
  EXPECT_EQ(status.error().message, "unknown check 'INDETERMINTE'; did you mean 'INDETERMINATE'?");
  EXPECT_EQ(status.error().location, place(2));
  EXPECT_EQ(status.error().to_string(),
            "policy.yaml:2:3: error E_POLICY_CHECK: unknown check 'INDETERMINTE'; did you mean "
            "'INDETERMINATE'?");
}

TEST(PolicyValidate, UnknownCheckWithNothingClose) {
  Policy policy;
  policy.checks["VAULT_LOCK"] = CheckSetting{true, std::nullopt, place(5)};
  const Status status = validate(policy);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().id, "E_POLICY_CHECK");
  EXPECT_EQ(status.error().message, "unknown check 'VAULT_LOCK'");
  EXPECT_EQ(status.error().location, place(5));
}

TEST(PolicyValidate, UnknownCheckInASuppression) {
  Policy policy;
  Suppression s = valid_suppression(9);
  s.check = "JOB_FAIL";
  policy.suppressions = {valid_suppression(6), s};
  const Status status = validate(policy);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().id, "E_POLICY_CHECK");
  EXPECT_EQ(status.error().message, "unknown check 'JOB_FAIL'; did you mean 'JOB_FAILS'?");
  EXPECT_EQ(status.error().location, place(9));
}

TEST(PolicyValidate, SuppressionWithoutCheck) {
  Policy policy;
  Suppression s = valid_suppression(6);
  s.check.clear();
  policy.suppressions = {s};
  const Status status = validate(policy);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().id, "E_POLICY_SUPPRESSION");
  EXPECT_EQ(status.error().message,
            "suppression 1 has no check: expected the id of the check it silences");
  EXPECT_EQ(status.error().location, place(6));
}

TEST(PolicyValidate, SuppressionWithoutReason) {
  Policy policy;
  Suppression s = valid_suppression(11);
  s.reason.clear();
  policy.suppressions = {valid_suppression(6), s};
  const Status status = validate(policy);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().id, "E_POLICY_SUPPRESSION");
  EXPECT_EQ(status.error().message,
            "suppression 2 (AWS_MANAGED_COPY_KEY) has no reason: expected why the exception is "
            "accepted");
  EXPECT_EQ(status.error().location, place(11));
}

TEST(PolicyValidate, KeyNotAllowedEnabledWithoutAllowedKeys) {
  Policy policy;
  policy.checks["KEY_NOT_ALLOWED"] = CheckSetting{true, Severity::warning, place(4)};
  const Status status = validate(policy);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().id, "E_POLICY_ALLOWED_KEYS");
  EXPECT_EQ(status.error().message,
            "check KEY_NOT_ALLOWED is enabled but allowed_keys is empty: expected the keys it "
            "allows (key ARNs, alias names or ARNs, key ids or key names)");
  EXPECT_EQ(status.error().location, place(4));
  // Turned off, it needs nothing.
  policy.checks["KEY_NOT_ALLOWED"].enabled = false;
  EXPECT_TRUE(validate(policy).ok());
}

TEST(PolicyValidate, ChecksComeBeforeSuppressions) {
  Policy policy;
  policy.checks["NOPE"] = CheckSetting{true, std::nullopt, place(2)};
  Suppression s = valid_suppression(6);
  s.reason.clear();
  policy.suppressions = {s};
  EXPECT_EQ(validate(policy).error().location, place(2));
}

TEST(PolicySeverity, NamesAndParsing) {
  EXPECT_EQ(to_string(Severity::info), "info");
  EXPECT_EQ(to_string(Severity::warning), "warning");
  EXPECT_EQ(to_string(Severity::error), "error");
  for (const Severity s : {Severity::info, Severity::warning, Severity::error}) {
    const Result<Severity> parsed = parse_severity(to_string(s));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_LT(Severity::info, Severity::warning);
  EXPECT_LT(Severity::warning, Severity::error);
}

TEST(PolicySeverity, ParseErrorSaysWhatWasExpected) {
  const Result<Severity> parsed = parse_severity("Error");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().id, "E_SEVERITY");
  EXPECT_EQ(parsed.error().message, "expected info, warning or error, found 'Error'");
  EXPECT_EQ(parsed.error().location, Location{});
}

}  // namespace
}  // namespace snapkey
