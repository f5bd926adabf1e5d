// Principals of key policies and vault access policies (io/cloudformation/policy.hpp).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
#include "io/cloudformation/policy.hpp"
#include "common/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "io/detail/json.hpp"

namespace snapkey::io::cloudformation {
namespace {

Error not_a_policy(std::string_view found, const Location& where) {
  return Error{"E_CFN_VALUE",
               fmt::format("expected a policy document (a map with Statement, or a JSON string), "
                           "found {}",
                           found),
               where};
}

// IAM action patterns: case-insensitive, `*` and `?` wildcards.
bool action_matches(std::string_view pattern, std::string_view action) {
  std::size_t p = 0, a = 0, star = std::string_view::npos, mark = 0;
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  };
  while (a < action.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || same(pattern[p], action[a]))) {
      ++p;
      ++a;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = a;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      a = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// The values of a string-or-list element; "" in `unknown` when all are literal.
std::vector<std::string> strings(const Value* value, std::string& unknown) {
  std::vector<std::string> out;
  if (value == nullptr) return out;
  std::vector<const Value*> items;
  if (value->kind == Value::Kind::list) {
    for (const Value& item : value->items) items.push_back(&item);
  } else {
    items.push_back(value);
  }
  for (const Value* item : items) {
    if (item->is_literal()) {
      out.push_back(item->text());
    } else if (unknown.empty()) {
      unknown = item->is_unknown()
                    ? item->reason
                    : fmt::format("'{}' is known only when the stack is deployed", item->text());
    }
  }
  return out;
}

bool is_account_id(std::string_view text) {
  return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) != 0;
         });
}

// "arn:aws:iam::222222222222:root" (or any IAM ARN), or "222222222222" -> the account.
std::string account_of_principal(const std::string& principal) {
  if (is_account_id(principal)) return principal;
  auto arn = parse_arn(principal);
  if (arn && (arn->service == "iam" || arn->service == "sts")) return arn->account;
  return principal;
}

// Who the principal "*" is narrowed to by the statement's conditions ({"*"} when not narrowed).
std::vector<std::string> narrowed(const Value* condition, std::string& unknown) {
  std::vector<std::string> out;
  if (condition != nullptr) {
    for (const auto& [operator_name, tests] : condition->members) {
      for (const auto& [key, values] : tests.members) {
        const std::string name = snapkey::detail::ascii_lower(key);
        if (name == "aws:principalorgid" || name == "aws:principalaccount" ||
            name == "kms:calleraccount") {
          for (std::string& who : strings(&values, unknown)) out.push_back(std::move(who));
        }
      }
    }
  }
  if (out.empty()) out.push_back("*");
  return out;
}

void read_statement(const Value& statement, std::string_view action, std::set<std::string>& who,
                    std::string& unknown) {
  if (statement.is_unknown() && unknown.empty()) unknown = statement.reason;
  const Value* effect = statement.find("Effect");
  if (effect == nullptr || !effect->is_literal() || effect->text() != "Allow") return;
  std::string action_unknown;
  const std::vector<std::string> actions = strings(statement.find("Action"), action_unknown);
  const bool matches = std::any_of(actions.begin(), actions.end(),
                                   [&](const std::string& p) { return action_matches(p, action); });
  if (!matches) {
    if (!action_unknown.empty() && unknown.empty()) unknown = action_unknown;
    return;
  }
  const Value* principal = statement.find("Principal");
  if (principal == nullptr) return;
  std::vector<std::string> principals;
  if (principal->is_text()) {
    principals = strings(principal, unknown);  // "*"
  } else {
    principals = strings(principal->find("AWS"), unknown);
  }
  for (const std::string& p : principals) {
    if (p == "*") {
      for (std::string& narrowed_to : narrowed(statement.find("Condition"), unknown))
        who.insert(std::move(narrowed_to));
    } else {
      who.insert(account_of_principal(p));
    }
  }
}

// A policy given as a JSON string, as a map.
Result<Value> parse_policy(Evaluator& eval, std::size_t stack, const Value& text) {
  auto doc = detail::parse_json(simdjson::padded_string(text.text()), text.location.file);
  if (!doc) {
    return Error{"E_CFN_VALUE",
                 fmt::format("expected a policy document, found a string that is not valid JSON "
                             "({})",
                             doc.error().message),
                 text.location};
  }
  return eval.eval(stack, from_json((*doc)->root()));
}

}  // namespace

Result<Principals> policy_principals(Evaluator& eval, std::size_t stack, const Value& policy,
                                     std::string_view action, const std::string& own_account) {
  Principals out;
  if (policy.is_unknown()) {
    out.unknown = policy.reason;
    return out;
  }
  Value document = policy;
  if (policy.is_literal()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto parsed, parse_policy(eval, stack, policy));
    document = std::move(parsed);
    document.location = policy.location;
  } else if (policy.is_text()) {
    out.unknown =
        fmt::format("the policy '{}' is known only when the stack is deployed", policy.text());
    return out;
  }
  if (document.kind != Value::Kind::map) return not_a_policy(document.kind_name(), policy.location);
  const Value* statements = document.find("Statement");
  if (statements == nullptr) return not_a_policy("a map without Statement", policy.location);
  std::set<std::string> who;
  if (statements->kind == Value::Kind::list) {
    for (const Value& statement : statements->items)
      read_statement(statement, action, who, out.unknown);
  } else {
    read_statement(*statements, action, who, out.unknown);
  }
  who.erase(own_account);
  out.accounts.assign(who.begin(), who.end());
  return out;
}

}  // namespace snapkey::io::cloudformation
