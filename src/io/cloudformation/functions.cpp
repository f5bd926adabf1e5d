// Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::Base64 and Fn::FindInMap
// (io/cloudformation/eval.hpp).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
#include <fmt/format.h>

#include <charconv>

#include "io/cloudformation/eval.hpp"

namespace snapkey::io::cloudformation {
namespace {

// The first unknown among values, or nullptr.
const Value* first_unknown(const std::vector<Value>& values) {
  for (const Value& value : values) {
    if (value.is_unknown()) return &value;
  }
  return nullptr;
}

std::string encode_base64(std::string_view text) {
  static constexpr std::string_view kDigits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(text[i]) << 16) |
                       (static_cast<unsigned char>(text[i + 1]) << 8) |
                       static_cast<unsigned char>(text[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kDigits[(n >> shift) & 63];
  }
  if (i < text.size()) {
    unsigned n = static_cast<unsigned char>(text[i]) << 16;
    if (i + 1 < text.size()) n |= static_cast<unsigned char>(text[i + 1]) << 8;
    out += kDigits[(n >> 18) & 63];
    out += kDigits[(n >> 12) & 63];
    out += i + 1 < text.size() ? kDigits[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace

// --- Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::Base64 ---------------------------------------

Result<std::vector<std::string>> split_sub(const std::string& text, const Location& where) {
  std::vector<std::string> parts(1);
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "${!") == 0) {  // ${!Literal} is the text ${Literal}
      parts.back() += "${";
      i += 3;
    } else if (text.compare(i, 2, "${") == 0) {
      const auto close = text.find('}', i + 2);
      if (close == std::string::npos) {
        return value_error(fmt::format("Fn::Sub string '{}' has a '${{' with no '}}'", text),
                           where);
      }
      parts.push_back(text.substr(i + 2, close - i - 2));
      parts.emplace_back();
      i = close + 1;
    } else {
      parts.back() += text[i++];
    }
  }
  return parts;
}

Result<Value> Evaluator::sub(std::size_t stack, const Node& arg, const Location& where) {
  const Node* format = &arg;
  const Node* variables = nullptr;
  if (arg.is_list() && arg.items.size() == 2 && arg.items[1].is_map()) {
    format = &arg.items[0];
    variables = &arg.items[1];
  }
  if (!format->is_scalar()) {
    return value_error(fmt::format("Fn::Sub expects a string, or [string, {{variables}}], found {}",
                                   arg.kind_name()),
                       where);
  }
  SNAPKEY_ASSIGN_OR_RETURN(auto parts, split_sub(format->text, where));
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = (parts)[i];
    if (i % 2 == 0) {
      append_text(pieces, {Piece{part, std::nullopt}});
      continue;
    }
    Result<Value> value = Value{};
    if (const Node* given = variables != nullptr ? variables->find(part) : nullptr) {
      value = eval(stack, *given);
    } else if (const auto dot = part.find('.');
               dot != std::string::npos && !part.starts_with("AWS::")) {
      value = attribute(stack, part.substr(0, dot), part.substr(dot + 1), where);
    } else {
      value = ref_name(stack, part, where);
    }
    if (!value) return value;
    if (value->is_unknown()) return Value::unknown(value->reason, where);
    if (!value->is_text()) {
      return value_error(
          fmt::format("Fn::Sub variable ${{{}}} is {}, not a string", part, value->kind_name()),
          where);
    }
    append_text(pieces, value->pieces);
  }
  return text_of(std::move(pieces), where);
}

Result<Value> Evaluator::join(std::size_t stack, const Node& arg, const Location& where) {
  if (!arg.is_list() || arg.items.size() != 2 || !arg.items[0].is_scalar()) {
    return value_error(
        fmt::format("Fn::Join expects [delimiter, [values...]], found {}", arg.kind_name()), where);
  }
  auto list = eval(stack, arg.items[1]);
  if (!list) return list;
  if (list->is_unknown()) return Value::unknown(list->reason, where);
  if (list->kind != Value::Kind::list) {
    return value_error(
        fmt::format("Fn::Join expects a list of values to join, found {}", list->kind_name()),
        where);
  }
  if (const Value* unknown = first_unknown(list->items)) {
    return Value::unknown(unknown->reason, where);
  }
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const Value& item = list->items[i];
    if (!item.is_text()) {
      return value_error(fmt::format("Fn::Join can only join strings, found {}", item.kind_name()),
                         where);
    }
    if (i > 0) append_text(pieces, {Piece{arg.items[0].text, std::nullopt}});
    append_text(pieces, item.pieces);
  }
  return text_of(std::move(pieces), where);
}

