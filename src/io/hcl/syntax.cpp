// HCL native syntax: tree-sitter's concrete syntax tree turned into Body, Block and Expression.
#include "io/hcl/syntax.hpp"

#include <fmt/format.h>
#include <tree_sitter/api.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "common/strings.hpp"
#include "io/detail/depth.hpp"
#include "io/detail/text.hpp"

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace snapkey::io::hcl {
namespace {

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};
struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
struct LookaheadDeleter {
  void operator()(TSLookaheadIterator* it) const { ts_lookahead_iterator_delete(it); }
};

using Kind = Expression::Kind;

// Walks one parsed file. Every node it is handed is one the grammar produced without error
// (parse() checks the tree first), so an unexpected shape is a grammar this reader does not know.
class Converter {
 public:
  Converter(std::string_view text, Position origin) : text_(text), origin_(origin) {}

  std::string_view text_of(TSNode node) const {
    return text_.substr(ts_node_start_byte(node),
                        ts_node_end_byte(node) - ts_node_start_byte(node));
  }
  std::string type_of(TSNode node) const { return ts_node_type(node); }
  Position position(TSNode node) const {
    const TSPoint point = ts_node_start_point(node);
    const int line = static_cast<int>(point.row);
    const int column = static_cast<int>(point.column);
    // An expression parsed on its own sits at `origin_`: its first line continues that line.
    return line == 0 ? Position{origin_.line, origin_.column + column}
                     : Position{origin_.line + line, column + 1};
  }

  // Through a cursor: ts_node_child(i) walks the children from the first each time.
  static std::vector<TSNode> children(TSNode node) {
    std::vector<TSNode> out;
    TSTreeCursor cursor = ts_tree_cursor_new(node);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        out.push_back(ts_tree_cursor_current_node(&cursor));
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    return out;
  }

  std::vector<TSNode> named_children(TSNode node) const {
    std::vector<TSNode> out;
    for (TSNode child : children(node)) {
      if (ts_node_is_named(child) && type_of(child) != "comment") out.push_back(child);
    }
    return out;
  }

  Body body(TSNode node) const {
    Body out;
    for (TSNode child : named_children(node)) {
      const std::string type = type_of(child);
      if (type == "attribute") {
        out.attributes.push_back(attribute(child));
      } else if (type == "block") {
        out.blocks.push_back(block(child));
      }
    }
    return out;
  }

  Attribute attribute(TSNode node) const {
    const std::vector<TSNode> children = named_children(node);
    return Attribute{std::string(text_of(children.at(0))), expression(children.at(1)),
                     position(node)};
  }

  Block block(TSNode node) const {
    Block out;
    out.at = position(node);
    for (TSNode child : named_children(node)) {
      const std::string type = type_of(child);
      if (type == "identifier") {
        (out.type.empty() ? out.type : out.labels.emplace_back()) = text_of(child);
      } else if (type == "string_lit") {
        out.labels.push_back(unescape(literal_text(child)));
      } else if (type == "body") {
        out.body = body(child);
      }
    }
    return out;
  }

  ExpressionPtr expression(TSNode node) const {
    const std::string type = type_of(node);
    if (type == "expression") {
      const std::vector<TSNode> children = named_children(node);
      if (children.empty()) return make(Kind::literal, node);
      ExpressionPtr out = expression(children[0]);
      for (std::size_t i = 1; i < children.size(); ++i) out = postfix(out, children[i], node);
      return out;
    }
    if (type == "literal_value") return literal(named_children(node).at(0));
    if (type == "variable_expr") {
      auto out = make(Kind::variable, node);
      out->name = text_of(named_children(node).at(0));
      return out;
    }
    if (type == "collection_value") return collection(named_children(node).at(0));
    if (type == "template_expr") return template_string(named_children(node).at(0));
    if (type == "function_call") return call(node);
    if (type == "conditional") return with_parts(Kind::conditional, node, named_children(node));
    if (type == "operation") return expression(named_children(node).at(0));
    if (type == "binary_operation" || type == "unary_operation") return operation(node);
    if (type == "for_expr") return for_expression(named_children(node).at(0));
    return literal(node);
  }

 private:
  std::shared_ptr<Expression> make(Kind kind, TSNode node) const {
    auto out = std::make_shared<Expression>();
    out->kind = kind;
    out->at = position(node);
    out->source = text_of(node);
    return out;
  }

  std::shared_ptr<Expression> with_parts(Kind kind, TSNode node,
                                         const std::vector<TSNode>& parts) const {
    auto out = make(kind, node);
    for (TSNode part : parts) out->parts.push_back(expression(part));
    return out;
  }

  // An operand is a term and its postfix steps, not wrapped in an expression node: the children
  // before the operator token are the left one, those after it the right one.
  ExpressionPtr operation(TSNode node) const {
    const bool binary = type_of(node) == "binary_operation";
    auto out = make(binary ? Kind::binary : Kind::unary, node);
    std::vector<std::vector<TSNode>> operands(1);
    for (TSNode child : children(node)) {
      if (ts_node_is_named(child)) {
        if (type_of(child) != "comment") operands.back().push_back(child);
      } else if (out->name.empty()) {
        out->name = type_of(child);
        if (binary) operands.emplace_back();
      }
    }
    for (const std::vector<TSNode>& operand : operands) {
      if (operand.empty()) continue;
      ExpressionPtr term = expression(operand[0]);
      for (std::size_t i = 1; i < operand.size(); ++i)
        term = postfix(term, operand[i], operand[0], operand[i]);
      out->parts.push_back(std::move(term));
    }
    return out;
  }

  // `base` followed by .name, [index], .* or [*]. `whole` is the expression node, whose text the
  // result is named by up to this step.
  ExpressionPtr postfix(ExpressionPtr base, TSNode step, TSNode whole) const {
    return postfix(std::move(base), step, whole, step);
  }

  // The same, named by the text from the start of `first` to the end of `last`.
  ExpressionPtr postfix(ExpressionPtr base, TSNode step, TSNode first, TSNode last) const {
    const TSNode whole = first;
    const std::string type = type_of(step);
    if (type == "splat") {
      auto out = make(Kind::splat, whole);
      out->at = base->at;
      out->source = std::string(text_.substr(ts_node_start_byte(whole),
                                             ts_node_end_byte(last) - ts_node_start_byte(whole)));
      auto each = make(Kind::variable, step);
      ExpressionPtr chain = each;
      for (TSNode inner : named_children(named_children(step).at(0))) {
        chain = postfix(chain, inner, step);
      }
      out->parts = {std::move(base), std::move(chain)};
      return out;
    }
    auto out = make(type == "get_attr" ? Kind::get_attr : Kind::index, whole);
    out->at = base->at;
    out->source = std::string(text_.substr(ts_node_start_byte(whole),
                                           ts_node_end_byte(last) - ts_node_start_byte(whole)));
    out->parts.push_back(std::move(base));
    if (type == "get_attr") {
      out->name = text_of(named_children(step).at(0));
      return out;
    }
    const TSNode index = named_children(step).at(0);
    if (type_of(index) == "legacy_index") {  // a.0: the index is the number after the dot
      auto number = make(Kind::literal, index);
      number->literal = Expression::Literal::number;
      number->name = std::string(text_of(index).substr(1));
      out->parts.push_back(std::move(number));
    } else {
      out->parts.push_back(expression(named_children(index).at(0)));
    }
    return out;
  }

  ExpressionPtr literal(TSNode node) const {
    auto out = make(Kind::literal, node);
    const std::string type = type_of(node);
    if (type == "null_lit") {
      out->literal = Expression::Literal::null;
    } else if (type == "bool_lit") {
      out->literal = Expression::Literal::boolean;
      out->name = text_of(node);
    } else if (type == "numeric_lit") {
      out->literal = Expression::Literal::number;
      out->name = text_of(node);
    } else if (type == "string_lit") {
      out->literal = Expression::Literal::string;
      out->name = unescape(literal_text(node));
    }
    return out;
  }

  // The text between a string literal's quotes, still escaped.
  std::string literal_text(TSNode node) const {
    const std::string_view text = text_of(node);
    return text.size() < 2 ? std::string() : std::string(text.substr(1, text.size() - 2));
  }

  ExpressionPtr collection(TSNode node) const {
    if (type_of(node) == "tuple") {
      std::vector<TSNode> items;
      for (TSNode child : named_children(node)) {
        if (type_of(child) == "expression") items.push_back(child);
      }
      return with_parts(Kind::tuple, node, items);
    }
    auto out = make(Kind::object, node);
    for (TSNode element : named_children(node)) {
      if (type_of(element) != "object_elem") continue;
      out->parts.push_back(object_key(ts_node_child_by_field_name(element, "key", 3)));
      out->parts.push_back(expression(ts_node_child_by_field_name(element, "val", 3)));
    }
    return out;
  }

  // An object key: a bare name is the name as a string ({ a = 1 } has the key "a"), unlike
  // anywhere else, where it is a variable; (a) is the variable.
  ExpressionPtr object_key(TSNode node) const {
    const std::vector<TSNode> children = named_children(node);
    if (children.size() == 1 && type_of(children[0]) == "variable_expr") {
      auto out = make(Kind::literal, node);
      out->literal = Expression::Literal::string;
      out->name = text_of(children[0]);
      return out;
    }
    return expression(node);
  }

  ExpressionPtr call(TSNode node) const {
    auto out = make(Kind::call, node);
    for (TSNode child : named_children(node)) {
      if (type_of(child) == "identifier") {
        out->name = text_of(child);
        continue;
      }
      for (TSNode argument : named_children(child)) {
        if (type_of(argument) == "ellipsis") {
          out->expand = true;
        } else {
          out->parts.push_back(expression(argument));
        }
      }
    }
    return out;
  }

  ExpressionPtr for_expression(TSNode node) const {
    const bool tuple = type_of(node) == "for_tuple_expr";
    auto out = make(tuple ? Kind::for_tuple : Kind::for_object, node);
    ExpressionPtr condition;
    for (TSNode child : named_children(node)) {
      const std::string type = type_of(child);
      if (type == "for_intro") {
        std::vector<std::string> names;
        for (TSNode part : named_children(child)) {
          if (type_of(part) == "identifier") {
            names.emplace_back(text_of(part));
          } else {
            out->parts.insert(out->parts.begin(), expression(part));
          }
        }
        out->value_var = names.back();
        if (names.size() > 1) out->key_var = names.front();
      } else if (type == "for_cond") {
        condition = expression(named_children(child).at(0));
      } else if (type == "ellipsis") {
        out->expand = true;
      } else if (type == "expression") {
        out->parts.push_back(expression(child));
      }
    }
    if (condition) {
      out->has_condition = true;
      out->parts.push_back(std::move(condition));
    }
    return out;
  }

  // A template's literal text is what lies between its interpolations and directives, taken
  // from the source (the grammar leaves spaces out of its template_literal tokens).
  ExpressionPtr template_string(TSNode node) const {
    auto out = make(Kind::template_string, node);
    const bool heredoc = type_of(node) == "heredoc_template";
    const bool indented = heredoc && text_of(node).starts_with("<<-");
    const uint32_t base = ts_node_start_byte(node);
    const std::string_view whole = text_of(node);
    // The content: after the opening quote, or after the line of <<ID; up to the closing quote,
    // or the start of the closing ID's line.
    std::size_t begin = 1;
    std::size_t end = whole.size() - 1;
    if (heredoc) {
      begin = whole.find('\n') + 1;
      end = whole.rfind('\n', whole.size() - 1);
      end = end == std::string_view::npos || end < begin ? begin : end + 1;
    }
    std::size_t at = begin;
    const auto literal = [&](std::size_t to) {
      if (to <= at) return;
      auto part = std::make_shared<Expression>();
      part->kind = Kind::literal;
      part->literal = Expression::Literal::string;
      part->at = out->at;
      const std::string_view raw = whole.substr(at, to - at);
      part->name = heredoc ? heredoc_text(raw) : unescape(raw);
      out->parts.push_back(std::move(part));
    };
    for (TSNode child : named_children(node)) {
      const std::string type = type_of(child);
      if (type != "template_interpolation" && type != "template_directive") continue;
      literal(ts_node_start_byte(child) - base);
      if (type == "template_interpolation") {
        for (TSNode inner : named_children(child)) {
          if (type_of(inner) == "expression") out->parts.push_back(expression(inner));
        }
      } else {
        out->parts.push_back(make(Kind::directive, child));
      }
      at = ts_node_end_byte(child) - base;
    }
    literal(end);
    if (indented) strip_indent(*out);
    return out;
  }

  // <<- removes the smallest indentation of the heredoc's lines from each.
  static void strip_indent(Expression& heredoc) {
    // Each line starts after a newline; the content's first line is written as if after one.
    const auto lines_of = [&](std::size_t i) {
      return (i == 0 ? "\n" : "") + heredoc.parts[i]->name;
    };
    std::size_t least = std::string::npos;
    for (std::size_t i = 0; i < heredoc.parts.size(); ++i) {
      if (heredoc.parts[i]->kind != Kind::literal) continue;
      const std::string text = lines_of(i);
      for (std::size_t start = text.find('\n'); start != std::string::npos;
           start = text.find('\n', start + 1)) {
        const std::size_t end = text.find_first_not_of(" \t", start + 1);
        if (end != std::string::npos && text[end] != '\n') least = std::min(least, end - start - 1);
      }
    }
    if (least == std::string::npos || least == 0) return;
    for (std::size_t i = 0; i < heredoc.parts.size(); ++i) {
      if (heredoc.parts[i]->kind != Kind::literal) continue;
      auto stripped = std::make_shared<Expression>(*heredoc.parts[i]);
      std::string text = lines_of(i);
      for (std::size_t start = text.find('\n'); start != std::string::npos;
           start = text.find('\n', start + 1)) {
        const std::size_t first = text.find_first_not_of(" \t", start + 1);
        const std::size_t spaces = (first == std::string::npos ? text.size() : first) - start - 1;
        text.erase(start + 1, std::min(least, spaces));
      }
      stripped->name = i == 0 ? text.substr(1) : text;
      heredoc.parts[i] = stripped;
    }
  }

  // A heredoc's text: no escapes but $${ and %%{.
  static std::string heredoc_text(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if ((raw[i] == '$' || raw[i] == '%') && raw.substr(i + 1, 2) == std::string{raw[i], '{'}) {
        ++i;
      }
      out += raw[i];
    }
    return out;
  }

  // A quoted string's escapes: \n \r \t \" \\ \uNNNN \UNNNNNNNN, and $${ / %%{ for ${ / %{.
  static std::string unescape(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const char c = raw[i];
      if ((c == '$' || c == '%') && raw.substr(i + 1, 2) == std::string{c, '{'}) {
        out += c;
        ++i;
        continue;
      }
      if (c != '\\' || i + 1 == raw.size()) {
        out += c;
        continue;
      }
      const char e = raw[++i];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
        case 'U': {
          const std::size_t digits = e == 'u' ? 4 : 8;
          const unsigned long code =
              std::strtoul(std::string(raw.substr(i + 1, digits)).c_str(), nullptr, 16);
          snapkey::detail::append_utf8(out, static_cast<char32_t>(code));
          i += digits;
          break;
        }
        default:
          out += e;
      }
    }
    return out;
  }

  std::string_view text_;
  Position origin_;
};

