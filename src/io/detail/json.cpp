#include "io/detail/json.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <set>

#include "io/detail/text.hpp"

namespace snapkey::io::detail {
namespace {

// simdjson's DOM parser says what is wrong, not where. Walk the text again with the On-Demand
// parser, which stops at the first bad value and can tell its position.
Error walk_error(simdjson::error_code error) {
  return Error{simdjson::error_message(error), "", {}};
}

// Recursive, so it stops where the DOM parser did on a document nested too deeply: there, the
// On-Demand parser's position is where the document went too deep.
Status walk(simdjson::ondemand::value value, std::size_t depth) {
  if (depth > simdjson::DEFAULT_MAX_DEPTH) return walk_error(simdjson::DEPTH_ERROR);
  simdjson::ondemand::json_type type;
  if (auto error = value.type().get(type)) return walk_error(error);
  switch (type) {
    case simdjson::ondemand::json_type::array: {
      simdjson::ondemand::array array;
      if (auto error = value.get_array().get(array)) return walk_error(error);
      for (auto item : array) {
        simdjson::ondemand::value child;
        if (auto error = std::move(item).get(child)) return walk_error(error);
        SNAPKEY_RETURN_IF_ERROR(walk(child, depth + 1));
      }
      return Ok{};
    }
    case simdjson::ondemand::json_type::object: {
      simdjson::ondemand::object object;
      if (auto error = value.get_object().get(object)) return walk_error(error);
      for (auto member : object) {
        simdjson::ondemand::field field;
        if (auto error = std::move(member).get(field)) return walk_error(error);
        SNAPKEY_RETURN_IF_ERROR(walk(field.value(), depth + 1));
      }
      return Ok{};
    }
    case simdjson::ondemand::json_type::string: {
      std::string_view text;
      if (auto error = value.get_string().get(text)) return walk_error(error);
      return Ok{};
    }
    case simdjson::ondemand::json_type::number: {
      double number;
      if (auto error = value.get_double().get(number)) return walk_error(error);
      return Ok{};
    }
    case simdjson::ondemand::json_type::boolean: {
      bool flag;
      if (auto error = value.get_bool().get(flag)) return walk_error(error);
      return Ok{};
    }
    case simdjson::ondemand::json_type::null: {
      bool null;
      if (auto error = value.is_null().get(null)) return walk_error(error);
      return Ok{};
    }
  }
  return Ok{};
}

// Where the string that is never closed opens: the last '"' outside a string, or nullopt.
std::optional<std::size_t> unclosed_string(std::string_view text) {
  std::optional<std::size_t> open;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!open) {
      if (text[i] == '"') open = i;
    } else if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      open.reset();
    }
  }
  return open;
}

// The byte offset of the first syntax error, or the end of the text when it cannot be found.
// The On-Demand parser cannot start on a string that is never closed or on bytes that are not
// UTF-8 (its first pass over the text fails): those are found here.
std::size_t syntax_error_offset(const simdjson::padded_string& text, simdjson::error_code error) {
  const std::string_view view(text.data(), text.size());
  if (error == simdjson::UTF8_ERROR) {
    if (const std::optional<BadCharacter> bad = find_invalid_utf8(view)) return bad->offset;
  }
  if (error == simdjson::UNCLOSED_STRING) {
    if (const std::optional<std::size_t> open = unclosed_string(view)) return *open;
  }
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (parser.iterate(text).get(doc) != simdjson::SUCCESS) return 0;
  simdjson::ondemand::value root;
  if (doc.get_value().get(root) == simdjson::SUCCESS) (void)walk(root, 1);
  const char* at = nullptr;
  if (doc.current_location().get(at) == simdjson::SUCCESS && at != nullptr) {
    return static_cast<std::size_t>(at - text.data());
  }
  return text.size();  // the walk ran off the end: the text stops before the value does
}

struct Duplicate {
  std::string key, member, object;  // the key, its pointer, the object's pointer
};

// The first member given twice in one object, at any depth, or nullopt. JSON readers disagree on
// which of the two counts (simdjson's at_key finds the first, most others keep the last), so
// neither is taken.
std::optional<Duplicate> duplicate_member(simdjson::dom::element element,
                                          const std::string& pointer) {
  if (element.is_array()) {
    std::size_t index = 0;
    for (simdjson::dom::element item : element.get_array()) {
      if (auto found = duplicate_member(item, fmt::format("{}/{}", pointer, index++))) return found;
    }
  } else if (element.is_object()) {
    std::set<std::string_view> keys;
    for (auto field : element.get_object()) {
      const std::string member = pointer + pointer_token(field.key);
      if (!keys.insert(field.key).second) {
        return Duplicate{std::string(field.key), member, pointer.empty() ? "/" : pointer};
      }
      if (auto found = duplicate_member(field.value, member)) return found;
    }
  }
  return std::nullopt;
}

std::string line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return fmt::format("line {}, column {}", line, column);
}

}  // namespace