Result<Value> Evaluator::select(std::size_t stack, const Node& arg, const Location& where) {
  if (!arg.is_list() || arg.items.size() != 2) {
    return value_error(
        fmt::format("Fn::Select expects [index, [values...]], found {}", arg.kind_name()), where);
  }
  std::string reason;
  SNAPKEY_ASSIGN_OR_RETURN(auto index_text,
                           literal_arg(stack, arg.items[0], "the index of Fn::Select", reason));
  if (!index_text) return Value::unknown(reason, where);
  std::size_t index = 0;
  const std::string& digits = *index_text;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
  if (error != std::errc() || end != digits.data() + digits.size()) {
    return value_error(
        fmt::format("Fn::Select expects a whole number as its index, found '{}'", digits), where);
  }
  auto list = eval(stack, arg.items[1]);
  if (!list) return list;
  if (list->is_unknown()) return Value::unknown(list->reason, where);
  if (list->kind != Value::Kind::list) {
    return value_error(
        fmt::format("Fn::Select expects a list to select from, found {}", list->kind_name()),
        where);
  }
  if (index >= list->items.size()) {
    return value_error(fmt::format("Fn::Select index {} is out of range: the list has {} values",
                                   index, list->items.size()),
                       where);
  }
  return list->items[index];
}

Result<Value> Evaluator::split(std::size_t stack, const Node& arg, const Location& where) {
  if (!arg.is_list() || arg.items.size() != 2 || !arg.items[0].is_scalar() ||
      arg.items[0].text.empty()) {
    return value_error(
        fmt::format("Fn::Split expects [delimiter, string], found {}", arg.kind_name()), where);
  }
  auto text = eval(stack, arg.items[1]);
  if (!text) return text;
  if (text->is_unknown()) return Value::unknown(text->reason, where);
  if (!text->is_literal()) {
    return Value::unknown(fmt::format("Fn::Split splits '{}', which is known only when the "
                                      "stack is deployed",
                                      text->text()),
                          where);
  }
  const std::string& delimiter = arg.items[0].text;
  const std::string whole = text->text();
  Value list;
  list.kind = Value::Kind::list;
  list.location = where;
  std::size_t start = 0;
  while (true) {
    const auto at = whole.find(delimiter, start);
    list.items.push_back(Value::literal(whole.substr(start, at - start), where));
    if (at == std::string::npos) break;
    start = at + delimiter.size();
  }
  return list;
}

Result<Value> Evaluator::base64(std::size_t stack, const Node& arg, const Location& where) {
  auto text = eval(stack, arg);
  if (!text) return text;
  if (text->is_unknown()) return Value::unknown(text->reason, where);
  if (!text->is_literal()) {
    return Value::unknown("Fn::Base64 encodes a value known only when the stack is deployed",
                          where);
  }
  return Value::literal(encode_base64(text->text()), where);
}

// --- Fn::FindInMap ------------------------------------------------------------------------------

Result<Value> Evaluator::find_in_map(std::size_t stack, const Node& arg, const Location& where) {
  const bool shaped = arg.is_list() && (arg.items.size() == 3 || arg.items.size() == 4);
  if (!shaped) {
    return value_error(fmt::format("Fn::FindInMap expects [map, top-level key, second-level key], "
                                   "found {}",
                                   arg.kind_name()),
                       where);
  }
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < 3; ++i) {
    std::string reason;
    SNAPKEY_ASSIGN_OR_RETURN(auto key,
                             literal_arg(stack, arg.items[i], "a key of Fn::FindInMap", reason));
    if (!key) return Value::unknown(reason, where);
    keys.push_back(*key);
  }
  const Node* mappings = stacks_[stack].section("Mappings");
  const Node* found = mappings;
  for (const std::string& key : keys) found = found == nullptr ? nullptr : found->find(key);
  if (found != nullptr) return eval(stack, *found);
  if (arg.items.size() == 4) {  // {DefaultValue: ...} (AWS::LanguageExtensions)
    if (const Node* fallback = arg.items[3].find("DefaultValue")) return eval(stack, *fallback);
  }
  return value_error(
      fmt::format("Fn::FindInMap finds nothing at {} / {} / {} in the Mappings of {}", keys[0],
                  keys[1], keys[2], stacks_[stack].file),
      where);
}

}  // namespace snapkey::io::cloudformation
