// Evaluating HCL expressions: references through the Context, the rest here (functions in
// functions.cpp).
#include "io/hcl/eval.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "io/detail/depth.hpp"
#include "io/hcl/functions.hpp"

namespace snapkey::io::hcl {
namespace {

using Kind = Expression::Kind;

// An unknown derived from `from`: it says why `from` is unknown, but is no attribute itself.
Value derived(const Value& from) { return Value::unknown(from.why()); }

std::optional<double> parse_number(const std::string& text) {
  double out = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return out;
}

// The steps of a reference (a.b["c"].d) back to its root variable, or nullopt when it does not
// start at one (f(x).a, [1][0], a.*.b).
bool chain_of(const Expression& e, std::vector<const Expression*>& chain) {
  if (e.kind == Kind::variable) {
    chain.push_back(&e);
    return true;
  }
  if (e.kind != Kind::get_attr && e.kind != Kind::index) return false;
  if (!chain_of(*e.parts[0], chain)) return false;
  chain.push_back(&e);
  return true;
}

}  // namespace

Location Evaluator::location(const Expression& at) const {
  return Location{file_, at.at.line, at.at.column, ""};
}

Error Evaluator::error(const Expression& at, std::string message) const {
  return Error{"E_TERRAFORM_EXPRESSION", std::move(message), location(at)};
}

Result<Value> Evaluator::evaluate(const Expression& e) {
  // One level of a recursion that references continue through other evaluators (local.a refers
  // to local.b...): the syntax tree bounds an expression's depth, nothing bounds a chain.
  const detail::DepthGuard level;
  if (level.too_deep()) {
    return detail::too_deep("expressions and the values they refer to", location(e));
  }
  switch (e.kind) {
    case Kind::literal:
      switch (e.literal) {
        case Expression::Literal::boolean:
          return Value::boolean(e.name == "true");
        case Expression::Literal::number: {
          auto number = parse_number(e.name);
          if (!number) return error(e, fmt::format("expected a number, found '{}'", e.name));
          return Value::number(*number);
        }
        case Expression::Literal::string:
          return Value::string(e.name);
        default:
          return Value::null();
      }
    case Kind::template_string:
      return template_string(e);
    case Kind::variable:
    case Kind::get_attr:
      return reference(e);
    case Kind::index:
      return index(e);
    case Kind::splat:
      return splat(e);
    case Kind::call:
      return call(e);
    case Kind::tuple:
      return tuple(e);
    case Kind::object:
      return object(e);
    case Kind::conditional:
      return conditional(e);
    case Kind::unary:
      return unary(e);
    case Kind::binary:
      return binary(e);
    case Kind::for_tuple:
    case Kind::for_object:
      return for_expression(e);
    case Kind::directive:
      return Value::unknown(fmt::format("the template directive '{}' at {} is not evaluated",
                                        e.source, location(e).to_string()));
  }
  return Value::null();
}

// A reference: the local names of for expressions and splats first, then count and each, then
// whatever the context knows.
Result<Value> Evaluator::reference(const Expression& e) {
  std::vector<const Expression*> chain;
  if (!chain_of(e, chain)) {
    SNAPKEY_ASSIGN_OR_RETURN(auto base, evaluate(*e.parts[0]));
    return step(base, Step{e.name, std::nullopt}, e);
  }
  std::vector<Step> steps;
  for (std::size_t i = 1; i < chain.size(); ++i) {
    const Expression& link = *chain[i];
    if (link.kind == Kind::get_attr) {
      steps.push_back(Step{link.name, std::nullopt});
    } else {
      SNAPKEY_ASSIGN_OR_RETURN(auto key, evaluate(*link.parts[1]));
      if (key.is_unknown()) return derived(key);
      steps.push_back(Step{"", std::move(key)});
    }
  }
  const std::string& root = chain[0]->name;
  Context::Resolution resolved;
  bool found = false;
  for (auto scope = scopes_.rbegin(); scope != scopes_.rend() && !found; ++scope) {
    if (auto it = scope->find(root); it != scope->end()) {
      resolved = {it->second, 0};
      found = true;
    }
  }
  if (!found) {
    if (auto it = bound_.find(root); it != bound_.end()) {
      resolved = {it->second, 0};
    } else if (root == "count" || root == "each") {
      return Error{"E_TERRAFORM_REFERENCE",
                   fmt::format("expected {} only in a block that sets {}, found '{}'", root,
                               root == "count" ? "count" : "for_each", e.source),
                   location(e)};
    } else {
      SNAPKEY_ASSIGN_OR_RETURN(resolved, context_.reference(root, steps, e));
    }
  }
  Value value = std::move(resolved.value);
  for (std::size_t i = resolved.used; i < steps.size(); ++i) {
    SNAPKEY_ASSIGN_OR_RETURN(value, step(value, steps[i], *chain[i + 1]));
  }
  return value;
}

Result<Value> Evaluator::step(const Value& base, const Step& s, const Expression& at) {
  if (base.is_unknown()) return base.origin() ? derived(base) : base;
  if (!s.key) {
    if (auto member = base.member(s.name)) return *member;
    if (base.is_object()) {
      return error(at, fmt::format("expected an attribute '{}' in {}, found none", s.name,
                                   at.parts.empty() ? at.source : at.parts[0]->source));
    }
    return error(at, fmt::format("expected an object for '.{}' in {}, found {}", s.name, at.source,
                                 type_name(base.type())));
  }
  const Value& key = *s.key;
  if (base.is_list()) {
    if (key.type() != Value::Type::number) {
      return error(
          at, fmt::format("expected a number to index {}, found {}", at.source, key.describe()));
    }
    const double n = key.as_number();
    if (n < 0 || n != std::floor(n) || n >= static_cast<double>(base.items().size())) {
      return error(at, fmt::format("expected an index below {} in {}, found {}",
                                   base.items().size(), at.source, key.describe()));
    }
    return base.items()[static_cast<std::size_t>(n)];
  }
  if (base.is_object()) {
    auto name = key.to_text();
    if (!name) {
      return error(
          at, fmt::format("expected a string to index {}, found {}", at.source, key.describe()));
    }
    if (auto it = base.fields().find(*name); it != base.fields().end()) return it->second;
    return error(at, fmt::format("expected a key \"{}\" in {}, found none", *name, at.source));
  }
  return error(at, fmt::format("expected a list or a map to index in {}, found {}", at.source,
                               type_name(base.type())));
}

Result<Value> Evaluator::index(const Expression& e) {
  std::vector<const Expression*> chain;
  if (chain_of(e, chain)) return reference(e);
  SNAPKEY_ASSIGN_OR_RETURN(auto base, evaluate(*e.parts[0]));
  SNAPKEY_ASSIGN_OR_RETURN(auto key, evaluate(*e.parts[1]));
  if (key.is_unknown()) return derived(key);
  return step(base, Step{"", std::move(key)}, e);
}

// a[*].b and a.*.b: the chain after the splat applied to each element; a value that is no list
// is a list of one, and null a list of none.
Result<Value> Evaluator::splat(const Expression& e) {
  SNAPKEY_ASSIGN_OR_RETURN(auto base, evaluate(*e.parts[0]));
  if (base.is_unknown()) return derived(base);
  std::vector<Value> elements;
  if (base.is_list()) {
    elements = base.items();
  } else if (!base.is_null()) {
    elements.push_back(base);
  }
  std::vector<Value> out;
  for (Value& element : elements) {
    scopes_.push_back({{"", std::move(element)}});
    auto each = evaluate(*e.parts[1]);
    scopes_.pop_back();
    if (!each) return each.error();
    out.push_back(std::move(*each));
  }
  return Value::list(std::move(out));
}

Result<Value> Evaluator::template_string(const Expression& e) {
  // "${x}" alone is x itself, of whatever type, and keeps where it came from.
  if (e.parts.size() == 1 && e.parts[0]->kind != Kind::literal) return evaluate(*e.parts[0]);
  std::string out;
  for (const ExpressionPtr& part : e.parts) {
    SNAPKEY_ASSIGN_OR_RETURN(auto value, evaluate(*part));
    if (value.is_unknown()) return derived(value);
    auto text = value.to_text();
    if (!text) {
      return error(*part, fmt::format("expected a string, number or bool in the template {}, "
                                      "found {}",
                                      e.source, type_name(value.type())));
    }
    out += *text;
  }
  return Value::string(std::move(out));
}

Result<Value> Evaluator::tuple(const Expression& e) {
  std::vector<Value> items;
  for (const ExpressionPtr& part : e.parts) {
    SNAPKEY_ASSIGN_OR_RETURN(auto value, evaluate(*part));
    items.push_back(std::move(value));
  }
  return Value::list(std::move(items));
}

Result<Value> Evaluator::object(const Expression& e) {
  std::map<std::string, Value> fields;
  for (std::size_t i = 0; i + 1 < e.parts.size(); i += 2) {
    SNAPKEY_ASSIGN_OR_RETURN(auto key, evaluate(*e.parts[i]));
    if (key.is_unknown()) return derived(key);
    auto name = key.to_text();
    if (!name) {
      return error(*e.parts[i], fmt::format("expected a string as an object key, found {}",
                                            type_name(key.type())));
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto value, evaluate(*e.parts[i + 1]));
    fields[*name] = std::move(value);
  }
  return Value::object(std::move(fields));
}

Result<bool> Evaluator::condition(const Value& value, const Expression& at) {
  if (value.type() == Value::Type::boolean) return value.as_bool();
  if (value.is_string() && (value.as_string() == "true" || value.as_string() == "false")) {
    return value.as_string() == "true";
  }
  return error(at, fmt::format("expected a bool in {}, found {}", at.source, value.describe()));
}

// Only the branch taken is evaluated: `var.create ? aws_kms_key.k[0].arn : null` is fine when
// there is no key.
Result<Value> Evaluator::conditional(const Expression& e) {
  SNAPKEY_ASSIGN_OR_RETURN(auto test, evaluate(*e.parts[0]));
  if (test.is_unknown()) return derived(test);
  SNAPKEY_ASSIGN_OR_RETURN(auto taken, condition(test, *e.parts[0]));
  return evaluate(*e.parts[taken ? 1 : 2]);
}

Result<Value> Evaluator::unary(const Expression& e) {
  SNAPKEY_ASSIGN_OR_RETURN(auto operand, evaluate(*e.parts[0]));
  if (operand.is_unknown()) return derived(operand);
  if (e.name == "!") {
    SNAPKEY_ASSIGN_OR_RETURN(auto b, condition(operand, *e.parts[0]));
    return Value::boolean(!b);
  }
  auto number = convert(operand, "number");
  if (!number) {
    return error(e, fmt::format("expected a number in {}, found {}", e.source, operand.describe()));
  }
  return Value::number(-number->as_number());
}

Result<Value> Evaluator::binary(const Expression& e) {
  const std::string& op = e.name;
  SNAPKEY_ASSIGN_OR_RETURN(auto left, evaluate(*e.parts[0]));
  // && and || stop early, as Terraform 1.x does not, but the answer is the same when known.
  if (op == "&&" || op == "||") {
    if (!left.is_unknown()) {
      SNAPKEY_ASSIGN_OR_RETURN(auto l, condition(left, *e.parts[0]));
      if (op == "&&" && !l) return Value::boolean(false);
      if (op == "||" && l) return Value::boolean(true);
    }
    SNAPKEY_ASSIGN_OR_RETURN(auto right, evaluate(*e.parts[1]));
    if (left.is_unknown()) return derived(left);
    if (right.is_unknown()) return derived(right);
    SNAPKEY_ASSIGN_OR_RETURN(auto r, condition(right, *e.parts[1]));
    return Value::boolean(r);
  }
  SNAPKEY_ASSIGN_OR_RETURN(auto right, evaluate(*e.parts[1]));
  if (left.is_unknown()) return derived(left);
  if (right.is_unknown()) return derived(right);
  if (op == "==" || op == "!=") {
    const Value l = left.without_origin();
    const Value r = right.without_origin();
    return Value::boolean((l == r) == (op == "=="));
  }
  auto a = convert(left, "number");
  auto b = convert(right, "number");
  if (!a || !b) {
    return error(e, fmt::format("expected numbers on both sides of '{}' in {}, found {} and {}", op,
                                e.source, left.describe(), right.describe()));
  }
  const double x = a->as_number();
  const double y = b->as_number();
  if (op == "+") return Value::number(x + y);
  if (op == "-") return Value::number(x - y);
  if (op == "*") return Value::number(x * y);
  if (op == "/" || op == "%") {
    if (y == 0) return error(e, fmt::format("expected a divisor other than 0 in {}", e.source));
    return Value::number(op == "/" ? x / y : std::fmod(x, y));
  }
  if (op == "<") return Value::boolean(x < y);
  if (op == ">") return Value::boolean(x > y);
  if (op == "<=") return Value::boolean(x <= y);
  if (op == ">=") return Value::boolean(x >= y);
  return error(e, fmt::format("expected a known operator in {}, found '{}'", e.source, op));
}

Result<Value> Evaluator::for_expression(const Expression& e) {
  const bool to_object = e.kind == Kind::for_object;
  SNAPKEY_ASSIGN_OR_RETURN(auto collection, evaluate(*e.parts[0]));
  if (collection.is_unknown()) return derived(collection);
  std::vector<std::pair<Value, Value>> elements;  // key (index or name), value
  if (collection.is_list()) {
    for (std::size_t i = 0; i < collection.items().size(); ++i) {
      elements.emplace_back(Value::number(static_cast<double>(i)), collection.items()[i]);
    }
  } else if (collection.is_object()) {
    for (const auto& [name, value] : collection.fields()) {
      elements.emplace_back(Value::string(name), value);
    }
  } else {
    return error(*e.parts[0], fmt::format("expected a list, set or map to iterate in {}, found {}",
                                          e.source, type_name(collection.type())));
  }
  const std::size_t condition_part = to_object ? 3 : 2;
  std::vector<Value> items;
  std::map<std::string, Value> fields;
  std::map<std::string, std::vector<Value>> groups;  // for_object with ...
  for (auto& [key, value] : elements) {
    std::map<std::string, Value> names{{e.value_var, value}};
    if (!e.key_var.empty()) names[e.key_var] = key;
    scopes_.push_back(std::move(names));
    auto result = [&]() -> Result<std::optional<Value>> {
      if (e.has_condition) {
        SNAPKEY_ASSIGN_OR_RETURN(auto test, evaluate(*e.parts[condition_part]));
        if (test.is_unknown()) return std::optional<Value>(derived(test));
        SNAPKEY_ASSIGN_OR_RETURN(auto keep, condition(test, *e.parts[condition_part]));
        if (!keep) return std::optional<Value>();
      }
      if (!to_object) {
        SNAPKEY_ASSIGN_OR_RETURN(auto item, evaluate(*e.parts[1]));
        items.push_back(std::move(item));
        return std::optional<Value>();
      }
      SNAPKEY_ASSIGN_OR_RETURN(auto name, evaluate(*e.parts[1]));
      if (name.is_unknown()) return std::optional<Value>(derived(name));
      SNAPKEY_ASSIGN_OR_RETURN(auto item, evaluate(*e.parts[2]));
      auto text = name.to_text();
      if (!text) {
        return error(*e.parts[1], fmt::format("expected a string as an object key, found {}",
                                              type_name(name.type())));
      }
      if (e.expand) {
        groups[*text].push_back(std::move(item));
      } else if (!fields.emplace(*text, std::move(item)).second) {
        return error(*e.parts[1], fmt::format("expected each key once in {} (or ... to group "
                                              "them), found \"{}\" again",
                                              e.source, *text));
      }
      return std::optional<Value>();
    }();
    scopes_.pop_back();
    if (!result) return result.error();
    if (*result) return **result;  // an unknown that makes the whole result unknown
  }
  if (!to_object) return Value::list(std::move(items));
  for (auto& [name, group] : groups) fields[name] = Value::list(std::move(group));
  return Value::object(std::move(fields));
}

Result<Value> Evaluator::call(const Expression& e) { return Functions(*this).call(e); }

std::optional<Value> convert(const Value& value, std::string_view type) {
  if (value.is_unknown() || value.is_null()) return value;
  if (type == "string") {
    if (value.is_string()) return value;
    auto text = value.to_text();
    if (!text) return std::nullopt;
    return Value::string(*text);
  }
  if (type == "number") {
    if (value.type() == Value::Type::number) return value;
    if (!value.is_string()) return std::nullopt;
    auto number = parse_number(value.as_string());
    if (!number) return std::nullopt;
    return Value::number(*number);
  }
  if (type == "bool") {
    if (value.type() == Value::Type::boolean) return value;
    if (value.is_string() && (value.as_string() == "true" || value.as_string() == "false")) {
      return Value::boolean(value.as_string() == "true");
    }
    return std::nullopt;
  }
  for (std::string_view collection : {"list(", "set(", "map("}) {
    if (!type.starts_with(collection) || !type.ends_with(")")) continue;
    const std::string_view element =
        type.substr(collection.size(), type.size() - collection.size() - 1);
    if (collection == "map(") {
      if (!value.is_object()) return std::nullopt;
      std::map<std::string, Value> fields;
      for (const auto& [name, field] : value.fields()) {
        auto converted = convert(field, element);
        if (!converted) return std::nullopt;
        fields[name] = *converted;
      }
      return Value::object(std::move(fields));
    }
    if (!value.is_list()) return std::nullopt;
    std::vector<Value> items;
    for (const Value& item : value.items()) {
      auto converted = convert(item, element);
      if (!converted) return std::nullopt;
      items.push_back(*converted);
    }
    return collection == "set(" ? Value::set(std::move(items)) : Value::list(std::move(items));
  }
  return value;
}

}  // namespace snapkey::io::hcl
