// Shape checks for YAML files: known keys given once, values of the right kind.
#include "io/detail/yaml_shape.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <utility>
#include <vector>

#include "io/detail/text.hpp"
#include "io/detail/yaml_stream.hpp"
#include "snapkey/arn.hpp"  // closest_match

namespace snapkey::io::detail {
namespace {

// "at lines 3 and 5", or "at line 3, columns 5 and 12" for a flow map on one line.
std::string both_places(const Location& first, const Location& second) {
  if (first.line == second.line) {
    return fmt::format("at line {}, columns {} and {}", first.line, first.column, second.column);
  }
  return fmt::format("at lines {} and {}", first.line, second.line);
}

}  // namespace

Result<YAML::Node> load_document(std::string_view text, const Shape& shape,
                                 std::string_view one_document) {
  if (const std::optional<BadCharacter> bad = find_bad_character(text)) {
    return Shape::error("E_YAML", "invalid YAML: " + bad->message,
                        Location{shape.file(), bad->line, bad->column, ""});
  }
  const std::string input(text);
  if (const std::optional<YAML::Mark> bomb = find_alias_bomb(input)) {
    return Shape::error("E_YAML", alias_bomb_message(), shape.at(*bomb));
  }
  const YamlStream stream = scan_yaml_stream(input);
  if (stream.stuck) {
    return Shape::error("E_YAML", fmt::format("invalid YAML: unexpected {}", stream.stuck_at),
                        shape.at(*stream.stuck));
  }
  if (stream.second) {
    return Shape::error(
        shape.ids().type,
        fmt::format("expected one YAML document, found a second one; {}", one_document),
        shape.at(*stream.second));
  }
  return YAML::Load(input);
}

const Field* find(const Fields& fields, std::string_view name) {
  const auto it =
      std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == name; });
  return it == fields.end() ? nullptr : &*it;
}

std::string found(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return node.Scalar().empty() ? std::string("an empty string")
                                   : fmt::format("'{}'", node.Scalar());
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

// yaml-cpp tags a plain scalar "?" and a quoted or block scalar "!".
bool is_plain(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "?"; }

Location yaml_location(std::string_view file, const YAML::Mark& mark) {
  Location location;
  location.file = file;
  if (!mark.is_null()) {
    location.line = mark.line + 1;
    location.column = mark.column + 1;
  }
  return location;
}

Error yaml_syntax_error(std::string_view text, const YAML::Exception& e, std::string_view file) {
  if (!e.mark.is_null()) {
    // The lines the error is on and before it: the first tab in the white space that starts one.
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      lines.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    for (int line : {e.mark.line - 1, e.mark.line}) {
      if (line < 0 || static_cast<std::size_t>(line) >= lines.size()) continue;
      const std::string_view content = lines[static_cast<std::size_t>(line)];
      const std::size_t indent = content.find_first_not_of(" \t");
      const std::size_t tab = content.find('\t');
      if (tab == std::string_view::npos || (indent != std::string_view::npos && tab > indent)) {
        continue;
      }
      return Error{"E_YAML",
                   fmt::format("invalid YAML: expected spaces to indent line {}, found a tab "
                               "(YAML indents with spaces only)",
                               line + 1),
                   Location{std::string(file), line + 1, static_cast<int>(tab) + 1, ""}};
    }
  }
  return Error{"E_YAML", fmt::format("invalid YAML: {}", e.msg), yaml_location(file, e.mark)};
}

Location Shape::at(const YAML::Mark& mark) const { return yaml_location(file_, mark); }

Location Shape::at(const YAML::Node& value, const YAML::Node& key) const {
  if (value.IsNull() || value.Mark().is_null()) return at(key.Mark());
  // A value before its key came through an alias (*name): yaml-cpp gives it the place of its
  // anchor, which may be far from the key at fault. The key is where it is used.
  if (!key.Mark().is_null() && value.Mark().pos < key.Mark().pos) return at(key.Mark());
  return at(value.Mark());
}

Error Shape::error(std::string_view id, std::string message, Location where) {
  return Error{std::string(id), std::move(message), std::move(where)};
}

Error Shape::relocated(Error error, Location where) {
  error.location = std::move(where);
  return error;
}

Error Shape::type_error(std::string_view expected, std::string_view what, const YAML::Node& value,
                        Location where) const {
  return error(ids_.type, fmt::format("expected {} for {}, found {}", expected, what, found(value)),
               std::move(where));
}

Error Shape::type_error(std::string_view expected, const Field& field) const {
  return type_error(expected, fmt::format("'{}'", field.name), field.value, at(field));
}

Error Shape::not_sections(const YAML::Node& root,
                          std::span<const std::string_view> sections) const {
  Location where = at(root.Mark());
  if (root.IsNull() || where.line == 0) where.line = where.column = 1;
  return error(ids_.type,
               fmt::format("expected a map of sections ({}) at the top level, found {}",
                           fmt::join(sections, ", "), found(root)),
               where);
}

Result<Fields> Shape::pairs(const YAML::Node& node, std::string_view owner) const {
  Fields fields;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      return error(ids_.type,
                   fmt::format("expected a string as a key {}, found {}", owner, found(key)),
                   at(key.Mark()));
    }
    // yaml-cpp keeps both of two equal keys; a second one would silently win elsewhere.
    if (const Field* first = find(fields, key.Scalar())) {
      return error(ids_.duplicate,
                   fmt::format("'{}' is given twice {}, {}; keep one", key.Scalar(), owner,
                               both_places(at(first->key.Mark()), at(key.Mark()))),
                   at(key.Mark()));
    }
    fields.push_back(Field{key.Scalar(), key, it->second});
  }
  return fields;
}

