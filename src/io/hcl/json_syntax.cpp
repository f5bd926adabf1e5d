// HCL's JSON syntax: the JSON is read (with its places) into a small tree first, because
// simdjson's on-demand API, the one that knows where a value is, reads forwards only; the tree is
// then mapped onto HCL's bodies and expressions.
#include "io/hcl/json_syntax.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "io/detail/json.hpp"

namespace snapkey::io::hcl {
namespace {

namespace od = simdjson::ondemand;
using Kind = Expression::Kind;

// A JSON value and where it starts.
struct Node {
  enum class Type { object, array, string, number, boolean, null };
  struct Member;
  Type type = Type::null;
  std::string text;  // a string's value, a number as written, "true" or "false"
  std::vector<Member> members;
  std::vector<Node> items;
  Position at;
};

struct Node::Member {
  std::string name;
  Position at;  // of the key
  Node value;
};

std::string_view kind_of(const Node& node) {
  switch (node.type) {
    case Node::Type::object:
      return "an object";
    case Node::Type::array:
      return "an array";
    case Node::Type::string:
      return "a string";
    case Node::Type::number:
      return "a number";
    case Node::Type::boolean:
      return "a boolean";
    case Node::Type::null:
      break;
  }
  return "null";
}

// Byte offsets to lines and columns.
class Lines {
 public:
  explicit Lines(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }

  Position at(std::size_t offset) const {
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return Position{static_cast<int>(next - starts_.begin()),
                    static_cast<int>(offset - *(next - 1)) + 1};
  }

 private:
  std::vector<std::size_t> starts_{0};
};

// Reads on-demand values into Nodes.
class Reader {
 public:
  Reader(const char* base, const Lines& lines, const std::string& path)
      : base_(base), lines_(lines), path_(path) {}

  Result<Node> value(od::value value) {
    Node out;
    const std::string_view token = value.raw_json_token();
    out.at = place(token.data());
    od::json_type type;
    if (auto error = value.type().get(type)) return broken(out.at, error);
    switch (type) {
      case od::json_type::object:
        out.type = Node::Type::object;
        SNAPKEY_RETURN_IF_ERROR(members(value, out));
        break;
      case od::json_type::array:
        out.type = Node::Type::array;
        SNAPKEY_RETURN_IF_ERROR(items(value, out));
        break;
      case od::json_type::string: {
        out.type = Node::Type::string;
        std::string_view text;
        if (auto error = value.get_string().get(text)) return broken(out.at, error);
        out.text = text;
        break;
      }
      case od::json_type::number:
        out.type = Node::Type::number;
        out.text = token.substr(0, token.find_first_of(" \t\r\n,]}"));
        break;
      case od::json_type::boolean: {
        out.type = Node::Type::boolean;
        bool flag = false;
        if (auto error = value.get_bool().get(flag)) return broken(out.at, error);
        out.text = flag ? "true" : "false";
        break;
      }
      case od::json_type::null:
        break;
    }
    return out;
  }

 private:
  Status members(od::value value, Node& out) {
    od::object object;
    if (auto error = value.get_object().get(object)) return broken(out.at, error);
    for (auto result : object) {
      od::field field;
      if (auto error = std::move(result).get(field)) return broken(out.at, error);
      Node::Member member;
      // The key's opening quote is just before its raw text.
      member.at = place(field.key().raw() - 1);
      std::string_view name;
      if (auto error = field.unescaped_key().get(name)) return broken(member.at, error);
      member.name = name;
      SNAPKEY_ASSIGN_OR_RETURN(member.value, this->value(field.value()));
      out.members.push_back(std::move(member));
    }
    return Ok{};
  }

  Status items(od::value value, Node& out) {
    od::array array;
    if (auto error = value.get_array().get(array)) return broken(out.at, error);
    for (auto item : array) {
      od::value inner;
      if (auto error = item.get(inner)) return broken(out.at, error);
      SNAPKEY_ASSIGN_OR_RETURN(auto node, this->value(inner));
      out.items.push_back(std::move(node));
    }
    return Ok{};
  }

  Position place(const char* at) const { return lines_.at(static_cast<std::size_t>(at - base_)); }

  Error broken(Position at, simdjson::error_code error) const {
    return Error{"E_JSON", fmt::format("expected JSON, found: {}", simdjson::error_message(error)),
                 Location{path_, at.line, at.column, ""}};
  }

