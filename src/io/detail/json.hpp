// Private to snapkey::io: reading JSON files with simdjson, and walking them with the JSON
// Pointer of every value at hand, so that every error can say where it is.
//
//   auto doc = detail::read_json_file("export/rds.json");      // E_FILE, E_JSON (byte offset)
//   if (!doc) return doc.error();
//   detail::JsonValue root = (*doc)->root();
//   for (const detail::JsonValue& cluster : root["DBClusters"].items()) {
//     auto arn = cluster.required_string("DBClusterArn");     // E_JSON_MISSING, E_JSON_TYPE
//   }
#ifndef SNAPKEY_SRC_IO_DETAIL_JSON_HPP
#define SNAPKEY_SRC_IO_DETAIL_JSON_HPP

#include <simdjson.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// A value in a JSON document and its JSON Pointer. A "missing" value (a key that is not there)
// is a JsonValue too, so look-ups chain: doc.root()["a"]["b"].is_missing().
class JsonValue {
 public:
  JsonValue() = default;
  JsonValue(simdjson::dom::element element, std::string pointer, const std::string* file)
      : element_(element), present_(true), pointer_(std::move(pointer)), file_(file) {}

  bool is_missing() const { return !present_; }
  bool is_null() const { return present_ && element_.is_null(); }
  bool is_object() const { return present_ && element_.is_object(); }
  bool is_array() const { return present_ && element_.is_array(); }
  bool is_string() const { return present_ && element_.is_string(); }
  const std::string& pointer() const { return pointer_; }
  simdjson::dom::element element() const { return element_; }

  // The member `key` of an object (missing when absent, or when this is not an object).
  JsonValue operator[](std::string_view key) const;
  // The elements of an array (empty when this is not an array).
  std::vector<JsonValue> items() const;
  // The members of an object, in document order (empty when this is not an object).
  std::vector<std::pair<std::string, JsonValue>> members() const;
  // The keys of an object, in document order.
  std::vector<std::string> keys() const;

  // Typed reads. Errors: E_JSON_TYPE (another kind of value). A missing or null value gives
  // nullopt for the optional forms and E_JSON_MISSING for the required ones.
  Result<std::optional<std::string>> optional_string(std::string_view key) const;
  Result<std::string> required_string(std::string_view key) const;
  Result<std::optional<bool>> optional_bool(std::string_view key) const;
  Result<std::string> as_string() const;
  // A list of strings (E_JSON_TYPE for anything else); missing or null gives an empty list.
  Result<std::vector<std::string>> string_list(std::string_view key) const;

  Location location() const;
  Error error(std::string id, std::string message) const;
  // "expected X at /a/b, found a number"
  Error type_error(std::string_view expected) const;

 private:
  JsonValue(std::string pointer, const std::string* file)
      : pointer_(std::move(pointer)), file_(file) {}
  JsonValue child(std::string_view key) const;

  simdjson::dom::element element_;
  bool present_ = false;
  std::string pointer_;
  const std::string* file_ = nullptr;
};

// A parsed JSON file. Not movable (the DOM points into it): held by unique_ptr.
class JsonDocument {
 public:
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

  const std::string& file() const { return file_; }
  std::size_t size() const { return text_.size(); }
  JsonValue root() const { return JsonValue(root_, "", &file_); }

 private:
  friend Result<std::unique_ptr<JsonDocument>> parse_json(simdjson::padded_string text,
                                                          std::string file);
  JsonDocument() = default;
  std::string file_;
  simdjson::padded_string text_;
  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
};

// Errors: E_JSON, with the byte offset (and line:column) of a syntax error.
Result<std::unique_ptr<JsonDocument>> parse_json(simdjson::padded_string text, std::string file);
// Errors: E_FILE, E_JSON.
Result<std::unique_ptr<JsonDocument>> read_json_file(const std::string& path);
// The bytes of the JSON file at `path`, with read_json_file's errors (E_FILE).
Result<std::string> read_json_text(const std::string& path);

// "a/b~c" -> "/a~1b~0c": one JSON Pointer reference token.
std::string pointer_token(std::string_view key);

// `terraform show -json` without a plan file: Terraform's JSON of a state ("values"), no plan.
bool is_terraform_state(const JsonValue& root);
// What kind of value this is, for messages: "a string", "a number", "an object", ...
std::string_view kind_of(simdjson::dom::element element);

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_JSON_HPP
