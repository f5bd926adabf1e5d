// Private to snapkey::io: HCL's JSON syntax (Terraform's .tf.json, OpenTofu's .tofu.json, cdktf's
// cdk.tf.json) read into the same tree of bodies, blocks and expressions as the native syntax, so
// that the evaluator cannot tell the two apart.
//
// JSON cannot say which properties are blocks and how many labels they have, so the caller gives
// a schema; strings are templates ("${aws_kms_key.app.arn}"), except where the schema says they
// are expressions themselves (provider = "aws.east").
//
//   auto file = hcl::parse_json(text, "cdk.tf.json", schema);   // E_JSON, E_HCL_SYNTAX
#ifndef SNAPKEY_SRC_IO_HCL_JSON_SYNTAX_HPP
#define SNAPKEY_SRC_IO_HCL_JSON_SYNTAX_HPP

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "io/hcl/syntax.hpp"

namespace snapkey::io::hcl {

struct JsonSchema {
  // The blocks around a property, outermost first (their type and labels are set; their bodies
  // are being read).
  using Enclosing = std::span<const Block* const>;
  // How many labels a block `name` inside `enclosing` has; nullopt when `name` is an argument.
  std::function<std::optional<std::size_t>(Enclosing enclosing, std::string_view name)> labels;
  // Whether a string given for argument `name` is an expression as written, not a template.
  std::function<bool(Enclosing enclosing, std::string_view name)> is_bare;
};

// Parses HCL's JSON syntax. A property "//" of a body is a comment and skipped, whatever its
// value. Errors: E_JSON (not JSON, with line and column), E_HCL_SYNTAX (a block that is not an
// object, or a template that is not one).
Result<File> parse_json(std::string_view text, const std::string& path, const JsonSchema& schema);

}  // namespace snapkey::io::hcl

#endif  // SNAPKEY_SRC_IO_HCL_JSON_SYNTAX_HPP
