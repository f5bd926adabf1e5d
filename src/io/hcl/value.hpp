// Private to snapkey::io: a value of the Terraform language as far as it can be known without a
// plan: null, a bool, a number, a string, a list (tuples and sets too), an object (maps too) —
// or unknown, with the reason. A value that came from a resource instance's attribute remembers
// which (`origin`), as a plan's `references` do.
//
//   Value name = Value::string("payments");
//   Value arn = Value::unknown("aws_kms_key.data.arn is known only after apply");
//   if (arn.is_unknown()) report(arn.why());
#ifndef SNAPKEY_SRC_IO_HCL_VALUE_HPP
#define SNAPKEY_SRC_IO_HCL_VALUE_HPP

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace snapkey::io::hcl {

// The resource instance and attribute a value comes from ("" = the whole instance).
struct Origin {
  std::string instance;  // its address: module.dr["us-east-1"].aws_backup_vault.this
  std::string attribute;
};

class Value {
 public:
  enum class Type { null, boolean, number, string, list, object, unknown };

  Value() = default;
  static Value null() { return Value(); }
  static Value boolean(bool b);
  static Value number(double n);
  static Value string(std::string s);
  static Value list(std::vector<Value> items);
  // A set: a list without duplicates, in Terraform's order (strings sorted).
  static Value set(std::vector<Value> items);
  static Value object(std::map<std::string, Value> fields);
  static Value unknown(std::string why);
  // A resource instance: its configured arguments, and every other attribute known only after
  // apply (asking for one gives an unknown value whose origin is the instance's attribute).
  static Value instance(std::map<std::string, Value> fields, std::string address);

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::null; }
  bool is_unknown() const { return type_ == Type::unknown; }
  bool is_string() const { return type_ == Type::string; }
  bool is_list() const { return type_ == Type::list; }
  bool is_object() const { return type_ == Type::object; }
  // Known all the way down (no unknown element or member).
  bool wholly_known() const;
  // The first unknown inside (itself, an element, a member), or nullptr.
  const Value* first_unknown() const;

  bool as_bool() const { return boolean_; }
  double as_number() const { return number_; }
  const std::string& as_string() const { return text_; }
  const std::vector<Value>& items() const { return items_; }
  const std::map<std::string, Value>& fields() const { return fields_; }
  const std::string& why() const { return text_; }
  const Origin* origin() const { return origin_.get(); }
  // The instance this object stands for, when it is one.
  const std::string* instance_address() const { return open_ ? &open_->instance : nullptr; }

  // A member of an object: the field, or for an instance an attribute known only after apply;
  // nullptr when there is none.
  std::optional<Value> member(const std::string& name) const;

  Value with_origin(Origin origin) const;
  Value without_origin() const;

  // The value as Terraform's JSON encoding writes it (jsonencode); unknowns as null.
  std::string to_json() const;
  // A string, number or bool as text (Terraform's automatic conversion to string); nullopt for
  // anything else.
  std::optional<std::string> to_text() const;
  // How messages show a known value: "eu-west-1", 3, true, a list of 2, an object.
  std::string describe() const;

  friend bool operator==(const Value& a, const Value& b);

 private:
  Type type_ = Type::null;
  bool boolean_ = false;
  double number_ = 0;
  std::string text_;  // a string's value, or an unknown's why
  std::vector<Value> items_;
  std::map<std::string, Value> fields_;
  std::shared_ptr<const Origin> origin_;
  std::shared_ptr<const Origin> open_;  // instances: attributes not in fields_ are unknown
};

// The type name Terraform's messages use: string, number, bool, list, object, null.
std::string type_name(Value::Type type);

}  // namespace snapkey::io::hcl

#endif  // SNAPKEY_SRC_IO_HCL_VALUE_HPP