  const char* base_;
  const Lines& lines_;
  const std::string& path_;
};

// Maps Nodes onto HCL's tree, with the schema's help.
class Converter {
 public:
  Converter(const std::string& path, const JsonSchema& schema) : path_(path), schema_(schema) {}

  Result<Body> body(const Node& node, std::vector<const Block*>& enclosing) {
    Body out;
    for (const Node::Member& member : node.members) {
      if (member.name == "//") continue;
      if (auto labels = schema_.labels(enclosing, member.name)) {
        Block header;
        header.type = member.name;
        header.at = member.at;
        SNAPKEY_RETURN_IF_ERROR(blocks(header, *labels, member.value, enclosing, out));
        continue;
      }
      SNAPKEY_ASSIGN_OR_RETURN(auto value,
                               expression(member.value, schema_.is_bare(enclosing, member.name)));
      out.attributes.push_back(Attribute{member.name, std::move(value), member.at});
    }
    return out;
  }

 private:
  // `node` holds blocks like `header`: one level of object per label still missing, then the
  // body. An array, at any level, holds one such object per element.
  Status blocks(const Block& header, std::size_t labels, const Node& node,
                std::vector<const Block*>& enclosing, Body& into) {
    if (node.type == Node::Type::array) {
      for (const Node& item : node.items) {
        Block each = header;
        each.at = item.at;
        SNAPKEY_RETURN_IF_ERROR(blocks(each, labels, item, enclosing, into));
      }
      return Ok{};
    }
    if (node.type != Node::Type::object) {
      const bool label = header.labels.size() < labels;
      return error(node.at, fmt::format("expected an object {} of the {} block{} (or an array of "
                                        "them), found {}",
                                        label ? "of labels" : "for the body", header.type,
                                        described_labels(header), kind_of(node)));
    }
    if (header.labels.size() < labels) {
      for (const Node::Member& member : node.members) {
        if (member.name == "//") continue;
        Block labelled = header;
        labelled.labels.push_back(member.name);
        labelled.at = member.at;
        SNAPKEY_RETURN_IF_ERROR(blocks(labelled, labels, member.value, enclosing, into));
      }
      return Ok{};
    }
    Block block = header;
    enclosing.push_back(&block);
    auto body = this->body(node, enclosing);
    enclosing.pop_back();
    if (!body) return body.error();
    block.body = std::move(*body);
    into.blocks.push_back(std::move(block));
    return Ok{};
  }

  static std::string described_labels(const Block& block) {
    std::string out;
    for (const std::string& label : block.labels) out += fmt::format(" \"{}\"", label);
    return out;
  }

  Result<ExpressionPtr> expression(const Node& node, bool bare) {
    auto out = std::make_shared<Expression>();
    out->at = node.at;
    out->source = node.text;
    switch (node.type) {
      case Node::Type::string:
        return string(node, bare);
      case Node::Type::number:
        out->literal = Expression::Literal::number;
        out->name = node.text;
        break;
      case Node::Type::boolean:
        out->literal = Expression::Literal::boolean;
        out->name = node.text;
        break;
      case Node::Type::null:
        out->literal = Expression::Literal::null;
        out->source = "null";
        break;
      case Node::Type::array:
        out->kind = Kind::tuple;
        for (const Node& item : node.items) {
          SNAPKEY_ASSIGN_OR_RETURN(auto part, expression(item, bare));
          out->parts.push_back(std::move(part));
        }
        out->source = composite_source(*out, "[", "]");
        break;
      case Node::Type::object:
        out->kind = Kind::object;
        for (const Node::Member& member : node.members) {
          // A key is a template too, never a reference.
          const Node key{Node::Type::string, member.name, {}, {}, member.at};
          SNAPKEY_ASSIGN_OR_RETURN(auto name, string(key, false));
          SNAPKEY_ASSIGN_OR_RETURN(auto value, expression(member.value, bare));
          out->parts.push_back(std::move(name));
          out->parts.push_back(std::move(value));
        }
        out->source = composite_source(*out, "{", "}");
        break;
    }
    return ExpressionPtr(std::move(out));
  }

  // [a, b] or {k = v, ...}, for messages.
  static std::string composite_source(const Expression& expression, std::string_view open,
                                      std::string_view close) {
    std::string out(open);
    const bool object = open == "{";
    for (std::size_t i = 0; i < expression.parts.size(); ++i) {
      if (i > 0) out += object && i % 2 == 1 ? " = " : ", ";
      out += expression.parts[i]->source;
    }
    return out + std::string(close);
  }

