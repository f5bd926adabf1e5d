// Conditions, Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or (io/cloudformation/eval.hpp).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html
#include <fmt/format.h>

#include <algorithm>

#include "io/cloudformation/eval.hpp"

namespace snapkey::io::cloudformation {
namespace {

bool equal(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  if (a.is_text()) return a.text() == b.text();
  if (a.kind != Value::Kind::list || a.items.size() != b.items.size()) return a.is_absent();
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!equal(a.items[i], b.items[i])) return false;
  }
  return true;
}

// True when the value holds no symbol and nothing unknown, so it can be compared.
bool comparable(const Value& value) {
  if (value.is_unknown()) return false;
  if (value.is_text()) return value.is_literal();
  return std::all_of(value.items.begin(), value.items.end(), comparable);
}

}  // namespace

// --- Conditions ------------------------------------------------------------------------------

Result<Condition> Evaluator::condition(std::size_t stack, const std::string& name,
                                       const Location& where) {
  const auto memo = conditions_.find({stack, name});
  if (memo != conditions_.end()) return memo->second;
  const Stack& s = stacks_[stack];
  const Node* conditions = s.section("Conditions");
  const Node* node = conditions == nullptr ? nullptr : conditions->find(name);
  if (node == nullptr) {
    return value_error(
        fmt::format("condition '{}' is not defined in the Conditions of {}", name, s.file), where);
  }
  if (Status entered = enter(fmt::format("condition {} {}", stack, name),
                             fmt::format("condition {}", name), node->location);
      !entered) {
    return entered.error();
  }
  auto result = condition_of(stack, *node);
  leave();
  if (!result) return result;
  if (result->truth == Truth::unknown) {
    result->reason = fmt::format("condition {} is not known: {}", name, result->reason);
  }
  conditions_.emplace(std::make_pair(stack, name), *result);
  return result;
}

Result<Condition> Evaluator::condition_of(std::size_t stack, const Node& node) {
  if (!node.is_map() || node.members.size() != 1) {
    return value_error(fmt::format("expected a condition (Fn::Equals, Fn::Not, Fn::And, Fn::Or "
                                   "or Condition), found {}",
                                   node.kind_name()),
                       node.location);
  }
  const std::string& name = node.members.front().key;
  const Node& arg = node.members.front().value;
  if (name == "Condition") {
    if (!arg.is_scalar()) {
      return value_error(
          fmt::format("Condition expects the name of a condition, found {}", arg.kind_name()),
          node.location);
    }
    return condition(stack, arg.text, node.location);
  }
  if (name == "Fn::Equals") return equals(stack, arg, node.location);
  const bool logical = name == "Fn::Not" || name == "Fn::And" || name == "Fn::Or";
  if (!logical) {
    return value_error(fmt::format("expected a condition (Fn::Equals, Fn::Not, Fn::And, Fn::Or or "
                                   "Condition), found {}",
                                   name),
                       node.location);
  }
  const bool one = name == "Fn::Not";
  if (!arg.is_list() || (one ? arg.items.size() != 1 : arg.items.size() < 2)) {
    return value_error(fmt::format("{} expects a list of {} conditions, found {}", name,
                                   one ? "one" : "two or more", arg.kind_name()),
                       node.location);
  }
  std::vector<Condition> parts;
  for (const Node& item : arg.items) {
    auto part = condition_of(stack, item);
    if (!part) return part;
    parts.push_back(std::move(part).value());
  }
  auto has = [&](Truth truth) {
    return std::find_if(parts.begin(), parts.end(),
                        [&](const Condition& c) { return c.truth == truth; });
  };
  if (one) {
    Condition out = parts.front();
    if (out.truth != Truth::unknown) out.truth = out.truth == Truth::yes ? Truth::no : Truth::yes;
    return out;
  }
  const Truth decisive = name == "Fn::And" ? Truth::no : Truth::yes;
  if (has(decisive) != parts.end()) return Condition{decisive, ""};
  if (auto unknown = has(Truth::unknown); unknown != parts.end()) return *unknown;
  return Condition{decisive == Truth::no ? Truth::yes : Truth::no, ""};
}

Result<Condition> Evaluator::equals(std::size_t stack, const Node& arg, const Location& where) {
  if (!arg.is_list() || arg.items.size() != 2) {
    return value_error(fmt::format("Fn::Equals expects [value, value], found {}", arg.kind_name()),
                       where);
  }
  std::vector<Value> sides;
  for (const Node& item : arg.items) {
    SNAPKEY_ASSIGN_OR_RETURN(auto value, eval(stack, item));
    sides.push_back(std::move(value));
  }
  for (const Value& side : sides) {
    if (side.is_unknown()) return Condition{Truth::unknown, side.reason};
    if (!comparable(side)) {
      return Condition{Truth::unknown,
                       fmt::format("Fn::Equals compares '{}', known only when the stack is "
                                   "deployed",
                                   side.text())};
    }
  }
  return Condition{equal(sides[0], sides[1]) ? Truth::yes : Truth::no, ""};
}

Result<Value> Evaluator::if_(std::size_t stack, const Node& arg, const Location& where) {
  if (!arg.is_list() || arg.items.size() != 3 || !arg.items[0].is_scalar()) {
    return value_error(fmt::format("Fn::If expects [condition, value if true, value if false], "
                                   "found {}",
                                   arg.kind_name()),
                       where);
  }
  auto truth = condition(stack, arg.items[0].text, where);
  if (!truth) return truth.error();
  if (truth->truth == Truth::unknown) return Value::unknown(truth->reason, where);
  return eval(stack, arg.items[truth->truth == Truth::yes ? 1 : 2]);
}

}  // namespace snapkey::io::cloudformation
