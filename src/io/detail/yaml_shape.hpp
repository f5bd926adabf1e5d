// The shape checks of the YAML readers (scenario and policy): maps whose keys are known and given
// once, values of the right kind, enumerated words, and errors placed at the value at fault. One
// wording for both readers; each names its own error ids. Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_DETAIL_YAML_SHAPE_HPP
#define SNAPKEY_SRC_IO_DETAIL_YAML_SHAPE_HPP

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "snapkey/result.hpp"

namespace snapkey::io::detail {

// The error ids a reader reports shape errors with (E_SCENARIO_TYPE, E_POLICY_TYPE...).
struct YamlErrorIds {
  std::string_view type;       // a value of the wrong kind
  std::string_view key;        // an unknown key
  std::string_view value;      // a value of the right kind that is not allowed (empty, a typo)
  std::string_view duplicate;  // a key given twice
};

// An enumerated word and the value it stands for.
template <typename T>
struct Word {
  std::string_view word;
  T value;
};

// One `name: value` pair of a YAML map. Nodes are held by value: yaml-cpp iterators hand out
// temporaries.
struct Field {
  std::string name;
  YAML::Node key;
  YAML::Node value;
};
using Fields = std::vector<Field>;

const Field* find(const Fields& fields, std::string_view name);
// What a value is, for "found ..." in messages: 'text', an empty string, a list, a map, nothing.
std::string found(const YAML::Node& node);
// 1-based line:column of a yaml-cpp mark in `file` (0:0 when yaml-cpp has none).
Location yaml_location(std::string_view file, const YAML::Mark& mark);

// E_YAML for yaml-cpp's exception `e` while parsing `text`, at its mark. A tab in the indentation
// of the line it stops at (or the line before) is said as such: yaml-cpp only says "end of map
// not found" or "illegal map value".
Error yaml_syntax_error(std::string_view text, const YAML::Exception& e, std::string_view file);
// A scalar written without quotes (YAML resolves those to numbers, booleans, null...).
bool is_plain(const YAML::Node& node);

class Shape;

// The one document of `text`. Errors: the type id (a second document with content; `one_document`
// says what to do instead), E_YAML (a parser that stops making progress); may throw
// YAML::Exception, like YAML::Load.
Result<YAML::Node> load_document(std::string_view text, const Shape& shape,
                                 std::string_view one_document);

// Reads the values of one file; `file` names it in every location.
class Shape {
 public:
  Shape(std::string_view file, YamlErrorIds ids) : file_(file), ids_(ids) {}

  const std::string& file() const { return file_; }
  const YamlErrorIds& ids() const { return ids_; }
  // 1-based line:column of a yaml-cpp mark (0:0 when yaml-cpp has none).
  Location at(const YAML::Mark& mark) const;
  // The place of a value; nothing (`key:` alone) is placed at its key.
  Location at(const YAML::Node& value, const YAML::Node& key) const;
  Location at(const Field& field) const { return at(field.value, field.key); }

  static Error error(std::string_view id, std::string message, Location where);
  // An error of a value parser (parse_region, parse_date...), moved to the value it came from.
  static Error relocated(Error error, Location where);
  // The type id: "expected EXPECTED for WHAT, found ...".
  Error type_error(std::string_view expected, std::string_view what, const YAML::Node& value,
                   Location where) const;
  Error type_error(std::string_view expected, const Field& field) const;

  // The type id for a document that is no map: "expected a map of sections (SECTIONS) at the top
  // level, found ...", at the document's start when the document has no place of its own.
  Error not_sections(const YAML::Node& root, std::span<const std::string_view> sections) const;

  // The pairs of the map `node`, each key a string given once. `owner` ends messages: "at the
  // top level", "in 'require'", "in suppression 2".
  Result<Fields> pairs(const YAML::Node& node, std::string_view owner) const;
  // pairs(), where every key must be one of `known` (the key id, with a "did you mean").
  Result<Fields> fields(const YAML::Node& node, std::span<const std::string_view> known,
                        std::string_view owner) const;
  // A non-empty string; `what` names the value in messages ("'reason'").
  Result<std::string> text(const YAML::Node& value, std::string_view what,
                           std::string_view expected, Location where) const;
  // true or false (also True, TRUE, False, FALSE; never YAML 1.1's yes / no / on / off).
  Result<bool> boolean(const Field& field) const;
  // One of `words`, spelt exactly; a misspelling gets a suggestion (the value id).
  Result<std::string> choice(const Field& field, std::span<const std::string_view> words) const;
  template <typename T, std::size_t N>
  Result<T> choice(const Field& field, const std::array<Word<T>, N>& words) const;

 private:
  std::string file_;
  YamlErrorIds ids_;
};

template <typename T, std::size_t N>
Result<T> Shape::choice(const Field& field, const std::array<Word<T>, N>& words) const {
  std::vector<std::string_view> list;
  for (const Word<T>& word : words) list.push_back(word.word);
  SNAPKEY_ASSIGN_OR_RETURN(const std::string chosen, choice(field, list));
  const auto it = std::find_if(words.begin(), words.end(),
                               [&](const Word<T>& word) { return word.word == chosen; });
  return it->value;  // choice() accepts only the words
}

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_YAML_SHAPE_HPP
