// Shape checks for policy files: known keys given once, values of the right kind.
#include "io/policy_yaml.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <sstream>
#include <utility>

#include "snapkey/arn.hpp"

namespace snapkey::io::policy_yaml {
namespace {

// "at lines 3 and 5", or "at line 3, columns 5 and 12" for a flow map on one line.
std::string both_places(const Location& first, const Location& second) {
  if (first.line == second.line) {
    return fmt::format("at line {}, columns {} and {}", first.line, first.column, second.column);
  }
  return fmt::format("at lines {} and {}", first.line, second.line);
}

// Where each document of a stream starts, and whether it holds anything.
class DocumentEvents : public YAML::EventHandler {
 public:
  const YAML::Mark& first() const { return first_; }
  bool empty() const { return empty_; }

  void OnDocumentStart(const YAML::Mark&) override {
    first_ = YAML::Mark::null_mark();
    empty_ = true;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { note(mark, true); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { note(mark, false); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    note(mark, false);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    note(mark, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    note(mark, false);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& mark, bool null) {
    if (first_.is_null()) first_ = mark;
    if (!null) empty_ = false;
  }

  YAML::Mark first_ = YAML::Mark::null_mark();
  bool empty_ = true;
};

}  // namespace

Result<YAML::Node> load_document(std::string_view text, const Shape& shape) {
  const std::string input(text);
  // YAML::LoadAll is not used: yaml-cpp 0.7 never returns from it on a document that starts with
  // a stray ',' (jbeder/yaml-cpp#1040, fixed in 0.8), reporting the same empty document for ever
  // and eating all memory. Walking the documents here, a document that starts where the one
  // before it started is that loop.
  std::istringstream stream(input);
  YAML::Parser parser(stream);
  DocumentEvents events;
  YAML::Mark previous = YAML::Mark::null_mark();
  for (int number = 1; parser.HandleNextDocument(events); ++number) {
    const YAML::Mark& start = events.first();
    if (!start.is_null() && !previous.is_null() && start.pos == previous.pos) {
      const std::string what = start.pos >= 0 && static_cast<std::size_t>(start.pos) < input.size()
                                   ? fmt::format("'{}'", input[start.pos])
                                   : std::string("the end of the file");
      return Shape::error("E_YAML", fmt::format("invalid YAML: unexpected {}", what),
                          shape.at(start));
    }
    previous = start;
    // A trailing `---` leaves an empty document behind; a second one with content is an error.
    if (number > 1 && !events.empty()) {
      return Shape::error(kTypeError,
                          "expected one YAML document, found a second one; keep the whole "
                          "policy in one document",
                          shape.at(start));
    }
  }
  return YAML::Load(input);
}

const Field* find(const Fields& fields, std::string_view name) {
  const auto it =
      std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == name; });
  return it == fields.end() ? nullptr : &*it;
}

std::string join(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
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

Location Shape::at(const YAML::Mark& mark) const {
  Location location;
  location.file = file_;
  if (!mark.is_null()) {
    location.line = mark.line + 1;
    location.column = mark.column + 1;
  }
  return location;
}

Location Shape::at(const YAML::Node& value, const YAML::Node& key) const {
  if (value.IsNull() || value.Mark().is_null()) return at(key.Mark());
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
                        Location where) {
  return error(kTypeError,
               fmt::format("expected {} for {}, found {}", expected, what, found(value)),
               std::move(where));
}

Error Shape::type_error(std::string_view expected, const Field& field) const {
  return type_error(expected, fmt::format("'{}'", field.name), field.value, at(field));
}

Result<Fields> Shape::pairs(const YAML::Node& node, std::string_view owner) const {
  Fields fields;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      return error(kTypeError,
                   fmt::format("expected a string as a key {}, found {}", owner, found(key)),
                   at(key.Mark()));
    }
    // yaml-cpp keeps both of two equal keys; a second one would silently win elsewhere.
    if (const Field* first = find(fields, key.Scalar())) {
      return error(kKeyError,
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
  Result<Fields> fields = pairs(node, owner);
  if (!fields) return fields;
  for (const Field& field : *fields) {
    if (std::find(known.begin(), known.end(), field.name) != known.end()) continue;
    const std::string suggestion =
        closest_match(field.name, std::vector<std::string_view>(known.begin(), known.end()));
    const std::string hint = suggestion.empty() ? fmt::format("expected one of {}", join(known))
                                                : fmt::format("did you mean '{}'?", suggestion);
    return error(kKeyError, fmt::format("unknown key '{}' {}; {}", field.name, owner, hint),
                 at(field.key.Mark()));
  }
  return fields;
}

Result<std::string> Shape::text(const YAML::Node& value, std::string_view what,
                                std::string_view expected, Location where) const {
  if (!value.IsScalar()) return type_error(expected, what, value, where);
  if (value.Scalar().empty()) {
    return error(kValueError,
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

}  // namespace snapkey::io::policy_yaml