Result<Fields> Shape::fields(const YAML::Node& node, std::span<const std::string_view> known,
                             std::string_view owner) const {
  SNAPKEY_ASSIGN_OR_RETURN(Fields fields, pairs(node, owner));
  for (const Field& field : fields) {
    if (std::find(known.begin(), known.end(), field.name) != known.end()) continue;
    const std::string suggestion =
        closest_match(field.name, std::vector<std::string_view>(known.begin(), known.end()));
    const std::string hint = suggestion.empty()
                                 ? fmt::format("expected one of {}", fmt::join(known, ", "))
                                 : fmt::format("did you mean '{}'?", suggestion);
    return error(ids_.key, fmt::format("unknown key '{}' {}; {}", field.name, owner, hint),
                 at(field.key.Mark()));
  }
  return fields;
}

Result<std::string> Shape::text(const YAML::Node& value, std::string_view what,
                                std::string_view expected, Location where) const {
  if (!value.IsScalar()) return type_error(expected, what, value, where);
  if (value.Scalar().empty()) {
    return error(ids_.value,
                 fmt::format("expected {} for {}, found an empty string", expected, what), where);
  }
  return value.Scalar();
}

Result<bool> Shape::boolean(const Field& field) const {
  if (field.value.IsScalar()) {
    const std::string& word = field.value.Scalar();
    if (word == "true" || word == "True" || word == "TRUE") return true;
    if (word == "false" || word == "False" || word == "FALSE") return false;
  }
  return type_error("true or false", field);
}

Result<std::string> Shape::choice(const Field& field,
                                  std::span<const std::string_view> words) const {
  const std::string expected = fmt::format("one of {}", fmt::join(words, ", "));
  if (!field.value.IsScalar()) return type_error(expected, field);
  const std::string& value = field.value.Scalar();
  if (std::find(words.begin(), words.end(), value) != words.end()) return value;
  std::string message =
      fmt::format("expected {} for '{}', found {}", expected, field.name, found(field.value));
  const std::vector<std::string_view> candidates(words.begin(), words.end());
  std::string hint = value.empty() ? std::string() : closest_match(value, candidates);
  if (hint.empty() && !value.empty()) {
    // The KMS words are upper case: "hmac_256" is still close to HMAC_256.
    std::string upper = value;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    hint = closest_match(upper, candidates);
  }
  if (!hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
  return error(ids_.value, std::move(message), at(field));
}

}  // namespace snapkey::io::detail