// The first node, in document order, that is an error or a missing token.
std::optional<TSNode> first_error(TSNode node) {
  if (ts_node_is_error(node) || ts_node_is_missing(node)) return node;
  const uint32_t count = ts_node_child_count(node);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_child(node, i);
    if (!ts_node_has_error(child)) continue;
    if (auto found = first_error(child)) return found;
  }
  return std::nullopt;
}

// How a message names a grammar symbol: '=' for punctuation, "a name" for identifier.
std::optional<std::string> symbol_words(const TSLanguage* language, TSSymbol symbol) {
  const char* name = ts_language_symbol_name(language, symbol);
  const TSSymbolType type = ts_language_symbol_type(language, symbol);
  if (type == TSSymbolTypeAnonymous) return fmt::format("'{}'", name);
  if (type != TSSymbolTypeRegular) return std::nullopt;
  static const std::map<std::string, std::string, std::less<>> words = {
      {"identifier", "a name"},
      {"numeric_lit", "a number"},
      {"quoted_template_start", "a string"},
      {"heredoc_identifier", "a heredoc's name"},
      {"template_literal", "text"}};
  const auto it = words.find(name);
  if (it == words.end()) return std::nullopt;
  return it->second;
}

// What the grammar would have accepted in `state`, as words: "'=', '{' or a name".
std::string expected_in(const TSLanguage* language, TSStateId state) {
  std::unique_ptr<TSLookaheadIterator, LookaheadDeleter> it(
      ts_lookahead_iterator_new(language, state));
  if (!it) return "";
  std::set<std::string> words;
  while (ts_lookahead_iterator_next(it.get())) {
    if (auto w = symbol_words(language, ts_lookahead_iterator_current_symbol(it.get()))) {
      words.insert(*w);
    }
  }
  words.erase("'\n'");
  if (words.empty() || words.size() > 8) return "";
  std::vector<std::string> list(words.begin(), words.end());
  std::string out = list.front();
  for (std::size_t i = 1; i < list.size(); ++i) {
    out += (i + 1 == list.size() ? " or " : ", ") + list[i];
  }
  return out;
}