  // A string: an expression as written where the schema says so; otherwise a template.
  Result<ExpressionPtr> string(const Node& node, bool bare) {
    const Position inside{node.at.line, node.at.column + 1};
    if (bare) return parse_expression(node.text, path_, inside);
    const std::string& text = node.text;
    if (text.find("${") == std::string::npos && text.find("%{") == std::string::npos) {
      auto out = std::make_shared<Expression>();
      out->literal = Expression::Literal::string;
      out->name = text;
      out->source = fmt::format("\"{}\"", text);
      out->at = node.at;
      return ExpressionPtr(out);
    }
    // "${expr}", the common case, is the expression itself, at its exact place.
    std::optional<Error> whole;
    if (text.starts_with("${") && text.ends_with("}") && text.find("${", 2) == std::string::npos &&
        text.find("%{") == std::string::npos) {
      auto inner = parse_expression(std::string_view(text).substr(2, text.size() - 3), path_,
                                    Position{node.at.line, node.at.column + 3});
      if (inner) return inner;
      whole = inner.error();
    }
    auto parsed = heredoc_template(node);
    if (parsed) return parsed;
    if (whole) return *whole;
    return error(node.at, fmt::format("expected a string template (text with ${{...}} and "
                                      "%{{...}} sequences), found \"{}\"",
                                      text));
  }

  // Any other template, read as a heredoc's: it has no escapes but $${ and %%{, as JSON strings
  // (already unescaped) need.
  Result<ExpressionPtr> heredoc_template(const Node& node) {
    std::string end = "SNAPKEY_JSON_TEMPLATE";
    while (node.text.find("\n" + end + "\n") != std::string::npos ||
           node.text.starts_with(end + "\n") || node.text.ends_with("\n" + end)) {
      end += "_";
    }
    const std::string heredoc = fmt::format("<<{}\n{}\n{}", end, node.text, end);
    SNAPKEY_ASSIGN_OR_RETURN(auto parsed,
                             parse_expression(heredoc, path_, Position{node.at.line - 1, 1}));
    auto out = std::make_shared<Expression>(*parsed);
    out->at = node.at;
    out->source = fmt::format("\"{}\"", node.text);
    // The heredoc's last line ends with a newline the string does not have.
    if (!out->parts.empty() && out->parts.back()->kind == Kind::literal) {
      auto last = std::make_shared<Expression>(*out->parts.back());
      if (last->name.ends_with('\n')) last->name.pop_back();
      out->parts.back() = last;
      if (last->name.empty()) out->parts.pop_back();
    }
    if (out->parts.size() == 1 && out->parts[0]->kind != Kind::directive) return out->parts[0];
    return ExpressionPtr(out);
  }

  Error error(Position at, std::string message) const {
    return Error{"E_HCL_SYNTAX", std::move(message), Location{path_, at.line, at.column, ""}};
  }

  const std::string& path_;
  const JsonSchema& schema_;
};

}  // namespace

Result<File> parse_json(std::string_view text, const std::string& path, const JsonSchema& schema) {
  // The DOM parser says where a syntax error is; on-demand reading then knows the JSON is sound.
  SNAPKEY_RETURN_IF_ERROR(detail::parse_json(simdjson::padded_string(text), path));
  const simdjson::padded_string json(text);
  const Lines lines(text);
  od::parser parser;
  od::document document;
  od::value root;
  if (parser.iterate(json).get(document) || document.get_value().get(root)) {
    return Error{"E_JSON", "expected a JSON document", Location{path, 1, 1, ""}};
  }
  Reader reader(json.data(), lines, path);
  SNAPKEY_ASSIGN_OR_RETURN(auto node, reader.value(root));
  if (node.type != Node::Type::object) {
    return Error{
        "E_HCL_SYNTAX",
        fmt::format("expected an object of blocks at the top of the file, found {}", kind_of(node)),
        Location{path, node.at.line, node.at.column, ""}};
  }
  File out;
  out.path = path;
  std::vector<const Block*> enclosing;
  SNAPKEY_ASSIGN_OR_RETURN(out.body, Converter(path, schema).body(node, enclosing));
  return out;
}

}  // namespace snapkey::io::hcl
