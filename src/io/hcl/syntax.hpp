// Private to snapkey::io: HCL's native syntax (Terraform's .tf and OpenTofu's .tofu files) as a
// tree of bodies, attributes, blocks and expressions, each with its place in the file. Parsing
// is tree-sitter's, with the HCL grammar (cmake/SnapkeyTreeSitter.cmake); this file only turns its
// concrete syntax tree into what the Terraform evaluator walks.
//
//   auto file = hcl::parse(text, "main.tf");           // E_HCL_SYNTAX: file:line:column
//   for (const hcl::Block& block : file->body.blocks) {
//     if (block.type == "resource") use(block.labels[0], block.body.attribute("name"));
//   }
#ifndef SNAPKEY_SRC_IO_HCL_SYNTAX_HPP
#define SNAPKEY_SRC_IO_HCL_SYNTAX_HPP

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::io::hcl {

// 1-based, columns in bytes (as Terraform counts them).
struct Position {
  int line = 0;
  int column = 0;
};

struct Expression;
using ExpressionPtr = std::shared_ptr<const Expression>;

// One expression. What `name` and `parts` hold depends on the kind:
//   literal      `literal` (null, true/false, a number's text, a string)
//   template     parts: literal strings and interpolations, in order ("a-${x}")
//   variable     name: the root identifier (var, local, aws_kms_key, each ...)
//   get_attr     parts[0].name; name: the attribute
//   index        parts[0][parts[1]]
//   splat        parts[0].*<parts[1]>, parts[1] a chain on the variable "" (each element)
//   call         name(parts...), `expand`: the last argument ends with ...
//   tuple        [parts...]
//   object       { parts[0] = parts[1], parts[2] = parts[3], ... }
//   conditional  parts[0] ? parts[1] : parts[2]
//   unary        name parts[0] (name "!" or "-")
//   binary       parts[0] name parts[1]
//   for_tuple    [for key_var, value_var in parts[0] : parts[1] if parts[2]]
//   for_object   {for ... in parts[0] : parts[1] => parts[2] if parts[3]}, `expand` for ...
//   directive    a template directive (%{if}, %{for}): not evaluated
struct Expression {
  enum class Kind {
    literal,
    template_string,
    variable,
    get_attr,
    index,
    splat,
    call,
    tuple,
    object,
    conditional,
    unary,
    binary,
    for_tuple,
    for_object,
    directive
  };
  enum class Literal { none, null, boolean, number, string };

  Kind kind = Kind::literal;
  Literal literal = Literal::none;
  std::string name;  // see above; a literal's value as text ("true", "3.5", the string)
  std::vector<ExpressionPtr> parts;
  std::string key_var;    // for expressions: the key (or index) variable, "" when only one
  std::string value_var;  // for expressions: the value variable
  bool has_condition = false;
  bool expand = false;
  Position at;
  std::string source;  // the expression as written, for messages
};

struct Block;

struct Attribute {
  std::string name;
  ExpressionPtr value;
  Position at;
};

struct Body {
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;

  const Attribute* attribute(std::string_view name) const;
  std::vector<const Block*> blocks_of(std::string_view type) const;
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  Body body;
  Position at;
};

// A comment, `#`, `//` or `/* */`, as written.
struct Comment {
  std::string text;
  Position at;
  int end_line = 0;
};

struct File {
  std::string path;
  Body body;
  std::vector<Comment> comments;  // in file order
};

// Parses HCL native syntax. Errors: E_HCL_SYNTAX (the first place the grammar cannot read, and
// what it expected there).
Result<File> parse(std::string_view text, const std::string& path);

// Parses one expression on its own (the template strings of the JSON syntax), placed at `at`.
// Errors: E_HCL_SYNTAX.
Result<ExpressionPtr> parse_expression(std::string_view text, const std::string& path, Position at);

}  // namespace snapkey::io::hcl

#endif  // SNAPKEY_SRC_IO_HCL_SYNTAX_HPP