// The last leaf that ends at or before `offset` and is no error: where the grammar stood.
std::optional<TSNode> leaf_before(TSNode node, uint32_t offset) {
  std::optional<TSNode> found;
  const uint32_t count = ts_node_child_count(node);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_child(node, i);
    if (ts_node_start_byte(child) >= offset) break;
    if (ts_node_is_error(child) || ts_node_is_missing(child) || ts_node_is_extra(child)) continue;
    if (ts_node_child_count(child) == 0) {
      if (ts_node_end_byte(child) <= offset) found = child;
    } else if (auto inner = leaf_before(child, offset)) {
      found = inner;
    }
  }
  return found;
}

Error syntax_error(std::string_view text, const std::string& path, Position origin, TSTree* tree) {
  const TSNode root = ts_tree_root_node(tree);
  const TSNode bad = first_error(root).value_or(root);
  const Converter converter(text, origin);
  Location location{path, 0, 0, ""};
  const Position at = converter.position(bad);
  location.line = at.line;
  location.column = at.column;
  const TSLanguage* language = tree_sitter_hcl();
  std::string expected;
  if (auto before = leaf_before(root, ts_node_start_byte(bad))) {
    expected = expected_in(language, ts_node_next_parse_state(*before));
  }
  std::string_view found =
      ts_node_is_missing(bad) ? text.substr(ts_node_start_byte(bad)) : converter.text_of(bad);
  found = found.substr(0, std::min(found.find('\n'), std::size_t{40}));
  if (ts_node_is_missing(bad)) {
    // A missing token is placed where the text before it ends: `name =` lacks its value there.
    if (auto before = leaf_before(root, ts_node_start_byte(bad))) {
      const TSPoint end = ts_node_end_point(*before);
      location.line = origin.line + static_cast<int>(end.row);
      location.column = static_cast<int>(end.column) + (end.row == 0 ? origin.column : 1);
    }
    static const std::map<std::string, std::string, std::less<>> missing = {
        {"identifier", "a value"}, {"quoted_template_end", "the closing \" of the string"}};
    const auto word = missing.find(ts_node_type(bad));
    TSNode parent = ts_node_parent(bad);
    while (!ts_node_is_null(parent) && std::string_view(ts_node_type(parent)) != "block") {
      parent = ts_node_parent(parent);
    }
    if (std::string_view(ts_node_type(bad)) == "}" && !ts_node_is_null(parent)) {
      const Position opened = converter.position(parent);
      return Error{"E_HCL_SYNTAX",
                   fmt::format("expected '}}' to close the block that starts at line {}, found {}",
                               opened.line,
                               found.empty() ? "the end of the file" : fmt::format("'{}'", found)),
                   location};
    }
    const std::string what = word != missing.end() ? word->second
                             : expected.empty()    ? fmt::format("'{}'", ts_node_type(bad))
                                                   : expected;
    return Error{"E_HCL_SYNTAX",
                 fmt::format("expected {} here, found {}", what,
                             found.empty() ? "the end of the file" : fmt::format("'{}'", found)),
                 location};
  }
  const std::string found_words =
      found.empty() ? "the end of the file" : fmt::format("'{}'", found);
  // `name =` and then no value: the error swallows the argument; say what is missing after it.
  const uint32_t children = ts_node_child_count(bad);
  if (children > 0 && ts_node_type(ts_node_child(bad, children - 1)) == std::string_view("=")) {
    const TSNode equals = ts_node_child(bad, children - 1);
    const TSPoint end = ts_node_end_point(equals);
    location.line = origin.line + static_cast<int>(end.row);
    location.column = static_cast<int>(end.column) + (end.row == 0 ? origin.column : 1);
    std::string_view next = text.substr(ts_node_end_byte(equals));
    next.remove_prefix(std::min(next.find_first_not_of(" \t\r\n"), next.size()));
    next = next.substr(0, std::min(next.find('\n'), std::size_t{40}));
    return Error{"E_HCL_SYNTAX",
                 fmt::format("expected a value after '{}', found {}", found,
                             next.empty() ? "the end of the file" : fmt::format("'{}'", next)),
                 location};
  }
  return Error{"E_HCL_SYNTAX",
               expected.empty()
                   ? fmt::format("expected an argument (NAME = VALUE) or a block (TYPE \"LABEL\" "
                                 "{{ ... }}) here, found {}",
                                 found_words)
                   : fmt::format("expected {} here, found {}", expected, found_words),
               location};
}

