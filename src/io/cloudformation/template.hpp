// Private to snapkey::io: a CloudFormation template as one small value tree, whether it was
// written in YAML (short-form tags such as !Ref turned into their long form {"Ref": ...}) or in
// JSON, with the place of every value: line:column for YAML, a JSON Pointer for JSON.
//
//   auto tree = cloudformation::parse_template(text, "tokyo.yaml");   // E_YAML, E_JSON
//   if (!tree) return tree.error();
//   const cloudformation::Node* resources = tree->find("Resources");
#ifndef SNAPKEY_SRC_IO_CLOUDFORMATION_TEMPLATE_HPP
#define SNAPKEY_SRC_IO_CLOUDFORMATION_TEMPLATE_HPP

#include <string>
#include <string_view>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {
class JsonValue;
}

namespace snapkey::io::cloudformation {

struct Member;

// One value of a template. Scalars keep their text as written: numbers and booleans too
// (CloudFormation itself accepts "true" and true alike).
struct Node {
  enum class Kind { null, scalar, list, map };
  Kind kind = Kind::null;
  std::string text;             // scalar
  std::vector<Node> items;      // list
  std::vector<Member> members;  // map, in document order
  Location location;

  bool is_map() const { return kind == Kind::map; }
  bool is_list() const { return kind == Kind::list; }
  bool is_scalar() const { return kind == Kind::scalar; }
  // The member `key` of a map, or nullptr.
  const Node* find(std::string_view key) const;
  // "a string", "a list", "a map" or "nothing", for messages.
  std::string_view kind_name() const;
};

struct Member {
  std::string key;
  Location key_location;  // where the key is written (YAML), or the member's pointer (JSON)
  Node value;
};

// A template's text, and the path it came from (the path names it in every location).
struct TemplateSource {
  std::string path;
  std::string text;
};

// Parses a template: JSON when its first character that is not white space is '{', YAML
// otherwise. Errors: E_JSON (with the byte offset), E_YAML (with line:column), E_CFN_VALUE (a
// YAML tag that is not a CloudFormation function, a map key that is not a string).
Result<Node> parse_template(std::string_view text, const std::string& path);
// A JSON value as a template value (for policies written as JSON strings).
Node from_json(const detail::JsonValue& json);
// Reads a template file. Errors: E_FILE.
Result<TemplateSource> read_template_file(const std::string& path);

}  // namespace snapkey::io::cloudformation

#endif  // SNAPKEY_SRC_IO_CLOUDFORMATION_TEMPLATE_HPP
