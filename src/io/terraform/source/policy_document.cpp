// data "aws_iam_policy_document": statement blocks to a policy's JSON.
#include "io/terraform/source/policy_document.hpp"

#include <fmt/format.h>

#include <vector>

namespace snapkey::io::terraform::source {
namespace {

using hcl::Value;

Value field(const Value& object, const std::string& name) {
  auto it = object.fields().find(name);
  return it == object.fields().end() ? Value::null() : it->second;
}

// A list of strings as the provider writes it: one alone as a string, several as a list.
std::optional<Value> strings(const Value& list) {
  if (list.is_null()) return std::nullopt;
  if (!list.is_list()) return list;
  if (list.items().empty()) return std::nullopt;
  if (list.items().size() == 1) return list.items()[0];
  return Value::set(list.items());
}

std::optional<Value> principals(const Value& blocks) {
  if (!blocks.is_list() || blocks.items().empty()) return std::nullopt;
  std::map<std::string, std::vector<Value>> by_type;
  for (const Value& block : blocks.items()) {
    const Value type = field(block, "type");
    const Value identifiers = field(block, "identifiers");
    if (!type.is_string() || !identifiers.is_list()) continue;
    auto& into = by_type[type.as_string()];
    into.insert(into.end(), identifiers.items().begin(), identifiers.items().end());
  }
  // "*" for everyone is written as the string, as IAM does.
  if (by_type.size() == 1 && by_type.begin()->first == "*") return Value::string("*");
  std::map<std::string, Value> out;
  for (auto& [type, identifiers] : by_type) out[type] = *strings(Value::list(identifiers));
  return Value::object(std::move(out));
}

std::optional<Value> conditions(const Value& blocks) {
  if (!blocks.is_list() || blocks.items().empty()) return std::nullopt;
  std::map<std::string, std::map<std::string, Value>> by_test;
  for (const Value& block : blocks.items()) {
    const Value test = field(block, "test");
    const Value variable = field(block, "variable");
    if (!test.is_string() || !variable.is_string()) continue;
    by_test[test.as_string()][variable.as_string()] =
        strings(field(block, "values")).value_or(Value::list({}));
  }
  std::map<std::string, Value> out;
  for (auto& [test, variables] : by_test) out[test] = Value::object(variables);
  return Value::object(std::move(out));
}

}  // namespace

Value policy_document_json(const std::map<std::string, Value>& arguments) {
  for (const char* merged :
       {"source_policy_documents", "override_policy_documents", "source_json", "override_json"}) {
    if (auto it = arguments.find(merged); it != arguments.end() && !it->second.is_null()) {
      return Value::unknown(
          fmt::format("the policy document merges {}, which snapkey does not work out", merged));
    }
  }
  const Value all = Value::object(arguments);
  if (const Value* unknown = all.first_unknown()) return Value::unknown(unknown->why());
  std::vector<Value> statements;
  const Value blocks = field(all, "statement");
  for (const Value& block : blocks.is_list() ? blocks.items() : std::vector<Value>{}) {
    std::map<std::string, Value> out;
    const auto put = [&](const char* name, std::optional<Value> value) {
      if (value) out[name] = std::move(*value);
    };
    if (const Value sid = field(block, "sid"); sid.is_string() && !sid.as_string().empty()) {
      out["Sid"] = sid;
    }
    const Value effect = field(block, "effect");
    out["Effect"] = effect.is_string() ? effect : Value::string("Allow");
    put("Action", strings(field(block, "actions")));
    put("NotAction", strings(field(block, "not_actions")));
    put("Resource", strings(field(block, "resources")));
    put("NotResource", strings(field(block, "not_resources")));
    put("Principal", principals(field(block, "principals")));
    put("NotPrincipal", principals(field(block, "not_principals")));
    put("Condition", conditions(field(block, "condition")));
    statements.push_back(Value::object(std::move(out)));
  }
  std::map<std::string, Value> policy{{"Statement", Value::list(std::move(statements))}};
  const Value version = field(all, "version");
  policy["Version"] = version.is_string() ? version : Value::string("2012-10-17");
  return Value::string(Value::object(std::move(policy)).to_json());
}

}  // namespace snapkey::io::terraform::source
