// Reads CloudFormation templates, YAML or JSON, into one value tree
// (io/cloudformation/template.hpp).
#include "io/cloudformation/template.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>

#include "io/detail/file.hpp"
#include "io/detail/json.hpp"
#include "io/detail/text.hpp"
#include "io/detail/yaml_shape.hpp"
#include "io/detail/yaml_stream.hpp"

namespace snapkey::io::cloudformation {
namespace {

// The functions that have a YAML short form (!Name): every one but Ref and Condition is
// written Fn::Name in its long form.
constexpr std::array<std::string_view, 19> kShortForms = {
    "Ref",         "Condition", "Base64", "Cidr",  "FindInMap",     "GetAtt",    "GetAZs",
    "ImportValue", "Join",      "Select", "Split", "Sub",           "Transform", "And",
    "Equals",      "If",        "Not",    "Or",    "GetStackOutput"};

Error value_error(std::string message, Location where) {
  return Error{"E_CFN_VALUE", std::move(message), std::move(where)};
}

class YamlConverter {
 public:
  explicit YamlConverter(const std::string& path) : path_(path) {}

  Location at(const YAML::Mark& mark) const { return detail::yaml_location(path_, mark); }

  // `fallback`: where a value with no place of its own (an empty value) is reported.
  Result<Node> convert(const YAML::Node& yaml, const Location& fallback) const {
    Node node;
    node.location = yaml.Mark().is_null() || yaml.IsNull() ? fallback : at(yaml.Mark());
    switch (yaml.Type()) {
      case YAML::NodeType::Scalar:
        node.kind = Node::Kind::scalar;
        node.text = yaml.Scalar();
        break;
      case YAML::NodeType::Sequence:
        node.kind = Node::Kind::list;
        for (const YAML::Node& item : yaml) {
          SNAPKEY_ASSIGN_OR_RETURN(auto converted, convert(item, node.location));
          node.items.push_back(std::move(converted));
        }
        break;
      case YAML::NodeType::Map:
        node.kind = Node::Kind::map;
        for (auto it = yaml.begin(); it != yaml.end(); ++it) {
          if (!it->first.IsScalar()) {
            return value_error("expected a string as a map key, found a list or a map",
                               at(it->first.Mark()));
          }
          const Location key_location = at(it->first.Mark());
          // yaml-cpp keeps both of two equal keys; CloudFormation rejects such a template.
          for (const Member& member : node.members) {
            if (member.key != it->first.Scalar()) continue;
            const Location& first = member.key_location;
            return value_error(
                fmt::format("'{}' is given twice in one map, {}; keep one", member.key,
                            first.line == key_location.line
                                ? fmt::format("at line {}, columns {} and {}", first.line,
                                              first.column, key_location.column)
                                : fmt::format("at lines {} and {}", first.line, key_location.line)),
                key_location);
          }
          SNAPKEY_ASSIGN_OR_RETURN(auto value, convert(it->second, key_location));
          node.members.push_back({it->first.Scalar(), key_location, std::move(value)});
        }
        break;
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        break;
    }
    return long_form(yaml.Tag(), std::move(node));
  }

 private:
  // !Ref X -> {Ref: X}; !GetAtt A.B -> {Fn::GetAtt: [A, B]}; !Sub ... -> {Fn::Sub: ...}.
  Result<Node> long_form(const std::string& tag, Node node) const {
    // "?" and "!" mark untagged plain and quoted values; "tag:yaml.org,2002:..." the standard
    // tags (!!str, !!int...), which change nothing here.
    if (tag.empty() || tag == "?" || tag == "!" || tag.starts_with("tag:yaml.org,2002:")) {
      return node;
    }
    const std::string name = tag.substr(1);
    if (tag.front() != '!' ||
        std::find(kShortForms.begin(), kShortForms.end(), name) == kShortForms.end()) {
      return value_error(
          fmt::format("unknown tag {}; expected a CloudFormation function such as !Ref, "
                      "!GetAtt or !Sub",
                      tag),
          node.location);
    }
    if (name == "GetAtt" && node.is_scalar()) node = split_get_att(node);
    Node function;
    function.kind = Node::Kind::map;
    function.location = node.location;
    const std::string key = name == "Ref" || name == "Condition" ? name : "Fn::" + name;
    function.members.push_back({key, node.location, std::move(node)});
    return function;
  }

  // "Resource.Attribute" (the attribute may itself hold dots: Endpoint.Address).
  static Node split_get_att(const Node& scalar) {
    Node list;
    list.kind = Node::Kind::list;
    list.location = scalar.location;
    const auto dot = scalar.text.find('.');
    for (std::string part :
         {scalar.text.substr(0, dot),
          dot == std::string::npos ? std::string() : scalar.text.substr(dot + 1)}) {
      Node item;
      item.kind = Node::Kind::scalar;
      item.text = std::move(part);
      item.location = scalar.location;
      list.items.push_back(std::move(item));
    }
    return list;
  }

  const std::string& path_;
};

}  // namespace

Node from_json(const detail::JsonValue& json) {
  Node node;
  node.location = json.location();
  if (json.is_object()) {
    node.kind = Node::Kind::map;
    for (auto& [key, value] : json.members()) {
      node.members.push_back({key, value.location(), from_json(value)});
    }
  } else if (json.is_array()) {
    node.kind = Node::Kind::list;
    for (const detail::JsonValue& item : json.items()) node.items.push_back(from_json(item));
  } else if (json.is_string()) {
    node.kind = Node::Kind::scalar;
    node.text = std::string(json.element().get_string().value());
  } else if (!json.is_null() && !json.is_missing()) {
    node.kind = Node::Kind::scalar;  // a number or a boolean, as written
    node.text = simdjson::minify(json.element());
  }
  return node;
}

namespace {

bool looks_like_json(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

}  // namespace

const Node* Node::find(std::string_view key) const {
  for (const Member& member : members) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

std::string_view Node::kind_name() const {
  switch (kind) {
    case Kind::scalar:
      return "a string";
    case Kind::list:
      return "a list";
    case Kind::map:
      return "a map";
    case Kind::null:
      break;
  }
  return "nothing";
}

Result<Node> parse_template(std::string_view text, const std::string& path) {
  if (looks_like_json(text)) {
    SNAPKEY_ASSIGN_OR_RETURN(auto doc, detail::parse_json(simdjson::padded_string(text), path));
    return from_json((doc)->root());
  }
  const YamlConverter converter(path);
  if (const std::optional<detail::BadCharacter> bad = detail::find_bad_character(text)) {
    return Error{"E_YAML", "invalid YAML: " + bad->message,
                 Location{path, bad->line, bad->column, ""}};
  }
  const std::string input(text);
  if (const std::optional<YAML::Mark> bomb = detail::find_alias_bomb(input)) {
    return Error{"E_YAML", detail::alias_bomb_message(), converter.at(*bomb)};
  }
  try {
    const YAML::Node root = YAML::Load(input);
    return converter.convert(root, converter.at(YAML::Mark::null_mark()));
  } catch (const YAML::Exception& e) {
    return detail::yaml_syntax_error(text, e, path);
  }
}

Result<TemplateSource> read_template_file(const std::string& path) {
  SNAPKEY_ASSIGN_OR_RETURN(std::string text, detail::read_file(path));
  return TemplateSource{path, std::move(text)};
}

}  // namespace snapkey::io::cloudformation
