// Reading who a policy document lets in: the accounts, organizations or "*" of its Allow
// statements for the actions that matter, minus what its Deny statements take away.
#include "io/detail/iam_policy.hpp"
#include "common/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "core/model/selection.hpp"
#include "io/detail/json.hpp"
#include "snapkey/arn.hpp"

namespace snapkey::io::detail {
namespace {

// A string or a list of strings (IAM allows both wherever a list is expected).
Result<std::vector<std::string>> one_or_many(const JsonValue& value) {
  if (value.is_missing() || value.is_null()) return std::vector<std::string>();
  if (value.is_string()) return std::vector<std::string>{*value.as_string()};
  if (!value.is_array()) return value.type_error("a string or a list of strings");
  std::vector<std::string> out;
  for (const JsonValue& item : value.items()) {
    SNAPKEY_ASSIGN_OR_RETURN(std::string text, item.as_string());
    out.push_back(std::move(text));
  }
  return out;
}

// The account a principal ARN stands for: the account root, or the AWS Backup service-linked role
// that does cross-account copies (R30). Other roles and users are not the account.
std::optional<std::string> principal_account(const std::string& principal) {
  if (parse_account_id(principal)) return principal;
  Result<Arn> arn = parse_arn(principal);
  if (!arn || arn->service != "iam" || !parse_account_id(arn->account)) return std::nullopt;
  if (arn->resource == "root" ||
      arn->resource == "role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup") {
    return arn->account;
  }
  return std::nullopt;
}

// What one statement says.
struct Statement {
  bool allow = true;
  bool applies = false;   // its actions include one that matters, and no NotAction/NotPrincipal
  bool everyone = false;  // Principal "*"
  std::set<std::string> accounts;                           // principal accounts
  std::optional<std::set<std::string>> condition_accounts;  // kms:CallerAccount...
  std::optional<std::set<std::string>> condition_orgs;      // aws:PrincipalOrgID
  bool other_conditions = false;  // conditions this reader does not evaluate

  // Who the statement is about: accounts, organizations, or "*".
  std::set<std::string> who() const {
    if (!everyone) return accounts;
    if (condition_accounts) return *condition_accounts;
    if (condition_orgs) return *condition_orgs;
    return {"*"};
  }
};

Status read_principal(const JsonValue& statement, Statement& out) {
  const JsonValue principal = statement["Principal"];
  if (principal.is_string()) {
    if (*principal.as_string() == "*") out.everyone = true;
    return Ok{};
  }
  if (principal.is_missing() || principal.is_null()) return Ok{};
  if (!principal.is_object()) return principal.type_error("\"*\" or an object");
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<std::string> aws, one_or_many(principal["AWS"]));
  for (const std::string& who : aws) {
    if (who == "*") {
      out.everyone = true;
    } else if (std::optional<std::string> account = principal_account(who)) {
      out.accounts.insert(*account);
    }
  }
  return Ok{};
}

Status read_conditions(const JsonValue& statement, Statement& out) {
  const JsonValue condition = statement["Condition"];
  if (condition.is_missing() || condition.is_null()) return Ok{};
  if (!condition.is_object()) return condition.type_error("an object");
  static const std::set<std::string> kPositive = {
      "stringequals", "stringlike", "stringequalsignorecase", "foranyvalue:stringequals",
      "foranyvalue:stringlike"};
  for (const auto& [operation, tests] : condition.members()) {
    if (!tests.is_object()) return tests.type_error("an object");
    const bool positive = kPositive.contains(snapkey::detail::ascii_lower(operation));
    for (const auto& [key, values] : tests.members()) {
      const std::string name = snapkey::detail::ascii_lower(key);
      const bool account_key = name == "kms:calleraccount" || name == "aws:principalaccount";
      const bool org_key = name == "aws:principalorgid";
      if (!positive || (!account_key && !org_key)) {
        out.other_conditions = true;
        continue;
      }
      SNAPKEY_ASSIGN_OR_RETURN(std::vector<std::string> list, one_or_many(values));
      std::set<std::string>& into =
          account_key ? out.condition_accounts.emplace() : out.condition_orgs.emplace();
      for (const std::string& value : list) {
        if (value == "*" ||
            (account_key ? parse_account_id(value).ok() : is_organization_id(value))) {
          into.insert(value);
        }
      }
    }
  }
  return Ok{};
}

Result<Statement> read_statement(const JsonValue& statement,
                                 std::initializer_list<std::string_view> actions,
                                 std::string_view value_error_id) {
  Statement out;
  if (!statement.is_object()) return statement.type_error("an object");
  SNAPKEY_ASSIGN_OR_RETURN(std::string effect, statement.required_string("Effect"));
  if (effect != "Allow" && effect != "Deny") {
    return statement["Effect"].error(std::string(value_error_id),
                                     fmt::format("expected Allow or Deny at {}, found '{}'",
                                                 statement["Effect"].location().pointer, effect));
  }
  out.allow = effect == "Allow";
  if (!statement["NotAction"].is_missing() || !statement["NotPrincipal"].is_missing()) return out;
  SNAPKEY_ASSIGN_OR_RETURN(std::vector<std::string> granted, one_or_many(statement["Action"]));
  out.applies = std::any_of(granted.begin(), granted.end(), [&](const std::string& pattern) {
    return std::any_of(actions.begin(), actions.end(), [&](std::string_view action) {
      return snapkey::detail::glob_match(snapkey::detail::ascii_lower(pattern),
                                         snapkey::detail::ascii_lower(action));
    });
  });
  if (!out.applies) return out;
  SNAPKEY_RETURN_IF_ERROR(read_principal(statement, out));
  SNAPKEY_RETURN_IF_ERROR(read_conditions(statement, out));
  return out;
}

}  // namespace

Result<std::vector<std::string>> policy_principals(std::string_view text,
                                                   std::initializer_list<std::string_view> actions,
                                                   const std::string& owner,
                                                   std::string_view value_error_id) {
  SNAPKEY_ASSIGN_OR_RETURN(auto doc, parse_json(simdjson::padded_string(text), ""));
  const JsonValue root = (doc)->root();
  if (!root.is_object()) return root.type_error("an object");
  const JsonValue statements = root["Statement"];
  if (!statements.is_object() && !statements.is_array()) {
    return statements.error(
        std::string(value_error_id),
        fmt::format("expected a policy document with a Statement object or list, found {}",
                    statements.is_missing() ? "no Statement" : kind_of(statements.element())));
  }
  const std::vector<JsonValue> list =
      statements.is_array() ? statements.items() : std::vector<JsonValue>{statements};
  std::set<std::string> allowed, denied;
  bool deny_all = false;
  for (const JsonValue& item : list) {
    SNAPKEY_ASSIGN_OR_RETURN(Statement statement, read_statement(item, actions, value_error_id));
    if (!statement.applies) continue;
    const std::set<std::string> who = statement.who();
    if (statement.allow) {
      allowed.insert(who.begin(), who.end());
    } else if (!statement.other_conditions) {
      // A Deny with conditions this reader does not evaluate ("everyone outside o-x") is left
      // out rather than read as a Deny for everyone.
      deny_all |= who.contains("*");
      denied.insert(who.begin(), who.end());
    }
  }
  std::vector<std::string> out;
  if (deny_all) return out;
  for (const std::string& who : allowed) {
    if (who != owner && !denied.contains(who)) out.push_back(who);
  }
  return out;
}

}  // namespace snapkey::io::detail