struct Parsed {
  std::unique_ptr<TSTree, TreeDeleter> tree;
};

// The first node more than detail::kMaxDepth levels below `root`, found without recursion: every
// walk of the tree after it recurses (the converter, the comments, the syntax error's place).
std::optional<TSNode> too_deep_node(TSNode root) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::optional<TSNode> found;
  for (std::size_t depth = 0; !found;) {
    if (depth > detail::kMaxDepth) {
      found = ts_tree_cursor_current_node(&cursor);
    } else if (ts_tree_cursor_goto_first_child(&cursor)) {
      ++depth;
    } else {
      while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
        if (!ts_tree_cursor_goto_parent(&cursor)) {
          ts_tree_cursor_delete(&cursor);
          return std::nullopt;
        }
        --depth;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

Result<Parsed> parse_tree(std::string_view text, const std::string& path, Position origin) {
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  ts_parser_set_language(parser.get(), tree_sitter_hcl());
  Parsed out{std::unique_ptr<TSTree, TreeDeleter>(ts_parser_parse_string(
      parser.get(), nullptr, text.data(), static_cast<uint32_t>(text.size())))};
  if (!out.tree) {
    return Error{"E_HCL_SYNTAX", "expected HCL text the parser can read, found none",
                 Location{path, 0, 0, ""}};
  }
  if (auto deep = too_deep_node(ts_tree_root_node(out.tree.get()))) {
    const Position at = Converter(text, origin).position(*deep);
    return detail::too_deep("the HCL text's syntax tree", Location{path, at.line, at.column, ""});
  }
  if (ts_node_has_error(ts_tree_root_node(out.tree.get()))) {
    return syntax_error(text, path, origin, out.tree.get());
  }
  return out;
}

void collect_comments(const Converter& converter, TSNode node, std::vector<Comment>& out) {
  for (TSNode child : Converter::children(node)) {
    if (converter.type_of(child) == "comment") {
      out.push_back(Comment{std::string(converter.text_of(child)), converter.position(child),
                            static_cast<int>(ts_node_end_point(child).row) + 1});
    } else if (ts_node_child_count(child) > 0) {
      collect_comments(converter, child, out);
    }
  }
}

}  // namespace

const Attribute* Body::attribute(std::string_view name) const {
  for (const Attribute& a : attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::vector<const Block*> Body::blocks_of(std::string_view type) const {
  std::vector<const Block*> out;
  for (const Block& b : blocks) {
    if (b.type == type) out.push_back(&b);
  }
  return out;
}

Result<File> parse(std::string_view text, const std::string& path) {
  // Terraform reads UTF-8 only; tree-sitter would take other bytes, and a NUL, as they are.
  if (const std::optional<detail::BadCharacter> bad = detail::find_bad_character(text)) {
    return Error{"E_HCL_SYNTAX", bad->message, Location{path, bad->line, bad->column, ""}};
  }
  SNAPKEY_ASSIGN_OR_RETURN(auto parsed, parse_tree(text, path, Position{1, 1}));
  const Converter converter(text, Position{1, 1});
  File file;
  file.path = path;
  const TSNode root = ts_tree_root_node(parsed.tree.get());
  for (TSNode child : converter.named_children(root)) {
    if (converter.type_of(child) == "body") file.body = converter.body(child);
  }
  collect_comments(converter, root, file.comments);
  return file;
}

Result<ExpressionPtr> parse_expression(std::string_view text, const std::string& path,
                                       Position at) {
  // The grammar reads files: the expression is parsed as the value of one argument, "_ = ".
  const std::string wrapped = "_ = " + std::string(text) + "\n";
  const Position origin{at.line, at.column - 4};
  SNAPKEY_ASSIGN_OR_RETURN(auto parsed, parse_tree(wrapped, path, origin));
  const Converter converter(wrapped, origin);
  const TSNode root = ts_tree_root_node(parsed.tree.get());
  for (TSNode child : converter.named_children(root)) {
    if (converter.type_of(child) != "body") continue;
    const Body body = converter.body(child);
    if (body.attributes.size() == 1 && body.blocks.empty()) return body.attributes[0].value;
  }
  return Error{"E_HCL_SYNTAX", fmt::format("expected one expression, found '{}'", text),
               Location{path, at.line, at.column, ""}};
}

}  // namespace snapkey::io::hcl
