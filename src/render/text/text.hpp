// Helpers the renderers share: a JSON value that only knows how to write itself, column padding
// by display width, word wrapping, Markdown escaping and ANSI colours. Private to snapkey::io.
#ifndef SNAPKEY_SRC_RENDER_TEXT_TEXT_HPP
#define SNAPKEY_SRC_RENDER_TEXT_TEXT_HPP

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/strings.hpp"
#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"
#include "snapkey/skipped_input.hpp"

namespace snapkey::render::detail {

// ---------------------------------------------------------------------------------------------
// JSON output (writing only; snapkey never parses JSON by hand).

// The integer types a Json writes as a number: bool and the character types are not numbers.
template <typename T>
concept JsonInteger = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                      !std::same_as<T, char8_t> && !std::same_as<T, char16_t> &&
                      !std::same_as<T, char32_t> && !std::same_as<T, wchar_t>;

// A JSON value whose objects keep their fields in insertion order, so output order is exactly
// the order the renderer built it in.
class Json {
 public:
  using Array = std::vector<Json>;
  using Object = std::vector<std::pair<std::string, Json>>;

  Json() = default;                                             // null
  Json(std::nullptr_t) {}                                       // NOLINT
  Json(bool value) : value_(value) {}                           // NOLINT
  Json(std::string value) : value_(std::move(value)) {}         // NOLINT
  Json(std::string_view value) : value_(std::string(value)) {}  // NOLINT
  Json(const char* value) : value_(std::string(value)) {}       // NOLINT
  Json(Array value) : value_(std::move(value)) {}               // NOLINT
  Json(Object value) : value_(std::move(value)) {}              // NOLINT
  Json(const std::optional<std::string>& value) {               // NOLINT
    if (value) value_ = *value;
  }
  // A whole number: line numbers, counts, indexes. A template, so that an int is an exact match
  // here rather than ambiguous between bool and a number.
  template <JsonInteger T>
  Json(T value) : value_(static_cast<std::int64_t>(value)) {}  // NOLINT

  // A string, or null when `value` is empty.
  static Json string_or_null(std::string_view value);
  // An array of strings.
  static Json strings(const std::vector<std::string>& values);

  // Pretty-printed with a two-space indent: one field or element a line, `[]` and `{}` for empty
  // containers, ", " nowhere, ": " after names (the layout of Python's json.dumps(indent=2)).
  // No trailing newline.
  std::string dump() const;

 private:
  void dump_to(std::string& out, int depth) const;

  std::variant<std::nullptr_t, bool, std::int64_t, std::string, Array, Object> value_ = nullptr;
};

// Adds "skipped": [{"file", "id", "reason"}] to a JSON report's top level, when a directory held
// files of unknown kind (nothing is skipped silently, docs/inputs.md).
void add_skipped(Json::Object& document, const std::vector<SkippedInput>& skipped);

// The UTF-8 and JSON-string helpers of common/strings.hpp, under the names the renderers use.
using snapkey::detail::append_utf8;
using snapkey::detail::ascii_lower;
using snapkey::detail::json_quote;
using snapkey::detail::kReplacementCharacter;
using snapkey::detail::next_code_point;

// ---------------------------------------------------------------------------------------------
// Plain text

// The number of terminal columns `text` occupies (UTF-8; East Asian wide characters count two).
std::size_t display_width(std::string_view text);
// `text` followed by spaces up to `width` columns (nothing added when it is already as wide).
std::string pad_right(std::string_view text, std::size_t width);

// Splits `text` into lines no wider than `width` at spaces (a longer word stays whole), each
// prefixed with `indent`, and joined with '\n'. No trailing newline; "" for an empty text.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent);
// Like wrap(), but the first line starts with `lead` (which may hold colour codes, so its width is
// given: `lead_width`) and the others with `indent` spaces. Ends with a newline.
//   hang("1. ", 3, "a long sentence", 12, 3) == "1. a long\n   sentence\n"
std::string hang(std::string_view lead, std::size_t lead_width, std::string_view text,
                 std::size_t width, std::size_t indent);

// ANSI colours, applied only when `enabled`.
enum class Color { green, yellow, red, bold, dim };
std::string paint(std::string_view text, Color color, bool enabled);
// The colour of an outcome: green encrypted, yellow unencrypted and indeterminate, red fails and
// unsupported.
Color color_of(Outcome outcome);

// ---------------------------------------------------------------------------------------------
// Markdown

// `text` for a table cell: `|` escaped as `\|`, line breaks as spaces.
std::string markdown_cell(std::string_view text);
// `text` as a code span whose fence is longer than any run of backticks inside it.
std::string code_span(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Shared wording

// The every-outcome list, in enum order.
inline constexpr Outcome kOutcomes[] = {Outcome::encrypted, Outcome::unencrypted, Outcome::fails,
                                        Outcome::unsupported, Outcome::indeterminate};

// "(ARN not known)" for a key whose ARN nobody listed, else the ARN.
std::string key_arn_text(const Key& key);
// The deciding rule (the last of `rules`), or "-".
std::string deciding_rule(const Prediction& prediction);
// "5 recovery points: 3 encrypted, 1 fails, 1 unsupported" (each outcome present, enum order).
std::string outcome_summary(const Predictions& predictions);

}  // namespace snapkey::render::detail

#endif  // SNAPKEY_SRC_RENDER_TEXT_TEXT_HPP
