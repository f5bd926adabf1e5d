// Values of the Terraform language, known or not.
#include "io/hcl/value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/strings.hpp"

namespace snapkey::io::hcl {

Value Value::boolean(bool b) {
  Value v;
  v.type_ = Type::boolean;
  v.boolean_ = b;
  return v;
}

Value Value::number(double n) {
  Value v;
  v.type_ = Type::number;
  v.number_ = n;
  return v;
}

Value Value::string(std::string s) {
  Value v;
  v.type_ = Type::string;
  v.text_ = std::move(s);
  return v;
}

Value Value::list(std::vector<Value> items) {
  Value v;
  v.type_ = Type::list;
  v.items_ = std::move(items);
  return v;
}

Value Value::set(std::vector<Value> items) {
  std::vector<Value> out;
  for (Value& item : items) {
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(std::move(item));
  }
  // Terraform orders a set of strings lexically (and numbers by value) when it iterates.
  std::stable_sort(out.begin(), out.end(), [](const Value& a, const Value& b) {
    if (a.type_ != b.type_) return false;
    if (a.type_ == Type::string) return a.text_ < b.text_;
    if (a.type_ == Type::number) return a.number_ < b.number_;
    return false;
  });
  return list(std::move(out));
}

Value Value::object(std::map<std::string, Value> fields) {
  Value v;
  v.type_ = Type::object;
  v.fields_ = std::move(fields);
  return v;
}

Value Value::unknown(std::string why) {
  Value v;
  v.type_ = Type::unknown;
  v.text_ = std::move(why);
  return v;
}

Value Value::instance(std::map<std::string, Value> fields, std::string address) {
  Value v = object(std::move(fields));
  v.open_ = std::make_shared<const Origin>(Origin{address, ""});
  v.origin_ = v.open_;
  return v;
}

bool Value::wholly_known() const { return first_unknown() == nullptr; }

const Value* Value::first_unknown() const {
  if (type_ == Type::unknown) return this;
  for (const Value& item : items_) {
    if (const Value* u = item.first_unknown()) return u;
  }
  for (const auto& [name, field] : fields_) {
    if (const Value* u = field.first_unknown()) return u;
  }
  return nullptr;
}

std::optional<Value> Value::member(const std::string& name) const {
  if (type_ != Type::object) return std::nullopt;
  if (auto it = fields_.find(name); it != fields_.end()) {
    // An instance's argument, like a plan's reference, says where it comes from.
    return open_ ? it->second.with_origin(Origin{open_->instance, name}) : it->second;
  }
  if (!open_) return std::nullopt;
  return unknown(fmt::format("{}.{} is known only after apply", open_->instance, name))
      .with_origin(Origin{open_->instance, name});
}

Value Value::with_origin(Origin origin) const {
  Value v = *this;
  v.origin_ = std::make_shared<const Origin>(std::move(origin));
  return v;
}

Value Value::without_origin() const {
  Value v = *this;
  v.origin_.reset();
  return v;
}

namespace {

std::string number_text(double n) {
  if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) {
    return fmt::format("{}", static_cast<long long>(n));
  }
  return fmt::format("{}", n);
}

}  // namespace

std::string Value::to_json() const {
  switch (type_) {
    case Type::null:
    case Type::unknown:
      return "null";
    case Type::boolean:
      return boolean_ ? "true" : "false";
    case Type::number:
      return number_text(number_);
    case Type::string:
      return snapkey::detail::json_quote(text_);
    case Type::list: {
      std::string out = "[";
      for (const Value& item : items_) snapkey::detail::json_append(out, item.to_json());
      return out + "]";
    }
    case Type::object: {
      std::string out = "{";
      for (const auto& [name, field] : fields_) {
        snapkey::detail::json_append(out, name, field.to_json());
      }
      return out + "}";
    }
  }
  return "null";
}

std::optional<std::string> Value::to_text() const {
  switch (type_) {
    case Type::string:
      return text_;
    case Type::number:
      return number_text(number_);
    case Type::boolean:
      return std::string(boolean_ ? "true" : "false");
    default:
      return std::nullopt;
  }
}

std::string Value::describe() const {
  switch (type_) {
    case Type::string:
      return fmt::format("\"{}\"", text_);
    case Type::list:
      return fmt::format("a list of {}", items_.size());
    case Type::object:
      return "an object";
    case Type::unknown:
      return "an unknown value";
    default:
      return to_text().value_or("null");
  }
}

bool operator==(const Value& a, const Value& b) {
  if (a.type_ != b.type_) return false;
  switch (a.type_) {
    case Value::Type::null:
      return true;
    case Value::Type::boolean:
      return a.boolean_ == b.boolean_;
    case Value::Type::number:
      return a.number_ == b.number_;
    case Value::Type::string:
    case Value::Type::unknown:
      return a.text_ == b.text_;
    case Value::Type::list:
      return a.items_ == b.items_;
    case Value::Type::object:
      return a.fields_ == b.fields_;
  }
  return false;
}

std::string type_name(Value::Type type) {
  switch (type) {
    case Value::Type::null:
      return "null";
    case Value::Type::boolean:
      return "bool";
    case Value::Type::number:
      return "number";
    case Value::Type::string:
      return "string";
    case Value::Type::list:
      return "list";
    case Value::Type::object:
      return "object";
    case Value::Type::unknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace snapkey::io::hcl
