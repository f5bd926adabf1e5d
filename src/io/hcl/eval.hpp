// Private to snapkey::io: evaluating HCL expressions as Terraform does, as far as the values are
// known without a plan. References (var.x, aws_kms_key.k.arn, module.m.out) are the Context's to
// answer; operators, conditionals, templates, for expressions, splats and the functions that
// backup and key configurations use are evaluated here. What cannot be known is an unknown Value
// that says why, never a guess.
//
//   class Module : public hcl::Context { ... };        // answers var., local., resources ...
//   hcl::Evaluator evaluator(module, "main.tf");
//   Result<hcl::Value> name = evaluator.evaluate(*attribute.value);
#ifndef SNAPKEY_SRC_IO_HCL_EVAL_HPP
#define SNAPKEY_SRC_IO_HCL_EVAL_HPP

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/hcl/syntax.hpp"
#include "io/hcl/value.hpp"
#include "snapkey/result.hpp"

namespace snapkey::io::hcl {

// One step of a reference after its root name: `.name`, or `[key]` with the key evaluated.
struct Step {
  std::string name;          // .name; empty for [key]
  std::optional<Value> key;  // [key]
};

class Context {
 public:
  virtual ~Context() = default;

  // What a reference stands for, and how many of its steps that took (the rest are applied to
  // the value as to any other): var.region uses one step, aws_kms_key.k two or three.
  struct Resolution {
    Value value;
    std::size_t used = 0;
  };
  // Errors: E_TERRAFORM_REFERENCE (nothing of that name is declared), or what evaluating the
  // thing referred to gives.
  virtual Result<Resolution> reference(const std::string& root, const std::vector<Step>& steps,
                                       const Expression& where) = 0;
};

class Evaluator {
 public:
  Evaluator(Context& context, std::string file) : context_(context), file_(std::move(file)) {}

  // Errors: E_TERRAFORM_EXPRESSION (what Terraform itself would refuse: a wrong type, a missing
  // key, an index out of range, a function called wrongly), E_TERRAFORM_REFERENCE.
  Result<Value> evaluate(const Expression& expression);

  // count.index, each.key and each.value (or none), for the block being evaluated.
  void bind(const std::string& name, Value value) { bound_[name] = std::move(value); }
  void unbind(const std::string& name) { bound_.erase(name); }

  const std::string& file() const { return file_; }
  Error error(const Expression& at, std::string message) const;
  Location location(const Expression& at) const;

 private:
  friend class Functions;

  Result<Value> reference(const Expression& expression);
  Result<Value> step(const Value& base, const Step& step, const Expression& at);
  Result<Value> index(const Expression& expression);
  Result<Value> splat(const Expression& expression);
  Result<Value> template_string(const Expression& expression);
  Result<Value> tuple(const Expression& expression);
  Result<Value> object(const Expression& expression);
  Result<Value> conditional(const Expression& expression);
  Result<Value> unary(const Expression& expression);
  Result<Value> binary(const Expression& expression);
  Result<Value> for_expression(const Expression& expression);
  Result<Value> call(const Expression& expression);
  // `text` as a condition: its bool, else an error at `at`.
  Result<bool> condition(const Value& value, const Expression& at);

  Context& context_;
  std::string file_;
  std::map<std::string, Value> bound_;                // count, each
  std::vector<std::map<std::string, Value>> scopes_;  // for-expression variables, innermost last
};

// Terraform's conversion of `value` to the primitive type `type` ("string", "number", "bool"),
// or of each element for list(T)/set(T)/map(T); `value` itself for any other type. Unknowns stay
// unknown. nullopt when it cannot be converted.
std::optional<Value> convert(const Value& value, std::string_view type);

}  // namespace snapkey::io::hcl

#endif  // SNAPKEY_SRC_IO_HCL_EVAL_HPP
