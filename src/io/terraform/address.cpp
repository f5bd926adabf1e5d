#include "io/terraform/address.hpp"

#include <fmt/format.h>

#include <cctype>

namespace snapkey::io::terraform {
namespace {

// A traversal step: an attribute name, or an index written between brackets.
struct Token {
  std::string text;
  bool index = false;
};

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

// The length of the bracketed index at the start of `text` ("[0]", "[\"a\\\"b\"]"), or 0.
std::size_t index_length(std::string_view text) {
  if (text.size() < 3 || text[0] != '[') return 0;
  std::size_t i = 1;
  if (text[i] == '"') {
    for (++i; i < text.size() && text[i] != '"'; ++i) {
      if (text[i] == '\\') ++i;  // an escaped character, quotes included
    }
    if (i >= text.size()) return 0;
    ++i;
  } else {
    while (i < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[i])) != 0 || text[i] == '*')) {
      ++i;
    }
    if (i == 1) return 0;
  }
  return i < text.size() && text[i] == ']' ? i + 1 : 0;
}

// Splits "a.b[0].c" into a, b, [0], c. nullopt for anything else.
std::optional<std::vector<Token>> tokens(std::string_view text) {
  std::vector<Token> out;
  bool expect_name = true;
  while (!text.empty()) {
    if (const std::size_t n = index_length(text); n > 0 && !out.empty()) {
      out.push_back({std::string(text.substr(1, n - 2)), true});
      text.remove_prefix(n);
      expect_name = false;
      continue;
    }
    if (!expect_name) {
      if (text[0] != '.') return std::nullopt;
      text.remove_prefix(1);
    }
    std::size_t n = 0;
    while (n < text.size() && name_char(text[n])) ++n;
    if (n == 0) return std::nullopt;
    out.push_back({std::string(text.substr(0, n)), false});
    text.remove_prefix(n);
    expect_name = false;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// Reads NAME[KEY]?.ATTRIBUTE? from `at` on into `ref`.
bool instance_and_attribute(const std::vector<Token>& t, std::size_t at, Reference& ref) {
  if (at >= t.size() || t[at].index) return false;
  ref.name = t[at].text;
  ++at;
  if (at < t.size() && t[at].index) {
    if (t[at].text != "*") {
      ref.key = t[at].text;
      ref.has_key = true;
    }
    ++at;
  }
  if (at < t.size() && !t[at].index) ref.attribute = t[at].text;
  return true;
}

}  // namespace

std::string to_string(const ModulePath& path) {
  std::string out;
  for (const ModuleStep& step : path) {
    if (!out.empty()) out += '.';
    out += "module." + step.name;
    if (!step.key.empty()) out += "[" + step.key + "]";
  }
  return out;
}

std::optional<ModulePath> parse_module_address(std::string_view text) {
  ModulePath path;
  if (text.empty()) return path;
  const auto t = tokens(text);
  if (!t) return std::nullopt;
  for (std::size_t i = 0; i < t->size();) {
    if ((*t)[i].index || (*t)[i].text != "module" || i + 1 >= t->size() || (*t)[i + 1].index) {
      return std::nullopt;
    }
    ModuleStep step{(*t)[i + 1].text, ""};
    i += 2;
    if (i < t->size() && (*t)[i].index) step.key = (*t)[i++].text;
    path.push_back(std::move(step));
  }
  return path;
}

std::optional<Reference> parse_reference(std::string_view text) {
  const auto t = tokens(text);
  if (!t || (*t)[0].index) return std::nullopt;
  Reference ref;
  const std::string& head = (*t)[0].text;
  if (head == "var" || head == "local") {
    ref.kind = head == "var" ? Reference::Kind::variable : Reference::Kind::local;
    if (t->size() < 2 || (*t)[1].index) return std::nullopt;
    ref.name = (*t)[1].text;
    return ref;
  }
  if (head == "module") {
    ref.kind = Reference::Kind::module_output;
    if (!instance_and_attribute(*t, 1, ref)) return std::nullopt;
    return ref;
  }
  if (head == "each" || head == "count" || head == "path" || head == "terraform" ||
      head == "self") {
    ref.kind = Reference::Kind::other;
    ref.name = t->size() > 1 && !(*t)[1].index ? head + "." + (*t)[1].text : head;
    return ref;
  }
  ref.kind = Reference::Kind::resource;
  std::size_t at = 0;
  if (head == "data") {
    ref.data = true;
    at = 1;
  }
  if (at >= t->size() || (*t)[at].index) return std::nullopt;
  ref.type = (*t)[at].text;
  if (!instance_and_attribute(*t, at + 1, ref)) return std::nullopt;
  return ref;
}

std::string Reference::root() const {
  switch (kind) {
    case Kind::variable:
      return "var." + name;
    case Kind::local:
      return "local." + name;
    case Kind::other:
      return name;
    case Kind::module_output:
    case Kind::resource:
      break;
  }
  std::string out =
      kind == Kind::module_output ? "module." + name : (data ? "data." : "") + type + "." + name;
  if (has_key) out += "[" + key + "]";
  return out;
}

std::string Reference::to_string() const {
  return attribute.empty() ? root() : root() + "." + attribute;
}

}  // namespace snapkey::io::terraform