std::string pointer_token(std::string_view key) {
  std::string out = "/";
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

bool is_terraform_state(const JsonValue& root) {
  return root.is_object() && !root["values"].is_missing() &&
         (!root["format_version"].is_missing() || !root["terraform_version"].is_missing()) &&
         root["planned_values"].is_missing() && root["resource_changes"].is_missing();
}

std::string_view kind_of(simdjson::dom::element element) {
  switch (element.type()) {
    case simdjson::dom::element_type::ARRAY:
      return "a list";
    case simdjson::dom::element_type::OBJECT:
      return "an object";
    case simdjson::dom::element_type::STRING:
      return "a string";
    case simdjson::dom::element_type::BOOL:
      return "a boolean";
    case simdjson::dom::element_type::NULL_VALUE:
      return "null";
    default:
      return "a number";
  }
}

JsonValue JsonValue::child(std::string_view key) const {
  return JsonValue(pointer_ + pointer_token(key), file_);
}

JsonValue JsonValue::operator[](std::string_view key) const {
  if (!is_object()) return child(key);
  simdjson::dom::element value;
  if (element_.get_object().at_key(key).get(value) != simdjson::SUCCESS) return child(key);
  return JsonValue(value, pointer_ + pointer_token(key), file_);
}

std::vector<JsonValue> JsonValue::items() const {
  std::vector<JsonValue> out;
  if (!is_array()) return out;
  std::size_t index = 0;
  for (simdjson::dom::element item : element_.get_array()) {
    out.emplace_back(item, fmt::format("{}/{}", pointer_, index++), file_);
  }
  return out;
}

std::vector<std::pair<std::string, JsonValue>> JsonValue::members() const {
  std::vector<std::pair<std::string, JsonValue>> out;
  if (!is_object()) return out;
  for (auto field : element_.get_object()) {
    out.emplace_back(std::string(field.key),
                     JsonValue(field.value, pointer_ + pointer_token(field.key), file_));
  }
  return out;
}

std::vector<std::string> JsonValue::keys() const {
  std::vector<std::string> out;
  for (auto& [key, value] : members()) out.push_back(key);
  return out;
}

Location JsonValue::location() const {
  Location location;
  if (file_ != nullptr) location.file = *file_;
  location.pointer = pointer_.empty() ? "/" : pointer_;
  return location;
}

Error JsonValue::error(std::string id, std::string message) const {
  return Error{std::move(id), std::move(message), location()};
}

Error JsonValue::type_error(std::string_view expected) const {
  return error("E_JSON_TYPE",
               fmt::format("expected {} at {}, found {}", expected, location().pointer,
                           present_ ? kind_of(element_) : "nothing"));
}

Result<std::string> JsonValue::as_string() const {
  if (!is_string()) return type_error("a string");
  return std::string(element_.get_string().value());
}

Result<std::optional<std::string>> JsonValue::optional_string(std::string_view key) const {
  const JsonValue value = (*this)[key];
  if (value.is_missing() || value.is_null()) return std::optional<std::string>();
  SNAPKEY_ASSIGN_OR_RETURN(auto text, value.as_string());
  return std::optional<std::string>(std::move(text));
}

Result<std::string> JsonValue::required_string(std::string_view key) const {
  const JsonValue value = (*this)[key];
  if (value.is_missing() || value.is_null()) {
    return value.error("E_JSON_MISSING", fmt::format("expected a string at {}, found nothing",
                                                     value.location().pointer));
  }
  return value.as_string();
}

Result<std::optional<bool>> JsonValue::optional_bool(std::string_view key) const {
  const JsonValue value = (*this)[key];
  if (value.is_missing() || value.is_null()) return std::optional<bool>();
  if (!value.element_.is_bool()) return value.type_error("true or false");
  return std::optional<bool>(value.element_.get_bool().value());
}

Result<std::vector<std::string>> JsonValue::string_list(std::string_view key) const {
  const JsonValue value = (*this)[key];
  std::vector<std::string> out;
  if (value.is_missing() || value.is_null()) return out;
  if (!value.is_array()) return value.type_error("a list of strings");
  for (const JsonValue& item : value.items()) {
    SNAPKEY_ASSIGN_OR_RETURN(auto text, item.as_string());
    out.push_back(std::move(text));
  }
  return out;
}

Result<std::unique_ptr<JsonDocument>> parse_json(simdjson::padded_string text, std::string file) {
  std::unique_ptr<JsonDocument> doc(new JsonDocument());
  doc->file_ = std::move(file);
  doc->text_ = std::move(text);
  if (auto error = doc->parser_.parse(doc->text_).get(doc->root_)) {
    const std::size_t offset = syntax_error_offset(doc->text_, error);
    Location location{doc->file_, 0, 0, ""};
    return Error{
        "E_JSON",
        fmt::format("not valid JSON at byte {} ({}): {}", offset,
                    line_and_column(std::string_view(doc->text_.data(), doc->text_.size()), offset),
                    simdjson::error_message(error)),
        location};
  }
  if (auto duplicate = duplicate_member(doc->root_, "")) {
    return Error{"E_JSON",
                 fmt::format("member '{}' is given twice in the object at {}; keep one (JSON "
                             "readers disagree on which of the two counts)",
                             duplicate->key, duplicate->object),
                 Location{doc->file_, 0, 0, duplicate->member}};
  }
  return doc;
}

Result<std::string> read_json_text(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Error{
        "E_FILE", fmt::format("cannot read {}: it is a directory", path), {path, 0, 0, ""}};
  }
  simdjson::padded_string text;
  if (simdjson::padded_string::load(path).get(text) != simdjson::SUCCESS) {
    const bool exists = std::filesystem::exists(path, ec);
    return Error{"E_FILE",
                 fmt::format("cannot read {}: {}", path,
                             exists ? "permission denied or I/O error" : "no such file"),
                 {path, 0, 0, ""}};
  }
  return std::string(text.data(), text.size());
}

Result<std::unique_ptr<JsonDocument>> read_json_file(const std::string& path) {
  SNAPKEY_ASSIGN_OR_RETURN(std::string text, read_json_text(path));
  return parse_json(simdjson::padded_string(text), path);
}

}  // namespace snapkey::io::detail
