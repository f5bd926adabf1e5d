// The shape checks of the policy reader (io/policy/reader.cpp): YAML maps whose keys are known and
// given once, values of the right kind, and errors placed at the value at fault. Private to
// snapkey::io; the scenario reader has its own (its ids differ, E_SCENARIO_*).
#ifndef SNAPKEY_SRC_IO_POLICY_YAML_HPP
#define SNAPKEY_SRC_IO_POLICY_YAML_HPP

#include <yaml-cpp/yaml.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::io::policy_yaml {

inline constexpr std::string_view kKeyError = "E_POLICY_KEY";
inline constexpr std::string_view kTypeError = "E_POLICY_TYPE";
inline constexpr std::string_view kValueError = "E_POLICY_VALUE";
inline constexpr std::string_view kCheckError = "E_POLICY_CHECK";
inline constexpr std::string_view kSuppressionError = "E_POLICY_SUPPRESSION";

// One `name: value` pair of a YAML map. Nodes are held by value: yaml-cpp iterators hand out
// temporaries.
struct Field {
  std::string name;
  YAML::Node key;
  YAML::Node value;
};
using Fields = std::vector<Field>;

const Field* find(const Fields& fields, std::string_view name);
// "a, b, c"
std::string join(std::span<const std::string_view> words);
// What a value is, for "found ..." in messages: 'text', an empty string, a list, a map, nothing.
std::string found(const YAML::Node& node);
// A scalar written without quotes (YAML resolves those to numbers, booleans, null...).
bool is_plain(const YAML::Node& node);

class Shape;

// The one document of `text`. Errors: E_POLICY_TYPE (a second document with content), E_YAML (a
// parser that stops making progress); may throw YAML::Exception, like YAML::Load.
Result<YAML::Node> load_document(std::string_view text, const Shape& shape);

// Reads the values of one file; `file` names it in every location.
class Shape {
 public:
  explicit Shape(std::string_view file) : file_(file) {}

  const std::string& file() const { return file_; }
  // 1-based line:column of a yaml-cpp mark (0:0 when yaml-cpp has none).
  Location at(const YAML::Mark& mark) const;
  // The place of a value; nothing (`key:` alone) is placed at its key.
  Location at(const YAML::Node& value, const YAML::Node& key) const;
  Location at(const Field& field) const { return at(field.value, field.key); }

  static Error error(std::string_view id, std::string message, Location where);
  // An error of a value parser (parse_region, parse_date...), moved to the value it came from.
  static Error relocated(Error error, Location where);
  // E_POLICY_TYPE: "expected EXPECTED for WHAT, found ...".
  static Error type_error(std::string_view expected, std::string_view what, const YAML::Node& value,
                          Location where);
  Error type_error(std::string_view expected, const Field& field) const;

  // The pairs of the map `node`, each key a string given once. `owner` ends messages: "at the
  // top level", "in 'require'", "in suppression 2".
  Result<Fields> pairs(const YAML::Node& node, std::string_view owner) const;
  // pairs(), where every key must be one of `known` (E_POLICY_KEY with a "did you mean").
  Result<Fields> fields(const YAML::Node& node, std::span<const std::string_view> known,
                        std::string_view owner) const;
  // A non-empty string; `what` names the value in messages ("'reason'").
  Result<std::string> text(const YAML::Node& value, std::string_view what,
                           std::string_view expected, Location where) const;
  // true or false (also True, TRUE, False, FALSE; never YAML 1.1's yes / no / on / off).
  Result<bool> boolean(const Field& field) const;

 private:
  std::string file_;
};

}  // namespace snapkey::io::policy_yaml

#endif  // SNAPKEY_SRC_IO_POLICY_YAML_HPP
