#include "io/terraform_policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "io/json.hpp"

namespace snapkey::io::terraform {
namespace {

using detail::JsonValue;

Error policy_error(std::string message) {
  return Error{"E_TERRAFORM_VALUE", std::move(message), {}};
}

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// IAM matching: case-insensitive, `*` any run of characters, `?` any one character.
bool matches(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern[0] == '*') {
    for (std::size_t skip = 0; skip <= text.size(); ++skip) {
      if (matches(pattern.substr(1), text.substr(skip))) return true;
    }
    return false;
  }
  if (text.empty()) return false;
  if (pattern[0] != '?' && lower(pattern[0]) != lower(text[0])) return false;
  return matches(pattern.substr(1), text.substr(1));
}

// A string or a list of strings (anything else gives nothing).
std::vector<std::string> strings(const JsonValue& value) {
  std::vector<std::string> out;
  if (value.is_string()) out.push_back(*value.as_string());
  for (const JsonValue& item : value.items()) {
    if (item.is_string()) out.push_back(*item.as_string());
  }
  return out;
}

// The account of "123456789012", "arn:aws:iam::123456789012:root" or a role ARN; "*" stays; ""
// for anything else (services, federated users).
std::string account_of(const std::string& principal) {
  if (principal == "*") return principal;
  const auto digits = [](std::string_view s) {
    return s.size() == 12 && std::all_of(s.begin(), s.end(), [](char c) {
             return std::isdigit(static_cast<unsigned char>(c)) != 0;
           });
  };
  if (digits(principal)) return principal;
  if (principal.starts_with("arn:")) {
    std::size_t start = 0;
    for (int field = 0; field < 4; ++field) start = principal.find(':', start) + 1;
    const std::string account = principal.substr(start, principal.find(':', start) - start);
    if (digits(account)) return account;
  }
  return "";
}

// The values of the conditions that narrow a "*" principal to accounts or organizations.
std::vector<std::string> narrowing(const JsonValue& condition) {
  std::vector<std::string> out;
  for (const auto& [op, tests] : condition.members()) {
    for (const auto& [key, values] : tests.members()) {
      if (matches("aws:PrincipalOrgID", key) || matches("aws:PrincipalAccount", key) ||
          matches("kms:CallerAccount", key)) {
        for (const std::string& v : strings(values)) out.push_back(v);
      }
    }
  }
  return out;
}

std::vector<std::string> principals_of(const JsonValue& statement) {
  const JsonValue principal = statement["Principal"];
  std::vector<std::string> named;
  if (principal.is_string()) {
    named = strings(principal);
  } else {
    named = strings(principal["AWS"]);
  }
  std::vector<std::string> out;
  for (const std::string& p : named) {
    const std::string account = account_of(p);
    if (account != "*") {
      if (!account.empty()) out.push_back(account);
      continue;
    }
    const std::vector<std::string> narrowed = narrowing(statement["Condition"]);
    if (narrowed.empty()) out.push_back("*");
    out.insert(out.end(), narrowed.begin(), narrowed.end());
  }
  return out;
}

bool allows(const JsonValue& statement, std::string_view action) {
  if (!statement.is_object() || statement["Effect"].is_missing()) return false;
  auto effect = statement["Effect"].as_string();
  if (!effect || *effect != "Allow") return false;
  const std::vector<std::string> actions = strings(statement["Action"]);
  return std::any_of(actions.begin(), actions.end(),
                     [&](const std::string& pattern) { return matches(pattern, action); });
}

}  // namespace

Result<std::vector<std::string>> allowed_principals(std::string_view policy,
                                                    std::string_view action,
                                                    const std::string& owner) {
  auto doc = detail::parse_json(simdjson::padded_string(policy), "");
  if (!doc) return policy_error(fmt::format("it is not valid JSON ({})", doc.error().message));
  const JsonValue statements = (*doc)->root()["Statement"];
  std::vector<JsonValue> list;
  if (statements.is_object()) {
    list.push_back(statements);
  } else if (statements.is_array()) {
    list = statements.items();
  } else {
    return policy_error(fmt::format(
        "expected a policy document with a Statement object or list, found {}",
        statements.is_missing() ? "no Statement" : detail::kind_of(statements.element())));
  }
  std::set<std::string> who;
  for (const JsonValue& statement : list) {
    if (!allows(statement, action)) continue;
    for (const std::string& p : principals_of(statement)) {
      if (p != owner) who.insert(p);
    }
  }
  return std::vector<std::string>(who.begin(), who.end());
}

}  // namespace snapkey::io::terraform
