// Private to snapkey::io: Terraform's built-in functions that backup and key configurations use
// (format, join, concat, merge, lookup, jsonencode, try, coalesce, tolist, toset ...). Any other
// function gives an unknown value that names it: nothing is guessed.
#ifndef SNAPKEY_SRC_IO_HCL_FUNCTIONS_HPP
#define SNAPKEY_SRC_IO_HCL_FUNCTIONS_HPP

#include <string>
#include <vector>

#include "io/hcl/eval.hpp"

namespace snapkey::io::hcl {

class Functions {
 public:
  explicit Functions(Evaluator& evaluator) : evaluator_(evaluator) {}
  // Errors: E_TERRAFORM_EXPRESSION (wrong arguments), and those of evaluating the arguments.
  Result<Value> call(const Expression& call);

  // The functions evaluated, sorted (docs/terraform-input.md lists them).
  static std::vector<std::string> names();

 private:
  Result<Value> try_call(const Expression& call, bool can);
  Result<std::vector<Value>> arguments(const Expression& call);

  Evaluator& evaluator_;
};

}  // namespace snapkey::io::hcl

#endif  // SNAPKEY_SRC_IO_HCL_FUNCTIONS_HPP
